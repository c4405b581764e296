from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from centrum.core.views import centre_required


@login_required
@centre_required
def dashboard(request):
    return render(request, "base.html")
