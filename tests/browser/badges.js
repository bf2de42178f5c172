#!/usr/bin/env node
// Badges and status cards in a real browser (headless Chromium through playwright-core). Run by
// tests/browser/run.sh, which builds tests/fixtures/badges under the sub-path /badges/ and
// serves it at $BADGES (http://127.0.0.1:PORT/badges/).
//
// 1. Each badge, opened as an SVG document, renders exactly as wide as its `width` attribute,
//    each text fits inside its coloured side, and each text's natural width in the browser
//    (its `textLength` removed; Chromium picks DejaVu Sans, the font the build measured with,
//    when it is installed) is within 2 px of the width the build measured.
// 2. Each badge in an <img> has that width as its natural width.
// 3. The status cards load without errors or scripts, and follow the dark scheme.
'use strict';
const { chromium } = require('playwright-core');

const BASE = process.env.BADGES;
let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
}

const BADGES = ['badge.svg', 'components/api/badge.svg', 'components/api/uptime.svg',
                'components/web/uptime.svg', 'components/quiet/badge.svg'];

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 800, height: 400 } });
    const errors = [];
    page.on('pageerror', e => errors.push(String(e)));
    // Failed loads are reported by URL below (the browser's own /favicon.ico request aside).
    page.on('console', m => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text()); });
    page.on('response', r => {
      if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`HTTP ${r.status()}: ${r.url()}`);
    });

    for (const b of BADGES) {
      const res = await page.goto(BASE + b, { waitUntil: 'load' });
      check(res.headers()['content-type'].startsWith('image/svg+xml'), `${b} is served as SVG`);
      const m = await page.evaluate(() => {
        const svg = document.documentElement;
        const sides = [...svg.querySelectorAll('g[clip-path] rect')].slice(0, 2)
          .map(r => r.getBoundingClientRect());
        const texts = [...svg.querySelectorAll('text:not([aria-hidden])')].map((t, k) => {
          const box = t.getBoundingClientRect();
          const bare = t.cloneNode(true);
          bare.removeAttribute('textLength');
          bare.setAttribute('visibility', 'hidden');
          t.parentNode.appendChild(bare);
          const natural = bare.getComputedTextLength() / 10;
          bare.remove();
          return { text: t.textContent, left: box.left, right: box.right,
                   side: [sides[k].left, sides[k].right],
                   measured: Number(t.getAttribute('textLength')) / 10, natural };
        });
        return { attr: Number(svg.getAttribute('width')), rendered: svg.getBoundingClientRect().width,
                 title: svg.querySelector('title').textContent, texts };
      });
      check(m.rendered === m.attr, `${b} renders ${m.rendered} px wide, its width attribute says ${m.attr}`);
      for (const t of m.texts) {
        check(t.left >= t.side[0] && t.right <= t.side[1],
          `${b}: "${t.text}" (${t.left.toFixed(1)}–${t.right.toFixed(1)}) fits its side (${t.side[0]}–${t.side[1]})`);
        check(Math.abs(t.natural - t.measured) <= 2,
          `${b}: "${t.text}" is ${t.natural.toFixed(2)} px in the browser's font, measured ${t.measured}`);
      }
      check(m.title.length > 0, `${b} has a title: ${m.title}`);
    }

    // In an <img>, as a README shows it.
    // From a page of the site (same origin), not about:blank (loopback is a private network).
    await page.goto(BASE, { waitUntil: 'load' });
    await page.setContent('<!DOCTYPE html><title>t</title>' +
      BADGES.map(b => `<img src="${BASE}${b}" alt="">`).join(' '));
    await page.waitForFunction(() => [...document.images].every(i => i.complete));
    const imgs = await page.$$eval('img', is => is.map(i => ({ src: i.src, w: i.naturalWidth, h: i.naturalHeight })));
    for (const i of imgs) {
      const svg = await (await page.request.get(i.src)).text();
      const w = Number(/<svg[^>]* width="(\d+)"/.exec(svg)[1]);
      check(i.w === w && i.h === 20, `<img> of ${i.src.slice(BASE.length)}: ${i.w}×${i.h}, stated ${w}×20`);
    }

    // The status cards, light and dark.
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const c of ['embed/', 'components/api/embed/']) {
        await page.goto(BASE + c, { waitUntil: 'load' });
        const s = await page.evaluate(() => ({
          scripts: document.scripts.length,
          bg: getComputedStyle(document.body).backgroundColor,
          state: document.querySelector('.state').textContent.trim(),
        }));
        check(s.scripts === 0, `${c} (${scheme}) has no script`);
        const dark = s.bg === 'rgb(13, 17, 23)';
        check(dark === (scheme === 'dark'), `${c} (${scheme}) background ${s.bg}`);
        check(/Major outage/.test(s.state), `${c} says ${s.state}`);
      }
    }
    check(errors.length === 0, `no page errors${errors.length ? ': ' + errors.join('; ') : ''}`);
  } finally {
    await browser.close();
  }
  if (failures) {
    console.log(`${failures} check(s) failed`);
    process.exit(1);
  }
  console.log('badges: all checks passed');
}

main().catch(e => { console.error(e); process.exit(1); });
