/* mod_posix_proc.c - the posix module's process calls (see posix.h).
 *
 * fork() goes through the runtime's protocol (runtime/fork.c) with the
 * register_at_fork() callbacks around it in CPython's order: `before` ones
 * last registered first, `after_in_parent` and `after_in_child` in
 * registration order; an exception in one is reported as unraisable.
 *
 * The exec and posix_spawn calls build their argv/envp arrays from bytes
 * objects kept in a list on the C stack (the collector sees it), so the
 * strings stay put until the call returns.  The wait calls release the GIL
 * and retry on EINTR after the signal handlers ran (PEP 475).
 */
#define _GNU_SOURCE 1
#include <grp.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "posix.h"
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/finalize.h"
#include "runtime/fork.h"
#include "runtime/gc.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_float.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_str.h"
#include "runtime/state.h"
#include "runtime/structseq.h"
#include "interp/import.h"

extern char **environ;

/* ---------------------------------------------------------------- ids */

static Value pproc_getpid(Value *args, int nargs, Value kwnames) { return MK_SMALLINT(getpid()); }
static Value pproc_getppid(Value *args, int nargs, Value kwnames) { return MK_SMALLINT(getppid()); }
static Value pproc_getuid(Value *args, int nargs, Value kwnames) { return int_from_u64(getuid()); }
static Value pproc_getgid(Value *args, int nargs, Value kwnames) { return int_from_u64(getgid()); }
static Value pproc_geteuid(Value *args, int nargs, Value kwnames) { return int_from_u64(geteuid()); }
static Value pproc_getegid(Value *args, int nargs, Value kwnames) { return int_from_u64(getegid()); }
static Value pproc_getpgrp(Value *args, int nargs, Value kwnames) { return MK_SMALLINT(getpgrp()); }

/* A pid argument (pid_t: PyArg_Parse's "i"); one-pid calls share this. */
static Value pproc_pid_call(Value v, pid_t (*fn)(pid_t)) {
    int pid;
    if (arg_to_cint(v, &pid) < 0) return VAL_NULL;
    pid_t r = fn(pid);
    return r < 0 ? os_error(VAL_NULL) : MK_SMALLINT(r);
}
static Value pproc_getpgid(Value *args, int nargs, Value kwnames) { return pproc_pid_call(args[0], getpgid); }
static Value pproc_getsid(Value *args, int nargs, Value kwnames) { return pproc_pid_call(args[0], getsid); }

static Value pproc_setsid(Value *args, int nargs, Value kwnames) {
    return setsid() < 0 ? os_error(VAL_NULL) : VAL_NONE;
}
static Value pproc_setpgrp(Value *args, int nargs, Value kwnames) {
    return setpgid(0, 0) < 0 ? os_error(VAL_NULL) : VAL_NONE;
}
static Value pproc_setpgid(Value *args, int nargs, Value kwnames) {
    int pid, pgrp;
    if (arg_to_cint(args[0], &pid) < 0 || arg_to_cint(args[1], &pgrp) < 0) return VAL_NULL;
    return setpgid(pid, pgrp) < 0 ? os_error(VAL_NULL) : VAL_NONE;
}

/* The set*id calls: which names one, n is how many ids it takes. */
enum { SET_UID, SET_GID, SET_EUID, SET_EGID, SET_REUID, SET_REGID, SET_RESUID, SET_RESGID };
static Value pproc_set_ids(Value *args, int which) {
    static const int nids[] = {1, 1, 1, 1, 2, 2, 3, 3};
    const char *what = which % 2 ? "gid" : "uid";
    unsigned id[3];
    for (int i = 0; i < nids[which]; i++)
        if (os_id_arg(args[i], &id[i], what) < 0) return VAL_NULL;
    int r;
    switch (which) {
    case SET_UID: r = setuid(id[0]); break;
    case SET_GID: r = setgid(id[0]); break;
    case SET_EUID: r = seteuid(id[0]); break;
    case SET_EGID: r = setegid(id[0]); break;
    case SET_REUID: r = setreuid(id[0], id[1]); break;
    case SET_REGID: r = setregid(id[0], id[1]); break;
    case SET_RESUID: r = setresuid(id[0], id[1], id[2]); break;
    default: r = setresgid(id[0], id[1], id[2]); break;
    }
    return r < 0 ? os_error(VAL_NULL) : VAL_NONE;
}
static Value pproc_setuid(Value *a, int n, Value k) { return pproc_set_ids(a, SET_UID); }
static Value pproc_setgid(Value *a, int n, Value k) { return pproc_set_ids(a, SET_GID); }
static Value pproc_seteuid(Value *a, int n, Value k) { return pproc_set_ids(a, SET_EUID); }
static Value pproc_setegid(Value *a, int n, Value k) { return pproc_set_ids(a, SET_EGID); }
static Value pproc_setreuid(Value *a, int n, Value k) { return pproc_set_ids(a, SET_REUID); }
static Value pproc_setregid(Value *a, int n, Value k) { return pproc_set_ids(a, SET_REGID); }
static Value pproc_setresuid(Value *a, int n, Value k) { return pproc_set_ids(a, SET_RESUID); }
static Value pproc_setresgid(Value *a, int n, Value k) { return pproc_set_ids(a, SET_RESGID); }

