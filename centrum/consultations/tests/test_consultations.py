"""Consultations: kinds as data (minimum days per kind), the draft split from pasted Polish text or imported
from a programme, the e-mail to consulted organisations (one per address), comments only while open and signed
by a member, residents confirmed by e-mail, answers with a justification, all answered before the report, the
next version with its changes, the report's figures, co-creation into a draft, the jobs."""

from datetime import timedelta

import pytest

from centrum.accounts.tests.factories import UserFactory
from centrum.core.calendar import warsaw_today
from centrum.core.crossrefs import linked_records, resolve_subjects, subject_units
from centrum.core.exceptions import ApplicationError
from centrum.core.indicators import indicator_sources_for
from centrum.core.models import OutboxMessage
from centrum.core.workflow import workflow_apply
from centrum.organisations.models import ActivityArea
from centrum.organisations.tests.factories import OrganisationFactory

from ..choices import CommentStatus, ConsultationStatus
from ..drafting import split_draft, word_diff
from ..models import Comment, Consultation, ConsultationKind, Proposal, ProposalCall, Unit
from ..selectors import consultation_report, consultations_held, version_diff
from ..services import (
    comment_answer,
    comment_confirm,
    comment_for_token,
    comment_submit,
    consultation_save,
    consultations_close_due,
    consultations_open_due,
    kinds_ensure_defaults,
    reports_remind,
    team_produce_draft,
    team_save,
    unit_revise,
    units_import,
    units_paste,
    version_create,
)
from .factories import ConsultationFactory, KindFactory, UnitFactory, consultation_in_state

pytestmark = pytest.mark.django_db

RESOLUTION = """UCHWAŁA NR XII/123/2026 RADY MIASTA CZĘSTOCHOWY
w sprawie przyjęcia Rocznego programu współpracy
Rozdział 1
Postanowienia ogólne
§ 1. 1. Program określa cele, zasady, przedmiot i formy współpracy Miasta z organizacjami pozarządowymi.
2. Ilekroć w programie jest mowa o:
1) ustawie – należy przez to rozumieć ustawę z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego
i o wolontariacie;
2) organizacjach – należy przez to rozumieć organizacje pozarządowe i podmioty z art. 3 ust. 3 ustawy.
§ 2. Celem głównym programu jest budowanie partnerstwa.
Rozdział 2
Zadania priorytetowe
§ 3. Priorytetowe zadania publiczne obejmują:
1) pomoc społeczną;
2) kulturę, sztukę i ochronę dóbr kultury."""


def test_pasted_resolution_splits_into_chapters_paragraphs_sections_and_points():
    units = split_draft(RESOLUTION)
    numbers = [u.number for u in units]
    assert numbers == [
        "",
        "Rozdział 1",
        "§ 1 ust. 1",
        "§ 1 ust. 2",
        "§ 1 ust. 2 pkt 1",
        "§ 1 ust. 2 pkt 2",
        "§ 2",
        "Rozdział 2",
        "§ 3",
        "§ 3 pkt 1",
        "§ 3 pkt 2",
    ]
    assert units[1].heading == "Postanowienia ogólne" and units[7].heading == "Zadania priorytetowe"
    assert units[4].text.endswith("i o wolontariacie;")  # a continued line stays with its point
    assert [op for op, _w in word_diff("a b c", "a x c")] == ["same", "removed", "added", "same"]


def test_three_kinds_seeded_once_and_the_minimum_days_are_the_kinds(centre, staff_user):
    assert kinds_ensure_defaults(centre=centre, actor=staff_user) == 3
    assert kinds_ensure_defaults(centre=centre, actor=staff_user) == 0
    residents = ConsultationKind.objects.get(centre=centre, commenters="residents")
    assert residents.min_days == 14 and "5a" in residents.legal_basis
    today = warsaw_today()
    data = {
        "kind": residents,
        "title": "Budżet obywatelski",
        "consulted_group": "residents",
        "starts_on": today,
        "ends_on": today + timedelta(days=10),
    }
    with pytest.raises(ApplicationError, match="co najmniej 14 dni"):
        consultation_save(centre=centre, actor=staff_user, data=data)
    assert not Consultation.objects.exists()
    residents.min_days = 7
    residents.save()
    assert consultation_save(centre=centre, actor=staff_user, data=data).pk


