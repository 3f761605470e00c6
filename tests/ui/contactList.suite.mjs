// ui/views/contactList.js: search-as-you-type, stale answers dropped, the 500-row window,
// paging by button and by scrolling, the keyboard, and names shown as text.

import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import {
  installDom, importUi, teardown, flush, byLabel, button, queryButton, type, setChecked, press,
  listItem, serveContacts,
} from './harness.mjs';

describe('ui/views/contactList.js', () => {
  const XSS = '<img src=x onerror=alert(1)>';
  const MAX_ROWS = 500;

  let env;
  let document;
  let tauri;
  let createContactList;
  let opened;
  let errors;
  let news;
  let listEl; // the Contact list, found by its label once per test (it is never replaced)

  beforeEach(async () => {
    env = installDom();
    ({ document, tauri } = env);
    ({ createContactList } = await importUi('views/contactList.js'));
    opened = [];
    errors = [];
    news = 0;
  });
  afterEach(teardown);

  /** Mounts the list pane as the Contacts view does, and waits for the first page. */
  async function mountList() {
    const pane = createContactList({
      onOpen: (id) => opened.push(id),
      onNew: () => { news++; },
      onError: (err) => errors.push(err),
    });
    document.body.append(pane.element);
    listEl = byLabel(document, 'Contact list');
    pane.reload();
    await flush();
    return pane;
  }

  const theList = () => listEl;
  // The row buttons in order (walking siblings: spreading jsdom's live HTMLCollection is slow).
  const rows = () => {
    const out = [];
    for (let li = listEl.firstElementChild; li; li = li.nextElementSibling) {
      const first = li.firstElementChild;
      out.push(first?.tagName === 'BUTTON' ? first : li.querySelector('button'));
    }
    return out;
  };
  const rowNames = () => rows().map((r) => r.querySelector('strong')?.textContent ?? r.textContent);
  // people(n) are named “Person 00001”…: a row's number is read off its name, as a person would.
  const idOf = (row) => Number(row.textContent.match(/Person (\d+)/)?.[1]);
  const rowIds = () => rows().map(idOf);
  const resultCount = () => document.querySelector('[role="status"]').textContent;

  function people(n) {
    return Array.from({ length: n }, (_, i) => listItem(i + 1));
  }

  /** The element the list watches below its rows: scrolling near it loads the next page. */
  function bottomSentinel() {
    const list = theList();
    const below = env.observers.watched().filter(
      (t) => list.compareDocumentPosition(t) & env.window.Node.DOCUMENT_POSITION_FOLLOWING,
    );
    assert.equal(below.length, 1, 'one observed element below the list');
    return below[0];
  }
  function topSentinel() {
    const list = theList();
    const above = env.observers.watched().filter(
      (t) => list.compareDocumentPosition(t) & env.window.Node.DOCUMENT_POSITION_PRECEDING,
    );
    assert.equal(above.length, 1, 'one observed element above the list');
    return above[0];
  }

  /** Rows are always one contiguous, ordered run of the backend's results, without repeats. */
  function assertContiguous(ids = rowIds()) {
    for (let i = 1; i < ids.length; i++) assert.equal(ids[i], ids[i - 1] + 1, `row ${i} follows row ${i - 1}`);
  }

  test('the first page loads on reload: list_contacts with an empty query, offset 0, limit 50', async () => {
    serveContacts(tauri, people(120));
    await mountList();
    assert.deepStrictEqual(tauri.callsTo('list_contacts').map((c) => c.args), [
      { query: '', offset: 0, limit: 50, includeArchived: false },
    ]);
    assert.equal(rows().length, 50);
    assert.equal(rowNames()[0], 'Person 00001');
    assert.equal(resultCount(), '120 contacts');
    assert.ok(button(document, 'Load more'), 'Load more is offered while rows remain');
    assert.equal(queryButton(document, 'Load previous'), null);
  });

  test('typing in Search contacts calls list_contacts with the (trimmed) query and shows its rows', async () => {
    serveContacts(tauri, [listItem(1, 'Jan Novak'), listItem(2, 'Ann Lee'), listItem(3, 'Janet Ode')]);
    await mountList();
    tauri.clearCalls();

    type(byLabel(document, 'Search contacts'), '  jan ');
    await flush();

    assert.deepStrictEqual(tauri.callsTo('list_contacts').map((c) => c.args), [
      { query: 'jan', offset: 0, limit: 50, includeArchived: false },
    ]);
    assert.deepEqual(rowNames(), ['Jan Novak', 'Janet Ode']);
    assert.equal(resultCount(), '2 contacts');
    assert.deepEqual(errors, []);
  });

  test('Show archived reloads with includeArchived: true', async () => {
    serveContacts(tauri, [listItem(1, 'Active'), listItem(2, 'Gone', { archived: true })]);
    await mountList();
    assert.deepEqual(rowNames(), ['Active']);
    tauri.clearCalls();

    setChecked(byLabel(document, 'Show archived'), true);
    await flush();

    assert.deepStrictEqual(tauri.callsTo('list_contacts').map((c) => c.args), [
      { query: '', offset: 0, limit: 50, includeArchived: true },
    ]);
    assert.deepEqual(rowNames(), ['Active', 'Gone']);
    assert.match(rows()[1].textContent, /Archived/, 'an archived row says so');
  });

  test('a search with no matches says so, with the query as text', async () => {
    serveContacts(tauri, [listItem(1, 'Jan')]);
    await mountList();
    type(byLabel(document, 'Search contacts'), '<b>zz</b>');
    await flush();
    assert.equal(rows().length, 0);
    assert.equal(resultCount(), 'No contacts match “<b>zz</b>”');
    assert.equal(document.querySelector('b'), null);
  });

  test('an older search answering last never overwrites the newer one', async () => {
    serveContacts(tauri, people(3));
    await mountList();
    tauri.hold('list_contacts');
    const search = byLabel(document, 'Search contacts');

    type(search, 'a');
    type(search, 'ab');
    const [first, second] = tauri.pending('list_contacts');
    assert.equal(first.args.query, 'a');
    assert.equal(second.args.query, 'ab');

    second.resolve({ items: [listItem(20, 'Abby')], total: 1 });
    await flush();
    assert.deepEqual(rowNames(), ['Abby']);

    first.resolve({ items: [listItem(10, 'Alan'), listItem(20, 'Abby'), listItem(30, 'Zara')], total: 3 });
    await flush();
    assert.deepEqual(rowNames(), ['Abby'], 'the stale answer for “a” was dropped');
    assert.equal(resultCount(), '1 contact');
  });

  test('an older search failing last does not report an error over the newer answer', async () => {
    serveContacts(tauri, people(3));
    await mountList();
    tauri.hold('list_contacts');
    const search = byLabel(document, 'Search contacts');
    type(search, 'a');
    type(search, 'ab');
    const [first, second] = tauri.pending('list_contacts');
    second.resolve({ items: [listItem(20, 'Abby')], total: 1 });
    first.reject({ kind: 'storage', message: 'database is locked' });
    await flush();
    assert.deepEqual(rowNames(), ['Abby']);
    assert.deepEqual(errors, []);
  });

  test('a failing search is reported through onError and keeps the rows shown', async () => {
    serveContacts(tauri, people(2));
    await mountList();
    tauri.fail('list_contacts', { kind: 'storage', message: 'database is locked' });
    type(byLabel(document, 'Search contacts'), 'x');
    await flush();
    assert.equal(errors.length, 1);
    assert.equal(errors[0].kind, 'storage');
    assert.equal(errors[0].message, 'database is locked');
    assert.equal(rows().length, 2);
  });

  test('paging down by scrolling and Load more, and back up: never more than 500 rows, always in order', async () => {
    serveContacts(tauri, people(2000));
    await mountList();
    const below = bottomSentinel();
    const above = topSentinel();
    const window = () => {
      const ids = rowIds();
      assertContiguous(ids);
      return [ids[0], ids.at(-1), ids.length];
    };

    // Scrolling to the bottom pages in by itself, without taking focus.
    for (let i = 0; i < 9; i++) {
      assert.equal(env.observers.intersect(below), 1, 'the list watches the end of its rows');
      await flush();
    }
    assert.deepEqual(window(), [1, 500, 500]);
    assert.ok(!listEl.contains(document.activeElement), 'scrolling does not move focus');
    assert.deepEqual(tauri.callsTo('list_contacts').slice(0, 3).map((c) => [c.args.offset, c.args.limit]),
      [[0, 50], [50, 50], [100, 50]]);

    // Load more: the window slides, the first new row gets focus.
    button(document, 'Load more').click();
    await flush();
    assert.deepEqual(window(), [51, 550, 500]);
    assert.equal(idOf(document.activeElement), 501, 'focus on the first new row');
    assert.ok(button(document, 'Load previous'), 'rows dropped from the top can be loaded back');

    // Scrolling further down (focus now on row 501, well inside the window) slides it again.
    env.observers.intersect(below);
    await flush();
    assert.deepEqual(window(), [101, 600, 500]);

    // Load previous brings back the page above and drops as many at the bottom.
    button(document, 'Load previous').click();
    await flush();
    assert.deepEqual(window(), [51, 550, 500]);
    assert.equal(idOf(document.activeElement), 100, 'focus on the last row loaded back');
    const last = tauri.callsTo('list_contacts').at(-1).args;
    assert.deepEqual([last.offset, last.limit], [50, 50]);

    // Scrolling to the top loads the first page again, and then there is nothing above.
    env.observers.intersect(above);
    await flush();
    assert.deepEqual(window(), [1, 500, 500]);
    assert.equal(queryButton(document, 'Load previous'), null);
    const calls = tauri.callsTo('list_contacts').length;
    env.observers.intersect(above);
    await flush();
    assert.equal(tauri.callsTo('list_contacts').length, calls, 'nothing asked above the first row');
  });

  test('reaching the end stops asking: no Load more, no call past the total', async () => {
    serveContacts(tauri, people(120));
    await mountList();
    button(document, 'Load more').click();
    await flush();
    button(document, 'Load more').click();
    await flush();
    assert.deepEqual(rowIds().slice(-2), [119, 120]);
    assert.equal(queryButton(document, 'Load more'), null);
    const before = tauri.callsTo('list_contacts').length;
    env.observers.intersect(bottomSentinel());
    await flush();
    assert.equal(tauri.callsTo('list_contacts').length, before);
  });

  test('a second scroll while a page is loading does not load it twice', async () => {
    serveContacts(tauri, people(300));
    await mountList();
    tauri.hold('list_contacts');
    env.observers.intersect(bottomSentinel());
    env.observers.intersect(bottomSentinel());
    assert.equal(tauri.pending('list_contacts').length, 1);
    const [call] = tauri.pending('list_contacts');
    assert.deepEqual([call.args.offset, call.args.limit], [50, 50]);
    call.resolve({ items: people(100).slice(50), total: 300 });
    await flush();
    assert.equal(rows().length, 100);
    assertContiguous();
  });

  test('after a drop that kept the focused row, Load previous asks for exactly the rows above', async () => {
    serveContacts(tauri, people(2000));
    await mountList();
    const below = bottomSentinel();
    for (let i = 0; i < 9; i++) {
      env.observers.intersect(below);
      await flush();
    }
    assert.equal(listEl.children.length, 500);
    rows()[20].focus(); // contact 21: dropped too, focus moves to the first row that stays
    env.observers.intersect(below);
    await flush();
    let ids = rowIds();
    assertContiguous(ids);
    const start = ids[0] - 1; // offset of the first row on screen
    assert.ok(start > 0, 'some rows were dropped from the top');

    button(document, 'Load previous').click();
    await flush();
    const last = tauri.callsTo('list_contacts').at(-1).args;
    const offset = Math.max(0, start - 50);
    assert.deepEqual([last.offset, last.limit], [offset, start - offset], 'no overlap with the rows on screen');
    ids = rowIds();
    assertContiguous(ids);
    assert.equal(ids[0], offset + 1);
    assert.ok(ids.length <= MAX_ROWS, `${ids.length} rows`);
  });

  test('a new search while a page is loading drops that page', async () => {
    serveContacts(tauri, people(300));
    await mountList();
    tauri.hold('list_contacts');
    button(document, 'Load more').click();
    type(byLabel(document, 'Search contacts'), 'Person 0000');
    const [page, search] = tauri.pending('list_contacts');
    assert.equal(page.args.offset, 50);
    search.resolve({ items: people(9), total: 9 });
    await flush();
    page.resolve({ items: people(100).slice(50), total: 300 });
    await flush();
    assert.deepEqual(rowIds(), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  // Regression: droppable() stopped short of the focused row, so with a row near the top
  // focused the list grew without bound as the person scrolled down with the wheel.
  test('with a row focused near the top, scrolling down still keeps the list at 500 rows', async () => {
    serveContacts(tauri, people(2000));
    await mountList();
    rows()[0].focus(); // e.g. the person arrowed into the list, then scrolls with the wheel
    const sentinel = bottomSentinel();
    for (let i = 0; i < 12; i++) {
      env.observers.intersect(sentinel);
      await flush();
    }
    assert.ok(rows().length <= MAX_ROWS, `${rows().length} rows in the DOM`);
    assertContiguous();
    // Focus was not thrown back to the page: it moved to the first row that stayed.
    assert.equal(document.activeElement, rows()[0]);
    assert.equal(rows()[0].tabIndex, 0, 'and that row is the Tab stop');
    assert.equal(rowIds()[0], 151, 'three pages dropped from the top');
  });

  test('paging up with a row focused near the bottom drops rows below it and keeps focus in the list', async () => {
    serveContacts(tauri, people(2000));
    await mountList();
    const below = bottomSentinel();
    for (let i = 0; i < 12; i++) {
      env.observers.intersect(below);
      await flush();
    }
    rows().at(-1).focus();
    env.observers.intersect(topSentinel());
    await flush();
    assert.equal(rows().length, MAX_ROWS);
    assertContiguous();
    assert.equal(document.activeElement, rows().at(-1), 'the last row that stayed has focus');
  });

  test('a contact named like markup is shown as literal text', async () => {
    serveContacts(tauri, [listItem(1, XSS, { email: '<b>x</b>@example.com', stageLabel: '<i>Lead</i>' })]);
    await mountList();
    const [row] = rows();
    assert.equal(theList().querySelector('img, b, i'), null, 'no element was made from the text');
    assert.equal(row.querySelector('strong').textContent, XSS);
    assert.match(row.textContent, /<b>x<\/b>@example\.com/);
    assert.match(row.textContent, /<i>Lead<\/i>/);
  });

  test('clicking a row opens it with the id as the backend typed it and marks it current', async () => {
    serveContacts(tauri, people(5));
    await mountList();
    rows()[2].querySelector('strong').click(); // a click lands on the name inside the row
    assert.deepEqual(opened, [3]);
    assert.equal(typeof opened[0], 'number');
    assert.equal(rows()[2].getAttribute('aria-current'), 'true');
    assert.equal(rows().filter((r) => r.hasAttribute('aria-current')).length, 1);
    rows()[4].click();
    assert.deepEqual(opened, [3, 5]);
    assert.deepEqual(rows().map((r) => r.hasAttribute('aria-current')), [false, false, false, false, true]);
  });

  test('one row is the Tab stop (roving tabindex), the rest are -1', async () => {
    serveContacts(tauri, people(4));
    await mountList();
    assert.deepEqual(rows().map((r) => r.tabIndex), [0, -1, -1, -1]);
    rows()[2].click();
    assert.deepEqual(rows().map((r) => r.tabIndex), [-1, -1, 0, -1]);
  });

  test('keyboard: ArrowDown from search enters the list; arrows, j/k, Home/End move; ArrowUp at the top returns', async () => {
    serveContacts(tauri, people(5));
    await mountList();
    const search = byLabel(document, 'Search contacts');
    search.focus();
    assert.equal(press(search, 'ArrowDown').defaultPrevented, true);
    assert.equal(document.activeElement, rows()[0]);
    press(document.activeElement, 'ArrowDown');
    await flush();
    assert.equal(document.activeElement, rows()[1]);
    press(document.activeElement, 'j');
    await flush();
    assert.equal(document.activeElement, rows()[2]);
    press(document.activeElement, 'k');
    await flush();
    assert.equal(document.activeElement, rows()[1]);
    press(document.activeElement, 'End');
    await flush();
    assert.equal(document.activeElement, rows()[4]);
    press(document.activeElement, 'Home');
    await flush();
    assert.equal(document.activeElement, rows()[0]);
    press(document.activeElement, 'ArrowUp');
    await flush();
    assert.equal(document.activeElement, search);
    assert.deepEqual(opened, [], 'moving opens nothing');
  });

  test('keyboard: ArrowDown on the last row loads the next page and moves onto it', async () => {
    serveContacts(tauri, people(80));
    await mountList();
    rows()[49].focus();
    press(rows()[49], 'ArrowDown');
    await flush();
    assert.equal(rows().length, 80);
    assert.equal(document.activeElement, rows()[50]);
    assert.equal(idOf(document.activeElement), 51);
  });

  test('an empty address book shows the hint and a working New contact button', async () => {
    serveContacts(tauri, []);
    await mountList();
    assert.equal(rows().length, 0);
    assert.equal(resultCount(), 'No contacts');
    const hint = [...document.querySelectorAll('p')].find((p) => /No one here yet/.test(p.textContent));
    assert.ok(hint && !hint.hidden, 'the empty hint is visible');
    button(document, 'New contact').click();
    assert.equal(news, 1);
  });

  test('refresh reloads the rows on screen in place', async () => {
    const all = people(120);
    serveContacts(tauri, all);
    const pane = await mountList();
    button(document, 'Load more').click();
    await flush();
    all[60].name = 'Renamed Elsewhere';
    tauri.clearCalls();
    await pane.refresh();
    await flush();
    assert.deepStrictEqual(tauri.callsTo('list_contacts').map((c) => c.args), [
      { query: '', offset: 0, limit: 100, includeArchived: false },
    ]);
    assert.equal(rows().length, 100);
    assert.equal(rowNames()[60], 'Renamed Elsewhere');
  });

  test('destroy() disconnects the scroll observer', async () => {
    serveContacts(tauri, people(200));
    const pane = await mountList();
    assert.ok(env.observers.watched().length > 0);
    pane.destroy();
    assert.equal(env.observers.watched().length, 0);
  });
});
