"""The grants app's services, one module per sub-feature (competitions, offers, evaluation); re-exported here."""
