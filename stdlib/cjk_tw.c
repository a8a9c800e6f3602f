/* cjk_tw.c - the Traditional Chinese codecs: big5 and cp950 of `_codecs_tw`,
 * big5hkscs of `_codecs_hk`, over the sets of cjk_table.c.  big5hkscs has four
 * codes that decode to two code points (a letter and a combining mark); its
 * encoder waits for the next code point after such a letter (CJK_TOOFEW). */
#include "cjk_codec.h"

/* CPython's big5 has no ETEN extensions and other shapes for some symbols (found by tools/cjk_compare.py) */
static const CjkFix big5_fixes[] = {
    {0xA145, 0x2022, 1, CJK_FIX_DEC}, {0xA14E, 0xFF64, 1, CJK_FIX_DEC}, {0xA1C2, 0x203E, 1, CJK_FIX_DEC},
    {0xA1E3, 0x223C, 1, CJK_FIX_DEC}, {0xA1F2, 0x2641, 1, CJK_FIX_DEC}, {0xA1F3, 0x2609, 1, CJK_FIX_DEC},
    {0xA241, 0xFF0F, 1, CJK_FIX_DEC}, {0xA242, 0xFF3C, 1, CJK_FIX_DEC}, {0xA244, 0x00A5, 1, CJK_FIX_DEC},
    {0xA246, 0x00A2, 2, CJK_FIX_DEC}, {0xA3E1, 0x0000, 1, CJK_FIX_DEC}, {0xC6A1, 0x30FE, 1, CJK_FIX_DEC},
    {0xC6A2, 0x309D, 2, CJK_FIX_DEC}, {0xC6A4, 0x3005, 1, CJK_FIX_DEC}, {0xC6A5, 0x3041, 83, CJK_FIX_DEC},
    {0xC6F8, 0x30A1, 7, CJK_FIX_DEC}, {0xC740, 0x30A8, 63, CJK_FIX_DEC}, {0xC7A1, 0x30E7, 16, CJK_FIX_DEC},
    {0xC7B1, 0x0414, 2, CJK_FIX_DEC}, {0xC7B3, 0x0401, 1, CJK_FIX_DEC}, {0xC7B4, 0x0416, 7, CJK_FIX_DEC},
    {0xC7BB, 0x0423, 19, CJK_FIX_DEC}, {0xC7CE, 0x0451, 1, CJK_FIX_DEC}, {0xC7CF, 0x0436, 26, CJK_FIX_DEC},
    {0xC7E9, 0x2460, 10, CJK_FIX_DEC}, {0xC7F3, 0x2474, 10, CJK_FIX_DEC}, {0xC7FD, 0x0000, 2, CJK_FIX_DEC},
    {0xC840, 0x0000, 63, CJK_FIX_DEC}, {0xC8A1, 0x0000, 94, CJK_FIX_DEC}, {0xF9D6, 0x0000, 41, CJK_FIX_DEC},
    {0xA246, 0x00A2, 2, CJK_FIX_ENC}, {0xA244, 0x00A5, 1, CJK_FIX_ENC}, {0x0000, 0x00AF, 1, CJK_FIX_ENC},
    {0xC7B3, 0x0401, 1, CJK_FIX_ENC}, {0xC7B1, 0x0414, 2, CJK_FIX_ENC}, {0xC7B4, 0x0416, 7, CJK_FIX_ENC},
    {0xC7BB, 0x0423, 19, CJK_FIX_ENC}, {0xC7CF, 0x0436, 26, CJK_FIX_ENC}, {0xC7CE, 0x0451, 1, CJK_FIX_ENC},
    {0xA145, 0x2022, 1, CJK_FIX_ENC}, {0x0000, 0x2027, 1, CJK_FIX_ENC}, {0xA1C2, 0x203E, 1, CJK_FIX_ENC},
    {0x0000, 0x20AC, 1, CJK_FIX_ENC}, {0x0000, 0x2215, 1, CJK_FIX_ENC}, {0xA1E3, 0x223C, 1, CJK_FIX_ENC},
    {0x0000, 0x2295, 1, CJK_FIX_ENC}, {0x0000, 0x2299, 1, CJK_FIX_ENC}, {0xC7E9, 0x2460, 10, CJK_FIX_ENC},
    {0xC7F3, 0x2474, 10, CJK_FIX_ENC}, {0x0000, 0x2551, 13, CJK_FIX_ENC}, {0x0000, 0x255F, 2, CJK_FIX_ENC},
    {0x0000, 0x2562, 8, CJK_FIX_ENC}, {0x0000, 0x256B, 2, CJK_FIX_ENC}, {0x0000, 0x2593, 1, CJK_FIX_ENC},
    {0xA1F3, 0x2609, 1, CJK_FIX_ENC}, {0xA1F2, 0x2641, 1, CJK_FIX_ENC}, {0xC6A4, 0x3005, 1, CJK_FIX_ENC},
    {0xC6A5, 0x3041, 83, CJK_FIX_ENC}, {0xC6A2, 0x309D, 2, CJK_FIX_ENC}, {0xC6F8, 0x30A1, 7, CJK_FIX_ENC},
    {0xC740, 0x30A8, 63, CJK_FIX_ENC}, {0xC7A1, 0x30E7, 16, CJK_FIX_ENC}, {0xC6A1, 0x30FE, 1, CJK_FIX_ENC},
    {0xA451, 0x5341, 1, CJK_FIX_ENC}, {0xA4CA, 0x5345, 1, CJK_FIX_ENC}, {0x0000, 0x58BB, 1, CJK_FIX_ENC},
    {0x0000, 0x5AFA, 1, CJK_FIX_ENC}, {0x0000, 0x6052, 1, CJK_FIX_ENC}, {0x0000, 0x7881, 1, CJK_FIX_ENC},
    {0x0000, 0x7CA7, 1, CJK_FIX_ENC}, {0x0000, 0x88CF, 1, CJK_FIX_ENC}, {0x0000, 0x92B9, 1, CJK_FIX_ENC},
    {0x0000, 0xF6B1, 408, CJK_FIX_ENC}, {0x0000, 0xFE51, 1, CJK_FIX_ENC}, {0x0000, 0xFE68, 1, CJK_FIX_ENC},
    {0xA241, 0xFF0F, 1, CJK_FIX_ENC}, {0xA242, 0xFF3C, 1, CJK_FIX_ENC}, {0x0000, 0xFF5E, 1, CJK_FIX_ENC},
    {0xA14E, 0xFF64, 1, CJK_FIX_ENC}, {0x0000, 0xFFE0, 2, CJK_FIX_ENC}, {0x0000, 0xFFE5, 1, CJK_FIX_ENC},
    {0, 0, 0, 0},
};
static CjkMap tw_big5 = {.charset = "BIG5", .lead_lo = 0x81, .lead_hi = 0xFE, .trail_lo = 0x40, .trail_hi = 0xFE,
                         .fixes = big5_fixes};
