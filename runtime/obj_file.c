/* obj_file.c - file objects (open(), sys.stdin/stdout/stderr).
 *
 * Design.  A FileObj wraps a file descriptor with our own buffering instead
 * of stdio: a read-ahead buffer [rpos, rlen) and an output buffer of wlen
 * bytes, both plain malloc'd memory the object owns.  Text mode decodes and
 * encodes at the edges (UTF-8 by default, str_decode/str_encode for the
 * others) and translates newlines: universal newlines on input when
 * newline=None, '\n' -> newline on output for '\r'/'\r\n'.  tell() in text
 * mode is the byte position, which is CPython's cookie whenever the decoder
 * holds no state (always, for UTF-8 read line by line).
 *
 * Blocking syscalls go between GIL_BLOCKING_BEGIN/END and touch only C
 * memory: a read fills a temporary malloc'd chunk copied into the object
 * afterwards; a flush detaches the output buffer from the object before
 * writing it.  So another thread closing the file meanwhile cannot pull a
 * buffer from under the syscall.
 *
 * Writable files sit in an intrusive doubly linked registry (weak: the
 * finalizer unlinks) for file_flush_all() at exit and before fork.
 */
#define _GNU_SOURCE 1   /* newlocale */
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "obj_file.h"
#include "signals.h"
#include "audit.h"
#include "call.h"
#include "error.h"
#include "gc.h"
#include "obj_bytes.h"
#include "obj_memoryview.h"
#include "obj_dict.h"
#include "obj_int.h"
#include "obj_list.h"
#include "obj_str.h"
#include "obj_type.h"
#include "state.h"
#include "strbuf.h"

#define FILE_CHUNK 8192
#define AS_FILE(v) ((FileObj *)AS_OBJ(v))

static FileObj *file_registry;
static Value file_std[3];
static Value file_unsupported_cls;

/* ---- registry ------------------------------------------------------------------ */

static void file_reg_add(FileObj *f)
{
    if (f->fflags & FILEF_REG) return;
    f->reg_prev = NULL;
    f->reg_next = file_registry;
    if (file_registry) file_registry->reg_prev = f;
    file_registry = f;
    f->fflags |= FILEF_REG;
}

static void file_reg_remove(FileObj *f)
{
    if (!(f->fflags & FILEF_REG)) return;
    if (f->reg_prev) f->reg_prev->reg_next = f->reg_next;
    else file_registry = f->reg_next;
    if (f->reg_next) f->reg_next->reg_prev = f->reg_prev;
    f->reg_prev = f->reg_next = NULL;
    f->fflags &= ~(uint32_t)FILEF_REG;
}

/* ---- errors -------------------------------------------------------------------- */

/* io.UnsupportedOperation(OSError, ValueError), made on first use. */
static Value file_unsupported_type(void)
{
    if (IS_OBJ(file_unsupported_cls)) return file_unsupported_cls;
    Value d = dict_new();
    if (IS_NULL(d) || dict_set_c(d, "__module__", str_from_c("io")) < 0) return VAL_NULL;
    Value bases = tuple_pack(2, MK_OBJ(&exc_OSError), MK_OBJ(&exc_ValueError));
    if (IS_NULL(bases)) return VAL_NULL;
    Value cls = type_new_class(&type_type, str_from_c("UnsupportedOperation"), bases, d, VAL_NULL);
    if (IS_NULL(cls)) {
        err_clear();
        return MK_OBJ(&exc_OSError);
    }
    file_unsupported_cls = cls;
    gc_add_root(&file_unsupported_cls);
    return cls;
}

static Value file_unsupported(const char *msg)
{
    Value cls = file_unsupported_type();
    if (IS_NULL(cls)) return VAL_NULL;
    if (!IS_TYPE(cls)) return err_format(&exc_OSError, "%s", msg);
    return err_format(AS_TYPE(cls), "%s", msg);
}

static Value file_closed_error(const char *what)
{
    if (what) return err_format(&exc_ValueError, "%s of closed file", what);
    return err_format(&exc_ValueError, "I/O operation on closed file.");
}

/* Check the file is open; `what` names the binary-mode operation. */
static int file_check_open(FileObj *f, const char *what)
{
    if (f->fd >= 0) return 0;
    file_closed_error((f->fflags & FILEF_TEXT) ? NULL : what);
    return -1;
}

static int file_check_readable(FileObj *f, const char *what)
{
    if (file_check_open(f, what) < 0) return -1;
    if (f->fflags & FILEF_READ) return 0;
    file_unsupported((f->fflags & FILEF_TEXT) ? "not readable" : "read");
    return -1;
}

static int file_check_writable(FileObj *f)
{
    if (file_check_open(f, "write to") < 0) return -1;
    if (f->fflags & FILEF_WRITE) return 0;
    file_unsupported((f->fflags & FILEF_TEXT) ? "not writable" : "write");
    return -1;
}

/* ---- raw syscalls (no Python objects touched while the GIL is out) -------------- */

/* read() into tmp; returns bytes read, 0 at EOF, -1 with errno set, -2
 * when a signal handler raised (Ctrl-C during input()). */
static ssize_t file_sys_read(int fd, char *tmp, size_t n)
{
    ssize_t r;
    int saved;
    for (;;) {
        GIL_BLOCKING_BEGIN(GIL_REASON_IO);
        r = read(fd, tmp, n);
        saved = errno;
        GIL_BLOCKING_END();
        if (r >= 0 || saved != EINTR) break;
        if (sig_check() < 0) return -2;
    }
    errno = saved;
    return r;
}

/* Write all of buf; 0 ok, -1 with errno set (*done: the bytes written before
 * the error).  release: drop the GIL. */
static int file_sys_write_all(int fd, const char *buf, size_t n, int release, size_t *done)
{
    *done = 0;
    while (n > 0) {
        ssize_t w;
        int saved;
        if (release) {
            GIL_BLOCKING_BEGIN(GIL_REASON_IO);
            w = write(fd, buf, n);
            saved = errno;
            GIL_BLOCKING_END();
        } else {
            w = write(fd, buf, n);
            saved = errno;
        }
        if (w < 0) {
            if (saved == EINTR) continue;
            errno = saved;
            return -1;
        }
        buf += w;
        n -= (size_t)w;
        *done += (size_t)w;
    }
    return 0;
}

/* ---- buffers ------------------------------------------------------------------- */

/* Write out the output buffer.  0 ok, -1 OSError set (when raise_errors).
 * What a failed write left unwritten stays buffered, as in CPython's
 * BufferedWriter (a flush at exit fails again and is reported), unless
 * `drop`: data written through (a write too big to buffer, an unbuffered
 * stream) is lost with its error, as there.  The buffer is detached during
 * the write (another thread may append or close meanwhile); the unwritten
 * part is put back only if nothing was appended since. */
