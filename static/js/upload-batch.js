// Upload page: many files (or .zip archives) by selection or drag and drop, each sent in its own
// request so each has its own progress bar and result. The server checks everything again; the
// client only saves a round trip for obvious mistakes (type, empty, over the size limit).
// Without this script the form posts all chosen files at once and the page lists the results.
(function () {
  "use strict";
  const form = document.getElementById("upload-form");
  if (!form) return;
  const input = form.querySelector("input[type=file]");
  const zone = document.getElementById("dropzone");
  const summary = document.getElementById("file-summary");
  const hint = document.getElementById("file-hint");
  const button = document.getElementById("upload-submit");
  const linkedin = form.querySelector("input[name=linkedin_url]");
  const analyze = document.getElementById("id_analyze");
  const results = document.getElementById("upload-results");
  const list = document.getElementById("result-list");
  const resultsSummary = document.getElementById("results-summary");
  const csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  const maxBytes = Number(form.dataset.maxBytes);
  const maxMb = form.dataset.maxMb;
  const allowed = [".pdf", ".doc", ".docx", ".zip"];
  const PARALLEL = 3;
  let chosen = [];
  let busy = false;

  function formatSize(bytes) {
    if (bytes < 1024) return bytes + " bytes";
    if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(1) + " KB";
    return (bytes / (1024 * 1024)).toFixed(1) + " MB";
  }

  function isZip(file) {
    return file.name.toLowerCase().endsWith(".zip");
  }

  function problemWith(file) {
    const name = file.name.toLowerCase();
    if (!allowed.some((ext) => name.endsWith(ext))) return "Only PDF, DOC, DOCX and .zip files are supported.";
    if (file.size === 0) return "This file is empty.";
    if (file.size > maxBytes) return "This file is " + formatSize(file.size) + "; the limit is " + maxMb + " MB.";
    return "";
  }

  function showHint(text) {
    hint.textContent = text;
    hint.hidden = !text;
    hint.classList.toggle("bad", Boolean(text));
  }

  function choose(files) {
    chosen = Array.from(files || []);
    const total = chosen.reduce((sum, file) => sum + file.size, 0);
    if (chosen.length === 1) summary.textContent = chosen[0].name + " (" + formatSize(total) + ")";
    else summary.textContent = chosen.length ? chosen.length + " files (" + formatSize(total) + ")" : "";
    const single = chosen.length <= 1 && !(chosen[0] && isZip(chosen[0]));
    linkedin.disabled = !single;
    const bad = chosen.filter((file) => problemWith(file));
    showHint(bad.length === 1 && chosen.length === 1 ? problemWith(bad[0])
      : bad.length ? bad.length + " of the files cannot be uploaded; they are marked below when you upload." : "");
  }

  input.addEventListener("change", () => choose(input.files));

  ["dragenter", "dragover"].forEach((type) =>
    zone.addEventListener(type, (event) => {
      event.preventDefault();
      zone.classList.add("dragover");
    })
  );
  ["dragleave", "dragend", "drop"].forEach((type) =>
    zone.addEventListener(type, () => zone.classList.remove("dragover"))
  );
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    const files = event.dataTransfer && event.dataTransfer.files;
    if (!files || files.length === 0) return;
    try {
      input.files = files; // keeps the form usable without the script's own sending
    } catch (error) {
      /* some browsers refuse; the chosen list below is what is sent */
    }
    choose(files);
  });

  // --- results ---------------------------------------------------------------------------------

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function link(text, href, action) {
    const anchor = element("a", "btn small", text);
    anchor.href = href;
    anchor.dataset.action = action;
    return anchor;
  }

  function pendingRow(file) {
    const row = element("li", "upload-result pending");
    const name = element("span", "result-name", file.name);
    const bar = element("progress", "result-progress");
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute("aria-label", "Upload progress of " + file.name);
    const text = element("span", "result-text", "Waiting…");
    row.append(name, bar, text);
    list.append(row);
    return row;
  }

  function fill(row, result) {
    row.className = "upload-result " + (result.ok ? "ok" : result.existing_url ? "duplicate" : "bad");
    row.dataset.status = String(result.status);
    row.replaceChildren();
    const name = element("span", "result-name", result.filename);
    if (result.archive) name.append(" ", element("span", "muted", "from " + result.archive));
    const text = result.ok
      ? "Uploaded" + (result.analysis ? " · analysis started" : "")
      : result.error + (result.message ? ". " + result.message : "");
    row.append(name, element("span", "result-text", text));
    if (result.url) row.append(link(result.analysis ? "Follow the analysis" : "Open", result.url, "jobs"));
    if (result.existing_url) row.append(link("See the existing upload", result.existing_url, "existing"));
  }

  function failRow(row, file, message) {
    fill(row, { filename: file.name, ok: false, status: 0, error: "Not uploaded", message: message });
  }

  function send(file, row) {
    return new Promise((resolve) => {
      const data = new FormData();
      data.append("csrfmiddlewaretoken", csrf);
      data.append("file", file, file.name);
      data.append("analyze_shown", "1");
      if (analyze.checked) data.append("analyze", "on");
      if (!linkedin.disabled && linkedin.value.trim()) data.append("linkedin_url", linkedin.value.trim());
      const request = new XMLHttpRequest();
      request.open("POST", form.action);
      request.setRequestHeader("Accept", "application/json");
      const bar = row.querySelector("progress");
      const text = row.querySelector(".result-text");
      request.upload.addEventListener("progress", (event) => {
        if (!event.lengthComputable) return;
        bar.value = Math.round((event.loaded / event.total) * 100);
        text.textContent = bar.value < 100 ? "Uploading… " + bar.value + "%" : "Checking…";
      });
      request.addEventListener("load", () => {
        let body = null;
        try {
          body = JSON.parse(request.responseText);
        } catch (error) {
          body = null;
        }
        if (body && Array.isArray(body.results) && body.results.length) {
          fill(row, body.results[0]);
          let after = row;
          body.results.slice(1).forEach((result) => {
            const extra = element("li");
            fill(extra, result);
            after.after(extra);
            after = extra;
          });
          resolve(body.results);
          return;
        }
        const message = body && body.message ? body.message : "The server answered " + request.status + ".";
        const result = { filename: file.name, ok: false, status: request.status,
          error: (body && body.error) || "Not uploaded", message: message };
        fill(row, result);
        resolve([result]);
      });
      request.addEventListener("error", () => {
        failRow(row, file, "The connection failed; try again.");
        resolve([{ ok: false }]);
      });
      text.textContent = "Uploading…";
      request.send(data);
    });
  }

  function report(all) {
    const stored = all.filter((result) => result.ok).length;
    const duplicates = all.filter((result) => !result.ok && result.existing_url).length;
    const refused = all.length - stored - duplicates;
    const parts = [stored + " uploaded"];
    if (duplicates) parts.push(duplicates + " already uploaded");
    if (refused) parts.push(refused + " refused");
    resultsSummary.replaceChildren(parts.join(", ") + ". ", Object.assign(element("a", "", "My resumes"), { href: "/uploads" }));
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (busy) return;
    if (!chosen.length) {
      showHint("Choose resume files first.");
      return;
    }
    busy = true;
    button.disabled = true;
    button.textContent = "Uploading…";
    results.hidden = false;
    list.replaceChildren();
    resultsSummary.textContent = "Uploading " + chosen.length + " file" + (chosen.length === 1 ? "" : "s") + "…";
    const jobs = chosen.map((file) => ({ file: file, row: pendingRow(file) }));
    const all = [];
    const waiting = [];
    jobs.forEach((job) => {
      const problem = problemWith(job.file);
      if (problem) {
        failRow(job.row, job.file, problem);
        all.push({ ok: false });
      } else {
        waiting.push(job);
      }
    });
    async function worker() {
      while (waiting.length) {
        const job = waiting.shift();
        all.push(...(await send(job.file, job.row)));
      }
    }
    await Promise.all(Array.from({ length: Math.min(PARALLEL, waiting.length) }, worker));
    report(all);
    busy = false;
    button.disabled = false;
    button.textContent = "Upload";
    input.value = "";
    choose([]);
    showHint("");
  });
})();
