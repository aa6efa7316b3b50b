//! The use cases behind `crate::api::catalogue`:
//! The public catalogue of recognised products across rounds: searched by
//! name or business without diacritics or case, filtered by group, level,
//! territory and year; each product with its own page (photos,
//! description, the business's contact details, its certificates).

use std::collections::{BTreeMap, HashMap};

use crate::db::catalogue::{self, RecognisedProduct};
use crate::db::{businesses, entries};
use crate::domain::catalogue::{kept_query, matches, pages, search_terms, PAGE_SIZE};
use crate::domain::certificate::status;
use crate::domain::ids::{EntryId, FileId};
use crate::domain::text::fold_for_search;
use crate::domain::time::Timestamp;
use crate::error::AppError;
use crate::infra::state::AppState;
use crate::model::catalogue::{CatalogueCertificate, CatalogueItem, CataloguePage, FilterChoice, ProductPage};
use crate::model::rounds::Named;

fn named(vi: &str, en: &str) -> Named {
    Named {
        vi: vi.to_owned(),
        en: en.to_owned(),
    }
}

fn item(p: &RecognisedProduct, photos: &HashMap<EntryId, Vec<FileId>>, now: Timestamp) -> CatalogueItem {
    CatalogueItem {
        entry: p.entry,
        product: p.product.clone(),
        business: p.business.clone(),
        province: p.province.clone(),
        group: p.group.map(|n| (n, named(&p.group_name.0, &p.group_name.1))),
        level: named(&p.level.1, &p.level.2),
        territory: named(&p.territory.1, &p.territory.2),
        year: p.year,
        photo: photos.get(&p.entry).and_then(|list| list.first().copied()),
        certificate: p
            .certificate
            .as_ref()
            .map(|(number, issued_at, valid_until, revoked)| CatalogueCertificate {
                number: number.clone(),
                issued_at: *issued_at,
                valid_until: *valid_until,
                status: status(*valid_until, *revoked, now),
            }),
    }
}

pub async fn search(state: &AppState, raw: &str, filters: [String; 4], page: &str) -> Result<CataloguePage, AppError> {
    let mut conn = state.store.pool().acquire().await?;
    let all = catalogue::recognised_products(&mut conn).await?;
    let photos = catalogue::public_photos(&mut conn).await?;
    let now = Timestamp::now();
    // The choices come from what the catalogue holds.
    let mut groups = BTreeMap::new();
    let mut levels = BTreeMap::new();
    let mut territories = BTreeMap::new();
    let mut years: Vec<i32> = Vec::new();
    for p in &all {
        if let Some(n) = p.group {
            groups
                .entry(n)
                .or_insert_with(|| named(&p.group_name.0, &p.group_name.1));
        }
        levels
            .entry((p.level.3, p.level.0.clone()))
            .or_insert_with(|| named(&p.level.1, &p.level.2));
        territories
            .entry((p.territory.1.clone(), p.territory.0.clone()))
            .or_insert_with(|| named(&p.territory.1, &p.territory.2));
        if !years.contains(&p.year) {
            years.push(p.year);
        }
    }
    years.sort_unstable_by(|a, b| b.cmp(a));
    let terms = search_terms(raw);
    let [group, level, territory, year] = &filters;
    let found: Vec<&RecognisedProduct> = all
        .iter()
        .filter(|p| group.is_empty() || p.group.map(|n| n.to_string()).as_deref() == Some(group.as_str()))
        .filter(|p| level.is_empty() || p.level.0 == *level)
        .filter(|p| territory.is_empty() || p.territory.0 == *territory)
        .filter(|p| year.is_empty() || p.year.to_string() == *year)
        .filter(|p| {
            terms.is_empty()
                || matches(
                    &terms,
                    &fold_for_search(&format!(
                        "{} {} {} {}",
                        p.product, p.business, p.province, p.territory.1
                    )),
                )
        })
        .collect();
    let total = found.len();
    let page_count = pages(total);
    let page = page.trim().parse::<usize>().unwrap_or(1).clamp(1, page_count);
    let items = found
        .iter()
        .skip((page - 1) * PAGE_SIZE)
        .take(PAGE_SIZE)
        .map(|p| item(p, &photos, now))
        .collect();
    Ok(CataloguePage {
        query: kept_query(raw),
        filters,
        items,
        total,
        page,
        pages: page_count,
        groups: groups
            .into_iter()
            .map(|(n, label)| FilterChoice {
                value: n.to_string(),
                label,
            })
            .collect(),
        levels: levels
            .into_iter()
            .map(|((_, id), label)| FilterChoice { value: id, label })
            .collect(),
        territories: territories
            .into_iter()
            .map(|((_, id), label)| FilterChoice { value: id, label })
            .collect(),
        years,
    })
}

pub async fn product(state: &AppState, id: &str) -> Result<ProductPage, AppError> {
    let entry_id = EntryId::parse(id).ok_or(AppError::NotFound)?;
    let mut conn = state.store.pool().acquire().await?;
    let all = catalogue::recognised_products(&mut conn).await?;
    // Only products recognised in published results have a page.
    let p = all.iter().find(|p| p.entry == entry_id).ok_or(AppError::NotFound)?;
    let photos = catalogue::public_photos(&mut conn).await?;
    let now = Timestamp::now();
    let entry = entries::get_entry(&mut conn, entry_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let business = businesses::get_business(&mut conn, entry.business)
        .await?
        .ok_or(AppError::NotFound)?;
    let others = all
        .iter()
        .filter(|o| o.entry != p.entry && o.business_id == p.business_id)
        .map(|o| item(o, &photos, now))
        .collect();
    let b = business.business;
    Ok(ProductPage {
        item: item(p, &photos, now),
        description: p.description.clone(),
        photos: photos.get(&p.entry).cloned().unwrap_or_default(),
        address: b.address(),
        representative: b.representative,
        phone: b.phone,
        email: b.email,
        others,
    })
}
