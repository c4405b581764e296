"""The evaluation pages speak English from the app's catalogue."""

import pytest
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_the_evaluation_strings_have_english():
    with translation.override("en"):
        assert translation.gettext("Zamknij ocenę merytoryczną") == "Close scoring"
        assert translation.gettext("Oświadczenie o bezstronności") == "Declaration of impartiality"
