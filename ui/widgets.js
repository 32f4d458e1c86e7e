// Pieces more than one view draws, each written once: the pager, the error
// box (and a list's error state), a facet's checkbox group, a filter chip,
// the active filters' chips, the phone's filter drawer and the date range
// form's check. Text goes in as text (dom.js el()).
import { el, fill } from './dom.js';
import { t, fmtDate } from './i18n.js';
import { parseDateInput, toUrl, withFilter } from './state.js';

// Reads a date range form (two inputs, dd/mm/yyyy or a year, either may be
// empty) as { from, to } in YYYY-MM-DD, or null after marking the bad input,
// saying why in `error` and focusing it.
export function readDateRange(fromInput, toInput, error) {
  const from = parseDateInput(fromInput.value, false);
  const to = parseDateInput(toInput.value, true);
  fromInput.toggleAttribute('aria-invalid', from === null);
  toInput.toggleAttribute('aria-invalid', to === null);
  if (from === null || to === null) {
    error.textContent = t('dateInvalid');
    (from === null ? fromInput : toInput).focus();
    return null;
  }
  if (from && to && from > to) {
    error.textContent = t('dateOrder');
    toInput.setAttribute('aria-invalid', 'true');
    toInput.focus();
    return null;
  }
  error.textContent = '';
  return { from, to };
}

const MAX_PAGE = 1000; // the last page the server serves

// Fills `nav` with the links of a pager: previous, the first and last pages,
// two pages either side of the current one (gaps as "…"), next. Empty when
// one page holds all. `hrefOf(page)` gives a page's link.
export function renderPager(nav, { total, perPage, page, hrefOf }) {
  fill(nav, pagerItems({ total, perPage, page, maxPage: MAX_PAGE, hrefOf }));
}

function pagerItems({ total, perPage, page, maxPage, hrefOf }) {
  const pages = Math.min(Math.ceil((total || 0) / perPage), maxPage);
  if (pages <= 1) return [];
  const cur = Math.min(page, pages);
  const link = (p, text, attrs = {}) =>
    el('a', { href: hrefOf(p), 'data-nav': '', 'data-focus': 'results', class: 'page-link', ...attrs }, text);
  const items = [];
  if (cur > 1) items.push(link(cur - 1, t('prev'), { rel: 'prev', 'aria-label': t('prevLabel') }));
  const shown = new Set([1, pages, cur - 2, cur - 1, cur, cur + 1, cur + 2].filter((p) => p >= 1 && p <= pages));
  let prev = 0;
  for (const p of [...shown].sort((a, b) => a - b)) {
    if (p - prev > 1) items.push(el('span', { class: 'page-gap', 'aria-hidden': 'true' }, '…'));
    if (p === cur) {
      items.push(el('span', { class: 'page-link is-current', 'aria-current': 'page', 'aria-label': t('pageN', p) }, String(p)));
    } else {
      items.push(link(p, String(p), { 'aria-label': t('pageN', p) }));
    }
    prev = p;
  }
  if (cur < pages) items.push(link(cur + 1, t('next'), { rel: 'next', 'aria-label': t('nextLabel') }));
  return items;
}

// What to tell the reader about a failed request: the server's message, or
// that the server could not be reached (status 0).
export function errorMessage(error) {
  return error.status === 0 ? t('errorNetwork') : error.message;
}

// The alert shown when a request failed: a heading (none without `title`),
// the message, then what `details` asks for: help on the query language for
// a malformed query (showHelp), the error code, and a retry button when
// `onRetry` is given (not when the request itself was wrong).
// A whole-page error (level 1) gets a focusable h1, so focus can move to it.
export function errorBox({ title = null, error, level = 2, details = false, showHelp = false, onRetry = null }) {
  let retry = null;
  if (onRetry) {
    retry = el('button', { type: 'button', class: 'small-button' }, t('retry'));
    retry.addEventListener('click', onRetry);
  }
  return el(
    'div',
    { class: 'error-box', role: 'alert' },
    title ? el(`h${level}`, { class: 'error-title', tabindex: level === 1 ? '-1' : null }, title) : null,
    el('p', { class: 'error-message' }, errorMessage(error)),
    showHelp ? el('p', { class: 'query-help' }, t('queryHelp')) : null,
    details && error.code && error.status ? el('p', { class: 'muted error-code' }, `${error.code} · HTTP ${error.status}`) : null,
    retry,
  );
}

// A list view whose request failed: `cleared` regions (results, pager, and
// the facets, whose counts were for another query) are emptied, the status
// line turns into the error, and the error box goes in `notices`. A
// malformed query (400) gets no retry: asking again would fail again.
export function showListError({ status, notices, cleared, title, error, showHelp, onRetry }) {
  for (const region of cleared) fill(region);
  status.textContent = `${title}: ${errorMessage(error)}`;
  status.classList.add('is-error');
  const isQuery = error.status === 400;
  fill(notices, errorBox({ title, error, details: true, showHelp, onRetry: isQuery ? null : onRetry }));
}

