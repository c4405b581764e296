"""Roles in a centre: granted by its staff (or an invitation to sign up), appointed by the platform
administration (opening an account if needed), revoked (never the last staff member)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log
from centrum.core.exceptions import ApplicationError
from centrum.core.links import centre_url
from centrum.core.models import Centre
from centrum.core.outbox import outbox_enqueue
from centrum.core.permissions import is_platform_admin

from ..models import (
    CentreRole,
    CentreRoleInvitation,
    CentreRoleKind,
    InvitationStatus,
)
from ..permissions import can_manage_centre_team
from ._common import (
    check_role,
    clean_email,
    invitation_close,
    invitation_expiry,
    refuse_blocked_account,
    user_with_email,
)


def centre_role_add(*, centre: Centre, user, role: str, actor, reason: str = "") -> CentreRole:
    """Give `role` in `centre` to `user`, audited (an existing role is returned as it is). Callers check the
    permission: staff granting, the platform appointing, or the person accepting an invitation."""
    existing = CentreRole.objects.filter(centre=centre, user=user, role=role).first()
    if existing:
        return existing
    centre_role = CentreRole(centre=centre, user=user, role=role)
    centre_role.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            centre_role.save()
    except IntegrityError:
        return CentreRole.objects.get(centre=centre, user=user, role=role)
    user.__dict__.pop("_centre_roles_cache", None)
    audit_log(
        actor=actor,
        obj=centre_role,
        action="centre_role.granted",
        old=None,
        new={"user": user.email, "role": role},
        reason=reason,
    )
    return centre_role


def _refuse_existing_role(*, centre: Centre, user, role: str) -> None:
    if CentreRole.objects.filter(centre=centre, user=user, role=role).exists():
        raise ApplicationError(_("Ta osoba ma już tę rolę w centrum."), field="email")


def _centre_role_notify(centre_role: CentreRole) -> None:
    """Tell an existing account about its new role, with a link to its dashboard in the centre."""
    outbox_enqueue(
        centre=centre_role.centre,
        to=centre_role.user.email,
        template="accounts/emails/centre_role_granted_to_user",
        context={
            "centre_role": centre_role,
            "dashboard_url": centre_url(
                centre_role.centre, reverse("accounts:dashboard", urlconf=settings.ROOT_URLCONF)
            ),
        },
        language=centre_role.user.language,
    )


@transaction.atomic
def centre_role_grant(*, centre: Centre, email: str, role: str, actor) -> CentreRole | CentreRoleInvitation:
    """Give `role` in `centre` to the owner of `email`.

    An existing account gets the role at once and a notice; an unknown address gets an invitation
    to sign up, and the role is granted when that address is verified.
    """
    if not can_manage_centre_team(actor, centre):
        raise ApplicationError(_("Tylko pracownik centrum może nadawać role w centrum."))
    email = clean_email(email)
    check_role(role, CentreRoleKind)
    user = user_with_email(email)
    if user is not None:
        _refuse_existing_role(centre=centre, user=user, role=role)
        centre_role = centre_role_add(centre=centre, user=user, role=role, actor=actor)
        _centre_role_notify(centre_role)
        return centre_role
    refuse_blocked_account(email)
    pending = CentreRoleInvitation.objects.select_for_update().filter(
        centre=centre, email__iexact=email, role=role, status=InvitationStatus.PENDING
    )
    for old in pending:
        if not old.is_expired:
            raise ApplicationError(
                _("Zaproszenie do tej roli już czeka na przyjęcie. Cofnij je, aby wysłać nowe."),
                field="email",
            )
        invitation_close(old, status=InvitationStatus.REVOKED, actor=actor, reason=_("Wygasło."))
    invitation = CentreRoleInvitation(
        centre=centre,
        email=email,
        role=role,
        invited_by=actor if getattr(actor, "is_authenticated", False) else None,
        expires_at=invitation_expiry(centre),
    )
    invitation.full_clean(exclude=["invited_by"], validate_constraints=False)
    try:
        with transaction.atomic():
            invitation.save()
    except IntegrityError:
        raise ApplicationError(_("Zaproszenie do tej roli już czeka na przyjęcie."), field="email")
    audit_log(
        actor=actor,
        obj=invitation,
        action="centre_role_invitation.created",
        old=None,
        new={"email": email, "role": role},
    )
    outbox_enqueue(
        centre=centre,
        to=email,
        template="accounts/emails/centre_role_invited_to_invitee",
        context={
            "invitation": invitation,
            "inviter": actor,
            "signup_url": centre_url(centre, reverse("account_signup", urlconf=settings.ROOT_URLCONF)),
        },
    )
    return invitation


def _user_create_without_password(*, centre: Centre, email: str, full_name: str, actor):
    """An account that signs in only after setting a password through the link it is mailed."""
    from allauth.account.models import EmailAddress

    try:
        with transaction.atomic():
            user = get_user_model().objects.create_user(
                email=email, password=None, full_name=full_name.strip()[:150]
            )
            # The address is verified: the password link reaches only its owner.
            EmailAddress.objects.create(user=user, email=email, primary=True, verified=True)
    except IntegrityError:
        raise ApplicationError(_("Konto z tym adresem już istnieje. Spróbuj jeszcze raz."), field="email")
    audit_log(
        actor=actor,
        obj=user,
        centre=centre,
        action="user.created",
        old=None,
        new={"email": email, "full_name": user.full_name},
    )
    return user


def _password_set_url(centre: Centre, user) -> str:
    from allauth.account.forms import default_token_generator
    from allauth.account.utils import user_pk_to_url_str

    path = reverse(
        "account_reset_password_from_key",
        urlconf=settings.ROOT_URLCONF,
        kwargs={"uidb36": user_pk_to_url_str(user), "key": default_token_generator.make_token(user)},
    )
    return centre_url(centre, path)


@transaction.atomic
def centre_role_appoint(
    *, centre: Centre, email: str, role: str, actor, full_name: str = ""
) -> tuple[CentreRole, bool]:
    """Give `role` in `centre` at once, opening an account if `email` has none (the platform
    administration setting up a centre's staff).

    An existing account gets the role and the usual notice. A new address gets an account with no
    password and a link to set one on the centre's primary host. Returns `(centre_role, account_created)`.
    """
    if not is_platform_admin(actor):
        raise ApplicationError(_("Tylko administrator platformy może zakładać konta w centrach."))
    email = clean_email(email)
    check_role(role, CentreRoleKind)
    user = user_with_email(email)
    created = user is None
    if created:
        refuse_blocked_account(email)
        user = _user_create_without_password(centre=centre, email=email, full_name=full_name, actor=actor)
    else:
        _refuse_existing_role(centre=centre, user=user, role=role)
    centre_role = centre_role_add(centre=centre, user=user, role=role, actor=actor)
    if not created:
        _centre_role_notify(centre_role)
        return centre_role, False
    outbox_enqueue(
        centre=centre,
        to=user.email,
        template="accounts/emails/centre_role_account_created_to_user",
        context={
            "centre_role": centre_role,
            "user": user,
            "password_url": _password_set_url(centre, user),
            "login_url": centre_url(centre, reverse("account_login", urlconf=settings.ROOT_URLCONF)),
            "valid_days": max(settings.PASSWORD_RESET_TIMEOUT // 86400, 1),
        },
        language=user.language,
    )
    return centre_role, True


@transaction.atomic
def centre_role_revoke(*, centre_role: CentreRole, actor, reason: str = "") -> None:
    """Take a role away; the centre always keeps at least one staff member."""
    if not can_manage_centre_team(actor, centre_role.centre):
        raise ApplicationError(_("Tylko pracownik centrum może odbierać role w centrum."))
    if centre_role.role == CentreRoleKind.STAFF:
        staff = list(
            CentreRole.objects.select_for_update()
            .filter(centre=centre_role.centre, role=CentreRoleKind.STAFF, user__is_active=True)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        if staff == [centre_role.pk]:
            raise ApplicationError(_("To jedyny pracownik centrum. Najpierw nadaj tę rolę komuś innemu."))
    current = CentreRole.objects.select_for_update().filter(pk=centre_role.pk).select_related("user").first()
    if current is None:
        return
    audit_log(
        actor=actor,
        obj=current,
        action="centre_role.revoked",
        old={"user": current.user.email, "role": current.role},
        new=None,
        reason=reason,
    )
    current.delete()
    current.user.__dict__.pop("_centre_roles_cache", None)
