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
  /* A bar above each code block holds its language and the Copy button, so that the button never covers code. */
  Array.prototype.forEach.call(document.querySelectorAll("pre.code"), function (pre) {
    var code = pre.querySelector("code");
    if (!code) { return; }
    var wrap = document.createElement("div");
    wrap.className = "code-wrap";
    pre.parentNode.insertBefore(wrap, pre);
    var bar = document.createElement("div");
    bar.className = "code-bar";
    var lang = document.createElement("span");
    lang.className = "code-lang";
    lang.textContent = pre.getAttribute("data-lang") || "";
    bar.appendChild(lang);
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
    bar.appendChild(button);
    wrap.appendChild(bar);
    wrap.appendChild(pre);
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

  /* With no font for Hangul every Korean letter is the same empty box: two different syllables drawn alike
     tell it, and the reader is told what to install (once; the notice can be closed). */
  function hangulDrawnAsBoxes() {
    var canvas = document.createElement("canvas");
    var ctx = canvas.getContext && canvas.getContext("2d");
    if (!ctx) { return false; }
    canvas.width = 64; canvas.height = 40;
    ctx.font = "32px " + getComputedStyle(document.body).fontFamily;
    function draw(text) {
      ctx.clearRect(0, 0, 64, 40);
      ctx.fillText(text, 0, 32);
      return Array.prototype.join.call(ctx.getImageData(0, 0, 64, 40).data, ",");
    }
    return draw("\uAC00") === draw("\uD7A3");
  }
  var NOTICE_KEY = "flashgen:font-notice";
  var dismissed = false;
  try { dismissed = window.localStorage.getItem(NOTICE_KEY) === "closed"; } catch (e) { dismissed = false; }
  if (!dismissed && /[\uAC00-\uD7A3]/.test(document.body.textContent || "") && hangulDrawnAsBoxes()) {
    var notice = document.createElement("div");
    notice.className = "font-notice";
    notice.setAttribute("role", "status");
    notice.innerHTML = "<p><strong>No Korean font on this computer:</strong> Korean text shows as boxes. Install " +
      "one and reload: Debian or Ubuntu <code>sudo apt install fonts-noto-cjk</code>, Fedora " +
      "<code>sudo dnf install google-noto-sans-cjk-fonts</code>, Arch <code>sudo pacman -S noto-fonts-cjk</code> " +
      "(Windows, macOS, iOS and Android have one already).</p>";
    var close = document.createElement("button");
    close.type = "button";
    close.className = "font-notice-close";
    close.textContent = "Close";
    close.addEventListener("click", function () {
      try { window.localStorage.setItem(NOTICE_KEY, "closed"); } catch (e) { /* storage off: this page only */ }
      notice.hidden = true;
    });
    notice.appendChild(close);
    var main = document.getElementById("main");
    if (main) { main.insertBefore(notice, main.firstChild); }
  }

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
