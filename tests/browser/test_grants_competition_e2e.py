"""Częstochowa, one open competition end to end (issue 11's "done when"): the programme with planned funds is in
force; the official announces a competition on three channels and publishes it; two organisations file a joint
and a single offer; after the deadline the call is closed, the joint offer is sent for corrections and corrected
in the window, its signed confirmation received and accepted, the single one rejected; two commission members
declare and score; the official closes the scoring, awards a grant, publishes the results on three channels; a
visitor asks for the reasons of the rejection and the official answers. The offer PDF follows the statutory
sections (pdftotext). axe-core checks every page on the way."""

import base64
import subprocess
from datetime import timedelta
from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect

from centrum.accounts.models import CentreRoleKind, MembershipRole
from centrum.accounts.tests.factories import CentreRoleFactory, MembershipFactory, UserFactory
from centrum.core.calendar import warsaw_today
from centrum.core.models import OutboxMessage
from centrum.core.tests.factories import CentreFactory
from centrum.grants.choices import CompetitionStatus, OfferStatus
from centrum.grants.models import Competition, Offer, ReasonsRequest, Score
from centrum.grants.services.offers import _write_children, offer_create
from centrum.grants.tests.factories import complete_offer_content
from centrum.organisations.tests.factories import OrganisationFactory
from centrum.programmes.choices import ProgrammeStatus
from centrum.programmes.tests.factories import ProgrammeFactory, ProgrammeTaskFactory

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
def people(centre, password):
    def user(email, name, role=None):
        person = UserFactory(email=email, full_name=name, password=password)
        if role:
            CentreRoleFactory(centre=centre, user=person, role=role)
        return person

    theatre = OrganisationFactory(
        centre=centre, name="Stowarzyszenie Teatr Ulicy", nip="", regon="", email="teatr@example.org"
    )
    partner = OrganisationFactory(centre=centre, name="Fundacja Dzielnica Razem", nip="", regon="")
    choir = OrganisationFactory(
        centre=centre, name="Towarzystwo Śpiewacze Lutnia", nip="", regon="", email="lutnia@example.org"
    )
    people = {
        "official": user("urzednik@example.org", "Grażyna Kozłowska", CentreRoleKind.OFFICIAL),
        "member1": user("komisja1@example.org", "Adam Jankowski"),
        "member2": user("komisja2@example.org", "Ewa Nowicka"),
        "theatre": user("teatr.prezes@example.org", "Piotr Prezes"),
        "choir": user("lutnia.prezes@example.org", "Anna Dyrygent"),
    }
    MembershipFactory(user=people["theatre"], organisation=theatre, role=MembershipRole.ADMIN)
    MembershipFactory(user=people["choir"], organisation=choir, role=MembershipRole.ADMIN)
    programme = ProgrammeFactory(
        centre=centre, status=ProgrammeStatus.ADOPTED, first_year=warsaw_today().year + 1
    )
    ProgrammeTaskFactory(
        programme=programme, centre=centre, title="Kultura, sztuka i dziedzictwo", planned_amount=400000
    )
    return {**people, "orgs": {"theatre": theatre, "partner": partner, "choir": choir}}


def _draft(competition, organisation, actor, *, partner=None):
    """A complete draft prepared on the form (the offers walk drives the form itself)."""
    offer = offer_create(
        competition=competition, organisation=organisation, actor=actor, is_joint=partner is not None
    )
    rows = [
        {"name": organisation.name, "organisation_id": organisation.pk, "actions_scope": "Prowadzi zajęcia."}
    ]
    if partner is not None:
        rows.append({"name": partner.name, "organisation_id": partner.pk, "actions_scope": "Zapewnia salę."})
    content = complete_offer_content(competition=competition, joint=partner is not None, offerors=rows)
    _write_children(offer, content)
    for name, value in content.header.items():
        setattr(offer, name, value)
    offer.declarations = content.declarations
    offer.save()
    return offer


