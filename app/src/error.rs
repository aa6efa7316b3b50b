//! The one error type that crosses the server-function boundary.
//!
//! Variants carry what the user needs to fix the problem, never internal
//! causes: those are logged on the server where they happen and the client
//! gets [`AppError::Internal`].

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

use crate::domain::administration::AdminRefusal;
use crate::domain::council::CouncilRefusal;
use crate::domain::entry::EntryRefusal;
use crate::domain::jury::JudgingRefusal;
use crate::domain::lifecycle::MoveRefusal;
use crate::domain::nomination::NominationRefusal;
use crate::domain::time::Timestamp;
use crate::domain::upload::UploadRefusal;
use crate::domain::validation::FieldError;
use crate::i18n::{Arg, I18n, Tell};

/// Everything a server function can answer instead of its result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// The caller must sign in first.
    #[error("sign-in required")]
    Unauthenticated,
    /// The caller's roles do not allow this.
    #[error("not allowed")]
    Forbidden,
    /// The thing asked for does not exist (or is not the caller's to see).
    #[error("not found")]
    NotFound,
    /// Some fields need fixing.
    #[error("invalid input: {0:?}")]
    Invalid(Vec<FieldError>),
    /// The e-mail/phone and password do not match an account. Deliberately
    /// does not say which part was wrong.
    #[error("wrong credentials")]
    WrongCredentials,
    /// The account is disabled.
    #[error("account disabled")]
    AccountDisabled,
    /// Too many failed attempts; try again at `until`.
    #[error("throttled until {until:?}")]
    Throttled {
        /// When attempts are accepted again.
        until: Timestamp,
    },
    /// A one-time link is unknown, used or expired.
    #[error("link invalid or used")]
    LinkInvalid,
    /// An administrative change that the rules refuse.
    #[error("refused: {0}")]
    Refused(AdminRefusal),
    /// A round cannot move to the state asked for, and why.
    #[error("move refused: {0}")]
    MoveRefused(MoveRefusal),
    /// The round's criteria are frozen: scoring has begun.
    #[error("criteria frozen")]
    CriteriaFrozen,
    /// Someone else changed the same thing meanwhile; reload and retry.
    #[error("conflict")]
    Conflict,
    /// An entry cannot be started, submitted or withdrawn, and why.
    #[error("entry refused: {0}")]
    EntryRefused(EntryRefusal),
    /// A file was refused, and why.
    #[error("upload refused: {0}")]
    UploadRefused(UploadRefusal),
    /// An act of the jury's work that the rules refuse.
    #[error("judging refused: {0}")]
    JudgingRefused(JudgingRefusal),
    /// An act of the council that the rules refuse.
    #[error("council refused: {0}")]
    CouncilRefused(CouncilRefusal),
    /// An entry cannot go to the parent round, and why; `code` names the
    /// entry when several were sent at once.
    #[error("nomination refused: {refusal}")]
    NominationRefused {
        /// The entry's selection code.
        code: Option<String>,
        /// Why.
        refusal: NominationRefusal,
    },
    /// A business profile is needed first.
    #[error("business profile needed")]
    BusinessProfileNeeded,
    /// A request from another site, or one the server could not read.
    #[error("bad request")]
    BadRequest,
    /// The browser could not reach the server.
    #[error("network error")]
    Network,
    /// Too much heavy work (photos, password hashing) is waiting: try
    /// again in a few seconds.
    #[error("server busy")]
    Busy,
    /// Something failed on the server; details are in the server's log.
    #[error("internal error")]
    Internal,
    /// An error as sent to a browser: the error with the sentence that
    /// says it in the caller's language (see [`AppError::told`]).
    #[error("{}", .0.error)]
    Told(Box<Told>),
}

/// An error and what it says, in the caller's language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Told {
    /// The error itself (never `Told`), its field problems carrying their
    /// sentences.
    pub error: AppError,
    /// The sentence shown at the top of the form.
    pub message: String,
}

