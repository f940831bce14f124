/* Page helpers: theme toggle, copy buttons on code, the "/" search shortcut and the home page's due count. */
(function () {
  "use strict";
  var toggle = document.getElementById("theme-toggle");
  if (toggle && window.flashgenToggleTheme) {
    toggle.addEventListener("click", function () { window.flashgenToggleTheme(); });
  }

  function copyText(text, done) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, function () { fallback(text, done); });
    } else {
      fallback(text, done);
    }
  }
  function fallback(text, done) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "offscreen";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); done(); } catch (e) { /* nothing more to try */ }
    document.body.removeChild(area);
  }
  Array.prototype.forEach.call(document.querySelectorAll("pre.code"), function (pre) {
    var code = pre.querySelector("code");
    if (!code) { return; }
    var wrap = document.createElement("div");
    wrap.className = "code-wrap";
    pre.parentNode.insertBefore(wrap, pre);
    wrap.appendChild(pre);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy code");
    button.addEventListener("click", function () {
      copyText(code.textContent, function () {
        button.textContent = "Copied";
        setTimeout(function () { button.textContent = "Copy"; }, 1500);
      });
    });
    wrap.appendChild(button);
  });

  document.addEventListener("keydown", function (event) {
    var tag = (event.target && event.target.tagName) || "";
    if (event.key === "/" && !/^(INPUT|TEXTAREA|SELECT)$/.test(tag) && !event.ctrlKey && !event.metaKey) {
      var input = document.getElementById("search-input");
      if (input) { event.preventDefault(); input.focus(); }
    }
  });

  function revealTarget() {  // a link to something inside a closed <details> (a card in the list) opens it
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) { return; }
    for (var node = target.parentNode; node && node !== document; node = node.parentNode) {
      if (node.tagName === "DETAILS" && !node.open) { node.open = true; }
    }
    target.scrollIntoView();
  }
  revealTarget();
  window.addEventListener("hashchange", revealTarget);

  var toc = document.querySelector(".toc details");
  if (toc && window.matchMedia && window.matchMedia("(max-width: 900px)").matches) { toc.removeAttribute("open"); }

  var summary = document.getElementById("due-summary");
  if (summary) {
    var states = {};
    try { states = JSON.parse(window.localStorage.getItem("flashgen:srs:v1") || "{}") || {}; } catch (e) { states = {}; }
    var now = Date.now(), due = 0, seen = 0;
    Object.keys(states).forEach(function (id) {
      seen += 1;
      if (states[id] && states[id].due <= now) { due += 1; }
    });
    if (seen) {
      summary.textContent = due + " of your " + seen + " studied cards are due now.";
      summary.hidden = false;
    }
  }
})();
