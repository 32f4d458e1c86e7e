// The "Lập trường" (negotiation positions) view: who supports, opposes,
// proposes, requests, commits to, leads or is concerned about what, when,
// with facets, date range, chips, sort and pages; the list is a timeline by
// year (timeline.js) or, by relevance, a flat list. The shell (app.js)
// shows it and lends navigation. See docs/ui.md.

import { el, append, fill } from './dom.js';
import { renderPager, showListError, facetGroup, renderFilterChips, readDateRange, setFacetsOpen } from './widgets.js';
import { getJson, POSITION_FACETS, POSITION_FILTERS } from './api.js';
import { t, fmtDate } from './i18n.js';
import { toUrl, clone, withFilter, filterCount, emptyPositions, positionSort } from './state.js';
import { renderPosition, renderTimeline, learnPosition, learnFacets, labelOf, stanceText, actorHref } from './timeline.js';
import { renderMatrix, matrixParams, exportHref } from './matrix.js';

const PER_PAGE = 20;
const FACET_LIMIT = 30; // values asked for per facet
const FACET_SHOWN = 6; // values shown before "show more"

const $ = (id) => document.getElementById(id);
const ui = {
  view: $('positions-view'),
  facetToggle: $('p-facet-toggle'),
  facets: $('p-facets'),
  facetGroups: $('p-facet-groups'),
  dateForm: $('p-date-form'),
  dateFrom: $('p-date-from'),
  dateTo: $('p-date-to'),
  dateError: $('p-date-error'),
  chips: $('p-chips'),
  status: $('p-status'),
  sort: $('p-sort'),
  summary: $('p-summary'),
  notices: $('p-notices'),
  list: $('p-list'),
  pager: $('p-pager'),
  resultsCol: $('p-results-col'),
  sortLabel: $('p-sort-label'),
  across: $('p-across'),
  acrossLabel: $('p-across-label'),
  modeList: $('p-mode-list'),
  modeMatrix: $('p-mode-matrix'),
  exportCsv: $('p-export-csv'),
  exportMd: $('p-export-md'),
};

// What app.js lends: navigate(next, opts), state(), markReady(st),
// setBusy(on), keepFocus(container, rebuild), focusQuery(),
// restoreScroll(y).
let ctx = null;

const expanded = new Set(); // facets showing all their values
let last = null; // {data, facets} of the list shown
let listCtl = null;
let listSeq = 0;

export function initPositions(context) {
  ctx = context;
  ui.sort.addEventListener('change', () => {
    const next = clone(ctx.state());
    next.sort = ui.sort.value;
    next.page = 1;
    ctx.navigate(next);
  });
  ui.dateForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const range = readDateRange(ui.dateFrom, ui.dateTo, ui.dateError);
    if (!range) return;
    const next = clone(ctx.state());
    next.from = range.from;
    next.to = range.to;
    next.page = 1;
    ctx.navigate(next);
  });
  ui.across.addEventListener('change', () => {
    const next = clone(ctx.state());
    next.across = ui.across.value === 'process' ? 'process' : 'topic';
    ctx.navigate(next);
  });
  ui.facetToggle.addEventListener('click', () => setFacetsOpen(ui.facetToggle, ui.facets, !ui.facets.classList.contains('open')));
}

// ---------------------------------------------------------- positions view

export function cancelPositions() {
  if (listCtl) listCtl.abort();
  listCtl = null;
}

export function showPositions({ focus = null, scroll = null } = {}) {
  const st = ctx.state();
  document.title = st.q ? `${st.q} — ${t('positionsTitle')}` : t('positionsTitle');
  const q = st.q.trim();
  const relevance = ui.sort.querySelector('option[value="relevance"]');
  relevance.disabled = !q;
  relevance.textContent = q ? t('psort_relevance') : t('psortNeedsQuery');
  ui.sort.value = positionSort(st);
  ui.dateFrom.value = fmtDate(st.from);
  ui.dateTo.value = fmtDate(st.to);
  ui.dateError.textContent = '';
  ui.dateFrom.removeAttribute('aria-invalid');
  ui.dateTo.removeAttribute('aria-invalid');
  updateFacetToggle(st);
  renderModes(st);
  renderChips(st);
  renderSummary(st);
  runPositions(st, { focus, scroll });
}

// The list/matrix switch, the matrix's columns and the export links follow
// the state.
function renderModes(st) {
  const matrix = st.mode === 'matrix';
  const list = clone(st);
  list.mode = '';
  list.page = 1;
  const mx = clone(st);
  mx.mode = 'matrix';
  ui.modeList.setAttribute('href', toUrl(list));
  ui.modeMatrix.setAttribute('href', toUrl(mx));
  ui.modeList.removeAttribute('aria-current');
  ui.modeMatrix.removeAttribute('aria-current');
  if (matrix) ui.modeMatrix.setAttribute('aria-current', 'page');
  else ui.modeList.setAttribute('aria-current', 'page');
  ui.sortLabel.hidden = matrix;
  ui.acrossLabel.hidden = !matrix;
  ui.across.value = st.across === 'process' ? 'process' : 'topic';
  ui.exportCsv.setAttribute('href', exportHref(st, 'csv'));
  ui.exportMd.setAttribute('href', exportHref(st, 'md'));
}

