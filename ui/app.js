// The vnkb web UI: search with facets, the document page, and (positions.js)
// the negotiation positions and actor pages. Plain ES modules, no build
// step, no dependencies. See docs/ui.md.
//
// Safety rule: everything that comes from the server or from a document is
// inserted as text (dom.js); the only markup rendered is the server's <mark>
// highlighting, rebuilt element by element by markedFragment().

import { el, append, fill, markedFragment } from './dom.js';
import { pagerItems, errorBox, facetGroup, chip, readDateRange } from './widgets.js';
import { getJson, FACETS, fileUrl } from './api.js';
import { t, lang, setLang, fmtDate } from './i18n.js';
import {
  parseUrl,
  toUrl,
  clone,
  searchOf,
  withFilter,
  filterCount,
  emptyState,
  emptyPositions,
} from './state.js';
import { initPositions, showPositions, showActor, cancelPositions, closePositionFacets, updatePositionsText } from './positions.js';

const PER_PAGE = 10;
const FACET_LIMIT = 30; // values asked for per facet
const FACET_SHOWN = 6; // values shown before "show more"
const DEBOUNCE_MS = 180;
const MAX_PAGE = 1000;

const $ = (id) => document.getElementById(id);
const ui = {
  q: $('q'),
  form: $('search-form'),
  brand: $('brand'),
  lang: $('lang'),
  searchView: $('search-view'),
  docView: $('doc-view'),
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
  progress: $('progress'),
  main: $('main'),
  positionsView: $('positions-view'),
  actorView: $('actor-view'),
  navSearch: $('nav-search'),
  navPositions: $('nav-positions'),
  qLabel: document.querySelector('label[for="q"]'),
};

let state = parseUrl(location.search);
const labels = {}; // facet -> value -> label, learnt from answers
for (const f of FACETS) labels[f] = new Map();
const expanded = new Set(); // facets showing all their values
let lastSearch = null; // {url, data} of the last answer shown
let docCache = new Map(); // id -> document metadata
let searchCtl = null;
let searchSeq = 0;
let docCtl = null;
let textCtl = null;
let docSeq = 0;
let debounceTimer = 0;
let busyTimer = 0;
let busyCount = 0;
// The last URL of each view, for the view switch in the top bar.
const lastUrl = { search: '/', positions: '/?view=positions' };

// ---------------------------------------------------------------- navigation

// Shows `next` and records it in the history. Typing replaces the entry it
// created itself, so one search session leaves one entry, not one per key.
// A document or actor page remembers the view it was opened from (fromUrl,
// fromView) for its back link; fromSearch says that view is the previous
// history entry, so the back link can use history.back().
function navigate(next, { typing = false, replace = false, fromSearch = false, focus = null } = {}) {
  const url = toUrl(next);
  const cur = history.state || {};
  let origin = {};
  if (fromSearch) origin = { fromUrl: location.pathname + location.search, fromView: state.doc ? 'doc' : state.view };
  else if (next.doc && state.doc === next.doc) origin = { fromUrl: cur.fromUrl, fromView: cur.fromView };
  if (replace || (typing && cur.typing)) {
    history.replaceState({ ...cur, typing, fromSearch: fromSearch || cur.fromSearch }, '', url);
  } else if (url === location.pathname + location.search) {
    history.replaceState({ ...cur, typing: false }, '', url);
  } else {
    history.replaceState({ ...cur, scroll: window.scrollY }, '');
    history.pushState({ typing, fromSearch, ...origin }, '', url);
  }
  state = next;
  render({ syncQuery: !typing, focus });
}

// <body data-ready="1"> once the view of the current URL is fully shown (no
// typing pending, no answer outstanding): for tests and automation.
let typingPending = false;
function markBusy() {
  document.body.dataset.ready = '0';
}
function markReady(st) {
  if (!typingPending && toUrl(st) === toUrl(state)) document.body.dataset.ready = '1';
}

