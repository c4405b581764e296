"""Shared bits of the consultations pages."""

from django.core.exceptions import PermissionDenied

from ..permissions import can_manage_consultations


def require_officer(request) -> None:
    if not can_manage_consultations(request.user, request.centre):
        raise PermissionDenied
