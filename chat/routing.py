from channels.security.websocket import WebsocketDenier
from django.urls import path, re_path

from chat.consumers import ChatConsumer

# The seed's endpoint is exactly /ws (asgi.py wraps these routes in origin and session checks).
# Any other path is refused at the handshake (HTTP 403) rather than failing the router with a
# traceback (channels raises "No route found").
websocket_urlpatterns = [
    path("ws", ChatConsumer.as_asgi()),
    re_path(r"", WebsocketDenier.as_asgi()),
]
