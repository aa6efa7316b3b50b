//! The page shell and the routes.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

use crate::components::form::provide_form_memory;
use crate::components::layout::{Footer, Header, Session};
use crate::i18n::{provide_i18n, use_i18n, Lang};
use crate::pages::business::BusinessPage;
use crate::pages::catalogue::{CatalogueListPage, CatalogueProductPage};
use crate::pages::entry::EntryPage;
use crate::pages::entry_feedback::EntryFeedbackPage;
use crate::pages::geography::GeographyPage;
use crate::pages::judging::JudgingPage;
use crate::pages::my_entries::MyEntriesPage;
use crate::pages::results::ResultsPage;
use crate::pages::round_council::RoundCouncilPage;
use crate::pages::round_criteria::RoundCriteriaPage;
use crate::pages::round_jury::RoundJuryPage;
use crate::pages::round_new::NewRoundPage;
use crate::pages::round_nominations::RoundNominationsPage;
use crate::pages::round_page::RoundPage;
use crate::pages::round_people::RoundPeoplePage;
use crate::pages::round_report::RoundReportPage;
use crate::pages::round_screening::RoundScreeningPage;
use crate::pages::round_settings::RoundSettingsPage;
use crate::pages::rounds_list::RoundsPage;
use crate::pages::sheet::SheetPage;
use crate::pages::sheet_print::SheetPrintPage;
use crate::pages::sign_in_code::SignInCodePage;
use crate::pages::statistics::StatisticsPage;
use crate::pages::sub_criteria::SubCriteriaPage;
use crate::pages::two_step::TwoStepPage;
use crate::pages::verify::VerifyPage;
use crate::pages::{
    account::AccountPage, admin_accounts::AdminAccountsPage, admin_audit::AdminAuditPage,
    admin_outbox::AdminOutboxPage, forgot_password::ForgotPasswordPage, home::HomePage, invitation::InvitationPage,
    not_found::NotFound, password::PasswordPage, reset_password::ResetPasswordPage, setup::SetupPage,
    sign_in::SignInPage, sign_up::SignUpPage,
};

/// The language of the request being rendered (server) or of the page
/// being hydrated (browser, from `<html lang>`).
pub fn page_lang() -> Lang {
    #[cfg(feature = "ssr")]
    {
        crate::auth::request::cookie(crate::i18n::LANG_COOKIE)
            .and_then(|c| Lang::from_code(&c))
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        document()
            .document_element()
            .and_then(|e| e.get_attribute("lang"))
            .and_then(|code| Lang::from_code(&code))
            .unwrap_or_default()
    }
}

/// The messages islands compose in the browser (server only: the shell is
/// never rendered in the browser).
fn client_words(lang: Lang) -> String {
    #[cfg(feature = "ssr")]
    {
        crate::i18n::client_words(lang)
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = lang;
        String::new()
    }
}

