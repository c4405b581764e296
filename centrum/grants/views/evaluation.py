"""Pages of the evaluation: the official's page per competition (formal check, commission, scoring, ranking,
decision, protocol), the commission member's desk (declare, then score), and an organisation's nomination."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from centrum.core.exceptions import ApplicationError
from centrum.core.forms import add_application_error
from centrum.core.pdf import pdf_response, render_pdf
from centrum.core.views import centre_required

from ..choices import CompetitionStatus, OfferStatus
from ..forms.evaluation import (
    CommissionSettingsForm,
    DecisionForm,
    DeclarationForm,
    FormalCheckForm,
    MemberForm,
    NominationForm,
    ScoreForm,
)
from ..permissions import can_run_evaluation, commission_member_of
from ..selectors.evaluation import (
    commission_member_get,
    commission_of,
    competition_criteria,
    declarations_of,
    evaluated_offers,
    evaluation_competition_get,
    evaluation_offer_get,
    formal_checklist,
    max_total,
    member_scores,
    member_seats,
    nominees_call_publications,
    organisations_nominating,
    ranking,
    seat_offers,
)
from ..services.evaluation import (
    commission_settings_save,
    declaration_make,
    formal_check_record,
    member_appoint,
    nomination_file,
    nominee_decide,
    offer_decide,
    scores_save,
    scoring_close,
)


def _official_competition(request, pk):
    competition = evaluation_competition_get(centre=request.centre, user=request.user, pk=pk)
    if not can_run_evaluation(request.user, competition):
        raise PermissionDenied
    return competition


def _evaluation_context(request, competition, **extra) -> dict:
    commission = commission_of(competition)
    criteria = competition_criteria(competition)
    rows = ranking(competition=competition)
    return {
        "competition": competition,
        "offers": evaluated_offers(competition=competition),
        "commission": commission,
        "members": list(commission.members.all()) if commission else [],
        "ranking": rows,
        "criteria": criteria,
        "max_total": max_total(criteria),
        "in_evaluation": competition.status == CompetitionStatus.EVALUATION,
        "settings_form": extra.get("settings_form")
        or CommissionSettingsForm(
            initial={
                "nominations_until": getattr(commission, "nominations_until", None),
                "without_ngo": getattr(commission, "without_ngo", ""),
            }
        ),
        "member_form": extra.get("member_form") or MemberForm(),
        "decisions": [
            (
                row.offer,
                DecisionForm(prefix=f"offer-{row.offer.pk}", initial={"amount": row.offer.requested_grant}),
            )
            for row in rows
            if row.offer.status == OfferStatus.FORMALLY_ACCEPTED
        ],
        "statuses": OfferStatus,
    }


@login_required
@centre_required
@require_GET
def evaluation(request: HttpRequest, pk: int) -> HttpResponse:
    competition = _official_competition(request, pk)
    return render(request, "grants/evaluation/competition.html", _evaluation_context(request, competition))


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def formal_check(request: HttpRequest, pk: int) -> HttpResponse:
    offer = evaluation_offer_get(centre=request.centre, user=request.user, pk=pk)
    if not can_run_evaluation(request.user, offer.competition):
        raise PermissionDenied
    checklist = formal_checklist(offer)
    form = FormalCheckForm(request.POST or None, checklist=checklist)
    if request.method == "POST" and form.is_valid():
        try:
            formal_check_record(
                offer=offer,
                actor=request.user,
                answers=form.answers(),
                notes=form.cleaned_data["notes"],
                outcome=form.cleaned_data["outcome"],
                reason=form.cleaned_data["reason"],
            )
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Zapisano ocenę formalną oferty."))
            return redirect("grants:evaluation", pk=offer.competition_id)
    extract = _krs_goals(offer)
    return render(
        request,
        "grants/evaluation/formal_check.html",
        {"offer": offer, "competition": offer.competition, "form": form, "krs": extract},
        status=400 if form.errors else 200,
    )


def _krs_goals(offer) -> dict | None:
    """The offeror's statutory goals (dział 3) from the KRS extract the registry keeps, if it keeps one."""
    from centrum.organisations.services.krs import krs_statutory_goals_cached

    found = krs_statutory_goals_cached(offer.organisation.krs)
    if found is None:
        return None
    goals, fetched_at = found
    return {"goals": goals, "fetched_at": fetched_at}


def _commission_post(request: HttpRequest, pk: int, *, form_class, service, done: str, form_key: str):
    """A form of the evaluation page posted on its own: one service call, the page again with the error."""
    competition = _official_competition(request, pk)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            service(competition=competition, actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, done)
            return redirect("grants:evaluation", pk=competition.pk)
    context = _evaluation_context(request, competition, **{form_key: form})
    return render(request, "grants/evaluation/competition.html", context, status=400)


@login_required
@centre_required
@require_POST
def commission_settings(request: HttpRequest, pk: int) -> HttpResponse:
    return _commission_post(
        request,
        pk,
        form_class=CommissionSettingsForm,
        service=commission_settings_save,
        done=_("Zapisano ustalenia komisji."),
        form_key="settings_form",
    )


@login_required
@centre_required
@require_POST
def member_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _commission_post(
        request,
        pk,
        form_class=MemberForm,
        service=member_appoint,
        done=_("Dodano członka komisji."),
        form_key="member_form",
    )


