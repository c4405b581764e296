"""The staff dashboard card: four numbers in one query."""

import pytest

from ..models import Exhibitor
from ..selectors import staff_dashboard_counts
from .factories import RegistrationFactory, training_with_session

pytestmark = pytest.mark.django_db


def test_counts(centre, organisation, django_assert_num_queries):
    training = training_with_session(centre, capacity=1)
    training_with_session(centre, status="draft")
    RegistrationFactory(training=training)
    RegistrationFactory(training=training, status="waiting")
    Exhibitor.objects.create(centre=centre, training=training, organisation=organisation, stand="S")
    with django_assert_num_queries(1):
        counts = staff_dashboard_counts(centre=centre)
    assert counts == {"upcoming_trainings": 1, "waiting_people": 1, "stands_to_confirm": 1, "open_needs": 0}
