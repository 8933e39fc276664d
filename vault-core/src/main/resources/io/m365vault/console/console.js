// The m365vault console: every action is a call of the HTTP API with the function key the person
// typed (kept in sessionStorage, this tab only). Nothing is built from HTML strings: all data goes
// in through textContent, so nothing a mailbox holds can run here.
'use strict';

// The API sits at /api on both servers: the Functions host (page at /api/console/) and vault serve (page at /console/).
const API = '/api';
const KEY = 'm365vault.functionKey';
const POLL_MS = 2000;
const FINISHED = new Set(['done', 'failed', 'expired']);
const $ = (id) => document.getElementById(id);
const state = { items: [], item: null, at: '', path: '', openRun: null, runs: [], job: null };
let timer = null;

class Refused extends Error {}

function el(tag, props, ...children) {
  const e = document.createElement(tag);
  Object.entries(props || {}).forEach(([k, v]) => {
    if (k === 'onclick') e.addEventListener('click', v);
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v);
  });
  children.forEach((c) => e.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c))));
  return e;
}

function notice(text) {
  $('notice').textContent = text || '';
}

function bytes(n) {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  let v = Number(n) || 0;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return (i === 0 ? v : v.toFixed(1)) + ' ' + units[i];
}

function when(iso) {
  return iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '';
}

async function api(path, method, body) {
  const headers = { 'x-functions-key': sessionStorage.getItem(KEY) || '' };
  if (body) headers['Content-Type'] = 'application/json';
  const r = await fetch(API + path, { method: method || 'GET', headers, body, cache: 'no-store', credentials: 'same-origin' });
  let json = null;
  try { json = await r.json(); } catch (e) { json = null; }
  if (r.status === 401) {
    refused();
    throw new Refused('key refused');
  }
  if (!r.ok) throw new Error((json && json.error) || ('the API answered ' + r.status));
  return json;
}

function refused() {
  sessionStorage.removeItem(KEY);
  stopPolling();
  $('console').hidden = true;
  $('forget-key').hidden = true;
  $('key-section').hidden = false;
  notice('Key refused: the API answered 401 Unauthorized. Enter the function key again.');
  $('key').focus();
}

// Errors of one action are shown and leave the rest of the page working.
function guarded(f) {
  return async (...args) => {
    try {
      await f(...args);
    } catch (e) {
      if (!(e instanceof Refused)) notice(e.message);
    }
  };
}

// ---- polling: every 2 s while a run or a job is going, then it stops.
function needsPolling() {
  return state.runs.some((r) => r.status === 'running') || (state.job && !FINISHED.has(state.job.status));
}

function schedule() {
  if (!timer && needsPolling()) timer = setTimeout(tick, POLL_MS);
}

function stopPolling() {
  clearTimeout(timer);
  timer = null;
}

async function tick() {
  timer = null;
  const running = state.runs.some((r) => r.status === 'running');
  try {
    if (running) await loadRuns();
    if (running && state.openRun) await loadRun();
    if (state.job && !FINISHED.has(state.job.status)) await loadJob();
  } catch (e) {
    if (e instanceof Refused) return;
    notice(e.message);
  }
  schedule();
}

// ---- runs
async function loadRuns() {
  const body = await api('/runs');
  state.runs = body.runs;
  const tbody = $('runs-table').tBodies[0];
  tbody.replaceChildren(...body.runs.map((r) => el('tr', { 'data-run': r.id },
    el('td', {}, el('button', { type: 'button', class: 'link', onclick: guarded(() => openRun(r.id)) }, r.id)),
    el('td', {}, when(r.started)), el('td', {}, r.trigger), el('td', { class: 'status-' + r.status }, r.status),
    el('td', {}, r.items.done), el('td', {}, r.items.failed + r.items.poison), el('td', {}, r.items.skipped),
    el('td', {}, r.items.queued + r.items.running), el('td', {}, r.itemsSeen), el('td', {}, bytes(r.bytes)))));
  const going = body.runs.filter((r) => r.status === 'running').length;
  $('runs-live').textContent = body.runs.length === 0 ? 'No runs yet.'
    : going ? going + ' run(s) going; updated every 2 seconds.' : body.runs.length + ' run(s), none going.';
  schedule();
}

