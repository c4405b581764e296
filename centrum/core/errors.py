from django.shortcuts import render


def page_not_found(request, exception=None):
    return render(request, "core/errors/404.html", status=404)


def permission_denied(request, exception=None):
    return render(request, "core/errors/403.html", status=403)


def server_error(request):
    return render(request, "core/errors/500.html", status=500)
