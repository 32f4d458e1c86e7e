// The document page: a document's metadata, the documents it cites and that
// cite it, and its text page by page with the search's words highlighted.
// The shell (app.js) shows it and lends navigation. See docs/ui.md.

import { el, fill, markedFragment } from './dom.js';
import { errorBox } from './widgets.js';
import { getJson, fileUrl } from './api.js';
import { t, lang, fmtDate } from './i18n.js';
import { toUrl, clone, searchOf, emptyState, docUrl } from './state.js';
import { learnLabel } from './search.js';
import { validityRows, relationSections } from './relations.js';

const $ = (id) => document.getElementById(id);
const ui = { view: $('doc-view') };

// What app.js lends: navigate(next, opts), state(), markReady(st),
// setBusy(on), restoreScroll(y), backLink(url, label).
let ctx = null;

const docCache = new Map(); // id -> document metadata
let docCtl = null;
let textCtl = null;
let docSeq = 0;

export function initDocument(context) {
  ctx = context;
}

export function cancelDocument() {
  if (docCtl) docCtl.abort();
  if (textCtl) textCtl.abort();
  docCtl = textCtl = null;
}

export async function showDocument({ focus, scroll }) {
  const id = ctx.state().doc;
  const seq = ++docSeq;
  const shown = ui.view.dataset.id === String(id);
  let meta = docCache.get(id);
  if (!meta) {
    if (!shown) {
      fill(ui.view, el('p', { class: 'doc-loading', role: 'status' }, t('docLoading')));
    }
    if (docCtl) docCtl.abort();
    const ctl = (docCtl = new AbortController());
    ctx.setBusy(true);
    try {
      meta = await getJson(`/api/documents/${id}`, {}, ctl.signal);
      docCache.set(id, meta);
    } catch (e) {
      if (e.name === 'AbortError' || seq !== docSeq) return;
      ui.view.dataset.id = '';
      fill(ui.view, ctx.backLink(), errorBox({ title: e.status === 404 ? t('docNotFound') : t('errorTitle'), error: e, level: 1 }));
      ui.view.querySelector('h1').focus();
      ctx.markReady(ctx.state());
      return;
    } finally {
      ctx.setBusy(false);
    }
    if (seq !== docSeq) return;
  }
  const pages = Math.max(1, meta.pages || 1);
  const state = ctx.state();
  if (state.tp > pages) state.tp = pages;
  if (!shown || ui.view.dataset.lang !== lang()) {
    renderDoc(meta);
    ui.view.dataset.id = String(id);
    ui.view.dataset.lang = lang();
    if (scroll === null || scroll === undefined) window.scrollTo(0, 0);
    const h1 = ui.view.querySelector('h1');
    if (focus !== 'text' && h1) h1.focus({ preventScroll: true });
  }
  document.title = `${meta.title || meta.number || `#${id}`} — vnkb`;
  await loadText(meta, seq, focus);
  ctx.restoreScroll(scroll);
}

function metaRow(key, value) {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length)) return null;
  return [el('dt', {}, t(`meta_${key}`)), el('dd', {}, value)];
}

// The same number in another language (search-server/translations.h): the
// translation or the original, or a note that the original is missing.
function versionLinks(d, search) {
  const links = (d.translations || []).map((v) =>
    el('a', { href: docUrl(search, v.id, 1), 'data-nav': '', lang: v.language === 'en' ? 'en' : 'vi', class: 'doc-version' }, t(`version_${v.language}`)),
  );
  if (d.original_missing) links.push(el('span', { class: 'rel-missing' }, t('originalMissing')));
  return links;
}

function renderDoc(d) {
  const state = ctx.state();
  const search = searchOf(state);
  const tagLinks = (facet, items) =>
    (items || []).map((n) => {
      const next = emptyState();
      next.filters[facet] = [n.id];
      learnLabel(facet, n.id, n.label);
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
    validityRows(d, search),
    metaRow('networks', tagLinks('network', d.networks)),
    metaRow('topics', tagLinks('topic', d.topics)),
    metaRow('pages', d.pages ? String(d.pages) : ''),
    metaRow('language', language === `lang_${d.language}` ? d.language : language),
    metaRow('versions', versionLinks(d, search)),
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
                  el('a', { href: docUrl(search, c.id, 1), 'data-nav': '', class: 'rel-number' }, c.number || `#${c.id}`),
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
            el('a', { href: docUrl(search, c.id, 1), 'data-nav': '', class: 'rel-number' }, c.number || c.title || `#${c.id}`),
            c.title && c.number ? el('span', { class: 'rel-title' }, c.title) : null,
            c.issue_date ? el('time', { class: 'rel-date', datetime: c.issue_date }, fmtDate(c.issue_date)) : null,
          ),
        ),
      ),
    );
  } else {
    citedBy.append(el('p', { class: 'muted' }, t('citedByNone')));
  }

  // Typed relations: what changed this document first, its own after.
  const rels = relationSections(d, search);
  const text = el('section', { class: 'doc-text', id: 'doc-text', 'aria-labelledby': 'text-h' });
  fill(
    ui.view,
    ctx.backLink(),
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
      el('div', { class: 'doc-rels' }, rels.filter((s) => s.dataset.dir === 'in'), cites, citedBy, rels.filter((s) => s.dataset.dir === 'out')),
    ),
  );
}

async function loadText(meta, seq, focus) {
  const state = ctx.state();
  const section = $('doc-text');
  if (!section) return;
  const pages = Math.max(1, meta.pages || 1);
  const page = Math.min(Math.max(1, state.tp), pages);
  const q = state.q.trim();
  if (textCtl) textCtl.abort();
  const ctl = (textCtl = new AbortController());
  section.setAttribute('aria-busy', 'true');
  ctx.setBusy(true);
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
      ctx.markReady(ctx.state());
      return;
    }
  } finally {
    ctx.setBusy(false);
    section.removeAttribute('aria-busy');
  }
  if (seq !== docSeq) return;
  renderTextSection(section, meta, page, data, null);
  ctx.markReady(ctx.state());
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
  const next = clone(ctx.state());
  next.tp = p;
  return el('a', { href: toUrl(next), 'data-nav': '', 'data-focus': 'text', ...attrs }, text);
}

function pageInfo(meta, page) {
  return (meta.page_info || []).find((p) => p.page === page) || { page, source: 'text' };
}

function renderTextSection(section, meta, page, data, error) {
  const state = ctx.state();
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
      ctx.navigate(next, { focus: 'pager' });
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
    body = errorBox({ error });
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
