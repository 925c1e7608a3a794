"""Demo data for a local run: the Peel en Maas theme and two staff accounts.

``manage.py setup_demo`` calls ``setup_demo()`` of every installed app that has a ``demo``
module, in INSTALLED_APPS order, and prints the lines they return.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from django.conf import settings

from samenspel.accounts import services
from samenspel.accounts.models import User

DEMO_ACCOUNTS = (
    ("admin", User.Role.ADMINISTRATOR),
    ("gespreksleider", User.Role.FACILITATOR),
)

PEEL_EN_MAAS = {
    "organisation_name": "Gemeente Peel en Maas",
    "primary_colour": "#00703c",  # green, 6.2:1 with white text
    "primary_text_colour": "#ffffff",
    "accent_colour": "#005ea5",  # blue, 6.7:1 on white
}


def setup_demo() -> list[str]:
    services.set_theme_if_default(**PEEL_EN_MAAS)
    passwords_file = Path(settings.VAR_DIR) / "demo-admin.txt"
    passwords = read_passwords(passwords_file)
    lines = []
    for username, role in DEMO_ACCOUNTS:
        password = ensure_demo_user(username, role, passwords)
        shown = password if password is not None else "(changed since; not shown)"
        lines.append(f"  {username:<15} {shown:<24} {role.label}")
    write_passwords(passwords_file, passwords)
    lines.append(f"  (the passwords are kept in {passwords_file})")
    return lines


def ensure_demo_user(username: str, role: User.Role, passwords: dict[str, str]) -> str | None:
    """Create the account with a random password the first time (recorded in ``passwords``).

    Afterwards it returns the recorded password while it still works, or None once someone
    has changed it: a password chosen by a person is never overwritten.
    """
    user = User.objects.filter(username=username).first()
    if user is None:
        password = passwords.get(username) or secrets.token_urlsafe(12)
        services.create_staff_user(username, role, password)
        passwords[username] = password
        return password
    recorded = passwords.get(username)
    if recorded is not None and user.check_password(recorded):
        return recorded
    return None


def read_passwords(path: Path) -> dict[str, str]:
    """``username password`` per line; a missing file is an empty one."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    passwords = {}
    for line in text.splitlines():
        username, _, password = line.strip().partition(" ")
        if username and password:
            passwords[username] = password.strip()
    return passwords


def write_passwords(path: Path, passwords: dict[str, str]) -> None:
    """Only the owner may read the file (mode 0600), also when it already existed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    content = "".join(f"{username} {password}\n" for username, password in passwords.items())
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(descriptor, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(content)
