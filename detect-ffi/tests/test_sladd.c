/*
 * C tests of libsladd through its public header only.
 *
 * Built by test.sh with gcc -std=c11 -Wall -Wextra -Werror -pthread, once
 * against libsladd.so and once against libsladd.a, and run under valgrind.
 * Prints "sladd-c-test: passed=N failed=M" last; exits 1 on any failure.
 *
 * Every number used here is synthetic: never put a real one in a test.
 */

/* mkdtemp and rmdir, for the files of test_scan_file. */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sladd.h"

static int passed, failed;

#define CHECK(cond)                                                        \
    do {                                                                   \
        if (cond) {                                                        \
            passed++;                                                      \
        } else {                                                           \
            failed++;                                                      \
            fprintf(stderr, "%s:%d: %s: check failed: %s\n", __FILE__,     \
                    __LINE__, __func__, #cond);                            \
        }                                                                  \
    } while (0)

#define CHECK_RC(call, want)                                               \
    do {                                                                   \
        int rc_ = (call);                                                  \
        if (rc_ == (int)(want)) {                                          \
            passed++;                                                      \
        } else {                                                           \
            failed++;                                                      \
            fprintf(stderr, "%s:%d: %s: %s returned %d, want %d\n",       \
                    __FILE__, __LINE__, __func__, #call, rc_, (int)(want)); \
        }                                                                  \
    } while (0)

static const uint8_t *u8(const char *s) { return (const uint8_t *)s; }

/* Field by field: memcmp would also compare the padding after flags. */
static int same_match(const sladd_match *a, const sladd_match *b) {
    return a->kind == b->kind && a->confidence == b->confidence &&
           a->flags == b->flags && a->start == b->start && a->end == b->end;
}

static sladd_scanner *new_scanner(const sladd_options *opts) {
    sladd_scanner *sc = NULL;
    int rc = sladd_scanner_new(opts, &sc);
    if (rc != SLADD_RESULT_OK || sc == NULL) {
        fprintf(stderr, "sladd_scanner_new failed: %d\n", rc);
        exit(2);
    }
    return sc;
}

/* The one match in `text`, or a match with kind 0 if not exactly one. */
static sladd_match only_match(const sladd_scanner *sc, const char *text) {
    sladd_match out[4];
    size_t n = 99;
    sladd_match none = {0, 0, 0, 0, 0};
    if (sladd_scan(sc, u8(text), strlen(text), out, 4, &n) !=
            SLADD_RESULT_OK ||
        n != 1) {
        fprintf(stderr, "  %zu matches in \"%s\"\n", n, text);
        return none;
    }
    return out[0];
}

/* Redacts `text` in `style` into a fresh string (caller frees). */
static char *redact_str(const sladd_scanner *sc, const char *text,
                        uint32_t style) {
    size_t need = 0;
    size_t len = strlen(text);
    int rc = sladd_redact_with_style(sc, u8(text), len, style, NULL, 0,
                                     &need);
    if (rc != SLADD_RESULT_OK && rc != SLADD_RESULT_INSUFFICIENT_SPACE) {
        return NULL;
    }
    char *buf = malloc(need + 1);
    size_t got = 0;
    rc = sladd_redact_with_style(sc, u8(text), len, style, (uint8_t *)buf,
                                 need, &got);
    if (rc != SLADD_RESULT_OK || got != need) {
        free(buf);
        return NULL;
    }
    buf[got] = '\0';
    return buf;
}

static void check_redacted(const sladd_scanner *sc, const char *text,
                           uint32_t style, const char *want) {
    char *got = redact_str(sc, text, style);
    CHECK(got != NULL && strcmp(got, want) == 0);
    if (got != NULL && strcmp(got, want) != 0) {
        fprintf(stderr, "  redact(\"%s\", %u) = \"%s\", want \"%s\"\n",
                text, style, got, want);
    }
    free(got);
}

static void test_names_and_version(void) {
    CHECK(strcmp(sladd_version(), SLADD_VERSION) == 0);
    CHECK(SLADD_VERSION_MAJOR == 0);

    static const char *kinds[] = {"no_fnr",  "no_dnr", "no_hnr", "no_fhnr",
                                  "no_duf",  "dk_cpr", "se_pnr", "se_snr",
                                  "fi_hetu", "is_kt"};
    for (uint32_t k = 1; k <= 10; k++) {
        const char *name = sladd_kind_name(k);
        CHECK(name != NULL && strcmp(name, kinds[k - 1]) == 0);
        uint32_t back = 0;
        CHECK_RC(sladd_kind_from_name(kinds[k - 1], &back), SLADD_RESULT_OK);
        CHECK(back == k);
    }
    CHECK(sladd_kind_name(0) == NULL);
    CHECK(sladd_kind_name(UINT32_MAX) == NULL);
    CHECK(SLADD_KIND_NO_FNR == 1 && SLADD_KIND_IS_KT == 10);

    /* Kinds beyond the IDs, and their groups. Codes are dense from 1: the
       first code without a name ends the list. */
    uint32_t n_kinds = 0;
    while (sladd_kind_name(n_kinds + 1) != NULL) n_kinds++;
    CHECK(n_kinds >= 30);
    CHECK(sladd_kind_group(0) == 0 && sladd_kind_group(n_kinds + 1) == 0);
    for (uint32_t k = 1; k <= n_kinds; k++) {
        uint32_t g = sladd_kind_group(k);
        CHECK(g >= SLADD_GROUP_IDS && g <= SLADD_GROUP_SENSITIVE);
        CHECK(sladd_group_name(g) != NULL);
        CHECK((k <= 10) == (g == SLADD_GROUP_IDS));
    }
    CHECK(strcmp(sladd_kind_name(SLADD_KIND_PERSON_NAME), "person_name") == 0);
    CHECK(sladd_kind_group(SLADD_KIND_PERSON_NAME) == SLADD_GROUP_NAMES);
    CHECK(sladd_kind_group(SLADD_KIND_EMAIL) == SLADD_GROUP_CONTACT);
    CHECK(sladd_kind_group(SLADD_KIND_IBAN) == SLADD_GROUP_FINANCIAL);
    CHECK(sladd_kind_group(SLADD_KIND_NO_ORGNR) == SLADD_GROUP_ORGANISATIONS);
    CHECK(sladd_kind_group(SLADD_KIND_SENSITIVE_HEALTH) ==
          SLADD_GROUP_SENSITIVE);
    CHECK(strcmp(sladd_group_name(SLADD_GROUP_CONTACT), "contact") == 0);
    CHECK(sladd_group_name(0) == NULL && sladd_group_name(7) == NULL);

    uint32_t k = 77;
    CHECK_RC(sladd_kind_from_name(" DK_CPR ", &k), SLADD_RESULT_OK);
    CHECK(k == SLADD_KIND_DK_CPR);
    k = 77;
    CHECK_RC(sladd_kind_from_name("xx_nope", &k), SLADD_RESULT_UNKNOWN_KIND);
    CHECK(k == 77);
    CHECK_RC(sladd_kind_from_name(NULL, &k), SLADD_RESULT_NULL_PARAMETER);
    CHECK_RC(sladd_kind_from_name("no_fnr", NULL),
             SLADD_RESULT_NULL_PARAMETER);
    CHECK(k == 77);

    CHECK(strcmp(sladd_confidence_name(1), "low") == 0);
    CHECK(strcmp(sladd_confidence_name(2), "medium") == 0);
    CHECK(strcmp(sladd_confidence_name(3), "high") == 0);
    CHECK(sladd_confidence_name(0) == NULL);
    CHECK(sladd_confidence_name(4) == NULL);

    CHECK(strcmp(sladd_flag_name(SLADD_FLAG_CHECKSUM), "checksum") == 0);
    CHECK(strcmp(sladd_flag_name(SLADD_FLAG_TEMPORARY), "temporary") == 0);
    CHECK(strcmp(sladd_flag_name(SLADD_FLAG_CHECKSUM_FAILED),
                 "checksum_failed") == 0);
    CHECK(strcmp(sladd_flag_name(SLADD_FLAG_OCR), "ocr") == 0);
    CHECK(sladd_flag_name(SLADD_FLAG_OCR << 1) == NULL);
    CHECK(sladd_flag_name(0) == NULL);
    CHECK(sladd_flag_name(SLADD_FLAG_CHECKSUM | SLADD_FLAG_CONTEXT) == NULL);
}

static void test_result_message(void) {
    char buf[256];
    size_t n = 0;
    CHECK_RC(sladd_result_message(SLADD_RESULT_OK, buf, sizeof buf, &n),
             SLADD_RESULT_OK);
    CHECK(strcmp(buf, "success") == 0 && n == 7);

    static const int codes[] = {
        SLADD_RESULT_NULL_PARAMETER,     SLADD_RESULT_INSUFFICIENT_SPACE,
        SLADD_RESULT_UNKNOWN_KIND,       SLADD_RESULT_UNKNOWN_COUNTRY,
        SLADD_RESULT_INVALID_CONFIDENCE, SLADD_RESULT_INVALID_DATE,
        SLADD_RESULT_INVALID_WINDOW,     SLADD_RESULT_NO_KINDS,
        SLADD_RESULT_INVALID_REDACT_STYLE, SLADD_RESULT_INVALID_OPTION,
        SLADD_RESULT_IO,                 SLADD_RESULT_UNSCANNED,
        SLADD_RESULT_STOPPED,            SLADD_RESULT_PANIC,
    };
    char prev[256] = "";
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        CHECK(codes[i] >= 5000 && codes[i] < 6000);
        CHECK_RC(sladd_result_message(codes[i], buf, sizeof buf, &n),
                 SLADD_RESULT_OK);
        CHECK(n > 0 && n == strlen(buf) && strcmp(buf, prev) != 0);
        memcpy(prev, buf, sizeof buf);
    }
    CHECK(SLADD_RESULT_NULL_PARAMETER == 5001);
    CHECK(SLADD_RESULT_PANIC == 5901);
    CHECK(SLADD_RESULT_IO == 5201 && SLADD_RESULT_UNSCANNED == 5202 &&
          SLADD_RESULT_STOPPED == 5203);

    /* Unknown codes still get a message. */
    CHECK_RC(sladd_result_message(12345, buf, sizeof buf, &n),
             SLADD_RESULT_OK);
    CHECK(strstr(buf, "unknown") != NULL);

    /* Buffer too small: the length is reported, the buffer untouched. */
    memset(buf, 'X', sizeof buf);
    n = 0;
    CHECK_RC(sladd_result_message(SLADD_RESULT_NO_KINDS, buf, 5, &n),
             SLADD_RESULT_INSUFFICIENT_SPACE);
    CHECK(n > 5 && buf[0] == 'X' && buf[4] == 'X');
    size_t need = n;
    /* Exactly the message without room for the NUL is still too small. */
    CHECK_RC(sladd_result_message(SLADD_RESULT_NO_KINDS, buf, need, &n),
             SLADD_RESULT_INSUFFICIENT_SPACE);
    CHECK(buf[0] == 'X');
    CHECK_RC(sladd_result_message(SLADD_RESULT_NO_KINDS, NULL, 0, &n),
             SLADD_RESULT_INSUFFICIENT_SPACE);
    CHECK(n == need);
    CHECK_RC(sladd_result_message(SLADD_RESULT_NO_KINDS, buf, need + 1, &n),
             SLADD_RESULT_OK);
    CHECK(n == need && strlen(buf) == need);

    CHECK_RC(sladd_result_message(SLADD_RESULT_OK, buf, sizeof buf, NULL),
             SLADD_RESULT_NULL_PARAMETER);
    CHECK_RC(sladd_result_message(SLADD_RESULT_OK, NULL, 10, &n),
             SLADD_RESULT_NULL_PARAMETER);
}

static void test_defaults(void) {
    sladd_scanner *sc = new_scanner(NULL);
    sladd_options zero;
    memset(&zero, 0, sizeof zero);
    sladd_scanner *sc0 = new_scanner(&zero);

    const char *text = "Vedtak for Kari, fnr 010180 00055. CPR: 010180-1004";
    sladd_match a[4], b[4];
    size_t na = 0, nb = 0;
    CHECK_RC(sladd_scan(sc, u8(text), strlen(text), a, 4, &na),
             SLADD_RESULT_OK);
    CHECK_RC(sladd_scan(sc0, u8(text), strlen(text), b, 4, &nb),
             SLADD_RESULT_OK);
    CHECK(na == 2 && nb == 2);
    CHECK(same_match(&a[0], &b[0]) && same_match(&a[1], &b[1]));
    CHECK(a[0].kind == SLADD_KIND_NO_FNR && a[0].start == 21 &&
          a[0].end == 33);
    CHECK(a[0].confidence == SLADD_CONFIDENCE_HIGH);
    CHECK(a[1].kind == SLADD_KIND_DK_CPR &&
          a[1].confidence == SLADD_CONFIDENCE_HIGH);
    CHECK(strncmp(text + a[1].start, "010180-1004",
                  a[1].end - a[1].start) == 0);

    /* Bare numbers are medium (reported); weak ones are not, by default. */
    sladd_match m = only_match(sc, "01018000055");
    CHECK(m.kind == SLADD_KIND_NO_FNR &&
          m.confidence == SLADD_CONFIDENCE_MEDIUM);
    size_t n = 9;
    CHECK_RC(sladd_scan(sc, u8("81234560077"), 11, NULL, 0, &n),
             SLADD_RESULT_OK);
    CHECK(n == 0);
    CHECK_RC(sladd_scan(sc, u8("010594Y9032"), 11, NULL, 0, &n),
             SLADD_RESULT_OK);
    CHECK(n == 0);
    CHECK_RC(sladd_scan(sc, u8("fnr: 01018000056"), 16, NULL, 0, &n),
             SLADD_RESULT_OK);
    CHECK(n == 0);

    /* Default redaction is mask, length unchanged. */
    check_redacted(sc, text, SLADD_REDACT_STYLE_MASK,
                   "Vedtak for Kari, fnr ****** *****. CPR: ******-****");
    char out[128];
    size_t out_len = 0;
    CHECK_RC(sladd_redact(sc, u8(text), strlen(text), (uint8_t *)out,
                          sizeof out, &out_len),
             SLADD_RESULT_OK);
    CHECK(out_len == strlen(text) &&
          memcmp(out, "Vedtak for Kari, fnr ****** *****. CPR: ******-****",
                 out_len) == 0);

    sladd_scanner_free(sc);
    sladd_scanner_free(sc0);
}

struct kind_case {
    const char *text;
    uint32_t kind;
    uint32_t confidence;
    size_t start, end;
    uint32_t flags; /* bits that must be set */
};

static void test_every_kind(void) {
    static const struct kind_case cases[] = {
        {"fnr 010180 00055", SLADD_KIND_NO_FNR, SLADD_CONFIDENCE_HIGH, 4, 16,
         SLADD_FLAG_CHECKSUM | SLADD_FLAG_DATE_VALID | SLADD_FLAG_CONTEXT |
             SLADD_FLAG_SEPARATOR},
        {"01018000055", SLADD_KIND_NO_FNR, SLADD_CONFIDENCE_MEDIUM, 0, 11,
         SLADD_FLAG_CHECKSUM | SLADD_FLAG_DATE_VALID},
        {"41019000077", SLADD_KIND_NO_DNR, SLADD_CONFIDENCE_MEDIUM, 0, 11,
         SLADD_FLAG_CHECKSUM},
        {"01418000038", SLADD_KIND_NO_HNR, SLADD_CONFIDENCE_MEDIUM, 0, 11,
         SLADD_FLAG_CHECKSUM},
        {"FH-nummer 81234560077", SLADD_KIND_NO_FHNR, SLADD_CONFIDENCE_HIGH,
         10, 21, SLADD_FLAG_CONTEXT},
        {"DUF-nummer 201512345609", SLADD_KIND_NO_DUF, SLADD_CONFIDENCE_HIGH,
         11, 23, SLADD_FLAG_CONTEXT},
        {"CPR 010180-1004", SLADD_KIND_DK_CPR, SLADD_CONFIDENCE_HIGH, 4, 15,
         SLADD_FLAG_CONTEXT | SLADD_FLAG_SEPARATOR},
        {"personnummer 811218-9876", SLADD_KIND_SE_PNR,
         SLADD_CONFIDENCE_HIGH, 13, 24, SLADD_FLAG_CHECKSUM},
        {"701063-2391", SLADD_KIND_SE_SNR, SLADD_CONFIDENCE_MEDIUM, 0, 11,
         SLADD_FLAG_CHECKSUM},
        {"131052-308T", SLADD_KIND_FI_HETU, SLADD_CONFIDENCE_MEDIUM, 0, 11,
         SLADD_FLAG_CHECKSUM | SLADD_FLAG_DATE_VALID},
        {"henkil\xc3\xb6tunnus 010594Y9032", SLADD_KIND_FI_HETU,
         SLADD_CONFIDENCE_MEDIUM, 15, 26,
         SLADD_FLAG_TEMPORARY | SLADD_FLAG_CONTEXT},
        {"kt. 120160-3389", SLADD_KIND_IS_KT, SLADD_CONFIDENCE_HIGH, 4, 15,
         SLADD_FLAG_CHECKSUM | SLADD_FLAG_CONTEXT},
    };
    sladd_scanner *sc = new_scanner(NULL);
    int seen[11] = {0};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct kind_case *c = &cases[i];
        sladd_match m = only_match(sc, c->text);
        CHECK(m.kind == c->kind);
        CHECK(m.confidence == c->confidence);
        CHECK(m.start == c->start && m.end == c->end);
        CHECK((m.flags & c->flags) == c->flags);
        if (m.kind != c->kind || m.start != c->start || m.end != c->end) {
            fprintf(stderr, "  \"%s\": kind %u conf %u span %zu..%zu\n",
                    c->text, m.kind, m.confidence, m.start, m.end);
        }
        if (m.kind >= 1 && m.kind <= 10) {
            seen[m.kind] = 1;
        }
        /* validate() agrees on the bare value. */
        bool valid = false;
        CHECK_RC(sladd_validate(sc, c->kind, u8(c->text + c->start),
                                c->end - c->start, &valid),
                 SLADD_RESULT_OK);
        CHECK(valid);
    }
    for (int k = 1; k <= 10; k++) {
        CHECK(seen[k]);
    }

    /* A bare Icelandic-shaped number reads as Danish (fixed preference);
       "kt." makes it Icelandic (above). */
    CHECK(only_match(sc, "120160-3389").kind == SLADD_KIND_DK_CPR);

    /* With threshold low, the weak readings appear, as low. */
    sladd_options o;
    memset(&o, 0, sizeof o);
    o.min_confidence = SLADD_CONFIDENCE_LOW;
    sladd_scanner *low = new_scanner(&o);
    sladd_match m = only_match(low, "81234560077");
    CHECK(m.kind == SLADD_KIND_NO_FHNR && m.confidence == SLADD_CONFIDENCE_LOW);
    m = only_match(low, "010594Y9032");
    CHECK(m.kind == SLADD_KIND_FI_HETU && m.confidence == SLADD_CONFIDENCE_LOW);
    m = only_match(low, "fnr: 01018000056");
    CHECK(m.kind == SLADD_KIND_NO_FNR && m.confidence == SLADD_CONFIDENCE_LOW);
    CHECK(m.flags & SLADD_FLAG_CHECKSUM_FAILED);

    /* validate() rejects what breaks a rule. */
    bool valid = true;
    CHECK_RC(sladd_validate(sc, SLADD_KIND_NO_FNR, u8("01018000056"), 11,
                            &valid),
             SLADD_RESULT_OK);
    CHECK(!valid);
    CHECK_RC(sladd_validate(sc, SLADD_KIND_SE_PNR, u8("701063-2391"), 11,
                            &valid),
             SLADD_RESULT_OK);
    CHECK(!valid);
    CHECK_RC(sladd_validate(sc, SLADD_KIND_SE_SNR, u8(" 701063-2391 "), 13,
                            &valid),
             SLADD_RESULT_OK);
    CHECK(valid);
    valid = false;
    CHECK_RC(sladd_validate(sc, 0, u8("01018000055"), 11, &valid),
             SLADD_RESULT_UNKNOWN_KIND);
    CHECK(!valid);
    CHECK_RC(sladd_validate(sc, SLADD_KIND_NO_FNR, NULL, 0, &valid),
             SLADD_RESULT_OK);
    CHECK(!valid);

    sladd_scanner_free(low);
    sladd_scanner_free(sc);
}

