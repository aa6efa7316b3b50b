//! Photos and scanned documents are decoded and encoded again: that checks
//! they are whole (a truncated file does not decode), turns them the right
//! way up, and drops every piece of metadata (EXIF, GPS location
//! included). Photos get three sizes for slow connections.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageReader, Limits, RgbImage};

use crate::domain::upload::{FileType, UploadRefusal};

/// The sizes kept of a photo: longest side, JPEG quality.
const LARGE: (u32, u8) = (1920, 82);
const MEDIUM: (u32, u8) = (960, 78);
const THUMB: (u32, u8) = (320, 65);
/// Scans of documents keep more detail.
const DOCUMENT: (u32, u8) = (3000, 90);

/// A photo in its three sizes, as JPEG without metadata.
#[derive(Debug)]
pub struct ProcessedPhoto {
    /// Up to 1920 px.
    pub large: Vec<u8>,
    /// Up to 960 px.
    pub medium: Vec<u8>,
    /// Up to 320 px, for lists.
    pub thumb: Vec<u8>,
    /// Width of the large size.
    pub width: u32,
    /// Height of the large size.
    pub height: u32,
}

/// The most pixels a photo or scan may have: about 40 megapixels, more
/// than any phone camera takes. Checked from the file's header, before a
/// single pixel is decoded, so a small file that claims a huge picture
/// costs nothing.
pub const MAX_PIXELS: u64 = 40_000_000;

/// The most memory one decoding may take (a 40-megapixel picture in
/// 8-bit RGBA with room to spare; 16-bit pictures that large are refused).
const MAX_DECODE_BYTES: u64 = 200 * 1024 * 1024;

fn decode(bytes: &[u8]) -> Result<DynamicImage, UploadRefusal> {
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| UploadRefusal::Damaged)?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(12_000);
    limits.max_image_height = Some(12_000);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let refusal = |e: image::ImageError| match e {
        image::ImageError::Limits(_) => UploadRefusal::TooManyPixels,
        _ => UploadRefusal::Damaged,
    };
    let mut decoder = reader.into_decoder().map_err(refusal)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(UploadRefusal::TooManyPixels);
    }
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(refusal)?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// Flattens transparency onto white (JPEG has none), keeping 8 bits a
/// channel, and reusing the decoded buffer when it already is 8-bit RGB.
fn to_rgb(image: DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.into_rgb8();
    }
    let rgba = image.into_rgba8();
    let mut rgb = RgbImage::new(rgba.width(), rgba.height());
    for (x, y, p) in rgba.enumerate_pixels() {
        let alpha = u16::from(p[3]);
        let blend = |c: u8| ((u16::from(c) * alpha + 255 * (255 - alpha)) / 255) as u8;
        rgb.put_pixel(x, y, image::Rgb([blend(p[0]), blend(p[1]), blend(p[2])]));
    }
    rgb
}

/// The size that fits `longest` on the longer side, keeping the ratio.
fn fitted((w, h): (u32, u32), longest: u32) -> (u32, u32) {
    if w.max(h) <= longest {
        return (w, h);
    }
    let ratio = f64::from(longest) / f64::from(w.max(h));
    (
        ((f64::from(w) * ratio).round() as u32).max(1),
        ((f64::from(h) * ratio).round() as u32).max(1),
    )
}

/// `image` made to fit `longest`, filtered (bilinear, over the whole
/// footprint of each new pixel, so a large reduction does not alias) by
/// `fast_image_resize`'s SIMD convolution: about twenty times faster than
/// `image`'s own resize, which took most of a photo's cost.
fn downscale(image: &RgbImage, longest: u32) -> Result<Option<RgbImage>, UploadRefusal> {
    use fast_image_resize as fir;
    let (w, h) = image.dimensions();
    if w.max(h) <= longest {
        return Ok(None);
    }
    let (nw, nh) = fitted((w, h), longest);
    let source =
        fir::images::ImageRef::new(w, h, image.as_raw(), fir::PixelType::U8x3).map_err(|_| UploadRefusal::Damaged)?;
    let mut target = fir::images::Image::new(nw, nh, fir::PixelType::U8x3);
    let options = fir::ResizeOptions::new().resize_alg(fir::ResizeAlg::Convolution(fir::FilterType::Bilinear));
    fir::Resizer::new()
        .resize(&source, &mut target, &options)
        .map_err(|_| UploadRefusal::Damaged)?;
    RgbImage::from_raw(nw, nh, target.into_vec())
        .map(Some)
        .ok_or(UploadRefusal::Damaged)
}

