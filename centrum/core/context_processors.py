from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .permissions import centre_roles, is_centre_staff
from .portal import search_page_url
from .registry import active_modules, footer_links_for, nav_items_for


def centrum(request):
    centre = getattr(request, "centre", None)
    user = getattr(request, "user", None)
    fontsize = request.COOKIES.get("fontsize", "normal")
    return {
        "centre": centre,
        "show_demo_accounts": settings.SHOW_DEMO_ACCOUNTS,
        "ui_contrast": request.COOKIES.get("contrast") == "high",
        "ui_font_size": fontsize if fontsize in {"normal", "large", "larger"} else "normal",
        "is_centre_staff": SimpleLazyObject(lambda: is_centre_staff(user, centre)),
        "my_centre_roles": SimpleLazyObject(lambda: centre_roles(user, centre)),
        "nav_items": SimpleLazyObject(lambda: nav_items_for(request)),
        # Links apps add to every page's footer ("Zgłoś błąd" with the page's address).
        "footer_links": SimpleLazyObject(lambda: footer_links_for(request)),
        # The one search box's page (registered by the app that builds it), for the header's search field.
        "search_url": SimpleLazyObject(
            lambda: search_page_url(centre, settings=getattr(request, "centre_settings", None))
        ),
        # The services this centre runs, for its footer.
        "centre_modules": SimpleLazyObject(
            lambda: active_modules(centre, settings=getattr(request, "centre_settings", None))
        ),
    }
