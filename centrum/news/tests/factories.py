from datetime import timedelta

import factory
from django.utils import timezone

from centrum.organisations.tests.factories import OrganisationFactory

from ..choices import ModerationStatus, OrganiserKind
from ..models import ErrorReport, Event, NewsItem


class NewsItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsItem

    title = factory.Sequence(lambda n: f"Aktualność {n}")
    lead = "Krótko o tym, co się wydarzyło."
    body = "<p>Cała treść aktualności.</p>"
    status = ModerationStatus.PUBLISHED
    submitted_at = factory.LazyFunction(timezone.now)
    published_at = factory.LazyAttribute(
        lambda o: timezone.now() if o.status == ModerationStatus.PUBLISHED else None
    )


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Wydarzenie {n}")
    organiser_kind = OrganiserKind.CENTRE
    place = "Sala konferencyjna centrum"
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=3))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=2))
    status = ModerationStatus.PUBLISHED
    submitted_at = factory.LazyFunction(timezone.now)
    published_at = factory.LazyAttribute(
        lambda o: timezone.now() if o.status == ModerationStatus.PUBLISHED else None
    )


class ErrorReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ErrorReport

    page_url = "/organizacje/"
    message = "Nieaktualny telefon."


def item_in_state(*, key: str, centre, state: str, author=None, organisation=None):
    """A news item, an event or an error report of `centre` in `state` (the workflow matrix's builder)."""
    if key == "news.error_report":
        return ErrorReportFactory(centre=centre, status=state)
    organisation = organisation or OrganisationFactory(centre=centre)
    factory_class = NewsItemFactory if key == "news.news_item" else EventFactory
    extra = {"organiser_kind": OrganiserKind.ORGANISATION} if key == "news.event" else {}
    return factory_class(centre=centre, status=state, author=author, organisation=organisation, **extra)
