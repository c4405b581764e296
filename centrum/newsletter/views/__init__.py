"""The newsletter's pages: `desk` for the centre's staff (announcements, subscribers), `public` for
anyone (subscribing and the pages behind the mailed links)."""
