"""allauth pages in our layout, in Polish, accessible; mail through the outbox; demo accounts."""

from urllib.parse import urlparse

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.core import mail
from django.urls import reverse

from centrum.accounts.models import CentreRoleKind
from centrum.accounts.tests.factories import UserFactory
from centrum.core.models import OutboxMessage

from .helpers import PASSWORD, h1_count, last_mail_to, link_in, login_via_form


@pytest.mark.parametrize("name", ["account_login", "account_signup", "account_reset_password"])
def test_entrance_pages_render_in_our_layout(anon, name):
    response = anon.get(reverse(name))
    assert response.status_code == 200
    body = response.content.decode()
    assert 'class="site-header"' in body and 'lang="pl"' in body
    assert h1_count(response) == 1
    assert "<label" in body


def test_login_page_is_polish(anon):
    body = anon.get(reverse("account_login")).content.decode()
    assert "Zaloguj się" in body
    assert 'href="/konto/password/reset/"' in body


@pytest.mark.parametrize("name", ["account_email", "account_change_password", "mfa_index", "account_logout"])
def test_manage_pages_render_in_our_layout(client_for, centre, plain_user, name):
    client = client_for(centre)
    login_via_form(client, plain_user.email)
    response = client.get(reverse(name))
    assert response.status_code == 200
    body = response.content.decode()
    assert 'class="site-header"' in body
    assert h1_count(response) == 1
    assert 'aria-label="Ustawienia konta"' in body


def test_totp_activation_page_renders(client_for, centre, plain_user):
    client = client_for(centre)
    login_via_form(client, plain_user.email)
    response = client.get(reverse("mfa_activate_totp"))
    # Turning on a second factor asks for the password again first.
    assert response.status_code == 302 and reverse("account_reauthenticate") in response["Location"]
    page = client.get(response["Location"])
    assert page.status_code == 200 and h1_count(page) == 1
    response = client.post(response["Location"], {"password": PASSWORD})
    assert response.status_code == 302
    response = client.get(response["Location"])
    assert response.status_code == 200
    assert h1_count(response) == 1
    assert 'class="totp-qr"' in response.content.decode()


