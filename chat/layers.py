"""The default channel layer: channels_postgres on the project's own database.

Chat events cross processes (the worker publishes job progress, daphne delivers it), so the
layer must keep its state outside the process. Without REDIS_URL that state lives in Postgres:
messages in a table whose trigger sends NOTIFY, read by one LISTEN connection per web process.

The subclass fixes what the package (1.1.4) gets wrong for a long-running web process:
- two consumers starting together could each open a LISTEN connection, delivering every message
  twice; now one listener runs per event loop, restarted if its connection drops;
- each connection took a Postgres advisory lock (held for the pool connection's lifetime, one
  slot each in the shared lock table) although its process-specific channel ("…!…") can only be
  read by this process anyway; those now skip the lock;
- per-channel queues and lock entries were never freed, and every group_discard spawned two
  tasks sleeping 10-20 minutes; now `channel_forget` frees a closed connection's state and one
  periodic task per process deletes expired rows;
- a listener starting up deleted every queued message in the table, for every process, into its
  own queues, where the other processes' messages were lost; now it takes only messages for
  this process's own channels (their names carry its client prefix).

These overrides reach into the package's private methods and attributes (_get_or_create_*,
_channel_advisory_locks, django_db.retrieve_non_expired_queued_messages), so channels-postgres is
pinned exactly in pyproject.toml and tests/test_dependencies.py fails on any other version: check
each override against the new code before moving the pin. They become unnecessary once upstream
runs one listener per process, skips the advisory lock for process-local channels, frees a closed
channel's state, and reads only its own channels' queued messages at start-up.
"""

import asyncio
import logging
from datetime import timedelta
from typing import Any

from channels_postgres.core import ASYNCIO_EVENT_CHANNEL_MAPPING
from channels_postgres.core import PostgresChannelLayer as BasePostgresChannelLayer
from channels_postgres.db import MESSAGE_TABLE
from django.db import connections
from django.utils import timezone

logger = logging.getLogger(__name__)
LISTEN_RETRY_SECONDS = 1.0
# The package's start-up query without its flaw: only rows for this process's channels.
OWN_QUEUED_MESSAGES = f"""
    DELETE FROM {MESSAGE_TABLE}
    WHERE id IN (
        SELECT id FROM {MESSAGE_TABLE}
        WHERE expire > %s AND channel LIKE %s
        FOR UPDATE SKIP LOCKED
    )
    RETURNING id::text, channel, message, extract(epoch from expire)::text
"""


class PostgresChannelLayer(BasePostgresChannelLayer):
    """channels_postgres connecting with DATABASES["default"] as it is when first used.

    Reading the connection settings at first use (not at settings import) keeps tests on their
    test database and spares a second DATABASES alias; the package's tables are migrated into
    the default database.
    """

    def __init__(self, **config: Any) -> None:
        database = {**connections["default"].settings_dict, **config}
        super().__init__(**database)
        # The package deletes group rows through the ORM, by default on its own alias.
        self.django_db.using = "default"
        self._listener: tuple[asyncio.AbstractEventLoop, asyncio.Task] | None = None
        self._cleanup: asyncio.Task | None = None
        # listen_to_all_channels calls this when its listener starts (see the module doc).
        self.django_db.retrieve_non_expired_queued_messages = self._own_queued_messages

    async def _own_queued_messages(self) -> list[tuple[str, str, bytes, str]]:
        # Channel names are "<prefix>.<client prefix>!<random>" (new_channel); LIKE needs the
        # prefix's "_" and "%" escaped, and a hex client prefix has neither.
        pattern = f"%.{self.client_prefix}!%"
        pool = await self.django_db.get_db_pool(db_params=self.db_params)
        async with pool.connection() as connection, connection.cursor() as cursor:
            await cursor.execute(OWN_QUEUED_MESSAGES, (timezone.now(), pattern))
            return await cursor.fetchall()

    # --- one LISTEN connection per event loop -------------------------------------------------

    def _get_or_create_listener_task(self) -> tuple[asyncio.Event, bool]:
        loop = asyncio.get_running_loop()
        if self._listener is None or self._listener[0] is not loop or self._listener[1].done():
            self.event_loop = loop
            self.listener_task_is_running = asyncio.Event()
            self._listener = (loop, loop.create_task(self._listen_forever()))
        return self.listener_task_is_running, False

    async def _listen_forever(self) -> None:
        while True:
            try:
                await self.listen_to_all_channels()
                return  # a deliberate shutdown
            except asyncio.CancelledError:
                raise
            except Exception:
                logger.warning("channel layer LISTEN connection failed; reconnecting", exc_info=True)
                await asyncio.sleep(LISTEN_RETRY_SECONDS)

    async def _get_or_create_channel_advisory_lock(self, channel: str) -> bool:
        if "!" in channel:  # process-specific: no other process can receive on it
            self._channel_advisory_locks[channel] = True
            return True
        return await super()._get_or_create_channel_advisory_lock(channel)

    # --- housekeeping ---------------------------------------------------------------------------

    def channel_forget(self, channel: str) -> None:
        """Free a closed connection's local queue; late messages for it are then discarded."""
        self._channel_advisory_locks.pop(channel, None)
        ASYNCIO_EVENT_CHANNEL_MAPPING.pop(channel, None)

    async def group_add(self, group: str, channel: str) -> None:
        await super().group_add(group, channel)
        self._start_cleanup()

    async def group_discard(self, group: str, channel: str, expire: int | None = None) -> None:
        await self.django_db.delete_channel_group(self._group_key(group), channel)

    def _start_cleanup(self) -> None:
        if self._cleanup is None or self._cleanup.done():
            self._cleanup = asyncio.get_running_loop().create_task(self._delete_expired_forever())

    async def _delete_expired_forever(self) -> None:
        while True:
            try:
                await self.django_db.delete_expired_groups()  # sleeps 10-20 minutes first
                await self.django_db.delete_expired_messages(expire=0)
            except asyncio.CancelledError:
                raise
            except Exception:
                logger.warning("channel layer cleanup failed", exc_info=True)

    # --- synchronous publishing (the worker) ----------------------------------------------------

    def group_send_sync(self, group: str, message: dict[str, Any]) -> None:
        """group_send for synchronous callers, on Django's own connection.

        The package's async path keeps a connection pool bound to the event loop that created
        it, which async_to_sync (a fresh loop per call) would leave dangling. One insert per
        member channel is exactly what group_send does; the table trigger sends the NOTIFY.
        """
        from channels_postgres.models import GroupChannel, Message

        channels = set(
            GroupChannel.objects.filter(group_key=self._group_key(group)).values_list("channel", flat=True)
        )
        if not channels:
            return
        expire = timezone.now() + timedelta(seconds=self.expiry)
        payload = self.serialize(message)
        Message.objects.bulk_create(
            [Message(channel=channel, message=payload, expire=expire) for channel in sorted(channels)]
        )
