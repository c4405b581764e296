"""Loans of equipment out of the building: request, decision, handover, return, the agreement PDF."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from centrum.accounts.selectors import ACTIVE_ORGANISATION_SESSION_KEY
from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.core.forms import add_application_error
from centrum.core.pagination import paginate
from centrum.core.permissions import is_centre_staff
from centrum.core.selectors import audit_list_for_object
from centrum.core.views import centre_required, staff_required
from centrum.core.workflow import available_actions
from centrum.core.workflow.views import WorkflowActionView, workflow_action_items

from ..agreements import loan_agreement_pdf
from ..choices import LoanStatus
from ..forms import HandoverForm, LoanForm
from ..permissions import can_decide_loan, can_request_loan_as_resident
from ..selectors import (
    equipment_list,
    loan_get_visible,
    loan_list,
    loans_overdue,
    organisations_acting_for,
    organisations_active,
)
from ..services import loan_hand_over, loan_request, loan_return
from ..workflows import LOAN_STATUS
from .bookings import access_page

LOAN_PAGE_SIZE = 50


@staff_required
def loan_list_view(request: HttpRequest) -> HttpResponse:
    today = warsaw_today()
    return render(
        request,
        "spaces/loan_list.html",
        {
            "page": paginate(request, loan_list(centre=request.centre), per_page=LOAN_PAGE_SIZE),
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
    personal = not staff and can_request_loan_as_resident(user, centre)
    active = None
    if not staff:
        # As on the booking form, a member borrows for the organisation they act for now (chosen on the
        # account page, else the first by name); read from the list already loaded, not one more query.
        acting = list(organisations)
        if not acting and not personal:
            return access_page(request)
        chosen = request.session.get(ACTIVE_ORGANISATION_SESSION_KEY)
        active = next((o for o in acting if o.pk == chosen), acting[0] if acting else None)
    form = LoanForm(
        request.POST or None,
        initial={"organisation": active.pk if active is not None else None},
        organisations=organisations,
        equipment=equipment_list(centre=centre, leaving_only=True),
        personal=personal,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        booker = form.booker()
        try:
            loan = loan_request(
                centre=centre,
                actor=user,
                organisation=None if booker.personal else data.get("organisation"),
                booker=booker,
                purpose=data["purpose"],
                starts_on=data["starts_on"],
                due_on=data["due_on"],
                items=form.chosen_equipment(),
            )
        except ApplicationError as exc:
            add_application_error(form, exc)
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
    allowed = {t.action for t in available_actions(loan, request.user, workflow=LOAN_STATUS, ui_only=False)}
    return render(
        request,
        "spaces/loan_detail.html",
        {
            "loan": loan,
            "staff": staff,
            "workflow_actions": workflow_action_items(
                loan, request.user, workflow=LOAN_STATUS, url_name="spaces:loan_action"
            ),
            "can_hand_over": "hand_over" in allowed,
            "can_return": "return" in allowed,
            "handover_form": HandoverForm(prefix="handover"),
            "return_form": HandoverForm(prefix="return"),
            "audit_entries": list(audit_list_for_object(centre=request.centre, obj=loan)[:20])
            if staff
            else [],
            "has_agreement": loan.status
            in (LoanStatus.APPROVED, LoanStatus.HANDED_OVER, LoanStatus.RETURNED),
        },
    )


# The loan's actions, by the workflow's names (approve, reject, cancel, hand_over, return).
ACTIONS = {t.action for t in LOAN_STATUS.transitions}


class LoanActionView(WorkflowActionView):
    workflow = LOAN_STATUS
    form_actions = frozenset({"hand_over", "return"})

    def load(self, request: HttpRequest, pk: int):
        return loan_get_visible(centre=request.centre, pk=pk, user=request.user)

    def success_url(self, request: HttpRequest, obj) -> str:
        return reverse("spaces:loan_detail", kwargs={"pk": obj.pk})

    def perform(self, request: HttpRequest, obj, transition, reason: str):
        if transition.action not in self.form_actions:
            return super().perform(request, obj, transition, reason)
        prefix, service, person = (
            ("handover", loan_hand_over, "received_by_name")
            if transition.action == "hand_over"
            else ("return", loan_return, "returned_by_name")
        )
        form = HandoverForm(request.POST, prefix=prefix)
        if not form.is_valid():
            raise ApplicationError(_("Podaj osobę i stan sprzętu."))
        data = form.cleaned_data
        return service(
            loan=obj,
            actor=request.user,
            condition=data["condition"],
            notes=data["notes"],
            **{person: data["person"]},
        )

    def done(self, request: HttpRequest, obj, transition) -> None:
        if transition.action in self.form_actions:
            done = (
                _("Wydanie sprzętu zapisane.")
                if transition.action == "hand_over"
                else _("Zwrot sprzętu zapisany.")
            )
            messages.success(request, done)
        else:
            super().done(request, obj, transition)


loan_action = login_required(centre_required(LoanActionView.as_view()))


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
