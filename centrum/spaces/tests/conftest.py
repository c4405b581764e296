import sqlite3

import pytest

from centrum.accounts.models import MembershipRole
from centrum.accounts.tests.factories import MembershipFactory, UserFactory
from centrum.organisations.tests.factories import OrganisationFactory

from .factories import EquipmentFactory, RoomFactory


def make_organisation(centre, name: str):
    # The registry's factory draws a random NIP with a helper python-stdnum 2.x no longer has;
    # these tests do not need identifiers.
    return OrganisationFactory(centre=centre, name=name, nip="", regon="")


@pytest.fixture
def organisation(centre):
    return make_organisation(centre, "Stowarzyszenie Kaliskie Inicjatywy")


@pytest.fixture
def room(centre):
    return RoomFactory(centre=centre, name="Sala wykładowa", capacity=30)


@pytest.fixture
def other_room(other_centre):
    return RoomFactory(centre=other_centre, name="Biuro nr 3", capacity=6)


@pytest.fixture
def projector(centre):
    return EquipmentFactory(centre=centre, name="Rzutnik multimedialny", quantity=1)


@pytest.fixture
def second_organisation(centre):
    return make_organisation(centre, "Fundacja Kaliski Senior")


@pytest.fixture
def second_member(second_organisation):
    user = UserFactory(email="senior@example.org", full_name="Jan Senior")
    MembershipFactory(user=user, organisation=second_organisation, role=MembershipRole.ADMIN)
    return user


@pytest.fixture
def race_database(transactional_db, tmp_path):
    """Where concurrent requests can really race.

    PostgreSQL: the test database as it is. SQLite: the test database is in memory with a shared
    cache, where a second writer gets "table is locked" at once instead of waiting for the write
    lock as it does in production. So the race runs on a file copy of the test database, opened
    with the production options (IMMEDIATE transactions, WAL, busy timeout).
    """
    from django.db import connection, connections

    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        yield
        return
    connection.ensure_connection()
    memory = connection.connection
    path = str(tmp_path / "race.sqlite3")
    target = sqlite3.connect(path)
    memory.backup(target)
    target.close()
    old_name = connection.settings_dict["NAME"]
    connection.connection = None  # `memory` keeps the in-memory database alive meanwhile
    connection.settings_dict["NAME"] = connections.settings["default"]["NAME"] = path
    try:
        yield
    finally:
        connections.close_all()
        connection.settings_dict["NAME"] = connections.settings["default"]["NAME"] = old_name
        connection.connection = memory
