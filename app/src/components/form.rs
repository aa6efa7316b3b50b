//! Form building blocks: labelled fields that show their own problem,
//! the form-level status (error summary or success notice), and the
//! memory of a plain form's values after a failed post.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

use crate::domain::validation::FieldError;
use crate::error::AppError;
use crate::i18n::use_i18n;

pub use super::choice::{Check, Choice, Select};

/// The field problems of an action's last result, as a signal.
pub fn field_errors<S>(action: ServerAction<S>) -> Signal<Vec<FieldError>>
where
    S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Send + Sync + 'static,
{
    Signal::derive(move || {
        action.value().with(|v| match v {
            Some(Err(e)) => e.field_errors().to_vec(),
            _ => Vec::new(),
        })
    })
}

/// What a failed plain form post carried, for the form to show again.
#[derive(Clone, Debug, Default, Deserialize)]
pub struct FormMemory {
    /// The server function the values were posted to.
    pub path: String,
    /// Field name → value (never passwords).
    pub fields: HashMap<String, String>,
}

/// Values to put back into a form's fields: what a failed plain post
/// carried (JavaScript off). Serializable, so a form island gets it as a
/// property.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FormValues(pub HashMap<String, String>);

impl FormValues {
    /// The value of a field, if one was kept.
    pub fn get(&self, field: &str) -> Option<String> {
        self.0.get(field).cloned()
    }
}

/// Reads (and clears) the remembered form values of this request. Only
/// the server sees them: they exist when JavaScript is off.
pub fn provide_form_memory() {
    #[cfg(feature = "ssr")]
    {
        use crate::api::boundary::{form_memory_attributes, form_memory_cookie};
        let https = use_context::<crate::infra::state::AppState>().is_some_and(|s| s.config.https());
        if let Some(raw) = crate::auth::request::cookie(form_memory_cookie(https)) {
            let decoded: String = url::form_urlencoded::parse(format!("v={raw}").as_bytes())
                .next()
                .map(|(_, v)| v.into_owned())
                .unwrap_or_default();
            if let Ok(memory) = serde_json::from_str::<FormMemory>(&decoded) {
                provide_context(memory);
            }
            crate::auth::principal::set_cookie(&format!(
                "{}=; Max-Age=0{}",
                form_memory_cookie(https),
                form_memory_attributes(https)
            ));
        }
    }
}

/// The values the last failed plain post to `path` carried.
pub fn remembered(path: &str) -> FormValues {
    use_context::<FormMemory>()
        .filter(|m| m.path == path)
        .map(|m| FormValues(m.fields))
        .unwrap_or_default()
}

/// Whether the page was reached with `?notice=<key>` (after a plain form
/// succeeded). Server-side pages only: islands get the answer as a prop.
pub fn notice_is(key: &str) -> bool {
    use_query_map().with(|q| q.get("notice")).as_deref() == Some(key)
}

/// The `<meta name>` that carries a failed plain post's error to the
/// page's islands, as the server told it again (see [`action_error`]).
pub const ACTION_ERROR_META: &str = "tb-action-error";

/// The error a failed plain post put in the address (`?__path=…&__err=…`),
/// told again by the server from its kind alone, encoded as the address
/// carries it: `(server function path, encoded error)`. The sentence in the
/// address is never shown (anyone can write one there); the server builds
/// its own from the catalogue ([`AppError::from_address`]).
#[cfg(feature = "ssr")]
pub fn action_error() -> Option<(String, String)> {
    use base64::Engine;
    use leptos::server_fn::error::{FromServerFnError, ServerFnUrlError};
    let parts = crate::auth::request::parts()?;
    let query = parts.uri.query()?;
    let (mut path, mut err) = (None, None);
    for (key, value) in url::form_urlencoded::parse(query.as_bytes()) {
        match key.as_ref() {
            "__path" => path = Some(value.into_owned()),
            "__err" => err = Some(value.into_owned()),
            _ => {}
        }
    }
    let (path, err) = (path?, err?);
    if path.len() > 200 || !path.starts_with("/api/") {
        return None;
    }
    let told = ServerFnUrlError::<AppError>::decode_err(&err);
    Some((path, base64::engine::general_purpose::URL_SAFE.encode(told.ser())))
}

