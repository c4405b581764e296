"""Forms of the organisation registry, one module per sub-feature: `registry`, `data` (imports), `opp`."""

from .data import ImportUploadForm
from .opp import OppListApplyForm, OppListUploadForm
from .registry import (
    DirectoryFilterForm,
    OrganisationForm,
    prefill_from_krs,
)

__all__ = [
    "DirectoryFilterForm",
    "ImportUploadForm",
    "OppListApplyForm",
    "OppListUploadForm",
    "OrganisationForm",
    "prefill_from_krs",
]
