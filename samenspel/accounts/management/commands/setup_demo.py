"""``manage.py setup_demo``: make sure the demo data exists, and print how to log in.

Safe to run on every start: each app's ``demo.setup_demo()`` only adds what is missing and
never overwrites what a person changed. An app joins in by having a ``demo`` module with a
``setup_demo() -> list[str]`` function; its lines are printed below the login details.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.urls import reverse
from django.utils.module_loading import module_has_submodule

DemoStep = Callable[[], list[str]]


def demo_steps() -> list[tuple[str, DemoStep]]:
    """Each installed app's ``demo.setup_demo``, in INSTALLED_APPS order (lower layers first)."""
    steps = []
    for app_config in apps.get_app_configs():
        if module_has_submodule(app_config.module, "demo"):
            module = import_module(f"{app_config.name}.demo")
            steps.append((app_config.label, module.setup_demo))
    return steps


class Command(BaseCommand):
    help = "Create the demo theme, accounts and data if missing, and print how to log in."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--base-url",
            default="http://127.0.0.1:8000",
            help="Where the app runs, for the printed links (default: %(default)s).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        lines: list[str] = []
        for _label, step in demo_steps():
            with transaction.atomic():
                lines.extend(step())
        base_url = str(options["base_url"]).rstrip("/")
        block = [
            "",
            "Samenspel demo",
            f"  Log in at {base_url}{reverse('accounts:login')}",
            *lines,
            "",
        ]
        self.stdout.write("\n".join(block))