function render({ syncQuery = true, focus = null, scroll = null } = {}) {
  markBusy();
  updateTopbar();
  if (state.doc) {
    showDoc({ focus, scroll });
  } else if (state.view === 'positions') {
    showOnly(ui.positionsView);
    cancelDoc();
    if (searchCtl) searchCtl.abort();
    if (syncQuery && ui.q.value !== state.q) ui.q.value = state.q;
    showPositions({ focus, scroll });
  } else if (state.view === 'actor') {
    showOnly(ui.actorView);
    cancelDoc();
    if (searchCtl) searchCtl.abort();
    if (ui.q.value !== state.q && document.activeElement !== ui.q) ui.q.value = state.q;
    showActor({ focus, scroll });
  } else {
    showSearch({ syncQuery, focus, scroll });
  }
}

function showOnly(view) {
  for (const v of [ui.searchView, ui.docView, ui.positionsView, ui.actorView]) v.hidden = v !== view;
}

// The view switch and the search box follow the view: the box searches
// documents, or positions on the positions and actor pages.
function updateTopbar() {
  // A document opened from the positions stays under "Lập trường".
  const from = (history.state && history.state.fromView) || '';
  const positions = state.doc ? from === 'positions' || from === 'actor' : state.view === 'positions' || state.view === 'actor';
  if (!state.doc && state.view === 'search') lastUrl.search = toUrl(state);
  if (!state.doc && state.view === 'positions') lastUrl.positions = toUrl(state);
  ui.navSearch.setAttribute('href', lastUrl.search);
  ui.navPositions.setAttribute('href', lastUrl.positions);
  ui.navSearch.removeAttribute('aria-current');
  ui.navPositions.removeAttribute('aria-current');
  (positions ? ui.navPositions : ui.navSearch).setAttribute('aria-current', 'page');
  const searchesPositions = positions && !state.doc;
  const label = searchesPositions ? 'positionsLabel' : 'searchLabel';
  const placeholder = searchesPositions ? 'positionsPlaceholder' : 'searchPlaceholder';
  ui.qLabel.dataset.i18n = label;
  ui.qLabel.textContent = t(label);
  ui.q.dataset.i18nPlaceholder = placeholder;
  ui.q.setAttribute('placeholder', t(placeholder));
}

window.addEventListener('popstate', () => {
  cancelTyping();
  state = parseUrl(location.search);
  const scroll = history.state && typeof history.state.scroll === 'number' ? history.state.scroll : null;
  render({ syncQuery: true, scroll });
});

// Internal links (<a data-nav>) navigate in place; modified clicks (new tab)
// keep the browser's behaviour.
document.addEventListener('click', (e) => {
  const a = e.target.closest && e.target.closest('a[data-nav]');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  if (a.dataset.nav === 'back' && history.state && history.state.fromSearch) {
    history.back();
    return;
  }
  const next = parseUrl(new URL(a.href).search);
  // "Back to results" can return with history.back() (keeping the scroll
  // position) only from a document that was opened from the results (or the
  // positions, or an actor page), or an actor page opened from anywhere.
  const detail = next.doc ? !state.doc : next.view === 'actor';
  navigate(next, { fromSearch: detail, focus: a.dataset.focus || null });
});

function setBusy(on) {
  busyCount += on ? 1 : -1;
  if (busyCount < 0) busyCount = 0;
  clearTimeout(busyTimer);
  if (busyCount > 0) {
    // Shown only when an answer is slow, so quick answers do not flicker.
    busyTimer = setTimeout(() => ui.progress.classList.add('active'), 150);
  } else {
    ui.progress.classList.remove('active');
  }
}

function restoreScroll(scroll) {
  if (typeof scroll === 'number') window.scrollTo(0, scroll);
}

// Keeps keyboard focus on "the same" control when a region is rebuilt: the
// element with the same data-key, if there still is one.
function keepFocus(container, rebuild) {
  const active = document.activeElement;
  const key = active && container.contains(active) ? active.dataset.key : null;
  rebuild();
  if (key) {
    const again = container.querySelector(`[data-key="${CSS.escape(key)}"]`);
    if (again) again.focus();
    else return key;
  }
  return null;
}

// -------------------------------------------------------------- search page

