fn main() {
    let path = std::env::args().nth(1).unwrap();
    let t = std::fs::read_to_string(path).unwrap();
    let ex = foi_analyser::exemptions::cited(&t, foi_analyser::model::Law::FOIA);
    println!("{:?}", foi_analyser::classify::signals(&t, &ex));
}
