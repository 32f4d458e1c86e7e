// Where a position leads: its actor's page (names, networks and members,
// counts by stance, the timeline, back, an unknown actor) and its document
// page at the quoted page, with the original in a new tab.
// Counts are read from the API, never hard-coded: the extractor may change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { url, api, startBrowser, stopBrowser, newPage, finish, shot, settled, params } from '../lib/helpers.mjs';
import { positionsApi, allPositions, cards, viewOf } from '../lib/positions.mjs';

before(startBrowser);
after(stopBrowser);

test('an actor link opens the actor page: names, networks, counts, timeline', async () => {
  const first = (await positionsApi({ per_page: 1 })).positions[0];
  const page = await newPage();
  await page.goto(url('?view=positions'));
  await settled(page);
  const listUrl = page.url();
  await cards(page).first().locator('a.pos-actor').click();
  await settled(page);
  assert.equal(params(page).get('view'), 'actor');
  assert.equal(params(page).get('id'), first.actor.id);
  const actor = (await api(`api/actors/${first.actor.id}`)).body;
  assert.equal((await page.locator('#actor-view h1').textContent()).trim(), actor.name);
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1');
  if (actor.name_en) assert.equal((await page.locator('.actor-name-en').textContent()).trim(), actor.name_en);
  for (const a of actor.acronyms) assert.ok((await page.locator('.doc-kicker').textContent()).includes(a));
  // Counts by stance, each a link to the positions of that stance.
  for (const [stance, n] of Object.entries(actor.by_stance)) {
    const item = page.locator(`.stance-counts li[data-stance="${stance}"]`);
    assert.equal((await item.locator('.count').textContent()).trim(), String(n));
    assert.equal(await item.locator('a').getAttribute('href'), `/?${new URLSearchParams({ view: 'positions', actor: actor.id, stance })}`);
  }
  // Its positions over time, each linking to its passage.
  const shown = await page.locator('#actor-view li.position').evaluateAll((ns) => ns.map((n) => [Number(n.dataset.id), n.dataset.date]));
  assert.deepEqual(shown.map((x) => x[0]), actor.positions.map((p) => p.id));
  const dates = shown.map((x) => x[1]).filter(Boolean);
  assert.deepEqual(dates, [...dates].sort(), 'oldest first');
  assert.equal(await page.locator('#actor-view li.position a.pos-page').count(), actor.positions.length);
  assert.match(await page.locator('#actor-timeline-h').textContent(), new RegExp(`${actor.positions_total}$`));
  await shot(page, 'positions-actor');

  // Back returns to the list.
  assert.equal((await page.locator('#actor-view .back-link').textContent()).trim(), '← Quay lại danh sách lập trường');
  await page.locator('#actor-view .back-link').click();
  await settled(page);
  assert.equal(page.url(), listUrl);
  assert.ok(await page.locator('#positions-view').isVisible());

  // A network lists its members; a member lists the network.
  let network = null;
  for (const v of (await positionsApi({ per_page: 0, facet_limit: 100 })).facets.actor) {
    const a = (await api(`api/actors/${v.value}`)).body;
    if (a.kind === 'network' && a.members.length) {
      network = a;
      break;
    }
  }
  if (network) {
    await page.goto(url(`?view=actor&id=${network.id}`));
    await settled(page);
    assert.equal((await page.locator('#actor-view h1').textContent()).trim(), network.name);
    assert.equal(await page.locator('.actor-members a').count(), network.members.length);
    const member = network.members[0];
    await page.locator('.actor-members a').first().click();
    await settled(page);
    assert.equal(params(page).get('id'), member.id);
    assert.equal((await page.locator('#actor-view h1').textContent()).trim(), member.label);
    assert.ok((await page.locator('.actor-networks a').allTextContents()).includes(network.name));
    assert.equal((await page.locator('#actor-view .back-link').textContent()).trim(), '← Quay lại trang tác nhân');
    await page.keyboard.press('Escape'); // back, like the document page
    await settled(page);
    assert.equal(params(page).get('id'), network.id);
  }

  // An unknown actor says so.
  await page.goto(url('?view=actor&id=khong-co-tac-nhan-nay'));
  await settled(page);
  assert.match(await page.locator('#actor-view .error-box').textContent(), /Không tìm thấy tác nhân/);
  await finish(page, 'positions-actor-page', { allowProblems: [/status of 404/] });
});

test('a position’s page link opens the document at that page, and back returns', async () => {
  const every = await allPositions();
  const p = every.find((x) => x.page > 1) || every[0];
  const view = await viewOf(p);
  const page = await newPage();
  await page.goto(url(view));
  await settled(page);
  const listUrl = page.url();
  const card = page.locator(`#p-list li.position[data-id="${p.id}"]`);
  const link = card.locator('a.pos-page');
  assert.equal((await link.textContent()).trim(), `tr. ${p.page}`);
  assert.match(await link.getAttribute('aria-label'), new RegExp(`^Trang ${p.page} của văn bản`));
  // The original opens in a new tab at that page.
  const file = card.locator('a.pos-file');
  assert.equal(await file.getAttribute('target'), '_blank');
  const [popup] = await Promise.all([page.waitForEvent('popup'), file.click()]);
  await popup.waitForURL(new RegExp(`/file#page=${p.page}$`));
  await popup.close();

  await link.click();
  await settled(page);
  assert.equal(params(page).get('doc'), String(p.document_id));
  assert.equal(params(page).get('tp') || '1', String(p.page));
  const doc = (await api(`api/documents/${p.document_id}`)).body;
  assert.equal((await page.locator('h1.doc-title').textContent()).trim(), doc.title || doc.number);
  if (doc.pages > 1) assert.equal(await page.locator('.page-input').inputValue(), String(p.page));
  // The quote is on that page (spacing aside).
  const norm = (s) => s.replace(/\s+/g, ' ').trim();
  const text = norm(await page.locator('.page-text').textContent());
  const words = norm(p.quote).split(' ').slice(0, 6).join(' ');
  assert.ok(text.includes(words), `page ${p.page} has “${words}”`);
  await shot(page, 'positions-document');

  // Back to the positions, the same view.
  assert.equal((await page.locator('#doc-view .back-link').textContent()).trim(), '← Quay lại danh sách lập trường');
  await page.locator('#doc-view .back-link').click();
  await settled(page);
  assert.equal(page.url(), listUrl);
  assert.equal(await page.locator(`#p-list li.position[data-id="${p.id}"]`).count(), 1);
  await page.goForward();
  await settled(page);
  assert.equal(params(page).get('doc'), String(p.document_id));
  await finish(page, 'positions-page-link');
});
