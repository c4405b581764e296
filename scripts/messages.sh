#!/usr/bin/env bash
# Refresh the English catalogues of every app (Polish is the source language).
set -euo pipefail
cd "$(dirname "$0")/.."
for app in centrum/*/; do
  [ -f "$app/apps.py" ] || continue
  mkdir -p "$app/locale"
  (cd "$app" && uv run --locked python ../../manage.py makemessages -l en --no-obsolete -v 0)
done
uv run --locked python manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0