function showSearch({ syncQuery, focus, scroll }) {
  cancelDoc();
  cancelPositions();
  showOnly(ui.searchView);
  document.title = state.q ? `${state.q} — vnkb` : t('appTitle');
  if (syncQuery && ui.q.value !== state.q) ui.q.value = state.q;
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
  const st = clone(state);
  const url = toUrl(st);
  ui.hits.setAttribute('aria-busy', 'true');
  setBusy(true);
  try {
    const data = await getJson('/api/search', searchParams(st), ctl.signal);
    if (seq !== searchSeq) return; // a newer search was started: ignore
    lastSearch = { url, data };
    renderResults(st, data);
    afterRender(focus, scroll);
    markReady(st);
  } catch (e) {
    if (e.name === 'AbortError' || seq !== searchSeq) return;
    lastSearch = null;
    renderError(st, e);
    afterRender(focus, scroll);
    markReady(st);
  } finally {
    setBusy(false);
    if (seq === searchSeq) ui.hits.removeAttribute('aria-busy');
  }
}

function afterRender(focus, scroll) {
  if (scroll !== null && scroll !== undefined) restoreScroll(scroll);
  if (focus === 'results') {
    ui.status.setAttribute('tabindex', '-1');
    ui.status.focus({ preventScroll: true });
    document.getElementById('results-col').scrollIntoView({ block: 'start' });
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
  renderPager(st, data);
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

function docLink(st, id, page) {
  const next = clone(st);
  next.doc = id;
  next.tp = page || 1;
  return toUrl(next);
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
      el('a', { href: docLink(st, h.id, page), 'data-nav': '' }, h.title || h.number || `#${h.id}`),
    ),
    meta.length
      ? el('p', { class: 'hit-meta' }, meta.flatMap((m, i) => (i ? [el('span', { class: 'sep', 'aria-hidden': 'true' }, '\u00a0· '), m] : [m])))
      : null,
    badges.length ? renderBadges(badges) : null,
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

function renderPager(st, data) {
  fill(
    ui.pager,
    pagerItems({
      total: data.total,
      perPage: data.per_page || PER_PAGE,
      page: st.page,
      maxPage: MAX_PAGE,
      hrefOf: (p) => {
        const next = searchOf(st);
        next.page = p;
        return toUrl(next);
      },
    }),
  );
}

function renderError(st, e) {
  fill(ui.hits);
  fill(ui.pager);
  fill(ui.notices);
  fill(ui.facetGroups); // its counts were for another query
  const isQuery = e.status === 400;
  const title = isQuery ? t('errorQuery') : t('errorTitle');
  const message = e.status === 0 ? t('errorNetwork') : e.message;
  ui.status.textContent = `${title}: ${message}`;
  ui.status.classList.add('is-error');
  ui.notices.append(errorBox({ title, message, error: e, showHelp: isQuery, isQuery, onRetry: () => runSearch() }));
}

// ------------------------------------------------------------------- facets

function renderFacets(st, facets) {
  keepFocus(ui.facetGroups, () => {
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
    title: t(`facet_${facet}`),
    labelOf: (v) => v.label || v.value,
    onChange: (value, checked) => navigate(withFilter(state, facet, value, checked)),
    onMore: () => {
      if (expanded.has(facet)) expanded.delete(facet);
      else expanded.add(facet);
      if (lastSearch) renderFacets(state, lastSearch.data.facets || {});
    },
  });
}

function renderChips() {
  const chips = [];
  const add = (label, next, key) => chips.push(chip(label, toUrl(next), key));
  for (const f of FACETS) {
    for (const v of state.filters[f]) {
      add(`${t(`facet_${f}`)}: ${labelOf(f, v)}`, withFilter(state, f, v, false), `chip:${f}:${v}`);
    }
  }
  if (state.from) {
    const next = searchOf(state);
    next.from = '';
    next.page = 1;
    add(`${t('chipFrom')} ${fmtDate(state.from)}`, next, 'chip:from');
  }
  if (state.to) {
    const next = searchOf(state);
    next.to = '';
    next.page = 1;
    add(`${t('chipTo')} ${fmtDate(state.to)}`, next, 'chip:to');
  }
  if (chips.length >= 2) {
    const next = emptyState();
    next.q = state.q;
    next.sort = state.sort;
    chips.push(el('a', { class: 'chip chip-clear', href: toUrl(next), 'data-nav': '', 'data-key': 'chip:clear' }, t('clearAll')));
  }
  const lost = keepFocus(ui.chips, () => fill(ui.chips, chips));
  if (lost) ui.q.focus(); // the chip that had focus was removed
  ui.chips.hidden = chips.length === 0;
}

function updateFacetToggle() {
  ui.facetToggle.textContent = t('filtersCount', filterCount(state));
}

function setFacetsOpen(open) {
  ui.facets.classList.toggle('open', open);
  ui.facetToggle.setAttribute('aria-expanded', open ? 'true' : 'false');
}

// ------------------------------------------------------------ document page

function cancelDoc() {
  if (docCtl) docCtl.abort();
  if (textCtl) textCtl.abort();
  docCtl = textCtl = null;
}

async function showDoc({ focus, scroll }) {
  showOnly(ui.docView);
  cancelPositions();
  if (searchCtl) searchCtl.abort();
  if (ui.q.value !== state.q && document.activeElement !== ui.q) ui.q.value = state.q;
  const id = state.doc;
  const seq = ++docSeq;
  const shown = ui.docView.dataset.id === String(id);
  let meta = docCache.get(id);
  if (!meta) {
    if (!shown) {
      fill(ui.docView, el('p', { class: 'doc-loading', role: 'status' }, t('docLoading')));
    }
    if (docCtl) docCtl.abort();
    const ctl = (docCtl = new AbortController());
    setBusy(true);
    try {
      meta = await getJson(`/api/documents/${id}`, {}, ctl.signal);
      docCache.set(id, meta);
    } catch (e) {
      if (e.name === 'AbortError' || seq !== docSeq) return;
      ui.docView.dataset.id = '';
      fill(
        ui.docView,
        backLink(),
        el('div', { class: 'error-box', role: 'alert' },
          el('h1', { class: 'error-title', tabindex: '-1' }, e.status === 404 ? t('docNotFound') : t('errorTitle')),
          el('p', { class: 'error-message' }, e.status === 0 ? t('errorNetwork') : e.message)),
      );
      ui.docView.querySelector('h1').focus();
      markReady(state);
      return;
    } finally {
      setBusy(false);
    }
    if (seq !== docSeq) return;
  }
  const pages = Math.max(1, meta.pages || 1);
  if (state.tp > pages) state.tp = pages;
  if (!shown || ui.docView.dataset.lang !== lang()) {
    renderDoc(meta);
    ui.docView.dataset.id = String(id);
    ui.docView.dataset.lang = lang();
    if (scroll === null || scroll === undefined) window.scrollTo(0, 0);
    const h1 = ui.docView.querySelector('h1');
    if (focus !== 'text' && h1) h1.focus({ preventScroll: true });
  }
  document.title = `${meta.title || meta.number || `#${id}`} — vnkb`;
  await loadText(meta, seq, focus);
  restoreScroll(scroll);
}

// The back link of a document or actor page: to the view it was opened from
// (with history.back() when that is the previous entry), else to `url`.
function backLink(url = toUrl(searchOf(state)), label = t('backToResults')) {
  const h = history.state || {};
  const from = { search: 'backToResults', positions: 'backToPositions', actor: 'backToActor', doc: 'backToResults' }[h.fromView];
  if (h.fromUrl && from) {
    url = h.fromUrl;
    label = t(from);
  }
  return el('p', { class: 'doc-back' }, el('a', { href: url, 'data-nav': 'back', class: 'back-link' }, label));
}

function metaRow(key, value) {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length)) return null;
  return [el('dt', {}, t(`meta_${key}`)), el('dd', {}, value)];
}