async function openRun(id) {
  state.openRun = id;
  await loadRun();
  $('run-heading').focus();
}

async function loadRun() {
  const failedOnly = $('run-failed-only').checked;
  const run = await api('/runs/' + encodeURIComponent(state.openRun) + (failedOnly ? '?state=failed' : ''));
  $('run-detail').hidden = false;
  $('run-heading').textContent = 'Run ' + run.id + ': ' + run.status + ' (' + run.items.done + ' done, '
    + (run.items.failed + run.items.poison) + ' failed, ' + run.items.skipped + ' skipped of ' + run.planned + ')';
  $('run-items').tBodies[0].replaceChildren(...run.itemStatus.map((s) => el('tr', {},
    el('td', {}, name(s.item)), el('td', { class: 'status-' + s.state }, s.state), el('td', {}, s.workloads.join(', ')),
    el('td', {}, s.items), el('td', {}, s.added), el('td', {}, s.changed), el('td', {}, s.removed), el('td', {}, bytes(s.bytes)),
    el('td', {}, s.errors.length + s.failedItems.length === 0 ? '' : el('ul', {},
      ...s.errors.map((e) => el('li', { class: 'error' }, e)), ...s.failedItems.map((f) => el('li', {}, f)))))));
}

// ---- protected items
function name(item) {
  const e = state.items.find((i) => i.item === item);
  return e && e.name ? e.name + ' (' + item + ')' : item;
}

async function loadItems() {
  const body = await api('/items');
  state.items = body.items;
  $('items-table').tBodies[0].replaceChildren(...body.items.map((i) => el('tr', {},
    el('td', {}, i.name || ''), el('td', {}, i.principal || ''), el('td', {}, i.item), el('td', {}, i.workloads.join(', ')),
    el('td', {}, when(i.lastBackup)), el('td', {}, i.lastOutcome || ''),
    el('td', {}, el('button', { type: 'button', 'aria-label': 'Browse ' + (i.name || i.item),
      onclick: guarded(() => startBrowse(i.item)) }, 'Browse')))));
  const select = $('browse-item');
  select.replaceChildren(...body.items.map((i) => el('option', { value: i.item }, i.name ? i.name + ' (' + (i.principal || i.item) + ')' : i.item)));
}

// ---- browse and search
async function startBrowse(item) {
  $('browse-item').value = item;
  state.item = item;
  state.at = $('browse-at').value.trim();
  await browse('');
  $('browse-heading').scrollIntoView();
}

function query(params) {
  const q = Object.entries(params).filter(([, v]) => v).map(([k, v]) => k + '=' + encodeURIComponent(v)).join('&');
  return q ? '?' + q : '';
}

async function browse(path) {
  const body = await api('/items/' + encodeURIComponent(state.item) + '/versions' + query({ at: state.at, path }));
  state.path = path;
  notice('');
  const segments = path ? path.split('/') : [];
  const crumbs = [el('li', {}, segments.length ? el('button', { type: 'button', class: 'link', onclick: guarded(() => browse('')) }, name(state.item))
    : el('span', { 'aria-current': 'location' }, name(state.item)))];
  segments.forEach((s, i) => {
    const to = segments.slice(0, i + 1).join('/');
    crumbs.push(el('li', {}, i === segments.length - 1 ? el('span', { 'aria-current': 'location' }, s)
      : el('button', { type: 'button', class: 'link', onclick: guarded(() => browse(to)) }, s)));
  });
  $('crumbs').replaceChildren(...crumbs);
  $('listing-caption').textContent = (path || 'Workloads') + ' at ' + when(body.at);
  $('listing').tBodies[0].replaceChildren(...body.entries.map((e) => {
    const into = (path ? path + '/' : '') + (path ? e.name : e.id);
    return el('tr', {},
      el('td', {}, e.folder ? el('button', { type: 'button', class: 'link folder', onclick: guarded(() => browse(into)) }, e.name) : e.name),
      el('td', {}, e.kind), el('td', {}, bytes(e.size)), el('td', {}, when(e.validFrom)));
  }));
  showRestoreScope();
}

