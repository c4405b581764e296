"""Every page of the app: who may open it (anonymous, a member, the officer), another centre's object is a 404,
lists and the consultation's pages do not grow their queries with rows, bad input is refused with a message and
stores nothing, the report's PDF and DOCX list every comment with its answer, the public comment form."""

import io
import subprocess
import tempfile
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from centrum.core.calendar import warsaw_today
from centrum.core.models import OutboxMessage

from ..choices import CommentStatus
from ..models import Comment, Consultation, ConsultationKind, Proposal, ProposalCall, Team
from .factories import CommentFactory, KindFactory, UnitFactory, consultation_in_state

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(centre, organisation):
    reported = consultation_in_state(centre=centre, state="reported", organisation=organisation, comments=2)
    open_ = consultation_in_state(centre=centre, state="open", organisation=organisation, comments=1)
    draft = consultation_in_state(centre=centre, state="draft")
    closed = consultation_in_state(centre=centre, state="closed", organisation=organisation)
    call = ProposalCall.objects.create(
        centre=centre, title="Zadania 2027", kind=draft.kind, ends_on=warsaw_today() + timedelta(days=5)
    )
    proposal = Proposal.objects.create(
        centre=centre, call=call, organisation=organisation, title="Seniorzy", text="Opis"
    )
    team = Team.objects.create(centre=centre, call=call, name="Zespół", members="Anna Kowalska")
    return {
        "reported": reported,
        "open": open_,
        "draft": draft,
        "closed": closed,
        "kind": draft.kind,
        "comment": closed.comments.get(),
        "unit": draft.units.first(),
        "call": call,
        "proposal": proposal,
        "team": team,
    }


PUBLIC = "public"  # anyone
MEMBER = "member"  # a logged-in person (comment form)
OFFICER = "officer"

# (url name, object key for args or None, who may open it)
PAGES = [
    ("consultations:index", None, PUBLIC),
    ("consultations:detail", "open", PUBLIC),
    ("consultations:detail", "reported", PUBLIC),
    ("consultations:report", "reported", PUBLIC),
    ("consultations:report_pdf", "reported", PUBLIC),
    ("consultations:report_docx", "reported", PUBLIC),
    ("consultations:comment_public", "open", PUBLIC),
    ("consultations:calls", None, PUBLIC),
    ("consultations:call", "call", PUBLIC),
    ("consultations:comment_new", "open", MEMBER),
    ("consultations:desk", None, OFFICER),
    ("consultations:kinds", None, OFFICER),
    ("consultations:kind_new", None, OFFICER),
    ("consultations:kind_edit", "kind", OFFICER),
    ("consultations:new", None, OFFICER),
    ("consultations:edit", "draft", OFFICER),
    ("consultations:units", "draft", OFFICER),
    ("consultations:answers", "closed", OFFICER),
    ("consultations:versions", "closed", OFFICER),
    ("consultations:report", "closed", OFFICER),
    ("consultations:detail", "draft", OFFICER),
    ("consultations:call_new", None, OFFICER),
]


def _url(name, key, world):
    return reverse(name, args=[world[key].pk]) if key else reverse(name)


@pytest.mark.parametrize(("name", "key", "who"), PAGES)
def test_who_may_open_each_page(client_for, centre, world, staff_user, org_member, name, key, who):
    url = _url(name, key, world)
    anonymous = client_for(centre).get(url)
    member = client_for(centre, org_member).get(url)
    officer = client_for(centre, staff_user).get(url)
    assert officer.status_code == 200
    if who == PUBLIC:
        assert anonymous.status_code == 200 and member.status_code == 200
    elif who == MEMBER:
        assert anonymous.status_code == 302 and member.status_code == 200
    else:
        assert anonymous.status_code in (302, 404) and member.status_code in (403, 404)


