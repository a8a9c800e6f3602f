/* mod_posix_fd.c - the posix module's calls on descriptors beyond the basic
 * ones of mod_os.c (see posix.h): syncing, positioned and vectored I/O,
 * kernel copies (copy_file_range, splice), eventfd, memfd, pidfd, locks and
 * terminals (ttyname, login_tty, forkpty, tc[gs]etpgrp).
 *
 * The vectored calls hold the buffer protocol's exports of every buffer
 * while the GIL is released, so no buffer is resized or freed under the
 * system call.  Blocking calls retry on EINTR after the signal handlers ran
 * (PEP 475, OS_RETRY).
 */
#define _GNU_SOURCE 1
#include <gmp.h>
#include <langinfo.h>
#include <pty.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <termios.h>
#include <unistd.h>
#include <utmp.h>

#include "posix.h"
#include "runtime/fdlimit.h"
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/fork.h"
#include "runtime/gc.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_memoryview.h"
#include "runtime/obj_str.h"

/* ---------------------------------------------------------------- sync */

static Value pfd_sync_common(Value v, int (*fn)(int)) {
    int fd, r;
    if (os_fd_arg(v, &fd) < 0) return VAL_NULL;
    OS_RETRY(r, fn(fd));
    return r < 0 ? os_fail(VAL_NULL) : VAL_NONE;
}
static Value pfd_fsync(Value *args, int nargs, Value kwnames) { return pfd_sync_common(args[0], fsync); }
static Value pfd_fdatasync(Value *args, int nargs, Value kwnames) { return pfd_sync_common(args[0], fdatasync); }
static Value pfd_sync(Value *args, int nargs, Value kwnames) {
    GIL_BLOCKING_BEGIN(OS_GIL_REASON);
    sync();
    GIL_BLOCKING_END();
    return VAL_NONE;
}

/* closerange(fd_low, fd_high): close [low, high), errors ignored. */
static Value pfd_closerange(Value *args, int nargs, Value kwnames) {
    int lo, hi;
    if (arg_to_int(args[0], &lo) < 0 || arg_to_int(args[1], &hi) < 0) return VAL_NULL;
    if (lo < 0) lo = 0;
    if (lo >= hi) return VAL_NONE;
#ifdef SYS_close_range
    if (syscall(SYS_close_range, (unsigned)lo, (unsigned)(hi - 1), 0) == 0) return VAL_NONE;
#endif
    long max = sysconf(_SC_OPEN_MAX);
    if (max > 0 && hi > max) hi = (int)max;
    for (int fd = lo; fd < hi; fd++) close(fd);
    return VAL_NONE;
}

/* ---------------------------------------------------------------- positioned and vectored I/O */

static int pfd_offset(Value v, off_t *out) {
    int64_t x;
    Value i = obj_index(v);
    if (IS_NULL(i) || int_to_i64(i, &x) < 0) return -1;
    *out = (off_t)x;
    return 0;
}

/* pread(fd, length, offset, /) */
static Value pfd_pread(Value *args, int nargs, Value kwnames) {
    int fd;
    int64_t n;
    off_t off;
    if (arg_to_int(args[0], &fd) < 0 || arg_to_ssize(args[1], &n) < 0 || pfd_offset(args[2], &off) < 0)
        return VAL_NULL;
    if (n < 0) { errno = EINVAL; return os_error(VAL_NULL); }
    char *buf = gc_malloc((size_t)n + 1);
    if (!buf) return VAL_NULL;
    ssize_t got;
    OS_RETRY(got, pread(fd, buf, (size_t)n, off));
    Value r = got < 0 ? os_fail(VAL_NULL) : bytes_new(buf, (size_t)got);
    gc_free(buf, (size_t)n + 1);
    return r;
}

/* pwrite(fd, data, offset, /) */
static Value pfd_pwrite(Value *args, int nargs, Value kwnames) {
    int fd;
    off_t off;
    Buffer b;
    if (arg_to_int(args[0], &fd) < 0 || buffer_get(args[1], &b, BUF_SIMPLE) < 0) return VAL_NULL;
    if (pfd_offset(args[2], &off) < 0) { buffer_release(&b); return VAL_NULL; }
    ssize_t put;
    OS_RETRY(put, pwrite(fd, b.buf, (size_t)b.len, off));
    buffer_release(&b);
    return put < 0 ? os_fail(VAL_NULL) : int_from_i64(put);
}

