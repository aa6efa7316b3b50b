-- Screening codes, the jury's panel per entry, conflict declarations and
-- score sheets with their lines.

-- A selection code is unique in its round (NULL until accepted).
CREATE UNIQUE INDEX entries_selection_code ON entries (round_id, selection_code);

-- The secretariat's additions to and removals from an entry's jurors
-- (on top of the jurors of the entry's product group).
CREATE TABLE entry_jurors (
    entry_id   TEXT NOT NULL REFERENCES entries (id),
    user_id    TEXT NOT NULL REFERENCES users (id),
    round_id   TEXT NOT NULL REFERENCES rounds (id),
    mode       TEXT NOT NULL,
    created_by TEXT REFERENCES users (id),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (entry_id, user_id)
);
CREATE INDEX entry_jurors_round ON entry_jurors (round_id);

-- What a juror declared about an entry's business before seeing its
-- dossier: tie NULL for none, else owner/relative/employee/adviser/other.
CREATE TABLE declarations (
    entry_id    TEXT NOT NULL REFERENCES entries (id),
    user_id     TEXT NOT NULL REFERENCES users (id),
    round_id    TEXT NOT NULL REFERENCES rounds (id),
    tie         TEXT,
    note        TEXT,
    recorded_by TEXT NOT NULL REFERENCES users (id),
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (entry_id, user_id)
);
CREATE INDEX declarations_round ON declarations (round_id);

CREATE TABLE score_sheets (
    id           TEXT PRIMARY KEY,
    round_id     TEXT NOT NULL REFERENCES rounds (id),
    entry_id     TEXT NOT NULL REFERENCES entries (id),
    juror_id     TEXT NOT NULL REFERENCES users (id),
    state        TEXT NOT NULL,
    version      BIGINT NOT NULL,
    comment      TEXT,
    total_centi  BIGINT NOT NULL,
    from_paper   BIGINT NOT NULL,
    updated_by   TEXT NOT NULL REFERENCES users (id),
    submitted_at BIGINT,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL,
    UNIQUE (entry_id, juror_id)
);
CREATE INDEX score_sheets_round ON score_sheets (round_id, juror_id);

-- One row per line that holds points; a line not present is empty.
CREATE TABLE score_lines (
    sheet_id     TEXT NOT NULL REFERENCES score_sheets (id),
    line_key     TEXT NOT NULL,
    points_centi BIGINT NOT NULL,
    PRIMARY KEY (sheet_id, line_key)
);
