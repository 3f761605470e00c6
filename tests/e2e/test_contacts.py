"""Contacts in the real window: create, find, edit, restart, archive, delete,
literal text for hostile names, and bad input refused."""

import sqlite3

from selenium.webdriver.common.by import By

from ui import (
    button,
    contact_rows,
    detail_heading,
    field,
    fill_contact_form,
    open_section,
    row_names,
    search,
    wait,
    wait_for_rows,
)


def count_contacts(data_dir):
    with sqlite3.connect(data_dir / "tend.sqlite3") as db:
        return db.execute("SELECT count(*) FROM contacts").fetchone()[0]


def create(driver, **values):
    if not driver.find_elements(By.CSS_SELECTOR, "[aria-label='Search contacts']"):
        open_section(driver, "Contacts")
    button(driver, "New contact").click()
    fill_contact_form(driver, **values)
    button(driver, "Save").click()
    wait(driver, lambda d: detail_heading(d) == values["name"], message="saved contact shown")


def test_create_search_edit_and_find_again_after_restart(tend):
    driver = tend.driver
    create(driver, name="Jane Doe", phone="(415) 555-0142", email="jane@example.com",
           notes="wants the lavender set", stage="Lead")
    create(driver, name="Bob Jansen", phone="+44 20 7946 0958")
    create(driver, name="Carl Weber")
    wait_for_rows(driver, lambda names: len(names) == 3, "three contacts listed")
    tend.screenshot("contacts-list")

    # Search as you type: a prefix of the name, then something from the notes.
    search(driver, "jan")
    wait_for_rows(driver, lambda names: set(names) == {"Jane Doe", "Bob Jansen"}, "prefix search")
    search(driver, "lavender")
    wait_for_rows(driver, lambda names: names == ["Jane Doe"], "notes search")

    # Open and edit her.
    contact_rows(driver)[0].click()
    wait(driver, lambda d: detail_heading(d) == "Jane Doe")
    button(driver, "Edit").click()
    fill_contact_form(driver, name="Jane Doe-Smith", phone="(415) 555-0142", stage="Customer")
    button(driver, "Save").click()
    wait(driver, lambda d: detail_heading(d) == "Jane Doe-Smith", message="edit saved")
    details = driver.find_element(By.XPATH, "//section[@aria-label='Contact details']").text
    assert "(415) 555-0142" in details
    assert "Customer" in details
    tend.screenshot("contact-detail")

    # Everything is still there after the app is closed and opened again.
    driver = tend.restart()
    open_section(driver, "Contacts")
    search(driver, "smith")
    wait_for_rows(driver, lambda names: names == ["Jane Doe-Smith"], "found after restart")
    contact_rows(driver)[0].click()
    wait(driver, lambda d: detail_heading(d) == "Jane Doe-Smith")
    assert "jane@example.com" in driver.find_element(
        By.XPATH, "//section[@aria-label='Contact details']"
    ).text


def test_a_hostile_name_is_shown_as_literal_text(tend):
    driver = tend.driver
    hostile = "<img src=x onerror=alert(1)>"
    create(driver, name=hostile, notes="<b>bold?</b>")
    wait_for_rows(driver, lambda names: names == [hostile], "literal name in the list")
    assert driver.find_elements(By.CSS_SELECTOR, "main img") == [], "no element was injected"
    assert detail_heading(driver) == hostile
    assert "<b>bold?</b>" in driver.find_element(
        By.XPATH, "//section[@aria-label='Contact details']"
    ).text
    # An alert would block WebDriver commands; the title read proves none is open.
    assert driver.title == "Tend"


def test_bad_input_shows_a_message_by_the_field_and_saves_nothing(tend):
    driver = tend.driver
    open_section(driver, "Contacts")
    button(driver, "New contact").click()
    fill_contact_form(driver, name="Dana", email="dana@example")
    button(driver, "Save").click()
    email = field(driver, "Email")
    wait(driver, lambda d: email.get_attribute("aria-invalid") == "true", message="email marked invalid")
    message = driver.find_element(By.ID, email.get_attribute("aria-describedby").split()[0])
    assert "valid email" in message.text
    assert field(driver, "Name").get_attribute("value") == "Dana", "the typed text is kept"

    fill_contact_form(driver, email="", name="")
    button(driver, "Save").click()
    name = field(driver, "Name")
    wait(driver, lambda d: name.get_attribute("aria-invalid") == "true", message="name required")

    fill_contact_form(driver, name="Dana", phone="call me maybe")
    button(driver, "Save").click()
    phone = field(driver, "Phone")
    wait(driver, lambda d: phone.get_attribute("aria-invalid") == "true", message="phone refused")
    tend.screenshot("form-errors")

    assert row_names(driver) == []
    assert count_contacts(tend.data_dir) == 0, "nothing reached the data file"


def test_archive_and_delete_with_confirmation(tend):
    driver = tend.driver
    create(driver, name="Erin Archive")
    create(driver, name="Fay Delete")
    wait_for_rows(driver, lambda names: len(names) == 2, "two contacts")

    button(driver, "Archive").click()  # Fay is open
    wait_for_rows(driver, lambda names: names == ["Erin Archive"], "archived one hidden")
    field(driver, "Show archived").click()
    wait_for_rows(driver, lambda names: len(names) == 2, "archived one shown on request")

    search(driver, "erin")
    wait_for_rows(driver, lambda names: names == ["Erin Archive"], "found")
    contact_rows(driver)[0].click()
    wait(driver, lambda d: detail_heading(d) == "Erin Archive")
    button(driver, "Delete").click()
    dialog = driver.find_element(By.XPATH, "//dialog[@aria-label='Confirm delete']")
    wait(driver, lambda d: dialog.is_displayed(), message="confirmation shown")
    assert "Erin Archive" in dialog.text
    button(driver, "Cancel").click()
    assert count_contacts(tend.data_dir) == 2, "cancel deletes nothing"

    button(driver, "Delete").click()
    button(driver, "Delete contact").click()
    wait_for_rows(driver, lambda names: names == [], "deleted contact gone")
    assert count_contacts(tend.data_dir) == 1