static Value pproc_getresuid(Value *args, int nargs, Value kwnames) {
    uid_t r, e, s;
    if (getresuid(&r, &e, &s) < 0) return os_error(VAL_NULL);
    return tuple_pack(3, int_from_u64(r), int_from_u64(e), int_from_u64(s));
}
static Value pproc_getresgid(Value *args, int nargs, Value kwnames) {
    gid_t r, e, s;
    if (getresgid(&r, &e, &s) < 0) return os_error(VAL_NULL);
    return tuple_pack(3, int_from_u64(r), int_from_u64(e), int_from_u64(s));
}

static Value pproc_gid_list(const gid_t *g, int n) {
    Value list = list_new(n);
    for (int i = 0; i < n && !IS_NULL(list); i++)
        if (list_append(list, int_from_u64(g[i])) < 0) list = VAL_NULL;
    return list;
}

static Value pproc_getgroups(Value *args, int nargs, Value kwnames) {
    int n = getgroups(0, NULL);
    if (n < 0) return os_error(VAL_NULL);
    gid_t *g = malloc(sizeof(gid_t) * (size_t)(n + 1));
    if (!g) return err_no_memory();
    n = getgroups(n, g);
    Value r = n < 0 ? os_error(VAL_NULL) : pproc_gid_list(g, n);
    free(g);
    return r;
}

static Value pproc_setgroups(Value *args, int nargs, Value kwnames) {
    Value seq = args[0];
    if (!IS_LIST(seq) && !IS_TUPLE(seq)) {
        if (IS_NULL(type_lookup_c(val_type(seq), "__getitem__")) ||
            IS_NULL(type_lookup_c(val_type(seq), "__len__")))
            return err_format(&exc_TypeError, "setgroups argument must be a sequence");
    }
    Value t = seq_to_tuple(seq);
    if (IS_NULL(t)) return VAL_NULL;
    int64_t n = AS_TUPLE(t)->len;
    if (n > sysconf(_SC_NGROUPS_MAX)) return err_format(&exc_ValueError, "too many groups");
    gid_t *g = malloc(sizeof(gid_t) * (size_t)(n + 1));
    if (!g) return err_no_memory();
    for (int64_t i = 0; i < n; i++) {
        unsigned id;
        if (os_id_arg(AS_TUPLE(t)->items[i], &id, "gid") < 0) { free(g); return VAL_NULL; }
        g[i] = id;
    }
    int r = setgroups((size_t)n, g);
    free(g);
    return r < 0 ? os_error(VAL_NULL) : VAL_NONE;
}

/* getgrouplist(user, group): user is a str. */
static Value pproc_getgrouplist(Value *args, int nargs, Value kwnames) {
    if (!IS_STR(args[0]))
        return err_format(&exc_TypeError, "getgrouplist() argument 1 must be str, not %N", args[0]);
    unsigned base;
    Value keep;
    const char *user = str_fsencode(args[0], &keep);
    if (!user || os_id_arg(args[1], &base, "gid") < 0) return VAL_NULL;
    int n = 64;
    for (;;) {
        gid_t *g = malloc(sizeof(gid_t) * (size_t)n);
        if (!g) return err_no_memory();
        int got = n;
        if (getgrouplist(user, base, g, &got) >= 0) {
            Value r = pproc_gid_list(g, got);
            free(g);
            return r;
        }
        free(g);
        n = got > n ? got : n * 2;
        if (n > 65536) { errno = EINVAL; return os_error(VAL_NULL); }
    }
}

/* initgroups(username, gid): username as os.fsencode takes it. */
static Value pproc_initgroups(Value *args, int nargs, Value kwnames) {
    OsPath u;
    unsigned gid;
    Value name = arg_to_path(args[0]);
    if (IS_NULL(name) || os_path_arg(name, &u, "initgroups", "username") < 0 ||
        os_id_arg(args[1], &gid, "gid") < 0)
        return VAL_NULL;
    return initgroups(u.s, gid) < 0 ? os_error(VAL_NULL) : VAL_NONE;
}

static Value pproc_getlogin(Value *args, int nargs, Value kwnames) {
    errno = 0;
    const char *s = getlogin();
    if (s) return str_fsdecode(s, strlen(s));
    if (errno) return os_error(VAL_NULL);
    return err_format(&exc_OSError, "unable to determine login name");
}

/* ---------------------------------------------------------------- priorities */

static Value pproc_nice(Value *args, int nargs, Value kwnames) {
    int inc;
    if (arg_to_int(args[0], &inc) < 0) return VAL_NULL;
    errno = 0;
    int r = nice(inc);
    if (r == -1 && errno) return os_error(VAL_NULL);
    return MK_SMALLINT(r);
}

static Value pproc_getpriority(Value *args, int nargs, Value kwnames) {
    int which, who;
    if (arg_to_int(args[0], &which) < 0 || arg_to_int(args[1], &who) < 0) return VAL_NULL;
    errno = 0;
    int r = getpriority(which, (id_t)who);
    if (r == -1 && errno) return os_error(VAL_NULL);
    return MK_SMALLINT(r);
}

static Value pproc_setpriority(Value *args, int nargs, Value kwnames) {
    int which, who, prio;
    if (arg_to_int(args[0], &which) < 0 || arg_to_int(args[1], &who) < 0 || arg_to_int(args[2], &prio) < 0)
        return VAL_NULL;
    return setpriority(which, (id_t)who, prio) < 0 ? os_error(VAL_NULL) : VAL_NONE;
}

