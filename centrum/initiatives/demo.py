"""Demo data: in every centre the council's resolution (continuous intake, or calls in Częstochowa), the
criteria with the social work weighed most, the catalogue of art. 19b, and applications in every stage: a
realistic subset of Częstochowa's 37 applications and 22 agreements a year (12), three or more elsewhere,
each centre with one carried out. Idempotent."""

import random
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from centrum.accounts.demo import demo_email
from centrum.core.calendar import warsaw_today
from centrum.core.centre_settings import centre_setting
from centrum.organisations.choices import OrganisationStatus
from centrum.organisations.models import Organisation

from .choices import ApplicantKind, ContributionKind, CostPayer, InitiativeStatus, IntakeMode
from .models import (
    Area,
    Contribution,
    CostItem,
    Criterion,
    GroupMember,
    Initiative,
    InitiativeRules,
    IntakeCall,
    ScheduleItem,
    Score,
)
from .services import catalogue_ensure

S = InitiativeStatus
CRITERIA = (
    ("Wkład pracy społecznej wnioskodawców", 40, True),
    ("Celowość – odpowiedź na potrzeby społeczności lokalnej", 25, False),
    ("Liczba mieszkańców, którzy skorzystają z inicjatywy", 20, False),
    ("Wkład pieniężny i rzeczowy wnioskodawców", 15, False),
)
# (title, area point, place, status, group or organisation, hours, money, things, municipality)
IDEAS = (
    (
        "Skwer sąsiedzki przy ul. Lipowej",
        "5",
        "skwer przy ul. Lipowej",
        S.COMPLETED,
        "group",
        240,
        0,
        1800,
        12000,
    ),
    ("Plac zabaw na osiedlu", "1", "teren przy bloku nr 12", S.SIGNED, "group", 320, 1500, 2400, 38000),
    (
        "Łąka kwietna przy szkole",
        "5",
        "teren przy Szkole Podstawowej nr 5",
        S.AGREEMENT,
        "organisation",
        120,
        0,
        600,
        6500,
    ),
    ("Festyn z tradycjami dzielnicy", "2", "park miejski", S.ACCEPTED, "organisation", 160, 800, 1200, 9000),
    ("Remont chodnika do przystanku", "1", "ul. Polna", S.SUBMITTED, "group", 200, 0, 3500, 45000),
    (
        "Zajęcia sportowe dla dzieci na boisku",
        "4",
        "boisko osiedlowe",
        S.SUBMITTED,
        "group",
        90,
        300,
        0,
        4000,
    ),
    (
        "Mural o historii dzielnicy",
        "7",
        "ściana budynku przy ul. Kościuszki",
        S.REJECTED,
        "group",
        60,
        0,
        400,
        15000,
    ),
    (
        "Ogródek edukacyjny przy przedszkolu",
        "3",
        "Przedszkole nr 8",
        S.COMPLETED,
        "organisation",
        140,
        500,
        900,
        7000,
    ),
    (
        "Monitoring parkingu osiedlowego",
        "6",
        "parking przy ul. Leśnej",
        S.CANCELLED,
        "group",
        40,
        2000,
        0,
        20000,
    ),
    (
        "Ławki i stojaki rowerowe na rynku dzielnicy",
        "1",
        "rynek dzielnicy",
        S.SIGNED,
        "group",
        110,
        0,
        700,
        14000,
    ),
    ("Wieczory z kulturą mniejszości", "2", "dom kultury", S.SUBMITTED, "organisation", 80, 600, 300, 3500),
    ("Nasadzenia drzew w alei", "5", "aleja przy ul. Ogrodowej", S.DRAFT, "organisation", 100, 0, 0, 8000),
)
# Częstochowa: the twelve; elsewhere one of each stage with pages of its own (carried out, signed, in agreement,
# accepted, waiting for assessment, a draft).
PICKED = {"czestochowa": tuple(range(12))}
ELSEWHERE = (0, 1, 2, 3, 4, 11)
VILLAGE = {"miechow": "Mieszkańcy wsi Przestańsko"}
MEMBERS = ("Anna Nowicka", "Piotr Sowa", "Ewa Kołodziej", "Marek Lis")


def _user(role: str, centre):
    return get_user_model().objects.filter(email=demo_email(role, centre.slug)).first()


