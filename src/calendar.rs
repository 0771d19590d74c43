//! UK bank holidays and working days, for the statutory response deadline.
//!
//! The law (see the field notes):
//!
//! - FOIA s10(1): respond no later than the twentieth working day following the date of receipt.
//!   The day of receipt is day 0 even when it is not a working day, so the day after it is the
//!   first candidate for day 1.
//! - FOIA s10(6): a working day is any day other than a Saturday, a Sunday, Christmas Day, Good
//!   Friday or a bank holiday under the Banking and Financial Dealings Act 1971 in *any* part of
//!   the United Kingdom — the union of the England and Wales, Scotland and Northern Ireland
//!   holidays. EIR reg 5(2) (20 days, reg 7(1): 40 when complex and voluminous) uses the same
//!   definition.
//! - FOISA s73 (and the Scottish EIR): Saturdays, Sundays, Christmas Day and Scottish bank
//!   holidays only. So Easter Monday, St Patrick's Day and 12 July are working days under FOISA
//!   but not under FOIA.
//!
//! Holidays come from the rules (fixed dates with their substitute days, Easter, the Monday
//! holidays) plus the one-off changes made by proclamation; they were checked against gov.uk's
//! published `bank-holidays.json` for every year it covers (see the tests).

use std::sync::LazyLock;

use crate::dates::Date;
use crate::model::Law;

/// The three bank-holiday jurisdictions of the 1971 Act.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Nation {
    EnglandWales,
    Scotland,
    NorthernIreland,
}

impl Nation {
    pub const ALL: [Nation; 3] = [
        Nation::EnglandWales,
        Nation::Scotland,
        Nation::NorthernIreland,
    ];
}

/// Easter Sunday (Anonymous Gregorian algorithm, a.k.a. Meeus/Jones/Butcher). Euclidean
/// division keeps it total for any year, though only Gregorian years are meaningful.
pub fn easter_sunday(year: i32) -> Date {
    let y = i64::from(year);
    let a = y.rem_euclid(19);
    let b = y.div_euclid(100);
    let c = y.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let n = h + l - 7 * m + 114;
    // Always March 22 .. April 25 by construction.
    Date {
        year,
        month: n.div_euclid(31) as u32,
        day: (n.rem_euclid(31) + 1) as u32,
    }
}

/// The first `weekday` (0 = Monday) on or after `d`.
fn on_or_after(d: Date, weekday: u32) -> Date {
    let shift = (7 + weekday - d.weekday()) % 7;
    d.add_days(shift as i32)
}

/// The last `weekday` on or before `d`.
fn on_or_before(d: Date, weekday: u32) -> Date {
    let shift = (7 + d.weekday() - weekday) % 7;
    d.add_days(-(shift as i32))
}

const MONDAY: u32 = 0;

/// Holidays declared for one year only, by royal proclamation, in every nation.
const ONE_OFFS: [(i32, u32, u32); 5] = [
    (1981, 7, 29),  // Wedding of the Prince of Wales
    (1999, 12, 31), // Millennium
    (2011, 4, 29),  // Wedding of Prince William
    (2022, 9, 19),  // State Funeral of Queen Elizabeth II
    (2023, 5, 8),   // Coronation of King Charles III
];

