/* mod_posix_info.c - what the posix module says about the system (see posix.h):
 * uname, times, getloadavg, cpu_count, sysconf/confstr/pathconf with their
 * name tables, the sched_* calls, urandom/getrandom, strerror, ctermid.
 *
 * The *_names dicts map CPython's names to this system's numbers; a
 * configuration name argument is one of those names or an int.
 */
#define _GNU_SOURCE 1
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "posix.h"
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_float.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_str.h"
#include "runtime/structseq.h"

/* ---------------------------------------------------------------- uname, times */

static const char *const pinfo_uname_fields[] = {"sysname", "nodename", "release", "version", "machine"};
static StructSeqDesc pinfo_uname_desc = {"posix.uname_result", pinfo_uname_fields, 5, 5};

static Value pinfo_uname(Value *args, int nargs, Value kwnames) {
    struct utsname u;
    if (uname(&u) < 0) return os_error(VAL_NULL);
    Value r = structseq_new(&pinfo_uname_desc);
    if (IS_NULL(r)) return VAL_NULL;
    const char *f[5] = {u.sysname, u.nodename, u.release, u.version, u.machine};
    for (int i = 0; i < 5; i++)
        if (IS_NULL(STRUCTSEQ_ITEMS(r)[i] = str_fsdecode(f[i], strlen(f[i])))) return VAL_NULL;
    return r;
}

static const char *const pinfo_times_fields[] = {"user", "system", "children_user", "children_system", "elapsed"};
static StructSeqDesc pinfo_times_desc = {"posix.times_result", pinfo_times_fields, 5, 5};

static Value pinfo_times(Value *args, int nargs, Value kwnames) {
    struct tms t;
    clock_t c = times(&t);
    if (c == (clock_t)-1) return os_error(VAL_NULL);
    double tick = (double)sysconf(_SC_CLK_TCK);
    Value r = structseq_new(&pinfo_times_desc);
    if (IS_NULL(r)) return VAL_NULL;
    clock_t f[5] = {t.tms_utime, t.tms_stime, t.tms_cutime, t.tms_cstime, c};
    for (int i = 0; i < 5; i++) STRUCTSEQ_ITEMS(r)[i] = MK_FLOAT((double)f[i] / tick);
    return r;
}

static Value pinfo_getloadavg(Value *args, int nargs, Value kwnames) {
    double l[3];
    if (getloadavg(l, 3) != 3) return err_format(&exc_OSError, "Load averages are unobtainable");
    return tuple_pack(3, MK_FLOAT(l[0]), MK_FLOAT(l[1]), MK_FLOAT(l[2]));
}

static Value pinfo_cpu_count(Value *args, int nargs, Value kwnames) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? VAL_NONE : MK_SMALLINT(n);
}

/* ---------------------------------------------------------------- configuration names */

