"""News: submitted by organisations' members, written by staff, with images (alt text required) and files."""

from django.db import transaction
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log, changes, snapshot
from centrum.core.centre_settings import centre_setting
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.models import Centre
from centrum.core.richtext import clean_html, plain_text
from centrum.core.uploads import image_validate, scan_validate

from ..audit_labels import NewsAudit
from ..models import NewsAttachment, NewsImage, NewsItem
from ..permissions import can_edit
from .common import check_submitter, clean_text, publish_if_staff, submitted_stamps

FIELDS = ["title", "lead", "body", "organisation"]
IMAGE_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}


def _fill(item: NewsItem, *, title: str, lead: str, body: str) -> None:
    item.title = clean_text(title)
    item.lead = clean_text(lead)
    item.body = clean_html(body or "")
    if not item.title:
        raise ApplicationError(_("Podaj tytuł."), field="title")
    if not item.lead:
        raise ApplicationError(_("Napisz krótką zajawkę."), field="lead")
    if not plain_text(item.body):
        raise ApplicationError(_("Napisz treść aktualności."), field="body")


@transaction.atomic
def news_create(
    *,
    centre: Centre,
    actor,
    title: str,
    lead: str,
    body: str,
    organisation=None,
    image=None,
    alt_text: str = "",
    attachment=None,
) -> NewsItem:
    check_submitter(centre=centre, actor=actor, organisation=organisation)
    item = NewsItem(centre=centre, organisation=organisation, author=actor)
    _fill(item, title=title, lead=lead, body=body)
    submitted_stamps(item)
    full_clean_or_raise(item)
    item.save()
    audit_log(actor=actor, obj=item, action=NewsAudit.NEWS_CREATED, new=snapshot(item, FIELDS))
    if image is not None:
        news_image_add(item=item, actor=actor, image=image, alt_text=alt_text)
    elif clean_text(alt_text):
        raise ApplicationError(_("Wybierz zdjęcie albo zostaw opis zdjęcia pusty."), field="image")
    if attachment is not None:
        news_attachment_add(item=item, actor=actor, upload=attachment)
    publish_if_staff(item=item, actor=actor)
    return item


@transaction.atomic
def news_update(*, item: NewsItem, actor, title: str, lead: str, body: str) -> NewsItem:
    if not can_edit(actor, item):
        raise ApplicationError(_("Nie możesz już zmienić tego wpisu."))
    locked = NewsItem.objects.select_for_update().get(pk=item.pk, centre=item.centre)
    if locked.status != item.status:
        raise ApplicationError(_("Ktoś właśnie zmienił ten wpis. Odśwież stronę."))
    before = snapshot(locked, FIELDS)
    _fill(locked, title=title, lead=lead, body=body)
    full_clean_or_raise(locked)
    locked.save()
    old, new = changes(before, snapshot(locked, FIELDS))
    if new:
        audit_log(actor=actor, obj=locked, action=NewsAudit.NEWS_UPDATED, old=old, new=new)
    return locked


@transaction.atomic
def news_image_add(*, item: NewsItem, actor, image, alt_text: str) -> NewsImage:
    if not can_edit(actor, item):
        raise ApplicationError(_("Nie możesz już zmienić tego wpisu."))
    centre = item.centre
    locked = NewsItem.objects.select_for_update().get(pk=item.pk, centre=centre)
    if locked.images.count() >= centre_setting(centre, "news.max_images"):
        raise ApplicationError(_("Ta aktualność ma już najwięcej zdjęć, ile można dodać."), field="image")
    alt_text = clean_text(alt_text)
    if not alt_text:
        raise ApplicationError(
            _("Opisz zdjęcie (tekst alternatywny) – przeczytają go osoby niewidome."), field="alt_text"
        )
    fmt = image_validate(
        image,
        max_bytes=centre_setting(centre, "news.image_max_kb") * 1024,
        formats=IMAGE_FORMATS,
        field="image",
    )
    row = NewsImage(
        centre=centre, news=locked, image=image, alt_text=alt_text, position=locked.images.count()
    )
    full_clean_or_raise(row, exclude=["image"])
    row.save()
    audit_log(
        actor=actor, obj=locked, action=NewsAudit.NEWS_IMAGE_ADDED, new={"alt_text": alt_text, "format": fmt}
    )
    return row


@transaction.atomic
def news_image_remove(*, image: NewsImage, actor) -> None:
    if not can_edit(actor, image.news):
        raise ApplicationError(_("Nie możesz już zmienić tego wpisu."))
    audit_log(
        actor=actor, obj=image.news, action=NewsAudit.NEWS_IMAGE_REMOVED, old={"alt_text": image.alt_text}
    )
    image.image.delete(save=False)
    image.delete()


@transaction.atomic
def news_attachment_add(*, item: NewsItem, actor, upload) -> NewsAttachment:
    if not can_edit(actor, item):
        raise ApplicationError(_("Nie możesz już zmienić tego wpisu."))
    centre = item.centre
    locked = NewsItem.objects.select_for_update().get(pk=item.pk, centre=centre)
    if locked.attachments.count() >= centre_setting(centre, "news.max_files"):
        raise ApplicationError(
            _("Ta aktualność ma już najwięcej załączników, ile można dodać."), field="attachment"
        )
    scan_validate(upload, max_bytes=centre_setting(centre, "news.file_max_kb") * 1024, field="attachment")
    name = clean_text(getattr(upload, "name", ""))[:200] or "zalacznik"
    row = NewsAttachment(centre=centre, news=locked, file=upload, name=name)
    full_clean_or_raise(row, exclude=["file"])
    row.save()
    audit_log(actor=actor, obj=locked, action=NewsAudit.NEWS_FILE_ADDED, new={"name": name})
    return row


@transaction.atomic
def news_attachment_remove(*, attachment: NewsAttachment, actor) -> None:
    if not can_edit(actor, attachment.news):
        raise ApplicationError(_("Nie możesz już zmienić tego wpisu."))
    audit_log(
        actor=actor, obj=attachment.news, action=NewsAudit.NEWS_FILE_REMOVED, old={"name": attachment.name}
    )
    attachment.file.delete(save=False)
    attachment.delete()
