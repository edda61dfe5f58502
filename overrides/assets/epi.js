/* The site's only script: the colour-scheme switch, the native share button, and search on the search page. */
(function () {
  "use strict";
  var body = document.body;

  var toggle = document.querySelector("[data-epi-scheme]");
  if (toggle) {
    var sync = function () {
      toggle.setAttribute("aria-pressed", String(body.getAttribute("data-md-color-scheme") === "slate"));
    };
    toggle.hidden = false;
    sync();
    toggle.addEventListener("click", function () {
      var next = body.getAttribute("data-md-color-scheme") === "slate" ? "default" : "slate";
      body.setAttribute("data-md-color-scheme", next);
      try { localStorage.setItem("epi-scheme", next); } catch (e) { /* storage may be off */ }
      sync();
    });
  }

  // The native share sheet, where the browser has one; elsewhere the button stays hidden.
  var share = document.querySelector("[data-epi-share]");
  if (share && typeof navigator.share === "function") {
    share.hidden = false;
    share.addEventListener("click", function () {
      navigator.share({ title: share.getAttribute("data-title"), url: share.getAttribute("data-url") })
        .catch(function () { /* the reader closed the share sheet */ });
    });
  }

  var form = document.querySelector("[data-epi-search]");
  if (!form) return;
  var input = form.querySelector("input");
  var status = document.querySelector("[data-epi-search-status]");
  var list = document.querySelector("[data-epi-search-results]");
  var base = new URL(body.getAttribute("data-epi-root"), location.href).href;
  var plural = new Intl.PluralRules(document.documentElement.lang);
  var pagefind = null;

  function say(text) { status.textContent = text; }
  function found(count) {
    var message = status.getAttribute("data-found-" + plural.select(count)) || status.getAttribute("data-found-other");
    return message.replace("{count}", count.toLocaleString(document.documentElement.lang));
  }

  // Pagefind cuts its excerpt out of the page's text: say so where it starts or stops mid-text.
  function ellipsise(excerpt, content) {
    var squash = function (text) { return text.replace(/\s+/g, " ").trim(); };
    var text = squash(excerpt.textContent), whole = squash(content);
    if (!text) return;
    var at = whole.indexOf(text);
    if (at !== 0) excerpt.insertBefore(document.createTextNode("\u2026\u00a0"), excerpt.firstChild);
    if (at === -1 || at + text.length < whole.length) excerpt.appendChild(document.createTextNode("\u00a0\u2026"));
  }

  async function run(query) {
    list.textContent = "";
    if (!query.trim()) { say(""); return; }
    say(status.getAttribute("data-loading"));
    if (!pagefind) {
      pagefind = await import(base + "pagefind/pagefind.js");
      await pagefind.options({ baseUrl: new URL(base).pathname });
      await pagefind.init();
    }
    var search = await pagefind.search(query);
    var results = await Promise.all(search.results.slice(0, 20).map(function (r) { return r.data(); }));
    say(results.length ? found(search.results.length) : status.getAttribute("data-none"));
    results.forEach(function (data) {
      var item = document.createElement("li");
      item.className = "epi-result";
      var link = document.createElement("a");
      link.className = "epi-result__title";
      link.href = data.url;
      link.textContent = data.meta.title || data.url;
      item.appendChild(link);
      if (data.meta.section) {
        var section = document.createElement("p");
        section.className = "epi-result__section";
        section.textContent = data.meta.section;
        item.appendChild(section);
      }
      var excerpt = document.createElement("p");
      excerpt.className = "epi-result__excerpt";
      excerpt.innerHTML = data.excerpt;  // Pagefind escapes the text and adds only <mark>
      ellipsise(excerpt, data.content || "");
      item.appendChild(excerpt);
      list.appendChild(item);
    });
  }

  function search(query) {
    run(query).catch(function () { say(status.getAttribute("data-none")); });
  }

  var params = new URLSearchParams(location.search);
  if (params.get("q")) { input.value = params.get("q"); search(params.get("q")); }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    search(input.value);
  });
})();