typedef struct { const char *name; int value; } PinfoName;
#define N(x) {#x, _##x}
static const PinfoName pinfo_sysconf_names[] = {
    N(SC_2_CHAR_TERM), N(SC_2_C_BIND), N(SC_2_C_DEV), N(SC_2_C_VERSION), N(SC_2_FORT_DEV),
    N(SC_2_FORT_RUN), N(SC_2_LOCALEDEF), N(SC_2_SW_DEV), N(SC_2_UPE), N(SC_2_VERSION),
    N(SC_AIO_LISTIO_MAX), N(SC_AIO_MAX), N(SC_AIO_PRIO_DELTA_MAX), N(SC_ARG_MAX),
    N(SC_ASYNCHRONOUS_IO), N(SC_ATEXIT_MAX), N(SC_AVPHYS_PAGES), N(SC_BC_BASE_MAX),
    N(SC_BC_DIM_MAX), N(SC_BC_SCALE_MAX), N(SC_BC_STRING_MAX), N(SC_CHARCLASS_NAME_MAX),
    N(SC_CHAR_BIT), N(SC_CHAR_MAX), N(SC_CHAR_MIN), N(SC_CHILD_MAX), N(SC_CLK_TCK),
    N(SC_COLL_WEIGHTS_MAX), N(SC_DELAYTIMER_MAX), N(SC_EQUIV_CLASS_MAX), N(SC_EXPR_NEST_MAX),
    N(SC_FSYNC), N(SC_GETGR_R_SIZE_MAX), N(SC_GETPW_R_SIZE_MAX), N(SC_INT_MAX), N(SC_INT_MIN),
    N(SC_IOV_MAX), N(SC_JOB_CONTROL), N(SC_LINE_MAX), N(SC_LOGIN_NAME_MAX), N(SC_LONG_BIT),
    N(SC_MAPPED_FILES), N(SC_MB_LEN_MAX), N(SC_MEMLOCK), N(SC_MEMLOCK_RANGE),
    N(SC_MEMORY_PROTECTION), N(SC_MESSAGE_PASSING), N(SC_MINSIGSTKSZ), N(SC_MQ_OPEN_MAX),
    N(SC_MQ_PRIO_MAX), N(SC_NGROUPS_MAX), N(SC_NL_ARGMAX), N(SC_NL_LANGMAX), N(SC_NL_MSGMAX),
    N(SC_NL_NMAX), N(SC_NL_SETMAX), N(SC_NL_TEXTMAX), N(SC_NPROCESSORS_CONF),
    N(SC_NPROCESSORS_ONLN), N(SC_NZERO), N(SC_OPEN_MAX), N(SC_PAGESIZE), N(SC_PAGE_SIZE),
    N(SC_PASS_MAX), N(SC_PHYS_PAGES), N(SC_PII), N(SC_PII_INTERNET), N(SC_PII_INTERNET_DGRAM),
    N(SC_PII_INTERNET_STREAM), N(SC_PII_OSI), N(SC_PII_OSI_CLTS), N(SC_PII_OSI_COTS),
    N(SC_PII_OSI_M), N(SC_PII_SOCKET), N(SC_PII_XTI), N(SC_POLL), N(SC_PRIORITIZED_IO),
    N(SC_PRIORITY_SCHEDULING), N(SC_REALTIME_SIGNALS), N(SC_RE_DUP_MAX), N(SC_RTSIG_MAX),
    N(SC_SAVED_IDS), N(SC_SCHAR_MAX), N(SC_SCHAR_MIN), N(SC_SELECT), N(SC_SEMAPHORES),
    N(SC_SEM_NSEMS_MAX), N(SC_SEM_VALUE_MAX), N(SC_SHARED_MEMORY_OBJECTS), N(SC_SHRT_MAX),
    N(SC_SHRT_MIN), N(SC_SIGQUEUE_MAX), N(SC_SSIZE_MAX), N(SC_STREAM_MAX), N(SC_SYNCHRONIZED_IO),
    N(SC_THREADS), N(SC_THREAD_ATTR_STACKADDR), N(SC_THREAD_ATTR_STACKSIZE),
    N(SC_THREAD_DESTRUCTOR_ITERATIONS), N(SC_THREAD_KEYS_MAX), N(SC_THREAD_PRIORITY_SCHEDULING),
    N(SC_THREAD_PRIO_INHERIT), N(SC_THREAD_PRIO_PROTECT), N(SC_THREAD_PROCESS_SHARED),
    N(SC_THREAD_SAFE_FUNCTIONS), N(SC_THREAD_STACK_MIN), N(SC_THREAD_THREADS_MAX), N(SC_TIMERS),
    N(SC_TIMER_MAX), N(SC_TTY_NAME_MAX), N(SC_TZNAME_MAX), N(SC_T_IOV_MAX), N(SC_UCHAR_MAX),
    N(SC_UINT_MAX), N(SC_UIO_MAXIOV), N(SC_ULONG_MAX), N(SC_USHRT_MAX), N(SC_VERSION),
    N(SC_WORD_BIT), N(SC_XBS5_ILP32_OFF32), N(SC_XBS5_ILP32_OFFBIG), N(SC_XBS5_LP64_OFF64),
    N(SC_XBS5_LPBIG_OFFBIG), N(SC_XOPEN_CRYPT), N(SC_XOPEN_ENH_I18N), N(SC_XOPEN_LEGACY),
    N(SC_XOPEN_REALTIME), N(SC_XOPEN_REALTIME_THREADS), N(SC_XOPEN_SHM), N(SC_XOPEN_UNIX),
    N(SC_XOPEN_VERSION), N(SC_XOPEN_XCU_VERSION), N(SC_XOPEN_XPG2), N(SC_XOPEN_XPG3),
    N(SC_XOPEN_XPG4),
    {NULL, 0},
};
static const PinfoName pinfo_confstr_names[] = {
    N(CS_GNU_LIBC_VERSION), N(CS_GNU_LIBPTHREAD_VERSION), N(CS_LFS64_CFLAGS), N(CS_LFS64_LDFLAGS),
    N(CS_LFS64_LIBS), N(CS_LFS64_LINTFLAGS), N(CS_LFS_CFLAGS), N(CS_LFS_LDFLAGS), N(CS_LFS_LIBS),
    N(CS_LFS_LINTFLAGS), N(CS_PATH), N(CS_XBS5_ILP32_OFF32_CFLAGS), N(CS_XBS5_ILP32_OFF32_LDFLAGS),
    N(CS_XBS5_ILP32_OFF32_LIBS), N(CS_XBS5_ILP32_OFF32_LINTFLAGS), N(CS_XBS5_ILP32_OFFBIG_CFLAGS),
    N(CS_XBS5_ILP32_OFFBIG_LDFLAGS), N(CS_XBS5_ILP32_OFFBIG_LIBS),
    N(CS_XBS5_ILP32_OFFBIG_LINTFLAGS), N(CS_XBS5_LP64_OFF64_CFLAGS), N(CS_XBS5_LP64_OFF64_LDFLAGS),
    N(CS_XBS5_LP64_OFF64_LIBS), N(CS_XBS5_LP64_OFF64_LINTFLAGS), N(CS_XBS5_LPBIG_OFFBIG_CFLAGS),
    N(CS_XBS5_LPBIG_OFFBIG_LDFLAGS), N(CS_XBS5_LPBIG_OFFBIG_LIBS),
    N(CS_XBS5_LPBIG_OFFBIG_LINTFLAGS),
    {NULL, 0},
};
static const PinfoName pinfo_pathconf_names[] = {
    N(PC_ALLOC_SIZE_MIN), N(PC_ASYNC_IO), N(PC_CHOWN_RESTRICTED), N(PC_FILESIZEBITS),
    N(PC_LINK_MAX), N(PC_MAX_CANON), N(PC_MAX_INPUT), N(PC_NAME_MAX), N(PC_NO_TRUNC),
    N(PC_PATH_MAX), N(PC_PIPE_BUF), N(PC_PRIO_IO), N(PC_REC_INCR_XFER_SIZE),
    N(PC_REC_MAX_XFER_SIZE), N(PC_REC_MIN_XFER_SIZE), N(PC_REC_XFER_ALIGN), N(PC_SOCK_MAXBUF),
    N(PC_SYMLINK_MAX), N(PC_SYNC_IO), N(PC_VDISABLE),
    {NULL, 0},
};
#undef N

