/* On every page, instead of Material's JavaScript bundle.
   - The search form in the header opens the search page with the words after '#q=': that part of
     an address never goes to a server (the field has no name, so without JavaScript the form opens
     the search page without them).
   - The menu button works from the keyboard. Material's menu button is a label for a hidden
     checkbox (the drawer opens without JavaScript), which a keyboard cannot reach; here a real
     button takes its place, says whether the menu is open, and Escape closes the menu again, as
     does following a link in it. */
(function () {
  "use strict";
  var searchForm = document.querySelector("form[data-site-search]");
  if (searchForm) {
    searchForm.addEventListener("submit", function (event) {
      event.preventDefault();
      var words = searchForm.querySelector('input[type="search"]').value.trim();
      location.href = searchForm.action.split("#")[0] + (words ? "#q=" + encodeURIComponent(words) : "");
    });
  }
})();

(function () {
  "use strict";
  var drawer = document.getElementById("__drawer");
  var label = document.querySelector("[data-site-menu-label]");
  var button = document.querySelector("[data-site-menu]");
  if (!drawer || !label || !button) return;
  label.hidden = true;
  button.hidden = false;

  function sync() {
    button.setAttribute("aria-expanded", drawer.checked ? "true" : "false");
  }

  function toggle(open) {
    drawer.checked = open;
    sync();
    if (open) {
      var first = document.querySelector(".md-sidebar--primary a, .md-sidebar--primary label");
      if (first) first.focus();
    }
  }

  button.addEventListener("click", function () {
    toggle(!drawer.checked);
  });
  drawer.addEventListener("change", sync); // the overlay beside the open menu closes it too
  // Following a link in the menu closes it: on a phone it would stay open over the page when the
  // link leads to a place on the same page. The focus goes to that place, not into the closed menu.
  document.querySelectorAll(".md-sidebar--primary").forEach(function (menu) {
    menu.addEventListener("click", function (event) {
      var link = event.target.closest("a[href]");
      if (!link || !drawer.checked) return;
      toggle(false);
      var target = link.hash && link.pathname === location.pathname && document.getElementById(decodeURIComponent(link.hash.slice(1)));
      if (target) {
        if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
        setTimeout(function () { target.focus({ preventScroll: true }); });
      }
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && drawer.checked) {
      toggle(false);
      button.focus();
    }
  });
  sync();
})();
