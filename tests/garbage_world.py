"""The small world tests/test_garbage_forms.py posts garbage into, and what each URL parameter points at.

`build_world(centre, other_centre)` makes, in the CURRENT centre, one object of every kind a page with a
form needs (an organisation with an administrator and a member, a pending registration, invitations,
tokens, a closed day, an import batch, rooms, equipment, bookings in several states, a waiting-list entry,
a let, loans in several states, a calendar feed) and a few of the same kinds in the OTHER centre, whose
ids the garbage puts into select fields.

URL PARAMETERS: `URL_VALUES[(url name, kwarg)]` or `KWARG_VALUES[kwarg]` map a parameter to a function
`world -> value or list of values` (a list means: request the page once per value, e.g. a booking in each
state, so that every state's forms are seen). A URL with a parameter found in neither FAILS the test
with a message saying where to add it.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.utils import timezone

from centrum.accounts.models import CentreRoleKind, MembershipRole
from centrum.accounts.tests.factories import CentreRoleFactory, MembershipFactory, UserFactory
from centrum.organisations.choices import OrganisationStatus
from centrum.organisations.tests.factories import OrganisationFactory


@dataclass
class World:
    centre: Any
    other_centre: Any
    staff: Any
    org_admin: Any
    member: Any
    platform_admin: Any
    objects: dict[str, Any] = field(default_factory=dict)
    other: dict[str, Any] = field(default_factory=dict)
    api_keys: dict[str, str] = field(default_factory=dict)  # who -> bearer key
    other_ids: Any = None  # OtherIds, once the world is built

    def __getattr__(self, name):  # world.organisation, world.room, …
        objects = self.__dict__.get("objects", {})
        if name in objects:
            return objects[name]
        raise AttributeError(name)


def _api_token(user, centre, name: str) -> tuple[Any, str]:
    from centrum.accounts.models import ApiToken

    key = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        centre=centre,
        name=name,
        prefix=key[:8],
        key_hash=ApiToken.hash_key(key),
    )
    return token, key


def _org(centre, name: str, **extra):
    return OrganisationFactory(centre=centre, name=name, **extra)


def _grants_offers(centre, org, prefix: str) -> dict[str, Any]:
    """A competition open for offers and a complete draft offer of the organisation in it."""
    from centrum.grants.tests.factories import CompetitionFactory, complete_offer

    competition = CompetitionFactory(centre=centre, title=f"Konkurs {prefix}")
    offer = complete_offer(competition=competition, organisation=org)
    return {"grants_competition": competition, "grants_offer": offer}


def _trainings(centre, org, requester, staff, prefix: str) -> dict[str, Any]:
    """A published training (a future session, stands welcome), a draft, a past training with the
    requester's attended registration (certificate, feedback) and a stand of the organisation."""
    from centrum.trainings.models import Attendance, Exhibitor, Registration, Session, Training

    now = timezone.now()

    def training(title, status, start, **extra):
        t = Training.objects.create(
            centre=centre, title=f"{prefix} {title}", capacity=5, status=status, **extra
        )
        session = Session.objects.create(
            centre=centre,
            training=t,
            starts_at=start,
            ends_at=start + timedelta(hours=2),
            place_kind="elsewhere",
            address="Rynek 1",
        )
        return t, session

    upcoming, upcoming_session = training(
        "Dzień NGO", "published", now + timedelta(days=9), exhibitors_welcome=True
    )
    draft, _draft_session = training("Szkic szkolenia", "draft", now + timedelta(days=12))
    past, past_session = training("Sprawozdania", "finished", now - timedelta(days=5))
    registration = Registration.objects.create(
        centre=centre, training=past, user=requester, name="Prezes", email=requester.email, organisation=org
    )
    Attendance.objects.create(centre=centre, registration=registration, session=past_session, present=True)
    upcoming_registration = Registration.objects.create(
        centre=centre, training=upcoming, user=requester, name="Prezes", email=requester.email
    )
    stand = Exhibitor.objects.create(
        centre=centre, training=upcoming, organisation=org, stand="Stoisko", requested_by=requester
    )
    return {
        "training": upcoming,
        "training_session": upcoming_session,
        "draft_training": draft,
        "past_training": past,
        "past_session": past_session,
        "training_registration": registration,
        "upcoming_registration": upcoming_registration,
        "training_stand": stand,
    }


def _spaces(centre, org, requester, staff, prefix: str) -> dict[str, Any]:
    """Rooms, equipment, bookings in several states, a waiting-list entry, a let, loans, a feed."""
    from centrum.spaces.choices import BookingKind, BookingStatus, LoanStatus
    from centrum.spaces.models import Loan, LoanItem, OrganisationCalendarFeed, WaitingListEntry
    from centrum.spaces.tests.factories import (
        BookingFactory,
        EquipmentFactory,
        RoomFactory,
        next_open_day,
        slot,
    )

    room = RoomFactory(centre=centre, name=f"{prefix} Sala konferencyjna")
    office = RoomFactory(centre=centre, name=f"{prefix} Biuro do najmu")
    item = EquipmentFactory(centre=centre, name=f"{prefix} Rzutnik", quantity=3)
    day = next_open_day(weekday=1, weeks_ahead=2)
    common = {"room": room, "centre": centre, "organisation": org, "requested_by": requester}
    pending = BookingFactory(
        **common, starts_at=slot(day, 10, 12)[0], ends_at=slot(day, 10, 12)[1], status=BookingStatus.PENDING
    )
    approved = BookingFactory(
        **common, starts_at=slot(day, 13, 15)[0], ends_at=slot(day, 13, 15)[1], status=BookingStatus.APPROVED
    )
    past_day = next_open_day(weekday=2, weeks_ahead=-2)
    past = BookingFactory(
        **common,
        starts_at=slot(past_day, 10, 12)[0],
        ends_at=slot(past_day, 10, 12)[1],
        status=BookingStatus.APPROVED,
    )
    offered = BookingFactory(
        **common,
        starts_at=slot(day, 16, 18)[0],
        ends_at=slot(day, 16, 18)[1],
        status=BookingStatus.OFFERED,
        offer_expires_at=timezone.now() + timedelta(days=1),
    )
    waiting = WaitingListEntry.objects.create(
        centre=centre,
        room=room,
        organisation=org,
        requested_by=requester,
        starts_at=slot(day, 10, 12)[0],
        ends_at=slot(day, 10, 12)[1],
        title=f"{prefix} Czekamy na salę",
    )
    today = timezone.localdate()
    loans = {}
    for n, status in enumerate((LoanStatus.REQUESTED, LoanStatus.APPROVED, LoanStatus.HANDED_OVER), start=1):
        loan = Loan.objects.create(
            centre=centre,
            number=f"{prefix}/{n}/2026",
            organisation=org,
            requested_by=requester,
            purpose="Piknik sąsiedzki",
            starts_on=today + timedelta(days=20 + n),
            due_on=today + timedelta(days=25 + n),
            status=status,
        )
        LoanItem.objects.create(centre=centre, loan=loan, item=item, quantity=1)
        loans[status] = loan
    let_booking = BookingFactory(
        room=office,
        centre=centre,
        organisation=org,
        requested_by=staff,
        kind=BookingKind.LET,
        starts_at=slot(next_open_day(weekday=0, weeks_ahead=6), 8, 21)[0],
        ends_at=slot(next_open_day(weekday=0, weeks_ahead=6), 8, 21)[0] + timedelta(days=30),
        status=BookingStatus.APPROVED,
    )
    from centrum.spaces.models import RoomLet

    let = RoomLet.objects.create(
        centre=centre,
        room=office,
        organisation=org,
        booking=let_booking,
        starts_on=timezone.localtime(let_booking.starts_at).date(),
        ends_on=timezone.localtime(let_booking.ends_at).date(),
        agreement_number=f"{prefix}/NAJEM/1",
        created_by=staff,
    )
    feed = OrganisationCalendarFeed.objects.create(centre=centre, organisation=org)
    photo = _room_photo(centre, room)
    from centrum.spaces.choices import EquipmentKind
    from centrum.spaces.models import EquipmentItem, EquipmentUse

    copier = EquipmentItem.objects.create(
        centre=centre, name=f"{prefix} Kopiarka", quantity=1, kind=EquipmentKind.COPIER, monthly_quota=100
    )
    equipment_use = EquipmentUse.objects.create(
        centre=centre,
        item=copier,
        person_name="Jan Kowalski",
        organisation=org,
        used_on=today,
        amount=12,
        recorded_by=staff,
    )
    return {
        "copier": copier,
        "equipment_use": equipment_use,
        "room": room,
        "office": office,
        "equipment": item,
        "booking_pending": pending,
        "booking_approved": approved,
        "booking_past": past,
        "booking_offered": offered,
        "waiting": waiting,
        "loan_requested": loans[LoanStatus.REQUESTED],
        "loan_approved": loans[LoanStatus.APPROVED],
        "loan_handed_over": loans[LoanStatus.HANDED_OVER],
        "let": let,
        "feed": feed,
        "photo": photo,
    }


