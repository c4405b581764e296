"""Two members of one organisation send the survey at once (two phones, a double click): one answer is
stored, the other is told the organisation has answered; the database's unique constraint decides."""

import pytest

from centrum.accounts.models import MembershipRole
from centrum.accounts.tests.factories import MembershipFactory, UserFactory
from centrum.core.exceptions import ApplicationError
from centrum.core.tests.factories import CentreFactory
from centrum.organisations.tests.factories import OrganisationFactory
from centrum.spaces.tests.conftest import race_database  # noqa: F401 (the fixture)
from centrum.spaces.tests.test_concurrency import _race

from ..models import Answer, Response
from ..services import response_submit
from .factories import survey_with_every_kind

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("race_database")]


def test_two_members_answer_for_one_organisation_at_once_one_wins():
    centre = CentreFactory(slug="miechow", host="miechow.localhost")
    organisation = OrganisationFactory(centre=centre, nip="")
    members = [UserFactory(email=f"m{i}@example.org") for i in range(2)]
    for member in members:
        MembershipFactory(user=member, organisation=organisation, role=MembershipRole.MEMBER)
    survey = survey_with_every_kind(centre)
    values = {}
    for question in survey.questions.all():
        values[question.pk] = {
            "single": "0",
            "multiple": ["1"],
            "scale": "3",
            "text": "x",
            "number": "1",
            "matrix": {"0": "2", "1": "4"},
        }[question.kind]

    def answer(i):
        return response_submit(survey=survey, actor=members[i], values=values, organisation=organisation)

    results = _race(answer, 2)
    won = [r for r in results if isinstance(r, Response)]
    lost = [r for r in results if isinstance(r, Exception)]
    assert len(won) == 1, results
    assert all(isinstance(r, ApplicationError) and "już odpowiedziała" in r.message for r in lost), results
    assert Response.objects.count() == 1
    assert Answer.objects.count() == survey.questions.count()
