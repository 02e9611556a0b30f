/* The main menu on small screens (base.html): folded behind the "Menu" button, which opens and
 * closes it (aria-expanded), Escape closes it and gives focus back to the button. Loaded in <head>
 * without defer so the `nav-js` class is set before the first paint (no flash of the open menu);
 * without JavaScript the class is never set, the button stays hidden and the menu open. */
(function () {
  "use strict";
  document.documentElement.classList.add("nav-js");
  const setOpen = (button, panel, open) => {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    panel.classList.toggle("open", open);
  };
  document.addEventListener("DOMContentLoaded", () => {
    const button = document.querySelector(".nav-toggle");
    const panel = button && document.getElementById(button.getAttribute("aria-controls"));
    if (!panel) return;
    button.addEventListener("click", () => setOpen(button, panel, button.getAttribute("aria-expanded") !== "true"));
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
        setOpen(button, panel, false);
        button.focus();
      }
    });
  });
})();
