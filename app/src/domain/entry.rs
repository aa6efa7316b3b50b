//! An entry (hồ sơ dự thi): the product (or set of products), its product
//! group, the content of registration form 01 and description form 02,
//! and its files; what makes it complete; and its states from draft to
//! accepted or not eligible.

use serde::{Deserialize, Serialize};

use super::lifecycle::{entries_accepted, RoundState};
use super::text::{clean_line, clean_paragraphs};
use super::time::Timestamp;
use super::validation::{Checker, FieldError};

/// Where an entry stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EntryState {
    /// Being written; only its business sees it.
    Draft,
    /// Sent to the round's secretariat.
    Submitted,
    /// Sent back by the secretariat with a message; to correct and resubmit.
    Returned,
    /// Found eligible: it goes to the jury.
    Accepted,
    /// Found not eligible, with the reason.
    Ineligible,
}

impl EntryState {
    /// Every state.
    pub const ALL: [EntryState; 5] = [
        EntryState::Draft,
        EntryState::Submitted,
        EntryState::Returned,
        EntryState::Accepted,
        EntryState::Ineligible,
    ];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            EntryState::Draft => "draft",
            EntryState::Submitted => "submitted",
            EntryState::Returned => "returned",
            EntryState::Accepted => "accepted",
            EntryState::Ineligible => "ineligible",
        }
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<EntryState> {
        EntryState::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whether its business may change it.
    pub fn editable(self) -> bool {
        matches!(self, EntryState::Draft | EntryState::Returned)
    }
}

/// The text fields of forms 01 and 02, in the order of the forms. The first
/// ten are required; quality standards and awards only when there are some.
pub const TEXT_FIELDS: [(&str, bool); 12] = [
    ("product_name", true),
    ("description", true),
    ("materials", true),
    ("process", true),
    ("capacity", true),
    ("markets", true),
    ("workers", true),
    ("environment", true),
    ("culture", true),
    ("standards", false),
    ("awards", false),
    ("set_items", false),
];

/// Longest product name.
pub const PRODUCT_NAME_MAX: usize = 200;
/// Longest text of one section of form 02.
pub const SECTION_MAX: usize = 5000;

/// The entry's content, as stored (each text optional while a draft).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryContent {
    /// The product's name (or the set's).
    pub product_name: Option<String>,
    /// Whether it is a set of products (bộ sản phẩm).
    pub is_set: bool,
    /// For a set: the products in it.
    pub set_items: Option<String>,
    /// The product group's number in the round (1–4).
    pub group: Option<i64>,
    /// What the product is.
    pub description: Option<String>,
    /// Materials and their origin.
    pub materials: Option<String>,
    /// Production process and technology.
    pub process: Option<String>,
    /// Capacity and output.
    pub capacity: Option<String>,
    /// Markets and revenue.
    pub markets: Option<String>,
    /// Workers and their income.
    pub workers: Option<String>,
    /// Environmental measures.
    pub environment: Option<String>,
    /// Cultural and aesthetic value.
    pub culture: Option<String>,
    /// Quality standards met.
    pub standards: Option<String>,
    /// Awards.
    pub awards: Option<String>,
}

impl EntryContent {
    /// The text of a field by its name.
    pub fn text(&self, field: &str) -> Option<&str> {
        match field {
            "product_name" => self.product_name.as_deref(),
            "set_items" => self.set_items.as_deref(),
            "description" => self.description.as_deref(),
            "materials" => self.materials.as_deref(),
            "process" => self.process.as_deref(),
            "capacity" => self.capacity.as_deref(),
            "markets" => self.markets.as_deref(),
            "workers" => self.workers.as_deref(),
            "environment" => self.environment.as_deref(),
            "culture" => self.culture.as_deref(),
            "standards" => self.standards.as_deref(),
            "awards" => self.awards.as_deref(),
            _ => None,
        }
    }
}

