/* cjk_jp.c - the Japanese codecs of `_codecs_jp`: shift_jis, cp932, euc_jp and
 * the JIS X 0213 ones (shift_jis_2004, shift_jisx0213, euc_jis_2004,
 * euc_jisx0213), over the sets of cjk_table.c.
 *
 * What is not a table is written out here as CPython 3.11 behaves, as
 * tools/cjk_compare.py checks it: which single bytes stand for themselves,
 * the half-width katakana, the user-defined area of cp932, the length of each
 * kind of invalid sequence (1 byte nearly everywhere), and JIS X 0213's
 * combining pairs, whose encoder must see the next code point before it can
 * choose (CJK_TOOFEW keeps the first one pending in an incremental encoder). */
#include "cjk_codec.h"

/* ---- the sets ------------------------------------------------------------------------- */

/* cp932 also encodes a few code points of JIS X 0208's shapes to the JIS codes */
static const CjkFix cp932_fixes[] = {
    {0x8191, 0xA2, 1, CJK_FIX_ENC}, {0x8192, 0xA3, 1, CJK_FIX_ENC}, {0x81CA, 0xAC, 1, CJK_FIX_ENC},
    {0x8161, 0x2016, 1, CJK_FIX_ENC}, {0x817C, 0x2212, 1, CJK_FIX_ENC}, {0x8160, 0x301C, 1, CJK_FIX_ENC},
    {0, 0, 0, 0},
};

/* JIS X 0212's 0x2237 is the tilde itself */
static const CjkFix x0212_fixes[] = {
    {0xA2B7, 0x7E, 1, CJK_FIX_DEC}, {0, 0xFF5E, 1, CJK_FIX_ENC},
    {0, 0, 0, 0},
};

/* JIS X 0213:2000's shapes of 1-2-54/55; 1-1-29 is JIS X 0208's U+2015 only */
static const CjkFix x0213_fixes[] = {
    {0xA2D6, 0x2985, 2, CJK_FIX_BOTH}, {0, 0x2014, 1, CJK_FIX_ENC},
    {0, 0, 0, 0},
};

static CjkMap jp_sjis = {.charset = "SJIS", .lead_lo = 0x81, .lead_hi = 0xFC, .trail_lo = 0x40, .trail_hi = 0xFC};
static CjkMap jp_cp932 = {.charset = "CP932", .lead_lo = 0x81, .lead_hi = 0xFC, .trail_lo = 0x40,
                          .trail_hi = 0xFC, .fixes = cp932_fixes};
CjkMap cjk_jisx0208 = {.charset = "EUC-JP", .lead_lo = 0xA1, .lead_hi = 0xFE, .trail_lo = 0xA1, .trail_hi = 0xFE};
CjkMap cjk_jisx0212 = {.charset = "EUC-JP", .prefix = 0x8F, .lead_lo = 0xA1, .lead_hi = 0xFE,
                       .trail_lo = 0xA1, .trail_hi = 0xFE, .fixes = x0212_fixes};
CjkMap cjk_jisx0213_1 = {.charset = "EUC-JISX0213", .lead_lo = 0xA1, .lead_hi = 0xFE, .trail_lo = 0xA1,
                         .trail_hi = 0xFE, .fixes = x0213_fixes};
CjkMap cjk_jisx0213_2 = {.charset = "EUC-JISX0213", .prefix = 0x8F, .lead_lo = 0xA1, .lead_hi = 0xFE,
                         .trail_lo = 0xA1, .trail_hi = 0xFE};
static const CjkFix sjis0213_fixes[] = {
    {0x815C, 0x2015, 1, CJK_FIX_BOTH}, {0x815F, 0x5C, 1, CJK_FIX_BOTH}, {0x81B0, 0x7E, 1, CJK_FIX_BOTH},
    {0x81D4, 0x2985, 2, CJK_FIX_BOTH},
    {0, 0, 0, 0},
};
static CjkMap jp_sjis0213 = {.charset = "SHIFT_JISX0213", .lead_lo = 0x81, .lead_hi = 0xFC, .trail_lo = 0x40,
                             .trail_hi = 0xFC, .fixes = sjis0213_fixes};

