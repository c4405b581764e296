"""Every registered workflow × state × action × role, against a matrix written here by hand.

The matrix below is the product's rules as a person would state them, not a copy of the declarations in
`<app>/workflows.py`: a transition the table allows and this matrix does not (or the other way round) fails.
Allowed: the state changes (or stays, for in-state actions) and an audit entry records old → new.
Refused: ApplicationError, the row unchanged, no audit entry, no mail.
"""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.utils import timezone

from centrum.accounts.models import CentreRoleInvitation, MembershipInvitation, MembershipRole
from centrum.accounts.tests.factories import MembershipFactory, UserFactory
from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.core.models import AuditEntry, OutboxMessage
from centrum.core.workflow import WORKFLOWS, workflow_apply
from centrum.organisations.models import ImportBatch
from centrum.organisations.tests.factories import OrganisationFactory
from centrum.spaces.models import Booking, Loan, RoomLet, WaitingListEntry
from centrum.spaces.tests.factories import BookingFactory, RoomFactory, next_open_day, slot

STAFF, MEMBER, SYSTEM, INVITEE = "staff", "member", "system", "invitee"
OFFICIAL, EVALUATOR = "official", "evaluator"
ROLES = ["anonymous", "stranger", MEMBER, STAFF, SYSTEM, INVITEE, OFFICIAL, EVALUATOR]

