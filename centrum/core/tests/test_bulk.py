"""`bulk_insert`: many rows from plain values, COPY on PostgreSQL, `bulk_create` elsewhere."""

from datetime import timedelta

from django.utils import timezone

from centrum.core.bulk import bulk_insert
from centrum.core.models import AuditEntry
from centrum.organisations.models import District


def test_rows_get_their_ids_in_order_and_the_defaults_of_what_they_leave_out(centre):
    before = timezone.now()
    ids = bulk_insert(
        District, [{"centre_id": centre.pk, "name": f"Osiedle {i}"} for i in range(3)], with_ids=True
    )
    districts = {d.pk: d for d in District.objects.filter(centre=centre)}
    assert [districts[pk].name for pk in ids] == ["Osiedle 0", "Osiedle 1", "Osiedle 2"]
    # auto_now_add / auto_now columns get the time of the insert.
    after = timezone.now()
    for district in districts.values():
        assert before - timedelta(seconds=1) <= district.created_at <= district.updated_at <= after
    assert bulk_insert(District, []) == []


def test_json_values_and_nulls_are_stored_as_the_orm_stores_them(centre):
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.get_for_model(District)
    bulk_insert(
        AuditEntry,
        [
            {
                "centre_id": centre.pk,
                "content_type_id": content_type.pk,
                "object_id": "1",
                "object_repr": "Osiedle",
                "action": "district.created",
                "new_state": {"name": "Łąki „B”", "rows": [1, 2], "none": None},
            }
        ],
    )
    entry = AuditEntry.objects.get(object_repr="Osiedle")
    assert entry.new_state == {"name": "Łąki „B”", "rows": [1, 2], "none": None}
    assert entry.old_state is None and entry.reason == "" and entry.actor_id is None
    assert AuditEntry.objects.filter(old_state__isnull=True, object_repr="Osiedle").exists()
