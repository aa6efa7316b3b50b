-- The council's votes, tallies from the meeting, the decision, each
-- entry's result and the certificates.

-- One vote per council member and entry; replaced until the decision.
-- recognise and nominate hold for/against/abstain (nominate may be NULL).
CREATE TABLE council_votes (
    entry_id  TEXT NOT NULL REFERENCES entries (id),
    member_id TEXT NOT NULL REFERENCES users (id),
    round_id  TEXT NOT NULL REFERENCES rounds (id),
    recognise TEXT NOT NULL,
    nominate  TEXT,
    cast_at   BIGINT NOT NULL,
    PRIMARY KEY (entry_id, member_id)
);
CREATE INDEX council_votes_round ON council_votes (round_id);

-- A vote taken in the meeting, counted by the secretariat; when present it
-- stands for the entry instead of the online votes.
CREATE TABLE council_tallies (
    entry_id          TEXT PRIMARY KEY NOT NULL REFERENCES entries (id),
    round_id          TEXT NOT NULL REFERENCES rounds (id),
    members           BIGINT NOT NULL,
    present           BIGINT NOT NULL,
    recognise_for     BIGINT NOT NULL,
    recognise_against BIGINT NOT NULL,
    recognise_abstain BIGINT NOT NULL,
    nominate_for      BIGINT NOT NULL,
    nominate_against  BIGINT NOT NULL,
    nominate_abstain  BIGINT NOT NULL,
    recorded_by       TEXT NOT NULL REFERENCES users (id),
    recorded_at       BIGINT NOT NULL
);
CREATE INDEX council_tallies_round ON council_tallies (round_id);

-- The decision that recognises the round's winners (one per round).
CREATE TABLE decisions (
    round_id    TEXT PRIMARY KEY NOT NULL REFERENCES rounds (id),
    number      TEXT NOT NULL,
    decided_on  BIGINT NOT NULL,
    signer      TEXT NOT NULL,
    recorded_by TEXT NOT NULL REFERENCES users (id),
    recorded_at BIGINT NOT NULL
);

-- Each eligible entry's result, fixed with the decision.
CREATE TABLE entry_results (
    entry_id    TEXT PRIMARY KEY NOT NULL REFERENCES entries (id),
    round_id    TEXT NOT NULL REFERENCES rounds (id),
    score_sum   BIGINT NOT NULL,
    score_count BIGINT NOT NULL,
    recognised  BIGINT NOT NULL,
    nominated   BIGINT NOT NULL
);
CREATE INDEX entry_results_round ON entry_results (round_id);

-- Certificates: numbers are unique across the installation and never
-- reused; a revoked certificate keeps its number.
CREATE TABLE certificates (
    id             TEXT PRIMARY KEY NOT NULL,
    round_id       TEXT NOT NULL REFERENCES rounds (id),
    entry_id       TEXT NOT NULL UNIQUE REFERENCES entries (id),
    seq            BIGINT NOT NULL,
    number         TEXT NOT NULL UNIQUE,
    issued_at      BIGINT NOT NULL,
    valid_until    BIGINT NOT NULL,
    revoked_at     BIGINT,
    revoked_reason TEXT,
    revoked_by     TEXT REFERENCES users (id),
    UNIQUE (round_id, seq)
);