/* The dict a *_names table makes (the module's sysconf_names...). */
static Value pinfo_names_dict(const PinfoName *t) {
    Value d = dict_new();
    for (; !IS_NULL(d) && t->name; t++)
        if (dict_set_c(d, t->name, MK_SMALLINT(t->value)) < 0) d = VAL_NULL;
    return d;
}

/* A configuration name: an int, or a str from the table (CPython's conv_confname). */
static int pinfo_confname(Value v, const PinfoName *t, int *out) {
    if (IS_INT(v)) return arg_to_int(v, out);
    if (!IS_STR(v)) {
        err_format(&exc_TypeError, "configuration names must be strings or integers");
        return -1;
    }
    for (; t->name; t++)
        if ((size_t)STR_LEN(v) == strlen(t->name) && memcmp(STR_DATA(v), t->name, STR_LEN(v)) == 0) {
            *out = t->value;
            return 0;
        }
    err_format(&exc_ValueError, "unrecognized configuration name");
    return -1;
}

static Value pinfo_sysconf(Value *args, int nargs, Value kwnames) {
    int name;
    if (pinfo_confname(args[0], pinfo_sysconf_names, &name) < 0) return VAL_NULL;
    errno = 0;
    long r = sysconf(name);
    if (r == -1 && errno) return os_error(VAL_NULL);
    return int_from_i64(r);
}

