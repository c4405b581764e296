"""Account pages: the dashboard, profile, API tokens, the centre team, organisation members, invitations."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from centrum.core.exceptions import ApplicationError
from centrum.core.forms import add_application_error
from centrum.core.permissions import centre_roles, is_centre_staff
from centrum.core.registry import ACCOUNT, dashboard_cards_for
from centrum.core.views import centre_permission_required, centre_required
from centrum.core.workflow.views import WorkflowActionView, workflow_action_items
from centrum.organisations.permissions import can_manage_members
from centrum.organisations.selectors import organisation_get

from . import selectors, services
from .forms import (
    ActiveOrganisationForm,
    ApiTokenForm,
    CentreRoleGrantForm,
    MembershipInviteForm,
    MembershipRoleForm,
    ProfileForm,
)
from .models import CentreRoleInvitation, CentreRoleKind, InvitationStatus, MembershipRole
from .permissions import can_manage_centre_team, can_remove_membership
from .workflows import CENTRE_ROLE_INVITATION_STATUS, MEMBERSHIP_INVITATION_STATUS


def _safe_next(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _flash_outcome(request: HttpRequest, action: Callable[[], object], *, success: str) -> None:
    """A button's one service call: the service's refusal, or else `success`, becomes the page's message."""
    try:
        action()
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, success)


# ---------------------------------------------------------------- the person's own pages


# Roles whose work comes with modules still to come: their landing says what they can do today instead.
ROLE_GUIDES = (CentreRoleKind.ADVISER, CentreRoleKind.EVALUATOR, CentreRoleKind.OFFICIAL)


@login_required
@centre_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """The person's landing: organisations, roles and, for roles with no pages of their own yet (adviser,
    evaluator, official), what they can do today and what comes with the services and grants modules."""
    memberships = list(selectors.membership_list_for_user(centre=request.centre, user=request.user))
    organisations = [m.organisation for m in memberships]
    active = selectors.active_organisation_for(request)
    roles = centre_roles(request.user, request.centre)
    role_labels = [kind.label for kind in CentreRoleKind if kind.value in roles]
    staff = is_centre_staff(request.user, request.centre)
    return render(
        request,
        "accounts/dashboard.html",
        {
            "memberships": memberships,
            "active_organisation": active,
            "switch_form": ActiveOrganisationForm(
                organisations=organisations, initial={"organisation": active.pk if active else None}
            ),
            "role_labels": role_labels,
            "role_guides": [code for code in ROLE_GUIDES if code in roles and not staff],
            "is_platform_admin": request.user.is_superuser,
            "is_staff": staff,
            "can_manage_team": staff,
            "has_totp": selectors.has_totp(request.user),
            "invitations": selectors.membership_invitation_list_for_user(
                centre=request.centre, user=request.user
            ),
            "cards": dashboard_cards_for(request, place=ACCOUNT),
        },
    )


@login_required
@centre_required
@require_POST
def set_active_organisation(request: HttpRequest) -> HttpResponse:
    organisations = [
        m.organisation for m in selectors.membership_list_for_user(centre=request.centre, user=request.user)
    ]
    form = ActiveOrganisationForm(request.POST, organisations=organisations)
    if form.is_valid():
        request.session[selectors.ACTIVE_ORGANISATION_SESSION_KEY] = form.cleaned_data["organisation"]
        chosen = next(org for org in organisations if org.pk == form.cleaned_data["organisation"])
        messages.success(request, _("Działasz teraz w imieniu: %(name)s.") % {"name": chosen.name})
    else:
        messages.error(request, _("Wybierz jedną ze swoich organizacji."))
    return redirect(_safe_next(request, "accounts:dashboard"))


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            try:
                services.user_update_profile(user=user, actor=user, data=form.cleaned_data)
            except ApplicationError as exc:
                add_application_error(form, exc)
            else:
                messages.success(request, _("Zapisano Twoje dane."))
                return redirect("accounts:dashboard")
    else:
        form = ProfileForm(
            initial={"full_name": user.full_name, "phone": user.phone, "language": user.language}
        )
    return render(request, "accounts/profile.html", {"form": form})


@never_cache
@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def api_tokens(request: HttpRequest) -> HttpResponse:
    form = ApiTokenForm()
    new_key = None
    if request.method == "POST":
        form = ApiTokenForm(request.POST)
        if form.is_valid():
            try:
                token, new_key = services.api_token_create(
                    user=request.user, centre=request.centre, name=form.cleaned_data["name"]
                )
            except ApplicationError as exc:
                add_application_error(form, exc)
            else:
                form = ApiTokenForm()
    tokens = selectors.api_token_list_for(centre=request.centre, user=request.user)
    status = 400 if request.method == "POST" and new_key is None else 200
    return render(
        request,
        "accounts/api_tokens.html",
        {"form": form, "tokens": tokens, "new_key": new_key},
        status=status,
    )


