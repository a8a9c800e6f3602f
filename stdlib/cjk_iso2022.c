/* cjk_iso2022.c - the 7-bit ISO 2022 codecs of `_codecs_iso2022`: iso2022_jp,
 * _jp_1, _jp_2, _jp_2004, _jp_3, _jp_ext and iso2022_kr, over the sets of
 * cjk_jp.c, cjk_cn.c and cjk_kr.c.
 *
 * The state is CPython's, since getstate shows it: c[0] is the set designated
 * to G0, c[1] G1, c[2] G2 (each its final byte, | 0x80 for a double-byte set;
 * 'B' ASCII; iso2022_kr's header ESC $ ) C puts KS X 1001 in G1) and c[4]: bit 0
 * "shifted out" (SO, iso2022_kr), bit 1 "escape through": after an ESC that
 * starts no escape sequence the decoder passes every byte on as itself (as
 * Latin-1) until one of '@' and 'A'..'Z', which would end such a sequence.
 * A codec's variant lists which sets it may designate, in the order its
 * encoder tries them; iso2022_jp_2's G2 sets (Latin-1, Greek) are read, never
 * written, as in CPython. */
#include <stdint.h>
#include <string.h>
#include "cjk_codec.h"

/* the sets, by their designation in the state */
enum {
    S_ASCII = 'B', S_ROMAN = 'J', S_KANA = 'I', S_0208 = 'B' | 0x80, S_0208_78 = '@' | 0x80, S_GB = 'A' | 0x80,
    S_KSC = 'C' | 0x80, S_0212 = 'D' | 0x80, S_X0213_1 = 'O' | 0x80, S_X0213_1_2004 = 'Q' | 0x80,
    S_X0213_2 = 'P' | 0x80, S_LATIN1 = 'A', S_GREEK = 'F',
};
enum { FLAGS = 4, F_SHIFTED = 1, F_ESC_THROUGH = 2 };   /* c[FLAGS] */

typedef struct { const char *name; uint8_t sets[8]; int kr; } IsoVariant;

static const IsoVariant iso_variants[] = {
    {"iso2022_jp", {S_0208, S_0208_78, S_ROMAN}, 0},
    {"iso2022_jp_1", {S_0208, S_0208_78, S_0212, S_ROMAN}, 0},
    {"iso2022_jp_2", {S_0208, S_0208_78, S_0212, S_KSC, S_GB, S_ROMAN, S_LATIN1, S_GREEK}, 0},
    {"iso2022_jp_2004", {S_0208, S_X0213_1_2004, S_X0213_2}, 0},
    {"iso2022_jp_3", {S_0208, S_X0213_1, S_X0213_2}, 0},
    {"iso2022_jp_ext", {S_0208, S_0208_78, S_0212, S_KANA, S_ROMAN}, 0},
    {"iso2022_kr", {S_KSC}, 1},
};

static const IsoVariant *iso_variant(const char *name) {
    for (size_t i = 0; i < sizeof iso_variants / sizeof *iso_variants; i++)
        if (!strcmp(iso_variants[i].name, name)) return &iso_variants[i];
    return &iso_variants[0];
}

static int iso_has(const IsoVariant *v, int set) { return memchr(v->sets, set, sizeof v->sets) != NULL; }

static CjkMap *iso_map(int set) {
    switch (set) {
    case S_0208: case S_0208_78: return &cjk_jisx0208;
    case S_0212: return &cjk_jisx0212;
    case S_GB: return &cjk_gb2312;
    case S_KSC: return &cjk_ksx1001;
    case S_X0213_1: case S_X0213_1_2004: return &cjk_jisx0213_1;
    case S_X0213_2: return &cjk_jisx0213_2;
    default: return NULL;
    }
}

static int iso_load(const IsoVariant *v) {
    for (int i = 0; i < 8 && v->sets[i]; i++) {
        CjkMap *m = iso_map(v->sets[i]);
        if (m && cjk_map_load(m) < 0) return -1;
    }
    return 0;
}

/* ---- decoding ------------------------------------------------------------------------- */

/* May the codec designate set to G0 (g 0), G1 or G2?  G2 only where it has G2 sets. */
static int iso_allowed(const IsoVariant *v, int g, int set) {
    if (g == 2 && !iso_has(v, S_LATIN1)) return 0;
    return set == S_ASCII || iso_has(v, set);
}

#define ISO_MAX_ESC 16
static int iso_escend(uint8_t b) { return b == '@' || (b >= 'A' && b <= 'Z'); }

/* The length of the escape sequence at in: up to its final byte ('@', 'A'..'Z'),
 * stepping over JIS X 0208's "&@" announcer; CJK_TOOFEW when the input ends
 * first, 0 when none ends within ISO_MAX_ESC bytes. */