static void test_assess(void) {
    sladd_scanner *sc = new_scanner(NULL);
    struct {
        const char *text;
        uint32_t risk;
        uint32_t kind; /* a kind that must be among the kinds found */
    } cases[] = {
        {"Vedtak om omsorgsovertakelse", SLADD_RISK_CLEAN,
         SLADD_KIND_SENSITIVE_CHILD_WELFARE},
        {"Klage fra Kari Nordmann", SLADD_RISK_PERSONAL,
         SLADD_KIND_PERSON_NAME},
        {"Vedtak om omsorgsovertakelse - Kari Nordmann", SLADD_RISK_SPECIAL,
         SLADD_KIND_PERSON_NAME},
        {"Vedtak, fnr 010180 00055", SLADD_RISK_IDENTIFYING,
         SLADD_KIND_NO_FNR},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        sladd_assessment a;
        memset(&a, 0xAB, sizeof a);
        CHECK_RC(sladd_assess(sc, u8(cases[i].text), strlen(cases[i].text),
                              &a),
                 SLADD_RESULT_OK);
        CHECK(a.risk == cases[i].risk);
        CHECK((a.kinds >> (cases[i].kind - 1)) & 1);
        CHECK(a.n_findings >= 1);
    }
    sladd_assessment a;
    CHECK_RC(sladd_assess(sc, u8("nothing here"), 12, &a), SLADD_RESULT_OK);
    CHECK(a.risk == SLADD_RISK_CLEAN && a.kinds == 0 && a.n_findings == 0);
    CHECK_RC(sladd_assess(sc, NULL, 0, &a), SLADD_RESULT_OK);
    CHECK_RC(sladd_assess(NULL, u8("x"), 1, &a), SLADD_RESULT_NULL_PARAMETER);
    CHECK_RC(sladd_assess(sc, u8("x"), 1, NULL), SLADD_RESULT_NULL_PARAMETER);
    CHECK(strcmp(sladd_risk_name(SLADD_RISK_SPECIAL), "special") == 0);
    CHECK(strcmp(sladd_risk_name(SLADD_RISK_IDENTIFYING), "identifying") == 0);
    CHECK(sladd_risk_name(4) == NULL);
    sladd_scanner_free(sc);
}

