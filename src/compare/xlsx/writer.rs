//! A minimal SpreadsheetML (Office Open XML) writer: what the comparison's workbook uses and
//! nothing more.
//!
//! Each sheet has number cells and text cells, a bold header row (the one cell style beside the
//! default), a frozen pane, and column widths. Text goes into the shared-string table (each
//! distinct text once, as Excel itself writes it), numbers into `<v>`. No formula (`<f>`) is
//! ever written and every text cell is typed as a string (`t="s"`), so a cell that starts with
//! `=`, `+`, `-` or `@` (a reply's "-5", or a hostile "=HYPERLINK(…)") is shown as the text it
//! is and never run: the guard the CSV export needs a leading `'` for is the cell type here, and
//! the text is kept exactly as the reply gave it.
//!
//! The package holds only the parts Excel, LibreOffice and openpyxl need (content types,
//! relationships, workbook, styles, shared strings, sheets): no theme, no document properties,
//! so nothing reads the clock and the same comparison always gives the same bytes.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::zip::ZipWriter;

/// Excel's limit on the characters of one cell: 32,767 UTF-16 code units.
pub const CELL_MAX: usize = 32_767;
/// Excel's last row (1,048,576) and column (XFD, 16,384), counted from 0.
pub const ROW_MAX: u32 = 1_048_575;
pub const COL_MAX: u16 = 16_383;

const MAIN_NS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_DECL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// Style 0 is Excel's default (Calibri 11); style 1 the same in bold, for header rows.
const STYLES: &str = concat!(
    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
    "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>",
    "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>",
    // Excel insists on these two fills, reserved in this order.
    "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>",
    "<fill><patternFill patternType=\"gray125\"/></fill></fills>",
    "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>",
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>",
    "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>",
    "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>",
    "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>",
    "</styleSheet>"
);

#[derive(Debug, Clone, PartialEq)]
enum Value {
    Number(f64),
    Text(String),
}

#[derive(Debug, Clone)]
struct Cell {
    row: u32,
    col: u16,
    bold: bool,
    value: Value,
}

/// One worksheet: cells in any order (a later write to the same cell replaces the earlier),
/// sorted when the workbook is saved.
#[derive(Debug, Default)]
pub struct Sheet {
    name: String,
    cells: Vec<Cell>,
    widths: Vec<(u16, f64)>,
    freeze: Option<(u32, u16)>,
}

impl Sheet {
    /// A text cell. An empty text writes nothing (the cell stays blank, as in the CSVs).
    /// Characters XML 1.0 cannot carry are dropped and a text past [`CELL_MAX`] is cut, ending
    /// in `…`, since Excel refuses the whole file otherwise.
    pub fn text(&mut self, row: u32, col: u16, s: &str) {
        self.put(row, col, false, s);
    }

    /// A number cell; a NaN or infinity, which a cell cannot hold, is written as its text.
    pub fn number(&mut self, row: u32, col: u16, n: f64) {
        if n.is_finite() {
            self.cells.push(Cell {
                row,
                col,
                bold: false,
                value: Value::Number(n),
            });
        } else {
            self.text(row, col, &n.to_string());
        }
    }

    /// A bold header in row 0, frozen so that it stays in view when scrolling.
    pub fn header<S: AsRef<str>>(&mut self, cols: &[S]) {
        for (c, h) in cols.iter().enumerate() {
            self.put(0, c as u16, true, h.as_ref());
        }
        self.freeze(1, 0);
    }

    /// Freezes the rows above `row` and the columns left of `col`.
    pub fn freeze(&mut self, row: u32, col: u16) {
        self.freeze = Some((row, col));
    }

    /// A column's width in characters of the default font, as Excel's "Column Width" dialog
    /// takes it.
    pub fn width(&mut self, col: u16, chars: f64) {
        self.widths.retain(|&(c, _)| c != col);
        self.widths.push((col, chars));
    }

    fn put(&mut self, row: u32, col: u16, bold: bool, s: &str) {
        let s = cell_text(s);
        if !s.is_empty() {
            self.cells.push(Cell {
                row,
                col,
                bold,
                value: Value::Text(s),
            });
        }
    }