/* The buffers of readv/writev as an iovec array; the exports stay held
 * until pfd_iov_release.  -1 with the exception set. */
typedef struct { struct iovec *iov; Buffer *views; int64_t n; } PfdIov;

static void pfd_iov_release(PfdIov *v) {
    for (int64_t i = 0; i < v->n; i++) buffer_release(&v->views[i]);
    free(v->iov);
    free(v->views);
}

static int pfd_iov(Value seq, PfdIov *v, int writable, const char *fname) {
    v->n = 0, v->iov = NULL, v->views = NULL;
    if (IS_NULL(type_lookup_c(val_type(seq), "__getitem__")) || IS_STR(seq) || IS_BYTES(seq)) {
        err_format(&exc_TypeError, "%s() arg 2 must be a sequence", fname);
        return -1;
    }
    Value t = seq_to_tuple(seq);
    if (IS_NULL(t)) return -1;
    int64_t n = AS_TUPLE(t)->len;
    if (n > IOV_MAX) {
        err_format(&exc_OSError, "[Errno %d] %s", EINVAL, strerror(EINVAL));
        return -1;
    }
    v->iov = calloc((size_t)n + 1, sizeof(struct iovec));
    v->views = calloc((size_t)n + 1, sizeof(Buffer));
    if (!v->iov || !v->views) { pfd_iov_release(v); err_no_memory(); return -1; }
    for (int64_t i = 0; i < n; i++) {
        if (buffer_get(AS_TUPLE(t)->items[i], &v->views[i], writable ? BUF_WRITABLE : BUF_SIMPLE) < 0) {
            pfd_iov_release(v);
            return -1;
        }
        v->n = i + 1;
        v->iov[i].iov_base = v->views[i].buf, v->iov[i].iov_len = (size_t)v->views[i].len;
    }
    return 0;
}

/* readv/writev/preadv/pwritev: args = fd, buffers[, offset[, flags]]. */
static Value pfd_vector_io(Value *args, int writing, int positioned, const char *fname) {
    int fd, flags = 0;
    off_t off = 0;
    PfdIov v;
    if (arg_to_int(args[0], &fd) < 0 || (positioned && pfd_offset(args[2], &off) < 0) ||
        (positioned && !IS_NULL(args[3]) && arg_to_int(args[3], &flags) < 0) ||
        pfd_iov(args[1], &v, !writing, fname) < 0)
        return VAL_NULL;
    ssize_t r;
    int nv = (int)v.n;
    if (writing) OS_RETRY(r, positioned ? pwritev2(fd, v.iov, nv, off, flags) : writev(fd, v.iov, nv));
    else OS_RETRY(r, positioned ? preadv2(fd, v.iov, nv, off, flags) : readv(fd, v.iov, nv));
    pfd_iov_release(&v);
    return r < 0 ? os_fail(VAL_NULL) : int_from_i64(r);
}
static Value pfd_readv(Value *a, int n, Value k) { return pfd_vector_io(a, 0, 0, "readv"); }
static Value pfd_writev(Value *a, int n, Value k) { return pfd_vector_io(a, 1, 0, "writev"); }
static Value pfd_preadv(Value *a, int n, Value k) { return pfd_vector_io(a, 0, 1, "preadv"); }
static Value pfd_pwritev(Value *a, int n, Value k) { return pfd_vector_io(a, 1, 1, "pwritev"); }

/* posix_fallocate(fd, offset, len) and posix_fadvise(fd, offset, len, advice):
 * they return the error number instead of setting errno. */
static Value pfd_posix_fcall(Value *args, int advise) {
    int fd, advice = 0, r;
    off_t off, len;
    if (arg_to_int(args[0], &fd) < 0 || pfd_offset(args[1], &off) < 0 || pfd_offset(args[2], &len) < 0 ||
        (advise && arg_to_int(args[3], &advice) < 0))
        return VAL_NULL;
    for (;;) {
        GIL_BLOCKING_BEGIN(OS_GIL_REASON);
        r = advise ? posix_fadvise(fd, off, len, advice) : posix_fallocate(fd, off, len);
        GIL_BLOCKING_END();
        if (r != EINTR) break;
        if (sig_check() < 0) return VAL_NULL;
    }
    if (r) { errno = r; return os_error(VAL_NULL); }
    return VAL_NONE;
}
static Value pfd_posix_fallocate(Value *a, int n, Value k) { return pfd_posix_fcall(a, 0); }
static Value pfd_posix_fadvise(Value *a, int n, Value k) { return pfd_posix_fcall(a, 1); }

