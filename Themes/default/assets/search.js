// gongkai search: finds every project whose text contains each term of the query.
//
// The index (search/meta.json, search/shards/*.json, search/docs/*.json, search/facets/*.json)
// maps every one- and two-character string of each project's folded text to the projects that
// contain it. A query downloads only the shards of its own keys, intersects the posting lists,
// then downloads the candidates' documents and checks their text: no false positives.
// The folding and the shard hash must match Sources/GongkaiKit/Search/Fold.swift exactly.
(function () {
  "use strict";

  var form = document.getElementById("search-form");
  if (!form || !window.fetch || !window.URLSearchParams) { return; }
  var input = document.getElementById("search-q");
  var selects = {
    department: document.getElementById("search-department"),
    year: document.getElementById("search-year"),
    kind: document.getElementById("search-kind")
  };
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var moreWrap = document.getElementById("search-more-wrap");
  var more = document.getElementById("search-more");
  var siteRoot = "../";
  var PAGE = 20;
  var FIRST_ROUND_CHUNKS = 1;
  var CHUNKS_PER_ROUND = 6;
  var baseTitle = document.title;

  // ---- Folding (same as SearchFold in Swift) ----
  function foldCode(cp) {
    var c = cp;
    if (c >= 0xFF01 && c <= 0xFF5E) { c -= 0xFEE0; } else if (c === 0x3000) { c = 0x20; }
    if (c >= 0x41 && c <= 0x5A) { c += 32; }
    if (c === 0x2267) { c = 0x2265; } else if (c === 0x2266) { c = 0x2264; }
    return c;
  }

  // Folded code points of s, with the UTF-16 offset in s of each one.
  function foldWithMap(s) {
    var codes = [], map = [];
    for (var i = 0; i < s.length;) {
      var cp = s.codePointAt(i);
      var width = cp > 0xFFFF ? 2 : 1;
      var c = foldCode(cp);
      var last = codes.length ? codes[codes.length - 1] : -1;
      if (c === 0x3D && (last === 0x3E || last === 0x3C)) {
        codes[codes.length - 1] = last === 0x3E ? 0x2265 : 0x2264;
      } else {
        codes.push(c);
        map.push(i);
      }
      i += width;
    }
    return { codes: codes, map: map };
  }

  function codesToString(codes) {
    var out = "";
    for (var i = 0; i < codes.length; i += 4096) {
      out += String.fromCodePoint.apply(null, codes.slice(i, i + 4096));
    }
    return out;
  }

  function isSpace(c) { return c === 0x20 || c === 0x09 || c === 0x0A || c === 0x0D || c === 0xA0; }

  function hash(a, b) {
    var h = 2166136261;
    h ^= a;
    h = Math.imul(h, 16777619) >>> 0;
    if (b !== undefined) {
      h ^= b;
      h = Math.imul(h, 16777619) >>> 0;
    }
    return h >>> 0;
  }

  // Query → terms (folded code point arrays), split on whitespace.
  function terms(query) {
    var codes = foldWithMap(query).codes, out = [], current = [];
    for (var i = 0; i <= codes.length; i++) {
      if (i === codes.length || isSpace(codes[i])) {
        if (current.length) { out.push(current); }
        current = [];
      } else {
        current.push(codes[i]);
      }
    }
    return out;
  }

  // ---- Loading index files (each at most once) ----
  var cache = {};
  function load(path) {
    if (!cache[path]) {
      cache[path] = fetch(path, { credentials: "same-origin" }).then(function (r) {
        if (!r.ok) { throw new Error(path + ": " + r.status); }
        return r.json();
      });
    }
    return cache[path];
  }

  // ---- Posting lists ----
  function decodeBase64(text) {
    var bin = atob(text), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
    return bytes;
  }

  function decodePostings(text) {
    var kind = text.charAt(0), bytes = decodeBase64(text.slice(1)), ids = [];
    if (kind === "b") {
      for (var i = 0; i < bytes.length; i++) {
        var byte = bytes[i];
        if (!byte) { continue; }
        for (var bit = 0; bit < 8; bit++) { if (byte & (1 << bit)) { ids.push(i * 8 + bit); } }
      }
      return ids;
    }
    var previous = -1, value = 0, shift = 0;
    for (var j = 0; j < bytes.length; j++) {
      value += (bytes[j] & 0x7F) * Math.pow(2, shift);
      if (bytes[j] & 0x80) { shift += 7; continue; }
      previous += value;
      ids.push(previous);
      value = 0;
      shift = 0;
    }
    return ids;
  }

  function intersect(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; } else if (a[i] < b[j]) { i++; } else { j++; }
    }
    return out;
  }

  // The keys of a term: the character itself, or its overlapping pairs.
  function keysOf(term) {
    if (term.length === 1) { return [[term[0]]]; }
    var keys = [], seen = {};
    for (var i = 0; i + 1 < term.length; i++) {
      var k = term[i] + "," + term[i + 1];
      if (!seen[k]) { seen[k] = true; keys.push([term[i], term[i + 1]]); }
    }
    return keys;
  }

  function candidates(meta, queryTerms, filters) {
    var keys = [];
    queryTerms.forEach(function (t) { keys = keys.concat(keysOf(t)); });
    var shardOf = function (key) { return hash(key[0], key[1]) % meta.shards; };
    var shardIds = {};
    keys.forEach(function (k) { shardIds[shardOf(k)] = true; });
    var loads = Object.keys(shardIds).map(function (s) { return load("shards/" + s + ".json"); });
    var facetLoads = Object.keys(filters).map(function (name) { return load("facets/" + name + ".json"); });
    return Promise.all([Promise.all(loads), Promise.all(facetLoads)]).then(function () {
      var lists = keys.map(function (k) {
        return load("shards/" + shardOf(k) + ".json").then(function (shard) {
          var postings = shard[String.fromCodePoint.apply(null, k)];
          return postings ? decodePostings(postings) : [];
        });
      });
      var facetLists = Object.keys(filters).map(function (name) {
        return load("facets/" + name + ".json").then(function (facet) {
          var key = name === "department" ? meta.departments.indexOf(filters[name]) : filters[name];
          var postings = facet[key];
          return postings ? decodePostings(postings) : [];
        });
      });
      return Promise.all(lists.concat(facetLists));
    }).then(function (all) {
      if (!all.length) {
        var everything = [];
        for (var i = 0; i < meta.documents; i++) { everything.push(i); }
        return everything;
      }
      all.sort(function (a, b) { return a.length - b.length; });
      return all.reduce(intersect);
    });
  }

  // ---- One search: candidates, then checked in pages ----
  var current = null;
  var generation = 0;

  function Search(meta, query, queryTerms, filters) {
    this.shown = 0;
    this.meta = meta;
    this.query = query;
    this.terms = queryTerms;
    this.termStrings = queryTerms.map(codesToString);
    this.filters = filters;
    this.candidates = [];
    this.checked = 0;
    this.results = [];
    // Postings are exact for one- and two-character terms: nothing to check.
    this.exact = queryTerms.every(function (t) { return t.length <= 2; });
  }

  // Checks the next candidates, at most `limit` document files at a time.
  Search.prototype.verifyMore = function (limit) {
    var self = this, chunks = [], seen = {}, upTo = this.checked;
    var needed = PAGE;
    while (upTo < this.candidates.length) {
      var chunk = Math.floor(this.candidates[upTo] / this.meta.chunk);
      if (!seen[chunk]) {
        if (chunks.length === limit) { break; }
        seen[chunk] = true;
        chunks.push(chunk);
      }
      upTo++;
      // Exact postings: every candidate is a result, so one page is enough.
      if (this.exact && upTo - this.checked >= needed) { break; }
    }
    var ids = this.candidates.slice(this.checked, upTo);
    return Promise.all(chunks.map(function (c) { return load("docs/" + c + ".json"); })).then(function () {
      return Promise.all(ids.map(function (id) {
        return load("docs/" + Math.floor(id / self.meta.chunk) + ".json").then(function (docs) {
          return { id: id, doc: docs[id % self.meta.chunk] };
        });
      }));
    }).then(function (docs) {
      docs.forEach(function (d) {
        var result = self.check(d.id, d.doc);
        if (result) { self.results.push(result); }
      });
      self.checked = upTo;
    });
  };

  // Shows the next page of results. Calls never overlap: one made while a page is still being
  // checked (a click on "显示更多结果" meanwhile) runs after it, so no candidate is checked twice.
  Search.prototype.showMore = function () {
    var self = this;
    more.disabled = true;
    list.setAttribute("aria-busy", "true");
    function ignore() {}
    this.pending = (this.pending || Promise.resolve()).then(ignore, ignore).then(function () { return self.showPage(); });
    var mine = this.pending;
    function enable() {
      if (self.pending === mine && current === self) {
        more.disabled = false;
        list.removeAttribute("aria-busy");
      }
    }
    mine.then(enable, enable);
    return mine;
  };

  // One page, round by round: the first round reads a single document file, so the first
  // results appear as soon as it is checked.
  Search.prototype.showPage = function () {
    var self = this, target = this.shown + PAGE, rounds = 0;
    function step() {
      if (current !== self) { return Promise.resolve(); }
      var before = self.results.length;
      var limit = self.shown === 0 && rounds === 0 ? FIRST_ROUND_CHUNKS : CHUNKS_PER_ROUND;
      rounds++;
      return self.verifyMore(limit).then(function () {
        if (current !== self) { return; }
        // This round's results, best first, after those already shown.
        var fresh = self.results.slice(before).sort(function (a, b) { return b.score - a.score || a.id - b.id; });
        self.results = self.results.slice(0, before).concat(fresh);
        appendResults(self, target);
        if (self.shown < target && !self.done() && rounds < 8) { return step(); }
      });
    }
    return step();
  };

  // A document is a result when its folded text contains every term.
  Search.prototype.check = function (id, doc) {
    var text = doc[5], folded = foldWithMap(text), haystack = codesToString(folded.codes);
    var first = -1, count = 0, nameHits = 0, name = codesToString(foldWithMap(doc[1]).codes);
    for (var i = 0; i < this.termStrings.length; i++) {
      var at = haystack.indexOf(this.termStrings[i]);
      if (at < 0) { return null; }
      if (first < 0 || at < first) { first = at; }
      for (var p = at; p >= 0; p = haystack.indexOf(this.termStrings[i], p + 1)) { count++; }
      if (name.indexOf(this.termStrings[i]) >= 0) { nameHits++; }
    }
    return { id: id, doc: doc, haystack: haystack, map: folded.map, first: first,
      score: (nameHits === this.termStrings.length ? 1000 : nameHits * 100) + Math.min(count, 50) };
  };

  Search.prototype.done = function () { return this.checked >= this.candidates.length; };

  // ---- Rendering ----
  function say(text) {
    status.textContent = "";
    var p = document.createElement("p");
    p.textContent = text;
    status.appendChild(p);
  }

  // Appends text to node with every occurrence of the terms marked.
  function appendMarked(node, text, termStrings) {
    var folded = foldWithMap(text), hay = codesToString(folded.codes);
    var marks = [];
    termStrings.forEach(function (t) {
      if (!t) { return; }
      for (var at = hay.indexOf(t); at >= 0; at = hay.indexOf(t, at + 1)) {
        var startCode = Array.from(hay.slice(0, at)).length, length = Array.from(t).length;
        var start = folded.map[startCode];
        var endCode = startCode + length;
        var end = endCode < folded.map.length ? folded.map[endCode] : text.length;
        marks.push([start, end]);
      }
    });
    marks.sort(function (a, b) { return a[0] - b[0]; });
    var position = 0;
    marks.forEach(function (m) {
      if (m[0] < position) { return; }
      if (m[0] > position) { node.appendChild(document.createTextNode(text.slice(position, m[0]))); }
      var mark = document.createElement("mark");
      mark.textContent = text.slice(m[0], m[1]);
      node.appendChild(mark);
      position = m[1];
    });
    if (position < text.length) { node.appendChild(document.createTextNode(text.slice(position))); }
  }

  // The first match after the name's own line, cut around it; null when only the name matches.
  function snippet(result, termStrings) {
    var text = result.doc[5], hay = result.haystack, nameEnd = hay.indexOf("\n");
    if (nameEnd < 0) { return null; }
    var first = -1;
    termStrings.forEach(function (t) {
      var at = hay.indexOf(t, nameEnd);
      if (at >= 0 && (first < 0 || at < first)) { first = at; }
    });
    if (first < 0) { return null; }
    var codePoints = Array.from(hay.slice(0, first)).length;
    var offset = codePoints < result.map.length ? result.map[codePoints] : 0;
    var lineStart = text.lastIndexOf("\n", offset - 1) + 1;
    var lineEnd = text.indexOf("\n", offset);
    if (lineEnd < 0) { lineEnd = text.length; }
    var start = Math.max(lineStart, offset - 40), end = Math.min(lineEnd, offset + 80);
    return (start > lineStart ? "…" : "") + text.slice(start, end) + (end < lineEnd ? "…" : "");
  }

  function resultItem(search, r) {
    var li = document.createElement("li");
    var h = document.createElement("h2");
    h.className = "result-title";
    var a = document.createElement("a");
    a.href = siteRoot + r.doc[0];
    appendMarked(a, r.doc[1], search.termStrings);
    h.appendChild(a);
    li.appendChild(h);
    var meta = document.createElement("p");
    meta.className = "meta";
    meta.textContent = r.doc[2] + " · " + r.doc[3] + "年 · 预算 " + (r.doc[4] || "—") + " 万元";
    li.appendChild(meta);
    var cut = search.termStrings.length ? snippet(r, search.termStrings) : null;
    if (cut) {
      var p = document.createElement("p");
      p.className = "snippet";
      appendMarked(p, cut, search.termStrings);
      li.appendChild(p);
    }
    return li;
  }

  // Adds the results found so far, up to `target`, below those already shown.
  function appendResults(search, target) {
    while (search.shown < search.results.length && search.shown < target) {
      list.appendChild(resultItem(search, search.results[search.shown]));
      search.shown++;
    }
    var describe = search.query ? "包含“" + search.query + "”的项目" : "项目";
    if (!search.results.length && search.done()) {
      say("没有找到" + describe + "。请换一个词，或减少筛选条件。");
    } else if (search.done()) {
      say("找到 " + search.results.length + " 个" + describe + (search.shown < search.results.length ? "，显示前 " + search.shown + " 个。" : "。"));
    } else if (search.exact) {
      say("找到 " + search.candidates.length + " 个" + describe + "，显示前 " + search.shown + " 个。");
    } else {
      say("已找到 " + search.results.length + " 个" + describe + "（还有 " + (search.candidates.length - search.checked) + " 个可能的结果待核对）。");
    }
    moreWrap.hidden = search.done() && search.shown >= search.results.length;
  }

  // ---- The form and the URL ----
  function readURL() {
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    Object.keys(selects).forEach(function (k) { if (selects[k]) { selects[k].value = params.get(k) || ""; } });
  }

  function run() {
    var query = input.value.trim();
    var filters = {};
    Object.keys(selects).forEach(function (k) { if (selects[k] && selects[k].value) { filters[k] = selects[k].value; } });
    list.textContent = "";
    list.removeAttribute("aria-busy");
    moreWrap.hidden = true;
    if (!query && !Object.keys(filters).length) {
      say("输入要找的词，多个词用空格分开：会找出同时包含每个词的项目。");
      document.title = baseTitle;
      return;
    }
    document.title = (query ? "“" + query + "”" : "筛选") + "的搜索结果 - " + baseTitle;
    say("正在搜索…");
    list.setAttribute("aria-busy", "true");
    var queryTerms = terms(query);
    var mine = ++generation;
    current = null;
    load("meta.json").then(function (meta) {
      var search = new Search(meta, query, queryTerms, filters);
      return candidates(meta, queryTerms, filters).then(function (ids) {
        search.candidates = ids;
        if (!queryTerms.length) { search.exact = true; }
        if (generation !== mine) { return; }
        current = search;
        return search.showMore();
      });
    }).catch(function (error) {
      if (generation !== mine) { return; }
      list.removeAttribute("aria-busy");
      say("搜索索引加载失败（" + error.message + "）。请稍后再试，或从首页按部门浏览。");
    });
  }

  function submit(event) {
    if (event) { event.preventDefault(); }
    var params = new URLSearchParams();
    if (input.value.trim()) { params.set("q", input.value.trim()); }
    Object.keys(selects).forEach(function (k) { if (selects[k] && selects[k].value) { params.set(k, selects[k].value); } });
    var url = location.pathname + (params.toString() ? "?" + params.toString() : "");
    if (url !== location.pathname + location.search) { history.pushState(null, "", url); }
    run();
  }

  form.addEventListener("submit", submit);
  Object.keys(selects).forEach(function (k) { if (selects[k]) { selects[k].addEventListener("change", function () { submit(); }); } });
  more.addEventListener("click", function () {
    var search = current;
    if (!search) { return; }
    search.showMore().catch(function (error) {
      if (current === search) { say("搜索索引加载失败（" + error.message + "）。请稍后再试。"); }
    });
  });
  window.addEventListener("popstate", function () { readURL(); run(); });

  // For tests: the folding and hashing the index was built with.
  window.gongkaiSearch = {
    fold: function (s) { return codesToString(foldWithMap(s).codes); },
    hash: hash
  };

  var fallback = document.getElementById("search-fallback");
  if (fallback) { fallback.parentNode.removeChild(fallback); }
  readURL();
  run();
})();