/* euc_jisx0213 and shift_jisx0213 are JIS X 0213:2000: the ten plane-1 codes
 * the 2004 edition added are invalid, and 2-94-27 is U+9B1D, not U+9B1C. */
int cjk_x0213_2004_only(uint32_t euc) {
    static const uint16_t added[] = {0xAEA1, 0xAFFE, 0xCFD4, 0xCFFE, 0xF4A7, 0xFEFA, 0xFEFB, 0xFEFC,
                                     0xFEFD, 0xFEFE};
    for (size_t i = 0; i < sizeof added / sizeof *added; i++)
        if (added[i] == euc) return 1;
    return 0;
}

/* a plane-1 Shift_JIS code as EUC (0 for plane 2's leads) */
static uint32_t sjis_to_euc1(unsigned s1, unsigned s2) {
    unsigned r, c;
    if (s1 >= 0x81 && s1 <= 0x9F) r = (s1 - 0x81) * 2 + 1;
    else if (s1 >= 0xE0 && s1 <= 0xEF) r = (s1 - 0xE0) * 2 + 63;
    else return 0;
    if (s2 >= 0x9F) { r++; c = s2 - 0x9E; }
    else c = s2 - 0x3F - (s2 >= 0x80);
    return (r + 0xA0) << 8 | (c + 0xA0);
}

static int jp_load2(CjkMap *a, CjkMap *b) { return cjk_map_load(a) < 0 || (b && cjk_map_load(b) < 0) ? -1 : 0; }
static int jp_sjis_init(void) { return jp_load2(&jp_sjis, NULL); }
static int jp_cp932_init(void) { return jp_load2(&jp_cp932, NULL); }
static int jp_eucjp_init(void) { return jp_load2(&cjk_jisx0208, &cjk_jisx0212); }
static int jp_x0213_init(void) {
    return jp_load2(&cjk_jisx0213_1, &cjk_jisx0213_2) < 0 || jp_eucjp_init() < 0 ? -1 : jp_load2(&jp_sjis0213, NULL);
}

static int is_sjis_lead(unsigned c) { return (c >= 0x81 && c <= 0x9F) || (c >= 0xE0 && c <= 0xFC); }
static int is_kana(uint32_t u) { return u >= 0xFF61 && u <= 0xFF9F; }

/* ---- shift_jis ------------------------------------------------------------------------ */

static int sjis_decode(CjkState *st, const uint8_t *in, int64_t left, StrBuf *out, int64_t *used) {
    unsigned c = in[0];
    *used = 1;
    if (c < 0x80) return sb_put_codepoint(out, c) < 0 ? CJK_FAIL : 0;
    if (c >= 0xA1 && c <= 0xDF) return sb_put_codepoint(out, 0xFF61 + (c - 0xA1)) < 0 ? CJK_FAIL : 0;
    if (!((c >= 0x81 && c <= 0x9F) || (c >= 0xE0 && c <= 0xEA))) return 1;
    return cjk_dbcs_dec(&jp_sjis, in, left, out, used);
}

static int sjis_encode(CjkState *st, const uint32_t *in, int64_t left, int flags, StrBuf *out, int64_t *used) {
    uint32_t u = in[0];
    *used = 1;
    if (u < 0x80) return cjk_put1(out, u);
    if (u == 0xA5) return cjk_put1(out, 0x5C);
    if (u == 0x203E) return cjk_put1(out, 0x7E);
    if (is_kana(u)) return cjk_put1(out, u - 0xFF61 + 0xA1);
    uint32_t code = cjk_map_enc(&jp_sjis, u);
    return code ? cjk_put2(out, code) : 1;
}

/* ---- cp932 ---------------------------------------------------------------------------- */

