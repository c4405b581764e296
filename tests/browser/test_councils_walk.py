"""Kalisz, its councils: the official calls the election of the NGO members of the Council of Public Benefit
Activity, two organisations nominate and vote (one vote each), closing before the voting ends is refused, the
official closes and publishes the result and the elected join the Council; an opinion request is registered
with its deadline and the opinion; a Seniors' Council meeting is recorded with attendance and minutes.
axe-core checks every page."""

from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from centrum.accounts.models import CentreRoleKind, MembershipRole
from centrum.accounts.tests.factories import CentreRoleFactory, MembershipFactory, UserFactory
from centrum.core.calendar import warsaw_today
from centrum.core.tests.factories import CentreFactory
from centrum.councils.catalogue import SENIORS, kinds_ensure
from centrum.councils.models import Body, Meeting, Member, OpinionRequest, Vote
from centrum.organisations.tests.factories import OrganisationFactory

from .helpers import check_page, login, visit

pytestmark = pytest.mark.browser


@pytest.fixture
def centre(db):
    return CentreFactory(
        slug="kalisz", name="Centrum Organizacji Pozarządowych w Kaliszu", host="kalisz.localhost"
    )


@pytest.fixture
def people(centre, password):
    kinds = kinds_ensure(centre=centre)
    official = UserFactory(email="urzednik@example.org", full_name="Olga Urzędniczka", password=password)
    CentreRoleFactory(centre=centre, user=official, role=CentreRoleKind.OFFICIAL)
    council = Body.objects.create(
        centre=centre, kind=kinds["rdpp"], name="Kaliska Rada Działalności Pożytku Publicznego", ngo_seats=2
    )
    seniors = Body.objects.create(centre=centre, kind=kinds[SENIORS], name="Kaliska Rada Seniorów")
    since = warsaw_today() - timedelta(days=100)
    for name in ("Halina Kowalska", "Jerzy Nowicki", "Irena Mazur"):
        Member.objects.create(centre=centre, body=seniors, person_name=name, side="other", from_date=since)
    admins = []
    for i, name in enumerate(("Stowarzyszenie Kaliskie Inicjatywy", "Fundacja Seniorzy Razem")):
        organisation = OrganisationFactory(centre=centre, name=name, nip="")
        admin = UserFactory(email=f"prezes{i}@example.org", full_name=f"Prezes {i}", password=password)
        MembershipFactory(user=admin, organisation=organisation, role=MembershipRole.ADMIN)
        admins.append(admin)
    return {"council": council, "seniors": seniors}


def _as(page: Page, email: str, password: str) -> None:
    page.context.clear_cookies()
    login(page, email, password)