static int iso_escape_len(const IsoVariant *v, const uint8_t *in, int64_t left) {
    for (int i = 1; i < ISO_MAX_ESC; i++) {
        if (i >= left) return CJK_TOOFEW;
        if (iso_escend(in[i])) return i + 1;
        if (iso_has(v, S_0208) && in[i] == '&' && i + 1 < left && in[i + 1] == '@') i++;
    }
    return 0;
}

#define ISO_NOT_ESCAPE (-3)

/* An escape sequence at in (in[0] == ESC): 0 done, ISO_NOT_ESCAPE (the ESC is an
 * ordinary character), CJK_TOOFEW, or the length of an error (the sequence, as
 * CPython: what it designates is read from its length and first bytes, and the
 * 6-byte form ends with ESC $ B, as "ESC & @ ESC $ B" does). */
static int iso_escape(const IsoVariant *v, CjkState *st, const uint8_t *in, int64_t left, int64_t *used) {
    if (left < 2) return CJK_TOOFEW;
    if (!in[1] || !strchr("$().&", in[1])) return ISO_NOT_ESCAPE;
    int n = iso_escape_len(v, in, left), g = 0, set;
    if (n == CJK_TOOFEW) return n;
    if (n == 0) return 1;
    if (n == 3 && in[1] != '&' && in[1] != ')') {
        set = in[1] == '$' ? in[2] | 0x80 : in[2];
        g = in[1] == '.' ? 2 : 0;
    } else if (n == 4 && in[1] == '$' && (in[2] == '(' || in[2] == ')')) {
        set = in[3] | 0x80;
        g = in[2] == ')';
    } else if (n == 6 && iso_has(v, S_0208) && in[3] == 0x1B && in[4] == '$' && in[5] == 'B') {
        set = S_0208;
    } else {
        return n;
    }
    if (!iso_allowed(v, g, set)) return n;
    st->c[g] = (uint8_t)set;
    *used = n;
    return 0;
}

static int iso_put(StrBuf *out, uint32_t u) { return sb_put_codepoint(out, u) < 0 ? CJK_FAIL : 0; }

/* ESC N c: c from the G2 set (nothing designated: ESC N is ignored) */
static int iso_single_shift(CjkState *st, const uint8_t *in, int64_t left, StrBuf *out, int64_t *used) {
    static const uint16_t greek[32] = {
        0xA0, 0x2018, 0x2019, 0xA3, 0, 0, 0xA6, 0xA7, 0xA8, 0xA9, 0, 0xAB, 0xAC, 0xAD, 0, 0x2015,
        0xB0, 0xB1, 0xB2, 0xB3, 0x384, 0x385, 0x386, 0xB7, 0x388, 0x389, 0x38A, 0xBB, 0x38C, 0xBD, 0x38E, 0x38F};
    *used = 2;
    if (st->c[2] != S_LATIN1 && st->c[2] != S_GREEK) return 0;
    if (left < 3) return CJK_TOOFEW;
    uint32_t b = in[2] | 0x80, u = b;
    if (in[2] & 0x80) u = 0;
    else if (st->c[2] == S_GREEK) u = b >= 0xC0 ? (b == 0xD2 || b == 0xFF ? 0 : b - 0xC0 + 0x390) : greek[b - 0xA0];
    if (!u) return 3;
    *used = 3;
    return iso_put(out, u);
}

static int iso_decode_v(const IsoVariant *v, CjkState *st, const uint8_t *in, int64_t left, StrBuf *out,
                        int64_t *used) {
    unsigned c = in[0];
    *used = 1;
    if (st->c[FLAGS] & F_ESC_THROUGH) {
        if (c == '@' || (c >= 'A' && c <= 'Z')) st->c[FLAGS] &= (uint8_t)~F_ESC_THROUGH;
        return iso_put(out, c);
    }
    if (c == 0x1B && left >= 2 && in[1] == 'N' && iso_has(v, S_LATIN1))
        return iso_single_shift(st, in, left, out, used);
    if (c == 0x1B) {
        int r = iso_escape(v, st, in, left, used);
        if (r == ISO_NOT_ESCAPE) {
            *used = 1;
            st->c[FLAGS] |= F_ESC_THROUGH;
            return iso_put(out, c);
        }
        return r;
    }
    if (c & 0x80) return 1;
    if (v->kr && c == 0x0E) { st->c[FLAGS] |= F_SHIFTED; return 0; }   /* G1 in use, even unset */
    if (v->kr && c == 0x0F) { st->c[FLAGS] &= (uint8_t)~F_SHIFTED; return 0; }
    int set = v->kr && (st->c[FLAGS] & F_SHIFTED) ? st->c[1] : st->c[0];
    if (c < 0x21 || c == 0x7F || set == S_ASCII) return iso_put(out, c);
    if (set == S_ROMAN) return iso_put(out, c == 0x5C ? 0xA5 : c == 0x7E ? 0x203E : c);
    if (set == S_KANA) return c >= 0x21 && c <= 0x5F ? iso_put(out, 0xFF61 + (c - 0x21)) : 1;
    if (left < 2) return CJK_TOOFEW;
    if (in[1] < 0x21 || in[1] > 0x7E) return 2;
    CjkMap *m = iso_map(set);
    uint32_t u = 0;
    if (m == &cjk_jisx0213_1 && (u = cjk_map_dec(&cjk_jisx0208, c | 0x80, in[1] | 0x80))) m = &cjk_jisx0208;
    if (!u && m) u = cjk_map_dec(m, c | 0x80, in[1] | 0x80);
    if (u == 0xFF5E && m == &cjk_jisx0213_1) u = '~';
    if (set == S_X0213_1 && m == &cjk_jisx0213_1 && cjk_x0213_2004_only((c | 0x80) << 8 | (in[1] | 0x80))) return 2;
    if (!u) return 2;
    *used = 2;
    return cjk_put_dec(out, m, u);
}