impl AppError {
    /// Shorthand for a single field problem.
    pub fn field(error: FieldError) -> Self {
        AppError::Invalid(vec![error])
    }

    /// The field problems, if this is a validation error.
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            AppError::Invalid(errors) => errors,
            AppError::Told(told) => told.error.field_errors(),
            _ => &[],
        }
    }

    /// The error itself, without the sentences a browser was told.
    pub fn kind(&self) -> &AppError {
        match self {
            AppError::Told(told) => &told.error,
            other => other,
        }
    }

    /// The error with its sentences in the caller's language, for a
    /// browser, which has no message catalogue.
    pub fn told(self, i18n: I18n) -> AppError {
        let mut error = match self {
            AppError::Told(told) => return AppError::Told(told),
            other => other,
        };
        let message = error.message(i18n);
        if let AppError::Invalid(problems) = &mut error {
            for problem in problems {
                problem.text = Some(i18n.field_problem(problem));
            }
        }
        AppError::Told(Box::new(Told { error, message }))
    }

    /// The error as far as it can be trusted when it came from the
    /// address bar rather than from this server: its kind only, without
    /// the sentences a browser was told, field problems only for field
    /// names of the shape forms use, and an entry code only of the shape
    /// codes have (`1-001`). Whatever text is then shown is built from the
    /// catalogue.
    pub fn from_address(self) -> AppError {
        let error = match self {
            AppError::Told(told) => told.error,
            other => other,
        };
        match error {
            // A `Told` inside a `Told` is never sent: refuse to nest.
            AppError::Told(_) => AppError::BadRequest,
            AppError::Invalid(problems) => {
                let kept: Vec<FieldError> = problems
                    .into_iter()
                    .filter(|p| is_field_name(&p.field))
                    .map(|p| FieldError { text: None, ..p })
                    .collect();
                if kept.is_empty() {
                    AppError::BadRequest
                } else {
                    AppError::Invalid(kept)
                }
            }
            AppError::NominationRefused { code, refusal } => AppError::NominationRefused {
                code: code.filter(|c| is_entry_code(c)),
                refusal,
            },
            other => other,
        }
    }

    /// The sentence shown to the user, in their language.
    pub fn message(&self, i18n: I18n) -> String {
        match self {
            AppError::Told(told) => told.message.clone(),
            AppError::Unauthenticated => i18n.t("error-unauthenticated"),
            AppError::Forbidden => i18n.t("error-forbidden"),
            AppError::NotFound => i18n.t("error-not-found"),
            AppError::Invalid(errors) => match errors.as_slice() {
                [one] => i18n.field_problem(one),
                _ => i18n.t_with("error-invalid", &[("count", Arg::Num(errors.len() as i64))]),
            },
            AppError::WrongCredentials => i18n.t("error-wrong-credentials"),
            AppError::AccountDisabled => i18n.t("error-account-disabled"),
            AppError::Throttled { until } => i18n.t_with(
                "error-throttled",
                &[
                    ("time", Arg::Text(until.vn_time())),
                    ("date", Arg::Text(until.vn_date())),
                ],
            ),
            AppError::LinkInvalid => i18n.t("error-link-invalid"),
            AppError::Refused(refusal) => refusal.tell(i18n),
            AppError::MoveRefused(refusal) => refusal.tell(i18n),
            AppError::CriteriaFrozen => i18n.t("error-criteria-frozen"),
            AppError::Conflict => i18n.t("error-conflict"),
            AppError::EntryRefused(refusal) => refusal.tell(i18n),
            AppError::UploadRefused(refusal) => refusal.tell(i18n),
            AppError::JudgingRefused(refusal) => refusal.tell(i18n),
            AppError::CouncilRefused(refusal) => refusal.tell(i18n),
            AppError::NominationRefused { code: None, refusal } => refusal.tell(i18n),
            AppError::NominationRefused {
                code: Some(code),
                refusal,
            } => i18n.t_with(
                "nomination-refused-entry",
                &[
                    ("code", Arg::Text(code.clone())),
                    ("reason", Arg::Text(refusal.tell(i18n))),
                ],
            ),
            AppError::BusinessProfileNeeded => i18n.t("error-business-needed"),
            AppError::BadRequest => i18n.t("error-bad-request"),
            AppError::Network => i18n.t("error-network"),
            AppError::Busy => i18n.t("error-busy"),
            AppError::Internal => i18n.t("error-internal"),
        }
    }

    /// The HTTP status a JSON caller receives.
    pub fn status(&self) -> u16 {
        match self {
            AppError::Unauthenticated | AppError::WrongCredentials => 401,
            AppError::Forbidden | AppError::AccountDisabled | AppError::CouncilRefused(CouncilRefusal::NotAMember) => {
                403
            }
            AppError::NotFound => 404,
            AppError::Invalid(_)
            | AppError::Refused(_)
            | AppError::LinkInvalid
            | AppError::MoveRefused(_)
            | AppError::CriteriaFrozen
            | AppError::EntryRefused(_)
            | AppError::UploadRefused(_)
            | AppError::JudgingRefused(_)
            | AppError::CouncilRefused(_)
            | AppError::NominationRefused { .. }
            | AppError::BusinessProfileNeeded => 422,
            AppError::Conflict => 409,
            AppError::Throttled { .. } => 429,
            AppError::BadRequest => 400,
            AppError::Network | AppError::Busy => 503,
            AppError::Internal => 500,
            AppError::Told(told) => told.error.status(),
        }
    }
}

