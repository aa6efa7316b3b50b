//! A file upload form: a plain multipart form that works without
//! JavaScript; with it, the island checks sizes first and shows progress.

use leptos::prelude::*;

use super::form::island_setup;
use crate::i18n::{use_i18n, Arg};

/// One upload form for one kind of file.
#[island]
pub fn UploadForm(
    entry: String,
    kind: String,
    label: String,
    hint: String,
    accept: String,
    multiple: bool,
    max_file: u64,
    /// What a file larger than `max_file` is told (rendered on the server:
    /// the browser has no message catalogue).
    too_large: String,
) -> impl IntoView {
    island_setup();
    let i18n = use_i18n();
    let progress = RwSignal::new(None::<i64>);
    let problems = RwSignal::new(Vec::<String>::new());
    let action = format!("/entries/{entry}/files");
    let input_id = format!("upload-{kind}");
    let hint_id = format!("{input_id}-hint");

    #[cfg(feature = "hydrate")]
    let on_submit = {
        let action = action.clone();
        move |ev: leptos::ev::SubmitEvent| {
            use leptos::wasm_bindgen::closure::Closure;
            use leptos::wasm_bindgen::JsCast;
            ev.prevent_default();
            let Some(form) = ev
                .target()
                .and_then(|t| t.dyn_into::<leptos::web_sys::HtmlFormElement>().ok())
            else {
                return;
            };
            // Sizes are checked before anything is sent.
            let mut too_big = Vec::new();
            if let Some(input) = form
                .query_selector("input[type=file]")
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<leptos::web_sys::HtmlInputElement>().ok())
            {
                if let Some(files) = input.files() {
                    if files.length() == 0 {
                        problems.set(vec![i18n.t("upload-choose")]);
                        return;
                    }
                    for i in 0..files.length() {
                        if let Some(file) = files.get(i) {
                            if file.size() as u64 > max_file {
                                too_big.push(format!("{}: {too_large}", file.name()));
                            }
                        }
                    }
                }
            }
            if !too_big.is_empty() {
                problems.set(too_big);
                return;
            }
            let Ok(data) = leptos::web_sys::FormData::new_with_form(&form) else {
                return;
            };
            let Ok(xhr) = leptos::web_sys::XmlHttpRequest::new() else {
                let _ = form.submit();
                return;
            };
            if xhr.open("POST", &action).is_err() {
                return;
            }
            let _ = xhr.set_request_header("Accept", "application/json");
            problems.set(Vec::new());
            progress.set(Some(0));
            if let Ok(upload) = xhr.upload() {
                let on_progress = Closure::<dyn FnMut(leptos::web_sys::ProgressEvent)>::new(
                    move |ev: leptos::web_sys::ProgressEvent| {
                        if ev.length_computable() && ev.total() > 0.0 {
                            progress.set(Some((ev.loaded() * 100.0 / ev.total()) as i64));
                        }
                    },
                );
                upload.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
                on_progress.forget();
            }
            let request = xhr.clone();
            let on_done = Closure::<dyn FnMut()>::new(move || {
                progress.set(None);
                let body = request.response_text().ok().flatten().unwrap_or_default();
                let report: Option<crate::api::entries::UploadReport> = serde_json::from_str(&body).ok();
                match report {
                    Some(report) if report.problems.is_empty() => {
                        let _ = window().location().reload();
                    }
                    Some(report) => {
                        if report.added > 0 {
                            let _ = window().location().reload();
                        }
                        problems.set(report.messages);
                    }
                    None => {
                        let error: Option<crate::error::AppError> = serde_json::from_str(&body).ok();
                        problems.set(vec![error.unwrap_or(crate::error::AppError::Network).message(i18n)]);
                    }
                }
            });
            xhr.set_onload(Some(on_done.as_ref().unchecked_ref()));
            xhr.set_onerror(Some(on_done.as_ref().unchecked_ref()));
            on_done.forget();
            let _ = xhr.send_with_opt_form_data(Some(&data));
        }
    };
    #[cfg(not(feature = "hydrate"))]
    let on_submit = move |_: leptos::ev::SubmitEvent| {
        let _ = (max_file, &too_large);
    };

    view! {
        <form class="upload" method="post" enctype="multipart/form-data" action=action on:submit=on_submit>
            <input type="hidden" name="kind" value=kind/>
            <label for=input_id.clone()>{label}</label>
            <p class="hint" id=hint_id.clone()>{hint}</p>
            <input type="file" id=input_id name="file" accept=accept multiple=multiple aria-describedby=hint_id/>
            <button type="submit" class="button button-secondary" disabled=move || progress.get().is_some()>
                {i18n.t("upload-submit")}
            </button>
            {move || progress.get().map(|p| view! {
                <progress max="100" value=p.to_string()>{format!("{p}%")}</progress>
                <span class="hint">{i18n.t_with("upload-progress", &[("percent", Arg::Num(p))])}</span>
            })}
            <div role="alert">
                {move || (!problems.get().is_empty()).then(|| view! {
                    <ul class="alert alert-error">{problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                })}
            </div>
        </form>
    }
}
