"""Tenancy over EVERY URL: another centre's object is a 404 (never its data, never a 500).

The test walks config.urls (recursively through includes, the JSON API included). For each pattern:

* with parameters: it creates, in `other_centre`, the object each URL parameter points at (see
  OBJECTS_BY_KWARG / OBJECTS_BY_URL below), puts its id into the URL and requests it with GET and POST
  (and PUT/PATCH/DELETE on the API) as a staff member of `centre`, as an ordinary signed-in user and
  anonymously. Allowed answers: 404, 405, a redirect to the login page (anonymous), 401 (anonymous,
  API), 403 (no role: only where the ordinary user gets the same 403 for the own centre's object, so
  the answer tells nothing about the id) and 422 (API body validation, which runs before the view).
  Never 2xx, another redirect, a 500, or the other centre's object's name in the page. One disclosure
  policy: a missing id, another centre's and one the user may not see are the same 404.
  As a control, the same URL with the *own* centre's object must not be a 404 for staff: that proves
  the mapping points at the right model (a wrong model would make the first check pass for nothing).
* without parameters: GET as staff and as an ordinary user; no page shows another centre's objects.

A NEW URL PARAMETER NEEDS A MAPPING: the test fails with a message naming the URL and the parameter.
Add it to OBJECTS_BY_KWARG (a name that means the same model everywhere, e.g. `organisation_pk`) or,
for `pk`/`id`/`slug` whose model depends on the URL, to OBJECTS_BY_URL keyed by the URL's full name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from centrum.accounts.tests.factories import UserFactory
from centrum.organisations.choices import OrganisationStatus
from centrum.organisations.tests.factories import OrganisationFactory


# --- what a URL parameter points at ------------------------------------------------------------------
# A factory takes the centre and a Ctx (the staff user making the requests, a unique label, the objects
# already made for earlier parameters of the same URL) and returns (object, value for the URL).
@dataclass
class Ctx:
    user: Any
    label: str
    made: dict[str, Any] = field(default_factory=dict)


Factory = Callable[[Any, Ctx], tuple[Any, Any]]


def _org(centre, ctx: Ctx, **extra):
    # nip="" : the factories' random_nip is broken at the time of writing (python-stdnum has no
    # nip.calc_check_digit); a blank NIP is valid and keeps this test independent of it.
    org = OrganisationFactory(centre=centre, name=f"Organizacja {ctx.label} {centre.slug}", nip="", **extra)
    return org


def _organisation(centre, ctx: Ctx):
    org = _org(centre, ctx, status=OrganisationStatus.ACTIVE)
    return org, org.pk


def _organisation_submitted_by_user(centre, ctx: Ctx):
    """`register_done` is shown only to the person who submitted the organisation."""
    org = _org(centre, ctx, status=OrganisationStatus.PENDING, submitted_by=ctx.user)
    return org, org.pk


def _organisation_of_url(ctx: Ctx):
    """The organisation an earlier `pk` or `organisation_pk` of the same URL points at (nested URLs), or None."""
    for key in ("pk", "organisation_pk"):
        org = ctx.made.get(key)
        if org is not None and org.__class__.__name__ == "Organisation":
            return org
    return None


def _membership(centre, ctx: Ctx):
    from centrum.accounts.tests.factories import MembershipFactory

    org = _organisation_of_url(ctx) or _org(centre, ctx)
    member = UserFactory(email=f"czlonek-{ctx.label}-{centre.slug}@example.org")
    membership = MembershipFactory(organisation=org, centre=centre, user=member)
    return membership, membership.pk


def _membership_invitation(centre, ctx: Ctx):
    from datetime import timedelta

    from django.utils import timezone

    from centrum.accounts.models import MembershipInvitation

    org = _organisation_of_url(ctx) or _org(centre, ctx)
    invitation = MembershipInvitation.objects.create(
        centre=centre,
        organisation=org,
        email=f"zaproszony-{ctx.label}-{centre.slug}@example.org",
        expires_at=timezone.now() + timedelta(days=7),
        invited_by=ctx.user,
    )
    return invitation, invitation


def _membership_invitation_pk(centre, ctx: Ctx):
    invitation, _ = _membership_invitation(centre, ctx)
    return invitation, invitation.pk


def _membership_invitation_token(centre, ctx: Ctx):
    invitation, _ = _membership_invitation(centre, ctx)
    return invitation, invitation.token


def _centre_role_invitation(centre, ctx: Ctx):
    from datetime import timedelta

    from django.utils import timezone

    from centrum.accounts.models import CentreRoleInvitation, CentreRoleKind

    invitation = CentreRoleInvitation.objects.create(
        centre=centre,
        email=f"zespol-{ctx.label}-{centre.slug}@example.org",
        role=CentreRoleKind.STAFF,
        expires_at=timezone.now() + timedelta(days=7),
        invited_by=ctx.user,
    )
    return invitation, invitation.pk


def _centre_role(centre, ctx: Ctx):
    from centrum.accounts.models import CentreRoleKind
    from centrum.accounts.tests.factories import CentreRoleFactory

    person = UserFactory(email=f"rola-{ctx.label}-{centre.slug}@example.org")
    role = CentreRoleFactory(centre=centre, user=person, role=CentreRoleKind.STAFF)
    return role, role.pk


def _api_token_of_user(centre, ctx: Ctx):
    """The requesting person's OWN token, but in `centre`: still a 404 on another centre's host."""
    import hashlib

    from centrum.accounts.models import ApiToken

    key = f"klucz-{ctx.label}-{centre.slug}"
    token = ApiToken.objects.create(
        user=ctx.user,
        centre=centre,
        name=f"Token {ctx.label} {centre.slug}",
        prefix=key[:8],
        key_hash=hashlib.sha256(key.encode()).hexdigest(),
    )
    return token, token.pk


def _import_batch(centre, ctx: Ctx):
    from django.core.files.base import ContentFile

    from centrum.organisations.models import ImportBatch

    batch = ImportBatch(centre=centre, original_name=f"import-{ctx.label}-{centre.slug}.csv")
    batch.file.save(f"import-{ctx.label}.csv", ContentFile(b"nazwa;krs\n"), save=False)
    batch.save()
    return batch, batch.pk


def _audited_organisation_content_type(centre, ctx: Ctx):
    """An organisation with an audit entry; the value is its content type (object_id follows)."""
    from django.contrib.contenttypes.models import ContentType

    from centrum.core.audit import audit_log

    org = _org(centre, ctx)
    audit_log(
        actor=ctx.user, obj=org, action="organisation.updated", reason=f"Powód {ctx.label} {centre.slug}"
    )
    return org, ContentType.objects.get_for_model(org).pk


def _audited_object_id(centre, ctx: Ctx):
    org = ctx.made.get("content_type_id")
    if org is None:
        org, _ct = _audited_organisation_content_type(centre, ctx)
    return org, org.pk


def _closed_day(centre, ctx: Ctx):
    from datetime import date, timedelta

    from centrum.core.models import CentreClosedDay

    day = CentreClosedDay.objects.create(
        centre=centre,
        date=date.today() + timedelta(days=40 + len(ctx.made)),
        reason=f"Remont {ctx.label} {centre.slug}",
    )
    return day, day.pk


def _opp_list_import(centre, ctx: Ctx):
    from centrum.organisations.models import OppListImport

    batch = OppListImport.objects.create(
        centre=centre,
        year=2025,
        original_name=f"wykaz-opp-{ctx.label}-{centre.slug}.csv",
        created_by=ctx.user,
    )
    return batch, batch.pk


# spaces (rooms, bookings, equipment, lets, loans)
def _room(centre, ctx: Ctx):
    from centrum.spaces.tests.factories import RoomFactory

    room = RoomFactory(centre=centre, name=f"Sala {ctx.label} {centre.slug}")
    return room, room.pk


def _booking(centre, ctx: Ctx, **extra):
    from centrum.spaces.tests.factories import BookingFactory

    room, _pk = _room(centre, ctx)
    org = _org(centre, ctx)
    fields = {"room": room, "centre": centre, "title": f"Spotkanie {ctx.label} {centre.slug}", **extra}
    if hasattr(BookingFactory._meta.model, "organisation"):
        fields.setdefault("organisation", org)
    if hasattr(BookingFactory._meta.model, "requested_by"):
        fields.setdefault("requested_by", ctx.user)
    booking = BookingFactory(**fields)
    return booking, booking.pk


def _waiting_entry(centre, ctx: Ctx):
    from centrum.spaces.models import WaitingListEntry
    from centrum.spaces.tests.factories import next_open_day, slot

    room, _pk = _room(centre, ctx)
    starts, ends = slot(next_open_day(weeks_ahead=2), 10, 12)
    entry = WaitingListEntry.objects.create(
        centre=centre,
        room=room,
        organisation=_org(centre, ctx),
        requested_by=ctx.user,
        starts_at=starts,
        ends_at=ends,
        title=f"Oczekujące {ctx.label} {centre.slug}",
    )
    return entry, entry.pk


def _room_let(centre, ctx: Ctx):
    from datetime import timedelta

    from centrum.spaces.models import RoomLet

    booking, _pk = _booking(centre, ctx)
    let = RoomLet.objects.create(
        centre=centre,
        room=booking.room,
        organisation=_org(centre, ctx),
        booking=booking,
        starts_on=booking.starts_at.date(),
        ends_on=booking.starts_at.date() + timedelta(days=365),
        agreement_number=f"NAJEM/{ctx.label}/{centre.slug}",
    )
    return let, let.pk


def _equipment(centre, ctx: Ctx):
    from centrum.spaces.tests.factories import EquipmentFactory

    item = EquipmentFactory(centre=centre, name=f"Rzutnik {ctx.label} {centre.slug}")
    return item, item.pk


def _loan(centre, ctx: Ctx, **extra):
    from datetime import date, timedelta

    from centrum.spaces.models import Loan

    loan = Loan.objects.create(
        centre=centre,
        number=f"WYP/{ctx.label}/{centre.slug}"[:30],
        organisation=_org(centre, ctx),
        requested_by=ctx.user,
        purpose=f"Festyn {ctx.label} {centre.slug}",
        starts_on=date.today() + timedelta(days=7),
        due_on=date.today() + timedelta(days=9),
        **extra,
    )
    return loan, loan.pk


def _equipment_use(centre, ctx: Ctx):
    from datetime import date

    from centrum.spaces.choices import EquipmentKind
    from centrum.spaces.models import EquipmentUse
    from centrum.spaces.tests.factories import EquipmentFactory

    item = EquipmentFactory(
        centre=centre, name=f"Kopiarka {ctx.label} {centre.slug}", kind=EquipmentKind.COPIER
    )
    use = EquipmentUse.objects.create(
        centre=centre,
        item=item,
        person_name=f"Osoba {ctx.label} {centre.slug}",
        used_on=date.today(),
        amount=3,
    )
    return use, use.pk


def _approved_loan(centre, ctx: Ctx):
    """The agreement PDF exists once a loan is approved."""
    from centrum.spaces.choices import LoanStatus

    return _loan(centre, ctx, status=LoanStatus.APPROVED)


def _loan_action(centre, ctx: Ctx):
    """A real action name, so a 404 comes from the centre check, not from an unknown action."""
    from centrum.spaces.views.loans import ACTIONS

    return ctx.made.get("pk"), sorted(ACTIONS)[0]


def _booking_action(centre, ctx: Ctx):
    """Attendance, so a 404 comes from the centre check, not from an unknown action."""
    return ctx.made.get("pk"), "attended"


def _waiting_action(centre, ctx: Ctx):
    return ctx.made.get("pk"), "withdraw"


def _let_action(centre, ctx: Ctx):
    return ctx.made.get("pk"), "end"


def _invitation_action(centre, ctx: Ctx):
    return ctx.made.get("pk"), "revoke"


def _organisation_action(centre, ctx: Ctx):
    """An action the organisation's state allows, so a 404 comes from the centre check."""
    return ctx.made.get("pk"), "suspend"


