"""Writes of the yearly OPP list import: record an uploaded list, then apply it to the registry's OPP status.

Applying is one transaction: the centre's organisations are locked, compared with the list's KRS numbers in
memory, changed with one UPDATE per direction and audited one entry per organisation (reason
"Wykaz OPP za rok …"). Applying the same year's list again changes nothing, so it is safe to repeat.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log
from centrum.core.exceptions import ApplicationError
from centrum.core.models import Centre
from centrum.core.versions import bump_data_version

from ..importing.opp_list import parse_opp_list
from ..models import OppListImport, Organisation
from ..permissions import can_import_organisations
from ..selectors.opp import (
    FIRST_YEAR,
    OUTSIDE_ROWS_KEPT,
    compare_with_registry,
    opp_latest_applied_year,
    outside_registry_rows,
)


def opp_year_bounds(today=None) -> tuple[int, int]:
    """The list for a tax year is published in December of that year, so the current year is the last."""
    today = today or timezone.localdate()
    return FIRST_YEAR, today.year


def opp_default_year(today=None) -> int:
    today = today or timezone.localdate()
    return today.year if today.month == 12 else today.year - 1


def _check_year(year) -> int:
    first, last = opp_year_bounds()
    if not isinstance(year, int) or not first <= year <= last:
        raise ApplicationError(
            _("Podaj rok podatkowy od %(first)d do %(last)d.") % {"first": first, "last": last}, field="year"
        )
    return year


def opp_reason(year: int) -> str:
    return _("Wykaz OPP za rok %(year)d") % {"year": year}


@transaction.atomic
def opp_import_create(*, centre: Centre, actor, upload, year: int) -> OppListImport:
    """Read the uploaded list once and keep what the preview and "apply" need. Bad files store nothing."""
    if not can_import_organisations(actor, centre):
        raise ApplicationError(_("Tylko pracownik centrum może importować wykaz OPP."))
    year = _check_year(year)
    name = (getattr(upload, "name", "") or "wykaz-opp").rsplit("/", 1)[-1][:255]
    parsed = parse_opp_list(upload.read())
    comparison = compare_with_registry(centre=centre, krs_numbers=parsed.krs_numbers)
    registry_krs = set(
        Organisation.objects.filter(centre=centre).exclude(krs="").values_list("krs", flat=True)
    )
    outside, place_filter = outside_registry_rows(centre=centre, parsed=parsed, registry_krs=registry_krs)
    record = OppListImport(
        centre=centre,
        year=year,
        original_name=name,
        total_rows=parsed.total_rows,
        krs_numbers=parsed.krs_numbers,
        invalid_rows=parsed.invalid,
        outside_rows=outside[:OUTSIDE_ROWS_KEPT],
        columns=parsed.columns,
        place_filter=place_filter,
        matched_count=comparison.matched_count,
        gained_count=len(comparison.gain),
        lost_count=len(comparison.lose),
        outside_count=len(outside),
        created_by=actor,
    )
    record.full_clean()
    record.save()
    audit_log(
        actor=actor,
        obj=record,
        action="opp_list_import.uploaded",
        new={"year": year, "file": name, "rows": parsed.total_rows, "krs": len(parsed.krs_numbers)},
    )
    return record


@transaction.atomic
def opp_import_apply(*, opp_import: OppListImport, actor, clear_missing: bool = True) -> OppListImport:
    """Set is_opp for the registry's organisations on the list; clear it for those missing, if asked."""
    centre = opp_import.centre
    if not can_import_organisations(actor, centre):
        raise ApplicationError(_("Tylko pracownik centrum może importować wykaz OPP."))
    record = OppListImport.objects.select_for_update().get(pk=opp_import.pk, centre=centre)
    if record.applied_at is not None:
        raise ApplicationError(
            _("Ten wykaz został już zastosowany. Aby zastosować go ponownie, prześlij plik jeszcze raz.")
        )
    latest = opp_latest_applied_year(centre=centre)
    if latest is not None and record.year < latest:
        raise ApplicationError(
            _(
                "Zastosowano już wykaz za rok %(latest)d – starszy wykaz (za rok %(year)d) nie może zmienić "
                "statusu OPP."
            )
            % {"latest": latest, "year": record.year}
        )
    comparison = compare_with_registry(centre=centre, krs_numbers=record.krs_numbers, for_update=True)
    reason = opp_reason(record.year)
    now = timezone.now()
    lose = comparison.lose if clear_missing else []
    for organisations, value in ((comparison.gain, True), (lose, False)):
        if not organisations:
            continue
        Organisation.objects.filter(centre=centre, pk__in=[o.pk for o in organisations]).update(
            is_opp=value, updated_at=now
        )
        bump_data_version(centre.pk)  # update() sends no signal: the cached directory must still change
        for org in organisations:
            audit_log(
                actor=actor,
                obj=org,
                centre=centre,
                action="organisation.updated",
                old={"is_opp": not value},
                new={"is_opp": value},
                reason=reason,
            )
    record.matched_count = comparison.matched_count
    record.gained_count = len(comparison.gain)
    record.lost_count = len(lose)
    record.applied_at = now
    record.applied_by = actor
    record.save(
        update_fields=[
            "matched_count",
            "gained_count",
            "lost_count",
            "applied_at",
            "applied_by",
            "updated_at",
        ]
    )
    audit_log(
        actor=actor,
        obj=record,
        action="opp_list_import.applied",
        new={
            "year": record.year,
            "gained": record.gained_count,
            "lost": record.lost_count,
            "matched": record.matched_count,
            "cleared_missing": clear_missing,
        },
        reason=reason,
    )
    return record
