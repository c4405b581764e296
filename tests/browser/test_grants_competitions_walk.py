"""Competitions as an official and a visitor walk them (Kalisz): the official writes the announcement, records
its three publication channels, publishes it from the board; a visitor finds it in the list and reads it.
axe-core checks every page (helpers.visit / check_page)."""

from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from centrum.accounts.models import CentreRoleKind
from centrum.accounts.tests.factories import CentreRoleFactory, UserFactory
from centrum.core.calendar import warsaw_today
from centrum.grants.choices import CompetitionStatus
from centrum.grants.models import Competition, CompetitionPublication

from .helpers import check_page, fetch_file, login, visit

pytestmark = pytest.mark.browser


def test_official_announces_a_competition_and_a_visitor_reads_it(page: Page, centre, password):
    official = UserFactory(email="urzednik@example.org", full_name="Olga Urzędniczka", password=password)
    CentreRoleFactory(centre=centre, user=official, role=CentreRoleKind.OFFICIAL)
    today = warsaw_today()
    login(page, official.email, password)

    # 1. The desk, then a new announcement with the statutory criteria already filled in.
    page.get_by_role("link", name="Konkursy urzędu").first.click()
    check_page(page, label="desk")
    page.get_by_role("link", name="Nowe ogłoszenie konkursu").click()
    check_page(page, label="announcement form", phone=True)
    page.locator("#id_title").fill("Otwarty konkurs ofert – kultura 2027")
    page.locator("#id_organ").fill("Prezydent Miasta Kalisza")
    page.locator("#id_task_kind").fill("Kultura, sztuka, ochrona dóbr kultury i dziedzictwa narodowego")
    page.locator("#id_budget_year").fill(str(today.year + 1))
    page.locator("#id_funds_total").fill("150 000,00")
    page.locator("#id_award_rules").fill("Dotacje na zasadach ustawy i programu współpracy.")
    page.locator("#id_implementation_terms").fill("Na terenie Kalisza, na rzecz jego mieszkańców.")
    page.locator("#id_deadline_day").fill((today + timedelta(days=30)).isoformat())
    page.locator("#id_deadline_time").fill("15:00")
    page.locator("#id_selection_procedure").fill("Komisja konkursowa według kryteriów z art. 15 ust. 1.")
    page.locator("#id_selection_date").fill((today + timedelta(days=50)).isoformat())
    page.locator("#id_task_start").fill((today + timedelta(days=60)).isoformat())
    page.locator("#id_task_end").fill((today + timedelta(days=200)).isoformat())
    page.locator("#id_min_own_contribution_percent").fill("0")
    page.get_by_role("button", name="Zapisz szkic").click()
    # Bad input: a support competition with no own contribution is refused with what to do.
    check_page(page, label="form with an error")
    expect(page.locator(".error-summary, [role=alert]").first).to_contain_text("wkład własny")
    assert not Competition.objects.exists()
    page.locator("#id_min_own_contribution_percent").fill("10")
    page.get_by_role("button", name="Zapisz szkic").click()
    check_page(page, label="board of the draft")
    competition = Competition.objects.get()
    assert competition.status == CompetitionStatus.DRAFT and competition.criteria.count() == 6

    # 2. Publishing before the channels are recorded is refused, naming what is missing.
    page.get_by_role("button", name="Ogłoś konkurs").click()
    check_page(page, label="publish refused")
    expect(page.get_by_text("Biuletyn Informacji Publicznej").first).to_be_visible()

    # 3. The three channels, each with its date and address.
    page.get_by_role("link", name="Publikacje").first.click()
    check_page(page, label="publications")
    for channel, address in (
        ("bip", "https://bip.kalisz.example.pl/ogloszenia/1"),
        ("board", "Tablica ogłoszeń, parter"),
        ("website", "https://kalisz.example.pl/ngo"),
    ):
        page.locator("#id_channel").select_option(channel)
        page.locator("#id_published_on").fill(today.isoformat())
        page.locator("#id_address").fill(address)
        page.get_by_role("button", name="Zapisz publikację").click()
        check_page(page, label=f"publication {channel}")
    assert CompetitionPublication.objects.filter(competition=competition).count() == 3
    pdf = fetch_file(page, page.get_by_role("link", name="Ogłoszenie w PDF").get_attribute("href"))
    assert pdf["status"] == 200 and pdf["head"] == "%PDF-"

    # 4. Published from the board.
    page.get_by_role("link", name="← Tablica konkursu").click()
    check_page(page, label="board ready")
    page.get_by_role("button", name="Ogłoś konkurs").click()
    check_page(page, label="published", phone=True)
    competition.refresh_from_db()
    assert competition.status == CompetitionStatus.PUBLISHED

    # 5. A visitor finds it in the list and reads every item of art. 13.
    page.context.clear_cookies()
    visit(page, "/dotacje/?stan=otwarte", label="public list")
    page.get_by_role("link", name="Otwarty konkurs ofert – kultura 2027").click()
    check_page(page, label="announcement", phone=True)
    for heading in ("1. Rodzaj zadania", "5. Termin składania ofert", "7. Zadania tego samego rodzaju"):
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
    expect(page.get_by_text("Tablica ogłoszeń, parter")).to_be_visible()