static Value pinfo_confstr(Value *args, int nargs, Value kwnames) {
    int name;
    if (pinfo_confname(args[0], pinfo_confstr_names, &name) < 0) return VAL_NULL;
    char buf[256];
    errno = 0;
    size_t n = confstr(name, buf, sizeof buf);
    if (n == 0) return errno ? os_error(VAL_NULL) : VAL_NONE;
    if (n <= sizeof buf) return str_fsdecode(buf, n - 1);
    char *big = malloc(n);
    if (!big) return err_no_memory();
    confstr(name, big, n);
    Value r = str_fsdecode(big, n - 1);
    free(big);
    return r;
}

static Value pinfo_pathconf_result(long r) {
    if (r == -1 && errno) return VAL_NULL;
    return int_from_i64(r);
}

/* pathconf(path, name): path may be a descriptor. */
static Value pinfo_pathconf(Value *args, int nargs, Value kwnames) {
    OsPath p;
    int name, fd, isfd = os_path_or_fd(args[0], &p, &fd, "pathconf", "path");
    if (isfd < 0 || pinfo_confname(args[1], pinfo_pathconf_names, &name) < 0) return VAL_NULL;
    errno = 0;
    long r = isfd ? fpathconf(fd, name) : pathconf(p.s, name);
    Value v = pinfo_pathconf_result(r);
    return IS_NULL(v) ? os_error(isfd ? args[0] : p.obj) : v;
}

static Value pinfo_fpathconf(Value *args, int nargs, Value kwnames) {
    OsPath p;
    int name, fd, isfd = os_path_or_fd(args[0], &p, &fd, "fpathconf", "fd");
    if (isfd < 0 || pinfo_confname(args[1], pinfo_pathconf_names, &name) < 0) return VAL_NULL;
    errno = 0;
    long r = isfd ? fpathconf(fd, name) : pathconf(p.s, name);
    Value v = pinfo_pathconf_result(r);
    return IS_NULL(v) ? os_error(isfd ? VAL_NULL : p.obj) : v;
}

/* ---------------------------------------------------------------- scheduling */

static const char *const pinfo_sched_fields[] = {"sched_priority"};
static StructSeqDesc pinfo_sched_desc = {"posix.sched_param", pinfo_sched_fields, 1, 1};

static Value pinfo_sched_param_new(int prio) {
    Value r = structseq_new(&pinfo_sched_desc);
    if (!IS_NULL(r)) STRUCTSEQ_ITEMS(r)[0] = MK_SMALLINT(prio);
    return r;
}

/* sched_param(sched_priority) */
static Value pinfo_sched_param_new_m(Value *args, int nargs, Value kwnames) {
    static const char *const names[] = {"sched_priority"};
    Value prio;
    if (arg_parse("sched_param", args + 1, nargs - 1, kwnames, names, 1, 0, 1, &prio) < 0) return VAL_NULL;
    Value r = structseq_new(&pinfo_sched_desc);
    if (!IS_NULL(r)) STRUCTSEQ_ITEMS(r)[0] = prio;
    return r;
}

static const MethodDef pinfo_sched_new_def[] = {
    {"__new__", pinfo_sched_param_new_m, METH_STATIC | ARGS_ANY, NULL},
    {NULL, NULL, 0, NULL},
};

/* A sched_param argument ("must have a sched_param object"). */
static int pinfo_sched_arg(Value v, struct sched_param *sp) {
    if (val_type(v) != structseq_type(&pinfo_sched_desc)) {
        err_format(&exc_TypeError, "must have a sched_param object");
        return -1;
    }
    Value p = STRUCTSEQ_ITEMS(v)[0];
    int64_t x;
    if (!IS_INT(p)) {
        err_format(&exc_TypeError, "an integer is required");
        return -1;
    }
    if (int_to_i64(p, &x) < 0 || x < INT32_MIN || x > INT32_MAX) {
        err_clear();
        err_format(&exc_OverflowError, "sched_priority out of range");
        return -1;
    }
    sp->sched_priority = (int)x;
    return 0;
}

