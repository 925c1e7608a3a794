"""The one ASGI application: /ws/... goes to the live hub, lifespan starts and stops it,
everything else goes to Django."""

from __future__ import annotations

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "samenspel.settings")
django_application = get_asgi_application()

# Imported after Django is set up: live reads settings (tick, Redis URL, signing key).
from django.conf import settings  # noqa: E402

from samenspel.core.concurrency import BoundedRequests  # noqa: E402
from samenspel.live.endpoint import live_application  # noqa: E402

application = live_application(BoundedRequests(django_application, settings.HTTP_CONCURRENCY))
