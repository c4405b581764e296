"""Every page: who may open it, another centre's object is a 404, the query count; the forms refuse bad
input with a message and store nothing."""

from datetime import timedelta

import pytest
from django.urls import reverse

from centrum.core.calendar import warsaw_today
from centrum.core.models import AuditEntry

from ..choices import OpinionStatus, Side
from ..models import Candidate, JointRequest, Member, OpinionRequest, Vote
from .factories import BodyFactory, ElectionFactory, KindFactory, MeetingFactory, OpinionRequestFactory

pytestmark = pytest.mark.django_db


def _world(centre, user=None):
    kind = KindFactory(centre=centre)
    body = BodyFactory(centre=centre, kind=kind)
    for i, side in enumerate([Side.NGO, Side.NGO, Side.MUNICIPALITY]):
        Member.objects.create(
            centre=centre, body=body, person_name=f"Osoba {i}", side=side, from_date=warsaw_today()
        )
    meeting = MeetingFactory(centre=centre, body=body)
    election = ElectionFactory(centre=centre, body=body)
    opinion = OpinionRequestFactory(centre=centre, body=body)
    request = JointRequest.objects.create(centre=centre, kind=kind, title="Wniosek o RDPP")
    return {
        "kind": kind,
        "body": body,
        "meeting": meeting,
        "election": election,
        "opinion": opinion,
        "request": request,
    }


PUBLIC = [
    ("councils:index", None),
    ("councils:opinions", None),
    ("councils:requests", None),
    ("councils:body", "body"),
    ("councils:meeting", "meeting"),
    ("councils:election", "election"),
    ("councils:opinion", "opinion"),
    ("councils:request", "request"),
]
MANAGER = [
    ("councils:desk", None),
    ("councils:kinds", None),
    ("councils:kind_new", None),
    ("councils:body_new", None),
    ("councils:kind_edit", "kind"),
    ("councils:body_edit", "body"),
    ("councils:meeting_new", "body"),
    ("councils:election_new", "body"),
    ("councils:opinion_new", "body"),
    ("councils:meeting_edit", "meeting"),
]


def _url(name, key, world):
    return reverse(name, args=[world[key].pk]) if key else reverse(name)


@pytest.mark.parametrize(("name", "key"), PUBLIC)
def test_public_pages_open_for_anyone_and_staff_in_few_queries(
    name, key, centre, anon, staff_client, django_assert_max_num_queries
):
    world = _world(centre)
    url = _url(name, key, world)
    assert anon.get(url).status_code == 200
    with django_assert_max_num_queries(30):
        assert staff_client.get(url).status_code == 200


@pytest.mark.parametrize(("name", "key"), MANAGER)
def test_staff_pages_need_the_secretary(
    name, key, centre, anon, client_for, org_admin, official_user, django_assert_max_num_queries
):
    world = _world(centre)
    url = _url(name, key, world)
    assert anon.get(url).status_code == 302
    assert client_for(centre, org_admin).get(url).status_code == 403
    with django_assert_max_num_queries(30):
        assert client_for(centre, official_user).get(url).status_code == 200


@pytest.mark.parametrize(("name", "key"), [p for p in PUBLIC + MANAGER if p[1]])
def test_another_centres_object_is_404(name, key, centre, other_centre, staff_client):
    world = _world(other_centre)
    assert staff_client.get(_url(name, key, world)).status_code == 404


def test_queries_do_not_grow_with_rows(centre, staff_client, django_assert_max_num_queries):
    world = _world(centre)
    for i in range(10):
        BodyFactory(centre=centre, kind=world["kind"])
        OpinionRequestFactory(centre=centre, body=world["body"], subject_text=f"Sprawa {i}")
        Member.objects.create(
            centre=centre, body=world["body"], person_name=f"N {i}", side=Side.NGO, from_date=warsaw_today()
        )
    for url in (
        reverse("councils:index"),
        reverse("councils:opinions"),
        world["body"].get_absolute_url(),
        reverse("councils:desk"),
    ):
        with django_assert_max_num_queries(30):
            assert staff_client.get(url).status_code == 200


def test_member_breaking_the_share_is_a_form_error(centre, staff_client):
    body = _world(centre)["body"]
    Member.objects.create(
        centre=centre, body=body, person_name="Radny", side=Side.COUNCIL, from_date=warsaw_today()
    )
    response = staff_client.post(
        reverse("councils:member_new", args=[body.pk]),
        {
            "m-person_name": "Drugi radny",
            "m-side": "council",
            "m-role": "member",
            "m-from_date": warsaw_today().isoformat(),
        },
    )
    assert response.status_code == 400 and "co najmniej 50%" in response.content.decode()
    assert not Member.objects.filter(person_name="Drugi radny").exists()


def test_late_opinion_without_a_note_is_refused(centre, staff_client):
    today = warsaw_today()
    opinion = OpinionRequestFactory(
        centre=centre,
        body=_world(centre)["body"],
        received_on=today - timedelta(days=30),
        deadline=today - timedelta(days=2),
    )
    url = reverse("councils:opinion_action", args=[opinion.pk, "give"])
    data = {
        "verdict": "positive",
        "opinion_text": "Popieramy",
        "given_on": today.isoformat(),
        "state": "awaiting",
    }
    response = staff_client.post(url, data)
    assert response.status_code == 400 and "po terminie" in response.content.decode()
    assert OpinionRequest.objects.get(pk=opinion.pk).status == OpinionStatus.AWAITING
    response = staff_client.post(url, {**data, "late_note": "Posiedzenie przełożono"})
    assert response.status_code == 302
    assert OpinionRequest.objects.get(pk=opinion.pk).status == OpinionStatus.GIVEN


