"""The declared workflows of invitations: to act for an organisation and to a centre's team."""

from django.utils.translation import gettext_lazy

from centrum.core.workflow import ACTOR, NOW, Transition, Workflow, register

from .audit_labels import AccountsAudit as Audit
from .models import CentreRoleInvitation, InvitationStatus, MembershipInvitation
from .permissions import can_accept_invitation, can_manage_invitation


def _invitation_workflow(key: str, model, *, accepted: str, revoked: str) -> Workflow:
    return register(
        Workflow(
            key=key,
            model=model,
            changed_at=None,
            refused_message=gettext_lazy("To zaproszenie zostało już przyjęte albo cofnięte."),
            select_related=("centre",),
            transitions=(
                Transition(
                    action="accept",
                    sources=(InvitationStatus.PENDING,),
                    target=InvitationStatus.ACCEPTED,
                    label=gettext_lazy("Przyjmij zaproszenie"),
                    audit=accepted,
                    permission=can_accept_invitation,
                    denied_message=gettext_lazy("To zaproszenie wysłano na inny adres albo już wygasło."),
                    stamps={"closed_at": NOW, "accepted_by": ACTOR},
                    in_ui=False,
                ),
                Transition(
                    action="revoke",
                    sources=(InvitationStatus.PENDING,),
                    target=InvitationStatus.REVOKED,
                    label=gettext_lazy("Cofnij zaproszenie"),
                    audit=revoked,
                    permission=can_manage_invitation,
                    denied_message=gettext_lazy("Nie możesz cofać tego zaproszenia."),
                    stamps={"closed_at": NOW},
                    danger=True,
                ),
            ),
        )
    )


MEMBERSHIP_INVITATION_STATUS = _invitation_workflow(
    "accounts.membership_invitation",
    MembershipInvitation,
    accepted=Audit.MEMBERSHIP_INVITATION_ACCEPTED,
    revoked=Audit.MEMBERSHIP_INVITATION_REVOKED,
)
CENTRE_ROLE_INVITATION_STATUS = _invitation_workflow(
    "accounts.centre_role_invitation",
    CentreRoleInvitation,
    accepted=Audit.CENTRE_ROLE_INVITATION_ACCEPTED,
    revoked=Audit.CENTRE_ROLE_INVITATION_REVOKED,
)
