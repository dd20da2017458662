// report.html's behaviour, written for cutover, no library. Long lists are not
// in the page: they are drawn from the JSON data block when asked for
// (a page of endpoints, a family's matrix rows, a group of diagnostics, a
// graph), so a 1,000-endpoint report opens fast. The view lives in the URL
// hash (#section=endpoints&family=x&status=adapted&page=2, #family=x,
// #endpoint=ID, #module=NAME): a link in a ticket opens the same view.
// Scanned text is set with textContent, links with setAttribute, never markup.
(function () {
  'use strict';
  const dataNode = document.getElementById('cutover-data');
  if (!dataNode) return;
  const data = JSON.parse(dataNode.textContent);
  const PAGE = 100;
  const $ = (id) => document.getElementById(id);

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }
  function link(location) {  // location: [text, href]
    if (!location[1]) return el('code', location[0]);
    const a = el('a', location[0]);
    a.setAttribute('href', location[1]);
    const code = el('code');
    code.appendChild(a);
    return code;
  }
  function cell(row, child) {
    const td = el('td');
    if (child) td.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    row.appendChild(td);
    return td;
  }

  // --- the view in the hash -------------------------------------------------
  const FILTERS = ['family', 'method', 'status', 'resolution', 'q'];
  const state = {sort: -1, ascending: true, page: 0, endpoint: '', modulePage: 0};
  function readHash() {
    const params = new URLSearchParams(location.hash.slice(1));
    FILTERS.forEach((k) => { state[k] = params.get(k) || ''; });
    state.page = Math.max(0, (parseInt(params.get('page'), 10) || 1) - 1);
    state.endpoint = params.get('endpoint') || '';
    state.module = params.get('module') || '';
    return params;
  }
  function writeHash() {
    const params = new URLSearchParams();
    params.set('section', 'endpoints');
    FILTERS.forEach((k) => { if (state[k]) params.set(k, state[k]); });
    if (state.page > 0) params.set('page', String(state.page + 1));
    history.replaceState(null, '', '#' + params.toString());
  }

  // --- endpoints --------------------------------------------------------------
  const routes = data.routes;
  const controls = {
    family: $('filter-family'), method: $('filter-method'), status: $('filter-status'),
    resolution: $('filter-resolution'), q: $('filter-text'),
  };
  function fill(select, values) {
    Array.from(new Set(values)).sort().forEach((v) => {
      const option = el('option', v);
      option.value = v;
      select.appendChild(option);
    });
  }
  fill(controls.family, routes.map((r) => r.family));
  fill(controls.method, routes.flatMap((r) => r.methods));
  fill(controls.status, routes.map((r) => r.status));
  fill(controls.resolution, routes.map((r) => r.resolution));
  const COLUMNS = [
    (r) => r.methods.join(' '), (r) => r.path, (r) => r.family, (r) => r.status,
    (r) => r.template, (r) => r.handler, (r) => r.view[0],
  ];
  function matches(r) {
    if (state.endpoint) return r.id === state.endpoint;
    const q = state.q.toLowerCase();
    return (!state.family || r.family === state.family) &&
        (!state.method || r.methods.includes(state.method)) &&
        (!state.status || r.status === state.status) &&
        (!state.resolution || r.resolution === state.resolution) &&
        (!q || [r.path, r.handler, r.template, r.family, r.at[0]].some(
            (s) => s.toLowerCase().includes(q)));
  }
  function endpointRow(r) {
    const tr = el('tr');
    tr.id = 'route-' + r.id;
    if (r.resolution !== 'exact') {
      tr.className = 'partial';
      tr.title = r.unresolved || r.resolution;
    }
    const methods = cell(tr);
    r.methods.forEach((m) => methods.appendChild(el('span', m, 'method')));
    cell(tr, el('code', r.path));
    cell(tr, r.family);
    cell(tr, r.status).className = 'status-' + r.status;
    cell(tr, el('code', r.template));
    cell(tr, el('code', r.handler));
    cell(tr, link(r.view[0] ? r.view : r.at));
    return tr;
  }
  function renderEndpoints() {
    const body = $('endpoint-table').tBodies[0];
    let shown = routes.filter(matches);
    if (state.sort >= 0) {
      const key = COLUMNS[state.sort];
      shown = shown.slice().sort((a, b) => key(a).localeCompare(key(b), undefined, {numeric: true}) *
                                          (state.ascending ? 1 : -1));
    }
    const pages = Math.max(1, Math.ceil(shown.length / PAGE));
    state.page = Math.min(state.page, pages - 1);
    body.replaceChildren(...shown.slice(state.page * PAGE, (state.page + 1) * PAGE).map(endpointRow));
    if (state.endpoint && body.rows.length) body.rows[0].classList.add('target');
    $('filter-count').textContent = shown.length + ' of ' + routes.length + ' endpoints';
    pager($('endpoint-pager'), state.page, pages, (page) => {
      state.page = page;
      writeHash();
      renderEndpoints();
    });
  }
  function pager(node, page, pages, go) {
    node.replaceChildren();
    if (pages <= 1) return;
    const previous = el('button', '‹ previous');
    previous.type = 'button';
    previous.disabled = page === 0;
    previous.addEventListener('click', () => go(page - 1));
    const next = el('button', 'next ›');
    next.type = 'button';
    next.disabled = page >= pages - 1;
    next.addEventListener('click', () => go(page + 1));
    node.append(previous, next, document.createTextNode('page ' + (page + 1) + ' of ' + pages));
  }
  Object.entries(controls).forEach(([key, control]) => control.addEventListener('input', () => {
    state[key] = control.value;
    state.endpoint = '';
    state.page = 0;
    writeHash();
    renderEndpoints();
  }));
  const headers = Array.from($('endpoint-table').tHead.rows[0].cells);
  headers.forEach((th, column) => {
    th.classList.add('sortable');
    th.addEventListener('click', () => {
      state.ascending = state.sort === column ? !state.ascending : true;
      state.sort = column;
      headers.forEach((h) => delete h.dataset.order);
      th.dataset.order = state.ascending ? 'asc' : 'desc';
      renderEndpoints();
    });
  });

  // --- the matrix: a family's rows on demand -------------------------------
  function renderMatrixRows(family) {
    const table = $('matrix-rows');
    const rows = routes.filter((r) => r.family === family).map((r) => {
      const tr = el('tr');
      const a = el('a');
      a.setAttribute('href', '#endpoint=' + encodeURIComponent(r.id));
      a.appendChild(el('code', r.methods.join(' ') + ' ' + r.path));
      cell(tr, a);
      cell(tr, r.status).className = 'status status-' + r.status;
      const adapters = cell(tr);
      r.adapters.forEach(([id, evidence, href]) => {
        const mark = href ? el('a', id) : el('span', id);
        if (href) mark.setAttribute('href', href);
        mark.title = evidence;
        mark.className = 'method';
        adapters.appendChild(mark);
      });
      const blockers = r.blockers.slice();
      if (r.deprecated_by) blockers.push('deprecated by ' + r.deprecated_by);
      cell(tr, blockers.join('; '));
      return tr;
    });
    const caption = el('caption', family + ': ' + rows.length + ' endpoints');
    table.replaceChildren(caption, table.tHead, el('tbody'));
    table.tBodies[0].replaceChildren(...rows);
    table.hidden = false;
  }
  document.querySelectorAll('#matrix-heatmap button[data-rows]').forEach((button) => {
    button.addEventListener('click', () => renderMatrixRows(button.dataset.rows));
  });

  // --- graphs: drawn when opened --------------------------------------------
  document.querySelectorAll('details.lazy-graph').forEach((details) => {
    details.addEventListener('toggle', () => {
      const target = details.querySelector('div.graph');
      const template = details.querySelector('template');
      if (details.open && template && !target.firstChild) {
        target.appendChild(template.content.cloneNode(true));
      }
    });
  });

  // --- modules -----------------------------------------------------------------
  const moduleText = $('module-text');
  function renderModules() {
    const q = (state.module || moduleText.value).toLowerCase();
    const shown = data.modules.filter((m) => !q || (state.module ? m[0] === state.module
                                                                  : m[0].toLowerCase().includes(q) ||
                                                                    m[1].toLowerCase().includes(q)));
    const pages = Math.max(1, Math.ceil(shown.length / PAGE));
    state.modulePage = Math.min(state.modulePage, pages - 1);
    const rows = shown.slice(state.modulePage * PAGE, (state.modulePage + 1) * PAGE).map((m) => {
      const tr = el('tr');
      cell(tr, link([m[0], m[5]]));
      cell(tr, m[1]);
      cell(tr, String(m[2]));
      cell(tr, String(m[3]));
      cell(tr, String(m[4]));
      if (state.module) tr.classList.add('target');
      return tr;
    });
    $('module-table').tBodies[0].replaceChildren(...rows);
    $('module-count').textContent = shown.length + ' of ' + data.modules.length + ' modules';
    pager($('module-pager'), state.modulePage, pages, (page) => {
      state.modulePage = page;
      renderModules();
    });
  }
  moduleText.addEventListener('input', () => {
    state.module = '';
    state.modulePage = 0;
    renderModules();
  });

  // --- diagnostics: a group's rows when opened ---------------------------------
  document.querySelectorAll('details.diagnostic-group').forEach((details) => {
    details.addEventListener('toggle', () => {
      const body = details.querySelector('tbody');
      if (!details.open || body.rows.length) return;
      body.replaceChildren(...data.diagnostics.filter((d) => d[0] === details.dataset.code).map((d) => {
        const tr = el('tr');
        cell(tr, link([d[1], d[2]]));
        cell(tr, d[3]);
        return tr;
      }));
    });
  });

  // --- following the hash ----------------------------------------------------------
  function follow() {
    const params = readHash();
    FILTERS.forEach((k) => { controls[k].value = state[k]; });
    renderEndpoints();
    renderModules();
    let target = null;
    if (params.has('endpoint') || params.get('section') === 'endpoints') {
      target = $('endpoints');
    } else if (params.has('module') || params.get('section') === 'modules') {
      target = $('modules');
    } else if (params.has('family')) {
      // A family: its row in the waves, and the endpoints filtered to it.
      document.querySelectorAll('tr.target').forEach((r) => r.classList.remove('target'));
      document.querySelectorAll('#wave-table tr[data-family]').forEach((row) => {
        if (row.dataset.family === state.family) {
          row.classList.add('target');
          target = row;
        }
      });
    }
    if (target) target.scrollIntoView();
  }
  window.addEventListener('hashchange', follow);
  follow();
})();