/* ---------------------------------------------------------------- signals and exit */

static Value pproc_kill(Value *args, int nargs, Value kwnames) {
    int pid;
    int64_t sig;                    /* CPython takes a Py_ssize_t and passes it as an int */
    if (arg_to_cint(args[0], &pid) < 0 || arg_to_ssize(args[1], &sig) < 0) return VAL_NULL;
    if (OS_AUDIT_REFUSED("os.kill", "ii", pid, (int)sig)) return VAL_NULL;
    return kill(pid, (int)sig) < 0 ? os_error(VAL_NULL) : VAL_NONE;
}

static Value pproc_killpg(Value *args, int nargs, Value kwnames) {
    int pgid, sig;
    if (arg_to_cint(args[0], &pgid) < 0 || arg_to_int(args[1], &sig) < 0) return VAL_NULL;
    if (OS_AUDIT_REFUSED("os.killpg", "ii", pgid, sig)) return VAL_NULL;
    return killpg(pgid, sig) < 0 ? os_error(VAL_NULL) : VAL_NONE;
}

static Value pproc__exit(Value *args, int nargs, Value kwnames) {
    int code;
    if (arg_to_int(args[0], &code) < 0) return VAL_NULL;
    _exit(code);
}

static Value pproc_abort(Value *args, int nargs, Value kwnames) {
    signal(SIGABRT, SIG_DFL);
    abort();
}

/* ---------------------------------------------------------------- fork */

static Value pproc_before = VAL_NULL, pproc_after_parent = VAL_NULL, pproc_after_child = VAL_NULL;  /* lists */

/* register_at_fork(*, before=None, after_in_child=None, after_in_parent=None) */
static Value pproc_register_at_fork(Value *args, int nargs, Value kwnames) {
    static const char *const names[3] = {"before", "after_in_child", "after_in_parent"};
    Value *lists[3] = {&pproc_before, &pproc_after_child, &pproc_after_parent};
    int given = 0;
    for (int i = 0; i < 3; i++) {
        if (IS_NULL(args[i])) continue;
        if (!call_is_callable(args[i]))
            return err_format(&exc_TypeError, "'%s' must be callable, not %T", names[i], args[i]);
        given = 1;
    }
    if (!given) return err_format(&exc_TypeError, "At least one argument is required.");
    for (int i = 0; i < 3; i++) {
        if (IS_NULL(args[i])) continue;
        if (IS_NULL(*lists[i])) {
            if (IS_NULL(*lists[i] = list_new(0))) return VAL_NULL;
            gc_add_root(lists[i]);
        }
        if (list_append(*lists[i], args[i]) < 0) return VAL_NULL;
    }
    return VAL_NONE;
}

/* Run one list of fork callbacks, forwards or backwards; errors are unraisable. */
static void pproc_run_forkers(Value list, int reverse) {
    if (IS_NULL(list)) return;
    Value copy = seq_to_tuple(list);
    if (IS_NULL(copy)) { fin_write_unraisable(list); return; }
    int64_t n = AS_TUPLE(copy)->len;
    for (int64_t k = 0; k < n; k++) {
        Value f = AS_TUPLE(copy)->items[reverse ? n - 1 - k : k];
        if (IS_NULL(call_value(f, NULL, 0, VAL_NULL))) fin_write_unraisable(f);
    }
}

void os_before_fork(void) { pproc_run_forkers(pproc_before, 1); }
void os_after_fork(pid_t pid) {
    if (pid != 0) pproc_run_forkers(pproc_after_parent, 0);
    else pproc_run_forkers(pproc_after_child, 0);
}

static Value pproc_fork(Value *args, int nargs, Value kwnames) {
    if (OS_AUDIT_REFUSED("os.fork", "")) return VAL_NULL;
    os_before_fork();
    pid_t pid = fork_process();
    int err = errno;
    os_after_fork(pid < 0 ? 1 : pid);
    if (pid < 0) { errno = err; return os_error(VAL_NULL); }
    return MK_SMALLINT(pid);
}

/* ---------------------------------------------------------------- wait */

/* (pid, status, resource.struct_rusage) of wait3/wait4. */
static Value pproc_wait_result(pid_t pid, int status, const struct rusage *ru) {
    Value res = import_module_c("resource");
    Value cls = IS_NULL(res) ? VAL_NULL : obj_getattr_c(res, "struct_rusage");
    if (IS_NULL(cls)) return VAL_NULL;
    double ut = ru->ru_utime.tv_sec + ru->ru_utime.tv_usec * 1e-6;
    double st = ru->ru_stime.tv_sec + ru->ru_stime.tv_usec * 1e-6;
    long rest[14] = {ru->ru_maxrss, ru->ru_ixrss, ru->ru_idrss, ru->ru_isrss, ru->ru_minflt, ru->ru_majflt,
                     ru->ru_nswap, ru->ru_inblock, ru->ru_oublock, ru->ru_msgsnd, ru->ru_msgrcv,
                     ru->ru_nsignals, ru->ru_nvcsw, ru->ru_nivcsw};
    Value items[16] = {MK_FLOAT(ut), MK_FLOAT(st)};
    for (int i = 0; i < 14; i++) items[2 + i] = int_from_i64(rest[i]);
    Value tup = tuple_from_array(items, 16);
    Value r = IS_NULL(tup) ? VAL_NULL : call_value(cls, &tup, 1, VAL_NULL);
    return IS_NULL(r) ? VAL_NULL : tuple_pack(3, MK_SMALLINT(pid), MK_SMALLINT(status), r);
}

