/* mod_os.c - the posix module: the C half of `os`.
 *
 * Design: as in CPython, `os` is a Python module (stdlib/lib/os.py) that
 * re-exports this module's functions and adds what is easier in Python:
 * os.path (stdlib/lib/posixpath.py), environ as a mapping that calls
 * putenv/unsetenv, stat_result, makedirs, walk, fspath...  Everything here
 * is a thin wrapper over one system call.
 *
 * Paths: every path argument is a str, bytes or os.PathLike (__fspath__);
 * functions returning names (listdir, getcwd) return bytes when given bytes.
 * str names cross the boundary in the file system encoding, UTF-8 with
 * surrogateescape (str_fsdecode/str_fsencode), as CPython's: a name that is
 * not valid UTF-8 comes back as lone surrogates and opens the same file.
 * Errors: err_from_errno(&exc_OSError, filename) picks the errno subclass
 * (FileNotFoundError...) and formats "[Errno 2] No such file or directory:
 * 'x'" as CPython does.
 * Blocking calls (read, write, waitpid) release the GIL between
 * GIL_BLOCKING_BEGIN and GIL_BLOCKING_END and touch no object in between.
 */
#define _GNU_SOURCE 1   /* pipe2 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
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
#include "stdlib/os_tty.h"
#ifndef OS_GIL_REASON
#define OS_GIL_REASON GIL_REASON_IO
#endif

extern char **environ;

GILPY_MODULE("posix", mod_os_init);

/* ---------------------------------------------------------------- helpers */

/* A path argument: its bytes (NUL-terminated) and whether it was bytes. */
/* Raise audit event `ev` (runtime/audit.h); true when a hook refused it.  A
 * dir_fd goes to the hooks as CPython gives it: -1 for the default. */
#define OS_AUDIT_REFUSED(...) (audit_active() && audit(__VA_ARGS__) < 0)
#define OS_AUDIT_FD(fd) ((fd) == AT_FDCWD ? -1 : (fd))

typedef struct OsPath {
    const char *s;
    Value obj;          /* the str/bytes given (named in errors) */
    Value enc;          /* what holds s: obj, or a str's file system encoding */
    int is_bytes;
} OsPath;

static int os_path_arg(Value v, OsPath *p, const char *fname, const char *argname) {
    if (!IS_STR(v) && !IS_BYTES(v) && !IS_NONE(v)) {
        Value fs = type_lookup_c(val_type(v), "__fspath__");
        if (!IS_NULL(fs)) {
            Value r = obj_call_method(v, "__fspath__", NULL, 0);
            if (IS_NULL(r)) return -1;
            v = r;
        }
    }
    if (IS_STR(v)) {
        p->s = str_fsencode(v, &p->enc), p->is_bytes = 0;   /* surrogateescape'd bytes back */
        if (!p->s) return -1;
    } else if (IS_BYTES(v)) {
        p->s = (const char *)AS_BYTES(v)->data, p->is_bytes = 1, p->enc = v;
    } else {
        err_format(&exc_TypeError,
                   "%s: %s should be string, bytes or os.PathLike, not %T", fname, argname, v);
        return -1;
    }
    p->obj = v;
    int64_t n = IS_BYTES(p->enc) ? AS_BYTES(p->enc)->len : STR_LEN(p->enc);
    if ((int64_t)strlen(p->s) != n) {
        err_format(&exc_ValueError, "%s: embedded null character in %s", fname, argname);
        return -1;
    }
    return 0;
}

static Value os_error(Value filename) { return err_from_errno(&exc_OSError, filename); }

/* A path that may also be an open descriptor (stat, chdir, chmod): 1 with *fd
 * set for an int, 0 with p filled for a path, -1 on error. */
static int os_path_or_fd(Value v, OsPath *p, int *fd, const char *fname) {
    if (IS_INT(v)) return arg_to_int(v, fd) < 0 ? -1 : 1;
    if (!IS_STR(v) && !IS_BYTES(v) && IS_NULL(type_lookup_c(val_type(v), "__fspath__"))) {
        err_format(&exc_TypeError, "%s: path should be string, bytes, os.PathLike or integer, not %T",
                   fname, v);
        return -1;
    }
    return os_path_arg(v, p, fname, "path");
}

/* dir_fd=None: AT_FDCWD, else a descriptor (CPython's dir_fd_converter). */
static int os_dir_fd(Value v, int *out) {
    if (IS_NULL(v) || IS_NONE(v)) { *out = AT_FDCWD; return 0; }
    if (!IS_INT(v) && IS_NULL(val_type(v)->slots[SM_INDEX])) {
        err_format(&exc_TypeError, "argument should be integer or None, not %T", v);
        return -1;
    }
    return arg_to_int(v, out);
}

