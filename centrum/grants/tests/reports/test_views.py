"""The pages of reports, settlement and control: every URL for the organisation, the official, anonymous, a
forbidden role and another centre's object (404); query counts; the live check; the annex 5 PDF."""

import shutil
import subprocess
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from centrum.core.calendar import warsaw_today
from centrum.grants.choices import ReportKind, ReportStatus
from centrum.grants.models import Control, ControlRecommendation, GrantReturn, Report
from centrum.grants.services import reports as S
from centrum.grants.tests.factories import contract_with_budget

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


@pytest.fixture
def contract(organisation, org_admin):
    return contract_with_budget(centre=organisation.centre, organisation=organisation)


@pytest.fixture
def report(contract, org_admin):
    return S.report_start(contract=contract, kind=ReportKind.FINAL, period_year=None, actor=org_admin)


def _form_data(report, **overrides):
    data = {
        "actions_done": "Przeprowadzono 10 warsztatów.",
        "results_description": "Cykl ukończony.",
        "own_financial": "2 000,00",
        "own_personal": "",
        "own_material": "",
        "recipient_fees": "",
        "declarations": "on",
    }
    for row in report.lines.select_related("planned"):
        data[f"line-{row.planned_id}-value"] = str(row.planned.value)
        data[f"line-{row.planned_id}-grant"] = str(row.planned.grant_part)
    for row in report.results.all():
        data[f"result-{row.result_id}"] = "38"
    data.update(overrides)
    return data


@pytest.fixture
def control(contract, official_user):
    control = Control.objects.create(
        centre=contract.centre,
        contract=contract,
        phase="during",
        scope="Dokumentacja",
        planned_on=warsaw_today() - timedelta(days=1),
        controllers="A. Nowak",
        protocol_on=warsaw_today(),
        findings="Braki",
    )
    ControlRecommendation.objects.create(
        centre=contract.centre,
        control=control,
        text="Opisać faktury",
        due_on=warsaw_today() + timedelta(days=3),
    )
    return control


@pytest.fixture
def grant_return(contract):
    return GrantReturn.objects.create(
        centre=contract.centre,
        contract=contract,
        amount=Decimal("300"),
        unspent=Decimal("300"),
        due_on=warsaw_today(),
    )


