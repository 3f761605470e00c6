// Insights: how she is doing, in pictures with the figures that drive them —
// promises kept on time, touches before a sale, where her people are now, why
// customers left, re-orders and referrals. Every figure follows the period
// picked (the pipeline is now), and says its own denominator.

import { getInsights, pipelinePeople, setSetting } from '../backend.js';
import { barChart } from '../charts.js';
import { el } from '../dom.js';
import { say } from '../status.js';

const PERIODS = [
  ['fourWeeks', 'Last 4 weeks'],
  ['quarter', 'Last quarter'],
  ['year', 'Last year'],
  ['all', 'All time'],
];

const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
const weekFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const day = (iso) => dayFormat.format(new Date(`${iso}T00:00:00Z`));
const week = (iso) => weekFormat.format(new Date(`${iso}T00:00:00Z`));

/** "2 of 3" with its percent, or null with nothing to count. */
function share({ count, of }) {
  return of > 0 ? `${count} of ${of} (${Math.round((count * 100) / of)}%)` : null;
}

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

// Under each bar, a word that fits it.
const SHORT_REASON = { died: 'Died', moved: 'Moved', other_relationships: 'Friend', competitor: 'Rival', product_or_price: 'Price', indifference: 'No care', dont_know: '?' };

// Seed 003's "How much control do you have?"
const CONTROL = { none: 'None', little: 'Little', some: 'Some', total: 'Total', unknown: '—' };