/* A keyword-only flag (follow_symlinks=True, effective_ids=False): dflt when absent. */
static int os_flag(Value v, int dflt) { return IS_NULL(v) ? dflt : obj_truthy(v); }

static Value os_name_value(const char *s, size_t n, int as_bytes) {
    return as_bytes ? bytes_new(s, n) : str_fsdecode(s, n);     /* names round-trip */
}

/* ---------------------------------------------------------------- process */

static Value os_getpid(Value *args, int nargs, Value kwnames) { return MK_SMALLINT(getpid()); }
static Value os_getppid(Value *args, int nargs, Value kwnames) { return MK_SMALLINT(getppid()); }
static Value os_getuid(Value *args, int nargs, Value kwnames) { return MK_SMALLINT(getuid()); }
static Value os_getgid(Value *args, int nargs, Value kwnames) { return MK_SMALLINT(getgid()); }
static Value os_geteuid(Value *args, int nargs, Value kwnames) { return MK_SMALLINT(geteuid()); }

static Value os_getpgid(Value *args, int nargs, Value kwnames) {
    int pid;                        /* pid_t: PyArg_Parse's "i" */
    if (arg_to_cint(args[0], &pid) < 0) return VAL_NULL;
    pid_t r = getpgid(pid);
    return r < 0 ? os_error(VAL_NULL) : MK_SMALLINT(r);
}

static Value os_getpgrp(Value *args, int nargs, Value kwnames) { return MK_SMALLINT(getpgrp()); }

static Value os_setpgid(Value *args, int nargs, Value kwnames) {
    int pid, pgrp;
    if (arg_to_cint(args[0], &pid) < 0 || arg_to_cint(args[1], &pgrp) < 0) return VAL_NULL;
    return setpgid(pid, pgrp) < 0 ? os_error(VAL_NULL) : VAL_NONE;
}

static Value os_kill(Value *args, int nargs, Value kwnames) {
    int pid;
    int64_t sig;                    /* CPython takes a Py_ssize_t and passes it as an int */
    if (arg_to_cint(args[0], &pid) < 0 || arg_to_ssize(args[1], &sig) < 0) return VAL_NULL;
    if (OS_AUDIT_REFUSED("os.kill", "ii", pid, (int)sig)) return VAL_NULL;
    return kill(pid, (int)sig) < 0 ? os_error(VAL_NULL) : VAL_NONE;
}

static Value os__exit(Value *args, int nargs, Value kwnames) {
    int code;
    if (arg_to_int(args[0], &code) < 0) return VAL_NULL;
    _exit(code);
}

/* fork() through the runtime's protocol (runtime/fork.c); in the child,
 * threading gets to forget the threads that did not survive, as CPython's
 * registered at-fork hook does. */
static Value os_fork(Value *args, int nargs, Value kwnames) {
    if (OS_AUDIT_REFUSED("os.fork", "")) return VAL_NULL;
    pid_t pid = fork_process();
    if (pid < 0) return os_error(VAL_NULL);
    if (pid == 0) {
        Value threading = dict_get_c(interp.modules, "threading");
        if (!IS_NULL(threading) && obj_hasattr(threading, str_intern_c("_after_fork")) == 1 &&
            IS_NULL(obj_call_method(threading, "_after_fork", NULL, 0))) {
            Value e = err_fetch();
            exc_print(e);
        }
    }
    return MK_SMALLINT(pid);
}

static Value os_waitpid(Value *args, int nargs, Value kwnames) {
    int pid, options, status = 0;
    if (arg_to_cint(args[0], &pid) < 0 || arg_to_cint(args[1], &options) < 0) return VAL_NULL;
    pid_t r;
    int err = 0;
    GIL_BLOCKING_BEGIN(OS_GIL_REASON);
    do {
        r = waitpid(pid, &status, options);
    } while (r < 0 && errno == EINTR);
    err = errno;
    GIL_BLOCKING_END();
    if (r < 0) { errno = err; return os_error(VAL_NULL); }
    return tuple_pack(2, MK_SMALLINT(r), MK_SMALLINT(status));
}

