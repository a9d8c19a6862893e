/* The page's words for the scripts: the build writes the translations of every t("…") message
   into <script type="application/json" id="deload-messages"> (none on an English page). */
(function () {
  "use strict";
  var messages = {};
  try {
    var block = document.getElementById("deload-messages");
    if (block) { messages = JSON.parse(block.textContent) || {}; }
  } catch (e) { messages = {}; }
  /* t("Paces for %(reference)s", {reference: "5K in 25:00"}): the message in the page's language. */
  window.deloadT = function (message, values) {
    var text = Object.prototype.hasOwnProperty.call(messages, message) ? messages[message] : message;
    return text.replace(/%\((\w+)\)[sd]/g, function (all, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : all;
    });
  };
})();