static int cp932_decode(CjkState *st, const uint8_t *in, int64_t left, StrBuf *out, int64_t *used) {
    unsigned c = in[0];
    *used = 1;
    if (c <= 0x80) return sb_put_codepoint(out, c) < 0 ? CJK_FAIL : 0;
    if (c == 0xA0) return sb_put_codepoint(out, 0xF8F0) < 0 ? CJK_FAIL : 0;
    if (c >= 0xFD) return sb_put_codepoint(out, 0xF8F1 + (c - 0xFD)) < 0 ? CJK_FAIL : 0;
    if (c >= 0xA1 && c <= 0xDF) return sb_put_codepoint(out, 0xFF61 + (c - 0xA1)) < 0 ? CJK_FAIL : 0;
    return cjk_dbcs_dec(&jp_cp932, in, left, out, used);
}

static int cp932_encode(CjkState *st, const uint32_t *in, int64_t left, int flags, StrBuf *out, int64_t *used) {
    uint32_t u = in[0];
    *used = 1;
    if (u <= 0x80) return cjk_put1(out, u);
    if (u == 0xF8F0) return cjk_put1(out, 0xA0);
    if (u >= 0xF8F1 && u <= 0xF8F3) return cjk_put1(out, u - 0xF8F1 + 0xFD);
    if (is_kana(u)) return cjk_put1(out, u - 0xFF61 + 0xA1);
    uint32_t code = cjk_map_enc(&jp_cp932, u);
    return code ? cjk_put2(out, code) : 1;
}

/* ---- euc_jp --------------------------------------------------------------------------- */

/* 0x8E kana, 0x8F + a code of plane (x0212 or JIS X 0213 plane 2), else plane 1 */
static int euc_decode(const CjkMap *p1, const CjkMap *p2, const uint8_t *in, int64_t left, StrBuf *out,
                      int64_t *used) {
    unsigned c = in[0];
    *used = 1;
    if (c < 0x80) return sb_put_codepoint(out, c) < 0 ? CJK_FAIL : 0;
    if (c == 0x8E) {
        if (left < 2) return CJK_TOOFEW;
        if (in[1] < 0xA1 || in[1] > 0xDF) return 1;
        *used = 2;
        return sb_put_codepoint(out, 0xFF61 + (in[1] - 0xA1)) < 0 ? CJK_FAIL : 0;
    }
    if (c == 0x8F) {
        if (left < 3) return CJK_TOOFEW;
        uint32_t v = cjk_map_dec(p2, in[1], in[2]);
        if (!v && p2 != &cjk_jisx0212 && (v = cjk_map_dec(&cjk_jisx0212, in[1], in[2]))) p2 = &cjk_jisx0212;
        if (!v) return 1;
        *used = 3;
        return cjk_put_dec(out, p2, v);
    }
    return cjk_dbcs_dec(p1, in, left, out, used);
}

static int eucjp_decode(CjkState *st, const uint8_t *in, int64_t left, StrBuf *out, int64_t *used) {
    return euc_decode(&cjk_jisx0208, &cjk_jisx0212, in, left, out, used);
}

static int put_8f(StrBuf *out, uint32_t code) {
    return cjk_put1(out, 0x8F) < 0 ? CJK_FAIL : cjk_put2(out, code);
}

static int eucjp_encode(CjkState *st, const uint32_t *in, int64_t left, int flags, StrBuf *out, int64_t *used) {
    uint32_t u = in[0], code;
    *used = 1;
    if (u < 0x80) return cjk_put1(out, u);
    if (u == 0xA5) return cjk_put1(out, 0x5C);
    if (u == 0x203E) return cjk_put1(out, 0x7E);
    if (is_kana(u)) return cjk_put1(out, 0x8E) < 0 ? CJK_FAIL : cjk_put1(out, u - 0xFF61 + 0xA1);
    if ((code = cjk_map_enc(&cjk_jisx0208, u))) return cjk_put2(out, code);
    if ((code = cjk_map_enc(&cjk_jisx0212, u))) return put_8f(out, code);
    return 1;
}

