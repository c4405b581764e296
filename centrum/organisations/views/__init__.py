"""Pages of the organisation registry, one module per sub-feature: `registry` (directory, organisation
page, registration, edit, verification), `data` (CSV import, export, KRS refresh), `opp` (the OPP list).
`urls.py` names the module of every view."""
