//! What the demonstration is made of: its 40 products and their businesses,
//! jurors, council, the round's calendar, the dossiers' text, the sheets'
//! points and comments. All made up; the names are common Vietnamese names.

use super::DOMAIN;
use crate::domain::business::BusinessForm;
use crate::domain::entry::EntryForm;
use crate::domain::round::{check_round_settings, RoundSettingsForm};
use crate::domain::time::Timestamp;
use crate::error::AppError;

/// One product of the demonstration: group, product, business, legal form
/// (code), commune, representative.
pub(super) type Product = (
    i64,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

/// The 40 entries, in the four product groups.
pub(super) const PRODUCTS: [Product; 40] = [
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
pub(super) const JURORS: [(&str, [i64; 2]); 6] = [
    ("Trần Minh Khoa", [1, 2]),
    ("Lê Thị Bảo Ngọc", [1, 2]),
    ("Nguyễn Hữu Phước", [1, 2]),
    ("Phạm Quốc Trung", [3, 4]),
    ("Võ Thị Thanh Hương", [3, 4]),
    ("Đặng Công Danh", [3, 4]),
];

/// Council members (the first chairs).
pub(super) const COUNCIL: [&str; 5] = [
    "Huỳnh Văn Tấn",
    "Nguyễn Thị Kim Oanh",
    "Lê Hoàng Nam",
    "Bùi Văn Thiện",
    "Trịnh Thị Phương",
];

/// The official score (out of 100) each product earns, before each
/// juror's small difference: spread so that about half reach 70.
pub(super) fn quality(i: usize) -> i64 {
    55 + ((i as i64 * 37) % 33)
}

/// One juror's difference from the official score, −3 to +3.
pub(super) fn nuance(i: usize, juror: usize) -> i64 {
    ((i as i64 * 7 + juror as i64 * 13) % 7) - 3
}

/// A round's settings through the same check as the round form.
pub(super) fn settings(
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

pub(super) fn day(text: &str) -> Result<Timestamp, AppError> {
    Ok(crate::domain::time::parse_vn_datetime("demo", text)?)
}

/// The business profile of the `i`-th product, as its representative
/// would type it.
pub(super) fn profile_form(i: usize) -> BusinessForm {
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
pub(super) fn dossier(product: &str, group: i64) -> EntryForm {
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

pub(super) fn comment_for(i: usize, juror: usize) -> String {
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