/* The W* macros of a wait status: args = [status]. */
static Value os_wait_macro(Value *args, int which) {
    int st;
    if (arg_to_int(args[0], &st) < 0) return VAL_NULL;
    switch (which) {
    case 0: return MK_BOOL(WIFEXITED(st));
    case 1: return MK_SMALLINT(WEXITSTATUS(st));
    case 2: return MK_BOOL(WIFSIGNALED(st));
    case 3: return MK_SMALLINT(WTERMSIG(st));
    case 4: return MK_BOOL(WIFSTOPPED(st));
    case 5: return MK_SMALLINT(WSTOPSIG(st));
    default:
        if (WIFEXITED(st)) return MK_SMALLINT(WEXITSTATUS(st));
        if (WIFSIGNALED(st)) return MK_SMALLINT(-WTERMSIG(st));
        return err_format(&exc_ValueError, "invalid wait status: %d", st);
    }
}
static Value os_WIFEXITED(Value *a, int n, Value k) { return os_wait_macro(a, 0); }
static Value os_WEXITSTATUS(Value *a, int n, Value k) { return os_wait_macro(a, 1); }
static Value os_WIFSIGNALED(Value *a, int n, Value k) { return os_wait_macro(a, 2); }
static Value os_WTERMSIG(Value *a, int n, Value k) { return os_wait_macro(a, 3); }
static Value os_WIFSTOPPED(Value *a, int n, Value k) { return os_wait_macro(a, 4); }
static Value os_WSTOPSIG(Value *a, int n, Value k) { return os_wait_macro(a, 5); }
static Value os_waitstatus_to_exitcode(Value *a, int n, Value k) { return os_wait_macro(a, 6); }

static Value os_system(Value *args, int nargs, Value kwnames) {
    OsPath p;
    Value command = arg_to_path(args[0]);
    if (IS_NULL(command) || os_path_arg(command, &p, "system", "command") < 0) return VAL_NULL;
    if (OS_AUDIT_REFUSED("os.system", "y", p.s)) return VAL_NULL;
    int r;
    GIL_BLOCKING_BEGIN(OS_GIL_REASON);
    r = system(p.s);
    GIL_BLOCKING_END();
    return MK_SMALLINT(r);
}

/* ---------------------------------------------------------------- file descriptors */

static Value os_read(Value *args, int nargs, Value kwnames) {
    int fd;
    int64_t n;
    if (arg_to_int(args[0], &fd) < 0 || arg_to_ssize(args[1], &n) < 0) return VAL_NULL;
    if (n < 0) { errno = EINVAL; return os_error(VAL_NULL); }
    char *buf = gc_malloc((size_t)n + 1);
    if (!buf) return VAL_NULL;
    ssize_t got;
    int err;
    GIL_BLOCKING_BEGIN(OS_GIL_REASON);
    do {
        got = read(fd, buf, (size_t)n);
    } while (got < 0 && errno == EINTR);
    err = errno;
    GIL_BLOCKING_END();
    Value r = got < 0 ? (errno = err, os_error(VAL_NULL)) : bytes_new(buf, (size_t)got);
    gc_free(buf, (size_t)n + 1);
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
    int r;
    GIL_BLOCKING_BEGIN(OS_GIL_REASON);
    r = ftruncate(fd, (off_t)len);
    GIL_BLOCKING_END();
    return r < 0 ? os_error(VAL_NULL) : VAL_NONE;
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
    int err;
    GIL_BLOCKING_BEGIN(OS_GIL_REASON);
    do {
        put = write(fd, copy, (size_t)len);
    } while (put < 0 && errno == EINTR);
    err = errno;
    GIL_BLOCKING_END();
    gc_free(copy, (size_t)len + 1);
    if (put < 0) { errno = err; return os_error(VAL_NULL); }
    return int_from_i64(put);
}

static Value os_close(Value *args, int nargs, Value kwnames) {
    int fd;
    if (arg_to_int(args[0], &fd) < 0) return VAL_NULL;
    return close(fd) < 0 ? os_error(VAL_NULL) : VAL_NONE;
}

static Value os_pipe(Value *args, int nargs, Value kwnames) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0) return os_error(VAL_NULL);
    return tuple_pack(2, MK_SMALLINT(fds[0]), MK_SMALLINT(fds[1]));
}

static Value os_dup(Value *args, int nargs, Value kwnames) {
    int fd;
    if (arg_to_int(args[0], &fd) < 0) return VAL_NULL;
    int r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
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
    int flags, fds[2];
    if (arg_to_int(args[0], &flags) < 0) return VAL_NULL;
    if (pipe2(fds, flags) < 0) return os_error(VAL_NULL);
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
    int fd = openat(dir_fd, p.s, flags | O_CLOEXEC, mode);
    return fd < 0 ? os_error(p.obj) : MK_SMALLINT(fd);
}

static Value os_isatty(Value *args, int nargs, Value kwnames) {
    int fd;
    if (arg_to_int(args[0], &fd) < 0) return VAL_NULL;
    return MK_BOOL(isatty(fd));
}

