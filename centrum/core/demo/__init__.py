"""Demo data: the five seed centres, their organisations and one person per role (see `seed_demo`)."""