static int file_flush_buf(FileObj *f, int release, int raise_errors, int drop)
{
    if (f->wlen == 0 || f->fd < 0) return 0;
    char *buf = f->wbuf;
    size_t n = f->wlen, cap = f->wcap, done;
    f->wbuf = NULL;
    f->wlen = f->wcap = 0;
    int fd = f->fd;
    int r = file_sys_write_all(fd, buf, n, release, &done);
    int saved = errno;
    if (r < 0 && !drop && f->wbuf == NULL && f->fd >= 0) {
        memmove(buf, buf + done, n - done);
        f->wbuf = buf;
        f->wlen = n - done;
        f->wcap = cap;
    } else {
        free(buf);
    }
    if (r < 0 && raise_errors) {
        errno = saved;
        err_from_errno(&exc_OSError, VAL_NULL);
        return -1;
    }
    return 0;
}

static int file_flush_raw(FileObj *f, int release, int raise_errors)
{
    return file_flush_buf(f, release, raise_errors, 0);
}

/* Give back read-ahead bytes to the OS position before writing or seeking. */
static int file_drop_readahead(FileObj *f)
{
    size_t ahead = f->rlen - f->rpos;
    f->rpos = f->rlen = 0;
    f->fflags &= ~(uint32_t)FILEF_EOF;
    if (ahead && lseek(f->fd, -(off_t)ahead, SEEK_CUR) < 0) {
        err_from_errno(&exc_OSError, VAL_NULL);
        return -1;
    }
    return 0;
}

static int file_wbuf_append(FileObj *f, const char *s, size_t n)
{
    if (n == 0) return 0;
    if (f->wlen + n > f->wcap) {
        size_t cap = f->wcap ? f->wcap : FILE_CHUNK;
        while (cap < f->wlen + n) cap *= 2;
        char *nb = gc_sys_realloc(f->wbuf, cap);
        if (!nb) { err_no_memory(); return -1; }
        f->wbuf = nb;
        f->wcap = cap;
    }
    memcpy(f->wbuf + f->wlen, s, n);
    f->wlen += n;
    return 0;
}

/* Append n bytes to the read-ahead buffer (compacting or growing it). */
static int file_rbuf_append(FileObj *f, const char *data, size_t n)
{
    if (n == 0) return 0;
    if (f->rpos > 0) {
        memmove(f->rbuf, f->rbuf + f->rpos, f->rlen - f->rpos);
        f->rlen -= f->rpos;
        f->rpos = 0;
    }
    if (f->rcap - f->rlen < n) {
        size_t cap = f->rcap ? f->rcap : FILE_CHUNK;
        while (cap - f->rlen < n) cap *= 2;
        char *nb = gc_sys_realloc(f->rbuf, cap);
        if (!nb) { err_no_memory(); return -1; }
        f->rbuf = nb;
        f->rcap = cap;
    }
    memcpy(f->rbuf + f->rlen, data, n);
    f->rlen += n;
    return 0;
}

/* Read more bytes into the read-ahead buffer: 1 got some, 0 EOF, -1 error.
 * The syscall fills a private chunk; the object's buffer is only touched
 * with the GIL held (another thread may use the file meanwhile). */
static int file_fill(FileObj *f)
{
    if (f->wlen && file_flush_raw(f, 1, 1) < 0) return -1;
    char *tmp = gc_sys_malloc(FILE_CHUNK);
    if (!tmp) { err_no_memory(); return -1; }
    ssize_t r = file_sys_read(f->fd, tmp, FILE_CHUNK);
    int saved = errno;
    if (r > 0 && f->fd >= 0 && file_rbuf_append(f, tmp, (size_t)r) < 0) r = -2;     /* -2: error set */
    free(tmp);
    if (r == -2) return -1;
    if (r < 0) {
        errno = saved;
        err_from_errno(&exc_OSError, VAL_NULL);
        return -1;
    }
    if (r == 0) f->fflags |= FILEF_EOF;
    return r > 0;
}

static size_t file_avail(FileObj *f) { return f->rlen - f->rpos; }

/* ---- decoding/encoding helpers -------------------------------------------------- */

static Value file_decode(FileObj *f, const char *data, size_t len)
{
    const char *errs = IS_STR(f->errors) ? STR_DATA(f->errors) : NULL;
    if ((f->fflags & FILEF_UTF8) && (!errs || strcmp(errs, "strict") == 0))
        return str_new_checked(data, len);
    return str_decode((const uint8_t *)data, len, STR_DATA(f->encoding), errs);
}

/* Is byte c the start of a character (for counting chars while reading)? */
static int file_char_start(FileObj *f, unsigned char c)
{
    return !(f->fflags & FILEF_UTF8) || (c & 0xC0) != 0x80;
}

/* ---- text reading --------------------------------------------------------------- */

/* Peek the byte after the current one (refilling); -1 none, -2 error. */
static int file_peek_next(FileObj *f)
{
    if (f->rpos + 1 >= f->rlen) {
        int r = file_fill(f);
        if (r < 0) return -2;
        if (f->rpos + 1 >= f->rlen) return -1;
    }
    return (unsigned char)f->rbuf[f->rpos + 1];
}

/* Read up to maxchars characters (all when < 0), stopping after a line end
 * when `line`.  Newlines translated as the newline mode says. */
static Value file_text_read(FileObj *f, int64_t maxchars, int line)
{
    StrBuf sb;
    sb_init(&sb);
    int64_t nchars = 0;
    for (;;) {
        if (f->rpos >= f->rlen) {
            int r = file_fill(f);
            if (r < 0) { sb_free(&sb); return VAL_NULL; }
            if (r == 0) break;
        }
        if (maxchars < 0) {          /* fast path: copy a run without line ends */
            size_t i = f->rpos;
            while (i < f->rlen && f->rbuf[i] != '\r' && f->rbuf[i] != '\n') i++;
            if (i > f->rpos) {
                sb_put(&sb, f->rbuf + f->rpos, i - f->rpos);
                f->rpos = i;
                continue;
            }
        }
        unsigned char c = (unsigned char)f->rbuf[f->rpos];
        if (file_char_start(f, c)) {
            if (maxchars >= 0 && nchars >= maxchars) break;
            nchars++;
        }
        if (c == '\r' && (f->newline == FILE_NL_UNIVERSAL || f->newline == FILE_NL_UNTRANSLATED ||
                          f->newline == FILE_NL_CRLF)) {
            int nx = file_peek_next(f);
            if (nx == -2) { sb_free(&sb); return VAL_NULL; }
            int crlf = nx == '\n';
            f->rpos += 1 + (size_t)crlf;
            if (f->newline == FILE_NL_UNIVERSAL) sb_putc(&sb, '\n');
            else if (crlf) sb_put(&sb, "\r\n", 2);
            else sb_putc(&sb, '\r');
            if (line && (crlf || f->newline != FILE_NL_CRLF)) break;
            continue;
        }
        f->rpos++;
        sb_putc(&sb, (char)c);
        if (line && ((c == '\n' && f->newline != FILE_NL_CR && f->newline != FILE_NL_CRLF) ||
                     (c == '\r' && f->newline == FILE_NL_CR)))
            break;
    }
    Value s = file_decode(f, sb.data ? sb.data : "", sb.len);
    sb_free(&sb);
    return s;
}