export function mount(container, { go }) {
  let period = 'fourWeeks';
  const picker = el('select', { id: 'insights-period' },
    PERIODS.map(([key, label]) => el('option', { value: key, text: label, selected: key === period })));
  picker.addEventListener('change', () => {
    period = picker.value;
    load();
  });
  const body = el('div', { class: 'insights-body', 'aria-live': 'polite' });
  const page = el('div', { class: 'page insights' },
    el('div', { class: 'title-row' },
      el('h1', { text: 'Insights' }),
      el('label', { class: 'push-right inline', for: 'insights-period', text: 'Period' }),
      picker),
    el('p', { class: 'lede', text: 'How you are doing: the promises you keep, what it takes to make a sale, and where your people are now.' }),
    body);
  container.append(page);

  const openContact = (contactId) => go('contacts', { contactId });

  async function load() {
    try {
      render(await getInsights(period));
    } catch (err) {
      say(`Couldn’t load Insights: ${err.message}`);
    }
  }

  function render(data) {
    body.replaceChildren(promisesSection(data), salesSection(data), pipelineSection(data),
      leftSection(data), reordersSection(data), referralsSection(data));
  }

  function promisesSection(data) {
    const kept = data.promises;
    const total = share(kept.total);
    const ends = el('input', { type: 'time', id: 'workday-end', value: data.workdayEnd === 'off' ? '' : data.workdayEnd });
    ends.addEventListener('change', async () => {
      try {
        await setSetting('workdayEnd', ends.value || 'off');
        load();
      } catch (err) {
        say(err.message);
      }
    });
    const section = el('section', { class: 'insight', 'aria-labelledby': 'insight-promises' },
      el('h2', { id: 'insight-promises', text: 'Promises kept on time' }));
    if (!total) {
      section.append(el('p', { class: 'calm', text: `No promise came due in ${data.periodLabel}. Each follow-up you plan counts here once its day is over: done by the end of its day, it was kept.` }));
    } else {
      section.append(
        el('p', { class: 'figure', text: `${total.replace(/ \(/, ' kept on time (')}` }),
        el('p', { class: 'hint', text: kept.streakDays > 0
          ? `${plural(kept.streakDays, 'day', 'days')} in a row with nothing overdue.`
          : 'Something is overdue today: done today, tomorrow starts a new streak.' }),
        barChart({
          title: 'Promises kept on time, by week',
          summary: `${total} kept on time in ${data.periodLabel}`,
          columns: ['Week of', 'Kept on time'],
          bars: kept.weeks.map((w) => ({
            label: week(w.weekOf), tableLabel: week(w.weekOf), value: w.kept.count, max: Math.max(w.kept.of, 1),
            shown: w.kept.of ? `${w.kept.count}/${w.kept.of}` : '–', cell: share(w.kept) ?? 'nothing due',
          })),
        }));
      if (kept.broken.length) {
        section.append(el('h3', { text: 'Broken most recently' }),
          el('ul', { class: 'broken-promises' }, kept.broken.map((b) => el('li', {},
            el('button', { type: 'button', class: 'link', text: b.name, onclick: () => openContact(b.contactId) }),
            el('span', { text: ` — ${b.promise || 'follow-up'}, due ${day(b.dueOn)}: ${b.how}` })))));
      }
    }
    section.append(el('p', { class: 'field-inline' },
      el('label', { for: 'workday-end', text: 'My working day ends at' }), ' ', ends,
      el('span', { class: 'hint', text: ' (empty: a promise is on time until midnight)' })));
    return section;
  }

  function salesSection(data) {
    const sales = data.sales;
    const section = el('section', { class: 'insight', 'aria-labelledby': 'insight-sales' },
      el('h2', { id: 'insight-sales', text: 'Touches before a sale' }));
    if (sales.sales === 0) {
      section.append(el('p', { class: 'calm', text: `No sale in ${data.periodLabel} yet. When someone buys (record “Bought” on their page), this shows how many touches it took. Most sales need about 7 touches, and 80% come after the 5th contact: seeing your own numbers tells you when not to give up.` }));
      return section;
    }
    const afterFifth = share(sales.afterFifth);
    const afterThree = share(sales.afterThreeMonths);
    section.append(
      el('p', { class: 'figure', text: `${plural(sales.sales, 'sale', 'sales')}; a median of ${plural(sales.medianTouches, 'touch', 'touches')} before it (most sales need about 7).` }),
      el('p', { class: 'hint', text: `${afterFifth} came after the 5th touch (sales research: 80%). A median of ${plural(sales.medianDaysToSale, 'day', 'days')} from first contact; ${afterThree} took three months or more (63% of enquirers buy after three months).` }),
      barChart({
        title: 'Touches before a sale',
        summary: `${plural(sales.sales, 'sale', 'sales')}, by the number of touches before each`,
        columns: ['Touches', 'Sales'],
        bars: sales.bars.map((bar) => ({
          label: bar.label, tableLabel: bar.label === '1' ? '1 touch' : `${bar.label} touches`, value: bar.sales,
          cell: bar.contacts.length
            ? el('span', {}, `${bar.sales}: `, bar.contacts.map((c, i) => [i ? ', ' : '', el('button', { type: 'button', class: 'link', text: c.name, onclick: () => openContact(c.contactId) })]))
            : '0',
        })),
      }));
    return section;
  }

  function pipelineSection(data) {
    const p = data.pipeline;
    const people = el('div', { class: 'pipeline-people', 'aria-live': 'polite' });
    // Each bar opens the list behind it, below the charts; focus goes to its heading.
    async function show(slice) {
      try {
        const found = await pipelinePeople(slice);
        const heading = el('h3', { tabindex: '-1', text: `${found.title}: ${found.total}` });
        const more = found.total - found.people.length;
        people.replaceChildren(heading,
          found.people.length
            ? el('ul', { class: 'slice-people' }, found.people.map((person) => el('li', {},
              el('button', { type: 'button', class: 'link', text: person.name, onclick: () => openContact(person.contactId) }),
              person.detail ? el('span', { class: 'hint', text: ` — ${person.detail}` }) : null)))
            : el('p', { class: 'calm', text: 'No one here now.' }),
          more > 0 ? el('p', { class: 'hint', text: `and ${plural(more, 'more', 'more')}: find them in Contacts.` }) : null);
        heading.focus();
      } catch (err) {
        say(`Couldn’t list them: ${err.message}`);
      }
    }
    const now = el('p', { class: 'hint' }, 'Now, whatever the period: ',
      el('button', { type: 'button', class: 'link', text: plural(p.oldMaybes, 'maybe', 'maybes'), onclick: () => show('oldMaybes') }),
      ' waiting more than two weeks for a decision, ',
      el('button', { type: 'button', class: 'link', text: `${plural(p.goingCold, 'person', 'people')} going cold`, onclick: () => show('goingCold') }),
      '.');
    return el('section', { class: 'insight', 'aria-labelledby': 'insight-pipeline' },
      el('h2', { id: 'insight-pipeline', text: 'Pipeline' }),
      now,
      barChart({
        title: 'Contacts by stage',
        summary: p.byStage.map((b) => `${b.label} ${b.count}`).join(', '),
        columns: ['Stage', 'Contacts'],
        bars: p.byStage.map((b) => ({ label: b.label.split(' ')[0], tableLabel: b.label, value: b.count, open: () => show(`stage:${b.key}`) })),
      }),
      barChart({
        title: 'Contacts by latest decision',
        summary: p.byDecision.map((b) => `${b.label} ${b.count}`).join(', '),
        columns: ['Latest decision', 'Contacts'],
        bars: [...p.byDecision.map((b) => ({ label: b.label.split(' ')[0], tableLabel: b.label, value: b.count, open: () => show(`decision:${b.key}`) })),
          { label: 'None', tableLabel: 'None yet', value: p.undecided, open: () => show('decision:none') }],
      }),
      people);
  }

  function leftSection(data) {
    const left = data.left;
    const section = el('section', { class: 'insight', 'aria-labelledby': 'insight-left' },
      el('h2', { id: 'insight-left', text: 'Why customers left' }));
    if (left.departures === 0) {
      section.append(el('p', { class: 'calm', text: `No customer left in ${data.periodLabel}. When you mark one inactive, Tend asks why; here you see which reasons were yours to change. In the research, 68% leave because they felt no one cared, and only 4% for reasons nobody controls.` }));
      return section;
    }
    const mine = share(left.inHerControl);
    section.append(
      el('p', { class: 'figure', text: mine ? `${mine} were in your control` : `${plural(left.departures, 'customer', 'customers')} left; you don’t know why` }),
      el('p', { class: 'hint', text: `Of the ${plural(left.inHerControl.of, 'departure', 'departures')} with a known reason (“don’t know” left out); in the research, ${left.seedInHerControlPercent}% are.` }),
      barChart({
        title: 'Why customers left',
        summary: left.reasons.map((r) => `${r.label} ${r.count}`).join(', '),
        columns: ['Reason', 'Left', 'How much control you have', 'Research'],
        bars: left.reasons.map((r) => ({
          label: SHORT_REASON[r.key] ?? r.label.split(' ')[0], tableLabel: r.label, value: r.count,
          extra: [CONTROL[r.control] ?? r.control, r.seedPercent === null ? '—' : `${r.seedPercent}%`],
        })),
        tableOpen: true,
      }));
    return section;
  }

  function reordersSection(data) {
    const re = data.reorders;
    const section = el('section', { class: 'insight', 'aria-labelledby': 'insight-reorders' },
      el('h2', { id: 'insight-reorders', text: 'Re-orders' }));
    if (re.products.length === 0 && re.remindedInTime.of === 0) {
      section.append(el('p', { class: 'calm', text: 'No product with days of supply yet. Give a product its days of supply (Settings → Products) and record purchases: Tend reminds you before each customer runs out, and shows here how her real gaps compare.' }));
      return section;
    }
    const inTime = share(re.remindedInTime);
    section.append(el('p', { class: 'figure', text: inTime
      ? `${inTime} re-order reminders done in time`
      : `No re-order reminder came due in ${data.periodLabel}.` }));
    if (re.products.length) {
      const gap = (p) => (p.medianGapDays === null ? 'no re-order yet'
        : `${plural(p.medianGapDays, 'day', 'days')} (median of ${plural(p.reorders, 're-order', 're-orders')}, ${p.shortestGapDays}–${p.longestGapDays})`);
      section.append(el('table', { class: 'chart-table reorder-table' },
        el('caption', { class: 'hint', text: 'Days of supply against the real gaps between two purchases' }),
        el('thead', {}, el('tr', {}, ['Product', 'Days of supply', 'Real gap'].map((h) => el('th', { scope: 'col', text: h })))),
        el('tbody', {}, re.products.map((p) => el('tr', {},
          el('th', { scope: 'row', text: p.name }),
          el('td', { text: p.supplyDays === null ? '—' : plural(p.supplyDays, 'day', 'days') }),
          el('td', { text: gap(p) }))))));
    }
    return section;
  }

  function referralsSection(data) {
    const ref = data.referrals;
    const section = el('section', { class: 'insight', 'aria-labelledby': 'insight-referrals' },
      el('h2', { id: 'insight-referrals', text: 'Referrals' }));
    if (ref.people === 0 && ref.sales === 0) {
      section.append(el('p', { class: 'calm', text: `No one referred in ${data.periodLabel}. Set “Referred by” on a contact (or type “via Sara” in Quick add): here you see who sends you the most people and the most sales.` }));
      return section;
    }
    section.append(
      el('p', { class: 'figure', text: `${plural(ref.people, 'person', 'people')} referred, ${plural(ref.sales, 'sale', 'sales')} from referrals` }),
      barChart({
        title: 'Who sends you the most people',
        summary: ref.top.map((r) => `${r.name} ${r.people} people, ${r.sales} sales`).join('; '),
        columns: ['Referred by', 'People, sales'],
        bars: ref.top.map((r) => ({
          label: r.name.split(' ')[0], tableLabel: r.name, value: r.people, shown: String(r.people),
          cell: el('span', {}, el('button', { type: 'button', class: 'link', text: r.name, onclick: () => openContact(r.contactId) }),
            `: ${plural(r.people, 'person', 'people')}, ${plural(r.sales, 'sale', 'sales')}`),
        })),
      }));
    return section;
  }

  load();
  return { refresh: load };
}
