//! The message catalogue: Fluent bundles for both languages, on the
//! server only.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::{Arg, Lang, CLIENT_KEYS};

const VI_FTL: &str = include_str!("../../locales/vi.ftl");
const EN_FTL: &str = include_str!("../../locales/en.ftl");

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    let bundles = BUNDLES.get_or_init(|| [make_bundle("vi", VI_FTL), make_bundle("en", EN_FTL)]);
    match lang {
        Lang::Vi => &bundles[0],
        Lang::En => &bundles[1],
    }
}

fn make_bundle(code: &str, source: &str) -> Bundle {
    let lang = code.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![lang]);
    // Isolation marks would appear as stray characters in <title> and
    // e-mails; our arguments are plain names and numbers.
    bundle.set_use_isolating(false);
    let resource = match FluentResource::try_new(source.to_owned()) {
        Ok(r) => r,
        Err((r, errors)) => {
            tracing::error!("syntax errors in {code}.ftl: {errors:?}");
            r
        }
    };
    if let Err(errors) = bundle.add_resource(resource) {
        tracing::error!("duplicate messages in {code}.ftl: {errors:?}");
    }
    bundle
}

/// Whether a message exists.
pub fn has_message(lang: Lang, key: &str) -> bool {
    bundle(lang).has_message(key)
}

/// Formats a message; a missing message shows its key, which the
/// translation tests make impossible in a release. A missing argument
/// shows as `{$name}`.
pub fn translate(lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
        return key.to_owned();
    };
    let fluent_args = (!args.is_empty()).then(|| {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Text(s) => FluentValue::from(s.clone()),
                Arg::Num(n) => FluentValue::from(*n),
            };
            fluent_args.set(*name, value);
        }
        fluent_args
    });
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, fluent_args.as_ref(), &mut errors)
        .into_owned()
}

