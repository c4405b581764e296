"""Częstochowa, the evaluation of a closed competition: the official checks three offers formally (one accepted,
one sent for corrections, one rejected), two commission members each declare no conflict before reading the
accepted offer and score it (a score above the maximum refused), the official closes the scoring, awards a grant
lower than asked and downloads the protocol. axe-core checks every page."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from centrum.accounts.models import CentreRoleKind
from centrum.accounts.tests.factories import CentreRoleFactory, UserFactory
from centrum.core.models import OutboxMessage
from centrum.core.tests.factories import CentreFactory
from centrum.grants.choices import CompetitionStatus, MemberSide, MemberStatus, OfferStatus
from centrum.grants.models import CommissionMember, Offer, Score, ScoringCriterion
from centrum.grants.services.evaluation import commission_for
from centrum.grants.tests.factories import CompetitionFactory, OfferFactory
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
def call(centre, password):
    competition = CompetitionFactory(
        centre=centre, status=CompetitionStatus.EVALUATION, title="Kultura i sztuka 2027", number="WK.524.1"
    )
    ScoringCriterion.objects.create(
        centre=centre,
        competition=competition,
        position=1,
        name="Możliwość realizacji zadania",
        statutory_point=1,
        max_points=Decimal("10"),
    )
    ScoringCriterion.objects.create(
        centre=centre,
        competition=competition,
        position=2,
        name="Kalkulacja kosztów",
        statutory_point=2,
        max_points=Decimal("5"),
        weight=Decimal("2"),
    )
    deadline = competition.offers_deadline
    offers = [
        OfferFactory(
            competition=competition,
            centre=centre,
            status=OfferStatus.SUBMITTED,
            number=str(i + 1),
            title=title,
            contact_email=f"oferent{i}@example.org",
            submitted_at=deadline - timedelta(days=1),
            confirmation_received_at=deadline if i != 1 else None,
            organisation=OrganisationFactory(centre=centre, name=name, nip=""),
        )
        for i, (title, name) in enumerate(
            (
                ("Teatr w dzielnicach", "Fundacja Teatralna Scena"),
                ("Koncerty w parkach", "Stowarzyszenie Muzyczne Allegro"),
                ("Plener malarski", "Towarzystwo Przyjaciół Sztuk Pięknych"),
            )
        )
    ]
    official = UserFactory(email="urzednik@example.org", full_name="Grażyna Kozłowska", password=password)
    CentreRoleFactory(centre=centre, user=official, role=CentreRoleKind.OFFICIAL)
    commission = commission_for(competition)
    members = []
    for email, name, side in (
        ("komisja1@example.org", "Adam Jankowski", MemberSide.OFFICIAL),
        ("komisja2@example.org", "Teresa Społeczna", MemberSide.NGO),
    ):
        user = UserFactory(email=email, full_name=name, password=password)
        CentreRoleFactory(centre=centre, user=user, role=CentreRoleKind.EVALUATOR)
        members.append(user)
        CommissionMember.objects.create(
            centre=centre,
            commission=commission,
            user=user,
            full_name=name,
            email=email,
            side=side,
            status=MemberStatus.APPOINTED,
        )
    return {"competition": competition, "offers": offers, "official": official, "members": members}


def _check_all(page: Page, unmet: str = ""):
    for radio in page.locator("input[type=radio][name^=met_][value='1']").all():
        radio.check()
    if unmet:
        page.locator(f"input[name=met_{unmet}][value='0']").check()


def test_czestochowa_evaluation_walk(page: Page, call, password):
    competition, offers = call["competition"], call["offers"]
    evaluation_url = f"/dotacje/ocena/{competition.pk}/"

    # 1. The official checks the three offers formally.
    login(page, "urzednik@example.org", password)
    visit(page, evaluation_url, label="evaluation page")
    page.get_by_role("link", name="Oceń formalnie 1").click()
    check_page(page, label="formal check", phone=True)
    _check_all(page)
    page.locator("input[name=outcome][value=accept]").check()
    page.get_by_role("button", name="Zapisz ocenę formalną").click()
    check_page(page, label="after accept")
    expect(page.get_by_text("Zapisano ocenę formalną oferty.")).to_be_visible()

    page.get_by_role("link", name="Oceń formalnie 2").click()
    _check_all(page, unmet="confirmation")
    page.locator("input[name=outcome][value=accept]").check()  # not all met: refused
    page.get_by_role("button", name="Zapisz ocenę formalną").click()
    check_page(page, label="accept refused")
    expect(page.locator(".error-summary, [role=alert]").first).to_contain_text("Nie wszystkie wymogi")
    assert Offer.objects.get(pk=offers[1].pk).status == OfferStatus.SUBMITTED
    _check_all(page, unmet="confirmation")
    page.locator("input[name=outcome][value=correct]").check()
    page.locator("#id_reason").fill("Prosimy o dostarczenie podpisanego potwierdzenia.")
    page.get_by_role("button", name="Zapisz ocenę formalną").click()
    check_page(page, label="after correction request")
    assert Offer.objects.get(pk=offers[1].pk).status == OfferStatus.CORRECTION
    assert "oferent1@example.org" in OutboxMessage.objects.get(event="correction_to_offeror").to

    page.get_by_role("link", name="Oceń formalnie 3").click()
    _check_all(page, unmet="eligible")
    page.locator("input[name=outcome][value=reject]").check()
    page.locator("#id_reason").fill("Cele statutowe nie obejmują kultury.")
    page.get_by_role("button", name="Zapisz ocenę formalną").click()
    check_page(page, label="after rejection")
    assert Offer.objects.get(pk=offers[2].pk).status == OfferStatus.FORMALLY_REJECTED

    # 2. Each member declares before reading the offer, then scores it.
    for index, member in enumerate(call["members"]):
        page.context.clear_cookies()
        login(page, member.email, password)
        page.get_by_role("link", name="Komisja konkursowa").first.click()
        check_page(page, label="evaluator desk", phone=True)
        page.get_by_role("link", name="Złóż oświadczenie 1").click()
        check_page(page, label="declaration")
        page.locator("input[name=no_conflict][value='1']").check()
        page.get_by_role("button", name="Składam oświadczenie").click()
        check_page(page, label="score form", phone=True)
        criteria = list(ScoringCriterion.objects.filter(competition=competition))
        page.locator(f"#id_points_{criteria[0].pk}").fill("11" if index == 0 else "8")
        page.locator(f"#id_points_{criteria[1].pk}").fill("4,5")
        page.get_by_role("button", name="Zapisz ocenę").click()
        if index == 0:
            check_page(page, label="score refused")
            expect(page.locator(".error-summary, [role=alert]").first).to_contain_text("0–10")
            assert not Score.objects.exists()
            page.locator(f"#id_points_{criteria[0].pk}").fill("9")
            page.get_by_role("button", name="Zapisz ocenę").click()
        check_page(page, label="scored")
        expect(page.get_by_text("Zapisano ocenę oferty 1.")).to_be_visible()
    assert Score.objects.count() == 4

    # 3. The official closes the scoring, awards less than asked and downloads the protocol.
    page.context.clear_cookies()
    login(page, "urzednik@example.org", password)
    visit(page, evaluation_url, label="ranking")
    page.get_by_role("button", name="Zamknij ocenę merytoryczną").click()
    check_page(page, label="scoring closed")
    expect(page.get_by_text("Ocena merytoryczna zamknięta")).to_be_visible()
    form = page.locator(f"form[action='/dotacje/ocena/oferty/{offers[0].pk}/decyzja/']")
    form.locator("input[value=select]").check()
    form.locator("input[name$=amount]").fill("8 500,00")
    form.get_by_role("button", name="Zapisz decyzję").click()
    check_page(page, label="decided")
    offer = Offer.objects.get(pk=offers[0].pk)
    assert (offer.status, offer.awarded_grant) == (OfferStatus.SELECTED, Decimal("8500.00"))
    protocol = fetch_file(page, f"/dotacje/ocena/{competition.pk}/protokol.pdf")
    assert protocol["status"] == 200 and protocol["head"] == "%PDF-"
    assert timezone.now()  # the frozen clock keeps every date above inside the competition's window
