// Refreshes the screenshots of docs/ui.md: docs/screenshots/search-desktop.png
// (1280 px wide), search-phone.png (375 px), document.png, and of the
// positions: positions-desktop.png, positions-phone.png, actor.png,
// matrix-desktop.png and matrix-phone.png.
//
//   VNKB_URL=http://127.0.0.1:8099/ node tests/e2e/screenshots.mjs
// or, with its own server and index:  tests/e2e/run.sh BUILD_DIR --screenshots
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './lib/browser.mjs';

const root = process.env.VNKB_ROOT || path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, 'docs', 'screenshots');
const base = (process.env.VNKB_URL || 'http://127.0.0.1:8080/').replace(/\/?$/, '/');
fs.mkdirSync(out, { recursive: true });

async function ready(page) {
  await page.waitForFunction(() => document.body && document.body.dataset.ready === '1');
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
}

const { context, close } = await launch();
try {
  const page = await context.newPage();
  const q = encodeURIComponent('khoáng sản');

  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(new URL(`?q=${q}`, base).href);
  await ready(page);
  await page.screenshot({ path: path.join(out, 'search-desktop.png') });

  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto(new URL(`?q=${q}&topic=minerals`, base).href);
  await ready(page);
  await page.screenshot({ path: path.join(out, 'search-phone.png') });

  // The document page: a circular with citations both ways, the query's
  // words highlighted.
  const res = await fetch(new URL(`api/search?q=${encodeURIComponent('155/2025/TT-BTC')}`, base));
  const hit = (await res.json()).hits[0];
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(new URL(`?doc=${hit.id}&q=${encodeURIComponent('lệ phí')}`, base).href);
  await ready(page);
  await page.screenshot({ path: path.join(out, 'document.png') });

  // The positions: the timeline of the actor with the most positions; on a
  // phone the newest first; that actor's page.
  const pos = await (await fetch(new URL('api/positions?per_page=0', base))).json();
  const actor = pos.facets.actor[0].value;
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(new URL(`?view=positions&actor=${encodeURIComponent(actor)}`, base).href);
  await ready(page);
  await page.screenshot({ path: path.join(out, 'positions-desktop.png') });

  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto(new URL('?view=positions&sort=date_desc', base).href);
  await ready(page);
  await page.screenshot({ path: path.join(out, 'positions-phone.png') });

  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(new URL(`?view=actor&id=${encodeURIComponent(actor)}`, base).href);
  await ready(page);
  await page.screenshot({ path: path.join(out, 'actor.png') });

  // The position matrix: actors by topic; on a phone, by process.
  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(new URL('?view=positions&mode=matrix', base).href);
  await ready(page);
  await page.screenshot({ path: path.join(out, 'matrix-desktop.png') });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto(new URL('?view=positions&mode=matrix&across=process', base).href);
  await ready(page);
  await page.screenshot({ path: path.join(out, 'matrix-phone.png') });
  console.log(
    `screenshots: wrote search-desktop.png, search-phone.png, document.png, positions-desktop.png, positions-phone.png, actor.png, matrix-desktop.png, matrix-phone.png to ${out}`,
  );
} finally {
  await close();
}
