"""The workflow engine itself: stale reads, unknown actions, who is the system, values and the action list."""

import pytest

from centrum.core.exceptions import ApplicationError
from centrum.core.models import AuditEntry, OutboxMessage
from centrum.core.workflow import WORKFLOWS, available_actions, register, workflow_apply, workflow_for
from centrum.organisations.choices import OrganisationStatus
from centrum.organisations.models import Organisation
from centrum.organisations.tests.factories import OrganisationFactory
from centrum.organisations.workflows import ORGANISATION_STATUS

pytestmark = pytest.mark.django_db


def test_a_stale_object_is_refused_and_nothing_changes(centre, staff_user):
    org = OrganisationFactory(centre=centre, status=OrganisationStatus.PENDING)
    other_page = Organisation.objects.get(pk=org.pk)
    workflow_apply(obj=org, action="verify", actor=staff_user)
    with pytest.raises(ApplicationError, match="Ktoś właśnie zmienił ten stan"):
        workflow_apply(obj=other_page, action="reject", actor=staff_user, reason="Powód")
    org.refresh_from_db()
    assert org.status == OrganisationStatus.ACTIVE
    assert AuditEntry.objects.filter(action="organisation.reject").count() == 0


def test_the_callers_object_carries_the_result(centre, staff_user):
    org = OrganisationFactory(centre=centre, status=OrganisationStatus.PENDING)
    workflow_apply(obj=org, action="verify", actor=staff_user)
    assert org.status == OrganisationStatus.ACTIVE and org.verified_by == staff_user and org.verified_at
    workflow_apply(obj=org, action="suspend", actor=staff_user, reason="Brak sprawozdań")
    assert org.status_reason == "Brak sprawozdań"


def test_unknown_action_and_other_centres_row(centre, other_centre, staff_user):
    org = OrganisationFactory(centre=other_centre, status=OrganisationStatus.PENDING)
    with pytest.raises(ApplicationError):
        workflow_apply(obj=org, action="explode", actor=staff_user)
    with pytest.raises(ApplicationError):
        workflow_apply(model=Organisation, pk=org.pk, centre=centre, action="verify", actor=staff_user)
    with pytest.raises(ValueError):
        workflow_apply(model=Organisation, pk=org.pk, action="verify", actor=staff_user)
    org.refresh_from_db()
    assert org.status == OrganisationStatus.PENDING


def test_reason_required_and_nothing_mailed_on_refusal(centre, staff_user):
    org = OrganisationFactory(centre=centre, status=OrganisationStatus.ACTIVE)
    with pytest.raises(ApplicationError) as refused:
        workflow_apply(obj=org, action="suspend", actor=staff_user, reason="   ")
    assert refused.value.field == "reason"
    assert not OutboxMessage.objects.exists()


def test_the_system_takes_only_actions_declared_for_it(centre):
    org = OrganisationFactory(centre=centre, status=OrganisationStatus.PENDING)
    with pytest.raises(ApplicationError):
        workflow_apply(obj=org, action="verify", actor=None)


def test_available_actions_follow_state_and_person(centre, staff_user, plain_user):
    org = OrganisationFactory(centre=centre, status=OrganisationStatus.SUSPENDED)
    assert [t.action for t in available_actions(org, staff_user)] == ["reinstate", "remove"]
    assert available_actions(org, plain_user) == []


def test_registry(centre):
    assert workflow_for(Organisation) is ORGANISATION_STATUS
    assert register(ORGANISATION_STATUS) is ORGANISATION_STATUS
    with pytest.raises(ValueError):
        register(type(ORGANISATION_STATUS)(key=ORGANISATION_STATUS.key, model=Organisation, transitions=()))
    assert WORKFLOWS[ORGANISATION_STATUS.key] is ORGANISATION_STATUS
