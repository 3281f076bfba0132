// "Copy link" on every clause, role and step: a click copies the full permalink
// (page URL + #anchor) so a trainer can paste it into slides or a handout.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a.permalink-copy");
  if (!link) return;
  var url = new URL(link.getAttribute("href"), window.location.href).href;
  if (navigator.clipboard && window.isSecureContext) {
    event.preventDefault();
    navigator.clipboard.writeText(url).then(function () {
      history.replaceState(null, "", url);
      link.classList.add("copied");
      setTimeout(function () { link.classList.remove("copied"); }, 2000);
    });
  }
});
