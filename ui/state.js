// The view state and its URL. Every search, filter, sort, page and the
// document view live in the query string of "/", so each view is a link:
//   /?q=khoáng+sản&topic=minerals&year=2025&from=2025-01-01&to=2025-12-31
//     &sort=date_desc&page=2                      a search
//   /?doc=11&tp=3&q=…(the search it came from)    a document at text page 3
//   /?view=positions&actor=bng&stance=leads&sort=date_desc&page=2
//                                                 negotiation positions
//   /?view=positions&mode=matrix&across=process&stance=opposes
//                                                 the position matrix
//   /?view=actor&id=bng                           an actor's page

import { FACETS, POSITION_FILTERS } from './api.js';

export const SORTS = ['relevance', 'date_desc', 'date_asc'];
export const POSITION_SORTS = ['date_asc', 'date_desc', 'relevance'];
const ISO = /^\d{4}-\d{2}-\d{2}$/;

// view: 'search' (also the document page, with doc set), 'positions' or
// 'actor' (id in actor).
export function emptyState() {
  const filters = {};
  for (const f of FACETS) filters[f] = [];
  return { view: 'search', q: '', filters, from: '', to: '', sort: 'relevance', page: 1, doc: null, tp: 1, actor: null };
}

// The positions view with nothing chosen. Its sort '' is the server's
// default: a timeline (oldest first) without words, relevance with words.
export function emptyPositions() {
  const filters = {};
  for (const f of POSITION_FILTERS) filters[f] = [];
  // mode: '' (the list) or 'matrix'; across: the matrix's columns.
  return { ...emptyState(), view: 'positions', filters, sort: '', mode: '', across: 'topic' };
}

export function actorState(id) {
  return { ...emptyState(), view: 'actor', actor: id };
}

// The sort a positions state shows: its own, else the server's default.
export function positionSort(st) {
  const q = st.q.trim();
  if (st.sort === 'relevance' && !q) return 'date_asc';
  if (POSITION_SORTS.includes(st.sort)) return st.sort;
  return q ? 'relevance' : 'date_asc';
}

function posInt(s, fallback, max = 1e9) {
  if (!/^\d{1,9}$/.test(s || '')) return fallback;
  const n = Number(s);
  return n >= 1 && n <= max ? n : fallback;
}

function readFilters(sp, st, names) {
  for (const f of names) {
    const seen = new Set();
    for (const v of sp.getAll(f)) {
      if (v && !seen.has(v)) {
        seen.add(v);
        st.filters[f].push(v);
      }
    }
  }
}

function readDates(sp, st) {
  const from = sp.get('from') || '';
  const to = sp.get('to') || '';
  st.from = ISO.test(from) ? from : '';
  st.to = ISO.test(to) ? to : '';
}

export function parseUrl(search) {
  const sp = new URLSearchParams(search);
  const view = sp.get('doc') ? 'search' : sp.get('view');
  if (view === 'actor') return actorState(sp.get('id') || '');
  if (view === 'positions') {
    const st = emptyPositions();
    st.q = sp.get('q') || '';
    readFilters(sp, st, POSITION_FILTERS);
    readDates(sp, st);
    const sort = sp.get('sort');
    st.sort = POSITION_SORTS.includes(sort) ? sort : '';
    st.page = posInt(sp.get('page'), 1, 1000);
    st.mode = sp.get('mode') === 'matrix' ? 'matrix' : '';
    st.across = sp.get('across') === 'process' ? 'process' : 'topic';
    return st;
  }
  const st = emptyState();
  st.q = sp.get('q') || '';
  readFilters(sp, st, FACETS);
  readDates(sp, st);
  const sort = sp.get('sort');
  st.sort = SORTS.includes(sort) ? sort : 'relevance';
  st.page = posInt(sp.get('page'), 1, 1000);
  st.doc = posInt(sp.get('doc'), null);
  st.tp = posInt(sp.get('tp'), 1);
  return st;
}