def _file(page: Page, offer, label: str):
    visit(page, f"/dotacje/oferty/{offer.pk}/", label=f"{label} before filing")
    page.get_by_role("button", name="Złóż ofertę").click()
    check_page(page, label=f"{label} filed")
    assert Offer.objects.get(pk=offer.pk).status == OfferStatus.SUBMITTED


def _formal_check(page: Page, offer, *, unmet: str = "", outcome: str, reason: str = ""):
    page.goto(f"/dotacje/ocena/oferty/{offer.pk}/formalna/")
    check_page(page, label=f"formal check {offer.pk}")
    for radio in page.locator("input[type=radio][name^=met_][value='1']").all():
        radio.check()
    if unmet:
        page.locator(f"input[name=met_{unmet}][value='0']").check()
    page.locator(f"input[name=outcome][value={outcome}]").check()
    if reason:
        page.locator("#id_reason").fill(reason)
    page.get_by_role("button", name="Zapisz ocenę formalną").click()
    check_page(page, label=f"formal check {offer.pk} saved")


def _record_channels(page: Page, competition, purpose: str, day):
    visit(page, f"/dotacje/urzad/konkursy/{competition.pk}/publikacje/", label=f"publications {purpose}")
    for channel, address in (
        ("bip", f"https://bip.czestochowa.example.pl/{purpose}/1"),
        ("board", "Tablica ogłoszeń Urzędu Miasta, parter"),
        ("website", f"https://czestochowa.example.pl/ngo/{purpose}"),
    ):
        if page.locator("#id_purpose").count():
            page.locator("#id_purpose").select_option(purpose)
        page.locator("#id_channel").select_option(channel)
        page.locator("#id_published_on").fill(day.isoformat())
        page.locator("#id_address").fill(address)
        page.get_by_role("button", name="Zapisz publikację").click()
        check_page(page, label=f"{purpose} on {channel}")


