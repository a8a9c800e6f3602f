/* cjk_table.c - the double-byte character sets of the CJK codecs
 * (_codecs_jp, _cn, _kr, _tw, _hk, _iso2022), read from glibc's iconv.
 *
 * Where the data comes from.  gilpy carries no mapping tables of its own: every
 * Debian system has glibc's gconv modules (libc6 ships SJIS, CP932, EUC-JP,
 * EUC-JISX0213, EUC-CN, GBK, GB18030, BIG5, CP950, BIG5-HKSCS, EUC-KR, UHC,
 * JOHAB), which hold the same standards CPython's tables were made from.  The
 * other option, tables generated at build time from data files Debian installs
 * (the `locales` package's charmaps, closer to CPython for BIG5), would need
 * that package, which not every system has, and a generator in the build;
 * iconv is always there and its differences from CPython are few enough to
 * list (below).  So a set is read the first time a codec needs it: each code of
 * its ranges goes through iconv once (about 24000 conversions, a few
 * milliseconds), giving the decoding table; the encoding table is its inverse
 * (the first code of a code point wins).
 *
 * A correction that goes both ways is made before the inversion, so that the
 * encoder follows it; one-way ones after it.
 *
 * CPython's mappings are not glibc's everywhere (big5's ETEN rows, cp932's
 * choice among duplicate codes, GB18030's 2005 changes, KS X 1001:2002's
 * additions, ...).  Each set carries a list of corrections, CjkFix runs, which
 * tools/cjk_compare.py found by comparing every single-, double- and three-
 * or four-byte sequence and every code point between gilpy and python3.11;
 * the tool must report no difference.
 *
 * The tables are malloc'd once and never freed (no Values: nothing for the
 * collector); they are built with the GIL held, so two threads never build one
 * at once. */
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include "runtime/error.h"
#include "cjk_codec.h"

#define PAGE(u) ((u) >> 8)

/* The code points iconv gives for in[0..n), up to max; -1 when it refuses. */
static int tab_conv(iconv_t cd, const uint8_t *in, size_t n, uint32_t *out, int max) {
    char obuf[64], *ip = (char *)in, *op = obuf;
    size_t il = n, ol = sizeof obuf;
    iconv(cd, NULL, NULL, NULL, NULL);
    if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 || il) return -1;
    if (iconv(cd, NULL, NULL, &op, &ol) == (size_t)-1) return -1;
    int k = (int)((sizeof obuf - ol) / 4);
    if (k > max) return -1;
    for (int i = 0; i < k; i++) {
        const uint8_t *b = (const uint8_t *)obuf + 4 * i;
        out[i] = b[0] | b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
    }
    return k;
}

static iconv_t tab_open(const char *charset) {
    iconv_t cd = iconv_open("UTF-32LE", charset);
    if (cd == (iconv_t)-1)
        err_format(&exc_LookupError, "the C library has no %s converter (glibc's gconv modules)", charset);
    return cd;
}

static int tab_ntrail(const CjkMap *m) { return m->trail_hi - m->trail_lo + 1; }

static uint32_t *tab_slot(const CjkMap *m, uint32_t code) {
    unsigned lead = code >> 8, trail = code & 0xFF;
    if (lead < m->lead_lo || lead > m->lead_hi || trail < m->trail_lo || trail > m->trail_hi) return NULL;
    return &m->dec[(lead - m->lead_lo) * tab_ntrail(m) + (trail - m->trail_lo)];
}

static int is_combining(uint32_t u) {
    return (u >= 0x300 && u <= 0x36F) || u == 0x309A || u == 0x2E5 || u == 0x2E9;
}

static int tab_add_pair(CjkMap *m, uint32_t *slot, uint32_t u1, uint32_t u2, uint32_t code) {
    CjkPair *p = realloc(m->pairs, sizeof *p * (size_t)(m->npairs + 1));
    if (!p) return -1;
    m->pairs = p;
    p[m->npairs] = (CjkPair){u1, u2, code};
    *slot = CJK_PAIR_BASE + (uint32_t)m->npairs++;
    return 0;
}