// The URL (path and query) of a state.
export function toUrl(st) {
  const sp = new URLSearchParams();
  if (!st.doc && st.view === 'actor') {
    sp.append('view', 'actor');
    sp.append('id', st.actor || '');
    return `/?${sp}`;
  }
  if (!st.doc && st.view === 'positions') {
    sp.append('view', 'positions');
    if (st.q) sp.append('q', st.q);
    for (const f of POSITION_FILTERS) for (const v of st.filters[f] || []) sp.append(f, v);
    if (st.from) sp.append('from', st.from);
    if (st.to) sp.append('to', st.to);
    if (st.mode === 'matrix') {
      sp.append('mode', 'matrix');
      if (st.across === 'process') sp.append('across', 'process');
      return `/?${sp}`;
    }
    // The sort is written only when it is not the default for the query.
    const sort = positionSort(st);
    if (sort !== (st.q.trim() ? 'relevance' : 'date_asc')) sp.append('sort', sort);
    if (st.page > 1) sp.append('page', String(st.page));
    return `/?${sp}`;
  }
  if (st.doc) sp.append('doc', String(st.doc));
  if (st.doc && st.tp > 1) sp.append('tp', String(st.tp));
  if (st.q) sp.append('q', st.q);
  for (const f of FACETS) for (const v of st.filters[f] || []) sp.append(f, v);
  if (st.from) sp.append('from', st.from);
  if (st.to) sp.append('to', st.to);
  if (st.sort && st.sort !== 'relevance') sp.append('sort', st.sort);
  if (st.page > 1) sp.append('page', String(st.page));
  const s = sp.toString();
  return s ? `/?${s}` : '/';
}

export function clone(st) {
  const filters = {};
  for (const [f, values] of Object.entries(st.filters)) filters[f] = [...values];
  return { ...st, filters };
}

// The search that a state shows or came from (no document).
export function searchOf(st) {
  return { ...clone(st), doc: null, tp: 1 };
}

// The document page of `id` at text page `page`, keeping the search `st`
// (for "back to results" and the words to highlight).
export function docUrl(st, id, page) {
  const next = clone(st);
  next.doc = id;
  next.tp = page || 1;
  return toUrl(next);
}

export function withFilter(st, facet, value, on) {
  const next = searchOf(st);
  const list = next.filters[facet];
  const i = list.indexOf(value);
  if (on && i < 0) list.push(value);
  if (!on && i >= 0) list.splice(i, 1);
  next.page = 1;
  return next;
}

export function filterCount(st) {
  let n = 0;
  for (const values of Object.values(st.filters)) n += values.length;
  return n + (st.from ? 1 : 0) + (st.to ? 1 : 0);
}

// Parses what a person types in a date box: dd/mm/yyyy, d/m/yyyy, mm/yyyy,
// yyyy or yyyy-mm-dd (also with "-" or "." between parts). `end` picks the
// last day of a year or month (for "to"). Returns YYYY-MM-DD, '' for an
// empty box, or null when it is not a date.
export function parseDateInput(text, end) {
  const s = String(text || '').trim();
  if (!s) return '';
  const pad = (n) => String(n).padStart(2, '0');
  // The server's bounds (core/dates.h kMinYear, kMaxYear) and calendar.
  const valid = (y, m, d) => {
    const dt = new Date(Date.UTC(y, m - 1, d));
    return (
      y >= 1800 && y <= 2199 && dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d
    );
  };
  const lastDay = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  let m;
  if ((m = /^(\d{4})$/.exec(s))) {
    const y = Number(m[1]);
    return valid(y, 1, 1) ? (end ? `${y}-12-31` : `${y}-01-01`) : null;
  }
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s))) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return valid(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
  }
  if ((m = /^(\d{1,2})[/.-](\d{4})$/.exec(s))) {
    const [mo, y] = [Number(m[1]), Number(m[2])];
    if (!valid(y, mo, 1)) return null;
    return `${y}-${pad(mo)}-${pad(end ? lastDay(y, mo) : 1)}`;
  }
  if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s))) {
    const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return valid(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
  }
  return null;
}