/// The entry form, as typed (every value a string).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryForm {
    /// Product name.
    pub product_name: String,
    /// `"on"` for a set of products.
    pub is_set: Option<String>,
    /// Products in the set.
    pub set_items: String,
    /// Product group number, as text.
    pub group: String,
    /// What the product is.
    pub description: String,
    /// Materials and origin.
    pub materials: String,
    /// Process and technology.
    pub process: String,
    /// Capacity and output.
    pub capacity: String,
    /// Markets and revenue.
    pub markets: String,
    /// Workers and income.
    pub workers: String,
    /// Environmental measures.
    pub environment: String,
    /// Cultural and aesthetic value.
    pub culture: String,
    /// Quality standards.
    pub standards: String,
    /// Awards.
    pub awards: String,
}

impl EntryForm {
    /// The form showing stored content.
    pub fn from_content(c: &EntryContent) -> EntryForm {
        let s = |v: &Option<String>| v.clone().unwrap_or_default();
        EntryForm {
            product_name: s(&c.product_name),
            is_set: c.is_set.then(|| "on".to_owned()),
            set_items: s(&c.set_items),
            group: c.group.map(|g| g.to_string()).unwrap_or_default(),
            description: s(&c.description),
            materials: s(&c.materials),
            process: s(&c.process),
            capacity: s(&c.capacity),
            markets: s(&c.markets),
            workers: s(&c.workers),
            environment: s(&c.environment),
            culture: s(&c.culture),
            standards: s(&c.standards),
            awards: s(&c.awards),
        }
    }
}

/// Checks what was typed, for saving a draft: nothing is required yet, but
/// every text is cleaned and limited, and the group must be one of the
/// round's (`groups` lists their numbers).
pub fn check_entry_form(form: &EntryForm, groups: &[i64]) -> Result<EntryContent, Vec<FieldError>> {
    let mut c = Checker::new();
    let product_name = c
        .check(clean_line("product_name", &form.product_name, PRODUCT_NAME_MAX, false))
        .flatten();
    let mut section = |field: &str, value: &str| c.check(clean_paragraphs(field, value, SECTION_MAX, false)).flatten();
    let set_items = section("set_items", &form.set_items);
    let description = section("description", &form.description);
    let materials = section("materials", &form.materials);
    let process = section("process", &form.process);
    let capacity = section("capacity", &form.capacity);
    let markets = section("markets", &form.markets);
    let workers = section("workers", &form.workers);
    let environment = section("environment", &form.environment);
    let culture = section("culture", &form.culture);
    let standards = section("standards", &form.standards);
    let awards = section("awards", &form.awards);
    let group = match form.group.trim() {
        "" => None,
        text => match text.parse::<i64>().ok().filter(|g| groups.contains(g)) {
            Some(g) => Some(g),
            None => {
                c.push(FieldError::new("group", super::validation::Problem::NotAChoice));
                None
            }
        },
    };
    c.finish()?;
    Ok(EntryContent {
        product_name,
        is_set: matches!(form.is_set.as_deref(), Some("on" | "true" | "1")),
        set_items,
        group,
        description,
        materials,
        process,
        capacity,
        markets,
        workers,
        environment,
        culture,
        standards,
        awards,
    })
}

/// Counts of an entry's files by kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileCounts {
    /// Colour photos of the product.
    pub photos: usize,
    /// Copies of the registration certificate.
    pub registration: usize,
    /// Certificates of the level below.
    pub lower_certificate: usize,
    /// Other documents.
    pub documents: usize,
}

/// The fewest photos an entry needs (front, side, top).
pub const MIN_PHOTOS: usize = 3;

/// Something an entry still needs before it can be submitted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Missing {
    /// The business profile is incomplete.
    BusinessProfile,
    /// A text field of form 01 or 02 (its field name).
    Field(String),
    /// The product group.
    Group,
    /// The products of a set are not listed.
    SetItems,
    /// Photos: how many there are and how many are needed.
    Photos {
        /// Photos attached.
        have: usize,
        /// Photos needed.
        need: usize,
    },
    /// The copy of the registration certificate.
    Registration,
    /// The certificate of the level below (region and national rounds).
    LowerCertificate,
}

