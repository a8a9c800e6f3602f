/* io_buffered.c - _io.BufferedReader, BufferedWriter, BufferedRandom and
 * BufferedRWPair: bytes buffered in C memory over a raw stream.
 *
 * One struct (Buffered) serves the three single-stream types; `kind` says
 * which directions it buffers.  Read-ahead sits in [rpos, rlen) of rbuf;
 * output not yet given to the raw stream in wbuf.  A BufferedRandom keeps at
 * most one of them non-empty: a write first gives the read-ahead back to the
 * raw position (seek backwards), a read first flushes the output.
 *
 * The raw stream is reached through four functions (buf_raw_read/_write/
 * _seek/_tell): a syscall on the descriptor when it is exactly a C FileIO,
 * else raw.readinto()/write()/seek()/tell() method calls with CPython's
 * checks of what they return.  During a syscall the GIL is released and the
 * buffers are detached from the object (a read lands in a private chunk
 * copied in afterwards; a flush takes the output buffer away and puts back
 * what could not be written), so another thread using or closing the object
 * meanwhile never sees memory move under the call.
 *
 * Buffered writers are linked into a registry (weakly: the collector may
 * still free them) so that buffered_flush_all() writes out every C buffer at
 * exit and before fork() without running Python code.
 */
#include <errno.h>
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
#include "ops.h"
#include "signals.h"

#define SELF ((Buffered *)AS_OBJ(args[0]))

static Buffered *buf_registry;

static void buf_reg_add(Buffered *b)
{
    if (b->in_reg) return;
    b->reg_prev = NULL;
    b->reg_next = buf_registry;
    if (buf_registry) buf_registry->reg_prev = b;
    buf_registry = b;
    b->in_reg = 1;
}

static void buf_reg_remove(Buffered *b)
{
    if (!b->in_reg) return;
    if (b->reg_prev) b->reg_prev->reg_next = b->reg_next;
    else buf_registry = b->reg_next;
    if (b->reg_next) b->reg_next->reg_prev = b->reg_prev;
    b->reg_prev = b->reg_next = NULL;
    b->in_reg = 0;
}

/* ---- state checks ------------------------------------------------------------------ */

static int buf_check_init(Buffered *b)
{
    if (b->detached) { err_format(&exc_ValueError, "raw stream has been detached"); return -1; }
    if (!b->ok) { err_format(&exc_ValueError, "I/O operation on uninitialized object"); return -1; }
    return 0;
}

/* Is the raw stream closed?  1, 0, -1. */
static int buf_raw_closed(Buffered *b)
{
    if (IS_FILEIO(b->raw)) return ((FileIO *)AS_OBJ(b->raw))->fd < 0;
    return io_is_closed(b->raw);
}

/* Initialized, attached and open; `what` is the message when closed ("read of closed file"). */
static int buf_check(Buffered *b, const char *what)
{
    if (buf_check_init(b) < 0) return -1;
    int c = buf_raw_closed(b);
    if (c < 0) return -1;
    if (c) {
        if (what) err_format(&exc_ValueError, "%s", what);
        else io_closed_error();
        return -1;
    }
    return 0;
}

static int buf_fast_fd(Buffered *b) { return IS_FILEIO(b->raw) ? ((FileIO *)AS_OBJ(b->raw))->fd : -2; }

/* ---- the raw stream ------------------------------------------------------------------ */

enum { BUF_BLOCKED = -3 };

/* Read up to n bytes into dst (private memory): count, 0 at EOF, -1 error, BUF_BLOCKED. */
static ssize_t buf_raw_read(Buffered *b, char *dst, size_t n)
{
    int fd = buf_fast_fd(b);
    if (fd >= 0 && ((FileIO *)AS_OBJ(b->raw))->readable) {
        ssize_t r = io_sys_read(fd, dst, n);
        if (r >= 0) return r;
        if (r == -1 && errno == EAGAIN) return BUF_BLOCKED;
        if (r == -1) err_from_errno(&exc_OSError, VAL_NULL);
        return -1;
    }
    Value ba = call1(MK_OBJ(&type_bytearray), int_from_i64((int64_t)n));
    if (IS_NULL(ba)) return -1;
    Value mv = call1(MK_OBJ(&type_memoryview), ba);
    if (IS_NULL(mv)) return -1;
    Value r = obj_call_method(b->raw, "readinto", &mv, 1);
    obj_call_method(mv, "release", NULL, 0);
    if (IS_NULL(r)) return -1;
    if (IS_NONE(r)) return BUF_BLOCKED;
    int64_t got;
    if (obj_index_i64(r, &got) < 0) return -1;
    if (got < 0 || got > (int64_t)n) {
        err_format(&exc_OSError, "raw readinto() returned invalid length %lld (should have been between 0 and %zu)",
                   (long long)got, n);
        return -1;
    }
    if (got > 0) memcpy(dst, AS_BYTEARRAY(ba)->data, (size_t)got);
    return got;
}

