from django.urls import path

from chat.consumers import ChatConsumer

# The seed's endpoint is exactly /ws (asgi.py wraps these routes in origin and session checks).
websocket_urlpatterns = [path("ws", ChatConsumer.as_asgi())]
