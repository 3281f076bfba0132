// "¶ คัดลอกลิงก์" (copy link) on every clause, role and step, and "อ้างอิง" (cite this):
// a click copies the full permalink, or the citation in Thai official style written at
// build time (build_tools/knowledge/citation.py) with its permalink made absolute, so a
// trainer or an official can paste it into slides, a handout or a letter.
// Works on http://127.0.0.1 and file:// too: when the Clipboard API is missing or
// refused, the text is shown selected in a small box for Ctrl+C.
(function () {
  // --- Theme adapter: everything this script knows about the page around it. ---------
  // The site's root is where this file lives (<root>/javascripts/permalink.js), so no
  // theme markup is read; a theme change (Zensical) touches only this object.
  var SCRIPT = document.currentScript && document.currentScript.src;
  var theme = {
    root: function () {
      return new URL("../", SCRIPT || window.location.href);
    }
  };

  function flash(control, text) {
    control.classList.add("copied");
    control.setAttribute("data-copied", text);
    var status = document.getElementById("copy-status");
    if (!status) {  // one polite live region tells screen readers what happened
      status = document.createElement("span");
      status.id = "copy-status";
      status.className = "visually-hidden";
      status.setAttribute("role", "status");
      document.body.appendChild(status);
    }
    status.textContent = text;
    setTimeout(function () { control.classList.remove("copied"); }, 2500);
  }

  function fallback(control, text) {
    var old = document.querySelector(".permalink-box");
    if (old) old.remove();
    var box = document.createElement(text.length > 120 ? "textarea" : "input");
    if (box.tagName === "INPUT") box.type = "text";
    box.readOnly = true;
    box.value = text;
    box.className = "permalink-box";
    box.setAttribute("aria-label", "กด Ctrl+C เพื่อคัดลอก");
    control.insertAdjacentElement("afterend", box);
    box.focus();
    box.select();
    var ok = false;
    try { ok = document.execCommand && document.execCommand("copy"); } catch (e) { ok = false; }
    flash(control, ok ? "คัดลอกแล้ว" : "กด Ctrl+C เพื่อคัดลอก");
    box.addEventListener("blur", function () { setTimeout(function () { box.remove(); }, 200); });
  }

  function copy(control, text, done) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { flash(control, done); },
                                               function () { fallback(control, text); });
    } else {
      fallback(control, text);
    }
  }

  // A citation ends with its permalink: site-relative unless the build knew the public
  // address (mkdocs.yml site_url); a relative one is completed from the site's root.
  function absoluteCitation(text) {
    var cut = text.lastIndexOf(" ");
    var link = text.slice(cut + 1);
    if (cut < 0 || /^[a-z]+:/i.test(link)) return text;
    return text.slice(0, cut + 1) + new URL(link, theme.root()).href;
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target : event.target.parentElement;
    var link = target && target.closest("a.permalink-copy");
    if (link) {
      event.preventDefault();
      var url = new URL(link.getAttribute("href"), window.location.href).href;
      history.replaceState(null, "", url);
      copy(link, url, "คัดลอกลิงก์แล้ว");
      return;
    }
    var cite = target && target.closest("button.cite-copy");
    if (cite) copy(cite, absoluteCitation(cite.getAttribute("data-citation")), "คัดลอกข้อความอ้างอิงแล้ว");
  });

  // A renamed anchor (corpus/permalinks/redirects.yaml) still lands on its new place.
  function followRedirect() {
    var hash = decodeURIComponent(window.location.hash.slice(1));
    if (!hash || document.getElementById(hash)) return;
    var root = theme.root();
    var here = window.location.href.split("#")[0].slice(root.href.length);
    fetch(new URL("data/redirects.json", root)).then(function (r) { return r.json(); }).then(function (map) {
      var target = map[here + "#" + hash];
      if (target) window.location.replace(new URL(target, root).href);
    }).catch(function () {});
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", followRedirect);
  else followRedirect();
})();
