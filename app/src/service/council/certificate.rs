//! What a certificate says, gathered once for the PDF and for the public
//! check: the certified product (or set and its recognised products), its
//! group, business, level, territory and decision. What it names is fixed
//! when the decision issues it ([`RoundNames`]); later changes of the
//! business's profile never reach a certificate.

use std::collections::HashMap;

use crate::auth::principal::Principal;
use crate::db::businesses;
use crate::db::council::{self, CertificateRecord, DecisionRecord, SetRecord};
use crate::db::rounds::{self, RoundRecord};
use crate::db::Conn;
use crate::domain::business::Business;
use crate::domain::certificate::CertifiedNames;
use crate::domain::council::CouncilRefusal;
use crate::domain::ids::{EntryId, SetId};
use crate::domain::role::Role;
use crate::error::AppError;
use crate::infra::certificate_pdf::CertificateContent;
use crate::infra::state::AppState;
use crate::model::rounds::Named;
use crate::service::judging::access::entry_in_round;
use crate::service::rounds::access::place_names;
use crate::service::rounds::access::roles_in;

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
    /// The business, as the certificate names it.
    pub business: Business,
    /// The round's level.
    pub level: Named,
    /// The round's territory.
    pub territory: Named,
}

fn named((vi, en): (String, String)) -> Named {
    Named { vi, en }
}

/// What a round's certificates name, read in a handful of queries: its
/// entries with their businesses, groups, level, territory and sets.
pub struct RoundNames {
    entries: HashMap<EntryId, (Option<String>, Option<i64>, Business)>,
    groups: HashMap<i64, (String, String)>,
    level: Named,
    territory: Named,
    sets: Vec<SetRecord>,
}

impl RoundNames {
    /// Reads what `round`'s certificates would name now.
    pub async fn load(conn: &mut Conn, round: &RoundRecord) -> Result<RoundNames, AppError> {
        let entries = businesses::entries_with_business(conn, round.id)
            .await?
            .into_iter()
            .map(|(entry, product, group, business)| (entry, (product, group, business.business)))
            .collect();
        let groups = rounds::groups(conn, round.id)
            .await?
            .into_iter()
            .map(|g| (g.number, (g.name_vi, g.name_en)))
            .collect();
        let (level, territory) = place_names(conn, round).await?;
        let sets = council::sets_of_round(conn, round.id).await?;
        Ok(RoundNames {
            entries,
            groups,
            level,
            territory,
            sets,
        })
    }

    /// The product, group and business of an entry of the round, as they
    /// stand now.
    pub fn entry(&self, entry: EntryId) -> Option<(Option<&str>, Option<i64>, &Business)> {
        self.entries.get(&entry).map(|(p, g, b)| (p.as_deref(), *g, b))
    }

    /// What the certificate of `entry` (of `set`, whose entries in
    /// `recognised` are listed) names.
    pub fn names(&self, entry: EntryId, set: Option<SetId>, recognised: &[EntryId]) -> Option<CertifiedNames> {
        let (product, group, business) = self.entries.get(&entry)?;
        let mut names = CertifiedNames {
            product: product.clone().unwrap_or_default(),
            set_items: Vec::new(),
            group: group.and_then(|n| self.groups.get(&n).map(|(vi, en)| (n, vi.clone(), en.clone()))),
            business: business.clone(),
            level: (self.level.vi.clone(), self.level.en.clone()),
            territory: (self.territory.vi.clone(), self.territory.en.clone()),
        };
        if let Some(set) = set.and_then(|id| self.sets.iter().find(|s| s.id == id)) {
            names.product = set.name.clone();
            names.set_items = set
                .entries
                .iter()
                .filter(|member| recognised.contains(member))
                .filter_map(|member| self.entries.get(member))
                .map(|(product, _, _)| product.clone().unwrap_or_default())
                .collect();
        }
        Some(names)
    }
}

/// Gathers what `record` names: what it fixed when it was issued, or, for
/// a certificate issued before names were kept, the current records. A
/// certificate always has its entry, round, business and decision; a
/// missing one is a broken store.
pub async fn facts(conn: &mut Conn, record: CertificateRecord) -> Result<CertificateFacts, AppError> {
    let missing = |what: &str| {
        tracing::error!(certificate = %record.number, "certificate without its {what}");
        AppError::Internal
    };
    let round = rounds::get_round(conn, record.round)
        .await?
        .ok_or_else(|| missing("round"))?;
    let decision = council::decision(conn, round.id)
        .await?
        .ok_or_else(|| missing("decision"))?;
    facts_in(conn, round, decision, record).await
}

