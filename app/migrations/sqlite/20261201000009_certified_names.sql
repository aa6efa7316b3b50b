-- What a certificate names (product or set, group, business with its
-- address and registration number, level, territory), fixed as JSON when
-- it is issued, so a later change of the business's profile never changes
-- a certificate. NULL for certificates issued before this column existed:
-- those are named from the current records.
ALTER TABLE certificates ADD COLUMN names TEXT;