static void test_options(void) {
    const char *text =
        "fnr 010180 00055, CPR 010180-1004, personnummer 811218-9876";
    size_t len = strlen(text);
    sladd_match out[8];
    size_t n = 0;
    sladd_options o;

    /* The lenient option: a damaged CPR after its label, flagged. */
    {
        const char *ocr = "CPR: 0101801 004\nRef 0101801 004\n";
        memset(&o, 0, sizeof o);
        o.kinds = "ids";
        o.reference_date = "2026-11-22";
        sladd_scanner *off = new_scanner(&o);
        CHECK_RC(sladd_scan(off, u8(ocr), strlen(ocr), out, 8, &n),
                 SLADD_RESULT_OK);
        CHECK(n == 0);
        sladd_scanner_free(off);
        o.lenient = 1;
        sladd_scanner *on = new_scanner(&o);
        CHECK_RC(sladd_scan(on, u8(ocr), strlen(ocr), out, 8, &n),
                 SLADD_RESULT_OK);
        CHECK(n == 1 && out[0].kind == SLADD_KIND_DK_CPR &&
              out[0].start == 5 && out[0].end == 16 &&
              (out[0].flags & SLADD_FLAG_OCR) != 0);
        sladd_scanner_free(on);
    }

    /* A group name, and an allow-list that keeps one value out. */
    memset(&o, 0, sizeof o);
    o.kinds = "ids";
    o.allow = "# not a comment in C: a value\n010180-1004\n";
    sladd_scanner *ids = new_scanner(&o);
    CHECK_RC(sladd_scan(ids, u8(text), len, out, 8, &n), SLADD_RESULT_OK);
    CHECK(n == 2 && out[0].kind == SLADD_KIND_NO_FNR &&
          out[1].kind == SLADD_KIND_SE_PNR);
    sladd_scanner_free(ids);

    memset(&o, 0, sizeof o);
    o.kinds = "dk_cpr";
    sladd_scanner *sc = new_scanner(&o);
    CHECK_RC(sladd_scan(sc, u8(text), len, out, 8, &n), SLADD_RESULT_OK);
    CHECK(n == 1 && out[0].kind == SLADD_KIND_DK_CPR);
    sladd_scanner_free(sc);

    memset(&o, 0, sizeof o);
    o.kinds = " no_fnr, se_pnr ";
    sc = new_scanner(&o);
    CHECK_RC(sladd_scan(sc, u8(text), len, out, 8, &n), SLADD_RESULT_OK);
    CHECK(n == 2 && out[0].kind == SLADD_KIND_NO_FNR &&
          out[1].kind == SLADD_KIND_SE_PNR);
    sladd_scanner_free(sc);

    memset(&o, 0, sizeof o);
    o.countries = "se,dk";
    sc = new_scanner(&o);
    CHECK_RC(sladd_scan(sc, u8(text), len, out, 8, &n), SLADD_RESULT_OK);
    CHECK(n == 2 && out[0].kind == SLADD_KIND_DK_CPR);
    sladd_scanner_free(sc);

    memset(&o, 0, sizeof o);
    o.kinds = "";
    o.countries = "";
    o.reference_date = "";
    sc = new_scanner(&o);
    CHECK_RC(sladd_scan(sc, u8(text), len, out, 8, &n), SLADD_RESULT_OK);
    CHECK(n == 3);
    sladd_scanner_free(sc);

    memset(&o, 0, sizeof o);
    o.min_confidence = SLADD_CONFIDENCE_HIGH;
    sc = new_scanner(&o);
    const char *two = "01018000055 is far, far away from the label; "
                      "fnr 01018000055";
    CHECK_RC(sladd_scan(sc, u8(two), strlen(two), out, 8, &n),
             SLADD_RESULT_OK);
    CHECK(n == 1 && out[0].start == 49);
    sladd_scanner_free(sc);

    /* A reference date before the birth date: not a valid number yet. */
    memset(&o, 0, sizeof o);
    o.reference_date = "1979-12-31";
    sc = new_scanner(&o);
    CHECK_RC(sladd_scan(sc, u8("01018000055"), 11, out, 8, &n),
             SLADD_RESULT_OK);
    CHECK(n == 0);
    sladd_scanner_free(sc);
    o.reference_date = "2026-11-22";
    sc = new_scanner(&o);
    CHECK_RC(sladd_scan(sc, u8("01018000055"), 11, out, 8, &n),
             SLADD_RESULT_OK);
    CHECK(n == 1);
    sladd_scanner_free(sc);

    /* A context window of 1 character before: the keyword is too far. */
    memset(&o, 0, sizeof o);
    o.context_before = 1;
    o.context_after = 1;
    sc = new_scanner(&o);
    sladd_match m = only_match(sc, "fnr 01018000055");
    CHECK(m.kind == SLADD_KIND_NO_FNR &&
          m.confidence == SLADD_CONFIDENCE_MEDIUM);
    sladd_scanner_free(sc);

    /* The redaction style option drives sladd_redact. */
    memset(&o, 0, sizeof o);
    o.redact_style = SLADD_REDACT_STYLE_LABEL;
    sc = new_scanner(&o);
    char buf[128];
    size_t out_len = 0;
    CHECK_RC(sladd_redact(sc, u8("fnr 01018000055."), 16, (uint8_t *)buf,
                          sizeof buf, &out_len),
             SLADD_RESULT_OK);
    CHECK(out_len == 13 && memcmp(buf, "fnr [no_fnr].", 13) == 0);
    sladd_scanner_free(sc);

    /* Invalid options: the documented code, and *out untouched. */
    struct {
        sladd_options o;
        int want;
    } bad[] = {
        {{"no_fnr,xx", NULL, 0, 0, 0, NULL, 0, NULL, NULL, 0}, SLADD_RESULT_UNKNOWN_KIND},
        {{NULL, "no,zz", 0, 0, 0, NULL, 0, NULL, NULL, 0}, SLADD_RESULT_UNKNOWN_COUNTRY},
        {{NULL, NULL, 4, 0, 0, NULL, 0, NULL, NULL, 0}, SLADD_RESULT_INVALID_CONFIDENCE},
        {{NULL, NULL, 0, 1001, 0, NULL, 0, NULL, NULL, 0}, SLADD_RESULT_INVALID_WINDOW},
        {{NULL, NULL, 0, 0, 5000, NULL, 0, NULL, NULL, 0}, SLADD_RESULT_INVALID_WINDOW},
        {{NULL, NULL, 0, 0, 0, "2026-02-30", 0, NULL, NULL, 0}, SLADD_RESULT_INVALID_DATE},
        {{NULL, NULL, 0, 0, 0, "yesterday", 0, NULL, NULL, 0}, SLADD_RESULT_INVALID_DATE},
        {{NULL, NULL, 0, 0, 0, NULL, 3, NULL, NULL, 0}, SLADD_RESULT_INVALID_REDACT_STYLE},
        {{"dk_cpr", "no", 0, 0, 0, NULL, 0, NULL, NULL, 0}, SLADD_RESULT_NO_KINDS},
        {{",", NULL, 0, 0, 0, NULL, 0, NULL, NULL, 0}, SLADD_RESULT_NO_KINDS},
        {{"no_fnr\xff", NULL, 0, 0, 0, NULL, 0, NULL, NULL, 0}, SLADD_RESULT_UNKNOWN_KIND},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        sladd_scanner *sentinel = (sladd_scanner *)&bad[i];
        sladd_scanner *got = sentinel;
        CHECK_RC(sladd_scanner_new(&bad[i].o, &got), bad[i].want);
        CHECK(got == sentinel);
    }
}

