//! HTML: a WhatDoTheyKnow request page saved from the browser, or any other page (a disclosure
//! log, an HTML e-mail body saved alone).
//!
//! Parsed with `tl` (12 KB gzipped in wasm, field notes; html5ever is 157 KB), then written as
//! the text a browser's "copy" would give: blocks on their own lines, scripts, styles and forms
//! dropped, each table row as a `| cell | cell |` line, ordered lists numbered as the browser
//! draws them.
//!
//! A WhatDoTheyKnow page is written as its text layout that the thread splitter knows: the
//! title, the "… made this Freedom of Information request to …" line, the status, then each
//! correspondence item as its sender line, its date line and its text. WhatDoTheyKnow has
//! already folded quoted earlier correspondence out of a saved page, leaving a "show quoted
//! sections" link, which the later stages read as a fold, not as an answer.

use tl::{HTMLTag, Node, NodeHandle, Parser, ParserOptions};

use super::{Ctx, Format, Out};
use crate::model::Level;

/// Elements whose content is never text of the reply.
const DROPPED: &[&str] = &[
    "script", "style", "head", "noscript", "template", "svg", "iframe", "object", "select",
    "button", "input", "textarea", "form", "nav", "title",
];

/// Elements that start a new line.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "dl",
    "dt",
    "dd",
    "hr",
    "address",
    "main",
    "aside",
    "figure",
    "figcaption",
    "caption",
    "center",
    "tr",
    "tbody",
    "thead",
];

/// Nesting deeper than this is not followed (a hostile page could nest without end).
const MAX_DEPTH: usize = 256;

pub use super::sniff::looks_like_html;

/// Reads a page; returns which kind it was.
pub fn read(text: &str, ctx: &mut Ctx, out: &mut Out) -> Format {
    let Ok(dom) = tl::parse(text, ParserOptions::default()) else {
        ctx.note(
            Level::Warning,
            "damaged-html",
            "The page could not be parsed as HTML; it was read as text.".into(),
        );
        out.push(text);
        return Format::Text;
    };
    let parser = dom.parser();
    let mut w = Writer::new(parser);
    let items: Vec<NodeHandle> = dom
        .get_elements_by_class_name("correspondence")
        .filter(|h| tag(*h, parser).is_some_and(|t| has_class(t, "correspondence")))
        .collect();
    if !items.is_empty() {
        wdtk_page(&dom, &items, &mut w, out);
        if w.too_deep {
            too_deep(ctx);
        }
        return Format::WdtkPage;
    }
    for &h in dom.children() {
        w.node(h, 0);
    }
    out.push(&w.finish());
    if w.too_deep {
        too_deep(ctx);
    }
    Format::Html
}

fn too_deep(ctx: &mut Ctx) {
    ctx.note(
        Level::Warning,
        "too-deep",
        format!("Parts of the page nested more than {MAX_DEPTH} elements deep were not read."),
    );
}

fn tag<'p, 'a>(h: NodeHandle, parser: &'p Parser<'a>) -> Option<&'p HTMLTag<'a>> {
    h.get(parser).and_then(Node::as_tag)
}

fn has_class(t: &HTMLTag, class: &str) -> bool {
    t.attributes()
        .class()
        .is_some_and(|c| c.as_utf8_str().split_whitespace().any(|w| w == class))
}

/// The first element under `h` (itself included) that has `class`, searched breadth-first.
fn find_class(h: NodeHandle, parser: &Parser, class: &str) -> Option<NodeHandle> {
    let mut queue = std::collections::VecDeque::from([(h, 0usize)]);
    while let Some((h, depth)) = queue.pop_front() {
        let Some(t) = tag(h, parser) else { continue };
        if has_class(t, class) {
            return Some(h);
        }
        if depth < MAX_DEPTH {
            queue.extend(t.children().top().iter().map(|&c| (c, depth + 1)));
        }
    }
    None
}

fn find_name(h: NodeHandle, parser: &Parser, name: &str) -> Option<NodeHandle> {
    let mut queue = std::collections::VecDeque::from([(h, 0usize)]);
    while let Some((h, depth)) = queue.pop_front() {
        let Some(t) = tag(h, parser) else { continue };
        if t.name().as_utf8_str().eq_ignore_ascii_case(name) {
            return Some(h);
        }
        if depth < MAX_DEPTH {
            queue.extend(t.children().top().iter().map(|&c| (c, depth + 1)));
        }
    }
    None
}

/// The text of one element, on one line.
fn line_of(h: NodeHandle, parser: &Parser) -> String {
    let mut w = Writer::new(parser);
    w.node(h, 0);
    w.finish().split_whitespace().collect::<Vec<_>>().join(" ")
}

