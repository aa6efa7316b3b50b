-- Levels, territories, rounds with their product groups, criteria and
-- sub-criteria, and the jurors' product groups. Levels and territories
-- are data: the defaults below can be renamed, and more added.

CREATE TABLE levels (
    id         TEXT PRIMARY KEY NOT NULL,
    name_vi    TEXT NOT NULL UNIQUE,
    name_en    TEXT NOT NULL,
    rank       BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
INSERT INTO levels (id, name_vi, name_en, rank, created_at, updated_at) VALUES
    ('00000000-0000-4000-8000-000000000001', 'Cấp xã', 'Commune', 1, 0, 0),
    ('00000000-0000-4000-8000-000000000002', 'Cấp tỉnh', 'Province', 2, 0, 0),
    ('00000000-0000-4000-8000-000000000003', 'Cấp khu vực', 'Region', 3, 0, 0),
    ('00000000-0000-4000-8000-000000000004', 'Cấp quốc gia', 'National', 4, 0, 0);

CREATE TABLE territories (
    id         TEXT PRIMARY KEY NOT NULL,
    level_id   TEXT NOT NULL REFERENCES levels (id),
    parent_id  TEXT REFERENCES territories (id),
    name_vi    TEXT NOT NULL,
    name_en    TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (level_id, name_vi)
);
INSERT INTO territories (id, level_id, parent_id, name_vi, name_en, created_at, updated_at) VALUES
    ('00000000-0000-4000-9000-000000000001', '00000000-0000-4000-8000-000000000004', NULL, 'Việt Nam', 'Viet Nam', 0, 0),
    ('00000000-0000-4000-9000-000000000002', '00000000-0000-4000-8000-000000000003', '00000000-0000-4000-9000-000000000001', 'Miền Bắc', 'North', 0, 0),
    ('00000000-0000-4000-9000-000000000003', '00000000-0000-4000-8000-000000000003', '00000000-0000-4000-9000-000000000001', 'Miền Trung và Tây Nguyên', 'Central and Central Highlands', 0, 0),
    ('00000000-0000-4000-9000-000000000004', '00000000-0000-4000-8000-000000000003', '00000000-0000-4000-9000-000000000001', 'Miền Nam', 'South', 0, 0);

CREATE TABLE rounds (
    id                  TEXT PRIMARY KEY NOT NULL,
    name                TEXT NOT NULL UNIQUE,
    level_id            TEXT NOT NULL REFERENCES levels (id),
    territory_id        TEXT NOT NULL REFERENCES territories (id),
    year                BIGINT NOT NULL,
    parent_round_id     TEXT REFERENCES rounds (id),
    entries_open_at     BIGINT NOT NULL,
    entries_close_at    BIGINT NOT NULL,
    judging_close_at    BIGINT NOT NULL,
    threshold_centi     BIGINT NOT NULL,
    quorum_percent      BIGINT NOT NULL,
    majority_percent    BIGINT NOT NULL,
    tie_recognises      BIGINT NOT NULL,
    certificate_pattern TEXT NOT NULL,
    show_scores         BIGINT NOT NULL,
    score_step_centi    BIGINT NOT NULL,
    spread_flag_centi   BIGINT NOT NULL,
    state               TEXT NOT NULL,
    state_changed_at    BIGINT NOT NULL,
    council_chair_id    TEXT REFERENCES users (id),
    criteria_frozen_at  BIGINT,
    created_by          TEXT REFERENCES users (id),
    created_at          BIGINT NOT NULL,
    updated_at          BIGINT NOT NULL,
    UNIQUE (level_id, territory_id, year)
);
CREATE INDEX rounds_state ON rounds (state);

CREATE TABLE round_groups (
    id       TEXT PRIMARY KEY NOT NULL,
    round_id TEXT NOT NULL REFERENCES rounds (id),
    number   BIGINT NOT NULL,
    name_vi  TEXT NOT NULL,
    name_en  TEXT NOT NULL,
    UNIQUE (round_id, number)
);

CREATE TABLE round_criteria (
    id        TEXT PRIMARY KEY NOT NULL,
    round_id  TEXT NOT NULL REFERENCES rounds (id),
    number    BIGINT NOT NULL,
    name_vi   TEXT NOT NULL,
    name_en   TEXT NOT NULL,
    max_centi BIGINT NOT NULL,
    UNIQUE (round_id, number)
);

CREATE TABLE round_subcriteria (
    id           TEXT PRIMARY KEY NOT NULL,
    round_id     TEXT NOT NULL REFERENCES rounds (id),
    criterion_id TEXT NOT NULL REFERENCES round_criteria (id),
    group_id     TEXT NOT NULL REFERENCES round_groups (id),
    position     BIGINT NOT NULL,
    name_vi      TEXT NOT NULL,
    name_en      TEXT NOT NULL,
    max_centi    BIGINT NOT NULL,
    guidance     TEXT
);
CREATE INDEX round_subcriteria_round ON round_subcriteria (round_id, group_id, criterion_id);

CREATE TABLE round_juror_groups (
    round_id TEXT NOT NULL REFERENCES rounds (id),
    user_id  TEXT NOT NULL REFERENCES users (id),
    group_id TEXT NOT NULL REFERENCES round_groups (id),
    PRIMARY KEY (round_id, user_id, group_id)
);
CREATE INDEX role_grants_round ON role_grants (round_id);
