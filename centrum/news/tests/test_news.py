"""News: submitting (members for their organisation, staff their own), images with alt text, files checked
for real content, moderation with e-mails to the author, the public list with filters, the page, the RSS."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from centrum.core.models import AuditEntry, OutboxMessage
from centrum.core.workflow import workflow_apply
from centrum.organisations.tests.factories import OrganisationFactory

from ..models import NewsAttachment, NewsImage, NewsItem
from .factories import NewsItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def png(size=(20, 20)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, "red").save(buffer, "PNG")
    return SimpleUploadedFile("zdjecie.png", buffer.getvalue(), content_type="image/png")


def _data(organisation, **extra):
    return {
        "title": "Zbiórka podręczników",
        "lead": "Zbieramy podręczniki dla świetlicy.",
        "body": "<p>Dary przyjmujemy <strong>codziennie</strong>.</p><script>alert(1)</script>",
        "organisation": organisation.pk if organisation else "",
        **extra,
    }


def test_member_submits_news_for_their_organisation_and_it_waits(
    client_for, centre, organisation, org_member
):
    client = client_for(centre, org_member)
    response = client.post(reverse("news:new"), _data(organisation, image=png(), alt_text="Stos książek"))
    item = NewsItem.objects.get()
    assert response.status_code == 302 and response["Location"] == item.get_absolute_url()
    assert (item.status, item.author, item.organisation) == ("submitted", org_member, organisation)
    assert "<script>" not in item.body and "<strong>codziennie</strong>" in item.body
    assert NewsImage.objects.get().alt_text == "Stos książek"
    assert AuditEntry.objects.filter(action="news.created").exists()
    # not public yet
    assert client_for(centre).get(item.get_absolute_url()).status_code == 404
    assert "Zbiórka" not in client_for(centre).get(reverse("news:list")).content.decode()


def test_image_without_alt_text_is_refused_and_nothing_stored(client_for, centre, organisation, org_member):
    response = client_for(centre, org_member).post(reverse("news:new"), _data(organisation, image=png()))
    assert response.status_code == 400 and "tekst alternatywny" in response.content.decode()
    assert not NewsItem.objects.exists() and not NewsImage.objects.exists()


def test_a_file_that_is_not_an_image_is_refused(client_for, centre, organisation, org_member):
    fake = SimpleUploadedFile("zdjecie.png", b"MZ\x90\x00not an image", content_type="image/png")
    response = client_for(centre, org_member).post(
        reverse("news:new"), _data(organisation, image=fake, alt_text="Zdjęcie")
    )
    assert response.status_code == 400 and "To nie jest plik graficzny" in response.content.decode()
    assert not NewsItem.objects.exists()


def test_an_oversized_image_is_refused(client_for, centre, organisation, org_member):
    from centrum.core.models import CentreSetting

    CentreSetting.objects.create(centre=centre, key="news.image_max_kb", value=50)
    big = SimpleUploadedFile("duze.bmp", b"BM" + b"\x00" * (60 * 1024), content_type="image/bmp")
    response = client_for(centre, org_member).post(
        reverse("news:new"), _data(organisation, image=big, alt_text="Zdjęcie")
    )
    assert response.status_code == 400 and "za duży" in response.content.decode()
    assert not NewsItem.objects.exists()


def test_a_fake_pdf_attachment_is_refused(client_for, centre, organisation, org_member):
    fake = SimpleUploadedFile("regulamin.pdf", b"<html>not a pdf</html>", content_type="application/pdf")
    response = client_for(centre, org_member).post(reverse("news:new"), _data(organisation, attachment=fake))
    assert response.status_code == 400
    assert not NewsItem.objects.exists() and not NewsAttachment.objects.exists()


def test_a_member_may_not_submit_for_another_organisation(client_for, centre, org_member):
    other = OrganisationFactory(centre=centre)
    response = client_for(centre, org_member).post(reverse("news:new"), _data(other))
    assert response.status_code == 400
    assert not NewsItem.objects.exists()


def test_a_person_with_no_organisation_may_not_submit(anon, client_for, centre, plain_user):
    assert anon.get(reverse("news:new")).status_code == 302
    assert client_for(centre, plain_user).get(reverse("news:new")).status_code == 403


def test_staff_news_is_published_at_once_without_mail(staff_client, centre):
    response = staff_client.post(reverse("news:new"), _data(None))
    item = NewsItem.objects.get()
    assert response.status_code == 302 and item.status == "published" and item.published_at
    assert not OutboxMessage.objects.exists()


@pytest.mark.parametrize(
    ("action", "reason", "status"),
    [
        ("approve", "", "published"),
        ("request_changes", "Dopisz datę.", "changes_requested"),
        ("reject", "To reklama.", "rejected"),
    ],
)
def test_each_decision_mails_the_author(
    client_for, centre, organisation, org_member, staff_client, action, reason, status
):
    item = NewsItemFactory(centre=centre, organisation=organisation, author=org_member, status="submitted")
    url = reverse("news:action", args=[item.pk, action])
    response = staff_client.post(url, {"reason": reason, "state": "submitted"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == status
    mail = OutboxMessage.objects.get()
    assert mail.to == [org_member.email]
    if reason:
        assert reason in mail.body


def test_reject_needs_a_reason(centre, organisation, org_member, staff_client):
    item = NewsItemFactory(centre=centre, organisation=organisation, author=org_member, status="submitted")
    staff_client.post(reverse("news:action", args=[item.pk, "reject"]), {"reason": "", "state": "submitted"})
    item.refresh_from_db()
    assert item.status == "submitted" and not OutboxMessage.objects.exists()


def test_author_edits_after_changes_requested_and_resubmits(
    client_for, centre, organisation, org_member, staff_user
):
    item = NewsItemFactory(centre=centre, organisation=organisation, author=org_member, status="submitted")
    workflow_apply(obj=item, action="request_changes", actor=staff_user, reason="Dopisz datę.")
    client = client_for(centre, org_member)
    page = client.get(item.get_absolute_url()).content.decode()
    assert "Dopisz datę." in page and "Zgłoś ponownie" in page
    response = client.post(reverse("news:edit", args=[item.pk]), _data(organisation, title="Zbiórka 12 maja"))
    assert response.status_code == 302
    client.post(reverse("news:action", args=[item.pk, "resubmit"]), {"state": "changes_requested"})
    item.refresh_from_db()
    assert (item.title, item.status) == ("Zbiórka 12 maja", "submitted")


def test_author_cannot_edit_a_published_item(client_for, centre, organisation, org_member):
    item = NewsItemFactory(centre=centre, organisation=organisation, author=org_member)
    assert client_for(centre, org_member).get(reverse("news:edit", args=[item.pk])).status_code == 403


def test_a_member_cannot_moderate(client_for, centre, organisation, org_member):
    item = NewsItemFactory(centre=centre, organisation=organisation, author=org_member, status="submitted")
    client_for(centre, org_member).post(
        reverse("news:action", args=[item.pk, "approve"]), {"state": "submitted"}
    )
    item.refresh_from_db()
    assert item.status == "submitted"
    assert client_for(centre, org_member).get(reverse("news:moderation")).status_code == 403


def test_images_and_files_added_and_removed_on_the_page(client_for, centre, organisation, org_member):
    item = NewsItemFactory(centre=centre, organisation=organisation, author=org_member, status="submitted")
    client = client_for(centre, org_member)
    assert (
        client.post(reverse("news:image_add", args=[item.pk]), {"image": png(), "alt_text": ""}).status_code
        == 400
    )
    assert (
        client.post(
            reverse("news:image_add", args=[item.pk]), {"image": png(), "alt_text": "Sala"}
        ).status_code
        == 302
    )
    pdf = SimpleUploadedFile("plan.pdf", b"%PDF-1.4\n%%EOF", content_type="application/pdf")
    assert client.post(reverse("news:attachment_add", args=[item.pk]), {"attachment": pdf}).status_code == 302
    image, attachment = NewsImage.objects.get(), NewsAttachment.objects.get()
    assert (
        f'src="{reverse("news:image", args=[image.pk])}"'
        in client.get(item.get_absolute_url()).content.decode()
    )
    shown = client.get(reverse("news:image", args=[image.pk]))
    assert shown.status_code == 200 and shown["Content-Type"] == "image/png"
    assert (
        shown["X-Content-Type-Options"] == "nosniff" and b"".join(shown.streaming_content)[:4] == b"\x89PNG"
    )
    got = client.get(reverse("news:attachment", args=[attachment.pk]))
    assert got.status_code == 200 and got["Content-Type"] == "application/pdf"
    assert got["Content-Disposition"].startswith("attachment")
    # While the item waits for moderation its files are the organisation's and staff's only.
    anonymous = client_for(centre, None)
    assert anonymous.get(reverse("news:image", args=[image.pk])).status_code == 404
    assert anonymous.get(reverse("news:attachment", args=[attachment.pk])).status_code == 404
    item.status = "published"
    item.save(update_fields=["status"])
    assert anonymous.get(reverse("news:image", args=[image.pk])).status_code == 200
    item.status = "submitted"  # the author may remove files only before publication
    item.save(update_fields=["status"])
    assert client.post(reverse("news:image_remove", args=[image.pk])).status_code == 302
    assert client.post(reverse("news:attachment_remove", args=[attachment.pk])).status_code == 302
    assert not NewsImage.objects.exists() and not NewsAttachment.objects.exists()


def test_public_list_filters_by_organisation_and_field(anon, centre):
    from centrum.organisations.models import ActivityArea

    area = ActivityArea.objects.order_by("code").first()
    with_area = OrganisationFactory(centre=centre, name="Klub Sportowy")
    with_area.areas.add(area)
    NewsItemFactory(centre=centre, organisation=with_area, title="Trening otwarty")
    NewsItemFactory(centre=centre, title="Dyżur doradcy")
    body = anon.get(reverse("news:list"), {"dziedzina": area.code}).content.decode()
    assert "Trening otwarty" in body and "Dyżur doradcy" not in body
    body = anon.get(reverse("news:list"), {"organizacja": with_area.pk}).content.decode()
    assert "Trening otwarty" in body and "Dyżur doradcy" not in body
    # garbage filters are ignored, never a 500
    assert anon.get(reverse("news:list"), {"organizacja": "x'; --", "dziedzina": "<b>"}).status_code == 200


def test_list_and_page_show_only_this_centres_published_news(
    anon, client_for, centre, other_centre, staff_user
):
    NewsItemFactory(centre=centre, title="Nasza aktualność")
    NewsItemFactory(centre=centre, title="Czeka", status="submitted")
    other = NewsItemFactory(centre=other_centre, title="Cudza aktualność")
    body = anon.get(reverse("news:list")).content.decode()
    assert "Nasza aktualność" in body and "Czeka" not in body and "Cudza" not in body
    assert client_for(centre, staff_user).get(reverse("news:detail", args=[other.pk])).status_code == 404


def test_html_in_titles_is_inert(anon, centre):
    item = NewsItemFactory(
        centre=centre, title="<script>alert(1)</script>", body="<p onclick='x()'>Tekst</p>"
    )
    body = anon.get(item.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in body and "onclick" not in body


def test_rss_feed_lists_published_news(anon, centre, other_centre):
    NewsItemFactory(centre=centre, title="Nasza aktualność", lead="Zajawka <b>x</b>")
    NewsItemFactory(centre=centre, title="Czeka", status="submitted")
    NewsItemFactory(centre=other_centre, title="Cudza")
    response = anon.get(reverse("news:feed"))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/rss+xml")
    body = response.content.decode()
    assert "<title>Nasza aktualność</title>" in body and "Czeka" not in body and "Cudza" not in body


def test_pages_query_counts(
    anon, client_for, centre, organisation, org_member, staff_user, django_assert_max_num_queries
):
    for i in range(6):
        NewsItemFactory(centre=centre, organisation=organisation, author=org_member)
    item = NewsItemFactory(centre=centre, organisation=organisation, author=org_member, status="submitted")
    with django_assert_max_num_queries(12):
        assert anon.get(reverse("news:list")).status_code == 200
    with django_assert_max_num_queries(12):
        assert anon.get(reverse("news:feed")).status_code == 200
    staff = client_for(centre, staff_user)
    with django_assert_max_num_queries(14):
        assert staff.get(item.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(10):
        assert staff.get(reverse("news:moderation")).status_code == 200
    member = client_for(centre, org_member)
    with django_assert_max_num_queries(12):
        assert member.get(reverse("news:mine")).status_code == 200
    with django_assert_max_num_queries(12):
        assert member.get(reverse("news:new")).status_code == 200
