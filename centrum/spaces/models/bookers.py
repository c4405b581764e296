"""Who a booking, a series, a waiting-list entry or a loan is for: an organisation, a resident or an
informal group (its name and the person responsible). The database keeps each kind's fields consistent."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..choices import BookerKind


class BookerFields(models.Model):
    booker_kind = models.CharField(
        _("w czyim imieniu"), max_length=15, choices=BookerKind.choices, default=BookerKind.ORGANISATION
    )
    group_name = models.CharField(_("nazwa grupy nieformalnej"), max_length=200, blank=True)
    group_responsible = models.CharField(_("osoba odpowiedzialna za grupę"), max_length=150, blank=True)
    group_contact = models.CharField(
        _("kontakt do osoby odpowiedzialnej"),
        max_length=200,
        blank=True,
        help_text=_("Telefon albo e-mail."),
    )

    class Meta:
        abstract = True

    @property
    def is_personal_booker(self) -> bool:
        return self.booker_kind != BookerKind.ORGANISATION

    @property
    def booker_label(self) -> str:
        """The booker as lists, e-mails, calendars and exports show it (loaded relations only)."""
        if self.booker_kind == BookerKind.GROUP:
            return _("%(name)s (grupa nieformalna; odpowiada: %(person)s)") % {
                "name": self.group_name,
                "person": self.group_responsible,
            }
        if self.booker_kind == BookerKind.RESIDENT:
            person = self.requested_by.full_name if self.requested_by_id and self.requested_by else ""
            return _("%(person)s (mieszkaniec / mieszkanka)") % {"person": person or _("osoba prywatna")}
        return self.organisation.name if self.organisation_id else ""


def booker_constraint(
    name: str, *, organisation_required: bool, extra_personal: Q | None = None
) -> models.CheckConstraint:
    """Exactly the booker kind's fields are set: an organisation, nothing (a resident), or a group's name
    and the person responsible (and never an organisation for a resident or a group)."""
    extra_personal = extra_personal if extra_personal is not None else Q()
    no_group = Q(group_name="", group_responsible="", group_contact="")
    organisation = Q(booker_kind=BookerKind.ORGANISATION) & no_group
    if organisation_required:
        organisation &= Q(organisation__isnull=False)
    resident = Q(booker_kind=BookerKind.RESIDENT, organisation__isnull=True) & no_group & extra_personal
    group = (
        Q(booker_kind=BookerKind.GROUP, organisation__isnull=True)
        & ~Q(group_name="")
        & ~Q(group_responsible="")
        & extra_personal
    )
    return models.CheckConstraint(condition=organisation | resident | group, name=name)
