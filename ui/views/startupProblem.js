// The page the window shows when Tend's data file cannot be used at start: what
// happened in her words, where the file is, and what she can do — never a window that
// does not open.

import { openDataFolder, quitApp, restoreNewestBackup, retryStartup } from '../backend.js';
import { el } from '../dom.js';

const REMEDIES = {
  restore_backup: 'Restore the newest backup',
  open_folder: 'Open the folder',
  try_again: 'Try again',
  quit: 'Quit',
};

/** "1.2 MB" */
export function sizeInWords(bytes) {
  const mb = Number(bytes) / 1e6;
  return mb >= 1 ? `${mb.toFixed(1)} MB` : `${Math.max(1, Math.round(Number(bytes) / 1e3))} KB`;
}

/** "Mon, 30 Nov 2026, 10:30 — 212 contacts, 1.2 MB" (in her own language's order) */
export function describeBackup(backup) {
  const contacts = backup.contacts === 1 ? '1 contact' : `${backup.contacts} contacts`;
  const when = new Date(backup.takenAt).toLocaleString(undefined, {
    weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit',
  });
  return `${when} — ${contacts}, ${sizeInWords(backup.sizeBytes)}`;
}

/**
 * Replaces `root`'s content with the page. onRecovered(): Tend is running now (after
 * Try again or a restore); the host starts the app. `restore` (tests) replaces the
 * restore of the newest backup.
 */
export function showStartupProblem(root, problem, { onRecovered, restore = restoreNewestBackup }) {
  const message = el('p', { class: 'startup-message', role: 'status' });
  const actions = el('div', { class: 'actions' });
  const page = el('main', { class: 'startup-problem', 'aria-labelledby': 'startup-title' },
    el('img', { src: 'icon.png', alt: '', width: 48, height: 48 }),
    el('h1', { id: 'startup-title' }),
    el('p', { class: 'explanation' }),
    el('p', { class: 'hint' }, 'The file: ', el('code', { class: 'path' })),
    el('p', { class: 'backup-offer', hidden: true }),
    actions,
    message,
  );
  root.replaceChildren(page);

  function render(current) {
    page.querySelector('h1').textContent = current.title;
    page.querySelector('.explanation').textContent = current.explanation;
    page.querySelector('.path').textContent = current.path;
    const offer = page.querySelector('.backup-offer');
    offer.hidden = !current.newestBackup;
    offer.textContent = current.newestBackup ? `The newest good backup: ${describeBackup(current.newestBackup)}.` : '';
    const buttons = current.remedies
      .filter((remedy) => remedy !== 'restore_backup' || (restore && current.newestBackup))
      .map((remedy, index) => el('button', {
        type: 'button',
        class: index === 0 ? 'primary' : null,
        text: REMEDIES[remedy] ?? remedy,
        onclick: () => act(remedy),
      }));
    actions.replaceChildren(...buttons);
    buttons[0]?.focus();
  }

  async function act(remedy) {
    message.textContent = '';
    try {
      if (remedy === 'quit') return await quitApp();
      if (remedy === 'open_folder') return await openDataFolder();
      const after = remedy === 'restore_backup' ? await restore() : await retryStartup();
      if (after) {
        render(after);
        message.textContent = 'Still not possible; nothing has been changed.';
      } else {
        onRecovered();
      }
    } catch (err) {
      message.textContent = err.message;
    }
  }

  render(problem);
}
