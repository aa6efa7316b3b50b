//! Storing a file uploaded to an entry: whether it still fits the entry's
//! and the business's quotas, what its content is, the image work in the
//! bounded queue, and the record with its audit entry. The HTTP side (the
//! multipart form, the answer) is `crate::server::uploads`.

use crate::auth::standing::EntryOwner;
use crate::db::audit::{self, AuditEntry};
use crate::db::entries::{self, FileRecord};
use crate::domain::audit::AuditAction;
use crate::domain::ids::FileId;
use crate::domain::time::Timestamp;
use crate::domain::upload::{check_content_ends, check_sizes, FileKind, FileType, UploadRefusal, MAX_FILES_PER_KIND};
use crate::infra::files::Spooled;
use crate::infra::images::{clean_document_image, process_photo};
use crate::infra::state::AppState;
use crate::infra::work_queue::queue;

/// Whether a file of `size` bytes and `kind` still fits an entry that
/// holds `existing`, of a business whose files total `business_total`: its
/// own cap, the entry's total, the files of a kind, the business's quota.
fn check_room(
    state: &AppState,
    existing: &[FileRecord],
    business_total: u64,
    kind: FileKind,
    size: u64,
) -> Result<(), UploadRefusal> {
    let total: u64 = existing.iter().map(|f| f.size.max(0) as u64).sum();
    check_sizes(size, total, state.config.max_file_bytes, state.config.max_entry_bytes)?;
    if existing.iter().filter(|f| f.kind == kind).count() >= MAX_FILES_PER_KIND {
        return Err(UploadRefusal::TooManyFiles {
            max: MAX_FILES_PER_KIND,
        });
    }
    if business_total.saturating_add(size) > state.config.max_business_bytes {
        return Err(UploadRefusal::BusinessFull {
            max: state.config.max_business_bytes,
        });
    }
    Ok(())
}

/// An entry's files and its business's total, as [`check_room`] reads them.
async fn room_facts(conn: &mut crate::db::Conn, owner: &EntryOwner) -> Result<(Vec<FileRecord>, u64), UploadRefusal> {
    let internal = |e: &dyn std::fmt::Display| {
        tracing::error!(error = %e, "reading an entry's files failed");
        UploadRefusal::Damaged
    };
    let existing = entries::files_of(conn, owner.entry().id)
        .await
        .map_err(|e| internal(&e))?;
    let business_total = entries::business_files_total(conn, owner.business().id)
        .await
        .map_err(|e| internal(&e))?;
    Ok((existing, business_total))
}

/// Stores one received file on the owner's entry: checked
/// for room before and after the costly work, checked by content, photos
/// processed into their sizes in the bounded work queue, then recorded
/// and audited.
pub async fn store_file(
    state: &AppState,
    owner: &EntryOwner,
    kind: FileKind,
    shown: &str,
    spooled: Spooled,
    address: Option<String>,
) -> Result<(), UploadRefusal> {
    let principal = owner.principal();
    let internal = |e: &dyn std::fmt::Display| {
        tracing::error!(error = %e, "storing an upload failed");
        UploadRefusal::Damaged
    };
    // Checked before the costly work too, so a file that cannot fit is
    // refused before it is decoded.
    let (existing, business_total) = {
        let mut conn = state.store.pool().acquire().await.map_err(|e| internal(&e))?;
        room_facts(&mut conn, owner).await?
    };
    check_room(state, &existing, business_total, kind, spooled.size)?;
    let file_type = check_content_ends(kind, spooled.size, &spooled.head, &spooled.tail)?;
    let now = Timestamp::now();
    let mut record = FileRecord {
        id: FileId::new(),
        entry: owner.entry().id,
        kind,
        file_type,
        display_name: shown.to_owned(),
        size: 0,
        content_hash: String::new(),
        medium_hash: None,
        thumb_hash: None,
        width: None,
        height: None,
        created_at: now,
    };
    // Decoding waits in the process's work queue (one picture a core at
    // once; when too many wait, the file is refused as "busy").
    let busy = |_| UploadRefusal::Busy;
    if kind == FileKind::Photo {
        // Read from disk by the job itself: only running jobs hold bytes.
        let photo = queue()
            .run(move || process_photo(&spooled.read_all().map_err(|_| UploadRefusal::Unreadable)?))
            .await
            .map_err(busy)??;
        record.file_type = FileType::Jpeg;
        record.size = photo.large.len() as i64;
        record.width = Some(i64::from(photo.width));
        record.height = Some(i64::from(photo.height));
        record.content_hash = state.files.put(photo.large).await.map_err(|e| internal(&e))?;
        record.medium_hash = Some(state.files.put(photo.medium).await.map_err(|e| internal(&e))?);
        record.thumb_hash = Some(state.files.put(photo.thumb).await.map_err(|e| internal(&e))?);
    } else if file_type.is_image() {
        let (clean, width, height) = queue()
            .run(move || {
                let bytes = spooled.read_all().map_err(|_| UploadRefusal::Unreadable)?;
                clean_document_image(&bytes, file_type)
            })
            .await
            .map_err(busy)??;
        record.size = clean.len() as i64;
        record.width = Some(i64::from(width));
        record.height = Some(i64::from(height));
        record.content_hash = state.files.put(clean).await.map_err(|e| internal(&e))?;
    } else {
        record.size = spooled.size as i64;
        record.content_hash = state.files.put_spooled(spooled).await.map_err(|e| internal(&e))?;
    }
    let mut tx = state.store.write().await.map_err(|e| internal(&e))?;
    // What was checked before the slow work may have changed meanwhile (the
    // entry submitted from another tab, parallel uploads filling the
    // quota): check it again under the write lock.
    let entry = entries::get_entry(&mut tx, owner.entry().id)
        .await
        .map_err(|e| internal(&e))?;
    if !entry.is_some_and(|e| e.state.editable()) {
        return Err(UploadRefusal::EntryLocked);
    }
    let (existing, business_total) = room_facts(&mut tx, owner).await?;
    check_room(state, &existing, business_total, kind, record.size.max(0) as u64)?;
    entries::insert_file(&mut tx, &record, principal.id())
        .await
        .map_err(|e| internal(&e))?;
    audit::append(
        &mut tx,
        AuditEntry {
            at: Some(now),
            actor: Some(principal.id()),
            actor_name: Some(principal.name().to_owned()),
            action: Some(AuditAction::EntryFileAdded),
            target_type: Some("entry"),
            target_id: Some(owner.entry().id.to_string()),
            target_name: owner.entry().content.product_name.clone(),
            address,
            details: Some(serde_json::json!({
                "file": record.id.to_string(), "kind": kind.code(), "name": record.display_name,
                "type": record.file_type.mime(), "size": record.size, "hash": record.content_hash,
            })),
        },
    )
    .await
    .map_err(|e| internal(&e))?;
    tx.commit().await.map_err(|e| internal(&e))?;
    Ok(())
}