impl From<Vec<FieldError>> for AppError {
    fn from(errors: Vec<FieldError>) -> Self {
        AppError::Invalid(errors)
    }
}

impl From<FieldError> for AppError {
    fn from(error: FieldError) -> Self {
        AppError::Invalid(vec![error])
    }
}

impl From<JudgingRefusal> for AppError {
    fn from(refusal: JudgingRefusal) -> Self {
        AppError::JudgingRefused(refusal)
    }
}

impl From<NominationRefusal> for AppError {
    fn from(refusal: NominationRefusal) -> Self {
        AppError::NominationRefused { code: None, refusal }
    }
}

impl From<CouncilRefusal> for AppError {
    fn from(refusal: CouncilRefusal) -> Self {
        AppError::CouncilRefused(refusal)
    }
}

impl From<AdminRefusal> for AppError {
    fn from(refusal: AdminRefusal) -> Self {
        AppError::Refused(refusal)
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    /// Decodes an error. In the browser this reads the server's answer,
    /// told in the caller's language. On the server the only errors
    /// decoded are those a plain form's redirect put in the address
    /// (`?__err=`), which anyone can write: there nothing of the sentence
    /// it carries is kept, and it is told again from its kind (see
    /// [`AppError::from_address`]).
    fn de(data: leptos::server_fn::Bytes) -> Self {
        let error = serde_json::from_slice::<AppError>(&data).unwrap_or(AppError::BadRequest);
        #[cfg(feature = "ssr")]
        {
            error.from_address().told(I18n::new(crate::app::page_lang()))
        }
        #[cfg(not(feature = "ssr"))]
        {
            error
        }
    }

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Request(_) => AppError::Network,
            ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::MissingArg(_)
            | ServerFnErrorErr::Deserialization(_)
            | ServerFnErrorErr::Serialization(_)
            | ServerFnErrorErr::UnsupportedRequestMethod(_) => AppError::BadRequest,
            other => {
                leptos::logging::error!("server function failure: {other}");
                AppError::Internal
            }
        }
    }
}

/// Whether `name` has the shape of a form field's name (`product_name`,
/// `max_2`, a score sheet line's key).
fn is_field_name(name: &str) -> bool {
    (1..=64).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// Whether `code` has the shape of a selection code (`1-001`).
fn is_entry_code(code: &str) -> bool {
    matches!(code.split_once('-'), Some((group, number))
        if (1..=2).contains(&group.len()) && (1..=5).contains(&number.len())
            && group.bytes().chain(number.bytes()).all(|b| b.is_ascii_digit()))
}
