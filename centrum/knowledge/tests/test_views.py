"""Every page: anonymous, a forbidden role, another centre's object (404), query counts; writes through
the services; bad input refused with nothing stored."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from centrum.core.calendar import warsaw_today
from centrum.core.models import AuditEntry, OutboxMessage
from centrum.organisations.models import ActivityArea

from ..choices import ArticleStatus, PracticeStatus
from ..models import Article, Document, FundingCall, GoodPractice, Leader, PracticeAttachment
from .factories import (
    PDF,
    ArticleFactory,
    CategoryFactory,
    FundingCallFactory,
    LeaderFactory,
    PracticeFactory,
)

pytestmark = pytest.mark.django_db


def _practice_post(**extra):
    data = {
        "title": "Sąsiedzkie śniadania",
        "summary": "Mieszkańcy jedzą razem śniadanie na skwerze.",
        "description": "<p>Opis</p><script>alert(1)</script>",
        "government_kind": "urban",
        "locality": "Żory",
        "voivodeship": "24",
        "implementing_unit": "Stowarzyszenie Progress",
        "population": "60938",
        "source": "Opis organizacji",
        "source_url": "",
        "licence": "cc-by-4.0",
    }
    data.update(extra)
    return data


# --- good practices -------------------------------------------------------------------------------------


def test_practice_list_shows_published_of_this_centre_only(anon, centre, other_centre):
    PracticeFactory(centre=centre, title="Nasza praktyka")
    PracticeFactory(centre=centre, title="Czekająca", status=PracticeStatus.SUBMITTED)
    PracticeFactory(centre=other_centre, title="Cudza praktyka")
    body = anon.get(reverse("knowledge:practices")).content.decode()
    assert "Nasza praktyka" in body
    assert "Czekająca" not in body and "Cudza praktyka" not in body


def test_practice_list_filters_and_searches_without_polish_letters(anon, centre):
    PracticeFactory(centre=centre, title="Żorskie Centrum Organizacji", voivodeship="24")
    PracticeFactory(centre=centre, title="Kaliski inkubator", voivodeship="30", locality="Kalisz")
    url = reverse("knowledge:practices")
    body = anon.get(url, {"q": "zorskie"}).content.decode()
    assert "Żorskie Centrum" in body and "Kaliski" not in body
    body = anon.get(url, {"woj": "30"}).content.decode()
    assert "Kaliski" in body and "Żorskie Centrum" not in body
    assert anon.get(url, {"woj": "99", "typ": "<x>"}).status_code == 200


def test_practice_detail_shows_the_metryka_and_inert_html(anon, centre):
    practice = PracticeFactory(
        centre=centre,
        description='<p>Opis <b>ważny</b></p><script>alert("x")</script><img src=x onerror=alert(1)>',
    )
    body = anon.get(practice.get_absolute_url()).content.decode()
    assert "<b>ważny</b>" in body and "<script>alert" not in body and "onerror" not in body
    for label in (
        "Data wprowadzenia",
        "Typ jednostki",
        "Województwo",
        "Jednostka wdrażająca",
        "Licencja",
        "60938",
    ):
        assert label in body


def test_unpublished_practice_is_404_for_the_public_and_another_centres_is_404(
    anon, client_for, centre, other_centre, staff_user
):
    waiting = PracticeFactory(centre=centre, status=PracticeStatus.SUBMITTED)
    other = PracticeFactory(centre=other_centre)
    assert anon.get(waiting.get_absolute_url()).status_code == 404
    staff = client_for(centre, staff_user)
    assert staff.get(waiting.get_absolute_url()).status_code == 200
    assert staff.get(reverse("knowledge:practice", args=[other.pk])).status_code == 404


def test_organisation_member_submits_a_practice_with_a_checked_attachment(
    client_for, centre, org_member, organisation
):
    client = client_for(centre, org_member)
    upload = SimpleUploadedFile("metryka.pdf", PDF, content_type="application/pdf")
    response = client.post(
        reverse("knowledge:practice_new"),
        _practice_post(organisation=organisation.pk, attachment=upload, attachment_title="Metryka"),
    )
    practice = GoodPractice.objects.get()
    assert response.status_code == 302
    assert practice.status == PracticeStatus.SUBMITTED and practice.organisation == organisation
    assert "<script>" not in practice.description and practice.search_text.startswith(" sasiedzkie sniadania")
    assert practice.attachments.get().extension == "pdf"
    assert AuditEntry.objects.filter(action="practice.submitted").exists()


def test_a_file_that_is_not_what_it_claims_is_refused_and_nothing_stored(
    client_for, centre, org_member, organisation
):
    client = client_for(centre, org_member)
    fake = SimpleUploadedFile("raport.pdf", b"MZ\x90\x00 not a pdf at all", content_type="application/pdf")
    response = client.post(
        reverse("knowledge:practice_new"), _practice_post(organisation=organisation.pk, attachment=fake)
    )
    assert response.status_code == 400
    assert "PDF" in response.content.decode()
    assert not GoodPractice.objects.exists() and not PracticeAttachment.objects.exists()


def test_submission_needs_an_organisation_or_staff(anon, client_for, centre, plain_user):
    url = reverse("knowledge:practice_new")
    assert anon.get(url).status_code == 302
    assert client_for(centre, plain_user).get(url).status_code == 403


def test_bad_practice_input_is_a_form_error_and_nothing_stored(staff_client):
    response = staff_client.post(
        reverse("knowledge:practice_new"), _practice_post(title="", voivodeship="99")
    )
    assert response.status_code == 400
    assert not GoodPractice.objects.exists()


def test_staff_publish_and_the_submitter_is_told(client_for, centre, staff_user, org_member, organisation):
    practice = PracticeFactory(
        centre=centre, status=PracticeStatus.SUBMITTED, submitted_by=org_member, organisation=organisation
    )
    staff = client_for(centre, staff_user)
    body = staff.get(reverse("knowledge:moderation")).content.decode()
    assert practice.title in body
    response = staff.post(
        reverse("knowledge:practice_action", args=[practice.pk, "publish"]), {"state": "submitted"}
    )
    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.status == PracticeStatus.PUBLISHED and practice.published_at is not None
    assert any(org_member.email in message.to for message in OutboxMessage.objects.all())


def test_reject_needs_a_reason(client_for, centre, staff_user):
    practice = PracticeFactory(centre=centre, status=PracticeStatus.SUBMITTED)
    staff = client_for(centre, staff_user)
    staff.post(reverse("knowledge:practice_action", args=[practice.pk, "reject"]), {"state": "submitted"})
    practice.refresh_from_db()
    assert practice.status == PracticeStatus.SUBMITTED


def test_moderation_is_staff_only(client_for, centre, org_member):
    assert client_for(centre, org_member).get(reverse("knowledge:moderation")).status_code == 403
    practice = PracticeFactory(centre=centre, status=PracticeStatus.SUBMITTED)
    response = client_for(centre, org_member).post(
        reverse("knowledge:practice_action", args=[practice.pk, "publish"])
    )
    assert response.status_code in (403, 404)
    practice.refresh_from_db()
    assert practice.status == PracticeStatus.SUBMITTED


def test_staff_edit_a_practice_and_add_an_attachment(staff_client, centre):
    practice = PracticeFactory(centre=centre)
    response = staff_client.post(
        reverse("knowledge:practice_edit", args=[practice.pk]), _practice_post(title="Nowy tytuł")
    )
    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.title == "Nowy tytuł" and " nowy tytul " in practice.search_title
    upload = SimpleUploadedFile("x.pdf", PDF)
    staff_client.post(
        reverse("knowledge:attachment_new", args=[practice.pk]), {"title": "Plik", "file": upload}
    )
    attachment = practice.attachments.get()
    response = staff_client.get(attachment.get_absolute_url())
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


def test_attachment_size_limit_is_the_centres_setting(staff_client, centre):
    from centrum.core.models import CentreSetting

    CentreSetting.objects.create(centre=centre, key="knowledge.file_max_mb", value="1")
    practice = PracticeFactory(centre=centre)
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * (1024 * 1024 + 1))
    response = staff_client.post(
        reverse("knowledge:attachment_new", args=[practice.pk]), {"title": "Duży", "file": big}
    )
    assert response.status_code == 400
    assert not PracticeAttachment.objects.exists()


def test_map_counts_every_voivodeship_and_links_to_the_filtered_list(
    anon, centre, django_assert_max_num_queries
):
    PracticeFactory(centre=centre, voivodeship="24")
    PracticeFactory(centre=centre, voivodeship="24")
    PracticeFactory(centre=centre, voivodeship="12")
    with django_assert_max_num_queries(8):
        body = anon.get(reverse("knowledge:practice_map")).content.decode()
    assert "<svg" in body and "?woj=24" in body and "<table" in body
    svg = body.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert svg.count("<a ") == 16 and ">2</text>" in svg and ">0</text>" in svg
    assert "http" not in body.split("<svg", 1)[1].split("</svg>", 1)[0].replace("http://www.w3.org", "")


def test_practice_pages_query_counts(anon, staff_client, centre, django_assert_max_num_queries):
    for _ in range(12):
        PracticeFactory(centre=centre)
    with django_assert_max_num_queries(8):
        assert anon.get(reverse("knowledge:practices")).status_code == 200
    practice = GoodPractice.objects.first()
    with django_assert_max_num_queries(8):
        assert anon.get(practice.get_absolute_url()).status_code == 200
    for _ in range(5):
        PracticeFactory(centre=centre, status=PracticeStatus.SUBMITTED)
    with django_assert_max_num_queries(14):
        assert staff_client.get(reverse("knowledge:moderation")).status_code == 200


# --- leaders --------------------------------------------------------------------------------------------


def test_leader_profile_needs_consent_and_shows_only_chosen_fields(client_for, anon, centre, plain_user):
    client = client_for(centre, plain_user)
    url = reverse("knowledge:my_profile")
    data = {
        "display_name": "Ewa Społeczna",
        "bio": "Sprzątam las.",
        "phone": "600 700 800",
        "visible_fields": ["bio"],
    }
    assert client.post(url, data).status_code == 400
    assert not Leader.objects.exists()
    assert client.post(url, {**data, "consent": "on"}).status_code == 302
    leader = Leader.objects.get()
    assert leader.consent_at is not None and "zgodę" in leader.consent_text
    body = anon.get(leader.get_absolute_url()).content.decode()
    assert "Sprzątam las." in body and "600 700 800" not in body
    assert "Ewa Społeczna" in anon.get(reverse("knowledge:leaders")).content.decode()


def test_withdrawing_consent_hides_the_profile_at_once(client_for, anon, centre, plain_user):
    leader = LeaderFactory(centre=centre, user=plain_user, display_name="Jan Aktywny")
    client_for(centre, plain_user).post(reverse("knowledge:withdraw_consent"))
    leader.refresh_from_db()
    assert leader.withdrawn_at is not None and leader.consent_text
    assert anon.get(leader.get_absolute_url()).status_code == 404
    assert "Jan Aktywny" not in anon.get(reverse("knowledge:leaders")).content.decode()
    assert AuditEntry.objects.filter(action="leader.withdrawn").exists()


def test_leader_pages_need_sign_in_and_stay_in_their_centre(
    anon, client_for, centre, other_centre, plain_user
):
    assert anon.get(reverse("knowledge:my_profile")).status_code == 302
    assert anon.post(reverse("knowledge:withdraw_consent")).status_code == 302
    other = LeaderFactory(centre=other_centre, user=plain_user)
    assert client_for(centre, plain_user).get(reverse("knowledge:leader", args=[other.pk])).status_code == 404


# --- knowledge base -------------------------------------------------------------------------------------


def test_articles_are_published_through_the_workflow(staff_client, anon, centre):
    category = CategoryFactory(centre=centre)
    response = staff_client.post(
        reverse("knowledge:article_new"),
        {"category": category.pk, "title": "Księgowość małej fundacji", "lead": "", "body": "<p>Treść</p>"},
    )
    article = Article.objects.get()
    assert response.status_code == 302 and article.status == ArticleStatus.DRAFT
    assert anon.get(article.get_absolute_url()).status_code == 404
    staff_client.post(reverse("knowledge:article_action", args=[article.pk, "publish"]), {"state": "draft"})
    article.refresh_from_db()
    assert article.status == ArticleStatus.PUBLISHED
    assert "Księgowość małej fundacji" in anon.get(category.get_absolute_url()).content.decode()


def test_article_editing_is_staff_only_and_another_centres_article_is_404(
    client_for, centre, other_centre, org_admin, staff_user
):
    article = ArticleFactory(centre=centre)
    other = ArticleFactory(centre=other_centre)
    assert (
        client_for(centre, org_admin).get(reverse("knowledge:article_edit", args=[article.pk])).status_code
        == 403
    )
    assert client_for(centre, org_admin).get(reverse("knowledge:article_new")).status_code == 403
    assert (
        client_for(centre, staff_user).get(reverse("knowledge:article", args=[other.pk])).status_code == 404
    )
    assert (
        client_for(centre, staff_user)
        .get(reverse("knowledge:category", args=[other.category.slug]))
        .status_code
        == 404
    )


def test_categories_are_data_staff_add(staff_client, centre):
    response = staff_client.post(
        reverse("knowledge:category_new"), {"name": "Ekonomia społeczna", "slug": "ekonomia", "position": 6}
    )
    assert response.status_code == 302
    assert (
        staff_client.post(
            reverse("knowledge:category_new"), {"name": "Znowu", "slug": "ekonomia", "position": 1}
        ).status_code
        == 400
    )


def test_documents_are_checked_files(staff_client, anon, centre):
    url = reverse("knowledge:document_new")
    data = {
        "kind": "research",
        "title": "Badanie NGO",
        "description": "",
        "published_on": warsaw_today().isoformat(),
    }
    bad = staff_client.post(url, {**data, "file": SimpleUploadedFile("a.pdf", b"<html>nope</html>")})
    assert bad.status_code == 400 and not Document.objects.exists()
    assert staff_client.post(url, {**data, "file": SimpleUploadedFile("a.pdf", PDF)}).status_code == 302
    document = Document.objects.get()
    assert anon.get(document.get_absolute_url()).status_code == 200
    assert "Badanie NGO" in anon.get(reverse("knowledge:documents")).content.decode()


def test_knowledge_base_pages_query_counts(anon, centre, django_assert_max_num_queries):
    category = CategoryFactory(centre=centre)
    for _ in range(10):
        ArticleFactory(centre=centre, category=category)
    with django_assert_max_num_queries(8):
        assert anon.get(reverse("knowledge:categories")).status_code == 200
    with django_assert_max_num_queries(8):
        assert anon.get(category.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(8):
        assert anon.get(Article.objects.first().get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(8):
        assert anon.get(reverse("knowledge:documents")).status_code == 200
    with django_assert_max_num_queries(12):
        assert anon.get(reverse("knowledge:index")).status_code == 200


# --- funding calls --------------------------------------------------------------------------------------


@pytest.mark.dates
def test_calls_list_hides_past_deadlines_and_filters_by_field(anon, centre):
    culture = ActivityArea.objects.filter(code="17").first() or ActivityArea.objects.first()
    open_call = FundingCallFactory(centre=centre, title="Nabór na kulturę")
    open_call.fields.set([culture])
    FundingCallFactory(centre=centre, title="Nabór bez sfery")
    FundingCallFactory(centre=centre, title="Stary nabór", deadline=warsaw_today() - timedelta(days=1))
    body = anon.get(reverse("knowledge:calls")).content.decode()
    assert "Nabór na kulturę" in body and "Nabór bez sfery" in body and "Stary nabór" not in body
    body = anon.get(reverse("knowledge:calls"), {"sfera": culture.code}).content.decode()
    assert "Nabór na kulturę" in body and "Nabór bez sfery" not in body
    assert anon.get(reverse("knowledge:calls"), {"sfera": "zzz"}).status_code == 200


def test_calls_list_draws_the_grants_competitions(anon, centre):
    from centrum.grants.tests.factories import CompetitionFactory

    CompetitionFactory(centre=centre, title="Konkurs na sport dzieci", status="published")
    FundingCallFactory(centre=centre, title="Nabór zewnętrzny")
    body = anon.get(reverse("knowledge:calls")).content.decode()
    assert "Konkurs na sport dzieci" in body and "Nabór zewnętrzny" in body


def test_staff_add_a_call_and_bad_input_stores_nothing(staff_client, centre, client_for, org_admin):
    url = reverse("knowledge:call_new")
    area = ActivityArea.objects.first()
    data = {
        "kind": "external",
        "title": "Działaj Lokalnie",
        "funder": "PAFW",
        "deadline": (warsaw_today() + timedelta(days=10)).isoformat(),
        "amount": "6 000,00",
        "url": "https://example.org",
        "description": "<script>x</script>",
        "areas": [area.pk] if area else [],
    }
    assert staff_client.post(url, {**data, "amount": "-5"}).status_code == 400
    assert staff_client.post(url, {**data, "deadline": "2001-01-01"}).status_code == 400
    assert not FundingCall.objects.exists()
    assert staff_client.post(url, data).status_code == 302
    call = FundingCall.objects.get()
    assert str(call.amount) == "6000.00"
    assert "<script>x" not in staff_client.get(call.get_absolute_url()).content.decode()
    assert client_for(centre, org_admin).get(url).status_code == 403
    assert client_for(centre, org_admin).get(reverse("knowledge:call_desk")).status_code == 403
    assert (
        staff_client.post(
            reverse("knowledge:call_edit", args=[call.pk]), {**data, "title": "Zmieniony"}
        ).status_code
        == 302
    )


def test_another_centres_call_is_404(client_for, centre, other_centre, staff_user):
    other = FundingCallFactory(centre=other_centre)
    client = client_for(centre, staff_user)
    assert client.get(reverse("knowledge:call", args=[other.pk])).status_code == 404
    assert client.get(reverse("knowledge:call_edit", args=[other.pk])).status_code == 404


def test_calls_pages_query_counts(anon, staff_client, centre, django_assert_max_num_queries):
    area = ActivityArea.objects.first()
    for _ in range(10):
        call = FundingCallFactory(centre=centre)
        if area:
            call.fields.set([area])
    with django_assert_max_num_queries(10):
        assert anon.get(reverse("knowledge:calls")).status_code == 200
    with django_assert_max_num_queries(8):
        assert anon.get(call.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(10):
        assert staff_client.get(reverse("knowledge:call_desk")).status_code == 200


def test_leader_pages_query_counts(anon, client_for, centre, plain_user, django_assert_max_num_queries):
    from centrum.accounts.tests.factories import UserFactory

    for n in range(12):
        LeaderFactory(centre=centre, user=UserFactory(email=f"lider{n}@example.org"))
    with django_assert_max_num_queries(8):
        assert anon.get(reverse("knowledge:leaders")).status_code == 200
    with django_assert_max_num_queries(8):
        assert anon.get(Leader.objects.first().get_absolute_url()).status_code == 200
    client = client_for(centre, plain_user)
    with django_assert_max_num_queries(10):
        assert client.get(reverse("knowledge:my_profile")).status_code == 200


def test_forms_pages_for_staff_render(staff_client, centre):
    practice = PracticeFactory(centre=centre)
    article = ArticleFactory(centre=centre)
    call = FundingCallFactory(centre=centre)
    for url in (
        reverse("knowledge:practice_new"),
        reverse("knowledge:practice_edit", args=[practice.pk]),
        reverse("knowledge:article_new"),
        reverse("knowledge:article_edit", args=[article.pk]),
        reverse("knowledge:category_new"),
        reverse("knowledge:document_new"),
        reverse("knowledge:call_new"),
        reverse("knowledge:call_edit", args=[call.pk]),
    ):
        assert staff_client.get(url).status_code == 200, url


def test_past_call_is_404_for_the_public_but_shown_to_staff(anon, staff_client, centre):
    past = FundingCallFactory(centre=centre, deadline=warsaw_today() - timedelta(days=3))
    assert anon.get(past.get_absolute_url()).status_code == 404
    assert staff_client.get(past.get_absolute_url()).status_code == 200
