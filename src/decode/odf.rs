//! OpenDocument `.odt` and `.ods` (LibreOffice): the paragraphs and tables of `content.xml`.
//!
//! Both keep their text in `content.xml`: paragraphs and headings as `text:p` / `text:h`, tables
//! (a spreadsheet's sheets are tables) as rows of cells. Cells repeated by
//! `number-columns-repeated` are written once each when they hold text; the thousands of empty
//! repeated cells and rows a spreadsheet ends with are dropped.
//!
//! List numbers: a text document's numbered paragraphs are `text:list` / `text:list-item`
//! elements whose number is not in the text but drawn by LibreOffice from a list style
//! (`text:list-style`, in `content.xml` or, for a named style, `styles.xml`): each level's format
//! (`1`, `a`, `A`, `i`, `I`, none, or a bullet), prefix, suffix, start value and how many levels
//! it shows (`1.2`). They are rebuilt here, as Word's are in [`super::docx`], since questions are
//! often numbered that way: a list restarts at its start value unless it continues the previous
//! one (`text:continue-numbering`) or a named one (`text:continue-list`), and an item may set its
//! own number (`text:start-value`).

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};

use super::docx::format_number;
use super::limits::breach;
use super::sheet::write_rows;
use super::xml::{attr, local, text, Xml};
use super::zip::Archive;
use super::{Ctx, Format, Out};
use crate::model::Diagnostic;

/// Deepest list level of ODF.
const MAX_LEVEL: usize = 10;

/// How one level of a list style draws its number.
#[derive(Debug, Clone, Default)]
struct Level {
    /// `1`, `a`, `A`, `i`, `I`; empty for no number.
    format: String,
    prefix: String,
    suffix: String,
    /// Levels shown: 2 draws `1.2` at the second level.
    display: usize,
    start: u32,
    bullet: bool,
}

/// The list styles of a document by name: each level's [`Level`] (index 0 is level 1).
#[derive(Debug, Default)]
struct ListStyles(HashMap<String, Vec<Option<Level>>>);

impl ListStyles {
    fn read(&mut self, xml: &[u8], part: &str) -> Result<(), Diagnostic> {
        let mut x = Xml::new(xml, part);
        let mut current: Option<String> = None;
        while let Some(ev) = x.next()? {
            match &ev {
                Event::Start(e) | Event::Empty(e) => {
                    let qname = e.name();
                    let name = local(qname.as_ref());
                    if name == b"list-style" {
                        current = attr(e, b"name");
                        if matches!(ev, Event::Empty(_)) {
                            current = None;
                        }
                        continue;
                    }
                    let Some(style) = &current else { continue };
                    let bullet = match name {
                        b"list-level-style-number" => false,
                        b"list-level-style-bullet" | b"list-level-style-image" => true,
                        _ => continue,
                    };
                    let Some(l) = attr(e, b"level")
                        .and_then(|v| v.parse::<usize>().ok())
                        .filter(|l| (1..=MAX_LEVEL).contains(l))
                    else {
                        continue;
                    };
                    let level = Level {
                        format: attr(e, b"num-format").unwrap_or_default(),
                        prefix: attr(e, b"num-prefix").unwrap_or_default(),
                        suffix: attr(e, b"num-suffix").unwrap_or_default(),
                        display: attr(e, b"display-levels")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(1),
                        start: attr(e, b"start-value")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(1),
                        bullet,
                    };
                    let levels = self.0.entry(style.clone()).or_default();
                    if levels.len() < l {
                        levels.resize(l, None);
                    }
                    levels[l - 1] = Some(level);
                }
                Event::End(e) if local(e.name().as_ref()) == b"list-style" => current = None,
                _ => {}
            }
        }
        Ok(())
    }

    fn level(&self, style: Option<&str>, level: usize) -> Option<&Level> {
        self.0.get(style?)?.get(level.checked_sub(1)?)?.as_ref()
    }
}

/// One open `text:list`.
#[derive(Debug)]
struct Frame {
    style: Option<String>,
    /// The number of the item just opened, for its first paragraph.
    label: Option<String>,
}

/// The numbering of a document's lists as it is read.
#[derive(Debug, Default)]
struct Lists {
    styles: ListStyles,
    open: Vec<Frame>,
    /// The counters of the outermost list being read (index 0 is level 1).
    counters: Vec<u32>,
    /// Those of the last outermost list, for `continue-numbering`.
    last: Vec<u32>,
    /// Those of each list with an `xml:id`, for `continue-list`.
    by_id: HashMap<String, Vec<u32>>,
    id: Option<String>,
}

