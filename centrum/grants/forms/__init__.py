"""The grants app's forms, one module per sub-feature (competitions, offers, evaluation); re-exported here."""

from .competitions import (
    CompetitionForm,
    CriterionFormSet,
    PublicationForm,
    ReasonsAnswerForm,
    ReasonsRequestForm,
    RequirementFormSet,
    criterion_rows,
    requirement_rows,
)

__all__ = [
    "CompetitionForm",
    "CriterionFormSet",
    "PublicationForm",
    "ReasonsAnswerForm",
    "ReasonsRequestForm",
    "RequirementFormSet",
    "criterion_rows",
    "requirement_rows",
]
