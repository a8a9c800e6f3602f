/* codecs.h - what the codec files of `_codecs` share (stdlib/mod_codecs.c
 * keeps the registry and the error-handler protocol; codecs_utf7.c is one
 * codec on it). */
#ifndef GILPY_CODECS_H
#define GILPY_CODECS_H

#include <stdint.h>
#include "runtime/object.h"
#include "runtime/strbuf.h"

/* A decoder's error at [start, end) of input: raised for "strict", else the
 * handler's replacement str goes into sb.  The position to go on from, or -1
 * with the exception set. */
int64_t codecs_dec_error(StrBuf *sb, const char *enc, const char *errors, Value input,
                         int64_t start, int64_t end, const char *reason);

Value codecs_utf7_encode(Value s);
/* UTF-7 of d[0..n) (input: the bytes object, for errors); *consumed: what a
 * non-final call used up (the rest waits for more input). */
Value codecs_utf7_decode(Value input, const uint8_t *d, int64_t n, const char *errors, int final,
                         int64_t *consumed);

#endif
