/*
 * A small client of libsladd: reads text on standard input, prints each
 * finding (kind, confidence, byte span, flags) and then the text redacted.
 *
 *   cc scan.c $(pkg-config --cflags --libs sladd) -o sladd-scan
 *   echo 'fnr 010180 00055' | ./sladd-scan [mask|label|keep_birthdate]
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sladd.h"

static void die(const char *what, int rc) {
    char msg[256];
    size_t n = 0;
    if (sladd_result_message(rc, msg, sizeof msg, &n) != SLADD_RESULT_OK) {
        strcpy(msg, "?");
    }
    fprintf(stderr, "sladd-scan: %s: %s (%d)\n", what, msg, rc);
    exit(2);
}

int main(int argc, char **argv) {
    sladd_options opts;
    memset(&opts, 0, sizeof opts); /* zero = the defaults */
    if (argc > 1) {
        if (strcmp(argv[1], "label") == 0) {
            opts.redact_style = SLADD_REDACT_STYLE_LABEL;
        } else if (strcmp(argv[1], "keep_birthdate") == 0) {
            opts.redact_style = SLADD_REDACT_STYLE_KEEP_BIRTHDATE;
        } else if (strcmp(argv[1], "mask") != 0) {
            fprintf(stderr, "usage: %s [mask|label|keep_birthdate]\n",
                    argv[0]);
            return 2;
        }
    }

    /* Read all of standard input. */
    size_t len = 0, cap = 4096;
    uint8_t *text = malloc(cap);
    size_t got;
    while ((got = fread(text + len, 1, cap - len, stdin)) > 0) {
        len += got;
        if (len == cap) {
            cap *= 2;
            text = realloc(text, cap);
        }
    }

    sladd_scanner *sc = NULL;
    int rc = sladd_scanner_new(&opts, &sc);
    if (rc != SLADD_RESULT_OK) {
        die("sladd_scanner_new", rc);
    }

    /* Walk the findings with the cursor: no array needed. */
    sladd_match m;
    size_t pos = 0;
    while (sladd_find(sc, text, len, pos, &m)) {
        printf("%s %s %zu %zu", sladd_kind_name(m.kind),
               sladd_confidence_name(m.confidence), m.start, m.end);
        for (uint32_t bit = 1; bit != 0 && bit <= m.flags; bit <<= 1) {
            if ((m.flags & bit) && sladd_flag_name(bit) != NULL) {
                printf(" %s", sladd_flag_name(bit));
            }
        }
        printf("\n");
        pos = m.end;
    }

    /* Ask for the size, then redact. */
    size_t need = 0;
    rc = sladd_redact(sc, text, len, NULL, 0, &need);
    if (rc != SLADD_RESULT_OK && rc != SLADD_RESULT_INSUFFICIENT_SPACE) {
        die("sladd_redact", rc);
    }
    uint8_t *out = malloc(need + 1);
    size_t out_len = 0;
    rc = sladd_redact(sc, text, len, out, need, &out_len);
    if (rc != SLADD_RESULT_OK) {
        die("sladd_redact", rc);
    }
    fwrite(out, 1, out_len, stdout);

    free(out);
    free(text);
    sladd_scanner_free(sc);
    return 0;
}
