"""Walk-in use of office equipment: recording, the monthly quota (warn or refuse, override with a reason),
the staff page with its filters, summary and CSV, the organisation's support history, tenancy."""

from datetime import timedelta

import pytest
from django.urls import reverse

from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.core.models import AuditEntry, CentreSetting
from centrum.spaces.choices import EquipmentKind
from centrum.spaces.models import EquipmentUse
from centrum.spaces.services import equipment_use_record, equipment_use_remove

from .conftest import make_organisation
from .factories import EquipmentFactory

pytestmark = [pytest.mark.django_db, pytest.mark.dates]


@pytest.fixture
def copier(centre):
    return EquipmentFactory(
        centre=centre, name="Kopiarka", kind=EquipmentKind.COPIER, may_leave_building=False
    )


@pytest.fixture
def computer(centre):
    return EquipmentFactory(centre=centre, name="Komputer", kind=EquipmentKind.COMPUTER, quantity=2)


@pytest.fixture
def other_copier(other_centre):
    return EquipmentFactory(centre=other_centre, name="Ksero", kind=EquipmentKind.COPIER)


def _record(centre, actor, item, amount, organisation=None, **extra):
    return equipment_use_record(
        centre=centre,
        actor=actor,
        item=item,
        person_name="Jan Kowalski",
        organisation=organisation,
        used_on=extra.pop("used_on", warsaw_today()),
        amount=amount,
        **extra,
    )


def test_staff_record_a_use_with_an_audit_record(centre, staff_user, copier, organisation):
    result = _record(centre, staff_user, copier, 25, organisation, note="Ulotki na festyn")
    use = result.use
    assert (use.amount, use.organisation, use.item.walk_in_unit) == (25, organisation, "pages")
    assert result.warning == ""
    entry = AuditEntry.objects.get(action="equipment_use.recorded")
    assert entry.new_state["amount"] == 25


def test_only_staff_record_uses(centre, org_admin, copier, organisation):
    with pytest.raises(ApplicationError):
        _record(centre, org_admin, copier, 5, organisation)
    assert not EquipmentUse.objects.exists()


@pytest.mark.parametrize(("amount", "field"), [(0, "amount"), (10_001, "amount")])
def test_bad_amounts_are_refused(centre, staff_user, copier, amount, field):
    with pytest.raises(ApplicationError) as exc:
        _record(centre, staff_user, copier, amount)
    assert exc.value.field == field


def test_a_future_day_and_equipment_not_for_walk_in_use_are_refused(centre, staff_user, copier, projector):
    with pytest.raises(ApplicationError) as exc:
        _record(centre, staff_user, copier, 1, used_on=warsaw_today() + timedelta(days=1))
    assert exc.value.field == "used_on"
    with pytest.raises(ApplicationError) as exc:
        _record(centre, staff_user, projector, 1)
    assert exc.value.field == "item"


def test_another_centres_item_or_organisation_is_refused(
    centre, other_centre, staff_user, copier, other_copier
):
    with pytest.raises(ApplicationError):
        _record(centre, staff_user, other_copier, 1)
    stranger = make_organisation(other_centre, "Żorskie Stowarzyszenie")
    with pytest.raises(ApplicationError) as exc:
        _record(centre, staff_user, copier, 1, stranger)
    assert exc.value.field == "organisation"
    assert not EquipmentUse.objects.exists()


def test_kind_quota_warns_by_default_and_counts_the_month(centre, staff_user, copier, organisation):
    CentreSetting.objects.create(centre=centre, key="spaces.walk_in_quota_copier", value=100)
    first_of_month = warsaw_today().replace(day=1)
    if first_of_month != warsaw_today():
        _record(centre, staff_user, copier, 60, organisation, used_on=first_of_month)
    else:
        _record(centre, staff_user, copier, 60, organisation)
    # Last month's pages do not count.
    _record(centre, staff_user, copier, 99, organisation, used_on=first_of_month - timedelta(days=1))
    assert _record(centre, staff_user, copier, 40, organisation).warning == ""
    result = _record(centre, staff_user, copier, 1, organisation)
    assert "limitu" in result.warning
    assert AuditEntry.objects.filter(action="equipment_use.over_quota").count() == 1
    # Without an organisation there is no quota.
    assert _record(centre, staff_user, copier, 900).warning == ""