function renderDoc(d) {
  const st = state;
  const search = searchOf(st);
  const tagLinks = (facet, items) =>
    (items || []).map((n) => {
      const next = emptyState();
      next.filters[facet] = [n.id];
      labels[facet].set(n.id, n.label);
      return el('a', { class: `badge badge-${facet}`, href: toUrl(next), 'data-nav': '', title: t('badgeFilter', n.label) }, n.label);
    });
  const status = d.status ? t(`status_${d.status}`) : '';
  const language = d.language ? t(`lang_${d.language}`) : '';
  const dl = el(
    'dl',
    { class: 'doc-meta' },
    metaRow('type', d.type),
    metaRow('number', d.number),
    metaRow('issuer', d.issuer),
    metaRow('issue_date', d.issue_date ? el('time', { datetime: d.issue_date }, fmtDate(d.issue_date)) : ''),
    metaRow('signer', d.signer),
    metaRow('networks', tagLinks('network', d.networks)),
    metaRow('topics', tagLinks('topic', d.topics)),
    metaRow('pages', d.pages ? String(d.pages) : ''),
    metaRow('language', language === `lang_${d.language}` ? d.language : language),
    metaRow('format', d.format ? String(d.format).toUpperCase() : ''),
    metaRow('status', status === `status_${d.status}` ? d.status : status),
    metaRow('file_name', d.file_name),
  );
  const actions = el(
    'p',
    { class: 'doc-actions' },
    el('a', { class: 'button', href: fileUrl(d.id), download: d.file_name || '' }, t('download')),
    el('a', { class: 'button button-secondary', id: 'doc-open', href: fileUrl(d.id, state.tp), target: '_blank', rel: 'noopener' }, t('openOriginal')),
  );

  const cites = el('section', { class: 'doc-rel', 'aria-labelledby': 'cites-h' }, el('h2', { id: 'cites-h' }, t('cites'), ' ', el('span', { class: 'count' }, String((d.cites || []).length))));
  if ((d.cites || []).length) {
    cites.append(
      el(
        'ul',
        { class: 'rel-list' },
        // Those in the collection (links) first, each group in document order.
        [...d.cites.filter((c) => c.id), ...d.cites.filter((c) => !c.id)].map((c) =>
          el(
            'li',
            {},
            c.id
              ? [
                  el('a', { href: docLink(search, c.id, 1), 'data-nav': '', class: 'rel-number' }, c.number || `#${c.id}`),
                  c.title ? el('span', { class: 'rel-title' }, c.title) : null,
                ]
              : [el('span', { class: 'rel-number' }, c.number), el('span', { class: 'rel-missing' }, t('notInKb'))],
          ),
        ),
      ),
    );
  } else {
    cites.append(el('p', { class: 'muted' }, t('citesNone')));
  }
  const citedBy = el('section', { class: 'doc-rel', 'aria-labelledby': 'citedby-h' }, el('h2', { id: 'citedby-h' }, t('citedBy'), ' ', el('span', { class: 'count' }, String((d.cited_by || []).length))));
  if ((d.cited_by || []).length) {
    citedBy.append(
      el(
        'ul',
        { class: 'rel-list' },
        d.cited_by.map((c) =>
          el(
            'li',
            {},
            el('a', { href: docLink(search, c.id, 1), 'data-nav': '', class: 'rel-number' }, c.number || c.title || `#${c.id}`),
            c.title && c.number ? el('span', { class: 'rel-title' }, c.title) : null,
            c.issue_date ? el('time', { class: 'rel-date', datetime: c.issue_date }, fmtDate(c.issue_date)) : null,
          ),
        ),
      ),
    );
  } else {
    citedBy.append(el('p', { class: 'muted' }, t('citedByNone')));
  }

  const text = el('section', { class: 'doc-text', id: 'doc-text', 'aria-labelledby': 'text-h' });
  fill(
    ui.docView,
    backLink(),
    el(
      'header',
      { class: 'doc-header' },
      d.type || d.number ? el('p', { class: 'doc-kicker' }, [d.type, d.number].filter(Boolean).join(' · ')) : null,
      el('h1', { class: 'doc-title', tabindex: '-1' }, d.title || d.number || `#${d.id}`),
    ),
    el(
      'div',
      { class: 'doc-layout' },
      el('div', { class: 'doc-side' }, dl, actions),
      el('div', { class: 'doc-main' }, text),
      el('div', { class: 'doc-rels' }, cites, citedBy),
    ),
  );
}

