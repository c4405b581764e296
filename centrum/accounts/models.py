import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from centrum.core.models import CentreScopedModel, TimeStampedModel


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        """The platform admin, typed in at the server (`manage.py createsuperuser`).

        The address counts as verified: the first admin must be able to sign in before outgoing
        mail is configured, and whoever runs the command already controls the installation.
        """
        from allauth.account.models import EmailAddress

        extra.update(is_staff=True, is_superuser=True)
        user = self._create_user(email, password, **extra)
        EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        return user


class User(AbstractBaseUser, PermissionsMixin):
    """A person. Signs in with e-mail; `is_superuser` is the platform admin across centres."""

    email = models.EmailField(_("e-mail"), unique=True)
    full_name = models.CharField(_("imię i nazwisko"), max_length=150, blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    language = models.CharField(_("język"), max_length=5, choices=settings.LANGUAGES, default="pl")
    is_active = models.BooleanField(_("aktywny"), default=True)
    is_staff = models.BooleanField(_("dostęp do panelu Django"), default=False)
    date_joined = models.DateTimeField(_("data rejestracji"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("użytkownik")
        verbose_name_plural = _("użytkownicy")

    def __str__(self):
        return self.full_name or self.email

    @property
    def is_platform_admin(self) -> bool:
        return self.is_active and self.is_superuser

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email


class CentreRoleKind(models.TextChoices):
    STAFF = "staff", _("pracownik centrum")
    ADVISER = "adviser", _("doradca")
    OFFICIAL = "official", _("urzędnik")
    EVALUATOR = "evaluator", _("członek komisji konkursowej")
    COORDINATOR = "coordinator", _("koordynator wolontariatu")


class CentreRole(CentreScopedModel):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="centre_roles")
    role = models.CharField(_("rola"), max_length=20, choices=CentreRoleKind.choices)

    class Meta:
        verbose_name = _("rola w centrum")
        verbose_name_plural = _("role w centrum")
        constraints = [models.UniqueConstraint(fields=["centre", "user", "role"], name="centre_role_unique")]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()}"


class MembershipRole(models.TextChoices):
    ADMIN = "admin", _("administrator")
    MEMBER = "member", _("członek")


class Membership(CentreScopedModel):
    """A person acting for an organisation."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(
        _("rola"), max_length=10, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )

    class Meta:
        verbose_name = _("członkostwo w organizacji")
        verbose_name_plural = _("członkostwa w organizacjach")
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="membership_unique")]

    def __str__(self):
        return f"{self.user} @ {self.organisation} ({self.get_role_display()})"


class InvitationStatus(models.TextChoices):
    PENDING = "pending", _("oczekuje")
    ACCEPTED = "accepted", _("przyjęte")
    REVOKED = "revoked", _("cofnięte")


class MembershipInvitation(CentreScopedModel):
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mail"))
    role = models.CharField(
        _("rola"), max_length=10, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    token = models.CharField(max_length=64, unique=True, default=secrets.token_urlsafe)
    status = models.CharField(
        max_length=10, choices=InvitationStatus.choices, default=InvitationStatus.PENDING
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    expires_at = models.DateTimeField()
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("zaproszenie")
        verbose_name_plural = _("zaproszenia")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "email"],
                condition=models.Q(status="pending"),
                name="invitation_one_pending_per_email",
            )
        ]

    def __str__(self):
        return f"{self.email} → {self.organisation}"

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at


class CentreRoleInvitation(CentreScopedModel):
    """A role in a centre offered to an e-mail without an account; granted once that e-mail is verified."""

    email = models.EmailField(_("e-mail"))
    role = models.CharField(_("rola"), max_length=20, choices=CentreRoleKind.choices)
    status = models.CharField(
        max_length=10, choices=InvitationStatus.choices, default=InvitationStatus.PENDING
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    expires_at = models.DateTimeField()
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("zaproszenie do zespołu centrum")
        verbose_name_plural = _("zaproszenia do zespołu centrum")
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "email", "role"],
                condition=models.Q(status="pending"),
                name="centre_role_invitation_one_pending",
            )
        ]

    def __str__(self):
        return f"{self.email} → {self.get_role_display()}"

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at


class ApiToken(TimeStampedModel):
    """A token for scripts; only its SHA-256 is stored, the token is shown once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    centre = models.ForeignKey("core.Centre", on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("nazwa"), max_length=100)
    prefix = models.CharField(max_length=8)
    key_hash = models.CharField(max_length=64, unique=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("token API")
        verbose_name_plural = _("tokeny API")

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @staticmethod
    def hash_key(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()
