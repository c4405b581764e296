import pytest

from centrum.accounts.models import CentreRoleKind
from centrum.accounts.tests.factories import CentreRoleFactory, UserFactory


@pytest.fixture
def official_client(centre, official_user, client_for):
    return client_for(centre, official_user)


@pytest.fixture
def other_official(centre):
    user = UserFactory(email="official2@example.org", full_name="Piotr Urzędnik")
    CentreRoleFactory(centre=centre, user=user, role=CentreRoleKind.OFFICIAL)
    return user
