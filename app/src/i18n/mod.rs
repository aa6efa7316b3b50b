//! Every text a person reads goes through here. Messages live in Fluent
//! files (`app/locales/vi.ftl`, `app/locales/en.ftl`), compiled into the
//! server; Vietnamese is the default and English the second language. The
//! chosen language is kept in the `tb_lang` cookie.
//!
//! The WebAssembly carries no message catalogue (it would double its
//! size): the server sends errors already told in the caller's language
//! ([`crate::error::AppError::Told`]) and puts the few messages islands
//! compose in the browser ([`CLIENT_KEYS`]) into each page.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::validation::{FieldError, Problem};

mod refusals;
pub use refusals::Tell;

#[cfg(feature = "ssr")]
mod catalog;
#[cfg(feature = "ssr")]
pub use catalog::{client_words, has_message, translate};
#[cfg(not(feature = "ssr"))]
mod words;
#[cfg(not(feature = "ssr"))]
pub use words::{has_message, translate};

/// The cookie that remembers the chosen language.
pub const LANG_COOKIE: &str = "tb_lang";

/// The `<meta name>` that carries [`CLIENT_KEYS`] into a page.
pub const WORDS_META: &str = "tb-words";

/// The messages islands compose in the browser, after the page has
/// loaded: progress and status lines, success notices and the errors the
/// browser itself detects. Every other text an island shows was rendered
/// on the server or arrives told. Their arguments are plain `{ $name }`
/// placeholders (no selectors), which the browser fills in.
pub const CLIENT_KEYS: &[&str] = &[
    "autosave-offline",
    "autosave-saved",
    "autosave-saving",
    "autosave-unsaved",
    "error-bad-request",
    "error-internal",
    "error-network",
    "notice-password-changed",
    "notice-reset-requested",
    "problem-not-a-number",
    "problem-not-on-step",
    "problem-out-of-range",
    "problem-required",
    "problem-too-many-decimals",
    "sheet-all-filled",
    "sheet-empty-lines",
    "sheet-reloaded",
    "sheet-subtotal",
    "sheet-total",
    "upload-choose",
    "upload-progress",
];

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
        translate(self.lang, key, &[])
    }

    /// The message `key` with named arguments.
    pub fn t_with(self, key: &str, args: &[(&str, Arg)]) -> String {
        translate(self.lang, key, args)
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
        // A field the catalogue does not name (never the field's own
        // name: a key is not a word, and it may come from the address bar).
        self.t("field-unnamed")
    }

    /// One sentence telling the user what to fix in a field.
    pub fn field_problem(self, error: &FieldError) -> String {
        if let Some(text) = &error.text {
            return text.clone();
        }
        self.problem_sentence(&self.field_label(&error.field), &error.problem)
    }

    /// One sentence telling the user what to fix in the field labelled
    /// `label` (a score sheet's lines are labelled by their criterion).
    pub fn problem_sentence(self, label: &str, problem: &Problem) -> String {
        let field = Arg::Text(label.to_owned());
        match problem {
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
            Problem::MorePresentThanMembers => self.t("problem-more-present-than-members"),
            Problem::MoreVotesThanPresent => self.t_with("problem-more-votes-than-present", &[("field", field)]),
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
            Problem::NotOnStep { step } => self.t_with(
                "problem-not-on-step",
                &[("field", field), ("step", Arg::Text(step.clone()))],
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
            Problem::MustNotBeInFuture => self.t_with("problem-must-not-be-future", &[("field", field)]),
            Problem::UnknownAccount => self.t("problem-unknown-account"),
            Problem::AlreadyMember => self.t("problem-already-member"),
            Problem::InvalidTaxCode => self.t_with("problem-invalid-tax-code", &[("field", field)]),
            Problem::InvalidCode => self.t("problem-invalid-code"),
            Problem::WrongCode => self.t("problem-wrong-code"),
            Problem::SignInExpired => self.t("problem-sign-in-expired"),
            Problem::SecondFactorRequired => self.t("problem-second-factor-required"),
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

/// Fills the `{$name}` placeholders of a client message (see
/// [`CLIENT_KEYS`]) with the arguments, as Fluent would.
pub fn fill(pattern: &str, args: &[(&str, Arg)]) -> String {
    let mut text = pattern.to_owned();
    for (name, value) in args {
        let value = match value {
            Arg::Text(s) => s.clone(),
            Arg::Num(n) => n.to_string(),
        };
        text = text.replace(&format!("{{${name}}}"), &value);
    }
    text
}
