"""Consultations in any state for tests: a kind, the draft's units, comments of an organisation."""

from datetime import timedelta

import factory

from centrum.core.calendar import warsaw_today

from ..choices import CommentStatus, ConsultationStatus
from ..models import Comment, Consultation, ConsultationKind, Unit

__all__ = ["CommentFactory", "ConsultationFactory", "KindFactory", "UnitFactory", "consultation_in_state"]


class KindFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsultationKind

    centre = factory.SubFactory("centrum.core.tests.factories.CentreFactory")
    name = factory.Sequence(lambda n: f"Konsultacje projektów aktów prawa miejscowego {n}")
    legal_basis = "Art. 5 ust. 5 ustawy o działalności pożytku publicznego i o wolontariacie"
    commenters = "both"
    min_days = 7


class ConsultationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Consultation

    centre = factory.SubFactory("centrum.core.tests.factories.CentreFactory")
    kind = factory.LazyAttribute(lambda o: KindFactory(centre=o.centre))
    title = factory.Sequence(lambda n: f"Konsultacje projektu programu współpracy {n}")
    starts_on = factory.LazyFunction(lambda: warsaw_today() - timedelta(days=2))
    ends_on = factory.LazyFunction(lambda: warsaw_today() + timedelta(days=12))
    status = ConsultationStatus.DRAFT


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    consultation = factory.SubFactory(ConsultationFactory)
    centre = factory.LazyAttribute(lambda o: o.consultation.centre)
    version = 1
    position = factory.Sequence(lambda n: n + 1)
    number = factory.Sequence(lambda n: f"§ {n + 1}")
    text = "Program określa cele i formy współpracy z organizacjami pozarządowymi."


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    consultation = factory.SubFactory(ConsultationFactory)
    centre = factory.LazyAttribute(lambda o: o.consultation.centre)
    author_name = "Anna Kowalska"
    author_email = "anna@example.org"
    proposal = "Proponujemy dopisać coroczne spotkanie podsumowujące."
    justification = "Organizacje oczekują wspólnej oceny programu."
    status = CommentStatus.SUBMITTED


def consultation_in_state(
    *, centre, state: str, organisation=None, comments: int = 1, **fields
) -> Consultation:
    """A consultation in `state` with two units; past its end unless it is a draft or open; with `comments`
    comments (answered once the state is past closing) of `organisation`."""
    today = warsaw_today()
    ended = state not in (ConsultationStatus.DRAFT, ConsultationStatus.OPEN)
    defaults = {
        "starts_on": today - timedelta(days=20) if ended else today - timedelta(days=1),
        "ends_on": today - timedelta(days=2) if ended else today + timedelta(days=13),
    }
    consultation = ConsultationFactory(centre=centre, status=state, **{**defaults, **fields})
    units = [UnitFactory(consultation=consultation, centre=centre, position=n) for n in (1, 2)]
    if state != ConsultationStatus.DRAFT:
        answered = state in (ConsultationStatus.ANSWERED, ConsultationStatus.REPORTED)
        for n in range(comments):
            CommentFactory(
                consultation=consultation,
                centre=centre,
                unit=units[n % 2],
                organisation=organisation,
                status=CommentStatus.ACCEPTED if answered else CommentStatus.SUBMITTED,
                answer="Uwzględniono." if answered else "",
            )
    return consultation
