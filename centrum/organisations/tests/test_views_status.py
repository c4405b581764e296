"""Status changes from the organisation page: every state × action × role."""

import pytest

from centrum.accounts.models import MembershipRole
from centrum.accounts.tests.factories import CentreRoleFactory, MembershipFactory, UserFactory
from centrum.core.models import AuditEntry, OutboxMessage
from centrum.organisations.choices import OrganisationStatus
from centrum.organisations.tests.views_support import make_org

# Written by hand from the product rules, not from workflows.py: (state, action) -> target.
TRANSITIONS = {
    OrganisationStatus.PENDING: {"verify": "active", "reject": "rejected"},
    OrganisationStatus.ACTIVE: {"suspend": "suspended", "remove": "removed"},
    OrganisationStatus.SUSPENDED: {"reinstate": "active", "remove": "removed"},
    OrganisationStatus.REJECTED: {},
    OrganisationStatus.REMOVED: {"reinstate": "active"},
}
REASON_REQUIRED_ACTIONS = {"reject", "suspend", "remove"}

ACTIONS = ["verify", "reject", "suspend", "reinstate", "remove"]
ROLES = ["anonymous", "person", "submitter", "org_admin", "official", "adviser", "staff"]


def _client(role, centre, org, client_for):
    if role == "anonymous":
        return client_for(centre)
    user = UserFactory(email=f"{role}@example.org")
    if role == "submitter":
        org.submitted_by = user
        org.save(update_fields=["submitted_by"])
    elif role == "org_admin":
        MembershipFactory(user=user, organisation=org, role=MembershipRole.ADMIN)
    elif role in {"official", "adviser", "staff"}:
        CentreRoleFactory(centre=centre, user=user, role=role)
    return client_for(centre, user)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("status", list(OrganisationStatus.values))
def test_state_action_role(centre, client_for, status, action, role):
    org = make_org(centre=centre, status=status)
    client = _client(role, centre, org, client_for)
    response = client.post(f"/organizacje/{org.pk}/akcja/{action}/", {"reason": "Uzasadnienie"})
    org.refresh_from_db()
    allowed = action in TRANSITIONS[status]
    if role == "anonymous":
        assert response.status_code == 302 and "/konto/" in response["Location"]
        assert org.status == status
    elif role != "staff":
        assert response.status_code == 403
        assert org.status == status
    elif allowed:
        assert response.status_code == 302
        assert org.status == TRANSITIONS[status][action]
        assert AuditEntry.objects.filter(object_id=str(org.pk), action=f"organisation.{action}").exists()
    else:
        assert response.status_code == 400
        assert org.status == status
        assert "Nie można wykonać tej czynności" in response.content.decode()


@pytest.mark.parametrize("action", sorted(REASON_REQUIRED_ACTIONS))
def test_reason_required(centre, staff_client, action):
    status = next(s for s, actions in TRANSITIONS.items() if action in actions)
    org = make_org(centre=centre, status=status)
    response = staff_client.post(f"/organizacje/{org.pk}/akcja/{action}/", {"reason": "   "})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Podaj uzasadnienie" in body
    assert f'id="reason-{action}-{org.pk}_error"' in body and 'aria-invalid="true"' in body
    org.refresh_from_db()
    assert org.status == status


def test_verify_from_page_makes_submitter_admin_and_mails(centre, staff_client, plain_user):
    org = make_org(centre=centre, status=OrganisationStatus.PENDING, submitted_by=plain_user)
    response = staff_client.post(f"/organizacje/{org.pk}/akcja/verify/")
    assert response.status_code == 302 and response["Location"] == f"/organizacje/{org.pk}/"
    assert org.memberships.get(user=plain_user).role == MembershipRole.ADMIN
    assert OutboxMessage.objects.filter(event="status_changed_to_organisation").exists()
    follow = staff_client.get(response["Location"])
    assert "została zatwierdzona" in follow.content.decode()


def test_garbage_action_and_other_centre(centre, other_centre, staff_client):
    org = make_org(centre=centre)
    response = staff_client.post(f"/organizacje/{org.pk}/akcja/explode/")
    assert response.status_code == 404
    foreign = make_org(centre=other_centre)
    assert staff_client.post(f"/organizacje/{foreign.pk}/akcja/suspend/", {"reason": "x"}).status_code == 404
    foreign.refresh_from_db()
    assert foreign.status == OrganisationStatus.ACTIVE


def test_status_url_is_post_only(centre, staff_client):
    org = make_org(centre=centre)
    assert staff_client.get(f"/organizacje/{org.pk}/akcja/suspend/").status_code == 405


def test_a_stale_page_is_refused(centre, staff_client):
    """Two people decided from the same page: the second sees that the state changed meanwhile."""
    org = make_org(centre=centre, status=OrganisationStatus.PENDING)
    url = f"/organizacje/{org.pk}/akcja/reject/"
    staff_client.post(f"/organizacje/{org.pk}/akcja/verify/", {"state": "pending"})
    response = staff_client.post(url, {"state": "pending", "reason": "Brak wpisu"})
    assert response.status_code == 400
    assert "Ktoś właśnie zmienił ten stan" in response.content.decode()
    org.refresh_from_db()
    assert org.status == OrganisationStatus.ACTIVE
