//! Authentication on the server: password hashing, session tokens, and
//! the principal of a request.

pub mod password;
pub mod principal;
pub mod request;
pub mod second_factor;
pub mod standing;
pub mod token;
