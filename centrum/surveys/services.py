"""Writes: keyword-only, atomic, permission checked again, validated, audited. A broken rule raises
ApplicationError with a message a person can act on."""

from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log, changes, snapshot
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.models import Centre
from centrum.core.workflow import workflow_apply
from centrum.organisations.permissions import is_organisation_member

from . import questionnaires as q
from .audit_labels import SurveysAudit
from .choices import (
    LISTED_KINDS,
    SCALED_KINDS,
    Feeds,
    QuestionKind,
    RespondentMode,
    SurveyPurpose,
    SurveyStatus,
)
from .models import Answer, IndicatorTarget, Question, Response, Section, Survey
from .permissions import can_edit_survey, can_manage_surveys, is_accepting_answers, may_answer_as_person
from .rules import clean_answer

SURVEY_FIELDS = ["title", "description", "respondent_mode", "anonymous", "opens_at", "closes_at"]
QUESTION_FIELDS = [
    "section",
    "kind",
    "text",
    "help_text",
    "required",
    "options",
    "allow_other",
    "scale_max",
    "scale_min_label",
    "scale_max_label",
    "number_min",
    "number_max",
    "area",
    "feeds",
]
DENIED = _("Nie masz uprawnień do tej czynności.")


def _refuse_unless(allowed: bool) -> None:
    if not allowed:
        raise ApplicationError(str(DENIED))


def _check_dates(survey: Survey) -> None:
    if survey.opens_at and survey.closes_at and survey.closes_at <= survey.opens_at:
        raise ApplicationError(_("Zamknięcie musi nastąpić po otwarciu."), field="closes_at")


@transaction.atomic
def survey_create(
    *, centre: Centre, actor, purpose: str = SurveyPurpose.GENERAL, year=None, **data
) -> Survey:
    _refuse_unless(can_manage_surveys(actor, centre))
    survey = Survey(centre=centre, created_by=actor, purpose=purpose, year=year)
    for field in SURVEY_FIELDS:
        if field in data:
            setattr(survey, field, data[field])
    survey.title = survey.title.strip()
    _check_dates(survey)
    if (
        purpose == SurveyPurpose.INDEX
        and Survey.objects.filter(centre=centre, purpose=purpose, year=year).exists()
    ):
        raise ApplicationError(_("Samoocena za ten rok już istnieje."), field="year")
    full_clean_or_raise(survey, validate_constraints=False)
    try:
        with transaction.atomic():
            survey.save()
    except IntegrityError:
        raise ApplicationError(_("Samoocena za ten rok już istnieje."), field="year") from None
    audit_log(
        actor=actor,
        obj=survey,
        action=SurveysAudit.SURVEY_CREATED,
        new=snapshot(survey, ["title", "purpose"]),
    )
    return survey


def _has_answers(survey: Survey) -> bool:
    return survey.responses.exists()


@transaction.atomic
def survey_update(*, survey: Survey, actor, data: dict) -> Survey:
    _refuse_unless(can_edit_survey(actor, survey))
    survey = Survey.objects.select_for_update().get(pk=survey.pk, centre=survey.centre)
    before = snapshot(survey, SURVEY_FIELDS)
    answered = _has_answers(survey)
    for field in SURVEY_FIELDS:
        if field in data:
            if (
                answered
                and field in ("respondent_mode", "anonymous")
                and data[field] != getattr(survey, field)
            ):
                raise ApplicationError(
                    _("Na ankietę już odpowiedziano: kto odpowiada i anonimowość zostają bez zmian."),
                    field=field,
                )
            setattr(survey, field, data[field])
    survey.title = survey.title.strip()
    _check_dates(survey)
    full_clean_or_raise(survey, validate_constraints=False)
    survey.save()
    old, new = changes(before, snapshot(survey, SURVEY_FIELDS))
    if new:
        audit_log(actor=actor, obj=survey, action=SurveysAudit.SURVEY_UPDATED, old=old, new=new)
    return survey


def _lock_editable(survey: Survey, actor) -> Survey:
    _refuse_unless(can_edit_survey(actor, survey))
    locked = Survey.objects.select_for_update().get(pk=survey.pk, centre=survey.centre)
    if locked.status == SurveyStatus.CLOSED or _has_answers(locked):
        raise ApplicationError(
            _("Na ankietę już odpowiadano albo jest zamknięta: pytań nie można zmieniać. Skopiuj ankietę.")
        )
    return locked


