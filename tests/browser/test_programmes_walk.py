"""Częstochowa, the cooperation programme: the official drafts next year's programme, adds a priority task with
its funds (typed the Polish way), puts the draft to consultation (organisations are e-mailed); an organisation's
admin comments on a part; the official answers, records the planned NGO grants and tries to adopt while the
consultation runs (refused). axe-core checks every page."""

from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from centrum.accounts.models import CentreRoleKind, MembershipRole
from centrum.accounts.tests.factories import CentreRoleFactory, MembershipFactory, UserFactory
from centrum.core.calendar import warsaw_today
from centrum.core.models import OutboxMessage
from centrum.core.tests.factories import CentreFactory
from centrum.organisations.tests.factories import OrganisationFactory
from centrum.programmes.choices import CommentOutcome, ProgrammeStatus
from centrum.programmes.models import CooperationProgramme, PlannedGrants, ProgrammeComment

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
    official = UserFactory(email="urzednik@example.org", full_name="Grażyna Kozłowska", password=password)
    CentreRoleFactory(centre=centre, user=official, role=CentreRoleKind.OFFICIAL)
    organisation = OrganisationFactory(
        centre=centre, name="Stowarzyszenie Seniorów Aktywnych", email="seniorzy@example.org", nip=""
    )
    admin = UserFactory(email="prezes@example.org", full_name="Dorota Wojciechowska", password=password)
    MembershipFactory(user=admin, organisation=organisation, role=MembershipRole.ADMIN)
    return {"official": official, "admin": admin, "organisation": organisation}


def test_czestochowa_programme_walk(page: Page, people, password):
    year = warsaw_today().year + 1
    today = warsaw_today()

    # 1. The official drafts the programme and its priority task.
    login(page, "urzednik@example.org", password)
    visit(page, "/program-wspolpracy/", label="programmes")
    page.get_by_role("link", name="Nowy projekt programu").click()
    check_page(page, label="programme form", phone=True)
    page.locator("#id_title").fill(f"Program współpracy Miasta Częstochowy z organizacjami na rok {year}")
    page.locator("#id_first_year").fill(str(year))
    page.locator("#id_last_year").fill(str(year))
    page.locator("#id_objectives").fill("Budowanie partnerstwa samorządu i organizacji.")
    page.get_by_role("button", name="Zapisz").click()
    check_page(page, label="draft")
    programme = CooperationProgramme.objects.get()
    page.locator("#id_title").fill("Działalność na rzecz osób w wieku emerytalnym")
    page.locator("#id_planned_amount").fill("120 000,00")
    page.get_by_role("button", name="Dodaj zadanie").click()
    check_page(page, label="task added")
    assert str(programme.tasks.get().planned_amount) == "120000.00"

    # 2. Consultation: two weeks from today; organisations are told.
    page.locator("#id_starts_on").fill(today.isoformat())
    page.locator("#id_ends_on").fill((today + timedelta(days=14)).isoformat())
    page.get_by_role("button", name="Skieruj projekt do konsultacji").click()
    check_page(page, label="in consultation")
    assert CooperationProgramme.objects.get().status == ProgrammeStatus.CONSULTATION
    assert OutboxMessage.objects.filter(
        event="consultation_to_organisation", to=["seniorzy@example.org"]
    ).exists()

    # 3. Adopting while the consultation runs is refused.
    page.locator("#id_resolution_number").fill("LX/1000/2026")
    page.locator("#id_adopted_on").fill(today.isoformat())
    page.get_by_role("button", name="Zapisz uchwalenie").click()
    check_page(page, label="adoption refused")
    expect(page.get_by_text("po zakończeniu konsultacji").first).to_be_visible()
    assert CooperationProgramme.objects.get().status == ProgrammeStatus.CONSULTATION

    # 4. The organisation's admin comments on the forms of cooperation.
    page.context.clear_cookies()
    login(page, "prezes@example.org", password)
    visit(page, programme.get_absolute_url(), label="programme for an organisation", phone=True)
    page.locator("#id_part").select_option("forms")
    page.locator("#id_organisation").select_option(label="Stowarzyszenie Seniorów Aktywnych")
    page.locator("#id_proposal").fill("Dopisać Radę Seniorów jako formę współpracy.")
    page.get_by_role("button", name="Zgłoś uwagę").click()
    check_page(page, label="comment sent")
    expect(page.get_by_text("uwaga została zgłoszona")).to_be_visible()

    # 5. The official answers and records the planned grants.
    page.context.clear_cookies()
    login(page, "urzednik@example.org", password)
    visit(page, programme.get_absolute_url(), label="programme with a comment")
    page.get_by_role("link", name="Odpowiedz 1").click()
    check_page(page, label="answer form")
    page.locator("input[name=outcome][value=accepted]").check()
    page.locator("#id_answer").fill("Uwzględniono w części 4.")
    page.get_by_role("button", name="Zapisz odpowiedź").click()
    check_page(page, label="answered")
    assert ProgrammeComment.objects.get().outcome == CommentOutcome.ACCEPTED
    visit(page, "/program-wspolpracy/planowane-dotacje/", label="planned grants", phone=True)
    page.locator("#id_year").fill(str(year))
    page.locator("#id_amount").fill("3 500 000")
    page.locator("#id_valid_from").fill(today.isoformat())
    page.locator("#id_resolution").fill(f"Uchwała budżetowa na rok {year}")
    page.get_by_role("button", name="Zapisz kwotę").click()
    check_page(page, label="planned grants saved")
    assert str(PlannedGrants.objects.get().amount) == "3500000.00"