static Value pproc_waitpid(Value *args, int nargs, Value kwnames) {
    int pid, options, status = 0;
    if (arg_to_cint(args[0], &pid) < 0 || arg_to_cint(args[1], &options) < 0) return VAL_NULL;
    pid_t r;
    OS_RETRY(r, waitpid(pid, &status, options));
    if (r < 0) return os_fail(VAL_NULL);
    return tuple_pack(2, MK_SMALLINT(r), MK_SMALLINT(status));
}

static Value pproc_wait(Value *args, int nargs, Value kwnames) {
    int status = 0;
    pid_t r;
    OS_RETRY(r, wait(&status));
    if (r < 0) return os_fail(VAL_NULL);
    return tuple_pack(2, MK_SMALLINT(r), MK_SMALLINT(status));
}

static Value pproc_wait3(Value *args, int nargs, Value kwnames) {
    int options, status = 0;
    struct rusage ru;
    if (arg_to_int(args[0], &options) < 0) return VAL_NULL;
    pid_t r;
    OS_RETRY(r, wait3(&status, options, &ru));
    if (r < 0) return os_fail(VAL_NULL);
    return pproc_wait_result(r, status, &ru);
}

static Value pproc_wait4(Value *args, int nargs, Value kwnames) {
    int pid, options, status = 0;
    struct rusage ru;
    if (arg_to_cint(args[0], &pid) < 0 || arg_to_int(args[1], &options) < 0) return VAL_NULL;
    pid_t r;
    OS_RETRY(r, wait4(pid, &status, options, &ru));
    if (r < 0) return os_fail(VAL_NULL);
    return pproc_wait_result(r, status, &ru);
}

static const char *const pproc_waitid_fields[] = {"si_pid", "si_uid", "si_signo", "si_status", "si_code"};
static StructSeqDesc pproc_waitid_desc = {"posix.waitid_result", pproc_waitid_fields, 5, 5};

/* waitid(idtype, id, options): None when WNOHANG found no child. */
static Value pproc_waitid(Value *args, int nargs, Value kwnames) {
    int idtype, id, options, r;
    if (arg_to_int(args[0], &idtype) < 0 || arg_to_cint(args[1], &id) < 0 || arg_to_int(args[2], &options) < 0)
        return VAL_NULL;
    siginfo_t si;
    si.si_pid = 0;
    OS_RETRY(r, waitid((idtype_t)idtype, (id_t)id, &si, options));
    if (r < 0) return os_fail(VAL_NULL);
    if (si.si_pid == 0) return VAL_NONE;
    Value res = structseq_new(&pproc_waitid_desc);
    if (IS_NULL(res)) return VAL_NULL;
    Value *v = STRUCTSEQ_ITEMS(res);
    v[0] = MK_SMALLINT(si.si_pid), v[1] = int_from_u64(si.si_uid), v[2] = MK_SMALLINT(si.si_signo);
    v[3] = MK_SMALLINT(si.si_status), v[4] = MK_SMALLINT(si.si_code);
    return res;
}

/* The W* macros of a wait status: args = [status]. */
enum { W_IFEXITED, W_EXITSTATUS, W_IFSIGNALED, W_TERMSIG, W_IFSTOPPED, W_STOPSIG, W_COREDUMP, W_IFCONTINUED, W_CODE };
static Value pproc_wait_macro(Value *args, int which) {
    int st;
    if (arg_to_int(args[0], &st) < 0) return VAL_NULL;
    switch (which) {
    case W_IFEXITED: return MK_BOOL(WIFEXITED(st));
    case W_EXITSTATUS: return MK_SMALLINT(WEXITSTATUS(st));
    case W_IFSIGNALED: return MK_BOOL(WIFSIGNALED(st));
    case W_TERMSIG: return MK_SMALLINT(WTERMSIG(st));
    case W_IFSTOPPED: return MK_BOOL(WIFSTOPPED(st));
    case W_STOPSIG: return MK_SMALLINT(WSTOPSIG(st));
    case W_COREDUMP: return MK_BOOL(WCOREDUMP(st));
    case W_IFCONTINUED: return MK_BOOL(WIFCONTINUED(st));
    default:
        if (WIFEXITED(st)) return MK_SMALLINT(WEXITSTATUS(st));
        if (WIFSIGNALED(st)) return MK_SMALLINT(-WTERMSIG(st));
        if (WIFSTOPPED(st))
            return err_format(&exc_ValueError, "process stopped by delivery of signal %d", WSTOPSIG(st));
        return err_format(&exc_ValueError, "invalid wait status: %d", st);
    }
}
static Value pproc_WIFEXITED(Value *a, int n, Value k) { return pproc_wait_macro(a, W_IFEXITED); }
static Value pproc_WEXITSTATUS(Value *a, int n, Value k) { return pproc_wait_macro(a, W_EXITSTATUS); }
static Value pproc_WIFSIGNALED(Value *a, int n, Value k) { return pproc_wait_macro(a, W_IFSIGNALED); }
static Value pproc_WTERMSIG(Value *a, int n, Value k) { return pproc_wait_macro(a, W_TERMSIG); }
static Value pproc_WIFSTOPPED(Value *a, int n, Value k) { return pproc_wait_macro(a, W_IFSTOPPED); }
static Value pproc_WSTOPSIG(Value *a, int n, Value k) { return pproc_wait_macro(a, W_STOPSIG); }
static Value pproc_WCOREDUMP(Value *a, int n, Value k) { return pproc_wait_macro(a, W_COREDUMP); }
static Value pproc_WIFCONTINUED(Value *a, int n, Value k) { return pproc_wait_macro(a, W_IFCONTINUED); }
static Value pproc_waitstatus_to_exitcode(Value *a, int n, Value k) { return pproc_wait_macro(a, W_CODE); }

