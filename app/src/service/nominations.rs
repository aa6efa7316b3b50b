//! The use cases behind `crate::api::nominations`:
//! Nomination upward. After the decision the round's secretariat sees the
//! entries the council nominated, sends them to a round of a higher level
//! in this installation (each becomes a submitted entry there with its
//! dossier and its certificate, screened by that round's secretariat), or
//! downloads the nomination package for a round run elsewhere (see
//! `server::nomination_package`).

use std::collections::HashMap;

use crate::auth::principal::Principal;
use crate::db::businesses::{self, BusinessRecord};
use crate::db::council::{self, CertificateRecord};
use crate::db::entries::{self, EntryRecord, FileRecord};
use crate::db::nominations::{self, NewNomination};
use crate::db::rounds::{self, RoundRecord};
use crate::db::{audit, geography, Conn};
use crate::domain::audit::AuditAction;
use crate::domain::certificate::status;
use crate::domain::ids::{CertificateId, EntryId, FileId, RoundId};
use crate::domain::nomination::{
    carried_certificate, check_candidate, check_parent, receives_nominations, results_fixed, Candidate,
    NominationRefusal,
};
use crate::domain::report::Mean;
use crate::domain::time::Timestamp;
use crate::domain::upload::{FileKind, FileType};
use crate::error::AppError;
use crate::infra::state::AppState;
use crate::model::nominations::{CarriedCertificate, NominationsPage, NomineeRow, ParentChoice, SentTo};
use crate::model::rounds::Named;
use crate::service::request::{audit_entry, notice_back};
use crate::service::rounds::access::{manage, place_names, require_manager};

/// A nominated entry with everything the page, the package and the
/// sending need.
pub struct Nominee {
    /// The entry.
    pub entry: EntryRecord,
    /// Its business.
    pub business: BusinessRecord,
    /// Its official score.
    pub score: Option<Mean>,
    /// Its certificate (its own or its set's).
    pub certificate: Option<CertificateRecord>,
    /// Its product group's name.
    pub group_name: Option<Named>,
    /// Where it went, if it did.
    pub sent: Option<nominations::NominationRecord>,
}

/// The entries the decision of `round` nominated, by selection code.
pub async fn nominees(conn: &mut Conn, round: &RoundRecord) -> Result<Vec<Nominee>, AppError> {
    let results = council::results_of_round(conn, round.id).await?;
    let sent: HashMap<EntryId, nominations::NominationRecord> = nominations::sent_from(conn, round.id)
        .await?
        .into_iter()
        .map(|n| (n.source_entry, n))
        .collect();
    let groups = rounds::groups(conn, round.id).await?;
    // The round's entries, businesses, certificates and sets, each read
    // once: the statements do not grow with the nominees.
    let mut entries: HashMap<EntryId, EntryRecord> = entries::entries_of_round(conn, round.id)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let mut businesses: HashMap<EntryId, BusinessRecord> = businesses::entries_with_business(conn, round.id)
        .await?
        .into_iter()
        .map(|(entry, _, _, b)| (entry, b))
        .collect();
    let certificates = council::certificates_of_round(conn, round.id).await?;
    let sets = council::sets_of_round(conn, round.id).await?;
    let mut list = Vec::new();
    for result in results.into_iter().filter(|r| r.nominated) {
        let Some(entry) = entries.remove(&result.entry) else {
            continue;
        };
        let Some(business) = businesses.remove(&entry.id) else {
            continue;
        };
        let certificate = council::certificate_among(&certificates, &sets, entry.id).cloned();
        let group_name = groups
            .iter()
            .find(|g| Some(g.number) == entry.content.group)
            .map(|g| Named {
                vi: g.name_vi.clone(),
                en: g.name_en.clone(),
            });
        list.push(Nominee {
            sent: sent.get(&entry.id).cloned(),
            score: (result.score_count > 0).then_some(Mean {
                sum: result.score_sum,
                count: result.score_count,
            }),
            entry,
            business,
            certificate,
            group_name,
        });
    }
    list.sort_by(|a, b| a.entry.selection_code.cmp(&b.entry.selection_code));
    Ok(list)
}

