"""Import and export in the real window, through the real GTK file chooser
(tauri-plugin-dialog), driven from the keyboard: a vCard with someone Tend
already knows, two new people and a cut-off card; the same file again; and
the book exported as vCard."""

import sqlite3
from contextlib import closing

from selenium.webdriver.common.by import By

from chooser import choose_path
from conftest import SHOTS, query, seed, tend_cli
from ui import (
    button, detail_text, list_row_text, open_contact, row_names, open_section, sheet, sheet_open,
    sheet_text, status_line, wait, wait_for_rows,
)


def preview_rows(driver):
    """The preview table's body, cell by cell, read in one step."""
    return driver.execute_script(
        "const t = document.querySelector(\"table[aria-label='Import preview']\");"
        "return t ? [...t.tBodies[0].rows].map(r => [...r.cells].map(c => c.innerText.trim())) : null;"
    )


VCARD = (
    # Jane again: the same phone, an email and a note Tend does not have yet.
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jane Doe\r\nN:Doe;Jane;;;\r\nTEL;TYPE=CELL:555-0142\r\n"
    "EMAIL:jane.doe@example.com\r\nNOTE:Met at the spring fair\r\nEND:VCARD\r\n"
    # New, with a birthday without a year.
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Amy Lee\r\nTEL:555-0100\r\nBDAY:--0415\r\nEND:VCARD\r\n"
    # New, an email only.
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Carl Weber\r\nEMAIL:carl@example.com\r\nEND:VCARD\r\n"
    # Cut off: the file ends before its END:VCARD.
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Broken Card\r\nTEL:555-0999\r\n"
)


def import_through_the_chooser(driver, path, shot=None):
    open_section(driver, "Contacts")
    button(driver, "Import contacts").click()
    choose_path("Import contacts", path, shot=shot)
    wait(driver, lambda d: "new" in sheet_text(d, "Import contacts"), timeout=20, message="the preview sheet")


def test_importing_a_vcard_merges_jane_adds_two_and_names_the_card_it_cannot_read(book, tmp_path):
    seed(book.data_dir, "Jane Doe 555-0142")
    [(jane,)] = query(book.data_dir, "SELECT id FROM contacts WHERE name = 'Jane Doe'")
    file = tmp_path / "from my phone.vcf"
    file.write_bytes(VCARD.encode())
    driver = book.start()

    import_through_the_chooser(driver, file, shot=SHOTS / "chooser-import-typed.png")
    text = sheet_text(driver, "Import contacts")
    assert "2 new, 1 already in Tend (will be merged), 1 cannot be read" in text, text
    assert "from my phone.vcf · vCard · UTF-8" in text, text
    # The card that cannot be read, where it is in the file and why.
    assert "card 4 (line 20)" in text, text
    assert "END:VCARD" in text and "cut off" in text, text
    assert preview_rows(driver) == [
        ["Jane Doe", "555-0142", "jane.doe@example.com", "", "Merge into Jane Doe"],
        ["Amy Lee", "555-0100", "", "--04-15", "New"],
        ["Carl Weber", "", "carl@example.com", "", "New"],
    ], preview_rows(driver)
    assert "Broken Card" not in text, "the unreadable card is not offered as a row"
    assert query(book.data_dir, "SELECT count(*) FROM contacts") == [(1,)], "nothing written before Import"
    book.screenshot("import-preview")

    import_button = button(driver, "Import")
    assert import_button.is_enabled()
    import_button.click()
    wait(driver, lambda d: not sheet_open(d, "Import contacts"), timeout=30, message="the sheet closes")
    wait(driver, lambda d: status_line(d).startswith("Imported"), message="the status line says it")
    assert status_line(driver) == "Imported from from my phone.vcf: 2 new, 1 merged, 1 could not be read."
    wait_for_rows(driver, lambda names: {"Amy Lee", "Carl Weber", "Jane Doe"} <= set(names), "the new names listed")
    assert sorted(row_names(driver)) == ["Amy Lee", "Carl Weber", "Jane Doe"]

    # Still exactly one Jane, with the new email and the note merged in.
    assert query(book.data_dir, "SELECT id FROM contacts WHERE name = 'Jane Doe'") == [(jane,)]
    methods = query(book.data_dir, "SELECT kind, value FROM contact_methods WHERE contact_id = ? ORDER BY kind, position", jane)
    assert ("email", "jane.doe@example.com") in methods, methods
    assert [kind for kind, _ in methods].count("phone") == 1, f"the phone is not doubled: {methods}"
    [(notes,)] = query(book.data_dir, "SELECT notes FROM contacts WHERE id = ?", jane)
    assert "Met at the spring fair" in notes, notes
    [(birthday,)] = query(book.data_dir, "SELECT birthday FROM contacts WHERE name = 'Amy Lee'")
    assert birthday == "--04-15"
    assert query(book.data_dir, "SELECT count(*) FROM contacts WHERE name = 'Broken Card'") == [(0,)]
    # And the book as it was before, backed up first.
    [before] = sorted((book.data_dir / "backups").glob("tend-*-before-import.sqlite3"))
    with closing(sqlite3.connect(f"file:{before}?mode=ro&immutable=1", uri=True)) as db:
        assert db.execute("SELECT name FROM contacts").fetchall() == [("Jane Doe",)]

    # Her row in the list shows the merged email; her page the merged note (the
    # email on her page: see the test below).
    assert "jane.doe@example.com" in list_row_text(driver, "Jane Doe")
    open_contact(driver, "Jane Doe")
    wait(driver, lambda d: "Met at the spring fair" in detail_text(d), message="Jane's page shows the merged note")
    book.screenshot("import-jane-merged")

    # The same file again: nothing new, nothing to merge, Import cannot be pressed.
    import_through_the_chooser(driver, file)
    text = sheet_text(driver, "Import contacts")
    assert "0 new, 3 already in Tend with nothing new, 1 cannot be read" in text, text
    assert not button(driver, "Import").is_enabled()
    book.screenshot("import-preview-again")
    button(driver, "Cancel").click()
    wait(driver, lambda d: not sheet_open(d, "Import contacts"), message="cancelled")
    assert query(book.data_dir, "SELECT count(*) FROM contacts") == [(3,)]
    assert query(book.data_dir, "SELECT count(*) FROM contact_methods WHERE contact_id = ?", jane) == [(2,)]


