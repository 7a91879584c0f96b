/* Self-check of the five RLS criteria (markup: overrides/partials/selfcheck.html).
   It gives no verdict: once every question is answered, whatever the answers, it shows the one
   neutral text from the page (take your answers to your GP). Answers live only in this page's
   memory: nothing is sent, stored or remembered. */
(function () {
  "use strict";
  function setUp(root) {
    var form = root.querySelector("[data-selfcheck-form]");
    var questions = root.querySelectorAll("[data-criterion]");
    root.querySelector("[data-selfcheck-static]").hidden = true;
    form.hidden = false;
    var unanswered = {};

    function show(name) {
      root.querySelectorAll("[data-result]").forEach(function (el) {
        el.hidden = el.getAttribute("data-result") !== name;
      });
    }

    function update() {
      var answered = 0;
      questions.forEach(function (fieldset) {
        var id = fieldset.getAttribute("data-criterion");
        var checked = fieldset.querySelector("input:checked");
        var summary = root.querySelector('[data-selfcheck-answer="' + id + '"]');
        if (!(id in unanswered)) unanswered[id] = summary.textContent;
        summary.textContent = checked ? checked.parentNode.textContent.trim() : unanswered[id];
        if (checked) answered += 1;
      });
      show(answered === questions.length ? "complete" : "incomplete");
    }

    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    root.querySelector("[data-selfcheck-print]").addEventListener("click", function () {
      var lang = document.documentElement.lang || undefined;
      root.querySelector("[data-selfcheck-date]").textContent =
        new Date().toLocaleDateString(lang, { year: "numeric", month: "long", day: "numeric" });
      document.body.classList.add("selfcheck-printing");
      window.print();
    });
    window.addEventListener("afterprint", function () {
      document.body.classList.remove("selfcheck-printing");
    });
    update();
  }
  function init() {
    document.querySelectorAll("[data-selfcheck]").forEach(setUp);
  }
  // Material's instant loading swaps pages without a reload; document$ then fires again.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