static Value os_get_terminal_size(Value *args, int nargs, Value kwnames) {
    int fd = 1;
    if (!IS_NULL(args[0]) && arg_to_int(args[0], &fd) < 0) return VAL_NULL;
    struct winsize w;
    if (ioctl(fd, TIOCGWINSZ, &w) < 0) return os_error(VAL_NULL);
    return tuple_pack(2, MK_SMALLINT(w.ws_col), MK_SMALLINT(w.ws_row));
}

/* ---------------------------------------------------------------- filesystem */

static Value os_getcwd_common(int as_bytes) {
    char buf[PATH_MAX + 1];
    if (!getcwd(buf, sizeof buf)) return os_error(VAL_NULL);
    return os_name_value(buf, strlen(buf), as_bytes);
}
static Value os_getcwd(Value *args, int nargs, Value kwnames) { return os_getcwd_common(0); }

/* fspath(path): str or bytes as is, else what __fspath__ returns. */
static Value os_fspath(Value *args, int nargs, Value kwnames) { return arg_to_path(args[0]); }
static Value os_getcwdb(Value *args, int nargs, Value kwnames) { return os_getcwd_common(1); }

static Value os_chdir(Value *args, int nargs, Value kwnames) {
    OsPath p;
    int fd, r = os_path_or_fd(args[0], &p, &fd, "chdir");
    if (r < 0 || OS_AUDIT_REFUSED("os.chdir", "O", args[0])) return VAL_NULL;
    if (r) return fchdir(fd) < 0 ? os_error(VAL_NULL) : VAL_NONE;
    return chdir(p.s) < 0 ? os_error(p.obj) : VAL_NONE;
}

/* remove, unlink and rmdir: (path, *, dir_fd=None) */
static Value os_unlink_common(Value *args, const char *name, int flags) {
    OsPath p;
    int dir_fd;
    if (os_path_arg(args[0], &p, name, "path") < 0 || os_dir_fd(args[1], &dir_fd) < 0) return VAL_NULL;
    if (OS_AUDIT_REFUSED(flags ? "os.rmdir" : "os.remove", "Oi", args[0], OS_AUDIT_FD(dir_fd))) return VAL_NULL;
    return unlinkat(dir_fd, p.s, flags) < 0 ? os_error(p.obj) : VAL_NONE;
}
static Value os_remove(Value *a, int n, Value k) { return os_unlink_common(a, "remove", 0); }
static Value os_unlink(Value *a, int n, Value k) { return os_unlink_common(a, "unlink", 0); }
static Value os_rmdir(Value *a, int n, Value k) { return os_unlink_common(a, "rmdir", AT_REMOVEDIR); }

/* mkdir(path, mode=0o777, *, dir_fd=None) */
static Value os_mkdir(Value *args, int nargs, Value kwnames) {
    OsPath p;
    int mode = 0777, dir_fd;
    if (os_path_arg(args[0], &p, "mkdir", "path") < 0 ||
        (!IS_NULL(args[1]) && arg_to_int(args[1], &mode) < 0) || os_dir_fd(args[2], &dir_fd) < 0)
        return VAL_NULL;
    if (OS_AUDIT_REFUSED("os.mkdir", "Oii", args[0], mode, OS_AUDIT_FD(dir_fd))) return VAL_NULL;
    return mkdirat(dir_fd, p.s, (mode_t)mode) < 0 ? os_error(p.obj) : VAL_NONE;
}

/* chmod(path, mode, *, dir_fd=None, follow_symlinks=True) */
static Value os_chmod(Value *args, int nargs, Value kwnames) {
    OsPath p;
    int mode, dir_fd, follow, fd, isfd = os_path_or_fd(args[0], &p, &fd, "chmod");
    if (isfd < 0 || arg_to_int(args[1], &mode) < 0 || os_dir_fd(args[2], &dir_fd) < 0 ||
        (follow = os_flag(args[3], 1)) < 0)
        return VAL_NULL;
    if (OS_AUDIT_REFUSED("os.chmod", "Oii", args[0], mode, OS_AUDIT_FD(dir_fd))) return VAL_NULL;
    if (isfd) return fchmod(fd, (mode_t)mode) < 0 ? os_error(VAL_NULL) : VAL_NONE;
    int flags = follow ? 0 : AT_SYMLINK_NOFOLLOW;
    return fchmodat(dir_fd, p.s, (mode_t)mode, flags) < 0 ? os_error(p.obj) : VAL_NONE;
}