# workflow -> action -> (from states, to state or None for "stays", who may)
EXPECTED = {
    "organisations.organisation": {
        "verify": ({"pending"}, "active", {STAFF}),
        "reject": ({"pending"}, "rejected", {STAFF}),
        "suspend": ({"active"}, "suspended", {STAFF}),
        "reinstate": ({"suspended", "removed"}, "active", {STAFF}),
        "remove": ({"active", "suspended"}, "removed", {STAFF}),
    },
    "organisations.import_batch": {
        "validate": ({"uploaded"}, "validated", {SYSTEM}),
        "invalidate": ({"uploaded"}, "invalid", {SYSTEM}),
        "queue": ({"validated"}, "importing", {STAFF}),
        "finish": ({"validated", "importing"}, "done", {STAFF, SYSTEM}),
        "fail": ({"validated", "importing"}, "failed", {STAFF, SYSTEM}),
    },
    "spaces.booking": {
        "approve": ({"pending"}, "approved", {STAFF, SYSTEM}),
        "reject": ({"pending"}, "rejected", {STAFF}),
        "cancel": ({"pending", "approved"}, "cancelled", {STAFF, MEMBER}),
        "reschedule": ({"pending", "approved"}, None, {STAFF, MEMBER}),
        "reschedule_for_approval": ({"approved"}, "pending", {STAFF, MEMBER}),
        "accept": ({"offered"}, "pending", {MEMBER}),
        "decline": ({"offered"}, "cancelled", {MEMBER, STAFF}),
        "expire": ({"offered"}, "expired", {SYSTEM}),
    },
    "spaces.booking_attendance": {
        "attended": ({"unknown", "no_show"}, "attended", {STAFF}),
        "no_show": ({"unknown", "attended"}, "no_show", {STAFF}),
        "unknown": ({"attended", "no_show"}, "unknown", {STAFF}),
    },
    "spaces.waiting": {
        "offer": ({"waiting"}, "offered", {SYSTEM}),
        "accept": ({"offered"}, "accepted", {MEMBER, STAFF, SYSTEM}),
        "withdraw": ({"waiting", "offered"}, "withdrawn", {MEMBER, STAFF}),
        "offer_declined": ({"offered"}, "withdrawn", {MEMBER, STAFF, SYSTEM}),
        "expire": ({"offered"}, "expired", {SYSTEM}),
    },
    "spaces.loan": {
        "approve": ({"requested"}, "approved", {STAFF}),
        "reject": ({"requested"}, "rejected", {STAFF}),
        # A member may withdraw a request; once approved, only staff cancel.
        "cancel": ({"requested", "approved"}, "cancelled", {STAFF, (MEMBER, "requested")}),
        "hand_over": ({"approved"}, "handed_over", {STAFF}),
        "return": ({"handed_over"}, "returned", {STAFF}),
    },
    "spaces.let": {
        "end": ({"active"}, "ended", {STAFF}),
    },
    "trainings.training": {
        "publish": ({"draft"}, "published", {STAFF}),
        "cancel": ({"draft", "published"}, "cancelled", {STAFF}),
        "finish": ({"published"}, "finished", {STAFF, SYSTEM}),
    },
    # MEMBER is the registered person here.
    "trainings.registration": {
        "cancel": ({"confirmed", "waiting"}, "cancelled", {STAFF, MEMBER}),
        "cancel_by_link": ({"confirmed", "waiting"}, "cancelled", {SYSTEM}),
        "promote": ({"waiting"}, "confirmed", {SYSTEM}),
    },
    # MEMBER is an admin of the exhibiting organisation.
    "trainings.exhibitor": {
        "confirm": ({"requested"}, "confirmed", {STAFF}),
        "decline": ({"requested"}, "declined", {STAFF}),
        "withdraw": ({"requested", "confirmed"}, "withdrawn", {STAFF, MEMBER}),
    },
    "addresses.agreement": {
        "approve": ({"requested"}, "active", {STAFF}),
        "reject": ({"requested"}, "rejected", {STAFF}),
        # The founder who asked or the organisation's admin withdraws a request; staff reject instead.
        "withdraw": ({"requested"}, "withdrawn", {MEMBER}),
        "expire_soon": ({"active"}, "expiring", {SYSTEM}),
        "end": ({"active", "expiring"}, "ended", {SYSTEM}),
        "extend": ({"active", "expiring"}, "active", {STAFF}),
        "terminate": ({"active", "expiring"}, "terminated", {STAFF, MEMBER}),
    },
    "addresses.mail": {
        "collect": ({"waiting"}, "collected", {STAFF}),
        "return_to_sender": ({"waiting"}, "returned", {STAFF}),
    },
    "accounts.membership_invitation": {
        "accept": ({"pending"}, "accepted", {INVITEE}),
        "revoke": ({"pending"}, "revoked", {MEMBER, STAFF}),
    },
    "accounts.centre_role_invitation": {
        "accept": ({"pending"}, "accepted", {INVITEE}),
        "revoke": ({"pending"}, "revoked", {STAFF}),
    },
    # The person who booked cancels (logged in, or by the signed link: the system); the centre cancels
    # with a reason (staff, the adviser; the system when an absence is entered); the log closes it.
    "grants.competition": {
        "publish": ({"draft"}, "published", {OFFICIAL}),
        "close": ({"published"}, "evaluation", {OFFICIAL, SYSTEM}),
        "publish_results": ({"evaluation"}, "decided", {OFFICIAL}),
        "void": ({"published", "evaluation"}, "voided", {OFFICIAL}),
    },
    # A contract (annex 3): signed by the organ's official once the organisation's representatives signed;
    # settled after the final report; terminated with a reason.
    "grants.contract": {
        "sign": ({"draft"}, "signed", {OFFICIAL}),
        "terminate": ({"draft", "signed"}, "terminated", {OFFICIAL}),
        "settle": ({"signed"}, "settled", {OFFICIAL}),
    },
    # contracts: the updated budget of an offer awarded less than requested (filed by the organisation's
    # admin, accepted or returned by the official) and an annex to a signed contract.
    "grants.budget_update": {
        "submit": ({"draft", "returned"}, "submitted", {MEMBER}),
        "accept": ({"submitted"}, "accepted", {OFFICIAL}),
        "return": ({"submitted"}, "returned", {OFFICIAL}),
    },
    "grants.contract_annex": {
        "sign": ({"draft"}, "signed", {OFFICIAL}),
    },
    # reports ---: a report (annex 5) filed by the organisation's admin, checked by the official.
    "grants.report": {
        "submit": ({"draft", "correction"}, "submitted", {MEMBER}),
        "accept": ({"submitted"}, "accepted", {OFFICIAL}),
        "request_correction": ({"submitted"}, "correction", {OFFICIAL}),
    },
    "grants.offer": {
        "submit": ({"draft"}, "submitted", {MEMBER}),
        "withdraw": ({"submitted"}, "withdrawn", {MEMBER}),
        "resubmit": ({"correction"}, "submitted", {MEMBER}),
        # The official records the confirmation signed on paper (a stamp; the state stays).
        "receive_confirmation": (
            {"submitted", "correction", "formally_accepted", "formally_rejected", "selected", "not_selected"},
            None,
            {OFFICIAL},
        ),
        "request_correction": ({"submitted"}, "correction", {OFFICIAL}),
        "accept_formally": ({"submitted"}, "formally_accepted", {OFFICIAL}),
        "reject_formally": ({"submitted", "correction"}, "formally_rejected", {OFFICIAL}),
        "correction_lapsed": ({"correction"}, "formally_rejected", {SYSTEM}),
        "select": ({"formally_accepted"}, "selected", {OFFICIAL}),
        "not_select": ({"formally_accepted"}, "not_selected", {OFFICIAL}),
    },
    "programmes.programme": {
        "open_consultation": ({"draft"}, "consultation", {OFFICIAL}),
        "adopt": ({"draft", "consultation"}, "adopted", {OFFICIAL}),
        "archive": ({"adopted"}, "archived", {OFFICIAL}),
    },
    "programmes.proposal": {
        "accept": ({"submitted"}, "accepted", {OFFICIAL}),
        "refuse": ({"submitted"}, "refused", {OFFICIAL}),
    },
    # consultations: the consultation officer is the centre's staff or an official; a job opens and closes
    # them on their days; a resident's comment is confirmed by the e-mailed link (the system).
    "consultations.consultation": {
        "open": ({"draft"}, "open", {STAFF, OFFICIAL, SYSTEM}),
        "close": ({"open"}, "closed", {STAFF, OFFICIAL, SYSTEM}),
        "answered": ({"closed"}, "answered", {STAFF, OFFICIAL}),
        "publish_report": ({"answered"}, "reported", {STAFF, OFFICIAL}),
    },
    "consultations.comment": {
        "confirm": ({"unconfirmed"}, "submitted", {SYSTEM}),
        "accept": ({"submitted"}, "accepted", {STAFF, OFFICIAL}),
        "partly": ({"submitted"}, "partly", {STAFF, OFFICIAL}),
        "reject": ({"submitted"}, "rejected", {STAFF, OFFICIAL}),
    },
    # councils: the secretary (centre staff or the municipality's official) closes and publishes an election
    # and registers opinions; the system records silence past the deadline as a waiver.
    "councils.election": {
        "close": ({"open"}, "closed", {STAFF, OFFICIAL}),
        "publish": ({"closed"}, "published", {STAFF, OFFICIAL}),
    },
    "councils.opinion": {
        "give": ({"awaiting"}, "given", {STAFF, OFFICIAL}),
        "waive": ({"awaiting"}, "waived", {STAFF, OFFICIAL, SYSTEM}),
    },
    # MEMBER is the applicant (the group's leader who filed it); OFFICIAL assesses and keeps the agreement.
    "initiatives.initiative": {
        "submit": ({"draft"}, "submitted", {MEMBER}),
        "accept": ({"submitted"}, "accepted", {OFFICIAL}),
        "reject": ({"submitted"}, "rejected", {OFFICIAL}),
        "agree": ({"accepted"}, "agreement", {OFFICIAL}),
        "sign": ({"agreement"}, "signed", {OFFICIAL}),
        "complete": ({"signed"}, "completed", {MEMBER, OFFICIAL}),
        # The applicant withdraws before the decision; the official cancels anything filed and not finished.
        "cancel": (
            {"draft", "submitted", "accepted", "agreement", "signed"},
            "cancelled",
            {
                (MEMBER, "draft"),
                (MEMBER, "submitted"),
                *((OFFICIAL, s) for s in ("submitted", "accepted", "agreement", "signed")),
            },
        ),
    },
    # volunteers: MEMBER acts for the host (its organisation's admin), INVITEE is the volunteer; staff (or the
    # volunteer coordinator) moderate offers; the system closes offers whose last day has passed.
    "volunteers.offer": {
        "submit": ({"draft", "returned"}, "submitted", {MEMBER}),
        "publish": ({"submitted"}, "published", {STAFF}),
        "return": ({"submitted"}, "returned", {STAFF}),
        "reject": ({"submitted"}, "rejected", {STAFF}),
        "close": ({"published"}, "closed", {MEMBER, STAFF, SYSTEM}),
    },
    "volunteers.application": {
        "accept": ({"applied"}, "accepted", {MEMBER}),
        "decline": ({"applied"}, "declined", {MEMBER}),
        "withdraw": ({"applied", "accepted"}, "withdrawn", {INVITEE}),
    },
    "volunteers.hours": {
        "confirm": ({"logged"}, "confirmed", {MEMBER}),
        "reject": ({"logged"}, "rejected", {MEMBER}),
    },
    # MEMBER: a member of the organisation the item was submitted for; staff moderate (and resubmit for it).
    **{
        key: {
            "approve": ({"submitted"}, "published", {STAFF}),
            "request_changes": ({"submitted"}, "changes_requested", {STAFF}),
            "reject": ({"submitted", "changes_requested"}, "rejected", {STAFF}),
            "resubmit": ({"changes_requested"}, "submitted", {MEMBER, STAFF}),
            "unpublish": ({"published"}, "changes_requested", {STAFF}),
        }
        for key in ("news.news_item", "news.event")
    },
    # Staff open and close a survey; the jobs open a draft on its opening date and close one after its close.
    "surveys.survey": {
        "open": ({"draft"}, "open", {STAFF, SYSTEM}),
        "close": ({"open"}, "closed", {STAFF, SYSTEM}),
        "reopen": ({"closed"}, "open", {STAFF}),
    },
    "news.error_report": {
        "handle": ({"new"}, "handled", {STAFF}),
        "reopen": ({"handled"}, "new", {STAFF}),
    },
    # The centre's staff moderate good practices and publish the knowledge base's articles.
    "knowledge.practice": {
        "publish": ({"submitted"}, "published", {STAFF}),
        "reject": ({"submitted"}, "rejected", {STAFF}),
        "archive": ({"published"}, "archived", {STAFF}),
    },
    "knowledge.article": {
        "publish": ({"draft"}, "published", {STAFF}),
        "unpublish": ({"published"}, "draft", {STAFF}),
    },
    # promotion: staff hide an organisation's page content and moderate companies' profiles (CSR)
    "promotion.page": {
        "hide": ({"visible"}, "hidden", {STAFF}),
        "show": ({"hidden"}, "visible", {STAFF}),
    },
    "promotion.company": {
        "approve": ({"proposed"}, "published", {STAFF}),
        "reject": ({"proposed"}, "rejected", {STAFF}),
        "hide": ({"published"}, "hidden", {STAFF}),
        "restore": ({"hidden"}, "published", {STAFF}),
    },
    # Staff send or schedule a draft; the job starts a due one and closes it when every mail is queued.
    "newsletter.announcement": {
        "send": ({"draft"}, "sending", {STAFF}),
        "schedule": ({"draft"}, "scheduled", {STAFF}),
        "unschedule": ({"scheduled"}, "draft", {STAFF}),
        "start": ({"scheduled"}, "sending", {SYSTEM}),
        "finish": ({"sending"}, "sent", {SYSTEM}),
    },
    # SYSTEM is the holder of a mailed link (no account); staff take someone off the list on request.
    "newsletter.subscriber": {
        "confirm": ({"pending"}, "active", {SYSTEM}),
        "unsubscribe": ({"pending", "active"}, "unsubscribed", {STAFF, SYSTEM}),
        "resubscribe": ({"unsubscribed"}, "pending", {SYSTEM}),
    },
    "advice.appointment": {
        "cancel": ({"booked"}, "cancelled", {MEMBER, SYSTEM}),
        "cancel_by_centre": ({"booked"}, "cancelled", {STAFF, SYSTEM}),
        "complete": ({"booked"}, "done", {STAFF}),
    },
}
INVITED = "zaproszona@example.org"


