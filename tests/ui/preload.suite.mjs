// The pages load without a waterfall: every module a page imports, however deep, is
// named by a <link rel="modulepreload"> in its HTML, so WebKit asks for them all at once.
// And a main window built again from the tray starts on what it was opened for
// (window.__TEND_INTENT__, set by the backend before the page's scripts run).

import { describe, test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installDom, importUi, indexHtml, teardown, flush, byLabel, button, listItem, serveContacts, UI } from './harness.mjs';

const uiDir = fileURLToPath(UI);

function importsOf(entry) {
  const seen = new Set();
  const stack = [entry];
  while (stack.length) {
    const file = stack.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(join(uiDir, file), 'utf8');
    for (const [, target] of source.matchAll(/^\s*(?:import|export)[^;]*?from\s+'([^']+)'/gms)) {
      stack.push(normalize(join(dirname(file), target)));
    }
  }
  seen.delete(entry);
  return [...seen].sort();
}

function preloadsOf(page) {
  const html = readFileSync(join(uiDir, page), 'utf8');
  return [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map(([, href]) => href).sort();
}

describe('module preloads and the start-up intent', () => {
  afterEach(teardown);

  for (const [page, entry] of [['index.html', 'app.js'], ['quick.html', 'quick.js']]) {
    test(`${page} preloads exactly the modules ${entry} imports`, () => {
      assert.deepEqual(preloadsOf(page), importsOf(entry));
    });
  }

  test('the way to Today leaves the other sections out: they load once Today is drawn', () => {
    const first = importsOf('app.js');
    for (const later of ['views/contacts.js', 'views/cadences.js', 'views/insights.js', 'views/settings.js']) {
      assert.ok(!first.includes(later), `${later} is not loaded before Today`);
    }
    assert.ok(first.includes('views/today.js'));
  });

  async function start(intent) {
    const env = installDom({ html: indexHtml(), fresh: true });
    serveContacts(env.tauri, [listItem(1, 'Ann Lee')]);
    env.tauri.respond('list_stages', [{ key: 'lead', label: 'Lead' }]);
    env.tauri.respond('get_settings', { phoneRegion: 'GB', dataFile: '/x' });
    // Nothing due: an earlier suite's Today (kept by todayData.js) must not name a
    // count in the Today button.
    env.tauri.respond('get_today', {
      date: '2026-11-23', now: '2026-11-23T10:00:00Z', nextDayAt: '2026-11-24T00:00:00Z',
      overdue: [], dueToday: [], upcoming: [], goingCold: [], maybes: [], counts: {},
    });
    Object.defineProperty(env.window, '__TEND_INTENT__', { value: intent });
    await importUi('app.js', { fresh: true });
    await flush(6);
    return env;
  }

  test('opened for Quick add: the cursor is in its line', async () => {
    const { document } = await start({ quickAdd: true });
    assert.equal(document.activeElement, byLabel(document, 'Quick add'));
  });

  test('opened by a catch-up summary: Today, focused on its heading', async () => {
    const { document } = await start({ openFollowup: null });
    const sections = byLabel(document, 'Sections');
    assert.equal(button(sections, 'Today').getAttribute('aria-current'), 'page');
    assert.equal(document.activeElement, document.getElementById('main').querySelector('h1'));
  });

  test('opened with no intent: Today, focus left alone', async () => {
    const { document } = await start(undefined);
    assert.notEqual(document.activeElement, byLabel(document, 'Quick add'));
  });
});