@transaction.atomic
def section_add(*, survey: Survey, actor, title: str) -> Section:
    survey = _lock_editable(survey, actor)
    position = survey.sections.count() + 1
    section = Section(centre=survey.centre, survey=survey, title=title.strip(), position=position)
    full_clean_or_raise(section)
    section.save()
    audit_log(actor=actor, obj=survey, action=SurveysAudit.SECTION_ADDED, new={"section": section.title})
    return section


def _check_question(question: Question) -> None:
    if question.kind in LISTED_KINDS:
        options = [str(o).strip()[:200] for o in (question.options or []) if str(o).strip()]
        question.options = list(dict.fromkeys(options))
        least = 1 if question.kind == QuestionKind.MATRIX else 2
        if len(question.options) < least:
            message = (
                _("Podaj co najmniej jeden wiersz macierzy (jeden w linii).")
                if question.kind == QuestionKind.MATRIX
                else _("Podaj co najmniej dwie odpowiedzi do wyboru (jedną w linii).")
            )
            raise ApplicationError(message, field="options")
        if len(question.options) > 50:
            raise ApplicationError(_("Najwyżej 50 pozycji."), field="options")
    else:
        question.options = []
    if question.kind in SCALED_KINDS:
        question.scale_max = question.scale_max or 5
        if not 2 <= question.scale_max <= 10:
            raise ApplicationError(_("Skala ma od 2 do 10 stopni."), field="scale_max")
    else:
        question.scale_max = None
        question.scale_min_label = question.scale_max_label = ""
    if question.kind == QuestionKind.NUMBER:
        if (
            question.number_min is not None
            and question.number_max is not None
            and question.number_min > question.number_max
        ):
            raise ApplicationError(
                _("Najmniejsza liczba nie może być większa od największej."), field="number_max"
            )
    else:
        question.number_min = question.number_max = None
    if question.kind not in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        question.allow_other = False
    if question.area and question.kind not in SCALED_KINDS:
        raise ApplicationError(_("Do indeksu liczą się tylko pytania ze skalą."), field="area")
    if question.feeds and question.kind != QuestionKind.MULTIPLE:
        raise ApplicationError(_("Tematy szkoleń zbiera pytanie wielokrotnego wyboru."), field="feeds")
    if question.section_id and question.section.survey_id != question.survey_id:
        raise ApplicationError(_("Wybierz sekcję tej ankiety."), field="section")


@transaction.atomic
def question_add(*, survey: Survey, actor, **data) -> Question:
    survey = _lock_editable(survey, actor)
    question = Question(centre=survey.centre, survey=survey, position=survey.questions.count() + 1)
    for field in QUESTION_FIELDS:
        if field in data:
            setattr(question, field, data[field])
    question.text = (question.text or "").strip()
    _check_question(question)
    full_clean_or_raise(question)
    question.save()
    audit_log(actor=actor, obj=survey, action=SurveysAudit.QUESTION_ADDED, new={"question": question.text})
    return question


@transaction.atomic
def question_remove(*, question: Question, actor) -> None:
    survey = _lock_editable(question.survey, actor)
    text = question.text
    question.delete()
    audit_log(actor=actor, obj=survey, action=SurveysAudit.QUESTION_REMOVED, old={"question": text})


@transaction.atomic
def survey_copy(*, survey: Survey, actor, year=None) -> Survey:
    _refuse_unless(can_edit_survey(actor, survey))
    copy = survey_create(
        centre=survey.centre,
        actor=actor,
        purpose=survey.purpose if survey.purpose != SurveyPurpose.INDEX or year else SurveyPurpose.GENERAL,
        year=year,
        title=(survey.title if year else _("%(title)s (kopia)") % {"title": survey.title})[:200],
        description=survey.description,
        respondent_mode=survey.respondent_mode,
        anonymous=survey.anonymous,
    )
    copy.copied_from = survey
    copy.save(update_fields=["copied_from"])
    sections = {}
    for section in survey.sections.all():
        sections[section.pk] = Section.objects.create(
            centre=copy.centre, survey=copy, title=section.title, position=section.position
        )
    Question.objects.bulk_create(
        Question(
            centre=copy.centre,
            survey=copy,
            position=question.position,
            **{
                field: (sections.get(question.section_id) if field == "section" else getattr(question, field))
                for field in QUESTION_FIELDS
            },
        )
        for question in survey.questions.all()
    )
    audit_log(actor=actor, obj=copy, action=SurveysAudit.SURVEY_COPIED, new={"from": survey.pk})
    return copy


def survey_apply(*, survey: Survey, action: str, actor, reason: str = "") -> Survey:
    return workflow_apply(obj=survey, action=action, actor=actor, reason=reason)