static void test_scan_array_protocol(void) {
    sladd_scanner *sc = new_scanner(NULL);
    const char *text =
        "a 01018000055 b 010180-1004 c 811218-9876 d 131052-308T e";
    size_t len = strlen(text);
    size_t n = 0;

    /* Count only. */
    CHECK_RC(sladd_scan(sc, u8(text), len, NULL, 0, &n), SLADD_RESULT_OK);
    CHECK(n == 4);

    /* Too small: the first cap elements, the rest untouched. */
    sladd_match out[6];
    memset(out, 0xAB, sizeof out);
    sladd_match sentinel;
    memset(&sentinel, 0xAB, sizeof sentinel);
    n = 0;
    CHECK_RC(sladd_scan(sc, u8(text), len, out, 2, &n), SLADD_RESULT_OK);
    CHECK(n == 4);
    CHECK(out[0].kind == SLADD_KIND_NO_FNR && out[1].kind == SLADD_KIND_DK_CPR);
    CHECK(memcmp(&out[2], &sentinel, sizeof sentinel) == 0);

    /* Large enough: all of them; same as the cursor. */
    CHECK_RC(sladd_scan(sc, u8(text), len, out, 6, &n), SLADD_RESULT_OK);
    CHECK(n == 4);
    CHECK(out[2].kind == SLADD_KIND_SE_PNR && out[3].kind == SLADD_KIND_FI_HETU);
    CHECK(memcmp(&out[4], &sentinel, sizeof sentinel) == 0);

    sladd_match m;
    size_t pos = 0, i = 0;
    while (sladd_find(sc, u8(text), len, pos, &m)) {
        CHECK(i < 4 && same_match(&m, &out[i]));
        CHECK(m.end > pos);
        pos = m.end;
        i++;
    }
    CHECK(i == 4);
    /* Starting past the first match skips it; start == len finds none. */
    CHECK(sladd_find(sc, u8(text), len, 3, &m) && m.kind == SLADD_KIND_DK_CPR);
    CHECK(!sladd_find(sc, u8(text), len, len, &m));
    /* Resuming in the middle of a number does not report its tail. */
    CHECK(sladd_find(sc, u8(text), len, out[0].start + 1, &m) &&
          m.start == out[1].start);

    sladd_scanner_free(sc);
}

