"""The register of opinion requests and a request's page with the opinion; the joint requests."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from centrum.core.calendar import warsaw_today
from centrum.core.crossrefs import resolve_subjects, subjects_for
from centrum.core.exceptions import ApplicationError
from centrum.core.forms import add_application_error
from centrum.core.uploads import download_name, stored_file_response
from centrum.core.views import centre_required
from centrum.core.workflow.views import WorkflowActionView, workflow_action_items

from ..choices import OpinionStatus
from ..forms import JointRequestForm, OpinionForm, OpinionRequestForm, SignForm
from ..selectors import (
    acting_organisations,
    body_get_for,
    kind_list,
    opinion_get_for,
    request_get_for,
    request_list,
    signatures_of,
)
from ..services import joint_request_create, joint_request_sign, opinion_give, opinion_request_create
from ..workflows import OPINION_STATUS
from .common import apply_form, form_page, is_manager, manager_required


@manager_required
@require_http_methods(["GET", "POST"])
def opinion_new(request: HttpRequest, pk: int) -> HttpResponse:
    body = body_get_for(centre=request.centre, pk=pk)
    form = OpinionRequestForm(
        request.POST or None,
        subjects=subjects_for(request.centre, settings=request.centre_settings),
        initial={"received_on": warsaw_today()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            opinion = opinion_request_create(body=body, actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(
                request,
                _("Zarejestrowano wniosek. Termin na opinię: %(day)s.")
                % {"day": opinion.deadline.strftime("%d.%m.%Y")},
            )
            return redirect(opinion)
    return form_page(
        request,
        form=form,
        title=_("Wniosek o opinię: %(name)s") % {"name": body.name},
        back_url=body.get_absolute_url(),
        back_label=body.name,
        submit=_("Zarejestruj"),
    )


def _opinion_page(request, opinion, *, form=None, status=200) -> HttpResponse:
    manager = is_manager(request)
    subject = (
        resolve_subjects(request.centre, [opinion.subject_ref], settings=request.centre_settings).get(
            opinion.subject_ref
        )
        if opinion.subject_ref
        else None
    )
    context = {
        "opinion": opinion,
        "body": opinion.body,
        "subject": subject,
        "days_left": (opinion.deadline - warsaw_today()).days,
        "workflow_actions": [
            item
            for item in workflow_action_items(
                opinion, request.user, workflow=OPINION_STATUS, url_name="councils:opinion_action"
            )
            if item["action"] != "waive" or opinion.deadline < warsaw_today()
        ],
    }
    if manager and opinion.status == OpinionStatus.AWAITING:
        context["form"] = form or OpinionForm(initial={"given_on": warsaw_today()})
    return render(request, "councils/opinion.html", context, status=status)


@centre_required
@require_GET
def opinion_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _opinion_page(request, opinion_get_for(centre=request.centre, pk=pk))


class OpinionActionView(WorkflowActionView):
    workflow = OPINION_STATUS
    form_actions = frozenset({"give"})

    def load(self, request, pk):
        return opinion_get_for(centre=request.centre, pk=pk)

    def success_url(self, request, obj):
        return obj.get_absolute_url()

    def post(self, request, pk, action):
        if action != "give":
            return super().post(request, pk, action)
        opinion = self.load(request, pk)
        if not is_manager(request):
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        form = OpinionForm(request.POST, request.FILES)
        give = lambda data: opinion_give(request=opinion, actor=request.user, **data)  # noqa: E731
        if apply_form(request, form, give, done=_("Opinia zarejestrowana.")):
            return redirect(opinion)
        return _opinion_page(request, opinion, form=form, status=400)


opinion_action = centre_required(OpinionActionView.as_view())


@centre_required
@require_GET
def requests(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "councils/requests.html",
        {
            "requests": list(request_list(centre=request.centre)),
            "today": warsaw_today(),
            "can_start": acting_organisations(centre=request.centre, user=request.user, admin=False).exists(),
        },
    )


@centre_required
@require_http_methods(["GET", "POST"])
def request_new(request: HttpRequest) -> HttpResponse:
    from django.contrib.auth.views import redirect_to_login

    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    organisations = acting_organisations(centre=request.centre, user=request.user, admin=False)
    if not organisations.exists():
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied
    form = JointRequestForm(
        request.POST or None,
        kinds=kind_list(centre=request.centre).filter(request_min_organisations__isnull=False),
        organisations=organisations,
    )
    if request.method == "POST" and form.is_valid():
        try:
            joint = joint_request_create(actor=request.user, **form.cleaned_data)
        except ApplicationError as exc:
            add_application_error(form, exc)
        else:
            messages.success(request, _("Złożono wniosek – organizacja go podpisała."))
            return redirect(joint)
    return form_page(
        request,
        form=form,
        title=_("Wspólny wniosek organizacji o powołanie"),
        back_url=reverse("councils:requests"),
        back_label=_("Wnioski o powołanie"),
        submit=_("Złóż i podpisz"),
    )


def _request_page(request, joint, *, form=None, status=200) -> HttpResponse:
    signatures = signatures_of(joint)
    signed = {s.organisation_id for s in signatures}
    context = {
        "joint": joint,
        "signatures": signatures,
        "manager": is_manager(request),
        "today": warsaw_today(),
        "days_left": (joint.deadline - warsaw_today()).days if joint.deadline else None,
    }
    if joint.body_id is None:
        organisations = acting_organisations(centre=request.centre, user=request.user, admin=False).exclude(
            pk__in=signed
        )
        if organisations.exists():
            context["form"] = form or SignForm(organisations=organisations)
    return render(request, "councils/request.html", context, status=status)


@centre_required
@require_GET
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _request_page(request, request_get_for(centre=request.centre, pk=pk))


@centre_required
@require_POST
def request_sign(request: HttpRequest, pk: int) -> HttpResponse:
    from django.contrib.auth.views import redirect_to_login

    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    joint = request_get_for(centre=request.centre, pk=pk)
    form = SignForm(
        request.POST,
        organisations=acting_organisations(centre=request.centre, user=request.user, admin=False),
    )
    sign = lambda data: joint_request_sign(joint_request=joint, actor=request.user, **data)  # noqa: E731
    if apply_form(request, form, sign, done=_("Organizacja przystąpiła do wniosku.")):
        return redirect(joint)
    return _request_page(request, joint, form=form, status=400)


@centre_required
@require_GET
def opinion_file(request: HttpRequest, pk: int) -> HttpResponse:
    """The opinion's file, sent by this view (the register is public): never by its storage address."""
    opinion = opinion_get_for(centre=request.centre, pk=pk)
    if not opinion.opinion_file:
        raise Http404
    return stored_file_response(
        opinion.opinion_file, filename=download_name(opinion.opinion_file, _("Opinia"))
    )
