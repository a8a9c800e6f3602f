/* unicode_names.c - Unicode character names, for \N{...} in string literals.
 *
 * The names come from the Unicode Character Database that Debian ships
 * (package unicode-data), turned into tables at build time by
 * tools/gen_unicode_names.py, which keeps the characters of the Unicode
 * version CPython 3.11 knows (14.0) and documents the encoding.  In short:
 * the ~35,000 names (and the aliases of NameAliases.txt) are sorted, cut
 * into words, and each stored as word numbers, front-coded against the
 * previous name in blocks of 16; about 260 KB instead of the 900 KB of text.
 *
 * A lookup upper-cases the query (CPython compares names ignoring case),
 * binary-searches the blocks by their first name, then decodes the one block
 * entry by entry.  CJK UNIFIED IDEOGRAPH-XXXX and HANGUL SYLLABLE names are
 * computed, not stored, and matched as CPython matches them: exactly (upper
 * case prefix and hex digits, the jamo short names of Jamo.txt).  A lookup
 * costs a few microseconds; it only runs when the compiler meets \N{...}.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unicode_names.h"
#include "unicode_names_data.h"

_Static_assert(UNAME_MAXLEN <= UNICODE_NAME_MAX, "a Unicode name longer than UNICODE_NAME_MAX");

/* ---- words ---------------------------------------------------------------- */

static uint32_t uname_word_off[UNAME_NWORDS];      /* where each word starts */
static pthread_once_t uname_once = PTHREAD_ONCE_INIT;

static void uname_index_words(void) {
    uint32_t off = 0;
    for (int i = 0; i < UNAME_NWORDS; i++) {
        uname_word_off[i] = off;
        off += (uint32_t)strlen(uname_words + off) + 1;
    }
}

/* ---- entries ---------------------------------------------------------------- */

typedef struct UnameEntry {
    const uint8_t *next;            /* the following entry's bytes */
    uint32_t v;                     /* code point * 2 + alias */
    int ntok;
    uint16_t tok[UNAME_MAXTOKENS];
} UnameEntry;

/* Decode the entry at p into e (which holds the previous entry of the block
 * unless `first`). */
