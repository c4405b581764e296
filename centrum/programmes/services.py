"""Writes: keyword-only, atomic, permission checked again, validated, audited."""