    /// The worksheet's XML, its text cells numbered in `strings`.
    fn xml(&mut self, first: bool, strings: &mut Strings) -> Result<String, String> {
        // Stable: of two writes to one cell, the later stays last, and is the one kept.
        self.cells.sort_by_key(|c| (c.row, c.col));
        let mut cells: Vec<&Cell> = Vec::with_capacity(self.cells.len());
        for c in &self.cells {
            if c.row > ROW_MAX || c.col > COL_MAX {
                return Err(format!(
                    "sheet {}: cell {} is past Excel's last row or column",
                    self.name,
                    cell_ref(c.row.min(ROW_MAX), c.col.min(COL_MAX))
                ));
            }
            match cells.last_mut() {
                Some(last) if (last.row, last.col) == (c.row, c.col) => *last = c,
                _ => cells.push(c),
            }
        }
        let mut x = String::with_capacity(64 * cells.len() + 1024);
        x.push_str(XML_DECL);
        let _ = write!(x, "<worksheet xmlns=\"{MAIN_NS}\" xmlns:r=\"{REL_NS}\">");
        let (last_row, last_col) = cells
            .iter()
            .fold((0, 0), |(r, c), x| (r.max(x.row), c.max(x.col)));
        let _ = write!(x, "<dimension ref=\"A1");
        if !cells.is_empty() {
            let _ = write!(x, ":{}", cell_ref(last_row, last_col));
        }
        x.push_str("\"/><sheetViews><sheetView");
        if first {
            x.push_str(" tabSelected=\"1\"");
        }
        x.push_str(" workbookViewId=\"0\"");
        match self.freeze {
            Some((row, col)) if row > 0 || col > 0 => {
                x.push('>');
                let pane = match (row > 0, col > 0) {
                    (true, true) => "bottomRight",
                    (true, false) => "bottomLeft",
                    _ => "topRight",
                };
                x.push_str("<pane");
                if col > 0 {
                    let _ = write!(x, " xSplit=\"{col}\"");
                }
                if row > 0 {
                    let _ = write!(x, " ySplit=\"{row}\"");
                }
                let top_left = cell_ref(row, col);
                let _ = write!(
                    x,
                    " topLeftCell=\"{top_left}\" activePane=\"{pane}\" state=\"frozen\"/>\
                     <selection pane=\"{pane}\" activeCell=\"{top_left}\" sqref=\"{top_left}\"/>\
                     </sheetView>"
                );
            }
            _ => x.push_str("/>"),
        }
        x.push_str("</sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>");
        if !self.widths.is_empty() {
            self.widths.sort_by_key(|&(c, _)| c);
            x.push_str("<cols>");
            for &(c, w) in &self.widths {
                let n = c + 1;
                let w = excel_width(w);
                let _ = write!(
                    x,
                    "<col min=\"{n}\" max=\"{n}\" width=\"{w}\" customWidth=\"1\"/>"
                );
            }
            x.push_str("</cols>");
        }
        x.push_str("<sheetData>");
        let mut row = None;
        for c in cells {
            if row != Some(c.row) {
                if row.is_some() {
                    x.push_str("</row>");
                }
                let _ = write!(x, "<row r=\"{}\">", c.row + 1);
                row = Some(c.row);
            }
            let _ = write!(x, "<c r=\"{}\"", cell_ref(c.row, c.col));
            if c.bold {
                x.push_str(" s=\"1\"");
            }
            match &c.value {
                Value::Number(n) => {
                    let _ = write!(x, "><v>{}</v></c>", number_text(*n));
                }
                Value::Text(s) => {
                    let _ = write!(x, " t=\"s\"><v>{}</v></c>", strings.index(s));
                }
            }
        }
        if row.is_some() {
            x.push_str("</row>");
        }
        x.push_str(
            "</sheetData><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" \
             header=\"0.3\" footer=\"0.3\"/></worksheet>",
        );
        Ok(x)
    }
}

/// The shared-string table: each distinct text once, numbered in the order first met.
#[derive(Default)]
struct Strings {
    index: HashMap<String, usize>,
    list: Vec<String>,
    uses: usize,
}

