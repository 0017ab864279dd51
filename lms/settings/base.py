"""Settings shared by every environment. Values that differ per machine come from the
environment (see README, "Cấu hình"); the defaults run a local demo on SQLite."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=None):
    """Read NAME from the environment, or from the file named by NAME_FILE (Docker/K8s secrets)."""
    file_path = os.environ.get(f"{name}_FILE")
    if file_path:
        return Path(file_path).read_text(encoding="utf-8").strip()
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in (env(name) or default).split(",") if item.strip()]


INSTALLED_APPS = [
    "lms.accounts",
    "lms.org",
    "content",
    "courses",
    "training",
    "quizzes",
    "certificates",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "lms.accounts.wagtail_users.UsersConfig",  # wagtail.users with guarded user/group forms
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "axes",
    "django_tasks",
    "django_tasks_db",  # the production task queue's table (lms/settings/production.py)
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outermost after SecurityMiddleware, so every response gets the policy (see below).
    "lms.middleware.ContentSecurityPolicyMiddleware",
    "content.h5p.middleware.H5POriginMiddleware",  # the H5P host serves the player only
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "lms.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "lms.middleware.CachedSiteMiddleware",  # after CommonMiddleware's ALLOWED_HOSTS check
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "courses.routing.CourseRouteMiddleware",  # one-query routing of course/module URLs
    # Last, as django-axes asks: it turns a lock-out into its response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "lms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "lms.context_processors.navigation",
            ],
        },
    },
]

WSGI_APPLICATION = "lms.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env("DB_CONN_MAX_AGE", "60")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:after-login"
LOGOUT_REDIRECT_URL = "accounts:login"

# Many officials of one ward sit behind one NAT address: lock the username *on* an address,
# never the whole address, or one guessing attacker would lock out a whole ward.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# Reverse proxies in front of the application (each appends to X-Forwarded-For). 0: the header
# is never read. The client address is resolved by lms.lib.client_ip; see README, "Security model".
LMS_TRUSTED_PROXY_COUNT = int(env("AXES_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "lms.lib.client_ip.client_ip"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "lms" / "locale_overrides", BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
# One date style everywhere: dd/mm/yyyy and "02/12/2026 14:05" (lms/formats/vi/formats.py).
FORMAT_MODULE_PATH = ["lms.formats"]
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
# New pages get ASCII slugs: "Sao lưu dữ liệu định kỳ" → sao-luu-du-lieu-dinh-ky (lms/lib/slugs.py).
WAGTAIL_ALLOW_UNICODE_SLUGS = False

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "lms" / "static"]
if (BASE_DIR / "node_modules").exists():
    # Pinned npm runtime assets (the H5P player); installed by `make install`, never committed.
    STATICFILES_DIRS.append(("vendor", BASE_DIR / "node_modules"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))

# H5P package files have a storage of their own, outside MEDIA_ROOT, so no /media/ URL reaches
# them (content/h5p/storage.py); with S3 use a private bucket or prefix for this alias.
H5P_ROOT = Path(env("H5P_ROOT", str(BASE_DIR / "h5p_store")))
H5P_STORAGE = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": H5P_ROOT},
}

# Issued certificates (signed PDFs) live in a private storage of their own, outside MEDIA_ROOT:
# downloads go through a view that checks who asks (certificates/views.py). CERT_STORAGE=s3 puts
# them in their own private bucket (or prefix) of an S3-compatible object store (django-storages).
CERT_ROOT = Path(env("CERT_ROOT", str(BASE_DIR / "cert_store")))
CERT_STORAGE_KIND = (env("CERT_STORAGE", "file") or "file").strip().lower()
if CERT_STORAGE_KIND == "s3":
    CERT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("CERT_S3_BUCKET", env("AWS_STORAGE_BUCKET_NAME")),
            "location": env("CERT_S3_PREFIX", "certificates"),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
            "access_key": env("AWS_ACCESS_KEY_ID"),
            "secret_key": env("AWS_SECRET_ACCESS_KEY"),
            "region_name": env("AWS_S3_REGION_NAME"),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL"),
        },
    }
else:
    CERT_STORAGE = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": CERT_ROOT, "base_url": None},
    }

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # collectstatic writes a .gz beside each file and WhiteNoise serves it; no manifest needed
    # (production.py adds hashed names), so runserver and tests work without collectstatic.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
    "h5p": H5P_STORAGE,
    "certificates": CERT_STORAGE,
}

# Certificate signing (certificates/signing.py). CERT_SIGNER chooses the key: "pkcs12" (a key
# file with its passphrase, from the environment or a secret file: CERT_PKCS12_PASSPHRASE_FILE)
# or "pkcs11" (a USB token or HSM through its PKCS#11 module, PIN from CERT_PKCS11_PIN[_FILE]).
# `manage.py make_demo_signing_cert` writes a demo key at CERT_PKCS12_PATH; production refuses it.
# CERT_TSA_URL (an RFC 3161 time-stamping service) turns PAdES B-B into B-T.
CERT_SIGNER = (env("CERT_SIGNER", "pkcs12") or "pkcs12").strip().lower()
CERT_PKCS12_PATH = Path(env("CERT_PKCS12_PATH", str(CERT_ROOT / "signing" / "demo-signer.p12")))
CERT_PKCS12_PASSPHRASE = env("CERT_PKCS12_PASSPHRASE")  # also CERT_PKCS12_PASSPHRASE_FILE
CERT_PKCS11_MODULE = env("CERT_PKCS11_MODULE", "/usr/lib/softhsm/libsofthsm2.so")
CERT_PKCS11_TOKEN_LABEL = env("CERT_PKCS11_TOKEN_LABEL")
CERT_PKCS11_PIN = env("CERT_PKCS11_PIN")  # also CERT_PKCS11_PIN_FILE
CERT_PKCS11_KEY_LABEL = env("CERT_PKCS11_KEY_LABEL")
CERT_PKCS11_CERT_LABEL = env("CERT_PKCS11_CERT_LABEL")  # defaults to the key label
CERT_TSA_URL = env("CERT_TSA_URL", "") or ""
# A packaged font with full Vietnamese coverage (Debian fonts-noto-core, installed by
# `make install`); never a font file copied into the repository.
CERT_FONT_DIR = Path(env("CERT_FONT_DIR", "/usr/share/fonts/truetype/noto"))
# Public certificate checks (/xac-minh/) allowed per minute per client address.
CERT_VERIFY_RATE = int(env("CERT_VERIFY_RATE", "30"))

DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

WAGTAIL_SITE_NAME = "An Toàn Số"
WAGTAILADMIN_BASE_URL = env("SITE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"gif": "webp", "png": "webp", "jpeg": "webp", "bmp": "webp"}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "txt", "csv", "zip"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Avatars are never fetched from gravatar.com (which would receive staff e-mail hashes).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# H5P content runs on its own cookieless origin (e.g. https://h5p.antoanso.tphcm.gov.vn); empty
# means the player frame is served from the site's origin inside a sandbox without
# allow-same-origin. See README, "Security model".
H5P_ORIGIN = (env("H5P_ORIGIN", "") or "").rstrip("/")

# Content-Security-Policy (django-csp) on every response, in every environment, so the browser
# tests run under it (lms.middleware.ContentSecurityPolicyMiddleware). The site (learner pages)
# allows no inline script and no other origin; inline style attributes only (progress bars).
# frame-src is added per request: H5P_ORIGIN, or the site itself whose player frame is
# sandboxed; the frame and package responses carry their own stricter policy.
_SELF = "'self'"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [_SELF],
        "script-src": [_SELF],
        "style-src": [_SELF],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": [_SELF, "data:"],
        "font-src": [_SELF],
        "connect-src": [_SELF],
        "media-src": [_SELF],
        "frame-ancestors": [_SELF],
        "object-src": ["'none'"],
        "base-uri": [_SELF],
        "form-action": [_SELF],
    }
}
# The Wagtail admin (under /admin/) still writes some inline scripts (date filters such as the
# users list's, inline panels): there these directives replace the site's. Measured in Chromium
# (tests/browser/test_privacy_headers.py): the dashboard, page editor with preview and snippet
# lists need no inline script; style attributes are allowed site-wide. It frames its previews.
LMS_CSP_ADMIN = {
    "script-src": [_SELF, "'unsafe-inline'"],
    "img-src": [_SELF, "data:", "blob:"],
}

# Named in the e-mail that tells an account's old address of an e-mail change (whom to call).
ACCOUNT_SECURITY_CONTACT = env("ACCOUNT_SECURITY_CONTACT", "")

DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "An Toàn Số <khong-tra-loi@antoanso.local>")
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

# The province whose commune-level units `load_units` loads (79 = TP. Hồ Chí Minh).
LMS_PROVINCE_CODE = int(env("LMS_PROVINCE_CODE", "79"))
# Yearly training duty of a civil servant in HCMC, in tiết (1 tiết = 45 minutes).
LMS_YEARLY_TIET = int(env("LMS_YEARLY_TIET", "40"))
# Only dev and test settings allow `seed_demo` and its documented demo passwords.
LMS_DEMO_ALLOWED = False

# Background work (django-tasks): here every task runs inline, at once, in the process that
# enqueues it (dev, tests, the demo). Production stores tasks in the database and a worker runs
# them (lms/settings/production.py; README, "Configuration").
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}
