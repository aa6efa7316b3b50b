//! Rules for free text typed by people: normalisation, length and the
//! characters we refuse, plus the diacritic folding that search uses.

use unicode_normalization::UnicodeNormalization;

use super::validation::{FieldError, Problem};

/// Characters that a keyboard does not type and that can hide or reorder
/// text on screen: C0/C1 controls and the bidirectional overrides.
fn is_forbidden(c: char, allow_newlines: bool) -> bool {
    if allow_newlines && (c == '\n' || c == '\t') {
        return false;
    }
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Cleans one line of text: Unicode NFC (so "ệ" typed as one or as three
/// code points is the same text), surrounding spaces trimmed, no control
/// characters, at most `max` characters. `required` refuses an empty value;
/// otherwise an empty value gives `Ok(None)`.
pub fn clean_line(field: &str, raw: &str, max: usize, required: bool) -> Result<Option<String>, FieldError> {
    clean(field, raw, max, required, false)
}

/// Like [`clean_line`] but keeps line breaks and tabs (for comments and
/// descriptions); line endings are normalised to `\n`.
pub fn clean_paragraphs(field: &str, raw: &str, max: usize, required: bool) -> Result<Option<String>, FieldError> {
    let unified = raw.replace("\r\n", "\n").replace('\r', "\n");
    clean(field, &unified, max, required, true)
}

fn clean(
    field: &str,
    raw: &str,
    max: usize,
    required: bool,
    allow_newlines: bool,
) -> Result<Option<String>, FieldError> {
    let text: String = raw.nfc().collect();
    let text = text.trim();
    if text.is_empty() {
        return if required {
            Err(FieldError::new(field, Problem::Required))
        } else {
            Ok(None)
        };
    }
    if text.chars().any(|c| is_forbidden(c, allow_newlines)) {
        return Err(FieldError::new(field, Problem::ControlCharacters));
    }
    if text.chars().count() > max {
        return Err(FieldError::new(field, Problem::TooLong { max }));
    }
    Ok(Some(text.to_owned()))
}

/// Folds text for diacritic-insensitive search: "Gốm Biên Hòa" and
/// "gom bien hoa" fold to the same string. Vietnamese "đ" folds to "d".
pub fn fold_for_search(text: &str) -> String {
    text.nfd()
        .filter(|c| !('\u{0300}'..='\u{036F}').contains(c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            other => other,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfd_input_is_stored_as_nfc() {
        let nfd = "Nguye\u{302}\u{303}n";
        let cleaned = clean_line("name", nfd, 100, true).unwrap().unwrap();
        assert_eq!(cleaned, "Nguyễn");
        assert_eq!(cleaned.chars().count(), 6);
    }

    #[test]
    fn surrounding_spaces_are_trimmed_and_empty_is_required() {
        assert_eq!(clean_line("name", "  Lan  ", 10, true).unwrap().as_deref(), Some("Lan"));
        assert_eq!(
            clean_line("name", "   ", 10, true).unwrap_err().problem,
            Problem::Required
        );
        assert_eq!(clean_line("name", "", 10, false).unwrap(), None);
    }

    #[test]
    fn control_and_bidi_characters_are_refused() {
        for bad in ["a\u{0}b", "a\u{7}b", "line\nbreak", "x\u{202E}gnp.exe"] {
            assert_eq!(
                clean_line("name", bad, 100, true).unwrap_err().problem,
                Problem::ControlCharacters,
                "{bad:?}"
            );
        }
    }

    #[test]
    fn paragraphs_keep_line_breaks_but_not_other_controls() {
        let text = clean_paragraphs("c", "a\r\nb\tc", 100, true).unwrap().unwrap();
        assert_eq!(text, "a\nb\tc");
        assert!(clean_paragraphs("c", "a\u{1b}[31m", 100, true).is_err());
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        let ten_vietnamese = "ệệệệệệệệệệ";
        assert!(clean_line("n", ten_vietnamese, 10, true).is_ok());
        assert_eq!(
            clean_line("n", &"a".repeat(10_000), 200, true).unwrap_err().problem,
            Problem::TooLong { max: 200 }
        );
    }

    #[test]
    fn markup_and_sql_are_ordinary_text() {
        for text in ["<script>alert(1)</script>", "'; DROP TABLE users; --"] {
            assert_eq!(clean_line("n", text, 200, true).unwrap().as_deref(), Some(text));
        }
    }

    #[test]
    fn folding_ignores_diacritics_and_case() {
        assert_eq!(fold_for_search("Gốm Biên Hòa"), "gom bien hoa");
        assert_eq!(fold_for_search("ĐỒNG NAI"), "dong nai");
        assert_eq!(fold_for_search("Nguye\u{302}\u{303}n"), "nguyen");
    }
}
