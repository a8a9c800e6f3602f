/* io_fileio.c - _io.FileIO: raw, unbuffered bytes over a file descriptor.
 *
 * Each method is one or a few syscalls.  The syscalls run between
 * GIL_BLOCKING_BEGIN/END on C memory only: read() fills a malloc'd chunk that
 * becomes a bytes object afterwards, so another thread may close the file
 * meanwhile without pulling memory from under the call.  EINTR runs the
 * signal handlers and retries (PEP 475); EAGAIN on a non-blocking descriptor
 * gives None, as CPython's FileIO does.
 *
 * `name` is what was opened (the path, or the int descriptor), a writable
 * attribute kept in the object.  Closing happens in close(), in
 * _IOBase's finalizer, and at the latest in the sweep (fileio_finalize).
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fdlimit.h"
#include "io.h"
#include "audit.h"
#include "call.h"
#include "error.h"
#include "gc.h"
#include "obj_bytes.h"
#include "obj_dict.h"
#include "obj_int.h"
#include "obj_memoryview.h"
#include "obj_str.h"
#include "obj_type.h"
#include "signals.h"

#define SELF ((FileIO *)AS_OBJ(args[0]))

/* ---- syscalls ------------------------------------------------------------------- */

ssize_t io_sys_read(int fd, char *buf, size_t n)
{
    ssize_t r;
    int saved;
    for (;;) {
        GIL_BLOCKING_BEGIN(GIL_REASON_IO);
        r = read(fd, buf, n);
        saved = errno;
        GIL_BLOCKING_END();
        if (r >= 0 || saved != EINTR) break;
        if (sig_check() < 0) return -2;
    }
    errno = saved;
    return r;
}

ssize_t io_sys_write(int fd, const char *buf, size_t n, int release)
{
    ssize_t w;
    int saved;
    for (;;) {
        if (release) {
            GIL_BLOCKING_BEGIN(GIL_REASON_IO);
            w = write(fd, buf, n);
            saved = errno;
            GIL_BLOCKING_END();
        } else {
            w = write(fd, buf, n);
            saved = errno;
        }
        if (w >= 0 || saved != EINTR) break;
        if (release && sig_check() < 0) return -2;
    }
    errno = saved;
    return w;
}

/* The chunk of each thread lives in a pthread key, freed when its thread ends. */
enum { IO_CHUNK_KEEP = 1 << 16 };     /* the largest chunk kept for reuse */
static pthread_key_t io_chunk_key;
static pthread_once_t io_chunk_once = PTHREAD_ONCE_INIT;

static void io_chunk_key_init(void) { pthread_key_create(&io_chunk_key, free); }

char *io_chunk_take(size_t n)
{
    pthread_once(&io_chunk_once, io_chunk_key_init);
    char *p = n <= IO_CHUNK_KEEP ? pthread_getspecific(io_chunk_key) : NULL;
    if (p) {
        pthread_setspecific(io_chunk_key, NULL);
        return p;
    }
    p = gc_sys_malloc(n <= IO_CHUNK_KEEP ? IO_CHUNK_KEEP : n);
    if (!p) err_no_memory();
    return p;
}

void io_chunk_give(char *p, size_t n)
{
    if (n <= IO_CHUNK_KEEP && !pthread_getspecific(io_chunk_key)) pthread_setspecific(io_chunk_key, p);
    else free(p);
}

/* ---- checks --------------------------------------------------------------------- */

static Value fileio_closed_error(void)
{
    return err_format(&exc_ValueError, "I/O operation on closed file");
}

static int fileio_check(FileIO *f, int want_read, int want_write)
{
    if (f->fd < 0) { fileio_closed_error(); return -1; }
    if (want_read && !f->readable) { io_unsupported("File not open for reading"); return -1; }
    if (want_write && !f->writable) { io_unsupported("File not open for writing"); return -1; }
    return 0;
}

/* ---- construction ---------------------------------------------------------------- */

typedef struct RawMode { int readable, writable, appending, created, plus, flags; } RawMode;

