from centrum.accounts.models import CentreRoleKind, MembershipRole
from centrum.accounts.selectors import centre_staff_emails, centre_staff_list, organisation_admin_emails
from centrum.accounts.tests.factories import CentreRoleFactory, MembershipFactory, UserFactory


def test_centre_staff_emails_are_the_active_staff_of_this_centre_only(centre, other_centre):
    zofia, adam = UserFactory(email="zofia@example.org"), UserFactory(email="adam@example.org")
    CentreRoleFactory(centre=centre, user=zofia)
    CentreRoleFactory(centre=centre, user=adam)
    CentreRoleFactory(centre=centre, user=adam, role=CentreRoleKind.ADVISER)
    CentreRoleFactory(
        centre=centre, user=UserFactory(email="doradca@example.org"), role=CentreRoleKind.ADVISER
    )
    CentreRoleFactory(centre=centre, user=UserFactory(email="odszedl@example.org", is_active=False))
    CentreRoleFactory(centre=other_centre, user=UserFactory(email="obcy@example.org"))
    assert centre_staff_emails(centre=centre) == ["adam@example.org", "zofia@example.org"]
    assert [role.user.email for role in centre_staff_list(centre=centre)] == [
        "adam@example.org",
        "odszedl@example.org",
        "zofia@example.org",
    ]


def test_organisation_admin_emails(organisation):
    MembershipFactory(
        organisation=organisation, user=UserFactory(email="b@example.org"), role=MembershipRole.ADMIN
    )
    MembershipFactory(
        organisation=organisation, user=UserFactory(email="a@example.org"), role=MembershipRole.ADMIN
    )
    MembershipFactory(organisation=organisation, user=UserFactory(email="czlonek@example.org"))
    assert organisation_admin_emails(organisation=organisation) == ["a@example.org", "b@example.org"]
