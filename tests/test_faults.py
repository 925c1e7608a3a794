"""Faults at a conference, against real server processes on loopback:

- the server is killed (kill -9) during a burst of writes from 100 clients and started
  again: every write that got an OK is stored exactly once, the rest are stored once when
  the clients send them again with the same key, and every client, catching up through its
  socket, ends with what a fresh load shows;
- Redis restarts under two processes: the sockets are told to resync, and what was written
  meanwhile reaches them.

(A slow database is in test_busy_database.py.)"""

import http.client
import json
import random
import re
import threading
import time
import urllib.error
import urllib.request

import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from samenspel.accounts.services import create_api_token, create_staff_user
from samenspel.workshops.models import Contribution
from tests.processes import PrivateRedis, Process, server_environment

OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))
CLIENTS = 100

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


class Unreachable(Exception):
    """No answer: the server is down, or went down before answering."""


class Backoff:
    """Wait longer after each failure, with jitter, like live.js and forms.js: a room of
    phones does not come back at the same moment."""

    def __init__(self):
        self.delay = 0.1

    def wait(self):
        time.sleep(self.delay / 2 + random.random() * self.delay / 2)
        self.delay = min(self.delay * 2, 2.0)


def call(server, token, method, path, body=None):
    request = urllib.request.Request(  # noqa: S310 - always the test server's http URL
        f"{server.url}/api/v1{path}", method=method,
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
        data=json.dumps(body).encode() if body is not None else None,
    )
    try:
        with OPENER.open(request, timeout=10) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as refused:
        return refused.code, json.loads(refused.read() or b"null")
    except (OSError, urllib.error.URLError, http.client.HTTPException) as error:
        # Also an answer cut off halfway: the server was killed while it sent it.
        raise Unreachable(str(error)) from error


NOTE_IN_FRAGMENT = re.compile(r'<li class="samenspel-note" id="note-\d+">([^<]*)')


class Phone:
    """A headless participant that behaves like the phone page: it writes through the API,
    swaps the notes regions its socket brings, and re-fetches (`GET /me`) when it
    (re)connects or a new socket's first frame says it missed something."""

    def __init__(self, server, token):
        self.server, self.token = server, token
        self.version = -1
        self.regions = {}
        self.stopped = threading.Event()
        self.listener = threading.Thread(target=self.listen, daemon=True)

    @property
    def notes(self):
        return set().union(*self.regions.values())

    def catch_up(self):
        status, me = call(self.server, self.token, "GET", "/me")
        assert status == 200, me
        self.version = me["workshop"]["version"]
        perspective = me["participant"]["perspective"]
        self.regions = {f"notes-{perspective}-{p['id']}": {n["text"] for n in p["notes"]}
                        for p in me["prompts"]}

    def take(self, frame):
        if not frame["events"]:
            if frame["version"] is not None and frame["version"] > self.version:
                self.catch_up()  # the hello of a new socket: it missed something
            return
        for event in frame["events"]:
            # Judged by its own version, as live-regions.js does: the frame's is the
            # stream's highest so far, and one change's events may come in two frames.
            if event.get("version", 0) <= self.version:
                continue
            if not event.get("region", "").startswith("notes-"):
                continue
            if "add" in event:  # one note more, as live-regions.js adds it
                self.regions.setdefault(event["region"], set()).update(
                    NOTE_IN_FRAGMENT.findall(event["add"]))
            else:
                self.regions[event["region"]] = set(NOTE_IN_FRAGMENT.findall(event["html"]))

    def listen(self):
        backoff = Backoff()
        while not self.stopped.is_set():
            try:
                _status, live = call(self.server, self.token, "GET", "/me/live")
                with connect(live["url"], proxy=None, open_timeout=5) as socket:
                    self.catch_up()  # a (re)connect: whatever happened meanwhile
                    backoff = Backoff()
                    while not self.stopped.is_set():
                        try:
                            frame = json.loads(socket.recv(timeout=0.5))
                        except TimeoutError:
                            continue
                        self.take(frame)
            except (Unreachable, ConnectionClosed, OSError, TypeError):
                backoff.wait()  # the server is away: try again

    def write(self, prompt, text, key):
        """Send a note until the server answers (or the phone is put away, when a test
        failed); True if the first try already got its OK."""
        first, backoff = True, Backoff()
        while not self.stopped.is_set():
            try:
                status, answer = call(self.server, self.token, "POST", "/me/notes",
                                      {"prompt": prompt, "text": text, "idempotency_key": key})
            except Unreachable:
                first = False
                backoff.wait()
                continue
            if status == 503:  # busy while coming back up
                first = False
                backoff.wait()
                continue
            assert status == 201, answer
            return first
        return False


