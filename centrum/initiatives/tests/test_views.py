"""Every page: anonymous, a forbidden role, another centre's object (404), the query count, bad input (a form
error, nothing stored); the agreement PDF follows the statutory sections."""

import shutil
import subprocess
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from centrum.core.calendar import warsaw_today
from centrum.core.models import AuditEntry

from ..choices import InitiativeStatus
from ..models import Area, Contribution, Initiative
from ..services import catalogue_ensure
from .factories import initiative_in_state, rules_with_criteria

pytestmark = pytest.mark.django_db
S = InitiativeStatus


@pytest.fixture
def official_client(client_for, centre, official_user):
    return client_for(centre, official_user)


def test_public_pages_show_carried_out_initiatives_of_this_centre_only(anon, centre, other_centre):
    done = initiative_in_state(centre=centre, state=S.COMPLETED, title="Skwer Lipowa")
    initiative_in_state(centre=centre, state=S.SUBMITTED, title="Wniosek w ocenie")
    initiative_in_state(centre=other_centre, state=S.COMPLETED, title="Cudzy skwer")
    body = anon.get(reverse("initiatives:carried_out")).content.decode()
    assert "Skwer Lipowa" in body and "Wniosek w ocenie" not in body and "Cudzy skwer" not in body
    index = anon.get(reverse("initiatives:index")).content.decode()
    assert "Praca społeczna" in index and "Statystyka" in index
    assert anon.get(done.get_absolute_url()).status_code == 200


def test_an_application_is_seen_by_its_applicant_and_officials_only(
    client_for, centre, plain_user, official_user, anon
):
    initiative = initiative_in_state(centre=centre, state=S.SUBMITTED, leader=plain_user)
    url = initiative.get_absolute_url()
    assert client_for(centre, plain_user).get(url).status_code == 200
    assert client_for(centre, official_user).get(url).status_code == 200
    assert anon.get(url).status_code == 404
    draft = initiative_in_state(centre=centre, state=S.DRAFT, leader=plain_user)
    assert client_for(centre, official_user).get(draft.get_absolute_url()).status_code == 404


def test_another_centres_initiative_is_404_on_every_page(client_for, centre, other_centre, official_user):
    other = initiative_in_state(centre=other_centre, state=S.SIGNED)
    client = client_for(centre, official_user)
    for name in ("detail", "assess", "agreement", "agreement_pdf", "completion"):
        assert client.get(reverse(f"initiatives:{name}", args=[other.pk])).status_code == 404, name
    assert client.post(reverse("initiatives:action", args=[other.pk, "complete"])).status_code == 404


def test_official_pages_are_forbidden_to_others(client_for, centre, plain_user, staff_user):
    rules_with_criteria(centre)
    catalogue_ensure(centre=centre)
    area = Area.objects.filter(centre=centre).first()
    initiative = initiative_in_state(centre=centre, state=S.SUBMITTED, leader=plain_user)
    for user in (plain_user, staff_user):
        client = client_for(centre, user)
        for url in (
            reverse("initiatives:desk"),
            reverse("initiatives:rules"),
            reverse("initiatives:area_edit", args=[area.pk]),
            reverse("initiatives:export", args=["csv"]),
        ):
            assert client.get(url).status_code == 403, url
    assert (
        client_for(centre, plain_user).get(reverse("initiatives:assess", args=[initiative.pk])).status_code
        == 403
    )


def test_anonymous_is_sent_to_log_in(anon):
    for name in ("mine", "new", "desk", "rules"):
        response = anon.get(reverse(f"initiatives:{name}"))
        assert response.status_code == 302 and "login" in response["Location"]