/* One write of src (private memory): count, -1 error, BUF_BLOCKED. */
static ssize_t buf_raw_write(Buffered *b, const char *src, size_t n, int release)
{
    int fd = buf_fast_fd(b);
    if (fd >= 0 && ((FileIO *)AS_OBJ(b->raw))->writable) {
        ssize_t w = io_sys_write(fd, src, n, release);
        if (w >= 0) return w;
        if (w == -1 && errno == EAGAIN) return BUF_BLOCKED;
        if (w == -1) err_from_errno(&exc_OSError, VAL_NULL);
        return -1;
    }
    if (!release) return -1;            /* never Python code from flush_all */
    Value data = bytes_new(src, n);
    if (IS_NULL(data)) return -1;
    Value r = obj_call_method(b->raw, "write", &data, 1);
    if (IS_NULL(r)) return -1;
    if (IS_NONE(r)) return BUF_BLOCKED;
    int64_t w;
    if (obj_index_i64(r, &w) < 0) return -1;
    if (w < 0 || w > (int64_t)n) {
        err_format(&exc_OSError, "raw write() returned invalid length %lld (should have been between 0 and %zu)",
                   (long long)w, n);
        return -1;
    }
    return w;
}

static int64_t buf_raw_seek(Buffered *b, int64_t pos, int whence)
{
    int fd = buf_fast_fd(b);
    if (fd >= 0) {
        off_t r = lseek(fd, (off_t)pos, whence);
        if (r < 0) { err_from_errno(&exc_OSError, VAL_NULL); return -1; }
        return (int64_t)r;
    }
    Value a[2] = {int_from_i64(pos), MK_SMALLINT(whence)};
    Value r = obj_call_method(b->raw, "seek", a, 2);
    if (IS_NULL(r)) return -1;
    int64_t n;
    if (obj_index_i64(r, &n) < 0) return -1;
    if (n < 0) { err_format(&exc_OSError, "Raw stream returned invalid position %lld", (long long)n); return -1; }
    return n;
}

static int64_t buf_raw_tell(Buffered *b)
{
    if (buf_fast_fd(b) >= 0) return buf_raw_seek(b, 0, SEEK_CUR);
    Value r = obj_call_method(b->raw, "tell", NULL, 0);
    if (IS_NULL(r)) return -1;
    int64_t n;
    if (obj_index_i64(r, &n) < 0) return -1;
    if (n < 0) { err_format(&exc_OSError, "Raw stream returned invalid position %lld", (long long)n); return -1; }
    return n;
}

/* ---- the buffers --------------------------------------------------------------------- */

/* BlockingIOError(EAGAIN, "write could not complete without blocking",
 * written): what a non-blocking raw stream's refusal becomes. */
static void buf_blocking_error(size_t written)
{
    Value a[3] = {MK_SMALLINT(EAGAIN), str_from_c("write could not complete without blocking"),
                  int_from_i64((int64_t)written)};
    if (IS_NULL(a[1]) || IS_NULL(a[2])) return;
    Value e = call_value(MK_OBJ(&exc_BlockingIOError), a, 3, VAL_NULL);
    if (!IS_NULL(e)) err_set_obj(e);
}

/* A write that a signal interrupted after some bytes returns them without
 * EINTR, so io_sys_write cannot see it: run the signal handlers before
 * blocking again, perhaps for ever (a handler that raises ends the write).
 * 0, or -1 with the handler's exception. */
static int buf_partial_write_signal(size_t done, size_t n, int release)
{
    return release && done < n ? sig_check() : 0;
}

/* Write out the output buffer.  0, or -1 with the error (release == 0: no
 * error raised, nothing but a syscall).  What a failed write left unwritten
 * stays buffered unless something was appended meanwhile. */
static int buf_flush_w(Buffered *b, int release)
{
    while (b->wlen) {
        char *buf = b->wbuf;
        size_t n = b->wlen, cap = b->wcap, done = 0;
        b->wbuf = NULL;
        b->wlen = b->wcap = 0;
        ssize_t w = 0;
        while (done < n) {
            w = buf_raw_write(b, buf + done, n - done, release);
            if (w < 0) break;
            done += (size_t)w;
            if (buf_partial_write_signal(done, n, release) < 0) { w = -1; break; }
        }
        if (w < 0 && b->wbuf == NULL && (b->base.header.type != NULL)) {
            memmove(buf, buf + done, n - done);
            b->wbuf = buf;
            b->wlen = n - done;
            b->wcap = cap;
        } else {
            free(buf);
        }
        if (w == BUF_BLOCKED) {
            if (release) buf_blocking_error(0);
            return -1;
        }
        if (w < 0) return -1;
    }
    return 0;
}

/* Give the read-ahead back to the raw position (before a write or seek). */
static int buf_drop_readahead(Buffered *b)
{
    size_t ahead = b->rlen - b->rpos;
    b->rpos = b->rlen = 0;
    if (ahead && buf_raw_seek(b, -(int64_t)ahead, SEEK_CUR) < 0) return -1;
    return 0;
}

static int buf_wbuf_append(Buffered *b, const char *s, size_t n)
{
    if (n == 0) return 0;
    if (b->wlen + n > b->wcap) {
        size_t cap = b->wcap ? b->wcap : (size_t)b->size;
        while (cap < b->wlen + n) cap *= 2;
        char *nb = gc_sys_realloc(b->wbuf, cap);
        if (!nb) { err_no_memory(); return -1; }
        b->wbuf = nb;
        b->wcap = cap;
    }
    memcpy(b->wbuf + b->wlen, s, n);
    b->wlen += n;
    return 0;
}

static int buf_rbuf_append(Buffered *b, const char *data, size_t n)
{
    if (n == 0) return 0;
    if (b->rpos > 0) {
        memmove(b->rbuf, b->rbuf + b->rpos, b->rlen - b->rpos);
        b->rlen -= b->rpos;
        b->rpos = 0;
    }
    if (b->rcap - b->rlen < n) {
        size_t cap = b->rcap ? b->rcap : (size_t)b->size;
        while (cap - b->rlen < n) cap *= 2;
        char *nb = gc_sys_realloc(b->rbuf, cap);
        if (!nb) { err_no_memory(); return -1; }
        b->rbuf = nb;
        b->rcap = cap;
    }
    memcpy(b->rbuf + b->rlen, data, n);
    b->rlen += n;
    return 0;
}

