/* Deload: a reader's own calendar file for any race or start day, built in the browser from
   calendar.json (the feeds' own events: a file for a day that has a feed equals that feed),
   with the reader's paces in each session when they entered a race or goal time. */
(function () {
  "use strict";
  var t = window.deloadT || function (message, values) {  // a page without messages.js (a coach's own base.html)
    return message.replace(/%\((\w+)\)[sd]/g, function (all, name) { return values && name in values ? String(values[name]) : all; });
  };

  /* SHA-1 and name-based UUIDs, as generator/render/ical.py makes them ------------------------- */
  function sha1(bytes) {
    var words = [], length = bytes.length, i;
    for (i = 0; i < length; i++) { words[i >> 2] |= bytes[i] << (24 - (i % 4) * 8); }
    words[length >> 2] |= 0x80 << (24 - (length % 4) * 8);
    var total = ((length + 8) >> 6) * 16 + 16;
    for (i = words.length; i < total; i++) { words[i] = words[i] | 0; }
    words[total - 1] = length * 8;
    var h0 = 0x67452301, h1 = 0xefcdab89, h2 = 0x98badcfe, h3 = 0x10325476, h4 = 0xc3d2e1f0, w = [];
    for (var block = 0; block < total; block += 16) {
      var a = h0, b = h1, c = h2, d = h3, e = h4;
      for (var t = 0; t < 80; t++) {
        w[t] = t < 16 ? words[block + t] | 0 : rotl(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
        var f = t < 20 ? (b & c) | (~b & d) : t < 40 ? b ^ c ^ d : t < 60 ? (b & c) | (b & d) | (c & d) : b ^ c ^ d;
        var k = t < 20 ? 0x5a827999 : t < 40 ? 0x6ed9eba1 : t < 60 ? 0x8f1bbcdc : 0xca62c1d6;
        var temp = (rotl(a, 5) + f + e + k + w[t]) | 0;
        e = d; d = c; c = rotl(b, 30); b = a; a = temp;
      }
      h0 = (h0 + a) | 0; h1 = (h1 + b) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0; h4 = (h4 + e) | 0;
    }
    return [h0, h1, h2, h3, h4].map(function (v) { return ("00000000" + (v >>> 0).toString(16)).slice(-8); }).join("");
  }
  function rotl(x, n) { return (x << n) | (x >>> (32 - n)); }
  var encoder = new TextEncoder();
  function hexBytes(hex) {
    var out = [];
    for (var i = 0; i < hex.length; i += 2) { out.push(parseInt(hex.substr(i, 2), 16)); }
    return out;
  }
  function uid(namespace, name, domain) {
    var h = sha1(hexBytes(namespace).concat(Array.prototype.slice.call(encoder.encode(name))));
    var variant = "89ab"[parseInt(h[16], 16) & 3];
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-5" + h.slice(13, 16) + "-" + variant + h.slice(17, 20) + "-" + h.slice(20, 32) + "@" + domain;
  }

  /* Escaping and folding, as generator/render/ical.py does them ------------------------------- */
  function escapeText(value) {
    return value.split("\\N").join("\n").split("\\").join("\\\\").split(";").join("\\;").split(",").join("\\,")
      .split("\r\n").join("\\n").split("\n").join("\\n").split("\r").join("\\n");
  }
  var decoder = new TextDecoder();
  function fold(line) {
    var data = encoder.encode(line), size = data.length;
    if (size < 75) { return line; }
    var chunks = [], start = 0;
    while (start < size) {
      var cut = start + 74;
      if (cut >= size) { chunks.push(data.slice(start)); break; }
      while ((data[cut] & 0xc0) === 0x80) { cut -= 1; }
      if ((data[cut - 1] === 0x5c || data[cut - 1] === 0x5e) && cut - 1 > start) { cut -= 1; }
      chunks.push(data.slice(start, cut));
      start = cut;
    }
    return chunks.map(function (c) { return decoder.decode(c); }).join("\r\n ");
  }
  function textLine(name, value) { return fold(name + ":" + escapeText(value)) + "\r\n"; }

  /* Dates ------------------------------------------------------------------------------------ */
  var DAY = 86400000;
  var WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  function plus(date, days) { return new Date(date.getTime() + days * DAY); }
  function iso(date) { return date.toISOString().slice(0, 10); }
  function pad(n) { return String(n).padStart(2, "0"); }

  /* The file --------------------------------------------------------------------------------- */
  /* In the plan's units, as the sessions are written ("Easy 5 mi"), and in the reader's beside
     them when those differ: a line of /km paces under a session in miles reads as a mistake. */
  function paceLine(paces, current, own, units) {
    var P = window.DeloadPaces;
    return t("Your paces (%(reference)s): %(paces)s", { reference: current.label, paces: paces.map(function (p) {
      var pace = P.evaluate(p[1], current.table.efforts, current.table.vdot);
      return p[0] + " " + P.rangeText(pace, own) + (units === own ? "" : " (" + P.rangeText(pace, units) + ")");
    }).join(" \u00b7 ") });
  }
  function withPaces(description, line) {
    var at = description.lastIndexOf("\n\n");
    return description.slice(0, at) + "\n" + line + description.slice(at);
  }

  /* data: calendar.json; chosen: the race or start day (a UTC Date); first: the plan's first day;
     current: the reader's paces or null; units: the reader's, "km" or "mi". */
  function build(data, chosen, first, current, units) {
    var name = (data.anchor === "race" ? "race-" : "start-") + iso(chosen) + ".ics";
    var lang = document.documentElement.getAttribute("lang") || "en";
    var day = /^en\b/.test(lang) ? WEEKDAYS[chosen.getUTCDay()] + " " + chosen.getUTCDate() + " " + MONTHS[chosen.getUTCMonth()] + " " + chosen.getUTCFullYear()
      : new Intl.DateTimeFormat(lang, { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(chosen);
    var calendarName = data.anchor === "race" ? t("%(title)s (race %(day)s)", { title: data.title, day: day })
      : t("%(title)s (from %(day)s)", { title: data.title, day: day });
    var prefix = data.slug + "/" + data.edition + "/";
    var out = data.before + textLine("NAME", calendarName) + textLine("X-WR-CALNAME", calendarName) + data.refresh +
      "UID:" + uid(data.namespace, prefix + iso(chosen) + "/" + name, data.domain) + "\r\n" + data.after + data.zones;
    data.events.forEach(function (e) {
      var offset = e[0], days = e[1], slot = e[2], head = e[3], tail = e[4], clock = e[5], zone = e[6], minutes = e[7];
      var description = e[8], paces = e[9], base = e[10] || description;  // base: without the plan's own paces
      var day = plus(first, offset);
      if (current && paces.length) {
        tail = tail.replace(textLine("DESCRIPTION", description), textLine("DESCRIPTION", withPaces(base, paceLine(paces, current, data.units === "mi" ? "mi" : "km", units))));
      }
      var id = "UID:" + uid(data.namespace, prefix + iso(day) + "/" + slot, data.domain) + "\r\n";
      var dates;
      if (zone) {
        var begin = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), +clock.slice(1, 3), +clock.slice(3, 5), +clock.slice(5, 7)));
        var end = new Date(begin.getTime() + minutes * 60000);
        var stamp = function (d) {
          return d.getUTCFullYear() + pad(d.getUTCMonth() + 1) + pad(d.getUTCDate()) + "T" + pad(d.getUTCHours()) + pad(d.getUTCMinutes()) + pad(d.getUTCSeconds());
        };
        dates = "DTSTART;TZID=" + zone + ":" + stamp(begin) + "\r\nDTEND;TZID=" + zone + ":" + stamp(end) + "\r\n";
      } else {
        dates = "DTSTART;VALUE=DATE:" + iso(day).split("-").join("") + "\r\nDTEND;VALUE=DATE:" + iso(plus(first, offset + days)).split("-").join("") + "\r\n";
      }
      out += head + dates + id + tail;
    });
    return { name: name, text: out + "END:VCALENDAR\r\n" };
  }

  window.DeloadCalendar = { build: build, uid: uid, fold: fold, escapeText: escapeText };

  /* The page --------------------------------------------------------------------------------- */
  var button = document.getElementById("plan-ics");
  var plan = document.getElementById("plan");
  var picker = document.getElementById("plan-date");
  if (!button || !plan || !picker) { return; }
  var cached = null;
  button.addEventListener("click", function () {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(picker.value || "");
    if (!m) { return; }
    var chosen = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    var raceOffset = parseInt(plan.getAttribute("data-race-offset"), 10) || 0;
    var first = plan.getAttribute("data-anchor") === "race" ? plus(chosen, -raceOffset) : chosen;
    var units = document.documentElement.getAttribute("data-units") === "mi" ? "mi" : "km";
    var load = cached ? Promise.resolve(cached) : fetch(button.getAttribute("data-src")).then(function (r) { return r.json(); });
    load.then(function (data) {
      cached = data;
      var file = build(data, chosen, first, window.DeloadPaces ? window.DeloadPaces.current : null, units);
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([file.text], { type: "text/calendar" }));
      link.download = data.slug + "-" + file.name;
      document.body.appendChild(link);
      link.click();
      link.remove();
    });
  });
})();