/// Baseline JPEG with 4:2:0 chroma and Huffman tables fitted to the
/// picture, by `jpeg-encoder` (AVX2 where the processor has it): a
/// quarter of the time of `image`'s encoder, and smaller files.
fn encode(image: &RgbImage, quality: u8) -> Result<Vec<u8>, UploadRefusal> {
    let (Ok(width), Ok(height)) = (u16::try_from(image.width()), u16::try_from(image.height())) else {
        return Err(UploadRefusal::TooManyPixels);
    };
    let mut out = Vec::new();
    let mut encoder = jpeg_encoder::Encoder::new(&mut out, quality);
    encoder.set_optimized_huffman_tables(true);
    encoder
        .encode(image.as_raw(), width, height, jpeg_encoder::ColorType::Rgb)
        .map_err(|_| UploadRefusal::Damaged)?;
    Ok(out)
}

/// `image` fitted to `longest` and encoded, with its size.
fn jpeg(image: RgbImage, (longest, quality): (u32, u8)) -> Result<(Vec<u8>, RgbImage), UploadRefusal> {
    let image = downscale(&image, longest)?.unwrap_or(image);
    Ok((encode(&image, quality)?, image))
}

/// Decodes a photo and makes its three sizes, each from the one above it,
/// so only the decoded picture and one smaller copy are held at once.
pub fn process_photo(bytes: &[u8]) -> Result<ProcessedPhoto, UploadRefusal> {
    let rgb = to_rgb(decode(bytes)?);
    let (large, rgb) = jpeg(rgb, LARGE)?;
    let (width, height) = rgb.dimensions();
    let (medium, rgb) = jpeg(rgb, MEDIUM)?;
    let (thumb, _) = jpeg(rgb, THUMB)?;
    Ok(ProcessedPhoto {
        large,
        medium,
        thumb,
        width,
        height,
    })
}

