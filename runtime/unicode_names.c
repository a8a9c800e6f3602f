/* unicode_names.c - Unicode character names (obj_str.h: uname_of, uname_lookup).
 *
 * The data is generated at build time by tools/gen_unicode_names.py from
 * python3's unicodedata (Unicode 14.0.0 for CPython 3.11) into
 * unicode_names_db.c; its top comment describes the layout.  Names made by
 * rule are computed here: "CJK UNIFIED IDEOGRAPH-" and the like plus the hex
 * code point, and the Hangul syllables from their jamo (Unicode's algorithm,
 * the tables of CPython's unicodedata).  Lookup by name is case-insensitive,
 * as unicodedata.lookup and \N{...} are, except for the two kinds CPython
 * computes (CJK UNIFIED IDEOGRAPH-XXXX, HANGUL SYLLABLE X): the name is turned
 * into the encoded
 * form a table entry has and compared with each entry (a scan of ~190 KB,
 * fine for the rare \N{...}); by code point it is a binary search over the
 * runs of named code points and a skip of at most 15 entries.  Aliases
 * (NUL, BOM, ...) and named sequences are entries from U+F0000 on, where
 * CPython keeps them: their namereplace is the alias, as in CPython; a lookup
 * gives the aliased character (a sequence is no character: not found).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "obj_str.h"

extern const uint32_t uname_nwords, uname_nnames, uname_nruns, uname_nalg, uname_nalias;
extern const uint32_t uname_alias_target[];
extern const unsigned char uname_words[], uname_names[];
extern const uint32_t uname_word_off[], uname_checkpoint[];
extern const uint32_t uname_runs[][3], uname_alg[][3];

static const char *const uname_rules[] = {
    "CJK UNIFIED IDEOGRAPH-", "CJK COMPATIBILITY IDEOGRAPH-",
    "KHITAN SMALL SCRIPT CHARACTER-", "NUSHU CHARACTER-", "HANGUL SYLLABLE ",
};
enum { UNAME_HANGUL = 4, HANGUL_BASE = 0xAC00, UNAME_ALIAS_BASE = 0xF0000 };

static const char *const jamo_l[] = {
    "G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T",
    "P", "H",
};
static const char *const jamo_v[] = {
    "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO",
    "WE", "WI", "YU", "EU", "YI", "I",
};
static const char *const jamo_t[] = {
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH",
    "M", "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H",
};

/* ---- code point -> name ----------------------------------------------------------- */

static const unsigned char *uname_skip(const unsigned char *p) {
    unsigned n = *p++;
    for (unsigned k = 0; k < n; k++) p += (*p & 0x80) ? 2 : 1;
    return p;
}

static int uname_decode(const unsigned char *p, char *buf) {
    unsigned n = *p++;
    int len = 0;
    for (unsigned k = 0; k < n; k++) {
        unsigned w = *p++;
        if (w & 0x80) w = ((w & 0x7F) << 8) | *p++;
        const char *word = (const char *)uname_words + uname_word_off[w];
        size_t wl = strlen(word);
        if (k) buf[len++] = ' ';
        if (len + wl > UNAME_MAX) return 0;          /* cannot happen: 88 at most */
        memcpy(buf + len, word, wl);
        len += (int)wl;
    }
    buf[len] = '\0';
    return len;
}

static int uname_rule_name(uint32_t kind, uint32_t cp, char *buf) {
    if (kind != UNAME_HANGUL) return snprintf(buf, UNAME_MAX + 1, "%s%04X", uname_rules[kind], cp);
    uint32_t s = cp - HANGUL_BASE;
    return snprintf(buf, UNAME_MAX + 1, "HANGUL SYLLABLE %s%s%s", jamo_l[s / 588],
                    jamo_v[(s % 588) / 28], jamo_t[s % 28]);
}

int uname_of(uint32_t cp, char *buf) {
    for (uint32_t i = 0; i < uname_nalg; i++)
        if (cp >= uname_alg[i][1] && cp <= uname_alg[i][2])
            return uname_rule_name(uname_alg[i][0], cp, buf);
    uint32_t lo = 0, hi = uname_nruns;
    while (lo < hi) {                            /* the last run starting at or before cp */
        uint32_t mid = (lo + hi) / 2;
        if (uname_runs[mid][0] <= cp) lo = mid + 1; else hi = mid;
    }
    if (lo == 0) return 0;
    const uint32_t *run = uname_runs[lo - 1];
    if (cp >= run[0] + run[1]) return 0;
    uint32_t idx = run[2] + (cp - run[0]);
    const unsigned char *p = uname_names + uname_checkpoint[idx / 16];
    for (uint32_t k = 0; k < idx % 16; k++) p = uname_skip(p);
    return uname_decode(p, buf);
}

/* ---- name -> code point ------------------------------------------------------------ */

/* The longest jamo of table[0..n) at s (the empty one always matches). */
static int uname_jamo(const char *s, const char *const *table, int n, size_t *used) {
    int best = -1;
    size_t bestlen = 0;
    for (int i = 0; i < n; i++) {
        size_t l = strlen(table[i]);
        if ((best < 0 || l > bestlen) && strncmp(s, table[i], l) == 0) { best = i; bestlen = l; }
    }
    *used = bestlen;
    return best;
}

