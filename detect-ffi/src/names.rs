//! Kinds, confidence levels, redaction styles, flags and the version: the
//! numbers of the ABI and their names.
//!
//! The numbers come from `detect-core` (`Kind::code`, `Confidence`,
//! `RedactStyle`, `Flags::bits`), where they are fixed; the tests below
//! hold the C names to them.

use core::ffi::{CStr, c_char, c_int};
use core::ptr;

use detect_core::{Confidence, Flags, Group, Kind};

use crate::ffi;
use crate::panic::{guard, guard_or};
use crate::result::sladd_result;

/// The kind of a finding, as in `sladd_match.kind`. Codes are never
/// renumbered; `sladd_kind_name` gives the stable string.
#[allow(non_camel_case_types)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum sladd_kind {
    /// `no_fnr`: Norwegian fødselsnummer (old rule and the 2032 rule).
    NoFnr = 1,
    /// `no_dnr`: Norwegian D-nummer (day + 40).
    NoDnr = 2,
    /// `no_hnr`: Norwegian H-nummer (month + 40); NAV test numbers share the shape.
    NoHnr = 3,
    /// `no_fhnr`: Norwegian FH-nummer (first digit 8 or 9, no date).
    NoFhnr = 4,
    /// `no_duf`: Norwegian DUF-nummer (12 digits).
    NoDuf = 5,
    /// `dk_cpr`: Danish CPR-nummer.
    DkCpr = 6,
    /// `se_pnr`: Swedish personnummer.
    SePnr = 7,
    /// `se_snr`: Swedish samordningsnummer (day + 60).
    SeSnr = 8,
    /// `fi_hetu`: Finnish henkilötunnus (HETU).
    FiHetu = 9,
    /// `is_kt`: Icelandic kennitala of a person.
    IsKt = 10,
    /// `person_name`: A person's name as written (`Kari Nordmann`, `Nordmann, Kari`, `K. Nordmann`).
    PersonName = 11,
    /// `email`: An e-mail address.
    Email = 12,
    /// `phone`: A phone number in a Nordic national or international form.
    Phone = 13,
    /// `address`: A street address: street name and house number, with postcode and town after it.
    Address = 14,
    /// `iban`: An IBAN (mod 97, length per country).
    Iban = 15,
    /// `bank_account`: A bank account number (NO 11 digits mod 11, DK reg.nr + konto, SE clearing + account, labelled accounts).
    BankAccount = 16,
    /// `payment_card`: A payment card number (Luhn and issuer ranges).
    PaymentCard = 17,
    /// `no_orgnr`: Norwegian organisasjonsnummer.
    NoOrgnr = 18,
    /// `dk_cvr`: Danish CVR-nummer.
    DkCvr = 19,
    /// `se_orgnr`: Swedish organisationsnummer.
    SeOrgnr = 20,
    /// `fi_ytunnus`: Finnish Y-tunnus (business ID).
    FiYtunnus = 21,
    /// `is_company_kt`: Icelandic kennitala of a company or organisation.
    IsCompanyKt = 22,
    /// `sensitive_health`: A term of health (diagnoses, treatment, disability).
    SensitiveHealth = 23,
    /// `sensitive_child_welfare`: A term of child welfare (barnevern, placement, care order).
    SensitiveChildWelfare = 24,
    /// `sensitive_social`: A term of social assistance (sosialhjelp, økonomisk stønad).
    SensitiveSocial = 25,
    /// `sensitive_criminal`: A term of criminal offences and convictions.
    SensitiveCriminal = 26,
    /// `sensitive_ethnicity`: A term of ethnic origin.
    SensitiveEthnicity = 27,
    /// `sensitive_belief`: A term of religious or philosophical belief, or political opinion.
    SensitiveBelief = 28,
    /// `sensitive_sexuality`: A term of sex life or sexual orientation.
    SensitiveSexuality = 29,
    /// `sensitive_union`: A term of trade-union membership.
    SensitiveUnion = 30,
}