/* ---- binary reading ------------------------------------------------------------- */

static Value file_take_bytes(FileObj *f, size_t n)
{
    Value b = bytes_new(f->rbuf + f->rpos, n);
    if (!IS_NULL(b)) f->rpos += n;
    return b;
}

static Value file_bin_read(FileObj *f, int64_t n)
{
    if (f->fflags & FILEF_EOF && file_avail(f) == 0 && n != 0) {
        f->fflags &= ~(uint32_t)FILEF_EOF;   /* a tty may have more after ^D */
    }
    while (n < 0 || file_avail(f) < (size_t)n) {
        int r = file_fill(f);
        if (r < 0) return VAL_NULL;
        if (r == 0) break;
    }
    size_t take = file_avail(f);
    if (n >= 0 && (size_t)n < take) take = (size_t)n;
    return file_take_bytes(f, take);
}

static Value file_bin_readline(FileObj *f, int64_t limit)
{
    size_t scanned = 0;
    for (;;) {
        size_t avail = file_avail(f);
        if (limit >= 0 && avail >= (size_t)limit) avail = (size_t)limit;
        char *nl = avail > scanned ? memchr(f->rbuf + f->rpos + scanned, '\n', avail - scanned) : NULL;
        if (nl) return file_take_bytes(f, (size_t)(nl - (f->rbuf + f->rpos)) + 1);
        if (limit >= 0 && avail >= (size_t)limit) return file_take_bytes(f, avail);
        scanned = avail;
        int r = file_fill(f);
        if (r < 0) return VAL_NULL;
        if (r == 0) return file_take_bytes(f, file_avail(f));
    }
}

/* ---- writing -------------------------------------------------------------------- */

static int file_after_write(FileObj *f, int has_newline)
{
    if ((f->fflags & FILEF_UNBUF) || f->wlen >= FILE_CHUNK ||
        ((f->fflags & FILEF_LINEBUF) && has_newline))
        return file_flush_buf(f, 1, 1, (f->fflags & FILEF_UNBUF) != 0);
    return 0;
}

static int file_write_bytes(FileObj *f, const char *data, size_t n, int has_newline)
{
    if (f->rlen > f->rpos || f->rpos) {
        if (file_drop_readahead(f) < 0) return -1;
    }
    if (n >= FILE_CHUNK) {      /* too big to buffer: what is buffered goes first, then it */
        if (file_flush_raw(f, 1, 1) < 0) return -1;
        if (file_wbuf_append(f, data, n) < 0) return -1;
        return file_flush_buf(f, 1, 1, 1);
    }
    if (file_wbuf_append(f, data, n) < 0) return -1;
    return file_after_write(f, has_newline);
}

/* Write text: encode, translate '\n'. */
static int file_write_text(FileObj *f, Value s)
{
    const char *data = STR_DATA(s);
    size_t n = (size_t)STR_LEN(s);
    Value enc = VAL_NULL;
    /* Lone surrogates are kept in a str as ED xx xx; written out they go
     * through the codec and the stream's errors (UnicodeEncodeError when
     * strict, the escaped bytes with surrogateescape), never as is. */
    if (!(f->fflags & FILEF_UTF8) || str_has_surrogates(s)) {
        const char *errs = IS_STR(f->errors) ? STR_DATA(f->errors) : NULL;
        enc = str_encode(s, STR_DATA(f->encoding), errs);
        if (IS_NULL(enc)) return -1;
        data = (const char *)AS_BYTES(enc)->data;
        n = (size_t)AS_BYTES(enc)->len;
    }
    int has_nl = memchr(data, '\n', n) != NULL || memchr(data, '\r', n) != NULL;
    if (!has_nl || f->newline == FILE_NL_UNIVERSAL || f->newline == FILE_NL_UNTRANSLATED ||
        f->newline == FILE_NL_LF)
        return file_write_bytes(f, data, n, has_nl);
    StrBuf sb;
    sb_init(&sb);
    for (size_t i = 0; i < n; i++) {
        if (data[i] == '\n') sb_puts(&sb, f->newline == FILE_NL_CR ? "\r" : "\r\n");
        else sb_putc(&sb, data[i]);
    }
    int r = file_write_bytes(f, sb.data, sb.len, 1);
    sb_free(&sb);
    return r;
}

/* ---- closing -------------------------------------------------------------------- */

static void file_release(FileObj *f)
{
    file_reg_remove(f);
    free(f->rbuf);
    free(f->wbuf);
    f->rbuf = f->wbuf = NULL;
    f->rpos = f->rlen = f->rcap = f->wlen = f->wcap = 0;
}

static int file_close(FileObj *f)
{
    if (f->fd < 0) return 0;
    int r = file_flush_raw(f, 1, 1);
    int fd = f->fd;
    f->fd = -1;
    f->fflags |= FILEF_CLOSED;
    file_release(f);
    if (IS_FILE(f->buffer)) {
        AS_FILE(f->buffer)->fd = -1;
        file_release(AS_FILE(f->buffer));
    }
    if ((f->fflags & FILEF_CLOSEFD) && !(f->fflags & FILEF_SHARED) && close(fd) < 0 && r == 0) {
        err_from_errno(&exc_OSError, VAL_NULL);
        return -1;
    }
    return r;
}

static void file_finalize(Obj *o)
{
    FileObj *f = (FileObj *)o;
    if (f->fd >= 0) {
        file_flush_raw(f, 0, 0);
        if ((f->fflags & FILEF_CLOSEFD) && !(f->fflags & FILEF_SHARED)) close(f->fd);
        f->fd = -1;
    }
    file_release(f);
}

static void file_trace(Obj *o)
{
    FileObj *f = (FileObj *)o;
    gc_mark_value(f->name);
    gc_mark_value(f->mode);
    gc_mark_value(f->encoding);
    gc_mark_value(f->errors);
    gc_mark_value(f->buffer);
}

void file_flush_all(void)
{
    for (FileObj *f = file_registry; f; f = f->reg_next) file_flush_raw(f, 0, 0);
}

/* ---- construction --------------------------------------------------------------- */

static Type *file_type_for(uint32_t fl, int unbuffered_binary)
{
    if (fl & FILEF_TEXT) return &type_textiowrapper;
    if (unbuffered_binary) return &type_fileio;
    if ((fl & FILEF_READ) && (fl & FILEF_WRITE)) return &type_bufferedrandom;
    return (fl & FILEF_WRITE) ? &type_bufferedwriter : &type_bufferedreader;
}

static FileObj *file_alloc(Type *t, int fd, uint32_t fl)
{
    FileObj *f = (FileObj *)gc_alloc(t, sizeof(FileObj));
    if (!f) return NULL;
    f->fd = fd;
    f->fflags = fl;
    f->name = f->mode = VAL_NONE;
    f->encoding = f->errors = VAL_NONE;
    f->buffer = VAL_NULL;
    f->newline = FILE_NL_UNIVERSAL;
    if (fl & FILEF_WRITE) file_reg_add(f);
    return f;
}

