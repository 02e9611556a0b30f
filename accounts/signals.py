"""What accounts announces to higher apps (the chat closes sockets on them), each after commit."""

import hashlib
from typing import Any

from django.db import transaction
from django.dispatch import Signal

# An API token was revoked, with user_id and token_id.
token_revoked = Signal()
# A page session ended by logging out, with user_id and session_hash (session_key_hash() of its
# key: the key itself is a credential and stays out of the channel layer).
session_ended = Signal()
# An account was deactivated or deleted, with user_id: nothing of it may stay connected.
user_deactivated = Signal()


def session_key_hash(session_key: str) -> str:
    return hashlib.sha256(session_key.encode()).hexdigest()


def logged_out_receiver(sender: Any, *, request: Any, user: Any, **kwargs: Any) -> None:
    """django's user_logged_out (sent before the session is flushed): announce session_ended."""
    session_key = getattr(getattr(request, "session", None), "session_key", None)
    if user is None or not session_key:
        return
    user_id, session_hash = user.pk, session_key_hash(session_key)
    transaction.on_commit(lambda: session_ended.send(sender=None, user_id=user_id, session_hash=session_hash))


def user_saved_receiver(sender: Any, *, instance: Any, **kwargs: Any) -> None:
    """post_save of a User: an inactive account announces user_deactivated. (Every save of an
    inactive account repeats it; with nothing connected that is one empty group send.)"""
    if not instance.is_active:
        _announce_deactivated(instance.pk)


def user_deleted_receiver(sender: Any, *, instance: Any, **kwargs: Any) -> None:
    _announce_deactivated(instance.pk)


def _announce_deactivated(user_id: int) -> None:
    transaction.on_commit(lambda: user_deactivated.send(sender=None, user_id=user_id))
