//! OpenDocument `.odt` and `.ods` (LibreOffice): the paragraphs and tables of `content.xml`.
//!
//! Both keep their text in `content.xml`: paragraphs and headings as `text:p` / `text:h`, tables
//! (a spreadsheet's sheets are tables) as rows of cells. Cells repeated by
//! `number-columns-repeated` are written once each when they hold text; the thousands of empty
//! repeated cells and rows a spreadsheet ends with are dropped. List numbers that LibreOffice
//! draws from list styles are not rebuilt (Word's are, in [`super::docx`]).

use quick_xml::events::Event;

use super::limits::breach;
use super::sheet::write_rows;
use super::xml::{attr, local, text, Xml};
use super::zip::Archive;
use super::{Ctx, Format, Out};
use crate::model::Diagnostic;

/// `.odt` or `.ods`, from the package's `mimetype` member.
pub fn kind(archive: &Archive, ctx: &mut Ctx) -> Result<Option<Format>, Diagnostic> {
    let Some(m) = archive.read("mimetype", ctx)? else {
        return Ok(None);
    };
    let m = String::from_utf8_lossy(&m);
    Ok(match m.trim() {
        "application/vnd.oasis.opendocument.text" => Some(Format::Odt),
        "application/vnd.oasis.opendocument.spreadsheet" => Some(Format::Ods),
        _ => None,
    })
}

pub fn read(
    format: Format,
    archive: &Archive,
    ctx: &mut Ctx,
    out: &mut Out,
) -> Result<Format, Diagnostic> {
    let content = archive.read("content.xml", ctx)?.unwrap_or_default();
    let mut x = Xml::new(&content, "content.xml");
    let max_cells = ctx.budget.limits.max_items;
    let mut cells = 0usize;
    let mut para: Option<String> = None;
    let mut table: Option<(String, Vec<Vec<String>>)> = None;
    let mut table_depth = 0usize;
    let mut row: Vec<String> = Vec::new();
    let mut cell: Option<(String, usize)> = None;
    let mut skip = 0usize; // inside an annotation (a comment)
    while let Some(ev) = x.next()? {
        match &ev {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(ev, Event::Empty(_));
                let name = local(e.name().as_ref()).to_vec();
                if name == b"annotation" && !empty {
                    skip += 1;
                }
                if skip > 0 {
                    continue;
                }
                match name.as_slice() {
                    b"p" | b"h" if !empty => para = Some(String::new()),
                    b"s" => push(&mut para, " "),
                    b"tab" => push(&mut para, "\t"),
                    b"line-break" => push(&mut para, "\n"),
                    b"table" if !empty => {
                        table_depth += 1;
                        if table_depth == 1 {
                            table = Some((attr(e, b"name").unwrap_or_default(), Vec::new()));
                        }
                    }
                    b"table-row" if !empty && table_depth == 1 => row.clear(),
                    b"table-cell" | b"covered-table-cell" if table_depth == 1 => {
                        let repeat = attr(e, b"number-columns-repeated")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(1usize);
                        if empty {
                            row.extend(std::iter::repeat_n(String::new(), repeat.min(64)));
                        } else {
                            cell = Some((String::new(), repeat));
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) if skip == 0 => {
                if let Some(p) = &mut para {
                    p.push_str(&text(t));
                }
            }
            Event::End(e) => {
                let qname = e.name();
                let name = local(qname.as_ref());
                if name == b"annotation" {
                    skip = skip.saturating_sub(1);
                    continue;
                }
                if skip > 0 {
                    continue;
                }
                match name {
                    b"p" | b"h" => {
                        let p = para.take().unwrap_or_default();
                        match &mut cell {
                            Some((c, _)) => {
                                if !c.is_empty() {
                                    c.push(' ');
                                }
                                c.push_str(p.trim());
                            }
                            None if table_depth == 0 && !p.trim().is_empty() => {
                                out.line(p.trim_end());
                                out.push("\n");
                            }
                            None => {}
                        }
                    }
                    b"table-cell" | b"covered-table-cell" if table_depth == 1 => {
                        if let Some((c, repeat)) = cell.take() {
                            let n = if c.is_empty() {
                                repeat.min(64)
                            } else {
                                repeat.min(1024)
                            };
                            if !c.is_empty() {
                                cells += n;
                                if cells > max_cells {
                                    return Err(breach(
                                        "too-many-cells",
                                        format!("The document has more than {max_cells} cells with values; it is not read (a data export, not a reply)."),
                                    ));
                                }
                            }
                            row.extend(std::iter::repeat_n(c, n));
                        }
                    }
                    b"table-row" if table_depth == 1 => {
                        if let Some((_, rows)) = &mut table {
                            if row.iter().any(|c| !c.is_empty()) {
                                rows.push(std::mem::take(&mut row));
                            }
                        }
                        row.clear();
                    }
                    b"table" => {
                        table_depth = table_depth.saturating_sub(1);
                        if table_depth == 0 {
                            if let Some((name, rows)) = table.take() {
                                if !rows.is_empty() {
                                    out.end_paragraph();
                                    let (kind, label) = if format == Format::Ods {
                                        ("sheet", format!("sheet {name}"))
                                    } else {
                                        ("table", format!("table {name}"))
                                    };
                                    out.part(kind, label, |o| write_rows(&rows, o));
                                }
                            }
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    Ok(format)
}

fn push(para: &mut Option<String>, s: &str) {
    if let Some(p) = para {
        p.push_str(s);
    }
}
