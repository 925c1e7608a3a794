"""The outcome's files in the browser: whoever has the outcome link chooses a language and
downloads the report with the keyboard alone; the facilitator downloads the complete
workshop from the console while it runs, and imports it again on the import page. Every
page is checked with axe."""

import shutil
import subprocess

from playwright.sync_api import expect

from samenspel.accounts.services import create_staff_user
from samenspel.workshops.demo import setup_demo
from samenspel.workshops.models import Workshop
from tests.browser.harness import axe_check, save_screenshot, visit
from tests.browser.test_public_pages import PASSWORD, log_in


def pdf_text(path):
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        return None
    return subprocess.run([pdftotext, str(path), "-"], capture_output=True, check=True,
                          text=True).stdout


def test_the_outcome_report_is_downloaded_in_english_with_the_keyboard(page):
    setup_demo()
    workshop = Workshop.objects.get(state=Workshop.State.CLOSED)
    visit(page, f"/uitkomst/{workshop.outcome_key}/")
    expect(page.get_by_role("heading", name="De uitkomst downloaden")).to_be_visible()
    page.get_by_label("Nederlands").focus()
    page.keyboard.press("ArrowDown")
    expect(page.get_by_label("English")).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Verslag (pdf)")).to_be_focused()
    save_screenshot(page, "outcome-downloads", full_page=False)
    # A PDF takes WeasyPrint seconds, more on a busy machine (docs/benchmarks.md).
    with page.expect_download(timeout=60_000) as started:
        page.keyboard.press("Enter")
    download = started.value
    assert download.suggested_filename.startswith("speelplek-kerkstraat-baarlo")
    assert download.suggested_filename.endswith(".pdf")
    text = pdf_text(download.path())
    if text is not None:
        assert "Contents" in text
        assert "Een klusdag in het voorjaar" in text


def test_the_facilitator_downloads_a_running_workshop_and_imports_it_again(page, page_guard,
                                                                         tmp_path):
    create_staff_user("anna", "facilitator", password=PASSWORD)
    setup_demo()
    running = Workshop.objects.get(state=Workshop.State.RUNNING)
    log_in(page, "anna", PASSWORD)
    visit(page, f"/workshops/{running.pk}/")
    expect(page.get_by_text("De workshop loopt nog.")).to_be_visible()
    with page.expect_download(timeout=30_000) as started:
        page.get_by_role("button", name="Hele workshop (json, om elders in te lezen)").click()
    saved = tmp_path / started.value.suggested_filename
    started.value.save_as(saved)

    visit(page, "/workshops/")
    page.get_by_role("link", name="Een workshop inlezen uit een bestand").click()
    axe_check(page)
    bad = tmp_path / "notes.json"
    bad.write_text('{"hello": "world"}', encoding="utf-8")
    page_guard.allow_console_error(r"status of 400 \(Bad Request\)")  # the wrong file
    page.get_by_label("Workshopbestand (json)").set_input_files(bad)
    page.get_by_role("button", name="Inlezen").click()
    axe_check(page)
    expect(page.get_by_role("alert")).to_contain_text("geen workshop van Samenspel")
    save_screenshot(page, "import-refused")

    page.get_by_label("Workshopbestand (json)").set_input_files(saved)
    page.get_by_role("button", name="Inlezen").click()
    axe_check(page)
    expect(page.get_by_text("De workshop is ingelezen.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text(running.title)
    assert Workshop.objects.filter(title=running.title).count() == 2
