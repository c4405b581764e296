"""Token and session authentication, CSRF, tenancy of tokens and of the API itself."""

from datetime import timedelta

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from centrum.accounts.models import ApiToken
from centrum.accounts.services import api_token_revoke
from centrum.accounts.tests.factories import UserFactory
from centrum.api.tests.conftest import API, bearer, send
from centrum.organisations.models import Organisation

from .test_organisations import registration


def test_valid_token_authenticates_and_marks_use(anon, centre, plain_user, make_token):
    token, key = make_token(plain_user, centre)
    response = anon.get(f"{API}/me", **bearer(key))
    assert response.status_code == 200
    assert response.json()["email"] == plain_user.email
    assert response.json()["authenticated_by"] == "token"
    token.refresh_from_db()
    assert token.last_used_at is not None


@pytest.mark.dates
def test_last_used_at_written_at_most_once_a_minute(anon, centre, plain_user, make_token):
    token, key = make_token(plain_user, centre)
    recent = timezone.now() - timedelta(seconds=30)
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=recent)
    anon.get(f"{API}/me", **bearer(key))
    token.refresh_from_db()
    assert token.last_used_at == recent
    old = timezone.now() - timedelta(minutes=2)
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=old)
    anon.get(f"{API}/me", **bearer(key))
    token.refresh_from_db()
    assert token.last_used_at > old + timedelta(minutes=1)


@pytest.mark.parametrize("path", ["/me", "/organisations", "/areas"])
def test_revoked_token_is_401(anon, centre, plain_user, make_token, path):
    token, key = make_token(plain_user, centre)
    api_token_revoke(token=token, actor=plain_user)
    response = anon.get(f"{API}{path}", **bearer(key))
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert "token" in response.json()["detail"]


@pytest.mark.parametrize("path", ["/me", "/organisations", "/districts"])
def test_other_centres_token_is_401(anon, other_centre, plain_user, make_token, path):
    _, key = make_token(plain_user, other_centre)
    assert anon.get(f"{API}{path}", **bearer(key)).status_code == 401


@pytest.mark.parametrize("key", ["wrong", "ctr_" + "x" * 43, "x" * 5000, ""])
def test_wrong_token_is_401_even_on_public_endpoints(anon, db, key):
    response = anon.get(f"{API}/organisations", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/json; charset=utf-8"


def test_inactive_users_token_is_401(anon, centre, make_token):
    user = UserFactory(email="byly@example.org")
    _, key = make_token(user, centre)
    user.is_active = False
    user.save(update_fields=["is_active"])
    assert anon.get(f"{API}/me", **bearer(key)).status_code == 401


def test_other_authorization_schemes_are_not_tokens(anon, db):
    # e.g. HTTP basic auth of a staging proxy: ignored, the request stays anonymous.
    assert anon.get(f"{API}/organisations", HTTP_AUTHORIZATION="Basic dXNlcjpwYXNz").status_code == 200
    assert anon.get(f"{API}/me", HTTP_AUTHORIZATION="Basic dXNlcjpwYXNz").status_code == 401


def test_anonymous_me_is_401_json(anon):
    response = anon.get(f"{API}/me")
    assert response.status_code == 401
    assert response.json()["detail"].startswith("Zaloguj się")


def test_token_write_needs_no_csrf(centre, plain_user, make_token):
    _, key = make_token(plain_user, centre)
    client = Client(HTTP_HOST=centre.primary_host, enforce_csrf_checks=True)
    response = send(client, "post", "/organisations", registration(), **bearer(key))
    assert response.status_code == 201, response.json()
    assert Organisation.objects.get().submitted_by == plain_user


def test_session_write_without_csrf_is_403_and_nothing_stored(centre, plain_user):
    client = Client(HTTP_HOST=centre.primary_host, enforce_csrf_checks=True)
    client.force_login(plain_user, backend="django.contrib.auth.backends.ModelBackend")
    response = send(client, "post", "/organisations", registration())
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    assert not Organisation.objects.exists()


def test_session_write_with_csrf_token(centre, plain_user):
    client = Client(HTTP_HOST=centre.primary_host, enforce_csrf_checks=True)
    client.force_login(plain_user, backend="django.contrib.auth.backends.ModelBackend")
    client.get(f"{API}/docs")  # the page sets the CSRF cookie
    csrf = client.cookies["csrftoken"].value
    response = send(client, "post", "/organisations", registration(), HTTP_X_CSRFTOKEN=csrf)
    assert response.status_code == 201, response.json()
    me = client.get(f"{API}/me").json()
    assert me["authenticated_by"] == "session"


def test_session_reads_need_no_csrf(centre, plain_user):
    client = Client(HTTP_HOST=centre.primary_host, enforce_csrf_checks=True)
    client.force_login(plain_user, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(f"{API}/me").status_code == 200


PLATFORM_PATHS = ["/organisations", "/organisations/1", "/me", "/areas", "/districts"]


@pytest.mark.parametrize("path", PLATFORM_PATHS)
def test_platform_host_has_no_api(client, db, path):
    assert client.get(f"{API}{path}", HTTP_HOST="127.0.0.1").status_code == 404


@pytest.mark.parametrize("path", PLATFORM_PATHS)
def test_api_refuses_requests_without_a_centre(client, db, path, platform_admin, make_token, centre):
    # Even if the API were routed on a platform host, no endpoint would run without a centre.
    _, key = make_token(platform_admin, centre)
    with override_settings(PLATFORM_URLCONF="config.urls"):
        for extra in ({}, bearer(key)):
            response = client.get(f"{API}{path}", HTTP_HOST="127.0.0.1", **extra)
            assert response.status_code == 404
            assert "detail" in response.json()
