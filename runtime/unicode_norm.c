/* unicode_norm.c - Unicode normalization (UAX #15), for unicodedata.normalize
 * and for the parser's NFKC of identifiers.
 *
 * Done directly: full decomposition (canonical, or compatibility for the K
 * forms; Hangul syllables algorithmically), the canonical ordering of
 * combining marks, then for NFC/NFKC canonical composition against the
 * generated table of primary composites (runtime/unicode_db.c).  ASCII text
 * is normalized in every form and is returned as it is. */
#include <stdlib.h>
#include "unicode_norm.h"
#include "error.h"
#include "gc.h"
#include "obj_str.h"
#include "strbuf.h"
#include "unicode_db.h"

typedef struct CpBuf { uint32_t *p; int64_t len, cap; } CpBuf;

static int cpbuf_put(CpBuf *b, uint32_t cp) {
    if (b->len == b->cap) {
        int64_t cap = b->cap ? b->cap * 2 : 64;
        uint32_t *p = gc_sys_realloc(b->p, (size_t)cap * sizeof(uint32_t));
        if (!p) { err_no_memory(); return -1; }
        b->p = p;
        b->cap = cap;
    }
    b->p[b->len++] = cp;
    return 0;
}

#define HANGUL_S 0xAC00
#define HANGUL_L 0x1100
#define HANGUL_V 0x1161
#define HANGUL_T 0x11A7
#define HANGUL_NV 21
#define HANGUL_NT 28
#define HANGUL_NS (19 * HANGUL_NV * HANGUL_NT)

/* Append the full decomposition of cp (canonical, or compatibility too);
 * with Unicode 3.2's data, characters 3.2 did not have stay as they are and
 * the decompositions corrected since are 3.2's. */
static int decompose_char(CpBuf *b, uint32_t cp, int flags) {
    int compat = flags & UNICODE_NF_K;
    if (flags & UNICODE_NF_3_2) {
        if (!unicode_db_assigned_3_2(cp)) return cpbuf_put(b, cp);
        uint32_t old = unicode_db_norm_3_2(cp);
        if (old) return decompose_char(b, old, flags);
    }
    if (cp >= HANGUL_S && cp < HANGUL_S + HANGUL_NS) {
        uint32_t s = cp - HANGUL_S, t = s % HANGUL_NT;
        if (cpbuf_put(b, HANGUL_L + s / (HANGUL_NV * HANGUL_NT)) < 0
            || cpbuf_put(b, HANGUL_V + (s % (HANGUL_NV * HANGUL_NT)) / HANGUL_NT) < 0)
            return -1;
        return t ? cpbuf_put(b, HANGUL_T + t) : 0;
    }
    int n;
    const char *tag;
    const uint32_t *d = unicode_db_decomposition(cp, &n, &tag);
    if (!d || (!compat && *tag)) return cpbuf_put(b, cp);
    for (int i = 0; i < n; i++)
        if (decompose_char(b, d[i], flags) < 0) return -1;
    return 0;
}

/* Sort each run of combining marks by combining class, stably. */
static void canonical_order(CpBuf *b) {
    for (int64_t i = 1; i < b->len; i++) {
        int cc = unicode_db_combining(b->p[i]);
        if (cc == 0) continue;
        for (int64_t j = i; j > 0; j--) {
            int prev = unicode_db_combining(b->p[j - 1]);
            if (prev <= cc) break;
            uint32_t t = b->p[j]; b->p[j] = b->p[j - 1]; b->p[j - 1] = t;
        }
    }
}

/* The primary composite of a + b, or 0. */
static uint32_t compose_pair(uint32_t a, uint32_t b) {
    if (a >= HANGUL_L && a < HANGUL_L + 19 && b >= HANGUL_V && b < HANGUL_V + HANGUL_NV)
        return HANGUL_S + ((a - HANGUL_L) * HANGUL_NV + (b - HANGUL_V)) * HANGUL_NT;
    if (a >= HANGUL_S && a < HANGUL_S + HANGUL_NS && (a - HANGUL_S) % HANGUL_NT == 0
        && b > HANGUL_T && b < HANGUL_T + HANGUL_NT)
        return a + (b - HANGUL_T);
    return unicode_db_compose(a, b);
}

/* Canonical composition in place: a character joins the last starter when
 * nothing between them blocks it. */
static void compose(CpBuf *b) {
    int64_t out = 0, starter = -1;
    int last_cc = -1;
    for (int64_t i = 0; i < b->len; i++) {
        uint32_t ch = b->p[i];
        int cc = unicode_db_combining(ch);
        if (starter >= 0 && (last_cc < cc || last_cc == 0)) {
            uint32_t comp = compose_pair(b->p[starter], ch);
            if (comp) { b->p[starter] = comp; continue; }
        }
        if (cc == 0) starter = out;
        last_cc = cc;
        b->p[out++] = ch;
    }
    b->len = out;
}

Value unicode_normalize(int flags, Value s) {
    if (STR_IS_ASCII(AS_STR(s))) return s;
    CpBuf b = {NULL, 0, 0};
    const unsigned char *p = (const unsigned char *)STR_DATA(s), *e = p + STR_LEN(s);
    while (p < e) {
        uint32_t cp;
        p += utf8_dec(p, &cp);
        if (decompose_char(&b, cp, flags) < 0) { free(b.p); return VAL_NULL; }
    }
    canonical_order(&b);
    if (flags & UNICODE_NF_C) compose(&b);
    StrBuf sb; sb_init(&sb);
    int rc = 0;
    for (int64_t i = 0; i < b.len; i++) rc |= sb_put_codepoint(&sb, b.p[i]);
    free(b.p);
    if (rc) { sb_free(&sb); return VAL_NULL; }
    return sb_finish_str(&sb);
}

Value unicode_nfkc(Value s) { return unicode_normalize(UNICODE_NFKC, s); }