static int file_encoding_is_utf8(const char *e)
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

Value file_from_fd(int fd, const char *name, const char *mode, int closefd)
{
    uint32_t fl = FILEF_TEXT | FILEF_UTF8 | (closefd ? FILEF_CLOSEFD : 0);
    fl |= mode[0] == 'r' ? FILEF_READ : FILEF_WRITE;
    FileObj *f = file_alloc(&type_textiowrapper, fd, fl);
    if (!f) return VAL_NULL;
    f->name = str_from_c(name);
    f->mode = str_from_c(mode);
    f->encoding = str_from_c("utf-8");
    f->errors = str_from_c("strict");
    return MK_OBJ(f);
}

/* CPython's errors for stdin and stdout (config_get_stdio_errors):
 * surrogateescape in UTF-8 mode and in the C, POSIX and C.UTF-8 locales (a
 * locale that does not exist leaves C), strict in a real locale. */
static const char *file_std_errors(void)
{
    const char *u = interp.flag_ignore_env ? NULL : getenv("PYTHONUTF8");
    if (u && strcmp(u, "1") == 0) return "surrogateescape";
    const char *loc = getenv("LC_ALL");
    if (!loc || !*loc) loc = getenv("LC_CTYPE");
    if (!loc || !*loc) loc = getenv("LANG");
    if (!loc || !*loc || !strcmp(loc, "C") || !strcmp(loc, "POSIX") || !strcmp(loc, "C.UTF-8") ||
        !strcmp(loc, "C.utf8") || !strcmp(loc, "UTF-8"))
        return "surrogateescape";
    locale_t l = newlocale(LC_CTYPE_MASK, loc, (locale_t)0);
    if (!l) return "surrogateescape";
    freelocale(l);
    return "strict";
}

/* PYTHONIOENCODING=[encoding][:errors]: the encoding of all three streams,
 * the errors of stdin and stdout (stderr keeps backslashreplace; an encoding
 * without errors means strict).  An encoding gilpy's codecs do not know is
 * ignored. */
static void file_std_ioencoding(FileObj *f, int i)
{
    const char *env = interp.flag_ignore_env ? NULL : getenv("PYTHONIOENCODING");
    if (!env || !*env) return;
    const char *colon = strchr(env, ':');
    size_t elen = colon ? (size_t)(colon - env) : strlen(env);
    if (elen > 0 && elen < 64) {
        char enc[64];
        memcpy(enc, env, elen);
        enc[elen] = '\0';
        const char *name = str_codec_name(enc);
        if (name) {
            f->encoding = str_from_c(name);
            if (file_encoding_is_utf8(name)) f->fflags |= FILEF_UTF8;
            else f->fflags &= ~(uint32_t)FILEF_UTF8;
        } else {
            err_clear();
        }
    }
    if (i == 2) return;
    if (colon && colon[1]) f->errors = str_from_c(colon + 1);
    else if (elen > 0) f->errors = str_from_c("strict");
}

static Value file_std_make(int i)
{
    static const char *const names[] = {"<stdin>", "<stdout>", "<stderr>"};
    if (fcntl(i, F_GETFD) < 0) return VAL_NONE;   /* closed at start-up: None, as CPython */
    Value v = file_from_fd(i, names[i], i == 0 ? "r" : "w", 0);
    if (IS_NULL(v)) return VAL_NULL;
    FileObj *f = AS_FILE(v);
    f->newline = FILE_NL_LF;         /* as CPython's create_stdio on POSIX */
    f->errors = str_from_c(i == 2 ? "backslashreplace" : file_std_errors());
    if (i == 1) {
        if (interp.flag_unbuffered) f->fflags |= FILEF_UNBUF;
        else if (isatty(1)) f->fflags |= FILEF_LINEBUF;
    } else if (i == 2) {
        f->fflags |= interp.flag_unbuffered ? FILEF_UNBUF : FILEF_LINEBUF;
    }
    file_std_ioencoding(f, i);
    file_std[i] = v;
    gc_add_root(&file_std[i]);
    return v;
}

Value file_stdin(void) { return IS_OBJ(file_std[0]) ? file_std[0] : file_std_make(0); }
Value file_stdout(void) { return IS_OBJ(file_std[1]) ? file_std[1] : file_std_make(1); }
Value file_stderr(void) { return IS_OBJ(file_std[2]) ? file_std[2] : file_std_make(2); }

/* ---- open() --------------------------------------------------------------------- */

typedef struct OpenMode {
    int creating, reading, writing, appending, updating, text, binary;
} OpenMode;

static int file_parse_mode(Value mode, OpenMode *m)
{
    memset(m, 0, sizeof *m);
    const char *s = STR_DATA(mode);
    for (int64_t i = 0; i < STR_LEN(mode); i++) {
        int *slot;
        switch (s[i]) {
        case 'x': slot = &m->creating; break;
        case 'r': slot = &m->reading; break;
        case 'w': slot = &m->writing; break;
        case 'a': slot = &m->appending; break;
        case '+': slot = &m->updating; break;
        case 't': slot = &m->text; break;
        case 'b': slot = &m->binary; break;
        default: slot = NULL;
        }
        if (!slot || *slot) {
            err_format(&exc_ValueError, "invalid mode: %R", mode);
            return -1;
        }
        *slot = 1;
    }
    if (m->text && m->binary) {
        err_format(&exc_ValueError, "can't have text and binary mode at once");
        return -1;
    }
    int n = m->creating + m->reading + m->writing + m->appending;
    if (n > 1) {
        err_format(&exc_ValueError, "must have exactly one of create/read/write/append mode");
        return -1;
    }
    if (n == 0) {
        err_format(&exc_ValueError,
                   "Must have exactly one of create/read/write/append mode and at most one plus");
        return -1;
    }
    return 0;
}

static int file_open_flags(const OpenMode *m)
{
    int fl = O_CLOEXEC;
    if (m->reading) fl |= m->updating ? O_RDWR : O_RDONLY;
    else fl |= (m->updating ? O_RDWR : O_WRONLY) | O_CREAT;
    if (m->writing) fl |= O_TRUNC;
    if (m->appending) fl |= O_APPEND;
    if (m->creating) fl |= O_EXCL;
    return fl;
}

/* The "open" audit event, with the raw file mode CPython's FileIO sees ('r', 'w+'). */
static int file_audit_open(Value file, const OpenMode *m)
{
    char raw[3], *p = raw;
    *p++ = m->creating ? 'x' : m->reading ? 'r' : m->writing ? 'w' : 'a';
    if (m->updating) *p++ = '+';
    *p = 0;
    return audit("open", "Osi", file, raw, file_open_flags(m));
}

