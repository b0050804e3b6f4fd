/* The methods page's data explorer: filter the figure records by model, metric, confidence and
   source, search their text (Chinese too), sort by any column and open a row to its details. The
   filters and the sort live in the page address (?model=…&search=…&sort=value&order=desc), so a
   view can be shared and reloads to the same rows; #fig-<id> opens that record. (Not `q`: the
   theme opens its own search box when the address has one.)

   Sorting is tablesort's (the library Material's own docs use for sortable tables), served by the
   site itself. The rest is written by hand: the table is already in the page, complete (rendered
   at build time, so it works without JavaScript), and these few dozen lines only show, hide and
   open its rows; a list/filter library (List.js and the like) would rebuild the rows from its own
   copy of the data and bring features this page does not use. Loaded on the methods page only. */
(function () {
  "use strict";
  var root = document.querySelector(".o3-x");
  if (!root) return;
  var form = root.querySelector(".o3-x__filters");
  if (!window.Tablesort) { form.hidden = true; root.querySelector(".o3-x__hint--sort").hidden = true; return; }
  var table = root.querySelector("table");
  // The records come in row groups (several <tbody>, laid out one by one on phones); tablesort
  // sorts within each group, so a sort first gathers them all in the first group, then deals them
  // back out in the new order.
  var groups = [].slice.call(table.tBodies);
  var size = groups[0].querySelectorAll("tr.o3-x__row").length;
  var rows = [].slice.call(table.querySelectorAll("tbody tr.o3-x__row"));
  var count = root.querySelector(".o3-x__count");
  var none = root.querySelector(".o3-x__none");
  var FILTERS = ["model", "metric", "confidence", "source"];
  var ORDER = { ascending: "asc", descending: "desc" };
  var details = {};   // row id -> its details row
  var haystack = {};  // row id -> its text, normalised for search

  // NFKC folds full-width letters and digits (ｏ３ -> o3) so that they match what the page shows.
  function norm(text) { return (text || "").normalize("NFKC").toLowerCase(); }

  rows.forEach(function (row) {
    var d = document.getElementById(row.id + "-details");
    details[row.id] = d;
    var text = row.textContent;
    [].forEach.call(d.querySelectorAll("dd"), function (dd) { text += " " + dd.textContent; });
    haystack[row.id] = norm(text);
    row.querySelector(".o3-x__toggle").hidden = false;
    d.hidden = true;
  });
  root.classList.add("o3-x--js");

  function isOpen(row) { return row.classList.contains("o3-x__row--open"); }

  function setOpen(row, open) {
    row.classList.toggle("o3-x__row--open", open);
    row.querySelector(".o3-x__toggle").setAttribute("aria-expanded", open ? "true" : "false");
    details[row.id].hidden = !open || row.hidden;
  }

  function state() {
    var s = { search: form.elements.search.value };
    FILTERS.forEach(function (name) { s[name] = form.elements[name].value; });
    return s;
  }

  // a group none of whose records is shown takes no room
  function showGroups() {
    groups.forEach(function (g) { g.hidden = !g.querySelector("tr.o3-x__row:not([hidden])"); });
  }

  function apply() {
    var s = state();
    var words = norm(s.search).split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var match = FILTERS.every(function (name) { return !s[name] || row.getAttribute("data-" + name) === s[name]; })
        && words.every(function (w) { return haystack[row.id].indexOf(w) >= 0; });
      row.hidden = !match;
      details[row.id].hidden = !match || !isOpen(row);
      if (match) shown++;
    });
    showGroups();
    // A filtered view shows its row groups as they are: a group the browser has not laid out yet
    // would otherwise hold the height of all its records, shown or not.
    root.classList.toggle("o3-x--filtered", shown < rows.length);
    count.textContent = count.getAttribute("data-template").replace("{shown}", shown).replace("{total}", rows.length);
    none.hidden = shown > 0;
  }

  var sorted = null;  // {key, order} of the last sort, null for the page's own order

  function writeUrl() {
    var params = new URLSearchParams(window.location.search);
    var s = state();
    FILTERS.concat(["search"]).forEach(function (name) {
      if (s[name]) params.set(name, s[name]); else params.delete(name);
    });
    if (sorted) { params.set("sort", sorted.key); params.set("order", sorted.order); }
    else { params.delete("sort"); params.delete("order"); }
    var query = params.toString();
    history.replaceState(history.state, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
  }

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    FILTERS.forEach(function (name) {
      var select = form.elements[name], wanted = params.get(name) || "";
      // a value this page does not offer (an old link, a typo) means no filter, not an empty table
      select.value = [].some.call(select.options, function (o) { return o.value === wanted; }) ? wanted : "";
    });
    form.elements.search.value = params.get("search") || "";
    return { key: params.get("sort"), order: params.get("order") };
  }

  // tablesort moves each row of the first group; take the details rows out and gather the records
  // there first, then deal each record, its details row under it, back out to the groups.
  table.addEventListener("beforeSort", function () {
    rows.forEach(function (row) { var d = details[row.id]; if (d.parentNode) d.parentNode.removeChild(d); });
    [].slice.call(table.querySelectorAll("tbody tr.o3-x__row")).forEach(function (row) { groups[0].appendChild(row); });
  });
  table.addEventListener("afterSort", function () {
    [].slice.call(groups[0].querySelectorAll("tr.o3-x__row")).forEach(function (row, i) {
      var g = groups[Math.floor(i / size)];
      g.appendChild(row);
      g.appendChild(details[row.id]);
    });
    showGroups();
    var th = table.querySelector("thead th[aria-sort]");
    sorted = th ? { key: th.getAttribute("data-key"), order: ORDER[th.getAttribute("aria-sort")] } : null;
    writeUrl();
  });
  new window.Tablesort(table);

  form.addEventListener("input", function () { apply(); writeUrl(); });
  form.addEventListener("change", function () { apply(); writeUrl(); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  // "reset" fires before the fields are cleared
  form.addEventListener("reset", function () { window.setTimeout(function () { apply(); writeUrl(); }, 0); });

  table.addEventListener("click", function (event) {
    var row = event.target.closest("tr.o3-x__row");
    if (!row || event.target.closest("a")) return;  // links keep their own job
    if (!event.target.closest("button") && String(window.getSelection ? window.getSelection() : "")) return;  // selecting text
    setOpen(row, !isOpen(row));
  });

  function openTarget(scroll) {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var row = id ? document.getElementById(id) : null;
    if (!row) return;
    if (!row.classList.contains("o3-x__row")) {
      // A target below the table (the audit changelog, from every page's "Updated" link): the row
      // groups above it take their real heights as they are laid out, which moved it 13,000 px (desktop)
      // to 31,000 px (phone) away from where the browser had scrolled. Held in view as a record is.
      if (table.compareDocumentPosition(row) & Node.DOCUMENT_POSITION_FOLLOWING) {
        if (scroll) row.scrollIntoView({ block: "start" });
        keepInView(row);
      }
      return;
    }
    if (row.hidden) { form.reset(); FILTERS.forEach(function (n) { form.elements[n].value = ""; }); form.elements.search.value = ""; apply(); writeUrl(); }
    setOpen(row, true);
    if (scroll) row.scrollIntoView({ block: "start" });
    keepInView(row);
  }

  // On a phone the row groups are laid out only as they near the screen, each then taking its own
  // height in place of an estimate, which moves a record just scrolled to. Keep it at the top while
  // they settle: until the reader scrolls, taps or types, for a second and a half at most. One
  // record at a time: a new link lets go of the last one.
  var letGo = null;
  function keepInView(row) {
    if (letGo) letGo();
    if (!window.ResizeObserver) return;
    var events = ["wheel", "touchstart", "pointerdown", "keydown"];
    var observer = new ResizeObserver(function () { row.scrollIntoView({ block: "start" }); });
    var timer = window.setTimeout(stop, 1500);
    function stop() {
      observer.disconnect();
      window.clearTimeout(timer);
      events.forEach(function (t) { window.removeEventListener(t, stop, true); });
      letGo = null;
    }
    events.forEach(function (t) { window.addEventListener(t, stop, { capture: true, passive: true }); });
    observer.observe(table);
    letGo = stop;
  }
  window.addEventListener("hashchange", function () { openTarget(false); });

  var wanted = readUrl();
  if (wanted.key) {
    var th = table.querySelector('thead th[data-key="' + wanted.key.replace(/[^a-z]/g, "") + '"]');
    if (th) { th.click(); if (wanted.order === "desc") th.click(); }
  }
  apply();
  openTarget(true);
})();
