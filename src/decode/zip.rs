//! Zip archives: the container of `.docx`, `.xlsx`, `.odt`, `.ods`, and of WhatDoTheyKnow's
//! "download all correspondence" zip.
//!
//! A small reader of the central directory over `miniz_oxide`'s inflater rather than the `zip`
//! crate: replies need only stored and deflated members, and reading them here keeps every
//! size check in one place (declared size, compression ratio, the decode's total) before a
//! byte is inflated, so a zip bomb is refused in microseconds instead of filling the tab's memory.

use super::limits::breach;
use super::{read_member, Ctx, Out};
use crate::model::{Diagnostic, Level};

/// One member as the central directory describes it.
#[derive(Debug, Clone)]
pub struct Entry {
    pub name: String,
    method: u16,
    flags: u16,
    compressed: u64,
    size: u64,
    local_offset: u64,
}

impl Entry {
    pub fn is_dir(&self) -> bool {
        self.name.ends_with('/')
    }
}

/// A zip archive's directory over its bytes.
pub struct Archive<'a> {
    bytes: &'a [u8],
    pub entries: Vec<Entry>,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn damaged(what: &str) -> Diagnostic {
    breach(
        "damaged-zip",
        format!("This zip archive (or Word/Excel file) is truncated or damaged: {what}. Save or download it again."),
    )
}

impl<'a> Archive<'a> {
    /// Reads the central directory, or says why the archive cannot be read.
    pub fn open(bytes: &'a [u8]) -> Result<Archive<'a>, Diagnostic> {
        // The end-of-central-directory record is in the last 64 KB + 22 bytes.
        let from = bytes.len().saturating_sub(65_557);
        let eocd = bytes[from..]
            .windows(4)
            .rposition(|w| w == b"PK\x05\x06")
            .map(|p| from + p)
            .ok_or_else(|| damaged("its directory at the end is missing"))?;
        let count =
            u16_at(bytes, eocd + 10).ok_or_else(|| damaged("its directory is cut short"))?;
        let cd_offset =
            u32_at(bytes, eocd + 16).ok_or_else(|| damaged("its directory is cut short"))?;
        if cd_offset == u32::MAX || count == u16::MAX {
            return Err(breach(
                "unsupported-zip",
                "This zip archive is in the zip64 form (over 4 GB or 65,535 files), which is not read.".into(),
            ));
        }
        let mut entries = Vec::with_capacity(usize::from(count));
        let mut at = cd_offset as usize;
        for _ in 0..count {
            if u32_at(bytes, at) != Some(0x0201_4b50) {
                return Err(damaged("its directory does not match its contents"));
            }
            let field = |off: usize| {
                u16_at(bytes, at + off).ok_or_else(|| damaged("its directory is cut short"))
            };
            let field32 = |off: usize| {
                u32_at(bytes, at + off).ok_or_else(|| damaged("its directory is cut short"))
            };
            let flags = field(8)?;
            let method = field(10)?;
            let compressed = field32(20)?;
            let size = field32(24)?;
            let name_len = usize::from(field(28)?);
            let extra_len = usize::from(field(30)?);
            let comment_len = usize::from(field(32)?);
            let local_offset = field32(42)?;
            let name = bytes
                .get(at + 46..at + 46 + name_len)
                .ok_or_else(|| damaged("its directory is cut short"))?;
            entries.push(Entry {
                name: String::from_utf8_lossy(name).replace('\\', "/"),
                method,
                flags,
                compressed: u64::from(compressed),
                size: u64::from(size),
                local_offset: u64::from(local_offset),
            });
            at += 46 + name_len + extra_len + comment_len;
        }
        Ok(Archive { bytes, entries })
    }

    pub fn has(&self, name: &str) -> bool {
        self.entries.iter().any(|e| e.name == name)
    }

    /// The inflated bytes of the member `name`, or `None` when there is no such member.
    pub fn read(&self, name: &str, ctx: &mut Ctx) -> Result<Option<Vec<u8>>, Diagnostic> {
        match self.entries.iter().find(|e| e.name == name) {
            Some(e) => self.read_entry(e, ctx).map(Some),
            None => Ok(None),
        }
    }

    /// The inflated bytes of one member, within the limits.
    pub fn read_entry(&self, e: &Entry, ctx: &mut Ctx) -> Result<Vec<u8>, Diagnostic> {
        if e.flags & 1 != 0 {
            return Err(breach(
                "encrypted",
                format!(
                    "`{}` in the archive is encrypted (password-protected) and cannot be read.",
                    e.name
                ),
            ));
        }
        if e.compressed == u64::from(u32::MAX) || e.size == u64::from(u32::MAX) {
            return Err(breach(
                "unsupported-zip",
                "This zip archive is in the zip64 form, which is not read.".into(),
            ));
        }
        let limits = ctx.budget.limits;
        if e.size > 1024 * 1024 && e.size / e.compressed.max(1) > limits.max_ratio {
            return Err(breach(
                "zip-bomb",
                format!(
                    "`{}` in the archive would unpack from {} KB to {} MB (over {}:1): a zip bomb, not a document. It was not read.",
                    e.name,
                    e.compressed / 1024,
                    e.size / (1024 * 1024),
                    limits.max_ratio
                ),
            ));
        }
        let size = usize::try_from(e.size).unwrap_or(usize::MAX);
        if size > ctx.budget.inflate_room() {
            ctx.budget.spend_inflated(size)?;
        }
        let local = usize::try_from(e.local_offset).unwrap_or(usize::MAX);
        if u32_at(self.bytes, local) != Some(0x0403_4b50) {
            return Err(damaged("a member's header is missing"));
        }
        let name_len = usize::from(u16_at(self.bytes, local + 26).unwrap_or(0));
        let extra_len = usize::from(u16_at(self.bytes, local + 28).unwrap_or(0));
        let start = local + 30 + name_len + extra_len;
        let data = start
            .checked_add(usize::try_from(e.compressed).unwrap_or(usize::MAX))
            .and_then(|end| self.bytes.get(start..end))
            .ok_or_else(|| damaged("it ends in the middle of a member"))?;
        let inflated = match e.method {
            0 => data.to_vec(),
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, size).map_err(|err| {
                if matches!(err.status, miniz_oxide::inflate::TINFLStatus::HasMoreOutput) {
                    breach(
                        "zip-bomb",
                        format!("`{}` in the archive unpacks to more than it declares: a zip bomb or a damaged file. It was not read.", e.name),
                    )
                } else {
                    damaged("a member does not inflate")
                }
            })?,
            m => {
                return Err(breach(
                    "unsupported-zip",
                    format!("`{}` in the archive is compressed with method {m}; only stored and deflated members are read.", e.name),
                ))
            }
        };
        ctx.budget.spend_inflated(inflated.len())?;
        Ok(inflated)
    }
}

