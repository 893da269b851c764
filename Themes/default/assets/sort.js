// Sorting tables by a column, as an enhancement: without JavaScript the table is complete,
// in its published order. Each sortable column header becomes a button; aria-sort says how
// the table is sorted.
(function () {
  "use strict";
  function cellValue(row, index, kind) {
    var cell = row.children[index];
    var text = cell ? (cell.getAttribute("data-value") || cell.textContent).trim() : "";
    if (kind === "amount" || kind === "number") {
      // Thousands separators and the minus sign (U+2212) of changes are read as numbers are.
      var n = parseFloat(text.replace(/,/g, "").replace(/\u2212/g, "-"));
      return isNaN(n) ? -Infinity : n;
    }
    return text;
  }
  function sortBy(table, header, index, kind) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var current = header.getAttribute("aria-sort");
    var descending = kind === "amount" ? current !== "descending" : current === "ascending";
    rows.sort(function (a, b) {
      var x = cellValue(a, index, kind), y = cellValue(b, index, kind);
      if (x === y) { return 0; }
      return (x < y ? -1 : 1) * (descending ? -1 : 1);
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", descending ? "descending" : "ascending");
  }
  Array.prototype.forEach.call(document.querySelectorAll("table[data-sortable]"), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      var kind = th.getAttribute("data-sort");
      if (!kind) { return; }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      button.textContent = th.textContent;
      button.setAttribute("aria-label", th.textContent + "：点击排序");
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, th, index, kind); });
    });
  });
})();
