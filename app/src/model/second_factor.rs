//! What `crate::api::second_factor` sends and receives: the types the pages,
//! the server functions and the use cases share.

use serde::{Deserialize, Serialize};

/// What the set-up page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecondFactorView {
    /// Whether sign-in asks for a code now.
    pub enabled: bool,
    /// Whether the installation requires it of administrators, and this
    /// person is one.
    pub required: bool,
    /// The set-up under way, if one was started and not confirmed.
    pub enrolment: Option<Enrolment>,
}

/// A secret being set up, as the person's app needs it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Enrolment {
    /// The secret in groups of four letters, for typing in by hand.
    pub secret: String,
    /// The QR code as an SVG path, and the side of its square in modules.
    pub qr_path: String,
    /// Modules on one side of the QR code, quiet zone included.
    pub qr_size: usize,
}
