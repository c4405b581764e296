"""Socially responsible companies (CSR): the public list and profile, the public proposal form, staff's
entry, edit and moderation."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from centrum.core.antispam import client_address, rate_limited
from centrum.core.exceptions import ApplicationError
from centrum.core.forms import add_application_error
from centrum.core.selectors import audit_list_for_object
from centrum.core.views import centre_required, staff_required
from centrum.core.workflow.views import ActionFailure, WorkflowActionView, workflow_action_items

from ..forms import CompanyFilterForm, CompanyForm, CompanyProposalForm
from ..models import COMPANY_FIELDS, Company
from ..permissions import can_moderate_company
from ..selectors import company_get, company_get_visible, company_list_public, company_moderation_queue
from ..services import company_create, company_propose, company_update
from ..workflows import COMPANY_STATUS
from .common import form_status, logo_max_kb, page_of, posted, save_or_show

RATE_WINDOW = 3600


@centre_required
@require_GET
def company_list(request: HttpRequest) -> HttpResponse:
    form = CompanyFilterForm(request.GET or None)
    page = page_of(request, company_list_public(centre=request.centre, **form.filters()))
    return render(
        request,
        "promotion/company_list.html",
        {
            "form": form,
            "page": page,
            "is_staff": can_moderate_company(request.user, Company(centre=request.centre)),
        },
    )


def _detail_context(request: HttpRequest, company: Company, failure: ActionFailure | None = None) -> dict:
    staff = can_moderate_company(request.user, company)
    return {
        "company": company,
        "is_staff": staff,
        "actions": workflow_action_items(
            company,
            request.user,
            workflow=COMPANY_STATUS,
            url_name="promotion:company_action",
            failure=failure,
        )
        if staff
        else [],
        "audit_entries": list(audit_list_for_object(centre=request.centre, obj=company)[:30])
        if staff
        else None,
    }


@centre_required
@require_GET
def company_detail(request: HttpRequest, pk: int) -> HttpResponse:
    company = company_get_visible(centre=request.centre, pk=pk, user=request.user)
    return render(request, "promotion/company_detail.html", _detail_context(request, company))


@centre_required
@require_http_methods(["GET", "HEAD", "POST"])
def company_propose_view(request: HttpRequest) -> HttpResponse:
    form = CompanyProposalForm(*posted(request, files=True), logo_max_kb=logo_max_kb(request))
    if request.method == "POST" and form.is_valid():
        key = f"promotion-company:{request.centre.pk}:{client_address(request)}"
        limit = request.centre_settings["promotion.proposals_per_hour"]
        try:
            if rate_limited(key, limit=limit, window=RATE_WINDOW):
                raise ApplicationError(
                    _("Z tego adresu wysłano już kilka zgłoszeń; spróbuj ponownie za godzinę.")
                )
            company_propose(
                centre=request.centre,
                data=form.service_data(),
                proposer_email=form.cleaned_data["proposer_email"],
                logo=form.uploaded_logo(),
            )
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            return redirect("promotion:company_proposed")
    return render(request, "promotion/company_propose.html", {"form": form}, status=form_status(form))


@centre_required
@require_GET
def company_proposed(request: HttpRequest) -> HttpResponse:
    return render(request, "promotion/company_proposed.html")


@centre_required
@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def company_new(request: HttpRequest) -> HttpResponse:
    form = CompanyForm(*posted(request, files=True), logo_max_kb=logo_max_kb(request))
    return save_or_show(
        request,
        form,
        save=lambda: company_create(
            centre=request.centre, actor=request.user, data=form.service_data(), logo=form.uploaded_logo()
        ),
        done=_("Dodano profil firmy."),
        template="promotion/company_form.html",
        context={"company": None},
    )


@centre_required
@staff_required
@require_http_methods(["GET", "HEAD", "POST"])
def company_edit(request: HttpRequest, pk: int) -> HttpResponse:
    company = company_get(centre=request.centre, pk=pk)
    form = CompanyForm(
        *posted(request, files=True),
        initial={name: getattr(company, name) for name in COMPANY_FIELDS},
        logo_max_kb=logo_max_kb(request),
    )
    return save_or_show(
        request,
        form,
        save=lambda: company_update(
            company=company, actor=request.user, data=form.service_data(), logo=form.uploaded_logo()
        ),
        done=_("Zapisano profil firmy."),
        template="promotion/company_form.html",
        context={"company": company},
    )


@centre_required
@staff_required
@require_GET
def company_queue(request: HttpRequest) -> HttpResponse:
    page = page_of(request, company_moderation_queue(centre=request.centre))
    items = [
        {
            "company": company,
            "actions": workflow_action_items(
                company, request.user, workflow=COMPANY_STATUS, url_name="promotion:company_action"
            ),
        }
        for company in page.object_list
    ]
    return render(request, "promotion/company_queue.html", {"page": page, "items": items})


class CompanyActionView(WorkflowActionView):
    """Staff publish, reject, hide and restore a company's profile."""

    workflow = COMPANY_STATUS

    def load(self, request: HttpRequest, pk: int) -> Company:
        return company_get(centre=request.centre, pk=pk)

    def success_url(self, request: HttpRequest, obj: Company) -> str:
        return reverse("promotion:company_detail", kwargs={"pk": obj.pk})

    def failed(self, request: HttpRequest, obj: Company, failure: ActionFailure) -> HttpResponse:
        context = _detail_context(request, obj, failure)
        return render(request, "promotion/company_detail.html", context, status=400)


company_action = centre_required(staff_required(CompanyActionView.as_view()))