/* The optional offsets of copy_file_range and splice (None: the file position). */
static int pfd_opt_offset(Value v, loff_t *off, loff_t **p) {
    *p = NULL;
    if (IS_NULL(v) || IS_NONE(v)) return 0;
    off_t o;
    if (pfd_offset(v, &o) < 0) return -1;
    *off = o, *p = off;
    return 0;
}

/* copy_file_range(src, dst, count, offset_src=None, offset_dst=None) and
 * splice(src, dst, count, offset_src=None, offset_dst=None, flags=0) */
static Value pfd_kernel_copy(Value *args, int is_splice) {
    int src, dst, flags = 0;
    int64_t count;
    loff_t os_, od, *ps, *pd;
    if (arg_to_int(args[0], &src) < 0 || arg_to_int(args[1], &dst) < 0 || arg_to_ssize(args[2], &count) < 0 ||
        pfd_opt_offset(args[3], &os_, &ps) < 0 || pfd_opt_offset(args[4], &od, &pd) < 0 ||
        (is_splice && !IS_NULL(args[5]) && arg_to_int(args[5], &flags) < 0))
        return VAL_NULL;
    if (count < 0) return err_format(&exc_ValueError, "negative value not allowed");
    ssize_t r;
    if (is_splice) OS_RETRY(r, splice(src, ps, dst, pd, (size_t)count, (unsigned)flags));
    else OS_RETRY(r, copy_file_range(src, ps, dst, pd, (size_t)count, 0));
    return r < 0 ? os_fail(VAL_NULL) : int_from_i64(r);
}
static Value pfd_copy_file_range(Value *a, int n, Value k) { return pfd_kernel_copy(a, 0); }
static Value pfd_splice(Value *a, int n, Value k) { return pfd_kernel_copy(a, 1); }

/* ---------------------------------------------------------------- eventfd, memfd, pidfd */

/* eventfd(initval, flags=EFD_CLOEXEC) */
static Value pfd_eventfd(Value *args, int nargs, Value kwnames) {
    Value i = obj_index(args[0]);
    int64_t init;
    int flags = EFD_CLOEXEC;
    if (IS_NULL(i) || int_to_i64(i, &init) < 0 || (!IS_NULL(args[1]) && arg_to_int(args[1], &flags) < 0))
        return VAL_NULL;
    if (init < 0 || init > UINT32_MAX)
        return err_format(&exc_OverflowError, "Python int too large to convert to C unsigned int");
    int fd;
    FDLIMIT_RETRY(fd, OS_RETRY(fd, eventfd((unsigned)init, flags)));
    return fd < 0 ? os_fail(VAL_NULL) : MK_SMALLINT(fd);
}

static Value pfd_eventfd_read(Value *args, int nargs, Value kwnames) {
    int fd, r;
    eventfd_t v;
    if (os_fd_arg(args[0], &fd) < 0) return VAL_NULL;
    OS_RETRY(r, eventfd_read(fd, &v));
    return r < 0 ? os_fail(VAL_NULL) : int_from_u64(v);
}

static Value pfd_eventfd_write(Value *args, int nargs, Value kwnames) {
    int fd, r;
    if (os_fd_arg(args[0], &fd) < 0) return VAL_NULL;
    Value i = obj_index(args[1]);
    if (IS_NULL(i)) return VAL_NULL;
    mpz_t z;
    mpz_init(z);
    int_to_mpz(i, z);
    int neg = mpz_sgn(z) < 0, ok = !neg && mpz_sizeinbase(z, 2) <= 64;
    eventfd_t v = ok ? (eventfd_t)mpz_get_ui(z) : 0;
    mpz_clear(z);
    if (!ok)
        return err_format(&exc_OverflowError, neg ? "can't convert negative int to unsigned" : "int too big to convert");
    OS_RETRY(r, eventfd_write(fd, v));
    return r < 0 ? os_fail(VAL_NULL) : VAL_NONE;
}