/// [`facts`] for a caller that has read the certificate's round and its
/// decision already (the nomination package prints many certificates of
/// one round): no query, unless the certificate predates kept names.
pub async fn facts_in(
    conn: &mut Conn,
    round: RoundRecord,
    decision: DecisionRecord,
    record: CertificateRecord,
) -> Result<CertificateFacts, AppError> {
    let missing = |what: &str| {
        tracing::error!(certificate = %record.number, "certificate without its {what}");
        AppError::Internal
    };
    let names = match record.names.clone() {
        Some(names) => names,
        None => {
            let recognised: Vec<EntryId> = council::results_of_round(conn, round.id)
                .await?
                .into_iter()
                .filter(|r| r.recognised)
                .map(|r| r.entry)
                .collect();
            RoundNames::load(conn, &round)
                .await?
                .names(record.entry, record.set, &recognised)
                .ok_or_else(|| missing("entry"))?
        }
    };
    Ok(CertificateFacts {
        record,
        round,
        decision,
        product: names.product,
        set_items: names.set_items,
        group: names.group.map(|(n, vi, en)| (n, Named { vi, en })),
        business: names.business,
        level: named(names.level),
        territory: named(names.territory),
    })
}

/// What the certificate of entry `id` says, if `principal` may have it:
/// the entry's business, the round's secretariat and council, and
/// administrators. Also the file name to offer.
pub async fn certificate_content(
    conn: &mut Conn,
    state: &AppState,
    principal: &Principal,
    id: &str,
) -> Result<(CertificateContent, String), AppError> {
    let (entry, round, business) = entry_in_round(conn, id).await?;
    let roles = roles_in(principal, round.id);
    let may = business.owner == principal.id()
        || principal.is_administrator()
        || roles.contains(&Role::Secretary)
        || roles.contains(&Role::CouncilMember);
    if !may {
        return Err(if roles.is_empty() {
            AppError::NotFound
        } else {
            AppError::Forbidden
        });
    }
    if council::decision(conn, round.id).await?.is_none() {
        // Nothing is decided yet: there is no certificate to give.
        return Err(AppError::NotFound);
    }
    let record = council::certificate_of_entry(conn, entry.id)
        .await?
        .ok_or(CouncilRefusal::NotRecognised)?;
    if record.revoked.is_some() {
        // A revoked certificate is not printed again.
        return Err(CouncilRefusal::CertificateRevoked.into());
    }
    certificate_of_record(conn, &state.config.public_url, record).await
}

/// What certificate `record` says, with the file name to offer; its QR
/// code points at the check under `public_url`.
pub async fn certificate_of_record(
    conn: &mut Conn,
    public_url: &str,
    record: council::CertificateRecord,
) -> Result<(CertificateContent, String), AppError> {
    Ok(printed_certificate(facts(conn, record).await?, public_url))
}

/// What the PDF of a certificate prints, and its file name, from its facts.
pub fn printed_certificate(f: CertificateFacts, public_url: &str) -> (CertificateContent, String) {
    let verify_url = format!(
        "{}{}",
        public_url.trim_end_matches('/'),
        crate::domain::certificate::verify_path(&f.record.number)
    );
    let file_name: String = f
        .record
        .number
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' })
        .collect();
    (
        CertificateContent {
            issuer: f.decision.issuer,
            level: f.level.vi,
            product: f.product,
            set_items: f.set_items,
            group: f
                .group
                .map(|(number, name)| format!("Nhóm {number}: {}", name.vi))
                .unwrap_or_default(),
            address: f.business.address(),
            business: f.business.name,
            decision_number: f.decision.number,
            decided_on: f.decision.decided_on,
            signer: f.decision.signer,
            number: f.record.number,
            valid_until: f.record.valid_until,
            place: f.territory.vi,
            verify_url,
        },
        format!("giay-chung-nhan-{file_name}.pdf"),
    )
}
