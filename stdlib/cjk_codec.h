/* cjk_codec.h - what a CJK codec gives _multibytecodec (mod_multibytecodec.c).
 *
 * A codec works one unit at a time: `encode` takes the code points at in[0..left)
 * and `decode` the bytes, and either consume *used >= 1 of them, appending to
 * out (0), or ask for more input (CJK_TOOFEW: the unit is incomplete), or
 * refuse a unit of n >= 1 items (returns n: "illegal multibyte sequence" over
 * them).  The caller owns the loop, the error handlers and the incremental
 * state, so every codec gets CPython's error positions and pending-buffer
 * behaviour from one place.  The state is CPython's 8 bytes (getstate and
 * setstate expose them). */
#ifndef GILPY_CJK_CODEC_H
#define GILPY_CJK_CODEC_H
#include <stdint.h>
#include "runtime/strbuf.h"
#include "cjk_table.h"

#define CJK_TOOFEW (-1)
#define CJK_FAIL   (-2)   /* an exception is set (MemoryError) */
enum { CJK_FLUSH = 1, CJK_RESET = 2 };   /* encode flags: the input is final */

typedef struct { uint8_t c[8]; } CjkState;

typedef struct CjkCodec CjkCodec;
struct CjkCodec {
    const char *name;
    int (*init)(void);                                     /* tables: 0, or -1 raised */
    int (*encode)(CjkState *st, const uint32_t *in, int64_t left, int flags, StrBuf *out, int64_t *used);
    int (*encreset)(CjkState *st, StrBuf *out);            /* NULL: stateless */
    int (*decode)(CjkState *st, const uint8_t *in, int64_t left, StrBuf *out, int64_t *used);
    void (*encinit)(CjkState *st);                         /* NULL: zeroes */
    void (*decinit)(CjkState *st);
};

/* The codecs of one module (_codecs_jp...), ending with a NULL name. */
extern const CjkCodec cjk_codecs_jp[], cjk_codecs_cn[], cjk_codecs_kr[], cjk_codecs_tw[],
    cjk_codecs_hk[], cjk_codecs_iso2022[];

/* _multibytecodec.__create_codec's work for a module's getcodec(name). */
Value mbc_codec_for(const CjkCodec *list, Value name);

/* The sets the ISO 2022 codecs share with the others (cjk_jp.c, _cn.c, _kr.c), in
 * their EUC form, and the ten codes JIS X 0213:2004 added to plane 1. */
extern CjkMap cjk_jisx0208, cjk_jisx0212, cjk_jisx0213_1, cjk_jisx0213_2, cjk_gb2312, cjk_ksx1001;
int cjk_x0213_2004_only(uint32_t euc);

/* Helpers the codecs share. */
/* Each returns 0, or CJK_FAIL with MemoryError set. */
int cjk_put1(StrBuf *out, uint32_t b);                       /* one byte */
int cjk_put2(StrBuf *out, uint32_t code);                    /* code >> 8, code & 0xFF */
int cjk_put_dec(StrBuf *out, const CjkMap *m, uint32_t v);   /* a decoded value, pairs too */
/* A double-byte code of m at in[0..left): CJK_TOOFEW below 2 bytes, 1 when unmapped. */
int cjk_dbcs_dec(const CjkMap *m, const uint8_t *in, int64_t left, StrBuf *out, int64_t *used);
/* The codecs that are ASCII plus the double-byte codes of m, every byte >= 0x80 a lead. */
int cjk_ascii_dbcs_dec(const CjkMap *m, const uint8_t *in, int64_t left, StrBuf *out, int64_t *used);
int cjk_ascii_dbcs_enc(const CjkMap *m, const uint32_t *in, StrBuf *out, int64_t *used);
#endif
