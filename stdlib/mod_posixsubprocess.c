/* mod_posixsubprocess.c - the `_posixsubprocess` module: fork_exec, the one
 * call CPython's subprocess makes to start a child.
 *
 * Everything the child needs (argv, envp, the executables to try, the
 * descriptors to keep) is converted to plain C memory before the fork, so
 * that between fork and exec the child runs only async-signal-safe system
 * calls: no allocation, no Python object, no lock another thread might have
 * held.  The GIL is released around that part in the parent.  Only a
 * preexec_fn needs Python in the child; then the fork goes through gilpy's
 * fork protocol (runtime/fork.c) so the child has a working interpreter.
 *
 * A failure in the child travels back over errpipe_write in CPython's format,
 * which subprocess.py parses: "OSError:<hex errno>:noexec" for a failure
 * before the preexec_fn point (subprocess then names cwd in the error),
 * "OSError:<hex errno>:" after it (it names the executable), and
 * "SubprocessError:0:<message>" when the preexec_fn raised.
 */
#define _GNU_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "posix.h"
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/fork.h"
#include "runtime/gil.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/signals.h"
#include "runtime/state.h"
#include "interp/modreg.h"

GILPY_MODULE("_posixsubprocess", mod_posixsubprocess_init);

/* What the child needs, in C memory. */
typedef struct {
    char **argv, **envp, **exes;   /* NULL-terminated; envp NULL: inherit environ */
    char *cwd;
    int *keep;                     /* sorted descriptors to keep open */
    int nkeep, close_fds;
    int p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write;
    int restore_signals, call_setsid, pgid_to_set, child_umask;
    int from_thread;               /* forked by a non-main thread, which blocks SIGINT/SIGTERM */
    int has_gid, has_uid, ngroups;
    gid_t gid, *groups;
    uid_t uid;
    Value preexec_fn;
} ChildSpec;

static void spec_free_list(char **list) {
    if (!list) return;
    for (char **p = list; *p; p++) free(*p);
    free(list);
}

static void spec_free(ChildSpec *s) {
    spec_free_list(s->argv);
    spec_free_list(s->envp);
    spec_free_list(s->exes);
    free(s->cwd);
    free(s->keep);
    free(s->groups);
}

/* A path-like or bytes as a malloc'd NUL-terminated copy (file system encoding). */
static char *spec_bytes(Value v) {
    Value p = arg_to_path(v);
    if (IS_NULL(p)) return NULL;
    Value keep;
    const char *s;
    size_t n;
    if (IS_STR(p)) {
        s = str_fsencode(p, &keep);
        if (!s) return NULL;
        n = strlen(s);
        if ((int64_t)n != (IS_BYTES(keep) ? AS_BYTES(keep)->len : STR_LEN(keep))) goto embedded;
    } else {
        s = (const char *)AS_BYTES(p)->data;
        n = (size_t)AS_BYTES(p)->len;
        if (memchr(s, 0, n)) goto embedded;
    }
    char *copy = malloc(n + 1);
    if (!copy) { err_no_memory(); return NULL; }
    memcpy(copy, s, n + 1);
    return copy;
embedded:
    err_format(&exc_ValueError, "embedded null byte");
    return NULL;
}

/* A sequence of path-likes as a NULL-terminated malloc'd array. */
static char **spec_list(Value seq) {
    Value t = seq_to_tuple(seq);
    if (IS_NULL(t)) return NULL;
    int64_t n = AS_TUPLE(t)->len;
    char **out = calloc((size_t)n + 1, sizeof(char *));
    if (!out) { err_no_memory(); return NULL; }
    for (int64_t i = 0; i < n; i++)
        if (!(out[i] = spec_bytes(AS_TUPLE(t)->items[i]))) {
            for (int64_t k = 0; k < i; k++) free(out[k]);
            free(out);
            return NULL;
        }
    return out;
}

static int spec_int(Value v, int *out) { return arg_to_int(v, out); }

