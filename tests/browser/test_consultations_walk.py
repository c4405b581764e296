"""Częstochowa consults its draft cooperation programme: the official sets up the consultation of the
programme's draft (its parts imported as paragraphs), opens it (both organisations are e-mailed), two
organisations' members comment on paragraphs, the clock moves past the end, the official closes it, answers
each comment with a justification (one without is refused), publishes the report, and the report's PDF lists
every comment and its answer. axe-core checks every page."""

import io
from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from centrum.accounts.models import CentreRoleKind, MembershipRole
from centrum.accounts.tests.factories import CentreRoleFactory, MembershipFactory, UserFactory
from centrum.consultations.choices import CommentStatus, ConsultationStatus
from centrum.consultations.models import Comment, Consultation
from centrum.consultations.services import kinds_ensure_defaults
from centrum.core.calendar import warsaw_today
from centrum.core.models import OutboxMessage
from centrum.core.tests.factories import CentreFactory
from centrum.organisations.tests.factories import OrganisationFactory
from centrum.programmes.tests.factories import ProgrammeFactory, ProgrammeTaskFactory

from .helpers import check_page, login, visit

pytestmark = pytest.mark.browser


@pytest.fixture
def centre(db):
    return CentreFactory(
        slug="czestochowa",
        name="Centrum Organizacji Pozarządowych w Częstochowie",
        host="czestochowa.localhost",
    )


@pytest.fixture
def people(centre, password):
    official = UserFactory(email="urzednik@example.org", full_name="Grażyna Kozłowska", password=password)
    CentreRoleFactory(centre=centre, user=official, role=CentreRoleKind.OFFICIAL)
    members = []
    for n, (name, email) in enumerate(
        [
            ("Stowarzyszenie Seniorów Aktywnych", "seniorzy@example.org"),
            ("Fundacja Dzieciom", "dzieci@example.org"),
        ]
    ):
        organisation = OrganisationFactory(centre=centre, name=name, email=email, nip="")
        member = UserFactory(email=f"czlonek{n}@example.org", full_name=f"Członek {n}", password=password)
        MembershipFactory(user=member, organisation=organisation, role=MembershipRole.MEMBER)
        members.append(member)
    kinds_ensure_defaults(centre=centre)
    programme = ProgrammeFactory(
        centre=centre,
        status="draft",
        objectives="Celem głównym programu jest budowanie partnerstwa.",
        principles="Pomocniczość, suwerenność stron, partnerstwo, efektywność, uczciwa konkurencja i jawność.",
        forms="Zlecanie zadań publicznych, konsultacje, wspólne zespoły.",
    )
    ProgrammeTaskFactory(programme=programme, centre=centre, title="Działalność na rzecz osób starszych")
    return {"official": official, "members": members, "programme": programme}


def _pdf_text(page: Page, href: str) -> str:
    from pypdf import PdfReader

    data = page.evaluate(
        """async (url) => {
            const response = await fetch(url);
            return Array.from(new Uint8Array(await response.arrayBuffer()));
        }""",
        href,
    )
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(bytes(data))).pages)


