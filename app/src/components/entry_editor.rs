//! The entry's forms 01 and 02, which save themselves while the entrant
//! types (and on every submit when JavaScript is off). A save that fails
//! for want of a connection is retried; leaving the page with unsaved
//! changes asks first.

use leptos::prelude::*;

use super::autosave::Autosave;
use super::form::{field_errors, island_setup, Check, Choice, Field, FormStatus, FormValues, Select, TextArea};
use crate::api::entries::edit::SaveEntry;
use crate::domain::entry::{EntryForm, PRODUCT_NAME_MAX, SECTION_MAX};
use crate::i18n::use_i18n;

/// The sections of form 02 with their labels' keys, in order.
pub const SECTIONS: [&str; 10] = [
    "description",
    "materials",
    "process",
    "capacity",
    "markets",
    "workers",
    "environment",
    "culture",
    "standards",
    "awards",
];

fn section_value(form: &EntryForm, field: &str) -> String {
    match field {
        "description" => form.description.clone(),
        "materials" => form.materials.clone(),
        "process" => form.process.clone(),
        "capacity" => form.capacity.clone(),
        "markets" => form.markets.clone(),
        "workers" => form.workers.clone(),
        "environment" => form.environment.clone(),
        "culture" => form.culture.clone(),
        "standards" => form.standards.clone(),
        "awards" => form.awards.clone(),
        _ => String::new(),
    }
}

/// The stored forms with what a failed plain post carried put over them.
fn merge(values: EntryForm, memory: &FormValues) -> EntryForm {
    if memory.0.is_empty() {
        return values;
    }
    let pick = |key: &str, stored: String| memory.get(key).unwrap_or(stored);
    EntryForm {
        product_name: pick("product_name", values.product_name),
        is_set: memory.get("is_set").filter(|v| !v.is_empty()),
        set_items: pick("set_items", values.set_items),
        group: pick("group", values.group),
        description: pick("description", values.description),
        materials: pick("materials", values.materials),
        process: pick("process", values.process),
        capacity: pick("capacity", values.capacity),
        markets: pick("markets", values.markets),
        workers: pick("workers", values.workers),
        environment: pick("environment", values.environment),
        culture: pick("culture", values.culture),
        standards: pick("standards", values.standards),
        awards: pick("awards", values.awards),
    }
}

/// The editor. `values` are the stored forms; `memory` what a failed plain
/// post carried (it wins); `groups` the round's product groups.
#[island]
pub fn EntryEditor(
    entry: String,
    version: i64,
    values: EntryForm,
    memory: FormValues,
    groups: Vec<(i64, String)>,
) -> impl IntoView {
    island_setup();
    let i18n = use_i18n();
    let action = ServerAction::<SaveEntry>::new();
    let errors = field_errors(action);
    let version = RwSignal::new(version);
    let form_ref = NodeRef::<leptos::html::Form>::new();
    let autosave = Autosave::new(action, form_ref);
    let is_set = memory
        .get("is_set")
        .map(|v| !v.is_empty())
        .unwrap_or(values.is_set.is_some());
    let values = merge(values, &memory);

    Effect::new(move |_| {
        if let Some(Ok(new_version)) = action.value().get() {
            version.set(new_version);
            autosave.saved();
        }
    });

    let on_input = move |_| autosave.changed();
    let status = autosave.status(i18n);
    let group_choices: Vec<Choice> = groups
        .into_iter()
        .map(|(number, name)| Choice {
            value: number.to_string(),
            label: format!("{number}. {name}"),
            group: None,
        })
        .collect();
    let sections = SECTIONS
        .iter()
        .map(|field| {
            view! {
                <TextArea name=*field label=i18n.t(&format!("field-{field}")) errors maxlength=SECTION_MAX rows=4
                    value=section_value(&values, field) hint=i18n.t(&format!("hint-{field}"))/>
            }
        })
        .collect_view();
    view! {
        <ActionForm action=action node_ref=form_ref on:input=on_input>
            <FormStatus action=action success_key="autosave-saved"/>
            <input type="hidden" name="entry" value=entry/>
            <input type="hidden" name="version" value=move || version.get().to_string()/>
            <fieldset>
                <legend>{i18n.t("form-01")}</legend>
                <Field name="product_name" label=i18n.t("field-product_name") errors maxlength=PRODUCT_NAME_MAX
                    value=values.product_name.clone()/>
                <Select name="group" label=i18n.t("field-group") errors choices=group_choices
                    value=values.group.clone() empty=i18n.t("choose")/>
                <Check name="is_set" label=i18n.t("field-is_set") checked=is_set/>
                <TextArea name="set_items" label=i18n.t("field-set_items") errors maxlength=SECTION_MAX rows=2
                    value=values.set_items.clone() hint=i18n.t("hint-set_items")/>
            </fieldset>
            <fieldset>
                <legend>{i18n.t("form-02")}</legend>
                {sections}
            </fieldset>
            <div class="sticky-actions">
                <button type="submit" class="button button-secondary">{i18n.t("save-draft")}</button>
                <span class="autosave" role="status" aria-live="polite">{status}</span>
            </div>
        </ActionForm>
    }
}
