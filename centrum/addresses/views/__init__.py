"""Pages of the address service, by sub-feature: agreements and the mail log."""