static void test_redact(void) {
    sladd_scanner *sc = new_scanner(NULL);
    const char *text = "fnr 010180 00055, CPR 010180-1004, 131052-308T.";

    check_redacted(sc, text, SLADD_REDACT_STYLE_MASK,
                   "fnr ****** *****, CPR ******-****, ******-****.");
    check_redacted(sc, text, SLADD_REDACT_STYLE_LABEL,
                   "fnr [no_fnr], CPR [dk_cpr], [fi_hetu].");
    check_redacted(sc, text, SLADD_REDACT_STYLE_KEEP_BIRTHDATE,
                   "fnr 010180 *****, CPR 010180-****, 131052-****.");
    check_redacted(sc, "no ids here", SLADD_REDACT_STYLE_LABEL,
                   "no ids here");

    /* Buffer too small: *out_len is the size needed, out untouched. */
    size_t len = strlen(text);
    uint8_t out[128];
    size_t out_len = 0;
    for (uint32_t style = 0; style <= 2; style++) {
        size_t need = 0;
        CHECK_RC(sladd_redact_with_style(sc, u8(text), len, style, NULL, 0,
                                         &need),
                 SLADD_RESULT_INSUFFICIENT_SPACE);
        CHECK(need > 0 && need < sizeof out);
        memset(out, 'Z', sizeof out);
        out_len = 0;
        CHECK_RC(sladd_redact_with_style(sc, u8(text), len, style, out,
                                         need - 1, &out_len),
                 SLADD_RESULT_INSUFFICIENT_SPACE);
        CHECK(out_len == need);
        int untouched = 1;
        for (size_t i = 0; i < sizeof out; i++) {
            untouched &= out[i] == 'Z';
        }
        CHECK(untouched);
        CHECK_RC(sladd_redact_with_style(sc, u8(text), len, style, out, need,
                                         &out_len),
                 SLADD_RESULT_OK);
        CHECK(out_len == need && out[need] == 'Z');
    }
    /* Label makes the output longer than the input: len is not enough. */
    const char *short_text = "kt. 120160-3389";
    size_t need = 0;
    CHECK_RC(sladd_redact_with_style(sc, u8("01018000055"), 11,
                                     SLADD_REDACT_STYLE_LABEL, out, 5,
                                     &need),
             SLADD_RESULT_INSUFFICIENT_SPACE);
    CHECK(need == 8);
    check_redacted(sc, short_text, SLADD_REDACT_STYLE_LABEL, "kt. [is_kt]");

    /* sladd_redact's own too-small protocol. */
    memset(out, 'Z', sizeof out);
    out_len = 0;
    CHECK_RC(sladd_redact(sc, u8(text), len, out, 10, &out_len),
             SLADD_RESULT_INSUFFICIENT_SPACE);
    CHECK(out_len == len && out[0] == 'Z' && out[9] == 'Z');

    /* In place: out may be the input itself. */
    char inplace[] = "fnr 010180 00055 ok";
    CHECK_RC(sladd_redact(sc, (const uint8_t *)inplace, strlen(inplace),
                          (uint8_t *)inplace, strlen(inplace), &out_len),
             SLADD_RESULT_OK);
    CHECK(strcmp(inplace, "fnr ****** ***** ok") == 0);

    /* An unknown style writes nothing. */
    out_len = 42;
    CHECK_RC(sladd_redact_with_style(sc, u8(text), len, 3, out, sizeof out,
                                     &out_len),
             SLADD_RESULT_INVALID_REDACT_STYLE);
    CHECK(out_len == 42);

    /* Redacted output re-scanned at threshold low reports nothing. */
    sladd_options o;
    memset(&o, 0, sizeof o);
    o.min_confidence = SLADD_CONFIDENCE_LOW;
    sladd_scanner *low = new_scanner(&o);
    for (uint32_t style = 0; style <= 2; style++) {
        char *r = redact_str(sc, text, style);
        size_t n = 9;
        CHECK(r != NULL);
        CHECK_RC(sladd_scan(low, u8(r), strlen(r), NULL, 0, &n),
                 SLADD_RESULT_OK);
        CHECK(n == 0);
        free(r);
    }
    sladd_scanner_free(low);
    sladd_scanner_free(sc);
}

