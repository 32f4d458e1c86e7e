// The actor page (/?view=actor&id=ID): who an actor (or a network, process
// or forum) is, its counts by stance and by year, and its positions over
// time as a timeline. The shell (app.js) shows it and lends navigation.
// See docs/ui.md.

import { el, fill } from './dom.js';
import { errorBox } from './widgets.js';
import { getJson, STANCES } from './api.js';
import { t, fmtDate } from './i18n.js';
import { toUrl, withFilter, emptyPositions } from './state.js';
import { renderTimeline, learnPosition, learnLabel, stanceText, fmtInt, actorHref } from './timeline.js';

const MEMBERS_SHOWN = 8; // members of a network listed before "show all"

const ui = { view: document.getElementById('actor-view') };

// What app.js lends: state(), markReady(st), setBusy(on), restoreScroll(y),
// backLink(url, label).
let ctx = null;
let actorCtl = null;
let actorSeq = 0;

export function initActor(context) {
  ctx = context;
}

export function cancelActor() {
  if (actorCtl) actorCtl.abort();
  actorCtl = null;
}

export async function showActor({ focus = null, scroll = null } = {}) {
  const st = ctx.state();
  const id = st.actor || '';
  if (actorCtl) actorCtl.abort();
  const ctl = (actorCtl = new AbortController());
  const seq = ++actorSeq;
  if (ui.view.dataset.id !== id) {
    fill(ui.view, el('p', { class: 'doc-loading', role: 'status' }, t('actorLoading')));
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
    ui.view.dataset.id = id;
    document.title = `${a.name || a.id} — vnkb`;
    if (scroll === null || scroll === undefined) window.scrollTo(0, 0);
    else ctx.restoreScroll(scroll);
    if (focus !== 'none') ui.view.querySelector('h1').focus({ preventScroll: true });
    ctx.markReady(st);
  } catch (e) {
    if (e.name === 'AbortError' || seq !== actorSeq) return;
    ui.view.dataset.id = '';
    const back = emptyPositions();
    fill(
      ui.view,
      ctx.backLink(toUrl(back), t('allPositions')),
      errorBox({ title: e.status === 404 ? t('actorNotFound') : t('errorTitle'), error: e, level: 1 }),
    );
    ui.view.querySelector('h1').focus();
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
  learnLabel('actor', a.id, a.name);
  if (a.kind === 'network') learnLabel('network', a.id, a.name);
  for (const n of a.networks || []) learnLabel('network', n.id, n.label);
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
    ui.view,
    ctx.backLink(toUrl(emptyPositions()), t('allPositions')),
    header,
    el('div', { class: 'doc-layout actor-layout' },
      el('div', { class: 'doc-side' }, side),
      el('div', { class: 'doc-main' }, main)),
  );
}
