// ui/dom.js: el() never turns text into markup; isTyping() tells text fields from the rest.

import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { installDom, importUi, teardown } from './harness.mjs';

describe('ui/dom.js', () => {
  const XSS = '<img src=x onerror=alert(1)>';

  let document;
  let dom;
  beforeEach(async () => {
    ({ document } = installDom());
    dom = await importUi('dom.js');
  });
  afterEach(teardown);

  test('el(): `text` lands as one text node, never as markup', () => {
    const node = dom.el('p', { text: XSS });
    document.body.append(node);
    assert.equal(node.textContent, XSS);
    assert.equal(node.childNodes.length, 1);
    assert.equal(node.firstChild.nodeType, 3, 'a text node');
    assert.equal(document.querySelector('img'), null, 'no <img> element was created');
  });

  test('el(): string children land as text nodes, nested arrays too', () => {
    const node = dom.el('div', {}, XSS, ['<b>bold</b>', [42]], dom.el('span', { text: 'ok' }));
    document.body.append(node);
    assert.equal(document.querySelector('img'), null);
    assert.equal(document.querySelector('b'), null);
    assert.deepEqual([...node.childNodes].map((n) => n.nodeName), ['#text', '#text', '#text', 'SPAN']);
    assert.equal(node.textContent, `${XSS}<b>bold</b>42ok`);
  });

  test('el(): null, undefined and false children are left out', () => {
    const node = dom.el('div', {}, 'a', null, undefined, false, 'b', 0);
    assert.deepEqual([...node.childNodes].map((n) => n.textContent), ['a', 'b', '0']);
  });

  test('el(): on* functions become listeners, not attributes', () => {
    let clicks = 0;
    const node = dom.el('button', { type: 'button', onclick: () => { clicks++; } });
    node.click();
    node.click();
    assert.equal(clicks, 2);
    assert.equal(node.hasAttribute('onclick'), false);
  });

  test('el(): false, null and undefined attributes are skipped; true gives an empty attribute', () => {
    const node = dom.el('input', {
      title: false, 'data-x': null, 'aria-current': undefined, required: true, 'aria-label': 'Search',
    });
    assert.equal(node.hasAttribute('title'), false);
    assert.equal(node.hasAttribute('data-x'), false);
    assert.equal(node.hasAttribute('aria-current'), false);
    assert.equal(node.getAttribute('required'), '');
    assert.equal(node.getAttribute('aria-label'), 'Search');
  });

  test('el(): value/checked/disabled/hidden are properties, so false really means off', () => {
    const box = dom.el('input', { type: 'checkbox', checked: false, disabled: false, hidden: false });
    assert.equal(box.checked, false);
    assert.equal(box.disabled, false);
    assert.equal(box.hidden, false);
    assert.equal(box.hasAttribute('disabled'), false);
    const on = dom.el('input', { type: 'checkbox', checked: true, disabled: true, hidden: true });
    assert.equal(on.checked, true);
    assert.equal(on.disabled, true);
    assert.equal(on.hidden, true);
    const input = dom.el('input', { value: XSS });
    assert.equal(input.value, XSS);
    const area = dom.el('textarea', { value: 'line 1\nline 2' });
    assert.equal(area.value, 'line 1\nline 2');
  });

  test('el(): class sets className; other values are stringified attributes', () => {
    const node = dom.el('li', { class: 'a b', 'data-id': 7, tabindex: -1 });
    assert.deepEqual([...node.classList], ['a', 'b']);
    assert.equal(node.getAttribute('data-id'), '7');
    assert.equal(node.getAttribute('tabindex'), '-1');
  });

  test('isTyping(): true for text inputs, textarea and select', () => {
    for (const type of ['text', 'search', 'email', 'tel', 'number', 'password', 'url', 'date']) {
      assert.equal(dom.isTyping(dom.el('input', { type })), true, `input type=${type}`);
    }
    assert.equal(dom.isTyping(dom.el('input')), true, 'input with no type is text');
    assert.equal(dom.isTyping(dom.el('textarea')), true);
    assert.equal(dom.isTyping(dom.el('select')), true);
  });

  test('isTyping(): false for checkboxes, buttons, other elements and non-elements', () => {
    for (const type of ['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file']) {
      assert.equal(dom.isTyping(dom.el('input', { type })), false, `input type=${type}`);
    }
    assert.equal(dom.isTyping(dom.el('button')), false);
    assert.equal(dom.isTyping(dom.el('div')), false);
    assert.equal(dom.isTyping(document.body), false);
    assert.equal(dom.isTyping(document), false);
    assert.equal(dom.isTyping(null), false);
    assert.equal(dom.isTyping(document.createTextNode('x')), false);
  });

  test('isTyping(): a contenteditable element counts as typing', () => {
    const node = dom.el('div', { contenteditable: 'true' });
    document.body.append(node);
    // jsdom does not implement isContentEditable; give the element what a browser computes.
    Object.defineProperty(node, 'isContentEditable', { value: true });
    assert.equal(dom.isTyping(node), true);
  });

  test('localTime(): a bad timestamp is shown as given, a good one is reformatted', () => {
    assert.equal(dom.localTime('not a date'), 'not a date');
    assert.equal(dom.localTime(undefined), '');
    const shown = dom.localTime('2024-05-01T09:00:00Z');
    assert.notEqual(shown, '2024-05-01T09:00:00Z');
    assert.match(shown, /2024/);
  });
});