impl Lists {
    fn start_list(&mut self, e: &BytesStart) {
        let style = attr(e, b"style-name").or_else(|| self.open.last()?.style.clone());
        if self.open.is_empty() {
            self.counters =
                if let Some(c) = attr(e, b"continue-list").and_then(|id| self.by_id.get(&id)) {
                    c.clone()
                } else if attr(e, b"continue-numbering").as_deref() == Some("true") {
                    self.last.clone()
                } else {
                    Vec::new()
                };
            self.id = attr(e, b"id");
        }
        self.open.push(Frame { style, label: None });
    }

    fn end_list(&mut self) {
        self.open.pop();
        if self.open.is_empty() {
            self.last = std::mem::take(&mut self.counters);
            if let Some(id) = self.id.take() {
                self.by_id.insert(id, self.last.clone());
            }
        }
    }

    /// A `text:list-item` opens: counts it and keeps its label for its first paragraph.
    fn start_item(&mut self, e: &BytesStart) {
        let depth = self.open.len().min(MAX_LEVEL);
        let Some(frame) = self.open.last() else {
            return;
        };
        let style = frame.style.clone();
        let start_of = |l: usize| {
            self.styles
                .level(style.as_deref(), l)
                .map_or(1, |x| x.start)
        };
        // Levels above this one that no item has opened yet count as their start value.
        while self.counters.len() < depth - 1 {
            let l = self.counters.len() + 1;
            self.counters.push(start_of(l));
        }
        let n = match attr(e, b"start-value").and_then(|v| v.parse().ok()) {
            Some(v) => v,
            None if self.counters.len() >= depth => self.counters[depth - 1] + 1,
            None => start_of(depth),
        };
        self.counters.truncate(depth - 1);
        self.counters.push(n);
        let label = self.label(style.as_deref(), depth);
        if let Some(f) = self.open.last_mut() {
            f.label = label;
        }
    }

    /// The number drawn for the item just counted at `depth`, as LibreOffice draws it.
    fn label(&self, style: Option<&str>, depth: usize) -> Option<String> {
        let level = self.styles.level(style, depth)?;
        if level.bullet {
            return Some("-".into());
        }
        if level.format.is_empty() {
            return None;
        }
        let shown = level.display.clamp(1, depth);
        let numbers: Vec<String> = (depth + 1 - shown..=depth)
            .map(|l| {
                let fmt = self
                    .styles
                    .level(style, l)
                    .map_or("1", |x| x.format.as_str());
                format_number(self.counters[l - 1], word_format(fmt))
            })
            .collect();
        let label = format!("{}{}{}", level.prefix, numbers.join("."), level.suffix);
        let label = label.trim();
        (!label.is_empty()).then(|| label.to_string())
    }

    /// The label for a paragraph that opens now: the number of its list item when it is the
    /// item's first paragraph.
    fn take_label(&mut self) -> Option<String> {
        self.open.last_mut()?.label.take()
    }

    fn end_item(&mut self) {
        if let Some(f) = self.open.last_mut() {
            f.label = None;
        }
    }
}

/// ODF's number formats in Word's words (see [`format_number`]).
fn word_format(f: &str) -> &'static str {
    match f {
        "a" => "lowerLetter",
        "A" => "upperLetter",
        "i" => "lowerRoman",
        "I" => "upperRoman",
        _ => "decimal",
    }
}

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
    let mut lists = Lists::default();
    if format == Format::Odt {
        // Named list styles live in styles.xml, automatic ones in content.xml.
        if let Some(styles) = archive.read("styles.xml", ctx)? {
            lists.styles.read(&styles, "styles.xml")?;
        }
        lists.styles.read(&content, "content.xml")?;
    }
    read_content(format, &content, &mut lists, ctx, out)?;
    Ok(format)
}

fn read_content(
    format: Format,
    content: &[u8],
    lists: &mut Lists,
    ctx: &mut Ctx,
    out: &mut Out,
) -> Result<(), Diagnostic> {
    let mut x = Xml::new(content, "content.xml");
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
                    b"p" | b"h" if !empty => {
                        para = Some(match lists.take_label() {
                            Some(label) => format!("{label} "),
                            None => String::new(),
                        })
                    }
                    b"list" if !empty => lists.start_list(e),
                    b"list-item" if !empty => lists.start_item(e),
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
                    b"list" => lists.end_list(),
                    b"list-item" | b"list-header" => lists.end_item(),
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
    Ok(())
}

