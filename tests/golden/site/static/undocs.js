// The permalink: made absolute from the page's address when printed root-relative (no
// --base-url), and pointing at the paragraph followed (#para-5), with its citation
// ("A/HRC/28/15, para. 5") ready to copy.
(function () {
  var input = document.getElementById("permalink");
  if (!input) return;
  var page = input.value.charAt(0) === "/" ? window.location.href : input.value;
  page = page.split("#")[0];
  var para = document.getElementById("cite-para");
  function update() {
    var match = /^#para-([\w.-]+)$/.exec(window.location.hash);
    input.value = page + (match ? window.location.hash : "");
    if (para) {
      para.hidden = !match;
      // "para. {n}" in the page's language ("par. {n}", "第{n}段")
      para.querySelector("input").value = match ? para.getAttribute("data-cite") + ", " +
        (para.getAttribute("data-para") || "para. {n}").replace("{n}", match[1]) : "";
      var button = para.querySelector("button");
      if (button && button.getAttribute("data-label")) button.textContent = button.getAttribute("data-label");
    }
  }
  update();
  window.addEventListener("hashchange", update);
})();

// Copy buttons: <button data-copy="ID"> copies the value of the input #ID.
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-copy]");
  if (!button) return;
  var input = document.getElementById(button.getAttribute("data-copy"));
  if (!input) return;
  input.select();
  // its label in the page's language, and what it says once done
  if (!button.getAttribute("data-label")) button.setAttribute("data-label", button.textContent);
  var done = function () { button.textContent = button.getAttribute("data-copied") || "Copied"; };
  if (navigator.clipboard) {
    navigator.clipboard.writeText(input.value).then(done, function () {});
  }
});

// A long list's filter (listfilter.html): rows of another year, body or language hidden,
// the count of those shown announced.
document.querySelectorAll("form.list-filter").forEach(function (form) {
  var list = document.getElementById(form.getAttribute("data-list"));
  if (!list) return;
  var status = form.querySelector("output");
  var rows = Array.prototype.slice.call(list.children);
  function apply() {
    var year = form.elements.year.value;
    var body = form.elements.body.value;
    var language = form.elements.language.value;
    var shown = 0;
    rows.forEach(function (row) {
      var show = (!year || row.getAttribute("data-year") === year) &&
        (!body || row.getAttribute("data-body") === body) &&
        (!language || (" " + row.getAttribute("data-langs") + " ").indexOf(" " + language + " ") >= 0);
      row.hidden = !show;
      if (show) shown++;
    });
    // the words of the page's language (listfilter.html)
    var words = shown === rows.length ? form.getAttribute("data-all") || "{total} documents" :
      form.getAttribute("data-shown") || "{shown} of {total} documents";
    status.textContent = words.replace("{shown}", shown).replace("{total}", rows.length);
  }
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
  form.hidden = false;
});

// The language a reader chose for documents (a version followed from a list or a document's
// language versions), remembered on this device: lists link each row to its version in that
// language, with its title, where the archive holds it.
(function () {
  var KEY = "undocs-language";
  var RTL = { ar: true };
  function remembered() {
    try { return window.localStorage.getItem(KEY); } catch (e) { return null; }
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest(".doclist .langs a[hreflang], nav.versions a[hreflang]");
    if (!link) return;
    try { window.localStorage.setItem(KEY, link.getAttribute("hreflang")); } catch (e) { /* private mode */ }
  });
  var lang = remembered();
  if (!lang) return;
  document.querySelectorAll(".doclist > li").forEach(function (row) {
    var main = row.querySelector(":scope > a");
    var version = row.querySelector('.langs a[hreflang="' + lang + '"]');
    if (!main || !version || main.lang === lang) return;
    main.href = version.href;
    main.lang = lang;
    main.dir = RTL[lang] ? "rtl" : "ltr";
    var symbol = main.querySelector(".symbol");
    main.textContent = "";
    main.appendChild(symbol);
    var title = version.getAttribute("data-title");
    if (title) main.appendChild(document.createTextNode(" " + title));
    row.setAttribute("data-shown", lang);
  });
})();