def test_member_fills_and_submits_a_report(
    client_for, centre, contract, report, org_admin, django_assert_max_num_queries
):
    client = client_for(centre, org_admin)
    with django_assert_max_num_queries(30):
        page = client.get(reverse("grants:contract_reports", args=[contract.pk]))
    assert page.status_code == 200 and "Sprawozdanie końcowe".lower() in page.content.decode().lower()
    with django_assert_max_num_queries(30):
        assert client.get(reverse("grants:report_edit", args=[report.pk])).status_code == 200
    live = client.post(
        reverse("grants:report_check", args=[report.pk]), _form_data(report, **{"own_financial": "10"})
    )
    assert "nie bilansują się" in live.content.decode()
    response = client.post(reverse("grants:report_edit", args=[report.pk]), _form_data(report))
    assert response.status_code == 302
    with django_assert_max_num_queries(30):
        detail = client.get(reverse("grants:report", args=[report.pk]))
    assert "Kwoty spełniają zasady umowy" in detail.content.decode()
    response = client.post(reverse("grants:report_action", args=[report.pk, "submit"]), {"state": "draft"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED


def test_garbage_amount_is_a_form_error_and_nothing_stored(client_for, centre, report, org_admin):
    client = client_for(centre, org_admin)
    response = client.post(
        reverse("grants:report_edit", args=[report.pk]), _form_data(report, own_financial="dużo")
    )
    assert response.status_code == 200
    report.refresh_from_db()
    assert report.own_financial == 0 and report.actions_done == ""


def test_start_report_from_the_contract_page(client_for, centre, contract, org_admin):
    client = client_for(centre, org_admin)
    response = client.post(reverse("grants:report_start", args=[contract.pk]), {"kind": "final"})
    assert response.status_code == 302
    assert Report.objects.filter(contract=contract, kind="final").exists()
    response = client.post(
        reverse("grants:report_start", args=[contract.pk]), {"kind": "partial", "period_year": "1999"}
    )
    assert response.status_code == 302 and Report.objects.count() == 1


def test_official_accepts_with_extra_amount_and_records_payment(
    client_for, centre, report, org_admin, official_user, django_assert_max_num_queries
):
    S.report_save(
        report=report,
        actor=org_admin,
        data={"actions_done": "Zrobione", "own_financial": Decimal("2000"), "declarations": True},
        lines={},
        results={},
    )
    for row in report.lines.select_related("planned"):
        row.actual_value, row.actual_grant = row.planned.value, row.planned.grant_part
        row.save()
    S.report_submit(report=report, actor=org_admin)
    client = client_for(centre, official_user)
    with django_assert_max_num_queries(30):
        assert client.get(reverse("grants:reports_desk")).status_code == 200
    refused = client.post(
        reverse("grants:report_action", args=[report.pk, "accept"]),
        {"state": "submitted", "accept-extra_amount": "150", "accept-extra_reason": ""},
    )
    assert refused.status_code == 400 and "Podaj uzasadnienie" in refused.content.decode()
    assert not GrantReturn.objects.exists()
    response = client.post(
        reverse("grants:report_action", args=[report.pk, "accept"]),
        {"state": "submitted", "accept-extra_amount": "150", "accept-extra_reason": "Faktura poza okresem."},
    )
    assert response.status_code == 302
    grant_return = GrantReturn.objects.get()
    assert grant_return.amount == Decimal("150.00")
    with django_assert_max_num_queries(30):
        register = client.get(reverse("grants:returns"))
    assert "150,00" in register.content.decode()
    for fmt in ("csv", "xlsx"):
        export = client.get(reverse("grants:returns_export", args=[fmt]))
        assert export.status_code == 200
    assert (
        "Faktura"
        in b"".join(client.get(reverse("grants:returns_export", args=["csv"])).streaming_content).decode()
    )
    assert client.get(reverse("grants:reports_export", args=["xlsx"])).status_code == 200
    assert client.get(reverse("grants:return_payment", args=[grant_return.pk])).status_code == 200
    response = client.post(
        reverse("grants:return_payment", args=[grant_return.pk]),
        {"paid_on": warsaw_today().isoformat(), "amount_paid": "150,00"},
    )
    assert response.status_code == 302
    grant_return.refresh_from_db()
    assert grant_return.paid_on == warsaw_today()


def test_correction_form_needs_a_deadline(client_for, centre, report, org_admin, official_user):
    report.status = ReportStatus.SUBMITTED
    report.save()
    client = client_for(centre, official_user)
    response = client.post(
        reverse("grants:report_action", args=[report.pk, "request_correction"]),
        {"state": "submitted", "correction-reason": "", "correction-due_on": ""},
    )
    assert response.status_code == 400
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED
    response = client.post(
        reverse("grants:report_action", args=[report.pk, "request_correction"]),
        {
            "state": "submitted",
            "correction-reason": "Popraw opis",
            "correction-due_on": (warsaw_today() + timedelta(days=7)).isoformat(),
        },
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.CORRECTION


def test_control_pages(
    client_for, centre, contract, control, official_user, org_admin, django_assert_max_num_queries
):
    client = client_for(centre, official_user)
    with django_assert_max_num_queries(30):
        assert client.get(reverse("grants:controls")).status_code == 200
    with django_assert_max_num_queries(30):
        assert client.get(reverse("grants:control", args=[control.pk])).status_code == 200
    for name, pk in (
        ("control_new", contract.pk),
        ("control_protocol", control.pk),
        ("recommendation_new", control.pk),
        ("recommendation_done", control.recommendations.get().pk),
        ("report_demand", contract.pk),
    ):
        assert client.get(reverse(f"grants:{name}", args=[pk])).status_code == 200, name
    response = client.post(
        reverse("grants:control_new", args=[contract.pk]),
        {
            "phase": "during",
            "planned_on": contract.end_date.isoformat(),
            "scope": "Finanse",
            "controllers": "B. K.",
        },
    )
    assert response.status_code == 302 and Control.objects.count() == 2
    bad = client.post(
        reverse("grants:control_new", args=[contract.pk]),
        {
            "phase": "during",
            "planned_on": (contract.end_date + timedelta(days=9)).isoformat(),
            "scope": "F",
            "controllers": "B",
        },
    )
    assert bad.status_code == 400 and Control.objects.count() == 2
    # The organisation sees the control, not the official's forms.
    member = client_for(centre, org_admin)
    assert member.get(reverse("grants:control", args=[control.pk])).status_code == 200
    assert member.get(reverse("grants:control_protocol", args=[control.pk])).status_code == 403


def test_report_pdf_follows_annex_5(client_for, centre, report, org_admin):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext missing")
    response = client_for(centre, org_admin).get(reverse("grants:report_pdf", args=[report.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=response.content, capture_output=True, check=True
    ).stdout.decode()
    text = " ".join(text.split())
    for heading in (
        "SPRAWOZDANIE KOŃCOWE",
        "załącznik nr 5",
        "Część I. Sprawozdanie merytoryczne",
        "Część II. Sprawozdanie z wykonania wydatków",
        "Rozliczenie ze względu na źródło finansowania",
        "Część III. Dodatkowe informacje",
        "Oświadczam",
        "Warsztaty dla seniorów",
    ):
        assert heading in text, heading


def test_small_grant_uses_the_simplified_report(client_for, centre, organisation, org_admin):
    contract = contract_with_budget(
        centre=centre, organisation=organisation, kind="small_grant", offer=None, title="Piknik sąsiedzki"
    )
    report = S.report_start(contract=contract, kind=ReportKind.FINAL, period_year=None, actor=org_admin)
    client = client_for(centre, org_admin)
    edit = client.get(reverse("grants:report_edit", args=[report.pk])).content.decode()
    assert 'name="results_description"' not in edit
    if shutil.which("pdftotext"):
        pdf = client.get(reverse("grants:report_pdf", args=[report.pk])).content
        text = subprocess.run(
            ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
        ).stdout.decode()
        assert "Dz.U. 2018 poz. 2055" in " ".join(text.split())


def test_roles_and_tenancy(
    client_for,
    centre,
    other_centre,
    contract,
    report,
    control,
    grant_return,
    plain_user,
    org_admin,
    official_user,
):
    urls_member = [
        reverse("grants:contract_reports", args=[contract.pk]),
        reverse("grants:report", args=[report.pk]),
        reverse("grants:report_edit", args=[report.pk]),
        reverse("grants:report_pdf", args=[report.pk]),
        reverse("grants:control", args=[control.pk]),
    ]
    urls_official = [
        reverse("grants:reports_desk"),
        reverse("grants:returns"),
        reverse("grants:controls"),
        reverse("grants:returns_export", args=["csv"]),
        reverse("grants:reports_export", args=["csv"]),
        reverse("grants:return_payment", args=[grant_return.pk]),
        reverse("grants:control_new", args=[contract.pk]),
        reverse("grants:report_demand", args=[contract.pk]),
        reverse("grants:control_protocol", args=[control.pk]),
        reverse("grants:recommendation_new", args=[control.pk]),
    ]
    anon = client_for(centre)
    for url in urls_member + urls_official:
        assert anon.get(url).status_code == 302, url
    stranger = client_for(centre, plain_user)
    for url in urls_member:
        assert stranger.get(url).status_code == 404, url
    for url in urls_official:
        assert stranger.get(url).status_code in (403, 404), url
    member = client_for(centre, org_admin)
    for url in urls_official:
        assert member.get(url).status_code in (403, 404), url
    assert member.post(reverse("grants:contract_settle", args=[contract.pk])).status_code == 404
    assert (
        member.post(
            reverse("grants:report_action", args=[report.pk, "accept"]), {"state": "draft"}
        ).status_code
        == 403
    )
    # Another centre's objects: 404 for the official of that centre.
    from centrum.accounts.models import CentreRoleKind
    from centrum.accounts.tests.factories import CentreRoleFactory, UserFactory

    elsewhere = UserFactory(email="urzednik-zory@example.org")
    CentreRoleFactory(centre=other_centre, user=elsewhere, role=CentreRoleKind.OFFICIAL)
    other = client_for(other_centre, elsewhere)
    for url in urls_member + [
        reverse("grants:return_payment", args=[grant_return.pk]),
        reverse("grants:control_new", args=[contract.pk]),
        reverse("grants:control_protocol", args=[control.pk]),
    ]:
        assert other.get(url).status_code == 404, url


def test_settle_page_action(client_for, centre, contract, official_user):
    client = client_for(centre, official_user)
    response = client.post(reverse("grants:contract_settle", args=[contract.pk]))
    assert response.status_code == 302
    contract.refresh_from_db()
    assert contract.status == "signed"


def test_dashboard_cards(
    client_for, centre, contract, grant_return, control, org_admin, staff_user, django_assert_max_num_queries
):
    from centrum.accounts.models import CentreRoleKind, Membership
    from centrum.accounts.tests.factories import CentreRoleFactory

    member = client_for(centre, org_admin)
    with django_assert_max_num_queries(25):
        page = member.get(reverse("grants:my_contracts")).content.decode()
    assert contract.title in page and "Opisać faktury" in page and "300,00" in page
    # The member sees the organisation's contracts on "Moje konto"; the staff panel has the officials' card.
    with django_assert_max_num_queries(25):
        account = member.get(reverse("accounts:dashboard")).content.decode()
    assert "Umowy i rozliczenia" in account and "Sprawozdania i zwroty dotacji" not in account
    CentreRoleFactory(centre=centre, user=staff_user, role=CentreRoleKind.OFFICIAL)
    Membership.objects.create(
        centre=centre, user=staff_user, organisation=contract.organisation, role="member"
    )
    panel = client_for(centre, staff_user).get(reverse("core:staff_dashboard")).content.decode()
    assert "Sprawozdania i zwroty dotacji" in panel and "Umowy i rozliczenia" not in panel
    account = client_for(centre, staff_user).get(reverse("accounts:dashboard")).content.decode()
    assert "Umowy i rozliczenia" in account