def _addresses(centre, org, requester, staff, prefix: str) -> dict[str, Any]:
    """An agreement in force with a waiting letter and an authorised person, and a founders' request."""
    from centrum.addresses.tests.factories import AgreementFactory, MailFactory, PersonFactory

    agreement = AgreementFactory(
        centre=centre, organisation=org, number=f"AD/{prefix}/0001", requested_by=requester
    )
    request = AgreementFactory(
        centre=centre,
        organisation=None,
        number="",
        founding_name=f"Zakładane Stowarzyszenie {prefix}",
        requested_by=requester,
        status="requested",
        decided_at=None,
    )
    from django.core.files.base import ContentFile

    mail = MailFactory(centre=centre, organisation=org, agreement=agreement, recorded_by=staff)
    mail.scan.save("przesylka.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
    return {
        "address_agreement": agreement,
        "address_request": request,
        "address_mail": mail,
        "address_person": PersonFactory(centre=centre, organisation=org),
    }


def _room_photo(centre, room):
    """A real 2×2 PNG in the room's gallery: the photos page then shows its describe/reorder/remove forms."""
    import io

    from django.core.files.base import ContentFile
    from PIL import Image

    from centrum.spaces.models import RoomPhoto

    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), (200, 30, 30)).save(buffer, format="PNG")
    photo = RoomPhoto(centre=centre, room=room, alt_text="Sala z krzesłami ustawionymi w krąg", position=1)
    photo.image.save("sala.png", ContentFile(buffer.getvalue()), save=False)
    photo.save()
    return photo


def _accounts(centre, org, staff, prefix: str) -> dict[str, Any]:
    from centrum.accounts.models import CentreRoleInvitation, MembershipInvitation

    expires = timezone.now() + timedelta(days=7)
    invitation = MembershipInvitation.objects.create(
        centre=centre,
        organisation=org,
        email=f"zaproszona-{prefix}@example.org",
        expires_at=expires,
        invited_by=staff,
    )
    team_invitation = CentreRoleInvitation.objects.create(
        centre=centre,
        email=f"nowy-pracownik-{prefix}@example.org",
        role=CentreRoleKind.STAFF,
        expires_at=expires,
        invited_by=staff,
    )
    colleague = UserFactory(email=f"kolega-{prefix}@example.org", full_name="Karol Kolega")
    colleague_role = CentreRoleFactory(centre=centre, user=colleague, role=CentreRoleKind.STAFF)
    return {
        "membership_invitation": invitation,
        "team_invitation": team_invitation,
        "colleague_role": colleague_role,
    }


def _opp_import(centre, organisation, staff):
    """An uploaded, not yet applied OPP 1.5% list naming the organisation."""
    from centrum.organisations.models import OppListImport

    return OppListImport.objects.create(
        centre=centre,
        year=timezone.localdate().year - 1,
        original_name="wykaz-opp.xlsx",
        total_rows=1,
        krs_numbers=[organisation.krs],
        columns={"krs": "Numer KRS"},
        created_by=staff,
    )


def _advice(centre, org, prefix: str) -> dict[str, Any]:
    """An adviser with Monday office hours, a booked appointment and a caretaker assignment."""
    from centrum.advice.tests.factories import (
        AdviserFactory,
        AppointmentFactory,
        AssignmentFactory,
        adviser_user,
    )

    adviser = AdviserFactory(
        centre=centre, user=adviser_user(centre, f"doradca-{prefix.lower()}@example.org")
    )
    appointment = AppointmentFactory(adviser=adviser, topic=f"Porada {prefix}")
    assignment = AssignmentFactory(adviser=adviser, organisation=org)
    return {
        "adviser": adviser,
        "appointment": appointment,
        "office_hours": adviser.office_hours.first(),
        "assignment": assignment,
    }


def _programmes(centre, org, requester, staff, prefix: str) -> dict[str, Any]:
    """Staff are the centre's official: a draft in consultation with a task and a comment (every form of the
    programme page), and a proposal of the organisation waiting for its answer."""
    from centrum.accounts.models import CentreRole
    from centrum.core.calendar import warsaw_today
    from centrum.programmes.models import OwnInitiativeProposal, ProgrammeComment
    from centrum.programmes.tests.factories import ProgrammeTaskFactory

    CentreRole.objects.get_or_create(centre=centre, user=staff, role=CentreRoleKind.OFFICIAL)
    today = warsaw_today()
    task = ProgrammeTaskFactory(
        programme__centre=centre,
        programme__status="consultation",
        programme__consultation_starts_on=today,
        programme__consultation_ends_on=today + timedelta(days=7),
        centre=centre,
        title=f"Kultura {prefix}",
    )
    comment = ProgrammeComment.objects.create(
        centre=centre, programme=task.programme, author=requester, proposal="Uwaga"
    )
    proposal = OwnInitiativeProposal.objects.create(
        centre=centre,
        organisation=org,
        submitted_by=requester,
        title=f"Festyn {prefix}",
        description="Opis",
        answer_due_on=today + timedelta(days=30),
    )
    return {
        "programme": task.programme,
        "programme_task": task,
        "programme_comment": comment,
        "proposal": proposal,
    }


def _consultations(centre, org, requester, staff, prefix: str) -> dict[str, Any]:
    """Staff run consultations: an open one with the organisation's comment (the comment forms, the answers),
    a draft (its settings and text forms), a closed one (versions, report preview), a kind, and a call with a
    proposal and a team (co-creation forms)."""
    from centrum.consultations.models import Proposal, ProposalCall, Team
    from centrum.consultations.tests.factories import consultation_in_state
    from centrum.core.calendar import warsaw_today

    opened = consultation_in_state(
        centre=centre, state="open", organisation=org, title=f"Konsultacje {prefix}"
    )
    draft = consultation_in_state(centre=centre, state="draft", kind=opened.kind)
    closed = consultation_in_state(centre=centre, state="closed", organisation=org, kind=opened.kind)
    call = ProposalCall.objects.create(
        centre=centre, title=f"Nabór {prefix}", kind=opened.kind, ends_on=warsaw_today() + timedelta(days=7)
    )
    return {
        "consultation_open": opened,
        "consultation_draft": draft,
        "consultation_closed": closed,
        "consultation_comment": opened.comments.get(),
        "consultation_call": call,
        "consultation_proposal": Proposal.objects.create(
            centre=centre, call=call, organisation=org, author=requester, title="Seniorzy", text="Opis"
        ),
        "consultation_team": Team.objects.create(
            centre=centre, call=call, name="Zespół", members="Anna Kowalska"
        ),
    }


def _initiatives(centre, requester, staff, prefix: str) -> dict[str, Any]:
    """Staff are the centre's official; the organisation's admin leads a residents' group with an initiative
    in each stage that has forms: a draft (the application's forms), a submitted one (the assessment), one in
    agreement (schedule, costing, support, signing) and a signed one (the completion record)."""
    from centrum.accounts.models import CentreRole
    from centrum.initiatives.models import Criterion
    from centrum.initiatives.tests.factories import initiative_in_state

    CentreRole.objects.get_or_create(centre=centre, user=staff, role=CentreRoleKind.OFFICIAL)
    made = {
        f"initiative_{state}": initiative_in_state(
            centre=centre, state=state, leader=requester, title=f"Inicjatywa {state} {prefix}"
        )
        for state in ("draft", "submitted", "agreement", "signed")
    }
    made["initiative_area"] = made["initiative_draft"].area
    made["initiative_criterion"] = Criterion.objects.filter(centre=centre).order_by("id").first()
    return made


def _councils(centre, organisation, org_admin, staff, prefix: str) -> dict[str, Any]:
    """Councils: a body with members, a meeting, an election taking nominations and one taking votes (with a
    candidate), an opinion request awaiting its opinion and a joint request the organisation has not signed."""
    from django.core.files.base import ContentFile

    from centrum.core.calendar import warsaw_today
    from centrum.councils.models import Candidate, JointRequest, MeetingDocument, Member
    from centrum.councils.tests.factories import (
        BodyFactory,
        ElectionFactory,
        MeetingFactory,
        OpinionRequestFactory,
    )

    body = BodyFactory(centre=centre, name=f"Rada {prefix}")
    member = Member.objects.create(
        centre=centre, body=body, person_name=f"Członek {prefix}", side="ngo", from_date=warsaw_today()
    )
    now = timezone.now()
    nominating = ElectionFactory(
        centre=centre,
        body=body,
        nominations_until=now + timedelta(days=2),
        voting_from=now + timedelta(days=3),
        voting_until=now + timedelta(days=4),
    )
    voting = ElectionFactory(centre=centre, body=body)
    candidate = Candidate.objects.create(
        centre=centre,
        election=voting,
        organisation=organisation,
        person_name=f"Kandydat {prefix}",
        consent=True,
        nominated_by=org_admin,
    )
    meeting = MeetingFactory(centre=centre, body=body, minutes_file=ContentFile(b"%PDF-", name="p.pdf"))
    return {
        "councils_kind": body.kind,
        "councils_body": body,
        "councils_member": member,
        "councils_meeting": meeting,
        "councils_document": MeetingDocument.objects.create(
            centre=centre,
            meeting=meeting,
            title=f"Dokument {prefix}",
            file=ContentFile(b"%PDF-", name="d.pdf"),
        ),
        "councils_nominating": nominating,
        "councils_voting": voting,
        "councils_candidate": candidate,
        "councils_opinion": OpinionRequestFactory(
            centre=centre, body=body, opinion_file=ContentFile(b"%PDF-", name="o.pdf")
        ),
        "councils_request": JointRequest.objects.create(
            centre=centre, kind=body.kind, title=f"Wniosek {prefix}"
        ),
    }


