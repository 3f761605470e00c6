// Insights: how she is doing, in pictures with the figures that drive them —
// promises kept on time, touches before a sale, where her people are now. Every
// figure follows the period picked, and says its own denominator.

import { getInsights, setSetting } from '../backend.js';
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
    body.replaceChildren(promisesSection(data), salesSection(data), pipelineSection(data));
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
    return el('section', { class: 'insight', 'aria-labelledby': 'insight-pipeline' },
      el('h2', { id: 'insight-pipeline', text: 'Pipeline' }),
      el('p', { class: 'hint', text: `Now, whatever the period: ${plural(p.oldMaybes, 'maybe', 'maybes')} waiting more than two weeks for a decision, ${plural(p.goingCold, 'person', 'people')} going cold.` }),
      barChart({
        title: 'Contacts by stage',
        summary: p.byStage.map((b) => `${b.label} ${b.count}`).join(', '),
        columns: ['Stage', 'Contacts'],
        bars: p.byStage.map((b) => ({ label: b.label.split(' ')[0], tableLabel: b.label, value: b.count })),
      }),
      barChart({
        title: 'Contacts by latest decision',
        summary: p.byDecision.map((b) => `${b.label} ${b.count}`).join(', '),
        columns: ['Latest decision', 'Contacts'],
        bars: [...p.byDecision.map((b) => ({ label: b.label.split(' ')[0], tableLabel: b.label, value: b.count })),
          { label: 'None', tableLabel: 'None yet', value: p.undecided }],
      }));
  }

  load();
  return { refresh: load };
}