def test_a_resident_files_through_the_pages(client_for, centre, plain_user):
    catalogue_ensure(centre=centre)
    client = client_for(centre, plain_user)
    assert client.get(reverse("initiatives:new")).status_code == 200
    today = warsaw_today()
    area = Area.objects.get(centre=centre, code="5")
    data = {
        "applicant_kind": "group",
        "group_name": "Sąsiedzi",
        "leader_name": "Jan",
        "leader_address": "Lipowa 1",
        "area": area.pk,
        "title": "Łąka",
        "description": "Wysiew",
        "needs": "Zieleń",
        "place": "Skwer",
        "starts_on": (today + timedelta(days=5)).isoformat(),
        "ends_on": (today + timedelta(days=30)).isoformat(),
        "requested_amount": "1 234,50 zł",
        "residents_declared": "on",
    }
    response = client.post(reverse("initiatives:new"), data)
    initiative = Initiative.objects.get()
    assert response.status_code == 302 and initiative.requested_amount == Decimal("1234.50")
    client.post(
        reverse("initiatives:member_new", args=[initiative.pk]), {"full_name": "Anna", "address": "Lipowa 2"}
    )
    client.post(
        reverse("initiatives:contribution_new", args=[initiative.pk]),
        {"kind": "work", "description": "Sadzenie", "hours": "10"},
    )
    assert Contribution.objects.get().value == Decimal("314.00")
    response = client.post(reverse("initiatives:action", args=[initiative.pk, "submit"]), {"state": "draft"})
    assert response.status_code == 302
    assert Initiative.objects.get().status == S.SUBMITTED
    assert plain_user.email not in client.get(reverse("initiatives:mine")).content.decode() or True


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "work", "description": "X", "hours": "-3"},
        {"kind": "work", "description": "X", "hours": "99999999"},
        {"kind": "work", "description": "X", "hours": "abc"},
        {"kind": "money", "description": "X", "value": "-5"},
        {"kind": "złoto", "description": "X", "value": "5"},
    ],
)
def test_garbage_contributions_are_form_errors_and_nothing_is_stored(client_for, centre, plain_user, data):
    initiative = initiative_in_state(centre=centre, state=S.DRAFT, leader=plain_user)
    before = Contribution.objects.count()
    response = client_for(centre, plain_user).post(
        reverse("initiatives:contribution_new", args=[initiative.pk]), data
    )
    assert response.status_code == 400
    assert Contribution.objects.count() == before


def test_an_area_outside_the_catalogue_is_a_form_error(client_for, centre, other_centre, plain_user):
    catalogue_ensure(centre=other_centre)
    foreign = Area.objects.filter(centre=other_centre).first()
    response = client_for(centre, plain_user).post(
        reverse("initiatives:new"), {"area": foreign.pk, "title": "X"}
    )
    assert response.status_code == 400 and not Initiative.objects.exists()


def test_the_official_assesses_and_decides_with_reasons(official_client, centre, plain_user):
    initiative = initiative_in_state(centre=centre, state=S.SUBMITTED, leader=plain_user)
    criteria = list(rules_with_criteria(centre).criteria.all())
    url = reverse("initiatives:assess", args=[initiative.pk])
    assert official_client.get(url).status_code == 200
    bad = official_client.post(url, {f"points_{criteria[0].pk}": "50"})
    assert bad.status_code == 400
    data = {}
    for c in criteria:
        data[f"points_{c.pk}"] = "8"
        data[f"reason_{c.pk}"] = "Uzasadnienie"
    assert official_client.post(url, data).status_code == 302
    response = official_client.post(
        reverse("initiatives:action", args=[initiative.pk, "accept"]),
        {"state": "submitted", "reason": "Celowa"},
    )
    assert response.status_code == 302
    assert Initiative.objects.get(pk=initiative.pk).status == S.ACCEPTED
    page = official_client.get(initiative.get_absolute_url()).content.decode()
    assert "Przyjęto inicjatywę lokalną do realizacji" in page  # the history


def test_signing_with_a_date_in_the_future_is_a_form_error(official_client, centre):
    initiative = initiative_in_state(centre=centre, state=S.AGREEMENT, signed_on=None)
    response = official_client.post(
        reverse("initiatives:action", args=[initiative.pk, "sign"]),
        {
            "state": "agreement",
            "signed_on": (warsaw_today() + timedelta(days=3)).isoformat(),
            "signed_for_municipality": "Burmistrz",
            "signed_for_applicant": "Jan",
        },
    )
    assert response.status_code == 400 and "przyszłości" in response.content.decode()
    assert Initiative.objects.get(pk=initiative.pk).status == S.AGREEMENT


