"""Masthead's one settings module. Every setting that differs between machines comes from the
environment; the defaults are safe for production and a fresh checkout runs with
``MASTHEAD_ENV=development`` (or ``demo``) and nothing else.

Environment variables:

MASTHEAD_ENV            production (default) | development | demo | test
MASTHEAD_SECRET_KEY     required in production
MASTHEAD_DEBUG          true/false; default true only in development
MASTHEAD_ALLOWED_HOSTS  comma-separated host names; required in production
MASTHEAD_CSRF_TRUSTED_ORIGINS  comma-separated origins (https://news.example)
MASTHEAD_HTTPS          true/false; secure cookies, HSTS, HTTPS redirect (default: on in production)
MASTHEAD_BEHIND_PROXY   true when a proxy sets X-Forwarded-Proto
MASTHEAD_DATA_DIR       where the SQLite database, media and keys live (default: ./var)
MASTHEAD_STATIC_ROOT    where collectstatic writes static files (default: static in the data dir)
MASTHEAD_MEDIA_ROOT     where uploaded media live (default: media in the data dir)
MASTHEAD_MEDIA_URL      URL prefix of uploaded media (default /media/)
MASTHEAD_SERVE_MEDIA    serve uploaded media from Django (default: on outside production)
DATABASE_URL            e.g. postgres://user@host:5432/masthead (default: SQLite in the data dir)
REDIS_URL / CACHE_URL   a redis:// URL for the shared cache (default: files in the data dir,
                        shared by every process of the server)
MASTHEAD_PAGE_CACHE     on (default) | off: the page cache for anonymous readers (docs/caching.md)
MASTHEAD_PAGE_CACHE_TIMEOUT  longest a page stays in the page cache, seconds (default 3600)
MASTHEAD_PAGE_CACHE_ENTRIES  pages the file page cache keeps before culling (default 5000)
MASTHEAD_STORY_PARTS    on (default) | off: keep the parts of story pages every reader sees alike
MASTHEAD_FRONT_CACHE_SECONDS  how long the nginx front keeps a page before revalidating (default 2)
MASTHEAD_CACHE_MAX_AGE  Cache-Control max-age of reader pages for browsers (default 60)
MASTHEAD_CACHE_S_MAXAGE  s-maxage for a CDN or proxy that is purged or revalidates (default 600)
MASTHEAD_CACHE_STALE_WHILE_REVALIDATE  seconds a CDN may serve a stale page while it refreshes
                        it (default 30)
MASTHEAD_PREVIEW_HOURS  how long a story's signed preview link works (default 72)
MASTHEAD_PHOTO_MAX_MB, MASTHEAD_PHOTO_MAX_MEGAPIXELS  photo upload limits (default 20 and 60)
MASTHEAD_COMMENTS_MODERATION  all | first-time | none: overrides the publication's choice
MASTHEAD_COMMENTS_RATE_LIMIT  comments one IP address may send per 10 minutes (default 5)
MASTHEAD_COMMENTS_ATTEMPT_LIMIT  posts of the comment form, valid or not, per 10 minutes (30)
MASTHEAD_AKISMET_KEY    an Akismet API key: also ask Akismet about every comment
MASTHEAD_IMPORT_ALLOW_PRIVATE_HOSTS  let importers fetch from private/loopback addresses
MASTHEAD_IMPORT_UPLOAD_MAX_MB  largest file the wire desk accepts for import (default 50)
MASTHEAD_IMPORT_IN_BACKGROUND  run a confirmed wire desk import in a thread (default: on)
MASTHEAD_LOGIN_FAILURE_LIMIT, MASTHEAD_LOGIN_COOLOFF_MINUTES  login lockout (default 10, 30)
MASTHEAD_REQUIRE_2FA    admit to the newsroom only staff signed in with a two-step code (off)
MASTHEAD_EMAIL_BACKEND, _HOST, _PORT, _USER, _PASSWORD, _TLS, _FROM  password-reset mail
MASTHEAD_WORKER_SLEEP   seconds `masthead worker` waits when nothing is due (default 5)
MASTHEAD_WORKER_RETRY_SECONDS, MASTHEAD_WORKER_RETRY_MAX_SECONDS  a failed periodic job is
                        retried after 60 s, then 120, 240 ... at most 3600 (and never later than
                        its own interval); see docs/worker.md
MASTHEAD_SPAM_KEEP_DAYS  the worker deletes spam comments older than this (default 30)
MASTHEAD_TASK_RESULTS_KEEP_DAYS  finished one-off task results kept in the admin (default 7)
MASTHEAD_BACKUP_DIR     where backups are written (default: backups in the data dir)
MASTHEAD_BACKUP_KEEP    scheduled backups kept (default 7)
MASTHEAD_BACKUP_EVERY_HOURS  how often the worker writes a scheduled backup (default 24)
MASTHEAD_SECRET_KEY_FILE  read the secret key from this file instead (not both)
MASTHEAD_LOG_FORMAT     plain (default) | json: one JSON object per log line
MASTHEAD_ACCESS_LOG     one line per request (default: on outside production, on with json)
MASTHEAD_READYZ_REQUIRE_WORKER  /readyz fails when the worker's heartbeat is stale (production: on)
MASTHEAD_WORKER_HEARTBEAT_MAX_AGE  seconds after which the heartbeat is stale (default 120)
DATABASE_REPLICA_URL    a read replica: anonymous readers' page reads go there
MASTHEAD_S3_BUCKET      keep media in this S3 bucket (django-storages); with _ENDPOINT_URL,
                        _REGION, _ACCESS_KEY_ID, _SECRET_ACCESS_KEY, _CUSTOM_DOMAIN, _STATIC
MASTHEAD_STATIC_URL     URL prefix of static files (a CDN), default /static/
Read by `masthead serve` and the gunicorn config (masthead/ops/gunicorn_conf.py):
MASTHEAD_HOST, PORT, MASTHEAD_WORKERS, MASTHEAD_THREADS, MASTHEAD_KEEPALIVE, MASTHEAD_TIMEOUT,
FORWARDED_ALLOW_IPS, MASTHEAD_WORKER (off: no background worker beside the web server)
"""