def _may(who: set, role: str, state: str) -> bool:
    return role in who or (role, state) in who


def _role_holder(centre, email: str, role: str):
    from centrum.accounts.tests.factories import CentreRoleFactory

    user = UserFactory(email=email)
    CentreRoleFactory(centre=centre, user=user, role=role)
    return user


class World:
    def __init__(self, centre, staff_user):
        self.centre = centre
        self.organisation = OrganisationFactory(centre=centre, name="Fundacja Macierzy")
        self.member = UserFactory(email="admin-org@example.org")
        MembershipFactory(user=self.member, organisation=self.organisation, role=MembershipRole.ADMIN)
        self.invitee = UserFactory(email=INVITED)
        EmailAddress.objects.update_or_create(user=self.invitee, email=INVITED, defaults={"verified": True})
        self.actors = {
            "anonymous": AnonymousUser(),
            "stranger": UserFactory(email="obcy@example.org"),
            MEMBER: self.member,
            STAFF: staff_user,
            SYSTEM: None,
            INVITEE: self.invitee,
            OFFICIAL: _role_holder(centre, "urzednik@example.org", "official"),
            EVALUATOR: _role_holder(centre, "komisja@example.org", "evaluator"),
        }
        self.room = RoomFactory(centre=centre)

    def booking(self, **fields) -> Booking:
        start, end = slot(next_open_day(), 17, 19)
        defaults = {"room": self.room, "organisation": self.organisation, "starts_at": start, "ends_at": end}
        return BookingFactory(**{**defaults, **fields})

    def address_row(self, key: str, state: str):
        from centrum.addresses.tests.factories import AgreementFactory, MailFactory, PersonFactory

        if key == "addresses.agreement":
            return AgreementFactory(
                centre=self.centre, organisation=self.organisation, status=state, number=""
            )
        agreement = AgreementFactory(centre=self.centre, organisation=self.organisation)
        # The person at the counter, named on the pickup form (the engine checks the power of attorney).
        person = PersonFactory(centre=self.centre, organisation=self.organisation)
        return MailFactory(
            centre=self.centre,
            organisation=self.organisation,
            agreement=agreement,
            status=state,
            collected_by=person,
        )

    def build(self, key: str, state: str, action: str | tuple[str, ...] = ""):
        centre, now = self.centre, timezone.now()
        if key.startswith("grants."):
            return self.grants(key, state, action)
        if key.startswith("programmes."):
            return _programmes(self, key, state, action)
        if key.startswith("consultations."):
            return _consultations(self, key, state, action)
        if key.startswith("volunteers."):
            return _volunteers(self, key, state)
        if key.startswith("newsletter."):
            return _newsletter(self, key, state)
        if key.startswith("councils."):
            from centrum.councils.tests.factories import councils_row_in_state

            # voting ended; an opinion filled in (late, with its note) past its deadline
            return councils_row_in_state(centre=centre, key=key, state=state)
        if key == "surveys.survey":
            from centrum.surveys.tests.factories import survey_with_every_kind

            return survey_with_every_kind(centre, status=state)
        if key == "initiatives.initiative":
            from centrum.initiatives.tests.factories import initiative_in_state

            # scored, scheduled, costed, signed and reported, so each step's guard passes
            return initiative_in_state(centre=centre, state=state, leader=self.member)
        if key.startswith("news."):
            from centrum.news.tests.factories import item_in_state

            return item_in_state(key=key, centre=centre, state=state, organisation=self.organisation)
        if key == "knowledge.practice":
            from centrum.knowledge.tests.factories import PracticeFactory

            return PracticeFactory(centre=centre, status=state, submitted_by=self.member)
        if key == "knowledge.article":
            from centrum.knowledge.tests.factories import ArticleFactory

            return ArticleFactory(centre=centre, status=state)
        if key == "promotion.page":
            from centrum.promotion.tests.factories import page_in_state

            return page_in_state(organisation=self.organisation, state=state)
        if key == "promotion.company":
            from centrum.promotion.tests.factories import company_in_state

            return company_in_state(centre=centre, state=state)
        if key == "organisations.organisation":
            return OrganisationFactory(centre=centre, status=state)
        if key == "organisations.import_batch":
            return ImportBatch.objects.create(
                centre=centre, original_name="lista.csv", status=state, total_rows=1
            )
        if key == "spaces.booking":
            return self.booking(status=state)
        if key == "spaces.booking_attendance":
            start = now - timedelta(hours=3)
            return self.booking(
                status="approved", attendance=state, starts_at=start, ends_at=start + timedelta(hours=1)
            )
        if key == "spaces.waiting":
            start, end = slot(next_open_day(), 17, 19)
            return WaitingListEntry.objects.create(
                centre=centre,
                room=self.room,
                organisation=self.organisation,
                starts_at=start,
                ends_at=end,
                title="Zebranie",
                status=state,
            )
        if key == "spaces.loan":
            today = warsaw_today()
            return Loan.objects.create(
                centre=centre,
                number=f"UŻ/{today.year}/0001",
                organisation=self.organisation,
                purpose="Festyn",
                starts_on=today,
                due_on=today + timedelta(days=2),
                status=state,
            )
        if key == "spaces.let":
            today = warsaw_today()
            start, end = slot(today + timedelta(days=400), 8, 20)
            booking = self.booking(kind="let", status="approved", starts_at=start, ends_at=end)
            return RoomLet.objects.create(
                centre=centre,
                room=self.room,
                organisation=self.organisation,
                booking=booking,
                starts_on=today + timedelta(days=400),
                ends_on=today + timedelta(days=430),
                status=state,
            )
        if key.startswith("trainings."):
            return self.trainings(key, state)
        if key.startswith("grants."):
            return self.grants(key, state)
        if key.startswith("addresses."):
            return self.address_row(key, state)
        expires = now + timedelta(days=7)
        if key == "accounts.membership_invitation":
            return MembershipInvitation.objects.create(
                centre=centre,
                organisation=self.organisation,
                email=INVITED,
                role="member",
                status=state,
                expires_at=expires,
            )
        if key == "advice.appointment":
            from centrum.advice.tests.factories import AppointmentFactory

            return AppointmentFactory(adviser__centre=centre, user=self.member, status=state)
        if key == "accounts.centre_role_invitation":
            return CentreRoleInvitation.objects.create(
                centre=centre, email=INVITED, role="official", status=state, expires_at=expires
            )
        raise AssertionError(f"No builder for {key}")