def test_only_the_officer_writes_and_forms_follow_the_kind(centre, staff_user, org_admin):
    kind = KindFactory(centre=centre, allows_survey=False)
    today = warsaw_today()
    data = {"kind": kind, "title": "Projekt", "starts_on": today, "ends_on": today + timedelta(days=8)}
    with pytest.raises(ApplicationError, match="uprawnień"):
        consultation_save(centre=centre, actor=org_admin, data=data)
    with pytest.raises(ApplicationError, match="nie przewiduje"):
        consultation_save(
            centre=centre, actor=staff_user, data={**data, "form_survey": True, "survey_url": "https://a.pl"}
        )
    with pytest.raises(ApplicationError, match="sfery"):
        consultation_save(centre=centre, actor=staff_user, data={**data, "consulted_group": "fields"})
    assert not Consultation.objects.exists()


def test_the_meeting_books_a_room_through_the_rooms_app(centre, staff_user):
    from centrum.spaces.models import Booking
    from centrum.spaces.tests.factories import RoomFactory, next_open_day, slot

    room = RoomFactory(centre=centre)
    day = next_open_day()
    start, end = slot(day, 17, 19)
    kind = KindFactory(centre=centre)
    consultation = consultation_save(
        centre=centre,
        actor=staff_user,
        data={
            "kind": kind,
            "title": "Projekt",
            "starts_on": day - timedelta(days=1),
            "ends_on": day + timedelta(days=8),
            "form_meeting": True,
            "meeting_room": room,
            "meeting_starts_at": start,
            "meeting_ends_at": end,
        },
    )
    booking = Booking.objects.get()
    assert consultation.meeting_booking == booking and booking.room == room and booking.starts_at == start


def test_paste_and_import_the_programme_draft(centre, staff_user):
    from centrum.programmes.tests.factories import ProgrammeFactory, ProgrammeTaskFactory

    consultation = ConsultationFactory(centre=centre)
    assert units_paste(consultation=consultation, actor=staff_user, text=RESOLUTION) == 11
    with pytest.raises(ApplicationError, match="Wklej"):
        units_paste(consultation=consultation, actor=staff_user, text="   ")
    programme = ProgrammeFactory(
        centre=centre, status="draft", objectives="Partnerstwo", scope="Sfery z art. 4"
    )
    ProgrammeTaskFactory(programme=programme, centre=centre, title="Pomoc społeczna")
    ref = f"programmes:{programme.pk}"
    assert resolve_subjects(centre, [ref])[ref].title == programme.title
    assert [u.number for u in subject_units(centre, ref)] == ["§ 1", "§ 3", "§ 5", "§ 5 pkt 1"]
    consultation.subject_ref = ref
    consultation.save()
    assert units_import(consultation=consultation, actor=staff_user) == 4
    assert list(Unit.objects.filter(consultation=consultation).values_list("number", flat=True)) == [
        "§ 1",
        "§ 3",
        "§ 5",
        "§ 5 pkt 1",
    ]
    workflow_apply(obj=consultation, action="open", actor=staff_user)
    assert [r.title for r in linked_records(centre, ref)] == [consultation.title]


def test_opening_mails_each_consulted_address_once(centre, staff_user):
    culture, sport = ActivityArea.objects.filter(code__in=["16", "17"]).order_by("code")
    a = OrganisationFactory(centre=centre, email="wspolny@example.org")
    a.areas.set([culture])
    b = OrganisationFactory(centre=centre, email="WSPOLNY@example.org")
    b.areas.set([culture])
    c = OrganisationFactory(centre=centre, email="sport@example.org")
    c.areas.set([sport])
    consultation = ConsultationFactory(centre=centre, consulted_group="fields")
    consultation.areas.set([culture])
    with pytest.raises(ApplicationError, match="treść projektu"):
        workflow_apply(obj=consultation, action="open", actor=staff_user)
    UnitFactory(consultation=consultation, centre=centre)
    workflow_apply(obj=consultation, action="open", actor=staff_user)
    assert [m.to for m in OutboxMessage.objects.all()] == [["wspolny@example.org"]]


