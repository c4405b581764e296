from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.utils.http import content_disposition_header

from centrum.core.views import centre_required

CONTENT_TYPES = {"pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png"}


def per_page(request) -> int:
    return request.centre_settings["knowledge.per_page"]


def file_response(field_file, extension: str, name: str) -> FileResponse:
    try:
        handle = field_file.open("rb")
    except (FileNotFoundError, OSError, ValueError) as exc:
        raise Http404 from exc
    response = FileResponse(handle, content_type=CONTENT_TYPES.get(extension, "application/octet-stream"))
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=extension == "pdf", filename=f"{name}.{extension}"
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def signed_in_centre_page(view):
    return login_required(centre_required(view))
