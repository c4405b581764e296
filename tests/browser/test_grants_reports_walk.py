"""Częstochowa, after the results: the official demands a partial report (a deadline too soon is refused); the
treasurer files it and the official accepts it. Then the treasurer opens "Moje umowy", starts the final report,
fills it with a small overspend on one line within the contract's tolerance (the live check says the amounts
meet the contract's rules as she types), saves and submits it; a non-numeric amount is refused and nothing
stored. The official checks it in the queue, accepts it (the unspent grant becomes a return), records the
payment in the returns register, settles the contract, and plans a control. The report's PDF follows annex 5
(pdftotext). axe-core checks every page."""

import base64
import subprocess
from datetime import timedelta
from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect

from centrum.accounts.models import CentreRoleKind, MembershipRole
from centrum.accounts.tests.factories import CentreRoleFactory, MembershipFactory, UserFactory
from centrum.core.calendar import warsaw_today
from centrum.core.tests.factories import CentreFactory
from centrum.grants.models import Contract, GrantReturn, Report
from centrum.grants.tests.factories import contract_with_budget
from centrum.organisations.tests.factories import OrganisationFactory

from .helpers import check_page, login, visit

pytestmark = pytest.mark.browser


@pytest.fixture
def centre(db):
    return CentreFactory(
        slug="czestochowa",
        name="Centrum Organizacji Pozarządowych w Częstochowie",
        host="czestochowa.localhost",
    )


@pytest.fixture
def world(centre, password):
    organisation = OrganisationFactory(
        centre=centre, name="Stowarzyszenie Aktywni Seniorzy", nip="", regon="", email="seniorzy@example.org"
    )
    treasurer = UserFactory(email="skarbnik@example.org", full_name="Ewa Skarbnik", password=password)
    MembershipFactory(user=treasurer, organisation=organisation, role=MembershipRole.ADMIN)
    official = UserFactory(email="urzednik@example.org", full_name="Olga Urzędniczka", password=password)
    CentreRoleFactory(centre=centre, user=official, role=CentreRoleKind.OFFICIAL)
    today = warsaw_today()
    contract = contract_with_budget(
        centre=centre,
        organisation=organisation,
        title="Warsztaty „Aktywni razem”",
        start_date=today - timedelta(days=120),
        end_date=today - timedelta(days=10),
    )
    contract.final_report_due_on = today + timedelta(days=20)
    contract.save()
    return {"contract": contract, "treasurer": treasurer, "official": official}


def _pdf_text(page: Page, href: str) -> str:
    pdf = page.evaluate(
        """async (url) => {
            const response = await fetch(url);
            const bytes = new Uint8Array(await response.arrayBuffer());
            let binary = "";
            for (const b of bytes) binary += String.fromCharCode(b);
            return {status: response.status, type: response.headers.get("content-type"), body: btoa(binary)};
        }""",
        href,
    )
    assert pdf["status"] == 200 and pdf["type"] == "application/pdf"
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=base64.b64decode(pdf["body"]), capture_output=True, check=True
    ).stdout.decode()
    return " ".join(text.split())


