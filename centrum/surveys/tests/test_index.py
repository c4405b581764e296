"""The cooperation-quality index: the ready self-assessment, the scores of hard indicators against targets,
the areas combined by the weight, the pages (staff; public only when published); the training-needs survey
feeding trainings; the jobs that open and close surveys; the API."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from centrum.core.exceptions import ApplicationError
from centrum.core.indicators import (
    AREA_INFRASTRUCTURE,
    AREA_POLICIES,
    INDICATOR_SOURCES,
    IndicatorSource,
    needs_for,
)
from centrum.core.models import CentreSetting

from ..choices import SurveyPurpose, SurveyStatus
from ..index import indicator_score, year_index
from ..models import Answer, IndicatorTarget, Response, Survey
from ..services import index_survey_create, needs_survey_create, surveys_close_due, surveys_open_due
from .factories import SurveyFactory, survey_with_every_kind

pytestmark = pytest.mark.django_db


@pytest.fixture
def fake_indicators(monkeypatch):
    """Two hard indicators of known values, instead of the apps' own."""
    sources = {
        "test.meetings": IndicatorSource(
            key="test.meetings", label="Spotkania", area=AREA_POLICIES, value=lambda centre, year: 3
        ),
        "test.waiting": IndicatorSource(
            key="test.waiting",
            label="Dni czekania",
            area=AREA_INFRASTRUCTURE,
            value=lambda centre, year: Decimal(20),
            higher_is_better=False,
        ),
    }
    monkeypatch.setattr("centrum.surveys.index.indicator_sources_for", lambda centre: list(sources.values()))
    monkeypatch.setattr(
        "centrum.surveys.views.index.indicator_sources_for", lambda centre: list(sources.values())
    )
    return sources


@pytest.mark.parametrize(
    ("value", "target", "higher", "score"),
    [
        (3, 6, True, 50),
        (12, 6, True, 100),
        (0, 6, True, 0),
        (20, 10, False, 50),
        (5, 10, False, 100),
        (None, 6, True, None),
        (3, None, True, None),
    ],
)
def test_an_indicator_scores_against_its_target_capped_at_100(value, target, higher, score):
    result = indicator_score(value, target, higher_is_better=higher)
    assert result == (None if score is None else Decimal(score))


def _self_assessment(centre, staff_user, organisations, marks):
    survey = index_survey_create(centre=centre, actor=staff_user, year=2025)
    for organisation, mark in zip(organisations, marks, strict=True):
        response = Response.objects.create(
            centre=centre, survey=survey, organisation=organisation, submitted_at=timezone.now()
        )
        Answer.objects.bulk_create(
            Answer(centre=centre, response=response, question=q, value=mark) for q in survey.questions.all()
        )
    return survey


def test_the_ready_self_assessment_has_the_three_areas(centre, staff_user):
    survey = index_survey_create(centre=centre, actor=staff_user, year=2026)
    assert survey.purpose == SurveyPurpose.INDEX and survey.year == 2026
    assert set(survey.questions.values_list("area", flat=True)) == {"policies", "tasks", "infrastructure"}
    assert survey.sections.count() == 3
    with pytest.raises(ApplicationError):
        index_survey_create(centre=centre, actor=staff_user, year=2026)
    assert Survey.objects.filter(year=2026).count() == 1
    # next year copies this one, with what staff changed
    assert index_survey_create(centre=centre, actor=staff_user, year=2027).questions.count() == 12


def test_areas_combine_self_assessment_and_hard_indicators_by_weight(centre, staff_user, fake_indicators):
    from centrum.organisations.tests.factories import OrganisationFactory

    organisations = [OrganisationFactory(centre=centre, nip="") for _ in range(2)]
    survey = _self_assessment(centre, staff_user, organisations, [5, 3])  # (100 + 50) / 2 = 75
    IndicatorTarget.objects.create(centre=centre, indicator="test.meetings", target=6)  # 3 of 6: 50
    IndicatorTarget.objects.create(
        centre=centre, indicator="test.waiting", target=10
    )  # 20 days, 10 wanted: 50
    CentreSetting.objects.create(centre=centre, key="surveys.hard_weight", value=20)
    figures = year_index(centre, 2025, survey=survey)
    areas = {a.key: a for a in figures.areas}
    assert areas["policies"].self_score == Decimal("75.0") and areas["policies"].hard_score == Decimal("50.0")
    assert areas["policies"].index == Decimal("70.0")  # 0.2 × 50 + 0.8 × 75
    assert areas["tasks"].index == Decimal("75.0")  # no hard indicator: the self-assessment alone
    assert areas["infrastructure"].index == Decimal("70.0")
    assert figures.overall == Decimal("71.7")


def test_the_index_pages_show_areas_with_a_chart_and_every_figure(
    staff_client, centre, staff_user, fake_indicators, django_assert_max_num_queries
):
    from centrum.organisations.tests.factories import OrganisationFactory

    _self_assessment(centre, staff_user, [OrganisationFactory(centre=centre, nip="")], [4])
    with django_assert_max_num_queries(25):
        body = staff_client.get(reverse("surveys:index_year", args=[2025])).content.decode()
    assert "<svg" in body and "Polityki publiczne" in body and "Spotkania" in body and "75" in body
    with django_assert_max_num_queries(25):
        overview = staff_client.get(reverse("surveys:index_overview")).content.decode()
    assert "<svg" in overview and "2025" in overview
    assert staff_client.get(reverse("surveys:index_year", args=[1999])).status_code == 404