def test_comments_only_while_open_signed_by_a_member(centre, organisation, org_member, plain_user):
    consultation = consultation_in_state(centre=centre, state="open", comments=0)
    unit = consultation.units.first()
    stranger = UserFactory()
    with pytest.raises(ApplicationError, match="członek"):
        comment_submit(
            consultation=consultation,
            actor=stranger,
            organisation=organisation,
            proposal="x",
            justification="y",
        )
    with pytest.raises(ApplicationError, match="Uzasadnij"):
        comment_submit(
            consultation=consultation,
            actor=org_member,
            organisation=organisation,
            proposal="x",
            justification=" ",
        )
    comment = comment_submit(
        consultation=consultation,
        actor=org_member,
        organisation=organisation,
        unit=unit,
        proposal="Nowe brzmienie",
        justification="Bo tak",
    )
    assert comment.status == CommentStatus.SUBMITTED and comment.current_wording == unit.text
    ended = consultation_in_state(
        centre=centre, state="open", comments=0, ends_on=warsaw_today() - timedelta(days=1)
    )
    with pytest.raises(ApplicationError, match="zakończyły"):
        comment_submit(
            consultation=ended, actor=org_member, organisation=organisation, proposal="x", justification="y"
        )
    future = consultation_in_state(centre=centre, state="draft", comments=0)
    with pytest.raises(ApplicationError, match="nie rozpoczęły"):
        comment_submit(
            consultation=future, actor=org_member, organisation=organisation, proposal="x", justification="y"
        )
    assert Comment.objects.count() == 1


def test_a_resident_without_an_account_confirms_by_email(centre, other_centre):
    from django.urls import resolve

    consultation = consultation_in_state(centre=centre, state="open", comments=0)
    comment = comment_submit(
        consultation=consultation,
        actor=None,
        author_name="Jan Nowak",
        author_email="jan@example.org",
        proposal="x",
        justification="y",
    )
    assert comment.status == CommentStatus.UNCONFIRMED
    mail = OutboxMessage.objects.get()
    assert mail.to == ["jan@example.org"]
    path = next(line for line in mail.body.splitlines() if "/potwierdz/" in line).split(
        centre.primary_host, 1
    )[1]
    token = resolve(path).kwargs["token"]
    with pytest.raises(ApplicationError, match="nieprawidłowy"):
        comment_for_token(centre=centre, token=token + "x")
    assert comment_for_token(centre=other_centre, token=token) is None
    assert (
        comment_confirm(comment=comment_for_token(centre=centre, token=token)).status
        == CommentStatus.SUBMITTED
    )
    organisations_only = consultation_in_state(
        centre=centre, state="open", comments=0, kind=KindFactory(centre=centre, commenters="organisations")
    )
    with pytest.raises(ApplicationError, match="organizacje"):
        comment_submit(
            consultation=organisations_only,
            actor=None,
            author_name="Jan",
            author_email="jan@example.org",
            proposal="x",
            justification="y",
        )


def test_answers_need_a_justification_and_all_before_the_report(centre, staff_user, organisation):
    consultation = consultation_in_state(centre=centre, state="closed", organisation=organisation, comments=2)
    first, second = consultation.comments.order_by("id")
    with pytest.raises(ApplicationError, match="Uzasadnij"):
        comment_answer(comment=first, actor=staff_user, outcome="accept", answer="  ")
    first.refresh_from_db()
    assert first.status == CommentStatus.SUBMITTED and first.answer == ""
    comment_answer(comment=first, actor=staff_user, outcome="accept", answer="Dopisano.")
    with pytest.raises(ApplicationError, match="bez odpowiedzi: 1"):
        workflow_apply(obj=consultation, action="answered", actor=staff_user)
    comment_answer(comment=second, actor=staff_user, outcome="reject", answer="Niezgodne z ustawą.")
    workflow_apply(obj=consultation, action="answered", actor=staff_user)
    workflow_apply(obj=consultation, action="publish_report", actor=staff_user)
    report = consultation_report(consultation)
    assert report.total == 2 and report.organisations == [organisation.name]
    assert "uwzględniono 1" in report.justification_text and "nie uwzględniono 1" in report.justification_text


def test_the_next_version_records_which_comment_changed_what(centre, staff_user, organisation):
    consultation = consultation_in_state(centre=centre, state="closed", organisation=organisation)
    comment = consultation.comments.get()
    with pytest.raises(ApplicationError, match="najnowszą"):
        unit_revise(unit=consultation.units.first(), actor=staff_user, text="x")
    consultation = version_create(consultation=consultation, actor=staff_user)
    assert consultation.version == 2 and consultation.units.filter(version=2).count() == 2
    unit = consultation.units.get(version=2, position=1)
    unit_revise(
        unit=unit,
        actor=staff_user,
        text=unit.text + " oraz coroczne spotkanie",
        comments=[comment],
        note="Dopisano",
    )
    rows = version_diff(consultation, 1, 2)
    assert rows[0]["changed"] and rows[0]["comments"] == [comment] and not rows[1]["changed"]
    assert ("added", "oraz coroczne spotkanie") in rows[0]["pieces"]


