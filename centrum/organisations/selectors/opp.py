"""Comparing the national list of OPPs entitled to 1.5% of income tax (art. 27a) with a centre's registry,
and reading the recorded list imports.

The list is read by `centrum.organisations.importing.opp_list`; the join with the registry is a dict
look-up, so the national list of about 10,000 rows takes a fraction of a second.
"""

import re
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404

from centrum.core.models import Centre, LocalGovernmentKind
from centrum.core.text import fold

from ..choices import OrganisationStatus
from ..importing.opp_list import PLACE_COLUMNS, ParsedOppList
from ..models import OppListImport, Organisation

FIRST_YEAR = 2004  # the first tax year in which taxpayers could give 1% to an OPP
OUTSIDE_ROWS_KEPT = 1000

_PLACE_PREFIXES = re.compile(r"^(m st|m|miasto|gmina|gm|g|powiat|pow|miasto na prawach powiatu)\s+")
_POSTAL_CODE = re.compile(r"\b\d{2}\s*-\s*\d{3}\b")


# ---------------------------------------------------------------- places


def place_key(value: str) -> str:
    """ "M. Kalisz", "62-800 Kalisz", "ul. Babina 1, Kalisz", "gmina Kalisz" → "kalisz"."""
    text = _POSTAL_CODE.sub(" ", value or "")
    text = text.split(",")[-1]
    text = re.sub(r"[^a-z ]", " ", fold(text))
    text = re.sub(r"\s+", " ", text).strip()
    previous = None
    while previous != text:
        previous, text = text, _PLACE_PREFIXES.sub("", text)
    return text


def centre_place_keys(centre: Centre) -> set[str]:
    """How the centre's own municipality can be written in the list's place column."""
    keys = {place_key(centre.city), place_key(centre.municipality)}
    return {k for k in keys if k}


def is_local(row_place: str, keys: set[str]) -> bool:
    return place_key(row_place) in keys


# ---------------------------------------------------------------- comparing with the registry


@dataclass
class OppComparison:
    gain: list[Organisation]  # on the list, is_opp is False
    lose: list[Organisation]  # is_opp is True, has a KRS number, not on the list
    unchanged: list[Organisation]  # on the list and already OPP
    no_krs: list[Organisation]  # is_opp is True but no KRS number: cannot be checked, left alone

    @property
    def matched_count(self) -> int:
        return len(self.gain) + len(self.unchanged)


def registry_for_opp(*, centre: Centre, for_update: bool = False) -> QuerySet[Organisation]:
    """The centre's organisations whose OPP status the list may decide (rejected registrations are not)."""
    qs = Organisation.objects.filter(centre=centre).exclude(status=OrganisationStatus.REJECTED)
    if for_update:
        qs = qs.select_for_update()
    return qs.only("id", "centre_id", "name", "krs", "is_opp", "status").order_by("name_sort", "name", "id")


def compare_with_registry(
    *, centre: Centre, krs_numbers: list[str] | set[str], for_update: bool = False
) -> OppComparison:
    """One query over the centre's registry, joined with the list's KRS numbers in memory."""
    on_list = set(krs_numbers)
    result = OppComparison(gain=[], lose=[], unchanged=[], no_krs=[])
    for org in registry_for_opp(centre=centre, for_update=for_update):
        if not org.krs:
            if org.is_opp:
                result.no_krs.append(org)
        elif org.krs in on_list:
            (result.unchanged if org.is_opp else result.gain).append(org)
        elif org.is_opp:
            result.lose.append(org)
    return result


def outside_registry_rows(
    *, centre: Centre, parsed: ParsedOppList, registry_krs: set[str]
) -> tuple[list[dict], str]:
    """Rows of the list not in the centre's registry; only local ones when the list says where each is.

    Returns (rows, place filter used or ""). When the place column is gmina or powiat and the centre is a
    powiat, the powiat column is preferred.
    """
    keys = centre_place_keys(centre)
    present = [key for key in PLACE_COLUMNS if key in parsed.columns]
    if centre.government_kind == LocalGovernmentKind.POWIAT and "powiat" in present:
        column = "powiat"
    else:
        column = present[0] if present else None
    use_filter = column is not None and bool(keys)
    rows = []
    seen = set()
    for row in parsed.rows:
        if row.krs in registry_krs or row.krs in seen:
            continue
        place = row.places.get(column, "") if column else ""
        if use_filter and not is_local(place, keys):
            continue
        seen.add(row.krs)
        rows.append({"row": row.row, "krs": row.krs, "name": row.name, "nip": row.nip, "place": place})
    place_filter = f"{parsed.columns[column]}: {centre.city or centre.municipality}" if use_filter else ""
    return rows, place_filter


# ---------------------------------------------------------------- reading imports


def opp_import_get(*, centre: Centre, pk: int) -> OppListImport:
    found = (
        OppListImport.objects.filter(centre=centre, pk=pk).select_related("created_by", "applied_by").first()
    )
    if found is None:
        raise Http404
    return found


def opp_import_list(*, centre: Centre) -> QuerySet[OppListImport]:
    return (
        OppListImport.objects.filter(centre=centre)
        .select_related("created_by")
        .defer("krs_numbers", "outside_rows", "invalid_rows")
        .order_by("-created_at", "-id")
    )


def opp_latest_applied_year(*, centre: Centre) -> int | None:
    return (
        OppListImport.objects.filter(centre=centre, applied_at__isnull=False)
        .order_by("-year")
        .values_list("year", flat=True)
        .first()
    )