/* rename and replace: (src, dst, *, src_dir_fd=None, dst_dir_fd=None) */
static Value os_rename_common(Value *args, const char *name) {
    OsPath s, d;
    int sfd, dfd;
    if (os_path_arg(args[0], &s, name, "src") < 0 || os_path_arg(args[1], &d, name, "dst") < 0 ||
        os_dir_fd(args[2], &sfd) < 0 || os_dir_fd(args[3], &dfd) < 0)
        return VAL_NULL;
    if (OS_AUDIT_REFUSED("os.rename", "OOii", args[0], args[1], OS_AUDIT_FD(sfd), OS_AUDIT_FD(dfd)))
        return VAL_NULL;
    if (renameat(sfd, s.s, dfd, d.s) < 0) return os_error(s.obj);   /* CPython adds " -> 'dst'" */
    return VAL_NONE;
}
static Value os_rename(Value *a, int n, Value k) { return os_rename_common(a, "rename"); }
static Value os_replace(Value *a, int n, Value k) { return os_rename_common(a, "replace"); }

/* listdir(path=None) */
static Value os_listdir(Value *args, int nargs, Value kwnames) {
    OsPath p = {".", VAL_NONE, 0};
    if (!IS_NULL(args[0]) && !IS_NONE(args[0]) && os_path_arg(args[0], &p, "listdir", "path") < 0)
        return VAL_NULL;
    if (OS_AUDIT_REFUSED("os.listdir", "O", IS_NULL(args[0]) ? VAL_NONE : args[0])) return VAL_NULL;
    DIR *dir = opendir(p.s);
    if (!dir) return os_error(IS_NONE(p.obj) ? str_from_c(".") : p.obj);
    Value list = list_new(0);
    struct dirent *ent;
    while (!IS_NULL(list)) {
        errno = 0;
        ent = readdir(dir);
        if (!ent) {
            if (errno) list = os_error(p.obj);
            break;
        }
        const char *nm = ent->d_name;
        if (nm[0] == '.' && (nm[1] == 0 || (nm[1] == '.' && nm[2] == 0))) continue;
        Value v = os_name_value(nm, strlen(nm), p.is_bytes);
        if (IS_NULL(v) || list_append(list, v) < 0) list = VAL_NULL;
    }
    closedir(dir);
    return list;
}

/* readlink(path, *, dir_fd=None) */
static Value os_readlink(Value *args, int nargs, Value kwnames) {
    OsPath p;
    int dir_fd;
    if (os_path_arg(args[0], &p, "readlink", "path") < 0 || os_dir_fd(args[1], &dir_fd) < 0)
        return VAL_NULL;
    char buf[PATH_MAX + 1];
    ssize_t n = readlinkat(dir_fd, p.s, buf, PATH_MAX);
    if (n < 0) return os_error(p.obj);
    return os_name_value(buf, (size_t)n, p.is_bytes);
}

/* symlink(src, dst, target_is_directory=False, *, dir_fd=None): the flag only
 * matters on Windows. */
static Value os_symlink(Value *args, int nargs, Value kwnames) {
    OsPath s, d;
    int dir_fd;
    if (os_path_arg(args[0], &s, "symlink", "src") < 0 ||
        os_path_arg(args[1], &d, "symlink", "dst") < 0 || os_dir_fd(args[3], &dir_fd) < 0)
        return VAL_NULL;
    if (OS_AUDIT_REFUSED("os.symlink", "OOi", args[0], args[1], OS_AUDIT_FD(dir_fd))) return VAL_NULL;
    return symlinkat(s.s, dir_fd, d.s) < 0 ? os_error(s.obj) : VAL_NONE;
}

/* access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True) */
static Value os_access(Value *args, int nargs, Value kwnames) {
    OsPath p;
    int mode, dir_fd, eff, follow;
    if (os_path_arg(args[0], &p, "access", "path") < 0 || arg_to_int(args[1], &mode) < 0 ||
        os_dir_fd(args[2], &dir_fd) < 0 || (eff = os_flag(args[3], 0)) < 0 ||
        (follow = os_flag(args[4], 1)) < 0)
        return VAL_NULL;
    int flags = (eff ? AT_EACCESS : 0) | (follow ? 0 : AT_SYMLINK_NOFOLLOW);
    return MK_BOOL(faccessat(dir_fd, p.s, mode, flags) == 0);
}

/* os.stat_result: ten sequence items (the last three the integer times, unnamed),
 * then the float and nanosecond times and the rest, by name only. */
static const char *const os_stat_fields[] = {
    "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", NULL, NULL, NULL,
    "st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns",
    "st_blksize", "st_blocks", "st_rdev",
};
static StructSeqDesc os_stat_desc = {"os.stat_result", os_stat_fields, 10, 19};