@login_required
@centre_required
@require_POST
def api_token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = selectors.api_token_get(centre=request.centre, user=request.user, pk=pk)
    _flash_outcome(
        request,
        lambda: services.api_token_revoke(token=token, actor=request.user),
        success=_("Token „%(name)s” został unieważniony.") % {"name": token.name},
    )
    return redirect("accounts:api_tokens")


# ---------------------------------------------------------------- the centre team (staff)


_team_required = centre_permission_required(can_manage_centre_team)


@_team_required
@require_http_methods(["GET", "POST"])
def team(request: HttpRequest) -> HttpResponse:
    form = CentreRoleGrantForm()
    status = 200
    if request.method == "POST":
        form = CentreRoleGrantForm(request.POST)
        if form.is_valid():
            try:
                result = services.centre_role_grant(
                    centre=request.centre,
                    email=form.cleaned_data["email"],
                    role=form.cleaned_data["role"],
                    actor=request.user,
                )
            except ApplicationError as exc:
                add_application_error(form, exc)
            else:
                if isinstance(result, CentreRoleInvitation):
                    messages.success(
                        request,
                        _("Wysłano zaproszenie na adres %(email)s. Rola zostanie nadana po rejestracji.")
                        % {"email": result.email},
                    )
                else:
                    messages.success(
                        request,
                        _("%(person)s ma teraz rolę: %(role)s.")
                        % {"person": result.user, "role": result.get_role_display()},
                    )
                return redirect("accounts:team")
        status = 400
    return render(
        request,
        "accounts/team.html",
        {
            "form": form,
            "team": selectors.centre_team_list(centre=request.centre),
            "invitations": [
                (
                    invitation,
                    workflow_action_items(
                        invitation,
                        request.user,
                        workflow=CENTRE_ROLE_INVITATION_STATUS,
                        url_name="accounts:team_invitation_action",
                    ),
                )
                for invitation in _with_parent(
                    selectors.centre_role_invitation_list_pending(centre=request.centre),
                    centre=request.centre,
                )
            ],
        },
        status=status,
    )


@_team_required
@require_POST
def team_role_remove(request: HttpRequest, pk: int) -> HttpResponse:
    centre_role = selectors.centre_role_get(centre=request.centre, pk=pk)
    _flash_outcome(
        request,
        lambda: services.centre_role_revoke(centre_role=centre_role, actor=request.user),
        success=_("Odebrano rolę „%(role)s” osobie %(person)s.")
        % {"role": centre_role.get_role_display(), "person": centre_role.user},
    )
    return redirect("accounts:team")


def _with_parent(invitations, **parent) -> list:
    """The page's own organisation or centre on each row: its actions' permission checks query nothing more."""
    rows = list(invitations)
    for invitation in rows:
        for name, value in parent.items():
            setattr(invitation, name, value)
    return rows


class _InvitationActionView(WorkflowActionView):
    """Revoke a pending invitation (accepting goes through its e-mailed link, `invitation_accept`)."""

    def done(self, request: HttpRequest, obj, transition) -> None:
        messages.success(request, _("Cofnięto zaproszenie dla %(email)s.") % {"email": obj.email})


class TeamInvitationActionView(_InvitationActionView):
    """`zespol/zaproszenia/<pk>/akcja/<action>/`: an invitation to the centre's team."""

    workflow = CENTRE_ROLE_INVITATION_STATUS

    def load(self, request: HttpRequest, pk: int):
        return selectors.centre_role_invitation_get(centre=request.centre, pk=pk)

    def success_url(self, request: HttpRequest, obj) -> str:
        return reverse("accounts:team")


class MemberInvitationActionView(_InvitationActionView):
    """`organizacje/<organisation_pk>/zaproszenia/<pk>/akcja/<action>/`: an invitation to act for it."""

    workflow = MEMBERSHIP_INVITATION_STATUS

    def post(self, request: HttpRequest, pk: int, action: str, organisation_pk: int) -> HttpResponse:
        return super().post(request, pk, action)

    def load(self, request: HttpRequest, pk: int):
        organisation = organisation_get(centre=request.centre, pk=self.kwargs["organisation_pk"])
        return selectors.membership_invitation_get(organisation=organisation, pk=pk)

    def success_url(self, request: HttpRequest, obj) -> str:
        return reverse("accounts:members", kwargs={"pk": obj.organisation_id})


team_invitation_action = login_required(centre_required(TeamInvitationActionView.as_view()))
member_invitation_action = login_required(centre_required(MemberInvitationActionView.as_view()))


# ---------------------------------------------------------------- organisation members


