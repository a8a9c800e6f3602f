/* mod_posix_fs.c - the posix module's calls on paths (see posix.h).
 *
 * Every call that names a file takes a str, bytes or os.PathLike; where
 * CPython's does, it also takes an open descriptor (stat, chmod, chown,
 * truncate, utime, statvfs, listdir, chdir, the xattr calls), a dir_fd (the
 * *at() system calls) and follow_symlinks.  Errors name the file, and both
 * files for the calls on two paths ("'a' -> 'b'"), as CPython's do.
 */
#define _GNU_SOURCE 1
#include <dirent.h>
#include <gmp.h>
#include <math.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "runtime/fdlimit.h"
#include "posix.h"
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_memoryview.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_float.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/ops.h"
#include "runtime/structseq.h"

/* ---------------------------------------------------------------- stat */

/* os.stat_result: ten sequence items (the last three the integer times, unnamed),
 * then the float and nanosecond times and the rest, by name only. */
static const char *const pfs_stat_fields[] = {
    "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", NULL, NULL, NULL,
    "st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns",
    "st_blksize", "st_blocks", "st_rdev",
};
static StructSeqDesc pfs_stat_desc = {"os.stat_result", pfs_stat_fields, 10, 19};

Value os_stat_result(const struct stat *st) {
    Value r = structseq_new(&pfs_stat_desc);
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
static Value pfs_stat_common(Value *args, const char *fname, int follow) {
    OsPath p;
    int dir_fd, fd, isfd = os_path_or_fd(args[0], &p, &fd, fname, "path");
    if (isfd < 0 || os_dir_fd(args[1], &dir_fd) < 0 || os_dir_fd_needs_path(fname, isfd, dir_fd) < 0 ||
        os_fd_and_follow(fname, isfd, follow) < 0)
        return VAL_NULL;
    struct stat st;
    int r;
    if (isfd) OS_RETRY(r, fstat(fd, &st));
    else OS_RETRY(r, fstatat(dir_fd, p.s, &st, follow ? 0 : AT_SYMLINK_NOFOLLOW));
    if (r < 0) return os_fail(isfd ? args[0] : p.obj);
    return os_stat_result(&st);
}
static Value pfs_stat(Value *args, int nargs, Value kwnames) {
    int follow = os_flag(args[2], 1);
    return follow < 0 ? VAL_NULL : pfs_stat_common(args, "stat", follow);
}
static Value pfs_lstat(Value *args, int nargs, Value kwnames) {
    OsPath p;
    if (os_path_arg(args[0], &p, "lstat", "path") < 0) return VAL_NULL;
    return pfs_stat_common(args, "lstat", 0);
}
static Value pfs_fstat(Value *args, int nargs, Value kwnames) {
    int fd, r;
    struct stat st;
    if (arg_to_int(args[0], &fd) < 0) return VAL_NULL;
    OS_RETRY(r, fstat(fd, &st));
    return r < 0 ? os_fail(VAL_NULL) : os_stat_result(&st);
}

/* ---------------------------------------------------------------- directories */

static Value pfs_getcwd_common(int as_bytes) {
    char buf[PATH_MAX + 1];
    if (!getcwd(buf, sizeof buf)) return os_error(VAL_NULL);
    return os_name_value(buf, strlen(buf), as_bytes);
}
static Value pfs_getcwd(Value *args, int nargs, Value kwnames) { return pfs_getcwd_common(0); }
static Value pfs_getcwdb(Value *args, int nargs, Value kwnames) { return pfs_getcwd_common(1); }

static Value pfs_chdir(Value *args, int nargs, Value kwnames) {
    OsPath p;
    int fd, r = os_path_or_fd(args[0], &p, &fd, "chdir", "path");
    if (r < 0 || OS_AUDIT_REFUSED("os.chdir", "O", args[0])) return VAL_NULL;
    if (r) return fchdir(fd) < 0 ? os_error(args[0]) : VAL_NONE;
    return chdir(p.s) < 0 ? os_error(p.obj) : VAL_NONE;
}

static Value pfs_fchdir(Value *args, int nargs, Value kwnames) {
    int fd, r;
    if (os_fd_arg(args[0], &fd) < 0 || OS_AUDIT_REFUSED("os.chdir", "i", fd)) return VAL_NULL;
    OS_RETRY(r, fchdir(fd));
    return r < 0 ? os_fail(VAL_NULL) : VAL_NONE;
}

static Value pfs_chroot(Value *args, int nargs, Value kwnames) {
    OsPath p;
    if (os_path_arg(args[0], &p, "chroot", "path") < 0) return VAL_NULL;
    return chroot(p.s) < 0 ? os_error(p.obj) : VAL_NONE;
}

/* remove, unlink and rmdir: (path, *, dir_fd=None) */
static Value pfs_unlink_common(Value *args, const char *name, int flags) {
    OsPath p;
    int dir_fd;
    if (os_path_arg(args[0], &p, name, "path") < 0 || os_dir_fd(args[1], &dir_fd) < 0) return VAL_NULL;
    if (OS_AUDIT_REFUSED(flags ? "os.rmdir" : "os.remove", "Oi", args[0], OS_AUDIT_FD(dir_fd))) return VAL_NULL;
    return unlinkat(dir_fd, p.s, flags) < 0 ? os_error(p.obj) : VAL_NONE;
}
static Value pfs_remove(Value *a, int n, Value k) { return pfs_unlink_common(a, "remove", 0); }
static Value pfs_unlink(Value *a, int n, Value k) { return pfs_unlink_common(a, "unlink", 0); }
static Value pfs_rmdir(Value *a, int n, Value k) { return pfs_unlink_common(a, "rmdir", AT_REMOVEDIR); }

/* mkdir(path, mode=0o777, *, dir_fd=None) */
static Value pfs_mkdir(Value *args, int nargs, Value kwnames) {
    OsPath p;
    int mode = 0777, dir_fd;
    if (os_path_arg(args[0], &p, "mkdir", "path") < 0 ||
        (!IS_NULL(args[1]) && arg_to_int(args[1], &mode) < 0) || os_dir_fd(args[2], &dir_fd) < 0)
        return VAL_NULL;
    if (OS_AUDIT_REFUSED("os.mkdir", "Oii", args[0], mode, OS_AUDIT_FD(dir_fd))) return VAL_NULL;
    return mkdirat(dir_fd, p.s, (mode_t)mode) < 0 ? os_error(p.obj) : VAL_NONE;
}

/* mkfifo(path, mode=0o666, *, dir_fd=None) */
static Value pfs_mkfifo(Value *args, int nargs, Value kwnames) {
    OsPath p;
    int mode = 0666, dir_fd, r;
    if (os_path_arg(args[0], &p, "mkfifo", "path") < 0 ||
        (!IS_NULL(args[1]) && arg_to_int(args[1], &mode) < 0) || os_dir_fd(args[2], &dir_fd) < 0)
        return VAL_NULL;
    OS_RETRY(r, mkfifoat(dir_fd, p.s, (mode_t)mode));
    return r < 0 ? os_fail(VAL_NULL) : VAL_NONE;       /* CPython names no file here */
}

/* A dev_t argument (CPython's _Py_Dev_Converter: an unsigned long long). */
static int pfs_dev_arg(Value v, dev_t *out) {
    Value i = obj_index(v);
    if (IS_NULL(i)) return -1;
    if (int_sign(i) < 0) {
        err_format(&exc_OverflowError, "can't convert negative int to unsigned");
        return -1;
    }
    mpz_t z;
    mpz_init(z);
    int_to_mpz(i, z);
    int ok = mpz_sizeinbase(z, 2) <= 64;
    *out = ok ? (dev_t)mpz_get_ui(z) : 0;
    mpz_clear(z);
    if (!ok) {
        err_format(&exc_OverflowError, "int too big to convert");
        return -1;
    }
    return 0;
}

/* mknod(path, mode=0o600, device=0, *, dir_fd=None) */
static Value pfs_mknod(Value *args, int nargs, Value kwnames) {
    OsPath p;
    int mode = 0600, dir_fd, r;
    dev_t dev = 0;
    if (os_path_arg(args[0], &p, "mknod", "path") < 0 || (!IS_NULL(args[1]) && arg_to_int(args[1], &mode) < 0) ||
        (!IS_NULL(args[2]) && pfs_dev_arg(args[2], &dev) < 0) || os_dir_fd(args[3], &dir_fd) < 0)
        return VAL_NULL;
    OS_RETRY(r, mknodat(dir_fd, p.s, (mode_t)mode, dev));
    return r < 0 ? os_fail(VAL_NULL) : VAL_NONE;
}

static Value pfs_major(Value *args, int nargs, Value kwnames) {
    dev_t d;
    return pfs_dev_arg(args[0], &d) < 0 ? VAL_NULL : int_from_u64(major(d));
}
static Value pfs_minor(Value *args, int nargs, Value kwnames) {
    dev_t d;
    return pfs_dev_arg(args[0], &d) < 0 ? VAL_NULL : int_from_u64(minor(d));
}
static Value pfs_makedev(Value *args, int nargs, Value kwnames) {
    int ma, mi;
    if (arg_to_int(args[0], &ma) < 0 || arg_to_int(args[1], &mi) < 0) return VAL_NULL;
    return int_from_u64((uint64_t)makedev((unsigned)ma, (unsigned)mi));
}

/* listdir(path=None): path may be an open directory descriptor. */
static Value pfs_listdir(Value *args, int nargs, Value kwnames) {
    OsPath p;
    int fd = -1, isfd = os_path_or_none(args[0], &p, &fd, "listdir", "path");
    if (isfd < 0) return VAL_NULL;
    if (OS_AUDIT_REFUSED("os.listdir", "O", IS_NULL(args[0]) ? VAL_NONE : args[0])) return VAL_NULL;
    DIR *dir;
    if (isfd) {
        int fd2;
        FDLIMIT_RETRY(fd2, fd2 = fcntl(fd, F_DUPFD_CLOEXEC, 0));      /* closedir closes its own */
        if (fd2 < 0) return os_error(args[0]);
        dir = fdopendir(fd2);
        if (!dir) { int e = errno; close(fd2); errno = e; return os_error(args[0]); }
        rewinddir(dir);
    } else {
        int r;
        FDLIMIT_RETRY(r, r = (dir = opendir(p.s)) ? 0 : -1);
        if (!dir) return os_error(IS_NONE(p.obj) ? str_from_c(".") : p.obj);
    }
    Value list = list_new(0);
    struct dirent *ent;
    while (!IS_NULL(list)) {
        errno = 0;
        ent = readdir(dir);
        if (!ent) {
            if (errno) list = os_error(isfd ? args[0] : p.obj);
            break;
        }
        const char *nm = ent->d_name;
        if (nm[0] == '.' && (nm[1] == 0 || (nm[1] == '.' && nm[2] == 0))) continue;
        Value v = os_name_value(nm, strlen(nm), p.is_bytes);
        if (IS_NULL(v) || list_append(list, v) < 0) list = VAL_NULL;
    }
    if (isfd) rewinddir(dir);
    closedir(dir);
    return list;
}

/* ---------------------------------------------------------------- links and names */

/* rename and replace: (src, dst, *, src_dir_fd=None, dst_dir_fd=None) */
static Value pfs_rename_common(Value *args, const char *name) {
    OsPath s, d;
    int sfd, dfd;
    if (os_path_arg(args[0], &s, name, "src") < 0 || os_path_arg(args[1], &d, name, "dst") < 0 ||
        os_dir_fd(args[2], &sfd) < 0 || os_dir_fd(args[3], &dfd) < 0)
        return VAL_NULL;
    if (OS_AUDIT_REFUSED("os.rename", "OOii", args[0], args[1], OS_AUDIT_FD(sfd), OS_AUDIT_FD(dfd)))
        return VAL_NULL;
    return renameat(sfd, s.s, dfd, d.s) < 0 ? os_error2(s.obj, d.obj) : VAL_NONE;
}
static Value pfs_rename(Value *a, int n, Value k) { return pfs_rename_common(a, "rename"); }
static Value pfs_replace(Value *a, int n, Value k) { return pfs_rename_common(a, "replace"); }

/* link(src, dst, *, src_dir_fd=None, dst_dir_fd=None, follow_symlinks=True) */
static Value pfs_link(Value *args, int nargs, Value kwnames) {
    OsPath s, d;
    int sfd, dfd, follow;
    if (os_path_arg(args[0], &s, "link", "src") < 0 || os_path_arg(args[1], &d, "link", "dst") < 0 ||
        os_dir_fd(args[2], &sfd) < 0 || os_dir_fd(args[3], &dfd) < 0 || (follow = os_flag(args[4], 1)) < 0)
        return VAL_NULL;
    if (OS_AUDIT_REFUSED("os.link", "OOii", args[0], args[1], OS_AUDIT_FD(sfd), OS_AUDIT_FD(dfd)))
        return VAL_NULL;
    return linkat(sfd, s.s, dfd, d.s, follow ? AT_SYMLINK_FOLLOW : 0) < 0 ? os_error2(s.obj, d.obj) : VAL_NONE;
}

/* readlink(path, *, dir_fd=None) */
static Value pfs_readlink(Value *args, int nargs, Value kwnames) {
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
static Value pfs_symlink(Value *args, int nargs, Value kwnames) {
    OsPath s, d;
    int dir_fd;
    if (os_path_arg(args[0], &s, "symlink", "src") < 0 ||
        os_path_arg(args[1], &d, "symlink", "dst") < 0 || os_dir_fd(args[3], &dir_fd) < 0)
        return VAL_NULL;
    if (OS_AUDIT_REFUSED("os.symlink", "OOi", args[0], args[1], OS_AUDIT_FD(dir_fd))) return VAL_NULL;
    return symlinkat(s.s, dir_fd, d.s) < 0 ? os_error2(s.obj, d.obj) : VAL_NONE;
}

/* access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True) */
static Value pfs_access(Value *args, int nargs, Value kwnames) {
    OsPath p;
    int mode, dir_fd, eff, follow;
    if (os_path_arg(args[0], &p, "access", "path") < 0 || arg_to_int(args[1], &mode) < 0 ||
        os_dir_fd(args[2], &dir_fd) < 0 || (eff = os_flag(args[3], 0)) < 0 ||
        (follow = os_flag(args[4], 1)) < 0)
        return VAL_NULL;
    int flags = (eff ? AT_EACCESS : 0) | (follow ? 0 : AT_SYMLINK_NOFOLLOW);
    return MK_BOOL(faccessat(dir_fd, p.s, mode, flags) == 0);
}

/* ---------------------------------------------------------------- modes and owners */

/* chmod(path, mode, *, dir_fd=None, follow_symlinks=True) */
static Value pfs_chmod(Value *args, int nargs, Value kwnames) {
    OsPath p;
    int mode, dir_fd, follow, fd, isfd = os_path_or_fd(args[0], &p, &fd, "chmod", "path");
    if (isfd < 0 || arg_to_int(args[1], &mode) < 0 || os_dir_fd(args[2], &dir_fd) < 0 ||
        (follow = os_flag(args[3], 1)) < 0)
        return VAL_NULL;
    if (OS_AUDIT_REFUSED("os.chmod", "Oii", args[0], mode, OS_AUDIT_FD(dir_fd))) return VAL_NULL;
    int r;
    if (isfd) {
        OS_RETRY(r, fchmod(fd, (mode_t)mode));
        return r < 0 ? os_fail(args[0]) : VAL_NONE;
    }
    if (fchmodat(dir_fd, p.s, (mode_t)mode, follow ? 0 : AT_SYMLINK_NOFOLLOW) == 0) return VAL_NONE;
    if (!follow && (errno == ENOTSUP || errno == EOPNOTSUPP))
        return err_format(&exc_NotImplementedError, "chmod: follow_symlinks unavailable on this platform");
    return os_error(p.obj);
}

/* fchmod(fd, mode) */
static Value pfs_fchmod(Value *args, int nargs, Value kwnames) {
    int fd, mode, r;
    if (arg_to_int(args[0], &fd) < 0 || arg_to_int(args[1], &mode) < 0) return VAL_NULL;
    if (OS_AUDIT_REFUSED("os.chmod", "iii", fd, mode, -1)) return VAL_NULL;
    OS_RETRY(r, fchmod(fd, (mode_t)mode));
    return r < 0 ? os_fail(VAL_NULL) : VAL_NONE;
}

/* chown(path, uid, gid, *, dir_fd=None, follow_symlinks=True), lchown, fchown */
static Value pfs_chown(Value *args, int nargs, Value kwnames) {
    OsPath p;
    unsigned uid, gid;
    int dir_fd, follow, fd, isfd = os_path_or_fd(args[0], &p, &fd, "chown", "path");
    if (isfd < 0 || os_id_arg(args[1], &uid, "uid") < 0 || os_id_arg(args[2], &gid, "gid") < 0 ||
        os_dir_fd(args[3], &dir_fd) < 0 || (follow = os_flag(args[4], 1)) < 0 ||
        os_fd_and_dir_fd("chown", isfd, dir_fd) < 0)
        return VAL_NULL;
    if (OS_AUDIT_REFUSED("os.chown", "OIIi", args[0], uid, gid, OS_AUDIT_FD(dir_fd))) return VAL_NULL;
    int r;
    if (isfd) OS_RETRY(r, fchown(fd, uid, gid));
    else r = fchownat(dir_fd, p.s, uid, gid, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    return r < 0 ? os_fail(isfd ? args[0] : p.obj) : VAL_NONE;
}

static Value pfs_lchown(Value *args, int nargs, Value kwnames) {
    OsPath p;
    unsigned uid, gid;
    if (os_path_arg(args[0], &p, "lchown", "path") < 0 || os_id_arg(args[1], &uid, "uid") < 0 ||
        os_id_arg(args[2], &gid, "gid") < 0)
        return VAL_NULL;
    if (OS_AUDIT_REFUSED("os.chown", "OIIi", args[0], uid, gid, -1)) return VAL_NULL;
    return lchown(p.s, uid, gid) < 0 ? os_error(p.obj) : VAL_NONE;
}

static Value pfs_fchown(Value *args, int nargs, Value kwnames) {
    int fd, r;
    unsigned uid, gid;
    if (arg_to_int(args[0], &fd) < 0 || os_id_arg(args[1], &uid, "uid") < 0 || os_id_arg(args[2], &gid, "gid") < 0)
        return VAL_NULL;
    if (OS_AUDIT_REFUSED("os.chown", "iIIi", fd, uid, gid, -1)) return VAL_NULL;
    OS_RETRY(r, fchown(fd, uid, gid));
    return r < 0 ? os_fail(VAL_NULL) : VAL_NONE;
}

/* ---------------------------------------------------------------- times and sizes */

/* A time in seconds (int or float) as a timespec, rounded towards minus
 * infinity as CPython's _PyTime_ObjectToTimespec(..., _PyTime_ROUND_FLOOR). */
static int pfs_timespec(Value v, struct timespec *ts) {
    if (IS_FLOAT(v)) {
        double d = AS_FLOAT(v), fl = floor(d);
        if (isnan(d)) { err_format(&exc_ValueError, "Invalid value NaN (not a number)"); return -1; }
        if (fl < -9.2e18 || fl > 9.2e18) {
            err_format(&exc_OverflowError, "timestamp out of range for platform time_t");
            return -1;
        }
        long ns = (long)floor((d - fl) * 1e9);
        ts->tv_sec = (time_t)fl, ts->tv_nsec = ns >= 1000000000 ? 999999999 : ns;
        return 0;
    }
    int64_t s;
    if (!IS_INT(v)) {
        err_format(&exc_TypeError, "'%T' object cannot be interpreted as an integer", v);
        return -1;
    }
    if (int_to_i64(v, &s) < 0) {
        err_clear();
        err_format(&exc_OverflowError, "timestamp out of range for platform time_t");
        return -1;
    }
    ts->tv_sec = (time_t)s, ts->tv_nsec = 0;
    return 0;
}

/* A nanosecond count (any int) as a timespec. */
static int pfs_ns_timespec(Value v, struct timespec *ts) {
    if (!IS_INT(v)) {
        err_format(&exc_TypeError, "'%T' object cannot be interpreted as an integer", v);
        return -1;
    }
    Value q = obj_binop(v, MK_SMALLINT(1000000000), OP_FLOORDIV);
    Value r = IS_NULL(q) ? VAL_NULL : obj_binop(v, MK_SMALLINT(1000000000), OP_MOD);
    int64_t s, ns;
    if (IS_NULL(r) || int_to_i64(q, &s) < 0 || int_to_i64(r, &ns) < 0) return -1;
    ts->tv_sec = (time_t)s, ts->tv_nsec = (long)ns;
    return 0;
}

/* utime(path, times=None, *, ns=(atime_ns, mtime_ns), dir_fd=None, follow_symlinks=True) */
static Value pfs_utime(Value *args, int nargs, Value kwnames) {
    OsPath p;
    int dir_fd, follow, fd, isfd = os_path_or_fd(args[0], &p, &fd, "utime", "path");
    if (isfd < 0) return VAL_NULL;
    Value times = IS_NULL(args[1]) ? VAL_NONE : args[1], ns = args[2];
    struct timespec ts[2], *tsp = ts;
    if (!IS_NONE(times) && !IS_NULL(ns))
        return err_format(&exc_ValueError, "utime: you may specify either 'times' or 'ns' but not both");
    if (!IS_NONE(times)) {
        if (!IS_TUPLE(times) || AS_TUPLE(times)->len != 2)
            return err_format(&exc_TypeError, "utime: 'times' must be either a tuple of two ints or None");
        if (pfs_timespec(AS_TUPLE(times)->items[0], &ts[0]) < 0 ||
            pfs_timespec(AS_TUPLE(times)->items[1], &ts[1]) < 0)
            return VAL_NULL;
    } else if (!IS_NULL(ns)) {
        if (!IS_TUPLE(ns) || AS_TUPLE(ns)->len != 2)
            return err_format(&exc_TypeError, "utime: 'ns' must be a tuple of two ints");
        if (pfs_ns_timespec(AS_TUPLE(ns)->items[0], &ts[0]) < 0 ||
            pfs_ns_timespec(AS_TUPLE(ns)->items[1], &ts[1]) < 0)
            return VAL_NULL;
    } else {
        tsp = NULL;
    }
    if (os_dir_fd(args[3], &dir_fd) < 0 || (follow = os_flag(args[4], 1)) < 0 ||
        os_dir_fd_needs_path("utime", isfd, dir_fd) < 0)
        return VAL_NULL;
    if (OS_AUDIT_REFUSED("os.utime", "OOOi", args[0], times, IS_NULL(ns) ? VAL_NONE : ns, OS_AUDIT_FD(dir_fd)))
        return VAL_NULL;
    int r = isfd ? futimens(fd, tsp) : utimensat(dir_fd, p.s, tsp, follow ? 0 : AT_SYMLINK_NOFOLLOW);
    return r < 0 ? os_error(VAL_NULL) : VAL_NONE;      /* CPython names no file here */
}

/* truncate(path, length): path may be a descriptor. */
static Value pfs_truncate(Value *args, int nargs, Value kwnames) {
    OsPath p;
    int64_t len;
    int fd, isfd = os_path_or_fd(args[0], &p, &fd, "truncate", "path");
    if (isfd < 0) return VAL_NULL;
    Value n = obj_index(args[1]);
    if (IS_NULL(n) || int_to_i64(n, &len) < 0) return VAL_NULL;
    if (OS_AUDIT_REFUSED("os.truncate", "OL", args[0], (long long)len)) return VAL_NULL;
    int r;
    if (isfd) OS_RETRY(r, ftruncate(fd, (off_t)len));
    else OS_RETRY(r, truncate(p.s, (off_t)len));
    return r < 0 ? os_fail(isfd ? args[0] : p.obj) : VAL_NONE;
}

/* ---------------------------------------------------------------- file systems */

static const char *const pfs_statvfs_fields[] = {
    "f_bsize", "f_frsize", "f_blocks", "f_bfree", "f_bavail", "f_files", "f_ffree", "f_favail",
    "f_flag", "f_namemax", "f_fsid",
};
static StructSeqDesc pfs_statvfs_desc = {"os.statvfs_result", pfs_statvfs_fields, 10, 11};

static Value pfs_statvfs_result(const struct statvfs *s) {
    Value r = structseq_new(&pfs_statvfs_desc);
    if (IS_NULL(r)) return VAL_NULL;
    Value *v = STRUCTSEQ_ITEMS(r);
    uint64_t f[11] = {s->f_bsize, s->f_frsize, s->f_blocks, s->f_bfree, s->f_bavail, s->f_files,
                      s->f_ffree, s->f_favail, s->f_flag, s->f_namemax, s->f_fsid};
    for (int i = 0; i < 11; i++)
        if (IS_NULL(v[i] = int_from_u64(f[i]))) return VAL_NULL;
    return r;
}

/* statvfs(path): path may be a descriptor. */
static Value pfs_statvfs(Value *args, int nargs, Value kwnames) {
    OsPath p;
    struct statvfs s;
    int r, fd, isfd = os_path_or_fd(args[0], &p, &fd, "statvfs", "path");
    if (isfd < 0) return VAL_NULL;
    if (isfd) OS_RETRY(r, fstatvfs(fd, &s));
    else OS_RETRY(r, statvfs(p.s, &s));
    return r < 0 ? os_fail(isfd ? args[0] : p.obj) : pfs_statvfs_result(&s);
}

static Value pfs_fstatvfs(Value *args, int nargs, Value kwnames) {
    struct statvfs s;
    int r, fd;
    if (arg_to_int(args[0], &fd) < 0) return VAL_NULL;
    OS_RETRY(r, fstatvfs(fd, &s));
    return r < 0 ? os_fail(VAL_NULL) : pfs_statvfs_result(&s);
}

/* ---------------------------------------------------------------- extended attributes */

/* The path (or descriptor) and attribute name of the xattr calls. */
typedef struct { OsPath p, a; int fd, isfd, follow; } PfsXattr;

static int pfs_xattr_args(Value path, Value attr, Value follow, const char *fname, PfsXattr *x) {
    if ((x->isfd = os_path_or_fd(path, &x->p, &x->fd, fname, "path")) < 0 ||
        (!IS_NULL(attr) && os_path_arg(attr, &x->a, fname, "attribute") < 0) ||
        (x->follow = os_flag(follow, 1)) < 0)
        return -1;
    return 0;
}

/* Read an attribute's value (list=0) or the names (list=1) into a malloc'd
 * buffer grown until it fits: its length, or -1 with errno. */
static ssize_t pfs_xattr_read(const PfsXattr *x, int list, char **out) {
    for (size_t size = 256;; size *= 4) {
        char *buf = malloc(size);
        if (!buf) { errno = ENOMEM; return -1; }
        ssize_t n = list ? (x->isfd ? flistxattr(x->fd, buf, size)
                            : x->follow ? listxattr(x->p.s, buf, size) : llistxattr(x->p.s, buf, size))
                  : (x->isfd ? fgetxattr(x->fd, x->a.s, buf, size)
                     : x->follow ? getxattr(x->p.s, x->a.s, buf, size) : lgetxattr(x->p.s, x->a.s, buf, size));
        if (n >= 0) { *out = buf; return n; }
        free(buf);
        if (errno != ERANGE || size >= 65536) return -1;
    }
}

/* getxattr(path, attribute, *, follow_symlinks=True) */
static Value pfs_getxattr(Value *args, int nargs, Value kwnames) {
    PfsXattr x;
    char *buf;
    if (pfs_xattr_args(args[0], args[1], args[2], "getxattr", &x) < 0 ||
        OS_AUDIT_REFUSED("os.getxattr", "OO", args[0], args[1]))
        return VAL_NULL;
    ssize_t n = pfs_xattr_read(&x, 0, &buf);
    if (n < 0) return os_error(x.isfd ? args[0] : x.p.obj);
    Value r = bytes_new(buf, (size_t)n);
    free(buf);
    return r;
}

/* setxattr(path, attribute, value, flags=0, *, follow_symlinks=True) */
static Value pfs_setxattr(Value *args, int nargs, Value kwnames) {
    PfsXattr x;
    int flags = 0;
    const uint8_t *data;
    int64_t len;
    if (pfs_xattr_args(args[0], args[1], args[4], "setxattr", &x) < 0) return VAL_NULL;
    if (!buffer_check(args[2]))
        return err_format(&exc_TypeError, "a bytes-like object is required, not '%T'", args[2]);
    if (bytes_view(args[2], &data, &len) < 0 || (!IS_NULL(args[3]) && arg_to_int(args[3], &flags) < 0))
        return VAL_NULL;
    if (OS_AUDIT_REFUSED("os.setxattr", "OOOi", args[0], args[1], args[2], flags)) return VAL_NULL;
    int r = x.isfd ? fsetxattr(x.fd, x.a.s, data, (size_t)len, flags)
          : x.follow ? setxattr(x.p.s, x.a.s, data, (size_t)len, flags)
          : lsetxattr(x.p.s, x.a.s, data, (size_t)len, flags);
    return r < 0 ? os_error(x.isfd ? args[0] : x.p.obj) : VAL_NONE;
}

/* removexattr(path, attribute, *, follow_symlinks=True) */
static Value pfs_removexattr(Value *args, int nargs, Value kwnames) {
    PfsXattr x;
    if (pfs_xattr_args(args[0], args[1], args[2], "removexattr", &x) < 0 ||
        OS_AUDIT_REFUSED("os.removexattr", "OO", args[0], args[1]))
        return VAL_NULL;
    int r = x.isfd ? fremovexattr(x.fd, x.a.s) : x.follow ? removexattr(x.p.s, x.a.s) : lremovexattr(x.p.s, x.a.s);
    return r < 0 ? os_error(x.isfd ? args[0] : x.p.obj) : VAL_NONE;
}

/* listxattr(path=None, *, follow_symlinks=True): the names as str. */
static Value pfs_listxattr(Value *args, int nargs, Value kwnames) {
    PfsXattr x;
    char *buf;
    Value path = IS_NULL(args[0]) || IS_NONE(args[0]) ? str_from_c(".") : args[0];
    if (pfs_xattr_args(path, VAL_NULL, args[1], "listxattr", &x) < 0 ||
        OS_AUDIT_REFUSED("os.listxattr", "O", IS_NULL(args[0]) ? VAL_NONE : args[0]))
        return VAL_NULL;
    ssize_t n = pfs_xattr_read(&x, 1, &buf);
    if (n < 0) return os_error(x.isfd ? path : x.p.obj);
    Value list = list_new(0);
    for (ssize_t i = 0; i < n && !IS_NULL(list);) {
        size_t l = strlen(buf + i);
        Value name = str_fsdecode(buf + i, l);
        if (IS_NULL(name) || list_append(list, name) < 0) list = VAL_NULL;
        i += (ssize_t)l + 1;
    }
    free(buf);
    return list;
}

/* ---------------------------------------------------------------- the table */

const MethodDef pfs_methods[] = {
    {"stat", pfs_stat, ARGS_KW, "Perform a stat system call on the given path.",
     "($module, /, path, *, dir_fd=None, follow_symlinks=True)"},
    {"lstat", pfs_lstat, ARGS_KW, "Perform a stat system call on the given path, without following symbolic links.",
     "($module, /, path, *, dir_fd=None)"},
    {"fstat", pfs_fstat, ARGS_KW, "Perform a stat system call on the given file descriptor.", "($module, /, fd)"},
    {"getcwd", pfs_getcwd, ARGS_NONE, "Return a unicode string representing the current working directory."},
    {"getcwdb", pfs_getcwdb, ARGS_NONE, "Return a bytes string representing the current working directory."},
    {"chdir", pfs_chdir, ARGS_KW, "Change the current working directory to the specified path.",
     "($module, /, path)"},
    {"fchdir", pfs_fchdir, ARGS_KW, "Change to the directory of the given file descriptor.", "($module, /, fd)"},
    {"chroot", pfs_chroot, ARGS_KW, "Change root directory to path.", "($module, /, path)"},
    {"mkdir", pfs_mkdir, ARGS_KW, "Create a directory.", "($module, /, path, mode=511, *, dir_fd=None)"},
    {"mkfifo", pfs_mkfifo, ARGS_KW, "Create a \"fifo\" (a POSIX named pipe).",
     "($module, /, path, mode=438, *, dir_fd=None)"},
    {"mknod", pfs_mknod, ARGS_KW, "Create a node in the file system.",
     "($module, /, path, mode=384, device=0, *, dir_fd=None)"},
    {"major", pfs_major, ARGS_ONE, "Extracts a device major number from a raw device number."},
    {"minor", pfs_minor, ARGS_ONE, "Extracts a device minor number from a raw device number."},
    {"makedev", pfs_makedev, ARGS_POS(2, 2), "Composes a raw device number from the major and minor device numbers."},
    {"chmod", pfs_chmod, ARGS_KW, "Change the access permissions of a file.",
     "($module, /, path, mode, *, dir_fd=None, follow_symlinks=True)"},
    {"fchmod", pfs_fchmod, ARGS_KW, "Change the access permissions of the file given by file descriptor fd.",
     "($module, /, fd, mode)"},
    {"chown", pfs_chown, ARGS_KW, "Change the owner and group id of path to the numeric uid and gid.",
     "($module, /, path, uid, gid, *, dir_fd=None, follow_symlinks=True)"},
    {"lchown", pfs_lchown, ARGS_KW, "Change the owner and group id of path to the numeric uid and gid.",
     "($module, /, path, uid, gid)"},
    {"fchown", pfs_fchown, ARGS_KW, "Change the owner and group id of the file specified by file descriptor.",
     "($module, /, fd, uid, gid)"},
    {"remove", pfs_remove, ARGS_KW, "Remove a file (same as unlink()).", "($module, /, path, *, dir_fd=None)"},
    {"unlink", pfs_unlink, ARGS_KW, "Remove a file (same as remove()).", "($module, /, path, *, dir_fd=None)"},
    {"rmdir", pfs_rmdir, ARGS_KW, "Remove a directory.", "($module, /, path, *, dir_fd=None)"},
    {"rename", pfs_rename, ARGS_KW, "Rename a file or directory.",
     "($module, /, src, dst, *, src_dir_fd=None, dst_dir_fd=None)"},
    {"replace", pfs_replace, ARGS_KW, "Rename a file or directory, overwriting the destination.",
     "($module, /, src, dst, *, src_dir_fd=None, dst_dir_fd=None)"},
    {"link", pfs_link, ARGS_KW, "Create a hard link to a file.",
     "($module, /, src, dst, *, src_dir_fd=None, dst_dir_fd=None, follow_symlinks=True)"},
    {"listdir", pfs_listdir, ARGS_KW, "Return a list containing the names of the files in the directory.",
     "($module, /, path=None)"},
    {"readlink", pfs_readlink, ARGS_KW, "Return a string representing the path to which the symbolic link points.",
     "($module, /, path, *, dir_fd=None)"},
    {"symlink", pfs_symlink, ARGS_KW, "Create a symbolic link pointing to src named dst.",
     "($module, /, src, dst, target_is_directory=False, *, dir_fd=None)"},
    {"access", pfs_access, ARGS_KW, "Use the real uid/gid to test for access to a path.",
     "($module, /, path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True)"},
    {"utime", pfs_utime, ARGS_KW, "Set the access and modified time of path.",
     "($module, /, path, times=None, *, ns=<unrepresentable>, dir_fd=None, follow_symlinks=True)"},
    {"truncate", pfs_truncate, ARGS_KW, "Truncate a file, specified by path, to a specific length.",
     "($module, /, path, length)"},
    {"statvfs", pfs_statvfs, ARGS_KW, "Perform a statvfs system call on the given path.", "($module, /, path)"},
    {"fstatvfs", pfs_fstatvfs, ARGS_ONE, "Perform an fstatvfs system call on the given fd."},
    {"getxattr", pfs_getxattr, ARGS_KW, "Return the value of extended attribute attribute on path.",
     "($module, /, path, attribute, *, follow_symlinks=True)"},
    {"setxattr", pfs_setxattr, ARGS_KW, "Set extended attribute attribute on path to value.",
     "($module, /, path, attribute, value, flags=0, *, follow_symlinks=True)"},
    {"removexattr", pfs_removexattr, ARGS_KW, "Remove extended attribute attribute on path.",
     "($module, /, path, attribute, *, follow_symlinks=True)"},
    {"listxattr", pfs_listxattr, ARGS_KW, "Return a list of extended attributes on path.",
     "($module, /, path=None, *, follow_symlinks=True)"},
    {NULL, NULL, 0, NULL},
};

int pfs_init(Value d) {
    if (dict_set_c(d, "stat_result", MK_OBJ(structseq_type(&pfs_stat_desc))) < 0 ||
        dict_set_c(d, "statvfs_result", MK_OBJ(structseq_type(&pfs_statvfs_desc))) < 0)
        return -1;
    return 0;
}