static Value os_stat_tuple(const struct stat *st) {
    Value r = structseq_new(&os_stat_desc);
    if (IS_NULL(r)) return VAL_NULL;
    Value *v = STRUCTSEQ_ITEMS(r);
    const struct timespec *ts[3] = {&st->st_atim, &st->st_mtim, &st->st_ctim};
    v[0] = MK_SMALLINT(st->st_mode);
    v[1] = int_from_u64((uint64_t)st->st_ino);
    v[2] = int_from_u64((uint64_t)st->st_dev);
    v[3] = int_from_u64((uint64_t)st->st_nlink);
    v[4] = MK_SMALLINT(st->st_uid);
    v[5] = MK_SMALLINT(st->st_gid);
    v[6] = int_from_i64(st->st_size);
    for (int i = 0; i < 3; i++) {
        v[7 + i] = int_from_i64(ts[i]->tv_sec);
        v[10 + i] = MK_FLOAT((double)ts[i]->tv_sec + (double)ts[i]->tv_nsec * 1e-9);
        v[13 + i] = int_from_i64((int64_t)ts[i]->tv_sec * 1000000000 + ts[i]->tv_nsec);
    }
    v[16] = int_from_i64(st->st_blksize);
    v[17] = int_from_i64(st->st_blocks);
    v[18] = int_from_u64((uint64_t)st->st_rdev);
    for (int i = 0; i < 19; i++)
        if (IS_NULL(v[i])) return VAL_NULL;
    return r;
}

/* stat(path, *, dir_fd=None, follow_symlinks=True); path may be a descriptor. */
static Value os_stat(Value *args, int nargs, Value kwnames) {
    OsPath p;
    int dir_fd, follow, fd, isfd = os_path_or_fd(args[0], &p, &fd, "stat");
    if (isfd < 0 || os_dir_fd(args[1], &dir_fd) < 0 || (follow = os_flag(args[2], 1)) < 0)
        return VAL_NULL;
    struct stat st;
    if (isfd) {
        if (fstat(fd, &st) < 0) return os_error(VAL_NULL);
        return os_stat_tuple(&st);
    }
    if (fstatat(dir_fd, p.s, &st, follow ? 0 : AT_SYMLINK_NOFOLLOW) < 0) return os_error(p.obj);
    return os_stat_tuple(&st);
}

/* lstat(path, *, dir_fd=None) */
static Value os_lstat(Value *args, int nargs, Value kwnames) {
    OsPath p;
    int dir_fd;
    if (os_path_arg(args[0], &p, "lstat", "path") < 0 || os_dir_fd(args[1], &dir_fd) < 0)
        return VAL_NULL;
    struct stat st;
    if (fstatat(dir_fd, p.s, &st, AT_SYMLINK_NOFOLLOW) < 0) return os_error(p.obj);
    return os_stat_tuple(&st);
}

static Value os_fstat(Value *args, int nargs, Value kwnames) {
    int fd;
    struct stat st;
    if (arg_to_int(args[0], &fd) < 0) return VAL_NULL;
    if (fstat(fd, &st) < 0) return os_error(VAL_NULL);
    return os_stat_tuple(&st);
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

/* A dict of the process environment at start-up (str -> str). */
static Value os_environ_dict(void) {
    Value d = dict_new();
    if (IS_NULL(d)) return VAL_NULL;
    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq) continue;
        Value k = str_fsdecode(*e, (size_t)(eq - *e));
        Value v = str_fsdecode(eq + 1, strlen(eq + 1));
        if (IS_NULL(k) || IS_NULL(v)) return VAL_NULL;
        if (IS_NULL(dict_get(d, k)) && dict_set(d, k, v) < 0) return VAL_NULL;
    }
    return d;
}

/* ---------------------------------------------------------------- misc */

static Value os_cpu_count(Value *args, int nargs, Value kwnames) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? VAL_NONE : MK_SMALLINT(n);
}

static Value os_strerror(Value *args, int nargs, Value kwnames) {
    int code;
    if (arg_to_int(args[0], &code) < 0) return VAL_NULL;
    const char *s = strerror(code);
    return str_decode_utf8_lossy(s, strlen(s));
}

