/* Deload: watch workouts (FIT) with the reader's own paces, built in the browser.
   The build publishes each session's FIT file in the plan's zip, and fit/fit.json: each file's
   week, where each pace goes in it, and, where the published file has no paces (a plan without
   a reference time), where each paced step's target type and value are. With a reader's time
   entered, a click on a session's, a week's or the plan's link fetches the plan's zip, writes
   their pace ranges at those places, recomputes the FIT checksum (as generator/render/fit.py's
   files have it) and downloads the file, or a zip laid out for the watch's GARMIN/NewFiles
   folder. Without a time, the plan's link gives the published zip (the coach's example paces,
   or efforts by name); a session's file and a week's zip are taken out of it here (a zip and
   thousands of small files a week would slow every build and weigh on every host). */
(function () {
  "use strict";
  var t = window.deloadT || function (message, values) {  // a page without messages.js (a coach's own base.html)
    return message.replace(/%\((\w+)\)[sd]/g, function (all, name) { return values && name in values ? String(values[name]) : all; });
  };

  /* FIT's CRC-16 (the FIT protocol's own nibble table) ---------------------------------------- */
  var FIT_CRC = [0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
    0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400];
  function fitCrc(bytes, end) {
    var crc = 0;
    for (var i = 0; i < end; i++) {
      var byte = bytes[i], tmp = FIT_CRC[crc & 0xF];
      crc = ((crc >> 4) & 0x0FFF) ^ tmp ^ FIT_CRC[byte & 0xF];
      tmp = FIT_CRC[crc & 0xF];
      crc = ((crc >> 4) & 0x0FFF) ^ tmp ^ FIT_CRC[(byte >> 4) & 0xF];
    }
    return crc;
  }

  /* A file with the reader's paces --------------------------------------------------------------- */
  function speedValue(secondsPerKm) { return Math.floor(1000000 / secondsPerKm + 0.5); }
  /* entry: fit.json's [name, week, patches, target types if open]; published: the file as the
     plan's zip holds it. A plan without the coach's paces publishes its paced steps with their
     targets as they are without a pace (open, or a heart-rate zone): set back to speed here. */
  function paced(entry, current, published) {
    var P = window.DeloadPaces, bytes = published.slice();
    var view = new DataView(bytes.buffer);
    (entry[3] || []).forEach(function (at) { view.setUint8(at[0], 0); view.setUint32(at[1], 0, true); });
    entry[2].forEach(function (patch) {
      var pace = P.evaluate(patch[1], current.table.efforts, current.table.vdot);
      view.setUint32(patch[0], speedValue(patch[2] === "low" ? pace[1] : pace[0]), true);
    });
    view.setUint16(bytes.length - 2, fitCrc(bytes, bytes.length - 2), true);
    return bytes;
  }

  /* A stored zip (FIT files hardly compress) ------------------------------------------------------ */
  var CRC32 = (function () {
    var table = [];
    for (var n = 0; n < 256; n++) {
      var c = n;
      for (var k = 0; k < 8; k++) { c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1; }
      table[n] = c >>> 0;
    }
    return table;
  })();
  function crc32(bytes) {
    var crc = 0xFFFFFFFF;
    for (var i = 0; i < bytes.length; i++) { crc = CRC32[(crc ^ bytes[i]) & 0xFF] ^ (crc >>> 8); }
    return (crc ^ 0xFFFFFFFF) >>> 0;
  }
  function zip(files) {
    var encoder = new TextEncoder(), parts = [], central = [], offset = 0;
    files.forEach(function (file) {
      var name = encoder.encode(file.name), crc = crc32(file.data), size = file.data.length;
      var local = new DataView(new ArrayBuffer(30));
      local.setUint32(0, 0x04034b50, true); local.setUint16(4, 20, true); local.setUint16(8, 0, true);
      local.setUint16(10, 0, true); local.setUint16(12, 33, true);  /* 1980-01-01 00:00 */
      local.setUint32(14, crc, true); local.setUint32(18, size, true); local.setUint32(22, size, true);
      local.setUint16(26, name.length, true);
      var entry = new DataView(new ArrayBuffer(46));
      entry.setUint32(0, 0x02014b50, true); entry.setUint16(4, 20, true); entry.setUint16(6, 20, true);
      entry.setUint16(14, 33, true); entry.setUint32(16, crc, true); entry.setUint32(20, size, true);
      entry.setUint32(24, size, true); entry.setUint16(28, name.length, true); entry.setUint32(42, offset, true);
      parts.push(new Uint8Array(local.buffer), name, file.data);
      central.push(new Uint8Array(entry.buffer), name);
      offset += 30 + name.length + size;
    });
    var centralSize = central.reduce(function (sum, part) { return sum + part.length; }, 0);
    var end = new DataView(new ArrayBuffer(22));
    end.setUint32(0, 0x06054b50, true); end.setUint16(8, files.length, true); end.setUint16(10, files.length, true);
    end.setUint32(12, centralSize, true); end.setUint32(16, offset, true);
    return new Blob(parts.concat(central, [new Uint8Array(end.buffer)]), { type: "application/zip" });
  }

  /* A file out of a stored zip (the build's week zips): null if it is not there. */
  function unzipped(buffer, name) {
    var view = new DataView(buffer), bytes = new Uint8Array(buffer), decoder = new TextDecoder(), at = 0;
    while (at + 30 <= bytes.length && view.getUint32(at, true) === 0x04034b50) {
      var size = view.getUint32(at + 18, true), length = view.getUint16(at + 26, true);
      var start = at + 30 + length + view.getUint16(at + 28, true);
      var entry = decoder.decode(bytes.subarray(at + 30, at + 30 + length));
      if (entry === name || entry.slice(-name.length - 1) === "/" + name) { return bytes.slice(start, start + size); }
      at = start + size;
    }
    return null;
  }

  function save(blob, name) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  window.DeloadWatch = { paced: paced, zip: zip, unzipped: unzipped, fitCrc: fitCrc, speedValue: speedValue };

  /* The page ------------------------------------------------------------------------------------------ */
  /* A session's own file: a link for each session that has one (li[data-fit]), to the plan's zip
     (which holds it) when the script cannot run; without JavaScript the plan's link gives it. */
  document.querySelectorAll("li[data-fit]").forEach(function (item) {
    var week = item.closest(".week"), zipLink = week && week.querySelector("a[data-fit-week]");
    if (!zipLink) { return; }
    var p = document.createElement("p"), link = document.createElement("a");
    p.className = "s-fit";
    link.href = zipLink.getAttribute("href");
    link.setAttribute("data-fit", item.getAttribute("data-fit"));
    link.setAttribute("download", "");
    link.textContent = t("Watch workout (.fit)");
    p.appendChild(link);
    item.insertBefore(p, item.querySelector(".s-notes"));
  });
  var cached = null;
  function templates() {
    return cached ? Promise.resolve(cached) : fetch("fit/fit.json").then(function (r) { return r.json(); })
      .then(function (data) { cached = data; return data; });
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-fit], a[data-fit-week], a[data-fit-plan]");
    var current = window.DeloadPaces && window.DeloadPaces.current;
    if (!link || (!current && link.hasAttribute("data-fit-plan"))) { return; }  /* no time entered: the published zip */
    event.preventDefault();
    var one = link.getAttribute("data-fit"), week = link.getAttribute("data-fit-week");
    /* The plan's zip holds its files as published: the one session's without a time, and
       with one the base of every file. */
    var published = fetch(link.getAttribute("href")).then(function (r) { return r.arrayBuffer(); });
    if (one && !current) {
      published.then(function (buffer) {
        var bytes = unzipped(buffer, one);
        if (bytes) { save(new Blob([bytes], { type: "application/vnd.ant.fit" }), one); } else { window.location.href = link.href; }
      });
      return;
    }
    Promise.all([templates(), published]).then(function (loaded) {
      var data = loaded[0], buffer = loaded[1];
      var chosen = data.files.filter(function (f) {
        return one ? f[0] === one : week ? String(f[1]) === week : true;
      });
      function file(f) {  /* without a time, the file as published */
        var published = unzipped(buffer, f[0]);
        return current && published ? paced(f, current, published) : published;
      }
      if (one && chosen.length) {  /* one session with the reader's paces */
        save(new Blob([file(chosen[0])], { type: "application/vnd.ant.fit" }), one);
        return;
      }
      var files = chosen.map(function (f) { return { name: data.folder + f[0], data: file(f) }; })
        .filter(function (f) { return f.data; });  /* a file the zip lacks is left out, never a broken entry */
      var name = week ? data.slug + "-week-" + String(week).padStart(2, "0") + ".zip" : data.slug + ".zip";
      save(zip(files), name);
    }).catch(function () { window.location.href = link.href; });  /* offline or a failed fetch: the plan's zip */
  });
})();
