-- A second factor (TOTP, RFC 6238) for an account: the shared secret in
-- base32 once confirmed, the one being enrolled until then, and the last
-- time step accepted (a code is never accepted twice).
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_pending TEXT;
ALTER TABLE users ADD COLUMN totp_last_step BIGINT;

-- A sign-in whose password was right and whose code is awaited. Only the
-- SHA-256 of its token is kept, as for sessions; it lives five minutes
-- and allows five codes.
CREATE TABLE sign_in_challenges (
    token_hash TEXT PRIMARY KEY NOT NULL,
    user_id    TEXT NOT NULL REFERENCES users (id),
    next_path  TEXT,
    attempts   BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sign_in_challenges_expires ON sign_in_challenges (expires_at);
