/* The study page (study.html), made in the browser from the card data: `#note=NAME` studies a note's cards,
   `#deck=DECK` a deck's (its sub-decks included, as in Anki), `&card=ID` opens the list of every card with its
   answer at that card; with neither, the page lists the decks. Each note's cards are a small script
   (cards/NAME.js) that registers them; assets/decks.js names the parts of the index of decks (which notes hold
   cards of which deck). Space or a click flips the card, 1-4 grade it (Again, Hard, Good, Easy); states are saved
   by FlashgenSRS under the cards' ids.

   A card's sides are the HTML of its Anki fields: media named `fg-…` and `obsidian://` links are pointed at the
   site's own copies through the note's `refs`, `[sound:…]` becomes a player, and a cloze note's `{{cN::…}}`
   deletions are hidden or shown as Anki shows them. */
(function () {
  "use strict";
  var panel = document.getElementById("study");
  if (!panel || typeof FlashgenSRS === "undefined") { return; }
  var LEARN_AHEAD = 20 * 60 * 1000, LIST_STEP = 200, LOADING_AT_ONCE = 6;
  var CLOZE = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;
  var SOUND = /\[sound:([^\]]+)\]/g;
  var VIDEO = /\.(mp4|webm|ogv|mov|mkv)$/i;
  var items = [], byId = {}, states = FlashgenSRS.load(), current = null, flipped = false, listed = 0;
  var front = document.getElementById("study-front"), back = document.getElementById("study-back");
  var divider = document.getElementById("study-divider"), flip = document.getElementById("study-flip");
  var grades = document.getElementById("study-grades"), done = document.getElementById("study-done");
  var cardBox = document.getElementById("study-card"), source = document.getElementById("study-source");
  var browse = document.getElementById("browse"), list = document.getElementById("card-list");
  var status = document.getElementById("study-status");

  function byName(id) { return document.getElementById(id); }

  function say(text) { status.textContent = text; status.hidden = !text; }

  function params() {
    var out = {};
    location.hash.replace(/^#/, "").split("&").forEach(function (pair) {
      if (!pair) { return; }
      var at = pair.indexOf("=");
      try {
        out[at < 0 ? pair : pair.slice(0, at)] = at < 0 ? "" : decodeURIComponent(pair.slice(at + 1));
      } catch (e) { /* a malformed part names nothing */ }
    });
    return out;
  }

  function addScript(src, onload, onerror) {
    var script = document.createElement("script");
    script.src = src;
    script.onload = onload;
    script.onerror = onerror;
    document.head.appendChild(script);
  }

  function noteScript(name) { return "cards/" + name.split("/").map(encodeURIComponent).join("/") + ".js"; }

  /* Load the card scripts of notes (a few at a time), then `then()`; a script that fails is skipped. */
  function loadNotes(names, then) {
    var data = window.FLASHGEN_CARDS = window.FLASHGEN_CARDS || {};
    var todo = names.filter(function (name) { return !data[name]; }), next = 0, running = 0;
    function pump() {
      if (next >= todo.length && !running) { say(""); then(); return; }
      while (running < LOADING_AT_ONCE && next < todo.length) {
        running += 1;
        addScript(noteScript(todo[next++]), finished, finished);
      }
    }
    function finished() {
      running -= 1;
      if (todo.length > LOADING_AT_ONCE) { say("Loading the cards… " + (next - running) + " of " + todo.length + " notes"); }
      pump();
    }
    pump();
  }

  /* The index of decks: every row is [note name, title, [[deck, cards], …]]. */
  function loadDecks(then) {
    addScript("assets/decks.js", function () {
      var index = window.FLASHGEN_DECKS || { parts: [] }, left = index.parts.length;
      function ready() {
        var parts = window.FLASHGEN_DECK_PARTS || {}, rows = [];
        index.parts.forEach(function (_, number) { rows = rows.concat(parts[number] || []); });
        then(rows, index);
      }
      if (!left) { ready(); return; }
      index.parts.forEach(function (file) {
        addScript("assets/" + file, function () { left -= 1; if (!left) { ready(); } },
          function () { say("The index of decks could not be loaded."); });
      });
    }, function () { say("The index of decks could not be loaded."); });
  }

  function inDeck(name, deck) { return name === deck || name.indexOf(deck + "::") === 0; }

  /* A card side's HTML as the site shows it: addresses pointed at the site's copies, sounds as players. */
  function adapt(html, refs) {
    if (html.indexOf("fg-") < 0 && html.indexOf("obsidian:") < 0) { return html; }
    var holder = document.createElement("template");
    holder.innerHTML = html.replace(SOUND, function (whole, name) {
      var src = refs[name];
      if (!src) { return whole; }
      var kind = VIDEO.test(name) ? "video" : "audio";
      return "<" + kind + ' class="embed-' + kind + '" controls preload="metadata" src="' + src + '"></' + kind + ">";
    });
    Array.prototype.forEach.call(holder.content.querySelectorAll("[href], [src], [data]"), function (el) {
      ["href", "src", "data"].forEach(function (name) {
        var value = el.getAttribute(name);
        if (value && Object.prototype.hasOwnProperty.call(refs, value)) { el.setAttribute(name, refs[value]); }
      });
    });
    return holder.innerHTML;
  }

  /* A cloze note's text with every deletion hidden (`reveal` false: "[…]" or its hint) or shown. */
  function cloze(text, reveal) {
    return text.replace(CLOZE, function (whole, n, inner, hint) {
      return '<span class="cloze" data-c="' + n + '">' + (reveal ? inner : "[" + (hint || "...") + "]") + "</span>";
    });
  }

  /* One card of a note's data, as the study session and the list show it. */
  function prepare(card, note, name) {
    var refs = note.refs || {}, frontHtml = adapt(card.front, refs), backHtml = adapt(card.back, refs);
    if (card.kind === "cloze") {
      var text = frontHtml;
      frontHtml = cloze(text, false);
      backHtml = cloze(text, true) + backHtml;
    }
    var at = card.at || ["", note.title];
    return { id: card.id, kind: card.kind, deck: card.deck, prompt: card.prompt || "", front: frontHtml, back: backHtml,
             href: note.page + (at[0] ? "#" + encodeURIComponent(at[0]) : ""), label: at[1], note: name, element: null };
  }

  /* The cards Anki makes of one note, studied apart as in Anki: a reversed note gives a card each way, a cloze
     note a card per cloze number (its blank hidden, the other deletions shown as text). The first keeps the
     note's id, so study states saved before stay with it. */
  function asAnkiCards(item) {
    if (item.kind === "reversed" && item.back.replace(/<[^>]*>/g, "").trim()) {
      return [item, copy(item, "~r", { front: item.back, back: item.front, prompt: "" })];
    }
    if (item.kind !== "cloze") { return [item]; }
    var revealed = document.createElement("template"), hiddenSide = document.createElement("template");
    revealed.innerHTML = item.back;
    hiddenSide.innerHTML = item.front;
    var numbers = [];
    Array.prototype.forEach.call(revealed.content.querySelectorAll(".cloze[data-c]"), function (span) {
      var n = span.getAttribute("data-c");
      if (numbers.indexOf(n) < 0) { numbers.push(n); }
    });
    if (numbers.length < 2) { return [item]; }
    numbers.sort(function (a, b) { return Number(a) - Number(b); });
    var hidden = Array.prototype.map.call(hiddenSide.content.querySelectorAll(".cloze[data-c]"), function (span) {
      return span.innerHTML;
    });
    return numbers.map(function (n, index) {
      function side(reveal) {
        var holder = document.createElement("template");
        holder.innerHTML = item.back;
        Array.prototype.forEach.call(holder.content.querySelectorAll(".cloze[data-c]"), function (span, at) {
          if (span.getAttribute("data-c") !== n) { span.className = "cloze-other"; }
          else if (!reveal && hidden[at] !== undefined) { span.innerHTML = hidden[at]; }
        });
        return holder.innerHTML;
      }
      return copy(item, index ? "~c" + n : "", { front: side(false), back: side(true) });
    });
  }

  function copy(item, suffix, changes) {
    var out = {};
    Object.keys(item).forEach(function (key) { out[key] = item[key]; });
    Object.keys(changes).forEach(function (key) { out[key] = changes[key]; });
    out.id = item.id + suffix;
    return out;
  }

  function stateOf(id) { return states[id] || FlashgenSRS.fresh(); }

  function counts(now) {
    var c = { fresh: 0, learning: 0, due: 0 };
    items.forEach(function (item) {
      var s = stateOf(item.id);
      if (s.state === "new") { c.fresh += 1; }
      else if (s.state === "learning" || s.state === "relearning") { if (s.due <= now + LEARN_AHEAD) { c.learning += 1; } }
      else if (s.due <= now) { c.due += 1; }
    });
    return c;
  }

  function nextCard(now) {
    var learning = null, review = null, fresh = null;
    items.forEach(function (item) {
      var id = item.id, s = stateOf(id);
      if (s.state === "learning" || s.state === "relearning") {
        if (s.due <= now + LEARN_AHEAD && (!learning || s.due < stateOf(learning).due)) { learning = id; }
      } else if (s.state === "review") {
        if (s.due <= now && (!review || s.due < stateOf(review).due)) { review = id; }
      } else if (!fresh) { fresh = id; }
    });
    var dueLearning = learning && stateOf(learning).due <= now ? learning : null;
    return dueLearning || review || fresh || learning;
  }

  function labelStates(now) {
    items.forEach(function (item) {
      var label = item.element && item.element.querySelector(".card-state");
      if (!label) { return; }
      var s = stateOf(item.id);
      label.textContent = s.state === "new" ? "· new" : (s.due <= now ? "· due now" : "· due in " + FlashgenSRS.describe(s.due - now));
    });
  }

  function sourceLink(item) {
    var link = document.createElement("a");
    link.href = item.href;
    link.textContent = item.label;
    return link;
  }

  function render() {
    var now = Date.now(), c = counts(now);
    panel.querySelector(".count-new").textContent = c.fresh;
    panel.querySelector(".count-learn").textContent = c.learning;
    panel.querySelector(".count-due").textContent = c.due;
    labelStates(now);
    current = nextCard(now);
    flipped = false;
    if (!current) {
      cardBox.hidden = true; flip.hidden = true; grades.hidden = true; source.textContent = "";
      var upcoming = items.map(function (i) { return stateOf(i.id).due; })
        .filter(function (d) { return d > now; }).sort(function (a, b) { return a - b; });
      byName("study-next").textContent = upcoming.length
        ? "The next card is due in " + FlashgenSRS.describe(upcoming[0] - now) + "." : "";
      done.hidden = false;
      return;
    }
    var item = byId[current];
    done.hidden = true; cardBox.hidden = false; flip.hidden = false; grades.hidden = true;
    front.innerHTML = item.front;
    if (item.prompt) {
      var prompt = document.createElement("p");
      prompt.className = "card-prompt muted";
      prompt.textContent = item.prompt;
      front.insertBefore(prompt, front.firstChild);
    }
    back.innerHTML = item.back;
    back.hidden = true; divider.hidden = true;
    source.textContent = "";
    source.appendChild(sourceLink(item));
    var s = stateOf(current);
    Array.prototype.forEach.call(grades.querySelectorAll(".grade"), function (button) {
      var after = FlashgenSRS.answer(s, Number(button.getAttribute("data-grade")), now);
      button.querySelector("small").textContent = FlashgenSRS.describe(after.due - now);
    });
  }

  function show() {
    if (!current || flipped) { return; }
    flipped = true;
    back.hidden = false; divider.hidden = false; flip.hidden = true; grades.hidden = false;
  }

  function grade(value) {
    if (!current || !flipped) { return; }
    states = FlashgenSRS.load();  // another tab may have studied meanwhile
    states[current] = FlashgenSRS.answer(stateOf(current), value, Date.now());
    FlashgenSRS.save(states);
    render();
  }

  /* The list of every card with its answer (the Anki notes, each once), made as it is opened. */
  var notes = [];
  function listMore(upTo) {
    var end = Math.min(notes.length, Math.max(listed + LIST_STEP, upTo || 0));
    for (; listed < end; listed++) {
      var item = notes[listed], li = document.createElement("li");
      li.className = "card";
      li.id = item.id;
      li.setAttribute("data-card", item.id);
      li.setAttribute("data-kind", item.kind);
      if (item.prompt) {
        var prompt = document.createElement("p");
        prompt.className = "card-prompt muted";
        prompt.textContent = item.prompt;
        li.appendChild(prompt);
      }
      ["front", "back"].forEach(function (side) {
        var box = document.createElement("div");
        box.className = "card-" + side + " markdown";
        box.innerHTML = item[side];
        li.appendChild(box);
      });
      var where = document.createElement("p"), state = document.createElement("span");
      where.className = "card-source";
      where.appendChild(sourceLink(item));
      state.className = "card-state muted";
      where.appendChild(document.createTextNode(" "));
      where.appendChild(state);
      li.appendChild(where);
      list.appendChild(li);
      item.element = li;
    }
    byName("browse-more").hidden = listed >= notes.length;
    labelStates(Date.now());
  }

  function openAt(cardId) {
    var at = -1;
    notes.forEach(function (item, index) { if (item.id === cardId) { at = index; } });
    if (at < 0) { return; }
    browse.open = true;
    listMore(at + 1);
    notes[at].element.classList.add("target");
    notes[at].element.scrollIntoView();
  }

  function start(cards, cardId) {
    notes = cards;
    cards.forEach(function (item) { items = items.concat(asAnkiCards(item)); });
    items.forEach(function (item) { byId[item.id] = item; });
    var anki = items.length;
    byName("browse-count").textContent = "(" + anki + " card" + (anki !== 1 ? "s" : "") + " from " + cards.length +
      " Anki note" + (cards.length !== 1 ? "s" : "") + ")";
    browse.hidden = false;
    browse.addEventListener("toggle", function () { if (browse.open && !listed) { listMore(); } });
    byName("browse-more-button").addEventListener("click", function () { listMore(); });
    panel.hidden = false;
    render();
    if (cardId !== undefined) { openAt(cardId); }
  }

  function heading(title, about, href) {
    var h1 = byName("study-title");
    h1.textContent = title + " ";
    var muted = document.createElement("span");
    muted.className = "muted";
    muted.textContent = "· flashcards";
    h1.appendChild(muted);
    document.title = title + " · flashcards";
    var line = byName("study-about");
    line.textContent = about;
    if (href) {
      var link = document.createElement("a");
      link.href = href;
      link.textContent = "← Back to the note";
      line.textContent = "";
      line.appendChild(link);
    }
    line.hidden = false;
  }

  function studyNote(name, cardId) {
    loadNotes([name], function () {
      var note = (window.FLASHGEN_CARDS || {})[name];
      if (!note) { say("No cards of “" + name + "” here: the note may have been renamed, or have no cards."); return; }
      heading(note.title, "", note.page);
      start(note.cards.map(function (card) { return prepare(card, note, name); }), cardId);
    });
  }

  function studyDeck(deck, cardId) {
    loadDecks(function (rows) {
      var members = rows.filter(function (row) { return row[2].some(function (d) { return inDeck(d[0], deck); }); });
      if (!members.length) { say("No deck “" + deck + "” here."); return; }
      var total = 0, where = byName("deck-notes");
      members.forEach(function (row) {
        var n = 0;
        row[2].forEach(function (d) { if (inDeck(d[0], deck)) { n += d[1]; } });
        total += n;
        var li = document.createElement("li"), link = document.createElement("a"), count = document.createElement("span");
        link.href = "#note=" + encodeURIComponent(row[0]).replace(/%2F/g, "/");
        link.textContent = row[1];
        count.className = "muted";
        count.textContent = " " + n + " card" + (n !== 1 ? "s" : "");
        li.appendChild(link);
        li.appendChild(count);
        where.appendChild(li);
      });
      byName("deck-notes-section").hidden = false;
      heading(deck.split("::").join(" › "), total + " card" + (total !== 1 ? "s" : "") + " from " + members.length +
        " note" + (members.length !== 1 ? "s" : "") + ", sub-decks included.");
      loadNotes(members.map(function (row) { return row[0]; }), function () {
        var cards = [];
        members.forEach(function (row) {
          var note = (window.FLASHGEN_CARDS || {})[row[0]];
          (note ? note.cards : []).forEach(function (card) {
            if (inDeck(card.deck, deck)) { cards.push(prepare(card, note, row[0])); }
          });
        });
        start(cards, cardId);
      });
    });
  }

  /* Every deck with the cards in it and below it; a deck of exactly one note's cards is studied as that note. */
  function listDecks() {
    loadDecks(function (rows) {
      var decks = {};
      rows.forEach(function (row) {
        var own = 0;
        row[2].forEach(function (d) { own += d[1]; });
        row[2].forEach(function (d) {
          var parts = d[0].split("::");
          for (var depth = 1; depth <= parts.length; depth++) {
            var name = parts.slice(0, depth).join("::"), entry = decks[name] || (decks[name] = { cards: 0, notes: {}, own: {} });
            entry.cards += d[1];
            entry.notes[row[0]] = (entry.notes[row[0]] || 0) + d[1];
            entry.own[row[0]] = own;
          }
        });
      });
      var list = byName("deck-list");
      Object.keys(decks).sort().forEach(function (name) {
        var entry = decks[name], members = Object.keys(entry.notes), li = document.createElement("li");
        var depth = name.split("::").length - 1, link = document.createElement("a"), count = document.createElement("span");
        li.className = "depth-" + Math.min(depth, 4);
        var single = members.length === 1 && entry.notes[members[0]] === entry.own[members[0]];
        link.href = single ? "#note=" + encodeURIComponent(members[0]).replace(/%2F/g, "/")
          : "#deck=" + encodeURIComponent(name).replace(/%3A/g, ":");
        link.textContent = name.split("::").join(" › ");
        count.className = "muted";
        count.textContent = " " + entry.cards + " card" + (entry.cards !== 1 ? "s" : "");
        li.appendChild(link);
        li.appendChild(count);
        list.appendChild(li);
      });
      if (!rows.length) {
        var none = document.createElement("li");
        none.className = "muted";
        none.textContent = "No cards yet.";
        list.appendChild(none);
      }
      byName("decks").hidden = false;
    });
  }

  flip.addEventListener("click", show);
  cardBox.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("a")) { return; }
    show();
  });
  grades.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".grade") : null;
    if (button) { grade(Number(button.getAttribute("data-grade"))); }
  });
  document.addEventListener("keydown", function (event) {
    var tag = (event.target && event.target.tagName) || "";
    if (/^(INPUT|TEXTAREA|SELECT)$/.test(tag) || event.ctrlKey || event.metaKey || event.altKey) { return; }
    if ((event.key === " " || event.key === "Enter") && current && !flipped) { event.preventDefault(); show(); }
    else if (/^[1-4]$/.test(event.key) && flipped) { event.preventDefault(); grade(Number(event.key)); }
  });
  window.addEventListener("hashchange", function () { location.reload(); });

  var asked = params();
  if (asked.note !== undefined) { studyNote(asked.note, asked.card); }
  else if (asked.deck !== undefined) { studyDeck(asked.deck, asked.card); }
  else { listDecks(); }
})();
