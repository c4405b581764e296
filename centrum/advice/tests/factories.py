from datetime import date, time, timedelta

import factory

from centrum.accounts.models import CentreRoleKind
from centrum.accounts.tests.factories import CentreRoleFactory, UserFactory
from centrum.core.calendar import warsaw_today
from centrum.spaces.tests.factories import next_open_day, slot

from ..choices import AppointmentStatus, AssignmentKind, Mode
from ..models import AdviceDomain, Adviser, Appointment, Assignment, OfficeHours

__all__ = ["AdviserFactory", "AppointmentFactory", "AssignmentFactory", "DomainFactory", "monday_slot"]


def adviser_user(centre, email: str, full_name: str = "Jacek Doradca"):
    user = UserFactory(email=email, full_name=full_name)
    CentreRoleFactory(centre=centre, user=user, role=CentreRoleKind.ADVISER)
    return user


class DomainFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AdviceDomain
        django_get_or_create = ("centre", "name")

    centre = factory.SubFactory("centrum.core.tests.factories.CentreFactory")
    name = "sprawy organizacyjne"


class AdviserFactory(factory.django.DjangoModelFactory):
    """An adviser holding the centre's role, with office hours on Mondays 11:00–17:00 (60-minute slots)."""

    class Meta:
        model = Adviser
        skip_postgeneration_save = True

    centre = factory.SubFactory("centrum.core.tests.factories.CentreFactory")
    user = factory.LazyAttributeSequence(lambda o, n: adviser_user(o.centre, f"doradca{n}@example.org"))
    first_contact = True

    @factory.post_generation
    def hours(obj, create, extracted, **kwargs):
        if not create:
            return
        rows = extracted if extracted is not None else [(0, time(11), time(17))]
        for weekday, start, end in rows:
            OfficeHours.objects.create(
                centre=obj.centre,
                adviser=obj,
                weekday=weekday,
                starts_at=start,
                ends_at=end,
                slot_minutes=60,
                mode=Mode.IN_PERSON,
                place="pokój doradczy",
                valid_from=date(warsaw_today().year - 1, 1, 1),
            )


def monday_slot(hour: int = 11, weeks_ahead: int = 1):
    """Next open Monday's slot at `hour` (a week or more away, never a public holiday)."""
    return slot(next_open_day(0, weeks_ahead), hour, hour + 1)


class AppointmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Appointment

    adviser = factory.SubFactory(AdviserFactory)
    centre = factory.LazyAttribute(lambda o: o.adviser.centre)
    starts_at = factory.LazyFunction(lambda: monday_slot()[0])
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=1))
    topic = "Rejestracja stowarzyszenia"
    question = "Jakie dokumenty do KRS?"
    name = "Ewa Założycielka"
    email = "ewa@example.org"
    founding = True
    status = AppointmentStatus.BOOKED


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assignment

    adviser = factory.SubFactory(AdviserFactory)
    centre = factory.LazyAttribute(lambda o: o.adviser.centre)
    organisation = factory.SubFactory(
        "centrum.organisations.tests.factories.OrganisationFactory", centre=factory.SelfAttribute("..centre")
    )
    kind = AssignmentKind.CARETAKER
    starts_on = factory.LazyFunction(lambda: warsaw_today() - timedelta(days=30))
