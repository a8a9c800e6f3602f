/* mod_os.c - the posix module: the C half of `os` (CPython's os.py runs on it).
 *
 * The module spans the files listed in posix.h; this one holds the module
 * itself, the argument helpers they share, the basic descriptor calls
 * (read, write, open, pipe, dup...) and the environment.
 *
 * Paths: every path argument is a str, bytes or os.PathLike (__fspath__);
 * functions returning names (listdir, getcwd) return bytes when given bytes.
 * str names cross the boundary in the file system encoding, UTF-8 with
 * surrogateescape (str_fsdecode/str_fsencode), as CPython's: a name that is
 * not valid UTF-8 comes back as lone surrogates and opens the same file.
 * Errors: os_error(filename) picks the errno subclass (FileNotFoundError...)
 * and formats "[Errno 2] No such file or directory: 'x'" as CPython does.
 * Blocking calls release the GIL (OS_RETRY, GIL_BLOCKING_BEGIN/END), touch
 * no object meanwhile, and retry on EINTR after the signal handlers ran.
 * environ is CPython's: bytes names to bytes values, which os.py wraps.
 */
#define _GNU_SOURCE 1   /* pipe2 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include "runtime/fdlimit.h"
#include "runtime/object.h"
#include "runtime/obj_int.h"
#include "runtime/obj_float.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_str.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_memoryview.h"
#include "runtime/error.h"
#include "runtime/audit.h"
#include "runtime/call.h"
#include "runtime/gc.h"

#include "runtime/fork.h"
#include "runtime/gil.h"
#include "runtime/obj_exc.h"
#include "runtime/signals.h"
#include "runtime/state.h"
#include "runtime/structseq.h"
#include "interp/modreg.h"
#include "posix.h"

extern char **environ;

GILPY_MODULE("posix", mod_os_init);

/* ---------------------------------------------------------------- helpers */

/* CPython's path_converter: what a path argument may be, named in its errors. */
enum { OS_PATH_ONLY, OS_PATH_FD, OS_PATH_FD_NONE };
static const char *const os_path_kinds[] = {
    "string, bytes or os.PathLike", "string, bytes, os.PathLike or integer",
    "string, bytes, os.PathLike, integer or None",
};

/* str, bytes, os.PathLike, or (deprecated) another bytes-like object into p. */
static int os_path_convert(Value v, OsPath *p, const char *fname, const char *argname, int kind) {
    Value given = v;
    if (!IS_STR(v) && !IS_BYTES(v)) {
        Value fs = type_lookup_c(val_type(v), "__fspath__");
        if (!IS_NULL(fs)) {
            if (IS_NULL(v = obj_call_method(v, "__fspath__", NULL, 0))) return -1;
            if (!IS_STR(v) && !IS_BYTES(v)) {
                err_format(&exc_TypeError, "expected %T.__fspath__() to return str or bytes, not %T", given, v);
                return -1;
            }
        } else if (buffer_check(v)) {
            if (err_warn(&exc_DeprecationWarning, "%s: %s should be %s, not %T", fname, argname,
                         os_path_kinds[kind], v) < 0)
                return -1;
            Buffer b;
            if (buffer_get(v, &b, BUF_SIMPLE) < 0) return -1;
            v = bytes_new((const char *)b.buf, (size_t)b.len);
            buffer_release(&b);
            if (IS_NULL(v)) return -1;
        } else {
            err_format(&exc_TypeError, "%s: %s should be %s, not %T", fname, argname, os_path_kinds[kind], v);
            return -1;
        }
    }
    if (IS_STR(v)) {
        p->s = str_fsencode(v, &p->enc), p->is_bytes = 0;   /* surrogateescape'd bytes back */
        if (!p->s) return -1;
    } else {
        p->s = (const char *)AS_BYTES(v)->data, p->is_bytes = 1, p->enc = v;
    }
    p->obj = IS_STR(given) || IS_BYTES(given) || !buffer_check(given) ? v : given;   /* errors name a bytearray */
    int64_t n = IS_BYTES(p->enc) ? AS_BYTES(p->enc)->len : STR_LEN(p->enc);
    if ((int64_t)strlen(p->s) != n) {    /* a str fails in its encoding, as CPython's */
        if (IS_STR(v)) err_format(&exc_ValueError, "embedded null byte");
        else err_format(&exc_ValueError, "%s: embedded null character in %s", fname, argname);
        return -1;
    }
    return 0;
}