from __future__ import annotations

import os
import secrets
import warnings
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from masthead.private_files import make_data_dir_private, write_private_file

BASE_DIR = Path(__file__).resolve().parent

ENVIRONMENTS = ("production", "development", "demo", "test")
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_int(name: str, default: int, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}.") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {value}.")
    return value


MASTHEAD_ENV = env_str("MASTHEAD_ENV", "production").lower()
if MASTHEAD_ENV not in ENVIRONMENTS:
    raise ImproperlyConfigured(
        f"MASTHEAD_ENV must be one of {', '.join(ENVIRONMENTS)}, not {MASTHEAD_ENV!r}."
    )
PRODUCTION = MASTHEAD_ENV == "production"

DATA_DIR = Path(env_str("MASTHEAD_DATA_DIR") or BASE_DIR.parent / "var").resolve()

DEBUG = env_bool("MASTHEAD_DEBUG", MASTHEAD_ENV == "development")


def _weak_key(key: str) -> bool:
    """Too short, too few distinct characters, or a short pattern repeated ('abcd' * 20)."""
    if len(key) < 50 or len(set(key)) < 10:
        return True
    for size in range(1, len(key) // 2 + 1):
        if len(key) % size == 0 and key[:size] * (len(key) // size) == key:
            return True
    # A pattern repeated with a stub at the end: the key is a prefix of itself shifted by size.
    return any(key[size:] == key[:-size] for size in range(1, 17))


def _secret_key_from_file(path_text: str) -> str:
    """The key kept in a file (a systemd credential, a Docker secret, a 0600 file in /etc)."""
    path = Path(path_text)
    try:
        mode = path.stat().st_mode
        key = path.read_text().strip()
    except OSError as exc:
        raise ImproperlyConfigured(
            f"MASTHEAD_SECRET_KEY_FILE {path_text!r} cannot be read: {exc.strerror}."
        ) from None
    if not key:
        raise ImproperlyConfigured(f"MASTHEAD_SECRET_KEY_FILE {path_text!r} is empty.")
    if mode & 0o004:
        # Every account on the machine can read it; warn rather than refuse, as a read-only
        # mount (a secret volume) may show a mode its owner cannot change.
        warnings.warn(
            f"MASTHEAD_SECRET_KEY_FILE {path_text!r} is readable by every account on this "
            "machine: chmod 600 it (or 640 with the service's group).",
            stacklevel=2,
        )
    return key


def _secret_key() -> str:
    key = env_str("MASTHEAD_SECRET_KEY")
    key_file_name = env_str("MASTHEAD_SECRET_KEY_FILE")
    if key and key_file_name:
        raise ImproperlyConfigured(
            "Both MASTHEAD_SECRET_KEY and MASTHEAD_SECRET_KEY_FILE are set: keep only one."
        )
    if key_file_name:
        key = _secret_key_from_file(key_file_name)
    if key:
        if PRODUCTION and _weak_key(key):
            raise ImproperlyConfigured(
                "The secret key is too weak: use at least 50 random characters."
            )
        return key
    if PRODUCTION:
        raise ImproperlyConfigured(
            "MASTHEAD_SECRET_KEY is not set. Set it (or MASTHEAD_SECRET_KEY_FILE) to a long "
            "random string in production, or set MASTHEAD_ENV=development (or demo) for a "
            "local run."
        )
    if MASTHEAD_ENV == "test":
        return "test-only-" + "x" * 50
    # A local run keeps a generated key in the data directory so sessions survive restarts.
    key_file = DATA_DIR / "secret-key"
    make_data_dir_private(DATA_DIR)
    if key_file.exists():
        return key_file.read_text().strip()
    key = secrets.token_urlsafe(50)
    write_private_file(key_file, key)
    return key


SECRET_KEY = _secret_key()

_LOCAL_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
ALLOWED_HOSTS = env_list(
    "MASTHEAD_ALLOWED_HOSTS", [] if PRODUCTION else [*_LOCAL_HOSTS, "testserver"]
)
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "MASTHEAD_ALLOWED_HOSTS is not set: list the host names this site answers to, "
        "separated by commas (for example news.example,www.news.example)."
    )
CSRF_TRUSTED_ORIGINS = env_list("MASTHEAD_CSRF_TRUSTED_ORIGINS", [])
# The site's own page (a comment keeps the reader's text), never Django's technical one.
CSRF_FAILURE_VIEW = "masthead.views.csrf_failure"

INSTALLED_APPS = [
    "masthead.languages",
    "masthead.newsroom",
    "masthead.frontpage",
    "masthead.desk",
    "masthead.pages",
    "masthead.photos",
    "masthead.comments",
    "masthead.distribution",
    "masthead.redirects",
    "masthead.ingest",
    "masthead.search",
    "masthead.pagecache",
    "masthead.ops",
    "masthead.tasks",
    "masthead.demo",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First: every later layer, and every log line, knows the request's id.
    "masthead.ops.logging.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "masthead.http_methods.HttpMethodsMiddleware",
    "masthead.ops.health.HealthCheckMiddleware",
    "masthead.static_files.PublicStaticMiddleware",
    # Early: a stored page is served before sessions, CSRF, auth and the view run.
    "masthead.pagecache.middleware.PageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The page's language, from its address only (never Accept-Language); before
    # CommonMiddleware, whose added slash is checked against the language's addresses.
    "masthead.languages.middleware.ReaderLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Everywhere but the anonymous reader's comment form (masthead/comments/csrf.py).
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "masthead.ops.db_router.ReplicaRoutingMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "masthead.request_limits.RequestSizeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "masthead.newsroom.middleware.PublicationTimeZoneMiddleware",
    "masthead.redirects.middleware.RedirectFallbackMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "masthead.urls"
WSGI_APPLICATION = "masthead.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "masthead.newsroom.context_processors.publication",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------

_SQLITE_OPTIONS = {
    # WAL lets readers carry on while one writer writes; IMMEDIATE avoids "database is locked"
    # upgrades in the middle of a write transaction.
    "init_command": (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; "
        "PRAGMA foreign_keys=ON;"
    ),
    "transaction_mode": "IMMEDIATE",
}

_database_url = env_str("DATABASE_URL")
if _database_url:
    try:
        _default_db = dj_database_url.parse(_database_url, conn_max_age=60, conn_health_checks=True)
    except ValueError as exc:
        raise ImproperlyConfigured(
            f"DATABASE_URL is not a database URL I understand: {exc}"
        ) from exc
    if _default_db["ENGINE"] == "django.db.backends.sqlite3":
        _default_db.setdefault("OPTIONS", {}).update(_SQLITE_OPTIONS)
else:
    make_data_dir_private(DATA_DIR)
    # Created empty and owner-only before SQLite opens it, so its journals are owner-only too.
    if not (DATA_DIR / "masthead.sqlite3").exists():
        write_private_file(DATA_DIR / "masthead.sqlite3", "")
    _default_db = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": DATA_DIR / "masthead.sqlite3",
        "OPTIONS": _SQLITE_OPTIONS,
        # Each server thread keeps its connection (and SQLite's page cache) for a minute, as
        # with DATABASE_URL, instead of opening the file and running the PRAGMAs per request.
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
    }
DATABASES = {"default": _default_db}
# A read replica: anonymous readers' GET requests read from it, everything else uses the primary
# (masthead/ops/db_router.py says exactly when).
_replica_url = env_str("DATABASE_REPLICA_URL")
if _replica_url:
    try:
        DATABASES["replica"] = dj_database_url.parse(
            _replica_url, conn_max_age=60, conn_health_checks=True
        )
    except ValueError as exc:
        raise ImproperlyConfigured(
            f"DATABASE_REPLICA_URL is not a database URL I understand: {exc}"
        ) from exc
    if DATABASES["replica"]["ENGINE"] != DATABASES["default"]["ENGINE"]:
        raise ImproperlyConfigured(
            "DATABASE_REPLICA_URL must be the same kind of database as DATABASE_URL."
        )
    # Tests read the replica through the primary's test database, as replication would.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["masthead.ops.db_router.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------------

_redis_url = env_str("REDIS_URL") or env_str("CACHE_URL")
_cache_prefix = env_str("MASTHEAD_CACHE_PREFIX", "masthead")
# "default" holds small shared state (page-cache versions, rate limits, the publication);
# "pages" holds stored reader pages, apart, so culling pages never drops a rate limit.
if _redis_url:
    if not _redis_url.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured("REDIS_URL must start with redis://, rediss:// or unix://.")
    CACHES = {
        alias: {
            # Redis down means uncached pages, not errors (masthead/ops/resilient_cache.py).
            "BACKEND": "masthead.ops.resilient_cache.ResilientRedisCache",
            "LOCATION": _redis_url,
            "KEY_PREFIX": prefix,
        }
        for alias, prefix in (("default", _cache_prefix), ("pages", f"{_cache_prefix}:pages"))
    }
elif MASTHEAD_ENV == "test":
    # Each test starts empty (conftest.py); tests of several processes set up their own.
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
    }
