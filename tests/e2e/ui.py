"""Finding controls the way a person (or a screen reader) does: by their
accessible names — a <label> or an aria-label — never by CSS classes."""

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait


def xpath_literal(text):
    if "'" not in text:
        return f"'{text}'"
    if '"' not in text:
        return f'"{text}"'
    parts = text.split("'")
    return "concat(" + ", \"'\", ".join(f"'{p}'" for p in parts) + ")"


def field(driver, label):
    """The form control labelled `label` (by <label for> or aria-label)."""
    lit = xpath_literal(label)
    for candidate in driver.find_elements(By.XPATH, f"//label[normalize-space(.)={lit}]"):
        target = candidate.get_attribute("for")
        if target:
            found = driver.find_elements(By.ID, target)
            if found and found[0].is_displayed():
                return found[0]
        nested = candidate.find_elements(By.XPATH, ".//input|.//select|.//textarea")
        if nested and nested[0].is_displayed():
            return nested[0]
    for element in driver.find_elements(By.XPATH, f"//*[@aria-label={lit}]"):
        if element.is_displayed():
            return element
    raise AssertionError(f"no visible control labelled {label!r}")


def button(driver, name):
    lit = xpath_literal(name)
    for element in driver.find_elements(
        By.XPATH, f"//button[normalize-space(.)={lit} or @aria-label={lit}]"
    ):
        if element.is_displayed():
            return element
    raise AssertionError(f"no visible button named {name!r}")


def wait(driver, condition, timeout=10, message=""):
    # A view that redraws (after a save, a change event) replaces the elements a
    # condition was reading: look again rather than fail.
    return WebDriverWait(driver, timeout, ignored_exceptions=(StaleElementReferenceException,)).until(
        condition, message)


def type_into(element, text):
    element.clear()
    if text:
        element.send_keys(text)


def contact_rows(driver):
    return driver.find_elements(By.XPATH, "//ul[@aria-label='Contact list']//button")


def visible_text(element):
    """The rendered text (innerText); WebKitWebDriver's element text is empty for
    the rows' buttons."""
    return element.get_property("innerText") or ""


def row_names(driver):
    """The names in the contact list, read in one step so a re-render between
    reads cannot leave a stale element behind."""
    return driver.execute_script(
        "return [...document.querySelectorAll(\"ul[aria-label='Contact list'] button\")]"
        ".map(row => row.innerText.split('\\n')[0].trim())"
    )


def wait_for_rows(driver, predicate, message):
    return wait(driver, lambda d: predicate(row_names(d)), message=message)


def search(driver, text):
    box = field(driver, "Search contacts")
    box.send_keys(Keys.CONTROL, "a")
    box.send_keys(Keys.BACKSPACE)
    if text:
        box.send_keys(text)
    return box


def fill_contact_form(driver, **values):
    labels = {"name": "Name", "phone": "Phone", "email": "Email", "notes": "Notes", "tags": "Tags"}
    for key, value in values.items():
        if key == "stage":
            from selenium.webdriver.support.select import Select

            Select(field(driver, "Stage")).select_by_visible_text(value)
        else:
            type_into(field(driver, labels[key]), value)


def detail_heading(driver):
    section = driver.find_element(By.XPATH, "//section[@aria-label='Contact details']")
    return section.find_element(By.TAG_NAME, "h2").text


def open_section(driver, name):
    """Clicks a sidebar section ("Today", "Contacts", ...) and waits for it."""
    nav = driver.find_element(By.XPATH, "//nav[@aria-label='Sections']")
    target = None
    for candidate in nav.find_elements(By.TAG_NAME, "button"):
        label = (candidate.get_attribute("aria-label") or candidate.get_property("innerText") or "").strip()
        if label == name or label.startswith(name + ",") or label.split("\n")[0].strip() == name:
            target = candidate
            break
    assert target is not None, f"no section {name!r}"
    target.click()
    wait(driver, lambda d: target.get_attribute("aria-current") == "page", message=f"{name} shown")


def section_text(driver, label):
    """The rendered text of the element with this aria-label (a list, a region)."""
    # One script call, so a re-render between reads cannot leave a stale element.
    return driver.execute_script(
        "return [...document.querySelectorAll('[aria-label]')]"
        ".filter(e => e.getAttribute('aria-label') === arguments[0] && e.offsetParent !== null)"
        ".map(e => e.innerText).join('\\n')",
        label,
    )


def today_section(driver, heading):
    """The text of a Today section, found by its h2 heading."""
    return driver.execute_script(
        """
        const h = [...document.querySelectorAll('h2')].find(h => h.textContent.trim() === arguments[0]);
        if (!h) return null;
        const section = h.closest('section') || h.parentElement;
        return section.innerText;
        """,
        heading,
    )


def select_option(driver, label, text):
    from selenium.webdriver.support.select import Select

    Select(field(driver, label)).select_by_visible_text(text)


def sheet_text(driver, label):
    """The rendered text of the open <dialog> sheet with this aria-label ('' when
    none is open). A sheet in the top layer has no offsetParent, so section_text
    does not see it."""
    return driver.execute_script(
        "const d = [...document.querySelectorAll('dialog[open]')]"
        ".find(d => d.getAttribute('aria-label') === arguments[0]);"
        "return d ? d.innerText : '';",
        label,
    )


def sheet(driver, label):
    return driver.find_element(By.XPATH, f"//dialog[@open and @aria-label='{label}']")


def sheet_open(driver, label):
    return bool(driver.find_elements(By.XPATH, f"//dialog[@open and @aria-label='{label}']"))


def status_line(driver):
    return driver.execute_script("return document.getElementById('status').textContent")


def list_row_text(driver, name):
    return driver.execute_script(
        "return [...document.querySelectorAll(\"ul[aria-label='Contact list'] button\")]"
        ".map(row => row.innerText).find(text => text.split('\\n')[0].trim() === arguments[0]) ?? ''",
        name,
    )


def open_contact(driver, name):
    row = driver.find_element(By.XPATH, f"//ul[@aria-label='Contact list']//button[contains(., '{name}')]")
    row.click()
    wait(driver, lambda d: detail_heading(d) == name, message=f"{name}'s page")


def detail_text(driver):
    return driver.execute_script(
        "return document.querySelector(\"section[aria-label='Contact details']\")?.innerText ?? ''"
    )
