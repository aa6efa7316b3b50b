//! The nomination page of a decided round (its secretariat): the entries
//! the council nominated, each with its score and certificate; a form that
//! sends the chosen ones to a round of a higher level in this installation;
//! and the nomination package (ZIP) for a round run elsewhere.
//! Server-rendered: the form is a plain form.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;

use crate::api::nominations::{get_nominations_page, CarriedCertificate, NominationsPage, NomineeRow, SendNominations};
use crate::components::form::{field_errors, notice_is, remembered, Choice, FormStatus, Select};
use crate::components::status::{LoadError, Loading};
use crate::domain::certificate::CertificateStatus;
use crate::i18n::Tell;
use crate::i18n::{use_i18n, Arg, I18n};
use crate::pages::round_page::{round_param, RoundNav};

/// "Nominated by <round>: certificate no. N, valid until dd/mm/yyyy", with
/// the certificate's status when it is no longer valid.
pub fn carried_text(i18n: I18n, c: &CarriedCertificate) -> String {
    let text = i18n.t_with(
        "nomination-carried",
        &[
            ("round", Arg::Text(c.round_name.clone())),
            ("number", Arg::Text(c.number.clone())),
            ("until", Arg::Text(c.valid_until.vn_date())),
        ],
    );
    match c.status {
        CertificateStatus::Valid => text,
        CertificateStatus::Expired => format!("{text} — {}", i18n.t("verify-expired")),
        CertificateStatus::Revoked => format!("{text} — {}", i18n.t("verify-revoked")),
    }
}

