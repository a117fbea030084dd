// /-/search: fetch each searchable table's matches and show them as rows that link to their
// pages (the primary key to the row, each labelled key to the row it points to). Built with
// DOM nodes and textContent only: article text is never parsed as HTML.
const RESULTS = 5;
const LONG = 200;

const container = document.getElementById("search-all-results");
const none = document.getElementById("search-all-no-results");

function element(tag, text, attributes = {}) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

function shorten(text) {
  const value = String(text);
  return value.length > LONG ? value.slice(0, LONG - 1) + "\u2026" : value;
}

function rowPath(row, keys) {
  return keys.map((key) => encodeURIComponent(String(row[key]))).join(",");
}

function showTable(item, data, q) {
  const rows = data.rows || [];
  const count = data.filtered_table_rows_count ?? rows.length;
  const searchUrl = `${item.url}?_search=${encodeURIComponent(q)}`;
  if (!count) {
    const p = element("p", "No results in ");
    p.appendChild(element("a", `${item.database}: ${item.table}`, { href: item.url }));
    none.appendChild(p);
    return;
  }
  const section = element("section", null, { class: "search-result", "data-table": item.table });
  const heading = element("h2");
  heading.appendChild(element("a", `${count.toLocaleString()} result${count === 1 ? "" : "s"}`, { href: searchUrl }));
  heading.appendChild(document.createTextNode(` in ${item.database}: ${item.table}`));
  section.appendChild(heading);
  const keys = data.primary_keys && data.primary_keys.length ? data.primary_keys : null;
  const targets = {};
  for (const [foreignKey] of data.expandable_columns || []) targets[foreignKey.column] = foreignKey.other_table;
  const columns = rows.length ? Object.keys(rows[0]) : [];
  const databaseUrl = item.url.slice(0, item.url.lastIndexOf("/"));
  const table = element("table", null, { class: "rows-and-columns" });
  const head = element("tr");
  for (const column of columns) head.appendChild(element("th", column));
  table.appendChild(head);
  for (const row of rows) {
    const tr = element("tr");
    for (const column of columns) {
      const cell = row[column];
      const td = element("td", null, { class: `col-${column}` });
      if (keys && keys.length === 1 && column === keys[0]) {
        td.appendChild(element("a", cell, { href: `${item.url}/${rowPath(row, keys)}` }));
      } else if (cell && typeof cell === "object" && "value" in cell) {
        const other = targets[column];
        const label = cell.label || cell.value;
        td.appendChild(other
          ? element("a", shorten(label), { href: `${databaseUrl}/${encodeURIComponent(other)}/${encodeURIComponent(String(cell.value))}` })
          : element("span", shorten(label)));
      } else if (keys && item.label_column === column) {
        td.appendChild(element("a", shorten(cell ?? ""), { href: `${item.url}/${rowPath(row, keys)}` }));
      } else {
        td.textContent = cell === null || cell === undefined ? "" : shorten(cell);
      }
      tr.appendChild(td);
    }
    table.appendChild(tr);
  }
  const wrapper = element("div", null, { style: "overflow: auto" });
  wrapper.appendChild(table);
  section.appendChild(wrapper);
  if (count > rows.length) {
    const more = element("p");
    more.appendChild(element("a", `${(count - rows.length).toLocaleString()} more result${count - rows.length === 1 ? "" : "s"}`, { href: searchUrl }));
    section.appendChild(more);
  }
  container.appendChild(section);
}

function showError(item, message) {
  const p = element("p", `${item.database}: ${item.table}: ${message}`, { class: "message-error" });
  none.appendChild(p);
}

const q = container ? container.dataset.q : "";
if (container && q) {
  const tables = JSON.parse(container.dataset.tables || "[]");
  const pending = container.querySelector(".search-pending");
  let left = tables.length;
  for (const item of tables) {
    const url = `${item.url_json}?_shape=objects&_labels=on&_size=${RESULTS}&_search=${encodeURIComponent(q)}`;
    fetch(url)
      .then((response) => response.json().then((data) => ({ ok: response.ok, data })))
      .then(({ ok, data }) => (ok ? showTable(item, data, q) : showError(item, data.error || "search failed")))
      .catch((error) => showError(item, String(error)))
      .finally(() => {
        const li = pending && pending.querySelector(`[data-searchable-url="${CSS.escape(item.url)}"]`);
        if (li) li.remove();
        left -= 1;
        if (!left && pending) pending.remove();
        if (!left) container.dataset.done = "1";
      });
  }
}