async function loadText(meta, seq, focus) {
  const section = $('doc-text');
  if (!section) return;
  const pages = Math.max(1, meta.pages || 1);
  const page = Math.min(Math.max(1, state.tp), pages);
  const q = state.q.trim();
  if (textCtl) textCtl.abort();
  const ctl = (textCtl = new AbortController());
  section.setAttribute('aria-busy', 'true');
  setBusy(true);
  let data;
  try {
    data = await getJson(`/api/documents/${meta.id}/text`, { page, q }, ctl.signal);
  } catch (e) {
    if (e.name === 'AbortError' || seq !== docSeq) return;
    // A query the highlighter cannot read still shows the page, unmarked.
    if (q && e.status === 400) {
      try {
        data = await getJson(`/api/documents/${meta.id}/text`, { page }, ctl.signal);
      } catch (e2) {
        if (e2.name === 'AbortError' || seq !== docSeq) return;
        e = e2;
      }
    }
    if (!data) {
      renderTextSection(section, meta, page, null, e);
      markReady(state);
      return;
    }
  } finally {
    setBusy(false);
    section.removeAttribute('aria-busy');
  }
  if (seq !== docSeq) return;
  renderTextSection(section, meta, page, data, null);
  markReady(state);
  const open = $('doc-open');
  if (open) open.setAttribute('href', fileUrl(meta.id, page));
  if (focus === 'text') {
    // Paging keeps the reader at the top of the new page.
    const body = section.querySelector('.page-text');
    if (body) body.focus({ preventScroll: true });
    if (section.getBoundingClientRect().top < 0) section.scrollIntoView({ block: 'start' });
  } else if (focus === 'pager') {
    const cur = section.querySelector('[data-key="tp-input"]');
    if (cur) cur.focus();
  }
}