int os_path_arg(Value v, OsPath *p, const char *fname, const char *argname) {
    return os_path_convert(v, p, fname, argname, OS_PATH_ONLY);
}

/* A descriptor given where a path may be: 1 with *fd, or -1. */
static int os_path_fd(Value v, int *fd) {
    if (IS_BOOL(v) && err_warn(&exc_RuntimeWarning, "bool is used as a file descriptor") < 0) return -1;
    Value i = obj_index(v);
    return IS_NULL(i) || arg_to_int(i, fd) < 0 ? -1 : 1;
}

int os_path_or_fd(Value v, OsPath *p, int *fd, const char *fname, const char *argname) {
    *p = (OsPath){".", VAL_NONE, VAL_NONE, 0};
    if (IS_INT(v) || (!IS_STR(v) && !IS_BYTES(v) && !IS_NULL(val_type(v)->slots[SM_INDEX])))
        return os_path_fd(v, fd);
    return os_path_convert(v, p, fname, argname, OS_PATH_FD);
}

int os_path_or_none(Value v, OsPath *p, int *fd, const char *fname, const char *argname) {
    *p = (OsPath){".", VAL_NONE, VAL_NONE, 0};
    if (IS_NULL(v) || IS_NONE(v)) return 0;
    if (IS_INT(v) || (!IS_STR(v) && !IS_BYTES(v) && !IS_NULL(val_type(v)->slots[SM_INDEX])))
        return os_path_fd(v, fd);
    return os_path_convert(v, p, fname, argname, OS_PATH_FD_NONE);
}

Value os_error(Value filename) { return err_from_errno(&exc_OSError, filename); }
Value os_error2(Value filename, Value filename2) { return err_from_errno2(&exc_OSError, filename, filename2); }
Value os_fail(Value filename) { return err_occurred() ? VAL_NULL : os_error(filename); }

int os_fd_and_dir_fd(const char *fname, int isfd, int dir_fd) {
    if (!isfd || dir_fd == AT_FDCWD) return 0;
    err_format(&exc_ValueError, "%s: can't specify both dir_fd and fd", fname);
    return -1;
}
int os_dir_fd_needs_path(const char *fname, int isfd, int dir_fd) {
    if (!isfd || dir_fd == AT_FDCWD) return 0;
    err_format(&exc_ValueError, "%s: can't specify dir_fd without matching path", fname);
    return -1;
}
int os_fd_and_follow(const char *fname, int isfd, int follow) {
    if (!isfd || follow) return 0;
    err_format(&exc_ValueError, "%s: cannot use fd and follow_symlinks together", fname);
    return -1;
}

/* CPython's fildes converter: an int, or an object's fileno(). */
int os_fd_arg(Value v, int *out) {
    if (IS_INT(v)) return arg_to_int(v, out);
    Value m = obj_getattr_c(v, "fileno");
    if (IS_NULL(m)) {
        err_clear();
        err_format(&exc_TypeError, "argument must be an int, or have a fileno() method.");
        return -1;
    }
    Value r = call_value(m, NULL, 0, VAL_NULL);
    if (IS_NULL(r)) return -1;
    if (!IS_INT(r)) {
        err_format(&exc_TypeError, "fileno() returned a non-integer");
        return -1;
    }
    if (arg_to_int(r, out) < 0) return -1;
    if (*out < 0) {
        err_format(&exc_ValueError, "file descriptor cannot be a negative integer (%d)", *out);
        return -1;
    }
    return 0;
}

/* dir_fd=None: AT_FDCWD, else a descriptor (CPython's dir_fd_converter). */
int os_dir_fd(Value v, int *out) {
    if (IS_NULL(v) || IS_NONE(v)) { *out = AT_FDCWD; return 0; }
    if (!IS_INT(v) && IS_NULL(val_type(v)->slots[SM_INDEX])) {
        err_format(&exc_TypeError, "argument should be integer or None, not %T", v);
        return -1;
    }
    return arg_to_int(v, out);
}

