"""Writes to the organisation registry. Every change is validated, audited and mailed via the outbox."""

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from centrum.accounts.selectors import centre_staff_emails
from centrum.core.audit import audit_log, audit_log_rows, changes, snapshot, snapshot_values
from centrum.core.bulk import bulk_insert
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.models import Centre
from centrum.core.outbox import outbox_enqueue
from centrum.core.permissions import is_centre_staff
from centrum.core.versions import bump_data_version
from centrum.core.workflow import workflow_apply

from ..choices import KRS_REGISTRY_KINDS, PUBLIC_STATUSES, OrganisationStatus
from ..identifiers import (
    clean_iban,
    clean_krs,
    clean_nip,
    clean_regon,
    validate_iban,
    validate_krs,
    validate_nip,
    validate_regon,
)
from ..models import ActivityArea, Organisation, postal_code_validator
from ..permissions import can_edit_organisation, can_register_organisation
from ..rules import check_registered_on, clean_phone, clean_postal_code, registry_errors
from ..search import SEARCHED_FIELDS, search_fields

EDITABLE_FIELDS = [
    "name",
    "short_name",
    "legal_form",
    "registry_kind",
    "registry_number",
    "krs",
    "nip",
    "regon",
    "bank_account",
    "is_opp",
    "description",
    "street",
    "postal_code",
    "city",
    "correspondence_address",
    "district",
    "website",
    "email",
    "phone",
    "logo",
    "registered_on",
]
AUDITED_FIELDS = [f for f in EDITABLE_FIELDS if f != "logo"] + ["status"]
_CLEANERS = {"krs": clean_krs, "nip": clean_nip, "regon": clean_regon, "bank_account": clean_iban}
_IDENTIFIER_LABELS = {"krs": "KRS", "nip": "NIP", "regon": "REGON"}
_FIELD_RULES = {"phone": clean_phone, "postal_code": clean_postal_code, "registered_on": check_registered_on}
_LINKS = ["centre", "district", "submitted_by", "verified_by"]
_REGISTRY_FIELDS = {"registry_kind", "registry_number", "krs", "is_opp"}


def normalise_identifiers(data: dict[str, Any]) -> dict[str, Any]:
    """Identifiers in canonical form (KRS padded, REGON-14 of KRS shortened); bad ones raise ApplicationError."""
    result = dict(data)
    for field, cleaner in _CLEANERS.items():
        if field in result:
            try:
                result[field] = cleaner(result[field] or "")
            except ValidationError as exc:
                raise ApplicationError(" ".join(exc.messages), field=field)
    if result.get("registry_kind") in KRS_REGISTRY_KINDS:
        if result.get("krs"):
            result["registry_number"] = result["krs"]
        elif result.get("registry_number"):
            try:
                result["krs"] = result["registry_number"] = clean_krs(result["registry_number"])
            except ValidationError as exc:
                raise ApplicationError(" ".join(exc.messages), field="registry_number")
    return result


def organisation_find_duplicates(
    *, centre: Centre, krs: str = "", nip: str = "", regon: str = "", exclude_pk: int | None = None
) -> list[tuple[str, Organisation]]:
    """Organisations of `centre` that share KRS, NIP or REGON: [(field, organisation)]."""
    wanted = {"krs": krs, "nip": nip, "regon": regon}
    condition = Q()
    for field, value in wanted.items():
        if value:
            condition |= Q(**{field: value})
    if not condition:
        return []
    found = Organisation.objects.filter(condition, centre=centre)
    if exclude_pk:
        found = found.exclude(pk=exclude_pk)
    return [
        (field, org)
        for org in found.only("id", "name", "krs", "nip", "regon", "status")
        for field, value in wanted.items()
        if value and getattr(org, field) == value
    ]


