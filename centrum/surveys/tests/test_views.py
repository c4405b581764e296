"""The builder, answering, results and exports: every URL with an anonymous visitor, a forbidden role and
another centre's object; bad input refused with nothing stored; query counts."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from centrum.core.models import AuditEntry

from ..choices import QuestionKind, RespondentMode, SurveyStatus
from ..models import Answer, Question, Response, Section, Survey
from .factories import SurveyFactory, survey_with_every_kind

pytestmark = pytest.mark.django_db

GOOD = {
    "q_single": "0",
    "q_multiple": ["0", "2"],
    "q_scale": "4",
    "q_text": "Dobrze",
    "q_number": "12",
    "q_matrix": ["5", "3"],
}


def answer_data(survey, organisation=None, **overrides) -> dict:
    """The POST of the answering form with the GOOD values."""
    data = {}
    for question in survey.questions.all():
        name = f"q{question.pk}"
        value = GOOD[f"q_{question.kind}"]
        if question.kind == QuestionKind.MATRIX:
            for i, mark in enumerate(value):
                data[f"{name}_r{i}"] = mark
        else:
            data[name] = value
    if organisation is not None:
        data["organisation"] = str(organisation.pk)
    data.update(overrides)
    return data


# -- access ---------------------------------------------------------------------------------------------


STAFF_URLS = [
    ("surveys:manage", False),
    ("surveys:new", False),
    ("surveys:targets", False),
    ("surveys:edit", True),
    ("surveys:question_new", True),
    ("surveys:results", True),
]


@pytest.mark.parametrize(("name", "with_pk"), STAFF_URLS)
def test_staff_pages_refuse_the_public_and_members(name, with_pk, anon, client_for, centre, org_member):
    survey = survey_with_every_kind(centre)
    url = reverse(name, args=[survey.pk] if with_pk else [])
    assert anon.get(url).status_code == 302
    assert client_for(centre, org_member).get(url).status_code == 403


@pytest.mark.parametrize(
    "name", ["surveys:detail", "surveys:edit", "surveys:question_new", "surveys:results", "surveys:answer"]
)
def test_another_centres_survey_is_404(name, client_for, centre, other_centre, staff_user):
    other = survey_with_every_kind(other_centre)
    assert client_for(centre, staff_user).get(reverse(name, args=[other.pk])).status_code == 404


def test_a_draft_is_404_for_the_public_and_the_builder_for_staff(anon, staff_client, centre):
    draft = SurveyFactory(centre=centre)
    assert anon.get(reverse("surveys:detail", args=[draft.pk])).status_code == 404
    assert anon.get(reverse("surveys:answer", args=[draft.pk])).status_code == 404
    assert "Dodaj pytanie" in staff_client.get(reverse("surveys:detail", args=[draft.pk])).content.decode()


def test_pages_query_counts(
    staff_client, client_for, centre, org_member, organisation, django_assert_max_num_queries
):
    surveys = [survey_with_every_kind(centre) for _ in range(3)]
    survey = surveys[0]
    for other in surveys:
        Response.objects.create(
            centre=centre, survey=other, organisation=organisation, submitted_at=timezone.now()
        )
    pages = [
        reverse("surveys:index"),
        reverse("surveys:manage"),
        reverse("surveys:detail", args=[survey.pk]),
        reverse("surveys:results", args=[survey.pk]),
        reverse("surveys:targets"),
        reverse("surveys:index_overview"),
        reverse("surveys:question_new", args=[survey.pk]),
        reverse("surveys:edit", args=[survey.pk]),
    ]
    for url in pages:
        with django_assert_max_num_queries(25):
            assert staff_client.get(url).status_code == 200, url
    fresh = survey_with_every_kind(centre)
    member = client_for(centre, org_member)
    member.get(reverse("surveys:index"))  # the session's first request costs its own queries
    with django_assert_max_num_queries(20):
        assert member.get(reverse("surveys:answer", args=[fresh.pk])).status_code == 200


# -- the builder ------------------------------------------------------------------------------------------


def test_staff_create_a_survey_add_a_section_and_questions_of_each_kind(staff_client, centre):
    response = staff_client.post(
        reverse("surveys:new"), {"title": " Ankieta o lokalach ", "respondent_mode": "organisation"}
    )
    survey = Survey.objects.get()
    assert response["Location"] == survey.get_absolute_url() and survey.title == "Ankieta o lokalach"
    staff_client.post(reverse("surveys:section_new", args=[survey.pk]), {"title": "Lokale"})
    section = Section.objects.get()
    posts = [
        {"kind": "single", "text": "Czy?", "options": "Tak\nNie\n", "section": section.pk, "required": "on"},
        {"kind": "multiple", "text": "Co?", "options": "A\nB\nC", "allow_other": "on"},
        {
            "kind": "scale",
            "text": "Jak?",
            "scale_max": "7",
            "scale_min_label": "źle",
            "scale_max_label": "dobrze",
        },
        {"kind": "text", "text": "Uwagi"},
        {"kind": "number", "text": "Ile?", "number_min": "0", "number_max": "10"},
        {
            "kind": "matrix",
            "text": "Oceń",
            "options": "Sala\nSprzęt",
            "scale_max": "5",
            "area": "infrastructure",
        },
    ]
    for data in posts:
        assert (
            staff_client.post(reverse("surveys:question_new", args=[survey.pk]), data).status_code == 302
        ), data
    questions = list(survey.questions.order_by("position"))
    assert [q.kind for q in questions] == ["single", "multiple", "scale", "text", "number", "matrix"]
    assert questions[0].section == section and questions[0].options == ["Tak", "Nie"]
    assert questions[2].scale_max == 7 and questions[5].area == "infrastructure"
    assert AuditEntry.objects.filter(action="question.added").count() == 6


def test_the_question_form_is_redrawn_for_the_chosen_kind_with_htmx(staff_client, centre):
    survey = SurveyFactory(centre=centre)
    url = reverse("surveys:question_new", args=[survey.pk])
    body = staff_client.get(url, {"kind": "number"}, HTTP_HX_REQUEST="true").content.decode()
    assert 'id="question-form"' in body and "number_min" in body and "scale_max" not in body
    assert "<html" not in body


@pytest.mark.parametrize(
    "data",
    [
        {"kind": "single", "text": "Czy?", "options": "Tylko jedna"},
        {"kind": "matrix", "text": "Oceń", "options": ""},
        {"kind": "number", "text": "Ile?", "number_min": "10", "number_max": "1"},
        {"kind": "text", "text": "Uwagi", "area": "policies"},
        {"kind": "scale", "text": "Jak?", "scale_max": "50"},
        {"kind": "nonsense", "text": "?"},
        {"kind": "single", "text": "", "options": "A\nB"},
    ],
)
def test_bad_questions_are_refused_and_nothing_is_stored(staff_client, centre, data):
    survey = SurveyFactory(centre=centre)
    response = staff_client.post(reverse("surveys:question_new", args=[survey.pk]), data)
    assert response.status_code == 400
    assert not Question.objects.exists()


def test_closing_before_opening_is_refused(staff_client):
    now = timezone.now()
    response = staff_client.post(
        reverse("surveys:new"),
        {
            "title": "X",
            "respondent_mode": "person",
            "opens_at": (now + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M"),
            "closes_at": (now + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"),
        },
    )
    assert response.status_code == 400 and not Survey.objects.exists()


def test_questions_cannot_change_once_answered_but_a_copy_can(staff_client, centre, organisation):
    survey = survey_with_every_kind(centre)
    Response.objects.create(
        centre=centre, survey=survey, organisation=organisation, submitted_at=timezone.now()
    )
    before = survey.questions.count()
    response = staff_client.post(
        reverse("surveys:question_new", args=[survey.pk]), {"kind": "text", "text": "Nowe"}
    )
    assert response.status_code == 400 and "Skopiuj" in response.content.decode()
    question = survey.questions.first()
    staff_client.post(reverse("surveys:question_delete", args=[question.pk]))
    assert survey.questions.count() == before
    staff_client.post(reverse("surveys:copy", args=[survey.pk]))
    copy = Survey.objects.exclude(pk=survey.pk).get()
    assert copy.status == SurveyStatus.DRAFT and copy.questions.count() == before
    assert (
        staff_client.post(
            reverse("surveys:question_new", args=[copy.pk]), {"kind": "text", "text": "Nowe"}
        ).status_code
        == 302
    )


def test_staff_open_and_close_a_survey_and_an_empty_one_cannot_open(staff_client, centre):
    empty = SurveyFactory(centre=centre)
    staff_client.post(reverse("surveys:action", args=[empty.pk, "open"]), {"state": "draft"})
    assert Survey.objects.get(pk=empty.pk).status == SurveyStatus.DRAFT
    survey = survey_with_every_kind(centre, status=SurveyStatus.DRAFT)
    staff_client.post(reverse("surveys:action", args=[survey.pk, "open"]), {"state": "draft"})
    assert Survey.objects.get(pk=survey.pk).status == SurveyStatus.OPEN
    staff_client.post(reverse("surveys:action", args=[survey.pk, "close"]), {"state": "open"})
    assert Survey.objects.get(pk=survey.pk).status == SurveyStatus.CLOSED


# -- answering -----------------------------------------------------------------------------------------------


def test_a_member_answers_for_the_organisation_once(client_for, centre, organisation, org_member, org_admin):
    survey = survey_with_every_kind(centre)
    client = client_for(centre, org_member)
    response = client.post(reverse("surveys:answer", args=[survey.pk]), answer_data(survey, organisation))
    assert response.status_code == 302
    saved = Response.objects.get()
    assert saved.organisation == organisation
    values = {a.question.kind: a.value for a in Answer.objects.select_related("question")}
    assert values == {
        "single": 0,
        "multiple": [0, 2],
        "scale": 4,
        "text": "Dobrze",
        "number": "12",
        "matrix": {"0": 5, "1": 3},
    }
    # another member of the same organisation: refused, nothing stored
    again = client_for(centre, org_admin).post(
        reverse("surveys:answer", args=[survey.pk]), answer_data(survey, organisation)
    )
    assert again.status_code == 400 and "już odpowiedziała" in again.content.decode()
    assert Response.objects.count() == 1


@pytest.mark.parametrize(
    "override",
    [
        {"q_scale": "9"},
        {"q_scale": ""},
        {"q_single": "7"},
        {"q_number": "1000"},
        {"q_number": "abc"},
        {"q_matrix_r0": ""},
        {"organisation": "999999"},
    ],
)
def test_bad_answers_are_refused_and_nothing_is_stored(
    client_for, centre, organisation, org_member, override
):
    survey = survey_with_every_kind(centre)
    data = answer_data(survey, organisation)
    by_kind = {q.kind: q.pk for q in survey.questions.all()}
    for key, value in override.items():
        if key.startswith("q_"):
            kind, _, row = key[2:].partition("_")
            data[f"q{by_kind[kind]}" + (f"_{row}" if row else "")] = value
        else:
            data[key] = value
    response = client_for(centre, org_member).post(reverse("surveys:answer", args=[survey.pk]), data)
    assert response.status_code == 400
    assert not Response.objects.exists() and not Answer.objects.exists()


def test_answers_outside_the_dates_are_refused(client_for, centre, organisation, org_member):
    now = timezone.now()
    survey = survey_with_every_kind(
        centre, opens_at=now - timedelta(days=5), closes_at=now - timedelta(minutes=1)
    )
    response = client_for(centre, org_member).post(
        reverse("surveys:answer", args=[survey.pk]), answer_data(survey, organisation)
    )
    assert response.status_code == 400 and "nie przyjmuje" in response.content.decode()
    assert not Response.objects.exists()


def test_a_person_answers_once_and_the_public_is_asked_to_sign_in(anon, client_for, centre, plain_user):
    survey = survey_with_every_kind(centre, respondent_mode=RespondentMode.PERSON)
    assert "Zaloguj się" in anon.get(reverse("surveys:answer", args=[survey.pk])).content.decode()
    client = client_for(centre, plain_user)
    assert client.post(reverse("surveys:answer", args=[survey.pk]), answer_data(survey)).status_code == 302
    again = client.post(reverse("surveys:answer", args=[survey.pk]), answer_data(survey))
    assert again.status_code == 400 and Response.objects.count() == 1


def _stamped(data: dict) -> dict:
    from django.core import signing

    shown = int(timezone.now().timestamp()) - 30
    stamp = signing.TimestampSigner(salt="centrum.surveys.answer").sign(str(shown))
    return {**data, "stamp": stamp, "website": ""}


def test_an_open_survey_takes_one_answer_per_browser_and_address(anon, client_for, centre):
    survey = survey_with_every_kind(centre, respondent_mode=RespondentMode.OPEN, anonymous=True)
    url = reverse("surveys:answer", args=[survey.pk])
    anon.get(url)  # the browser's cookie
    assert anon.post(url, _stamped({**answer_data(survey), "email": "jan@example.org"})).status_code == 302
    assert anon.post(url, _stamped(answer_data(survey))).status_code == 400
    other_browser = client_for(centre)
    other_browser.get(url)
    assert (
        other_browser.post(url, _stamped({**answer_data(survey), "email": "JAN@example.org"})).status_code
        == 400
    )
    assert Response.objects.count() == 1
    assert AuditEntry.objects.filter(action="response.submitted", actor__isnull=True).count() == 1


def test_an_open_survey_refuses_a_filled_honeypot(anon, centre):
    survey = survey_with_every_kind(centre, respondent_mode=RespondentMode.OPEN)
    url = reverse("surveys:answer", args=[survey.pk])
    anon.get(url)
    response = anon.post(url, {**_stamped(answer_data(survey)), "website": "http://spam"})
    assert response.status_code == 400 and not Response.objects.exists()


def test_an_open_survey_is_rate_limited(anon, client_for, centre, per_process_caches):
    from centrum.core.models import CentreSetting

    CentreSetting.objects.create(centre=centre, key="surveys.open_answers_per_hour", value=1)
    survey = survey_with_every_kind(centre, respondent_mode=RespondentMode.OPEN)
    url = reverse("surveys:answer", args=[survey.pk])
    first, second = client_for(centre), client_for(centre)
    first.get(url)
    second.get(url)
    assert first.post(url, _stamped(answer_data(survey))).status_code == 302
    response = second.post(url, _stamped(answer_data(survey)))
    assert response.status_code == 400 and Response.objects.count() == 1


def test_html_in_answers_is_shown_inert(client_for, staff_client, centre, organisation, org_member):
    survey = survey_with_every_kind(centre)
    text = next(q for q in survey.questions.all() if q.kind == "text")
    data = answer_data(survey, organisation, **{f"q{text.pk}": "<script>alert(1)</script>"})
    client_for(centre, org_member).post(reverse("surveys:answer", args=[survey.pk]), data)
    body = staff_client.get(reverse("surveys:results", args=[survey.pk])).content.decode()
    assert "<script>alert(1)" not in body and "&lt;script&gt;" in body


# -- results ----------------------------------------------------------------------------------------------


def test_results_count_options_average_scales_and_filter_by_field(
    staff_client, client_for, centre, org_member, organisation
):
    from centrum.organisations.models import ActivityArea

    survey = survey_with_every_kind(centre)
    client_for(centre, org_member).post(
        reverse("surveys:answer", args=[survey.pk]), answer_data(survey, organisation)
    )
    body = staff_client.get(reverse("surveys:results", args=[survey.pk])).content.decode()
    assert "1 odpowiedź" in body and "100%" in body and "<svg" in body and "4,00" in body or "4.00" in body
    area = ActivityArea.objects.exclude(pk__in=organisation.areas.all()).first()
    if area is not None:
        filtered = staff_client.get(
            reverse("surveys:results", args=[survey.pk]), {"area": area.pk}
        ).content.decode()
        assert "0 odpowiedzi" in filtered


@pytest.mark.parametrize("anonymous", [False, True])
def test_the_export_lists_raw_answers_and_never_who_answered_an_anonymous_survey(
    staff_client, client_for, centre, org_member, organisation, anonymous
):
    survey = survey_with_every_kind(centre, anonymous=anonymous)
    client_for(centre, org_member).post(
        reverse("surveys:answer", args=[survey.pk]), answer_data(survey, organisation)
    )
    response = staff_client.get(reverse("surveys:export", args=[survey.pk, "csv"]))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert len(rows) == 2 and "Tak" in rows[1] and "A; C" in rows[1]
    assert (organisation.name in text) is (not anonymous)
    assert (org_member.full_name in text) is (not anonymous)
    assert staff_client.get(reverse("surveys:export", args=[survey.pk, "xlsx"])).status_code == 200
    assert staff_client.get(reverse("surveys:export", args=[survey.pk, "pdf"])).status_code == 404


def test_an_anonymous_survey_is_not_cut_by_field(staff_client, client_for, centre, org_member, organisation):
    from centrum.organisations.models import ActivityArea

    survey = survey_with_every_kind(centre, anonymous=True)
    client_for(centre, org_member).post(
        reverse("surveys:answer", args=[survey.pk]), answer_data(survey, organisation)
    )
    area = ActivityArea.objects.exclude(pk__in=organisation.areas.all()).first()
    body = staff_client.get(reverse("surveys:results", args=[survey.pk]), {"area": area.pk}).content.decode()
    assert "1 odpowiedź" in body and 'name="area"' not in body
    assert organisation.name not in body
