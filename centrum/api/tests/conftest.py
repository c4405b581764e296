import json

import factory
import pytest
from django.test import Client

from centrum.accounts.services import api_token_create
from centrum.organisations.models import District
from centrum.organisations.tests import factories as organisation_factories

API = "/api/v1"


def bearer(key: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def send(client: Client, method: str, path: str, body=None, **extra):
    """A JSON request; `body` may be a str (sent as it is) or anything json.dumps takes."""
    if method == "get":
        return client.get(f"{API}{path}", **extra)
    data = body if isinstance(body, str | bytes) else json.dumps(body if body is not None else {})
    return getattr(client, method)(f"{API}{path}", data=data, content_type="application/json", **extra)


NIP_WEIGHTS = (6, 5, 7, 2, 3, 4, 5, 6, 7)


def valid_nip(n: int) -> str:
    """A distinct NIP with a correct check digit for each n (bases 10 apart, at most one skipped)."""
    base = 123_450_000 + 10 * n
    while True:
        digits = str(base)
        check = sum(int(d) * w for d, w in zip(digits, NIP_WEIGHTS, strict=True)) % 11
        if check != 10:
            return digits + str(check)
        base += 1


class OrganisationFactory(organisation_factories.OrganisationFactory):
    """The registry's factory with NIPs computed here (independent of python-stdnum's helpers)."""

    nip = factory.Sequence(valid_nip)


@pytest.fixture
def organisation(centre):
    return OrganisationFactory(centre=centre, name="Stowarzyszenie Kaliskie Inicjatywy")


@pytest.fixture
def make_token():
    def make(user, centre, name="skrypt"):
        return api_token_create(user=user, centre=centre, name=name)

    return make


@pytest.fixture
def district(centre):
    return District.objects.create(centre=centre, name="Śródmieście")


@pytest.fixture
def other_district(other_centre):
    return District.objects.create(centre=other_centre, name="Kłokocin")
