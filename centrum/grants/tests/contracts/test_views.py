"""The contracts pages: the updated budget form, drafting, editing and signing a contract, annexes, the desk
and the competition's tab; roles, another centre's objects and query counts."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from centrum.organisations.tests.factories import OrganisationFactory

from ...choices import BudgetUpdateStatus, ContractStatus, PaperSigning
from ...models import BudgetUpdate, Contract, ContractAnnex
from ...services.contracts import (
    budget_update_save,
    contract_create_from_offer,
    contract_sign,
    update_initial_content,
)
from .conftest import selected_offer

pytestmark = [pytest.mark.django_db, pytest.mark.dates]

REPS = [{"name": "Anna Kowalska", "function": "Prezes Zarządu"}]


@pytest.fixture
def contract(offer, official_user):
    return contract_create_from_offer(offer=offer, actor=official_user, values={})


def _form_data(client, url, form_class="update-form") -> dict:
    import re

    html = client.get(url).content.decode()
    form = html[html.index(f'class="{form_class}"') :]
    form = form[: form.index("</form>")]
    data = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', form))
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', form, re.S):
        chosen = re.search(r'<option value="([^"]*)"[^>]*selected', body)
        data[name] = chosen.group(1) if chosen else ""
    data.pop("csrfmiddlewaretoken", None)
    return data


def test_the_organisation_prepares_and_files_the_update(
    client_for, centre, short_offer, org_admin, official_user
):
    client = client_for(centre, org_admin)
    url = reverse("grants:budget_update", args=[short_offer.pk])
    offer_page = client.get(reverse("grants:offer", args=[short_offer.pk])).content.decode()
    assert url in offer_page
    data = _form_data(client, url)
    data["lines-0-unit_cost"] = "140,00"
    data["lines-0-units"] = "50"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    update = BudgetUpdate.objects.get()
    assert update.total_cost == Decimal("8000.00") and update.lines.count() == 2
    page = client.get(url).content.decode()
    assert reverse("grants:budget_update_action", args=[update.pk, "submit"]) in page
    response = client.post(
        reverse("grants:budget_update_action", args=[update.pk, "submit"]), {"state": "draft"}
    )
    update.refresh_from_db()
    assert update.status == BudgetUpdateStatus.SUBMITTED
    official = client_for(centre, official_user)
    page = official.get(url).content.decode()
    assert reverse("grants:budget_update_action", args=[update.pk, "accept"]) in page
    official.post(reverse("grants:budget_update_action", args=[update.pk, "return"]), {"state": "submitted"})
    update.refresh_from_db()
    assert update.status == BudgetUpdateStatus.SUBMITTED  # a return needs its reason


def test_bad_update_input_stores_nothing(client_for, centre, short_offer, org_admin):
    client = client_for(centre, org_admin)
    url = reverse("grants:budget_update", args=[short_offer.pk])
    data = _form_data(client, url)
    data["lines-0-units"] = "abc"
    data["h-end_date"] = "2000-01-01"
    response = client.post(url, data)
    assert response.status_code == 200
    assert not BudgetUpdate.objects.exists()


def test_add_a_line_keeps_what_was_typed(client_for, centre, short_offer, org_admin):
    client = client_for(centre, org_admin)
    url = reverse("grants:budget_update", args=[short_offer.pk])
    data = _form_data(client, url)
    data["lines-0-kind"] = "Honorarium"
    data["add"] = "line"
    page = client.post(url, data).content.decode()
    assert "Honorarium" in page and not BudgetUpdate.objects.exists()


def test_update_page_roles(client_for, centre, short_offer, offer, plain_user, staff_user, org_member):
    url = reverse("grants:budget_update", args=[short_offer.pk])
    assert client_for(centre).get(url).status_code == 302
    for user in (plain_user, staff_user):
        assert client_for(centre, user).get(url).status_code == 404
    assert client_for(centre, org_member).get(url).status_code == 200
    # an offer awarded in full needs none
    assert (
        client_for(centre, org_member).get(reverse("grants:budget_update", args=[offer.pk])).status_code
        == 404
    )


def test_the_official_drafts_edits_and_signs(client_for, centre, offer, official_user, org_admin):
    client = client_for(centre, official_user)
    assert (
        reverse("grants:contract_new", args=[offer.pk])
        in client.get(reverse("grants:offer", args=[offer.pk])).content.decode()
    )
    page = client.get(reverse("grants:contract_new", args=[offer.pk])).content.decode()
    assert "PL61109010140000071219812874" in page
    response = client.post(
        reverse("grants:contract_new", args=[offer.pk]),
        {
            "number": "",
            "title": offer.title,
            "organ": "Prezydent Miasta",
            "organ_representative": "",
            "start_date": offer.start_date.isoformat(),
            "end_date": offer.end_date.isoformat(),
            "spending_deadline": offer.end_date.isoformat(),
            "bank_account": "61 1090 1014 0000 0712 1981 2874",
            "line_tolerance_percent": "15",
            "share_tolerance_points": "5",
        },
    )
    contract = Contract.objects.get()
    assert response.status_code == 302 and contract.line_tolerance_percent == Decimal("15")
    edit = reverse("grants:contract_edit", args=[contract.pk])
    bad = client.post(edit, {**_contract_post(contract), "bank_account": "PL00123"})
    assert bad.status_code == 200 and "rachunku" in bad.content.decode()
    contract.refresh_from_db()
    assert contract.bank_account == "PL61109010140000071219812874"
    sign_url = reverse("grants:contract_action", args=[contract.pk, "sign"])
    assert sign_url in client.get(reverse("grants:contract_sign", args=[contract.pk])).content.decode()
    refused = client.post(sign_url, {"state": "draft", "signing": "paper"})
    assert refused.status_code == 200
    contract.refresh_from_db()
    assert contract.status == ContractStatus.DRAFT
    wrong = SimpleUploadedFile("u.pdf", b"%PDF-1.7 /Sig /ByteRange " + b"ab" * 32)
    refused = client.post(
        sign_url,
        {
            "state": "draft",
            "signing": "signed_file",
            "other_representatives": "Anna Kowalska – Prezes",
            "signed_file": wrong,
        },
    )
    assert "tej umowy" in refused.content.decode()
    done = client.post(
        sign_url,
        {"state": "draft", "signing": "paper", "other_representatives": "Anna Kowalska – Prezes Zarządu"},
    )
    assert done.status_code == 302
    contract.refresh_from_db()
    assert contract.status == ContractStatus.SIGNED
    assert contract.representatives == [{"name": "Anna Kowalska", "function": "Prezes Zarządu"}]
    member_page = (
        client_for(centre, org_admin).get(reverse("grants:contract", args=[contract.pk])).content.decode()
    )
    assert (
        "Anna Kowalska" in member_page and reverse("grants:annex_new", args=[contract.pk]) not in member_page
    )


def _contract_post(contract) -> dict:
    return {
        "number": contract.number,
        "title": contract.title,
        "organ": contract.organ,
        "organ_representative": contract.organ_representative,
        "start_date": contract.start_date.isoformat(),
        "end_date": contract.end_date.isoformat(),
        "spending_deadline": contract.spending_deadline.isoformat(),
        "bank_account": contract.bank_account,
        "line_tolerance_percent": str(contract.line_tolerance_percent),
        "share_tolerance_points": str(contract.share_tolerance_points),
    }


def test_annex_through_the_pages(client_for, centre, contract, official_user):
    contract = contract_sign(
        contract=contract, actor=official_user, representatives=REPS, signing=PaperSigning.PAPER
    )
    client = client_for(centre, official_user)
    url = reverse("grants:annex_new", args=[contract.pk])
    assert url in client.get(reverse("grants:contract", args=[contract.pk])).content.decode()
    bad = client.post(url, {"description": "Zmiana rachunku", "bank_account": "123"})
    assert bad.status_code == 200 and not ContractAnnex.objects.exists()
    response = client.post(
        url,
        {
            "description": "Zmiana rachunku bankowego Zleceniobiorcy.",
            "bank_account": "PL27114020040000300201355387",
        },
    )
    annex = ContractAnnex.objects.get()
    assert response.status_code == 302
    response = client.post(
        reverse("grants:annex_action", args=[annex.pk, "sign"]),
        {"state": "draft", "signing": "paper", "other_representatives": "Anna Kowalska – Prezes"},
    )
    contract.refresh_from_db()
    assert contract.bank_account == "PL27114020040000300201355387"
    page = client.get(reverse("grants:contract", args=[contract.pk])).content.decode()
    assert "PL61109010140000071219812874" in page  # the history keeps the old account
    assert client.get(reverse("grants:annex_pdf", args=[annex.pk])).status_code == 200


@pytest.mark.parametrize("name", ["grants:contract", "grants:contract_pdf"])
def test_contract_pages_for_members_and_officials_only(
    client_for, centre, contract, org_member, plain_user, staff_user, name
):
    url = reverse(name, args=[contract.pk])
    assert client_for(centre).get(url).status_code == 302
    for user in (plain_user, staff_user):
        assert client_for(centre, user).get(url).status_code == 404
    assert client_for(centre, org_member).get(url).status_code == 200


@pytest.mark.parametrize("name", ["grants:contract_edit", "grants:contract_sign", "grants:annex_new"])
def test_official_pages_forbidden_to_the_organisation(client_for, centre, contract, org_admin, name):
    assert client_for(centre, org_admin).get(reverse(name, args=[contract.pk])).status_code == 403


def test_other_centre_contract_is_404(client_for, other_centre, contract, official_user):
    from centrum.accounts.tests.factories import MembershipFactory  # noqa: F401

    client = client_for(other_centre, official_user)
    for name in ("grants:contract", "grants:contract_pdf", "grants:contract_edit", "grants:annex_new"):
        assert client.get(reverse(name, args=[contract.pk])).status_code == 404


def test_desk_filters_and_query_count(
    client_for, centre, official_user, org_admin, django_assert_max_num_queries
):
    client = client_for(centre, official_user)
    url = reverse("grants:contracts_desk")
    offers = [
        selected_offer(OrganisationFactory(centre=centre), awarded=Decimal("9000.00")) for _ in range(2)
    ]
    for o in offers:
        contract_create_from_offer(offer=o, actor=official_user, values={})
    with django_assert_max_num_queries(30) as small:
        assert client.get(url).status_code == 200
    for _ in range(5):
        o = selected_offer(OrganisationFactory(centre=centre), awarded=Decimal("9000.00"))
        contract_create_from_offer(offer=o, actor=official_user, values={})
    with django_assert_max_num_queries(len(small.captured_queries)):
        page = client.get(url).content.decode()
    assert page.count("/umowy/") >= 7
    filtered = client.get(url, {"status": "signed", "year": "abc", "kind": "x", "competition": "-1"})
    assert filtered.status_code == 200 and "Nie ma umów" in filtered.content.decode()
    assert client_for(centre, org_admin).get(url).status_code == 403
    assert client_for(centre).get(url).status_code == 302


def test_contract_page_query_count(
    client_for, centre, contract, official_user, django_assert_max_num_queries
):
    client = client_for(centre, official_user)
    url = reverse("grants:contract", args=[contract.pk])
    with django_assert_max_num_queries(30):
        assert client.get(url).status_code == 200


def test_competition_tab(
    client_for, centre, offer, short_offer, official_user, org_admin, django_assert_max_num_queries
):
    contract_create_from_offer(offer=offer, actor=official_user, values={})
    client = client_for(centre, official_user)
    url = reverse("grants:competition_contracts", args=[offer.competition_id])
    assert url in client.get(reverse("grants:board", args=[offer.competition_id])).content.decode()
    with django_assert_max_num_queries(25):
        page = client.get(url).content.decode()
    assert reverse("grants:contract", args=[offer.contract.pk]) in page
    assert client_for(centre, org_admin).get(url).status_code == 404


def test_update_page_query_count(client_for, centre, short_offer, org_admin, django_assert_max_num_queries):
    budget_update_save(offer=short_offer, content=update_initial_content(short_offer), actor=org_admin)
    client = client_for(centre, org_admin)
    with django_assert_max_num_queries(40):
        assert client.get(reverse("grants:budget_update", args=[short_offer.pk])).status_code == 200


def test_signing_offers_the_krs_representation(client_for, centre, contract, official_user):
    import json
    from pathlib import Path

    from django.utils import timezone

    from centrum.organisations.models import KrsExtract

    fixture = Path(__file__).resolve().parents[3] / "organisations/tests/fixtures/krs/0000251833.json"
    KrsExtract.objects.create(
        krs="0000251833", register="S", payload=json.loads(fixture.read_text()), fetched_at=timezone.now()
    )
    contract.organisation.krs = "0000251833"
    contract.organisation.save(update_fields=["krs"])
    client = client_for(centre, official_user)
    page = client.get(reverse("grants:contract_sign", args=[contract.pk])).content.decode()
    assert "PREZES ZARZĄDU" in page and "DWAJ CZŁONKOWIE ZARZĄDU ŁĄCZNIE" in page
    response = client.post(
        reverse("grants:contract_action", args=[contract.pk, "sign"]),
        {"state": "draft", "signing": "paper", "representatives": ["2"]},
    )
    assert response.status_code == 302
    contract.refresh_from_db()
    assert contract.status == ContractStatus.SIGNED
    assert contract.representatives[0]["function"] == "PREZES ZARZĄDU"


def test_the_desk_ignores_a_year_no_date_can_have():
    """`?year=22176` would make the database's year lookup fail (PostgreSQL raises): it is ignored."""
    from centrum.grants.selectors.contracts import desk_filters

    assert desk_filters({"year": "22176"}).year is None
    assert desk_filters({"year": "0"}).year is None
    assert desk_filters({"year": "2027"}).year == 2027


