// A permalink printed root-relative (no --base-url) is made absolute from the page's address.
(function () {
  var input = document.getElementById("permalink");
  if (input && input.value.charAt(0) === "/") {
    input.value = window.location.href.split("#")[0];
  }
})();

// Copy buttons: <button data-copy="ID"> copies the value of the input #ID.
document.addEventListener("click", function (event) {
  var button = event.target.closest("[data-copy]");
  if (!button) return;
  var input = document.getElementById(button.getAttribute("data-copy"));
  if (!input) return;
  input.select();
  var done = function () { button.textContent = "Copied"; };
  if (navigator.clipboard) {
    navigator.clipboard.writeText(input.value).then(done, function () {});
  }
});
