"""Częstochowa, grants evaluation: the official checks three offers formally (one accepted, one asked for a
correction with a deadline, one rejected), sets up the commission (two officials, no NGO nominee — the lawful
case recorded), both members declare impartiality and score the accepted offer, the official closes the scoring
and awards a grant. axe-core checks every page."""

from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect

from centrum.accounts.models import CentreRoleKind
from centrum.accounts.tests.factories import CentreRoleFactory, UserFactory
from centrum.core.models import OutboxMessage
from centrum.core.tests.factories import CentreFactory
from centrum.grants.choices import CompetitionStatus, OfferStatus
from centrum.grants.models import CommissionMember, Declaration, Offer, Score, ScoringCriterion
from centrum.grants.tests.factories import CompetitionFactory, OfferFactory
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
def people(centre, password):
    official = UserFactory(
        email="urzednik@czestochowa.example.org", full_name="Olga Urzędniczka", password=password
    )
    CentreRoleFactory(centre=centre, user=official, role=CentreRoleKind.OFFICIAL)
    first = UserFactory(email="adam@czestochowa.example.org", full_name="Adam Oceniający", password=password)
    second = UserFactory(
        email="beata@czestochowa.example.org", full_name="Beata Oceniająca", password=password
    )
    return {"official": official, "first": first, "second": second}


@pytest.fixture
def competition(centre):
    competition = CompetitionFactory(
        centre=centre,
        status=CompetitionStatus.EVALUATION,
        title="Konkurs: kultura w dzielnicach 2027",
        funds_total=Decimal("60000"),
    )
    for position, (name, points, weight) in enumerate(
        (("Możliwość realizacji zadania", "10", "1"), ("Kalkulacja kosztów", "5", "2")), start=1
    ):
        ScoringCriterion.objects.create(
            centre=centre,
            competition=competition,
            position=position,
            name=name,
            statutory_point=position,
            max_points=Decimal(points),
            weight=Decimal(weight),
        )
    return competition


@pytest.fixture
def offers(centre, competition):
    made = []
    for number, name in enumerate(
        ("Fundacja Jasnogórskie Dźwięki", "Stowarzyszenie Raków Razem", "Klub Sportowy Tysiąclecie"), start=1
    ):
        made.append(
            OfferFactory(
                competition=competition,
                centre=centre,
                status=OfferStatus.SUBMITTED,
                number=str(number),
                title=f"Zadanie {number}: {name}",
                organisation=OrganisationFactory(
                    centre=centre, name=name, email=f"biuro{number}@example.org"
                ),
                contact_email=f"kontakt{number}@example.org",
                requested_grant=Decimal("20000"),
            )
        )
    return made


def _formal_check(page: Page, offer, *, unmet: str = "", outcome: str, reason: str = ""):
    page.locator(f"a[href$='/ocena/oferty/{offer.pk}/formalna/']").click()
    check_page(page, label=f"formal check {offer.number}")
    for radio in page.locator("input[type=radio][name^='met_'][value='1']").all():
        radio.check()
    if unmet:
        page.locator(f"input[name='met_{unmet}'][value='0']").check()
    page.locator(f"input[name='outcome'][value='{outcome}']").check()
    if reason:
        page.locator("textarea[name='reason']").fill(reason)
    page.get_by_role("button", name="Zapisz ocenę formalną").click()
    check_page(page, label=f"after the formal check of {offer.number}")


def _declare_and_score(page: Page, offer, email: str, password: str, points: tuple[str, str]):
    page.context.clear_cookies()
    login(page, email, password)
    visit(page, "/dotacje/ocena/moje/", label=f"desk of {email}", phone=True)
    # The offer is not readable before the declaration.
    assert page.locator(f"a[href$='/ocena/oferty/{offer.pk}/punkty/']").count() == 0
    page.locator(f"a[href$='/ocena/oferty/{offer.pk}/oswiadczenie/']").click()
    check_page(page, label="declaration")
    page.locator("input[name='no_conflict'][value='1']").check()
    page.get_by_role("button", name="Składam oświadczenie").click()
    check_page(page, label="scoring sheet", phone=True)
    inputs = page.locator("input[name^='points_']").all()
    for field, value in zip(inputs, points, strict=True):
        field.fill(value)
    page.locator("textarea[name^='comment_']").first.fill("Realny harmonogram, doświadczony zespół.")
    page.get_by_role("button", name="Zapisz ocenę").click()
    check_page(page, label="after scoring")


def test_czestochowa_evaluation_walk(page: Page, people, competition, offers, password):
    accepted, corrected, rejected = offers

    # 1. The official checks the three offers formally.
    login(page, people["official"].email, password)
    visit(page, f"/dotacje/ocena/{competition.pk}/", label="evaluation page", phone=True)
    _formal_check(page, accepted, outcome="accept")
    _formal_check(
        page, corrected, unmet="confirmation", outcome="correct", reason="Prosimy o podpisane potwierdzenie."
    )
    _formal_check(page, rejected, unmet="on_time", outcome="reject", reason="Oferta złożona po terminie.")
    statuses = dict(Offer.objects.values_list("pk", "status"))
    assert statuses == {
        accepted.pk: OfferStatus.FORMALLY_ACCEPTED,
        corrected.pk: OfferStatus.CORRECTION,
        rejected.pk: OfferStatus.FORMALLY_REJECTED,
    }
    assert Offer.objects.get(pk=corrected.pk).correction_due_at is not None
    assert OutboxMessage.objects.filter(event="correction_to_offeror").exists()
    assert OutboxMessage.objects.filter(event="rejected_to_offeror").exists()

    # 2. The commission: two officials; no organisation nominated anyone (the lawful case is recorded).
    for user, chair in ((people["first"], True), (people["second"], False)):
        page.locator("#id_full_name").fill(user.full_name)
        page.locator("#id_email").fill(user.email)
        if chair:
            page.locator("#id_chair").check()
        page.get_by_role("button", name="Dodaj do komisji").click()
        check_page(page, label=f"member {user.full_name} added")
    page.locator("#id_without_ngo").select_option(index=1)
    page.get_by_role("button", name="Zapisz ustalenia komisji").click()
    check_page(page, label="commission settings saved")
    assert CommissionMember.objects.filter(commission__competition=competition).count() == 2

    # 3. Both members declare impartiality, then score the accepted offer.
    _declare_and_score(page, accepted, people["first"].email, password, ("8", "4"))
    _declare_and_score(page, accepted, people["second"].email, password, ("6,5", "5"))
    assert Declaration.objects.filter(offer=accepted, no_conflict=True).count() == 2
    assert Score.objects.filter(offer=accepted).count() == 4

    # 4. The official closes the scoring, reads the ranking and awards the grant.
    page.context.clear_cookies()
    login(page, people["official"].email, password)
    visit(page, f"/dotacje/ocena/{competition.pk}/", label="evaluation page with scores")
    page.get_by_role("button", name="Zamknij ocenę merytoryczną").click()
    check_page(page, label="scoring closed")
    expect(page.get_by_text("Ocena merytoryczna zamknięta – można podjąć decyzje.")).to_be_visible()
    form = page.locator(f"form[action$='/ocena/oferty/{accepted.pk}/decyzja/']")
    form.locator("input[name$='decision'][value='select']").check()
    form.locator("input[name$='amount']").fill("18000")
    form.get_by_role("button", name="Zapisz decyzję").click()
    check_page(page, label="decision saved", phone=True)
    decided = Offer.objects.get(pk=accepted.pk)
    assert decided.status == OfferStatus.SELECTED and decided.awarded_grant == Decimal("18000")