impl Strings {
    fn index(&mut self, s: &str) -> usize {
        self.uses += 1;
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        let i = self.list.len();
        self.index.insert(s.to_string(), i);
        self.list.push(s.to_string());
        i
    }

    fn xml(&self) -> String {
        let mut x = String::with_capacity(self.list.iter().map(|s| s.len() + 16).sum::<usize>());
        x.push_str(XML_DECL);
        let _ = write!(
            x,
            "<sst xmlns=\"{MAIN_NS}\" count=\"{}\" uniqueCount=\"{}\">",
            self.uses,
            self.list.len()
        );
        for s in &self.list {
            // Without xml:space, a reader may drop the spaces a text begins or ends with.
            if s.starts_with(char::is_whitespace) || s.ends_with(char::is_whitespace) {
                x.push_str("<si><t xml:space=\"preserve\">");
            } else {
                x.push_str("<si><t>");
            }
            escape_into(&mut x, s);
            x.push_str("</t></si>");
        }
        x.push_str("</sst>");
        x
    }
}

/// A workbook being written: [`sheet`](Self::sheet) for each worksheet in tab order, then
/// [`save`](Self::save) for the `.xlsx` bytes.
#[derive(Default)]
pub struct Workbook {
    sheets: Vec<Sheet>,
}

impl Workbook {
    pub fn new() -> Self {
        Self::default()
    }

    /// A new worksheet named `name` (at most 31 characters, none of `[]:*?/\`, as Excel asks).
    pub fn sheet(&mut self, name: &str) -> &mut Sheet {
        self.sheets.push(Sheet {
            name: name.to_string(),
            ..Sheet::default()
        });
        self.sheets.last_mut().expect("just pushed")
    }

    /// The `.xlsx` file: a zip of the package's parts.
    pub fn save(mut self) -> Result<Vec<u8>, String> {
        let mut strings = Strings::default();
        let mut sheets = Vec::with_capacity(self.sheets.len());
        for (i, s) in self.sheets.iter_mut().enumerate() {
            let bad = s.name.is_empty()
                || s.name.chars().count() > 31
                || s.name.contains(['[', ']', ':', '*', '?', '/', '\\']);
            if bad {
                return Err(format!("`{}` is not a sheet name Excel accepts", s.name));
            }
            sheets.push(s.xml(i == 0, &mut strings)?);
        }
        let n = self.sheets.len();

        let mut types = String::from(XML_DECL);
        types.push_str(
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
             <Default Extension=\"rels\" \
             ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
             <Default Extension=\"xml\" ContentType=\"application/xml\"/>\
             <Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-\
             officedocument.spreadsheetml.sheet.main+xml\"/>",
        );
        for i in 1..=n {
            let _ = write!(
                types,
                "<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"application/\
                 vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            );
        }
        types.push_str(
            "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-\
             officedocument.spreadsheetml.styles+xml\"/>\
             <Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.\
             openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>",
        );

        let root_rels = format!(
            "{XML_DECL}<Relationships xmlns=\"{PKG_REL_NS}\"><Relationship Id=\"rId1\" \
             Type=\"{REL_NS}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
        );

        let mut workbook = format!(
            "{XML_DECL}<workbook xmlns=\"{MAIN_NS}\" xmlns:r=\"{REL_NS}\">\
             <bookViews><workbookView/></bookViews><sheets>"
        );
        let mut rels = format!("{XML_DECL}<Relationships xmlns=\"{PKG_REL_NS}\">");
        for (i, s) in self.sheets.iter().enumerate() {
            let i = i + 1;
            workbook.push_str("<sheet name=\"");
            escape_into(&mut workbook, &s.name);
            let _ = write!(workbook, "\" sheetId=\"{i}\" r:id=\"rId{i}\"/>");
            let _ = write!(
                rels,
                "<Relationship Id=\"rId{i}\" Type=\"{REL_NS}/worksheet\" \
                 Target=\"worksheets/sheet{i}.xml\"/>"
            );
        }
        workbook.push_str("</sheets></workbook>");
        let _ = write!(
            rels,
            "<Relationship Id=\"rId{}\" Type=\"{REL_NS}/styles\" Target=\"styles.xml\"/>\
             <Relationship Id=\"rId{}\" Type=\"{REL_NS}/sharedStrings\" \
             Target=\"sharedStrings.xml\"/></Relationships>",
            n + 1,
            n + 2
        );

        let mut zip = ZipWriter::new();
        zip.add("[Content_Types].xml", types.as_bytes())?;
        zip.add("_rels/.rels", root_rels.as_bytes())?;
        zip.add("xl/workbook.xml", workbook.as_bytes())?;
        zip.add("xl/_rels/workbook.xml.rels", rels.as_bytes())?;
        zip.add("xl/styles.xml", format!("{XML_DECL}{STYLES}").as_bytes())?;
        zip.add("xl/sharedStrings.xml", strings.xml().as_bytes())?;
        for (i, x) in sheets.iter().enumerate() {
            zip.add(&format!("xl/worksheets/sheet{}.xml", i + 1), x.as_bytes())?;
        }
        zip.finish()
    }
}