def test_kalisz_elects_registers_an_opinion_and_records_a_meeting(
    page: Page, people, password, _frozen_clock
):
    if _frozen_clock is None:
        pytest.skip("the walk moves the clock through the voting window")
    today = warsaw_today()
    council = people["council"]

    # 1. The official calls the election.
    _as(page, "urzednik@example.org", password)
    visit(page, "/rady/", label="councils", phone=True)
    page.get_by_role("link", name="Kaliska Rada Działalności Pożytku Publicznego").click()
    check_page(page, label="council page")
    page.get_by_role("link", name="Wybór członków z organizacji").click()
    check_page(page, label="election form", phone=True)
    page.locator("#id_seats").fill("1")
    page.locator("#id_nominations_day").fill(today.isoformat())
    page.locator("#id_voting_from_day").fill((today + timedelta(days=1)).isoformat())
    page.locator("#id_voting_until_day").fill((today + timedelta(days=2)).isoformat())
    page.get_by_role("button", name="Ogłoś").click()
    check_page(page, label="election")
    election_url = page.url

    # 2. Two organisations nominate their candidates (with consent).
    for i, candidate in enumerate(("Anna Nowak", "Piotr Wiśniewski")):
        _as(page, f"prezes{i}@example.org", password)
        visit(page, election_url, label=f"election (organisation {i})", phone=True)
        page.locator("#id_organisation").select_option(index=1)
        page.locator("#id_person_name").fill(candidate)
        page.locator("#id_consent").check()
        page.get_by_role("button", name="Zgłoś").click()
        check_page(page, label="nominated")
        expect(page.get_by_role("rowheader", name=candidate)).to_be_visible()

    # 3. The voting opens: both organisations vote for Anna Nowak, one vote each.
    _frozen_clock.shift(timedelta(days=1))
    for i in range(2):
        _as(page, f"prezes{i}@example.org", password)
        visit(page, election_url, label=f"voting (organisation {i})")
        page.locator("#id_organisation").select_option(index=1)
        page.get_by_label("Anna Nowak").check()
        page.get_by_role("button", name="Głosuję").click()
        check_page(page, label="voted")
        expect(page.get_by_text("Głos oddany")).to_be_visible()
    assert Vote.objects.count() == 2

    # 4. Closing before the voting ends is refused; after it, the result is counted and published.
    _as(page, "urzednik@example.org", password)
    visit(page, election_url, label="election (official)")
    page.get_by_role("button", name="Zamknij i policz wynik").click()
    check_page(page, label="close refused")
    expect(page.get_by_text("Głosowanie jeszcze trwa").first).to_be_visible()
    _frozen_clock.shift(timedelta(days=2))
    visit(page, election_url, label="election after voting")
    page.get_by_role("button", name="Zamknij i policz wynik").click()
    check_page(page, label="closed")
    page.get_by_role("button", name="Ogłoś wynik – wybrani zostaną członkami").click()
    check_page(page, label="published")
    assert list(Member.objects.filter(body=council).values_list("person_name", flat=True)) == ["Anna Nowak"]

    # 5. An opinion request with its deadline, then the opinion.
    page.get_by_role("link", name="Kaliska Rada Działalności Pożytku Publicznego").click()
    check_page(page, label="council with its member")
    expect(page.get_by_role("rowheader", name="Anna Nowak")).to_be_visible()
    page.get_by_role("link", name="Wniosek o opinię").click()
    check_page(page, label="opinion request form", phone=True)
    page.locator("#id_subject_text").fill("Projekt programu współpracy na przyszły rok")
    page.get_by_role("button", name="Zarejestruj").click()
    check_page(page, label="opinion request")
    opinion = OpinionRequest.objects.get()
    expect(page.get_by_text(opinion.deadline.strftime("%d.%m.%Y")).first).to_be_visible()
    page.get_by_label("z uwagami").check()
    page.locator("#id_opinion_text").fill("Rada proponuje dodać priorytet: wsparcie seniorów.")
    page.get_by_role("button", name="Zarejestruj opinię").click()
    check_page(page, label="opinion given")
    assert OpinionRequest.objects.get().status == "given"
    visit(page, "/rady/opinie/", label="opinion register", phone=True)

    # 6. The Seniors' Council meets: attendance and minutes.
    visit(page, people["seniors"].get_absolute_url(), label="seniors' council")
    page.get_by_role("link", name="Nowe posiedzenie").click()
    check_page(page, label="meeting form", phone=True)
    day = warsaw_today()
    page.locator("#id_day").fill(day.isoformat())
    page.locator("#id_start_time").fill("16:00")
    page.locator("#id_end_time").fill("18:00")
    page.locator("#id_address").fill("Urząd Miasta Kalisza, sala sesyjna")
    page.locator("#id_agenda").fill("1. Otwarcie.\n2. Opinia o programie Senior+.")
    page.get_by_role("button", name="Zapisz").click()
    check_page(page, label="meeting")
    page.get_by_label("Halina Kowalska").check()
    page.get_by_label("Jerzy Nowicki").check()
    page.get_by_role("button", name="Zapisz obecność").click()
    check_page(page, label="attendance")
    expect(page.get_by_text("kworum jest").first).to_be_visible()
    page.locator("#id_p-minutes").fill("Rada pozytywnie zaopiniowała program Senior+.")
    page.get_by_role("button", name="Zapisz protokół").click()
    check_page(page, label="minutes", phone=True)
    meeting = Meeting.objects.get()
    assert meeting.present.count() == 2 and "Senior+" in meeting.minutes
