"""The court register (KRS) in the registry: looking an entity up (with the extract cache) and bringing an
organisation's registry data up to date from its current extract (staff).

The register has no search and may be slow or down, so successful extracts are kept in `KrsExtract` for a
day; when the register cannot be reached, an older kept extract is served and marked `is_stale`. Talking to
the register is `centrum.organisations.integrations.krs`, which stores nothing.
"""

import logging
from dataclasses import dataclass, replace
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log
from centrum.core.audit_display import display_date
from centrum.core.exceptions import ApplicationError
from centrum.core.text import fold
from centrum.core.versions import bump_data_version

from ..choices import LegalForm
from ..integrations.krs import (
    REGISTERS,
    KrsError,
    KrsLookupResult,
    KrsUnavailable,
    clean_number,
    fetch_extract,
    parse_extract,
    representation,
    statutory_goals,
)
from ..models import KrsExtract, Organisation
from ..permissions import can_change_organisation_status
from .registry import organisation_update

logger = logging.getLogger(__name__)

CACHE_TTL = timedelta(hours=24)

# The register cannot tell these apart from a plain association, so a more specific form set by staff stays.
_MORE_SPECIFIC_THAN_ASSOCIATION = {
    LegalForm.VOLUNTEER_FIRE_BRIGADE,
    LegalForm.JST_ASSOCIATION,
    LegalForm.ASSOCIATION_UNION,
    LegalForm.SPORTS_CLUB,
}
_TEXT_FIELDS = ("name", "street", "city")


@dataclass(frozen=True)
class KrsRefresh:
    organisation: Organisation
    lookup: KrsLookupResult
    changed_fields: list[str]


@dataclass(frozen=True)
class KrsRefreshPreview:
    """What a refresh would change: {field: value in KRS} where KRS says something different."""

    organisation: Organisation
    lookup: KrsLookupResult
    changes: dict


def krs_lookup(krs: str) -> KrsLookupResult:
    """The current KRS extract of `krs` (any common spelling: "206867", "0000206867", "KRS 0000 206 867").

    Served from `KrsExtract` when fetched within `CACHE_TTL`; otherwise asked of the register and kept.
    """
    number = clean_number(krs)
    now = timezone.now()
    cached = _cached_extract(number)
    if cached is not None and cached.fetched_at >= now - CACHE_TTL:
        return _from_cache(cached)
    try:
        register, payload = fetch_extract(number)
    except KrsUnavailable:
        if cached is None:
            raise
        logger.warning("KRS unavailable; serving the cached extract of %s from %s", number, cached.fetched_at)
        return _from_cache(cached, is_stale=True)
    KrsExtract.objects.update_or_create(
        krs=number, register=register, defaults={"payload": payload, "fetched_at": now}
    )
    return replace(parse_extract(payload, register=register), fetched_at=now)


def _cached_extract(number: str) -> KrsExtract | None:
    extracts = {e.register: e for e in KrsExtract.objects.filter(krs=number)}
    for register in REGISTERS:
        if register in extracts:
            return extracts[register]
    return None


def _from_cache(cached: KrsExtract, *, is_stale: bool = False) -> KrsLookupResult:
    result = parse_extract(cached.payload, register=cached.register)
    return replace(result, fetched_at=cached.fetched_at, from_cache=True, is_stale=is_stale)


def krs_statutory_goals_cached(krs: str) -> tuple[str, object] | None:
    """The statutory goals (dział 3) of the kept extract of `krs` and when it was fetched; None if none kept."""
    cached = _cached_extract(krs) if krs else None
    if cached is None:
        return None
    return statutory_goals(cached.payload), cached.fetched_at


def krs_representation_cached(krs: str):
    """(Representation, fetched_at) from the kept extract of `krs` (who may sign for the organisation), or
    None when no extract is kept."""
    cached = _cached_extract(krs) if krs else None
    if cached is None:
        return None
    return representation(cached.payload), cached.fetched_at


