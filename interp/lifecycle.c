/* lifecycle.c - start-up and shutdown: the one file that knows their order.
 *
 * Start-up has two halves because the command line sits between them:
 * lifecycle_start_runtime makes the heap, the main thread's state and every
 * builtin type, so that main.c can turn argv into Python objects
 * (interp.argv, interp.path, interp.xoptions, the flags); then
 * lifecycle_start_interpreter reads the -X options that shape the GIL,
 * installs the VM's hooks into the runtime, registers the fork hooks, and
 * builds builtins, sys and __main__.
 *
 * Shutdown (lifecycle_finalize) mirrors CPython's Py_FinalizeEx as far as
 * gilpy has its parts: join the non-daemon threads (threading._shutdown),
 * run the at-exit handlers (last registered first), close the suspended
 * generators __main__ still holds, mark the interpreter as finalizing (daemon
 * threads then never run Python code again), run the __del__ of the objects
 * only the modules held (lifecycle_finalize_objects), write the GIL statistics and
 * trace, and flush every file.  sys.stdout and sys.stderr are flushed first,
 * as CPython's flush_std_files: a failure there is reported and turns the
 * exit status into 120, so output lost to a full disk or a closed pipe never
 * goes unnoticed.
 */
#include "lifecycle.h"

#include <stdio.h>
#include <stdlib.h>

#include "../runtime/call.h"
#include "../runtime/error.h"
#include "../runtime/finalize.h"
#include "../runtime/fork.h"
#include "../runtime/gc.h"
#include "../runtime/gil.h"
#include "../runtime/giltrace.h"
#include "../runtime/obj_dict.h"
#include "../runtime/obj_exc.h"
#include "../runtime/obj_file.h"
#include "../runtime/obj_list.h"
#include "../runtime/obj_misc.h"
#include "../runtime/obj_str.h"
#include "../runtime/obj_type.h"
#include "../runtime/runtime.h"
#include "../runtime/signals.h"
#include "../runtime/state.h"
#include "builtins.h"
#include "code.h"
#include "import.h"
#include "source.h"
#include "vm.h"
#include "warn.h"

/* ---- start-up -------------------------------------------------------------------- */

void lifecycle_start_runtime(void) {
    gc_init();
    interp.recursion_limit = 1000;
    ThreadState *t = ts_new();
    if (!t) { fputs("gilpy: cannot allocate the main thread state\n", stderr); exit(1); }
    ts_bind(t);
    interp.main_thread = t;
    types_init();
    abstract_init();
    exc_init();
    sig_init();
}

/* The modules the interpreter builds itself: builtins, sys, __main__. */
static int lifecycle_core_modules(void) {
    interp.modules = dict_new();
    Value b = builtins_module_new();
    if (IS_NULL(b)) return -1;
    interp.builtins_module = b;
    interp.builtins = MODULE_DICT(b);
    dict_set_c(interp.modules, "builtins", b);
    if (IS_NULL(interp.path)) interp.path = list_new(4);
    if (IS_NULL(interp.argv)) interp.argv = list_new(1);
    Value sys = sys_module_new();
    if (IS_NULL(sys)) return -1;
    interp.sys_module = sys;
    dict_set_c(interp.modules, "sys", sys);
    Value main = module_new_c("__main__");
    interp.main_module = main;
    dict_set_c(MODULE_DICT(main), "__builtins__", b);
    dict_set_c(MODULE_DICT(main), "__annotations__", dict_new());
    dict_set_c(interp.modules, "__main__", main);
    return 0;
}

int lifecycle_start_interpreter(void) {
    if (warn_init() < 0) return -1;
    interp.vm.warn = warn_c;
    interp.vm.source_line = source_line;
    interp.vm.import = import_module_c;
    interp.vm.current_globals = vm_current_globals;
    interp.vm.super_args = vm_super_args;
    interp.vm.frame_code = frame_code_of;
    interp.vm.current_frame = vm_current_frame;
    if (gil_configure(interp.xoptions) < 0) exit(2);        /* -X gil=NAME, GILPY_GIL */
    if (giltrace_configure(interp.xoptions) < 0) exit(2);   /* -X gilstats, -X giltrace=FILE */
    fork_add_child_hook(giltrace_after_fork_child);
    return lifecycle_core_modules();
}

/* ---- shutdown ------------------------------------------------------------------------ */

#define LIFECYCLE_MAX_AT_EXIT 16

static void (*at_exit_handlers[LIFECYCLE_MAX_AT_EXIT])(void);
static int n_at_exit;

void lifecycle_at_exit(void (*fn)(void)) {
    if (n_at_exit < LIFECYCLE_MAX_AT_EXIT) at_exit_handlers[n_at_exit++] = fn;
}

/* Join the non-daemon threads the way CPython does: threading._shutdown, when
 * threading was imported. */
static void lifecycle_join_threads(void) {
    Value threading = IS_DICT(interp.modules) ? dict_get_c(interp.modules, "threading") : VAL_NULL;
    if (IS_NULL(threading)) return;
    if (!IS_NULL(obj_call_method(threading, "_shutdown", NULL, 0))) return;
    Value e = err_fetch();
    if (!type_is_subtype(val_type(e), &exc_SystemExit)) exc_print(e);
}

