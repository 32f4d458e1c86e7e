// The search page: the results of a query with facets, date range, chips,
// sort and pages. The shell (app.js) shows it and lends navigation. See
// docs/ui.md.

import { el, append, fill, markedFragment } from './dom.js';
import { renderPager, showListError, facetGroup, renderFilterChips, readDateRange, setFacetsOpen } from './widgets.js';
import { getJson, FACETS, facetTitle, fileUrl } from './api.js';
import { t, fmtDate, lang } from './i18n.js';
import { toUrl, clone, searchOf, withFilter, filterCount, emptyState, docUrl } from './state.js';

const PER_PAGE = 10;
const FACET_LIMIT = 30; // values asked for per facet
const FACET_SHOWN = 6; // values shown before "show more"

const $ = (id) => document.getElementById(id);
const ui = {
  view: $('search-view'),
  facetToggle: $('facet-toggle'),
  facets: $('facets'),
  facetGroups: $('facet-groups'),
  dateForm: $('date-form'),
  dateFrom: $('date-from'),
  dateTo: $('date-to'),
  dateError: $('date-error'),
  chips: $('chips'),
  status: $('status'),
  sort: $('sort'),
  notices: $('notices'),
  hits: $('hits'),
  pager: $('pager'),
  resultsCol: $('results-col'),
};

// What app.js lends: navigate(next, opts), state(), markReady(st),
// setBusy(on), keepFocus(container, rebuild), focusQuery(),
// restoreScroll(y).
let ctx = null;

const labels = {}; // facet -> value -> label, learnt from answers
for (const f of FACETS) labels[f] = new Map();
const expanded = new Set(); // facets showing all their values
let lastSearch = null; // {url, data} of the last answer shown
let searchCtl = null;
let searchSeq = 0;

export function initSearch(context) {
  ctx = context;
  ui.sort.addEventListener('change', () => {
    const next = searchOf(ctx.state());
    next.sort = ui.sort.value;
    next.page = 1;
    ctx.navigate(next);
  });
  ui.dateForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const range = readDateRange(ui.dateFrom, ui.dateTo, ui.dateError);
    if (!range) return;
    const next = searchOf(ctx.state());
    next.from = range.from;
    next.to = range.to;
    next.page = 1;
    ctx.navigate(next);
  });
  ui.facetToggle.addEventListener('click', () => setFacetsOpen(ui.facetToggle, ui.facets, !ui.facets.classList.contains('open')));
}

// The name of a network or topic seen elsewhere (the document page), for
// the chips and facets shown before the next answer.
export function learnLabel(facet, value, label) {
  labels[facet].set(value, label);
}

export function cancelSearch() {
  if (searchCtl) searchCtl.abort();
}

export function showSearch({ focus, scroll }) {
  const state = ctx.state();
  document.title = state.q ? `${state.q} — vnkb` : t('appTitle');
  ui.sort.value = state.sort;
  ui.dateFrom.value = fmtDate(state.from);
  ui.dateTo.value = fmtDate(state.to);
  ui.dateError.textContent = '';
  ui.dateFrom.removeAttribute('aria-invalid');
  ui.dateTo.removeAttribute('aria-invalid');
  updateFacetToggle();
  renderChips();
  runSearch({ focus, scroll });
}

function searchParams(st) {
  const p = {
    q: st.q.trim(),
    from: st.from,
    to: st.to,
    sort: st.sort === 'relevance' ? '' : st.sort,
    page: st.page > 1 ? st.page : '',
    per_page: PER_PAGE,
    facet_limit: FACET_LIMIT,
  };
  for (const f of FACETS) p[f] = st.filters[f];
  return p;
}

