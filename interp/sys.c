/* mod_sys.c - the sys module.
 *
 * Design: most of sys is a view of the Interp struct (runtime/state.h):
 * argv, path, modules, warnoptions are the interpreter's own objects, so
 * C code and Python code share them; the limits and intervals are read and
 * written through functions.  The standard streams come from
 * runtime/io_open.c (runtime/obj_file.h).
 *
 * version_info, flags, float_info, int_info, hash_info and thread_info
 * are struct sequences (runtime/structseq.h) as in CPython, with the repr
 * "sys.flags(debug=0, ...)"; flags and version_info cannot be instantiated.
 * implementation is a small namespace object with a __dict__.
 *
 * sys_module_new may run more than once (a re-created sys): the static types
 * are readied once, everything else is built fresh each time.
 */
#include <float.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#if defined(__has_include)
#if __has_include("config.h")
#include "importlib.h"
#include "pycache.h"
#include "config.h"
#endif
#endif
#ifndef GILPY_VERSION
#define GILPY_VERSION "0.1.0"
#endif

#include "interp/import_ext.h"
#include "interp/modreg.h"
#include "interp/trace.h"
#include "interp/vm.h"
#include "interp/builtins.h"
#include "runtime/finalize.h"
#include "runtime/audit.h"
#include "runtime/call.h"
#include "runtime/gil.h"
#include "runtime/error.h"
#include "runtime/finalize.h"
#include "runtime/gc.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_file.h"
#include "runtime/obj_float.h"
#include "runtime/obj_int.h"
#include "runtime/obj_namespace.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "runtime/state.h"
#include "runtime/strbuf.h"
#include "runtime/structseq.h"

#define SYS_PY_VERSION "3.11.7"
#define SYS_HEXVERSION 0x030B07F0

/* ---- struct sequences -------------------------------------------------------------- */

static const char *const vi_fields[] = {"major", "minor", "micro", "releaselevel", "serial"};
static const char *const flags_fields[] = {
    "debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site",
    "no_site", "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization",
    "isolated", "dev_mode", "utf8_mode", "warn_default_encoding", "safe_path",
    "int_max_str_digits"};
static const char *const fi_fields[] = {"max", "max_exp", "max_10_exp", "min", "min_exp",
                                        "min_10_exp", "dig", "mant_dig", "epsilon", "radix",
                                        "rounds"};
static const char *const ii_fields[] = {"bits_per_digit", "sizeof_digit", "default_max_str_digits",
                                        "str_digits_check_threshold"};
static const char *const ti_fields[] = {"name", "lock", "version"};
static const char *const hi_fields[] = {"width", "modulus", "inf", "nan", "imag", "algorithm",
                                        "hash_bits", "seed_bits", "cutoff"};

#define NFIELDS(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define SYS_SS(var, name, fields, NO_NEW) \
    static StructSeqDesc var = {name, fields, NFIELDS(fields), NFIELDS(fields), .no_new = NO_NEW};
SYS_SS(sys_version_info_desc, "sys.version_info", vi_fields, 1)
SYS_SS(sys_flags_desc, "sys.flags", flags_fields, 1)
SYS_SS(sys_float_info_desc, "sys.float_info", fi_fields, 0)
SYS_SS(sys_int_info_desc, "sys.int_info", ii_fields, 0)
SYS_SS(sys_hash_info_desc, "sys.hash_info", hi_fields, 0)
SYS_SS(sys_thread_info_desc, "sys.thread_info", ti_fields, 0)

/* An instance of d holding items (d->nfields of them). */
static Value ss_new(StructSeqDesc *d, const Value *items)
{
    Value v = structseq_new(d);
    if (IS_NULL(v)) return VAL_NULL;
    for (int i = 0; i < d->nfields; i++) {
        if (IS_NULL(items[i])) return VAL_NULL;
        STRUCTSEQ_ITEMS(v)[i] = items[i];
    }
    return v;
}


/* ---- functions ------------------------------------------------------------------------ */

