#!/usr/bin/env bash
# Refresh the catalogues of every app: `pl` (Polish is the source language, but plural strings need their
# three Polish forms there) and `en`. Then fill the new and fuzzy entries and run `make setup` (or the
# compilemessages line at the end) to compile them.
set -euo pipefail
cd "$(dirname "$0")/.."
for app in centrum/*/; do
  [ -f "$app/apps.py" ] || continue
  mkdir -p "$app/locale"
  (cd "$app" && uv run --locked python ../../manage.py makemessages -l pl -l en --no-obsolete -v 0)
done
# Polish plurals: 1 organizacja, 2–4 (22–24, …) organizacje, 0, 5–21, 25… organizacji. makemessages copies
# Django's own four-form rule into a new Polish catalogue; ours use these three forms everywhere.
uv run --locked python - centrum/*/locale/pl/LC_MESSAGES/django.po <<'PY'
import re, sys
rule = "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    # The header may be wrapped over several lines; it ends at the first line ending in \n".
    fixed = re.sub(
        r'^"Plural-Forms: .*?\\n"$', lambda m: f'"Plural-Forms: {rule}\\n"', text, count=1, flags=re.M | re.S
    )
    if fixed != text:
        with open(path, "w", encoding="utf-8") as f:
            f.write(fixed)
PY
uv run --locked python manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0
