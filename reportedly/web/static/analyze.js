// Analyse form: a paste over the server's limits is stopped here, before it is sent, so the text
// stays in the box (a refused upload cannot be given back by the server).
(function () {
  "use strict";
  var form = document.querySelector("form.analyze");
  var box = document.getElementById("text");
  var note = document.getElementById("size-error");
  if (!form || !box || !note) return;
  form.addEventListener("submit", function (e) {
    var bytes = new Blob([box.value]).size;
    var maxBytes = Number(box.getAttribute("data-max-bytes"));
    var maxChars = Number(box.getAttribute("data-max-chars"));
    var problem = null;
    if (maxBytes && bytes > maxBytes) problem = "The text is " + bytes.toLocaleString() + " bytes; this server takes at most " + maxBytes.toLocaleString() + ".";
    else if (maxChars && box.value.length > maxChars) problem = "The text is " + box.value.length.toLocaleString() + " characters; this server analyses at most " + maxChars.toLocaleString() + ".";
    if (problem) {
      e.preventDefault();
      note.textContent = problem + " Your text is still in the box: shorten it, or analyse it with `reportedly analyze FILE`.";
      note.hidden = false;
      box.focus();
    }
  });
})();
