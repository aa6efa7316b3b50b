//! The public catalogue of recognised products (`/catalogue`), searched
//! and filtered with a plain GET form, and each product's page
//! (`/catalogue/:id`). Server-rendered, readable without WebAssembly.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::catalogue::{
    get_catalogue, get_catalogue_product, CatalogueItem, CataloguePage, FilterChoice, ProductPage,
};
use crate::components::status::{LoadError, Loading};
use crate::domain::certificate::{verify_path, CertificateStatus};
use crate::i18n::{use_i18n, Arg, I18n};

/// The catalogue page.
#[component]
pub fn CatalogueListPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let get = move |key: &str| query.with_untracked(|q| q.get(key));
    let args = (
        get("q"),
        get("group"),
        get("level"),
        get("territory"),
        get("year"),
        get("page"),
    );
    let page = Resource::new(
        move || args.clone(),
        |(q, group, level, territory, year, page)| get_catalogue(q, group, level, territory, year, page),
    );
    view! {
        <Title text=i18n.t("catalogue-title")/>
        <h1>{i18n.t("catalogue-title")}</h1>
        <p class="lead">{i18n.t("catalogue-lead")}</p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(p) => view! { <CatalogueView p/> }.into_any(),
                    Err(error) => view! { <LoadError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn status_chip(i18n: I18n, status: CertificateStatus) -> impl IntoView {
    let (class, key) = match status {
        CertificateStatus::Valid => ("status status-active", "verify-valid"),
        CertificateStatus::Expired => ("status", "verify-expired"),
        CertificateStatus::Revoked => ("status status-failed", "verify-revoked"),
    };
    view! { <span class=class>{i18n.t(key)}</span> }
}

#[component]
fn Filter(name: &'static str, label: String, any: String, choices: Vec<FilterChoice>, chosen: String) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("f-{name}");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id name=name>
                <option value="">{any}</option>
                {choices.into_iter().map(|c| {
                    let selected = c.value == chosen;
                    view! { <option value=c.value selected=selected>{c.label.get(i18n.lang).to_owned()}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

#[component]
fn CatalogueView(p: CataloguePage) -> impl IntoView {
    let i18n = use_i18n();
    let [group, level, territory, year] = p.filters.clone();
    let years: Vec<FilterChoice> = p
        .years
        .iter()
        .map(|y| FilterChoice {
            value: y.to_string(),
            label: crate::api::rounds::Named {
                vi: y.to_string(),
                en: y.to_string(),
            },
        })
        .collect();
    let any = i18n.t("catalogue-any");
    let found = i18n.t_with("catalogue-found", &[("count", Arg::Num(p.total as i64))]);
    let page_link = {
        let (q, group, level, territory, year) = (
            p.query.clone(),
            group.clone(),
            level.clone(),
            territory.clone(),
            year.clone(),
        );
        move |n: usize| {
            let pairs = [
                ("q", &q),
                ("group", &group),
                ("level", &level),
                ("territory", &territory),
                ("year", &year),
            ];
            let mut query: String = pairs
                .iter()
                .filter(|(_, v)| !v.is_empty())
                .map(|(k, v)| format!("{k}={}&", url_encode(v)))
                .collect();
            query.push_str(&format!("page={n}"));
            format!("/catalogue?{query}")
        }
    };
    let empty = p.items.is_empty();
    view! {
        <form method="get" action="/catalogue" class="card catalogue-search" role="search">
            <div class="field">
                <label for="f-q">{i18n.t("catalogue-q")}</label>
                <input id="f-q" name="q" type="search" value=p.query.clone() maxlength=100/>
            </div>
            <div class="filters">
                <Filter name="group" label=i18n.t("verify-group") any=any.clone() choices=p.groups.clone() chosen=group/>
                <Filter name="level" label=i18n.t("verify-level") any=any.clone() choices=p.levels.clone() chosen=level/>
                <Filter name="territory" label=i18n.t("catalogue-territory") any=any.clone() choices=p.territories.clone() chosen=territory/>
                <Filter name="year" label=i18n.t("catalogue-year") any=any.clone() choices=years chosen=year/>
            </div>
            <button type="submit" class="button">{i18n.t("catalogue-submit")}</button>
        </form>
        <p role="status">{found}</p>
        {empty.then(|| view! { <p class="empty">{i18n.t("catalogue-none")}</p> })}
        <ul class="results">
            {p.items.into_iter().map(|item| view! { <ItemCard item/> }).collect_view()}
        </ul>
        {(p.pages > 1).then(|| view! {
            <nav class="pager" aria-label=i18n.t("catalogue-pages")>
                {(p.page > 1).then(|| view! { <a href=page_link(p.page - 1) rel="prev">{i18n.t("catalogue-prev")}</a> })}
                " "{i18n.t_with("catalogue-page", &[("page", Arg::Num(p.page as i64)), ("pages", Arg::Num(p.pages as i64))])}" "
                {(p.page < p.pages).then(|| view! { <a href=page_link(p.page + 1) rel="next">{i18n.t("catalogue-next")}</a> })}
            </nav>
        })}
    }
}

fn url_encode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[component]
fn ItemCard(item: CatalogueItem) -> impl IntoView {
    let i18n = use_i18n();
    let alt = i18n.t_with("results-photo-alt", &[("product", Arg::Text(item.product.clone()))]);
    view! {
        <li class="card result">
            {item.photo.map(|photo| view! {
                <img src=format!("/files/{photo}/thumb") alt=alt.clone() loading="lazy" width="160" height="120"/>
            })}
            <div>
                <h2 class="h3"><a href=format!("/catalogue/{}", item.entry)>{item.product.clone()}</a></h2>
                <p>{item.business.clone()}{(!item.province.is_empty()).then(|| format!(" — {}", item.province))}</p>
                <p class="hint">
                    {item.group.clone().map(|(n, name)| format!("{n}. {} · ", name.get(i18n.lang)))}
                    {format!("{} {} · {}", item.level.get(i18n.lang), item.territory.get(i18n.lang), item.year)}
                </p>
                {item.certificate.clone().map(|c| view! { <p>{status_chip(i18n, c.status)}</p> })}
            </div>
        </li>
    }
}

/// A product's page.
#[component]
pub fn CatalogueProductPage() -> impl IntoView {
    let i18n = use_i18n();
    let id = use_params_map().with_untracked(|p| p.get("id")).unwrap_or_default();
    let product = Resource::new(move || id.clone(), get_catalogue_product);
    view! {
        <p class="breadcrumb"><a href="/catalogue">{i18n.t("catalogue-title")}</a></p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match product.await {
                    Ok(p) => view! { <ProductView p/> }.into_any(),
                    Err(error) => view! { <Title text=i18n.t("catalogue-title")/><h1>{i18n.t("catalogue-title")}</h1><LoadError error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ProductView(p: ProductPage) -> impl IntoView {
    let i18n = use_i18n();
    let item = p.item.clone();
    let alt = i18n.t_with("results-photo-alt", &[("product", Arg::Text(item.product.clone()))]);
    let no_others = p.others.is_empty();
    view! {
        <Title text=item.product.clone()/>
        <h1>{item.product.clone()}</h1>
        <p class="round-meta">
            {item.group.clone().map(|(n, name)| format!("{n}. {} · ", name.get(i18n.lang)))}
            {format!("{} {} · {}", item.level.get(i18n.lang), item.territory.get(i18n.lang), item.year)}
        </p>
        <ul class="gallery">
            {p.photos.iter().map(|photo| view! {
                <li><img src=format!("/files/{photo}/thumb") srcset=format!("/files/{photo}/thumb 320w, /files/{photo}/medium 1024w")
                    sizes="(min-width: 48rem) 20rem, 100vw" alt=alt.clone() loading="lazy" width="320" height="240"/></li>
            }).collect_view()}
        </ul>
        <section aria-labelledby="about-heading">
            <h2 id="about-heading">{i18n.t("catalogue-about")}</h2>
            <p class="message-text">{p.description.clone()}</p>
        </section>
        <section class="card" aria-labelledby="contact-heading">
            <h2 id="contact-heading">{i18n.t("catalogue-contact")}</h2>
            <dl class="facts">
                <dt>{i18n.t("verify-business")}</dt>
                <dd>{item.business.clone()}</dd>
                <dt>{i18n.t("catalogue-address")}</dt>
                <dd>{p.address.clone()}</dd>
                <dt>{i18n.t("catalogue-representative")}</dt>
                <dd>{p.representative.clone()}</dd>
                <dt>{i18n.t("catalogue-phone")}</dt>
                <dd><a href=format!("tel:{}", p.phone)>{p.phone.clone()}</a></dd>
                {p.email.clone().map(|email| view! {
                    <dt>{i18n.t("catalogue-email")}</dt>
                    <dd><a href=format!("mailto:{email}")>{email.clone()}</a></dd>
                })}
            </dl>
        </section>
        <section aria-labelledby="certificates-heading">
            <h2 id="certificates-heading">{i18n.t("catalogue-certificates")}</h2>
            {item.certificate.clone().map(|c| view! {
                <p>
                    <a href=verify_path(&c.number)>{i18n.t_with("results-certificate", &[("number", Arg::Text(c.number.clone()))])}</a>
                    " "{status_chip(i18n, c.status)}<br/>
                    {i18n.t_with("catalogue-validity", &[("issued", Arg::Text(c.issued_at.vn_date())), ("until", Arg::Text(c.valid_until.vn_date()))])}
                </p>
            })}
        </section>
        {(!no_others).then(|| view! {
            <section aria-labelledby="others-heading">
                <h2 id="others-heading">{i18n.t("catalogue-others")}</h2>
                <ul class="results">{p.others.into_iter().map(|item| view! { <ItemCard item/> }).collect_view()}</ul>
            </section>
        })}
    }
}
