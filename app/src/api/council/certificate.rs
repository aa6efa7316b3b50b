//! What a certificate says, gathered once for the PDF and for the public
//! check: the certified product (or set and its recognised products), its
//! group, business, level, territory and decision.

use crate::api::rounds::access::place_names;
use crate::api::rounds::Named;
use crate::db::businesses::{self, BusinessRecord};
use crate::db::council::{self, CertificateRecord, DecisionRecord};
use crate::db::rounds::{self, RoundRecord};
use crate::db::{entries, Conn};
use crate::error::AppError;

/// A certificate with everything it names.
pub struct CertificateFacts {
    /// The certificate.
    pub record: CertificateRecord,
    /// The round that issued it.
    pub round: RoundRecord,
    /// The round's decision.
    pub decision: DecisionRecord,
    /// The product's name, or the set's.
    pub product: String,
    /// For a set: its recognised products.
    pub set_items: Vec<String>,
    /// The product group's number and name.
    pub group: Option<(i64, Named)>,
    /// The business.
    pub business: BusinessRecord,
    /// The round's level.
    pub level: Named,
    /// The round's territory.
    pub territory: Named,
}

/// Gathers what `record` names. A certificate always has its entry, round,
/// business and decision; a missing one is a broken store.
pub async fn facts(conn: &mut Conn, record: CertificateRecord) -> Result<CertificateFacts, AppError> {
    let missing = |what: &str| {
        tracing::error!(certificate = %record.number, "certificate without its {what}");
        AppError::Internal
    };
    let entry = entries::get_entry(conn, record.entry)
        .await?
        .ok_or_else(|| missing("entry"))?;
    let round = rounds::get_round(conn, record.round)
        .await?
        .ok_or_else(|| missing("round"))?;
    let decision = council::decision(conn, round.id)
        .await?
        .ok_or_else(|| missing("decision"))?;
    let business = businesses::get_business(conn, entry.business)
        .await?
        .ok_or_else(|| missing("business"))?;
    let (level, territory) = place_names(conn, &round).await?;
    let group = rounds::groups(conn, round.id)
        .await?
        .into_iter()
        .find(|g| Some(g.number) == entry.content.group)
        .map(|g| {
            (
                g.number,
                Named {
                    vi: g.name_vi,
                    en: g.name_en,
                },
            )
        });
    let mut product = entry.content.product_name.clone().unwrap_or_default();
    let mut set_items = Vec::new();
    if let Some(set) = record.set {
        let results = council::results_of_round(conn, round.id).await?;
        if let Some(set) = council::sets_of_round(conn, round.id)
            .await?
            .into_iter()
            .find(|s| s.id == set)
        {
            product = set.name;
            for member in set.entries {
                let recognised = results.iter().any(|r| r.entry == member && r.recognised);
                if let (true, Some(e)) = (recognised, entries::get_entry(conn, member).await?) {
                    set_items.push(e.content.product_name.unwrap_or_default());
                }
            }
        }
    }
    Ok(CertificateFacts {
        record,
        round,
        decision,
        product,
        set_items,
        group,
        business,
        level,
        territory,
    })
}
