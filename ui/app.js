// The vnkb web UI's shell: the router (the view state in the URL, history,
// in-place links), the top bar (view switch, search box, language) and the
// keyboard. Each view is its own module that the shell shows and lends
// navigation to: search.js, document.js, positions.js, actor.js. Plain ES
// modules, no build step, no dependencies. See docs/ui.md.
//
// Safety rule: everything that comes from the server or from a document is
// inserted as text (dom.js); the only markup rendered is the server's <mark>
// highlighting, rebuilt element by element by markedFragment().

import { el } from './dom.js';
import { t, lang, setLang } from './i18n.js';
import { parseUrl, toUrl, clone, searchOf, emptyState, emptyPositions } from './state.js';
import { initSearch, showSearch, cancelSearch, closeSearchFacets, updateSearchText } from './search.js';
import { initDocument, showDocument, cancelDocument } from './document.js';
import { initPositions, showPositions, cancelPositions, closePositionFacets, updatePositionsText } from './positions.js';
import { initActor, showActor, cancelActor } from './actor.js';

const DEBOUNCE_MS = 180;

const $ = (id) => document.getElementById(id);
const ui = {
  q: $('q'),
  form: $('search-form'),
  brand: $('brand'),
  lang: $('lang'),
  searchView: $('search-view'),
  docView: $('doc-view'),
  progress: $('progress'),
  positionsView: $('positions-view'),
  actorView: $('actor-view'),
  navSearch: $('nav-search'),
  navPositions: $('nav-positions'),
  qLabel: document.querySelector('label[for="q"]'),
};

let state = parseUrl(location.search);
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

// Each view: its element, how to show it, and how to cancel its requests
// when another view is shown.
const views = {
  search: { node: ui.searchView, show: showSearch, cancel: cancelSearch },
  doc: { node: ui.docView, show: showDocument, cancel: cancelDocument },
  positions: { node: ui.positionsView, show: showPositions, cancel: cancelPositions },
  actor: { node: ui.actorView, show: showActor, cancel: cancelActor },
};

function render({ syncQuery = true, focus = null, scroll = null } = {}) {
  markBusy();
  updateTopbar();
  const name = state.doc ? 'doc' : state.view === 'positions' || state.view === 'actor' ? state.view : 'search';
  for (const [other, view] of Object.entries(views)) {
    if (other !== name) view.cancel();
    view.node.hidden = other !== name;
  }
  // The box shows the words of the view; on a page that does not list
  // (a document, an actor) it is left alone while it is being typed in.
  const detail = name === 'doc' || name === 'actor';
  if (detail ? document.activeElement !== ui.q : syncQuery) {
    if (ui.q.value !== state.q) ui.q.value = state.q;
  }
  views[name].show({ focus, scroll });
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
    if (closePositionFacets() || closeSearchFacets()) return;
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
  updateSearchText();
  updatePositionsText();
}

// ------------------------------------------------------------------- start

// What the views borrow from the shell.
const context = {
  navigate,
  state: () => state,
  markReady,
  setBusy,
  keepFocus,
  restoreScroll,
  backLink,
  focusQuery: () => ui.q.focus(),
};
initSearch(context);
initDocument(context);
initPositions(context);
initActor(context);

if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
window.addEventListener('pagehide', () => {
  history.replaceState({ ...(history.state || {}), scroll: window.scrollY }, '');
});
const startScroll = history.state && typeof history.state.scroll === 'number' ? history.state.scroll : null;
history.replaceState({ ...(history.state || {}), typing: false }, '');
applyStaticText();
render({ scroll: startScroll });
