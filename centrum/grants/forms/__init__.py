"""The grants app's forms, one module per sub-feature (competitions, offers, evaluation); re-exported here."""