/* ---- encoding ------------------------------------------------------------------------- */

static int iso_designate(const IsoVariant *v, CjkState *st, int set, StrBuf *out) {
    if (v->kr) {
        if (set == S_ASCII && !(st->c[FLAGS] & F_SHIFTED)) return 0;
        if (st->c[1] != S_KSC) {
            if (sb_put(out, "\x1b$)C", 4) < 0) return CJK_FAIL;
            st->c[1] = S_KSC;
        }
        int want = set == S_KSC;
        if (want != !!(st->c[FLAGS] & F_SHIFTED)) {
            if (cjk_put1(out, want ? 0x0E : 0x0F) < 0) return CJK_FAIL;
            st->c[FLAGS] ^= F_SHIFTED;
        }
        return 0;
    }
    if (set == S_LATIN1 || set == S_GREEK) {
        if (st->c[2] != set) {
            char e[3] = {0x1B, '.', (char)set};
            if (sb_put(out, e, 3) < 0) return CJK_FAIL;
            st->c[2] = (uint8_t)set;
        }
        return sb_put(out, "\x1bN", 2) < 0 ? CJK_FAIL : 0;
    }
    if (st->c[0] == set) return 0;
    char e[4];
    int n;
    if (!(set & 0x80)) { e[0] = 0x1B; e[1] = '('; e[2] = (char)set; n = 3; }
    else if (set == S_0208 || set == S_0208_78) { e[0] = 0x1B; e[1] = '$'; e[2] = (char)(set & 0x7F); n = 3; }
    else { e[0] = 0x1B; e[1] = '$'; e[2] = '('; e[3] = (char)(set & 0x7F); n = 4; }
    st->c[0] = (uint8_t)set;
    return sb_put(out, e, (size_t)n) < 0 ? CJK_FAIL : 0;
}

/* JIS X 0213's planes: not U+FF5E (CPython's ISO 2022 codecs refuse it), and
 * for ESC $ ( O, the 2000 edition, not what 2004 added or changed */
static uint32_t iso_find_x0213(const IsoVariant *v, int set, uint32_t u) {
    int ed2000 = !iso_has(v, S_X0213_1_2004);
    CjkMap *m = set == S_X0213_2 ? &cjk_jisx0213_2 : &cjk_jisx0213_1;
    uint32_t code = cjk_map_enc(m, u);
    if (u == 0xFF5E || code > 0xFFFF) return 0;
    if (set == S_X0213_1 && cjk_x0213_2004_only(code)) return 0;
    if (ed2000 && u == 0x9B1C && set == S_X0213_2) return 0;
    if (ed2000 && u == 0x9B1D && set == S_X0213_2) return 0x7D3B;
    return code & 0x7F7F;
}

/* the code of u in set (two 7-bit bytes, or one byte), 0 none */
static uint32_t iso_find(const IsoVariant *v, int set, uint32_t u) {
    switch (set) {
    case S_ROMAN: return u == 0xA5 ? 0x5C : u == 0x203E ? 0x7E : 0;
    case S_KANA: return u >= 0xFF61 && u <= 0xFF9F ? u - 0xFF61 + 0x21 : 0;
    case S_LATIN1: return u >= 0xA0 && u <= 0xFF ? u - 0x80 : 0;
    case S_GREEK: return u >= 0x391 && u <= 0x3CE && u != 0x3A2 ? u - 0x390 + 0x40 : 0;
    case S_0208_78: return 0;
    case S_X0213_1: case S_X0213_1_2004: case S_X0213_2: return iso_find_x0213(v, set, u);
    default: {
        CjkMap *m = iso_map(set);
        uint32_t code = m ? cjk_map_enc(m, u) : 0;
        return code > 0xFFFF ? 0 : code & 0x7F7F;
    }
    }
}