function pageLink(p, text, attrs = {}) {
  const next = clone(state);
  next.tp = p;
  return el('a', { href: toUrl(next), 'data-nav': '', 'data-focus': 'text', ...attrs }, text);
}

function pageInfo(meta, page) {
  return (meta.page_info || []).find((p) => p.page === page) || { page, source: 'text' };
}

function renderTextSection(section, meta, page, data, error) {
  const pages = Math.max(1, meta.pages || 1);
  const info = pageInfo(meta, page);
  const source = (data && data.source) || info.source || 'text';
  const conf = data && data.ocr_confidence !== undefined ? data.ocr_confidence : info.ocr_confidence;
  const q = state.q.trim();

  const head = el('div', { class: 'text-head' }, el('h2', { id: 'text-h' }, t('text')));
  let sourceLabel = t(`source_${source}`);
  if (source === 'ocr' && typeof conf === 'number' && conf >= 0) {
    const pct = Math.round(conf <= 1 ? conf * 100 : conf);
    sourceLabel += ` (${t('ocrConfidence', pct)})`;
  }
  head.append(el('span', { class: `source-badge source-${source}` }, sourceLabel));
  if (q) {
    const noQ = clone(state);
    noQ.q = '';
    head.append(
      el('span', { class: 'highlight-info' }, t('highlighting', q), ' ',
        el('a', { href: toUrl(noQ), 'data-nav': '', 'data-focus': 'text', class: 'clear-highlight' }, t('clearHighlight'))),
    );
  }

  // Pager: previous, "page [n] of N", next; and a strip of page numbers that
  // shows which pages are OCR text or unread scans. None for one page.
  const nav = el('nav', { class: 'text-pager', 'aria-label': t('textPager'), hidden: pages <= 1 });
  if (page > 1) nav.append(pageLink(page - 1, t('prev'), { class: 'page-link', rel: 'prev', 'aria-label': t('prevLabel'), 'aria-keyshortcuts': 'ArrowLeft' }));
  else nav.append(el('span', { class: 'page-link is-disabled', 'aria-hidden': 'true' }, t('prev')));
  const input = el('input', {
    type: 'number',
    min: '1',
    max: String(pages),
    value: String(page),
    class: 'page-input',
    'data-key': 'tp-input',
    'aria-label': t('goToPage'),
  });
  input.addEventListener('change', () => {
    const n = Math.min(Math.max(1, parseInt(input.value, 10) || 1), pages);
    if (n !== state.tp) {
      const next = clone(state);
      next.tp = n;
      navigate(next, { focus: 'pager' });
    }
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      input.dispatchEvent(new Event('change'));
    }
  });
  nav.append(el('span', { class: 'page-of' }, el('label', {}, el('span', { class: 'sr-only' }, t('goToPage')), input), ` / ${pages}`));
  if (page < pages) nav.append(pageLink(page + 1, t('next'), { class: 'page-link', rel: 'next', 'aria-label': t('nextLabel'), 'aria-keyshortcuts': 'ArrowRight' }));
  else nav.append(el('span', { class: 'page-link is-disabled', 'aria-hidden': 'true' }, t('next')));

  let strip = null;
  if (pages > 1 && pages <= 200) {
    strip = el('ol', { class: 'page-strip', 'aria-label': t('textPager') });
    for (let p = 1; p <= pages; p++) {
      const src = pageInfo(meta, p).source;
      const label = `${t('pageN', p)}${src !== 'text' ? ` — ${t(`source_${src}`)}` : ''}`;
      strip.append(
        el('li', {},
          p === page
            ? el('span', { class: `strip-page src-${src} is-current`, 'aria-current': 'page', title: label, 'aria-label': label }, String(p))
            : pageLink(p, String(p), { class: `strip-page src-${src}`, title: label, 'aria-label': label })),
      );
    }
  }

  let body;
  if (error) {
    body = el('div', { class: 'error-box', role: 'alert' }, el('p', { class: 'error-message' }, error.status === 0 ? t('errorNetwork') : error.message));
  } else if (source === 'none') {
    body = el(
      'div',
      { class: 'scanned-note', role: 'note' },
      el('p', {}, t('scannedNote')),
      el('p', {}, el('a', { href: fileUrl(meta.id, page), target: '_blank', rel: 'noopener' }, t('scannedOpen'))),
    );
  } else {
    const content = data.html !== undefined && data.html !== null ? markedFragment(data.html) : document.createTextNode(data.text || '');
    body = el('div', { class: 'page-text', tabindex: '-1', lang: meta.language || 'vi', 'aria-label': t('pageOf', page, pages) });
    if (!(data.text || '').trim()) body.append(el('p', { class: 'muted' }, t('emptyPage')));
    else body.append(content);
  }
  const ocrNote = source === 'ocr' ? el('p', { class: 'notice ocr-note' }, t('ocrNote')) : null;
  // Previous and next again below a page of text.
  let bottom = null;
  if (pages > 1 && !error) {
    bottom = el('nav', { class: 'text-pager text-pager-bottom', 'aria-label': t('textPager') },
      page > 1 ? pageLink(page - 1, t('prev'), { class: 'page-link', 'aria-label': t('prevLabel') }) : null,
      el('span', { class: 'page-of' }, t('pageOf', page, pages)),
      page < pages ? pageLink(page + 1, t('next'), { class: 'page-link', 'aria-label': t('nextLabel') }) : null);
  }
  fill(section, head, nav, strip, ocrNote, body, bottom);
}