// One facet as a group of checkboxes, the first `shown` values visible and a
// "more" button for the rest (selected values always show).
//   prefix: '' for the search page, 'p' for positions (ids, names and keys
//           differ so that both views can live in one page)
//   labelOf(v), markOf(v): the value's text and an optional node before it
//   onChange(value, checked), onMore(): what the boxes and the button do
// A value whose count is null or undefined shows no count.
// A value whose `parent` is listed too follows it, indented (a forum under
// its process).
function nestedUnderParents(values) {
  const listed = new Set(values.map((v) => v.value));
  const isChild = (v) => v.parent && v.parent !== v.value && listed.has(v.parent);
  const out = [];
  for (const v of values) {
    if (isChild(v)) continue;
    out.push(v);
    for (const c of values) if (isChild(c) && c.parent === v.value) out.push({ ...c, nested: true });
  }
  return out;
}

export function facetGroup({ facet, values, selected, open, shown, prefix, title, labelOf, markOf = () => null, onChange, onMore }) {
  const headingId = `${prefix}facet-h-${facet}`;
  const list = el('ul', { class: 'facet-values', 'aria-labelledby': headingId });
  values = nestedUnderParents(values);
  values.forEach((v, i) => {
    const isSelected = selected.includes(v.value);
    const hidden = !open && i >= shown && !isSelected;
    const box = el('input', {
      type: 'checkbox',
      name: prefix ? `${prefix}-${facet}` : facet,
      value: v.value,
      checked: isSelected,
      'data-key': `${prefix}fv:${facet}:${v.value}`,
    });
    box.addEventListener('change', () => onChange(v.value, box.checked));
    const label = labelOf(v);
    list.append(
      el(
        'li',
        { class: `facet-value${v.nested ? ' is-nested' : ''}${hidden ? ' is-hidden' : ''}${v.count === 0 ? ' is-zero' : ''}` },
        el(
          'label',
          {},
          box,
          markOf(v),
          el('span', { class: 'fv-label', title: label }, label),
          v.count === null || v.count === undefined ? null : el('span', { class: 'fv-count' }, Number(v.count).toLocaleString('vi-VN')),
        ),
      ),
    );
  });
  const group = el('fieldset', { class: 'facet', [`data-${prefix}facet`]: facet }, el('legend', { class: 'facet-title', id: headingId }, title), list);
  const extra = values.filter((v, i) => i >= shown && !selected.includes(v.value)).length;
  if (extra > 0) {
    const more = el(
      'button',
      { type: 'button', class: 'link-button facet-more', 'aria-expanded': open ? 'true' : 'false', 'data-key': `${prefix}more:${facet}` },
      open ? t('facetLess') : t('facetMore', extra),
    );
    more.addEventListener('click', onMore);
    group.append(more);
  }
  return group;
}

// A removable filter: a link to the view without it.
export function chip(label, href, key) {
  return el(
    'a',
    { class: 'chip', href, 'data-nav': '', 'data-key': key, 'aria-label': t('chipRemove', label) },
    el('span', { class: 'chip-label' }, label),
    el('span', { class: 'chip-x', 'aria-hidden': 'true' }, '×'),
  );
}

// The chips of a view's active filters in `container`: one per value of each
// of `facets` ("Title: value"), one per date bound, and "clear all" (a link to
// `cleared`) when there are two or more. `copy` copies the state for a view
// without one bound; keys start with `prefix` so focus survives a redraw.
export function renderFilterChips(ctx, container, { st, facets, facetLabel, valueLabel, copy, cleared, prefix }) {
  const chips = [];
  const add = (label, next, key) => chips.push(chip(label, toUrl(next), key));
  for (const f of facets) {
    for (const v of st.filters[f]) add(`${facetLabel(f)}: ${valueLabel(f, v)}`, withFilter(st, f, v, false), `${prefix}:${f}:${v}`);
  }
  for (const [bound, label] of [['from', 'chipFrom'], ['to', 'chipTo']]) {
    if (!st[bound]) continue;
    const next = copy(st);
    next[bound] = '';
    next.page = 1;
    add(`${t(label)} ${fmtDate(st[bound])}`, next, `${prefix}:${bound}`);
  }
  if (chips.length >= 2) {
    chips.push(el('a', { class: 'chip chip-clear', href: toUrl(cleared), 'data-nav': '', 'data-key': `${prefix}:clear` }, t('clearAll')));
  }
  const lost = ctx.keepFocus(container, () => fill(container, chips));
  if (lost) ctx.focusQuery(); // the chip that had focus was removed
  container.hidden = chips.length === 0;
}

// The phone's filter drawer: `facets` folded behind the `toggle` button.
export function setFacetsOpen(toggle, facets, open) {
  facets.classList.toggle('open', open);
  toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
}
