"""The one search box of the centre's public site (`/szukaj/`): its own page and URL module, drawing every
registered `core.portal` search source; the app's own sources live in `selectors.py`."""
