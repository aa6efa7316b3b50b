//! One entry: its forms, its files, what is missing, and the acts its
//! business (or its round's secretariat) may take now.

use base64::Engine as _;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::entries::edit::{DeleteEntryFile, SaveEntry, SubmitEntry, WithdrawEntry};
use crate::api::entries::screening::{AcceptEntry, RejectEntry, ReturnEntry};
use crate::api::entries::view::get_entry_detail;
use crate::api::entries::{EntryDetail, FileView};
use crate::components::entry_editor::{EntryEditor, SECTIONS};
use crate::components::form::{field_errors, notice_is, remembered, FormStatus, TextArea};
use crate::components::status::{LoadError, Loading};
use crate::components::upload::UploadForm;
use crate::domain::entry::{EntryForm, EntryState};
use crate::domain::upload::{format_size, FileKind, UploadRefusal};
use crate::i18n::Tell;
use crate::i18n::{use_i18n, Arg, I18n};

#[derive(Clone, Copy)]
struct EntryActions {
    delete: ServerAction<DeleteEntryFile>,
    submit: ServerAction<SubmitEntry>,
    withdraw: ServerAction<WithdrawEntry>,
    give_back: ServerAction<ReturnEntry>,
    accept: ServerAction<AcceptEntry>,
    reject: ServerAction<RejectEntry>,
}

/// Problems an upload without JavaScript reported through the address.
fn upload_problems(i18n: I18n) -> Vec<String> {
    let encoded = use_query_map().with_untracked(|q| q.get("upload_errors"));
    let Some(bytes) = encoded.and_then(|e| base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(e).ok()) else {
        return Vec::new();
    };
    // Only positions and refusal kinds travel in the address: the words
    // are the page's own (anyone can write an address).
    serde_json::from_slice::<Vec<(usize, UploadRefusal)>>(&bytes)
        .unwrap_or_default()
        .iter()
        .take(40)
        .map(|(position, refusal)| {
            format!(
                "{}: {}",
                i18n.t_with("upload-file-number", &[("number", Arg::Num(*position as i64))]),
                refusal.tell(i18n)
            )
        })
        .collect()
}

/// The entry page.
#[component]
pub fn EntryPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = use_params_map().with_untracked(|p| p.get("id")).unwrap_or_default();
    let detail = Resource::new(move || id.clone(), get_entry_detail);
    let actions = EntryActions {
        delete: ServerAction::new(),
        submit: ServerAction::new(),
        withdraw: ServerAction::new(),
        give_back: ServerAction::new(),
        accept: ServerAction::new(),
        reject: ServerAction::new(),
    };
    let added = use_query_map()
        .with_untracked(|q| q.get("added").and_then(|a| a.parse::<i64>().ok()))
        .unwrap_or(0);
    let problems = upload_problems(i18n);
    view! {
        <Suspense fallback=Loading>
            {move || {
                let problems = problems.clone();
                Suspend::new(async move {
                    let d = match detail.await {
                        Ok(d) => d,
                        Err(error) => return view! { <LoadError error/> }.into_any(),
                    };
                    view! { <EntryView d added problems actions/> }.into_any()
                })
            }}
        </Suspense>
    }
}