int os_flag(Value v, int dflt) { return IS_NULL(v) ? dflt : obj_truthy(v); }

/* A uid or gid (CPython's _Py_Uid_Converter): -1 stays (uid_t)-1, "unchanged" to chown. */
int os_id_arg(Value v, unsigned *out, const char *what) {
    if (!IS_INT(v) && IS_NULL(val_type(v)->slots[SM_INDEX])) {
        err_format(&exc_TypeError, "%s should be integer, not %T", what, v);
        return -1;
    }
    Value i = obj_index(v);
    int64_t x;
    if (IS_NULL(i)) return -1;
    if (int_to_i64(i, &x) < 0) {       /* beyond a C long: by its sign */
        err_clear();
        err_format(&exc_OverflowError, "%s is %s", what, int_sign(i) < 0 ? "less than minimum" : "greater than maximum");
        return -1;
    }
    if (x < -1 || x > (int64_t)UINT32_MAX) {   /* a long that is no uid_t: CPython says "less" */
        err_format(&exc_OverflowError, "%s is less than minimum", what);
        return -1;
    }
    *out = (unsigned)x;
    return 0;
}

Value os_name_value(const char *s, size_t n, int as_bytes) {
    return as_bytes ? bytes_new(s, n) : str_fsdecode(s, n);     /* names round-trip */
}

/* ---------------------------------------------------------------- file descriptors */

#define OS_READ_SMALL 256

static Value os_read(Value *args, int nargs, Value kwnames) {
    int fd;
    int64_t n;
    if (arg_to_int(args[0], &fd) < 0 || arg_to_ssize(args[1], &n) < 0) return VAL_NULL;
    if (n < 0) { errno = EINVAL; return os_error(VAL_NULL); }
    char small[OS_READ_SMALL];      /* short reads (a message header) need no heap buffer */
    char *buf = n < OS_READ_SMALL ? small : gc_malloc((size_t)n + 1);
    if (!buf) return VAL_NULL;
    ssize_t got;
    OS_RETRY(got, read(fd, buf, (size_t)n));
    Value r = got < 0 ? os_fail(VAL_NULL) : bytes_new(buf, (size_t)got);
    if (buf != small) gc_free(buf, (size_t)n + 1);
    return r;
}

static Value os_lseek(Value *args, int nargs, Value kwnames) {
    int fd, how;
    int64_t pos;
    if (arg_to_int(args[0], &fd) < 0) return VAL_NULL;
    Value p = obj_index(args[1]);
    if (IS_NULL(p) || int_to_i64(p, &pos) < 0 || arg_to_int(args[2], &how) < 0) return VAL_NULL;
    off_t r = lseek(fd, (off_t)pos, how);
    return r < 0 ? os_error(VAL_NULL) : int_from_i64((int64_t)r);
}

static Value os_ftruncate(Value *args, int nargs, Value kwnames) {
    int fd;
    int64_t len;
    if (arg_to_int(args[0], &fd) < 0) return VAL_NULL;
    Value p = obj_index(args[1]);
    if (IS_NULL(p) || int_to_i64(p, &len) < 0) return VAL_NULL;
    if (OS_AUDIT_REFUSED("os.truncate", "iL", fd, (long long)len)) return VAL_NULL;
    int r;
    OS_RETRY(r, ftruncate(fd, (off_t)len));
    return r < 0 ? os_fail(VAL_NULL) : VAL_NONE;
}

static Value os_write(Value *args, int nargs, Value kwnames) {
    int fd;
    const uint8_t *data;
    int64_t len;
    if (arg_to_int(args[0], &fd) < 0) return VAL_NULL;
    if (!buffer_check(args[1]))
        return err_format(&exc_TypeError, "a bytes-like object is required, not '%T'", args[1]);
    if (bytes_view(args[1], &data, &len) < 0) return VAL_NULL;     /* a strided memoryview */
    /* A bytearray may be resized by another thread while the GIL is released:
     * write from a private copy. */
    uint8_t *copy = gc_malloc((size_t)len + 1);
    if (!copy) return VAL_NULL;
    memcpy(copy, data, (size_t)len);
    ssize_t put;
    OS_RETRY(put, write(fd, copy, (size_t)len));
    gc_free(copy, (size_t)len + 1);
    if (put < 0) return os_fail(VAL_NULL);
    return int_from_i64(put);
}

