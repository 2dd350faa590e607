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
        "return window.commgenSettled() && "
        "['Bewaard', ''].includes(document.getElementById('status').textContent)"))


def case_server(catalog: Any, tmp_path: Path, drop: tuple[str, ...] = ()) -> tuple[Running, Path]:
    """The real server on a case folder with the sample's answers (less ``drop``)."""
    folder = tmp_path / "zaak"
    folder.mkdir()
    answers = write_answers(folder, drop=drop)
    return Running(catalog, folder, answers), answers


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
        # closing the tab now asks first; the step's own form on its way (it takes the names
        # along) does not make the browser ask "leave this page?"
        asks = browser.execute_script(
            "const f = document.getElementById('step'), ask = () => { const e = new Event("
            "'beforeunload', {cancelable: true}); window.dispatchEvent(e); "
            "return e.defaultPrevented; }; const a = ask(); f.dataset.posting = 'go'; "
            "const b = ask(); delete f.dataset.posting; return [a, b];")
        assert asks == [True, False]
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


# -- a new user, from an empty folder -------------------------------------------------------
# What a new user types and clicks, step by step (the basisschool sample's case): text by the
# field's id, a radio or checkboxes by their values, a person as (name, role). Only what a
# user must give: every default the page offers is accepted as it stands.
NEW_CASE: list[tuple[str, dict[str, Any]]] = [
    ("school", {"school_name": "OBS De Vlinderboom", "school_place": "Zwolle",
                "school_type": "po", "school_address": "Vlinderlaan 12",
                "school_postcode": "8011 AB", "signatory": ("Mark Jansen", "directeur")}),
    ("situation", {"pupil_visible": "yes", "origin": "voluntary", "material": "photo",
                   "channel": ["group_apps"], "spread": ["one_class"]}),
    ("view", {}),
    ("actions", {"police": ["advice"], "actions": ["talk_victim", "parents_victim", "lesson"],
                 "lesson_classes": "one"}),
    ("why", {}),
    ("contact", {"contact": ("Karin Smit", "intern begeleider"),
                 "contact_phone": "038 760 12 34", "contact_email": "k.smit@vlinderboom.nl",
                 "spokesperson": ("Mark Jansen", "directeur"),
                 "spokesperson_phone": "038 760 12 30"}),
    ("annex", {"media": "none", "audiences": ["parents_class", "staff"],
               "send_channel": "parro", "next_update_time": "15:00"}),
    ("protocol", {}),
]


def give(browser: Any, question: str, value: Any) -> None:
    """Answer one question as a user does: type in the field, or click the choices."""
    box = browser.find_element(By.ID, f"vraag-{question}")
    assert box.is_displayed(), question
    if isinstance(value, tuple):
        for part, text in zip(("name", "role"), value, strict=True):
            field = box.find_element(By.ID, f"a-{question}-{part}")
            field.clear()
            field.send_keys(text)
    elif isinstance(value, list) or box.get_attribute("data-type") in ("choice", "yesno"):
        for choice in value if isinstance(value, list) else [value]:
            box.find_element(By.CSS_SELECTOR, f".choice[data-value='{choice}'] label").click()
    else:
        field = box.find_element(By.ID, f"a-{question}")
        field.clear()
        field.send_keys(value)
    saved(browser)


def next_step(browser: Any) -> None:
    before = browser.find_element(By.TAG_NAME, "h1")
    browser.find_element(By.ID, "next").click()
    wait(browser).until(ec.staleness_of(before))


def shot(browser: Any, folder: Path, name: str) -> None:
    """A screenshot of the whole page (kept with the test's files, to look at)."""
    height = browser.execute_script("return document.body.scrollHeight")
    browser.set_window_size(1280, min(height + 120, 5000))
    browser.save_screenshot(str(folder / f"{name}.png"))


def downloaded(folder: Path, names: list[str]) -> None:
    deadline = time.monotonic() + 30
    while not all((folder / n).exists() for n in names) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert all((folder / n).exists() for n in names), sorted(p.name for p in folder.iterdir())


