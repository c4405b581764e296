"""Room photos: staff upload, describe, reorder and remove them; the public room page shows them with alt text."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from centrum.core.models import AuditEntry, CentreSetting
from centrum.spaces.models import RoomPhoto

from .factories import RoomFactory

pytestmark = pytest.mark.django_db


def image_file(name="sala.png", image_format="PNG", size=(40, 30)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(buffer, format=image_format)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{image_format.lower()}")


def url(room) -> str:
    return reverse("spaces:room_photos", kwargs={"room_pk": room.pk})


def upload(client, room, image=None, alt_text="Sala z krzesłami w rzędach i ekranem"):
    return client.post(
        url(room),
        {"action": "add", "new-image": image or image_file(), "new-alt_text": alt_text},
        follow=True,
    )


def stored_files(centre) -> list[str]:
    names = []
    for photo in RoomPhoto.objects.filter(centre=centre):
        names.append(photo.image.name)
    return names


def test_staff_upload_a_photo_shown_with_its_alt_text(staff_client, anon, centre, room):
    response = upload(staff_client, room)
    assert response.status_code == 200
    assert "Zdjęcie dodane." in response.content.decode()
    photo = RoomPhoto.objects.get()
    assert photo.centre == centre and photo.position == 0
    assert photo.image.name.startswith("spaces/rooms/") and f"/{centre.slug}/" in photo.image.name
    assert photo.image.name.endswith(".png") and default_storage.exists(photo.image.name)
    assert AuditEntry.objects.filter(action="room.photo_added").count() == 1
    page = anon.get(reverse("spaces:room_detail", args=[room.pk])).content.decode()
    assert f'src="{photo.image.url}" alt="Sala z krzesłami w rzędach i ekranem"' in page
    listing = anon.get(reverse("spaces:room_list")).content.decode()
    assert 'alt="Sala z krzesłami w rzędach i ekranem"' in listing


def test_real_format_decides_the_extension(staff_client, room):
    upload(staff_client, room, image=image_file(name="zdjecie.png", image_format="JPEG"))
    assert RoomPhoto.objects.get().image.name.endswith(".jpg")


@pytest.mark.parametrize(
    ("image", "alt_text", "message"),
    [
        (None, "", "Opisz, co widać na zdjęciu"),
        (None, "   ", "Opisz, co widać na zdjęciu"),
        (
            SimpleUploadedFile("sala.png", b"<?php echo 1; ?>", content_type="image/png"),
            "x",
            "To nie jest plik graficzny",
        ),
        (
            SimpleUploadedFile("sala.pdf", b"%PDF-1.4 hello", content_type="application/pdf"),
            "x",
            "To nie jest",
        ),
        ("gif", "Sala", "Dozwolone formaty: JPEG, PNG, WebP"),
        ("huge", "Sala", "Plik jest za duży"),
        ("empty", "Sala", "Wybrany plik jest pusty"),
    ],
)
def test_bad_uploads_are_refused_with_a_clear_message_and_nothing_stored(
    staff_client, centre, room, image, alt_text, message
):
    CentreSetting.objects.create(centre=centre, key="spaces.room_photo_max_mb", value=1)
    if image == "gif":
        image = image_file(name="sala.gif", image_format="GIF")
    elif image == "huge":
        image = SimpleUploadedFile("sala.jpg", b"\xff" * (1024 * 1024 + 1), content_type="image/jpeg")
    elif image == "empty":
        image = SimpleUploadedFile("sala.jpg", b"", content_type="image/jpeg")
    response = upload(staff_client, room, image=image, alt_text=alt_text)
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body and 'aria-invalid="true"' in body
    assert not RoomPhoto.objects.exists()
    assert not AuditEntry.objects.filter(action="room.photo_added").exists()


def test_upload_without_a_file_is_refused(staff_client, room):
    response = staff_client.post(url(room), {"action": "add", "new-alt_text": "Sala"})
    assert response.status_code == 200 and "Wybierz plik ze zdjęciem." in response.content.decode()
    assert not RoomPhoto.objects.exists()


def test_photo_limit_from_the_centre_settings(staff_client, centre, room):
    CentreSetting.objects.create(centre=centre, key="spaces.room_photos_max", value=1)
    upload(staff_client, room)
    response = upload(staff_client, room)
    assert "Sala ma już 1 zdjęcie –" in response.content.decode()
    assert RoomPhoto.objects.count() == 1


def test_reorder_describe_and_remove(staff_client, room, django_capture_on_commit_callbacks):
    for text in ["Pierwsze", "Drugie", "Trzecie"]:
        upload(staff_client, room, alt_text=text)
    first, second, third = RoomPhoto.objects.order_by("position")
    staff_client.post(url(room), {"action": "up", "photo": third.pk})
    assert list(RoomPhoto.objects.order_by("position").values_list("alt_text", flat=True)) == [
        "Pierwsze",
        "Trzecie",
        "Drugie",
    ]
    response = staff_client.post(url(room), {"action": "up", "photo": first.pk}, follow=True)
    assert "To zdjęcie jest już pierwsze." in response.content.decode()
    staff_client.post(url(room), {"action": "down", "photo": first.pk})
    assert RoomPhoto.objects.order_by("position").first() == third

    response = staff_client.post(
        url(room), {"action": "describe", "photo": second.pk, f"photo-{second.pk}-alt_text": " "}, follow=True
    )
    assert "Opisz, co widać na zdjęciu" in response.content.decode()
    staff_client.post(
        url(room), {"action": "describe", "photo": second.pk, f"photo-{second.pk}-alt_text": "Kuchnia"}
    )
    second.refresh_from_db()
    assert second.alt_text == "Kuchnia"

    name = first.image.name
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(url(room), {"action": "remove", "photo": first.pk})
    assert not RoomPhoto.objects.filter(pk=first.pk).exists() and not default_storage.exists(name)
    assert list(RoomPhoto.objects.order_by("position").values_list("position", flat=True)) == [0, 1]
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {
        "room.photo_added",
        "room.photos_reordered",
        "room.photo_described",
        "room.photo_removed",
    } <= actions


def test_a_photo_of_another_room_or_garbage_id_changes_nothing(staff_client, centre, room, other_centre):
    other_room = RoomFactory(centre=centre, name="Sala warsztatowa")
    upload(staff_client, other_room)
    photo = RoomPhoto.objects.get()
    for value in [photo.pk, "", "abc", "-1", "99999999999999999999"]:
        response = staff_client.post(url(room), {"action": "remove", "photo": value}, follow=True)
        assert response.status_code == 200
        assert "Nie ma takiego zdjęcia tej sali." in response.content.decode()
    response = staff_client.post(url(room), {"action": "explode", "photo": photo.pk})
    assert response.status_code == 200
    assert RoomPhoto.objects.filter(pk=photo.pk).exists()


def test_another_centres_room_is_404(staff_client, other_room):
    assert staff_client.get(url(other_room)).status_code == 404
    assert upload(staff_client, other_room).status_code == 404
    assert not RoomPhoto.objects.exists()


def test_member_is_403_and_anonymous_goes_to_login(client_for, anon, centre, org_member, room):
    assert client_for(centre, org_member).get(url(room)).status_code == 403
    assert upload(client_for(centre, org_member), room).status_code == 403
    response = anon.get(url(room))
    assert response.status_code == 302 and "/konto/login" in response["Location"]
    assert not RoomPhoto.objects.exists()


def test_photo_pages_query_count(staff_client, anon, room, django_assert_max_num_queries):
    for text in ["Pierwsze", "Drugie", "Trzecie"]:
        upload(staff_client, room, alt_text=text)
    with django_assert_max_num_queries(10):
        assert staff_client.get(url(room)).status_code == 200
    with django_assert_max_num_queries(8):
        assert anon.get(reverse("spaces:room_detail", args=[room.pk])).status_code == 200
