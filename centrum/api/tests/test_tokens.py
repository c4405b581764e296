"""Issuing and revoking API tokens."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from centrum.accounts.models import ApiToken
from centrum.api.tests.conftest import API, bearer
from centrum.core.models import AuditEntry


def test_command_prints_a_working_key_stored_only_hashed(anon, centre, plain_user):
    out = StringIO()
    call_command(
        "api_token_create",
        centre="kalisz",
        email=plain_user.email,
        name="eksport",
        stdout=out,
        stderr=StringIO(),
    )
    key = out.getvalue().strip()
    token = ApiToken.objects.get()
    assert key.startswith("ctr_") and token.prefix == key[:8]
    assert token.key_hash == ApiToken.hash_key(key) and key not in token.key_hash
    assert AuditEntry.objects.filter(action="api_token.created").exists()
    assert anon.get(f"{API}/me", **bearer(key)).json()["email"] == plain_user.email


def test_command_refuses_unknown_centre_or_person(centre, plain_user):
    with pytest.raises(CommandError):
        call_command(
            "api_token_create", centre="nieznane", email=plain_user.email, name="x", stdout=StringIO()
        )
    with pytest.raises(CommandError):
        call_command(
            "api_token_create", centre="kalisz", email="nikt@example.org", name="x", stdout=StringIO()
        )
    assert not ApiToken.objects.exists()
