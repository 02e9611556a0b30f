"""Real-time events to a user's connected chat clients (each user's sockets share one group).

The analysis app announces job changes with its `job_changed` signal (the chat subscribes in
ChatConfig.ready, so analysis never imports chat); the consumer delivers each event to every
open tab.
"""

import logging
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

logger = logging.getLogger(__name__)


def user_group(user_id: int) -> str:
    """The channel-layer group holding every chat connection of one user."""
    return f"chat.user.{user_id}"


def job_update_publish(*, owner_id: int, job_id: str, status: str, progress: int) -> None:
    """Push {"type": "job_update", job_id, status, progress} to every tab of the job's owner.

    Safe to call from the worker process; runs after the surrounding transaction commits (so a
    client re-reading the job sees the new state) and never raises: delivery is best effort and
    pages fall back to polling.
    """
    event = {"type": "job.update", "job_id": str(job_id), "status": str(status), "progress": int(progress)}
    group = user_group(owner_id)
    transaction.on_commit(lambda: group_send_sync(group, event))


def job_changed_receiver(
    sender: Any, *, owner_id: int, job_id: str, status: str, progress: int, **kwargs: Any
) -> None:
    """analysis.signals.job_changed (sent after commit): tell the owner's open tabs."""
    job_update_publish(owner_id=owner_id, job_id=job_id, status=status, progress=progress)


def token_revoked_receiver(sender: Any, *, user_id: int, token_id: int, **kwargs: Any) -> None:
    """accounts.signals.token_revoked: close the user's connections that used this token."""
    group_send_sync(user_group(user_id), {"type": "auth.revoked", "token_id": token_id})


def session_ended_receiver(sender: Any, *, user_id: int, session_hash: str, **kwargs: Any) -> None:
    """accounts.signals.session_ended: close the user's connections that used this page session."""
    group_send_sync(user_group(user_id), {"type": "auth.session_ended", "session_hash": session_hash})


def user_deactivated_receiver(sender: Any, *, user_id: int, **kwargs: Any) -> None:
    """accounts.signals.user_deactivated: close every connection of the account."""
    group_send_sync(user_group(user_id), {"type": "auth.deactivated"})


def group_send_sync(group: str, event: dict[str, Any]) -> None:
    """Send to a group from synchronous code, swallowing (and logging) delivery failures."""
    try:
        layer = get_channel_layer()
        if layer is None:
            return
        send = getattr(layer, "group_send_sync", None)
        if send is not None:
            send(group, event)
        else:
            async_to_sync(layer.group_send)(group, event)
    except Exception:  # a chat hiccup must never fail the analysis that reported progress
        logger.warning("could not deliver %s to %s", event.get("type"), group, exc_info=True)