def _raise_if_duplicate(
    *, centre: Centre, data: dict[str, Any], actor=None, exclude_pk: int | None = None
) -> None:
    duplicates = organisation_find_duplicates(
        centre=centre,
        krs=data.get("krs", ""),
        nip=data.get("nip", ""),
        regon=data.get("regon", ""),
        exclude_pk=exclude_pk,
    )
    if not duplicates:
        return
    field, org = duplicates[0]
    label = _IDENTIFIER_LABELS[field]
    if org.status not in PUBLIC_STATUSES and not is_centre_staff(actor, centre):
        # An organisation not in the public directory is named only to staff: anyone signed in may try numbers.
        if org.status == OrganisationStatus.PENDING:
            message = _(
                "Organizacja o tym numerze %(label)s jest już zgłoszona w centrum i czeka na weryfikację."
            )
        else:
            message = _(
                "Organizacja o tym numerze %(label)s jest już w rejestrze centrum. "
                "Skontaktuj się z pracownikami centrum."
            )
        raise ApplicationError(message % {"label": label}, field=field)
    raise ApplicationError(
        _("Organizacja o tym numerze %(label)s jest już w rejestrze centrum: „%(name)s”.")
        % {"label": label, "name": org.name},
        field=field,
        extra={"duplicate_id": org.pk},
    )


def organisation_prepare_search(org: Organisation) -> Organisation:
    """Fill the columns search and order read (`search.py`); every path that writes an organisation calls
    this before saving, bulk paths (demo data, benchmark data) included."""
    values = search_fields(**{field: getattr(org, field) for field in SEARCHED_FIELDS})
    for field, value in values.items():
        setattr(org, field, value)
    return org


def _apply_rules(org: Organisation, fields) -> None:
    """The registry's rules (`rules.py`) on the fields being set; the first broken one is raised."""
    values = {field: getattr(org, field) for field in (*_FIELD_RULES, *_REGISTRY_FIELDS, "registry_kind")}
    _check_rules(values, fields)
    for field in _FIELD_RULES:
        if field in fields:
            setattr(org, field, values[field])


def _check_rules(values: dict[str, Any], fields) -> None:
    """`_apply_rules` on plain values (a bulk import): the normalised values replace the given ones."""
    for field, rule in _FIELD_RULES.items():
        if field in fields:
            try:
                values[field] = rule(values[field])
            except ValidationError as exc:
                raise ApplicationError(" ".join(exc.messages), field=field)
    if _REGISTRY_FIELDS & set(fields):
        errors = registry_errors(
            registry_kind=values["registry_kind"], krs=values["krs"], is_opp=values["is_opp"]
        )
        for field, message in errors.items():
            raise ApplicationError(str(message), field=field)


def _save(org: Organisation) -> None:
    organisation_prepare_search(org)
    full_clean_or_raise(org, validate_constraints=False, validate_unique=False)
    try:
        with transaction.atomic():
            org.save()
    except IntegrityError:
        # Two requests registering the same identifiers at once: the unique constraints decide.
        raise ApplicationError(
            _("Organizacja o tym numerze KRS, NIP lub REGON jest już w rejestrze centrum.")
        )


