//! The public check of a certificate (`/verify/<number>`, the target of
//! its QR code, or `/verify?number=`): valid, expired or revoked, and what
//! it certifies. Server-rendered; the search form is a plain GET form.
//! Administrators revoke a certificate here, with a reason.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::verify::{verify_certificate, CertificateCheck, RevokeCertificate, VerifyAnswer, VerifyOutcome};
use crate::components::form::{field_errors, notice_is, percent_decode, FormStatus, TextArea};
use crate::components::status::{LoadError, Loading};
use crate::domain::certificate::CertificateStatus;
use crate::i18n::{use_i18n, Arg};

/// The verification page.
#[component]
pub fn VerifyPage() -> impl IntoView {
    let i18n = use_i18n();
    let from_path = use_params_map().with_untracked(|p| p.get("number"));
    let from_query = use_query_map().with_untracked(|q| q.get("number"));
    // A path keeps `+` as itself; only `%XX` escapes are decoded.
    let number = from_path
        .map(|n| percent_decode(&n.replace('+', "%2B")))
        .or(from_query)
        .unwrap_or_default();
    let answer = Resource::new(move || number.clone(), verify_certificate);
    let revoke = ServerAction::<RevokeCertificate>::new();
    view! {
        <Title text=i18n.t("verify-title")/>
        <h1>{i18n.t("verify-title")}</h1>
        <p class="lead">{i18n.t("verify-lead")}</p>
        <FormStatus action=revoke notice=notice_is("certificate-revoked") success_key="notice-certificate-revoked"/>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match answer.await {
                    Ok(a) => view! { <AnswerView a revoke/> }.into_any(),
                    Err(error) => view! { <LoadError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn AnswerView(a: VerifyAnswer, revoke: ServerAction<RevokeCertificate>) -> impl IntoView {
    let i18n = use_i18n();
    let query = a.query.clone();
    let result = match a.outcome {
        VerifyOutcome::Empty => None,
        VerifyOutcome::Malformed => {
            Some(view! { <p class="alert alert-warning" role="status">{i18n.t("verify-malformed")}</p> }.into_any())
        }
        VerifyOutcome::NotFound => Some(
            view! {
                <p class="alert alert-warning" role="status">
                    {i18n.t_with("verify-not-found", &[("number", Arg::Text(query.clone()))])}
                </p>
            }
            .into_any(),
        ),
        VerifyOutcome::Found(c) => Some(view! { <Found c=*c can_revoke=a.can_revoke revoke/> }.into_any()),
    };
    view! {
        <form method="get" action="/verify" class="form-row" role="search">
            <div class="field">
                <label for="f-number">{i18n.t("field-certificate-number")}</label>
                <input id="f-number" name="number" type="text" value=query maxlength=100 autocomplete="off"/>
            </div>
            <button type="submit" class="button">{i18n.t("verify-submit")}</button>
        </form>
        {result}
    }
}

#[component]
fn Found(c: CertificateCheck, can_revoke: bool, revoke: ServerAction<RevokeCertificate>) -> impl IntoView {
    let i18n = use_i18n();
    let (class, key) = match c.status {
        CertificateStatus::Valid => ("status status-active", "verify-valid"),
        CertificateStatus::Expired => ("status", "verify-expired"),
        CertificateStatus::Revoked => ("status status-failed", "verify-revoked"),
    };
    let decision = i18n.t_with(
        "verify-decision",
        &[
            ("number", Arg::Text(c.decision_number.clone())),
            ("date", Arg::Text(c.decided_on.vn_date())),
            ("issuer", Arg::Text(c.issuer.clone())),
        ],
    );
    let is_set = !c.set_items.is_empty();
    let errors = field_errors(revoke);
    let number = c.number.clone();
    let revoke_form = (can_revoke && c.status != CertificateStatus::Revoked).then(move || {
        view! {
            <details class="record-conflict">
                <summary>{i18n.t("verify-revoke")}</summary>
                <ActionForm action=revoke>
                    <input type="hidden" name="number" value=number/>
                    <TextArea name="reason" label=i18n.t("field-revoke-reason") errors required=true maxlength=1000 rows=2/>
                    <button type="submit" class="button button-danger">{i18n.t("verify-revoke-submit")}</button>
                </ActionForm>
            </details>
        }
    });
    view! {
        <section class="card verify-result" aria-labelledby="verify-heading">
            <h2 id="verify-heading">{i18n.t_with("verify-heading", &[("number", Arg::Text(c.number.clone()))])}</h2>
            <p><span class=class>{i18n.t(key)}</span></p>
            <dl class="facts">
                <dt>{if is_set { i18n.t("verify-set") } else { i18n.t("verify-product") }}</dt>
                <dd>
                    <strong>{c.product.clone()}</strong>
                    {is_set.then(|| view! { <br/>{i18n.t_with("verify-set-items", &[("items", Arg::Text(c.set_items.join("; ")))])} })}
                </dd>
                {c.group.clone().map(|(number, name)| view! {
                    <dt>{i18n.t("verify-group")}</dt>
                    <dd>{format!("{number}. {}", name.get(i18n.lang))}</dd>
                })}
                <dt>{i18n.t("verify-business")}</dt>
                <dd>{c.business.clone()}{(!c.province.is_empty()).then(|| format!(" ({})", c.province))}</dd>
                <dt>{i18n.t("verify-level")}</dt>
                <dd>{format!("{} · {}", c.level.get(i18n.lang), c.territory.get(i18n.lang))}</dd>
                <dt>{i18n.t("verify-decision-label")}</dt>
                <dd>{decision}</dd>
                <dt>{i18n.t("verify-issued")}</dt>
                <dd>{c.issued_at.vn_date()}</dd>
                <dt>{i18n.t("verify-valid-until")}</dt>
                <dd>{c.valid_until.vn_date()}</dd>
                {c.revoked.clone().map(|(at, reason)| view! {
                    <dt>{i18n.t("verify-revoked-on")}</dt>
                    <dd class="message-text">{at.vn_date()}": "{reason}</dd>
                })}
            </dl>
            {revoke_form}
        </section>
    }
}
