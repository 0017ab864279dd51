"""Test settings: fast hashing, in-memory cache, plain static files, no throttling surprises."""

import tempfile

from .base import *

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # H5P tests point this at their own temporary folder; the rest write here, never the repo.
    "h5p": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": Path(tempfile.gettempdir()) / "ats-h5p-test-store"},
    },
    # Certificate files of tests; the signing key is made per test session in a temporary folder
    # (tests/certificates/conftest.py), never kept in the repository.
    "certificates": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": Path(tempfile.gettempdir()) / "ats-cert-test-store"},
    },
}
CERT_ROOT = Path(tempfile.gettempdir()) / "ats-cert-test-store"
CERT_PKCS12_PATH = CERT_ROOT / "signing" / "test-signer.p12"
CERT_PKCS12_PASSPHRASE = None
CERT_SIGNER = "pkcs12"
CERT_TSA_URL = ""
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WHITENOISE_AUTOREFRESH = True
LMS_DEMO_ALLOWED = True