static void test_null_arguments(void) {
    sladd_scanner *sc = new_scanner(NULL);
    const char *text = "fnr 01018000055";
    size_t len = strlen(text);
    sladd_match out[2];
    size_t n = 77;

    CHECK_RC(sladd_scanner_new(NULL, NULL), SLADD_RESULT_NULL_PARAMETER);
    sladd_options o;
    memset(&o, 0, sizeof o);
    CHECK_RC(sladd_scanner_new(&o, NULL), SLADD_RESULT_NULL_PARAMETER);
    sladd_scanner_free(NULL);

    CHECK_RC(sladd_scan(NULL, u8(text), len, out, 2, &n),
             SLADD_RESULT_NULL_PARAMETER);
    CHECK_RC(sladd_scan(sc, NULL, len, out, 2, &n),
             SLADD_RESULT_NULL_PARAMETER);
    CHECK_RC(sladd_scan(sc, u8(text), len, NULL, 2, &n),
             SLADD_RESULT_NULL_PARAMETER);
    CHECK_RC(sladd_scan(sc, u8(text), len, out, 2, NULL),
             SLADD_RESULT_NULL_PARAMETER);
    CHECK(n == 77);

    sladd_match m;
    memset(&m, 0x5A, sizeof m);
    sladd_match before = m;
    CHECK(!sladd_find(NULL, u8(text), len, 0, &m));
    CHECK(!sladd_find(sc, NULL, len, 0, &m));
    CHECK(!sladd_find(sc, u8(text), len, 0, NULL));
    CHECK(!sladd_find(sc, u8(text), len, len + 1, &m));
    CHECK(memcmp(&m, &before, sizeof m) == 0);

    uint8_t buf[32];
    size_t out_len = 77;
    CHECK_RC(sladd_redact(NULL, u8(text), len, buf, sizeof buf, &out_len),
             SLADD_RESULT_NULL_PARAMETER);
    CHECK_RC(sladd_redact(sc, NULL, len, buf, sizeof buf, &out_len),
             SLADD_RESULT_NULL_PARAMETER);
    CHECK_RC(sladd_redact(sc, u8(text), len, NULL, sizeof buf, &out_len),
             SLADD_RESULT_NULL_PARAMETER);
    CHECK_RC(sladd_redact(sc, u8(text), len, buf, sizeof buf, NULL),
             SLADD_RESULT_NULL_PARAMETER);
    CHECK_RC(sladd_redact_with_style(NULL, u8(text), len, 0, buf, sizeof buf,
                                     &out_len),
             SLADD_RESULT_NULL_PARAMETER);
    CHECK(out_len == 77);

    bool valid = true;
    CHECK_RC(sladd_validate(NULL, SLADD_KIND_NO_FNR, u8("01018000055"), 11,
                            &valid),
             SLADD_RESULT_NULL_PARAMETER);
    CHECK_RC(sladd_validate(sc, SLADD_KIND_NO_FNR, NULL, 11, &valid),
             SLADD_RESULT_NULL_PARAMETER);
    CHECK_RC(sladd_validate(sc, SLADD_KIND_NO_FNR, u8("01018000055"), 11,
                            NULL),
             SLADD_RESULT_NULL_PARAMETER);
    CHECK(valid);

    sladd_scanner_free(sc);
}

static void test_empty_input(void) {
    sladd_scanner *sc = new_scanner(NULL);
    size_t n = 77;
    sladd_match out[1];
    CHECK_RC(sladd_scan(sc, u8(""), 0, out, 1, &n), SLADD_RESULT_OK);
    CHECK(n == 0);
    n = 77;
    CHECK_RC(sladd_scan(sc, NULL, 0, NULL, 0, &n), SLADD_RESULT_OK);
    CHECK(n == 0);
    sladd_match m;
    CHECK(!sladd_find(sc, NULL, 0, 0, &m));
    CHECK(!sladd_find(sc, u8(""), 0, 0, &m));
    size_t out_len = 77;
    CHECK_RC(sladd_redact(sc, NULL, 0, NULL, 0, &out_len), SLADD_RESULT_OK);
    CHECK(out_len == 0);
    uint8_t buf[4] = {'Z', 'Z', 'Z', 'Z'};
    CHECK_RC(sladd_redact(sc, u8(""), 0, buf, sizeof buf, &out_len),
             SLADD_RESULT_OK);
    CHECK(out_len == 0 && buf[0] == 'Z');
    /* Digits only, too short to be anything. */
    CHECK_RC(sladd_scan(sc, u8("0"), 1, out, 1, &n), SLADD_RESULT_OK);
    CHECK(n == 0);
    sladd_scanner_free(sc);
}

static void test_invalid_utf8(void) {
    sladd_scanner *sc = new_scanner(NULL);
    /* Broken bytes around an ID: \xff\xfe, a lone continuation byte, a
       truncated two-byte sequence, and a NUL inside the input. */
    static const uint8_t text[] = {
        0xff, 0xfe, 'f', 'n', 'r', ' ', '0', '1', '0', '1', '8', '0',
        '0',  '0',  '0', '5', '5', ' ', 0x80, 0xc3, 0x00, ' ', '8', '1',
        '1',  '2',  '1', '8', '-', '9', '8', '7', '6', 0xc3};
    size_t len = sizeof text;
    sladd_match out[4];
    size_t n = 0;
    CHECK_RC(sladd_scan(sc, text, len, out, 4, &n), SLADD_RESULT_OK);
    CHECK(n == 2);
    CHECK(out[0].kind == SLADD_KIND_NO_FNR && out[0].start == 6 &&
          out[0].end == 17);
    CHECK(out[1].kind == SLADD_KIND_SE_PNR && out[1].start == 22 &&
          out[1].end == 33);

    uint8_t red[64];
    size_t out_len = 0;
    CHECK_RC(sladd_redact(sc, text, len, red, sizeof red, &out_len),
             SLADD_RESULT_OK);
    CHECK(out_len == len);
    /* The broken bytes survive; the digits are masked. */
    CHECK(red[0] == 0xff && red[1] == 0xfe && red[18] == 0x80 &&
          red[20] == 0x00 && red[33] == 0xc3);
    CHECK(memcmp(red + 6, "***********", 11) == 0);
    CHECK(memcmp(red + 22, "******-****", 11) == 0);

    /* Every byte value, with an ID after it: never a crash. */
    uint8_t all[256 + 16];
    for (int i = 0; i < 256; i++) {
        all[i] = (uint8_t)i;
    }
    memcpy(all + 256, " 010180-1004 \xef", 14);
    CHECK_RC(sladd_scan(sc, all, 270, out, 4, &n), SLADD_RESULT_OK);
    CHECK(n >= 1 && out[n - 1].kind == SLADD_KIND_DK_CPR);
    sladd_scanner_free(sc);
}

/* Several MB of text with an ID every STRIDE bytes. */
#define BIG_LEN (6u * 1024u * 1024u)
#define STRIDE 4096u

static uint8_t *make_big(size_t *planted) {
    uint8_t *big = malloc(BIG_LEN);
    static const char filler[] =
        "lorem ipsum 42 dolor sit amet, 2026-11-22 consectetur 1234567. ";
    const size_t fl = sizeof filler - 1;
    for (size_t i = 0; i < BIG_LEN; i++) {
        big[i] = (uint8_t)filler[i % fl];
    }
    static const char *ids[] = {" fnr 010180 00055 ", " CPR 010180-1004 ",
                                " 811218-9876 ", " 131052-308T "};
    size_t k = 0;
    for (size_t at = 100; at + 32 < BIG_LEN; at += STRIDE, k++) {
        const char *id = ids[k % 4];
        memcpy(big + at, id, strlen(id));
    }
    *planted = k;
    return big;
}

