"""The training needs organisations stated in the latest training-needs survey: each topic with how many
chose it, for the trainings capability (`centrum.core.indicators.needs_for(centre, "trainings")`)."""

from collections import Counter

from django.urls import reverse

from centrum.core.indicators import NeedItem

from .models import Answer
from .selectors import latest_needs_survey


def stated_needs(centre, kind: str) -> list[NeedItem]:
    survey = latest_needs_survey(centre=centre)
    if survey is None:
        return []
    question = survey.questions.filter(feeds=kind).first()
    if question is None:
        return []
    answers = list(Answer.objects.filter(question=question).only("value", "other"))
    counts: Counter = Counter()
    for answer in answers:
        for index in answer.value or []:
            if 0 <= index < len(question.options):
                counts[question.options[index]] += 1
        if answer.other:
            counts[answer.other.strip()[:200]] += 1
    respondents = survey.responses.count()
    url = reverse("surveys:results", args=[survey.pk])
    return [
        NeedItem(topic=topic, count=count, respondents=respondents, source_title=survey.title, url=url)
        for topic, count in counts.items()
    ]
