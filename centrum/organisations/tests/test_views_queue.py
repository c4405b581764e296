"""The staff verification queue: oldest first, duplicates shown, verify / reject with a reason."""

from datetime import timedelta

import pytest
from django.utils import timezone

from centrum.accounts.models import MembershipRole
from centrum.accounts.tests.factories import CentreRoleFactory, UserFactory
from centrum.core.models import OutboxMessage
from centrum.organisations.choices import OrganisationStatus
from centrum.organisations.models import Organisation
from centrum.organisations.tests.views_support import make_org

URL = "/organizacje/weryfikacja/"


def act(client, pk, action, **data):
    """The queue's forms post to the organisation's action URL and come back to the queue."""
    return client.post(f"/organizacje/{pk}/akcja/{action}/", {"next": URL, **data})


def pending(centre, name, *, days_ago=0, **kwargs):
    org = make_org(centre=centre, name=name, status=OrganisationStatus.PENDING, **kwargs)
    Organisation.objects.filter(pk=org.pk).update(created_at=timezone.now() - timedelta(days=days_ago))
    return org


def test_anonymous_goes_to_login(anon):
    response = anon.get(URL)
    assert response.status_code == 302 and "/konto/login/" in response["Location"]


@pytest.mark.parametrize("role", [None, "official", "adviser", "evaluator"])
def test_forbidden_roles(centre, client_for, role):
    user = UserFactory(email=f"queue-{role}@example.org")
    if role:
        CentreRoleFactory(centre=centre, user=user, role=role)
    client = client_for(centre, user)
    assert client.get(URL).status_code == 403
    org = pending(centre, "Nie Ruszać")
    assert act(client, org.pk, "verify").status_code == 403
    org.refresh_from_db()
    assert org.status == OrganisationStatus.PENDING


@pytest.mark.dates
def test_queue_lists_pending_oldest_first_with_duplicates(
    centre, other_centre, staff_client, plain_user, django_assert_max_num_queries
):
    active = make_org(centre=centre, name="Istniejąca Fundacja")
    pending(centre, "ISTNIEJACA fundacja", days_ago=1, submitted_by=plain_user, krs="", nip="", regon="")
    pending(centre, "Najstarsza", days_ago=5)
    pending(other_centre, "Z Innego Centrum", days_ago=9)
    make_org(centre=centre, name="Aktywna Bez Zgłoszenia")
    staff_client.get(URL)
    with django_assert_max_num_queries(10):
        response = staff_client.get(URL)
    assert response.status_code == 200
    items = response.context["items"]
    assert [item["organisation"].name for item in items] == ["Najstarsza", "ISTNIEJACA fundacja"]
    assert items[0]["duplicates"] == []
    assert [(d["reason"], d["organisation"]) for d in items[1]["duplicates"]] == [("taka sama nazwa", active)]
    body = response.content.decode()
    assert "Z Innego Centrum" not in body
    assert "Możliwe duplikaty" in body and "Istniejąca Fundacja" in body
    assert plain_user.email in body