def _volunteers(centre, organisation, staff, prefix: str) -> dict[str, Any]:
    """The volunteer centre: staff are also the volunteer coordinator and a volunteer (so the apply and hours
    forms show) with an accepted application to the organisation's published offer, its agreement and a
    logged day; a draft offer (its form), a draft event offer (the shift form), a minor (the guardian's
    consent form), a public body, a page on volunteering abroad."""
    from centrum.accounts.models import CentreRole
    from centrum.core.calendar import warsaw_today
    from centrum.volunteers.models import AbroadPage
    from centrum.volunteers.tests.factories import (
        OfferFactory,
        VolunteerFactory,
        agreement_for,
        application_for,
        host_of,
        hours_for,
        public_body,
    )

    CentreRole.objects.get_or_create(centre=centre, user=staff, role="coordinator")
    host = host_of(organisation)
    offer = OfferFactory(centre=centre, host=host, title=f"Oferta wolontariatu {prefix}", capacity=5)
    volunteer = VolunteerFactory(centre=centre, user=staff, full_name=f"Wolontariusz {prefix}")
    application = application_for(offer, volunteer, status="accepted")
    agreement = agreement_for(application)
    today = warsaw_today()
    minor = VolunteerFactory(
        centre=centre,
        full_name=f"Niepełnoletni {prefix}",
        birth_date=today.replace(year=today.year - 15, day=1),
    )
    return {
        "volunteer_offer": offer,
        "volunteer_offer_draft": OfferFactory(
            centre=centre, host=host, status="draft", title=f"Szkic {prefix}"
        ),
        "volunteer_event_draft": OfferFactory(
            centre=centre, host=host, status="draft", kind="event", title=f"Piknik {prefix}"
        ),
        "volunteer": volunteer,
        "volunteer_minor": minor,
        "volunteer_application": application,
        "volunteer_agreement": agreement,
        "volunteer_hours": hours_for(agreement),
        "volunteer_host": host,
        "volunteer_body": public_body(centre, name=f"MOPS {prefix}"),
        "volunteer_abroad": AbroadPage.objects.create(
            centre=centre, title=f"Za granicą {prefix}", body="<p>x</p>"
        ),
    }


def _surveys(centre, prefix: str) -> dict[str, Any]:
    """An open survey of every kind of question answered per organisation, one open to anyone, a draft, and
    the year's self-assessment of the cooperation-quality index."""
    from centrum.surveys.choices import RespondentMode, SurveyPurpose, SurveyStatus
    from centrum.surveys.tests.factories import SurveyFactory, survey_with_every_kind

    return {
        "survey": survey_with_every_kind(centre, title=f"Ankieta {prefix}"),
        "survey_open_to_all": survey_with_every_kind(
            centre, title=f"Ankieta otwarta {prefix}", respondent_mode=RespondentMode.OPEN
        ),
        "survey_draft": survey_with_every_kind(centre, title=f"Szkic {prefix}", status=SurveyStatus.DRAFT),
        "survey_index": SurveyFactory(
            centre=centre, purpose=SurveyPurpose.INDEX, year=2025, title=f"LIJW {prefix}"
        ),
    }


def _news(centre, organisation, requester, prefix: str) -> dict[str, Any]:
    """A news item and an event of the organisation, submitted by its administrator (waiting for moderation:
    its edit, image and file forms, the moderation actions), one sent back for changes; an error report."""
    from django.core.files.base import ContentFile

    from centrum.news.models import NewsAttachment, NewsImage
    from centrum.news.tests.factories import ErrorReportFactory, EventFactory, NewsItemFactory

    news = NewsItemFactory(
        centre=centre,
        organisation=organisation,
        author=requester,
        status="submitted",
        title=f"Aktualność {prefix}",
    )
    return {
        "news_item": news,
        "news_changes": NewsItemFactory(
            centre=centre, organisation=organisation, author=requester, status="changes_requested"
        ),
        "news_image": NewsImage.objects.create(
            centre=centre, news=news, image=ContentFile(b"x", name="x.png"), alt_text=f"Zdjęcie {prefix}"
        ),
        "news_file": NewsAttachment.objects.create(
            centre=centre, news=news, file=ContentFile(b"%PDF-", name="x.pdf"), name=f"Plik {prefix}"
        ),
        "news_event": EventFactory(
            centre=centre,
            organisation=organisation,
            organiser_kind="organisation",
            author=requester,
            status="submitted",
            title=f"Wydarzenie {prefix}",
        ),
        "error_report": ErrorReportFactory(centre=centre, message=f"Błąd {prefix}"),
    }


def _knowledge(centre, organisation, staff, prefix: str) -> dict[str, Any]:
    """A submitted good practice (moderation, edit, attachment forms), a draft article, a category, a
    funding call and the staff member's own leader profile."""
    from django.core.files.base import ContentFile

    from centrum.core.calendar import warsaw_today
    from centrum.knowledge.models import Document, PracticeAttachment
    from centrum.knowledge.tests.factories import (
        PDF,
        ArticleFactory,
        CategoryFactory,
        FundingCallFactory,
        LeaderFactory,
        PracticeFactory,
    )

    category = CategoryFactory(centre=centre, slug=f"kategoria-{prefix.lower()}", name=f"Kategoria {prefix}")
    practice = PracticeFactory(
        centre=centre, status="submitted", organisation=organisation, title=f"Praktyka {prefix}"
    )
    attachment = PracticeAttachment(centre=centre, practice=practice, title="Metryka", extension="pdf")
    attachment.file.save("a.pdf", ContentFile(PDF), save=False)
    attachment.save()
    document = Document(
        centre=centre,
        kind="research",
        title=f"Badanie {prefix}",
        published_on=warsaw_today(),
        extension="pdf",
    )
    document.file.save("d.pdf", ContentFile(PDF), save=False)
    document.save()
    return {
        "knowledge_practice": practice,
        "knowledge_attachment": attachment,
        "knowledge_document": document,
        "knowledge_article": ArticleFactory(centre=centre, category=category, status="draft"),
        "knowledge_category": category,
        "knowledge_call": FundingCallFactory(centre=centre, title=f"Nabór {prefix}"),
        "knowledge_leader": LeaderFactory(centre=centre, user=staff, display_name=f"Lider {prefix}"),
    }


def _promotion(centre, organisation, prefix: str) -> dict[str, Any]:
    """The organisation's page content, a company proposal waiting for moderation and an activation offer."""
    from centrum.promotion.tests.factories import (
        ActivationOfferFactory,
        CompanyFactory,
        OrganisationPageFactory,
    )

    return {
        "promotion_page": OrganisationPageFactory(organisation=organisation),
        "promotion_company": CompanyFactory(centre=centre, name=f"Firma {prefix}", status="proposed"),
        "promotion_activation": ActivationOfferFactory(centre=centre, title=f"Staż {prefix}"),
    }


def _grants_evaluation(centre, staff, prefix: str) -> dict[str, Any]:
    """Staff are the centre's grants official and sit in the commission of a competition in evaluation: a
    submitted offer (the formal check's form), an accepted one they declared for (scoring, decision), a nominee."""
    from centrum.accounts.models import CentreRole
    from centrum.grants.models import CommissionMember, Declaration, ScoringCriterion
    from centrum.grants.services.evaluation import commission_for
    from centrum.grants.tests.factories import CompetitionFactory, OfferFactory

    CentreRole.objects.get_or_create(centre=centre, user=staff, role=CentreRoleKind.OFFICIAL)
    competition = CompetitionFactory(centre=centre, status="evaluation", title=f"Konkurs w ocenie {prefix}")
    ScoringCriterion.objects.create(centre=centre, competition=competition, name="Jakość", max_points=10)
    submitted = OfferFactory(competition=competition, status="submitted")
    accepted = OfferFactory(competition=competition, status="formally_accepted")
    commission = commission_for(competition)
    member = CommissionMember.objects.create(
        centre=centre,
        commission=commission,
        user=staff,
        full_name="Pracownik",
        email=staff.email,
        side="official",
        status="appointed",
    )
    Declaration.objects.create(centre=centre, member=member, offer=accepted, no_conflict=True)
    nominee = CommissionMember.objects.create(
        centre=centre,
        commission=commission,
        full_name=f"Kandydat {prefix}",
        email=f"kandydat{prefix}@example.org",
        side="ngo",
        status="nominated",
    )
    return {
        "evaluated_competition": competition,
        "offer_submitted": submitted,
        "offer_accepted": accepted,
        "nominee": nominee,
    }


def _grants_contracts(centre, org) -> dict[str, Any]:
    """After the results (staff are the centre's grants official): a selected offer awarded less than asked
    (its updated budget a draft), one awarded in full without a contract, a draft contract, a signed one
    and an annex of it waiting for its signatures."""
    from decimal import Decimal

    from centrum.grants.choices import BudgetUpdateStatus
    from centrum.grants.models import ContractAnnex
    from centrum.grants.tests.factories import ContractFactory, budget_update_in_state, complete_offer

    update = budget_update_in_state(centre=centre, organisation=org, state=BudgetUpdateStatus.DRAFT)
    full = complete_offer(
        competition=update.offer.competition,
        organisation=org,
        status="selected",
        awarded_grant=Decimal("9000.00"),
        number="2",
    )
    draft = ContractFactory(centre=centre, organisation=org, number=f"1/{centre.slug}")
    signed = ContractFactory(
        centre=centre,
        organisation=org,
        number=f"2/{centre.slug}",
        status="signed",
        representatives=[{"name": "Anna Kowalska", "function": "Prezes"}],
        signing="paper",
    )
    annex = ContractAnnex.objects.create(
        centre=centre,
        contract=signed,
        number=1,
        concluded_on=timezone.localdate(),
        description="Zmiana rachunku",
        changes={"bank_account": "PL27114020040000300201355387"},
        checksum="ab" * 32,
    )
    return {
        "short_offer": update.offer,
        "budget_update": update,
        "full_offer": full,
        "contract_draft": draft,
        "contract_signed": signed,
        "annex_draft": annex,
    }


