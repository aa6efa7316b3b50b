-- Business profiles, entries (dossiers) and their files. Files live on
-- disk under the data directory, named by the SHA-256 of their content;
-- rows here point at them by that hash.

CREATE TABLE businesses (
    id                  TEXT PRIMARY KEY,
    owner_id            TEXT NOT NULL UNIQUE REFERENCES users (id),
    name                TEXT NOT NULL,
    legal_form          TEXT NOT NULL,
    registration_number TEXT NOT NULL,
    tax_code            TEXT,
    province            TEXT NOT NULL,
    commune             TEXT NOT NULL,
    street              TEXT NOT NULL,
    representative      TEXT NOT NULL,
    position            TEXT NOT NULL,
    phone               TEXT NOT NULL,
    email               TEXT,
    search_text         TEXT NOT NULL,
    created_at          BIGINT NOT NULL,
    updated_at          BIGINT NOT NULL
);

CREATE TABLE entries (
    id               TEXT PRIMARY KEY,
    round_id         TEXT NOT NULL REFERENCES rounds (id),
    business_id      TEXT NOT NULL REFERENCES businesses (id),
    state            TEXT NOT NULL,
    version          BIGINT NOT NULL,
    product_name     TEXT,
    is_set           BIGINT NOT NULL,
    set_items        TEXT,
    group_number     BIGINT,
    description      TEXT,
    materials        TEXT,
    process          TEXT,
    capacity         TEXT,
    markets          TEXT,
    workers          TEXT,
    environment      TEXT,
    culture          TEXT,
    standards        TEXT,
    awards           TEXT,
    message          TEXT,
    selection_code   TEXT,
    submitted_at     BIGINT,
    state_changed_at BIGINT NOT NULL,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);
CREATE INDEX entries_round ON entries (round_id, state);
CREATE INDEX entries_business ON entries (business_id);

CREATE TABLE entry_files (
    id           TEXT PRIMARY KEY,
    entry_id     TEXT NOT NULL REFERENCES entries (id),
    kind         TEXT NOT NULL,
    file_type    TEXT NOT NULL,
    display_name TEXT NOT NULL,
    size         BIGINT NOT NULL,
    content_hash TEXT NOT NULL,
    medium_hash  TEXT,
    thumb_hash   TEXT,
    width        BIGINT,
    height       BIGINT,
    created_by   TEXT REFERENCES users (id),
    created_at   BIGINT NOT NULL
);
CREATE INDEX entry_files_entry ON entry_files (entry_id, kind);