static Value sys_exit(Value *args, int nargs, Value kwnames)
{
    if (IS_NULL(args[0])) return err_set_none(&exc_SystemExit);
    if (IS_TUPLE(args[0])) {            /* a tuple is the exception's arguments, as PyErr_SetObject takes it */
        Value e = call_value(MK_OBJ(&exc_SystemExit), AS_TUPLE(args[0])->items, (int)AS_TUPLE(args[0])->len, VAL_NULL);
        return IS_NULL(e) ? VAL_NULL : err_set_obj(e);
    }
    return err_set_value(&exc_SystemExit, args[0]);
}

static Value sys_getrecursionlimit(Value *args, int nargs, Value kwnames)
{
    return MK_SMALLINT(interp.recursion_limit);
}

static Value sys_setrecursionlimit(Value *args, int nargs, Value kwnames)
{
    int n;
    if (arg_to_int(args[0], &n) < 0) return VAL_NULL;
    if (n < 1) return err_format(&exc_ValueError, "recursion limit must be greater or equal than 1");
    int depth = ts_get()->recursion_depth;
    if (n <= depth)
        return err_format(&exc_RecursionError,
                          "cannot set the recursion limit to %d at the recursion depth %d: the limit is too low",
                          (int)n, depth);
    interp.recursion_limit = (int)n;
    return VAL_NONE;
}

static Value sys_getswitchinterval(Value *args, int nargs, Value kwnames)
{
    return MK_FLOAT(gil_switch_interval());
}

static Value sys_setswitchinterval(Value *args, int nargs, Value kwnames)
{
    double d;
    if (arg_to_double(args[0], &d) < 0) return VAL_NULL;
    if (!(d > 0.0)) return err_format(&exc_ValueError, "switch interval must be strictly positive");
    gil_set_switch_interval(d);
    return VAL_NONE;
}

static Value sys_getcheckinterval(Value *args, int nargs, Value kwnames)
{
    return MK_SMALLINT(gil_check_interval());
}

static Value sys_setcheckinterval(Value *args, int nargs, Value kwnames)
{
    int64_t n;
    if (arg_to_ssize(args[0], &n) < 0) return VAL_NULL;
    if (n < 1) return err_format(&exc_ValueError, "check interval must be strictly positive");
    if (n > INT_MAX) return err_format(&exc_OverflowError, "Python int too large to convert to C int");
    gil_set_check_interval((int)n);
    return VAL_NONE;
}

/* CPython 3.11 keeps the __dict__ a class adds (not one a builtin base
 * has, nor on an int, bytes or tuple) before the object, with the GC
 * header: 16 bytes more. */
static int sys_managed_dict_size(Type *t)
{
    if (!(t->flags & TF_HEAPTYPE) || !t->dictoffset) return 0;
    Type *b = t;
    while (b && (b->flags & TF_HEAPTYPE)) b = b->base;
    if (!b || b->dictoffset || TYPE_HAS(b, TF_INT_SUBCLASS | TF_BYTES_SUBCLASS | TF_TUPLE_SUBCLASS)) return 0;
    return 16;
}

static Value sys_getsizeof_value(Value v)
{
    if (IS_NONE(v)) return MK_SMALLINT(16);
    if (IS_FLOAT(v)) return MK_SMALLINT(24);
    if (IS_SMALLINT(v) || IS_BOOL(v)) {
        int64_t x = IS_BOOL(v) ? 1 : AS_SMALLINT(v);
        if (x < 0) x = -x;
        return MK_SMALLINT(x < (1 << 30) ? 28 : 32);
    }
    Value f = obj_lookup_special(v, "__sizeof__");
    if (IS_NULL(f) && err_occurred()) return VAL_NULL;
    if (!IS_NULL(f)) {
        Value r = call0(f);
        if (IS_NULL(r)) return VAL_NULL;
        return obj_binop(r, MK_SMALLINT(16 + sys_managed_dict_size(val_type(v))), 0);
    }
    Type *t = val_type(v);
    int64_t sz = 16 + (int64_t)t->basicsize;
    if (IS_STR(v)) sz = 41 + STR_LEN(v) + (STR_IS_ASCII(AS_STR(v)) ? 0 : STR_LEN(v));
    else if (IS_TUPLE(v)) sz = 40 + 8 * AS_TUPLE(v)->len;
    else if (IS_LIST(v)) sz = 56 + 8 * AS_LIST(v)->cap;
    else if (IS_DICT(v)) sz = 64 + 24 * AS_DICT(v)->ecap;
    return int_from_i64(sz);
}

