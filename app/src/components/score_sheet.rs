//! The score sheet form: one input per line, checked as the juror types
//! by the same domain function the server runs, with the running total and
//! what is still empty always in view. It saves itself as a draft (and on
//! every submit when JavaScript is off); submitting locks it. When another
//! tab saved first, the save is refused and the latest values are shown.

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::autosave::Autosave;
use super::form::{island_setup, FormStatus, FormValues};
use crate::api::judging::sheets::SaveSheet;
use crate::api::judging::SheetValues;
use crate::domain::points::Points;
#[cfg(feature = "hydrate")]
use crate::domain::scoring::line_key;
use crate::domain::scoring::{line_field, parse_line, posted_key, typed_totals, LineSpec, SheetSpec, COMMENT_MAX};
use crate::domain::validation::FieldError;
use crate::error::AppError;
use crate::i18n::{use_i18n, Arg, I18n, Lang};

fn line_name(line: &LineSpec, lang: Lang) -> &str {
    match lang {
        Lang::Vi => &line.name_vi,
        Lang::En => &line.name_en,
    }
}

/// The posted name of a line's input.
fn input_name(key: &str) -> String {
    format!("points[{}]", posted_key(key))
}

/// The line key of an input's name, if it is a line's.
#[cfg(feature = "hydrate")]
fn key_of_input(name: &str) -> Option<&str> {
    name.strip_prefix("points[")
        .and_then(|k| k.strip_suffix(']'))
        .and_then(line_key)
}

/// The sheet form. `values` are the stored values, `memory` what a failed
/// plain post carried (it wins).
#[island]
pub fn ScoreSheet(
    entry: String,
    juror: String,
    spec: SheetSpec,
    values: SheetValues,
    memory: FormValues,
) -> impl IntoView {
    island_setup();
    let i18n = use_i18n();
    let action = ServerAction::<SaveSheet>::new();
    let version = RwSignal::new(values.version);
    let reloaded = RwSignal::new(false);
    let form_ref = NodeRef::<leptos::html::Form>::new();
    let autosave = Autosave::new(action, form_ref);
    let initial: BTreeMap<String, String> = spec
        .lines()
        .map(|l| {
            let stored = values.points.get(&l.key).cloned().unwrap_or_default();
            (l.key.clone(), memory.get(&input_name(&l.key)).unwrap_or(stored))
        })
        .collect();
    let comment = memory.get("comment").unwrap_or_else(|| values.comment.clone());
    let typed = RwSignal::new(initial);
    let spec = StoredValue::new(spec);

    // What the server said about each line at the last save.
    let server_errors = Signal::derive(move || {
        action.value().with(|v| match v {
            Some(Err(e)) => e.field_errors().to_vec(),
            _ => Vec::new(),
        })
    });

    #[cfg(feature = "hydrate")]
    let ids = StoredValue::new((entry.clone(), juror.clone()));
    Effect::new(move |_| match action.value().get() {
        Some(Ok(saved)) => {
            version.set(saved.version);
            autosave.saved();
            if saved.submitted {
                #[cfg(feature = "hydrate")]
                let _ = window().location().reload();
            }
        }
        Some(Err(e)) if matches!(e.kind(), AppError::Conflict) => {
            // Another tab (or the secretariat) saved first: show what is
            // stored now, so nothing is overwritten unseen.
            #[cfg(feature = "hydrate")]
            {
                let (entry, juror) = ids.get_value();
                leptos::task::spawn_local(async move {
                    if let Ok(latest) = crate::api::judging::sheets::get_sheet_values(entry, juror).await {
                        if let Some(form) = form_ref.get_untracked() {
                            show_values(&form, &latest);
                        }
                        let points: BTreeMap<String, String> = spec.with_value(|s| {
                            s.lines()
                                .map(|l| (l.key.clone(), latest.points.get(&l.key).cloned().unwrap_or_default()))
                                .collect()
                        });
                        typed.set(points);
                        version.set(latest.version);
                        autosave.saved();
                        reloaded.set(true);
                    }
                });
            }
        }
        _ => {}
    });

    #[cfg(feature = "hydrate")]
    let on_input = move |ev: leptos::ev::Event| {
        use leptos::wasm_bindgen::JsCast;
        if let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<leptos::web_sys::HtmlInputElement>().ok())
        {
            if let Some(key) = key_of_input(&input.name()) {
                let key = key.to_owned();
                typed.update(|t| {
                    t.insert(key, input.value());
                });
            }
        }
        reloaded.set(false);
        autosave.changed();
    };
    #[cfg(not(feature = "hydrate"))]
    let on_input = move |_: leptos::ev::Event| autosave.changed();

    let totals = Memo::new(move |_| typed.with(|t| spec.with_value(|s| typed_totals(s, t))));
    let max = spec.with_value(|s| s.max());
    let step = spec.with_value(|s| s.step);
    let status = autosave.status(i18n);
    let criteria = spec.with_value(|s| s.criteria.clone());
    let groups = criteria
        .into_iter()
        .enumerate()
        .map(|(index, criterion)| {
            let name = match i18n.lang {
                Lang::Vi => criterion.name_vi.clone(),
                Lang::En => criterion.name_en.clone(),
            };
            let legend = format!("{}. {name}", criterion.number);
            let subtotal = move || {
                let points = totals.with(|t| t.per_criterion.get(index).copied().unwrap_or_default());
                i18n.t_with(
                    "sheet-subtotal",
                    &[
                        ("points", Arg::Text(points.display())),
                        ("max", Arg::Text(criterion.max.display())),
                    ],
                )
            };
            let lines = criterion
                .lines
                .into_iter()
                .map(|line| {
                    // A criterion group scored as one line is labelled by its name.
                    let label = if criterion.has_subs {
                        line_name(&line, i18n.lang).to_owned()
                    } else {
                        name.clone()
                    };
                    let problem_label = if criterion.has_subs {
                        format!("{}. {}", criterion.number, line_name(&line, i18n.lang))
                    } else {
                        name.clone()
                    };
                    view! { <SheetLine line label problem_label typed server_errors step i18n/> }
                })
                .collect_view();
            view! {
                <fieldset class="sheet-group">
                    <legend>{legend}</legend>
                    <p class="hint sheet-subtotal" aria-live="off">{subtotal}</p>
                    {lines}
                </fieldset>
            }
        })
        .collect_view();
    let empty_count = move || totals.with(|t| t.empty);
    view! {
        <ActionForm action=action node_ref=form_ref on:input=on_input attr:class="score-sheet">
            <FormStatus action=action success_key="autosave-saved"/>
            {move || reloaded.get().then(|| view! {
                <p class="alert alert-warning" role="alert">{i18n.t("sheet-reloaded")}</p>
            })}
            <input type="hidden" name="entry" value=entry.clone()/>
            <input type="hidden" name="juror" value=juror.clone()/>
            <input type="hidden" name="version" value=move || version.get().to_string()/>
            {groups}
            <div class="field">
                <label for="f-comment">{i18n.t("field-comment")}</label>
                <p class="hint" id="f-comment-hint">{i18n.t("hint-comment")}</p>
                <textarea id="f-comment" name="comment" rows="4" maxlength=COMMENT_MAX aria-describedby="f-comment-hint">{crate::components::raw_text::escaped(comment)}</textarea>
            </div>
            <div class="sticky-actions sheet-actions">
                <p class="sheet-total" aria-live="polite">
                    <strong>{move || i18n.t_with("sheet-total", &[
                        ("points", Arg::Text(totals.with(|t| t.total.display()))),
                        ("max", Arg::Text(max.display())),
                    ])}</strong>
                    " "
                    <span class="hint">{move || match empty_count() {
                        0 => i18n.t("sheet-all-filled"),
                        n => i18n.t_with("sheet-empty-lines", &[("count", Arg::Num(n as i64))]),
                    }}</span>
                </p>
                <button type="submit" name="intent" value="save" class="button button-secondary">{i18n.t("save-draft")}</button>
                <button type="submit" name="intent" value="submit" class="button">{i18n.t("sheet-submit")}</button>
                <span class="autosave" role="status" aria-live="polite">{status}</span>
            </div>
        </ActionForm>
    }
}

