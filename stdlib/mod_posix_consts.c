/* mod_posix_consts.c - the posix module's integer constants and
 * _have_functions (see posix.h).  The names are CPython's for Linux; the
 * values come from this system's headers.
 */
#define _GNU_SOURCE 1
#include <dlfcn.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/limits.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <linux/memfd.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <sysexits.h>
#include <unistd.h>

#include "posix.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_str.h"

#define POSIX_SPAWN_OPEN 0      /* posix_spawn's file_actions tags (mod_posix_proc.c) */
#define POSIX_SPAWN_CLOSE 1
#define POSIX_SPAWN_DUP2 2

typedef struct { const char *name; long long value; } PconstDef;
#define C(x) {#x, (long long)(x)}
static const PconstDef pconst_table[] = {
    C(CLD_CONTINUED), C(CLD_DUMPED), C(CLD_EXITED), C(CLD_KILLED), C(CLD_STOPPED), C(CLD_TRAPPED),
    C(EFD_CLOEXEC), C(EFD_NONBLOCK), C(EFD_SEMAPHORE), C(EX_CANTCREAT), C(EX_CONFIG), C(EX_DATAERR),
    C(EX_IOERR), C(EX_NOHOST), C(EX_NOINPUT), C(EX_NOPERM), C(EX_NOUSER), C(EX_OK), C(EX_OSERR),
    C(EX_OSFILE), C(EX_PROTOCOL), C(EX_SOFTWARE), C(EX_TEMPFAIL), C(EX_UNAVAILABLE), C(EX_USAGE),
    C(F_LOCK), C(F_OK), C(F_TEST), C(F_TLOCK), C(F_ULOCK), C(GRND_NONBLOCK), C(GRND_RANDOM),
    C(MFD_ALLOW_SEALING), C(MFD_CLOEXEC), C(MFD_HUGETLB), C(MFD_HUGE_16GB), C(MFD_HUGE_16MB),
    C(MFD_HUGE_1GB), C(MFD_HUGE_1MB), C(MFD_HUGE_256MB), C(MFD_HUGE_2GB), C(MFD_HUGE_2MB),
    C(MFD_HUGE_32MB), C(MFD_HUGE_512KB), C(MFD_HUGE_512MB), C(MFD_HUGE_64KB), C(MFD_HUGE_8MB),
    C(MFD_HUGE_MASK), C(MFD_HUGE_SHIFT), C(NGROUPS_MAX), C(O_ACCMODE), C(O_APPEND), C(O_ASYNC),
    C(O_CLOEXEC), C(O_CREAT), C(O_DIRECT), C(O_DIRECTORY), C(O_DSYNC), C(O_EXCL), C(O_FSYNC),
    C(O_LARGEFILE), C(O_NDELAY), C(O_NOATIME), C(O_NOCTTY), C(O_NOFOLLOW), C(O_NONBLOCK), C(O_PATH),
    C(O_RDONLY), C(O_RDWR), C(O_RSYNC), C(O_SYNC), C(O_TMPFILE), C(O_TRUNC), C(O_WRONLY),
    C(POSIX_FADV_DONTNEED), C(POSIX_FADV_NOREUSE), C(POSIX_FADV_NORMAL), C(POSIX_FADV_RANDOM),
    C(POSIX_FADV_SEQUENTIAL), C(POSIX_FADV_WILLNEED), C(POSIX_SPAWN_CLOSE), C(POSIX_SPAWN_DUP2),
    C(POSIX_SPAWN_OPEN), C(PRIO_PGRP), C(PRIO_PROCESS), C(PRIO_USER), C(P_ALL), C(P_PGID), C(P_PID),
    C(P_PIDFD), C(RTLD_DEEPBIND), C(RTLD_GLOBAL), C(RTLD_LAZY), C(RTLD_LOCAL), C(RTLD_NODELETE),
    C(RTLD_NOLOAD), C(RTLD_NOW), C(RWF_APPEND), C(RWF_DSYNC), C(RWF_HIPRI), C(RWF_NOWAIT),
    C(RWF_SYNC), C(R_OK), C(SCHED_BATCH), C(SCHED_FIFO), C(SCHED_IDLE), C(SCHED_OTHER),
    C(SCHED_RESET_ON_FORK), C(SCHED_RR), C(SEEK_DATA), C(SEEK_HOLE), C(SPLICE_F_MORE),
    C(SPLICE_F_MOVE), C(SPLICE_F_NONBLOCK), C(ST_APPEND), C(ST_MANDLOCK), C(ST_NOATIME),
    C(ST_NODEV), C(ST_NODIRATIME), C(ST_NOEXEC), C(ST_NOSUID), C(ST_RDONLY), C(ST_RELATIME),
    C(ST_SYNCHRONOUS), C(ST_WRITE), C(TMP_MAX), C(WCONTINUED), C(WEXITED), C(WNOHANG), C(WNOWAIT),
    C(WSTOPPED), C(WUNTRACED), C(W_OK), C(XATTR_CREATE), C(XATTR_REPLACE), C(XATTR_SIZE_MAX),
    C(X_OK),
    {NULL, 0},
};
#undef C

/* What os.py turns into supports_fd, supports_dir_fd, supports_follow_symlinks. */
static const char *const pconst_have[] = {
    "HAVE_EVENTFD", "HAVE_FACCESSAT", "HAVE_FCHDIR", "HAVE_FCHMOD", "HAVE_FCHMODAT", "HAVE_FCHOWN",
    "HAVE_FCHOWNAT", "HAVE_FEXECVE", "HAVE_FDOPENDIR", "HAVE_FPATHCONF", "HAVE_FSTATAT", "HAVE_FSTATVFS",
    "HAVE_FTRUNCATE", "HAVE_FUTIMENS", "HAVE_FUTIMES", "HAVE_FUTIMESAT", "HAVE_LINKAT", "HAVE_LCHOWN",
    "HAVE_LSTAT", "HAVE_LUTIMES", "HAVE_MEMFD_CREATE", "HAVE_MKDIRAT", "HAVE_MKFIFOAT", "HAVE_MKNODAT",
    "HAVE_OPENAT", "HAVE_READLINKAT", "HAVE_RENAMEAT", "HAVE_SYMLINKAT", "HAVE_UNLINKAT", "HAVE_UTIMENSAT",
    NULL,
};

int pconst_init(Value d) {
    for (const PconstDef *c = pconst_table; c->name; c++)
        if (dict_set_c(d, c->name, int_from_i64(c->value)) < 0) return -1;
    Value have = list_new(0);
    for (int i = 0; !IS_NULL(have) && pconst_have[i]; i++)
        if (list_append(have, str_from_c(pconst_have[i])) < 0) have = VAL_NULL;
    return IS_NULL(have) ? -1 : dict_set_c(d, "_have_functions", have);
}