static int tab_read(CjkMap *m, iconv_t cd) {
    for (unsigned lead = m->lead_lo; lead <= m->lead_hi; lead++) {
        for (unsigned trail = m->trail_lo; trail <= m->trail_hi; trail++) {
            uint8_t in[3];
            int n = 0;
            if (m->prefix) in[n++] = m->prefix;
            in[n++] = (uint8_t)lead;
            in[n++] = (uint8_t)trail;
            uint32_t u[2], *slot = tab_slot(m, lead << 8 | trail);
            int k = tab_conv(cd, in, (size_t)n, u, 2);
            if (k == 1 && u[0] != 0xFFFD) *slot = u[0];
            else if (k == 2 && is_combining(u[1]) && tab_add_pair(m, slot, u[0], u[1], lead << 8 | trail) < 0)
                return -1;
        }
    }
    return 0;
}

static int tab_set_enc(CjkMap *m, uint32_t ucs, uint32_t code, int overwrite) {
    if (ucs >= 0x110000) return 0;
    uint32_t **page = &m->enc[PAGE(ucs)];
    if (!*page && !(*page = calloc(256, sizeof **page))) return -1;
    if (overwrite || !(*page)[ucs & 0xFF]) (*page)[ucs & 0xFF] = code;
    return 0;
}

/* CJK_FIX_BOTH before the inversion (the encoder follows), CJK_FIX_DEC after it */
static void tab_fix_dec(CjkMap *m, int kind) {
    for (const CjkFix *f = m->fixes; f && f->count; f++) {
        if (f->kind != kind) continue;
        for (uint32_t i = 0; i < f->count; i++) {
            uint32_t *slot = tab_slot(m, f->code + i);
            if (slot) *slot = f->ucs ? f->ucs + i : 0;
        }
    }
}

static int tab_fix_enc(CjkMap *m) {
    for (const CjkFix *f = m->fixes; f && f->count; f++) {
        if (f->kind == CJK_FIX_DEC) continue;
        for (uint32_t i = 0; i < f->count; i++)
            if (tab_set_enc(m, f->ucs + i, f->code ? f->code + i : 0, 1) < 0) return -1;
    }
    return 0;
}

static int tab_invert(CjkMap *m) {
    int ntrail = tab_ntrail(m);
    for (unsigned lead = m->lead_lo; lead <= m->lead_hi; lead++)
        for (int t = 0; t < ntrail; t++) {
            uint32_t u = m->dec[(lead - m->lead_lo) * ntrail + t];
            if (u && u < CJK_PAIR_BASE && tab_set_enc(m, u, lead << 8 | (m->trail_lo + t), 0) < 0)
                return -1;
        }
    return 0;
}

int cjk_map_load(CjkMap *m) {
    if (m->loaded) return 0;
    size_t n = (size_t)(m->lead_hi - m->lead_lo + 1) * (size_t)tab_ntrail(m);
    if (!m->dec && !(m->dec = calloc(n, sizeof *m->dec))) { err_no_memory(); return -1; }
    iconv_t cd = tab_open(m->charset);
    if (cd == (iconv_t)-1) return -1;
    int r = tab_read(m, cd);
    iconv_close(cd);
    if (r == 0) {
        tab_fix_dec(m, CJK_FIX_BOTH);
        r = tab_invert(m);
        tab_fix_dec(m, CJK_FIX_DEC);
    }
    if (r == 0) r = tab_fix_enc(m);
    if (r < 0) { err_no_memory(); return -1; }
    m->loaded = 1;
    return 0;
}

uint32_t cjk_map_dec(const CjkMap *m, unsigned lead, unsigned trail) {
    const uint32_t *slot = tab_slot(m, lead << 8 | trail);
    return slot ? *slot : 0;
}

uint32_t cjk_map_enc(const CjkMap *m, uint32_t ucs) {
    if (ucs >= 0x110000 || !m->enc[PAGE(ucs)]) return 0;
    return m->enc[PAGE(ucs)][ucs & 0xFF];
}

uint32_t cjk_map_pair_code(const CjkMap *m, uint32_t u1, uint32_t u2) {
    for (int i = 0; i < m->npairs; i++)
        if (m->pairs[i].u1 == u1 && m->pairs[i].u2 == u2) return m->pairs[i].code;
    return 0;
}

int cjk_map_pair_first(const CjkMap *m, uint32_t u1) {
    for (int i = 0; i < m->npairs; i++)
        if (m->pairs[i].u1 == u1) return 1;
    return 0;
}

/* ---- GB18030's four-byte BMP codes ------------------------------------------------------ */

#define GB4_BMP 39420
static uint16_t *gb4_dec_tab;
static uint16_t *gb4_enc_tab;     /* code point -> index + 1, 0 none */