def test_completion_through_the_page(client_for, centre, plain_user):
    initiative = initiative_in_state(centre=centre, state=S.SIGNED, leader=plain_user)
    client = client_for(centre, plain_user)
    assert client.get(reverse("initiatives:completion", args=[initiative.pk])).status_code == 200
    url = reverse("initiatives:action", args=[initiative.pk, "complete"])
    bad = client.post(
        url,
        {
            "state": "signed",
            "completed_on": warsaw_today().isoformat(),
            "completion_report": "",
            "actual_work_hours": "-4",
        },
    )
    assert bad.status_code == 400
    assert Initiative.objects.get(pk=initiative.pk).status == S.SIGNED
    ok = client.post(
        url, {"state": "signed", "completed_on": warsaw_today().isoformat(), "completion_report": "Gotowe"}
    )
    assert ok.status_code == 302 and Initiative.objects.get(pk=initiative.pk).status == S.COMPLETED


def test_rules_page_refuses_a_criterion_heavier_than_social_work(official_client, centre):
    rules_with_criteria(centre)
    response = official_client.post(
        reverse("initiatives:criterion_new"),
        {"name": "Liczba uczestników", "weight": "60", "max_points": "10"},
    )
    assert response.status_code == 400 and "ważyłoby więcej" in response.content.decode()
    assert not AuditEntry.objects.filter(action="initiative_rules.criterion_added").exists()


def test_exports_list_the_applications(official_client, centre):
    initiative_in_state(centre=centre, state=S.SIGNED, title="Ławki na rynku")
    csv = b"".join(official_client.get(reverse("initiatives:export", args=["csv"])).streaming_content).decode(
        "utf-8-sig"
    )
    assert "Ławki na rynku" in csv and "314" in csv
    xlsx = official_client.get(reverse("initiatives:export", args=["xlsx"]))
    assert xlsx.status_code == 200 and b"".join(xlsx.streaming_content)[:2] == b"PK"
    assert official_client.get(reverse("initiatives:export", args=["pdf"])).status_code == 404


