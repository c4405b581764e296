from datetime import timedelta

import factory
from django.utils import timezone

from centrum.core.calendar import warsaw_today

from ..choices import AddressUse, AgreementStatus, MailKind
from ..models import AddressAgreement, AuthorisedPerson, MailItem


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AddressAgreement

    number = factory.Sequence(lambda n: f"AD/2026/{n + 1:04d}")
    use = AddressUse.SEAT
    contact_name = "Zofia Prezes"
    contact_email = "kontakt@example.org"
    starts_on = factory.LazyFunction(lambda: warsaw_today() - timedelta(days=30))
    ends_on = factory.LazyFunction(lambda: warsaw_today() + timedelta(days=300))
    rules_version = "1/2026"
    rules_accepted_at = factory.LazyFunction(timezone.now)
    status = AgreementStatus.ACTIVE
    decided_at = factory.LazyFunction(timezone.now)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AuthorisedPerson

    full_name = factory.Sequence(lambda n: f"Osoba Upoważniona {n}")
    valid_from = factory.LazyFunction(lambda: warsaw_today() - timedelta(days=10))
    valid_until = factory.LazyFunction(lambda: warsaw_today() + timedelta(days=100))


class MailFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MailItem

    received_on = factory.LazyFunction(warsaw_today)
    sender = "Sąd Rejonowy w Kaliszu"
    kind = MailKind.LETTER
