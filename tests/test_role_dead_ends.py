"""No dead ends: every link the room pages and the account page offer a role opens (no 403), and the
adviser, the evaluator and the official see what they can do today on their own page."""

import re

import pytest

from centrum.accounts.models import CentreRoleKind, MembershipRole
from centrum.accounts.tests.factories import CentreRoleFactory, MembershipFactory, UserFactory
from centrum.core.models import CentreSetting
from centrum.organisations.tests.factories import OrganisationFactory
from centrum.spaces.tests.factories import EquipmentFactory, RoomFactory

pytestmark = pytest.mark.django_db

START_PAGES = ["/sale/", "/sale/moje/", "/moje/"]
# Links that change state on GET elsewhere or leave the centre's own pages are not walked.
SKIP = re.compile(r"(wyloguj|logout|\.ics$|\.pdf$|\.csv$|\.xlsx$|^/konto/)")


def _person(centre, role: str):
    user = UserFactory(email=f"{role}@example.org", full_name=f"Osoba {role}")
    if role in {c.value for c in CentreRoleKind}:
        CentreRoleFactory(centre=centre, user=user, role=role)
    elif role == "member":
        organisation = OrganisationFactory(centre=centre, name="Stowarzyszenie Sąsiedzi", nip="", regon="")
        MembershipFactory(user=user, organisation=organisation, role=MembershipRole.ADMIN)
    return user


def _links(body: str) -> set[str]:
    return {
        href.split("#")[0]
        for href in re.findall(r'href="(/[^"]*)"', body)
        if not SKIP.search(href.split("?")[0]) and not href.startswith("/static/")
    }


@pytest.mark.parametrize("officials_book", [False, True])
@pytest.mark.parametrize("role", ["adviser", "evaluator", "official", "staff", "member", "resident"])
def test_every_link_of_the_room_and_account_pages_opens(client_for, centre, role, officials_book):
    if officials_book:
        CentreSetting.objects.create(centre=centre, key="spaces.officials_book_for_centre", value=True)
    RoomFactory(centre=centre, name="Sala wykładowa")
    EquipmentFactory(centre=centre, name="Nagłośnienie")
    client = client_for(centre, _person(centre, role))
    seen, refused = set(), []
    for start in START_PAGES:
        response = client.get(start)
        assert response.status_code == 200, start
        for href in sorted(_links(response.content.decode()) - seen):
            seen.add(href)
            if client.get(href).status_code == 403:
                refused.append(href)
    assert {"/sale/rezerwuj/", "/sale/wypozyczenia/nowe/"} <= seen
    assert refused == []


@pytest.mark.parametrize(
    "role, today, later",
    [
        ("adviser", "Doradca – co możesz zrobić dziś", "Panel doradcy"),
        ("evaluator", "Członek komisji konkursowej – co możesz zrobić dziś", "modułem konkursów i dotacji"),
        ("official", "Urzędnik – co możesz zrobić dziś", "Dziennik zdarzeń centrum"),
    ],
)
def test_roles_without_pages_of_their_own_are_told_what_they_can_do(client_for, centre, role, today, later):
    body = client_for(centre, _person(centre, role)).get("/moje/").content.decode()
    assert today in body and later in body


def test_staff_and_members_get_no_role_guide(client_for, centre):
    for role in ("staff", "member"):
        body = client_for(centre, _person(centre, role)).get("/moje/").content.decode()
        assert "co możesz zrobić dziś" not in body
