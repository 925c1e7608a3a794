"""A headless client takes part through the API and the socket alone, against the real ASGI
app under uvicorn: it joins, opens its socket with the pass `/me/live` gives, hears the
facilitator open a round, and when it posts a note the other members of its group hear it
while a member of another group does not."""

import json
import urllib.error
import urllib.request

import pytest
from websockets.sync.client import connect

from samenspel.accounts.services import create_api_token, create_staff_user

OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class Client:
    """One program talking to the API with one token."""

    def __init__(self, server, token=None):
        self.server, self.token = server, token

    def call(self, method, path, body=None, status=200):
        headers = {"Content-Type": "application/json"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        request = urllib.request.Request(  # noqa: S310 - always the test server's http URL
            f"{self.server.url}/api/v1{path}", method=method, headers=headers,
            data=json.dumps(body).encode() if body is not None else None,
        )
        try:
            with OPENER.open(request, timeout=5) as response:
                answered, content = response.status, response.read()
        except urllib.error.HTTPError as error:
            answered, content = error.code, error.read()
        assert answered == status, content
        return json.loads(content) if content else None

    def join(self, code, perspective):
        joined = self.call("POST", "/join", {"code": code, "perspective": perspective},
                           status=201)
        return Client(self.server, joined["token"])

    def socket(self):
        """The live socket, opened as a program does: without a browser's Origin."""
        live = self.call("GET", "/me/live")
        return connect(live["url"], proxy=None, open_timeout=5, close_timeout=1)


def frame(socket):
    return json.loads(socket.recv(timeout=5))


def silent(socket, seconds=0.5):
    """Nothing arrives on the socket for a while (several ticks)."""
    try:
        socket.recv(timeout=seconds)
    except TimeoutError:
        return True
    return False


@pytest.fixture
def facilitator(app_server):
    user = create_staff_user("anna", "facilitator")
    _api_token, secret = create_api_token(user, "headless test")
    return Client(app_server, secret)


def test_a_headless_client_runs_its_part_with_the_api_and_the_socket(app_server, facilitator):
    workshop = facilitator.call("POST", "/workshops", {
        "title": "Samen in Baarlo", "case_description": "De speeltuin"}, status=201)
    lobby = Client(app_server)
    ria, sem = lobby.join(workshop["join_code"], "community"), lobby.join(
        workshop["join_code"], "community")
    gijs = lobby.join(workshop["join_code"], "government")

    with ria.socket() as ria_live, sem.socket() as sem_live, gijs.socket() as gijs_live:
        # A new socket first hears the version the workshop is at: nothing was missed.
        joined_version = ria.call("GET", "/me")["workshop"]["version"]
        for live in (ria_live, sem_live, gijs_live):
            assert frame(live) == {"stream": f"workshop:{workshop['id']}",
                                   "version": joined_version, "events": []}
        opened = facilitator.call("POST", f"/workshops/{workshop['id']}/rounds/1/open")
        for live in (ria_live, sem_live, gijs_live):
            heard = frame(live)
            assert heard["version"] == opened["version"]
            assert heard["events"][0]["reload"] is True
            assert "Ronde 1" in heard["events"][0]["announce"]

        me = ria.call("GET", "/me")
        assert me["workshop"]["version"] == opened["version"]
        behaviour = next(p for p in me["prompts"] if p["kind"] == "desired_behaviour")
        note = ria.call("POST", "/me/notes", {"prompt": behaviour["id"],
                                              "text": "We bouwen de speeltuin samen"},
                        status=201)

        heard = frame(sem_live)
        assert heard["version"] > opened["version"]
        added = {event["region"]: event["add"] for event in heard["events"] if "add" in event}
        assert "We bouwen de speeltuin samen" in added[f"notes-community-{behaviour['id']}"]
        # Ria hears her group too, and her own notes with the buttons to change them.
        own = {event["region"] for event in frame(ria_live)["events"]}
        assert {f"notes-community-{behaviour['id']}", f"mine-{behaviour['id']}"} <= own
        assert silent(gijs_live)

        # The version in the frame says when to re-fetch: the API has the same state.
        again = sem.call("GET", "/me")
        assert again["workshop"]["version"] == heard["version"]
        texts = [n["text"] for p in again["prompts"] for n in p["notes"]]
        assert texts == ["We bouwen de speeltuin samen"]
        assert note["id"] in {n["id"] for p in again["prompts"] for n in p["notes"]}
