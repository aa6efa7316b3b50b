//! The frame of every page: header with navigation and the language
//! switch, footer, and the session context the header reads.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::api::session::{current_user, SignOut, SignedInUser};
use crate::error::AppError;
use crate::i18n::{use_i18n, Lang};

/// The signed-in person, shared by the whole page (rendered on the
/// server; signing in or out loads a new page).
#[derive(Clone, Copy)]
pub struct Session {
    /// Who is signed in.
    pub user: Resource<Result<Option<SignedInUser>, AppError>>,
}

impl Session {
    /// Creates the session context for the page.
    pub fn provide() -> Session {
        let session = Session {
            user: Resource::new(|| (), |()| current_user()),
        };
        provide_context(session);
        session
    }
}

/// The session context.
pub fn use_session() -> Session {
    expect_context::<Session>()
}

/// The top of every page.
#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let sign_out = ServerAction::<SignOut>::new();
    view! {
        <header class="site-header">
            <div class="header-inner">
                <a class="brand" href="/">
                    <span class="brand-mark" aria-hidden="true">"★"</span>
                    <span class="brand-name">"Tiêu biểu"</span>
                </a>
                <nav class="main-nav" aria-label=i18n.t("nav-label")>
                    <Transition fallback=|| ()>
                        {move || Suspend::new(async move {
                            let user = session.user.await.ok().flatten();
                            match user {
                                Some(user) => view! {
                                    <ul>
                                        <li><a href="/entries">{i18n.t("nav-entries")}</a></li>
                                        {user.roles.iter().any(|g| g.role == crate::domain::role::Role::Juror).then(|| view! {
                                            <li><a href="/judging">{i18n.t("nav-judging")}</a></li>
                                        })}
                                        <li><a href="/account">{i18n.t("nav-account")}</a></li>
                                        {(user.is_admin || user.roles.iter().any(|g| g.round.is_some())).then(|| view! {
                                            <li><a href="/rounds">{i18n.t("nav-rounds")}</a></li>
                                        })}
                                        {user.is_admin.then(|| view! {
                                            <li><a href="/admin/accounts">{i18n.t("nav-admin-accounts")}</a></li>
                                            <li><a href="/admin/audit">{i18n.t("nav-admin-audit")}</a></li>
                                            <li><a href="/admin/outbox">{i18n.t("nav-admin-outbox")}</a></li>
                                        })}
                                        <li>
                                            <ActionForm action=sign_out>
                                                <button type="submit" class="link-button">{i18n.t("nav-sign-out")}</button>
                                            </ActionForm>
                                        </li>
                                    </ul>
                                }.into_any(),
                                None => view! {
                                    <ul>
                                        <li><a href="/sign-in">{i18n.t("nav-sign-in")}</a></li>
                                        <li><a href="/sign-up" class="nav-cta">{i18n.t("nav-sign-up")}</a></li>
                                    </ul>
                                }.into_any(),
                            }
                        })}
                    </Transition>
                </nav>
                <LanguageSwitch/>
            </div>
        </header>
    }
}

/// Two buttons that post the chosen language to `/lang` (a plain form,
/// so it works without JavaScript) and come back to this page.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let back = move || {
        let search = location.search.get();
        if search.is_empty() {
            location.pathname.get()
        } else {
            format!("{}?{}", location.pathname.get(), search)
        }
    };
    view! {
        <form class="lang-switch" method="post" action="/lang">
            <input type="hidden" name="back" value=back/>
            <span class="visually-hidden">{i18n.t("lang-label")}</span>
            {Lang::ALL
                .into_iter()
                .map(|lang| {
                    let current = lang == i18n.lang;
                    view! {
                        <button
                            type="submit"
                            name="lang"
                            value=lang.code()
                            lang=lang.code()
                            aria-pressed=if current { "true" } else { "false" }
                            class:current=current
                        >
                            {lang.native_name()}
                        </button>
                    }
                })
                .collect_view()}
        </form>
    }
}

/// The bottom of every page.
#[component]
pub fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="site-footer">
            <p>{i18n.t("footer-about")}</p>
            <p class="footer-small">{i18n.t("footer-legal")}</p>
        </footer>
    }
}