static void test_large_input(void) {
    /* The national IDs: the megabytes run under valgrind, and the text
       passes have tests of their own. */
    sladd_options ids;
    memset(&ids, 0, sizeof ids);
    ids.kinds = "ids";
    sladd_scanner *sc = new_scanner(&ids);
    size_t planted = 0;
    uint8_t *big = make_big(&planted);

    size_t n = 0;
    CHECK_RC(sladd_scan(sc, big, BIG_LEN, NULL, 0, &n), SLADD_RESULT_OK);
    CHECK(n == planted);
    sladd_match *all = malloc(n * sizeof *all);
    size_t n2 = 0;
    CHECK_RC(sladd_scan(sc, big, BIG_LEN, all, n, &n2), SLADD_RESULT_OK);
    CHECK(n2 == n);
    int ordered = 1;
    for (size_t i = 1; i < n2; i++) {
        ordered &= all[i].start >= all[i - 1].end;
    }
    CHECK(ordered);
    static const uint32_t cycle[4] = {SLADD_KIND_NO_FNR, SLADD_KIND_DK_CPR,
                                      SLADD_KIND_SE_PNR, SLADD_KIND_FI_HETU};
    int kinds_ok = 1;
    for (size_t j = 0; j < n2; j++) {
        kinds_ok &= all[j].kind == cycle[j % 4];
    }
    CHECK(kinds_ok);

    /* The cursor walks the same matches. */
    sladd_match m;
    size_t pos = 0, i = 0;
    int same = 1;
    while (sladd_find(sc, big, BIG_LEN, pos, &m)) {
        same &= i < n2 && same_match(&m, &all[i]);
        pos = m.end;
        i++;
    }
    CHECK(same && i == n2);

    /* Redact in style mask: same length, nothing left at threshold low. */
    uint8_t *red = malloc(BIG_LEN);
    size_t out_len = 0;
    CHECK_RC(sladd_redact(sc, big, BIG_LEN, red, BIG_LEN, &out_len),
             SLADD_RESULT_OK);
    CHECK(out_len == BIG_LEN);
    sladd_options o;
    memset(&o, 0, sizeof o);
    o.min_confidence = SLADD_CONFIDENCE_LOW;
    o.kinds = "ids";
    sladd_scanner *low = new_scanner(&o);
    CHECK_RC(sladd_scan(low, red, out_len, NULL, 0, &n), SLADD_RESULT_OK);
    CHECK(n == 0);

    /* Label: the size query, then the real call. */
    size_t need = 0;
    CHECK_RC(sladd_redact_with_style(sc, big, BIG_LEN,
                                     SLADD_REDACT_STYLE_LABEL, NULL, 0,
                                     &need),
             SLADD_RESULT_INSUFFICIENT_SPACE);
    uint8_t *lab = malloc(need);
    CHECK_RC(sladd_redact_with_style(sc, big, BIG_LEN,
                                     SLADD_REDACT_STYLE_LABEL, lab, need,
                                     &out_len),
             SLADD_RESULT_OK);
    CHECK(out_len == need && need < BIG_LEN);
    CHECK(memcmp(lab + 100, " fnr [no_fnr] ", 14) == 0);

    free(lab);
    free(red);
    free(all);
    free(big);
    sladd_scanner_free(low);
    sladd_scanner_free(sc);
}

/* One scanner shared by several threads. */
#define THREADS 4
#define ROUNDS 25

struct shared {
    const sladd_scanner *sc;
    const char *text;
    const sladd_match *want;
    size_t want_n;
    const char *want_label;
};

static void *worker(void *arg) {
    const struct shared *s = arg;
    size_t len = strlen(s->text);
    long bad = 0;
    for (int r = 0; r < ROUNDS; r++) {
        sladd_match got[8];
        size_t n = 0;
        if (sladd_scan(s->sc, u8(s->text), len, got, 8, &n) !=
                SLADD_RESULT_OK ||
            n != s->want_n) {
            bad++;
        }
        for (size_t i = 0; i < n && i < s->want_n; i++) {
            bad += !same_match(&got[i], &s->want[i]);
        }
        char buf[256];
        size_t out_len = 0;
        if (sladd_redact_with_style(s->sc, u8(s->text), len,
                                    SLADD_REDACT_STYLE_LABEL, (uint8_t *)buf,
                                    sizeof buf - 1, &out_len) !=
            SLADD_RESULT_OK) {
            bad++;
            continue;
        }
        buf[out_len] = '\0';
        if (strcmp(buf, s->want_label) != 0) {
            bad++;
        }
        sladd_match m;
        size_t pos = 0, i = 0;
        while (sladd_find(s->sc, u8(s->text), len, pos, &m)) {
            if (i >= s->want_n || !same_match(&m, &s->want[i])) {
                bad++;
            }
            pos = m.end;
            i++;
        }
        if (i != s->want_n) {
            bad++;
        }
    }
    return (void *)bad;
}

static void test_threads(void) {
    sladd_scanner *sc = new_scanner(NULL);
    const char *text = "fnr 010180 00055; CPR 010180-1004; "
                       "personnummer 811218-9876; kt. 120160-3389; "
                       "131052-308T; 41019000077";
    sladd_match want[8];
    size_t want_n = 0;
    CHECK_RC(sladd_scan(sc, u8(text), strlen(text), want, 8, &want_n),
             SLADD_RESULT_OK);
    CHECK(want_n == 6);
    char *label = redact_str(sc, text, SLADD_REDACT_STYLE_LABEL);
    CHECK(label != NULL &&
          strcmp(label, "fnr [no_fnr]; CPR [dk_cpr]; personnummer [se_pnr]; "
                        "kt. [is_kt]; [fi_hetu]; [no_dnr]") == 0);

    struct shared s = {sc, text, want, want_n, label};
    pthread_t th[THREADS];
    for (int i = 0; i < THREADS; i++) {
        CHECK(pthread_create(&th[i], NULL, worker, &s) == 0);
    }
    for (int i = 0; i < THREADS; i++) {
        void *bad = (void *)1;
        CHECK(pthread_join(th[i], &bad) == 0);
        CHECK(bad == NULL);
    }
    free(label);
    sladd_scanner_free(sc);
}

/* What the callbacks of sladd_scan_file saw. */
#define SEEN_MAX 8
struct seen {
    size_t n, n_unscanned;
    char part[SEEN_MAX][64];
    sladd_match m[SEEN_MAX];
    size_t line[SEEN_MAX], column[SEEN_MAX];
    char location[SEEN_MAX][64], reason[SEEN_MAX][128];
    size_t stop_at; /* return nonzero at this call (1-based); 0: never */
};

static void copy_str(char *dst, size_t cap, const char *src) {
    snprintf(dst, cap, "%s", src != NULL ? src : "(null)");
}

static int on_finding(void *ctx, const sladd_file_finding *f) {
    struct seen *s = ctx;
    if (s->n < SEEN_MAX) {
        copy_str(s->part[s->n], sizeof s->part[0], f->part);
        s->m[s->n] = f->m;
        s->line[s->n] = f->line;
        s->column[s->n] = f->column;
    }
    s->n++;
    return s->stop_at != 0 && s->n == s->stop_at;
}

static int on_unscanned(void *ctx, const char *location, const char *reason) {
    struct seen *s = ctx;
    if (s->n_unscanned < SEEN_MAX) {
        copy_str(s->location[s->n_unscanned], sizeof s->location[0],
                 location);
        copy_str(s->reason[s->n_unscanned], sizeof s->reason[0], reason);
    }
    s->n_unscanned++;
    return s->stop_at != 0 && s->n_unscanned == s->stop_at;
}

