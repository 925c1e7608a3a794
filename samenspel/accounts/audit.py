"""The audit log: who of the staff did what, when. The app that does the deed calls
`record` with an action name and the numbers of what it acted on, so the log shows that
note 40 of workshop 12 was hidden, not what the note said."""

from __future__ import annotations

from collections.abc import Mapping

from samenspel.accounts.models import AuditEntry, User


def record(user: object, action: str, /, **target: object) -> None:
    """One entry for a staff member's deed; `target` as object=number pairs (workshop=12),
    which may include a form's own "action" field."""
    if not isinstance(user, User):
        return
    AuditEntry.objects.create(
        user=user, username=user.get_username(), action=action[:80],
        target=described(target)[:200],
    )


def described(target: Mapping[str, object]) -> str:
    return ", ".join(f"{name} {value}" for name, value in target.items())