static int fileio_parse_mode(Value mode, RawMode *m)
{
    memset(m, 0, sizeof *m);
    const char *s = STR_DATA(mode);
    int rwa = 0;
    for (int64_t i = 0; i < STR_LEN(mode); i++) {
        switch (s[i]) {
        case 'x': if (rwa++) goto bad; m->created = m->writable = 1; m->flags |= O_EXCL | O_CREAT; break;
        case 'r': if (rwa++) goto bad; m->readable = 1; break;
        case 'w': if (rwa++) goto bad; m->writable = 1; m->flags |= O_CREAT | O_TRUNC; break;
        case 'a': if (rwa++) goto bad; m->writable = m->appending = 1; m->flags |= O_APPEND | O_CREAT; break;
        case 'b': break;
        case '+': if (m->plus) goto bad; m->readable = m->writable = m->plus = 1; break;
        default:
            err_format(&exc_ValueError, "invalid mode: %.200s", s);
            return -1;
        }
    }
    if (!rwa) goto bad;
    m->flags |= m->readable && m->writable ? O_RDWR : m->readable ? O_RDONLY : O_WRONLY;
    m->flags |= O_CLOEXEC;
    return 0;
bad:
    err_format(&exc_ValueError, "Must have exactly one of create/read/write/append mode and at most one plus");
    return -1;
}

static const char *fileio_mode_str(FileIO *f)
{
    if (f->created) return f->readable ? "xb+" : "xb";
    if (f->appending) return f->readable ? "ab+" : "ab";
    if (f->readable) return f->writable ? "rb+" : "rb";
    return "wb";
}

/* open(2) of a path with the GIL released; the fd or -1 with OSError set. */
static int fileio_sys_open(Value path, Value name, int flags)
{
    if (IS_STR(path) ? memchr(STR_DATA(path), 0, (size_t)STR_LEN(path)) != NULL
                     : memchr(AS_BYTES(path)->data, 0, (size_t)AS_BYTES(path)->len) != NULL) {
        err_format(&exc_ValueError, "embedded null byte");
        return -1;
    }
    Value keep;
    const char *p = IS_STR(path) ? str_fsencode(path, &keep) : (const char *)AS_BYTES(path)->data;
    if (!p) return -1;
    int fd, saved, tries = 0;
    for (;;) {
        GIL_BLOCKING_BEGIN(GIL_REASON_IO);
        fd = open(p, flags, 0666);
        saved = errno;
        GIL_BLOCKING_END();
        if (fd >= 0) break;
        if (saved == EINTR) {
            if (sig_check() < 0) return -1;
        } else if (!fdlimit_reclaim(saved, tries++)) {
            break;
        }
    }
    if (fd < 0) {
        errno = saved;
        err_from_errno(&exc_OSError, name);
    }
    return fd;
}

/* The path of a FileIO name: str, bytes or os.PathLike. */
static int fileio_path(Value file, Value *path)
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

static int fileio_open_fd(Value file, Value opener, const RawMode *m, Value mode, int closefd, int *fd)
{
    if (IS_INT(file)) {
        int v;
        if (arg_to_cint(file, &v) < 0) return -1;
        if (v < 0) { err_format(&exc_ValueError, "negative file descriptor"); return -1; }
        *fd = v;
        return audit("open", "Osi", file, STR_DATA(mode), m->flags);
    }
    Value path;
    if (fileio_path(file, &path) < 0) return -1;
    if (!closefd) { err_format(&exc_ValueError, "Cannot use closefd=False with file name"); return -1; }
    if (audit("open", "Osi", file, STR_DATA(mode), m->flags) < 0) return -1;
    if (IS_NULL(opener) || IS_NONE(opener)) {
        *fd = fileio_sys_open(path, file, m->flags);
        return *fd < 0 ? -1 : 0;
    }
    Value r = call2(opener, file, MK_SMALLINT(m->flags));
    if (IS_NULL(r)) return -1;
    if (!IS_INT(r)) { err_format(&exc_TypeError, "expected integer from opener"); return -1; }
    if (arg_to_cint(r, fd) < 0) return -1;
    if (*fd < 0) { err_format(&exc_ValueError, "opener returned %d", *fd); return -1; }
    return 0;
}

static void fileio_init_fields(FileIO *f)
{
    f->name = VAL_NULL;
    f->fd = -1;
    f->seekable = -1;
    f->closefd = 1;
    f->blksize = IO_DEFAULT_BUFFER_SIZE;
}

