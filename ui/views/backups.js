// Settings → Your data → Backups: where they are, when the last one was made, Back up now
// (to a file she picks, e.g. a USB stick), and Restore from backup (one of the automatic
// ones, or a file), checked and confirmed before anything is replaced.

import { backUpNow, backupStatus, checkBackup, chooseRestoreFile, restoreBackup } from '../backend.js';
import { el } from '../dom.js';
import { say } from '../status.js';
import { openDialog } from './dialog.js';
import { describeBackup } from './startupProblem.js';

/** → { element, load() } */
export function createBackups() {
  const folder = el('code', { class: 'path' });
  const last = el('p', {});
  const backUp = el('button', { type: 'button', text: 'Back up now', 'aria-haspopup': 'dialog' });
  const restore = el('button', { type: 'button', text: 'Restore from backup', 'aria-haspopup': 'dialog' });
  let status = null;

  const element = el('div', { class: 'backups' },
    el('h3', { text: 'Backups' }),
    el('p', { class: 'hint', text: 'Tend backs itself up after changes (at most every half hour, and when it quits), and before every import and restore, keeping them for about a year.' }),
    el('p', {}, 'They are in ', folder),
    last,
    el('div', { class: 'actions' }, backUp, restore),
  );

  backUp.addEventListener('click', async () => {
    try {
      const made = await backUpNow();
      if (made) say(`Backed up to ${made.path}: ${describeBackup(made)}.`);
    } catch (err) {
      say(`Couldn’t back up: ${err.message}`);
    }
  });
  restore.addEventListener('click', () => chooseAndRestore(status?.backups ?? []).then((done) => done && load()));

  async function load() {
    try {
      status = await backupStatus();
      folder.textContent = status.folder;
      last.textContent = status.last ? `Last backup: ${describeBackup(status.last)}.` : 'No backup yet: the first one is made after your next change.';
    } catch (err) {
      last.textContent = `Couldn’t read the backups: ${err.message}`;
    }
  }

  return { element, load };
}

/** Pick a backup (listed, or a file), see what it holds, confirm; resolves to the restore's summary or null. */
async function chooseAndRestore(backups) {
  const path = await openDialog('Restore from backup', (close) => {
    const list = el('ul', { class: 'backup-list', 'aria-label': 'Backups' },
      backups.map((backup) => el('li', {},
        el('button', { type: 'button', text: describeBackup(backup), onclick: () => close(backup.path) }))));
    const fromFile = el('button', { type: 'button', text: 'From a file…' });
    fromFile.addEventListener('click', async () => {
      try {
        const picked = await chooseRestoreFile();
        if (picked) close(picked);
      } catch (err) {
        say(`Couldn’t open the file chooser: ${err.message}`);
      }
    });
    return {
      content: [
        el('h2', { text: 'Restore from backup' }),
        backups.length ? list : el('p', { text: 'No automatic backup yet.' }),
        el('div', { class: 'actions' }, fromFile, el('button', { type: 'button', text: 'Cancel', onclick: () => close(null) })),
      ],
      focus: list.querySelector('button') ?? fromFile,
    };
  });
  if (!path) return null;
  let offered;
  try {
    offered = await checkBackup(path);
  } catch (err) {
    say(err.message);
    return null;
  }
  const confirmed = await openDialog('Replace your data?', (close) => {
    const yes = el('button', { type: 'button', class: 'primary', text: 'Restore', onclick: () => close(true) });
    return {
      content: [
        el('h2', { text: 'Replace your data with this backup?' }),
        el('p', { text: describeBackup(offered) }),
        el('p', { class: 'hint', text: 'What Tend holds now is kept aside first, in a file beside it, so nothing is lost.' }),
        el('div', { class: 'actions' }, yes, el('button', { type: 'button', text: 'Cancel', onclick: () => close(null) })),
      ],
      focus: yes,
    };
  });
  if (!confirmed) return null;
  try {
    const done = await restoreBackup(path);
    say(`Restored: ${done.contacts} contacts (you had ${done.contactsBefore}). The previous data is kept in ${done.keptAside}.`);
    return done;
  } catch (err) {
    say(`Nothing was restored: ${err.message}`);
    return null;
  }
}