/// In a form island, in the browser: makes the error of a failed plain
/// post visible to the island's action, as the router does for
/// server-rendered forms, taking it from the page the server rendered
/// ([`ACTION_ERROR_META`]), never from the address. Also marks the page
/// as hydrated once the island runs (browser tests wait for that).
pub fn island_setup() {
    #[cfg(feature = "hydrate")]
    {
        let meta = document()
            .query_selector(&format!("meta[name=\"{ACTION_ERROR_META}\"]"))
            .ok()
            .flatten();
        if let Some(meta) = meta {
            if let (Some(path), Some(err)) = (meta.get_attribute("data-path"), meta.get_attribute("content")) {
                provide_context(leptos::server::ServerActionError::new(&path, &err));
            }
        }
        Effect::new(move |_| {
            if let Some(body) = document().body() {
                let _ = body.set_attribute("data-hydrated", "true");
            }
        });
    }
}

/// Decodes `%XX` escapes and `+` of a query value.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"), 16) {
                    Ok(b) => {
                        out.push(b);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A labelled input with its hint and its problem, linked for screen
/// readers (`aria-describedby`, `aria-invalid`).
#[component]
pub fn Field(
    /// The input's `name`, which is also the field key of errors.
    #[prop(into)]
    name: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// The problems of the form's last submission.
    errors: Signal<Vec<FieldError>>,
    /// The input type (`text` by default).
    #[prop(optional, into)]
    kind: Option<String>,
    /// The initial value.
    #[prop(optional_no_strip, into)]
    value: Option<String>,
    /// A hint shown under the label.
    #[prop(optional, into)]
    hint: Option<String>,
    /// The `autocomplete` token.
    #[prop(optional, into)]
    autocomplete: Option<String>,
    /// Whether the field must be filled.
    #[prop(optional)]
    required: bool,
    /// The most characters the browser lets a person type.
    #[prop(optional)]
    maxlength: Option<usize>,
    /// The fewest characters (for passwords).
    #[prop(optional)]
    minlength: Option<usize>,
    /// The `inputmode` (e.g. `tel`, `email`).
    #[prop(optional, into)]
    inputmode: Option<String>,
    /// The name the value is posted under, when it differs from the error
    /// key (`rows[2][max]` for the key `max_2`).
    #[prop(optional, into)]
    input_name: Option<String>,
    /// The element id, when two forms on a page have a field of one name
    /// (default `f-<name>`).
    #[prop(optional, into)]
    id: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = id.unwrap_or_else(|| format!("f-{name}"));
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let field = name.clone();
    let problem =
        Memo::new(move |_| errors.with(|list| list.iter().find(|e| e.field == field).map(|e| i18n.field_problem(e))));
    let described_by = {
        let hint_id = hint_id.clone();
        let error_id = error_id.clone();
        let has_hint = hint.is_some();
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if problem.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field" class:field-invalid=move || problem.with(Option::is_some)>
            // Required fields are not starred: as in the GOV.UK design
            // system, optional ones say so in their label instead.
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            <input
                id=id.clone()
                name=input_name.unwrap_or(name)
                type=kind.unwrap_or_else(|| "text".into())
                value=value
                autocomplete=autocomplete
                inputmode=inputmode
                required=required
                maxlength=maxlength
                minlength=minlength
                aria-invalid=move || problem.with(Option::is_some).then_some("true")
                aria-describedby=described_by
            />
            <p class="field-error" id=error_id.clone() hidden=move || problem.with(Option::is_none)>
                {move || problem.get()}
            </p>
        </div>
    }
}

/// The sentence for a field's problem, if the form's last result has one.
pub(super) fn problem_of(errors: Signal<Vec<FieldError>>, field: String) -> Memo<Option<String>> {
    let i18n = use_i18n();
    Memo::new(move |_| errors.with(|list| list.iter().find(|e| e.field == field).map(|e| i18n.field_problem(e))))
}

/// A labelled multi-line text box with its hint and problem.
#[component]
pub fn TextArea(
    /// The error key (and posted name unless `input_name` is given).
    #[prop(into)]
    name: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// The problems of the form's last submission.
    errors: Signal<Vec<FieldError>>,
    /// The initial text.
    #[prop(optional_no_strip, into)]
    value: Option<String>,
    /// A hint under the label.
    #[prop(optional, into)]
    hint: Option<String>,
    /// The most characters.
    #[prop(optional)]
    maxlength: Option<usize>,
    /// Whether it must be filled.
    #[prop(optional)]
    required: bool,
    /// The posted name, when it differs from the error key.
    #[prop(optional, into)]
    input_name: Option<String>,
    /// Visible lines.
    #[prop(default = 3)]
    rows: u32,
    /// The element id (default `f-<name>`).
    #[prop(optional, into)]
    id: Option<String>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| format!("f-{name}"));
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let problem = problem_of(errors, name.clone());
    let has_hint = hint.is_some();
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || described_by(has_hint, &hint_id, problem.with(Option::is_some), &error_id)
    };
    view! {
        <div class="field" class:field-invalid=move || problem.with(Option::is_some)>
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            <textarea
                id=id.clone()
                name=input_name.unwrap_or(name)
                rows=rows
                maxlength=maxlength
                required=required
                aria-invalid=move || problem.with(Option::is_some).then_some("true")
                aria-describedby=described
            >{super::raw_text::escaped(value.unwrap_or_default())}</textarea>
            <p class="field-error" id=error_id hidden=move || problem.with(Option::is_none)>{move || problem.get()}</p>
        </div>
    }
}