def test_query_count_does_not_grow_with_the_queue(centre, staff_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for n in range(3):
        pending(centre, f"Zgłoszenie {n}")
    staff_client.get(URL)
    with CaptureQueriesContext(connection) as few:
        staff_client.get(URL)
    for n in range(3, 30):
        pending(centre, f"Zgłoszenie {n}", submitted_by=UserFactory(email=f"s{n}@example.org"))
    with CaptureQueriesContext(connection) as many:
        staff_client.get(URL)
    assert len(many) == len(few)


def test_verify_makes_submitter_admin(centre, staff_client, plain_user):
    org = pending(centre, "Do Zatwierdzenia", submitted_by=plain_user)
    response = act(staff_client, org.pk, "verify")
    assert response.status_code == 302 and response["Location"] == URL
    org.refresh_from_db()
    assert org.status == OrganisationStatus.ACTIVE and org.verified_at
    assert org.memberships.get(user=plain_user).role == MembershipRole.ADMIN
    assert "została zatwierdzona" in staff_client.get(URL).content.decode()


def test_reject_needs_a_reason(centre, staff_client, plain_user):
    org = pending(centre, "Do Odrzucenia", submitted_by=plain_user)
    response = act(staff_client, org.pk, "reject", reason="")
    assert response.status_code == 400
    body = response.content.decode()
    assert "Podaj uzasadnienie" in body and f'id="reason-reject-{org.pk}_error"' in body
    org.refresh_from_db()
    assert org.status == OrganisationStatus.PENDING

    response = act(staff_client, org.pk, "reject", reason="Brak wpisu w KRS")
    assert response.status_code == 302
    org.refresh_from_db()
    assert org.status == OrganisationStatus.REJECTED and org.status_reason == "Brak wpisu w KRS"
    mail = OutboxMessage.objects.get(event="status_changed_to_organisation")
    assert plain_user.email in mail.to and "Brak wpisu w KRS" in mail.body


def test_acting_on_an_organisation_that_left_the_queue(centre, staff_client):
    org = make_org(centre=centre, name="Już Aktywna")
    response = act(staff_client, org.pk, "verify")
    assert response.status_code == 400
    assert "Nie można wykonać tej czynności" in response.content.decode()


def test_unsafe_next_is_ignored(centre, staff_client):
    org = pending(centre, "Z Przekierowaniem")
    response = act(staff_client, org.pk, "verify", next="https://evil.example.com/")
    assert response["Location"] == f"/organizacje/{org.pk}/"


@pytest.mark.parametrize("value", ["abc", "999999"])
def test_garbage_or_foreign_organisation_id_is_404(centre, other_centre, staff_client, value):
    assert staff_client.post(f"/organizacje/{value}/akcja/verify/").status_code == 404
    assert staff_client.post(URL, {"organisation": "1", "action": "verify"}).status_code == 405
    foreign = pending(other_centre, "Cudza")
    assert act(staff_client, foreign.pk, "verify").status_code == 404
    foreign.refresh_from_db()
    assert foreign.status == OrganisationStatus.PENDING


def test_empty_queue(staff_client):
    assert "Nie ma zgłoszeń" in staff_client.get(URL).content.decode()


def test_duplicates_by_identifier(centre):
    from centrum.organisations.selectors import organisation_duplicates_for

    existing = make_org(centre=centre, name="Zarejestrowana", krs="0000206867", regon="302046830")
    # An unsaved registration with the same numbers (the unique constraints keep such rows out of the table).
    candidate = Organisation(pk=-1, centre=centre, name="Inna nazwa", krs="0000206867", regon="302046830")
    found = organisation_duplicates_for(centre=centre, organisations=[candidate])
    assert list(found) == [-1]
    assert found[-1].pairs == [("krs", existing), ("regon", existing)] and found[-1].total == 2
    assert organisation_duplicates_for(centre=centre, organisations=[]) == {}


def test_duplicates_fold_each_name_once(centre, monkeypatch):
    """A queue page against many look-alike candidates: names are folded once each, not once per pair."""
    from centrum.organisations.selectors import registry as selectors

    for i in range(12):
        make_org(centre=centre, name=f"Fundacja Łąka {i}", krs="", nip="", regon="")
    queued = [
        pending(centre, "Fundacja Łąka 1"),
        pending(centre, "FUNDACJA ŁĄKA 2"),
        pending(centre, "Fundacja Łąka 3"),
    ]
    calls = []
    real_words = selectors.search_words
    monkeypatch.setattr(selectors, "search_words", lambda text: calls.append(text) or real_words(text))
    found = selectors.organisation_duplicates_for(centre=centre, organisations=queued)
    names = {org.pk: sorted(other.name for _field, other in found[org.pk].pairs) for org in queued}
    assert names[queued[0].pk] == ["Fundacja Łąka 1"]
    assert names[queued[1].pk] == ["Fundacja Łąka 2"]
    candidates = 12 + len(queued)
    assert len(calls) <= len(queued) + candidates  # O(n + m), not n × m


def test_a_common_name_lists_a_few_duplicates_and_links_to_the_rest(client_for, centre, staff_user):
    for i in range(8):
        make_org(centre=centre, name="Fundacja Pomocy", krs="", nip="", regon="")
    pending(centre, "FUNDACJA POMOCY")
    body = client_for(centre, staff_user).get("/organizacje/weryfikacja/").content.decode()
    assert body.count('href="/organizacje/') - body.count('href="/organizacje/weryfikacja') >= 5
    assert "i jeszcze 3 o podobnej nazwie" in body
    assert "?q=FUNDACJA%20POMOCY" in body