static Value os_urandom(Value *args, int nargs, Value kwnames) {
    int64_t n;
    if (arg_to_ssize(args[0], &n) < 0) return VAL_NULL;
    if (n < 0) return err_format(&exc_ValueError, "negative argument not allowed");
    Bytes *b = bytes_alloc((size_t)n);
    if (!b) return VAL_NULL;
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return os_error(VAL_NULL);
    int64_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, b->data + got, (size_t)(n - got));
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) { close(fd); return os_error(VAL_NULL); }
        got += r;
    }
    close(fd);
    return MK_OBJ(b);
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
    {"getpid", os_getpid, ARGS_NONE, "Return the current process id."},
    {"getppid", os_getppid, ARGS_NONE, "Return the parent's process id."},
    {"getuid", os_getuid, ARGS_NONE, NULL}, {"getgid", os_getgid, ARGS_NONE, NULL},
    {"geteuid", os_geteuid, ARGS_NONE, NULL},
    {"getpgid", os_getpgid, ARGS_KW, NULL, "($module, /, pid)"},
    {"getpgrp", os_getpgrp, ARGS_NONE, NULL},
    {"setpgid", os_setpgid, ARGS_TUPLE(2, 2), NULL},
    {"kill", os_kill, ARGS_TUPLE(2, 2), "Kill a process with a signal."},
    {"_exit", os__exit, ARGS_KW,
     "Exit to the system with specified status, without normal exit processing.",
     "($module, /, status)"},
    {"fork", os_fork, ARGS_NONE, "Fork a child process."},
    {"waitpid", os_waitpid, ARGS_TUPLE(2, 2), "Wait for completion of a given child process."},
    {"WIFEXITED", os_WIFEXITED, ARGS_KW, NULL, "($module, /, status)"},
    {"WEXITSTATUS", os_WEXITSTATUS, ARGS_KW, NULL, "($module, /, status)"},
    {"WIFSIGNALED", os_WIFSIGNALED, ARGS_KW, NULL, "($module, /, status)"},
    {"WTERMSIG", os_WTERMSIG, ARGS_KW, NULL, "($module, /, status)"},
    {"WIFSTOPPED", os_WIFSTOPPED, ARGS_KW, NULL, "($module, /, status)"},
    {"WSTOPSIG", os_WSTOPSIG, ARGS_KW, NULL, "($module, /, status)"},
    {"waitstatus_to_exitcode", os_waitstatus_to_exitcode, ARGS_KW, NULL, "($module, /, status)"},
    {"system", os_system, ARGS_KW, "Execute the command in a subshell.", "($module, /, command)"},
    {"read", os_read, ARGS_POS(2, 2), "Read from a file descriptor."},
    {"lseek", os_lseek, ARGS_POS(3, 3), "Set the position of a file descriptor.  Return the new position."},
    {"ftruncate", os_ftruncate, ARGS_POS(2, 2), "Truncate a file, specified by file descriptor, to a specific length."},
    {"write", os_write, ARGS_POS(2, 2), "Write a bytes object to a file descriptor."},
    {"close", os_close, ARGS_KW, "Close a file descriptor.", "($module, /, fd)"},
    {"pipe", os_pipe, ARGS_NONE, "Create a pipe."},
    {"dup", os_dup, ARGS_ONE, NULL},
    {"sendfile", os_sendfile, ARGS_KW, "Copy count bytes from file descriptor in_fd to file descriptor out_fd.",
     "($module, /, out_fd, in_fd, offset, count)"},
    {"pipe2", os_pipe2, ARGS_ONE, "Create a pipe with flags set atomically."},
    {"get_blocking", os_get_blocking, ARGS_ONE, "Get the blocking mode of the file descriptor."},
    {"set_blocking", os_set_blocking, ARGS_POS(2, 2), "Set the blocking mode of the specified file descriptor."},
    {"get_inheritable", os_get_inheritable, ARGS_ONE, "Get the close-on-exe flag of the specified file descriptor."},
    {"set_inheritable", os_set_inheritable, ARGS_POS(2, 2), "Set the inheritable flag of the specified file descriptor."},
    {"dup2", os_dup2, ARGS_KW, NULL, "($module, /, fd, fd2, inheritable=True)"},
    {"open", os_open, ARGS_KW, NULL, "($module, /, path, flags, mode=511, *, dir_fd=None)"},
    {"isatty", os_isatty, ARGS_ONE, NULL},
    {"get_terminal_size", os_get_terminal_size, ARGS_POS(0, 1), NULL},
    {"fspath", os_fspath, ARGS_KW, "Return the file system path representation of the object.",
     "($module, /, path)"},
    {"getcwd", os_getcwd, ARGS_NONE,
     "Return a unicode string representing the current working directory."},
    {"getcwdb", os_getcwdb, ARGS_NONE, NULL},
    {"chdir", os_chdir, ARGS_KW, "Change the current working directory to the specified path.",
     "($module, /, path)"},
    {"mkdir", os_mkdir, ARGS_KW, "Create a directory.", "($module, /, path, mode=511, *, dir_fd=None)"},
    {"chmod", os_chmod, ARGS_KW, NULL,
     "($module, /, path, mode, *, dir_fd=None, follow_symlinks=True)"},
    {"remove", os_remove, ARGS_KW, "Remove a file (same as unlink()).",
     "($module, /, path, *, dir_fd=None)"},
    {"unlink", os_unlink, ARGS_KW, "Remove a file (same as remove()).",
     "($module, /, path, *, dir_fd=None)"},
    {"rmdir", os_rmdir, ARGS_KW, "Remove a directory.", "($module, /, path, *, dir_fd=None)"},
    {"rename", os_rename, ARGS_KW, "Rename a file or directory.",
     "($module, /, src, dst, *, src_dir_fd=None, dst_dir_fd=None)"},
    {"replace", os_replace, ARGS_KW, NULL,
     "($module, /, src, dst, *, src_dir_fd=None, dst_dir_fd=None)"},
    {"listdir", os_listdir, ARGS_KW, "Return a list containing the names of the files in the directory.",
     "($module, /, path=None)"},
    {"readlink", os_readlink, ARGS_KW, NULL, "($module, /, path, *, dir_fd=None)"},
    {"symlink", os_symlink, ARGS_KW, NULL,
     "($module, /, src, dst, target_is_directory=False, *, dir_fd=None)"},
    {"access", os_access, ARGS_KW, NULL,
     "($module, /, path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True)"},
    {"stat", os_stat, ARGS_KW, "Perform a stat system call on the given path.",
     "($module, /, path, *, dir_fd=None, follow_symlinks=True)"},
    {"lstat", os_lstat, ARGS_KW, NULL, "($module, /, path, *, dir_fd=None)"},
    {"fstat", os_fstat, ARGS_KW, NULL, "($module, /, fd)"},
    {"putenv", os_putenv, ARGS_POS(2, 2), NULL},
    {"unsetenv", os_unsetenv, ARGS_ONE, NULL},
    {"cpu_count", os_cpu_count, ARGS_NONE, "Return the number of CPUs in the system."},
    {"strerror", os_strerror, ARGS_ONE, "Translate an error code to a message string."},
    {"urandom", os_urandom, ARGS_ONE, "Return a bytes object containing random bytes."},
    {"umask", os_umask, ARGS_ONE, NULL},
    {NULL, NULL, 0, NULL},
};

