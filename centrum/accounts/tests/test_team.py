import pytest
from django.urls import reverse

from centrum.accounts.models import CentreRole, CentreRoleInvitation, CentreRoleKind, InvitationStatus
from centrum.accounts.services import (
    centre_role_appoint,
    centre_role_grant,
    centre_role_invitation_revoke,
    centre_role_invitations_accept_for_email,
    centre_role_revoke,
)
from centrum.accounts.tests.factories import CentreRoleFactory, UserFactory
from centrum.core.exceptions import ApplicationError
from centrum.core.models import AuditEntry, OutboxMessage


def test_page_anonymous_forbidden_and_staff(anon, client_for, centre, official_user, staff_user, org_admin):
    url = reverse("accounts:team")
    assert anon.get(url).status_code == 302
    assert client_for(centre, official_user).get(url).status_code == 403
    assert client_for(centre, org_admin).get(url).status_code == 403
    response = client_for(centre, staff_user).get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert staff_user.email in body and official_user.email in body
    assert body.count("<h1") == 1


def test_staff_of_another_centre_is_forbidden(client_for, other_centre, staff_user):
    assert client_for(other_centre, staff_user).get(reverse("accounts:team")).status_code == 403


def test_team_page_query_count(client_for, centre, staff_user, django_assert_max_num_queries):
    for i in range(8):
        CentreRoleFactory(centre=centre, user=UserFactory(), role=CentreRoleKind.ADVISER)
    client = client_for(centre, staff_user)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("accounts:team")).status_code == 200


def test_grant_to_existing_user(client_for, centre, staff_user, plain_user):
    response = client_for(centre, staff_user).post(
        reverse("accounts:team"), {"email": plain_user.email.upper(), "role": CentreRoleKind.EVALUATOR}
    )
    assert response.status_code == 302
    assert CentreRole.objects.filter(centre=centre, user=plain_user, role=CentreRoleKind.EVALUATOR).exists()
    assert AuditEntry.objects.filter(action="centre_role.granted").exists()
    assert OutboxMessage.objects.filter(event="centre_role_granted_to_user", to=[plain_user.email]).exists()


def test_grant_to_unknown_email_invites(client_for, centre, staff_user):
    response = client_for(centre, staff_user).post(
        reverse("accounts:team"), {"email": "nowy@example.org", "role": CentreRoleKind.OFFICIAL}
    )
    assert response.status_code == 302
    invitation = CentreRoleInvitation.objects.get()
    assert (invitation.centre, invitation.email, invitation.status) == (centre, "nowy@example.org", "pending")
    message = OutboxMessage.objects.get(event="centre_role_invited_to_invitee")
    assert "/konto/signup/" in message.body
    assert "kalisz.localhost" in message.body


@pytest.mark.dates
def test_invitation_granted_only_on_verified_email_and_only_once(centre, staff_user):
    centre_role_grant(centre=centre, email="nowy@example.org", role=CentreRoleKind.OFFICIAL, actor=staff_user)
    user = UserFactory(email="nowy@example.org")
    roles = centre_role_invitations_accept_for_email(user=user, email="Nowy@example.org")
    assert [r.role for r in roles] == [CentreRoleKind.OFFICIAL]
    assert CentreRoleInvitation.objects.get().status == InvitationStatus.ACCEPTED
    assert centre_role_invitations_accept_for_email(user=user, email="nowy@example.org") == []


@pytest.mark.dates
def test_expired_invitation_grants_nothing(centre, staff_user):
    from datetime import timedelta

    from django.utils import timezone

    invitation = centre_role_grant(
        centre=centre, email="late@example.org", role=CentreRoleKind.ADVISER, actor=staff_user
    )
    CentreRoleInvitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(days=1)
    )
    user = UserFactory(email="late@example.org")
    assert centre_role_invitations_accept_for_email(user=user, email=user.email) == []
    assert not user.centre_roles.exists()


def test_duplicate_grant_and_invitation_are_refused(centre, staff_user, official_user):
    with pytest.raises(ApplicationError):
        centre_role_grant(
            centre=centre, email=official_user.email, role=CentreRoleKind.OFFICIAL, actor=staff_user
        )
    centre_role_grant(centre=centre, email="x@example.org", role=CentreRoleKind.OFFICIAL, actor=staff_user)
    with pytest.raises(ApplicationError):
        centre_role_grant(
            centre=centre, email="x@example.org", role=CentreRoleKind.OFFICIAL, actor=staff_user
        )


def test_non_staff_cannot_grant(centre, official_user, plain_user):
    with pytest.raises(ApplicationError):
        centre_role_grant(
            centre=centre, email=plain_user.email, role=CentreRoleKind.STAFF, actor=official_user
        )


@pytest.mark.parametrize(
    "data",
    [{}, {"email": "zly-adres", "role": "staff"}, {"email": "a@example.org", "role": "superuser"}],
)
def test_garbage_changes_nothing(client_for, centre, staff_user, data):
    before = (CentreRole.objects.count(), CentreRoleInvitation.objects.count(), OutboxMessage.objects.count())
    response = client_for(centre, staff_user).post(reverse("accounts:team"), data)
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
    after = (CentreRole.objects.count(), CentreRoleInvitation.objects.count(), OutboxMessage.objects.count())
    assert after == before


def test_remove_role(client_for, centre, staff_user, official_user):
    role = CentreRole.objects.get(user=official_user)
    response = client_for(centre, staff_user).post(
        reverse("accounts:team_role_remove", kwargs={"pk": role.pk})
    )
    assert response.status_code == 302
    assert not CentreRole.objects.filter(pk=role.pk).exists()
    assert AuditEntry.objects.filter(action="centre_role.revoked").exists()