def test_czestochowa_consults_its_draft_programme(page: Page, people, password, _frozen_clock):
    today = warsaw_today()
    programme = people["programme"]

    # 1. The official sets up the consultation of the programme's draft and imports its units.
    login(page, "urzednik@example.org", password)
    visit(page, "/konsultacje/", label="consultations")
    page.get_by_role("link", name="Nowe konsultacje").first.click()
    check_page(page, label="new consultation", phone=True)
    page.locator("#id_kind").select_option(
        label="Konsultacje programu współpracy z organizacjami pozarządowymi"
    )
    page.locator("#id_title").fill(f"Konsultacje projektu: {programme.title}")
    page.locator("#id_subject_ref").select_option(f"programmes:{programme.pk}")
    page.locator("#id_starts_on").fill(today.isoformat())
    page.locator("#id_ends_on").fill((today + timedelta(days=7)).isoformat())
    page.get_by_role("button", name="Zapisz").click()
    check_page(page, label="too short")
    expect(page.get_by_text("co najmniej 14 dni").first).to_be_visible()
    assert not Consultation.objects.exists()
    page.locator("#id_ends_on").fill((today + timedelta(days=14)).isoformat())
    page.get_by_role("button", name="Zapisz").click()
    check_page(page, label="draft text")
    page.get_by_role("button", name="Przenieś jednostki dokumentu").click()
    check_page(page, label="units imported", phone=True)
    consultation = Consultation.objects.get()
    assert list(consultation.units.values_list("number", flat=True)) == [
        "§ 1",
        "§ 2",
        "§ 4",
        "§ 5",
        "§ 5 pkt 1",
    ]
    visit(page, consultation.get_absolute_url(), label="draft consultation")
    page.get_by_role("button", name="Rozpocznij konsultacje").click()
    check_page(page, label="open consultation")
    assert Consultation.objects.get().status == ConsultationStatus.OPEN
    assert sorted(m.to[0] for m in OutboxMessage.objects.filter(event="opened_to_organisation")) == [
        "dzieci@example.org",
        "seniorzy@example.org",
    ]
    visit(page, programme.get_absolute_url(), label="programme with its consultation")
    expect(page.get_by_role("link", name=consultation.title)).to_be_visible()

    # 2. Two organisations' members comment on paragraphs.
    for n, (number, text) in enumerate(
        [("§ 1", "Dopisać cel: wzmacnianie wolontariatu."), ("§ 4", "Dodać Radę Seniorów.")]
    ):
        page.context.clear_cookies()
        login(page, f"czlonek{n}@example.org", password)
        visit(page, consultation.get_absolute_url(), label="open consultation for a member", phone=n == 0)
        page.get_by_role("link", name=f"Uwaga do tej jednostki {number}").click()
        check_page(page, label="comment form")
        page.locator("#id_proposal").fill(text)
        page.locator("#id_justification").fill("Organizacje zgłaszały tę potrzebę na spotkaniu.")
        page.get_by_role("button", name="Zgłoś uwagę").click()
        check_page(page, label="comment sent")
        expect(page.get_by_text("uwaga została zgłoszona")).to_be_visible()
    assert Comment.objects.filter(status=CommentStatus.SUBMITTED).count() == 2

    # 3. After the end the official closes the consultation and answers each comment.
    _frozen_clock.shift(timedelta(days=15))
    page.context.clear_cookies()
    login(page, "urzednik@example.org", password)
    visit(page, consultation.get_absolute_url(), label="ended consultation")
    page.get_by_role("button", name="Zakończ konsultacje").click()
    check_page(page, label="closed")
    page.get_by_role("link", name="Odpowiedzi na uwagi").click()
    check_page(page, label="answers", phone=True)
    first, second = Comment.objects.order_by("id")
    page.locator(f"form[action$='/uwagi/{first.pk}/akcja/accept/'] button").click()
    check_page(page, label="answer without justification")
    assert Comment.objects.get(pk=first.pk).status == CommentStatus.SUBMITTED
    page.locator(f"#reason-accept-{first.pk}").fill("Uwzględniono – dopisano cel szczegółowy.")
    page.locator(f"form[action$='/uwagi/{first.pk}/akcja/accept/'] button").click()
    check_page(page, label="first answered")
    page.locator(f"#reason-reject-{second.pk}").fill(
        "Nie uwzględniono – Rada Seniorów działa na podstawie statutu."
    )
    page.locator(f"form[action$='/uwagi/{second.pk}/akcja/reject/'] button").click()
    check_page(page, label="second answered")
    assert [c.status for c in Comment.objects.order_by("id")] == [
        CommentStatus.ACCEPTED,
        CommentStatus.REJECTED,
    ]
    visit(page, consultation.get_absolute_url(), label="all answered")
    page.get_by_role("button", name="Zamknij rozpatrywanie uwag").click()
    check_page(page, label="answered")
    # The next version of the draft: the accepted comment's paragraph gets its new wording.
    page.get_by_role("button", name="Przygotuj wersję 2 projektu").click()
    check_page(page, label="versions", phone=True)
    page.get_by_role("link", name="Zmień brzmienie").first.click()
    check_page(page, label="unit revision form", phone=True)
    page.get_by_role("link", name="Wróć do wersji projektu").click()
    check_page(page, label="versions again")
    visit(page, consultation.get_absolute_url(), label="answered, version 2")
    page.get_by_role("button", name="Opublikuj sprawozdanie").click()
    check_page(page, label="report published")
    assert Consultation.objects.get().status == ConsultationStatus.REPORTED

    # 4. Anyone reads the report; its PDF lists every comment and answer.
    page.context.clear_cookies()
    visit(page, "/konsultacje/", label="consultations with a report")
    page.get_by_role("link", name="Sprawozdanie").first.click()
    check_page(page, label="report", phone=True)
    text = " ".join(
        _pdf_text(page, page.get_by_role("link", name="Pobierz PDF").get_attribute("href")).split()
    )
    for fragment in (
        "Stowarzyszenie Seniorów Aktywnych",
        "Fundacja Dzieciom",
        "Dopisać cel: wzmacnianie wolontariatu.",
        "Dodać Radę Seniorów.",
        "Uwzględniono – dopisano cel szczegółowy.",
        "Nie uwzględniono – Rada Seniorów działa na podstawie statutu.",
    ):
        assert fragment in text, fragment
