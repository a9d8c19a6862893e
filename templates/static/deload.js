/* Deload plan pages: km/mi switch, race- or start-date picker, copy button. No dependencies.
   Without JavaScript the page still shows the plan's own units and its weeks and days. */
(function () {
  "use strict";
  var root = document.documentElement;
  var t = window.deloadT || function (message, values) {  // a page without messages.js (a coach's own base.html)
    return message.replace(/%\((\w+)\)[sd]/g, function (all, name) { return values && name in values ? String(values[name]) : all; });
  };
  root.classList.add("js");

  /* Units ------------------------------------------------------------------ */
  var buttons = document.querySelectorAll("[data-set-units]");
  function setUnits(units, save) {
    root.setAttribute("data-units", units);
    root.classList.add("units-chosen");
    buttons.forEach(function (b) { b.setAttribute("aria-pressed", String(b.getAttribute("data-set-units") === units)); });
    if (save) { try { localStorage.setItem("deload-units", units); } catch (e) { /* private mode */ } }
    document.dispatchEvent(new CustomEvent("deload:units"));
  }
  var saved = null;
  try { saved = localStorage.getItem("deload-units"); } catch (e) { saved = null; }
  if (saved === "km" || saved === "mi") { setUnits(saved, false); }  /* on every page: the index's cards too */
  buttons.forEach(function (b) {
    b.addEventListener("click", function () { setUnits(b.getAttribute("data-set-units"), true); });
  });

  /* Copy the embed snippet --------------------------------------------------- */
  /* The plan as the reader has it on the page (their race day's dates, their paces, their units), on paper. */
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    button.addEventListener("click", function () {
      var field = document.getElementById(button.getAttribute("data-copy"));
      field.select();
      var done = function () { button.textContent = t("Copied"); };
      if (navigator.clipboard) { navigator.clipboard.writeText(field.value).then(done, function () { document.execCommand("copy"); done(); }); }
      else { document.execCommand("copy"); done(); }
    });
  });

  /* Race- or start-date picker ------------------------------------------------ */
  var plan = document.getElementById("plan");
  var picker = document.getElementById("plan-date");
  if (!plan || !picker) { return; }
  var DAY = 86400000;
  var anchor = plan.getAttribute("data-anchor");
  var raceOffset = parseInt(plan.getAttribute("data-race-offset"), 10) || 0;
  var feeds = (plan.getAttribute("data-feeds") || "").split(" ").filter(Boolean);
  var base = plan.getAttribute("data-feed-base");
  var title = plan.getAttribute("data-title");
  var message = document.getElementById("plan-date-msg");
  var lang = root.getAttribute("lang") || "en";
  var short = new Intl.DateTimeFormat(lang, { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
  var long = new Intl.DateTimeFormat(lang, { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  var EN_DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  var EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  /* A day as the build writes it: "Sun 28 Feb 2027" in English (Intl's "en" says "Sun, Feb 28, 2027"),
     the locale's own short form otherwise (the build's comes from the same CLDR data). */
  function dayText(date, withYear) {
    if (/^en\b/.test(lang)) {
      return EN_DAYS[date.getUTCDay()] + " " + date.getUTCDate() + " " + EN_MONTHS[date.getUTCMonth()] + (withYear ? " " + date.getUTCFullYear() : "");
    }
    return (withYear ? long : short).format(date);
  }

  function parse(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  }
  function iso(date) { return date.toISOString().slice(0, 10); }
  function plus(date, days) { return new Date(date.getTime() + days * DAY); }

  function setLinks(feedUrl) {
    var webcal = feedUrl.replace(/^https?:\/\//, "webcal://");
    var links = {
      webcal: webcal,
      https: feedUrl,
      google: "https://calendar.google.com/calendar/render?cid=" + encodeURIComponent(webcal),
      outlook: "https://outlook.live.com/calendar/0/addfromweb?url=" + encodeURIComponent(feedUrl) + "&name=" + encodeURIComponent(title)
    };
    document.querySelectorAll("[data-cal]").forEach(function (a) {
      a.href = links[a.getAttribute("data-cal")];
      a.removeAttribute("aria-disabled");
    });
  }
  function disableLinks() {
    document.querySelectorAll("[data-cal]").forEach(function (a) {
      a.removeAttribute("href");
      a.setAttribute("aria-disabled", "true");
    });
  }

  /* A week's volume as the page shows it, in the units the reader reads it in ("31.7 mi · 5 h 19 min"). */
  function weekVolume(number) {
    var box = document.querySelector("#week-" + number + " .wk-volume");
    if (!box) { return "—"; }
    var copy = box.cloneNode(true), units = root.getAttribute("data-units") || "";
    copy.querySelectorAll("[class^='u-']").forEach(function (el) { if (!el.classList.contains("u-" + units)) { el.remove(); } });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  function apply(fromUser) {
    var chosen = parse(picker.value);
    if (!chosen) { return; }
    var start = anchor === "race" ? plus(chosen, -raceOffset) : chosen;
    plan.classList.add("dated");
    document.querySelectorAll(".points-to").forEach(function (el) { el.hidden = true; });  // the message below the picker says it
    document.querySelectorAll(".when[data-offset]").forEach(function (el) {
      el.textContent = dayText(plus(start, parseInt(el.getAttribute("data-offset"), 10)), false);
    });
    document.querySelectorAll(".when-range[data-offset]").forEach(function (el) {
      var first = plus(start, parseInt(el.getAttribute("data-offset"), 10));
      el.textContent = dayText(first, false) + " – " + dayText(plus(first, 6), true);
    });
    var day = iso(chosen);
    var values = { day: dayText(chosen, true) };
    if (feeds.indexOf(day) >= 0) {
      setLinks(base + (anchor === "race" ? "race-" : "start-") + day + ".ics");
      message.textContent = anchor === "race" ? t("Dates and calendar links are set for a race day on %(day)s.", values)
        : t("Dates and calendar links are set for a start day on %(day)s.", values);
    } else {
      disableLinks();
      values.first = dayText(parse(feeds[0]), true);
      values.last = dayText(parse(feeds[feeds.length - 1]), true);
      message.textContent = anchor === "race" ? t("Dates are shown for a race day on %(day)s. There is no subscription for that day (feeds exist for weekend race days from %(first)s to %(last)s): download the calendar file instead; it will not update itself if the plan changes.", values)
        : t("Dates are shown for a start day on %(day)s. There is no subscription for that day (feeds exist for start days from %(first)s to %(last)s): download the calendar file instead; it will not update itself if the plan changes.", values);
    }
    var now = new Date(), today = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
    var oldest = parse(feeds[0]);  /* without a race, the feeds begin with the oldest start whose plan still runs */
    if (anchor === "race" ? chosen < today : oldest && chosen < oldest) {
      message.textContent = (anchor === "race" ? t("That race day has passed.") : t("A plan started on that day is over."))
        + " " + message.textContent;
    }
    var length = parseInt(plan.getAttribute("data-weeks"), 10) || 0;
    var into = Math.floor((today - start) / (7 * 86400000)) + 1;  /* a plan already begun: the week a reader joins it in */
    if (start < today && into >= 2 && into <= length && !(anchor === "race" && chosen < today)) {
      message.textContent += " " + t("With that day the plan began on %(start)s: this week is its week %(week)s of %(weeks)s. Join it there only if you already run about what its week %(before)s asks: %(volume)s.",
        { start: dayText(start, true), week: into, weeks: length, before: into - 1, volume: weekVolume(into - 1) });
    }
    if (usual && chosen.getUTCDay() !== usual.getUTCDay()) {
      message.textContent += " " + t("Every session moves with that weekday: check that the rest days still suit your week.");
    }
    if (fromUser) {
      try { localStorage.setItem(remember, day); } catch (e) { /* private mode */ }
    }
    if (fromUser && history.replaceState) {
      var kept = location.hash.replace(/^#/, "").split("&").filter(function (p) { return p && !/^(race|start)=/.test(p); });
      history.replaceState(null, "", "#" + [(anchor === "race" ? "race=" : "start=") + day].concat(kept).join("&"));
    }
  }

  /* The day in the link, else the one this reader picked last time (while it is still ahead), else
     the soonest the build chose. A day that does not exist (a mistyped link) is ignored. */
  function real(text) { var date = parse(text); return date && iso(date) === text ? date : null; }
  var usual = parse(picker.value);
  var remember = "deload-day:" + base;
  var fromHash = /(?:race|start)=(\d{4}-\d{2}-\d{2})/.exec(location.hash);
  var saved = null;
  try { saved = localStorage.getItem(remember); } catch (e) { saved = null; }
  if (fromHash && real(fromHash[1])) { picker.value = fromHash[1]; }
  else if (saved && real(saved) && feeds.length && real(saved) >= parse(feeds[0])) { picker.value = saved; }
  picker.addEventListener("change", function () { apply(true); });
  apply(false);
})();
