"""The rules of councils through their services: the NGO share, the joint request and its deadline, the
election (consent, one vote per organisation, no early close, the result, members), the opinion register
(deadline, late only with a note, silence as a waiver, reminders) and what other apps see."""

from datetime import timedelta

import pytest
from django.utils import timezone

from centrum.accounts.models import MembershipRole
from centrum.accounts.tests.factories import MembershipFactory, UserFactory
from centrum.core import crossrefs, indicators, portal
from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.core.models import AuditEntry, OutboxMessage
from centrum.organisations.tests.factories import OrganisationFactory

from ..choices import ElectionStatus, OpinionStatus, Selection, Side
from ..models import Candidate, JointRequest, JointRequestSignature, Member, OpinionRequest, Vote
from ..services import (
    body_create,
    candidate_appoint,
    candidate_nominate,
    election_close,
    election_create,
    election_publish,
    joint_request_create,
    joint_request_sign,
    member_add,
    member_end,
    opinion_give,
    opinion_request_create,
    opinions_remind,
    opinions_waive_overdue,
    vote_cast,
)
from .factories import BodyFactory, ElectionFactory, KindFactory, MeetingFactory, OpinionRequestFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


def _admin_of(organisation, n):
    user = UserFactory(email=f"prezes{n}-{organisation.pk}@example.org")
    MembershipFactory(user=user, organisation=organisation, role=MembershipRole.ADMIN)
    return user


def _member(body, side, name="Osoba"):
    return Member.objects.create(
        centre=body.centre, body=body, person_name=name, side=side, from_date=warsaw_today()
    )


def test_a_change_breaking_the_ngo_share_is_refused_and_nothing_stored(centre, staff_user):
    body = BodyFactory(centre=centre)
    _member(body, Side.NGO)
    _member(body, Side.MUNICIPALITY)
    with pytest.raises(ApplicationError, match="co najmniej 50%"):
        member_add(
            body=body,
            actor=staff_user,
            data={"person_name": "Radny", "side": Side.COUNCIL, "from_date": warsaw_today()},
        )
    assert Member.objects.filter(body=body).count() == 2
    ngo = Member.objects.get(body=body, side=Side.NGO)
    with pytest.raises(ApplicationError):
        member_end(member=ngo, actor=staff_user, to_date=warsaw_today() - timedelta(days=1))
    assert Member.objects.get(pk=ngo.pk).to_date is None
    member_add(
        body=body,
        actor=staff_user,
        data={"person_name": "Druga NGO", "side": Side.NGO, "from_date": warsaw_today()},
    )
    member_add(
        body=body,
        actor=staff_user,
        data={"person_name": "Radny", "side": Side.COUNCIL, "from_date": warsaw_today()},
    )
    assert AuditEntry.objects.filter(action="member.added").count() == 2


def test_only_the_secretary_adds_members(centre, org_admin):
    body = BodyFactory(centre=centre)
    with pytest.raises(ApplicationError):
        member_add(
            body=body,
            actor=org_admin,
            data={"person_name": "X", "side": Side.NGO, "from_date": warsaw_today()},
        )


def test_joint_request_deadline_starts_when_the_fifth_organisation_signs(centre, staff_user):
    kind = KindFactory(centre=centre)
    organisations = [OrganisationFactory(centre=centre) for _ in range(5)]
    admins = [_admin_of(o, i) for i, o in enumerate(organisations)]
    request = joint_request_create(
        kind=kind, actor=admins[0], title="Powołanie RDPP", organisation=organisations[0]
    )
    for organisation, admin in zip(organisations[1:4], admins[1:4], strict=True):
        joint_request_sign(joint_request=request, actor=admin, organisation=organisation)
    request.refresh_from_db()
    assert request.deadline is None
    with pytest.raises(ApplicationError, match="już podpisała"):
        joint_request_sign(joint_request=request, actor=admins[1], organisation=organisations[1])
    with pytest.raises(ApplicationError):
        joint_request_sign(joint_request=request, actor=admins[0], organisation=organisations[4])
    joint_request_sign(joint_request=request, actor=admins[4], organisation=organisations[4])
    request.refresh_from_db()
    today = warsaw_today()
    assert request.threshold_reached_on == today and request.deadline > today + timedelta(days=55)
    assert JointRequestSignature.objects.filter(request=request).count() == 5
    body = body_create(
        centre=centre, actor=staff_user, data={"kind": kind, "name": "Rada"}, joint_request=request
    )
    assert JointRequest.objects.get(pk=request.pk).body == body
    with pytest.raises(ApplicationError):
        joint_request_sign(joint_request=request, actor=staff_user, organisation=organisations[0])


