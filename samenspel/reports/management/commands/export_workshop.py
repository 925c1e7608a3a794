"""``manage.py export_workshop CODE --format pdf``: a workshop's outcome as a file, by its join
code, for a script or a cron job (a nightly backup: ``--format json``)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from samenspel.reports.exports import FORMAT_KEYS, export_workshop
from samenspel.reports.report import LANGUAGES
from samenspel.workshops.join_codes import normalise_join_code
from samenspel.workshops.models import Workshop
from samenspel.workshops.services import WorkshopError


class Command(BaseCommand):
    help = "Write a workshop's outcome (or, with --format json, the complete workshop) to a file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("code", help="The workshop's join code, e.g. KMT4XH")
        parser.add_argument("--format", choices=FORMAT_KEYS, default="pdf")
        parser.add_argument("--language", choices=LANGUAGES, default="nl")
        parser.add_argument(
            "--output", "-o",
            help="The file to write; '-' for standard output. Default: a name made from the "
                 "workshop's title and date, in the current folder.",
        )
        parser.add_argument("--outcome-url", default="",
                            help="The outcome page's address, for the poster's QR code")

    def handle(self, *args: Any, **options: Any) -> None:
        code = normalise_join_code(options["code"])
        workshop = Workshop.objects.filter(join_code=code).first() if code else None
        if workshop is None:
            raise CommandError(f"There is no workshop with the code {options['code']!r}.")
        try:
            made = export_workshop(workshop, options["format"], options["language"],
                                   staff=True, outcome_url=options["outcome_url"])
        except WorkshopError as error:
            raise CommandError(error.message) from error
        if options["output"] == "-":
            sys.stdout.buffer.write(made.content)
            return
        path = Path(options["output"] or made.filename)
        path.write_bytes(made.content)
        self.stderr.write(f"{path} ({len(made.content):,} bytes)")