async function runSearch({ focus = null, scroll = null } = {}) {
  if (searchCtl) searchCtl.abort();
  const ctl = (searchCtl = new AbortController());
  const seq = ++searchSeq;
  const st = clone(ctx.state());
  const url = toUrl(st);
  ui.hits.setAttribute('aria-busy', 'true');
  ctx.setBusy(true);
  try {
    const data = await getJson('/api/search', searchParams(st), ctl.signal);
    if (seq !== searchSeq) return; // a newer search was started: ignore
    lastSearch = { url, data };
    renderResults(st, data);
    afterRender(focus, scroll);
    ctx.markReady(st);
  } catch (e) {
    if (e.name === 'AbortError' || seq !== searchSeq) return;
    lastSearch = null;
    renderError(st, e);
    afterRender(focus, scroll);
    ctx.markReady(st);
  } finally {
    ctx.setBusy(false);
    if (seq === searchSeq) ui.hits.removeAttribute('aria-busy');
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

function learnLabels(data) {
  for (const f of FACETS) {
    for (const v of (data.facets && data.facets[f]) || []) {
      if (v.label) labels[f].set(v.value, v.label);
    }
  }
  for (const h of data.hits || []) {
    for (const n of h.networks || []) labels.network.set(n.id, n.label);
    for (const n of h.topics || []) labels.topic.set(n.id, n.label);
  }
}

function labelOf(facet, value) {
  return labels[facet].get(value) || value;
}

function renderResults(st, data) {
  learnLabels(data);
  renderFacets(st, data.facets || {});
  renderChips();
  renderStatus(st, data);
  renderNotices(st, data);
  renderHits(st, data);
  renderPager(ui.pager, { total: data.total, perPage: data.per_page || PER_PAGE, page: st.page, hrefOf: (p) => pageUrl(st, p) });
}

function renderStatus(st, data) {
  const total = data.total || 0;
  const q = st.q.trim();
  let text;
  if (!q && filterCount(st) === 0) text = t('totalAll', total);
  else if (q) text = t('totalFor', total, q);
  else text = t('total', total);
  const hits = (data.hits || []).length;
  if (hits && total > hits) {
    const first = (data.page - 1) * data.per_page + 1;
    text += ` · ${t('showing', first, first + hits - 1)}`;
  }
  ui.status.textContent = text;
  ui.status.classList.remove('is-error');
}

function renderNotices(st, data) {
  const items = [];
  if (data.suggestion) {
    const next = searchOf(st);
    next.q = data.suggestion;
    next.page = 1;
    items.push(
      el(
        'p',
        { class: 'notice suggestion' },
        t('suggestion'),
        ' ',
        el('a', { href: toUrl(next), 'data-nav': '', class: 'suggestion-link', lang: 'vi' }, data.suggestion),
      ),
    );
  }
  if (data.other_spellings) {
    // The words as typed found few documents; their other spellings more.
    const other = data.other_spellings;
    const next = searchOf(st);
    next.q = other.query;
    next.page = 1;
    const q = st.q.trim();
    items.push(
      el(
        'p',
        { class: 'notice other-spellings', lang: 'vi' },
        data.total ? t('spellingFew', data.total, q) : t('spellingNone', q),
        el('a', { href: toUrl(next), 'data-nav': '', class: 'other-spellings-link' }, t('spellingOthers', other.total)),
      ),
    );
  }
  for (const n of data.numbers || []) {
    // A number search for a decision the collection lacks: say so, before
    // the documents that cite or mention it.
    if (!n.in_collection) items.push(el('p', { class: 'notice number-absent', lang: 'vi' }, t('numberAbsent', n.number, n.related)));
  }
  if (data.relaxed) items.push(el('p', { class: 'notice relaxed' }, t('relaxed')));
  for (const w of data.warnings || []) items.push(el('p', { class: 'notice warning' }, w));
  fill(ui.notices, items);
}

function renderHits(st, data) {
  const hits = data.hits || [];
  if (!hits.length) {
    fill(ui.hits);
    const q = st.q.trim();
    const box = el(
      'div',
      { class: 'empty' },
      el('h2', { class: 'empty-title' }, t('emptyTitle')),
      el('p', {}, q ? t('emptyFor', q) : t('emptyFilters')),
      el('p', { class: 'muted' }, t('emptyTips')),
    );
    if (q && filterCount(st) > 0) {
      const bare = emptyState();
      bare.q = st.q;
      bare.sort = st.sort;
      append(box, [el('p', {}, el('a', { href: toUrl(bare), 'data-nav': '', class: 'without-filters' }, t('withoutFilters', q)))]);
    }
    if (data.total > 0 && st.page > 1) {
      const first = searchOf(st);
      first.page = 1;
      append(box, [el('p', {}, el('a', { href: toUrl(first), 'data-nav': '' }, t('pageN', 1)))]);
    }
    ui.hits.append(el('li', { class: 'empty-item' }, box));
    return;
  }
  const first = (data.page - 1) * data.per_page + 1;
  ui.hits.setAttribute('start', String(first));
  fill(ui.hits, hits.map((h) => renderHit(st, h)));
}

function renderHit(st, h) {
  const page = h.page || 1;
  const meta = [];
  if (h.type) meta.push(el('span', { class: 'hit-type' }, h.type));
  if (h.number) meta.push(el('span', { class: 'hit-number' }, h.number));
  if (h.issuer) meta.push(el('span', { class: 'hit-issuer' }, h.issuer));
  if (h.issue_date) meta.push(el('time', { class: 'hit-date', datetime: h.issue_date }, fmtDate(h.issue_date)));
  const badges = [
    ...(h.networks || []).map((n) => badge(st, 'network', n)),
    ...(h.topics || []).map((n) => badge(st, 'topic', n)),
  ];
  const titleId = `hit-${h.id}`;
  return el(
    'li',
    { class: 'hit', 'data-id': h.id },
    el(
      'h2',
      { class: 'hit-title', id: titleId },
      el('a', { href: docUrl(st, h.id, page), 'data-nav': '' }, h.title || h.number || `#${h.id}`),
    ),
    meta.length
      ? el('p', { class: 'hit-meta' }, meta.flatMap((m, i) => (i ? [el('span', { class: 'sep', 'aria-hidden': 'true' }, '\u00a0· '), m] : [m])))
      : null,
    badges.length ? renderBadges(badges) : null,
    h.number_role ? renderNumberRole(h.number_role) : null,
    h.snippet ? el('p', { class: 'snippet' }, markedFragment(h.snippet)) : null,
    el(
      'p',
      { class: 'hit-foot' },
      el('span', { class: 'hit-page', title: t('pageLong', page) }, `${t('page')} ${page}`),
      el(
        'a',
        {
          class: 'hit-file',
          href: fileUrl(h.id, page),
          target: '_blank',
          rel: 'noopener',
          'aria-label': `${t('openOriginalAt', page)}: ${h.title || ''}`,
        },
        t('openOriginal'),
      ),
    ),
  );
}

// What the hit is to the number searched for: the decision, or a document
// citing, amending… or mentioning it.
function renderNumberRole(r) {
  const label = t('numberRole')[r.role];
  const text = label ? label(r.number) : `${r.role} ${r.number}`;
  return el('p', { class: `number-role role-${r.role === 'is' ? 'is' : 'related'}`, 'data-role': r.role }, text);
}

// Badges past the sixth wait behind a "+N" button.
const BADGES_SHOWN = 6;
function renderBadges(badges) {
  const p = el('p', { class: 'badges' }, badges);
  if (badges.length > BADGES_SHOWN + 1) {
    for (const b of badges.slice(BADGES_SHOWN)) b.hidden = true;
    const more = el('button', { type: 'button', class: 'badge badge-more', 'aria-label': t('badgesMore', badges.length - BADGES_SHOWN) }, `+${badges.length - BADGES_SHOWN}`);
    more.addEventListener('click', () => {
      for (const b of badges) b.hidden = false;
      more.remove();
      badges[BADGES_SHOWN].focus();
    });
    p.append(more);
  }
  return p;
}

// A network or topic badge: a link that adds it as a filter.
function badge(st, facet, item) {
  const selected = st.filters[facet].includes(item.id);
  const next = withFilter(st, facet, item.id, true);
  return el(
    'a',
    {
      class: `badge badge-${facet}${selected ? ' is-selected' : ''}`,
      href: toUrl(next),
      'data-nav': '',
      title: t('badgeFilter', item.label),
    },
    item.label,
  );
}

function pageUrl(st, page) {
  const next = searchOf(st);
  next.page = page;
  return toUrl(next);
}

function renderError(st, e) {
  const title = e.status === 400 ? t('errorQuery') : t('errorTitle');
  showListError({
    status: ui.status,
    notices: ui.notices,
    cleared: [ui.hits, ui.pager, ui.facetGroups],
    title,
    error: e,
    showHelp: e.status === 400,
    onRetry: () => runSearch(),
  });
}

// ------------------------------------------------------------------- facets

function renderFacets(st, facets) {
  ctx.keepFocus(ui.facetGroups, () => {
    const groups = [];
    for (const f of FACETS) {
      let values = [...(facets[f] || [])];
      if (!values.length && !st.filters[f].length) continue;
      if (f === 'year') values.sort((a, b) => String(b.value).localeCompare(String(a.value)));
      // Values selected in the URL that the answer does not list still show.
      for (const v of st.filters[f]) {
        if (!values.some((x) => x.value === v)) values.push({ value: v, label: labelOf(f, v), count: 0, selected: true });
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
    prefix: '',
    title: facetTitle(facet, lang()),
    labelOf: (v) => v.label || v.value,
    onChange: (value, checked) => ctx.navigate(withFilter(ctx.state(), facet, value, checked)),
    onMore: () => {
      if (expanded.has(facet)) expanded.delete(facet);
      else expanded.add(facet);
      if (lastSearch) renderFacets(ctx.state(), lastSearch.data.facets || {});
    },
  });
}

function renderChips() {
  const state = ctx.state();
  const cleared = emptyState();
  cleared.q = state.q;
  cleared.sort = state.sort;
  renderFilterChips(ctx, ui.chips, {
    st: state,
    facets: FACETS,
    facetLabel: (f) => facetTitle(f, lang()),
    valueLabel: labelOf,
    copy: searchOf,
    cleared,
    prefix: 'chip',
  });
}

function updateFacetToggle() {
  ui.facetToggle.textContent = t('filtersCount', filterCount(ctx.state()));
}

// The labels the language switch changes outside the answer.
export function updateSearchText() {
  updateFacetToggle();
}

// Escape on a phone: closes the filters if they are open (true if it did).
export function closeSearchFacets() {
  if (ui.view.hidden || !ui.facets.classList.contains('open')) return false;
  setFacetsOpen(ui.facetToggle, ui.facets, false);
  ui.facetToggle.focus();
  return true;
}
