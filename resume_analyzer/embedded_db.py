"""The embedded PostgreSQL (with pgvector) used when no DATABASE_URL is set.

pgserver ships PostgreSQL 16 and pgvector as a wheel. We start it with cleanup_mode=None so the
server outlives any single process (web, worker, manage.py commands all share it); `make run`
stops it on exit through `stop_server`.
"""

import logging
import os
import warnings
from pathlib import Path

logger = logging.getLogger(__name__)

DB_NAME = "resume_analyzer"


def _pgdata(data_dir: Path) -> Path:
    return data_dir / "postgres"


def _quiet_runtime_dir() -> None:
    # pgserver keeps a lock file under XDG_RUNTIME_DIR; without one platformdirs warns.
    if not os.environ.get("XDG_RUNTIME_DIR"):
        os.environ["XDG_RUNTIME_DIR"] = f"/tmp/runtime-{os.getuid()}"
        Path(os.environ["XDG_RUNTIME_DIR"]).mkdir(mode=0o700, exist_ok=True)


def ensure_server(data_dir: Path):
    """Start (or attach to) the embedded server and make sure our database exists."""
    _quiet_runtime_dir()
    # pgserver logs every attach at INFO before Django's logging is configured.
    logging.getLogger("pgserver").setLevel(logging.WARNING)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pgserver

    pgdata = _pgdata(data_dir)
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    server = pgserver.get_server(pgdata, cleanup_mode=None)
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{DB_NAME}';")
    if "(1 row)" not in exists:
        server.psql(f"CREATE DATABASE {DB_NAME};")
    return server


def database_settings(data_dir: Path) -> dict:
    """Django DATABASES['default'] for the embedded server (unix socket, trust auth)."""
    server = ensure_server(data_dir)
    socket_dir = server.get_postmaster_info().socket_dir
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DB_NAME,
        "USER": "postgres",
        "PASSWORD": "",
        "HOST": str(socket_dir),
        "PORT": "",
        # Reuse connections for a minute, as with DATABASE_URL: a new one per request costs ~5 ms.
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
    }


def stop_server(data_dir: Path) -> None:
    """Stop the embedded server if it runs (used by `make run` on shutdown)."""
    pgdata = _pgdata(data_dir)
    if not (pgdata / "postmaster.pid").exists():
        return
    _quiet_runtime_dir()
    from pgserver._commands import pg_ctl

    user = "pgserver" if os.geteuid() == 0 else None
    try:
        pg_ctl(["-w", "-m", "fast", "stop"], pgdata=pgdata, user=user)
    except Exception as exc:  # the server may already be gone; nothing to stop then
        logger.info("embedded postgres stop: %s", exc)
