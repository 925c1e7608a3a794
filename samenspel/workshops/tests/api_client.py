"""A client of the JSON API for the tests: Django's test client with one bearer token."""

import json

from samenspel.accounts.services import create_api_token

BASE = "/api/v1"


class Api:
    def __init__(self, client, token=None, language=None):
        self.client = client
        self.token = token
        self.language = language

    def request(self, method, path, body=None):
        headers = {}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if self.language:
            headers["Accept-Language"] = self.language
        data = json.dumps(body) if body is not None else None
        return self.client.generic(
            method, BASE + path, data=data or "", content_type="application/json",
            headers=headers,
        )

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, body=None):
        return self.request("POST", path, body if body is not None else {})

    def put(self, path, body=None):
        return self.request("PUT", path, body if body is not None else {})

    def patch(self, path, body):
        return self.request("PATCH", path, body)

    def delete(self, path):
        return self.request("DELETE", path)

    def join(self, workshop, perspective, name=""):
        """Join as a new participant; returns the participant's own Api."""
        answer = self.post("/join", {"code": workshop.join_code, "perspective": perspective,
                                     "display_name": name})
        assert answer.status_code == 201, answer.content
        return Api(self.client, answer.json()["token"], self.language)


def staff_api(client, user):
    _token, secret = create_api_token(user, "tests")
    return Api(client, secret)


def refused(response, status, code):
    """The response is the refusal with this status and stable code, and a message."""
    assert response.status_code == status, (response.status_code, response.content)
    body = response.json()
    assert body["code"] == code, body
    assert body["message"]
    return body


def participant_api(client, participant):
    from samenspel.workshops.api_auth import participant_token

    return Api(client, participant_token(participant))
