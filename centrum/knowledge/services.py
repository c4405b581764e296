"""Writes: keyword-only, atomic, permission checked again, validated, audited. A broken rule raises
ApplicationError with a message a person can act on (the view shows it on the form, the API as a 400)."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from centrum.core.audit import audit_log, changes, snapshot
from centrum.core.calendar import warsaw_today
from centrum.core.centre_settings import centre_setting
from centrum.core.exceptions import ApplicationError, full_clean_or_raise
from centrum.core.models import Centre
from centrum.core.richtext import clean_html, plain_text
from centrum.core.uploads import scan_validate
from centrum.core.workflow import workflow_apply

from .audit_labels import KnowledgeAudit as Audit
from .choices import DEFAULT_CATEGORIES, LeaderField
from .models import Article, ArticleCategory, Document, FundingCall, GoodPractice, Leader, PracticeAttachment
from .permissions import (
    can_edit_article,
    can_edit_knowledge,
    can_edit_leader,
    can_keep_leader_profile,
    can_moderate_practice,
    can_submit_practice_for,
)
from .search import search_columns

PRACTICE_FIELDS = [
    "title",
    "summary",
    "description",
    "government_kind",
    "locality",
    "voivodeship",
    "implementing_unit",
    "population",
    "source",
    "source_url",
    "licence",
]
ARTICLE_FIELDS = ["category", "title", "lead", "body"]
CALL_FIELDS = ["kind", "title", "funder", "deadline", "amount", "url", "description"]
LEADER_FIELDS = ["display_name", "bio", "activities", "organisation_name", "district", "email", "phone"]
# The consent a leader gives, stored word for word with its date (the text may change later).
LEADER_CONSENT_TEXT = (
    "Wyrażam zgodę na publikację w serwisie centrum mojego profilu lidera lub społecznika w zakresie "
    "wybranych przeze mnie pól. Wiem, że mogę tę zgodę w każdej chwili wycofać; profil zniknie wtedy "
    "ze strony od razu."
)


def _denied() -> ApplicationError:
    return ApplicationError(_("Nie masz uprawnień do tej czynności."))


def _file_checked(centre: Centre, upload, field: str) -> str:
    max_bytes = centre_setting(centre, "knowledge.file_max_mb") * 1024 * 1024
    return scan_validate(upload, max_bytes=max_bytes, field=field)


def _practice_search(practice: GoodPractice) -> None:
    for name, value in search_columns(
        practice.title,
        practice.summary,
        plain_text(practice.description),
        practice.locality,
        practice.implementing_unit,
    ).items():
        setattr(practice, name, value)


# --- good practices -------------------------------------------------------------------------------------


@transaction.atomic
def practice_submit(*, centre: Centre, actor, organisation=None, data: dict, attachments=()) -> GoodPractice:
    """A new good practice waiting for moderation; staff may submit without an organisation."""
    staff = can_edit_knowledge(actor, centre)
    if organisation is None and not staff:
        raise ApplicationError(
            _("Wybierz organizację, w imieniu której zgłaszasz praktykę."), field="organisation"
        )
    if organisation is not None and not can_submit_practice_for(actor, organisation):
        raise _denied()
    attachments = [a for a in attachments if a is not None]
    if len(attachments) > centre_setting(centre, "knowledge.attachments_max"):
        raise ApplicationError(_("Za dużo załączników."), field="attachment")
    today = warsaw_today()
    practice = GoodPractice(
        centre=centre, organisation=organisation, submitted_by=actor, added_on=today, updated_on=today
    )
    for field in PRACTICE_FIELDS:
        if field in data:
            setattr(practice, field, data[field])
    practice.description = clean_html(practice.description)
    _practice_search(practice)
    full_clean_or_raise(practice)
    checked = [(upload, _file_checked(centre, upload, "attachment")) for upload in attachments]
    practice.save()
    audit_log(
        actor=actor, obj=practice, action=Audit.PRACTICE_SUBMITTED, new=snapshot(practice, PRACTICE_FIELDS)
    )
    for upload, extension in checked:
        _attachment_save(practice, upload, extension, title=data.get("attachment_title") or upload.name)
    return practice


def _attachment_save(practice, upload, extension: str, *, title: str) -> PracticeAttachment:
    size = upload.size
    upload.name = f"zalacznik.{extension}"
    attachment = PracticeAttachment(
        centre=practice.centre,
        practice=practice,
        title=title[:200],
        file=upload,
        extension=extension,
        size=size,
    )
    full_clean_or_raise(attachment)
    attachment.save()
    return attachment


@transaction.atomic
def practice_attachment_add(*, practice: GoodPractice, actor, title: str, upload) -> PracticeAttachment:
    if not can_moderate_practice(actor, practice):
        raise _denied()
    practice = GoodPractice.objects.select_for_update().get(pk=practice.pk)
    if practice.attachments.count() >= centre_setting(practice.centre, "knowledge.attachments_max"):
        raise ApplicationError(_("Ta praktyka ma już najwięcej dozwolonych załączników."), field="file")
    extension = _file_checked(practice.centre, upload, "file")
    attachment = _attachment_save(practice, upload, extension, title=title.strip() or upload.name)
    audit_log(actor=actor, obj=practice, action=Audit.ATTACHMENT_ADDED, new={"title": attachment.title})
    return attachment


def _update(obj, *, actor, data: dict, fields: list[str], audit, prepare=None):
    """The one shape of an edit: lock the row, set the given fields, let `prepare` recompute what follows
    from them (search columns, rules), validate, save, audit only what changed."""
    obj = type(obj).objects.select_for_update().get(pk=obj.pk)
    before = snapshot(obj, fields)
    for field in fields:
        if field in data:
            setattr(obj, field, data[field])
    if prepare is not None:
        prepare(obj)
    full_clean_or_raise(obj)
    obj.save()
    old, new = changes(before, snapshot(obj, fields))
    if new:
        audit_log(actor=actor, obj=obj, action=audit, old=old, new=new)
    return obj


@transaction.atomic
def practice_update(*, practice: GoodPractice, actor, data: dict) -> GoodPractice:
    if not can_moderate_practice(actor, practice):
        raise _denied()

    def prepare(row):
        row.description = clean_html(row.description)
        row.updated_on = warsaw_today()
        _practice_search(row)

    return _update(
        practice,
        actor=actor,
        data=data,
        fields=PRACTICE_FIELDS,
        audit=Audit.PRACTICE_UPDATED,
        prepare=prepare,
    )


def practice_decide(*, practice: GoodPractice, action: str, actor, reason: str = "") -> GoodPractice:
    return workflow_apply(obj=practice, action=action, actor=actor, reason=reason)


# --- leaders --------------------------------------------------------------------------------------------


@transaction.atomic
def leader_save(*, centre: Centre, actor, data: dict, visible_fields, consent: bool) -> Leader:
    """Create or change the person's own profile. Consent given now is recorded with its text and time;
    a profile without a standing consent is never shown."""
    if not can_keep_leader_profile(actor):
        raise _denied()
    leader = Leader.objects.select_for_update().filter(centre=centre, user=actor).first()
    created = leader is None
    if created:
        leader = Leader(centre=centre, user=actor)
    elif not can_edit_leader(actor, leader):
        raise _denied()
    before = snapshot(leader, LEADER_FIELDS + ["visible_fields"])
    for field in LEADER_FIELDS:
        if field in data:
            setattr(leader, field, (data[field] or "").strip())
    allowed = set(LeaderField.values)
    leader.visible_fields = [f for f in LeaderField.values if f in set(visible_fields) & allowed]
    consenting = consent and not leader.is_public
    if consenting:
        leader.consent_text, leader.consent_at, leader.withdrawn_at = (
            LEADER_CONSENT_TEXT,
            timezone.now(),
            None,
        )
    if created and not consent:
        raise ApplicationError(
            _("Profil pokażemy tylko za Twoją zgodą – zaznacz ją, aby go zapisać."), field="consent"
        )
    # The unique constraint is left to the database below (two first saves at once get one clear message).
    full_clean_or_raise(leader, validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():  # two first saves at once (a double click): the unique constraint decides
            leader.save()
    except IntegrityError:
        raise ApplicationError(_("Twój profil właśnie zapisano – odśwież stronę i sprawdź go.")) from None
    old, new = changes(before, snapshot(leader, LEADER_FIELDS + ["visible_fields"]))
    if new:
        audit_log(actor=actor, obj=leader, action=Audit.LEADER_SAVED, old=old, new=new)
    if consenting:
        audit_log(
            actor=actor, obj=leader, action=Audit.LEADER_CONSENTED, new={"consent_text": leader.consent_text}
        )
    return leader


@transaction.atomic
def leader_withdraw_consent(*, leader: Leader, actor) -> Leader:
    if not can_edit_leader(actor, leader):
        raise _denied()
    leader = Leader.objects.select_for_update().get(pk=leader.pk)
    if leader.withdrawn_at is None and leader.consent_at is not None:
        leader.withdrawn_at = timezone.now()
        leader.save(update_fields=["withdrawn_at", "updated_at"])
        audit_log(actor=actor, obj=leader, action=Audit.LEADER_WITHDRAWN)
    return leader


# --- knowledge base -------------------------------------------------------------------------------------


def categories_ensure(*, centre: Centre) -> None:
    """The five categories every knowledge base starts with (rows, so staff may add and rename)."""
    existing = set(ArticleCategory.objects.filter(centre=centre).values_list("slug", flat=True))
    missing = [
        ArticleCategory(centre=centre, slug=slug, name=name, position=position)
        for position, (slug, name) in enumerate(DEFAULT_CATEGORIES, start=1)
        if slug not in existing
    ]
    if missing:
        ArticleCategory.objects.bulk_create(missing, ignore_conflicts=True)


@transaction.atomic
def category_create(*, centre: Centre, actor, name: str, slug: str, position: int = 0) -> ArticleCategory:
    if not can_edit_knowledge(actor, centre):
        raise _denied()
    if ArticleCategory.objects.filter(centre=centre, slug=slug).exists():
        raise ApplicationError(_("Kategoria o tym adresie już istnieje."), field="slug")
    category = ArticleCategory(centre=centre, name=name.strip(), slug=slug, position=position)
    full_clean_or_raise(category)
    category.save()
    audit_log(actor=actor, obj=category, action=Audit.CATEGORY_SAVED, new={"name": category.name})
    return category


def _article_search(article: Article) -> None:
    for name, value in search_columns(article.title, article.lead, plain_text(article.body)).items():
        setattr(article, name, value)


@transaction.atomic
def article_create(*, centre: Centre, actor, data: dict) -> Article:
    if not can_edit_knowledge(actor, centre):
        raise _denied()
    article = Article(centre=centre, author=actor)
    for field in ARTICLE_FIELDS:
        setattr(article, field, data.get(field))
    article.body = clean_html(article.body or "")
    _article_search(article)
    full_clean_or_raise(article)
    article.save()
    audit_log(actor=actor, obj=article, action=Audit.ARTICLE_CREATED, new=snapshot(article, ["title"]))
    return article


@transaction.atomic
def article_update(*, article: Article, actor, data: dict) -> Article:
    if not can_edit_article(actor, article):
        raise _denied()

    def prepare(row):
        row.body = clean_html(row.body or "")
        _article_search(row)

    return _update(
        article, actor=actor, data=data, fields=ARTICLE_FIELDS, audit=Audit.ARTICLE_UPDATED, prepare=prepare
    )


@transaction.atomic
def document_add(*, centre: Centre, actor, data: dict, upload) -> Document:
    if not can_edit_knowledge(actor, centre):
        raise _denied()
    extension = _file_checked(centre, upload, "file")
    size = upload.size
    upload.name = f"dokument.{extension}"
    document = Document(
        centre=centre,
        added_by=actor,
        kind=data.get("kind"),
        title=(data.get("title") or "").strip(),
        description=(data.get("description") or "").strip(),
        published_on=data.get("published_on"),
        file=upload,
        extension=extension,
        size=size,
    )
    full_clean_or_raise(document)
    document.save()
    audit_log(actor=actor, obj=document, action=Audit.DOCUMENT_ADDED, new={"title": document.title})
    return document


# --- funding calls --------------------------------------------------------------------------------------


def _call_search(call: FundingCall) -> None:
    for name, value in search_columns(call.title, call.funder, call.description).items():
        setattr(call, name, value)


def _call_rules(call: FundingCall) -> None:
    if call.amount is not None and call.amount < 0:
        raise ApplicationError(_("Kwota nie może być ujemna."), field="amount")


@transaction.atomic
def funding_call_create(*, centre: Centre, actor, data: dict, fields=()) -> FundingCall:
    if not can_edit_knowledge(actor, centre):
        raise _denied()
    call = FundingCall(centre=centre, added_by=actor)
    for field in CALL_FIELDS:
        setattr(call, field, data.get(field))
    call.description = call.description or ""
    _call_rules(call)
    if call.deadline and call.deadline < warsaw_today():
        raise ApplicationError(_("Termin naboru już minął – sprawdź datę."), field="deadline")
    _call_search(call)
    full_clean_or_raise(call)
    call.save()
    call.fields.set(fields)
    audit_log(actor=actor, obj=call, action=Audit.CALL_CREATED, new=snapshot(call, ["title", "deadline"]))
    return call


@transaction.atomic
def funding_call_update(*, call: FundingCall, actor, data: dict, fields=None) -> FundingCall:
    if not can_edit_knowledge(actor, call.centre):
        raise _denied()

    def prepare(row):
        row.description = row.description or ""
        _call_rules(row)
        _call_search(row)

    call = _update(
        call, actor=actor, data=data, fields=CALL_FIELDS, audit=Audit.CALL_UPDATED, prepare=prepare
    )
    if fields is not None:
        call.fields.set(fields)
    return call
