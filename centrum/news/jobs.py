"""Scheduled work of news (autodiscovered by `centrum.core`): none yet – moderation is a person's decision
and the feeds are computed when asked."""