// ------------------------------------------------------------------- events

function scheduleSearch() {
  clearTimeout(debounceTimer);
  typingPending = true;
  markBusy();
  debounceTimer = setTimeout(() => {
    typingPending = false;
    const next = withQuery(ui.q.value);
    if (next.q === state.q && !state.doc && state.view !== 'actor') {
      markReady(state); // nothing changed: what is shown is current
      return;
    }
    navigate(next, { typing: true });
  }, DEBOUNCE_MS);
}

// The view the search box shows for `q`: positions from the positions and
// actor pages, documents from the others.
function withQuery(q) {
  let next;
  if (state.doc || state.view === 'search') next = searchOf(state);
  else if (state.view === 'positions') next = clone(state);
  else next = emptyPositions();
  next.q = q;
  next.page = 1;
  return next;
}

function cancelTyping() {
  clearTimeout(debounceTimer);
  typingPending = false;
}

ui.q.addEventListener('input', (e) => {
  if (e.isComposing) return; // wait for the input method (Telex, VNI) to finish
  scheduleSearch();
});
ui.q.addEventListener('compositionend', scheduleSearch);

ui.form.addEventListener('submit', (e) => {
  e.preventDefault();
  cancelTyping();
  navigate(withQuery(ui.q.value));
});

ui.q.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') {
    e.preventDefault();
    e.stopPropagation();
    if (ui.q.value) {
      ui.q.value = '';
      cancelTyping();
      navigate(withQuery(''));
    } else {
      ui.q.blur();
    }
  }
});

