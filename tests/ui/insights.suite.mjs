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
    left: {
      departures: 5,
      reasons: [
        ['died', 'Died', 'none', 0, 1], ['moved', 'Moved away', 'none', 1, 3],
        ['other_relationships', 'Buys from a friend', 'little', 0, 5], ['competitor', 'Sold by a competitor', 'some', 1, 9],
        ['product_or_price', 'Product or price', 'some', 0, 14], ['indifference', 'Felt I didn’t care', 'total', 2, 68],
        ['dont_know', 'Don’t know', 'unknown', 1, null],
      ].map(([key, label, control, count, seedPercent]) => ({ key, label, control, count, seedPercent })),
      inHerControl: { count: 3, of: 4 }, seedInHerControlPercent: 96,
    },
    reorders: {
      products: [
        { productId: 2, name: 'Candle', supplyDays: 90, reorders: 0, medianGapDays: null, shortestGapDays: null, longestGapDays: null },
        { productId: 1, name: 'Lavender oil', supplyDays: 30, reorders: 3, medianGapDays: 33, shortestGapDays: 28, longestGapDays: 67 },
      ],
      remindedInTime: { count: 1, of: 3 },
    },
    referrals: { people: 4, sales: 3, top: [{ contactId: 11, name: 'Sara Jones', people: 3, sales: 2 }, { contactId: 12, name: 'Ana Ruiz', people: 1, sales: 1 }] },
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

  test('why customers left: her share in her control, beside the research, the table open', () => {
    const left = section('Why customers left');
    assert.match(left.textContent, /3 of 4 \(75%\) were in your control/);
    assert.match(left.textContent, /in the research, 96% are/);
    const rows = [...left.querySelectorAll('table tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));
    assert.deepStrictEqual(rows.find((r) => r[0] === 'Felt I didn’t care'), ['Felt I didn’t care', '2', 'Total', '68%']);
    assert.deepStrictEqual(rows.find((r) => r[0] === 'Don’t know'), ['Don’t know', '1', '—', '—']);
    assert.ok(left.querySelector('details').open, 'the seed’s column is seen without a click');
  });

  test('re-orders: days of supply against the real gaps, reminders in time', () => {
    const re = section('Re-orders');
    assert.match(re.textContent, /1 of 3 \(33%\) re-order reminders done in time/);
    const rows = [...re.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));
    assert.deepStrictEqual(rows, [
      ['Candle', '90 days', 'no re-order yet'],
      ['Lavender oil', '30 days', '33 days (median of 3 re-orders, 28–67)'],
    ]);
  });

  test('referrals: who sends the most, each opening her contact', () => {
    const ref = section('Referrals');
    assert.match(ref.textContent, /4 people referred, 3 sales from referrals/);
    button(ref, 'Sara Jones').click();
    assert.deepStrictEqual(went, [['contacts', { contactId: 11 }]]);
  });

  test('a pipeline bar opens the people behind it, each opening their contact', async () => {
    tauri.respond('pipeline_people', ({ slice }) => ({
      title: slice === 'stage:lead' ? 'Lead' : 'Going cold', total: 52,
      people: [{ contactId: 21, name: 'Tom Reyes', detail: null }, { contactId: 22, name: 'Eve Park', detail: 'Lead, no touch for 40 days' }],
    }));
    const pipeline = section('Pipeline');
    pipeline.querySelector('svg rect.chart-bar').dispatchEvent(new window.MouseEvent('click'));
    await flush(6);
    assert.deepStrictEqual(tauri.callsTo('pipeline_people').map((c) => c.args.slice), ['stage:lead']);
    const list = pipeline.querySelector('.pipeline-people');
    assert.equal(document.activeElement, list.querySelector('h3'));
    assert.match(list.textContent, /Lead: 52/);
    assert.match(list.textContent, /and 50 more/);
    button(pipeline, '2 people going cold').click();
    await flush(6);
    assert.match(list.textContent, /Eve Park — Lead, no touch for 40 days/);
    button(list, 'Eve Park').click();
    assert.deepStrictEqual(went, [['contacts', { contactId: 22 }]]);
    button(pipeline, 'Show who (None yet)').click();
    await flush(6);
    assert.equal(tauri.callsTo('pipeline_people').at(-1).args.slice, 'decision:none');
  });

  test('no departures, re-orders or referrals yet: each says what it will show', async () => {
    tauri.respond('get_insights', () => insights({
      left: { departures: 0, reasons: [], inHerControl: { count: 0, of: 0 }, seedInHerControlPercent: 96 },
      reorders: { products: [], remindedInTime: { count: 0, of: 0 } },
      referrals: { people: 0, sales: 0, top: [] },
    }));
    byLabel(document, 'Period').dispatchEvent(new window.Event('change'));
    await flush(6);
    assert.match(section('Why customers left').textContent, /No customer left in the last 4 weeks.*68%/);
    assert.match(section('Re-orders').textContent, /days of supply/);
    assert.match(section('Referrals').textContent, /via Sara/);
    for (const name of ['Why customers left', 'Re-orders', 'Referrals']) assert.equal(section(name).querySelector('svg, table'), null, name);
  });
});
