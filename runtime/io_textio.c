/* io_textio.c - _io.TextIOWrapper: text over a buffered binary stream.
 *
 * Writing.  A write encodes the text (UTF-8 straight from the str's own
 * bytes; ascii/latin-1 through runtime/obj_str.c's codecs; anything else
 * through the codec registry's incremental encoder), translates '\n' to the
 * newline asked for, and hands the bytes at once to the buffer: into a C
 * Buffered's output buffer directly (print() to sys.stdout never leaves C),
 * to a C FileIO with write(2), else through buffer.write().  So the text
 * layer never holds output of its own, and flushing the buffers (exit,
 * fork, the buffer's finalizer) is enough.
 *
 * Reading.  A chunk of bytes (buffer.read1(_CHUNK_SIZE)) is decoded and its
 * newlines translated into `dbuf`, UTF-8 text the reads take from.  An
 * incomplete UTF-8 sequence or a '\r' at the end of a chunk (which may be
 * half of "\r\n") is held back and decoded with the next chunk, as
 * CPython's IncrementalNewlineDecoder does.  readline() joins chunks.
 *
 * tell() and seek().  Cookies are CPython's: a byte position, plus, where
 * the decoder held something there, its flags (the pending '\r' in bit 0
 * when newlines are universal), the bytes to feed and the characters to
 * skip.  Each chunk keeps a snapshot (the flags before it, the held-back
 * bytes and the chunk); tell() runs CPython's search over it, with the
 * decoder's state expressed as CPython's (held bytes, flags) whether the
 * decoder is gilpy's own UTF-8/ascii/latin-1 or the registry's, and puts
 * the state back after.  A plain position is the common case.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "io.h"
#include "call.h"
#include "error.h"
#include "gc.h"
#include "obj_bytes.h"
#include "obj_dict.h"
#include "obj_exc.h"
#include "obj_int.h"
#include "obj_list.h"
#include "obj_memoryview.h"
#include "obj_str.h"
#include "obj_type.h"
#include "state.h"
#include "strbuf.h"
#include "ops.h"

enum { TC_UTF8, TC_ASCII, TC_LATIN1, TC_OTHER };
enum { NL_SEEN_LF = 1, NL_SEEN_CR = 2, NL_SEEN_CRLF = 4 };

struct TextIO {
    IOBase  base;
    Value   buffer;
    Value   encoding, errors;       /* str */
    Value   decoder, encoder;       /* TC_OTHER: incremental codec objects; else VAL_NONE */
    Value   readnl;                 /* None or the newline str */
    Value   snap;                   /* bytes dbuf was decoded from, or VAL_NONE */
    int64_t snap_flags;             /* the decoder's flags before them (the cookie's dec_flags) */
    double  b2c;                    /* bytes per character of the last chunk (tell's first guess) */
    Value   mode;                   /* the `mode` attribute open() sets (VAL_NULL: none) */
    uint8_t ok, detached, codec, readable, writable;
    uint8_t readuniversal, readtranslate, line_buffering, write_through, seekable, telling;
    uint8_t has_read1, pendingcr, seen, strict, eof;
    const char *writenl;            /* NULL: '\n' written as is */
    char   *dbuf;                   /* decoded text of the current chunk [0, dlen), read up to dpos */
    size_t  dpos, dlen, dcap;
    char    undec[4];               /* an incomplete UTF-8 sequence held back */
    int     nundec;
    int64_t chunk_size;
};

#define SELF ((TextIO *)AS_OBJ(args[0]))

int textio_is(Value v) { return IS_EXACT(v, type_textiowrapper); }

