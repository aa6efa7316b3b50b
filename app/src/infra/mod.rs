//! What the use cases reach outside the database: the shared state, the
//! configuration built from the environment, the file store, image work,
//! mail, certificate PDFs and the bounded work queue. Server only.

pub mod certificate_pdf;
pub mod config;
pub mod files;
pub mod images;
pub mod mail;
pub mod state;
pub mod work_queue;