/* Microsoft's cp950 as CPython has it (found by tools/cjk_compare.py) */
static const CjkFix cp950_fixes[] = {
    {0xC6A1, 0x30FE, 1, CJK_FIX_DEC}, {0xC6A2, 0x309D, 2, CJK_FIX_DEC}, {0xC6A4, 0x3005, 1, CJK_FIX_DEC},
    {0xC6A5, 0x3041, 83, CJK_FIX_DEC}, {0xC6F8, 0x30A1, 7, CJK_FIX_DEC}, {0xC740, 0x30A8, 63, CJK_FIX_DEC},
    {0xC7A1, 0x30E7, 16, CJK_FIX_DEC}, {0xC7B1, 0x0414, 2, CJK_FIX_DEC}, {0xC7B3, 0x0401, 1, CJK_FIX_DEC},
    {0xC7B4, 0x0416, 7, CJK_FIX_DEC}, {0xC7BB, 0x0423, 19, CJK_FIX_DEC}, {0xC7CE, 0x0451, 1, CJK_FIX_DEC},
    {0xC7CF, 0x0436, 26, CJK_FIX_DEC}, {0xC7E9, 0x2460, 10, CJK_FIX_DEC}, {0xC7F3, 0x2474, 10, CJK_FIX_DEC},
    {0xC7FD, 0x0000, 2, CJK_FIX_DEC}, {0xC840, 0x0000, 63, CJK_FIX_DEC}, {0xC8A1, 0x0000, 94, CJK_FIX_DEC},
    {0xA246, 0x00A2, 2, CJK_FIX_ENC}, {0xA244, 0x00A5, 1, CJK_FIX_ENC}, {0xC7B3, 0x0401, 1, CJK_FIX_ENC},
    {0xC7B1, 0x0414, 2, CJK_FIX_ENC}, {0xC7B4, 0x0416, 7, CJK_FIX_ENC}, {0xC7BB, 0x0423, 19, CJK_FIX_ENC},
    {0xC7CF, 0x0436, 26, CJK_FIX_ENC}, {0xC7CE, 0x0451, 1, CJK_FIX_ENC}, {0xA145, 0x2022, 1, CJK_FIX_ENC},
    {0xA1C2, 0x203E, 1, CJK_FIX_ENC}, {0xA1E3, 0x223C, 1, CJK_FIX_ENC}, {0xC7E9, 0x2460, 10, CJK_FIX_ENC},
    {0xC7F3, 0x2474, 10, CJK_FIX_ENC}, {0xA1F3, 0x2609, 1, CJK_FIX_ENC}, {0xA1F2, 0x2641, 1, CJK_FIX_ENC},
    {0xC6A4, 0x3005, 1, CJK_FIX_ENC}, {0xC6A5, 0x3041, 83, CJK_FIX_ENC}, {0xC6A2, 0x309D, 2, CJK_FIX_ENC},
    {0xC6F8, 0x30A1, 7, CJK_FIX_ENC}, {0xC740, 0x30A8, 63, CJK_FIX_ENC}, {0xC7A1, 0x30E7, 16, CJK_FIX_ENC},
    {0xC6A1, 0x30FE, 1, CJK_FIX_ENC}, {0xA451, 0x5341, 1, CJK_FIX_ENC}, {0xA4CA, 0x5345, 1, CJK_FIX_ENC},
    {0x0000, 0xF6B1, 408, CJK_FIX_ENC}, {0xA14E, 0xFF64, 1, CJK_FIX_ENC},
    {0, 0, 0, 0},
};
static CjkMap tw_cp950 = {.charset = "CP950", .lead_lo = 0x81, .lead_hi = 0xFE, .trail_lo = 0x40, .trail_hi = 0xFE,
                          .fixes = cp950_fixes};
