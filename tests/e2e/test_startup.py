"""A data file that cannot be used: the real window opens on a page that says
why, shows the file and offers what can help, and the file stays as it was."""

from selenium.webdriver.common.by import By

from conftest import TendApp

PAGE = "main.startup-problem h1"


def test_a_file_that_is_not_tends_opens_a_page_that_says_so(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    file = data / "tend.sqlite3"
    garbage = bytes((i * 7) % 251 for i in range(8192))
    file.write_bytes(garbage)
    app = TendApp(data, extra_env={"TZ": "UTC"}, ready=PAGE)
    try:
        driver = app.start()
        assert driver.find_element(By.CSS_SELECTOR, PAGE).text == "This is not a Tend data file"
        assert driver.find_element(By.CSS_SELECTOR, ".startup-problem code").text == str(file)
        buttons = [b.text for b in driver.find_elements(By.CSS_SELECTOR, ".startup-problem button")]
        assert "Open the folder" in buttons and "Quit" in buttons
        assert not driver.find_elements(By.CSS_SELECTOR, "nav[aria-label='Sections']"), "no app over a file it cannot use"
        app.screenshot("startup-not-a-tend-file")
        assert file.read_bytes() == garbage, "not a byte changed"
    finally:
        app.close()