/// Bank holidays (and Good Friday and Christmas Day, which the statutes name alongside them) of
/// `nation` in `year`, sorted, each once, with substitute days where the day falls at a weekend.
///
/// Checked against gov.uk's published list for 2012–2027. Outside the years the tests pin, this
/// is what the current rules give: the Early May holiday is omitted before 1978 and St Andrew's
/// Day before 2007 (when each began), the known one-off changes are included (1981, 1995, 1999,
/// 2002, 2011, 2012, 2020, 2022, 2023), and nothing can anticipate future proclamations. Other
/// pre-1980 differences (e.g. Boxing Day in Scotland only from 1974) are not modelled.
pub fn bank_holidays(nation: Nation, year: i32) -> Vec<Date> {
    let mut days: Vec<Date> = Vec::with_capacity(12);
    let ymd = |m: u32, d: u32| Date {
        year,
        month: m,
        day: d,
    };
    // A fixed-date holiday at a weekend, or on a day another holiday already took, moves to
    // the next free weekday: Christmas on a Saturday → Monday 27th and Boxing Day (Sunday) →
    // Tuesday 28th; in Scotland 1 and 2 January push each other the same way.
    let substitute = |days: &mut Vec<Date>, d: Date| {
        let mut d = d;
        // At most two weekend days and a few taken days: bounded, even at the saturating end
        // of the date range where `succ` stops advancing.
        for _ in 0..8 {
            if d.weekday() < 5 && !days.contains(&d) {
                break;
            }
            d = d.succ();
        }
        days.push(d);
    };

    substitute(&mut days, ymd(1, 1));
    if nation == Nation::Scotland {
        substitute(&mut days, ymd(1, 2));
    }
    if nation == Nation::NorthernIreland {
        substitute(&mut days, ymd(3, 17));
    }
    let easter = easter_sunday(year);
    days.push(easter.add_days(-2)); // Good Friday
    if nation != Nation::Scotland {
        days.push(easter.add_days(1)); // Easter Monday
    }
    match year {
        ..=1977 => {}
        // Moved to the VE Day anniversary.
        1995 => days.push(ymd(5, 8)),
        2020 => days.push(ymd(5, 8)),
        _ => days.push(on_or_after(ymd(5, 1), MONDAY)),
    }
    match year {
        // Golden Jubilee: moved to Tuesday 4 June, plus Monday 3 June.
        2002 => days.extend([ymd(6, 3), ymd(6, 4)]),
        // Diamond Jubilee: moved to Monday 4 June, plus Tuesday 5 June.
        2012 => days.extend([ymd(6, 4), ymd(6, 5)]),
        // Platinum Jubilee: moved to Thursday 2 June, plus Friday 3 June.
        2022 => days.extend([ymd(6, 2), ymd(6, 3)]),
        _ => days.push(on_or_before(ymd(5, 31), MONDAY)),
    }
    if nation == Nation::NorthernIreland {
        substitute(&mut days, ymd(7, 12)); // Battle of the Boyne
    }
    days.push(match nation {
        Nation::Scotland => on_or_after(ymd(8, 1), MONDAY),
        _ => on_or_before(ymd(8, 31), MONDAY),
    });
    if nation == Nation::Scotland && year >= 2007 {
        substitute(&mut days, ymd(11, 30)); // St Andrew's Day
    }
    substitute(&mut days, ymd(12, 25));
    substitute(&mut days, ymd(12, 26));
    days.extend(
        ONE_OFFS
            .iter()
            .filter(|&&(y, _, _)| y == year)
            .map(|&(_, m, d)| ymd(m, d)),
    );
    days.sort();
    days.dedup();
    days
}

/// Years for which working-day arithmetic knows the bank holidays. Outside them only Saturdays
/// and Sundays are non-working: before 1980 the holiday rules differed, and beyond 2200 any
/// answer is a guess; the bound also keeps the precomputed tables small.
pub const HOLIDAY_YEARS: std::ops::RangeInclusive<i32> = 1980..=2200;

/// Sorted day numbers of the weekday holidays in [`HOLIDAY_YEARS`] for the given nations.
/// Weekend holidays are left out because weekends are counted separately.
fn table(nations: &[Nation]) -> Vec<i64> {
    let mut v: Vec<i64> = HOLIDAY_YEARS
        .flat_map(|y| nations.iter().flat_map(move |&n| bank_holidays(n, y)))
        .filter(|d| d.weekday() < 5)
        .map(|d| d.day_number())
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// FOIA and EIR: a holiday anywhere in the UK.
static UK: LazyLock<Vec<i64>> = LazyLock::new(|| table(&Nation::ALL));
/// FOISA and the Scottish EIR: Scottish holidays only.
static SCOTLAND: LazyLock<Vec<i64>> = LazyLock::new(|| table(&[Nation::Scotland]));

fn holidays(law: Law) -> &'static [i64] {
    match law {
        Law::FOIA | Law::EIR => &UK,
        Law::FOISA | Law::EIRS => &SCOTLAND,
    }
}

/// Whether `d` is a working day under `law` (see the module notes for which days count).
pub fn is_working_day(d: Date, law: Law) -> bool {
    d.weekday() < 5 && holidays(law).binary_search(&d.day_number()).is_err()
}

