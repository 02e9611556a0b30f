/* Question library: when a question is deleted in place (htmx swaps its card away), the count in
 * the heading follows. A MutationObserver on the list, because the deleted card (and the form that
 * asked) is out of the document by the time htmx's after-events fire. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", () => {
    const list = document.querySelector(".saved-list");
    const count = document.getElementById("library-count");
    if (!list || !count) return;
    new MutationObserver(() => {
      const left = list.querySelectorAll(".saved-card").length;
      if (String(left) === count.dataset.count) return;
      count.dataset.count = String(left);
      count.textContent = left + (left === 1 ? " question" : " questions");
    }).observe(list, { childList: true });
  });
})();