@login_required
@centre_required
@require_POST
def nominee_decision(request: HttpRequest, pk: int, decision: str) -> HttpResponse:
    member = commission_member_get(centre=request.centre, pk=pk)
    competition = member.commission.competition
    if not can_run_evaluation(request.user, competition) or decision not in ("appoint", "reject"):
        raise PermissionDenied
    try:
        member = nominee_decide(
            member=member,
            actor=request.user,
            appoint=decision == "appoint",
            reason=request.POST.get("reason", ""),
        )
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("%(name)s: %(status)s.") % {"name": member.full_name, "status": member.get_status_display()},
        )
    return redirect("grants:evaluation", pk=competition.pk)


@login_required
@centre_required
@require_POST
def scoring_close_view(request: HttpRequest, pk: int) -> HttpResponse:
    competition = _official_competition(request, pk)
    try:
        scoring_close(competition=competition, actor=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Ocena merytoryczna zamknięta – można podjąć decyzje."))
    return redirect("grants:evaluation", pk=competition.pk)


@login_required
@centre_required
@require_POST
def decision(request: HttpRequest, pk: int) -> HttpResponse:
    offer = evaluation_offer_get(centre=request.centre, user=request.user, pk=pk)
    if not can_run_evaluation(request.user, offer.competition):
        raise PermissionDenied
    form = DecisionForm(request.POST, prefix=f"offer-{offer.pk}")
    if not form.is_valid():
        messages.error(request, _("Wybierz decyzję i podaj poprawną kwotę."))
        return redirect("grants:evaluation", pk=offer.competition_id)
    try:
        offer_decide(
            offer=offer,
            actor=request.user,
            select=form.cleaned_data["decision"] == "select",
            amount=form.cleaned_data["amount"],
            reason=form.cleaned_data["reason"],
        )
    except ApplicationError as exc:
        messages.error(request, f"{offer.number}: {exc.message}")
    else:
        messages.success(request, _("Zapisano decyzję dla oferty %(number)s.") % {"number": offer.number})
    return redirect(reverse("grants:evaluation", kwargs={"pk": offer.competition_id}) + "#decyzje")


@login_required
@centre_required
@require_GET
def protocol_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    competition = _official_competition(request, pk)
    context = _evaluation_context(request, competition)
    context["declarations"] = declarations_of(competition)
    content = render_pdf("grants/documents/protocol.html", {**context, "centre": request.centre})
    return pdf_response(content, f"protokol-komisji-{competition.pk}.pdf")


EXPORT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


# The commission member's desk ------------------------------------------------------------------------------


@login_required
@centre_required
@require_GET
def desk(request: HttpRequest) -> HttpResponse:
    seats = []
    for member in member_seats(centre=request.centre, user=request.user):
        criteria = competition_criteria(member.commission.competition)
        seats.append(
            {"member": member, "offers": seat_offers(member, len(criteria)), "criteria": len(criteria)}
        )
    return render(request, "grants/evaluation/desk.html", {"seats": seats})


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def declare(request: HttpRequest, pk: int) -> HttpResponse:
    offer = evaluation_offer_get(centre=request.centre, user=request.user, pk=pk)
    member = commission_member_of(request.user, offer.competition)
    if member is None:
        raise PermissionDenied
    form = DeclarationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            declaration = declaration_make(
                offer=offer,
                actor=request.user,
                no_conflict=form.cleaned_data["no_conflict"] == "1",
                grounds=form.cleaned_data["grounds"],
            )
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Złożono oświadczenie."))
            if declaration.no_conflict:
                return redirect("grants:score", pk=offer.pk)
            return redirect("grants:evaluator_desk")
    return render(
        request,
        "grants/evaluation/declare.html",
        {"offer": offer, "form": form, "member": member},
        status=400 if form.errors else 200,
    )


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def score(request: HttpRequest, pk: int) -> HttpResponse:
    offer = evaluation_offer_get(centre=request.centre, user=request.user, pk=pk)
    member = commission_member_of(request.user, offer.competition)
    if member is None:
        raise PermissionDenied
    declaration = member.declarations.filter(offer=offer).first()
    if declaration is None:
        messages.info(request, _("Przed zapoznaniem się z ofertą złóż oświadczenie o bezstronności."))
        return redirect("grants:declare", pk=offer.pk)
    if not declaration.no_conflict:
        raise PermissionDenied
    criteria = competition_criteria(offer.competition)
    form = ScoreForm(request.POST or None, criteria=criteria, scores=member_scores(member, offer))
    if request.method == "POST" and form.is_valid():
        try:
            scores_save(offer=offer, actor=request.user, points=form.points(), comments=form.comments())
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Zapisano ocenę oferty %(number)s.") % {"number": offer.number})
            return redirect("grants:evaluator_desk")
    return render(
        request,
        "grants/evaluation/score.html",
        {"offer": offer, "form": form, "member": member, "closed": bool(member.commission.scoring_closed_at)},
        status=400 if form.errors else 200,
    )


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def nominate(request: HttpRequest, pk: int) -> HttpResponse:
    competition = evaluation_competition_get_public(request, pk)
    organisations = organisations_nominating(centre=request.centre, user=request.user)
    form = NominationForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            nomination_file(competition=competition, actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Zgłoszono kandydata do komisji konkursowej."))
            return redirect(competition.get_absolute_url())
    return render(
        request,
        "grants/evaluation/nominate.html",
        {
            "competition": competition,
            "form": form,
            "has_organisations": organisations.exists(),
            "commission": commission_of(competition),
            "call": nominees_call_publications(competition),
        },
        status=400 if form.errors else 200,
    )


def evaluation_competition_get_public(request, pk):
    from ..selectors.competitions import competitions_public

    return get_object_or_404(competitions_public(centre=request.centre), pk=pk)