/* getsizeof(object, default=<unrepresentable>) */
static Value sys_getsizeof(Value *args, int nargs, Value kwnames)
{
    Value r = sys_getsizeof_value(args[0]);
    if (IS_NULL(r) && !IS_NULL(args[1]) && err_matches(&exc_TypeError)) {
        err_clear();
        return args[1];
    }
    return r;
}

static Value sys_intern(Value *args, int nargs, Value kwnames)
{
    if (!IS_EXACT(args[0], type_str))
        return err_format(&exc_TypeError, "intern() argument must be str, not %N",
                          args[0]);
    return str_intern(args[0]);
}

static Value sys_handled(void)
{
    Value e = ts_handled_exc(ts_get());
    return IS_EXC(e) ? e : VAL_NONE;
}

/* (type, value, traceback) of the exception thread t handles, or Nones. */
static Value sys_exc_info_of(ThreadState *t)
{
    Value e = ts_handled_exc(t);
    if (!IS_EXC(e)) return tuple_pack(3, VAL_NONE, VAL_NONE, VAL_NONE);
    Value tb = AS_EXC(e)->traceback;
    if (IS_NULL(tb)) tb = VAL_NONE;
    return tuple_pack(3, MK_OBJ(val_type(e)), e, tb);
}

static Value sys_exc_info(Value *args, int nargs, Value kwnames) { return sys_exc_info_of(ts_get()); }

/* sys._current_exceptions(): {thread id: exc_info of that thread}. */
static Value sys_current_exceptions(Value *args, int nargs, Value kwnames)
{
    Value d = dict_new();
    if (IS_NULL(d)) return VAL_NULL;
    for (ThreadState *t = interp.threads; t; t = t->next) {
        if (!t->frame) continue;
        Value k = int_from_u64(t->ident), info = sys_exc_info_of(t);
        if (IS_NULL(k) || IS_NULL(info) || dict_set(d, k, info) < 0) return VAL_NULL;
    }
    return d;
}

static Value sys_exception(Value *args, int nargs, Value kwnames)
{
    return sys_handled();
}

static Value sys_utf8(Value *args, int nargs, Value kwnames) { return str_intern_c("utf-8"); }
static Value sys_fs_errors(Value *args, int nargs, Value kwnames) { return str_intern_c("surrogateescape"); }
static Value sys_getrefcount(Value *args, int nargs, Value kwnames) { return MK_SMALLINT(2); }

static Value sys_is_finalizing(Value *args, int nargs, Value kwnames)
{
    return MK_BOOL(interp.finalizing);
}

/* The calling thread's trace and profile functions (interp/trace.c). */
static Value sys_settrace(Value *args, int nargs, Value kwnames) {
    if (audit_active() && audit("sys.settrace", "") < 0) return VAL_NULL;
    trace_set(ts_get(), args[0]);
    return VAL_NONE;
}
static Value sys_setprofile(Value *args, int nargs, Value kwnames) {
    if (audit_active() && audit("sys.setprofile", "") < 0) return VAL_NULL;
    trace_set_profile(ts_get(), args[0]);
    return VAL_NONE;
}
static Value sys_gettrace(Value *args, int nargs, Value kwnames) {
    Value f = ts_get()->tracefunc;
    return IS_NULL(f) ? VAL_NONE : f;
}
static Value sys_getprofile(Value *args, int nargs, Value kwnames) {
    Value f = ts_get()->profilefunc;
    return IS_NULL(f) ? VAL_NONE : f;
}
/* call_tracing(func, args): func(*args) traced even from inside a trace
 * function (pdb's `debug` command). */
