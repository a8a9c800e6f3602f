/* cjk_cn.c - the Chinese (PRC) codecs of `_codecs_cn`: gb2312, gbk, gb18030
 * and hz, over the sets of cjk_table.c.
 *
 * gb18030's four-byte codes are two ranges: the BMP's, read from glibc as a
 * table of 39420 entries (cjk_gb4_load), and the supplementary planes', a
 * formula from 0x90308130.  hz is GB2312 with ~{ ~} shifts in 7-bit text; its
 * state byte c[0] is 1 inside a ~{ block, as in CPython (getstate shows it). */
#include "cjk_codec.h"

CjkMap cjk_gb2312 = {.charset = "EUC-CN", .lead_lo = 0xA1, .lead_hi = 0xFE, .trail_lo = 0xA1, .trail_hi = 0xFE};
static CjkMap cn_gbk = {.charset = "GBK", .lead_lo = 0x81, .lead_hi = 0xFE, .trail_lo = 0x40, .trail_hi = 0xFE};
/* CPython's gb18030 is the 2000 edition: these two-byte codes are still in the
 * private use area, and the characters they became in 2005 are four-byte codes. */
static const CjkFix gb18030_fixes[] = {
    {0xA6D9, 0xE78D, 7, CJK_FIX_BOTH}, {0xA6EC, 0xE794, 2, CJK_FIX_BOTH}, {0xA6F3, 0xE796, 1, CJK_FIX_BOTH},
    {0xA8BC, 0xE7C7, 1, CJK_FIX_BOTH}, {0xFE51, 0xE816, 3, CJK_FIX_BOTH}, {0xFE59, 0xE81E, 1, CJK_FIX_BOTH},
    {0xFE61, 0xE826, 1, CJK_FIX_BOTH}, {0xFE66, 0xE82B, 2, CJK_FIX_BOTH}, {0xFE6C, 0xE831, 2, CJK_FIX_BOTH},
    {0xFE76, 0xE83B, 1, CJK_FIX_BOTH}, {0xFE7E, 0xE843, 1, CJK_FIX_BOTH}, {0xFE90, 0xE854, 2, CJK_FIX_BOTH},
    {0xFEA0, 0xE864, 1, CJK_FIX_BOTH},
    {0, 0, 0, 0},
};
/* the four-byte side of the same (indexes of cjk_gb4_dec) */
static const CjkFix gb4_fixes[] = {
    {7457, 0x1E3F, 1, CJK_FIX_BOTH}, {19057, 0x9FB4, 8, CJK_FIX_BOTH}, {39076, 0xFE10, 10, CJK_FIX_BOTH},
    {39417, 0xFFFD, 1, CJK_FIX_BOTH},
    {0, 0, 0, 0},
};
static CjkMap cn_gb18030 = {.charset = "GB18030", .lead_lo = 0x81, .lead_hi = 0xFE, .trail_lo = 0x40,
                            .trail_hi = 0xFE, .fixes = gb18030_fixes};

static int cn_gb2312_init(void) { return cjk_map_load(&cjk_gb2312); }
static int cn_gbk_init(void) { return cjk_map_load(&cn_gbk); }
static int cn_gb18030_init(void) { return cjk_map_load(&cn_gb18030) < 0 ? -1 : cjk_gb4_load(gb4_fixes); }

static int put_ascii(StrBuf *out, uint32_t c) { return sb_put_codepoint(out, c) < 0 ? CJK_FAIL : 0; }

/* ---- gb2312, gbk ---------------------------------------------------------------------- */

#define gb_decode cjk_ascii_dbcs_dec
#define gb_encode(m, in, out, used) cjk_ascii_dbcs_enc(m, in, out, used)

static int gb2312_decode(CjkState *st, const uint8_t *in, int64_t left, StrBuf *out, int64_t *used) {
    return gb_decode(&cjk_gb2312, in, left, out, used);
}
static int gb2312_encode(CjkState *st, const uint32_t *in, int64_t left, int flags, StrBuf *out, int64_t *used) {
    return gb_encode(&cjk_gb2312, in, out, used);
}
static int gbk_decode(CjkState *st, const uint8_t *in, int64_t left, StrBuf *out, int64_t *used) {
    return gb_decode(&cn_gbk, in, left, out, used);
}
static int gbk_encode(CjkState *st, const uint32_t *in, int64_t left, int flags, StrBuf *out, int64_t *used) {
    return gb_encode(&cn_gbk, in, out, used);
}

/* ---- gb18030 -------------------------------------------------------------------------- */

static int is_digit(uint8_t b) { return b >= 0x30 && b <= 0x39; }

