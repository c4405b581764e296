"""Reads of the organisation registry, one module per sub-feature. Every selector takes the centre.

`registry` (directory, organisation pages, verification queue, districts and spheres), `opp` (the yearly
OPP list compared with the registry). Import from here: `from centrum.organisations.selectors import ...`.
"""

from .opp import (
    compare_with_registry,
    opp_import_get,
    opp_import_list,
    opp_latest_applied_year,
    outside_registry_rows,
    registry_for_opp,
)
from .registry import (
    DIRECTORY_COUNT_CAP,
    DIRECTORY_FIELDS,
    activity_area_list,
    district_list,
    district_list_sorted,
    organisation_directory,
    organisation_directory_stats,
    organisation_duplicates_for,
    organisation_get,
    organisation_get_visible,
    organisation_list_for_user,
    organisation_mailing_selection,
    organisation_pending_count,
    organisation_verification_queue,
)

__all__ = [
    "DIRECTORY_COUNT_CAP",
    "DIRECTORY_FIELDS",
    "activity_area_list",
    "compare_with_registry",
    "district_list",
    "district_list_sorted",
    "opp_import_get",
    "opp_import_list",
    "opp_latest_applied_year",
    "organisation_directory",
    "organisation_directory_stats",
    "organisation_duplicates_for",
    "organisation_get",
    "organisation_get_visible",
    "organisation_list_for_user",
    "organisation_mailing_selection",
    "organisation_pending_count",
    "organisation_verification_queue",
    "outside_registry_rows",
    "registry_for_opp",
]
