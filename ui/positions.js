// The "Lập trường" (negotiation positions) view and the actor page: who
// supports, opposes, proposes, requests, commits to, leads or is concerned
// about what, when, with the quote and its page. See docs/ui.md.
//
// Same rule as app.js: everything from the server or a document is inserted
// as text (dom.js el()), never as HTML.

import { el, append, fill } from './dom.js';
import { pagerItems, errorBox, facetGroup, chip, readDateRange } from './widgets.js';
import { getJson, fileUrl, POSITION_FACETS, POSITION_FILTERS, STANCES } from './api.js';
import { t, lang, fmtDate } from './i18n.js';
import {
  toUrl,
  clone,
  withFilter,
  filterCount,
  emptyState,
  emptyPositions,
  actorState,
  positionSort,
} from './state.js';

const PER_PAGE = 20;
const FACET_LIMIT = 30; // values asked for per facet
const FACET_SHOWN = 6; // values shown before "show more"
const MAX_PAGE = 1000;
const MEMBERS_SHOWN = 8; // members of a network listed before "show all"

const $ = (id) => document.getElementById(id);
const ui = {
  view: $('positions-view'),
  actorView: $('actor-view'),
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
};

// What app.js lends: navigate(next, opts), state(), markReady(st),
// setBusy(on), keepFocus(container, rebuild), focusQuery(),
// restoreScroll(y), backLink(url, label).
let ctx = null;

const labels = {}; // filter -> value -> label, learnt from answers
for (const f of POSITION_FILTERS) labels[f] = new Map();
const expanded = new Set(); // facets showing all their values
let last = null; // {data, facets} of the list shown
let listCtl = null;
let listSeq = 0;
let actorCtl = null;
let actorSeq = 0;

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
  ui.facetToggle.addEventListener('click', () => setFacetsOpen(!ui.facets.classList.contains('open')));
}

// ------------------------------------------------------------------ helpers

export function stanceText(id, fallback) {
  return STANCES.includes(id) ? t(`stance_${id}`) : fallback || id;
}

export function labelOf(facet, value) {
  if (facet === 'stance') return stanceText(value);
  return (labels[facet] && labels[facet].get(value)) || value;
}

function learnPosition(p) {
  if (p.actor) labels.actor.set(p.actor.id, p.actor.label);
  if (p.process) labels.process.set(p.process.id, p.process.label);
  if (p.forum) labels.process.set(p.forum.id, p.forum.label);
  for (const x of p.topics || []) labels.topic.set(x.id, x.label);
}

function learnFacets(facets) {
  for (const f of POSITION_FACETS) {
    for (const v of (facets && facets[f]) || []) {
      if (v.label && f !== 'stance') labels[f].set(v.value, v.label);
    }
  }
}

function yearOf(date) {
  const m = /^(\d{4})/.exec(date || '');
  return m ? m[1] : '';
}

function fmtInt(n) {
  return Number(n || 0).toLocaleString(lang() === 'en' ? 'en-US' : 'vi-VN');
}

// The document page of a position, at its page (the link the search results
// use: /?doc=ID&tp=PAGE, with the words of the query to highlight).
function docHref(p, q) {
  const d = emptyState();
  d.doc = p.document_id;
  d.tp = p.page || 1;
  d.q = q || '';
  return toUrl(d);
}

function actorHref(id) {
  return toUrl(actorState(id));
}

// ------------------------------------------------------------ position card

