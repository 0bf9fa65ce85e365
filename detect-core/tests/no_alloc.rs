//! `find_iter` allocates nothing once the scanner is built. One test in
//! this file: the counting allocator is global to the test binary.

mod common;
#[path = "../examples/contact_gen/mod.rs"]
mod contact_gen;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};

use common::{Rng, filler, look_alike, planted};
use detect_core::{Confidence, Scanner};

struct Counting;

static ALLOCS: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// Whether this thread's allocations count: only the test's own, not
    /// the test harness's (which allocates to say a test runs long).
    static COUNTING: Cell<bool> = const { Cell::new(false) };
}

fn count() {
    // `try_with`: during thread teardown the flag may be gone.
    if COUNTING.try_with(Cell::get).unwrap_or(false) {
        ALLOCS.fetch_add(1, Ordering::SeqCst);
    }
}

// SAFETY: forwards every call to the system allocator unchanged and only
// counts allocations on the side.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: the caller upholds `alloc`'s contract, passed on as is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `alloc` above, i.e. from `System`.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(
        &self,
        ptr: *mut u8,
        layout: Layout,
        size: usize,
    ) -> *mut u8 {
        count();
        // SAFETY: as for `alloc` and `dealloc`.
        unsafe { System.realloc(ptr, layout, size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[test]
fn find_iter_allocates_nothing() {
    // About 4 MB of text with identifiers (with and without keywords),
    // look-alikes and Nordic letters.
    let mut r = Rng(42);
    let mut cr = contact_gen::Rng(43);
    let mut text = String::new();
    let mut planted_n = 0;
    while text.len() < 4 << 20 {
        text.push_str(&filler(&mut r, 30));
        text.push(' ');
        if r.coin() {
            let p = planted(&mut r);
            text.push_str(p.keyword);
            text.push(' ');
            text.push_str(&p.text);
            planted_n += 1;
        } else {
            text.push_str(&look_alike(&mut r));
        }
        // Sensitive terms, strong and weak, with and without a cue.
        text.push_str(match r.coin() {
            true => " Vedtak om omsorgsovertakelse; rus og psykiatri",
            false => " huostaanoton, Tro, sosiale medier, Dom i straffesaken",
        });
        // The contact, financial and organisation kinds, labelled or not,
        // and their look-alikes.
        let kind = *contact_gen::KINDS
            .get(cr.below(contact_gen::KINDS.len() as u64) as usize)
            .expect("in range");
        text.push(' ');
        if cr.chance(1, 2) {
            text.push_str(contact_gen::label(&mut cr, kind));
            text.push(' ');
        }
        text.push_str(&contact_gen::value(&mut cr, kind).text);
        text.push(' ');
        text.push_str(&contact_gen::look_alike(&mut cr));
        text.push_str(".\n");
        // Names in every shape the person_name pass reads, and the
        // caller's known name alone after its full form.
        if r.below(4) == 0 {
            text.push_str(
                "Klage fra Kari Nordmann, f. 010180. Nordmann, Kari og \
                 K.O. Hansen møtte Anna-Lena O\u{308}berg og Jón \
                 Sigurðsson; søker kari nordmann; Zxyla Qwertmann skrev, \
                 og Qwertmann svarte. Henrik Ibsens gate 5. KARI HANSEN AS.\n",
            );
        }
    }
    let scanners = [
        Scanner::new(),
        Scanner::new().with_min_confidence(Confidence::Low),
        Scanner::builder().country_names(["se", "fi"]).build().unwrap(),
        Scanner::builder()
            .known_names(["Zxyla Qwertmann"])
            .sensitive_terms(detect_core::Kind::SensitiveSocial, ["husbank*"])
            .min_confidence(Confidence::Low)
            .build()
            .unwrap(),
        Scanner::builder().kind_names(["all"]).build().unwrap(),
        Scanner::builder()
            .kind_names(["contact", "financial"])
            .min_confidence(Confidence::Low)
            .build()
            .unwrap(),
    ];
    // Warm up anything lazily initialised by the standard library (CPU
    // feature detection) outside the counted region.
    let _ = scanners[0].find_iter("fnr 01018000055").count();

    COUNTING.with(|c| c.set(true));
    let before = ALLOCS.load(Ordering::SeqCst);
    let mut found = 0;
    for sc in &scanners {
        for m in sc.find_iter(&text) {
            found += m.len();
        }
        found += sc.find_iter(text.as_bytes()).count();
    }
    let after = ALLOCS.load(Ordering::SeqCst);
    COUNTING.with(|c| c.set(false));
    assert_eq!(after - before, 0, "find_iter allocated");
    assert!(found > planted_n, "the haystack must hold findings: {found}");
    let names = scanners[3]
        .find_iter(&text)
        .filter(|m| m.kind() == detect_core::Kind::PersonName)
        .count();
    assert!(names > 100, "the haystack must hold names: {names}");
}
