// A negotiation position drawn as a card, and positions as a timeline by
// year: the positions view and the actor page draw both. Also the names of
// actors, processes, networks and topics learnt from answers, which the
// chips and facets show. See docs/ui.md.
//
// Everything from the server or a document is inserted as text (dom.js
// el()), never as HTML.

import { el } from './dom.js';
import { fileUrl, POSITION_FACETS, POSITION_FILTERS, STANCES } from './api.js';
import { t, lang, fmtDate } from './i18n.js';
import { toUrl, withFilter, emptyState, emptyPositions, actorState } from './state.js';

const labels = {}; // filter -> value -> label, learnt from answers
for (const f of POSITION_FILTERS) labels[f] = new Map();

// ------------------------------------------------------------------ labels

export function stanceText(id, fallback) {
  return STANCES.includes(id) ? t(`stance_${id}`) : fallback || id;
}

export function labelOf(facet, value) {
  if (facet === 'stance') return stanceText(value);
  return (labels[facet] && labels[facet].get(value)) || value;
}

export function learnPosition(p) {
  if (p.actor) labels.actor.set(p.actor.id, p.actor.label);
  if (p.process) labels.process.set(p.process.id, p.process.label);
  if (p.forum) labels.process.set(p.forum.id, p.forum.label);
  for (const x of p.topics || []) labels.topic.set(x.id, x.label);
}

export function learnFacets(facets) {
  for (const f of POSITION_FACETS) {
    for (const v of (facets && facets[f]) || []) {
      if (v.label && f !== 'stance') labels[f].set(v.value, v.label);
    }
  }
}

// A name seen outside a position or a facet (an actor's page).
export function learnLabel(filter, value, label) {
  labels[filter].set(value, label);
}

// ----------------------------------------------------------------- helpers

function yearOf(date) {
  const m = /^(\d{4})/.exec(date || '');
  return m ? m[1] : '';
}

export function fmtInt(n) {
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

export function actorHref(id) {
  return toUrl(actorState(id));
}

// ------------------------------------------------------------ position card

// One position: actor (a link to its page) and stance badge as a heading of
// `level`, then date, process, forum, the forum as written, source, topics,
// what the stance is about, the quote, and the document with its page. `base` is the positions view that the process and
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
  // The forum or meeting as the document names it (text, not a filter),
  // unless it repeats a label shown already.
  const forumName = String(p.forum_name || '').trim();
  const shown = [p.process, p.forum].filter(Boolean).map((x) => String(x.label || '').toLowerCase());
  if (forumName && !shown.includes(forumName.toLowerCase())) {
    meta.push(el('span', { class: 'pos-forum-name' }, `${t('forumNameLabel')}: `, el('span', { class: 'pos-forum-name-text', lang: 'vi' }, forumName)));
  }
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
    p.target ? el('p', { class: 'pos-target' }, el('span', { class: 'pos-target-label' }, `${t('targetLabel')}: `), el('span', { class: 'pos-target-text', lang: 'vi' }, String(p.target).trim())) : null,
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
