-- Sets of products (bộ sản phẩm): the council may merge several entries of
-- one business into a set before certificates are issued; a set gets one
-- certificate, held by its first recognised entry.
CREATE TABLE product_sets (
    id         TEXT PRIMARY KEY NOT NULL,
    round_id   TEXT NOT NULL REFERENCES rounds (id),
    name       TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX product_sets_round ON product_sets (round_id);

-- An entry belongs to at most one set.
CREATE TABLE product_set_entries (
    entry_id TEXT PRIMARY KEY NOT NULL REFERENCES entries (id),
    set_id   TEXT NOT NULL REFERENCES product_sets (id),
    position BIGINT NOT NULL
);
CREATE INDEX product_set_entries_set ON product_set_entries (set_id);

ALTER TABLE certificates ADD COLUMN set_id TEXT REFERENCES product_sets (id);

-- The body that issued the decision (printed on certificates), e.g.
-- "Ủy ban nhân dân tỉnh Đồng Nai".
ALTER TABLE decisions ADD COLUMN issuer TEXT NOT NULL DEFAULT '';
