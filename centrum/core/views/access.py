"""Who may open a centre's page: the decorators every app's views use."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from ..permissions import is_centre_staff


def centre_required(view):
    """A centre page: on a platform host there is no centre, so the page does not exist."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if getattr(request, "centre", None) is None:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def centre_permission_required(allowed: Callable[[Any, Any], bool]):
    """A centre page for the people `allowed(user, centre)` admits: anonymous users go to the login
    page, others get 403, and a platform host 404."""

    def decorator(view):
        @login_required
        @centre_required
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs):
            if not allowed(request.user, request.centre):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


# Centre staff only.
staff_required = centre_permission_required(is_centre_staff)