static Value fileio_new_m(Value *args, int nargs, Value kwnames)
{
    Obj *o = io_alloc(AS_TYPE(args[0]), &type_fileio);
    if (!o) return VAL_NULL;
    fileio_init_fields((FileIO *)o);
    return MK_OBJ(o);
}

static int fileio_close_fd(FileIO *f)
{
    int fd = f->fd;
    f->fd = -1;
    if (f->closefd && fd >= 0 && close(fd) < 0 && errno != EINTR) {
        err_from_errno(&exc_OSError, VAL_NULL);
        return -1;
    }
    return 0;
}

/* After the fd is known: a directory is refused, blksize noted, `name` set
 * (through __setattr__ for a subclass), appends start at the end.  On error
 * a descriptor open() made is closed; one given by the caller is left open. */
static int fileio_setup_fd(FileIO *f, Value file)
{
    int own = !IS_INT(file);
    struct stat st;
    if (fstat(f->fd, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            errno = EISDIR;
            err_from_errno(&exc_OSError, file);
            goto fail;
        }
        if (st.st_blksize > 1) f->blksize = st.st_blksize;
    } else if (errno == EBADF) {
        err_from_errno(&exc_OSError, VAL_NULL);
        goto fail;
    }
    if (f->base.header.type == &type_fileio) f->name = file;
    else if (obj_setattr(MK_OBJ(f), str_intern_c("name"), file) < 0) goto fail;
    if (f->appending) lseek(f->fd, 0, SEEK_END);
    return 0;
fail:
    if (own) {
        Value exc = err_fetch();
        fileio_close_fd(f);
        err_clear();
        err_set_obj(exc);
    }
    f->fd = -1;
    return -1;
}

static int fileio_init(FileIO *f, Value file, Value mode, int closefd, Value opener)
{
    if (f->fd >= 0) {
        if (f->closefd) close(f->fd);
        f->fd = -1;
    }
    if (!IS_STR(mode)) {
        err_format(&exc_TypeError, "FileIO() argument 'mode' must be str, not %N", mode);
        return -1;
    }
    RawMode m;
    if (fileio_parse_mode(mode, &m) < 0) return -1;
    int fd;
    if (fileio_open_fd(file, opener, &m, mode, closefd, &fd) < 0) return -1;
    f->fd = fd;
    f->readable = (uint8_t)m.readable;
    f->writable = (uint8_t)m.writable;
    f->appending = (uint8_t)m.appending;
    f->created = (uint8_t)m.created;
    f->closefd = (uint8_t)closefd;
    f->seekable = -1;
    return fileio_setup_fd(f, file);
}

static Value fileio_init_m(Value *args, int nargs, Value kwnames)
{
    int closefd = 1;
    if (!IS_NULL(args[3])) {
        closefd = obj_truthy(args[3]);
        if (closefd < 0) return VAL_NULL;
    }
    Value mode = IS_NULL(args[2]) ? str_intern_c("r") : args[2];
    return fileio_init(SELF, args[1], mode, closefd, args[4]) < 0 ? VAL_NULL : VAL_NONE;
}

Value fileio_open(Value file, Value mode, int closefd, Value opener)
{
    FileIO *f = (FileIO *)io_alloc(&type_fileio, &type_fileio);
    if (!f) return VAL_NULL;
    fileio_init_fields(f);
    return fileio_init(f, file, mode, closefd, opener) < 0 ? VAL_NULL : MK_OBJ(f);
}

Value fileio_new_fd(int fd, Value name, const char *mode, int closefd)
{
    FileIO *f = (FileIO *)io_alloc(&type_fileio, &type_fileio);
    if (!f) return VAL_NULL;
    fileio_init_fields(f);
    RawMode m;
    if (fileio_parse_mode(str_from_c(mode), &m) < 0) return VAL_NULL;
    f->fd = fd;
    f->readable = (uint8_t)m.readable;
    f->writable = (uint8_t)m.writable;
    f->closefd = (uint8_t)closefd;
    f->name = name;
    return MK_OBJ(f);
}

/* ---- reading ---------------------------------------------------------------------- */

static Value fileio_read_error(ssize_t r)
{
    if (r == -2) return VAL_NULL;
    if (errno == EAGAIN) return VAL_NONE;
    return err_from_errno(&exc_OSError, VAL_NULL);
}