def _calendar_feed_token(centre, ctx: Ctx):
    from centrum.spaces.models import OrganisationCalendarFeed

    org = ctx.made.get("organisation_pk") or _org(centre, ctx)
    feed = OrganisationCalendarFeed.objects.create(centre=centre, organisation=org)
    return feed, feed.token


def _adviser(centre, ctx: Ctx):
    from centrum.advice.tests.factories import AdviserFactory, adviser_user

    adviser = AdviserFactory(
        centre=centre, user=adviser_user(centre, f"doradca-{ctx.label}-{centre.slug}@example.org")
    )
    return adviser, adviser.pk


def _advice_slot(centre, ctx: Ctx):
    from centrum.advice.tests.factories import monday_slot

    return None, monday_slot(11)[0].strftime("%Y-%m-%dT%H:%M")


def _appointment(centre, ctx: Ctx):
    from centrum.advice.tests.factories import AppointmentFactory

    adviser, _pk = _adviser(centre, ctx)
    appointment = AppointmentFactory(adviser=adviser, topic=f"Porada {ctx.label} {centre.slug}")
    return appointment, appointment.pk


def _programme(centre, ctx: Ctx):
    """A programme in consultation, with a task and a comment; its official is the requesting staff member in
    the own centre."""
    from centrum.accounts.models import CentreRole, CentreRoleKind
    from centrum.core.calendar import warsaw_today
    from centrum.programmes.models import ProgrammeComment
    from centrum.programmes.tests.factories import ProgrammeFactory, ProgrammeTaskFactory

    if ctx.label == "ours":
        CentreRole.objects.get_or_create(centre=centre, user=ctx.user, role=CentreRoleKind.OFFICIAL)
    today = warsaw_today()
    programme = ProgrammeFactory(
        centre=centre,
        title=f"Program {ctx.label} {centre.slug}",
        status="consultation",
        consultation_starts_on=today,
        consultation_ends_on=today,
    )
    task = ProgrammeTaskFactory(
        programme=programme, centre=centre, title=f"Zadanie {ctx.label} {centre.slug}"
    )
    ctx.made["task"] = task
    ProgrammeComment.objects.create(
        centre=centre, programme=programme, author=ctx.user, proposal=f"Uwaga {ctx.label} {centre.slug}"
    )
    return programme, programme.pk


def _programme_task(centre, ctx: Ctx):
    return ctx.made.get("task"), getattr(ctx.made.get("task"), "pk", 0)


def _programme_action(centre, ctx: Ctx):
    return ctx.made.get("pk"), "adopt"


def _programme_comment(centre, ctx: Ctx):
    programme, _pk = _programme(centre, ctx)
    comment = programme.comments.get()
    return comment, comment.pk


def _proposal(centre, ctx: Ctx):
    from centrum.core.calendar import warsaw_today
    from centrum.programmes.models import OwnInitiativeProposal

    _programme(centre, ctx)  # the official's role
    proposal = OwnInitiativeProposal.objects.create(
        centre=centre,
        organisation=_org(centre, ctx),
        submitted_by=ctx.user,
        title=f"Oferta {ctx.label} {centre.slug}",
        description="Opis",
        answer_due_on=warsaw_today(),
    )
    return proposal, proposal.pk


def _proposal_action(centre, ctx: Ctx):
    return ctx.made.get("pk"), "accept"


# consultations ---
def _consultation(centre, ctx: Ctx, state: str = "open"):
    """A consultation (open: its settings, text and answers pages all answer the officer) with a unit and an
    organisation's comment."""
    from centrum.consultations.tests.factories import consultation_in_state

    consultation = consultation_in_state(
        centre=centre,
        state=state,
        organisation=_org(centre, ctx),
        title=f"Konsultacje {ctx.label} {centre.slug}",
    )
    ctx.made["consultation_comment"] = consultation.comments.first()
    return consultation, consultation.pk


def _consultation_closed(centre, ctx: Ctx):
    return _consultation(centre, ctx, state="closed")


def _consultation_draft(centre, ctx: Ctx):
    return _consultation(centre, ctx, state="draft")


def _consultation_unit(centre, ctx: Ctx):
    consultation = ctx.made.get("pk")
    if consultation is None:
        consultation, _pk = _consultation_draft(centre, ctx)
    unit = consultation.units.first()
    return unit, unit.pk


def _consultation_comment(centre, ctx: Ctx):
    _consultation(centre, ctx)
    comment = ctx.made["consultation_comment"]
    return comment, comment.pk


def _consultation_kind(centre, ctx: Ctx):
    from centrum.consultations.tests.factories import KindFactory

    kind = KindFactory(centre=centre, name=f"Rodzaj konsultacji {ctx.label} {centre.slug}")
    return kind, kind.pk


def _consultation_call(centre, ctx: Ctx):
    from centrum.consultations.models import Proposal, ProposalCall, Team
    from centrum.consultations.tests.factories import KindFactory
    from centrum.core.calendar import warsaw_today

    call = ProposalCall.objects.create(
        centre=centre,
        title=f"Nabór {ctx.label} {centre.slug}",
        kind=KindFactory(centre=centre),
        ends_on=warsaw_today(),
    )
    ctx.made["consultation_proposal"] = Proposal.objects.create(
        centre=centre,
        call=call,
        organisation=_org(centre, ctx),
        title=f"Propozycja {ctx.label} {centre.slug}",
        text="x",
    )
    ctx.made["consultation_team"] = Team.objects.create(
        centre=centre, call=call, name=f"Zespół {ctx.label} {centre.slug}", members="Anna Kowalska"
    )
    return call, call.pk


def _consultation_proposal(centre, ctx: Ctx):
    _consultation_call(centre, ctx)
    return ctx.made["consultation_proposal"], ctx.made["consultation_proposal"].pk


def _consultation_team(centre, ctx: Ctx):
    _consultation_call(centre, ctx)
    return ctx.made["consultation_team"], ctx.made["consultation_team"].pk


def _consultation_confirm_token(centre, ctx: Ctx):
    from centrum.consultations.services.comments import CONFIRM_PURPOSE
    from centrum.consultations.tests.factories import CommentFactory, consultation_in_state
    from centrum.core.signed_links import signed_token

    consultation = consultation_in_state(centre=centre, state="open", comments=0)
    comment = CommentFactory(
        consultation=consultation,
        centre=centre,
        status="unconfirmed",
        proposal=f"Uwaga {ctx.label} {centre.slug}",
    )
    return comment, signed_token(CONFIRM_PURPOSE, comment.pk, version=str(comment.created_at.timestamp()))


def _initiative(centre, ctx: Ctx):
    """A signed local initiative filed by the requesting staff member, who is also the own centre's official;
    its contribution line for the line URLs."""
    from centrum.accounts.models import CentreRole, CentreRoleKind
    from centrum.initiatives.tests.factories import initiative_in_state

    if ctx.label == "ours":
        CentreRole.objects.get_or_create(centre=centre, user=ctx.user, role=CentreRoleKind.OFFICIAL)
    initiative = initiative_in_state(
        centre=centre, state="signed", leader=ctx.user, title=f"Inicjatywa {ctx.label} {centre.slug}"
    )
    ctx.made["initiative_line"] = initiative.contributions.get()
    return initiative, initiative.pk


def _initiative_line_kind(centre, ctx: Ctx):
    return ctx.made.get("pk"), "wklad"


def _initiative_line(centre, ctx: Ctx):
    line = ctx.made.get("initiative_line")
    return line, getattr(line, "pk", 0)


def _initiative_action(centre, ctx: Ctx):
    return ctx.made.get("pk"), "complete"


def _initiative_area(centre, ctx: Ctx):
    from centrum.initiatives.tests.factories import initiative_in_state

    _initiative(centre, ctx)  # the official's role
    area = initiative_in_state(centre=centre, state="draft").area
    area.name = f"Obszar {ctx.label} {centre.slug}"
    area.save()
    return area, area.pk


def _initiative_criterion_kind(centre, ctx: Ctx):
    return None, "kryterium"


def _initiative_criterion(centre, ctx: Ctx):
    from centrum.initiatives.models import Criterion

    _initiative(centre, ctx)  # the official's role and the criteria
    criterion = Criterion.objects.filter(centre=centre).order_by("-id").first()
    return criterion, criterion.pk