/// The error of a failed plain post, as the server told it again, for the
/// page's islands (server only).
fn action_error() -> Option<(String, String)> {
    #[cfg(feature = "ssr")]
    {
        crate::components::form::action_error()
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

/// The HTML document around the application, rendered on the server.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = page_lang();
    let action_error = action_error().map(|(path, err)| {
        view! { <meta name=crate::components::form::ACTION_ERROR_META data-path=path content=err/> }
    });
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#8a1c1c"/>
                <meta name=crate::i18n::WORDS_META content=client_words(lang)/>
                {action_error}
                <link rel="stylesheet" href="/pkg/tieubieu.css"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <HydrationScripts options islands=true/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The application: header, the routed page, footer.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_i18n(page_lang());
    provide_form_memory();
    Session::provide();
    let i18n = use_i18n();
    let skip = i18n.t("skip-to-content");
    view! {
        <Title formatter=|text: String| if text.is_empty() {
            "Tiêu biểu".to_owned()
        } else {
            crate::components::raw_text::escaped(format!("{text} · Tiêu biểu"))
        }/>
        <Router>
            <a class="skip-link" href="#main">{skip}</a>
            <Header/>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                    <Route path=path!("/sign-up") view=SignUpPage ssr=SsrMode::Async/>
                    <Route path=path!("/sign-in") view=SignInPage ssr=SsrMode::Async/>
                    <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async/>
                    <Route path=path!("/account/password") view=PasswordPage ssr=SsrMode::Async/>
                    <Route path=path!("/account/two-step") view=TwoStepPage ssr=SsrMode::Async/>
                    <Route path=path!("/sign-in/code") view=SignInCodePage ssr=SsrMode::Async/>
                    <Route path=path!("/forgot-password") view=ForgotPasswordPage ssr=SsrMode::Async/>
                    <Route path=path!("/reset-password/:token") view=ResetPasswordPage ssr=SsrMode::Async/>
                    <Route path=path!("/setup/:token") view=SetupPage ssr=SsrMode::Async/>
                    <Route path=path!("/invitation/:token") view=InvitationPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/accounts") view=AdminAccountsPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/audit") view=AdminAuditPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/outbox") view=AdminOutboxPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/geography") view=GeographyPage ssr=SsrMode::Async/>
                    <Route path=path!("/business") view=BusinessPage ssr=SsrMode::Async/>
                    <Route path=path!("/entries") view=MyEntriesPage ssr=SsrMode::Async/>
                    <Route path=path!("/entries/:id") view=EntryPage ssr=SsrMode::Async/>
                    <Route path=path!("/entries/:id/feedback") view=EntryFeedbackPage ssr=SsrMode::Async/>
                    <Route path=path!("/verify") view=VerifyPage ssr=SsrMode::Async/>
                    <Route path=path!("/results/:id") view=ResultsPage ssr=SsrMode::Async/>
                    <Route path=path!("/catalogue") view=CatalogueListPage ssr=SsrMode::Async/>
                    <Route path=path!("/statistics") view=StatisticsPage ssr=SsrMode::Async/>
                    <Route path=path!("/catalogue/:id") view=CatalogueProductPage ssr=SsrMode::Async/>
                    <Route path=path!("/verify/*number") view=VerifyPage ssr=SsrMode::Async/>
                    <Route path=path!("/entries/:id/sheet") view=SheetPage ssr=SsrMode::Async/>
                    <Route path=path!("/entries/:id/sheet/print") view=SheetPrintPage ssr=SsrMode::Async/>
                    <Route path=path!("/judging") view=JudgingPage ssr=SsrMode::Async/>
                    <Route path=path!("/rounds") view=RoundsPage ssr=SsrMode::Async/>
                    <Route path=path!("/rounds/new") view=NewRoundPage ssr=SsrMode::Async/>
                    <Route path=path!("/rounds/:id") view=RoundPage ssr=SsrMode::Async/>
                    <Route path=path!("/rounds/:id/settings") view=RoundSettingsPage ssr=SsrMode::Async/>
                    <Route path=path!("/rounds/:id/criteria") view=RoundCriteriaPage ssr=SsrMode::Async/>
                    <Route path=path!("/rounds/:id/criteria/:group/:criterion") view=SubCriteriaPage ssr=SsrMode::Async/>
                    <Route path=path!("/rounds/:id/people") view=RoundPeoplePage ssr=SsrMode::Async/>
                    <Route path=path!("/rounds/:id/screening") view=RoundScreeningPage ssr=SsrMode::Async/>
                    <Route path=path!("/rounds/:id/jury") view=RoundJuryPage ssr=SsrMode::Async/>
                    <Route path=path!("/rounds/:id/report") view=RoundReportPage ssr=SsrMode::Async/>
                    <Route path=path!("/rounds/:id/council") view=RoundCouncilPage ssr=SsrMode::Async/>
                    <Route path=path!("/rounds/:id/nominations") view=RoundNominationsPage ssr=SsrMode::Async/>
                </Routes>
            </main>
            <Footer/>
        </Router>
    }
}
