//! What the current request tells us: cookies, the caller's address,
//! whether it is a plain form post (JavaScript off).

use axum::extract::ConnectInfo;
use http::request::Parts;
use leptos::prelude::*;

use crate::infra::state::AppState;

/// The value of a cookie in a request's headers.
pub fn cookie_in(headers: &http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
}

/// The request being served (in a server function or while rendering).
pub fn parts() -> Option<Parts> {
    use_context::<Parts>()
}

/// A cookie of the current request.
pub fn cookie(name: &str) -> Option<String> {
    parts().and_then(|p| cookie_in(&p.headers, name))
}

/// The caller's network address: the TCP peer, or the last address a
/// trusted reverse proxy put in `X-Forwarded-For`.
pub fn client_address(parts: &Parts, trust_proxy: bool) -> Option<String> {
    address_of(&parts.headers, &parts.extensions, trust_proxy)
}

/// [`client_address`] from a request's headers and extensions.
pub fn address_of(headers: &http::HeaderMap, extensions: &http::Extensions, trust_proxy: bool) -> Option<String> {
    if trust_proxy {
        if let Some(forwarded) = headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .map(str::trim)
            .filter(|v| v.parse::<std::net::IpAddr>().is_ok())
        {
            return Some(forwarded.to_owned());
        }
    }
    extensions
        .get::<ConnectInfo<std::net::SocketAddr>>()
        .map(|ConnectInfo(addr)| addr.ip().to_string())
}

/// The current caller's address.
pub fn current_address() -> Option<String> {
    let state = use_context::<AppState>()?;
    client_address(&parts()?, state.config.trust_proxy)
}

/// Whether the current request is a plain HTML form post (no JavaScript):
/// the browser then expects a redirect, not data.
pub fn is_plain_form_post() -> bool {
    parts()
        .and_then(|p| {
            p.headers
                .get(http::header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .map(|v| v.contains("text/html"))
        })
        .unwrap_or(false)
}
