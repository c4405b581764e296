"""The contracts pages speak English from the app's catalogue."""

import pytest
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_the_contracts_strings_have_english():
    with translation.override("en"):
        assert translation.gettext("Umowy urzędu") == "Office's contracts"
        assert translation.gettext("Aktualizacja kosztorysu i harmonogramu") == "Updated budget and schedule"
        assert translation.gettext("Zapisz zawarcie umowy") == "Record the conclusion of the contract"
        assert translation.gettext("Złóż aktualizację kosztorysu") == "File the updated budget"
