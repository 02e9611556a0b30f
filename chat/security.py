"""The Origin check for /ws, admitting clients that send no Origin at all.

Browsers always send Origin on a WebSocket handshake (RFC 6455 §4.1), so checking it against
ALLOWED_HOSTS is what stops cross-site WebSocket hijacking with a victim's session cookie. A
client that sends no Origin is not a browser (a script with a bearer token, exactly like the
seed's handshake example) and has no victim's cookies to ride, so refusing it protects nothing.
Channels' AllowedHostsOriginValidator refuses it; this one lets it through to token auth.

Use in asgi.py: AllowedHostsOrNoOriginValidator(AuthMiddlewareStack(URLRouter(...))).
"""

from urllib.parse import ParseResult

from channels.security.websocket import OriginValidator
from django.conf import settings


class NoOriginOrAllowedValidator(OriginValidator):
    def valid_origin(self, parsed_origin: ParseResult | None) -> bool:
        return parsed_origin is None or super().valid_origin(parsed_origin)


def AllowedHostsOrNoOriginValidator(application) -> NoOriginOrAllowedValidator:  # noqa: N802 (as channels names it)
    allowed_hosts = settings.ALLOWED_HOSTS
    if settings.DEBUG and not allowed_hosts:
        allowed_hosts = ["localhost", "127.0.0.1", "[::1]"]
    return NoOriginOrAllowedValidator(application, allowed_hosts)
