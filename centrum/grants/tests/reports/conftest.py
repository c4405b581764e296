from centrum.spaces.tests.conftest import race_database  # noqa: F401 (the fixture)