static int gb4_read(iconv_t cd) {
    for (uint32_t i = 0; i < GB4_BMP; i++) {
        uint8_t in[4] = {(uint8_t)(0x81 + i / 12600), (uint8_t)(0x30 + i / 1260 % 10),
                         (uint8_t)(0x81 + i / 10 % 126), (uint8_t)(0x30 + i % 10)};
        uint32_t u;
        if (tab_conv(cd, in, 4, &u, 1) == 1 && u < 0x10000 && u != 0xFFFD) gb4_dec_tab[i] = (uint16_t)u;
    }
    return 0;
}

int cjk_gb4_load(const CjkFix *fixes) {
    if (gb4_enc_tab) return 0;
    uint16_t *d = calloc(GB4_BMP, sizeof *d), *e = calloc(0x10000, sizeof *e);
    if (!d || !e) { free(d); free(e); err_no_memory(); return -1; }
    iconv_t cd = tab_open("GB18030");
    if (cd == (iconv_t)-1) { free(d); free(e); return -1; }
    gb4_dec_tab = d;
    gb4_read(cd);
    iconv_close(cd);
    for (const CjkFix *f = fixes; f && f->count; f++)
        for (uint32_t i = 0; i < f->count; i++)
            if (f->kind != CJK_FIX_ENC && f->code + i < GB4_BMP) d[f->code + i] = (uint16_t)(f->ucs ? f->ucs + i : 0);
    for (uint32_t i = 0; i < GB4_BMP; i++)
        if (d[i] && !e[d[i]]) e[d[i]] = (uint16_t)(i + 1);
    for (const CjkFix *f = fixes; f && f->count; f++)
        for (uint32_t i = 0; i < f->count; i++)
            if (f->kind != CJK_FIX_DEC && f->ucs + i < 0x10000)
                e[f->ucs + i] = (uint16_t)(f->code ? f->code + i + 1 : 0);
    gb4_enc_tab = e;
    return 0;
}

uint32_t cjk_gb4_dec(uint32_t index) { return index < GB4_BMP ? gb4_dec_tab[index] : 0; }

int64_t cjk_gb4_enc(uint32_t ucs) {
    if (ucs >= 0x10000 || !gb4_enc_tab[ucs]) return -1;
    return gb4_enc_tab[ucs] - 1;
}

/* ---- output helpers the codecs share ------------------------------------------------------ */

int cjk_put1(StrBuf *out, uint32_t b) {
    char c = (char)b;
    return sb_put(out, &c, 1) < 0 ? CJK_FAIL : 0;
}

int cjk_put2(StrBuf *out, uint32_t code) {
    char c[2] = {(char)(code >> 8), (char)code};
    return sb_put(out, c, 2) < 0 ? CJK_FAIL : 0;
}

int cjk_put_dec(StrBuf *out, const CjkMap *m, uint32_t v) {
    if (v >= CJK_PAIR_BASE) {
        const CjkPair *p = &m->pairs[v - CJK_PAIR_BASE];
        return sb_put_codepoint(out, p->u1) < 0 || sb_put_codepoint(out, p->u2) < 0 ? CJK_FAIL : 0;
    }
    return sb_put_codepoint(out, v) < 0 ? CJK_FAIL : 0;
}

int cjk_dbcs_dec(const CjkMap *m, const uint8_t *in, int64_t left, StrBuf *out, int64_t *used) {
    if (left < 2) return CJK_TOOFEW;
    uint32_t v = cjk_map_dec(m, in[0], in[1]);
    if (!v) return 1;
    *used = 2;
    return cjk_put_dec(out, m, v);
}

int cjk_ascii_dbcs_dec(const CjkMap *m, const uint8_t *in, int64_t left, StrBuf *out, int64_t *used) {
    *used = 1;
    if (in[0] < 0x80) return sb_put_codepoint(out, in[0]) < 0 ? CJK_FAIL : 0;
    return cjk_dbcs_dec(m, in, left, out, used);
}

int cjk_ascii_dbcs_enc(const CjkMap *m, const uint32_t *in, StrBuf *out, int64_t *used) {
    *used = 1;
    if (in[0] < 0x80) return cjk_put1(out, in[0]);
    uint32_t code = cjk_map_enc(m, in[0]);
    return code ? cjk_put2(out, code) : 1;
}
