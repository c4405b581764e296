"""Częstochowa, after the results: the competition's selected offer was awarded less than it asked for, so
its organisation prepares and files an updated budget; the official accepts it, drafts the contract (a bad
IBAN refused), records its signing by the representatives on paper (the organisation is e-mailed the PDF),
then an annex moving the end date; the desk lists the contract. axe-core checks every page."""

from datetime import timedelta
from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect

from centrum.accounts.models import CentreRoleKind, MembershipRole
from centrum.accounts.tests.factories import CentreRoleFactory, MembershipFactory, UserFactory
from centrum.core.models import OutboxMessage
from centrum.core.tests.factories import CentreFactory
from centrum.grants.choices import BudgetUpdateStatus, CompetitionStatus, ContractStatus, OfferStatus
from centrum.grants.models import BudgetUpdate, Contract, ContractAnnex
from centrum.grants.tests.factories import complete_offer
from centrum.organisations.tests.factories import OrganisationFactory

from .helpers import check_page, fetch_file, login, visit

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
        centre=centre, name="Fundacja Teatralna Scena", nip="", email="scena@example.org"
    )
    offer = complete_offer(
        competition__centre=centre,
        competition__status=CompetitionStatus.DECIDED,
        competition__title="Kultura i sztuka 2027",
        organisation=organisation,
        status=OfferStatus.SELECTED,
        number="WK.524.1/1",
        awarded_grant=Decimal("7000.00"),
    )
    admin = UserFactory(email="prezes@example.org", full_name="Anna Kowalska", password=password)
    MembershipFactory(user=admin, organisation=organisation, role=MembershipRole.ADMIN)
    official = UserFactory(email="urzednik@example.org", full_name="Grażyna Kozłowska", password=password)
    CentreRoleFactory(centre=centre, user=official, role=CentreRoleKind.OFFICIAL)
    return {"offer": offer, "organisation": organisation}


def test_czestochowa_contract_walk(page: Page, world, password):
    offer = world["offer"]

    # 1. The organisation adapts its budget to the 7 000 zł awarded and files it.
    login(page, "prezes@example.org", password)
    visit(page, f"/dotacje/oferty/{offer.pk}/", label="selected offer")
    page.get_by_role("link", name="Przygotuj aktualizację kosztorysu").click()
    check_page(page, label="updated budget form", phone=True)
    page.locator("#id_lines-0-unit_cost").fill("140,00")
    page.locator("#id_lines-0-units").fill("50")
    page.get_by_role("button", name="Zapisz aktualizację").click()
    check_page(page, label="update saved")
    expect(page.get_by_text("Zapisano aktualizację kosztorysu.")).to_be_visible()
    page.get_by_role("button", name="Złóż aktualizację kosztorysu").click()
    check_page(page, label="update filed")
    assert BudgetUpdate.objects.get().status == BudgetUpdateStatus.SUBMITTED

    # 2. The official accepts it from the competition's "Umowy" tab.
    page.context.clear_cookies()
    login(page, "urzednik@example.org", password)
    visit(page, f"/dotacje/urzad/konkursy/{offer.competition_id}/", label="board")
    page.get_by_role("link", name="Umowy z wybranymi organizacjami").click()
    check_page(page, label="contracts tab", phone=True)
    page.get_by_role("link", name="złożona – czeka na urząd").click()
    check_page(page, label="update for the official")
    page.get_by_role("button", name="Przyjmij aktualizację kosztorysu").click()
    check_page(page, label="update accepted")
    assert BudgetUpdate.objects.get().status == BudgetUpdateStatus.ACCEPTED
    assert OutboxMessage.objects.filter(event="budget_update_decided_to_organisation").exists()

    # 3. The contract: a mistyped account is refused, then the draft is stored with the offer's amounts.
    visit(page, f"/dotacje/urzad/konkursy/{offer.competition_id}/umowy/", label="tab again")
    page.get_by_role("link", name="Przygotuj umowę").first.click()
    check_page(page, label="contract form", phone=True)
    page.locator("#id_bank_account").fill("PL61 1090 1014 0000 0712 1981 2875")
    page.get_by_role("button", name="Przygotuj projekt umowy").click()
    check_page(page, label="bad account")
    expect(page.locator(".error-summary, [role=alert]").first).to_contain_text("rachunku")
    assert not Contract.objects.exists()
    page.locator("#id_bank_account").fill("PL61 1090 1014 0000 0712 1981 2874")
    page.get_by_role("button", name="Przygotuj projekt umowy").click()
    check_page(page, label="contract draft", phone=True)
    contract = Contract.objects.get()
    assert contract.grant_amount == Decimal("7000.00") and contract.total_cost == Decimal("8000.00")
    pdf = fetch_file(page, f"/dotacje/umowy/{contract.pk}/pdf/")
    assert pdf["status"] == 200 and pdf["head"] == "%PDF-"

    # 4. Signing: the representatives (not in KRS: typed), on paper; the organisation gets the PDF.
    page.get_by_role("link", name="Zapisz zawarcie umowy").click()
    check_page(page, label="signing form", phone=True)
    page.locator("#id_other_representatives").fill("Anna Kowalska – Prezes Zarządu")
    page.locator("input[name=signing][value=paper]").check()
    page.get_by_role("button", name="Zapisz zawarcie umowy").click()
    check_page(page, label="contract signed")
    contract.refresh_from_db()
    assert contract.status == ContractStatus.SIGNED
    mail = OutboxMessage.objects.get(event="contract_signed_to_organisation")
    assert "scena@example.org" in mail.to and len(mail.attachments) == 1

    # 5. An annex moves the end of the task by two weeks.
    page.get_by_role("link", name="Nowy aneks").click()
    check_page(page, label="annex form")
    new_end = contract.end_date + timedelta(days=14)
    page.locator("#id_description").fill("Przedłużenie terminu realizacji zadania na wniosek Zleceniobiorcy.")
    page.locator("#id_end_date").fill(new_end.isoformat())
    page.locator("#id_spending_deadline").fill(new_end.isoformat())
    page.get_by_role("button", name="Przygotuj aneks").click()
    check_page(page, label="annex signing")
    page.locator("#id_other_representatives").fill("Anna Kowalska – Prezes Zarządu")
    page.locator("input[name=signing][value=paper]").check()
    page.get_by_role("button", name="Zapisz zawarcie aneksu").click()
    check_page(page, label="annex signed")
    contract.refresh_from_db()
    assert contract.end_date == new_end and ContractAnnex.objects.get().status == "signed"
    expect(page.get_by_text("Aneks nr 1").first).to_be_visible()

    # 6. The desk lists it.
    page.get_by_role("link", name="Umowy urzędu").first.click()
    check_page(page, label="contracts desk", phone=True)
    expect(page.get_by_text(contract.number).first).to_be_visible()