static Value pinfo_sched_yield(Value *args, int nargs, Value kwnames) {
    int r;
    GIL_BLOCKING_BEGIN(OS_GIL_REASON);
    r = sched_yield();
    GIL_BLOCKING_END();
    return r < 0 ? os_error(VAL_NULL) : VAL_NONE;
}

static Value pinfo_prio_limit(Value *args, int max) {
    int policy;
    if (arg_to_int(args[0], &policy) < 0) return VAL_NULL;
    int r = max ? sched_get_priority_max(policy) : sched_get_priority_min(policy);
    return r < 0 ? os_error(VAL_NULL) : MK_SMALLINT(r);
}
static Value pinfo_sched_get_priority_max(Value *a, int n, Value k) { return pinfo_prio_limit(a, 1); }
static Value pinfo_sched_get_priority_min(Value *a, int n, Value k) { return pinfo_prio_limit(a, 0); }

static Value pinfo_sched_getscheduler(Value *args, int nargs, Value kwnames) {
    int pid;
    if (arg_to_cint(args[0], &pid) < 0) return VAL_NULL;
    int r = sched_getscheduler(pid);
    return r < 0 ? os_error(VAL_NULL) : MK_SMALLINT(r);
}

static Value pinfo_sched_setscheduler(Value *args, int nargs, Value kwnames) {
    int pid, policy;
    struct sched_param sp;
    if (arg_to_cint(args[0], &pid) < 0 || arg_to_int(args[1], &policy) < 0 || pinfo_sched_arg(args[2], &sp) < 0)
        return VAL_NULL;
    return sched_setscheduler(pid, policy, &sp) < 0 ? os_error(VAL_NULL) : VAL_NONE;
}

static Value pinfo_sched_getparam(Value *args, int nargs, Value kwnames) {
    int pid;
    struct sched_param sp;
    if (arg_to_cint(args[0], &pid) < 0) return VAL_NULL;
    if (sched_getparam(pid, &sp) < 0) return os_error(VAL_NULL);
    return pinfo_sched_param_new(sp.sched_priority);
}

static Value pinfo_sched_setparam(Value *args, int nargs, Value kwnames) {
    int pid;
    struct sched_param sp;
    if (arg_to_cint(args[0], &pid) < 0 || pinfo_sched_arg(args[1], &sp) < 0) return VAL_NULL;
    return sched_setparam(pid, &sp) < 0 ? os_error(VAL_NULL) : VAL_NONE;
}