/// The candidate facts of `n`, for a parent round with product groups
/// `parent_groups` (all groups when not known yet).
fn candidate(n: &Nominee, parent_groups: Option<&[i64]>, now: Timestamp) -> Candidate {
    Candidate {
        nominated: true,
        sent: n.sent.is_some(),
        certificate: n
            .certificate
            .as_ref()
            .map(|c| status(c.valid_until, c.revoked.is_some(), now)),
        group_in_parent: match (parent_groups, n.entry.content.group) {
            (None, _) => true,
            (Some(groups), Some(g)) => groups.contains(&g),
            (Some(_), None) => false,
        },
    }
}

async fn rank(conn: &mut Conn, round: &RoundRecord) -> Result<i64, AppError> {
    Ok(geography::get_level(conn, round.level)
        .await?
        .map(|l| l.rank)
        .unwrap_or(0))
}

pub async fn page(state: &AppState, round: &str) -> Result<NominationsPage, AppError> {
    let mut conn = state.store.pool().acquire().await?;
    let manager = require_manager(state, &mut conn, round).await?;
    let round = manager.round();
    let now = Timestamp::now();
    let refusal = (!results_fixed(round.state)).then_some(NominationRefusal::NotDecided);
    let mut rows = Vec::new();
    if refusal.is_none() {
        for n in nominees(&mut conn, round).await? {
            let sent = match &n.sent {
                Some(s) => Some(SentTo {
                    round: s.round,
                    round_name: rounds::get_round(&mut conn, s.round)
                        .await?
                        .map(|r| r.settings.name)
                        .unwrap_or_default(),
                    at: s.sent_at,
                }),
                None => None,
            };
            rows.push(NomineeRow {
                entry: n.entry.id,
                code: n.entry.selection_code.clone().unwrap_or_default(),
                product: n.entry.content.product_name.clone().unwrap_or_default(),
                business: n.business.business.name.clone(),
                group: n.entry.content.group,
                score: n.score,
                certificate: n.certificate.as_ref().map(|c| CarriedCertificate {
                    number: c.number.clone(),
                    valid_until: c.valid_until,
                    status: status(c.valid_until, c.revoked.is_some(), now),
                    round_name: round.settings.name.clone(),
                }),
                refusal: check_candidate(candidate(&n, None, now)).err(),
                sent,
            });
        }
    }
    let own_rank = rank(&mut conn, round).await?;
    let mut parents = Vec::new();
    for r in rounds::list_rounds(&mut conn).await? {
        if r.id == round.id || !receives_nominations(r.state) || rank(&mut conn, &r).await? <= own_rank {
            continue;
        }
        let (level, _) = place_names(&mut conn, &r).await?;
        parents.push(ParentChoice {
            id: r.id,
            name: r.settings.name.clone(),
            level,
        });
    }
    // The round's own parent first.
    parents.sort_by_key(|p| Some(p.id) != round.parent);
    let configured_parent = match round.parent {
        Some(id) => rounds::get_round(&mut conn, id)
            .await?
            .map(|r| (r.id, r.settings.name, r.state)),
        None => None,
    };
    Ok(NominationsPage {
        round: round.id,
        round_name: round.settings.name.clone(),
        state: round.state,
        refusal,
        rows,
        parents,
        configured_parent,
    })
}

/// One entry ready to go: the nominee and its certificate.
struct Ready {
    nominee: Nominee,
    certificate: CertificateRecord,
}

/// Checks the parent round and every chosen entry; the first refusal
/// names its entry.
async fn plan(
    conn: &mut Conn,
    round: &RoundRecord,
    parent: &RoundRecord,
    chosen: &[EntryId],
    now: Timestamp,
) -> Result<Vec<Ready>, AppError> {
    check_parent(
        round.state,
        rank(conn, round).await?,
        parent.state,
        rank(conn, parent).await?,
    )?;
    if chosen.is_empty() {
        return Err(NominationRefusal::NothingChosen.into());
    }
    let groups: Vec<i64> = rounds::groups(conn, parent.id)
        .await?
        .into_iter()
        .map(|g| g.number)
        .collect();
    let mut all = nominees(conn, round).await?;
    let mut ready = Vec::new();
    for id in chosen {
        let Some(at) = all.iter().position(|n| n.entry.id == *id) else {
            // Not nominated, or not of this round.
            return Err(NominationRefusal::NotNominated.into());
        };
        let n = all.swap_remove(at);
        check_candidate(candidate(&n, Some(&groups), now)).map_err(|refusal| AppError::NominationRefused {
            code: n.entry.selection_code.clone(),
            refusal,
        })?;
        let certificate = n.certificate.clone().ok_or(NominationRefusal::NoCertificate)?;
        ready.push(Ready {
            nominee: n,
            certificate,
        });
    }
    Ok(ready)
}

