"""``manage.py apply_retention``: make anonymous the participants' data of every workshop
whose retention period has passed (workshops/retention.py). Meant for cron, once a day;
``--dry-run`` lists what it would do."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from samenspel.workshops import services
from samenspel.workshops.retention import due_for_anonymising


class Command(BaseCommand):
    help = "Make anonymous the participants' data of workshops whose retention period passed."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true",
                            help="List the workshops, change nothing.")

    def handle(self, *args: Any, **options: Any) -> None:
        due = due_for_anonymising(timezone.localdate())
        for workshop in due:
            if not options["dry_run"]:
                services.anonymise_participants(workshop)
            self.stdout.write(f"{'Would make' if options['dry_run'] else 'Made'} anonymous: "
                              f"workshop {workshop.pk} ({workshop.participants.count()} "
                              "participants)")
        self.stdout.write(f"{len(due)} workshop(s) past their retention period.")
