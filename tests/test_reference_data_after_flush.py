"""A transactional test's flush empties every table; the catalogue a data migration loaded is put back
before the next test (tests/pytest_plugin.py), whatever the order the workers run tests in."""

import pytest

from centrum.organisations.catalogue import PUBLIC_BENEFIT_AREAS
from centrum.organisations.models import ActivityArea


@pytest.mark.django_db(transaction=True)
def test_a_transactional_test_sees_the_catalogue():
    assert ActivityArea.objects.count() == len(PUBLIC_BENEFIT_AREAS)


@pytest.mark.django_db
def test_the_next_test_still_sees_the_catalogue():
    assert ActivityArea.objects.count() == len(PUBLIC_BENEFIT_AREAS)


@pytest.mark.django_db(transaction=True)
def test_a_second_transactional_test_after_a_flush_sees_it_too():
    assert ActivityArea.objects.count() == len(PUBLIC_BENEFIT_AREAS)
