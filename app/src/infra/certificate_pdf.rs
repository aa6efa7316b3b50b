//! The certificate of recognition as a PDF (A4, landscape), drawn with
//! krilla in Noto Serif (shipped in `app/assets/fonts`, subset to Latin and
//! Vietnamese, so every diacritic renders), with a QR code (qrcode) that
//! leads to the certificate's public verification page. It is an official
//! document: always in Vietnamese, whatever the page's language.

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};
use krilla::Document;

use crate::domain::time::Timestamp;

static REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSerif-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSerif-Bold.ttf");

/// A4 landscape, in points.
const WIDTH: f32 = 842.0;
const HEIGHT: f32 = 595.0;
const RED: (u8, u8, u8) = (138, 28, 28);
const INK: (u8, u8, u8) = (30, 30, 30);

/// What a certificate says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CertificateContent {
    /// The body that issued the decision, e.g. "Ủy ban nhân dân tỉnh Đồng Nai".
    pub issuer: String,
    /// The level, e.g. "Cấp tỉnh".
    pub level: String,
    /// The product's name, or the set's.
    pub product: String,
    /// For a set: its products.
    pub set_items: Vec<String>,
    /// The product group, e.g. "Nhóm 1: Thủ công mỹ nghệ".
    pub group: String,
    /// The business.
    pub business: String,
    /// Its address.
    pub address: String,
    /// The decision's number.
    pub decision_number: String,
    /// The day the decision was signed.
    pub decided_on: Timestamp,
    /// Who signed it.
    pub signer: String,
    /// The certificate's number.
    pub number: String,
    /// Its last valid instant.
    pub valid_until: Timestamp,
    /// Where the decision was made (the round's territory).
    pub place: String,
    /// The public page that checks it (the QR code's target).
    pub verify_url: String,
}

/// Why a certificate could not be drawn (a bug, never the user's input).
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// A shipped font did not load.
    #[error("the shipped font could not be read")]
    Font,
    /// The verification address is too long for a QR code.
    #[error("QR code: {0}")]
    Qr(String),
    /// krilla refused the document.
    #[error("PDF: {0}")]
    Pdf(String),
}

/// Measures text set in one font.
struct Metrics {
    face: ttf_parser::Face<'static>,
}

impl Metrics {
    fn new(data: &'static [u8]) -> Result<Self, RenderError> {
        Ok(Metrics {
            face: ttf_parser::Face::parse(data, 0).map_err(|_| RenderError::Font)?,
        })
    }

    /// The advance width of `text` at `size` points (no kerning: close
    /// enough to centre and wrap).
    fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text
            .chars()
            .map(|c| {
                self.face
                    .glyph_index(c)
                    .and_then(|g| self.face.glyph_hor_advance(g))
                    .map(u32::from)
                    .unwrap_or(0)
            })
            .sum();
        units as f32 * size / f32::from(self.face.units_per_em())
    }

    /// Breaks `text` into lines no wider than `max` at `size`, at spaces
    /// (a single word longer than a line is left whole).
    fn wrap(&self, text: &str, size: f32, max: f32) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if self.width(&candidate, size) <= max || line.is_empty() {
                line = candidate;
            } else {
                lines.push(std::mem::replace(&mut line, word.to_owned()));
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    }
}

struct Pen<'a, 'b> {
    surface: &'b mut Surface<'a>,
    regular: (Font, Metrics),
    bold: (Font, Metrics),
}

impl Pen<'_, '_> {
    fn color(&mut self, (r, g, b): (u8, u8, u8)) {
        self.surface.set_fill(Some(Fill {
            paint: rgb::Color::new(r, g, b).into(),
            opacity: NormalizedF32::ONE,
            rule: FillRule::default(),
        }));
    }

    /// Draws `text` centred on `x` with its baseline at `y`.
    fn centred(&mut self, text: &str, x: f32, y: f32, size: f32, bold: bool) {
        let (font, metrics) = if bold { &self.bold } else { &self.regular };
        let width = metrics.width(text, size);
        let font = font.clone();
        self.surface.draw_text(
            Point::from_xy(x - width / 2.0, y),
            font,
            size,
            text,
            false,
            TextDirection::Auto,
        );
    }

    /// Draws `text` wrapped to `max` wide, centred on `x`, the first
    /// baseline at `y`; at most `limit` lines (the last one ends in "…"
    /// when cut). Returns the baseline after the last line.
    #[allow(clippy::too_many_arguments)]
    fn paragraph(&mut self, text: &str, x: f32, y: f32, size: f32, bold: bool, max: f32, limit: usize) -> f32 {
        let metrics = if bold { &self.bold.1 } else { &self.regular.1 };
        let mut lines = metrics.wrap(text, size, max);
        if lines.len() > limit {
            lines.truncate(limit);
            if let Some(last) = lines.last_mut() {
                last.push('…');
            }
        }
        let leading = size * 1.35;
        let mut baseline = y;
        for line in &lines {
            self.centred(line, x, baseline, size, bold);
            baseline += leading;
        }
        baseline
    }

