import pytest
from django.urls import reverse
from django.utils import timezone

from centrum.accounts.models import ApiToken
from centrum.accounts.services import API_TOKEN_LIMIT, api_token_create, api_token_revoke
from centrum.core.exceptions import ApplicationError
from centrum.core.models import AuditEntry


def test_service_stores_only_the_hash(centre, plain_user):
    token, key = api_token_create(user=plain_user, centre=centre, name="Eksport")
    assert len(key) >= 40
    assert token.prefix == key[:8] and len(token.prefix) == 8
    assert token.key_hash == ApiToken.hash_key(key)
    assert key not in str(ApiToken.objects.filter(pk=token.pk).values().get())
    assert AuditEntry.objects.filter(action="api_token.created", object_id=str(token.pk)).exists()


def test_service_refuses_blank_name_and_too_many(centre, plain_user):
    with pytest.raises(ApplicationError):
        api_token_create(user=plain_user, centre=centre, name="   ")
    for i in range(API_TOKEN_LIMIT):
        api_token_create(user=plain_user, centre=centre, name=f"t{i}")
    with pytest.raises(ApplicationError):
        api_token_create(user=plain_user, centre=centre, name="jeden za dużo")


def test_revoke_only_own_token_once(centre, plain_user, staff_user):
    token, _ = api_token_create(user=plain_user, centre=centre, name="Skrypt")
    with pytest.raises(ApplicationError):
        api_token_revoke(token=token, actor=staff_user)
    api_token_revoke(token=token, actor=plain_user)
    token.refresh_from_db()
    assert token.revoked_at is not None
    with pytest.raises(ApplicationError):
        api_token_revoke(token=token, actor=plain_user)


def test_page_needs_login(anon):
    assert anon.get(reverse("accounts:api_tokens")).status_code == 302
    assert anon.post(reverse("accounts:api_token_revoke", kwargs={"pk": 1})).status_code == 302


def test_create_shows_key_once(client_for, centre, plain_user):
    client = client_for(centre, plain_user)
    response = client.post(reverse("accounts:api_tokens"), {"name": "Arkusz"})
    assert response.status_code == 200
    token = ApiToken.objects.get(user=plain_user)
    body = response.content.decode()
    assert token.prefix in body and 'id="new-token"' in body
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    body = client.get(reverse("accounts:api_tokens")).content.decode()
    assert 'id="new-token"' not in body
    assert "Arkusz" in body


def test_garbage_creates_nothing(client_for, centre, plain_user):
    client = client_for(centre, plain_user)
    response = client.post(reverse("accounts:api_tokens"), {"name": ""})
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
    response = client.post(reverse("accounts:api_tokens"), {"name": "x" * 300})
    assert response.status_code == 400
    assert not ApiToken.objects.exists()


def test_revoke_via_page(client_for, centre, plain_user):
    token, _ = api_token_create(user=plain_user, centre=centre, name="Skrypt")
    client = client_for(centre, plain_user)
    assert client.get(reverse("accounts:api_token_revoke", kwargs={"pk": token.pk})).status_code == 405
    response = client.post(reverse("accounts:api_token_revoke", kwargs={"pk": token.pk}))
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_someone_elses_or_another_centres_token_is_404(
    client_for, centre, other_centre, plain_user, staff_user
):
    theirs, _ = api_token_create(user=staff_user, centre=centre, name="Cudzy")
    mine_elsewhere, _ = api_token_create(user=plain_user, centre=other_centre, name="Żory")
    client = client_for(centre, plain_user)
    for token in [theirs, mine_elsewhere]:
        response = client.post(reverse("accounts:api_token_revoke", kwargs={"pk": token.pk}))
        assert response.status_code == 404
        token.refresh_from_db()
        assert token.revoked_at is None


def test_list_shows_only_this_centre(client_for, centre, other_centre, plain_user):
    api_token_create(user=plain_user, centre=other_centre, name="Tylko-Żory")
    body = client_for(centre, plain_user).get(reverse("accounts:api_tokens")).content.decode()
    assert "Tylko-Żory" not in body


def test_revoked_tokens_show_as_revoked(client_for, centre, plain_user):
    token, _ = api_token_create(user=plain_user, centre=centre, name="Stary")
    ApiToken.objects.filter(pk=token.pk).update(revoked_at=timezone.now())
    body = client_for(centre, plain_user).get(reverse("accounts:api_tokens")).content.decode()
    assert "unieważniony" in body


def test_page_query_count(client_for, centre, plain_user, django_assert_max_num_queries):
    for i in range(6):
        api_token_create(user=plain_user, centre=centre, name=f"t{i}")
    client = client_for(centre, plain_user)
    with django_assert_max_num_queries(7):
        assert client.get(reverse("accounts:api_tokens")).status_code == 200
