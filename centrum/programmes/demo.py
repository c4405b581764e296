"""Demo data: in every centre the programme in force this year (adopted by 30 November the year before) with its
priority tasks and funds, next year's draft in consultation with comments, the planned NGO grants of this year
(with one change of the budget resolution), and own-initiative proposals. Idempotent."""

import random
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model

from centrum.accounts.demo import demo_email
from centrum.core.calendar import warsaw_today
from centrum.organisations.choices import OrganisationStatus
from centrum.organisations.models import ActivityArea, Organisation

from .choices import CommentOutcome, ProgrammeStatus, ProposalStatus
from .models import (
    CooperationProgramme,
    OwnInitiativeProposal,
    PlannedGrants,
    ProgrammeComment,
    ProgrammeTask,
)

CITY = {
    "kalisz": "Miasta Kalisza",
    "czestochowa": "Miasta Częstochowy",
    "myslowice": "Miasta Mysłowice",
    "miechow": "Gminy i Miasta Miechów",
    "zory": "Miasta Żory",
}
# (task, sphere code, amount in zł)
TASKS = [
    ("Wspieranie działań w zakresie kultury, sztuki i ochrony dziedzictwa narodowego", "16", 420000),
    ("Wspieranie i upowszechnianie kultury fizycznej", "17", 980000),
    ("Pomoc społeczna, w tym pomoc rodzinom w trudnej sytuacji życiowej", "1", 650000),
    ("Działalność na rzecz osób w wieku emerytalnym", "10", 180000),
    ("Ochrona i promocja zdrowia, w tym profilaktyka uzależnień", "6", 350000),
    ("Działalność na rzecz dzieci i młodzieży, w tym wypoczynek", "15", 240000),
]
PARTS = {
    "objectives": "Celem głównym programu jest budowanie partnerstwa między samorządem a organizacjami pozarządowymi "
    "oraz wzmacnianie aktywności obywatelskiej mieszkańców.",
    "principles": "Pomocniczość, suwerenność stron, partnerstwo, efektywność, uczciwa konkurencja i jawność.",
    "scope": "Współpraca obejmuje sfery zadań publicznych z art. 4 ust. 1 ustawy.",
    "forms": "Zlecanie zadań publicznych (otwarte konkursy ofert, małe granty), konsultacje aktów prawa miejscowego, "
    "wspólne zespoły doradcze, wsparcie Centrum Organizacji Pozarządowych.",
    "period": "Program obowiązuje w roku budżetowym.",
    "implementation": "Program realizują wydział właściwy ds. współpracy z organizacjami i Centrum.",
    "funding": "Środki na realizację programu określa uchwała budżetowa.",
    "evaluation": "Liczba konkursów, ofert, umów, wysokość przekazanych dotacji, liczba konsultacji.",
    "creation": "Projekt przygotowano na podstawie propozycji organizacji i skonsultowano zgodnie z uchwałą rady.",
    "commissions": "Komisje konkursowe powołuje prezydent; w skład wchodzą przedstawiciele organu i organizacji.",
}


def _sphere(code: str):
    return ActivityArea.objects.filter(code=code).first() or ActivityArea.objects.order_by("position").first()


def _programme(centre, year: int, status: str, city: str, scale: Decimal) -> CooperationProgramme:
    adopted = status == ProgrammeStatus.ADOPTED
    programme = CooperationProgramme.objects.create(
        centre=centre,
        title=f"Program współpracy {city} z organizacjami pozarządowymi na rok {year}",
        first_year=year,
        last_year=year,
        status=status,
        resolution_number=f"XLV/{600 + year % 100}/{year - 1}" if adopted else "",
        adopted_on=date(year - 1, 11, 26) if adopted else None,
        consultation_starts_on=None if adopted else warsaw_today() - timedelta(days=3),
        consultation_ends_on=None if adopted else warsaw_today() + timedelta(days=11),
        **PARTS,
    )
    for position, (title, code, amount) in enumerate(TASKS, start=1):
        ProgrammeTask.objects.create(
            centre=centre,
            programme=programme,
            position=position,
            title=title,
            sphere=_sphere(code),
            planned_amount=(Decimal(amount) * scale).quantize(Decimal("1")),
        )
    return programme


