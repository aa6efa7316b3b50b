//! The autosave both long forms share (the entry's dossier and the score
//! sheet). A change marks the form unsaved and saves it two seconds after
//! the last one; a save lost to a dropped connection is tried again ten
//! seconds later and as soon as the browser is back online; leaving the
//! page with unsaved changes asks first. Without JavaScript the form is a
//! plain form and its buttons save it.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::error::AppError;
use crate::i18n::I18n;

/// How long after the last change a form saves itself.
#[cfg(feature = "hydrate")]
const AFTER_CHANGE_MS: u64 = 2_000;

/// How long after a save lost to the connection it is tried again.
#[cfg(feature = "hydrate")]
const AFTER_NETWORK_MS: u64 = 10_000;

/// A form that saves itself through the server action `S`.
pub struct Autosave<S>
where
    S: ServerFn + 'static,
    S::Output: 'static,
{
    action: ServerAction<S>,
    /// Changes not saved yet.
    pub dirty: RwSignal<bool>,
    #[cfg(feature = "hydrate")]
    form: NodeRef<leptos::html::Form>,
    #[cfg(feature = "hydrate")]
    timer: StoredValue<Option<TimeoutHandle>>,
}

impl<S> Clone for Autosave<S>
where
    S: ServerFn + 'static,
    S::Output: 'static,
{
    fn clone(&self) -> Self {
        *self
    }
}

impl<S> Copy for Autosave<S>
where
    S: ServerFn + 'static,
    S::Output: 'static,
{
}

impl<S> Autosave<S>
where
    S: ServerFn<Error = AppError> + serde::de::DeserializeOwned + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
{
    /// Autosave for the form `form` posting to `action`; in the browser it
    /// also retries a save lost to the connection and guards leaving.
    pub fn new(action: ServerAction<S>, form: NodeRef<leptos::html::Form>) -> Self {
        #[cfg(not(feature = "hydrate"))]
        let _ = form;
        let autosave = Autosave {
            action,
            dirty: RwSignal::new(false),
            #[cfg(feature = "hydrate")]
            form,
            #[cfg(feature = "hydrate")]
            timer: StoredValue::new(None),
        };
        #[cfg(feature = "hydrate")]
        {
            Effect::new(move |_| {
                if let Some(Err(AppError::Network)) = action.value().get() {
                    autosave.schedule(AFTER_NETWORK_MS);
                }
            });
            let dirty = autosave.dirty;
            let _ = window_event_listener(leptos::ev::beforeunload, move |ev| {
                if dirty.get_untracked() {
                    ev.prevent_default();
                    ev.set_return_value("");
                }
            });
            let _ = window_event_listener(leptos::ev::online, move |_| autosave.schedule(0));
        }
        autosave
    }

    /// The form changed: it is unsaved, and saves itself shortly.
    pub fn changed(&self) {
        self.dirty.set(true);
        #[cfg(feature = "hydrate")]
        self.schedule(AFTER_CHANGE_MS);
    }

    /// The form was saved (or shown as stored): nothing is unsaved.
    pub fn saved(&self) {
        self.dirty.set(false);
    }

    #[cfg(feature = "hydrate")]
    fn schedule(&self, delay_ms: u64) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        let this = *self;
        let handle = set_timeout_with_handle(move || this.save_now(), std::time::Duration::from_millis(delay_ms));
        self.timer.set_value(handle.ok());
    }

    #[cfg(feature = "hydrate")]
    fn save_now(&self) {
        use leptos::form::FromFormData;
        if !self.dirty.get_untracked() {
            return;
        }
        let Some(form) = self.form.get_untracked() else { return };
        if let Ok(data) = leptos::web_sys::FormData::new_with_form(&form) {
            if let Ok(input) = S::from_form_data(&data) {
                self.action.dispatch(input);
            }
        }
    }

    /// The line beside the form's buttons: saving, offline, unsaved or
    /// saved.
    pub fn status(&self, i18n: I18n) -> impl Fn() -> String + Copy + Send + Sync + 'static {
        let (action, dirty) = (self.action, self.dirty);
        move || {
            if action.pending().get() {
                i18n.t("autosave-saving")
            } else if let Some(Err(AppError::Network)) = action.value().get() {
                i18n.t("autosave-offline")
            } else if dirty.get() {
                i18n.t("autosave-unsaved")
            } else if matches!(action.value().get(), Some(Ok(_))) {
                i18n.t("autosave-saved")
            } else {
                String::new()
            }
        }
    }
}
