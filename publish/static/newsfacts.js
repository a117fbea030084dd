// Column descriptions fold away under one line, so a table's rows start near the top of the page.
for (const list of document.querySelectorAll("dl.column-descriptions")) {
  const details = document.createElement("details");
  details.className = "column-descriptions-fold";
  const summary = document.createElement("summary");
  summary.textContent = `What the ${list.querySelectorAll("dt").length} columns mean`;
  details.appendChild(summary);
  list.replaceWith(details);
  details.appendChild(list);
}
