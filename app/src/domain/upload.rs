//! Files of a dossier: what kinds there are, which file types each
//! accepts (judged by content, never by name), and what a file name may
//! be shown as. The bytes are checked here; decoding photos is the
//! server's job.

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

/// What a file is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FileKind {
    /// A colour photo of the product.
    Photo,
    /// A copy of the registration certificate (required).
    Registration,
    /// A certificate of the level below (region and national rounds).
    LowerCertificate,
    /// Any other document: quality, food safety, awards, test reports.
    Document,
}

impl FileKind {
    /// Every kind.
    pub const ALL: [FileKind; 4] = [
        FileKind::Photo,
        FileKind::Registration,
        FileKind::LowerCertificate,
        FileKind::Document,
    ];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            FileKind::Photo => "photo",
            FileKind::Registration => "registration",
            FileKind::LowerCertificate => "lower_certificate",
            FileKind::Document => "document",
        }
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<FileKind> {
        FileKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The types this kind accepts.
    pub fn accepts(self) -> &'static [FileType] {
        match self {
            FileKind::Photo => &[FileType::Jpeg, FileType::Png, FileType::Webp],
            _ => &[FileType::Pdf, FileType::Jpeg, FileType::Png],
        }
    }
}

/// A file type, recognised by its first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FileType {
    /// JPEG image.
    Jpeg,
    /// PNG image.
    Png,
    /// WebP image.
    Webp,
    /// PDF document.
    Pdf,
}

impl FileType {
    /// The media type it is served with.
    pub fn mime(self) -> &'static str {
        match self {
            FileType::Jpeg => "image/jpeg",
            FileType::Png => "image/png",
            FileType::Webp => "image/webp",
            FileType::Pdf => "application/pdf",
        }
    }

    /// Parses a stored media type.
    pub fn from_mime(mime: &str) -> Option<FileType> {
        [FileType::Jpeg, FileType::Png, FileType::Webp, FileType::Pdf]
            .into_iter()
            .find(|t| t.mime() == mime)
    }

    /// The name people know it by.
    pub fn label(self) -> &'static str {
        match self {
            FileType::Jpeg => "JPEG",
            FileType::Png => "PNG",
            FileType::Webp => "WebP",
            FileType::Pdf => "PDF",
        }
    }

    /// Whether it is an image.
    pub fn is_image(self) -> bool {
        !matches!(self, FileType::Pdf)
    }
}

/// Recognises a file by its first bytes (magic numbers).
pub fn sniff(head: &[u8]) -> Option<FileType> {
    if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(FileType::Jpeg)
    } else if head.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        Some(FileType::Png)
    } else if head.len() >= 12 && &head[0..4] == b"RIFF" && &head[8..12] == b"WEBP" {
        Some(FileType::Webp)
    } else if head.starts_with(b"%PDF-") {
        Some(FileType::Pdf)
    } else {
        None
    }
}

/// Why a file is refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum UploadRefusal {
    /// The file is empty.
    #[error("empty file")]
    Empty,
    /// The file is larger than the cap (bytes).
    #[error("file too large")]
    TooLarge {
        /// The cap, in bytes.
        max: u64,
    },
    /// The entry's files together would pass the cap (bytes).
    #[error("entry too large")]
    EntryTooLarge {
        /// The cap, in bytes.
        max: u64,
    },
    /// Not a type this kind accepts; lists what is.
    #[error("type not accepted")]
    TypeNotAccepted {
        /// What is accepted.
        accepted: Vec<FileType>,
    },
    /// The file is damaged or cut short.
    #[error("damaged file")]
    Damaged,
    /// The picture is too big to handle (pixels).
    #[error("image too large")]
    TooManyPixels,
    /// Too many files of this kind.
    #[error("too many files")]
    TooManyFiles {
        /// The most allowed.
        max: usize,
    },
    /// The entry cannot change now.
    #[error("entry locked")]
    EntryLocked,
    /// The upload could not be read (a part's headers were malformed,
    /// for example a file name with characters a browser should not send).
    #[error("unreadable upload")]
    Unreadable,
    /// The server had too many pictures waiting to be processed: the file
    /// was not kept; try again in a few seconds.
    #[error("server busy")]
    Busy,
    /// The business's files, across all its entries, would pass its quota.
    #[error("business quota reached")]
    BusinessFull {
        /// The quota, in bytes.
        max: u64,
    },
}