def test_manage_pages_need_login(anon):
    response = anon.get(reverse("account_email"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_login_errors_are_text_linked_to_the_field(anon, plain_user):
    response = anon.post(reverse("account_login"), {"login": "", "password": ""})
    body = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_login_error"' in body
    assert 'aria-describedby="id_login_error"' in body
    assert 'aria-invalid="true"' in body


def test_wrong_password_shows_a_form_error(anon, plain_user):
    response = anon.post(reverse("account_login"), {"login": plain_user.email, "password": "nope-nope"})
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert "_auth_user_id" not in anon.session


def test_demo_accounts_hidden_by_default(anon):
    body = anon.get(reverse("account_login")).content.decode()
    assert "pracownik@kalisz.demo" not in body
    assert "Konta demonstracyjne" not in body


def test_demo_accounts_listed_for_the_centre_in_development(anon, settings):
    settings.SHOW_DEMO_ACCOUNTS = True
    body = anon.get(reverse("account_login")).content.decode()
    assert "pracownik@kalisz.demo" in body
    assert "prezes@kalisz.demo" in body
    assert "zory.demo" not in body
    assert settings.DEMO_PASSWORD in body


def test_demo_accounts_on_the_platform_host(client, db, settings):
    settings.SHOW_DEMO_ACCOUNTS = True
    body = client.get("/konto/login/", HTTP_HOST="127.0.0.1").content.decode()
    assert "admin@centrum.demo" in body
    assert "pracownik@" not in body


def test_demo_password_logs_in_a_demo_account(anon, settings):
    settings.SHOW_DEMO_ACCOUNTS = True
    UserFactory(email="pracownik@kalisz.demo", password=settings.DEMO_PASSWORD)
    response = anon.post(
        reverse("account_login"), {"login": "pracownik@kalisz.demo", "password": settings.DEMO_PASSWORD}
    )
    assert response.status_code == 302
    assert "_auth_user_id" in anon.session


def test_signup_verification_through_the_outbox_then_login(anon, centre):
    response = anon.post(
        reverse("account_signup"),
        {"email": "Nowa@Example.org", "password1": "Zielona-Herbata-77", "password2": "Zielona-Herbata-77"},
    )
    assert response.status_code == 302
    assert mail.outbox == []  # nothing is sent directly
    message = last_mail_to("nowa@example.org")
    assert message is not None and message.centre == centre
    assert message.subject.startswith("[")
    assert "Kalisz" in message.subject or centre.name in message.subject
    confirm_url = link_in(message.body, "/konto/confirm-email/")
    path = urlparse(confirm_url).path
    assert anon.get(path).status_code == 200
    response = anon.post(path)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email__iexact="nowa@example.org").verified
    fresh = anon.__class__(HTTP_HOST=centre.primary_host)
    response = login_via_form(fresh, "nowa@example.org", "Zielona-Herbata-77")
    assert response.status_code == 302
    assert fresh.get(reverse("accounts:dashboard")).status_code == 200


def test_unverified_account_cannot_sign_in(anon, centre):
    anon.post(
        reverse("account_signup"),
        {
            "email": "niepotwierdzony@example.org",
            "password1": "Zielona-Herbata-77",
            "password2": "Zielona-Herbata-77",
        },
    )
    fresh = anon.__class__(HTTP_HOST=centre.primary_host)
    login_via_form(fresh, "niepotwierdzony@example.org", "Zielona-Herbata-77")
    assert fresh.get(reverse("accounts:dashboard")).status_code == 302


def test_password_reset_mail_goes_through_the_outbox(anon, plain_user, centre):
    response = anon.post(reverse("account_reset_password"), {"email": plain_user.email})
    assert response.status_code == 302
    assert mail.outbox == []
    message = last_mail_to(plain_user.email)
    assert message.centre == centre
    assert message.status == "pending"
    reset_url = link_in(message.body, "/konto/password/reset/key/")
    response = anon.get(urlparse(reset_url).path, follow=True)
    assert response.status_code == 200
    form_path = response.redirect_chain[-1][0] if response.redirect_chain else urlparse(reset_url).path
    response = anon.post(form_path, {"password1": "Nowe-Haslo-2026!", "password2": "Nowe-Haslo-2026!"})
    assert response.status_code == 302
    plain_user.refresh_from_db()
    assert plain_user.check_password("Nowe-Haslo-2026!")


def test_garbage_signup_stores_nothing(anon):
    before = OutboxMessage.objects.count()
    response = anon.post(
        reverse("account_signup"), {"email": "not-an-email", "password1": "x", "password2": "y"}
    )
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert OutboxMessage.objects.count() == before
    assert not EmailAddress.objects.filter(email="not-an-email").exists()


def _current_code(secret: str) -> str:
    counters = list(yield_hotp_counters_from_time())
    counter = counters[len(counters) // 2]
    return format_hotp_value(hotp_value(secret, counter))


def test_totp_login_asks_for_a_code(client_for, centre, plain_user):
    secret = generate_totp_secret()
    TOTP.activate(plain_user, secret)
    client = client_for(centre)
    response = login_via_form(client, plain_user.email)
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    page = client.get(response["Location"])
    assert page.status_code == 200 and h1_count(page) == 1
    assert "_auth_user_id" not in client.session
    response = client.post(reverse("mfa_authenticate"), {"code": _current_code(secret)})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(plain_user.pk)


def test_staff_sees_totp_recommendation_until_enabled(client_for, centre, staff_user):
    client = client_for(centre, staff_user)
    body = client.get(reverse("accounts:dashboard")).content.decode()
    assert "Włącz weryfikację dwuetapową" in body
    Authenticator.objects.create(user=staff_user, type=Authenticator.Type.TOTP, data={"secret": "x"})
    body = client.get(reverse("accounts:dashboard")).content.decode()
    assert 'class="recommendation"' not in body


def test_non_staff_gets_no_recommendation(client_for, centre, plain_user):
    body = client_for(centre, plain_user).get(reverse("accounts:dashboard")).content.decode()
    assert 'class="recommendation"' not in body


def test_role_invitation_granted_on_signup_verification(anon, centre, staff_user):
    from centrum.accounts.services import centre_role_grant

    centre_role_grant(
        centre=centre, email="doradca@example.org", role=CentreRoleKind.ADVISER, actor=staff_user
    )
    anon.post(
        reverse("account_signup"),
        {
            "email": "doradca@example.org",
            "password1": "Zielona-Herbata-77",
            "password2": "Zielona-Herbata-77",
        },
    )
    user = EmailAddress.objects.get(email="doradca@example.org").user
    assert not user.centre_roles.exists()  # not before the address is proven
    message = OutboxMessage.objects.filter(event="email_confirmation_signup").latest("id")
    path = urlparse(link_in(message.body, "/konto/confirm-email/")).path
    anon.post(path)
    assert list(user.centre_roles.values_list("role", flat=True)) == [CentreRoleKind.ADVISER]


def test_account_pages_work_on_the_platform_host(client, platform_admin):
    client.defaults["HTTP_HOST"] = "127.0.0.1"
    response = login_via_form(client, platform_admin.email)
    assert response.status_code == 302
    response = client.get("/konto/email/")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'href="/moje/"' not in body and body.count("<h1") == 1


def test_logout_works(client_for, centre, plain_user):
    client = client_for(centre)
    login_via_form(client, plain_user.email)
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_createsuperuser_can_sign_in_at_once(client, db):
    from django.core.management import call_command

    call_command("createsuperuser", email="Operator@Example.org", interactive=False, verbosity=0)
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(email="operator@example.org")
    user.set_password("Operator-Haslo-2026")
    user.save()
    client.defaults["HTTP_HOST"] = "127.0.0.1"
    response = login_via_form(client, "operator@example.org", "Operator-Haslo-2026")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_email_choices_are_a_labelled_group(client_for, centre, plain_user):
    client = client_for(centre)
    login_via_form(client, plain_user.email)
    body = client.get(reverse("account_email")).content.decode()
    assert "<fieldset>" in body and "<legend>Adresy e-mail</legend>" in body