@pytest.mark.parametrize(("name", "key", "who"), [p for p in PAGES if p[1]])
def test_another_centres_object_is_a_404(client_for, other_centre, world, name, key, who):
    from centrum.accounts.tests.factories import CentreRoleFactory, UserFactory

    outsider = UserFactory()
    CentreRoleFactory(centre=other_centre, user=outsider, role="staff")
    assert client_for(other_centre, outsider).get(_url(name, key, world)).status_code == 404


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("consultations:index", None),
        ("consultations:desk", None),
        ("consultations:detail", "closed"),
        ("consultations:answers", "closed"),
        ("consultations:report", "closed"),
        ("consultations:versions", "closed"),
        ("consultations:call", "call"),
        ("consultations:calls", None),
        ("consultations:kinds", None),
    ],
)
def test_pages_do_not_grow_queries_with_rows(client_for, centre, organisation, world, staff_user, name, key):
    from ..services import version_create

    client = client_for(centre, staff_user)
    world["closed"] = version_create(consultation=world["closed"], actor=staff_user)
    url = _url(name, key, world)
    client.get(url)
    first = _count(client, url)
    for _n in range(4):
        consultation_in_state(centre=centre, state="reported", organisation=organisation, comments=2)
        KindFactory(centre=centre)
        unit = UnitFactory(consultation=world["closed"], centre=centre, version=world["closed"].version)
        CommentFactory(consultation=world["closed"], centre=centre, unit=unit, organisation=organisation)
        Proposal.objects.create(
            centre=centre, call=world["call"], organisation=organisation, title="x", text="y"
        )
        Team.objects.create(centre=centre, call=world["call"], name="Z", members="A")
    assert _count(client, url) <= first + 1, name
    assert first <= 40


