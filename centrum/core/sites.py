"""The Django admin of the platform: platform hosts and platform admins only.

The admin is routed on platform hosts only (`config.urls_platform`). `PlatformAdminSite`, the default
site (`CentrumAdminConfig` in INSTALLED_APPS), answers 404 on a centre's host, lets in platform admins
only, runs every admin page in a named platform scope (it reads every centre's rows), and gives every
registered ModelAdmin class `PlatformAdminOnly` as a base, the classes third-party apps register too.
This module is imported while the app registry loads: no models at import time.
"""

from functools import wraps

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.http import Http404

from .scopes import platform_view


def is_platform_admin_request(request) -> bool:
    from .permissions import is_platform_admin

    return getattr(request, "centre", None) is None and is_platform_admin(request.user)


class PlatformAdminOnly:
    """Centre staff may have `is_staff` for other reasons; every model here is the platform's business."""

    def has_module_permission(self, request):
        return is_platform_admin_request(request) and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return is_platform_admin_request(request) and super().has_view_permission(request, obj)

    def has_add_permission(self, request, *args):
        return is_platform_admin_request(request) and super().has_add_permission(request, *args)

    def has_change_permission(self, request, obj=None):
        return is_platform_admin_request(request) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return is_platform_admin_request(request) and super().has_delete_permission(request, obj)


class PlatformAdminSite(admin.AdminSite):
    def has_permission(self, request):
        # `is_staff` opens the site (Django's rule); each model then asks for a platform admin (403).
        return getattr(request, "centre", None) is None and super().has_permission(request)

    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(platform_view(view), cacheable)

        @wraps(inner)
        def platform_only(request, *args, **kwargs):
            if getattr(request, "centre", None) is not None:
                raise Http404
            return inner(request, *args, **kwargs)

        return platform_only

    def register(self, model_or_iterable, admin_class=None, **options):
        admin_class = admin_class or admin.ModelAdmin
        if not issubclass(admin_class, PlatformAdminOnly):
            admin_class = type(admin_class.__name__, (PlatformAdminOnly, admin_class), {})
        super().register(model_or_iterable, admin_class, **options)


class CentrumAdminConfig(AdminConfig):
    default_site = "centrum.core.sites.PlatformAdminSite"
