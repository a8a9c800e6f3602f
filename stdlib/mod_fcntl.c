/* mod_fcntl.c - the `fcntl` module: fcntl(), ioctl(), flock() and lockf() on
 * file descriptors (ints or objects with fileno()), and Linux's F_*, LOCK_*,
 * DN_* and FD_CLOEXEC constants, with CPython's names, arguments and errors.
 *
 * The third argument of fcntl() and ioctl() is either an integer or bytes
 * the call reads and may overwrite.  As in CPython, bytes go through a
 * 1024-byte scratch buffer so a call that writes more than it was given
 * cannot run past the caller's object; ioctl() with a writable buffer and
 * mutate_flag writes the result back into it (directly when it is bigger
 * than the scratch buffer).  Calls that may block (fcntl's F_SETLKW, flock,
 * lockf) release the GIL and retry on EINTR after running signal handlers
 * (PEP 475); ioctl() is not retried, as some requests cannot be restarted.
 */
#define _GNU_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <gmp.h>

#include "runtime/audit.h"
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gil.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_int.h"
#include "runtime/obj_memoryview.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/signals.h"
#include "interp/modreg.h"

GILPY_MODULE("fcntl", mod_fcntl_init);

enum { FCNTL_BUFSZ = 1024 };   /* CPython's scratch size for byte arguments */

/* An integer reduced modulo 2**32, as PyArg_Parse's "I" takes it (fcntl's
 * argument, ioctl's request: bit masks, so -1 and 2**40 are accepted). */
static int fcntl_uint_mask(Value v, unsigned *out) {
    if (IS_FLOATOBJ(v)) {
        err_format(&exc_TypeError, "'%T' object cannot be interpreted as an integer", v);
        return -1;
    }
    Value i = obj_index(v);
    if (IS_NULL(i)) return -1;
    int64_t x;
    if (int_to_i64(i, &x) == 0) { *out = (unsigned)x; return 0; }
    err_clear();
    mpz_t z;
    mpz_init(z);
    int_to_mpz(i, z);
    mpz_fdiv_r_2exp(z, z, 32);
    *out = (unsigned)mpz_get_ui(z);
    mpz_clear(z);
    return 0;
}

/* Bytes a call may read from: a str (as UTF-8) or a bytes object (PyArg_Parse's
 * "s#": read-only buffers that need no release).  0 when v is neither. */
static int fcntl_const_bytes(Value v, const uint8_t **data, int64_t *len) {
    if (IS_STR(v) && !str_has_surrogates(v)) {
        *data = (const uint8_t *)STR_DATA(v);
        *len = STR_LEN(v);
        return 1;
    }
    if (IS_BYTES(v)) {
        *data = AS_BYTES(v)->data;
        *len = AS_BYTES(v)->len;
        return 1;
    }
    return 0;
}

static Value fcntl_errno(int err) {
    errno = err;
    return err_from_errno(&exc_OSError, VAL_NULL);
}

/* fcntl(fd, cmd, arg) with the GIL released, retried on EINTR: the result, or
 * -1 with the error set (OSError, or what a signal handler raised). */
static int fcntl_call(int fd, int cmd, void *ptr, unsigned iarg, int use_ptr) {
    for (;;) {
        int r, err;
        GIL_BLOCKING_BEGIN(GIL_REASON_IO);
        r = use_ptr ? fcntl(fd, cmd, ptr) : fcntl(fd, cmd, (int)iarg);
        err = errno;
        GIL_BLOCKING_END();
        if (r != -1) return r;
        if (err != EINTR) { fcntl_errno(err); return -1; }
        if (sig_check() < 0) return -1;
    }
}

/* fcntl(fd, cmd, arg=0, /) */
static Value fcntl_fcntl(Value *args, int nargs, Value kwnames) {
    int fd, cmd;
    if (arg_to_fd(args[0], &fd) < 0 || arg_to_int(args[1], &cmd) < 0) return VAL_NULL;
    if (audit_active() && audit("fcntl.fcntl", "iiO", fd, cmd, IS_NULL(args[2]) ? VAL_NONE : args[2]) < 0)
        return VAL_NULL;
    const uint8_t *data;
    int64_t len;
    if (!IS_NULL(args[2]) && fcntl_const_bytes(args[2], &data, &len)) {
        if (len > FCNTL_BUFSZ) return err_format(&exc_ValueError, "fcntl string arg too long");
        char buf[FCNTL_BUFSZ + 1];
        memcpy(buf, data, (size_t)len);
        if (fcntl_call(fd, cmd, buf, 0, 1) < 0) return VAL_NULL;
        return bytes_new(buf, (size_t)len);
    }
    unsigned iarg = 0;
    if (!IS_NULL(args[2]) && fcntl_uint_mask(args[2], &iarg) < 0) return VAL_NULL;
    int r = fcntl_call(fd, cmd, NULL, iarg, 0);
    return r < 0 ? VAL_NULL : int_from_i64(r);
}