/* The path argument: str, bytes or os.PathLike.  Sets *path (a str or bytes). */
static int file_path_arg(Value file, Value *path)
{
    if (IS_STR(file) || IS_BYTES(file)) { *path = file; return 0; }
    Value fs = type_lookup_c(val_type(file), "__fspath__");
    if (!IS_NULL(fs)) {
        Value r = call1(fs, file);
        if (IS_NULL(r)) return -1;
        if (IS_STR(r) || IS_BYTES(r)) { *path = r; return 0; }
        err_format(&exc_TypeError, "expected %T.__fspath__() to return str or bytes, not %T", file, r);
        return -1;
    }
    err_format(&exc_TypeError, "expected str, bytes or os.PathLike object, not %T", file);
    return -1;
}

static int file_newline_arg(Value nl, int *out)
{
    if (IS_NULL(nl) || IS_NONE(nl)) { *out = FILE_NL_UNIVERSAL; return 0; }
    if (!IS_STR(nl)) {
        err_format(&exc_TypeError, "open() argument 'newline' must be str or None, not %T", nl);
        return -1;
    }
    const char *s = STR_DATA(nl);
    if (!*s) *out = FILE_NL_UNTRANSLATED;
    else if (!strcmp(s, "\n")) *out = FILE_NL_LF;
    else if (!strcmp(s, "\r")) *out = FILE_NL_CR;
    else if (!strcmp(s, "\r\n")) *out = FILE_NL_CRLF;
    else {
        err_format(&exc_ValueError, "illegal newline value: %U", nl);
        return -1;
    }
    return 0;
}

static int file_str_or_none_arg(const char *what, Value v)
{
    if (IS_NULL(v) || IS_NONE(v) || IS_STR(v)) return 0;
    err_format(&exc_TypeError, "open() argument '%s' must be str or None, not %T", what, v);
    return -1;
}

/* Validate the argument combination; fills *m, *nl, *buffering. */
static int file_check_args(Value *a, OpenMode *m, int *nl, int64_t *buffering)
{
    Value mode = IS_NULL(a[1]) ? str_intern_c("r") : a[1];
    if (!IS_STR(mode)) {
        err_format(&exc_TypeError, "open() argument 'mode' must be str, not %N", mode);
        return -1;
    }
    if (file_parse_mode(mode, m) < 0) return -1;
    *buffering = -1;
    int buf = -1;
    if (!IS_NULL(a[2]) && arg_to_int(a[2], &buf) < 0) return -1;
    *buffering = buf;
    if (file_str_or_none_arg("encoding", a[3]) < 0 || file_str_or_none_arg("errors", a[4]) < 0)
        return -1;
    if (file_newline_arg(a[5], nl) < 0) return -1;
    if (m->binary) {
        const char *bad = !IS_NULL(a[3]) && !IS_NONE(a[3]) ? "an encoding"
                        : !IS_NULL(a[4]) && !IS_NONE(a[4]) ? "an errors"
                        : !IS_NULL(a[5]) && !IS_NONE(a[5]) ? "a newline" : NULL;
        if (bad) {
            err_format(&exc_ValueError, "binary mode doesn't take %s argument", bad);
            return -1;
        }
    } else if (*buffering == 0) {
        err_format(&exc_ValueError, "can't have unbuffered text I/O");
        return -1;
    }
    return 0;
}

/* open(2) with the GIL released; returns the fd or -1 with OSError set. */
static int file_sys_open(Value path, Value file, int flags)
{
    Value keep;
    const char *p = IS_STR(path) ? str_fsencode(path, &keep) : (const char *)AS_BYTES(path)->data;
    if (!p) return -1;
    int fd, saved;
    for (;;) {
        GIL_BLOCKING_BEGIN(GIL_REASON_IO);
        fd = open(p, flags, 0666);
        saved = errno;
        GIL_BLOCKING_END();
        if (fd >= 0 || saved != EINTR) break;
    }
    struct stat st;
    if (fd >= 0 && fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);
        fd = -1;
        saved = EISDIR;
    }
    if (fd < 0) {
        errno = saved;
        err_from_errno(&exc_OSError, file);
    }
    return fd;
}

static Value file_binary_mode_str(const OpenMode *m)
{
    char buf[8];
    int n = 0;
    buf[n++] = m->creating ? 'x' : m->reading ? 'r' : m->writing ? 'w' : 'a';
    buf[n++] = 'b';
    if (m->updating) buf[n++] = '+';
    buf[n] = 0;
    return str_from_c(buf);
}

static int file_setup_text(FileObj *f, Value *a, int nl, int64_t buffering)
{
    Value enc = IS_NULL(a[3]) || IS_NONE(a[3]) ? VAL_NULL : a[3];
    f->encoding = IS_NULL(enc) ? str_from_c("UTF-8") : enc;
    f->errors = IS_NULL(a[4]) || IS_NONE(a[4]) ? str_from_c("strict") : a[4];
    if (file_encoding_is_utf8(STR_DATA(f->encoding))) f->fflags |= FILEF_UTF8;
    else {
        Value probe = str_decode((const uint8_t *)"", 0, STR_DATA(f->encoding), NULL);
        if (IS_NULL(probe)) return -1;
    }
    f->newline = nl;
    if (buffering == 1) f->fflags |= FILEF_LINEBUF;
    return 0;
}

/* open(): its MethodDef is interp/builtins.c's (ARGS_ANY there), so it still
 * binds its own parameters. */
Value file_open_m(Value *args, int nargs, Value kwnames)
{
    static const char *const names[] = {"file", "mode", "buffering", "encoding", "errors",
                                        "newline", "closefd", "opener"};
    Value a[8];
    if (arg_parse("open", args, nargs, kwnames, names, 8, 0, 1, a) < 0) return VAL_NULL;
    OpenMode m;
    int nl;
    int64_t buffering;
    if (file_check_args(a, &m, &nl, &buffering) < 0) return VAL_NULL;
    int closefd = 1;
    if (!IS_NULL(a[6])) {
        closefd = obj_truthy(a[6]);
        if (closefd < 0) return VAL_NULL;
    }
    int fd;
    Value file = a[0];
    /* CPython flushes `open(p, 'w').write(s)` at once (refcounting frees the
     * file); a later open() of the same path must see the data here too. */
    file_flush_all();
    if (IS_INT(file) && !IS_BOOL(file)) {
        int64_t v;
        if (int_to_i64(file, &v) < 0) return VAL_NULL;
        if (v < 0) return err_format(&exc_ValueError, "negative file descriptor");
        fd = (int)v;
        file = IS_SMALLINT(file) ? file : int_from_i64(v);
        if (audit_active() && file_audit_open(file, &m) < 0) return VAL_NULL;
    } else {
        if (!closefd) return err_format(&exc_ValueError, "Cannot use closefd=False with file name");
        Value path;
        if (file_path_arg(file, &path) < 0) return VAL_NULL;
        if (IS_STR(path) ? memchr(STR_DATA(path), 0, (size_t)STR_LEN(path)) != NULL
                         : memchr(AS_BYTES(path)->data, 0, (size_t)AS_BYTES(path)->len) != NULL)
            return err_format(&exc_ValueError, "embedded null byte");
        if (audit_active() && file_audit_open(path, &m) < 0) return VAL_NULL;
        if (!IS_NULL(a[7]) && !IS_NONE(a[7])) {
            Value r = call2(a[7], path, MK_SMALLINT(file_open_flags(&m)));
            int64_t v;
            if (IS_NULL(r) || int_to_i64(r, &v) < 0) return VAL_NULL;
            fd = (int)v;
        } else {
            fd = file_sys_open(path, file, file_open_flags(&m));
            if (fd < 0) return VAL_NULL;
        }
    }
    uint32_t fl = (closefd ? FILEF_CLOSEFD : 0) | (m.binary ? 0 : FILEF_TEXT);
    if (m.reading || m.updating) fl |= FILEF_READ;
    if (!m.reading || m.updating) fl |= FILEF_WRITE;
    if (m.appending) fl |= FILEF_APPEND;
    if (m.binary && buffering == 0) fl |= FILEF_UNBUF;
    FileObj *f = file_alloc(file_type_for(fl, m.binary && buffering == 0), fd, fl);
    if (!f) { if (closefd) close(fd); return VAL_NULL; }
    f->name = file;
    f->mode = m.binary ? file_binary_mode_str(&m) : (IS_NULL(a[1]) ? str_intern_c("r") : a[1]);
    if (m.appending) lseek(fd, 0, SEEK_END);
    if (!m.binary && file_setup_text(f, a, nl, buffering) < 0) {
        file_close(f);
        return VAL_NULL;
    }
    return MK_OBJ(f);
}