static size_t buf_avail(Buffered *b) { return b->rlen - b->rpos; }

/* Read once from raw into the read-ahead: 1 got some, 0 EOF, -1 error, BUF_BLOCKED. */
static int buf_fill(Buffered *b, size_t want)
{
    if (b->wlen && buf_flush_w(b, 1) < 0) return -1;
    size_t n = want > (size_t)b->size ? want : (size_t)b->size;
    char *tmp = io_chunk_take(n);
    if (!tmp) return -1;
    ssize_t r = buf_raw_read(b, tmp, n);
    if (r > 0 && buf_rbuf_append(b, tmp, (size_t)r) < 0) r = -1;
    io_chunk_give(tmp, n);
    if (r < 0) return (int)r;
    return r > 0;
}

static Value buf_take(Buffered *b, size_t n)
{
    Value v = bytes_new(b->rbuf + b->rpos, n);
    if (!IS_NULL(v)) b->rpos += n;
    return v;
}

/* ---- reading ------------------------------------------------------------------------- */

static Value buf_readall(Buffered *b)
{
    if (b->wlen && buf_flush_w(b, 1) < 0) return VAL_NULL;
    if (buf_fast_fd(b) < 0) {           /* raw.readall() when it has one */
        Value ra = obj_getattr_opt(b->raw, str_intern_c("readall"));
        if (IS_NULL(ra) && err_occurred()) return VAL_NULL;
        if (!IS_NULL(ra)) {
            Value rest = call0(ra);
            if (IS_NULL(rest)) return VAL_NULL;
            if (!IS_NONE(rest) && !IS_BYTES(rest))
                return err_format(&exc_TypeError, "readall() should return bytes");
            if (IS_NONE(rest) && buf_avail(b) == 0) return rest;
            Value head = buf_take(b, buf_avail(b));
            if (IS_NULL(head) || IS_NONE(rest)) return head;
            return obj_binop(head, rest, OP_ADD);
        }
    }
    FileIO *f = IS_FILEIO(b->raw) ? (FileIO *)AS_OBJ(b->raw) : NULL;
    if (f && f->readable && f->fd >= 0) {       /* what is buffered, then one big read */
        Value rest = fileio_readall(f);
        if (IS_NULL(rest)) return VAL_NULL;
        if (IS_NONE(rest)) return buf_avail(b) ? buf_take(b, buf_avail(b)) : rest;
        if (buf_avail(b) == 0) return rest;
        Value head = buf_take(b, buf_avail(b));
        return IS_NULL(head) ? VAL_NULL : obj_binop(head, rest, OP_ADD);
    }
    for (;;) {
        int r = buf_fill(b, 0);
        if (r == -1) return VAL_NULL;
        if (r == BUF_BLOCKED) {
            if (buf_avail(b) == 0) return VAL_NONE;
            break;
        }
        if (r == 0) break;
    }
    return buf_take(b, buf_avail(b));
}

static Value buf_read(Buffered *b, int64_t n)
{
    if (n < 0) return buf_readall(b);
    while (buf_avail(b) < (size_t)n) {
        int r = buf_fill(b, (size_t)n - buf_avail(b));
        if (r == -1) return VAL_NULL;
        if (r == BUF_BLOCKED) {
            if (buf_avail(b) == 0) return VAL_NONE;
            break;
        }
        if (r == 0) break;
    }
    size_t take = buf_avail(b);
    if ((size_t)n < take) take = (size_t)n;
    return buf_take(b, take);
}

static Value buffered_read_m(Value *args, int nargs, Value kwnames)
{
    Buffered *b = SELF;
    int64_t n;
    if (arg_to_optional_ssize(args[1], &n) < 0) return VAL_NULL;
    if (n < -1) return err_format(&exc_ValueError, "read length must be non-negative or -1");
    if (buf_check(b, "read of closed file") < 0) return VAL_NULL;
    return buf_read(b, n);
}

Value buffered_read1_c(Buffered *b, int64_t n)
{
    if (n < 0) n = b->size;
    if (n == 0) return bytes_new("", 0);
    if (buf_avail(b) == 0) {
        int r = buf_fill(b, (size_t)n);
        if (r == -1) return VAL_NULL;
        if (r == BUF_BLOCKED) return VAL_NONE;
    }
    size_t take = buf_avail(b);
    if ((size_t)n < take) take = (size_t)n;
    return buf_take(b, take);
}

static Value buffered_read1_m(Value *args, int nargs, Value kwnames)
{
    Buffered *b = SELF;
    int64_t n;
    if (arg_to_optional_ssize(args[1], &n) < 0) return VAL_NULL;
    if (buf_check(b, "read of closed file") < 0) return VAL_NULL;
    return buffered_read1_c(b, n);
}

static Value buffered_peek_m(Value *args, int nargs, Value kwnames)
{
    Buffered *b = SELF;
    if (buf_check(b, "peek of closed file") < 0) return VAL_NULL;
    if (buf_avail(b) == 0) {
        int r = buf_fill(b, 0);
        if (r == -1) return VAL_NULL;
    }
    return bytes_new(b->rbuf ? b->rbuf + b->rpos : "", buf_avail(b));
}

