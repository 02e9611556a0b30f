import hashlib
from datetime import timedelta

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone

from resume_analyzer.text import refuse_control_characters


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra):
        if not email:
            raise ValueError("email is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """Email is the login; `name` is what the UI and the API show."""

    email = models.EmailField(unique=True)
    # Shown to users: the rule for uploaded filenames (admin, createsuperuser; the API and the
    # register page check it in their fields).
    name = models.CharField(max_length=150, blank=True, validators=[refuse_control_characters])
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name"]

    def __str__(self) -> str:
        return self.email


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class ApiToken(models.Model):
    """A bearer token. Only its sha256 is stored; the raw value is shown once, at login."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"token {self.key_hash[:8]}… for {self.user}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()

    @staticmethod
    def default_expiry(days: int) -> "timezone.datetime":
        return timezone.now() + timedelta(days=days)


class RateLimit(models.Model):
    """One rate-limit key's state (accounts/throttling.py): the time at which its bucket would be
    empty again. A row whose time has passed means the same as no row and is pruned."""

    key = models.CharField(max_length=255, primary_key=True)
    tat = models.DateTimeField(help_text="Theoretical arrival time of the next request (GCRA).")

    def __str__(self) -> str:
        return self.key
