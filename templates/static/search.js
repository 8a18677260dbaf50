// Search across the archive's languages with Pagefind's JavaScript API.
//
// The build writes Pagefind bundles per language, each indexed with its own language's
// analyser, and a manifest (/pagefind/undocs-search.json) naming, per language, its bundles
// (shards of a large language, and a small bundle of the pages changed since the language was
// last indexed whole) and the results of the older bundles to drop (pages changed or removed
// since). Each language is one Pagefind instance, its bundles merged into it with
// mergeIndex. A search runs in the reader's language (the page they came from, else their
// browser's), all languages one click away; results from several languages are merged by
// score or date, and the document whose symbol was typed is pinned first.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form) return;
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var everywhere = document.getElementById("search-all");
  var shown = null; // what the last search found: {results, done, pinnedUrl}
  var root = form.getAttribute("data-root") || "";
  // Pagefind's result URLs are root-relative: its baseUrl is the site root as seen from here,
  // so the site also works under a sub-path (GitHub Pages: /<repo>/).
  var base = new URL(root || "./", window.location.href).pathname;
  var languages = (form.getAttribute("data-languages") || "").split(" ").filter(Boolean);
  // the page's words (search.html): "{n}" and the like filled in here
  function fillIn(text, values) {
    Object.keys(values || {}).forEach(function (k) { text = text.split("{" + k + "}").join(values[k]); });
    return text;
  }
  function say(name, values) {
    return fillIn(form.getAttribute("data-" + name) || "", values);
  }
  // a count's words by the plural rules of the page's language ({"one": "{n} result", ...})
  var plural = new Intl.PluralRules(form.getAttribute("data-ui") || "en");
  function counted(name, values) {
    var forms = JSON.parse(form.getAttribute("data-" + name) || "{}");
    return fillIn(forms[plural.select(values.n)] || forms.other || "", values);
  }
  // bodies' and document types' names in the page's language, by their English names
  var labels = JSON.parse(form.getAttribute("data-labels") || "{}");
  function labelOf(value) {
    if (labels[value]) return labels[value];
    var session = /^(.*) (\d+)$/.exec(value); // "Human Rights Council 28"
    return session && labels[session[1]] ? labels[session[1]] + " " + session[2] : value;
  }
  var instances = {};
  var FILTERS = ["body", "session", "year", "type"];
  // What the address keeps of the filters: theirs, and the year a range ends with.
  var ADDRESSED = FILTERS.concat(["until"]);
  // A range with no first year starts with the United Nations.
  var YEARS_FROM = 1945;
  var PER_PAGE = 10;
  var OPTIONS = { baseUrl: base, excerptLength: 24 };
  var counter = 0;
  var queried = false; // a search has been asked for (askFilters)
  var filtersAsked = false; // the filters' counts have been asked for (askFilters)
  var manifest = null;

  function index() {
    if (!manifest) {
      manifest = fetch(base + "pagefind/undocs-search.json", { cache: "no-cache" })
        .then(function (response) {
          if (!response.ok) throw new Error("no search index (" + response.status + ")");
          return response.json();
        })
        .catch(function (error) {
          manifest = null; // asked again by the next search, not failed for good
          throw error;
        });
    }
    return manifest;
  }

  // One Pagefind instance per language: {pf, dropped}; null if the archive has none.
  function language(lang) {
    if (!instances[lang]) {
      instances[lang] = index().then(function (m) {
        var entry = m.languages[lang];
        if (!entry) return null;
        var path = function (name) { return base + "pagefind/" + name + "/"; };
        var files = entry.files || {};
        var names = entry.bundles.concat(entry.recent ? [entry.recent] : []);
        warmCache(names, files, path);
        // each language its own instance of Pagefind's script: the WebAssembly that holds
        // an index and stems its queries is one per module (and per worker) and language,
        // so two languages cannot share one; a language's bundles share it. The script is
        // one file its bundles share (the manifest names its folder), imported as a module
        // of its own per language by a fragment of its own: fetched once for them all.
        var first = files[names[0]] || [];
        var script = first[2] ? path(first[2]) + "pagefind.js#" + lang : path(names[0]) + "pagefind.js";
        return import(script).then(function (pf) {
          var merged = names.slice(1);
          var options = Object.assign({ basePath: path(names[0]) }, optionsFor(files[names[0]]));
          return pf.options(options).then(function () {
            return Promise.all(merged.map(function (name) {
              return pf.mergeIndex(path(name), optionsFor(files[name]));
            }));
          }).then(function () {
            var dropped = {};
            entry.dropped.forEach(function (id) { dropped[id] = true; });
            return { pf: pf, dropped: dropped, lang: lang };
          });
        });
      }).catch(function (error) {
        delete instances[lang]; // loaded again by the next search (a network error passes)
        throw error;
      });
    }
    return instances[lang];
  }

  // Pagefind's script asks each bundle for its entry, then its metadata (and the first
  // bundle for its worker and WebAssembly), one request after the other, and a merged
  // bundle only once the first's WebAssembly is there: fetched here all at once, they are
  // in the browser's cache when it asks. `files` (from the manifest): per bundle, its
  // metadata's hash, which is also its entry's cache tag (a new index, a new tag), its
  // WebAssembly's language, and the folder of the script and worker the bundles share.
  function warmCache(names, files, path) {
    names.forEach(function (name, i) {
      var found = files[name];
      if (!found) return;
      var urls = [path(name) + "pagefind-entry.json?ts=" + found[0],
        path(name) + "pagefind." + found[0] + ".pf_meta"];
      if (i === 0) {
        urls.push(path(name) + "pagefind-worker.js", path(name) + "wasm." + found[1] + ".pagefind");
        // the worker a bundle's own worker loads (search.share_code)
        if (found[2]) urls.push(path(found[2]) + "pagefind-worker.js");
      }
      // each read to its end: a response the page leaves unread may stop short of the cache
      urls.forEach(function (url) {
        fetch(url).then(function (response) { return response.arrayBuffer(); }).catch(function () {});
      });
    });
  }

  function optionsFor(found) {
    return found ? Object.assign({ metaCacheTag: found[0] }, OPTIONS) : OPTIONS;
  }

  // The reader's language: this page's (/fr/search/), else the one of the page they came
  // from on this site, else the first of their browser's the archive holds.
  function readerLanguage() {
    var own = form.getAttribute("data-lang");
    var here = window.location.pathname.slice(base.length).split("/")[0];
    if (languages.indexOf(here) >= 0) return here;
    try {
      var from = new URL(document.referrer);
      if (from.origin === window.location.origin && from.pathname.indexOf(base) === 0) {
        var came = from.pathname.slice(base.length).split("/")[0];
        if (languages.indexOf(came) >= 0) return came;
      }
    } catch (e) { /* no referrer */ }
    var browser = (navigator.languages || [navigator.language || ""]).map(function (l) {
      return l.split("-")[0].toLowerCase();
    }).filter(function (l) { return languages.indexOf(l) >= 0; });
    if (browser.length) return browser[0];
    return languages.indexOf(own) >= 0 ? own : "all";
  }

  function script(text) {
    if (/[\u4e00-\u9fff]/.test(text)) return ["zh"];
    if (/[\u0600-\u06ff]/.test(text)) return ["ar"];
    if (/[\u0400-\u04ff]/.test(text)) return ["ru"];
    if (/[A-Za-zÀ-ÿ0-9]/.test(text)) return ["en", "fr", "es", "de"];
    return null;
  }

  // Chinese is indexed as overlapping character bigrams (see undocs' textbody.cjk_bigrams):
  // search the query's bigrams, and join them back for the excerpt.
  var BIGRAMS = { zh: true };
  var CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

  function bigramQuery(query) {
    return query.replace(/[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}/g, function (run) {
      var out = [];
      for (var i = 0; i < run.length - 1; i++) out.push(run.slice(i, i + 2));
      return " " + out.join(" ") + " ";
    }).trim();
  }

  function joinBigrams(chars) {
    // chars: [[character, marked], ...] of a bigram excerpt; returns the same for the text.
    var tokens = [], current = [];
    chars.forEach(function (c) {
      if (c[0] === " ") { if (current.length) tokens.push(current); current = []; }
      else current.push(c);
    });
    if (current.length) tokens.push(current);
    var out = [], last = null;
    tokens.forEach(function (token) {
      var cjk = token.length === 2 && CJK.test(token[0][0]) && CJK.test(token[1][0]);
      if (cjk && last && last.cjk && last.end === token[0][0]) {
        out[out.length - 1][1] = out[out.length - 1][1] || token[0][1];
        out.push(token[1]);
      } else {
        if (out.length && !(cjk && last && last.cjk)) out.push([" ", false]);
        token.forEach(function (c) { out.push(c); });
      }
      last = { cjk: cjk, end: token[token.length - 1][0] };
    });
    return out;
  }

  // The languages to search: the one chosen, unless the query is in another script (a
  // Chinese query on the English page searches Chinese); else those the query's script fits.
  function wanted(query) {
    var chosen = form.elements.language.value;
    var byScript = query ? script(query) : null;
    if (chosen && chosen !== "all" && (!byScript || byScript.indexOf(chosen) >= 0)) return [chosen];
    var pick = byScript ? languages.filter(function (l) { return byScript.indexOf(l) >= 0; }) : [];
    return pick.length ? pick : languages;
  }

  // The symbol table and its lookup are goto.js's (loaded on every page).
  function symbolMatch(query) {
    if (!/[A-Za-z].*\/.*\d/.test(query) || !window.undocsSymbols) return Promise.resolve(null);
    return window.undocsSymbols.find(query).catch(function () { return null; });
  }

  // The filters chosen, as the address keeps them: each filter's value, and the year a
  // range ends with ("until").
  function filters() {
    var out = {};
    ADDRESSED.forEach(function (name) {
      var value = form.elements[name].value;
      if (value) out[name] = value;
    });
    return out;
  }

  // The same as Pagefind filters: a year range is the years in it, any of them.
  function pagefindFilters(chosen) {
    var out = {};
    FILTERS.forEach(function (name) { if (chosen[name]) out[name] = chosen[name]; });
    if (chosen.until) {
      var first = Number(chosen.year || YEARS_FROM), last = Number(chosen.until), years = [];
      for (var y = Math.min(first, last); y <= Math.max(first, last); y++) years.push(String(y));
      out.year = { any: years };
    }
    return out;
  }

  function fillFilters(found) {
    Promise.all(found.map(function (one) { return one.pf.filters(); })).then(function (all) {
      FILTERS.forEach(function (name) {
        var select = form.elements[name];
        var counts = {};
        all.forEach(function (f) {
          var values = f[name] || {};
          Object.keys(values).forEach(function (v) { counts[v] = (counts[v] || 0) + values[v]; });
        });
        var names = Object.keys(counts).sort(function (a, b) {
          // years newest first; sessions by body, then newest first ("Human Rights Council 28")
          if (name === "year") return Number(b) - Number(a);
          if (name === "session") {
            var x = a.replace(/ \d+$/, ""), y = b.replace(/ \d+$/, "");
            return x === y ? Number(b.split(" ").pop()) - Number(a.split(" ").pop()) : x.localeCompare(y);
          }
          return a.localeCompare(b);
        });
        setOptions(select, names, function (v) { return labelOf(v) + " (" + counts[v] + ")"; });
      });
      // the year a range ends with: the same years, without their counts
      var years = Array.prototype.slice.call(form.elements.year.options, 1);
      setOptions(form.elements.until, years.map(function (o) { return o.value; }), String);
    });
  }

  // A filter's options after "Any": each value with its label; the value chosen stays
  // chosen, listed bare when the index has no count for it.
  function setOptions(select, values, label) {
    var keep = select.value;
    select.length = 1;
    values.forEach(function (v) { addOption(select, v, label(v)); });
    if (keep && values.indexOf(keep) < 0) addOption(select, keep, keep);
    select.value = keep;
  }

  function addOption(select, value, text) {
    var option = document.createElement("option");
    option.value = value;
    option.textContent = text;
    select.appendChild(option);
  }

  // Before any query, the filters of the language chosen are listed with their counts, so
  // that filters alone browse the archive ("all languages" waits for a query: it would load
  // every language's index).
  function prefill() {
    var index = chosenIndex();
    if (index) index.then(function (one) { if (one) fillFilters([one]); }, function () {});
  }

  // The index of the language chosen (null for "all languages").
  function chosenIndex() {
    var chosen = form.elements.language.value;
    return chosen && chosen !== "all" ? language(chosen) : null;
  }

  // Keep only text and <mark> from a Pagefind excerpt: nothing else reaches the page.
  function safeExcerpt(html, into, lang) {
    var doc = new DOMParser().parseFromString("<div>" + html + "</div>", "text/html");
    var chars = [];
    doc.body.firstChild.childNodes.forEach(function (node) {
      var marked = node.nodeName === "MARK";
      Array.from(node.textContent).forEach(function (c) { chars.push([c, marked]); });
    });
    if (BIGRAMS[lang]) chars = joinBigrams(chars);
    var run = null;
    chars.forEach(function (c) {
      if (!run || run.marked !== c[1]) {
        run = { marked: c[1], node: c[1] ? document.createElement("mark") : document.createElement("span") };
        into.appendChild(run.node);
      }
      run.node.textContent += c[0];
    });
  }

  function paragraphs(data) {
    var anchors = (data.anchors || []).filter(function (a) { return /^para-/.test(a.id); });
    var hits = {};
    (data.locations || []).forEach(function (loc) {
      var found = null;
      anchors.forEach(function (a) { if (a.location <= loc) found = a; });
      if (found) hits[found.id] = (hits[found.id] || 0) + 1;
    });
    return Object.keys(hits).slice(0, 6).map(function (id) { return [id, hits[id]]; });
  }

  // A result's title and facts (from its card or its fragment).
  function fill(li, data, lang) {
    var h = document.createElement("h2");
    var a = document.createElement("a");
    a.href = data.url;
    a.textContent = data.meta.title || data.meta.symbol || data.url;
    a.lang = lang;
    h.appendChild(a);
    li.appendChild(h);
    var meta = document.createElement("p");
    meta.className = "meta";
    meta.textContent = [data.meta.symbol, data.meta.body && labelOf(data.meta.body), data.meta.date, lang]
      .filter(Boolean).join(" · ");
    li.appendChild(meta);
  }

  // A result's excerpt and the paragraphs it matched (from its fragment).
  function details(li, data, lang) {
    if (data.excerpt) {
      var p = document.createElement("p");
      p.className = "excerpt";
      p.lang = lang;
      safeExcerpt(data.excerpt, p, lang);
      li.appendChild(p);
    }
    var subs = paragraphs(data);
    if (subs.length > 1) {
      var ul = document.createElement("ul");
      ul.className = "sub-results";
      subs.forEach(function (s) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = data.url.split("#")[0] + "#" + s[0];
        link.textContent = say("para", { n: s[0].slice(5) }) + (s[1] > 1 ? " " + say("matches", { n: s[1] }) : "");
        item.appendChild(link);
        ul.appendChild(item);
      });
      li.appendChild(ul);
    }
  }

  // The build keeps each result's card (url, title, symbol, date, body) in small files by
  // the first characters of its id: a result is shown from its card at once, and its
  // excerpt filled in when its fragment (the page's whole text) comes.
  // A JSON file of /pagefind/cards/, fetched once ({} if it cannot be had).
  var CARD_WIDTH = 3; // characters of a fragment's hash that name its card's file (cards.py)
  var cardFiles = {};
  function cardFile(name) {
    if (!cardFiles[name]) {
      cardFiles[name] = fetch(base + "pagefind/cards/" + name + ".json")
        .then(function (response) { return response.ok ? response.json() : {}; })
        .catch(function () { return {}; });
    }
    return cardFiles[name];
  }

  function cardsOf(results) {
    return Promise.all(results.map(function (r) {
      return cardFile(r.lang + "/" + r.id.split("_").pop().slice(0, CARD_WIDTH)).then(function (cards) {
        var c = cards[r.id];
        r.card = c ? { url: base + c[0], meta: { title: c[1], symbol: c[2], date: c[3], body: c[4] } } : null;
        return r;
      });
    }));
  }

  // The dates of the languages' pages (fragment id -> date), for "Newest first" and
  // "Oldest first": a file per language, loaded when a search is first sorted.
  function datesOf(engines) {
    return Promise.all(engines.map(function (one) {
      return cardFile(one.lang + "/dates");
    })).then(function (all) {
      var out = {};
      engines.forEach(function (one, i) { out[one.lang] = all[i]; });
      return out;
    });
  }

  // Append results to the list, each from its card (one without waits for its fragment);
  // return their items.
  function show(results, pinnedUrl) {
    var items = [];
    results.forEach(function (r) {
      if (r.card && r.card.url === pinnedUrl) return;
      var li = document.createElement("li");
      li.className = "result";
      list.appendChild(li);
      items.push(li);
      if (r.card) fill(li, r.card, r.lang);
      r.data().then(function (d) {
        if (d.url === pinnedUrl) { li.remove(); return; }
        if (!r.card) fill(li, d, r.lang);
        details(li, d, r.lang);
      });
    });
    return items;
  }

  function run() {
    var query = input.value.trim();
    var chosen = filters();
    var sort = form.elements.sort.value;
    var mine = ++counter;
    // the whole search is in the address: it can be shared, bookmarked and reloaded
    var params = new URLSearchParams();
    if (query) params.set("q", query);
    params.set("language", form.elements.language.value);
    Object.keys(chosen).forEach(function (name) { params.set(name, chosen[name]); });
    if (sort) params.set("sort", sort);
    history.replaceState(null, "", query || Object.keys(chosen).length ? "?" + params : window.location.pathname);
    if (!query && !Object.keys(chosen).length) {
      list.textContent = "";
      status.textContent = "";
      more.hidden = true;
      everywhere.hidden = true;
      shown = null;
      // the filters' counts once they were asked for or a search filled them in (a page
      // opened at an address without a query waits for the reader, as one without: askFilters)
      if (filtersAsked || queried) prefill();
      return;
    }
    status.textContent = say("searching");
    queried = true;
    var langs = wanted(query);
    Promise.all([symbolMatch(query), Promise.all(langs.map(language))]).then(function (got) {
      var pinned = got[0], found = got[1].filter(Boolean);
      // sorted by date here, over every result: Pagefind's own sort drops undated pages and
      // cannot order the results of several bundles together
      var options = { filters: pagefindFilters(chosen) };
      return Promise.all(found.map(function (one) {
        return searchIn(one, query, options);
      })).then(function (sets) {
        var results = [].concat.apply([], sets);
        // the words as typed first (in every language searched), then the stemmed matches
        results.sort(function (x, y) { return x.tier - y.tier || y.score - x.score; });
        return (sort ? datesOf(found) : Promise.resolve(null)).then(function (dates) {
          if (dates) {
            results.forEach(function (r, i) { r.date = dates[r.lang][r.id] || ""; r.rank = i; });
            results.sort(function (x, y) { // undated last, either way; ties by relevance
              var a = x.date, b = y.date;
              if (!a || !b) return (a ? 0 : 1) - (b ? 0 : 1) || x.rank - y.rank;
              return (sort === "asc" ? a.localeCompare(b) : b.localeCompare(a)) || x.rank - y.rank;
            });
          }
          return cardsOf(results.slice(0, PER_PAGE));
        }).then(function () {
          return { pinned: pinned, total: results.length, page: results.slice(0, PER_PAGE),
            rest: results.slice(PER_PAGE), langs: langs, engines: found };
        });
      });
    }).then(function (found) {
      if (mine !== counter) return;
      list.textContent = "";
      var pinnedUrl = null;
      if (found.pinned) {
        var urls = found.pinned[2];
        var lang = urls[document.documentElement.lang] ? document.documentElement.lang :
          urls.en ? "en" : Object.keys(urls)[0];
        pinnedUrl = base + urls[lang];
        var li = document.createElement("li");
        li.className = "result pinned";
        fill(li, { url: pinnedUrl, meta: { title: found.pinned[1],
          symbol: say("symbol") } }, lang);
        list.appendChild(li);
      }
      show(found.page, pinnedUrl);
      shown = { rest: found.rest, pinnedUrl: pinnedUrl, total: found.total, search: mine,
        shown: found.page.length };
      offerMore();
      var n = found.total + (found.pinned ? 1 : 0);
      var names = found.langs.length < languages.length ? found.langs.map(function (l) {
        return form.querySelector("select[name=language] option[value='" + l + "']").text;
      }) : [];
      var one = names.length ? " " + say("in", { languages: names.join(", ") }) : "";
      var q = { n: n, query: query };
      status.textContent = (n ? counted(query ? "results-for" : "results", q) :
        say(query ? "none-for" : "none", q)) + one + (n ? "" : ".");
      everywhere.hidden = !one;
      fillFilters(found.engines); // after the results: the filters' counts are not needed first
    }).catch(function (error) {
      if (mine !== counter) return;
      status.textContent = say("failed", { error: error.message });
    });
  }

  // A query's words as typed, as a phrase: what Pagefind matches exactly (the same stems,
  // side by side) rather than by any word beginning with a stem, and never by the longest
  // word of the index that begins the query's (the German "DIS" for "disappearance"). A
  // query the reader quoted is searched as is.
  function phraseOf(query) {
    if (!query || /"/.test(query)) return null;
    return '"' + query + '"';
  }

  // One language's results, each with its tier: 0 if it holds the query's words as a
  // phrase, 1 if only their stems or longer words beginning with them; ordered by the
  // ranking of the plain search (Pagefind scores every phrase match alike). Both searches
  // load the same index chunks.
  function searchIn(one, query, options) {
    var q = query && BIGRAMS[one.lang] ? bigramQuery(query) : query;
    var phrase = phraseOf(q);
    return Promise.all([
      one.pf.search(q || null, options),
      phrase ? one.pf.search(phrase, options) : null,
    ]).then(function (got) {
      var exact = {};
      if (got[1]) got[1].results.forEach(function (r) { exact[r.id] = true; });
      // drop the results of pages a newer bundle holds or that are gone (tombstones);
      // a page edited back to what it was is in two bundles: keep one
      var seen = {};
      return got[0].results.filter(function (r) {
        if (one.dropped[r.id] || seen[r.id]) return false;
        seen[r.id] = true;
        r.lang = one.lang;
        r.tier = phrase && !exact[r.id] ? 1 : 0;
        return true;
      });
    });
  }

  function offerMore() {
    if (!shown || !shown.rest.length) {
      more.hidden = true;
      return;
    }
    var from = shown.shown + 1;
    var to = Math.min(from + PER_PAGE - 1, shown.shown + shown.rest.length);
    more.textContent = say("more", { from: from, to: to, total: shown.total });
    more.hidden = false;
  }

  more.addEventListener("click", function () {
    if (!shown) return;
    var page = shown.rest.slice(0, PER_PAGE), search = shown.search;
    shown.rest = shown.rest.slice(PER_PAGE);
    shown.shown += page.length;
    more.disabled = true;
    cardsOf(page).then(function () {
      more.disabled = false;
      if (search !== counter) return; // a newer search replaced this one
      var items = show(page, shown.pinnedUrl);
      offerMore();
      var link = items.length && items[0].querySelector("h2 a");
      if (link) link.focus(); // keyboard and screen-reader users land on the first new result
    });
  });

  everywhere.addEventListener("click", function () {
    form.elements.language.value = "all";
    run();
  });

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 250);
  });
  form.addEventListener("change", function (event) {
    if (event.target !== input) run();
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run();
  });
  var initial = new URLSearchParams(window.location.search);
  var restored = false;
  if (initial.get("q")) {
    input.value = initial.get("q");
    restored = true;
  }
  ["language", "sort"].forEach(function (name) {
    var value = initial.get(name), select = form.elements[name];
    if (value && Array.from(select.options).some(function (o) { return o.value === value; })) {
      select.value = value;
      restored = true;
    }
  });
  if (!initial.get("language")) form.elements.language.value = readerLanguage();
  ADDRESSED.forEach(function (name) {
    var value = initial.get(name);
    if (!value) return;
    addOption(form.elements[name], value, value); // its count comes with the index
    form.elements[name].value = value;
    restored = true;
  });
  // after goto.js, which comes later in the page, has set up the symbol table
  if (restored) window.addEventListener("DOMContentLoaded", run);
  // the filters' values: when the reader turns to them, or once the page has been idle a
  // moment (not before: a query typed at once should not wait behind them)
  function askFilters() {
    // a search fills them in with its results: none asked beside it (on a slow link, its
    // own index chunks would wait behind them)
    if (filtersAsked || queried) return;
    filtersAsked = true;
    prefill();
  }
  // the manifest (under 1 kB) at once: a first query then starts with its bundles' files
  index().catch(function () {});
  // the index of the reader's language (Pagefind's code, its metadata: all a first query
  // needs but its words' chunks) as soon as they turn to the search box, while they type
  input.addEventListener("focus", function () {
    var index = chosenIndex();
    if (index) index.catch(function () {});
  });
  form.querySelector(".search-filters").addEventListener("focusin", askFilters);
  form.querySelector(".search-filters").addEventListener("pointerdown", askFilters);
  window.addEventListener("load", function () { setTimeout(askFilters, 2000); });
})();