function params(st) {
  const p = {
    q: st.q.trim(),
    from: st.from,
    to: st.to,
    sort: positionSort(st),
    page: st.page > 1 ? st.page : '',
    per_page: PER_PAGE,
    facet_limit: FACET_LIMIT,
  };
  for (const f of POSITION_FILTERS) p[f] = st.filters[f] || [];
  return p;
}

async function runPositions(st, { focus = null, scroll = null } = {}) {
  if (listCtl) listCtl.abort();
  const ctl = (listCtl = new AbortController());
  const seq = ++listSeq;
  ui.list.setAttribute('aria-busy', 'true');
  ctx.setBusy(true);
  try {
    // The server counts a facet with a selection without its own filter,
    // so its other values stay available (OR within a facet).
    const matrix = st.mode === 'matrix';
    const [data, mx] = await Promise.all([
      getJson('/api/positions', matrix ? { ...params(st), per_page: 0, page: '' } : params(st), ctl.signal),
      matrix ? getJson('/api/positions/matrix', matrixParams(st), ctl.signal) : null,
    ]);
    if (seq !== listSeq) return; // a newer request was started: ignore
    const facets = data.facets || {};
    learnFacets(facets);
    for (const p of data.positions || []) learnPosition(p);
    last = { data, facets };
    renderFacets(st, facets, data.total || 0);
    renderChips(st);
    renderSummary(st);
    renderStatus(st, data);
    renderNotices(st, data);
    if (mx) {
      fill(ui.list, renderMatrix(st, mx));
      fill(ui.pager);
    } else {
      renderList(st, data, facets);
      renderPager(ui.pager, { total: data.total, perPage: data.per_page || PER_PAGE, page: st.page, hrefOf: (p) => pageUrl(st, p) });
    }
    afterRender(focus, scroll);
    ctx.markReady(st);
  } catch (e) {
    if (e.name === 'AbortError' || seq !== listSeq) return;
    last = null;
    renderError(st, e);
    afterRender(focus, scroll);
    ctx.markReady(st);
  } finally {
    ctx.setBusy(false);
    if (seq === listSeq) ui.list.removeAttribute('aria-busy');
  }
}

function afterRender(focus, scroll) {
  if (scroll !== null && scroll !== undefined) ctx.restoreScroll(scroll);
  if (focus === 'results') {
    ui.status.setAttribute('tabindex', '-1');
    ui.status.focus({ preventScroll: true });
    ui.resultsCol.scrollIntoView({ block: 'start' });
  }
}

function renderStatus(st, data) {
  const total = data.total || 0;
  const q = st.q.trim();
  let text;
  if (q) text = t('ptotalFor', total, q);
  else if (filterCount(st) === 0) text = t('ptotalAll', total);
  else text = t('ptotal', total);
  const n = (data.positions || []).length;
  if (n && total > n) {
    const first = (data.page - 1) * data.per_page + 1;
    text += ` · ${t('showing', first, first + n - 1)}`;
  }
  ui.status.textContent = text;
  ui.status.classList.remove('is-error');
}

// One actor or one process chosen: say so, with a link to the actor's page.
function renderSummary(st) {
  const items = [];
  if (st.filters.actor.length === 1) {
    const id = st.filters.actor[0];
    items.push(
      el('p', { class: 'pos-summary-actor' }, `${t('oneActor')} `,
        el('a', { href: actorHref(id), 'data-nav': '', class: 'summary-actor-link' }, labelOf('actor', id)),
        ' ', el('span', { class: 'muted' }, `(${t('oneActorLink')})`)),
    );
  }
  if (st.filters.process.length === 1) {
    items.push(el('p', { class: 'pos-summary-process' }, `${t('oneProcess')}: `, el('strong', {}, labelOf('process', st.filters.process[0]))));
  }
  fill(ui.summary, items);
  ui.summary.hidden = items.length === 0;
}

// The query names a stance ("ai phản đối thuế"): offer its filter, with the
// stance's words and a leading "ai"/"who" taken out of the query.
function stanceNotice(st, data) {
  const s = data.stance_suggestion;
  if (!s || st.filters.stance.includes(s.id)) return null;
  const next = withFilter(st, 'stance', s.id, true);
  const words = new RegExp(`(^|\\s)${s.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=\\s|$)`, 'iu');
  next.q = st.q.normalize('NFC').replace(words, ' ').replace(/^\s*(ai|who)\s+/iu, '').replace(/\s+/g, ' ').trim();
  return el(
    'p',
    { class: 'notice stance-suggestion' },
    t('stanceSuggestion'),
    ' ',
    el('a', { href: toUrl(next), 'data-nav': '', class: 'stance-suggestion-link', 'data-stance': s.id }, stanceText(s.id)),
  );
}