fn push(para: &mut Option<String>, s: &str) {
    if let Some(p) = para {
        p.push_str(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::Options;

    /// The text of an `.odt`'s content.xml (with `styles`, the list styles of styles.xml).
    fn read_odt(styles: &str, content: &str) -> String {
        let mut lists = Lists::default();
        lists.styles.read(styles.as_bytes(), "styles.xml").unwrap();
        lists
            .styles
            .read(content.as_bytes(), "content.xml")
            .unwrap();
        let mut ctx = Ctx::new(Options::default());
        let mut out = Out::default();
        read_content(
            Format::Odt,
            content.as_bytes(),
            &mut lists,
            &mut ctx,
            &mut out,
        )
        .unwrap();
        out.text
    }

    const NS: &str =
        r#"xmlns:office="o" xmlns:text="t" xmlns:style="s" xmlns:table="tb" xmlns:xml="x""#;

    fn doc(automatic: &str, body: &str) -> String {
        format!(
            r#"<office:document-content {NS}><office:automatic-styles>{automatic}</office:automatic-styles><office:body><office:text>{body}</office:text></office:body></office:document-content>"#
        )
    }

    fn list(attrs: &str, items: &[&str]) -> String {
        let items: String = items
            .iter()
            .map(|i| format!("<text:list-item>{i}</text:list-item>"))
            .collect();
        format!("<text:list {attrs}>{items}</text:list>")
    }

    fn p(t: &str) -> String {
        format!("<text:p>{t}</text:p>")
    }

    /// The list style LibreOffice calls "Numbering 123", with a second level `a)` and a third
    /// showing all three levels.
    const STYLES: &str = r#"<office:document-styles xmlns:office="o" xmlns:text="t" xmlns:style="s"><office:styles>
        <text:list-style style:name="Numbering_20_123">
          <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>
          <text:list-level-style-number text:level="2" style:num-suffix=")" style:num-format="a"/>
          <text:list-level-style-number text:level="3" style:num-prefix="(" style:num-suffix=")" style:num-format="i" text:display-levels="3"/>
        </text:list-style></office:styles></office:document-styles>"#;

    #[test]
    fn list_numbers_are_drawn_from_the_list_style() {
        let nested = list(
            "",
            &[&p("In 2020?"), &(p("In 2021?") + &list("", &[&p("Deep")]))],
        );
        let body = [
            p("Dear Sir,"),
            list(
                r#"text:style-name="Numbering_20_123" xml:id="list1""#,
                &[&p("How many?"), &(p("Which?") + &p("Second paragraph, no number") + &nested), &p("Who?")],
            ),
            p("Between"),
            // A new list restarts; one that continues the numbering does not.
            list(r#"text:style-name="Numbering_20_123""#, &[&p("Restarted")]),
            list(r#"text:style-name="Numbering_20_123" text:continue-numbering="true""#, &[&p("Continued")]),
            list(r#"text:style-name="Numbering_20_123" text:continue-list="list1""#, &[&p("After Who")]),
            r#"<text:list text:style-name="Numbering_20_123"><text:list-item text:start-value="7"><text:p>Seventh</text:p></text:list-item><text:list-header><text:p>Unnumbered</text:p></text:list-header><text:list-item><text:p>Eighth</text:p></text:list-item></text:list>"#.into(),
            list(r#"text:style-name="L2""#, &[&p("Bullet"), &p("Roman")]),
        ]
        .concat();
        let automatic = r#"<text:list-style style:name="L2"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style>"#;
        assert_eq!(
            read_odt(STYLES, &doc(automatic, &body)),
            "Dear Sir,\n\n1. How many?\n\n2. Which?\n\nSecond paragraph, no number\n\na) In 2020?\n\n\
             b) In 2021?\n\n(2.b.i) Deep\n\n3. Who?\n\nBetween\n\n1. Restarted\n\n2. Continued\n\n\
             4. After Who\n\n7. Seventh\n\nUnnumbered\n\n8. Eighth\n\n- Bullet\n\n- Roman\n\n"
        );
    }

    #[test]
    fn lists_without_a_style_or_a_number_format_draw_nothing() {
        let automatic = r#"<text:list-style style:name="L3"><text:list-level-style-number text:level="1" style:num-format=""/></text:list-style>"#;
        let body = [
            list("", &[&p("No style")]),
            list(r#"text:style-name="L3""#, &[&p("No format")]),
            list(r#"text:style-name="Missing""#, &[&p("Unknown style")]),
        ]
        .concat();
        assert_eq!(
            read_odt(STYLES, &doc(automatic, &body)),
            "No style\n\nNo format\n\nUnknown style\n\n"
        );
    }
}
