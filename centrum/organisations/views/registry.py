"""Pages of the organisation registry: directory, organisation page, registration, edit, verification."""

import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from centrum.core.audit_display import display_date
from centrum.core.exceptions import ApplicationError
from centrum.core.forms import add_application_error
from centrum.core.pagination import CappedPaginator, paginate
from centrum.core.permissions import can_view_audit_log
from centrum.core.selectors import audit_list_for_object
from centrum.core.versions import cached_fragment
from centrum.core.views import centre_required, staff_required
from centrum.core.workflow.views import (
    ActionFailure,
    WorkflowActionView,
    safe_next,
    unplaced_errors,
    workflow_action_items,
)

from ..choices import PUBLIC_STATUSES, OrganisationStatus
from ..forms.registry import (
    DirectoryFilterForm,
    OrganisationForm,
    prefill_from_krs,
)
from ..identifiers import clean_krs, format_iban, format_nip
from ..integrations.krs import KrsError, KrsNotFound
from ..models import Organisation
from ..permissions import (
    can_change_organisation_status,
    can_edit_organisation,
    can_manage_members,
    is_organisation_admin,
)
from ..sections import public_sections_for, support_sections_for
from ..selectors.registry import (
    DIRECTORY_COUNT_CAP,
    organisation_directory,
    organisation_duplicates_for,
    organisation_get,
    organisation_get_visible,
    organisation_verification_queue,
)
from ..services.krs import krs_lookup
from ..services.registry import (
    organisation_create,
    organisation_update,
)
from ..workflows import ORGANISATION_STATUS

PAGE_SIZE = 20
QUEUE_PAGE_SIZE = 20
DUPLICATES_SHOWN = 5  # possible duplicates listed per organisation in the verification queue
AUDIT_ENTRIES_SHOWN = 50
DUPLICATE_REASONS = {
    "krs": gettext_lazy("ten sam numer KRS"),
    "nip": gettext_lazy("ten sam NIP"),
    "regon": gettext_lazy("ten sam REGON"),
    "name": gettext_lazy("taka sama nazwa"),
}


# Directory


@centre_required
@require_http_methods(["GET", "HEAD"])
def directory(request: HttpRequest) -> HttpResponse:
    """The filters and the results are the same for everyone: rendered once per centre data version and
    query string (`centrum.core.versions`), so a repeated search costs neither its queries nor its templates."""
    partial = bool(request.htmx) and request.htmx.target == "directory-results"

    def render_body() -> str:
        form = DirectoryFilterForm(request.GET or None, centre=request.centre)
        filters = form.filters()
        organisations = organisation_directory(centre=request.centre, **filters)
        page = paginate(
            request,
            organisations,
            per_page=PAGE_SIZE,
            paginator_class=CappedPaginator,
            cap=DIRECTORY_COUNT_CAP,
        )
        context = {
            "form": form,
            "page": page,
            "paginator": page.paginator,
            "is_filtered": bool(filters),
            "legal_forms": dict(Organisation._meta.get_field("legal_form").choices),
            "htmx_partial": partial,
        }
        template = (
            "organisations/_directory_results.html" if partial else "organisations/_directory_body.html"
        )
        return render_to_string(template, context, request)

    query = sorted((key, tuple(values)) for key, values in request.GET.lists())
    body = cached_fragment(request.centre, "organisations.directory", (partial, query), render_body)
    response = (
        HttpResponse(body) if partial else render(request, "organisations/directory.html", {"body": body})
    )
    patch_vary_headers(response, ["HX-Request"])
    return response


# Organisation page and status changes


def _members_url(organisation: Organisation) -> str | None:
    """The accounts app's member management page, when that app provides it."""
    for kwargs in ({"kwargs": {"pk": organisation.pk}}, {"args": [organisation.pk]}):
        try:
            return reverse("accounts:organisation_members", **kwargs)
        except NoReverseMatch:
            continue
    return None


def _status_actions(
    request: HttpRequest, organisation: Organisation, failure: ActionFailure | None
) -> list[dict]:
    return workflow_action_items(
        organisation,
        request.user,
        workflow=ORGANISATION_STATUS,
        url_name="organisations:action",
        failure=failure,
    )