@transaction.atomic
def organisation_create(
    *,
    centre: Centre,
    actor,
    data: dict[str, Any],
    areas: list[ActivityArea] | None = None,
    status: str = OrganisationStatus.PENDING,
    notify: bool = True,
    reason: str = "",
) -> Organisation:
    """Register an organisation. A person's registration waits for staff; staff and imports may create active ones."""

    if status != OrganisationStatus.PENDING and actor is not None and not is_centre_staff(actor, centre):
        raise ApplicationError(_("Tylko pracownik centrum może dodać organizację bez weryfikacji."))
    if actor is not None and not can_register_organisation(actor, centre):
        raise ApplicationError(_("Zaloguj się, aby zgłosić organizację."))
    data = normalise_identifiers({k: v for k, v in data.items() if k in EDITABLE_FIELDS})
    _raise_if_duplicate(centre=centre, data=data, actor=actor)
    org = Organisation(centre=centre, status=status, status_changed_at=timezone.now(), **data)
    _apply_rules(org, data)
    if actor is not None and getattr(actor, "is_authenticated", False):
        org.submitted_by = actor
    if status == OrganisationStatus.PENDING and org.krs:
        # The person read the extract while registering (kept in the cache): staff see its liquidation too.
        from .krs import krs_register_status_cached  # krs.py builds on this module

        org.krs_register_status = krs_register_status_cached(org.krs)
    if status == OrganisationStatus.ACTIVE:
        org.verified_at = timezone.now()
        org.verified_by = actor if getattr(actor, "is_authenticated", False) else None
    _save(org)
    if areas is not None:
        org.areas.set(areas)
    audit_log(
        actor=actor,
        obj=org,
        action="organisation.created",
        old=None,
        new=snapshot(org, AUDITED_FIELDS),
        reason=reason,
    )
    if notify and status == OrganisationStatus.PENDING:
        _notify_registration_received(org)
    return org


@dataclass
class NewOrganisation:
    """One organisation for `organisations_create_many`; `key` names it in an error (an import's row)."""

    data: dict[str, Any]
    areas: list[ActivityArea] = dataclass_field(default_factory=list)
    reason: str = ""
    key: Any = None


@transaction.atomic
def organisations_create_many(
    *,
    centre: Centre,
    actor,
    entries: list[NewOrganisation],
    status: str = OrganisationStatus.ACTIVE,
    registry_checked: bool = False,
    bump_version: bool = True,
) -> list[int]:
    """Many organisations at once, by staff (an import): the rules, checks and audit of `organisation_create`
    for each, with one query per kind of work for all of them; the new ids in the order of `entries`. The
    first broken rule raises ApplicationError with `extra["key"]` of its entry, and nothing is stored.

    Rows are plain values, not model instances: every field is checked as `full_clean()` checks it
    (`_check_values`), identifiers, phone and postal code once by the rules that normalise them.
    `registry_checked`: the caller has looked the identifiers up in the registry before its first call
    (`organisations_raise_if_registered`), so chunks of one import do not query the rows they just added.
    `bump_version=False`: the caller bumps the centre's data version once for all its calls (each bump is a
    new version of the centre's row in the transaction, which every later foreign-key check walks)."""
    if actor is None or not is_centre_staff(actor, centre):
        raise ApplicationError(_("Tylko pracownik centrum może dodać organizację bez weryfikacji."))
    now = timezone.now()
    defaults = {
        **_NEW_DEFAULTS,
        "centre_id": centre.pk,
        "status": status,
        "status_changed_at": now,
        "submitted_by_id": actor.pk,
    }
    if status == OrganisationStatus.ACTIVE:
        defaults.update(verified_at=now, verified_by_id=actor.pk)
    rows = []
    for entry in entries:
        try:
            data = normalise_identifiers({k: v for k, v in entry.data.items() if k in EDITABLE_FIELDS})
            values = {**defaults, **data}
            _check_rules(values, data)
            values.update(search_fields(**{field: values[field] for field in SEARCHED_FIELDS}))
            _check_values(values)
            district = values.pop("district", None)
            if district is not None and district.centre_id != centre.pk:
                # What CentreScopedModel.clean() refuses: a link into another centre.
                raise ApplicationError(
                    _("Wybrana pozycja należy do innego centrum – wybierz pozycję z listy tego centrum."),
                    field="district",
                )
            values["district_id"] = district.pk if district is not None else None
        except ApplicationError as exc:
            exc.extra = {**exc.extra, "key": entry.key}
            raise
        rows.append(values)
    if not registry_checked:
        _raise_if_any_duplicate(centre=centre, organisations=rows, entries=entries)
    audited = [snapshot_values({**row, "district": row["district_id"]}, AUDITED_FIELDS) for row in rows]
    try:
        with transaction.atomic():
            ids = bulk_insert(Organisation, rows, with_ids=True)
    except IntegrityError:
        # Registered meanwhile by someone else: the unique constraints decide.
        raise ApplicationError(
            _("Organizacja o tym numerze KRS, NIP lub REGON jest już w rejestrze centrum."),
            extra={"key": entries[0].key},
        )
    if bump_version:
        bump_data_version(centre.pk)  # a bulk insert sends no signal: the cached directory must still change
    bulk_insert(
        Organisation.areas.through,
        (
            {"organisation_id": pk, "activityarea_id": area_pk}
            for pk, entry in zip(ids, entries, strict=True)
            for area_pk in {a.pk: a for a in entry.areas}
        ),
    )
    audit_log_rows(
        actor=actor,
        centre=centre,
        action="organisation.created",
        model=Organisation,
        entries=[
            (pk, row["name"], None, new, entry.reason)
            for pk, row, new, entry in zip(ids, rows, audited, entries, strict=True)
        ],
    )
    return ids


