//! The pass of the kinds found at digit runs: phone numbers and street
//! addresses (`contact`), IBANs, bank accounts and payment cards
//! (`financial`) and organisation numbers (`orgs`).
//!
//! One loop visits every digit run once (the prefilter's jump to the next
//! digit) and hands it to each detector whose kinds are on; the detectors
//! share what they read about the number (its digit count, groups, label
//! and whether it is an ID) through [`Cx`]. Each detector keeps the
//! findings it had as a pass of its own: its first finding, digit run by
//! digit run, that starts at or after `from`. The pass reports the first
//! of them in the merge's order, so the merge sees what it saw when the
//! detectors were three passes (docs/design.md, "Detection passes and the
//! merge").

use crate::kind::{Kind, KindSet};
use crate::prefilter;
use crate::scanner::{Match, Scanner, merge_before};
use crate::shape;
use crate::text::num::Cx;
use crate::text::{TextPass, contact, financial, orgs};

/// The digit-run pass.
#[derive(Debug, Default)]
pub(crate) struct DigitPass;

/// A detector's finding at a digit run: `(scanner, haystack, from, run
/// start, run end, shared facts)`.
type AtRun =
    fn(&Scanner, &[u8], usize, usize, usize, &mut Cx) -> Option<Match>;

/// One detector: its kinds, how far before its digit run a finding may
/// start, and the finding at a run.
struct Detector {
    kinds: KindSet,
    at_run: AtRun,
}

const DETECTORS: [Detector; 3] = [
    Detector { kinds: contact::KINDS, at_run: contact::at_run },
    Detector {
        kinds: financial::KINDS,
        at_run: |sc, h, from, p, _, cx| financial::at_run(sc, h, from, p, cx),
    },
    Detector {
        kinds: orgs::KINDS,
        at_run: |sc, h, from, p, _, cx| orgs::at_run(sc, h, from, p, cx),
    },
];

/// How far before its digit run a finding of detector `i` may start: an
/// address's street name (`contact::MAX_STREET`), a `(+` before a phone
/// number, an IBAN's country code, an organisation number's `DK-`.
fn back(sc: &Scanner, i: usize) -> usize {
    match i {
        0 if sc.kinds.contains(Kind::Address) => contact::MAX_STREET,
        0 | 1 => 2,
        _ => 3,
    }
}

impl TextPass for DigitPass {
    fn kinds(&self) -> KindSet {
        KindSet::of_iter(DETECTORS.iter().flat_map(|d| d.kinds.iter()))
    }

    fn reach(&self) -> usize {
        contact::REACH.max(financial::REACH).max(orgs::REACH)
    }

    fn find_at(&self, sc: &Scanner, h: &[u8], from: usize) -> Option<Match> {
        find(sc, h, from, sc.kinds)
    }

    fn find_kind_at(
        &self,
        sc: &Scanner,
        h: &[u8],
        from: usize,
        kind: Kind,
    ) -> Option<Match> {
        let d = DETECTORS.iter().find(|d| d.kinds.contains(kind))?;
        find(sc, h, from, d.kinds)
    }
}

/// The first finding, in the merge's order, of the detectors with kinds
/// in `on`.
fn find(sc: &Scanner, h: &[u8], from: usize, on: KindSet) -> Option<Match> {
    // The detectors still searching, as bits.
    let mut pending = 0u8;
    for (i, d) in DETECTORS.iter().enumerate() {
        if d.kinds.intersects(sc.kinds) && d.kinds.intersects(on) {
            pending |= 1 << i;
        }
    }
    let mut best: Option<Match> = None;
    let mut i = from;
    while pending != 0 {
        let Some(p) = prefilter::find(h, i) else { break };
        if let Some(b) = best {
            // A detector that has not found yet can still start a finding
            // at `p - back`: past the best one's start, none can go first.
            let still = (0..DETECTORS.len()).any(|k| {
                pending & 1 << k != 0
                    && p.saturating_sub(back(sc, k)) <= b.start()
            });
            if !still {
                break;
            }
        }
        if shape::digit_at(h, p).is_none() {
            i = p + 1;
            continue;
        }
        let run_end = contact::skip_run(h, p);
        if !shape::digit_before(h, p) {
            let mut cx = Cx::default();
            for (k, d) in DETECTORS.iter().enumerate() {
                if pending & 1 << k == 0 {
                    continue;
                }
                if let Some(m) = (d.at_run)(sc, h, from, p, run_end, &mut cx) {
                    pending &= !(1 << k);
                    if best.is_none_or(|b| merge_before(&m, &b)) {
                        best = Some(m);
                    }
                }
            }
        }
        i = run_end;
    }
    best
}