static Value os_close(Value *args, int nargs, Value kwnames) {
    int fd;
    if (arg_to_int(args[0], &fd) < 0) return VAL_NULL;
    return close(fd) < 0 ? os_error(VAL_NULL) : VAL_NONE;
}

static Value os_pipe(Value *args, int nargs, Value kwnames) {
    int fds[2], r;
    FDLIMIT_RETRY(r, r = pipe2(fds, O_CLOEXEC));
    if (r < 0) return os_error(VAL_NULL);
    return tuple_pack(2, MK_SMALLINT(fds[0]), MK_SMALLINT(fds[1]));
}

static Value os_dup(Value *args, int nargs, Value kwnames) {
    int fd;
    if (arg_to_int(args[0], &fd) < 0) return VAL_NULL;
    int r;
    FDLIMIT_RETRY(r, r = fcntl(fd, F_DUPFD_CLOEXEC, 0));
    return r < 0 ? os_error(VAL_NULL) : MK_SMALLINT(r);
}

/* dup2(fd, fd2, inheritable=True) */
static Value os_dup2(Value *args, int nargs, Value kwnames) {
    int fd, fd2, inheritable;
    if (arg_to_int(args[0], &fd) < 0 || arg_to_int(args[1], &fd2) < 0 ||
        (inheritable = os_flag(args[2], 1)) < 0)
        return VAL_NULL;
    int r = inheritable ? dup2(fd, fd2) : fd == fd2 ? fd2 : dup3(fd, fd2, O_CLOEXEC);
    return r < 0 ? os_error(VAL_NULL) : MK_SMALLINT(r);
}

/* sendfile(out_fd, in_fd, offset, count): offset None reads from in_fd's
 * position.  The copy runs without the GIL; EINTR runs the handlers and retries. */
static Value os_sendfile(Value *args, int nargs, Value kwnames) {
    int out_fd, in_fd;
    int64_t offset = 0, count;
    if (arg_to_int(args[0], &out_fd) < 0 || arg_to_int(args[1], &in_fd) < 0 ||
        (!IS_NONE(args[2]) && arg_to_ssize(args[2], &offset) < 0) || arg_to_ssize(args[3], &count) < 0)
        return VAL_NULL;
    off_t off = (off_t)offset, *offp = IS_NONE(args[2]) ? NULL : &off;
    for (;;) {
        ssize_t r;
        int err;
        GIL_BLOCKING_BEGIN(OS_GIL_REASON);
        r = sendfile(out_fd, in_fd, offp, (size_t)count);
        err = errno;
        GIL_BLOCKING_END();
        if (r >= 0) return int_from_i64(r);
        if (err != EINTR) { errno = err; return os_error(VAL_NULL); }
        if (sig_check() < 0) return VAL_NULL;
    }
}

/* pipe2(flags): the flags O_NONBLOCK and O_CLOEXEC as given. */
static Value os_pipe2(Value *args, int nargs, Value kwnames) {
    int flags, fds[2], r;
    if (arg_to_int(args[0], &flags) < 0) return VAL_NULL;
    FDLIMIT_RETRY(r, r = pipe2(fds, flags));
    if (r < 0) return os_error(VAL_NULL);
    return tuple_pack(2, MK_SMALLINT(fds[0]), MK_SMALLINT(fds[1]));
}

/* Set or clear one bit of a descriptor's F_GETFL / F_GETFD word. */
static Value os_fcntl_bit(Value *args, int get_cmd, int set_cmd, int bit, int set_when_false) {
    int fd, flag;
    if (arg_to_int(args[0], &fd) < 0 || arg_to_int(args[1], &flag) < 0) return VAL_NULL;
    int old = fcntl(fd, get_cmd);
    if (old < 0) return os_error(VAL_NULL);
    int on = set_when_false ? !flag : flag;
    int nw = on ? old | bit : old & ~bit;
    if (nw != old && fcntl(fd, set_cmd, nw) < 0) return os_error(VAL_NULL);
    return VAL_NONE;
}

