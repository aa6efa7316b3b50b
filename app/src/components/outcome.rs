//! What the decision made of an entry, in the words every page that shows
//! it uses: the council's page, the entrant's list and the feedback page.

use crate::i18n::I18n;

/// What the decision made of an entry, in words.
pub fn result_text(i18n: I18n, recognised: bool, nominated: bool) -> String {
    match (recognised, nominated) {
        (true, true) => i18n.t("council-result-nominated"),
        (true, false) => i18n.t("council-result-recognised"),
        _ => i18n.t("council-result-not-recognised"),
    }
}