pub(super) fn described_by(has_hint: bool, hint_id: &str, has_problem: bool, error_id: &str) -> Option<String> {
    let mut ids = Vec::new();
    if has_hint {
        ids.push(hint_id.to_owned());
    }
    if has_problem {
        ids.push(error_id.to_owned());
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// The outcome of a form: a summary of what to fix (focusable, announced)
/// after a failure, or a success notice. `notice` is the message key shown
/// after success, also when the page was reached by `?notice=` after a
/// plain form post (JavaScript off).
#[component]
pub fn FormStatus<S>(
    /// The action whose result to show.
    action: ServerAction<S>,
    /// Whether the page says this form succeeded (`?notice=` after a plain
    /// post).
    #[prop(optional)]
    notice: bool,
    /// The message key of the success notice.
    #[prop(optional, into)]
    success_key: Option<String>,
) -> impl IntoView
where
    S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Send + Sync + 'static,
{
    let i18n = use_i18n();
    let value = action.value();
    let error = move || value.with(|v| v.as_ref().and_then(|r| r.as_ref().err().cloned()));
    let succeeded = move || value.with(|v| matches!(v, Some(Ok(_)))) || notice;
    let success_key = success_key.clone();
    view! {
        <div class="form-status" aria-live="polite">
            {move || {
                error()
                    .map(|e| {
                        let problems = e.field_errors().to_vec();
                        view! {
                            <div class="alert alert-error" role="alert" tabindex="-1">
                                <p>{e.message(i18n)}</p>
                                {(problems.len() > 1)
                                    .then(|| {
                                        view! {
                                            <ul>
                                                {problems
                                                    .iter()
                                                    .map(|p| {
                                                        let href = format!("#f-{}", p.field);
                                                        view! { <li><a href=href>{i18n.field_problem(p)}</a></li> }
                                                    })
                                                    .collect_view()}
                                            </ul>
                                        }
                                    })}
                            </div>
                        }
                    })
            }}
            {move || {
                (error().is_none() && succeeded())
                    .then(|| {
                        success_key
                            .clone()
                            .map(|key| view! { <p class="alert alert-success" role="status">{i18n.t(&key)}</p> })
                    })
                    .flatten()
            }}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::percent_decode;

    #[test]
    fn query_values_are_decoded() {
        assert_eq!(percent_decode("%2Fapi%2Fsign_in"), "/api/sign_in");
        assert_eq!(percent_decode("a+b%3D%3D"), "a b==");
        assert_eq!(percent_decode("Gi%C3%A1m"), "Giám");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz"), "%zz");
    }
}
