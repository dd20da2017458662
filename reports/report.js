// report.html's behaviour: sort and filter the endpoint table. Written for
// cutover, no library. The page works without it; this only hides rows and
// reorders them. Text is read and set with textContent, never as markup.
(function () {
  'use strict';
  const table = document.getElementById('endpoint-table');
  if (!table) return;
  const body = table.tBodies[0];
  const rows = Array.from(body.rows).filter((r) => r.dataset.family !== undefined);
  const controls = {
    family: document.getElementById('filter-family'),
    method: document.getElementById('filter-method'),
    status: document.getElementById('filter-status'),
    text: document.getElementById('filter-text'),
  };
  const counter = document.getElementById('filter-count');

  function fill(select, values) {
    Array.from(new Set(values)).sort().forEach((v) => {
      const option = document.createElement('option');
      option.value = v;
      option.textContent = v;
      select.appendChild(option);
    });
  }
  fill(controls.family, rows.map((r) => r.dataset.family));
  fill(controls.method, rows.flatMap((r) => r.dataset.methods.split(' ')));
  fill(controls.status, rows.map((r) => r.dataset.status));

  function apply() {
    const family = controls.family.value;
    const method = controls.method.value;
    const status = controls.status.value;
    const text = controls.text.value.trim().toLowerCase();
    let shown = 0;
    rows.forEach((r) => {
      const visible = (!family || r.dataset.family === family) &&
          (!method || r.dataset.methods.split(' ').includes(method)) &&
          (!status || r.dataset.status === status) &&
          (!text || r.textContent.toLowerCase().includes(text));
      r.hidden = !visible;
      if (visible) shown += 1;
    });
    counter.textContent = shown + ' of ' + rows.length + ' endpoints';
  }
  Object.values(controls).forEach((c) => c.addEventListener('input', apply));

  Array.from(table.tHead.rows[0].cells).forEach((th, column) => {
    th.classList.add('sortable');
    th.addEventListener('click', () => {
      const ascending = th.dataset.order !== 'asc';
      Array.from(table.tHead.rows[0].cells).forEach((h) => delete h.dataset.order);
      th.dataset.order = ascending ? 'asc' : 'desc';
      const key = (r) => r.cells[column].textContent.trim();
      rows.sort((a, b) => key(a).localeCompare(key(b), undefined, {numeric: true}) *
                          (ascending ? 1 : -1));
      rows.forEach((r) => body.appendChild(r));
    });
  });
  apply();
})();
