"""The participant's phone page, cold, as production serves it: at most 60 KB in at most 10
requests, every static file with a hashed name, compressed and cached for a year.

Production here is the app as `make run` starts it: its own uvicorn process on production
settings, after `collectstatic` into a fresh folder (the rest of the suite serves the plain
files from the sources). Time is measured by bench/pages.py, never here."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from bench.pages import BUDGET_BYTES, BUDGET_REQUESTS, participant_in_round_one
from tests.processes import Process, database_url

ROOT = Path(__file__).resolve().parents[2]
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def production_app(django_db_serialized_rollback, transactional_db, tmp_path):
    """The app in its own process, sharing the test database (serialized rollback puts back
    what the migrations stored, as for the in-process server in tests/conftest.py)."""
    from django.db import connection

    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "samenspel.settings",
        "SAMENSPEL_VAR_DIR": str(tmp_path),
        "DATABASE_URL": database_url(connection.settings_dict),
        "SECRET_KEY": settings.SECRET_KEY,
        "SECURE_COOKIES": "0",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT, env=environment, check=True,
    )
    server = Process(environment)
    try:
        server.wait_until_serving()
        yield f"http://{server.host}"
    finally:
        server.stop()


def test_cold_participant_page_stays_within_60_kb_and_10_requests(browser, production_app):
    made = participant_in_round_one()
    path, cookie = f"/w/{made['code']}/", {"name": made["cookie"], "value": made["value"]}
    context = browser.new_context(viewport=PHONE, locale="nl-NL")
    context.add_cookies([{**cookie, "url": production_app + path}])
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    responses, sizes = {}, {}
    cdp.on("Network.responseReceived", lambda event: responses.update(
        {event["requestId"]: event["response"]}))
    cdp.on("Network.loadingFinished", lambda event: sizes.update(
        {event["requestId"]: event["encodedDataLength"]}))
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})

    page.goto(production_app + path, wait_until="load")
    page.get_by_label("Jouw notitie").first.wait_for()
    page.wait_for_timeout(500)  # what the page fetches after its load event counts too
    context.close()

    listing = "\n".join(
        f"  {sizes.get(key, 0):>7} B  {response['url']}" for key, response in responses.items()
    )
    assert sum(sizes.values()) <= BUDGET_BYTES, f"{sum(sizes.values())} bytes:\n{listing}"
    assert len(responses) <= BUDGET_REQUESTS, f"{len(responses)} requests:\n{listing}"
    static = [response for response in responses.values() if "/static/" in response["url"]]
    assert static, listing
    for response in static:
        headers = {name.lower(): value for name, value in response["headers"].items()}
        assert "immutable" in headers["cache-control"], response["url"]
        if response["url"].endswith((".css", ".js")):
            assert headers.get("content-encoding") == "gzip", response["url"]
