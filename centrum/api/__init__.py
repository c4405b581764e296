"""Centrum's JSON API at /api/v1/ (django-ninja); OpenAPI at /api/v1/openapi.json, docs at /api/v1/docs.

Adding a router from another app (example: rooms from `centrum.spaces`):

1. Write `centrum/spaces/api.py` with a `router = Router(tags=["rooms"])` and thin handlers that
   call the app's selectors and services. Give every operation an `auth` from
   `centrum.api.auth`: `auth=REQUIRED` (token or session, else 401) or `auth=PUBLIC` with
   `openapi_extra=PUBLIC_OPENAPI` (anonymous allowed). The caller is `request.auth` (an
   `AnonymousUser` on public endpoints) and `centrum.api.auth.require_centre(request)` returns the
   centre, so nothing runs unscoped. Load objects scoped to the centre (another centre's id is a
   404), check the app's `can_*` predicate and `raise ApiHttpError(403, ...)` from
   `centrum.api.errors` when it fails.
2. Build input schemas from `centrum.api.schemas.common` (`Text(max_length)`, `Id`,
   `validated_by(...)`) with `model_config = ConfigDict(extra="forbid")`, so bad input is a 422.
   Do not catch `ApplicationError`, `Http404` or `PermissionDenied`: `centrum.api.errors` turns
   them into JSON 400 / 404 / 403 with a translated `detail`.
3. Register it with one line in `centrum/api/api.py`, next to the others (a dotted path, so the
   API does not import the app before Django is ready):

       api.add_router("/rooms", "centrum.spaces.api.router")

4. Test it in `centrum/spaces/tests/test_api.py` (anonymous, forbidden role, another centre's id)
   and check that `/api/v1/openapi.json` still builds (`centrum/api/tests/test_openapi.py`).
"""
