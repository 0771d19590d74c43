//! Word `.docx`: the body's paragraphs in order, tables as rows, list numbers rebuilt.
//!
//! Questions in a Word letter are often numbered by Word itself: the "1." or "a)" on the page is
//! drawn from `numbering.xml` and is not in the paragraph's text. Without it the questionnaire
//! stage would see unnumbered questions, so the numbers are rebuilt here from each paragraph's
//! list (its own `w:numPr`, or its style's) and level, the way Word counts them. Tables are
//! written as `| question | answer |` rows, one line per row. Headers, footers, footnotes and
//! comments live in other parts of the package and are left out: they are letterhead, not
//! answers.

use std::collections::HashMap;

use quick_xml::events::Event;

use super::xml::{attr, local, text, Xml};
use super::zip::Archive;
use super::{Ctx, Out};
use crate::model::Diagnostic;

/// One level of a list definition.
#[derive(Debug, Clone)]
struct Level {
    start: u32,
    format: String,
    text: String,
}

/// The list definitions of `numbering.xml` and the numbering of paragraph styles.
#[derive(Debug, Default)]
pub struct Numbering {
    /// abstractNumId → levels by ilvl.
    abstract_levels: HashMap<String, Vec<Option<Level>>>,
    /// numId → (abstractNumId, start overrides by ilvl).
    nums: HashMap<String, (String, HashMap<usize, u32>)>,
    /// styleId → (numId, ilvl).
    styles: HashMap<String, (String, usize)>,
    /// styleId → the style it is based on.
    based_on: HashMap<String, String>,
    /// numId → the current count at each level (0 = not yet used).
    counters: HashMap<String, [u32; 9]>,
}

impl Numbering {
    pub fn read(numbering: Option<&[u8]>, styles: Option<&[u8]>) -> Result<Self, Diagnostic> {
        let mut n = Numbering::default();
        if let Some(bytes) = numbering {
            n.read_numbering(bytes)?;
        }
        if let Some(bytes) = styles {
            n.read_styles(bytes)?;
        }
        Ok(n)
    }