def test_election_nominate_vote_close_publish(centre, staff_user):
    now = timezone.now()
    body = BodyFactory(centre=centre)
    _member(body, Side.MUNICIPALITY, "Urzędnik")
    election = election_create(
        body=body,
        actor=staff_user,
        data={
            "seats": 2,
            "nominations_until": now + timedelta(days=1),
            "voting_from": now + timedelta(days=2),
            "voting_until": now + timedelta(days=3),
        },
    )
    organisations = [OrganisationFactory(centre=centre) for _ in range(3)]
    admins = [_admin_of(o, i) for i, o in enumerate(organisations)]
    with pytest.raises(ApplicationError, match="zgodził"):
        candidate_nominate(
            election=election,
            actor=admins[0],
            organisation=organisations[0],
            person_name="Ala",
            consent=False,
        )
    assert not Candidate.objects.exists()
    with pytest.raises(ApplicationError):
        candidate_nominate(
            election=election, actor=admins[1], organisation=organisations[0], person_name="Ala", consent=True
        )
    candidates = [
        candidate_nominate(
            election=election, actor=a, organisation=o, person_name=f"Kandydat {i}", consent=True
        )
        for i, (a, o) in enumerate(zip(admins, organisations, strict=True))
    ]
    with pytest.raises(ApplicationError, match="nie trwa"):
        vote_cast(election=election, actor=admins[0], organisation=organisations[0], candidate=candidates[1])
    election.voting_from = now - timedelta(hours=1)
    election.nominations_until = now - timedelta(hours=2)
    election.save()
    vote_cast(election=election, actor=admins[0], organisation=organisations[0], candidate=candidates[1])
    vote_cast(election=election, actor=admins[1], organisation=organisations[1], candidate=candidates[1])
    vote_cast(election=election, actor=admins[2], organisation=organisations[2], candidate=candidates[2])
    with pytest.raises(ApplicationError, match="już oddała"):
        vote_cast(election=election, actor=admins[0], organisation=organisations[0], candidate=candidates[2])
    assert Vote.objects.count() == 3
    with pytest.raises(ApplicationError, match="jeszcze trwa"):
        election_close(election=election, actor=staff_user)
    assert election.status == ElectionStatus.OPEN
    election.voting_until = now - timedelta(minutes=1)
    election.save()
    election_close(election=election, actor=staff_user)
    elected = set(Candidate.objects.filter(elected=True).values_list("person_name", flat=True))
    assert elected == {"Kandydat 1", "Kandydat 2"}
    assert Candidate.objects.get(person_name="Kandydat 1").votes == 2
    election_publish(election=election, actor=staff_user)
    ngo = set(Member.objects.filter(body=body, side=Side.NGO).values_list("person_name", flat=True))
    assert ngo == {"Kandydat 1", "Kandydat 2"}


def test_appointment_from_nominees(centre, staff_user):
    kind = KindFactory(centre=centre, selection=Selection.APPOINTMENT, min_ngo_share_percent=0)
    body = BodyFactory(centre=centre, kind=kind)
    election = ElectionFactory(
        centre=centre,
        body=body,
        selection=Selection.APPOINTMENT,
        seats=1,
        voting_from=None,
        voting_until=None,
    )
    organisation = OrganisationFactory(centre=centre)
    candidate = Candidate.objects.create(
        centre=centre,
        election=election,
        organisation=organisation,
        person_name="Senior",
        consent=True,
        nominated_by=staff_user,
    )
    with pytest.raises(ApplicationError, match="co najmniej jednego"):
        election_close(election=election, actor=staff_user)
    candidate_appoint(candidate=candidate, actor=staff_user)
    election_close(election=election, actor=staff_user)
    election_publish(election=election, actor=staff_user)
    assert Member.objects.filter(body=body, person_name="Senior").exists()