def test_refused_over_quota_unless_a_reason_is_given(centre, staff_user, computer, organisation):
    CentreSetting.objects.create(centre=centre, key="spaces.walk_in_over_quota", value="refuse")
    computer.monthly_quota = 60
    computer.save()
    _record(centre, staff_user, computer, 50, organisation)
    with pytest.raises(ApplicationError) as exc:
        _record(centre, staff_user, computer, 20, organisation)
    assert exc.value.field == "over_quota_reason"
    assert "50 min" in exc.value.message and "60 min" in exc.value.message
    result = _record(
        centre, staff_user, computer, 20, organisation, over_quota_reason="Pilny wniosek o grant"
    )
    assert result.use.over_quota_reason == "Pilny wniosek o grant"
    entry = AuditEntry.objects.get(action="equipment_use.over_quota")
    assert entry.reason == "Pilny wniosek o grant"
    assert entry.new_state["quota"] == 60


def test_an_items_own_quota_is_separate_from_its_kinds(centre, staff_user, copier, organisation):
    second = EquipmentFactory(centre=centre, name="Kopiarka kolorowa", kind=EquipmentKind.COPIER)
    second.monthly_quota = 10
    second.save()
    CentreSetting.objects.create(centre=centre, key="spaces.walk_in_quota_copier", value=100)
    _record(centre, staff_user, second, 10, organisation)
    assert _record(centre, staff_user, copier, 100, organisation).warning == ""
    assert _record(centre, staff_user, second, 1, organisation).warning


