/* The search page (overrides/search-page.html): runs a search with Pagefind's index of this
   page's language, loaded only when the reader searches. The words come from the address, after
   '#q=' (the search form in the header puts them there; a browser never sends that part to a
   server), or from the form on this page; nothing is stored. Results: a link to the section of
   the page where the words are found most (Pagefind's sub-results: the parts of a page under each
   heading with an id), named by its heading and the page's title, and a piece of that section's
   text with the words marked. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-search]");
  if (!form) return;
  var input = form.querySelector('input[type="search"]');
  var status = document.querySelector("[data-search-status]");
  var list = document.querySelector("[data-search-results]");
  var moreRow = document.querySelector("[data-search-more-row]");
  var moreButton = document.querySelector("[data-search-more]");
  // Each result loads a piece of the index with its page's text: five at a time keeps a search
  // on a phone small (BENCHMARKS.md).
  var PAGE_SIZE = 5;
  var pagefind = null; // the module, once loaded
  var found = []; // the current search's results, their data loaded in pages of PAGE_SIZE
  var shown = 0;
  var searchNumber = 0; // a newer search makes an older one's late answer go unused

  function wordsInAddress() {
    return (new URLSearchParams(location.hash.slice(1)).get("q") || "").trim();
  }

  function text(name, values) {
    var template = form.getAttribute("data-text-" + name) || "";
    return template.replace(/\{(\w+)\}/g, function (all, key) {
      return key in values ? values[key] : all;
    });
  }

  function loadPagefind() {
    if (!pagefind) {
      // Relative to this page, so the site works from any address (a preview under a sub-path).
      var script = new URL(form.getAttribute("data-pagefind"), document.baseURI).href;
      var root = new URL(form.getAttribute("data-site-root"), document.baseURI).pathname;
      pagefind = import(script).then(function (module) {
        // noWorker: the search runs on the page; Pagefind's worker would be 12 kB more to load,
        // for an index this small.
        return Promise.resolve(module.options({ baseUrl: root, excerptLength: 24, noWorker: true })).then(function () {
          return module;
        });
      });
      pagefind.catch(function () {
        pagefind = null; // try again on the next search
      });
    }
    return pagefind;
  }

  // The section of a page that holds the words found most: Pagefind scores each word it found.
  function bestSection(data) {
    var best = null;
    var bestScore = -1;
    (data.sub_results || []).forEach(function (section) {
      var score = 0;
      (section.weighted_locations || []).forEach(function (found) {
        score += found.balanced_score || found.weight || 1;
      });
      if (score > bestScore) {
        best = section;
        bestScore = score;
      }
    });
    return best;
  }

  function showMore() {
    var next = found.slice(shown, shown + PAGE_SIZE);
    var number = searchNumber;
    return Promise.all(
      next.map(function (result) {
        return result.data();
      })
    ).then(function (pages) {
      if (number !== searchNumber) return;
      pages.forEach(function (data) {
        var item = document.createElement("li");
        var title = (data.meta && data.meta.title) || data.url;
        var section = bestSection(data);
        var inSection = section && section.url !== data.url && section.title !== title;
        var link = document.createElement("a");
        link.href = inSection ? section.url : data.url;
        if (inSection) {
          // The section's heading, then the page it is on: two lines to the eye, one name (with a
          // pause between them) to a screen reader.
          var heading = document.createElement("span");
          heading.className = "site-search-page__section";
          heading.textContent = section.title;
          var pause = document.createElement("span");
          pause.className = "site-visually-hidden";
          pause.textContent = " – ";
          var page = document.createElement("span");
          page.className = "site-search-page__page";
          page.textContent = title;
          link.append(heading, pause, page);
        } else {
          link.textContent = title;
        }
        var excerpt = document.createElement("p");
        // Pagefind's excerpt is the page's own text, escaped, with <mark> around the words found.
        excerpt.innerHTML = section ? section.excerpt : data.excerpt;
        item.appendChild(link);
        item.appendChild(excerpt);
        list.appendChild(item);
      });
      shown += next.length;
      list.hidden = shown === 0;
      moreRow.hidden = shown >= found.length;
    });
  }

  function search(query) {
    var number = ++searchNumber;
    list.textContent = "";
    list.hidden = true;
    moreRow.hidden = true;
    found = [];
    shown = 0;
    if (!query) {
      status.textContent = "";
      return Promise.resolve();
    }
    status.textContent = text("searching", { query: query });
    return loadPagefind()
      .then(function (module) {
        return module.search(query);
      })
      .then(function (answer) {
        if (number !== searchNumber) return;
        found = (answer && answer.results) || [];
        var count = found.length;
        status.textContent = text(count === 0 ? "none" : count === 1 ? "one" : "many", { query: query, count: count });
        return showMore();
      })
      .catch(function () {
        if (number === searchNumber) status.textContent = text("failed", { query: query });
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = input.value.trim();
    // The words in the address (after '#'): reloading or sharing the page shows the same search.
    history.replaceState(null, "", query ? "#q=" + encodeURIComponent(query) : location.pathname);
    search(query);
  });

  moreButton.addEventListener("click", function () {
    var first = shown;
    showMore().then(function () {
      // Keyboard and screen-reader users continue at the first new result.
      var link = list.children[first] && list.children[first].querySelector("a");
      if (link) link.focus();
    });
  });

  function searchFromAddress() {
    var words = wordsInAddress();
    input.value = words;
    if (words) search(words);
    else input.focus();
  }

  // A search from the header while this page is open changes only the '#' part: no new page load.
  window.addEventListener("hashchange", searchFromAddress);
  searchFromAddress();
})();