/// The group (category) of a kind, as `sladd_kind_group` returns it.
/// Group names (`"ids"`, `"contact"`, …) also work in
/// `sladd_options.kinds`.
#[allow(non_camel_case_types)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum sladd_group {
    /// `ids`: national identity numbers.
    Ids = 1,
    /// `names`: person names.
    Names = 2,
    /// `contact`: e-mail addresses, phone numbers, street addresses.
    Contact = 3,
    /// `financial`: IBANs, bank accounts, payment cards.
    Financial = 4,
    /// `organisations`: organisation numbers (off by default).
    Organisations = 5,
    /// `sensitive`: terms of a special category.
    Sensitive = 6,
}

/// The risk level of a record, as in `sladd_assessment.risk`; ordered
/// clean < personal < special < identifying.
#[allow(non_camel_case_types)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum sladd_risk {
    /// No personal data.
    Clean = 0,
    /// Names, contact or financial data; no national ID, no sensitive term
    /// tied to a person.
    Personal = 1,
    /// A person (a name or a national ID) and a sensitive term: screen it.
    Special = 2,
    /// A national identity number: never publishable.
    Identifying = 3,
}

/// The confidence of a finding, as in `sladd_match.confidence` and
/// `sladd_options.min_confidence` (where 0 means the default, medium).
#[allow(non_camel_case_types)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum sladd_confidence {
    /// Structurally plausible only; reported only when asked for.
    Low = 1,
    /// Every rule of the kind holds (the default threshold).
    Medium = 2,
    /// Every rule holds and a context keyword lies near.
    High = 3,
}

/// How `sladd_redact` masks a finding (`sladd_options.redact_style`).
#[allow(non_camel_case_types)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum sladd_redact_style {
    /// The default: every digit and letter of the finding becomes `*`,
    /// separators stay, the length in bytes is unchanged
    /// (`010180 00055` becomes `****** *****`).
    Mask = 0,
    /// The finding becomes its kind in brackets: `[no_fnr]`.
    Label = 1,
    /// The date part stays, the rest is masked: `010180 *****`.
    KeepBirthdate = 2,
}

/// `sladd_match.flags` bit: every check digit of the kind passed.
pub const SLADD_FLAG_CHECKSUM: u32 = 1 << 0;
/// `sladd_match.flags` bit: the date part is a real date, not in the
/// future.
pub const SLADD_FLAG_DATE_VALID: u32 = 1 << 1;
/// `sladd_match.flags` bit: a positive context keyword lies near.
pub const SLADD_FLAG_CONTEXT: u32 = 1 << 2;
/// `sladd_match.flags` bit: a negative context keyword (account, org.nr,
/// phone…) lies nearer.
pub const SLADD_FLAG_NEGATIVE_CONTEXT: u32 = 1 << 3;
/// `sladd_match.flags` bit: written with a separator.
pub const SLADD_FLAG_SEPARATOR: u32 = 1 << 4;
/// `sladd_match.flags` bit: a synthetic test number (Norway: month + 80
/// or month + 65).
pub const SLADD_FLAG_SYNTHETIC: u32 = 1 << 5;
/// `sladd_match.flags` bit: a Finnish temporary number (900–999).
pub const SLADD_FLAG_TEMPORARY: u32 = 1 << 6;
/// `sladd_match.flags` bit: valid only under the Norwegian 2032 rule.
pub const SLADD_FLAG_NEW_RULE: u32 = 1 << 7;
/// `sladd_match.flags` bit: written in lower case (Finnish letters).
pub const SLADD_FLAG_LOWERCASE: u32 = 1 << 8;
/// `sladd_match.flags` bit: a Norwegian number with a four-digit year.
pub const SLADD_FLAG_FULL_YEAR: u32 = 1 << 9;
/// `sladd_match.flags` bit: a Norwegian personnummer written apart from
/// its birth date; the span covers the five digits.
pub const SLADD_FLAG_SPLIT: u32 = 1 << 10;
/// `sladd_match.flags` bit: a check digit failed; reported only next to a
/// strong label, as a likely typo.
pub const SLADD_FLAG_CHECKSUM_FAILED: u32 = 1 << 11;
/// `sladd_match.flags` bit: read leniently (`sladd_options.lenient`):
/// digits broken by stray spaces or misplaced separators, as OCR leaves
/// them, right after a label of the kind; the span covers the number as
/// written.
pub const SLADD_FLAG_OCR: u32 = 1 << 12;

