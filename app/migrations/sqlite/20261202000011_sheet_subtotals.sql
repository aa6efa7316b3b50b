-- Each sheet's sum per criterion group, in the order of the round's
-- criteria, as comma-separated hundredths of a point ("1250,3000,..."),
-- written with the sheet, so the jury's report reads one row per sheet
-- instead of every line. NULL for sheets written before this column
-- existed: their sums are computed from their lines when read.
ALTER TABLE score_sheets ADD COLUMN subtotals TEXT;
