"""Miechów runs the yearly self-assessment of the Local Cooperation Quality Index: staff open this year's
survey (made from the ready questionnaire), the members of two organisations answer it on their phones,
staff close it and see the index per area with its chart and the table of every figure. axe-core checks
every page."""

import pytest
from playwright.sync_api import Page, expect

from centrum.accounts.models import MembershipRole
from centrum.accounts.tests.factories import MembershipFactory, UserFactory
from centrum.core.calendar import warsaw_today
from centrum.core.tests.factories import CentreFactory
from centrum.organisations.tests.factories import OrganisationFactory
from centrum.surveys.models import Response, Survey
from centrum.surveys.services import index_survey_create

from .helpers import check_page, login, visit

pytestmark = pytest.mark.browser


@pytest.fixture
def centre(db):
    return CentreFactory(
        slug="miechow", name="Centrum Organizacji Pozarządowych w Miechowie", host="miechow.localhost"
    )


@pytest.fixture
def world(centre, staff_member, password):
    year = warsaw_today().year
    survey = index_survey_create(centre=centre, actor=staff_member, year=year)
    members = []
    for i, name in enumerate(["Stowarzyszenie Miechowskie Forum", "Fundacja Ziemi Miechowskiej"]):
        organisation = OrganisationFactory(centre=centre, name=name, nip="")
        member = UserFactory(email=f"czlonek{i}@example.org", full_name=f"Członek {i}", password=password)
        MembershipFactory(user=member, organisation=organisation, role=MembershipRole.MEMBER)
        members.append(member)
    return {"survey": survey, "members": members, "year": year}


def _as(page: Page, email: str, password: str) -> None:
    page.context.clear_cookies()
    login(page, email, password)


def _answer(page: Page, marks: list[int]) -> None:
    radios = page.locator("fieldset, .survey-question")
    questions = page.locator(".survey-question")
    for i in range(questions.count()):
        questions.nth(i).get_by_label(str(marks[i % len(marks)]), exact=True).check()
    assert radios.count() >= questions.count()


def test_miechow_runs_the_self_assessment_and_sees_the_index(page: Page, world, password):
    survey, year = world["survey"], world["year"]

    # 1. Staff open this year's self-assessment.
    login(page, "pracownik@example.org", password)
    visit(page, "/ankiety/zarzadzanie/", label="surveys (staff)", phone=True)
    page.get_by_role("link", name=survey.title).click()
    check_page(page, label="self-assessment builder")
    page.get_by_role("button", name="Otwórz ankietę").click()
    check_page(page, label="self-assessment open")
    assert Survey.objects.get(pk=survey.pk).status == "open"

    # 2. The members of two organisations answer it on a phone.
    for member, marks in zip(world["members"], ([5, 4], [3, 4]), strict=True):
        _as(page, member.email, password)
        visit(page, "/ankiety/", label="open surveys", phone=True)
        page.get_by_role("link", name=survey.title).click()
        check_page(page, label="answer form", phone=True)
        _answer(page, marks)
        page.get_by_role("button", name="Wyślij odpowiedź").click()
        check_page(page, label="answer sent")
        expect(page.get_by_text("Twoja odpowiedź została zapisana")).to_be_visible()
    assert Response.objects.filter(survey=survey).count() == 2

    # 3. Staff close it and see the index per area with a chart.
    _as(page, "pracownik@example.org", password)
    visit(page, f"/ankiety/{survey.pk}/", label="self-assessment with answers")
    page.get_by_role("button", name="Zamknij ankietę").click()
    check_page(page, label="self-assessment closed")
    assert Survey.objects.get(pk=survey.pk).status == "closed"
    page.get_by_role("link", name="Wyniki").click()
    check_page(page, label="results", phone=True)
    page.get_by_role("link", name=f"Indeks {year}").first.click()
    check_page(page, label="index of the year", phone=True)
    expect(page.locator("svg.index-chart")).to_be_visible()
    for area in ("Polityki publiczne", "Zadania publiczne", "Infrastruktura współpracy"):
        expect(page.get_by_role("row", name=area).first).to_be_visible()
    # marks 5/4 and 3/4 alternate over the statements: every area's self-assessment is 75 or 62.5
    expect(page.locator("table").first).to_contain_text("75")
    page.get_by_role("link", name="Indeks w kolejnych latach").click()
    check_page(page, label="index over the years", phone=True)
