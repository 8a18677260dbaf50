// Pagefind UI on /search/ (and /<lang>/search/): the index of the page's language.
window.addEventListener("DOMContentLoaded", function () {
  var bundle = document.querySelector('script[src$="pagefind-ui.js"]').getAttribute("src");
  new PagefindUI({
    element: "#search",
    bundlePath: bundle.replace(/pagefind-ui\.js$/, ""),
    showSubResults: true,
    showImages: false,
    resetStyles: false
  });
  var params = new URLSearchParams(window.location.search);
  var query = params.get("q");
  if (query) {
    var input = document.querySelector("#search input");
    if (input) { input.value = query; input.dispatchEvent(new Event("input")); }
  }
});