async function search(event) {
  event.preventDefault();
  if (!state.item) throw new Error('Open an item first, then search it.');
  const body = await api('/items/' + encodeURIComponent(state.item) + '/search'
    + query({ q: $('search-q').value.trim(), from: $('search-from').value.trim(), to: $('search-to').value.trim(), at: state.at }));
  $('hits').hidden = false;
  $('hits-caption').textContent = body.hits.length + (body.more ? '+' : '') + ' result(s)' + (body.more ? ', newest first; narrow the search for more' : '');
  $('hits').tBodies[0].replaceChildren(...body.hits.map((h) => el('tr', {},
    el('td', {}, h.name), el('td', {}, h.kind), el('td', {}, h.sender || ''), el('td', {}, when(h.date)),
    el('td', {}, el('button', { type: 'button', class: 'link', onclick: guarded(() => browse(h.path)) }, h.path)))));
}

// ---- export and restore: the item, time and workload of the browse, and for files its folder.
function scope() {
  const [workload, ...rest] = state.path ? state.path.split('/') : [];
  const s = { item: state.item };
  if (state.at) s.at = state.at;
  if (workload) s.workloads = [workload];
  if (workload === 'files' && rest.length) s.path = rest.join('/');
  return s;
}

function showRestoreScope() {
  const s = scope();
  $('restore-what').textContent = 'Of ' + name(s.item) + ': ' + (s.workloads ? s.workloads.join(', ') : 'everything it has')
    + (s.path ? ', folder ' + s.path : '') + ', as it was ' + (s.at ? 'at ' + s.at : 'now') + '.';
  $('restore-submit').disabled = false;
}

async function submitRestore(event) {
  event.preventDefault();
  const target = document.querySelector('input[name=target]:checked').value;
  const body = Object.assign(scope(), { target });
  if (target === 'export') {
    body.format = $('restore-format').value;
  } else {
    if (target === 'alternate') body.toItem = $('restore-to').value.trim();
    if ($('restore-folder').value.trim()) body.folder = $('restore-folder').value.trim();
    if ($('restore-skip').checked) body.skipExisting = true;
  }
  state.job = await api('/restores', 'POST', JSON.stringify(body));
  notice('');
  showJob();
  schedule();
}

async function loadJob() {
  state.job = await api('/restores/' + encodeURIComponent(state.job.id));
  showJob();
}

function showJob() {
  const j = state.job;
  $('job').hidden = false;
  $('job-heading').textContent = (j.request.target === 'export' ? 'Export ' : 'Restore ') + j.id;
  let line = 'Status: ' + j.status;
  if (j.progress) {
    const p = j.progress;
    line += ': ' + p.done + ' of ' + p.items + ' items, ' + p.restored + ' restored, ' + p.skipped + ' skipped, ' + p.failed + ' failed';
  }
  if (j.files !== undefined) line += ': ' + j.files + ' files, ' + bytes(j.bytes) + ', ' + j.failures + ' failed';
  if (j.error) line += '. ' + j.error;
  $('job-live').textContent = line;
  $('job-failures').replaceChildren(...(j.failedItems || []).map((f) => el('li', {}, f)));
  $('job-download').hidden = !j.download;
  if (j.download) {
    $('job-link').href = j.download;
    $('job-link').textContent = 'Download the export (link valid until ' + when(j.downloadExpires) + ')';
  }
}

// ---- the key
async function start() {
  $('key-section').hidden = true;
  $('console').hidden = false;
  $('forget-key').hidden = false;
  await loadItems();
  await loadRuns();
}

function init() {
  $('key-form').addEventListener('submit', guarded(async (event) => {
    event.preventDefault();
    sessionStorage.setItem(KEY, $('key').value);
    $('key').value = '';
    notice('');
    await start();
  }));
  $('forget-key').addEventListener('click', () => {
    sessionStorage.removeItem(KEY);
    location.reload();
  });
  $('browse-form').addEventListener('submit', guarded(async (event) => {
    event.preventDefault();
    await startBrowse($('browse-item').value);
  }));
  $('search-form').addEventListener('submit', guarded(search));
  $('restore-form').addEventListener('submit', guarded(submitRestore));
  $('run-failed-only').addEventListener('change', guarded(loadRun));
  $('runs-refresh').addEventListener('click', guarded(loadRuns));
  if (sessionStorage.getItem(KEY)) guarded(start)();
}

document.addEventListener('DOMContentLoaded', init);
