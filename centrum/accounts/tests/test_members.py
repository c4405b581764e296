from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from centrum.accounts.models import InvitationStatus, Membership, MembershipInvitation, MembershipRole
from centrum.accounts.services import (
    membership_change_role,
    membership_invitation_accept,
    membership_invite,
    membership_remove,
)
from centrum.accounts.tests.factories import MembershipFactory, UserFactory
from centrum.core.exceptions import ApplicationError
from centrum.core.links import centre_url
from centrum.core.models import AuditEntry, OutboxMessage
from centrum.organisations.tests.factories import OrganisationFactory


def members_url(org):
    return reverse("accounts:members", kwargs={"pk": org.pk})


def test_members_page_access(
    anon, client_for, centre, organisation, org_admin, org_member, staff_user, plain_user
):
    url = members_url(organisation)
    assert anon.get(url).status_code == 302
    assert client_for(centre, org_member).get(url).status_code == 403
    assert client_for(centre, plain_user).get(url).status_code == 403
    for user in [org_admin, staff_user]:
        response = client_for(centre, user).get(url)
        assert response.status_code == 200
        assert org_member.email in response.content.decode()


def test_another_centres_organisation_is_404(client_for, centre, other_centre, org_admin):
    foreign = OrganisationFactory(centre=other_centre)
    MembershipFactory(user=org_admin, organisation=foreign, role=MembershipRole.ADMIN)
    client = client_for(centre, org_admin)
    assert client.get(members_url(foreign)).status_code == 404
    membership = Membership.objects.get(organisation=foreign)
    kwargs = {"pk": foreign.pk, "membership_pk": membership.pk}
    assert client.post(reverse("accounts:member_remove", kwargs=kwargs), {}).status_code == 404
    assert client.post(reverse("accounts:member_role", kwargs=kwargs), {}).status_code == 404


def test_membership_of_another_organisation_is_404(client_for, centre, organisation, org_admin):
    other = OrganisationFactory(centre=centre)
    their = MembershipFactory(organisation=other, role=MembershipRole.MEMBER)
    kwargs = {"pk": organisation.pk, "membership_pk": their.pk}
    response = client_for(centre, org_admin).post(reverse("accounts:member_remove", kwargs=kwargs))
    assert response.status_code == 404
    assert Membership.objects.filter(pk=their.pk).exists()


def test_members_page_query_count(client_for, centre, organisation, org_admin, django_assert_max_num_queries):
    for _ in range(8):
        MembershipFactory(organisation=organisation)
    for i in range(3):
        membership_invite(organisation=organisation, email=f"i{i}@example.org", actor=org_admin)
    client = client_for(centre, org_admin)
    with django_assert_max_num_queries(10):
        assert client.get(members_url(organisation)).status_code == 200


@pytest.mark.dates
def test_invite_happy_path(client_for, centre, organisation, org_admin):
    client = client_for(centre, org_admin)
    response = client.post(members_url(organisation), {"email": "Nowa@Example.org", "role": "member"})
    assert response.status_code == 302
    invitation = MembershipInvitation.objects.get()
    assert invitation.email == "nowa@example.org" and invitation.centre == centre
    assert invitation.expires_at > timezone.now() + timedelta(days=13)
    message = OutboxMessage.objects.get(event="membership_invited_to_invitee")
    accept_path = reverse("accounts:invitation_accept", kwargs={"token": invitation.token})
    assert centre_url(centre, accept_path) in message.body
    assert AuditEntry.objects.filter(action="membership_invitation.created").exists()

    invitee = UserFactory(email="nowa@example.org")
    invitee_client = client_for(centre, invitee)
    page = invitee_client.get(accept_path)
    assert page.status_code == 200 and "Przyjmuję zaproszenie" in page.content.decode()
    response = invitee_client.post(accept_path)
    assert response.status_code == 302
    assert Membership.objects.filter(user=invitee, organisation=organisation, role="member").exists()
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ACCEPTED and invitation.accepted_by == invitee
    # Accepting makes it the active organisation.
    assert invitee_client.session["active_organisation_id"] == organisation.pk
    # A second use is refused with a message.
    response = invitee_client.post(accept_path)
    assert response.status_code == 400
    assert "już przyjęte" in response.content.decode()


