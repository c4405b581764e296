"""Demo evaluation in every centre: the competition closed for offers gets its filed offers (when the other
seeders left it none), a commission of the demo official (chair), the demo commission member and an NGO
nominee, formal checks (accepted, one to correct), declarations and scores; one offer is left to declare for."""

import random
from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from centrum.accounts.demo import PEOPLE, demo_email
from centrum.core.workflow import workflow_apply
from centrum.organisations.choices import OrganisationStatus
from centrum.organisations.models import Organisation

from ..choices import FILED_OFFER_STATUSES, CompetitionStatus, MemberSide, MemberStatus, OfferStatus
from ..models import (
    Commission,
    CommissionMember,
    Competition,
    Declaration,
    FormalCheck,
    Offer,
    Score,
    ScoringCriterion,
)
from ..selectors.evaluation import formal_checklist

TITLES = [
    "Warsztaty dla seniorów „Aktywni razem”",
    "Letnie półkolonie z edukacją ekologiczną",
    "Cykl koncertów w dzielnicach",
    "Poradnictwo dla rodzin w kryzysie",
]


def _person(slug: str, key: str, fallback: str) -> tuple[str, str]:
    return demo_email(key, slug), PEOPLE.get(slug, {}).get(key, fallback)


def _offers(centre, competition, rng: random.Random) -> list[Offer]:
    filed = list(Offer.objects.filter(competition=competition, status__in=FILED_OFFER_STATUSES))
    if filed:
        return filed
    organisations = list(
        Organisation.objects.filter(centre=centre, status=OrganisationStatus.ACTIVE).order_by("-id")[:4]
    )
    offers = []
    for index, organisation in enumerate(organisations):
        requested = Decimal(rng.randrange(6, 15) * 1000)
        offers.append(
            Offer.objects.create(
                centre=centre,
                competition=competition,
                organisation=organisation,
                number=f"{competition.number or competition.pk}/{index + 1}",
                title=TITLES[index % len(TITLES)],
                status=OfferStatus.SUBMITTED,
                contact_name="Osoba do kontaktu",
                contact_email=organisation.email or "kontakt@example.org",
                start_date=competition.task_start,
                end_date=min(competition.task_end, competition.task_start + timedelta(days=60)),
                requested_grant=requested,
                own_financial=(requested * Decimal("0.15")).quantize(Decimal("0.01")),
                total_cost=(requested * Decimal("1.15")).quantize(Decimal("0.01")),
                submitted_at=competition.offers_deadline - timedelta(days=index + 1),
                confirmation_received_at=competition.offers_deadline + timedelta(days=1) if index else None,
            )
        )
    from ..services.offers import canonical_content, checksum_of, content_of

    for offer in offers:
        offer.checksum = checksum_of(canonical_content(offer, content_of(offer)))
        offer.save(update_fields=["checksum"])
    return offers


def _member(commission, email, full_name, side, **extra) -> CommissionMember:
    from django.contrib.auth import get_user_model

    member, _created = CommissionMember.objects.get_or_create(
        commission=commission,
        email=email,
        defaults={
            "centre": commission.centre,
            "full_name": full_name,
            "side": side,
            "status": MemberStatus.APPOINTED,
            "user": get_user_model().objects.filter(email=email).first(),
            **extra,
        },
    )
    return member


def _accept(offer, official) -> None:
    items = [
        {"key": i.key, "label": str(i.label), "met": True, "fixable": i.fixable, "note": ""}
        for i in formal_checklist(offer)
    ]
    FormalCheck.objects.update_or_create(
        offer=offer,
        defaults={
            "centre": offer.centre,
            "items": items,
            "checked_by": official,
            "checked_at": timezone.now(),
        },
    )
    Offer.objects.filter(pk=offer.pk).update(
        status=OfferStatus.FORMALLY_ACCEPTED, status_changed_at=timezone.now()
    )


def seed(*, centre, rng: random.Random) -> str | None:
    from django.contrib.auth import get_user_model

    competition = (
        Competition.objects.filter(centre=centre, status=CompetitionStatus.EVALUATION).order_by("id").first()
    )
    if competition is None or Commission.objects.filter(competition=competition).exists():
        return None
    official_email, official_name = _person(centre.slug, "urzednik", "Urzędnik Wydziału")
    official = get_user_model().objects.filter(email=official_email).first()
    if official is None:
        return "no official account"
    offers = _offers(centre, competition, rng)
    commission = Commission.objects.create(
        centre=centre, competition=competition, nominations_until=competition.offers_deadline.date()
    )
    chair = _member(commission, official_email, official_name, MemberSide.OFFICIAL, chair=True)
    evaluator_email, evaluator_name = _person(centre.slug, "oceniajacy", "Członek Komisji")
    evaluator = _member(commission, evaluator_email, evaluator_name, MemberSide.OFFICIAL)
    nominating = (
        Organisation.objects.filter(centre=centre, status=OrganisationStatus.ACTIVE)
        .exclude(pk__in=[o.organisation_id for o in offers])
        .order_by("id")
        .first()
    )
    _member(
        commission,
        f"kandydat.komisja@{centre.slug}.demo",
        "Teresa Społeczna",
        MemberSide.NGO,
        nominated_by=nominating,
    )
    criteria = list(ScoringCriterion.objects.filter(competition=competition))
    for index, offer in enumerate(offers):
        if offer.status != OfferStatus.SUBMITTED or index == 1:
            continue  # the second offer waits for its formal check
        if index == 3:
            workflow_apply(
                obj=offer,
                action="request_correction",
                actor=official,
                reason="Brak potwierdzenia złożenia oferty podpisanego zgodnie z reprezentacją w KRS.",
            )
            continue
        _accept(offer, official)
        if index >= 2:
            continue  # accepted, the commission member still declares for it
        # Częstochowa, the fullest demo: the chair scores too, so the ranking averages two members.
        scorers = [evaluator, chair] if centre.slug == "czestochowa" and chair.user_id else [evaluator]
        for member in scorers:
            Declaration.objects.create(centre=centre, member=member, offer=offer, no_conflict=True)
            for criterion in criteria:
                Score.objects.create(
                    centre=centre,
                    member=member,
                    offer=offer,
                    criterion=criterion,
                    points=min(criterion.max_points, Decimal(rng.randrange(5, 11))),
                    comment="Oferta spójna, koszty uzasadnione.",
                )
    return f"commission of {commission.members.count()}, {len(offers)} offers"
