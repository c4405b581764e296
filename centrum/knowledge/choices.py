"""Choices of the local knowledge platform: statuses (their transitions are declared in `workflows.py`) and
the metadata of a good practice as the national database of good practices keeps it (Żory's seed page)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PracticeStatus(models.TextChoices):
    SUBMITTED = "submitted", _("czeka na moderację")
    PUBLISHED = "published", _("opublikowana")
    REJECTED = "rejected", _("odrzucona")
    ARCHIVED = "archived", _("zarchiwizowana")


class ArticleStatus(models.TextChoices):
    DRAFT = "draft", _("szkic")
    PUBLISHED = "published", _("opublikowany")


class GovernmentKind(models.TextChoices):
    URBAN = "urban", _("gmina miejska")
    RURAL = "rural", _("gmina wiejska")
    MIXED = "mixed", _("gmina miejsko-wiejska")
    CITY_COUNTY = "city_county", _("miasto na prawach powiatu")
    COUNTY = "county", _("powiat")
    REGION = "region", _("województwo")


class Voivodeship(models.TextChoices):
    DOLNOSLASKIE = "02", _("dolnośląskie")
    KUJAWSKO_POMORSKIE = "04", _("kujawsko-pomorskie")
    LUBELSKIE = "06", _("lubelskie")
    LUBUSKIE = "08", _("lubuskie")
    LODZKIE = "10", _("łódzkie")
    MALOPOLSKIE = "12", _("małopolskie")
    MAZOWIECKIE = "14", _("mazowieckie")
    OPOLSKIE = "16", _("opolskie")
    PODKARPACKIE = "18", _("podkarpackie")
    PODLASKIE = "20", _("podlaskie")
    POMORSKIE = "22", _("pomorskie")
    SLASKIE = "24", _("śląskie")
    SWIETOKRZYSKIE = "26", _("świętokrzyskie")
    WARMINSKO_MAZURSKIE = "28", _("warmińsko-mazurskie")
    WIELKOPOLSKIE = "30", _("wielkopolskie")
    ZACHODNIOPOMORSKIE = "32", _("zachodniopomorskie")


class Licence(models.TextChoices):
    CC_BY = "cc-by-4.0", _("CC BY 4.0 (uznanie autorstwa)")
    CC_BY_SA = "cc-by-sa-4.0", _("CC BY-SA 4.0 (uznanie autorstwa, na tych samych warunkach)")
    CC0 = "cc0", _("CC0 (domena publiczna)")
    PERMISSION = "permission", _("wykorzystanie za zgodą autora")


class DocumentKind(models.TextChoices):
    REGULATION = "regulation", _("regulacja dotycząca III sektora")
    RESEARCH = "research", _("wyniki badań")
    GUIDE = "guide", _("poradnik")


class CallKind(models.TextChoices):
    MUNICIPAL = "municipal", _("nabór gminy")
    EXTERNAL = "external", _("nabór zewnętrzny")


class LeaderField(models.TextChoices):
    """The parts of a leader's profile the person may show; the name is always shown."""

    BIO = "bio", _("opis działalności")
    ACTIVITIES = "activities", _("obszary działania")
    ORGANISATION = "organisation", _("organizacja lub grupa")
    DISTRICT = "district", _("dzielnica lub miejscowość")
    EMAIL = "email", _("adres e-mail")
    PHONE = "phone", _("telefon")


# (slug, name) of the knowledge base's categories every centre starts with (kept as data: staff add more)
DEFAULT_CATEGORIES = (
    ("pozyskiwanie-funduszy", "Pozyskiwanie funduszy"),
    ("prawo", "Prawo"),
    ("ksiegowosc", "Księgowość"),
    ("promocja", "Promocja"),
    ("wolontariat", "Wolontariat"),
)