/* memfd_create(name, flags=MFD_CLOEXEC) */
static Value pfd_memfd_create(Value *args, int nargs, Value kwnames) {
    OsPath p;
    unsigned flags = MFD_CLOEXEC;
    int64_t f;
    Value name = arg_to_path(args[0]);
    if (IS_NULL(name) || os_path_arg(name, &p, "memfd_create", "name") < 0) return VAL_NULL;
    if (!IS_NULL(args[1])) {
        if (arg_to_ssize(args[1], &f) < 0) return VAL_NULL;
        flags = (unsigned)f;
    }
    int fd;
    FDLIMIT_RETRY(fd, fd = memfd_create(p.s, flags));
    return fd < 0 ? os_error(VAL_NULL) : MK_SMALLINT(fd);
}

/* pidfd_open(pid, flags=0) */
static Value pfd_pidfd_open(Value *args, int nargs, Value kwnames) {
    int pid, flags = 0;
    if (arg_to_cint(args[0], &pid) < 0 || (!IS_NULL(args[1]) && arg_to_int(args[1], &flags) < 0)) return VAL_NULL;
    long fd;
    FDLIMIT_RETRY(fd, fd = syscall(SYS_pidfd_open, pid, flags));
    return fd < 0 ? os_error(VAL_NULL) : MK_SMALLINT(fd);
}

/* lockf(fd, command, length) */
static Value pfd_lockf(Value *args, int nargs, Value kwnames) {
    int fd, cmd, r;
    off_t len;
    if (arg_to_int(args[0], &fd) < 0 || arg_to_int(args[1], &cmd) < 0 || pfd_offset(args[2], &len) < 0)
        return VAL_NULL;
    if (OS_AUDIT_REFUSED("os.lockf", "iiL", fd, cmd, (long long)len)) return VAL_NULL;
    OS_RETRY(r, lockf(fd, cmd, len));
    return r < 0 ? os_fail(VAL_NULL) : VAL_NONE;
}

/* ---------------------------------------------------------------- terminals */

/* device_encoding(fd): the locale's encoding for a terminal, else None. */
static Value pfd_device_encoding(Value *args, int nargs, Value kwnames) {
    int fd;
    if (arg_to_int(args[0], &fd) < 0) return VAL_NULL;
    if (!isatty(fd)) return VAL_NONE;
    const char *cs = nl_langinfo(CODESET);
    if (!cs || !*cs || strcmp(cs, "ANSI_X3.4-1968") == 0) cs = "UTF-8";   /* the C locale: UTF-8 mode */
    return str_from_c(cs);
}

static Value pfd_ttyname(Value *args, int nargs, Value kwnames) {
    int fd;
    char buf[256];
    if (arg_to_int(args[0], &fd) < 0) return VAL_NULL;
    int r = ttyname_r(fd, buf, sizeof buf);
    if (r) { errno = r; return os_error(VAL_NULL); }
    return str_fsdecode(buf, strlen(buf));
}

static Value pfd_login_tty(Value *args, int nargs, Value kwnames) {
    int fd;
    if (arg_to_fd(args[0], &fd) < 0) return VAL_NULL;       /* PyObject_AsFileDescriptor, as CPython */
    return login_tty(fd) < 0 ? os_error(VAL_NULL) : VAL_NONE;
}

/* forkpty(): (pid, master_fd), through the fork protocol and its callbacks. */
static Value pfd_forkpty(Value *args, int nargs, Value kwnames) {
    int m, s, r;
    if (OS_AUDIT_REFUSED("os.forkpty", "")) return VAL_NULL;
    FDLIMIT_RETRY(r, r = openpty(&m, &s, NULL, NULL, NULL));
    if (r < 0) return os_error(VAL_NULL);
    os_before_fork();
    pid_t pid = fork_process();
    int err = errno;
    if (pid == 0) {
        close(m);
        if (login_tty(s) < 0) _exit(1);
    } else {
        close(s);
    }
    os_after_fork(pid < 0 ? 1 : pid);
    if (pid < 0) { close(m); errno = err; return os_error(VAL_NULL); }
    if (pid > 0 && fcntl(m, F_SETFD, FD_CLOEXEC) < 0) return os_error(VAL_NULL);
    return tuple_pack(2, MK_SMALLINT(pid), MK_SMALLINT(pid == 0 ? -1 : m));
}

static Value pfd_tcgetpgrp(Value *args, int nargs, Value kwnames) {
    int fd;
    if (arg_to_int(args[0], &fd) < 0) return VAL_NULL;
    pid_t r = tcgetpgrp(fd);
    return r < 0 ? os_error(VAL_NULL) : MK_SMALLINT(r);
}

