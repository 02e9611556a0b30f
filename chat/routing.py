# The chat consumer registers its /ws route here.
websocket_urlpatterns: list = []
