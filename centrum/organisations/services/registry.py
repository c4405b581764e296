"""Writes to the organisation registry. Every change is validated, audited and mailed via the outbox."""

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from centrum.accounts.selectors import centre_staff_emails
from centrum.core.audit import audit_log, audit_log_many, changes, snapshot
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.models import Centre
from centrum.core.outbox import outbox_enqueue
from centrum.core.permissions import is_centre_staff
from centrum.core.versions import bump_data_version
from centrum.core.workflow import workflow_apply

from ..choices import KRS_REGISTRY_KINDS, PUBLIC_STATUSES, OrganisationStatus
from ..identifiers import clean_iban, clean_krs, clean_nip, clean_regon
from ..models import ActivityArea, Organisation
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
    for field, rule in _FIELD_RULES.items():
        if field in fields:
            try:
                setattr(org, field, rule(getattr(org, field)))
            except ValidationError as exc:
                raise ApplicationError(" ".join(exc.messages), field=field)
    if _REGISTRY_FIELDS & set(fields):
        errors = registry_errors(registry_kind=org.registry_kind, krs=org.krs, is_opp=org.is_opp)
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
    *, centre: Centre, actor, entries: list[NewOrganisation], status: str = OrganisationStatus.ACTIVE
) -> list[Organisation]:
    """Many organisations at once, by staff (an import): the rules, checks and audit of `organisation_create`
    for each, with one query per kind of work for all of them. The first broken rule raises ApplicationError
    with `extra["key"]` of its entry, and nothing is stored."""
    from centrum.core.permissions import is_centre_staff

    if actor is None or not is_centre_staff(actor, centre):
        raise ApplicationError(_("Tylko pracownik centrum może dodać organizację bez weryfikacji."))
    now = timezone.now()
    organisations = []
    for entry in entries:
        try:
            data = normalise_identifiers({k: v for k, v in entry.data.items() if k in EDITABLE_FIELDS})
            org = Organisation(centre=centre, status=status, status_changed_at=now, **data)
            _apply_rules(org, data)
            org.submitted_by = actor
            if status == OrganisationStatus.ACTIVE:
                org.verified_at, org.verified_by = now, actor
            organisation_prepare_search(org)
            # Its links are the centre, the actor and a district of the centre loaded by the caller: no
            # query per row to check that they exist (clean() still refuses another centre's district).
            full_clean_or_raise(org, exclude=_LINKS, validate_constraints=False, validate_unique=False)
        except ApplicationError as exc:
            exc.extra = {**exc.extra, "key": entry.key}
            raise
        organisations.append(org)
    _raise_if_any_duplicate(centre=centre, organisations=organisations, entries=entries)
    try:
        with transaction.atomic():
            Organisation.objects.bulk_create(organisations)
    except IntegrityError:
        # Registered meanwhile by someone else: the unique constraints decide.
        raise ApplicationError(
            _("Organizacja o tym numerze KRS, NIP lub REGON jest już w rejestrze centrum."),
            extra={"key": entries[0].key},
        )
    bump_data_version(centre.pk)  # bulk_create sends no signal: the cached directory must still change
    through = Organisation.areas.through
    through.objects.bulk_create(
        [
            through(organisation_id=org.pk, activityarea_id=area.pk)
            for org, entry in zip(organisations, entries, strict=True)
            for area in {a.pk: a for a in entry.areas}.values()
        ]
    )
    audit_log_many(
        actor=actor,
        centre=centre,
        action="organisation.created",
        entries=[
            (org, None, snapshot(org, AUDITED_FIELDS), entry.reason)
            for org, entry in zip(organisations, entries, strict=True)
        ],
    )
    return organisations


def _raise_if_any_duplicate(*, centre: Centre, organisations: list[Organisation], entries) -> None:
    wanted = {key: {getattr(o, key) for o in organisations} - {""} for key in _IDENTIFIER_LABELS}
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
    for org, entry in zip(organisations, entries, strict=True):
        for key, label in _IDENTIFIER_LABELS.items():
            existing = found.get((key, getattr(org, key)))
            if getattr(org, key) and existing:
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
