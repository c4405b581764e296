"""The three kinds of consultation a centre starts with (staff change them on the kinds page)."""

from django.utils.translation import gettext_noop

DEFAULT_KINDS = (
    {
        "name": gettext_noop("Konsultacje projektów aktów prawa miejscowego z organizacjami"),
        "legal_basis": gettext_noop(
            "Art. 5 ust. 5 ustawy z dnia 24 kwietnia 2003 r. o działalności pożytku publicznego i o wolontariacie, "
            "w trybie określonym uchwałą rady gminy"
        ),
        "commenters": "organisations",
        "min_days": 7,
        "comments_public_at_once": False,
        "report_days": 30,
        "allows_written": True,
        "allows_meeting": True,
        "allows_survey": False,
    },
    {
        "name": gettext_noop("Konsultacje społeczne z mieszkańcami"),
        "legal_basis": gettext_noop("Art. 5a ustawy z dnia 8 marca 1990 r. o samorządzie gminnym"),
        "commenters": "residents",
        "min_days": 14,
        "comments_public_at_once": True,
        "report_days": 30,
        "allows_written": True,
        "allows_meeting": True,
        "allows_survey": True,
    },
    {
        "name": gettext_noop("Konsultacje programu współpracy z organizacjami pozarządowymi"),
        "legal_basis": gettext_noop(
            "Art. 5a ust. 1 w związku z art. 5 ust. 5 ustawy o działalności pożytku publicznego i o wolontariacie"
        ),
        "commenters": "organisations",
        "min_days": 14,
        "comments_public_at_once": False,
        "report_days": 21,
        "allows_written": True,
        "allows_meeting": True,
        "allows_survey": False,
    },
)