/* Writes `len` bytes to `dir`/`name`; the path goes to `path`. */
static int write_file(const char *dir, const char *name, const void *data,
                      size_t len, char *path, size_t cap) {
    snprintf(path, cap, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (f == NULL) {
        return 0;
    }
    size_t put = fwrite(data, 1, len, f);
    return fclose(f) == 0 && put == len;
}

static void test_scan_file(void) {
    sladd_options opts;
    memset(&opts, 0, sizeof opts);
    opts.kinds = "ids";
    sladd_scanner *sc = new_scanner(&opts);
    char dir[] = "/tmp/sladd-c-test-XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char eml[256], html[256], bin[256], txt[256], missing[256];

    /* An e-mail: an fnr in the (RFC 2047) Subject, a CPR on the body's
     * second line. */
    const char *mail =
        "From: Saksbehandler <sak@example.invalid>\r\n"
        "Subject: =?utf-8?Q?S=C3=B8knad_fnr_01018000055?=\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        "\r\n"
        "Hei,\r\n"
        "CPR 010180-1004 er mottatt.\r\n";
    CHECK(write_file(dir, "brev.eml", mail, strlen(mail), eml, sizeof eml));
    struct seen s;
    memset(&s, 0, sizeof s);
    size_t n_found = 99, n_unscanned = 99;
    CHECK_RC(sladd_scan_file(sc, eml, on_finding, on_unscanned, &s,
                             &n_found, &n_unscanned),
             SLADD_RESULT_OK);
    CHECK(n_found == 2 && s.n == 2);
    CHECK(n_unscanned == 0 && s.n_unscanned == 0);
    CHECK(strcmp(s.part[0], "headers") == 0);
    CHECK(s.m[0].kind == SLADD_KIND_NO_FNR && s.m[0].end - s.m[0].start == 11);
    CHECK(strcmp(s.part[1], "part 0") == 0);
    CHECK(s.m[1].kind == SLADD_KIND_DK_CPR &&
          s.m[1].confidence == SLADD_CONFIDENCE_HIGH);
    CHECK(s.m[1].end - s.m[1].start == strlen("010180-1004"));
    CHECK(s.line[1] == 2 && s.column[1] == 5);

    /* Counts and callbacks are optional. */
    CHECK_RC(sladd_scan_file(sc, eml, NULL, NULL, NULL, NULL, NULL),
             SLADD_RESULT_OK);
    n_found = 99;
    CHECK_RC(sladd_scan_file(sc, eml, NULL, NULL, NULL, &n_found, NULL),
             SLADD_RESULT_OK);
    CHECK(n_found == 2);

    /* A nonzero return stops the scan. */
    memset(&s, 0, sizeof s);
    s.stop_at = 1;
    CHECK_RC(sladd_scan_file(sc, eml, on_finding, on_unscanned, &s,
                             &n_found, &n_unscanned),
             SLADD_RESULT_STOPPED);
    CHECK(s.n == 1 && n_found == 1 && n_unscanned == 0);

    /* HTML: tags and entities are not text; the column counts
     * characters (the ø is two bytes). */
    const char *page = "<html><body><p>S&oslash;ker</p>"
                       "<p>S\xc3\xb8knad fnr 010180&nbsp;00055</p>"
                       "</body></html>";
    CHECK(write_file(dir, "vedtak.html", page, strlen(page), html,
                     sizeof html));
    memset(&s, 0, sizeof s);
    CHECK_RC(sladd_scan_file(sc, html, on_finding, on_unscanned, &s,
                             &n_found, &n_unscanned),
             SLADD_RESULT_OK);
    CHECK(n_found == 1 && s.n == 1 && strcmp(s.part[0], "body") == 0);
    CHECK(s.m[0].kind == SLADD_KIND_NO_FNR);
    CHECK(s.line[0] == 2 && s.column[0] == 12);
    /* "Søker\nSøknad fnr " is 19 bytes. */
    CHECK(s.m[0].start == 19);

    /* Binary garbage: unscanned, after the callback, never clean. */
    unsigned char junk[350];
    for (size_t i = 0; i < sizeof junk; i++) {
        static const unsigned char pat[] = {0, 1, 2, 3, 0xff, 0xfe, 0};
        junk[i] = pat[i % sizeof pat];
    }
    CHECK(write_file(dir, "scan.bin", junk, sizeof junk, bin, sizeof bin));
    memset(&s, 0, sizeof s);
    CHECK_RC(sladd_scan_file(sc, bin, on_finding, on_unscanned, &s,
                             &n_found, &n_unscanned),
             SLADD_RESULT_UNSCANNED);
    CHECK(n_found == 0 && s.n == 0);
    CHECK(n_unscanned == 1 && s.n_unscanned == 1);
    CHECK(strcmp(s.location[0], "") == 0);
    CHECK(strcmp(s.reason[0], "format not known") == 0);
    /* Ignoring the callbacks and counts still gives UNSCANNED. */
    CHECK_RC(sladd_scan_file(sc, bin, NULL, NULL, NULL, NULL, NULL),
             SLADD_RESULT_UNSCANNED);
    memset(&s, 0, sizeof s);
    s.stop_at = 1;
    CHECK_RC(sladd_scan_file(sc, bin, on_finding, on_unscanned, &s, NULL,
                             &n_unscanned),
             SLADD_RESULT_STOPPED);
    CHECK(s.n_unscanned == 1 && n_unscanned == 1);

    /* A clean text file. */
    const char *note = "Ingen data her.\n";
    CHECK(write_file(dir, "notat.txt", note, strlen(note), txt, sizeof txt));
    memset(&s, 0, sizeof s);
    CHECK_RC(sladd_scan_file(sc, txt, on_finding, on_unscanned, &s,
                             &n_found, &n_unscanned),
             SLADD_RESULT_OK);
    CHECK(n_found == 0 && n_unscanned == 0 && s.n == 0 &&
          s.n_unscanned == 0);

    /* A file that cannot be read: no callback, counts untouched. */
    snprintf(missing, sizeof missing, "%s/finnes-ikke.docx", dir);
    memset(&s, 0, sizeof s);
    n_found = 99;
    n_unscanned = 99;
    CHECK_RC(sladd_scan_file(sc, missing, on_finding, on_unscanned, &s,
                             &n_found, &n_unscanned),
             SLADD_RESULT_IO);
    CHECK(n_found == 99 && n_unscanned == 99 && s.n == 0 &&
          s.n_unscanned == 0);
    CHECK_RC(sladd_scan_file(sc, dir, on_finding, on_unscanned, &s,
                             &n_found, &n_unscanned),
             SLADD_RESULT_IO);
    CHECK(s.n == 0 && s.n_unscanned == 0);
    CHECK_RC(sladd_scan_file(NULL, eml, NULL, NULL, NULL, NULL, NULL),
             SLADD_RESULT_NULL_PARAMETER);
    CHECK_RC(sladd_scan_file(sc, NULL, NULL, NULL, NULL, NULL, NULL),
             SLADD_RESULT_NULL_PARAMETER);

    CHECK(remove(eml) == 0 && remove(html) == 0 && remove(bin) == 0 &&
          remove(txt) == 0);
    CHECK(rmdir(dir) == 0);
    sladd_scanner_free(sc);
}

int main(void) {
    test_names_and_version();
    test_result_message();
    test_defaults();
    test_every_kind();
    test_options();
    test_assess();
    test_scan_array_protocol();
    test_redact();
    test_null_arguments();
    test_empty_input();
    test_invalid_utf8();
    test_large_input();
    test_threads();
    test_scan_file();
    printf("sladd-c-test: passed=%d failed=%d\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
