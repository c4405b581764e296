"""Pages of the agreements: the public list and the service, the request, the register, one agreement with its
decision, documents, passing to the registered organisation and the KRS check."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.core.forms import add_application_error
from centrum.core.pagination import paginate
from centrum.core.selectors import audit_list_for_object
from centrum.core.views import centre_required, staff_required
from centrum.core.workflow import available_actions
from centrum.core.workflow.views import WorkflowActionView, workflow_action_items

from ..choices import FINISHED, IN_FORCE, AddressUse, AgreementStatus
from ..documents import agreement_pdf, seat_consent_pdf
from ..forms import AgreementRequestForm, ApproveForm, ExtendForm, TransferForm
from ..models import AddressAgreement
from ..permissions import can_decide_agreement, can_manage_agreements, can_record_mail, can_transfer_agreement
from ..selectors import (
    agreement_get_for,
    agreement_list_for_user,
    agreement_register,
    agreement_register_counts,
    organisations_user_admins,
    public_registered_list,
    transfer_candidates,
)
from ..services import (
    agreement_approve,
    agreement_check_krs,
    agreement_extend,
    agreement_request,
    agreement_transfer,
)
from ..workflows import AGREEMENT_STATUS, add_months

PAGE_SIZE = 50


@centre_required
@require_GET
def address_home(request: HttpRequest) -> HttpResponse:
    """The service and the public list of organisations at the centre's address."""
    page = paginate(request, public_registered_list(centre=request.centre), per_page=PAGE_SIZE)
    return render(
        request,
        "addresses/home.html",
        {
            "page": page,
            "staff": can_manage_agreements(request.user, request.centre),
            "max_months": request.centre_settings["addresses.max_months"],
        },
    )


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def agreement_request_view(request: HttpRequest) -> HttpResponse:
    settings = request.centre_settings
    organisations = organisations_user_admins(centre=request.centre, user=request.user)
    today = warsaw_today()
    initial = {
        "use": request.GET.get("rodzaj")
        if request.GET.get("rodzaj") in AddressUse.values
        else AddressUse.SEAT,
        "contact_name": getattr(request.user, "full_name", ""),
        "contact_email": request.user.email,
        "starts_on": today,
        "ends_on": add_months(today, settings["addresses.max_months"]),
        "rules_version": settings["addresses.rules_version"],
    }
    form = AgreementRequestForm(request.POST or None, initial=initial, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            agreement = agreement_request(
                centre=request.centre,
                actor=request.user,
                use=data["use"],
                organisation=data["organisation"],
                founding_name=data["founding_name"],
                founding_legal_form=data["founding_legal_form"],
                founders=data["founders"],
                contact_name=data["contact_name"],
                contact_email=data["contact_email"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                accepted_rules_version=data["rules_version"],
                notes=data["notes"],
            )
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Wniosek złożony. Centrum odpowie e-mailem."))
            return redirect(agreement)
    return render(
        request,
        "addresses/request.html",
        {
            "form": form,
            "rules_text": settings["addresses.rules_text"],
            "rules_version": settings["addresses.rules_version"],
        },
        status=400 if form.errors else 200,
    )


@login_required
@centre_required
@require_GET
def my_agreements(request: HttpRequest) -> HttpResponse:
    agreements = list(agreement_list_for_user(centre=request.centre, user=request.user))
    organisations = {a.organisation_id: a.organisation for a in agreements if a.organisation_id}
    return render(
        request,
        "addresses/my_agreements.html",
        {"agreements": agreements, "organisations": sorted(organisations.values(), key=lambda o: o.name)},
    )


@staff_required
@require_GET
def agreement_register_view(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    if status not in AgreementStatus.values:
        status = ""
    counts = agreement_register_counts(centre=request.centre)
    page = paginate(request, agreement_register(centre=request.centre, status=status), per_page=PAGE_SIZE)
    return render(
        request,
        "addresses/register.html",
        {
            "page": page,
            "status": status,
            "states": [(value, label, counts.get(value, 0)) for value, label in AgreementStatus.choices],
        },
    )


@centre_required
@require_GET
def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = agreement_get_for(centre=request.centre, user=request.user, pk=pk)
    return render(request, "addresses/agreement_detail.html", _detail_context(request, agreement))


def _detail_context(request: HttpRequest, agreement: AddressAgreement, **extra) -> dict:
    staff = can_manage_agreements(request.user, request.centre)
    allowed = {
        t.action for t in available_actions(agreement, request.user, workflow=AGREEMENT_STATUS, ui_only=False)
    }
    return {
        "agreement": agreement,
        "staff": staff,
        "workflow_actions": workflow_action_items(
            agreement, request.user, workflow=AGREEMENT_STATUS, url_name="addresses:agreement_action"
        ),
        "approve_form": extra.get("approve_form")
        or (
            ApproveForm(initial={"starts_on": agreement.starts_on, "ends_on": agreement.ends_on})
            if "approve" in allowed
            else None
        ),
        "extend_form": extra.get("extend_form")
        or (
            ExtendForm(initial={"ends_on": _suggested_end(request, agreement)})
            if "extend" in allowed
            else None
        ),
        "can_transfer": can_transfer_agreement(request.user, agreement)
        and agreement.status
        in (
            AgreementStatus.REQUESTED,
            *IN_FORCE,
        ),
        "has_documents": agreement.status in (*IN_FORCE, *FINISHED),
        "can_check_krs": staff and agreement.status in FINISHED and agreement.organisation_id is not None,
        "can_record_mail": can_record_mail(request.user, request.centre) and agreement.status in IN_FORCE,
        "audit_entries": list(audit_list_for_object(centre=request.centre, obj=agreement)[:20])
        if staff
        else [],
    }


def _suggested_end(request: HttpRequest, agreement: AddressAgreement):
    return add_months(agreement.ends_on, request.centre_settings["addresses.max_months"])


class AgreementActionView(WorkflowActionView):
    workflow = AGREEMENT_STATUS
    form_actions = frozenset({"approve", "extend"})

    def load(self, request: HttpRequest, pk: int):
        return agreement_get_for(centre=request.centre, user=request.user, pk=pk)

    def success_url(self, request: HttpRequest, obj) -> str:
        return obj.get_absolute_url()

    def perform(self, request: HttpRequest, obj, transition, reason: str):
        if transition.action == "extend":
            form = ExtendForm(request.POST)
            if not form.is_valid():
                raise ApplicationError(_("Podaj poprawną nową datę końca porozumienia."), field="ends_on")
            return agreement_extend(agreement=obj, actor=request.user, ends_on=form.cleaned_data["ends_on"])
        if transition.action != "approve":
            return super().perform(request, obj, transition, reason)
        form = ApproveForm(request.POST)
        if not form.is_valid():
            raise ApplicationError(_("Podaj poprawne daty początku i końca porozumienia."), field="ends_on")
        return agreement_approve(
            agreement=obj,
            actor=request.user,
            starts_on=form.cleaned_data["starts_on"],
            ends_on=form.cleaned_data["ends_on"],
        )


agreement_action = centre_required(AgreementActionView.as_view())


def _pdf(agreement, content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    number = (agreement.number or str(agreement.pk)).replace("/", "-")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=False, filename=f"{name}-{number}.pdf"
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@centre_required
@require_GET
def agreement_document(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = agreement_get_for(centre=request.centre, user=request.user, pk=pk)
    if agreement.status not in (*IN_FORCE, *FINISHED):
        raise Http404
    return _pdf(agreement, agreement_pdf(agreement, base_url=request.build_absolute_uri("/")), "porozumienie")


@centre_required
@require_GET
def seat_consent_document(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = agreement_get_for(centre=request.centre, user=request.user, pk=pk)
    if agreement.use != AddressUse.SEAT or agreement.status not in IN_FORCE:
        raise Http404
    return _pdf(
        agreement, seat_consent_pdf(agreement, base_url=request.build_absolute_uri("/")), "zgoda-siedziba"
    )


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def agreement_transfer_view(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = agreement_get_for(centre=request.centre, user=request.user, pk=pk)
    if not can_transfer_agreement(request.user, agreement):
        raise PermissionDenied
    candidates = transfer_candidates(centre=request.centre, user=request.user, agreement=agreement)
    form = TransferForm(request.POST or None, organisations=candidates)
    if request.method == "POST" and form.is_valid():
        try:
            agreement_transfer(
                agreement=agreement, organisation=form.cleaned_data["organisation"], actor=request.user
            )
        except ApplicationError as exc:
            add_application_error(form, exc, default_field="organisation")
        else:
            messages.success(request, _("Porozumienie przekazane organizacji."))
            return redirect(agreement)
    return render(
        request,
        "addresses/transfer.html",
        {"agreement": agreement, "form": form, "has_candidates": candidates.exists()},
        status=400 if form.errors else 200,
    )


@staff_required
@require_POST
def agreement_krs_check(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = agreement_get_for(centre=request.centre, user=request.user, pk=pk)
    if not can_decide_agreement(request.user, agreement):
        raise PermissionDenied
    try:
        agreement_check_krs(agreement=agreement, actor=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request, _("Sprawdzono adres w KRS: %(result)s.") % {"result": agreement.get_krs_check_display()}
        )
    return redirect(reverse("addresses:agreement_detail", args=[agreement.pk]))
