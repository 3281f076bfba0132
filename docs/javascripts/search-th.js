// Thai search for the header search box.  Runs on data written at build time:
//   search/th/          the index (build_tools/outputs/site/site_search.py): a term
//                       dictionary, postings and sections in shards, and in meta.json the
//                       analyzer's rules as data (build_tools/analysis/browser_tables.py)
//   search/th-query.json   question words, thesaurus, ranking settings, browse pages
//                       (build_tools/outputs/search_index/query_data.py)
//   search/th-answers.json the answers the knowledge model holds (for answer cards)
// The steps are those of the command line (build_tools/analysis/question.py,
// build_tools/search/scoring.py, build_tools/search/answers.py); nothing here is a
// second copy of their word lists or tables.  A query is cut by maximal matching over
// exactly the index's own terms (and the question words), so the browser never cuts
// differently from the index.  Only the shards a query needs are fetched; everything
// is served by the site itself (works offline, no CDN).
(function () {
  "use strict";
  var K = 10, FETCH_TIMEOUT_MS = 15000, EPSILON = 1e-9;

  // --- The theme: everything that knows the page's markup (Material for MkDocs). ---
  // Another theme gets an object with the same methods; nothing below names a class of
  // the theme.
  // Our results go into a status line and a list of our own, placed before the theme's
  // (which are hidden): the theme re-renders its own list whenever the box loses focus,
  // which would wipe our results as soon as a keyboard user moves into them.
  var MATERIAL = {
    isInput: function (el) { return !!(el && el.matches && el.matches("input.md-search__input")); },
    input: function () { return document.querySelector("input.md-search__input"); },
    list: function () {
      var own = document.querySelector(".th-results"), meta = document.querySelector(".md-search-result__meta");
      if (own || !meta) { return own; }
      var status = document.createElement("div");
      status.className = "md-search-result__meta th-status";
      status.setAttribute("role", "status");
      own = document.createElement("ol");
      own.className = "md-search-result__list th-results";
      meta.parentNode.insertBefore(status, meta);
      meta.parentNode.insertBefore(own, meta);
      return own;
    },
    setStatus: function (text) {
      this.list();
      var status = document.querySelector(".th-status");
      if (status) { status.textContent = text; }
    },
    hit: function (h, snippetHTML, href) {
      var li = document.createElement("li");
      li.className = "md-search-result__item";
      if (h.near) { li.setAttribute("data-th-near", ""); }
      li.innerHTML = '<a class="md-search-result__link" tabindex="-1"></a>';
      var a = li.firstChild;
      a.href = href;
      a.innerHTML = '<article class="md-search-result__article md-typeset">' +
        '<div class="md-search-result__icon md-icon"></div>' +
        "<h1>" + escapeHTML(h.title) + "</h1>" +
        (h.section ? '<p class="th-search-section">' + escapeHTML(h.section) + "</p>" : "") +
        (h.near ? '<p class="th-search-near">คำที่ใกล้เคียง</p>' : "") +
        "<p>" + snippetHTML + "</p></article>";
      return li;
    },
    box: function (className, html) {  // a result-list entry that is not a hit (card, help)
      var li = document.createElement("li");
      li.className = "md-search-result__item " + className;
      li.innerHTML = '<div class="md-search-result__article md-typeset th-box">' + html + "</div>";
      return li;
    },
    style: ".md-search-result__meta:not(.th-status),.md-search-result__list:not(.th-results){display:none}" +
      ".th-box{padding:.6em .8em}.th-answer .th-box{border-left:.2rem solid var(--md-accent-fg-color)}" +
      ".th-answer__label{font-weight:700;margin:0 0 .3em}.th-answer__items{margin:.3em 0}" +
      ".th-search-near{font-size:.85em;margin:0;color:var(--md-default-fg-color--light)}"
  };
  // A theme with no search box of its own for us to take over (Zensical, once its own
  // search is switched off): our box goes into the header, our results into a panel
  // under it.  Plain markup of our own classes (th-*), so no class of that theme is used.
  var OWN = {
    mount: function () {
      if (document.querySelector("input.th-search-input")) { return; }
      if (!document.body) { document.addEventListener("DOMContentLoaded", OWN.mount); return; }  // loaded in <head>
      var nav = document.querySelector("header nav") || document.querySelector("header") || document.body;
      var form = document.createElement("form");
      form.className = "th-search";
      form.setAttribute("role", "search");
      form.innerHTML = '<input type="search" class="th-search-input" placeholder="ค้นหา" aria-label="ค้นหา" ' +
        'autocomplete="off" spellcheck="false">' +
        '<div class="th-panel" data-search-th-result hidden><div class="th-status" role="status"></div>' +
        '<ol class="th-results"></ol></div>';
      form.addEventListener("submit", function (ev) { ev.preventDefault(); });
      nav.appendChild(form);
    },
    isInput: function (el) { return !!(el && el.matches && el.matches("input.th-search-input")); },
    input: function () { return document.querySelector("input.th-search-input"); },
    list: function () { return document.querySelector("[data-search-th-result] .th-results"); },
    setStatus: function (text) {
      var panel = document.querySelector("[data-search-th-result]");
      if (!panel) { return; }
      panel.querySelector(".th-status").textContent = text;
      panel.hidden = !text && !panel.querySelector(".th-results").children.length;
    },
    hit: function (h, snippetHTML, href) {
      var li = document.createElement("li");
      li.className = "th-hit";
      if (h.near) { li.setAttribute("data-th-near", ""); }
      li.innerHTML = "<a></a>";
      var a = li.firstChild;
      a.href = href;
      a.innerHTML = '<span class="th-hit__title">' + escapeHTML(h.title) + "</span>" +
        (h.section ? '<span class="th-search-section">' + escapeHTML(h.section) + "</span>" : "") +
        (h.near ? '<span class="th-search-near">คำที่ใกล้เคียง</span>' : "") +
        '<span class="th-hit__text">' + snippetHTML + "</span>";
      return li;
    },
    box: function (className, html) {
      var li = document.createElement("li");
      li.className = className;
      li.innerHTML = '<div class="th-box">' + html + "</div>";
      return li;
    },
    style: ".th-search{position:relative;margin-left:auto;padding:0 .6em}" +
      ".th-search-input{width:14em;max-width:40vw;padding:.35em .6em;border-radius:.2em;border:0;font:inherit}" +
      ".th-panel{position:absolute;right:0;top:2.6em;width:min(36em,94vw);max-height:70vh;overflow:auto;" +
      "background:var(--md-default-bg-color,#fff);color:var(--md-default-fg-color,#222);" +
      "box-shadow:0 .2em .8em rgba(0,0,0,.3);border-radius:.2em;z-index:10;text-align:left}" +
      ".th-status{padding:.5em .8em;font-size:.85em}.th-results{list-style:none;margin:0;padding:0}" +
      ".th-hit a{display:block;padding:.5em .8em;color:inherit;text-decoration:none;border-top:1px solid #ddd}" +
      ".th-hit a:hover,.th-hit a:focus{background:rgba(0,0,0,.06)}" +
      ".th-hit__title{display:block;font-weight:700;text-decoration:underline}.th-hit__text,.th-search-section," +
      ".th-search-near{display:block;font-size:.85em}.th-box{padding:.6em .8em}" +
      ".th-answer .th-box{border-left:.2rem solid #b8860b}.th-answer__label{font-weight:700;margin:0 0 .3em}"
  };
  var theme = document.querySelector("input.md-search__input") ? MATERIAL : OWN;
  if (theme.mount) { theme.mount(); }

  // --- Loading ---------------------------------------------------------------------
  var base = (function () {
    try {
      var cfg = JSON.parse(document.getElementById("__config").textContent);
      return new URL(cfg.base + "/", location.href).href;
    } catch (e) { return new URL("./", location.href).href; }
  })();
  var root = base + "search/";
  var cache = {};
  var stats = { bytes: 0, requests: 0 };
  window.__thSearchStats = stats;

  // A file of the index; rejects with an Error naming it when it cannot be read (a
  // missing shard, a server error, no answer within FETCH_TIMEOUT_MS), so a search
  // never hangs.  A failed file is not kept: the next search asks again.
  function fetchJSON(path) {
    if (!cache[path]) {
      var ctrl = window.AbortController ? new AbortController() : null;
      var timer = ctrl ? setTimeout(function () { ctrl.abort(); }, FETCH_TIMEOUT_MS) : null;
      cache[path] = fetch(root + path, ctrl ? { signal: ctrl.signal } : {}).then(function (r) {
        if (!r.ok) { throw new Error(path + " (HTTP " + r.status + ")"); }
        return r.text();
      }).then(function (t) {
        stats.bytes += new Blob([t]).size;
        stats.requests += 1;
        return JSON.parse(t);
      }).catch(function (e) {
        delete cache[path];
        throw new Error(e && e.name === "AbortError" ? path + " (หมดเวลา)" : (e && e.message) || path);
      }).finally(function () { if (timer) { clearTimeout(timer); } });
    }
    return cache[path];
  }

  // --- Text ----------------------------------------------------------------------------
  var T = null;  // the analyzer's tables (meta.json "analyzer")

  function normalize(s) {
    s = s.normalize("NFC").toLowerCase();
    return s.replace(/[\u0e50-\u0e59]/g, function (d) { return String(T.digits.indexOf(d)); });
  }

  // `text` (stored NFC) lower-cased with Arabic digits, and for every character of the
  // result the offset of the character it came from, so highlights fall on the text.
  function normalizeMapped(text) {
    var out = "", map = [];
    for (var i = 0; i < text.length; i++) {
      var d = T.digits.indexOf(text[i]), n = d >= 0 ? String(d) : text[i].toLowerCase();
      for (var k = 0; k < n.length; k++) { out += n[k]; map.push(i); }
    }
    map.push(text.length);
    return { norm: out, map: map };
  }

  function escapeHTML(s) {
    return String(s).replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }

  // Pieces of a normalized query word as the analyzer cuts text (a dotted abbreviation,
  // a Thai run, a Latin word or number with inner dots); anything else separates.
  function pieces(word) {
    var re = new RegExp(T.pieces, "g"), out = [], m;
    while ((m = re.exec(word))) {
      if (!m[0]) { re.lastIndex++; continue; }
      out.push(m[1] ? m[1].replace(/\./g, "") : m[0]);
    }
    return out;
  }

  function isThai(s) { return /^[\u0e01-\u0e4e]/.test(s); }

  // Where a Thai word may be cut: PyThaiNLP's character clusters (the rule the analyzer
  // uses), from the tables.
  function clusters(s) {
    var re = T.tccRe || (T.tccRe = new RegExp("^(?:" + T.tcc + ")")), out = [0], p = 0;
    while (p < s.length) {
      var m = re.exec(s.slice(p));
      p += m && m[0].length ? m[0].length : 1;
      out.push(p);
    }
    return out;
  }

  // The piece as the fewest known terms, where the unknown stretches are as short as
  // possible (at cluster boundaries; a term at most maxLen long).  Returns [[term, known]].
  function cut(s, known, maxLen) {
    var b = clusters(s), n = s.length, best = {};
    best[n] = [0, 0, []];
    for (var k = b.length - 2; k >= 0; k--) {
      var i = b[k], cand = null;
      for (var m = k + 1; m < b.length && b[m] - i <= maxLen; m++) {
        var w = s.slice(i, b[m]);
        if (known(w)) { cand = better(cand, [best[b[m]][0], best[b[m]][1] + 1, [[w, true]].concat(best[b[m]][2])]); }
      }
      var j = b[k + 1];
      best[i] = better(cand, [best[j][0] + j - i, best[j][1] + 1, [[s.slice(i, j), false]].concat(best[j][2])]);
    }
    var out = [];
    best[0][2].forEach(function (p) {  // neighbouring unknown clusters are one unknown word
      var last = out[out.length - 1];
      if (!p[1] && last && !last[1]) { last[0] += p[0]; } else { out.push(p.slice()); }
    });
    return out;
  }
  function better(a, b) { return !a || b[0] < a[0] || (b[0] === a[0] && b[1] < a[1]) ? b : a; }

  // --- Query understanding (build_tools/analysis/question.py) ---------------------------
  function key(terms) { return terms.join(" "); }

  function Understanding(q) {
    var u = this, qt = q.question;
    u.intents = qt.intents;
    u.labels = qt.intent_labels || {};
    u.unitAfter = qt.unit_after;
    u.maxChars = qt.max_query_chars;
    u.maxGroups = qt.max_groups;
    u.phrases = {};
    u.vocab = {};
    qt.question_words.forEach(function (w) {
      u.phrases[key(w.terms)] = { terms: w.terms, intent: w.intent, keep: !!w.keep, synonyms: [] };
    });
    qt.thesaurus.forEach(function (group) {
      group.forEach(function (w) {
        var old = u.phrases[key(w)];
        u.phrases[key(w)] = { terms: w, intent: old ? old.intent : null, keep: true,
          synonyms: group.filter(function (x) { return key(x) !== key(w); }) };
      });
    });
    u.longest = 1;
    u.single = {};
    u.cues = [];
    Object.keys(u.phrases).forEach(function (k) {
      var p = u.phrases[k];
      u.longest = Math.max(u.longest, p.terms.length);
      p.terms.forEach(function (t) { u.vocab[t] = true; });
      p.synonyms.forEach(function (s) { s.forEach(function (t) { u.vocab[t] = true; }); });
      if (p.terms.length === 1 && (p.intent || !p.keep)) { u.single[p.terms[0]] = true; }
      if (p.terms.length === 1 && p.keep && p.intent) { u.cues.push(p.terms[0]); }
    });
    u.cues.sort(function (a, b) { return b.length - a.length; });
  }

  Understanding.prototype.match = function (terms, i) {
    for (var k = Math.min(this.longest, terms.length - i); k > 0; k--) {
      var hit = this.phrases[key(terms.slice(i, i + k))];
      if (hit) { return hit; }
    }
    return null;
  };

  // A word joined from question words (มีบทบาท = มี + บทบาท) as those words.
  Understanding.prototype.split = function (term) {
    if (this.phrases[term] || term.length < 4 || !isThai(term)) { return [term]; }
    var b = clusters(term), best = {}, n = term.length;
    best[n] = [];
    for (var k = b.length - 2; k >= 0; k--) {
      for (var m = k + 1; m < b.length; m++) {
        var w = term.slice(b[k], b[m]);
        if (best[b[m]] && this.single[w] && (!best[b[k]] || best[b[m]].length + 1 < best[b[k]].length)) {
          best[b[k]] = [w].concat(best[b[m]]);
        }
      }
    }
    return best[0] || [term];
  };

  // Neighbouring words cut across question words (ขั้น + ตอนแรก) re-cut into them.
  Understanding.prototype.rejoined = function (terms) {
    var out = [], i = 0;
    outer: while (i < terms.length) {
      for (var k = 3; k >= 2; k--) {
        if (i + k > terms.length) { continue; }
        var parts = this.split(terms.slice(i, i + k).join(""));
        if (parts.length > 1) { out = out.concat(parts); i += k; continue outer; }
      }
      out.push(terms[i]);
      i += 1;
    }
    return out;
  };

  Understanding.prototype.intentOf = function (hit, word) {
    if (hit) { return hit.intent; }
    for (var i = 0; i < this.cues.length; i++) {
      if (word.indexOf(this.cues[i]) === 0) { return this.phrases[this.cues[i]].intent; }
    }
    return null;
  };

  Understanding.prototype.group = function (terms, hit, run) {
    var alts;
    if (terms.length === 1) {
      var t = terms[0], fix = T.fixes[t];
      alts = fix ? [{ terms: fix, kind: "exact" }] : [{ terms: [t], kind: "exact" }];
      if (!fix) {
        (T.expansions[t] || []).forEach(function (e) { if (e !== t) { alts.push({ terms: [e], kind: "name" }); } });
      }
    } else {
      alts = [{ terms: terms, kind: "exact" }];
    }
    (hit ? hit.synonyms : []).forEach(function (syn) {
      if (!alts.some(function (a) { return key(a.terms) === key(syn); })) { alts.push({ terms: syn, kind: "synonym" }); }
    });
    return { word: terms.join(" "), alts: alts, intent: hit ? hit.intent : null, run: run };
  };

  // The query as groups of alternatives (see question.py), its phrases, intent and unit.
  Understanding.prototype.parse = function (terms, runs, phrases) {
    var groups = [], dropped = [], intents = {}, unitNext = false, unit = null, i = 0;
    while (i < terms.length) {
      var hit = this.match(terms, i), size = hit ? hit.terms.length : 1;
      var word = terms.slice(i, i + size).join(" "), intent = this.intentOf(hit, word);
      if (intent && !(intent in intents)) { intents[intent] = word; }
      if (unitNext && unit === null && this.unitAfter.indexOf(word) < 0) { unit = word; }
      unitNext = this.unitAfter.indexOf(word) >= 0;
      if (hit && !hit.keep) { dropped.push(word); } else { groups.push(this.group(terms.slice(i, i + size), hit, runs[i])); }
      i += size;
    }
    if (!groups.length && !phrases.length) {
      var self = this;
      groups = terms.map(function (t, j) { return self.group([t], null, runs[j]); });
      dropped = [];
    }
    var seen = {};
    groups = groups.filter(function (g) { if (seen[g.word]) { return false; } seen[g.word] = true; return true; });
    return { groups: groups.slice(0, this.maxGroups), truncated: groups.length > this.maxGroups, dropped: dropped,
      intents: this.intents.filter(function (x) { return x in intents; }), unit: unit };
  };

  // --- The index: dictionary and postings ---------------------------------------------
  function shardKey(s) {
    return Array.from(s.slice(0, 2)).map(function (c) { return c.codePointAt(0).toString(16); }).join("-");
  }

  // Dictionary entries of every shard named in `keys` not yet read: {term: [df, bucket]}
  // for the index's terms, {word: 0} for the other words of the language (a query is cut
  // over both, as the analyzer cuts it; such a word is simply absent).
  function loadDict(keys, meta, dict) {
    if (!meta.shardSet) { meta.shardSet = new Set(meta.dict_shards); }
    var wanted = Object.keys(keys).filter(function (k) { return meta.shardSet.has(k); });
    return Promise.all(wanted.map(function (k) { return fetchJSON("th/d/" + k + ".json"); })).then(function (shards) {
      shards.forEach(function (s) { for (var t in s) { dict[t] = s[t]; } });
      return dict;
    });
  }

  function prefixKeys(s, keys) {
    for (var i = 0; i < s.length; i++) { keys[shardKey(s[i])] = true; keys[shardKey(s.slice(i, i + 2))] = true; }
  }

  function idf(df, n) { return Math.log(1 + (n - df + 0.5) / (df + 0.5)); }

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

  // The query against the index: each group's alternatives the index holds, its
  // informative weight; a typed run holding a word the index lacks is a misspelling
  // when index terms lie within one or two edits of the whole run (scoring.py).
  function resolve(q, ctx) {
    var dict = ctx.dict, n = ctx.meta.sections, absent = idf(0, n);
    function df(t) { return dict[t] ? dict[t][0] : 0; }  // 0: not in the index (a language word)
    function weight(alts) {
      var w = 0;
      alts.forEach(function (a) { a.terms.forEach(function (t) { w = Math.max(w, idf(df(t), n)); }); });
      return w || absent;
    }
    q.groups.forEach(function (g) {
      g.resolved = g.alts.filter(function (a) { return a.terms.every(function (t) { return df(t) > 0; }); });
      g.weight = weight(g.resolved);
      g.cardWeight = weight([{ terms: [].concat.apply([], g.alts.map(function (a) { return a.terms; })).filter(function (t) { return df(t) > 0; }) }]);
    });
    var near = {};
    q.groups.forEach(function (g) {
      if (g.resolved.length || g.run in near) { return; }
      var word = q.runs[g.run].replace(/^[.,;:()]+|[.,;:()]+$/g, ""), found = [];
      if (word.length >= 4 && !/[0-9]/.test(word)) {
        var max = word.length < 8 ? 1 : 2;
        for (var t in dict) {
          if (t[0] === word[0] && dict[t] && dict[t][0] > 0 && levenshtein(word, t, max) <= max) { found.push(t); }
        }
      }
      near[g.run] = found.sort();
    });
    var out = [], done = {};
    q.groups.forEach(function (g) {
      var nr = near[g.run];
      if (!nr || !nr.length) { out.push(g); return; }
      if (done[g.run]) { return; }
      done[g.run] = true;
      var alts = nr.map(function (t) { return { terms: [t], kind: "near" }; });
      out.push({ word: q.runs[g.run], alts: [], intent: null, run: g.run, weight: weight(alts), resolved: alts });
    });
    // A word every alternative of which is in most sections says nothing about which
    // answers (ranking.COMMON_SHARE): left out when the query has other words.
    var common = function (g) {
      return g.alts.length && g.alts.every(function (a) {
        return a.terms.every(function (t) { return df(t) > ctx.cfg.common_share * n; });
      });
    };
    var informative = out.filter(function (g) { return !common(g); });
    q.scoring = informative.length || q.phrases.length ? informative : out;  // the words as scored
    q.phrases.forEach(function (p) {
      p.resolved = p.terms.every(function (t) { return df(t) > 0; }) ? [{ terms: p.terms, kind: "exact" }] : [];
      p.weight = weight(p.resolved);
      p.phrase = true;
    });
    q.absent = absent;
  }

  // Postings of every term (heads of very common terms; tails too when asked).
  function postings(terms, ctx, withTails, ranges) {
    var meta = ctx.meta, buckets = {};
    terms.forEach(function (t) { if (ctx.dict[t]) { buckets[ctx.dict[t][1]] = true; } });  // index terms only
    return Promise.all(Object.keys(buckets).map(function (b) { return fetchJSON("th/p/" + b + ".json"); }))
      .then(function (shards) {
        var post = {}, dfs = {}, tails = [], want = {};
        terms.forEach(function (t) { want[t] = true; });
        shards.forEach(function (s) {
          for (var t in s) {
            if (want[t]) { post[t] = s[t]; }
            if (t[0] === "#" && want[t.slice(1)]) { dfs[t.slice(1)] = s[t][0]; tails.push([t.slice(1), s[t][1], s[t][2]]); }
          }
        });
        var files = [];
        tails.forEach(function (x) {
          files.push([x[0], "th/p/h" + x[1] + ".json"]);
          if (withTails) {
            x[2].forEach(function (k) {
              if (!ranges || ranges[k]) { files.push([x[0], "th/p/t" + x[1] + "-" + k + ".json"]); }
            });
          }
        });
        return Promise.all(files.map(function (f) { return fetchJSON(f[1]); })).then(function (loaded) {
          loaded.forEach(function (l, i) { post[files[i][0]] = (post[files[i][0]] || []).concat(l); });
          return { post: post, truncated: tails.length > 0 && !withTails };
        });
      });
  }

  // --- Scoring (build_tools/search/scoring.py, weights from th-query.json) ---------------
  function altScores(alt, post, ctx) {
    var n = ctx.meta.sections, out = null;
    alt.terms.forEach(function (t) {
      var p = post[t] || [], w = idf(ctx.dict[t] ? ctx.dict[t][0] : 0, n), s = {};
      for (var i = 0; i < p.length; i += 2) { s[p[i]] = w * p[i + 1] / 100; }
      if (out === null) { out = s; return; }
      var both = {};
      for (var sec in out) { if (s[sec] !== undefined) { both[sec] = out[sec] + s[sec]; } }
      out = both;
    });
    var a = ctx.cfg.alternatives[alt.kind] || 1;
    for (var sec in out) { out[sec] *= a; }
    return out || {};
  }

  function rank(q, post, ctx) {
    var score = {}, covered = {}, near = {}, required = [], total = 0;
    q.scoring.concat(q.phrases).forEach(function (g) {
      total += g.weight;
      var best = {}, exact = {};
      g.resolved.forEach(function (alt) {
        var s = altScores(alt, post, ctx);
        for (var sec in s) {
          if (!(best[sec] >= s[sec])) { best[sec] = s[sec]; }
          if (alt.kind !== "near" && !(exact[sec] >= s[sec])) { exact[sec] = s[sec]; }
        }
      });
      for (var sec in best) {
        score[sec] = (score[sec] || 0) + best[sec];
        covered[sec] = (covered[sec] || 0) + g.weight;
        if (!(exact[sec] > 0)) { near[sec] = true; }
      }
      if (g.phrase) { required.push(best); }
    });
    var boosted = (ctx.cfg.intent_pages[q.intents[0]] || []), ranges = ctx.meta.kinds.filter(function (k) {
      return boosted.indexOf(k[2]) >= 0;  // [first section, last + 1, page kind]
    });
    var out = [];
    for (var sec in score) {
      var c = covered[sec] / total, n = Number(sec);
      if (c < ctx.cfg.coverage_min - EPSILON || required.some(function (r) { return !(sec in r); })) { continue; }
      var boost = ranges.some(function (k) { return n >= k[0] && n < k[1]; }) ? ctx.cfg.intent_boost : 1;
      out.push([n, score[sec] * Math.pow(c, ctx.cfg.coverage_power) * boost, c, !!near[sec]]);
    }
    return out.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
  }

  // Heads first; the tails of very common terms only when that gives too few results,
  // and then only the section ranges where the query's rarer words occur.
  function scoreAll(q, ctx) {
    var terms = {};
    q.scoring.concat(q.phrases).forEach(function (g) {
      g.resolved.forEach(function (a) { a.terms.forEach(function (t) { terms[t] = true; }); });
    });
    terms = Object.keys(terms);
    return postings(terms, ctx, false).then(function (r) {
      var ranked = rank(q, r.post, ctx);
      if (ranked.length >= K || !r.truncated) { ranked.partial = r.truncated; return ranked; }
      var ranges = {}, any = false;
      terms.forEach(function (t) {
        var p = r.post[t] || [];
        if (ctx.dict[t] && ctx.dict[t][0] * 2 > p.length) { return; }  // a common term: its heads only
        for (var i = 0; i < p.length; i += 2) { ranges[Math.floor(p[i] / ctx.meta.tail_range)] = true; any = true; }
      });
      return postings(terms, ctx, true, any ? ranges : null).then(function (full) { return rank(q, full.post, ctx); });
    });
  }

  // --- Answer cards (build_tools/search/answers.py) ----------------------------------
  function coverage(entry, groups, A) {
    if (entry.need) {
      if (!groups.some(function (g) { return g.terms.some(function (t) { return entry.need.indexOf(t) >= 0; }); })) { return null; }
      groups = groups.filter(function (g) { return !g.terms.some(function (t) { return entry.need.indexOf(t) >= 0; }); });
    }
    var total = 0;
    groups.forEach(function (g) { total += g.weight; });
    if (!total) { return [1, 1]; }
    function has(list) { return function (t) { return list.indexOf(t) >= 0; }; }
    if (!entry.names) {
      var cov = 0;
      groups.forEach(function (g) {
        if (g.terms.some(has(entry.keys.words))) { cov += g.weight; } else if (g.terms.some(has(entry.keys.parts))) { cov += g.weight * A.part_credit; }
      });
      return [cov / total, 0];
    }
    var all = [].concat.apply([], entry.names), said = [].concat.apply([], groups.map(function (g) { return g.terms; }));
    var covered = 0;
    groups.forEach(function (g) { if (g.terms.some(has(all))) { covered += g.weight; } });
    var share = 0;
    entry.names.forEach(function (name) {
      var uniq = name.filter(function (t, i) { return name.indexOf(t) === i; });
      share = Math.max(share, uniq.filter(has(said)).length / uniq.length);
    });
    return share >= A.min_name_share ? [covered / total, share] : null;
  }

  function group(e) { return e.group || e.card.url; }

  function best(intent, entries, groups, A) {
    var scored = [];
    entries.forEach(function (e) {
      var c = coverage(e, groups, A);
      if (c && c[0] >= A.min_coverage - EPSILON) { scored.push([c, e]); }
    });
    if (!scored.length) { return null; }
    var top = scored.reduce(function (m, x) { return x[0][0] > m[0] || (x[0][0] === m[0] && x[0][1] > m[1]) ? x[0] : m; }, [-1, -1]);
    var tops = scored.filter(function (x) { return x[0][0] >= top[0] - EPSILON && x[0][1] >= top[1] - EPSILON; })
      .map(function (x) { return x[1]; });
    if (intent === "who") { return who(tops); }
    if (intent === "how_many") {
      var values = {}, groupsSeen = {};
      tops.forEach(function (e) { values[e.value] = true; groupsSeen[group(e)] = true; });
      return Object.keys(values).length === 1 || Object.keys(groupsSeen).length === 1 ? tops[0].card : null;
    }
    var urls = {};
    tops.forEach(function (e) { urls[e.card.url] = e.card; });
    return Object.keys(urls).length === 1 ? tops[0].card : null;
  }

  function who(tops) {
    var agencies = tops.filter(function (e) { return group(e).indexOf("agency:") === 0; });
    if (agencies.length) {
      return agencies.every(function (e) { return group(e) === group(agencies[0]); }) ? agencies[0].card : null;
    }
    var items = [];
    tops.forEach(function (e) { items = items.concat(e.card.items || [{ text: e.card.text, url: e.card.url }]); });
    if (!items.length || items.length > 8) { return null; }
    if (items.length === 1) { return tops[0].card; }
    return { kind: "who", text: items.map(function (i) { return i.text; }).join(" · "), url: tops[0].card.url,
      source: tops[0].card.source || "", items: items };
  }

  function cardFor(intent, q, hits, A) {
    if (intent === "which_document") {
      var h = hits[0];
      if (!h || h.url.indexOf("documents/") !== 0 || h.coverage < A.min_coverage) { return null; }
      var page = h.url.split("#")[0], d = A.documents[page] || { title: h.title, number: "", date: "" };
      var fold = function (s) { return normalize(s).replace(/\s+/g, ""); };
      var number = d.number && fold(d.title).indexOf(fold(d.number)) < 0 ? " ที่ " + d.number : "";
      return { kind: "which_document", url: h.url, source: page,
        text: d.title + number + (d.date ? " ลงวันที่ " + d.date : "") };
    }
    var groups = q.groups.filter(function (g) { return !g.intent && g.word !== q.unit; }).map(function (g) {
      return { terms: [].concat.apply([], g.alts.map(function (a) { return a.terms; })), weight: g.cardWeight };
    });
    var entries = A.entries.filter(function (e) { return e.kind === intent; });
    if (intent === "how_many") {
      if (!q.unit) { return null; }
      entries = entries.filter(function (e) { return e.unit && e.unit.indexOf(q.unit) === 0; });
      if (!groups.length) {
        if (!entries.length) { return null; }
        var vals = {}, gs = {};
        entries.forEach(function (e) { vals[e.value] = true; gs[group(e)] = true; });
        return Object.keys(vals).length === 1 || Object.keys(gs).length === 1 ? entries[0].card : null;
      }
    }
    if (intent === "who") {
      var card = best(intent, entries.filter(function (e) { return group(e).indexOf("agency:") === 0; }), groups, A);
      if (card) { return card; }
      entries = entries.filter(function (e) { return group(e).indexOf("agency:") !== 0; });
    }
    return best(intent, entries, groups, A);
  }

  function answer(q, hits) {
    if (!q.intents.length) { return Promise.resolve(null); }
    return fetchJSON("th-answers.json").then(function (A) {
      for (var i = 0; i < q.intents.length; i++) {
        var c = cardFor(q.intents[i], q, hits, A);
        if (c) { return c; }
      }
      return null;
    });
  }

  // --- Search ------------------------------------------------------------------------
  function analyze(text, ctx) {
    var u = ctx.understanding, truncated = text.length > u.maxChars;
    if (truncated) {
      text = text.slice(0, u.maxChars);
      if (text.trim().indexOf(" ") > 0) { text = text.slice(0, text.lastIndexOf(" ")); }
    }
    var phraseTexts = [], free = text.replace(/"([^"]+)"|“([^”]+)”/g, function (m, a, b) { phraseTexts.push(a || b); return " "; });
    var runs = normalize(free).split(/\s+/).filter(Boolean), keys = {};
    runs.concat(phraseTexts.map(normalize)).forEach(function (r) { pieces(r).forEach(function (p) { prefixKeys(p, keys); }); });
    return loadDict(keys, ctx.meta, ctx.dict).then(function () {
      function known(w) { return w in ctx.dict || u.vocab[w]; }
      function termsOf(r) {
        var out = [];
        pieces(r).forEach(function (p) {
          if (!isThai(p)) { out.push(p); return; }
          cut(p, known, ctx.meta.max_term).forEach(function (c) { out = out.concat(u.split(c[0])); });
        });
        return u.rejoined(out);
      }
      var terms = [], runOf = [];
      runs.forEach(function (r, i) { termsOf(r).forEach(function (t) { terms.push(t); runOf.push(i); }); });
      var phrases = phraseTexts.map(function (p) { return { terms: termsOf(normalize(p)), word: '"' + p + '"' }; })
        .filter(function (p) { return p.terms.length; });
      var q = u.parse(terms, runOf, phrases);
      q.phrases = phrases;
      q.runs = runs;
      q.truncated = q.truncated || truncated;
      var more = {};  // the dictionary entries of other names, synonyms, corrections
      q.groups.forEach(function (g) { g.alts.forEach(function (a) { a.terms.forEach(function (t) { prefixKeys(t, more); }); }); });
      q.groups.forEach(function (g) {
        if (!g.alts.some(function (a) { return a.terms.every(known); })) { addFirstLetter(q.runs[g.run], ctx.meta, more); }
      });
      return loadDict(more, ctx.meta, ctx.dict).then(function () { resolve(q, ctx); return q; });
    });
  }

  function addFirstLetter(word, meta, keys) {  // a typo: every term that starts with the same letter
    if (!word) { return; }
    var first = shardKey(word[0]);
    meta.dict_shards.forEach(function (k) { if (k === first || k.indexOf(first + "-") === 0) { keys[k] = true; } });
  }

  function context() {
    return Promise.all([fetchJSON("th/meta.json"), fetchJSON("th-query.json")]).then(function (r) {
      var meta = r[0], qt = r[1];
      T = meta.analyzer;
      if (!context.ctx) {
        context.ctx = { meta: meta, cfg: qt.ranking, query: qt, dict: {}, understanding: new Understanding(qt) };
      }
      return context.ctx;
    });
  }

  function search(text) {
    return context().then(function (ctx) {
      return analyze(text, ctx).then(function (q) {
        if (!q.scoring.length && !q.phrases.length) { return { hits: [], q: q, ctx: ctx, total: 0 }; }
        return scoreAll(q, ctx).then(function (ranked) { return rows(ranked, q, ctx); });
      });
    }).then(function (res) {
      return answer(res.q, res.hits).then(function (card) { res.card = card; return res; });
    });
  }

  function rows(ranked, q, ctx) {
    var top = ranked.slice(0, K), shards = {};
    top.forEach(function (h) { shards[Math.floor(h[0] / ctx.meta.per_shard)] = true; });
    return Promise.all(Object.keys(shards).map(function (s) {
      return fetchJSON("th/s/" + s + ".json").then(function (rows) { return [s, rows]; });
    })).then(function (loaded) {
      var byShard = {};
      loaded.forEach(function (l) { byShard[l[0]] = l[1]; });
      return { q: q, ctx: ctx, total: ranked.length, partial: !!ranked.partial, terms: highlightTerms(q, ctx),
        hits: top.map(function (h) {
          var r = byShard[Math.floor(h[0] / ctx.meta.per_shard)][h[0] % ctx.meta.per_shard];
          return { url: r[0], title: r[1], section: r[2], text: r[3], score: h[1], coverage: h[2], near: h[3] };
        }) };
    });
  }

  // The terms to mark: every alternative searched, and the other names that stand for
  // them in the text (ONCB -> the full Thai name).
  function highlightTerms(q, ctx) {
    var terms = [];
    q.scoring.concat(q.phrases).forEach(function (g) { g.resolved.forEach(function (a) { terms = terms.concat(a.terms); }); });
    var ex = T.expansions;
    Object.keys(ex).forEach(function (v) { if (ex[v].some(function (c) { return terms.indexOf(c) >= 0; })) { terms.push(v); } });
    return terms;
  }

  // --- Snippets: start at the match, mark every matched word ---------------------------
  function snippet(text, terms) {
    var nm = normalizeMapped(text), res = terms.filter(function (t) { return t.length > 1 || /[0-9a-z]/.test(t); })
      .sort(function (a, b) { return b.length - a.length; })
      .map(function (t) { return t.split("").map(function (c) { return c.replace(/[.*+?^${}()|[\]\\\/]/g, "\\$&"); }).join("\\.?"); });
    if (!res.length) { return escapeHTML(text.slice(0, 160)) + (text.length > 160 ? " …" : ""); }
    var re = new RegExp(res.join("|"), "g"), m, spans = [];
    while ((m = re.exec(nm.norm)) && spans.length < 200) {
      if (!m[0].length) { re.lastIndex++; continue; }
      spans.push([nm.map[m.index], nm.map[m.index + m[0].length - 1] + 1, m[0].replace(/\./g, "")]);
    }
    if (!spans.length) { return escapeHTML(text.slice(0, 160)) + (text.length > 160 ? " …" : ""); }
    var bestAt = 0, bestCount = -1;  // the window that shows the most different query words
    spans.forEach(function (s, i) {
      var seen = {}, n = 0;
      for (var j = i; j < spans.length && spans[j][1] <= s[0] + 160; j++) {
        if (!seen[spans[j][2]]) { seen[spans[j][2]] = true; n++; }
      }
      if (n > bestCount) { bestCount = n; bestAt = i; }
    });
    // The whole text if it fits, else from a space at most 30 characters before the match.
    var start = text.length <= 180 ? 0 : spans[bestAt][0], cut = text.lastIndexOf(" ", start);
    if (start > 0 && cut >= 0 && start - cut <= 30) { start = cut + 1; }
    var end = Math.min(text.length, start + 180), out = start > 0 ? "… " : "", pos = start;
    spans.forEach(function (s) {
      if (s[0] < pos || s[1] > end) { return; }
      out += escapeHTML(text.slice(pos, s[0])) + "<mark>" + escapeHTML(text.slice(s[0], s[1])) + "</mark>";
      pos = s[1];
    });
    return out + escapeHTML(text.slice(pos, end)) + (end < text.length ? " …" : "");
  }

  // --- Rendering -----------------------------------------------------------------------
  function renderCard(card, ctx) {
    var label = ctx.understanding.labels[card.kind] || "";
    var html = '<p class="th-answer__label">คำตอบ' + (label ? ": " + escapeHTML(label) : "") + "</p>" +
      '<a class="th-answer__main" href="' + escapeHTML(base + card.url) + '"><span class="th-answer__text">' +
      escapeHTML(card.text) + "</span></a>";
    if (card.items && card.items.length) {
      html += '<ul class="th-answer__items">' + card.items.map(function (i) {
        return '<li><a href="' + escapeHTML(base + i.url) + '">' + escapeHTML(i.text) + "</a></li>";
      }).join("") + "</ul>";
    }
    if (card.source) {
      html += '<p class="th-answer__from">ที่มา: <a class="th-answer__source" href="' + escapeHTML(base + card.source) + '">' +
        escapeHTML(card.source) + "</a></p>";
    }
    var li = theme.box("th-answer", html);
    li.setAttribute("data-th-answer", "");
    li.setAttribute("data-kind", card.kind);
    li.setAttribute("aria-label", "คำตอบ");
    return li;
  }

  function renderHelp(res) {
    var unmatched = res.q.scoring.filter(function (g) { return !g.resolved.length; }).map(function (g) { return g.word; });
    var html = "<p>" + (unmatched.length ? "ไม่พบคำว่า " + unmatched.map(function (w) { return "“" + escapeHTML(w) + "”"; }).join(" ") +
      " ในเอกสารของโครงการ" : "ไม่มีส่วนใดตอบคำค้นนี้ได้ครบพอ") + "</p><p>ลองดูหน้ารวม: " +
      (res.ctx.query.browse || []).map(function (b) { return '<a href="' + escapeHTML(base + b.url) + '">' + escapeHTML(b.label) + "</a>"; }).join(" · ") +
      "</p>";
    var li = theme.box("th-help", html);
    li.setAttribute("data-th-help", "");
    return li;
  }

  function status(q, res) {
    if (!q.trim()) { return "พิมพ์คำที่ต้องการค้นหา"; }
    if (!res.hits.length) { return "ไม่พบผลลัพธ์"; }
    var near = res.hits.every(function (h) { return h.near; }) ? "ไม่พบคำที่พิมพ์ตรงตัว แสดงผลของคำที่ใกล้เคียง: " : "";
    var cut = res.q.truncated ? "คำค้นยาวเกินไป ค้นเฉพาะส่วนแรก · " : "";
    return cut + near + (res.partial ? "พบอย่างน้อย " : "พบ ") + res.total + " รายการ";
  }

  function render(q, res) {
    var list = theme.list();
    if (!list) { return; }
    list.innerHTML = "";
    theme.setStatus(status(q, res));
    if (res.card) { list.appendChild(renderCard(res.card, res.ctx)); }
    res.hits.forEach(function (h) { list.appendChild(theme.hit(h, snippet(h.text, res.terms), base + h.url)); });
    if (q.trim() && !res.hits.length && res.q) { list.appendChild(renderHelp(res)); }
  }

  function renderError(err) {
    var list = theme.list();
    if (list) { list.innerHTML = ""; }
    theme.setStatus("ค้นหาไม่สำเร็จ: โหลดข้อมูลดัชนีค้นหาไม่ได้ (" + (err && err.message || "") + ") โปรดลองใหม่อีกครั้ง");
  }

  // --- Wiring --------------------------------------------------------------------------
  var timer = null, seq = 0, asked = null;
  function run(q) {
    asked = q;
    var mine = ++seq;
    document.documentElement.setAttribute("data-th-search", "busy");
    var p = q.trim() ? search(q) : Promise.resolve({ hits: [], q: null });
    // data-th-search="done" with data-th-query: which query the shown results are for.
    p.then(function (res) {
      if (mine !== seq) { return; }
      render(q, res);
      document.documentElement.removeAttribute("data-th-error");
      document.documentElement.setAttribute("data-th-query", q);
      document.documentElement.setAttribute("data-th-search", "done");
    }, function (err) {
      if (mine !== seq) { return; }
      renderError(err);
      document.documentElement.setAttribute("data-th-error", String(err && err.message || err));
      document.documentElement.setAttribute("data-th-query", q);
      document.documentElement.setAttribute("data-th-search", "done");
    });
  }

  var style = document.createElement("style");
  style.textContent = theme.style;
  document.head.appendChild(style);

  // Take the header box over from the theme's own engine: our listeners run first
  // (capture phase) and stop its query handling; the box, layout and keyboard shortcuts
  // stay the theme's (arrow keys and Tab reach the answer card's links too).
  ["input", "keyup", "change"].forEach(function (type) {
    window.addEventListener(type, function (ev) {
      if (!theme.isInput(ev.target)) { return; }
      ev.stopImmediatePropagation();
      if (type === "keyup" && ev.key !== "Enter") { return; }
      var q = ev.target.value;
      if (type === "change" && q === asked) { return; }  // leaving the box: nothing new (keeps focus in the results)
      clearTimeout(timer);
      timer = setTimeout(function () { run(q); }, type === "input" ? 120 : 0);
    }, true);
  });

  // Keyboard: arrow keys move between the search box, the answer card's links and the
  // hits (every link of the results, in order); the theme's own handling of these keys
  // is left out, as its results are not ours.
  window.addEventListener("keydown", function (ev) {
    if (ev.key !== "ArrowDown" && ev.key !== "ArrowUp") { return; }
    var list = theme.list(), input = theme.isInput(ev.target) ? ev.target : null;
    if (!list || (!input && !list.contains(ev.target))) { return; }
    var links = Array.prototype.slice.call(list.querySelectorAll("a[href]"));
    if (!links.length) { return; }
    var box = input || theme.input(), at = input ? -1 : links.indexOf(ev.target);
    var next = at + (ev.key === "ArrowDown" ? 1 : -1);
    ev.preventDefault();
    ev.stopImmediatePropagation();
    if (next < 0) { if (box) { box.focus(); } } else { links[Math.min(next, links.length - 1)].focus(); }
  }, true);

  window.thSearch = search;  // for the evaluation script and the browser tests
  window.thSearchParts = { snippet: snippet, clusters: clusters, pieces: pieces };  // for the browser tests
})();