/// The client messages of a language as a JSON object, their
/// placeholders left as `{$name}`, for a page's `<meta>`.
pub fn client_words(lang: Lang) -> String {
    let words: std::collections::BTreeMap<&str, String> = CLIENT_KEYS
        .iter()
        .map(|key| (*key, translate(lang, key, &[])))
        .collect();
    serde_json::to_string(&words).unwrap_or_else(|_| "{}".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::validation::{FieldError, Problem};
    use crate::i18n::{fill, message_keys, Arg, I18n, Lang, CLIENT_KEYS};
    use std::collections::BTreeSet;

    fn keys(source: &str) -> BTreeSet<String> {
        message_keys(source).into_iter().collect()
    }

    #[test]
    fn both_languages_have_the_same_messages() {
        let vi = keys(VI_FTL);
        let en = keys(EN_FTL);
        let only_vi: Vec<_> = vi.difference(&en).collect();
        let only_en: Vec<_> = en.difference(&vi).collect();
        assert!(
            only_vi.is_empty() && only_en.is_empty(),
            "only in vi: {only_vi:?}; only in en: {only_en:?}"
        );
        assert!(vi.len() > 50);
    }

    #[test]
    fn fluent_sources_parse_without_errors() {
        for (name, source) in [("vi", VI_FTL), ("en", EN_FTL)] {
            if let Err((_, errors)) = FluentResource::try_new(source.to_owned()) {
                panic!("{name}.ftl: {errors:?}");
            }
        }
    }

    /// A message defined twice would be dropped silently by the bundle
    /// (the first one wins), so each key is defined once.
    #[test]
    fn no_message_is_defined_twice() {
        for (name, source) in [("vi", VI_FTL), ("en", EN_FTL)] {
            let mut seen = BTreeSet::new();
            let twice: Vec<String> = message_keys(source)
                .into_iter()
                .filter(|k| !seen.insert(k.clone()))
                .collect();
            assert!(twice.is_empty(), "{name}.ftl defines these twice: {twice:?}");
        }
    }

    /// Every key the code asks for (`t("…")`, `t_with("…"`, `"field-…"` by
    /// construction) exists in the Vietnamese file.
    #[test]
    fn every_key_used_in_the_code_exists() {
        let vi = keys(VI_FTL);
        let mut missing = BTreeSet::new();
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut stack = vec![std::path::PathBuf::from(root)];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    for pattern in [".t(\"", ".t_with(\"", "_key=\""] {
                        for piece in text.split(pattern).skip(1) {
                            let key: String = piece.chars().take_while(|c| *c != '"').collect();
                            if !key.is_empty()
                                && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                                && !vi.contains(&key)
                            {
                                missing.insert(format!("{key} ({})", path.display()));
                            }
                        }
                    }
                }
            }
        }
        assert!(missing.is_empty(), "keys missing from vi.ftl: {missing:?}");
    }

    #[test]
    fn every_audit_action_and_role_has_a_name() {
        let vi = keys(VI_FTL);
        for action in crate::domain::audit::AuditAction::ALL {
            let key = format!("audit-{}", action.code().replace(['.', '_'], "-"));
            assert!(vi.contains(&key), "{key}");
        }
        for state in crate::domain::entry::EntryState::ALL {
            let key = format!("entry-state-{}", state.code());
            assert!(vi.contains(&key), "{key}");
        }
        for form in crate::domain::business::LegalForm::ALL {
            let key = format!("legal-form-{}", form.code().replace('_', "-"));
            assert!(vi.contains(&key), "{key}");
        }
        for state in crate::domain::lifecycle::RoundState::ALL {
            let key = format!("state-{}", state.code());
            assert!(vi.contains(&key), "{key}");
        }
        for outcome in crate::domain::council::Outcome::ALL {
            let key = format!("outcome-{}", outcome.code());
            assert!(vi.contains(&key), "{key}");
        }
        for ballot in crate::domain::council::Ballot::ALL {
            let key = format!("ballot-{}", ballot.code());
            assert!(vi.contains(&key), "{key}");
        }
        for tie in crate::domain::jury::Tie::ALL {
            let key = format!("tie-{}", tie.code());
            assert!(vi.contains(&key), "{key}");
        }
        for role in crate::domain::role::Role::ALL {
            let key = format!("role-{}", role.code().replace('_', "-"));
            assert!(vi.contains(&key), "{key}");
        }
    }

    #[test]
    fn problems_read_as_sentences_in_both_languages() {
        let error = FieldError::new("name", Problem::TooLong { max: 120 });
        let vi = I18n::new(Lang::Vi).field_problem(&error);
        let en = I18n::new(Lang::En).field_problem(&error);
        assert!(vi.contains("120") && vi.contains("Họ và tên"), "{vi}");
        assert!(en.contains("120") && en.contains("Full name"), "{en}");
    }

    /// Client messages exist in both languages, use no selectors, and
    /// read in the browser exactly as the server would write them.
    #[test]
    fn client_messages_fill_in_as_fluent_formats_them() {
        let samples = [("percent", Arg::Num(42)), ("max", Arg::Text("10 MB".into()))];
        for lang in Lang::ALL {
            let words: std::collections::BTreeMap<String, String> = serde_json::from_str(&client_words(lang)).unwrap();
            assert_eq!(words.len(), CLIENT_KEYS.len());
            for key in CLIENT_KEYS {
                let pattern = &words[*key];
                assert!(has_message(lang, key), "{key}");
                assert!(!pattern.contains("->"), "{key} uses a selector");
                assert_eq!(fill(pattern, &samples), translate(lang, key, &samples), "{key}");
            }
        }
        let vi: std::collections::BTreeMap<String, String> = serde_json::from_str(&client_words(Lang::Vi)).unwrap();
        assert_eq!(vi["upload-progress"], "Đang tải lên: {$percent}%");
    }

    /// Every success notice an island shows is a client message.
    #[test]
    fn island_notices_are_client_messages() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut stack = vec![std::path::PathBuf::from(root)];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                if !text.contains("#[island]") {
                    continue;
                }
                for piece in text.split("success_key=\"").skip(1) {
                    let key: String = piece.chars().take_while(|c| *c != '"').collect();
                    assert!(CLIENT_KEYS.contains(&key.as_str()), "{key} ({})", path.display());
                }
            }
        }
    }
}
