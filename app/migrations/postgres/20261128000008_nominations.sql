-- Nominations upward: an entry the council nominated, sent to a round of a
-- higher level in this installation, arrives there as a new entry of the
-- same business carrying its dossier (the same stored files) and its
-- certificate. An entry is sent once.
CREATE TABLE nominations (
    source_entry_id TEXT PRIMARY KEY NOT NULL REFERENCES entries (id),
    source_round_id TEXT NOT NULL REFERENCES rounds (id),
    certificate_id  TEXT NOT NULL REFERENCES certificates (id),
    round_id        TEXT NOT NULL REFERENCES rounds (id),
    entry_id        TEXT NOT NULL UNIQUE REFERENCES entries (id),
    sent_by         TEXT NOT NULL REFERENCES users (id),
    sent_at         BIGINT NOT NULL
);
CREATE INDEX nominations_source_round ON nominations (source_round_id);
CREATE INDEX nominations_round ON nominations (round_id);
