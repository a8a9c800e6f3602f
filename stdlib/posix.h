/* posix.h - what the files of the `posix` module share.
 *
 * mod_os.c           the module, argument helpers, descriptors, environment (os_)
 * mod_posix_fs.c     paths: stat, chmod, link, utime, truncate, statvfs, xattr... (pfs_)
 * mod_posix_dir.c    scandir and DirEntry (pdir_)
 * mod_posix_fd.c     more descriptor calls: fsync, pread/readv, splice, eventfd, ttys (pfd_)
 * mod_posix_proc.c   processes: exec, wait, posix_spawn, ids, register_at_fork (pproc_)
 * mod_posix_info.c   the system: uname, times, sysconf/confstr/pathconf, sched (pinfo_)
 * mod_posix_consts.c the integer constants and _have_functions (pconst_)
 *
 * Every function takes CPython's arguments (posixmodule.c's Argument Clinic
 * declarations are the MethodDef signatures) and raises CPython's errors.
 */
#ifndef GILPY_POSIX_H
#define GILPY_POSIX_H

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>

#include "runtime/object.h"
#include "runtime/audit.h"
#include "runtime/gil.h"
#include "runtime/signals.h"

#ifndef OS_GIL_REASON
#define OS_GIL_REASON GIL_REASON_IO
#endif

/* Raise audit event `ev` (runtime/audit.h); true when a hook refused it.  A
 * dir_fd goes to the hooks as CPython gives it: -1 for the default. */
#define OS_AUDIT_REFUSED(...) (audit_active() && audit(__VA_ARGS__) < 0)
#define OS_AUDIT_FD(fd) ((fd) == AT_FDCWD ? -1 : (fd))

/* A path argument: its bytes (NUL-terminated) and whether it was bytes. */
typedef struct OsPath {
    const char *s;
    Value obj;          /* the str/bytes given (named in errors) */
    Value enc;          /* what holds s: obj, or a str's file system encoding */
    int is_bytes;
} OsPath;

/* str, bytes or os.PathLike into p; "fname: argname should be ..." otherwise. */
int   os_path_arg(Value v, OsPath *p, const char *fname, const char *argname);
/* A path that may also be an open descriptor: 1 with *fd set for an int, 0
 * with p filled for a path, -1 on error. */
int   os_path_or_fd(Value v, OsPath *p, int *fd, const char *fname, const char *argname);
/* The same where None (or absence) means "." (listdir, scandir). */
int   os_path_or_none(Value v, OsPath *p, int *fd, const char *fname, const char *argname);
/* dir_fd=None: AT_FDCWD, else a descriptor (CPython's dir_fd_converter). */
int   os_dir_fd(Value v, int *out);
/* A descriptor argument (CPython's fildes converter: int or fileno()). */
int   os_fd_arg(Value v, int *out);
/* A uid or gid (CPython's _Py_Uid_Converter); what names "uid" or "gid" in errors. */
int   os_id_arg(Value v, unsigned *out, const char *what);
/* A keyword-only flag (follow_symlinks=True): dflt when absent. */
int   os_flag(Value v, int dflt);
/* A file name the system returned, as str or bytes like the argument. */
Value os_name_value(const char *s, size_t n, int as_bytes);
/* OSError (its errno subclass) from errno, naming one or two files. */
Value os_error(Value filename);
Value os_error2(Value filename, Value filename2);
/* After OS_RETRY: the pending exception (a signal handler's), or os_error. */
Value os_fail(Value filename);
/* The argument checks of CPython's: "fname: can't specify both dir_fd and
 * fd", "...: can't specify dir_fd without matching path", "...: cannot use
 * fd and follow_symlinks together" (each call uses those CPython's does). */
int   os_fd_and_dir_fd(const char *fname, int isfd, int dir_fd);
int   os_dir_fd_needs_path(const char *fname, int isfd, int dir_fd);
int   os_fd_and_follow(const char *fname, int isfd, int follow);

/* r = call, without the GIL, retried on EINTR after the signal handlers ran
 * (PEP 475).  On failure r < 0 with errno set; a handler's exception is
 * pending then (os_fail raises the right one).  call touches no object. */
#define OS_RETRY(r, call)                                                     \
    do {                                                                      \
        int os_err_;                                                          \
        for (;;) {                                                            \
            GIL_BLOCKING_BEGIN(OS_GIL_REASON);                                \
            r = (call);                                                       \
            os_err_ = errno;                                                  \
            GIL_BLOCKING_END();                                               \
            if (r >= 0 || os_err_ != EINTR || sig_check() < 0) break;         \
        }                                                                     \
        errno = os_err_;                                                      \
    } while (0)

/* The register_at_fork callbacks around a fork (mod_posix_proc.c); pid is
 * fork's result (in the parent, 1 when it failed). */
void  os_before_fork(void);
void  os_after_fork(pid_t pid);

/* os.stat_result of a struct stat (mod_posix_fs.c). */
Value os_stat_result(const struct stat *st);

/* The module's function tables and initialisers, one per file. */
extern const MethodDef pfs_methods[], pdir_methods[], pfd_methods[], pproc_methods[], pinfo_methods[];
int   pfs_init(Value dict);
int   pdir_init(Value dict);
int   pproc_init(Value dict);
int   pinfo_init(Value dict);
int   pconst_init(Value dict);

#endif