/* ioctl on a writable buffer (array, bytearray, writable memoryview): with
 * mutate_flag the result goes back into it and ioctl's return value is
 * returned, else the bytes come back as a new bytes object. */
static Value fcntl_ioctl_buffer(int fd, unsigned long req, Buffer *view, int mutate) {
    char buf[FCNTL_BUFSZ + 1];
    int r, err;
    if (mutate && view->len > FCNTL_BUFSZ) {
        GIL_BLOCKING_BEGIN(GIL_REASON_IO);
        r = ioctl(fd, req, view->buf);
        err = errno;
        GIL_BLOCKING_END();
        return r < 0 ? fcntl_errno(err) : int_from_i64(r);
    }
    if (view->len > FCNTL_BUFSZ) return err_format(&exc_ValueError, "ioctl string arg too long");
    memcpy(buf, view->buf, (size_t)view->len);
    buf[view->len] = 0;
    GIL_BLOCKING_BEGIN(GIL_REASON_IO);
    r = ioctl(fd, req, buf);
    err = errno;
    GIL_BLOCKING_END();
    if (r < 0) return fcntl_errno(err);
    if (!mutate) return bytes_new(buf, (size_t)view->len);
    memcpy(view->buf, buf, (size_t)view->len);
    return int_from_i64(r);
}

/* ioctl(fd, request, arg=0, mutate_flag=True, /) */
static Value fcntl_ioctl(Value *args, int nargs, Value kwnames) {
    int fd;
    unsigned req;
    if (arg_to_fd(args[0], &fd) < 0 || fcntl_uint_mask(args[1], &req) < 0) return VAL_NULL;
    if (audit_active() && audit("fcntl.ioctl", "inO", fd, (int64_t)req, IS_NULL(args[2]) ? VAL_NONE : args[2]) < 0)
        return VAL_NULL;
    int mutate = 1;
    if (!IS_NULL(args[3]) && (mutate = obj_truthy(args[3])) < 0) return VAL_NULL;
    Value arg = args[2];
    int r, err;
    if (!IS_NULL(arg) && !IS_STR(arg) && buffer_check(arg)) {
        Buffer view;
        if (buffer_get(arg, &view, BUF_WRITABLE) == 0) {
            Value res = fcntl_ioctl_buffer(fd, req, &view, mutate);
            buffer_release(&view);
            return res;
        }
        err_clear();
        if (buffer_get(arg, &view, BUF_SIMPLE) < 0) return VAL_NULL;
        Value res = fcntl_ioctl_buffer(fd, req, &view, 0);
        buffer_release(&view);
        return res;
    }
    if (!IS_NULL(arg) && IS_STR(arg) && !str_has_surrogates(arg)) {
        Buffer view = {.buf = (uint8_t *)STR_DATA(arg), .len = STR_LEN(arg)};
        return fcntl_ioctl_buffer(fd, req, &view, 0);
    }
    int iarg = 0;
    if (!IS_NULL(arg) && arg_to_cint(arg, &iarg) < 0) return VAL_NULL;
    GIL_BLOCKING_BEGIN(GIL_REASON_IO);
    r = ioctl(fd, req, iarg);
    err = errno;
    GIL_BLOCKING_END();
    return r < 0 ? fcntl_errno(err) : int_from_i64(r);
}

/* flock(fd, operation, /) */
static Value fcntl_flock(Value *args, int nargs, Value kwnames) {
    int fd, op;
    if (arg_to_fd(args[0], &fd) < 0 || arg_to_int(args[1], &op) < 0) return VAL_NULL;
    if (audit_active() && audit("fcntl.flock", "ii", fd, op) < 0) return VAL_NULL;
    for (;;) {
        int r, err;
        GIL_BLOCKING_BEGIN(GIL_REASON_IO);
        r = flock(fd, op);
        err = errno;
        GIL_BLOCKING_END();
        if (r == 0) return VAL_NONE;
        if (err != EINTR) return fcntl_errno(err);
        if (sig_check() < 0) return VAL_NULL;
    }
}

/* lockf(fd, cmd, len=0, start=0, whence=0, /): POSIX record locks through
 * fcntl(F_SETLK / F_SETLKW) with flock()'s LOCK_* commands. */