static Value sys_call_tracing(Value *args, int nargs, Value kwnames) {
    if (!IS_EXACT(args[1], type_tuple))
        return err_format(&exc_TypeError, "call_tracing() argument 2 must be tuple, not %T", args[1]);
    ThreadState *ts = ts_get();
    int saved = ts->tracing;
    ts->tracing = 0;
    Value r = call_tuple_dict(args[0], args[1], VAL_NULL);
    ts->tracing = saved;
    return r;
}

Value sys_stream(const char *name)
{
    if (!IS_OBJ(interp.sys_module)) return VAL_NULL;
    return dict_get_c(MODULE_DICT(interp.sys_module), name);
}

static Value sys_displayhook(Value *args, int nargs, Value kwnames)
{
    Value v = args[0];
    if (IS_NONE(v)) return VAL_NONE;
    if (IS_OBJ(interp.builtins_module) && dict_set_c(MODULE_DICT(interp.builtins_module), "_", VAL_NONE) < 0)
        return VAL_NULL;
    Value out = sys_stream("stdout");
    if (IS_NULL(out) || IS_NONE(out)) return err_format(&exc_RuntimeError, "lost sys.stdout");
    Value r = obj_repr(v);
    if (IS_NULL(r) || file_write_str(out, r) < 0 || file_write_str(out, str_intern_c("\n")) < 0)
        return VAL_NULL;
    if (IS_OBJ(interp.builtins_module) && dict_set_c(MODULE_DICT(interp.builtins_module), "_", v) < 0)
        return VAL_NULL;
    return VAL_NONE;
}

static Value sys_excepthook(Value *args, int nargs, Value kwnames)
{
    Value exc = args[1];
    if (!IS_EXC(exc)) {
        Value err = sys_stream("stderr");
        if (IS_NULL(err) || IS_NONE(err)) return VAL_NONE;
        if (file_write_str(err, str_format_c("TypeError: print_exception(): Exception expected for value, %T found\n", exc)) < 0)
            return VAL_NULL;
        return VAL_NONE;
    }
    exc_print(exc);
    return VAL_NONE;
}

static Value sys_get_int_max_str_digits(Value *args, int nargs, Value kwnames)
{
    return int_from_i64(int_max_str_digits);
}

/* set_int_max_str_digits(maxdigits) */
static Value sys_set_int_max_str_digits(Value *args, int nargs, Value kwnames)
{
    int64_t n;
    if (arg_to_ssize(args[0], &n) < 0) return VAL_NULL;
    if (n > INT_MAX) return err_format(&exc_OverflowError, "Python int too large to convert to C int");
    if (n != 0 && n < 640) return err_format(&exc_ValueError, "maxdigits must be 0 or larger than 640");
    int_max_str_digits = n;
    return VAL_NONE;
}

static Value sys_current_frames(Value *args, int nargs, Value kwnames) { return vm_current_frames(); }

/* sys._getframe([depth]): depth 0 is the caller. */
static Value sys_getframe(Value *args, int nargs, Value kwnames) {
    int depth = 0;
    if (!IS_NULL(args[0]) && arg_to_int(args[0], &depth) < 0) return VAL_NULL;
    if (depth < 0) depth = 0;
    return vm_getframe(depth);
}

/* sys.audit(event, *args): ARGS_ANY for CPython's METH_FASTCALL wording.  With
 * no hook installed it returns at once, whatever the event is (as CPython). */
static Value sys_audit(Value *args, int nargs, Value kwnames) {
    if (!IS_NULL(kwnames) && AS_TUPLE(kwnames)->len)
        return err_format(&exc_TypeError, "sys.audit() takes no keyword arguments");
    if (nargs == 0) return err_format(&exc_TypeError, "audit() missing 1 required positional argument: 'event'");
    if (!audit_active()) return VAL_NONE;
    if (!IS_STR(args[0]))
        return err_format(&exc_TypeError, "expected str for argument 'event', not %T", args[0]);
    Value rest = tuple_from_array(args + 1, nargs - 1);
    if (IS_NULL(rest) || audit_tuple(args[0], rest) < 0) return VAL_NULL;
    return VAL_NONE;
}

static Value sys_addaudithook(Value *args, int nargs, Value kwnames) {
    return audit_add_hook(args[0]) < 0 ? VAL_NULL : VAL_NONE;
}