def a_workshop_in_round_1(server, participants):
    facilitator = create_staff_user("anna", "facilitator")
    _token, key = create_api_token(facilitator, "fault test")
    status, workshop = call(server, key, "POST", "/workshops",
                            {"title": "Storing", "case_description": "Wat als de server valt?"})
    assert status == 201, workshop
    tokens = []
    for n in range(participants):
        request = urllib.request.Request(  # noqa: S310
            f"{server.url}/api/v1/join", method="POST",
            headers={"Content-Type": "application/json"},
            data=json.dumps({"code": workshop["join_code"],
                             "perspective": ("government", "organisations", "community")[n % 3]}
                            ).encode(),
        )
        with OPENER.open(request, timeout=10) as response:
            tokens.append(json.loads(response.read())["token"])
    status, opened = call(server, key, "POST", f"/workshops/{workshop['id']}/rounds/1/open")
    assert status == 200, opened
    return tokens


def prompt_of(phone):
    _status, me = call(phone.server, phone.token, "GET", "/me")
    return next(p["id"] for p in me["prompts"] if p["kind"] == "desired_behaviour")


def fresh_view(phone):
    _status, me = call(phone.server, phone.token, "GET", "/me")
    return {n["text"] for p in me["prompts"] for n in p["notes"]}


def settle(phones, deadline_seconds=20):
    """Wait until every phone's view equals a fresh load (it catches up by itself)."""
    deadline = time.monotonic() + deadline_seconds
    pending = list(phones)
    while pending and time.monotonic() < deadline:
        pending = [phone for phone in pending if phone.notes != fresh_view(phone)]
        time.sleep(0.3)
    return pending


def test_kill_9_during_a_burst_loses_no_acknowledged_write_and_stores_none_twice():
    server = Process(server_environment())
    try:
        server.wait_until_serving()
        phones = [Phone(server, token) for token in a_workshop_in_round_1(server, CLIENTS)]
        prompt = prompt_of(phones[0])
        for phone in phones:
            phone.listener.start()
        deadline = time.monotonic() + 30
        while any(phone.version < 0 for phone in phones) and time.monotonic() < deadline:
            time.sleep(0.05)  # every phone is online before the burst

        first_try_ok = {}
        start = threading.Barrier(CLIENTS + 1)

        def burst(n, phone):
            start.wait()
            first_try_ok[n] = phone.write(prompt, f"Notitie {n}", key=f"burst-{n}")

        writers = [threading.Thread(target=burst, args=(n, phone), daemon=True)
                   for n, phone in enumerate(phones)]
        for writer in writers:
            writer.start()
        start.wait()
        # Kill it in the middle of the burst: some writes are stored, some were in flight.
        deadline = time.monotonic() + 10
        while Contribution.objects.count() < CLIENTS // 5 and time.monotonic() < deadline:
            time.sleep(0.005)
        server.kill()
        stored_before_restart = Contribution.objects.count()
        server.start()
        server.wait_until_serving()
        for writer in writers:
            writer.join(60)

        texts = list(Contribution.objects.values_list("text", flat=True))
        assert sorted(texts) == sorted(f"Notitie {n}" for n in range(CLIENTS))  # once each
        assert 0 < stored_before_restart < CLIENTS, "the kill did not hit the burst"
        assert any(first_try_ok.values()) and not all(first_try_ok.values())
        assert settle(phones) == [], "a phone did not catch up with a fresh load"
    finally:
        for phone in locals().get("phones", []):
            phone.stopped.set()
        server.stop()


def test_a_redis_restart_makes_sockets_resync_and_nothing_written_meanwhile_is_missed():
    redis = PrivateRedis()
    environment = server_environment(REDIS_URL=redis.url)
    writing, listening = Process(environment), Process(environment)
    try:
        writing.wait_until_serving()
        listening.wait_until_serving()
        tokens = a_workshop_in_round_1(writing, 6)
        writer = Phone(writing, tokens[0])
        phones = [Phone(listening, token) for token in tokens[1:]]
        prompt = prompt_of(writer)
        for phone in phones:
            phone.listener.start()
        writer.write(prompt, "Voor de storing", key="before")
        assert settle(phones) == []

        redis.kill()
        writer.write(prompt, "Tijdens de storing", key="during")  # stored; not published
        redis.start()
        writer.write(prompt, "Na de storing", key="after")

        assert settle(phones) == [], "a phone on the other process did not resync"
        for phone in phones:
            seen = phone.notes
            group = ("government", "organisations", "community")[tokens.index(phone.token) % 3]
            if group == "government":  # the writer's group
                assert {"Voor de storing", "Tijdens de storing", "Na de storing"} <= seen
    finally:
        for phone in locals().get("phones", []):
            phone.stopped.set()
        writing.stop()
        listening.stop()
        redis.stop()