static Value pfd_tcsetpgrp(Value *args, int nargs, Value kwnames) {
    int fd, pg;
    if (arg_to_int(args[0], &fd) < 0 || arg_to_cint(args[1], &pg) < 0) return VAL_NULL;
    return tcsetpgrp(fd, pg) < 0 ? os_error(VAL_NULL) : VAL_NONE;
}

const MethodDef pfd_methods[] = {
    {"fsync", pfd_fsync, ARGS_KW, "Force write of fd to disk.", "($module, /, fd)"},
    {"fdatasync", pfd_fdatasync, ARGS_KW, "Force write of fd to disk without forcing update of metadata.", "($module, /, fd)"},
    {"sync", pfd_sync, ARGS_NONE, "Force write of everything to disk."},
    {"closerange", pfd_closerange, ARGS_POS(2, 2), "Closes all file descriptors in [fd_low, fd_high), ignoring errors."},
    {"pread", pfd_pread, ARGS_POS(3, 3), "Read a number of bytes from a file descriptor starting at a particular offset."},
    {"pwrite", pfd_pwrite, ARGS_POS(3, 3), "Write bytes to a file descriptor starting at a particular offset."},
    {"readv", pfd_readv, ARGS_POS(2, 2), "Read from a file descriptor fd into an iterable of buffers."},
    {"writev", pfd_writev, ARGS_POS(2, 2), "Iterate over buffers, and write the contents of each to a file descriptor."},
    {"preadv", pfd_preadv, ARGS_POS(3, 4), "Reads from a file descriptor into a number of mutable bytes-like objects."},
    {"pwritev", pfd_pwritev, ARGS_POS(3, 4), "Writes the contents of bytes-like objects to a file descriptor at a given offset."},
    {"posix_fallocate", pfd_posix_fallocate, ARGS_POS(3, 3), "Ensure a file has allocated at least a particular number of bytes on disk."},
    {"posix_fadvise", pfd_posix_fadvise, ARGS_POS(4, 4), "Announce an intention to access data in a specific pattern."},
    {"copy_file_range", pfd_copy_file_range, ARGS_KW, "Copy count bytes from one file descriptor to another.",
     "($module, /, src, dst, count, offset_src=None, offset_dst=None)"},
    {"splice", pfd_splice, ARGS_KW, "Transfer count bytes from one pipe to a descriptor or vice versa.",
     "($module, /, src, dst, count, offset_src=None, offset_dst=None, flags=0)"},
    {"eventfd", pfd_eventfd, ARGS_KW, "Creates and returns an event notification file descriptor.",
     "($module, /, initval, flags=524288)"},
    {"eventfd_read", pfd_eventfd_read, ARGS_KW, "Read eventfd value", "($module, /, fd)"},
    {"eventfd_write", pfd_eventfd_write, ARGS_KW, "Write eventfd value.", "($module, /, fd, value)"},
    {"memfd_create", pfd_memfd_create, ARGS_KW, NULL, "($module, /, name, flags=MFD_CLOEXEC)"},
    {"pidfd_open", pfd_pidfd_open, ARGS_KW, "Return a file descriptor referring to the process *pid*.",
     "($module, /, pid, flags=0)"},
    {"lockf", pfd_lockf, ARGS_POS(3, 3), "Apply, test or remove a POSIX lock on an open file descriptor."},
    {"device_encoding", pfd_device_encoding, ARGS_KW, "Return a string describing the encoding of a terminal's file descriptor.",
     "($module, /, fd)"},
    {"ttyname", pfd_ttyname, ARGS_ONE, "Return the name of the terminal device connected to 'fd'."},
    {"login_tty", pfd_login_tty, ARGS_ONE, "Prepare the tty of which fd is a file descriptor for a new login session."},
    {"forkpty", pfd_forkpty, ARGS_NONE, "Fork a new process with a new pseudo-terminal as controlling tty."},
    {"tcgetpgrp", pfd_tcgetpgrp, ARGS_ONE, "Return the process group associated with the terminal specified by fd."},
    {"tcsetpgrp", pfd_tcsetpgrp, ARGS_POS(2, 2), "Set the process group associated with the terminal specified by fd."},
    {NULL, NULL, 0, NULL},
};
