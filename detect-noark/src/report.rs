//! The two written forms of an [`EntryReport`]: a JSON object (one line
//! of `sladd noark --format jsonl`) and a readable text block.

use core::fmt::Write as _;

use serde_json::{Value, json};

use crate::assess::{EntryReport, GateReason};

impl EntryReport {
    /// The report as a JSON object, values masked. `path` names the input
    /// (`null` if none). Keys: `path`, `line`, `systemID`, `level`,
    /// `entity`, `fields`, `findings` (each `field`, `kind`, `group`,
    /// `confidence`, `start`, `end`, `value`, `published`), `risk`,
    /// `categories`, `offentligTittel`, `offentligTittelSensitiv`,
    /// `skjermingMetadata`, `offentligTittelLeaks`, `gate` (`pass` or
    /// `fail`), `gateReasons`.
    ///
    /// ```
    /// use detect_noark::{assess_entry, Entry, Level, Source};
    /// let e = Entry::new(Source::Postliste, Level::Registrering, "7")
    ///     .field("tittel", "Søknad fra 010180-00055");
    /// let j = assess_entry(&e).to_json(Some("postliste.csv"));
    /// assert_eq!(j["systemID"], "7");
    /// assert_eq!(j["findings"][0]["value"], "******-*****");
    /// assert_eq!(j["gate"], "fail");
    /// ```
    pub fn to_json(&self, path: Option<&str>) -> Value {
        let findings: Vec<Value> = self
            .findings
            .iter()
            .map(|f| {
                json!({
                    "field": f.field,
                    "kind": f.kind.as_str(),
                    "group": f.kind.group().as_str(),
                    "confidence": f.confidence.as_str(),
                    "start": f.start,
                    "end": f.end,
                    "value": f.value,
                    "published": f.published,
                })
            })
            .collect();
        json!({
            "path": path,
            "line": self.line,
            "systemID": self.system_id,
            "level": self.level.as_str(),
            "entity": self.entity,
            "fields": self.fields,
            "findings": findings,
            "risk": self.risk.as_str(),
            "categories": self.categories.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
            "offentligTittel": self.offentlig_tittel,
            "offentligTittelSensitiv": self.offentlig_tittel_sensitiv,
            "skjermingMetadata": self.skjerming,
            "offentligTittelLeaks": self.offentlig_tittel_leaks,
            "gate": if self.passes() { "pass" } else { "fail" },
            "gateReasons": self.gate.iter().map(|g| match g {
                GateReason::Id { field, kind } => json!({"reason": "id", "field": field, "kind": kind.as_str()}),
                GateReason::Special => json!({"reason": "special"}),
            }).collect::<Vec<_>>(),
        })
    }

    /// The report as readable text: a head line `PATH:LINE: LEVEL ENTITY
    /// systemID=… risk=… gate=…`, then indented lines for the findings,
    /// the proposals, the screening and the gate's reasons.
    pub fn to_text(&self, path: Option<&str>) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{}:{}: {} {} systemID={} risk={}{}",
            path.unwrap_or("-"),
            self.line,
            self.level,
            self.entity,
            self.system_id.as_deref().unwrap_or("-"),
            self.risk,
            if self.passes() { "" } else { " gate=FAIL" }
        );
        for f in &self.findings {
            let _ = writeln!(
                s,
                "    {}: {} {} {}{}",
                f.field,
                f.kind,
                f.confidence,
                f.value,
                if f.published { " (published)" } else { "" }
            );
        }
        if let Some(t) = &self.offentlig_tittel {
            let _ = writeln!(s, "    proposed offentligTittel: {t}");
        }
        if let Some(t) = &self.offentlig_tittel_sensitiv {
            let _ = writeln!(s, "    proposed offentligTittelSensitiv: {t}");
        }
        if !self.skjerming.is_empty() {
            let _ = writeln!(
                s,
                "    suggested skjermingMetadata: {}",
                self.skjerming.join("; ")
            );
        }
        if self.offentlig_tittel_leaks == Some(true) {
            let _ = writeln!(
                s,
                "    the existing offentligTittel holds what must be screened"
            );
        }
        for g in &self.gate {
            let _ = writeln!(s, "    gate: {g}");
        }
        s
    }
}