/// A text as a cell can hold it: without the characters XML 1.0 forbids (the C0 controls but
/// tab, line feed and carriage return; U+FFFE and U+FFFF), which would make the whole file
/// unreadable, and cut at [`CELL_MAX`] UTF-16 code units (Excel's count) with `…` as the last.
fn cell_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut units = 0;
    let mut cut = None;
    for c in s.chars().filter(|&c| xml_char(c)) {
        units += c.len_utf16();
        if units > CELL_MAX - 1 && cut.is_none() {
            // The length before this character: where `…` goes if the text turns out too long.
            cut = Some(out.len());
        }
        if units > CELL_MAX {
            out.truncate(cut.unwrap_or(out.len()));
            out.push('…');
            return out;
        }
        out.push(c);
    }
    out
}

/// Whether XML 1.0 allows `c` (its `Char` production; Rust's `char` has no surrogates).
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// Appends `s` escaped for XML text and attribute values. Besides `&`, `<`, `>` and `"`:
///
/// - a carriage return as `&#13;`, since an XML reader turns a literal one into a line feed;
/// - the `_` of a literal `_x0041_`, as `_x005F_`: Excel and openpyxl read `_xHHHH_` in a
///   string as the character HHHH (it is how OOXML spells control characters), so a text that
///   contains one would otherwise come back changed.
fn escape_into(out: &mut String, s: &str) {
    for (i, c) in s.char_indices() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\r' => out.push_str("&#13;"),
            '_' if ooxml_escape_at(&s[i..]) => out.push_str("_x005F_"),
            c => out.push(c),
        }
    }
}

/// Whether `s` starts with `_xHHHH_` (H a hex digit).
fn ooxml_escape_at(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 7
        && b[0] == b'_'
        && b[1] == b'x'
        && b[2..6].iter().all(u8::is_ascii_hexdigit)
        && b[6] == b'_'
}