def _detail_context(
    request: HttpRequest, organisation: Organisation, failure: ActionFailure | None = None
) -> dict:
    user, centre = request.user, request.centre
    can_edit = can_edit_organisation(user, organisation)
    is_submitter = user.is_authenticated and organisation.submitted_by_id == user.pk
    is_insider = can_edit or is_submitter
    can_change_status = can_change_organisation_status(user, organisation)
    status_actions = _status_actions(request, organisation, failure) if can_change_status else []
    return {
        "organisation": organisation,
        "areas": list(organisation.areas.all()),
        "nip_display": format_nip(organisation.nip),
        "bank_account_display": format_iban(organisation.bank_account) if is_insider else "",
        "is_insider": is_insider,
        "can_edit": can_edit,
        "members_url": _members_url(organisation) if can_manage_members(user, organisation) else None,
        "is_org_admin": is_organisation_admin(user, organisation),
        "can_change_status": can_change_status,
        "status_actions": status_actions,
        "status_errors": unplaced_errors(failure, status_actions),
        "audit_entries": (
            list(audit_list_for_object(centre=centre, obj=organisation)[:AUDIT_ENTRIES_SHOWN])
            if can_view_audit_log(user, centre)
            else None
        ),
        "is_public": organisation.status in PUBLIC_STATUSES,
        "statuses": OrganisationStatus,
        # Bookings, loans and other support, from the apps that give it; for the centre's staff.
        "support_sections": support_sections_for(request, organisation) if can_change_status else [],
        # What apps add to the public page (centrum.core.portal): the "Wizytówka", OPP status, news, offers.
        "public_sections": (
            public_sections_for(request, organisation) if organisation.status in PUBLIC_STATUSES else []
        ),
    }


@centre_required
@require_http_methods(["GET", "HEAD"])
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = organisation_get_visible(centre=request.centre, pk=pk, user=request.user)
    return render(request, "organisations/detail.html", _detail_context(request, organisation))


class OrganisationActionView(WorkflowActionView):
    """Staff change an organisation's status from its page or from the verification queue."""

    workflow = ORGANISATION_STATUS

    def load(self, request: HttpRequest, pk: int) -> Organisation:
        return organisation_get(centre=request.centre, pk=pk)

    def success_url(self, request: HttpRequest, obj: Organisation) -> str:
        return reverse("organisations:detail", kwargs={"pk": obj.pk})

    def failed(self, request: HttpRequest, obj: Organisation, failure: ActionFailure) -> HttpResponse:
        if safe_next(request).startswith(reverse("organisations:verification_queue")):
            return _verification_queue_page(request, failure)
        organisation = organisation_get_visible(centre=request.centre, pk=obj.pk, user=request.user)
        context = _detail_context(request, organisation, failure=failure)
        return render(request, "organisations/detail.html", context, status=400)


action = centre_required(staff_required(OrganisationActionView.as_view()))


# Registration and edit


def _krs_prefill(request: HttpRequest, form: OrganisationForm) -> OrganisationForm:
    """Fill the posted form from the KRS register; the person sees what was found and checks it."""
    try:
        number = clean_krs(request.POST.get("krs", ""))
    except ValidationError as exc:
        form.show_only_errors({"krs": " ".join(exc.messages)})
        return form
    if not number:
        form.show_only_errors({"krs": _("Wpisz numer KRS, aby pobrać dane z rejestru.")})
        return form
    try:
        result = krs_lookup(number)
    except KrsNotFound:
        form.show_only_errors(
            {"krs": _("W KRS nie ma podmiotu o numerze %(krs)s. Sprawdź numer.") % {"krs": number}}
        )
        return form
    except KrsError:
        form.show_only_errors({"krs": _unavailable_message()})
        return form
    filled = type(form)(
        prefill_from_krs(request.POST, result.data, form.fields),
        centre=form.centre,
        logo_max_kb=form.fields["logo"].max_bytes // 1024,
        instance=form.instance,
    )
    filled.show_only_errors({})
    notices = []
    if result.as_of:
        notices.append(
            _("Pobrano dane z KRS według stanu na %(date)s. Sprawdź je i uzupełnij pozostałe pola.")
            % {"date": display_date(result.as_of)}
        )
    else:
        notices.append(_("Pobrano dane z KRS. Sprawdź je i uzupełnij pozostałe pola."))
    if getattr(result, "is_stale", False):
        notices.append(_("Rejestr KRS nie odpowiada – pokazujemy dane zapisane przy wcześniejszym pobraniu."))
    if result.is_liquidated:
        notices.append(_("Uwaga: według KRS organizacja jest w likwidacji."))
    if request.FILES.get("logo"):
        notices.append(_("Wybierz plik logo ponownie – przeglądarka nie przesyła go po pobraniu danych."))
    filled.krs_notices = notices
    filled.krs_liquidated = result.is_liquidated
    return filled


