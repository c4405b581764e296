"""Demo trainings and events of the five seed centres, with registrations, a waiting list, attendance,
feedback, stands at the centres' own events and the organisations' training needs. Idempotent."""

import random
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from centrum.accounts.demo import demo_people
from centrum.accounts.selectors import centre_staff_list
from centrum.core.calendar import WARSAW, is_working_day, warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.organisations.choices import OrganisationStatus
from centrum.organisations.models import Organisation

from .choices import ExhibitorStatus, PlaceKind, RegistrationStatus, TrainingKind, TrainingStatus
from .models import Attendance, Exhibitor, Feedback, Registration, Session, Training, TrainingNeed
from .services.needs import topic_key
from .services.trainings import session_save

# title, kind, trainer, capacity, sessions (days from today, start hour, hours), place, programme
PLANS = {
    "miechow": [
        (
            "Oferta realizacji zadania publicznego krok po kroku",
            TrainingKind.WORKSHOP,
            "Anna Nowak, Starostwo Powiatowe w Miechowie",
            12,
            [(9, 10, 4), (16, 10, 4)],
            PlaceKind.ROOM,
            "Formularz oferty, kosztorys, rezultaty; ćwiczenia na przykładach.",
        ),
        (
            "Sprawozdanie z realizacji zadania publicznego",
            TrainingKind.SEMINAR,
            "Marek Zając",
            20,
            [(-20, 10, 3)],
            PlaceKind.ROOM,
            "Terminy, wzór sprawozdania, najczęstsze błędy.",
        ),
        (
            "Księgowość małej organizacji",
            TrainingKind.TRAINING,
            "Biuro rachunkowe – usługa bezpłatna dla NGO",
            15,
            [(23, 9, 5)],
            PlaceKind.ONLINE,
            "Uproszczona ewidencja, sprawozdanie finansowe, CIT-8.",
        ),
        (
            "Święto Organizacji Pozarządowych Powiatu Miechowskiego",
            TrainingKind.CENTRE_EVENT,
            "",
            300,
            [(30, 11, 5)],
            PlaceKind.ELSEWHERE,
            "Stoiska organizacji, występy, konkursy dla dzieci.",
        ),
    ],
    "kalisz": [
        (
            "Fundraising dla początkujących",
            TrainingKind.WORKSHOP,
            "Ewa Kowalczyk",
            15,
            [(8, 16, 3), (15, 16, 3)],
            PlaceKind.ROOM,
            "Źródła finansowania, pisanie wniosku, budżet projektu.",
        ),
        (
            "Jak założyć stowarzyszenie",
            TrainingKind.TRAINING,
            "Centrum Organizacji Pozarządowych",
            25,
            [(-14, 17, 2)],
            PlaceKind.ROOM,
            "Statut, KRS-W20, pierwsze kroki zarządu.",
        ),
    ],
    "czestochowa": [
        (
            "Szkolenie z pozyskiwania funduszy zewnętrznych",
            TrainingKind.TRAINING,
            "Piotr Wiśniewski",
            20,
            [(12, 10, 5)],
            PlaceKind.ROOM,
            "Fundusze europejskie, fundacje, crowdfunding.",
        ),
        (
            "Dzień Organizacji Pozarządowych",
            TrainingKind.CENTRE_EVENT,
            "",
            500,
            [(26, 11, 6)],
            PlaceKind.ELSEWHERE,
            "Plac Biegańskiego: stoiska organizacji, scena, wolontariat.",
        ),
    ],
    "myslowice": [
        (
            "Zarządzanie organizacją pozarządową",
            TrainingKind.TRAINING,
            "Agnieszka Wójcik",
            16,
            [(10, 10, 4), (17, 10, 4)],
            PlaceKind.ROOM,
            "Planowanie strategiczne, zarząd i członkowie, dokumenty.",
        ),
        (
            "Tworzenie partnerstw lokalnych",
            TrainingKind.SEMINAR,
            "Lokalna Platforma Wiedzy",
            20,
            [(-10, 11, 3)],
            PlaceKind.ROOM,
            "Małe partnerstwa: jak zacząć, umowa partnerska.",
        ),
    ],
    "zory": [
        (
            "Szkolenie dla wolontariuszy i koordynatorów",
            TrainingKind.TRAINING,
            "Centrum Wolontariatu",
            20,
            [(11, 15, 3)],
            PlaceKind.ROOM,
            "Porozumienie z wolontariuszem, ubezpieczenie, motywowanie.",
        ),
        (
            "Piknik Organizacji Pozarządowych",
            TrainingKind.CENTRE_EVENT,
            "",
            400,
            [(33, 12, 5)],
            PlaceKind.ELSEWHERE,
            "Stoiska organizacji, gry i zabawy, koncert.",
        ),
    ],
}
ADDRESS = {
    "miechow": "Rynek, Miechów",
    "czestochowa": "Plac Biegańskiego, Częstochowa",
    "zory": "Park Cegielnia, Żory",
}
NEEDS = {
    "miechow": [
        "Ochrona danych osobowych w NGO",
        "Księgowość małej organizacji",
        "Promocja w mediach społecznościowych",
    ],
    "kalisz": ["Pisanie wniosków grantowych", "Ochrona danych osobowych w NGO", "Wolontariat w organizacji"],
    "czestochowa": ["Crowdfunding", "Pisanie wniosków grantowych"],
    "myslowice": ["Ekonomia społeczna", "Promocja w mediach społecznościowych"],
    "zory": ["Pierwsza pomoc na wydarzeniach", "Ochrona danych osobowych w NGO"],
}
FIRST_NAMES = [
    "Anna",
    "Piotr",
    "Maria",
    "Tomasz",
    "Ewa",
    "Jan",
    "Zofia",
    "Adam",
    "Barbara",
    "Michał",
    "Helena",
    "Rafał",
    "Irena",
    "Paweł",
]
LAST_NAMES = [
    "Kowalska",
    "Nowak",
    "Wiśniewska",
    "Mazur",
    "Zając",
    "Król",
    "Wieczorek",
    "Kaczmarek",
    "Pawlak",
    "Sikora",
]