#[component]
fn EntryView(d: EntryDetail, added: i64, problems: Vec<String>, actions: EntryActions) -> impl IntoView {
    let i18n = use_i18n();
    let title = d.form.product_name.clone();
    let title = if title.is_empty() {
        i18n.t("entry-untitled")
    } else {
        title
    };
    let state_label = i18n.t(&format!("entry-state-{}", d.state.code()));
    let deadline = i18n.t_with(
        "deadline-at",
        &[
            ("time", Arg::Text(d.entries_close.vn_time())),
            ("date", Arg::Text(d.entries_close.vn_date())),
        ],
    );
    let groups: Vec<(i64, String)> = d
        .groups
        .iter()
        .map(|(n, name)| (*n, name.get(i18n.lang).to_owned()))
        .collect();
    let entry_id = d.id.to_string();
    let returned = (d.state == EntryState::Returned).then(|| d.message.clone()).flatten();
    let missing = (d.is_owner && d.state.editable()).then(|| {
        if d.missing.is_empty() {
            view! { <p class="alert alert-success">{i18n.t("entry-complete")}</p> }.into_any()
        } else {
            view! {
                <div class="alert alert-info">
                    <p>{i18n.t("entry-missing-intro")}</p>
                    <ul>{d.missing.iter().map(|m| view! { <li>{m.tell(i18n)}</li> }).collect_view()}</ul>
                </div>
            }
            .into_any()
        }
    });
    let forms = if d.can_edit {
        let memory = remembered(SaveEntry::PATH);
        view! {
            <EntryEditor entry=entry_id.clone() version=d.version values=d.form.clone() memory groups=groups.clone()/>
        }
        .into_any()
    } else {
        view! { <EntryReadOnly form=d.form.clone() groups=groups.clone()/> }.into_any()
    };
    let files = {
        let (entry_id, all, can_edit) = (entry_id.clone(), d.files.clone(), d.can_edit);
        move |kind: FileKind, heading: &'static str| {
            let list: Vec<FileView> = all.iter().filter(|f| f.kind == kind).cloned().collect();
            let delete = can_edit.then_some(actions.delete);
            view! { <FileList entry=entry_id.clone() list heading delete/> }
        }
    };
    let upload = {
        let (entry_id, can_edit, max_file) = (entry_id.clone(), d.can_edit, d.max_file_bytes);
        move |kind: FileKind, label: &'static str, hint: &'static str, accept: &'static str, multiple: bool| {
            can_edit.then(|| {
                let max = || vec![("max", Arg::Text(format_size(max_file)))];
                let hint = i18n.t_with(hint, &max());
                let too_large = i18n.t_with("upload-too-large", &max());
                view! {
                    <UploadForm entry=entry_id.clone() kind=kind.code().to_owned() label=i18n.t(label) hint accept=accept.to_owned()
                        multiple max_file too_large/>
                }
            })
        }
    };
    let submit = d.can_edit.then(|| {
        let entry_id = entry_id.clone();
        let label = if d.state == EntryState::Returned {
            i18n.t("entry-resubmit")
        } else {
            i18n.t("entry-submit")
        };
        view! {
            <ActionForm action=actions.submit>
                <input type="hidden" name="entry" value=entry_id.clone()/>
                <button type="submit" class="button">{label}</button>
            </ActionForm>
        }
    });
    let withdraw = (d.is_owner && d.state == EntryState::Submitted).then(|| {
        let entry_id = entry_id.clone();
        view! {
            <ActionForm action=actions.withdraw>
                <input type="hidden" name="entry" value=entry_id.clone()/>
                <p class="hint">{i18n.t("entry-withdraw-hint")}</p>
                <button type="submit" class="button button-secondary">{i18n.t("entry-withdraw")}</button>
            </ActionForm>
        }
    });
    let screening = (d.is_secretary && matches!(d.state, EntryState::Submitted | EntryState::Returned)).then(|| {
        view! { <ScreeningPanel entry=entry_id.clone() state=d.state actions/> }
    });
    let ineligible = (d.state == EntryState::Ineligible).then(|| d.message.clone()).flatten();
    view! {
        <Title text=title.clone()/>
        <p class="breadcrumb"><a href="/entries">{i18n.t("entries-title")}</a></p>
        <h1>{title}</h1>
        <p class="round-meta">
            <span class=format!("status entry-{}", d.state.code())>{state_label}</span>
            {d.selection_code.clone().map(|code| view! {
                " "<span class="code">{i18n.t_with("entry-code", &[("code", Arg::Text(code))])}</span>
            })}
            " "{d.round_name.clone()}" · "{d.business_name.clone()}
        </p>
        <p class="hint">{deadline}</p>
        {d.nominated_with.clone().map(|c| view! {
            <p class="nominated-with">{crate::pages::round_nominations::carried_text(i18n, &c)}</p>
        })}
        {returned.map(|m| view! {
            <div class="alert alert-warning" role="alert">
                <p><strong>{i18n.t("entry-returned-message")}</strong></p>
                <p class="message-text">{m}</p>
            </div>
        })}
        {ineligible.map(|m| view! {
            <div class="alert alert-error">
                <p><strong>{i18n.t("entry-ineligible-reason")}</strong></p>
                <p class="message-text">{m}</p>
            </div>
        })}
        <FormStatus action=actions.submit notice=notice_is("entry-submitted") success_key="notice-entry-submitted"/>
        <FormStatus action=actions.withdraw notice=notice_is("entry-withdrawn") success_key="notice-entry-withdrawn"/>
        <FormStatus action=actions.delete notice=notice_is("file-removed") success_key="notice-file-removed"/>
        <FormStatus action=actions.give_back notice=notice_is("entry-returned") success_key="notice-entry-returned"/>
        <FormStatus action=actions.accept notice=notice_is("entry-accepted") success_key="notice-entry-accepted"/>
        <FormStatus action=actions.reject notice=notice_is("entry-rejected") success_key="notice-entry-rejected"/>
        {(added > 0).then(|| view! { <p class="alert alert-success" role="status">{i18n.t_with("notice-files-added", &[("count", Arg::Num(added))])}</p> })}
        {(!problems.is_empty()).then(|| view! {
            <div class="alert alert-error" role="alert">
                <p>{i18n.t("upload-some-refused")}</p>
                <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
            </div>
        })}
        {missing}
        {screening}
        <section aria-labelledby="forms-heading">
            <h2 id="forms-heading">{i18n.t("entry-forms")}</h2>
            {forms}
        </section>
        <section aria-labelledby="files-heading">
            <h2 id="files-heading">{i18n.t("entry-files")}</h2>
            {files(FileKind::Photo, "files-photos")}
            {upload(FileKind::Photo, "upload-photos", "upload-photos-hint", "image/jpeg,image/png,image/webp", true)}
            {files(FileKind::Registration, "files-registration")}
            {upload(FileKind::Registration, "upload-registration", "upload-documents-hint", "application/pdf,image/jpeg,image/png", false)}
            {d.needs_lower_certificate.then(|| files(FileKind::LowerCertificate, "files-lower-certificate"))}
            {if d.needs_lower_certificate {
                upload(FileKind::LowerCertificate, "upload-lower-certificate", "upload-documents-hint", "application/pdf,image/jpeg,image/png", false)
            } else {
                None
            }}
            {files(FileKind::Document, "files-documents")}
            {upload(FileKind::Document, "upload-documents", "upload-documents-hint", "application/pdf,image/jpeg,image/png", true)}
            <p class="hint">{i18n.t_with("files-total", &[
                ("total", Arg::Text(format_size(d.total_bytes.max(0) as u64))),
                ("max", Arg::Text(format_size(d.max_entry_bytes))),
            ])}</p>
        </section>
        <section class="panel" aria-labelledby="submit-heading">
            <h2 id="submit-heading">{i18n.t("entry-send")}</h2>
            {submit}
            {withdraw}
            {(!d.can_edit && withdraw_hint(&d)).then(|| view! { <p class="hint">{i18n.t("entry-locked")}</p> })}
        </section>
    }
}

