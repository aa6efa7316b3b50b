//! What `crate::api::catalogue` sends and receives: the types the pages,
//! the server functions and the use cases share.

use serde::{Deserialize, Serialize};

use crate::domain::certificate::CertificateStatus;
use crate::domain::ids::{EntryId, FileId};
use crate::domain::time::Timestamp;
use crate::model::rounds::Named;

/// A certificate as the catalogue lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueCertificate {
    /// Its number.
    pub number: String,
    /// Issued on.
    pub issued_at: Timestamp,
    /// Valid until.
    pub valid_until: Timestamp,
    /// Where it stands.
    pub status: CertificateStatus,
}

/// A recognised product in the catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogueItem {
    /// The entry.
    pub entry: EntryId,
    /// The product.
    pub product: String,
    /// The business.
    pub business: String,
    /// Its province.
    pub province: String,
    /// The product group's number and name.
    pub group: Option<(i64, Named)>,
    /// The level.
    pub level: Named,
    /// The territory.
    pub territory: Named,
    /// The round's year.
    pub year: i32,
    /// A photo.
    pub photo: Option<FileId>,
    /// Its certificate.
    pub certificate: Option<CatalogueCertificate>,
}

/// A choice in a filter: its value and its label.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilterChoice {
    /// The value posted.
    pub value: String,
    /// Its label.
    pub label: Named,
}

/// A page of the catalogue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CataloguePage {
    /// The search as kept.
    pub query: String,
    /// The filters as applied (group, level, territory, year).
    pub filters: [String; 4],
    /// The products of this page.
    pub items: Vec<CatalogueItem>,
    /// Products found.
    pub total: usize,
    /// This page (from 1).
    pub page: usize,
    /// Pages.
    pub pages: usize,
    /// The choices of each filter.
    pub groups: Vec<FilterChoice>,
    /// Levels.
    pub levels: Vec<FilterChoice>,
    /// Territories.
    pub territories: Vec<FilterChoice>,
    /// Years.
    pub years: Vec<i32>,
}

/// A product's public page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductPage {
    /// The product as listed.
    pub item: CatalogueItem,
    /// Its description.
    pub description: String,
    /// Its photos.
    pub photos: Vec<FileId>,
    /// The business's address.
    pub address: String,
    /// Its representative.
    pub representative: String,
    /// Its phone.
    pub phone: String,
    /// Its e-mail.
    pub email: Option<String>,
    /// The business's other recognised products.
    pub others: Vec<CatalogueItem>,
}