/* ---------------------------------------------------------------- exec and spawn */

/* An argument or environment string (CPython's PyUnicode_FSConverter): str,
 * bytes or os.PathLike; the bytes go into keep. */
static const char *pproc_fsconvert(Value v, Value keep) {
    Value p = arg_to_path(v);
    if (IS_NULL(p)) return NULL;
    Value enc = p;          /* what holds the bytes: p, or its encoding */
    const char *s = IS_BYTES(p) ? (const char *)AS_BYTES(p)->data : str_fsencode(p, &enc);
    if (!s) return NULL;
    int64_t n = IS_BYTES(enc) ? AS_BYTES(enc)->len : STR_LEN(enc);
    if ((int64_t)strlen(s) != n) {
        err_format(&exc_ValueError, "embedded null byte");
        return NULL;
    }
    return list_append(keep, enc) < 0 ? NULL : s;
}

/* argv as a NULL-terminated malloc'd array (free with free()). */
static char **pproc_argv(Value seq, Value keep, const char *fname, int check_first) {
    if (!IS_LIST(seq) && !IS_TUPLE(seq)) {
        err_format(&exc_TypeError, "%s must be a tuple or list", fname);
        return NULL;
    }
    Value t = seq_to_tuple(seq);
    if (IS_NULL(t)) return NULL;
    int64_t n = AS_TUPLE(t)->len;
    if (n < 1) {
        err_format(&exc_ValueError, "%s must not be empty", fname);
        return NULL;
    }
    char **argv = calloc((size_t)n + 1, sizeof(char *));
    if (!argv) { err_no_memory(); return NULL; }
    for (int64_t i = 0; i < n; i++) {
        if (!(argv[i] = (char *)pproc_fsconvert(AS_TUPLE(t)->items[i], keep))) { free(argv); return NULL; }
        if (i == 0 && check_first && !argv[0][0]) {
            err_format(&exc_ValueError, "%s first element cannot be empty", fname);
            free(argv);
            return NULL;
        }
    }
    return argv;
}

/* env mapping as a NULL-terminated "k=v" array (CPython's parse_envlist). */
static char **pproc_envp(Value env, Value keep, const char *fname) {
    if (IS_NULL(type_lookup_c(val_type(env), "__getitem__"))) {    /* CPython's PyMapping_Check */
        err_format(&exc_TypeError, "%s: environment must be a mapping object", fname);
        return NULL;
    }
    Value kl = obj_call_method(env, "keys", NULL, 0), keys = IS_NULL(kl) ? VAL_NULL : seq_to_tuple(kl);
    if (IS_NULL(keys)) return NULL;
    int64_t n = AS_TUPLE(keys)->len;
    char **envp = calloc((size_t)n + 1, sizeof(char *));
    if (!envp) { err_no_memory(); return NULL; }
    for (int64_t i = 0; i < n; i++) {
        Value k = AS_TUPLE(keys)->items[i], v = obj_getitem(env, k);
        const char *ks = IS_NULL(v) ? NULL : pproc_fsconvert(k, keep);
        const char *vs = ks ? pproc_fsconvert(v, keep) : NULL;
        if (!vs) { free(envp); return NULL; }
        if (!ks[0] || strchr(ks + 1, '=')) {
            err_format(&exc_ValueError, "illegal environment variable name");
            free(envp);
            return NULL;
        }
        size_t kl2 = strlen(ks), vl = strlen(vs);
        Bytes *kv = bytes_alloc(kl2 + vl + 2);
        if (!kv || list_append(keep, MK_OBJ(kv)) < 0) { free(envp); return NULL; }
        char *buf = (char *)kv->data;
        memcpy(buf, ks, kl2);
        buf[kl2] = '=';
        memcpy(buf + kl2 + 1, vs, vl + 1);
        envp[i] = buf;
    }
    return envp;
}

/* execv(path, argv, /) */
static Value pproc_execv(Value *args, int nargs, Value kwnames) {
    OsPath p;
    Value keep = list_new(0);
    if (IS_NULL(keep) || os_path_arg(args[0], &p, "execv", "path") < 0) return VAL_NULL;
    char **argv = pproc_argv(args[1], keep, "execv() arg 2", 1);
    if (!argv) return VAL_NULL;
    if (OS_AUDIT_REFUSED("os.exec", "OOO", args[0], args[1], VAL_NONE)) { free(argv); return VAL_NULL; }
    execv(p.s, argv);
    free(argv);
    return os_error(VAL_NULL);
}

