"""Where static files live once collected: hashed names and gzip copies, cached for a year."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # ServeStatic ships no type information; its storage is Django's manifest storage plus
    # compression, so mypy checks this class against that.
    from django.contrib.staticfiles.storage import (
        ManifestStaticFilesStorage as CompressedManifestStaticFilesStorage,
    )
else:
    from servestatic.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """ServeStatic's compressed manifest storage (``collectstatic`` writes ``app.1a2b3c.css``
    and ``app.1a2b3c.css.gz``), with one difference: a name missing from the manifest
    gets its plain URL instead of an error.

    That plain URL is still served (ServeStatic serves the finders too, cached for a minute
    instead of a year), so a file left out of ``collectstatic``, or a checkout that never
    ran it (the test suite, a ``manage.py`` command), gets a page that works, not a 500.
    """

    def stored_name(self, name: str) -> str:
        try:
            return super().stored_name(name)
        except ValueError:
            return name