static Value fcntl_lockf(Value *args, int nargs, Value kwnames) {
    int fd, cmd, whence = 0;
    int64_t len = 0, start = 0;
    if (arg_to_fd(args[0], &fd) < 0 || arg_to_int(args[1], &cmd) < 0) return VAL_NULL;
    if ((!IS_NULL(args[2]) && arg_to_long(args[2], &len) < 0) || (!IS_NULL(args[3]) && arg_to_long(args[3], &start) < 0)
        || (!IS_NULL(args[4]) && arg_to_int(args[4], &whence) < 0))
        return VAL_NULL;
    if (audit_active() && audit("fcntl.lockf", "iiOOi", fd, cmd, IS_NULL(args[2]) ? VAL_NONE : args[2],
                                IS_NULL(args[3]) ? VAL_NONE : args[3], whence) < 0)
        return VAL_NULL;
    struct flock l = {0};
    if (cmd == LOCK_UN) l.l_type = F_UNLCK;
    else if (cmd & LOCK_SH) l.l_type = F_RDLCK;
    else if (cmd & LOCK_EX) l.l_type = F_WRLCK;
    else return err_format(&exc_ValueError, "unrecognized lockf argument");
    l.l_start = (off_t)start;
    l.l_len = (off_t)len;
    l.l_whence = (short)whence;
    return fcntl_call(fd, (cmd & LOCK_NB) ? F_SETLK : F_SETLKW, &l, 0, 1) < 0 ? VAL_NULL : VAL_NONE;
}

static const MethodDef fcntl_functions[] = {
    {"fcntl", fcntl_fcntl, ARGS_POS(2, 3),
     "Perform the operation `cmd` on file descriptor fd.\n\n"
     "`arg` is an integer, or a str or bytes the call may read and overwrite; for\n"
     "bytes the result is the buffer after the call, else the call's return value.",
     "($module, fd, cmd, arg=0, /)"},
    {"ioctl", fcntl_ioctl, ARGS_POS(2, 4),
     "Perform the operation `request` on file descriptor `fd`.\n\n"
     "`arg` is an integer, a read-only buffer (the result is the buffer after the\n"
     "call) or a writable buffer (changed in place when mutate_flag is true).",
     "($module, fd, request, arg=0, mutate_flag=True, /)"},
    {"flock", fcntl_flock, ARGS_POS(2, 2), "Perform the lock operation `operation` on file descriptor `fd`.",
     "($module, fd, operation, /)"},
    {"lockf", fcntl_lockf, ARGS_POS(2, 5),
     "A wrapper around the fcntl() locking calls.\n\n"
     "`cmd` is LOCK_UN, LOCK_SH or LOCK_EX, optionally or-ed with LOCK_NB; `len`,\n"
     "`start` and `whence` select the locked region as for fcntl(F_SETLK).",
     "($module, fd, cmd, len=0, start=0, whence=0, /)"},
    {NULL, NULL, 0, NULL},
};

#define C INT_CONST
static const IntConst fcntl_constants[] = {
    C(LOCK_SH) C(LOCK_EX) C(LOCK_NB) C(LOCK_UN) C(LOCK_MAND) C(LOCK_READ) C(LOCK_WRITE) C(LOCK_RW)
    C(F_DUPFD) C(F_DUPFD_CLOEXEC) C(F_GETFD) C(F_SETFD) C(F_GETFL) C(F_SETFL)
    C(F_GETLK) C(F_SETLK) C(F_SETLKW) C(F_GETLK64) C(F_SETLK64) C(F_SETLKW64)
    C(F_OFD_GETLK) C(F_OFD_SETLK) C(F_OFD_SETLKW)
    C(F_GETOWN) C(F_SETOWN) C(F_GETSIG) C(F_SETSIG) C(F_GETLEASE) C(F_SETLEASE) C(F_NOTIFY)
    C(F_RDLCK) C(F_WRLCK) C(F_UNLCK) C(F_EXLCK) C(F_SHLCK)
    C(F_GETPIPE_SZ) C(F_SETPIPE_SZ)
    C(F_ADD_SEALS) C(F_GET_SEALS) C(F_SEAL_SEAL) C(F_SEAL_SHRINK) C(F_SEAL_GROW) C(F_SEAL_WRITE)
    C(FD_CLOEXEC) C(FASYNC)
    C(DN_ACCESS) C(DN_MODIFY) C(DN_CREATE) C(DN_DELETE) C(DN_RENAME) C(DN_ATTRIB) C(DN_MULTISHOT)
    {NULL, 0},
};
#undef C

Value mod_fcntl_init(void) {
    Value m = module_new_c("fcntl");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    dict_add_methods(d, fcntl_functions, m);
    if (dict_add_int_constants(d, fcntl_constants) < 0 || dict_set_c(d, "__doc__", str_from_c(
            "This module performs file control and I/O control on file\n"
            "descriptors.  It is an interface to the fcntl() and ioctl() Unix\n"
            "routines.  File descriptors can be obtained with the fileno() method of\n"
            "a file or socket object.")) < 0)
        return VAL_NULL;
    return err_occurred() ? VAL_NULL : m;
}
