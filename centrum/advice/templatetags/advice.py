"""The advice desk's own links, shown to each person by what they may open."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from ..permissions import can_manage_advice, can_view_caretaken, can_view_statistics, can_work_in_advice

register = template.Library()


@register.simple_tag(takes_context=True)
def desk_links(context) -> list[dict]:
    request = context["request"]
    user, centre = request.user, request.centre
    links = []
    if can_work_in_advice(user, centre):
        links += [
            ("advice:desk", _("Panel")),
            ("advice:appointment_list", _("Umówione porady")),
            ("advice:assignment_list", _("Przydziały")),
        ]
    if can_view_caretaken(user, centre):
        links.append(("advice:caretaker", _("Moje organizacje")))
    if can_manage_advice(user, centre):
        links += [
            ("advice:adviser_manage", _("Doradcy")),
            ("advice:domain_manage", _("Dziedziny")),
            ("advice:target_manage", _("Cele")),
        ]
    if can_view_statistics(user, centre):
        links.append(("advice:statistics", _("Statystyki")))
    current = request.path
    return [
        {"url": (url := reverse(name)), "label": label, "current": url == current} for name, label in links
    ]