    fn read_numbering(&mut self, bytes: &[u8]) -> Result<(), Diagnostic> {
        let mut x = Xml::new(bytes, "word/numbering.xml");
        let mut abs: Option<String> = None;
        let mut num: Option<String> = None;
        let mut lvl: Option<(usize, Level)> = None;
        let mut override_lvl: Option<usize> = None;
        while let Some(ev) = x.next()? {
            let (e, empty) = match &ev {
                Event::Start(e) => (e, false),
                Event::Empty(e) => (e, true),
                Event::End(e) => {
                    match local(e.name().as_ref()) {
                        b"abstractNum" => abs = None,
                        b"num" => num = None,
                        b"lvl" => self.end_level(&abs, lvl.take()),
                        b"lvlOverride" => override_lvl = None,
                        _ => {}
                    }
                    continue;
                }
                _ => continue,
            };
            let val = || attr(e, b"val").unwrap_or_default();
            match local(e.name().as_ref()) {
                b"abstractNum" if !empty => abs = attr(e, b"abstractNumId"),
                b"num" if !empty => {
                    num = attr(e, b"numId");
                }
                b"abstractNumId" => {
                    if let Some(id) = &num {
                        self.nums.insert(id.clone(), (val(), HashMap::new()));
                    }
                }
                b"lvl" if abs.is_some() => {
                    let ilvl = attr(e, b"ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                    let level = Level {
                        start: 1,
                        format: "decimal".into(),
                        text: String::new(),
                    };
                    if empty {
                        self.end_level(&abs, Some((ilvl, level)));
                    } else {
                        lvl = Some((ilvl, level));
                    }
                }
                b"lvlOverride" if !empty => {
                    override_lvl = attr(e, b"ilvl").and_then(|v| v.parse().ok());
                }
                b"startOverride" => {
                    if let (Some(id), Some(l)) = (&num, override_lvl) {
                        if let Some((_, o)) = self.nums.get_mut(id) {
                            o.insert(l, val().parse().unwrap_or(1));
                        }
                    }
                }
                b"start" => {
                    if let Some((_, l)) = &mut lvl {
                        l.start = val().parse().unwrap_or(1);
                    }
                }
                b"numFmt" => {
                    if let Some((_, l)) = &mut lvl {
                        l.format = val();
                    }
                }
                b"lvlText" => {
                    if let Some((_, l)) = &mut lvl {
                        l.text = val();
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn end_level(&mut self, abs: &Option<String>, lvl: Option<(usize, Level)>) {
        let (Some(abs), Some((ilvl, level))) = (abs, lvl) else {
            return;
        };
        if ilvl >= 9 {
            return;
        }
        let levels = self.abstract_levels.entry(abs.clone()).or_default();
        if levels.len() <= ilvl {
            levels.resize(ilvl + 1, None);
        }
        levels[ilvl] = Some(level);
    }

    fn read_styles(&mut self, bytes: &[u8]) -> Result<(), Diagnostic> {
        let mut x = Xml::new(bytes, "word/styles.xml");
        let mut style: Option<String> = None;
        let mut num: Option<String> = None;
        let mut ilvl = 0usize;
        while let Some(ev) = x.next()? {
            match &ev {
                Event::Start(e) | Event::Empty(e) => match local(e.name().as_ref()) {
                    b"style" => {
                        style = attr(e, b"styleId");
                        num = None;
                        ilvl = 0;
                    }
                    b"numId" => num = attr(e, b"val"),
                    b"ilvl" => ilvl = attr(e, b"val").and_then(|v| v.parse().ok()).unwrap_or(0),
                    b"basedOn" => {
                        if let (Some(s), Some(b)) = (&style, attr(e, b"val")) {
                            self.based_on.insert(s.clone(), b);
                        }
                    }
                    _ => {}
                },
                Event::End(e) if local(e.name().as_ref()) == b"style" => {
                    if let (Some(s), Some(n)) = (style.take(), num.take()) {
                        self.styles.insert(s, (n, ilvl));
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// The list of a paragraph style, its own or inherited through `basedOn` ("FOI Question"
    /// based on "List Number").
    fn style_list(&self, style: &str) -> Option<(String, usize)> {
        let mut s = style;
        for _ in 0..16 {
            if let Some(l) = self.styles.get(s) {
                return Some(l.clone());
            }
            s = self.based_on.get(s)?;
        }
        None
    }

    /// The label Word draws for the next paragraph of list `num_id` at level `ilvl`.
    fn next_label(&mut self, num_id: &str, ilvl: usize) -> Option<String> {
        let ilvl = ilvl.min(8);
        let (abs, overrides) = self.nums.get(num_id)?;
        let levels = self.abstract_levels.get(abs)?;
        let level = levels.get(ilvl)?.as_ref()?;
        let counters = self.counters.entry(num_id.to_string()).or_insert([0; 9]);
        let start_of = |l: usize| {
            overrides
                .get(&l)
                .copied()
                .or_else(|| levels.get(l).and_then(|x| x.as_ref()).map(|x| x.start))
                .unwrap_or(1)
        };
        counters[ilvl] = if counters[ilvl] == 0 {
            start_of(ilvl)
        } else {
            counters[ilvl] + 1
        };
        for c in counters.iter_mut().skip(ilvl + 1) {
            *c = 0;
        }
        match level.format.as_str() {
            "none" => return None,
            "bullet" => return Some("-".into()),
            _ => {}
        }
        let mut label = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%' {
                if let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                    chars.next();
                    let l = (d as usize).saturating_sub(1).min(8);
                    let value = if counters[l] == 0 {
                        start_of(l)
                    } else {
                        counters[l]
                    };
                    let fmt = levels
                        .get(l)
                        .and_then(|x| x.as_ref())
                        .map_or("decimal", |x| x.format.as_str());
                    label.push_str(&format_number(value, fmt));
                    continue;
                }
            }
            label.push(c);
        }
        let label = label.trim().to_string();
        (!label.is_empty()).then_some(label)
    }
}

/// A list number in one of Word's formats.
pub(super) fn format_number(n: u32, format: &str) -> String {
    match format {
        "lowerLetter" => letters(n),
        "upperLetter" => letters(n).to_ascii_uppercase(),
        "lowerRoman" => roman(n),
        "upperRoman" => roman(n).to_ascii_uppercase(),
        "decimalZero" => format!("{n:02}"),
        _ => n.to_string(),
    }
}

/// a, b, … z, aa, bb, … as Word counts.
fn letters(n: u32) -> String {
    if n == 0 {
        return "0".into();
    }
    let c = char::from(b'a' + ((n - 1) % 26) as u8);
    std::iter::repeat_n(c, ((n - 1) / 26 + 1) as usize).collect()
}

fn roman(mut n: u32) -> String {
    const R: [(u32, &str); 13] = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    if n == 0 || n >= 4000 {
        return n.to_string();
    }
    let mut s = String::new();
    for (v, r) in R {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

/// Reads a `.docx` package.
pub fn read(archive: &Archive, ctx: &mut Ctx, out: &mut Out) -> Result<(), Diagnostic> {
    let numbering = archive.read("word/numbering.xml", ctx)?;
    let styles = archive.read("word/styles.xml", ctx)?;
    let mut numbering = Numbering::read(numbering.as_deref(), styles.as_deref())?;
    let document = archive.read("word/document.xml", ctx)?.unwrap_or_default();
    body(&document, "word/document.xml", &mut numbering, out)
}

/// One paragraph being read.
#[derive(Default)]
struct Para {
    text: String,
    style: Option<String>,
    num_id: Option<String>,
    ilvl: Option<usize>,
}

/// Writes the body of `document.xml`.
fn body(
    bytes: &[u8],
    part: &str,
    numbering: &mut Numbering,
    out: &mut Out,
) -> Result<(), Diagnostic> {
    let mut x = Xml::new(bytes, part);
    let mut para: Option<Para> = None;
    let mut in_text = false;
    // Tables: rows of cells; a table inside a cell is flattened into that cell.
    let mut table_depth = 0usize;
    let mut row: Vec<String> = Vec::new();
    let mut cell: Option<String> = None;
    // Alternate content (text boxes) is written twice, as the new form and a fallback.
    let mut fallback_depth = 0usize;
    while let Some(ev) = x.next()? {
        match &ev {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(ev, Event::Empty(_));
                let name = local(e.name().as_ref()).to_vec();
                if name == b"Fallback" && !empty {
                    fallback_depth += 1;
                }
                if fallback_depth > 0 {
                    continue;
                }
                match name.as_slice() {
                    b"p" if !empty => para = Some(Para::default()),
                    b"pStyle" => set(&mut para, |p| p.style = attr(e, b"val")),
                    b"numId" => set(&mut para, |p| p.num_id = attr(e, b"val")),
                    b"ilvl" => set(&mut para, |p| {
                        p.ilvl = attr(e, b"val").and_then(|v| v.parse().ok())
                    }),
                    b"t" if !empty => in_text = true,
                    b"tab" if para.is_some() && !in_text => set(&mut para, |p| p.text.push('\t')),
                    b"br" | b"cr" => set(&mut para, |p| p.text.push('\n')),
                    b"tbl" if !empty => {
                        table_depth += 1;
                        if table_depth == 1 {
                            out.end_paragraph();
                        }
                    }
                    b"tr" if !empty && table_depth == 1 => row.clear(),
                    b"tc" if !empty && table_depth == 1 => cell = Some(String::new()),
                    _ => {}
                }
            }
            Event::Text(t) if in_text && fallback_depth == 0 => {
                if let Some(p) = &mut para {
                    p.text.push_str(&text(t));
                }
            }
            Event::End(e) => {
                let qname = e.name();
                let name = local(qname.as_ref());
                if name == b"Fallback" {
                    fallback_depth = fallback_depth.saturating_sub(1);
                    continue;
                }
                if fallback_depth > 0 {
                    continue;
                }
                match name {
                    b"t" => in_text = false,
                    b"p" => {
                        let Some(p) = para.take() else { continue };
                        let line = finish(p, numbering);
                        match &mut cell {
                            Some(c) => {
                                if !line.trim().is_empty() {
                                    if !c.is_empty() {
                                        c.push(' ');
                                    }
                                    c.push_str(line.trim());
                                }
                            }
                            None => {
                                if !line.trim().is_empty() {
                                    out.line(line.trim_end());
                                    out.push("\n");
                                }
                            }
                        }
                    }
                    b"tc" if table_depth == 1 => {
                        if let Some(c) = cell.take() {
                            row.push(c.replace('|', "/"));
                        }
                    }
                    b"tr" if table_depth == 1 => {
                        if row.iter().any(|c| !c.trim().is_empty()) {
                            out.line(&format!("| {} |", row.join(" | ")));
                        }
                        row.clear();
                    }
                    b"tbl" => {
                        table_depth = table_depth.saturating_sub(1);
                        if table_depth == 0 {
                            out.end_paragraph();
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

fn set(para: &mut Option<Para>, f: impl FnOnce(&mut Para)) {
    if let Some(p) = para {
        f(p);
    }
}

/// The paragraph's text with the list number Word draws in front of it.
fn finish(p: Para, numbering: &mut Numbering) -> String {
    // The paragraph's own list, else its style's (a paragraph may give only the level).
    let list = match (&p.num_id, &p.style) {
        (Some(id), _) => Some((id.clone(), p.ilvl.unwrap_or(0))),
        (None, Some(style)) => numbering
            .style_list(style)
            .map(|(id, l)| (id, p.ilvl.unwrap_or(l))),
        (None, None) => None,
    };
    // numId 0 means "no list" (it switches off a style's numbering).
    let label = list
        .filter(|(id, _)| id != "0")
        .and_then(|(id, ilvl)| numbering.next_label(&id, ilvl));
    if p.text.trim().is_empty() {
        return String::new();
    }
    match label {
        Some(l) => format!("{l} {}", p.text.trim_start()),
        None => p.text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NUMBERING: &str = r#"<w:numbering xmlns:w="w">
        <w:abstractNum w:abstractNumId="7">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Q%1."/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
        </w:abstractNum>
        <w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
        <w:num w:numId="4"><w:abstractNumId w:val="7"/>
          <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
      </w:numbering>"#;
    const STYLES: &str = r#"<w:styles xmlns:w="w">
        <w:style w:styleId="ListNumber"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
        <w:style w:styleId="FOIQuestion"><w:basedOn w:val="ListNumber"/></w:style>
      </w:styles>"#;

    fn read_body(xml: &str) -> String {
        let mut n = Numbering::read(Some(NUMBERING.as_bytes()), Some(STYLES.as_bytes())).unwrap();
        let mut out = Out::default();
        body(xml.as_bytes(), "word/document.xml", &mut n, &mut out).unwrap();
        out.text
    }

    #[test]
    fn list_numbers_tables_and_what_is_left_out() {
        let p = |style: &str, extra: &str, text: &str| {
            format!(
                r#"<w:p><w:pPr><w:pStyle w:val="{style}"/>{extra}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
            )
        };
        let xml = [
            r#"<w:document xmlns:w="w" xmlns:mc="mc"><w:body>"#.to_string(),
            p("FOIQuestion", "", "How many?"),
            p("FOIQuestion", r#"<w:numPr><w:ilvl w:val="1"/></w:numPr>"#, "In 2020?"),
            p("FOIQuestion", r#"<w:numPr><w:ilvl w:val="1"/></w:numPr>"#, "In 2021?"),
            p("ListNumber", "", "Who?"),
            r#"<w:p><w:r><w:t xml:space="preserve">Kept </w:t></w:r><w:del><w:r><w:delText>deleted</w:delText></w:r></w:del><w:r><w:tab/><w:t>&amp; tabbed</w:t></w:r></w:p>"#.into(),
            r#"<w:p><w:r><mc:AlternateContent><mc:Choice><w:t>box</w:t></mc:Choice><mc:Fallback><w:t>box again</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>"#.into(),
            r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Question</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Answer</w:t></w:r></w:p></w:tc></w:tr>"#.into(),
            r#"<w:tr><w:tc><w:p><w:r><w:t>How much?</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>£5 | more</w:t></w:r></w:p><w:p><w:r><w:t>(est.)</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#.into(),
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr></w:pPr><w:r><w:t>Restarted</w:t></w:r></w:p>"#.into(),
            "</w:body></w:document>".into(),
        ]
        .concat();
        assert_eq!(
            read_body(&xml),
            "Q1. How many?\n\n(a) In 2020?\n\n(b) In 2021?\n\nQ2. Who?\n\nKept \t& tabbed\n\nbox\n\n\
             | Question | Answer |\n| How much? | £5 / more (est.) |\n\nQ1. Restarted\n\n"
        );
    }

    #[test]
    fn word_number_formats() {
        assert_eq!(format_number(3, "lowerLetter"), "c");
        assert_eq!(format_number(28, "lowerLetter"), "bb");
        assert_eq!(format_number(4, "upperRoman"), "IV");
        assert_eq!(format_number(14, "lowerRoman"), "xiv");
        assert_eq!(format_number(7, "decimalZero"), "07");
        assert_eq!(format_number(12, "decimal"), "12");
    }
}
