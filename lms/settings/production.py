"""Production: everything secret or site-specific comes from the environment; no fallbacks."""

from django.core.exceptions import ImproperlyConfigured

from .base import *

SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY chưa được đặt. Đặt biến môi trường SECRET_KEY (hoặc SECRET_KEY_FILE) "
        "bằng một chuỗi ngẫu nhiên dài trước khi chạy ở chế độ production."
    )

DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS chưa được đặt (danh sách tên miền, cách nhau bởi dấu phẩy)."
    )
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# SAMEORIGIN, not DENY: Wagtail's live preview and the H5P player frame our own pages.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = [
    "security.W019",  # X_FRAME_OPTIONS is SAMEORIGIN on purpose (see above)
    "security.W021",  # HSTS preload is an opt-in decision for the domain owner (SECURE_HSTS_PRELOAD)
]

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    "h5p": H5P_STORAGE,
    "certificates": CERT_STORAGE,
}

# Several processes (gunicorn workers, app servers) must share one cache: the content cache's
# version (lms/lib/content_cache.py) tells every process at once that a page, a view restriction
# or a quiz changed. A per-process cache is allowed only when one process serves everything,
# and only when that is said explicitly.
LMS_SINGLE_PROCESS = env_bool("LMS_SINGLE_PROCESS", False)
if env("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env("REDIS_URL"),
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
elif not LMS_SINGLE_PROCESS:
    raise ImproperlyConfigured(
        "REDIS_URL chưa được đặt. Khi có nhiều tiến trình phục vụ (nhiều worker gunicorn, nhiều "
        "máy chủ), bộ nhớ đệm phải dùng chung qua Redis, ví dụ REDIS_URL=redis://127.0.0.1:6379/0; "
        "nếu không, thay đổi nội dung hoặc quyền xem sẽ chậm áp dụng ở các tiến trình khác. "
        "Chỉ khi chạy đúng một tiến trình (gunicorn --workers 1) mới đặt LMS_SINGLE_PROCESS=1."
    )

# Background tasks are stored in the database (django-tasks-db) and run by a worker beside the
# application servers: `manage.py db_worker` (README, "Configuration"). Without a running
# worker, enqueued tasks wait in the table.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)

LOGGING["root"]["level"] = env("LOG_LEVEL", "INFO")