def test_exporting_the_book_as_vcard_through_the_save_chooser(book, tmp_path):
    seed(book.data_dir, "Jane Doe 555-0142", "Bob Stone bob@example.com", "María de la Cruz +34 612 345 678")
    driver = book.start()
    open_section(driver, "Contacts")
    button(driver, "Export").click()
    wait(driver, lambda d: sheet_open(d, "Export"), message="the Export sheet")
    form = sheet(driver, "Export")
    vcard = form.find_element(By.XPATH, ".//label[contains(., 'Contacts as vCard')]")
    vcard.click()
    assert vcard.find_element(By.TAG_NAME, "input").is_selected()
    book.screenshot("export-sheet")
    button(driver, "Export…").click()

    target = tmp_path / "for my phone.vcf"
    choose_path("Export", target, shot=SHOTS / "chooser-export-typed.png")
    wait(driver, lambda d: not sheet_open(d, "Export"), timeout=20, message="the sheet closes once written")
    assert target.is_file()
    written = target.read_text(encoding="utf-8")
    assert written.count("BEGIN:VCARD") == 3, written
    assert written.count("END:VCARD") == 3, written
    for name in ("FN:Jane Doe", "FN:Bob Stone", "FN:María de la Cruz"):
        assert name in written, written
    assert "bob@example.com" in written
    wait(driver, lambda d: status_line(d).startswith("Exported"), message="the status line says it")
    assert status_line(driver) == f"Exported 3 contacts to {target}."


def test_the_email_an_import_merged_into_jane_shows_on_her_page(book, tmp_path):
    """Jane had a phone and no email; an import merges one in. Her row in the list
    shows it, and so must her page (it reads her first email)."""
    seed(book.data_dir, "Jane Doe 555-0142")
    file = tmp_path / "jane.vcf"
    file.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jane Doe\r\nTEL:555-0142\r\nEMAIL:jane.doe@example.com\r\nEND:VCARD\r\n"
    )
    tend_cli(book.data_dir, "import", str(file))
    driver = book.start()
    open_section(driver, "Contacts")
    wait_for_rows(driver, lambda names: names == ["Jane Doe"], "Jane listed")
    assert "jane.doe@example.com" in list_row_text(driver, "Jane Doe")
    open_contact(driver, "Jane Doe")
    book.screenshot("merged-email-on-her-page")
    assert "jane.doe@example.com" in detail_text(driver), (
        "her page shows no Email; contact_methods: "
        f"{query(book.data_dir, 'SELECT kind, value, position FROM contact_methods')}\n{detail_text(driver)}"
    )