/// The most files of one kind in an entry.
pub const MAX_FILES_PER_KIND: usize = 20;

/// Checks a file's type against its kind and whole bytes for the
/// structural signs of a complete file (a JPEG ends with its end marker, a
/// PDF with `%%EOF`). Images are decoded afterwards by the server.
pub fn check_content(kind: FileKind, bytes: &[u8]) -> Result<FileType, UploadRefusal> {
    let tail = &bytes[bytes.len().saturating_sub(CONTENT_TAIL)..];
    check_content_ends(kind, bytes.len() as u64, bytes, tail)
}

/// How many of a file's first bytes [`check_content_ends`] reads.
pub const CONTENT_HEAD: usize = 16;

/// How many of a file's last bytes [`check_content_ends`] reads (a JPEG
/// padded with more zeros than this reads as damaged).
pub const CONTENT_TAIL: usize = 64 * 1024;

/// [`check_content`] from a file's `size`, its first bytes (at least
/// [`CONTENT_HEAD`] of them when it has so many) and its last bytes (up to
/// [`CONTENT_TAIL`]), for a file that is kept on disk, not in memory.
pub fn check_content_ends(kind: FileKind, size: u64, head: &[u8], tail: &[u8]) -> Result<FileType, UploadRefusal> {
    if size == 0 {
        return Err(UploadRefusal::Empty);
    }
    let file_type =
        sniff(head)
            .filter(|t| kind.accepts().contains(t))
            .ok_or_else(|| UploadRefusal::TypeNotAccepted {
                accepted: kind.accepts().to_vec(),
            })?;
    let last = |n: usize| &tail[tail.len().saturating_sub(n)..];
    let complete = match file_type {
        FileType::Jpeg => {
            // The end-of-image marker, possibly followed by padding.
            tail.iter()
                .rposition(|b| *b != 0)
                .is_some_and(|i| tail[..=i].ends_with(&[0xFF, 0xD9]))
        }
        FileType::Pdf => last(2048).windows(5).any(|w| w == b"%%EOF"),
        FileType::Png | FileType::Webp => true,
    };
    if complete {
        Ok(file_type)
    } else {
        Err(UploadRefusal::Damaged)
    }
}

/// Checks sizes before storing: the file against the per-file cap and the
/// entry's total (with this file) against the per-entry cap.
pub fn check_sizes(file: u64, entry_total: u64, max_file: u64, max_entry: u64) -> Result<(), UploadRefusal> {
    if file == 0 {
        return Err(UploadRefusal::Empty);
    }
    if file > max_file {
        return Err(UploadRefusal::TooLarge { max: max_file });
    }
    if entry_total.saturating_add(file) > max_entry {
        return Err(UploadRefusal::EntryTooLarge { max: max_entry });
    }
    Ok(())
}

