/* mod_resource.c - the resource module: getrusage, getrlimit/setrlimit/prlimit
 * and getpagesize, with CPython's names, struct_rusage and errors.
 *
 * A limit crosses as an int where RLIM_INFINITY is the all-ones rlim_t
 * (CPython shows it as -1); a limit pair must be a sequence of two ints.
 * posix.wait3/wait4 build their struct_rusage through this module, as
 * CPython's do.
 */
#define _GNU_SOURCE 1
#include <errno.h>
#include <sys/resource.h>
#include <unistd.h>

#include "runtime/object.h"
#include "runtime/audit.h"
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_float.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/structseq.h"
#include "interp/modreg.h"

GILPY_MODULE("resource", mod_resource_init);

static const char *const res_rusage_fields[] = {
    "ru_utime", "ru_stime", "ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss", "ru_minflt", "ru_majflt",
    "ru_nswap", "ru_inblock", "ru_oublock", "ru_msgsnd", "ru_msgrcv", "ru_nsignals", "ru_nvcsw", "ru_nivcsw",
};
static StructSeqDesc res_rusage_desc = {"resource.struct_rusage", res_rusage_fields, 16, 16};

/* getrusage(who) */
static Value res_getrusage(Value *args, int nargs, Value kwnames) {
    int who;
    struct rusage ru;
    if (arg_to_int(args[0], &who) < 0) return VAL_NULL;
    if (getrusage(who, &ru) < 0) {
        if (errno == EINVAL) return err_format(&exc_ValueError, "invalid who parameter");
        return err_from_errno(&exc_OSError, VAL_NULL);
    }
    Value r = structseq_new(&res_rusage_desc);
    if (IS_NULL(r)) return VAL_NULL;
    Value *v = STRUCTSEQ_ITEMS(r);
    v[0] = MK_FLOAT((double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6);
    v[1] = MK_FLOAT((double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec * 1e-6);
    long rest[14] = {ru.ru_maxrss, ru.ru_ixrss, ru.ru_idrss, ru.ru_isrss, ru.ru_minflt, ru.ru_majflt,
                     ru.ru_nswap, ru.ru_inblock, ru.ru_oublock, ru.ru_msgsnd, ru.ru_msgrcv,
                     ru.ru_nsignals, ru.ru_nvcsw, ru.ru_nivcsw};
    for (int i = 0; i < 14; i++) v[2 + i] = int_from_i64(rest[i]);
    return r;
}

static Value res_limit_value(rlim_t x) {
    return x == RLIM_INFINITY ? MK_SMALLINT(-1) : int_from_i64((int64_t)x);
}

static Value res_limits_tuple(const struct rlimit *rl) {
    return tuple_pack(2, res_limit_value(rl->rlim_cur), res_limit_value(rl->rlim_max));
}

/* A resource number: "invalid resource specified" outside [0, RLIM_NLIMITS). */
static int res_resource(Value v, int *out) {
    if (arg_to_int(v, out) < 0) return -1;
    if (*out < 0 || *out >= RLIM_NLIMITS) {
        err_format(&exc_ValueError, "invalid resource specified");
        return -1;
    }
    return 0;
}

/* (soft, hard): a sequence of two ints (CPython's py2rlimit). */
static int res_limits_arg(Value v, struct rlimit *rl) {
    Value t = seq_to_tuple(v);
    if (IS_NULL(t)) return -1;
    if (AS_TUPLE(t)->len != 2) {
        err_format(&exc_ValueError, "expected a tuple of 2 integers");
        return -1;
    }
    for (int i = 0; i < 2; i++) {
        Value x = obj_index(AS_TUPLE(t)->items[i]);
        int64_t n;
        if (IS_NULL(x) || int_to_i64(x, &n) < 0) return -1;
        rlim_t r = n < 0 ? RLIM_INFINITY : (rlim_t)n;
        if (i == 0) rl->rlim_cur = r;
        else rl->rlim_max = r;
    }
    return 0;
}

/* The errors of setrlimit and prlimit, as CPython words them. */
static Value res_set_error(void) {
    if (errno == EINVAL) return err_format(&exc_ValueError, "current limit exceeds maximum limit");
    if (errno == EPERM) return err_format(&exc_ValueError, "not allowed to raise maximum limit");
    return err_from_errno(&exc_OSError, VAL_NULL);
}

static Value res_getrlimit(Value *args, int nargs, Value kwnames) {
    int res;
    struct rlimit rl;
    if (res_resource(args[0], &res) < 0) return VAL_NULL;
    if (getrlimit(res, &rl) < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    return res_limits_tuple(&rl);
}

static Value res_setrlimit(Value *args, int nargs, Value kwnames) {
    int res;
    struct rlimit rl;
    if (res_resource(args[0], &res) < 0 || res_limits_arg(args[1], &rl) < 0) return VAL_NULL;
    if (audit_active() && audit("resource.setrlimit", "iO", res, args[1]) < 0) return VAL_NULL;
    return setrlimit(res, &rl) < 0 ? res_set_error() : VAL_NONE;
}

/* prlimit(pid, resource[, limits]): the old limits. */
static Value res_prlimit(Value *args, int nargs, Value kwnames) {
    int pid, res;
    struct rlimit nw, old;
    if (arg_to_cint(args[0], &pid) < 0 || res_resource(args[1], &res) < 0) return VAL_NULL;
    int setting = nargs > 2 && !IS_NULL(args[2]) && !IS_NONE(args[2]);
    if (setting && res_limits_arg(args[2], &nw) < 0) return VAL_NULL;
    if (audit_active() && audit("resource.prlimit", "iiO", pid, res, nargs > 2 ? args[2] : VAL_NONE) < 0)
        return VAL_NULL;
    if (prlimit(pid, res, setting ? &nw : NULL, &old) < 0) return res_set_error();
    return res_limits_tuple(&old);
}

static Value res_getpagesize(Value *args, int nargs, Value kwnames) { return MK_SMALLINT(sysconf(_SC_PAGESIZE)); }

static const MethodDef res_functions[] = {
    {"getrusage", res_getrusage, ARGS_ONE, NULL},
    {"getrlimit", res_getrlimit, ARGS_ONE, NULL},
    {"setrlimit", res_setrlimit, ARGS_POS(2, 2), NULL},
    {"prlimit", res_prlimit, ARGS_POS(2, 3), NULL},
    {"getpagesize", res_getpagesize, ARGS_NONE, NULL},
    {NULL, NULL, 0, NULL},
};

#define C(n) {#n, n}
static const struct { const char *name; long value; } res_constants[] = {
    C(RLIMIT_CPU), C(RLIMIT_FSIZE), C(RLIMIT_DATA), C(RLIMIT_STACK), C(RLIMIT_CORE), C(RLIMIT_RSS),
    C(RLIMIT_NPROC), C(RLIMIT_NOFILE), C(RLIMIT_OFILE), C(RLIMIT_MEMLOCK), C(RLIMIT_AS),
    C(RLIMIT_MSGQUEUE), C(RLIMIT_NICE), C(RLIMIT_RTPRIO), C(RLIMIT_RTTIME), C(RLIMIT_SIGPENDING),
    C(RUSAGE_SELF), C(RUSAGE_CHILDREN), C(RUSAGE_THREAD),
    {NULL, 0},
};
#undef C

Value mod_resource_init(void) {
    Value m = module_new_c("resource");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    dict_add_methods(d, res_functions, m);
    for (int i = 0; res_constants[i].name; i++)
        if (dict_set_c(d, res_constants[i].name, MK_SMALLINT(res_constants[i].value)) < 0) return VAL_NULL;
    if (dict_set_c(d, "RLIM_INFINITY", MK_SMALLINT(-1)) < 0 || dict_set_c(d, "error", MK_OBJ(&exc_OSError)) < 0 ||
        dict_set_c(d, "struct_rusage", MK_OBJ(structseq_type(&res_rusage_desc))) < 0)
        return VAL_NULL;
    return m;
}
