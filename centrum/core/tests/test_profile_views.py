import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from PIL import Image

from centrum.core.models import AuditEntry, Centre


def _png(size=(20, 20)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "red").save(buffer, "PNG")
    return buffer.getvalue()


def _form(centre, **overrides):
    data = {
        "name": centre.name,
        "short_name": "COP Kalisz",
        "email": "cop@example.org",
        "phone": "62 000 00 00",
        "website": "",
        "street": "ul. Babina 1",
        "postal_code": "62-800",
        "city": "Kalisz",
        "description": "Wspieramy organizacje.",
        "services-TOTAL_FORMS": "2",
        "services-INITIAL_FORMS": "0",
        "services-MIN_NUM_FORMS": "0",
        "services-MAX_NUM_FORMS": "1000",
        "services-0-title": "Doradztwo prawne",
        "services-0-description": "Poniedziałki 11–17",
        "services-1-title": "",
        "services-1-description": "",
    }
    for day in range(7):
        data[f"hours-opens_{day}"] = "08:00" if day < 5 else ""
        data[f"hours-closes_{day}"] = "16:00" if day < 5 else ""
    data.update(overrides)
    return data


def test_page_renders_hours_per_weekday(staff_client, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        response = staff_client.get("/panel/centrum/")
    body = response.content.decode()
    assert response.status_code == 200
    assert 'type="time"' in body
    assert "poniedziałek – od" in body
    assert 'value="08:00"' in body


def test_saving_updates_profile_and_audits(staff_client, centre):
    response = staff_client.post(
        "/panel/centrum/", _form(centre, **{"hours-opens_5": "10:00", "hours-closes_5": "14:00"})
    )
    assert response.status_code == 302, response.context and [
        f.errors for f in (response.context["profile"], response.context["hours"])
    ]
    centre.refresh_from_db()
    assert centre.short_name == "COP Kalisz"
    assert centre.services == [{"title": "Doradztwo prawne", "description": "Poniedziałki 11–17"}]
    assert {"weekday": 5, "opens": "10:00", "closes": "14:00"} in centre.opening_hours
    assert len(centre.opening_hours) == 6
    entry = AuditEntry.objects.get(action="centre.profile_updated")
    assert entry.new_state["short_name"] == "COP Kalisz"
    assert "name" not in entry.new_state  # unchanged fields are not logged


@pytest.mark.parametrize(
    "overrides, form, field",
    [
        ({"name": ""}, "profile", "name"),
        ({"postal_code": "62800"}, "profile", "postal_code"),
        ({"email": "nie-mail"}, "profile", "email"),
        ({"website": "javascript:alert(1)"}, "profile", "website"),
        ({"hours-opens_0": "16:00", "hours-closes_0": "08:00"}, "hours", "closes_0"),
        ({"hours-opens_1": "08:00", "hours-closes_1": ""}, "hours", "closes_1"),
        ({"hours-opens_2": "25:99"}, "hours", "opens_2"),
        ({"services-0-title": "", "services-0-description": "opis bez nazwy"}, "services", None),
    ],
)
def test_garbage_changes_nothing(staff_client, centre, overrides, form, field):
    before = Centre.objects.values().get(pk=centre.pk)
    response = staff_client.post("/panel/centrum/", _form(centre, **overrides))
    assert response.status_code == 200
    if field:
        assert response.context[form].errors[field]
    else:
        assert response.context[form].total_error_count()
    assert Centre.objects.values().get(pk=centre.pk) == before
    assert not AuditEntry.objects.exists()
    assert "Popraw zaznaczone pola formularza" in response.content.decode()


def test_broken_management_form_changes_nothing(staff_client, centre):
    data = _form(centre)
    del data["services-TOTAL_FORMS"]
    response = staff_client.post("/panel/centrum/", data)
    assert response.status_code == 200
    assert not AuditEntry.objects.exists()


def test_logo_upload_and_removal(staff_client, centre):
    data = _form(centre, **{"logo-logo": SimpleUploadedFile("logo.png", _png(), content_type="image/png")})
    assert staff_client.post("/panel/centrum/", data).status_code == 302
    centre.refresh_from_db()
    assert centre.logo.name.startswith("centres/logos/kalisz") and centre.logo.name.endswith(".png")
    assert (
        staff_client.post("/panel/centrum/", _form(centre, **{"logo-remove_logo": "on"})).status_code == 302
    )
    centre.refresh_from_db()
    assert not centre.logo


def test_logo_must_be_an_image(staff_client, centre):
    fake = SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>", content_type="image/png")
    response = staff_client.post("/panel/centrum/", _form(centre, **{"logo-logo": fake}))
    assert response.status_code == 200
    assert "graficzny" in response.context["logo"].errors["logo"][0]
    centre.refresh_from_db()
    assert not centre.logo


@override_settings(CENTRE_LOGO_MAX_BYTES=100)
def test_logo_size_limit(staff_client, centre):
    big = SimpleUploadedFile("logo.png", _png((200, 200)), content_type="image/png")
    response = staff_client.post("/panel/centrum/", _form(centre, **{"logo-logo": big}))
    assert response.status_code == 200
    assert "za duży" in response.context["logo"].errors["logo"][0]
    centre.refresh_from_db()
    assert not centre.logo


def test_profile_of_another_centre_is_untouched(client_for, centre, other_centre, staff_user):
    client = client_for(centre, staff_user)
    client.post("/panel/centrum/", _form(centre, short_name="Zmienione"))
    other_centre.refresh_from_db()
    assert other_centre.short_name != "Zmienione"


def test_uploaded_file_name_is_not_trusted(staff_client, centre):
    upload = SimpleUploadedFile("../../evil.html", _png(), content_type="text/html")
    assert staff_client.post("/panel/centrum/", _form(centre, **{"logo-logo": upload})).status_code == 302
    centre.refresh_from_db()
    assert centre.logo.name.endswith(".png") and "evil" not in centre.logo.name
