//! The choosing fields of a form: a labelled select with grouped choices
//! and a labelled check box, each showing its own problem like [`super::form::Field`].

use leptos::prelude::*;

use crate::domain::validation::FieldError;

use super::form::{described_by, problem_of};

/// A choice in a [`Select`]: value and label, grouped under an optional
/// heading.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    /// The posted value.
    pub value: String,
    /// What the person reads.
    pub label: String,
    /// The `<optgroup>` it belongs to, if any.
    pub group: Option<String>,
}

/// A labelled drop-down list with its problem.
#[component]
pub fn Select(
    /// The posted name and error key.
    #[prop(into)]
    name: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// The problems of the form's last submission.
    errors: Signal<Vec<FieldError>>,
    /// The choices, in order.
    choices: Vec<Choice>,
    /// The chosen value.
    #[prop(optional_no_strip, into)]
    value: Option<String>,
    /// A first, empty choice with this label (for optional selects).
    #[prop(optional, into)]
    empty: Option<String>,
    /// A hint under the label.
    #[prop(optional, into)]
    hint: Option<String>,
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
    let mut groups: Vec<(Option<String>, Vec<Choice>)> = Vec::new();
    for choice in choices {
        match groups.last_mut() {
            Some((group, list)) if *group == choice.group => list.push(choice),
            _ => groups.push((choice.group.clone(), vec![choice])),
        }
    }
    let selected = value.unwrap_or_default();
    let options = groups
        .into_iter()
        .map(|(group, list)| {
            let options = list
                .into_iter()
                .map(|c| {
                    let is = c.value == selected;
                    view! { <option value=c.value selected=is>{c.label}</option> }
                })
                .collect_view();
            match group {
                Some(heading) => view! { <optgroup label=heading>{options}</optgroup> }.into_any(),
                None => options.into_any(),
            }
        })
        .collect_view();
    view! {
        <div class="field" class:field-invalid=move || problem.with(Option::is_some)>
            <label for=id.clone()>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            <select
                id=id.clone()
                name=name
                aria-invalid=move || problem.with(Option::is_some).then_some("true")
                aria-describedby=described
            >
                {empty.map(|e| view! { <option value="">{e}</option> })}
                {options}
            </select>
            <p class="field-error" id=error_id hidden=move || problem.with(Option::is_none)>{move || problem.get()}</p>
        </div>
    }
}

/// A labelled checkbox posting `on` when ticked.
#[component]
pub fn Check(
    /// The posted name.
    #[prop(into)]
    name: String,
    /// The visible label.
    #[prop(into)]
    label: String,
    /// Whether it starts ticked.
    #[prop(optional)]
    checked: bool,
    /// The posted value (default `on`).
    #[prop(optional, into)]
    value: Option<String>,
    /// The element id (default `f-<name>`).
    #[prop(optional, into)]
    id: Option<String>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| format!("f-{name}"));
    view! {
        <div class="check">
            <input type="checkbox" id=id.clone() name=name value=value.unwrap_or_else(|| "on".into()) checked=checked/>
            <label for=id>{label}</label>
        </div>
    }
}