static int spec_fill(ChildSpec *s, Value *a) {
    memset(s, 0, sizeof *s);
    s->preexec_fn = a[21];
    if (!(s->argv = spec_list(a[0]))) return -1;
    if (!IS_NONE(a[1]) && !(s->exes = spec_list(a[1]))) return -1;
    s->close_fds = obj_truthy(a[2]);
    if (!IS_TUPLE(a[3])) { err_format(&exc_TypeError, "pass_fds must be a tuple"); return -1; }
    s->nkeep = (int)AS_TUPLE(a[3])->len;
    s->keep = calloc((size_t)s->nkeep + 1, sizeof(int));
    if (!s->keep) { err_no_memory(); return -1; }
    for (int i = 0; i < s->nkeep; i++) {
        if (spec_int(AS_TUPLE(a[3])->items[i], &s->keep[i]) < 0) return -1;
        if (s->keep[i] < 0 || (i > 0 && s->keep[i] < s->keep[i - 1])) {
            err_format(&exc_ValueError, "bad value(s) in fds_to_keep");
            return -1;
        }
    }
    if (!IS_NONE(a[4]) && !(s->cwd = spec_bytes(a[4]))) return -1;
    if (!IS_NONE(a[5]) && !(s->envp = spec_list(a[5]))) return -1;
    int *fds[] = {&s->p2cread, &s->p2cwrite, &s->c2pread, &s->c2pwrite, &s->errread, &s->errwrite,
                  &s->errpipe_read, &s->errpipe_write};
    for (int i = 0; i < 8; i++) if (spec_int(a[6 + i], fds[i]) < 0) return -1;
    s->restore_signals = obj_truthy(a[14]);
    s->call_setsid = obj_truthy(a[15]);
    if (spec_int(a[16], &s->pgid_to_set) < 0) return -1;
    if (!IS_NONE(a[17])) {
        int g;
        if (spec_int(a[17], &g) < 0) return -1;
        s->has_gid = 1, s->gid = (gid_t)g;
    }
    if (!IS_NONE(a[18])) {
        Value t = seq_to_tuple(a[18]);
        if (IS_NULL(t)) return -1;
        s->ngroups = (int)AS_TUPLE(t)->len;
        s->groups = calloc((size_t)s->ngroups + 1, sizeof(gid_t));
        if (!s->groups) { err_no_memory(); return -1; }
        for (int i = 0; i < s->ngroups; i++) {
            int g;
            if (spec_int(AS_TUPLE(t)->items[i], &g) < 0) return -1;
            s->groups[i] = (gid_t)g;
        }
        s->has_gid |= 2;
    }
    if (!IS_NONE(a[19])) {
        int u;
        if (spec_int(a[19], &u) < 0) return -1;
        s->has_uid = 1, s->uid = (uid_t)u;
    }
    return spec_int(a[20], &s->child_umask);
}

/* ---- the child: async-signal-safe calls only ------------------------------------------ */

static void child_write(int fd, const char *s, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return;
        s += w, n -= (size_t)w;
    }
}

static void child_report(int fd, int err, const char *tail) {
    char hex[20], *p = hex + sizeof hex;
    unsigned e = (unsigned)err;
    do { *--p = "0123456789abcdef"[e % 16]; e /= 16; } while (e && p > hex);
    child_write(fd, "OSError:", 8);
    child_write(fd, p, (size_t)(hex + sizeof hex - p));
    child_write(fd, ":", 1);
    child_write(fd, tail, strlen(tail));
}

static int child_set_inheritable(int fd) {
    int flags = fcntl(fd, F_GETFD);
    return flags < 0 ? -1 : (flags & FD_CLOEXEC) ? fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC) : 0;
}

/* Close every descriptor from 3 up except the kept ones. */
static void child_close_fds(const ChildSpec *s, long maxfd) {
    int lo = 3;
    for (int i = 0; i <= s->nkeep; i++) {
        int hi = i < s->nkeep ? s->keep[i] - 1 : -1;       /* -1: to the end */
        if (hi >= 0 && hi < lo) { if (s->keep[i] >= lo) lo = s->keep[i] + 1; continue; }
#ifdef SYS_close_range
        if (syscall(SYS_close_range, (unsigned)lo, hi < 0 ? ~0u : (unsigned)hi, 0) < 0)
#endif
            for (long fd = lo; fd <= (hi < 0 ? maxfd : hi); fd++) close((int)fd);
        if (i < s->nkeep) lo = s->keep[i] + 1;
    }
}

/* dup2 that also clears close-on-exec when the descriptor is already in place. */
static int child_dup_to(int fd, int target) {
    if (fd == target) return child_set_inheritable(fd);
    return dup2(fd, target) < 0 ? -1 : 0;
}

