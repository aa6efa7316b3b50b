//! The demonstration's files: generated product pictures and a small
//! registration certificate PDF, so every dossier carries real uploads.

/// A generated product photo (JPEG): a soft background in the group's
/// colour and a rounded "product" whose shape changes with the view
/// (front, side, top), different for every product.
pub(super) fn picture(i: usize, group: i64, view: usize) -> Vec<u8> {
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
pub(super) fn registration_pdf() -> Vec<u8> {
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
