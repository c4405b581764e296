"""Every page: anonymous, a forbidden role, another centre's object (404); the flows through the services."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from centrum.accounts.tests.factories import UserFactory
from centrum.core.calendar import warsaw_today
from centrum.core.models import AuditEntry, OutboxMessage
from centrum.organisations.models import ActivityArea, District

from ..models import Agreement, Application, HoursEntry, Offer, Volunteer
from .factories import (
    OfferFactory,
    VolunteerFactory,
    application_for,
    coordinator,
    host_with_member,
    hours_for,
    public_body,
    world,
)

pytestmark = pytest.mark.django_db


def test_public_list_shows_published_offers_of_this_centre_only(anon, centre, other_centre):
    host, _member = host_with_member(centre)
    other_host, _ = host_with_member(other_centre, email="inny@example.org")
    OfferFactory(centre=centre, host=host, title="Sprzątanie lasu")
    OfferFactory(centre=centre, host=host, title="Szkic oferty", status="draft")
    OfferFactory(centre=other_centre, host=other_host, title="Cudza oferta")
    body = anon.get(reverse("volunteers:index")).content.decode()
    assert "Sprzątanie lasu" in body
    assert "Szkic oferty" not in body and "Cudza oferta" not in body


def test_search_is_diacritics_insensitive_and_filters_apply(anon, centre):
    host, _ = host_with_member(centre)
    district = District.objects.create(centre=centre, name="Rój")
    OfferFactory(
        centre=centre,
        host=host,
        title="Zbiórka żywności",
        search_text=" zbiorka zywnosci ",
        district=district,
    )
    OfferFactory(centre=centre, host=host, title="Korepetycje", search_text=" korepetycje ", for_minors=True)
    body = anon.get(reverse("volunteers:index"), {"q": "zywnosc"}).content.decode()
    assert "Zbiórka żywności" in body and "Korepetycje" not in body
    body = anon.get(reverse("volunteers:index"), {"minors": "on"}).content.decode()
    assert "Korepetycje" in body and "Zbiórka żywności" not in body
    body = anon.get(reverse("volunteers:index"), {"district": district.pk}).content.decode()
    assert "Zbiórka żywności" in body and "Korepetycje" not in body
    assert anon.get(reverse("volunteers:index"), {"district": "x<script>", "kind": "zle"}).status_code == 200


def test_index_query_count(anon, centre, django_assert_max_num_queries):
    host, _ = host_with_member(centre)
    for n in range(8):
        OfferFactory(centre=centre, host=host, title=f"Oferta {n}")
    with django_assert_max_num_queries(14):
        assert anon.get(reverse("volunteers:index")).status_code == 200


def test_offer_of_another_centre_is_404(client_for, centre, other_centre, staff_user):
    other_host, _ = host_with_member(other_centre)
    offer = OfferFactory(centre=other_centre, host=other_host)
    assert client_for(centre, staff_user).get(reverse("volunteers:offer", args=[offer.pk])).status_code == 404


def test_draft_offer_is_404_for_the_public_and_shown_to_the_host(anon, client_for, centre):
    host, member = host_with_member(centre)
    offer = OfferFactory(centre=centre, host=host, status="draft")
    url = reverse("volunteers:offer", args=[offer.pk])
    assert anon.get(url).status_code == 404
    assert client_for(centre, member).get(url).status_code == 200


def test_volunteer_registers_with_consent_recorded(client_for, centre):
    user = UserFactory(email="nowa@example.org")
    area = ActivityArea.objects.order_by("position").first()
    response = client_for(centre, user).post(
        reverse("volunteers:profile"),
        {
            "full_name": "Anna <b>Nowak</b>",
            "birth_date": "1990-05-01",
            "areas": [area.pk] if area else [],
            "weekends": "on",
            "visible_to_hosts": "on",
        },
    )
    assert response.status_code == 302
    volunteer = Volunteer.objects.get(user=user)
    assert volunteer.visibility_consent_at is not None
    assert AuditEntry.objects.filter(action="volunteer.visibility").exists()
    client_for(centre, user).post(
        reverse("volunteers:profile"), {"full_name": "Anna Nowak", "birth_date": "1990-05-01"}
    )
    volunteer.refresh_from_db()
    assert not volunteer.visible_to_hosts and volunteer.visibility_withdrawn_at is not None
    page = client_for(centre, user).get(reverse("volunteers:mine")).content.decode()
    assert "<b>Nowak" not in page


@pytest.mark.parametrize("birth", ["2100-01-01", "1850-01-01"])
def test_profile_with_an_impossible_birth_date_is_refused(client_for, centre, birth):
    user = UserFactory(email="zla@example.org")
    response = client_for(centre, user).post(
        reverse("volunteers:profile"), {"full_name": "X", "birth_date": birth}
    )
    assert response.status_code == 400 and not Volunteer.objects.exists()


def test_profile_of_a_child_under_the_minimum_age_is_refused(client_for, centre):
    user = UserFactory(email="dziecko@example.org")
    born = warsaw_today().replace(year=warsaw_today().year - 10, day=1)
    response = client_for(centre, user).post(
        reverse("volunteers:profile"), {"full_name": "X", "birth_date": born.isoformat()}
    )
    assert response.status_code == 400 and "od 13 lat" in response.content.decode()


def test_apply_accept_and_mail(client_for, centre):
    host, member = host_with_member(centre)
    offer = OfferFactory(centre=centre, host=host, capacity=1)
    volunteer = VolunteerFactory(centre=centre, user=UserFactory(email="v@example.org"))
    response = client_for(centre, volunteer.user).post(
        reverse("volunteers:apply", args=[offer.pk]), {"message": "Chętnie"}
    )
    application = Application.objects.get()
    assert response.status_code == 302 and response["Location"] == application.get_absolute_url()
    assert OutboxMessage.objects.filter(to=["fundacja@example.org"], event="applied_to_host").exists()
    # a second application to the same offer is refused
    client_for(centre, volunteer.user).post(reverse("volunteers:apply", args=[offer.pk]), {})
    assert Application.objects.count() == 1
    url = reverse("volunteers:application_action", args=[application.pk, "accept"])
    assert client_for(centre, volunteer.user).post(url).status_code == 403
    assert client_for(centre, member).post(url, {"state": "applied"}).status_code == 302
    application.refresh_from_db()
    offer.refresh_from_db()
    assert application.status == "accepted" and offer.taken == 1
    assert OutboxMessage.objects.filter(to=["v@example.org"], event="decision_to_volunteer").exists()
    # the place is taken: nobody else may be accepted
    other = VolunteerFactory(centre=centre)
    client_for(centre, other.user).post(reverse("volunteers:apply", args=[offer.pk]), {})
    assert Application.objects.count() == 1


def test_withdrawing_an_accepted_application_frees_the_place(client_for, centre):
    host, _member = host_with_member(centre)
    offer = OfferFactory(centre=centre, host=host, capacity=1)
    volunteer = VolunteerFactory(centre=centre)
    application = application_for(offer, volunteer, status="accepted")
    client_for(centre, volunteer.user).post(
        reverse("volunteers:application_action", args=[application.pk, "withdraw"])
    )
    offer.refresh_from_db()
    assert offer.taken == 0


def test_minor_cannot_apply_to_an_offer_not_for_minors(client_for, centre):
    host, _ = host_with_member(centre)
    offer = OfferFactory(centre=centre, host=host, for_minors=False)
    minor = VolunteerFactory(
        centre=centre, birth_date=warsaw_today().replace(year=warsaw_today().year - 15, day=1)
    )
    client_for(centre, minor.user).post(reverse("volunteers:apply", args=[offer.pk]), {})
    assert not Application.objects.exists()


def _agreement_post(ends_on, **extra):
    return {
        "scope": "Pomoc <script>alert(1)</script>",
        "manner": "Dyżury",
        "starts_on": warsaw_today().isoformat(),
        "ends_on": ends_on.isoformat() if ends_on else "",
        "termination": "Wypowiedzenie 7 dni",
        **extra,
    }


def test_agreement_rules_of_the_law(client_for, centre):
    host, member = host_with_member(centre)
    offer = OfferFactory(centre=centre, host=host)
    volunteer = VolunteerFactory(centre=centre)
    application = application_for(offer, volunteer, status="accepted")
    url = reverse("volunteers:agreement_edit", args=[application.pk])
    client = client_for(centre, member)
    today = warsaw_today()
    # more than 30 days, not in writing: refused
    response = client.post(url, _agreement_post(today + timedelta(days=45)))
    assert response.status_code == 400 and not Agreement.objects.exists()
    # travel-cost waiver not in writing: refused
    response = client.post(url, _agreement_post(today + timedelta(days=5), travel_costs_waived="on"))
    assert response.status_code == 400 and not Agreement.objects.exists()
    # ends before it starts: refused
    response = client.post(url, _agreement_post(today - timedelta(days=5)))
    assert response.status_code == 400 and not Agreement.objects.exists()
    # up to 30 days: NNW flagged for the host
    response = client.post(url, _agreement_post(today + timedelta(days=20)))
    agreement = Agreement.objects.get()
    assert response.status_code == 302 and agreement.insurance_flagged
    assert client.get(reverse("volunteers:agreement", args=[agreement.pk])).status_code == 200
    pdf = client_for(centre, volunteer.user).get(reverse("volunteers:agreement_pdf", args=[agreement.pk]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    # longer and in writing: no NNW flag (statutory cover)
    client.post(url, _agreement_post(today + timedelta(days=90), written_form="on"))
    agreement.refresh_from_db()
    assert not agreement.insurance_flagged


def test_a_minors_agreement_needs_the_guardians_consent(client_for, centre):
    host, member = host_with_member(centre)
    offer = OfferFactory(centre=centre, host=host, for_minors=True)
    minor = VolunteerFactory(
        centre=centre, birth_date=warsaw_today().replace(year=warsaw_today().year - 16, day=1)
    )
    application = application_for(offer, minor, status="accepted")
    url = reverse("volunteers:agreement_edit", args=[application.pk])
    data = _agreement_post(warsaw_today() + timedelta(days=10))
    response = client_for(centre, member).post(url, data)
    assert response.status_code == 400 and "zgody opiekuna" in response.content.decode()
    assert not Agreement.objects.exists()
    coordinator_user = coordinator(centre)
    consent = client_for(centre, coordinator_user).post(
        reverse("volunteers:volunteer", args=[minor.pk]),
        {
            "guardian_name": "Maria Kowalska",
            "guardian_contact": "600 100 200",
            "record": "file",
            "upload": SimpleUploadedFile(
                "zgoda.pdf", b"<html>nie pdf</html>", content_type="application/pdf"
            ),
        },
    )
    assert consent.status_code == 400
    minor.refresh_from_db()
    assert not minor.has_guardian_consent
    client_for(centre, coordinator_user).post(
        reverse("volunteers:volunteer", args=[minor.pk]),
        {"guardian_name": "Maria Kowalska", "guardian_contact": "600 100 200", "record": "paper"},
    )
    minor.refresh_from_db()
    assert minor.has_guardian_consent
    assert client_for(centre, member).post(url, data).status_code == 302


def test_hours_outside_the_agreement_or_over_the_daily_maximum_are_refused(client_for, centre):
    w = world(centre)
    agreement, volunteer = w["agreement"], w["volunteer"]
    client = client_for(centre, volunteer.user)
    url = reverse("volunteers:hours_new", args=[agreement.pk])
    before = HoursEntry.objects.count()
    outside = agreement.starts_on - timedelta(days=1)
    assert client.post(url, {"day": outside.isoformat(), "hours": "2", "description": "x"}).status_code == 400
    day = warsaw_today() - timedelta(days=2)
    assert client.post(url, {"day": day.isoformat(), "hours": "13", "description": "x"}).status_code == 400
    future = warsaw_today() + timedelta(days=1)
    assert client.post(url, {"day": future.isoformat(), "hours": "2", "description": "x"}).status_code == 400
    assert HoursEntry.objects.count() == before
    assert (
        client.post(url, {"day": day.isoformat(), "hours": "4", "description": "Stoisko"}).status_code == 302
    )
    assert (
        client_for(centre, w["member"])
        .post(url, {"day": day.isoformat(), "hours": "4", "description": "x"})
        .status_code
        == 403
    )


def test_host_confirms_hours_and_the_certificate_counts_them(client_for, centre):
    w = world(centre)
    entry = w["entry"]
    url = reverse("volunteers:hours_action", args=[entry.pk, "confirm"])
    assert client_for(centre, w["volunteer"].user).post(url).status_code == 403
    client_for(centre, w["member"]).post(url)
    entry.refresh_from_db()
    assert entry.status == "confirmed"
    response = client_for(centre, w["volunteer"].user).get(
        reverse("volunteers:certificate_pdf", args=[w["agreement"].pk])
    )
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_opinion_pdf_only_once_written(client_for, centre):
    w = world(centre)
    url = reverse("volunteers:opinion_pdf", args=[w["agreement"].pk])
    assert client_for(centre, w["volunteer"].user).get(url).status_code == 404
    client_for(centre, w["member"]).post(
        reverse("volunteers:opinion", args=[w["agreement"].pk]), {"opinion": "Rzetelna"}
    )
    assert client_for(centre, w["volunteer"].user).get(url).status_code == 200


def test_contribution_values_confirmed_hours(client_for, centre):
    w = world(centre)
    w["entry"].status = "confirmed"
    w["entry"].save()
    hours_for(w["agreement"], status="confirmed", hours="2.5", day=warsaw_today() - timedelta(days=3))
    url = reverse("volunteers:contribution", args=[w["host"].pk])
    response = client_for(centre, w["member"]).get(url)
    # 5.5 h × 31.40 zł = 172.70 zł
    assert response.status_code == 200 and "172.70" in response.content.decode().replace(",", ".")
    year = warsaw_today().year
    csv = client_for(centre, w["member"]).get(
        url, {"start": f"{year}-01-01", "end": f"{year}-12-31", "format": "csv"}
    )
    assert csv["Content-Type"].startswith("text/csv") and "172,70" in csv.content.decode()
    stranger = UserFactory(email="obcy@example.org")
    assert client_for(centre, stranger).get(url).status_code == 404
    bad = client_for(centre, w["member"]).get(url, {"start": "2026-05-01", "end": "2026-01-01"})
    assert bad.status_code == 400


def test_personal_data_only_for_the_coordinator(client_for, centre, staff_user):
    w = world(centre)
    url = reverse("volunteers:volunteer", args=[w["volunteer"].pk])
    assert client_for(centre, staff_user).get(url).status_code == 403
    desk = client_for(centre, staff_user).get(reverse("volunteers:desk")).content.decode()
    assert w["volunteer"].full_name not in desk
    stats = client_for(centre, staff_user).get(reverse("volunteers:stats"))
    assert stats.status_code == 200 and w["volunteer"].full_name not in stats.content.decode()
    boss = coordinator(centre)
    assert client_for(centre, boss).get(url).status_code == 200
    assert (
        w["volunteer"].full_name in client_for(centre, boss).get(reverse("volunteers:desk")).content.decode()
    )


def test_suggestions_show_only_consenting_volunteers_and_the_coordinator_introduces(client_for, centre):
    host, member = host_with_member(centre)
    offer = OfferFactory(centre=centre, host=host)
    shown = VolunteerFactory(
        centre=centre, full_name="Jawna Osoba", visible_to_hosts=True, user=UserFactory(email="j@example.org")
    )
    VolunteerFactory(centre=centre, full_name="Ukryta Osoba", visible_to_hosts=False)
    body = client_for(centre, member).get(reverse("volunteers:offer", args=[offer.pk])).content.decode()
    assert "Jawna Osoba" in body and "Ukryta Osoba" not in body
    url = reverse("volunteers:introduce", args=[offer.pk])
    assert client_for(centre, member).post(url, {"volunteer": shown.pk}).status_code == 403
    client_for(centre, coordinator(centre)).post(url, {"volunteer": shown.pk})
    application = Application.objects.get()
    assert application.introduced
    assert OutboxMessage.objects.filter(event="introduced_to_volunteer", to=["j@example.org"]).exists()


def test_offer_moderation_flow(client_for, centre, staff_user):
    host, member = host_with_member(centre)
    client = client_for(centre, member)
    area = ActivityArea.objects.order_by("position").first()
    data = {
        "host_choice": f"o{host.organisation_id}",
        "title": "Pomoc w świetlicy",
        "description": "<p>Odrabianie lekcji</p><script>alert(1)</script>",
        "kind": "regular",
        "place": "Świetlica",
        "starts_on": warsaw_today().isoformat(),
        "capacity": "2",
        "areas": [area.pk] if area else [],
    }
    assert client.post(reverse("volunteers:offer_new"), data).status_code == 302
    offer = Offer.objects.get()
    assert offer.status == "draft" and "<script>" not in offer.description
    client.post(reverse("volunteers:offer_action", args=[offer.pk, "submit"]))
    offer.refresh_from_db()
    assert offer.status == "submitted"
    assert client.post(reverse("volunteers:offer_action", args=[offer.pk, "publish"])).status_code == 403
    client_for(centre, staff_user).post(
        reverse("volunteers:offer_action", args=[offer.pk, "return"]), {"reason": "Dodaj godziny"}
    )
    offer.refresh_from_db()
    assert offer.status == "returned"
    assert OutboxMessage.objects.filter(event="offer_decision_to_host").exists()


@pytest.mark.parametrize(
    "bad",
    [
        {"capacity": "0"},
        {"capacity": "999999"},
        {"kind": "period", "ends_on": ""},
        {"ends_on": "2000-01-01"},
        {"description": "<script>x</script>"},
        {"host_choice": "o999999"},
    ],
)
def test_bad_offers_are_refused_and_nothing_stored(client_for, centre, bad):
    host, member = host_with_member(centre)
    data = {
        "host_choice": f"o{host.organisation_id}",
        "title": "Oferta",
        "description": "<p>Opis</p>",
        "kind": "regular",
        "place": "Tu",
        "starts_on": warsaw_today().isoformat(),
        "capacity": "2",
        **bad,
    }
    response = client_for(centre, member).post(reverse("volunteers:offer_new"), data)
    assert response.status_code in (400, 404) and not Offer.objects.exists()


def test_event_shifts_have_their_own_capacity(client_for, centre):
    host, member = host_with_member(centre)
    offer = OfferFactory(centre=centre, host=host, kind="event", status="draft")
    client = client_for(centre, member)
    start = (warsaw_today() + timedelta(days=5)).isoformat()
    response = client.post(
        reverse("volunteers:shift_new", args=[offer.pk]),
        {"label": "Rano", "starts_at": f"{start}T09:00", "ends_at": f"{start}T08:00", "capacity": "2"},
    )
    assert response.status_code == 400 and not offer.shifts.exists()
    client.post(
        reverse("volunteers:shift_new", args=[offer.pk]),
        {"label": "Rano", "starts_at": f"{start}T09:00", "ends_at": f"{start}T12:00", "capacity": "1"},
    )
    assert offer.shifts.get().capacity == 1


def test_public_body_is_a_host_without_being_an_ngo(client_for, centre, staff_user, plain_user):
    manager = UserFactory(email="mops@example.org")
    url = reverse("volunteers:body_new")
    assert client_for(centre, plain_user).get(url).status_code == 403
    response = client_for(centre, staff_user).post(
        url, {"name": "MOPS w Żorach", "body_kind": "welfare", "managers": "mops@example.org"}
    )
    assert response.status_code == 302
    host = public_body(centre, name="Szkoła Podstawowa nr 1")  # and one built directly
    assert host.organisation_id is None
    page = client_for(centre, manager).get(reverse("volunteers:offer_new")).content.decode()
    assert "MOPS w Żorach" in page
    response = client_for(centre, staff_user).post(
        url, {"name": "X", "body_kind": "welfare", "managers": "brak@example.org"}
    )
    assert response.status_code == 400


def test_stats_export_and_forbidden_role(client_for, centre, staff_user, plain_user):
    world(centre)
    assert client_for(centre, plain_user).get(reverse("volunteers:stats")).status_code == 403
    for fmt in ("csv", "xlsx"):
        assert (
            client_for(centre, staff_user).get(reverse("volunteers:stats_export", args=[fmt])).status_code
            == 200
        )
    assert (
        client_for(centre, staff_user).get(reverse("volunteers:stats_export", args=["pdf"])).status_code
        == 404
    )


def test_abroad_pages_edited_by_staff_and_rendered_inert(client_for, anon, centre, staff_user, plain_user):
    assert client_for(centre, plain_user).get(reverse("volunteers:abroad_new")).status_code == 403
    response = client_for(centre, staff_user).post(
        reverse("volunteers:abroad_new"),
        {
            "title": "Europejski Korpus Solidarności",
            "body": "<p>Wyjazdy</p><img src=x onerror=alert(1)>",
            "links": "https://youth.europa.eu/solidarity_pl",
            "position": "1",
            "published": "on",
        },
    )
    assert response.status_code == 302
    body = anon.get(response["Location"]).content.decode()
    assert "onerror" not in body and "Wyjazdy" in body
    bad = client_for(centre, staff_user).post(
        reverse("volunteers:abroad_new"),
        {"title": "X", "body": "<p>x</p>", "links": "javascript:alert(1)", "position": "1"},
    )
    assert bad.status_code == 400


@pytest.mark.parametrize(
    "name",
    ["mine", "host", "desk", "stats", "profile"],
)
def test_personal_pages_need_login(anon, name):
    response = anon.get(reverse(f"volunteers:{name}"))
    assert response.status_code == 302 and "/konto/" in response["Location"]


def test_page_query_counts(client_for, centre, django_assert_max_num_queries):
    w = world(centre)
    boss = coordinator(centre)
    for n in range(5):
        volunteer = VolunteerFactory(centre=centre, visible_to_hosts=True)
        application_for(OfferFactory(centre=centre, host=w["host"]), volunteer)
    pages = [
        (w["volunteer"].user, reverse("volunteers:mine")),
        (w["member"], reverse("volunteers:host")),
        (w["member"], reverse("volunteers:offer", args=[w["offer"].pk])),
        (w["member"], reverse("volunteers:agreement", args=[w["agreement"].pk])),
        (w["member"], reverse("volunteers:application", args=[w["application"].pk])),
        (boss, reverse("volunteers:desk")),
        (boss, reverse("volunteers:volunteer", args=[w["volunteer"].pk])),
        (boss, reverse("volunteers:stats")),
    ]
    for user, url in pages:
        client = client_for(centre, user)
        with django_assert_max_num_queries(30):
            assert client.get(url).status_code == 200, url


def test_hours_value_setting_is_used(centre):
    from centrum.core.centre_settings import centre_setting

    assert centre_setting(centre, "volunteers.hour_value") == Decimal("31.40")


def test_moje_konto_shows_the_volunteers_and_the_hosts_card(
    client_for, centre, other_centre, plain_user, django_assert_max_num_queries
):
    w = world(centre)
    body = client_for(centre, w["volunteer"].user).get(reverse("accounts:dashboard")).content.decode()
    assert "<h2>Wolontariat</h2>" in body and "Twoje zgłoszenia w toku: 1. Porozumienia: 1." in body
    assert "Zgłoszenia wolontariuszy do decyzji" not in body
    with django_assert_max_num_queries(40):  # the page, the session, every app's card: flat in the data
        host_page = client_for(centre, w["member"]).get(reverse("accounts:dashboard")).content.decode()
    assert "Godziny do potwierdzenia: 1." in host_page and "Twoje zgłoszenia w toku" not in host_page
    # Neither a volunteer nor a host: no card; nor in another centre.
    plain = client_for(centre, plain_user).get(reverse("accounts:dashboard")).content.decode()
    assert "<h2>Wolontariat</h2>" not in plain
    other = client_for(other_centre, w["volunteer"].user).get(reverse("accounts:dashboard")).content.decode()
    assert "Twoje zgłoszenia w toku" not in other