/* ---- JIS X 0213 (euc_jis_2004, shift_jis_2004 and their 2000 editions) ------------------ */

/* The EUC code of in[0] (of the pair in[0], in[1] when *n comes back 2) for
 * euc_jis_2004: JIS X 0208, JIS X 0213's planes, then JIS X 0212 (plane 2 and
 * JIS X 0212 codes carry 0x8F0000); CJK_TOOFEW when a pair may follow, 1 none. */
static int x0213_find(const uint32_t *in, int64_t left, int flags, uint32_t *code, int64_t *n) {
    uint32_t u = in[0];
    *n = 1;
    if (cjk_map_pair_first(&cjk_jisx0213_1, u)) {
        if (left < 2 && !(flags & CJK_FLUSH)) return CJK_TOOFEW;
        uint32_t pc = left >= 2 ? cjk_map_pair_code(&cjk_jisx0213_1, u, in[1]) : 0;
        if (pc) { *code = pc; *n = 2; return 0; }
    }
    if ((*code = cjk_map_enc(&cjk_jisx0208, u))) return 0;
    if ((*code = cjk_map_enc(&cjk_jisx0213_1, u))) return 0;
    if ((*code = cjk_map_enc(&cjk_jisx0213_2, u))) { *code |= 0x8F0000; return 0; }
    if ((*code = cjk_map_enc(&cjk_jisx0212, u))) { *code |= 0x8F0000; return 0; }
    return 1;
}

/* plane 1 is JIS X 0208 where it has the code, plane 2 falls back on JIS X 0212 */
static int eucx_decode(CjkState *st, const uint8_t *in, int64_t left, StrBuf *out, int64_t *used) {
    unsigned c = in[0];
    if (c < 0xA1 || c == 0xFF) return euc_decode(&cjk_jisx0213_1, &cjk_jisx0213_2, in, left, out, used);
    if (left < 2) return CJK_TOOFEW;
    uint32_t v = cjk_map_dec(&cjk_jisx0208, c, in[1]);
    if (!v) return euc_decode(&cjk_jisx0213_1, &cjk_jisx0213_2, in, left, out, used);
    *used = 2;
    return cjk_put_dec(out, &cjk_jisx0208, v);
}

static int eucx_encode(CjkState *st, const uint32_t *in, int64_t left, int flags, StrBuf *out, int64_t *used) {
    uint32_t u = in[0], code;
    *used = 1;
    if (u < 0x80) return cjk_put1(out, u);
    if (is_kana(u)) return cjk_put1(out, 0x8E) < 0 ? CJK_FAIL : cjk_put1(out, u - 0xFF61 + 0xA1);
    int r = x0213_find(in, left, flags, &code, used);
    if (r) return r;
    return code > 0xFFFF ? put_8f(out, code & 0xFFFF) : cjk_put2(out, code);
}

static int sjisx_decode(CjkState *st, const uint8_t *in, int64_t left, StrBuf *out, int64_t *used) {
    unsigned c = in[0];
    *used = 1;
    if (c < 0x80) return sb_put_codepoint(out, c == 0x5C ? 0xA5 : c == 0x7E ? 0x203E : c) < 0 ? CJK_FAIL : 0;
    if (c >= 0xA1 && c <= 0xDF) return sb_put_codepoint(out, 0xFF61 + (c - 0xA1)) < 0 ? CJK_FAIL : 0;
    if (!is_sjis_lead(c)) return 1;
    return cjk_dbcs_dec(&jp_sjis0213, in, left, out, used);
}

