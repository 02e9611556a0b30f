/* Live job progress on the job list: while the chat socket (chat.js) is connected, job_update
 * events refresh the list at once and the 2 s polling pauses; when the socket drops, polling
 * resumes, so the page keeps moving either way. */
(function () {
  "use strict";
  window.raLive = false;
  const refresh = () => {
    const list = document.getElementById("job-list");
    if (list && window.htmx) window.htmx.trigger(list, "job-update");
  };
  const setLive = (value) => () => { window.raLive = value; };
  // On (re)connect, refresh once: updates sent before the socket was ready were not seen.
  document.addEventListener("chat:ready", () => { window.raLive = true; refresh(); });
  document.addEventListener("chat:reconnecting", setLive(false));
  document.addEventListener("chat:unauthorized", setLive(false));
  document.addEventListener("chat:job_update", refresh);
})();