def test_czestochowa_final_report_walk(page: Page, world, password):
    contract = world["contract"]
    lines = {line.kind: line.pk for line in contract.cost_lines.all()}
    workshops, coordination = lines["Warsztaty dla seniorów"], lines["Koordynacja zadania"]

    # 0. The official demands a partial report (art. 18 ust. 4): a deadline too soon is refused.
    login(page, world["official"].email, password)
    visit(page, f"/dotacje/umowy/{contract.pk}/rozliczenie/", label="contract settlement (official)")
    page.get_by_role("link", name="Wezwij do złożenia sprawozdania częściowego").click()
    check_page(page, label="partial report demand form")
    page.get_by_label("Termin złożenia", exact=False).fill((warsaw_today() + timedelta(days=5)).isoformat())
    page.get_by_label("Za jaki okres lub zakres").fill("Działania od początku zadania do końca listopada")
    page.get_by_role("button", name="Wezwij organizację").click()
    check_page(page, label="partial report demand refused")
    assert not Report.objects.filter(contract=contract).exists()
    page.get_by_label("Termin złożenia", exact=False).fill((warsaw_today() + timedelta(days=35)).isoformat())
    page.get_by_role("button", name="Wezwij organizację").click()
    check_page(page, label="partial report demanded")
    partial = Report.objects.get(contract=contract, kind="partial")

    # The treasurer files the partial report; the official accepts it (no return on a partial report).
    page.context.clear_cookies()
    login(page, world["treasurer"].email, password)
    visit(page, f"/dotacje/sprawozdania/{partial.pk}/", label="partial report (organisation)")
    page.get_by_role("link", name="Uzupełnij sprawozdanie").click()
    check_page(page, label="partial report form")
    page.get_by_label("Opis wykonania zadania: działania zrealizowane, ich terminy i miejsce").fill(
        "Przeprowadzono 5 z 10 warsztatów w świetlicy przy ul. Okólnej."
    )
    page.locator(f"input[name='line-{workshops}-value']").fill("4 200,00")
    page.locator(f"input[name='line-{workshops}-grant']").fill("3 500,00")
    page.get_by_label("Wkład własny finansowy (zł)").fill("700")
    page.get_by_label("Oświadczam", exact=False).check()
    page.get_by_role("button", name="Zapisz sprawozdanie").click()
    check_page(page, label="partial report saved")
    page.get_by_role("button", name="Złóż sprawozdanie").click()
    check_page(page, label="partial report submitted")
    partial.refresh_from_db()
    assert partial.status == "submitted", page.locator("main").inner_text()[:500]
    assert "SPRAWOZDANIE CZĘŚCIOWE" in _pdf_text(
        page, page.get_by_role("link", name="Sprawozdanie (PDF)").get_attribute("href")
    )
    page.context.clear_cookies()
    login(page, world["official"].email, password)
    visit(page, f"/dotacje/sprawozdania/{partial.pk}/", label="partial report (official)")
    page.get_by_role("button", name="Przyjmij sprawozdanie").click()
    check_page(page, label="partial report accepted")
    partial.refresh_from_db()
    assert partial.status == "accepted" and not GrantReturn.objects.filter(contract=contract).exists()
    page.context.clear_cookies()

    # 1. The treasurer starts the final report from "Moje umowy".
    login(page, world["treasurer"].email, password)
    visit(page, "/dotacje/umowy/moje/", label="my contracts", phone=True)
    page.get_by_role("link", name=contract.title).first.click()
    check_page(page, label="contract settlement (organisation)")
    page.get_by_role("button", name="Rozpocznij").last.click()
    check_page(page, label="report form", phone=True)
    report = Report.objects.get(contract=contract, kind="final")

    # 2. The live check follows the typing: 7 500 zł on a 7 000 zł line is within 20 %.
    page.get_by_label("Opis wykonania zadania: działania zrealizowane, ich terminy i miejsce").fill(
        "Przeprowadzono 10 warsztatów w świetlicy przy ul. Okólnej."
    )
    page.locator(f"input[name='line-{workshops}-value']").fill("8 500,00")
    page.locator(f"input[name='line-{workshops}-grant']").fill("7 500,00")
    page.locator(f"input[name='line-{coordination}-value']").fill("3 300,00")
    page.locator(f"input[name='line-{coordination}-grant']").fill("2 300,00")
    page.get_by_label("Wkład własny finansowy (zł)").fill("2 000")
    expect(page.locator("#report-checks")).to_contain_text("Kwoty spełniają zasady umowy", timeout=10000)
    expect(page.locator("#report-checks")).to_contain_text("200,00")  # unspent grant
    check_page(page, label="report form after the live check")

    # 3. A non-numeric amount is refused; nothing stored.
    page.get_by_label("Wkład rzeczowy (zł)").fill("dużo")
    page.get_by_role("button", name="Zapisz sprawozdanie").click()
    check_page(page, label="report form with a wrong amount")
    report.refresh_from_db()
    assert report.actions_done == ""
    page.get_by_label("Wkład rzeczowy (zł)").fill("")
    page.get_by_label("Oświadczam", exact=False).check()
    page.get_by_role("button", name="Zapisz sprawozdanie").click()
    check_page(page, label="report page")
    expect(page.get_by_text("Zapisano sprawozdanie.")).to_be_visible()
    page.get_by_role("button", name="Złóż sprawozdanie").click()
    check_page(page, label="report submitted")
    report.refresh_from_db()
    assert report.status == "submitted"
    text = _pdf_text(page, page.get_by_role("link", name="Sprawozdanie (PDF)").get_attribute("href"))
    for heading in (
        "SPRAWOZDANIE KOŃCOWE",
        "załącznik nr 5",
        "Część I. Sprawozdanie merytoryczne",
        "Część II. Sprawozdanie z wykonania wydatków",
        "Część III. Dodatkowe informacje",
        "Warsztaty dla seniorów",
    ):
        assert heading in text, heading

    # 4. The official accepts it: the unspent 200 zł becomes a return; records its payment; settles.
    page.context.clear_cookies()
    login(page, world["official"].email, password)
    visit(page, "/dotacje/urzad/sprawozdania/", label="reports queue")
    page.get_by_role("link", name=contract.title).first.click()
    check_page(page, label="report page (official)")
    page.get_by_role("button", name="Przyjmij sprawozdanie").click()
    check_page(page, label="report accepted")
    grant_return = GrantReturn.objects.get(contract=contract)
    assert grant_return.amount == Decimal("200.00")
    visit(page, "/dotacje/urzad/zwroty/", label="returns register")
    page.get_by_role("link", name="Zapisz wpłatę").first.click()
    check_page(page, label="payment form")
    page.get_by_label("Data wpłaty").fill(warsaw_today().isoformat())
    page.get_by_label("Wpłacona kwota (zł)").fill("200,00")
    page.get_by_role("button", name="Zapisz wpłatę").click()
    check_page(page, label="payment recorded")
    visit(page, f"/dotacje/umowy/{contract.pk}/rozliczenie/", label="contract settlement (official)")
    page.get_by_role("button", name="Zatwierdź rozliczenie umowy").click()
    check_page(page, label="contract settled")
    assert Contract.objects.get(pk=contract.pk).status == "settled"

    # 5. A control after the task, with its notice to the organisation.
    visit(page, f"/dotacje/urzad/umowy/{contract.pk}/kontrola/", label="control form")
    page.locator("select[name=phase]").select_option("after")
    page.locator("input[name=planned_on]").fill((warsaw_today() + timedelta(days=7)).isoformat())
    page.locator("textarea[name=scope]").fill("Dokumentacja finansowa zadania")
    page.locator("input[name=controllers]").fill("Olga Urzędniczka, inspektor")
    page.get_by_role("button", name="Zaplanuj kontrolę").click()
    check_page(page, label="control page")
    expect(page.get_by_text("Zaplanowano kontrolę", exact=False)).to_be_visible()