static void uname_decode(const uint8_t *p, int first, UnameEntry *e) {
    if (first) {
        e->v = (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
        p += 3;
    } else {
        uint32_t z = 0;
        for (int shift = 0;; shift += 7) {
            z |= (uint32_t)(*p & 0x7F) << shift;
            if (!(*p++ & 0x80)) break;
        }
        e->v += (z & 1) ? (uint32_t)-(int32_t)((z + 1) >> 1) : z >> 1;    /* zigzag */
    }
    int shared, fresh;
    if (*p == 0xFF) { shared = p[1]; fresh = p[2]; p += 3; }
    else { shared = *p >> 4; fresh = *p & 0xF; p++; }
    for (int i = shared; i < shared + fresh; i++) {
        uint16_t t = *p++;
        if (t & 0x80) t = (uint16_t)((t & 0x7F) << 8 | *p++);
        e->tok[i] = t;
    }
    e->ntok = shared + fresh;
    e->next = p;
}

/* The text of e into buf (UNICODE_NAME_MAX + 1 bytes); its length. */
static size_t uname_text(const UnameEntry *e, char *buf) {
    size_t n = 0;
    char sep = 0;
    for (int i = 0; i < e->ntok; i++) {
        if (e->tok[i] == UNAME_HYPHEN) { sep = '-'; continue; }
        if (i) buf[n++] = sep ? sep : ' ';
        sep = 0;
        if (e->tok[i] == UNAME_SELFHEX) {
            n += (size_t)snprintf(buf + n, 8, "%04X", (unsigned)(e->v >> 1));
        } else {
            const char *w = uname_words + uname_word_off[e->tok[i] - UNAME_FIRST_WORD];
            size_t k = strlen(w);
            memcpy(buf + n, w, k);
            n += k;
        }
    }
    buf[n] = 0;
    return n;
}

static int uname_compare(const char *q, size_t n, const char *name, size_t k) {
    int c = memcmp(q, name, n < k ? n : k);
    return c ? c : (n > k) - (n < k);
}

/* ---- the computed names ------------------------------------------------------- */

static int uname_is_cjk(uint32_t cp) {
    for (size_t i = 0; i < sizeof uname_cjk_ranges / sizeof uname_cjk_ranges[0]; i += 2)
        if (cp >= uname_cjk_ranges[i] && cp <= uname_cjk_ranges[i + 1]) return 1;
    return 0;
}

/* "CJK UNIFIED IDEOGRAPH-" + 4 or 5 upper-case hex digits (CPython's test). */
static int32_t uname_cjk_lookup(const char *s, size_t n) {
    if (n != 26 && n != 27) return -1;
    uint32_t v = 0;
    for (size_t i = 22; i < n; i++) {
        char c = s[i];
        if (c >= '0' && c <= '9') v = v * 16 + (uint32_t)(c - '0');
        else if (c >= 'A' && c <= 'F') v = v * 16 + (uint32_t)(c - 'A' + 10);
        else return -1;
    }
    return uname_is_cjk(v) ? (int32_t)v : -1;
}

/* The longest jamo of `table` at s (an empty one matches when nothing longer
 * does): its index, or -1, and its length in *len. */
static int uname_jamo(const char *s, size_t n, const char (*table)[4], int count, size_t *len) {
    int best = -1;
    *len = 0;
    for (int i = 0; i < count; i++) {
        size_t k = strlen(table[i]);
        if ((best < 0 || k > *len) && k <= n && memcmp(s, table[i], k) == 0) { best = i; *len = k; }
    }
    return best;
}

#define UNAME_NLEAD  (int)(sizeof uname_jamo_lead / sizeof uname_jamo_lead[0])
#define UNAME_NVOWEL (int)(sizeof uname_jamo_vowel / sizeof uname_jamo_vowel[0])
#define UNAME_NTRAIL (int)(sizeof uname_jamo_trail / sizeof uname_jamo_trail[0])

/* "HANGUL SYLLABLE " + lead, vowel and trailing jamo (the Unicode algorithm). */
static int32_t uname_hangul_lookup(const char *s, size_t n) {
    size_t pos = 16, k;
    int l = uname_jamo(s + pos, n - pos, uname_jamo_lead, UNAME_NLEAD, &k);
    pos += k;
    int v = uname_jamo(s + pos, n - pos, uname_jamo_vowel, UNAME_NVOWEL, &k);
    pos += k;
    int t = uname_jamo(s + pos, n - pos, uname_jamo_trail, UNAME_NTRAIL, &k);
    pos += k;
    if (l < 0 || v < 0 || t < 0 || pos != n) return -1;
    return 0xAC00 + (l * UNAME_NVOWEL + v) * UNAME_NTRAIL + t;
}

/* ---- the API ------------------------------------------------------------------ */

int32_t unicode_name_lookup(const char *s, size_t n) {
    if (n > 16 && memcmp(s, "HANGUL SYLLABLE ", 16) == 0) return uname_hangul_lookup(s, n);
    if (n >= 22 && memcmp(s, "CJK UNIFIED IDEOGRAPH-", 22) == 0) return uname_cjk_lookup(s, n);
    if (n == 0 || n > UNAME_MAXLEN) return -1;
    char q[UNICODE_NAME_MAX + 1], name[UNICODE_NAME_MAX + 1];
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if ((unsigned char)c >= 0x80) return -1;
        q[i] = c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
    }
    pthread_once(&uname_once, uname_index_words);
    /* the last block whose first name is <= q */
    size_t lo = 0, hi = sizeof uname_blocks / sizeof uname_blocks[0];
    UnameEntry e;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        uname_decode(uname_entries + uname_blocks[mid], 1, &e);
        size_t k = uname_text(&e, name);
        if (uname_compare(q, n, name, k) < 0) hi = mid;
        else lo = mid;
    }
    const uint8_t *p = uname_entries + uname_blocks[lo];
    for (int i = 0; i < UNAME_BLOCK && lo * UNAME_BLOCK + (size_t)i < UNAME_NENTRIES; i++) {
        uname_decode(p, i == 0, &e);
        p = e.next;
        size_t k = uname_text(&e, name);
        int c = uname_compare(q, n, name, k);
        if (c == 0) return (int32_t)(e.v >> 1);
        if (c < 0) break;
    }
    return -1;
}