def _volunteers_world(centre, ctx: Ctx) -> dict:
    """The volunteer centre: a published offer of an organisation, a volunteer with an accepted application, its
    agreement (with an opinion) and a logged day, a public body, an abroad page, a guardian's consent scan. The
    requesting staff member is also the own centre's volunteer coordinator (who sees personal data)."""
    from django.core.files.base import ContentFile

    from centrum.accounts.models import CentreRole
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

    if "volunteers" in ctx.made:
        return ctx.made["volunteers"]
    if ctx.label == "ours":
        CentreRole.objects.get_or_create(centre=centre, user=ctx.user, role="coordinator")
    label = f"{ctx.label} {centre.slug}"
    host = host_of(_org(centre, ctx, status=OrganisationStatus.ACTIVE))
    offer = OfferFactory(centre=centre, host=host, title=f"Oferta {label}")
    volunteer = VolunteerFactory(centre=centre, full_name=f"Wolontariusz {label}")
    volunteer.guardian_consent_file.save("zgoda.pdf", ContentFile(b"%PDF-1.4 zgoda"), save=True)
    application = application_for(offer, volunteer, status="accepted")
    agreement = agreement_for(application)
    agreement.opinion = "Rzetelna praca"
    agreement.save()
    made = {
        "offer": offer,
        "volunteer": volunteer,
        "application": application,
        "agreement": agreement,
        "hours": hours_for(agreement),
        "host": host,
        "body": public_body(centre, name=f"Instytucja {label}"),
        "abroad": AbroadPage.objects.create(centre=centre, title=f"Za granicą {label}", body="<p>x</p>"),
    }
    ctx.made["volunteers"] = made
    return made


def _volunteers_object(key: str, action: str = "") -> Factory:
    def factory(centre, ctx: Ctx):
        if action:
            return ctx.made.get("pk"), action
        obj = _volunteers_world(centre, ctx)[key]
        return obj, obj.pk

    return factory


def _councils_object(key: str, action: str = "") -> Factory:
    """Councils: a body of a kind with a member, a meeting, an election with a candidate, an opinion request
    and a joint request, all named with the label."""

    def factory(centre, ctx: Ctx):
        if action:
            return ctx.made.get("pk"), action
        from django.core.files.base import ContentFile

        from centrum.councils.models import Candidate, JointRequest, MeetingDocument, Member
        from centrum.councils.tests.factories import (
            BodyFactory,
            ElectionFactory,
            MeetingFactory,
            OpinionRequestFactory,
        )

        label = f"{ctx.label} {centre.slug}"
        body = BodyFactory(centre=centre, name=f"Rada {label}")
        world = {"kind": body.kind, "body": body}
        world["member"] = Member.objects.create(
            centre=centre,
            body=body,
            person_name=f"Członek {label}",
            side="ngo",
            from_date=body.created_at.date(),
        )
        world["meeting"] = meeting = MeetingFactory(
            centre=centre,
            body=body,
            agenda=f"Porządek {label}",
            minutes_file=ContentFile(b"%PDF-", name="p.pdf"),
        )
        world["document"] = MeetingDocument.objects.create(
            centre=centre,
            meeting=meeting,
            title=f"Dokument {label}",
            file=ContentFile(b"%PDF-", name="d.pdf"),
        )
        world["election"] = election = ElectionFactory(centre=centre, body=body)
        world["candidate"] = Candidate.objects.create(
            centre=centre,
            election=election,
            organisation=_org(centre, ctx),
            person_name=f"Kandydat {label}",
            consent=True,
            nominated_by=ctx.user,
        )
        world["opinion"] = OpinionRequestFactory(
            centre=centre,
            body=body,
            subject_text=f"Opinia {label}",
            opinion_file=ContentFile(b"%PDF-", name="o.pdf"),
        )
        world["request"] = JointRequest.objects.create(
            centre=centre, kind=body.kind, title=f"Wniosek {label}"
        )
        obj = world[key]
        return obj, obj.pk

    return factory


def _survey(centre, ctx: Ctx):
    """An open survey of every kind of question (its builder, answer form, results and export)."""
    from centrum.surveys.tests.factories import survey_with_every_kind

    if "survey" not in ctx.made:
        ctx.made["survey"] = survey_with_every_kind(centre, title=f"Ankieta {ctx.label} {centre.slug}")
    survey = ctx.made["survey"]
    return survey, survey.pk


def _survey_question(centre, ctx: Ctx):
    survey, _pk = _survey(centre, ctx)
    question = survey.questions.first()
    return question, question.pk


def _survey_action(centre, ctx: Ctx):
    return ctx.made.get("pk"), "close"


def _news_item(centre, ctx: Ctx):
    """A news item waiting for moderation, with an image and a file for their remove URLs."""
    from django.core.files.base import ContentFile

    from centrum.news.models import NewsAttachment, NewsImage
    from centrum.news.tests.factories import NewsItemFactory

    item = NewsItemFactory(centre=centre, status="submitted", title=f"Aktualność {ctx.label} {centre.slug}")
    ctx.made["news_image"] = NewsImage.objects.create(
        centre=centre, news=item, image=ContentFile(b"x", name="x.png"), alt_text=f"Zdjęcie {ctx.label}"
    )
    ctx.made["news_file"] = NewsAttachment.objects.create(
        centre=centre, news=item, file=ContentFile(b"%PDF-", name="x.pdf"), name=f"Plik {ctx.label}"
    )
    return item, item.pk


def _news_image(centre, ctx: Ctx):
    _news_item(centre, ctx)
    return ctx.made["news_image"], ctx.made["news_image"].pk


def _news_file(centre, ctx: Ctx):
    _news_item(centre, ctx)
    return ctx.made["news_file"], ctx.made["news_file"].pk


def _news_event(centre, ctx: Ctx):
    from centrum.news.tests.factories import EventFactory

    event = EventFactory(centre=centre, title=f"Wydarzenie {ctx.label} {centre.slug}")
    return event, event.pk


def _news_action(centre, ctx: Ctx):
    return ctx.made.get("pk"), "approve"


def _error_report(centre, ctx: Ctx):
    from centrum.news.tests.factories import ErrorReportFactory

    report = ErrorReportFactory(centre=centre, message=f"Błąd {ctx.label} {centre.slug}")
    return report, report.pk


def _error_report_action(centre, ctx: Ctx):
    return ctx.made.get("pk"), "handle"


def _promotion_page(centre, ctx: Ctx):
    from centrum.promotion.tests.factories import OrganisationPageFactory

    page = OrganisationPageFactory(organisation=_org(centre, ctx, status=OrganisationStatus.ACTIVE))
    return page, page.pk


def _promotion_page_action(centre, ctx: Ctx):
    return ctx.made.get("pk"), "hide"


def _promotion_company(centre, ctx: Ctx):
    from centrum.promotion.tests.factories import CompanyFactory

    company = CompanyFactory(centre=centre, name=f"Firma {ctx.label} {centre.slug}", status="proposed")
    return company, company.pk


def _promotion_company_action(centre, ctx: Ctx):
    return ctx.made.get("pk"), "approve"


def _promotion_activation(centre, ctx: Ctx):
    from centrum.promotion.tests.factories import ActivationOfferFactory

    offer = ActivationOfferFactory(centre=centre, title=f"Oferta {ctx.label} {centre.slug}")
    return offer, offer.pk


