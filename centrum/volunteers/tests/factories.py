"""Plain data for the volunteer centre's tests; rows with rules (a place taken, an agreement) through the real
services or built in the state a test needs."""

from datetime import date, timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from centrum.accounts.models import MembershipRole
from centrum.accounts.tests.factories import CentreRoleFactory, MembershipFactory, UserFactory
from centrum.core.calendar import warsaw_today
from centrum.organisations.tests.factories import OrganisationFactory

from ..choices import HostKind, OfferKind, OfferStatus
from ..models import Agreement, Application, Host, HoursEntry, Offer, Shift, Volunteer


def coordinator(centre, email="koordynator@example.org"):
    user = UserFactory(email=email)
    CentreRoleFactory(centre=centre, user=user, role="coordinator")
    return user


class VolunteerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Volunteer

    user = factory.SubFactory(UserFactory)
    full_name = factory.Sequence(lambda n: f"Wolontariusz {n}")
    birth_date = factory.LazyFunction(lambda: warsaw_today().replace(year=warsaw_today().year - 25, day=1))
    weekends = True


def host_of(organisation) -> Host:
    host, _ = Host.objects.get_or_create(
        centre=organisation.centre, organisation=organisation, defaults={"kind": HostKind.ORGANISATION}
    )
    return host


def host_with_member(centre, *, email="host@example.org"):
    organisation = OrganisationFactory(centre=centre, email="fundacja@example.org")
    member = UserFactory(email=email)
    MembershipFactory(user=member, organisation=organisation, role=MembershipRole.ADMIN)
    return host_of(organisation), member


def public_body(centre, *, name="Miejski Ośrodek Pomocy Społecznej", managers=()):
    host = Host.objects.create(centre=centre, kind=HostKind.PUBLIC_BODY, name=name, body_kind="welfare")
    host.managers.set(managers)
    return host


class OfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Offer

    host = None
    title = factory.Sequence(lambda n: f"Pomoc przy festynie {n}")
    description = "<p>Pomoc przy stoiskach i obsłudze gości.</p>"
    kind = OfferKind.PERIOD
    place = "Park miejski"
    starts_on = factory.LazyFunction(warsaw_today)
    ends_on = factory.LazyFunction(lambda: warsaw_today() + timedelta(days=60))
    capacity = 3
    status = OfferStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
    weekends = True
    search_text = factory.LazyAttribute(lambda o: f" {o.title.lower()} park miejski ")


def shift_for(offer, *, capacity=1, label="Dyżur rano"):
    start = timezone.now() + timedelta(days=10)
    return Shift.objects.create(
        centre=offer.centre,
        offer=offer,
        label=label,
        starts_at=start,
        ends_at=start + timedelta(hours=3),
        capacity=capacity,
    )


def application_for(offer, volunteer, *, status="applied", shift=None) -> Application:
    if status == "accepted":
        place = shift or offer
        type(place).objects.filter(pk=place.pk).update(taken=place.taken + 1)
        place.refresh_from_db()
    return Application.objects.create(
        centre=offer.centre, offer=offer, volunteer=volunteer, status=status, shift=shift
    )


def agreement_for(
    application, *, starts_on: date | None = None, ends_on: date | None = None, days=60
) -> Agreement:
    starts = starts_on or warsaw_today() - timedelta(days=10)
    return Agreement.objects.create(
        centre=application.centre,
        application=application,
        number=f"POR/{starts.year}/{application.pk:04d}",
        scope="Pomoc przy festynie",
        manner="Dyżury w weekendy",
        starts_on=starts,
        ends_on=ends_on if ends_on is not None else starts + timedelta(days=days),
        termination="Wypowiedzenie 7 dni",
        written_form=True,
    )


def hours_for(agreement, *, status="logged", hours="3", day=None) -> HoursEntry:
    return HoursEntry.objects.create(
        centre=agreement.centre,
        agreement=agreement,
        day=day or warsaw_today() - timedelta(days=1),
        hours=Decimal(hours),
        description="Obsługa stoiska",
        status=status,
    )


def world(centre):
    """A host (an organisation with its admin), a published offer, a volunteer with an accepted application and
    an agreement, one logged hour entry."""
    host, member = host_with_member(centre)
    offer = OfferFactory(centre=centre, host=host)
    volunteer = VolunteerFactory(centre=centre, user=UserFactory(email="wolontariusz@example.org"))
    application = application_for(offer, volunteer, status="accepted")
    agreement = agreement_for(application)
    entry = hours_for(agreement)
    return {
        "host": host,
        "member": member,
        "offer": offer,
        "volunteer": volunteer,
        "application": application,
        "agreement": agreement,
        "entry": entry,
    }