static Value sys_set_asyncgen_hooks(Value *args, int nargs, Value kwnames) {
    return asyncgen_set_hooks(args[0], args[1]);
}

static Value sys_get_asyncgen_hooks(Value *args, int nargs, Value kwnames) { return asyncgen_get_hooks(); }

static Value sys_set_coroutine_origin_tracking_depth(Value *args, int nargs, Value kwnames) {
    return coro_set_origin_tracking_depth(args[0]);
}

static Value sys_get_coroutine_origin_tracking_depth(Value *args, int nargs, Value kwnames) {
    return coro_get_origin_tracking_depth();
}

/* __getattr__(name): the import lists, made on first use (interp/importlib.c). */
static Value sys_getattr_m(Value *args, int nargs, Value kwnames) { return imlib_sys_getattr(args[0]); }

static const MethodDef sys_functions[] = {
    {"__getattr__", sys_getattr_m, ARGS_ONE, NULL},
    {"set_coroutine_origin_tracking_depth", sys_set_coroutine_origin_tracking_depth, ARGS_KW,
     "Enable or disable origin tracking for coroutine objects in this thread.", "($module, /, depth)"},
    {"get_coroutine_origin_tracking_depth", sys_get_coroutine_origin_tracking_depth, ARGS_NONE,
     "Check status of origin tracking for coroutine objects in this thread."},
    {"set_asyncgen_hooks", sys_set_asyncgen_hooks, ARGS_KW,
     "set_asyncgen_hooks(* [, firstiter] [, finalizer])\n\nSet a finalizer for async generators objects.",
     "($module, firstiter=<unrepresentable>, finalizer=<unrepresentable>)"},
    {"get_asyncgen_hooks", sys_get_asyncgen_hooks, ARGS_NONE,
     "get_asyncgen_hooks()\n\nReturn the installed asynchronous generators hooks.\n\n"
     "This returns a namedtuple of the form (firstiter, finalizer)."},
    {"exit", sys_exit, ARGS_POS(0, 1), "Exit the interpreter by raising SystemExit(status)."},
    {"audit", sys_audit, ARGS_ANY, "audit(event, *args)\n\nPasses the event to any audit hooks that are attached."},
    {"addaudithook", sys_addaudithook, ARGS_KW, "Adds a new audit hook callback.", "($module, hook)"},
    {"getrecursionlimit", sys_getrecursionlimit, ARGS_NONE, NULL},
    {"setrecursionlimit", sys_setrecursionlimit, ARGS_ONE, NULL},
    {"getswitchinterval", sys_getswitchinterval, ARGS_NONE, NULL},
    {"setswitchinterval", sys_setswitchinterval, ARGS_ONE, NULL},
    {"getcheckinterval", sys_getcheckinterval, ARGS_NONE, NULL},
    {"setcheckinterval", sys_setcheckinterval, ARGS_ONE, NULL},
    {"getsizeof", sys_getsizeof, ARGS_KW, NULL, "($module, object, default=<unrepresentable>)"},
    {"intern", sys_intern, ARGS_ONE, NULL},
    {"exc_info", sys_exc_info, ARGS_NONE, NULL},
    {"_getframe", sys_getframe, ARGS_POS(0, 1), "Return a frame object from the call stack."},
    {"_current_frames", sys_current_frames, ARGS_NONE, "Return a dict mapping each thread's identifier "
                                                       "to its current stack frame."},
    {"_current_exceptions", sys_current_exceptions, ARGS_NONE, "Return a dict mapping each thread's "
                                                               "identifier to its current raised exception."},
    {"exception", sys_exception, ARGS_NONE, NULL},
    {"getdefaultencoding", sys_utf8, ARGS_NONE, NULL},
    {"getfilesystemencoding", sys_utf8, ARGS_NONE, NULL},
    {"getfilesystemencodeerrors", sys_fs_errors, ARGS_NONE, NULL},
    {"getrefcount", sys_getrefcount, ARGS_ONE, NULL},
    {"is_finalizing", sys_is_finalizing, ARGS_NONE, NULL},
    {"settrace", sys_settrace, ARGS_ONE, "Set the global debug tracing function."},
    {"setprofile", sys_setprofile, ARGS_ONE, "Set the profiling function."},
    {"gettrace", sys_gettrace, ARGS_NONE, "Return the global debug tracing function set with sys.settrace."},
    {"getprofile", sys_getprofile, ARGS_NONE, "Return the profiling function set with sys.setprofile."},
    {"call_tracing", sys_call_tracing, ARGS_POS(2, 2), "Call func(*args), while tracing is enabled."},
    {"displayhook", sys_displayhook, ARGS_ONE, NULL},
    {"excepthook", sys_excepthook, ARGS_POS(3, 3), NULL},
    {"unraisablehook", fin_unraisablehook_m, ARGS_ONE,
     "Handle an unraisable exception.\n\nThe unraisable argument has the following attributes:\n\n"
     "* exc_type: Exception type.\n* exc_value: Exception value, can be None.\n"
     "* exc_traceback: Exception traceback, can be None.\n* err_msg: Error message, can be None.\n"
     "* object: Object causing the exception, can be None."},
    {"get_int_max_str_digits", sys_get_int_max_str_digits, ARGS_NONE, NULL},
    {"set_int_max_str_digits", sys_set_int_max_str_digits, ARGS_KW, NULL, "($module, /, maxdigits)"},
    {NULL, NULL, 0, NULL},
};

