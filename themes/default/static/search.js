/* spotlight search: a GOV.UK-style form over Pagefind's JavaScript API (pagefind/pagefind.js,
   written into the site by `spotlight build`). Needs a web server: browsers refuse to load the
   index from files opened from a folder, and the page then says so.

   Pagefind matches the beginnings of words only, so pagefind/words.json (the indexed words, with
   how often each occurs) lets this page forgive: a word of one or two letters is left out
   (unless the text writes it as an abbreviation, like DA), and a word no example contains is
   replaced by the nearest word that one does ("acommodation" -> "accommodation"). The query and
   the ticked filters live in the address, so a search can be bookmarked and shared. */
(function () {
  "use strict";
  var box = document.getElementById("search");
  if (!box) {
    return;
  }
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var note = document.getElementById("search-note");
  var help = document.getElementById("search-help");
  var helpFilters = document.getElementById("search-help-filters");
  var list = document.getElementById("search-results");
  var root = box.getAttribute("data-root");
  var bundle = new URL(box.getAttribute("data-bundle") + "pagefind.js", document.baseURI).href;
  var wordsUrl = box.getAttribute("data-words");
  var more = document.getElementById("search-more");
  var groups = Array.prototype.slice.call(box.querySelectorAll("[data-filter]"));
  var PAGE = 20;
  var pagefind = null;
  var vocabulary = null;  // {shortest, short: [...], words: {word: count}}
  var pending = [];
  var latest = 0;
  var timer = null;
  // The page's messages, in its language (see search.html), and that language's plural rules.
  var messages = JSON.parse(box.getAttribute("data-messages"));
  var pluralRules = new Intl.PluralRules(document.documentElement.lang || "en");

  // A message with its {names} filled in.
  function fill(message, values) {
    return message.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  // A plural message: the form for `count` in the page's language.
  function plural(forms, count, values) {
    var form = forms[pluralRules.select(count)] || forms.other;
    return fill(form, Object.assign({ count: count }, values || {}));
  }

  function quoted(words) {
    return words.map(function (w) { return fill(messages.quoted, { word: w }); }).join(", ");
  }

  function boxes(group) {
    return Array.prototype.slice.call(group.querySelectorAll("input[type=checkbox]"));
  }

  // The ticked filters as Pagefind wants them, leaving out one group if asked.
  function filters(except) {
    var chosen = {};
    groups.forEach(function (group) {
      var name = group.getAttribute("data-filter");
      var values = boxes(group).filter(function (c) { return c.checked; })
        .map(function (c) { return c.value; });
      if (values.length && name !== except) {
        chosen[name] = { any: values };
      }
    });
    return chosen;
  }

  function chosenLabels() {
    return Array.prototype.map.call(box.querySelectorAll("[data-filter] input:checked"),
                                    function (c) { return c.value; });
  }

  // --- Forgiving words ---------------------------------------------------------------------

  // Optimal string alignment distance (Levenshtein plus swapped neighbours), giving up once it
  // must exceed `most`.
  function distance(a, b, most) {
    if (Math.abs(a.length - b.length) > most) {
      return most + 1;
    }
    var before = null, previous = [], row;
    for (var j = 0; j <= b.length; j++) { previous.push(j); }
    for (var i = 1; i <= a.length; i++) {
      row = [i];
      var smallest = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
        if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          value = Math.min(value, before[j - 2] + 1);
        }
        row.push(value);
        smallest = Math.min(smallest, value);
      }
      if (smallest > most) {
        return most + 1;
      }
      before = previous;
      previous = row;
    }
    return previous[b.length];
  }

  function known(word) {
    if (vocabulary.words[word]) {
      return true;
    }
    for (var candidate in vocabulary.words) {
      if (candidate.lastIndexOf(word, 0) === 0) {
        return true;  // the beginning of a word the examples use: Pagefind finds it
      }
    }
    return false;
  }

  // The indexed word nearest to a slip, or null: one slip in a short word, two in a longer one.
  function nearest(word) {
    var most = word.length <= 4 ? 1 : word.length <= 11 ? 2 : 3;
    var best = null, bestDistance = most + 1, bestCount = 0;
    for (var candidate in vocabulary.words) {
      var d = distance(word, candidate, most);
      if (word.length >= 5 && candidate.length > word.length) {
        d = Math.min(d, distance(word, candidate.slice(0, word.length), most));
      }
      var count = vocabulary.words[candidate];
      if (d < bestDistance || (d === bestDistance && count > bestCount)) {
        best = candidate; bestDistance = d; bestCount = count;
      }
    }
    return bestDistance <= most ? best : null;
  }

  // What to search for: {terms, exact (short abbreviations, matched whole), left (too
  // short), corrected ([typed, used]), unknown}.
  function understand(query) {
    var words = query.match(/[\p{L}\p{N}]+/gu) || [];
    var found = { terms: [], shown: [], exact: [], left: [], corrected: [], unknown: [] };
    words.forEach(function (typed) {
      var word = typed.toLowerCase();
      if (!vocabulary || /^\d+$/.test(word)) {
        found.terms.push(word);  // numbers (2023, 14) are searched for as they are
        found.shown.push(typed);
      } else if (word.length < vocabulary.shortest) {
        if (vocabulary.short.indexOf(word) >= 0) {
          found.terms.push(word);
          found.shown.push(typed);
          found.exact.push(word);  // DA, not every word that begins "da"
        } else {
          found.left.push(typed);
        }
      } else if (known(word)) {
        found.terms.push(word);
        found.shown.push(typed);
      } else {
        var better = nearest(word);
        if (better) {
          found.terms.push(better);
          found.shown.push(better);
          found.corrected.push([typed, better]);
        } else {
          found.unknown.push(typed);
        }
      }
    });
    return found;
  }

  // --- Results -----------------------------------------------------------------------------

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

  // Each filter option shows how many results ticking it would give: the current words and
  // the other groups' ticked filters, with this option.
  async function showCounts(query, ticket) {
    var counted = await Promise.all(groups.map(async function (group) {
      var name = group.getAttribute("data-filter");
      var others = filters(name);
      if (query === null && !Object.keys(others).length) {
        return (await pagefind.filters())[name] || {};
      }
      if (query === "") {
        return {};  // nothing that could be searched for: every option gives nothing
      }
      var search = await pagefind.search(query, { filters: others });
      return (search && search.filters && search.filters[name]) || {};
    }));
    if (ticket !== latest) {
      return;  // a newer search has begun: its counts will be shown
    }
    groups.forEach(function (group, index) {
      boxes(group).forEach(function (c) {
        var count = counted[index][c.value] || 0;
        c.parentNode.querySelector(".checkboxes__count").textContent = "(" + count + ")";
      });
    });
  }

  function remember(query) {
    var url = new URL(window.location.href);
    url.search = "";
    if (query) {
      url.searchParams.set("q", query);
    }
    groups.forEach(function (group) {
      boxes(group).forEach(function (c) {
        if (c.checked) {
          url.searchParams.append(group.getAttribute("data-filter"), c.getAttribute("data-slug"));
        }
      });
    });
    window.history.replaceState(null, "", url);
  }

  function restore() {
    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    groups.forEach(function (group) {
      var wanted = params.getAll(group.getAttribute("data-filter"));
      boxes(group).forEach(function (c) {
        c.checked = wanted.indexOf(c.getAttribute("data-slug")) >= 0 ||
          wanted.indexOf(c.value) >= 0;
      });
    });
  }

  // The window's title says what the page shows, as GOV.UK's search does: "12 examples
  // found for ‘probation’ – Search examples – <site>", back to the page's own without a search.
  var pageTitle = document.title;

  function say(text, extra) {
    status.textContent = text;
    document.title = text ? text + " – " + pageTitle : pageTitle;
    note.textContent = extra.join(" ");
    note.hidden = !extra.length;
  }

  // The results list is aria-busy from the moment a search is asked for until its results,
  // its count and the filters' counts are all on the page.
  async function run() {
    var ticket = ++latest;
    list.setAttribute("aria-busy", "true");
    try {
      await search(ticket);
    } finally {
      if (ticket === latest) {
        list.setAttribute("aria-busy", "false");
      }
    }
  }

  async function search(ticket) {
    var typed = input.value.trim();
    var chosen = filters();
    var labels = chosenLabels();
    remember(typed);
    var found = understand(typed);
    var extra = [];
    if (found.corrected.length) {
      extra.push(fill(messages.corrected, {
        typed: quoted(found.corrected.map(function (c) { return c[0]; })),
        meant: quoted(found.corrected.map(function (c) { return c[1]; }))
      }));
    }
    if (found.left.length) {
      extra.push(fill(messages.short, { words: quoted(found.left) }));
    }
    var query = found.unknown.length ? "" : found.terms.join(" ");
    // Pagefind matches a quoted word whole.
    var asked = found.terms.map(function (term) {
      return found.exact.indexOf(term) >= 0 ? "\"" + term + "\"" : term;
    }).join(" ");
    list.replaceChildren();
    more.hidden = true;
    help.hidden = true;
    if (!typed && !labels.length) {
      say("", []);
      await showCounts(null, ticket);
      return;
    }
    var where = labels.join(", ");
    helpFilters.hidden = !labels.length;
    if (found.unknown.length || !(query || labels.length)) {
      if (found.unknown.length) {
        extra.unshift(fill(messages.unknown, { words: quoted(found.unknown) }));
      }
      say(found.unknown.length ? fill(where ? messages.none_here : messages.none,
                                      { query: quoted([typed]), filters: where })
        : messages.too_short, extra);
      help.hidden = !found.unknown.length;
      await showCounts(found.unknown.length ? "" : null, ticket);
      return;
    }
    var search = await pagefind.search(asked || null, { filters: chosen });
    if (ticket !== latest) {
      return;
    }
    pending = search.results;
    var total = pending.length;
    var forms = query ? (where ? messages.found_for_here : messages.found_for)
      : (where ? messages.found_here : messages.found);
    var counting = showCounts(asked || null, ticket);
    // The count is said once the results it counts are on the page, not before.
    await showMore(ticket);
    if (ticket !== latest) {
      return;
    }
    var shown = { query: quoted([found.shown.join(" ")]), filters: where };
    // None found: said as "No examples found", not "0 examples found".
    say(total === 0 && query ? fill(where ? messages.none_here : messages.none, shown)
      : plural(forms, total, shown), extra);
    help.hidden = total > 0;
    await counting;
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
    more.textContent = plural(messages.more, Math.min(PAGE, pending.length));
  }

  function soon() {
    list.setAttribute("aria-busy", "true");
    window.clearTimeout(timer);
    timer = window.setTimeout(run, 300);
  }

  async function loadVocabulary() {
    try {
      var response = await fetch(new URL(wordsUrl, document.baseURI));
      vocabulary = response.ok ? await response.json() : null;
    } catch (error) {
      vocabulary = null;  // search still works, without forgiving slips
    }
  }

  async function start() {
    try {
      pagefind = await import(bundle);
      // A whole-word match ranks above a long word that merely begins with what was typed.
      await pagefind.options({ baseUrl: "/", excerptLength: 30,
                               ranking: { termSimilarity: 2.0 } });
      await Promise.all([pagefind.init(), loadVocabulary()]);
      await pagefind.filters();  // loads every filter, so that results carry their counts
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
    window.addEventListener("popstate", function () { restore(); run(); });
    restore();
    run();
  }

  start();
})();
