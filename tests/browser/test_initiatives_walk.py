"""Miechów, a village group's local initiative from the application to its completion: the official records the
council's resolution and its criteria (one outweighing the social work is refused); a resident files for the
group (a member without an account, social work in hours, things valued the Polish way) and submits; the
official scores each criterion, accepts with reasons (the group is e-mailed), agrees the schedule and the
costing, opens the agreement PDF and records its signing; the resident files the completion record; the public
list shows it. axe-core checks every page."""

import shutil
import subprocess
from datetime import timedelta
from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect

from centrum.accounts.models import CentreRoleKind
from centrum.accounts.tests.factories import CentreRoleFactory, UserFactory
from centrum.core.calendar import warsaw_today
from centrum.core.models import OutboxMessage
from centrum.core.tests.factories import CentreFactory
from centrum.initiatives.choices import InitiativeStatus
from centrum.initiatives.models import Contribution, Criterion, Initiative

from .helpers import check_page, fetch_file, login, visit

pytestmark = pytest.mark.browser


@pytest.fixture
def centre(db):
    return CentreFactory(
        slug="miechow", name="Centrum Organizacji Pozarządowych w Miechowie", host="miechow.localhost"
    )


@pytest.fixture
def people(centre, password):
    official = UserFactory(email="urzednik@example.org", full_name="Iwona Grabowska", password=password)
    CentreRoleFactory(centre=centre, user=official, role=CentreRoleKind.OFFICIAL)
    resident = UserFactory(email="soltys@example.org", full_name="Stanisław Wiejski", password=password)
    return {"official": official, "resident": resident}


def _as(page: Page, email: str, password: str) -> None:
    page.context.clear_cookies()
    login(page, email, password)


