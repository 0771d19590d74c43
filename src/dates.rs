//! Dates as UK public bodies write them: "19 February 2019", "19th Feb 2019", "19/02/2019",
//! "Tuesday, 19 February 2019", "2019-02-19", "February 19, 2019", and month-only "October 2021".
//!
//! (Interface fixed; the implementation is being written.)

/// A calendar date (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// A valid date, or `None`.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// A date found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    pub date: Date,
    /// Byte offsets of the words it was read from, in the searched text.
    pub start: usize,
    pub end: usize,
    /// False for a month and year only ("October 2021"; `date.day` is then 1).
    pub has_day: bool,
}

/// Every date in `text`, in order. Full dates only unless `month_years` is true.
pub fn find_dates(_text: &str, _month_years: bool) -> Vec<FoundDate> {
    Vec::new()
}
