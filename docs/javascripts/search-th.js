// Thai search for the header search box.  Runs on the index written at build time by
// build_tools/outputs/site/site_search.py (search/th/), whose text was cut by our Thai analyzer.
// A query is cut here by maximal matching over exactly the index's own terms, so the
// browser never cuts differently from the index.  Only the shards a query needs are
// fetched; everything is served by the site itself (works offline, no CDN).
(function () {
  "use strict";
  var INPUT = "input.md-search__input";
  var THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙";
  // A query word is cut into pieces as build_tools/analysis/analyzer.py (split_runs, _cut_thai)
  // cuts text: a dotted Thai abbreviation (ป.ป.ส. -> ปปส; 1-4 letters, then 1-3 per
  // part), a Thai run, or a Latin word / number with its inner dots (0810.1,
  // www.thailocaladmin.go.th, 6x2).  Anything else separates: 0810.1/ว -> 0810.1 + ว.
  var PIECE = /((?:[\u0e01-\u0e2e\u0e30-\u0e39\u0e40-\u0e4c]{1,4}\.)(?:[\u0e01-\u0e2e\u0e30-\u0e39\u0e40-\u0e4c]{1,3}\.)*)|[\u0e01-\u0e3a\u0e40-\u0e4e]+|[a-z0-9]+(?:\.[a-z0-9]+)*/g;
  // A cut may not fall before a mark that belongs to the previous letter, nor after a
  // leading vowel (เ แ โ ใ ไ): the same cluster rule the analyzer uses.
  var NO_CUT_BEFORE = /[\u0e30-\u0e3a\u0e45\u0e47-\u0e4e]/;
  var NO_CUT_AFTER = /[\u0e40-\u0e44]/;
  var K = 10;

  var base = (function () {
    try {
      var cfg = JSON.parse(document.getElementById("__config").textContent);
      return new URL(cfg.base + "/", location.href).href;
    } catch (e) { return new URL("./", location.href).href; }
  })();
  var root = base + "search/th/";
  var cache = {};
  var stats = { bytes: 0, requests: 0 };
  window.__thSearchStats = stats;

  function fetchJSON(path) {
    if (!cache[path]) {
      cache[path] = fetch(root + path).then(function (r) {
        if (!r.ok) { return null; }
        return r.text().then(function (t) {
          stats.bytes += new Blob([t]).size;
          stats.requests += 1;
          return JSON.parse(t);
        });
      }).catch(function () { return null; });
    }
    return cache[path];
  }

  function normalize(s) {
    s = s.normalize("NFC").toLowerCase();
    return s.replace(/[๐-๙]/g, function (d) { return String(THAI_DIGITS.indexOf(d)); });
  }

  function fnv1a(s) {
    var h = 0x811c9dc5;
    for (var i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h >>> 0;
  }

  // Dictionary shards are keyed by a term's first two characters.
  function shardKey(s) {
    return Array.from(s.slice(0, 2)).map(function (c) { return c.codePointAt(0).toString(16); }).join("-");
  }

  function dictFor(keys, meta) {
    if (!meta.shardSet) { meta.shardSet = new Set(meta.dict_shards); }
    var wanted = Object.keys(keys).filter(function (k) { return meta.shardSet.has(k); });
    return Promise.all(wanted.map(function (k) { return fetchJSON("d/" + k + ".json"); }))
      .then(function (shards) {
        var d = {};
        shards.forEach(function (s) { if (s) { for (var t in s) { d[t] = s[t]; } } });
        return d;
      });
  }

  // Pieces of a (normalized) query word, each an index term or cut further by `cut`.
  function pieces(word) {
    var out = [], m;
    PIECE.lastIndex = 0;
    while ((m = PIECE.exec(word))) { out.push(m[1] ? m[1].replace(/\./g, "") : m[0]); }
    return out;
  }

  function canCut(s, i) {
    if (i === 0 || i === s.length) { return true; }
    return !NO_CUT_BEFORE.test(s[i]) && !NO_CUT_AFTER.test(s[i - 1]);
  }

  // Fewest index terms covering s (ties: longer first word), or null.
  function cut(s, dict) {
    if (dict[s] !== undefined) { return [s]; }
    // A number or a Latin word is found whole or not at all (99999 is not 9 9 9 9 9).
    if (!/^[\u0e01-\u0e4e]/.test(s)) { return null; }
    var n = s.length, best = {};
    best[n] = [];
    for (var i = n - 1; i >= 0; i--) {
      if (!canCut(s, i)) { continue; }
      for (var j = n; j > i; j--) {
        if (best[j] === undefined || !canCut(s, j) || dict[s.slice(i, j)] === undefined) { continue; }
        var cand = [s.slice(i, j)].concat(best[j]);
        if (best[i] === undefined || cand.length < best[i].length) { best[i] = cand; }
      }
    }
    return best[0] || null;
  }

  function levenshtein(a, b, max) {
    if (Math.abs(a.length - b.length) > max) { return max + 1; }
    var prev = [], cur, i, j;
    for (j = 0; j <= b.length; j++) { prev[j] = j; }
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      var low = i;
      for (j = 1; j <= b.length; j++) {
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (cur[j] < low) { low = cur[j]; }
      }
      if (low > max) { return max + 1; }
      prev = cur;
    }
    return prev[b.length];
  }

  // The query as groups of alternative terms (a group matches if any of its terms does).
  function analyze(q, meta, fuzzy) {
    var words = normalize(q).replace(/["“”]/g, " ").split(/\s+/).filter(Boolean);
    var keys = {};
    words.forEach(function (w) {
      pieces(w).forEach(function (p) {
        for (var i = 0; i < p.length; i++) { keys[shardKey(p[i])] = true; keys[shardKey(p.slice(i, i + 2))] = true; }
      });
      if (fuzzy && w.length) {  // a typo: every term that starts with the same letter
        var first = shardKey(w[0]);
        meta.dict_shards.forEach(function (k) { if (k === first || k.indexOf(first + "-") === 0) { keys[k] = true; } });
      }
    });
    return dictFor(keys, meta).then(function (dict) {
      var groups = [];
      words.forEach(function (w) {
        var terms = [], ok = true;
        pieces(w).forEach(function (p) {
          var c = cut(p, dict);
          if (!c) { ok = false; terms.push(p); } else { terms = terms.concat(c); }
        });
        if (!ok && fuzzy) {
          var word = w.replace(/^[.,;:()]+|[.,;:()]+$/g, "");
          if (word.length >= 4) {
            var max = word.length < 8 ? 1 : 2, near = [];
            for (var t in dict) {
              if (t[0] === word[0] && levenshtein(word, t, max) <= max) { near.push(t); }
            }
            groups.push(near.length ? near : [word]);
            return;
          }
        }
        terms.forEach(function (t) {
          if (meta.fixes[t]) { meta.fixes[t].forEach(function (f) { groups.push([f]); }); return; }
          groups.push([t].concat((meta.expansions[t] || []).filter(function (e) { return e !== t; })));
        });
      });
      return { groups: groups, dict: dict, known: words.every(function (w) {
        return pieces(w).every(function (p) { return cut(p, dict); });
      }) };
    });
  }

  function score(groups, meta, withTails) {
    var terms = {};
    groups.forEach(function (g) { g.forEach(function (t) { terms[t] = true; }); });
    var buckets = {};
    Object.keys(terms).forEach(function (t) { buckets[fnv1a(t) % meta.buckets] = true; });
    return Promise.all(Object.keys(buckets).map(function (b) { return fetchJSON("p/" + b + ".json"); }))
      .then(function (shards) {
        var postings = {}, dfs = {}, tails = [];
        shards.forEach(function (s) {
          if (!s) { return; }
          for (var t in s) {
            if (terms[t]) { postings[t] = s[t]; }
            if (t[0] === "#" && terms[t.slice(1)]) { dfs[t.slice(1)] = s[t][0]; tails.push([t.slice(1), s[t][1], s[t][2]]); }
          }
        });
        // Section ranges worth reading in tails: where the rarest fully known group occurs.
        var ranges = null;
        groups.forEach(function (g) {
          if (g.some(function (t) { return dfs[t] !== undefined; })) { return; }
          var r = {};
          g.forEach(function (t) {
            var p = postings[t] || [];
            for (var i = 0; i < p.length; i += 2) { r[Math.floor(p[i] / meta.tail_range)] = true; }
          });
          if (ranges === null || Object.keys(r).length < Object.keys(ranges).length) { ranges = r; }
        });
        // A very common term: its head file, and the tail pieces too when asked for.
        var files = [];
        tails.forEach(function (x) {
          files.push([x[0], "p/h" + x[1] + ".json"]);
          if (!withTails) { return; }
          x[2].forEach(function (k) {
            if (ranges === null || ranges[k]) { files.push([x[0], "p/t" + x[1] + "-" + k + ".json"]); }
          });
        });
        return Promise.all(files.map(function (f) { return fetchJSON(f[1]); }))
          .then(function (loaded) {
            loaded.forEach(function (l, i) {
              if (l) { postings[files[i][0]] = (postings[files[i][0]] || []).concat(l); }
            });
            return { ranked: rank(groups, postings, dfs, meta), truncated: tails.length > 0 && !withTails };
          });
      });
  }

  function rank(groups, postings, dfs, meta) {
    var total = null;
    groups.forEach(function (g) {
      var best = {};
      g.forEach(function (t) {
        var p = postings[t];
        if (!p) { return; }
        var df = dfs[t] || p.length / 2, idf = Math.log(1 + (meta.sections - df + 0.5) / (df + 0.5));
        for (var i = 0; i < p.length; i += 2) {
          var s = idf * p[i + 1] / 100;
          if (!(best[p[i]] >= s)) { best[p[i]] = s; }
        }
      });
      if (total === null) { total = best; return; }
      var next = {};
      for (var sec in total) { if (best[sec] !== undefined) { next[sec] = total[sec] + best[sec]; } }
      total = next;
    });
    return Object.keys(total || {}).map(function (k) { return [Number(k), total[k]]; })
      .sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
  }

  // Heads first; the tails of very common terms only when that gives too few results.
  function scoreAll(groups, meta) {
    return score(groups, meta, false).then(function (r) {
      // Heads alone: the count is a lower bound (said so in the result line).
      if (r.ranked.length >= K || !r.truncated) { r.ranked.partial = r.truncated; return r.ranked; }
      return score(groups, meta, true).then(function (full) { return full.ranked; });
    });
  }

  function search(q) {
    return fetchJSON("meta.json").then(function (meta) {
      if (!meta) { return { hits: [], terms: [] }; }
      return analyze(q, meta, false).then(function (a) {
        if (!a.groups.length) { return { hits: [], terms: [] }; }
        return scoreAll(a.groups, meta).then(function (ranked) {
          if (ranked.length || a.known) { return { ranked: ranked, groups: a.groups }; }
          return analyze(q, meta, true).then(function (f) {  // forgive a typo
            return scoreAll(f.groups, meta).then(function (r) { return { ranked: r, groups: f.groups, fuzzy: true }; });
          });
        });
      }).then(function (res) {
        if (!res.ranked) { return res; }
        var top = res.ranked.slice(0, K);
        var shardIds = {};
        top.forEach(function (h) { shardIds[Math.floor(h[0] / meta.per_shard)] = true; });
        return Promise.all(Object.keys(shardIds).map(function (s) {
          return fetchJSON("s/" + s + ".json").then(function (rows) { return [s, rows]; });
        })).then(function (loaded) {
          var rows = {};
          loaded.forEach(function (l) { rows[l[0]] = l[1]; });
          var terms = [].concat.apply([], res.groups);
          // Also mark the other names a synonym stands for (ONCB -> the full name).
          Object.keys(meta.expansions).forEach(function (v) {
            if (meta.expansions[v].some(function (c) { return terms.indexOf(c) >= 0; })) { terms.push(v); }
          });
          return {
            total: res.ranked.length, partial: !!res.ranked.partial, terms: terms, fuzzy: !!res.fuzzy,
            hits: top.map(function (h) {
              var r = rows[Math.floor(h[0] / meta.per_shard)][h[0] % meta.per_shard];
              return { url: r[0], title: r[1], section: r[2], text: r[3], score: h[1] };
            })
          };
        });
      });
    });
  }

  function escapeHTML(s) {
    return s.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }

  function snippet(text, terms) {
    var norm = normalize(text);
    var res = terms.filter(function (t) { return t.length > 1 || /[0-9a-z]/.test(t); })
      .sort(function (a, b) { return b.length - a.length; })
      .map(function (t) {
        return t.split("").map(function (c) { return c.replace(/[.*+?^${}()|[\]\\\/]/g, "\\$&"); }).join("\\.?");
      });
    if (!res.length) { return escapeHTML(text.slice(0, 160)); }
    var re = new RegExp(res.join("|"), "g"), m, spans = [];
    while ((m = re.exec(norm)) && spans.length < 200) {
      if (!m[0].length) { re.lastIndex++; continue; }
      spans.push([m.index, m.index + m[0].length, m[0].replace(/\./g, "")]);
    }
    // The window that shows the most different query words.
    var bestAt = 0, bestCount = -1;
    spans.forEach(function (s, i) {
      var seen = {}, n = 0;
      for (var j = i; j < spans.length && spans[j][1] <= s[0] + 150; j++) {
        if (!seen[spans[j][2]]) { seen[spans[j][2]] = true; n++; }
      }
      if (n > bestCount) { bestCount = n; bestAt = i; }
    });
    var start = spans.length ? Math.max(0, spans[bestAt][0] - 30) : 0;
    var end = Math.min(text.length, start + 180);
    var out = start > 0 ? "… " : "", pos = start;
    spans.forEach(function (s) {
      if (s[0] < pos || s[1] > end) { return; }
      out += escapeHTML(text.slice(pos, s[0])) + "<mark>" + escapeHTML(text.slice(s[0], s[1])) + "</mark>";
      pos = s[1];
    });
    return out + escapeHTML(text.slice(pos, end)) + (end < text.length ? " …" : "");
  }

  function render(q, res) {
    var list = document.querySelector(".md-search-result__list");
    var meta = document.querySelector(".md-search-result__meta");
    if (!list) { return; }
    list.innerHTML = "";
    if (meta) {
      meta.textContent = !q.trim() ? "พิมพ์คำที่ต้องการค้นหา"
        : !res.hits.length ? "ไม่พบผลลัพธ์"
        : (res.fuzzy ? "ไม่พบคำที่พิมพ์ตรงตัว แสดงผลของคำที่ใกล้เคียง: " : "") + (res.partial ? "พบอย่างน้อย " : "พบ ") + res.total + " รายการ";
    }
    res.hits.forEach(function (h) {
      var li = document.createElement("li");
      li.className = "md-search-result__item";
      li.innerHTML = '<a class="md-search-result__link" tabindex="-1"></a>';
      var a = li.firstChild;
      a.href = base + h.url;
      a.innerHTML = '<article class="md-search-result__article md-typeset">' +
        '<div class="md-search-result__icon md-icon"></div>' +
        "<h1>" + escapeHTML(h.title) + "</h1>" +
        (h.section ? '<p class="th-search-section">' + escapeHTML(h.section) + "</p>" : "") +
        "<p>" + snippet(h.text, res.terms) + "</p></article>";
      list.appendChild(li);
    });
  }

  var timer = null, seq = 0;
  function run(q) {
    var mine = ++seq;
    document.documentElement.setAttribute("data-th-search", "busy");
    var p = q.trim() ? search(q) : Promise.resolve({ hits: [], terms: [] });
    p.then(function (res) {
      if (mine !== seq) { return; }
      render(q, res);
      document.documentElement.setAttribute("data-th-search", "done");
    });
  }

  // Take the header box over from Material's whitespace-only engine: our listeners run
  // first (capture phase) and stop its query handling; the box, layout and keyboard
  // shortcuts stay Material's.
  ["input", "keyup", "change"].forEach(function (type) {
    window.addEventListener(type, function (ev) {
      if (!ev.target || !ev.target.matches || !ev.target.matches(INPUT)) { return; }
      ev.stopImmediatePropagation();
      if (type === "keyup" && ev.key !== "Enter") { return; }
      clearTimeout(timer);
      var q = ev.target.value;
      timer = setTimeout(function () { run(q); }, type === "input" ? 120 : 0);
    }, true);
  });

  window.thSearch = search;  // for the evaluation script and the browser tests
})();
