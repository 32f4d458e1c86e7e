// The position matrix of the "Lập trường" view (mode=matrix): actors down,
// issues (topics or processes) across, each cell the actor's latest stance
// on the issue (colour and label) with the number of statements; a cell is
// a link to the positions list of that actor and issue, with their quotes
// and sources. Also the links of the brief's exports (CSV, Markdown).
// positions.js shows it; /api/positions/matrix answers it. See docs/ui.md.
//
// Everything from the server is inserted as text (dom.js el()).

import { el } from './dom.js';
import { queryString, POSITION_FILTERS } from './api.js';
import { t, fmtDate } from './i18n.js';
import { toUrl, clone } from './state.js';
import { stanceText, actorHref, fmtInt, learnLabel } from './timeline.js';

// The API parameters of a positions state: query, filters and dates.
function filterParams(st) {
  const p = { q: st.q.trim(), from: st.from, to: st.to };
  for (const f of POSITION_FILTERS) p[f] = st.filters[f] || [];
  return p;
}

export function matrixParams(st) {
  return { ...filterParams(st), across: st.across === 'process' ? 'process' : 'topic' };
}

// The brief of what the view shows, as a file to download. The Markdown
// groups by the matrix's columns in the matrix, by process in the list.
export function exportHref(st, format) {
  const p = { format, ...filterParams(st) };
  if (format === 'md') p.group_by = st.mode === 'matrix' && st.across !== 'process' ? 'topic' : 'process';
  return `/api/positions/export${queryString(p)}`;
}

// The positions list of one cell: the view's filters, plus the actor and
// the issue.
function cellUrl(st, actorId, facet, issueId) {
  const next = clone(st);
  next.mode = '';
  next.page = 1;
  next.sort = '';
  for (const [f, v] of [['actor', actorId], [facet, issueId]]) {
    if (!next.filters[f].includes(v)) next.filters[f] = [...next.filters[f], v];
  }
  return toUrl(next);
}

// An actor's page; an actor outside the taxonomy ("x:…") has none, so its
// positions instead.
function actorLink(st, id) {
  if (!id.startsWith('x:')) return actorHref(id);
  const next = clone(st);
  next.mode = '';
  next.page = 1;
  next.filters.actor = [id];
  return toUrl(next);
}

// The matrix of `data` (an /api/positions/matrix answer) for state `st`.
export function renderMatrix(st, data) {
  const facet = data.across === 'process' ? 'process' : 'topic';
  const columns = data.columns || [];
  const rows = data.rows || [];
  const notes = [];
  if (data.truncated) {
    notes.push(t('matrixTruncated', rows.length, data.actors_total, columns.length, data.issues_total, data.read, data.matched));
  }
  if (data.without_issue) notes.push(t(`matrixWithout_${facet}`, data.without_issue));
  const noteNodes = notes.map((n) => el('p', { class: 'notice matrix-note' }, n));
  if (!rows.length || !columns.length) {
    return el('div', { class: 'empty' }, el('h2', { class: 'empty-title' }, t('matrixEmptyTitle')), el('p', {}, t(`matrixEmpty_${facet}`)), noteNodes);
  }
  for (const c of columns) learnLabel(facet, c.id, c.label);
  for (const r of rows) learnLabel('actor', r.actor.id, r.actor.label);

  const head = el(
    'tr',
    {},
    el('th', { scope: 'col', class: 'mx-corner' }, t('matrixActor'), el('span', { class: 'mx-corner-sub' }, ` / ${t(`matrixAcross_${facet}`)}`)),
    columns.map((c) =>
      el('th', { scope: 'col', class: 'mx-issue' }, el('span', { class: 'mx-issue-label' }, c.label || c.id), el('span', { class: 'mx-issue-count' }, t('matrixTotal', c.count))),
    ),
  );
  const body = rows.map((r) =>
    el(
      'tr',
      {},
      el(
        'th',
        { scope: 'row', class: 'mx-actor' },
        el('a', { href: actorLink(st, r.actor.id), 'data-nav': '' }, r.actor.label || r.actor.id),
        el('span', { class: 'mx-actor-count' }, t('matrixTotal', r.count)),
      ),
      r.cells.map((cell, i) => renderCell(st, r.actor, columns[i], facet, cell)),
    ),
  );
  const table = el(
    'table',
    { class: 'matrix', 'aria-describedby': 'p-status' },
    el('caption', { class: 'sr-only' }, t(`matrixCaption_${facet}`)),
    el('thead', {}, head),
    el('tbody', {}, body),
  );
  return el('div', { class: 'matrix-box' }, noteNodes, el('div', { class: 'matrix-scroll', tabindex: '0', role: 'region', 'aria-label': t(`matrixCaption_${facet}`) }, table), legend());
}

function renderCell(st, actor, column, facet, cell) {
  if (!cell) return el('td', { class: 'mx-cell is-empty' }, el('span', { 'aria-hidden': 'true' }, '·'), el('span', { class: 'sr-only' }, t('matrixNone')));
  const stance = cell.stance.id;
  const label = stanceText(stance, cell.stance.label);
  const breakdown = (cell.stances || []).map((s) => `${stanceText(s.id, s.label)} ${s.count}`).join(', ');
  const when = cell.date ? fmtDate(cell.date) : t('noDate');
  const aria = t('matrixCellLabel', actor.label || actor.id, column.label || column.id, label, when, cell.count);
  return el(
    'td',
    { class: 'mx-cell' },
    el(
      'a',
      {
        class: `mx-link stance-${stance}`,
        href: cellUrl(st, actor.id, facet, column.id),
        'data-nav': '',
        'data-focus': 'results',
        'data-stance': stance,
        'aria-label': aria,
        title: `${aria}\n${breakdown}`,
      },
      el('span', { class: 'mx-stance' }, label),
      el('span', { class: 'mx-count', 'aria-hidden': 'true' }, `${fmtInt(cell.count)}`),
      (cell.stances || []).length > 1 ? el('span', { class: 'mx-mixed', 'aria-hidden': 'true', title: breakdown }, '±') : null,
    ),
  );
}

function legend() {
  return el('p', { class: 'matrix-legend' }, t('matrixLegend'));
}
