"""Writes of the organisation registry, one module per sub-feature; each service is atomic and audited.

`registry` (registration, edits, status), `imports` (the CSV list), `opp` (the yearly OPP list), `krs`
(refresh from the court register). Import from here: `from centrum.organisations.services import ...`.
"""

from .imports import (
    import_batch_check,
    import_batch_create,
    import_batch_get,
    import_batch_list,
    import_batch_run,
    import_batch_start,
    import_batches_process,
    import_limits,
)
from .krs import KrsRefresh, krs_lookup, organisation_refresh_from_krs
from .opp import opp_default_year, opp_import_apply, opp_import_create, opp_year_bounds
from .registry import (
    AUDITED_FIELDS,
    EDITABLE_FIELDS,
    normalise_identifiers,
    organisation_create,
    organisation_find_duplicates,
    organisation_prepare_search,
    organisation_transition,
    organisation_update,
)

__all__ = [
    "AUDITED_FIELDS",
    "EDITABLE_FIELDS",
    "KrsRefresh",
    "import_batch_check",
    "import_batch_create",
    "import_batch_get",
    "import_batch_list",
    "import_batch_run",
    "import_batch_start",
    "import_batches_process",
    "import_limits",
    "krs_lookup",
    "normalise_identifiers",
    "opp_default_year",
    "opp_import_apply",
    "opp_import_create",
    "opp_year_bounds",
    "organisation_create",
    "organisation_find_duplicates",
    "organisation_refresh_from_krs",
    "organisation_prepare_search",
    "organisation_transition",
    "organisation_update",
]
