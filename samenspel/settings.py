"""Settings, read from environment variables with safe production defaults (see .env.example)."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
import django_stubs_ext
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

# Lets the typed generics of django-stubs (ModelAdmin[Theme], ...) work at run time too.
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_flag("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it to a long random string, or set DEBUG=1 for development."
        )
    # Only for a local development run: never reached in production, where DEBUG is off.
    SECRET_KEY = "development-only-not-secret"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "samenspel.core",
    "samenspel.accounts",
    "samenspel.method",
    "samenspel.workshops",
    "samenspel.reports",
    "samenspel.compass",
    "samenspel.followup",
    "samenspel.live",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Pages, fragments, the theme and API answers, gzipped (a phone page shrinks to a
    # third); static files never get here: ServeStatic sends their stored .gz copies.
    # Django pads each compressed answer at random against BREACH, and CSRF tokens are
    # masked per response.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "samenspel.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "samenspel.core.middleware.DatabaseBusyMiddleware",
    "samenspel.workshops.middleware.CodeGuessingMiddleware",
]

ROOT_URLCONF = "samenspel.urls"
ASGI_APPLICATION = "samenspel.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "samenspel" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "samenspel.accounts.context_processors.theme",
            ],
        },
    },
]

# SQLite in WAL mode is the embedded default; DATABASE_URL switches to PostgreSQL.
VAR_DIR = Path(os.environ.get("SAMENSPEL_VAR_DIR", BASE_DIR / "var"))
STATIC_ROOT = VAR_DIR / "static"
# SQLite needs its folder, and ServeStatic looks into STATIC_ROOT on start.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'samenspel.sqlite3'}")
# A connection lives on in its request thread (core/serving.py keeps a fixed pool of them).
DATABASES = {"default": dj_database_url.parse(
    DATABASE_URL, conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")), conn_health_checks=True,
)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets the live pages read while a participant writes; IMMEDIATE avoids
        # "database is locked" when two writers upgrade their locks at once.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "method:home"
LOGOUT_REDIRECT_URL = "method:home"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Staff login lockout: this many failures for one account within the window locks it
# for the same window.
LOGIN_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_LOCKOUT_MINUTES = int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15"))
# Where to report a vulnerability (/.well-known/security.txt), e.g. mailto:cert@gemeente.nl;
# empty: security@ this site's host.
SECURITY_CONTACT = os.environ.get("SECURITY_CONTACT", "")
# Code guessing (workshops/code_guessing.py): this many codes that do not exist from one
# address within the window make it wait; generous, as a venue shares one address.
CODE_GUESS_LIMIT = int(os.environ.get("CODE_GUESS_LIMIT", "30"))
CODE_GUESS_MINUTES = int(os.environ.get("CODE_GUESS_MINUTES", "10"))
# Note flooding (workshops/services.py): at most this many notes per participant per minute.
NOTES_PER_MINUTE = int(os.environ.get("NOTES_PER_MINUTE", "20"))

# Follow-up: a check-in is due this many days after the last one (or after the activity
# was tracked); `manage.py send_check_in_reminders` then e-mails the contact person.
CHECK_IN_DUE_DAYS = int(os.environ.get("CHECK_IN_DUE_DAYS", "60"))

# E-mail (the check-in reminders): SMTP when EMAIL_HOST is set, else printed to the console.
MAILERS = {"default": {
    "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "OPTIONS": {
        "host": os.environ["EMAIL_HOST"],
        "port": int(os.environ.get("EMAIL_PORT", "587")),
        "username": os.environ.get("EMAIL_HOST_USER", ""),
        "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
        "use_tls": env_flag("EMAIL_USE_TLS", True),
    },
} if os.environ.get("EMAIL_HOST") else {
    "BACKEND": "django.core.mail.backends.console.EmailBackend",
}}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "samenspel@localhost")
# The address the reminders link to, e.g. https://samenspel.gemeente.nl (no slash at the end).
SITE_URL = os.environ.get("SITE_URL", "http://localhost:8000")

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "samenspel" / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "samenspel" / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    # css/site.css: the NL Design System components we use (from npm, package.json), our
    # tokens and our styles in one file, made from the sources (see core/stylesheets.py).
    "samenspel.core.stylesheets.SiteStylesheetFinder",
]
# `collectstatic` (make run does it) writes hashed names and their compressed copies, which
# core/serving.py serves with a year of immutable caching. Without it the plain names are served
# from the finders, so a fresh clone and the test suite need no collectstatic step.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "samenspel.core.static_files.StaticFilesStorage"},
}
# gzip copies only, as measured in docs/benchmarks.md: the brotli package is installed for
# WeasyPrint (fonts), and ServeStatic would otherwise also write and serve .br copies.
SERVESTATIC_USE_BROTLI = False

# Strict CSP: nothing inline, no eval, nothing from another host.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_flag("SAMENSPEL_BEHIND_TLS_PROXY") else None
)
if not DEBUG:
    SESSION_COOKIE_SECURE = env_flag("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = False

# How many HTTP requests Django works on at once per process; the rest wait in order
# (core/serving.py). Each one holds a thread and a database connection. Two, because the
# work is mostly Python under one GIL: more threads only contend for it (measured with
# 1, 2 and 8 in docs/benchmarks.md), while a second one overlaps a wait for the database.
HTTP_CONCURRENCY = int(os.environ.get("HTTP_CONCURRENCY", "2"))

# Live updates: the in-process bus by default; Redis pub/sub (one channel per workshop)
# when REDIS_URL is set, so several processes serve the same workshops.
REDIS_URL = os.environ.get("REDIS_URL", "")
# Two installations on one Redis database need different names here (live/bus.py).
LIVE_REDIS_PREFIX = os.environ.get("LIVE_REDIS_PREFIX", "samenspel")
LIVE_TICK_MS = int(os.environ.get("LIVE_TICK_MS", "100"))
# How often at most one region of a workshop is rendered again for the screens: the first
# change at once, what follows within this time together (live/throttle.py).
LIVE_RENDER_INTERVAL_MS = int(os.environ.get("LIVE_RENDER_INTERVAL_MS", "100"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # WeasyPrint and fontTools log each step of every PDF at INFO.
    "loggers": {name: {"level": "WARNING"} for name in ("weasyprint", "fontTools")},
}
