from unittest import mock

from django.core import signing

from samenspel.live.subscriptions import (
    MAX_AGE,
    SALT,
    Subscription,
    read_subscription,
    sign_subscription,
)


def test_signed_subscription_reads_back():
    token = sign_subscription("workshop:42", ["group:government", "console"])

    assert read_subscription(token) == Subscription(
        "workshop:42", frozenset({"group:government", "console"})
    )


def test_tampered_token_is_refused():
    token = sign_subscription("workshop:42", ["group:government"])
    other = sign_subscription("workshop:42", ["console"])
    # The console's payload with the government's signature.
    assert read_subscription(other.split(":", 1)[0] + ":" + token.split(":", 1)[1]) is None
    assert read_subscription(token[:-1] + ("A" if token[-1] != "A" else "B")) is None


def test_expired_token_is_refused():
    issued = 1_800_000_000
    with mock.patch("django.core.signing.time.time", return_value=issued):
        token = sign_subscription("workshop:42", ["console"])
    later = issued + MAX_AGE.total_seconds() + 1
    with mock.patch("django.core.signing.time.time", return_value=later):
        assert read_subscription(token) is None


def test_value_signed_for_another_purpose_is_refused():
    token = signing.dumps({"s": "workshop:42", "a": ["console"]})  # default salt

    assert read_subscription(token) is None


def test_malformed_tokens_are_refused():
    assert read_subscription("") is None
    assert read_subscription("not-a-token") is None
    assert read_subscription(signing.dumps(["workshop:42"], salt=SALT)) is None
    assert read_subscription(signing.dumps({"s": "", "a": []}, salt=SALT)) is None
    assert read_subscription(signing.dumps({"s": "w", "a": [1]}, salt=SALT)) is None
