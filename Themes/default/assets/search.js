// gongkai search: every project whose page shows each term of the query, ranked, counted and
// summed, with the found set as CSV. No library, no network beyond this site's own files.
//
// The index (docs/search.md): search/meta.json; search/shards/N.bin, posting lists by key (one,
// two or three normalised characters, shard = FNV-1a of the key mod shards); search/records/N.json,
// what a result shows; search/texts/N.json, each project's cells, for snippets; search/amounts.bin,
// every amount in fen; search/facets/*.json, the filters. Document ids follow the amounts, largest
// first. A one- or two-character term is a key; a longer one is decided from the positions of its
// three-character pieces, so documents are fetched for what results show, never to filter them.
// The folding, whitespace and hash must match Sources/GongkaiKit/Search/Fold.swift exactly.
(function () {
  "use strict";

  var form = document.getElementById("search-form");
  if (!form || !window.fetch || !window.URLSearchParams || !window.Map || !window.Set || !window.Uint8Array) { return; }
  var input = document.getElementById("search-q");
  var selects = {
    department: document.getElementById("search-department"),
    year: document.getElementById("search-year"),
    kind: document.getElementById("search-kind"),
    sort: document.getElementById("search-sort")
  };
  var status = document.getElementById("search-status");
  var summary = document.getElementById("search-summary") ||
    status.parentNode.insertBefore(document.createElement("div"), status.nextSibling);
  var list = document.getElementById("search-results");
  var moreWrap = document.getElementById("search-more-wrap");
  var more = document.getElementById("search-more");
  var siteRoot = "../";
  var PAGE = 20;
  var BATCH = 6;  // shard files fetched at once; a query with no result stops after the batch that shows it
  var baseTitle = document.title;
  var hasBigInt = typeof BigInt === "function";
  // BigInt constants made by a call (a BigInt literal would stop older browsers parsing this file).
  var big = hasBigInt ? { zero: BigInt(0), one: BigInt(1), two: BigInt(2), seven: BigInt(7), million: BigInt(1000000) } : null;

  // ---- Folding and normalising (the same as SearchFold in Swift) ----
  function foldCode(cp) {
    var c = cp;
    if (c >= 0xFF01 && c <= 0xFF5E) { c -= 0xFEE0; } else if (c === 0x3000) { c = 0x20; }
    if (c >= 0x41 && c <= 0x5A) { c += 32; }
    if (c === 0x2267) { c = 0x2265; } else if (c === 0x2266) { c = 0x2264; }
    return c;
  }

  function isSpace(c) {
    if (c <= 0x20) { return c === 0x20 || c === 0 || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F); }
    if (c < 0x85) { return false; }
    return c === 0x85 || c === 0xA0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200B) || c === 0x2028 ||
      c === 0x2029 || c === 0x202F || c === 0x205F || c === 0x3000 || c === 0xFEFF;
  }

  // Folded code points of s (whitespace kept, >= made ≥), with the UTF-16 offset of each.
  function foldWithMap(s) {
    var codes = [], map = [];
    for (var i = 0; i < s.length;) {
      var cp = s.codePointAt(i), c = foldCode(cp), last = codes.length ? codes[codes.length - 1] : -1;
      if (c === 0x3D && (last === 0x3E || last === 0x3C)) {
        codes[codes.length - 1] = last === 0x3E ? 0x2265 : 0x2264;
      } else {
        codes.push(c);
        map.push(i);
      }
      i += cp > 0xFFFF ? 2 : 1;
    }
    return { codes: codes, map: map };
  }

  // A cell's text as the index holds it: folded, whitespace left out, then >= and <= as ≥ ≤.
  // With the UTF-16 offsets in s where each code point starts and ends.
  function normalizeWithMap(s) {
    var codes = [], starts = [], ends = [];
    for (var i = 0; i < s.length;) {
      var cp = s.codePointAt(i), width = cp > 0xFFFF ? 2 : 1, c = foldCode(cp);
      if (!isSpace(c)) {
        var n = codes.length;
        if (c === 0x3D && n && (codes[n - 1] === 0x3E || codes[n - 1] === 0x3C)) {
          codes[n - 1] = codes[n - 1] === 0x3E ? 0x2265 : 0x2264;
          ends[n - 1] = i + width;
        } else {
          // A comma between two digits is left out (`6,660,000` is `6660000`), as in Fold.swift.
          if (c >= 0x30 && c <= 0x39 && n >= 2 && codes[n - 1] === 0x2C && codes[n - 2] >= 0x30 && codes[n - 2] <= 0x39) {
            codes.pop(); starts.pop(); ends.pop();
          }
          codes.push(c);
          starts.push(i);
          ends.push(i + width);
        }
      }
      i += width;
    }
    return { codes: codes, starts: starts, ends: ends };
  }

  function normalize(s) { return normalizeWithMap(s).codes; }

  function codesToString(codes) {
    var out = "";
    for (var i = 0; i < codes.length; i += 4096) { out += String.fromCodePoint.apply(null, codes.slice(i, i + 4096)); }
    return out;
  }

  function hash(codes) {
    var h = 2166136261;
    for (var i = 0; i < codes.length; i++) {
      h ^= codes[i];
      h = Math.imul(h, 16777619) >>> 0;
    }
    return h >>> 0;
  }

  // The query's terms: split on whitespace, each normalised; at most meta.maxTerms terms and
  // meta.maxQuery characters in all (what is cut is said).
  function terms(query, meta) {
    var out = [], current = "", left = meta.maxQuery, cut = false;
    function flush() {
      var t = normalize(current);
      current = "";
      if (!t.length) { return; }
      if (out.length >= meta.maxTerms || left <= 0) { cut = true; return; }
      if (t.length > left) { cut = true; t = t.slice(0, left); }
      left -= t.length;
      out.push(t);
    }
    for (var i = 0; i < query.length;) {
      var cp = query.codePointAt(i), width = cp > 0xFFFF ? 2 : 1;
      if (isSpace(foldCode(cp))) { flush(); } else { current += query.slice(i, i + width); }
      i += width;
    }
    flush();
    return { terms: out, capped: cut };
  }

  // ---- Index files (each fetched at most once) ----
  var cache = {};
  function load(path, binary) {
    if (!cache[path]) {
      cache[path] = fetch(path, { credentials: "same-origin" }).then(function (r) {
        if (!r.ok) { throw new Error(path + ": " + r.status); }
        return binary ? r.arrayBuffer().then(function (b) { return new Uint8Array(b); }) : r.json();
      });
      cache[path].catch(function () { delete cache[path]; });
    }
    return cache[path];
  }

  // A varint reader over bytes: read() gives the next value (exact up to 2^53).
  function Reader(bytes, start, end) { this.b = bytes; this.i = start; this.end = end; }
  Reader.prototype.read = function () {
    var b = this.b[this.i++];
    if (b < 128) { return b; }
    var value = b & 127, scale = 128;
    do {
      b = this.b[this.i++];
      value += (b & 127) * scale;
      scale *= 128;
    } while (b >= 128 && this.i < this.end);
    return value;
  };

  // A shard file: its keys' lists as [start, end) in the bytes.
  var shards = {};
  function shard(meta, n) {
    if (!shards[n]) {
      shards[n] = load("shards/" + n + ".bin", true).then(function (bytes) {
        var r = new Reader(bytes, 0, bytes.length), count = r.read(), keys = [], sizes = [], lists = {};
        for (var k = 0; k < count; k++) {
          var len = r.read(), key = [];
          for (var j = 0; j < len; j++) { key.push(r.read()); }
          keys.push(key.join(","));
          sizes.push(r.read());
        }
        var at = r.i;
        for (k = 0; k < count; k++) { lists[keys[k]] = [at, at + sizes[k]]; at += sizes[k]; }
        return { bytes: bytes, lists: lists };
      });
      // A shard that failed to load is asked for again by the next search, not kept as failed.
      shards[n].catch(function () { delete shards[n]; });
    }
    return shards[n];
  }

  function shardOf(meta, codes) { return hash(codes) % meta.shards; }

  // The documents of a one- or two-character key: Map id → fields mask.
  function documentsOf(meta, s, key) {
    var out = new Map(), span = s.lists[key.join(",")];
    if (!span) { return out; }
    var bytes = s.bytes, format = bytes[span[0]];
    if (format === 1) {
      var fields = bytes[span[0] + 1], size = Math.ceil(meta.documents / 8), at = span[0] + 2;
      for (var f = 0; f < 4; f++) {
        if (!(fields & (1 << f))) { continue; }
        for (var i = 0; i < size; i++) {
          var byte = bytes[at + i];
          if (!byte) { continue; }
          for (var bit = 0; bit < 8; bit++) {
            if (byte & (1 << bit)) { var d = i * 8 + bit; out.set(d, (out.get(d) || 0) | (1 << f)); }
          }
        }
        at += size;
      }
      return out;
    }
    var r = new Reader(bytes, span[0] + 1, span[1]), doc = -1;
    while (r.i < span[1]) {
      var v = r.read();
      doc += Math.floor(v / 16);
      out.set(doc, v % 16);
    }
    return out;
  }

  // The occurrences of a three-character key: parallel arrays of document, position, field.
  function occurrencesOf(s, key) {
    var span = s.lists[key.join(",")], docs = [], positions = [], fields = [];
    if (span) {
      var r = new Reader(s.bytes, span[0] + 1, span[1]), doc = -1, position = 0;
      while (r.i < span[1]) {
        var v = r.read();
        if (v % 2 === 1) {
          doc += (v - 1) / 2;
          var w = r.read();
          position = Math.floor(w / 4);
          fields.push(w % 4);
        } else {
          position += Math.floor(v / 8);
          fields.push((v / 2) % 4);
        }
        docs.push(doc);
        positions.push(position);
      }
    }
    return { docs: docs, positions: positions, fields: fields };
  }

  // The keys a term is looked up by: itself when it has one or two characters, else its
  // three-character pieces at offsets 0, 3, 6, … and the last, which together cover it.
  function piecesOf(term) {
    if (term.length <= 2) { return [{ offset: 0, codes: term }]; }
    var out = [];
    for (var o = 0; o + 3 <= term.length; o += 3) { out.push({ offset: o, codes: term.slice(o, o + 3) }); }
    if (out[out.length - 1].offset !== term.length - 3) { out.push({ offset: term.length - 3, codes: term.slice(term.length - 3) }); }
    return out;
  }

  // The documents that contain a term, with the fields it occurs in (Map id → mask), from the
  // pieces loaded so far: with every piece exact, with some a superset (enough to stop when empty).
  function termDocuments(meta, term, pieces, loaded) {
    if (term.length <= 2) { return documentsOf(meta, loaded[shardOf(meta, term)], term); }
    var have = pieces.filter(function (p) { return loaded[shardOf(meta, p.codes)]; });
    var anchor = occurrencesOf(loaded[shardOf(meta, have[0].codes)], have[0].codes);
    var others = have.slice(1).map(function (p) {
      var o = occurrencesOf(loaded[shardOf(meta, p.codes)], p.codes), set = new Set();
      for (var i = 0; i < o.docs.length; i++) { set.add(o.docs[i] * 16777216 + o.positions[i]); }
      return { offset: p.offset - have[0].offset, set: set };
    });
    var out = new Map();
    for (var i = 0; i < anchor.docs.length; i++) {
      var base = anchor.docs[i] * 16777216 + anchor.positions[i], ok = true;
      for (var k = 0; k < others.length && ok; k++) { ok = others[k].set.has(base + others[k].offset); }
      if (ok) { out.set(anchor.docs[i], (out.get(anchor.docs[i]) || 0) | (1 << anchor.fields[i])); }
    }
    return out;
  }

  function decodeBase64(text) {
    var bin = atob(text), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
    return bytes;
  }

  // A filter's posting list (docs/search.md: "b" bitmap or "d" gaps, base64) as a Set of ids.
  function decodePostings(text) {
    var kind = text.charAt(0), bytes = decodeBase64(text.slice(1)), ids = new Set();
    if (kind === "b") {
      for (var i = 0; i < bytes.length; i++) {
        for (var bit = 0; bit < 8; bit++) { if (bytes[i] & (1 << bit)) { ids.add(i * 8 + bit); } }
      }
      return ids;
    }
    var r = new Reader(bytes, 0, bytes.length), previous = -1;
    while (r.i < bytes.length) { previous += r.read(); ids.add(previous); }
    return ids;
  }

  function facet(name) { return load("facets/" + name + ".json"); }

  // ---- One search: which documents, ranked ----
  // Resolves to { ids (ranked), best (id → best field of each term), none } .
  function evaluate(meta, queryTerms, filters, sort) {
    var pieces = queryTerms.map(piecesOf), needed = [], seen = {};
    pieces.forEach(function (ps) {
      ps.forEach(function (p) {
        var s = shardOf(meta, p.codes);
        if (!seen[s]) { seen[s] = true; needed.push(s); }
      });
    });
    var loaded = {};
    var filterNames = Object.keys(filters);
    var facets = Promise.all(filterNames.map(facet).concat(sort === "year" ? [facet("year")] : []));
    function complete(ps) { return ps.every(function (p) { return loaded[shardOf(meta, p.codes)]; }); }
    function someLoaded(ps) { return ps.some(function (p) { return loaded[shardOf(meta, p.codes)]; }); }
    // Batch after batch of shards; after each, every term that can be checked is, and an empty
    // intersection ends the search without the other batches.
    function next(at) {
      var batch = needed.slice(at, at + BATCH);
      return Promise.all(batch.map(function (n) { return shard(meta, n); })).then(function (files) {
        batch.forEach(function (n, k) { loaded[n] = files[k]; });
        var done = at + BATCH >= needed.length, sets = [];
        for (var t = 0; t < queryTerms.length; t++) {
          if (done ? !complete(pieces[t]) : !someLoaded(pieces[t]) || (queryTerms[t].length <= 2 && !complete(pieces[t]))) { continue; }
          var docs = termDocuments(meta, queryTerms[t], pieces[t], loaded);
          if (!docs.size) { return null; }
          sets.push(docs);
        }
        if (!done) {
          if (sets.length && !intersect(sets, null).size) { return null; }
          return next(at + BATCH);
        }
        return sets;
      });
    }
    var matching = queryTerms.length ? next(0) : Promise.resolve([]);
    return Promise.all([matching, facets]).then(function (both) {
      var sets = both[0], facetFiles = both[1];
      if (sets === null) { return { ids: [], best: new Map() }; }
      var allowed = null;
      filterNames.forEach(function (name, k) {
        var value = filters[name], postings = facetFiles[k][value], ids = postings ? decodePostings(postings) : new Set();
        allowed = allowed ? new Set(Array.from(ids).filter(function (id) { return allowed.has(id); })) : ids;
      });
      var masks = sets.length ? intersect(sets, allowed) : null, ids = [], best = new Map();
      if (masks) {
        masks.forEach(function (m, id) { ids.push(id); best.set(id, m.map(lowestBit)); });
      } else {
        for (var id = 0; id < meta.documents; id++) { if (!allowed || allowed.has(id)) { ids.push(id); } }
      }
      var years = null;
      if (sort === "year") {
        years = new Map();
        var yearFacet = facetFiles[facetFiles.length - 1];
        Object.keys(yearFacet).forEach(function (y) { decodePostings(yearFacet[y]).forEach(function (id) { years.set(id, +y); }); });
      }
      rank(ids, best, queryTerms, sort, years);
      return { ids: ids, best: best };
    });
  }

  // The documents in every set (and in `allowed`), each with its masks, one per set.
  function intersect(sets, allowed) {
    var smallest = sets.reduce(function (a, b) { return a.size <= b.size ? a : b; });
    var out = new Map();
    smallest.forEach(function (_, id) {
      if (allowed && !allowed.has(id)) { return; }
      var masks = [];
      for (var k = 0; k < sets.length; k++) {
        var m = sets[k].get(id);
        if (m === undefined) { return; }
        masks.push(m);
      }
      out.set(id, masks);
    });
    return out;
  }

  function lowestBit(mask) { for (var f = 0; f < 4; f++) { if (mask & (1 << f)) { return f; } } return 3; }

  // Relevance: the characters of the query found in the project's name, then in names of
  // department and indicators (or the name), then in the narrative (or before); then the id,
  // which is the amount, largest first. By amount: the id. By year: the newest year first.
  function rank(ids, best, queryTerms, sort, years) {
    var keys = new Map();
    ids.forEach(function (id) {
      var b = best.get(id), k = [0, 0, 0];
      if (b) {
        for (var t = 0; t < b.length; t++) {
          for (var f = 0; f < 3; f++) { if (b[t] <= f) { k[f] += queryTerms[t].length; } }
        }
      }
      keys.set(id, k);
    });
    ids.sort(function (a, b) {
      if (sort === "amount") { return a - b; }
      if (years) { var ya = years.get(a) || 0, yb = years.get(b) || 0; if (ya !== yb) { return yb - ya; } }
      var ka = keys.get(a), kb = keys.get(b);
      for (var f = 0; f < 3; f++) { if (ka[f] !== kb[f]) { return kb[f] - ka[f]; } }
      return a - b;
    });
  }

  // ---- Records, cells and amounts ----
  function record(meta, id) {
    return load("records/" + Math.floor(id / meta.records) + ".json").then(function (chunk) {
      var r = chunk[id % meta.records];
      return { id: id, path: r[0] || (r[2] + "/" + r[3] + "/" + r[1] + ".html"), name: r[1], department: r[2], year: r[3], amount: r[4] };
    });
  }

  function cellsOf(meta, id) {
    return load("texts/" + Math.floor(id / meta.texts) + ".json").then(function (chunk) { return chunk[id % meta.texts]; });
  }

  // Every amount in fen, by id (BigInt where the browser has it; else Numbers, exact to 2^53).
  var amounts = null;
  function loadAmounts() {
    if (!amounts) {
      amounts = load("amounts.bin", true).then(function (bytes) {
        var r = new Reader(bytes, 0, bytes.length), n = r.read(), out = [], previous = 0;
        for (var k = 0; k < n; k++) {
          var v = readBig(r);
          if (k === 0) {
            previous = hasBigInt ? (v % big.two === big.one ? -(v + big.one) / big.two : v / big.two) : (v % 2 === 1 ? -(v + 1) / 2 : v / 2);
          } else {
            previous = previous - v;
          }
          out.push(previous);
        }
        return out;
      });
      amounts.catch(function () { amounts = null; });
    }
    return amounts;
  }

  function readBig(r) {
    if (!hasBigInt) { return r.read(); }
    var value = big.zero, shift = big.zero, b;
    do {
      b = r.b[r.i++];
      value += BigInt(b & 127) << shift;
      shift += big.seven;
    } while (b >= 128);
    return value;
  }

  // fen → "1234.56" 万元 (at least two decimals, as the site writes amounts).
  function wan(fen) {
    var negative = hasBigInt ? fen < big.zero : fen < 0, abs = negative ? -fen : fen;
    var whole = hasBigInt ? abs / big.million : Math.floor(abs / 1000000), frac = String(abs % (hasBigInt ? big.million : 1000000));
    while (frac.length < 6) { frac = "0" + frac; }
    frac = frac.replace(/0+$/, "");
    while (frac.length < 2) { frac += "0"; }
    return (negative ? "-" : "") + String(whole) + "." + frac;
  }

  // ---- Rendering ----
  function say(text) {
    status.textContent = "";
    var p = document.createElement("p");
    p.textContent = text;
    status.appendChild(p);
  }

  // Appends text to node with each occurrence of the terms (whitespace inside it allowed) marked.
  // Where each term occurs in `text`: for each term, its [start, end) offsets in the text as
  // written, found in the text's normalised form and mapped back.
  function termRanges(text, terms) {
    var n = normalizeWithMap(text), hay = codesToString(n.codes);
    return terms.map(function (t) {
      var ranges = [], length = Array.from(t).length;
      for (var at = hay.indexOf(t); at >= 0; at = hay.indexOf(t, at + 1)) {
        var first = Array.from(hay.slice(0, at)).length;
        ranges.push([n.starts[first], n.ends[first + length - 1]]);
      }
      return ranges;
    });
  }

  function appendMarked(node, text, search) {
    var marks = [];
    termRanges(text, search.termStrings).forEach(function (ranges) { marks.push.apply(marks, ranges); });
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

  // The first cell of the result's best field (other than its name) that shows a term, cut
  // around the match; null when every term is in the name.
  function snippet(search, id, cells) {
    var best = search.best.get(id);
    if (!best || !cells) { return null; }
    var field = 4;
    best.forEach(function (f) { if (f > 0 && f < field) { field = f; } });
    if (field === 4) { return null; }
    var first = 4, k;
    for (k = 0; k < field; k++) { first += cells[k]; }
    for (k = first; k < first + cells[field]; k++) {
      var text = cells[k], ranges = termRanges(text, search.termStrings);
      for (var t = 0; t < ranges.length; t++) {
        if (!ranges[t].length || best[t] !== field) { continue; }
        var offset = ranges[t][0][0];
        var start = Math.max(0, offset - 40), end = Math.min(text.length, offset + 80);
        return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
      }
    }
    return null;
  }

  function href(path) { return siteRoot + encodeURI(path); }

  function resultItem(search, r) {
    var li = document.createElement("li");
    var h = document.createElement("h2");
    h.className = "result-title";
    var a = document.createElement("a");
    a.href = href(r.path);
    appendMarked(a, r.name, search);
    h.appendChild(a);
    li.appendChild(h);
    var meta = document.createElement("p");
    meta.className = "meta";
    // An amount whose unit no form states comes as `53.60（单位未注明）`: shown as it is, not as 万元.
    var amount = !r.amount ? "— 万元" : r.amount.indexOf("（") >= 0 ? r.amount : r.amount + " 万元";
    meta.textContent = r.department + " · " + r.year + "年 · 预算 " + amount;
    li.appendChild(meta);
    return li;
  }

  // Adds the result's snippet once its cells are loaded; the promise settles either way, so the
  // list can stay aria-busy until every result of the page is complete.
  function fillSnippet(search, li, id) {
    var best = search.best.get(id);
    if (!best || best.every(function (f) { return f === 0; })) { return Promise.resolve(); }
    return cellsOf(search.meta, id).then(function (cells) {
      var cut = current === search ? snippet(search, id, cells) : null;
      if (!cut) { return; }
      var p = document.createElement("p");
      p.className = "snippet";
      appendMarked(p, cut, search);
      li.appendChild(p);
    }).catch(function () {});
  }

  function Search(meta, query, queryTerms, capped, filters, sort) {
    this.meta = meta;
    this.query = query;
    this.terms = queryTerms;
    this.termStrings = queryTerms.map(codesToString);
    this.capped = capped;
    this.filters = filters;
    this.sort = sort;
    this.ids = [];
    this.best = new Map();
    this.shown = 0;
  }

  // Shows the next page of results (their records fetched first), below those shown.
  Search.prototype.showMore = function () {
    var self = this, ids = this.ids.slice(this.shown, this.shown + PAGE);
    more.disabled = true;
    list.setAttribute("aria-busy", "true");
    return Promise.all(ids.map(function (id) { return record(self.meta, id); })).then(function (records) {
      if (current !== self) { return; }
      var snippets = records.map(function (r) {
        var li = resultItem(self, r);
        list.appendChild(li);
        return fillSnippet(self, li, r.id);
      });
      self.shown += records.length;
      self.announce();
      return Promise.all(snippets).then(function () {
        if (current !== self) { return; }
        moreWrap.hidden = self.shown >= self.ids.length;
        more.disabled = false;
        list.removeAttribute("aria-busy");
      });
    });
  };

  Search.prototype.announce = function () {
    var describe = this.query ? "包含“" + this.query + "”的项目" : "项目";
    var cut = this.capped ? "查询太长，只按前 " + this.meta.maxQuery + " 个字（最多 " + this.meta.maxTerms + " 个词）搜索。" : "";
    if (!this.ids.length) {
      say(cut + "没有找到" + describe + "。请换一个词，或减少筛选条件。");
    } else {
      say(cut + "找到 " + this.ids.length + " 个" + describe + (this.shown < this.ids.length ? "，显示前 " + this.shown + " 个。" : "。"));
    }
  };

  // The count, the sum of the amounts and the CSV of the found set, below the status. The
  // amounts come in parallel with the first page, so the summary is aria-busy until it is shown
  // (or its amounts failed): a reader, or a test, that waits for it not to be busy sees it whole.
  Search.prototype.summarize = function () {
    var self = this;
    summary.textContent = "";
    summary.hidden = !this.ids.length;
    if (!this.ids.length) { summary.removeAttribute("aria-busy"); return; }
    summary.setAttribute("aria-busy", "true");
    loadAmounts().then(function (values) {
      if (current !== self) { return; }
      var sum = hasBigInt ? big.zero : 0, missing = 0;
      self.ids.forEach(function (id) { if (id < values.length) { sum += values[id]; } else { missing++; } });
      var p = document.createElement("p");
      p.textContent = self.ids.length + " 个项目预算合计 " + wan(sum) + " 万元" +
        (missing ? "（其中 " + missing + " 个项目没有金额或金额单位未注明，不计入）" : "") + "。";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "csv-button";
      button.textContent = "下载这 " + self.ids.length + " 个项目（CSV）";
      button.addEventListener("click", function () { downloadCSV(self, button); });
      p.appendChild(document.createTextNode(" "));
      p.appendChild(button);
      summary.appendChild(p);
    }).catch(function () {}).then(function () {
      if (current === self) { summary.removeAttribute("aria-busy"); }
    });
  };

  // ---- The found set as CSV, made here from the index's records ----
  // A cell a spreadsheet would run as a formula gets a leading apostrophe (OWASP); plain
  // numbers stay numbers.
  function csvCell(value) {
    var s = String(value);
    if (/^[=+\-@\t\r＝＋－＠]/.test(s) && !/^-?[0-9]+(\.[0-9]+)?$/.test(s)) { s = "'" + s; }
    return "\"" + s.replace(/"/g, "\"\"") + "\"";
  }

  function downloadCSV(search, button) {
    button.disabled = true;
    var label = button.textContent;
    button.textContent = "正在准备…";
    Promise.all(search.ids.map(function (id) { return record(search.meta, id); })).then(function (records) {
      var rows = [["项目名称", "主管部门", "年度", "预算（万元）", "页面"].map(csvCell).join(",")];
      records.forEach(function (r) {
        rows.push([r.name, r.department, r.year, r.amount, new URL(href(r.path), location.href).href].map(csvCell).join(","));
      });
      var blob = new Blob(["\uFEFF" + rows.join("\r\n") + "\r\n"], { type: "text/csv;charset=utf-8" });
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = "搜索结果" + (search.query ? "-" + search.query.replace(/[\\/:*?"<>|\s]+/g, "_").slice(0, 40) : "") + ".csv";
      document.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
      window.gongkaiSearch.lastCSV = rows.join("\r\n");
    }).catch(function (error) {
      say("下载失败（" + error.message + "）。请稍后再试。");
    }).then(function () {
      button.disabled = false;
      button.textContent = label;
    });
  }

  // ---- The form and the URL ----
  var current = null;
  var generation = 0;

  function readURL() {
    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    Object.keys(selects).forEach(function (k) { if (selects[k]) { selects[k].value = params.get(k) || ""; } });
  }

  function currentFilters() {
    var filters = {};
    ["department", "year", "kind"].forEach(function (k) { if (selects[k] && selects[k].value) { filters[k] = selects[k].value; } });
    return filters;
  }

  function run() {
    var query = input.value.trim(), filters = currentFilters(), sort = selects.sort ? selects.sort.value : "";
    list.textContent = "";
    list.removeAttribute("aria-busy");
    summary.textContent = "";
    summary.hidden = true;
    summary.removeAttribute("aria-busy");
    moreWrap.hidden = true;
    current = null;
    var mine = ++generation;
    if (!query && !Object.keys(filters).length) {
      say("输入要找的词，多个词用空格分开：会找出页面上同时出现每个词的项目。");
      document.title = baseTitle;
      return;
    }
    document.title = (query ? "“" + query + "”" : "筛选") + "的搜索结果 - " + baseTitle;
    say("正在搜索…");
    list.setAttribute("aria-busy", "true");
    load("meta.json").then(function (meta) {
      if (generation !== mine) { return; }
      var parsed = terms(query, meta), search = new Search(meta, query, parsed.terms, parsed.capped, filters, sort);
      if (query && !parsed.terms.length) {
        say("没有找到包含“" + query + "”的项目。");
        list.removeAttribute("aria-busy");
        return;
      }
      return evaluate(meta, parsed.terms, filters, sort || (query ? "" : "amount")).then(function (found) {
        if (generation !== mine) { return; }
        search.ids = found.ids;
        search.best = found.best;
        current = search;
        search.summarize();
        if (!search.ids.length) {
          search.announce();
          list.removeAttribute("aria-busy");
          return;
        }
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
    if (!search || more.disabled) { return; }
    search.showMore().catch(function (error) {
      if (current !== search) { return; }
      // The results shown stay; the button works again for another try.
      say("加载更多结果失败（" + error.message + "）。已显示的 " + search.shown + " 个结果不变，请再点“显示更多结果”。");
      more.disabled = false;
      list.removeAttribute("aria-busy");
    });
  });
  window.addEventListener("popstate", function () { readURL(); run(); });

  // For tests: the folding, normalising and hashing the index was built with, and a query
  // answered without the page (every result's path, ranked).
  window.gongkaiSearch = {
    fold: function (s) { return codesToString(foldWithMap(s).codes); },
    normalize: function (s) { return codesToString(normalize(s)); },
    hash: function (codes) { return hash(codes); },
    csvCell: csvCell,
    query: function (q, filters, sort) {
      return load("meta.json").then(function (meta) {
        var parsed = terms(q, meta);
        return evaluate(meta, parsed.terms, filters || {}, sort || "").then(function (found) {
          return Promise.all(found.ids.map(function (id) { return record(meta, id); })).then(function (records) {
            return { capped: parsed.capped, paths: records.map(function (r) { return r.path; }),
              best: found.ids.map(function (id) { return found.best.get(id) || []; }) };
          });
        });
      });
    }
  };

  var fallback = document.getElementById("search-fallback");
  if (fallback) { fallback.parentNode.removeChild(fallback); }
  readURL();
  run();
})();