static int gb4_decode(const uint8_t *in, int64_t left, StrBuf *out, int64_t *used) {
    if (left < 4) return CJK_TOOFEW;
    if (in[2] < 0x81 || in[2] > 0xFE || !is_digit(in[3])) return 1;
    unsigned c = in[0];
    uint32_t idx, u = 0;
    if (c >= 0x81 && c <= 0x84) u = cjk_gb4_dec(((c - 0x81) * 10 + (in[1] - 0x30)) * 1260 + (in[2] - 0x81) * 10
                                                + (in[3] - 0x30));
    else if (c >= 0x90 && c <= 0xE3) {
        idx = ((c - 0x90) * 10 + (in[1] - 0x30)) * 1260 + (in[2] - 0x81) * 10 + (in[3] - 0x30);
        if (idx <= 0xFFFFF) u = 0x10000 + idx;
    }
    if (!u) return 1;
    *used = 4;
    return put_ascii(out, u);
}

static int gb18030_decode(CjkState *st, const uint8_t *in, int64_t left, StrBuf *out, int64_t *used) {
    *used = 1;
    if (in[0] < 0x80) return put_ascii(out, in[0]);
    if (left < 2) return CJK_TOOFEW;
    if (is_digit(in[1])) return gb4_decode(in, left, out, used);
    return cjk_dbcs_dec(&cn_gb18030, in, left, out, used);
}

static int put4(StrBuf *out, uint32_t idx, unsigned base) {
    char b[4] = {(char)(base + idx / 12600), (char)(0x30 + idx / 1260 % 10), (char)(0x81 + idx / 10 % 126),
                 (char)(0x30 + idx % 10)};
    return sb_put(out, b, 4) < 0 ? CJK_FAIL : 0;
}

static int gb18030_encode(CjkState *st, const uint32_t *in, int64_t left, int flags, StrBuf *out, int64_t *used) {
    uint32_t u = in[0], code;
    *used = 1;
    if (u < 0x80) return cjk_put1(out, u);
    if ((code = cjk_map_enc(&cn_gb18030, u))) return cjk_put2(out, code);
    if (u >= 0x10000) return put4(out, u - 0x10000, 0x90);
    int64_t idx = cjk_gb4_enc(u);
    return idx < 0 ? 1 : put4(out, (uint32_t)idx, 0x81);
}

/* ---- hz ------------------------------------------------------------------------------- */

static int hz_decode(CjkState *st, const uint8_t *in, int64_t left, StrBuf *out, int64_t *used) {
    unsigned c = in[0];
    *used = 1;
    if (c == '~') {
        if (left < 2) return CJK_TOOFEW;
        *used = 2;
        if (in[1] == '~' && !st->c[0]) return put_ascii(out, '~');
        if (in[1] == '{' && !st->c[0]) { st->c[0] = 1; return 0; }
        if (in[1] == '}' && st->c[0]) { st->c[0] = 0; return 0; }
        if (in[1] == '\n' && !st->c[0]) return 0;
        *used = 1;
        return 1;
    }
    if (c & 0x80) return 1;
    if (!st->c[0]) return put_ascii(out, c);
    if (left < 2) return CJK_TOOFEW;
    uint32_t v = cjk_map_dec(&cjk_gb2312, c | 0x80, in[1] | 0x80);
    if (!v || (in[1] & 0x80)) return 1;
    *used = 2;
    return put_ascii(out, v);
}

static int hz_encode(CjkState *st, const uint32_t *in, int64_t left, int flags, StrBuf *out, int64_t *used) {
    uint32_t u = in[0];
    *used = 1;
    if (u < 0x80) {
        if (st->c[0]) {
            if (sb_put(out, "~}", 2) < 0) return CJK_FAIL;
            st->c[0] = 0;
        }
        if (u == '~') return sb_put(out, "~~", 2) < 0 ? CJK_FAIL : 0;
        return cjk_put1(out, u);
    }
    uint32_t code = cjk_map_enc(&cjk_gb2312, u);
    if (!code) return 1;
    if (!st->c[0]) {
        if (sb_put(out, "~{", 2) < 0) return CJK_FAIL;
        st->c[0] = 1;
    }
    return cjk_put2(out, code & 0x7F7F);
}

static int hz_encreset(CjkState *st, StrBuf *out) {
    if (!st->c[0]) return 0;
    st->c[0] = 0;
    return sb_put(out, "~}", 2) < 0 ? -1 : 0;
}

const CjkCodec cjk_codecs_cn[] = {
    {"gb2312", cn_gb2312_init, gb2312_encode, NULL, gb2312_decode, NULL, NULL},
    {"gbk", cn_gbk_init, gbk_encode, NULL, gbk_decode, NULL, NULL},
    {"gb18030", cn_gb18030_init, gb18030_encode, NULL, gb18030_decode, NULL, NULL},
    {"hz", cn_gb2312_init, hz_encode, hz_encreset, hz_decode, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL},
};
