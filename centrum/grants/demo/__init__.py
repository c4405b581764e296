"""Demo data of the grants app, one module per sub-feature (competitions, offers, evaluation)."""
