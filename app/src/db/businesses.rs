//! Business profiles, one per representative's account.

use sqlx::Row;

use super::{Conn, StoreError};
use crate::domain::business::Business;
use crate::domain::ids::{BusinessId, UserId};
use crate::domain::text::fold_for_search;
use crate::domain::time::Timestamp;

/// A stored profile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BusinessRecord {
    /// Its id.
    pub id: BusinessId,
    /// The representative's account.
    pub owner: UserId,
    /// The profile.
    pub business: Business,
}

const COLUMNS: &str = "id, owner_id, name, legal_form, registration_number, tax_code, province, commune, street, \
    representative, position, phone, email";

fn from_row(row: &sqlx::any::AnyRow) -> Result<BusinessRecord, sqlx::Error> {
    Ok(BusinessRecord {
        id: row.try_get("id")?,
        owner: row.try_get("owner_id")?,
        business: Business {
            name: row.try_get("name")?,
            legal_form: row.try_get("legal_form")?,
            registration_number: row.try_get("registration_number")?,
            tax_code: row.try_get("tax_code")?,
            province: row.try_get("province")?,
            commune: row.try_get("commune")?,
            street: row.try_get("street")?,
            representative: row.try_get("representative")?,
            position: row.try_get("position")?,
            phone: row.try_get("phone")?,
            email: row.try_get("email")?,
        },
    })
}

/// The profile of a representative's account.
pub async fn business_of(conn: &mut Conn, owner: UserId) -> Result<Option<BusinessRecord>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM businesses WHERE owner_id = $1");
    let row = sqlx::query(&sql).bind(owner).fetch_optional(&mut *conn).await?;
    Ok(row.as_ref().map(from_row).transpose()?)
}

/// One profile.
pub async fn get_business(conn: &mut Conn, id: BusinessId) -> Result<Option<BusinessRecord>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM businesses WHERE id = $1");
    let row = sqlx::query(&sql).bind(id).fetch_optional(&mut *conn).await?;
    Ok(row.as_ref().map(from_row).transpose()?)
}

/// Creates or replaces the profile of an account; returns its id.
pub async fn save_business(
    conn: &mut Conn,
    owner: UserId,
    b: &Business,
    now: Timestamp,
) -> Result<BusinessId, StoreError> {
    let search = fold_for_search(&format!("{} {} {}", b.name, b.province, b.registration_number));
    // One profile per account (owner_id is unique): a second save updates
    // it in place and keeps its id.
    let row = sqlx::query(
        "INSERT INTO businesses (id, owner_id, name, legal_form, registration_number, tax_code, province, commune, street, \
         representative, position, phone, email, search_text, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15) \
         ON CONFLICT (owner_id) DO UPDATE SET name = $3, legal_form = $4, registration_number = $5, tax_code = $6, \
         province = $7, commune = $8, street = $9, representative = $10, position = $11, phone = $12, email = $13, \
         search_text = $14, updated_at = $15 \
         RETURNING id",
    )
    .bind(BusinessId::new())
    .bind(owner)
    .bind(&b.name)
    .bind(b.legal_form)
    .bind(&b.registration_number)
    .bind(b.tax_code.as_deref())
    .bind(&b.province)
    .bind(&b.commune)
    .bind(&b.street)
    .bind(&b.representative)
    .bind(&b.position)
    .bind(&b.phone)
    .bind(b.email.as_deref())
    .bind(search)
    .bind(now.millis())
    .fetch_one(&mut *conn)
    .await?;
    Ok(row.try_get::<BusinessId, _>("id")?)
}

/// Each entry of a round with its product, group and business, in one
/// query (what the decision fixes on the certificates).
pub async fn entries_with_business(
    conn: &mut Conn,
    round: crate::domain::ids::RoundId,
) -> Result<Vec<(crate::domain::ids::EntryId, Option<String>, Option<i64>, BusinessRecord)>, StoreError> {
    let columns: String = COLUMNS
        .split(", ")
        .map(|c| format!("b.{c}"))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "SELECT e.id AS entry_id, e.product_name, e.group_number, {columns} \
         FROM entries e JOIN businesses b ON b.id = e.business_id WHERE e.round_id = $1"
    );
    let rows = sqlx::query(&sql).bind(round).fetch_all(&mut *conn).await?;
    rows.iter()
        .map(|row| {
            Ok((
                row.try_get::<crate::domain::ids::EntryId, _>("entry_id")?,
                row.try_get("product_name")?,
                row.try_get("group_number")?,
                from_row(row)?,
            ))
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(StoreError::from)
}