def test_last_staff_role_cannot_be_removed(client_for, centre, staff_user):
    role = CentreRole.objects.get(user=staff_user)
    client = client_for(centre, staff_user)
    response = client.post(reverse("accounts:team_role_remove", kwargs={"pk": role.pk}), follow=True)
    assert CentreRole.objects.filter(pk=role.pk).exists()
    assert "jedyny pracownik" in response.content.decode()
    with pytest.raises(ApplicationError):
        centre_role_revoke(centre_role=role, actor=staff_user)


def test_staff_may_leave_when_another_staff_remains(centre, staff_user):
    CentreRoleFactory(centre=centre, user=UserFactory(), role=CentreRoleKind.STAFF)
    centre_role_revoke(centre_role=CentreRole.objects.get(user=staff_user), actor=staff_user)
    assert not CentreRole.objects.filter(user=staff_user).exists()


def test_another_centres_role_or_invitation_is_404(client_for, centre, other_centre, staff_user):
    foreign_staff = UserFactory()
    foreign_role = CentreRoleFactory(centre=other_centre, user=foreign_staff, role=CentreRoleKind.STAFF)
    other_role = CentreRoleFactory(centre=other_centre, user=UserFactory(), role=CentreRoleKind.ADVISER)
    invitation = centre_role_grant(
        centre=other_centre, email="zory@example.org", role=CentreRoleKind.ADVISER, actor=foreign_staff
    )
    client = client_for(centre, staff_user)
    assert client.post(reverse("accounts:team_role_remove", kwargs={"pk": other_role.pk})).status_code == 404
    assert (
        client.post(reverse("accounts:team_role_remove", kwargs={"pk": foreign_role.pk})).status_code == 404
    )
    response = client.post(
        reverse("accounts:team_invitation_action", kwargs={"pk": invitation.pk, "action": "revoke"})
    )
    assert response.status_code == 404
    assert CentreRole.objects.filter(pk=other_role.pk).exists()


def test_forbidden_role_cannot_post(client_for, centre, official_user, staff_user):
    role = CentreRole.objects.get(user=staff_user)
    client = client_for(centre, official_user)
    assert client.post(reverse("accounts:team_role_remove", kwargs={"pk": role.pk})).status_code == 403
    assert (
        client.post(reverse("accounts:team"), {"email": "a@example.org", "role": "staff"}).status_code == 403
    )


def test_revoke_invitation(client_for, centre, staff_user):
    invitation = centre_role_grant(
        centre=centre, email="n@example.org", role=CentreRoleKind.ADVISER, actor=staff_user
    )
    client = client_for(centre, staff_user)
    response = client.post(
        reverse("accounts:team_invitation_action", kwargs={"pk": invitation.pk, "action": "revoke"})
    )
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.REVOKED
    with pytest.raises(ApplicationError):
        centre_role_invitation_revoke(invitation=invitation, actor=staff_user)
    # A revoked invitation grants nothing.
    user = UserFactory(email="n@example.org")
    assert centre_role_invitations_accept_for_email(user=user, email=user.email) == []


def test_inactive_account_is_not_invited(centre, staff_user):
    UserFactory(email="zablokowany@example.org", is_active=False)
    with pytest.raises(ApplicationError):
        centre_role_grant(centre=centre, email="zablokowany@example.org", role="adviser", actor=staff_user)
    assert not CentreRoleInvitation.objects.exists()


def test_appoint_opens_an_account_with_a_password_link(centre, platform_admin):
    centre_role, created = centre_role_appoint(
        centre=centre,
        email=" Nowa@Example.org ",
        role=CentreRoleKind.ADVISER,
        full_name=" Nowa ",
        actor=platform_admin,
    )
    assert created and centre_role.role == CentreRoleKind.ADVISER
    user = centre_role.user
    assert (user.email, user.full_name, user.has_usable_password()) == ("nowa@example.org", "Nowa", False)
    assert {"user.created", "centre_role.granted"} <= set(AuditEntry.objects.values_list("action", flat=True))
    message = OutboxMessage.objects.get()
    assert message.event == "centre_role_account_created_to_user" and message.to == [user.email]
    assert "/konto/password/reset/key/" in message.body


def test_appoint_an_existing_account_gets_the_role_and_the_usual_notice(centre, platform_admin, plain_user):
    centre_role, created = centre_role_appoint(
        centre=centre, email=plain_user.email.upper(), role=CentreRoleKind.STAFF, actor=platform_admin
    )
    assert not created and centre_role.user == plain_user
    assert OutboxMessage.objects.get().event == "centre_role_granted_to_user"
    with pytest.raises(ApplicationError):
        centre_role_appoint(
            centre=centre, email=plain_user.email, role=CentreRoleKind.STAFF, actor=platform_admin
        )
    assert OutboxMessage.objects.count() == 1


def test_appoint_is_for_the_platform_admin_and_refuses_blocked_accounts(centre, staff_user, platform_admin):
    with pytest.raises(ApplicationError):
        centre_role_appoint(centre=centre, email="x@example.org", role=CentreRoleKind.STAFF, actor=staff_user)
    UserFactory(email="zablokowany@example.org", is_active=False)
    with pytest.raises(ApplicationError) as error:
        centre_role_appoint(
            centre=centre, email="zablokowany@example.org", role=CentreRoleKind.STAFF, actor=platform_admin
        )
    assert error.value.field == "email"
    assert not CentreRole.objects.filter(
        centre=centre, user__email__in=["x@example.org", "zablokowany@example.org"]
    ).exists()
    assert not OutboxMessage.objects.exists()
