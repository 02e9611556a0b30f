"""One env-driven settings file. Development defaults make `make run` work with nothing set."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF

from resume_analyzer.ai.backends import LOCAL, backend_setting
from resume_analyzer.env import env_bool, env_int, env_list, env_str
from resume_analyzer.headers import static_headers

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env_str("DATA_DIR", str(BASE_DIR / ".data"))).resolve()

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY") or "dev-insecure-" + "k3y-for-local-use-only-change-me-in-production-x9"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
HOST = env_str("HOST", "127.0.0.1")
PORT = env_int("PORT", 8081)
# Web (daphne) processes `make run` starts on HOST:PORT (resume_analyzer/run.py); one per core.
WEB_CONCURRENCY = max(1, env_int("WEB_CONCURRENCY", os.cpu_count() or 1))

INSTALLED_APPS = [
    "daphne",
    # Before django.contrib.auth, whose commands it overrides (createsuperuser; the first app
    # listed wins).
    "accounts",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI and Redoc as static files: /api/docs works offline
    "corsheaders",
    "django_htmx",
    "channels",
    "django_q",
    "csp",
    "uploads",
    "analysis",
    "interview",
    "chat",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy on every response, static files included (CONTENT_SECURITY_POLICY).
    "csp.middleware.CSPMiddleware",
    # Static files, answered here with SecurityMiddleware's headers (resume_analyzer/staticfiles.py).
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "resume_analyzer.api_errors.ApiErrorMiddleware",
    "resume_analyzer.pages.PageErrorMiddleware",
]

ROOT_URLCONF = "resume_analyzer.urls"
ASGI_APPLICATION = "resume_analyzer.asgi.application"
APPEND_SLASH = False

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
            ],
        },
    },
]

# --- Database: DATABASE_URL, else the embedded PostgreSQL + pgvector from pgserver ---------------
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)}
else:
    from resume_analyzer.embedded_db import database_settings

    DATABASES = {"default": database_settings(DATA_DIR)}
DATABASES["default"].setdefault("TEST", {})
# Django's PostgreSQL backend, with a pool that fails fast when the database is away.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["ENGINE"] = "resume_analyzer.postgres"
DATABASE_POOL_FAST_TIMEOUT = float(env_str("DATABASE_POOL_FAST_TIMEOUT", "0.5"))
# A database that went away fails requests at once (503) instead of hanging them: libpq gives up
# connecting after 2 s (its minimum; a refused or missing socket fails at once).
DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 2)
# The web process (resume_analyzer/server.py sets DATABASE_POOL): under ASGI a request's sync
# code can run on a fresh thread, and per-thread persistent connections (CONN_MAX_AGE) piled up
# until PostgreSQL refused clients (80 requests/s took one web process from 10 to 87 connections
# in 30 s). One bounded pool per process instead: Django's psycopg pool takes the connection
# back at the end of every request. Not in the workers: django-q2 forks them, and a pool (its
# sockets and background threads) must not cross a fork.
if env_bool("DATABASE_POOL", False):
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = False
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1,
        "max_size": env_int("DATABASE_POOL_SIZE", 10),
        # How long a request waits for a connection while all are lent out (under load); with
        # no connection at all (the database is away) it fails after DATABASE_POOL_FAST_TIMEOUT
        # (resume_analyzer/postgres/base.py). The pool reconnects by itself in the background.
        "timeout": float(env_str("DATABASE_POOL_TIMEOUT", "10")),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis (optional): cache, channel layer and django-q2 broker ---------------------------------
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
    CHANNEL_LAYERS = {
        "default": {"BACKEND": "channels_redis.core.RedisChannelLayer", "CONFIG": {"hosts": [REDIS_URL]}}
    }
else:
    # The cache lives in Postgres so throttles and worker stats are shared by every process.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "ra_cache",
            # Exports, throttle counters and worker stats share it; Django's default of 300 evicts.
            "OPTIONS": {"MAX_ENTRIES": 20000, "CULL_FREQUENCY": 4},
        }
    }
    # Chat events cross processes (worker -> web), so the layer keeps its state in Postgres.
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "chat.layers.PostgresChannelLayer",
            "CONFIG": {"group_expiry": 86400, "PSYCOPG_OPTIONS": {"min_size": 2, "max_size": 8}},
        }
    }
# channels_postgres's message and group tables are always migrated, whichever layer is in use.
INSTALLED_APPS.append("channels_postgres")

# --- Auth ------------------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
API_TOKEN_TTL_DAYS = env_int("API_TOKEN_TTL_DAYS", 30)
LOGIN_URL = "/login"
LOGIN_REDIRECT_URL = "/"
DEMO_EMAIL = env_str("DEMO_EMAIL", "demo@example.com")
DEMO_PASSWORD = env_str("DEMO_PASSWORD", "demo-resume-2026")

# --- Limits ----------------------------------------------------------------------------------------
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# Multipart framing and the small text fields around the file: a request body longer than
# MAX_UPLOAD_BYTES plus this cannot hold an acceptable file (refused unread, resume_analyzer/body_limit.py).
MULTIPART_OVERHEAD_BYTES = 64 * 1024
# Request bodies are checked against the upload limit by the upload view itself; other API bodies
# are small, so Django's in-memory limit stays modest and oversized JSON answers 413.
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# --- DRF -------------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["accounts.authentication.BearerTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # JSON only: the browsable API costs ~3.5x in throughput (see docs/design) and is not needed.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "resume_analyzer.parsers.JSONParser",
        "rest_framework.parsers.MultiPartParser",
        "rest_framework.parsers.FormParser",
    ],
    "EXCEPTION_HANDLER": "resume_analyzer.api_errors.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": ["accounts.throttling.UserRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "user": env_str("THROTTLE_USER", "600/min"),
        "expensive": env_str("THROTTLE_EXPENSIVE", "60/min"),
        "auth": env_str("THROTTLE_AUTH", "30/min"),  # login/register per client address
        "auth_account": env_str("THROTTLE_AUTH_ACCOUNT", "10/min"),  # ... and per account (email)
    },
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    # Client address for per-address limits: the socket's by default, so X-Forwarded-For (which
    # any client can send) cannot mint a fresh identity; behind N reverse proxies, set N.
    "NUM_PROXIES": env_int("NUM_PROXIES", 0),
    # The API speaks JSON only; `?format=` would otherwise pick a renderer and 404 on unknown names.
    "URL_FORMAT_OVERRIDE": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Resume Analyzer API",
    "DESCRIPTION": (
        "Upload resumes, analyse them into candidate profiles, export them and prepare interviews. "
        "Log in with `POST /api/auth/login` and send `Authorization: Bearer <token>`. Every error is "
        '`{"error": ..., "message": ...}` plus the keys its case shows; every call is rate limited '
        "(429 with `Retry-After`). The chat WebSocket `/ws` is described in docs/api.md."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "resume_analyzer.openapi.add_shared_responses",
    ],
}

# Scripts and styles only from this server's files (or carrying the response's nonce): no inline
# code, no eval, no other host. The pages put no script or style in their markup; htmx is told
# not to inject its indicator style nor to eval (templates/base.html). Only /api/redoc allows
# inline styles (Redoc makes its own; resume_analyzer/openapi.py REDOC_CSP).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],  # fetches and the /ws socket, same origin
        "worker-src": [SELF, "blob:"],  # Redoc's search worker
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_HEADERS = ["authorization", "content-type"]
CORS_PREFLIGHT_MAX_AGE = 3600

# --- Files -----------------------------------------------------------------------------------------
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "/media/"
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Content-hashed names (served with a year's caching) and gzip/Brotli copies, made by
    # collectstatic, which resume_analyzer.staticfiles.static_files_collect runs when sources change.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_KEEP_ONLY_HASHED_FILES = True
# Source maps are for developer tools only: not worth compressing (it took most of collectstatic).
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (
    "jpg", "jpeg", "png", "gif", "webp", "zip", "gz", "tgz", "bz2", "tbz", "xz", "br", "swf", "flv",
    "woff", "woff2", "3gp", "3gpp", "asf", "avi", "m4v", "mov", "mp4", "mpeg", "mpg", "webm", "wmv", "map",
)  # fmt: skip
WHITENOISE_ADD_HEADERS_FUNCTION = static_headers

# --- AI layer --------------------------------------------------------------------------------------
# An unknown backend name stops the process here, at startup (resume_analyzer/ai/backends.py).
AI_BACKEND = backend_setting("AI_BACKEND", env_str("AI_BACKEND", LOCAL))  # analysis, interview, chat
EMBEDDING_BACKEND = backend_setting("EMBEDDING_BACKEND", env_str("EMBEDDING_BACKEND", LOCAL))
OPENAI_BASE_URL = env_str("OPENAI_BASE_URL") or None
OPENAI_API_KEY = env_str("OPENAI_API_KEY", "")
OPENAI_MODEL = env_str("OPENAI_MODEL", "gpt-4o-mini")
OPENAI_EMBEDDING_MODEL = env_str("OPENAI_EMBEDDING_MODEL", "text-embedding-3-small")
OPENAI_TIMEOUT_SECONDS = float(env_str("OPENAI_TIMEOUT_SECONDS", "60"))
OPENAI_MAX_RETRIES = env_int("OPENAI_MAX_RETRIES", 2)

# --- Worker (django-q2) ----------------------------------------------------------------------------
ANALYSIS_MAX_CONCURRENCY = env_int("ANALYSIS_MAX_CONCURRENCY", 5)
ANALYSIS_TIMEOUT_SECONDS = env_int("ANALYSIS_TIMEOUT_SECONDS", 300)
# A running job whose heartbeat is older than this lost its worker (on any host) and is requeued,
# up to ANALYSIS_MAX_ATTEMPTS runs; the worker beats every ANALYSIS_HEARTBEAT_SECONDS.
ANALYSIS_HEARTBEAT_SECONDS = env_int("ANALYSIS_HEARTBEAT_SECONDS", 10)
ANALYSIS_STALE_SECONDS = env_int("ANALYSIS_STALE_SECONDS", 60)
ANALYSIS_MAX_ATTEMPTS = env_int("ANALYSIS_MAX_ATTEMPTS", 3)
# Load the embedding model when a worker process starts, not on its first job.
ANALYSIS_PRELOAD_MODEL = env_bool("ANALYSIS_PRELOAD_MODEL", True)
# Load it in the web process too, in the background once serving, for the chat's first question.
WEB_PRELOAD_MODEL = env_bool("WEB_PRELOAD_MODEL", True)
# Text extraction limits per PDF (pages read, seconds spent before the job fails).
EXTRACTION_MAX_PAGES = env_int("EXTRACTION_MAX_PAGES", 30)
EXTRACTION_TIME_LIMIT_SECONDS = env_int("EXTRACTION_TIME_LIMIT_SECONDS", 60)
# Memory a file's extraction may take beyond what the worker had (a child process, RLIMIT_AS).
EXTRACTION_MEMORY_LIMIT_MB = env_int("EXTRACTION_MEMORY_LIMIT_MB", 1024)
# Scanned PDF pages (analysis/documents/ocr.py): drawn at OCR_DPI, all of them read within
# OCR_TIME_LIMIT_SECONDS (pages are already capped by EXTRACTION_MAX_PAGES).
OCR_DPI = env_int("OCR_DPI", 300)
OCR_TIME_LIMIT_SECONDS = env_int("OCR_TIME_LIMIT_SECONDS", 120)
Q_CLUSTER = {
    "name": "resume_analyzer",
    "workers": ANALYSIS_MAX_CONCURRENCY,
    "timeout": ANALYSIS_TIMEOUT_SECONDS,
    # retry must exceed timeout, or a slow task is handed out twice.
    "retry": ANALYSIS_TIMEOUT_SECONDS + 60,
    "max_attempts": 3,
    "recycle": 200,
    # Prefetch no more than the workers can start: tasks held by a killed cluster wait `retry`.
    "queue_limit": ANALYSIS_MAX_CONCURRENCY,
    "save_limit": 1000,
    "catch_up": False,
    "label": "Task queue",
}
if REDIS_URL:
    Q_CLUSTER["redis"] = REDIS_URL
else:
    Q_CLUSTER["orm"] = "default"
    Q_CLUSTER["poll"] = 0.2

# --- Security for production -----------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
if not DEBUG and env_bool("HTTPS", False):
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"security_without_traceback": {"()": "resume_analyzer.logfilters.SecurityWithoutTraceback"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["security_without_traceback"]}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"pgserver": {"level": "WARNING"}, "daphne": {"level": "WARNING"}},
}
