// Profile page: a value's link shows its passage in the resume text (the <mark> it points at).
// Without this script the link still jumps to the passage; with it the page stays where it is,
// the source panel scrolls to the passage and marks it, on click and on keyboard focus.
(function () {
  "use strict";
  var source = document.getElementById("source");
  if (!source) return;
  var active = [];

  function show(link, scroll) {
    var mark = document.getElementById(link.getAttribute("data-evidence"));
    if (!mark) return;
    active.forEach(function (el) { el.classList.remove("is-active"); });
    active = [mark, link];
    mark.classList.add("is-active");
    link.classList.add("is-active");
    if (scroll) {
      // Scroll the panel itself, and the page only as far as needed to show the panel's passage.
      var top = mark.offsetTop - source.offsetTop - source.clientHeight / 3;
      source.scrollTo({ top: Math.max(top, 0), behavior: "smooth" });
      var box = source.getBoundingClientRect();
      if (box.bottom < 0 || box.top > window.innerHeight) {
        mark.scrollIntoView({ block: "center", behavior: "smooth" });
      }
    }
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a.ev-link");
    if (!link) return;
    event.preventDefault();
    show(link, true);
  });
  document.addEventListener("focusin", function (event) {
    var link = event.target.closest && event.target.closest("a.ev-link");
    if (link) show(link, window.matchMedia("(min-width: 1100px)").matches);
  });
  document.addEventListener("keydown", function (event) {
    var link = event.target.closest && event.target.closest("a.ev-link");
    if (link && event.key === " ") { event.preventDefault(); show(link, true); }
  });
})();