    fn frame(&mut self, inset: f32, width: f32) {
        let mut path = PathBuilder::new();
        if let Some(rect) = Rect::from_xywh(inset, inset, WIDTH - 2.0 * inset, HEIGHT - 2.0 * inset) {
            path.push_rect(rect);
        }
        if let Some(path) = path.finish() {
            self.surface.set_fill(None);
            self.surface.set_stroke(Some(Stroke {
                paint: rgb::Color::new(RED.0, RED.1, RED.2).into(),
                width,
                ..Stroke::default()
            }));
            self.surface.draw_path(&path);
            self.surface.set_stroke(None);
        }
    }

    fn rule(&mut self, x: f32, y: f32, half: f32) {
        let mut path = PathBuilder::new();
        path.move_to(x - half, y);
        path.line_to(x + half, y);
        if let Some(path) = path.finish() {
            self.surface.set_fill(None);
            self.surface.set_stroke(Some(Stroke {
                paint: rgb::Color::new(INK.0, INK.1, INK.2).into(),
                width: 0.7,
                ..Stroke::default()
            }));
            self.surface.draw_path(&path);
            self.surface.set_stroke(None);
        }
    }

    /// Draws the QR code of `data` with its top-left corner at (x, y).
    fn qr(&mut self, data: &str, x: f32, y: f32, size: f32) -> Result<(), RenderError> {
        let code = qrcode::QrCode::with_error_correction_level(data.as_bytes(), qrcode::EcLevel::M)
            .map_err(|e| RenderError::Qr(e.to_string()))?;
        let modules = code.width();
        let cell = size / modules as f32;
        let mut path = PathBuilder::new();
        for (i, color) in code.to_colors().into_iter().enumerate() {
            if color == qrcode::Color::Dark {
                let (col, row) = ((i % modules) as f32, (i / modules) as f32);
                if let Some(rect) = Rect::from_xywh(x + col * cell, y + row * cell, cell, cell) {
                    path.push_rect(rect);
                }
            }
        }
        if let Some(path) = path.finish() {
            self.color((0, 0, 0));
            self.surface.draw_path(&path);
        }
        Ok(())
    }
}

/// "ngày 15 tháng 11 năm 2026", as Vietnamese documents date themselves.
fn long_date(t: Timestamp) -> String {
    let d = t.vn_date();
    let parts: Vec<&str> = d.split('/').collect();
    match parts.as_slice() {
        [day, month, year] => format!("ngày {day} tháng {month} năm {year}"),
        _ => d,
    }
}

