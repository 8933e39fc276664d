// The web console end to end in headless Chromium (Debian's, launched by path; playwright-core
// never downloads a browser). Run by vault-cli's ConsoleBrowserTest against `vault serve`, which
// hands the expectations in the environment. Prints "ok <step>" per step and a screenshot of each
// into SCREENSHOTS; the first failing step prints "FAILED <step>: why" and exits 1.
'use strict';
const path = require('path');
const { chromium } = require('playwright-core');

const env = process.env;
const need = ['CHROMIUM', 'CONSOLE_URL', 'KEY', 'RUN', 'RUN_DONE', 'FAILED_ITEM', 'ITEM_NAME', 'FOLDER', 'SUBJECT', 'TO_ITEM', 'RESTORE_FOLDER',
  'SCREENSHOTS', 'DOWNLOADS'];
const missing = need.filter((n) => !env[n]);
if (missing.length) {
  console.log('FAILED setup: missing ' + missing.join(', '));
  process.exit(2);
}
const WAIT = 30000;
const JOB_WAIT = 100000;
let step = 'launch';
let page = null;

async function main() {
  const browser = await chromium.launch({ executablePath: env.CHROMIUM, args: ['--no-sandbox', '--disable-gpu'], timeout: WAIT });
  try {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(WAIT);
    const apiCalls = [];
    page.on('request', (r) => { if (r.url().includes('/api/')) apiCalls.push(r.url()); });
    const done = async (name) => {
      await page.screenshot({ path: path.join(env.SCREENSHOTS, name + '.png'), fullPage: true });
      console.log('ok ' + name);
    };
    const listing = page.locator('#listing tbody');

    step = 'wrong-key';
    await page.goto(env.CONSOLE_URL);
    await page.getByLabel('Function key', { exact: true }).fill('not-the-key');
    const refused = page.waitForResponse((r) => r.url().includes('/api/') && r.status() === 401);
    await page.getByRole('button', { name: 'Use key' }).click();
    await refused;
    await page.getByRole('alert').filter({ hasText: 'Key refused' }).waitFor();
    await done(step);

    step = 'run-counts';
    await page.getByLabel('Function key', { exact: true }).fill(env.KEY);
    await page.keyboard.press('Enter'); // the form works from the keyboard
    const run = page.locator(`#runs-table tr[data-run="${env.RUN}"]`);
    await run.waitFor();
    const cells = await run.locator('td').allTextContents();
    if (cells[3] !== 'done' || cells[4] !== env.RUN_DONE || cells[5] !== '0') {
      throw new Error('run row shows ' + cells.join(' | ') + '; expected done with ' + env.RUN_DONE + ' done, 0 failed');
    }
    await run.getByRole('button').click();
    await page.locator('#run-heading').filter({ hasText: env.RUN }).waitFor();
    const rows = await page.locator('#run-items tbody tr').count();
    if (String(rows) !== env.RUN_DONE) throw new Error('the run lists ' + rows + ' items, expected ' + env.RUN_DONE);
    const failed = page.locator('#run-items tbody li').filter({ hasText: 'mail message ' + env.FAILED_ITEM + ': ' });
    if (await failed.count() !== 1) throw new Error('the run does not show failed item ' + env.FAILED_ITEM + ' with why');
    await done(step);

    step = 'browse';
    await page.getByRole('button', { name: 'Browse ' + env.ITEM_NAME }).click();
    await listing.getByRole('button', { name: /^mail \(\d+ items\)$/ }).click();
    for (const folder of env.FOLDER.split('/')) {
      await listing.getByRole('button', { name: folder, exact: true }).click();
      await page.locator('#crumbs [aria-current]').filter({ hasText: folder }).waitFor();
    }
    await listing.getByRole('cell', { name: env.SUBJECT, exact: true }).first().waitFor();
    await done(step);

    step = 'search';
    await page.locator('#crumbs').getByRole('button').first().click(); // back to the top, so the hit's button must bring us there
    await page.locator('#crumbs [aria-current]').filter({ hasText: env.ITEM_NAME }).waitFor();
    await page.getByLabel('Words of the subject, name or sender').fill(env.SUBJECT);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const hit = page.locator('#hits tbody tr').filter({ hasText: env.SUBJECT }).first();
    await hit.waitFor();
    await hit.getByRole('button', { name: 'mail/' + env.FOLDER, exact: true }).click();
    await listing.getByRole('cell', { name: env.SUBJECT, exact: true }).first().waitFor();
    await done(step);

    step = 'export';
    await page.getByLabel('Export as a zip to download').check();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.locator('#job-heading').filter({ hasText: /^Export / }).waitFor();
    const status = page.locator('#job-live');
    await status.filter({ hasText: /^Status: (done|failed|expired)/ }).waitFor({ timeout: JOB_WAIT });
    const exported = await status.textContent();
    if (!exported.startsWith('Status: done')) throw new Error('the export ended: ' + exported);
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: /^Download the export/ }).click();
    const download = await downloading;
    await download.saveAs(path.join(env.DOWNLOADS, 'export.zip'));
    await done(step);

    step = 'restore';
    await page.getByLabel('Restore into another item').check();
    await page.getByLabel('Restore into (user:, site: or group:)').fill(env.TO_ITEM);
    await page.getByLabel('Under a new folder named (optional)').fill(env.RESTORE_FOLDER);
    await page.getByRole('button', { name: 'Start' }).click();
    await page.locator('#job-heading').filter({ hasText: /^Restore / }).waitFor();
    await status.filter({ hasText: /^Status: (done|failed)/ }).waitFor({ timeout: JOB_WAIT });
    const restored = await status.textContent();
    if (!/^Status: done: (\d+) of \1 items, [1-9]\d* restored, 0 skipped, 0 failed/.test(restored)) {
      throw new Error('the restore ended: ' + restored);
    }
    console.log('restore: ' + restored);
    await done(step);

    step = 'no-key-in-urls';
    const leaked = apiCalls.filter((u) => u.includes(env.KEY));
    if (leaked.length) throw new Error('the key is in request URLs: ' + leaked[0]);
    console.log('api calls: ' + apiCalls.length);
    await done(step);

    // A run started now (the test starts it when it reads this line, on a slowed Graph): seen going
    // after one Refresh, then seen done with no further click, by the page's own polling.
    step = 'live';
    console.log('ready live');
    const going = page.locator('#runs-table tbody tr').filter({ has: page.locator('td.status-running') });
    for (let i = 0; i < 60 && await going.count() === 0; i++) {
      await page.getByRole('button', { name: 'Refresh', exact: true }).click();
      await page.waitForTimeout(500);
    }
    if (await going.count() === 0) throw new Error('no run going after 60 refreshes');
    const live = await going.first().getAttribute('data-run');
    await page.locator('#runs-live').filter({ hasText: 'updated every 2 seconds' }).waitFor();
    await done('live-running');
    await page.locator(`#runs-table tr[data-run="${live}"] td.status-done`).waitFor({ timeout: JOB_WAIT });
    await page.locator('#runs-live').filter({ hasText: 'none going' }).waitFor();
    await done(step);
  } catch (e) {
    if (page) await page.screenshot({ path: path.join(env.SCREENSHOTS, step + '-failed.png'), fullPage: true }).catch(() => {});
    throw e;
  } finally {
    await browser.close();
  }
}

main().then(() => process.exit(0), (e) => {
  console.log('FAILED ' + step + ': ' + String(e && e.message ? e.message : e).split('\n')[0]);
  process.exit(1);
});
