//! Searching the catalogue of recognised products: what a person typed
//! becomes folded words (no diacritics, lower case, "đ" as "d"), and a
//! product matches when every word is found in its folded text. Plain
//! substrings: SQL or regex characters mean nothing special.

use super::text::fold_for_search;

/// The most characters of a search kept; the rest is ignored (a search
/// box answers, it does not refuse).
pub const QUERY_MAX: usize = 100;

/// Products on one page of the catalogue.
pub const PAGE_SIZE: usize = 24;

/// The search as kept: trimmed, cut to [`QUERY_MAX`] characters.
pub fn kept_query(raw: &str) -> String {
    raw.trim().chars().take(QUERY_MAX).collect::<String>().trim().to_owned()
}

/// The folded words of a search.
pub fn search_terms(raw: &str) -> Vec<String> {
    fold_for_search(&kept_query(raw))
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

/// Whether a product whose searchable text folds to `haystack` matches.
pub fn matches(terms: &[String], haystack: &str) -> bool {
    terms.iter().all(|t| haystack.contains(t.as_str()))
}

/// The number of pages for `total` products (at least one).
pub fn pages(total: usize) -> usize {
    total.div_ceil(PAGE_SIZE).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_ignores_diacritics_and_case() {
        let haystack = fold_for_search("Nước mắm cá cơm Phú Quốc — Hộ Đông Hải");
        for query in [
            "nuoc mam",
            "NƯỚC MẮM",
            "Nu\u{031B}\u{0301}o\u{031B}c",
            "dong hai",
            "mam  phu",
        ] {
            assert!(matches(&search_terms(query), &haystack), "{query}");
        }
        for query in ["nuoc hoa", "' OR 1=1 --", ".*", "%"] {
            assert!(!matches(&search_terms(query), &haystack), "{query}");
        }
        assert!(matches(&search_terms("   "), &haystack), "no words: everything");
    }

    #[test]
    fn long_searches_are_cut_and_pages_counted() {
        assert_eq!(kept_query(&"a".repeat(10_000)).chars().count(), QUERY_MAX);
        assert_eq!((pages(0), pages(24), pages(25)), (1, 1, 2));
    }
}
