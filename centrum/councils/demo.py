"""Demo data: the kinds of bodies with the rules of their legal basis in every centre; Kalisz's Council of
Public Benefit Activity (an election in progress, an opinion request) and its Seniors' Council (a meeting
with attendance and minutes); Częstochowa's joint advisory teams. Idempotent."""

import random
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model

from centrum.accounts.demo import demo_email
from centrum.core.calendar import WARSAW, warsaw_today
from centrum.organisations.choices import OrganisationStatus
from centrum.organisations.models import Organisation

from . import rules
from .catalogue import RDPP, SENIORS, TEAM, kinds_ensure
from .choices import MemberRole, Selection, Side
from .models import (
    Body,
    BodyKind,
    Election,
    JointRequest,
    JointRequestSignature,
    Meeting,
    Member,
    OpinionRequest,
)

REQUESTING = "zory"  # its organisations are gathering signatures for a council; the others have one
TEAMS = (
    "Zespół ds. rocznego programu współpracy",
    "Zespół ds. seniorów",
    "Zespół ds. osób z niepełnosprawnościami",
    "Zespół ds. kultury",
    "Zespół ds. sportu i rekreacji",
    "Zespół ds. edukacji ekologicznej",
    "Zespół ds. przeciwdziałania uzależnieniom",
)
PEOPLE = (
    "Anna Nowak",
    "Piotr Wiśniewski",
    "Katarzyna Wójcik",
    "Tomasz Kamiński",
    "Magdalena Lewandowska",
    "Marek Zieliński",
    "Ewa Szymańska",
    "Jan Woźniak",
)


def _members(body, organisations, *, ngo: int, other: int, day) -> list[Member]:
    rows = []
    for i in range(ngo):
        rows.append(
            Member(
                centre=body.centre,
                body=body,
                person_name=PEOPLE[i % len(PEOPLE)],
                side=Side.NGO,
                organisation=organisations[i % len(organisations)] if organisations else None,
                role=MemberRole.CHAIR if i == 0 else MemberRole.MEMBER,
                from_date=day,
            )
        )
    for i in range(other):
        rows.append(
            Member(
                centre=body.centre,
                body=body,
                person_name=PEOPLE[(ngo + i) % len(PEOPLE)],
                side=Side.MUNICIPALITY if i % 2 == 0 else Side.COUNCIL,
                role=MemberRole.SECRETARY if i == 0 else MemberRole.MEMBER,
                from_date=day,
            )
        )
    return Member.objects.bulk_create(rows)


def seed(*, centre, rng: random.Random) -> str | None:
    if BodyKind.objects.filter(centre=centre).exists():
        return None
    kinds = kinds_ensure(centre=centre)
    today = warsaw_today()
    organisations = list(
        Organisation.objects.filter(centre=centre, status=OrganisationStatus.ACTIVE).order_by("id")[:8]
    )
    city = centre.name.replace("Centrum Organizacji Pozarządowych", "").strip() or centre.name
    term_start = today - timedelta(days=400)
    requesting = centre.slug == REQUESTING
    council = (
        None
        if requesting
        else Body.objects.create(
            centre=centre,
            kind=kinds[RDPP],
            name=f"Rada Działalności Pożytku Publicznego – {city}"
            if centre.slug != "kalisz"
            else "Kaliska Rada Działalności Pożytku Publicznego",
            resolution_number=f"{term_start.year}/14",
            resolution_date=term_start - timedelta(days=20),
            term_start=term_start,
            term_end=rules.add_months(term_start, 36),
            ngo_seats=5,
        )
    )
    if council is not None:
        _members(council, organisations, ngo=5, other=4, day=term_start)
    seniors = Body.objects.create(
        centre=centre,
        kind=kinds[SENIORS],
        name="Kaliska Rada Seniorów" if centre.slug == "kalisz" else f"Rada Seniorów – {city}",
        term_start=term_start,
        term_end=rules.add_months(term_start, 48),
        statute="Rada Seniorów ma charakter konsultacyjny, doradczy i inicjatywny (statut nadany uchwałą rady gminy).",
    )
    _members(seniors, organisations, ngo=4, other=3, day=term_start)
    if centre.slug == "czestochowa":
        for name in TEAMS:
            team = Body.objects.create(
                centre=centre, kind=kinds[TEAM], name=name, term_start=today - timedelta(days=200)
            )
            _members(team, organisations, ngo=3, other=2, day=team.term_start)
    past = datetime.combine(today - timedelta(days=21), time(16, 0), tzinfo=WARSAW)
    first = Meeting.objects.create(
        centre=centre,
        body=seniors,
        starts_at=past,
        ends_at=past + timedelta(hours=2),
        address="Urząd Miasta, sala sesyjna",
        public=True,
        agenda="1. Otwarcie posiedzenia.\n2. Opinia o programie „Senior+”.\n3. Sprawy bieżące.",
        minutes="Posiedzenie otworzyła przewodnicząca. Rada pozytywnie zaopiniowała program „Senior+”.",
    )
    first.present.set(list(seniors.members.all()[:5]))
    upcoming = datetime.combine(today + timedelta(days=14), time(16, 0), tzinfo=WARSAW)
    Meeting.objects.create(
        centre=centre,
        body=seniors,
        starts_at=upcoming,
        ends_at=upcoming + timedelta(hours=2),
        address="Urząd Miasta, sala sesyjna",
        public=True,
        agenda="1. Przyjęcie protokołu.\n2. Plan pracy rady.",
    )
    received = today - timedelta(days=3)
    OpinionRequest.objects.create(
        centre=centre,
        body=council or seniors,
        subject_text="Projekt rocznego programu współpracy z organizacjami pozarządowymi",
        received_on=received,
        deadline=rules.opinion_deadline(received, 14),
    )
    now = datetime.combine(today, time(0, 0), tzinfo=WARSAW)
    president = get_user_model().objects.filter(email=demo_email("prezes", centre.slug)).first()
    if president is not None and organisations and requesting:
        # a joint request of organisations for a Council of Public Benefit Activity, not yet signed by five
        request = JointRequest.objects.create(
            centre=centre, kind=kinds[RDPP], title="Wniosek o powołanie Rady Działalności Pożytku Publicznego"
        )
        for organisation in organisations[:3]:
            JointRequestSignature.objects.create(
                centre=centre,
                request=request,
                organisation=organisation,
                signed_by=president,
                signed_on=today,
            )
    if president is not None and council is not None:
        Election.objects.create(
            centre=centre,
            body=council,
            selection=Selection.ELECTION,
            seats=5,
            nominations_until=now + timedelta(days=10),
            voting_from=now + timedelta(days=11),
            voting_until=now + timedelta(days=18),
        )
    return f"bodies: {Body.objects.filter(centre=centre).count()}"
