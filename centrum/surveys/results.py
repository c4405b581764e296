"""Summaries of a survey's answers: counts and shares per option, averages of scales, the matrix's heat
table, text answers; and the rows of the raw-answers export. Answers are read in one query per survey."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from .choices import QuestionKind as K
from .models import Answer, Question, Response, Survey
from .selectors import questions_of


def share(count: int, total: int) -> int:
    """A whole percentage, for the bar's width class and the table."""
    if not total:
        return 0
    return int((Decimal(count) * 100 / Decimal(total)).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def _heat(count: int, total: int) -> tuple[int, int, int]:
    """(count, percent, shade 0–4) of one cell of the matrix's heat table."""
    percent = share(count, total)
    return count, percent, min(4, (percent + 24) // 25)


def average(values: list[int | Decimal]) -> Decimal | None:
    if not values:
        return None
    return (Decimal(sum(values)) / len(values)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass
class Bar:
    label: str
    count: int
    percent: int


@dataclass
class QuestionResult:
    question: Question
    answered: int = 0
    bars: list[Bar] = field(default_factory=list)
    mean: Decimal | None = None
    texts: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)
    # matrix: [(row label, [(count, percent) per scale value], mean)]
    heat: list[tuple] = field(default_factory=list)
    numbers: dict = field(default_factory=dict)


def responses_for(survey: Survey, *, area=None):
    responses = Response.objects.filter(survey=survey)
    if area is not None:
        responses = responses.filter(organisation__areas=area)
    return responses


def summarise(survey: Survey, *, area=None) -> tuple[int, list[QuestionResult]]:
    responses = responses_for(survey, area=area)
    total = responses.count()
    by_question: dict[int, list[Answer]] = defaultdict(list)
    for answer in Answer.objects.filter(response__in=responses.values("pk")).only(
        "question_id", "value", "other"
    ):
        by_question[answer.question_id].append(answer)
    results = []
    for question in questions_of(survey):
        answers = by_question.get(question.pk, [])
        result = QuestionResult(question=question, answered=len(answers))
        values = [a.value for a in answers if a.value is not None]
        if question.kind in (K.SINGLE, K.MULTIPLE):
            counts = Counter()
            for value in values:
                counts.update(value if isinstance(value, list) else [value])
            result.bars = [
                Bar(option, counts[i], share(counts[i], len(answers)))
                for i, option in enumerate(question.options)
            ]
            result.others = sorted(a.other for a in answers if a.other)
        elif question.kind == K.SCALE:
            counts = Counter(values)
            result.bars = [
                Bar(str(v), counts[v], share(counts[v], len(values))) for v in question.scale_values
            ]
            result.mean = average(values)
        elif question.kind == K.MATRIX:
            for i, row in enumerate(question.options):
                marks = [v[str(i)] for v in values if str(i) in v]
                counts = Counter(marks)
                result.heat.append(
                    (row, [_heat(counts[s], len(marks)) for s in question.scale_values], average(marks))
                )
        elif question.kind == K.NUMBER:
            numbers = [Decimal(v) for v in values]
            if numbers:
                result.numbers = {
                    "min": min(numbers),
                    "max": max(numbers),
                    "mean": average(numbers),
                    "sum": sum(numbers),
                }
        else:
            result.texts = [v for v in values if v]
        results.append(result)
    return total, results


def area_means(survey: Survey) -> dict[str, list[Decimal]]:
    """Self-assessment per area of the index: each answer normalised to 0–100 ((v − 1) / (N − 1) × 100)."""
    scores: dict[str, list[Decimal]] = defaultdict(list)
    answers = Answer.objects.filter(response__survey=survey, question__area__gt="").select_related("question")
    for answer in answers.only("value", "question__area", "question__scale_max", "question__kind"):
        top = (answer.question.scale_max or 5) - 1
        marks = answer.value.values() if isinstance(answer.value, dict) else [answer.value]
        for mark in marks:
            if isinstance(mark, int) and top > 0:
                scores[answer.question.area].append(Decimal(mark - 1) * 100 / top)
    return scores


def _cell(question: Question, answer: Answer | None) -> str:
    if answer is None or answer.value is None:
        return answer.other if answer else ""
    value = answer.value
    if question.kind == K.SINGLE:
        text = question.options[value] if 0 <= value < len(question.options) else ""
    elif question.kind == K.MULTIPLE:
        text = "; ".join(question.options[i] for i in value if 0 <= i < len(question.options))
    elif question.kind == K.MATRIX:
        text = "; ".join(
            f"{row}: {value[str(i)]}" for i, row in enumerate(question.options) if str(i) in value
        )
    else:
        text = str(value)
    if answer.other:
        text = f"{text}; {answer.other}" if text else answer.other
    return text


def export_rows(survey: Survey, *, header_labels: tuple[str, str, str]):
    """Header, then one row per response: when, who (never for an anonymous survey), each answer."""
    questions = questions_of(survey)
    header = [header_labels[0]] + ([] if survey.anonymous else [header_labels[1], header_labels[2]])
    yield header + [q.text for q in questions]
    responses = Response.objects.filter(survey=survey).select_related("organisation", "user")
    answers: dict[int, dict[int, Answer]] = defaultdict(dict)
    for answer in Answer.objects.filter(response__survey=survey):
        answers[answer.response_id][answer.question_id] = answer
    for response in responses.order_by("submitted_at", "id"):
        who = []
        if not survey.anonymous:
            who = [
                response.organisation.name if response.organisation_id else "",
                (response.user.get_full_name() or response.user.email)
                if response.user_id
                else response.email,
            ]
        yield [response.submitted_at.replace(microsecond=0), *who] + [
            _cell(q, answers[response.pk].get(q.pk)) for q in questions
        ]
