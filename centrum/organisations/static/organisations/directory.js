// After htmx replaces the directory results from a pagination link, move focus to the results heading,
// so keyboard and screen-reader users start reading the new page instead of being left nowhere.
document.addEventListener("htmx:afterSwap", function (event) {
  var target = event.detail && event.detail.target;
  var trigger = event.detail && event.detail.requestConfig && event.detail.requestConfig.elt;
  if (!target || target.id !== "directory-results" || !trigger || trigger.tagName !== "A") {
    return;
  }
  var heading = document.getElementById("results-heading");
  if (heading) {
    heading.focus();
  }
});