/* ---- methods -------------------------------------------------------------------- */

#define SELF AS_FILE(args[0])

/* The size argument of read()/readline(): int or None; -1 means all. */
static int file_size_arg(Value v, int64_t *out)
{
    *out = -1;
    if (IS_NULL(v) || IS_NONE(v)) return 0;
    if (!IS_INT(v) && IS_NULL(type_lookup_c(val_type(v), "__index__"))) {
        err_format(&exc_TypeError, "argument should be integer or None, not '%T'", v);
        return -1;
    }
    return obj_index_size(v, out);
}

static Value file_read_m(Value *args, int nargs, Value kwnames)
{
    FileObj *f = SELF;
    int64_t n;
    if (file_check_readable(f, "read") < 0) return VAL_NULL;
    if (file_size_arg(args[1], &n) < 0) return VAL_NULL;
    if (f->fflags & FILEF_TEXT) return file_text_read(f, n, 0);
    return file_bin_read(f, n);
}

static Value file_readline_m(Value *args, int nargs, Value kwnames)
{
    FileObj *f = SELF;
    int64_t n;
    if (file_check_readable(f, "readline") < 0) return VAL_NULL;
    if (f->fflags & FILEF_TEXT) {       /* TextIOWrapper.readline(size: Py_ssize_t = -1) */
        n = -1;
        if (!IS_NULL(args[1]) && arg_to_ssize(args[1], &n) < 0) return VAL_NULL;
        return file_text_read(f, n, 1);
    }
    if (file_size_arg(args[1], &n) < 0) return VAL_NULL;
    return file_bin_readline(f, n);
}

static Value file_line(FileObj *f)
{
    return (f->fflags & FILEF_TEXT) ? file_text_read(f, -1, 1) : file_bin_readline(f, -1);
}

static Value file_readlines_m(Value *args, int nargs, Value kwnames)
{
    FileObj *f = SELF;
    int64_t hint;
    if (file_check_readable(f, "readline") < 0) return VAL_NULL;
    if (file_size_arg(args[1], &hint) < 0) return VAL_NULL;
    Value out = list_new(0);
    int64_t total = 0;
    while (!IS_NULL(out)) {
        Value line = file_line(f);
        if (IS_NULL(line)) return VAL_NULL;
        int64_t len = IS_STR(line) ? AS_STR(line)->nchars : AS_BYTES(line)->len;
        if (len == 0) break;
        if (list_append(out, line) < 0) return VAL_NULL;
        total += len;
        if (hint > 0 && total >= hint) break;
    }
    return out;
}

static Value file_next_m(Value *args, int nargs, Value kwnames)
{
    FileObj *f = SELF;
    if (file_check_readable(f, "readline") < 0) return VAL_NULL;
    Value line = file_line(f);
    if (IS_NULL(line)) return VAL_NULL;
    int64_t len = IS_STR(line) ? STR_LEN(line) : AS_BYTES(line)->len;
    return len ? line : VAL_NULL;
}

static Value file_iter_m(Value *args, int nargs, Value kwnames)
{
    if (SELF->fd < 0) return file_closed_error(NULL);
    return args[0];
}

static int file_write_value(FileObj *f, Value v, int64_t *count)
{
    if (f->fflags & FILEF_TEXT) {
        if (!IS_STR(v)) {
            err_format(&exc_TypeError, "write() argument must be str, not %N", v);
            return -1;
        }
        *count = AS_STR(v)->nchars;
        return file_write_text(f, v);
    }
    const uint8_t *data;
    int64_t len;
    if (IS_STR(v) || !buffer_check(v)) {
        err_format(&exc_TypeError, "a bytes-like object is required, not '%T'", v);
        return -1;
    }
    if (bytes_view(v, &data, &len) < 0) return -1;     /* a released or strided memoryview */
    *count = len;
    return file_write_bytes(f, (const char *)data, (size_t)len, memchr(data, '\n', (size_t)len) != NULL);
}

static Value file_write_m(Value *args, int nargs, Value kwnames)
{
    FileObj *f = SELF;
    int64_t count;
    if (file_check_writable(f) < 0) return VAL_NULL;
    if (file_write_value(f, args[1], &count) < 0) return VAL_NULL;
    return int_from_i64(count);
}

static Value file_writelines_m(Value *args, int nargs, Value kwnames)
{
    FileObj *f = SELF;
    if (file_check_open(f, NULL) < 0) return VAL_NULL;
    Value it = obj_iter(args[1]);
    if (IS_NULL(it)) return VAL_NULL;
    for (;;) {
        Value line = obj_next(it);
        if (IS_NULL(line)) return err_occurred() ? VAL_NULL : VAL_NONE;
        int64_t count;
        if (file_check_writable(f) < 0 || file_write_value(f, line, &count) < 0) return VAL_NULL;
    }
}

static Value file_close_m(Value *args, int nargs, Value kwnames)
{
    return file_close(SELF) < 0 ? VAL_NULL : VAL_NONE;
}

static Value file_flush_m(Value *args, int nargs, Value kwnames)
{
    if (SELF->fd < 0) return file_closed_error(NULL);
    return file_flush_raw(SELF, 1, 1) < 0 ? VAL_NULL : VAL_NONE;
}

static Value file_fileno_m(Value *args, int nargs, Value kwnames)
{
    if (SELF->fd < 0) return err_format(&exc_ValueError, "I/O operation on closed file");
    return MK_SMALLINT(SELF->fd);
}

