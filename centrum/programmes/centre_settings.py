"""Per-centre settings of the programmes app (autodiscovered by `centrum.core`). Dates and periods of the law
are settings, never constants."""

from django.utils.translation import gettext_lazy as _

from centrum.core.centre_settings import SettingDefinition, register

GROUP = _("Program współpracy")

ADOPTION_MONTH = register(
    SettingDefinition(
        key="programmes.adoption_deadline_month",
        label=_("Program uchwala się do dnia … (miesiąc) roku poprzedzającego (art. 5a ust. 1)"),
        kind=int,
        default=11,
        min_value=1,
        max_value=12,
        group=GROUP,
    )
)
ADOPTION_DAY = register(
    SettingDefinition(
        key="programmes.adoption_deadline_day",
        label=_("Program uchwala się do dnia … (dzień miesiąca) roku poprzedzającego"),
        kind=int,
        default=30,
        min_value=1,
        max_value=31,
        group=GROUP,
    )
)
PROPOSAL_ANSWER_MONTHS = register(
    SettingDefinition(
        key="programmes.proposal_answer_months",
        label=_("W ilu miesiącach organ odpowiada na ofertę z własnej inicjatywy (art. 12 ust. 2)"),
        kind=int,
        default=1,
        min_value=1,
        max_value=12,
        group=GROUP,
    )
)
PROPOSAL_REMINDER_DAYS = register(
    SettingDefinition(
        key="programmes.proposal_reminder_days",
        label=_("Ile dni przed terminem przypomnieć urzędnikom o odpowiedzi na ofertę z własnej inicjatywy"),
        kind=int,
        default=7,
        min_value=1,
        max_value=30,
        group=GROUP,
    )
)
