// Upload page: drag and drop onto the file input, plus a client-side size/type hint.
// The server checks everything again; this only saves a round trip for obvious mistakes.
(function () {
  "use strict";
  const form = document.getElementById("upload-form");
  if (!form) return;
  const input = form.querySelector("input[type=file]");
  const zone = document.getElementById("dropzone");
  const summary = document.getElementById("file-summary");
  const hint = document.getElementById("file-hint");
  const maxBytes = Number(form.dataset.maxBytes);
  const maxMb = form.dataset.maxMb;
  const allowed = [".pdf", ".doc", ".docx"];

  function formatSize(bytes) {
    if (bytes < 1024) return bytes + " bytes";
    if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(1) + " KB";
    return (bytes / (1024 * 1024)).toFixed(1) + " MB";
  }

  function problemWith(file) {
    const name = file.name.toLowerCase();
    if (!allowed.some((ext) => name.endsWith(ext))) return "Only PDF, DOC and DOCX files are supported.";
    if (file.size === 0) return "This file is empty.";
    if (file.size > maxBytes) return "This file is " + formatSize(file.size) + "; the limit is " + maxMb + " MB.";
    return "";
  }

  function showHint(text) {
    hint.textContent = text;
    hint.hidden = !text;
    hint.classList.toggle("bad", Boolean(text));
  }

  function refresh() {
    const file = input.files && input.files[0];
    summary.textContent = file ? file.name + " (" + formatSize(file.size) + ")" : "";
    showHint(file ? problemWith(file) : "");
  }

  input.addEventListener("change", refresh);

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
    if (files.length > 1) {
      showHint("Drop one file at a time.");
      return;
    }
    input.files = files;
    refresh();
  });

  form.addEventListener("submit", (event) => {
    const file = input.files && input.files[0];
    const problem = file ? problemWith(file) : "Choose a resume file first.";
    if (problem) {
      event.preventDefault();
      showHint(problem);
      return;
    }
    const button = document.getElementById("upload-submit");
    button.disabled = true;
    button.textContent = "Uploading…";
  });
})();