/// The stable name of the kind `kind` (`"no_fnr"`, `"dk_cpr"`, …): a
/// static NUL-terminated string that the caller must not free. Returns
/// NULL for a code that is not a `sladd_kind`.
///
/// Thread safety: may be called from any thread.
#[unsafe(no_mangle)]
pub extern "C" fn sladd_kind_name(kind: u32) -> *const c_char {
    guard_or(ptr::null(), || match Kind::from_code(kind) {
        Some(k) => k.as_cstr().as_ptr(),
        None => ptr::null(),
    })
}

/// The group of the kind `kind`: a `sladd_group` (1–6), or 0 for a code
/// that is not a `sladd_kind`.
///
/// Thread safety: may be called from any thread.
#[unsafe(no_mangle)]
pub extern "C" fn sladd_kind_group(kind: u32) -> u32 {
    guard_or(0, || Kind::from_code(kind).map_or(0, |k| k.group().code()))
}

/// The stable name of the group `group` (`"ids"`, `"names"`, `"contact"`,
/// `"financial"`, `"organisations"`, `"sensitive"`): a static string;
/// NULL for a code that is not a `sladd_group`.
///
/// Thread safety: may be called from any thread.
#[unsafe(no_mangle)]
pub extern "C" fn sladd_group_name(group: u32) -> *const c_char {
    guard_or(ptr::null(), || {
        match Group::ALL.iter().find(|g| g.code() == group) {
            Some(g) => g.as_cstr().as_ptr(),
            None => ptr::null(),
        }
    })
}

/// Looks up a kind by its name (`"no_fnr"`; case and surrounding white
/// space are ignored) and writes its code to `*out_kind`.
///
/// Errors (`*out_kind` is left untouched):
/// - `SLADD_RESULT_NULL_PARAMETER`: `name` or `out_kind` is NULL.
/// - `SLADD_RESULT_UNKNOWN_KIND`: no kind has that name.
///
/// Thread safety: may be called from any thread.
#[unsafe(no_mangle)]
pub extern "C" fn sladd_kind_from_name(
    name: *const c_char,
    out_kind: *mut u32,
) -> c_int {
    guard(|| {
        let name = ffi::opt_cstr(name).ok_or(sladd_result::NullParameter)?;
        let out_kind = ffi::out_ptr(out_kind)?;
        let kind = name
            .to_str()
            .ok()
            .and_then(|s| s.parse::<Kind>().ok())
            .ok_or(sladd_result::UnknownKind)?;
        out_kind.write(kind.code());
        Ok(())
    })
}

/// The name of a confidence level: `"low"` (1), `"medium"` (2) or
/// `"high"` (3), a static string; NULL for any other value.
///
/// Thread safety: may be called from any thread.
#[unsafe(no_mangle)]
pub extern "C" fn sladd_confidence_name(confidence: u32) -> *const c_char {
    guard_or(ptr::null(), || match Confidence::from_code(confidence) {
        Some(c) => c.as_cstr().as_ptr(),
        None => ptr::null(),
    })
}

/// The name of one `SLADD_FLAG_*` bit (`"checksum"`, `"date_valid"`,
/// `"context"`, …), a static string; NULL unless `flag` is exactly one
/// known bit.
///
/// Thread safety: may be called from any thread.
#[unsafe(no_mangle)]
pub extern "C" fn sladd_flag_name(flag: u32) -> *const c_char {
    guard_or(ptr::null(), || {
        // Only bits the C API names: a flag added to detect-core gets its
        // `SLADD_FLAG_*` constant before it is named here.
        if flag > SLADD_FLAG_OCR {
            return ptr::null();
        }
        Flags::from_bits_truncate(flag)
            .single_name()
            .map_or(ptr::null(), CStr::as_ptr)
    })
}

/// The library version as a NUL-terminated string.
const VERSION: &CStr = match CStr::from_bytes_with_nul(
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_bytes(),
) {
    Ok(v) => v,
    Err(_) => panic!("the package version has no NUL inside"),
};

/// The version of the library that is running, e.g. `"0.1.0"`: a static
/// string. Compare it with `SLADD_VERSION`, the version of the header you
/// compiled against; before 1.0 they must be equal (no ABI stability is
/// promised between versions).
///
/// Thread safety: may be called from any thread.
#[unsafe(no_mangle)]
pub extern "C" fn sladd_version() -> *const c_char {
    VERSION.as_ptr()
}