# -- answering ---------------------------------------------------------------------------------------


SECOND_ANSWER = {
    RespondentMode.ORGANISATION: _("Ta organizacja już odpowiedziała na tę ankietę."),
    RespondentMode.PERSON: _("Już odpowiedziałeś(-aś) na tę ankietę."),
    RespondentMode.OPEN: _("Z tej przeglądarki lub z tego adresu e-mail już odpowiedziano na tę ankietę."),
}


def _who(survey: Survey, actor, organisation, email: str, browser_key: str) -> dict:
    mode = survey.respondent_mode
    if mode == RespondentMode.ORGANISATION:
        if organisation is None:
            raise ApplicationError(
                _("Wybierz organizację, w której imieniu odpowiadasz."), field="organisation"
            )
        if organisation.centre_id != survey.centre_id or not is_organisation_member(actor, organisation):
            raise ApplicationError(
                _("Odpowiadać może tylko członek organizacji w jej imieniu."), field="organisation"
            )
        return {"organisation": organisation, "user": actor}
    if mode == RespondentMode.PERSON:
        return {"user": actor}
    if not browser_key:
        raise ApplicationError(_("Włącz ciasteczka w przeglądarce, aby odpowiedzieć."))
    return {"email": (email or "").strip().lower(), "browser_key": browser_key[:64]}


def already_answered(survey: Survey, who: dict) -> bool:
    responses = survey.responses.all()
    if "organisation" in who:
        return responses.filter(organisation=who["organisation"]).exists()
    if "user" in who:
        return responses.filter(user=who["user"], organisation__isnull=True).exists()
    found = responses.filter(browser_key=who["browser_key"])
    if who["email"]:
        found = found | responses.filter(email=who["email"])
    return found.exists()


@transaction.atomic
def response_submit(
    *,
    survey: Survey,
    actor,
    values: dict,
    others: dict | None = None,
    organisation=None,
    email: str = "",
    browser_key: str = "",
) -> Response:
    """`values`: question pk → raw value; `others`: question pk → the "other" text. One response per
    organisation, person, browser or e-mail: checked first for a clear message, and by the database's unique
    constraints when two arrive at once."""
    if not may_answer_as_person(actor, survey):
        raise ApplicationError(_("Zaloguj się, aby odpowiedzieć."))
    if not is_accepting_answers(survey):
        raise ApplicationError(_("Ta ankieta nie przyjmuje teraz odpowiedzi."))
    who = _who(survey, actor, organisation, email, browser_key)
    if already_answered(survey, who):
        raise ApplicationError(str(SECOND_ANSWER[survey.respondent_mode]))
    others = others or {}
    cleaned = []
    for question in survey.questions.all():
        value = clean_answer(question, values.get(question.pk), others.get(question.pk, ""))
        other = (others.get(question.pk) or "").strip()[:300] if question.allow_other else ""
        if value is not None or other:
            cleaned.append((question, value, other))
    response = Response(centre=survey.centre, survey=survey, submitted_at=timezone.now(), **who)
    try:
        with transaction.atomic():
            response.save()
    except IntegrityError:
        raise ApplicationError(str(SECOND_ANSWER[survey.respondent_mode])) from None
    Answer.objects.bulk_create(
        Answer(centre=survey.centre, response=response, question=question, value=value, other=other)
        for question, value, other in cleaned
    )
    # An anonymous survey keeps no trace of who answered in the history either.
    audit_log(
        actor=None if survey.anonymous else actor if getattr(actor, "is_authenticated", False) else None,
        obj=survey,
        action=SurveysAudit.RESPONSE_SUBMITTED,
        new={"answers": len(cleaned)},
    )
    return response


# -- ready questionnaires ----------------------------------------------------------------------------


def _build(survey: Survey, actor, sections) -> Survey:
    for section_title, questions in sections:
        section = section_add(survey=survey, actor=actor, title=section_title)
        for data in questions:
            question_add(survey=survey, actor=actor, section=section, **data)
    return survey


