"""Appointed members with an account get the centre's `evaluator` role (audited); nominees when selected."""

import pytest

from centrum.accounts.models import CentreRole, CentreRoleKind
from centrum.accounts.tests.factories import UserFactory
from centrum.core.models import AuditEntry

from ...choices import MemberSide
from ...permissions import is_evaluator
from ...services.evaluation import member_appoint, nomination_file, nominee_decide

pytestmark = pytest.mark.django_db


def test_an_appointed_member_with_an_account_becomes_an_evaluator(centre, competition, official_user):
    user = UserFactory(email="ewa@example.org")
    assert not is_evaluator(user, centre)
    member_appoint(
        competition=competition,
        actor=official_user,
        full_name="Ewa Urzędniczka",
        email="Ewa@example.org",
        side=MemberSide.OFFICIAL,
    )
    assert CentreRole.objects.filter(centre=centre, user=user, role=CentreRoleKind.EVALUATOR).exists()
    assert AuditEntry.objects.filter(action="centre_role.granted").exists()


def test_a_member_without_an_account_gets_no_role_yet(centre, competition, official_user):
    member = member_appoint(
        competition=competition,
        actor=official_user,
        full_name="Bez Konta",
        email="bezkonta@example.org",
        side=MemberSide.EXPERT,
    )
    assert member.user is None and not CentreRole.objects.filter(role=CentreRoleKind.EVALUATOR).exists()


def test_a_selected_nominee_becomes_an_evaluator(centre, competition, org_admin, organisation, official_user):
    user = UserFactory(email="jan@example.org")
    member = nomination_file(
        competition=competition,
        organisation=organisation,
        actor=org_admin,
        full_name="Jan Kandydat",
        email="jan@example.org",
    )
    assert not is_evaluator(user, centre)
    nominee_decide(member=member, actor=official_user, appoint=True)
    assert CentreRole.objects.filter(centre=centre, user=user, role=CentreRoleKind.EVALUATOR).exists()
