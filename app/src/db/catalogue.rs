//! The catalogue's store: every product recognised by a round whose
//! results are published, with its business, round, level, territory and
//! certificate, in one query, and the first photo of each.

use std::collections::HashMap;

use sqlx::Row;

use super::{Conn, StoreError};
use crate::domain::ids::{EntryId, FileId, RoundId};
use crate::domain::time::Timestamp;

/// A recognised product.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecognisedProduct {
    /// The entry.
    pub entry: EntryId,
    /// The product.
    pub product: String,
    /// Its description.
    pub description: String,
    /// Its product group's number.
    pub group: Option<i64>,
    /// The group's names.
    pub group_name: (String, String),
    /// The business.
    pub business: String,
    /// The business's id.
    pub business_id: String,
    /// The business's province.
    pub province: String,
    /// The round.
    pub round: RoundId,
    /// Its year.
    pub year: i32,
    /// The level's id, names and rank.
    pub level: (String, String, String, i64),
    /// The territory's id and names.
    pub territory: (String, String, String),
    /// Its certificate: number, issued, valid until, revoked.
    pub certificate: Option<(String, Timestamp, Timestamp, bool)>,
}

/// Every product recognised in published results, newest round first.
pub async fn recognised_products(conn: &mut Conn) -> Result<Vec<RecognisedProduct>, StoreError> {
    let rows = sqlx::query(
        "SELECT e.id, e.product_name, e.description, e.group_number, g.name_vi AS group_vi, g.name_en AS group_en, \
         b.name AS business, b.id AS business_id, b.province, r.id AS round_id, r.year, l.id AS level_id, l.name_vi AS level_vi, \
         l.name_en AS level_en, l.rank AS level_rank, t.id AS territory_id, t.name_vi AS territory_vi, \
         t.name_en AS territory_en, c.number, c.issued_at, c.valid_until, c.revoked_at, c.names \
         FROM entry_results x JOIN entries e ON e.id = x.entry_id JOIN rounds r ON r.id = x.round_id \
         JOIN businesses b ON b.id = e.business_id JOIN levels l ON l.id = r.level_id \
         JOIN territories t ON t.id = r.territory_id \
         LEFT JOIN round_groups g ON g.round_id = r.id AND g.number = e.group_number \
         LEFT JOIN product_set_entries m ON m.entry_id = e.id \
         LEFT JOIN certificates c ON c.entry_id = e.id OR (m.set_id IS NOT NULL AND c.set_id = m.set_id) \
         WHERE x.recognised = 1 AND r.state IN ('published', 'archived') \
         ORDER BY r.year DESC, l.rank DESC, e.product_name, e.id",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut products: Vec<RecognisedProduct> = Vec::new();
    for row in &rows {
        let entry = row.try_get::<EntryId, _>("id")?;
        if products.last().is_some_and(|p| p.entry == entry) {
            continue;
        }
        let number: Option<String> = row.try_get("number")?;
        // The business as its certificate names it (fixed at the decision).
        let names = match &number {
            Some(number) => super::council::names_of(number, row.try_get("names")?),
            None => None,
        };
        let certificate = match number {
            Some(number) => {
                let revoked: Option<i64> = row.try_get("revoked_at")?;
                Some((
                    number,
                    Timestamp(row.try_get("issued_at")?),
                    Timestamp(row.try_get("valid_until")?),
                    revoked.is_some(),
                ))
            }
            None => None,
        };
        let product: Option<String> = row.try_get("product_name")?;
        let description: Option<String> = row.try_get("description")?;
        let group_vi: Option<String> = row.try_get("group_vi")?;
        let group_en: Option<String> = row.try_get("group_en")?;
        let year: i64 = row.try_get("year")?;
        products.push(RecognisedProduct {
            entry,
            product: product.unwrap_or_default(),
            description: description.unwrap_or_default(),
            group: row.try_get("group_number")?,
            group_name: (group_vi.unwrap_or_default(), group_en.unwrap_or_default()),
            business: match &names {
                Some(n) => n.business.name.clone(),
                None => row.try_get("business")?,
            },
            business_id: row.try_get("business_id")?,
            province: match &names {
                Some(n) => n.business.province.clone(),
                None => row.try_get("province")?,
            },
            round: row.try_get("round_id")?,
            year: i32::try_from(year).unwrap_or_default(),
            level: (
                row.try_get("level_id")?,
                row.try_get("level_vi")?,
                row.try_get("level_en")?,
                row.try_get("level_rank")?,
            ),
            territory: (
                row.try_get("territory_id")?,
                row.try_get("territory_vi")?,
                row.try_get("territory_en")?,
            ),
            certificate,
        });
    }
    Ok(products)
}

/// The photos (with resized copies) of recognised products in published
/// results, by entry, oldest first.
pub async fn public_photos(conn: &mut Conn) -> Result<HashMap<EntryId, Vec<FileId>>, StoreError> {
    let rows = sqlx::query(
        "SELECT f.entry_id, f.id FROM entry_files f JOIN entry_results x ON x.entry_id = f.entry_id \
         JOIN rounds r ON r.id = x.round_id \
         WHERE f.kind = 'photo' AND f.thumb_hash IS NOT NULL AND x.recognised = 1 \
         AND r.state IN ('published', 'archived') ORDER BY f.created_at, f.id",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut photos: HashMap<EntryId, Vec<FileId>> = HashMap::new();
    for row in &rows {
        photos
            .entry(row.try_get::<EntryId, _>("entry_id")?)
            .or_default()
            .push(row.try_get::<FileId, _>("id")?);
    }
    Ok(photos)
}