/* JIS X 0213's combining pairs come first, before JIS X 0208 has its say on the
 * base letter (か of か+U+309A): CJK_TOOFEW while the next code point is unknown,
 * 1 when there is no pair (the sets are tried next), else the pair written. */
static int iso_encode_pair(const IsoVariant *v, CjkState *st, const uint32_t *in, int64_t left, int flags,
                           StrBuf *out, int64_t *used) {
    int set = iso_has(v, S_X0213_1_2004) ? S_X0213_1_2004 : S_X0213_1;
    if (!iso_has(v, set) || !cjk_map_pair_first(&cjk_jisx0213_1, in[0])) return 1;
    if (left < 2) return flags & CJK_FLUSH ? 1 : CJK_TOOFEW;
    uint32_t code = cjk_map_pair_code(&cjk_jisx0213_1, in[0], in[1]);
    if (!code) return 1;
    if (iso_designate(v, st, set, out) < 0) return CJK_FAIL;
    *used = 2;
    return cjk_put2(out, code & 0x7F7F);
}

static int iso_encode_v(const IsoVariant *v, CjkState *st, const uint32_t *in, int64_t left, int flags,
                        StrBuf *out, int64_t *used) {
    uint32_t u = in[0];
    *used = 1;
    if (u < 0x80) {
        if (iso_designate(v, st, S_ASCII, out) < 0) return CJK_FAIL;
        return cjk_put1(out, u);
    }
    int r = iso_encode_pair(v, st, in, left, flags, out, used);
    if (r != 1) return r;
    for (int i = 0; i < 8 && v->sets[i]; i++) {
        int set = v->sets[i];
        if (set == S_LATIN1 || set == S_GREEK) continue;
        uint32_t code = iso_find(v, set, u);
        if (!code) continue;
        if (iso_designate(v, st, set, out) < 0) return CJK_FAIL;
        return code > 0xFF ? cjk_put2(out, code) : cjk_put1(out, code);
    }
    return 1;
}

static int iso_encreset_v(const IsoVariant *v, CjkState *st, StrBuf *out) {
    if (v->kr) {
        if (!(st->c[FLAGS] & F_SHIFTED)) return 0;
        st->c[FLAGS] &= (uint8_t)~F_SHIFTED;
        return cjk_put1(out, 0x0F) < 0 ? -1 : 0;
    }
    if (st->c[0] == S_ASCII) return 0;
    st->c[0] = S_ASCII;
    return sb_put(out, "\x1b(B", 3) < 0 ? -1 : 0;
}

static void iso_encinit(CjkState *st) {
    st->c[0] = S_ASCII;
    st->c[1] = S_ASCII;
}

static void iso_decinit(CjkState *st) {
    st->c[0] = st->c[1] = st->c[2] = S_ASCII;
}

#define ISO_CODEC(N, NAME)                                                                             \
    static int N##_init(void) { return iso_load(iso_variant(NAME)); }                                 \
    static int N##_enc(CjkState *st, const uint32_t *in, int64_t left, int flags, StrBuf *out,       \
                       int64_t *used) {                                                               \
        return iso_encode_v(iso_variant(NAME), st, in, left, flags, out, used);                        \
    }                                                                                                 \
    static int N##_dec(CjkState *st, const uint8_t *in, int64_t left, StrBuf *out, int64_t *used) {   \
        return iso_decode_v(iso_variant(NAME), st, in, left, out, used);                               \
    }                                                                                                 \
    static int N##_reset(CjkState *st, StrBuf *out) { return iso_encreset_v(iso_variant(NAME), st, out); }

ISO_CODEC(jp, "iso2022_jp")
ISO_CODEC(jp1, "iso2022_jp_1")
ISO_CODEC(jp2, "iso2022_jp_2")
ISO_CODEC(jp2004, "iso2022_jp_2004")
ISO_CODEC(jp3, "iso2022_jp_3")
ISO_CODEC(jpext, "iso2022_jp_ext")
ISO_CODEC(kr, "iso2022_kr")

#define ISO_ENTRY(N, NAME) {NAME, N##_init, N##_enc, N##_reset, N##_dec, iso_encinit, iso_decinit}
const CjkCodec cjk_codecs_iso2022[] = {
    ISO_ENTRY(jp, "iso2022_jp"), ISO_ENTRY(jp1, "iso2022_jp_1"), ISO_ENTRY(jp2, "iso2022_jp_2"),
    ISO_ENTRY(jp2004, "iso2022_jp_2004"), ISO_ENTRY(jp3, "iso2022_jp_3"), ISO_ENTRY(jpext, "iso2022_jp_ext"),
    ISO_ENTRY(kr, "iso2022_kr"),
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL},
};
