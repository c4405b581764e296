"""Demo competitions in every centre: a draft, one open for offers, one in evaluation, one decided with its
results and requests for reasons (Częstochowa more: two open, a voided one, last year's decided one)."""

import random
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from centrum.core.calendar import WARSAW, warsaw_today
from centrum.core.centre_settings import centre_setting
from centrum.organisations.choices import OrganisationStatus
from centrum.organisations.models import Organisation

from ..choices import Channel, CompetitionKind, CompetitionStatus, OfferStatus, PublicationPurpose
from ..models import (
    Competition,
    CompetitionPublication,
    FormalRequirement,
    Offer,
    ReasonsRequest,
    ScoringCriterion,
)
from ..services.competitions import default_criteria

TASKS = [
    (
        "Kultura, sztuka, ochrona dóbr kultury i dziedzictwa narodowego",
        "Organizacja wydarzeń kulturalnych dla mieszkańców",
        Decimal("120000"),
    ),
    (
        "Wspieranie i upowszechnianie kultury fizycznej",
        "Szkolenie sportowe dzieci i młodzieży oraz organizacja zawodów",
        Decimal("250000"),
    ),
    (
        "Działalność na rzecz osób w wieku emerytalnym",
        "Aktywizacja seniorów – kluby seniora i zajęcia ruchowe",
        Decimal("80000"),
    ),
    (
        "Pomoc społeczna, w tym pomoc rodzinom i osobom w trudnej sytuacji życiowej",
        "Wsparcie osób w kryzysie bezdomności w okresie zimowym",
        Decimal("300000"),
    ),
    ("Ochrona i promocja zdrowia", "Profilaktyka uzależnień wśród dzieci i młodzieży", Decimal("90000")),
    (
        "Ekologia i ochrona zwierząt oraz ochrona dziedzictwa przyrodniczego",
        "Edukacja ekologiczna i opieka nad zwierzętami bezdomnymi",
        Decimal("60000"),
    ),
    ("Turystyka i krajoznawstwo", "Rajdy i wycieczki krajoznawcze po regionie", Decimal("40000")),
]

REQUIREMENTS = [
    (
        "Oferta złożona w terminie przez generator ofert na formularzu z rozporządzenia (Dz.U. 2018 poz. 2057).",
        False,
    ),
    ("Oferent prowadzi działalność statutową w dziedzinie objętej konkursem.", False),
    (
        "Potwierdzenie złożenia oferty podpisane przez osoby upoważnione zgodnie z KRS lub inną ewidencją.",
        True,
    ),
    ("Kwota wnioskowanej dotacji nie przekracza kwoty maksymalnej z ogłoszenia.", True),
]

# (state, days from today to the offers deadline, task index)
PLAN = {
    "czestochowa": [
        (CompetitionStatus.DRAFT, 40, 5),
        (CompetitionStatus.PUBLISHED, 18, 0),
        (CompetitionStatus.PUBLISHED, 26, 2),
        (CompetitionStatus.EVALUATION, -10, 1),
        (CompetitionStatus.DECIDED, -60, 3),
        (CompetitionStatus.DECIDED, -300, 4),
        (CompetitionStatus.VOIDED, -45, 6),
    ],
}
DEFAULT_PLAN = [
    (CompetitionStatus.DRAFT, 40, 5),
    (CompetitionStatus.PUBLISHED, 20, 0),
    (CompetitionStatus.EVALUATION, -10, 1),
    (CompetitionStatus.DECIDED, -50, 3),
]


def _deadline(days: int) -> datetime:
    return datetime.combine(warsaw_today() + timedelta(days=days), time(15, 0), tzinfo=WARSAW)


def _city(centre) -> str:
    return centre.municipality.replace("Gmina i Miasto ", "").replace("Miasto ", "")


def _competition(centre, state, days, task_index, number) -> Competition:
    sphere, task, funds = TASKS[task_index % len(TASKS)]
    deadline = _deadline(days)
    deadline_day = deadline.date()
    kind = CompetitionKind.COMMISSIONING if task_index == 3 else CompetitionKind.SUPPORT
    year = deadline_day.year + (1 if deadline_day.month >= 11 else 0)
    organ = (
        centre.government_name.split(",")[0].replace("Urząd", "Prezydent")
        if centre.government_name
        else "Wójt"
    )
    competition = Competition.objects.create(
        centre=centre,
        number=f"{centre.slug[:3].upper()}-OK/{year}/{number}",
        title=f"Otwarty konkurs ofert: {task.lower()} ({year})",
        organ=organ,
        task_kind=f"{sphere}: {task.lower()}.",
        kind=kind,
        budget_year=year,
        funds_total=funds,
        award_rules=(
            "Dotacje przyznaje się na zasadach ustawy o działalności pożytku publicznego i o wolontariacie oraz "
            f"programu współpracy {_city(centre)} z organizacjami pozarządowymi. Dotacja może być niższa od "
            "wnioskowanej; oferent może wtedy zaktualizować harmonogram i kosztorys."
        ),
        implementation_terms=(
            f"Zadanie realizuje się na terenie {_city(centre)} na rzecz jego mieszkańców. Koszty ponoszone "
            "przed zawarciem umowy nie są finansowane z dotacji."
        ),
        offers_deadline=deadline,
        selection_procedure=(
            "Oferty sprawdza pod względem formalnym wydział; ocenę merytoryczną przeprowadza komisja konkursowa "
            "według kryteriów z art. 15 ust. 1 ustawy podanych niżej. Wyniki ogłasza się w BIP, na tablicy "
            "ogłoszeń urzędu i na stronie internetowej."
        ),
        selection_date=deadline_day + timedelta(days=30),
        previous_funding=(
            f"W roku {year - 1}: 6 zadań tego rodzaju, koszt 142 500,00 zł, dotacje 118 000,00 zł. "
            f"W roku {year}: 4 zadania, koszt 98 300,00 zł, dotacje 85 000,00 zł."
        ),
        task_start=deadline_day + timedelta(days=45),
        task_end=deadline_day + timedelta(days=230),
        max_grant=(funds / 4).quantize(Decimal("0.01")),
        min_own_contribution_percent=Decimal("10") if kind == CompetitionKind.SUPPORT else Decimal("0"),
        admin_costs_cap_percent=Decimal("10"),
        status=state,
        status_changed_at=timezone.now(),
    )
    for position, (text, fixable) in enumerate(REQUIREMENTS, start=1):
        FormalRequirement.objects.create(
            centre=centre, competition=competition, position=position, text=text, fixable=fixable
        )
    for position, row in enumerate(default_criteria(kind), start=1):
        ScoringCriterion.objects.create(centre=centre, competition=competition, position=position, **row)
    if state != CompetitionStatus.DRAFT:
        published_on = deadline_day - timedelta(
            days=centre_setting(centre, "grants.announcement_min_days") + 3
        )
        _publish(centre, competition, PublicationPurpose.ANNOUNCEMENT, published_on)
        competition.published_at = datetime.combine(published_on, time(9, 0), tzinfo=WARSAW)
        competition.save(update_fields=["published_at"])
    return competition


