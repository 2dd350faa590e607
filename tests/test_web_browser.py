"""``commgen web`` in a real browser: headless Chromium driven by Selenium, against the real
server on 127.0.0.1. Skipped when Chromium is not installed, except in CI (CI is set), where a
missing browser is a failure: .ci/run installs it."""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from commgen.docx.reader import docx_text
from tests.conftest import run_cli, write_answers
from tests.test_web import dutch_pages  # noqa: F401  (the pages in Dutch, for every test here)

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
NAMES = ["Sanne de Vries", "Daan Bakker"]

if not (CHROMIUM and DRIVER):
    if os.environ.get("CI"):
        pytest.fail("CI needs chromium and chromedriver for the browser tests (.ci/run installs "
                    "them)", pytrace=False)
    pytest.skip("chromium and chromedriver are not installed", allow_module_level=True)
if os.environ.get("CI"):  # CI installs selenium with the test extras: missing is a failure
    from selenium import webdriver
else:
    webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1280,1000")


def chromium(downloads: Path) -> Any:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tempfile.mkdtemp(prefix='commgen-chromium-')}")
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    from selenium.webdriver.chrome.service import Service

    driver = webdriver.Chrome(options=options, service=Service(DRIVER))
    driver.set_page_load_timeout(60)
    return driver