function renderNotices(st, data) {
  const items = (data.warnings || []).map((w) => el('p', { class: 'notice warning' }, w));
  const stance = stanceNotice(st, data);
  if (stance) items.unshift(stance);
  fill(ui.notices, items);
}

function renderList(st, data, facets) {
  const items = data.positions || [];
  const q = st.q.trim();
  if (!items.length) {
    const n = filterCount(st);
    const box = el(
      'div',
      { class: 'empty' },
      el('h2', { class: 'empty-title' }, t('pemptyTitle')),
      el('p', {}, q ? t('pemptyFor', q) : n ? t('pemptyFilters') : t('pemptyNone')),
      q || n ? el('p', { class: 'muted' }, t('pemptyTips')) : null,
    );
    if (n > 0) {
      const bare = emptyPositions();
      bare.q = st.q;
      append(box, [el('p', {}, el('a', { href: toUrl(bare), 'data-nav': '', class: 'without-filters' }, t('pwithoutFilters')))]);
    }
    if (data.total > 0 && st.page > 1) {
      const first = clone(st);
      first.page = 1;
      append(box, [el('p', {}, el('a', { href: toUrl(first), 'data-nav': '' }, t('pageN', 1)))]);
    }
    fill(ui.list, box);
    return;
  }
  const opts = { base: st, q };
  if (positionSort(st) === 'relevance') {
    const first = (data.page - 1) * data.per_page + 1;
    fill(ui.list, el('ol', { class: 'pos-list is-flat', start: String(first), 'aria-label': t('positionsList') }, items.map((p) => renderPosition(p, { ...opts, level: 2 }))));
  } else {
    const yearCounts = {};
    for (const v of facets.year || []) yearCounts[v.value] = v.count;
    fill(ui.list, el('div', { class: 'timeline' }, renderTimeline(items, { ...opts, level: 2, idPrefix: 'p', yearCounts })));
  }
}

function pageUrl(st, page) {
  const next = clone(st);
  next.page = page;
  return toUrl(next);
}

function renderError(st, e) {
  const malformed = e.status === 400 && e.code === 'malformed_query';
  showListError({
    status: ui.status,
    notices: ui.notices,
    cleared: [ui.list, ui.pager, ui.facetGroups],
    title: malformed ? t('errorQuery') : t('perrorTitle'),
    error: e,
    showHelp: malformed,
    onRetry: () => runPositions(clone(ctx.state())),
  });
}

// ------------------------------------------------------------------- facets

function renderFacets(st, facets, total) {
  ctx.keepFocus(ui.facetGroups, () => {
    const groups = [];
    for (const f of POSITION_FACETS) {
      let values = [...(facets[f] || [])];
      if (!values.length && !st.filters[f].length) continue;
      if (f === 'year') values.sort((a, b) => String(b.value).localeCompare(String(a.value)));
      // Values chosen in the URL that the answer does not list still show.
      for (const v of st.filters[f]) {
        if (!values.some((x) => x.value === v)) {
          const count = st.filters[f].length === 1 ? total : null;
          values.push({ value: v, label: labelOf(f, v), count, selected: true });
        }
      }
      groups.push(renderFacet(st, f, values));
    }
    fill(ui.facetGroups, groups);
  });
}

function renderFacet(st, facet, values) {
  return facetGroup({
    facet,
    values,
    selected: st.filters[facet],
    open: expanded.has(facet),
    shown: FACET_SHOWN,
    prefix: 'p',
    title: t(`pfacet_${facet}`),
    labelOf: (v) => (facet === 'stance' ? stanceText(v.value, v.label) : v.label || v.value),
    markOf: (v) => (facet === 'stance' ? el('span', { class: `stance-dot stance-${v.value}`, 'aria-hidden': 'true' }) : null),
    onChange: (value, checked) => ctx.navigate(withFilter(ctx.state(), facet, value, checked)),
    onMore: () => {
      if (expanded.has(facet)) expanded.delete(facet);
      else expanded.add(facet);
      if (last) renderFacets(ctx.state(), last.facets, last.data.total || 0);
    },
  });
}

function renderChips(st) {
  const cleared = emptyPositions();
  cleared.q = st.q;
  cleared.sort = st.sort;
  cleared.mode = st.mode;
  cleared.across = st.across;
  renderFilterChips(ctx, ui.chips, {
    st,
    facets: POSITION_FILTERS,
    facetLabel: (f) => t(`pfacet_${f}`),
    valueLabel: labelOf,
    copy: clone,
    cleared,
    prefix: 'pchip',
  });
}

function updateFacetToggle(st) {
  ui.facetToggle.textContent = t('filtersCount', filterCount(st));
}

export function updatePositionsText() {
  updateFacetToggle(ctx.state());
}

// Escape on a phone: closes the filters if they are open (true if it did).
export function closePositionFacets() {
  if (ui.view.hidden || !ui.facets.classList.contains('open')) return false;
  setFacetsOpen(ui.facetToggle, ui.facets, false);
  ui.facetToggle.focus();
  return true;
}