else:
    # Files in the data dir: shared by every worker process without a server to run.
    CACHES = {
        "default": {
            "BACKEND": "masthead.pagecache.filecache.SharedFileCache",
            "LOCATION": DATA_DIR / "cache" / "default",
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": DATA_DIR / "cache" / "pages",
            "OPTIONS": {"MAX_ENTRIES": env_int("MASTHEAD_PAGE_CACHE_ENTRIES", 5000, minimum=10)},
        },
    }

# The page cache for anonymous readers (masthead/pagecache, docs/caching.md).
MASTHEAD_PAGE_CACHE = env_bool("MASTHEAD_PAGE_CACHE", True)
# The story page's parts (newsroom/story_parts.py), kept under the same versions as pages.
MASTHEAD_STORY_PARTS = env_bool("MASTHEAD_STORY_PARTS", True)
# How long the nginx front (deploy/nginx) keeps a reader page before asking the app again with
# its ETag: the most a change waits to show through it. 0 leaves it to s-maxage.
MASTHEAD_FRONT_CACHE_SECONDS = env_int("MASTHEAD_FRONT_CACHE_SECONDS", 2, minimum=0)
MASTHEAD_PAGE_CACHE_ALIAS = "pages"
# Bounded below a day: the comment form's signed stamp in a stored page expires after a day.
MASTHEAD_PAGE_CACHE_TIMEOUT = env_int("MASTHEAD_PAGE_CACHE_TIMEOUT", 3600, minimum=1)
if MASTHEAD_PAGE_CACHE_TIMEOUT > 12 * 3600:
    raise ImproperlyConfigured("MASTHEAD_PAGE_CACHE_TIMEOUT must be at most 43200 (12 hours).")
