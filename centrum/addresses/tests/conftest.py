import pytest

from .factories import AgreementFactory, MailFactory, PersonFactory


@pytest.fixture
def agreement(centre, organisation, org_admin):
    return AgreementFactory(centre=centre, organisation=organisation, requested_by=org_admin)


@pytest.fixture
def person(centre, organisation):
    return PersonFactory(centre=centre, organisation=organisation, full_name="Jan Odbierający")


@pytest.fixture
def mail(centre, organisation, agreement):
    return MailFactory(centre=centre, organisation=organisation, agreement=agreement)
