"""The schema migration, run as a one-off task: `composer run --rm migrate`. Running it twice changes nothing."""
import os

import psycopg  # type: ignore

with psycopg.connect(os.environ["DATABASE_URL"]) as connection:
    connection.execute("CREATE TABLE IF NOT EXISTS notes (id serial PRIMARY KEY, text text NOT NULL UNIQUE)")
    connection.execute("INSERT INTO notes (text) VALUES ('first note') ON CONFLICT (text) DO NOTHING")
    count = connection.execute("SELECT count(*) FROM notes").fetchone()[0]
print(f"migrated: notes table has {count} row(s)", flush=True)
