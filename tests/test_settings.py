"""Production settings refuse unsafe configuration; dev/test defaults are safe."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _load_production(**env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "SECRET_KEY_FILE", "ALLOWED_HOSTS"}
    }
    clean.update(env, DJANGO_SETTINGS_MODULE="lms.settings.production")
    code = (
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


def test_defaults_are_vietnamese_and_hcmc(settings):
    assert settings.LANGUAGE_CODE == "vi"
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert [code for code, _ in settings.LANGUAGES] == ["vi", "en"]
    assert settings.LMS_YEARLY_TIET == 40
