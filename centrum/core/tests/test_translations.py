from django.utils import translation


def test_core_english_catalogue_is_used(client, centre):
    response = client.get("/panel/", HTTP_HOST="kalisz.localhost", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    with translation.override("en"):
        assert translation.gettext("Dziennik zmian") == "Audit log"
        assert translation.gettext("Nie ma takiego centrum") == "No such centre"


def test_english_pages_render(staff_client):
    staff_client.cookies["django_language"] = "en"
    body = staff_client.get("/panel/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Centre panel" in body and "Audit log" in body
