from django.dispatch import Signal

# Sent after commit when an API token is revoked, with user_id and token_id.
token_revoked = Signal()
