"""Forms of the organisation registry, one module per sub-feature: `registry`, `data` (imports), `opp`."""

from .data import ImportUploadForm
from .opp import OppListApplyForm, OppListUploadForm
from .registry import (
    ACTION_DONE_MESSAGES,
    ACTION_LABELS,
    DirectoryFilterForm,
    OrganisationForm,
    StatusChangeForm,
    prefill_from_krs,
)

__all__ = [
    "ACTION_DONE_MESSAGES",
    "ACTION_LABELS",
    "DirectoryFilterForm",
    "ImportUploadForm",
    "OppListApplyForm",
    "OppListUploadForm",
    "OrganisationForm",
    "StatusChangeForm",
    "prefill_from_krs",
]
