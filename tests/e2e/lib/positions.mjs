// Helpers of the positions tests (positions.test.mjs, actor.test.mjs): the
// positions API read straight, and what the positions view shows.
import assert from 'node:assert/strict';
import { api } from './helpers.mjs';

export const PER_PAGE = 20; // the positions view's page size

export function qs(o) {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(o)) for (const x of [].concat(v)) sp.append(k, String(x));
  return sp.toString();
}

// /api/positions with these filters.
export async function positionsApi(o = {}) {
  const { status, body } = await api(`api/positions?${qs(o)}`);
  assert.equal(status, 200, JSON.stringify(body));
  return body;
}

// Every position (all pages), oldest first.
export async function allPositions(o = {}) {
  const out = [];
  for (let page = 1; ; page++) {
    const b = await positionsApi({ ...o, per_page: 100, page });
    out.push(...b.positions);
    if (out.length >= b.total || !b.positions.length) return out;
  }
}

export const cards = (page) => page.locator('#p-list li.position');

export async function pStatus(page) {
  return (await page.locator('#p-status').textContent()).trim();
}

export async function pTotal(page) {
  const m = /(\d[\d.,]*)/.exec(await pStatus(page));
  return m ? Number(m[1].replace(/[.,]/g, '')) : NaN;
}

export async function cardIds(page) {
  return cards(page).evaluateAll((ns) => ns.map((n) => Number(n.dataset.id)));
}

// The date as the UI writes it: dd/mm/yyyy, mm/yyyy or yyyy.
export function vnDate(iso) {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  m = /^(\d{4})-(\d{2})$/.exec(iso);
  if (m) return `${m[2]}/${m[1]}`;
  return iso;
}

// The positions view that shows position `p` (its actor, the right page).
export async function viewOf(p) {
  const list = await allPositions({ actor: p.actor.id });
  const i = list.findIndex((x) => x.id === p.id);
  assert.ok(i >= 0);
  const pageNo = Math.floor(i / PER_PAGE) + 1;
  return `?view=positions&actor=${encodeURIComponent(p.actor.id)}${pageNo > 1 ? `&page=${pageNo}` : ''}`;
}
