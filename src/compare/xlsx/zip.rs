//! The smallest zip writer an XLSX needs: one archive in memory, each entry deflated (by
//! `miniz_oxide`, which the format readers already use to inflate) or stored when deflating
//! does not make it smaller. Deflate costs ~8 KiB of the gzipped batch module (measured against
//! a store-only build) and makes a 400-reply workbook 0.4 MB instead of 3.9 MB.
//!
//! Written here rather than taken from a crate because the general-purpose zip writers bring
//! their own reading, encryption and time handling into the page's batch module; this needs
//! none of them. Left out on purpose: zip64 (an archive or entry past 4 GiB, or more than 65,535
//! entries, is refused with an error rather than written wrong), data descriptors (sizes and
//! CRCs are known before each header is written), extra fields, comments and real timestamps
//! (every entry carries 1980-01-01 00:00, the format's earliest date, so the same comparison
//! always gives the same bytes and nothing asks the clock, which traps in wasm32).

/// Local file header, central directory header, end of central directory (APPNOTE 4.3).
const LOCAL_HEADER: u32 = 0x0403_4b50;
const CENTRAL_HEADER: u32 = 0x0201_4b50;
const END_OF_CENTRAL: u32 = 0x0605_4b50;
/// "Version needed to extract": 2.0, the first with deflate and folders.
const VERSION: u16 = 20;
const STORED: u16 = 0;
const DEFLATED: u16 = 8;
/// MS-DOS date of 1980-01-01 (day 1, month 1, year 0 from 1980); the time is 00:00:00.
const DOS_DATE: u16 = (1 << 5) | 1;
/// miniz_oxide's default level: on the workbook's XML, level 9 is slower for ~1% smaller.
const LEVEL: u8 = 6;

/// CRC-32 as zip uses it (IEEE 802.3, reflected, polynomial 0xEDB88320), table-driven: one
/// lookup per byte with the 256-entry table built at compile time.
pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc = CRC_TABLE[((crc ^ u32::from(b)) & 0xff) as usize] ^ (crc >> 8);
    }
    !crc
}

const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
};

/// A zip archive being written into memory: [`add`](Self::add) each file, then
/// [`finish`](Self::finish) for the archive's bytes.
#[derive(Default)]
pub struct ZipWriter {
    out: Vec<u8>,
    central: Vec<u8>,
    entries: u16,
}

impl ZipWriter {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a file named `name` (a path with `/`, no leading slash) holding `data`.
    pub fn add(&mut self, name: &str, data: &[u8]) -> Result<(), String> {
        let too_big = || format!("{name}: too large for a zip without zip64");
        self.entries = self
            .entries
            .checked_add(1)
            .ok_or("more than 65,535 files in one zip")?;
        let name_len = u16::try_from(name.len()).map_err(|_| too_big())?;
        let size = u32::try_from(data.len()).map_err(|_| too_big())?;
        let offset = u32::try_from(self.out.len()).map_err(|_| too_big())?;
        let crc = crc32(data);
        let deflated = miniz_oxide::deflate::compress_to_vec(data, LEVEL);
        let (method, body) = if deflated.len() < data.len() {
            (DEFLATED, deflated.as_slice())
        } else {
            (STORED, data)
        };
        let packed = u32::try_from(body.len()).map_err(|_| too_big())?;
        // The fields from "version needed" to "extra field length", alike in both headers.
        let mut common = Vec::with_capacity(26);
        put16(&mut common, VERSION);
        put16(&mut common, 0); // flags: none (names are ASCII, no encryption, sizes known)
        put16(&mut common, method);
        put16(&mut common, 0); // time 00:00:00
        put16(&mut common, DOS_DATE);
        put32(&mut common, crc);
        put32(&mut common, packed);
        put32(&mut common, size);
        put16(&mut common, name_len);
        put16(&mut common, 0); // extra field length

        put32(&mut self.out, LOCAL_HEADER);
        self.out.extend_from_slice(&common);
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(body);
        u32::try_from(self.out.len()).map_err(|_| too_big())?;

        put32(&mut self.central, CENTRAL_HEADER);
        put16(&mut self.central, VERSION); // version made by: 2.0, MS-DOS attributes
        self.central.extend_from_slice(&common);
        put16(&mut self.central, 0); // file comment length
        put16(&mut self.central, 0); // disk number start
        put16(&mut self.central, 0); // internal attributes
        put32(&mut self.central, 0); // external attributes
        put32(&mut self.central, offset);
        self.central.extend_from_slice(name.as_bytes());
        Ok(())
    }