def _publish(centre, competition, purpose, day) -> None:
    for channel, address in (
        (Channel.BIP, f"https://bip.{centre.slug}.example.pl/ogloszenia/{competition.pk}"),
        (Channel.BOARD, "Tablica ogłoszeń urzędu, parter"),
        (Channel.WEBSITE, f"https://{centre.slug}.example.pl/ngo/konkursy/{competition.pk}"),
    ):
        CompetitionPublication.objects.create(
            centre=centre,
            competition=competition,
            purpose=purpose,
            channel=channel,
            published_on=day,
            address=address,
        )


def _decide(centre, competition, organisations, rng: random.Random) -> None:
    """Offers already decided (the offers helper's seeder adds drafts and filed offers elsewhere)."""
    decided_on = competition.selection_date - timedelta(days=5)
    outcomes = [
        OfferStatus.SELECTED,
        OfferStatus.SELECTED,
        OfferStatus.SELECTED,
        OfferStatus.NOT_SELECTED,
        OfferStatus.FORMALLY_REJECTED,
    ]
    offers = []
    for index, organisation in enumerate(organisations[: len(outcomes)]):
        status = outcomes[index]
        requested = Decimal(rng.randrange(8, 30) * 1000)
        offers.append(
            Offer.objects.create(
                centre=centre,
                competition=competition,
                organisation=organisation,
                number=f"{competition.number}/{index + 1}",
                title=f"{competition.task_kind.split(':')[1].strip().rstrip('.').capitalize()} – {organisation.name[:60]}",
                status=status,
                status_changed_at=timezone.now(),
                status_reason={
                    OfferStatus.NOT_SELECTED: "Oferta uzyskała 21 z 45 punktów, poniżej progu 27 punktów.",
                    OfferStatus.FORMALLY_REJECTED: "Brak podpisanego potwierdzenia złożenia oferty w terminie.",
                }.get(status, ""),
                requested_grant=requested,
                own_financial=(requested / 10).quantize(Decimal("0.01")),
                total_cost=(requested * Decimal("1.1")).quantize(Decimal("0.01")),
                submitted_at=competition.offers_deadline - timedelta(days=index + 1),
                confirmation_received_at=competition.offers_deadline + timedelta(days=1),
                awarded_grant=(requested * Decimal("0.8")).quantize(Decimal("0.01"))
                if status == OfferStatus.SELECTED
                else None,
            )
        )
    _publish(centre, competition, PublicationPurpose.RESULTS, decided_on)
    competition.results_published_at = datetime.combine(decided_on, time(12, 0), tzinfo=WARSAW)
    competition.save(update_fields=["results_published_at"])
    if offers:
        now = timezone.now()
        ReasonsRequest.objects.create(
            centre=centre,
            competition=competition,
            offer=offers[-2] if len(offers) > 1 else offers[0],
            name="Jan Kowalski",
            email="jan.kowalski@example.org",
            question="Proszę o uzasadnienie, dlaczego oferta nie została wybrana.",
            filed_at=now - timedelta(days=3),
            answer_due_on=warsaw_today() + timedelta(days=11),
        )


def seed(*, centre, rng: random.Random) -> str | None:
    if Competition.objects.filter(centre=centre).exists():
        return None
    organisations = list(
        Organisation.objects.filter(centre=centre, status=OrganisationStatus.ACTIVE).order_by("name")[:40]
    )
    rng.shuffle(organisations)
    plan = PLAN.get(centre.slug, DEFAULT_PLAN)
    for number, (state, days, task_index) in enumerate(plan, start=1):
        competition = _competition(centre, state, days, task_index, number)
        if state == CompetitionStatus.DECIDED:
            _decide(
                centre,
                competition,
                organisations[(number * 5) % max(len(organisations), 1) :] or organisations,
                rng,
            )
        elif state == CompetitionStatus.VOIDED:
            _publish(
                centre,
                competition,
                PublicationPurpose.VOIDING,
                competition.offers_deadline.date() + timedelta(days=3),
            )
            competition.status_reason = "W terminie nie złożono żadnej oferty (art. 18a ust. 1 ustawy). Zadanie zostanie ogłoszone ponownie."
            competition.save(update_fields=["status_reason"])
    return f"competitions: {len(plan)}"