/* ---- values ------------------------------------------------------------------------- */

static Value sys_version_info(int major, int minor, int micro)
{
    Value items[5] = {MK_SMALLINT(major), MK_SMALLINT(minor), MK_SMALLINT(micro),
                      str_from_c("final"), MK_SMALLINT(0)};
    return ss_new(&sys_version_info_desc, items);
}

static Value sys_flags(void)
{
    Value it[18];
    for (int i = 0; i < 18; i++) it[i] = MK_SMALLINT(0);
    it[1] = MK_SMALLINT(interp.flag_inspect);
    it[2] = MK_SMALLINT(interp.flag_inspect);
    it[4] = MK_SMALLINT(interp.flag_no_bytecode);
    it[5] = MK_SMALLINT(interp.flag_no_user_site);
    it[7] = MK_SMALLINT(interp.flag_ignore_env || interp.flag_isolated);
    it[8] = MK_SMALLINT(interp.flag_verbose);
    it[9] = MK_SMALLINT(interp.flag_bytes_warning);
    it[10] = MK_SMALLINT(interp.flag_quiet);
    it[11] = MK_SMALLINT(1);
    it[12] = MK_SMALLINT(interp.flag_isolated);
    it[13] = MK_BOOL(interp.flag_dev_mode);
    it[16] = MK_BOOL(interp.flag_safe_path);
    it[17] = MK_SMALLINT(-1);
    return ss_new(&sys_flags_desc, it);
}

/* sys.thread_info: POSIX threads; locks are semaphores, as in CPython on Linux. */
static Value sys_thread_info(void)
{
    char ver[64] = "";
    size_t n = confstr(_CS_GNU_LIBPTHREAD_VERSION, ver, sizeof ver);
    Value items[3] = {str_from_c("pthread"), str_from_c("semaphore"), n ? str_from_c(ver) : VAL_NONE};
    return ss_new(&sys_thread_info_desc, items);
}

static Value sys_float_info(void)
{
    Value it[11] = {MK_FLOAT(DBL_MAX), MK_SMALLINT(DBL_MAX_EXP), MK_SMALLINT(DBL_MAX_10_EXP),
                    MK_FLOAT(DBL_MIN), MK_SMALLINT(DBL_MIN_EXP), MK_SMALLINT(DBL_MIN_10_EXP),
                    MK_SMALLINT(DBL_DIG), MK_SMALLINT(DBL_MANT_DIG), MK_FLOAT(DBL_EPSILON),
                    MK_SMALLINT(FLT_RADIX), MK_SMALLINT(1)};
    return ss_new(&sys_float_info_desc, it);
}

static Value sys_int_info(void)
{
    Value it[4] = {MK_SMALLINT(30), MK_SMALLINT(4), MK_SMALLINT(4300), MK_SMALLINT(640)};
    return ss_new(&sys_int_info_desc, it);
}