def test_opinion_give_is_forbidden_to_others(centre, client_for, org_admin):
    opinion = _world(centre)["opinion"]
    url = reverse("councils:opinion_action", args=[opinion.pk, "give"])
    response = client_for(centre, org_admin).post(
        url, {"verdict": "positive", "given_on": warsaw_today().isoformat()}
    )
    assert response.status_code == 403


def test_organisation_votes_once_through_the_page(centre, client_for, org_admin, organisation, staff_user):
    election = _world(centre)["election"]
    candidate = Candidate.objects.create(
        centre=centre,
        election=election,
        organisation=organisation,
        person_name="Ala",
        consent=True,
        nominated_by=org_admin,
    )
    client = client_for(centre, org_admin)
    page = client.get(election.get_absolute_url()).content.decode()
    assert "Oddaj głos" in page
    data = {"organisation": organisation.pk, "candidate": candidate.pk}
    assert client.post(reverse("councils:vote", args=[election.pk]), data).status_code == 302
    response = client.post(reverse("councils:vote", args=[election.pk]), data)
    assert response.status_code == 400
    assert Vote.objects.count() == 1
    close = client_for(centre, staff_user).post(
        reverse("councils:election_action", args=[election.pk, "close"])
    )
    assert close.status_code == 302 and not AuditEntry.objects.filter(action="election.closed").exists()


def test_garbage_in_a_form_stores_nothing(centre, staff_client):
    body = _world(centre)["body"]
    response = staff_client.post(
        reverse("councils:opinion_new", args=[body.pk]), {"subject_ref": "x" * 500, "received_on": "jutro"}
    )
    assert response.status_code == 400
    response = staff_client.post(
        reverse("councils:meeting_new", args=[body.pk]),
        {
            "day": warsaw_today().isoformat(),
            "start_time": "18:00",
            "end_time": "17:00",
            "address": "<script>x</script>",
        },
    )
    assert response.status_code == 400 and "<script>x" not in response.content.decode()


def test_joint_request_page_is_for_organisation_members(
    centre, anon, client_for, plain_user, org_member, organisation
):
    world = _world(centre)
    url = reverse("councils:request_new")
    assert anon.get(url).status_code == 302
    assert client_for(centre, plain_user).get(url).status_code == 403
    client = client_for(centre, org_member)
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"kind": world["kind"].pk, "title": "Powołajmy radę", "organisation": organisation.pk}
    )
    assert response.status_code == 302
    assert JointRequest.objects.get(title="Powołajmy radę").signatures.get().organisation == organisation


def test_staff_add_the_statutory_kinds_once(centre, staff_client, client_for, org_admin):
    from ..models import BodyKind

    url = reverse("councils:kinds_statutory")
    assert client_for(centre, org_admin).post(url).status_code == 403
    assert staff_client.post(url).status_code == 302
    assert staff_client.post(url).status_code == 302
    rdpp = BodyKind.objects.get(centre=centre, name="Rada Działalności Pożytku Publicznego")
    assert (
        rdpp.term_years,
        rdpp.min_ngo_share_percent,
        rdpp.opinion_days,
        rdpp.request_min_organisations,
    ) == (3, 50, 14, 5)
    assert BodyKind.objects.filter(centre=centre).count() == 4


def _pdf(name):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, b"%PDF-1.4 " + name.encode())


def test_files_are_sent_by_views_and_another_centres_are_404(centre, other_centre, staff_user, anon):
    from centrum.accounts.models import CentreRoleKind
    from centrum.accounts.tests.factories import CentreRoleFactory

    from ..choices import Verdict
    from ..services import meeting_document_add, meeting_minutes, opinion_give

    CentreRoleFactory(centre=other_centre, user=staff_user, role=CentreRoleKind.STAFF)
    files = {}
    for where in (centre, other_centre):
        world = _world(where)
        meeting, opinion = world["meeting"], world["opinion"]
        document = meeting_document_add(
            meeting=meeting, actor=staff_user, title="Projekt uchwały", file=_pdf("p.pdf")
        )
        meeting_minutes(meeting=meeting, actor=staff_user, minutes="Protokół", minutes_file=_pdf("m.pdf"))
        opinion_give(
            request=opinion,
            actor=staff_user,
            verdict=Verdict.POSITIVE,
            opinion_text="Pozytywna",
            given_on=warsaw_today(),
            opinion_file=_pdf("o.pdf"),
        )
        files[where.slug] = {
            "councils:document": (document.pk, b"p.pdf", "Projekt"),
            "councils:minutes_file": (meeting.pk, b"m.pdf", "Protok"),
            "councils:opinion_file": (opinion.pk, b"o.pdf", "Opinia"),
        }
    ours = files["kalisz"]
    pages = "".join(
        anon.get(reverse(page, args=[ours[name][0]])).content.decode()
        for page, name in (
            ("councils:meeting", "councils:minutes_file"),
            ("councils:opinion", "councils:opinion_file"),
        )
    )
    assert "/media/" not in pages
    for name, (pk, content, title) in ours.items():
        url = reverse(name, args=[pk])
        assert url in pages
        response = anon.get(url)
        assert response.status_code == 200 and content in b"".join(response.streaming_content)
        disposition = response["Content-Disposition"]
        assert disposition.startswith("attachment") and title in disposition and ".pdf" in disposition
    for name, (pk, _content, _title) in files["zory"].items():
        assert anon.get(reverse(name, args=[pk])).status_code == 404