def test_accept_needs_login(anon, organisation, org_admin):
    invitation = membership_invite(organisation=organisation, email="n@example.org", actor=org_admin)
    response = anon.get(reverse("accounts:invitation_accept", kwargs={"token": invitation.token}))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_accept_with_wrong_email_is_refused(client_for, centre, organisation, org_admin, plain_user):
    invitation = membership_invite(organisation=organisation, email="ktos@example.org", actor=org_admin)
    client = client_for(centre, plain_user)
    url = reverse("accounts:invitation_accept", kwargs={"token": invitation.token})
    page = client.get(url).content.decode()
    assert "ktos@example.org" in page and "Przyjmuję zaproszenie" not in page
    response = client.post(url)
    assert response.status_code == 400
    assert not Membership.objects.filter(user=plain_user).exists()


def test_accept_with_unverified_secondary_email_is_refused(centre, organisation, org_admin, plain_user):
    from allauth.account.models import EmailAddress

    EmailAddress.objects.create(user=plain_user, email="drugi@example.org", verified=False)
    invitation = membership_invite(organisation=organisation, email="drugi@example.org", actor=org_admin)
    with pytest.raises(ApplicationError):
        membership_invitation_accept(invitation=invitation, user=plain_user)
    EmailAddress.objects.filter(email="drugi@example.org").update(verified=True)
    membership_invitation_accept(invitation=invitation, user=plain_user)
    assert Membership.objects.filter(user=plain_user, organisation=organisation).exists()


@pytest.mark.dates
def test_expired_and_revoked_invitations_give_a_clear_message(client_for, centre, organisation, org_admin):
    invitee = UserFactory(email="n@example.org")
    invitation = membership_invite(organisation=organisation, email=invitee.email, actor=org_admin)
    MembershipInvitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    client = client_for(centre, invitee)
    url = reverse("accounts:invitation_accept", kwargs={"token": invitation.token})
    assert "wygasło" in client.get(url).content.decode()
    assert client.post(url).status_code == 400
    MembershipInvitation.objects.filter(pk=invitation.pk).update(status=InvitationStatus.REVOKED)
    assert "cofnięte" in client.get(url).content.decode()
    assert not Membership.objects.filter(user=invitee).exists()


def test_another_centres_invitation_token_is_404(client_for, centre, other_centre):
    foreign_org = OrganisationFactory(centre=other_centre)
    foreign_admin = UserFactory()
    MembershipFactory(user=foreign_admin, organisation=foreign_org, role=MembershipRole.ADMIN)
    invitee = UserFactory(email="n@example.org")
    invitation = membership_invite(organisation=foreign_org, email=invitee.email, actor=foreign_admin)
    url = reverse("accounts:invitation_accept", kwargs={"token": invitation.token})
    assert client_for(centre, invitee).get(url).status_code == 404
    assert client_for(centre, invitee).post(url).status_code == 404
    assert (
        client_for(centre, invitee)
        .get(reverse("accounts:invitation_accept", kwargs={"token": "nope"}))
        .status_code
        == 404
    )


def test_invite_refusals(centre, organisation, org_admin, org_member):
    with pytest.raises(ApplicationError):
        membership_invite(organisation=organisation, email=org_member.email, actor=org_admin)
    membership_invite(organisation=organisation, email="a@example.org", actor=org_admin)
    with pytest.raises(ApplicationError):
        membership_invite(organisation=organisation, email="A@example.org", actor=org_admin)
    with pytest.raises(ApplicationError):
        membership_invite(organisation=organisation, email="b@example.org", actor=org_member)


@pytest.mark.dates
def test_expired_pending_invitation_can_be_replaced(centre, organisation, org_admin):
    old = membership_invite(organisation=organisation, email="a@example.org", actor=org_admin)
    MembershipInvitation.objects.filter(pk=old.pk).update(expires_at=timezone.now() - timedelta(days=1))
    new = membership_invite(organisation=organisation, email="a@example.org", actor=org_admin)
    old.refresh_from_db()
    assert old.status == InvitationStatus.REVOKED and new.status == InvitationStatus.PENDING


@pytest.mark.parametrize(
    "data", [{}, {"email": "nie-email", "role": "member"}, {"email": "a@example.org", "role": "owner"}]
)
def test_invite_garbage_changes_nothing(client_for, centre, organisation, org_admin, data):
    response = client_for(centre, org_admin).post(members_url(organisation), data)
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()
    assert not MembershipInvitation.objects.exists() and not OutboxMessage.objects.exists()