/// The secretariat's three outcomes of screening: accept (the entry gets
/// its selection code), return for correction, or not eligible. A returned
/// entry can only be closed as not eligible.
#[component]
fn ScreeningPanel(entry: String, state: EntryState, actions: EntryActions) -> impl IntoView {
    let i18n = use_i18n();
    let return_errors = field_errors(actions.give_back);
    let reject_errors = field_errors(actions.reject);
    let submitted = state == EntryState::Submitted;
    let (for_accept, for_return) = (entry.clone(), entry.clone());
    view! {
        <section class="panel screening" aria-labelledby="screening-heading">
            <h2 id="screening-heading">{i18n.t("screening-title")}</h2>
            {submitted.then(move || view! {
                <ActionForm action=actions.accept>
                    <input type="hidden" name="entry" value=for_accept/>
                    <p class="hint">{i18n.t("screening-accept-hint")}</p>
                    <button type="submit" class="button">{i18n.t("screening-accept")}</button>
                </ActionForm>
                <ActionForm action=actions.give_back>
                    <input type="hidden" name="entry" value=for_return/>
                    <TextArea name="message" label=i18n.t("field-message") errors=return_errors required=true maxlength=2000 rows=3/>
                    <button type="submit" class="button button-secondary">{i18n.t("entry-return-submit")}</button>
                </ActionForm>
            })}
            <ActionForm action=actions.reject>
                <input type="hidden" name="entry" value=entry.clone()/>
                <TextArea name="reason" label=i18n.t("field-ineligible-reason") errors=reject_errors required=true maxlength=2000 rows=3/>
                <button type="submit" class="button button-danger">{i18n.t("screening-reject")}</button>
            </ActionForm>
        </section>
    }
}