/// Everything still missing, in the order of the forms; empty when the
/// entry is complete. `needs_lower_certificate` holds for rounds at region
/// or national level.
pub fn missing(
    content: &EntryContent,
    files: FileCounts,
    profile_complete: bool,
    needs_lower_certificate: bool,
) -> Vec<Missing> {
    let mut list = Vec::new();
    if !profile_complete {
        list.push(Missing::BusinessProfile);
    }
    for (field, required) in TEXT_FIELDS {
        if required && content.text(field).is_none_or(|t| t.trim().is_empty()) {
            list.push(Missing::Field(field.to_owned()));
        }
        if field == "product_name" && content.group.is_none() {
            list.push(Missing::Group);
        }
    }
    if content.is_set && content.set_items.as_deref().is_none_or(|t| t.trim().is_empty()) {
        list.push(Missing::SetItems);
    }
    if files.photos < MIN_PHOTOS {
        list.push(Missing::Photos {
            have: files.photos,
            need: MIN_PHOTOS,
        });
    }
    if files.registration == 0 {
        list.push(Missing::Registration);
    }
    if needs_lower_certificate && files.lower_certificate == 0 {
        list.push(Missing::LowerCertificate);
    }
    list
}

/// Why an entry cannot change state.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum EntryRefusal {
    /// The round is not taking entries now (closed, or not yet open).
    #[error("the round is not taking entries")]
    RoundClosed {
        /// The deadline.
        close: Timestamp,
    },
    /// Things are missing.
    #[error("the entry is incomplete")]
    Incomplete(Vec<Missing>),
    /// The entry is not in a state that allows this.
    #[error("not possible in state {0:?}")]
    WrongState(EntryState),
    /// The round is past screening: its list of eligible entries is fixed.
    #[error("screening is closed")]
    ScreeningClosed,
    /// The business already has the most entries a round takes from one
    /// business.
    #[error("too many entries")]
    TooManyEntries {
        /// The most allowed.
        max: u32,
    },
}

/// Whether a business that has `count` entries in a round may start one
/// more, with at most `max` a business.
pub fn check_entries_per_business(count: u32, max: u32) -> Result<(), EntryRefusal> {
    if count >= max {
        Err(EntryRefusal::TooManyEntries { max })
    } else {
        Ok(())
    }
}

/// Whether the entry may be submitted now: a draft while the round takes
/// entries; a returned entry whenever the round is still open or being
/// screened (the deadline does not stop a correction); and complete.
pub fn check_submit(
    state: EntryState,
    round_state: RoundState,
    open: Timestamp,
    close: Timestamp,
    now: Timestamp,
    missing: Vec<Missing>,
) -> Result<(), EntryRefusal> {
    match state {
        EntryState::Draft if !entries_accepted(round_state, open, close, now) => {
            return Err(EntryRefusal::RoundClosed { close });
        }
        EntryState::Draft => {}
        EntryState::Returned if !matches!(round_state, RoundState::Open | RoundState::Screening) => {
            return Err(EntryRefusal::RoundClosed { close });
        }
        EntryState::Returned => {}
        other => return Err(EntryRefusal::WrongState(other)),
    }
    if missing.is_empty() {
        Ok(())
    } else {
        Err(EntryRefusal::Incomplete(missing))
    }
}

/// Whether a submitted entry may be withdrawn (to change it and submit
/// again): only before the deadline.
pub fn check_withdraw(
    state: EntryState,
    round_state: RoundState,
    open: Timestamp,
    close: Timestamp,
    now: Timestamp,
) -> Result<(), EntryRefusal> {
    if state != EntryState::Submitted {
        return Err(EntryRefusal::WrongState(state));
    }
    if !entries_accepted(round_state, open, close, now) {
        return Err(EntryRefusal::RoundClosed { close });
    }
    Ok(())
}

/// Whether the secretariat may return a submitted entry for correction.
pub fn check_return(state: EntryState, round_state: RoundState) -> Result<(), EntryRefusal> {
    if state != EntryState::Submitted {
        return Err(EntryRefusal::WrongState(state));
    }
    if !matches!(round_state, RoundState::Open | RoundState::Screening) {
        return Err(EntryRefusal::WrongState(state));
    }
    Ok(())
}

/// Whether the secretariat may screen an entry (accept it, or find it not
/// eligible): a submitted entry while the round is open or screening; a
/// returned one too, to close it when no correction came.
pub fn check_screen(state: EntryState, round_state: RoundState, to: EntryState) -> Result<(), EntryRefusal> {
    let from_ok = match to {
        EntryState::Accepted => state == EntryState::Submitted,
        EntryState::Ineligible => matches!(state, EntryState::Submitted | EntryState::Returned),
        _ => false,
    };
    if !from_ok {
        return Err(EntryRefusal::WrongState(state));
    }
    if !matches!(round_state, RoundState::Open | RoundState::Screening) {
        return Err(EntryRefusal::ScreeningClosed);
    }
    Ok(())
}

