/* Site search in the browser: lunr.js + lunr-languages (Swedish) over the index built by
 * plugins/search. The query rules are the same as plugins/search/swedish.py (query_clauses);
 * tests run both over the same queries. Nothing is inserted as HTML: all text goes in as text. */
(function () {
  "use strict";

  var root = document.getElementById("sok");
  if (!root || !window.lunr || !window.lunr.sv) return;
  performance.mark("sok:skript"); /* the marks let tests and benchmarks see where time goes */

  var MAX_QUERY_WORDS = 12, MAX_WORD_CHARS = 60, MIN_PREFIX_CHARS = 3, MAX_SHOWN = 50;
  var WORD = "0-9" + lunr.sv.wordCharacters;
  var LEADING = new RegExp("^[^" + WORD + "]+"), TRAILING = new RegExp("[^" + WORD + "]+$");
  var SPLIT_WORDS = new RegExp("([^" + WORD + "]+)");
  var form = document.getElementById("sok-formular");
  var input = document.getElementById("sok-fraga");
  var status = document.getElementById("sok-status");
  var list = document.getElementById("sok-resultat");
  var siteUrl = root.getAttribute("data-siteurl");
  var excerptUrls = JSON.parse(root.getAttribute("data-excerpts") || "[]");
  var chunkSize = Number(root.getAttribute("data-excerpt-chunk")) || 100;
  /* quick: titles, topics and tags, loaded first; full: every field, loaded right after. */
  var quick = null, full = null, store = null, firstShown = false, timer = null;
  var excerpts = {}, chunksAsked = {};

  function trim(word) { return word.replace(LEADING, "").replace(TRAILING, ""); }
  function fold(word) { return word.normalize("NFD").replace(/\p{M}/gu, ""); }
  var stems = new Map(); /* highlighting stems the same words again and again */
  function stem(word) {
    var known = stems.get(word);
    if (known === undefined) {
      known = lunr.sv.stemmer(new lunr.Token(word)).toString();
      stems.set(word, known);
    }
    return known;
  }
  function isStopWord(word) { return lunr.sv.stopWordFilter(new lunr.Token(word)) === undefined; }

  lunr.Pipeline.registerFunction(function (token) { return token.update(fold); }, "fold-sv");

  function clauses(text) {
    var words = text.toLowerCase().split(/[\s\-]+/)
      .map(function (w) { return trim(w).slice(0, MAX_WORD_CHARS); })
      .filter(function (w) { return w.length > 0; })
      .slice(0, MAX_QUERY_WORDS);
    var out = [];
    words.forEach(function (word, position) {
      var last = position === words.length - 1;
      if (last && word.length >= MIN_PREFIX_CHARS) out.push({ term: fold(stem(word)), prefix: true });
      else if (!isStopWord(word) || (last && out.length === 0)) out.push({ term: word, prefix: false });
    });
    return out;
  }

  function search(text) {
    var wanted = clauses(text);
    if (!wanted.length) return { clauses: wanted, results: [] };
    var results = (full || quick).query(function (query) {
      wanted.forEach(function (c) {
        query.term(c.term, {
          usePipeline: !c.prefix,
          wildcard: c.prefix ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE,
          presence: lunr.Query.presence.REQUIRED
        });
      });
    });
    return { clauses: wanted, results: results };
  }

  function matches(word, wanted) {
    var key = trim(word.toLowerCase());
    if (!key) return false;
    key = fold(stem(key));
    return wanted.some(function (c) {
      return c.prefix ? key.indexOf(c.term) === 0 : key === fold(stem(c.term));
    });
  }

  /* Text with the matched words in <mark>, built as DOM nodes (never as HTML). */
  function highlighted(parent, text, wanted) {
    text.split(SPLIT_WORDS).forEach(function (part, i) {
      if (i % 2 === 0 && part && matches(part, wanted)) {
        var mark = document.createElement("mark");
        mark.textContent = part;
        parent.appendChild(mark);
      } else if (part) {
        parent.appendChild(document.createTextNode(part));
      }
    });
    return parent;
  }

  function element(name, className) {
    var node = document.createElement(name);
    if (className) node.className = className;
    return node;
  }

  function render(text) {
    var found = text.trim() ? search(text) : { clauses: [], results: [] };
    list.textContent = "";
    found.results.slice(0, MAX_SHOWN).forEach(function (result) {
      var doc = store[result.ref];
      if (!doc) return;
      var item = element("li", "search-result");
      var heading = element("h2", "article-title");
      var link = element("a");
      link.href = siteUrl + "/" + doc.url;
      highlighted(link, doc.title, found.clauses);
      heading.appendChild(link);
      item.appendChild(heading);
      var meta = element("p", "meta");
      var kind = element("span", "kind-label");
      kind.textContent = doc.kind.charAt(0).toUpperCase() + doc.kind.slice(1);
      meta.appendChild(kind);
      if (doc.date) {
        var time = element("time");
        time.dateTime = doc.date;
        time.textContent = doc.date_text;
        meta.appendChild(time);
      }
      if (doc.topics) {
        var topics = element("span");
        topics.textContent = "Tema: " + doc.topics.join(", ");
        meta.appendChild(topics);
      }
      item.appendChild(meta);
      var excerpt = element("p", "summary");
      excerpt.setAttribute("data-ref", result.ref);
      if (excerpts[result.ref] !== undefined) highlighted(excerpt, excerpts[result.ref], found.clauses);
      item.appendChild(excerpt);
      list.appendChild(item);
    });
    fillExcerpts(found.results.slice(0, MAX_SHOWN).map(function (r) { return r.ref; }), found.clauses);
    var n = found.results.length, quoted = "\u201d" + text.trim() + "\u201d";
    var more = full ? "" : " Söker vidare i texterna …";
    if (!text.trim()) status.textContent = "Skriv ett eller flera ord att söka efter.";
    else if (n === 0) status.textContent = "Inga träffar för " + quoted + "." + (full ? " Prova ett annat ord, eller bläddra bland teman och etiketter." : more);
    else status.textContent = n + (n === 1 ? " träff" : " träffar") + " för " + quoted +
      (n > MAX_SHOWN ? ", de " + MAX_SHOWN + " bästa visas." : ".") + more;
    root.setAttribute("data-results", String(n));
    if (!firstShown && text.trim()) {
      firstShown = true;
      performance.mark("sok:forsta-resultat");
    }
  }

  /* Excerpts come in chunks of documents; fetch the ones the shown results need, then fill in. */
  function fillExcerpts(refs, wanted) {
    var needed = {};
    refs.forEach(function (ref) {
      if (excerpts[ref] === undefined) needed[Math.floor(Number(ref.slice(1)) / chunkSize)] = true;
    });
    Object.keys(needed).forEach(function (chunk) {
      if (chunksAsked[chunk] || !excerptUrls[chunk]) return;
      chunksAsked[chunk] = true;
      fetchJson(excerptUrls[chunk]).then(function (loaded) {
        Object.keys(loaded).forEach(function (ref) { excerpts[ref] = loaded[ref]; });
        list.querySelectorAll("p.summary[data-ref]").forEach(function (p) {
          var ref = p.getAttribute("data-ref");
          if (!p.firstChild && excerpts[ref] !== undefined) highlighted(p, excerpts[ref], clauses(input.value));
        });
      }).catch(function () { chunksAsked[chunk] = false; });
    });
  }

  function queryFromUrl() { return new URLSearchParams(window.location.search).get("q") || ""; }

  function urlFor(text) {
    var params = new URLSearchParams(window.location.search);
    if (text) params.set("q", text); else params.delete("q");
    var search = params.toString();
    return window.location.pathname + (search ? "?" + search : "");
  }

  function start() {
    input.value = queryFromUrl();
    render(input.value);
    root.classList.add("sok-snabb");
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        history.replaceState(null, "", urlFor(input.value));
        render(input.value);
      }, 120);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      window.clearTimeout(timer);
      if (input.value !== queryFromUrl()) history.pushState(null, "", urlFor(input.value));
      render(input.value);
    });
    window.addEventListener("popstate", function () {
      input.value = queryFromUrl();
      render(input.value);
    });
  }

  function fetchJson(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.json();
    });
  }

  Promise.all([fetchJson(root.getAttribute("data-quick")), fetchJson(root.getAttribute("data-store"))])
    .then(function (loaded) {
      performance.mark("sok:data");
      quick = lunr.Index.load(loaded[0]);
      store = loaded[1];
      start();
      return fetchJson(root.getAttribute("data-index"));
    })
    .then(function (loaded) {
      full = lunr.Index.load(loaded);
      performance.mark("sok:index");
      render(input.value);
      root.classList.add("sok-klar");
      performance.mark("sok:alla-resultat");
    })
    .catch(function () {
      status.textContent = quick
        ? "Sökningen i texterna kunde inte laddas; träffarna gäller bara rubriker, teman och etiketter."
        : "Sökningen kunde inte laddas. Försök igen senare, eller bläddra bland teman, etiketter och arkivet.";
      root.classList.add(quick ? "sok-klar" : "sok-fel");
    });

  /* For tests and benchmarks: the same search as the page, without the page. */
  window.enklareSok = { clauses: clauses, search: function (text) { return search(text).results.map(function (r) { return r.ref; }); } };
})();