def _trainings(world: World, key: str, state: str):
    """A training whose only session is over (so it may be finished), a registration of the member, a stand
    of the member's organisation."""
    from centrum.trainings.models import Exhibitor, Registration, Session, Training

    centre, now = world.centre, timezone.now()
    training = Training.objects.create(
        centre=centre,
        title="Szkolenie z macierzy",
        capacity=5,
        status=state if key == "trainings.training" else "published",
        exhibitors_welcome=True,
    )
    Session.objects.create(
        centre=centre,
        training=training,
        starts_at=now - timedelta(days=2),
        ends_at=now - timedelta(days=2) + timedelta(hours=2),
        place_kind="elsewhere",
        address="Rynek 1",
    )
    if key == "trainings.training":
        return training
    if key == "trainings.registration":
        return Registration.objects.create(
            centre=centre,
            training=training,
            user=world.member,
            name="Członek",
            email=world.member.email,
            status=state,
        )
    return Exhibitor.objects.create(
        centre=centre, training=training, organisation=world.organisation, stand="Stoisko", status=state
    )


World.trainings = _trainings


def _volunteers(world: World, key: str, state: str):
    """An offer of the world's organisation (a period, room for two), the invitee's application to it with one
    place taken when accepted, their agreement and one logged day."""
    from centrum.volunteers.tests.factories import (
        OfferFactory,
        VolunteerFactory,
        agreement_for,
        application_for,
        host_of,
        hours_for,
    )

    host = host_of(world.organisation)
    if key == "volunteers.offer":
        return OfferFactory(centre=world.centre, host=host, status=state)
    offer = OfferFactory(centre=world.centre, host=host, capacity=2)
    volunteer = VolunteerFactory(centre=world.centre, user=world.invitee)
    if key == "volunteers.application":
        return application_for(offer, volunteer, status=state)
    agreement = agreement_for(application_for(offer, volunteer, status="accepted"))
    return hours_for(agreement, status=state)


