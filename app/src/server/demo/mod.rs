//! The demonstration (`TIEUBIEU_DEMO=1` on an empty database): a published
//! provincial round of Đồng Nai with 40 entries in the four product groups,
//! its secretary, six jurors and their score sheets, a council of five and
//! its votes, the decision and its certificates, and an open national
//! round that has received the province's nominations. Everything goes
//! through the same checks and store functions as real use: profiles,
//! round settings and dossiers through their domain checks, photos through
//! the upload pipeline, sheets through the sheet checks, the decision and
//! the nominations through the same code as the secretariat's forms.
//! Only the calendar is made up: the provincial round ran last year.
//!
//! Every account's password is [`PASSWORD`]; the README lists them.

use crate::auth::password::hash_password;
use crate::db::entries::FileRecord;
use crate::db::{businesses, council, entries, geography, jury, round_members, rounds, sheets, users, Conn};
use crate::domain::business::check_business;
use crate::domain::council::{Ballot, Vote};
use crate::domain::entry::{check_entry_form, selection_code, EntryState};
use crate::domain::geography::TerritoryInput;
use crate::domain::ids::{BusinessId, EntryId, FileId, GroupId, RoundId, TerritoryId};
use crate::domain::jury::Declaration;
use crate::domain::lifecycle::RoundState;
use crate::domain::points::Points;
use crate::domain::role::Role;
use crate::domain::scoring::{check_sheet, totals, SheetState};
use crate::domain::time::Timestamp;
use crate::domain::upload::{FileKind, FileType};
use crate::error::AppError;
use crate::infra::state::AppState;

mod data;
mod people;
mod pictures;

use data::{comment_for, day, dossier, nuance, profile_form, quality, settings, COUNCIL, JURORS, PRODUCTS};
use people::{account, grant, manager, principal};
use pictures::{picture, registration_pdf};

/// The password of every demonstration account.
pub const PASSWORD: &str = "tieubieu-demo";

/// The demonstration's e-mail domain.
const DOMAIN: &str = "demo.tieubieu.vn";

/// What the demonstration made, for the log and the tests.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The published provincial round.
    pub province: RoundId,
    /// The national round that received the nominations.
    pub national: RoundId,
    /// Entries in the provincial round.
    pub entries: usize,
    /// Products recognised.
    pub recognised: usize,
    /// Entries sent to the national round.
    pub nominated: usize,
}

/// Loads the demonstration if the database holds no account yet; returns
/// what it made, or `None` when the database was not empty (nothing is
/// written then).
pub async fn load_if_empty(state: &AppState) -> Result<Option<Loaded>, AppError> {
    {
        let mut conn = state.store.pool().acquire().await?;
        if users::any_user(&mut conn).await? {
            return Ok(None);
        }
    }
    load(state).await.map(Some)
}