def build_world(centre, other_centre) -> World:
    from allauth.account.models import EmailAddress
    from django.core.files.base import ContentFile

    from centrum.core.audit import audit_log
    from centrum.core.models import CentreClosedDay
    from centrum.organisations.models import District, ImportBatch, ImportStatus

    staff = UserFactory(email="pracownik@example.org", full_name="Anna Pracownik")
    CentreRoleFactory(centre=centre, user=staff, role=CentreRoleKind.STAFF)
    org_admin = UserFactory(email="prezes@example.org", full_name="Zofia Prezes")
    member = UserFactory(email="czlonek@example.org", full_name="Marek Członek")
    platform_admin = UserFactory(email="root@example.org", is_superuser=True, is_staff=True)

    organisation = _org(centre, "Stowarzyszenie Kaliskie Inicjatywy")
    admin_membership = MembershipFactory(user=org_admin, organisation=organisation, role=MembershipRole.ADMIN)
    member_membership = MembershipFactory(user=member, organisation=organisation, role=MembershipRole.MEMBER)
    pending = _org(
        centre,
        "Fundacja Oczekująca na Weryfikację",
        status=OrganisationStatus.PENDING,
        submitted_by=org_admin,
    )
    # A second membership of the administrator: the dashboard's "act for" switch appears.
    third = _org(centre, "Fundacja Druga Działalność")
    MembershipFactory(user=org_admin, organisation=third, role=MembershipRole.MEMBER)
    # An invitation for the organisation administrator to another organisation: the accept form.
    second = _org(centre, "Klub Sportowy Zaproszenie")
    from centrum.accounts.models import MembershipInvitation

    invitation_for_admin = MembershipInvitation.objects.create(
        centre=centre,
        organisation=second,
        email=org_admin.email,
        expires_at=timezone.now() + timedelta(days=7),
        invited_by=staff,
    )
    District.objects.create(centre=centre, name="Śródmieście")
    closed_day = CentreClosedDay.objects.create(
        centre=centre, date=timezone.localdate() + timedelta(days=45), reason="Inwentaryzacja"
    )
    batch = ImportBatch(
        centre=centre, original_name="organizacje.csv", status=ImportStatus.VALIDATED, created_by=staff
    )
    batch.file.save("organizacje.csv", ContentFile(b"nazwa;krs\n"), save=False)
    batch.save()
    audit_log(actor=staff, obj=organisation, action="organisation.updated", reason="Wpis do dziennika")
    # An address not yet confirmed, and a password-reset key: allauth's key pages show their forms.
    unconfirmed = EmailAddress.objects.create(
        user=member, email="drugi-adres@example.org", verified=False, primary=False
    )

    objects: dict[str, Any] = {
        "opp_import": _opp_import(centre, organisation, staff),
        "organisation": organisation,
        "pending_organisation": pending,
        "second_organisation": second,
        "admin_membership": admin_membership,
        "member_membership": member_membership,
        "invitation_for_admin": invitation_for_admin,
        "closed_day": closed_day,
        "import_batch": batch,
        "unconfirmed_email": unconfirmed,
    }
    objects.update(_accounts(centre, organisation, staff, "kalisz"))
    objects.update(_spaces(centre, organisation, org_admin, staff, "KAL"))
    objects.update(_advice(centre, organisation, "KAL"))
    objects.update(_trainings(centre, organisation, org_admin, staff, "KAL"))
    objects.update(_addresses(centre, organisation, org_admin, staff, "KAL"))
    objects.update(_programmes(centre, organisation, org_admin, staff, "KAL"))
    objects.update(_consultations(centre, organisation, org_admin, staff, "KAL"))
    objects.update(_grants_evaluation(centre, staff, "KAL"))
    objects.update(_initiatives(centre, org_admin, staff, "KAL"))
    objects.update(_volunteers(centre, organisation, staff, "KAL"))
    objects.update(_councils(centre, organisation, org_admin, staff, "KAL"))
    objects.update(_news(centre, organisation, org_admin, "KAL"))
    objects.update(_promotion(centre, organisation, "KAL"))
    objects.update(_grants_competitions(centre, staff))
    objects.update(_grants_offers(centre, organisation, "KAL"))
    objects.update(_small_grants(centre, organisation))
    objects.update(_grants_contracts(centre, organisation))
    objects.update(_grants_reports(centre, organisation, staff))
    objects.update(_knowledge(centre, organisation, staff, "KAL"))
    objects.update(_newsletter(centre, "KAL"))
    objects.update(_surveys(centre, "KAL"))

    world = World(
        centre=centre,
        other_centre=other_centre,
        staff=staff,
        org_admin=org_admin,
        member=member,
        platform_admin=platform_admin,
        objects=objects,
    )
    token, key = _api_token(staff, centre, "Skrypt pracownika")
    objects["staff_token"] = token
    world.api_keys["staff"] = key
    admin_token, admin_key = _api_token(org_admin, centre, "Skrypt prezesa")
    objects["admin_token"] = admin_token
    world.api_keys["org_admin"] = admin_key

    # The other centre: the same kinds, so a select can be given the other centre's id of its own kind.
    other_staff = UserFactory(email="pracownik@zory.example.org")
    CentreRoleFactory(centre=other_centre, user=other_staff, role=CentreRoleKind.STAFF)
    other_org = _org(other_centre, "Żorskie Stowarzyszenie Sąsiadów")
    other_admin = UserFactory(email="prezes@zory.example.org")
    MembershipFactory(user=other_admin, organisation=other_org, role=MembershipRole.ADMIN)
    District.objects.create(centre=other_centre, name="Rowień")
    world.other = {"organisation": other_org}
    world.other.update(_accounts(other_centre, other_org, other_staff, "zory"))
    world.other.update(_spaces(other_centre, other_org, other_admin, other_staff, "ZOR"))
    world.other.update(_advice(other_centre, other_org, "ZOR"))
    world.other.update(_trainings(other_centre, other_org, other_admin, other_staff, "ZOR"))
    world.other.update(_addresses(other_centre, other_org, other_admin, other_staff, "ZOR"))
    world.other.update(_programmes(other_centre, other_org, other_admin, other_staff, "ZOR"))
    world.other.update(_consultations(other_centre, other_org, other_admin, other_staff, "ZOR"))
    world.other.update(_grants_offers(other_centre, other_org, "ZOR"))
    world.other.update(_initiatives(other_centre, other_admin, other_staff, "ZOR"))
    world.other.update(_volunteers(other_centre, other_org, other_staff, "ZOR"))
    world.other.update(_councils(other_centre, other_org, other_admin, other_staff, "ZOR"))
    world.other.update(_news(other_centre, other_org, other_admin, "ZOR"))
    world.other.update(_knowledge(other_centre, other_org, other_staff, "ZOR"))
    world.other.update(_promotion(other_centre, other_org, "ZOR"))
    world.other.update(_surveys(other_centre, "ZOR"))
    world.other_ids = OtherIds(world)
    return world


def _grants_reports(centre, organisation, staff) -> dict[str, Any]:
    """A signed contract of the world's organisation with a draft final report; another with a submitted
    one; an unpaid return; a control with its protocol and an open recommendation (staff are officials)."""
    from decimal import Decimal

    from centrum.accounts.models import CentreRole
    from centrum.grants.models import Control, ControlRecommendation, GrantReturn
    from centrum.grants.tests.factories import report_in_state

    CentreRole.objects.get_or_create(centre=centre, user=staff, role=CentreRoleKind.OFFICIAL)
    draft = report_in_state(centre=centre, organisation=organisation, state="draft")
    submitted = report_in_state(centre=centre, organisation=organisation, state="submitted")
    contract = draft.contract
    grant_return = GrantReturn.objects.create(
        centre=centre, contract=submitted.contract, amount=Decimal("120.00"), due_on=timezone.localdate()
    )
    control = Control.objects.create(
        centre=centre,
        contract=contract,
        phase="during",
        scope="Dokumentacja finansowa",
        planned_on=timezone.localdate() - timedelta(days=1),
        controllers="Beata Kaczmarek",
        protocol_on=timezone.localdate(),
        findings="Brak opisu faktur",
    )
    recommendation = ControlRecommendation.objects.create(
        centre=centre, control=control, text="Opisać faktury", due_on=timezone.localdate() + timedelta(days=7)
    )
    return {
        "reports_contract": contract,
        "reports_draft": draft,
        "reports_submitted": submitted,
        "reports_return": grant_return,
        "reports_control": control,
        "reports_recommendation": recommendation,
    }