/// The selection code (mã số bình chọn) of the `sequence`-th accepted entry
/// of product group `group`: `2-007`. Unique in its round.
pub fn selection_code(group: i64, sequence: i64) -> String {
    format!("{group}-{sequence:03}")
}

/// The sequence number of a selection code of `group`, if it is one.
pub fn code_sequence(code: &str, group: i64) -> Option<i64> {
    let (g, n) = code.split_once('-')?;
    (g.parse::<i64>().ok()? == group).then_some(())?;
    n.parse().ok()
}

/// Whether a new entry may be started in the round now.
pub fn check_start(
    round_state: RoundState,
    open: Timestamp,
    close: Timestamp,
    now: Timestamp,
) -> Result<(), EntryRefusal> {
    if entries_accepted(round_state, open, close, now) {
        Ok(())
    } else {
        Err(EntryRefusal::RoundClosed { close })
    }
}

/// The secretariat's message to the entrant: 1 to 2,000 characters.
pub fn check_message(raw: &str) -> Result<String, FieldError> {
    clean_paragraphs("message", raw, 2000, true).map(|m| m.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screening_accepts_submitted_entries_and_closes_returned_ones() {
        use EntryState::*;
        assert_eq!(check_screen(Submitted, RoundState::Screening, Accepted), Ok(()));
        assert_eq!(check_screen(Submitted, RoundState::Open, Ineligible), Ok(()));
        assert_eq!(check_screen(Returned, RoundState::Screening, Ineligible), Ok(()));
        assert_eq!(
            check_screen(Returned, RoundState::Screening, Accepted),
            Err(EntryRefusal::WrongState(Returned))
        );
        assert_eq!(
            check_screen(Accepted, RoundState::Screening, Ineligible),
            Err(EntryRefusal::WrongState(Accepted))
        );
        assert_eq!(
            check_screen(Submitted, RoundState::Judging, Accepted),
            Err(EntryRefusal::ScreeningClosed)
        );
        assert_eq!(
            check_screen(Draft, RoundState::Screening, Ineligible),
            Err(EntryRefusal::WrongState(Draft))
        );
    }

    #[test]
    fn selection_codes_number_entries_within_their_group() {
        assert_eq!(selection_code(2, 7), "2-007");
        assert_eq!(selection_code(1, 1234), "1-1234");
        assert_eq!(code_sequence("2-007", 2), Some(7));
        assert_eq!(code_sequence("2-007", 1), None);
        assert_eq!(code_sequence("x", 1), None);
    }

    const OPEN: Timestamp = Timestamp(1_000_000);
    const CLOSE: Timestamp = Timestamp(9_000_000);

    fn complete() -> EntryContent {
        let t = |s: &str| Some(s.to_owned());
        EntryContent {
            product_name: t("Bình gốm men rạn"),
            is_set: false,
            set_items: None,
            group: Some(1),
            description: t("Bình gốm"),
            materials: t("Đất sét Tân Vạn"),
            process: t("Nung lò bao"),
            capacity: t("5.000 sản phẩm/năm"),
            markets: t("Trong nước, Nhật Bản"),
            workers: t("25 lao động, 7 triệu đồng/tháng"),
            environment: t("Lò gas"),
            culture: t("Gốm Biên Hòa"),
            standards: None,
            awards: None,
        }
    }

    fn files(photos: usize) -> FileCounts {
        FileCounts {
            photos,
            registration: 1,
            ..FileCounts::default()
        }
    }

    #[test]
    fn a_complete_entry_misses_nothing() {
        assert!(missing(&complete(), files(3), true, false).is_empty());
    }

    #[test]
    fn missing_lists_exactly_what_to_add() {
        let mut content = complete();
        content.materials = Some("  ".into());
        content.group = None;
        content.is_set = true;
        let list = missing(
            &content,
            FileCounts {
                photos: 1,
                ..FileCounts::default()
            },
            false,
            true,
        );
        assert_eq!(
            list,
            [
                Missing::BusinessProfile,
                Missing::Group,
                Missing::Field("materials".into()),
                Missing::SetItems,
                Missing::Photos { have: 1, need: 3 },
                Missing::Registration,
                Missing::LowerCertificate,
            ]
        );
    }

    #[test]
    fn drafts_are_submitted_inside_the_window_only() {
        let ok = |now| check_submit(EntryState::Draft, RoundState::Open, OPEN, CLOSE, now, vec![]);
        assert_eq!(ok(CLOSE.plus_secs(-1)), Ok(()));
        assert_eq!(
            ok(CLOSE),
            Err(EntryRefusal::RoundClosed { close: CLOSE }),
            "one instant late"
        );
        assert_eq!(ok(OPEN.plus_secs(-1)), Err(EntryRefusal::RoundClosed { close: CLOSE }));
        assert_eq!(
            check_submit(EntryState::Draft, RoundState::Draft, OPEN, CLOSE, OPEN, vec![]),
            Err(EntryRefusal::RoundClosed { close: CLOSE })
        );
        let incomplete = check_submit(
            EntryState::Draft,
            RoundState::Open,
            OPEN,
            CLOSE,
            OPEN,
            vec![Missing::Registration],
        );
        assert_eq!(incomplete, Err(EntryRefusal::Incomplete(vec![Missing::Registration])));
    }

    #[test]
    fn returned_entries_are_resubmitted_even_after_the_deadline() {
        let late = CLOSE.plus_secs(86_400);
        assert_eq!(
            check_submit(EntryState::Returned, RoundState::Screening, OPEN, CLOSE, late, vec![]),
            Ok(())
        );
        assert!(check_submit(EntryState::Returned, RoundState::Judging, OPEN, CLOSE, late, vec![]).is_err());
        assert_eq!(
            check_submit(EntryState::Accepted, RoundState::Open, OPEN, CLOSE, OPEN, vec![]),
            Err(EntryRefusal::WrongState(EntryState::Accepted))
        );
    }

    #[test]
    fn withdrawal_is_possible_until_the_deadline() {
        assert_eq!(
            check_withdraw(EntryState::Submitted, RoundState::Open, OPEN, CLOSE, OPEN),
            Ok(())
        );
        assert!(check_withdraw(EntryState::Submitted, RoundState::Open, OPEN, CLOSE, CLOSE).is_err());
        assert!(check_withdraw(EntryState::Draft, RoundState::Open, OPEN, CLOSE, OPEN).is_err());
    }

    #[test]
    fn only_submitted_entries_are_returned() {
        assert_eq!(check_return(EntryState::Submitted, RoundState::Screening), Ok(()));
        assert!(check_return(EntryState::Draft, RoundState::Screening).is_err());
        assert!(check_return(EntryState::Submitted, RoundState::Judging).is_err());
    }

    #[test]
    fn drafts_accept_partial_content_but_clean_it() {
        let form = EntryForm {
            product_name: "  Bánh pía  ".into(),
            group: "2".into(),
            description: "Dòng 1\r\nDòng 2".into(),
            ..EntryForm::default()
        };
        let content = check_entry_form(&form, &[1, 2, 3, 4]).unwrap();
        assert_eq!(content.product_name.as_deref(), Some("Bánh pía"));
        assert_eq!(content.description.as_deref(), Some("Dòng 1\nDòng 2"));
        assert_eq!(content.materials, None);
        assert_eq!(EntryForm::from_content(&content).group, "2");
        let bad = EntryForm {
            group: "9".into(),
            product_name: "x".repeat(300),
            awards: "a\u{0}b".into(),
            ..EntryForm::default()
        };
        let fields: Vec<String> = check_entry_form(&bad, &[1, 2])
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["product_name", "awards", "group"]);
    }

    #[test]
    fn codes_round_trip_and_only_drafts_and_returned_entries_are_editable() {
        for s in EntryState::ALL {
            assert_eq!(EntryState::from_code(s.code()), Some(s));
        }
        let editable: Vec<_> = EntryState::ALL.into_iter().filter(|s| s.editable()).collect();
        assert_eq!(editable, [EntryState::Draft, EntryState::Returned]);
    }
}
