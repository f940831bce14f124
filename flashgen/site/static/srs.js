/* Spaced repetition as Anki's SM-2 scheduler does it: learning steps, graduating and easy intervals,
   ease factors that move with Hard/Easy/Again, a lapse sends a card back to relearning.
   The state of every card lives in localStorage under one key, so studying works offline. */
var FlashgenSRS = (function () {
  "use strict";
  var KEY = "flashgen:srs:v1";
  var MINUTE = 60 * 1000, DAY = 24 * 60 * MINUTE;
  var CONFIG = {
    learnSteps: [1, 10],      // minutes
    relearnSteps: [10],       // minutes
    graduatingInterval: 1,    // days
    easyInterval: 4,          // days
    startingEase: 2.5,
    easyBonus: 1.3,
    hardInterval: 1.2,
    newIntervalAfterLapse: 0, // fraction of the old interval kept (Anki's "new interval")
    minimumEase: 1.3,
    maximumInterval: 36500    // days
  };

  function load() {
    try { return JSON.parse(window.localStorage.getItem(KEY) || "{}") || {}; } catch (e) { return {}; }
  }
  function save(states) {
    try { window.localStorage.setItem(KEY, JSON.stringify(states)); return true; } catch (e) { return false; }
  }
  function fresh() {
    return { state: "new", step: 0, due: 0, interval: 0, ease: CONFIG.startingEase, reps: 0, lapses: 0 };
  }
  function copy(card) {
    var out = fresh();
    if (card) { Object.keys(card).forEach(function (k) { out[k] = card[k]; }); }
    return out;
  }
  function clampInterval(days) { return Math.min(CONFIG.maximumInterval, Math.max(1, Math.round(days))); }

  function stepDelay(steps, step, grade) {
    if (grade === 2) {  // Hard repeats the current step (between the first two on the first step)
      if (step === 0 && steps.length > 1) { return (steps[0] + steps[1]) / 2; }
      return steps[Math.min(step, steps.length - 1)] * (step === 0 && steps.length === 1 ? 1.5 : 1);
    }
    return steps[Math.min(step, steps.length - 1)];
  }

  /* The card's next state after answering `grade` (1 Again, 2 Hard, 3 Good, 4 Easy) at time `now` (ms). */
  function answer(previous, grade, now) {
    var card = copy(previous);
    card.reps += 1;
    card.last = now;
    if (card.state === "new" || card.state === "learning") {
      var steps = CONFIG.learnSteps;
      if (card.state === "new") { card.step = 0; }
      card.state = "learning";
      if (grade === 1) { card.step = 0; card.due = now + steps[0] * MINUTE; }
      else if (grade === 2) { card.due = now + stepDelay(steps, card.step, 2) * MINUTE; }
      else if (grade === 3 && card.step + 1 < steps.length) { card.step += 1; card.due = now + steps[card.step] * MINUTE; }
      else { graduate(card, grade === 4 ? CONFIG.easyInterval : CONFIG.graduatingInterval, now); }
      return card;
    }
    if (card.state === "relearning") {
      var re = CONFIG.relearnSteps;
      if (grade === 1) { card.step = 0; card.due = now + re[0] * MINUTE; }
      else if (grade === 2) { card.due = now + stepDelay(re, card.step, 2) * MINUTE; }
      else if (grade === 3 && card.step + 1 < re.length) { card.step += 1; card.due = now + re[card.step] * MINUTE; }
      else { graduate(card, grade === 4 ? card.interval + 1 : card.interval, now); }
      return card;
    }
    // review
    var late = Math.max(0, (now - card.due) / DAY);
    if (grade === 1) {
      card.lapses += 1;
      card.ease = Math.max(CONFIG.minimumEase, card.ease - 0.2);
      card.interval = clampInterval(card.interval * CONFIG.newIntervalAfterLapse);
      card.state = "relearning";
      card.step = 0;
      card.due = now + CONFIG.relearnSteps[0] * MINUTE;
      return card;
    }
    var hard = Math.max(card.interval + 1, card.interval * CONFIG.hardInterval);
    var good = Math.max(hard + 1, (card.interval + late / 2) * card.ease);
    var easy = Math.max(good + 1, (card.interval + late) * card.ease * CONFIG.easyBonus);
    if (grade === 2) { card.ease = Math.max(CONFIG.minimumEase, card.ease - 0.15); card.interval = clampInterval(hard); }
    else if (grade === 3) { card.interval = clampInterval(good); }
    else { card.ease += 0.15; card.interval = clampInterval(easy); }
    card.due = now + card.interval * DAY;
    return card;
  }

  function graduate(card, days, now) {
    card.state = "review";
    card.step = 0;
    card.interval = clampInterval(days);
    card.due = now + card.interval * DAY;
  }

  /* "1m", "10m", "3d", "1.5mo", "2.1y": how long until the card comes back. */
  function describe(ms) {
    var minutes = ms / MINUTE;
    if (minutes < 60) { return Math.max(1, Math.round(minutes)) + "m"; }
    if (minutes < 24 * 60) { return Math.round(minutes / 60) + "h"; }
    var days = ms / DAY;
    if (days < 30) { return Math.round(days) + "d"; }
    if (days < 365) { return (days / 30).toFixed(1) + "mo"; }
    return (days / 365).toFixed(1) + "y";
  }

  return { KEY: KEY, CONFIG: CONFIG, load: load, save: save, fresh: fresh, answer: answer, describe: describe };
})();