@transaction.atomic
def index_survey_create(*, centre: Centre, actor, year: int) -> Survey:
    """The year's self-assessment, from the previous year's survey when there is one (its questions as
    staff left them), else from the ready questionnaire."""
    previous = (
        Survey.objects.filter(centre=centre, purpose=SurveyPurpose.INDEX, year__lt=year)
        .order_by("-year")
        .first()
    )
    if previous is not None and previous.questions.exists():
        if Survey.objects.filter(centre=centre, purpose=SurveyPurpose.INDEX, year=year).exists():
            raise ApplicationError(_("Samoocena za ten rok już istnieje."), field="year")
        copy = survey_copy(survey=previous, actor=actor, year=year)
        copy.title = q.index_title(year)
        copy.save(update_fields=["title"])
        return copy
    survey = survey_create(
        centre=centre,
        actor=actor,
        purpose=SurveyPurpose.INDEX,
        year=year,
        title=q.index_title(year),
        description=_(
            "Samoocena współpracy samorządu z organizacjami pozarządowymi. Oceń każde zdanie w skali od 1 do 5."
        ),
        respondent_mode=RespondentMode.ORGANISATION,
    )
    return _build(
        survey,
        actor,
        [
            (
                title,
                [
                    {
                        "kind": QuestionKind.SCALE,
                        "text": statement,
                        "scale_max": 5,
                        "scale_min_label": q.SCALE_MIN,
                        "scale_max_label": q.SCALE_MAX,
                        "area": area,
                    }
                    for statement in statements
                ],
            )
            for area, title, statements in q.INDEX_AREAS
        ],
    )


@transaction.atomic
def needs_survey_create(*, centre: Centre, actor) -> Survey:
    survey = survey_create(
        centre=centre,
        actor=actor,
        purpose=SurveyPurpose.NEEDS,
        title=str(q.NEEDS_TITLE),
        description=_("Pomóż nam zaplanować szkolenia: wskaż tematy, formę i porę, które Wam odpowiadają."),
        respondent_mode=RespondentMode.ORGANISATION,
    )
    return _build(
        survey,
        actor,
        [
            (
                _("Tematy"),
                [
                    {
                        "kind": QuestionKind.MULTIPLE,
                        "text": _("Jakich szkoleń potrzebuje Wasza organizacja?"),
                        "options": q.TRAINING_TOPICS,
                        "allow_other": True,
                        "feeds": Feeds.TRAINING_TOPICS,
                    }
                ],
            ),
            (
                _("Forma i pora"),
                [
                    {
                        "kind": QuestionKind.SINGLE,
                        "text": _("Jaka forma najbardziej Wam odpowiada?"),
                        "options": q.TRAINING_FORMS,
                    },
                    {
                        "kind": QuestionKind.SINGLE,
                        "text": _("Jaka pora Wam odpowiada?"),
                        "options": q.TRAINING_TIMES,
                    },
                    {"kind": QuestionKind.TEXT, "text": _("Uwagi"), "required": False},
                ],
            ),
        ],
    )


@transaction.atomic
def target_set(*, centre: Centre, actor, indicator: str, target: Decimal | None) -> IndicatorTarget | None:
    _refuse_unless(can_manage_surveys(actor, centre))
    current = IndicatorTarget.objects.select_for_update().filter(centre=centre, indicator=indicator).first()
    old = {"target": str(current.target)} if current else {}
    if target is None:
        if current is not None:
            current.delete()
        return None
    if target <= 0:
        raise ApplicationError(_("Wartość docelowa musi być większa od zera."), field="target")
    row = current or IndicatorTarget(centre=centre, indicator=indicator)
    row.target = target
    full_clean_or_raise(row, validate_constraints=False)
    row.save()
    if old.get("target") != str(row.target):
        audit_log(
            actor=actor, obj=row, action=SurveysAudit.TARGET_SET, old=old, new={"target": str(row.target)}
        )
    return row


# -- jobs ------------------------------------------------------------------------------------------


def surveys_open_due(*, centre: Centre) -> int:
    """Open the drafts whose opening date came (those with questions and a close date still ahead)."""
    now = timezone.now()
    done = 0
    for survey in Survey.objects.filter(centre=centre, status=SurveyStatus.DRAFT, opens_at__lte=now):
        try:
            workflow_apply(row=survey, action="open", actor=None)
        except ApplicationError:
            continue
        done += 1
    return done


def surveys_close_due(*, centre: Centre) -> int:
    now = timezone.now()
    done = 0
    for survey in Survey.objects.filter(centre=centre, status=SurveyStatus.OPEN, closes_at__lte=now):
        try:
            workflow_apply(row=survey, action="close", actor=None)
        except ApplicationError:
            continue
        done += 1
    return done


@transaction.atomic
def targets_set(*, centre: Centre, actor, values: dict[str, Decimal | None]) -> None:
    """Every indicator's target at once: one refused value stores none."""
    for indicator, target in values.items():
        try:
            target_set(centre=centre, actor=actor, indicator=indicator, target=target)
        except ApplicationError as exc:
            raise ApplicationError(exc.message, field=indicator) from None