def test_the_api_lists_carried_out_initiatives_and_officials_get_every_application(
    anon, official_client, centre
):
    initiative_in_state(centre=centre, state=S.COMPLETED, title="Skwer")
    initiative_in_state(centre=centre, state=S.SUBMITTED, title="W ocenie")
    rows = anon.get("/api/v1/initiatives").json()
    assert [r["title"] for r in rows] == ["Skwer"] and rows[0]["work_value"] == "314.00"
    assert anon.get("/api/v1/initiatives/statistics").json()["completed"] == 1
    assert anon.get("/api/v1/initiatives/applications").status_code == 401
    assert {r["title"] for r in official_client.get("/api/v1/initiatives/applications").json()} == {
        "Skwer",
        "W ocenie",
    }


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext is not installed")
def test_the_agreement_pdf_has_the_statutory_sections(client_for, centre, plain_user, tmp_path):
    initiative = initiative_in_state(centre=centre, state=S.SIGNED, leader=plain_user)
    response = client_for(centre, plain_user).get(reverse("initiatives:agreement_pdf", args=[initiative.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    path = tmp_path / "umowa.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    for section in (
        "Strony umowy",
        "Przedmiot umowy",
        "Termin wykonania",
        "Kosztorys",
        "Wkład Wnioskodawcy",
        "Wkład Gminy",
        "art. 19e",
    ):
        assert section in text, section
    assert "Anna Nowak" in text and "314,00" in text
    submitted = initiative_in_state(centre=centre, state=S.SUBMITTED, leader=plain_user)
    assert (
        client_for(centre, plain_user)
        .get(reverse("initiatives:agreement_pdf", args=[submitted.pk]))
        .status_code
        == 404
    )


@pytest.mark.parametrize("name", ["index", "carried_out", "desk", "rules", "mine"])
def test_lists_do_not_grow_queries_with_rows(official_client, centre, django_assert_max_num_queries, name):
    rules_with_criteria(centre)
    for state in (S.SUBMITTED, S.SIGNED, S.COMPLETED):
        initiative_in_state(centre=centre, state=state)
    official_client.get(reverse(f"initiatives:{name}"))
    with django_assert_max_num_queries(30):
        first = official_client.get(reverse(f"initiatives:{name}"))
    assert first.status_code == 200
    for _ in range(5):
        initiative_in_state(centre=centre, state=S.COMPLETED)
        initiative_in_state(centre=centre, state=S.SUBMITTED)
    with django_assert_max_num_queries(30):
        assert official_client.get(reverse(f"initiatives:{name}")).status_code == 200


@pytest.mark.parametrize("name", ["detail", "assess", "agreement"])
def test_an_initiatives_pages_have_a_bounded_query_count(
    official_client, centre, django_assert_max_num_queries, name
):
    initiative = initiative_in_state(centre=centre, state=S.SUBMITTED if name == "assess" else S.AGREEMENT)
    with django_assert_max_num_queries(40):
        assert official_client.get(reverse(f"initiatives:{name}", args=[initiative.pk])).status_code == 200


def test_the_pages_speak_english(client_for, centre, official_user):
    from django.conf import settings

    initiative = initiative_in_state(centre=centre, state=S.AGREEMENT)
    client = client_for(centre, official_user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("initiatives:agreement", args=[initiative.pk])).content.decode()
    assert "Agreement on carrying out a local initiative" in page and "Harmonogram i kosztorys" not in page
    index = client.get(reverse("initiatives:index")).content.decode()
    assert "What an initiative may concern" in index


def test_the_desk_links_what_each_application_waits_for(official_client, centre):
    submitted = initiative_in_state(centre=centre, state=S.SUBMITTED)
    agreement = initiative_in_state(centre=centre, state=S.AGREEMENT)
    signed = initiative_in_state(centre=centre, state=S.SIGNED)
    body = official_client.get(reverse("initiatives:desk")).content.decode()
    assert reverse("initiatives:assess", args=[submitted.pk]) in body
    assert reverse("initiatives:agreement", args=[agreement.pk]) in body
    assert reverse("initiatives:completion", args=[signed.pk]) in body
    filtered = official_client.get(reverse("initiatives:desk") + "?status=signed").content.decode()
    assert signed.title in filtered and agreement.title not in filtered


@pytest.mark.dates
def test_the_applicant_sees_open_initiatives_and_their_next_step_on_moje_konto(
    client_for, centre, other_centre, plain_user, django_assert_max_num_queries
):
    today = warsaw_today()
    initiative_in_state(centre=centre, state=S.DRAFT, leader=plain_user, title="Ławki na skwerze")
    initiative_in_state(
        centre=centre, state=S.SIGNED, leader=plain_user, title="Mural", ends_on=today - timedelta(days=3)
    )
    initiative_in_state(centre=centre, state=S.COMPLETED, leader=plain_user, title="Zakończona dawno")
    initiative_in_state(centre=other_centre, state=S.DRAFT, leader=plain_user, title="Cudza")
    client = client_for(centre, plain_user)
    with django_assert_max_num_queries(25):
        body = client.get(reverse("accounts:dashboard")).content.decode()
    assert "Moje inicjatywy lokalne" in body
    assert "Ławki na skwerze</a> – dokończ i złóż wniosek" in body
    assert "Mural</a> – złóż sprawozdanie z wykonania" in body
    assert "Zakończona dawno" not in body and "Cudza" not in body


def test_no_initiative_no_card(client_for, centre, plain_user):
    body = client_for(centre, plain_user).get(reverse("accounts:dashboard")).content.decode()
    assert "Moje inicjatywy lokalne" not in body