def _grants_competitions(centre, staff) -> dict[str, Any]:
    """Staff are the centre's grants official too (the desk's forms are theirs); a draft announcement and a
    decided competition with a request for reasons waiting for its answer."""
    from centrum.accounts.models import CentreRole
    from centrum.grants.models import Competition, ReasonsRequest
    from centrum.grants.tests.factories import OfferFactory, competition_in_state

    CentreRole.objects.get_or_create(centre=centre, user=staff, role=CentreRoleKind.OFFICIAL)
    draft = competition_in_state(centre=centre, state="draft")
    decided = competition_in_state(centre=centre, state="evaluation")
    Competition.objects.filter(pk=decided.pk).update(status="decided", results_published_at=timezone.now())
    decided.refresh_from_db()
    offer = OfferFactory(competition=decided, status="not_selected")
    request = ReasonsRequest.objects.create(
        centre=centre,
        competition=decided,
        offer=offer,
        name="Jan Kowalski",
        email="jan@example.org",
        filed_at=timezone.now(),
        answer_due_on=timezone.localdate() + timedelta(days=14),
    )
    return {"competition_draft": draft, "competition_decided": decided, "reasons_request": request}


# --- ids of the other centre, chosen by the kind of the select's own options --------------------------
class OtherIds:
    """`other_ids(own_ids) -> int`: an id of the other centre's row of the model whose ids of the current
    centre contain the select's options (so "organisation" gets another centre's organisation)."""

    def __init__(self, world: World):
        from centrum.core.models import CentreScopedModel

        from .garbage_db import tracked_models

        self.ours: dict[str, set[int]] = {}
        self.theirs: dict[str, list[int]] = {}
        for model in tracked_models():
            if not issubclass(model, CentreScopedModel):
                continue
            label = model._meta.label
            self.ours[label] = set(
                model._base_manager.filter(centre=world.centre).values_list("pk", flat=True)
            )
            self.theirs[label] = list(
                model._base_manager.filter(centre=world.other_centre).values_list("pk", flat=True)
            )
        self.fallback = max((pk for pks in self.theirs.values() for pk in pks), default=999_999)

    def __call__(self, own: set[int]) -> int:
        if own:
            for label, ours in self.ours.items():
                if own <= ours and self.theirs.get(label):
                    candidates = [pk for pk in self.theirs[label] if pk not in own]
                    if candidates:
                        return candidates[0]
        return self.fallback


# --- URL parameters -------------------------------------------------------------------------------------
Value = Callable[[World], Any]


def _reset_key(world: World) -> tuple[str, str]:
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str

    return user_pk_to_url_str(world.member), default_token_generator.make_token(world.member)


def _confirm_key(world: World) -> str:
    from allauth.account.models import EmailConfirmationHMAC

    return EmailConfirmationHMAC(world.unconfirmed_email).key


def _advice_slot() -> str:
    from centrum.advice.tests.factories import monday_slot

    return monday_slot(12)[0].strftime("%Y-%m-%dT%H:%M")


def _advice_token(appointment) -> str:
    from centrum.advice.services import cancel_link

    return cancel_link(appointment).rstrip("/").rsplit("/", 1)[-1]


# Parameter names that mean the same thing in every URL.
def _cancel_token(registration) -> str:
    from centrum.trainings.services.notify import cancel_token

    return cancel_token(registration)


KWARG_VALUES: dict[str, Value] = {
    "organisation_pk": lambda w: w.organisation.pk,
    "membership_pk": lambda w: w.member_membership.pk,
    "invitation_pk": lambda w: w.membership_invitation.pk,
    "content_type_id": lambda w: _content_type_id(w.organisation),
    "object_id": lambda w: w.organisation.pk,
    "uidb36": lambda w: _reset_key(w)[0],
    "competition_id": lambda w: [w.competition_draft.pk, w.competition_decided.pk],
}

