//! Reading the XML inside Office files safely.
//!
//! quick-xml expands no entity that a document declares, so the "billion laughs" attack (an
//! entity defined as ten of another, nine deep) cannot blow up here; but Word, Excel and
//! LibreOffice never write a document type declaration at all, so one is refused outright with
//! a message rather than read around.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::limits::breach;
use crate::model::Diagnostic;

/// The events of one XML part, refusing a DTD and turning a syntax error into a message.
pub struct Xml<'a> {
    reader: Reader<&'a [u8]>,
    part: &'a str,
}

impl<'a> Xml<'a> {
    pub fn new(bytes: &'a [u8], part: &'a str) -> Self {
        let mut reader = Reader::from_reader(bytes);
        reader.config_mut().check_end_names = false;
        Xml { reader, part }
    }

    /// The next event; `Ok(None)` at the end of the part.
    pub fn next(&mut self) -> Result<Option<Event<'a>>, Diagnostic> {
        match self.reader.read_event() {
            Ok(Event::Eof) => Ok(None),
            Ok(Event::DocType(_)) => Err(breach(
                "xml-dtd",
                format!(
                    "`{}` in this file declares a document type (DTD), which Office files never do: it could be an XML entity-expansion attack (\"billion laughs\"). The file was not read.",
                    self.part
                ),
            )),
            Ok(e) => Ok(Some(e)),
            Err(e) => Err(breach(
                "damaged-xml",
                format!(
                    "`{}` in this file is damaged (not well-formed XML: {e}).",
                    self.part
                ),
            )),
        }
    }
}

/// The name without its namespace prefix: `w:p` → `p`.
pub fn local(name: &[u8]) -> &[u8] {
    match name.iter().rposition(|&b| b == b':') {
        Some(i) => &name[i + 1..],
        None => name,
    }
}

/// The value of the attribute whose local name is `key` (any prefix).
pub fn attr(e: &BytesStart, key: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| local(a.key.as_ref()) == key)
        .map(|a| {
            a.unescape_value()
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| String::from_utf8_lossy(&a.value).into_owned())
        })
}

/// Text content with the five predefined entities and character references resolved; text
/// with anything else is kept as written.
pub fn text(t: &quick_xml::events::BytesText) -> String {
    t.unescape()
        .map(|v| v.into_owned())
        .unwrap_or_else(|_| String::from_utf8_lossy(t).into_owned())
}