fn wdtk_page(dom: &tl::VDom, items: &[NodeHandle], w: &mut Writer, out: &mut Out) {
    let parser = dom.parser();
    let roots: Vec<NodeHandle> = dom.children().to_vec();
    let find = |class: &str| roots.iter().find_map(|&r| find_class(r, parser, class));
    // The title is the h1 that is not the site's logo.
    let mut title = None;
    for h in dom.query_selector("h1").into_iter().flatten() {
        let is_logo = tag(h, parser).is_some_and(|t| {
            find_class(h, parser, "site-title__logo").is_some() || has_class(t, "site-title__logo")
        });
        if !is_logo {
            title = Some(line_of(h, parser));
            break;
        }
    }
    let subtitle = find("request-header__subtitle").map(|h| line_of(h, parser));
    // "A Person made this Freedom of Information request to Some Body"
    let authority = subtitle
        .as_deref()
        .and_then(|s| s.rsplit_once(" request to "))
        .map(|(_, a)| a.trim_end_matches('.').trim().to_string())
        .filter(|a| !a.is_empty());
    out.part("header", "page header".into(), |o| {
        for line in [
            title,
            subtitle.clone(),
            find("request-status-message").map(|h| line_of(h, parser)),
        ]
        .into_iter()
        .flatten()
        .filter(|l| !l.is_empty())
        {
            o.line(&line);
            o.push("\n");
        }
    });
    for (i, &item) in items.iter().enumerate() {
        // Some pages give only the team ("Despatch Box,") with the body's name left out.
        let sender = find_class(item, parser, "correspondence__header__author")
            .map(|h| line_of(h, parser))
            .map(|s| match (&authority, s.strip_suffix(',')) {
                (Some(a), Some(team)) => format!("{team}, {a}"),
                _ => s,
            });
        let date = find_class(item, parser, "correspondence__header__date")
            .map(|h| find_name(h, parser, "time").unwrap_or(h))
            .map(|h| line_of(h, parser));
        let body = find_class(item, parser, "correspondence_text");
        out.end_paragraph();
        let label = match &sender {
            Some(s) => format!("correspondence {}: {s}", i + 1),
            None => format!("correspondence {}", i + 1),
        };
        out.part("message", label, |o| {
            for line in [sender, date]
                .into_iter()
                .flatten()
                .filter(|l| !l.is_empty())
            {
                o.line(&line);
                o.push("\n");
            }
            if let Some(b) = body {
                let mut bw = Writer::new(parser);
                bw.skip_class = Some("attachments");
                bw.node(b, 0);
                o.push(&bw.finish());
                w.too_deep |= bw.too_deep;
            }
        });
    }
}

/// Writes the text of a tree of nodes.
struct Writer<'p, 'a> {
    parser: &'p Parser<'a>,
    text: String,
    /// The cells of the table row being read.
    row: Option<Vec<String>>,
    /// The cell being read (text goes here instead of `text`).
    cell: Option<String>,
    /// Elements with this class are left out.
    skip_class: Option<&'static str>,
    pre: usize,
    too_deep: bool,
}

impl<'p, 'a> Writer<'p, 'a> {
    fn new(parser: &'p Parser<'a>) -> Self {
        Writer {
            parser,
            text: String::new(),
            row: None,
            cell: None,
            skip_class: None,
            pre: 0,
            too_deep: false,
        }
    }

    fn sink(&mut self) -> &mut String {
        self.cell.as_mut().unwrap_or(&mut self.text)
    }

    fn words(&mut self, raw: &str) {
        let s = decode_entities(raw);
        if self.pre > 0 && self.cell.is_none() {
            self.text.push_str(&s);
            return;
        }
        let sink = self.sink();
        for (i, part) in s
            .split(|c: char| c.is_whitespace() && c != '\u{a0}')
            .enumerate()
        {
            if i > 0 && !sink.ends_with([' ', '\n']) && !sink.is_empty() {
                sink.push(' ');
            }
            sink.push_str(part);
        }
    }

    fn newline(&mut self) {
        let sink = self.sink();
        if sink.is_empty() {
            return;
        }
        if sink.ends_with(' ') {
            let t = sink.trim_end_matches(' ').len();
            sink.truncate(t);
        }
        if self.cell.is_some() {
            if !self.sink().ends_with(' ') && !self.sink().is_empty() {
                self.sink().push(' ');
            }
            return;
        }
        self.text.push('\n');
    }

