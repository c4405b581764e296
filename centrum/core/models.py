import re

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .scopes import CentreScopedManager
from .text import fold


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("zmieniono"), auto_now=True)

    class Meta:
        abstract = True


class CentreScopedModel(TimeStampedModel):
    """Every row that belongs to a centre carries it; selectors always filter by it.

    Its manager refuses to evaluate a query outside a centre scope (`centrum.core.scopes`), and
    `clean()` refuses a foreign key into another centre, so `full_clean()` in the services keeps
    every row inside its own centre.
    """

    centre = models.ForeignKey(
        "core.Centre", on_delete=models.CASCADE, related_name="+", verbose_name=_("centrum")
    )

    objects = CentreScopedManager()

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        errors = cross_centre_errors(self)
        if errors:
            raise ValidationError(errors)


def cross_centre_links(obj) -> list[tuple[str, object]]:
    """(field name, related object) of every link from a centre-owned row to another centre's row.

    Walks the row's foreign keys and one-to-one fields to other centre-owned models, and the
    many-to-many fields to centre-owned models once the row is saved.
    """
    centre_id = getattr(obj, "centre_id", None)
    if centre_id is None:
        return []
    found = []
    for field in obj._meta.get_fields():
        target = getattr(field, "related_model", None)
        if not (target and isinstance(target, type) and issubclass(target, CentreScopedModel)):
            continue
        if field.many_to_one or (field.one_to_one and field.concrete):
            related_id = getattr(obj, field.attname)
            if related_id is None:
                continue
            related = field.get_cached_value(obj, default=None)
            if related is None or related.pk != related_id:
                related = target._base_manager.filter(pk=related_id).only("centre_id").first()
            if related is not None and related.centre_id != centre_id:
                found.append((field.name, related))
        elif field.many_to_many and field.concrete and obj.pk is not None:
            for related in target._base_manager.filter(
                pk__in=getattr(obj, field.name)
                .through._base_manager.filter(**{field.m2m_field_name(): obj.pk})
                .values(field.m2m_reverse_field_name())
            ).exclude(centre_id=centre_id):
                found.append((field.name, related))
    return found


def cross_centre_errors(obj) -> dict[str, str]:
    return {
        name: _("Wybrana pozycja należy do innego centrum – wybierz pozycję z listy tego centrum.")
        for name, _related in cross_centre_links(obj)
    }


class LocalGovernmentKind(models.TextChoices):
    GMINA = "gmina", _("gmina")
    POWIAT = "powiat", _("powiat")
    WOJEWODZTWO = "wojewodztwo", _("województwo")


# The first word of a local government's name that already says what kind it is.
_GOVERNMENT_WORDS = {"gmina", "miasto", "m", "powiat", "wojewodztwo"}

slug_validator = RegexValidator(
    r"^[a-z0-9-]+$", _("Tylko małe litery bez polskich znaków, cyfry i myślniki.")
)


