/* spotlight search: a GOV.UK-style form over Pagefind's JavaScript API (pagefind/pagefind.js,
   written into the site by `spotlight build`). Needs a web server: browsers refuse to load the
   index from files opened from a folder, and the page then says so. */
(function () {
  "use strict";
  var box = document.getElementById("search");
  if (!box) {
    return;
  }
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var root = box.getAttribute("data-root");
  var bundle = new URL(box.getAttribute("data-bundle") + "pagefind.js", document.baseURI).href;
  var more = document.getElementById("search-more");
  var PAGE = 20;
  var pagefind = null;
  var pending = [];
  var latest = 0;
  var timer = null;

  function plural(count, word) {
    return count + " " + word + (count === 1 ? "" : "s");
  }

  function filters() {
    var chosen = {};
    box.querySelectorAll("[data-filter]").forEach(function (group) {
      var values = [];
      group.querySelectorAll("input:checked").forEach(function (c) { values.push(c.value); });
      if (values.length) {
        chosen[group.getAttribute("data-filter")] = { any: values };
      }
    });
    return chosen;
  }

  function chosenLabels() {
    var labels = [];
    box.querySelectorAll("[data-filter] input:checked").forEach(function (c) {
      labels.push(c.value);
    });
    return labels;
  }

  // Pagefind's excerpt is text with <mark> around matches: keep the text and the marks only.
  function excerpt(html) {
    var paragraph = document.createElement("p");
    paragraph.className = "search-result__excerpt";
    var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    parsed.body.firstChild.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.appendChild(mark);
      } else {
        paragraph.appendChild(document.createTextNode(node.textContent));
      }
    });
    return paragraph;
  }

  function result(data) {
    var item = document.createElement("li");
    item.className = "search-result";
    var heading = document.createElement("h2");
    heading.className = "search-result__title";
    var link = document.createElement("a");
    link.href = root + data.url.replace(/^\//, "");
    link.textContent = data.meta.title;
    heading.appendChild(link);
    item.appendChild(heading);
    var facts = [].concat(data.filters.practice_theme || [], data.filters.region || []);
    if (facts.length) {
      var meta = document.createElement("p");
      meta.className = "search-result__meta";
      meta.textContent = facts.join(" · ");
      item.appendChild(meta);
    }
    item.appendChild(excerpt(data.excerpt));
    return item;
  }

  async function run() {
    var query = input.value.trim();
    var chosen = filters();
    var ticket = ++latest;
    var url = new URL(window.location.href);
    if (query) { url.searchParams.set("q", query); } else { url.searchParams.delete("q"); }
    window.history.replaceState(null, "", url);
    if (!query && !Object.keys(chosen).length) {
      list.replaceChildren();
      status.textContent = "";
      more.hidden = true;
      return;
    }
    var search = await pagefind.search(query || null, { filters: chosen });
    if (ticket !== latest) {
      return;
    }
    pending = search.results;
    list.replaceChildren();
    var labels = chosenLabels();
    status.textContent = plural(pending.length, "example") + " found" +
      (query ? " for ‘" + query + "’" : "") +
      (labels.length ? " in " + labels.join(", ") : "");
    await showMore(ticket);
  }

  // Results arrive in pages: the data of each result is fetched only when it is shown.
  async function showMore(ticket) {
    var page = pending.slice(0, PAGE);
    pending = pending.slice(PAGE);
    var found = await Promise.all(page.map(function (r) { return r.data(); }));
    if (ticket !== latest) {
      return;
    }
    found.forEach(function (data) { list.appendChild(result(data)); });
    more.hidden = pending.length === 0;
    more.textContent = "Show " + plural(Math.min(PAGE, pending.length), "more result");
  }

  function soon() {
    window.clearTimeout(timer);
    timer = window.setTimeout(run, 300);
  }

  async function start() {
    try {
      pagefind = await import(bundle);
      await pagefind.options({ baseUrl: "/" });
      await pagefind.init();
    } catch (error) {
      document.getElementById("search-unavailable").hidden = false;
      return;
    }
    box.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.clearTimeout(timer);
      run();
    });
    input.addEventListener("input", soon);
    more.addEventListener("click", function () {
      var first = list.children.length;
      showMore(latest).then(function () {
        var link = list.children[first] && list.children[first].querySelector("a");
        if (link) { link.focus(); }
      });
    });
    box.querySelectorAll("[data-filter] input").forEach(function (c) {
      c.addEventListener("change", run);
    });
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) {
      input.value = query;
      run();
    }
  }

  start();
})();
