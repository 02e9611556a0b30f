"""Real-time events to a user's connected chat clients (each user's sockets share one group).

Interface used by other apps; the chat app implements the delivery.
"""


def job_update_publish(*, owner_id: int, job_id: str, status: str, progress: int) -> None:
    """Push {"type": "job_update", job_id, status, progress} to every tab of the job's owner.

    Must be safe to call from the worker process and must never raise (delivery is best effort;
    pages fall back to polling).
    """
    return None
