// Pagefind UI on /search/ (and /<lang>/search/): the index of the page's language.
// The site may be served under a sub-path (GitHub Pages: /<repo>/): Pagefind's result URLs
// are root-relative, so its baseUrl is the site root as this page sees it.
window.addEventListener("DOMContentLoaded", function () {
  var element = document.getElementById("search");
  var root = new URL(element.getAttribute("data-root") || "./", window.location.href).pathname;
  new PagefindUI({
    element: "#search",
    baseUrl: root,
    bundlePath: root + "pagefind/",
    showSubResults: true,
    showImages: false,
    resetStyles: false
  });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) {
    var input = element.querySelector("input");
    if (input) { input.value = query; input.dispatchEvent(new Event("input")); }
  }
});