def test_jobs_open_and_close_on_their_days_and_the_indicator_counts(centre):
    today = warsaw_today()
    due = consultation_in_state(
        centre=centre, state="draft", starts_on=today, ends_on=today + timedelta(days=10)
    )
    ended = consultation_in_state(
        centre=centre, state="open", starts_on=today - timedelta(days=10), ends_on=today - timedelta(days=1)
    )
    assert consultations_open_due(centre=centre) == 1 and consultations_close_due(centre=centre) == 1
    due.refresh_from_db()
    ended.refresh_from_db()
    assert due.status == ConsultationStatus.OPEN and ended.status == ConsultationStatus.CLOSED
    assert consultations_held(centre, ended.ends_on.year) == 1
    assert "consultations.held" in {s.key for s in indicator_sources_for(centre)}


def test_the_report_deadline_is_the_kinds_and_its_reminder_goes_once(centre, staff_user):
    today = warsaw_today()
    centre.email = "cop@example.org"
    centre.save(update_fields=["email"])
    kind = KindFactory(centre=centre, report_days=21)
    ended = {"kind": kind, "starts_on": today - timedelta(days=30)}
    # Due in 21 - 16 = 5 days (within the default 7 days ahead); due in 21 days (not yet); overdue.
    near = consultation_in_state(centre=centre, state="closed", ends_on=today - timedelta(days=16), **ended)
    later = consultation_in_state(centre=centre, state="answered", ends_on=today - timedelta(days=1), **ended)
    late = consultation_in_state(
        centre=centre, state="answered", ends_on=today - timedelta(days=25), created_by=staff_user, **ended
    )
    done = consultation_in_state(centre=centre, state="reported", ends_on=today - timedelta(days=25), **ended)
    assert near.report_due_on == near.ends_on + timedelta(days=21)

    assert reports_remind(centre=centre) == 2
    mails = {m.subject: m for m in OutboxMessage.objects.filter(centre=centre)}
    assert len(mails) == 2 and all(
        later.title not in subject and done.title not in subject for subject in mails
    )
    late_mail = next(m for subject, m in mails.items() if late.title in subject)
    assert "minął" in late_mail.body and set(late_mail.to) == {staff_user.email, "cop@example.org"}
    assert reports_remind(centre=centre) == 0  # once per consultation
    later.refresh_from_db()
    assert later.report_reminded_on is None


def test_a_team_turns_accepted_proposals_into_a_draft(centre, staff_user, organisation, org_member):
    from ..services import call_save, proposal_accept, proposal_submit

    kind = KindFactory(centre=centre)
    today = warsaw_today()
    call = call_save(
        centre=centre,
        actor=staff_user,
        data={"title": "Zadania 2027", "kind": kind, "ends_on": today + timedelta(days=5)},
    )
    kept = proposal_submit(
        call=call, actor=org_member, organisation=organisation, title="Seniorzy", text="Aktywizacja"
    )
    proposal_submit(call=call, actor=org_member, organisation=organisation, title="Sport", text="Ligi")
    team = team_save(
        call=call, actor=staff_user, name="Zespół ds. seniorów", members="Anna Kowalska – stowarzyszenie"
    )
    with pytest.raises(ApplicationError, match="Przyjmij"):
        team_produce_draft(
            team=team, actor=staff_user, title="Projekt", starts_on=today, ends_on=today + timedelta(days=10)
        )
    proposal_accept(proposal=kept, actor=staff_user, accepted=True)
    draft = team_produce_draft(
        team=team, actor=staff_user, title="Projekt", starts_on=today, ends_on=today + timedelta(days=10)
    )
    assert draft.status == ConsultationStatus.DRAFT and draft.team == team
    assert [(u.number, u.heading) for u in draft.units.all()] == [("pkt 1", "Seniorzy")]
    call.ends_on = today - timedelta(days=1)
    call.save()
    with pytest.raises(ApplicationError, match="zakończył"):
        proposal_submit(call=call, actor=org_member, organisation=organisation, title="x", text="y")
    assert Proposal.objects.count() == 2 and ProposalCall.objects.count() == 1


def test_a_double_click_makes_one_new_version(centre, staff_user, organisation):
    consultation = consultation_in_state(centre=centre, state="closed", organisation=organisation)
    stale = Consultation.objects.get(pk=consultation.pk)
    version_create(consultation=consultation, actor=staff_user)
    with pytest.raises(ApplicationError, match="wersję 2"):
        version_create(consultation=stale, actor=staff_user)
    assert Consultation.objects.get(pk=consultation.pk).version == 2
    assert Unit.objects.filter(consultation=consultation, version=3).count() == 0