    fn node(&mut self, h: NodeHandle, depth: usize) {
        if depth > MAX_DEPTH {
            self.too_deep = true;
            return;
        }
        let Some(node) = h.get(self.parser) else {
            return;
        };
        let t = match node {
            Node::Raw(b) => {
                self.words(&b.as_utf8_str());
                return;
            }
            Node::Comment(_) => return,
            Node::Tag(t) => t,
        };
        let name = t.name().as_utf8_str().to_ascii_lowercase();
        if DROPPED.contains(&name.as_str()) {
            return;
        }
        if let Some(c) = self.skip_class {
            if has_class(t, c) {
                return;
            }
        }
        let children: Vec<NodeHandle> = t.children().top().to_vec();
        match name.as_str() {
            "br" => self.newline(),
            "tr" if self.row.is_none() && self.cell.is_none() => {
                self.row = Some(Vec::new());
                for c in children {
                    self.node(c, depth + 1);
                }
                let row = self.row.take().unwrap_or_default();
                if row.iter().any(|c| !c.trim().is_empty()) {
                    if !self.text.ends_with('\n') && !self.text.is_empty() {
                        self.text.push('\n');
                    }
                    let cells: Vec<String> =
                        row.iter().map(|c| c.trim().replace('|', "/")).collect();
                    self.text.push_str(&format!("| {} |\n", cells.join(" | ")));
                }
            }
            "td" | "th" if self.row.is_some() && self.cell.is_none() => {
                self.cell = Some(String::new());
                for c in children {
                    self.node(c, depth + 1);
                }
                let cell = self.cell.take().unwrap_or_default();
                if let Some(r) = &mut self.row {
                    r.push(cell);
                }
            }
            "ol" => {
                self.newline();
                let start: usize = t
                    .attributes()
                    .get("start")
                    .flatten()
                    .and_then(|v| v.as_utf8_str().trim().parse().ok())
                    .unwrap_or(1);
                let mut n = start;
                for c in children {
                    let is_li = tag(c, self.parser)
                        .is_some_and(|t| t.name().as_utf8_str().eq_ignore_ascii_case("li"));
                    if is_li {
                        self.newline();
                        self.words(&format!("{n}. "));
                        n += 1;
                        let inner: Vec<NodeHandle> = tag(c, self.parser)
                            .map(|t| t.children().top().to_vec())
                            .unwrap_or_default();
                        for g in inner {
                            self.node(g, depth + 2);
                        }
                        self.newline();
                    } else {
                        self.node(c, depth + 1);
                    }
                }
                self.newline();
            }
            _ => {
                let block = BLOCKS.contains(&name.as_str());
                let para = matches!(
                    name.as_str(),
                    "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "table" | "blockquote" | "ul"
                );
                if block {
                    self.newline();
                    if para {
                        self.newline();
                    }
                }
                if name == "li" {
                    self.words("- ");
                }
                if name == "pre" {
                    self.pre += 1;
                }
                for c in children {
                    self.node(c, depth + 1);
                }
                if name == "pre" {
                    self.pre -= 1;
                }
                if block {
                    self.newline();
                    if para {
                        self.newline();
                    }
                }
            }
        }
    }

    /// The text with each line trimmed and runs of blank lines cut to one.
    fn finish(&self) -> String {
        let mut out = String::with_capacity(self.text.len());
        let mut blank = true;
        for line in self.text.lines() {
            let line = line.trim();
            if line.is_empty() {
                if !blank {
                    out.push('\n');
                }
                blank = true;
            } else {
                out.push_str(line);
                out.push('\n');
                blank = false;
            }
        }
        out
    }
}

/// Character references: numeric ones and the named ones that replies use.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..].find(';').map(|e| e + 1).filter(|&e| e <= 12);
        let Some(end) = end else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..end];
        let c = if let Some(num) = name.strip_prefix('#') {
            let v = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => num.parse().ok(),
            };
            v.map(|v| match v {
                0x80..=0x9F => super::windows_1252(v as u8),
                _ => char::from_u32(v).unwrap_or('\u{fffd}'),
            })
        } else {
            named_entity(name)
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "pound" => '£',
        "euro" => '€',
        "copy" => '©',
        "reg" => '®',
        "deg" => '°',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "bull" => '•',
        "middot" => '·',
        "sect" => '§',
        "para" => '¶',
        "times" => '×',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "agrave" => 'à',
        "ccedil" => 'ç',
        "uuml" => 'ü',
        "ouml" => 'ö',
        "auml" => 'ä',
        "shy" => '\u{ad}',
        "zwnj" => '\u{200c}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("A &amp; B &pound;5 &#8217;s &#x2013; &#146; &bogus; & x"),
            "A & B £5 ’s – ’ &bogus; & x"
        );
    }
}
