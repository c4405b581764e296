"""Statuses and kinds of news, events and error reports (transitions in `workflows.py`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ModerationStatus(models.TextChoices):
    """A news item's or an event's way through moderation."""

    SUBMITTED = "submitted", _("zgłoszone – czeka na moderację")
    CHANGES_REQUESTED = "changes_requested", _("do poprawy")
    PUBLISHED = "published", _("opublikowane")
    REJECTED = "rejected", _("odrzucone")


PUBLIC_STATUSES = (ModerationStatus.PUBLISHED,)
# What the author still edits: before the decision and when asked for changes.
AUTHOR_EDITS = (ModerationStatus.SUBMITTED, ModerationStatus.CHANGES_REQUESTED)


class OrganiserKind(models.TextChoices):
    ORGANISATION = "organisation", _("organizacja")
    CENTRE = "centre", _("centrum")
    PUBLIC_BODY = "public_body", _("instytucja publiczna")


class Accessibility(models.TextChoices):
    WHEELCHAIR = "wheelchair", _("dostępne dla osób na wózkach")
    INDUCTION_LOOP = "induction_loop", _("pętla indukcyjna")
    SIGN_LANGUAGE = "sign_language", _("tłumacz języka migowego (PJM)")
    EASY_READ = "easy_read", _("materiały w tekście łatwym do czytania")
    AUDIO_DESCRIPTION = "audio_description", _("audiodeskrypcja")
    CHILDCARE = "childcare", _("opieka nad dziećmi na miejscu")
    ASSISTANCE_DOG = "assistance_dog", _("wstęp z psem asystującym")


class ReportStatus(models.TextChoices):
    NEW = "new", _("nowe")
    HANDLED = "handled", _("załatwione")