ui.sort.addEventListener('change', () => {
  const next = searchOf(state);
  next.sort = ui.sort.value;
  next.page = 1;
  navigate(next);
});

ui.dateForm.addEventListener('submit', (e) => {
  e.preventDefault();
  const range = readDateRange(ui.dateFrom, ui.dateTo, ui.dateError);
  if (!range) return;
  const next = searchOf(state);
  next.from = range.from;
  next.to = range.to;
  next.page = 1;
  navigate(next);
});

ui.facetToggle.addEventListener('click', () => setFacetsOpen(!ui.facets.classList.contains('open')));

ui.lang.addEventListener('click', () => {
  setLang(lang() === 'vi' ? 'en' : 'vi');
  applyStaticText();
  ui.docView.dataset.lang = '';
  render({ syncQuery: false });
  ui.lang.focus();
});

ui.brand.addEventListener('click', (e) => {
  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  e.preventDefault();
  ui.q.value = '';
  navigate(emptyState());
  ui.q.focus();
});

function inField(target) {
  return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

document.addEventListener('keydown', (e) => {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
  const field = inField(e.target);
  if (e.key === '/' && !field) {
    e.preventDefault();
    ui.q.focus();
    ui.q.select();
    return;
  }
  if (e.key === 'Escape') {
    if (closePositionFacets()) return;
    if (ui.facets.classList.contains('open') && !state.doc && state.view === 'search') {
      setFacetsOpen(false);
      ui.facetToggle.focus();
      return;
    }
    if (!state.doc && state.view === 'actor' && !field) {
      const back = ui.actorView.querySelector('.back-link');
      if (back) back.click();
      return;
    }
    if (state.doc && !field) {
      const back = ui.docView.querySelector('.back-link');
      if (back) back.click();
      return;
    }
    if (field && e.target !== ui.q) e.target.blur();
    return;
  }
  if (state.doc && !field && !e.shiftKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
    const link = ui.docView.querySelector(`.text-pager a[rel="${e.key === 'ArrowLeft' ? 'prev' : 'next'}"]`);
    if (link) {
      e.preventDefault();
      link.click();
    }
  }
});

function applyStaticText() {
  document.documentElement.lang = lang();
  for (const n of document.querySelectorAll('[data-i18n]')) n.textContent = t(n.dataset.i18n);
  for (const n of document.querySelectorAll('[data-i18n-placeholder]')) n.setAttribute('placeholder', t(n.dataset.i18nPlaceholder));
  for (const n of document.querySelectorAll('[data-i18n-aria-label]')) n.setAttribute('aria-label', t(n.dataset.i18nAriaLabel));
  ui.lang.setAttribute('lang', lang() === 'vi' ? 'en' : 'vi');
  updateFacetToggle();
  updatePositionsText();
}

// ------------------------------------------------------------------- start

initPositions({
  navigate,
  state: () => state,
  markReady,
  setBusy,
  keepFocus,
  restoreScroll,
  backLink,
  focusQuery: () => ui.q.focus(),
});

if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
window.addEventListener('pagehide', () => {
  history.replaceState({ ...(history.state || {}), scroll: window.scrollY }, '');
});
const startScroll = history.state && typeof history.state.scroll === 'number' ? history.state.scroll : null;
history.replaceState({ ...(history.state || {}), typing: false }, '');
applyStaticText();
render({ scroll: startScroll });