// One position: actor (a link to its page) and stance badge as a heading of
// `level`, then date, process, forum, source, topics, the quote, and the
// document with its page. `base` is the positions view that the process and
// topic links filter; `q` the words to highlight on the document page.
export function renderPosition(p, { level = 3, base = emptyPositions(), q = '', self = null } = {}) {
  learnPosition(p);
  const stance = (p.stance && p.stance.id) || '';
  const actorName = p.actor ? p.actor.label || p.actor.id : '';
  const head = el(
    `h${Math.min(level, 6)}`,
    { class: 'pos-head' },
    p.actor && p.actor.id === self ? el('span', { class: 'pos-actor' }, actorName) : null,
    p.actor && p.actor.id !== self
      ? el('a', { class: 'pos-actor', href: actorHref(p.actor.id), 'data-nav': '', title: t('posActorLink', actorName) }, actorName)
      : null,
    ' ',
    el('span', { class: `stance-badge stance-${stance}`, 'data-stance': stance }, stanceText(stance, p.stance && p.stance.label)),
  );

  const meta = [];
  meta.push(
    p.date
      ? el('time', { class: 'pos-date', datetime: p.date }, fmtDate(p.date))
      : el('span', { class: 'pos-date is-unknown' }, t('noDate')),
  );
  const filterLink = (cls, label, facet, item) =>
    el(
      'span',
      { class: cls },
      `${label}: `,
      el('a', { href: toUrl(withFilter(base, facet, item.id, true)), 'data-nav': '', title: t('filterProcess', item.label) }, item.label || item.id),
    );
  if (p.process) meta.push(filterLink('pos-process', t('processLabel'), 'process', p.process));
  if (p.forum) meta.push(filterLink('pos-forum', t('forumLabel'), 'process', p.forum));
  if (p.source === 'corrected' || p.source === 'librarian') {
    meta.push(el('span', { class: `pos-source source-${p.source}`, title: t(`sourceNote_${p.source}`) }, t(`source_${p.source}`)));
  }

  const topics = (p.topics || []).map((x) =>
    el(
      'a',
      {
        class: `badge badge-topic${base.filters.topic && base.filters.topic.includes(x.id) ? ' is-selected' : ''}`,
        href: toUrl(withFilter(base, 'topic', x.id, true)),
        'data-nav': '',
        title: t('badgeFilter', x.label),
      },
      x.label || x.id,
    ),
  );

  const page = p.page || 1;
  const title = [p.document_number, p.document_title].filter(Boolean).join(' — ') || `#${p.document_id}`;
  const href = docHref(p, q);
  const doc = el(
    'p',
    { class: 'pos-doc' },
    el('span', { class: 'pos-doc-label' }, t('posSource')),
    ' ',
    el(
      'a',
      { class: 'pos-doc-title', href, 'data-nav': '' },
      p.document_number ? el('span', { class: 'pos-doc-number' }, p.document_number) : null,
      p.document_number && p.document_title ? ' — ' : null,
      p.document_title || (p.document_number ? null : `#${p.document_id}`),
    ),
    ' ',
    el('a', { class: 'pos-page', href, 'data-nav': '', 'aria-label': t('posPageLink', page, title) }, `${t('page')} ${page}`),
    ' ',
    el(
      'a',
      {
        class: 'pos-file',
        href: fileUrl(p.document_id, page),
        target: '_blank',
        rel: 'noopener',
        'aria-label': `${t('openOriginalAt', page)}: ${title}`,
      },
      t('openOriginal'),
    ),
  );

  return el(
    'li',
    { class: 'position', 'data-id': p.id, 'data-stance': stance, 'data-date': p.date || '', 'data-source': p.source || '' },
    head,
    el('p', { class: 'pos-meta' }, meta.flatMap((m, i) => (i ? [el('span', { class: 'sep', 'aria-hidden': 'true' }, '\u00a0· '), m] : [m]))),
    topics.length ? el('p', { class: 'badges' }, topics) : null,
    p.quote ? el('blockquote', { class: 'pos-quote', lang: 'vi' }, el('p', {}, String(p.quote).trim())) : null,
    doc,
  );
}

// Positions in date order as a vertical timeline: a heading of `level` per
// year (in the order they come: oldest or newest first), then the list of
// that year's positions. Undated positions form their own group.
// yearCounts: year -> number of positions in that year (all pages).
export function renderTimeline(items, { level = 2, base, q = '', self = null, idPrefix = 'tl', yearCounts = null } = {}) {
  const groups = [];
  for (const p of items) {
    const y = yearOf(p.date);
    let g = groups[groups.length - 1];
    if (!g || g.year !== y) groups.push((g = { year: y, items: [] }));
    g.items.push(p);
  }
  return groups.map((g, i) => {
    const hid = `${idPrefix}-year-${i}`;
    const n = yearCounts && g.year && yearCounts[g.year] ? yearCounts[g.year] : null;
    return el(
      'section',
      { class: `tl-year${g.year ? '' : ' is-undated'}`, 'aria-labelledby': hid, 'data-year': g.year },
      el(
        `h${Math.min(level, 6)}`,
        { class: 'tl-year-heading', id: hid },
        el('span', { class: 'tl-year-label' }, g.year || t('noDate')),
        n ? el('span', { class: 'count', title: t('yearCount', n) }, el('span', { 'aria-hidden': 'true' }, fmtInt(n)), el('span', { class: 'sr-only' }, t('yearCount', n))) : null,
      ),
      el('ol', { class: 'pos-list' }, g.items.map((p) => renderPosition(p, { level: level + 1, base, q, self }))),
    );
  });
}

