// Builds DOM nodes so no view ever needs innerHTML: user text always lands as text.

// Keys set as DOM properties rather than attributes (so `false` means off).
const PROPS = new Set(['value', 'checked', 'disabled', 'hidden', 'selected']);

/**
 * el('button', { type: 'button', class: 'primary', text: 'Save', onclick: fn }, ...children)
 * `text` sets textContent, `on*` functions become listeners, null/undefined/false skip,
 * `true` gives an empty attribute. Children may be nodes, strings or (nested) arrays.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null) continue;
    if (PROPS.has(key)) {
      node[key] = value;
    } else if (value === false) {
      continue;
    } else if (key === 'class') {
      node.className = value;
    } else if (key === 'text') {
      node.textContent = value;
    } else if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.slice(2), value);
    } else {
      node.setAttribute(key, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** True when a key press belongs to a text field, so single-key shortcuts must stay out. */
export function isTyping(target) {
  if (!(target instanceof Element)) return false;
  if (target.isContentEditable) return true;
  if (target.tagName === 'TEXTAREA' || target.tagName === 'SELECT') return true;
  if (target.tagName !== 'INPUT') return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
}

/** RFC 3339 UTC from the backend, shown in the person's own time and format. */
export function localTime(iso) {
  const when = new Date(iso);
  return Number.isNaN(when.getTime()) ? String(iso ?? '') : when.toLocaleString();
}