static void child_exec(const ChildSpec *s, long maxfd) {
    const char *stage = "noexec";
    if (s->p2cwrite != -1) close(s->p2cwrite);
    if (s->c2pread != -1) close(s->c2pread);
    if (s->errread != -1) close(s->errread);
    close(s->errpipe_read);
    int c2pwrite = s->c2pwrite, errwrite = s->errwrite;
    /* The descriptors that go to 0, 1 and 2 must not be overwritten on the way. */
    if (c2pwrite == 0 && (c2pwrite = fcntl(c2pwrite, F_DUPFD_CLOEXEC, 3)) < 0) goto fail;
    while (errwrite == 0 || errwrite == 1)
        if ((errwrite = fcntl(errwrite, F_DUPFD_CLOEXEC, 3)) < 0) goto fail;
    if (s->p2cread != -1 && child_dup_to(s->p2cread, 0) < 0) goto fail;
    if (c2pwrite != -1 && child_dup_to(c2pwrite, 1) < 0) goto fail;
    if (errwrite != -1 && child_dup_to(errwrite, 2) < 0) goto fail;
    if (s->cwd && chdir(s->cwd) < 0) goto fail;
    if (s->child_umask >= 0) umask((mode_t)s->child_umask);
    if (s->restore_signals) { signal(SIGPIPE, SIG_DFL); signal(SIGXFSZ, SIG_DFL); }
    if (s->from_thread) sig_unblock_in_main();     /* exec keeps the mask: not gilpy's */
    if (s->call_setsid && setsid() < 0) goto fail;
    if (s->pgid_to_set >= 0 && setpgid(0, s->pgid_to_set) < 0) goto fail;
    if ((s->has_gid & 2) && setgroups((size_t)s->ngroups, s->groups) < 0) goto fail;
    if ((s->has_gid & 1) && setregid(s->gid, s->gid) < 0) goto fail;
    if (s->has_uid && setreuid(s->uid, s->uid) < 0) goto fail;
    stage = "";                     /* from here on, the parent blames the executable */
    if (!IS_NONE(s->preexec_fn)) {
        if (IS_NULL(call0(s->preexec_fn))) {
            child_write(s->errpipe_write, "SubprocessError:0:Exception occurred in preexec_fn.", 51);
            _exit(255);
        }
    }
    for (int i = 0; i < s->nkeep; i++)
        if (s->keep[i] != s->errpipe_write && s->keep[i] > 2) child_set_inheritable(s->keep[i]);
    if (s->close_fds) child_close_fds(s, maxfd);
    int saved = 0;
    extern char **environ;
    for (char *const *exe = s->exes; exe && *exe; exe++) {
        execve(*exe, s->argv, s->envp ? s->envp : environ);
        if (errno != ENOENT && errno != ENOTDIR && saved == 0) saved = errno;
    }
    errno = saved ? saved : errno;
fail:
    child_report(s->errpipe_write, errno, stage);
    _exit(255);
}

/* ---- the parent ------------------------------------------------------------------------ */

static Value psp_fork_exec(Value *args, int nargs, Value kwnames) {
    if (nargs != 23)
        return err_format(&exc_TypeError, "fork_exec() takes exactly 23 arguments (%d given)", nargs);
    if (!IS_NONE(args[21]) && !call_is_callable(args[21]))
        return err_format(&exc_TypeError, "preexec_fn must be callable");
    ChildSpec s;
    if (spec_fill(&s, args) < 0) { spec_free(&s); return VAL_NULL; }
    if (s.close_fds && s.errpipe_write < 3) {
        spec_free(&s);
        return err_format(&exc_ValueError, "errpipe_write must be >= 3");
    }
    s.from_thread = ts_get() != interp.main_thread;
    struct rlimit rl;
    long maxfd = getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY ? (long)rl.rlim_cur : 65536;
    pid_t pid;
    int err = 0;
    if (IS_NONE(s.preexec_fn)) {
        GIL_BLOCKING_BEGIN(GIL_REASON_IO);
        pid = fork();
        if (pid == 0) child_exec(&s, maxfd);
        err = errno;
        GIL_BLOCKING_END();
    } else {                /* Python code runs in the child: the full protocol, as CPython's */
        os_before_fork();
        pid = fork_process();
        err = errno;
        os_after_fork(pid < 0 ? 1 : pid);
        if (pid == 0) child_exec(&s, maxfd);
    }
    spec_free(&s);
    if (pid < 0) { errno = err; return err_from_errno(&exc_OSError, VAL_NULL); }
    return MK_SMALLINT(pid);
}

static const MethodDef psp_functions[] = {
    {"fork_exec", psp_fork_exec, ARGS_ANY, "Spawn a fresh new child process."},
    {NULL, NULL, 0, NULL},
};

Value mod_posixsubprocess_init(void) {
    Value m = module_new_c("_posixsubprocess");
    if (IS_NULL(m)) return VAL_NULL;
    dict_add_methods(MODULE_DICT(m), psp_functions, m);
    return err_occurred() ? VAL_NULL : m;
}
