"""Pages of the mail log: staff record and hand over mail; the organisation sees its mail and names the
persons authorised to collect it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from centrum.core.calendar import warsaw_today
from centrum.core.exceptions import ApplicationError
from centrum.core.forms import add_application_error
from centrum.core.pagination import paginate
from centrum.core.selectors import audit_list_for_object
from centrum.core.views import centre_required, staff_required
from centrum.core.workflow.views import WorkflowActionView, workflow_action_items

from ..choices import MailStatus
from ..forms import AuthorisedPersonForm, MailFilterForm, MailForm, PickupForm
from ..permissions import can_hand_over_mail, can_manage_authorised_persons, can_record_mail
from ..selectors import (
    agreement_list_for_user,
    authorised_person_get,
    authorised_persons,
    mail_for_organisation,
    mail_get_for,
    mail_log,
    organisation_get_for_mail,
    organisations_with_agreement_in_force,
)
from ..services import authorised_person_add, authorised_person_remove, mail_hand_over, mail_record
from ..workflows import MAIL_STATUS

PAGE_SIZE = 50


@staff_required
@require_GET
def mail_log_view(request: HttpRequest) -> HttpResponse:
    form = MailFilterForm(request.GET or None)
    status = form.cleaned_data["status"] if form.is_valid() else ""
    page = paginate(request, mail_log(centre=request.centre, status=status), per_page=PAGE_SIZE)
    return render(request, "addresses/mail_log.html", {"page": page, "filter_form": form})


@staff_required
@require_http_methods(["GET", "POST"])
def mail_new(request: HttpRequest) -> HttpResponse:
    if not can_record_mail(request.user, request.centre):
        raise PermissionDenied
    organisations = organisations_with_agreement_in_force(centre=request.centre)
    initial = {"received_on": warsaw_today(), "organisation": request.GET.get("organisation")}
    form = MailForm(request.POST or None, request.FILES or None, initial=initial, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        try:
            mail = mail_record(centre=request.centre, actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Przesyłka zapisana, organizacja dostała wiadomość e-mail."))
            return redirect(mail)
    return render(
        request,
        "addresses/mail_form.html",
        {"form": form, "has_organisations": organisations.exists()},
        status=400 if form.errors else 200,
    )


@centre_required
@require_GET
def mail_detail(request: HttpRequest, pk: int) -> HttpResponse:
    mail = mail_get_for(centre=request.centre, user=request.user, pk=pk)
    staff = can_hand_over_mail(request.user, mail)
    persons = authorised_persons(centre=request.centre, organisation=mail.organisation)
    return render(
        request,
        "addresses/mail_detail.html",
        {
            "mail": mail,
            "staff": staff,
            "pickup_form": PickupForm(persons=persons)
            if staff and mail.status == MailStatus.WAITING
            else None,
            "workflow_actions": workflow_action_items(
                mail, request.user, workflow=MAIL_STATUS, url_name="addresses:mail_action"
            ),
            "audit_entries": list(audit_list_for_object(centre=request.centre, obj=mail)[:20])
            if staff
            else [],
        },
    )


class MailActionView(WorkflowActionView):
    workflow = MAIL_STATUS
    form_actions = frozenset({"collect"})

    def load(self, request: HttpRequest, pk: int):
        return mail_get_for(centre=request.centre, user=request.user, pk=pk)

    def success_url(self, request: HttpRequest, obj) -> str:
        return obj.get_absolute_url()

    def perform(self, request: HttpRequest, obj, transition, reason: str):
        if transition.action != "collect":
            return super().perform(request, obj, transition, reason)
        form = PickupForm(
            request.POST, persons=authorised_persons(centre=request.centre, organisation=obj.organisation)
        )
        if not form.is_valid():
            raise ApplicationError(
                _("Ta osoba nie jest upoważniona do odbioru poczty tej organizacji."), field="person"
            )
        return mail_hand_over(mail=obj, person=form.cleaned_data["person"], actor=request.user)


mail_action = centre_required(MailActionView.as_view())


@centre_required
@require_GET
def mail_scan(request: HttpRequest, pk: int) -> HttpResponse:
    mail = mail_get_for(centre=request.centre, user=request.user, pk=pk)
    if not mail.scan:
        raise Http404
    extension = mail.scan.name.rsplit(".", 1)[-1].lower()
    content_type = {"pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png"}.get(extension)
    if content_type is None:
        raise Http404
    response = FileResponse(mail.scan.open("rb"), content_type=content_type)
    response["Content-Disposition"] = f'inline; filename="przesylka-{mail.pk}.{extension}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@centre_required
@require_GET
def organisation_mail(request: HttpRequest, organisation_pk: int) -> HttpResponse:
    organisation = organisation_get_for_mail(centre=request.centre, user=request.user, pk=organisation_pk)
    page = paginate(
        request, mail_for_organisation(centre=request.centre, organisation=organisation), per_page=PAGE_SIZE
    )
    agreements = [
        a
        for a in agreement_list_for_user(centre=request.centre, user=request.user)
        if a.organisation_id == organisation.pk
    ]
    return render(
        request,
        "addresses/organisation_mail.html",
        {
            "organisation": organisation,
            "page": page,
            "persons": list(authorised_persons(centre=request.centre, organisation=organisation)),
            "can_manage": can_manage_authorised_persons(request.user, organisation),
            "agreements": agreements,
            "today": warsaw_today(),
        },
    )


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def authorised_person_new(request: HttpRequest, organisation_pk: int) -> HttpResponse:
    organisation = organisation_get_for_mail(centre=request.centre, user=request.user, pk=organisation_pk)
    if not can_manage_authorised_persons(request.user, organisation):
        raise PermissionDenied
    form = AuthorisedPersonForm(request.POST or None, initial={"valid_from": warsaw_today()})
    if request.method == "POST" and form.is_valid():
        try:
            authorised_person_add(organisation=organisation, actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Dodano osobę upoważnioną do odbioru poczty."))
            return redirect(reverse("addresses:organisation_mail", args=[organisation.pk]))
    return render(
        request,
        "addresses/person_form.html",
        {"form": form, "organisation": organisation},
        status=400 if form.errors else 200,
    )


@login_required
@centre_required
@require_POST
def authorised_person_remove_view(request: HttpRequest, organisation_pk: int, pk: int) -> HttpResponse:
    organisation = organisation_get_for_mail(centre=request.centre, user=request.user, pk=organisation_pk)
    person = authorised_person_get(centre=request.centre, organisation=organisation, pk=pk)
    if not can_manage_authorised_persons(request.user, organisation):
        raise PermissionDenied
    try:
        authorised_person_remove(person=person, actor=request.user)
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Usunięto osobę z listy upoważnionych."))
    return redirect(reverse("addresses:organisation_mail", args=[organisation.pk]))
