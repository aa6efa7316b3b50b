//! Text for the few elements whose children Leptos 0.8 writes without
//! escaping them (`<textarea>`, `<title>`, `<script>`, `<style>`,
//! `<noscript>`): upstream treats their contents as raw text, so a value
//! holding `</textarea>` would end the element and the rest would be read
//! as markup. Text typed by a person reaches such an element only through
//! [`escaped`].

/// `text` made safe as the children of a raw-text element.
///
/// On the server the characters that could end the element or open markup
/// are written as character references; the browser decodes them back in a
/// `<textarea>` and a `<title>` (both parsed as escapable raw text), so the
/// person sees exactly what was typed. In the browser the text is set as
/// a DOM text node, which needs no escaping, so it stays as it is.
pub fn escaped(text: impl Into<String>) -> String {
    let text = text.into();
    #[cfg(feature = "ssr")]
    {
        html_escape::encode_text(&text).into_owned()
    }
    #[cfg(not(feature = "ssr"))]
    {
        text
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::escaped;

    #[test]
    fn markup_in_text_becomes_character_references() {
        assert_eq!(
            escaped("</textarea><script>a && b</script>"),
            "&lt;/textarea&gt;&lt;script&gt;a &amp;&amp; b&lt;/script&gt;"
        );
        assert_eq!(escaped("Bình gốm \"men rạn\""), "Bình gốm \"men rạn\"");
    }
}
