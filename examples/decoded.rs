//! Prints the text that the decode stage reads from each file, with its source map:
//! `cargo run --example decoded -- FILE...`. For looking at what a format's decoder produced.

fn main() {
    for path in std::env::args().skip(1) {
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        println!("==== {path}");
        match foi_analyser::decode::decode(&bytes) {
            Ok(d) => {
                println!("format {} encoding {}", d.format, d.encoding);
                for p in &d.parts {
                    println!(
                        "part {} [{}..{}] {}",
                        p.kind, p.span.start, p.span.end, p.label
                    );
                }
                for x in &d.diagnostics {
                    println!("{:?} {}: {}", x.level, x.code, x.message);
                }
                println!("----\n{}", d.text);
            }
            Err(e) => println!("error {}: {}", e.code, e.message),
        }
    }
}