fn chosen_ids(raw: &[String]) -> Result<Vec<EntryId>, AppError> {
    let mut ids = Vec::new();
    for r in raw {
        let id = EntryId::parse(r).ok_or(AppError::NotFound)?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok(ids)
}

async fn parent_round(conn: &mut Conn, id: RoundId) -> Result<RoundRecord, AppError> {
    Ok(rounds::get_round(conn, id)
        .await?
        .ok_or(NominationRefusal::NoParentRound)?)
}

pub async fn send(
    state: &AppState,
    principal: Principal,
    round: &str,
    parent: &str,
    chosen: Vec<String>,
) -> Result<usize, AppError> {
    let chosen = chosen_ids(&chosen)?;
    let round = RoundId::parse(round).ok_or(AppError::NotFound)?;
    let parent = RoundId::parse(parent.trim()).ok_or(NominationRefusal::NoParentRound)?;
    let sent = send_for(state, &principal, round, parent, &chosen, Timestamp::now()).await?;
    notice_back("nominations-sent");
    Ok(sent)
}

/// Sends `chosen` entries of `round` to `parent` as `principal` (who
/// must run `round`); returns how many were sent.
pub async fn send_for(
    state: &AppState,
    principal: &Principal,
    round: RoundId,
    parent: RoundId,
    chosen: &[EntryId],
    now: Timestamp,
) -> Result<usize, AppError> {
    let round = round.to_string();
    let round = round.as_str();
    // First, outside the write transaction: check everything, then
    // draw each certificate and store it (content-addressed, so a
    // second attempt stores nothing new).
    let mut pdfs: HashMap<CertificateId, FileRecord> = HashMap::new();
    {
        let mut conn = state.store.pool().acquire().await?;
        let manager = manage(principal.clone(), &mut conn, round).await?;
        let parent = parent_round(&mut conn, parent).await?;
        for r in plan(&mut conn, manager.round(), &parent, chosen, now).await? {
            if pdfs.contains_key(&r.certificate.id) {
                continue;
            }
            let (content, _) = crate::service::council::certificate::certificate_of_record(
                &mut conn,
                &state.config.public_url,
                r.certificate.clone(),
            )
            .await?;
            let bytes = tokio::task::spawn_blocking(move || crate::infra::certificate_pdf::render(&content))
                .await
                .map_err(|e| {
                    tracing::error!(error = %e, "the certificate task failed");
                    AppError::Internal
                })?
                .map_err(|e| {
                    tracing::error!(error = %e, "could not draw a certificate");
                    AppError::Internal
                })?;
            let size = i64::try_from(bytes.len()).unwrap_or(i64::MAX);
            let hash = state.files.put(bytes).await.map_err(|e| {
                tracing::error!(error = %e, "could not store a certificate");
                AppError::Internal
            })?;
            pdfs.insert(
                r.certificate.id,
                FileRecord {
                    id: FileId::new(),
                    entry: r.nominee.entry.id,
                    kind: FileKind::LowerCertificate,
                    file_type: FileType::Pdf,
                    display_name: format!("Giấy chứng nhận {}.pdf", r.certificate.number),
                    size,
                    content_hash: hash,
                    medium_hash: None,
                    thumb_hash: None,
                    width: None,
                    height: None,
                    created_at: now,
                },
            );
        }
    }
    let mut tx = state.store.write().await?;
    let manager = manage(principal.clone(), &mut tx, round).await?;
    let parent = parent_round(&mut tx, parent).await?;
    // The parent round's lock keeps it from moving on (or another
    // sender from racing) while its entries arrive.
    rounds::lock_round(&mut tx, parent.id).await?;
    let parent = rounds::get_round(&mut tx, parent.id)
        .await?
        .ok_or(NominationRefusal::NoParentRound)?;
    let ready = plan(&mut tx, manager.round(), &parent, chosen, now).await?;
    for r in &ready {
        let entry = EntryId::new();
        let mut files: Vec<FileRecord> = entries::files_of(&mut tx, r.nominee.entry.id)
            .await?
            .into_iter()
            .map(|f| FileRecord { id: FileId::new(), ..f })
            .collect();
        let pdf = pdfs.get(&r.certificate.id).cloned().ok_or(AppError::Conflict)?;
        files.push(pdf);
        let sent = nominations::send(
            &mut tx,
            &NewNomination {
                source_entry: r.nominee.entry.id,
                source_round: manager.round().id,
                certificate: r.certificate.id,
                round: parent.id,
                entry,
                by: manager.principal().id(),
                at: now,
            },
            &files,
        )
        .await?;
        if !sent {
            return Err(AppError::NominationRefused {
                code: r.nominee.entry.selection_code.clone(),
                refusal: NominationRefusal::AlreadySent,
            });
        }
        let mut row = audit_entry(AuditAction::NominationSent, Some(manager.principal()));
        row.target_type = Some("entry");
        row.target_id = Some(entry.to_string());
        row.target_name = r.nominee.entry.content.product_name.clone();
        row.details = Some(serde_json::json!({
            "from_round": manager.round().id.to_string(),
            "from_entry": r.nominee.entry.id.to_string(),
            "code": r.nominee.entry.selection_code,
            "to_round": parent.id.to_string(),
            "to_round_name": parent.settings.name,
            "certificate": r.certificate.number,
            "files": files.len(),
        }));
        audit::append(&mut tx, row).await?;
    }
    tx.commit().await?;
    Ok(ready.len())
}

/// The lower-level certificate an entry of a parent round arrived
/// with, if it arrived by nomination.
pub async fn carried(conn: &mut Conn, entry: EntryId, now: Timestamp) -> Result<Option<CarriedCertificate>, AppError> {
    match nominations::arrived_as(conn, entry).await? {
        Some(n) => describe(conn, &n, now).await,
        None => Ok(None),
    }
}

/// The certificate nomination `n` carries, as shown.
pub async fn describe(
    conn: &mut Conn,
    n: &nominations::NominationRecord,
    now: Timestamp,
) -> Result<Option<CarriedCertificate>, AppError> {
    let Some(c) = council::certificate_by_id(conn, n.certificate).await? else {
        return Ok(None);
    };
    let round_name = rounds::get_round(conn, n.source_round)
        .await?
        .map(|r| r.settings.name)
        .unwrap_or_default();
    Ok(Some(shown(&c, round_name, now)))
}

/// A carried certificate as the pages show it.
fn shown(c: &CertificateRecord, round_name: String, now: Timestamp) -> CarriedCertificate {
    CarriedCertificate {
        number: c.number.clone(),
        valid_until: c.valid_until,
        status: status(c.valid_until, c.revoked.is_some(), now),
        round_name,
    }
}

/// What each nomination that arrived in `round` carries, by the entry
/// it became there: a bounded number of statements, whatever the
/// number of nominations.
pub async fn describe_arrived(
    conn: &mut Conn,
    round: RoundId,
    now: Timestamp,
) -> Result<std::collections::HashMap<EntryId, CarriedCertificate>, AppError> {
    let arrived = nominations::received_in(conn, round).await?;
    if arrived.is_empty() {
        return Ok(Default::default());
    }
    let certificates: std::collections::HashMap<_, _> = council::certificates_carried_into(conn, round)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let names: std::collections::HashMap<_, _> = rounds::rounds_sending_to(conn, round)
        .await?
        .into_iter()
        .map(|r| (r.id, r.settings.name))
        .collect();
    Ok(arrived
        .iter()
        .filter_map(|n| {
            let c = certificates.get(&n.certificate)?;
            let round_name = names.get(&n.source_round).cloned().unwrap_or_default();
            Some((n.entry, shown(c, round_name, now)))
        })
        .collect())
}

/// Whether an entry that arrived by nomination may be accepted: its
/// lower-level certificate must still be valid.
pub async fn check_carried(conn: &mut Conn, entry: EntryId, now: Timestamp) -> Result<(), AppError> {
    match carried(conn, entry, now).await? {
        Some(c) => Ok(carried_certificate(c.status)?),
        None => Ok(()),
    }
}