def test_opinion_deadline_late_note_and_waiver(centre, staff_user):
    body = BodyFactory(centre=centre)
    today = warsaw_today()
    with pytest.raises(ApplicationError):
        opinion_request_create(
            body=body, actor=staff_user, subject_ref="", subject_text="", received_on=today
        )
    with pytest.raises(ApplicationError):
        opinion_request_create(
            body=body, actor=staff_user, subject_ref="nieznane:1", subject_text="", received_on=today
        )
    assert not OpinionRequest.objects.exists()
    request = opinion_request_create(
        body=body,
        actor=staff_user,
        subject_ref="",
        subject_text="Program współpracy",
        received_on=today - timedelta(days=20),
    )
    assert request.deadline >= today - timedelta(days=6)
    with pytest.raises(ApplicationError, match="po terminie"):
        opinion_give(
            request=request, actor=staff_user, verdict="positive", opinion_text="Popieramy", given_on=today
        )
    stored = OpinionRequest.objects.get(pk=request.pk)
    assert stored.status == OpinionStatus.AWAITING and stored.verdict == ""
    opinion_give(
        request=stored,
        actor=staff_user,
        verdict="remarks",
        opinion_text="Uwagi",
        given_on=today,
        late_note="Posiedzenie przełożone",
    )
    assert OpinionRequest.objects.get(pk=request.pk).status == OpinionStatus.GIVEN
    overdue = OpinionRequestFactory(
        centre=centre, body=body, received_on=today - timedelta(days=30), deadline=today - timedelta(days=1)
    )
    OpinionRequestFactory(centre=centre, body=body)
    assert opinions_waive_overdue(centre=centre) == 1
    assert OpinionRequest.objects.get(pk=overdue.pk).status == OpinionStatus.WAIVED


def test_reminder_goes_to_the_secretary_once(centre):
    body = BodyFactory(centre=centre)
    Member.objects.create(
        centre=centre,
        body=body,
        person_name="Sekretarz",
        role="secretary",
        email="sekretarz@example.org",
        from_date=warsaw_today(),
    )
    OpinionRequestFactory(centre=centre, body=body, deadline=warsaw_today() + timedelta(days=2))
    assert opinions_remind(centre=centre) == 1
    assert opinions_remind(centre=centre) == 0
    (message,) = OutboxMessage.objects.filter(event="opinion_due_to_secretary")
    assert message.to == ["sekretarz@example.org"]


def test_other_apps_see_opinions_meetings_and_indicators(centre):
    body = BodyFactory(centre=centre)
    OpinionRequestFactory(centre=centre, body=body, subject_ref="consultations:7")
    records = crossrefs.linked_records(centre, "consultations:7")
    assert [r.kind for r in records] == ["Rady i zespoły"]
    meeting = MeetingFactory(centre=centre, body=body, starts_at=timezone.now() + timedelta(days=1))
    source = portal.CALENDAR_SOURCES["councils"]
    entries = list(source.entries(centre, timezone.now(), timezone.now() + timedelta(days=3)))
    assert [e.url for e in entries] == [meeting.get_absolute_url()]
    sources = {s.key: s for s in indicators.indicator_sources_for(centre)}
    assert sources["councils.bodies_active"].value(centre, warsaw_today().year) == 1


def test_meeting_books_a_room_documents_are_checked_minutes_approved_later(centre, staff_user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from centrum.spaces.tests.factories import RoomFactory, next_open_day, slot

    from ..services import meeting_document_add, meeting_minutes, meeting_save

    body = BodyFactory(centre=centre)
    room = RoomFactory(centre=centre)
    start, end = slot(next_open_day(), 16, 18)
    meeting = meeting_save(
        body=body, actor=staff_user, data={"starts_at": start, "ends_at": end, "room": room}
    )
    assert meeting.booking is not None and meeting.booking.room == room
    with pytest.raises(ApplicationError):
        meeting_save(
            body=body, actor=staff_user, data={"starts_at": end, "ends_at": start, "address": "Rynek 1"}
        )
    with pytest.raises(ApplicationError):
        meeting_document_add(
            meeting=meeting, actor=staff_user, title="Zły", file=SimpleUploadedFile("a.pdf", b"<html>")
        )
    meeting_document_add(
        meeting=meeting, actor=staff_user, title="Projekt", file=SimpleUploadedFile("p.pdf", b"%PDF-1.4 x")
    )
    earlier = MeetingFactory(centre=centre, body=body)
    with pytest.raises(ApplicationError, match="następnych"):
        meeting_minutes(meeting=meeting, actor=staff_user, minutes="Protokół", approved_at=earlier)
    meeting_minutes(meeting=earlier, actor=staff_user, minutes="Protokół", approved_at=meeting)
    assert meeting.approved_minutes.get() == earlier


def test_staff_are_reminded_of_a_joint_request_near_its_deadline(centre):
    from ..services import requests_remind

    centre.email = "cop@example.org"
    centre.save()
    kind = KindFactory(centre=centre)
    JointRequest.objects.create(
        centre=centre, kind=kind, title="Wniosek", deadline=warsaw_today() + timedelta(days=10)
    )
    JointRequest.objects.create(
        centre=centre, kind=kind, title="Daleki", deadline=warsaw_today() + timedelta(days=50)
    )
    assert requests_remind(centre=centre) == 1
    assert requests_remind(centre=centre) == 0
    assert OutboxMessage.objects.filter(event="request_due_to_staff").count() == 1
