"""Demo small grants (art. 19a) of every seed centre: Częstochowa files ~107 simplified offers and signs ~49
contracts a year, so it gets 15 offers in every state (drafts, received, overdue for publication, published
with comments open, past the period with comments answered or not, contracted, refused, withdrawn); the
other centres three each. Dates are counted back from today so the desk shows real deadlines. Idempotent:
a centre with small-grant offers is left as it is."""

import random
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone
from stdnum import iban as stdnum_iban

from centrum.accounts.demo import demo_people
from centrum.core.calendar import WARSAW, warsaw_today
from centrum.core.centre_settings import centre_setting
from centrum.core.selectors import centre_add_working_days
from centrum.organisations.choices import OrganisationStatus
from centrum.organisations.models import Organisation

from ..choices import SMALL_GRANT_CHANNELS, CostCategory, SmallGrantStatus
from ..models import (
    SmallGrantComment,
    SmallGrantCostLine,
    SmallGrantOffer,
    SmallGrantPublication,
    SmallGrantResult,
)
from ..services.offers import offeror_from_registry
from ..services.small_grants import _contract_from, _organ_of
from ..simplified_offer import DECLARATION_KEYS

S = SmallGrantStatus

# (title, task kind, place, description, results [(name, target, monitoring)], lines [(kind, unit, cost,
# units, from grant)], own financial, own personal)
TASKS = [
    (
        "Piknik sąsiedzki na Zawodziu",
        "Działalność wspomagająca rozwój wspólnot i społeczności lokalnych",
        "skwer przy ul. Bardowskiego",
        "Popołudniowy piknik dla mieszkańców dzielnicy: gry dla dzieci, kiermasz rękodzieła, spotkanie "
        "z radnymi dzielnicy. Przygotowują go wolontariusze stowarzyszenia razem z radą osiedla.",
        [("Uczestnicy pikniku", "300", "lista szacunkowa, zdjęcia"), ("Stoiska wystawców", "12", "umowy")],
        [
            ("Nagłośnienie i scena", "usługa", "2500.00", "1", "2000.00"),
            ("Materiały do gier i warsztatów", "zestaw", "45.00", "40", "1500.00"),
            ("Ubezpieczenie imprezy", "polisa", "350.00", "1", "350.00"),
        ],
        "300.00",
        "1200.00",
    ),
    (
        "Warsztaty rękodzieła dla seniorów",
        "Działalność na rzecz osób w wieku emerytalnym",
        "klub seniora przy ul. Focha",
        "Osiem spotkań warsztatowych (ceramika, filc, decoupage) dla seniorów z dzielnicy, zakończonych "
        "wystawą prac w bibliotece.",
        [("Uczestnicy warsztatów", "20", "listy obecności"), ("Spotkania", "8", "dziennik zajęć")],
        [
            ("Prowadzenie warsztatów", "godzina", "120.00", "24", "2400.00"),
            ("Materiały plastyczne", "zestaw", "60.00", "20", "1000.00"),
        ],
        "200.00",
        "640.00",
    ),
    (
        "Turniej szachowy o puchar dzielnicy",
        "Wspieranie i upowszechnianie kultury fizycznej",
        "Szkoła Podstawowa nr 12",
        "Otwarty turniej szachowy dla dzieci i dorosłych w trzech kategoriach wiekowych, z sędzią "
        "z licencją i nagrodami rzeczowymi.",
        [("Zawodnicy", "60", "lista startowa"), ("Kategorie wiekowe", "3", "komunikat końcowy")],
        [
            ("Sędziowanie", "dzień", "600.00", "2", "1200.00"),
            ("Nagrody rzeczowe", "komplet", "150.00", "9", "1350.00"),
            ("Wynajem sali", "dzień", "400.00", "2", "0.00"),
        ],
        "800.00",
        "500.00",
    ),
    (
        "Ogród społeczny przy bibliotece",
        "Ekologia i ochrona zwierząt oraz ochrona dziedzictwa przyrodniczego",
        "teren przy filii bibliotecznej nr 5",
        "Założenie sześciu skrzyń z warzywami i ziołami, które mieszkańcy pielęgnują przez lato; "
        "cztery warsztaty ogrodnicze dla rodzin.",
        [("Skrzynie uprawne", "6", "protokół odbioru"), ("Uczestnicy warsztatów", "40", "listy obecności")],
        [
            ("Drewno i ziemia do skrzyń", "skrzynia", "420.00", "6", "2520.00"),
            ("Sadzonki i nasiona", "zestaw", "80.00", "10", "600.00"),
            ("Prowadzenie warsztatów", "godzina", "100.00", "12", "900.00"),
        ],
        "0.00",
        "900.00",
    ),
    (
        "Kino plenerowe na Rynku Wieluńskim",
        "Kultura, sztuka, ochrona dóbr kultury i dziedzictwa narodowego",
        "Rynek Wieluński",
        "Cztery sierpniowe seanse filmów polskich pod gołym niebem, z prelekcją przed każdym seansem.",
        [("Widzowie", "600", "liczenie na wejściu"), ("Seanse", "4", "program")],
        [
            ("Licencje na projekcje", "seans", "900.00", "4", "3600.00"),
            ("Ekran i projektor", "dzień", "800.00", "4", "3200.00"),
            ("Ochrona", "seans", "250.00", "4", "0.00"),
        ],
        "1000.00",
        "800.00",
    ),
]

