"""Loans of equipment out of the building: request, decision, handover, return, the agreement PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.core.permissions import is_centre_staff
from centrum.core.selectors import audit_list_for_object
from centrum.core.views import centre_required, staff_required
from centrum.core.workflow import available_actions

from ..agreements import loan_agreement_pdf
from ..choices import LoanStatus
from ..forms import HandoverForm, LoanDecisionForm, LoanForm
from ..permissions import can_cancel_loan, can_decide_loan
from ..selectors import (
    equipment_list,
    loan_get_visible,
    loan_list,
    loans_overdue,
    organisations_acting_for,
    organisations_active,
)
from ..services import loan_approve, loan_cancel, loan_hand_over, loan_reject, loan_request, loan_return
from ..workflows import LOAN_STATUS
from .common import form_error


@staff_required
def loan_list_view(request: HttpRequest) -> HttpResponse:
    today = warsaw_today()
    return render(
        request,
        "spaces/loan_list.html",
        {
            "loans": list(loan_list(centre=request.centre)[:200]),
            "overdue": list(loans_overdue(centre=request.centre, today=today)),
            "today": today,
        },
    )


@login_required
@centre_required
def loan_create(request: HttpRequest) -> HttpResponse:
    centre, user = request.centre, request.user
    staff = is_centre_staff(user, centre)
    organisations = (
        organisations_active(centre=centre) if staff else organisations_acting_for(centre=centre, user=user)
    )
    if not staff and not organisations.exists():
        return render(request, "spaces/no_organisation.html", status=403)
    form = LoanForm(
        request.POST or None,
        organisations=organisations,
        equipment=equipment_list(centre=centre, leaving_only=True),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            loan = loan_request(
                centre=centre,
                actor=user,
                organisation=data["organisation"],
                purpose=data["purpose"],
                starts_on=data["starts_on"],
                due_on=data["due_on"],
                items=form.chosen_equipment(),
            )
        except ApplicationError as exc:
            form_error(form, exc)
        else:
            messages.success(
                request, _("Wniosek o wypożyczenie %(number)s wysłany.") % {"number": loan.number}
            )
            return redirect("spaces:loan_detail", pk=loan.pk)
    return render(request, "spaces/loan_form.html", {"form": form})


@login_required
@centre_required
def loan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    loan = loan_get_visible(centre=request.centre, pk=pk, user=request.user)
    staff = can_decide_loan(request.user, loan)
    actions = {t.action for t in available_actions(loan, request.user, workflow=LOAN_STATUS, ui_only=False)}
    return render(
        request,
        "spaces/loan_detail.html",
        {
            "loan": loan,
            "staff": staff,
            "actions": actions,
            "handover_form": HandoverForm(prefix="handover"),
            "return_form": HandoverForm(prefix="return"),
            "decision_form": LoanDecisionForm(prefix="decision"),
            "audit_entries": list(audit_list_for_object(centre=request.centre, obj=loan)[:20])
            if staff
            else [],
            "has_agreement": loan.status
            in (LoanStatus.APPROVED, LoanStatus.HANDED_OVER, LoanStatus.RETURNED),
        },
    )


ACTIONS = {"zatwierdz", "odrzuc", "anuluj", "wydaj", "zwrot"}


@require_POST
@login_required
@centre_required
def loan_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    if action not in ACTIONS:
        raise Http404
    loan = loan_get_visible(centre=request.centre, pk=pk, user=request.user)
    if action == "anuluj":
        if not can_cancel_loan(request.user, loan):
            raise PermissionDenied
    elif not can_decide_loan(request.user, loan):
        raise PermissionDenied
    try:
        if action == "zatwierdz":
            loan_approve(loan=loan, actor=request.user)
            done = _("Wypożyczenie zatwierdzone – umowa jest gotowa do wydruku.")
        elif action == "odrzuc":
            form = LoanDecisionForm(request.POST, prefix="decision")
            if not form.is_valid():
                raise ApplicationError(
                    " ".join(form.errors.get("reason", [])) or _("Popraw zaznaczone pola.")
                )
            loan_reject(loan=loan, actor=request.user, reason=form.cleaned_data.get("reason", ""))
            done = _("Wniosek odrzucony.")
        elif action == "anuluj":
            form = LoanDecisionForm(request.POST, prefix="decision")
            if not form.is_valid():
                raise ApplicationError(
                    " ".join(form.errors.get("reason", [])) or _("Popraw zaznaczone pola.")
                )
            loan_cancel(loan=loan, actor=request.user, reason=form.cleaned_data.get("reason", ""))
            done = _("Wypożyczenie anulowane.")
        else:
            prefix = "handover" if action == "wydaj" else "return"
            form = HandoverForm(request.POST, prefix=prefix)
            if not form.is_valid():
                raise ApplicationError(_("Podaj osobę i stan sprzętu."))
            data = form.cleaned_data
            if action == "wydaj":
                loan_hand_over(
                    loan=loan,
                    actor=request.user,
                    received_by_name=data["person"],
                    condition=data["condition"],
                    notes=data["notes"],
                )
                done = _("Wydanie sprzętu zapisane.")
            else:
                loan_return(
                    loan=loan,
                    actor=request.user,
                    returned_by_name=data["person"],
                    condition=data["condition"],
                    notes=data["notes"],
                )
                done = _("Zwrot sprzętu zapisany.")
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, done)
    return redirect("spaces:loan_detail", pk=loan.pk)


@login_required
@centre_required
def loan_agreement(request: HttpRequest, pk: int) -> HttpResponse:
    loan = loan_get_visible(centre=request.centre, pk=pk, user=request.user)
    if loan.status not in (LoanStatus.APPROVED, LoanStatus.HANDED_OVER, LoanStatus.RETURNED):
        raise Http404
    response = HttpResponse(
        loan_agreement_pdf(loan=loan, base_url=request.build_absolute_uri("/")),
        content_type="application/pdf",
    )
    # content_disposition_header writes a non-ASCII name ("UŻ") as filename*=utf-8''…, which browsers
    # read; a plain header would be MIME-encoded by Django into something no browser understands.
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=False, filename=f"umowa-{loan.number.replace('/', '-')}.pdf"
    )
    return response
