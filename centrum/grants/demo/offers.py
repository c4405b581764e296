"""Demo offers of every seed centre: drafts, filed offers (one with the paper confirmation received), a
withdrawn one, one under correction, a draft shared with the adviser who commented; Częstochowa the most,
with a joint offer. They go into the demo competitions open for offers (the competitions' seeder); where a
centre has none, one of its own is announced here. Idempotent: a centre with offers is left as it is."""

import random
from datetime import datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from centrum.accounts.demo import demo_people
from centrum.core.calendar import warsaw_today
from centrum.organisations.choices import OrganisationStatus
from centrum.organisations.models import Organisation

from ..choices import CompetitionKind, CompetitionStatus, CostCategory
from ..models import Competition, Offer
from ..services.offers import (
    DECLARATION_KEYS,
    OfferContent,
    offer_comment,
    offer_create,
    offer_record_paper_confirmation,
    offer_save,
    offer_share,
    offer_submit,
    offer_withdraw,
    offeror_from_registry,
)

# (title, synopsis, target group, actions [(name, unit cost, units, unit)], admin cost)
TASKS = [
    (
        "Lato w mieście – półkolonie z teatrem",
        "Dwa tygodnie zajęć teatralnych i plastycznych dla dzieci z rodzin w trudnej sytuacji, w świetlicy "
        "przy ul. Jasnogórskiej; zajęcia uzupełniają miejską ofertę wakacyjną.",
        "dzieci 7–12 lat",
        [
            ("Warsztaty teatralne", Decimal("120.00"), Decimal("40"), "godzina"),
            ("Materiały plastyczne", Decimal("35.50"), Decimal("30"), "zestaw"),
        ],
        Decimal("600.00"),
    ),
    (
        "Senioralni w sieci – kurs bezpiecznego internetu",
        "Cykl spotkań dla seniorów o bankowości internetowej, e-usługach i oszustwach telefonicznych, w "
        "bibliotekach dzielnicowych.",
        "osoby 60+",
        [
            ("Zajęcia w grupach", Decimal("150.00"), Decimal("24"), "godzina"),
            ("Poradnik drukowany", Decimal("8.40"), Decimal("100"), "egzemplarz"),
        ],
        Decimal("400.00"),
    ),
    (
        "Sprzątanie brzegów Warty z wolontariuszami",
        "Trzy akcje sprzątania z udziałem szkół i mieszkańców, z edukacją o segregacji odpadów.",
        "mieszkańcy, uczniowie",
        [
            ("Worki, rękawice, odbiór odpadów", Decimal("950.00"), Decimal("3"), "akcja"),
            ("Warsztaty w szkołach", Decimal("200.00"), Decimal("6"), "spotkanie"),
        ],
        Decimal("300.00"),
    ),
    (
        "Turniej piłki nożnej dla drużyn podwórkowych",
        "Rozgrywki dla drużyn podwórkowych z czterech dzielnic, z finałem na stadionie miejskim.",
        "młodzież 12–16 lat",
        [
            ("Sędziowie", Decimal("180.00"), Decimal("12"), "mecz"),
            ("Nagrody i medale", Decimal("1200.00"), Decimal("1"), "komplet"),
        ],
        Decimal("250.00"),
    ),
]


def _content(competition, organisation, task, *, joint_with=None) -> OfferContent:
    title, synopsis, group, actions, admin = task
    start = max(competition.task_start, warsaw_today() + timedelta(days=1))
    end = min(competition.task_end, start + timedelta(days=45))
    if end.year != start.year and not competition.multi_year:
        end = start.replace(month=12, day=31)
    lines = [
        {
            "category": CostCategory.ACTIONS,
            "action": i,
            "kind": name,
            "unit": unit,
            "unit_cost": cost,
            "units": units,
        }
        for i, (name, cost, units, unit) in enumerate(actions)
    ]
    lines.append(
        {
            "category": CostCategory.ADMINISTRATIVE,
            "action": None,
            "kind": "Koordynacja i księgowość",
            "unit": "usługa",
            "unit_cost": admin,
            "units": Decimal("1"),
        }
    )
    total = sum((ln["unit_cost"] * ln["units"] for ln in lines), Decimal("0")).quantize(Decimal("0.01"))
    own_percent = max(competition.min_own_contribution_percent or Decimal("0"), Decimal("10"))
    own = (total * own_percent / 100).quantize(Decimal("0.01")) + Decimal("10.00")
    if competition.kind == CompetitionKind.COMMISSIONING:
        own = Decimal("0.00")
    grant = total - own
    if competition.max_grant is not None and grant > competition.max_grant:
        grant = competition.max_grant
        own = total - grant
    personal = (own / 2).quantize(Decimal("0.01"))
    offerors = [
        {
            **offeror_from_registry(organisation),
            "actions_scope": "Prowadzi zajęcia i rozlicza zadanie; reprezentuje oferentów.",
        }
    ]
    shares = {}
    if joint_with is not None:
        offerors.append(
            {**offeror_from_registry(joint_with), "actions_scope": "Zapewnia salę, promocję i wolontariuszy."}
        )
        first = (total * Decimal("0.6")).quantize(Decimal("0.01"))
        shares = {(0, 1): first, (1, 1): total - first}
    return OfferContent(
        header={
            "contact_name": "Katarzyna Wiśniewska",
            "contact_email": organisation.email or "kontakt@example.org",
            "contact_phone": organisation.phone or "600 200 300",
            "title": title,
            "start_date": start,
            "end_date": end,
            "synopsis": synopsis,
            "results_description": "Bezpośrednie efekty: zrealizowane zajęcia i uczestnicy; zmiana: większa "
            "aktywność grupy docelowej; trwałość: materiały i kontakty zostają po zadaniu.",
            "past_activity": "Organizacja od kilku lat realizuje podobne zadania, także z dotacji miasta.",
            "resources": "Koordynatorka, dwoje prowadzących, wolontariusze; sala partnera; komputer i rzutnik.",
            "requested_grant": grant,
            "own_financial": own - personal,
            "own_personal": personal,
            "own_material": Decimal("0.00"),
            "recipient_fees": Decimal("0.00"),
            "paid_activity": False,
            "paid_activity_note": "",
            "other_information": "",
        },
        declarations=dict.fromkeys(DECLARATION_KEYS, True),
        offerors=offerors,
        actions=[
            {
                "name": name,
                "description": f"{name} – {group}",
                "target_group": group,
                "planned_term": "zgodnie z harmonogramem",
                "subcontracted_scope": "",
                "year": None,
            }
            for name, *_r in actions
        ],
        results=[
            {"name": "Liczba uczestników", "target_value": Decimal("40"), "monitoring": "listy obecności"}
        ],
        lines=lines,
        shares=shares,
    )