static Value os_get_fcntl_bit(Value fdv, int get_cmd, int bit) {
    int fd;
    if (arg_to_int(fdv, &fd) < 0) return VAL_NULL;
    int flags = fcntl(fd, get_cmd);
    if (flags < 0) return os_error(VAL_NULL);
    return MK_BOOL(!(flags & bit));
}

static Value os_get_blocking(Value *args, int nargs, Value kwnames) {
    return os_get_fcntl_bit(args[0], F_GETFL, O_NONBLOCK);
}
static Value os_set_blocking(Value *args, int nargs, Value kwnames) {
    return os_fcntl_bit(args, F_GETFL, F_SETFL, O_NONBLOCK, 1);
}
static Value os_get_inheritable(Value *args, int nargs, Value kwnames) {
    return os_get_fcntl_bit(args[0], F_GETFD, FD_CLOEXEC);
}
static Value os_set_inheritable(Value *args, int nargs, Value kwnames) {
    return os_fcntl_bit(args, F_GETFD, F_SETFD, FD_CLOEXEC, 1);
}

/* open(path, flags, mode=0o777, *, dir_fd=None) */
static Value os_open(Value *args, int nargs, Value kwnames) {
    OsPath p;
    int flags, mode = 0777, dir_fd;
    if (os_path_arg(args[0], &p, "open", "path") < 0 || arg_to_int(args[1], &flags) < 0 ||
        (!IS_NULL(args[2]) && arg_to_int(args[2], &mode) < 0) || os_dir_fd(args[3], &dir_fd) < 0)
        return VAL_NULL;
    if (OS_AUDIT_REFUSED("open", "ONi", args[0], flags | O_CLOEXEC)) return VAL_NULL;
    int fd;
    FDLIMIT_RETRY(fd, OS_RETRY(fd, openat(dir_fd, p.s, flags | O_CLOEXEC, mode)));   /* a FIFO's open blocks */
    return fd < 0 ? os_fail(p.obj) : MK_SMALLINT(fd);
}

static Value os_isatty(Value *args, int nargs, Value kwnames) {
    int fd;
    if (arg_to_int(args[0], &fd) < 0) return VAL_NULL;
    return MK_BOOL(isatty(fd));
}

static const char *const os_terminal_size_fields[] = {"columns", "lines"};
static StructSeqDesc os_terminal_size_desc = {"os.terminal_size", os_terminal_size_fields, 2, 2};

static Value os_get_terminal_size(Value *args, int nargs, Value kwnames) {
    int fd = 1;
    if (!IS_NULL(args[0]) && arg_to_int(args[0], &fd) < 0) return VAL_NULL;
    struct winsize w;
    if (ioctl(fd, TIOCGWINSZ, &w) < 0) return os_error(VAL_NULL);
    Value r = structseq_new(&os_terminal_size_desc);
    if (IS_NULL(r)) return VAL_NULL;
    STRUCTSEQ_ITEMS(r)[0] = MK_SMALLINT(w.ws_col), STRUCTSEQ_ITEMS(r)[1] = MK_SMALLINT(w.ws_row);
    return r;
}

/* fspath(path): str or bytes as is, else what __fspath__ returns. */
static Value os_fspath(Value *args, int nargs, Value kwnames) { return arg_to_path(args[0]); }

/* openpty(): (master, slave), both non-inheritable. */
static Value os_openpty(Value *args, int nargs, Value kwnames) {
    int m, s, r;
    FDLIMIT_RETRY(r, r = openpty(&m, &s, NULL, NULL, NULL));
    if (r < 0) return os_error(VAL_NULL);
    if (fcntl(m, F_SETFD, FD_CLOEXEC) < 0 || fcntl(s, F_SETFD, FD_CLOEXEC) < 0) {
        int e = errno;
        close(m), close(s);
        errno = e;
        return os_error(VAL_NULL);
    }
    return tuple_pack(2, MK_SMALLINT(m), MK_SMALLINT(s));
}