static Value buf_readline(Buffered *b, int64_t limit)
{
    size_t scanned = 0;
    for (;;) {
        size_t avail = buf_avail(b);
        if (limit >= 0 && avail >= (size_t)limit) avail = (size_t)limit;
        char *nl = avail > scanned ? memchr(b->rbuf + b->rpos + scanned, '\n', avail - scanned) : NULL;
        if (nl) return buf_take(b, (size_t)(nl - (b->rbuf + b->rpos)) + 1);
        if (limit >= 0 && avail >= (size_t)limit) return buf_take(b, avail);
        scanned = avail;
        int r = buf_fill(b, 0);
        if (r == -1) return VAL_NULL;
        if (r <= 0) return buf_take(b, buf_avail(b));
    }
}

static Value buffered_readline_m(Value *args, int nargs, Value kwnames)
{
    Buffered *b = SELF;
    int64_t limit;
    if (arg_to_optional_ssize(args[1], &limit) < 0) return VAL_NULL;
    if (buf_check(b, "readline of closed file") < 0) return VAL_NULL;
    return buf_readline(b, limit);
}

static Value buffered_next_m(Value *args, int nargs, Value kwnames)
{
    Buffered *b = SELF;
    if (buf_check(b, "readline of closed file") < 0) return VAL_NULL;
    Value line = buf_readline(b, -1);
    if (IS_NULL(line)) return VAL_NULL;
    return AS_BYTES(line)->len ? line : VAL_NULL;
}

/* readinto1 took what was buffered and more than a buffer's worth of room is
 * left: one raw read straight for the rest, as CPython's readinto1 does
 * (nothing more at EOF or when the raw stream would block). */
static int buf_readinto1_more(Buffered *b, Buffer *view, int64_t *n)
{
    size_t want = (size_t)(view->len - *n);
    char *tmp = io_chunk_take(want);
    if (!tmp) return -1;
    ssize_t r = buf_raw_read(b, tmp, want);
    if (r > 0) {
        memcpy((char *)view->buf + *n, tmp, (size_t)r);
        *n += r;
    }
    io_chunk_give(tmp, want);
    return r == -1 ? -1 : 0;
}

static Value buf_readinto(Value *args, int one)
{
    Buffered *b = SELF;
    if (buf_check(b, "readinto of closed file") < 0) return VAL_NULL;
    Buffer view;
    if (buffer_get(args[1], &view, BUF_WRITABLE) < 0) {
        err_clear();
        return err_format(&exc_TypeError, "readinto() argument must be read-write bytes-like object, not %T",
                          args[1]);
    }
    Value data = one ? buffered_read1_c(b, view.len) : buf_read(b, view.len);
    if (IS_NULL(data) || IS_NONE(data)) { buffer_release(&view); return data; }
    int64_t n = AS_BYTES(data)->len;
    if (n > 0) memcpy(view.buf, AS_BYTES(data)->data, (size_t)n);
    if (one && n > 0 && view.len - n > b->size && buf_readinto1_more(b, &view, &n) < 0) {
        buffer_release(&view);
        return VAL_NULL;
    }
    buffer_release(&view);
    return int_from_i64(n);
}

static Value buffered_readinto_m(Value *args, int nargs, Value kwnames) { return buf_readinto(args, 0); }
static Value buffered_readinto1_m(Value *args, int nargs, Value kwnames) { return buf_readinto(args, 1); }

/* ---- writing ------------------------------------------------------------------------- */

/* The output buffer could not be flushed because the raw stream would block:
 * buffer what fits in the room left (all of data: a success), else raise a
 * BlockingIOError that counts what was buffered. */
static int buf_write_after_blocked_flush(Buffered *b, const char *data, size_t n)
{
    size_t size = (size_t)b->size, avail = b->wlen < size ? size - b->wlen : 0;
    err_clear();
    if (n <= avail) return buf_wbuf_append(b, data, n);
    if (buf_wbuf_append(b, data, avail) < 0) return -1;
    buf_blocking_error(avail);
    return -1;
}

/* Write data past the buffer: directly while more than a buffer's worth is
 * left, then the rest into the buffer.  When the raw stream would block, a
 * buffer's worth more is kept and the BlockingIOError counts what was taken. */
static int buf_write_through(Buffered *b, const char *data, size_t n)
{
    char *tmp = io_chunk_take(n);       /* private: a raw write may run Python code */
    if (!tmp) return -1;
    memcpy(tmp, data, n);
    size_t size = (size_t)b->size, done = 0;
    int rc = 0;
    while (n - done > size) {
        ssize_t w = buf_raw_write(b, tmp + done, n - done, 1);
        if (w == BUF_BLOCKED) {
            rc = buf_wbuf_append(b, tmp + done, size) < 0 ? -1 : 1;
            done += size;
            break;
        }
        if (w < 0) { rc = -1; break; }
        done += (size_t)w;
        if (buf_partial_write_signal(done, n, 1) < 0) { rc = -1; break; }
    }
    if (rc == 0 && done < n) rc = buf_wbuf_append(b, tmp + done, n - done);
    io_chunk_give(tmp, n);
    if (rc == 1) { buf_blocking_error(done); return -1; }
    return rc;
}

int buffered_write_c(Buffered *b, const char *data, size_t n)
{
    if (b->rlen) {
        if (buf_drop_readahead(b) < 0) return -1;
    }
    if (b->wlen + n <= (size_t)b->size) return buf_wbuf_append(b, data, n);
    if (buf_flush_w(b, 1) < 0)
        return err_matches(&exc_BlockingIOError) ? buf_write_after_blocked_flush(b, data, n) : -1;
    return buf_write_through(b, data, n);
}

