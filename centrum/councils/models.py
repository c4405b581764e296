"""Councils and joint teams: kinds (the rules of each legal basis, as data), bodies with members, the joint
request of organisations to create a council, elections of NGO members, meetings, resolutions and the
register of opinion requests. Every row is a CentreScopedModel."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from centrum.core.models import CentreScopedModel

from .choices import ElectionStatus, MemberRole, OpinionStatus, Selection, Side, TieRule, Verdict


class BodyKind(CentreScopedModel):
    """A kind of advisory body and the rules its legal basis sets: staff edit them per centre."""

    name = models.CharField(_("nazwa rodzaju"), max_length=200)
    legal_basis = models.CharField(_("podstawa prawna"), max_length=300, blank=True)
    term_years = models.PositiveSmallIntegerField(
        _("kadencja (lata)"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    min_ngo_share_percent = models.PositiveSmallIntegerField(
        _("najmniejszy udział strony pozarządowej (%)"), default=0, validators=[MaxValueValidator(100)]
    )
    opinion_days = models.PositiveSmallIntegerField(
        _("dni na wydanie opinii"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )
    silence_is_waiver = models.BooleanField(_("brak opinii w terminie = rezygnacja z opinii"), default=False)
    selection = models.CharField(
        _("wybór członków z organizacji"), max_length=20, choices=Selection.choices, default=Selection.NONE
    )
    tie_rule = models.CharField(
        _("remis w wyborach"), max_length=20, choices=TieRule.choices, default=TieRule.EARLIEST
    )
    request_min_organisations = models.PositiveSmallIntegerField(
        _("wniosek o powołanie: najmniej organizacji"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(1000)],
    )
    creation_months = models.PositiveSmallIntegerField(
        _("powołanie w ciągu (miesięcy od wniosku)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
    )
    quorum_percent = models.PositiveSmallIntegerField(
        _("kworum (procent członków)"), default=50, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("rodzaj ciała")
        verbose_name_plural = _("rodzaje ciał")

    def __str__(self) -> str:
        return self.name


KIND_RULE_FIELDS = [
    "name",
    "legal_basis",
    "term_years",
    "min_ngo_share_percent",
    "opinion_days",
    "silence_is_waiver",
    "selection",
    "tie_rule",
    "request_min_organisations",
    "creation_months",
    "quorum_percent",
]


class Body(CentreScopedModel):
    """A council or a joint team, with the resolution that created it."""

    kind = models.ForeignKey(
        BodyKind, on_delete=models.PROTECT, related_name="bodies", verbose_name=_("rodzaj")
    )
    name = models.CharField(_("nazwa"), max_length=200)
    description = models.TextField(_("opis"), blank=True)
    resolution_number = models.CharField(
        _("numer uchwały/zarządzenia o powołaniu"), max_length=100, blank=True
    )
    resolution_date = models.DateField(_("data uchwały"), null=True, blank=True)
    resolution_url = models.URLField(_("adres uchwały (BIP)"), blank=True)
    term_start = models.DateField(_("początek kadencji"), null=True, blank=True)
    term_end = models.DateField(_("koniec kadencji"), null=True, blank=True)
    statute = models.TextField(_("regulamin"), blank=True)
    statute_url = models.URLField(_("adres regulaminu"), blank=True)
    ngo_seats = models.PositiveSmallIntegerField(
        _("miejsca dla organizacji"), default=0, validators=[MaxValueValidator(100)]
    )
    active = models.BooleanField(_("działa"), default=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("rada lub zespół")
        verbose_name_plural = _("rady i zespoły")
        constraints = [
            models.CheckConstraint(
                condition=Q(term_end__isnull=True)
                | Q(term_start__isnull=True)
                | Q(term_end__gte=models.F("term_start")),
                name="councils_body_term_in_order",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("councils:body", args=[self.pk])


class Member(CentreScopedModel):
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="members", verbose_name=_("ciało"))
    person_name = models.CharField(_("imię i nazwisko"), max_length=200)
    side = models.CharField(_("strona"), max_length=20, choices=Side.choices, default=Side.NGO)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organizacja zgłaszająca"),
    )
    role = models.CharField(
        _("funkcja"), max_length=20, choices=MemberRole.choices, default=MemberRole.MEMBER
    )
    email = models.EmailField(_("e-mail (przypomnienia o terminach)"), blank=True)
    from_date = models.DateField(_("od"))
    to_date = models.DateField(_("do"), null=True, blank=True)

    class Meta:
        ordering = ["body", "role", "person_name", "id"]
        verbose_name = _("członek")
        verbose_name_plural = _("członkowie")

    def __str__(self) -> str:
        return self.person_name


class JointRequest(CentreScopedModel):
    """The joint request of organisations to create a body of a kind (art. 41e: RDPP on the request of at
    least five organisations, created within two months)."""

    kind = models.ForeignKey(BodyKind, on_delete=models.PROTECT, related_name="+", verbose_name=_("rodzaj"))
    title = models.CharField(_("czego dotyczy"), max_length=200)
    threshold_reached_on = models.DateField(
        _("wymagana liczba organizacji osiągnięta"), null=True, blank=True
    )
    deadline = models.DateField(_("termin powołania"), null=True, blank=True)
    body = models.ForeignKey(
        Body,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("powołane ciało"),
    )
    reminded_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "id"]
        verbose_name = _("wniosek o powołanie")
        verbose_name_plural = _("wnioski o powołanie")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("councils:request", args=[self.pk])


class JointRequestSignature(CentreScopedModel):
    request = models.ForeignKey(JointRequest, on_delete=models.CASCADE, related_name="signatures")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    signed_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    signed_on = models.DateField()

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["request", "organisation"], name="councils_one_signature_per_org")
        ]


class Election(CentreScopedModel):
    """Choosing the NGO members of a body: nominations, then a voting window (or the official's appointment)."""

    body = models.ForeignKey(
        Body, on_delete=models.CASCADE, related_name="elections", verbose_name=_("ciało")
    )
    selection = models.CharField(
        _("tryb"), max_length=20, choices=Selection.choices, default=Selection.ELECTION
    )
    seats = models.PositiveSmallIntegerField(
        _("liczba miejsc"), validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    nominations_until = models.DateTimeField(_("zgłoszenia kandydatów do"))
    voting_from = models.DateTimeField(_("głosowanie od"), null=True, blank=True)
    voting_until = models.DateTimeField(_("głosowanie do"), null=True, blank=True)
    member_from = models.DateField(_("członkowie od"), null=True, blank=True)
    status = models.CharField(
        _("stan"), max_length=20, choices=ElectionStatus.choices, default=ElectionStatus.OPEN
    )
    status_changed_at = models.DateTimeField(null=True, blank=True)
    result_note = models.TextField(_("uwagi do wyniku"), blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    status_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-nominations_until", "id"]
        verbose_name = _("wybory")
        verbose_name_plural = _("wybory")

    def __str__(self) -> str:
        return f"{self.body} – {self.nominations_until:%Y}"

    def get_absolute_url(self) -> str:
        return reverse("councils:election", args=[self.pk])


class Candidate(CentreScopedModel):
    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="candidates")
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("organizacja"),
    )
    person_name = models.CharField(_("imię i nazwisko kandydata"), max_length=200)
    consent = models.BooleanField(_("kandydat zgodził się kandydować"), default=False)
    nominated_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    votes = models.PositiveIntegerField(default=0)
    elected = models.BooleanField(default=False)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["election", "organisation"], name="councils_one_candidate_per_org"
            )
        ]

    def __str__(self) -> str:
        return self.person_name