#[cfg(test)]
mod tests {
    use super::*;
    use detect_core::{Flags, RedactStyle};

    fn name(p: *const c_char) -> Option<&'static str> {
        ffi::opt_cstr(p).map(|c| c.to_str().unwrap())
    }

    /// The C enum (as the checked-in header spells it, which
    /// `gen-header.sh --verify` holds to this crate's source) has exactly
    /// the core's kinds: same names, same codes, none missing, none extra.
    #[test]
    fn kinds_match_the_core() {
        let header = include_str!("../include/sladd.h");
        let mut in_header: Vec<(String, u32)> = header
            .lines()
            .filter_map(|l| {
                let l = l.trim().strip_prefix("SLADD_KIND_")?;
                let (n, c) = l.trim_end_matches(',').split_once(" = ")?;
                Some((n.to_ascii_lowercase(), c.parse().ok()?))
            })
            .collect();
        in_header.sort_by_key(|x| x.1);
        let core: Vec<(String, u32)> = Kind::ALL
            .iter()
            .map(|k| (k.as_str().to_string(), k.code()))
            .collect();
        assert_eq!(in_header, core);
        for k in Kind::ALL {
            assert_eq!(name(sladd_kind_name(k.code())), Some(k.as_str()));
            assert_eq!(sladd_kind_group(k.code()), k.group().code());
            assert_eq!(
                name(sladd_group_name(k.group().code())),
                Some(k.group().as_str())
            );
            let mut out = 0;
            let n = std::ffi::CString::new(k.as_str()).unwrap();
            assert_eq!(sladd_kind_from_name(n.as_ptr(), &mut out), 0);
            assert_eq!(out, k.code());
        }
        let past = Kind::ALL.len() as u32 + 1;
        assert_eq!(sladd_kind_name(0), ptr::null());
        assert_eq!(sladd_kind_name(past), ptr::null());
        assert_eq!(sladd_kind_group(past), 0);
        assert_eq!(sladd_group_name(0), ptr::null());
        assert_eq!(sladd_group_name(7), ptr::null());
        // The C group enum is the core's.
        for (g, c) in Group::ALL.iter().zip([
            sladd_group::Ids,
            sladd_group::Names,
            sladd_group::Contact,
            sladd_group::Financial,
            sladd_group::Organisations,
            sladd_group::Sensitive,
        ]) {
            assert_eq!(g.code(), c as u32);
        }
    }

    #[test]
    fn confidences_and_styles_match_the_core() {
        for c in [Confidence::Low, Confidence::Medium, Confidence::High] {
            assert_eq!(
                name(sladd_confidence_name(c as u32)),
                Some(c.as_str())
            );
        }
        assert_eq!(sladd_confidence::Low as u32, Confidence::Low as u32);
        assert_eq!(sladd_confidence::High as u32, Confidence::High as u32);
        for s in [
            sladd_redact_style::Mask,
            sladd_redact_style::Label,
            sladd_redact_style::KeepBirthdate,
        ] {
            assert!(RedactStyle::from_code(s as u32).is_some());
        }
        assert_eq!(
            RedactStyle::from_code(sladd_redact_style::Label as u32),
            Some(RedactStyle::Label)
        );
    }

    #[test]
    fn flags_match_the_core() {
        let mut n = 0;
        for (flag_name, flag) in Flags::all_names() {
            assert_eq!(name(sladd_flag_name(flag.bits())), Some(flag_name));
            n += 1;
        }
        assert_eq!(n, 13);
        assert_eq!(SLADD_FLAG_CHECKSUM_FAILED, Flags::CHECKSUM_FAILED.bits());
        assert_eq!(SLADD_FLAG_OCR, Flags::OCR.bits());
        assert_eq!(name(sladd_flag_name(SLADD_FLAG_OCR)), Some("ocr"));
        assert_eq!(sladd_flag_name(SLADD_FLAG_OCR << 1), ptr::null());
        assert_eq!(SLADD_FLAG_SYNTHETIC, Flags::SYNTHETIC.bits());
        assert_eq!(sladd_flag_name(3), ptr::null());
    }

    #[test]
    fn version_is_the_package_version() {
        assert_eq!(name(sladd_version()), Some(env!("CARGO_PKG_VERSION")));
    }
}