static Value sys_hash_info(void)
{
    Value it[9] = {MK_SMALLINT(64), int_from_i64(((int64_t)1 << 61) - 1), MK_SMALLINT(314159),
                   MK_SMALLINT(0), MK_SMALLINT(1000003), str_from_c("siphash13"), MK_SMALLINT(64),
                   MK_SMALLINT(128), MK_SMALLINT(0)};
    return ss_new(&sys_hash_info_desc, it);
}

static Value sys_implementation(void)
{
    Value ns = namespace_new();
    if (IS_NULL(ns)) return VAL_NULL;
    Value d = namespace_dict(ns);
    int maj = 0, min = 1, mic = 0;
    sscanf(GILPY_VERSION, "%d.%d.%d", &maj, &min, &mic);
    if (dict_set_c(d, "name", str_from_c("gilpy")) < 0 || dict_set_c(d, "cache_tag", str_from_c(PYC_CACHE_TAG)) < 0 ||
        dict_set_c(d, "version", sys_version_info(maj, min, mic)) < 0 ||
        dict_set_c(d, "hexversion", MK_SMALLINT((maj << 24) | (min << 16) | (mic << 8) | 0xF0)) < 0 ||
        dict_set_c(d, "_multiarch", str_from_c("x86_64-linux-gnu")) < 0)
        return VAL_NULL;
    return ns;
}

static Value sys_executable(void)
{
    char buf[4096];
    char *p = realpath("/proc/self/exe", buf);
    return str_from_c(p ? p : "");
}

static Value sys_version_str(void)
{
#if defined(__clang__)
    const char *cc = "Clang " __clang_version__;
#elif defined(__GNUC__)
    const char *cc = "GCC " __VERSION__;
#else
    const char *cc = "C";
#endif
    return str_format_c("%s (gilpy %s, %s, %s) [%s]", SYS_PY_VERSION, GILPY_VERSION, __DATE__, __TIME__, cc);
}

static Value sys_builtin_module_names(void)
{
    Value l = list_new(0);
    if (IS_NULL(l) || list_append(l, str_from_c("builtins")) < 0 || list_append(l, str_from_c("sys")) < 0)
        return VAL_NULL;
    size_t n;
    const BuiltinModule *const *mods = import_builtin_modules(&n);
    for (size_t i = 0; i < n; i++)
        if (list_append(l, str_from_c(mods[i]->name)) < 0) return VAL_NULL;
    const char *const *ext = ext_names(&n);
    for (size_t i = 0; i < n; i++)
        if (list_append(l, str_from_c(ext[i])) < 0) return VAL_NULL;
    if (list_sort(l, VAL_NULL, 0) < 0) return VAL_NULL;
    return seq_to_tuple(l);
}

static Value sys_stdlib_module_names(void)
{
    static const char *const names[] = {
        "_random", "_signal", "abc", "builtins", "collections", "copy", "dataclasses", "enum",
        "errno", "functools", "gc", "heapq", "io", "itertools", "keyword", "math", "multiprocessing",
        "operator", "os", "posix", "posixpath", "random", "re", "signal", "string", "struct",
        "sys", "threading", "time", "traceback", "types", "typing", "warnings", "weakref", NULL};
    Value s = set_new(&type_frozenset);
    for (int i = 0; names[i] && !IS_NULL(s); i++)
        if (set_add(s, str_from_c(names[i])) < 0) return VAL_NULL;
    return s;
}

static Value sys_orig_argv(void)
{
    Value l = list_new(0);
    if (IS_NULL(l)) return VAL_NULL;
    for (int i = 0; i < interp.orig_argc; i++)
        if (list_append(l, str_fsdecode(interp.orig_argv[i], strlen(interp.orig_argv[i]))) < 0) return VAL_NULL;
    return l;
}

typedef struct SysEntry {
    const char *name;
    Value value;
} SysEntry;

static int sys_set_all(Value d, const SysEntry *e, int n)
{
    for (int i = 0; i < n; i++) {
        if (IS_NULL(e[i].value)) return -1;
        if (dict_set_c(d, e[i].name, e[i].value) < 0) return -1;
    }
    return 0;
}