async fn load(state: &AppState) -> Result<Loaded, AppError> {
    let now = Timestamp::now();
    let year = now.vn_year() - 1;
    let hash = hash_password(PASSWORD.to_owned()).await?;
    let hash = hash.as_str();

    // Photos first, outside any transaction: three generated pictures per
    // product through the upload pipeline's three sizes, drawn on every core.
    let mut drawing = tokio::task::JoinSet::new();
    for (i, p) in PRODUCTS.iter().enumerate() {
        let group = p.0;
        drawing.spawn_blocking(move || {
            let three: Result<Vec<_>, _> = (0..3)
                .map(|view| crate::infra::images::process_photo(&picture(i, group, view)))
                .collect();
            (i, three)
        });
    }
    let mut processed: Vec<Option<Vec<crate::infra::images::ProcessedPhoto>>> =
        (0..PRODUCTS.len()).map(|_| None).collect();
    while let Some(done) = drawing.join_next().await {
        let (i, three) = done.map_err(|_| AppError::Internal)?;
        processed[i] = Some(three.map_err(AppError::UploadRefused)?);
    }
    let mut photos = Vec::new();
    for three in processed.into_iter().flatten() {
        let mut stored = Vec::new();
        for photo in three {
            let large_size = photo.large.len();
            let large = state.files.put(photo.large).await.map_err(io)?;
            let medium = state.files.put(photo.medium).await.map_err(io)?;
            let thumb = state.files.put(photo.thumb).await.map_err(io)?;
            stored.push((large, medium, thumb, large_size, photo.width, photo.height));
        }
        photos.push(stored);
    }
    let registration = state.files.put(registration_pdf()).await.map_err(io)?;

    let mut tx = state.store.write().await?;
    let conn: &mut Conn = &mut tx;

    // People.
    let admin = account(conn, "Quản trị viên", &format!("quantri@{DOMAIN}"), hash, now).await?;
    grant(conn, admin, Role::Administrator, None, admin, now).await?;
    let secretary_id = account(conn, "Nguyễn Thị Thu", &format!("thuky@{DOMAIN}"), hash, now).await?;
    let national_secretary = account(conn, "Đỗ Văn Quốc", &format!("thuky.quocgia@{DOMAIN}"), hash, now).await?;
    let mut jurors = Vec::new();
    for (n, (name, _)) in JURORS.iter().enumerate() {
        jurors.push(account(conn, name, &format!("giamkhao{}@{DOMAIN}", n + 1), hash, now).await?);
    }
    let mut council_ids = Vec::new();
    for (n, name) in COUNCIL.iter().enumerate() {
        council_ids.push(account(conn, name, &format!("hoidong{}@{DOMAIN}", n + 1), hash, now).await?);
    }

    // Đồng Nai under the South, and the two rounds.
    let levels = geography::list_levels(conn).await?;
    let rank = |r: i64| {
        levels
            .iter()
            .find(|l| l.rank == r)
            .map(|l| l.id)
            .ok_or(AppError::Internal)
    };
    let (province_level, national_level) = (rank(2)?, rank(4)?);
    let territories = geography::list_territories(conn).await?;
    let south = territories.iter().find(|t| t.name_vi == "Miền Nam").map(|t| t.id);
    let viet_nam = territories
        .iter()
        .find(|t| t.name_vi == "Việt Nam")
        .map(|t| t.id)
        .ok_or(AppError::Internal)?;
    let dong_nai = TerritoryId::new();
    geography::insert_territory(
        conn,
        dong_nai,
        province_level,
        south,
        &TerritoryInput {
            name_vi: "Đồng Nai".into(),
            name_en: "Dong Nai".into(),
        },
        now,
    )
    .await?;
    let national = RoundId::new();
    let national_settings = settings(
        &format!(
            "Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu cấp quốc gia năm {}",
            year + 1
        ),
        year + 1,
        now.plus_secs(-7 * 86_400),
        now.plus_secs(90 * 86_400),
        now.plus_secs(150 * 86_400),
    )?;
    let new_round = |id, level, territory, parent, settings| rounds::NewRound {
        id,
        level,
        territory,
        parent,
        settings,
        created_by: admin,
        now,
    };
    rounds::insert_round(
        conn,
        &new_round(national, national_level, viet_nam, None, &national_settings),
        None,
    )
    .await?;
    grant(conn, national_secretary, Role::Secretary, Some(national), admin, now).await?;
    rounds::set_state(conn, national, RoundState::Draft, RoundState::Open, now).await?;

    let province = RoundId::new();
    let province_settings = settings(
        &format!("Bình chọn sản phẩm công nghiệp nông thôn tiêu biểu tỉnh Đồng Nai năm {year}"),
        year,
        day(&format!("02/03/{year} 08:00"))?,
        day(&format!("30/06/{year} 17:00"))?,
        day(&format!("31/08/{year} 17:00"))?,
    )?;
    let round = new_round(province, province_level, dong_nai, Some(national), &province_settings);
    rounds::insert_round(conn, &round, None).await?;
    grant(conn, secretary_id, Role::Secretary, Some(province), admin, now).await?;
    let groups = rounds::groups(conn, province).await?;
    let group_id = |number: i64| -> Result<GroupId, AppError> {
        groups
            .iter()
            .find(|g| g.number == number)
            .map(|g| g.id)
            .ok_or(AppError::Internal)
    };
    for (n, (_, scored)) in JURORS.iter().enumerate() {
        grant(conn, jurors[n], Role::Juror, Some(province), admin, now).await?;
        let ids = [group_id(scored[0])?, group_id(scored[1])?];
        round_members::set_juror_groups(conn, province, jurors[n], &ids).await?;
    }
    for member in &council_ids {
        grant(conn, *member, Role::CouncilMember, Some(province), admin, now).await?;
    }
    rounds::set_chair(conn, province, council_ids.first().copied()).await?;
    rounds::set_state(conn, province, RoundState::Draft, RoundState::Open, now).await?;

    // The businesses and their dossiers.
    let group_numbers: Vec<i64> = groups.iter().map(|g| g.number).collect();
    let mut entry_ids = Vec::new();
    for (i, (group, product, _, _, _, representative)) in PRODUCTS.iter().enumerate() {
        let owner = account(conn, representative, &format!("coso{:02}@{DOMAIN}", i + 1), hash, now).await?;
        grant(conn, owner, Role::Entrant, None, owner, now).await?;
        let profile = check_business(&profile_form(i))?;
        let business_id: BusinessId = businesses::save_business(conn, owner, &profile, now).await?;
        let entry = EntryId::new();
        entries::insert_entry(conn, entry, province, business_id, now).await?;
        let content = check_entry_form(&dossier(product, *group), &group_numbers)?;
        entries::save_content(conn, entry, 1, &content, now).await?;
        for (view, (large, medium, thumb, size, width, height)) in photos[i].iter().enumerate() {
            let record = FileRecord {
                id: FileId::new(),
                entry,
                kind: FileKind::Photo,
                file_type: FileType::Jpeg,
                display_name: format!("{} – {}.jpg", product, ["mặt trước", "mặt bên", "mặt trên"][view]),
                size: *size as i64,
                content_hash: large.clone(),
                medium_hash: Some(medium.clone()),
                thumb_hash: Some(thumb.clone()),
                width: Some(i64::from(*width)),
                height: Some(i64::from(*height)),
                created_at: now,
            };
            entries::insert_file(conn, &record, owner).await?;
        }
        let record = FileRecord {
            id: FileId::new(),
            entry,
            kind: FileKind::Registration,
            file_type: FileType::Pdf,
            display_name: "Giấy chứng nhận đăng ký (minh họa).pdf".into(),
            size: registration_pdf().len() as i64,
            content_hash: registration.clone(),
            medium_hash: None,
            thumb_hash: None,
            width: None,
            height: None,
            created_at: now,
        };
        entries::insert_file(conn, &record, owner).await?;
        entries::set_state(conn, entry, EntryState::Draft, EntryState::Submitted, None, now).await?;
        entry_ids.push(entry);
    }

    // Screening: every dossier accepted, numbered within its group.
    rounds::set_state(conn, province, RoundState::Open, RoundState::Screening, now).await?;
    let mut per_group = [0i64; 5];
    for (i, entry) in entry_ids.iter().enumerate() {
        let group = PRODUCTS[i].0;
        per_group[group as usize] += 1;
        entries::accept(conn, *entry, &selection_code(group, per_group[group as usize]), now).await?;
    }

    // Judging: each juror of the group declares no tie and submits a sheet.
    rounds::set_state(conn, province, RoundState::Screening, RoundState::Judging, now).await?;
    rounds::freeze_criteria(conn, province, now).await?;
    let province_round = rounds::get_round(conn, province).await?.ok_or(AppError::Internal)?;
    for (i, entry) in entry_ids.iter().enumerate() {
        let group = PRODUCTS[i].0;
        let spec = crate::service::judging::access::sheet_spec(conn, &province_round, Some(group_id(group)?)).await?;
        for (j, (_, scored)) in JURORS.iter().enumerate() {
            if !scored.contains(&group) {
                continue;
            }
            let juror = jurors[j];
            jury::declare(conn, province, *entry, juror, &Declaration::NoTie, juror, now).await?;
            let target = (quality(i) + nuance(i, j)).clamp(0, 100);
            let typed: std::collections::BTreeMap<String, String> = spec
                .lines()
                .map(|line| {
                    // Each line gets its share of the target, on the step.
                    let step = spec.step.centi().max(1);
                    let share = line.max.centi() * target / 100;
                    (line.key.clone(), Points(share / step * step).display())
                })
                .collect();
            let points = check_sheet(&spec, &typed, true)?;
            let comment = comment_for(i, j);
            let sums = totals(&spec, &points);
            sheets::write_sheet(
                conn,
                &sheets::SheetWrite {
                    round: province,
                    entry: *entry,
                    juror,
                    state: SheetState::Submitted,
                    points: &points,
                    total: sums.total,
                    subtotals: &sums.per_criterion,
                    comment: Some(comment.as_str()),
                    from_paper: false,
                    by: juror,
                },
                0,
                now,
            )
            .await?;
        }
    }

    // Deliberation: the council votes on what reaches the threshold (as
    // the jury's report says); the best of each group go on to the
    // national round: two for handicrafts and food, one for the others.
    rounds::set_state(conn, province, RoundState::Judging, RoundState::Deliberation, now).await?;
    let round_record = rounds::get_round(conn, province).await?.ok_or(AppError::Internal)?;
    let d = crate::service::council::deliberation::deliberation(conn, &round_record, None).await?;
    let mut reaching: Vec<(i64, i64, EntryId)> = d
        .items
        .iter()
        .filter(|item| item.row.figures.reaches)
        .map(|item| {
            let official = item.row.figures.official.map(|m| m.rounded().centi()).unwrap_or(0);
            (item.group, -official, item.row.entry)
        })
        .collect();
    reaching.sort_by_key(|(group, official, _)| (*group, *official));
    let mut nominated_per_group = [0usize; 5];
    for (group, _, entry) in reaching {
        let quota = if group <= 2 { 2 } else { 1 };
        let slot = &mut nominated_per_group[group.clamp(0, 4) as usize];
        let nominate = *slot < quota;
        if nominate {
            *slot += 1;
        }
        for (m, member) in council_ids.iter().enumerate() {
            let vote = Vote {
                recognise: Ballot::For,
                // One member votes for every nomination: the others decide.
                nominate: Some(if nominate || m == 4 {
                    Ballot::For
                } else {
                    Ballot::Against
                }),
            };
            council::cast_vote(conn, province, entry, *member, vote, now).await?;
        }
    }
    tx.commit().await?;

    // The decision, through the same code as the secretariat's form.
    let secretary = principal(state, secretary_id).await?;
    let decided_on = day(&format!("15/10/{year}"))?;
    let manager = manager(state, &secretary, province).await?;
    crate::service::council::decision::record(
        state,
        manager,
        &crate::service::council::decision::DecisionInput {
            number: "2150/QĐ-UBND",
            decided_on,
            signer: "Nguyễn Văn Minh, Phó Chủ tịch Ủy ban nhân dân tỉnh",
            issuer: "Ủy ban nhân dân tỉnh Đồng Nai",
        },
        now,
    )
    .await?;
    let mut tx = state.store.write().await?;
    rounds::set_state(&mut tx, province, RoundState::Decided, RoundState::Published, now).await?;
    tx.commit().await?;

    // The nominations, sent to the national round as the secretary would.
    let chosen: Vec<EntryId> = {
        let mut conn = state.store.pool().acquire().await?;
        council::results_of_round(&mut conn, province)
            .await?
            .into_iter()
            .filter(|r| r.nominated)
            .map(|r| r.entry)
            .collect()
    };
    let nominated = crate::service::nominations::send_for(state, &secretary, province, national, &chosen, now).await?;
    let recognised = {
        let mut conn = state.store.pool().acquire().await?;
        council::results_of_round(&mut conn, province)
            .await?
            .iter()
            .filter(|r| r.recognised)
            .count()
    };
    Ok(Loaded {
        province,
        national,
        entries: entry_ids.len(),
        recognised,
        nominated,
    })
}

