"""The advice service's pages, one module per sub-feature: `public` (advisers, free slots, booking, the
signed link), `desk` (the adviser's day, appointments, log, referrals), `setup` (advisers, office hours,
absences, domains), `organisations` (assignments, caretakers), `statistics` (statistics and targets)."""