/* Close the suspended generators __main__'s globals still refer to, in the
 * order CPython clears a module's dict at exit (names starting with one
 * underscore first, then the rest), so their finally blocks run as there. */
static void lifecycle_close_main_generators(void) {
    if (!IS_OBJ(interp.main_module)) return;
    Value keys = dict_keys_list(MODULE_DICT(interp.main_module));
    if (IS_NULL(keys)) { err_clear(); return; }
    for (int pass = 0; pass < 2; pass++) {
        for (int64_t i = 0; i < AS_LIST(keys)->len; i++) {
            Value k = AS_LIST(keys)->items[i];
            if (!IS_STR(k)) continue;
            const char *n = STR_DATA(k);
            int underscore = n[0] == '_' && n[1] != '_';
            if (underscore != (pass == 0)) continue;
            Value v = dict_get(MODULE_DICT(interp.main_module), k);
            if (!IS_GEN_OR_CORO(v)) continue;
            Gen *g = AS_GEN(v);
            if (!g->started || g->finished || g->running) continue;
            if (IS_NULL(obj_call_method(v, "close", NULL, 0))) exc_print(err_fetch());
        }
    }
}

/* sys.<name> if it is a stream that is still open, else VAL_NULL. */
static Value lifecycle_open_stream(const char *name) {
    if (!IS_OBJ(interp.sys_module)) return VAL_NULL;
    Value f = dict_get_c(MODULE_DICT(interp.sys_module), name);
    if (IS_NULL(f) || IS_NONE(f)) return VAL_NULL;
    Value closed = obj_getattr_opt(f, str_intern_c("closed"));
    int t = IS_NULL(closed) ? 0 : obj_truthy(closed);
    err_clear();
    return t ? VAL_NULL : f;
}

/* CPython's flush_std_files: output still buffered in sys.stdout must not
 * vanish silently.  A failed flush of stdout is reported as an unraisable
 * exception ("Exception ignored in: <stdout>" and the error: a full disk, a
 * closed pipe); one of stderr is not reported.  Either fails the exit. */
static int lifecycle_flush_std(void) {
    int status = 0;
    Value out = lifecycle_open_stream("stdout");
    if (!IS_NULL(out) && IS_NULL(obj_call_method(out, "flush", NULL, 0))) {
        Value e = err_fetch();
        Value r = obj_repr(out);
        Value err = lifecycle_open_stream("stderr");
        Value head = IS_NULL(r) ? VAL_NULL : str_format_c("Exception ignored in: %U\n", r);
        err_clear();
        if (!IS_NULL(head) && !IS_NULL(err) && !IS_NULL(obj_call_method(err, "write", &head, 1)))
            exc_print(e);
        err_clear();
        status = -1;
    }
    Value err = lifecycle_open_stream("stderr");
    if (!IS_NULL(err) && IS_NULL(obj_call_method(err, "flush", NULL, 0))) {
        err_clear();
        status = -1;
    }
    return status;
}

/* The objects with __del__ that only the program's modules still hold:
 * CPython finalizes them at exit (finalize_modules replaces every
 * sys.modules entry with None, then collects: __main__'s globals and what
 * they hold become garbage, and their finalizers run with those globals
 * still in place).  The same here: sys.modules' entries become None (an
 * import in a __del__ then fails as in CPython), __main__ is forgotten, and
 * a full collection runs the finalizers of what is now unreachable.  Only
 * when the program ever made an object with __del__: others exit at once.
 * 1 if it ran (what the finalizers printed is then flushed again). */
static int lifecycle_no_source_line(const char *path, int lineno, struct StrBuf *out) { return 0; }

static int lifecycle_finalize_objects(void) {
    if (!fin_made_del() || !IS_DICT(interp.modules)) return 0;
    Value names = dict_keys_list(interp.modules);
    if (IS_NULL(names)) { err_clear(); return 0; }
    for (int64_t i = 0; i < AS_LIST(names)->len; i++) {
        Value name = AS_LIST(names)->items[i];
        if (!str_eq_c(name, "sys") && !str_eq_c(name, "builtins") && dict_set(interp.modules, name, VAL_NONE) < 0)
            err_clear();
    }
    interp.main_module = VAL_NULL;
    interp.vm.source_line = lifecycle_no_source_line;   /* CPython reads them through io, gone now */
    gc_collect();
    fin_run_pending();
    err_clear();
    return 1;
}

int lifecycle_finalize(void) {
    lifecycle_join_threads();
    while (n_at_exit > 0) at_exit_handlers[--n_at_exit]();
    lifecycle_close_main_generators();
    coro_warn_unawaited_at_exit();
    int status = lifecycle_flush_std();
    interp.finalizing = 1;
    if (lifecycle_finalize_objects() && status == 0 && lifecycle_flush_std() < 0) status = -1;
    giltrace_at_exit();
    file_flush_all();
    fflush(stdout);
    return status;
}