def _rules(centre) -> InitiativeRules:
    year = warsaw_today().year
    calls = centre.slug == "czestochowa"
    policy = InitiativeRules.objects.create(
        centre=centre,
        resolution_number=f"XXII/{310 + len(centre.slug)}/{year - 1}",
        resolution_date=date(year - 1, 10, 28),
        resolution_url="",
        intake_mode=IntakeMode.CALLS if calls else IntakeMode.CONTINUOUS,
        notes="Wnioski ocenia komórka ds. współpracy z organizacjami pozarządowymi w ciągu 30 dni.",
    )
    for position, (name, weight, social) in enumerate(CRITERIA, start=1):
        Criterion.objects.create(
            centre=centre, rules=policy, position=position, name=name, weight=weight, social_work=social
        )
    if calls:
        today = warsaw_today()
        IntakeCall.objects.create(
            centre=centre,
            rules=policy,
            title=f"Nabór wiosenny {year}",
            opens_on=date(year, 2, 1),
            closes_on=date(year, 3, 31),
        )
        IntakeCall.objects.create(
            centre=centre,
            rules=policy,
            title=f"Nabór bieżący {year}",
            opens_on=today - timedelta(days=10),
            closes_on=today + timedelta(days=20),
        )
    return policy


def seed(*, centre, rng: random.Random) -> str | None:
    if InitiativeRules.objects.filter(centre=centre).exists():
        return None
    policy = _rules(centre)
    catalogue_ensure(centre=centre)
    resident, president, official = (
        _user("mieszkaniec", centre),
        _user("prezes", centre),
        _user("urzednik", centre),
    )
    if resident is None:
        return "rules only"
    organisation = (
        Organisation.objects.filter(centre=centre, status=OrganisationStatus.ACTIVE).order_by("id").first()
    )
    areas = {a.code: a for a in Area.objects.filter(centre=centre)}
    criteria = list(Criterion.objects.filter(centre=centre))
    hour_value = centre_setting(centre, "initiatives.work_hour_value")
    today = warsaw_today()
    now = timezone.now()
    made = 0
    for index in PICKED.get(centre.slug, ELSEWHERE):
        title, code, place, status, kind, hours, money, things, municipality = IDEAS[index]
        by_organisation = kind == "organisation" and organisation is not None and president is not None
        leader = president if by_organisation else resident
        if centre.slug != "czestochowa" and index == 0:
            group = VILLAGE.get(centre.slug, "Sąsiedzi z ulicy Lipowej")
        else:
            group = "" if by_organisation else f"Grupa mieszkańców – {title.lower()}"
        done = status == S.COMPLETED
        starts = (
            today - timedelta(days=120)
            if done or status == S.SIGNED
            else today + timedelta(days=30 + index * 7)
        )
        ends = starts + timedelta(days=60)
        if status == S.SIGNED and index == 1:
            ends = today - timedelta(days=5)  # its completion record is due
        decided = status not in (S.DRAFT, S.SUBMITTED)
        initiative = Initiative.objects.create(
            centre=centre,
            applicant_kind=ApplicantKind.ORGANISATION if by_organisation else ApplicantKind.GROUP,
            leader=leader,
            leader_name=leader.full_name or leader.email,
            leader_address=f"ul. Lipowa {index + 3}, {centre.municipality or centre.name}",
            group_name=group,
            organisation=organisation if by_organisation else None,
            residents_declared=True,
            area=areas[code],
            title=title,
            description=f"{title}: prace przygotowawcze, wykonanie wspólnie z mieszkańcami i otwarcie dla sąsiadów.",
            needs="Mieszkańcy od lat zgłaszali brak takiego miejsca; inicjatywa odpowiada na potrzeby rodzin i seniorów.",
            place=place,
            starts_on=starts,
            ends_on=ends,
            requested_support="Materiały budowlane, sprzęt i transport.",
            requested_amount=Decimal(municipality),
            status=status,
            number="" if status == S.DRAFT else f"IL/{today.year}/{index + 1:04d}",
            submitted_at=None if status == S.DRAFT else now - timedelta(days=40 - index),
            decided_at=now - timedelta(days=20) if decided and status != S.CANCELLED else None,
            decided_by=official if decided else None,
            status_reason={
                S.REJECTED: "Mural wymaga zgody właściciela budynku, której nie dołączono; wkład pracy jest niski.",
                S.CANCELLED: "Wnioskodawcy wycofali się z inicjatywy.",
            }.get(status, "Inicjatywa celowa, duży wkład pracy społecznej." if decided else ""),
            budget_line="900-90095-4210" if status in (S.AGREEMENT, S.SIGNED, S.COMPLETED) else "",
            municipality_amount=Decimal(municipality)
            if status in (S.AGREEMENT, S.SIGNED, S.COMPLETED)
            else 0,
            municipality_in_kind="Wypożyczenie sprzętu, wywóz odpadów"
            if status in (S.SIGNED, S.COMPLETED)
            else "",
            municipality_in_kind_value=Decimal("1500") if status in (S.SIGNED, S.COMPLETED) else 0,
            signed_on=starts - timedelta(days=10) if status in (S.SIGNED, S.COMPLETED) else None,
            signed_for_municipality="Zastępca Prezydenta Miasta" if status in (S.SIGNED, S.COMPLETED) else "",
            signed_for_applicant=(leader.full_name or leader.email)
            if status in (S.SIGNED, S.COMPLETED)
            else "",
            completed_on=ends if done else None,
            completion_report=(
                "Prace wykonano zgodnie z harmonogramem; w otwarciu uczestniczyło ok. 150 mieszkańców."
                if done
                else ""
            ),
            actual_work_hours=Decimal(hours + 20) if done else None,
            actual_money=Decimal(money) if done else None,
            actual_in_kind=Decimal(things) if done else None,
        )
        if not by_organisation:
            for name in MEMBERS[: 2 + index % 3]:
                GroupMember.objects.create(
                    centre=centre, initiative=initiative, full_name=name, address=f"ul. Lipowa {index + 5}"
                )
        Contribution.objects.create(
            centre=centre,
            initiative=initiative,
            kind=ContributionKind.WORK,
            description="Prace porządkowe, montaż i opieka nad miejscem",
            hours=Decimal(hours),
            hour_value=hour_value,
            value=(Decimal(hours) * hour_value).quantize(Decimal("0.01")),
        )
        if money:
            Contribution.objects.create(
                centre=centre,
                initiative=initiative,
                kind=ContributionKind.MONEY,
                description="Zbiórka mieszkańców",
                value=Decimal(money),
            )
        if things:
            Contribution.objects.create(
                centre=centre,
                initiative=initiative,
                kind=ContributionKind.IN_KIND,
                description="Narzędzia, sadzonki i materiały mieszkańców",
                value=Decimal(things),
            )
        if decided and status != S.CANCELLED or status == S.SUBMITTED and index % 2:
            for criterion in criteria:
                Score.objects.create(
                    centre=centre,
                    initiative=initiative,
                    criterion=criterion,
                    points=rng.randint(4, 10) if status != S.REJECTED else rng.randint(1, 4),
                    reason="Ocena według opisu wniosku i wyceny wkładu.",
                    scored_by=official,
                )
        if status in (S.AGREEMENT, S.SIGNED, S.COMPLETED):
            ScheduleItem.objects.create(
                centre=centre,
                initiative=initiative,
                action="Przygotowanie terenu i zakup materiałów",
                starts_on=starts,
                ends_on=starts + timedelta(days=14),
                responsible="Gmina",
            )
            ScheduleItem.objects.create(
                centre=centre,
                initiative=initiative,
                action="Prace mieszkańców i otwarcie",
                starts_on=starts + timedelta(days=15),
                ends_on=ends,
                responsible=group or "Organizacja",
            )
            CostItem.objects.create(
                centre=centre,
                initiative=initiative,
                item="Materiały i usługi",
                amount=Decimal(municipality),
                payer=CostPayer.MUNICIPALITY,
            )
            CostItem.objects.create(
                centre=centre,
                initiative=initiative,
                item="Praca społeczna i materiały mieszkańców",
                amount=(Decimal(hours) * hour_value + Decimal(money + things)).quantize(Decimal("0.01")),
                payer=CostPayer.APPLICANT,
            )
        made += 1
    return f"{made} local initiatives ({policy.get_intake_mode_display()})"
