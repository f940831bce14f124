/* The study session on a flashcards page: new, learning and due cards in turn; Space or a click
   flips the card, 1-4 grade it (Again, Hard, Good, Easy); states are saved by FlashgenSRS. */
(function () {
  "use strict";
  var panel = document.getElementById("study");
  if (!panel || typeof FlashgenSRS === "undefined") { return; }
  var LEARN_AHEAD = 20 * 60 * 1000;
  var items = [];
  cardsOfPage().forEach(function (item) { items = items.concat(asAnkiCards(item)); });
  var byId = {};
  items.forEach(function (item) { byId[item.id] = item; });
  var states = FlashgenSRS.load();
  var front = document.getElementById("study-front"), back = document.getElementById("study-back");
  var divider = document.getElementById("study-divider"), flip = document.getElementById("study-flip");
  var grades = document.getElementById("study-grades"), done = document.getElementById("study-done");
  var cardBox = document.getElementById("study-card"), source = document.getElementById("study-source");
  var current = null, flipped = false;

  function stateOf(id) { return states[id] || FlashgenSRS.fresh(); }

  /* A deck page shows sides rendered for a note's flashcards page: make their relative links absolute. */
  function rebase(html, base) {
    if (!base || (html.indexOf("href=") < 0 && html.indexOf("src=") < 0)) { return html; }
    var holder = document.createElement("template");
    holder.innerHTML = html;
    Array.prototype.forEach.call(holder.content.querySelectorAll("[href], [src]"), function (el) {
      ["href", "src"].forEach(function (name) {
        var value = el.getAttribute(name);
        if (value && !/^([a-z][a-z0-9+.-]*:|#|\/)/i.test(value)) { el.setAttribute(name, new URL(value, base).href); }
      });
    });
    return holder.innerHTML;
  }

  /* The cards Anki makes of one note, studied apart as in Anki: a reversed note gives a card each way, a cloze
     note a card per cloze number (its blank hidden, the other deletions shown as text). The first keeps the
     note's id, so study states saved before stay with it. */
  function asAnkiCards(item) {
    if (item.kind === "reversed" && item.back.replace(/<[^>]*>/g, "").trim()) {
      return [item, copy(item, "~r", { front: item.back, back: item.front, prompt: "" })];
    }
    if (item.kind !== "cloze") { return [item]; }
    var back = document.createElement("template"), front = document.createElement("template");
    back.innerHTML = item.back;
    front.innerHTML = item.front;
    var numbers = [];
    Array.prototype.forEach.call(back.content.querySelectorAll(".cloze[data-c]"), function (span) {
      var n = span.getAttribute("data-c");
      if (numbers.indexOf(n) < 0) { numbers.push(n); }
    });
    if (numbers.length < 2) { return [item]; }
    numbers.sort(function (a, b) { return Number(a) - Number(b); });
    var hidden = Array.prototype.map.call(front.content.querySelectorAll(".cloze[data-c]"), function (span) {
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
    if (suffix) { out.element = null; }
    return out;
  }

  /* A note's page lists its cards; a deck page loads its notes' card scripts into window.flashgenCards
     and studies the cards of its deck and of the decks below it. */
  function cardsOfPage() {
    var deckList = document.getElementById("deck-notes");
    if (deckList) {
      var deck = deckList.getAttribute("data-deck"), all = [];
      var root = new URL(document.documentElement.getAttribute("data-root") || "./", location.href);
      (window.flashgenCards || []).forEach(function (chunk) {
        var base = new URL(chunk.base, root);
        chunk.cards.forEach(function (c) {
          if (c.deck !== deck && c.deck.indexOf(deck + "::") !== 0) { return; }
          all.push({ id: c.id, kind: c.kind, prompt: c.prompt, front: c.front, back: c.back, base: base,
                     href: c.source[0] ? new URL(c.source[0], base).href : "", label: c.source[1], element: null });
        });
      });
      return all;
    }
    return Array.prototype.map.call(document.querySelectorAll(".card-list .card"), function (item) {
      var prompt = item.querySelector(".card-prompt"), link = item.querySelector(".card-source a");
      return { id: item.getAttribute("data-card"), kind: item.getAttribute("data-kind"), prompt: prompt ? prompt.textContent : "",
               front: item.querySelector(".card-front").innerHTML, back: item.querySelector(".card-back").innerHTML,
               href: link ? link.getAttribute("href") : "", label: link ? link.textContent : "", element: item };
    });
  }

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

  function next(now) {
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

  function render() {
    var now = Date.now(), c = counts(now);
    panel.querySelector(".count-new").textContent = c.fresh;
    panel.querySelector(".count-learn").textContent = c.learning;
    panel.querySelector(".count-due").textContent = c.due;
    labelStates(now);
    current = next(now);
    flipped = false;
    if (!current) {
      cardBox.hidden = true; flip.hidden = true; grades.hidden = true; source.textContent = "";
      var upcoming = items.map(function (i) { return stateOf(i.id).due; })
        .filter(function (d) { return d > now; }).sort(function (a, b) { return a - b; });
      document.getElementById("study-next").textContent = upcoming.length
        ? "The next card is due in " + FlashgenSRS.describe(upcoming[0] - now) + "." : "";
      done.hidden = false;
      return;
    }
    var item = byId[current];
    done.hidden = true; cardBox.hidden = false; flip.hidden = false; grades.hidden = true;
    front.innerHTML = rebase(item.front, item.base);
    if (item.prompt) {
      var prompt = document.createElement("p");
      prompt.className = "card-prompt muted";
      prompt.textContent = item.prompt;
      front.insertBefore(prompt, front.firstChild);
    }
    back.innerHTML = rebase(item.back, item.base);
    back.hidden = true; divider.hidden = true;
    source.textContent = "";
    if (item.href) {
      var link = document.createElement("a");
      link.href = item.href;
      link.textContent = item.label;
      source.appendChild(link);
    }
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
  panel.hidden = false;
  render();
})();
