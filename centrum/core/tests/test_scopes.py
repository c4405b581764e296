"""Tenancy as a scope: a centre's rows are read only in a centre scope or a named platform scope."""

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from centrum.core.scopes import ScopeError, active_scope, centre_scope, no_scope, platform_scope
from centrum.organisations.models import District, Organisation
from centrum.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_a_query_of_a_centre_owned_model_outside_any_scope_raises(centre):
    District.objects.create(centre=centre, name="Śródmieście")
    with no_scope():
        query = District.objects.filter(centre=centre)  # building a query is fine
        for evaluate in (list, len, bool, lambda q: q.count(), lambda q: q.exists(), lambda q: q.first()):
            with pytest.raises(ScopeError, match="organisations.District"):
                evaluate(query)
        with pytest.raises(ScopeError):
            District.objects.filter(centre=centre).update(name="Inna")
        with pytest.raises(ScopeError):
            District.objects.filter(centre=centre).delete()
    assert District.objects.get().name == "Śródmieście"


def test_centre_and_platform_scopes_allow_the_query(centre):
    District.objects.create(centre=centre, name="Śródmieście")
    with no_scope():
        with centre_scope(centre) as scope:
            assert scope.centre_id == centre.pk
            assert District.objects.count() == 1
        with platform_scope("a named job"):
            assert District.objects.count() == 1
        assert active_scope() is None


@override_settings(SCOPE_ENFORCEMENT="log")
def test_production_logs_instead_of_raising(centre, caplog):
    with no_scope():
        assert District.objects.count() == 0
    assert "outside a centre scope" in caplog.text


def test_requests_on_a_centre_host_run_in_that_centre_scope(centre, anon, monkeypatch):
    from centrum.organisations.views import registry as views

    seen = []
    original = views.render

    def spy(request, *args, **kwargs):
        seen.append(active_scope())
        return original(request, *args, **kwargs)

    monkeypatch.setattr(views, "render", spy)
    with no_scope():
        assert anon.get("/organizacje/").status_code == 200
    assert seen and seen[0].centre_id == centre.pk


def test_the_api_runs_in_the_centre_scope(centre, anon, organisation):
    with no_scope():
        response = anon.get("/api/v1/organisations")
    assert response.status_code == 200 and response.json()["count"] == 1


def test_a_streamed_export_reads_its_rows_in_the_request_scope(centre, anon, organisation):
    with no_scope():
        response = anon.get("/organizacje/dane/eksport.csv")
        body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert organisation.name in body


def test_a_row_linking_into_another_centre_is_refused_by_clean(centre, other_centre):
    foreign = District.objects.create(centre=other_centre, name="Kłokocin")
    organisation = OrganisationFactory.build(centre=centre, district=foreign, nip="", regon="")
    with pytest.raises(ValidationError) as caught:
        organisation.full_clean()
    assert "district" in caught.value.message_dict
    organisation.district = District.objects.create(centre=centre, name="Tyniec")
    organisation.full_clean()
    assert not Organisation.objects.exists()


def _production_settings(**env) -> dict:
    import json
    import os
    import subprocess
    import sys

    code = (
        "import json, config.settings.production as p; "
        "print(json.dumps({'caches': p.CACHES, 'scopes': p.SCOPE_ENFORCEMENT}))"
    )
    environ = {k: v for k, v in os.environ.items() if not k.startswith("CENTRUM_")}
    environ.update(CENTRUM_SECRET_KEY="a-production-secret-for-this-test-only", **env)
    done = subprocess.run(
        [sys.executable, "-c", code], env=environ, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def test_production_shares_one_cache_between_processes():
    """allauth's rate limits and the host look-up need one cache for every process: never local memory."""
    loaded = _production_settings()
    assert loaded["caches"]["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    assert loaded["scopes"] == "log"
    loaded = _production_settings(CENTRUM_REDIS_URL="redis://cache:6379/0")
    assert loaded["caches"]["default"] == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://cache:6379/0",
    }


def test_commands_and_jobs_open_their_own_scope(centre, plain_user):
    """From a shell or a timer there is no request: each command and job opens its scope by name."""
    from io import StringIO

    from django.core.management import call_command

    with no_scope():
        call_command("run_jobs", stdout=StringIO())
        call_command("worker", "--once", stdout=StringIO())
        call_command("api_token_create", centre="kalisz", email=plain_user.email, name="x", stdout=StringIO())
