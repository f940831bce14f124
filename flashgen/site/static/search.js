/* Full-text search in the browser over notes and cards (Korean too: matches inside compounds).

   The data is a list of [kind, title, heading, url, text] records, one per note and per note section
   (a note's record also says how many cards it has), in files of about sixty notes each (assets/search/…,
   named by assets/search-data.js), loaded by <script> elements on first use so it works from file://.
   A card's text is its note's text: the cards are searched in the card data (cards/NAME.js, the study
   page's own) of the notes with cards among the best hits, loaded as those hits are shown.
   Every query word must occur somewhere in a record (substring match on lowercased NFC text);
   hits in the title outrank hits in headings, which outrank hits in the text, and a hit that is a
   whole word or a word beginning outranks one inside a word. */
(function () {
  "use strict";
  var input = document.getElementById("search-input");
  var box = document.getElementById("search-results");
  if (!input || !box) { return; }
  var root = document.documentElement.getAttribute("data-root") || "";
  var docs = null, folded = null, loading = false, waiting = null, timer = null, selected = 0;
  var WORD = /[\p{L}\p{N}_]/u;
  var KIND_LABEL = ["note", "section", "card"];
  var MAX_RESULTS = 30, CARD_NOTES = 6;
  var CLOZE = /\{\{c\d+::([\s\S]*?)(?:::[\s\S]*?)?\}\}/g;
  var withCards = {};  // note page URL -> the note's name on the study page, for notes with cards

  function fold(text) { return (text || "").normalize("NFC").toLowerCase(); }

  function addScript(src, onload, onerror) {
    var script = document.createElement("script");
    script.src = src;
    script.onload = onload;
    script.onerror = onerror;
    document.head.appendChild(script);
  }

  /* assets/search-data.js names the data files; each one adds its records as one numbered part. */
  function load(then) {
    if (docs) { then(); return; }
    waiting = then;
    if (loading) { return; }
    loading = true;
    function failed() { loading = false; show([], "The search index could not be loaded."); }
    addScript(root + "assets/search-data.js", function () {
      var files = (window.FLASHGEN_SEARCH || { parts: [] }).parts, left = files.length;
      function done() {
        var parts = window.FLASHGEN_SEARCH_PARTS || {};
        docs = [];
        files.forEach(function (_, number) { docs = docs.concat(parts[number] || []); });
        folded = docs.map(function (d) { return [fold(d[1]), fold(d[2]), fold(d[4])]; });
        docs.forEach(function (d) {
          if (d[0] === 0 && d[5]) { withCards[d[3]] = decodeURIComponent(d[3].replace(/^notes\//, "").replace(/\.html$/, "")); }
        });
        if (waiting) { waiting(); }
      }
      if (!left) { done(); return; }
      files.forEach(function (file) {
        addScript(root + "assets/" + file, function () { left -= 1; if (!left) { done(); } }, failed);
      });
    }, failed);
  }

  /* 0: absent; 1: inside a word; 2: starts a word; 3: a whole word. Also the first position. */
  function match(hay, term) {
    var at = hay.indexOf(term), best = 0, first = at, count = 0;
    while (at >= 0 && count < 64) {
      var starts = at === 0 || !WORD.test(hay.charAt(at - 1));
      var ends = at + term.length >= hay.length || !WORD.test(hay.charAt(at + term.length));
      var kind = starts ? (ends ? 3 : 2) : 1;
      if (kind > best) { best = kind; }
      count += 1;
      if (best === 3 && count > 8) { break; }
      at = hay.indexOf(term, at + 1);
    }
    return { kind: best, at: first, count: count };
  }

  var QUALITY = [0, 1, 1.6, 2];

  function termsOf(query) { return fold(query).split(/\s+/).filter(function (t) { return t.length > 0; }); }

  /* The score of one record (folded [title, heading, text]) for every term, or null when a term is missing. */
  function scored(doc, f, terms, order) {
    var score = 0, hitAt = -1, hitTerm = "";
    for (var j = 0; j < terms.length; j++) {
      var term = terms[j];
      var inTitle = match(f[0], term), inHeading = match(f[1], term), inText = match(f[2], term);
      if (!inTitle.kind && !inHeading.kind && !inText.kind) { return null; }
      var titleWeight = doc[0] === 0 ? 100 : 4;
      score += titleWeight * QUALITY[inTitle.kind] + 40 * QUALITY[inHeading.kind] +
        (inText.kind ? 10 * QUALITY[inText.kind] + Math.min(inText.count, 10) : 0);
      if (inText.kind && hitAt < 0) { hitAt = inText.at; hitTerm = term; }
    }
    if (doc[0] === 2) { score *= 0.8; }
    return { doc: doc, score: score, at: hitAt, term: hitTerm, order: order, terms: terms };
  }

  function ranked(results) {
    results.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    return results.slice(0, MAX_RESULTS);
  }

  function search(query) {
    var terms = termsOf(query);
    if (!terms.length) { return []; }
    var results = [];
    for (var i = 0; i < docs.length; i++) {
      var hit = scored(docs[i], folded[i], terms, i);
      if (hit) { results.push(hit); }
    }
    return ranked(results);
  }

  function plain(html) {
    var holder = document.createElement("template");
    holder.innerHTML = html.replace(CLOZE, "$1").replace(/<(br|\/p|\/li|\/div|\/pre|\/h\d)>/gi, "\n$&");
    return (holder.content.textContent || "").replace(/[ \t]+/g, " ").replace(/\n\s*\n+/g, "\n").trim();
  }

  /* The cards of the best hits' notes that hold every term, as more results (after `results`). */
  function cardResults(results, query, then) {
    var names = [];
    results.forEach(function (r) {
      var name = withCards[r.doc[3].split("#")[0]];
      if (name !== undefined && names.indexOf(name) < 0 && names.length < CARD_NOTES) { names.push(name); }
    });
    var data = window.FLASHGEN_CARDS = window.FLASHGEN_CARDS || {}, left = 0;
    function ready() {
      var terms = termsOf(query), hits = [];
      names.forEach(function (name) {
        var note = data[name];
        (note ? note.cards : []).forEach(function (card, index) {
          var label = (card.at || ["", note.title])[1], heading = label.split(" › ").slice(1).join(" › ");
          var text = ((card.prompt ? card.prompt + "\n" : "") + plain(card.front) + "\n" + plain(card.back)).trim();
          var doc = [2, note.title, heading, "study.html#note=" + encodeURIComponent(name).replace(/%2F/g, "/") +
                     "&card=" + encodeURIComponent(card.id), text];
          var hit = scored(doc, [fold(doc[1]), fold(doc[2]), fold(text)], terms, docs.length + index);
          if (hit) { hits.push(hit); }
        });
      });
      then(hits);
    }
    names.forEach(function (name) {
      if (data[name]) { return; }
      left += 1;
      addScript(root + "cards/" + name.split("/").map(encodeURIComponent).join("/") + ".js", finished, finished);
    });
    function finished() { left -= 1; if (!left) { ready(); } }
    if (!left) { ready(); }
  }

  /* Text with every occurrence of the terms wrapped in <mark>, built as DOM nodes (never as HTML). */
  function highlighted(text, terms) {
    var span = document.createElement("span");
    var lower = fold(text), pos = 0;
    while (pos < text.length) {
      var next = -1, length = 0;
      terms.forEach(function (t) {
        var at = lower.indexOf(t, pos);
        if (at >= 0 && (next < 0 || at < next)) { next = at; length = t.length; }
      });
      if (next < 0) { break; }
      if (next > pos) { span.appendChild(document.createTextNode(text.slice(pos, next))); }
      var mark = document.createElement("mark");
      mark.textContent = text.slice(next, next + length);
      span.appendChild(mark);
      pos = next + length;
    }
    if (pos < text.length) { span.appendChild(document.createTextNode(text.slice(pos))); }
    return span;
  }

  function snippet(result) {
    var text = result.doc[4] || "";
    var at = result.at >= 0 ? result.at : 0;
    var start = Math.max(0, at - 40), end = Math.min(text.length, at + 100);
    var piece = text.slice(start, end).replace(/\s+/g, " ");
    return (start > 0 ? "… " : "") + piece + (end < text.length ? " …" : "");
  }

  function show(results, message, query) {
    box.textContent = "";
    box.setAttribute("data-query", query || "");
    selected = 0;
    if (message) {
      var note = document.createElement("p");
      note.className = "search-empty";
      note.textContent = message;
      box.appendChild(note);
    }
    results.forEach(function (result, index) {
      var link = document.createElement("a");
      link.className = "search-hit" + (index === 0 ? " selected" : "");
      link.href = root + result.doc[3];
      var head = document.createElement("span");
      head.className = "search-hit-title";
      var label = document.createElement("span");
      label.className = "search-kind kind-" + KIND_LABEL[result.doc[0]];
      label.textContent = KIND_LABEL[result.doc[0]];
      head.appendChild(label);
      head.appendChild(highlighted(result.doc[1], result.terms));
      if (result.doc[2]) {
        head.appendChild(document.createTextNode(" › "));
        head.appendChild(highlighted(result.doc[2], result.terms));
      }
      link.appendChild(head);
      var context = document.createElement("span");
      context.className = "search-hit-context";
      context.appendChild(highlighted(snippet(result), result.terms));
      link.appendChild(context);
      box.appendChild(link);
    });
    box.hidden = false;
  }

  function run() {
    var query = input.value.trim();
    if (!query) { box.hidden = true; box.textContent = ""; return; }
    load(function () {
      if (input.value.trim() !== query) { return; }
      var results = search(query);
      show(results, results.length ? "" : "No match for “" + query + "”.", query);
      box.setAttribute("data-cards", "");
      cardResults(results, query, function (hits) {
        if (input.value.trim() !== query) { return; }
        if (hits.length) { show(ranked(results.concat(hits)), "", query); }
        box.setAttribute("data-cards", query);
      });
    });
  }

  function move(step) {
    var hits = box.querySelectorAll(".search-hit");
    if (!hits.length) { return; }
    hits[selected].classList.remove("selected");
    selected = (selected + step + hits.length) % hits.length;
    hits[selected].classList.add("selected");
    hits[selected].scrollIntoView({ block: "nearest" });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 60);
  });
  input.addEventListener("focus", function () { load(function () {}); if (input.value.trim()) { run(); } });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown") { event.preventDefault(); move(1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); move(-1); }
    else if (event.key === "Enter") {
      var hit = box.querySelectorAll(".search-hit")[selected];
      if (hit) { event.preventDefault(); location.href = hit.href; }
    } else if (event.key === "Escape") { box.hidden = true; input.blur(); }
  });
  document.addEventListener("click", function (event) {
    if (!box.contains(event.target) && event.target !== input) { box.hidden = true; }
  });
  window.flashgenSearch = function (query) { return docs ? search(query) : null; };
})();
