/* cjk_kr.c - the Korean codecs of `_codecs_kr`: euc_kr, cp949 and johab, over
 * the sets of cjk_table.c.
 *
 * euc_kr also reads and writes KS X 1001:1998's make-up sequences: a Hangul
 * syllable outside the 2350 of the set is the filler 0xA4D4 followed by the
 * codes of its initial, medial and final jamo (0xA4D4 for none), eight bytes
 * in all, as CPython does. */
#include "cjk_codec.h"

/* KS X 1001:2002's additions are not CPython's (found by tools/cjk_compare.py) */
static const CjkFix ksx1001_fixes[] = {
    {0xA2E8, 0x0000, 1, CJK_FIX_DEC}, {0x0000, 0x327E, 1, CJK_FIX_ENC},
    {0, 0, 0, 0},
};
CjkMap cjk_ksx1001 = {.charset = "EUC-KR", .lead_lo = 0xA1, .lead_hi = 0xFE, .trail_lo = 0xA1, .trail_hi = 0xFE,
                      .fixes = ksx1001_fixes};
static CjkMap kr_cp949 = {.charset = "UHC", .lead_lo = 0x81, .lead_hi = 0xFE, .trail_lo = 0x41, .trail_hi = 0xFE};
/* CPython also reads johab's lone jamo of lead 0x84 (found by tools/cjk_compare.py) */
static const CjkFix johab_fixes[] = {
    {0x8441, 0x3000, 1, CJK_FIX_DEC}, {0x8442, 0x3131, 2, CJK_FIX_DEC}, {0x8445, 0x3134, 1, CJK_FIX_DEC},
    {0x8448, 0x3137, 1, CJK_FIX_DEC}, {0x8449, 0x3139, 1, CJK_FIX_DEC}, {0x8451, 0x3141, 1, CJK_FIX_DEC},
    {0x8453, 0x3142, 1, CJK_FIX_DEC}, {0x8455, 0x3145, 4, CJK_FIX_DEC}, {0x8459, 0x314A, 5, CJK_FIX_DEC},
    {0xD9E8, 0x0000, 1, CJK_FIX_DEC}, {0x0000, 0x327E, 1, CJK_FIX_ENC},
    {0, 0, 0, 0},
};
static CjkMap kr_johab = {.charset = "JOHAB", .lead_lo = 0x84, .lead_hi = 0xF9, .trail_lo = 0x31, .trail_hi = 0xFE,
                          .fixes = johab_fixes};

static int kr_euckr_init(void) { return cjk_map_load(&cjk_ksx1001); }
static int kr_cp949_init(void) { return cjk_map_load(&kr_cp949); }
static int kr_johab_init(void) { return cjk_map_load(&kr_johab); }

/* ---- euc_kr --------------------------------------------------------------------------- */

#define FILLER 0xA4D4
/* the compatibility jamo (U+3131..) of row 4 that may start, be in the middle of
 * or end a syllable, in the order of the syllables' formula */
static const uint8_t kr_initial[19] = {0xA1, 0xA2, 0xA4, 0xA7, 0xA8, 0xA9, 0xB1, 0xB2, 0xB3, 0xB5,
                                       0xB6, 0xB7, 0xB8, 0xB9, 0xBA, 0xBB, 0xBC, 0xBD, 0xBE};
static const uint8_t kr_final[28] = {0xD4, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7, 0xA9, 0xAA,
                                     0xAB, 0xAC, 0xAD, 0xAE, 0xAF, 0xB0, 0xB1, 0xB2, 0xB4, 0xB5,
                                     0xB6, 0xB7, 0xB8, 0xBA, 0xBB, 0xBC, 0xBD, 0xBE};

static int kr_index(const uint8_t *tab, int n, uint8_t b) {
    for (int i = 0; i < n; i++)
        if (tab[i] == b) return i;
    return -1;
}

/* The eight bytes at in: a syllable, or the length of the error. */
static int kr_makeup_dec(const uint8_t *in, int64_t left, StrBuf *out, int64_t *used) {
    for (int i = 2; i < 8; i += 2) {
        if (left < i + 2) return CJK_TOOFEW;
        if (in[i] != 0xA4) return 1;
    }
    int c1 = kr_index(kr_initial, 19, in[3]);
    int c2 = in[5] >= 0xBF && in[5] <= 0xD3 ? in[5] - 0xBF : -1;
    int c3 = kr_index(kr_final, 28, in[7]);
    if (c1 < 0 || c2 < 0 || c3 < 0) return 1;
    *used = 8;
    return sb_put_codepoint(out, 0xAC00 + ((uint32_t)c1 * 21 + (uint32_t)c2) * 28 + (uint32_t)c3) < 0 ? CJK_FAIL : 0;
}

static int euckr_decode(CjkState *st, const uint8_t *in, int64_t left, StrBuf *out, int64_t *used) {
    if (in[0] == 0xA4 && left >= 2 && in[1] == 0xD4) return kr_makeup_dec(in, left, out, used);
    if (in[0] == 0xA4 && left < 2) return CJK_TOOFEW;
    return cjk_ascii_dbcs_dec(&cjk_ksx1001, in, left, out, used);
}

static int euckr_encode(CjkState *st, const uint32_t *in, int64_t left, int flags, StrBuf *out, int64_t *used) {
    uint32_t u = in[0];
    if (u >= 0xAC00 && u <= 0xD7A3 && !cjk_map_enc(&cjk_ksx1001, u)) {
        uint32_t s = u - 0xAC00;
        uint8_t b[8] = {0xA4, 0xD4, 0xA4, kr_initial[s / 588], 0xA4, (uint8_t)(0xBF + s / 28 % 21), 0xA4,
                        kr_final[s % 28]};
        *used = 1;
        return sb_put(out, (const char *)b, 8) < 0 ? CJK_FAIL : 0;
    }
    return cjk_ascii_dbcs_enc(&cjk_ksx1001, in, out, used);
}

/* ---- cp949, johab --------------------------------------------------------------------- */

static int cp949_decode(CjkState *st, const uint8_t *in, int64_t left, StrBuf *out, int64_t *used) {
    return cjk_ascii_dbcs_dec(&kr_cp949, in, left, out, used);
}
static int cp949_encode(CjkState *st, const uint32_t *in, int64_t left, int flags, StrBuf *out, int64_t *used) {
    return cjk_ascii_dbcs_enc(&kr_cp949, in, out, used);
}
static int johab_decode(CjkState *st, const uint8_t *in, int64_t left, StrBuf *out, int64_t *used) {
    return cjk_ascii_dbcs_dec(&kr_johab, in, left, out, used);
}
static int johab_encode(CjkState *st, const uint32_t *in, int64_t left, int flags, StrBuf *out, int64_t *used) {
    return cjk_ascii_dbcs_enc(&kr_johab, in, out, used);
}

const CjkCodec cjk_codecs_kr[] = {
    {"euc_kr", kr_euckr_init, euckr_encode, NULL, euckr_decode, NULL, NULL},
    {"cp949", kr_cp949_init, cp949_encode, NULL, cp949_decode, NULL, NULL},
    {"johab", kr_johab_init, johab_encode, NULL, johab_decode, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL},
};
