"""The promotion index and the organisation's "Wizytówka" form (its public page is `organisations:detail`,
which draws the sections every app registers in `centrum.core.portal`)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from centrum.core.permissions import is_centre_staff
from centrum.core.selectors import audit_list_for_object, get_for_centre_or_404
from centrum.core.views import centre_required, staff_required
from centrum.core.workflow.views import ActionFailure, WorkflowActionView, workflow_action_items
from centrum.organisations.selectors import organisation_get_visible

from ..forms import OrganisationPageForm
from ..models import OrganisationPage
from ..permissions import can_edit_organisation_page, can_manage_companies
from ..selectors import organisation_page_get, organisations_with_editable_page
from ..services import organisation_page_save
from ..workflows import PAGE_VISIBILITY
from .common import logo_max_kb, posted, save_or_show

AUDIT_ENTRIES_SHOWN = 30


@centre_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "promotion/index.html",
        {
            "my_organisations": list(
                organisations_with_editable_page(centre=request.centre, user=request.user)
            ),
            "is_staff": can_manage_companies(request.user, request.centre),
        },
    )


def _page_form_context(request, organisation, page, form, failure: ActionFailure | None = None) -> dict:
    staff = is_centre_staff(request.user, request.centre)
    actions = (
        workflow_action_items(
            page,
            request.user,
            workflow=PAGE_VISIBILITY,
            url_name="promotion:page_action",
            failure=failure,
        )
        if page is not None and staff
        else []
    )
    return {
        "organisation": organisation,
        "page": page,
        "form": form,
        "actions": actions,
        "audit_entries": list(audit_list_for_object(centre=request.centre, obj=page)[:AUDIT_ENTRIES_SHOWN])
        if page is not None and staff
        else None,
    }


@centre_required
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def page_edit(request: HttpRequest, organisation_pk: int) -> HttpResponse:
    organisation = organisation_get_visible(centre=request.centre, pk=organisation_pk, user=request.user)
    if not can_edit_organisation_page(request.user, organisation):
        raise PermissionDenied
    page = organisation_page_get(centre=request.centre, organisation=organisation)
    initial = {name: getattr(page, name) for name in OrganisationPageForm.base_fields} if page else {}
    form = OrganisationPageForm(
        *posted(request, files=True), initial=initial, logo_max_kb=logo_max_kb(request)
    )
    context = _page_form_context(request, organisation, page, form)
    del context["form"]
    return save_or_show(
        request,
        form,
        save=lambda: organisation_page_save(
            organisation=organisation, actor=request.user, data=form.cleaned_data, logo=form.uploaded_logo()
        ),
        done=_("Zapisano wizytówkę organizacji."),
        template="promotion/page_form.html",
        context=context,
    )


class PageActionView(WorkflowActionView):
    """Staff hide an organisation's page content (with a reason) or show it again."""

    workflow = PAGE_VISIBILITY

    def load(self, request: HttpRequest, pk: int) -> OrganisationPage:
        queryset = OrganisationPage.objects.select_related("organisation")
        return get_for_centre_or_404(queryset, centre=request.centre, pk=pk)

    def success_url(self, request: HttpRequest, obj: OrganisationPage) -> str:
        return reverse("promotion:page_edit", kwargs={"organisation_pk": obj.organisation_id})

    def failed(self, request: HttpRequest, obj: OrganisationPage, failure: ActionFailure) -> HttpResponse:
        form = OrganisationPageForm(
            initial={name: getattr(obj, name) for name in OrganisationPageForm.base_fields},
            logo_max_kb=logo_max_kb(request),
        )
        context = _page_form_context(request, obj.organisation, obj, form, failure)
        return render(request, "promotion/page_form.html", context, status=400)


page_action = centre_required(staff_required(PageActionView.as_view()))
