//! The open-data list of the certificates of published rounds.

use sqlx::Row;

use super::certificates::names_of;
use crate::db::{Conn, StoreError};
use crate::domain::time::Timestamp;

/// A certificate of a published round, as the open-data list gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenCertificate {
    /// Its number.
    pub number: String,
    /// The holding entry's product.
    pub product: String,
    /// The set it certifies, if any.
    pub set_name: Option<String>,
    /// The business.
    pub business: String,
    /// The product group's number.
    pub group_number: Option<i64>,
    /// The product group's name.
    pub group_name: Option<String>,
    /// The level's name.
    pub level: String,
    /// The territory's name.
    pub territory: String,
    /// The decision's number.
    pub decision_number: String,
    /// The day it was signed.
    pub decided_on: Timestamp,
    /// Who issued it.
    pub issuer: String,
    /// Issued on.
    pub issued_at: Timestamp,
    /// Valid until.
    pub valid_until: Timestamp,
    /// Whether it was revoked.
    pub revoked: bool,
}

/// Every certificate of the rounds whose results are published, oldest
/// first, in one query.
pub async fn open_certificates(conn: &mut Conn) -> Result<Vec<OpenCertificate>, StoreError> {
    let rows = sqlx::query(
        "SELECT c.number, c.issued_at, c.valid_until, c.revoked_at, c.names, e.product_name, s.name AS set_name, \
         b.name AS business, e.group_number, g.name_vi AS group_name, l.name_vi AS level_name, \
         t.name_vi AS territory_name, d.number AS decision_number, d.decided_on, d.issuer \
         FROM certificates c JOIN rounds r ON r.id = c.round_id JOIN entries e ON e.id = c.entry_id \
         JOIN businesses b ON b.id = e.business_id JOIN decisions d ON d.round_id = r.id \
         JOIN levels l ON l.id = r.level_id JOIN territories t ON t.id = r.territory_id \
         LEFT JOIN round_groups g ON g.round_id = r.id AND g.number = e.group_number \
         LEFT JOIN product_sets s ON s.id = c.set_id \
         WHERE r.state IN ('published', 'archived') ORDER BY c.issued_at, c.number",
    )
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| {
            let revoked_at: Option<i64> = row.try_get("revoked_at")?;
            let product: Option<String> = row.try_get("product_name")?;
            let number: String = row.try_get("number")?;
            // The business as the certificate names it (fixed at the decision).
            let business = match names_of(&number, row.try_get("names")?) {
                Some(names) => names.business.name,
                None => row.try_get("business")?,
            };
            Ok(OpenCertificate {
                number,
                product: product.unwrap_or_default(),
                set_name: row.try_get("set_name")?,
                business,
                group_number: row.try_get("group_number")?,
                group_name: row.try_get("group_name")?,
                level: row.try_get("level_name")?,
                territory: row.try_get("territory_name")?,
                decision_number: row.try_get("decision_number")?,
                decided_on: Timestamp(row.try_get("decided_on")?),
                issuer: row.try_get("issuer")?,
                issued_at: Timestamp(row.try_get("issued_at")?),
                valid_until: Timestamp(row.try_get("valid_until")?),
                revoked: revoked_at.is_some(),
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(StoreError::from)
}