def _nl_announcement(centre, ctx: Ctx):
    from django.core.files.base import ContentFile

    from centrum.newsletter.tests.factories import announcement_in_state

    announcement = announcement_in_state(centre=centre, subject=f"Komunikat {ctx.label} {centre.slug}")
    announcement.attachment.save("zalacznik.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    return announcement, announcement.pk


def _nl_announcement_action(centre, ctx: Ctx):
    return ctx.made.get("pk"), "send"


def _nl_subscriber(centre, ctx: Ctx):
    from centrum.newsletter.tests.factories import subscriber_in_state

    subscriber = subscriber_in_state(
        centre=centre, email=f"subskrybent-{ctx.label}@{centre.slug}.example.org"
    )
    return subscriber, subscriber.pk


def _nl_subscriber_action(centre, ctx: Ctx):
    return ctx.made.get("pk"), "unsubscribe"


def _nl_subscriber_token(purpose: str) -> Factory:
    def make(centre, ctx: Ctx):
        from centrum.newsletter.services import subscriber_token

        subscriber, _pk = _nl_subscriber(centre, ctx)
        return subscriber, subscriber_token(subscriber, purpose)

    return make


def _nl_attachment_token(centre, ctx: Ctx):
    from centrum.core.signed_links import signed_token
    from centrum.newsletter.services import ATTACHMENT

    announcement, pk = _nl_announcement(centre, ctx)
    return announcement, signed_token(ATTACHMENT, pk, version=str(announcement.created_at.timestamp()))


def _nl_stop_token(centre, ctx: Ctx):
    from centrum.core.signed_links import signed_token
    from centrum.newsletter.models import AnnouncementRecipient
    from centrum.newsletter.services import STOP

    announcement, _pk = _nl_announcement(centre, ctx)
    recipient = AnnouncementRecipient.objects.create(
        centre=centre,
        announcement=announcement,
        email=f"adresat-{ctx.label}-{centre.slug}@example.org".lower(),
        organisation_names="Organizacja",
    )
    return recipient, signed_token(STOP, recipient.pk, version=recipient.email)


def _evaluated_competition(centre, ctx: Ctx):
    """A competition in evaluation whose official is the requesting staff member in the own centre."""
    from centrum.accounts.models import CentreRoleKind
    from centrum.accounts.tests.factories import CentreRoleFactory
    from centrum.grants.tests.factories import CompetitionFactory

    if ctx.label == "ours":
        CentreRoleFactory(centre=centre, user=ctx.user, role=CentreRoleKind.OFFICIAL)
    competition = CompetitionFactory(
        centre=centre, status="evaluation", title=f"Konkurs {ctx.label} {centre.slug}"
    )
    return competition, competition.pk


def _evaluated_offer(centre, ctx: Ctx):
    """A formally accepted offer in that competition, declared for by the requesting member (own centre)."""
    from centrum.grants.models import CommissionMember, Declaration
    from centrum.grants.services.evaluation import commission_for
    from centrum.grants.tests.factories import OfferFactory

    competition, _pk = _evaluated_competition(centre, ctx)
    offer = OfferFactory(
        competition=competition, status="formally_accepted", title=f"Oferta {ctx.label} {centre.slug}"
    )
    if ctx.label == "ours":
        member = CommissionMember.objects.create(
            centre=centre,
            commission=commission_for(competition),
            user=ctx.user,
            full_name="Członek",
            email=ctx.user.email,
            side="official",
            status="appointed",
        )
        Declaration.objects.create(centre=centre, member=member, offer=offer, no_conflict=True)
    return offer, offer.pk


def _nominee(centre, ctx: Ctx):
    from centrum.grants.models import CommissionMember
    from centrum.grants.services.evaluation import commission_for

    competition, _pk = _evaluated_competition(centre, ctx)
    member = CommissionMember.objects.create(
        centre=centre,
        commission=commission_for(competition),
        full_name=f"Kandydat {ctx.label}",
        email=f"kandydat-{ctx.label}@example.org",
        side="ngo",
        status="nominated",
        nominated_by=_org(centre, ctx),
    )
    return member, member.pk


def _nominee_decision(centre, ctx: Ctx):
    return ctx.made.get("pk"), "appoint"


def _grants_offer(centre, ctx: Ctx):
    from centrum.accounts.models import MembershipRole
    from centrum.accounts.tests.factories import MembershipFactory
    from centrum.grants.tests.factories import OfferFactory

    offer = OfferFactory(
        competition__centre=centre, organisation=_org(centre, ctx), title=f"Oferta {ctx.label} {centre.slug}"
    )
    # The offer's page is its organisation's: the requesting user acts for it, so the control answers 200.
    MembershipFactory(user=ctx.user, organisation=offer.organisation, role=MembershipRole.ADMIN)
    return offer, offer.pk


def _grants_competition(centre, ctx: Ctx):
    from centrum.grants.tests.factories import CompetitionFactory

    competition = CompetitionFactory(centre=centre, title=f"Konkurs {ctx.label} {centre.slug}")
    return competition, competition.pk


def _grants_offer_action(centre, ctx: Ctx):
    return ctx.made.get("pk"), "withdraw"


def _appointment_token(centre, ctx: Ctx):
    from centrum.advice.services import cancel_link

    appointment, _pk = _appointment(centre, ctx)
    return appointment, cancel_link(appointment).rstrip("/").rsplit("/", 1)[-1]


def _appointment_action(centre, ctx: Ctx):
    return ctx.made.get("pk"), "cancel_by_centre"


def _office_hours(centre, ctx: Ctx):
    adviser, _pk = _adviser(centre, ctx)
    hours = adviser.office_hours.first()
    return hours, hours.pk


def _advice_assignment(centre, ctx: Ctx):
    from centrum.advice.tests.factories import AssignmentFactory

    adviser, _pk = _adviser(centre, ctx)
    assignment = AssignmentFactory(adviser=adviser, organisation=_org(centre, ctx))
    return assignment, assignment.pk


# trainings (trainings and events, sessions, registrations, stands)
def _training(centre, ctx: Ctx):
    from centrum.trainings.tests.factories import training_with_session

    training = training_with_session(centre, title=f"Szkolenie {ctx.label} {centre.slug}")
    return training, training.pk


def _training_session(centre, ctx: Ctx):
    training, _pk = _training(centre, ctx)
    session = training.sessions.get()
    return session, session.pk


def _training_registration(centre, ctx: Ctx):
    from centrum.trainings.tests.factories import RegistrationFactory

    training, _pk = _training(centre, ctx)
    registration = RegistrationFactory(training=training, user=ctx.user)
    return registration, registration.pk


def _training_registration_token(centre, ctx: Ctx):
    from centrum.trainings.services.notify import cancel_token

    registration, _pk = _training_registration(centre, ctx)
    return registration, cancel_token(registration)


def _training_exhibitor(centre, ctx: Ctx):
    from centrum.trainings.models import Exhibitor

    training, _pk = _training(centre, ctx)
    stand = Exhibitor.objects.create(
        centre=centre, training=training, organisation=_org(centre, ctx), stand="Stoisko"
    )
    return stand, stand.pk


def _training_action(centre, ctx: Ctx):
    return ctx.made.get("pk"), "cancel"


def _exhibitor_action(centre, ctx: Ctx):
    return ctx.made.get("pk"), "withdraw"


# addresses (agreements, mail, authorised persons)
def _address_agreement(centre, ctx: Ctx, **extra):
    from centrum.addresses.tests.factories import AgreementFactory

    org = ctx.made.get("organisation_pk") or _org(centre, ctx, status=OrganisationStatus.ACTIVE)
    agreement = AgreementFactory(
        centre=centre, organisation=org, number=f"AD/{ctx.label}/{centre.slug}"[:30], **extra
    )
    return agreement, agreement.pk


def _address_agreement_founding(centre, ctx: Ctx):
    """A founding group's agreement asked by the requesting user, so the transfer page is theirs to open."""
    from centrum.addresses.tests.factories import AgreementFactory

    agreement = AgreementFactory(
        centre=centre, founding_name=f"Zakładana {ctx.label} {centre.slug}", requested_by=ctx.user
    )
    return agreement, agreement.pk


def _address_agreement_ended(centre, ctx: Ctx):
    return _address_agreement(centre, ctx, status="ended")


def _address_agreement_action(centre, ctx: Ctx):
    return ctx.made.get("pk"), "terminate"


def _address_mail(centre, ctx: Ctx):
    from centrum.addresses.tests.factories import MailFactory

    agreement, _pk = _address_agreement(centre, ctx)
    mail = MailFactory(
        centre=centre,
        organisation=agreement.organisation,
        agreement=agreement,
        sender=f"Nadawca {ctx.label} {centre.slug}",
    )
    return mail, mail.pk


def _address_mail_scanned(centre, ctx: Ctx):
    from django.core.files.base import ContentFile

    mail, pk = _address_mail(centre, ctx)
    mail.scan.save("przesylka.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=True)
    return mail, pk


def _address_mail_action(centre, ctx: Ctx):
    return ctx.made.get("pk"), "return_to_sender"


def _authorised_person(centre, ctx: Ctx):
    from centrum.addresses.tests.factories import PersonFactory

    org = ctx.made.get("organisation_pk") or _org(centre, ctx)
    person = PersonFactory(
        centre=centre, organisation=org, full_name=f"Upoważniony {ctx.label} {centre.slug}"
    )
    return person, person.pk


# Parameter names that mean the same model in every URL.
def _competition(centre, ctx: Ctx):
    """A decided competition (every public page of it answers) whose official is the requesting staff
    member in the own centre (the desk's pages are for officials)."""
    from centrum.accounts.models import CentreRoleKind
    from centrum.accounts.tests.factories import CentreRoleFactory
    from centrum.grants.models import Competition
    from centrum.grants.tests.factories import competition_in_state

    if ctx.label == "ours":
        CentreRoleFactory(centre=centre, user=ctx.user, role=CentreRoleKind.OFFICIAL)
    competition = competition_in_state(
        centre=centre, state="evaluation", title=f"Konkurs {ctx.label} {centre.slug}"
    )
    Competition.objects.filter(pk=competition.pk).update(
        status="decided", results_published_at=competition.offers_deadline
    )
    competition.refresh_from_db()
    return competition, competition.pk


def _competition_action(centre, ctx: Ctx):
    return ctx.made.get("pk"), "void"


def _competition_export_what(centre, ctx: Ctx):
    return ctx.made.get("pk"), "oferty"


def _competition_export_fmt(centre, ctx: Ctx):
    return ctx.made.get("pk"), "csv"


def _reasons_request(centre, ctx: Ctx):
    from centrum.grants.models import ReasonsRequest
    from centrum.grants.tests.factories import OfferFactory

    competition, _pk = _competition(centre, ctx)
    offer = OfferFactory(
        competition=competition, status="not_selected", title=f"Oferta {ctx.label} {centre.slug}"
    )
    request = ReasonsRequest.objects.create(
        centre=centre,
        competition=competition,
        offer=offer,
        name=f"Wnioskodawca {ctx.label}",
        email="w@example.org",
        filed_at=competition.offers_deadline,
        answer_due_on=competition.selection_date,
    )
    return request, request.pk


# small_grants ---
def _small_grant(centre, ctx: Ctx):
    """A published art. 19a offer (its public page answers) of an organisation the requesting staff member
    administers, who is also the centre's official (the desk's pages), in the own centre."""
    from centrum.accounts.models import CentreRoleKind, MembershipRole
    from centrum.accounts.tests.factories import CentreRoleFactory, MembershipFactory
    from centrum.grants.tests.factories import small_grant

    organisation = _org(centre, ctx)
    if ctx.label == "ours":
        CentreRoleFactory(centre=centre, user=ctx.user, role=CentreRoleKind.OFFICIAL)
        MembershipFactory(user=ctx.user, organisation=organisation, role=MembershipRole.ADMIN)
    offer = small_grant(
        centre=centre,
        organisation=organisation,
        status="published",
        published_ago=2,
        title=f"Mały grant {ctx.label} {centre.slug}",
    )
    return offer, offer.pk


def _small_grant_draft(centre, ctx: Ctx):
    from centrum.accounts.models import MembershipRole
    from centrum.accounts.tests.factories import MembershipFactory
    from centrum.grants.tests.factories import small_grant

    organisation = _org(centre, ctx)
    if ctx.label == "ours":
        MembershipFactory(user=ctx.user, organisation=organisation, role=MembershipRole.ADMIN)
    offer = small_grant(centre=centre, organisation=organisation, title=f"Szkic {ctx.label} {centre.slug}")
    return offer, offer.pk


def _small_grant_purposeful(centre, ctx: Ctx):
    from centrum.accounts.models import CentreRoleKind
    from centrum.accounts.tests.factories import CentreRoleFactory
    from centrum.grants.tests.factories import small_grant

    if ctx.label == "ours":
        CentreRoleFactory(centre=centre, user=ctx.user, role=CentreRoleKind.OFFICIAL)
    offer = small_grant(
        centre=centre,
        organisation=_org(centre, ctx),
        status="purposeful",
        title=f"Celowa {ctx.label} {centre.slug}",
    )
    return offer, offer.pk


def _small_grant_comment(centre, ctx: Ctx):
    from django.utils import timezone

    from centrum.grants.models import SmallGrantComment

    offer, _pk = _small_grant(centre, ctx)
    comment = SmallGrantComment.objects.create(
        centre=centre, offer=offer, name=f"Mieszkaniec {ctx.label}", body="Uwaga", filed_at=timezone.now()
    )
    return comment, comment.pk


def _small_grant_action(centre, ctx: Ctx):
    return ctx.made.get("pk"), "withdraw"


# grants: contracts ---
def _grants_member_of(ctx: Ctx, organisation) -> None:
    from centrum.accounts.models import MembershipRole
    from centrum.accounts.tests.factories import MembershipFactory

    MembershipFactory(user=ctx.user, organisation=organisation, role=MembershipRole.ADMIN)


def _grants_short_offer(centre, ctx: Ctx):
    """A selected offer awarded less than it asked for (it needs an updated budget), of the user's
    organisation."""
    from decimal import Decimal

    from centrum.grants.tests.factories import OfferFactory

    offer = OfferFactory(
        competition__centre=centre,
        competition__status="decided",
        organisation=_org(centre, ctx),
        status="selected",
        awarded_grant=Decimal("8000.00"),
        title=f"Oferta {ctx.label} {centre.slug}",
    )
    _grants_member_of(ctx, offer.organisation)
    return offer, offer.pk


def _grants_budget_update(centre, ctx: Ctx):
    from centrum.grants.models import BudgetUpdate

    offer, _pk = _grants_short_offer(centre, ctx)
    update = BudgetUpdate.objects.create(
        centre=centre,
        offer=offer,
        start_date=offer.competition.task_start,
        end_date=offer.competition.task_start,
        grant=offer.awarded_grant,
        total_cost=offer.awarded_grant,
    )
    return update, update.pk


def _grants_update_action(centre, ctx: Ctx):
    return ctx.made.get("pk"), "submit"


def _grants_contract(centre, ctx: Ctx, **extra):
    from centrum.grants.tests.factories import ContractFactory

    contract = ContractFactory(centre=centre, organisation=_org(centre, ctx), **extra)
    _grants_member_of(ctx, contract.organisation)
    return contract, contract.pk


def _grants_contract_action(centre, ctx: Ctx):
    return ctx.made.get("pk"), "terminate"


def _grants_annex(centre, ctx: Ctx):
    from centrum.core.calendar import warsaw_today
    from centrum.grants.models import ContractAnnex

    contract, _pk = _grants_contract(centre, ctx, status="signed")
    annex = ContractAnnex.objects.create(
        centre=centre,
        contract=contract,
        number=1,
        concluded_on=warsaw_today(),
        description="Zmiana terminu",
        changes={"bank_account": "PL27114020040000300201355387"},
        checksum="ab" * 32,
    )
    return annex, annex.pk


def _grants_annex_action(centre, ctx: Ctx):
    return ctx.made.get("pk"), "sign"


OBJECTS_BY_KWARG: dict[str, Factory] = {
    "organisation_pk": _organisation,
    "organisation_id": _organisation,
    "room_id": _room,
    "room_pk": _room,
    "booking_id": _booking,
    "loan_id": _loan,
    "booking_pk": _booking,
    "membership_pk": _membership,
    "invitation_pk": _membership_invitation_pk,
    "batch_pk": _import_batch,
    "batch_id": _import_batch,
    "import_pk": _import_batch,
    "training_pk": _training,
    "agreement_id": _address_agreement,
    "mail_id": _address_mail,
    "competition_id": _competition,
}


# `pk`, `id`, `slug`, `token`… mean different models in different URLs: map them per URL name.
# reports ---
def _reports_official(centre, ctx: Ctx) -> None:
    """The requesting staff member is also the own centre's official (the pages are the official's)."""
    from centrum.accounts.models import CentreRole, CentreRoleKind

    if ctx.label == "ours":
        CentreRole.objects.get_or_create(centre=centre, user=ctx.user, role=CentreRoleKind.OFFICIAL)


def _reports_contract(centre, ctx: Ctx):
    from centrum.grants.tests.factories import contract_with_budget

    _reports_official(centre, ctx)
    contract = contract_with_budget(centre=centre, title=f"Umowa {ctx.label} {centre.slug}")
    return contract, contract.pk


def _reports_report(centre, ctx: Ctx):
    from centrum.grants.tests.factories import report_in_state

    _reports_official(centre, ctx)
    report = report_in_state(centre=centre, title=f"Umowa {ctx.label} {centre.slug}")
    return report, report.pk


def _reports_report_action(centre, ctx: Ctx):
    return ctx.made.get("pk"), "submit"


def _reports_return(centre, ctx: Ctx):
    from decimal import Decimal

    from centrum.core.calendar import warsaw_today
    from centrum.grants.models import GrantReturn

    contract, _pk = _reports_contract(centre, ctx)
    row = GrantReturn.objects.create(
        centre=centre, contract=contract, amount=Decimal("10"), due_on=warsaw_today()
    )
    return row, row.pk


def _reports_control(centre, ctx: Ctx):
    from django.core.files.base import ContentFile

    from centrum.core.calendar import warsaw_today
    from centrum.grants.models import Control

    contract, _pk = _reports_contract(centre, ctx)
    control = Control.objects.create(
        centre=centre,
        contract=contract,
        phase="during",
        scope="Zakres",
        planned_on=warsaw_today(),
        controllers="Kontrolujący",
        protocol_on=warsaw_today(),
        findings="Ustalenia",
    )
    control.protocol_file.save("protokol.pdf", ContentFile(b"%PDF-1.4 protokol"), save=True)
    return control, control.pk


def _reports_recommendation(centre, ctx: Ctx):
    from datetime import timedelta

    from centrum.core.calendar import warsaw_today
    from centrum.grants.models import ControlRecommendation

    control, _pk = _reports_control(centre, ctx)
    row = ControlRecommendation.objects.create(
        centre=centre, control=control, text="Zalecenie", due_on=warsaw_today() + timedelta(days=5)
    )
    return row, row.pk


def _knowledge_practice(centre, ctx: Ctx):
    """A published good practice with an attachment (a real PDF) for the attachment's URL."""
    from django.core.files.base import ContentFile

    from centrum.knowledge.models import PracticeAttachment
    from centrum.knowledge.tests.factories import PDF, PracticeFactory

    practice = PracticeFactory(centre=centre, title=f"Praktyka {ctx.label} {centre.slug}")
    attachment = PracticeAttachment(
        centre=centre, practice=practice, title=f"Załącznik {ctx.label}", extension="pdf"
    )
    attachment.file.save("a.pdf", ContentFile(PDF), save=False)
    attachment.save()
    ctx.made["knowledge_attachment"] = attachment
    return practice, practice.pk


def _knowledge_attachment(centre, ctx: Ctx):
    attachment = ctx.made.get("knowledge_attachment")
    return attachment, getattr(attachment, "pk", 0)


def _knowledge_practice_action(centre, ctx: Ctx):
    return None, "archive"


def _knowledge_leader(centre, ctx: Ctx):
    from centrum.accounts.tests.factories import UserFactory
    from centrum.knowledge.tests.factories import LeaderFactory

    leader = LeaderFactory(centre=centre, user=UserFactory(), display_name=f"Lider {ctx.label} {centre.slug}")
    return leader, leader.pk


def _knowledge_article(centre, ctx: Ctx):
    from centrum.knowledge.tests.factories import ArticleFactory

    article = ArticleFactory(centre=centre, title=f"Artykuł {ctx.label} {centre.slug}")
    ctx.made["knowledge_category"] = article.category
    return article, article.pk


def _knowledge_article_action(centre, ctx: Ctx):
    return None, "unpublish"


def _knowledge_category(centre, ctx: Ctx):
    from centrum.knowledge.tests.factories import CategoryFactory

    category = CategoryFactory(
        centre=centre, slug=f"kat-{ctx.label}", name=f"Kategoria {ctx.label} {centre.slug}"
    )
    return category, category.slug


def _knowledge_document(centre, ctx: Ctx):
    from django.core.files.base import ContentFile

    from centrum.core.calendar import warsaw_today
    from centrum.knowledge.models import Document
    from centrum.knowledge.tests.factories import PDF

    document = Document(
        centre=centre,
        kind="research",
        title=f"Dokument {ctx.label} {centre.slug}",
        published_on=warsaw_today(),
        extension="pdf",
    )
    document.file.save("d.pdf", ContentFile(PDF), save=False)
    document.save()
    return document, document.pk


def _knowledge_call(centre, ctx: Ctx):
    from centrum.knowledge.tests.factories import FundingCallFactory

    call = FundingCallFactory(centre=centre, title=f"Nabór {ctx.label} {centre.slug}")
    return call, call.pk


OBJECTS_BY_URL: dict[tuple[str, str], Factory] = {
    ("organisations:detail", "pk"): _organisation,
    ("programmes:detail", "pk"): _programme,
    ("api:programme", "programme_id"): _programme,
    ("programmes:edit", "pk"): _programme,
    ("programmes:task_new", "pk"): _programme,
    ("programmes:task_delete", "pk"): _programme,
    ("programmes:task_delete", "task_pk"): _programme_task,
    ("programmes:action", "pk"): _programme,
    ("programmes:action", "action"): _programme_action,
    ("programmes:comment_new", "pk"): _programme,
    ("programmes:comment_answer", "pk"): _programme_comment,
    ("programmes:proposal", "pk"): _proposal,
    ("programmes:proposal_action", "pk"): _proposal,
    ("programmes:proposal_action", "action"): _proposal_action,
    # consultations
    **{
        (f"consultations:{name}", "pk"): _consultation
        for name in (
            "detail",
            "edit",
            "units",
            "action",
            "comment_new",
            "comment_public",
            "export",
            "answers",
        )
    },
    **{
        (f"consultations:{name}", "pk"): _consultation_closed
        for name in ("versions", "version_new", "report", "report_pdf", "report_docx")
    },
    ("consultations:action", "action"): lambda centre, ctx: (ctx.made.get("pk"), "close"),
    ("api:get_consultation", "pk"): _consultation,
    ("api:consultation_comment", "consultation_id"): _consultation,
    ("consultations:unit_delete", "pk"): _consultation_draft,
    ("consultations:unit_delete", "unit_pk"): _consultation_unit,
    ("consultations:unit_revise", "pk"): _consultation_unit,
    ("consultations:comment_action", "pk"): _consultation_comment,
    ("consultations:comment_action", "action"): lambda centre, ctx: (ctx.made.get("pk"), "accept"),
    ("consultations:confirm", "token"): _consultation_confirm_token,
    ("consultations:kind_edit", "pk"): _consultation_kind,
    **{(f"consultations:{name}", "pk"): _consultation_call for name in ("call", "proposal_new", "team_new")},
    ("consultations:proposal_decide", "pk"): _consultation_proposal,
    ("consultations:team_draft", "pk"): _consultation_team,
    # knowledge platform
    **{
        (f"knowledge:{name}", "pk"): _knowledge_practice
        for name in ("practice", "practice_edit", "attachment", "attachment_new", "practice_action")
    },
    ("knowledge:attachment", "attachment_pk"): _knowledge_attachment,
    ("knowledge:practice_action", "action"): _knowledge_practice_action,
    ("knowledge:leader", "pk"): _knowledge_leader,
    ("knowledge:article", "pk"): _knowledge_article,
    ("knowledge:article_edit", "pk"): _knowledge_article,
    ("knowledge:article_action", "pk"): _knowledge_article,
    ("knowledge:article_action", "action"): _knowledge_article_action,
    ("knowledge:category", "slug"): _knowledge_category,
    ("knowledge:document_file", "pk"): _knowledge_document,
    ("knowledge:call", "pk"): _knowledge_call,
    ("knowledge:call_edit", "pk"): _knowledge_call,
    ("api:get_practice", "pk"): _knowledge_practice,
    # local initiatives
    **{
        (f"initiatives:{name}", "pk"): _initiative
        for name in (
            "detail",
            "edit",
            "member_new",
            "contribution_new",
            "line_delete",
            "action",
            "assess",
            "agreement",
            "schedule_new",
            "cost_new",
            "agreement_pdf",
            "completion",
        )
    },
    ("initiatives:line_delete", "kind"): _initiative_line_kind,
    ("initiatives:line_delete", "line_pk"): _initiative_line,
    ("initiatives:action", "action"): _initiative_action,
    ("initiatives:area_edit", "pk"): _initiative_area,
    ("initiatives:rules_line_delete", "kind"): _initiative_criterion_kind,
    ("initiatives:rules_line_delete", "pk"): _initiative_criterion,
    # the volunteer centre
    **{
        (f"volunteers:{name}", "pk"): _volunteers_object("offer")
        for name in ("offer", "offer_action", "apply", "introduce", "offer_edit", "shift_new")
    },
    ("volunteers:offer_action", "action"): _volunteers_object("offer", "close"),
    ("api:volunteer_offer_detail", "pk"): _volunteers_object("offer"),
    **{
        (f"volunteers:{name}", "pk"): _volunteers_object("abroad")
        for name in ("abroad_detail", "abroad_edit")
    },
    **{
        (f"volunteers:{name}", "pk"): _volunteers_object("application")
        for name in ("application", "application_action", "agreement_edit")
    },
    ("volunteers:application_action", "action"): _volunteers_object("application", "withdraw"),
    **{
        (f"volunteers:{name}", "pk"): _volunteers_object("agreement")
        for name in ("agreement", "hours_new", "opinion", "agreement_pdf", "certificate_pdf", "opinion_pdf")
    },
    ("volunteers:hours_action", "pk"): _volunteers_object("hours"),
    ("volunteers:hours_action", "action"): _volunteers_object("hours", "confirm"),
    ("volunteers:contribution", "pk"): _volunteers_object("host"),
    ("volunteers:volunteer", "pk"): _volunteers_object("volunteer"),
    ("volunteers:consent_file", "pk"): _volunteers_object("volunteer"),
    ("volunteers:body_edit", "pk"): _volunteers_object("body"),
    # news, the events calendar, error reports
    **{
        (f"news:{name}", "pk"): _news_item
        for name in ("detail", "edit", "action", "image_add", "attachment_add")
    },
    ("news:action", "action"): _news_action,
    ("news:image_remove", "pk"): _news_image,
    ("news:attachment_remove", "pk"): _news_file,
    ("news:image", "pk"): _news_image,
    ("news:attachment", "pk"): _news_file,
    **{(f"events:{name}", "pk"): _news_event for name in ("detail", "edit", "action", "ics")},
    ("events:action", "action"): _news_action,
    ("reports:action", "pk"): _error_report,
    ("reports:action", "action"): _error_report_action,
    ("api:news_item", "pk"): _news_item,
    ("api:news_event", "pk"): _news_event,
    # promotion
    ("promotion:page_action", "pk"): _promotion_page,
    ("promotion:page_action", "action"): _promotion_page_action,
    **{
        (f"promotion:{name}", "pk"): _promotion_company
        for name in ("company_detail", "company_edit", "company_action")
    },
    ("promotion:company_action", "action"): _promotion_company_action,
    **{
        (f"promotion:{name}", "pk"): _promotion_activation
        for name in ("activation_detail", "activation_edit", "activation_delete")
    },
    ("api:promotion_company", "pk"): _promotion_company,
    ("api:promotion_activation_offer", "pk"): _promotion_activation,
    # surveys
    **{
        (f"surveys:{name}", "pk"): _survey
        for name in (
            "detail",
            "edit",
            "section_new",
            "question_new",
            "copy",
            "action",
            "answer",
            "results",
            "export",
        )
    },
    ("surveys:action", "action"): _survey_action,
    ("surveys:question_delete", "pk"): _survey_question,
    ("api:get_survey", "pk"): _survey,
    # newsletter
    **{
        (f"newsletter:{name}", "pk"): _nl_announcement
        for name in ("announcement", "announcement_edit", "recipients", "announcement_attachment", "action")
    },
    ("newsletter:action", "action"): _nl_announcement_action,
    ("newsletter:subscriber_action", "pk"): _nl_subscriber,
    ("newsletter:subscriber_action", "action"): _nl_subscriber_action,
    ("newsletter:confirm", "token"): _nl_subscriber_token("newsletter.confirm"),
    ("newsletter:manage", "token"): _nl_subscriber_token("newsletter.manage"),
    ("newsletter:unsubscribe", "token"): _nl_subscriber_token("newsletter.unsubscribe"),
    ("newsletter:attachment", "token"): _nl_attachment_token,
    ("newsletter:stop", "token"): _nl_stop_token,
    # grants: evaluation
    ("grants:evaluation", "pk"): _evaluated_competition,
    ("grants:commission_settings", "pk"): _evaluated_competition,
    ("grants:member_add", "pk"): _evaluated_competition,
    ("grants:scoring_close", "pk"): _evaluated_competition,
    ("grants:protocol_pdf", "pk"): _evaluated_competition,
    ("api:evaluation_competition_scores", "pk"): _evaluated_competition,
    ("grants:nominate", "pk"): _evaluated_competition,
    ("grants:nominee_decision", "pk"): _nominee,
    ("grants:nominee_decision", "decision"): _nominee_decision,
    ("grants:formal_check", "pk"): _evaluated_offer,
    ("grants:declare", "pk"): _evaluated_offer,
    ("grants:score", "pk"): _evaluated_offer,
    ("grants:decision", "pk"): _evaluated_offer,
    # small_grants ---
    ("grants:small_grant", "pk"): _small_grant,
    ("grants:small_grant_public", "pk"): _small_grant,
    ("grants:small_grant_pdf", "pk"): _small_grant,
    ("grants:small_grant_edit", "pk"): _small_grant_draft,
    ("grants:small_grant_check", "pk"): _small_grant_draft,
    ("grants:small_grant_action", "pk"): _small_grant,
    ("grants:small_grant_action", "action"): _small_grant_action,
    ("grants:small_grant_publish", "pk"): _small_grant_purposeful,
    ("grants:small_grant_contract", "pk"): _small_grant,
    ("grants:small_grant_comment_respond", "pk"): _small_grant_comment,
    ("api:small_grant_public_api", "offer_id"): _small_grant,
    ("api:small_grant_desk_api", "offer_id"): _small_grant,
    # grants: offers
    ("grants:offer", "pk"): _grants_offer,
    ("grants:offer_pdf", "pk"): _grants_offer,
    ("grants:offer_edit", "pk"): _grants_offer,
    ("grants:offer_check", "pk"): _grants_offer,
    ("grants:offer_action", "pk"): _grants_offer,
    ("grants:offer_action", "action"): _grants_offer_action,
    ("grants:offer_signed_file", "pk"): _grants_offer,
    ("grants:offer_share", "pk"): _grants_offer,
    ("grants:offer_comment", "pk"): _grants_offer,
    ("grants:offer_new", "competition_pk"): _grants_competition,
    ("api:offer_get", "offer_id"): _grants_offer,
    ("api:offer_put", "offer_id"): _grants_offer,
    ("api:offer_content", "offer_id"): _grants_offer,
    ("api:offer_file", "offer_id"): _grants_offer,
    ("api:competition_offers", "competition_id"): _grants_competition,
    ("organisations:edit", "pk"): _organisation,
    ("organisations:action", "pk"): _organisation,
    ("organisations:action", "action"): _organisation_action,
    ("organisations:register_done", "pk"): _organisation_submitted_by_user,
    ("organisations:organisation_krs_refresh", "pk"): _organisation,
    ("organisations:import_preview", "pk"): _import_batch,
    ("organisations:import_progress", "pk"): _import_batch,
    ("organisations:import_run", "pk"): _import_batch,
    ("organisations:opp_preview", "pk"): _opp_list_import,
    ("organisations:opp_apply", "pk"): _opp_list_import,
    ("accounts:api_token_revoke", "pk"): _api_token_of_user,
    ("accounts:team_role_remove", "pk"): _centre_role,
    ("accounts:team_invitation_action", "pk"): _centre_role_invitation,
    ("accounts:team_invitation_action", "action"): _invitation_action,
    ("accounts:members", "pk"): _organisation,
    ("accounts:member_role", "pk"): _organisation,
    ("accounts:member_remove", "pk"): _organisation,
    ("accounts:member_invitation_action", "pk"): _membership_invitation_pk,
    ("accounts:member_invitation_action", "action"): _invitation_action,
    ("accounts:invitation_accept", "token"): _membership_invitation_token,
    ("core:audit_object_history", "content_type_id"): _audited_organisation_content_type,
    ("core:audit_object_history", "object_id"): _audited_object_id,
    ("core:centre_closed_day_delete", "pk"): _closed_day,
    ("spaces:room_detail", "pk"): _room,
    ("spaces:room_ics", "pk"): _room,
    ("spaces:room_edit", "pk"): _room,
    ("spaces:booking_detail", "pk"): _booking,
    ("spaces:booking_approve", "pk"): _booking,
    ("spaces:booking_reject", "pk"): _booking,
    ("spaces:booking_cancel", "pk"): _booking,
    ("spaces:booking_reschedule", "pk"): _booking,
    ("spaces:booking_action", "pk"): _booking,
    ("spaces:booking_action", "action"): _booking_action,
    ("spaces:waiting_action", "pk"): _waiting_entry,
    ("spaces:waiting_action", "action"): _waiting_action,
    ("spaces:organisation_ics", "token"): _calendar_feed_token,
    ("spaces:equipment_edit", "pk"): _equipment,
    ("spaces:let_end", "pk"): _room_let,
    ("spaces:let_action", "pk"): _room_let,
    ("spaces:let_action", "action"): _let_action,
    ("spaces:loan_detail", "pk"): _loan,
    ("spaces:loan_agreement", "pk"): _approved_loan,
    ("spaces:loan_action", "pk"): _loan,
    ("spaces:loan_action", "action"): _loan_action,
    ("spaces:equipment_use_remove", "pk"): _equipment_use,
    ("advice:adviser_detail", "pk"): _adviser,
    ("advice:book", "pk"): _adviser,
    ("advice:book", "slot"): _advice_slot,
    ("advice:appointment_manage", "token"): _appointment_token,
    ("advice:appointment_detail", "pk"): _appointment,
    ("advice:appointment_log", "pk"): _appointment,
    ("advice:appointment_refer", "pk"): _appointment,
    ("advice:appointment_action", "pk"): _appointment,
    ("advice:appointment_action", "action"): _appointment_action,
    ("advice:adviser_edit", "pk"): _adviser,
    ("advice:adviser_hours", "pk"): _adviser,
    ("advice:office_hours_new", "pk"): _adviser,
    ("advice:absence_new", "pk"): _adviser,
    ("advice:office_hours_remove", "pk"): _office_hours,
    ("advice:assignment_detail", "pk"): _advice_assignment,
    ("advice:assignment_entry_new", "pk"): _advice_assignment,
    ("advice:assignment_finish", "pk"): _advice_assignment,
    ("advice:caretaker_organisation", "pk"): _organisation,
    ("trainings:detail", "pk"): _training,
    ("trainings:training_ics", "pk"): _training,
    ("trainings:register", "pk"): _training,
    ("trainings:stand_request", "pk"): _training,
    ("trainings:edit", "pk"): _training,
    ("trainings:participants", "pk"): _training,
    ("trainings:feedback_results", "pk"): _training,
    ("trainings:training_action", "pk"): _training,
    ("trainings:training_action", "action"): _training_action,
    ("trainings:registration_detail", "pk"): _training_registration,
    ("trainings:registration_action", "pk"): _training_registration,
    ("trainings:registration_action", "action"): _training_action,
    ("trainings:certificate", "pk"): _training_registration,
    ("trainings:feedback", "pk"): _training_registration,
    ("trainings:registration_cancel_link", "token"): _training_registration_token,
    ("trainings:session_edit", "pk"): _training_session,
    ("trainings:session_delete", "pk"): _training_session,
    ("trainings:attendance", "pk"): _training_session,
    ("trainings:attendance_pdf", "pk"): _training_session,
    ("trainings:exhibitor_action", "pk"): _training_exhibitor,
    ("trainings:exhibitor_action", "action"): _exhibitor_action,
    ("api:training_get", "training_id"): _training,
    ("api:training_registration_list", "training_id"): _training,
    ("api:training_register", "training_id"): _training,
    ("api:training_registration_cancel", "registration_id"): _training_registration,
    ("addresses:agreement_detail", "pk"): _address_agreement,
    ("addresses:agreement_action", "pk"): _address_agreement,
    ("addresses:agreement_action", "action"): _address_agreement_action,
    ("addresses:agreement_pdf", "pk"): _address_agreement,
    ("addresses:seat_consent_pdf", "pk"): _address_agreement,
    ("addresses:agreement_transfer", "pk"): _address_agreement_founding,
    ("addresses:agreement_krs_check", "pk"): _address_agreement_ended,
    ("addresses:mail_detail", "pk"): _address_mail,
    ("addresses:mail_action", "pk"): _address_mail,
    ("addresses:mail_action", "action"): _address_mail_action,
    ("addresses:mail_scan", "pk"): _address_mail_scanned,
    ("addresses:authorised_person_remove", "pk"): _authorised_person,
    # grants: competitions
    ("grants:competition", "pk"): _competition,
    ("grants:competition_pdf", "pk"): _competition,
    ("grants:competition_bip", "pk"): _competition,
    ("grants:results", "pk"): _competition,
    ("grants:results_pdf", "pk"): _competition,
    ("grants:reasons_request_new", "pk"): _competition,
    ("grants:competition_action", "pk"): _competition,
    ("grants:competition_action", "action"): _competition_action,
    ("grants:board", "pk"): _competition,
    ("grants:competition_edit", "pk"): _competition,
    ("grants:publications", "pk"): _competition,
    ("grants:competition_export", "pk"): _competition,
    ("grants:competition_export", "what"): _competition_export_what,
    ("grants:competition_export", "fmt"): _competition_export_fmt,
    ("grants:reasons_request", "pk"): _reasons_request,
    # grants: contracts
    ("grants:budget_update", "pk"): _grants_short_offer,
    ("grants:budget_update_action", "pk"): _grants_budget_update,
    ("grants:budget_update_action", "action"): _grants_update_action,
    ("grants:contract_new", "pk"): _grants_short_offer,
    ("grants:contract", "pk"): _grants_contract,
    ("grants:contract_pdf", "pk"): _grants_contract,
    ("grants:contract_edit", "pk"): _grants_contract,
    ("grants:contract_sign", "pk"): _grants_contract,
    ("grants:contract_action", "pk"): _grants_contract,
    ("grants:contract_action", "action"): _grants_contract_action,
    ("grants:annex_new", "pk"): _grants_contract,
    ("grants:annex_sign", "pk"): _grants_annex,
    ("grants:annex_action", "pk"): _grants_annex,
    ("grants:annex_action", "action"): _grants_annex_action,
    ("grants:annex_pdf", "pk"): _grants_annex,
    ("grants:competition_contracts", "pk"): _competition,
    ("api:contract_get", "contract_id"): _grants_contract,
    # reports ---
    ("grants:contract_reports", "pk"): _reports_contract,
    ("grants:report_start", "pk"): _reports_contract,
    ("grants:report_demand", "pk"): _reports_contract,
    ("grants:contract_settle", "pk"): _reports_contract,
    ("grants:control_new", "pk"): _reports_contract,
    ("grants:report", "pk"): _reports_report,
    ("grants:report_edit", "pk"): _reports_report,
    ("grants:report_check", "pk"): _reports_report,
    ("grants:report_pdf", "pk"): _reports_report,
    ("grants:report_action", "pk"): _reports_report,
    ("grants:report_action", "action"): _reports_report_action,
    ("grants:return_payment", "pk"): _reports_return,
    ("grants:control", "pk"): _reports_control,
    ("grants:control_file", "pk"): _reports_control,
    ("grants:control_protocol", "pk"): _reports_control,
    ("grants:recommendation_new", "pk"): _reports_control,
    ("grants:recommendation_done", "pk"): _reports_recommendation,
    ("api:contract_settlement", "contract_id"): _reports_contract,
    ("api:report_detail", "report_id"): _reports_report,
    # councils and joint teams
    ("councils:kind_edit", "pk"): _councils_object("kind"),
    **{
        (f"councils:{name}", "pk"): _councils_object("body")
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
    ("api:get_body", "pk"): _councils_object("body"),
    ("councils:member_end", "pk"): _councils_object("member"),
    **{
        (f"councils:{name}", "pk"): _councils_object("meeting")
        for name in ("meeting", "meeting_edit", "attendance", "minutes", "document_new", "minutes_file")
    },
    ("councils:document", "pk"): _councils_object("document"),
    **{
        (f"councils:{name}", "pk"): _councils_object("election")
        for name in ("election", "nominate", "vote", "election_action")
    },
    ("councils:election_action", "action"): _councils_object("election", "close"),
    ("councils:appoint", "pk"): _councils_object("candidate"),
    ("councils:opinion", "pk"): _councils_object("opinion"),
    ("councils:opinion_file", "pk"): _councils_object("opinion"),
    ("councils:opinion_action", "pk"): _councils_object("opinion"),
    ("councils:opinion_action", "action"): _councils_object("opinion", "give"),
    ("councils:request", "pk"): _councils_object("request"),
    ("councils:request_sign", "pk"): _councils_object("request"),
}

# Parameters that identify no centre-owned object (one-off tokens of a person, Django admin's own
# routes); the URL is still requested with a made-up value and must not fail with a 500.
NOT_CENTRE_DATA: dict[str, str] = {
    "key": "allauth: e-mail confirmation / password reset key of a person",
    "uidb36": "allauth: password reset, a person's id",
    "unknown": "the API's catch-all: a JSON 404 for any unknown /api/v1/ path",
}

# The same, for one URL's parameter: (reason, a real value to request it with).
NOT_CENTRE_DATA_BY_URL: dict[tuple[str, str], tuple[str, str]] = {
    ("api:planned", "year"): ("a budget year, the same for every centre", "2027"),
    ("initiatives:export", "fmt"): ("a file format of the desk's export", "csv"),
    ("consultations:export", "fmt"): ("a file format of the comments' export", "csv"),
    ("volunteers:stats_export", "fmt"): ("a file format of the volunteer statistics", "csv"),
    ("surveys:export", "fmt"): ("a file format of a survey's answers", "csv"),
    ("surveys:ready_new", "kind"): ("a ready questionnaire, the same for every centre", "potrzeby"),
    ("surveys:index_year", "year"): ("a calendar year of the index (each centre's own figures)", "2025"),
    ("organisations:guide_checklist", "slug"): ("a legal form of the shared founding guide", "kgw"),
    ("organisations:guide_print", "slug"): ("a legal form of the shared founding guide", "kgw"),
    # reports ---
    ("grants:reports_export", "fmt"): ("a file format", "csv"),
    ("grants:returns_export", "fmt"): ("a file format", "csv"),
    ("grants:contracts_export", "fmt"): ("a file format", "csv"),
    ("grants:small_grants_export", "fmt"): ("a file format", "csv"),
}


def _not_centre_data(endpoint_name: str, kwarg: str) -> str | None:
    """The value to use if this parameter names nothing of a centre, else None."""
    if (endpoint_name, kwarg) in NOT_CENTRE_DATA_BY_URL:
        return NOT_CENTRE_DATA_BY_URL[(endpoint_name, kwarg)][1]
    if kwarg in NOT_CENTRE_DATA:
        return "zz9abc"
    return None


# Whole namespaces checked separately (see test_django_admin_is_closed_to_centre_users).
SEPARATE_NAMESPACES = {"admin"}

LOGIN_PREFIX = "/konto/login/"
API_PREFIX = "/api/"


# --- walking the URL configuration -------------------------------------------------------------------
@dataclass
class Endpoint:
    parts: list[Any]  # the pattern objects from the root include down to the view
    name: str  # full name with namespaces, or the route when unnamed
    namespace: str = ""
    kwargs: list[str] = field(default_factory=list)

    @property
    def route(self) -> str:
        return "".join(str(p.pattern) for p in self.parts)

    @property
    def is_api(self) -> bool:
        return self.route.startswith(API_PREFIX.lstrip("/"))

    def url(self, values: dict[str, Any]) -> str:
        out = "/"
        for part in self.parts:
            pattern = part.pattern
            text = str(pattern)
            if hasattr(pattern, "converters") and not text.startswith("^"):  # RoutePattern
                text = re.sub(
                    r"<(?:(?P<conv>[^>:]+):)?(?P<name>\w+)>",
                    lambda m: str(values[m.group("name")]),
                    text,
                )
            else:  # RegexPattern
                text = text.lstrip("^").rstrip("$").replace("\\Z", "")
                text = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: str(values[m.group(1)]), text)
                text = text.replace("\\", "")
            out += text
        return out


def _kwarg_names(pattern) -> list[str]:
    if hasattr(pattern, "converters") and not str(pattern).startswith("^"):
        return re.findall(r"<(?:[^>:]+:)?(\w+)>", str(pattern))
    return list(pattern.regex.groupindex)


def iter_endpoints(resolver=None, parts=(), namespace="") -> Iterator[Endpoint]:
    resolver = resolver or get_resolver("config.urls")
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or ""
            full_ns = ":".join(x for x in (namespace, ns) if x)
            yield from iter_endpoints(entry, (*parts, entry), full_ns)
        elif isinstance(entry, URLPattern):
            chain = (*parts, entry)
            if entry.name:
                name = f"{namespace}:{entry.name}" if namespace else entry.name
            else:
                name = "".join(str(p.pattern) for p in chain) or "/"
            kwargs = [k for p in chain for k in _kwarg_names(p.pattern)]
            yield Endpoint(parts=list(chain), name=name, namespace=namespace.split(":")[0], kwargs=kwargs)


ENDPOINTS = [e for e in iter_endpoints() if e.namespace not in SEPARATE_NAMESPACES]
WITH_KWARGS = [e for e in ENDPOINTS if e.kwargs]
WITHOUT_KWARGS = [e for e in ENDPOINTS if not e.kwargs]


def _factory_for(endpoint: Endpoint, kwarg: str) -> Factory | None:
    return OBJECTS_BY_URL.get((endpoint.name, kwarg)) or OBJECTS_BY_KWARG.get(kwarg)


def _missing_mapping(endpoint: Endpoint) -> list[str]:
    return [
        k
        for k in endpoint.kwargs
        if _not_centre_data(endpoint.name, k) is None and _factory_for(endpoint, k) is None
    ]


# --- helpers ---------------------------------------------------------------------------------------------
def _request(client, method: str, url: str, api: bool):
    if method == "GET":
        return client.get(url)
    if api:
        return getattr(client, method.lower())(url, data="{}", content_type="application/json")
    return client.post(url, data={})


def _allowed(status: int, *, who: str, api: bool, location: str = "") -> bool:
    if status in (404, 405):
        return True
    if who == "anonymous":
        if status in (301, 302, 303) and location.startswith(LOGIN_PREFIX):
            return True
        if status in (401, 403):
            return True
    if who == "user" and status == 403:
        return True
    return api and status == 422


def _methods(endpoint: Endpoint) -> list[str]:
    return ["GET", "POST", "PUT", "PATCH", "DELETE"] if endpoint.is_api else ["GET", "POST"]


def _body(response) -> str:
    if getattr(response, "streaming", False):  # CSV/XLSX exports, files
        return b"".join(response.streaming_content).decode("utf-8", errors="replace")
    return response.content.decode("utf-8", errors="replace")


def _leaks(response, secrets: list[str]) -> list[str]:
    body = _body(response)
    return [s for s in secrets if s and len(s) > 5 and s in body]


@pytest.fixture
def clients(centre, client_for, staff_user):
    ordinary = UserFactory(email="zwykly@example.org", full_name="Jan Zwykły")
    return {
        "staff": client_for(centre, staff_user),
        "user": client_for(centre, ordinary),
        "anonymous": client_for(centre),
    }


def _client_no_raise(client):
    # A 500 is reported as a failure with its URL, not as an exception that hides the other checks.
    client.raise_request_exception = False
    return client


# --- the tests ---------------------------------------------------------------------------------------------
def test_the_walk_finds_the_urls():
    names = {e.name for e in ENDPOINTS}
    assert "core:home" in names
    assert "organisations:directory" in names
    assert any(e.is_api for e in ENDPOINTS), "no /api/v1/ URL found: is the ninja router included?"


@pytest.mark.parametrize("endpoint", WITH_KWARGS, ids=lambda e: e.name)
def test_another_centres_object_is_404(endpoint: Endpoint, centre, other_centre, clients, staff_user):
    missing = _missing_mapping(endpoint)
    if missing:
        pytest.fail(
            f"URL {endpoint.name!r} ({endpoint.route}) has parameter(s) {missing} that "
            f"tests/test_tenancy_urls.py cannot fill with another centre's object. Add a factory to "
            f"OBJECTS_BY_KWARG (same model in every URL) or OBJECTS_BY_URL[({endpoint.name!r}, '<kwarg>')], "
            f"or, if it names no centre-owned object, to NOT_CENTRE_DATA(_BY_URL) with a reason.",
            pytrace=False,
        )

    theirs: dict[str, Any] = {}
    ours: dict[str, Any] = {}
    secrets: list[str] = []
    their_ctx = Ctx(user=staff_user, label="theirs")
    our_ctx = Ctx(user=staff_user, label="ours")
    for kwarg in endpoint.kwargs:
        fixed = _not_centre_data(endpoint.name, kwarg)
        if fixed is not None:
            theirs[kwarg] = ours[kwarg] = fixed
            continue
        factory = _factory_for(endpoint, kwarg)
        obj, theirs[kwarg] = factory(other_centre, their_ctx)
        their_ctx.made[kwarg] = obj
        if obj is not None:
            secrets.append(str(obj))
        own, ours[kwarg] = factory(centre, our_ctx)
        our_ctx.made[kwarg] = own

    if all(_not_centre_data(endpoint.name, k) is not None for k in endpoint.kwargs):
        # Nothing of a centre behind the URL: only make sure a made-up value is no 500.
        url = endpoint.url(theirs)
        for who, client in clients.items():
            for method in _methods(endpoint):
                status = _request(_client_no_raise(client), method, url, endpoint.is_api).status_code
                assert status < 500, f"{method} {url} as {who}: {status}"
        return

    attack_url = endpoint.url(theirs)
    control_url = endpoint.url(ours)
    problems: list[str] = []

    staff = _client_no_raise(clients["staff"])
    control = staff.get(control_url)
    if control.status_code >= 500:
        problems.append(f"control GET {control_url} as staff (own centre's object): {control.status_code}")
    control_forbidden = control.status_code == 403
    if control.status_code == 404 and not any(
        _not_centre_data(endpoint.name, k) is not None for k in endpoint.kwargs
    ):
        problems.append(
            f"control GET {control_url} as staff with the OWN centre's object is a 404: the mapping in "
            f"tests/test_tenancy_urls.py probably creates the wrong model for {endpoint.kwargs}, so the "
            f"tenancy check below would pass for nothing"
        )

    for who, client in clients.items():
        client = _client_no_raise(client)
        for method in _methods(endpoint):
            response = _request(client, method, attack_url, endpoint.is_api)
            status = response.status_code
            location = response.get("Location", "") if status in (301, 302, 303) else ""
            ok = _allowed(status, who=who, api=endpoint.is_api, location=location)
            if not ok and who == "staff" and status == 403 and control_forbidden:
                ok = True  # staff may not use this URL at all, whatever the centre
            if ok and who == "user" and status == 403:
                # A role check, not a disclosure: the same 403 for the own centre's object (made by staff).
                own = _request(client, method, control_url, endpoint.is_api).status_code
                if own != 403:
                    ok = False
                    location = f"(the own centre's object: {own}; expected the same 404 for both)"
            if not ok:
                problems.append(
                    f"{method} {attack_url} as {who}: {status}{f' → {location}' if location else ''}"
                )
            leaked = _leaks(response, secrets)
            if leaked:
                problems.append(f"{method} {attack_url} as {who}: page shows another centre's {leaked}")

    assert not problems, f"{endpoint.name} ({endpoint.route}):\n  " + "\n  ".join(problems)


def _other_centre_world(other_centre, user) -> list[str]:
    """One object of every mapped kind in the other centre; their names must appear on no page."""
    names = []
    seen = set()
    for factory in [*OBJECTS_BY_KWARG.values(), *OBJECTS_BY_URL.values()]:
        if factory in seen:
            continue
        seen.add(factory)
        obj, _value = factory(other_centre, Ctx(user=user, label=f"swiat{len(seen)}"))
        if obj is not None:
            names.append(str(obj))
    return names


@pytest.mark.parametrize("endpoint", WITHOUT_KWARGS, ids=lambda e: e.name)
def test_pages_without_parameters_show_no_other_centre_data(
    endpoint: Endpoint, centre, other_centre, clients, staff_user
):
    secrets = _other_centre_world(other_centre, staff_user)
    url = endpoint.url({})
    problems = []
    for who in ("staff", "user", "anonymous"):
        client = _client_no_raise(clients[who])
        response = client.get(url)
        if response.status_code >= 500:
            problems.append(f"GET {url} as {who}: {response.status_code}")
        leaked = _leaks(response, secrets)
        if leaked:
            problems.append(f"GET {url} as {who}: shows another centre's {leaked}")
    assert not problems, f"{endpoint.name} ({endpoint.route}):\n  " + "\n  ".join(problems)


def test_every_parameter_has_a_mapping():
    """One list of every gap, so an author sees them all at once."""
    gaps = [f"{e.name} ({e.route}): {_missing_mapping(e)}" for e in WITH_KWARGS if _missing_mapping(e)]
    assert not gaps, "URL parameters without a mapping in tests/test_tenancy_urls.py:\n  " + "\n  ".join(gaps)


def test_django_admin_is_not_served_on_a_centre_host(centre, clients, client_for, platform_admin):
    """Django admin is for platform admins on a platform host only: on a centre's host every admin URL
    is a 404, for centre staff, ordinary users and even a platform admin."""
    assert not [e for e in iter_endpoints() if e.namespace == "admin"]
    admin = [e for e in iter_endpoints(get_resolver("config.urls_platform")) if e.namespace == "admin"]
    assert admin
    people = {**clients, "platform_admin": client_for(centre, platform_admin)}
    problems = []
    for endpoint in admin:
        values = dict.fromkeys(endpoint.kwargs, "1")
        values.update({k: "organisations" for k in endpoint.kwargs if k == "app_label"})
        url = endpoint.url(values)
        for who, client in people.items():
            response = _client_no_raise(client).get(url)
            if response.status_code != 404:
                problems.append(f"GET {url} as {who}: {response.status_code}")
    assert not problems, "\n  ".join(problems)
