"""Demo data: each seed centre's advisers, office hours and advice as the centre really offers it
(Mysłowice: first-contact advice on Mondays 11–17 and specialists, a caretaker and the project's targets;
Miechów: free bookkeeping and legal counsel as assignments). Idempotent: run it as often as you like."""

import random
from datetime import date, datetime, time, timedelta

from centrum.accounts.demo import demo_email, ensure_user
from centrum.accounts.services.roles import centre_role_add
from centrum.core.calendar import WARSAW, is_public_holiday, warsaw_today
from centrum.organisations.choices import OrganisationStatus
from centrum.organisations.models import Organisation

from .choices import AppointmentStatus, AssignmentKind, Mode
from .models import AdviceDomain, AdviceEntry, Adviser, Appointment, Assignment, OfficeHours, ReachTarget
from .permissions import ADVISER_ROLE
from .services.advisers import domains_ensure_defaults

# slug -> [(e-mail key or "doradca", full name, title, domains, first contact, [(weekday, from, to, slot, mode, place)])]
ADVISERS = {
    "myslowice": [
        (
            "doradca",
            "",
            "Porady I kontaktu – zakładanie i prowadzenie organizacji",
            ["sprawy organizacyjne", "pozyskiwanie funduszy"],
            True,
            [(0, 11, 17, 60, Mode.IN_PERSON, "pokój doradczy, parter")],
        ),
        (
            "prawnik",
            "Aleksandra Sikora",
            "Doradztwo specjalistyczne – prawo",
            ["prawo"],
            False,
            [(2, 15, 18, 60, Mode.IN_PERSON, "pokój doradczy, parter")],
        ),
        (
            "ksiegowa",
            "Teresa Kubiak",
            "Doradztwo specjalistyczne – księgowość",
            ["księgowość"],
            False,
            [(3, 10, 13, 60, Mode.ONLINE, "link wysyłamy dzień wcześniej")],
        ),
    ],
    "miechow": [
        (
            "doradca",
            "",
            "Bezpłatna księgowość dla organizacji",
            ["księgowość"],
            True,
            [(1, 9, 12, 60, Mode.IN_PERSON, "Urząd Miasta, pokój 12")],
        ),
        (
            "radca",
            "Jolanta Górska",
            "Radca prawny – bieżąca obsługa prawna organizacji",
            ["prawo"],
            False,
            [(3, 14, 16, 60, Mode.IN_PERSON, "Urząd Miasta, pokój 12")],
        ),
    ],
    "kalisz": [
        (
            "doradca",
            "",
            "Porady prawne, księgowe i organizacyjne",
            ["prawo", "księgowość", "sprawy organizacyjne"],
            True,
            [(1, 10, 14, 60, Mode.IN_PERSON, "pokój 3"), (3, 15, 17, 60, Mode.ONLINE, "wideorozmowa")],
        ),
    ],
    "czestochowa": [
        (
            "doradca",
            "",
            "Doradztwo księgowe i rozliczanie dotacji",
            ["księgowość", "pozyskiwanie funduszy"],
            True,
            [(3, 12, 16, 45, Mode.IN_PERSON, "pokój doradczy")],
        ),
    ],
    "zory": [
        (
            "doradca",
            "",
            "Porady i doradztwo specjalistyczne",
            ["prawo", "promocja", "informatyka"],
            True,
            [(2, 14, 17, 60, Mode.IN_PERSON, "sala nr 4")],
        ),
    ],
}

QUESTIONS = [
    ("Rejestracja stowarzyszenia w KRS", "sprawy organizacyjne", "Jakie dokumenty złożyć do KRS?"),
    ("Sprawozdanie finansowe", "księgowość", "Jak przygotować sprawozdanie za rok obrotowy?"),
    ("Umowa z wolontariuszem", "prawo", "Czy potrzebujemy pisemnego porozumienia?"),
    ("Wniosek do FIO", "pozyskiwanie funduszy", "Od czego zacząć pisanie wniosku?"),
    ("Strona internetowa organizacji", "informatyka", "Jak tanio założyć stronę?"),
    ("Promocja festynu", "promocja", "Jak dotrzeć do mieszkańców?"),
]


def _adviser(centre, key, full_name, title, domain_names, first_contact) -> Adviser:
    email = demo_email(key, centre.slug)
    user = ensure_user(email, full_name) if full_name else ensure_user(email, "")
    centre_role_add(centre=centre, user=user, role=ADVISER_ROLE, actor=None)
    adviser = Adviser.objects.filter(centre=centre, user=user).first()
    if adviser is None:
        adviser = Adviser.objects.create(centre=centre, user=user, title=title, first_contact=first_contact)
        adviser.domains.set(AdviceDomain.objects.filter(centre=centre, name__in=domain_names))
    return adviser