def seed(*, centre, rng: random.Random) -> str | None:
    if CooperationProgramme.objects.filter(centre=centre).exists():
        return None
    city = CITY.get(centre.slug, centre.municipality or centre.name)
    scale = Decimal("1") if centre.slug == "czestochowa" else Decimal(rng.choice(("0.2", "0.3", "0.5")))
    year = warsaw_today().year
    _programme(centre, year, ProgrammeStatus.ADOPTED, city, scale)
    draft = _programme(centre, year + 1, ProgrammeStatus.CONSULTATION, city, scale)
    User = get_user_model()
    official = User.objects.filter(email=demo_email("urzednik", centre.slug)).first()
    president = User.objects.filter(email=demo_email("prezes", centre.slug)).first()
    organisations = list(
        Organisation.objects.filter(centre=centre, status=OrganisationStatus.ACTIVE).order_by("id")[:3]
    )
    if official is not None:
        total = sum((t.planned_amount for t in draft.tasks.all()), Decimal("0"))
        PlannedGrants.objects.create(
            centre=centre,
            year=year,
            amount=total,
            valid_from=date(year - 1, 12, 18),
            resolution=f"Uchwała budżetowa na rok {year}",
            recorded_by=official,
        )
        PlannedGrants.objects.create(
            centre=centre,
            year=year,
            amount=(total * Decimal("1.05")).quantize(Decimal("1")),
            valid_from=date(year, 3, 28),
            resolution=f"Zmiana uchwały budżetowej na rok {year} (marzec)",
            recorded_by=official,
        )
    if president is not None and organisations:
        ProgrammeComment.objects.create(
            centre=centre,
            programme=draft,
            part="forms",
            author=president,
            organisation=organisations[0],
            proposal="Proponujemy dopisać wspólne zespoły o charakterze doradczym dla seniorów.",
            justification="Zespół ułatwi przygotowanie działań na rzecz seniorów.",
            outcome=CommentOutcome.ACCEPTED if official else CommentOutcome.PENDING,
            answer="Uwzględniono – dopisano w części 4." if official else "",
            answered_by=official,
        )
        ProgrammeComment.objects.create(
            centre=centre,
            programme=draft,
            part="",
            author=president,
            organisation=None,
            proposal="Warto zwiększyć środki na sport dzieci.",
        )
        today = warsaw_today()
        OwnInitiativeProposal.objects.create(
            centre=centre,
            organisation=organisations[0],
            submitted_by=president,
            title="Festyn sąsiedzki z okazji Dnia Organizacji Pozarządowych",
            sphere=_sphere("16"),
            description="Organizacja festynu z udziałem organizacji, stoiska informacyjne i koncert.",
            expected_results="300 uczestników, 20 organizacji prezentujących swoje działania.",
            estimated_cost=Decimal("18000"),
            answer_due_on=today + timedelta(days=20),
        )
        OwnInitiativeProposal.objects.create(
            centre=centre,
            organisation=organisations[-1],
            submitted_by=president,
            title="Warsztaty cyfrowe dla seniorów",
            sphere=_sphere("10"),
            description="Cykl 10 warsztatów obsługi smartfona i bankowości elektronicznej.",
            estimated_cost=Decimal("9500"),
            answer_due_on=today - timedelta(days=5),
            status=ProposalStatus.ACCEPTED if official else ProposalStatus.SUBMITTED,
            status_reason="Zadanie uznano za celowe; zostanie zlecone w trybie art. 19a." if official else "",
            answered_by=official,
        )
    return f"programmes in {year} and {year + 1}"
