//! foi-analyser: turns a UK Freedom of Information reply into a structured answer table.
//!
//! The core is pure Rust with no I/O and no browser types: bytes in, an [`Analysis`] out. Each
//! module is one stage of the data flow, in this order:
//!
//! 1. [`decode`] — bytes → text, whatever form the reply arrived in (e-mail, Word, Excel,
//!    PDF, zip, HTML, plain text in any encoding), with a source map; refusal of what cannot be
//!    read; and [`binary_text`] — refusal of a binary file's bytes pasted as text
//! 2. [`normalise`] — line ends, spaces, quotes, dashes; an offset map back to the input
//! 3. [`messages`] — split a pasted thread into messages; mark quoted earlier correspondence
//!    ([`request_count`]: a warning when the paste seems to hold several separate requests)
//! 4. [`questionnaire`] — find the numbered (or unnumbered) questions of the request, inside
//!    the request and response [`sections`] a reply's headings bound when it has them
//! 5. [`align`] — find each question's answer in the response
//! 6. [`classify`] and [`exemptions`] — status of each answer and the provisions it cites
//! 7. [`values`] — typed values (money, counts, percentages, areas, dates, yes/no, choices)
//! 8. [`metadata`] (with [`dates`] and [`calendar`]) — authority, references, dates, deadline,
//!    outcome
//! 9. [`report`] — JSON, CSV and a text table
//!
//! Beside this pipeline, [`compare`] compares many replies to one questionnaire (the canonical
//! questionnaire, the mapping of each reply onto it, summaries, exports) from their analyses.
//!
//! The CLI (`src/main.rs`) and the WebAssembly binding (`wasm/`) are thin shells over [`analyse`].

pub mod align;
pub mod binary_text;
pub mod calendar;
pub mod classify;
pub mod compare;
pub mod dates;
pub mod decode;
pub mod exemptions;
pub mod focus;
pub mod markers;
pub mod messages;
pub mod metadata;
pub mod model;
pub mod normalise;
pub mod pattern;
pub mod pipeline;
pub mod questionnaire;
pub mod report;
pub mod request_count;
pub mod sections;
#[cfg(test)]
mod test_texts;
pub mod text;
pub mod values;
pub mod whole_request;

pub use model::*;
pub use pipeline::{analyse, analyse_decoded_input, analyse_text, decoded_text};