/// The nomination page.
#[component]
pub fn RoundNominationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = round_param();
    let round = id.clone();
    let page = Resource::new(move || round.clone(), get_nominations_page);
    let action = ServerAction::<SendNominations>::new();
    view! {
        <Title text=i18n.t("nominations-title")/>
        <p class="breadcrumb"><a href="/rounds">{i18n.t("rounds-title")}</a></p>
        <h1>{i18n.t("nominations-title")}</h1>
        <RoundNav id=id.clone() current="/nominations"/>
        <FormStatus action notice=notice_is("nominations-sent") success_key="notice-nominations-sent"/>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(p) => view! { <NominationsView p action/> }.into_any(),
                    Err(error) => view! { <LoadError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn row_view(i18n: I18n, r: &NomineeRow, can_send: bool) -> impl IntoView {
    let box_id = format!("nominee-{}", r.entry);
    let sendable = can_send && r.refusal.is_none();
    let certificate = r.certificate.as_ref().map(|c| {
        let status = match c.status {
            CertificateStatus::Valid => None,
            CertificateStatus::Expired => Some(i18n.t("verify-expired")),
            CertificateStatus::Revoked => Some(i18n.t("verify-revoked")),
        };
        view! {
            {c.number.clone()}<br/>
            <span class="hint">{i18n.t_with("nomination-valid-until", &[("until", Arg::Text(c.valid_until.vn_date()))])}</span>
            {status.map(|s| view! { " "<span class="status status-failed">{s}</span> })}
        }
    });
    let standing = match (&r.sent, r.refusal) {
        (Some(s), _) => view! {
            <span class="status status-active">{i18n.t_with(
                "nomination-sent-to",
                &[("round", Arg::Text(s.round_name.clone())), ("date", Arg::Text(s.at.vn_date()))],
            )}</span>
        }
        .into_any(),
        (None, Some(refusal)) => view! { <span class="status">{refusal.tell(i18n)}</span> }.into_any(),
        (None, None) => view! { <span class="status status-pending">{i18n.t("nomination-not-sent")}</span> }.into_any(),
    };
    let label = format!("{} {}", r.code, r.product);
    view! {
        <tr>
            <td>
                {sendable.then(|| view! {
                    <input type="checkbox" id=box_id.clone() name="entries[]" value=r.entry.to_string() checked=true
                        aria-label=i18n.t_with("nomination-choose", &[("entry", Arg::Text(label.clone()))])/>
                })}
            </td>
            <td>{r.code.clone()}</td>
            <td>{r.product.clone()}<br/><span class="hint">{r.business.clone()}</span></td>
            <td>{r.group.map(|g| g.to_string()).unwrap_or_default()}</td>
            <td class="num">{r.score.map(|m| m.rounded().display()).unwrap_or_else(|| "—".into())}</td>
            <td>{certificate}</td>
            <td>{standing}</td>
        </tr>
    }
}

#[component]
fn NominationsView(p: NominationsPage, action: ServerAction<SendNominations>) -> impl IntoView {
    let i18n = use_i18n();
    if let Some(refusal) = p.refusal {
        return view! { <p class="empty">{refusal.tell(i18n)}</p> }.into_any();
    }
    let errors = field_errors(action);
    let memory = remembered(SendNominations::PATH);
    let can_send = !p.parents.is_empty();
    let any_sendable = p.rows.iter().any(|r| r.refusal.is_none());
    let package = format!("/rounds/{}/nominations.zip", p.round);
    let configured = p.configured_parent.clone().map(|(_, name, state)| {
        let receiving = crate::domain::nomination::receives_nominations(state);
        let key = if receiving {
            "nomination-parent-is"
        } else {
            "nomination-parent-closed-named"
        };
        view! { <p class="hint">{i18n.t_with(key, &[("round", Arg::Text(name))])}</p> }
    });
    let choices: Vec<Choice> = p
        .parents
        .iter()
        .map(|r| Choice {
            value: r.id.to_string(),
            label: format!("{} ({})", r.name, r.level.get(i18n.lang)),
            group: None,
        })
        .collect();
    let chosen = memory
        .get("parent")
        .or_else(|| p.parents.first().map(|r| r.id.to_string()));
    let rows = p.rows.iter().map(|r| row_view(i18n, r, can_send)).collect_view();
    let empty = p.rows.is_empty();
    let round = p.round.to_string();
    view! {
        <p class="lead">{i18n.t_with("nominations-lead", &[("count", Arg::Num(p.rows.len() as i64))])}</p>
        {configured}
        {if empty {
            view! { <p class="empty">{i18n.t("nominations-none")}</p> }.into_any()
        } else {
            view! {
                <ActionForm action attr:class="nominations-form">
                    <input type="hidden" name="round" value=round/>
                    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="nominees-caption">
                        <table>
                            <caption id="nominees-caption">{i18n.t("nominations-table")}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{i18n.t("nominations-col-send")}</th>
                                    <th scope="col">{i18n.t("field-selection_code")}</th>
                                    <th scope="col">{i18n.t("field-product_name")}</th>
                                    <th scope="col">{i18n.t("judging-col-group")}</th>
                                    <th scope="col" class="num">{i18n.t("nominations-col-score")}</th>
                                    <th scope="col">{i18n.t("nominations-col-certificate")}</th>
                                    <th scope="col">{i18n.t("nominations-col-status")}</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                    {if can_send && any_sendable {
                        view! {
                            <Select name="parent" label=i18n.t("nominations-parent") errors choices value=chosen
                                hint=i18n.t("nominations-parent-hint")/>
                            <button type="submit" class="button">{i18n.t("nominations-send")}</button>
                        }.into_any()
                    } else if can_send {
                        view! { <p class="hint">{i18n.t("nominations-all-sent")}</p> }.into_any()
                    } else {
                        view! { <p class="hint">{i18n.t("nominations-no-parent")}</p> }.into_any()
                    }}
                </ActionForm>
                <h2>{i18n.t("nominations-package")}</h2>
                <p class="hint">{i18n.t("nominations-package-hint")}</p>
                <p><a class="button button-secondary" href=package rel="external" download="">{i18n.t("nominations-package-download")}</a></p>
            }.into_any()
        }}
    }
    .into_any()
}