def test_change_role_and_last_admin_protection(client_for, centre, organisation, org_admin, org_member):
    client = client_for(centre, org_admin)
    admin_membership = Membership.objects.get(user=org_admin)
    member_membership = Membership.objects.get(user=org_member)
    url = reverse(
        "accounts:member_role", kwargs={"pk": organisation.pk, "membership_pk": admin_membership.pk}
    )
    response = client.post(url, {f"m{admin_membership.pk}-role": "member"}, follow=True)
    assert "jedyny administrator" in response.content.decode()
    admin_membership.refresh_from_db()
    assert admin_membership.role == "admin"
    url = reverse(
        "accounts:member_role", kwargs={"pk": organisation.pk, "membership_pk": member_membership.pk}
    )
    client.post(url, {f"m{member_membership.pk}-role": "admin"})
    member_membership.refresh_from_db()
    assert member_membership.role == "admin"
    assert AuditEntry.objects.filter(action="membership.role_changed").exists()
    # With two admins, one may step down.
    membership_change_role(membership=admin_membership, role="member", actor=org_admin)


def test_change_role_garbage(client_for, centre, organisation, org_admin, org_member):
    membership = Membership.objects.get(user=org_member)
    url = reverse("accounts:member_role", kwargs={"pk": organisation.pk, "membership_pk": membership.pk})
    client_for(centre, org_admin).post(url, {f"m{membership.pk}-role": "king"})
    membership.refresh_from_db()
    assert membership.role == "member"


def test_member_cannot_change_roles_or_remove_others(client_for, centre, organisation, org_admin, org_member):
    client = client_for(centre, org_member)
    admin_membership = Membership.objects.get(user=org_admin)
    kwargs = {"pk": organisation.pk, "membership_pk": admin_membership.pk}
    assert client.post(reverse("accounts:member_role", kwargs=kwargs), {"role": "member"}).status_code == 403
    assert client.post(reverse("accounts:member_remove", kwargs=kwargs)).status_code == 403
    assert Membership.objects.filter(pk=admin_membership.pk).exists()


def test_remove_member_and_leave(client_for, centre, organisation, org_admin, org_member):
    other = MembershipFactory(organisation=organisation)
    client = client_for(centre, org_admin)
    kwargs = {"pk": organisation.pk, "membership_pk": other.pk}
    assert client.post(reverse("accounts:member_remove", kwargs=kwargs)).status_code == 302
    assert not Membership.objects.filter(pk=other.pk).exists()
    assert AuditEntry.objects.filter(action="membership.removed").exists()
    # A member may leave on their own.
    own = Membership.objects.get(user=org_member)
    response = client_for(centre, org_member).post(
        reverse("accounts:member_remove", kwargs={"pk": organisation.pk, "membership_pk": own.pk})
    )
    assert response.status_code == 302 and response["Location"] == reverse("accounts:dashboard")
    assert not Membership.objects.filter(pk=own.pk).exists()


def test_last_admin_cannot_be_removed_even_by_staff(centre, organisation, org_admin, staff_user):
    membership = Membership.objects.get(user=org_admin)
    with pytest.raises(ApplicationError):
        membership_remove(membership=membership, actor=staff_user)
    with pytest.raises(ApplicationError):
        membership_remove(membership=membership, actor=org_admin)
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_revoke_invitation(client_for, centre, organisation, org_admin):
    invitation = membership_invite(organisation=organisation, email="a@example.org", actor=org_admin)
    kwargs = {"organisation_pk": organisation.pk, "pk": invitation.pk, "action": "revoke"}
    url = reverse("accounts:member_invitation_action", kwargs=kwargs)
    client = client_for(centre, org_admin)
    assert url in client.get(reverse("accounts:members", args=[organisation.pk])).content.decode()
    response = client.post(url, {"state": "pending"})
    assert response["Location"] == reverse("accounts:members", args=[organisation.pk])
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.REVOKED


@pytest.mark.dates
def test_accept_never_lowers_an_existing_role(centre, organisation, org_admin):
    second_admin = UserFactory(email="drugi@example.org")
    MembershipFactory(user=second_admin, organisation=organisation, role=MembershipRole.ADMIN)
    invitation = MembershipInvitation.objects.create(
        centre=centre,
        organisation=organisation,
        email=second_admin.email,
        role="member",
        invited_by=org_admin,
        expires_at=timezone.now() + timedelta(days=1),
    )
    membership = membership_invitation_accept(invitation=invitation, user=second_admin)
    assert membership.role == "admin"
