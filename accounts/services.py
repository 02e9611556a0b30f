"""Account workflows: register, authenticate, issue and revoke API tokens."""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.models import ApiToken, User, hash_token
from accounts.signals import token_revoked
from resume_analyzer.errors import Conflict, Rejected
from resume_analyzer.text import storable


class EmailTaken(Conflict):
    def __init__(self) -> None:
        super().__init__("Email already registered", "An account with this email already exists", field="email")


@dataclass(frozen=True)
class IssuedToken:
    raw: str
    token: ApiToken


def user_register(*, email: str, password: str, name: str) -> User:
    """Create a user; raises EmailTaken, or Rejected for a weak password."""
    email = User.objects.normalize_email(email).lower()
    if User.objects.filter(email__iexact=email).exists():
        raise EmailTaken()
    try:
        validate_password(password, user=User(email=email, name=name))
    except ValidationError as exc:
        raise Rejected("Invalid password", " ".join(exc.messages), field="password") from exc
    try:
        with transaction.atomic():
            return User.objects.create_user(email=email, password=password, name=name)
    except IntegrityError as exc:  # a concurrent registration won the race
        raise EmailTaken() from exc


def user_authenticate(*, email: str, password: str) -> User | None:
    if not (storable(email) and storable(password)):
        return None  # no account was registered with these characters; the database would refuse them
    return authenticate(username=email.strip().lower(), password=password)


def token_issue(*, user: User, days: int | None = None) -> IssuedToken:
    raw = secrets.token_urlsafe(32)
    ttl = settings.API_TOKEN_TTL_DAYS if days is None else days
    token = ApiToken.objects.create(
        user=user, key_hash=hash_token(raw), expires_at=timezone.now() + timedelta(days=ttl)
    )
    return IssuedToken(raw=raw, token=token)


def token_lookup(raw: str) -> ApiToken | None:
    """The active token for a raw value, or None (unknown, revoked or expired)."""
    if not raw or len(raw) > 256 or not storable(raw):
        return None
    try:  # get(), not first(): key_hash is unique, and first() would add an ORDER BY
        token = ApiToken.objects.active().select_related("user").get(key_hash=hash_token(raw))
    except ApiToken.DoesNotExist:
        return None
    return token if token.user.is_active else None


def token_touch(token: ApiToken) -> None:
    # Write at most once a minute per token so authentication stays a read.
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)


def token_revoke(*, token: ApiToken) -> None:
    revoked = ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
    if revoked:
        # Listeners (the chat) close what the token still holds open, once the revocation is stored.
        transaction.on_commit(
            lambda: token_revoked.send(sender=ApiToken, user_id=token.user_id, token_id=token.pk)
        )


def demo_user_ensure() -> User:
    """The demo account `make run` prints, so a fresh install can be tried at once."""
    user = User.objects.filter(email=settings.DEMO_EMAIL).first()
    if user is None:
        user = User.objects.create_user(
            email=settings.DEMO_EMAIL, password=settings.DEMO_PASSWORD, name="Demo Recruiter"
        )
    elif not user.check_password(settings.DEMO_PASSWORD):
        user.set_password(settings.DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user
