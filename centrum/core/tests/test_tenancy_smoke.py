def test_centre_home_served_on_its_host(anon, centre):
    response = anon.get("/")
    assert response.status_code == 200
    assert centre.name in response.content.decode()


def test_unknown_host_is_a_clear_404(client, db):
    response = client.get("/", HTTP_HOST="nieznane.localhost")
    assert response.status_code == 404
    assert "Nie ma takiego centrum" in response.content.decode()


def test_platform_host_lists_centres(client, centre, other_centre):
    response = client.get("/", HTTP_HOST="127.0.0.1")
    assert response.status_code == 200
    body = response.content.decode()
    assert centre.name in body and other_centre.name in body