COMMENTS = [
    (
        "Anna Kowalczyk",
        "Czy w kosztorysie przewidziano toaletę przenośną? Przy poprzedniej imprezie jej brakowało.",
        "Oferent potwierdził, że toaleta jest w koszcie usługi scenicznej; warunek zapiszemy w umowie.",
    ),
    (
        "Rada Osiedla",
        "Popieramy zadanie; prosimy o informację o terminie w gablocie osiedlowej.",
        "Dziękujemy; oferent zobowiązał się do ogłoszenia w gablotach osiedla.",
    ),
    ("Jan Nowak", "Koszt nagłośnienia wydaje się wysoki w porównaniu z podobnymi imprezami.", ""),
]

# Częstochowa: every state; (state, days since receipt, comments)
PLAN_FULL = [
    (S.DRAFT, None, 0),
    (S.DRAFT, None, 0),
    (S.RECEIVED, 1, 0),
    (S.RECEIVED, 14, 0),
    (S.PURPOSEFUL, 3, 0),
    (S.PURPOSEFUL, 16, 0),
    (S.NOT_PURPOSEFUL, 10, 0),
    (S.PUBLISHED, 6, 1),
    (S.PUBLISHED, 5, 0),
    (S.PUBLISHED, 20, 2),
    (S.PUBLISHED, 21, 3),
    (S.CONTRACTED, 40, 2),
    (S.CONTRACTED, 60, 0),
    (S.REJECTED, 25, 0),
    (S.WITHDRAWN, 12, 0),
]
PLAN_SHORT = [(S.DRAFT, None, 0), (S.PURPOSEFUL, 2, 0), (S.PUBLISHED, 3, 1), (S.CONTRACTED, 40, 2)]


def demo_iban(rng: random.Random) -> str:
    bban = "1090" + "".join(str(rng.randrange(10)) for _i in range(20))
    return f"PL{stdnum_iban.calc_check_digits('PL00' + bban)}{bban}"


def _at(day, hour=10):
    return datetime.combine(day, time(hour, 0), tzinfo=WARSAW)