class Vote(CentreScopedModel):
    """One vote per organisation in an election: the unique constraint settles a race."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="votes")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="+")
    cast_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["election", "organisation"], name="councils_one_vote_per_org")
        ]


class Meeting(CentreScopedModel):
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("ciało"))
    starts_at = models.DateTimeField(_("początek"))
    ends_at = models.DateTimeField(_("koniec"))
    room = models.ForeignKey(
        "spaces.Room",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sala"),
    )
    booking = models.ForeignKey(
        "spaces.Booking", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    address = models.CharField(_("adres (poza centrum)"), max_length=300, blank=True)
    public = models.BooleanField(_("posiedzenie otwarte (w kalendarzu wydarzeń)"), default=False)
    agenda = models.TextField(_("porządek obrad"), blank=True)
    minutes = models.TextField(_("protokół"), blank=True)
    minutes_file = models.FileField(_("protokół (plik)"), upload_to="councils/minutes/", blank=True)
    minutes_approved_at = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="approved_minutes",
        verbose_name=_("protokół przyjęty na posiedzeniu"),
    )
    present = models.ManyToManyField(Member, blank=True, related_name="+", verbose_name=_("obecni"))

    class Meta:
        ordering = ["-starts_at", "id"]
        verbose_name = _("posiedzenie")
        verbose_name_plural = _("posiedzenia")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="councils_meeting_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{self.body} – {self.starts_at:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("councils:meeting", args=[self.pk])


class MeetingDocument(CentreScopedModel):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("tytuł"), max_length=200)
    file = models.FileField(_("plik"), upload_to="councils/documents/")

    class Meta:
        ordering = ["created_at", "id"]


class BodyResolution(CentreScopedModel):
    """A resolution (uchwała) the body adopted."""

    body = models.ForeignKey(
        Body, on_delete=models.CASCADE, related_name="resolutions", verbose_name=_("ciało")
    )
    number = models.CharField(_("numer"), max_length=100)
    adopted_on = models.DateField(_("data podjęcia"))
    title = models.CharField(_("w sprawie"), max_length=300)
    text = models.TextField(_("treść"), blank=True)

    class Meta:
        ordering = ["-adopted_on", "id"]
        verbose_name = _("uchwała")
        verbose_name_plural = _("uchwały")


class OpinionRequest(CentreScopedModel):
    """A request for the body's opinion and, once given, the opinion: the register with each deadline."""

    body = models.ForeignKey(
        Body, on_delete=models.CASCADE, related_name="opinion_requests", verbose_name=_("ciało")
    )
    subject_ref = models.CharField(_("przedmiot z Centrum"), max_length=100, blank=True, db_index=True)
    subject_text = models.CharField(_("przedmiot"), max_length=300)
    received_on = models.DateField(_("wpłynęło"))
    deadline = models.DateField(_("termin na opinię"))
    status = models.CharField(
        _("stan"), max_length=20, choices=OpinionStatus.choices, default=OpinionStatus.AWAITING
    )
    status_changed_at = models.DateTimeField(null=True, blank=True)
    verdict = models.CharField(_("opinia"), max_length=20, choices=Verdict.choices, blank=True)
    opinion_text = models.TextField(_("treść opinii"), blank=True)
    opinion_file = models.FileField(_("opinia (plik)"), upload_to="councils/opinions/", blank=True)
    given_on = models.DateField(_("data opinii"), null=True, blank=True)
    late_note = models.TextField(_("uwaga o opinii po terminie"), blank=True)
    reminded_on = models.DateField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = _("wniosek o opinię")
        verbose_name_plural = _("wnioski o opinię")

    def __str__(self) -> str:
        return self.subject_text

    def get_absolute_url(self) -> str:
        return reverse("councils:opinion", args=[self.pk])
