/* Chat client for /ws: one socket per tab, session-cookie auth, reconnect with exponential backoff
 * (2 s doubling to 30 s, as the seed describes) and re-auth on every reconnect. The server sends
 * only what the seed's protocol has unless asked, so on every (re)connect this asks for job
 * updates ({"type": "subscribe", "topic": "jobs"}) and, on the chat page, for the chosen
 * resume's history ({"type": "history", "job_id": ...}).
 *
 * Every server message is also re-dispatched on `document` as a "chat:<type>" CustomEvent, so any
 * page can react to live events, e.g. document.addEventListener("chat:job_update", e => ...).
 * The socket starts on the chat page (#chat-app) and on any page with a [data-chat-live] element.
 */
(function () {
  "use strict";

  const MIN_DELAY_MS = 2000;
  const MAX_DELAY_MS = 30000;
  const CLOSE_UNAUTHENTICATED = 4401;

  class ChatSocket {
    constructor(url) {
      this.url = url;
      this.attempt = 0;
      this.ws = null;
      this.ready = false;
      this.stopped = false;
    }

    connect() {
      const ws = new WebSocket(this.url);
      this.ws = ws;
      ws.onopen = () => ws.send(JSON.stringify({ type: "auth" }));
      ws.onmessage = (event) => {
        let data;
        try { data = JSON.parse(event.data); } catch (err) { return; }
        if (data.type === "system" && data.content === "Connected to chat server") {
          this.ready = true;
          this.attempt = 0;
          this.emit("ready", {});
        }
        this.emit(data.type, data);
      };
      ws.onclose = (event) => {
        this.ready = false;
        this.ws = null;
        if (event.code === CLOSE_UNAUTHENTICATED) {
          this.stopped = true;
          this.emit("unauthorized", { code: event.code });
          return;
        }
        if (!this.stopped) this.reconnectLater();
      };
    }

    reconnectLater() {
      const delay = Math.min(MAX_DELAY_MS, MIN_DELAY_MS * 2 ** this.attempt);
      this.attempt += 1;
      this.emit("reconnecting", { delay: delay });
      setTimeout(() => this.connect(), delay);
    }

    send(message) {
      if (!this.ws || !this.ready || this.ws.readyState !== WebSocket.OPEN) return false;
      this.ws.send(JSON.stringify(message));
      return true;
    }

    emit(type, detail) {
      document.dispatchEvent(new CustomEvent("chat:" + type, { detail: detail }));
    }
  }

  function socketUrl() {
    const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
    return scheme + "//" + window.location.host + "/ws";
  }

  function on(type, handler) {
    document.addEventListener("chat:" + type, (event) => handler(event.detail));
  }

  function setStatus(state, text) {
    const status = document.getElementById("chat-status");
    if (!status) return;
    status.dataset.state = state;
    status.textContent = text;
  }

  function showJobNotice(update) {
    const notice = document.getElementById("chat-job-notice");
    if (!notice) return;
    const label = update.status.replace(/_/g, " ");
    notice.textContent = "Analysis " + update.job_id.slice(0, 8) + ": " + label + " (" + update.progress + "%)";
    if (update.status === "completed") {
      const link = document.createElement("a");
      link.href = "/chat?job=" + encodeURIComponent(update.job_id);
      link.textContent = " Chat about it";
      notice.appendChild(link);
    }
    notice.hidden = false;
  }

  function describe(metadata) {
    if (!metadata) return "";
    if (metadata.from_qa) {
      return "From the Q&A bank · match " + Number(metadata.similarity).toFixed(2) + " · “" + metadata.matched_question + "”";
    }
    const sources = metadata.sources || [];
    if (!sources.length) return "";
    return "Sources: " + sources.map((s) => (s.section || "resume") + " (" + Number(s.similarity).toFixed(2) + ")").join(", ");
  }

  function startChatPage(app, socket) {
    const log = document.getElementById("chat-log");
    const picker = document.getElementById("chat-job");
    const form = document.getElementById("chat-form");
    const input = document.getElementById("chat-input");
    const sendButton = document.getElementById("chat-send");
    const typing = document.getElementById("chat-typing");
    let waiting = false;

    const currentJob = () => picker.value;
    const setWaiting = (value) => { waiting = value; typing.hidden = !value; };

    function append(role, text, metadata) {
      const item = document.createElement("li");
      item.className = "chat-msg " + role;
      item.textContent = text;
      const meta = describe(metadata);
      if (meta) {
        const small = document.createElement("small");
        small.className = "chat-meta";
        small.textContent = meta;
        item.appendChild(small);
      }
      log.appendChild(item);
      log.scrollTop = log.scrollHeight;
    }

    function ask(text) {
      const question = text.trim();
      if (!question || waiting) return;
      if (!socket.send({ type: "message", content: question, msg_type: "text", job_id: currentJob() })) {
        append("error", "Not connected; your message was not sent. Reconnecting…");
        return;
      }
      append("user", question);
      input.value = "";
      setWaiting(true);
    }

    on("ready", () => {
      setStatus("connected", "Connected");
      sendButton.disabled = false;
      socket.send({ type: "history", job_id: currentJob() });
    });
    on("reconnecting", (d) => {
      setStatus("reconnecting", "Reconnecting in " + Math.round(d.delay / 1000) + " s…");
      sendButton.disabled = true;
      setWaiting(false);
    });
    on("unauthorized", () => {
      setStatus("closed", "Signed out — log in again");
      sendButton.disabled = true;
      setWaiting(false);
    });
    on("history", (data) => {
      if (data.job_id !== currentJob()) return;
      log.replaceChildren();
      data.messages.forEach((m) => append(m.role, m.content, m.metadata));
    });
    on("message", (m) => {
      if (m.job_id !== currentJob()) return;
      append(m.role, m.content, m.metadata);
      if (m.role === "assistant") setWaiting(false);
    });
    on("system", (m) => {
      if (m.content === "Connected to chat server") return;
      append("system", m.content);
      setWaiting(false);
    });
    on("error", (m) => { append("error", m.error + ": " + m.message); setWaiting(false); });

    form.addEventListener("submit", (event) => { event.preventDefault(); ask(input.value); });
    document.querySelectorAll(".chat-suggest").forEach((button) => {
      button.addEventListener("click", () => ask(button.textContent));
    });
    picker.addEventListener("change", () => {
      const url = new URL(window.location.href);
      url.searchParams.set("job", currentJob());
      window.history.replaceState(null, "", url);
      log.replaceChildren();
      setWaiting(false);
      socket.send({ type: "history", job_id: currentJob() });
    });
  }

  function start() {
    const app = document.getElementById("chat-app");
    if (!app && !document.querySelector("[data-chat-live]")) return;
    const socket = new ChatSocket(socketUrl());
    on("ready", () => socket.send({ type: "subscribe", topic: "jobs" }));
    on("job_update", showJobNotice);
    if (app) {
      startChatPage(app, socket);
    } else {
      on("ready", () => setStatus("connected", "Live updates on"));
      on("reconnecting", (d) => setStatus("reconnecting", "Reconnecting in " + Math.round(d.delay / 1000) + " s…"));
    }
    socket.connect();
    window.resumeAnalyzerChat = socket;
  }

  window.ChatSocket = ChatSocket;
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
