"""Public pages: the list, a consultation with its draft and comments, the comment forms, the e-mail
confirmation of a resident's comment."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from centrum.core.antispam import client_address, rate_limited
from centrum.core.calendar import warsaw_today
from centrum.core.crossrefs import linked_records, make_ref, resolve_subjects
from centrum.core.exceptions import ApplicationError
from centrum.core.forms import add_application_error
from centrum.core.views import centre_required
from centrum.core.workflow.views import workflow_action_items

from ..choices import ConsultationStatus
from ..forms import CommentForm, PublicCommentForm
from ..permissions import can_manage_consultation, can_manage_consultations
from ..selectors import (
    SOURCE_KEY,
    consultation_get_for,
    current_units,
    organisations_acting_for,
    public_consultations,
    units_of,
    visible_comments,
)
from ..services import comment_confirm, comment_for_token, comment_submit
from ..workflows import CONSULTATION_STATUS


@centre_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    lists = public_consultations(centre=request.centre)
    return render(
        request,
        "consultations/index.html",
        {**lists, "officer": can_manage_consultations(request.user, request.centre)},
    )


def _accepting(consultation) -> bool:
    return consultation.status == ConsultationStatus.OPEN and consultation.form_written


@centre_required
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = consultation_get_for(centre=request.centre, user=request.user, pk=pk)
    officer = can_manage_consultation(request.user, consultation)
    comments = visible_comments(consultation, request.user)
    by_unit: dict[int | None, list] = {}
    for comment in comments or []:
        by_unit.setdefault(comment.unit_id, []).append(comment)
    units = units_of(consultation)
    subject = (
        resolve_subjects(request.centre, [consultation.subject_ref], settings=request.centre_settings).get(
            consultation.subject_ref
        )
        if consultation.subject_ref
        else None
    )
    context = {
        "consultation": consultation,
        "kind": consultation.kind,
        "units": [(unit, by_unit.get(unit.pk, [])) for unit in units],
        "general_comments": by_unit.get(None, []),
        "comments_public": comments is not None,
        "comment_count": len(comments or []),
        "officer": officer,
        "today": warsaw_today(),
        "accepting": _accepting(consultation),
        "subject": subject,
        "linked": linked_records(
            request.centre, make_ref(SOURCE_KEY, consultation.pk), settings=request.centre_settings
        ),
        "areas": list(consultation.areas.all()) if consultation.consulted_group == "fields" else [],
        "workflow_actions": workflow_action_items(
            consultation, request.user, workflow=CONSULTATION_STATUS, url_name="consultations:action"
        )
        if officer
        else [],
    }
    return render(request, "consultations/detail.html", context)


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def comment_new(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = consultation_get_for(centre=request.centre, user=request.user, pk=pk)
    kind = consultation.kind
    organisations = organisations_acting_for(centre=request.centre, user=request.user)
    if not kind.admits_organisations:
        organisations = organisations.none()
    form = CommentForm(
        request.POST or None,
        units=current_units(consultation),
        organisations=organisations,
        residents=kind.admits_residents,
        initial={"unit": request.GET.get("jednostka")}
        if request.GET.get("jednostka", "").isdigit()
        else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            comment_submit(consultation=consultation, actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Dziękujemy, uwaga została zgłoszona."))
            return redirect(consultation)
    return render(
        request,
        "consultations/comment_form.html",
        {"consultation": consultation, "form": form, "accepting": _accepting(consultation), "public": False},
        status=400 if form.errors else 200,
    )


@centre_required
@require_http_methods(["GET", "POST"])
def comment_public(request: HttpRequest, pk: int) -> HttpResponse:
    """A resident without an account: checked for bots, rate-limited, confirmed by e-mail."""
    consultation = consultation_get_for(centre=request.centre, user=request.user, pk=pk)
    form = PublicCommentForm(request.POST or None, units=current_units(consultation))
    if request.method == "POST" and form.is_valid():
        limit = request.centre_settings["consultations.public_comments_per_hour"]
        if rate_limited(
            f"consultations:{request.centre.pk}:{client_address(request)}", limit=limit, window=3600
        ):
            form.add_error(None, _("Zbyt wiele uwag z tego adresu w ciągu godziny. Spróbuj później."))
        else:
            data = {k: v for k, v in form.cleaned_data.items() if k not in ("website", "stamp")}
            try:
                comment_submit(consultation=consultation, actor=None, **data)
            except ApplicationError as exc:
                add_application_error(form, exc)
            else:
                messages.success(
                    request, _("Sprawdź skrzynkę e-mail: uwaga zostanie przyjęta po kliknięciu w link.")
                )
                return redirect(consultation)
    return render(
        request,
        "consultations/comment_form.html",
        {"consultation": consultation, "form": form, "accepting": _accepting(consultation), "public": True},
        status=400 if form.errors else 200,
    )


@centre_required
@require_GET
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    try:
        comment = comment_for_token(centre=request.centre, token=token)
        if comment is None:
            raise Http404
        comment = comment_confirm(comment=comment)
    except ApplicationError as exc:
        return render(request, "consultations/confirm.html", {"error": exc.message}, status=400)
    return render(
        request, "consultations/confirm.html", {"comment": comment, "consultation": comment.consultation}
    )
