from datetime import timedelta

import factory
from django.utils import timezone

from ..choices import PlaceKind, RegistrationStatus, TrainingStatus
from ..models import Registration, Session, Training


class TrainingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Training

    title = factory.Sequence(lambda n: f"Szkolenie {n}")
    capacity = 10
    status = TrainingStatus.PUBLISHED


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    training = factory.SubFactory(TrainingFactory)
    centre = factory.SelfAttribute("training.centre")
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda s: s.starts_at + timedelta(hours=3))
    place_kind = PlaceKind.ELSEWHERE
    address = "ul. Szkolna 1"


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    training = factory.SubFactory(TrainingFactory)
    centre = factory.SelfAttribute("training.centre")
    name = factory.Sequence(lambda n: f"Osoba {n}")
    email = factory.Sequence(lambda n: f"osoba{n}@example.org")
    status = RegistrationStatus.CONFIRMED


def training_with_session(centre, *, capacity=10, days=7, **fields):
    training = TrainingFactory(centre=centre, capacity=capacity, **fields)
    SessionFactory(training=training, starts_at=timezone.now() + timedelta(days=days))
    return training