/* ---------------------------------------------------------------- environment */

/* An environment name or value: str, bytes or os.PathLike (CPython's FSConverter). */
static int os_env_arg(Value v, OsPath *p, const char *fname, const char *argname) {
    Value s = arg_to_path(v);
    return IS_NULL(s) ? -1 : os_path_arg(s, p, fname, argname);
}

static Value os_putenv(Value *args, int nargs, Value kwnames) {
    OsPath k, v;
    if (os_env_arg(args[0], &k, "putenv", "name") < 0 || os_env_arg(args[1], &v, "putenv", "value") < 0)
        return VAL_NULL;
    if (k.s[0] == '\0' || strchr(k.s, '='))
        return err_format(&exc_ValueError, "illegal environment variable name");
    if (OS_AUDIT_REFUSED("os.putenv", "yy", k.s, v.s)) return VAL_NULL;
    return setenv(k.s, v.s, 1) < 0 ? os_error(VAL_NULL) : VAL_NONE;
}

static Value os_unsetenv(Value *args, int nargs, Value kwnames) {
    OsPath k;
    if (os_env_arg(args[0], &k, "unsetenv", "name") < 0) return VAL_NULL;
    if (k.s[0] == '\0' || strchr(k.s, '='))
        return err_format(&exc_ValueError, "illegal environment variable name");
    if (OS_AUDIT_REFUSED("os.unsetenv", "y", k.s)) return VAL_NULL;
    return unsetenv(k.s) < 0 ? os_error(VAL_NULL) : VAL_NONE;
}

/* The process environment at start-up: bytes names to bytes values. */
static Value os_environ_dict(void) {
    Value d = dict_new();
    if (IS_NULL(d)) return VAL_NULL;
    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq) continue;
        Value k = bytes_new(*e, (size_t)(eq - *e));
        Value v = bytes_new(eq + 1, strlen(eq + 1));
        if (IS_NULL(k) || IS_NULL(v)) return VAL_NULL;
        if (IS_NULL(dict_get(d, k)) && dict_set(d, k, v) < 0) return VAL_NULL;
    }
    return d;
}

/* ---------------------------------------------------------------- misc */

/* _path_normpath(path): posixpath.normpath's work on a str, as CPython's
 * _Py_normpath: one or two leading slashes kept (three or more become one),
 * "." and empty components dropped, ".." taking back the previous name (at
 * the root, nothing).  A path that reduces to nothing gives "" ("." for ".");
 * posixpath.normpath turns "" into ".". */
static Value os_path_normpath(Value *args, int nargs, Value kwnames) {
    Value path = args[0];
    if (!IS_STR(path)) return err_format(&exc_TypeError, "expected 'str', not '%T'", path);
    const char *s = STR_DATA(path);
    size_t n = (size_t)STR_LEN(path), i = 0, out = 0, floor;
    if (n == 1 && s[0] == '.') return path;
    char *buf = gc_malloc(n + 1);
    if (!buf) return VAL_NULL;
    while (i < n && s[i] == '/') i++;
    size_t lead = i == 2 ? 2 : i > 0 ? 1 : 0;
    for (; out < lead; out++) buf[out] = '/';
    floor = out;                       /* ".." never climbs above the root */
    size_t dotdots = out;              /* the end of the leading ".." run of a relative path */
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '/') j++;
        size_t len = j - i;
        if (len == 0 || (len == 1 && s[i] == '.')) {
            /* nothing */
        } else if (len == 2 && s[i] == '.' && s[i + 1] == '.') {
            if (out > dotdots) {           /* drop the last name and the slash before it */
                while (out > dotdots && buf[out - 1] != '/') out--;
                if (out > floor && buf[out - 1] == '/') out--;
            } else if (!lead) {            /* a relative path keeps its ".." */
                if (out > 0) buf[out++] = '/';
                buf[out++] = '.', buf[out++] = '.';
                dotdots = out;
            }
        } else {
            if (out > floor) buf[out++] = '/';
            memcpy(buf + out, s + i, len);
            out += len;
        }
        i = j + 1;
    }
    Value r = str_new(buf, out);
    gc_free(buf, n + 1);
    return r;
}

