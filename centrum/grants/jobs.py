"""Scheduled work of the grants app (autodiscovered by `centrum.core`): each job calls one service."""
