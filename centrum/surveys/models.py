"""Surveys: a survey with sections and questions, the responses with one answer per question, and the
targets staff set for the hard indicators of the cooperation-quality index."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from centrum.core.indicators import AREAS
from centrum.core.models import CentreScopedModel

from .choices import Feeds, QuestionKind, RespondentMode, SurveyPurpose, SurveyStatus

AREA_CHOICES = [("", _("—")), *AREAS.items()]


class Survey(CentreScopedModel):
    title = models.CharField(_("tytuł"), max_length=200)
    description = models.TextField(_("wprowadzenie"), blank=True)
    purpose = models.CharField(
        _("rodzaj"), max_length=10, choices=SurveyPurpose.choices, default=SurveyPurpose.GENERAL
    )
    year = models.PositiveSmallIntegerField(_("rok oceny"), null=True, blank=True)
    respondent_mode = models.CharField(
        _("kto odpowiada"), max_length=15, choices=RespondentMode.choices, default=RespondentMode.ORGANISATION
    )
    anonymous = models.BooleanField(
        _("anonimowa"), default=False, help_text=_("Wyniki nigdy nie pokazują, kto odpowiedział.")
    )
    opens_at = models.DateTimeField(_("otwarcie"), null=True, blank=True)
    closes_at = models.DateTimeField(_("zamknięcie"), null=True, blank=True)
    status = models.CharField(
        _("stan"), max_length=10, choices=SurveyStatus.choices, default=SurveyStatus.DRAFT
    )
    status_changed_at = models.DateTimeField(null=True, blank=True)
    status_reason = models.TextField(blank=True)
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    copied_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("ankieta")
        verbose_name_plural = _("ankiety")
        constraints = [
            models.UniqueConstraint(
                fields=["centre", "year"], condition=Q(purpose="index"), name="survey_one_index_a_year"
            ),
            models.CheckConstraint(
                condition=Q(closes_at__isnull=True)
                | Q(opens_at__isnull=True)
                | Q(closes_at__gt=models.F("opens_at")),
                name="survey_closes_after_opening",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("surveys:detail", args=[self.pk])


class Section(CentreScopedModel):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="sections")
    title = models.CharField(_("tytuł sekcji"), max_length=200)
    position = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("sekcja")
        verbose_name_plural = _("sekcje")

    def __str__(self) -> str:
        return self.title


class Question(CentreScopedModel):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    section = models.ForeignKey(
        Section,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name=_("sekcja"),
    )
    kind = models.CharField(_("rodzaj pytania"), max_length=10, choices=QuestionKind.choices)
    text = models.CharField(_("treść pytania"), max_length=500)
    help_text = models.CharField(_("podpowiedź"), max_length=300, blank=True)
    required = models.BooleanField(_("wymagane"), default=True)
    position = models.PositiveSmallIntegerField(_("kolejność"), default=0)
    # Options of a choice, or rows of a matrix, one a line.
    options = models.JSONField(_("odpowiedzi do wyboru / wiersze"), default=list, blank=True)
    allow_other = models.BooleanField(_("z odpowiedzią „inne”"), default=False)
    scale_max = models.PositiveSmallIntegerField(_("skala od 1 do"), null=True, blank=True)
    scale_min_label = models.CharField(_("opis najniższej wartości"), max_length=80, blank=True)
    scale_max_label = models.CharField(_("opis najwyższej wartości"), max_length=80, blank=True)
    number_min = models.DecimalField(
        _("najmniejsza liczba"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    number_max = models.DecimalField(
        _("największa liczba"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    # The area of the cooperation-quality index a self-assessment question scores.
    area = models.CharField(_("obszar indeksu"), max_length=20, choices=AREA_CHOICES, blank=True)
    feeds = models.CharField(_("zasila"), max_length=20, choices=Feeds.choices, blank=True, default="")

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("pytanie")
        verbose_name_plural = _("pytania")

    def __str__(self) -> str:
        return self.text

    @property
    def scale_values(self) -> list[int]:
        return list(range(1, (self.scale_max or 5) + 1))


class Response(CentreScopedModel):
    """One filled questionnaire. Who answered is kept to refuse a second answer; an anonymous survey's
    results never show it."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    email = models.EmailField(_("e-mail"), blank=True)
    browser_key = models.CharField(max_length=64, blank=True)
    submitted_at = models.DateTimeField()

    class Meta:
        ordering = ["submitted_at", "id"]
        verbose_name = _("odpowiedź na ankietę")
        verbose_name_plural = _("odpowiedzi na ankiety")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "organisation"],
                condition=Q(organisation__isnull=False),
                name="survey_one_response_per_organisation",
            ),
            models.UniqueConstraint(
                fields=["survey", "user"],
                condition=Q(user__isnull=False, organisation__isnull=True),
                name="survey_one_response_per_person",
            ),
            models.UniqueConstraint(
                fields=["survey", "email"], condition=~Q(email=""), name="survey_one_response_per_email"
            ),
            models.UniqueConstraint(
                fields=["survey", "browser_key"],
                condition=~Q(browser_key=""),
                name="survey_one_response_per_browser",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.survey} #{self.pk}"


class Answer(CentreScopedModel):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    # single: option index; multiple: list of indexes; scale: int; text: str; number: str; matrix: {row: int}
    value = models.JSONField(default=None, null=True)
    other = models.CharField(_("inne"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("odpowiedź na pytanie")
        verbose_name_plural = _("odpowiedzi na pytania")
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="survey_one_answer_per_question")
        ]


class IndicatorTarget(CentreScopedModel):
    """The value of a hard indicator the centre counts as full marks (100) in the index."""

    indicator = models.CharField(_("wskaźnik"), max_length=80)
    target = models.DecimalField(_("wartość docelowa"), max_digits=14, decimal_places=2)

    class Meta:
        ordering = ["indicator"]
        verbose_name = _("wartość docelowa wskaźnika")
        verbose_name_plural = _("wartości docelowe wskaźników")
        constraints = [
            models.UniqueConstraint(fields=["centre", "indicator"], name="survey_one_target_per_indicator")
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.target}"
