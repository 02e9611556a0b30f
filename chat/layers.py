"""The default channel layer: channels_postgres on the project's own database.

Chat events cross processes (the worker publishes job progress, daphne delivers it), so the
layer must keep its state outside the process. Without REDIS_URL that state lives in Postgres:
messages in a table whose trigger sends NOTIFY, read by one LISTEN connection per web process.
"""

from datetime import timedelta
from typing import Any

from channels_postgres.core import PostgresChannelLayer as BasePostgresChannelLayer
from django.db import connections
from django.utils import timezone


class PostgresChannelLayer(BasePostgresChannelLayer):
    """channels_postgres that connects with DATABASES["default"] as it is when first used.

    Reading the connection settings at first use (not at settings import) keeps tests on their
    test database and spares a second DATABASES alias; the package's tables are migrated into
    the default database.
    """

    def __init__(self, **config: Any) -> None:
        database = {**connections["default"].settings_dict, **config}
        super().__init__(**database)
        # The package deletes group rows through the ORM, by default on its own alias.
        self.django_db.using = "default"

    def group_send_sync(self, group: str, message: dict[str, Any]) -> None:
        """group_send for synchronous callers (the worker), on Django's own connection.

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