def _day(offset: int):
    day = warsaw_today() + timedelta(days=offset)
    step = 1 if offset >= 0 else -1
    while not is_working_day(day):
        day += timedelta(days=step)
    return day


def _people(rng: random.Random, count: int, slug: str):
    for i in range(count):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        yield f"{first} {last}", f"{first.lower()}.{i}.{slug}@example.org".replace("ł", "l").replace("ż", "z")


def seed(*, centre, rng: random.Random) -> str | None:
    slug = centre.slug
    if slug not in PLANS or Training.objects.filter(centre=centre).exists():
        return None
    from centrum.spaces.models import Room

    role = centre_staff_list(centre=centre).first()
    staff = role.user if role else None
    users = demo_people(centre)
    organisations = list(
        Organisation.objects.filter(centre=centre, status=OrganisationStatus.ACTIVE).order_by("name")[:12]
    )
    room = Room.objects.filter(centre=centre, is_active=True).order_by("-capacity", "id").first()
    now = timezone.now()
    count = 0
    for title, kind, trainer, capacity, slots, place, programme in PLANS[slug]:
        past = slots[0][0] < 0
        training = Training.objects.create(
            centre=centre,
            title=title,
            kind=kind,
            trainer=trainer,
            capacity=capacity,
            programme=programme,
            description=programme,
            audience="Członkowie, pracownicy i wolontariusze organizacji pozarządowych"
            if kind != TrainingKind.CENTRE_EVENT
            else "Mieszkańcy i organizacje",
            exhibitors_welcome=kind == TrainingKind.CENTRE_EVENT,
            per_organisation_cap=3 if kind != TrainingKind.CENTRE_EVENT else None,
            status=TrainingStatus.FINISHED if past else TrainingStatus.PUBLISHED,
            status_changed_at=now,
            created_by=staff,
        )
        sessions = []
        for offset, hour, hours in slots:
            start = datetime.combine(_day(offset), time(hour), tzinfo=WARSAW)
            kind_here = place if (place != PlaceKind.ROOM or room) else PlaceKind.ELSEWHERE
            data = {
                "starts_at": start,
                "ends_at": start + timedelta(hours=hours),
                "place_kind": kind_here,
                "room": room if kind_here == PlaceKind.ROOM else None,
                "address": ADDRESS.get(slug, centre.street) if kind_here == PlaceKind.ELSEWHERE else "",
                "online_url": "https://meet.example.org/szkolenie" if kind_here == PlaceKind.ONLINE else "",
            }
            session = None
            if not past and kind_here == PlaceKind.ROOM and staff is not None:
                try:  # a room of the centre is booked through the rooms app, as staff would
                    with transaction.atomic():
                        session = session_save(training=training, actor=staff, data=data)
                except ApplicationError:
                    data.update(place_kind=PlaceKind.ELSEWHERE, room=None, address=centre.street)
            if session is None:
                session = Session.objects.create(centre=centre, training=training, **data)
            sessions.append(session)
        if kind == TrainingKind.CENTRE_EVENT:
            for i, organisation in enumerate(organisations[:5]):
                Exhibitor.objects.create(
                    centre=centre,
                    training=training,
                    organisation=organisation,
                    stand=rng.choice(
                        [
                            "Stoisko informacyjne",
                            "Warsztaty dla dzieci",
                            "Kiermasz rękodzieła",
                            "Pokaz pierwszej pomocy",
                        ]
                    ),
                    needs=rng.choice(["prąd, stół", "namiot 3×3 m", "dwa stoły i krzesła", ""]),
                    status=ExhibitorStatus.CONFIRMED if i < 3 else ExhibitorStatus.REQUESTED,
                    status_changed_at=now,
                )
            continue
        # Full where the seed has a waiting list (Miechów's first workshop), otherwise about two thirds.
        full = slug == "miechow" and not past and len(slots) > 1
        wanted = capacity + 2 if full else max(3, capacity * 2 // 3)
        people = list(_people(rng, wanted, slug))
        if "czlonek" in users and not full:
            # The demo member is registered for the coming trainings and, in a past one, attended without
            # giving feedback yet (the second person: present, no feedback), so "Oceń szkolenie" is there to try.
            member = users["czlonek"]
            people[1 if past else 0] = (member.full_name, member.email)
        for i, (name, email) in enumerate(people):
            confirmed = i < capacity
            organisation = organisations[i % len(organisations)] if organisations and i % 3 else None
            registration = Registration.objects.create(
                centre=centre,
                training=training,
                user=users["czlonek"] if email == getattr(users.get("czlonek"), "email", None) else None,
                name=name,
                email=email,
                organisation=organisation,
                accessibility_needs="pętla indukcyjna" if i == 2 else "",
                status=RegistrationStatus.CONFIRMED if confirmed else RegistrationStatus.WAITING,
                status_changed_at=now,
            )
            if past and confirmed:
                for session in sessions:
                    Attendance.objects.create(
                        centre=centre,
                        registration=registration,
                        session=session,
                        present=i % 5 != 4,
                        marked_by=staff,
                    )
                if i % 5 != 4 and i % 2 == 0:
                    Feedback.objects.create(
                        centre=centre,
                        registration=registration,
                        rating=rng.choice([4, 5, 5, 3]),
                        useful=rng.choice(
                            ["Przykłady z praktyki", "Wzory dokumentów", "Odpowiedzi na pytania", ""]
                        ),
                    )
        count += 1
    for i, topic in enumerate(NEEDS.get(slug, [])):
        for organisation in organisations[i : i + 1 + (len(NEEDS[slug]) - i)]:
            if not TrainingNeed.objects.filter(
                organisation=organisation, topic_key=topic_key(topic)
            ).exists():
                TrainingNeed.objects.create(
                    centre=centre,
                    organisation=organisation,
                    topic=topic,
                    topic_key=topic_key(topic),
                    requested_by=users.get("prezes"),
                )
    return f"trainings: {count}"
