// The site `roster site` writes, and the page `roster timeline --format html` writes, opened
// from file:// in a real browser (Debian's chromium, driven by playwright-core), for each
// records tree given on the command line as NAME=ROOT. run.sh installs what this needs and runs
// it.
//
// The oracle is the records themselves: each tree's records/members/*.yaml and
// records/chairs.yaml are read here with a YAML library of their own (`yaml`, YAML 1.2 core
// schema, so `2003-04` stays text as roster reads it), not through roster. Every member, every
// period of membership as written, and every chair entry (kind, chairs, start, end, planned) must
// then be on the home page's tables and in the timeline picture's data attributes, in the
// records' order. What roster reads and what a second reader reads must agree, and a page that
// drops, reorders or rewrites a date fails.
//
// Environment: ROSTER (the binary), BROWSER_MODULES (the folder holding node_modules),
// SCREENSHOTS (where the screenshots go), WORK (a scratch folder), CHROMIUM (the browser).

import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(path.join(process.env.BROWSER_MODULES, 'package.json'));
const { chromium } = require('playwright-core');
const YAML = require('yaml');

const roster = process.env.ROSTER;
const shots = process.env.SCREENSHOTS;
const work = process.env.WORK;
const trees = process.argv.slice(2);

let passed = 0;
let failed = 0;

function check(condition, what) {
  if (condition) {
    passed += 1;
  } else {
    failed += 1;
    console.log(`not ok - ${what}`);
  }
  return condition;
}

function equal(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (!check(a === e, what)) {
    console.log(`  expected ${e.slice(0, 600)}\n  actual   ${a.slice(0, 600)}`);
  }
}

/// A date as written: YAML reads a bare year as a number.
const written = (value) => (value === undefined || value === null ? '' : String(value));

/// The members and chair entries of a records tree, read straight from its YAML.
function oracle(root) {
  const read = (file) => YAML.parse(fs.readFileSync(path.join(root, file), 'utf8'), { schema: 'core' });
  const members = fs
    .readdirSync(path.join(root, 'records/members'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => {
      const m = read(`records/members/${f}`);
      const periods = m.periods ?? [{ joined: m.joined, left: m.left }];
      return {
        id: m.id,
        periods: periods.map((p) => [written(p.joined), written(p.left)]),
        sources: m.sources ?? [],
      };
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const chairs = (read('records/chairs.yaml').chairs ?? []).map((c) => ({
    kind: c.vacant ? 'vacant' : c.unknown ? 'unknown' : 'term',
    chair: (c.chair ? [c.chair] : (c.chairs ?? []).map((x) => (typeof x === 'string' ? x : x.id))).join(' '),
    start: written(c.start),
    end: written(c.end),
    planned: c.planned === true ? 'true' : 'false',
  }));
  return { members, chairs };
}

function run(args, options = {}) {
  const result = spawnSync(roster, args, { encoding: 'utf8', ...options });
  return result;
}

/// Whether this roster has `roster timeline`.
function hasTimeline(root) {
  return run(['--root', root, 'timeline', '--help']).status === 0;
}

/// The timeline picture's rows and terms, from the SVG's data attributes and titles.
async function timelineData(page) {
  return page.evaluate(() => {
    const svg = document.querySelector('svg.roster-timeline');
    if (!svg) return null;
    const title = (el) => el.querySelector(':scope > title')?.textContent ?? '';
    return {
      members: [...svg.querySelectorAll('g.member[data-id]')].map((g) => ({
        id: g.dataset.id,
        periods: [...g.querySelectorAll('rect.membership')].map((r) => [r.dataset.joined ?? '', r.dataset.left ?? '']),
        titles: [...g.querySelectorAll('rect.membership')].map((r) => title(r)),
      })),
      terms: [...svg.querySelectorAll('g.term')].map((t) => ({
        kind: t.dataset.kind,
        chair: t.dataset.chair ?? '',
        start: t.dataset.start,
        end: t.dataset.end,
        planned: t.dataset.planned ?? 'false',
        title: title(t),
      })),
    };
  });
}

/// The timeline picture against the oracle.
function checkTimeline(name, where, data, expected) {
  if (!check(data !== null, `${name}: ${where} has an svg.roster-timeline`)) return;
  equal(
    data.members.map((m) => m.id).sort(),
    expected.members.map((m) => m.id),
    `${name}: ${where}: one row per member`,
  );
  for (const m of expected.members) {
    const row = data.members.find((r) => r.id === m.id);
    if (!row) continue;
    equal(row.periods, m.periods, `${name}: ${where}: the periods of ${m.id}`);
    check(
      row.titles.every((t, i) => t.includes(m.periods[i][0])),
      `${name}: ${where}: each period of ${m.id} has a <title> with its dates`,
    );
  }
  equal(
    data.terms.map(({ title, ...t }) => t),
    expected.chairs,
    `${name}: ${where}: every chair entry, in order, with its dates`,
  );
  check(
    data.terms.every((t) => t.title.includes(t.start) && t.title.includes(t.end)),
    `${name}: ${where}: every chair entry has a <title> with its start and end`,
  );
}

/// Fails on any request that is not for a file:// or data: address, and on console errors
/// (a blocked load is one).
function watch(page, name, seen) {
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('file://') && !url.startsWith('data:')) seen.outside.push(url);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') seen.errors.push(`${name}: ${message.text()}`);
  });
  page.on('pageerror', (error) => seen.errors.push(`${name}: ${error.message}`));
}

