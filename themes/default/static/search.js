// afterword's search page. Reads the index the build wrote under <base>/search/ (format 1,
// described in docs/search.md): a manifest, term shards fetched by prefix, document chunks,
// facet lists, and each result's own index.json for its excerpt. The rest of the site needs
// no JavaScript; without it this page shows a notice (<noscript>) and the form stays hidden.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form || !window.fetch || !window.URLSearchParams) return;
  var base = form.getAttribute("data-base") || "/";
  // The page's messages, in the site's language (search.html, from its catalogue).
  var lang = form.getAttribute("data-lang") || "en";
  // data-msg-* on the form: text, or (plural forms) a JSON object by plural category.
  var msgs = {
    searching: form.getAttribute("data-msg-searching") || "",
    failed: form.getAttribute("data-msg-failed") || "",
    "in": form.getAttribute("data-msg-in") || "{heading}",
    timeline: form.getAttribute("data-msg-timeline") || ""
  };
  ["found", "found-for"].forEach(function (k) {
    try { msgs[k] = JSON.parse(form.getAttribute("data-msg-" + k)); } catch (e) { msgs[k] = {}; }
  });
  function msg(key, vars) {
    var text = msgs[key] || "";
    Object.keys(vars || {}).forEach(function (k) { text = text.split("{" + k + "}").join(vars[k]); });
    return text;
  }
  function plural(key, n, vars) {
    var forms = msgs[key] || {};
    var text = n === 0 && forms["0"] != null ? forms["0"] : forms[new Intl.PluralRules(lang).select(n)] || forms.other || "";
    vars = vars || {};
    vars.count = n.toLocaleString(lang);
    Object.keys(vars).forEach(function (k) { text = text.split("{" + k + "}").join(vars[k]); });
    return text;
  }
  var input = document.getElementById("search-q");
  var section = document.querySelector(".search-results");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-list");
  var more = document.getElementById("search-more");
  var PAGE = 10;
  var cache = {};
  var results = [];
  var shown = 0;
  var seq = 0;
  var words = [];

  form.hidden = false;

  function get(path) {
    if (!cache[path]) {
      cache[path] = fetch(base + path).then(function (r) {
        if (!r.ok) throw new Error(path + ": HTTP " + r.status);
        return r.json();
      });
    }
    return cache[path];
  }

  var manifest = get("search/index.json").then(function (m) {
    if (m.version !== 1) throw new Error("index format " + m.version + " is not 1");
    return m;
  });

  // The index's word rule (src/render/search.rs): runs of letters and digits, lower-cased, 2 to
  // 32 characters, not numbers of one or two digits; a run of kana and CJK ideographs (the same
  // ranges as `is_cjk`) as its overlapping pairs of characters. A single CJK character is
  // looked up as the start of the pairs beginning with it.
  var CJK = /([\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\u{20000}-\u{2fa1f}]+)/u;
  function split(q) {
    var out = [];
    (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) || []).forEach(function (run) {
      run.split(CJK).forEach(function (part, i) {
        var cs = Array.from(part), n = cs.length;
        if (i % 2 === 1) {
          if (n === 1) out.push(part);
          for (var k = 0; k + 1 < n; k++) out.push(cs[k] + cs[k + 1]);
        } else if (n >= 2 && n <= 32 && !(n < 3 && /^[0-9]+$/.test(part))) {
          out.push(part);
        }
      });
    });
    return out;
  }

  function hex(s) {
    if (!s) return "_";
    return Array.from(new TextEncoder().encode(s)).map(function (b) {
      return b.toString(16).padStart(2, "0");
    }).join("");
  }

  // Doc id → score for the terms starting with `w` (a word typed in full matches more).
  function lookup(m, w) {
    var shards = m.shards.filter(function (s) { return w.startsWith(s) || s.startsWith(w); });
    return Promise.all(shards.map(function (s) { return get("search/t/" + hex(s) + ".json"); })).then(function (parts) {
      var scores = new Map();
      parts.forEach(function (terms) {
        Object.keys(terms).forEach(function (t) {
          if (!t.startsWith(w)) return;
          var exact = t === w ? 2 : 1;
          var p = terms[t], doc = 0;
          for (var k = 0; k < p.length; k += 2) {
            doc += p[k];
            var s = p[k + 1] * exact;
            if (!(scores.get(doc) >= s)) scores.set(doc, s);
          }
        });
      });
      return scores;
    });
  }

  function facetDocs(m, id, values) {
    return get("search/f/" + id + ".json").then(function (f) {
      var set = new Set();
      values.forEach(function (v) {
        var doc = 0;
        (f[v] || []).forEach(function (d) { doc += d; set.add(doc); });
      });
      return set;
    });
  }

  function picked() {
    var out = {};
    form.querySelectorAll("fieldset[data-facet]").forEach(function (fs) {
      var vs = [];
      fs.querySelectorAll("input:checked").forEach(function (c) { vs.push(c.value); });
      if (vs.length) out[fs.getAttribute("data-facet")] = vs;
    });
    return out;
  }

  function search(m, q, facets) {
    var ws = split(q);
    words = split(q);
    var ids = Object.keys(facets);
    return Promise.all([
      Promise.all(ws.map(function (w) { return lookup(m, w); })),
      Promise.all(ids.map(function (id) { return facetDocs(m, id, facets[id]); })),
    ]).then(function (r) {
      var scored = r[0], sets = r[1];
      var docs = [];
      if (scored.length) {
        // Every word must match; the score is the sum.
        scored[0].forEach(function (s, d) {
          var total = s;
          for (var k = 1; k < scored.length; k++) {
            var o = scored[k].get(d);
            if (o === undefined) return;
            total += o;
          }
          docs.push([d, total]);
        });
      } else if (sets.length || split(q).length) {
        if (!sets.length) return [];
        for (var d = 0; d < m.docs; d++) docs.push([d, 0]);
      }
      docs = docs.filter(function (x) { return sets.every(function (s) { return s.has(x[0]); }); });
      // Best first; among equals the newer (a lower id is a newer incident).
      docs.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
      return docs.map(function (x) { return x[0]; });
    });
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  // The excerpt: the first passage of the postmortem, a timeline update or the summary that
  // holds a searched word, with the words marked, and the heading above it to link to.
  function excerpt(doc) {
    var parts = [];
    var html = new DOMParser().parseFromString(doc.postmortem_html || "", "text/html");
    var heading = null;
    html.body.querySelectorAll("h1,h2,h3,h4,h5,h6,p,li,td,th,pre").forEach(function (n) {
      if (/^H[1-6]$/.test(n.tagName)) { heading = n.id ? { id: n.id, title: n.textContent.replace(/#$/, "").trim() } : heading; return; }
      parts.push({ text: n.textContent, heading: heading });
    });
    (doc.timeline || []).forEach(function (e) {
      var t = new DOMParser().parseFromString(e.message_html || "", "text/html").body.textContent;
      parts.push({ text: t, heading: { id: "timeline", title: msg("timeline") } });
    });
    parts.unshift({ text: doc.summary || "", heading: null });
    var hit = null;
    for (var k = 0; k < parts.length && !hit; k++) {
      var lower = parts[k].text.toLowerCase();
      for (var j = 0; j < words.length; j++) {
        var at = lower.search(new RegExp("(^|[^\\p{L}\\p{N}])" + words[j].replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "u"));
        if (at >= 0) { hit = { part: parts[k], at: at }; break; }
      }
    }
    if (!hit) hit = { part: parts[0], at: 0 };
    var text = hit.part.text.replace(/\s+/g, " ");
    // About 80 characters before the word and 220 in all, cut at spaces.
    var from = Math.max(0, hit.at - 80);
    if (from > 0) { var sp = text.indexOf(" ", from); from = sp >= 0 && sp < hit.at ? sp + 1 : from; }
    var to = Math.min(text.length, from + 220);
    if (to < text.length) { var end = text.lastIndexOf(" ", to); to = end > hit.at ? end : to; }
    var snippet = (from > 0 ? "… " : "") + text.slice(from, to).trim() + (to < text.length ? " …" : "");
    return { text: snippet, heading: hit.part.heading };
  }

  function marked(text) {
    var p = el("p", "search-excerpt");
    if (!words.length) { p.textContent = text; return p; }
    var re = new RegExp("(" + words.map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }).join("|") + ")[\\p{L}\\p{N}]*", "giu");
    var last = 0, m;
    while ((m = re.exec(text))) {
      p.appendChild(document.createTextNode(text.slice(last, m.index)));
      p.appendChild(el("mark", null, m[0]));
      last = m.index + m[0].length;
    }
    p.appendChild(document.createTextNode(text.slice(last)));
    return p;
  }

  function row(m, id) {
    var chunk = Math.floor(id / m.chunk);
    return get("search/d/" + chunk + ".json").then(function (rows) {
      var r = rows[id - chunk * m.chunk];
      var path = r[0];
      var rel = path.indexOf(base) === 0 ? path.slice(base.length) : path;
      return get(rel + "index.json").catch(function () { return {}; }).then(function (doc) {
        var li = el("li", "search-result");
        var h = el("h3", "search-title");
        var a = el("a", null, r[1]);
        a.href = path;
        h.appendChild(a);
        li.appendChild(h);
        var meta = el("p", "search-meta");
        meta.appendChild(el("span", "search-severity", r[4]));
        var t = el("time", null, r[2]);
        t.setAttribute("datetime", r[3]);
        meta.appendChild(t);
        meta.appendChild(el("span", "search-state", r[5]));
        li.appendChild(meta);
        var ex = excerpt(doc);
        li.appendChild(marked(ex.text));
        if (ex.heading) {
          var p = el("p", "search-where");
          // "In {heading}": the text around the link comes from the message.
          var parts = msg("in").split("{heading}");
          p.appendChild(document.createTextNode(parts[0] || ""));
          var sa = el("a", null, ex.heading.title);
          sa.href = path + "#" + ex.heading.id;
          p.appendChild(sa);
          if (parts[1]) p.appendChild(document.createTextNode(parts[1]));
          li.appendChild(p);
        }
        return li;
      });
    });
  }

  function showMore(mine) {
    return manifest.then(function (m) {
      var next = results.slice(shown, shown + PAGE);
      shown += next.length;
      return Promise.all(next.map(function (id) { return row(m, id); })).then(function (lis) {
        if (mine !== seq) return;
        lis.forEach(function (li) { list.appendChild(li); });
        more.hidden = shown >= results.length;
      });
    });
  }

  function run(push) {
    var mine = ++seq;
    var q = input.value.trim();
    var f = picked();
    if (push) {
      var params = new URLSearchParams();
      if (q) params.set("q", q);
      Object.keys(f).forEach(function (k) { f[k].forEach(function (v) { params.append(k, v); }); });
      var s = params.toString();
      history.replaceState(null, "", s ? "?" + s : location.pathname);
    }
    if (!q && !Object.keys(f).length) { section.hidden = true; return Promise.resolve(); }
    section.hidden = false;
    status.textContent = msg("searching");
    return manifest.then(function (m) { return search(m, q, f); }).then(function (ids) {
      if (mine !== seq) return;
      results = ids;
      shown = 0;
      list.textContent = "";
      var n = ids.length;
      // Announced once the first results are on the page.
      return showMore(mine).then(function () {
        if (mine !== seq) return;
        status.textContent = q ? plural("found-for", n, { query: q }) : plural("found", n);
      });
    }).catch(function (e) {
      if (mine === seq) status.textContent = msg("failed", { error: e.message });
    });
  }

  var params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  form.querySelectorAll("input[type=checkbox]").forEach(function (c) {
    c.checked = params.getAll(c.name).indexOf(c.value) >= 0;
  });
  var filtersBox = document.getElementById("search-filters");
  if (filtersBox && form.querySelector("input[type=checkbox]:checked")) filtersBox.open = true;
  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { run(true); }, 200);
  });
  form.addEventListener("change", function (e) {
    if (e.target && e.target.type === "checkbox") run(true);
  });
  form.addEventListener("submit", function (e) { e.preventDefault(); run(true); });
  more.addEventListener("click", function () { showMore(seq); });
  run(false);
})();
