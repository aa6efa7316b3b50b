//! Field-level validation results shared by every form.
//!
//! A [`FieldError`] names the form field (the `name` of its input) and the
//! [`Problem`] with it. The UI turns the problem into a sentence in the
//! user's language; the server returns the same value, so a form validated
//! in the browser and on the server reports the same thing.

use serde::{Deserialize, Serialize};

/// What is wrong with one field's value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Problem {
    /// The field must not be empty.
    Required,
    /// The value has more than `max` characters.
    TooLong { max: usize },
    /// The value has fewer than `min` characters.
    TooShort { min: usize },
    /// The value holds control characters (invisible characters that a
    /// keyboard does not type).
    ControlCharacters,
    /// Not an e-mail address of the form `name@example.vn`.
    InvalidEmail,
    /// Not a Vietnamese phone number (10 digits starting with 0, or +84).
    InvalidPhone,
    /// Neither an e-mail address nor a phone number was given.
    EmailOrPhoneRequired,
    /// The password is one of the most common passwords.
    CommonPassword,
    /// The password and its confirmation differ.
    PasswordsDiffer,
    /// The new password equals the current one.
    PasswordUnchanged,
    /// The current password given is wrong.
    WrongCurrentPassword,
    /// Another account already uses this value.
    Taken,
    /// The value is not one of the allowed choices.
    NotAChoice,
    /// A meeting's tally counts more members present than may vote.
    MorePresentThanMembers,
    /// A meeting's tally counts more votes than members present.
    MoreVotesThanPresent,
    /// Not a number.
    NotANumber,
    /// More than two decimals.
    TooManyDecimals,
    /// A whole number is required here.
    WholeNumberRequired,
    /// The number must lie between `min` and `max` (as displayed).
    OutOfRange {
        /// Smallest allowed value, as displayed.
        min: String,
        /// Largest allowed value, as displayed.
        max: String,
    },
    /// Points must go by the round's step (as displayed, e.g. `0,5`).
    NotOnStep {
        /// The step, as displayed.
        step: String,
    },
    /// Not a date and time (`dd/mm/yyyy hh:mm`).
    InvalidDateTime,
    /// This date must come after the date in `other` (a field name).
    MustFollow {
        /// The field whose date must come first.
        other: String,
    },
    /// The maxima of the sub-criteria add up to `sum`, not to `expected`.
    SumMismatch {
        /// What they add up to, as displayed.
        sum: String,
        /// What they must add up to, as displayed.
        expected: String,
    },
    /// The parent must be of a higher level.
    ParentLevelTooLow,
    /// The certificate number pattern lacks `{seq}`.
    PatternNeedsSequence,
    /// The pattern holds an unknown `{placeholder}`.
    PatternUnknownPlaceholder {
        /// The placeholder found.
        name: String,
    },
    /// A reason must be given for this step back.
    ReasonRequired,
    /// The territory is not of the round's level.
    TerritoryNotOfLevel,
    /// The date must not be in the past.
    MustBeInFuture,
    /// The date must not be in the future.
    MustNotBeInFuture,
    /// No account has this e-mail address or phone number.
    UnknownAccount,
    /// The person already holds this role here.
    AlreadyMember,
    /// A Vietnamese tax code has 10 digits (13 with a branch suffix).
    InvalidTaxCode,
    /// A code from an authenticator app has six digits.
    InvalidCode,
    /// The code is not the one the app shows now, or was used already.
    WrongCode,
    /// The sign-in waiting for a code has expired or tried too many codes.
    SignInExpired,
    /// This installation requires administrators to keep a second factor.
    SecondFactorRequired,
}

/// One field and what is wrong with it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct FieldError {
    /// The form field's `name`.
    pub field: String,
    /// What is wrong with it.
    pub problem: Problem,
    /// The sentence that says it in the caller's language, filled in by
    /// the server before the error goes to a browser (which has no
    /// message catalogue). Not part of the error's identity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl FieldError {
    /// A problem with the named field.
    pub fn new(field: &str, problem: Problem) -> Self {
        Self {
            field: field.to_owned(),
            problem,
            text: None,
        }
    }
}

impl PartialEq for FieldError {
    fn eq(&self, other: &Self) -> bool {
        self.field == other.field && self.problem == other.problem
    }
}

impl Eq for FieldError {}

/// Collects field errors while a whole form is checked, so the user learns
/// everything that needs fixing at once rather than one problem per submit.
#[derive(Default, Debug)]
pub struct Checker {
    errors: Vec<FieldError>,
}

impl Checker {
    /// An empty checker.
    pub fn new() -> Self {
        Self::default()
    }

    /// Keeps the value of a successful check, or records its error.
    pub fn check<T>(&mut self, result: Result<T, FieldError>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(error) => {
                self.errors.push(error);
                None
            }
        }
    }

    /// Records an error directly.
    pub fn push(&mut self, error: FieldError) {
        self.errors.push(error);
    }

    /// Whether any problem has been recorded.
    pub fn has_any(&self) -> bool {
        !self.errors.is_empty()
    }

    /// Whether a problem has been recorded for the field already.
    pub fn has(&self, field: &str) -> bool {
        self.errors.iter().any(|e| e.field == field)
    }

    /// The errors, or `Ok(())` when there are none.
    pub fn finish(self) -> Result<(), Vec<FieldError>> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(self.errors)
        }
    }
}
