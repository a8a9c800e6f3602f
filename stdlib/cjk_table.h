/* cjk_table.h - the character sets under the CJK codecs: tables read from
 * glibc's iconv at first use and corrected to CPython 3.11's mappings
 * (cjk_table.c explains the choice). */
#ifndef GILPY_CJK_TABLE_H
#define GILPY_CJK_TABLE_H
#include <stdint.h>

/* A correction: code+i <-> ucs+i for i < count.  CJK_FIX_DEC sets (ucs 0:
 * removes) decoding only, CJK_FIX_ENC sets (code 0: removes) encoding only,
 * CJK_FIX_BOTH both ways. */
enum { CJK_FIX_BOTH, CJK_FIX_DEC, CJK_FIX_ENC };
typedef struct { uint32_t code, ucs; uint16_t count; uint8_t kind; } CjkFix;

/* A decoded value past CJK_PAIR_BASE is a pair of code points: pairs[v - base]. */
#define CJK_PAIR_BASE 0x200000u
typedef struct { uint32_t u1, u2, code; } CjkPair;

/* A double-byte set: codes lead<<8|trail for leads and trails in the ranges,
 * each read through iconv as [prefix] lead trail. */
typedef struct CjkMap {
    const char *charset;         /* glibc's name */
    uint8_t prefix;              /* a byte before every code (EUC's SS3), 0: none */
    uint8_t lead_lo, lead_hi, trail_lo, trail_hi;
    const CjkFix *fixes;         /* ends with count 0 */
    /* filled by cjk_map_load */
    int loaded;
    uint32_t *dec;
    uint32_t *enc[0x1100];       /* pages of 256 code points -> code, 0 none */
    CjkPair *pairs;
    int npairs;
} CjkMap;

int cjk_map_load(CjkMap *m);                        /* 0, or -1 raised */
uint32_t cjk_map_dec(const CjkMap *m, unsigned lead, unsigned trail);  /* 0: none */
uint32_t cjk_map_enc(const CjkMap *m, uint32_t ucs);                    /* 0: none */
/* The code of the pair (u1, u2), 0 when none; whether u1 begins a pair. */
uint32_t cjk_map_pair_code(const CjkMap *m, uint32_t u1, uint32_t u2);
int cjk_map_pair_first(const CjkMap *m, uint32_t u1);

/* GB18030's four-byte codes of the BMP: index (b1-0x81)*12600+(b2-0x30)*1260+
 * (b3-0x81)*10+(b4-0x30) below 39420 <-> code point. */
int cjk_gb4_load(const CjkFix *fixes);
uint32_t cjk_gb4_dec(uint32_t index);               /* 0: none */
int64_t cjk_gb4_enc(uint32_t ucs);                   /* the index, -1: none */

#endif
