from datetime import timedelta

import factory
from django.utils import timezone

from centrum.core.calendar import warsaw_today
from centrum.core.richtext import plain_text

from ..choices import ArticleStatus, CallKind, GovernmentKind, Licence, PracticeStatus, Voivodeship
from ..models import Article, ArticleCategory, FundingCall, GoodPractice, Leader
from ..search import search_columns

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


class _Searchable(factory.django.DjangoModelFactory):
    @factory.post_generation
    def searchable(obj, create, extracted, **kwargs):
        texts = [getattr(obj, name, "") or "" for name in ("summary", "lead", "funder", "locality")]
        body = getattr(obj, "description", "") or getattr(obj, "body", "") or ""
        columns = search_columns(obj.title, *texts, plain_text(body))
        for name, value in columns.items():
            setattr(obj, name, value)
        if create:
            type(obj).objects.filter(pk=obj.pk).update(**columns)

    class Meta:
        abstract = True


class PracticeFactory(_Searchable):
    class Meta:
        model = GoodPractice
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Praktyka {n}")
    summary = "Krótki opis praktyki."
    description = "<p>Pełna prezentacja praktyki.</p>"
    government_kind = GovernmentKind.CITY_COUNTY
    locality = "Żory"
    voivodeship = Voivodeship.SLASKIE
    implementing_unit = "Urząd Miasta"
    population = 60938
    source = "Baza Dobrych Praktyk"
    licence = Licence.CC_BY
    added_on = factory.LazyFunction(warsaw_today)
    updated_on = factory.LazyFunction(warsaw_today)
    status = PracticeStatus.PUBLISHED


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArticleCategory

    slug = factory.Sequence(lambda n: f"kategoria-{n}")
    name = factory.Sequence(lambda n: f"Kategoria {n}")


class ArticleFactory(_Searchable):
    class Meta:
        model = Article
        skip_postgeneration_save = True

    category = factory.SubFactory(CategoryFactory, centre=factory.SelfAttribute("..centre"))
    title = factory.Sequence(lambda n: f"Artykuł {n}")
    lead = "Wprowadzenie."
    body = "<p>Treść artykułu.</p>"
    status = ArticleStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class FundingCallFactory(_Searchable):
    class Meta:
        model = FundingCall
        skip_postgeneration_save = True

    kind = CallKind.EXTERNAL
    title = factory.Sequence(lambda n: f"Nabór {n}")
    funder = "Fundacja Wspólnota"
    deadline = factory.LazyFunction(lambda: warsaw_today() + timedelta(days=20))
    url = "https://example.org/nabor"


class LeaderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Leader

    display_name = factory.Sequence(lambda n: f"Lider {n}")
    bio = "Działam w dzielnicy."
    phone = "600 100 200"
    visible_fields = ["bio"]
    consent_text = "zgoda"
    consent_at = factory.LazyFunction(timezone.now)