/// Decodes a scanned document (JPEG or PNG) and encodes it again without
/// metadata: JPEG stays JPEG, PNG stays PNG (lossless).
pub fn clean_document_image(bytes: &[u8], file_type: FileType) -> Result<(Vec<u8>, u32, u32), UploadRefusal> {
    let image = decode(bytes)?;
    match file_type {
        FileType::Png => {
            let mut out = Vec::new();
            image
                .write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png)
                .map_err(|_| UploadRefusal::Damaged)?;
            Ok((out, image.width(), image.height()))
        }
        _ => {
            let (out, image) = jpeg(to_rgb(image), DOCUMENT)?;
            Ok((out, image.width(), image.height()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::codecs::jpeg::JpegEncoder;

    /// A JPEG with an EXIF block that holds a GPS position.
    pub fn jpeg_with_gps(width: u32, height: u32) -> Vec<u8> {
        let mut plain = Vec::new();
        // Smooth shading with a round shape, as a product on a table.
        let image = RgbImage::from_fn(width, height, |x, y| {
            let (fx, fy) = (x as f32 / width as f32, y as f32 / height as f32);
            let d = ((fx - 0.5).powi(2) + (fy - 0.5).powi(2)).sqrt();
            let inside = d < 0.3;
            let shade = (200.0 * (1.0 - fy * 0.5)) as u8;
            if inside {
                image::Rgb([160, (90.0 + 100.0 * fx) as u8, 40])
            } else {
                image::Rgb([shade, shade, (shade as f32 * 0.9) as u8])
            }
        });
        JpegEncoder::new_with_quality(&mut plain, 90)
            .encode_image(&image)
            .unwrap();
        // Insert an APP1 "Exif" segment right after SOI.
        let mut exif = b"Exif\0\0MM\0*\0\0\0\x08".to_vec();
        exif.extend_from_slice(b"GPSLatitude 10.9574N GPSLongitude 106.8426E");
        let length = (exif.len() + 2) as u16;
        let mut out = vec![0xFF, 0xD8, 0xFF, 0xE1];
        out.extend_from_slice(&length.to_be_bytes());
        out.extend_from_slice(&exif);
        out.extend_from_slice(&plain[2..]);
        out
    }

    #[test]
    fn photos_lose_their_metadata_and_get_three_sizes() {
        let original = jpeg_with_gps(2400, 1600);
        assert!(original.windows(11).any(|w| w == b"GPSLatitude"));
        let photo = process_photo(&original).unwrap();
        for bytes in [&photo.large, &photo.medium, &photo.thumb] {
            assert!(!bytes.windows(4).any(|w| w == b"Exif"), "no EXIF left");
            assert!(!bytes.windows(11).any(|w| w == b"GPSLatitude"));
        }
        assert_eq!((photo.width, photo.height), (1920, 1280));
        assert!(photo.thumb.len() < photo.medium.len() && photo.medium.len() < photo.large.len());
        assert!(photo.thumb.len() <= 15 * 1024, "thumbnail {} bytes", photo.thumb.len());
    }

    #[test]
    fn truncated_and_fake_images_are_damaged() {
        // A cut JPEG may still decode (the decoder fills in grey), so the
        // upload checks its end marker first.
        let original = jpeg_with_gps(200, 100);
        let cut = &original[..original.len() / 2];
        assert_eq!(
            crate::domain::upload::check_content(crate::domain::upload::FileKind::Photo, cut),
            Err(UploadRefusal::Damaged)
        );
        assert_eq!(
            process_photo(b"\xFF\xD8\xFFnot really a jpeg\xFF\xD9").unwrap_err(),
            UploadRefusal::Damaged
        );
        let mut png = Vec::new();
        DynamicImage::ImageRgb8(RgbImage::new(64, 64))
            .write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        assert_eq!(
            process_photo(&png[..png.len() - 20]).unwrap_err(),
            UploadRefusal::Damaged
        );
    }

    #[test]
    fn a_small_file_claiming_a_huge_picture_is_refused_before_decoding() {
        // 12000 x 11000 pixels of one colour compress to a few hundred KB.
        #[derive(Clone, Default)]
        struct Shared(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);
        impl std::io::Write for Shared {
            fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
                self.0.lock().unwrap().extend_from_slice(bytes);
                Ok(bytes.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let out = Shared::default();
        {
            let mut encoder = png::Encoder::new(out.clone(), 12_000, 11_000);
            encoder.set_color(png::ColorType::Grayscale);
            encoder.set_compression(png::Compression::Fast);
            let mut writer = encoder.write_header().unwrap().into_stream_writer().unwrap();
            let row = vec![200u8; 12_000];
            for _ in 0..11_000 {
                std::io::Write::write_all(&mut writer, &row).unwrap();
            }
            writer.finish().unwrap();
        }
        let png = out.0.lock().unwrap().clone();
        assert!(png.len() < 2 << 20, "{} bytes", png.len());
        assert_eq!(process_photo(&png).unwrap_err(), UploadRefusal::TooManyPixels);
        assert_eq!(
            clean_document_image(&png, FileType::Png).unwrap_err(),
            UploadRefusal::TooManyPixels
        );
    }

    #[test]
    fn a_large_photo_is_reduced_to_its_sizes() {
        let photo = process_photo(&jpeg_with_gps(6000, 4000)).unwrap();
        assert_eq!((photo.width, photo.height), (1920, 1280));
        let medium = image::load_from_memory(&photo.medium).unwrap();
        let thumb = image::load_from_memory(&photo.thumb).unwrap();
        assert_eq!((medium.width(), medium.height()), (960, 640));
        assert_eq!((thumb.width(), thumb.height()), (320, 213));
    }

    #[test]
    fn transparent_pngs_are_flattened_and_documents_keep_their_type() {
        let image = image::RgbaImage::from_pixel(40, 30, image::Rgba([0, 0, 0, 0]));
        let mut png = Vec::new();
        DynamicImage::ImageRgba8(image)
            .write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        let photo = process_photo(&png).unwrap();
        let decoded = image::load_from_memory(&photo.thumb).unwrap().to_rgb8();
        assert!(decoded.get_pixel(0, 0)[0] > 240, "transparent becomes white");
        let (cleaned, w, h) = clean_document_image(&png, FileType::Png).unwrap();
        assert_eq!(crate::domain::upload::sniff(&cleaned), Some(FileType::Png));
        assert_eq!((w, h), (40, 30));
    }
}