# Every column of a new organisation that neither the caller nor `organisations_create_many` sets.
_NEW_DEFAULTS = {
    field.attname: field.get_default()
    for field in Organisation._meta.concrete_fields
    if not field.primary_key
    and not getattr(field, "auto_now", False)
    and not getattr(field, "auto_now_add", False)
}
_NEW_DEFAULTS["district"] = _NEW_DEFAULTS.pop("district_id")
# The validators `full_clean()` would run that the rules applied just before imply (`_check_rules`,
# `normalise_identifiers`): their outputs always pass them, so they are not run a second time.
_IMPLIED_VALIDATORS = {
    "krs": validate_krs,
    "nip": validate_nip,
    "regon": validate_regon,
    "bank_account": validate_iban,
    "postal_code": postal_code_validator,
}


def _surely_valid(field, validators):
    """A quick test that a value passes the field's checks, for the commonest fields (text of a length,
    one of the choices, a boolean), or None; a value it does not pass gets the full check and its message."""
    if isinstance(field, models.BooleanField):
        return lambda value: value is True or value is False
    if type(field) is not models.CharField or any(not isinstance(v, MaxLengthValidator) for v in validators):
        return None
    if field.choices:
        allowed = {value for value, _label in field.flatchoices}
        return lambda value: type(value) is str and value in allowed and len(value) <= field.max_length
    limit = field.max_length
    return lambda value: type(value) is str and 0 < len(value) <= limit


_FIELD_CHECKS = [
    (field, validators, _surely_valid(field, validators))
    for field in Organisation._meta.concrete_fields
    # The links are checked by the caller; timestamps are set by the insert (None, blank, before it).
    if not field.primary_key and field.name not in _LINKS and field.attname in _NEW_DEFAULTS
    for validators in [[v for v in field.validators if v is not _IMPLIED_VALIDATORS.get(field.name)]]
]


def _check_values(values: dict[str, Any]) -> None:
    """`full_clean(exclude=links)` on plain values: each field's conversion, choices, blank and null rules and
    validators, in field order; the first broken field raises ApplicationError as `full_clean_or_raise`."""
    for field, validators, surely_valid in _FIELD_CHECKS:
        value = values[field.attname]
        if field.blank and value in field.empty_values:
            continue
        if surely_valid is not None and surely_valid(value):
            continue
        try:
            value = field.to_python(value)
            field.validate(value, None)
            messages = []
            for validator in validators if value not in field.empty_values else ():
                try:
                    validator(value)
                except ValidationError as exc:
                    if hasattr(exc, "code") and exc.code in field.error_messages:
                        exc.message = field.error_messages[exc.code]
                    messages.extend(exc.messages)
            if messages:
                raise ValidationError(messages)
        except ValidationError as exc:
            raise ApplicationError(" ".join(exc.messages), field=field.name)
        values[field.attname] = value


