from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from centrum.core.models import CentreScopedModel

from .catalogue import area_label
from .choices import KrsRegisterStatus, LegalForm, OrganisationStatus, RegistryKind
from .identifiers import validate_iban, validate_krs, validate_nip, validate_regon

postal_code_validator = RegexValidator(r"^\d{2}-\d{3}$", _("Kod pocztowy w formacie 00-000."))


class ActivityArea(models.Model):
    """A sphere of public-benefit tasks from the catalogue of art. 4 ust. 1 (shared by all centres)."""

    code = models.CharField(_("punkt"), max_length=5, unique=True)

    audit_natural_key = "code"  # histories store areas by their code (core.audit_display names them)
    name = models.CharField(_("nazwa"), max_length=200)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("sfera pożytku publicznego")
        verbose_name_plural = _("sfery pożytku publicznego")
        ordering = ["position"]

    def __str__(self):
        return f"{self.code}) {self.label}"

    @property
    def label(self) -> str:
        """The name in the active language (the catalogue's translation; the stored Polish name otherwise)."""
        return area_label(self.code, self.name)


class District(CentreScopedModel):
    """A district (dzielnica, osiedle, sołectwo) of the centre's area, used to filter the directory."""

    name = models.CharField(_("nazwa"), max_length=120)

    class Meta:
        verbose_name = _("dzielnica")
        verbose_name_plural = _("dzielnice")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["centre", "name"], name="district_unique_name")]

    def __str__(self):
        return self.name


# The "Adres i kontakt" group of an organisation, in the order the registration form and the admin show it.
ADDRESS_AND_CONTACT_FIELDS = (
    "street",
    "postal_code",
    "city",
    "district",
    "correspondence_address",
    "email",
    "phone",
    "website",
)