def _managed_organisation(request: HttpRequest, pk: int):
    organisation = organisation_get(centre=request.centre, pk=pk)
    if not can_manage_members(request.user, organisation):
        raise PermissionDenied
    return organisation


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def members(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = _managed_organisation(request, pk)
    form = MembershipInviteForm()
    status = 200
    if request.method == "POST":
        form = MembershipInviteForm(request.POST)
        if form.is_valid():
            try:
                invitation = services.membership_invite(
                    organisation=organisation,
                    email=form.cleaned_data["email"],
                    role=form.cleaned_data["role"],
                    actor=request.user,
                )
            except ApplicationError as exc:
                add_application_error(form, exc)
            else:
                messages.success(
                    request, _("Wysłano zaproszenie na adres %(email)s.") % {"email": invitation.email}
                )
                return redirect("accounts:members", pk=organisation.pk)
        status = 400
    member_list = list(selectors.organisation_member_list(organisation=organisation))
    rows = [(m, MembershipRoleForm(membership=m)) for m in member_list]
    return render(
        request,
        "accounts/members.html",
        {
            "organisation": organisation,
            "rows": rows,
            "admin_count": sum(1 for m in member_list if m.role == MembershipRole.ADMIN),
            "invitations": [
                (
                    invitation,
                    workflow_action_items(
                        invitation,
                        request.user,
                        workflow=MEMBERSHIP_INVITATION_STATUS,
                        url_name="accounts:member_invitation_action",
                        url_kwargs={"organisation_pk": organisation.pk},
                    ),
                )
                for invitation in _with_parent(
                    selectors.membership_invitation_list_pending(organisation=organisation),
                    organisation=organisation,
                )
            ],
            "form": form,
        },
        status=status,
    )


@login_required
@centre_required
@require_POST
def member_role(request: HttpRequest, pk: int, membership_pk: int) -> HttpResponse:
    organisation = _managed_organisation(request, pk)
    membership = selectors.membership_get(organisation=organisation, pk=membership_pk)
    form = MembershipRoleForm(request.POST, membership=membership)
    if not form.is_valid():
        messages.error(request, _("Wybierz rolę z listy."))
        return redirect("accounts:members", pk=organisation.pk)
    _flash_outcome(
        request,
        lambda: services.membership_change_role(
            membership=membership, role=form.cleaned_data["role"], actor=request.user
        ),
        success=_("Zmieniono rolę osoby %(person)s.") % {"person": membership.user},
    )
    return redirect("accounts:members", pk=organisation.pk)


@login_required
@centre_required
@require_POST
def member_remove(request: HttpRequest, pk: int, membership_pk: int) -> HttpResponse:
    organisation = organisation_get(centre=request.centre, pk=pk)
    membership = selectors.membership_get(organisation=organisation, pk=membership_pk)
    if not can_remove_membership(request.user, membership):
        raise PermissionDenied
    if membership.user_id == request.user.pk:
        success = _("Nie działasz już w imieniu: %(name)s.") % {"name": organisation.name}
    else:
        success = _("%(person)s nie działa już w imieniu organizacji.") % {"person": membership.user}
    _flash_outcome(
        request,
        lambda: services.membership_remove(membership=membership, actor=request.user),
        success=success,
    )
    if can_manage_members(request.user, organisation):
        return redirect("accounts:members", pk=organisation.pk)
    return redirect("accounts:dashboard")


@login_required
@centre_required
@require_http_methods(["GET", "POST"])
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    invitation = selectors.membership_invitation_get_by_token(centre=request.centre, token=token)
    if request.method == "POST":
        try:
            membership = services.membership_invitation_accept(invitation=invitation, user=request.user)
        except ApplicationError as exc:
            problem = exc.message
        else:
            request.session[selectors.ACTIVE_ORGANISATION_SESSION_KEY] = membership.organisation_id
            messages.success(
                request,
                _("Działasz teraz w imieniu: %(name)s (%(role)s).")
                % {"name": membership.organisation.name, "role": membership.get_role_display()},
            )
            return redirect("accounts:dashboard")
    else:
        problem = _invitation_problem(invitation, request.user)
    return render(
        request,
        "accounts/invitation.html",
        {"invitation": invitation, "problem": problem},
        status=400 if request.method == "POST" else 200,
    )


def _invitation_problem(invitation, user) -> str:
    """Why the signed-in person cannot accept, in words; empty when they can."""
    if invitation.status == InvitationStatus.ACCEPTED:
        return _("To zaproszenie zostało już przyjęte.")
    if invitation.status == InvitationStatus.REVOKED:
        return _("To zaproszenie zostało cofnięte. Poproś organizację o nowe.")
    if invitation.is_expired:
        return _("To zaproszenie wygasło. Poproś organizację o nowe.")
    if invitation.email.lower() not in selectors.verified_emails(user):
        return _(
            "Zaproszenie wysłano na adres %(email)s, a jesteś zalogowany jako %(me)s. Zaloguj się na konto "
            "z tym adresem albo dodaj i potwierdź ten adres w ustawieniach konta."
        ) % {"email": invitation.email, "me": user.email}
    return ""