def test_staff_page_records_lists_filters_and_sums(
    client_for, centre, staff_user, copier, computer, organisation
):
    client = client_for(centre, staff_user)
    url = reverse("spaces:equipment_uses")
    response = client.post(
        url,
        {
            "item": copier.pk,
            "person_name": "Anna Nowak",
            "organisation": organisation.pk,
            "used_on": warsaw_today().isoformat(),
            "amount": "30",
        },
    )
    assert response.status_code == 302
    _record(centre, staff_user, computer, 45)
    page = client.get(url).content.decode()
    assert "Anna Nowak" in page and "Jan Kowalski" in page
    assert "bez organizacji" in page
    filtered = client.get(url, {"organisation": organisation.pk}).content.decode()
    assert "Anna Nowak" in filtered and "Jan Kowalski" not in filtered
    last_month = (warsaw_today().replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    assert "Anna Nowak" not in client.get(url, {"month": last_month}).content.decode()


def test_staff_page_shows_the_refusal_at_the_reason_field(
    client_for, centre, staff_user, copier, organisation
):
    CentreSetting.objects.create(centre=centre, key="spaces.walk_in_over_quota", value="refuse")
    CentreSetting.objects.create(centre=centre, key="spaces.walk_in_quota_copier", value=10)
    data = {
        "item": copier.pk,
        "person_name": "Anna Nowak",
        "organisation": organisation.pk,
        "used_on": warsaw_today().isoformat(),
        "amount": "11",
    }
    response = client_for(centre, staff_user).post(reverse("spaces:equipment_uses"), data)
    assert response.status_code == 200
    assert "podaj powód" in response.content.decode()
    assert not EquipmentUse.objects.exists()
    data["over_quota_reason"] = "Zgoda kierownika"
    assert client_for(centre, staff_user).post(reverse("spaces:equipment_uses"), data).status_code == 302
    assert EquipmentUse.objects.get().over_quota_reason == "Zgoda kierownika"


@pytest.mark.parametrize(
    "query",
    [
        {"month": "9999-12"},
        {"month": "nie-miesiac"},
        {"organisation": "999999999999999999999"},
        {"item": "abc"},
    ],
)
def test_bad_filters_never_give_a_500(client_for, centre, staff_user, query):
    client = client_for(centre, staff_user)
    assert client.get(reverse("spaces:equipment_uses"), query).status_code == 200
    assert client.get(reverse("spaces:equipment_uses_csv"), query).status_code == 200


def test_filters_with_another_centres_ids_show_nothing_of_it(
    client_for, centre, other_centre, staff_user, other_copier
):
    stranger = make_organisation(other_centre, "Żorskie Stowarzyszenie")
    EquipmentUse.objects.create(
        centre=other_centre, item=other_copier, person_name="Obca Osoba", used_on=warsaw_today(), amount=3
    )
    client = client_for(centre, staff_user)
    for query in ({"organisation": stranger.pk}, {"item": other_copier.pk}, {}):
        assert "Obca Osoba" not in client.get(reverse("spaces:equipment_uses"), query).content.decode()
        csv = b"".join(client.get(reverse("spaces:equipment_uses_csv"), query).streaming_content)
        assert "Obca Osoba" not in csv.decode("utf-8-sig")


def test_csv_export_of_the_month(client_for, centre, staff_user, copier, organisation):
    _record(centre, staff_user, copier, 7, organisation, note="=SUM(A1)")
    response = client_for(centre, staff_user).get(reverse("spaces:equipment_uses_csv"))
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    header, row = text.splitlines()[:2]
    assert header.startswith("Dzień;Sprzęt")
    assert "Kopiarka;kopiarka;7;strony;Jan Kowalski;Stowarzyszenie Kaliskie Inicjatywy;'=SUM(A1)" in row


@pytest.mark.parametrize("name", ["spaces:equipment_uses", "spaces:equipment_uses_csv"])
def test_pages_are_for_staff_only(client_for, anon, centre, org_admin, name):
    assert anon.get(reverse(name)).status_code == 302
    assert client_for(centre, org_admin).get(reverse(name)).status_code == 403


def test_remove_a_mistaken_use(client_for, centre, staff_user, copier):
    use = _record(centre, staff_user, copier, 3).use
    response = client_for(centre, staff_user).post(
        reverse("spaces:equipment_use_remove", args=[use.pk]), {"reason": "Pomyłka"}
    )
    assert response.status_code == 302
    assert not EquipmentUse.objects.exists()
    assert AuditEntry.objects.get(action="equipment_use.removed").reason == "Pomyłka"


def test_remove_is_refused_to_non_staff_and_404_for_another_centre(
    client_for, centre, other_centre, staff_user, org_admin, copier, other_copier
):
    use = _record(centre, staff_user, copier, 3).use
    assert (
        client_for(centre, org_admin).post(reverse("spaces:equipment_use_remove", args=[use.pk])).status_code
        == 403
    )
    foreign = EquipmentUse.objects.create(
        centre=other_centre, item=other_copier, person_name="Obca Osoba", used_on=warsaw_today(), amount=3
    )
    for user in (staff_user, org_admin, None):
        response = client_for(centre, user).post(reverse("spaces:equipment_use_remove", args=[foreign.pk]))
        assert response.status_code in ((302,) if user is None else (404,))
    assert EquipmentUse.objects.count() == 2
    with pytest.raises(ApplicationError):
        equipment_use_remove(use=use, actor=org_admin)


def test_uses_show_in_the_organisations_support_history(
    client_for, centre, staff_user, org_admin, copier, organisation
):
    _record(centre, staff_user, copier, 17, organisation)
    url = reverse("organisations:detail", args=[organisation.pk])
    page = client_for(centre, staff_user).get(url).content.decode()
    assert "historia wsparcia" in page and "Kopiarka: 17" in page
    assert "historia wsparcia" not in client_for(centre, org_admin).get(url).content.decode()


@pytest.mark.parametrize("n", [1, 12])
def test_staff_page_query_count_is_flat(
    client_for, centre, staff_user, copier, computer, django_assert_num_queries, n
):
    organisations = [make_organisation(centre, f"Organizacja {i}") for i in range(n)]
    for i, organisation in enumerate(organisations):
        _record(centre, staff_user, copier if i % 2 else computer, i + 1, organisation)
    client = client_for(centre, staff_user)
    url = reverse("spaces:equipment_uses")
    client.get(url)
    with django_assert_num_queries(10):
        assert client.get(url).status_code == 200
