"""core.forms.AmountField: amounts as people type them in Poland."""

import pytest


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("1 234,56", "1234.56"),
        ("1\u00a0234,5 zł", "1234.50"),
        ("1234.56", "1234.56"),
        (" 8 500,00 PLN", "8500.00"),
        ("0", "0"),
    ],
)
def test_an_amount_typed_the_polish_way_is_read(typed, amount):
    from decimal import Decimal

    from centrum.core.forms import AmountField

    assert AmountField().clean(typed) == Decimal(amount)


@pytest.mark.parametrize("typed", ["1,234,56", "abc", "12,345", "1e3", "NaN"])
def test_a_malformed_amount_is_an_error(typed):
    from django.core.exceptions import ValidationError

    from centrum.core.forms import AmountField

    with pytest.raises(ValidationError):
        AmountField().clean(typed)
