//! A decoded input handed from one build of the decoder to another.
//!
//! The page's start-up module runs the engine but has no e-mail, Office, zip or HTML reader; its
//! on-demand *formats* module has the readers but no engine. The formats module decodes, and
//! the start-up module analyses what it decoded, with the source map and the readers' notes
//! intact. The text travels as a string; everything else of a [`Decoded`] (or the reason it
//! could not be decoded) as [`meta`], a few tab-separated lines read back by [`read`]. Lines
//! (`→` for a tab):
//!
//! ```text
//! format → docx
//! encoding → utf-8
//! part → attachment → 120 → 480 → attachment 1: reply.docx
//! diag → warning → too-deep → - → - → Files are nested more than 8 deep …
//! error → error → zip-bomb → - → - → This file …                  (instead of all the above)
//! ```
//!
//! Labels and messages have `\`, tab, CR and LF escaped as `\\`, `\t`, `\r`, `\n`.

use std::sync::Mutex;

use super::{Decoded, Format};
use crate::model::{Diagnostic, Level, SourcePart, Span};

/// The metadata of a decode's result (see the module's documentation).
pub fn meta(result: &Result<Decoded, Diagnostic>) -> String {
    let mut m = String::new();
    match result {
        Ok(d) => {
            m.push_str(&format!("format\t{}\nencoding\t{}\n", d.format, d.encoding));
            for p in &d.parts {
                m.push_str(&format!(
                    "part\t{}\t{}\t{}\t{}\n",
                    p.kind,
                    p.span.start,
                    p.span.end,
                    escape(&p.label)
                ));
            }
            for g in &d.diagnostics {
                diagnostic(&mut m, "diag", g);
            }
        }
        Err(g) => diagnostic(&mut m, "error", g),
    }
    m
}

fn diagnostic(m: &mut String, tag: &str, g: &Diagnostic) {
    let (s, e) = match g.span {
        Some(sp) => (sp.start.to_string(), sp.end.to_string()),
        None => ("-".into(), "-".into()),
    };
    m.push_str(&format!(
        "{tag}\t{}\t{}\t{s}\t{e}\t{}\n",
        level_name(g.level),
        escape(g.code),
        escape(&g.message)
    ));
}

/// The result that [`meta`] described, with its decoded `text`. Spans outside the text, and
/// lines that cannot be read, are dropped: the analysis goes on with what is sound.
pub fn read(text: String, meta: &str) -> Result<Decoded, Diagnostic> {
    let mut d = Decoded {
        text,
        encoding: "utf-8",
        format: "text",
        parts: Vec::new(),
        diagnostics: Vec::new(),
    };
    let len = d.text.len();
    let span = |s: &str, e: &str| -> Option<Span> {
        let (s, e) = (s.parse().ok()?, e.parse().ok()?);
        (s <= e && e <= len).then(|| Span::new(s, e))
    };
    for line in meta.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        match f.as_slice() {
            ["format", name] => d.format = format_name(name),
            ["encoding", name] => d.encoding = encoding_name(name),
            ["part", kind, s, e, label] => {
                if let Some(sp) = span(s, e) {
                    d.parts.push(SourcePart {
                        kind: part_kind(kind),
                        label: unescape(label),
                        span: sp,
                    });
                }
            }
            [tag @ ("diag" | "error"), level, code, s, e, message] => {
                let g = Diagnostic {
                    level: level_named(level),
                    code: intern(&unescape(code)),
                    message: unescape(message),
                    span: span(s, e),
                };
                if *tag == "error" {
                    return Err(g);
                }
                d.diagnostics.push(g);
            }
            _ => {}
        }
    }
    Ok(d)
}

fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => o.push_str("\\\\"),
            '\t' => o.push_str("\\t"),
            '\n' => o.push_str("\\n"),
            '\r' => o.push_str("\\r"),
            c => o.push(c),
        }
    }
    o
}

fn unescape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c != '\\' {
            o.push(c);
            continue;
        }
        match it.next() {
            Some('t') => o.push('\t'),
            Some('n') => o.push('\n'),
            Some('r') => o.push('\r'),
            Some(c) => o.push(c),
            None => o.push('\\'),
        }
    }
    o
}

fn level_name(l: Level) -> &'static str {
    match l {
        Level::Info => "info",
        Level::Warning => "warning",
        Level::Error => "error",
    }
}

fn level_named(s: &str) -> Level {
    match s {
        "error" => Level::Error,
        "warning" => Level::Warning,
        _ => Level::Info,
    }
}

fn format_name(s: &str) -> &'static str {
    Format::ALL
        .iter()
        .map(|f| f.name())
        .find(|n| *n == s)
        .unwrap_or("text")
}

fn encoding_name(s: &str) -> &'static str {
    ["utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1252"]
        .into_iter()
        .find(|n| *n == s)
        .unwrap_or("utf-8")
}

fn part_kind(s: &str) -> &'static str {
    [
        "header",
        "body",
        "attachment",
        "message",
        "member",
        "page",
        "sheet",
        "table",
    ]
    .into_iter()
    .find(|n| *n == s)
    .unwrap_or("part")
}

/// A diagnostic code as the `&'static str` diagnostics carry. The codes are the decoder's own
/// (a few dozen), never text from the input, so keeping each distinct one for the life of the
/// page costs a few hundred bytes at most.
fn intern(s: &str) -> &'static str {
    static CODES: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());
    let mut codes = CODES.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(c) = codes.iter().find(|c| **c == s) {
        return c;
    }
    let c: &'static str = Box::leak(s.to_owned().into_boxed_str());
    codes.push(c);
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_decode_survives_the_trip() {
        let d = Decoded {
            text: "From: A\n\nQ1. Yes\n".into(),
            encoding: "windows-1252",
            format: "email",
            parts: vec![
                SourcePart {
                    kind: "body",
                    label: "message body".into(),
                    span: Span::new(9, 17),
                },
                SourcePart {
                    kind: "attachment",
                    label: "attachment 1: a\tb\\c\nd.docx".into(),
                    span: Span::new(0, 3),
                },
            ],
            diagnostics: vec![Diagnostic {
                level: Level::Warning,
                code: "too-deep",
                message: "nested\tdeep\r\n".into(),
                span: Some(Span::new(1, 2)),
            }],
        };
        let back = read(d.text.clone(), &meta(&Ok(d.clone()))).unwrap();
        assert_eq!(back.text, d.text);
        assert_eq!(back.format, "email");
        assert_eq!(back.encoding, "windows-1252");
        assert_eq!(back.parts, d.parts);
        assert_eq!(back.diagnostics, d.diagnostics);
    }

    #[test]
    fn an_error_survives_the_trip() {
        let g = Diagnostic {
            level: Level::Error,
            code: "zip-bomb",
            message: "This file is a zip bomb.".into(),
            span: None,
        };
        assert_eq!(read(String::new(), &meta(&Err(g.clone()))).unwrap_err(), g);
    }

    #[test]
    fn spans_outside_the_text_and_odd_lines_are_dropped() {
        let d = read(
            "abc".into(),
            "format\tnonsense\npart\tpage\t0\t9\tpage 1\npart\tpage\t0\t2\tpage 2\nwhat\n",
        )
        .unwrap();
        assert_eq!(d.format, "text");
        assert_eq!(d.parts.len(), 1);
        assert_eq!(d.parts[0].label, "page 2");
    }
}