// ---------------------------------------------------------- positions view

export function cancelPositions() {
  if (listCtl) listCtl.abort();
  if (actorCtl) actorCtl.abort();
  listCtl = actorCtl = null;
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
  renderChips(st);
  renderSummary(st);
  runPositions(st, { focus, scroll });
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
    const data = await getJson('/api/positions', params(st), ctl.signal);
    if (seq !== listSeq) return; // a newer request was started: ignore
    const facets = data.facets || {};
    learnFacets(facets);
    for (const p of data.positions || []) learnPosition(p);
    last = { data, facets };
    renderFacets(st, facets, data.total || 0);
    renderChips(st);
    renderSummary(st);
    renderStatus(st, data);
    renderNotices(data);
    renderList(st, data, facets);
    renderPager(st, data);
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

function renderNotices(data) {
  fill(ui.notices, (data.warnings || []).map((w) => el('p', { class: 'notice warning' }, w)));
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

function renderPager(st, data) {
  fill(
    ui.pager,
    pagerItems({
      total: data.total,
      perPage: data.per_page || PER_PAGE,
      page: st.page,
      maxPage: MAX_PAGE,
      hrefOf: (p) => {
        const next = clone(st);
        next.page = p;
        return toUrl(next);
      },
    }),
  );
}

function renderError(st, e) {
  fill(ui.list);
  fill(ui.pager);
  fill(ui.facetGroups); // its counts were for another query
  const isQuery = e.status === 400;
  const title = isQuery && e.code === 'malformed_query' ? t('errorQuery') : t('perrorTitle');
  const message = e.status === 0 ? t('errorNetwork') : e.message;
  ui.status.textContent = `${title}: ${message}`;
  ui.status.classList.add('is-error');
  fill(
    ui.notices,
    errorBox({
      title,
      message,
      error: e,
      showHelp: isQuery && e.code === 'malformed_query',
      isQuery,
      onRetry: () => runPositions(clone(ctx.state())),
    }),
  );
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
  const chips = [];
  const add = (label, next, key) => chips.push(chip(label, toUrl(next), key));
  for (const f of POSITION_FILTERS) {
    for (const v of st.filters[f]) add(`${t(`pfacet_${f}`)}: ${labelOf(f, v)}`, withFilter(st, f, v, false), `pchip:${f}:${v}`);
  }
  if (st.from) {
    const next = clone(st);
    next.from = '';
    next.page = 1;
    add(`${t('chipFrom')} ${fmtDate(st.from)}`, next, 'pchip:from');
  }
  if (st.to) {
    const next = clone(st);
    next.to = '';
    next.page = 1;
    add(`${t('chipTo')} ${fmtDate(st.to)}`, next, 'pchip:to');
  }
  if (chips.length >= 2) {
    const next = emptyPositions();
    next.q = st.q;
    next.sort = st.sort;
    chips.push(el('a', { class: 'chip chip-clear', href: toUrl(next), 'data-nav': '', 'data-key': 'pchip:clear' }, t('clearAll')));
  }
  const lost = ctx.keepFocus(ui.chips, () => fill(ui.chips, chips));
  if (lost) ctx.focusQuery(); // the chip that had focus was removed
  ui.chips.hidden = chips.length === 0;
}

function updateFacetToggle(st) {
  ui.facetToggle.textContent = t('filtersCount', filterCount(st));
}

export function updatePositionsText() {
  updateFacetToggle(ctx.state());
}

function setFacetsOpen(open) {
  ui.facets.classList.toggle('open', open);
  ui.facetToggle.setAttribute('aria-expanded', open ? 'true' : 'false');
}

// Escape on a phone: closes the filters if they are open (true if it did).
export function closePositionFacets() {
  if (ui.view.hidden || !ui.facets.classList.contains('open')) return false;
  setFacetsOpen(false);
  ui.facetToggle.focus();
  return true;
}

// --------------------------------------------------------------- actor page

export async function showActor({ focus = null, scroll = null } = {}) {
  const st = ctx.state();
  const id = st.actor || '';
  if (listCtl) listCtl.abort();
  if (actorCtl) actorCtl.abort();
  const ctl = (actorCtl = new AbortController());
  const seq = ++actorSeq;
  if (ui.actorView.dataset.id !== id) {
    fill(ui.actorView, el('p', { class: 'doc-loading', role: 'status' }, t('actorLoading')));
  }
  ctx.setBusy(true);
  try {
    const a = await getJson(`/api/actors/${encodeURIComponent(id)}`, {}, ctl.signal);
    // The successor is given by its id: its name comes from its own page.
    let successor = null;
    if (a.successor) {
      try {
        successor = await getJson(`/api/actors/${encodeURIComponent(a.successor)}`, {}, ctl.signal);
      } catch (e) {
        if (e.name === 'AbortError') throw e;
      }
    }
    if (seq !== actorSeq) return;
    renderActor(a, successor);
    ui.actorView.dataset.id = id;
    document.title = `${a.name || a.id} — vnkb`;
    if (scroll === null || scroll === undefined) window.scrollTo(0, 0);
    else ctx.restoreScroll(scroll);
    if (focus !== 'none') ui.actorView.querySelector('h1').focus({ preventScroll: true });
    ctx.markReady(st);
  } catch (e) {
    if (e.name === 'AbortError' || seq !== actorSeq) return;
    ui.actorView.dataset.id = '';
    const back = emptyPositions();
    fill(
      ui.actorView,
      ctx.backLink(toUrl(back), t('allPositions')),
      el('div', { class: 'error-box', role: 'alert' },
        el('h1', { class: 'error-title', tabindex: '-1' }, e.status === 404 ? t('actorNotFound') : t('errorTitle')),
        el('p', { class: 'error-message' }, e.status === 0 ? t('errorNetwork') : e.message)),
    );
    ui.actorView.querySelector('h1').focus();
    ctx.markReady(st);
  } finally {
    ctx.setBusy(false);
  }
}

function metaRow(key, value) {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length)) return null;
  return [el('dt', {}, t(`actor_${key}`)), el('dd', {}, value)];
}

