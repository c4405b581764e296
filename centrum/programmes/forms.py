"""Forms of the programmes app (one form layer: `centrum.core.forms`)."""
