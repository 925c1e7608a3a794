"""The translation gate: refreshes the Dutch catalogue from the source and fails while any
string is untranslated or fuzzy, listing them so a developer can translate them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

IGNORED = [".venv", "node_modules", ".cache", "var", "tests", "bench", "docs"]


class Command(BaseCommand):
    help = "Fail when a Dutch translation is missing or fuzzy."

    def handle(self, *args: Any, **options: Any) -> None:
        import polib  # a development dependency, like the gate itself

        catalogue = Path(settings.BASE_DIR) / "samenspel/locale/nl/LC_MESSAGES/django.po"
        call_command(
            "makemessages",
            locale=["nl"],
            ignore_patterns=IGNORED,
            no_obsolete=True,
            add_location="file",
            verbosity=0,
        )
        po = polib.pofile(str(catalogue))
        missing = [entry for entry in po if not entry.translated() and not entry.obsolete]
        if missing:
            lines = "\n".join(
                f"  {'fuzzy' if entry.fuzzy else 'missing'}: {entry.msgid!r}" for entry in missing
            )
            raise CommandError(
                f"{len(missing)} Dutch translations are missing or fuzzy in {catalogue}:\n{lines}"
            )
        self.stdout.write(f"Dutch translations complete: {len(po)} strings.")
