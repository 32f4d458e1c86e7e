// The document page's typed relations and validity: what this document
// amends, replaces, repeals, guides, corrects and mentions, what does so to
// it, and whether it is in force (with the reason: "bị thay thế bởi … từ ngày
// …"). document.js places them. Labels live here, in both languages.

import { el } from './dom.js';
import { lang, fmtDate } from './i18n.js';
import { docUrl } from './state.js';

const LABELS = {
  vi: {
    out: {
      amends: 'Sửa đổi, bổ sung',
      replaces: 'Thay thế',
      repeals: 'Bãi bỏ',
      guides: 'Hướng dẫn, quy định chi tiết',
      corrects: 'Đính chính',
      mentions: 'Văn bản được nhắc đến',
    },
    in: {
      amends: 'Được sửa đổi, bổ sung bởi',
      replaces: 'Bị thay thế bởi',
      repeals: 'Bị bãi bỏ bởi',
      guides: 'Được hướng dẫn bởi',
      corrects: 'Được đính chính bởi',
      mentions: 'Được nhắc đến trong',
    },
    validity: 'Hiệu lực',
    effective: 'Ngày có hiệu lực',
    expiry: 'Ngày hết hiệu lực',
    notInKb: 'không có trong kho',
    page: (p) => `tr. ${p}`,
    asOf: (d) => `tính đến ${d}`,
    byLibrarian: 'thủ thư nhập',
  },
  en: {
    out: {
      amends: 'Amends',
      replaces: 'Replaces',
      repeals: 'Repeals',
      guides: 'Guides (detailed rules for)',
      corrects: 'Corrects',
      mentions: 'Documents it mentions',
    },
    in: {
      amends: 'Amended by',
      replaces: 'Replaced by',
      repeals: 'Repealed by',
      guides: 'Guided by',
      corrects: 'Corrected by',
      mentions: 'Mentioned in',
    },
    validity: 'Validity',
    effective: 'In force from',
    expiry: 'In force until',
    notInKb: 'not in the collection',
    page: (p) => `p. ${p}`,
    asOf: (d) => `as of ${d}`,
    byLibrarian: 'set by the librarian',
  },
};

// Cites and cited-by keep their own sections in document.js.
const KINDS = ['amends', 'replaces', 'repeals', 'guides', 'corrects', 'mentions'];

function L() {
  return LABELS[lang()] || LABELS.vi;
}

// dt/dd rows for the metadata list: validity with its reason, and the dates.
export function validityRows(d, search) {
  const rows = [];
  const v = d.validity || {};
  if (v.state) {
    const reason = v.reason ? ` — ${v.reason}` : '';
    rows.push(
      el('dt', {}, L().validity),
      el(
        'dd',
        { class: `validity validity-${v.state}`, 'data-state': v.state },
        el('span', { class: 'validity-label' }, v.label || v.state),
        el('span', { class: 'validity-reason' }, reason),
        v.by_id ? [' ', el('a', { href: docUrl(search, v.by_id, 1), 'data-nav': '', class: 'validity-by' }, v.by_number)] : null,
        el('span', { class: 'muted validity-asof' }, ` (${L().asOf(fmtDate(v.as_of))})`),
      ),
    );
  }
  if (d.effective_date) rows.push(el('dt', {}, L().effective), el('dd', {}, el('time', { datetime: d.effective_date }, fmtDate(d.effective_date))));
  if (d.expiry_date) rows.push(el('dt', {}, L().expiry), el('dd', {}, el('time', { datetime: d.expiry_date }, fmtDate(d.expiry_date))));
  return rows;
}

function item(search, r) {
  const scope = r.scope ? el('span', { class: 'rel-scope' }, r.scope) : null;
  const page = r.page > 0 ? el('span', { class: 'rel-page muted' }, L().page(r.page)) : null;
  const byHand = r.source === 'librarian' ? el('span', { class: 'rel-source muted' }, L().byLibrarian) : null;
  const head = r.id
    ? [el('a', { href: docUrl(search, r.id, r.page > 0 ? r.page : 1), 'data-nav': '', class: 'rel-number' }, r.number || r.title || `#${r.id}`), r.title && r.number ? el('span', { class: 'rel-title' }, r.title) : null]
    : [el('span', { class: 'rel-number' }, r.number), el('span', { class: 'rel-missing' }, L().notInKb)];
  return el('li', { class: `rel-item rel-${r.kind}`, title: r.sentence || null }, head, scope, page, byHand);
}

function section(search, dir, kind, list) {
  const id = `rel-${dir}-${kind}`;
  return el(
    'section',
    { class: `doc-rel doc-rel-typed`, 'data-dir': dir, 'data-kind': kind, 'aria-labelledby': `${id}-h` },
    el('h2', { id: `${id}-h` }, L()[dir][kind], ' ', el('span', { class: 'count' }, String(list.length))),
    el('ul', { class: 'rel-list' }, [...list.filter((r) => r.id), ...list.filter((r) => !r.id)].map((r) => item(search, r))),
  );
}

// Sections for each kind with relations, this document's first (what it
// amends…), then other documents' (what amends it…); empty kinds are left out.
export function relationSections(d, search) {
  const out = [];
  for (const [dir, list] of [['out', d.relations || []], ['in', d.related_by || []]]) {
    for (const kind of KINDS) {
      const of = list.filter((r) => r.kind === kind);
      if (of.length) out.push(section(search, dir, kind, of));
    }
  }
  return out;
}