/* execve(path, argv, env): path may be a descriptor (fexecve). */
static Value pproc_execve(Value *args, int nargs, Value kwnames) {
    OsPath p;
    int fd, isfd = os_path_or_fd(args[0], &p, &fd, "execve", "path");
    Value keep = list_new(0);
    if (isfd < 0 || IS_NULL(keep)) return VAL_NULL;
    char **argv = pproc_argv(args[1], keep, "execve: argv", 1), **envp = NULL;
    if (!argv || !(envp = pproc_envp(args[2], keep, "execve"))) { free(argv); return VAL_NULL; }
    if (!OS_AUDIT_REFUSED("os.exec", "OOO", args[0], args[1], args[2])) {
        if (isfd) fexecve(fd, argv, envp);
        else execve(p.s, argv, envp);
        os_error(VAL_NULL);
    }
    free(argv);
    free(envp);
    return VAL_NULL;
}

/* A sequence of signal numbers into a sigset_t (setsigmask, setsigdef). */
static int pproc_sigset(Value seq, sigset_t *set, const char *what) {
    Value t = seq_to_tuple(seq);
    if (IS_NULL(t)) return -1;
    sigemptyset(set);
    for (int64_t i = 0; i < AS_TUPLE(t)->len; i++) {
        int sig;
        if (arg_to_int(AS_TUPLE(t)->items[i], &sig) < 0) return -1;
        if (sig <= 0 || sig >= NSIG) {
            err_format(&exc_ValueError, "signal number %d out of range [1; %d]", sig, NSIG - 1);
            return -1;
        }
        sigaddset(set, sig);
    }
    return 0;
}

/* file_actions: (POSIX_SPAWN_OPEN, fd, path, flags, mode), (POSIX_SPAWN_CLOSE, fd),
 * (POSIX_SPAWN_DUP2, fd, new_fd). */
static int pproc_file_actions(Value seq, posix_spawn_file_actions_t *fa, Value keep) {
    Value t = seq_to_tuple(seq);
    if (IS_NULL(t)) return -1;
    for (int64_t i = 0; i < AS_TUPLE(t)->len; i++) {
        Value a = AS_TUPLE(t)->items[i];
        if (!IS_TUPLE(a) || AS_TUPLE(a)->len == 0) {
            err_format(&exc_TypeError, "Each file_actions element must be a non-empty tuple");
            return -1;
        }
        Value *f = AS_TUPLE(a)->items;
        int64_t n = AS_TUPLE(a)->len;
        int tag, fd, x, y, r;
        if (arg_to_int(f[0], &tag) < 0) return -1;
        if (tag == 0) {     /* POSIX_SPAWN_OPEN */
            OsPath p;
            if (n != 5) goto bad_len;
            if (arg_to_int(f[1], &fd) < 0 || os_path_arg(f[2], &p, "posix_spawn", "path") < 0 ||
                arg_to_int(f[3], &x) < 0 || arg_to_int(f[4], &y) < 0 || list_append(keep, p.enc) < 0)
                return -1;
            r = posix_spawn_file_actions_addopen(fa, fd, p.s, x, (mode_t)y);
        } else if (tag == 1) {  /* POSIX_SPAWN_CLOSE */
            if (n != 2) goto bad_len;
            if (arg_to_int(f[1], &fd) < 0) return -1;
            r = posix_spawn_file_actions_addclose(fa, fd);
        } else if (tag == 2) {  /* POSIX_SPAWN_DUP2 */
            if (n != 3) goto bad_len;
            if (arg_to_int(f[1], &fd) < 0 || arg_to_int(f[2], &x) < 0) return -1;
            r = posix_spawn_file_actions_adddup2(fa, fd, x);
        } else {
            err_format(&exc_TypeError, "Unknown file_actions identifier");
            return -1;
        }
        if (r) { errno = r; os_error(VAL_NULL); return -1; }
        continue;
    bad_len:
        err_format(&exc_TypeError, "A %s file_action tuple must have %d elements",
                   tag == 0 ? "open" : tag == 1 ? "close" : "dup2", tag == 0 ? 5 : tag == 1 ? 2 : 3);
        return -1;
    }
    return 0;
}

/* The keyword arguments of posix_spawn into attributes: args[3..9] =
 * file_actions, setpgroup, resetids, setsid, setsigmask, setsigdef, scheduler. */
