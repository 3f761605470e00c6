//! What `tend --help` says: every command and its exact flags.

pub const USAGE: &str = "Usage:
  tend                                open the Tend window
  tend add [options] \"<line>\"         add a contact from one line, e.g.
                                      tend add \"Jane Doe 555-0142 wants the lavender set, call Thu\"
      --dry-run, -n                   show what would be saved, save nothing
      --json                          print it as JSON
      --met-at TEXT                   where you met (\"Sara's party\")
      --no-cadence                    a line without a date starts no New lead cadence
      --to-existing | --new           when the phone or email is already known: add the
                                      line to that contact, or add a second contact
  tend import FILE [--dry-run] [--json]
                                      add the contacts in a vCard or CSV file (phones already
                                      in Tend are merged into their contact, never doubled)
      --dry-run, -n                   say what would be imported, change nothing
      --json                          print it as JSON: new, merged, unchanged, problems, contacts
  tend export FILE [--format F]       write the contacts (.vcf, .csv) or the open follow-ups
                                      (.ics) to FILE; F is vcf, csv or ics (else from FILE's name)
  tend backup FILE                    copy all of Tend's data to FILE (checked), e.g.
                                      tend backup /media/usb/tend-backup.sqlite3
  tend restore FILE [--yes]           replace all of Tend's data with the backup FILE;
                                      the current data is kept aside first
      --yes, -y                       do not ask first
  tend --version                      print the version
  tend --help                         print this help

Environment:
  TEND_DATA_DIR     folder holding tend.sqlite3 (default: the OS app-data folder)
  TEND_NOW          start the clock at this RFC 3339 instant (for tests)";