# The offer's actions that evaluate it: its competition is closed for offers (in evaluation) meanwhile.
EVALUATION_ACTIONS = {
    "request_correction",
    "accept_formally",
    "reject_formally",
    "correction_lapsed",
    "select",
    "not_select",
}


def _grants(world: World, key: str, state: str, action: str | tuple[str, ...] = ""):
    """A competition in a state its guards accept, or an offer of the world's organisation with complete content
    (a submission checks it) and an open correction window: in a competition open for offers for filing, in one
    closed for offers (in evaluation) for the formal check and the decision."""
    from centrum.grants.tests.factories import competition_in_state, complete_offer

    if key == "grants.competition":
        return competition_in_state(centre=world.centre, state=state)
    if key == "grants.small_grant":
        return _small_grant(world, state)
    # reports ---: settling needs the final report accepted (and no return unpaid).
    if key == "grants.report" or (
        key == "grants.contract" and "settle" in ({action} if isinstance(action, str) else set(action))
    ):
        from centrum.grants.tests.factories import report_in_state

        if key == "grants.report":
            return report_in_state(centre=world.centre, organisation=world.organisation, state=state)
        report = report_in_state(
            centre=world.centre, organisation=world.organisation, state="accepted", status=state
        )
        return report.contract
    if key == "grants.contract":
        from centrum.grants.tests.factories import ContractFactory

        return ContractFactory(
            centre=world.centre,
            organisation=world.organisation,
            status=state,
            number="1/2026",
            representatives=[{"name": "Anna Kowalska", "function": "Prezes Zarządu"}],
            signing="paper",
        )
    if key == "grants.budget_update":
        from centrum.grants.tests.factories import budget_update_in_state

        return budget_update_in_state(centre=world.centre, organisation=world.organisation, state=state)
    if key == "grants.contract_annex":
        from centrum.grants.tests.factories import annex_in_state

        return annex_in_state(centre=world.centre, organisation=world.organisation, state=state)
    actions = {action} if isinstance(action, str) else set(action)
    competition_status = "evaluation" if actions & EVALUATION_ACTIONS else "published"
    return complete_offer(
        competition__centre=world.centre,
        competition__status=competition_status,
        organisation=world.organisation,
        status=state,
        correction_due_at=_correction_due(state, actions),
    )