def _own_competition(centre) -> Competition:
    today = warsaw_today()
    competition, _created = Competition.objects.get_or_create(
        centre=centre,
        title="Otwarty konkurs ofert – inicjatywy mieszkańców i organizacji (demo)",
        defaults={
            "organ": f"Prezydent Miasta {centre.city}" if getattr(centre, "city", "") else "Wójt Gminy",
            "task_kind": "Działalność na rzecz organizacji pozarządowych i aktywności obywatelskiej",
            "kind": CompetitionKind.SUPPORT,
            "budget_year": today.year,
            "funds_total": Decimal("150000.00"),
            "award_rules": "Dotacje przyznaje się zgodnie z ustawą o działalności pożytku publicznego.",
            "implementation_terms": "Zadanie realizowane na terenie gminy, na rzecz jej mieszkańców.",
            "offers_deadline": timezone.make_aware(datetime.combine(today + timedelta(days=25), time(15, 0))),
            "selection_procedure": "Komisja konkursowa ocenia oferty według kryteriów art. 15 ust. 1.",
            "selection_date": today + timedelta(days=45),
            "task_start": today + timedelta(days=50),
            "task_end": today + timedelta(days=50 + 120),
            "max_grant": Decimal("20000.00"),
            "min_own_contribution_percent": Decimal("10.00"),
            "admin_costs_cap_percent": Decimal("15.00"),
            "confirmation_days": 3,
            "status": CompetitionStatus.PUBLISHED,
            "published_at": timezone.now(),
        },
    )
    return competition


def seed(*, centre, rng: random.Random) -> str | None:
    # The competitions' demo files decided offers of its own; these are the ones in competitions still open.
    if Offer.objects.filter(centre=centre, competition__status=CompetitionStatus.PUBLISHED).exists():
        return None
    users = demo_people(centre)
    admin, adviser, official = users.get("prezes"), users.get("doradca"), users.get("urzednik")
    if admin is None:
        return None
    mine = list(Organisation.objects.filter(centre=centre, memberships__user=admin).order_by("name"))
    others = list(
        Organisation.objects.filter(centre=centre, status=OrganisationStatus.ACTIVE)
        .exclude(pk__in=[o.pk for o in mine])
        .order_by("name")[:3]
    )
    if not mine:
        return None
    now = timezone.now()
    competitions = list(
        Competition.objects.filter(
            centre=centre, status=CompetitionStatus.PUBLISHED, offers_deadline__gt=now
        ).order_by("offers_deadline")
    ) or [_own_competition(centre)]
    competition = competitions[0]
    made = 0

    def draft(organisation, task, *, joint_with=None, target=competition):
        offer = offer_create(
            competition=target, organisation=organisation, actor=admin, is_joint=joint_with is not None
        )
        return offer_save(
            offer=offer, content=_content(target, organisation, task, joint_with=joint_with), actor=admin
        )

    filed = offer_submit(offer=draft(mine[0], TASKS[0]), actor=admin)
    made += 1
    if official is not None:
        offer_record_paper_confirmation(offer=filed, actor=official)
    unfinished = draft(mine[-1], TASKS[1])
    made += 1
    if adviser is not None:
        offer_share(offer=unfinished, user=adviser, actor=admin)
        offer_comment(
            offer=unfinished,
            body="Proszę doprecyzować rezultaty w III.6 i rozpisać koszty promocji.",
            actor=adviser,
        )
    if centre.slug == "czestochowa":
        if others:
            offer_submit(offer=draft(mine[0], TASKS[2], joint_with=others[0]), actor=admin)
            made += 1
        withdrawn = offer_submit(offer=draft(mine[-1], TASKS[3]), actor=admin)
        offer_withdraw(offer=withdrawn, actor=admin, reason="Zmiana planów organizacji.")
        made += 1
        # An offer under correction lives in the competition being evaluated (the evaluation's demo).
        draft(mine[-1], TASKS[2])
        made += 1
    return f"offers: {made}"


def wipe(slugs: list[str]) -> None:
    """Offers and comments that point at the demo people (who are deleted next)."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    from ..models import OfferComment, OfferReviewer

    people = Q()
    for slug in slugs:
        people |= Q(email__iendswith=f"@{slug}.demo")
    users = get_user_model().objects.filter(people)
    OfferReviewer.objects.filter(Q(user__in=users) | Q(shared_by__in=users)).delete()
    OfferComment.objects.filter(author__in=users).delete()
    Offer.objects.filter(
        Q(submitted_by__in=users) | Q(created_by__in=users) | Q(confirmation_received_by__in=users)
    ).delete()