def krs_register_status_cached(krs: str) -> str:
    """Liquidation or removal according to the kept extract of `krs` (read at registration); "" if none."""
    cached = _cached_extract(krs) if krs else None
    if cached is None:
        return ""
    return parse_extract(cached.payload, register=cached.register).register_status


def organisation_krs_preview(*, organisation: Organisation, actor) -> KrsRefreshPreview:
    """What refreshing from KRS would change, for staff to see before they confirm; nothing is written
    but the extract cache."""
    lookup = _lookup_for_refresh(organisation=organisation, actor=actor)
    return KrsRefreshPreview(
        organisation=organisation, lookup=lookup, changes=_changes_from(organisation, lookup.data)
    )


def organisation_refresh_from_krs(*, organisation: Organisation, actor) -> KrsRefresh:
    """Copy name, form, identifiers, address, OPP status and registration date from KRS; audited.

    The register is asked before the transaction opens, so no row is locked while it answers. A liquidation
    shown in KRS is stored as a flag staff see (queue, organisation page), not acted on: suspending or
    removing needs a person's reason.
    """
    lookup = _lookup_for_refresh(organisation=organisation, actor=actor)
    return _apply(organisation=organisation, actor=actor, lookup=lookup)


def _lookup_for_refresh(*, organisation: Organisation, actor) -> KrsLookupResult:
    if not can_change_organisation_status(actor, organisation):
        raise ApplicationError(_("Tylko pracownik centrum może odświeżać dane organizacji z KRS."))
    if not organisation.krs:
        raise ApplicationError(_("Organizacja nie ma numeru KRS – nie ma czego sprawdzić."), field="krs")
    try:
        return krs_lookup(organisation.krs)
    except KrsError as exc:
        raise ApplicationError(exc.message, field="krs")


@transaction.atomic
def _apply(*, organisation: Organisation, actor, lookup: KrsLookupResult) -> KrsRefresh:
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    data = _changes_from(organisation, lookup.data)
    reason = _("Dane z KRS według stanu na dzień %(date)s.") % {
        "date": display_date(lookup.as_of) if lookup.as_of else "?"
    }
    if lookup.is_stale:
        reason += " " + _("Rejestr był niedostępny – użyto zapisanej wcześniej kopii odpisu.")
    org = organisation
    if data:
        org = organisation_update(organisation=organisation, actor=actor, data=data, reason=reason)
    checked_at = lookup.fetched_at or timezone.now()
    previous = {
        "krs_checked_at": organisation.krs_checked_at,
        "krs_register_status": organisation.krs_register_status,
    }
    Organisation.objects.filter(pk=org.pk).update(
        krs_checked_at=checked_at, krs_register_status=lookup.register_status
    )
    bump_data_version(org.centre_id)  # update() sends no signal; the liquidation badge must show at once
    org.krs_checked_at, org.krs_register_status = checked_at, lookup.register_status
    audit_log(
        actor=actor,
        obj=org,
        action="organisation.krs_refreshed",
        old=previous,
        new={
            "krs_checked_at": checked_at,
            "krs_register_status": lookup.register_status,
            "as_of": lookup.as_of,
            "register": lookup.register,
            "changed": sorted(data),
        },
        reason=reason,
    )
    return KrsRefresh(organisation=org, lookup=lookup, changed_fields=sorted(data))


def _changes_from(organisation: Organisation, krs_data: dict) -> dict:
    """Fields where KRS says something different; blanks in KRS never erase what the centre knows."""
    changes = {}
    for field, value in krs_data.items():
        if value in ("", None):
            continue
        current = getattr(organisation, field)
        if field in _TEXT_FIELDS and fold(current) == fold(value):
            continue  # the register writes in capitals; "Fundacja Echo" and "FUNDACJA ECHO" are the same
        if field == "legal_form" and (
            value == LegalForm.OTHER
            or (value == LegalForm.ASSOCIATION and current in _MORE_SPECIFIC_THAN_ASSOCIATION)
        ):
            continue
        if current != value:
            changes[field] = value
    return changes
