"""django-axes locks an account after repeated failures, through allauth's login form."""

import pytest
from django.urls import reverse

from .helpers import PASSWORD, login_via_form


@pytest.fixture(autouse=True)
def _limit(settings):
    settings.AXES_FAILURE_LIMIT = 5


def _fail(client, email, times):
    responses = []
    for _ in range(times):
        responses.append(client.post(reverse("account_login"), {"login": email, "password": "zle-haslo"}))
    return responses


def test_five_bad_passwords_lock_then_even_the_right_one_is_refused(anon, plain_user):
    responses = _fail(anon, plain_user.email, 5)
    assert [r.status_code for r in responses[:4]] == [200] * 4
    assert responses[4].status_code == 429
    response = login_via_form(anon, plain_user.email, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in anon.session
    body = response.content.decode()
    assert "Logowanie chwilowo zablokowane" in body
    assert "Spróbuj ponownie za 15 min" in body
    assert body.count("<h1") == 1


def test_lockout_counts_the_address_case_insensitively(anon, plain_user):
    _fail(anon, plain_user.email.upper(), 3)
    _fail(anon, plain_user.email, 1)
    response = _fail(anon, f"  {plain_user.email}  ", 1)[0]
    assert response.status_code == 429


def test_four_failures_then_the_right_password_works_and_resets(anon, plain_user):
    _fail(anon, plain_user.email, 4)
    response = login_via_form(anon, plain_user.email)
    assert response.status_code == 302
    assert "_auth_user_id" in anon.session


def test_lockout_of_one_account_leaves_others_alone(anon, plain_user, staff_user):
    _fail(anon, plain_user.email, 5)
    response = login_via_form(anon, staff_user.email)
    assert response.status_code == 302


def test_password_reset_lifts_the_lockout(anon, plain_user, centre):
    from urllib.parse import urlparse

    from .helpers import last_mail_to, link_in

    _fail(anon, plain_user.email, 5)
    anon.post(reverse("account_reset_password"), {"email": plain_user.email})
    reset_url = link_in(last_mail_to(plain_user.email).body, "/konto/password/reset/key/")
    response = anon.get(urlparse(reset_url).path, follow=True)
    form_path = response.redirect_chain[-1][0] if response.redirect_chain else urlparse(reset_url).path
    anon.post(form_path, {"password1": "Nowe-Haslo-2026!", "password2": "Nowe-Haslo-2026!"})
    response = login_via_form(anon, plain_user.email, "Nowe-Haslo-2026!")
    assert response.status_code == 302