/// The name a file is shown under: its last path component only, in NFC,
/// without control characters, at most 120 characters; `tệp` when nothing
/// is left. It is only ever displayed; files are stored by content hash.
pub fn display_name(raw: &str) -> String {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last
        .nfc()
        .filter(|c| !c.is_control() && !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').trim();
    let short: String = cleaned.chars().take(120).collect();
    if short.is_empty() {
        "tệp".to_owned()
    } else {
        short
    }
}

/// Bytes as people read them: `9,5 MB`, `120 KB`.
pub fn format_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!(
            "{} MB",
            super::number::format_decimal(bytes as f64 / (1024.0 * 1024.0), 1)
        )
    } else {
        format!("{} KB", (bytes as f64 / 1024.0).ceil() as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F', b'I', b'F', 0, 0xFF, 0xD9];

    #[test]
    fn files_are_recognised_by_content_not_name() {
        assert_eq!(sniff(JPEG), Some(FileType::Jpeg));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Some(FileType::Png));
        assert_eq!(sniff(b"RIFF\x00\x00\x00\x00WEBPVP8 "), Some(FileType::Webp));
        assert_eq!(sniff(b"%PDF-1.7\n"), Some(FileType::Pdf));
        assert_eq!(sniff(b"MZ\x90\x00 a renamed .exe"), None);
        assert_eq!(
            sniff(b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"),
            None
        );
        assert_eq!(sniff(b"GIF89a"), None);
    }

    #[test]
    fn each_kind_accepts_its_types_and_names_them_when_refusing() {
        assert_eq!(check_content(FileKind::Photo, JPEG), Ok(FileType::Jpeg));
        assert_eq!(
            check_content(FileKind::Photo, b"%PDF-1.4\n%%EOF"),
            Err(UploadRefusal::TypeNotAccepted {
                accepted: vec![FileType::Jpeg, FileType::Png, FileType::Webp]
            })
        );
        assert_eq!(
            check_content(FileKind::Registration, b"%PDF-1.4\n...\n%%EOF\n"),
            Ok(FileType::Pdf)
        );
        assert!(matches!(
            check_content(FileKind::Document, b"MZ\x90\x00"),
            Err(UploadRefusal::TypeNotAccepted { .. })
        ));
        assert_eq!(check_content(FileKind::Photo, b""), Err(UploadRefusal::Empty));
    }

    #[test]
    fn cut_short_files_are_damaged() {
        assert_eq!(
            check_content(FileKind::Photo, &JPEG[..JPEG.len() - 2]),
            Err(UploadRefusal::Damaged)
        );
        let mut padded = JPEG.to_vec();
        padded.extend_from_slice(&[0, 0, 0]);
        assert_eq!(check_content(FileKind::Photo, &padded), Ok(FileType::Jpeg));
        assert_eq!(
            check_content(FileKind::Document, b"%PDF-1.4\n1 0 obj"),
            Err(UploadRefusal::Damaged)
        );
    }

    #[test]
    fn a_file_on_disk_is_checked_by_its_first_and_last_bytes() {
        // A large PDF: its head and the end of its tail decide.
        let mut pdf = b"%PDF-1.7\n".to_vec();
        pdf.resize(300_000, b'x');
        pdf.extend_from_slice(b"\n%%EOF\n");
        let tail = &pdf[pdf.len() - CONTENT_TAIL..];
        assert_eq!(
            check_content_ends(FileKind::Document, pdf.len() as u64, &pdf[..CONTENT_HEAD], tail),
            Ok(FileType::Pdf)
        );
        assert_eq!(
            check_content(FileKind::Document, &pdf),
            Ok(FileType::Pdf),
            "the same from memory"
        );
        assert_eq!(
            check_content_ends(FileKind::Document, 300_000, &pdf[..CONTENT_HEAD], &pdf[..CONTENT_TAIL]),
            Err(UploadRefusal::Damaged),
            "cut off before its end"
        );
        // A JPEG followed by nothing but padding reads as damaged.
        assert_eq!(
            check_content_ends(FileKind::Photo, 70_000, JPEG, &[0; CONTENT_TAIL]),
            Err(UploadRefusal::Damaged)
        );
        assert_eq!(
            check_content_ends(FileKind::Photo, 0, b"", b""),
            Err(UploadRefusal::Empty)
        );
    }

    #[test]
    fn sizes_are_capped_per_file_and_per_entry() {
        let mb = 1024 * 1024;
        assert_eq!(check_sizes(5 * mb, 50 * mb, 10 * mb, 60 * mb), Ok(()));
        assert_eq!(
            check_sizes(200 * mb, 0, 10 * mb, 60 * mb),
            Err(UploadRefusal::TooLarge { max: 10 * mb })
        );
        assert_eq!(
            check_sizes(9 * mb, 55 * mb, 10 * mb, 60 * mb),
            Err(UploadRefusal::EntryTooLarge { max: 60 * mb })
        );
        assert_eq!(check_sizes(0, 0, 10, 10), Err(UploadRefusal::Empty));
    }

    #[test]
    fn names_are_only_shown_and_cleaned() {
        assert_eq!(display_name("../../etc/passwd"), "passwd");
        assert_eq!(display_name("C:\\Users\\lan\\ảnh mặt trước.jpg"), "ảnh mặt trước.jpg");
        assert_eq!(display_name("a\u{0}b\nc.jpg"), "abc.jpg");
        assert_eq!(display_name("..."), "tệp");
        assert_eq!(display_name("a\u{202E}gpj.exe"), "agpj.exe");
        let nfd = "a\u{300}nh.jpg";
        assert_eq!(display_name(nfd), "ành.jpg");
        assert_eq!(display_name(&"x".repeat(500)).chars().count(), 120);
    }

    #[test]
    fn sizes_read_the_vietnamese_way() {
        assert_eq!(format_size(10 * 1024 * 1024), "10 MB");
        assert_eq!(format_size(9_961_472), "9,5 MB");
        assert_eq!(format_size(2000), "2 KB");
    }
}
