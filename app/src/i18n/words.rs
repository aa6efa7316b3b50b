//! The browser's messages: the page's [`super::CLIENT_KEYS`] in its
//! language, read once from the `<meta>` the server rendered.

use std::collections::HashMap;
use std::sync::OnceLock;

use leptos::prelude::document;

use super::{fill, Arg, Lang, WORDS_META};

fn words() -> &'static HashMap<String, String> {
    static WORDS: OnceLock<HashMap<String, String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        document()
            .query_selector(&format!("meta[name=\"{WORDS_META}\"]"))
            .ok()
            .flatten()
            .and_then(|meta| meta.get_attribute("content"))
            .and_then(|content| serde_json::from_str(&content).ok())
            .unwrap_or_default()
    })
}

/// Whether the page carries the message.
pub fn has_message(_lang: Lang, key: &str) -> bool {
    words().contains_key(key)
}

/// The message in the page's language (the only one a page carries); a
/// message the page does not carry shows its key.
pub fn translate(_lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
    match words().get(key) {
        Some(pattern) => fill(pattern, args),
        None => key.to_owned(),
    }
}
