"""Statuses and kinds of the app's entities; the transitions are declared in `workflows.py`."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PageVisibility(models.TextChoices):
    """An organisation's page content: shown, or hidden by staff (with a reason the organisation sees)."""

    VISIBLE = "visible", _("widoczna")
    HIDDEN = "hidden", _("ukryta przez centrum")


class CompanyStatus(models.TextChoices):
    PROPOSED = "proposed", _("zgłoszona – czeka na moderację")
    PUBLISHED = "published", _("opublikowana")
    REJECTED = "rejected", _("odrzucona")
    HIDDEN = "hidden", _("ukryta")


PUBLIC_COMPANY_STATUSES = (CompanyStatus.PUBLISHED,)
# A NIP may have one profile in these states (a rejected proposal may be sent again).
LIVE_COMPANY_STATUSES = (CompanyStatus.PROPOSED, CompanyStatus.PUBLISHED, CompanyStatus.HIDDEN)


class BodyKind(models.TextChoices):
    LABOUR_OFFICE = "labour_office", _("urząd pracy")
    WELFARE_CENTRE = "welfare_centre", _("ośrodek pomocy społecznej")
    MUNICIPALITY = "municipality", _("urząd miasta lub gminy")
    OTHER = "other", _("inna jednostka publiczna")


class Audience(models.TextChoices):
    NGOS = "ngos", _("organizacje pozarządowe")
    UNEMPLOYED = "unemployed", _("osoby bezrobotne")
    YOUTH = "youth", _("młodzież")
    SENIORS = "seniors", _("seniorzy")
    DISABLED = "disabled", _("osoby z niepełnosprawnościami")
    RESIDENTS = "residents", _("wszyscy mieszkańcy")
