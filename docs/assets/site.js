/* Small accessibility repairs to Material's markup, applied on every page. */
(function () {
  "use strict";
  // The search dialog has no accessible name; give it the search field's own label.
  var dialog = document.querySelector('.md-search[role="dialog"]');
  var input = document.querySelector(".md-search__input");
  if (dialog && input && !dialog.hasAttribute("aria-label")) {
    dialog.setAttribute("aria-label", input.getAttribute("aria-label") || input.placeholder || "Search");
  }
})();
