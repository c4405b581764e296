"""Query counts of the person's own pages: exact, and the same with one organisation as with many."""

import pytest

from centrum.accounts.models import CentreRoleKind, MembershipRole
from centrum.accounts.tests.factories import CentreRoleFactory, MembershipFactory
from centrum.organisations.tests.views_support import make_org


@pytest.mark.parametrize("size", [pytest.param(1, id="one"), pytest.param(12, id="many")])
def test_profile_page(centre, other_centre, client_for, plain_user, size, django_assert_num_queries):
    # centre, session, user; the person's centre roles (the menu)
    for i in range(size):
        MembershipFactory(
            user=plain_user,
            organisation=make_org(centre=centre),
            role=MembershipRole.ADMIN if i % 2 else MembershipRole.MEMBER,
        )
        MembershipFactory(user=plain_user, organisation=make_org(centre=other_centre))
    CentreRoleFactory(centre=centre, user=plain_user, role=CentreRoleKind.ADVISER)
    client = client_for(centre, plain_user)
    assert client.get("/moje/profil/").status_code == 200
    with django_assert_num_queries(5):
        response = client.get("/moje/profil/")
    assert response.status_code == 200
    assert response.context["form"].initial["full_name"] == plain_user.full_name
