// ui/views/startupProblem.js and app.js at launch: when the data file cannot be used,
// the window says why, shows the file, and offers what can help instead of the app.

import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { installDom, importUi, indexHtml, teardown, flush, button, queryButton } from './harness.mjs';

const DAMAGED = {
  kind: 'corrupt',
  title: 'Tend’s data file is damaged',
  explanation: 'It can no longer be read as it is. Nothing has been changed or deleted.',
  path: '/home/ann/.local/share/app.tend.desktop/<b>tend</b>.sqlite3',
  remedies: ['restore_backup', 'open_folder', 'quit'],
};
const LOCKED = {
  kind: 'locked',
  title: 'Another program is using Tend’s data file',
  explanation: 'Close the other program, then try again.',
  path: '/data/tend.sqlite3',
  remedies: ['try_again', 'open_folder', 'quit'],
};

describe('ui/views/startupProblem.js', () => {
  let env;
  let document;
  let tauri;

  beforeEach(() => {
    env = installDom({ html: indexHtml(), fresh: true });
    ({ document, tauri } = env);
  });
  afterEach(teardown);

  const heading = () => document.querySelector('h1');

  test('at launch, a problem replaces the app with a page that says why', async () => {
    tauri.respond('startup_problem', LOCKED).respond('page_ready', null);
    // As Tauri answers a command whose state was never managed: Tend's data is not open.
    tauri.fail('get_today', 'state not managed for field `tend` on command `get_today`');
    await importUi('app.js', { fresh: true });
    await flush();
    assert.equal(tauri.callsTo('page_ready').length, 1, 'its hidden window is shown');
    assert.equal(heading().textContent, LOCKED.title);
    assert.equal(document.querySelector('nav[aria-label="Sections"]'), null, 'no app behind it');
    assert.ok(tauri.callsTo('get_today').length <= 1, 'Today, asked for at once, is not asked again');
    assert.doesNotMatch(document.body.textContent, /state not managed|get_today/, 'its failure shows nowhere');
    assert.equal(document.activeElement, button(document, 'Try again'), 'the first remedy has focus');
  });

  test('with no problem the app starts as usual', async () => {
    tauri.respond('startup_problem', null);
    await importUi('app.js', { fresh: true });
    await flush();
    assert.ok(document.querySelector('nav[aria-label="Sections"]'));
    assert.ok(tauri.callsTo('get_today').length >= 1);
  });

  test('the hidden window is asked to show once, as soon as the page has run, before any data', async () => {
    tauri.respond('startup_problem', null).respond('page_ready', null);
    tauri.respond('get_settings', { phoneRegion: 'GB', dataFile: '/x' });
    let answer;
    tauri.respond('get_today', () => new Promise((resolve) => { answer = resolve; }));
    await importUi('app.js', { fresh: true });
    await flush();
    assert.equal(tauri.callsTo('page_ready').length, 1, 'shown with its sidebar while Today is on its way');
    answer({
      date: '2026-11-23', now: '2026-11-23T10:00:00Z', nextDayAt: '2026-11-24T00:00:00Z',
      overdue: [], dueToday: [], upcoming: [], goingCold: [], maybes: [], counts: {},
    });
    tauri.respond('get_today', {
      date: '2026-11-23', now: '2026-11-23T10:05:00Z', nextDayAt: '2026-11-24T00:00:00Z',
      overdue: [], dueToday: [], upcoming: [], goingCold: [], maybes: [], counts: {},
    });
    window.dispatchEvent(new window.Event('focus'));
    await flush();
    assert.ok(tauri.callsTo('get_today').length >= 2, 'Today loaded again');
    assert.equal(tauri.callsTo('page_ready').length, 1, 'and only once');
  });

  test('Today is asked for beside the start-up check, not after its answer', async () => {
    let answer;
    tauri.respond('startup_problem', () => new Promise((resolve) => { answer = resolve; })).respond('page_ready', null);
    tauri.respond('get_settings', { phoneRegion: 'GB', dataFile: '/x' });
    tauri.respond('get_today', {
      date: '2026-11-23', now: '2026-11-23T10:00:00Z', nextDayAt: '2026-11-24T00:00:00Z',
      overdue: [], dueToday: [], upcoming: [], goingCold: [], maybes: [], counts: {},
    });
    // The module waits on the check at its top level: its import ends once the check answers.
    const loading = importUi('app.js', { fresh: true });
    for (let waited = 0; !answer && waited < 2000; waited += 5) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.ok(answer, 'the start-up check is asked');
    assert.equal(tauri.callsTo('get_today').length, 1, 'on its way while the check is');
    answer(null);
    await loading;
    await flush();
    assert.equal(heading().textContent, 'Today', 'drawn from that answer once the check says all is well');
    assert.equal(tauri.callsTo('get_today').length, 1, 'and not asked twice for it');
  });

  test('the path is text, each remedy a button, and Try again recovers or says why not', async () => {
    const { showStartupProblem } = await importUi('views/startupProblem.js');
    let recovered = 0;
    tauri.respond('retry_startup', LOCKED);
    showStartupProblem(document.body, LOCKED, { onRecovered: () => recovered++ });
    assert.equal(document.querySelector('code').textContent, LOCKED.path);
    button(document, 'Try again').click();
    await flush();
    assert.equal(recovered, 0);
    assert.match(document.querySelector('[role=status].startup-message').textContent, /Still not possible; nothing has been changed/);
    tauri.respond('retry_startup', null);
    button(document, 'Try again').click();
    await flush();
    assert.equal(recovered, 1, 'running now: the app starts');
  });

  test('a damaged file offers its backup only where one can be restored; markup in the path stays text', async () => {
    const { showStartupProblem } = await importUi('views/startupProblem.js');
    showStartupProblem(document.body, DAMAGED, { onRecovered: () => {} });
    assert.equal(queryButton(document, 'Restore the newest backup'), null, 'no restore offered without a backup');
    assert.equal(document.querySelector('b'), null);
    tauri.respond('open_data_folder', null).respond('quit_app', null);
    button(document, 'Open the folder').click();
    button(document, 'Quit').click();
    await flush();
    assert.equal(tauri.callsTo('open_data_folder').length, 1);
    assert.equal(tauri.callsTo('quit_app').length, 1);
    let recovered = 0;
    tauri.respond('restore_newest_backup', null);
    const withBackup = { ...DAMAGED, newestBackup: { path: '/b/1', takenAt: '2026-11-30T09:30:00Z', sizeBytes: 1234567, contacts: 212 } };
    showStartupProblem(document.body, withBackup, { onRecovered: () => recovered++ });
    assert.match(document.querySelector('.backup-offer').textContent, /The newest good backup: .* — 212 contacts, 1\.2 MB\./);
    button(document, 'Restore the newest backup').click();
    await flush();
    assert.equal(tauri.callsTo('restore_newest_backup').length, 1);
    assert.equal(recovered, 1, 'restored and running: the app starts');
  });
});