def test_a_new_user_from_an_empty_folder_to_checked_documents(
        browser: Any, catalog: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import SAMPLES

    folder = tmp_path / "nieuw"  # empty: no answers file, no school profile, no logo
    shots = Path(os.environ.get("COMMGEN_WEB_SHOTS") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    server = Running(catalog, folder, None)
    try:
        browser.get(server.access.start_url())
        assert browser.current_url.endswith("/stap/school")
        for number, (step, answers) in enumerate(NEW_CASE, 1):
            assert browser.current_url.split("#")[0].endswith(f"/stap/{step}"), step
            if step == "school":  # the logo, chosen from this computer in the page
                browser.find_element(By.ID, "a-school_logo").send_keys(
                    str(SAMPLES / "scholen" / "vlinderboom-logo.png"))
                wait(browser).until(ec.visibility_of_element_located(
                    (By.ID, "given-school_logo")))
            if step == "situation":
                # the default is in the field, to accept as it stands
                assert browser.find_element(By.ID, "a-reported_date").get_attribute("value")
                # a question whose condition waits for an answer not given yet is hidden
                assert not browser.find_element(By.ID, "vraag-pupil_elsewhere").is_displayed()
                assert not browser.find_element(By.ID, "vraag-origin").is_displayed()
            for question, value in answers.items():
                give(browser, question, value)
            if step == "situation":
                assert not browser.find_element(By.ID, "vraag-pupil_elsewhere").is_displayed()
                names_fixed_by_the_suggestion(browser)
            if step == "view":
                kept_with_a_reason(browser, server)
            shot(browser, shots, f"{number:02d}-{step}")
            next_step(browser)
        # the check: no problem left, every document previewed
        assert browser.current_url.endswith("/controle")
        assert not browser.find_elements(By.CSS_SELECTOR, ".problems, .todo-list")
        assert "OBS De Vlinderboom" in browser.find_element(By.ID,
                                                           "doc-communicatiestatement").text
        shot(browser, shots, "09-controle")
        browser.find_element(By.ID, "make-all").click()
        wait(browser, 60).until(ec.url_contains("/klaar"))
        shot(browser, shots, "10-klaar")
        names = sorted(server.case.written)
        assert "communicatiestatement.docx" in names
        browser.find_element(By.CSS_SELECTOR, "a[href='/download/communicatiestatement.docx']"
                             ).click()
        zip_name = server.case.zip_name()
        assert zip_name.startswith("documenten-obs-de-vlinderboom-")
        browser.find_element(By.ID, "zip").click()
        downloaded(browser.downloads, ["communicatiestatement.docx", zip_name])
        copy = browser.find_elements(By.CSS_SELECTOR, "button.copy")
        assert copy and copy[0].text == "Kopiëren"  # the plain texts, each with a copy button
        # the letter to paste into Parro, with how (the terminal's words), apart from the rest
        send = browser.find_element(By.ID, "send")
        assert "Plak brief-ouders-klas.txt in een nieuw bericht in Parro." in send.text
        assert "OBS De Vlinderboom" in browser.find_element(
            By.ID, "plain-send-1").get_attribute("value")
        assert "boodschap-leerlingen.txt" in browser.find_element(By.ID, "other-texts").text
        copy[0].click()
        wait(browser).until(lambda d: d.find_element(By.CSS_SELECTOR, "button.copy").text
                            == "Gekopieerd")
    finally:
        server.close()
    answers = folder / "antwoorden.yaml"
    saved_text = answers.read_text(encoding="utf-8")
    assert NAMES[0] not in saved_text and NAMES[1] not in saved_text
    assert "schoollogo.png" in saved_text and (folder / "schoollogo.png").is_file()
    # what was downloaded is what commgen generate makes from the answers file the page saved
    cli = tmp_path / "cli"
    code, _out, err = run_cli(capsys, "generate", str(answers), "--out", str(cli))
    assert code == 0, err
    made = sorted(p.name for p in cli.iterdir() if p.suffix in (".docx", ".txt"))
    bundle = zipfile.ZipFile(browser.downloads / zip_name)
    assert sorted(bundle.namelist()) == made == names
    for name in made:
        ours = bundle.read(name)
        theirs = (cli / name).read_bytes()
        if name.endswith(".docx"):
            assert docx_text(ours) == docx_text(theirs), name
        else:
            assert ours.decode("utf-8") == theirs.decode("utf-8"), name
    assert docx_text((browser.downloads / "communicatiestatement.docx").read_bytes()) == \
        docx_text((cli / "communicatiestatement.docx").read_bytes())


def names_fixed_by_the_suggestion(browser: Any) -> None:
    """The pupils' names typed in password fields; one of them in a free-text answer is marked
    (as the mask) before the next step, and the suggestion fixes it with one click."""
    fields = browser.find_elements(By.CSS_SELECTOR, "#vraag-involved_pupils input[type=password]")
    fields[0].send_keys(NAMES[0])
    fields[1].send_keys(NAMES[1])
    browser.find_element(By.CSS_SELECTOR, "#vraag-involved_pupils .save-names").click()
    wait(browser).until(lambda d: all(f.get_attribute("value") == "" for f in fields))
    saved(browser)
    area = browser.find_element(By.ID, "a-situation_extra")
    area.send_keys(f"Leerlingen hebben het zelf gemeld. {NAMES[0]} krijgt steun van de school.")
    mark = wait(browser).until(ec.visibility_of_element_located(
        (By.CSS_SELECTOR, "#marks-situation_extra mark")))
    assert mark.text == "•••"
    browser.find_element(By.CSS_SELECTOR, "#marks-situation_extra button.suggestion").click()
    wait(browser).until(lambda d: not d.find_elements(By.CSS_SELECTOR,
                                                      "#marks-situation_extra mark"))
    saved(browser)
    assert NAMES[0] not in area.get_attribute("value")
    assert NAMES[0] not in browser.page_source and NAMES[1] not in browser.page_source


def kept_with_a_reason(browser: Any, server: Running) -> None:
    """A finding that may be kept, kept with a reason."""
    browser.find_element(By.ID, "a-view_extra").send_keys(
        "Het beeld ging rond in groep 7b en daarna niet verder.")
    reason = wait(browser).until(ec.visibility_of_element_located((By.ID, "reason-view_extra")))
    reason.send_keys("De ouders van groep 7b weten het al.")
    browser.find_element(By.CSS_SELECTOR, "#vraag-view_extra button.keep").click()
    wait(browser).until(lambda d: server.case.draft.accepted.get("view_extra"))
    saved(browser)


def test_a_question_shown_again_shows_what_is_saved_and_a_pasted_list_fills_the_names(
        browser: Any, catalog: Any, tmp_path: Path) -> None:
    server = Running(catalog, tmp_path / "leeg", None)
    try:
        browser.get(server.access.start_url())
        browser.get(browser.current_url.replace("/stap/school", "/stap/situation"))
        give(browser, "pupil_visible", "yes")
        give(browser, "origin", "secret")
        give(browser, "pupil_visible", "no")  # origin no longer applies: its answer goes
        assert "origin" not in server.case.draft.answered
        give(browser, "pupil_visible", "yes")  # back again: the page shows what is saved
        assert browser.find_element(By.ID, "vraag-origin").is_displayed()
        assert browser.find_elements(By.CSS_SELECTOR, "#vraag-origin input:checked") == []
        # a list of names pasted (from Word, one per line) into one field: one field each
        first = browser.find_element(By.ID, "a-involved_pupils-1")
        browser.execute_script(
            "const t = new DataTransfer(); t.setData('text/plain', arguments[1]);"
            "arguments[0].dispatchEvent(new ClipboardEvent('paste', {clipboardData: t, "
            "bubbles: true, cancelable: true}));", first,
            "Lotte Jansen\r\nSem de Boer\nNoah Mulder; Mila Koster")
        values = browser.execute_script(
            "return [...document.querySelectorAll('#vraag-involved_pupils "
            "input[type=password]')].map(i => i.value)")
        assert values == ["Lotte Jansen", "Sem de Boer", "Noah Mulder", "Mila Koster"]
        browser.find_element(By.CSS_SELECTOR, "#vraag-involved_pupils .save-names").click()
        wait(browser).until(lambda d: (server.case.draft.answered.get("involved_pupils")
                                       or NoNames).count == 4)
        wait(browser).until(lambda d: "4 namen" in d.find_element(By.ID,
                                                                  "given-involved_pupils").text)
    finally:
        server.close()


class NoNames:
    count = 0


# -- the third trial (web9) -------------------------------------------------------------------
def test_a_second_browser_gets_in_with_the_printed_link(browser: Any, catalog: Any,
                                                        tmp_path: Path) -> None:
    """Finding 7: the browser commgen opened, then a new browser profile with the link the
    terminal printed: in, at the case, without a restart; the page says how to get back."""
    server, _answers = case_server(catalog, tmp_path, drop=("situation_extra",))
    other = chromium(tmp_path)  # a profile of its own: no cookie of the first
    try:
        browser.get(server.access.browser_url())
        wait(browser).until(ec.url_contains("/stap/situation"))
        other.get(server.access.browser_url())  # the one-use link again: the way in is said
        assert "zolang commgen web draait" in other.find_element(By.TAG_NAME, "main").text
        other.get(server.access.start_url())
        wait(other).until(ec.url_contains("/stap/situation"))
        assert "zolang commgen web draait" in other.find_element(By.ID, "way-back").text
    finally:
        other.quit()
        server.close()


def test_the_page_follows_the_answers_as_they_change(browser: Any, catalog: Any,
                                                     tmp_path: Path) -> None:
    """Finding 10: the team text's "Komt in:" follows the audiences chosen on the same page;
    finding 8: a rewritten answer loses the findings of its old text at once."""
    server, _answers = case_server(catalog, tmp_path, drop=("audiences", "teachers_extra"))
    try:
        browser.get(server.access.start_url())
        browser.get(browser.current_url.split("/stap")[0] + "/stap/annex")
        give(browser, "audiences", ["parents_class", "staff"])
        wait(browser).until(lambda d: "Handreiking voor het team" in d.find_element(
            By.ID, "appears-teachers_extra").text)
        assert "geen document" not in browser.find_element(By.ID, "appears-teachers_extra").text
        # an answer the documents' check found something in, rewritten in the page
        server.case.in_documents["not_said_extra"] = [("Communicatiestatement", "fout",
                                                       "herhaling", "oude zin", "twee keer")]
        server.case._checked["not_said_extra"] = server.case._answer_now("not_said_extra")
        browser.refresh()
        assert browser.find_element(By.ID, "documents-not_said_extra").is_displayed()
        browser.find_element(By.ID, "a-not_said_extra").send_keys(" Geen details.")
        wait(browser).until(lambda d: not d.find_elements(By.ID, "documents-not_said_extra"))
    finally:
        server.close()


def test_next_says_at_once_that_it_is_on_its_way(browser: Any, catalog: Any,
                                                 tmp_path: Path) -> None:
    """Finding 15: the first click on "Volgende stap" shows at once that it is working (the
    step's answers are saved and checked first), and it goes on."""
    server, _answers = case_server(catalog, tmp_path, drop=(
        "contact_phone", "spokesperson_phone"))
    try:
        browser.get(server.access.start_url())
        browser.get(browser.current_url.split("/stap")[0] + "/stap/contact")
        browser.find_element(By.ID, "a-contact_phone").send_keys("038 760 12 34")
        browser.find_element(By.ID, "a-spokesperson_phone").send_keys("038 760 12 30")
        browser.find_element(By.ID, "next").click()
        busy = browser.execute_script(
            "const b = document.getElementById('next'), g = document.getElementById('going');"
            "return b ? [b.getAttribute('aria-busy'), document.getElementById('status')"
            ".textContent, g.hidden ? '' : g.textContent] : null")
        assert busy is None or (busy[0] == "true" and "daarna verder" in busy[1]
                                and "daarna verder" in busy[2]), busy
        wait(browser).until(ec.url_contains("/stap/annex"))
        assert server.case.draft.answered["spokesperson_phone"]
    finally:
        server.close()


def test_the_page_warns_before_an_idle_stop_and_says_the_answers_are_saved(
        browser: Any, catalog: Any, tmp_path: Path) -> None:
    server, _answers = case_server(catalog, tmp_path)
    try:
        browser.get(server.access.start_url())
        warning = browser.find_element(By.ID, "idle")
        assert not warning.is_displayed()
        server.access.last_seen -= server.access.idle_seconds - 200  # 200 s left
        browser.execute_script("window.commgenPulse(false)")
        wait(browser).until(lambda d: d.find_element(By.ID, "idle").is_displayed())
        text = warning.text
        assert "stopt over 4 minuten" in text and "Uw antwoorden zijn bewaard" in text, text
        browser.find_element(By.ID, "idle-stay").click()
        wait(browser).until(lambda d: not d.find_element(By.ID, "idle").is_displayed())
        assert server.access.remaining() > server.access.idle_seconds - 30
    finally:
        server.close()
