// Settings → About: which Tend this is (the crate's version, as `tend --version` prints
// it) and what is new in it (its release notes from CHANGELOG.md, built in).

import { aboutTend } from '../backend.js';
import { el } from '../dom.js';

/** → { element, load() } */
export function createAbout() {
  const version = el('p', { id: 'about-version' });
  const notesHeading = el('h3', { id: 'about-notes-heading', hidden: true });
  const notes = el('ul', { class: 'release-notes', 'aria-labelledby': 'about-notes-heading' });

  const element = el('section', { class: 'settings-group', 'aria-labelledby': 'about-heading' },
    el('h2', { id: 'about-heading', text: 'About' }),
    version,
    notesHeading,
    notes,
  );

  async function load() {
    try {
      const release = await aboutTend();
      version.textContent = release.date
        ? `Tend ${release.version}, released ${release.date}.`
        : `Tend ${release.version}.`;
      notesHeading.textContent = `What’s new in ${release.version}`;
      notesHeading.hidden = !release.notes?.length;
      notes.replaceChildren(...(release.notes ?? []).map((note) => el('li', { text: note })));
    } catch (err) {
      version.textContent = `Tend can’t say which version it is: ${err.message}`;
    }
  }

  return { element, load };
}
