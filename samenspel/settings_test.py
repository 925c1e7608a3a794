"""Settings for the test suite: the production settings with a test key and plain-HTTP cookies."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-for-the-suite")
os.environ.setdefault("SECURE_COOKIES", "0")
os.environ.setdefault("SECURE_HSTS_SECONDS", "0")
# Rendered at once in the request's own thread, so a test hears an update on commit; the
# browser tests and the process tests turn the throttle on as in production.
os.environ.setdefault("LIVE_RENDER_INTERVAL_MS", "0")
# Redis keeps the workshops' versions for two days, and workshop ids start again at 1 in a
# fresh test database: each run gets Redis names of its own (inherited by the servers the
# suite starts), so an earlier run's workshop 1 is not this run's.
os.environ.setdefault("LIVE_REDIS_PREFIX", f"samenspel-test-{os.getpid()}")

from samenspel.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast tests only

# The suite serves static files from the sources (through the finders), never what `make run`
# collected into var/static, which can be older than the sources.
STATIC_ROOT = VAR_DIR / "test-static"  # noqa: F405
STATIC_ROOT.mkdir(parents=True, exist_ok=True)

# The test database is dropped at the end of the run: no request thread may keep a
# connection to it open.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
