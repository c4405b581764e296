"""Pages of news (`news`), the events calendar (`events`) and error reports (`reports`)."""