/* HKSCS-2004 as CPython has it, not glibc's HKSCS-2008 (found by tools/cjk_compare.py) */
static const CjkFix big5hkscs_fixes[] = {
    {0x877A, 0x0000, 5, CJK_FIX_DEC}, {0x87A1, 0x0000, 63, CJK_FIX_DEC}, {0xA15A, 0x2574, 1, CJK_FIX_DEC},
    {0xA1C3, 0xFFE3, 1, CJK_FIX_DEC}, {0xA1C5, 0x02CD, 1, CJK_FIX_DEC}, {0xA1FE, 0xFF0F, 1, CJK_FIX_DEC},
    {0xA240, 0xFF3C, 1, CJK_FIX_DEC}, {0xA2CC, 0x5341, 1, CJK_FIX_DEC}, {0xA2CE, 0x5345, 1, CJK_FIX_DEC},
    {0xA1C5, 0x02CD, 1, CJK_FIX_ENC}, {0xF9F9, 0x2550, 1, CJK_FIX_ENC}, {0xF9E9, 0x255E, 1, CJK_FIX_ENC},
    {0xF9EB, 0x2561, 1, CJK_FIX_ENC}, {0xF9EA, 0x256A, 1, CJK_FIX_ENC}, {0xF9FA, 0x256D, 2, CJK_FIX_ENC},
    {0xF9FD, 0x256F, 1, CJK_FIX_ENC}, {0xF9FC, 0x2570, 1, CJK_FIX_ENC}, {0xA15A, 0x2574, 1, CJK_FIX_ENC},
    {0x0000, 0x34E6, 1, CJK_FIX_ENC}, {0x0000, 0x3875, 1, CJK_FIX_ENC}, {0x0000, 0x3AF5, 1, CJK_FIX_ENC},
    {0x0000, 0x3EEC, 1, CJK_FIX_ENC}, {0x0000, 0x40B4, 1, CJK_FIX_ENC}, {0x0000, 0x4131, 1, CJK_FIX_ENC},
    {0x0000, 0x4181, 1, CJK_FIX_ENC}, {0x0000, 0x430A, 1, CJK_FIX_ENC}, {0x0000, 0x44E1, 1, CJK_FIX_ENC},
    {0x0000, 0x46AE, 1, CJK_FIX_ENC}, {0x0000, 0x492F, 2, CJK_FIX_ENC}, {0x0000, 0x524F, 1, CJK_FIX_ENC},
    {0x0000, 0x544C, 1, CJK_FIX_ENC}, {0x0000, 0x57B3, 1, CJK_FIX_ENC}, {0x0000, 0x5818, 1, CJK_FIX_ENC},
    {0x0000, 0x5896, 1, CJK_FIX_ENC}, {0x0000, 0x62C1, 1, CJK_FIX_ENC}, {0x0000, 0x6660, 1, CJK_FIX_ENC},
    {0x0000, 0x6782, 1, CJK_FIX_ENC}, {0x0000, 0x6A29, 1, CJK_FIX_ENC}, {0x0000, 0x706E, 1, CJK_FIX_ENC},
    {0x0000, 0x73C4, 1, CJK_FIX_ENC}, {0x0000, 0x744C, 1, CJK_FIX_ENC}, {0x0000, 0x74C6, 1, CJK_FIX_ENC},
    {0x0000, 0x79D0, 1, CJK_FIX_ENC}, {0x0000, 0x7A2C, 1, CJK_FIX_ENC}, {0x0000, 0x7A32, 1, CJK_FIX_ENC},
    {0x0000, 0x7A72, 1, CJK_FIX_ENC}, {0x0000, 0x7AFC, 1, CJK_FIX_ENC}, {0x0000, 0x7BAE, 1, CJK_FIX_ENC},
    {0x0000, 0x7BC5, 1, CJK_FIX_ENC}, {0x0000, 0x8484, 1, CJK_FIX_ENC}, {0x0000, 0x8504, 1, CJK_FIX_ENC},
    {0x0000, 0x8613, 1, CJK_FIX_ENC}, {0x0000, 0x889D, 1, CJK_FIX_ENC}, {0x0000, 0x8B8F, 1, CJK_FIX_ENC},
    {0x0000, 0x9046, 1, CJK_FIX_ENC}, {0x0000, 0x9218, 1, CJK_FIX_ENC}, {0x0000, 0x942F, 1, CJK_FIX_ENC},
    {0x0000, 0x974A, 1, CJK_FIX_ENC}, {0x0000, 0x9F96, 2, CJK_FIX_ENC}, {0x0000, 0x9FC7, 5, CJK_FIX_ENC},
    {0xA1C3, 0xFFE3, 1, CJK_FIX_ENC}, {0x0000, 0x20A8A, 1, CJK_FIX_ENC}, {0x0000, 0x21D53, 1, CJK_FIX_ENC},
    {0x0000, 0x224BC, 1, CJK_FIX_ENC}, {0x0000, 0x224C1, 1, CJK_FIX_ENC}, {0x0000, 0x224C9, 1, CJK_FIX_ENC},
    {0x0000, 0x224CC, 1, CJK_FIX_ENC}, {0x0000, 0x231EA, 1, CJK_FIX_ENC}, {0x0000, 0x2325E, 1, CJK_FIX_ENC},
    {0x0000, 0x235BB, 1, CJK_FIX_ENC}, {0x0000, 0x2368E, 1, CJK_FIX_ENC}, {0x0000, 0x2369E, 1, CJK_FIX_ENC},
    {0x0000, 0x24161, 1, CJK_FIX_ENC}, {0x0000, 0x258DE, 1, CJK_FIX_ENC}, {0x0000, 0x25D99, 1, CJK_FIX_ENC},
    {0x0000, 0x25DB9, 1, CJK_FIX_ENC}, {0x0000, 0x26021, 1, CJK_FIX_ENC}, {0x0000, 0x26E88, 1, CJK_FIX_ENC},
    {0x0000, 0x27B65, 1, CJK_FIX_ENC}, {0x0000, 0x2890D, 1, CJK_FIX_ENC},
    {0, 0, 0, 0},
};
static CjkMap hk_big5hkscs = {.charset = "BIG5-HKSCS", .lead_lo = 0x81, .lead_hi = 0xFE, .trail_lo = 0x40,
                              .trail_hi = 0xFE, .fixes = big5hkscs_fixes};

