// Names for the desk's inputs that Django's admin leaves unnamed to a screen reader: the cells
// of a tabular inline (named by their column and row), the date and time halves of a split
// date-time field, and the autocomplete boxes (select2 replaces the labelled select).
"use strict";
(function () {
  function labelText(label) {
    return label ? label.textContent.replace(/[:*]\s*$/, "").trim() : "";
  }

  function name(element, text) {
    if (text && !element.hasAttribute("aria-label") && !element.labels?.length) {
      element.setAttribute("aria-label", text);
    }
  }

  function labelInlineCells(root) {
    root.querySelectorAll(".tabular table").forEach(function (table) {
      const headers = {};
      table.querySelectorAll("thead th[class*='column-']").forEach(function (th) {
        const column = Array.from(th.classList).find((c) => c.startsWith("column-"));
        headers[column.slice("column-".length)] = th.firstChild ? th.firstChild.textContent.trim() : "";
      });
      table.querySelectorAll("tbody tr.form-row").forEach(function (row, index) {
        const place = " (row " + (index + 1) + ")";
        row.querySelectorAll("td[class*='field-']").forEach(function (cell) {
          const field = Array.from(cell.classList).find((c) => c.startsWith("field-")).slice(6);
          const header = headers[field] || field;
          cell.querySelectorAll("input:not([type=hidden]), select, textarea").forEach(function (input) {
            const part = /_0$/.test(input.name) ? " date" : /_1$/.test(input.name) ? " time" : "";
            name(input, header + part + place);
          });
        });
        row.querySelectorAll("td.delete input[type=checkbox]").forEach(function (box) {
          name(box, "Delete" + place);
        });
      });
    });
  }

  function labelSplitDateTimes(root) {
    root.querySelectorAll("p.datetime").forEach(function (pair) {
      const row = pair.closest(".form-row, .fieldBox");
      const label = labelText(row && row.querySelector("label"));
      const inputs = pair.querySelectorAll("input");
      if (inputs.length === 2) {
        name(inputs[0], (label + " date").trim());
        name(inputs[1], (label + " time").trim());
      }
    });
  }

  function labelAutocompletes(root) {
    root.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      const box = select.parentElement.querySelector(".select2-selection[role=combobox]");
      if (!box || box.hasAttribute("aria-label")) return;
      const text = select.getAttribute("aria-label") || labelText(select.labels && select.labels[0]);
      if (!text) return;
      box.setAttribute("aria-label", text);
      // The box's shown choice is a read-only textbox of its own: it says the same.
      box.querySelectorAll("[role=textbox]").forEach((shown) => name(shown, text));
      // A multiple choice (tags): its typing field, and its chosen items, which select2 puts
      // in a list whose items are not all list items.
      box.querySelectorAll(".select2-search__field").forEach((field) => name(field, text));
      box.querySelectorAll("ul.select2-selection__rendered").forEach(function (list) {
        list.setAttribute("role", "presentation");
        list.querySelectorAll(":scope > li").forEach((item) => item.setAttribute("role", "presentation"));
      });
    });
  }

  function labelAll() {
    labelInlineCells(document);
    labelSplitDateTimes(document);
    labelAutocompletes(document);
  }

  window.addEventListener("load", function () {
    labelAll();
    window.setTimeout(labelAll, 250); // any widget a late script made
  });
  // A row added to an inline: Django fires this once the row (and its select2) is made.
  document.addEventListener("formset:added", function () { window.setTimeout(labelAll, 0); });
})();
