/*!
Finds Nordic personal identity numbers in text, fast and without
allocating, so that they can be masked before the text is published.

sladd knows the Norwegian fødselsnummer (with D-, H-, FH-, DUF- and synthetic
numbers and the 2032 rule), the Danish CPR-nummer, the Swedish personnummer
and samordningsnummer, the Finnish henkilötunnus and the Icelandic
kennitala. Each candidate is validated against its scheme's official rules
(dates and centuries, check digits, every variant) and scored by the
keywords around it.

# Overview

* [`Scanner`] is immutable once built, `Send + Sync` and `Copy`.
  [`Scanner::new`] has the defaults; [`Scanner::builder`] chooses kinds,
  countries, threshold, context window and reference date.
* [`Scanner::find_iter`] yields [`Match`] values (kind, confidence, flags,
  byte span) and allocates nothing.
* [`Scanner::redact`] masks every finding in one of three
  [`RedactStyle`]s.
* [`Scanner::stream`] scans input that arrives in chunks, with the same
  findings, in bounded memory.
* [`Scanner::validate`] checks one identifier.

Input is bytes: invalid UTF-8 never panics, and identifiers inside valid
ASCII stretches of otherwise broken input are still found.

# Example: scan free text

```
use detect_core::{Confidence, Kind, Scanner};

let sc = Scanner::new();
let text = "Vedtak for Kari Nordmann, fnr 010180 00055. CPR: 010180-1004";
let found: Vec<_> = sc.find_iter(text).collect();
assert_eq!(found.len(), 3);
assert_eq!(found[0].kind(), Kind::PersonName);
assert_eq!(&text[found[0].range()], "Kari Nordmann");
assert_eq!(found[1].kind(), Kind::NoFnr);
assert_eq!(&text[found[1].range()], "010180 00055");
assert_eq!(found[2].kind(), Kind::DkCpr);
assert_eq!(found[2].confidence(), Confidence::High);
```

# Example: redact

```
use detect_core::{RedactStyle, Scanner};

let sc = Scanner::new();
let out = sc.redact_str("personnummer 811218-9876", RedactStyle::Mask);
assert_eq!(out, "personnummer ******-****");
```

# Example: validate one identifier

```
use detect_core::{Kind, Scanner};

let sc = Scanner::new();
assert!(sc.validate(Kind::DkCpr, "010165-3000")); // no modulus 11 needed
assert!(!sc.validate(Kind::DkCpr, "290200-0006")); // 29 Feb 1900
```

# Confidence

`high`: every rule holds and a keyword for the kind or its country lies in
the window (40 characters before on the same line, 20 after). `medium`:
every rule holds; or a weaker form (DK without modulus 11, IS without check
digit, NO 2032 rule before 2032, FI lower case or temporary) with a keyword.
`low`: a weaker form without a keyword, an FH or DUF number without its
context, or a check-digit failure right after a label such as `fnr:`. A
negative keyword (account, org.nr, phone…) nearer than every positive one
lowers the level by one. The default threshold is `medium`.

Where one span reads as several kinds (a 10-digit number can be Danish,
Swedish and Icelandic), the reading a keyword supports wins; then the most
confident; among equals, a reading whose check digits hold beats one
resting on its date alone, then the fixed preference FI, SE, DK, IS, NO,
DUF.
*/

#![deny(missing_docs)]
#![forbid(unsafe_op_in_unsafe_fn)]

#[cfg(test)]
extern crate self as detect_core;

mod checksum;
mod context;
mod data;
mod date;
mod ids;
mod kind;
mod prefilter;
mod redact;
mod risk;
mod scanner;
mod shape;
mod stream;
mod text;

pub use crate::date::{Date, ParseDateError};
pub use crate::ids::Reason;
pub use crate::kind::{
    Confidence, Country, Flags, Group, Kind, ParseNameError, SELECTION_ALIASES,
};
pub use crate::redact::RedactStyle;
pub use crate::risk::{Assessment, Risk, risk_of};
pub use crate::scanner::{
    BuildError, DEFAULT_AFTER, DEFAULT_BEFORE, FindIter, MAX_LIST_ENTRY,
    MAX_WINDOW, Match, Scanner, ScannerBuilder,
};
pub use crate::stream::StreamScanner;
pub use crate::text::terms::LEXICON_VERSION;

/// Whether `value` is a valid `kind`, by every rule of its scheme, as of
/// today. See [`Scanner::validate`].
///
/// ```
/// assert!(detect_core::validate(detect_core::Kind::IsKt, "120160-3389"));
/// ```
pub fn validate<V: AsRef<[u8]> + ?Sized>(kind: Kind, value: &V) -> bool {
    Scanner::new().validate(kind, value)
}

#[cfg(test)]
mod testoibits {
    use super::*;
    use std::panic::{RefUnwindSafe, UnwindSafe};

    fn assert_all<T: Send + Sync + UnwindSafe + RefUnwindSafe>() {}

    #[test]
    fn public_types_are_thread_safe() {
        assert_all::<Scanner>();
        assert_all::<ScannerBuilder>();
        assert_all::<Match>();
        assert_all::<FindIter<'_, '_>>();
        assert_all::<StreamScanner>();
        assert_all::<BuildError>();
        assert_all::<Kind>();
        assert_all::<Date>();
        assert_all::<Assessment>();
        assert_all::<Risk>();
    }
}

/// The README's Rust examples, run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