def test_the_contracts_register_export_follows_the_desk_filters(
    client_for, centre, other_centre, official_user, org_admin, django_assert_max_num_queries
):
    from centrum.grants.tests.factories import ContractFactory

    for _ in range(3):
        o = selected_offer(OrganisationFactory(centre=centre), awarded=Decimal("9000.00"))
        contract_create_from_offer(offer=o, actor=official_user, values={})
    ContractFactory(centre=other_centre, title="Umowa innego miasta")
    client = client_for(centre, official_user)
    with django_assert_max_num_queries(12):
        csv_text = b"".join(client.get(reverse("grants:contracts_export", args=["csv"])).streaming_content)
    lines = csv_text.decode("utf-8-sig").strip().split("\r\n")
    assert lines[0].startswith("Numer umowy;Tryb;Konkurs;Organizacja") and len(lines) == 4
    assert "9000" in lines[1] and "Umowa innego miasta" not in csv_text.decode()
    filtered = client.get(reverse("grants:contracts_export", args=["csv"]), {"status": "signed"})
    assert b"".join(filtered.streaming_content).decode("utf-8-sig").strip().count("\r\n") == 0  # header only
    xlsx = client.get(reverse("grants:contracts_export", args=["xlsx"]))
    assert xlsx.status_code == 200 and b"".join(xlsx.streaming_content)[:2] == b"PK"
    assert client.get(reverse("grants:contracts_export", args=["pdf"])).status_code == 404
    assert (
        client_for(centre, org_admin).get(reverse("grants:contracts_export", args=["csv"])).status_code == 403
    )
    assert (
        reverse("grants:contracts_export", args=["csv"])
        in client.get(reverse("grants:contracts_desk")).content.decode()
    )