def _correction_due(state: str, actions: set[str]):
    """An open correction window, or one that lapsed for the job that rejects the uncorrected offer."""
    if state != "correction":
        return None
    return timezone.now() + (timedelta(minutes=-1) if "correction_lapsed" in actions else timedelta(days=7))


World.grants = _grants


# small_grants: an art. 19a offer of the world's organisation with complete content; a purposeful one has its
# three publications recorded today (it may be published), a published one's comment period is over and the
# year's planned NGO grants are recorded (its contract may be created).
EXPECTED["grants.small_grant"] = {
    "submit": ({"draft"}, "received", {MEMBER}),
    "purposeful": ({"received"}, "purposeful", {OFFICIAL}),
    "not_purposeful": ({"received"}, "not_purposeful", {OFFICIAL}),
    "publish": ({"purposeful"}, "published", {OFFICIAL}),
    "contract": ({"published"}, "contracted", {OFFICIAL}),
    "reject": ({"received", "purposeful", "published"}, "rejected", {OFFICIAL}),
    "withdraw": ({"received", "purposeful", "published"}, "withdrawn", {MEMBER}),
}


def _newsletter(world: World, key: str, state: str):
    """An announcement reaching the world's organisation (a draft to be scheduled for tomorrow, a scheduled
    one due, a sending one with every mail queued), or a subscriber."""
    from centrum.newsletter.tests.factories import announcement_in_state, subscriber_in_state

    if key == "newsletter.subscriber":
        return subscriber_in_state(centre=world.centre, state=state)
    when = timezone.now() + (timedelta(days=1) if state == "draft" else -timedelta(minutes=5))
    announcement = announcement_in_state(centre=world.centre, state=state, scheduled_for=when)
    announcement.recipients.update(queued=True)
    return announcement


