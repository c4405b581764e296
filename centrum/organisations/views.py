from django.shortcuts import render

from centrum.core.views import centre_required, staff_required


@centre_required
def directory(request):
    return render(request, "base.html")


@centre_required
def register(request):
    return render(request, "base.html")


@staff_required
def verification_queue(request):
    return render(request, "base.html")