# `pk`, `token`, `key`, `action`… mean different things in different URLs: per URL name.
URL_VALUES: dict[tuple[str, str], Value] = {
    # consultations
    **{
        (f"consultations:{name}", "pk"): (lambda w: w.consultation_open.pk)
        for name in ("detail", "edit", "action", "comment_new", "comment_public", "export", "answers")
    },
    ("consultations:units", "pk"): lambda w: w.consultation_draft.pk,
    ("consultations:unit_delete", "pk"): lambda w: w.consultation_draft.pk,
    ("consultations:unit_delete", "unit_pk"): lambda w: w.consultation_draft.units.first().pk,
    **{
        (f"consultations:{name}", "pk"): (lambda w: w.consultation_closed.pk)
        for name in ("versions", "version_new", "report", "report_pdf", "report_docx")
    },
    ("consultations:action", "action"): lambda w: ["open", "close", "answered", "publish_report"],
    ("consultations:export", "fmt"): lambda w: "csv",
    ("consultations:unit_revise", "pk"): lambda w: w.consultation_closed.units.first().pk,
    ("consultations:comment_action", "pk"): lambda w: w.consultation_comment.pk,
    ("consultations:comment_action", "action"): lambda w: ["accept", "partly", "reject"],
    ("consultations:confirm", "token"): lambda w: "zly-token",
    ("consultations:kind_edit", "pk"): lambda w: w.consultation_open.kind_id,
    **{
        (f"consultations:{name}", "pk"): (lambda w: w.consultation_call.pk)
        for name in ("call", "proposal_new", "team_new")
    },
    ("consultations:proposal_decide", "pk"): lambda w: w.consultation_proposal.pk,
    ("consultations:team_draft", "pk"): lambda w: w.consultation_team.pk,
    # programmes
    ("programmes:detail", "pk"): lambda w: w.programme.pk,
    ("programmes:edit", "pk"): lambda w: w.programme.pk,
    ("programmes:task_new", "pk"): lambda w: w.programme.pk,
    ("programmes:task_delete", "pk"): lambda w: w.programme.pk,
    ("programmes:task_delete", "task_pk"): lambda w: w.programme_task.pk,
    ("programmes:action", "pk"): lambda w: w.programme.pk,
    ("programmes:action", "action"): lambda w: ["adopt", "open_consultation", "archive"],
    ("programmes:comment_new", "pk"): lambda w: w.programme.pk,
    ("programmes:comment_answer", "pk"): lambda w: w.programme_comment.pk,
    ("programmes:proposal", "pk"): lambda w: w.proposal.pk,
    ("programmes:proposal_action", "pk"): lambda w: w.proposal.pk,
    ("programmes:proposal_action", "action"): lambda w: ["accept", "refuse"],
    # councils
    ("councils:kind_edit", "pk"): lambda w: w.councils_kind.pk,
    **{
        (f"councils:{name}", "pk"): (lambda w: w.councils_body.pk)
        for name in (
            "body",
            "body_edit",
            "member_new",
            "resolution_new",
            "meeting_new",
            "election_new",
            "opinion_new",
        )
    },
    ("api:get_body", "pk"): lambda w: w.councils_body.pk,
    ("councils:member_end", "pk"): lambda w: w.councils_member.pk,
    **{
        (f"councils:{name}", "pk"): (lambda w: w.councils_meeting.pk)
        for name in ("meeting", "meeting_edit", "attendance", "minutes", "document_new")
    },
    # A removal case before these may have deleted a stored file (storage is not rolled back).
    ("councils:minutes_file", "pk"): lambda w: _stored(w.councils_meeting.minutes_file, b"%PDF-").instance.pk,
    ("councils:document", "pk"): lambda w: _stored(w.councils_document.file, b"%PDF-").instance.pk,
    ("councils:opinion_file", "pk"): lambda w: _stored(w.councils_opinion.opinion_file, b"%PDF-").instance.pk,
    **{
        (f"councils:{name}", "pk"): (lambda w: [w.councils_nominating.pk, w.councils_voting.pk])
        for name in ("election", "nominate", "vote", "election_action")
    },
    ("councils:election_action", "action"): lambda w: ["close", "publish"],
    ("councils:appoint", "pk"): lambda w: w.councils_candidate.pk,
    **{
        (f"councils:{name}", "pk"): (lambda w: w.councils_opinion.pk)
        for name in ("opinion", "opinion_action")
    },
    ("councils:opinion_action", "action"): lambda w: ["give", "waive"],
    **{(f"councils:{name}", "pk"): (lambda w: w.councils_request.pk) for name in ("request", "request_sign")},
    # local initiatives: each page in the stages whose forms it shows
    ("initiatives:detail", "pk"): lambda w: [
        w.initiative_draft.pk,
        w.initiative_submitted.pk,
        w.initiative_signed.pk,
    ],
    **{
        (f"initiatives:{name}", "pk"): (lambda w: w.initiative_draft.pk)
        for name in ("edit", "member_new", "contribution_new", "line_delete")
    },
    ("initiatives:line_delete", "kind"): lambda w: ["wklad", "czlonek"],
    ("initiatives:line_delete", "line_pk"): lambda w: w.initiative_draft.contributions.get().pk,
    ("initiatives:action", "pk"): lambda w: [
        w.initiative_submitted.pk,
        w.initiative_agreement.pk,
        w.initiative_signed.pk,
    ],
    ("initiatives:action", "action"): lambda w: ["accept", "reject", "sign", "complete", "cancel"],
    ("initiatives:assess", "pk"): lambda w: w.initiative_submitted.pk,
    **{
        (f"initiatives:{name}", "pk"): (lambda w: w.initiative_agreement.pk)
        for name in ("agreement", "schedule_new", "cost_new", "agreement_pdf")
    },
    ("initiatives:completion", "pk"): lambda w: w.initiative_signed.pk,
    ("initiatives:export", "fmt"): lambda w: "csv",
    ("initiatives:area_edit", "pk"): lambda w: w.initiative_area.pk,
    ("initiatives:rules_line_delete", "kind"): lambda w: "kryterium",
    ("initiatives:rules_line_delete", "pk"): lambda w: w.initiative_criterion.pk,
    # the volunteer centre
    **{
        (f"volunteers:{name}", "pk"): (lambda w: w.volunteer_offer.pk)
        for name in ("offer", "apply", "introduce", "offer_action")
    },
    ("volunteers:offer_action", "action"): lambda w: ["close", "publish", "return", "reject", "submit"],
    ("volunteers:offer_edit", "pk"): lambda w: [w.volunteer_offer_draft.pk, w.volunteer_event_draft.pk],
    ("volunteers:shift_new", "pk"): lambda w: w.volunteer_event_draft.pk,
    ("volunteers:abroad_detail", "pk"): lambda w: w.volunteer_abroad.pk,
    ("volunteers:abroad_edit", "pk"): lambda w: w.volunteer_abroad.pk,
    **{
        (f"volunteers:{name}", "pk"): (lambda w: w.volunteer_application.pk)
        for name in ("application", "application_action", "agreement_edit")
    },
    ("volunteers:application_action", "action"): lambda w: ["withdraw", "accept", "decline"],
    **{
        (f"volunteers:{name}", "pk"): (lambda w: w.volunteer_agreement.pk)
        for name in ("agreement", "hours_new", "opinion", "agreement_pdf", "certificate_pdf", "opinion_pdf")
    },
    ("volunteers:hours_action", "pk"): lambda w: w.volunteer_hours.pk,
    ("volunteers:hours_action", "action"): lambda w: ["confirm", "reject"],
    ("volunteers:contribution", "pk"): lambda w: w.volunteer_host.pk,
    ("volunteers:volunteer", "pk"): lambda w: [w.volunteer.pk, w.volunteer_minor.pk],
    ("volunteers:consent_file", "pk"): lambda w: w.volunteer_minor.pk,
    ("volunteers:body_edit", "pk"): lambda w: w.volunteer_body.pk,
    ("volunteers:stats_export", "fmt"): lambda w: "csv",
    # surveys and the cooperation-quality index
    **{
        (f"surveys:{name}", "pk"): (lambda w: [w.survey.pk, w.survey_draft.pk])
        for name in ("detail", "edit", "section_new", "question_new", "copy", "action", "results", "export")
    },
    ("surveys:answer", "pk"): lambda w: [w.survey.pk, w.survey_open_to_all.pk],
    ("surveys:action", "action"): lambda w: ["open", "close", "reopen"],
    ("surveys:question_delete", "pk"): lambda w: w.survey_draft.questions.first().pk,
    ("surveys:export", "fmt"): lambda w: "csv",
    ("surveys:ready_new", "kind"): lambda w: ["indeks", "potrzeby"],
    ("surveys:index_year", "year"): lambda w: 2025,
    ("api:get_survey", "pk"): lambda w: w.survey.pk,
    # news, the events calendar, error reports
    ("news:detail", "pk"): lambda w: [w.news_item.pk, w.news_changes.pk],
    **{
        (f"news:{name}", "pk"): (lambda w: w.news_item.pk) for name in ("edit", "image_add", "attachment_add")
    },
    ("news:action", "pk"): lambda w: [w.news_item.pk, w.news_changes.pk],
    ("news:action", "action"): lambda w: ["approve", "request_changes", "reject", "resubmit", "unpublish"],
    ("news:image_remove", "pk"): lambda w: w.news_image.pk,
    # A removal case before these deleted the stored file (storage is not rolled back with the savepoint).
    ("news:image", "pk"): lambda w: _stored(w.news_image.image, b"x").instance.pk,
    ("news:attachment", "pk"): lambda w: _stored(w.news_file.file, b"%PDF-").instance.pk,
    ("news:attachment_remove", "pk"): lambda w: w.news_file.pk,
    **{(f"events:{name}", "pk"): (lambda w: w.news_event.pk) for name in ("detail", "edit", "action", "ics")},
    ("events:action", "action"): lambda w: ["approve", "request_changes", "reject", "resubmit", "unpublish"],
    ("reports:action", "pk"): lambda w: w.error_report.pk,
    ("reports:action", "action"): lambda w: ["handle", "reopen"],
    ("api:news_item", "pk"): lambda w: w.news_item.pk,
    ("api:news_event", "pk"): lambda w: w.news_event.pk,
    # promotion
    ("promotion:page_action", "pk"): lambda w: w.promotion_page.pk,
    ("promotion:page_action", "action"): lambda w: ["hide", "show"],
    **{
        (f"promotion:{name}", "pk"): (lambda w: w.promotion_company.pk)
        for name in ("company_detail", "company_edit", "company_action")
    },
    ("promotion:company_action", "action"): lambda w: ["approve", "reject", "hide", "restore"],
    **{
        (f"promotion:{name}", "pk"): (lambda w: w.promotion_activation.pk)
        for name in ("activation_detail", "activation_edit", "activation_delete")
    },
    ("api:promotion_company", "pk"): lambda w: w.promotion_company.pk,
    ("api:promotion_activation_offer", "pk"): lambda w: w.promotion_activation.pk,
    # grants: evaluation
    ("grants:evaluation", "pk"): lambda w: w.evaluated_competition.pk,
    ("grants:commission_settings", "pk"): lambda w: w.evaluated_competition.pk,
    ("grants:member_add", "pk"): lambda w: w.evaluated_competition.pk,
    ("grants:scoring_close", "pk"): lambda w: w.evaluated_competition.pk,
    ("grants:protocol_pdf", "pk"): lambda w: w.evaluated_competition.pk,
    ("grants:nominate", "pk"): lambda w: w.evaluated_competition.pk,
    ("grants:nominee_decision", "pk"): lambda w: w.nominee.pk,
    ("grants:nominee_decision", "decision"): lambda w: ["appoint", "reject"],
    ("grants:formal_check", "pk"): lambda w: w.offer_submitted.pk,
    ("grants:declare", "pk"): lambda w: w.offer_accepted.pk,
    ("grants:score", "pk"): lambda w: w.offer_accepted.pk,
    ("grants:decision", "pk"): lambda w: w.offer_accepted.pk,
    # grants: offers
    **{
        (f"grants:{name}", "pk"): (lambda w: w.grants_offer.pk)
        for name in (
            "offer",
            "offer_pdf",
            "offer_edit",
            "offer_check",
            "offer_action",
            "offer_signed_file",
            "offer_share",
            "offer_comment",
        )
    },
    ("grants:offer_action", "action"): lambda w: "withdraw",
    ("grants:offer_new", "competition_pk"): lambda w: w.grants_competition.pk,
    **{
        (f"api:{name}", "offer_id"): (lambda w: w.grants_offer.pk)
        for name in (
            "offer_get",
            "offer_put",
            "offer_content",
            "offer_file",
        )
    },
    ("api:competition_offers", "competition_id"): lambda w: w.grants_competition.pk,
    # accounts
    ("accounts:api_token_revoke", "pk"): lambda w: w.staff_token.pk,
    ("accounts:team_role_remove", "pk"): lambda w: w.colleague_role.pk,
    ("accounts:team_invitation_action", "pk"): lambda w: w.team_invitation.pk,
    ("accounts:team_invitation_action", "action"): lambda w: "revoke",
    ("accounts:members", "pk"): lambda w: w.organisation.pk,
    ("accounts:member_role", "pk"): lambda w: w.organisation.pk,
    ("accounts:member_remove", "pk"): lambda w: w.organisation.pk,
    ("accounts:member_invitation_action", "pk"): lambda w: w.membership_invitation.pk,
    ("accounts:member_invitation_action", "action"): lambda w: "revoke",
    ("accounts:invitation_accept", "token"): lambda w: w.invitation_for_admin.token,
    ("account_confirm_email", "key"): _confirm_key,
    ("account_reset_password_from_key", "key"): lambda w: _reset_key(w)[1],
    # core
    ("core:centre_closed_day_delete", "pk"): lambda w: w.closed_day.pk,
    # grants: competitions
    ("grants:competition", "pk"): lambda w: [w.competition_draft.pk, w.competition_decided.pk],
    ("grants:competition_pdf", "pk"): lambda w: w.competition_decided.pk,
    ("grants:competition_bip", "pk"): lambda w: w.competition_decided.pk,
    ("grants:results", "pk"): lambda w: w.competition_decided.pk,
    ("grants:results_pdf", "pk"): lambda w: w.competition_decided.pk,
    ("grants:reasons_request_new", "pk"): lambda w: w.competition_decided.pk,
    ("grants:competition_action", "pk"): lambda w: w.competition_draft.pk,
    ("grants:competition_action", "action"): lambda w: "publish",
    ("grants:board", "pk"): lambda w: [w.competition_draft.pk, w.competition_decided.pk],
    ("grants:competition_edit", "pk"): lambda w: w.competition_draft.pk,
    ("grants:publications", "pk"): lambda w: [w.competition_draft.pk, w.competition_decided.pk],
    ("grants:competition_export", "pk"): lambda w: w.competition_decided.pk,
    ("grants:competition_export", "what"): lambda w: "oferty",
    ("grants:competition_export", "fmt"): lambda w: "csv",
    ("grants:reasons_request", "pk"): lambda w: w.reasons_request.pk,
    # grants: contracts
    ("grants:budget_update", "pk"): lambda w: w.short_offer.pk,
    ("grants:budget_update_action", "pk"): lambda w: w.budget_update.pk,
    ("grants:budget_update_action", "action"): lambda w: "submit",
    ("grants:contract_new", "pk"): lambda w: w.full_offer.pk,
    ("grants:contract", "pk"): lambda w: [w.contract_draft.pk, w.contract_signed.pk],
    ("grants:contract_pdf", "pk"): lambda w: w.contract_draft.pk,
    ("grants:contract_edit", "pk"): lambda w: w.contract_draft.pk,
    ("grants:contract_sign", "pk"): lambda w: w.contract_draft.pk,
    ("grants:contract_action", "pk"): lambda w: w.contract_draft.pk,
    ("grants:contract_action", "action"): lambda w: "sign",
    ("grants:annex_new", "pk"): lambda w: w.contract_signed.pk,
    ("grants:annex_sign", "pk"): lambda w: w.annex_draft.pk,
    ("grants:annex_action", "pk"): lambda w: w.annex_draft.pk,
    ("grants:annex_action", "action"): lambda w: "sign",
    ("grants:annex_pdf", "pk"): lambda w: w.annex_draft.pk,
    ("grants:competition_contracts", "pk"): lambda w: w.short_offer.competition_id,
    # organisations
    ("organisations:detail", "pk"): lambda w: [w.organisation.pk, w.pending_organisation.pk],
    ("organisations:edit", "pk"): lambda w: w.organisation.pk,
    ("organisations:action", "pk"): lambda w: w.organisation.pk,
    ("organisations:action", "action"): lambda w: "suspend",
    ("organisations:register_done", "pk"): lambda w: w.pending_organisation.pk,
    ("organisations:organisation_krs_refresh", "pk"): lambda w: w.organisation.pk,
    ("organisations:import_preview", "pk"): lambda w: w.import_batch.pk,
    ("organisations:import_progress", "pk"): lambda w: w.import_batch.pk,
    ("organisations:import_run", "pk"): lambda w: w.import_batch.pk,
    ("organisations:opp_preview", "pk"): lambda w: w.opp_import.pk,
    ("organisations:opp_apply", "pk"): lambda w: w.opp_import.pk,
    ("organisations:guide_checklist", "slug"): lambda w: _guide_slugs()[:2],
    ("organisations:guide_print", "slug"): lambda w: _guide_slugs()[:1],
    # trainings
    ("trainings:detail", "pk"): lambda w: [w.training.pk, w.draft_training.pk, w.past_training.pk],
    ("trainings:training_ics", "pk"): lambda w: w.training.pk,
    ("trainings:register", "pk"): lambda w: w.training.pk,
    ("trainings:stand_request", "pk"): lambda w: w.training.pk,
    ("trainings:edit", "pk"): lambda w: w.training.pk,
    ("trainings:participants", "pk"): lambda w: [w.training.pk, w.past_training.pk],
    ("trainings:feedback_results", "pk"): lambda w: w.past_training.pk,
    ("trainings:training_action", "pk"): lambda w: w.draft_training.pk,
    ("trainings:training_action", "action"): lambda w: "cancel",
    ("trainings:registration_detail", "pk"): lambda w: [
        w.training_registration.pk,
        w.upcoming_registration.pk,
    ],
    ("trainings:registration_action", "pk"): lambda w: w.upcoming_registration.pk,
    ("trainings:registration_action", "action"): lambda w: "cancel",
    ("trainings:certificate", "pk"): lambda w: w.training_registration.pk,
    ("trainings:feedback", "pk"): lambda w: w.training_registration.pk,
    ("trainings:registration_cancel_link", "token"): lambda w: _cancel_token(w.upcoming_registration),
    ("trainings:session_edit", "pk"): lambda w: w.training_session.pk,
    ("trainings:session_delete", "pk"): lambda w: w.training_session.pk,
    ("trainings:attendance", "pk"): lambda w: w.past_session.pk,
    ("trainings:attendance_pdf", "pk"): lambda w: w.past_session.pk,
    ("trainings:exhibitor_action", "pk"): lambda w: w.training_stand.pk,
    ("trainings:exhibitor_action", "action"): lambda w: "withdraw",
    ("trainings:session_new", "training_pk"): lambda w: w.draft_training.pk,
    # spaces
    ("spaces:room_detail", "pk"): lambda w: w.room.pk,
    ("spaces:room_ics", "pk"): lambda w: w.room.pk,
    ("spaces:room_edit", "pk"): lambda w: w.room.pk,
    ("spaces:room_photos", "room_pk"): lambda w: w.room.pk,
    ("spaces:equipment_edit", "pk"): lambda w: w.equipment.pk,
    ("spaces:booking_detail", "pk"): lambda w: [
        w.booking_pending.pk,
        w.booking_approved.pk,
        w.booking_past.pk,
        w.booking_offered.pk,
    ],
    ("spaces:booking_approve", "pk"): lambda w: w.booking_pending.pk,
    ("spaces:booking_reject", "pk"): lambda w: w.booking_pending.pk,
    ("spaces:booking_cancel", "pk"): lambda w: w.booking_approved.pk,
    ("spaces:booking_reschedule", "pk"): lambda w: [w.booking_pending.pk, w.booking_approved.pk],
    ("spaces:booking_action", "pk"): lambda w: [w.booking_past.pk, w.booking_offered.pk],
    ("spaces:booking_action", "action"): lambda w: ["attended", "no_show", "accept", "decline"],
    ("spaces:waiting_action", "pk"): lambda w: w.waiting.pk,
    ("spaces:waiting_action", "action"): lambda w: "withdraw",
    ("spaces:organisation_ics", "token"): lambda w: w.feed.token,
    ("spaces:let_end", "pk"): lambda w: w.let.pk,
    ("spaces:let_action", "pk"): lambda w: w.let.pk,
    ("spaces:let_action", "action"): lambda w: "end",
    ("spaces:loan_detail", "pk"): lambda w: [w.loan_requested.pk, w.loan_approved.pk, w.loan_handed_over.pk],
    ("spaces:loan_agreement", "pk"): lambda w: w.loan_approved.pk,
    ("spaces:loan_action", "pk"): lambda w: w.loan_requested.pk,
    ("spaces:loan_action", "action"): lambda w: "approve",
    ("spaces:equipment_use_remove", "pk"): lambda w: w.equipment_use.pk,
    # advice
    ("advice:adviser_detail", "pk"): lambda w: w.adviser.pk,
    ("advice:book", "pk"): lambda w: w.adviser.pk,
    ("advice:book", "slot"): lambda w: _advice_slot(),
    ("advice:appointment_manage", "token"): lambda w: _advice_token(w.appointment),
    ("advice:appointment_detail", "pk"): lambda w: w.appointment.pk,
    ("advice:appointment_log", "pk"): lambda w: w.appointment.pk,
    ("advice:appointment_refer", "pk"): lambda w: w.appointment.pk,
    ("advice:appointment_action", "pk"): lambda w: w.appointment.pk,
    ("advice:appointment_action", "action"): lambda w: "cancel_by_centre",
    ("advice:adviser_edit", "pk"): lambda w: w.adviser.pk,
    ("advice:adviser_hours", "pk"): lambda w: w.adviser.pk,
    ("advice:office_hours_new", "pk"): lambda w: w.adviser.pk,
    ("advice:absence_new", "pk"): lambda w: w.adviser.pk,
    ("advice:office_hours_remove", "pk"): lambda w: w.office_hours.pk,
    ("advice:assignment_detail", "pk"): lambda w: w.assignment.pk,
    ("advice:assignment_entry_new", "pk"): lambda w: w.assignment.pk,
    ("advice:assignment_finish", "pk"): lambda w: w.assignment.pk,
    ("advice:caretaker_organisation", "pk"): lambda w: w.organisation.pk,
    # addresses
    ("addresses:agreement_detail", "pk"): lambda w: [w.address_agreement.pk, w.address_request.pk],
    ("addresses:agreement_action", "pk"): lambda w: [w.address_agreement.pk, w.address_request.pk],
    ("addresses:agreement_action", "action"): lambda w: ["terminate", "approve", "reject"],
    ("addresses:agreement_pdf", "pk"): lambda w: w.address_agreement.pk,
    ("addresses:seat_consent_pdf", "pk"): lambda w: w.address_agreement.pk,
    ("addresses:agreement_transfer", "pk"): lambda w: w.address_request.pk,
    ("addresses:agreement_krs_check", "pk"): lambda w: w.address_agreement.pk,
    ("addresses:mail_detail", "pk"): lambda w: w.address_mail.pk,
    ("addresses:mail_action", "pk"): lambda w: w.address_mail.pk,
    ("addresses:mail_action", "action"): lambda w: ["collect", "return_to_sender"],
    ("addresses:mail_scan", "pk"): lambda w: w.address_mail.pk,
    ("addresses:authorised_person_remove", "pk"): lambda w: w.address_person.pk,
    # the API (POST/PUT/PATCH bodies are covered by test_api_garbage through the OpenAPI document)
    ("api:organisation_detail", "organisation_id"): lambda w: w.organisation.pk,
    ("api:organisation_change", "organisation_id"): lambda w: w.organisation.pk,
    ("api:organisation_status", "organisation_id"): lambda w: w.organisation.pk,
    # the platform host (config.urls_platform)
    ("platform:centre_detail", "pk"): lambda w: w.centre.pk,
    ("platform:centre_staff_add", "pk"): lambda w: w.centre.pk,
    ("platform:centre_toggle_active", "pk"): lambda w: w.centre.pk,
    # reports ---
    **{
        (f"grants:{name}", "pk"): (lambda w: w.reports_contract.pk)
        for name in ("contract_reports", "report_start", "report_demand", "contract_settle", "control_new")
    },
    **{
        (f"grants:{name}", "pk"): (lambda w: [w.reports_draft.pk, w.reports_submitted.pk])
        for name in ("report", "report_edit", "report_check", "report_pdf", "report_action")
    },
    ("grants:report_action", "action"): lambda w: ["submit", "accept", "request_correction"],
    ("grants:reports_export", "fmt"): lambda w: ["csv", "xlsx"],
    ("grants:returns_export", "fmt"): lambda w: ["csv", "xlsx"],
    ("grants:contracts_export", "fmt"): lambda w: ["csv", "xlsx"],
    ("grants:small_grants_export", "fmt"): lambda w: ["csv", "xlsx"],
    ("grants:return_payment", "pk"): lambda w: w.reports_return.pk,
    **{
        (f"grants:{name}", "pk"): (lambda w: w.reports_control.pk)
        for name in ("control", "control_file", "control_protocol", "recommendation_new")
    },
    ("grants:recommendation_done", "pk"): lambda w: w.reports_recommendation.pk,
}