static int pproc_spawn_attrs(Value *kw, posix_spawnattr_t *at, posix_spawn_file_actions_t *fa,
                             int *has_fa, Value keep) {
    short flags = 0;
    int pgroup, resetids = 0, setsid_ = 0;
    if (!IS_NULL(kw[0]) && !IS_NONE(kw[0])) {
        if (pproc_file_actions(kw[0], fa, keep) < 0) return -1;
        *has_fa = 1;
    }
    if (!IS_NULL(kw[1]) && !IS_NONE(kw[1])) {
        if (arg_to_cint(kw[1], &pgroup) < 0) return -1;
        posix_spawnattr_setpgroup(at, pgroup);
        flags |= POSIX_SPAWN_SETPGROUP;
    }
    if ((!IS_NULL(kw[2]) && arg_to_int(kw[2], &resetids) < 0) || (!IS_NULL(kw[3]) && arg_to_int(kw[3], &setsid_) < 0))
        return -1;
    if (resetids) flags |= POSIX_SPAWN_RESETIDS;
    if (setsid_) flags |= POSIX_SPAWN_SETSID;
    sigset_t set;
    if (!IS_NULL(kw[4]) && !IS_NONE(kw[4])) {
        if (pproc_sigset(kw[4], &set, "setsigmask") < 0) return -1;
        posix_spawnattr_setsigmask(at, &set);
        flags |= POSIX_SPAWN_SETSIGMASK;
    }
    if (!IS_NULL(kw[5]) && !IS_NONE(kw[5])) {
        if (pproc_sigset(kw[5], &set, "setsigdef") < 0) return -1;
        posix_spawnattr_setsigdefault(at, &set);
        flags |= POSIX_SPAWN_SETSIGDEF;
    }
    if (!IS_NULL(kw[6]) && !IS_NONE(kw[6])) {
        Value s = kw[6];
        int policy, prio;
        if (!IS_TUPLE(s) || AS_TUPLE(s)->len != 2) {
            err_format(&exc_TypeError, "posix_spawn: scheduler must be a tuple");
            return -1;
        }
        Value param = AS_TUPLE(s)->items[1], pol = AS_TUPLE(s)->items[0];
        if (!IS_NONE(pol)) {            /* (None, param): only the parameter */
            if (arg_to_int(pol, &policy) < 0) return -1;
            posix_spawnattr_setschedpolicy(at, policy);
            flags |= POSIX_SPAWN_SETSCHEDULER;
        }
        Value pr = obj_getattr_c(param, "sched_priority");
        if (IS_NULL(pr) || arg_to_int(pr, &prio) < 0) return -1;
        struct sched_param sp = {.sched_priority = prio};
        posix_spawnattr_setschedparam(at, &sp);
        flags |= POSIX_SPAWN_SETSCHEDPARAM;
    }
    posix_spawnattr_setflags(at, flags);
    return 0;
}

static Value pproc_spawn_common(Value *args, int use_path) {
    const char *fname = use_path ? "posix_spawnp" : "posix_spawn";
    OsPath p;
    Value keep = list_new(0);
    if (IS_NULL(keep) || os_path_arg(args[0], &p, fname, "path") < 0) return VAL_NULL;
    char argname[40], *const *argv = NULL, *const *envp = NULL;
    snprintf(argname, sizeof argname, "%s: argv", fname);
    if (!(argv = pproc_argv(args[1], keep, argname, 0))) return VAL_NULL;
    if (!(envp = pproc_envp(args[2], keep, fname))) { free((void *)argv); return VAL_NULL; }
    posix_spawnattr_t at;
    posix_spawn_file_actions_t fa;
    int has_fa = 0;
    posix_spawnattr_init(&at);
    posix_spawn_file_actions_init(&fa);
    Value result = VAL_NULL;
    if (pproc_spawn_attrs(args + 3, &at, &fa, &has_fa, keep) == 0 &&
        !OS_AUDIT_REFUSED("os.posix_spawn", "OOO", args[0], args[1], args[2])) {
        pid_t pid;
        int err;
        GIL_BLOCKING_BEGIN(OS_GIL_REASON);
        err = (use_path ? posix_spawnp : posix_spawn)(&pid, p.s, has_fa ? &fa : NULL, &at, argv, envp);
        GIL_BLOCKING_END();
        if (err) { errno = err; os_error(p.obj); }
        else result = MK_SMALLINT(pid);
    }
    posix_spawnattr_destroy(&at);
    posix_spawn_file_actions_destroy(&fa);
    free((void *)argv);
    free((void *)envp);
    return result;
}
static Value pproc_posix_spawn(Value *a, int n, Value k) { return pproc_spawn_common(a, 0); }
static Value pproc_posix_spawnp(Value *a, int n, Value k) { return pproc_spawn_common(a, 1); }

