"""The settings module reads the environment; bad values stop the start with a clear message.

Each case imports the settings in a fresh interpreter, as a server start would."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
STRONG_KEY = secrets.token_urlsafe(60)
PRODUCTION = {
    "MASTHEAD_ENV": "production",
    "MASTHEAD_SECRET_KEY": STRONG_KEY,
    "MASTHEAD_ALLOWED_HOSTS": "news.example",
}


def _run(code: str, env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess:
    ours = ("MASTHEAD_", "DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    clean = {k: v for k, v in os.environ.items() if not k.startswith(ours)}
    clean.update(
        {"MASTHEAD_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "masthead.settings"}
    )
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", code],
        env=clean,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _settings(env: dict[str, str], tmp_path: Path, expr: str) -> str:
    result = _run(f"from django.conf import settings; print({expr})", env, tmp_path)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def _error(env: dict[str, str], tmp_path: Path) -> str:
    result = _run("from django.conf import settings; settings.DEBUG", env, tmp_path)
    assert result.returncode != 0
    return result.stderr.strip().splitlines()[-1]


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    error = _error({"MASTHEAD_ENV": "production", "MASTHEAD_ALLOWED_HOSTS": "x.example"}, tmp_path)
    assert "ImproperlyConfigured: MASTHEAD_SECRET_KEY is not set" in error


def test_production_refuses_a_weak_secret_key(tmp_path):
    error = _error({**PRODUCTION, "MASTHEAD_SECRET_KEY": "short"}, tmp_path)
    assert "too weak" in error


def test_production_requires_allowed_hosts(tmp_path):
    error = _error({**PRODUCTION, "MASTHEAD_ALLOWED_HOSTS": ""}, tmp_path)
    assert "MASTHEAD_ALLOWED_HOSTS" in error


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"MASTHEAD_ENV": "staging"}, "MASTHEAD_ENV must be one of"),
        ({"MASTHEAD_DEBUG": "maybe"}, "MASTHEAD_DEBUG must be true or false"),
        ({"MASTHEAD_PAGE_SIZE": "ten"}, "MASTHEAD_PAGE_SIZE must be a whole number"),
        ({"MASTHEAD_PAGE_SIZE": "0"}, "MASTHEAD_PAGE_SIZE must be at least 1"),
        ({"MASTHEAD_TIME_ZONE": "Mars/Olympus"}, "is not a known time zone"),
        ({"REDIS_URL": "http://127.0.0.1:6379"}, "REDIS_URL must start with redis://"),
        ({"DATABASE_URL": "nosuchdb://x"}, "DATABASE_URL"),
    ],
)
def test_invalid_values_raise_clear_errors(env, message, tmp_path):
    assert message in _error({"MASTHEAD_ENV": "development", **env}, tmp_path)


def test_debug_is_off_unless_development_asks_for_it(tmp_path):
    assert _settings(PRODUCTION, tmp_path, "settings.DEBUG") == "False"
    assert _settings({"MASTHEAD_ENV": "demo"}, tmp_path, "settings.DEBUG") == "False"
    assert _settings({"MASTHEAD_ENV": "development"}, tmp_path, "settings.DEBUG") == "True"


def test_local_run_generates_and_keeps_a_secret_key(tmp_path):
    first = _settings({"MASTHEAD_ENV": "demo"}, tmp_path, "settings.SECRET_KEY")
    second = _settings({"MASTHEAD_ENV": "demo"}, tmp_path, "settings.SECRET_KEY")
    assert first == second
    assert len(first) >= 50
    assert (tmp_path / "secret-key").stat().st_mode & 0o077 == 0


def test_database_and_cache_come_from_the_environment(tmp_path):
    env = {
        "MASTHEAD_ENV": "development",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/masthead",
        "REDIS_URL": "redis://127.0.0.1:6379/3",
    }
    assert _settings(env, tmp_path, "settings.DATABASES['default']['ENGINE']") == (
        "django.db.backends.postgresql"
    )
    assert "RedisCache" in _settings(env, tmp_path, "settings.CACHES['default']['BACKEND']")
    sqlite = _settings({"MASTHEAD_ENV": "development"}, tmp_path, "settings.DATABASES['default']")
    assert "sqlite3" in sqlite
    assert "journal_mode=WAL" in sqlite


def test_check_deploy_passes_with_production_settings(tmp_path):
    result = _run(
        "from masthead.cli import main; main(['check', '--deploy', '--fail-level', 'WARNING'])",
        PRODUCTION,
        tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_sets_secure_cookies_and_hsts(tmp_path):
    values = _settings(
        PRODUCTION,
        tmp_path,
        "settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, settings.SECURE_SSL_REDIRECT,"
        " settings.SECURE_HSTS_SECONDS",
    )
    assert values == "True True True 31536000"


@pytest.mark.parametrize(
    "key",
    ["abcd" * 20, "x" * 60, "0123456789" * 6, ("Kq7!" * 20)[:-1], "abababababcdcdcdcdcd" * 3],
)
def test_production_refuses_a_repeated_or_low_variety_secret_key(key, tmp_path):
    assert "too weak" in _error({**PRODUCTION, "MASTHEAD_SECRET_KEY": key}, tmp_path)


def test_local_sqlite_database_and_data_folder_are_owner_only(tmp_path):
    data = tmp_path / "data"
    env = {"MASTHEAD_ENV": "development", "MASTHEAD_DATA_DIR": str(data)}
    code = (
        "import django; django.setup(); from django.db import connection; "
        "connection.cursor().execute('create table t (x int)'); "
        "connection.cursor().execute('insert into t values (1)'); import os; "
        # While the connection is open the -wal and -shm journals exist.
        "print(*(oct(os.stat(settings.DATA_DIR / n).st_mode & 0o777) for n in "
        "('.', 'masthead.sqlite3', 'masthead.sqlite3-wal', 'masthead.sqlite3-shm', 'secret-key')))"
    )
    result = _run("from django.conf import settings; " + code, env, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["0o700", "0o600", "0o600", "0o600", "0o600"]


def test_start_up_takes_away_group_and_other_access_from_existing_files(tmp_path):
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    for name in ("masthead.sqlite3", "secret-key", "demo-login.txt"):
        (data / name).write_text("k" * 60 if name == "secret-key" else "")
        (data / name).chmod(0o644)
    env = {"MASTHEAD_ENV": "development", "MASTHEAD_DATA_DIR": str(data)}
    _settings(env, tmp_path, "settings.DEBUG")
    assert data.stat().st_mode & 0o777 == 0o700
    for name in ("masthead.sqlite3", "secret-key", "demo-login.txt"):
        assert (data / name).stat().st_mode & 0o077 == 0, name


def test_secret_key_may_come_from_a_file(tmp_path):
    key_file = tmp_path / "secret-key-file"
    key_file.write_text(STRONG_KEY + "\n")
    key_file.chmod(0o600)
    env = {**PRODUCTION, "MASTHEAD_SECRET_KEY": "", "MASTHEAD_SECRET_KEY_FILE": str(key_file)}
    result = _run("from django.conf import settings; print(settings.SECRET_KEY)", env, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == STRONG_KEY
    assert result.stderr == ""


def test_a_world_readable_secret_key_file_is_warned_about(tmp_path):
    key_file = tmp_path / "secret-key-file"
    key_file.write_text(STRONG_KEY)
    key_file.chmod(0o644)
    env = {**PRODUCTION, "MASTHEAD_SECRET_KEY": "", "MASTHEAD_SECRET_KEY_FILE": str(key_file)}
    result = _run("from django.conf import settings; print(settings.SECRET_KEY)", env, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == STRONG_KEY
    assert "readable by every account" in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "cannot be read"), ("", "is empty"), ("short", "too weak")],
)
def test_a_missing_empty_or_weak_secret_key_file_is_refused(content, message, tmp_path):
    key_file = tmp_path / "secret-key-file"
    if content is not None:
        key_file.write_text(content)
        key_file.chmod(0o600)
    env = {**PRODUCTION, "MASTHEAD_SECRET_KEY": "", "MASTHEAD_SECRET_KEY_FILE": str(key_file)}
    assert message in _error(env, tmp_path)


def test_secret_key_and_secret_key_file_together_are_refused(tmp_path):
    key_file = tmp_path / "secret-key-file"
    key_file.write_text(STRONG_KEY)
    env = {**PRODUCTION, "MASTHEAD_SECRET_KEY_FILE": str(key_file)}
    assert "Both MASTHEAD_SECRET_KEY and MASTHEAD_SECRET_KEY_FILE are set" in _error(env, tmp_path)


def test_s3_settings_put_media_on_object_storage(tmp_path):
    env = {
        "MASTHEAD_ENV": "development",
        "MASTHEAD_S3_BUCKET": "newsroom-media",
        "MASTHEAD_S3_ENDPOINT_URL": "http://127.0.0.1:9000",
        "MASTHEAD_S3_REGION": "us-east-1",
        "MASTHEAD_S3_ACCESS_KEY_ID": "id",
        "MASTHEAD_S3_SECRET_ACCESS_KEY": "secret",
    }
    backend = _settings(env, tmp_path, "settings.STORAGES['default']['BACKEND']")
    assert backend == "storages.backends.s3.S3Storage"
    static = _settings(env, tmp_path, "settings.STORAGES['staticfiles']['BACKEND']")
    assert "s3" not in static
    env["MASTHEAD_S3_STATIC"] = "true"
    static = _settings(env, tmp_path, "settings.STORAGES['staticfiles']['BACKEND']")
    assert static == "storages.backends.s3.S3ManifestStaticStorage"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"MASTHEAD_S3_ENDPOINT_URL": "127.0.0.1:9000"}, "must start with http"),
        ({"MASTHEAD_S3_ACCESS_KEY_ID": "id"}, "or neither"),
    ],
)
def test_wrong_s3_settings_are_refused(env, message, tmp_path):
    full = {"MASTHEAD_ENV": "development", "MASTHEAD_S3_BUCKET": "b", **env}
    assert message in _error(full, tmp_path)


def test_a_replica_must_be_the_same_kind_of_database(tmp_path):
    env = {
        "MASTHEAD_ENV": "development",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/masthead",
        "DATABASE_REPLICA_URL": "sqlite:///tmp/other.sqlite3",
    }
    assert "same kind of database" in _error(env, tmp_path)
