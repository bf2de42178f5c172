#!/usr/bin/env node
// The search page in a real browser (headless Debian Chromium driven by playwright-core, no
// browser download). Run by tests/browser/run.sh, which builds tests/fixtures/search under the
// sub-path /status/ and serves it at $BASE (http://127.0.0.1:PORT/status/).
//
// 1. On the home page, type a word that appears only in one postmortem's body ("zebrafish")
//    into the header's search box and submit: the search page lists that incident first, with
//    the word marked in the excerpt and a link to the section that holds it (#root-cause).
// 2. Search "quorum" (in two incidents), then tick the component facet "Database": one result
//    is left, the incident that affected the database.
// 3. On the same site with an incident written in Japanese ($CJK, tests/fixtures/search-cjk),
//    words inside runs of characters written without spaces find it: "切替" (switchover)
//    and "障害" (outage), and the single character "障" as the start of a word.
'use strict';
const { chromium } = require('playwright-core');

const BASE = process.env.BASE;
let failures = 0;
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures++;
}

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    const errors = [];
    page.on('pageerror', e => errors.push(String(e)));
    page.on('requestfailed', r => errors.push(`request failed: ${r.url()}`));
    page.on('response', r => { if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`); });

    await page.goto(BASE, { waitUntil: 'load' });
    await page.fill('#site-search-q', 'zebrafish');
    await page.press('#site-search-q', 'Enter');
    await page.waitForURL(/\/status\/search\/\?q=zebrafish/);
    await page.waitForSelector('.search-result');
    const first = await page.$eval('.search-result .search-title a', a => ({ text: a.textContent, href: a.getAttribute('href') }));
    check(first.text === 'Writes failed during a database failover', `first result for "zebrafish": ${first.text}`);
    check(first.href === '/status/incidents/2025-03-04-db-failover/', `its link is under the sub-path: ${first.href}`);
    const n = await page.$$eval('.search-result', r => r.length);
    check(n === 1, `one result for "zebrafish" (${n})`);
    const mark = await page.$eval('.search-result mark', m => m.textContent);
    check(mark.toLowerCase() === 'zebrafish', `the excerpt marks the word (${mark})`);
    const where = await page.$eval('.search-where a', a => ({ text: a.textContent, href: a.getAttribute('href') }));
    check(where.href === '/status/incidents/2025-03-04-db-failover/#root-cause' && where.text === 'Root cause',
      `it links to the section that holds the word: ${where.text} ${where.href}`);

    await page.fill('#search-q', 'quorum');
    await page.waitForFunction(() => /2 incidents found/.test(document.getElementById('search-status').textContent));
    const titles = await page.$$eval('.search-result .search-title a', a => a.map(x => x.textContent));
    check(titles.length === 2 && titles[0] === 'API errors after a configuration change',
      `"quorum": two results, the one with it in its summary first: ${JSON.stringify(titles)}`);
    await page.click('#search-filters > summary');
    await page.check('fieldset[data-facet="component"] input[value="db"]');
    await page.waitForFunction(() => /1 incident found/.test(document.getElementById('search-status').textContent));
    const narrowed = await page.$$eval('.search-result .search-title a', a => a.map(x => x.textContent));
    check(narrowed.length === 1 && narrowed[0] === 'Writes failed during a database failover',
      `narrowed by the component "Database": ${JSON.stringify(narrowed)}`);
    check(/component=db/.test(page.url()) && /q=quorum/.test(page.url()), `the address keeps the query and facet: ${page.url()}`);

    for (const q of ['切替', '障害', '障', 'データベース 失敗']) {
      await page.goto(`${process.env.CJK}search/?q=${encodeURIComponent(q)}`, { waitUntil: 'load' });
      await page.waitForFunction(() => /found/.test(document.getElementById('search-status').textContent));
      const hits = await page.$$eval('.search-result .search-title a', a => a.map(x => x.textContent));
      check(hits.length === 1 && hits[0] === '東京リージョンでAPI障害', `"${q}" finds the Japanese incident: ${JSON.stringify(hits)}`);
    }
    check(errors.length === 0, `no script errors or failed requests ${errors.length ? JSON.stringify(errors) : ''}`);
  } finally {
    await browser.close();
  }
  if (failures) { console.log(`${failures} check(s) failed`); process.exit(1); }
  console.log('browser search test passed');
}
main().catch(e => { console.error('search.js: ' + (e && e.stack || e)); process.exit(2); });
