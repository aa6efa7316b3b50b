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
use crate::auth::principal::Principal;
use crate::db::entries::FileRecord;
use crate::db::{businesses, council, entries, geography, jury, round_members, rounds, sheets, users, Conn};
use crate::domain::administration::AccountStatus;
use crate::domain::business::{check_business, BusinessForm};
use crate::domain::council::{Ballot, Vote};
use crate::domain::entry::{check_entry_form, selection_code, EntryForm, EntryState};
use crate::domain::geography::TerritoryInput;
use crate::domain::ids::{BusinessId, EntryId, FileId, GroupId, RoundId, TerritoryId, UserId};
use crate::domain::jury::Declaration;
use crate::domain::lifecycle::RoundState;
use crate::domain::points::Points;
use crate::domain::role::{Role, RoleGrant};
use crate::domain::round::{check_round_settings, RoundSettingsForm};
use crate::domain::scoring::{check_sheet, totals, SheetState};
use crate::domain::time::Timestamp;
use crate::domain::upload::{FileKind, FileType};
use crate::error::AppError;
use crate::infra::state::AppState;
use crate::service::rounds::access::RoundManager;

/// The password of every demonstration account.
pub const PASSWORD: &str = "tieubieu-demo";

/// The demonstration's e-mail domain.
const DOMAIN: &str = "demo.tieubieu.vn";