class Centre(TimeStampedModel):
    """The tenant: one NGO support centre of one local government."""

    slug = models.SlugField(_("identyfikator"), max_length=50, unique=True, validators=[slug_validator])
    name = models.CharField(_("nazwa"), max_length=200)
    short_name = models.CharField(_("nazwa skrócona"), max_length=60, blank=True)
    municipality = models.CharField(_("samorząd"), max_length=120)
    government_kind = models.CharField(
        _("rodzaj samorządu"),
        max_length=20,
        choices=LocalGovernmentKind.choices,
        default=LocalGovernmentKind.GMINA,
    )
    government_name = models.CharField(_("organ (urząd)"), max_length=200, blank=True)
    voivodeship = models.CharField(_("województwo"), max_length=60, blank=True)
    street = models.CharField(_("ulica i numer"), max_length=200, blank=True)
    postal_code = models.CharField(
        _("kod pocztowy"),
        max_length=6,
        blank=True,
        validators=[RegexValidator(r"^\d{2}-\d{3}$", _("Format 00-000."))],
    )
    city = models.CharField(_("miejscowość"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefon"), max_length=60, blank=True)
    website = models.URLField(_("strona internetowa"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="centres/logos/", blank=True)
    description = models.TextField(_("opis"), blank=True)
    opening_hours = models.JSONField(
        _("godziny otwarcia"),
        default=list,
        blank=True,
        help_text=_("Lista wpisów {weekday: 0-6, opens: 'HH:MM', closes: 'HH:MM'}."),
    )
    services = models.JSONField(_("usługi"), default=list, blank=True)
    figures = models.JSONField(_("liczby"), default=dict, blank=True)
    population = models.PositiveIntegerField(_("liczba mieszkańców"), null=True, blank=True)
    is_active = models.BooleanField(_("aktywne"), default=True)
    # Bumped with every change of the rows cached page fragments show (centrum.core.versions).
    data_version = models.PositiveBigIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("centrum")
        verbose_name_plural = _("centra")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # `data_version` only ever grows, in the database (centrum.core.versions.bump_data_version): saving a
        # copy loaded before a bump must not write its older number back (cached fragments keyed on an old
        # number would be served again).
        if not self._state.adding and kwargs.get("update_fields") is None and not kwargs.get("force_insert"):
            kwargs["update_fields"] = [
                f.name for f in self._meta.concrete_fields if not f.primary_key and f.name != "data_version"
            ]
        super().save(*args, **kwargs)

    @property
    def government_label(self) -> str:
        """ "gmina Kalisz", but "Gmina i Miasto Miechów" and "Miasto Kalisz" as they are: the kind is not
        prefixed when the name already names one (gmina, miasto, powiat, województwo…)."""
        first = re.split(r"[\s.]+", fold(self.municipality).strip(), maxsplit=1)[0]
        if first in _GOVERNMENT_WORDS:
            return self.municipality
        return f"{self.get_government_kind_display()} {self.municipality}".strip()

    @property
    def primary_host(self) -> str:
        """The primary host (else the first by name); from prefetched hosts when a list loaded them."""
        if "hosts" in getattr(self, "_prefetched_objects_cache", {}):
            hosts = sorted(self.hosts.all(), key=lambda h: (not h.is_primary, h.host))
            host = hosts[0] if hosts else None
        else:
            host = self.hosts.order_by("-is_primary", "host").first()
        return host.host if host else f"{self.slug}.localhost"


class CentreHost(models.Model):
    centre = models.ForeignKey(
        Centre, on_delete=models.CASCADE, related_name="hosts", verbose_name=_("centrum")
    )
    host = models.CharField(
        _("nazwa hosta"),
        max_length=253,
        unique=True,
        validators=[RegexValidator(r"^[a-z0-9.-]+$", _("Nazwa hosta bez portu, małymi literami."))],
    )
    is_primary = models.BooleanField(_("główny"), default=False)

    class Meta:
        verbose_name = _("host centrum")
        verbose_name_plural = _("hosty centrum")

    def __str__(self):
        return self.host


class CentreSetting(models.Model):
    """A per-centre value of a setting declared in `centrum.core.centre_settings`."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="settings")
    key = models.CharField(max_length=100)
    value = models.JSONField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["centre", "key"], name="centre_setting_unique_key")]

    def __str__(self):
        return f"{self.centre_id}:{self.key}"


class CentreClosedDay(models.Model):
    """A day the centre is closed on top of Polish public holidays."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, related_name="closed_days")
    date = models.DateField(_("data"))
    reason = models.CharField(_("powód"), max_length=200, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["centre", "date"], name="centre_closed_day_unique")]
        ordering = ["date"]

    def __str__(self):
        return f"{self.date} {self.reason}"


class AuditEntry(models.Model):
    """Who changed what, from which state to which, and why."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_label = models.CharField(max_length=254, blank=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    object_repr = models.CharField(max_length=300)
    action = models.CharField(max_length=80)
    old_state = models.JSONField(null=True, blank=True)
    new_state = models.JSONField(null=True, blank=True)
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("wpis dziennika zmian")
        verbose_name_plural = _("dziennik zmian")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["content_type", "object_id", "-created_at"], name="audit_object_idx"),
            models.Index(fields=["centre", "-created_at"], name="audit_centre_idx"),
        ]

    def __str__(self):
        return f"{self.action} {self.object_repr}"


class OutboxStatus(models.TextChoices):
    PENDING = "pending", _("oczekuje")
    SENT = "sent", _("wysłana")
    FAILED = "failed", _("nie wysłana (wyczerpane próby)")


class OutboxMessage(models.Model):
    """An e-mail written in the same transaction as the change it reports; sent later with retries."""

    centre = models.ForeignKey(Centre, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    to = models.JSONField()
    subject = models.CharField(max_length=300)
    body = models.TextField()
    html_body = models.TextField(blank=True)
    # [{"filename": …, "content_type": …, "content": base64}] — e.g. an ICS invitation or a PDF
    attachments = models.JSONField(default=list, blank=True)
    # extra mail headers, e.g. {"List-Unsubscribe": "<https://…>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    headers = models.JSONField(default=dict, blank=True)
    reply_to = models.CharField(max_length=254, blank=True)
    event = models.CharField(max_length=100, blank=True)
    status = models.CharField(max_length=10, choices=OutboxStatus.choices, default=OutboxStatus.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(db_index=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_due_idx")]

    def __str__(self):
        return f"{self.subject} → {', '.join(self.to)}"


class JobRun(models.Model):
    """Last run of each scheduled job, so a job runs once per period whatever runs the scheduler."""

    name = models.CharField(max_length=100, unique=True)
    last_started_at = models.DateTimeField(null=True, blank=True)
    last_finished_at = models.DateTimeField(null=True, blank=True)
    last_result = models.TextField(blank=True)
    last_error = models.TextField(blank=True)

    def __str__(self):
        return self.name
