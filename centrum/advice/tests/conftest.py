import pytest

from centrum.spaces.tests.conftest import race_database  # noqa: F401 (the fixture)

from .factories import AdviserFactory


@pytest.fixture
def adviser(centre):
    return AdviserFactory(centre=centre)