def seed(*, centre, rng: random.Random) -> str | None:
    if SmallGrantOffer.objects.filter(centre=centre).exists():
        return None
    users = demo_people(centre)
    admin, official = users.get("prezes"), users.get("urzednik")
    if admin is None:
        return None
    mine = list(Organisation.objects.filter(centre=centre, memberships__user=admin).order_by("name"))
    others = list(
        Organisation.objects.filter(centre=centre, status=OrganisationStatus.ACTIVE)
        .exclude(pk__in=[o.pk for o in mine])
        .order_by("name")[:8]
    )
    if not mine:
        return None
    plan = PLAN_FULL if centre.slug == "czestochowa" else PLAN_SHORT
    today = warsaw_today()
    publish_days = centre_setting(centre, "grants.small_grant_publish_working_days")
    comment_days = centre_setting(centre, "grants.small_grant_comment_days")
    numbers: dict[int, int] = {}
    for index, (state, ago, comment_count) in enumerate(plan):
        organisation = mine[index % len(mine)] if index < 3 or not others else others[index % len(others)]
        task = TASKS[index % len(TASKS)]
        offer = _draft(centre, organisation, admin, task, today, index, rng)
        if state == S.DRAFT:
            continue
        received = today - timedelta(days=ago)
        numbers[received.year] = numbers.get(received.year, 0) + 1
        offer.number = f"MG/{received.year}/{numbers[received.year]}"
        offer.received_on = received
        offer.submitted_at = _at(received, 9)
        offer.submitted_by = admin
        offer.publish_by = centre_add_working_days(centre, received, publish_days)
        offer.status = state
        offer.status_changed_at = timezone.now()
        if state not in (S.RECEIVED, S.WITHDRAWN) or ago > 10:
            offer.decided_at, offer.decided_by = _at(received + timedelta(days=1)), official
        if state == S.NOT_PURPOSEFUL:
            offer.status_reason = "Zadanie powiela działania finansowane w otwartym konkursie na ten rok."
        if state == S.REJECTED:
            offer.status_reason = "Oferent nie usunął wątpliwości zgłoszonych w uwagach mieszkańców."
        if state == S.WITHDRAWN:
            offer.status_reason = "Organizacja zrezygnowała z realizacji w tym roku."
        if state in (S.PUBLISHED, S.CONTRACTED, S.REJECTED):
            published = min(received + timedelta(days=2), today)
            for channel, address in zip(
                SMALL_GRANT_CHANNELS,
                (
                    f"https://bip.{centre.slug}.example.pl/male-granty/{offer.number.replace('/', '-')}",
                    "tablica ogłoszeń, parter urzędu",
                    f"https://www.{centre.slug}.example.pl/ngo/male-granty",
                ),
                strict=True,
            ):
                SmallGrantPublication.objects.create(
                    centre=centre,
                    offer=offer,
                    channel=channel,
                    published_on=published,
                    address=address,
                    recorded_by=official,
                )
            offer.published_at = _at(published, 12)
            offer.comments_until = published + timedelta(days=comment_days)
            for position in range(comment_count):
                name, body, response = COMMENTS[position % len(COMMENTS)]
                answered = state == S.CONTRACTED or (response and offer.comments_until < today)
                SmallGrantComment.objects.create(
                    centre=centre,
                    offer=offer,
                    name=name,
                    body=body,
                    filed_at=_at(published + timedelta(days=1 + position), 18),
                    response=(response or "Uwaga rozpatrzona; kosztorys bez zmian.") if answered else "",
                    responded_at=_at(offer.comments_until + timedelta(days=1), 9) if answered else None,
                    responded_by=official if answered else None,
                )
        offer.save()
        if state == S.CONTRACTED:
            concluded = offer.comments_until + timedelta(days=2)
            offer.contract = _contract_from(
                offer,
                {"bank_account": offer.bank_account, "line_tolerance_percent": Decimal("10")},
                min(concluded, today),
                actor=official,
            )
            offer.save(update_fields=["contract"])
    return f"small grants: {len(plan)}"


def _draft(centre, organisation, admin, task, today, index, rng) -> SmallGrantOffer:
    title, kind, place, description, results, lines, own_financial, own_personal = task
    registry = offeror_from_registry(organisation)
    start = today + timedelta(days=20 + 3 * index)
    grant = sum((Decimal(line[4]) for line in lines), Decimal("0"))
    total = sum((Decimal(line[2]) * Decimal(line[3]) for line in lines), Decimal("0"))
    rest = total - grant
    financial = min(Decimal(own_financial), rest)
    personal = min(Decimal(own_personal), rest - financial)
    offer = SmallGrantOffer.objects.create(
        centre=centre,
        organisation=organisation,
        organ=_organ_of(centre)[:200],
        task_kind=kind,
        title=title if index < len(TASKS) else f"{title} ({index // len(TASKS) + 1}. edycja)",
        start_date=start,
        end_date=start + timedelta(days=30 + index % 40),
        offeror_name=registry["name"][:300],
        legal_form=registry["legal_form"][:200],
        register_number=registry["register_number"][:60],
        seat=registry["seat"][:300],
        email=registry["email"] or "",
        phone=(registry["phone"] or "")[:40],
        contact_name=getattr(admin, "full_name", "") or "Prezes zarządu",
        contact_email=admin.email,
        bank_account=demo_iban(rng),
        place=place,
        description=description,
        profile=(
            f"{organisation.name} działa od kilku lat w dzielnicy; zrealizowała kilkanaście lokalnych "
            "wydarzeń z udziałem wolontariuszy."
        ),
        requested_grant=grant,
        own_financial=financial,
        own_personal=personal,
        own_material=rest - financial - personal,
        total_cost=total,
        declarations=dict.fromkeys(DECLARATION_KEYS, True),
        created_by=admin,
    )
    SmallGrantResult.objects.bulk_create(
        [
            SmallGrantResult(
                centre=centre,
                offer=offer,
                position=i + 1,
                name=name,
                target_value=Decimal(target),
                monitoring=how,
            )
            for i, (name, target, how) in enumerate(results)
        ]
    )
    SmallGrantCostLine.objects.bulk_create(
        [
            SmallGrantCostLine(
                centre=centre,
                offer=offer,
                position=i + 1,
                category=CostCategory.ACTIONS,
                kind=kind_,
                unit=unit,
                unit_cost=Decimal(cost),
                units=Decimal(units),
                value=Decimal(cost) * Decimal(units),
                grant_part=Decimal(part),
            )
            for i, (kind_, unit, cost, units, part) in enumerate(lines)
        ]
    )
    return offer