def organisations_raise_if_registered(
    *, centre: Centre, identifiers: list[tuple[Any, dict[str, str]]]
) -> None:
    """The duplicate check of `organisations_create_many` for (key, {"krs", "nip", "regon"}) given before
    any of them is created: the first one (in the given order) already in the registry raises."""
    _raise_if_any_duplicate(
        centre=centre,
        organisations=[values for _key, values in identifiers],
        entries=[NewOrganisation(data={}, key=key) for key, _values in identifiers],
    )


def _raise_if_any_duplicate(*, centre: Centre, organisations: list[dict[str, Any]], entries) -> None:
    wanted = {key: {row[key] for row in organisations} - {""} for key in _IDENTIFIER_LABELS}
    condition = Q()
    for key, values in wanted.items():
        if values:
            condition |= Q(**{f"{key}__in": values})
    if not condition:
        return
    found = {
        (key, getattr(org, key)): org
        for org in Organisation.objects.filter(condition, centre=centre).only(
            "id", "name", *_IDENTIFIER_LABELS
        )
        for key in _IDENTIFIER_LABELS
        if getattr(org, key)
    }
    for row, entry in zip(organisations, entries, strict=True):
        for key, label in _IDENTIFIER_LABELS.items():
            existing = found.get((key, row[key]))
            if row[key] and existing:
                raise ApplicationError(
                    _("Organizacja o tym numerze %(label)s jest już w rejestrze centrum: „%(name)s”.")
                    % {"label": label, "name": existing.name},
                    field=key,
                    extra={"duplicate_id": existing.pk, "key": entry.key},
                )


@transaction.atomic
def organisation_update(
    *,
    organisation: Organisation,
    actor,
    data: dict[str, Any],
    areas: list[ActivityArea] | None = None,
    reason: str = "",
) -> Organisation:
    if not can_edit_organisation(actor, organisation):
        raise ApplicationError(_("Nie możesz zmieniać danych tej organizacji."))
    org = Organisation.objects.select_for_update().get(pk=organisation.pk)
    before = snapshot(org, AUDITED_FIELDS)
    before_areas = sorted(org.areas.values_list("code", flat=True))
    data = normalise_identifiers({k: v for k, v in data.items() if k in EDITABLE_FIELDS})
    _raise_if_duplicate(centre=org.centre, data=data, actor=actor, exclude_pk=org.pk)
    for field, value in data.items():
        setattr(org, field, value)
    _apply_rules(org, data)
    _save(org)
    old, new = changes(before, snapshot(org, AUDITED_FIELDS))
    if areas is not None:
        org.areas.set(areas)
        after_areas = sorted(a.code for a in areas)
        if after_areas != before_areas:
            old["areas"], new["areas"] = before_areas, after_areas
    if "logo" in data:
        old["logo"], new["logo"] = "…", org.logo.name if org.logo else ""
    if new:
        audit_log(actor=actor, obj=org, action="organisation.updated", old=old, new=new, reason=reason)
    return org


def organisation_transition(
    *, organisation: Organisation, action: str, actor, reason: str = ""
) -> Organisation:
    """verify / reject / suspend / reinstate / remove, through the declared workflow (see workflows.py)."""
    from ..workflows import ORGANISATION_STATUS

    return workflow_apply(
        obj=organisation, action=action, actor=actor, reason=reason, workflow=ORGANISATION_STATUS
    )


def _notify_registration_received(org: Organisation) -> None:
    staff = centre_staff_emails(centre=org.centre)
    if staff:
        outbox_enqueue(
            centre=org.centre,
            to=staff,
            template="organisations/emails/registration_received_to_staff",
            context={"organisation": org},
        )
    if org.submitted_by_id:
        outbox_enqueue(
            centre=org.centre,
            to=org.submitted_by.email,
            template="organisations/emails/registration_received_to_submitter",
            context={"organisation": org},
            language=org.submitted_by.language,
        )
