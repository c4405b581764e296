"""The one check of an uploaded image (centre logo, organisation logo, room photos).

Size first (from the caller: a setting or the centre's own limit), then a real image in an allowed
format, then a sane pixel count, so no file is decoded whole before it has passed the cheap checks.
"""

from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .exceptions import ApplicationError

FORMAT_NAMES = {"JPEG": "JPEG", "PNG": "PNG", "GIF": "GIF", "WEBP": "WebP"}
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}
MAX_PIXELS = 50_000_000  # 50 megapixels: any camera photo, never a decompression bomb


def image_validate(upload: UploadedFile | None, *, max_bytes: int, formats: set[str], field: str) -> str:
    """The Pillow format ("PNG", "JPEG", …) of an accepted image; ApplicationError(field=field) otherwise."""
    from PIL import Image

    allowed = ", ".join(FORMAT_NAMES.get(name, name) for name in sorted(formats))
    if upload is None or not upload.size:
        raise ApplicationError(_("Wybierz plik graficzny (%(formats)s).") % {"formats": allowed}, field=field)
    if upload.size > max_bytes:
        raise ApplicationError(
            _("Plik jest za duży (%(size)s). Największy dozwolony rozmiar to %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(max_bytes)},
            field=field,
        )
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image_format = image.format
            width, height = image.size
            image.verify()
    except Exception:
        raise ApplicationError(
            _("To nie jest plik graficzny. Wybierz plik %(formats)s.") % {"formats": allowed}, field=field
        )
    finally:
        upload.seek(0)
    if image_format not in formats:
        raise ApplicationError(_("Dozwolone formaty: %(formats)s.") % {"formats": allowed}, field=field)
    if width * height > MAX_PIXELS:
        raise ApplicationError(
            _("Obraz ma za dużo pikseli (%(width)s × %(height)s). Zmniejsz go przed wysłaniem.")
            % {"width": width, "height": height},
            field=field,
        )
    return image_format


def scan_validate(upload: UploadedFile | None, *, max_bytes: int, field: str) -> str:
    """The extension ("pdf", "jpg", "png") of an accepted scan – a PDF or a JPEG/PNG photo of a document;
    ApplicationError(field=field) otherwise. A PDF is recognised by its header, never by its name."""
    if upload is not None and upload.size and upload.size <= max_bytes:
        upload.seek(0)
        head = upload.read(5)
        upload.seek(0)
        if head == b"%PDF-":
            return "pdf"
    try:
        image_format = image_validate(upload, max_bytes=max_bytes, formats={"JPEG", "PNG"}, field=field)
    except ApplicationError as exc:
        if upload is None or not upload.size or upload.size > max_bytes:
            raise
        raise ApplicationError(_("Skan musi być plikiem PDF, JPEG albo PNG."), field=field) from exc
    return EXTENSIONS[image_format]


def download_name(field_file, title: str) -> str:
    """What a stored upload is called when downloaded: its title (what people recognise) with the stored
    file's extension, unless the title ends with it already; the stored name where there is no title."""
    stored = field_file.name.rsplit("/", 1)[-1]
    extension = stored.rsplit(".", 1)[-1].lower() if "." in stored else ""
    title = " ".join(title.split())[:120]
    if not title:
        return stored
    if not extension or title.lower().endswith(f".{extension}"):
        return title
    return f"{title}.{extension}"


def stored_file_response(field_file, *, filename: str, as_attachment: bool | None = None):
    """A stored upload sent through a view (which has checked who may see it), never by its /media/ address:
    the type from the file name, `nosniff`, PDFs and unknown types as downloads, images shown in the page.
    A file missing from the storage is a 404."""
    import mimetypes

    from django.http import FileResponse, Http404
    from django.utils.http import content_disposition_header

    try:
        handle = field_file.open("rb")
    except (FileNotFoundError, OSError, ValueError) as exc:
        raise Http404 from exc
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    if as_attachment is None:
        as_attachment = not content_type.startswith("image/")
    response = FileResponse(handle, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=as_attachment, filename=filename
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