fn io(error: std::io::Error) -> AppError {
    tracing::error!(%error, "demo: could not store a file");
    AppError::Internal
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn about_half_of_the_products_reach_the_threshold() {
        let reaching = (0..PRODUCTS.len()).filter(|&i| quality(i) >= 70).count();
        assert!((15..=25).contains(&reaching), "{reaching} of 40");
        for group in 1..=4 {
            assert!(PRODUCTS.iter().any(|p| p.0 == group), "group {group} has products");
        }
        for i in 0..PRODUCTS.len() {
            for j in 0..JURORS.len() {
                assert!((-3..=3).contains(&nuance(i, j)));
            }
        }
    }

    #[test]
    fn generated_files_pass_the_upload_checks() {
        let photo = picture(3, 2, 1);
        assert_eq!(crate::domain::upload::sniff(&photo), Some(FileType::Jpeg));
        let processed = crate::infra::images::process_photo(&photo).unwrap();
        assert!(
            processed.thumb.len() < 15 * 1024,
            "thumbnail {} bytes",
            processed.thumb.len()
        );
        let pdf = registration_pdf();
        assert_eq!(crate::domain::upload::sniff(&pdf), Some(FileType::Pdf));
        assert!(crate::domain::upload::check_content(FileKind::Registration, &pdf).is_ok());
    }

    #[test]
    fn every_demonstration_profile_and_dossier_passes_the_forms_checks() {
        for (i, (group, product, business, ..)) in PRODUCTS.iter().enumerate() {
            let profile = check_business(&profile_form(i));
            assert!(profile.is_ok(), "{business}: {profile:?}");
            let content = check_entry_form(&dossier(product, *group), &[1, 2, 3, 4]);
            assert!(content.is_ok(), "{product}: {content:?}");
        }
    }
}