int buffered_flush_c(Buffered *b)
{
    return buf_flush_w(b, 1);
}

static Value buffered_write_m(Value *args, int nargs, Value kwnames)
{
    Buffered *b = SELF;
    if (buf_check_init(b) < 0) return VAL_NULL;
    const uint8_t *data;
    int64_t len;
    if (io_bytes_arg(args[1], &data, &len) < 0) return VAL_NULL;
    int c = buf_raw_closed(b);
    if (c < 0) return VAL_NULL;
    if (c) return err_format(&exc_ValueError, "write to closed file");
    if (buffered_write_c(b, (const char *)data, (size_t)len) < 0) return VAL_NULL;
    return int_from_i64(len);
}

static Value buffered_flush_m(Value *args, int nargs, Value kwnames)
{
    Buffered *b = SELF;
    if (!(b->kind & BUFK_WRITE)) {                /* BufferedReader: the raw stream's flush */
        if (buf_check_init(b) < 0) return VAL_NULL;
        if (IS_FILEIO(b->raw)) return ((FileIO *)AS_OBJ(b->raw))->fd < 0 ? io_closed_error() : VAL_NONE;
        return obj_call_method(b->raw, "flush", NULL, 0);
    }
    if (buf_check(b, "flush of closed file") < 0) return VAL_NULL;
    if (buf_flush_w(b, 1) < 0) return VAL_NULL;
    if (IS_FILEIO(b->raw)) return VAL_NONE;
    return obj_call_method(b->raw, "flush", NULL, 0);
}

/* ---- positioning ----------------------------------------------------------------------- */

static Value buffered_seek_m(Value *args, int nargs, Value kwnames)
{
    Buffered *b = SELF;
    if (buf_check_init(b) < 0) return VAL_NULL;
    int whence = 0;
    if (!IS_NULL(args[2]) && arg_to_int(args[2], &whence) < 0) return VAL_NULL;
    if (whence < 0 || whence > 2) return err_format(&exc_ValueError, "whence value %d unsupported", whence);
    int64_t pos;
    Value iv = obj_index(args[1]);
    if (IS_NULL(iv)) return VAL_NULL;
    if (int_to_i64(iv, &pos) < 0) {
        err_clear();
        return err_format(&exc_ValueError, "cannot fit '%T' into an offset-sized integer", iv);
    }
    if (buf_check(b, "seek of closed file") < 0) return VAL_NULL;
    if (b->wlen && buf_flush_w(b, 1) < 0) return VAL_NULL;
    if (whence == 1) pos -= (int64_t)buf_avail(b);
    b->rpos = b->rlen = 0;
    int64_t r = buf_raw_seek(b, pos, whence);
    return r < 0 ? VAL_NULL : int_from_i64(r);
}

static Value buffered_tell_m(Value *args, int nargs, Value kwnames)
{
    Buffered *b = SELF;
    if (buf_check_init(b) < 0) return VAL_NULL;
    int64_t pos = buf_raw_tell(b);
    if (pos < 0) return VAL_NULL;
    pos = pos - (int64_t)buf_avail(b) + (int64_t)b->wlen;
    return int_from_i64(pos < 0 ? 0 : pos);
}

static Value buffered_truncate_m(Value *args, int nargs, Value kwnames)
{
    Buffered *b = SELF;
    if (buf_check(b, "truncate of closed file") < 0) return VAL_NULL;
    if (!(b->kind & BUFK_WRITE)) return io_unsupported("truncate");
    if (buf_flush_w(b, 1) < 0) return VAL_NULL;
    Value pos = IS_NULL(args[1]) ? VAL_NONE : args[1];
    if (IS_NONE(pos)) {
        Value t = buffered_tell_m(args, 1, VAL_NULL);
        if (IS_NULL(t)) return VAL_NULL;
        pos = t;
    } else {
        int64_t n;
        Value iv = obj_index(pos);
        if (IS_NULL(iv) || int_to_i64(iv, &n) < 0) return VAL_NULL;
    }
    if (buf_drop_readahead(b) < 0) return VAL_NULL;
    return obj_call_method(b->raw, "truncate", &pos, 1);
}

/* ---- closing ------------------------------------------------------------------------- */

static void buf_release(Buffered *b)
{
    buf_reg_remove(b);
    free(b->rbuf);
    free(b->wbuf);
    b->rbuf = b->wbuf = NULL;
    b->rpos = b->rlen = b->rcap = b->wlen = b->wcap = 0;
}

static Value buffered_close_m(Value *args, int nargs, Value kwnames)
{
    Buffered *b = SELF;
    if (buf_check_init(b) < 0) return VAL_NULL;
    int c = buf_raw_closed(b);
    if (c < 0) return VAL_NULL;
    if (c) return VAL_NONE;
    Value exc = VAL_NULL;
    if (IS_NULL(obj_call_method(args[0], "flush", NULL, 0))) exc = err_fetch();   /* a subclass's flush too */
    Value r = obj_call_method(b->raw, "close", NULL, 0);
    buf_release(b);
    return io_close_result(exc, r);
}

static Value buffered_detach_m(Value *args, int nargs, Value kwnames)
{
    Buffered *b = SELF;
    if (buf_check_init(b) < 0) return VAL_NULL;
    if ((b->kind & BUFK_WRITE) && IS_NULL(buffered_flush_m(args, 1, VAL_NULL))) return VAL_NULL;
    Value raw = b->raw;
    b->raw = VAL_NONE;
    b->detached = 1;
    buf_release(b);
    return raw;
}

