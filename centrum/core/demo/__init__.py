"""Demo data core owns: the five seed centres (`centres`) and the orchestration of the demo seeders the
apps register (`seeding`)."""
