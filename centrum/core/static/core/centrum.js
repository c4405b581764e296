// Behaviour shared by every page. Served as a file: the Content-Security-Policy allows no inline script.

// A form that came back with errors: move focus to the error summary above it (WCAG 3.3.1, 2.4.3),
// so keyboard and screen-reader users start from the list of what to fix; its links lead to the fields.
function focusErrorSummary(root) {
  var summary = (root || document).querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }
}

focusErrorSummary(document);
document.addEventListener("htmx:afterSettle", function (event) {
  focusErrorSummary(event.detail && event.detail.elt);
});