fn withdraw_hint(d: &EntryDetail) -> bool {
    d.is_owner && d.state != EntryState::Submitted
}

/// The files of one kind, with thumbnails for photos; with `delete`,
/// each can be removed.
#[component]
pub fn FileList(
    entry: String,
    list: Vec<FileView>,
    heading: &'static str,
    #[prop(optional_no_strip)] delete: Option<ServerAction<DeleteEntryFile>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let items = list
        .into_iter()
        .map(|f| {
            let entry = entry.clone();
            let href = format!("/files/{}", f.id);
            let remove = delete.map(|delete| {
                let label = i18n.t_with("file-remove-label", &[("name", Arg::Text(f.name.clone()))]);
                view! {
                    <ActionForm action=delete>
                        <input type="hidden" name="entry" value=entry.clone()/>
                        <input type="hidden" name="file" value=f.id.to_string()/>
                        <button type="submit" class="button button-small button-danger" aria-label=label>{i18n.t("file-remove")}</button>
                    </ActionForm>
                }
            });
            let preview = f.has_thumb.then(|| {
                view! {
                    <a href=format!("/files/{}/medium", f.id)>
                        <img src=format!("/files/{}/thumb", f.id) alt=f.name.clone() loading="lazy" width="160" height="120"/>
                    </a>
                }
            });
            view! {
                <li class="file">
                    {preview}
                    <p><a href=href>{f.name.clone()}</a>" "<span class="hint">{format_size(f.size.max(0) as u64)}</span></p>
                    {remove}
                </li>
            }
        })
        .collect_view();
    view! {
        <h3>{i18n.t(heading)}</h3>
        <ul class="files">{items}</ul>
    }
}

/// The forms as text, when they cannot be changed.
#[component]
pub fn EntryReadOnly(form: EntryForm, groups: Vec<(i64, String)>) -> impl IntoView {
    let i18n = use_i18n();
    let group = groups
        .iter()
        .find(|(n, _)| n.to_string() == form.group)
        .map(|(n, name)| format!("{n}. {name}"))
        .unwrap_or_else(|| "—".into());
    let text = |field: &str| -> String {
        let f = &form;
        let value = match field {
            "description" => &f.description,
            "materials" => &f.materials,
            "process" => &f.process,
            "capacity" => &f.capacity,
            "markets" => &f.markets,
            "workers" => &f.workers,
            "environment" => &f.environment,
            "culture" => &f.culture,
            "standards" => &f.standards,
            "awards" => &f.awards,
            _ => &f.product_name,
        };
        if value.is_empty() {
            "—".into()
        } else {
            value.clone()
        }
    };
    view! {
        <dl class="facts entry-text">
            <dt>{i18n.t("field-product_name")}</dt>
            <dd>{text("product_name")}</dd>
            <dt>{i18n.t("field-group")}</dt>
            <dd>{group}</dd>
            {form.is_set.is_some().then(|| view! {
                <dt>{i18n.t("field-set_items")}</dt>
                <dd class="message-text">{form.set_items.clone()}</dd>
            })}
            {SECTIONS.iter().map(|field| view! {
                <dt>{i18n.t(&format!("field-{field}"))}</dt>
                <dd class="message-text">{text(field)}</dd>
            }).collect_view()}
        </dl>
    }
}