/// WhatDoTheyKnow's correspondence zip (`correspondence.txt` and the attachments, named
/// `{message}_{part}_{filename}`), or any zip of one thread's files: every member read as part
/// of one thread, the correspondence first, then the rest in name order.
pub fn read_thread(archive: &Archive, ctx: &mut Ctx, out: &mut Out) -> Result<(), Diagnostic> {
    let mut entries: Vec<&Entry> = archive
        .entries
        .iter()
        .filter(|e| !e.is_dir() && !e.name.starts_with("__MACOSX/"))
        .collect();
    if entries.len() > ctx.budget.limits.max_items {
        return Err(breach(
            "too-many-members",
            format!(
                "This zip archive has {} files; at most {} are read.",
                entries.len(),
                ctx.budget.limits.max_items
            ),
        ));
    }
    let is_correspondence = |e: &Entry| {
        let base = e.name.rsplit('/').next().unwrap_or(&e.name);
        base.starts_with("correspondence.")
    };
    entries.sort_by_key(|e| (!is_correspondence(e), member_order(&e.name)));
    if entries.is_empty() {
        ctx.note(
            Level::Info,
            "empty-zip",
            "The zip archive has no files.".into(),
        );
    }
    for (i, e) in entries.iter().enumerate() {
        let label = format!("file {}: {}", i + 1, e.name);
        match archive.read_entry(e, ctx) {
            Ok(bytes) => read_member(&bytes, "member", label, ctx, out),
            Err(d) => ctx.note(
                Level::Warning,
                d.code,
                format!("{label} was not read: {}", d.message),
            ),
        }
    }
    Ok(())
}

/// Sort key that puts `2_3_reply.pdf` before `10_2_letter.pdf`: the numbers of
/// WhatDoTheyKnow's `{message}_{part}_` prefix compared as numbers.
fn member_order(name: &str) -> (u64, u64, String) {
    let base = name.rsplit('/').next().unwrap_or(name);
    let mut it = base.splitn(3, '_');
    let a = it.next().and_then(|s| s.parse().ok());
    let b = it.next().and_then(|s| s.parse().ok());
    match (a, b) {
        (Some(a), Some(b)) => (a, b, name.to_string()),
        _ => (u64::MAX, u64::MAX, name.to_string()),
    }
}
