"""The daphne command `make run` and the tests use carries the seed's WebSocket settings.

(That the limit really closes with 1009 is shown against a running server in test_websocket.)
"""

from resume_analyzer.run import daphne_command


def test_daphne_command_sets_the_seed_heartbeat_and_size_limit():
    command = daphne_command("127.0.0.1", 8081)
    options = dict(zip(command, command[1:], strict=False))
    assert command[1:3] == ["-m", "resume_analyzer.server"]
    assert options["--ping-interval"] == "54" and options["--ping-timeout"] == "60"
    assert options["--websocket-max-message-size"] == options["--websocket-max-frame-size"] == str(512 * 1024)



def test_daphne_does_not_take_client_addresses_from_forwarded_headers():
    # The client writes X-Forwarded-For's left end; DRF reads it only behind NUM_PROXIES proxies.
    assert "--proxy-headers" not in daphne_command("127.0.0.1", 8081)
