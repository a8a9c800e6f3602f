/* unicode_db.c - the Unicode Character Database of Unicode 14.0 (CPython
 * 3.11's version): the properties of every code point, decompositions, the
 * pairs canonical composition joins, named sequences.
 *
 * The tables come from Debian's unicode-data files, generated at build time by
 * tools/gen_unicode_db.py, which keeps the characters Unicode 14.0 assigned
 * whatever the database's own version and documents the layout: a code point
 * reaches its property record, and separately its decomposition, in two table
 * lookups (identical blocks of 128 code points are stored once).  The
 * unicodedata module is built on this file, and str asks it about non-ASCII
 * characters: the character classes (isalpha, isdigit, isnumeric, istitle)
 * and the case mappings of upper/lower/title/casefold, full ones included. */
#include <string.h>
#include <strings.h>

#include "unicode_db.h"
#include "unicode_db_data.h"

const char unicode_db_version[] = UDB_VERSION;

static const UdbRecord *udb_record(uint32_t cp) {
    if (cp > 0x10FFFF) return &udb_records[0];
    uint32_t block = udb_record_index1[cp >> UDB_SHIFT];
    return &udb_records[udb_record_index2[(block << UDB_SHIFT) + (cp & UDB_MASK)]];
}

void unicode_db_props(uint32_t cp, UnicodeProps *out) {
    const UdbRecord *r = udb_record(cp);
    out->category = udb_category_names[r->category];
    out->bidirectional = udb_bidi_names[r->bidirectional];
    out->east_asian_width = udb_width_names[r->east_asian_width];
    out->combining = r->combining;
    out->mirrored = r->mirrored;
    out->decimal = r->decimal;
    out->digit = r->digit;
    out->has_numeric = r->numeric != 0;
    out->numeric = r->numeric ? (double)udb_numeric[r->numeric][0] / (double)udb_numeric[r->numeric][1] : 0.0;
}

int unicode_db_combining(uint32_t cp) { return udb_record(cp)->combining; }
int unicode_db_decimal(uint32_t cp) { return udb_record(cp)->decimal; }
int unicode_db_digit(uint32_t cp) { return udb_record(cp)->digit; }
int unicode_db_is_numeric(uint32_t cp) { return udb_record(cp)->numeric != 0; }

int unicode_db_is_letter(uint32_t cp) {
    const char *c = udb_category_names[udb_record(cp)->category];
    return c[0] == 'L' && strchr("ultmo", c[1]) != NULL;
}

int unicode_db_is_title(uint32_t cp) { return strcmp(udb_category_names[udb_record(cp)->category], "Lt") == 0; }

uint32_t unicode_db_upper(uint32_t cp) { return (uint32_t)((int64_t)cp + udb_record(cp)->upper); }
uint32_t unicode_db_lower(uint32_t cp) { return (uint32_t)((int64_t)cp + udb_record(cp)->lower); }
uint32_t unicode_db_title(uint32_t cp) { return (uint32_t)((int64_t)cp + udb_record(cp)->title); }

int unicode_db_full_case(uint32_t cp, int which, uint32_t out[3]) {
    const UdbRecord *r = udb_record(cp);
    if (!r->special_case) {
        int32_t d = which == UNICODE_UPPER ? r->upper : which == UNICODE_TITLE ? r->title : r->lower;
        out[0] = (uint32_t)((int64_t)cp + d);
        return 1;
    }
    size_t n = sizeof udb_special_cases / sizeof udb_special_cases[0], lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (udb_special_cases[mid].cp < cp) lo = mid + 1;
        else hi = mid;
    }
    if (lo < n && udb_special_cases[lo].cp == cp) {
        const UdbSpecialCase *sc = &udb_special_cases[lo];
        memcpy(out, sc->map[which], sc->n[which] * sizeof(uint32_t));
        return sc->n[which];
    }
    out[0] = cp;                        /* not reached: the flag says it is listed */
    return 1;
}

const uint32_t *unicode_db_decomposition(uint32_t cp, int *count, const char **tag) {
    if (cp > 0x10FFFF) return NULL;
    uint32_t block = udb_decomp_index1[cp >> UDB_SHIFT];
    uint16_t off = udb_decomp_index2[(block << UDB_SHIFT) + (cp & UDB_MASK)];
    if (!off) return NULL;
    *count = (int)(udb_decomp_data[off] & 0xFF);
    *tag = udb_decomp_tags[udb_decomp_data[off] >> 8];
    return &udb_decomp_data[off + 1];
}

uint32_t unicode_db_compose(uint32_t a, uint32_t b) {
    size_t n = sizeof udb_compositions / sizeof udb_compositions[0], lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const uint32_t *c = udb_compositions[mid];
        if (c[0] < a || (c[0] == a && c[1] < b)) lo = mid + 1;
        else hi = mid;
    }
    return lo < n && udb_compositions[lo][0] == a && udb_compositions[lo][1] == b ? udb_compositions[lo][2] : 0;
}

int unicode_db_named_sequence(const char *s, size_t n, uint32_t *out) {
    for (size_t i = 0; i < sizeof udb_named_seqs / sizeof udb_named_seqs[0]; i++) {
        const UdbNamedSeq *q = &udb_named_seqs[i];
        if (strlen(q->name) != n || strncasecmp(q->name, s, n) != 0) continue;
        memcpy(out, q->cps, q->n * sizeof(uint32_t));
        return q->n;
    }
    return 0;
}

int unicode_db_assigned_3_2(uint32_t cp) {
    size_t lo = 0, hi = sizeof udb_assigned_3_2 / sizeof udb_assigned_3_2[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < udb_assigned_3_2[mid][0]) hi = mid;
        else if (cp > udb_assigned_3_2[mid][1]) lo = mid + 1;
        else return 1;
    }
    return 0;
}

uint32_t unicode_db_norm_3_2(uint32_t cp) {
    for (size_t i = 0; i < sizeof udb_norm_3_2 / sizeof udb_norm_3_2[0]; i++)
        if (udb_norm_3_2[i][0] == cp) return udb_norm_3_2[i][1];
    return 0;
}
