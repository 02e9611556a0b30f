import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "resume_analyzer.settings")
# Static files are served by WhiteNoise's middleware inside it (resume_analyzer/staticfiles.py).
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402

from chat.routing import websocket_urlpatterns  # noqa: E402
from chat.security import AllowedHostsOrNoOriginValidator  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": AllowedHostsOrNoOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns))),
    }
)
