"""Core's pages, one module per sub-feature: `pages` (home, accessibility, display preferences, the staff
dashboard), `panel` (the centre's settings, profile, closed days and audit log), `platform` (the platform
host's list of centres). `access` holds the decorators every app's views use:
`from centrum.core.views import centre_required, staff_required`."""

from .access import centre_permission_required, centre_required, staff_required

__all__ = ["centre_permission_required", "centre_required", "staff_required"]