/// Puts stored values into the form's inputs.
#[cfg(feature = "hydrate")]
fn show_values(form: &leptos::web_sys::HtmlFormElement, values: &SheetValues) {
    use leptos::wasm_bindgen::JsCast;
    let elements = form.elements();
    for i in 0..elements.length() {
        let Some(element) = elements.item(i) else { continue };
        if let Ok(input) = element.clone().dyn_into::<leptos::web_sys::HtmlInputElement>() {
            if let Some(key) = key_of_input(&input.name()) {
                input.set_value(values.points.get(key).map(String::as_str).unwrap_or(""));
            }
        } else if let Ok(area) = element.dyn_into::<leptos::web_sys::HtmlTextAreaElement>() {
            if area.name() == "comment" {
                area.set_value(&values.comment);
            }
        }
    }
}

/// One line: label, maximum, guidance, the points input and its problem
/// (the browser's check as the juror types, else the server's).
#[component]
fn SheetLine(
    line: LineSpec,
    label: String,
    problem_label: String,
    typed: RwSignal<BTreeMap<String, String>>,
    server_errors: Signal<Vec<FieldError>>,
    step: Points,
    i18n: I18n,
) -> impl IntoView {
    let field = line_field(&line.key);
    let id = format!("f-{field}");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let key = line.key.clone();
    let max = line.max;
    let check_line = line.clone();
    let problem = Memo::new(move |_| {
        let raw = typed.with(|t| t.get(&key).cloned().unwrap_or_default());
        match parse_line(&check_line, &raw, step) {
            Err(error) => Some(i18n.problem_sentence(&problem_label, &error.problem)),
            Ok(_) => server_errors.with(|list| {
                list.iter()
                    .find(|e| e.field == line_field(&check_line.key))
                    .map(|e| i18n.field_problem(e))
            }),
        }
    });
    let initial = typed.with_untracked(|t| t.get(&line.key).cloned().unwrap_or_default());
    let max_text = i18n.t_with("sheet-max", &[("max", Arg::Text(max.display()))]);
    view! {
        <div class="field sheet-line" class:field-invalid=move || problem.with(Option::is_some)>
            <label for=id.clone()>{label}" "<span class="sheet-max">{max_text}</span></label>
            {line.guidance.clone().map(|g| view! { <p class="hint message-text" id=hint_id.clone()>{g}</p> })}
            <input
                id=id.clone()
                name=input_name(&line.key)
                type="text"
                inputmode="decimal"
                autocomplete="off"
                class="points-input"
                value=initial
                maxlength="6"
                aria-invalid=move || problem.with(Option::is_some).then_some("true")
                aria-describedby={
                    let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
                    let has_hint = line.guidance.is_some();
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
                }
            />
            <p class="field-error" id=error_id.clone() hidden=move || problem.with(Option::is_none)>{move || problem.get()}</p>
        </div>
    }
}
