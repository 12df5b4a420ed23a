"""Django settings. Everything that differs between machines comes from the environment
(see `.env.example`); the defaults give a working single-office or demo install on SQLite."""

from __future__ import annotations

import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from bakohumas.core.env import env_bool, env_int, env_list, env_path, env_str

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = env_path("BAKOHUMAS_DATA_DIR", Path.cwd() / "var")
DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("BAKOHUMAS_DEBUG", False)


def _secret_key() -> str:
    """SECRET_KEY from the environment; without it, one generated once and kept in the data
    directory, so a demo or a single-office install needs no set-up and stays logged in."""
    key = env_str("SECRET_KEY", "")
    if key:
        return key
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",  # the widget templates, for the project's form renderer
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",  # backup codes for two-step verification
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "django_rq",
    "django_tasks_rq",
    "bakohumas.core",
    "bakohumas.audit",
    "bakohumas.accounts",
    "bakohumas.jobs",
    "bakohumas.offices",
    "bakohumas.reports",
    "bakohumas.evaluation",
    "bakohumas.ppid",
    "bakohumas.library",
    "bakohumas.records",
    "bakohumas.followup",
    "bakohumas.quality",
    "bakohumas.media",
    "bakohumas.publications",
    "bakohumas.posts",
    "bakohumas.governance",
    "bakohumas.meetings",
    "bakohumas.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "bakohumas.core.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "bakohumas.core.middleware.LanguageCookieMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before CsrfViewMiddleware, whose process_view reads the body first (core/bodylimit.py).
    "bakohumas.core.bodylimit.RequestBodyLimitMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "bakohumas.accounts.middleware.IdleSessionMiddleware",
    "bakohumas.accounts.middleware.UserSessionMiddleware",
    "bakohumas.accounts.middleware.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "bakohumas.urls"
WSGI_APPLICATION = "bakohumas.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    }
]

FORM_RENDERER = "bakohumas.core.forms.FormRenderer"

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'bakohumas.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers work while one writer commits; IMMEDIATE avoids upgrade deadlocks.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "offices.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "bakohumas.accounts.backends.EmailOrUsernameBackend",  # user name or e-mail (issue 16)
]
# Argon2 first, as Django's documentation recommends (issue 18): memory-hard, and cheaper per login
# than PBKDF2's million rounds (docs/benchmarks.md, "Login"). The PBKDF2 hashers stay so that existing
# hashes still verify; Django rewrites each as Argon2 at the account's next login.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# The same client address as the rate limits and audit rows: behind BAKOHUMAS_TRUSTED_PROXIES reverse
# proxies, the address the outermost proxy saw (never the proxy's own).
AXES_CLIENT_IP_CALLABLE = "bakohumas.core.ratelimit.client_ip"

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # whitenoise expects it; `collectstatic` fills it in production
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
WHITENOISE_USE_FINDERS = True
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Uploads: evidence files and CSV imports. Bigger bodies are refused before they reach a view.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Every request body, files included, from its Content-Length before it is read (core/bodylimit.py):
# without a session (the PPID form and its attachment), and signed in. The media uploads take one
# video (MEDIA_VIDEO_MAX_MB) plus 1 MB when that is more.
REQUEST_MAX_BYTES_ANONYMOUS = env_int("BAKOHUMAS_REQUEST_MAX_BYTES_ANONYMOUS", 5 * 1024 * 1024)
REQUEST_MAX_BYTES = env_int("BAKOHUMAS_REQUEST_MAX_BYTES", 100 * 1024 * 1024)
EVIDENCE_MAX_BYTES = env_int("BAKOHUMAS_EVIDENCE_MAX_BYTES", 10 * 1024 * 1024)
IMPORT_MAX_BYTES = env_int("BAKOHUMAS_IMPORT_MAX_BYTES", 5 * 1024 * 1024)
# Activity documentation (bakohumas.media, docs/media.md): per-file limits in megabytes, and where
# chunks of a resumable upload wait until the last one arrives.
MEDIA_PHOTO_MAX_MB = env_int("BAKOHUMAS_MEDIA_PHOTO_MAX_MB", 40)
MEDIA_VIDEO_MAX_MB = env_int("BAKOHUMAS_MEDIA_MAX_MB", 500)
MEDIA_MAX_MEGAPIXELS = env_int("BAKOHUMAS_MEDIA_MAX_MEGAPIXELS", 50)  # photos above it are never decoded
MEDIA_UPLOAD_TMP = DATA_DIR / "unggah-sementara"
# Website feeds are fetched only from public addresses (docs/posts.md); a KPU intranet site needs this.
POSTS_FEEDS_ALLOW_PRIVATE = env_bool("BAKOHUMAS_FEEDS_ALLOW_PRIVATE", False)

SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)
# The absolute limit above; besides it a session ends after this many idle minutes and when the browser
# closes (shared computers in offices). See docs/accounts.md.
BAKOHUMAS_SESSION_IDLE_MINUTES = env_int("BAKOHUMAS_SESSION_IDLE_MINUTES", 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Two-factor authentication (TOTP) required of everyone of a province or KPU RI (accounts/policy.py);
# `bakohumas demo` turns it off.
BAKOHUMAS_2FA_REQUIRED = env_bool("BAKOHUMAS_2FA_REQUIRED", True)
OTP_TOTP_ISSUER = "Bakohumas KPU"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
HTTPS = env_bool("BAKOHUMAS_HTTPS", False)
if HTTPS:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    # Subdomains of the site's own host name only (docs/security.md); preloading is the decision of
    # whoever owns the registered domain (kpu.go.id), not of one application, hence W021 silenced.
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
    SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Absolute links in e-mail (reminders), e.g. https://bakohumas.kpu.go.id
BAKOHUMAS_BASE_URL = env_str("BAKOHUMAS_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "bakohumas@localhost")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)

NINJA_PAGINATION_PER_PAGE = 100

# Days relative to a report deadline on which `bakohumas send-reminders` e-mails offices that owe
# a report: 3 = three days before, -1 = one day after.
BAKOHUMAS_REMINDER_DAYS = env_str("BAKOHUMAS_REMINDER_DAYS", "3,1,-1,-3,-7")

PPID_FORM_RATE_LIMIT = env_int("BAKOHUMAS_PPID_FORM_RATE_LIMIT", 5)  # registered public requests per IP address per hour
PPID_ATTACHMENT_MAX_BYTES = env_int("BAKOHUMAS_PPID_ATTACHMENT_MAX_BYTES", 2 * 1024 * 1024)
# Rate limits (docs/security.md). The client's address is REMOTE_ADDR, unless gunicorn sits behind
# this many reverse proxies that each append to X-Forwarded-For (nginx in front: 1).
TRUSTED_PROXIES = env_int("BAKOHUMAS_TRUSTED_PROXIES", 0)
NINJA_NUM_PROXIES = TRUSTED_PROXIES
API_RATE_USER = env_str("BAKOHUMAS_API_RATE_USER", "120/min")  # API calls per signed-in user
API_RATE_ANON = env_str("BAKOHUMAS_API_RATE_ANON", "30/min")  # API calls per address without a session
PUBLIC_FORM_RATE_LIMIT = env_int("BAKOHUMAS_PUBLIC_FORM_RATE_LIMIT", 10)  # posts per address per hour per public form

# A shared cache keeps rate limits consistent across gunicorn workers; local memory otherwise.
if env_str("REDIS_URL", ""):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": env_str("REDIS_URL")}}

# Background jobs (exports, reminders, imports) through Django's Tasks API (the django-tasks backport).
# The embedded default keeps the queue in the database and needs no other server (`bakohumas
# db_worker`); with REDIS_URL set, production runs RQ workers on Redis (`bakohumas rqworker
# --job-class django_tasks_rq.Job`). "immediate" runs a job inside the request (tests, tiny installs).
REDIS_URL = env_str("REDIS_URL", "")
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "rq": "django_tasks_rq.RQBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
_task_backend = env_str("BAKOHUMAS_TASKS", "rq" if REDIS_URL else "database")
if _task_backend not in TASK_BACKENDS:
    raise ImproperlyConfigured(f"BAKOHUMAS_TASKS must be one of {', '.join(TASK_BACKENDS)}, not {_task_backend!r}")
TASKS = {"default": {"BACKEND": TASK_BACKENDS[_task_backend], "QUEUES": ["default"]}}
RQ_QUEUES = {"default": {"URL": REDIS_URL or "redis://127.0.0.1:6379/0", "DEFAULT_TIMEOUT": 900}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
