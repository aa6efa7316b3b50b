//! One routed page per file.

pub mod account;
pub mod admin_accounts;
pub mod admin_audit;
pub mod admin_outbox;
pub mod business;
pub mod entry;
pub mod forgot_password;
pub mod geography;
pub mod home;
pub mod invitation;
pub mod my_entries;
pub mod not_found;
pub mod password;
pub mod reset_password;
pub mod round_criteria;
pub mod round_new;
pub mod round_page;
pub mod round_people;
pub mod round_settings;
pub mod rounds_list;
pub mod setup;
pub mod sign_in;
pub mod sign_up;
pub mod sub_criteria;