int io_encoding_is_utf8(const char *e)
{
    char norm[16];
    size_t j = 0;
    for (size_t i = 0; e[i] && j < sizeof norm - 1; i++) {
        char c = e[i];
        if (c == '-' || c == '_') continue;
        norm[j++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    norm[j] = 0;
    return strcmp(norm, "utf8") == 0;
}

/* ---- checks -------------------------------------------------------------------------- */

static int text_check_attached(TextIO *t)
{
    if (t->detached) { err_format(&exc_ValueError, "underlying buffer has been detached"); return -1; }
    if (!t->ok) { err_format(&exc_ValueError, "I/O operation on uninitialized object"); return -1; }
    return 0;
}

/* The buffer's closed state, without Python code for the C layers. */
static int text_buffer_closed(TextIO *t)
{
    Value b = t->buffer;
    if (IS_CBUFFERED(b)) {
        Buffered *bb = (Buffered *)AS_OBJ(b);
        if (bb->ok && !bb->detached && IS_FILEIO(bb->raw)) return ((FileIO *)AS_OBJ(bb->raw))->fd < 0;
    } else if (IS_FILEIO(b)) {
        return ((FileIO *)AS_OBJ(b))->fd < 0;
    }
    return io_is_closed(b);
}

static int text_check_open(TextIO *t)
{
    if (text_check_attached(t) < 0) return -1;
    int c = text_buffer_closed(t);
    if (c < 0) return -1;
    if (c) { io_closed_error(); return -1; }
    return 0;
}

/* ---- the decoded-text buffer ------------------------------------------------------------- */

static void text_clear_decoded(TextIO *t)
{
    t->dpos = t->dlen = 0;
    t->snap = VAL_NONE;
}

static int text_dbuf_put(TextIO *t, const char *s, size_t n)
{
    if (n == 0) return 0;
    if (t->dlen + n > t->dcap) {
        size_t cap = t->dcap ? t->dcap : 8192;
        while (cap < t->dlen + n) cap *= 2;
        char *nb = gc_sys_realloc(t->dbuf, cap);
        if (!nb) { err_no_memory(); return -1; }
        t->dbuf = nb;
        t->dcap = cap;
    }
    memcpy(t->dbuf + t->dlen, s, n);
    t->dlen += n;
    return 0;
}

/* Append decoded text, translating newlines when universal: a '\r' at the
 * end is held back (pendingcr) unless final. */
static int text_put_translated(TextIO *t, const char *s, size_t n, int final)
{
    if (t->pendingcr && (n > 0 || final)) {
        t->pendingcr = 0;
        if (n > 0 && s[0] == '\n') {
            t->seen |= NL_SEEN_CRLF;
            if (text_dbuf_put(t, t->readtranslate ? "\n" : "\r\n", t->readtranslate ? 1 : 2) < 0) return -1;
            s++, n--;
        } else {
            t->seen |= NL_SEEN_CR;
            if (text_dbuf_put(t, t->readtranslate ? "\n" : "\r", 1) < 0) return -1;
        }
    }
    if (!t->readuniversal) return text_dbuf_put(t, s, n);
    if (n > 0 && s[n - 1] == '\r' && !final) {
        t->pendingcr = 1;
        n--;
    }
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n') { t->seen |= NL_SEEN_LF; continue; }
        if (s[i] != '\r') continue;
        int crlf = i + 1 < n && s[i + 1] == '\n';
        t->seen |= crlf ? NL_SEEN_CRLF : NL_SEEN_CR;
        if (!t->readtranslate) { i += (size_t)crlf; continue; }
        if (text_dbuf_put(t, s + start, i - start) < 0 || text_dbuf_put(t, "\n", 1) < 0) return -1;
        i += (size_t)crlf;
        start = i + 1;
    }
    return text_dbuf_put(t, s + start, n - start);
}

/* Length of the complete UTF-8 prefix of data (an incomplete last sequence excluded). */
static size_t text_utf8_complete(const unsigned char *d, size_t n)
{
    size_t i = n, back = 0;
    while (i > 0 && back < 3 && (d[i - 1] & 0xC0) == 0x80) i--, back++;
    if (i == 0) return n;
    unsigned char c = d[i - 1];
    size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (c >= 0xF8) need = 1;
    return (need > back + 1) ? i - 1 : n;
}

/* Decode bytes (held-back bytes first) to a str, newlines untouched.  final: at EOF. */
static Value text_decode_str(TextIO *t, const uint8_t *data, size_t n, int final)
{
    const char *errs = STR_DATA(t->errors);
    if (t->codec == TC_OTHER) {
        Value b = bytes_new(data, n);
        if (IS_NULL(b)) return VAL_NULL;
        Value a[2] = {b, MK_BOOL(final)};
        Value s = obj_call_method(t->decoder, "decode", a, 2);
        if (!IS_NULL(s) && !IS_STR(s))
            return err_format(&exc_TypeError, "decoder should return a string result, not '%T'", s);
        return s;
    }
    if (t->codec != TC_UTF8) return str_decode(data, n, t->codec == TC_ASCII ? "ascii" : "latin-1", errs);
    StrBuf sb;
    sb_init(&sb);
    const char *p = (const char *)data;
    size_t len = n;
    if (t->nundec) {                 /* the held-back sequence goes first */
        sb_put(&sb, t->undec, (size_t)t->nundec);
        sb_put(&sb, (const char *)data, n);
        p = sb.data;
        len = sb.len;
    }
    size_t ok = final ? len : text_utf8_complete((const unsigned char *)p, len);
    t->nundec = (int)(len - ok);
    if (t->nundec) memcpy(t->undec, p + ok, (size_t)t->nundec);
    Value s = t->strict ? str_new_checked(ok ? p : "", ok) : str_decode((const uint8_t *)(ok ? p : ""), ok, "utf-8", errs);
    sb_free(&sb);
    return s;
}

/* Decode bytes into dbuf, newlines translated. */
static int text_decode(TextIO *t, const uint8_t *data, size_t n, int final)
{
    Value s = text_decode_str(t, data, n, final);
    if (IS_NULL(s)) return -1;
    return text_put_translated(t, STR_DATA(s), (size_t)STR_LEN(s), final);
}

/* ---- the decoder's state, as CPython's cookies describe it ------------------------------------
 * (bytes held, flags): the flags are the codec decoder's, shifted left by one
 * with the pending '\r' in bit 0 when newlines are universal (CPython's
 * IncrementalNewlineDecoder.getstate). */

static int text_dec_getstate(TextIO *t, Value *held, int64_t *flags)
{
    int64_t f = 0;
    if (t->codec == TC_OTHER) {
        Value st = obj_call_method(t->decoder, "getstate", NULL, 0);
        if (IS_NULL(st)) return -1;
        if (!IS_TUPLE(st) || AS_TUPLE(st)->len != 2 || !IS_BYTES(AS_TUPLE(st)->items[0])) {
            err_format(&exc_TypeError, "illegal decoder state");
            return -1;
        }
        *held = AS_TUPLE(st)->items[0];
        if (arg_to_ssize(AS_TUPLE(st)->items[1], &f) < 0) return -1;
    } else {
        *held = bytes_new(t->undec, (size_t)t->nundec);
        if (IS_NULL(*held)) return -1;
    }
    *flags = t->readuniversal ? (f << 1) | t->pendingcr : f;
    return 0;
}

/* State (b'', flags). */
static int text_dec_setstate(TextIO *t, int64_t flags)
{
    t->nundec = 0;
    if (t->readuniversal) {
        t->pendingcr = (uint8_t)(flags & 1);
        flags >>= 1;
    }
    if (t->codec != TC_OTHER) return 0;
    Value st = tuple_pack(2, bytes_new("", 0), int_from_i64(flags));
    return IS_NULL(st) || IS_NULL(obj_call_method(t->decoder, "setstate", &st, 1)) ? -1 : 0;
}

/* Decode bytes as a read would and count the characters it would give
 * (dbuf untouched); -1 on error. */
static int64_t text_dec_count(TextIO *t, const uint8_t *p, size_t n, int final)
{
    Value s = text_decode_str(t, p, n, final);
    if (IS_NULL(s)) return -1;
    const char *d = STR_DATA(s);
    size_t len = (size_t)STR_LEN(s);
    int64_t count = AS_STR(s)->nchars;
    if (!t->readuniversal) return count;
    int lead_cr = 0;
    if (t->pendingcr && (final || len > 0)) {
        lead_cr = 1;
        count++;
        t->pendingcr = 0;
    }
    if (!final && len > 0 && d[len - 1] == '\r') {
        count--;
        t->pendingcr = 1;
        len--;
    }
    if (t->readtranslate) {
        if (lead_cr && len > 0 && d[0] == '\n') count--;
        for (size_t i = 0; i + 1 < len; i++) if (d[i] == '\r' && d[i + 1] == '\n') count--;
    }
    return count;
}

/* Read and decode one chunk: 1 got bytes, 0 EOF, -1 error.  dbuf is
 * replaced by the chunk's text (what was not consumed is dropped: callers
 * take everything first). */
static int text_read_chunk(TextIO *t)
{
    Value b;
    if (IS_CBUFFERED(t->buffer) && (((Buffered *)AS_OBJ(t->buffer))->kind & BUFK_READ)) {
        b = buffered_read1_c((Buffered *)AS_OBJ(t->buffer), t->chunk_size);
    } else {
        Value n = int_from_i64(t->chunk_size);
        b = obj_call_method(t->buffer, t->has_read1 ? "read1" : "read", &n, 1);
        if (!IS_NULL(b) && !IS_NONE(b) && !IS_BYTES(b)) {
            if (buffer_check(b)) b = obj_bytes(b);
            else
                return err_format(&exc_TypeError, "underlying %s() should have returned a bytes-like object, not '%T'",
                                  t->has_read1 ? "read1" : "read", b), -1;
        }
    }
    if (IS_NULL(b)) return -1;
    if (IS_NONE(b)) b = bytes_new("", 0);
    Bytes *bb = AS_BYTES(b);
    int eof = bb->len == 0;
    /* The snapshot: the decoder's flags and held-back bytes, then the chunk. */
    Value snap = VAL_NONE;
    int64_t flags = 0;
    if (t->telling) {
        Value held;
        if (text_dec_getstate(t, &held, &flags) < 0) return -1;
        snap = AS_BYTES(held)->len ? obj_binop(held, b, OP_ADD) : b;
        if (IS_NULL(snap)) return -1;
    }
    t->dpos = t->dlen = 0;
    if (text_decode(t, bb->data, (size_t)bb->len, eof) < 0) return -1;
    t->snap = snap;
    t->snap_flags = flags;
    int64_t nchars = 0;
    for (size_t i = 0; i < t->dlen; i++) if (((unsigned char)t->dbuf[i] & 0xC0) != 0x80) nchars++;
    t->b2c = nchars ? (double)bb->len / (double)nchars : 0.0;
    t->eof = (uint8_t)eof;
    return !eof;
}

static size_t text_avail(TextIO *t) { return t->dlen - t->dpos; }

/* ---- reading ------------------------------------------------------------------------- */

static int text_check_readable(TextIO *t)
{
    if (text_check_open(t) < 0) return -1;
    if (!t->readable) { io_unsupported("not readable"); return -1; }
    return 0;
}

static int text_flush_buffer_writes(TextIO *t)
{
    if (IS_CBUFFERED(t->buffer)) {
        Buffered *b = (Buffered *)AS_OBJ(t->buffer);
        return b->wlen ? buffered_flush_c(b) : 0;
    }
    return 0;
}

static Value text_read_all(TextIO *t)
{
    Value head = str_new(t->dbuf ? t->dbuf + t->dpos : "", text_avail(t));
    if (IS_NULL(head)) return VAL_NULL;
    t->dpos = t->dlen = 0;
    Value rest;
    if (IS_CBUFFERED(t->buffer) && (((Buffered *)AS_OBJ(t->buffer))->kind & BUFK_READ)) {
        Value a = MK_SMALLINT(-1);
        rest = obj_call_method(t->buffer, "read", &a, 1);
    } else {
        rest = obj_call_method(t->buffer, "read", NULL, 0);
    }
    if (IS_NULL(rest)) return VAL_NULL;
    if (IS_NONE(rest)) rest = bytes_new("", 0);
    if (!IS_BYTES(rest))
        return err_format(&exc_TypeError, "underlying read() should have returned a bytes object, not '%T'", rest);
    int pending = t->pendingcr;
    Value s = text_decode_str(t, AS_BYTES(rest)->data, (size_t)AS_BYTES(rest)->len, 1);
    if (IS_NULL(s)) return VAL_NULL;
    if (t->readuniversal && (pending || memchr(STR_DATA(s), '\r', (size_t)STR_LEN(s)))) {
        if (text_put_translated(t, STR_DATA(s), (size_t)STR_LEN(s), 1) < 0) return VAL_NULL;
        s = str_new(t->dbuf ? t->dbuf : "", t->dlen);
        if (IS_NULL(s)) return VAL_NULL;
    } else if (t->readuniversal && memchr(STR_DATA(s), '\n', (size_t)STR_LEN(s))) {
        t->seen |= NL_SEEN_LF;
    }
    text_clear_decoded(t);
    return STR_LEN(head) ? str_concat(head, s) : s;
}

/* Bytes of the first n characters of UTF-8 p[0, len) (all when fewer). */
static size_t text_char_bytes(const char *p, size_t len, int64_t n)
{
    size_t i = 0;
    while (i < len && n > 0) {
        i++;
        while (i < len && ((unsigned char)p[i] & 0xC0) == 0x80) i++;
        n--;
    }
    return i;
}

static Value text_read_n(TextIO *t, int64_t n)
{
    StrBuf sb;
    sb_init(&sb);
    while (n > 0) {
        if (text_avail(t) == 0) {
            int r = text_read_chunk(t);
            if (r < 0) { sb_free(&sb); return VAL_NULL; }
            if (r == 0 && text_avail(t) == 0) break;
        }
        const char *p = t->dbuf + t->dpos;
        size_t k = text_char_bytes(p, text_avail(t), n);
        for (size_t i = 0; i < k; i++) if (((unsigned char)p[i] & 0xC0) != 0x80) n--;
        sb_put(&sb, p, k);
        t->dpos += k;
    }
    Value s = str_new(sb.data ? sb.data : "", sb.len);
    sb_free(&sb);
    return s;
}

static Value textio_read_m(Value *args, int nargs, Value kwnames)
{
    TextIO *t = SELF;
    int64_t n;
    if (text_check_attached(t) < 0 || arg_to_optional_ssize(args[1], &n) < 0) return VAL_NULL;
    if (text_check_readable(t) < 0) return VAL_NULL;
    if (text_flush_buffer_writes(t) < 0) return VAL_NULL;
    return n < 0 ? text_read_all(t) : text_read_n(t, n);
}

/* Where the line in p[0, n) ends (the index after its terminator), or 0 if
 * none; *cr_tail: it ends in a '\r' that may start "\r\n" (readnl "\r\n"). */
static size_t text_find_eol(TextIO *t, const char *p, size_t n)
{
    if (t->readuniversal && !t->readtranslate) {
        for (size_t i = 0; i < n; i++) {
            if (p[i] == '\n') return i + 1;
            if (p[i] == '\r') return (i + 1 < n && p[i + 1] == '\n') ? i + 2 : i + 1;
        }
        return 0;
    }
    if (t->readtranslate || STR_DATA(t->readnl)[0] == '\n') {
        const char *nl = memchr(p, '\n', n);
        return nl ? (size_t)(nl - p) + 1 : 0;
    }
    const char *nl = STR_DATA(t->readnl);
    if (nl[1] == 0) {
        const char *c = memchr(p, nl[0], n);
        return c ? (size_t)(c - p) + 1 : 0;
    }
    for (size_t i = 0; i + 1 < n; i++)
        if (p[i] == '\r' && p[i + 1] == '\n') return i + 2;
    return 0;
}

static Value textio_readline_limit(TextIO *t, int64_t limit)
{
    if (limit < 0 && text_avail(t) > 0) {      /* the common case: a whole line in dbuf */
        const char *p = t->dbuf + t->dpos;
        size_t end = text_find_eol(t, p, text_avail(t));
        if (end) {
            t->dpos += end;
            return str_new(p, end);
        }
    }
    StrBuf sb;
    sb_init(&sb);
    int crlf_mode = !t->readtranslate && !IS_NONE(t->readnl) && !strcmp(STR_DATA(t->readnl), "\r\n");
    for (;;) {
        if (text_avail(t) == 0) {
            int r = text_read_chunk(t);
            if (r < 0) { sb_free(&sb); return VAL_NULL; }
            if (r == 0 && text_avail(t) == 0) break;
            if (text_avail(t) == 0) continue;
        }
        const char *p = t->dbuf + t->dpos;
        size_t avail = text_avail(t);
        if (crlf_mode && sb.len && sb.data[sb.len - 1] == '\r' && p[0] == '\n') {
            sb_putc(&sb, '\n');
            t->dpos++;
            break;
        }
        size_t end = text_find_eol(t, p, avail);
        size_t take = end ? end : avail;
        if (limit >= 0) {
            size_t have = 0;
            for (size_t i = 0; i < sb.len; i++) if (((unsigned char)sb.data[i] & 0xC0) != 0x80) have++;
            size_t k = text_char_bytes(p, take, limit - (int64_t)have);
            if (k < take) { take = k; end = 1; }
        }
        sb_put(&sb, p, take);
        t->dpos += take;
        if (end) break;
        if (limit >= 0) {
            size_t have = 0;
            for (size_t i = 0; i < sb.len; i++) if (((unsigned char)sb.data[i] & 0xC0) != 0x80) have++;
            if ((int64_t)have >= limit) break;
        }
    }
    Value s = str_new(sb.data ? sb.data : "", sb.len);
    sb_free(&sb);
    return s;
}

Value textio_readline_c(Value self)
{
    TextIO *t = (TextIO *)AS_OBJ(self);
    if (text_check_readable(t) < 0) return VAL_NULL;
    if (text_flush_buffer_writes(t) < 0) return VAL_NULL;
    return textio_readline_limit(t, -1);
}

static Value textio_readline_m(Value *args, int nargs, Value kwnames)
{
    TextIO *t = SELF;
    int64_t limit = -1;
    if (text_check_attached(t) < 0) return VAL_NULL;
    if (!IS_NULL(args[1]) && arg_to_ssize(args[1], &limit) < 0) return VAL_NULL;
    if (text_check_readable(t) < 0) return VAL_NULL;
    if (text_flush_buffer_writes(t) < 0) return VAL_NULL;
    return textio_readline_limit(t, limit);
}

static Value textio_next_m(Value *args, int nargs, Value kwnames)
{
    TextIO *t = SELF;
    t->telling = 0;
    Value line;
    if (AS_OBJ(args[0])->type == &type_textiowrapper) {
        if (text_check_readable(t) < 0) return VAL_NULL;
        if (text_flush_buffer_writes(t) < 0) return VAL_NULL;
        line = textio_readline_limit(t, -1);
    } else {
        line = obj_call_method(args[0], "readline", NULL, 0);
        if (!IS_NULL(line) && !IS_STR(line))
            return err_format(&exc_OSError, "readline() should have returned a str object, not '%T'", line);
    }
    if (IS_NULL(line)) return VAL_NULL;
    if (STR_LEN(line) == 0) {
        text_clear_decoded(t);
        t->telling = t->seekable;
        return VAL_NULL;
    }
    return line;
}

/* ---- writing ------------------------------------------------------------------------- */

/* Hand encoded bytes to the buffer. */
static int text_put_bytes(TextIO *t, const char *data, size_t n, Value keep)
{
    Value b = t->buffer;
    if (IS_CBUFFERED(b) && (((Buffered *)AS_OBJ(b))->kind & BUFK_WRITE)) {
        Buffered *bb = (Buffered *)AS_OBJ(b);
        if (!bb->ok || bb->detached) return text_check_attached(t);
        return buffered_write_c(bb, data, n);
    }
    if (IS_FILEIO(b) && ((FileIO *)AS_OBJ(b))->writable) {
        /* data is a str's or a bytes' own memory: immutable, and kept alive
           by this frame while the GIL is released */
        size_t done = 0;
        while (done < n) {
            ssize_t w = io_sys_write(((FileIO *)AS_OBJ(b))->fd, data + done, n - done, 1);
            if (w < 0) {
                if (w == -1) err_from_errno(&exc_OSError, VAL_NULL);
                return -1;
            }
            done += (size_t)w;
        }
        return 0;
    }
    Value bytes = IS_BYTES(keep) && (size_t)AS_BYTES(keep)->len == n ? keep : bytes_new(data, n);
    if (IS_NULL(bytes)) return -1;
    return IS_NULL(obj_call_method(b, "write", &bytes, 1)) ? -1 : 0;
}

static int text_flush_buffer(TextIO *t)
{
    Value b = t->buffer;
    if (IS_CBUFFERED(b)) return buffered_flush_c((Buffered *)AS_OBJ(b));
    if (IS_FILEIO(b)) return 0;
    return IS_NULL(obj_call_method(b, "flush", NULL, 0)) ? -1 : 0;
}

int textio_write_str(Value self, Value s)
{
    TextIO *t = (TextIO *)AS_OBJ(self);
    if (text_check_open(t) < 0) return -1;
    if (!t->writable) { io_unsupported("not writable"); return -1; }
    const char *data = STR_DATA(s);
    size_t n = (size_t)STR_LEN(s);
    int has_lf = memchr(data, '\n', n) != NULL;
    int needflush = t->line_buffering && (has_lf || memchr(data, '\r', n) != NULL);
    if (has_lf && t->writenl) {
        StrBuf sb;
        sb_init(&sb);
        size_t nl = strlen(t->writenl);
        for (size_t i = 0; i < n; i++) {
            if (data[i] == '\n') sb_put(&sb, t->writenl, nl);
            else sb_putc(&sb, data[i]);
        }
        s = str_new(sb.data, sb.len);
        sb_free(&sb);
        if (IS_NULL(s)) return -1;
        data = STR_DATA(s);
        n = (size_t)STR_LEN(s);
    }
    Value enc = VAL_NULL;
    if (t->codec == TC_OTHER) {
        enc = obj_call_method(t->encoder, "encode", &s, 1);
        if (IS_NULL(enc)) return -1;
        if (!IS_BYTES(enc))
            return err_format(&exc_TypeError, "encoder should return a bytes object, not '%T'", enc), -1;
    } else if (t->codec != TC_UTF8 || str_has_surrogates(s)) {
        /* lone surrogates are kept in a str as ED xx xx: the codec and the
           stream's errors decide what they become */
        static const char *const names[] = {"utf-8", "ascii", "latin-1"};
        enc = str_encode(s, names[t->codec], STR_DATA(t->errors));
        if (IS_NULL(enc)) return -1;
    }
    if (!IS_NULL(enc)) {
        data = (const char *)AS_BYTES(enc)->data;
        n = (size_t)AS_BYTES(enc)->len;
    }
    if (t->dlen || !IS_NONE(t->snap)) {
        text_clear_decoded(t);
        if (t->codec == TC_OTHER && IS_NULL(obj_call_method(t->decoder, "reset", NULL, 0))) return -1;
        t->pendingcr = 0;
        t->nundec = 0;
    }
    if (text_put_bytes(t, data, n, enc) < 0) return -1;
    if (needflush && text_flush_buffer(t) < 0) return -1;
    return 0;
}

static Value textio_write_m(Value *args, int nargs, Value kwnames)
{
    TextIO *t = SELF;
    if (!IS_STR(args[1])) return err_format(&exc_TypeError, "write() argument must be str, not %N", args[1]);
    if (text_check_attached(t) < 0) return VAL_NULL;
    if (textio_write_str(args[0], args[1]) < 0) return VAL_NULL;
    return int_from_i64(AS_STR(args[1])->nchars);
}

int textio_flush_c(Value self)
{
    TextIO *t = (TextIO *)AS_OBJ(self);
    if (text_check_open(t) < 0) return -1;
    t->telling = t->seekable;
    return text_flush_buffer(t);
}

static Value textio_flush_m(Value *args, int nargs, Value kwnames)
{
    TextIO *t = SELF;
    if (text_check_open(t) < 0) return VAL_NULL;
    t->telling = t->seekable;
    if (IS_CBUFFERED(t->buffer) || IS_FILEIO(t->buffer)) return text_flush_buffer(t) < 0 ? VAL_NULL : VAL_NONE;
    return obj_call_method(t->buffer, "flush", NULL, 0);
}

/* ---- closing and delegation ---------------------------------------------------------------- */

static Value textio_close_m(Value *args, int nargs, Value kwnames)
{
    TextIO *t = SELF;
    if (text_check_attached(t) < 0) return VAL_NULL;
    int c = text_buffer_closed(t);
    if (c < 0) return VAL_NULL;
    if (c) return VAL_NONE;
    Value r = obj_call_method(args[0], "flush", NULL, 0);
    Value exc = IS_NULL(r) ? err_fetch() : VAL_NULL;
    text_clear_decoded(t);
    free(t->dbuf);
    t->dbuf = NULL;
    t->dcap = 0;
    return io_close_result(exc, obj_call_method(t->buffer, "close", NULL, 0));
}

static Value text_delegate(Value *args, const char *method)
{
    if (text_check_attached(SELF) < 0) return VAL_NULL;
    return obj_call_method(SELF->buffer, method, NULL, 0);
}

static Value textio_fileno_m(Value *args, int nargs, Value kwnames) { return text_delegate(args, "fileno"); }
static Value textio_isatty_m(Value *args, int nargs, Value kwnames) { return text_delegate(args, "isatty"); }
static Value textio_readable_m(Value *args, int nargs, Value kwnames) { return text_delegate(args, "readable"); }
static Value textio_writable_m(Value *args, int nargs, Value kwnames) { return text_delegate(args, "writable"); }

static Value textio_seekable_m(Value *args, int nargs, Value kwnames)
{
    if (text_check_attached(SELF) < 0) return VAL_NULL;
    return obj_call_method(SELF->buffer, "seekable", NULL, 0);
}

static Value textio_detach_m(Value *args, int nargs, Value kwnames)
{
    TextIO *t = SELF;
    if (text_check_attached(t) < 0) return VAL_NULL;
    if (IS_NULL(obj_call_method(args[0], "flush", NULL, 0))) return VAL_NULL;
    Value b = t->buffer;
    t->buffer = VAL_NONE;
    t->detached = 1;
    return b;
}

/* ---- positioning ---------------------------------------------------------------------- */

/* CPython's cookie: start_pos | dec_flags << 64 | bytes_to_feed << 96 |
 * chars_to_skip << 128 | need_eof << 160 (a plain position when the decoder
 * holds nothing there). */
typedef struct Cookie { int64_t pos, flags, feed, skip, eof; } Cookie;

static Value text_cookie_pack(const Cookie *c)
{
    Value v = int_from_i64(c->pos);
    const int64_t parts[4] = {c->flags & 0xFFFFFFFF, c->feed & 0xFFFFFFFF, c->skip & 0xFFFFFFFF, c->eof & 0xFF};
    static const int shifts[4] = {64, 96, 128, 160};
    for (int i = 0; i < 4 && !IS_NULL(v); i++) {
        if (!parts[i]) continue;
        Value part = obj_binop(int_from_i64(parts[i]), MK_SMALLINT(shifts[i]), OP_LSHIFT);
        v = IS_NULL(part) ? VAL_NULL : obj_binop(v, part, OP_BITOR);
    }
    return v;
}

static int text_cookie_unpack(Value cookie, Cookie *c)
{
    static const int shifts[5] = {0, 64, 96, 128, 160};
    static const int64_t masks[5] = {INT64_MAX, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFF};
    int64_t *out[5] = {&c->pos, &c->flags, &c->feed, &c->skip, &c->eof};
    for (int i = 0; i < 5; i++) {
        Value v = shifts[i] ? obj_binop(cookie, MK_SMALLINT(shifts[i]), OP_RSHIFT) : cookie;
        if (!IS_NULL(v)) v = obj_binop(v, int_from_i64(masks[i]), OP_BITAND);
        if (IS_NULL(v) || int_to_i64(v, out[i]) < 0) return -1;
    }
    return 0;
}

static Value textio_seek_m(Value *args, int nargs, Value kwnames)
{
    TextIO *t = SELF;
    int whence = 0;
    if (text_check_attached(t) < 0) return VAL_NULL;
    if (!IS_NULL(args[2]) && arg_to_int(args[2], &whence) < 0) return VAL_NULL;
    Value cookie = args[1];
    if (text_check_open(t) < 0) return VAL_NULL;
    if (!t->seekable) return io_unsupported("underlying stream is not seekable");
    if (whence == 1) {
        int z = obj_truthy(cookie);
        if (z < 0) return VAL_NULL;
        if (z) return io_unsupported("can't do nonzero cur-relative seeks");
        cookie = obj_call_method(args[0], "tell", NULL, 0);
        if (IS_NULL(cookie)) return VAL_NULL;
    } else if (whence == 2) {
        int z = obj_truthy(cookie);
        if (z < 0) return VAL_NULL;
        if (z) return io_unsupported("can't do nonzero end-relative seeks");
        if (IS_NULL(obj_call_method(args[0], "flush", NULL, 0))) return VAL_NULL;
        text_clear_decoded(t);
        t->pendingcr = 0;
        t->nundec = 0;
        if (t->codec == TC_OTHER && IS_NULL(obj_call_method(t->decoder, "reset", NULL, 0))) return VAL_NULL;
        Value a[2] = {MK_SMALLINT(0), MK_SMALLINT(2)};
        return obj_call_method(t->buffer, "seek", a, 2);
    } else if (whence != 0) {
        return err_format(&exc_ValueError, "invalid whence (%d, should be 0, 1 or 2)", whence);
    }
    int neg = obj_richcompare_bool(cookie, MK_SMALLINT(0), CMP_LT);
    if (neg < 0) return VAL_NULL;
    if (neg) return err_format(&exc_ValueError, "negative seek position %R", cookie);
    Value ci = IS_INT(cookie) ? cookie : call1(MK_OBJ(&type_int), cookie);
    if (IS_NULL(ci)) return VAL_NULL;
    Cookie c;
    if (text_cookie_unpack(ci, &c) < 0) return VAL_NULL;
    if (IS_NULL(obj_call_method(args[0], "flush", NULL, 0))) return VAL_NULL;
    Value p = int_from_i64(c.pos);
    if (IS_NULL(obj_call_method(t->buffer, "seek", &p, 1))) return VAL_NULL;
    text_clear_decoded(t);
    t->pendingcr = 0;
    t->nundec = 0;
    int zero = obj_truthy(ci) == 0;
    if (t->readable) {
        if (zero && t->codec == TC_OTHER) {
            if (IS_NULL(obj_call_method(t->decoder, "reset", NULL, 0))) return VAL_NULL;
        } else if (!zero) {
            if (text_dec_setstate(t, c.flags) < 0) return VAL_NULL;
            t->snap = bytes_new("", 0);
            t->snap_flags = c.flags;
        }
    }
    if (c.skip) {                 /* feed the bytes to the decoder and skip the characters */
        Value n = int_from_i64(c.feed);
        Value in = obj_call_method(t->buffer, "read", &n, 1);
        if (IS_NULL(in)) return VAL_NULL;
        if (!IS_BYTES(in)) return err_format(&exc_TypeError, "underlying read() should have returned a bytes object");
        if (text_decode(t, AS_BYTES(in)->data, (size_t)AS_BYTES(in)->len, (int)c.eof) < 0) return VAL_NULL;
        t->snap = in;
        t->snap_flags = c.flags;
        size_t k = text_char_bytes(t->dbuf ? t->dbuf : "", t->dlen, c.skip);
        int64_t got = 0;
        for (size_t i = 0; i < k; i++) if (((unsigned char)t->dbuf[i] & 0xC0) != 0x80) got++;
        if (got < c.skip) return err_format(&exc_OSError, "can't restore logical file position");
        t->dpos = k;
    }
    if (t->writable && t->codec == TC_OTHER && !IS_NONE(t->encoder)) {
        Value zero_v = MK_SMALLINT(0);
        Value r = zero ? obj_call_method(t->encoder, "reset", NULL, 0)
                       : obj_call_method(t->encoder, "setstate", &zero_v, 1);
        if (IS_NULL(r)) return VAL_NULL;
    }
    return ci;
}

/* Where tell() can restart: the last point before the characters consumed
 * where the decoder held no bytes, and what to feed and skip from there
 * (CPython's _io.TextIOWrapper.tell). */
static int text_tell_search(TextIO *t, Bytes *next, int64_t chars, Cookie *c)
{
    int64_t skip_bytes = (int64_t)(t->b2c * (double)chars), skip_back = 1;
    if (skip_bytes > next->len) skip_bytes = next->len;
    int64_t flags = c->flags;
    Value held;
    while (skip_bytes > 0) {
        if (text_dec_setstate(t, flags) < 0) return -1;
        int64_t n = text_dec_count(t, next->data, (size_t)skip_bytes, 0);
        if (n < 0) return -1;
        if (n <= chars) {
            int64_t f;
            if (text_dec_getstate(t, &held, &f) < 0) return -1;
            if (AS_BYTES(held)->len == 0) {
                flags = f;
                chars -= n;
                break;
            }
            skip_bytes -= AS_BYTES(held)->len;
            skip_back = 1;
        } else {
            skip_bytes -= skip_back;
            skip_back *= 2;
        }
    }
    if (skip_bytes <= 0) {
        skip_bytes = 0;
        if (text_dec_setstate(t, flags) < 0) return -1;
    }
    c->pos += skip_bytes;
    c->flags = flags;
    if (chars == 0) return 0;
    int64_t fed = 0, decoded = 0;
    int64_t i = skip_bytes;
    for (; i < next->len; i++) {
        fed++;
        int64_t n = text_dec_count(t, next->data + i, 1, 0);
        if (n < 0) return -1;
        decoded += n;
        int64_t f;
        if (text_dec_getstate(t, &held, &f) < 0) return -1;
        if (AS_BYTES(held)->len == 0 && decoded <= chars) {
            c->pos += fed;
            chars -= decoded;
            c->flags = f;
            fed = decoded = 0;
        }
        if (decoded >= chars) break;
    }
    if (i >= next->len) {
        int64_t n = text_dec_count(t, (const uint8_t *)"", 0, 1);
        if (n < 0) return -1;
        decoded += n;
        c->eof = 1;
        if (decoded < chars) {
            err_format(&exc_OSError, "can't reconstruct logical file position");
            return -1;
        }
    }
    c->feed = fed;
    c->skip = chars;
    return 0;
}

static Value textio_tell_m(Value *args, int nargs, Value kwnames)
{
    TextIO *t = SELF;
    if (text_check_open(t) < 0) return VAL_NULL;
    if (!t->seekable) return io_unsupported("underlying stream is not seekable");
    if (!t->telling) return err_format(&exc_OSError, "telling position disabled by next() call");
    if (IS_NULL(obj_call_method(args[0], "flush", NULL, 0))) return VAL_NULL;
    Value pv = obj_call_method(t->buffer, "tell", NULL, 0);
    if (IS_NULL(pv) || IS_NONE(t->snap) || !t->readable) return pv;
    int64_t pos;
    if (obj_index_i64(pv, &pos) < 0) return VAL_NULL;
    Bytes *next = AS_BYTES(t->snap);
    Cookie c = {pos - next->len, t->snap_flags, 0, 0, 0};
    int64_t chars = 0;
    for (size_t i = 0; i < t->dpos; i++) if (((unsigned char)t->dbuf[i] & 0xC0) != 0x80) chars++;
    if (chars == 0) return text_cookie_pack(&c);
    /* the search runs the decoder: its state (and what .newlines saw) is put back after */
    char undec[4];
    memcpy(undec, t->undec, sizeof undec);
    int nundec = t->nundec;
    uint8_t pendingcr = t->pendingcr, seen = t->seen;
    Value saved = t->codec == TC_OTHER ? obj_call_method(t->decoder, "getstate", NULL, 0) : VAL_NONE;
    if (IS_NULL(saved)) return VAL_NULL;
    int r = text_tell_search(t, next, chars, &c);
    memcpy(t->undec, undec, sizeof undec);
    t->nundec = nundec;
    t->pendingcr = pendingcr;
    t->seen = seen;
    if (t->codec == TC_OTHER) {
        Value exc = r < 0 ? err_fetch() : VAL_NULL;
        if (IS_NULL(obj_call_method(t->decoder, "setstate", &saved, 1))) return VAL_NULL;
        if (!IS_NULL(exc)) err_set_obj(exc);
    }
    return r < 0 ? VAL_NULL : text_cookie_pack(&c);
}

static Value textio_truncate_m(Value *args, int nargs, Value kwnames)
{
    TextIO *t = SELF;
    if (text_check_attached(t) < 0) return VAL_NULL;
    if (IS_NULL(obj_call_method(args[0], "flush", NULL, 0))) return VAL_NULL;
    Value pos = IS_NULL(args[1]) ? VAL_NONE : args[1];
    return obj_call_method(t->buffer, "truncate", &pos, 1);
}

/* ---- construction --------------------------------------------------------------------- */

static int text_set_newline(TextIO *t, Value nl)
{
    if (!IS_NULL(nl) && !IS_NONE(nl) && !IS_STR(nl)) {
        err_format(&exc_TypeError, "TextIOWrapper() argument 'newline' must be str or None, not %T", nl);
        return -1;
    }
    const char *s = IS_STR(nl) ? STR_DATA(nl) : NULL;
    if (s && *s && strcmp(s, "\n") && strcmp(s, "\r") && strcmp(s, "\r\n")) {
        err_format(&exc_ValueError, "illegal newline value: %U", nl);
        return -1;
    }
    t->readuniversal = !s || !*s;
    t->readtranslate = !s;
    t->readnl = IS_STR(nl) ? nl : VAL_NONE;
    t->writenl = NULL;
    if (s && *s && strcmp(s, "\n")) t->writenl = !strcmp(s, "\r") ? "\r" : "\r\n";
    return 0;
}

/* codecs.lookup(encoding), checked to be a text encoding. */
static Value text_codec_info(Value encoding)
{
    Value imp = dict_get_c(interp.builtins, "__import__");
    if (IS_NULL(imp)) return err_format(&exc_LookupError, "unknown encoding: %U", encoding);
    Value codecs = call1(imp, str_from_c("codecs"));
    if (IS_NULL(codecs)) return VAL_NULL;
    Value info = obj_call_method(codecs, "lookup", &encoding, 1);
    if (IS_NULL(info)) return VAL_NULL;
    Value is_text = obj_getattr_opt(info, str_intern_c("_is_text_encoding"));
    if (IS_NULL(is_text) && err_occurred()) return VAL_NULL;
    if (!IS_NULL(is_text) && obj_truthy(is_text) == 0)
        return err_format(&exc_LookupError,
                          "'%U' is not a text encoding; use codecs.open() to handle arbitrary codecs", encoding);
    return info;
}

static int text_set_codec(TextIO *t, Value encoding, Value errors)
{
    const char *e = STR_DATA(encoding);
    t->decoder = t->encoder = VAL_NONE;
    t->strict = !strcmp(STR_DATA(errors), "strict");
    if (io_encoding_is_utf8(e)) { t->codec = TC_UTF8; return 0; }
    const char *name = str_codec_name(e);
    if (name && !strcmp(name, "ascii")) { t->codec = TC_ASCII; return 0; }
    if (name && !strcmp(name, "iso8859-1")) { t->codec = TC_LATIN1; return 0; }
    if (!name) err_clear();
    Value info = text_codec_info(encoding);
    if (IS_NULL(info)) return -1;
    t->codec = TC_OTHER;
    if (t->readable) {
        Value mk = obj_getattr(info, str_intern_c("incrementaldecoder"));
        if (IS_NULL(mk)) return -1;
        t->decoder = call1(mk, errors);
        if (IS_NULL(t->decoder)) return -1;
    }
    if (t->writable) {
        Value mk = obj_getattr(info, str_intern_c("incrementalencoder"));
        if (IS_NULL(mk)) return -1;
        t->encoder = call1(mk, errors);
        if (IS_NULL(t->encoder)) return -1;
    }
    return 0;
}

/* buffer.readable()/writable()/seekable(); a C buffered object over a C
 * FileIO answers without method calls. */
static int text_bool_query(Value buffer, const char *method)
{
    if (IS_CBUFFERED(buffer) && IS_FILEIO(((Buffered *)AS_OBJ(buffer))->raw)) {
        Buffered *b = (Buffered *)AS_OBJ(buffer);
        FileIO *f = (FileIO *)AS_OBJ(b->raw);
        if (b->ok && f->fd >= 0) {
            if (method[0] == 'r') return (b->kind & BUFK_READ) && f->readable;
            if (method[0] == 'w') return (b->kind & BUFK_WRITE) && f->writable;
            if (f->seekable < 0) f->seekable = lseek(f->fd, 0, SEEK_CUR) >= 0;
            return f->seekable;
        }
    }
    Value r = obj_call_method(buffer, method, NULL, 0);
    if (IS_NULL(r)) return -1;
    return obj_truthy(r);
}

static int text_init(TextIO *t, Value buffer, Value encoding, Value errors, Value newline,
                     int line_buffering, int write_through)
{
    t->ok = 0;
    t->detached = 0;
    if (!IS_NULL(encoding) && !IS_NONE(encoding) && !IS_STR(encoding)) {
        err_format(&exc_TypeError, "TextIOWrapper() argument 'encoding' must be str or None, not %T", encoding);
        return -1;
    }
    if (!IS_NULL(errors) && !IS_NONE(errors) && !IS_STR(errors)) {
        err_format(&exc_TypeError, "TextIOWrapper() argument 'errors' must be str or None, not %T", errors);
        return -1;
    }
    if (text_set_newline(t, newline) < 0) return -1;
    if (IS_NULL(encoding) || IS_NONE(encoding) || !strcmp(STR_DATA(encoding), "locale"))
        encoding = str_from_c("UTF-8");
    if (IS_NULL(errors) || IS_NONE(errors)) errors = str_intern_c("strict");
    int r = text_bool_query(buffer, "readable"), w;
    if (r < 0 || (w = text_bool_query(buffer, "writable")) < 0) return -1;
    int s = text_bool_query(buffer, "seekable");
    if (s < 0) return -1;
    t->buffer = buffer;
    t->readable = (uint8_t)r;
    t->writable = (uint8_t)w;
    if (text_set_codec(t, encoding, errors) < 0) return -1;
    t->encoding = encoding;
    t->errors = errors;
    t->line_buffering = (uint8_t)line_buffering;
    t->write_through = (uint8_t)write_through;
    t->seekable = t->telling = (uint8_t)s;
    int h = IS_CBUFFERED(buffer) ? 1 : obj_hasattr(buffer, str_intern_c("read1"));
    if (h < 0) return -1;
    t->has_read1 = (uint8_t)h;
    t->chunk_size = 8192;
    t->pendingcr = 0;
    t->nundec = 0;
    t->seen = 0;
    text_clear_decoded(t);
    t->ok = 1;
    if (t->seekable && t->writable && t->codec == TC_OTHER) {
        /* a stream opened in the middle must not write a BOM again */
        Value pos = obj_call_method(buffer, "tell", NULL, 0);
        if (IS_NULL(pos)) { err_clear(); return 0; }
        if (obj_truthy(pos) == 1) {
            Value zero = MK_SMALLINT(0);
            if (IS_NULL(obj_call_method(t->encoder, "setstate", &zero, 1))) err_clear();
        }
    }
    return 0;
}

static void text_init_fields(TextIO *t)
{
    t->buffer = t->encoding = t->errors = VAL_NONE;
    t->decoder = t->encoder = t->readnl = t->snap = VAL_NONE;
    t->mode = VAL_NULL;
    t->chunk_size = 8192;
}

static Value textio_new_m(Value *args, int nargs, Value kwnames)
{
    Obj *o = obj_new_instance(AS_TYPE(args[0]));
    if (!o) return VAL_NULL;
    text_init_fields((TextIO *)o);
    return MK_OBJ(o);
}

static int text_flag_arg(Value v, int *out)
{
    *out = 0;
    if (IS_NULL(v)) return 0;
    int r = obj_truthy(v);
    if (r < 0) return -1;
    *out = r;
    return 0;
}

static Value textio_init_m(Value *args, int nargs, Value kwnames)
{
    int lb, wt;
    if (text_flag_arg(args[5], &lb) < 0 || text_flag_arg(args[6], &wt) < 0) return VAL_NULL;
    if (text_init(SELF, args[1], args[2], args[3], args[4], lb, wt) < 0) return VAL_NULL;
    return VAL_NONE;
}

Value textio_new(Value buffer, Value encoding, Value errors, Value newline, int line_buffering,
                 int write_through)
{
    /* open()'s text layer holds no output of its own: the buffered object's
       finalizer is the one that must flush and close, so this one needs none */
    TextIO *t = (TextIO *)io_alloc(&type_textiowrapper, &type_textiowrapper);
    if (!t) return VAL_NULL;
    text_init_fields(t);
    if (text_init(t, buffer, encoding, errors, newline, line_buffering, write_through) < 0) return VAL_NULL;
    return MK_OBJ(t);
}

static Value textio_reconfigure_m(Value *args, int nargs, Value kwnames)
{
    TextIO *t = SELF;
    Value encoding = args[1], errors = args[2], newline = args[3];
    if (text_check_attached(t) < 0) return VAL_NULL;
    int given_nl = !IS_NULL(newline);
    if (!IS_NULL(encoding) && !IS_NONE(encoding) && !IS_STR(encoding))
        return err_format(&exc_TypeError, "reconfigure() argument 'encoding' must be str or None, not %T", encoding);
    if (!IS_NULL(errors) && !IS_NONE(errors) && !IS_STR(errors))
        return err_format(&exc_TypeError, "reconfigure() argument 'errors' must be str or None, not %T", errors);
    if (given_nl && !IS_NONE(newline) && !IS_STR(newline))
        return err_format(&exc_TypeError, "reconfigure() argument 'newline' must be str or None, not %T", newline);
    int change_codec = (!IS_NULL(encoding) && !IS_NONE(encoding)) || (!IS_NULL(errors) && !IS_NONE(errors));
    if ((change_codec || given_nl) && (t->dlen > t->dpos || t->nundec || t->pendingcr))
        return io_unsupported("It is not possible to set the encoding or newline of stream after the first read");
    if (IS_NULL(obj_call_method(args[0], "flush", NULL, 0))) return VAL_NULL;
    if (change_codec) {
        Value enc = !IS_NULL(encoding) && !IS_NONE(encoding) ? encoding : t->encoding;
        Value errs = !IS_NULL(errors) && !IS_NONE(errors) ? errors
                   : (!IS_NULL(encoding) && !IS_NONE(encoding)) ? str_intern_c("strict") : t->errors;
        if (!strcmp(STR_DATA(enc), "locale")) enc = str_from_c("UTF-8");
        if (text_set_codec(t, enc, errs) < 0) return VAL_NULL;
        t->encoding = enc;
        t->errors = errs;
    }
    if (given_nl && text_set_newline(t, newline) < 0) return VAL_NULL;
    if (!IS_NULL(args[4]) && !IS_NONE(args[4])) {
        int v = obj_truthy(args[4]);
        if (v < 0) return VAL_NULL;
        t->line_buffering = (uint8_t)v;
    }
    if (!IS_NULL(args[5]) && !IS_NONE(args[5])) {
        int v = obj_truthy(args[5]);
        if (v < 0) return VAL_NULL;
        t->write_through = (uint8_t)v;
    }
    return VAL_NONE;
}

static Value textio_repr_m(Value *args, int nargs, Value kwnames)
{
    TextIO *t = SELF;
    StrBuf sb;
    sb_init(&sb);
    sb_puts(&sb, "<_io.TextIOWrapper");
    if (obj_enter_recursion(" while getting the repr of an object") < 0) { sb_free(&sb); return VAL_NULL; }
    static const char *const attrs[] = {"name", "mode"};
    for (int i = 0; i < 2; i++) {
        Value v = obj_getattr_opt(args[0], str_intern_c(attrs[i]));
        if (IS_NULL(v)) {
            if (err_occurred()) {
                if (!err_matches(&exc_ValueError)) { obj_leave_recursion(); sb_free(&sb); return VAL_NULL; }
                err_clear();
            }
            continue;
        }
        Value r = obj_repr(v);
        if (IS_NULL(r)) { obj_leave_recursion(); sb_free(&sb); return VAL_NULL; }
        sb_putc(&sb, ' ');
        sb_puts(&sb, attrs[i]);
        sb_putc(&sb, '=');
        sb_put(&sb, STR_DATA(r), (size_t)STR_LEN(r));
    }
    obj_leave_recursion();
    if (t->ok) {
        Value r = obj_repr(t->encoding);
        if (IS_NULL(r)) { sb_free(&sb); return VAL_NULL; }
        sb_puts(&sb, " encoding=");
        sb_put(&sb, STR_DATA(r), (size_t)STR_LEN(r));
    }
    sb_putc(&sb, '>');
    return sb_finish_str(&sb);
}

static Value textio_getstate_m(Value *args, int nargs, Value kwnames)
{
    return err_format(&exc_TypeError, "cannot pickle '%s' object", type_name(AS_OBJ(args[0])->type));
}

static const MethodDef textio_methods[] = {
    {"__new__", textio_new_m, METH_STATIC, NULL},
    {"__init__", textio_init_m, ARGS_KW, NULL,
     "($self, /, buffer, encoding=None, errors=None, newline=None, line_buffering=False, write_through=False)"},
    {"detach", textio_detach_m, ARGS_NONE, NULL},
    {"reconfigure", textio_reconfigure_m, ARGS_KW, NULL,
     "($self, /, *, encoding=None, errors=None, newline=None, line_buffering=None, write_through=None)"},
    {"write", textio_write_m, ARGS_ONE, NULL},
    {"read", textio_read_m, ARGS_POS(0, 1), NULL},
    {"readline", textio_readline_m, ARGS_POS(0, 1), NULL},
    {"flush", textio_flush_m, ARGS_NONE, NULL},
    {"close", textio_close_m, ARGS_NONE, NULL},
    {"fileno", textio_fileno_m, ARGS_NONE, NULL},
    {"seekable", textio_seekable_m, ARGS_NONE, NULL},
    {"readable", textio_readable_m, ARGS_NONE, NULL},
    {"writable", textio_writable_m, ARGS_NONE, NULL},
    {"isatty", textio_isatty_m, ARGS_NONE, NULL},
    {"seek", textio_seek_m, ARGS_POS(1, 2), NULL},
    {"tell", textio_tell_m, ARGS_NONE, NULL},
    {"truncate", textio_truncate_m, ARGS_POS(0, 1), NULL},
    {"__next__", textio_next_m, ARGS_WRAP(0), NULL},
    {"__repr__", textio_repr_m, ARGS_WRAP(0), NULL},
    {"__getstate__", textio_getstate_m, ARGS_NONE, NULL},
    {NULL, NULL, 0, NULL},
};

#define TSELF ((TextIO *)AS_OBJ(self))

static Value textio_encoding_get(Value self) { return TSELF->encoding; }
static Value textio_errors_get(Value self) { return TSELF->errors; }
static Value textio_line_buffering_get(Value self) { return MK_BOOL(TSELF->line_buffering); }
static Value textio_write_through_get(Value self) { return MK_BOOL(TSELF->write_through); }
static Value textio_buffer_get(Value self) { return TSELF->buffer; }
static Value textio_name_get(Value self)
{
    if (text_check_attached(TSELF) < 0) return VAL_NULL;
    return obj_getattr(TSELF->buffer, str_intern_c("name"));
}
static Value textio_closed_get(Value self)
{
    if (text_check_attached(TSELF) < 0) return VAL_NULL;
    int c = text_buffer_closed(TSELF);
    return c < 0 ? VAL_NULL : MK_BOOL(c);
}
static Value textio_newlines_get(Value self)
{
    TextIO *t = TSELF;
    if (t->codec == TC_OTHER && !t->readuniversal) {
        Value nl = obj_getattr_opt(t->decoder, str_intern_c("newlines"));
        if (!IS_NULL(nl)) return nl;
        if (err_occurred()) return VAL_NULL;
    }
    if (!t->readuniversal) return VAL_NONE;
    static const char *const names[] = {"\r", "\n", "\r\n"};
    static const int bits[] = {NL_SEEN_CR, NL_SEEN_LF, NL_SEEN_CRLF};
    Value items[3];
    int n = 0;
    for (int i = 0; i < 3; i++) if (t->seen & bits[i]) items[n++] = str_from_c(names[i]);
    if (n == 0) return VAL_NONE;
    if (n == 1) return items[0];
    return tuple_from_array(items, n);
}
static Value textio_mode_get(Value self)
{
    if (IS_NULL(TSELF->mode)) return err_format(&exc_AttributeError, "'%T' object has no attribute 'mode'", self);
    return TSELF->mode;
}
static int textio_mode_set(Value self, Value v)
{
    TSELF->mode = v;        /* VAL_NULL: deleted */
    return 0;
}
static Value textio_chunk_get(Value self) { return int_from_i64(TSELF->chunk_size); }
static int textio_chunk_set(Value self, Value v)
{
    if (text_check_attached(TSELF) < 0) return -1;
    if (IS_NULL(v)) { err_format(&exc_AttributeError, "cannot delete attribute"); return -1; }
    int64_t n;
    if (arg_to_ssize(v, &n) < 0) return -1;
    if (n <= 0) { err_format(&exc_ValueError, "a strictly positive integer is required"); return -1; }
    TSELF->chunk_size = n;
    return 0;
}
static Value textio_finalizing_get(Value self) { return MK_BOOL(TSELF->base.ioflags & IOF_FINALIZING); }

static const GetSetDef textio_getsets[] = {
    {"encoding", textio_encoding_get, getset_readonly, NULL},
    {"errors", textio_errors_get, getset_readonly, NULL},
    {"line_buffering", textio_line_buffering_get, getset_readonly, NULL},
    {"write_through", textio_write_through_get, getset_readonly, NULL},
    {"buffer", textio_buffer_get, getset_readonly, NULL},
    {"_finalizing", textio_finalizing_get, getset_readonly, NULL},
    {"name", textio_name_get, NULL, NULL},
    {"closed", textio_closed_get, NULL, NULL},
    {"newlines", textio_newlines_get, NULL, NULL},
    {"_CHUNK_SIZE", textio_chunk_get, textio_chunk_set, NULL},
    {"mode", textio_mode_get, textio_mode_set, NULL},
    {NULL, NULL, NULL, NULL},
};

static void textio_trace(Obj *o)
{
    TextIO *t = (TextIO *)o;
    gc_mark_value(t->buffer);
    gc_mark_value(t->encoding);
    gc_mark_value(t->errors);
    gc_mark_value(t->decoder);
    gc_mark_value(t->encoder);
    gc_mark_value(t->readnl);
    gc_mark_value(t->snap);
    gc_mark_value(t->mode);
}

static void textio_finalize(Obj *o)
{
    TextIO *t = (TextIO *)o;
    free(t->dbuf);
    t->dbuf = NULL;
    t->dlen = t->dpos = t->dcap = 0;
}

Type type_textiowrapper = {
    .tp_name = "_io.TextIOWrapper", .base = &type_textiobase,
    .flags = TF_BASETYPE | TF_HAS_DICT | TF_WEAKREFABLE,
    .basicsize = sizeof(TextIO), .dictoffset = offsetof(IOBase, dict),
    .trace = textio_trace, .finalize = textio_finalize, .methods = textio_methods,
    .getsets = textio_getsets,
};
GILPY_TYPE(type_textiowrapper, NULL);
