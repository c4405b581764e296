import pytest
from django.test import Client, override_settings

from centrum.core.models import Centre, CentreHost


def test_centre_host_selects_the_centre(anon, centre):
    response = anon.get("/")
    assert response.wsgi_request.centre == centre


def test_host_with_port_and_upper_case(client, centre):
    response = client.get("/", HTTP_HOST="KALISZ.localhost:8000")
    assert response.status_code == 200
    assert response.wsgi_request.centre == centre


def test_unknown_host_is_a_clear_404_without_centre_links(client, db):
    response = client.get("/organizacje/", HTTP_HOST="nieznane.localhost")
    assert response.status_code == 404
    body = response.content.decode()
    assert "Nie ma takiego centrum" in body and "nieznane.localhost" in body


def test_inactive_centre_is_not_served(client, centre):
    Centre.objects.filter(pk=centre.pk).update(is_active=False)
    response = client.get("/", HTTP_HOST="kalisz.localhost")
    assert response.status_code == 404
    assert "Nie ma takiego centrum" in response.content.decode()


def test_platform_hosts_have_no_centre(client, centre):
    for host in ["127.0.0.1", "localhost"]:
        response = client.get("/", HTTP_HOST=host)
        assert response.status_code == 200
        assert response.wsgi_request.centre is None
        assert centre.name in response.content.decode()


@override_settings(PLATFORM_HOSTS=["platforma.example.org"])
def test_platform_hosts_come_from_settings(client, centre):
    assert client.get("/", HTTP_HOST="platforma.example.org").wsgi_request.centre is None
    assert client.get("/", HTTP_HOST="localhost").status_code == 404


def test_centre_urls_do_not_exist_on_the_platform_host(client, db):
    assert client.get("/panel/", HTTP_HOST="127.0.0.1").status_code == 404
    assert Client(HTTP_HOST="127.0.0.1").get("/dostepnosc/").status_code == 404


def test_a_second_host_serves_the_same_centre(client, centre):
    CentreHost.objects.create(centre=centre, host="cop.kalisz.example.org")
    assert client.get("/", HTTP_HOST="cop.kalisz.example.org").wsgi_request.centre == centre


def test_host_lookup_is_cheap(client, centre, django_assert_max_num_queries):
    client.get("/dostepnosc/", HTTP_HOST="kalisz.localhost")
    with django_assert_max_num_queries(2):
        client.get("/dostepnosc/", HTTP_HOST="kalisz.localhost")


@pytest.mark.parametrize("path", ["/api/v1/organisations", "/api/v1/nie-ma-takiej-sciezki/", "/api"])
def test_unknown_host_answers_api_paths_with_json(client, db, path):
    response = client.get(path, HTTP_HOST="nieznane.localhost", HTTP_ACCEPT_LANGUAGE="pl")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Nie ma takiego centrum"}
    assert "Accept-Language" in response["Vary"]


def test_unknown_host_api_error_follows_accept_language(client, db):
    response = client.post(
        "/api/v1/organisations", {}, HTTP_HOST="nieznane.localhost", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 404
    assert response.json() == {"detail": "No such centre"}
    assert response["Content-Language"] == "en"
    # The language of a request does not stick to the next one.
    response = client.get("/api/v1/organisations", HTTP_HOST="nieznane.localhost", HTTP_ACCEPT_LANGUAGE="pl")
    assert response.json() == {"detail": "Nie ma takiego centrum"}


def test_unknown_host_pages_outside_the_api_stay_html(client, db):
    response = client.get("/apiary/", HTTP_HOST="nieznane.localhost")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
