// Tend's own small charts: inline SVG bars drawn from figures, each with the same
// figures as a table for screen readers and anyone who prefers numbers. One hue,
// every bar labelled with its value, so nothing depends on telling colours apart.

import { el } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const BAR_WIDTH = 28;
const GAP = 10;
const HEIGHT = 120;
const LABEL_SPACE = 34;

function svg(tag, attributes = {}, text = null) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== null) node.textContent = text;
  return node;
}

/**
 * A bar chart. bars: [{label, value, shown?, max?, open?}] where `value` sets the
 * height against the largest (or each bar's own `max`), `shown` is the text above
 * it ("2/3"), `label` the text below, `open()` lists the people behind it (the
 * table row gets a button for it), `extra` more cells for its row. columns: the
 * table's headings. tableOpen: the table shows without a click.
 * summary: one sentence saying what the chart shows, for its accessible name.
 */
export function barChart({ title, summary, bars, columns, tableOpen = false }) {
  const largest = Math.max(1, ...bars.map((bar) => bar.max ?? bar.value));
  const width = bars.length * (BAR_WIDTH + GAP) + GAP;
  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${HEIGHT + LABEL_SPACE}`, width, height: HEIGHT + LABEL_SPACE,
    role: 'img', 'aria-label': `${title}: ${summary}`, class: 'chart',
  });
  const details = el('details', { class: 'chart-details', open: tableOpen });
  const rows = [];
  bars.forEach((bar, index) => {
    const x = GAP + index * (BAR_WIDTH + GAP);
    const scale = bar.max ?? largest;
    const height = scale > 0 ? Math.round(((HEIGHT - 16) * bar.value) / scale) : 0;
    if (bar.max) chart.append(svg('rect', { x, y: 16, width: BAR_WIDTH, height: HEIGHT - 16, class: 'chart-track' }));
    const rect = svg('rect', { x, y: HEIGHT - height, width: BAR_WIDTH, height, class: 'chart-bar' });
    // A bar opens what is behind it (`open`), or its row of the table: reachable
    // by keyboard there too.
    rect.addEventListener('click', () => {
      if (bar.open) {
        bar.open();
        return;
      }
      details.open = true;
      rows[index]?.querySelector('button')?.focus();
    });
    chart.append(rect);
    chart.append(svg('text', { x: x + BAR_WIDTH / 2, y: Math.max(12, HEIGHT - height - 4), class: 'chart-value', 'text-anchor': 'middle' }, bar.shown ?? String(bar.value)));
    chart.append(svg('text', { x: x + BAR_WIDTH / 2, y: HEIGHT + 16, class: 'chart-label', 'text-anchor': 'middle' }, bar.label));
  });
  const table = el('table', { class: 'chart-table' },
    el('thead', {}, el('tr', {}, columns.map((heading) => el('th', { scope: 'col', text: heading })))),
    el('tbody', {}, bars.map((bar) => {
      const row = el('tr', {},
        el('th', { scope: 'row', text: bar.tableLabel ?? bar.label }),
        el('td', {}, bar.cell ?? bar.shown ?? String(bar.value),
          bar.open && bar.value > 0
            ? [' ', el('button', { type: 'button', class: 'link', text: `Show who (${bar.tableLabel ?? bar.label})`, onclick: () => bar.open() })]
            : null),
        (bar.extra ?? []).map((text) => el('td', { text })));
      rows.push(row);
      return row;
    })));
  details.append(el('summary', { text: 'Show the figures as a table' }), table);
  return el('figure', { class: 'chart-figure' }, el('div', { class: 'chart-scroll' }, chart), details);
}
