"""The kinds of advisory bodies the law names, with the rules of their legal basis: what a centre starts from
(staff change them on the kinds page when the council's resolution says otherwise)."""

from .choices import Selection, TieRule
from .models import BodyKind

RDPP, SENIORS, TEAM, YOUTH = "rdpp", "seniors", "team", "youth"
KINDS = {
    RDPP: {
        "name": "Rada Działalności Pożytku Publicznego",
        "legal_basis": "art. 41a–41i ustawy o działalności pożytku publicznego i o wolontariacie",
        "term_years": 3,
        "min_ngo_share_percent": 50,
        "opinion_days": 14,
        "silence_is_waiver": True,
        "selection": Selection.ELECTION,
        "tie_rule": TieRule.EARLIEST,
        "request_min_organisations": 5,
        "creation_months": 2,
        "quorum_percent": 50,
    },
    SENIORS: {
        "name": "Rada Seniorów",
        "legal_basis": "art. 5c ustawy o samorządzie gminnym; statut nadany uchwałą rady gminy",
        "term_years": 4,
        "min_ngo_share_percent": 0,
        "opinion_days": 14,
        "silence_is_waiver": False,
        "selection": Selection.APPOINTMENT,
        "quorum_percent": 50,
    },
    TEAM: {
        "name": "Zespół wspólny / doradczy",
        "legal_basis": "art. 5 ust. 2 pkt 5 ustawy o działalności pożytku publicznego i o wolontariacie",
        "min_ngo_share_percent": 0,
        "selection": Selection.NONE,
        "quorum_percent": 50,
    },
    YOUTH: {
        "name": "Młodzieżowa Rada",
        "legal_basis": "art. 5b ustawy o samorządzie gminnym; statut nadany uchwałą rady gminy",
        "term_years": 2,
        "min_ngo_share_percent": 0,
        "opinion_days": 14,
        "selection": Selection.NONE,
        "quorum_percent": 50,
    },
}


def kinds_ensure(*, centre) -> dict[str, BodyKind]:
    """The statutory kinds the centre lacks, added (by name); returns every statutory kind by key."""
    made = {}
    for key, fields in KINDS.items():
        made[key], _ = BodyKind.objects.get_or_create(centre=centre, name=fields["name"], defaults=fields)
    return made
