"""Production settings refuse unsafe configuration; dev/test defaults are safe."""

import os
import subprocess
import sys
from pathlib import Path

from tests.keys import agency_pkcs12

ROOT = Path(__file__).resolve().parents[1]


def _load_production(code=None, **env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "SECRET_KEY",
            "SECRET_KEY_FILE",
            "ALLOWED_HOSTS",
            "REDIS_URL",
            "REDIS_URL_FILE",
            "LMS_SINGLE_PROCESS",
            "DJANGO_ALLOW_ASYNC_UNSAFE",  # set by the browser tests' harness, never in deployment
        }
    }
    clean.update(env, DJANGO_SETTINGS_MODULE="lms.settings.production")
    code = code or (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.DEBUG, settings.SESSION_COOKIE_SECURE, settings.SECURE_HSTS_SECONDS, "
        "settings.ALLOWED_HOSTS, settings.CSRF_TRUSTED_ORIGINS)"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_refuses_to_start_without_secret_key():
    result = _load_production(ALLOWED_HOSTS="antoanso.example.gov.vn")
    assert result.returncode != 0
    assert "SECRET_KEY chưa được đặt" in result.stderr


def test_production_refuses_without_allowed_hosts():
    result = _load_production(SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS chưa được đặt" in result.stderr


def test_production_reads_secret_from_file_and_is_hardened(tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("s" * 60 + "\n")
    result = _load_production(
        SECRET_KEY_FILE=str(secret),
        ALLOWED_HOSTS="a.gov.vn,b.gov.vn",
        CSRF_TRUSTED_ORIGINS="https://a.gov.vn",
        LMS_SINGLE_PROCESS="1",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "False",
        "True",
        "31536000",
        "['a.gov.vn',",
        "'b.gov.vn']",
        "['https://a.gov.vn']",
    ]


PRODUCTION = {"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "antoanso.example.gov.vn"}
SHOW_CACHE_AND_TASKS = (
    "import django; django.setup(); from django.conf import settings; "
    "print(settings.CACHES['default']['BACKEND'], settings.TASKS['default']['BACKEND'])"
)


def test_production_refuses_to_start_without_redis():
    # Several gunicorn workers with per-process caches would each keep stale content.
    result = _load_production(**PRODUCTION)
    assert result.returncode != 0
    assert "REDIS_URL chưa được đặt" in result.stderr
    assert "LMS_SINGLE_PROCESS=1" in result.stderr


def test_production_shares_the_cache_through_redis_and_queues_tasks_in_the_database():
    result = _load_production(
        SHOW_CACHE_AND_TASKS, REDIS_URL="redis://127.0.0.1:6379/5", **PRODUCTION
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.core.cache.backends.redis.RedisCache",
        "django_tasks_db.DatabaseBackend",
    ]


def test_single_process_must_be_said_explicitly():
    result = _load_production(SHOW_CACHE_AND_TASKS, LMS_SINGLE_PROCESS="1", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.core.cache.backends.locmem.LocMemCache",
        "django_tasks_db.DatabaseBackend",
    ]


PRODUCTION_ENV = {
    "SECRET_KEY": "ci-dummy-0123456789abcdefghijklmnopqrstuvwxyz-0123456789ABCDEFGH",
    "ALLOWED_HOSTS": "antoanso.example.gov.vn",
    "CSRF_TRUSTED_ORIGINS": "https://antoanso.example.gov.vn",
    "REDIS_URL": "redis://127.0.0.1:6379/5",
}
DEPLOY_CHECK = (
    "import django; django.setup(); from django.core.management import call_command; "
    "call_command('check', '--deploy', '--fail-level', 'WARNING')"
)


def test_production_deploy_check_is_clean(tmp_path):
    result = _load_production(
        DEPLOY_CHECK,
        **PRODUCTION_ENV,
        CERT_PKCS12_PATH=str(agency_pkcs12(tmp_path / "agency.p12", "kiem-tra")),
        CERT_PKCS12_PASSPHRASE="kiem-tra",
    )
    assert result.returncode == 0, result.stderr + result.stdout


def test_production_deploy_check_wants_a_signing_key(tmp_path):
    """Without a usable key no certificate could be signed: the deploy check says so."""
    result = _load_production(
        DEPLOY_CHECK, **PRODUCTION_ENV, CERT_PKCS12_PATH=str(tmp_path / "missing.p12")
    )
    assert result.returncode != 0
    assert "certificates.W001" in result.stderr + result.stdout


def test_dev_and_tests_run_tasks_inline(settings):
    assert (
        settings.TASKS["default"]["BACKEND"] == "django_tasks.backends.immediate.ImmediateBackend"
    )


def test_defaults_are_vietnamese_and_hcmc(settings):
    assert settings.LANGUAGE_CODE == "vi"
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert [code for code, _ in settings.LANGUAGES] == ["vi", "en"]
    assert settings.LMS_YEARLY_TIET == 40
