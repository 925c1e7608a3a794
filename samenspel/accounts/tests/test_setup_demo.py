"""``manage.py setup_demo``: idempotent demo data and a printed way in."""

import stat
from io import StringIO

import pytest
from django.core.management import call_command

from samenspel.accounts.models import Theme, User


@pytest.fixture
def var_dir(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    return tmp_path


def setup_demo():
    out = StringIO()
    call_command("setup_demo", stdout=out)
    return out.getvalue()


def printed_passwords(output):
    passwords = {}
    for line in output.splitlines():
        words = line.split()
        if words and words[0] in {"admin", "gespreksleider"} and not words[1].startswith("("):
            passwords[words[0]] = words[1]
    return passwords


def test_setup_demo_is_idempotent_and_keeps_passwords(db, var_dir, client):
    first = setup_demo()
    second = setup_demo()

    assert "http://127.0.0.1:8000/inloggen/" in first
    assert printed_passwords(first) == printed_passwords(second)
    assert set(printed_passwords(first)) == {"admin", "gespreksleider"}
    assert User.objects.filter(username__in=["admin", "gespreksleider"]).count() == 2
    assert User.objects.get(username="admin").role == User.Role.ADMINISTRATOR
    assert User.objects.get(username="gespreksleider").role == User.Role.FACILITATOR

    passwords_file = var_dir / "demo-admin.txt"
    assert stat.S_IMODE(passwords_file.stat().st_mode) == 0o600
    for username, password in printed_passwords(first).items():
        assert client.login(username=username, password=password)


def test_setup_demo_gives_a_fresh_install_the_peel_en_maas_theme(db, var_dir):
    setup_demo()
    theme = Theme.objects.get()
    assert theme.organisation_name == "Gemeente Peel en Maas"
    assert (theme.primary_colour, theme.accent_colour) == ("#00703c", "#005ea5")


def test_setup_demo_never_overwrites_an_administrators_theme(db, var_dir):
    Theme(organisation_name="Gemeente Venlo", primary_colour="#8a1538").save()
    setup_demo()
    theme = Theme.objects.get()
    assert theme.organisation_name == "Gemeente Venlo"
    assert theme.primary_colour == "#8a1538"


def test_setup_demo_does_not_print_or_reset_a_password_someone_changed(db, var_dir, client):
    setup_demo()
    admin = User.objects.get(username="admin")
    admin.set_password("chosen by a person 2026")
    admin.save()

    output = setup_demo()

    assert "admin" not in printed_passwords(output)
    assert "changed since; not shown" in output
    assert client.login(username="admin", password="chosen by a person 2026")


def test_setup_demo_tightens_an_existing_passwords_file(db, var_dir):
    passwords_file = var_dir / "demo-admin.txt"
    passwords_file.write_text("")
    passwords_file.chmod(0o644)
    setup_demo()
    assert stat.S_IMODE(passwords_file.stat().st_mode) == 0o600