/* ---- delegation to the raw stream -------------------------------------------------------- */

static Value buf_delegate(Value *args, const char *method)
{
    Buffered *b = SELF;
    if (buf_check_init(b) < 0) return VAL_NULL;
    return obj_call_method(b->raw, method, NULL, 0);
}

static Value buffered_fileno_m(Value *args, int nargs, Value kwnames) { return buf_delegate(args, "fileno"); }
static Value buffered_isatty_m(Value *args, int nargs, Value kwnames) { return buf_delegate(args, "isatty"); }
static Value buffered_readable_m(Value *args, int nargs, Value kwnames) { return buf_delegate(args, "readable"); }
static Value buffered_writable_m(Value *args, int nargs, Value kwnames) { return buf_delegate(args, "writable"); }
static Value buffered_seekable_m(Value *args, int nargs, Value kwnames) { return buf_delegate(args, "seekable"); }

static Value buf_raw_attr(Value self, const char *name)
{
    Buffered *b = (Buffered *)AS_OBJ(self);
    if (buf_check_init(b) < 0) return VAL_NULL;
    return obj_getattr(b->raw, str_intern_c(name));
}

static Value buffered_name_get(Value self) { return buf_raw_attr(self, "name"); }
static Value buffered_mode_get(Value self) { return buf_raw_attr(self, "mode"); }
static Value buffered_closed_get(Value self)
{
    Buffered *b = (Buffered *)AS_OBJ(self);
    if (buf_check_init(b) < 0) return VAL_NULL;
    int c = buf_raw_closed(b);
    return c < 0 ? VAL_NULL : MK_BOOL(c);
}
static Value buffered_raw_get(Value self) { return ((Buffered *)AS_OBJ(self))->raw; }

static Value buffered_repr_m(Value *args, int nargs, Value kwnames)
{
    const char *tn = type_name(AS_OBJ(args[0])->type);
    Value name = obj_getattr_opt(args[0], str_intern_c("name"));
    if (IS_NULL(name)) {
        if (err_occurred()) {
            if (!err_matches(&exc_ValueError)) return VAL_NULL;
            err_clear();
        }
        return str_format_c("<%s>", tn);
    }
    if (obj_enter_recursion(" while getting the repr of an object") < 0) return VAL_NULL;
    Value r = str_format_c("<%s name=%R>", tn, name);
    obj_leave_recursion();
    return r;
}

static Value buffered_getstate_m(Value *args, int nargs, Value kwnames)
{
    return err_format(&exc_TypeError, "cannot pickle '%s' object", type_name(AS_OBJ(args[0])->type));
}

static Value buffered_dealloc_warn_m(Value *args, int nargs, Value kwnames) { return VAL_NONE; }

static Value buffered_sizeof_m(Value *args, int nargs, Value kwnames)
{
    Buffered *b = SELF;
    return int_from_i64((int64_t)(sizeof(Buffered) + b->rcap + b->wcap));
}

/* ---- construction ------------------------------------------------------------------------ */

static Value buffered_new_m(Value *args, int nargs, Value kwnames)
{
    Obj *o = obj_new_instance(AS_TYPE(args[0]));
    if (!o) return VAL_NULL;
    Buffered *b = (Buffered *)o;
    b->raw = VAL_NONE;
    b->size = IO_DEFAULT_BUFFER_SIZE;
    return MK_OBJ(o);
}

static int buf_kind_of(Type *t)
{
    while (t && t != &type_bufferedreader && t != &type_bufferedwriter && t != &type_bufferedrandom) t = t->base;
    if (t == &type_bufferedreader) return BUFK_READ;
    if (t == &type_bufferedwriter) return BUFK_WRITE;
    return BUFK_READ | BUFK_WRITE;
}

static int buf_init(Buffered *b, Value raw, int64_t size)
{
    b->ok = 0;
    b->detached = 0;
    int kind = buf_kind_of(b->base.header.type);
    if ((kind & BUFK_READ) && IS_NULL(io_check_able(raw, "readable", "File or stream is not readable.")))
        return -1;
    if ((kind & BUFK_WRITE) && IS_NULL(io_check_able(raw, "writable", "File or stream is not writable.")))
        return -1;
    if (kind == (BUFK_READ | BUFK_WRITE)
        && IS_NULL(io_check_able(raw, "seekable", "File or stream is not seekable.")))
        return -1;
    if (size <= 0) {
        err_format(&exc_ValueError, "buffer size must be strictly positive");
        return -1;
    }
    buf_release(b);
    b->raw = raw;
    b->kind = (uint8_t)kind;
    b->size = size;
    b->ok = 1;
    if (kind & BUFK_WRITE) buf_reg_add(b);
    return 0;
}

static Value buffered_init_m(Value *args, int nargs, Value kwnames)
{
    int64_t size = IO_DEFAULT_BUFFER_SIZE;
    if (!IS_NULL(args[2]) && arg_to_ssize(args[2], &size) < 0) return VAL_NULL;
    return buf_init(SELF, args[1], size) < 0 ? VAL_NULL : VAL_NONE;
}

Value buffered_new(Type *t, Value raw, int64_t size)
{
    Buffered *b = (Buffered *)obj_new_instance(t);
    if (!b) return VAL_NULL;
    b->raw = VAL_NONE;
    if (buf_init(b, raw, size) < 0) return VAL_NULL;
    return MK_OBJ(b);
}