def test_the_index_is_public_only_when_the_centre_publishes_it(
    anon, client_for, centre, other_centre, staff_user, fake_indicators
):
    index_survey_create(centre=centre, actor=staff_user, year=2025)
    assert anon.get(reverse("surveys:index_overview")).status_code == 404
    assert anon.get(reverse("surveys:index_year", args=[2025])).status_code == 404
    CentreSetting.objects.create(centre=centre, key="surveys.index_public", value=True)
    assert anon.get(reverse("surveys:index_overview")).status_code == 200
    assert anon.get(reverse("surveys:index_year", args=[2025])).status_code == 200
    # another centre's year is not this centre's
    assert client_for(other_centre).get(reverse("surveys:index_year", args=[2025])).status_code == 404


def test_staff_set_targets_and_bad_ones_store_nothing(
    staff_client, client_for, centre, org_member, fake_indicators
):
    url = reverse("surveys:targets")
    assert client_for(centre, org_member).get(url).status_code == 403
    response = staff_client.post(url, {"test.meetings-target": "6", "test.waiting-target": "-3"})
    assert response.status_code == 400 and not IndicatorTarget.objects.exists()
    response = staff_client.post(url, {"test.meetings-target": "6", "test.waiting-target": "abc"})
    assert response.status_code == 400 and not IndicatorTarget.objects.exists()
    assert staff_client.post(url, {"test.meetings-target": "6", "test.waiting-target": ""}).status_code == 302
    assert dict(IndicatorTarget.objects.values_list("indicator", "target")) == {"test.meetings": Decimal(6)}


def test_staff_create_the_ready_surveys_from_the_list(staff_client, centre):
    staff_client.post(reverse("surveys:ready_new", args=["indeks"]), {"year": "2026"})
    staff_client.post(reverse("surveys:ready_new", args=["potrzeby"]))
    assert set(Survey.objects.values_list("purpose", flat=True)) == {"index", "needs"}
    assert staff_client.post(reverse("surveys:ready_new", args=["indeks"]), {"year": "x"}).status_code == 302
    assert staff_client.post(reverse("surveys:ready_new", args=["cokolwiek"])).status_code == 404
    assert Survey.objects.count() == 2


def test_training_needs_from_the_survey_reach_the_trainings_page(staff_client, centre, staff_user):
    from centrum.organisations.tests.factories import OrganisationFactory

    survey = needs_survey_create(centre=centre, actor=staff_user)
    topics = survey.questions.get(feeds="trainings")
    survey.status = SurveyStatus.OPEN
    survey.save()
    for marks, other in [([0, 1], ""), ([1], "Mediacje")]:
        response = Response.objects.create(
            centre=centre,
            survey=survey,
            organisation=OrganisationFactory(centre=centre, nip=""),
            submitted_at=timezone.now(),
        )
        Answer.objects.create(centre=centre, response=response, question=topics, value=marks, other=other)
    needs = needs_for(centre, "trainings")
    assert [(n.topic, n.count, n.respondents) for n in needs][:2] == [
        ("Rozliczanie dotacji i sprawozdawczość", 2, 2),
        ("Mediacje", 1, 2),
    ] or needs[0].count == 2
    assert {n.topic for n in needs} == {topics.options[0], topics.options[1], "Mediacje"}
    body = staff_client.get(reverse("trainings:needs")).content.decode()
    assert "Potrzeby szkoleniowe z ankiet" in body and "Mediacje" in body


@pytest.mark.dates
def test_jobs_open_a_draft_on_its_date_and_close_an_open_one_after_its_date(centre):
    now = timezone.now()
    due = survey_with_every_kind(centre, status=SurveyStatus.DRAFT, opens_at=now - timedelta(minutes=1))
    later = survey_with_every_kind(centre, status=SurveyStatus.DRAFT, opens_at=now + timedelta(days=1))
    empty = SurveyFactory(centre=centre, opens_at=now - timedelta(minutes=1))
    ended = survey_with_every_kind(
        centre, opens_at=now - timedelta(days=3), closes_at=now - timedelta(minutes=1)
    )
    assert surveys_open_due(centre=centre) == 1
    assert surveys_close_due(centre=centre) == 1
    states = dict(Survey.objects.values_list("pk", "status"))
    assert states == {due.pk: "open", later.pk: "draft", empty.pk: "draft", ended.pk: "closed"}


def test_the_api_lists_open_surveys_with_their_questions(anon, centre, other_centre):
    survey = survey_with_every_kind(centre)
    SurveyFactory(centre=centre, title="Szkic")
    other = survey_with_every_kind(other_centre)
    listed = anon.get("/api/v1/surveys").json()
    assert [s["id"] for s in listed] == [survey.pk]
    detail = anon.get(f"/api/v1/surveys/{survey.pk}").json()
    assert len(detail["questions"]) == 6
    assert anon.get(f"/api/v1/surveys/{other.pk}").status_code == 404
    assert anon.get("/api/v1/surveys/99999999999999").status_code in (404, 422)


def test_indicator_sources_of_the_apps_are_registered():
    assert {
        "spaces.organisation_hours",
        "trainings.held",
        "trainings.participants",
        "advice.given",
        "grants.budget_share",
    } <= set(INDICATOR_SOURCES)


def test_the_apps_indicators_count_their_records(centre):
    for key in ("spaces.organisation_hours", "trainings.held", "trainings.participants", "advice.given"):
        assert INDICATOR_SOURCES[key].value(centre, 2026) == 0
    assert INDICATOR_SOURCES["grants.budget_share"].value(centre, 2026) is None