static int sjisx_encode(CjkState *st, const uint32_t *in, int64_t left, int flags, StrBuf *out, int64_t *used) {
    uint32_t u = in[0], code;
    *used = 1;
    if (u == 0xA5) return cjk_put1(out, 0x5C);
    if (u == 0x203E) return cjk_put1(out, 0x7E);
    if (u < 0x80 && u != 0x5C && u != 0x7E) return cjk_put1(out, u);
    if (is_kana(u)) return cjk_put1(out, u - 0xFF61 + 0xA1);
    if (cjk_map_pair_first(&jp_sjis0213, u)) {
        if (left < 2 && !(flags & CJK_FLUSH)) return CJK_TOOFEW;
        if (left >= 2 && (code = cjk_map_pair_code(&jp_sjis0213, u, in[1]))) { *used = 2; return cjk_put2(out, code); }
    }
    code = cjk_map_enc(&jp_sjis0213, u);
    return code ? cjk_put2(out, code) : 1;
}

static int eucx2000_decode(CjkState *st, const uint8_t *in, int64_t left, StrBuf *out, int64_t *used) {
    if (in[0] >= 0xA1 && in[0] <= 0xFE && left >= 2 && cjk_x0213_2004_only((uint32_t)in[0] << 8 | in[1])) return 2;
    if (in[0] == 0x8F && left >= 3 && in[1] == 0xFD && in[2] == 0xBB) {
        *used = 3;
        return sb_put_codepoint(out, 0x9B1D) < 0 ? CJK_FAIL : 0;
    }
    return eucx_decode(st, in, left, out, used);
}

static int eucx2000_encode(CjkState *st, const uint32_t *in, int64_t left, int flags, StrBuf *out, int64_t *used) {
    uint32_t code;
    *used = 1;
    if (in[0] == 0x9B1C) return 1;
    if (in[0] == 0x9B1D) return put_8f(out, 0xFDBB);
    if (in[0] >= 0x80 && !is_kana(in[0]) && x0213_find(in, left, flags, &code, used) == 0 && cjk_x0213_2004_only(code))
        return 1;
    return eucx_encode(st, in, left, flags, out, used);
}

static int sjisx2000_decode(CjkState *st, const uint8_t *in, int64_t left, StrBuf *out, int64_t *used) {
    if (left >= 2 && cjk_x0213_2004_only(sjis_to_euc1(in[0], in[1]))) return 2;
    if (left >= 2 && in[0] == 0xFC && in[1] == 0x5A) {
        *used = 2;
        return sb_put_codepoint(out, 0x9B1D) < 0 ? CJK_FAIL : 0;
    }
    return sjisx_decode(st, in, left, out, used);
}

static int sjisx2000_encode(CjkState *st, const uint32_t *in, int64_t left, int flags, StrBuf *out,
                            int64_t *used) {
    uint32_t code = cjk_map_enc(&jp_sjis0213, in[0]);
    *used = 1;
    if (in[0] == 0x9B1C) return 1;
    if (in[0] == 0x9B1D) return cjk_put2(out, 0xFC5A);
    if (in[0] >= 0x80 && code && cjk_x0213_2004_only(sjis_to_euc1(code >> 8, code & 0xFF))) return 1;
    return sjisx_encode(st, in, left, flags, out, used);
}

const CjkCodec cjk_codecs_jp[] = {
    {"shift_jis", jp_sjis_init, sjis_encode, NULL, sjis_decode, NULL, NULL},
    {"cp932", jp_cp932_init, cp932_encode, NULL, cp932_decode, NULL, NULL},
    {"euc_jp", jp_eucjp_init, eucjp_encode, NULL, eucjp_decode, NULL, NULL},
    {"shift_jis_2004", jp_x0213_init, sjisx_encode, NULL, sjisx_decode, NULL, NULL},
    {"shift_jisx0213", jp_x0213_init, sjisx2000_encode, NULL, sjisx2000_decode, NULL, NULL},
    {"euc_jis_2004", jp_x0213_init, eucx_encode, NULL, eucx_decode, NULL, NULL},
    {"euc_jisx0213", jp_x0213_init, eucx2000_encode, NULL, eucx2000_decode, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL},
};