def test_miechow_village_initiative_walk(page: Page, people, password):
    today = warsaw_today()

    # 1. The official records the council's resolution and its criteria.
    login(page, "urzednik@example.org", password)
    visit(page, "/inicjatywy-lokalne/", label="initiatives (official)")
    page.get_by_role("link", name="Zasady (uchwała rady)").click()
    check_page(page, label="rules, empty")
    page.locator("#id_resolution_number").fill("XXV/212/2025")
    page.locator("#id_resolution_date").fill((today - timedelta(days=200)).isoformat())
    page.locator("#id_intake_mode").select_option("continuous")
    page.get_by_role("button", name="Zapisz uchwałę").click()
    check_page(page, label="rules saved", phone=True)
    page.locator("#id_name").fill("Wkład pracy społecznej")
    page.locator("#id_weight").fill("50")
    page.locator("#id_social_work").check()
    page.get_by_role("button", name="Dodaj kryterium").click()
    page.locator("#id_name").fill("Liczba mieszkańców, którzy skorzystają")
    page.locator("#id_weight").fill("60")
    page.get_by_role("button", name="Dodaj kryterium").click()
    check_page(page, label="criterion refused")
    expect(page.get_by_text("ważyłoby więcej").first).to_be_visible()
    page.locator("#id_weight").fill("30")
    page.get_by_role("button", name="Dodaj kryterium").click()
    assert Criterion.objects.count() == 2
    page.get_by_role("link", name="7. Rewitalizacja").click()
    check_page(page, label="area form")

    # 2. A resident files for the village group and submits.
    _as(page, "soltys@example.org", password)
    visit(page, "/inicjatywy-lokalne/", label="initiatives (public)", phone=True)
    page.get_by_role("link", name="Złóż wniosek o inicjatywę lokalną").click()
    check_page(page, label="application form", phone=True)
    page.locator("#id_group_name").fill("Mieszkańcy wsi Przestańsko")
    page.locator("#id_leader_name").fill("Stanisław Wiejski")
    page.locator("#id_leader_address").fill("Przestańsko 12, 32-200 Miechów")
    page.locator("#id_area").select_option(label="5. Przyroda i zieleń")
    page.locator("#id_title").fill("Zielony skwer przy remizie")
    page.locator("#id_description").fill("Nasadzenia drzew i krzewów, ławki, tablica o historii wsi.")
    page.locator("#id_needs").fill("We wsi nie ma miejsca spotkań na świeżym powietrzu.")
    page.locator("#id_place").fill("działka gminna przy remizie OSP")
    page.locator("#id_starts_on").fill(today.isoformat())
    page.locator("#id_ends_on").fill((today + timedelta(days=21)).isoformat())
    page.locator("#id_requested_amount").fill("8 500,00 zł")
    page.locator("#id_residents_declared").check()
    page.get_by_role("button", name="Zapisz").click()
    check_page(page, label="draft", phone=True)
    initiative = Initiative.objects.get()
    page.locator("#id_full_name").fill("Maria Sołtysiak")
    page.locator("#id_address").fill("Przestańsko 3")
    page.get_by_role("button", name="Dopisz", exact=True).click()
    page.locator("#id_kind").select_option("work")
    page.locator("#id_description").fill("Przygotowanie terenu i sadzenie")
    page.locator("#id_hours").fill("120")
    page.get_by_role("button", name="Dodaj", exact=True).click()
    page.locator("#id_kind").select_option("in_kind")
    page.locator("#id_description").fill("Sadzonki z przydomowych ogrodów")
    page.locator("#id_value").fill("1 200,00")
    page.get_by_role("button", name="Dodaj", exact=True).click()
    check_page(page, label="contributions")
    assert sorted(Contribution.objects.values_list("value", flat=True)) == [
        Decimal("1200.00"),
        Decimal("3768.00"),
    ]
    page.get_by_role("button", name="Złóż wniosek", exact=True).click()
    check_page(page, label="submitted")
    assert Initiative.objects.get().status == InitiativeStatus.SUBMITTED

    # 3. The official scores each criterion and accepts with reasons.
    _as(page, "urzednik@example.org", password)
    visit(page, "/inicjatywy-lokalne/biuro/", label="desk", phone=True)
    page.get_by_role("link", name="Zielony skwer przy remizie", exact=True).click()
    check_page(page, label="application for the official")
    page.get_by_role("link", name="Oceń wniosek").click()
    check_page(page, label="assessment form")
    for criterion in Criterion.objects.all():
        page.locator(f"#id_points_{criterion.pk}").fill("9")
        page.locator(f"#id_reason_{criterion.pk}").fill("Duży wkład pracy mieszkańców, potrzeba wsi opisana.")
    page.get_by_role("button", name="Zapisz ocenę").click()
    check_page(page, label="scored")
    page.locator(f"#reason-accept-{initiative.pk}").fill("Inicjatywa celowa, wysoki wkład pracy społecznej.")
    page.get_by_role("button", name="Przyjmij do realizacji").click()
    check_page(page, label="accepted")
    assert OutboxMessage.objects.filter(event="decision_to_applicant", to=["soltys@example.org"]).exists()

    # 4. The agreement: schedule, costing, the municipality's part, the PDF, the signing.
    page.get_by_role("link", name="Przygotuj umowę: harmonogram, kosztorys, wkład gminy").click()
    check_page(page, label="agreement", phone=True)
    page.locator("#id_action").fill("Nasadzenia i montaż ławek")
    page.locator("#id_starts_on").fill(today.isoformat())
    page.locator("#id_ends_on").fill((today + timedelta(days=21)).isoformat())
    page.locator("#id_responsible").fill("Mieszkańcy wsi i gmina")
    page.get_by_role("button", name="Dodaj do harmonogramu").click()
    page.locator("#id_item").fill("Ławki, kosz, tablica")
    page.locator("#id_amount").fill("8 500,00")
    page.locator("#id_payer").select_option("municipality")
    page.get_by_role("button", name="Dodaj do kosztorysu").click()
    page.locator("#id_budget_line").fill("900-90004-4210")
    page.locator("#id_municipality_in_kind").fill("Transport ziemi, sprzęt")
    page.locator("#id_municipality_in_kind_value").fill("1 500")
    page.get_by_role("button", name="Zapisz wkład gminy").click()
    check_page(page, label="agreement prepared")
    page.get_by_role("button", name="Harmonogram i kosztorys uzgodnione – przygotuj umowę").click()
    check_page(page, label="agreement in preparation")
    assert Initiative.objects.get().municipality_amount == Decimal("8500.00")
    visit(page, f"/inicjatywy-lokalne/{initiative.pk}/umowa/", label="agreement to sign")
    pdf_href = page.get_by_role("link", name="Umowa (PDF)").get_attribute("href")
    pdf = fetch_file(page, pdf_href)
    assert pdf["status"] == 200 and pdf["type"] == "application/pdf" and pdf["head"] == "%PDF-"
    page.locator("#id_signed_on").fill(today.isoformat())
    page.locator("#id_signed_for_municipality").fill("Burmistrz Gminy i Miasta Miechów")
    page.locator("#id_signed_for_applicant").fill("Stanisław Wiejski, Maria Sołtysiak")
    page.get_by_role("button", name="Zapisz podpisanie umowy").click()
    check_page(page, label="signed")
    assert Initiative.objects.get().status == InitiativeStatus.SIGNED

    # 5. The resident files the completion record.
    _as(page, "soltys@example.org", password)
    visit(page, "/inicjatywy-lokalne/moje/", label="my applications", phone=True)
    page.get_by_role("link", name="Zielony skwer przy remizie", exact=True).click()
    page.get_by_role("link", name="Złóż sprawozdanie z wykonania").click()
    check_page(page, label="completion form", phone=True)
    page.locator("#id_completion_report").fill("Posadzono 30 drzew i 80 krzewów, stanęły 3 ławki i tablica.")
    page.locator("#id_actual_work_hours").fill("135")
    page.locator("#id_actual_in_kind").fill("1 350,00")
    page.get_by_role("button", name="Zapisz sprawozdanie").click()
    check_page(page, label="completed")
    done = Initiative.objects.get()
    assert done.status == InitiativeStatus.COMPLETED and done.actual_in_kind == Decimal("1350.00")

    # 6. Anyone sees it on the list of initiatives carried out.
    page.context.clear_cookies()
    visit(page, "/inicjatywy-lokalne/zrealizowane/", label="carried out", phone=True)
    expect(page.get_by_role("link", name="Zielony skwer przy remizie")).to_be_visible()
    expect(page.get_by_text("Mieszkańcy wsi Przestańsko")).to_be_visible()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext is not installed")
@pytest.mark.django_db
def test_the_agreement_pdf_opens_with_the_statutory_sections(tmp_path):
    """The PDF a signing official prints, read back by pdftotext (outside the browser: the page only fetched it)."""
    from django.test import Client

    from centrum.initiatives.tests.factories import initiative_in_state

    centre = CentreFactory(slug="miechow", host="miechow.localhost")
    official = UserFactory(email="u@example.org")
    CentreRoleFactory(centre=centre, user=official, role=CentreRoleKind.OFFICIAL)
    initiative = initiative_in_state(centre=centre, state="signed", group_name="Mieszkańcy wsi Przestańsko")
    client = Client(HTTP_HOST="miechow.localhost")
    client.force_login(official)
    response = client.get(f"/inicjatywy-lokalne/{initiative.pk}/umowa.pdf")
    path = tmp_path / "umowa.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    for section in ("§ 1. Strony umowy", "§ 2. Przedmiot umowy", "§ 3. Termin wykonania", "§ 4. Kosztorys"):
        assert section in text
    assert "Mieszkańcy wsi Przestańsko" in text
