/* Light or dark: the reader's choice if remembered, else the system's. Loaded in <head> to avoid a flash. */
(function () {
  "use strict";
  var KEY = "flashgen:theme";
  var root = document.documentElement;
  var media = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  function stored() {
    try { return window.localStorage.getItem(KEY); } catch (e) { return null; }
  }
  function apply() {
    var choice = stored();
    root.setAttribute("data-theme", choice === "dark" || choice === "light" ? choice : (media && media.matches ? "dark" : "light"));
  }
  apply();
  if (media && media.addEventListener) { media.addEventListener("change", apply); }
  window.flashgenToggleTheme = function () {
    var next = root.getAttribute("data-theme") === "dark" ? "light" : "dark";
    try { window.localStorage.setItem(KEY, next); } catch (e) { /* storage off: this page only */ }
    root.setAttribute("data-theme", next);
  };
})();
