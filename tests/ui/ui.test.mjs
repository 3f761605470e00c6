// The frontend's tests: the real ui/ modules in jsdom, with a fake window.__TAURI__.
//
// All suites run in this one process: loading jsdom costs about half a second, and
// `node --test` runs test files one after another on a two-core machine, so one file per
// suite would spend most of the run starting processes. Each suite is a `describe` with
// its own hooks and makes a fresh document for every test (see harness.mjs).
//
// Everything:  node --test tests/ui/
// One suite:   node --test tests/ui/contactList.suite.mjs

import './dom.suite.mjs';
import './backend.suite.mjs';
import './contactList.suite.mjs';
import './contactForm.suite.mjs';
import './contacts.suite.mjs';
import './app.suite.mjs';
import './today.suite.mjs';
import './quickAdd.suite.mjs';
import './settings.suite.mjs';
import './interchange.suite.mjs';
import './startup.suite.mjs';
import './backups.suite.mjs';
import './insights.suite.mjs';
import './dateField.suite.mjs';
import './reach.suite.mjs';
import './dailyLoop.suite.mjs';
import './purchases.suite.mjs';
import './departures.suite.mjs';
import './referrals.suite.mjs';
import './events.suite.mjs';
import './preload.suite.mjs';
