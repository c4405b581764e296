"""The guided path for people founding an organisation ("Zakładam organizację").

The questions, legal forms and the steps of each form are declared in `data` (re-exported here);
`recommend` compares the answers with each form's requirements (DOMAIN.md §8: ≥7 founders for a
registered association, ≥3 for an ordinary one) and says which forms fit and why. The texts are general
guidance, not legal advice: the pages say so and send people to the centre's advisers where the centre
offers advice.

Steps marked done are kept in the session (anonymous visitors and signed-in users alike), per legal form,
as a list of step keys that are checked against the data.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from centrum.core.models import Centre
from centrum.core.text import fold

from .data import (
    CENTRE_HELP_PATTERNS,
    FORM_BY_SLUG,
    FORMS,
    FOUNDER_COUNTS,
    GENERAL_FORMS,
    NO,
    QUESTION_BY_KEY,
    QUESTIONS,
    SITUATION_NONE,
    SITUATION_RURAL,
    SITUATION_SCHOOL_SPORT,
    UNSURE,
    YES,
    Choice,
    FormGuide,
    Question,
    Step,
)

__all__ = [
    "CENTRE_HELP_PATTERNS",
    "FORMS",
    "FORM_BY_SLUG",
    "FOUNDER_COUNTS",
    "GENERAL_FORMS",
    "GOOD",
    "NO",
    "POSSIBLE",
    "QUESTIONS",
    "QUESTION_BY_KEY",
    "SESSION_KEY",
    "SITUATION_NONE",
    "SITUATION_RURAL",
    "SITUATION_SCHOOL_SPORT",
    "UNSUITABLE",
    "UNSURE",
    "YES",
    "Choice",
    "FormGuide",
    "FormResult",
    "Question",
    "Recommendation",
    "Step",
    "centre_help",
    "clean_answers",
    "done_steps",
    "mark_step",
    "recommend",
    "reset_steps",
]

SESSION_KEY = "organisations_guide_done"

# ---------------------------------------------------------------- answers


def clean_answers(data) -> tuple[dict[str, str], dict[str, str]]:
    """(answers, errors) from request data; unknown or missing values are errors, never exceptions."""
    answers, errors = {}, {}
    for question in QUESTIONS:
        value = data.get(question.key, "") if hasattr(data, "get") else ""
        if not isinstance(value, str):
            value = ""
        if value in {c.value for c in question.choices}:
            answers[question.key] = value
        else:
            errors[question.key] = str(_("Wybierz jedną z odpowiedzi."))
    return answers, errors


# ---------------------------------------------------------------- recommendation

GOOD, POSSIBLE, UNSUITABLE = "good", "possible", "unsuitable"


@dataclass
class FormResult:
    form: FormGuide
    fit: str
    reasons: list[str]
    notes: list[str]


@dataclass
class Recommendation:
    best: FormGuide | None
    results: list[FormResult]


def _evaluate(form: FormGuide, answers: dict[str, str]) -> FormResult:
    founders = FOUNDER_COUNTS[answers["zalozyciele"]]
    reasons: list[str] = []  # why it does not fit
    notes: list[str] = []  # what to know if you choose it
    if founders < form.min_founders:
        reasons.append(str(_("Potrzeba co najmniej %(count)d założycieli.")) % {"count": form.min_founders})
    if answers["osobowosc"] == YES and not form.legal_personality:
        reasons.append(str(_("Nie ma osobowości prawnej.")))
    elif answers["osobowosc"] == UNSURE and not form.legal_personality:
        notes.append(str(_("Nie ma osobowości prawnej – za zobowiązania odpowiadają członkowie.")))
    if answers["dzialalnosc"] == YES and not form.business_allowed:
        reasons.append(str(_("Nie może prowadzić działalności gospodarczej.")))
    elif answers["dzialalnosc"] == UNSURE and not form.business_allowed:
        notes.append(
            str(_("Nie pozwala prowadzić działalności gospodarczej, gdybyście jej później potrzebowali."))
        )
    if form.needs_endowment and answers["majatek"] == NO:
        notes.append(
            str(
                _(
                    "Fundator musi przeznaczyć na fundację majątek (fundusz założycielski); prawo nie określa "
                    "najniższej kwoty, ale przy działalności gospodarczej na nią trzeba co najmniej 1000 zł."
                )
            )
        )
    if form.legal_personality and form.slug in GENERAL_FORMS and answers["osobowosc"] == NO:
        notes.append(str(_("Daje osobowość prawną, choć jej nie potrzebujecie – rejestracja trwa dłużej.")))
    fit = UNSUITABLE if reasons else POSSIBLE if notes else GOOD
    return FormResult(form=form, fit=fit, reasons=reasons, notes=notes)


def recommend(answers: dict[str, str]) -> Recommendation:
    """Every form that applies to the situation, with its fit; `best` is the first good (or possible) one."""
    situation = answers["sytuacja"]
    order = [f.slug for f in FORMS if f.situation == situation]
    general = list(GENERAL_FORMS)
    if answers["osobowosc"] == NO and answers["dzialalnosc"] != YES:
        general.remove("stowarzyszenie-zwykle")
        general.insert(0, "stowarzyszenie-zwykle")
    order += general
    results = [_evaluate(FORM_BY_SLUG[slug], answers) for slug in order]
    best = next((r.form for r in results if r.fit == GOOD), None) or next(
        (r.form for r in results if r.fit == POSSIBLE), None
    )
    return Recommendation(best=best, results=results)


# ---------------------------------------------------------------- the centre's own help


def centre_help(centre: Centre) -> dict[str, list[dict]]:
    """The centre's listed services by kind of help (a service may serve several kinds)."""
    found: dict[str, list[dict]] = {kind: [] for kind in CENTRE_HELP_PATTERNS}
    for service in centre.services if isinstance(centre.services, list) else []:
        if not isinstance(service, dict) or not service.get("title"):
            continue
        text = fold(f"{service.get('title', '')} {service.get('description', '')}")
        for kind, pattern in CENTRE_HELP_PATTERNS.items():
            if pattern.search(text):
                found[kind].append({"title": service["title"], "description": service.get("description", "")})
    return found


# ---------------------------------------------------------------- steps done (in the session)


def done_steps(session, form: FormGuide) -> set[str]:
    stored = session.get(SESSION_KEY, {})
    keys = stored.get(form.slug, []) if isinstance(stored, dict) else []
    valid = {step.key for step in form.steps}
    return {k for k in keys if isinstance(k, str) and k in valid}


def mark_step(session, form: FormGuide, step_key: str, done: bool) -> bool:
    """Mark or unmark one step; False for a step this form does not have."""
    if step_key not in {step.key for step in form.steps}:
        return False
    current = done_steps(session, form)
    if done:
        current.add(step_key)
    else:
        current.discard(step_key)
    stored = session.get(SESSION_KEY, {})
    stored = dict(stored) if isinstance(stored, dict) else {}
    stored[form.slug] = sorted(current)
    session[SESSION_KEY] = stored
    return True


def reset_steps(session, form: FormGuide) -> None:
    stored = session.get(SESSION_KEY, {})
    stored = dict(stored) if isinstance(stored, dict) else {}
    stored.pop(form.slug, None)
    session[SESSION_KEY] = stored