/// One product of the demonstration: group, product, business, legal form
/// (code), commune, representative.
type Product = (
    i64,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

/// The 40 entries, in the four product groups.
const PRODUCTS: [Product; 40] = [
    (
        1,
        "Bình gốm men rạn Biên Hòa",
        "Cơ sở Gốm mỹ nghệ Tân Vạn",
        "household",
        "Phường Trấn Biên",
        "Nguyễn Văn Lộc",
    ),
    (
        1,
        "Chậu gốm sân vườn men lam",
        "Hợp tác xã Gốm Hóa An",
        "cooperative",
        "Phường Hóa An",
        "Trần Thị Hoa",
    ),
    (
        1,
        "Giỏ mây đan tay",
        "Tổ hợp tác Mây tre lá Tân Triều",
        "cooperative_group",
        "Xã Tân Triều",
        "Lê Văn Bé",
    ),
    (
        1,
        "Tranh sơn mài phong cảnh Nam Bộ",
        "Cơ sở Sơn mài Bửu Long",
        "household",
        "Phường Bửu Long",
        "Phạm Minh Tâm",
    ),
    (
        1,
        "Tượng gỗ mỹ nghệ",
        "Công ty TNHH Gỗ mỹ nghệ Long Khánh",
        "enterprise",
        "Phường Long Khánh",
        "Đỗ Quang Vinh",
    ),
    (
        1,
        "Đèn lồng tre",
        "Hộ kinh doanh Đèn tre Phước Thiền",
        "household",
        "Xã Nhơn Trạch",
        "Huỳnh Thị Lan",
    ),
    (
        1,
        "Thảm lục bình",
        "Hợp tác xã Lục bình Định Quán",
        "cooperative",
        "Xã Định Quán",
        "Võ Văn Hùng",
    ),
    (
        1,
        "Khay tre ép nhiều lớp",
        "Cơ sở Tre ép Trảng Bom",
        "household",
        "Xã Trảng Bom",
        "Ngô Thị Mai",
    ),
    (
        1,
        "Túi cói thêu tay",
        "Tổ hợp tác Cói Long Phước",
        "cooperative_group",
        "Xã Long Phước",
        "Bùi Thị Thu",
    ),
    (
        1,
        "Đá mỹ nghệ Bửu Long",
        "Cơ sở Đá mỹ nghệ Bửu Long",
        "household",
        "Phường Tam Hiệp",
        "Đặng Văn Sơn",
    ),
    (
        2,
        "Hạt điều rang muối",
        "Công ty TNHH Điều Bình Phước",
        "enterprise",
        "Phường Đồng Xoài",
        "Trương Văn Tài",
    ),
    (
        2,
        "Cà phê rang xay Xuân Lộc",
        "Hợp tác xã Cà phê Xuân Lộc",
        "cooperative",
        "Xã Xuân Lộc",
        "Lý Thị Ngọc",
    ),
    (
        2,
        "Bưởi Tân Triều sấy dẻo",
        "Cơ sở Nông sản Tân Triều",
        "household",
        "Xã Tân Triều",
        "Phan Văn Phúc",
    ),
    (
        2,
        "Chôm chôm sấy Long Khánh",
        "Hộ kinh doanh Trái cây Long Khánh",
        "household",
        "Phường Bình Lộc",
        "Hồ Thị Kim",
    ),
    (
        2,
        "Mật ong hoa cà phê",
        "Hợp tác xã Ong mật Cẩm Mỹ",
        "cooperative",
        "Xã Cẩm Mỹ",
        "Dương Văn Khải",
    ),
    (
        2,
        "Rượu bưởi Tân Triều",
        "Cơ sở Rượu trái cây Vĩnh Cửu",
        "household",
        "Xã Vĩnh Cửu",
        "Mai Văn Đức",
    ),
    (
        2,
        "Trà mãng cầu",
        "Công ty TNHH Thực phẩm Thống Nhất",
        "enterprise",
        "Xã Thống Nhất",
        "Tạ Thị Hồng",
    ),
    (
        2,
        "Chuối sấy Định Quán",
        "Tổ hợp tác Chuối sấy Phú Vinh",
        "cooperative_group",
        "Xã Phú Vinh",
        "Lâm Văn Tuấn",
    ),
    (
        2,
        "Sầu riêng sấy thăng hoa",
        "Công ty TNHH Nông sản Long Khánh",
        "enterprise",
        "Phường Xuân Lập",
        "Châu Minh Nhật",
    ),
    (
        2,
        "Tương hột Bà Rịa",
        "Cơ sở Tương Long Thành",
        "household",
        "Xã Long Thành",
        "Quách Thị Lệ",
    ),
    (
        2,
        "Khô cá lăng sông La Ngà",
        "Hộ kinh doanh Thủy sản La Ngà",
        "household",
        "Xã La Ngà",
        "Kiều Văn Thắng",
    ),
    (
        2,
        "Hạt tiêu đen Lộc Ninh",
        "Hợp tác xã Tiêu Lộc Ninh",
        "cooperative",
        "Xã Lộc Ninh",
        "Triệu Thị Nga",
    ),
    (
        2,
        "Nem chua Long Khánh",
        "Cơ sở Nem Hảo Long Khánh",
        "household",
        "Phường Long Khánh",
        "Thái Văn Hảo",
    ),
    (
        2,
        "Bánh pía sầu riêng",
        "Công ty TNHH Bánh pía Tân Phú",
        "enterprise",
        "Xã Tân Phú",
        "Vương Thị Yến",
    ),
    (
        3,
        "Máy bóc vỏ hạt điều bán tự động",
        "Công ty TNHH Cơ khí Bình Phước",
        "enterprise",
        "Phường Bình Long",
        "Lưu Văn Cường",
    ),
    (
        3,
        "Máy sấy nông sản năng lượng mặt trời",
        "Cơ sở Cơ khí Xuân Hòa",
        "household",
        "Xã Xuân Hòa",
        "Tôn Thất Bảo",
    ),
    (
        3,
        "Máy tách hạt bắp",
        "Hợp tác xã Cơ khí Trảng Bom",
        "cooperative",
        "Xã Trảng Bom",
        "Hà Văn Lợi",
    ),
    (
        3,
        "Dao rựa rèn thủ công",
        "Hộ kinh doanh Rèn Phú Lý",
        "household",
        "Xã Phú Lý",
        "Cao Văn Rèn",
    ),
    (
        3,
        "Lò đốt trấu cải tiến",
        "Cơ sở Cơ khí Tân An",
        "household",
        "Xã Tân An",
        "Đinh Văn Thành",
    ),
    (
        3,
        "Máy phun thuốc đeo vai",
        "Công ty TNHH Máy nông nghiệp Dầu Giây",
        "enterprise",
        "Xã Dầu Giây",
        "Kim Văn Hải",
    ),
    (
        4,
        "Phân bón hữu cơ vi sinh",
        "Công ty TNHH Phân bón Xanh Đồng Nai",
        "enterprise",
        "Xã Gia Kiệm",
        "Trịnh Văn Nam",
    ),
    (
        4,
        "Chế phẩm sinh học xử lý chuồng trại",
        "Hợp tác xã Nông nghiệp Xuân Thạnh",
        "cooperative",
        "Xã Xuân Thạnh",
        "Ông Thị Bích",
    ),
    (
        4,
        "Nến thơm tinh dầu",
        "Cơ sở Nến thơm Biên Hòa",
        "household",
        "Phường Biên Hòa",
        "La Thị Thảo",
    ),
    (
        4,
        "Xà phòng thiên nhiên",
        "Tổ hợp tác Xà bông Long Bình",
        "cooperative_group",
        "Phường Long Bình",
        "Lạc Thị Vy",
    ),
    (
        4,
        "Gạch không nung",
        "Công ty TNHH Vật liệu Thống Nhất",
        "enterprise",
        "Xã Hưng Thịnh",
        "Khúc Văn Dũng",
    ),
    (
        4,
        "Nhang trầm thảo mộc",
        "Hộ kinh doanh Nhang trầm Phước Tân",
        "household",
        "Phường Phước Tân",
        "Lò Thị Hạnh",
    ),
    (
        4,
        "Giá thể xơ dừa trồng cây",
        "Cơ sở Xơ dừa Nhơn Trạch",
        "household",
        "Xã Nhơn Trạch",
        "Mạc Văn Tư",
    ),
    (
        4,
        "Tinh dầu sả chanh",
        "Hợp tác xã Dược liệu Tà Lài",
        "cooperative",
        "Xã Tà Lài",
        "Giang Thị Sen",
    ),
    (
        4,
        "Chổi đót",
        "Tổ hợp tác Chổi đót Xuân Đông",
        "cooperative_group",
        "Xã Xuân Đông",
        "Âu Văn Tám",
    ),
    (
        4,
        "Than hoạt tính gáo dừa",
        "Công ty TNHH Than Sạch Long Thành",
        "enterprise",
        "Xã Bình An",
        "Nghiêm Văn Tiến",
    ),
];

/// Jurors: name and the product groups they score.
const JURORS: [(&str, [i64; 2]); 6] = [
    ("Trần Minh Khoa", [1, 2]),
    ("Lê Thị Bảo Ngọc", [1, 2]),
    ("Nguyễn Hữu Phước", [1, 2]),
    ("Phạm Quốc Trung", [3, 4]),
    ("Võ Thị Thanh Hương", [3, 4]),
    ("Đặng Công Danh", [3, 4]),
];

/// Council members (the first chairs).
const COUNCIL: [&str; 5] = [
    "Huỳnh Văn Tấn",
    "Nguyễn Thị Kim Oanh",
    "Lê Hoàng Nam",
    "Bùi Văn Thiện",
    "Trịnh Thị Phương",
];

/// The official score (out of 100) each product earns, before each
/// juror's small difference: spread so that about half reach 70.
fn quality(i: usize) -> i64 {
    55 + ((i as i64 * 37) % 33)
}

/// One juror's difference from the official score, −3 to +3.
fn nuance(i: usize, juror: usize) -> i64 {
    ((i as i64 * 7 + juror as i64 * 13) % 7) - 3
}

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

async fn account(conn: &mut Conn, name: &str, email: &str, hash: &str, now: Timestamp) -> Result<UserId, AppError> {
    let id = UserId::new();
    users::insert_user(
        conn,
        &users::NewUser {
            id,
            name,
            email: Some(email),
            phone: None,
            password_hash: Some(hash),
            status: AccountStatus::Active,
            now,
        },
    )
    .await?;
    Ok(id)
}

async fn grant(
    conn: &mut Conn,
    user: UserId,
    role: Role,
    round: Option<RoundId>,
    by: UserId,
    now: Timestamp,
) -> Result<(), AppError> {
    users::grant_role(conn, user, &RoleGrant { role, round }, Some(by), now).await?;
    Ok(())
}

/// A round's settings through the same check as the round form.
fn settings(
    name: &str,
    year: i32,
    open: Timestamp,
    close: Timestamp,
    judging: Timestamp,
) -> Result<crate::domain::round::RoundSettings, AppError> {
    let form = RoundSettingsForm {
        name: name.to_owned(),
        year: year.to_string(),
        entries_open: open.vn_input_value(),
        entries_close: close.vn_input_value(),
        judging_close: judging.vn_input_value(),
        threshold: "70".into(),
        quorum_percent: "50".into(),
        majority_percent: "50".into(),
        tie_recognises: None,
        certificate_pattern: "{seq}/{year}/GCN-CNNT".into(),
        show_scores: Some("on".into()),
        score_step: "0,5".into(),
        spread_flag: "15".into(),
    };
    Ok(check_round_settings(&form)?)
}

fn day(text: &str) -> Result<Timestamp, AppError> {
    Ok(crate::domain::time::parse_vn_datetime("demo", text)?)
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
    let d = crate::service::council::vote::deliberation(conn, &round_record, None).await?;
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

/// A person as the server functions see them after sign-in.
async fn principal(state: &AppState, id: UserId) -> Result<Principal, AppError> {
    let mut conn = state.store.pool().acquire().await?;
    let user = users::get_user(&mut conn, id).await?.ok_or(AppError::Internal)?;
    Ok(Principal {
        id,
        name: user.name,
        grants: users::grants_of(&mut conn, id).await?,
        session_hash: String::new(),
        needs_second_factor: false,
    })
}

async fn manager(state: &AppState, who: &Principal, round: RoundId) -> Result<RoundManager, AppError> {
    let mut conn = state.store.pool().acquire().await?;
    crate::service::rounds::access::manage(who.clone(), &mut conn, &round.to_string()).await
}

/// The business profile of the `i`-th product, as its representative
/// would type it.
fn profile_form(i: usize) -> BusinessForm {
    let (_, _, business, form, commune, representative) = PRODUCTS[i];
    BusinessForm {
        business_name: business.to_owned(),
        legal_form: form.to_owned(),
        registration_number: format!("47{:08}", 1_000_000 + i * 7919),
        tax_code: format!("36{:08}", 2_000_000 + i * 104_729),
        province: "Đồng Nai".into(),
        commune: commune.to_owned(),
        street: format!("Số {}, ấp {}", 10 + i * 3, 1 + i % 6),
        representative: representative.to_owned(),
        position: match form {
            "enterprise" => "Giám đốc",
            "household" => "Chủ hộ",
            _ => "Chủ nhiệm",
        }
        .into(),
        business_phone: format!("09{:08}", 12_345_000 + i * 1_111),
        business_email: format!("coso{:02}@{DOMAIN}", i + 1),
    }
}

/// Forms 01 and 02 of a product, in plain words.
fn dossier(product: &str, group: i64) -> EntryForm {
    let lower = product.to_lowercase();
    EntryForm {
        product_name: product.to_owned(),
        is_set: None,
        set_items: String::new(),
        group: group.to_string(),
        description: format!(
            "{product} được làm thủ công theo cách truyền thống của địa phương, kết hợp máy móc ở các khâu nặng nhọc."
        ),
        materials: format!("Nguyên liệu cho {lower} lấy từ vùng nguyên liệu trong tỉnh, có hợp đồng thu mua ổn định."),
        process: "Sơ chế, tạo hình, hoàn thiện và kiểm tra chất lượng từng lô trước khi đóng gói.".into(),
        capacity: "Khoảng 2.000 sản phẩm mỗi tháng; doanh thu năm trước 1,2 tỷ đồng.".into(),
        markets: "Bán tại tỉnh, Thành phố Hồ Chí Minh và qua các sàn thương mại điện tử; đã xuất khẩu thử.".into(),
        workers: "12 lao động thường xuyên, thu nhập bình quân 7,5 triệu đồng mỗi tháng.".into(),
        environment: "Xử lý nước thải và chất thải rắn đúng quy định; tận dụng phụ phẩm.".into(),
        culture: "Sản phẩm mang nét văn hóa của vùng đất Đồng Nai, bao bì có câu chuyện sản phẩm.".into(),
        standards: "Tiêu chuẩn cơ sở; đang áp dụng ISO 9001:2015.".into(),
        awards: String::new(),
    }
}

fn comment_for(i: usize, juror: usize) -> String {
    const COMMENTS: [&str; 6] = [
        "Sản phẩm đẹp, đặc trưng địa phương; bao bì cần cải tiến.",
        "Chất lượng ổn định, nên đăng ký nhãn hiệu.",
        "Quy trình sản xuất tốt; cần mở rộng thị trường.",
        "Tính thẩm mỹ cao, giá thành còn cao.",
        "Nên bổ sung thông tin truy xuất nguồn gốc.",
        "Hồ sơ đầy đủ, sản phẩm có tiềm năng xuất khẩu.",
    ];
    COMMENTS[(i + juror) % COMMENTS.len()].to_owned()
}

/// A generated product photo (JPEG): a soft background in the group's
/// colour and a rounded "product" whose shape changes with the view
/// (front, side, top), different for every product.
fn picture(i: usize, group: i64, view: usize) -> Vec<u8> {
    let (w, h) = (640u32, 480u32);
    let base: [f32; 3] = match group {
        1 => [196.0, 120.0, 78.0],
        2 => [214.0, 168.0, 60.0],
        3 => [96.0, 118.0, 140.0],
        _ => [98.0, 150.0, 96.0],
    };
    let hue = (i as f32 * 0.61).fract();
    let object = [
        60.0 + 160.0 * hue,
        60.0 + 120.0 * (1.0 - hue),
        80.0 + 100.0 * (hue * 3.0).fract(),
    ];
    let (rx, ry) = match view {
        0 => (0.28, 0.36),
        1 => (0.20, 0.36),
        _ => (0.30, 0.30),
    };
    let image = image::RgbImage::from_fn(w, h, |x, y| {
        let (fx, fy) = (x as f32 / w as f32, y as f32 / h as f32);
        let dx = (fx - 0.5) / rx;
        let dy = (fy - 0.52) / ry * (h as f32 / w as f32).recip() * 0.75;
        let inside = dx * dx + dy * dy;
        let shade = 0.75 + 0.25 * (1.0 - fy);
        let colour = if inside <= 1.0 {
            let light = 1.0 - 0.35 * inside + 0.2 * (0.5 - fx);
            object.map(|c| c * light)
        } else {
            base.map(|c| c * shade + 40.0 * (1.0 - shade))
        };
        image::Rgb(colour.map(|c| c.clamp(0.0, 255.0) as u8))
    });
    let mut out = Vec::new();
    let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85);
    // An in-memory encode of a well-formed image cannot fail.
    let _ = image.write_with_encoder(encoder);
    out
}

/// A one-page PDF standing for a scanned registration certificate.
fn registration_pdf() -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ];
    let text = "BT /F1 18 Tf 72 760 Td (Giay chung nhan dang ky - ban minh hoa) Tj ET";
    let mut pdf = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (n, body) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.push_str(&format!("{} 0 obj\n{body}\nendobj\n", n + 1));
    }
    offsets.push(pdf.len());
    pdf.push_str(&format!(
        "5 0 obj\n<< /Length {} >>\nstream\n{text}\nendstream\nendobj\n",
        text.len()
    ));
    let xref = pdf.len();
    pdf.push_str(&format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1));
    for offset in offsets {
        pdf.push_str(&format!("{offset:010} 00000 n \n"));
    }
    pdf.push_str(&format!(
        "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ));
    pdf.into_bytes()
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