/// `A1`-style reference of a cell counted from 0: column 0 is `A`, 26 `AA`, 16,383 `XFD`.
fn cell_ref(row: u32, col: u16) -> String {
    let mut letters = Vec::with_capacity(3);
    let mut n = u32::from(col) + 1;
    while n > 0 {
        let d = (n - 1) % 26;
        letters.push(b'A' + d as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!(
        "{}{}",
        String::from_utf8(letters).unwrap_or_default(),
        row + 1
    )
}

/// A number as `<v>` holds it (xsd:double): the shortest text that reads back as the same
/// `f64`, in exponent form for very large or small magnitudes, where Rust's plain form would
/// spell out hundreds of digits.
fn number_text(n: f64) -> String {
    let a = n.abs();
    if a == 0.0 || (1e-6..1e16).contains(&a) {
        format!("{n}")
    } else {
        format!("{n:e}")
    }
}

/// A width in characters as Excel stores it: the characters of the maximum digit width (7 px in
/// Calibri 11) plus 5 px of padding, in 1/256ths of a character, as Excel's own dialog does; so
/// a width of 28 shows as 28 in Excel.
fn excel_width(chars: f64) -> f64 {
    if chars <= 0.0 {
        return 0.0;
    }
    let px = if chars < 1.0 {
        (chars * 12.0).round()
    } else {
        (chars * 7.0).round() + 5.0
    };
    (px / 7.0 * 256.0).trunc() / 256.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(s: &str) -> String {
        let mut out = String::new();
        escape_into(&mut out, s);
        out
    }

    #[test]
    fn text_is_escaped_for_xml() {
        assert_eq!(
            escaped(r#"Q1 <b> & "x" > 'y'"#),
            "Q1 &lt;b&gt; &amp; &quot;x&quot; &gt; 'y'"
        );
        assert_eq!(escaped("a\r\nb\tc"), "a&#13;\nb\tc");
        assert_eq!(escaped("£5 – ünï 😀"), "£5 – ünï 😀");
        // A literal OOXML escape keeps its meaning; a near miss is left alone.
        assert_eq!(escaped("_x0041_"), "_x005F_x0041_");
        assert_eq!(
            escaped("a_x00e9_b _x12_ _xZZZZ_ _"),
            "a_x005F_x00e9_b _x12_ _xZZZZ_ _"
        );
    }

    #[test]
    fn characters_xml_forbids_are_dropped() {
        assert_eq!(cell_text("a\u{0}b\u{1}\u{8}c\u{b}\u{c}\u{1f}d"), "abcd");
        assert_eq!(
            cell_text("keep\ttab\nnewline\rcr"),
            "keep\ttab\nnewline\rcr"
        );
        assert_eq!(cell_text("x\u{FFFE}\u{FFFF}y\u{FFFD}"), "xy\u{FFFD}");
        assert_eq!(
            cell_text("\u{7f}\u{80}\u{10FFFF}"),
            "\u{7f}\u{80}\u{10FFFF}"
        );
        assert_eq!(cell_text("\u{0}\u{1}"), "");
    }

    #[test]
    fn a_cell_is_cut_at_excels_limit() {
        let exact = "a".repeat(CELL_MAX);
        assert_eq!(cell_text(&exact), exact);
        let over = cell_text(&"a".repeat(CELL_MAX + 1));
        assert_eq!(over.encode_utf16().count(), CELL_MAX);
        assert!(over.ends_with("a…"));
        // Characters outside the BMP count twice, as in Excel; none is split.
        let wide = cell_text(&"😀".repeat(CELL_MAX));
        assert!(wide.encode_utf16().count() <= CELL_MAX);
        assert!(wide.ends_with("😀…"));
        // Dropped characters do not count.
        let with_nul = format!("{}{}", "\u{0}".repeat(10), "a".repeat(CELL_MAX));
        assert_eq!(cell_text(&with_nul), "a".repeat(CELL_MAX));
    }

    #[test]
    fn cell_references_and_numbers() {
        assert_eq!(cell_ref(0, 0), "A1");
        assert_eq!(cell_ref(1, 25), "Z2");
        assert_eq!(cell_ref(9, 26), "AA10");
        assert_eq!(cell_ref(0, 701), "ZZ1");
        assert_eq!(cell_ref(0, 702), "AAA1");
        assert_eq!(cell_ref(ROW_MAX, COL_MAX), "XFD1048576");
        assert_eq!(number_text(2_448_000.0), "2448000");
        assert_eq!(number_text(0.25), "0.25");
        assert_eq!(number_text(-3.5), "-3.5");
        assert_eq!(number_text(0.0), "0");
        assert_eq!(number_text(1e300), "1e300");
        assert_eq!(number_text(1.5e-9), "1.5e-9");
        assert_eq!(excel_width(28.0), 28.7109375);
        assert_eq!(excel_width(60.0), 60.7109375);
    }

    /// The parts of a saved workbook, by name.
    fn parts(bytes: Vec<u8>) -> HashMap<String, String> {
        use std::io::Read;
        let mut zip = ::zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
        (0..zip.len())
            .map(|i| {
                let mut f = zip.by_index(i).unwrap();
                let mut s = String::new();
                f.read_to_string(&mut s).unwrap();
                (f.name().to_string(), s)
            })
            .collect()
    }

    #[test]
    fn a_workbook_has_its_parts_and_cells() {
        let mut wb = Workbook::new();
        let s = wb.sheet("Matrix");
        s.header(&["source", "value"]);
        s.freeze(1, 2);
        s.text(1, 0, "=HYPERLINK(\"http://x\")");
        s.number(1, 1, 2_448_000.0);
        s.text(2, 0, " spaced ");
        s.text(2, 1, "");
        s.number(3, 1, f64::NAN);
        s.width(1, 28.0);
        s.text(3, 0, "first");
        s.text(3, 0, "second");
        let t = wb.sheet("Long");
        t.header(&["source"]);
        t.text(1, 0, "source");
        let p = parts(wb.save().unwrap());
        let wbx = &p["xl/workbook.xml"];
        assert!(wbx.contains("<sheet name=\"Matrix\" sheetId=\"1\" r:id=\"rId1\"/>"));
        assert!(wbx.contains("<sheet name=\"Long\" sheetId=\"2\" r:id=\"rId2\"/>"));
        let m = &p["xl/worksheets/sheet1.xml"];
        assert!(m.contains("<dimension ref=\"A1:B4\"/>"), "{m}");
        assert!(m.contains("tabSelected=\"1\""));
        assert!(m.contains(
            "<pane xSplit=\"2\" ySplit=\"1\" topLeftCell=\"C2\" activePane=\"bottomRight\" \
             state=\"frozen\"/>"
        ));
        assert!(m.contains("<col min=\"2\" max=\"2\" width=\"28.7109375\" customWidth=\"1\"/>"));
        assert!(
            m.contains("<c r=\"A1\" s=\"1\" t=\"s\"><v>0</v></c>"),
            "{m}"
        );
        // The formula-looking text is a string cell, never a formula.
        assert!(m.contains("<c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\"><v>2448000</v></c>"));
        assert!(!m.contains("<f>"));
        assert!(!m.contains("r=\"B3\""), "an empty text writes no cell");
        assert!(m.contains("<c r=\"B4\" t=\"s\">"), "NaN as text");
        let l = &p["xl/worksheets/sheet2.xml"];
        assert!(!l.contains("tabSelected"));
        assert!(l.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\""));
        let sst = &p["xl/sharedStrings.xml"];
        // "source" twice in one table; the overwritten "first" never written.
        assert!(sst.contains("count=\"8\" uniqueCount=\"6\""), "{sst}");
        assert!(sst.contains("<t>=HYPERLINK(&quot;http://x&quot;)</t>"));
        assert!(sst.contains("<t xml:space=\"preserve\"> spaced </t>"));
        assert!(sst.contains("<t>second</t>") && !sst.contains("first"));
        assert!(sst.contains("<t>NaN</t>"));
        for name in [
            "[Content_Types].xml",
            "_rels/.rels",
            "xl/_rels/workbook.xml.rels",
            "xl/styles.xml",
        ] {
            assert!(p.contains_key(name), "{name}");
        }
        assert!(p["[Content_Types].xml"].contains("/xl/worksheets/sheet2.xml"));
        assert!(p["xl/_rels/workbook.xml.rels"].contains("Id=\"rId4\""));
    }

    #[test]
    fn cells_past_excels_grid_and_bad_sheet_names_are_errors() {
        let mut wb = Workbook::new();
        wb.sheet("S").number(ROW_MAX + 1, 0, 1.0);
        assert!(wb.save().unwrap_err().contains("past Excel's last row"));
        let mut wb = Workbook::new();
        wb.sheet("S").text(0, COL_MAX + 1, "x");
        assert!(wb.save().is_err());
        let mut wb = Workbook::new();
        wb.sheet("a/b");
        assert!(wb.save().is_err());
    }

    #[test]
    fn the_same_cells_give_the_same_bytes() {
        let make = || {
            let mut wb = Workbook::new();
            let s = wb.sheet("S");
            s.header(&["a", "b"]);
            s.number(1, 1, 4.0);
            wb.save().unwrap()
        };
        assert_eq!(make(), make());
    }
}
