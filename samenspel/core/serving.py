"""How Django is served inside the one ASGI application: static files straight from the
event loop, and every other request through Django's synchronous handler in a fixed pool
of HTTP_CONCURRENCY threads, one hop from the loop and back.

Why not Django's own ASGI handler: our views are synchronous, and ServeStatic's middleware
only runs asynchronously, so each request crossed between the event loop and a new thread
about six times (the async middleware, the sync ones, the view), opened a new database
connection in its new thread, and started a thread for every waiting request. Measured on
the 2-core machine (`python -m bench.request_cost`): 7.7 ms of server CPU for a plain API
GET and 21 ms for a note that way, against 3.4 ms and 13 ms here (docs/benchmarks.md). The
pool bounds the threads and database connections, and a connection lives on in its thread
(CONN_MAX_AGE) instead of being opened for each request.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from a2wsgi import WSGIMiddleware
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.wsgi import get_wsgi_application
from servestatic.asgi import ServeStaticASGI  # type: ignore[import-untyped]


def django_application() -> ServeStaticASGI:
    """Django, with its static files, as an ASGI application."""
    django = WSGIMiddleware(
        get_wsgi_application(),  # type: ignore[arg-type]  # a2wsgi's WSGI type is narrower
        workers=settings.HTTP_CONCURRENCY,
    )
    return static_files(django)


def static_files(application: Any) -> ServeStaticASGI:
    """Files under STATIC_URL: the collected ones (hashed names cached for a year, their gzip
    copies to whoever accepts them) and, for a checkout that never ran collectstatic (the
    test suite, development), the plain names the finders know, cached for a minute."""
    prefix = settings.STATIC_URL
    hashed = set(getattr(staticfiles_storage, "hashed_files", {}).values())

    def is_hashed(_path: str, url: str) -> bool:
        return url.startswith(prefix) and url[len(prefix):] in hashed

    static = ServeStaticASGI(
        application,
        autorefresh=settings.DEBUG,
        max_age=0 if settings.DEBUG else 60,
        immutable_file_test=is_hashed,
    )
    for directory, below in finder_directories():
        static.add_files(directory, prefix=prefix + below)
    if Path(settings.STATIC_ROOT).is_dir():
        static.add_files(settings.STATIC_ROOT, prefix=prefix)  # the collected copies win
    return static


def finder_directories() -> list[tuple[str, str]]:
    """Each folder the static files finders take files from, with its URL prefix. Listing
    them also makes what a finder builds (css/site.css, core/stylesheets.py), so a source
    changed later needs a restart to be served."""
    folders: list[tuple[str, str]] = []
    for finder in finders.get_finders():
        for _path, storage in finder.list([]):
            prefix = getattr(storage, "prefix", None)
            folder = (storage.location, f"{prefix}/" if prefix else "")
            if folder not in folders:
                folders.append(folder)
    return folders
