"""With REDIS_URL set, chat events cross processes through channels_redis on a real redis-server."""

import socket
import subprocess
import time

import pytest

from accounts.services import token_issue
from chat.events import job_update_publish
from tests.chat.wsclient import ChatClient
from tests.support import processes
from tests.support.processes import ServerProcess, free_port

pytestmark = pytest.mark.slow


@pytest.fixture
def redis_url(tmp_path):
    port = free_port()
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--dir", str(tmp_path)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 15
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("redis-server did not start") from None
            time.sleep(0.1)
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def redis_daphne(transactional_db, redis_url, settings):
    settings.CHANNEL_LAYERS = {
        "default": {"BACKEND": "channels_redis.core.RedisChannelLayer", "CONFIG": {"hosts": [redis_url]}}
    }
    server = ServerProcess(database_url=processes.test_database_url(), env={"REDIS_URL": redis_url})
    server.start()
    yield server
    server.stop()


def test_job_updates_reach_every_tab_through_redis(redis_daphne, owner):
    token = token_issue(user=owner).raw
    with ChatClient(redis_daphne) as tab, ChatClient(redis_daphne) as other_tab:
        for ws in (tab, other_tab):
            ws.auth(token)
            ws.subscribe()
        job_update_publish(owner_id=owner.pk, job_id="a1b2", status="chunking", progress=30)
        for ws in (tab, other_tab):
            assert ws.recv() == {"type": "job_update", "job_id": "a1b2", "status": "chunking", "progress": 30}
