"""Scheduled work of the programmes app (autodiscovered by `centrum.core`)."""
