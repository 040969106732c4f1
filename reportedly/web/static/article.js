// Article page: hovering or selecting a statement shows its speaker and chain of sources.
// Data comes from the JSON island the server wrote; everything is inserted as text, never HTML.
(function () {
  "use strict";
  var island = document.getElementById("statements-data");
  if (!island) return;
  var statements = JSON.parse(island.textContent);
  var text = document.getElementById("article-text");
  var pinned = null;

  function segmentsOf(id) {
    return text.querySelectorAll('[data-att~="' + CSS.escape(id) + '"]');
  }

  function show(id) {
    var s = statements[id];
    document.querySelectorAll(".is-active").forEach(function (el) { el.classList.remove("is-active"); });
    if (!s) {
      document.getElementById("focus-body").hidden = true;
      document.getElementById("focus-empty").hidden = false;
      return;
    }
    segmentsOf(id).forEach(function (el) { el.classList.add("is-active"); });
    document.querySelectorAll('.statement[data-att="' + CSS.escape(id) + '"]').forEach(function (el) { el.classList.add("is-active"); });
    var chain = document.getElementById("focus-chain");
    chain.textContent = "";
    (s.chain.length ? s.chain : []).forEach(function (name) {
      var li = document.createElement("li");
      li.textContent = name;
      chain.appendChild(li);
    });
    chain.hidden = s.chain.length === 0;
    document.getElementById("focus-speaker").textContent = s.speaker;
    document.getElementById("focus-cue").textContent = (s.cue ? s.cue : "") + " · " + s.kind;
    document.getElementById("focus-content").textContent = s.content;
    document.getElementById("focus-empty").hidden = true;
    document.getElementById("focus-body").hidden = false;
  }

  function firstId(el) {
    var holder = el.closest("[data-att]");
    return holder ? holder.getAttribute("data-att").split(" ")[0] : null;
  }

  text.addEventListener("mouseover", function (e) {
    var id = firstId(e.target);
    if (id) show(id);
  });
  text.addEventListener("mouseleave", function () { show(pinned); });
  text.addEventListener("click", function (e) {
    var id = firstId(e.target);
    if (id) { pinned = id; show(id); }
  });
  // Keyboard: each statement's first piece is a tab stop; focus shows it, Enter or Space pins it.
  text.addEventListener("focusin", function (e) {
    var id = firstId(e.target);
    if (id) show(id);
  });
  text.addEventListener("keydown", function (e) {
    if (e.key !== "Enter" && e.key !== " ") return;
    var id = firstId(e.target);
    if (id) { e.preventDefault(); pinned = id; show(id); }
  });
  document.querySelectorAll(".statement").forEach(function (button) {
    button.addEventListener("click", function () {
      pinned = button.getAttribute("data-att");
      show(pinned);
      var first = segmentsOf(pinned)[0];
      if (first) first.scrollIntoView({ behavior: "smooth", block: "center" });
    });
    button.addEventListener("focus", function () { show(button.getAttribute("data-att")); });
  });
})();
