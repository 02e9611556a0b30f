"""Django's PostgreSQL backend, except for how long a web request waits for a pooled connection.

A busy pool (every connection lent to other requests: under daphne each request runs on its own
thread) is worth waiting for, up to DATABASE_POOL_TIMEOUT (10 s). A pool with no connection at
all is a database that went away: the pool keeps reconnecting in the background, and a request
waiting 10 s for it is what made every request and /healthz take 10 s during an outage. So a
request first waits DATABASE_POOL_FAST_TIMEOUT (0.5 s); if the pool then holds no connection, or
its last attempts to open one failed, the request fails at once (OperationalError: the API's 503
JSON, the 503 page); otherwise the database is up and busy, and it waits the rest.
"""

from django.conf import settings
from django.db.backends.postgresql.base import DatabaseWrapper as PostgresDatabaseWrapper
from django.utils.asyncio import async_unsafe
from psycopg import IsolationLevel
from psycopg_pool import PoolTimeout

_at_last_success: dict[int, int] = {}  # pool -> its failed connection attempts when a request last got one


def _errors(pool) -> int:
    return pool.get_stats().get("connections_errors", 0)


def database_away(pool) -> bool:
    """The pool's attempts to open a connection failed since a request last got one (the
    counter is psycopg_pool's own), or it holds no connection at all."""
    stats = pool.get_stats()
    return not stats.get("pool_size") or stats.get("connections_errors", 0) > _at_last_success.get(id(pool), 0)


class DatabaseWrapper(PostgresDatabaseWrapper):
    @async_unsafe
    def get_new_connection(self, conn_params):
        pool = self.pool
        if not pool:
            return super().get_new_connection(conn_params)
        # As the parent: the isolation level from OPTIONS, read committed by default.
        options = self.settings_dict["OPTIONS"]
        chosen = "isolation_level" in options
        self.isolation_level = IsolationLevel(options["isolation_level"]) if chosen else IsolationLevel.READ_COMMITTED
        pool.open()
        fast = settings.DATABASE_POOL_FAST_TIMEOUT
        try:
            connection = pool.getconn(timeout=fast)
        except PoolTimeout:
            if database_away(pool):
                raise
            connection = pool.getconn(timeout=max(0.1, pool.timeout - fast))
        _at_last_success[id(pool)] = _errors(pool)
        if chosen:
            connection.isolation_level = self.isolation_level
        return connection