void buffered_flush_all(void)
{
    for (Buffered *b = buf_registry; b; b = b->reg_next)
        if (b->wlen && buf_fast_fd(b) >= 0) buf_flush_w(b, 0);
}

static void buffered_trace(Obj *o)
{
    gc_mark_value(((Buffered *)o)->raw);
}

static void buffered_finalize(Obj *o)
{
    Buffered *b = (Buffered *)o;
    if (b->wlen && IS_OBJ(b->raw) && IS_FILEIO(b->raw) && AS_OBJ(b->raw)->type)
        buf_flush_w(b, 0);
    buf_release(b);
}

/* ---- the types ---------------------------------------------------------------------------- */

#define BUF_COMMON_METHODS                                                                       \
    {"__new__", buffered_new_m, METH_STATIC, NULL},                                              \
    {"detach", buffered_detach_m, ARGS_NONE, NULL},                                              \
    {"flush", buffered_flush_m, ARGS_NONE, NULL},                                                \
    {"close", buffered_close_m, ARGS_NONE, NULL},                                                \
    {"seek", buffered_seek_m, ARGS_POS(1, 2), NULL},                                             \
    {"tell", buffered_tell_m, ARGS_NONE, NULL},                                                  \
    {"truncate", buffered_truncate_m, ARGS_POS(0, 1), NULL},                                     \
    {"fileno", buffered_fileno_m, ARGS_NONE, NULL},                                              \
    {"isatty", buffered_isatty_m, ARGS_NONE, NULL},                                              \
    {"seekable", buffered_seekable_m, ARGS_NONE, NULL},                                          \
    {"_dealloc_warn", buffered_dealloc_warn_m, ARGS_ONE, NULL},                                  \
    {"__getstate__", buffered_getstate_m, ARGS_NONE, NULL},                                      \
    {"__sizeof__", buffered_sizeof_m, ARGS_NONE, NULL},                                          \
    {"__repr__", buffered_repr_m, ARGS_WRAP(0), NULL}

#define BUF_READ_METHODS                                                                         \
    {"read", buffered_read_m, ARGS_POS(0, 1), NULL},                                             \
    {"read1", buffered_read1_m, ARGS_POS(0, 1), NULL},                                           \
    {"peek", buffered_peek_m, ARGS_POS(0, 1), NULL},                                             \
    {"readline", buffered_readline_m, ARGS_POS(0, 1), NULL},                                     \
    {"readinto", buffered_readinto_m, ARGS_ONE, NULL},                                           \
    {"readinto1", buffered_readinto1_m, ARGS_ONE, NULL},                                         \
    {"__next__", buffered_next_m, ARGS_WRAP(0), NULL},                                           \
    {"readable", buffered_readable_m, ARGS_NONE, NULL}

#define BUF_WRITE_METHODS                                                                        \
    {"write", buffered_write_m, ARGS_ONE, NULL},                                                 \
    {"writable", buffered_writable_m, ARGS_NONE, NULL}

static const MethodDef reader_methods[] = {
    {"__init__", buffered_init_m, ARGS_KW, NULL, "BufferedReader($self, /, raw, buffer_size=DEFAULT_BUFFER_SIZE)"},
    BUF_COMMON_METHODS, BUF_READ_METHODS, {NULL, NULL, 0, NULL},
};
static const MethodDef writer_methods[] = {
    {"__init__", buffered_init_m, ARGS_KW, NULL, "BufferedWriter($self, /, raw, buffer_size=DEFAULT_BUFFER_SIZE)"},
    BUF_COMMON_METHODS, BUF_WRITE_METHODS, {NULL, NULL, 0, NULL},
};
static const MethodDef random_methods[] = {
    {"__init__", buffered_init_m, ARGS_KW, NULL, "BufferedRandom($self, /, raw, buffer_size=DEFAULT_BUFFER_SIZE)"},
    BUF_COMMON_METHODS, BUF_READ_METHODS, BUF_WRITE_METHODS, {NULL, NULL, 0, NULL},
};

static const GetSetDef buffered_getsets[] = {
    {"name", buffered_name_get, NULL, NULL},
    {"mode", buffered_mode_get, NULL, NULL},
    {"closed", buffered_closed_get, NULL, NULL},
    {"raw", buffered_raw_get, getset_readonly, NULL},
    {NULL, NULL, NULL, NULL},
};

#define BUFFERED_TYPE(var, name, meths)                                                          \
    Type var = {                                                                                 \
        .tp_name = name, .base = &type_bufferediobase,                                           \
        .flags = TF_BASETYPE | TF_HAS_DICT | TF_WEAKREFABLE,                                     \
        .basicsize = sizeof(Buffered), .dictoffset = offsetof(IOBase, dict),                     \
        .trace = buffered_trace, .finalize = buffered_finalize, .methods = meths,                \
        .getsets = buffered_getsets,                                                             \
    };

BUFFERED_TYPE(type_bufferedreader, "_io.BufferedReader", reader_methods)
GILPY_TYPE(type_bufferedreader, NULL);
BUFFERED_TYPE(type_bufferedwriter, "_io.BufferedWriter", writer_methods)
GILPY_TYPE(type_bufferedwriter, NULL);
BUFFERED_TYPE(type_bufferedrandom, "_io.BufferedRandom", random_methods)
GILPY_TYPE(type_bufferedrandom, NULL);

/* ---- BufferedRWPair: a reader and a writer over two raw streams ------------------------------ */

typedef struct RWPair {
    IOBase base;
    Value  reader, writer;
} RWPair;

#define PAIR ((RWPair *)AS_OBJ(args[0]))