def _past_weekday(day: date, weekday: int, weeks: int) -> date:
    back = (day.weekday() - weekday) % 7 or 7
    found = day - timedelta(days=back + 7 * weeks)
    while is_public_holiday(found):
        found -= timedelta(days=7)
    return found


def seed(*, centre, rng: random.Random) -> str:
    slug = centre.slug
    if slug not in ADVISERS:
        return "no advisers"
    domains_ensure_defaults(centre=centre)
    if Adviser.objects.filter(centre=centre).exists():
        return "seeded before"
    domains = {d.name: d for d in AdviceDomain.objects.filter(centre=centre)}
    today = warsaw_today()
    advisers = []
    for key, full_name, title, domain_names, first_contact, hours in ADVISERS[slug]:
        adviser = _adviser(centre, key, full_name, title, domain_names, first_contact)
        advisers.append(adviser)
        for weekday, start, end, slot, mode, place in hours:
            OfficeHours.objects.create(
                centre=centre,
                adviser=adviser,
                weekday=weekday,
                starts_at=time(start),
                ends_at=time(end),
                slot_minutes=slot,
                mode=mode,
                place=place,
                valid_from=date(today.year, 1, 1),
            )
    organisations = list(
        Organisation.objects.filter(centre=centre, status=OrganisationStatus.ACTIVE).order_by("name")[:12]
    )
    main = advisers[0]
    first_hours = ADVISERS[slug][0][5][0]
    # Past meetings with their advice log, so the statistics and the history have something to show.
    for week in range(6):
        day = _past_weekday(today, first_hours[0], week)
        topic, domain_name, question = QUESTIONS[week % len(QUESTIONS)]
        organisation = organisations[week % len(organisations)] if organisations and week % 3 else None
        starts_at = datetime.combine(day, time(first_hours[1]), tzinfo=WARSAW)
        appointment = Appointment.objects.create(
            centre=centre,
            adviser=main,
            starts_at=starts_at,
            ends_at=starts_at + timedelta(minutes=first_hours[3]),
            mode=first_hours[4],
            place=first_hours[5],
            domain=domains.get(domain_name),
            topic=topic,
            organisation=organisation,
            founding=organisation is None,
            question=question,
            name=f"Osoba {week + 1}",
            email=f"osoba{week + 1}@example.org",
            status=AppointmentStatus.DONE,
        )
        AdviceEntry.objects.create(
            centre=centre,
            adviser=main,
            appointment=appointment,
            organisation=organisation,
            held_on=day,
            domain=domains.get(domain_name) or domains["sprawy organizacyjne"],
            duration_minutes=first_hours[3],
            topic=topic,
            outcome="Omówiono kolejne kroki, przekazano wzory dokumentów.",
            follow_up_on=today + timedelta(days=3 + week) if week < 2 else None,
        )
    if organisations and slug in ("myslowice", "zory"):
        # Mysłowice's caretakers; Żory's adviser looks after the organisations seated in the building.
        for organisation in organisations[:3]:
            Assignment.objects.create(
                centre=centre,
                adviser=main,
                organisation=organisation,
                kind=AssignmentKind.CARETAKER,
                starts_on=date(today.year, 1, 1),
                note="Opiekun organizacji w projekcie.",
            )
    if slug == "myslowice":
        ReachTarget.objects.create(
            centre=centre,
            label="Projekt CAL Mysłowice",
            starts_on=date(today.year, 1, 1),
            ends_on=date(today.year, 12, 31),
            people=40,
            organisations=16,
        )
    if organisations and slug == "miechow":
        services = [
            (advisers[0], "księgowość", "Bezpłatna księgowość"),
            (advisers[1], "prawo", "Obsługa prawna"),
        ]
        for index, (adviser, domain_name, note) in enumerate(services + [services[0]]):
            organisation = organisations[index]
            assignment = Assignment.objects.create(
                centre=centre,
                adviser=adviser,
                organisation=organisation,
                kind=AssignmentKind.SERVICE,
                domain=domains[domain_name],
                starts_on=date(today.year, 1, 1),
                ends_on=date(today.year, 12, 31),
                note=note,
            )
            for month_back in (1, 2):
                held_on = today.replace(day=1) - timedelta(days=30 * (month_back - 1) + 1)
                if held_on < assignment.starts_on:
                    continue
                AdviceEntry.objects.create(
                    centre=centre,
                    adviser=adviser,
                    assignment=assignment,
                    organisation=organisation,
                    held_on=held_on,
                    domain=domains[domain_name],
                    duration_minutes=rng.choice((60, 90, 120)),
                    topic="Ewidencja i rozliczenie miesiąca"
                    if domain_name == "księgowość"
                    else "Opinia do umowy",
                    outcome="Zrobione.",
                )
    return f"advisers: {len(advisers)}"