class Organisation(CentreScopedModel):
    name = models.CharField(_("nazwa"), max_length=300)
    short_name = models.CharField(_("nazwa skrócona"), max_length=120, blank=True)
    legal_form = models.CharField(_("forma prawna"), max_length=30, choices=LegalForm.choices)
    registry_kind = models.CharField(_("rejestr"), max_length=10, choices=RegistryKind.choices)
    registry_number = models.CharField(
        _("numer w rejestrze"), max_length=50, blank=True, help_text=_("Dla KRS: 10 cyfr.")
    )
    krs = models.CharField(
        _("numer KRS"), max_length=10, blank=True, validators=[validate_krs], db_index=True
    )
    nip = models.CharField(_("NIP"), max_length=10, blank=True, validators=[validate_nip])
    regon = models.CharField(_("REGON"), max_length=14, blank=True, validators=[validate_regon])
    bank_account = models.CharField(
        _("rachunek bankowy (IBAN)"), max_length=34, blank=True, validators=[validate_iban]
    )
    is_opp = models.BooleanField(_("status OPP"), default=False)
    areas = models.ManyToManyField(
        ActivityArea, verbose_name=_("sfery działalności pożytku publicznego"), blank=True, related_name="+"
    )
    description = models.TextField(_("opis działalności"), blank=True)
    street = models.CharField(_("ulica i numer"), max_length=200, blank=True)
    postal_code = models.CharField(
        _("kod pocztowy"), max_length=6, blank=True, validators=[postal_code_validator]
    )
    city = models.CharField(_("miejscowość"), max_length=100, blank=True)
    correspondence_address = models.TextField(
        _("adres do korespondencji"), blank=True, help_text=_("Jeśli inny niż adres siedziby.")
    )
    district = models.ForeignKey(
        District,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dzielnica"),
    )
    website = models.URLField(_("strona internetowa"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    logo = models.ImageField(_("logo"), upload_to="organisations/logos/", blank=True)
    registered_on = models.DateField(_("data rejestracji"), null=True, blank=True)
    status = models.CharField(
        _("status w centrum"),
        max_length=10,
        choices=OrganisationStatus.choices,
        default=OrganisationStatus.PENDING,
    )
    status_changed_at = models.DateTimeField(null=True, blank=True)
    status_reason = models.TextField(_("uzasadnienie statusu"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    verified_at = models.DateTimeField(null=True, blank=True)
    krs_checked_at = models.DateTimeField(_("dane z KRS z dnia"), null=True, blank=True)
    # Liquidation or removal shown by the last extract read (registration, refresh): flagged to staff.
    krs_register_status = models.CharField(
        _("stan w KRS"), max_length=12, choices=KrsRegisterStatus.choices, blank=True, default=""
    )
    # Kept by `search.search_fields` on every write (services, imports, demo and benchmark data): the folded
    # words of name, short name, street, city and identifiers; of the name alone (ranking); the Polish sort key.
    search_text = models.CharField(max_length=800, blank=True, editable=False)
    search_name = models.CharField(max_length=450, blank=True, editable=False)
    name_sort = models.CharField(max_length=200, blank=True, editable=False)

    # Keys of audit entries that are not fields (a KRS refresh), for `centrum.core.audit_display`.
    audit_labels = {
        "changed": _("zmienione pola"),
        "as_of": _("stan w KRS na dzień"),
        "register": _("rejestr KRS"),
        "is_liquidated": _("w likwidacji według KRS"),
    }

    class Meta:
        verbose_name = _("organizacja")
        verbose_name_plural = _("organizacje")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "krs"], condition=~Q(krs=""), name="organisation_unique_krs"
            ),
            models.UniqueConstraint(
                fields=["centre", "nip"], condition=~Q(nip=""), name="organisation_unique_nip"
            ),
            models.UniqueConstraint(
                fields=["centre", "regon"], condition=~Q(regon=""), name="organisation_unique_regon"
            ),
        ]
        indexes = [
            models.Index(fields=["centre", "status", "name"], name="org_directory_idx"),
            models.Index(fields=["centre", "status", "legal_form"], name="org_legal_form_idx"),
            # The directory's first pages in Polish order without a sort (see selectors.registry).
            models.Index(
                fields=["centre", "name_sort", "name", "id"],
                name="org_directory_sort_idx",
                condition=Q(status__in=["active", "suspended"]),
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def display_name(self) -> str:
        return self.short_name or self.name


class ImportStatus(models.TextChoices):
    UPLOADED = "uploaded", _("przesłany")
    VALIDATED = "validated", _("sprawdzony")
    INVALID = "invalid", _("zawiera błędy")
    IMPORTING = "importing", _("trwa import")
    DONE = "done", _("zaimportowany")
    FAILED = "failed", _("import nieudany")


class ImportBatch(CentreScopedModel):
    """A CSV list of organisations uploaded by staff: previewed row by row, then imported all or nothing."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    file = models.FileField(_("plik"), upload_to="imports/%Y/%m/")
    original_name = models.CharField(_("nazwa pliku"), max_length=255)
    status = models.CharField(max_length=10, choices=ImportStatus.choices, default=ImportStatus.UPLOADED)
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    # Counted as rows are checked, so progress and the result are read without the rows themselves.
    error_count = models.PositiveIntegerField(default=0)
    ok_count = models.PositiveIntegerField(default=0)
    # Only the first errors and valid rows the preview page shows; every row is an `ImportRow`.
    errors = models.JSONField(default=list, blank=True, help_text="[{row, column, message}]")
    preview = models.JSONField(default=list, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("import organizacji")
        verbose_name_plural = _("importy organizacji")
        ordering = ["-created_at"]

    def __str__(self):
        return self.original_name


class ImportRow(CentreScopedModel):
    """One checked row of an import batch: its cleaned values and errors, stored once when its chunk is
    checked, so checking and importing a long file cost the same per row at its end as at its start."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="rows")
    number = models.PositiveIntegerField()
    data = models.JSONField(default=dict)
    errors = models.JSONField(default=list, blank=True)
    ok = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["batch", "number"], name="import_row_unique")]

    def __str__(self):
        return f"{self.batch_id}:{self.number}"


class KrsExtract(models.Model):
    """Cached `OdpisAktualny` of one KRS number (public data, shared by all centres)."""

    krs = models.CharField(max_length=10)
    register = models.CharField(max_length=1)
    payload = models.JSONField()
    fetched_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["krs", "register"], name="krs_extract_unique")]

    def __str__(self):
        return f"{self.krs} ({self.register})"


class OppListImport(CentreScopedModel):
    """One upload of the national list of OPPs entitled to 1.5% of income tax (art. 27a), for one tax year.

    The list is read once at upload: its KRS numbers and the rows of local organisations missing from the
    registry are kept here, so the preview and "apply" never read the file again. `applied_at` is set when
    staff apply the list to the registry's OPP status; the counts are then what was actually changed.
    """

    year = models.PositiveSmallIntegerField(_("rok podatkowy"))
    original_name = models.CharField(_("nazwa pliku"), max_length=255)
    total_rows = models.PositiveIntegerField(_("wiersze z danymi"), default=0)
    krs_numbers = models.JSONField(default=list, blank=True, help_text="sorted unique 10-digit KRS numbers")
    invalid_rows = models.JSONField(default=list, blank=True, help_text="[{row, value, message}]")
    outside_rows = models.JSONField(
        default=list, blank=True, help_text="[{row, krs, name, nip, place}] on the list, not in the registry"
    )
    columns = models.JSONField(default=dict, blank=True, help_text="column key → header as written")
    place_filter = models.CharField(max_length=120, blank=True)
    matched_count = models.PositiveIntegerField(_("dopasowane organizacje"), default=0)
    gained_count = models.PositiveIntegerField(_("nadano status OPP"), default=0)
    lost_count = models.PositiveIntegerField(_("odebrano status OPP"), default=0)
    outside_count = models.PositiveIntegerField(_("spoza rejestru centrum"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    applied_at = models.DateTimeField(_("zastosowano"), null=True, blank=True)
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("import wykazu OPP")
        verbose_name_plural = _("importy wykazu OPP")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.year}: {self.original_name}"
