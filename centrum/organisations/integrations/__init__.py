"""Clients of systems outside Centrum (the court register). Plain HTTP and parsing: no database, no audit;
the services decide what to store."""