static Value file_isatty_m(Value *args, int nargs, Value kwnames)
{
    if (SELF->fd < 0) return err_format(&exc_ValueError, "I/O operation on closed file");
    return MK_BOOL(isatty(SELF->fd));
}

static Value file_flag_query(Value *args, uint32_t flag)
{
    if (SELF->fd < 0) return err_format(&exc_ValueError, "I/O operation on closed file");
    return MK_BOOL(SELF->fflags & flag);
}

static Value file_readable_m(Value *args, int nargs, Value kwnames)
{
    return file_flag_query(args, FILEF_READ);
}

static Value file_writable_m(Value *args, int nargs, Value kwnames)
{
    return file_flag_query(args, FILEF_WRITE);
}

static Value file_seekable_m(Value *args, int nargs, Value kwnames)
{
    if (SELF->fd < 0) return err_format(&exc_ValueError, "I/O operation on closed file");
    return MK_BOOL(lseek(SELF->fd, 0, SEEK_CUR) >= 0);
}

/* Current logical position: OS position minus read-ahead plus pending output. */
static int64_t file_tell(FileObj *f)
{
    if (file_flush_raw(f, 1, 1) < 0) return -1;
    off_t pos = lseek(f->fd, 0, SEEK_CUR);
    if (pos < 0) { err_from_errno(&exc_OSError, VAL_NULL); return -1; }
    return (int64_t)pos - (int64_t)(f->rlen - f->rpos);
}

static Value file_tell_m(Value *args, int nargs, Value kwnames)
{
    if (file_check_open(SELF, NULL) < 0) return VAL_NULL;
    int64_t pos = file_tell(SELF);
    return pos < 0 ? VAL_NULL : int_from_i64(pos);
}

static int file_seek_text_check(int64_t pos, int64_t whence)
{
    if (whence == 1 && pos != 0) { file_unsupported("can't do nonzero cur-relative seeks"); return -1; }
    if (whence == 2 && pos != 0) { file_unsupported("can't do nonzero end-relative seeks"); return -1; }
    if (whence < 0 || whence > 2) {
        err_format(&exc_ValueError, "invalid whence (%lld, should be 0, 1 or 2)", (long long)whence);
        return -1;
    }
    if (whence == 0 && pos < 0) {
        err_format(&exc_ValueError, "negative seek position %lld", (long long)pos);
        return -1;
    }
    return 0;
}

/* seek's position: a binary file says CPython's "cannot fit 'int' into an
 * offset-sized integer" (ValueError); a text file's cookie has its own checks. */
static int file_offset_arg(Value v, int64_t *pos, FileObj *f)
{
    if (f->fflags & FILEF_TEXT) return arg_to_ssize(v, pos);
    Value i = obj_index(v);
    if (IS_NULL(i)) return -1;
    if (int_to_i64(i, pos) == 0) return 0;
    err_clear();
    err_format(&exc_ValueError, "cannot fit '%T' into an offset-sized integer", v);
    return -1;
}