def _unavailable_message() -> str:
    return _(
        "Rejestr KRS jest teraz nieosiągalny. Wpisz dane organizacji samodzielnie albo spróbuj ponownie za chwilę."
    )


def _organisation_form(request: HttpRequest, **kwargs) -> OrganisationForm:
    return OrganisationForm(
        *([request.POST, request.FILES] if request.method == "POST" else []),
        centre=request.centre,
        logo_max_kb=request.centre_settings["organisations.logo_max_kb"],
        **kwargs,
    )


@centre_required
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    form = _organisation_form(request)
    status = 200
    if request.method == "POST":
        if "krs_prefill" in request.POST:
            form = _krs_prefill(request, form)
        elif form.is_valid():
            try:
                organisation = organisation_create(
                    centre=request.centre,
                    actor=request.user,
                    data=form.service_data(),
                    areas=form.service_areas(),
                )
            except ApplicationError as exc:
                add_application_error(form, exc)
            else:
                return redirect("organisations:register_done", pk=organisation.pk)
        if form.errors:
            status = 400
    return render(
        request,
        "organisations/form.html",
        {"form": form, "organisation": None, "page_title": _("Zgłoś organizację")},
        status=status,
    )


@centre_required
@login_required
@require_http_methods(["GET", "HEAD"])
def register_done(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = organisation_get_visible(centre=request.centre, pk=pk, user=request.user)
    if organisation.submitted_by_id != request.user.pk:
        raise Http404
    return render(request, "organisations/register_done.html", {"organisation": organisation})


@centre_required
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = organisation_get_visible(centre=request.centre, pk=pk, user=request.user)
    if not can_edit_organisation(request.user, organisation):
        raise PermissionDenied
    title = _("Edycja: %(name)s") % {"name": organisation.name}
    # The form changes its instance while it validates; the page keeps showing the saved data. A copy
    # keeps the loaded areas, so the form does not query them again.
    form = _organisation_form(request, instance=copy.copy(organisation))
    status = 200
    if request.method == "POST":
        if "krs_prefill" in request.POST:
            form = _krs_prefill(request, form)
        elif form.is_valid():
            try:
                organisation_update(
                    organisation=organisation,
                    actor=request.user,
                    data=form.service_data(),
                    areas=form.service_areas(),
                )
            except ApplicationError as exc:
                add_application_error(form, exc)
            else:
                messages.success(request, _("Zapisano dane organizacji."))
                return redirect("organisations:detail", pk=organisation.pk)
        if form.errors:
            status = 400
    return render(
        request,
        "organisations/form.html",
        {"form": form, "organisation": organisation, "page_title": title},
        status=status,
    )


# Verification queue


@centre_required
@staff_required
@require_http_methods(["GET", "HEAD"])
def verification_queue(request: HttpRequest) -> HttpResponse:
    return _verification_queue_page(request)


def _verification_queue_page(request: HttpRequest, failure: ActionFailure | None = None) -> HttpResponse:
    failed_pk = failure.pk if failure is not None else None
    page = paginate(request, organisation_verification_queue(centre=request.centre), per_page=QUEUE_PAGE_SIZE)
    organisations = list(page.object_list)
    duplicates = organisation_duplicates_for(
        centre=request.centre, organisations=organisations, shown=DUPLICATES_SHOWN
    )
    items = [
        {
            "organisation": org,
            "nip_display": format_nip(org.nip),
            # Numbers first, then the oldest names; a common name ("Fundacja Pomocy …") can match dozens,
            # and the page shows a few with a link to all of them in the directory.
            "duplicates": [
                {"reason": str(DUPLICATE_REASONS[field]), "organisation": other}
                for field, other in duplicates[org.pk].pairs
            ],
            "more_duplicates": duplicates[org.pk].total - len(duplicates[org.pk].pairs),
            "actions": _status_actions(request, org, failure),
        }
        for org in organisations
    ]
    for item in items:
        item["errors"] = unplaced_errors(
            failure if item["organisation"].pk == failed_pk else None, item["actions"]
        )
    if failure is not None and failed_pk not in duplicates:
        # The organisation left the queue meanwhile (another person acted on it): say why nothing happened.
        messages.error(request, failure.message)
    return render(
        request,
        "organisations/verification_queue.html",
        {"page": page, "paginator": page.paginator, "items": items, "failed_pk": failed_pk},
        status=400 if failure is not None else 200,
    )