def test_czestochowa_competition_end_to_end(page: Page, people, password, _frozen_clock):
    if _frozen_clock is None:
        pytest.skip("the walk moves the clock past the deadline")
    today = warsaw_today()
    orgs = people["orgs"]

    # 1. The programme in force, then the announcement, three channels, publication.
    login(page, "urzednik@example.org", password)
    visit(page, "/program-wspolpracy/", label="programme list")
    expect(page.get_by_text("400000", exact=False).first).to_be_visible()
    visit(page, "/dotacje/urzad/konkursy/nowy/", label="announcement form", phone=True)
    page.locator("#id_title").fill("Kultura w dzielnicach 2027")
    page.locator("#id_organ").fill("Prezydent Miasta Częstochowy")
    page.locator("#id_task_kind").fill("Kultura, sztuka, ochrona dóbr kultury i dziedzictwa narodowego")
    page.locator("#id_budget_year").fill(str(today.year + 1))
    page.locator("#id_funds_total").fill("50 000,00")
    page.locator("#id_award_rules").fill("Dotacje na zasadach ustawy i programu współpracy.")
    page.locator("#id_implementation_terms").fill("Na terenie Częstochowy, na rzecz jej mieszkańców.")
    page.locator("#id_deadline_day").fill((today + timedelta(days=30)).isoformat())
    page.locator("#id_deadline_time").fill("15:00")
    page.locator("#id_selection_procedure").fill("Komisja konkursowa według kryteriów z art. 15 ust. 1.")
    page.locator("#id_selection_date").fill((today + timedelta(days=50)).isoformat())
    page.locator("#id_task_start").fill((today + timedelta(days=60)).isoformat())
    page.locator("#id_task_end").fill((today + timedelta(days=200)).isoformat())
    page.locator("#id_min_own_contribution_percent").fill("5")
    page.get_by_role("button", name="Zapisz szkic").click()
    check_page(page, label="draft board")
    competition = Competition.objects.get()
    _record_channels(page, competition, "announcement", today)
    visit(page, f"/dotacje/urzad/konkursy/{competition.pk}/", label="board before publishing")
    page.get_by_role("button", name="Ogłoś konkurs").click()
    check_page(page, label="published")
    competition.refresh_from_db()
    assert competition.status == CompetitionStatus.PUBLISHED

    # 2. A joint offer and a single one, each filed by its organisation's admin.
    joint = _draft(competition, orgs["theatre"], people["theatre"], partner=orgs["partner"])
    single = _draft(competition, orgs["choir"], people["choir"])
    page.context.clear_cookies()
    login(page, "teatr.prezes@example.org", password)
    _file(page, joint, "joint offer")
    page.context.clear_cookies()
    login(page, "lutnia.prezes@example.org", password)
    _file(page, single, "single offer")

    # 3. The deadline passes; the official closes the call and checks the offers formally.
    _frozen_clock.shift(timedelta(days=31))
    page.context.clear_cookies()
    login(page, "urzednik@example.org", password)
    visit(page, f"/dotacje/urzad/konkursy/{competition.pk}/", label="board after the deadline")
    page.get_by_role("button", name="Zamknij przyjmowanie ofert").click()
    check_page(page, label="closed")
    assert Competition.objects.get().status == CompetitionStatus.EVALUATION
    _formal_check(
        page, joint, unmet="confirmation", outcome="correct", reason="Prosimy o podpisane potwierdzenie."
    )
    _formal_check(
        page, single, unmet="eligible", outcome="reject", reason="Cele statutowe nie obejmują kultury."
    )
    assert Offer.objects.get(pk=joint.pk).status == OfferStatus.CORRECTION
    assert Offer.objects.get(pk=single.pk).status == OfferStatus.FORMALLY_REJECTED

    # 4. The joint offer is corrected within the window; the signed confirmation arrives; it passes.
    page.context.clear_cookies()
    login(page, "teatr.prezes@example.org", password)
    visit(page, f"/dotacje/oferty/{joint.pk}/", label="offer under correction")
    page.get_by_role("button", name="Złóż poprawioną ofertę").click()
    check_page(page, label="corrected")
    assert Offer.objects.get(pk=joint.pk).status == OfferStatus.SUBMITTED
    page.context.clear_cookies()
    login(page, "urzednik@example.org", password)
    visit(page, f"/dotacje/oferty/{joint.pk}/", label="offer for the official")
    page.get_by_role("button", name="Przyjmij podpisane potwierdzenie (papier)").click()
    check_page(page, label="confirmation received")
    assert Offer.objects.get(pk=joint.pk).confirmation_received_at is not None
    _formal_check(page, joint, outcome="accept")
    assert Offer.objects.get(pk=joint.pk).status == OfferStatus.FORMALLY_ACCEPTED

    # 5. The commission: two members, no NGO nominee came forward.
    visit(page, f"/dotacje/ocena/{competition.pk}/", label="evaluation page")
    for name, email in (("Adam Jankowski", "komisja1@example.org"), ("Ewa Nowicka", "komisja2@example.org")):
        page.locator("#id_full_name").fill(name)
        page.locator("#id_email").fill(email)
        page.locator("#id_side").select_option("official")
        page.get_by_role("button", name="Dodaj do komisji").click()
        check_page(page, label=f"member {email}")
    page.locator("#id_without_ngo").select_option("none_nominated")
    page.get_by_role("button", name="Zapisz ustalenia komisji").click()
    check_page(page, label="commission settings")

    # 6. Each member declares before reading, then scores every criterion.
    for email, points in (("komisja1@example.org", "4"), ("komisja2@example.org", "3,5")):
        page.context.clear_cookies()
        login(page, email, password)
        page.get_by_role("link", name="Komisja konkursowa").first.click()
        check_page(page, label=f"desk of {email}")
        page.locator(f"a[href='/dotacje/ocena/oferty/{joint.pk}/oswiadczenie/']").click()
        page.locator("input[name=no_conflict][value='1']").check()
        page.get_by_role("button", name="Składam oświadczenie").click()
        check_page(page, label=f"score form of {email}")
        for field in page.locator("input[name^=points_]").all():
            field.fill(points)
        page.get_by_role("button", name="Zapisz ocenę").click()
        check_page(page, label=f"scored by {email}")
    assert Score.objects.filter(offer=joint).count() == 2 * competition.criteria.count()

    # 7. Closing, the award (less than asked), the results on three channels, published.
    page.context.clear_cookies()
    login(page, "urzednik@example.org", password)
    visit(page, f"/dotacje/ocena/{competition.pk}/", label="ranking")
    page.get_by_role("button", name="Zamknij ocenę merytoryczną").click()
    check_page(page, label="scoring closed")
    form = page.locator(f"form[action='/dotacje/ocena/oferty/{joint.pk}/decyzja/']")
    form.locator("input[value=select]").check()
    form.locator("input[name$=amount]").fill("8 000,00")
    form.get_by_role("button", name="Zapisz decyzję").click()
    check_page(page, label="awarded")
    assert Offer.objects.get(pk=joint.pk).awarded_grant == Decimal("8000.00")
    _record_channels(page, competition, "results", warsaw_today())
    visit(page, f"/dotacje/urzad/konkursy/{competition.pk}/", label="board with results channels")
    page.get_by_role("button", name="Ogłoś wyniki").click()
    check_page(page, label="results published")
    assert Competition.objects.get().status == CompetitionStatus.DECIDED
    results_mail = [m for m in OutboxMessage.objects.all() if "lutnia@example.org" in m.to]
    assert results_mail, "the offeror whose offer was rejected is told the results"

    # 8. A visitor asks for the reasons of the rejection; the official answers.
    page.context.clear_cookies()
    visit(page, f"/dotacje/konkursy/{competition.pk}/wyniki/", label="results", phone=True)
    page.get_by_role("link", name="Poproś o uzasadnienie").click()
    check_page(page, label="reasons request form")
    page.locator("#id_offer").select_option(str(single.pk))
    page.locator("#id_name").fill("Jan Mieszkaniec")
    page.locator("#id_email").fill("jan@example.org")
    _frozen_clock.shift(timedelta(seconds=10))  # people take a moment to fill the form
    page.get_by_role("button", name="Wyślij wniosek").click()
    check_page(page, label="reasons requested")
    request = ReasonsRequest.objects.get()
    page.context.clear_cookies()
    login(page, "urzednik@example.org", password)
    visit(page, f"/dotacje/urzad/wnioski-o-uzasadnienie/{request.pk}/", label="reasons answer form")
    page.locator("#id_answer").fill(
        "Oferta nie spełniła wymogu formalnego: cele statutowe oferenta nie obejmują kultury."
    )
    page.get_by_role("button", name="Wyślij uzasadnienie").click()
    check_page(page, label="reasons answered")
    assert ReasonsRequest.objects.get().answered_at is not None

    # 9. The joint offer's PDF follows the statutory sections and carries its checksum.
    pdf = page.evaluate(
        """async (url) => {
            const response = await fetch(url);
            const bytes = new Uint8Array(await response.arrayBuffer());
            let binary = "";
            for (const b of bytes) binary += String.fromCharCode(b);
            return {status: response.status, body: btoa(binary)};
        }""",
        f"/dotacje/oferty/{joint.pk}/pdf/",
    )
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=base64.b64decode(pdf["body"]), capture_output=True, check=True
    ).stdout.decode()
    for heading in (
        "OFERTA WSPÓLNA",
        "III. Opis zadania",
        "V. Kalkulacja przewidywanych kosztów",
        "VII. Oświadczenia",
    ):
        assert heading in text, heading
    assert Offer.objects.get(pk=joint.pk).checksum in text.replace("\n", "").replace(" ", "")