static Value file_seek_m(Value *args, int nargs, Value kwnames)
{
    FileObj *f = SELF;
    int64_t pos;
    int whence = 0;
    if (file_check_open(f, "seek") < 0) return VAL_NULL;
    if (file_offset_arg(args[1], &pos, f) < 0) return VAL_NULL;
    if (!IS_NULL(args[2]) && arg_to_int(args[2], &whence) < 0) return VAL_NULL;
    if ((f->fflags & FILEF_TEXT) && file_seek_text_check(pos, whence) < 0) return VAL_NULL;
    if (file_flush_raw(f, 1, 1) < 0) return VAL_NULL;
    if (whence == 1) pos -= (int64_t)(f->rlen - f->rpos);
    f->rpos = f->rlen = 0;
    f->fflags &= ~(uint32_t)FILEF_EOF;
    off_t r = lseek(f->fd, (off_t)pos, whence);
    if (r < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    return int_from_i64((int64_t)r);
}

static Value file_truncate_m(Value *args, int nargs, Value kwnames)
{
    FileObj *f = SELF;
    if (file_check_open(f, NULL) < 0) return VAL_NULL;
    if (!(f->fflags & FILEF_WRITE)) return file_unsupported("truncate");
    int64_t size = file_tell(f);
    if (size < 0) return VAL_NULL;
    if (!IS_NULL(args[1]) && !IS_NONE(args[1])) {
        Value v = obj_index(args[1]);                  /* PyNumber_AsOff_t */
        if (IS_NULL(v) || int_to_i64(v, &size) < 0) return VAL_NULL;
    }
    if (file_drop_readahead(f) < 0) return VAL_NULL;
    if (ftruncate(f->fd, (off_t)size) < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    return int_from_i64(size);
}

static Value file_readinto_m(Value *args, int nargs, Value kwnames)
{
    FileObj *f = SELF;
    if (file_check_readable(f, "read") < 0) return VAL_NULL;
    Buffer view;                        /* writable memory: a bytearray, a memoryview of one */
    if (buffer_get(args[1], &view, BUF_WRITABLE) < 0) {
        err_clear();
        return err_format(&exc_TypeError, "readinto() argument must be read-write bytes-like object, not %T", args[1]);
    }
    Value b = file_bin_read(f, view.len);
    int64_t n = IS_NULL(b) ? 0 : AS_BYTES(b)->len;
    if (n > view.len) n = view.len;
    if (n > 0) memcpy(view.buf, AS_BYTES(b)->data, (size_t)n);
    buffer_release(&view);
    return IS_NULL(b) ? VAL_NULL : int_from_i64(n);
}

static Value file_enter_m(Value *args, int nargs, Value kwnames)
{
    if (SELF->fd < 0) return file_closed_error(NULL);
    return args[0];
}

/* ARGS_ANY: CPython's __exit__ is _IOBase's METH_VARARGS (any arguments), whose
 * keyword message names _IOBase, a class gilpy's files do not have. */
static Value file_exit_m(Value *args, int nargs, Value kwnames)
{
    (void)nargs;
    if (arg_no_kw("_IOBase.__exit__", kwnames)) return VAL_NULL;
    return file_close(SELF) < 0 ? VAL_NULL : VAL_NONE;
}

static Value file_repr_m(Value *args, int nargs, Value kwnames)
{
    FileObj *f = SELF;
    Type *t = AS_OBJ(args[0])->type;
    const char *tn = t->tp_name ? t->tp_name : "_io.TextIOWrapper";
    if (f->fflags & FILEF_CLOSED && !(f->fflags & FILEF_TEXT))
        return str_format_c("<%s [closed]>", tn);
    if (f->fflags & FILEF_TEXT)
        return str_format_c("<%s name=%R mode=%R encoding=%R>", tn, f->name, f->mode, f->encoding);
    if (t == &type_fileio)
        return str_format_c("<%s name=%R mode=%R closefd=%s>", tn, f->name, f->mode,
                            (f->fflags & FILEF_CLOSEFD) ? "True" : "False");
    return str_format_c("<%s name=%R>", tn, f->name);
}

static const MethodDef file_methods[] = {
    {"read", file_read_m, ARGS_POS(0, 1), NULL},
    {"read1", file_read_m, ARGS_POS(0, 1), NULL},
    {"readline", file_readline_m, ARGS_POS(0, 1), NULL},
    {"readlines", file_readlines_m, ARGS_POS(0, 1), NULL},
    {"readinto", file_readinto_m, ARGS_ONE, NULL},
    {"write", file_write_m, ARGS_ONE, NULL},
    {"writelines", file_writelines_m, ARGS_ONE, NULL},
    {"close", file_close_m, ARGS_NONE, NULL},
    {"flush", file_flush_m, ARGS_NONE, NULL},
    {"fileno", file_fileno_m, ARGS_NONE, NULL},
    {"isatty", file_isatty_m, ARGS_NONE, NULL},
    {"readable", file_readable_m, ARGS_NONE, NULL},
    {"writable", file_writable_m, ARGS_NONE, NULL},
    {"seekable", file_seekable_m, ARGS_NONE, NULL},
    {"seek", file_seek_m, ARGS_POS(1, 2), NULL},
    {"tell", file_tell_m, ARGS_NONE, NULL},
    {"truncate", file_truncate_m, ARGS_POS(0, 1), NULL},
    {"__iter__", file_iter_m, ARGS_WRAP(0), NULL},
    {"__next__", file_next_m, ARGS_WRAP(0), NULL},
    {"__enter__", file_enter_m, ARGS_NONE, NULL},
    {"__exit__", file_exit_m, ARGS_ANY, NULL},
    {"__repr__", file_repr_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- attributes ----------------------------------------------------------------- */

static Value file_get_name(Value self) { return AS_FILE(self)->name; }
static Value file_get_mode(Value self) { return AS_FILE(self)->mode; }
static Value file_get_closed(Value self) { return MK_BOOL(AS_FILE(self)->fd < 0); }
static Value file_get_encoding(Value self) { return AS_FILE(self)->encoding; }
static Value file_get_errors(Value self) { return AS_FILE(self)->errors; }
static Value file_get_newlines(Value self) { (void)self; return VAL_NONE; }
static Value file_get_line_buffering(Value self)
{
    if (self == file_std[2]) return VAL_FALSE;    /* CPython: write_through instead */
    return MK_BOOL(AS_FILE(self)->fflags & FILEF_LINEBUF);
}
static Value file_get_closefd(Value self) { return MK_BOOL(AS_FILE(self)->fflags & FILEF_CLOSEFD); }

/* text.buffer: a binary writer/reader sharing the fd (flushes the text first). */
static Value file_get_buffer(Value self)
{
    FileObj *f = AS_FILE(self);
    if (IS_FILE(f->buffer)) {
        if (file_flush_raw(f, 1, 1) < 0) return VAL_NULL;
        return f->buffer;
    }
    uint32_t fl = (f->fflags & (FILEF_READ | FILEF_WRITE | FILEF_APPEND | FILEF_LINEBUF | FILEF_UNBUF)) |
                  FILEF_SHARED | FILEF_CLOSEFD;
    FileObj *b = file_alloc(file_type_for(fl, 0), f->fd, fl);
    if (!b) return VAL_NULL;
    b->name = f->name;
    b->mode = str_from_c((fl & FILEF_READ) && (fl & FILEF_WRITE) ? "rb+" : (fl & FILEF_READ) ? "rb" : "wb");
    f->buffer = MK_OBJ(b);
    if (file_flush_raw(f, 1, 1) < 0) return VAL_NULL;
    return f->buffer;
}

static const GetSetDef file_getsets[] = {
    {"name", file_get_name, NULL, NULL},
    {"mode", file_get_mode, NULL, NULL},
    {"closed", file_get_closed, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static const GetSetDef text_getsets[] = {
    {"name", file_get_name, NULL, NULL},
    {"mode", file_get_mode, NULL, NULL},
    {"closed", file_get_closed, NULL, NULL},
    {"encoding", file_get_encoding, NULL, NULL},
    {"errors", file_get_errors, NULL, NULL},
    {"newlines", file_get_newlines, NULL, NULL},
    {"line_buffering", file_get_line_buffering, NULL, NULL},
    {"buffer", file_get_buffer, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static const GetSetDef fileio_getsets[] = {
    {"name", file_get_name, NULL, NULL},
    {"mode", file_get_mode, NULL, NULL},
    {"closed", file_get_closed, NULL, NULL},
    {"closefd", file_get_closefd, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

#define FILE_TYPE(var, name, gs)                                                        \
    Type var = {                                                                        \
        .tp_name = name, .base = &type_object, .flags = TF_WEAKREFABLE,                \
        .basicsize = sizeof(FileObj),                                                   \
        .trace = file_trace, .finalize = file_finalize, .methods = file_methods,        \
        .getsets = gs,                                                                  \
    };

FILE_TYPE(type_textiowrapper, "_io.TextIOWrapper", text_getsets)
GILPY_TYPE(type_textiowrapper, NULL);
FILE_TYPE(type_bufferedreader, "_io.BufferedReader", file_getsets)
GILPY_TYPE(type_bufferedreader, NULL);
FILE_TYPE(type_bufferedwriter, "_io.BufferedWriter", file_getsets)
GILPY_TYPE(type_bufferedwriter, NULL);
FILE_TYPE(type_bufferedrandom, "_io.BufferedRandom", file_getsets)
GILPY_TYPE(type_bufferedrandom, NULL);
FILE_TYPE(type_fileio, "_io.FileIO", fileio_getsets)
GILPY_TYPE(type_fileio, NULL);

/* ---- helpers for print(), input() and the hooks ---------------------------------- */

int file_write_str(Value file, Value s)
{
    if (IS_FILE(file)) {
        FileObj *f = AS_FILE(file);
        if (file_check_writable(f) < 0) return -1;
        if (f->fflags & FILEF_TEXT) return file_write_text(f, s);
        int64_t count;
        return file_write_value(f, s, &count);
    }
    Value r = obj_call_method(file, "write", &s, 1);
    return IS_NULL(r) ? -1 : 0;
}

int file_flush(Value file)
{
    if (IS_FILE(file)) {
        FileObj *f = AS_FILE(file);
        if (f->fd < 0) return 0;
        return file_flush_raw(f, 1, 1);
    }
    Value fl = obj_getattr_opt(file, str_intern_c("flush"));
    if (IS_NULL(fl)) return err_occurred() ? -1 : 0;
    return IS_NULL(call0(fl)) ? -1 : 0;
}

Value file_readline(Value file)
{
    if (IS_FILE(file)) {
        FileObj *f = AS_FILE(file);
        if (file_check_readable(f, "readline") < 0) return VAL_NULL;
        return file_line(f);
    }
    return obj_call_method(file, "readline", NULL, 0);
}
