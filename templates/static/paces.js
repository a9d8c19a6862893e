/* Deload: a reader's paces from one race result or goal time (Daniels' VDOT).
   The model mirrors generator/paces.py line for line, so the browser shows the paces the
   built files show; tests compare the two. Without JavaScript the page shows the coach's
   example paces, or the efforts as written. */
(function () {
  "use strict";

  /* The model (generator/paces.py) ------------------------------------------------------- */
  var RACE_EFFORTS = { "1500": 1.5, "mile": 1.609344, "3k": 3.0, "5k": 5.0, "8k": 8.0, "10k": 10.0, "15k": 15.0,
    "10mi": 16.09344, "half_marathon": 21.0975, "marathon": 42.195 };
  var VDOT_SHARES = { recovery: [0.62, 0.57], easy: [0.70, 0.62], long: [0.70, 0.62], threshold: [0.88, 0.88],
    interval: [0.975, 0.975], repetition: [1.06, 1.06] };
  var SPREAD = 0.01;
  var ORDER = ["recovery", "easy", "long", "steady", "marathon", "half_marathon", "threshold", "10k", "5k",
    "interval", "mile", "repetition"];
  var t = window.deloadT || function (message, values) {  // a page without messages.js (a coach's own base.html)
    return message.replace(/%\((\w+)\)[sd]/g, function (all, name) { return values && name in values ? String(values[name]) : all; });
  };
  var NAMES = { recovery: t("Recovery"), easy: t("Easy"), long: t("Long run"), steady: t("Steady"), marathon: t("Marathon pace"),
    half_marathon: t("Half-marathon pace"), threshold: t("Threshold"), "10k": t("10K pace"), "5k": t("5K pace"),
    interval: t("Interval"), mile: t("Mile pace"), repetition: t("Repetition") };

  var VMA_MINUTES = 6.0;  // held at maximal aerobic speed (generator/paces.py)
  function oxygenCost(v) { return -4.60 + 0.182258 * v + 0.000104 * v * v; }
  function sustainableShare(minutes) {
    return 0.8 + 0.1894393 * Math.exp(-0.012778 * minutes) + 0.2989558 * Math.exp(-0.1932605 * minutes);
  }
  function speedAt(vo2) {
    var a = 0.000104, b = 0.182258, c = -4.60 - vo2;
    return (-b + Math.sqrt(b * b - 4 * a * c)) / (2 * a);
  }
  function vdot(km, seconds) {
    var minutes = seconds / 60;
    return oxygenCost(km * 1000 / minutes) / sustainableShare(minutes);
  }
  function raceSeconds(value, km) {
    var fast = 1.0, slow = 2000.0;
    for (var i = 0; i < 60; i++) {
      var middle = (fast + slow) / 2;
      if (vdot(km, middle * 60) > value) { fast = middle; } else { slow = middle; }
    }
    return (fast + slow) / 2 * 60;
  }
  function spread(seconds) { return [seconds * (1 - SPREAD), seconds * (1 + SPREAD)]; }
  function modelEfforts(value) {
    var efforts = {};
    Object.keys(RACE_EFFORTS).forEach(function (name) {
      var km = RACE_EFFORTS[name];
      efforts[name] = spread(raceSeconds(value, km) / km);
    });
    Object.keys(VDOT_SHARES).forEach(function (name) {
      var shares = VDOT_SHARES[name];
      var fast = 60000 / speedAt(value * shares[0]), slow = 60000 / speedAt(value * shares[1]);
      efforts[name] = shares[0] === shares[1] ? spread(fast) : [fast, slow];
    });
    efforts.steady = [efforts.marathon[1], efforts.easy[0]];
    return efforts;
  }
  function racePace(km, efforts, value) {  // the table's (the coach's, or the model's), or the model's
    var name = Object.keys(RACE_EFFORTS).filter(function (n) { return Math.abs(RACE_EFFORTS[n] - km) <= 0.005 * RACE_EFFORTS[n]; })[0];
    if (name !== undefined && efforts[name]) { return (efforts[name][0] + efforts[name][1]) / 2; }
    return raceSeconds(value, km) / km;
  }
  function term(text, efforts, value) {
    var kind = text.slice(0, 1), rest = text.slice(2);
    if (kind === "e") { return efforts[rest]; }
    var p = rest.split(":").map(Number);
    if (kind === "v") { p.unshift(0); }  // maximal aerobic speed: no race, the pace of six minutes
    var km = p[0], low = p[1], high = p[2], offLow = p[3], offHigh = p[4];
    var pace = kind === "v" ? 60000 / speedAt(value * sustainableShare(VMA_MINUTES)) : racePace(km, efforts, value);
    var fast = pace / (high / 100) + offLow, slow = pace / (low / 100) + offHigh;
    return (low === high && offLow === offHigh) ? spread(fast) : [Math.min(fast, slow), Math.max(fast, slow)];
  }
  function evaluate(spec, efforts, value) {
    var ranges = spec.split("|").map(function (t) { return term(t, efforts, value); });
    return [Math.min.apply(null, ranges.map(function (r) { return r[0]; })),
            Math.max.apply(null, ranges.map(function (r) { return r[1]; }))];
  }
  function paceTable(km, seconds, coach, reference) {
    var value = vdot(km, seconds);
    var efforts = modelEfforts(value);
    var scale = reference ? raceSeconds(value, reference.km) / reference.seconds : 1.0;
    // The absolute paces first, then the races', then the rest (generator/paces.py: _coach_order).
    function order(name) { return [coach[name].slice(0, 2) === "a:" ? 0 : 1, name in RACE_EFFORTS ? 0 : 1]; }
    Object.keys(coach || {}).sort(function (a, b) {
      var x = order(a), y = order(b);
      return x[0] - y[0] || x[1] - y[1] || (a < b ? -1 : a > b ? 1 : 0);
    }).forEach(function (name) {
      var spec = coach[name];
      if (spec.slice(0, 2) === "a:") {
        var ends = spec.slice(2).split(":").map(Number);
        efforts[name] = [ends[0] * scale, ends[1] * scale];
      } else {
        efforts[name] = evaluate(spec, efforts, value);
      }
    });
    return { vdot: value, efforts: efforts };
  }

  /* Words (generator/render/pacetable.py) -------------------------------------------------- */
  var KM_PER_MI = 1.609344;
  function clock(seconds) {
    var s = Math.floor(seconds + 0.5), m = Math.floor(s / 60);
    return m + ":" + String(s % 60).padStart(2, "0");
  }
  function duration(seconds) {
    var s = Math.floor(seconds + 0.5);
    return s >= 3600 ? Math.floor(s / 3600) + ":" + clock(s % 3600).padStart(5, "0") : clock(s);
  }
  function paceText(secondsPerKm, units) { return clock(units === "km" ? secondsPerKm : secondsPerKm * KM_PER_MI); }
  function rangeText(pace, units) {
    var fast = paceText(pace[0], units), slow = paceText(pace[1], units);
    return (fast === slow ? fast : fast + "\u2013" + slow) + "/" + units;
  }
  /* A repeat's time at a pace (generator/render/pacetable.py rep_time_text): "49–50 s", "3:38–3:42". */
  function repTimeText(pace, km) {
    var fast = Math.floor(pace[0] * km + 0.5), slow = Math.floor(pace[1] * km + 0.5);
    if (slow < 100) { return fast === slow ? fast + " s" : fast + "\u2013" + slow + " s"; }
    var low = clock(fast), high = clock(slow);
    return low === high ? low : low + "\u2013" + high;
  }
  function speedText(pace, units) {
    var per = units === "km" ? 1 : 1 / KM_PER_MI, label = units === "km" ? "km/h" : "mph";
    var slow = Math.floor(36000 / pace[1] * per + 0.5) / 10, fast = Math.floor(36000 / pace[0] * per + 0.5) / 10;
    var text = slow === fast ? fast.toFixed(1) + " " + label : slow.toFixed(1) + "\u2013" + fast.toFixed(1) + " " + label;
    return text.replace(/\./g, DECIMAL);  // as the page writes it: 10,6 km/h in German
  }
  var DECIMAL = (function () {
    try { return new Intl.NumberFormat(document.documentElement.getAttribute("lang") || "en").format(1.5).charAt(1); }
    catch (e) { return "."; }
  })();
  function parseClock(text) {
    var m = /^\s*(\d{1,3})(?::([0-5]\d))(?::([0-5]\d))?\s*$/.exec(text || "");
    if (!m) { return null; }
    return m[3] !== undefined ? (+m[1]) * 3600 + (+m[2]) * 60 + (+m[3]) : (+m[1]) * 60 + (+m[2]);
  }

  window.DeloadPaces = { vdot: vdot, raceSeconds: raceSeconds, paceTable: paceTable, evaluate: evaluate,
    rangeText: rangeText, repTimeText: repTimeText, speedText: speedText, parseClock: parseClock, ORDER: ORDER, NAMES: NAMES };

  /* The page --------------------------------------------------------------------------------- */
  var box = document.getElementById("paces");
  var form = document.getElementById("pace-form");
  if (!box || !form) { return; }
  var root = document.documentElement;
  var race = document.getElementById("pace-race"), time = document.getElementById("pace-time");
  var message = document.getElementById("pace-msg");
  var coach = JSON.parse(box.getAttribute("data-coach") || "{}");
  var reference = box.getAttribute("data-reference") ? JSON.parse(box.getAttribute("data-reference")) : null;
  var current = null;

  function render() {
    if (!current) { return; }
    var units = root.getAttribute("data-units") === "mi" ? "mi" : "km";
    var table = current.table;
    var tbody = box.querySelector("tbody");
    tbody.textContent = "";
    ORDER.forEach(function (name) {
      var row = document.createElement("tr"), head = document.createElement("th");
      head.scope = "row"; head.textContent = NAMES[name]; row.appendChild(head);
      [rangeText(table.efforts[name], units), speedText(table.efforts[name], units)].forEach(function (text) {
        var cell = document.createElement("td"); cell.textContent = text; row.appendChild(cell);
      });
      tbody.appendChild(row);
    });
    box.querySelector(".pace-ref").textContent = current.label;
    box.querySelectorAll(".coach-note").forEach(function (el) { el.hidden = true; });
    box.querySelector(".pace-table-box").hidden = false;
    document.querySelectorAll(".pace[data-pace]").forEach(function (el) {
      var pace = evaluate(el.getAttribute("data-pace"), table.efforts, table.vdot);
      el.querySelector(".pace-value").textContent = rangeText(pace, units);
      el.querySelectorAll(".rep-time").forEach(function (rep) {
        rep.querySelector(".rep-value").textContent = repTimeText(pace, +rep.getAttribute("data-km"));
      });
      el.parentNode.hidden = false;
    });
  }

  function hashWith(key, value) {
    var parts = location.hash.replace(/^#/, "").split("&").filter(function (p) { return p && p.indexOf(key + "=") !== 0; });
    if (value) { parts.push(key + "=" + value); }
    return "#" + parts.join("&");
  }

  function show(km, seconds, label) {
    current = { table: paceTable(km, seconds, coach, reference), label: label };
    window.DeloadPaces.current = current;
    render();
    message.textContent = t("Paces for %(reference)s (VDOT %(vdot)s) on every session below.", { reference: label, vdot: current.table.vdot.toFixed(1).replace(".", DECIMAL) })
      + predicted() + " " + t("To forget your time, clear it and press the button again.");
  }
  /* The plan's own race at the reader's pace for it: what the paces add up to on race day. */
  function predicted() {
    var km = parseFloat(box.getAttribute("data-goal-km") || "");
    if (!(km > 0) || !current) { return ""; }
    var seconds = racePace(km, current.table.efforts, current.table.vdot) * km;
    return " " + t("Your %(race)s: about %(time)s.", { race: box.getAttribute("data-goal-name"), time: duration(Math.round(seconds / 10) * 10) });
  }
  function remember(key) {
    try { localStorage.setItem("deload-race-time", key.replace("-", "=")); } catch (e) { /* private mode */ }
    if (history.replaceState) { history.replaceState(null, "", hashWith("time", key)); }
  }

  function apply(km, seconds, save) {
    var value = vdot(km, seconds);
    if (!(value <= 90) && seconds < 6000 && vdot(km, seconds * 60) >= 15) {  /* "1:45" for a half: 1 h 45 min */
      seconds *= 60;
      value = vdot(km, seconds);
    }
    var option = Array.prototype.filter.call(race.options, function (o) { return Math.abs(+o.value - km) < 1e-6; })[0];
    if (!(value >= 15 && value <= 90) || !option) {
      message.textContent = t("That time is not one we can compute paces from: check the distance and the time.");
      return;
    }
    race.value = option.value;
    speedInput();
    show(km, seconds, t("%(race)s in %(time)s", { race: option.textContent, time: duration(seconds) }));
    if (save) { remember(km + "-" + seconds); }
  }

  /* A maximal aerobic speed (VMA) is the race it stands for: VMA_MINUTES at that speed (generator/source/performance.py). */
  function applySpeed(kmh, save) {
    if (!(kmh >= 10 && kmh <= 26.5)) {  /* VDOT 27 to 90: the model's range (VMA_RANGE in performance.py) */
      message.textContent = t("Write your maximal aerobic speed in km/h, from 10 to 26.5 (16 or 16.5).");
      return;
    }
    race.value = "vma";
    show(kmh * VMA_MINUTES / 60, VMA_MINUTES * 60, t("VMA %(speed)s km/h", { speed: String(kmh).replace(".", DECIMAL) }));
    if (save) {  /* kept apart from a race time: a VMA is asked only where a plan's paces are shares of it */
      try { localStorage.setItem("deload-vma", String(kmh)); } catch (e) { /* private mode */ }
      if (history.replaceState) { history.replaceState(null, "", hashWith("time", "vma-" + kmh)); }
    }
  }
  function speedInput() {  /* the time box takes a speed while VMA is chosen */
    var vma = race.value === "vma";
    time.placeholder = vma ? "16" : "25:00";
    time.inputMode = vma ? "decimal" : "numeric";
    if (vma) { time.removeAttribute("pattern"); } else { time.setAttribute("pattern", CLOCK_PATTERN); }
  }
  var CLOCK_PATTERN = time.getAttribute("pattern") || "";
  race.addEventListener("change", speedInput);

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!time.value.trim()) {  /* an empty time forgets the reader's own: the coach's paces again */
      try { localStorage.removeItem(race.value === "vma" ? "deload-vma" : "deload-race-time"); } catch (e) { /* private mode */ }
      if (history.replaceState) { history.replaceState(null, "", hashWith("time", "")); }
      location.reload();
      return;
    }
    if (race.value === "vma") { applySpeed(+time.value.trim().replace(",", "."), true); return; }
    var seconds = parseClock(time.value);
    if (seconds === null) { message.textContent = t("Write the time as minutes:seconds (24:30) or hours:minutes:seconds (1:45:00)."); return; }
    apply(+race.value, seconds, true);
  });
  document.addEventListener("deload:units", render);

  if (box.getAttribute("data-ask") === "vma") {  /* a plan of VMA shares (or of a VMA reference) asks for a VMA first */
    race.value = "vma";
    speedInput();
  } else if (reference) {  /* the plan's own reference race first: a reader of a 10K plan is asked for a 10K */
    Array.prototype.forEach.call(race.options, function (o) { if (Math.abs(+o.value - reference.km) < 1e-6) { race.value = o.value; } });
  }
  var fromHash = /(?:^|[#&])time=(vma|[\d.]+)-([\d.,]+)/.exec(location.hash);
  var saved = null, savedSpeed = null;
  try { saved = localStorage.getItem("deload-race-time"); savedSpeed = localStorage.getItem("deload-vma"); } catch (e) { saved = null; }
  var asksSpeed = !!race.querySelector("option[value=vma]");
  var stored = fromHash ? [fromHash[1], fromHash[2].replace(",", ".")]
    : (asksSpeed && savedSpeed ? ["vma", savedSpeed] : (saved ? saved.split("=") : null));
  if (stored && stored.length === 2 && stored[0] === "vma" && +stored[1] > 0 && asksSpeed) {
    time.value = stored[1].replace(".", DECIMAL);
    applySpeed(+stored[1], false);
    speedInput();
  } else if (stored && stored.length === 2 && +stored[1] > 0 && stored[0] !== "vma") {
    time.value = duration(+stored[1]);
    apply(+stored[0], +stored[1], false);
  }
})();