# Path parameters of the OpenAPI document, by name.
API_PATH_VALUES: dict[str, Value] = {
    "offer_id": lambda w: w.grants_offer.pk,
    "contract_id": lambda w: w.contract_signed.pk,
    "organisation_id": lambda w: w.organisation.pk,
    "booking_id": lambda w: w.booking_pending.pk,
    "loan_id": lambda w: w.loan_requested.pk,
    "training_id": lambda w: w.training.pk,
    "registration_id": lambda w: w.upcoming_registration.pk,
    "agreement_id": lambda w: w.address_agreement.pk,
    "mail_id": lambda w: w.address_mail.pk,
    "consultation_id": lambda w: w.consultation_open.pk,
}


def _guide_slugs() -> list[str]:
    from centrum.organisations.guide import FORMS

    return [form.slug for form in FORMS]


def _content_type_id(obj) -> int:
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(obj).pk


def value_for(url_name: str, kwarg: str) -> Value | None:
    return URL_VALUES.get((url_name, kwarg)) or KWARG_VALUES.get(kwarg)


# small_grants ---
def _small_grants(centre, organisation) -> dict[str, Any]:
    """A draft of the organisation, a purposeful offer to publish, one published with comments open and
    one past its comment period with a comment waiting for the response (the contract's page)."""
    from centrum.grants.models import SmallGrantComment
    from centrum.grants.tests.factories import planned_grants, small_grant

    planned_grants(centre=centre)
    past = small_grant(centre=centre, organisation=organisation, status="published", title="Po okresie uwag")
    comment = SmallGrantComment.objects.create(
        centre=centre, offer=past, name="Jan", body="Uwaga", filed_at=timezone.now() - timedelta(days=15)
    )
    return {
        "small_grant_draft": small_grant(centre=centre, organisation=organisation, title="Szkic"),
        "small_grant_purposeful": small_grant(centre=centre, organisation=organisation, status="purposeful"),
        "small_grant_open": small_grant(
            centre=centre, organisation=organisation, status="published", published_ago=2, title="W uwagach"
        ),
        "small_grant_past": past,
        "small_grant_comment": comment,
    }