def _small_grant(world: World, state: str):
    from centrum.grants.tests.factories import planned_grants, small_grant

    if state == "published":
        planned_grants(centre=world.centre)
    return small_grant(centre=world.centre, organisation=world.organisation, status=state)


def _programmes(world: World, key: str, state: str, action: str = ""):
    """A programme with a task, consultation dates still ahead (to open it) or past and the resolution
    recorded (to adopt it); a proposal of the world's organisation."""
    from centrum.programmes.models import OwnInitiativeProposal
    from centrum.programmes.tests.factories import ProgrammeFactory, ProgrammeTaskFactory

    today = warsaw_today()
    if key == "programmes.proposal":
        return OwnInitiativeProposal.objects.create(
            centre=world.centre,
            organisation=world.organisation,
            submitted_by=world.member,
            title="Festyn",
            description="Opis",
            answer_due_on=today + timedelta(days=30),
            status=state,
        )
    consulted = state == "consultation"  # its consultation is over, so it may be adopted
    programme = ProgrammeFactory(
        centre=world.centre,
        status=state,
        consultation_starts_on=today - timedelta(days=(20 if consulted else 1)),
        consultation_ends_on=today - timedelta(days=2) if consulted else today + timedelta(days=14),
        resolution_number="XX/100/2026",
        adopted_on=today - timedelta(days=1),
        adopted_late_reason="Sesja rady przesunięta",
    )
    ProgrammeTaskFactory(programme=programme, centre=world.centre)
    return programme


def _consultations(world: World, key: str, state: str, action: str = ""):
    """A consultation with its text and no comment waiting (past its end to close it); a comment on an open
    consultation."""
    from centrum.consultations.tests.factories import CommentFactory, consultation_in_state

    today = warsaw_today()
    if key == "consultations.comment":
        consultation = consultation_in_state(centre=world.centre, state="open", comments=0)
        return CommentFactory(consultation=consultation, centre=world.centre, status=state)
    dates = (
        {"starts_on": today - timedelta(days=20), "ends_on": today - timedelta(days=1)}
        if "close" in ((action,) if isinstance(action, str) else action)
        else {}
    )
    return consultation_in_state(centre=world.centre, state=state, comments=0, **dates)


def _cases():
    for key, actions in EXPECTED.items():
        states = [
            value for value, _label in WORKFLOWS[key].model._meta.get_field(WORKFLOWS[key].field).choices
        ]
        for action in actions:
            for state in states:
                yield pytest.param(key, action, state, id=f"{key}-{action}-{state}")