static Value pproc_system(Value *args, int nargs, Value kwnames) {
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

/* ---------------------------------------------------------------- the table */

#define SPAWN_SIG "($module, path, argv, env, /, *, file_actions=(), setpgroup=None, resetids=False, " \
                  "setsid=False, setsigmask=(), setsigdef=(), scheduler=None)"
const MethodDef pproc_methods[] = {
    {"getpid", pproc_getpid, ARGS_NONE, "Return the current process id."},
    {"getppid", pproc_getppid, ARGS_NONE, "Return the parent's process id."},
    {"getuid", pproc_getuid, ARGS_NONE, "Return the current process's user id."},
    {"getgid", pproc_getgid, ARGS_NONE, "Return the current process's group id."},
    {"geteuid", pproc_geteuid, ARGS_NONE, "Return the current process's effective user id."},
    {"getegid", pproc_getegid, ARGS_NONE, "Return the current process's effective group id."},
    {"getpgid", pproc_getpgid, ARGS_KW, "Call the system call getpgid(), and return the result.", "($module, /, pid)"},
    {"getpgrp", pproc_getpgrp, ARGS_NONE, "Return the current process group id."},
    {"setpgid", pproc_setpgid, ARGS_TUPLE(2, 2), "Call the system call setpgid(pid, pgrp)."},
    {"setpgrp", pproc_setpgrp, ARGS_NONE, "Make the current process the leader of its process group."},
    {"getsid", pproc_getsid, ARGS_ONE, "Call the system call getsid(pid) and return the result."},
    {"setsid", pproc_setsid, ARGS_NONE, "Call the system call setsid()."},
    {"setuid", pproc_setuid, ARGS_ONE, "Set the current process's user id."},
    {"setgid", pproc_setgid, ARGS_ONE, "Set the current process's group id."},
    {"seteuid", pproc_seteuid, ARGS_ONE, "Set the current process's effective user id."},
    {"setegid", pproc_setegid, ARGS_ONE, "Set the current process's effective group id."},
    {"setreuid", pproc_setreuid, ARGS_POS(2, 2), "Set the current process's real and effective user ids."},
    {"setregid", pproc_setregid, ARGS_POS(2, 2), "Set the current process's real and effective group ids."},
    {"setresuid", pproc_setresuid, ARGS_POS(3, 3), "Set the current process's real, effective, and saved user ids."},
    {"setresgid", pproc_setresgid, ARGS_POS(3, 3), "Set the current process's real, effective, and saved group ids."},
    {"getresuid", pproc_getresuid, ARGS_NONE, "Return a tuple of the current process's real, effective, and saved user ids."},
    {"getresgid", pproc_getresgid, ARGS_NONE, "Return a tuple of the current process's real, effective, and saved group ids."},
    {"getgroups", pproc_getgroups, ARGS_NONE, "Return list of supplemental group IDs for the process."},
    {"setgroups", pproc_setgroups, ARGS_ONE, "Set the groups of the current process to list."},
    {"getgrouplist", pproc_getgrouplist, ARGS_TUPLE(2, 2), "Returns a list of groups to which a user belongs."},
    {"initgroups", pproc_initgroups, ARGS_TUPLE(2, 2), "Initialize the group access list."},
    {"getlogin", pproc_getlogin, ARGS_NONE, "Return the actual login name."},
    {"nice", pproc_nice, ARGS_ONE, "Add increment to the priority of process and return the new priority."},
    {"getpriority", pproc_getpriority, ARGS_KW, "Return program scheduling priority.", "($module, /, which, who)"},
    {"setpriority", pproc_setpriority, ARGS_KW, "Set program scheduling priority.", "($module, /, which, who, priority)"},
    {"kill", pproc_kill, ARGS_TUPLE(2, 2), "Kill a process with a signal."},
    {"killpg", pproc_killpg, ARGS_TUPLE(2, 2), "Kill a process group with a signal."},
    {"_exit", pproc__exit, ARGS_KW, "Exit to the system with specified status, without normal exit processing.",
     "($module, /, status)"},
    {"abort", pproc_abort, ARGS_NONE, "Abort the interpreter immediately."},
    {"fork", pproc_fork, ARGS_NONE, "Fork a child process."},
    {"register_at_fork", pproc_register_at_fork, ARGS_KW, "Register callables to be called when forking a new process.",
     "($module, /, *, before=None, after_in_child=None, after_in_parent=None)"},
    {"waitpid", pproc_waitpid, ARGS_TUPLE(2, 2), "Wait for completion of a given child process."},
    {"wait", pproc_wait, ARGS_NONE, "Wait for completion of a child process."},
    {"wait3", pproc_wait3, ARGS_KW, "Wait for completion of a child process.", "($module, /, options)"},
    {"wait4", pproc_wait4, ARGS_KW, "Wait for completion of a specific child process.", "($module, /, pid, options)"},
    {"waitid", pproc_waitid, ARGS_POS(3, 3), "Returns the result of waiting for a process or processes."},
    {"WIFEXITED", pproc_WIFEXITED, ARGS_KW, "Return True if the process returning status exited via the exit() system call.", "($module, /, status)"},
    {"WEXITSTATUS", pproc_WEXITSTATUS, ARGS_KW, "Return the process return code from status.", "($module, /, status)"},
    {"WIFSIGNALED", pproc_WIFSIGNALED, ARGS_KW, "Return True if the process returning status was terminated by a signal.", "($module, /, status)"},
    {"WTERMSIG", pproc_WTERMSIG, ARGS_KW, "Return the signal that terminated the process that provided the status value.", "($module, /, status)"},
    {"WIFSTOPPED", pproc_WIFSTOPPED, ARGS_KW, "Return True if the process returning status was stopped.", "($module, /, status)"},
    {"WSTOPSIG", pproc_WSTOPSIG, ARGS_KW, "Return the signal that stopped the process that provided the status value.", "($module, /, status)"},
    {"WCOREDUMP", pproc_WCOREDUMP, ARGS_ONE, "Return True if the process returning status was dumped to a core file."},
    {"WIFCONTINUED", pproc_WIFCONTINUED, ARGS_KW, "Return True if a particular process was continued from a job control stop.", "($module, /, status)"},
    {"waitstatus_to_exitcode", pproc_waitstatus_to_exitcode, ARGS_KW, "Convert a wait status to an exit code.", "($module, /, status)"},
    {"system", pproc_system, ARGS_KW, "Execute the command in a subshell.", "($module, /, command)"},
    {"execv", pproc_execv, ARGS_POS(2, 2), "Execute an executable path with arguments, replacing current process."},
    {"execve", pproc_execve, ARGS_KW, "Execute an executable path with arguments, replacing current process.",
     "($module, /, path, argv, env)"},
    {"posix_spawn", pproc_posix_spawn, ARGS_KW, "Execute the program specified by path in a new process.",
     SPAWN_SIG},
    {"posix_spawnp", pproc_posix_spawnp, ARGS_KW, "Execute the program specified by path in a new process.",
     SPAWN_SIG},
    {NULL, NULL, 0, NULL},
};

int pproc_init(Value d) {
    return dict_set_c(d, "waitid_result", MK_OBJ(structseq_type(&pproc_waitid_desc)));
}
