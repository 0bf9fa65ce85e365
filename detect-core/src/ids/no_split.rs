//! A Norwegian personnummer written apart from its birth date, and the
//! rule for numbers written with a four-digit year (docs/rules.md §1.8):
//! Norway-only reading that sits beside the Norwegian validator.

use crate::context;
use crate::date::Date;
use crate::ids::pass::level;
use crate::ids::{self, Reject, Valid, Verdict};
use crate::kind::{Flags, Kind};
use crate::scanner::{Match, Scanner};
use crate::shape::{self, Run, Sep};

impl Scanner {
    /// A Norwegian personnummer (five digits) written apart from its birth
    /// date, which stands before it in the window, with a label right
    /// before the five digits:
    /// `født 01.01.1980, personnummer 00055` (docs/rules.md §1.8).
    pub(crate) fn split(&self, h: &[u8], p: usize, r: &Run) -> Option<Match> {
        if !shape::number_label_before(h, p) || !shape::right_ok(h, r.end) {
            return None;
        }
        let label = context::label_before(&self.data.keywords, h, p);
        if !(label.contains(Kind::NoFnr) || label.contains(Kind::NoDnr)) {
            return None;
        }
        let ws = context::window_back(h, p, self.before);
        let (dm, yy, year) = last_date(h, ws, p)?;
        let mut d = [0; 11];
        d[..4].copy_from_slice(&dm);
        d[4..6].copy_from_slice(&yy);
        d[6..].copy_from_slice(&r.d[..5]);
        let v = ids::no::validate(&d, self.today, false)
            .and_then(|v| full_year_ok(v, &d, year, self.today))
            .ok()?;
        if !self.kinds.contains(v.kind) || v.kind == Kind::NoFhnr {
            return None;
        }
        let cx = self.context(h, p, r.end);
        if !cx.labelled(v.kind) {
            return None;
        }
        let level = level(v.strength, &cx, v.kind)?;
        let mut flags = v.flags | Flags::SPLIT | Flags::CONTEXT;
        flags.set(Flags::NEGATIVE_CONTEXT, cx.negative(v.kind));
        Some(Match::new(v.kind, level, flags, p, r.end))
    }
}

/// With a written four-digit year, the date must be real and past in that
/// very year, not only in some century.
pub(crate) fn full_year_ok(
    v: Valid,
    d: &[u8; 11],
    year: Option<u16>,
    today: Date,
) -> Verdict {
    let Some(year) = year else { return Ok(v) };
    if v.kind == Kind::NoFhnr {
        return Err(Reject::new(ids::Reason::Date, Some(v.kind)));
    }
    let mut day = ids::num2(&d[0..2]);
    let mut month = ids::num2(&d[2..4]);
    if d[0] >= 4 {
        day -= 40;
    }
    // Synthetic (+80), Norsk Helsenett test persons (+65), H-nummer (+40).
    if month > 80 {
        month -= 80;
    } else if month > 65 {
        month -= 65;
    } else if month > 40 {
        month -= 40;
    }
    if today.admits(u32::from(year), month, day) {
        Ok(v)
    } else {
        Err(Reject::new(ids::Reason::Date, Some(v.kind)))
    }
}

/// The last date `D.M.YY` / `DD.MM.YYYY` in `h[lo..hi]`: day and month as
/// two digits each, the two-digit year, and the four-digit year if written.
fn last_date(
    h: &[u8],
    lo: usize,
    hi: usize,
) -> Option<([u8; 4], [u8; 2], Option<u16>)> {
    let mut found = None;
    let mut i = lo;
    while i < hi {
        if shape::digit_at(h, i).is_none() || shape::digit_before(h, i) {
            i += 1;
            continue;
        }
        let r1 = Run::read(h, i);
        let next = r1.end;
        let parsed = (|| {
            if !(1..=2).contains(&r1.n) || h.get(r1.end) != Some(&b'.') {
                return None;
            }
            let r2 = Run::read(h, r1.end + 1);
            if !(1..=2).contains(&r2.n) || h.get(r2.end) != Some(&b'.') {
                return None;
            }
            let r3 = Run::read(h, r2.end + 1);
            if r3.end > hi || !(r3.n == 2 || r3.n == 4) {
                return None;
            }
            let two = |r: &Run| {
                if r.n == 1 { [0, r.d[0]] } else { [r.d[0], r.d[1]] }
            };
            // A date followed by five digits is the start of a number
            // written with its date (`02.02.1990 00002`), not a birth date
            // standing apart: masking that number must not change which
            // date a later personnummer is read with.
            if let Some((Sep::Space | Sep::Hyphen, l)) =
                shape::sep_at(h, r3.end)
                && Run::read(h, r3.end + l).n == 5
            {
                return None;
            }
            let (dd, mm) = (two(&r1), two(&r2));
            let yy = [r3.d[r3.n - 2], r3.d[r3.n - 1]];
            let year = (r3.n == 4).then(|| {
                r3.d[..4].iter().fold(0u16, |a, &x| a * 10 + u16::from(x))
            });
            Some(([dd[0], dd[1], mm[0], mm[1]], yy, year))
        })();
        if parsed.is_some() {
            found = parsed;
        }
        i = next.max(i + 1);
    }
    found
}