class _RolledBack(Exception):
    """Raised to leave a role's savepoint: each role acts on the same untouched row."""


def _each_role(obj, check) -> list[str]:
    """check(obj, role) for every role, each in a savepoint rolled back afterwards (the row, its audit
    entries and mails as they were before), on the row read again; the roles whose check failed."""
    problems = []
    for role in ROLES:
        try:
            with transaction.atomic():
                obj.refresh_from_db()
                check(obj, role)
                raise _RolledBack
        except _RolledBack:
            pass
        except (Exception, pytest.fail.Exception) as exc:  # noqa: BLE001 - every role is tried, failures told together
            problems.append(f"{role}: {type(exc).__name__}: {exc}")
    return problems


def test_the_matrix_covers_every_registered_workflow_and_action():
    assert set(EXPECTED) == set(WORKFLOWS)
    for key, wf in WORKFLOWS.items():
        assert {t.action for t in wf.transitions} == set(EXPECTED[key]), key


@pytest.mark.django_db
@pytest.mark.parametrize(("key", "action", "state"), list(_cases()))
def test_workflow_state_action_role(centre, staff_user, key, action, state):
    """The row is built once per workflow, action and state; every role then acts on it in turn."""
    world = World(centre, staff_user)
    workflow = WORKFLOWS[key]
    sources, target, who = EXPECTED[key][action]

    def check(obj, role):
        allowed = state in sources and _may(who, role, state)
        entries, mails = AuditEntry.objects.count(), OutboxMessage.objects.count()
        run = lambda: workflow_apply(  # noqa: E731
            obj=obj,
            action=action,
            actor=world.actors[role],
            reason="Powód podany przez osobę",
            workflow=workflow,
        )
        if allowed:
            run()
            stored = type(obj).objects.get(pk=obj.pk)
            expected = target or state
            assert getattr(stored, workflow.field) == expected, "allowed, but the state did not change"
            entry = AuditEntry.objects.filter(
                object_id=str(obj.pk), action=workflow.transition(action).audit
            ).latest("id")
            assert entry.old_state[workflow.field] == state and entry.new_state[workflow.field] == expected
            assert entry.actor == (world.actors[role] if role != SYSTEM else None)
        else:
            with pytest.raises(ApplicationError):
                run()
            assert getattr(type(obj).objects.get(pk=obj.pk), workflow.field) == state
            assert AuditEntry.objects.count() == entries
            assert OutboxMessage.objects.count() == mails

    problems = _each_role(world.build(key, state, action), check)
    assert not problems, f"{key} {action} from {state}:\n  " + "\n  ".join(problems)


# A resident's (or an informal group's) booking: the person who asked acts for it, and where the rules differ
# from an organisation's, approval is always a person of staff's: never the system, and the requester's new
# hours for an approved booking go back to staff (reschedule_for_approval, not reschedule).
EXPECTED_PERSONAL_BOOKING = {
    **EXPECTED["spaces.booking"],
    "approve": ({"pending"}, "approved", {STAFF}),
    "reschedule": ({"pending", "approved"}, None, {STAFF, (MEMBER, "pending")}),
}


def _personal_cases():
    states = [value for value, _label in Booking._meta.get_field("status").choices]
    for action in EXPECTED_PERSONAL_BOOKING:
        for state in states:
            yield pytest.param(action, state, id=f"resident-{action}-{state}")


@pytest.mark.django_db
@pytest.mark.parametrize(("action", "state"), list(_personal_cases()))
def test_resident_booking_state_action_role(centre, staff_user, action, state):
    world = World(centre, staff_user)
    workflow = WORKFLOWS["spaces.booking"]
    sources, target, who = EXPECTED_PERSONAL_BOOKING[action]

    def check(obj, role):
        allowed = state in sources and _may(who, role, state)
        entries = AuditEntry.objects.count()
        run = lambda: workflow_apply(  # noqa: E731
            obj=obj,
            action=action,
            actor=world.actors[role],
            reason="Powód podany przez osobę",
            workflow=workflow,
        )
        if allowed:
            run()
            assert Booking.objects.get(pk=obj.pk).status == (target or state)
        else:
            with pytest.raises(ApplicationError):
                run()
            assert Booking.objects.get(pk=obj.pk).status == state
            assert AuditEntry.objects.count() == entries

    obj = world.booking(status=state, organisation=None, booker_kind="resident", requested_by=world.member)
    problems = _each_role(obj, check)
    assert not problems, f"resident's booking {action} from {state}:\n  " + "\n  ".join(problems)
