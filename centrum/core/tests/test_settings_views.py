import pytest

from centrum.core.centre_settings import REGISTRY, SettingDefinition, centre_setting, register
from centrum.core.exceptions import ApplicationError
from centrum.core.models import AuditEntry, CentreSetting
from centrum.core.services import centre_settings_update


def _post_data(**overrides):
    data = {}
    for key, definition in REGISTRY.items():
        if definition.kind is bool:
            if definition.default:
                data[key] = "on"
        else:
            data[key] = "" if definition.default is None else str(definition.default)
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_page_shows_fields_grouped(staff_client, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        response = staff_client.get("/panel/ustawienia/")
    body = response.content.decode()
    assert "Poczta e-mail" in body
    assert 'name="outbox_retention_days"' in body
    assert 'for="id_outbox_retention_days"' in body


def test_saving_stores_rows_and_audits_old_and_new(staff_client, centre):
    response = staff_client.post(
        "/panel/ustawienia/", _post_data(outbox_retention_days="30", outbox_sender_name="COP Kalisz")
    )
    assert response.status_code == 302
    assert centre_setting(centre, "outbox_retention_days") == 30
    assert centre_setting(centre, "outbox_sender_name") == "COP Kalisz"
    entry = AuditEntry.objects.get(action="centre.settings_updated")
    assert entry.old_state == {"outbox_retention_days": 180, "outbox_sender_name": ""}
    assert entry.new_state == {"outbox_retention_days": 30, "outbox_sender_name": "COP Kalisz"}
    assert entry.centre == centre


def test_unchanged_form_writes_nothing(staff_client):
    staff_client.post("/panel/ustawienia/", _post_data())
    assert not CentreSetting.objects.exists()
    assert not AuditEntry.objects.exists()


@pytest.mark.parametrize(
    "overrides",
    [
        {"outbox_retention_days": "3"},
        {"outbox_retention_days": "99999"},
        {"outbox_retention_days": "dużo"},
        {"outbox_retention_days": ""},
        {"outbox_reply_to": "to nie jest adres"},
        {"outbox_sender_name": "x" * 101},
    ],
)
def test_garbage_changes_nothing_and_says_why(staff_client, overrides):
    response = staff_client.post("/panel/ustawienia/", _post_data(**overrides))
    assert response.status_code == 200
    key = next(iter(overrides))
    assert response.context["form"].errors[key]
    body = response.content.decode()
    assert f'id="id_{key}_error"' in body
    assert "aria-invalid" in body
    assert not CentreSetting.objects.exists()


def test_min_max_message_is_clear(staff_client):
    response = staff_client.post("/panel/ustawienia/", _post_data(outbox_retention_days="3"))
    assert "7" in response.context["form"].errors["outbox_retention_days"][0]


def test_service_refuses_unknown_keys_bad_values_and_non_staff(centre, staff_user, official_user):
    with pytest.raises(ApplicationError):
        centre_settings_update(centre=centre, values={"nope": 1}, actor=staff_user)
    with pytest.raises(ApplicationError) as error:
        centre_settings_update(centre=centre, values={"outbox_retention_days": 1}, actor=staff_user)
    assert error.value.field == "outbox_retention_days"
    with pytest.raises(ApplicationError):
        centre_settings_update(centre=centre, values={"outbox_retention_days": 30}, actor=official_user)
    assert not CentreSetting.objects.exists()


def test_settings_of_another_app_appear_and_validate(staff_client, centre):
    definition = register(
        SettingDefinition(
            key="test_core_limit",
            label="Limit testowy",
            kind=int,
            default=5,
            min_value=1,
            max_value=9,
            group="Testy",
        )
    )
    try:
        assert "Limit testowy" in staff_client.get("/panel/ustawienia/").content.decode()
        response = staff_client.post("/panel/ustawienia/", _post_data(test_core_limit="10"))
        assert response.status_code == 200
        response = staff_client.post("/panel/ustawienia/", _post_data(test_core_limit="7"))
        assert response.status_code == 302
        assert centre_setting(centre, definition.key) == 7
    finally:
        REGISTRY.pop(definition.key)