static Value os_umask(Value *args, int nargs, Value kwnames) {
    int mask;
    if (arg_to_int(args[0], &mask) < 0) return VAL_NULL;
    return MK_SMALLINT(umask((mode_t)mask));
}

/* ---------------------------------------------------------------- module */

/* The kinds and signatures are CPython's (posixmodule.c's Argument Clinic
 * declarations), so every wrong call fails with CPython's message. */
static const MethodDef os_methods[] = {
    {"read", os_read, ARGS_POS(2, 2), "Read from a file descriptor.  Returns a bytes object."},
    {"lseek", os_lseek, ARGS_POS(3, 3), "Set the position of a file descriptor.  Return the new position."},
    {"ftruncate", os_ftruncate, ARGS_POS(2, 2), "Truncate a file, specified by file descriptor, to a specific length."},
    {"write", os_write, ARGS_POS(2, 2), "Write a bytes object to a file descriptor."},
    {"close", os_close, ARGS_KW, "Close a file descriptor.", "($module, /, fd)"},
    {"pipe", os_pipe, ARGS_NONE, "Create a pipe."},
    {"dup", os_dup, ARGS_ONE, "Return a duplicate of a file descriptor."},
    {"sendfile", os_sendfile, ARGS_KW, "Copy count bytes from file descriptor in_fd to file descriptor out_fd.",
     "($module, /, out_fd, in_fd, offset, count)"},
    {"pipe2", os_pipe2, ARGS_ONE, "Create a pipe with flags set atomically."},
    {"get_blocking", os_get_blocking, ARGS_ONE, "Get the blocking mode of the file descriptor."},
    {"set_blocking", os_set_blocking, ARGS_POS(2, 2), "Set the blocking mode of the specified file descriptor."},
    {"get_inheritable", os_get_inheritable, ARGS_ONE, "Get the close-on-exe flag of the specified file descriptor."},
    {"set_inheritable", os_set_inheritable, ARGS_POS(2, 2), "Set the inheritable flag of the specified file descriptor."},
    {"dup2", os_dup2, ARGS_KW, "Duplicate file descriptor.", "($module, /, fd, fd2, inheritable=True)"},
    {"open", os_open, ARGS_KW, "Open a file for low level IO.  Returns a file descriptor (integer).",
     "($module, /, path, flags, mode=511, *, dir_fd=None)"},
    {"isatty", os_isatty, ARGS_ONE, "Return True if the fd is connected to a terminal."},
    {"get_terminal_size", os_get_terminal_size, ARGS_POS(0, 1), "Return the size of the terminal window as (columns, lines)."},
    {"openpty", os_openpty, ARGS_NONE, "Open a pseudo-terminal."},
    {"fspath", os_fspath, ARGS_KW, "Return the file system path representation of the object.",
     "($module, /, path)"},
    {"putenv", os_putenv, ARGS_POS(2, 2), "Change or add an environment variable."},
    {"unsetenv", os_unsetenv, ARGS_ONE, "Delete an environment variable."},
    {"umask", os_umask, ARGS_ONE, "Set the current numeric umask and return the previous umask."},
    {"_path_normpath", os_path_normpath, ARGS_KW, "Basic path normalization.", "($module, /, path)"},
    {NULL, NULL, 0, NULL},
};

Value mod_os_init(void) {
    Value m = module_new_c("posix");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    const MethodDef *tables[] = {os_methods, pfs_methods, pdir_methods, pfd_methods, pproc_methods, pinfo_methods};
    for (size_t i = 0; i < sizeof tables / sizeof *tables; i++) dict_add_methods(d, tables[i], m);
    Value env = os_environ_dict();
    if (IS_NULL(env) || dict_set_c(d, "environ", env) < 0 || dict_set_c(d, "error", MK_OBJ(&exc_OSError)) < 0 ||
        dict_set_c(d, "terminal_size", MK_OBJ(structseq_type(&os_terminal_size_desc))) < 0 ||
        pfs_init(d) < 0 || pdir_init(d) < 0 || pproc_init(d) < 0 || pinfo_init(d) < 0 || pconst_init(d) < 0)
        return VAL_NULL;
    return m;
}