// Members or networks: links to their pages, with the dates of membership.
function actorLinks(items, cls) {
  const list = el(
    'ul',
    { class: `actor-links ${cls}` },
    items.map((m, i) => {
      const dates = [m.from ? t('since', fmtDate(m.from)) : '', m.to ? t('until', fmtDate(m.to)) : ''].filter(Boolean).join(' ');
      return el(
        'li',
        { class: i >= MEMBERS_SHOWN ? 'is-more' : null, hidden: i >= MEMBERS_SHOWN ? true : null },
        el('a', { href: actorHref(m.id), 'data-nav': '', 'data-kind': m.kind || '' }, m.label || m.id),
        dates ? el('span', { class: 'actor-dates' }, ` (${dates})`) : null,
      );
    }),
  );
  if (items.length <= MEMBERS_SHOWN) return list;
  const more = el('button', { type: 'button', class: 'link-button', 'aria-expanded': 'false' }, t('membersMore', items.length));
  more.addEventListener('click', () => {
    const hidden = [...list.querySelectorAll('li.is-more')];
    for (const li of hidden) li.hidden = false;
    more.remove();
    const a = hidden[0] && hidden[0].querySelector('a');
    if (a) a.focus();
  });
  return [list, more];
}

function renderActor(a, successor) {
  for (const p of a.positions || []) learnPosition(p);
  labels.actor.set(a.id, a.name);
  if (a.kind === 'network') labels.network.set(a.id, a.name);
  for (const n of a.networks || []) labels.network.set(n.id, n.label);
  const isProcess = a.kind === 'process' || a.kind === 'forum';
  const base = emptyPositions();
  if (isProcess) base.filters.process = [a.id];
  else base.filters.actor = [a.id];

  const kind = a.kind ? t(`kind_${a.kind}`) : '';
  const kicker = [kind === `kind_${a.kind}` ? a.kind : kind, ...(a.acronyms || [])].filter(Boolean).join(' · ');
  const header = el(
    'header',
    { class: 'doc-header actor-header' },
    kicker ? el('p', { class: 'doc-kicker' }, kicker) : null,
    el('h1', { class: 'doc-title actor-name', tabindex: '-1' }, a.name || a.id),
    a.name_en ? el('p', { class: 'actor-name-en', lang: 'en' }, a.name_en) : null,
  );

  const dl = el(
    'dl',
    { class: 'doc-meta actor-meta' },
    metaRow('acronyms', (a.acronyms || []).join(', ')),
    metaRow('aliases', (a.aliases || []).length ? el('ul', { class: 'actor-aliases' }, a.aliases.map((x) => el('li', {}, x))) : ''),
    metaRow('networks', (a.networks || []).length ? actorLinks(a.networks, 'actor-networks') : ''),
    metaRow(isProcess ? 'forums' : 'members', (a.members || []).length ? actorLinks(a.members, 'actor-members') : ''),
    metaRow('successor', a.successor ? el('a', { href: actorHref(a.successor), 'data-nav': '', class: 'actor-successor' }, (successor && successor.name) || a.successor) : ''),
  );

  // Counts by stance and by year: links to the positions view filtered.
  const side = [dl];
  const byStance = a.by_stance || {};
  const stances = [...STANCES.filter((s) => byStance[s]), ...Object.keys(byStance).filter((s) => !STANCES.includes(s))];
  if (stances.length) {
    side.push(
      el('section', { class: 'doc-rel actor-stances', 'aria-labelledby': 'actor-stances-h' },
        el('h2', { id: 'actor-stances-h' }, t('byStance')),
        el('ul', { class: 'stance-counts' }, stances.map((s) =>
          el('li', { 'data-stance': s },
            el('a', { href: toUrl(withFilter(base, 'stance', s, true)), 'data-nav': '', 'aria-label': t('stanceCount', stanceText(s), byStance[s]) },
              el('span', { class: `stance-badge stance-${s}` }, stanceText(s)),
              ' ',
              el('span', { class: 'count' }, fmtInt(byStance[s]))))))),
    );
  }
  const years = Object.keys(a.by_year || {}).sort();
  if (years.length) {
    side.push(
      el('section', { class: 'doc-rel actor-years', 'aria-labelledby': 'actor-years-h' },
        el('h2', { id: 'actor-years-h' }, t('byYear')),
        el('ul', { class: 'year-counts' }, years.map((y) =>
          el('li', { 'data-year': y },
            el('a', { href: toUrl(withFilter(base, 'year', y, true)), 'data-nav': '', 'aria-label': `${y}: ${t('yearCount', a.by_year[y])}` },
              y, ' ', el('span', { class: 'count' }, fmtInt(a.by_year[y]))))))),
    );
  }
  const links = [];
  if (!isProcess) links.push(el('a', { href: toUrl(base), 'data-nav': '', class: 'button button-secondary actor-all' }, t('actorAllPositions', a.positions_total || 0)));
  if (a.kind === 'network') {
    const net = emptyPositions();
    net.filters.network = [a.id];
    links.push(el('a', { href: toUrl(net), 'data-nav': '', class: 'button button-secondary actor-network' }, t('networkPositions')));
  }
  if (isProcess) links.push(el('a', { href: toUrl(base), 'data-nav': '', class: 'button button-secondary actor-process' }, t('processPositions')));
  side.push(el('p', { class: 'doc-actions actor-actions' }, links));

  const positions = a.positions || [];
  const total = a.positions_total || 0;
  const main = el(
    'section',
    { class: 'actor-timeline', 'aria-labelledby': 'actor-timeline-h' },
    el('h2', { id: 'actor-timeline-h', class: 'section-heading' }, t('actorTimeline'), ' ', el('span', { class: 'count' }, fmtInt(total))),
  );
  if (!positions.length) {
    main.append(el('p', { class: 'muted actor-none' }, t('actorNoPositions')));
  } else {
    if (total > positions.length) {
      main.append(el('p', { class: 'notice actor-more' }, t('actorShown', positions.length, total), ' ',
        el('a', { href: toUrl(base), 'data-nav': '' }, t('actorAllPositions', total))));
    }
    main.append(el('div', { class: 'timeline' }, renderTimeline(positions, { level: 3, base, self: a.id, idPrefix: 'a', yearCounts: a.by_year || {} })));
  }

  fill(
    ui.actorView,
    ctx.backLink(toUrl(emptyPositions()), t('allPositions')),
    header,
    el('div', { class: 'doc-layout actor-layout' },
      el('div', { class: 'doc-side' }, side),
      el('div', { class: 'doc-main' }, main)),
  );
}