    /// The archive: the entries, their central directory and its end record.
    pub fn finish(mut self) -> Result<Vec<u8>, String> {
        let too_big = || "the zip is too large without zip64".to_string();
        let start = u32::try_from(self.out.len()).map_err(|_| too_big())?;
        let size = u32::try_from(self.central.len()).map_err(|_| too_big())?;
        self.out.append(&mut self.central);
        put32(&mut self.out, END_OF_CENTRAL);
        put16(&mut self.out, 0); // this disk
        put16(&mut self.out, 0); // the disk the central directory starts on
        put16(&mut self.out, self.entries); // entries on this disk
        put16(&mut self.out, self.entries); // entries in all
        put32(&mut self.out, size);
        put32(&mut self.out, start);
        put16(&mut self.out, 0); // comment length
        Ok(self.out)
    }
}

/// Zip's integers are little-endian.
fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn crc32_of_known_vectors() {
        // The check value of CRC-32/ISO-HDLC and other published vectors.
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32(b"a"), 0xE8B7_BE43);
        assert_eq!(crc32(b"abc"), 0x3524_41C2);
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(
            crc32(b"The quick brown fox jumps over the lazy dog"),
            0x414F_A339
        );
        assert_eq!(crc32(&[0u8; 32]), 0x190A_55AD);
        assert_eq!(crc32(&[0xffu8; 32]), 0xFF6C_AB0B);
    }

    /// Bytes that do not compress (xorshift), so that the entry is stored.
    fn noise(n: usize) -> Vec<u8> {
        let mut x = 0x2545_F491_4F6C_DD1Du64;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            })
            .collect()
    }

    #[test]
    fn an_archive_reads_back_with_the_zip_crate() {
        let text = "<row>é and ünïcode</row>".repeat(500).into_bytes();
        let noisy = noise(3000);
        let files: Vec<(&str, &[u8])> = vec![
            ("[Content_Types].xml", &text),
            ("xl/worksheets/sheet1.xml", &noisy),
            ("empty.txt", b""),
        ];
        let mut w = ZipWriter::new();
        for (name, data) in &files {
            w.add(name, data).unwrap();
        }
        let bytes = w.finish().unwrap();
        let mut zip = ::zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
        assert_eq!(zip.len(), files.len());
        for (i, (name, data)) in files.iter().enumerate() {
            let mut f = zip.by_index(i).unwrap();
            assert_eq!(f.name(), *name);
            assert_eq!(f.size(), data.len() as u64);
            assert_eq!(f.crc32(), crc32(data));
            let want = if i == 0 {
                ::zip::CompressionMethod::Deflated
            } else {
                ::zip::CompressionMethod::Stored
            };
            assert_eq!(f.compression(), want, "{name}");
            let mut back = Vec::new();
            f.read_to_end(&mut back).unwrap();
            assert_eq!(&back, data, "{name}");
        }
        assert!(zip.by_name("xl/worksheets/sheet1.xml").is_ok());
    }

    #[test]
    fn an_empty_archive_is_just_the_end_record() {
        let bytes = ZipWriter::new().finish().unwrap();
        assert_eq!(bytes.len(), 22);
        let zip = ::zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
        assert_eq!(zip.len(), 0);
    }

    #[test]
    fn the_same_files_give_the_same_bytes() {
        let make = || {
            let mut w = ZipWriter::new();
            w.add("a.xml", b"<a/>").unwrap();
            w.finish().unwrap()
        };
        assert_eq!(make(), make());
    }
}