void unicode_names_foreach(void (*fn)(uint32_t cp, int alias, const char *name, void *ctx), void *ctx) {
    pthread_once(&uname_once, uname_index_words);
    char name[UNICODE_NAME_MAX + 1];
    UnameEntry e;
    const uint8_t *p = uname_entries;
    for (size_t i = 0; i < UNAME_NENTRIES; i++) {
        uname_decode(p, i % UNAME_BLOCK == 0, &e);
        p = e.next;
        uname_text(&e, name);
        fn(e.v >> 1, (int)(e.v & 1), name, ctx);
    }
}

/* By code point: the names' (not the aliases') entry numbers sorted by code
 * point, built at the first unicode_name_of, so that namereplace over a long
 * string costs a binary search per character, not a scan of the table.
 * Without the memory for it, unicode_name_of scans. */
typedef struct UnameByCp { uint32_t cp, entry; } UnameByCp;
static UnameByCp *uname_by_cp;
static size_t uname_ncp;
static pthread_once_t uname_cp_once = PTHREAD_ONCE_INIT;

static int uname_cmp_cp(const void *a, const void *b) {
    uint32_t x = ((const UnameByCp *)a)->cp, y = ((const UnameByCp *)b)->cp;
    return (x > y) - (x < y);
}

static void uname_index_cps(void) {
    UnameByCp *t = malloc(UNAME_NENTRIES * sizeof *t);
    if (!t) return;
    UnameEntry e;
    const uint8_t *p = uname_entries;
    size_t n = 0;
    for (size_t i = 0; i < UNAME_NENTRIES; i++) {
        uname_decode(p, i % UNAME_BLOCK == 0, &e);
        p = e.next;
        if (!(e.v & 1)) t[n++] = (UnameByCp){e.v >> 1, (uint32_t)i};
    }
    qsort(t, n, sizeof *t, uname_cmp_cp);
    uname_ncp = n;
    uname_by_cp = t;
}

/* Decode entry number i (from the start of its block). */
static void uname_decode_nth(size_t i, UnameEntry *e) {
    const uint8_t *p = uname_entries + uname_blocks[i / UNAME_BLOCK];
    for (size_t k = i - i % UNAME_BLOCK; k <= i; k++) {
        uname_decode(p, k % UNAME_BLOCK == 0, e);
        p = e->next;
    }
}

size_t unicode_name_of(uint32_t cp, char *buf) {
    if (uname_is_cjk(cp)) return (size_t)snprintf(buf, UNICODE_NAME_MAX + 1, "CJK UNIFIED IDEOGRAPH-%04X", cp);
    if (cp >= 0xAC00 && cp < 0xAC00 + (uint32_t)(UNAME_NLEAD * UNAME_NVOWEL * UNAME_NTRAIL)) {
        uint32_t i = cp - 0xAC00;
        return (size_t)snprintf(buf, UNICODE_NAME_MAX + 1, "HANGUL SYLLABLE %s%s%s",
                                uname_jamo_lead[i / (UNAME_NVOWEL * UNAME_NTRAIL)],
                                uname_jamo_vowel[i / UNAME_NTRAIL % UNAME_NVOWEL],
                                uname_jamo_trail[i % UNAME_NTRAIL]);
    }
    pthread_once(&uname_once, uname_index_words);
    pthread_once(&uname_cp_once, uname_index_cps);
    UnameEntry e;
    buf[0] = 0;
    if (uname_by_cp) {
        UnameByCp key = {cp, 0};
        const UnameByCp *hit = bsearch(&key, uname_by_cp, uname_ncp, sizeof key, uname_cmp_cp);
        if (!hit) return 0;
        uname_decode_nth(hit->entry, &e);
        return uname_text(&e, buf);
    }
    const uint8_t *p = uname_entries;
    for (size_t i = 0; i < UNAME_NENTRIES; i++) {
        uname_decode(p, i % UNAME_BLOCK == 0, &e);
        p = e.next;
        if (e.v == cp * 2) return uname_text(&e, buf);
    }
    return 0;
}