class Running:
    """The real server of ``commgen web`` in a thread, on a free port."""

    def __init__(self, catalog: Any, folder: Path, resume: Path | None) -> None:
        from commgen.app.web.case import WebCase
        from commgen.app.web.server import Access, bind, serve

        self.case = WebCase(catalog, folder, resume)
        self.sock = bind(0)
        self.access = Access(self.sock.getsockname()[1])
        self.stop = threading.Event()
        self.thread = threading.Thread(target=serve, args=(self.case, self.sock, self.access, 30,
                                                           self.stop), daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.stop.set()
        self.thread.join(20)
        self.case.close()
        self.sock.close()


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    driver = chromium(downloads)
    driver.downloads = downloads
    try:
        yield driver
    finally:
        driver.quit()


def wait(driver: Any, seconds: float = 20) -> Any:
    return WebDriverWait(driver, seconds)


def saved(driver: Any) -> None:
    """Wait until the page has saved what was typed."""
    wait(driver).until(lambda d: d.execute_script(
        "return document.getElementById('status').textContent") in ("Bewaard", ""))


def case_server(catalog: Any, tmp_path: Path, drop: tuple[str, ...] = ()) -> tuple[Running, Path]:
    """The real server on a case folder with the sample's answers (less ``drop``)."""
    folder = tmp_path / "zaak"
    folder.mkdir()
    answers = write_answers(folder, drop=drop)
    return Running(catalog, folder, answers), answers


def test_a_whole_case_in_the_browser(browser: Any, catalog: Any, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    server, answers = case_server(catalog, tmp_path, drop=("situation_extra",))
    try:
        browser.get(server.access.start_url())
        # it opens where the user stopped: the step of the first open question
        assert browser.current_url.endswith("/stap/situation")
        assert "127.0.0.1" in browser.current_url and "t=" not in browser.current_url
        # the names, typed in password fields, never shown again
        fields = browser.find_elements(By.CSS_SELECTOR, "#vraag-involved_pupils "
                                                        "input[type=password]")
        fields[0].send_keys(NAMES[0])
        fields[1].send_keys(NAMES[1])
        browser.find_element(By.CSS_SELECTOR, "#vraag-involved_pupils .save-names").click()
        wait(browser).until(ec.visibility_of_element_located((By.ID, "given-involved_pupils")))
        wait(browser).until(lambda d: all(f.get_attribute("value") == "" for f in fields))
        saved(browser)
        assert server.case.draft.answered["involved_pupils"].count == 2

        # a guarded name typed in an answer is marked before the next step
        area = browser.find_element(By.ID, "a-situation_extra")
        area.send_keys(f"Het beeld van {NAMES[1]} ging eerst rond in één leerjaar.")
        mark = wait(browser).until(ec.visibility_of_element_located(
            (By.CSS_SELECTOR, "#marks-situation_extra mark")))
        assert mark.text == "•••"
        assert NAMES[1] not in browser.find_element(By.ID, "marks-situation_extra").text
        # fixed with one click on the suggestion
        browser.find_element(By.CSS_SELECTOR, "#marks-situation_extra button.suggestion").click()
        wait(browser).until(lambda d: not d.find_elements(By.CSS_SELECTOR,
                                                          "#marks-situation_extra mark"))
        fixed = area.get_attribute("value")
        assert NAMES[1] not in fixed and "ging eerst rond in één leerjaar." in fixed
        saved(browser)
        assert NAMES[1] not in browser.page_source and NAMES[0] not in browser.page_source

        # every further step, by the button, to the check
        while browser.find_element(By.ID, "next").get_attribute("data-to").startswith("/stap/"):
            browser.find_element(By.ID, "next").click()
            wait(browser).until(ec.staleness_of(area))
            area = browser.find_element(By.TAG_NAME, "h1")
        browser.find_element(By.ID, "next").click()
        wait(browser).until(ec.url_contains("/controle"))
        assert browser.find_element(By.ID, "doc-communicatiestatement").is_displayed()
        assert "Het Baken College" in browser.find_element(By.ID,
                                                           "doc-communicatiestatement").text
        assert not browser.find_elements(By.CSS_SELECTOR, ".todo-list")

        browser.find_element(By.ID, "make-all").click()
        wait(browser, 60).until(ec.url_contains("/klaar"))
        browser.find_element(By.CSS_SELECTOR, "a[href='/download/communicatiestatement.docx']"
                             ).click()
        browser.find_element(By.ID, "zip").click()
        target = browser.downloads / "communicatiestatement.docx"
        bundle = browser.downloads / "documenten.zip"
        deadline = time.monotonic() + 30
        while not (target.exists() and bundle.exists()) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert target.exists() and bundle.exists()
        assert "communicatiestatement.docx" in zipfile.ZipFile(bundle).namelist()
        copy = browser.find_elements(By.CSS_SELECTOR, "button.copy")
        assert copy and copy[0].text == "Kopiëren"  # the plain texts, each with a copy button
        assert "Het Baken College" in browser.find_element(By.ID, "plain-1").get_attribute(
            "value")
        if copy:
            copy[0].click()
            wait(browser).until(lambda d: d.find_element(By.CSS_SELECTOR, "button.copy").text
                                == "Gekopieerd")
    finally:
        server.close()
    # the downloaded document is the one commgen generate makes from the same answers file
    cli = tmp_path / "cli"
    code, _out, err = run_cli(capsys, "generate", str(answers), "--out", str(cli))
    assert code == 0, err
    assert docx_text(target.read_bytes()) == docx_text(
        (cli / "communicatiestatement.docx").read_bytes())
    on_disk = "".join(p.read_text(encoding="utf-8") for p in answers.parent.glob("*.yaml"))
    assert NAMES[0] not in on_disk and NAMES[1] not in on_disk


def test_keyboard_only_and_every_field_has_a_label(browser: Any, catalog: Any,
                                                   tmp_path: Path) -> None:
    server = Running(catalog, tmp_path / "leeg", None)
    try:
        browser.get(server.access.start_url())
        steps = [a.get_attribute("href") for a in
                 browser.find_elements(By.CSS_SELECTOR, "nav.steps a")]
        for url in steps[:-1]:
            browser.get(url)
            unlabelled = browser.execute_script(
                "return [...document.querySelectorAll('main input, main textarea')]"
                ".filter(i => i.type !== 'hidden' && i.labels.length === 0)"
                ".map(i => i.id || i.name);")
            assert unlabelled == [], url
        browser.get(steps[0])
        wanted = browser.execute_script(
            "return [...document.querySelectorAll('#step input, #step textarea')]"
            ".filter(i => i.offsetParent !== null).map(i => i.id);")
        from selenium.webdriver.common.action_chains import ActionChains

        reached = []  # from the top of the page, the Tab key alone
        for _ in range(80):
            ActionChains(browser).send_keys(Keys.TAB).perform()
            focused = browser.switch_to.active_element
            if focused.get_attribute("id") == "next":
                break
            if focused.tag_name in ("input", "textarea"):
                reached.append(focused.get_attribute("id"))
        radios = [w for w in wanted if browser.find_element(By.ID, w).get_attribute("type")
                  == "radio"]
        # every field of the step in page order (a group of radio buttons is one tab stop)
        assert [r for r in reached if r not in radios] == [w for w in wanted if w not in radios]
        # typed and chosen by keyboard alone: the answer is saved
        browser.find_element(By.ID, "a-school_name").send_keys("OBS De Vlinderboom", Keys.TAB)
        saved(browser)
        assert server.case.draft.answered.get("school_name") == "OBS De Vlinderboom"
    finally:
        server.close()


def test_names_typed_are_saved_when_the_step_is_left(browser: Any, catalog: Any,
                                                     tmp_path: Path) -> None:
    server, _answers = case_server(catalog, tmp_path,
                                   drop=("situation_extra", "involved_pupils"))
    try:
        browser.get(server.access.start_url())
        wait(browser).until(ec.url_contains("/stap/situation"))
        fields = browser.find_elements(By.CSS_SELECTOR, "#vraag-involved_pupils "
                                                        "input[type=password]")
        fields[0].send_keys(NAMES[0])  # no click on "save the names": the next step is chosen
        browser.find_element(By.ID, "next").click()
        wait(browser).until(lambda d: "/stap/situation" not in d.current_url)
        guard = server.case.draft.answered.get("involved_pupils")
        assert guard and guard.matches(NAMES[0])
        # leaving the field (Tab to the next one) saves them too
        browser.back()
        wait(browser).until(ec.url_contains("/stap/situation"))
        fields = browser.find_elements(By.CSS_SELECTOR, "#vraag-involved_pupils "
                                                        "input[type=password]")
        fields[0].send_keys(NAMES[1])
        browser.find_element(By.ID, "a-situation_extra").click()
        wait(browser).until(lambda d: (server.case.draft.answered.get("involved_pupils")
                                       or guard).matches(NAMES[1]))
    finally:
        server.close()


def test_when_commgen_stops_the_page_says_so_and_how_to_start_again(
        browser: Any, catalog: Any, tmp_path: Path) -> None:
    server, answers = case_server(catalog, tmp_path)
    try:
        browser.get(server.access.start_url())
        browser.get(browser.current_url.split("/", 3)[0] + "//" +
                    browser.current_url.split("/", 3)[2] + "/stap/school")
        wait(browser).until(ec.url_contains("/stap/school"))
    finally:
        server.close()
    browser.find_element(By.ID, "a-school_name").send_keys(" Lyceum")
    status = wait(browser).until(lambda d: d.find_element(By.ID, "status").text
                                 if "gestopt" in d.find_element(By.ID, "status").text else None)
    assert "Niet bewaard" not in status
    assert f'commgen web --resume "{answers.resolve()}"' in status


def test_after_keeping_with_a_reason_the_focus_goes_to_the_next_question(
        browser: Any, catalog: Any, tmp_path: Path) -> None:
    server, _answers = case_server(catalog, tmp_path, drop=("situation_extra",))
    try:
        browser.get(server.access.start_url())
        wait(browser).until(ec.url_contains("/stap/situation"))
        browser.find_element(By.ID, "a-situation_extra").send_keys(
            "Het beeld ging rond in klas 2B en daarna in andere klassen.")
        reason = wait(browser).until(ec.visibility_of_element_located(
            (By.ID, "reason-situation_extra")))
        reason.send_keys("De ouders van 2B weten het al.")
        browser.find_element(By.CSS_SELECTOR, "#vraag-situation_extra button.keep").click()
        wait(browser).until(lambda d: server.case.draft.accepted.get("situation_extra"))
        wait(browser).until(lambda d: d.execute_script(
            "const a = document.activeElement; return a && a !== document.body && "
            "!document.getElementById('vraag-situation_extra').contains(a);"))
        active = browser.switch_to.active_element
        assert active.tag_name in ("input", "textarea", "button")
    finally:
        server.close()
