"""The volunteer centre's pages: `public` (offers, volunteering abroad), `volunteer` (profile, applications,
hours), `host` (offers, decisions, the agreement, the valuation of work), `desk` (moderation, the coordinator's
volunteers, public bodies, statistics) and `documents` (the PDFs)."""