static int tw_big5_init(void) { return cjk_map_load(&tw_big5); }
static int tw_cp950_init(void) { return cjk_map_load(&tw_cp950); }
static int hk_init(void) { return cjk_map_load(&hk_big5hkscs); }

static int big5_decode(CjkState *st, const uint8_t *in, int64_t left, StrBuf *out, int64_t *used) {
    return cjk_ascii_dbcs_dec(&tw_big5, in, left, out, used);
}
static int big5_encode(CjkState *st, const uint32_t *in, int64_t left, int flags, StrBuf *out, int64_t *used) {
    return cjk_ascii_dbcs_enc(&tw_big5, in, out, used);
}
static int cp950_decode(CjkState *st, const uint8_t *in, int64_t left, StrBuf *out, int64_t *used) {
    return cjk_ascii_dbcs_dec(&tw_cp950, in, left, out, used);
}
static int cp950_encode(CjkState *st, const uint32_t *in, int64_t left, int flags, StrBuf *out, int64_t *used) {
    return cjk_ascii_dbcs_enc(&tw_cp950, in, out, used);
}
static int hk_decode(CjkState *st, const uint8_t *in, int64_t left, StrBuf *out, int64_t *used) {
    return cjk_ascii_dbcs_dec(&hk_big5hkscs, in, left, out, used);
}
static int hk_encode(CjkState *st, const uint32_t *in, int64_t left, int flags, StrBuf *out, int64_t *used) {
    const CjkMap *m = &hk_big5hkscs;
    if (cjk_map_pair_first(m, in[0])) {
        uint32_t code;
        if (left < 2 && !(flags & CJK_FLUSH)) return CJK_TOOFEW;
        if (left >= 2 && (code = cjk_map_pair_code(m, in[0], in[1]))) { *used = 2; return cjk_put2(out, code); }
    }
    return cjk_ascii_dbcs_enc(m, in, out, used);
}

const CjkCodec cjk_codecs_tw[] = {
    {"big5", tw_big5_init, big5_encode, NULL, big5_decode, NULL, NULL},
    {"cp950", tw_cp950_init, cp950_encode, NULL, cp950_decode, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL},
};

const CjkCodec cjk_codecs_hk[] = {
    {"big5hkscs", hk_init, hk_encode, NULL, hk_decode, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL},
};
