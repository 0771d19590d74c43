//! UK bank holidays and working days, for the statutory response deadline.
//!
//! (Interface fixed; the implementation is being written.)

use crate::dates::Date;
use crate::model::Law;

/// The 20-working-day deadline: the twentieth working day after `received` (the day after
/// receipt is day 1). Which days count depends on `law`.
pub fn deadline(received: Date, working_days: u32, law: Law) -> Date {
    let _ = (working_days, law);
    received
}

/// Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is earlier.
pub fn working_days_between(from: Date, to: Date, law: Law) -> i32 {
    let _ = (from, to, law);
    0
}
