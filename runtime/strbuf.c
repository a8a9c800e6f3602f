/* strbuf.c - a growable byte buffer for building strings in C.
 *
 * Design: the buffer starts in the 128-byte inline_buf inside the StrBuf
 * (no allocation for short results) and moves to malloc'd memory, doubling,
 * when it outgrows it.  The data is kept NUL-terminated at all times so
 * sb->data can be handed to C functions.  A StrBuf lives on the C stack and
 * must not be copied by value (data may point into its own inline_buf).
 * Allocation failure raises MemoryError and returns -1; the buffer is then
 * still valid (and must still be freed with sb_free or finished).  Padding
 * goes through sb_fill, which asks for the whole run at once: a width of
 * 2**40 is a MemoryError straight away, never a byte-by-byte crawl.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "strbuf.h"
#include "error.h"
#include "obj_str.h"
#include "obj_bytes.h"
#include "gc.h"

void sb_init(StrBuf *sb) {
    sb->data = sb->inline_buf;
    sb->len = 0;
    sb->cap = sizeof sb->inline_buf;
    sb->inline_buf[0] = '\0';
}

void sb_free(StrBuf *sb) {
    if (sb->data && sb->data != sb->inline_buf) free(sb->data);
    sb_init(sb);
}

/* Make room for `extra` more bytes plus the NUL. */
static int sb_reserve(StrBuf *sb, size_t extra) {
    size_t need = sb->len + extra + 1;
    if (need <= sb->cap) return 0;
    if (need < sb->len || need > (size_t)INT64_MAX) { err_no_memory(); return -1; }
    /* doubling amortizes appends; one request bigger than that is taken as
     * it is, so a huge one fails (MemoryError) at once */
    size_t ncap = sb->cap * 2 >= need ? sb->cap * 2 : need;
    char *p;
    if (sb->data == sb->inline_buf) {
        p = gc_sys_malloc(ncap);
        if (p) memcpy(p, sb->data, sb->len + 1);
    } else {
        p = gc_sys_realloc(sb->data, ncap);
    }
    if (!p) { err_no_memory(); return -1; }
    sb->data = p;
    sb->cap = ncap;
    return 0;
}

int sb_put(StrBuf *sb, const char *s, size_t n) {
    if (n == 0) return 0;
    if (sb_reserve(sb, n) < 0) return -1;
    memcpy(sb->data + sb->len, s, n);
    sb->len += n;
    sb->data[sb->len] = '\0';
    return 0;
}

int sb_puts(StrBuf *sb, const char *s) { return sb_put(sb, s, strlen(s)); }

int sb_fill(StrBuf *sb, const char *unit, size_t n, int64_t count) {
    if (count <= 0 || n == 0) return 0;
    if ((uint64_t)count > (SIZE_MAX / 2 - sb->len) / n) { err_no_memory(); return -1; }
    size_t total = (size_t)count * n;
    if (sb_reserve(sb, total) < 0) return -1;
    char *dst = sb->data + sb->len;
    if (n == 1) {
        memset(dst, unit[0], total);
    } else {
        memcpy(dst, unit, n);
        for (size_t done = n; done < total;) {     /* double the filled part */
            size_t k = done < total - done ? done : total - done;
            memcpy(dst + done, dst, k);
            done += k;
        }
    }
    sb->len += total;
    sb->data[sb->len] = '\0';
    return 0;
}

int sb_putc(StrBuf *sb, char c) {
    if (sb->len + 2 > sb->cap && sb_reserve(sb, 1) < 0) return -1;
    sb->data[sb->len++] = c;
    sb->data[sb->len] = '\0';
    return 0;
}

int sb_put_codepoint(StrBuf *sb, uint32_t cp) {
    char b[4];
    size_t n;
    if (cp < 0x80) { b[0] = (char)cp; n = 1; }
    else if (cp < 0x800) {
        b[0] = (char)(0xC0 | (cp >> 6));
        b[1] = (char)(0x80 | (cp & 0x3F)); n = 2;
    } else if (cp < 0x10000) {
        b[0] = (char)(0xE0 | (cp >> 12));
        b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[2] = (char)(0x80 | (cp & 0x3F)); n = 3;
    } else {
        b[0] = (char)(0xF0 | (cp >> 18));
        b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        b[3] = (char)(0x80 | (cp & 0x3F)); n = 4;
    }
    return sb_put(sb, b, n);
}

int sb_printf(StrBuf *sb, const char *fmt, ...) {
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(sb->data + sb->len, sb->cap - sb->len, fmt, ap);
    va_end(ap);
    if (n < 0) { va_end(ap2); return 0; }
    if ((size_t)n >= sb->cap - sb->len) {
        if (sb_reserve(sb, (size_t)n) < 0) { va_end(ap2); return -1; }
        vsnprintf(sb->data + sb->len, sb->cap - sb->len, fmt, ap2);
    }
    va_end(ap2);
    sb->len += (size_t)n;
    return 0;
}

int sb_put_value_str(StrBuf *sb, Value s) {
    return sb_put(sb, STR_DATA(s), (size_t)STR_LEN(s));
}

Value sb_finish_str(StrBuf *sb) {
    Value r = str_new(sb->data, sb->len);
    sb_free(sb);
    return r;
}

Value sb_finish_bytes(StrBuf *sb) {
    Value r = bytes_new(sb->data, sb->len);
    sb_free(sb);
    return r;
}
