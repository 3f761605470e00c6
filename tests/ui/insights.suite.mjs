// ui/views/insights.js and ui/charts.js: the figures as the backend gives them, each
// chart with its table, the period picker, the working-day setting, empty states
// that teach, and names that open their contact.

import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { installDom, importUi, teardown, flush, byLabel, button } from './harness.mjs';

const WEEKS = ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'];

function insights(extra = {}) {
  const bars = Array.from({ length: 11 }, (_, n) => ({ label: n === 10 ? '10+' : String(n), sales: 0, contacts: [] }));
  bars[5] = { label: '5', sales: 1, contacts: [{ contactId: 7, name: 'Maria Lopez' }] };
  return {
    period: 'fourWeeks', periodLabel: 'the last 4 weeks', firstDay: WEEKS[0], today: '2026-11-26', workdayEnd: 'off',
    promises: {
      total: { count: 2, of: 3 },
      weeks: WEEKS.map((weekOf, i) => ({ weekOf, kept: i === 3 ? { count: 2, of: 3 } : { count: 0, of: 0 } })),
      streakDays: 1,
      broken: [{ followupId: 3, contactId: 9, name: 'Jane Doe', promise: 'call about the set', dueOn: '2026-11-25', how: 'done 1 day late' }],
    },
    sales: {
      sales: 1, bars, medianTouches: 5, afterFifth: { count: 1, of: 1 }, medianDaysToSale: 5, afterThreeMonths: { count: 0, of: 1 },
    },
    pipeline: {
      byStage: [{ key: 'lead', label: 'Lead', count: 4 }, { key: 'new_customer', label: 'New customer', count: 1 }],
      byDecision: [{ key: 'thinking', label: 'Thinking it over', count: 2 }],
      undecided: 3, oldMaybes: 1, goingCold: 2,
    },
    ...extra,
  };
}

describe('ui/views/insights.js', () => {
  let env;
  let document;
  let tauri;
  let went;

  beforeEach(async () => {
    env = installDom({ html: '<!doctype html><html lang="en"><body><main id="main"></main><div id="status" role="status"></div></body></html>' });
    ({ document, tauri } = env);
    tauri.respond('get_insights', ({ period }) => insights({ period }));
    tauri.respond('set_setting', null);
    went = [];
    const view = await importUi('views/insights.js');
    view.mount(document.getElementById('main'), { go: (name, intent) => went.push([name, intent]) });
    await flush(6);
  });
  afterEach(teardown);

  const section = (name) => document.querySelector(`section[aria-labelledby="${[...document.querySelectorAll('h2')].find((h) => h.textContent === name)?.id}"]`);

  test('each figure names its denominator, and the chart has its table', () => {
    const promises = section('Promises kept on time');
    assert.ok(promises, 'the section is there by its name');
    assert.match(promises.textContent, /2 of 3 kept on time \(67%\)/);
    assert.match(promises.textContent, /1 day in a row with nothing overdue/);
    const chart = promises.querySelector('svg[role="img"]');
    assert.match(chart.getAttribute('aria-label'), /2 of 3 \(67%\) kept on time in the last 4 weeks/);
    const rows = [...promises.querySelectorAll('table tbody tr')].map((tr) => tr.textContent);
    assert.equal(rows.length, 4, 'one row a week');
    assert.match(rows[3], /2 of 3/);
    assert.match(rows[0], /nothing due/);
  });

  test('a broken promise and a bar’s contact open their contact', () => {
    button(section('Promises kept on time'), 'Jane Doe').click();
    button(section('Touches before a sale'), 'Maria Lopez').click();
    assert.deepStrictEqual(went, [['contacts', { contactId: 9 }], ['contacts', { contactId: 7 }]]);
  });

  test('the period picker asks again for that period', async () => {
    const picker = byLabel(document, 'Period');
    picker.value = 'year';
    picker.dispatchEvent(new window.Event('change'));
    await flush(6);
    assert.deepStrictEqual(tauri.callsTo('get_insights').map((c) => c.args.period), ['fourWeeks', 'year']);
  });

  test('her working day is a setting, saved from the page', async () => {
    const ends = byLabel(document, 'My working day ends at');
    ends.value = '18:00';
    ends.dispatchEvent(new window.Event('change'));
    await flush(6);
    assert.deepStrictEqual(tauri.callsTo('set_setting')[0].args, { key: 'workdayEnd', value: '18:00' });
    assert.equal(tauri.callsTo('get_insights').length, 2, 'the figures follow');
  });

  test('with no sale yet, Touches before a sale says what it will show and why', async () => {
    tauri.respond('get_insights', () => insights({ sales: { sales: 0, bars: [], medianTouches: null, afterFifth: { count: 0, of: 0 }, medianDaysToSale: null, afterThreeMonths: { count: 0, of: 0 } } }));
    byLabel(document, 'Period').dispatchEvent(new window.Event('change'));
    await flush(6);
    const sales = section('Touches before a sale');
    assert.match(sales.textContent, /No sale in the last 4 weeks yet/);
    assert.match(sales.textContent, /about 7 touches/);
    assert.equal(sales.querySelector('svg'), null, 'no empty chart');
  });
});
