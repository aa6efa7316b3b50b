//! Form building blocks: labelled fields that show their own problem,
//! the form-level status (error summary or success notice), and the
//! memory of a plain form's values after a failed post.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;
use serde::Deserialize;

use crate::domain::validation::FieldError;
use crate::error::AppError;
use crate::i18n::use_i18n;

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
    pub fields: std::collections::HashMap<String, String>,
}

impl FormMemory {
    /// The remembered value of a field of the form posting to `path`.
    pub fn value(&self, path: &str, field: &str) -> Option<String> {
        (self.path == path).then(|| self.fields.get(field).cloned()).flatten()
    }
}

/// Reads (and clears) the remembered form values of this request. Only
/// the server sees them: they exist when JavaScript is off.
pub fn provide_form_memory() {
    #[cfg(feature = "ssr")]
    {
        use crate::api::boundary::FORM_MEMORY_COOKIE;
        if let Some(raw) = crate::auth::request::cookie(FORM_MEMORY_COOKIE) {
            let decoded: String = url::form_urlencoded::parse(format!("v={raw}").as_bytes())
                .next()
                .map(|(_, v)| v.into_owned())
                .unwrap_or_default();
            if let Ok(memory) = serde_json::from_str::<FormMemory>(&decoded) {
                provide_context(memory);
            }
            crate::auth::principal::set_cookie(&format!(
                "{FORM_MEMORY_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"
            ));
        }
    }
}

/// The remembered value of a field, if the last plain post of `path` failed.
pub fn remembered(path: &str, field: &str) -> Option<String> {
    use_context::<FormMemory>().and_then(|m| m.value(path, field))
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
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("f-{name}");
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
                name=name
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

/// The outcome of a form: a summary of what to fix (focusable, announced)
/// after a failure, or a success notice. `notice` is the message key shown
/// after success, also when the page was reached by `?notice=` after a
/// plain form post (JavaScript off).
#[component]
pub fn FormStatus<S>(
    /// The action whose result to show.
    action: ServerAction<S>,
    /// The `?notice=` value that means this form succeeded.
    #[prop(optional, into)]
    notice: Option<String>,
    /// The message key of the success notice.
    #[prop(optional, into)]
    success_key: Option<String>,
) -> impl IntoView
where
    S: ServerFn<Error = AppError> + Clone + Send + Sync + 'static,
    S::Output: Send + Sync + 'static,
{
    let i18n = use_i18n();
    let query = use_query_map();
    let value = action.value();
    let notice_in_url = {
        let notice = notice.clone();
        move || match (&notice, query.with(|q| q.get("notice"))) {
            (Some(expected), Some(actual)) => *expected == actual,
            _ => false,
        }
    };
    let error = move || value.with(|v| v.as_ref().and_then(|r| r.as_ref().err().cloned()));
    let succeeded = move || value.with(|v| matches!(v, Some(Ok(_)))) || notice_in_url();
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