/// Draws the certificate.
pub fn render(c: &CertificateContent) -> Result<Vec<u8>, RenderError> {
    let regular = Font::new(REGULAR.into(), 0).ok_or(RenderError::Font)?;
    let bold = Font::new(BOLD.into(), 0).ok_or(RenderError::Font)?;
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(format!("Giấy chứng nhận số {}", c.number))
            .language("vi".into())
            .creator("Tiêu biểu".into()),
    );
    let settings = PageSettings::from_wh(WIDTH, HEIGHT).ok_or_else(|| RenderError::Pdf("page size".into()))?;
    let mut page = document.start_page_with(settings);
    let mut surface = page.surface();
    let mut pen = Pen {
        surface: &mut surface,
        regular: (regular, Metrics::new(REGULAR)?),
        bold: (bold, Metrics::new(BOLD)?),
    };
    pen.frame(18.0, 3.0);
    pen.frame(26.0, 0.8);

    let (left, middle, right) = (220.0, WIDTH / 2.0, 622.0);
    pen.color(INK);
    let after = pen.paragraph(&c.issuer.to_uppercase(), left, 66.0, 11.0, true, 330.0, 2);
    pen.rule(left, after - 8.0, 50.0);
    pen.centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", right, 66.0, 11.0, true);
    pen.centred("Độc lập - Tự do - Hạnh phúc", right, 81.0, 11.0, true);
    pen.rule(right, 88.0, 75.0);

    pen.color(RED);
    pen.centred("GIẤY CHỨNG NHẬN", middle, 150.0, 30.0, true);
    let subtitle = format!("SẢN PHẨM CÔNG NGHIỆP NÔNG THÔN TIÊU BIỂU {}", c.level.to_uppercase());
    pen.centred(&subtitle, middle, 177.0, 14.0, true);

    pen.color(INK);
    let intro = if c.set_items.is_empty() {
        "Chứng nhận sản phẩm"
    } else {
        "Chứng nhận bộ sản phẩm"
    };
    pen.centred(intro, middle, 212.0, 12.0, false);
    pen.color(RED);
    let mut y = pen.paragraph(&c.product, middle, 240.0, 19.0, true, 640.0, 2);
    pen.color(INK);
    if !c.set_items.is_empty() {
        y = pen.paragraph(
            &format!("gồm: {}", c.set_items.join("; ")),
            middle,
            y - 4.0,
            10.5,
            false,
            640.0,
            2,
        );
    }
    const GAP: f32 = 5.0;
    y += 4.0;
    y = pen.paragraph(&c.group, middle, y, 12.0, false, 640.0, 1) + GAP;
    y = pen.paragraph(&format!("Cơ sở: {}", c.business), middle, y, 12.5, true, 640.0, 2) + GAP;
    y = pen.paragraph(&format!("Địa chỉ: {}", c.address), middle, y, 11.5, false, 640.0, 2) + GAP;
    let decision = format!(
        "Được công nhận theo Quyết định số {} {} của {}.",
        c.decision_number,
        long_date(c.decided_on),
        c.issuer
    );
    y = pen.paragraph(&decision, middle, y, 11.5, false, 640.0, 2) + GAP;
    y = pen.paragraph(
        &format!("Số giấy chứng nhận: {}", c.number),
        middle,
        y + 4.0,
        12.5,
        true,
        640.0,
        1,
    ) + GAP;
    pen.paragraph(
        &format!("Giấy chứng nhận có giá trị đến hết ngày {}.", c.valid_until.vn_date()),
        middle,
        y,
        11.5,
        false,
        640.0,
        1,
    );

    // The check, bottom left; the place, date and signer, bottom right.
    pen.qr(&c.verify_url, 60.0, 452.0, 84.0)?;
    pen.color(INK);
    let check_x = 60.0 + 84.0 + 10.0;
    pen.surface.draw_text(
        Point::from_xy(check_x, 480.0),
        pen.regular.0.clone(),
        9.0,
        "Quét mã để kiểm tra giấy chứng nhận",
        false,
        TextDirection::Auto,
    );
    for (i, line) in pen
        .regular
        .1
        .wrap(&c.verify_url.replace('/', "/ "), 7.5, 200.0)
        .iter()
        .enumerate()
    {
        let text = line.replace("/ ", "/");
        pen.surface.draw_text(
            Point::from_xy(check_x, 494.0 + i as f32 * 10.0),
            pen.regular.0.clone(),
            7.5,
            &text,
            false,
            TextDirection::Auto,
        );
    }
    let dated = if c.place.trim().is_empty() {
        long_date(c.decided_on)
    } else {
        format!("{}, {}", c.place, long_date(c.decided_on))
    };
    pen.centred(&dated, right, 462.0, 11.5, false);
    pen.paragraph(&c.signer, right, 540.0, 12.0, true, 300.0, 2);

    surface.finish();
    page.finish();
    document.finish().map_err(|e| RenderError::Pdf(format!("{e:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> CertificateContent {
        CertificateContent {
            issuer: "Ủy ban nhân dân tỉnh Đồng Nai".into(),
            level: "Cấp tỉnh".into(),
            product: "Bình gốm men rạn Biên Hòa".into(),
            set_items: vec![],
            group: "Nhóm 1: Sản phẩm thủ công mỹ nghệ".into(),
            business: "Hộ kinh doanh Gốm Tân Vạn".into(),
            address: "Ấp 3, Xã Long Thọ, Đồng Nai".into(),
            decision_number: "1234/QĐ-UBND".into(),
            decided_on: Timestamp(1_795_000_000_000),
            signer: "Nguyễn Văn A, Phó Chủ tịch UBND tỉnh".into(),
            number: "001/2026/GCN-CNNT".into(),
            valid_until: Timestamp(1_893_430_799_000),
            place: "Đồng Nai".into(),
            verify_url: "https://tieubieu.example.vn/verify/001/2026/GCN-CNNT".into(),
        }
    }

    #[test]
    fn a_certificate_is_a_pdf_that_embeds_the_shipped_font() {
        let bytes = render(&sample()).unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
        assert!(
            bytes.len() < 200_000,
            "subset fonts keep it small: {} bytes",
            bytes.len()
        );
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("NotoSerif"), "the font is embedded");
    }

    #[test]
    fn every_vietnamese_letter_has_a_glyph_in_the_shipped_fonts() {
        let letters = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯưẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặẸẹẺẻẼẽẾếỀềỂểỄễỆệỈỉỊịỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợỤụỦủỨứỪừỬửỮữỰựỲỳỴỵỶỷỸỹ₫";
        for data in [REGULAR, BOLD] {
            let face = ttf_parser::Face::parse(data, 0).unwrap();
            for c in letters.chars() {
                assert!(face.glyph_index(c).is_some(), "no glyph for {c}");
            }
        }
    }

    #[test]
    fn long_text_wraps_and_dates_read_as_documents_write_them() {
        let metrics = Metrics::new(REGULAR).unwrap();
        let lines = metrics.wrap(&"Nước mắm cá cơm truyền thống ".repeat(10), 12.0, 300.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| metrics.width(l, 12.0) <= 300.0));
        assert_eq!(long_date(Timestamp(1_795_000_000_000)), "ngày 18 tháng 11 năm 2026");
    }
}