def _stored(field_file, content: bytes):
    """The file of a world row, put back into the storage if an earlier case deleted it."""
    from django.core.files.base import ContentFile

    if not field_file.storage.exists(field_file.name):
        field_file.storage.save(field_file.name, ContentFile(content))
    return field_file


URL_VALUES.update(
    {
        # knowledge platform
        **{
            (f"knowledge:{name}", "pk"): (lambda w: w.knowledge_practice.pk)
            for name in ("practice", "practice_edit", "attachment", "attachment_new", "practice_action")
        },
        ("knowledge:attachment", "attachment_pk"): lambda w: w.knowledge_attachment.pk,
        ("knowledge:practice_action", "action"): lambda w: ["publish", "reject"],
        ("knowledge:leader", "pk"): lambda w: w.knowledge_leader.pk,
        ("knowledge:article", "pk"): lambda w: w.knowledge_article.pk,
        ("knowledge:article_edit", "pk"): lambda w: w.knowledge_article.pk,
        ("knowledge:article_action", "pk"): lambda w: w.knowledge_article.pk,
        ("knowledge:article_action", "action"): lambda w: "publish",
        ("knowledge:category", "slug"): lambda w: w.knowledge_category.slug,
        ("knowledge:document_file", "pk"): lambda w: w.knowledge_document.pk,
        ("knowledge:call", "pk"): lambda w: w.knowledge_call.pk,
        ("knowledge:call_edit", "pk"): lambda w: w.knowledge_call.pk,
        ("api:get_practice", "pk"): lambda w: w.knowledge_practice.pk,
        ("grants:small_grant", "pk"): lambda w: [w.small_grant_draft.pk, w.small_grant_past.pk],
        ("grants:small_grant_public", "pk"): lambda w: [w.small_grant_open.pk, w.small_grant_past.pk],
        ("grants:small_grant_pdf", "pk"): lambda w: w.small_grant_draft.pk,
        ("grants:small_grant_edit", "pk"): lambda w: w.small_grant_draft.pk,
        ("grants:small_grant_check", "pk"): lambda w: w.small_grant_draft.pk,
        ("grants:small_grant_action", "pk"): lambda w: w.small_grant_draft.pk,
        ("grants:small_grant_action", "action"): lambda w: "submit",
        ("grants:small_grant_publish", "pk"): lambda w: w.small_grant_purposeful.pk,
        ("grants:small_grant_contract", "pk"): lambda w: w.small_grant_past.pk,
        ("grants:small_grant_comment_respond", "pk"): lambda w: w.small_grant_comment.pk,
        ("api:small_grant_public_api", "offer_id"): lambda w: w.small_grant_open.pk,
        ("api:small_grant_desk_api", "offer_id"): lambda w: w.small_grant_past.pk,
    }
)


def _newsletter(centre, prefix: str) -> dict[str, Any]:
    """A draft announcement (its form and the schedule form), one being sent (its record of recipients) and a
    subscriber with the tokens of the mailed links."""
    from centrum.core.signed_links import signed_token
    from centrum.newsletter.models import AnnouncementRecipient
    from centrum.newsletter.services import CONFIRM, MANAGE, STOP, UNSUBSCRIBE, subscriber_token
    from centrum.newsletter.tests.factories import announcement_in_state, subscriber_in_state

    subscriber = subscriber_in_state(
        centre=centre, email=f"subskrybent-{prefix.lower()}@example.org", topics=()
    )
    sending = announcement_in_state(centre=centre, subject=f"Wysyłany {prefix}", state="sending")
    recipient = AnnouncementRecipient.objects.create(
        centre=centre,
        announcement=sending,
        email=f"adresat-{prefix.lower()}@example.org",
        organisation_names="O",
    )
    return {
        "newsletter_draft": announcement_in_state(centre=centre, subject=f"Komunikat {prefix}"),
        "newsletter_sending": sending,
        "newsletter_subscriber": subscriber,
        "newsletter_tokens": {
            **{p: subscriber_token(subscriber, p) for p in (CONFIRM, MANAGE, UNSUBSCRIBE)},
            STOP: signed_token(STOP, recipient.pk, version=recipient.email),
        },
    }


URL_VALUES.update(
    {
        ("newsletter:announcement", "pk"): lambda w: [w.newsletter_draft.pk, w.newsletter_sending.pk],
        ("newsletter:announcement_edit", "pk"): lambda w: w.newsletter_draft.pk,
        ("newsletter:recipients", "pk"): lambda w: w.newsletter_sending.pk,
        ("newsletter:announcement_attachment", "pk"): lambda w: w.newsletter_draft.pk,
        ("newsletter:action", "pk"): lambda w: w.newsletter_draft.pk,
        ("newsletter:action", "action"): lambda w: ["send", "schedule"],
        ("newsletter:subscriber_action", "pk"): lambda w: w.newsletter_subscriber.pk,
        ("newsletter:subscriber_action", "action"): lambda w: "unsubscribe",
        ("newsletter:confirm", "token"): lambda w: w.newsletter_tokens["newsletter.confirm"],
        ("newsletter:manage", "token"): lambda w: w.newsletter_tokens["newsletter.manage"],
        ("newsletter:unsubscribe", "token"): lambda w: w.newsletter_tokens["newsletter.unsubscribe"],
        ("newsletter:attachment", "token"): lambda w: "nieprawidlowy",
        ("newsletter:stop", "token"): lambda w: w.newsletter_tokens["newsletter.announcements_stop"],
    }
)