static Value rwpair_new_m(Value *args, int nargs, Value kwnames)
{
    Obj *o = obj_new_instance(AS_TYPE(args[0]));
    if (!o) return VAL_NULL;
    ((RWPair *)o)->reader = ((RWPair *)o)->writer = VAL_NULL;
    return MK_OBJ(o);
}

static Value rwpair_init_m(Value *args, int nargs, Value kwnames)
{
    int64_t size = IO_DEFAULT_BUFFER_SIZE;
    if (!IS_NULL(args[3]) && arg_to_ssize(args[3], &size) < 0) return VAL_NULL;
    Value r = buffered_new(&type_bufferedreader, args[1], size);
    if (IS_NULL(r)) return VAL_NULL;
    Value w = buffered_new(&type_bufferedwriter, args[2], size);
    if (IS_NULL(w)) return VAL_NULL;
    PAIR->reader = r;
    PAIR->writer = w;
    return VAL_NONE;
}

static Value rwpair_side(Value *args, int writer)
{
    Value v = writer ? PAIR->writer : PAIR->reader;
    if (IS_NULL(v)) err_format(&exc_ValueError, "I/O operation on uninitialized object");
    return v;
}

static Value rwpair_call(Value *args, int nargs, int writer, const char *method)
{
    Value side = rwpair_side(args, writer);
    if (IS_NULL(side)) return VAL_NULL;
    int n = 0;
    while (n < nargs - 1 && !IS_NULL(args[1 + n])) n++;
    return obj_call_method(side, method, args + 1, n);
}

static Value rwpair_read_m(Value *args, int nargs, Value kwnames) { return rwpair_call(args, nargs, 0, "read"); }
static Value rwpair_peek_m(Value *args, int nargs, Value kwnames) { return rwpair_call(args, nargs, 0, "peek"); }
static Value rwpair_read1_m(Value *args, int nargs, Value kwnames) { return rwpair_call(args, nargs, 0, "read1"); }
static Value rwpair_readinto_m(Value *args, int nargs, Value kwnames) { return rwpair_call(args, nargs, 0, "readinto"); }
static Value rwpair_readinto1_m(Value *args, int nargs, Value kwnames)
{
    return rwpair_call(args, nargs, 0, "readinto1");
}
static Value rwpair_readable_m(Value *args, int nargs, Value kwnames) { return rwpair_call(args, nargs, 0, "readable"); }
static Value rwpair_write_m(Value *args, int nargs, Value kwnames) { return rwpair_call(args, nargs, 1, "write"); }
static Value rwpair_flush_m(Value *args, int nargs, Value kwnames) { return rwpair_call(args, nargs, 1, "flush"); }
static Value rwpair_writable_m(Value *args, int nargs, Value kwnames) { return rwpair_call(args, nargs, 1, "writable"); }

static Value rwpair_close_m(Value *args, int nargs, Value kwnames)
{
    Value r = rwpair_call(args, 1, 1, "close");
    Value exc = IS_NULL(r) ? err_fetch() : VAL_NULL;
    return io_close_result(exc, rwpair_call(args, 1, 0, "close"));
}

static Value rwpair_isatty_m(Value *args, int nargs, Value kwnames)
{
    Value r = rwpair_call(args, 1, 1, "isatty");
    if (IS_NULL(r) || r != VAL_FALSE) return r;
    return rwpair_call(args, 1, 0, "isatty");
}

static Value rwpair_closed_get(Value self)
{
    RWPair *p = (RWPair *)AS_OBJ(self);
    if (IS_NULL(p->writer)) return err_format(&exc_RuntimeError, "the BufferedRWPair object is being garbage-collected");
    return obj_getattr(p->writer, str_intern_c("closed"));
}

static const MethodDef rwpair_methods[] = {
    {"__new__", rwpair_new_m, METH_STATIC, NULL},
    {"__init__", rwpair_init_m, ARGS_POS(2, 3), NULL},
    {"read", rwpair_read_m, ARGS_POS(0, 1), NULL},
    {"peek", rwpair_peek_m, ARGS_POS(0, 1), NULL},
    {"read1", rwpair_read1_m, ARGS_POS(0, 1), NULL},
    {"readinto", rwpair_readinto_m, ARGS_ONE, NULL},
    {"readinto1", rwpair_readinto1_m, ARGS_ONE, NULL},
    {"write", rwpair_write_m, ARGS_ONE, NULL},
    {"flush", rwpair_flush_m, ARGS_NONE, NULL},
    {"readable", rwpair_readable_m, ARGS_NONE, NULL},
    {"writable", rwpair_writable_m, ARGS_NONE, NULL},
    {"close", rwpair_close_m, ARGS_NONE, NULL},
    {"isatty", rwpair_isatty_m, ARGS_NONE, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef rwpair_getsets[] = {
    {"closed", rwpair_closed_get, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static void rwpair_trace(Obj *o)
{
    gc_mark_value(((RWPair *)o)->reader);
    gc_mark_value(((RWPair *)o)->writer);
}

Type type_bufferedrwpair = {
    .tp_name = "_io.BufferedRWPair", .base = &type_bufferediobase,
    .flags = TF_BASETYPE | TF_HAS_DICT | TF_WEAKREFABLE,
    .basicsize = sizeof(RWPair), .dictoffset = offsetof(IOBase, dict),
    .trace = rwpair_trace, .methods = rwpair_methods, .getsets = rwpair_getsets,
};
GILPY_TYPE(type_bufferedrwpair, NULL);
