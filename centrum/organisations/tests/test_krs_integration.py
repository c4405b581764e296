"""The KRS client is plain HTTP and parsing: it runs without a database and stores nothing."""

import ast
import inspect

import pytest

from centrum.organisations.integrations import krs
from centrum.organisations.tests.fixtures import krs_server

fake_krs = krs_server.fake_krs


def test_fetch_and_parse_need_no_database(fake_krs):
    # No django_db mark: any query here would fail the test.
    register, payload = krs.fetch_extract(krs.clean_number("KRS 466506"))
    result = krs.parse_extract(payload, register=register)
    assert result.register == "S" and result.data["krs"] == "0000466506"
    assert not result.from_cache and result.fetched_at is None
    assert fake_krs.requests == [("0000466506", "S")]


def test_not_found_in_either_register(fake_krs):
    with pytest.raises(krs.KrsNotFound):
        krs.fetch_extract("0000999999")
    assert [register for _number, register in fake_krs.requests] == ["S", "P"]


def test_the_client_imports_no_models():
    tree = ast.parse(inspect.getsource(krs))
    imported = {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)} | {
        alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names
    }
    assert not any(name.endswith("models") or name.startswith("django.db") for name in imported), imported