/// Working days on or before day number `n`, counted from an arbitrary origin (a Monday):
/// only differences are meaningful. Closed form, so spans of any length cost the same.
fn cumulative(n: i64, law: Law) -> i64 {
    // 1970-01-05 (day 4) was a Monday.
    let m = n - 4;
    let weekdays = m.div_euclid(7) * 5 + (m.rem_euclid(7) + 1).min(5);
    let holidays = holidays(law).partition_point(|&h| h <= n) as i64;
    weekdays - holidays
}

/// The deadline: the `working_days`-th working day after `received` under `law` (the day
/// after receipt can be day 1; the day of receipt never counts). `working_days` 0 gives
/// `received` itself.
///
/// A binary search over a closed-form count, so it costs O(log n) for any input: the answer
/// lies within `2n + 400` days, since any 400 days hold well over 200 working days and any
/// longer stretch holds more than one working day per two calendar days.
pub fn deadline(received: Date, working_days: u32, law: Law) -> Date {
    if working_days == 0 {
        return received;
    }
    let r = received.day_number();
    let base = cumulative(r, law);
    let n = i64::from(working_days);
    // Smallest day x > r with at least n working days in (r, x]: that day is itself a working
    // day, the n-th.
    let (mut lo, mut hi) = (r, r + 2 * n + 400);
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if cumulative(mid, law) - base >= n {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Date::from_day_number(hi)
}

/// Working days from `from` (exclusive) to `to` (inclusive) under `law`: how many working days
/// a reply sent on `to` took. Negative when `to` is earlier (the count from `to` to `from`,
/// negated) and zero when the dates are equal. Saturates at the `i32` range. Closed form, so
/// any span costs the same.
pub fn working_days_between(from: Date, to: Date, law: Law) -> i32 {
    let n = cumulative(to.day_number(), law) - cumulative(from.day_number(), law);
    n.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(iso: &str) -> Date {
        Date::parse_iso(iso).unwrap_or_else(|| panic!("bad test date {iso}"))
    }

    /// gov.uk `bank-holidays.json`, as published (copies of 2012–2016, 2018–2020 and
    /// 2019–2027 editions; England and Wales also 2017). Years with `MM-DD` lists.
    const GOV_UK: &[(Nation, i32, &str)] = &[
        (
            Nation::EnglandWales,
            2012,
            "01-02 04-06 04-09 05-07 06-04 06-05 08-27 12-25 12-26",
        ),
        (
            Nation::EnglandWales,
            2013,
            "01-01 03-29 04-01 05-06 05-27 08-26 12-25 12-26",
        ),
        (
            Nation::EnglandWales,
            2014,
            "01-01 04-18 04-21 05-05 05-26 08-25 12-25 12-26",
        ),
        (
            Nation::EnglandWales,
            2015,
            "01-01 04-03 04-06 05-04 05-25 08-31 12-25 12-28",
        ),
        (
            Nation::EnglandWales,
            2016,
            "01-01 03-25 03-28 05-02 05-30 08-29 12-26 12-27",
        ),
        (
            Nation::EnglandWales,
            2017,
            "01-02 04-14 04-17 05-01 05-29 08-28 12-25 12-26",
        ),
        (
            Nation::EnglandWales,
            2018,
            "01-01 03-30 04-02 05-07 05-28 08-27 12-25 12-26",
        ),
        (
            Nation::EnglandWales,
            2019,
            "01-01 04-19 04-22 05-06 05-27 08-26 12-25 12-26",
        ),
        (
            Nation::EnglandWales,
            2020,
            "01-01 04-10 04-13 05-08 05-25 08-31 12-25 12-28",
        ),
        (
            Nation::EnglandWales,
            2021,
            "01-01 04-02 04-05 05-03 05-31 08-30 12-27 12-28",
        ),
        (
            Nation::EnglandWales,
            2022,
            "01-03 04-15 04-18 05-02 06-02 06-03 08-29 09-19 12-26 12-27",
        ),
        (
            Nation::EnglandWales,
            2023,
            "01-02 04-07 04-10 05-01 05-08 05-29 08-28 12-25 12-26",
        ),
        (
            Nation::EnglandWales,
            2024,
            "01-01 03-29 04-01 05-06 05-27 08-26 12-25 12-26",
        ),
        (
            Nation::EnglandWales,
            2025,
            "01-01 04-18 04-21 05-05 05-26 08-25 12-25 12-26",
        ),
        (
            Nation::EnglandWales,
            2026,
            "01-01 04-03 04-06 05-04 05-25 08-31 12-25 12-28",
        ),
        (
            Nation::EnglandWales,
            2027,
            "01-01 03-26 03-29 05-03 05-31 08-30 12-27 12-28",
        ),
        (
            Nation::Scotland,
            2012,
            "01-02 01-03 04-06 05-07 06-04 06-05 08-06 11-30 12-25 12-26",
        ),
        (
            Nation::Scotland,
            2013,
            "01-01 01-02 03-29 05-06 05-27 08-05 12-02 12-25 12-26",
        ),
        (
            Nation::Scotland,
            2014,
            "01-01 01-02 04-18 05-05 05-26 08-04 12-01 12-25 12-26",
        ),
        (
            Nation::Scotland,
            2015,
            "01-01 01-02 04-03 05-04 05-25 08-03 11-30 12-25 12-28",
        ),
        (
            Nation::Scotland,
            2016,
            "01-01 01-04 03-25 05-02 05-30 08-01 11-30 12-26 12-27",
        ),
        (
            Nation::Scotland,
            2018,
            "01-01 01-02 03-30 05-07 05-28 08-06 11-30 12-25 12-26",
        ),
        (
            Nation::Scotland,
            2019,
            "01-01 01-02 04-19 05-06 05-27 08-05 12-02 12-25 12-26",
        ),
        (
            Nation::Scotland,
            2020,
            "01-01 01-02 04-10 05-08 05-25 08-03 11-30 12-25 12-28",
        ),
        (
            Nation::Scotland,
            2021,
            "01-01 01-04 04-02 05-03 05-31 08-02 11-30 12-27 12-28",
        ),
        (
            Nation::Scotland,
            2022,
            "01-03 01-04 04-15 05-02 06-02 06-03 08-01 09-19 11-30 12-26 12-27",
        ),
        (
            Nation::Scotland,
            2023,
            "01-02 01-03 04-07 05-01 05-08 05-29 08-07 11-30 12-25 12-26",
        ),
        (
            Nation::Scotland,
            2024,
            "01-01 01-02 03-29 05-06 05-27 08-05 12-02 12-25 12-26",
        ),
        (
            Nation::Scotland,
            2025,
            "01-01 01-02 04-18 05-05 05-26 08-04 12-01 12-25 12-26",
        ),
        (
            Nation::Scotland,
            2026,
            "01-01 01-02 04-03 05-04 05-25 08-03 11-30 12-25 12-28",
        ),
        (
            Nation::Scotland,
            2027,
            "01-01 01-04 03-26 05-03 05-31 08-02 11-30 12-27 12-28",
        ),
        (
            Nation::NorthernIreland,
            2012,
            "01-02 03-19 04-06 04-09 05-07 06-04 06-05 07-12 08-27 12-25 12-26",
        ),
        (
            Nation::NorthernIreland,
            2013,
            "01-01 03-18 03-29 04-01 05-06 05-27 07-12 08-26 12-25 12-26",
        ),
        (
            Nation::NorthernIreland,
            2014,
            "01-01 03-17 04-18 04-21 05-05 05-26 07-14 08-25 12-25 12-26",
        ),
        (
            Nation::NorthernIreland,
            2015,
            "01-01 03-17 04-03 04-06 05-04 05-25 07-13 08-31 12-25 12-28",
        ),
        (
            Nation::NorthernIreland,
            2016,
            "01-01 03-17 03-25 03-28 05-02 05-30 07-12 08-29 12-26 12-27",
        ),
        (
            Nation::NorthernIreland,
            2018,
            "01-01 03-19 03-30 04-02 05-07 05-28 07-12 08-27 12-25 12-26",
        ),
        (
            Nation::NorthernIreland,
            2019,
            "01-01 03-18 04-19 04-22 05-06 05-27 07-12 08-26 12-25 12-26",
        ),
        (
            Nation::NorthernIreland,
            2020,
            "01-01 03-17 04-10 04-13 05-08 05-25 07-13 08-31 12-25 12-28",
        ),
        (
            Nation::NorthernIreland,
            2021,
            "01-01 03-17 04-02 04-05 05-03 05-31 07-12 08-30 12-27 12-28",
        ),
        (
            Nation::NorthernIreland,
            2022,
            "01-03 03-17 04-15 04-18 05-02 06-02 06-03 07-12 08-29 09-19 12-26 12-27",
        ),
        (
            Nation::NorthernIreland,
            2023,
            "01-02 03-17 04-07 04-10 05-01 05-08 05-29 07-12 08-28 12-25 12-26",
        ),
        (
            Nation::NorthernIreland,
            2024,
            "01-01 03-18 03-29 04-01 05-06 05-27 07-12 08-26 12-25 12-26",
        ),
        (
            Nation::NorthernIreland,
            2025,
            "01-01 03-17 04-18 04-21 05-05 05-26 07-14 08-25 12-25 12-26",
        ),
        (
            Nation::NorthernIreland,
            2026,
            "01-01 03-17 04-03 04-06 05-04 05-25 07-13 08-31 12-25 12-28",
        ),
        (
            Nation::NorthernIreland,
            2027,
            "01-01 03-17 03-26 03-29 05-03 05-31 07-12 08-30 12-27 12-28",
        ),
    ];

    #[test]
    fn matches_gov_uk() {
        for &(nation, year, list) in GOV_UK {
            let want: Vec<String> = list.split(' ').map(|md| format!("{year}-{md}")).collect();
            let got: Vec<String> = bank_holidays(nation, year).iter().map(Date::iso).collect();
            assert_eq!(got, want, "{nation:?} {year}");
        }
    }

    #[test]
    fn easter() {
        for (year, iso) in [
            (1981, "1981-04-19"),
            (2000, "2000-04-23"),
            (2008, "2008-03-23"),
            (2011, "2011-04-24"),
            (2019, "2019-04-21"),
            (2038, "2038-04-25"),
            (2285, "2285-03-22"),
        ] {
            assert_eq!(easter_sunday(year), d(iso), "{year}");
        }
    }

    #[test]
    fn one_offs_and_rules_outside_the_published_years() {
        let has = |n: Nation, iso: &str| bank_holidays(n, d(iso).year).contains(&d(iso));
        for n in Nation::ALL {
            assert!(has(n, "2011-04-29"), "{n:?} royal wedding");
            assert!(has(n, "1999-12-31"), "{n:?} millennium");
            assert!(has(n, "2030-12-25"), "{n:?} Christmas");
        }
        // 2011: 1 January a Saturday, 2 January a Sunday.
        assert!(has(Nation::EnglandWales, "2011-01-03"));
        assert!(has(Nation::Scotland, "2011-01-04"));
        assert!(!has(Nation::EnglandWales, "2011-01-04"));
        // 2010: Christmas Saturday, Boxing Day Sunday.
        assert!(has(Nation::NorthernIreland, "2010-12-27"));
        assert!(has(Nation::NorthernIreland, "2010-12-28"));
        // St Andrew's Day only from 2007.
        assert!(!has(Nation::Scotland, "2006-11-30"));
        // Every year 2010..=2030 has 8 (E&W), 9 (Scotland), 10 (NI) holidays plus its one-offs,
        // all on weekdays except Christmas Day or Boxing Day when a substitute follows.
        for year in 2010..=2030 {
            for (n, base) in [
                (Nation::EnglandWales, 8),
                (Nation::Scotland, 9),
                (Nation::NorthernIreland, 10),
            ] {
                let extra = match year {
                    2011 | 2012 | 2023 => 1,
                    2022 => 2,
                    _ => 0,
                };
                assert_eq!(bank_holidays(n, year).len(), base + extra, "{n:?} {year}");
            }
        }
        // Far outside the supported years: still a total function.
        for year in [i32::MIN, -1, 0, 1, 1600, 9999, i32::MAX] {
            for n in Nation::ALL {
                let _ = bank_holidays(n, year);
            }
        }
    }

    /// `(received, working days, law, due)`.
    const DEADLINES: &[(&str, u32, Law, &str)] = &[
        // A plain case: received Tuesday 1 October 2019, no holiday anywhere before the due date.
        ("2019-10-01", 20, Law::FOIA, "2019-10-29"),
        ("2019-10-01", 20, Law::FOISA, "2019-10-29"),
        // Received Tuesday 19 February 2019: under FOISA due 19 March, but under FOIA the
        // Northern Ireland St Patrick's Day holiday (Monday 18 March, 17th being a Sunday) is
        // not a working day (ICO line to take LTT47), so one day later.
        ("2019-02-19", 20, Law::FOISA, "2019-03-19"),
        ("2019-02-19", 20, Law::FOIA, "2019-03-20"),
        // Received on a Saturday: Monday is day 1.
        ("2019-02-16", 20, Law::FOIA, "2019-03-15"),
        ("2019-02-16", 1, Law::FOIA, "2019-02-18"),
        ("2019-02-17", 1, Law::EIR, "2019-02-18"),
        ("2019-02-19", 0, Law::FOIA, "2019-02-19"),
        // Christmas and New Year 2019/20: 25, 26 December, 1 January and the Scottish 2
        // January are all excluded under both Acts (FOIA counts a holiday in any part of the UK).
        ("2019-12-10", 20, Law::FOIA, "2020-01-13"),
        ("2019-12-10", 20, Law::FOISA, "2020-01-13"),
        // St Andrew's Day (substitute Monday 2 December 2019) is excluded under both as well.
        ("2019-11-25", 20, Law::FOIA, "2019-12-24"),
        ("2019-11-25", 20, Law::FOISA, "2019-12-24"),
        // Easter 2019: Easter Monday (22 April) is not a Scottish bank holiday, so it counts
        // under FOISA but not under FOIA.
        ("2019-04-01", 20, Law::FOIA, "2019-05-01"),
        ("2019-04-01", 20, Law::FOISA, "2019-04-30"),
        ("2019-04-01", 20, Law::EIRS, "2019-04-30"),
        // Battle of the Boyne (Friday 12 July 2019), a Northern Ireland holiday: excluded under
        // FOIA, a working day under FOISA.
        ("2019-06-20", 20, Law::FOIA, "2019-07-19"),
        ("2019-06-20", 20, Law::FOISA, "2019-07-18"),
        // St Patrick's Day (substitute Monday 18 March 2019), likewise.
        ("2019-03-01", 20, Law::FOIA, "2019-04-01"),
        ("2019-03-01", 20, Law::FOISA, "2019-03-29"),
        // EIR reg 7(1): 40 working days when complex and voluminous.
        ("2019-02-19", 40, Law::EIR, "2019-04-17"),
        ("2019-02-19", 40, Law::EIRS, "2019-04-16"),
        // Rows of a practitioner's published festive-season chart for 2014/15 (all UK
        // holidays; St Andrew's Day substitute Monday 1 December, 2 January a Friday).
        ("2014-11-17", 20, Law::FOIA, "2014-12-16"),
        ("2014-11-21", 20, Law::FOIA, "2014-12-22"),
        ("2014-11-26", 20, Law::FOIA, "2014-12-29"),
        ("2014-12-02", 20, Law::FOIA, "2015-01-05"),
        ("2014-12-10", 20, Law::FOIA, "2015-01-13"),
        ("2014-12-19", 20, Law::FOIA, "2015-01-22"),
        ("2014-12-24", 20, Law::FOIA, "2015-01-27"),
        ("2014-12-29", 20, Law::FOIA, "2015-01-28"),
        ("2015-01-05", 20, Law::FOIA, "2015-02-02"),
        ("2015-01-09", 20, Law::FOIA, "2015-02-06"),
        // Christmas on a Saturday (2021): substitutes Monday 27 and Tuesday 28 December; New
        // Year on a Saturday: Monday 3 January, and in Scotland 2 January on Tuesday 4th.
        ("2021-12-20", 5, Law::FOIA, "2021-12-29"),
        ("2021-12-20", 8, Law::FOIA, "2022-01-05"),
        ("2021-12-20", 8, Law::FOISA, "2022-01-05"),
    ];

    #[test]
    fn deadlines() {
        for &(received, n, law, due) in DEADLINES {
            assert_eq!(
                deadline(d(received), n, law),
                d(due),
                "{received} + {n} under {law:?}"
            );
            assert_eq!(
                working_days_between(d(received), d(due), law),
                n as i32,
                "{received}..{due} under {law:?}"
            );
        }
    }

    #[test]
    fn working_days_between_signs() {
        let law = Law::FOIA;
        assert_eq!(
            working_days_between(d("2019-02-19"), d("2019-02-19"), law),
            0
        );
        assert_eq!(
            working_days_between(d("2019-10-01"), d("2019-10-29"), law),
            20
        );
        assert_eq!(
            working_days_between(d("2019-10-29"), d("2019-10-01"), law),
            -20
        );
        // 18 March 2019 (St Patrick's Day substitute, Northern Ireland) is not counted.
        assert_eq!(
            working_days_between(d("2019-02-19"), d("2019-03-19"), law),
            19
        );
        assert_eq!(
            working_days_between(d("2019-02-19"), d("2019-03-19"), Law::FOISA),
            20
        );
        // Saturday to Sunday: no working day.
        assert_eq!(
            working_days_between(d("2019-02-16"), d("2019-02-17"), law),
            0
        );
        // Friday to Monday: one.
        assert_eq!(
            working_days_between(d("2019-02-15"), d("2019-02-18"), law),
            1
        );
        // Over a year: 2019 had 365 days, 104 weekend days and 8 weekday E&W holidays, plus
        // weekday holidays elsewhere: 2 Jan, 18 Mar, 12 Jul, 5 Aug, 2 Dec.
        assert_eq!(
            working_days_between(d("2018-12-31"), d("2019-12-31"), law),
            248
        );
        assert_eq!(
            working_days_between(d("2018-12-31"), d("2019-12-31"), Law::FOISA),
            365 - 104 - 9
        );
    }

    #[test]
    fn working_day_rules() {
        let cases = [
            ("2019-02-16", Law::FOIA, false),  // Saturday
            ("2019-04-19", Law::FOISA, false), // Good Friday
            ("2019-04-22", Law::FOIA, false),  // Easter Monday
            ("2019-04-22", Law::FOISA, true),
            ("2020-01-02", Law::FOIA, false), // 2 January (Scotland)
            ("2020-01-02", Law::EIR, false),
            ("2020-01-02", Law::EIRS, false),
            ("2019-07-12", Law::EIR, false), // Boyne (NI)
            ("2019-07-12", Law::EIRS, true),
            ("2019-08-05", Law::FOIA, false), // Scottish summer holiday
            ("2019-08-26", Law::FOISA, true), // E&W summer holiday
            ("2019-08-26", Law::FOIA, false),
            ("2019-02-19", Law::FOIA, true),
        ];
        for (iso, law, want) in cases {
            assert_eq!(is_working_day(d(iso), law), want, "{iso} {law:?}");
        }
    }

    /// The closed-form count and the binary search agree with walking day by day.
    #[test]
    fn fast_paths_match_a_day_by_day_walk() {
        let slow_deadline = |r: Date, n: u32, law: Law| {
            let (mut day, mut left) = (r, n);
            while left > 0 {
                day = day.succ();
                if is_working_day(day, law) {
                    left -= 1;
                }
            }
            day
        };
        let mut start = d("1979-12-01");
        let mut step = 0;
        while start.year < 2101 {
            for law in [Law::FOIA, Law::FOISA] {
                for n in [1, 5, 20, 40, 250] {
                    let due = deadline(start, n, law);
                    assert_eq!(due, slow_deadline(start, n, law), "{start:?} {n} {law:?}");
                    assert_eq!(working_days_between(start, due, law), n as i32);
                    assert_eq!(working_days_between(due, start, law), -(n as i32));
                }
            }
            step = (step + 1) % 11;
            start = start.add_days(17 + step);
        }
    }

    #[test]
    fn extreme_inputs_do_not_panic() {
        let far = [
            Date {
                year: i32::MIN,
                month: 1,
                day: 1,
            },
            Date {
                year: i32::MAX,
                month: 12,
                day: 31,
            },
            Date {
                year: 2019,
                month: 0,
                day: 0,
            },
            Date {
                year: -5,
                month: 14,
                day: 40,
            },
            d("2019-02-19"),
        ];
        for &a in &far {
            for law in [Law::FOIA, Law::EIR, Law::FOISA, Law::EIRS] {
                let _ = deadline(a, u32::MAX, law);
                let _ = deadline(a, 20, law);
                let _ = is_working_day(a, law);
                for &b in &far {
                    let _ = working_days_between(a, b, law);
                }
            }
        }
        // Far outside the holiday table only weekends count.
        assert_eq!(deadline(d("2500-01-04"), 5, Law::FOIA), d("2500-01-11"));
    }
}
