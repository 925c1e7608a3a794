"""The one ASGI application: /ws/... goes to the live hub, lifespan starts and stops it,
static files are sent from the event loop, and everything else goes to Django in its pool
of threads (core/serving.py)."""

from __future__ import annotations

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samenspel.settings")
django.setup(set_prefix=False)

# Imported after Django is set up: they read settings (tick, Redis URL, signing key, pool).
from samenspel.core.serving import django_application  # noqa: E402
from samenspel.live.endpoint import live_application  # noqa: E402

application = live_application(django_application())
