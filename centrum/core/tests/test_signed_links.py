from datetime import timedelta

import pytest

from centrum.core.exceptions import ApplicationError
from centrum.core.signed_links import read_signed_token, signed_token


def test_round_trip_gives_pk_and_version():
    token = signed_token("advice.cancel", 42, version="abc")
    assert read_signed_token("advice.cancel", token) == (42, "abc")


@pytest.mark.parametrize("token", ["", "nonsense", "eyJ4IjoxfQ:1abc:def"])
def test_forged_tokens_are_refused(token):
    with pytest.raises(ApplicationError, match="nieprawidłowy"):
        read_signed_token("advice.cancel", token)


def test_a_token_for_one_purpose_opens_no_other():
    token = signed_token("advice.cancel", 42)
    with pytest.raises(ApplicationError):
        read_signed_token("trainings.cancel", token)


def test_a_tampered_token_is_refused():
    token = signed_token("advice.cancel", 42)
    with pytest.raises(ApplicationError):
        read_signed_token("advice.cancel", token[:-2] + ("A" if token[-2] != "A" else "B") + token[-1])


def test_expired_token(_frozen_clock):
    if _frozen_clock is None:
        pytest.skip("needs the frozen clock")
    token = signed_token("advice.cancel", 1)
    _frozen_clock.shift(timedelta(days=3))
    with pytest.raises(ApplicationError, match="wygasł"):
        read_signed_token("advice.cancel", token, max_age=timedelta(days=2))
