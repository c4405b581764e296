import pytest

from centrum.core.exceptions import ApplicationError
from centrum.core.models import AuditEntry, OutboxMessage
from centrum.organisations.choices import LegalForm, OrganisationStatus, RegistryKind
from centrum.organisations.models import Organisation
from centrum.organisations.services import organisation_create, organisation_transition


def _data(**extra):
    return {
        "name": "Fundacja Łódzka Żyrafa",
        "legal_form": LegalForm.FOUNDATION,
        "registry_kind": RegistryKind.KRS_S,
        "krs": "206867",
        "nip": "5261040828",
        "regon": "30204683000000",
        "city": "Łódź",
        **extra,
    }


def test_register_verify_makes_submitter_admin(centre, plain_user, staff_user):
    org = organisation_create(centre=centre, actor=plain_user, data=_data())
    assert org.status == OrganisationStatus.PENDING
    assert org.krs == "0000206867" and org.regon == "302046830"
    assert "lodzka zyrafa" in org.search_text
    organisation_transition(organisation=org, action="verify", actor=staff_user)
    org.refresh_from_db()
    assert org.status == OrganisationStatus.ACTIVE
    assert org.memberships.get(user=plain_user).role == "admin"
    assert AuditEntry.objects.filter(object_id=str(org.pk), action="organisation.verify").exists()
    assert sum(plain_user.email in m.to for m in OutboxMessage.objects.all()) >= 2


def test_duplicate_nip_refused_and_nothing_stored(centre, plain_user):
    organisation_create(centre=centre, actor=plain_user, data=_data())
    with pytest.raises(ApplicationError, match="NIP|KRS"):
        organisation_create(centre=centre, actor=plain_user, data=_data(name="Inna"))
    assert Organisation.objects.count() == 1


def test_member_cannot_verify(centre, plain_user):
    org = organisation_create(centre=centre, actor=plain_user, data=_data())
    with pytest.raises(ApplicationError):
        organisation_transition(organisation=org, action="verify", actor=plain_user)


def test_history_names_changed_areas_not_their_codes(centre, staff_user):
    from centrum.core.audit_display import audit_rows
    from centrum.organisations.models import ActivityArea
    from centrum.organisations.services import organisation_update

    org = organisation_create(centre=centre, actor=staff_user, data=_data())
    sport = ActivityArea.objects.get(code="17")
    organisation_update(organisation=org, actor=staff_user, data={}, areas=[sport])
    entry = AuditEntry.objects.filter(action="organisation.updated").latest("pk")
    ((_, rows),) = audit_rows([entry])
    (label, before, after) = next(row for row in rows if row[2] != "—")
    assert after == str(sport) and not after.isdigit()