# Browsers keep a page a minute; a CDN ten, since publishing bumps (purges) what changed.
MASTHEAD_CACHE_MAX_AGE = env_int("MASTHEAD_CACHE_MAX_AGE", 60)
MASTHEAD_CACHE_S_MAXAGE = env_int("MASTHEAD_CACHE_S_MAXAGE", 600)
MASTHEAD_CACHE_STALE_WHILE_REVALIDATE = env_int("MASTHEAD_CACHE_STALE_WHILE_REVALIDATE", 30)

# --- Auth -----------------------------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"
AUTHENTICATION_BACKENDS = [
    # First, so a locked-out account or address is refused before its password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Login throttling (django-axes). Failures count per username and address together and per
# username alone, so rotating addresses does not buy an attacker more guesses.
# Two-step sign-in (TOTP) for staff: optional per person, or required for all.
MASTHEAD_REQUIRE_2FA = env_bool("MASTHEAD_REQUIRE_2FA", False)
OTP_TOTP_ISSUER = "Masthead newsroom"
AXES_FAILURE_LIMIT = env_int("MASTHEAD_LOGIN_FAILURE_LIMIT", 10, minimum=1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username"]
AXES_COOLOFF_TIME = env_int("MASTHEAD_LOGIN_COOLOFF_MINUTES", 30, minimum=1) / 60  # hours
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/lockout.html"
# The same client address as the comments' rate limit (MASTHEAD_BEHIND_PROXY aware).
AXES_CLIENT_IP_CALLABLE = "masthead.comments.views.axes_client_ip"
AXES_VERBOSE = False

# Staff sessions end after a working day without a request; every request renews them.
SESSION_COOKIE_AGE = 10 * 60 * 60
SESSION_SAVE_EVERY_REQUEST = True

# Password-reset mail: printed to the console outside production, SMTP from the environment in it.
EMAIL_BACKEND = env_str(
    "MASTHEAD_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = env_str("MASTHEAD_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("MASTHEAD_EMAIL_PORT", 587, minimum=1)
EMAIL_HOST_USER = env_str("MASTHEAD_EMAIL_USER")
EMAIL_HOST_PASSWORD = env_str("MASTHEAD_EMAIL_PASSWORD")
EMAIL_USE_TLS = env_bool("MASTHEAD_EMAIL_TLS", True)
DEFAULT_FROM_EMAIL = env_str("MASTHEAD_EMAIL_FROM", "newsroom@localhost")

# --- Language and time ----------------------------------------------------------------------

# The catalogues Masthead ships (masthead/locale); a publication's default language and the
# others it publishes in are chosen among these (masthead/languages). Each language's own name.
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Django's fallback outside reader pages; the publication's own default language rules them.
LANGUAGE_CODE = env_str("MASTHEAD_LANGUAGE", "en")
TIME_ZONE = env_str("MASTHEAD_TIME_ZONE", "UTC")
try:
    ZoneInfo(TIME_ZONE)
except (ZoneInfoNotFoundError, ValueError):
    raise ImproperlyConfigured(
        f"MASTHEAD_TIME_ZONE {TIME_ZONE!r} is not a known time zone."
    ) from None
USE_I18N = True
USE_TZ = True

# --- Static files and media -----------------------------------------------------------------

STATIC_URL = env_str("MASTHEAD_STATIC_URL", "/static/")
# Outside the owner-only data folder when nginx serves it (deploy/nginx: /srv/masthead/public).
STATIC_ROOT = Path(env_str("MASTHEAD_STATIC_ROOT") or DATA_DIR / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = env_str("MASTHEAD_MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env_str("MASTHEAD_MEDIA_ROOT") or DATA_DIR / "media")
SERVE_MEDIA = env_bool("MASTHEAD_SERVE_MEDIA", not PRODUCTION)
STORAGES = {
    # Files are written whole or not at all (a full disk leaves no cut-off photo).
    "default": {"BACKEND": "masthead.photos.storage.MediaStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Object storage (django-storages, S3 or any S3-compatible service) for media, and optionally
# static files. Credentials may also come from boto3's own chain (AWS_* variables, an instance
# role) when the MASTHEAD_S3_* ones are unset.
MASTHEAD_S3_BUCKET = env_str("MASTHEAD_S3_BUCKET")
if MASTHEAD_S3_BUCKET:
    _s3_options = {
        "bucket_name": MASTHEAD_S3_BUCKET,
        "endpoint_url": env_str("MASTHEAD_S3_ENDPOINT_URL") or None,
        "region_name": env_str("MASTHEAD_S3_REGION") or None,
        "access_key": env_str("MASTHEAD_S3_ACCESS_KEY_ID") or None,
        "secret_key": env_str("MASTHEAD_S3_SECRET_ACCESS_KEY") or None,
        # A CDN host name in front of the bucket: media URLs point there, unsigned.
        "custom_domain": env_str("MASTHEAD_S3_CUSTOM_DOMAIN") or None,
        "querystring_auth": False,
        "default_acl": None,
        "file_overwrite": False,
    }
    if _s3_options["endpoint_url"] and not _s3_options["endpoint_url"].startswith(
        ("http://", "https://")
    ):
        raise ImproperlyConfigured("MASTHEAD_S3_ENDPOINT_URL must start with http:// or https://.")
    if bool(_s3_options["access_key"]) != bool(_s3_options["secret_key"]):
        raise ImproperlyConfigured(
            "Set both MASTHEAD_S3_ACCESS_KEY_ID and MASTHEAD_S3_SECRET_ACCESS_KEY, or neither."
        )
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": _s3_options}
    if env_bool("MASTHEAD_S3_STATIC", False):
        STORAGES["staticfiles"] = {
            "BACKEND": "storages.backends.s3.S3ManifestStaticStorage",
            "OPTIONS": {**_s3_options, "location": "static", "file_overwrite": True},
        }
# Outside production WhiteNoise serves straight from the app folders, so no collectstatic step.
WHITENOISE_USE_FINDERS = not PRODUCTION
if not PRODUCTION:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WHITENOISE_AUTOREFRESH = DEBUG
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Photos and static files are public (nginx reads them) even under systemd's UMask=0077.
FILE_UPLOAD_PERMISSIONS = 0o644
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o755
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Files uploaded to the wire desk wait here, outside MEDIA_ROOT, between dry run and confirm.
IMPORT_UPLOAD_DIR = DATA_DIR / "import-uploads"
IMPORT_UPLOAD_MAX_BYTES = env_int("MASTHEAD_IMPORT_UPLOAD_MAX_MB", 50, minimum=1) * 2**20
# A confirmed import runs in a thread and its report page follows it; tests run it inline.
IMPORT_IN_BACKGROUND = env_bool("MASTHEAD_IMPORT_IN_BACKGROUND", MASTHEAD_ENV != "test")

# --- Security -------------------------------------------------------------------------------

HTTPS = env_bool("MASTHEAD_HTTPS", PRODUCTION)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS and env_bool("MASTHEAD_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("MASTHEAD_HSTS_SECONDS", 31_536_000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
# "preload" only says the site consents to browsers' preload lists; listing needs a submission.
SECURE_HSTS_PRELOAD = HTTPS and env_bool("MASTHEAD_HSTS_PRELOAD", True)
BEHIND_PROXY = env_bool("MASTHEAD_BEHIND_PROXY", False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True
# Health checks from a load balancer come over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *env_list("MASTHEAD_CSP_IMG_SOURCES", [])],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# --- Logging --------------------------------------------------------------------------------

MASTHEAD_LOG_FORMAT = env_str("MASTHEAD_LOG_FORMAT", "plain").lower()
if MASTHEAD_LOG_FORMAT not in ("plain", "json"):
    raise ImproperlyConfigured(
        f"MASTHEAD_LOG_FORMAT must be plain or json, not {MASTHEAD_LOG_FORMAT!r}."
    )
# One line per request from masthead.ops.logging.RequestLogMiddleware (gunicorn's own access
# log stays off: this one carries the request id, the user and the duration).
MASTHEAD_ACCESS_LOG = env_bool(
    "MASTHEAD_ACCESS_LOG", MASTHEAD_LOG_FORMAT == "json" or not PRODUCTION
)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "masthead.ops.logging.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "{asctime} {levelname} {name} [{request_id}]: {message}", "style": "{"},
        "json": {"()": "masthead.ops.logging.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": MASTHEAD_LOG_FORMAT,
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("MASTHEAD_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # Django logs every 4xx/5xx as a warning or error itself; the request line says it once.
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING"},
    },
}

# --- Health ---------------------------------------------------------------------------------

# /readyz answers 503 when the background worker has not written its heartbeat for this long.
MASTHEAD_READYZ_REQUIRE_WORKER = env_bool("MASTHEAD_READYZ_REQUIRE_WORKER", PRODUCTION)
MASTHEAD_WORKER_HEARTBEAT_MAX_AGE = env_int("MASTHEAD_WORKER_HEARTBEAT_MAX_AGE", 120, minimum=5)

# --- Masthead -------------------------------------------------------------------------------

MASTHEAD_PAGE_SIZE = env_int("MASTHEAD_PAGE_SIZE", 20, minimum=1)
MASTHEAD_RECENT_POSTS = 5
# How long a story's preview link works (hours).
MASTHEAD_PREVIEW_HOURS = env_int("MASTHEAD_PREVIEW_HOURS", 72, minimum=1)
# Upload limits for photos: file size and pixels (a guard against decompression bombs).
MASTHEAD_PHOTO_MAX_MB = env_int("MASTHEAD_PHOTO_MAX_MB", 20, minimum=1)
MASTHEAD_PHOTO_MAX_MEGAPIXELS = env_int("MASTHEAD_PHOTO_MAX_MEGAPIXELS", 60, minimum=1)

# --- Readers' comments (the spam rules and their thresholds: masthead/comments/spam.py) -------

_MODERATION_POLICIES = ("all", "first-time", "none")
# Empty: each publication's own choice (Publication.comment_moderation) applies.
MASTHEAD_COMMENTS_MODERATION = env_str("MASTHEAD_COMMENTS_MODERATION").lower()
if MASTHEAD_COMMENTS_MODERATION and MASTHEAD_COMMENTS_MODERATION not in _MODERATION_POLICIES:
    raise ImproperlyConfigured(
        "MASTHEAD_COMMENTS_MODERATION must be one of all, first-time or none "
        f"(or unset to use the publication's choice), not {MASTHEAD_COMMENTS_MODERATION!r}."
    )
MASTHEAD_COMMENTS_RATE_LIMIT = env_int("MASTHEAD_COMMENTS_RATE_LIMIT", 5, minimum=1)
# Every post of the form counts here, even one sent back for a missing field.
MASTHEAD_COMMENTS_ATTEMPT_LIMIT = env_int("MASTHEAD_COMMENTS_ATTEMPT_LIMIT", 30, minimum=1)
MASTHEAD_COMMENTS_RATE_WINDOW = 600  # seconds
MASTHEAD_AKISMET_KEY = env_str("MASTHEAD_AKISMET_KEY")
MASTHEAD_AKISMET_URL = "https://{key}.rest.akismet.com/1.1/comment-check"
MASTHEAD_AKISMET_TIMEOUT = 3  # seconds; when Akismet is slower the comment waits for a moderator

# --- Background work (masthead/tasks, docs/worker.md) ---------------------------------------

# One-off tasks (a photo's renditions after an upload) wait in the database for `masthead
# worker`: no extra server. Tests run them at once, in the request, unless a test asks for the
# database backend.
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if MASTHEAD_ENV == "test"
            else "django_tasks_db.DatabaseBackend"
        ),
        "QUEUES": ["default"],
    }
}
MASTHEAD_WORKER_SLEEP = env_int("MASTHEAD_WORKER_SLEEP", 5, minimum=1)
MASTHEAD_WORKER_RETRY_SECONDS = env_int("MASTHEAD_WORKER_RETRY_SECONDS", 60, minimum=1)
MASTHEAD_WORKER_RETRY_MAX_SECONDS = env_int("MASTHEAD_WORKER_RETRY_MAX_SECONDS", 3600, minimum=1)
MASTHEAD_SPAM_KEEP_DAYS = env_int("MASTHEAD_SPAM_KEEP_DAYS", 30, minimum=1)
MASTHEAD_TASK_RESULTS_KEEP_DAYS = env_int("MASTHEAD_TASK_RESULTS_KEEP_DAYS", 7, minimum=1)

# --- Imports and the wire ----------------------------------------------------------------------

# Importers never fetch from loopback or private addresses unless this is on (a test server,
# an intranet feed): import files and wire feeds are other people's data.
MASTHEAD_IMPORT_ALLOW_PRIVATE_HOSTS = env_bool("MASTHEAD_IMPORT_ALLOW_PRIVATE_HOSTS", False)
# Wire sources set up in the admin may read files from this folder only (symlinks resolved),
# so an admin account cannot turn a server file such as .env into a story. The `masthead
# import FILE` command reads whatever path the operator gives it.
MASTHEAD_IMPORT_DIR = Path(env_str("MASTHEAD_IMPORT_DIR") or DATA_DIR / "imports").resolve()

# --- Backups --------------------------------------------------------------------------------

# Where `masthead backup` and the scheduled backups write archives (made owner-only, 0700).
MASTHEAD_BACKUP_DIR = Path(env_str("MASTHEAD_BACKUP_DIR") or DATA_DIR / "backups").resolve()
# How many scheduled archives to keep; the oldest beyond this are deleted after each run.
MASTHEAD_BACKUP_KEEP = env_int("MASTHEAD_BACKUP_KEEP", 7, minimum=1)
# How often the worker writes one (hours).
MASTHEAD_BACKUP_EVERY_HOURS = env_int("MASTHEAD_BACKUP_EVERY_HOURS", 24, minimum=1)
