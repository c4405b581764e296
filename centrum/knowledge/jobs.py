"""Scheduled work of the knowledge platform: none yet. Calls whose deadline passed drop out of every list
by the selectors' date filter, so nothing needs expiring."""