static Value pinfo_sched_rr_get_interval(Value *args, int nargs, Value kwnames) {
    int pid;
    struct timespec ts;
    if (arg_to_cint(args[0], &pid) < 0) return VAL_NULL;
    if (sched_rr_get_interval(pid, &ts) < 0) return os_error(VAL_NULL);
    return MK_FLOAT((double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec);
}

static Value pinfo_sched_getaffinity(Value *args, int nargs, Value kwnames) {
    int pid;
    if (arg_to_cint(args[0], &pid) < 0) return VAL_NULL;
    for (int ncpus = 1024;; ncpus *= 2) {
        cpu_set_t *set = CPU_ALLOC(ncpus);
        if (!set) return err_no_memory();
        size_t size = CPU_ALLOC_SIZE(ncpus);
        if (sched_getaffinity(pid, size, set) == 0) {
            Value res = set_new(&type_set);
            int count = CPU_COUNT_S(size, set);
            for (int cpu = 0; !IS_NULL(res) && count > 0; cpu++)
                if (CPU_ISSET_S(cpu, size, set)) {
                    count--;
                    if (set_add(res, MK_SMALLINT(cpu)) < 0) res = VAL_NULL;
                }
            CPU_FREE(set);
            return res;
        }
        CPU_FREE(set);
        if (errno != EINVAL || ncpus > (1 << 20)) return os_error(VAL_NULL);
    }
}

static Value pinfo_sched_setaffinity(Value *args, int nargs, Value kwnames) {
    int pid;
    if (arg_to_cint(args[0], &pid) < 0) return VAL_NULL;
    Value it = obj_iter(args[1]);
    if (IS_NULL(it)) return VAL_NULL;
    int ncpus = 1024;
    cpu_set_t *set = CPU_ALLOC(ncpus);
    if (!set) return err_no_memory();
    CPU_ZERO_S(CPU_ALLOC_SIZE(ncpus), set);
    Value item;
    while (!IS_NULL(item = obj_next(it))) {
        if (!IS_INT(item)) {
            CPU_FREE(set);
            return err_format(&exc_TypeError, "expected an iterator of ints, but iterator yielded %T", item);
        }
        int64_t cpu;
        if (int_to_i64(item, &cpu) < 0 || cpu < 0 || cpu > INT32_MAX) {
            CPU_FREE(set);
            if (cpu < 0 && !err_occurred()) return err_format(&exc_ValueError, "negative CPU number");
            err_clear();
            return err_format(&exc_OverflowError, "invalid CPU number");
        }
        while (cpu >= ncpus) {
            int n2 = ncpus * 2;
            cpu_set_t *s2 = CPU_ALLOC(n2);
            if (!s2) { CPU_FREE(set); return err_no_memory(); }
            CPU_ZERO_S(CPU_ALLOC_SIZE(n2), s2);
            memcpy(s2, set, CPU_ALLOC_SIZE(ncpus));
            CPU_FREE(set);
            set = s2, ncpus = n2;
        }
        CPU_SET_S((int)cpu, CPU_ALLOC_SIZE(ncpus), set);
    }
    if (err_occurred()) { CPU_FREE(set); return VAL_NULL; }
    int r = sched_setaffinity(pid, CPU_ALLOC_SIZE(ncpus), set);
    CPU_FREE(set);
    return r < 0 ? os_error(VAL_NULL) : VAL_NONE;
}

/* ---------------------------------------------------------------- misc */

static Value pinfo_strerror(Value *args, int nargs, Value kwnames) {
    int code;
    if (arg_to_int(args[0], &code) < 0) return VAL_NULL;
    const char *s = strerror(code);
    return str_decode_utf8_lossy(s, strlen(s));
}

static Value pinfo_ctermid(Value *args, int nargs, Value kwnames) {
    char buf[L_ctermid];
    if (!ctermid(buf)) return os_error(VAL_NULL);
    return str_fsdecode(buf, strlen(buf));
}

/* Fill n bytes with getrandom(flags), retrying short reads and EINTR. */
static Value pinfo_random_bytes(int64_t n, int flags) {
    Bytes *b = bytes_alloc((size_t)n);
    if (!b) return VAL_NULL;
    int64_t got = 0;
    while (got < n) {
        ssize_t r = getrandom(b->data + got, (size_t)(n - got), flags);
        if (r < 0) {
            if (errno == EINTR) {
                if (sig_check() < 0) return VAL_NULL;
                continue;
            }
            return os_error(VAL_NULL);
        }
        got += r;
        if (flags & GRND_NONBLOCK) break;
    }
    if (got < n) return bytes_new((const char *)b->data, (size_t)got);
    return MK_OBJ(b);
}

static Value pinfo_urandom(Value *args, int nargs, Value kwnames) {
    int64_t n;
    if (arg_to_ssize(args[0], &n) < 0) return VAL_NULL;
    if (n < 0) return err_format(&exc_ValueError, "negative argument not allowed");
    return pinfo_random_bytes(n, 0);
}

/* getrandom(size, flags=0) */
static Value pinfo_getrandom(Value *args, int nargs, Value kwnames) {
    int64_t n;
    int flags = 0;
    if (arg_to_ssize(args[0], &n) < 0 || (!IS_NULL(args[1]) && arg_to_int(args[1], &flags) < 0)) return VAL_NULL;
    if (n < 0) { errno = EINVAL; return os_error(VAL_NULL); }
    return pinfo_random_bytes(n, flags);
}

const MethodDef pinfo_methods[] = {
    {"uname", pinfo_uname, ARGS_NONE, "Return an object identifying the current operating system."},
    {"times", pinfo_times, ARGS_NONE, "Return a collection containing process timing information."},
    {"getloadavg", pinfo_getloadavg, ARGS_NONE, "Return average recent system load information."},
    {"cpu_count", pinfo_cpu_count, ARGS_NONE, "Return the number of CPUs in the system; return None if indeterminable."},
    {"sysconf", pinfo_sysconf, ARGS_ONE, "Return an integer-valued system configuration variable."},
    {"confstr", pinfo_confstr, ARGS_ONE, "Return a string-valued system configuration variable."},
    {"pathconf", pinfo_pathconf, ARGS_KW, "Return the configuration limit name for the file or directory path.",
     "($module, /, path, name)"},
    {"fpathconf", pinfo_fpathconf, ARGS_POS(2, 2), "Return the configuration limit name for the file descriptor fd."},
    {"sched_yield", pinfo_sched_yield, ARGS_NONE, "Voluntarily relinquish the CPU."},
    {"sched_get_priority_max", pinfo_sched_get_priority_max, ARGS_KW, "Get the maximum scheduling priority for policy.",
     "($module, /, policy)"},
    {"sched_get_priority_min", pinfo_sched_get_priority_min, ARGS_KW, "Get the minimum scheduling priority for policy.",
     "($module, /, policy)"},
    {"sched_getscheduler", pinfo_sched_getscheduler, ARGS_ONE, "Get the scheduling policy for the process identified by pid."},
    {"sched_setscheduler", pinfo_sched_setscheduler, ARGS_POS(3, 3), "Set the scheduling policy for the process identified by pid."},
    {"sched_getparam", pinfo_sched_getparam, ARGS_ONE, "Returns scheduling parameters for the process identified by pid."},
    {"sched_setparam", pinfo_sched_setparam, ARGS_POS(2, 2), "Set scheduling parameters for the process identified by pid."},
    {"sched_rr_get_interval", pinfo_sched_rr_get_interval, ARGS_ONE, "Return the round-robin quantum for the process identified by pid, in seconds."},
    {"sched_getaffinity", pinfo_sched_getaffinity, ARGS_ONE, "Return the affinity of the process identified by pid (or the current process if zero)."},
    {"sched_setaffinity", pinfo_sched_setaffinity, ARGS_POS(2, 2), "Set the CPU affinity of the process identified by pid to mask."},
    {"strerror", pinfo_strerror, ARGS_ONE, "Translate an error code to a message string."},
    {"ctermid", pinfo_ctermid, ARGS_NONE, "Return the name of the controlling terminal for this process."},
    {"urandom", pinfo_urandom, ARGS_ONE, "Return a bytes object containing random bytes suitable for cryptographic use."},
    {"getrandom", pinfo_getrandom, ARGS_KW, "Obtain a series of random bytes.", "($module, /, size, flags=0)"},
    {NULL, NULL, 0, NULL},
};

int pinfo_init(Value d) {
    Value names[3] = {pinfo_names_dict(pinfo_sysconf_names), pinfo_names_dict(pinfo_confstr_names),
                      pinfo_names_dict(pinfo_pathconf_names)};
    if (IS_NULL(names[0]) || IS_NULL(names[1]) || IS_NULL(names[2]) ||
        dict_set_c(d, "sysconf_names", names[0]) < 0 || dict_set_c(d, "confstr_names", names[1]) < 0 ||
        dict_set_c(d, "pathconf_names", names[2]) < 0 ||
        dict_set_c(d, "uname_result", MK_OBJ(structseq_type(&pinfo_uname_desc))) < 0 ||
        dict_set_c(d, "times_result", MK_OBJ(structseq_type(&pinfo_times_desc))) < 0 ||
        dict_set_c(d, "sched_param", MK_OBJ(structseq_type(&pinfo_sched_desc))) < 0)
        return -1;
    Type *sp = structseq_type(&pinfo_sched_desc);
    dict_add_methods(sp->dict, pinfo_sched_new_def, MK_OBJ(sp));
    type_update_slots(sp, str_intern_c("__new__"));
    return err_occurred() ? -1 : 0;
}
