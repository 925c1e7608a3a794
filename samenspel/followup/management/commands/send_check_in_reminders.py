"""``manage.py send_check_in_reminders``: for cron, once a day. E-mails the contact person
of each activity whose check-in is due (CHECK_IN_DUE_DAYS), at most once per due period."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from samenspel.followup import services


class Command(BaseCommand):
    help = "E-mail the contact persons of activities whose check-in is due."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = services.send_check_in_reminders()
        self.stdout.write(f"{sent} reminder(s) sent.")
