from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from .permissions import is_platform_admin
from .selectors import centre_list_public


@login_required
def centre_list(request):
    if not is_platform_admin(request.user):
        raise PermissionDenied
    return render(request, "core/platform/centre_list.html", {"centres": centre_list_public()})
