"""Helpers shared by the services about people: e-mail addresses, roles offered, closing invitations."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.translation import gettext as _

from centrum.core.centre_settings import centre_setting
from centrum.core.exceptions import ApplicationError
from centrum.core.models import Centre
from centrum.core.workflow import workflow_apply

from ..centre_settings import INVITATION_VALID_DAYS
from ..models import InvitationStatus, MembershipInvitation


def clean_email(email: str) -> str:
    email = (email or "").strip().lower()
    try:
        validate_email(email)
        get_user_model()._meta.get_field("email").run_validators(email)
    except ValidationError:
        raise ApplicationError(_("Podaj poprawny adres e-mail."), field="email")
    return email


def user_with_email(email: str):
    """The active account that owns `email`: a verified address first, then the login e-mail."""
    from allauth.account.models import EmailAddress

    address = (
        EmailAddress.objects.filter(email__iexact=email, verified=True, user__is_active=True)
        .select_related("user")
        .first()
    )
    if address is not None:
        return address.user
    return get_user_model().objects.filter(email__iexact=email, is_active=True).first()


def refuse_blocked_account(email: str) -> None:
    if get_user_model().objects.filter(email__iexact=email, is_active=False).exists():
        raise ApplicationError(
            _("Konto z tym adresem jest zablokowane. Poproś administratora platformy o jego odblokowanie."),
            field="email",
        )


def invitation_expiry(centre: Centre):
    return timezone.now() + timedelta(days=centre_setting(centre, INVITATION_VALID_DAYS.key))


def check_role(role: str, choices) -> None:
    if role not in choices.values:
        raise ApplicationError(_("Wybierz rolę z listy."), field="role")


def invitation_close(invitation, *, status: str, actor, reason: str = ""):
    """Accept or revoke an invitation through its workflow (accounts/workflows.py)."""
    from ..workflows import CENTRE_ROLE_INVITATION_STATUS, MEMBERSHIP_INVITATION_STATUS

    workflow = (
        MEMBERSHIP_INVITATION_STATUS
        if isinstance(invitation, MembershipInvitation)
        else CENTRE_ROLE_INVITATION_STATUS
    )
    action = "accept" if status == InvitationStatus.ACCEPTED else "revoke"
    return workflow_apply(obj=invitation, action=action, actor=actor, reason=reason, workflow=workflow)
