import factory

from centrum.core.calendar import warsaw_today

from ..choices import ProgrammeStatus
from ..models import CooperationProgramme, ProgrammeTask

__all__ = ["ProgrammeFactory", "ProgrammeTaskFactory"]


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CooperationProgramme

    centre = factory.SubFactory("centrum.core.tests.factories.CentreFactory")
    title = factory.LazyFunction(
        lambda: f"Program współpracy z organizacjami pozarządowymi na rok {warsaw_today().year + 1}"
    )
    first_year = factory.LazyFunction(lambda: warsaw_today().year + 1)
    last_year = factory.LazyFunction(lambda: warsaw_today().year + 1)
    status = ProgrammeStatus.ADOPTED


class ProgrammeTaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeTask

    programme = factory.SubFactory(ProgrammeFactory)
    centre = factory.LazyAttribute(lambda o: o.programme.centre)
    title = factory.Sequence(lambda n: f"Zadanie priorytetowe {n}")
    planned_amount = 50000