static int sys_add_streams(Value d)
{
    Value in = file_stdin(), out = file_stdout(), err = file_stderr();
    SysEntry e[] = {
        {"stdin", in}, {"stdout", out}, {"stderr", err},
        {"__stdin__", in}, {"__stdout__", out}, {"__stderr__", err},
    };
    return sys_set_all(d, e, NFIELDS(e));
}

static int sys_add_hooks(Value m, Value d)
{
    Value dh = dict_get_c(d, "displayhook"), eh = dict_get_c(d, "excepthook");
    if (IS_NULL(dh) || IS_NULL(eh)) return -1;
    if (dict_set_c(d, "__displayhook__", dh) < 0 || dict_set_c(d, "__excepthook__", eh) < 0) return -1;
    Value uh = dict_get_c(d, "unraisablehook");
    if (IS_NULL(uh) || dict_set_c(d, "__unraisablehook__", uh) < 0) return -1;
    return 0;
}

static int sys_add_interp_values(Value d)
{
    if (!IS_LIST(interp.argv)) interp.argv = list_new(0);
    if (!IS_LIST(interp.path)) interp.path = list_new(0);
    if (!IS_DICT(interp.modules)) interp.modules = dict_new();
    if (!IS_LIST(interp.warnoptions)) interp.warnoptions = list_new(0);
    if (!IS_DICT(interp.xoptions)) interp.xoptions = dict_new();
    SysEntry e[] = {
        {"argv", interp.argv}, {"path", interp.path}, {"modules", interp.modules},
        {"warnoptions", interp.warnoptions}, {"_xoptions", interp.xoptions},
        {"orig_argv", sys_orig_argv()}, {"executable", sys_executable()},
        {"_base_executable", sys_executable()},
    };
    return sys_set_all(d, e, NFIELDS(e));
}

static int sys_add_constants(Value d)
{
    SysEntry e[] = {
        {"version", sys_version_str()}, {"version_info", sys_version_info(3, 11, 7)},
        {"hexversion", MK_SMALLINT(SYS_HEXVERSION)}, {"api_version", MK_SMALLINT(1013)},
        {"implementation", sys_implementation()}, {"maxsize", int_from_i64(INT64_MAX)},
        {"maxunicode", MK_SMALLINT(0x10FFFF)}, {"byteorder", str_from_c("little")},
        {"platform", str_from_c("linux")}, {"flags", sys_flags()},
        {"float_info", sys_float_info()}, {"int_info", sys_int_info()},
        {"hash_info", sys_hash_info()}, {"float_repr_style", str_from_c("short")},
        {"dont_write_bytecode", MK_BOOL(interp.flag_no_bytecode)}, {"prefix", str_from_c("/usr/local")},
        {"exec_prefix", str_from_c("/usr/local")}, {"base_prefix", str_from_c("/usr/local")},
        {"base_exec_prefix", str_from_c("/usr/local")}, {"platlibdir", str_from_c("lib")},
        {"abiflags", str_from_c("")}, {"copyright", str_from_c("Copyright (c) gilpy authors.")},
        {"builtin_module_names", sys_builtin_module_names()},
        {"stdlib_module_names", sys_stdlib_module_names()},
        {"pycache_prefix", VAL_NONE}, {"_stdlib_dir", str_from_c(GILPY_CPYTHON_LIB)},
        {"thread_info", sys_thread_info()},
    };
    return sys_set_all(d, e, NFIELDS(e));
}

Value sys_module_new(void)
{
    Value m = module_new_c("sys");
    if (IS_NULL(m)) return VAL_NULL;
    MODULE_SET_BUILTIN(m);
    Value d = MODULE_DICT(m);
    dict_add_methods(d, sys_functions, m);
    if (err_occurred()) return VAL_NULL;
    if (sys_add_hooks(m, d) < 0 || sys_add_interp_values(d) < 0 || sys_add_constants(d) < 0 ||
        sys_add_streams(d) < 0)
        return VAL_NULL;
    return m;
}
