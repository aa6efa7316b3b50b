//! Every text a person reads goes through here. Messages live in Fluent
//! files (`app/locales/vi.ftl`, `app/locales/en.ftl`), compiled into the
//! binary and the WebAssembly; Vietnamese is the default and English the
//! second language. The chosen language is kept in the `tb_lang` cookie.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::validation::{FieldError, Problem};

/// The cookie that remembers the chosen language.
pub const LANG_COOKIE: &str = "tb_lang";

const VI_FTL: &str = include_str!("../../locales/vi.ftl");
const EN_FTL: &str = include_str!("../../locales/en.ftl");

/// A language of the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// Tiếng Việt, the default.
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// Both languages, Vietnamese first.
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// The BCP 47 code, used in `<html lang>` and the cookie.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// Parses a code; anything unknown is `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language's own name, for the switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Vi => "Tiếng Việt",
            Lang::En => "English",
        }
    }

    fn index(self) -> usize {
        match self {
            Lang::Vi => 0,
            Lang::En => 1,
        }
    }
}

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static [Bundle; 2] {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    BUNDLES.get_or_init(|| [make_bundle("vi", VI_FTL), make_bundle("en", EN_FTL)])
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
            leptos::logging::error!("syntax errors in {code}.ftl: {errors:?}");
            r
        }
    };
    if let Err(errors) = bundle.add_resource(resource) {
        leptos::logging::error!("duplicate messages in {code}.ftl: {errors:?}");
    }
    bundle
}

/// Whether a message exists.
pub fn has_message(lang: Lang, key: &str) -> bool {
    bundles()[lang.index()].has_message(key)
}

/// Formats a message; a missing message shows its key, which the
/// translation tests make impossible in a release.
pub fn translate(lang: Lang, key: &str, args: Option<&FluentArgs>) -> String {
    let bundle = &bundles()[lang.index()];
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
        return key.to_owned();
    };
    let mut errors = Vec::new();
    bundle.format_pattern(pattern, args, &mut errors).into_owned()
}

/// The language of the current page, with helpers to translate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct I18n {
    /// The page's language.
    pub lang: Lang,
}

impl I18n {
    /// A translator for a language.
    pub fn new(lang: Lang) -> Self {
        Self { lang }
    }

    /// The message `key`.
    pub fn t(self, key: &str) -> String {
        translate(self.lang, key, None)
    }

    /// The message `key` with named arguments.
    pub fn t_with(self, key: &str, args: &[(&str, Arg)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                Arg::Text(s) => FluentValue::from(s.clone()),
                Arg::Num(n) => FluentValue::from(*n),
            };
            fluent_args.set(*name, value);
        }
        translate(self.lang, key, Some(&fluent_args))
    }

    /// The label of a form field, as errors name it. Rows of a repeated
    /// group (`max_3`) read "Maximum (row 4)".
    pub fn field_label(self, field: &str) -> String {
        let key = format!("field-{field}");
        if has_message(self.lang, &key) {
            return self.t(&key);
        }
        if let Some((base, index)) = field.rsplit_once('_') {
            if let Ok(index) = index.parse::<i64>() {
                return self.t_with(
                    "field-row",
                    &[
                        ("field", Arg::Text(self.field_label(base))),
                        ("row", Arg::Num(index + 1)),
                    ],
                );
            }
        }
        self.t(&key)
    }

    /// One sentence telling the user what to fix in a field.
    pub fn field_problem(self, error: &FieldError) -> String {
        let label = self.field_label(&error.field);
        let field = Arg::Text(label);
        match &error.problem {
            Problem::Required => self.t_with("problem-required", &[("field", field)]),
            Problem::TooLong { max } => {
                self.t_with("problem-too-long", &[("field", field), ("max", Arg::Num(*max as i64))])
            }
            Problem::TooShort { min } => {
                self.t_with("problem-too-short", &[("field", field), ("min", Arg::Num(*min as i64))])
            }
            Problem::ControlCharacters => self.t_with("problem-control-characters", &[("field", field)]),
            Problem::InvalidEmail => self.t_with("problem-invalid-email", &[("field", field)]),
            Problem::InvalidPhone => self.t_with("problem-invalid-phone", &[("field", field)]),
            Problem::EmailOrPhoneRequired => self.t("problem-email-or-phone"),
            Problem::CommonPassword => self.t("problem-common-password"),
            Problem::PasswordsDiffer => self.t("problem-passwords-differ"),
            Problem::PasswordUnchanged => self.t("problem-password-unchanged"),
            Problem::WrongCurrentPassword => self.t("problem-wrong-current-password"),
            Problem::Taken => self.t_with("problem-taken", &[("field", field)]),
            Problem::NotAChoice => self.t_with("problem-not-a-choice", &[("field", field)]),
            Problem::NotANumber => self.t_with("problem-not-a-number", &[("field", field)]),
            Problem::TooManyDecimals => self.t_with("problem-too-many-decimals", &[("field", field)]),
            Problem::WholeNumberRequired => self.t_with("problem-whole-number", &[("field", field)]),
            Problem::OutOfRange { min, max } => self.t_with(
                "problem-out-of-range",
                &[
                    ("field", field),
                    ("min", Arg::Text(min.clone())),
                    ("max", Arg::Text(max.clone())),
                ],
            ),
            Problem::InvalidDateTime => self.t_with("problem-invalid-datetime", &[("field", field)]),
            Problem::MustFollow { other } => self.t_with(
                "problem-must-follow",
                &[("field", field), ("other", Arg::Text(self.field_label(other)))],
            ),
            Problem::SumMismatch { sum, expected } => self.t_with(
                "problem-sum-mismatch",
                &[
                    ("sum", Arg::Text(sum.clone())),
                    ("expected", Arg::Text(expected.clone())),
                ],
            ),
            Problem::ParentLevelTooLow => self.t_with("problem-parent-level", &[("field", field)]),
            Problem::PatternNeedsSequence => self.t_with("problem-pattern-sequence", &[("field", field)]),
            Problem::PatternUnknownPlaceholder { name } => self.t_with(
                "problem-pattern-placeholder",
                &[("field", field), ("name", Arg::Text(name.clone()))],
            ),
            Problem::ReasonRequired => self.t("problem-reason-required"),
            Problem::TerritoryNotOfLevel => self.t_with("problem-territory-level", &[("field", field)]),
            Problem::MustBeInFuture => self.t_with("problem-must-be-future", &[("field", field)]),
            Problem::UnknownAccount => self.t("problem-unknown-account"),
            Problem::AlreadyMember => self.t("problem-already-member"),
            Problem::InvalidTaxCode => self.t_with("problem-invalid-tax-code", &[("field", field)]),
        }
    }
}

/// An argument to a message.
#[derive(Clone, Debug)]
pub enum Arg {
    /// Text, inserted as is (and escaped by the view like any text).
    Text(String),
    /// A number, for plural rules.
    Num(i64),
}

/// Puts the page's language into the reactive context.
pub fn provide_i18n(lang: Lang) {
    provide_context(I18n::new(lang));
}

/// The page's translator. Islands hydrate without the page's context,
/// so there it reads the language from `<html lang>`.
pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(|| I18n::new(crate::app::page_lang()))
}

/// Message keys defined in a Fluent source (for the completeness tests).
pub fn message_keys(source: &str) -> Vec<String> {
    source
        .lines()
        .filter_map(|line| {
            let (key, _) = line.split_once(" =")?;
            let first = key.chars().next()?;
            (first.is_ascii_lowercase() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
                .then(|| key.to_owned())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
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
}