static const struct { const char *name; long value; } os_constants[] = {
    {"WNOHANG", WNOHANG}, {"WUNTRACED", WUNTRACED},
    {"F_OK", F_OK}, {"R_OK", R_OK}, {"W_OK", W_OK}, {"X_OK", X_OK},
    {"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY}, {"O_RDWR", O_RDWR},
    {"O_APPEND", O_APPEND}, {"O_CREAT", O_CREAT}, {"O_EXCL", O_EXCL},
    {"O_TRUNC", O_TRUNC}, {"O_NONBLOCK", O_NONBLOCK}, {"O_CLOEXEC", O_CLOEXEC},
    {"O_NOCTTY", O_NOCTTY}, {"O_ACCMODE", O_ACCMODE}, {"O_ASYNC", O_ASYNC}, {"O_DIRECT", O_DIRECT},
    {"O_DIRECTORY", O_DIRECTORY}, {"O_DSYNC", O_DSYNC}, {"O_FSYNC", O_FSYNC},
    {"O_LARGEFILE", O_LARGEFILE}, {"O_NDELAY", O_NDELAY}, {"O_NOATIME", O_NOATIME},
    {"O_NOFOLLOW", O_NOFOLLOW}, {"O_PATH", O_PATH}, {"O_RSYNC", O_RSYNC}, {"O_SYNC", O_SYNC},
    {"O_TMPFILE", O_TMPFILE},
    {"SEEK_SET", SEEK_SET}, {"SEEK_CUR", SEEK_CUR}, {"SEEK_END", SEEK_END},
    {"EX_OK", 0},
    {NULL, 0},
};

Value mod_os_init(void) {
    Value m = module_new_c("posix");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    dict_add_methods(d, os_methods, m);
    dict_add_methods(d, os_tty_methods, m);
    for (int i = 0; os_constants[i].name; i++)
        if (dict_set_c(d, os_constants[i].name, MK_SMALLINT(os_constants[i].value)) < 0)
            return VAL_NULL;
    Value env = os_environ_dict();
    if (IS_NULL(env) || dict_set_c(d, "environ", env) < 0) return VAL_NULL;
    if (dict_set_c(d, "stat_result", MK_OBJ(structseq_type(&os_stat_desc))) < 0) return VAL_NULL;
    return m;
}