Value fileio_readall(FileIO *f)
{
    size_t cap = IO_DEFAULT_BUFFER_SIZE, len = 0;
    struct stat st;
    off_t pos = lseek(f->fd, 0, SEEK_CUR);
    if (fstat(f->fd, &st) == 0 && S_ISREG(st.st_mode) && pos >= 0 && st.st_size >= pos)
        cap = (size_t)(st.st_size - pos) + 1;
    char *buf = gc_sys_malloc(cap);
    if (!buf) return err_no_memory();
    for (;;) {
        if (len == cap) {
            size_t ncap = cap + (cap >> 1) + IO_DEFAULT_BUFFER_SIZE;
            char *nb = gc_sys_realloc(buf, ncap);
            if (!nb) { free(buf); return err_no_memory(); }
            buf = nb;
            cap = ncap;
        }
        ssize_t r = io_sys_read(f->fd, buf + len, cap - len);
        if (r == 0) break;
        if (r < 0) {
            if (r == -1 && errno == EAGAIN && len > 0) break;
            free(buf);
            return fileio_read_error(r);
        }
        len += (size_t)r;
        if (f->fd < 0) break;
    }
    Value b = bytes_new(buf, len);
    free(buf);
    return b;
}

static Value fileio_readall_m(Value *args, int nargs, Value kwnames)
{
    if (fileio_check(SELF, 0, 0) < 0) return VAL_NULL;
    return fileio_readall(SELF);
}

static Value fileio_read_m(Value *args, int nargs, Value kwnames)
{
    FileIO *f = SELF;
    if (fileio_check(f, 1, 0) < 0) return VAL_NULL;
    int64_t n;
    if (arg_to_optional_ssize(args[1], &n) < 0) return VAL_NULL;
    if (n < 0) return fileio_readall(f);
    char *buf = io_chunk_take((size_t)n + 1);
    if (!buf) return VAL_NULL;
    ssize_t r = io_sys_read(f->fd, buf, (size_t)n);
    Value b = r < 0 ? fileio_read_error(r) : bytes_new(buf, (size_t)r);
    io_chunk_give(buf, (size_t)n + 1);
    return b;
}

static Value fileio_readinto_m(Value *args, int nargs, Value kwnames)
{
    FileIO *f = SELF;
    if (fileio_check(f, 1, 0) < 0) return VAL_NULL;
    Buffer view;
    if (buffer_get(args[1], &view, BUF_WRITABLE) < 0) {
        err_clear();
        return err_format(&exc_TypeError, "readinto() argument must be read-write bytes-like object, not %T",
                          args[1]);
    }
    char *tmp = io_chunk_take((size_t)view.len + 1);
    if (!tmp) { buffer_release(&view); return VAL_NULL; }
    ssize_t r = io_sys_read(f->fd, tmp, (size_t)view.len);
    if (r > 0) memcpy(view.buf, tmp, (size_t)r);
    io_chunk_give(tmp, (size_t)view.len + 1);
    buffer_release(&view);
    return r < 0 ? fileio_read_error(r) : int_from_i64(r);
}

/* ---- writing and positioning --------------------------------------------------------- */

static Value fileio_write_m(Value *args, int nargs, Value kwnames)
{
    FileIO *f = SELF;
    if (fileio_check(f, 0, 1) < 0) return VAL_NULL;
    const uint8_t *data;
    int64_t len;
    if (io_bytes_arg(args[1], &data, &len) < 0) return VAL_NULL;
    char *tmp = io_chunk_take((size_t)len + 1);      /* the caller's memory may move meanwhile */
    if (!tmp) return VAL_NULL;
    if (len > 0) memcpy(tmp, data, (size_t)len);
    ssize_t w = io_sys_write(f->fd, tmp, (size_t)len, 1);
    io_chunk_give(tmp, (size_t)len + 1);
    if (w == -2) return VAL_NULL;
    if (w < 0) return errno == EAGAIN ? VAL_NONE : err_from_errno(&exc_OSError, VAL_NULL);
    return int_from_i64(w);
}

/* A position argument (PyNumber_AsOff_t). */
static int fileio_offset_arg(Value v, int64_t *out)
{
    Value i = obj_index(v);
    if (IS_NULL(i)) return -1;
    return int_to_i64(i, out);
}

