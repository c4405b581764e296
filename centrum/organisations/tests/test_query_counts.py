"""Query counts of the registry's pages: exact, and the same for one related row as for many (no N+1).

Each page is asked for once before counting, so one-off work (content types, the session) is not counted.
"""

import pytest

from centrum.accounts.models import MembershipRole
from centrum.accounts.tests.factories import MembershipFactory, UserFactory
from centrum.core import portal
from centrum.organisations.choices import OrganisationStatus
from centrum.organisations.models import ActivityArea, District
from centrum.organisations.tests.views_support import make_org

SIZES = [pytest.param(1, id="one"), pytest.param(12, id="many")]


@pytest.fixture
def build(centre, other_centre):
    """build(size) -> an active organisation of `centre` with `size` areas, members and districts around it;
    the centre also gets `size` other organisations, and another centre the same again (never counted)."""

    def make(size: int):
        for c in (centre, other_centre):
            for i in range(size):
                District.objects.create(centre=c, name=f"Osiedle {i}")
        organisation = make_org(
            centre=centre,
            name="Stowarzyszenie Liczone",
            district=District.objects.filter(centre=centre).first(),
            description="Opis.",
        )
        organisation.areas.set(ActivityArea.objects.order_by("position")[:size])
        admin = UserFactory(email="prezes-liczony@example.org")
        MembershipFactory(user=admin, organisation=organisation, role=MembershipRole.ADMIN)
        for i in range(size):
            MembershipFactory(user=UserFactory(), organisation=organisation)
            make_org(centre=centre, name=f"Fundacja Sąsiednia {i}")
            make_org(centre=other_centre, name=f"Fundacja Obca {i}")
        return organisation, admin

    return make


def _count(client, path, expected, assert_queries, status=200):
    assert client.get(path).status_code == status
    with assert_queries(expected):
        response = client.get(path)
    assert response.status_code == status
    return response


@pytest.mark.parametrize("size", SIZES)
def test_organisation_page_for_anonymous_visitors(build, anon, size, django_assert_num_queries):
    # centre by host; the organisation with district and people; its areas
    organisation, _admin = build(size)
    # Four, and one for each section other apps add to the page (news, offers, practices, the page's content…).
    sections = len(portal.ORGANISATION_SECTIONS)
    response = _count(anon, f"/organizacje/{organisation.pk}/", 4 + sections, django_assert_num_queries)
    assert len(response.context["areas"]) == size


@pytest.mark.parametrize("size", SIZES)
def test_register_page(build, centre, client_for, plain_user, size, django_assert_num_queries):
    # centre, session, user; centre settings; districts; the person's centre roles; areas
    build(size)
    response = _count(client_for(centre, plain_user), "/organizacje/zglos/", 7, django_assert_num_queries)
    assert len(response.context["form"].fields["district"].choices) == size + 1


@pytest.mark.parametrize("size", SIZES)
def test_register_done_page(build, centre, client_for, plain_user, size, django_assert_num_queries):
    # centre, session, user; the organisation and its areas; the person's centre roles (may they see it?)
    build(size)
    pending = make_org(centre=centre, status=OrganisationStatus.PENDING, submitted_by=plain_user)
    pending.areas.set(ActivityArea.objects.order_by("position")[:size])
    path = f"/organizacje/zglos/wyslano/{pending.pk}/"
    _count(client_for(centre, plain_user), path, 7, django_assert_num_queries)


@pytest.mark.parametrize("size", SIZES)
def test_edit_page_for_the_organisations_admin(build, centre, client_for, size, django_assert_num_queries):
    # centre, session, user; the organisation and its areas; centre roles; membership; centre settings;
    # districts; areas to choose from
    organisation, admin = build(size)
    response = _count(
        client_for(centre, admin), f"/organizacje/{organisation.pk}/edytuj/", 10, django_assert_num_queries
    )
    assert len(response.context["form"].initial["areas"]) == size


@pytest.mark.parametrize("size", SIZES)
def test_edit_page_for_staff(build, centre, client_for, staff_user, size, django_assert_num_queries):
    # as for the admin, without the membership: staff may edit every organisation
    organisation, _admin = build(size)
    response = _count(
        client_for(centre, staff_user),
        f"/organizacje/{organisation.pk}/edytuj/",
        9,
        django_assert_num_queries,
    )
    assert len(response.context["form"].initial["areas"]) == size


def test_invalid_edit_keeps_the_saved_name_on_the_page(build, centre, client_for, staff_user):
    organisation, _admin = build(1)
    response = client_for(centre, staff_user).post(
        f"/organizacje/{organisation.pk}/edytuj/", {"name": "Nowa nazwa", "email": "nie-mail"}
    )
    assert response.status_code == 400
    assert response.context["organisation"].name == "Stowarzyszenie Liczone"
    assert response.context["form"].instance.name == "Nowa nazwa"
    assert response.context["form"].instance is not response.context["organisation"]
    organisation.refresh_from_db()
    assert organisation.name == "Stowarzyszenie Liczone"
