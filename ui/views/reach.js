// A phone or an email as something to act on: Call (tel:), Text (sms:), Email (mailto:,
// with the follow-up's promise as its subject) and Copy. The computer's own handler opens
// them (open_link, from Rust, which builds only those three schemes); Copy puts the text
// on the clipboard. Used on the contact page and on every Today row.

import { openLink } from '../backend.js';
import { el } from '../dom.js';
import { say } from '../status.js';

let sequence = 0;

/** Puts `text` on the clipboard; true when it worked. */
export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Older engines: a selected, off-screen field and the copy command.
    const field = el('textarea', { class: 'offscreen', 'aria-hidden': 'true', readonly: true });
    field.value = text;
    document.body.append(field);
    field.select();
    let copied = false;
    try {
      copied = document.execCommand?.('copy') ?? false;
    } catch {
      copied = false;
    }
    field.remove();
    return copied;
  }
}

async function open(action, to, subject, what) {
  try {
    await openLink(action, to, subject);
    say(what);
  } catch (err) {
    say(`Couldn’t open it: ${err.message}`);
  }
}

async function copy(text, what) {
  say((await copyText(text)) ? `Copied ${what}: ${text}` : `Couldn’t copy ${what}; select it and copy it yourself.`);
}

/**
 * The number or address, shown as she typed it, with its buttons.
 * reach: {phone, phoneE164, email} (a Today row's `reach`, or built from a contact);
 * name: whose it is (for the status line); subject: the promise, for an email (a string,
 * or a function asked when she clicks);
 * compact: link-styled buttons for a Today row. → an element, or null with nothing to reach.
 */
export function reachLine({ phone, phoneE164, email }, { name, subject = '', compact = false } = {}) {
  const parts = [];
  const id = `reach-${++sequence}`;
  const button = (text, action, describedBy, onclick) => el('button', {
    type: 'button', text, class: compact ? 'link reach-action' : 'reach-action',
    'data-action': action, 'aria-describedby': describedBy, onclick,
  });
  if (phone) {
    // A valid number is dialled in E.164; one kept as typed, by its own digits.
    const dial = phoneE164 || phone;
    parts.push(el('span', { class: 'reach-part' },
      el('span', { class: 'reach-value', id: `${id}-phone`, text: phone }),
      button('Call', 'call', `${id}-phone`, () => open('call', dial, '', `Calling ${name}: ${phone}`)),
      button('Text', 'text', `${id}-phone`, () => open('text', dial, '', `Texting ${name}: ${phone}`)),
      button('Copy number', 'copy-phone', `${id}-phone`, () => copy(phone, `${name}’s number`)),
    ));
  }
  if (email) {
    parts.push(el('span', { class: 'reach-part' },
      el('span', { class: 'reach-value', id: `${id}-email`, text: email }),
      button('Email', 'email', `${id}-email`, () => {
        const about = typeof subject === 'function' ? subject() : subject;
        open('email', email, about, `Writing to ${name}: ${email}`);
      }),
      button('Copy email', 'copy-email', `${id}-email`, () => copy(email, `${name}’s email`)),
    ));
  }
  return parts.length ? el('span', { class: compact ? 'reach compact' : 'reach' }, parts) : null;
}