static Value fileio_seek_m(Value *args, int nargs, Value kwnames)
{
    FileIO *f = SELF;
    if (f->fd < 0) return fileio_closed_error();
    int64_t pos;
    int whence = 0;
    if (fileio_offset_arg(args[1], &pos) < 0) return VAL_NULL;
    if (!IS_NULL(args[2]) && arg_to_int(args[2], &whence) < 0) return VAL_NULL;
    off_t r = lseek(f->fd, (off_t)pos, whence);
    if (r < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    if (f->seekable < 0) f->seekable = 1;
    return int_from_i64((int64_t)r);
}

static Value fileio_tell_m(Value *args, int nargs, Value kwnames)
{
    FileIO *f = SELF;
    if (f->fd < 0) return fileio_closed_error();
    off_t r = lseek(f->fd, 0, SEEK_CUR);
    if (r < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    return int_from_i64((int64_t)r);
}

static Value fileio_truncate_m(Value *args, int nargs, Value kwnames)
{
    FileIO *f = SELF;
    if (fileio_check(f, 0, 1) < 0) return VAL_NULL;
    int64_t size;
    if (IS_NULL(args[1]) || IS_NONE(args[1])) {
        off_t r = lseek(f->fd, 0, SEEK_CUR);
        if (r < 0) return err_from_errno(&exc_OSError, VAL_NULL);
        size = r;
    } else if (fileio_offset_arg(args[1], &size) < 0) {
        return VAL_NULL;
    }
    if (ftruncate(f->fd, (off_t)size) < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    return int_from_i64(size);
}

static Value fileio_close_m(Value *args, int nargs, Value kwnames)
{
    FileIO *f = SELF;
    if (f->fd < 0) return VAL_NONE;
    int r = 0;
    if (AS_OBJ(args[0])->type != &type_fileio) {      /* a subclass's flush() runs first */
        if (IS_NULL(obj_call_method(args[0], "flush", NULL, 0))) r = -1;
    }
    f->base.ioflags |= IOF_CLOSED;
    Value exc = r < 0 ? err_fetch() : VAL_NULL;
    if (fileio_close_fd(f) < 0) return VAL_NULL;
    if (!IS_NULL(exc)) { err_set_obj(exc); return VAL_NULL; }
    return VAL_NONE;
}

/* ---- queries ------------------------------------------------------------------------- */

static Value fileio_fileno_m(Value *args, int nargs, Value kwnames)
{
    return SELF->fd < 0 ? fileio_closed_error() : MK_SMALLINT(SELF->fd);
}

static Value fileio_isatty_m(Value *args, int nargs, Value kwnames)
{
    if (SELF->fd < 0) return fileio_closed_error();
    int r;
    GIL_BLOCKING_BEGIN(GIL_REASON_IO);
    r = isatty(SELF->fd);
    GIL_BLOCKING_END();
    return MK_BOOL(r);
}

static Value fileio_readable_m(Value *args, int nargs, Value kwnames)
{
    return SELF->fd < 0 ? fileio_closed_error() : MK_BOOL(SELF->readable);
}

static Value fileio_writable_m(Value *args, int nargs, Value kwnames)
{
    return SELF->fd < 0 ? fileio_closed_error() : MK_BOOL(SELF->writable);
}

static Value fileio_seekable_m(Value *args, int nargs, Value kwnames)
{
    FileIO *f = SELF;
    if (f->fd < 0) return fileio_closed_error();
    if (f->seekable < 0) f->seekable = lseek(f->fd, 0, SEEK_CUR) >= 0;
    return MK_BOOL(f->seekable);
}

static Value fileio_repr_m(Value *args, int nargs, Value kwnames)
{
    FileIO *f = SELF;
    const char *tn = "_io.FileIO";
    if (f->fd < 0) return str_format_c("<%s [closed]>", tn);
    const char *cfd = f->closefd ? "True" : "False";
    Value name = obj_getattr_opt(args[0], str_intern_c("name"));
    if (IS_NULL(name)) {
        if (err_occurred()) {
            if (!err_matches(&exc_ValueError)) return VAL_NULL;
            err_clear();
        }
        return str_format_c("<%s fd=%d mode='%s' closefd=%s>", tn, f->fd, fileio_mode_str(f), cfd);
    }
    if (obj_enter_recursion(" while getting the repr of an object") < 0) return VAL_NULL;
    Value r = str_format_c("<%s name=%R mode='%s' closefd=%s>", tn, name, fileio_mode_str(f), cfd);
    obj_leave_recursion();
    return r;
}

static Value fileio_getstate_m(Value *args, int nargs, Value kwnames)
{
    return err_format(&exc_TypeError, "cannot pickle '%s' object", type_name(AS_OBJ(args[0])->type));
}

static Value fileio_dealloc_warn_m(Value *args, int nargs, Value kwnames) { return VAL_NONE; }

static const MethodDef fileio_methods[] = {
    {"__new__", fileio_new_m, METH_STATIC, NULL},
    {"__init__", fileio_init_m, ARGS_KW, NULL, "FileIO($self, /, file, mode='r', closefd=True, opener=None)"},
    {"read", fileio_read_m, ARGS_POS(0, 1), NULL},
    {"readall", fileio_readall_m, ARGS_NONE, NULL},
    {"readinto", fileio_readinto_m, ARGS_ONE, NULL},
    {"write", fileio_write_m, ARGS_ONE, NULL},
    {"seek", fileio_seek_m, ARGS_POS(1, 2), NULL},
    {"tell", fileio_tell_m, ARGS_NONE, NULL},
    {"truncate", fileio_truncate_m, ARGS_POS(0, 1), NULL},
    {"close", fileio_close_m, ARGS_NONE, NULL},
    {"seekable", fileio_seekable_m, ARGS_NONE, NULL},
    {"readable", fileio_readable_m, ARGS_NONE, NULL},
    {"writable", fileio_writable_m, ARGS_NONE, NULL},
    {"fileno", fileio_fileno_m, ARGS_NONE, NULL},
    {"isatty", fileio_isatty_m, ARGS_NONE, NULL},
    {"_dealloc_warn", fileio_dealloc_warn_m, ARGS_ONE, NULL},
    {"__getstate__", fileio_getstate_m, ARGS_NONE, NULL},
    {"__repr__", fileio_repr_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};

static Value fileio_closed_get(Value self) { return MK_BOOL(((FileIO *)AS_OBJ(self))->fd < 0); }
static Value fileio_closefd_get(Value self) { return MK_BOOL(((FileIO *)AS_OBJ(self))->closefd); }
static Value fileio_mode_get(Value self) { return str_from_c(fileio_mode_str((FileIO *)AS_OBJ(self))); }
static Value fileio_blksize_get(Value self) { return int_from_i64(((FileIO *)AS_OBJ(self))->blksize); }
static Value fileio_finalizing_get(Value self)
{
    return MK_BOOL(((FileIO *)AS_OBJ(self))->base.ioflags & IOF_FINALIZING);
}

static Value fileio_name_get(Value self)
{
    FileIO *f = (FileIO *)AS_OBJ(self);
    if (IS_NULL(f->name))
        return err_format(&exc_AttributeError, "'%T' object has no attribute 'name'", self);
    return f->name;
}

static int fileio_name_set(Value self, Value v)
{
    ((FileIO *)AS_OBJ(self))->name = v;     /* VAL_NULL: deleted */
    return 0;
}

static const GetSetDef fileio_getsets[] = {
    {"name", fileio_name_get, fileio_name_set, NULL},
    {"closed", fileio_closed_get, NULL, "True if the file is closed"},
    {"closefd", fileio_closefd_get, NULL, NULL},
    {"mode", fileio_mode_get, NULL, NULL},
    {"_blksize", fileio_blksize_get, NULL, NULL},
    {"_finalizing", fileio_finalizing_get, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static void fileio_trace(Obj *o) { gc_mark_value(((FileIO *)o)->name); }

static void fileio_finalize(Obj *o)
{
    FileIO *f = (FileIO *)o;
    if (f->fd >= 0 && f->closefd && f->base.header.type) close(f->fd);
    f->fd = -1;
}

Type type_fileio = {
    .tp_name = "_io.FileIO", .base = &type_rawiobase,
    .flags = TF_BASETYPE | TF_HAS_DICT | TF_WEAKREFABLE,
    .basicsize = sizeof(FileIO), .dictoffset = offsetof(IOBase, dict),
    .trace = fileio_trace, .finalize = fileio_finalize, .methods = fileio_methods,
    .getsets = fileio_getsets,
};
GILPY_TYPE(type_fileio, NULL);
