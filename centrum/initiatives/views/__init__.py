"""The pages of local initiatives, one module per kind of user: `public`, `applications` (the applicant),
`desk` (the official) and `resolution` (the council's rules as data); `urls.py` names each view's module."""