/// The member page the walk through the site opens: one with several periods, else one with a
/// window or a coarse date, else the first.
function memberToVisit(members) {
  return (
    members.find((m) => m.periods.length > 1) ??
    members.find((m) => m.periods.some(([j]) => j.includes('/'))) ??
    members[0]
  );
}

async function testTree(browser, name, root) {
  const expected = oracle(root);
  const out = path.join(work, name);
  fs.rmSync(out, { recursive: true, force: true });
  const site = run(['--root', root, 'site', out]);
  if (!check(site.status === 0, `${name}: roster site exits 0`)) {
    console.log(site.stderr);
    return;
  }
  const timeline = hasTimeline(root);
  if (timeline) {
    const html = run(['--root', root, 'timeline', '--format', 'html'], { maxBuffer: 64 << 20 });
    check(html.status === 0, `${name}: roster timeline --format html exits 0`);
    fs.writeFileSync(path.join(work, `${name}-timeline.html`), html.stdout);
  } else {
    console.log(`# ${name}: this roster has no \`roster timeline\`: the timeline checks are skipped`);
  }

  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  const seen = { outside: [], errors: [] };
  watch(page, name, seen);
  const home = pathToFileURL(path.join(out, 'index.html')).href;
  await page.goto(home);

  // The member table: every member, with its periods as written.
  const rows = await page.$$eval('#members tbody tr', (trs) =>
    trs.map((tr) => ({
      id: tr.dataset.id,
      periods: [...tr.querySelectorAll('.period')].map((p) => [p.dataset.joined, p.dataset.left]),
      text: [...tr.querySelectorAll('.period')].map((p) => p.textContent),
    })),
  );
  equal(
    rows.map(({ id, periods }) => ({ id, periods })),
    expected.members.map(({ id, periods }) => ({ id, periods })),
    `${name}: the member table has every member and its periods`,
  );
  check(
    rows.every((r) => r.text.every((t, i) => t.includes(r.periods[i][0]) && t.includes(r.periods[i][1]))),
    `${name}: the member table shows each period's dates`,
  );

  // The chair table: every entry, in order.
  const chairs = await page.$$eval('#chairs tbody tr', (trs) =>
    trs.map((tr) => ({
      kind: tr.dataset.kind,
      chair: tr.dataset.chair,
      start: tr.dataset.start,
      end: tr.dataset.end,
      planned: tr.dataset.planned,
      shown: [tr.cells[2].textContent, tr.cells[3].textContent],
      named: [...tr.cells[1].querySelectorAll('a[data-member]')].map((a) => a.dataset.member),
    })),
  );
  equal(
    chairs.map(({ shown, named, ...c }) => c),
    expected.chairs,
    `${name}: the chair table has every entry, in order`,
  );
  check(
    chairs.every((c) => c.shown[0] === c.start && c.shown[1] === c.end),
    `${name}: the chair table shows each entry's start and end`,
  );
  check(
    chairs.every((c) => c.kind !== 'term' || c.chair.split(' ').every((id) => c.named.includes(id))),
    `${name}: each term links to its chairs`,
  );

  if (timeline) {
    checkTimeline(name, 'the home page', await timelineData(page), expected);
  }
  await page.screenshot({ path: path.join(shots, `${name}-home.png`) });

  // From the home page to a member's page, and back.
  const member = memberToVisit(expected.members);
  await Promise.all([page.waitForURL(`**/members/${member.id}.html`), page.click(`#members tr[data-id="${member.id}"] td:first-child a`)]);
  equal(await page.getAttribute('h1', 'data-id'), member.id, `${name}: the link opens the page of ${member.id}`);
  const periods = await page.$$eval('#periods tr.period', (trs) => trs.map((tr) => [tr.dataset.joined, tr.dataset.left]));
  equal(periods, member.periods, `${name}: the page of ${member.id} shows its periods`);
  const meaning = await page.textContent('#periods tbody');
  check(meaning.includes('Joined on'), `${name}: the page of ${member.id} says what the dates mean`);
  const cited = await page.$$eval('#sources a.source', (as) => as.map((a) => a.textContent));
  check(
    member.sources.every((s) => cited.includes(s)),
    `${name}: the page of ${member.id} lists the sources its record cites (${member.sources.join(', ')})`,
  );
  await page.screenshot({ path: path.join(shots, `${name}-member-${member.id}.png`), fullPage: true });

  // On to a source, which lists the member among what cites it.
  const source = member.sources[0];
  await Promise.all([page.waitForURL(`**/sources/${source}.html`), page.click(`#sources a.source:text-is("${source}")`)]);
  const citers = await page.$$eval('#cited-by a', (as) => as.map((a) => a.getAttribute('href')));
  check(
    citers.some((href) => href.startsWith(`../members/${member.id}.html`)),
    `${name}: the page of ${source} lists ${member.id} among what cites it`,
  );
  await page.goBack();
  equal(await page.getAttribute('h1', 'data-id'), member.id, `${name}: back from the source to ${member.id}`);
  await Promise.all([page.waitForURL(home), page.click('header a.home')]);
  check(page.url() === home, `${name}: the header leads back home`);
  await page.goBack();
  equal(await page.getAttribute('h1', 'data-id'), member.id, `${name}: the browser's back button returns to ${member.id}`);

  if (timeline) {
    const tl = await context.newPage();
    watch(tl, `${name} timeline`, seen);
    await tl.goto(pathToFileURL(path.join(work, `${name}-timeline.html`)).href);
    checkTimeline(name, 'roster timeline --format html', await timelineData(tl), expected);
    // The whole drawing: a window as wide as it is, so that nothing is scrolled out of sight.
    const size = await tl.$eval('svg.roster-timeline', (svg) => svg.getBoundingClientRect().width).catch(() => null);
    if (size) {
      await tl.setViewportSize({ width: Math.ceil(size) + 80, height: 1000 });
      await (await tl.$('svg.roster-timeline')).screenshot({ path: path.join(shots, `${name}-timeline.png`) });
    }
  }

  equal(seen.outside, [], `${name}: no request leaves file://`);
  equal(seen.errors, [], `${name}: no error in the browser's console`);
  await context.close();
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  for (const tree of trees) {
    const [name, root] = tree.split('=');
    await testTree(browser, name, path.resolve(root));
  }
} finally {
  await browser.close();
}
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