def test_the_report_pdf_and_docx_list_every_comment_and_answer(client_for, centre, world):
    from docx import Document

    client = client_for(centre)
    comments = list(world["reported"].comments.all())
    pdf = client.get(reverse("consultations:report_pdf", args=[world["reported"].pk]))
    assert pdf["Content-Type"] == "application/pdf"
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf.content)
        f.flush()
        text = subprocess.run(["pdftotext", f.name, "-"], capture_output=True, text=True, check=True).stdout
    assert "SPRAWOZDANIE Z KONSULTACJI" in text and text.count("Uwzględniono.") == len(comments)
    docx = client.get(reverse("consultations:report_docx", args=[world["reported"].pk]))
    document = Document(io.BytesIO(docx.content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert sum("Uwzględniono." in c for c in cells) == len(comments)
    # unpublished reports are the officer's preview only
    assert client.get(reverse("consultations:report_pdf", args=[world["closed"].pk])).status_code == 404


def test_comments_become_public_when_the_kind_says(client_for, centre, world, organisation):
    comment = world["open"].comments.get()
    page = client_for(centre).get(world["open"].get_absolute_url()).content.decode()
    assert comment.proposal not in page and "po zakończeniu" in page
    world["open"].kind.comments_public_at_once = True
    world["open"].kind.save()
    assert comment.proposal in client_for(centre).get(world["open"].get_absolute_url()).content.decode()


def test_a_member_comments_on_a_paragraph_and_bad_input_stores_nothing(
    client_for, centre, world, org_member, organisation
):
    client = client_for(centre, org_member)
    url = reverse("consultations:comment_new", args=[world["open"].pk])
    unit = world["open"].units.first()
    before = Comment.objects.count()
    bad = client.post(
        url, {"unit": unit.pk, "organisation": organisation.pk, "proposal": "Nowe", "justification": ""}
    )
    assert bad.status_code == 400 and Comment.objects.count() == before
    garbage = client.post(
        url, {"unit": "abc", "organisation": "999999", "proposal": "<script>x</script>", "justification": "y"}
    )
    assert garbage.status_code == 400 and Comment.objects.count() == before
    ok = client.post(
        url,
        {"unit": unit.pk, "organisation": organisation.pk, "proposal": "<b>Nowe</b>", "justification": "Bo"},
    )
    assert ok.status_code == 302 and Comment.objects.count() == before + 1
    closed = client.post(
        reverse("consultations:comment_new", args=[world["closed"].pk]),
        {"organisation": organisation.pk, "proposal": "x", "justification": "y"},
    )
    assert closed.status_code == 400 and "zakończyły" in closed.content.decode()


def test_the_public_form_checks_for_bots_and_limits_the_rate(client_for, centre, world):
    from django.core import signing
    from django.utils import timezone

    from centrum.core.antispam import form_stamp

    cache.clear()
    client = client_for(centre)
    url = reverse("consultations:comment_public", args=[world["open"].pk])
    stamp = form_stamp("consultations.public-comment")
    data = {
        "author_name": "Jan Nowak",
        "author_email": "jan@example.org",
        "proposal": "x",
        "justification": "y",
        "stamp": stamp,
    }
    too_fast = client.post(url, data)
    assert too_fast.status_code == 400 and not Comment.objects.filter(author_email="jan@example.org").exists()
    data["stamp"] = signing.TimestampSigner(salt="consultations.public-comment").sign(
        str(int((timezone.now() - timedelta(minutes=1)).timestamp()))
    )
    assert client.post(url, {**data, "website": "spam"}).status_code == 400
    assert client.post(url, data).status_code == 302
    assert Comment.objects.get(author_email="jan@example.org").status == CommentStatus.UNCONFIRMED
    assert OutboxMessage.objects.filter(to=["jan@example.org"]).count() == 1
    for _n in range(10):
        last = client.post(url, data)
    assert last.status_code == 400 and "Zbyt wiele" in last.content.decode()


def test_an_official_answers_on_the_answers_page_and_a_missing_justification_is_refused(
    client_for, centre, world, staff_user
):
    client = client_for(centre, staff_user)
    comment = world["comment"]
    url = reverse("consultations:comment_action", args=[comment.pk, "partly"])
    refused = client.post(url, {"state": "submitted", "reason": ""}, follow=True)
    assert "Uzasadnij" in refused.content.decode()
    comment.refresh_from_db()
    assert comment.status == CommentStatus.SUBMITTED
    client.post(url, {"state": "submitted", "reason": "Częściowo dopisano."})
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PARTLY and comment.answered_by == staff_user


def test_the_officer_pastes_text_and_creates_a_consultation(client_for, centre, world, staff_user):
    client = client_for(centre, staff_user)
    draft = world["draft"]
    response = client.post(
        reverse("consultations:units", args=[draft.pk]),
        {
            "form": "paste",
            "wklej-text": "§ 1. Cel.\n§ 2. 1. Formy.\n2. Zasady:\n1) jawność;",
            "wklej-replace": "on",
        },
    )
    assert response.status_code == 302
    assert list(draft.units.values_list("number", flat=True)) == [
        "§ 1",
        "§ 2 ust. 1",
        "§ 2 ust. 2",
        "§ 2 ust. 2 pkt 1",
    ]
    kind = world["kind"]
    today = warsaw_today()
    before = Consultation.objects.count()
    short = client.post(
        reverse("consultations:new"),
        {
            "kind": kind.pk,
            "title": "Projekt",
            "consulted_group": "all",
            "starts_on": today,
            "ends_on": today + timedelta(days=3),
            "form_written": "on",
        },
    )
    assert short.status_code == 400 and "co najmniej 7 dni" in short.content.decode()
    assert Consultation.objects.count() == before
    ok = client.post(
        reverse("consultations:new"),
        {
            "kind": kind.pk,
            "title": "Projekt",
            "consulted_group": "all",
            "starts_on": today,
            "ends_on": today + timedelta(days=7),
            "form_written": "on",
        },
    )
    assert ok.status_code == 302 and Consultation.objects.count() == before + 1


def test_kinds_are_edited_by_staff(client_for, centre, world, staff_user):
    client = client_for(centre, staff_user)
    kind = world["kind"]
    kinds = ConsultationKind.objects.filter(centre=centre).count()
    data = {
        "name": "Konsultacje z mieszkańcami",
        "legal_basis": "Art. 5a",
        "commenters": "residents",
        "min_days": 21,
        "report_days": 30,
        "allows_written": "on",
        "active": "on",
    }
    assert client.post(reverse("consultations:kind_edit", args=[kind.pk]), data).status_code == 302
    kind.refresh_from_db()
    assert kind.min_days == 21 and kind.commenters == "residents"
    assert client.post(reverse("consultations:kind_new"), {**data, "min_days": 0}).status_code == 400
    assert ConsultationKind.objects.filter(centre=centre).count() == kinds


def test_the_export_lists_comments_and_answers(client_for, centre, world, staff_user):
    response = client_for(centre, staff_user).get(
        reverse("consultations:export", args=[world["reported"].pk, "csv"])
    )
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert body.count("Uwzględniono.") == 2
    assert (
        client_for(centre, staff_user)
        .get(reverse("consultations:export", args=[world["reported"].pk, "pdf"]))
        .status_code
        == 404
    )


def test_the_programme_page_shows_its_consultations(client_for, centre, world, official_user):
    from centrum.programmes.tests.factories import ProgrammeFactory

    programme = ProgrammeFactory(centre=centre, status="consultation")
    world["open"].subject_ref = f"programmes:{programme.pk}"
    world["open"].save()
    page = client_for(centre).get(programme.get_absolute_url()).content.decode()
    assert world["open"].title in page


def test_api_lists_public_consultations(client_for, centre, world):
    data = client_for(centre).get("/api/v1/consultations").json()
    assert {row["id"] for row in data} == {world["open"].pk, world["reported"].pk, world["closed"].pk}
    detail = client_for(centre).get(f"/api/v1/consultations/{world['open'].pk}").json()
    assert detail["comments"] is None and len(detail["units"]) == 2
    assert client_for(centre).get(f"/api/v1/consultations/{world['draft'].pk}").status_code == 404


def test_a_member_comments_through_the_api_under_the_forms_rules(
    client_for, centre, other_centre, world, organisation, org_member, plain_user
):
    from ..models import Comment

    consultation = world["open"]
    unit = consultation.units.order_by("position").first()
    url = f"/api/v1/consultations/{consultation.pk}/comments"
    body = {
        "unit": unit.number,
        "organisation_id": organisation.pk,
        "proposal": "Nowe brzmienie",
        "justification": "Bo tak",
    }
    other = consultation_in_state(centre=other_centre, state="open", comments=0)
    before = Comment.objects.count()
    assert client_for(centre).post(url, body, content_type="application/json").status_code == 401
    # Not a member of the organisation, no justification, an unknown unit, a closed consultation: refused.
    stranger = client_for(centre, plain_user)
    assert stranger.post(url, body, content_type="application/json").status_code == 400
    member = client_for(centre, org_member)
    assert member.post(url, {**body, "justification": " "}, content_type="application/json").status_code in (
        400,
        422,
    )
    assert member.post(url, {**body, "unit": "§ 999"}, content_type="application/json").status_code == 400
    closed = f"/api/v1/consultations/{world['closed'].pk}/comments"
    assert member.post(closed, {**body, "unit": ""}, content_type="application/json").status_code == 400
    assert (
        member.post(
            f"/api/v1/consultations/{other.pk}/comments", body, content_type="application/json"
        ).status_code
        == 404
    )
    assert Comment.objects.count() == before

    response = member.post(url, body, content_type="application/json")
    assert response.status_code == 201, response.content
    assert response.json()["unit"] == unit.number and response.json()["signed_by"]
    made = Comment.objects.latest("id")
    assert made.organisation == organisation and made.author == org_member and made.unit == unit


def test_a_centre_without_kinds_adds_the_three_model_kinds(client_for, other_centre):
    from centrum.accounts.tests.factories import CentreRoleFactory, UserFactory

    officer = UserFactory()
    CentreRoleFactory(centre=other_centre, user=officer, role="official")
    client = client_for(other_centre, officer)
    assert "Dodaj trzy rodzaje wzorcowe" in client.get(reverse("consultations:kinds")).content.decode()
    client.post(reverse("consultations:kinds"))
    client.post(reverse("consultations:kinds"))
    assert ConsultationKind.objects.filter(centre=other_centre).count() == 3
