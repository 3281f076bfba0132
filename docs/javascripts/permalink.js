// "Copy link" on every clause, role and step: a click copies the full permalink
// (page URL + #anchor) so a trainer can paste it into slides or a handout.
// Works on http://127.0.0.1 and file:// too: when the Clipboard API is missing or
// refused, the link is shown selected in a small box for Ctrl+C.
(function () {
  function flash(link, text) {
    link.classList.add("copied");
    link.setAttribute("data-copied", text);
    setTimeout(function () { link.classList.remove("copied"); }, 2500);
  }

  function fallback(link, url) {
    var old = document.querySelector(".permalink-box");
    if (old) old.remove();
    var box = document.createElement("input");
    box.type = "text";
    box.readOnly = true;
    box.value = url;
    box.className = "permalink-box";
    box.setAttribute("aria-label", "ลิงก์ถาวร: กด Ctrl+C เพื่อคัดลอก");
    link.insertAdjacentElement("afterend", box);
    box.focus();
    box.select();
    var ok = false;
    try { ok = document.execCommand && document.execCommand("copy"); } catch (e) { ok = false; }
    flash(link, ok ? "คัดลอกลิงก์แล้ว" : "กด Ctrl+C เพื่อคัดลอก");
    box.addEventListener("blur", function () { setTimeout(function () { box.remove(); }, 200); });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.permalink-copy");
    if (!link) return;
    event.preventDefault();
    var url = new URL(link.getAttribute("href"), window.location.href).href;
    history.replaceState(null, "", url);
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(function () {
        flash(link, "คัดลอกลิงก์แล้ว");
      }, function () { fallback(link, url); });
    } else {
      fallback(link, url);
    }
  });

  // A renamed anchor (corpus/permalinks/redirects.yaml) still lands on its new place.
  function followRedirect() {
    var hash = decodeURIComponent(window.location.hash.slice(1));
    if (!hash || document.getElementById(hash)) return;
    var cfg = document.getElementById("__config");
    var base = "";
    try { base = JSON.parse(cfg.textContent).base || "."; } catch (e) { base = "."; }
    var root = new URL(base.replace(/\/?$/, "/"), window.location.href);
    var here = window.location.href.split("#")[0].slice(root.href.length);
    fetch(new URL("data/redirects.json", root)).then(function (r) { return r.json(); }).then(function (map) {
      var target = map[here + "#" + hash];
      if (target) window.location.replace(new URL(target, root).href);
    }).catch(function () {});
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", followRedirect);
  else followRedirect();
})();