/* Hex digits s[0..n) as CPython's _getcode reads them: uppercase only. */
static int32_t uname_hex(const char *s, size_t n) {
    int32_t cp = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0) return -1;
        cp = cp * 16 + d;
    }
    return cp;
}

static int uname_in_rule(uint32_t kind, int32_t cp) {
    for (uint32_t i = 0; i < uname_nalg; i++)
        if (uname_alg[i][0] == kind && cp >= (int32_t)uname_alg[i][1] && cp <= (int32_t)uname_alg[i][2])
            return 1;
    return 0;
}

/* The two names CPython computes when looking up (case-sensitive, as its
 * _getcode): CJK UNIFIED IDEOGRAPH- and 4 or 5 hex digits, and the Hangul
 * syllables.  -2: neither prefix, look further. */
static int32_t uname_rule_lookup(const char *s, size_t len) {
    const char *cjk = uname_rules[0];
    size_t cl = strlen(cjk);
    if (len >= cl && strncmp(s, cjk, cl) == 0) {
        if (len != cl + 4 && len != cl + 5) return -1;
        int32_t cp = uname_hex(s + cl, len - cl);
        return cp >= 0 && uname_in_rule(0, cp) ? cp : -1;
    }
    const char *h = uname_rules[UNAME_HANGUL];
    size_t hl = strlen(h), a, b, c;
    if (len < hl || strncmp(s, h, hl) != 0) return -2;
    char rest[UNAME_MAX + 1];
    memcpy(rest, s + hl, len - hl);
    rest[len - hl] = '\0';
    int l = uname_jamo(rest, jamo_l, 19, &a);
    int v = uname_jamo(rest + a, jamo_v, 21, &b);
    int t = uname_jamo(rest + a + b, jamo_t, 28, &c);
    if (l < 0 || v < 0 || t < 0 || hl + a + b + c != len) return -1;
    return HANGUL_BASE + (l * 21 + v) * 28 + t;
}

/* The other names made by rule are ordinary table names for CPython
 * (case-insensitive, the exact text): s is uppercased here. */
static int32_t uname_stored_rule_lookup(const char *s, size_t len) {
    for (uint32_t kind = 1; kind < UNAME_HANGUL; kind++) {
        size_t pl = strlen(uname_rules[kind]);
        if (len <= pl || len > pl + 6 || strncmp(s, uname_rules[kind], pl) != 0) continue;
        int32_t cp = uname_hex(s + pl, len - pl);
        char buf[UNAME_MAX + 1];
        if (cp < 0 || !uname_in_rule(kind, cp)) return -1;
        uname_rule_name(kind, (uint32_t)cp, buf);
        return strcmp(buf, s) == 0 ? cp : -1;
    }
    return -2;
}

static int32_t uname_word_index(const char *w, size_t n) {
    for (uint32_t i = 0; i < uname_nwords; i++) {
        const char *x = (const char *)uname_words + uname_word_off[i];
        if (strncmp(x, w, n) == 0 && x[n] == '\0') return (int32_t)i;
    }
    return -1;
}

int32_t uname_lookup(const char *name, size_t len) {
    char s[UNAME_MAX + 1];
    if (len == 0 || len > UNAME_MAX || memchr(name, '\0', len)) return -1;
    int32_t r = uname_rule_lookup(name, len);
    if (r != -2) return r;
    for (size_t i = 0; i < len; i++) {
        char c = name[i];
        s[i] = c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
    }
    s[len] = '\0';
    r = uname_stored_rule_lookup(s, len);
    if (r != -2) return r;
    unsigned char enc[2 * UNAME_MAX + 1];         /* the name as a table entry */
    size_t n = 1, words = 0;
    for (size_t i = 0; i < len;) {
        size_t j = i;
        while (j < len && s[j] != ' ') j++;
        int32_t w = j > i ? uname_word_index(s + i, j - i) : -1;
        if (w < 0) return -1;
        if (w < 0x80) enc[n++] = (unsigned char)w;
        else { enc[n++] = (unsigned char)(0x80 | (w >> 8)); enc[n++] = (unsigned char)(w & 0xFF); }
        words++;
        i = j + 1;
        if (j + 1 == len) return -1;             /* a trailing space */
    }
    enc[0] = (unsigned char)words;
    const unsigned char *p = uname_names;
    for (uint32_t run = 0, idx = 0; run < uname_nruns; run++) {
        for (uint32_t k = 0; k < uname_runs[run][1]; k++, idx++) {
            const unsigned char *next = uname_skip(p);
            if ((size_t)(next - p) == n && memcmp(p, enc, n) == 0) {
                uint32_t cp = uname_runs[run][0] + k;
                if (cp >= UNAME_ALIAS_BASE && cp < UNAME_ALIAS_BASE + uname_nalias)
                    cp = uname_alias_target[cp - UNAME_ALIAS_BASE];   /* \N{NUL} */
                return cp > 0x10FFFF ? -1 : (int32_t)cp;              /* a named sequence */
            }
            p = next;
        }
    }
    return -1;
}
