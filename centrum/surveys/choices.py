"""Kinds and statuses of surveys, their questions and answers."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SurveyStatus(models.TextChoices):
    DRAFT = "draft", _("szkic")
    OPEN = "open", _("otwarta")
    CLOSED = "closed", _("zamknięta")


class SurveyPurpose(models.TextChoices):
    GENERAL = "general", _("ankieta")
    INDEX = "index", _("samoocena – Lokalny Indeks Jakości Współpracy")
    NEEDS = "needs", _("diagnoza potrzeb szkoleniowych")


class RespondentMode(models.TextChoices):
    ORGANISATION = "organisation", _("jedna odpowiedź na organizację (wypełnia jej członek)")
    PERSON = "person", _("jedna odpowiedź na osobę (konto)")
    OPEN = "open", _("otwarta dla każdego (jedna na przeglądarkę i adres e-mail)")


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("jednokrotny wybór")
    MULTIPLE = "multiple", _("wielokrotny wybór")
    SCALE = "scale", _("skala")
    TEXT = "text", _("tekst")
    NUMBER = "number", _("liczba")
    MATRIX = "matrix", _("macierz (wiersze × skala)")


CHOICE_KINDS = (QuestionKind.SINGLE, QuestionKind.MULTIPLE)
# Questions whose options or rows are listed one a line.
LISTED_KINDS = (QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.MATRIX)
SCALED_KINDS = (QuestionKind.SCALE, QuestionKind.MATRIX)


class Feeds(models.TextChoices):
    """What a question's answers tell another capability (the topics of a training-needs survey)."""

    NOTHING = "", _("—")
    TRAINING_TOPICS = "trainings", _("tematy szkoleń (dla szkoleń)")
