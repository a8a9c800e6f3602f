/* strbuf.h - a growable byte buffer for building strings in C. */
#ifndef GILPY_STRBUF_H
#define GILPY_STRBUF_H

#include <stdarg.h>
#include <stddef.h>
#include "value.h"

typedef struct StrBuf {
    char  *data;        /* malloc'd, always NUL-terminated once non-empty */
    size_t len, cap;
    char   inline_buf[128];
} StrBuf;

void  sb_init(StrBuf *sb);
void  sb_free(StrBuf *sb);
int   sb_put(StrBuf *sb, const char *s, size_t n);     /* 0 ok, -1 MemoryError */
int   sb_puts(StrBuf *sb, const char *s);
int   sb_putc(StrBuf *sb, char c);
/* count copies of the n-byte unit (a fill char, maybe UTF-8), room asked once */
int   sb_fill(StrBuf *sb, const char *unit, size_t n, int64_t count);
int   sb_put_codepoint(StrBuf *sb, uint32_t cp);       /* as UTF-8 */
int   sb_printf(StrBuf *sb, const char *fmt, ...);      /* plain C printf */
int   sb_put_value_str(StrBuf *sb, Value s);            /* append a str Value */
/* The contents as a new str (frees the buffer); VAL_NULL on error. */
Value sb_finish_str(StrBuf *sb);
Value sb_finish_bytes(StrBuf *sb);

#endif
