"""Writes about people: roles in a centre, membership in organisations, invitations, API tokens.

Every write checks its permission again (views, the API and commands behave alike), is atomic,
audited, and sends its mail through the outbox in the same transaction.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log
from centrum.core.centre_settings import centre_setting
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.links import centre_url
from centrum.core.models import Centre
from centrum.core.outbox import outbox_enqueue
from centrum.core.permissions import is_platform_admin
from centrum.organisations.permissions import can_manage_members

from .centre_settings import INVITATION_VALID_DAYS
from .models import (
    ApiToken,
    CentreRole,
    CentreRoleInvitation,
    CentreRoleKind,
    InvitationStatus,
    Membership,
    MembershipInvitation,
    MembershipRole,
)
from .permissions import can_manage_centre_team, can_remove_membership, can_revoke_api_token
from .selectors import verified_emails

API_TOKEN_LIMIT = 20


# ---------------------------------------------------------------- helpers


def _clean_email(email: str) -> str:
    email = (email or "").strip().lower()
    try:
        validate_email(email)
        get_user_model()._meta.get_field("email").run_validators(email)
    except ValidationError:
        raise ApplicationError(_("Podaj poprawny adres e-mail."), field="email")
    return email


def _user_with_email(email: str):
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


def _refuse_blocked_account(email: str) -> None:
    if get_user_model().objects.filter(email__iexact=email, is_active=False).exists():
        raise ApplicationError(
            _("Konto z tym adresem jest zablokowane. Poproś administratora platformy o jego odblokowanie."),
            field="email",
        )


def _invitation_expiry(centre: Centre):
    return timezone.now() + timedelta(days=centre_setting(centre, INVITATION_VALID_DAYS.key))


def _check_role(role: str, choices) -> None:
    if role not in choices.values:
        raise ApplicationError(_("Wybierz rolę z listy."), field="role")


# ---------------------------------------------------------------- organisation membership


@transaction.atomic
def membership_add(
    *, organisation, user, role: str = MembershipRole.MEMBER, actor, reason: str = ""
) -> Membership:
    """Make `user` act for `organisation`; an existing membership gets the new role."""
    existing = Membership.objects.select_for_update().filter(organisation=organisation, user=user).first()
    if existing:
        if existing.role != role:
            old = existing.role
            existing.role = role
            existing.save(update_fields=["role", "updated_at"])
            audit_log(
                actor=actor,
                obj=existing,
                action="membership.role_changed",
                old={"role": old},
                new={"role": role},
                reason=reason,
            )
        return existing
    membership = Membership(centre=organisation.centre, organisation=organisation, user=user, role=role)
    membership.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            membership.save()
    except IntegrityError:
        raise ApplicationError(_("Ta osoba już działa w imieniu tej organizacji."))
    audit_log(
        actor=actor,
        obj=membership,
        action="membership.added",
        old=None,
        new={"user": user.email, "organisation": organisation.pk, "role": role},
        reason=reason,
    )
    return membership


def _lock_admins(organisation) -> list[int]:
    """Lock the organisation's administrator rows, so two removals at once cannot both pass the check."""
    return list(
        Membership.objects.select_for_update()
        .filter(organisation=organisation, role=MembershipRole.ADMIN)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


@transaction.atomic
def membership_change_role(*, membership: Membership, role: str, actor, reason: str = "") -> Membership:
    _check_role(role, MembershipRole)
    if not can_manage_members(actor, membership.organisation):
        raise ApplicationError(_("Nie możesz zmieniać ról w tej organizacji."))
    admins = _lock_admins(membership.organisation)
    current = Membership.objects.select_for_update().filter(pk=membership.pk).first()
    if current is None:
        raise ApplicationError(_("Ta osoba nie działa już w imieniu organizacji."))
    if current.role == role:
        return current
    if current.role == MembershipRole.ADMIN and admins == [current.pk]:
        raise ApplicationError(
            _("To jedyny administrator organizacji. Najpierw nadaj tę rolę komuś innemu."), field="role"
        )
    old = current.role
    current.role = role
    current.save(update_fields=["role", "updated_at"])
    audit_log(
        actor=actor,
        obj=current,
        action="membership.role_changed",
        old={"role": old},
        new={"role": role},
        reason=reason,
    )
    return current


@transaction.atomic
def membership_remove(*, membership: Membership, actor, reason: str = "") -> None:
    """End a person's membership; a manager removes anyone, a person may leave. Never the last admin."""
    if not can_remove_membership(actor, membership):
        raise ApplicationError(_("Nie możesz usunąć tej osoby z organizacji."))
    admins = _lock_admins(membership.organisation)
    current = Membership.objects.select_for_update().filter(pk=membership.pk).first()
    if current is None:
        return
    if current.role == MembershipRole.ADMIN and admins == [current.pk]:
        raise ApplicationError(_("To jedyny administrator organizacji. Najpierw nadaj tę rolę komuś innemu."))
    audit_log(
        actor=actor,
        obj=current,
        action="membership.removed",
        old={"user": current.user.email, "organisation": current.organisation_id, "role": current.role},
        new=None,
        reason=reason,
    )
    current.delete()


@transaction.atomic
def membership_invite(
    *,
    organisation,
    email: str,
    role: str = MembershipRole.MEMBER,
    actor,
) -> MembershipInvitation:
    """Invite an e-mail to act for `organisation`; the link in the mail lets its owner accept."""
    if not can_manage_members(actor, organisation):
        raise ApplicationError(_("Nie możesz zapraszać osób do tej organizacji."))
    email = _clean_email(email)
    _check_role(role, MembershipRole)
    if Membership.objects.filter(organisation=organisation, user__email__iexact=email).exists():
        raise ApplicationError(_("Ta osoba już działa w imieniu organizacji."), field="email")
    pending = MembershipInvitation.objects.select_for_update().filter(
        organisation=organisation, email__iexact=email, status=InvitationStatus.PENDING
    )
    for old in pending:
        if not old.is_expired:
            raise ApplicationError(
                _("Zaproszenie na ten adres już czeka na przyjęcie. Cofnij je, aby wysłać nowe."),
                field="email",
            )
        _invitation_close(old, status=InvitationStatus.REVOKED, actor=actor, reason=_("Wygasło."))
    invitation = MembershipInvitation(
        centre=organisation.centre,
        organisation=organisation,
        email=email,
        role=role,
        invited_by=actor if getattr(actor, "is_authenticated", False) else None,
        expires_at=_invitation_expiry(organisation.centre),
    )
    invitation.full_clean(exclude=["invited_by"], validate_constraints=False)
    try:
        with transaction.atomic():
            invitation.save()
    except IntegrityError:
        raise ApplicationError(_("Zaproszenie na ten adres już czeka na przyjęcie."), field="email")
    audit_log(
        actor=actor,
        obj=invitation,
        action="membership_invitation.created",
        old=None,
        new={"email": email, "organisation": organisation.pk, "role": role},
    )
    path = reverse(
        "accounts:invitation_accept", kwargs={"token": invitation.token}, urlconf=settings.ROOT_URLCONF
    )
    outbox_enqueue(
        centre=organisation.centre,
        to=email,
        template="accounts/emails/membership_invited_to_invitee",
        context={
            "invitation": invitation,
            "organisation": organisation,
            "inviter": actor,
            "accept_url": centre_url(organisation.centre, path),
        },
    )
    return invitation


def _invitation_close(invitation, *, status: str, actor, reason: str = "", accepted_by=None) -> None:
    old = invitation.status
    invitation.status = status
    invitation.closed_at = timezone.now()
    invitation.accepted_by = accepted_by
    invitation.save(update_fields=["status", "closed_at", "accepted_by", "updated_at"])
    prefix = (
        "membership_invitation" if isinstance(invitation, MembershipInvitation) else "centre_role_invitation"
    )
    verb = "accepted" if status == InvitationStatus.ACCEPTED else "revoked"
    audit_log(
        actor=actor,
        obj=invitation,
        action=f"{prefix}.{verb}",
        old={"status": old},
        new={"status": status},
        reason=reason,
    )


@transaction.atomic
def membership_invitation_revoke(*, invitation: MembershipInvitation, actor) -> MembershipInvitation:
    if not can_manage_members(actor, invitation.organisation):
        raise ApplicationError(_("Nie możesz cofać zaproszeń tej organizacji."))
    current = MembershipInvitation.objects.select_for_update().get(pk=invitation.pk)
    if current.status != InvitationStatus.PENDING:
        raise ApplicationError(_("To zaproszenie zostało już przyjęte albo cofnięte."))
    _invitation_close(current, status=InvitationStatus.REVOKED, actor=actor)
    return current


@transaction.atomic
def membership_invitation_accept(*, invitation: MembershipInvitation, user) -> Membership:
    """The invited person joins the organisation; the signed-in account must own the invited e-mail."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        raise ApplicationError(_("Zaloguj się, aby przyjąć zaproszenie."))
    current = (
        MembershipInvitation.objects.select_for_update().select_related("organisation").get(pk=invitation.pk)
    )
    if current.status == InvitationStatus.ACCEPTED:
        raise ApplicationError(_("To zaproszenie zostało już przyjęte."))
    if current.status == InvitationStatus.REVOKED:
        raise ApplicationError(_("To zaproszenie zostało cofnięte. Poproś organizację o nowe."))
    if current.is_expired:
        raise ApplicationError(_("To zaproszenie wygasło. Poproś organizację o nowe."))
    if current.email.lower() not in verified_emails(user):
        raise ApplicationError(
            _(
                "Zaproszenie wysłano na adres %(email)s. Zaloguj się na konto z tym adresem "
                "albo dodaj i potwierdź ten adres w ustawieniach konta."
            )
            % {"email": current.email}
        )
    existing = Membership.objects.filter(organisation=current.organisation, user=user).first()
    # Accepting never lowers a role the person already has.
    role = MembershipRole.ADMIN if existing and existing.role == MembershipRole.ADMIN else current.role
    membership = membership_add(
        organisation=current.organisation,
        user=user,
        role=role,
        actor=user,
        reason=_("Przyjęte zaproszenie."),
    )
    _invitation_close(current, status=InvitationStatus.ACCEPTED, actor=user, accepted_by=user)
    return membership


# ---------------------------------------------------------------- roles in a centre


def _centre_role_create(*, centre: Centre, user, role: str, actor, reason: str = "") -> CentreRole:
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
    email = _clean_email(email)
    _check_role(role, CentreRoleKind)
    user = _user_with_email(email)
    if user is not None:
        _refuse_existing_role(centre=centre, user=user, role=role)
        centre_role = _centre_role_create(centre=centre, user=user, role=role, actor=actor)
        _centre_role_notify(centre_role)
        return centre_role
    _refuse_blocked_account(email)
    pending = CentreRoleInvitation.objects.select_for_update().filter(
        centre=centre, email__iexact=email, role=role, status=InvitationStatus.PENDING
    )
    for old in pending:
        if not old.is_expired:
            raise ApplicationError(
                _("Zaproszenie do tej roli już czeka na przyjęcie. Cofnij je, aby wysłać nowe."),
                field="email",
            )
        _invitation_close(old, status=InvitationStatus.REVOKED, actor=actor, reason=_("Wygasło."))
    invitation = CentreRoleInvitation(
        centre=centre,
        email=email,
        role=role,
        invited_by=actor if getattr(actor, "is_authenticated", False) else None,
        expires_at=_invitation_expiry(centre),
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
    email = _clean_email(email)
    _check_role(role, CentreRoleKind)
    user = _user_with_email(email)
    created = user is None
    if created:
        _refuse_blocked_account(email)
        user = _user_create_without_password(centre=centre, email=email, full_name=full_name, actor=actor)
    else:
        _refuse_existing_role(centre=centre, user=user, role=role)
    centre_role = _centre_role_create(centre=centre, user=user, role=role, actor=actor)
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


@transaction.atomic
def centre_role_invitation_revoke(*, invitation: CentreRoleInvitation, actor) -> CentreRoleInvitation:
    if not can_manage_centre_team(actor, invitation.centre):
        raise ApplicationError(_("Tylko pracownik centrum może cofać zaproszenia do zespołu."))
    current = CentreRoleInvitation.objects.select_for_update().get(pk=invitation.pk)
    if current.status != InvitationStatus.PENDING:
        raise ApplicationError(_("To zaproszenie zostało już przyjęte albo cofnięte."))
    _invitation_close(current, status=InvitationStatus.REVOKED, actor=actor)
    return current


@transaction.atomic
def centre_role_invitations_accept_for_email(*, user, email: str) -> list[CentreRole]:
    """Grant the roles offered to `email` now that `user` has verified it (in any centre)."""
    granted = []
    pending = CentreRoleInvitation.objects.select_for_update().filter(
        email__iexact=(email or "").strip(), status=InvitationStatus.PENDING, expires_at__gt=timezone.now()
    )
    for invitation in pending.select_related("centre"):
        granted.append(
            _centre_role_create(
                centre=invitation.centre,
                user=user,
                role=invitation.role,
                actor=user,
                reason=_("Zaproszenie do zespołu centrum przyjęte po potwierdzeniu adresu e-mail."),
            )
        )
        _invitation_close(invitation, status=InvitationStatus.ACCEPTED, actor=user, accepted_by=user)
    return granted


# ---------------------------------------------------------------- API tokens


@transaction.atomic
def api_token_create(*, user, centre: Centre, name: str) -> tuple[ApiToken, str]:
    """A new token for scripts. Returns (token, key): the key is shown once and only its hash is kept."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        raise ApplicationError(_("Zaloguj się, aby utworzyć token."))
    name = " ".join((name or "").split())
    if not name:
        raise ApplicationError(_("Podaj nazwę tokenu, np. „Skrypt eksportu”."), field="name")
    active = ApiToken.objects.select_for_update().filter(user=user, centre=centre, revoked_at__isnull=True)
    if active.count() >= API_TOKEN_LIMIT:
        raise ApplicationError(
            _("Masz już %(limit)s aktywnych tokenów. Unieważnij nieużywane, aby utworzyć nowy.")
            % {"limit": API_TOKEN_LIMIT}
        )
    # A recognisable prefix lets secret scanners spot a leaked key.
    key = "ctr_" + secrets.token_urlsafe(32)
    token = ApiToken(user=user, centre=centre, name=name, prefix=key[:8], key_hash=ApiToken.hash_key(key))
    full_clean_or_raise(token, validate_unique=False, validate_constraints=False)
    token.save()
    audit_log(
        actor=user,
        obj=token,
        centre=centre,
        action="api_token.created",
        old=None,
        new={"name": name, "prefix": token.prefix},
    )
    return token, key


@transaction.atomic
def api_token_revoke(*, token: ApiToken, actor) -> ApiToken:
    if not can_revoke_api_token(actor, token):
        raise ApplicationError(_("Nie możesz unieważnić tego tokenu."))
    current = ApiToken.objects.select_for_update().get(pk=token.pk)
    if current.revoked_at is not None:
        raise ApplicationError(_("Ten token jest już unieważniony."))
    current.revoked_at = timezone.now()
    current.save(update_fields=["revoked_at", "updated_at"])
    audit_log(
        actor=actor,
        obj=current,
        centre=current.centre,
        action="api_token.revoked",
        old={"revoked": False},
        new={"revoked": True},
        reason=""
        if current.user_id == getattr(actor, "pk", None)
        else _("Unieważniony przez administratora."),
    )
    return current


# ---------------------------------------------------------------- profile

PROFILE_FIELDS = ["full_name", "phone", "language"]


@transaction.atomic
def user_update_profile(*, user, actor, data: dict) -> object:
    if actor.pk != user.pk and not is_platform_admin(actor):
        raise ApplicationError(_("Możesz zmieniać tylko własne dane."))
    current = get_user_model().objects.select_for_update().get(pk=user.pk)
    old = {name: getattr(current, name) for name in PROFILE_FIELDS}
    for name in PROFILE_FIELDS:
        if name in data:
            setattr(current, name, (data[name] or "").strip())
    full_clean_or_raise(current, exclude=["password"], validate_unique=False, validate_constraints=False)
    new = {name: getattr(current, name) for name in PROFILE_FIELDS}
    changed = [name for name in PROFILE_FIELDS if old[name] != new[name]]
    if changed:
        current.save(update_fields=changed)
        audit_log(
            actor=actor,
            obj=current,
            centre=None,
            action="user.profile_updated",
            old={k: old[k] for k in changed},
            new={k: new[k] for k in changed},
        )
    return current
