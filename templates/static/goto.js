// The "Go to symbol" box on every page: normalise what is typed (spaces, case, a trailing
// star), look it up in /data/symbols.json and go straight to the document; without an exact
// match, list the closest symbols held.
(function () {
  "use strict";
  var form = document.querySelector("form.goto");
  if (!form) return;
  var input = form.querySelector("input");
  var out = form.querySelector(".goto-results");
  var root = form.getAttribute("data-root") || "";
  var pageLang = document.documentElement.lang || "en";
  var table = null;

  function key(text) {
    return text.replace(/\s+/g, "").replace(/\*+$/, "").toLowerCase();
  }

  function load() {
    if (!table) {
      table = fetch(root + "data/symbols.json").then(function (r) {
        if (!r.ok) throw new Error("symbols.json: " + r.status);
        return r.json();
      });
    }
    return table;
  }

  // The lookup, shared with the search page (search.js pins the document a symbol names):
  // the symbol as typed, else, typed without its year ("S/RES/1325"), the one document
  // whose symbol is that with a year ("S/RES/1325 (2000)"), if only one is.
  function find(text) {
    var wanted = key(text);
    return load().then(function (rows) {
      var dated = [], prefix = wanted + "(";
      for (var i = 0; i < rows.length; i++) {
        if (rows[i][0] === wanted) return rows[i];
        if (rows[i][0].indexOf(prefix) === 0 && /^\(\d{4}\)$/.test(rows[i][0].slice(wanted.length))) {
          dated.push(rows[i]);
        }
      }
      return dated.length === 1 ? dated[0] : null;
    });
  }
  window.undocsSymbols = { find: find, load: load, key: key };

  function urlFor(row) {
    var urls = row[2];
    return root + (urls[pageLang] || urls.en || urls[Object.keys(urls)[0]]);
  }

  function distance(a, b) {
    var prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      for (j = 1; j <= b.length; j++) {
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
      prev = cur;
    }
    return prev[b.length];
  }

  function closest(rows, wanted, count) {
    var scored = rows.map(function (row) {
      var k = row[0], common = 0;
      while (common < k.length && common < wanted.length && k[common] === wanted[common]) common++;
      return [-(common * 4) + distance(k, wanted), row];
    });
    scored.sort(function (a, b) { return a[0] - b[0]; });
    return scored.slice(0, count).map(function (s) { return s[1]; });
  }

  function show(rows, typed) {
    out.textContent = "";
    var p = document.createElement("p");
    // in the page's language (base.html)
    var words = rows.length ?
      form.getAttribute("data-closest") || "No document {symbol} in the archive. Closest symbols:" :
      form.getAttribute("data-none") || "No document {symbol} in the archive.";
    p.textContent = words.replace("{symbol}", typed);
    out.appendChild(p);
    var ul = document.createElement("ul");
    rows.forEach(function (row) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = urlFor(row);
      a.textContent = row[1];
      li.appendChild(a);
      ul.appendChild(li);
    });
    out.appendChild(ul);
  }

  form.addEventListener("submit", function (event) {
    var typed = input.value.trim();
    if (!typed) { event.preventDefault(); return; }
    event.preventDefault();
    find(typed).then(function (row) {
      if (row) { window.location.href = urlFor(row); return; }
      var wanted = key(typed);
      if (wanted.indexOf("/") < 0) {  // not a symbol: search the words instead
        window.location.href = root + "search/?q=" + encodeURIComponent(typed);
        return;
      }
      return load().then(function (rows) { show(closest(rows, wanted, 5), typed); });
    }).catch(function () {
      window.location.href = root + "search/?q=" + encodeURIComponent(typed);
    });
  });
})();
