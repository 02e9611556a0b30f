/* Live job progress on the job list: while the chat socket (chat.js) is subscribed to job updates,
 * job_update events refresh the list at once and the 2 s polling pauses; when the socket drops,
 * polling resumes, so the page keeps moving either way. */
(function () {
  "use strict";
  window.raLive = false;
  const refresh = () => {
    const list = document.getElementById("job-list");
    if (list && window.htmx) window.htmx.trigger(list, "job-update");
  };
  const setLive = (value) => () => { window.raLive = value; };
  // chat.js subscribes on every (re)connect; once that is confirmed, refresh once: updates sent
  // before the subscription took effect were not seen.
  document.addEventListener("chat:subscribed", (event) => {
    if (event.detail.topic !== "jobs") return;
    window.raLive = true;
    refresh();
  });
  document.addEventListener("chat:reconnecting", setLive(false));
  document.addEventListener("chat:unauthorized", setLive(false));
  document.addEventListener("chat:job_update", refresh);
  // While live, the list's 2 s poll is skipped; a job-update event still refreshes it. (Here, not
  // as an hx-trigger filter: htmx evaluates those, which the Content-Security-Policy forbids.)
  document.addEventListener("htmx:confirm", (event) => {
    const list = event.target;
    const byPoll = !event.detail.triggeringEvent;
    if (list.id === "job-list" && window.raLive && byPoll) event.preventDefault();
  });
})();
