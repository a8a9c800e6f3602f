/* mod_asyncio.c - the `_asyncio` module: the C side of CPython's asyncio
 * package (futures.py takes Future from it, tasks.py Task and the task
 * registry, events.py the running-loop functions).
 *
 * The running loop is one field of the thread state (ts->asyncio_loop) with
 * the pid that set it, so get_running_loop() is a field read, and a child
 * made by fork() sees no loop, as asyncio wants.  The task registry is
 * tasks.py's own design: a weakref.WeakSet of all tasks and a dict from a
 * loop to the task it is running, both made here and exported as
 * `_all_tasks` and `_current_tasks` (tasks.py re-exports them, so
 * asyncio.all_tasks() and current_task() read them).
 *
 * What the module needs from the Python side (the exception classes, the
 * repr helpers, the policy getter...) is imported once, at the first import,
 * into asyncio_state; an import of `_asyncio` that starts asyncio's own
 * import meets itself inside it (futures.py imports `_asyncio`), so the
 * state is filled by whichever init finishes first and kept.
 */
#include <unistd.h>

#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "runtime/state.h"
#include "interp/import.h"
#include "interp/modreg.h"
#include "asyncio.h"

GILPY_MODULE("_asyncio", mod_asyncio_init);

AsyncioState asyncio_state;
static int asyncio_state_ready;

/* ---- the running loop ----------------------------------------------------------------- */

static Value running_loop(void) {
    ThreadState *ts = ts_get();
    if (IS_NULL(ts->asyncio_loop) || ts->asyncio_loop_pid != getpid()) return VAL_NONE;
    return ts->asyncio_loop;
}

static Value mod_get_running_loop_private(Value *args, int nargs, Value kwnames) { return running_loop(); }

static Value mod_set_running_loop(Value *args, int nargs, Value kwnames) {
    ThreadState *ts = ts_get();
    ts->asyncio_loop = args[0];
    ts->asyncio_loop_pid = getpid();
    return VAL_NONE;
}

static Value mod_get_running_loop(Value *args, int nargs, Value kwnames) {
    Value loop = running_loop();
    if (IS_NONE(loop)) return err_format(&exc_RuntimeError, "no running event loop");
    return loop;
}

Value asyncio_get_event_loop(void) {
    Value loop = running_loop();
    if (!IS_NONE(loop)) return loop;
    Value policy = call0(asyncio_state.get_event_loop_policy);
    return IS_NULL(policy) ? VAL_NULL : asyncio_call_method(policy, asyncio_state.s_get_event_loop, NULL, 0);
}

static Value mod_get_event_loop(Value *args, int nargs, Value kwnames) { return asyncio_get_event_loop(); }

/* _get_event_loop(stacklevel=3): the stack level only mattered to a warning 3.11 dropped. */
static Value mod_get_event_loop_private(Value *args, int nargs, Value kwnames) {
    int level;
    if (!IS_NULL(args[0]) && arg_to_cint(args[0], &level) < 0) return VAL_NULL;
    return asyncio_get_event_loop();
}

/* ---- the task registry ---------------------------------------------------------------- */

int asyncio_register_task(Value task) {
    return IS_NULL(asyncio_call_method(asyncio_state.all_tasks, asyncio_state.s_add, &task, 1)) ? -1 : 0;
}

int asyncio_enter_task(Value loop, Value task) {
    Value cur = dict_get(asyncio_state.current_tasks, loop);
    if (IS_NULL(cur) && err_occurred()) return -1;
    if (!IS_NULL(cur)) {
        err_format(&exc_RuntimeError, "Cannot enter into task %R while another task %R is being executed.",
                   task, cur);
        return -1;
    }
    return dict_set(asyncio_state.current_tasks, loop, task);
}

int asyncio_leave_task(Value loop, Value task) {
    Value cur = dict_get(asyncio_state.current_tasks, loop);
    if (IS_NULL(cur) && err_occurred()) return -1;
    if (cur != task) {
        err_format(&exc_RuntimeError, "Leaving task %R does not match the current task %R.", task,
                   IS_NULL(cur) ? VAL_NONE : cur);
        return -1;
    }
    return dict_del(asyncio_state.current_tasks, loop);
}

static Value mod_register_task(Value *args, int nargs, Value kwnames) {
    return asyncio_register_task(args[0]) < 0 ? VAL_NULL : VAL_NONE;
}
static Value mod_unregister_task(Value *args, int nargs, Value kwnames) {
    return IS_NULL(asyncio_call_method(asyncio_state.all_tasks, asyncio_state.s_discard, args, 1)) ? VAL_NULL : VAL_NONE;
}
static Value mod_enter_task(Value *args, int nargs, Value kwnames) {
    return asyncio_enter_task(args[0], args[1]) < 0 ? VAL_NULL : VAL_NONE;
}
static Value mod_leave_task(Value *args, int nargs, Value kwnames) {
    return asyncio_leave_task(args[0], args[1]) < 0 ? VAL_NULL : VAL_NONE;
}

Value asyncio_call_method(Value o, Value name, Value *args, int nargs) {
    Value m = obj_getattr(o, name);
    return IS_NULL(m) ? VAL_NULL : call_value(m, args, nargs, VAL_NULL);
}

int asyncio_call_soon(Value loop, Value callback, Value arg, Value ctx) {
    Value m = obj_getattr(loop, asyncio_state.s_call_soon);
    if (IS_NULL(m)) return -1;
    Value args[3] = {callback, arg, ctx};
    Value r;
    if (IS_NULL(arg)) {
        args[1] = ctx;
        r = call_value(m, args, 1, asyncio_state.context_kwnames);
    } else {
        r = call_value(m, args, 2, asyncio_state.context_kwnames);
    }
    return IS_NULL(r) ? -1 : 0;
}

/* ---- the module ----------------------------------------------------------------------- */

static const MethodDef mod_asyncio_functions[] = {
    {"get_running_loop", mod_get_running_loop, ARGS_NONE,
     "Return the running event loop.  Raise a RuntimeError if there is none.\n\n"
     "This function is thread-specific."},
    {"_get_running_loop", mod_get_running_loop_private, ARGS_NONE,
     "Return the running event loop or None.\n\nThis is a low-level function intended to be used by event "
     "loops.\nThis function is thread-specific."},
    {"_set_running_loop", mod_set_running_loop, ARGS_ONE,
     "Set the running event loop.\n\nThis is a low-level function intended to be used by event loops.\n"
     "This function is thread-specific."},
    {"get_event_loop", mod_get_event_loop, ARGS_NONE,
     "Return an asyncio event loop.\n\nWhen called from a coroutine or a callback (e.g. scheduled with "
     "call_soon\nor similar API), this function will always return the running event loop.\n\n"
     "If there is no running event loop set, the function will return\nthe result of "
     "`get_event_loop_policy().get_event_loop()` call."},
    {"_get_event_loop", mod_get_event_loop_private, ARGS_KW, NULL, "($module, /, stacklevel=3)"},
    {"_register_task", mod_register_task, ARGS_KW,
     "Register a new task in asyncio as executed by loop.\n\nReturns None.", "($module, /, task)"},
    {"_unregister_task", mod_unregister_task, ARGS_KW, "Unregister a task.\n\nReturns None.",
     "($module, /, task)"},
    {"_enter_task", mod_enter_task, ARGS_KW,
     "Enter into task execution or resume suspended task.\n\nTask belongs to loop.\n\nReturns None.",
     "($module, /, loop, task)"},
    {"_leave_task", mod_leave_task, ARGS_KW,
     "Leave task execution or suspend a task.\n\nTask belongs to loop.\n\nReturns None.",
     "($module, /, loop, task)"},
    {NULL, NULL, 0, NULL},
};

#define FUTURE_DOC                                                                            \
    "This class is *almost* compatible with concurrent.futures.Future.\n\n    Differences:\n\n"      \
    "    - result() and exception() do not take a timeout argument and\n"                          \
    "      raise an exception when the future isn't done yet.\n\n"                                  \
    "    - Callbacks registered with add_done_callback() are always called\n"                      \
    "      via the event loop's call_soon_threadsafe().\n\n"                                        \
    "    - This class is not compatible with the wait() and as_completed()\n"                      \
    "      methods in the concurrent.futures package."

static Value state_attr(const char *module, const char *name) {
    Value m = import_module_c(module);
    return IS_NULL(m) ? VAL_NULL : obj_getattr_c(m, name);
}

/* Fill a local copy, then keep it unless a nested init already did. */
static int asyncio_state_init(void) {
    if (asyncio_state_ready) return 0;
    AsyncioState s;
    if (IS_NULL(s.invalid_state_error = state_attr("asyncio.exceptions", "InvalidStateError")) ||
        IS_NULL(s.cancelled_error = state_attr("asyncio.exceptions", "CancelledError")) ||
        IS_NULL(s.future_repr = state_attr("asyncio.base_futures", "_future_repr")) ||
        IS_NULL(s.task_repr = state_attr("asyncio.base_tasks", "_task_repr")) ||
        IS_NULL(s.task_get_stack = state_attr("asyncio.base_tasks", "_task_get_stack")) ||
        IS_NULL(s.task_print_stack = state_attr("asyncio.base_tasks", "_task_print_stack")) ||
        IS_NULL(s.get_event_loop_policy = state_attr("asyncio.events", "get_event_loop_policy")) ||
        IS_NULL(s.iscoroutine = state_attr("asyncio.coroutines", "iscoroutine")) ||
        IS_NULL(s.isgenerator = state_attr("inspect", "isgenerator")) ||
        IS_NULL(s.extract_stack = state_attr("traceback", "extract_stack")) ||
        IS_NULL(s.copy_context = state_attr("contextvars", "copy_context")))
        return -1;
    Value weakset = state_attr("weakref", "WeakSet");
    if (IS_NULL(weakset) || IS_NULL(s.all_tasks = call0(weakset)) || IS_NULL(s.current_tasks = dict_new()) ||
        IS_NULL(s.context_kwnames = tuple_pack(1, str_intern_c("context"))))
        return -1;
    s.str_pending = str_intern_c("PENDING");
    s.str_cancelled = str_intern_c("CANCELLED");
    s.str_finished = str_intern_c("FINISHED");
    s.s_call_soon = str_intern_c("call_soon");
    s.s_get_debug = str_intern_c("get_debug");
    s.s_blocking = str_intern_c("_asyncio_future_blocking");
    s.s_add_done_callback = str_intern_c("add_done_callback");
    s.s_get_loop = str_intern_c("get_loop");
    s.s_loop = str_intern_c("_loop");
    s.s_add = str_intern_c("add");
    s.s_discard = str_intern_c("discard");
    s.s_send = str_intern_c("send");
    s.s_throw = str_intern_c("throw");
    s.s_cancel = str_intern_c("cancel");
    s.s_result = str_intern_c("result");
    s.s_get_event_loop = str_intern_c("get_event_loop");
    s.s_call_exception_handler = str_intern_c("call_exception_handler");
    if (asyncio_state_ready) return 0;
    Value *roots = (Value *)&asyncio_state;
    for (size_t i = 0; i < sizeof asyncio_state / sizeof(Value); i++) gc_add_root(&roots[i]);
    asyncio_state = s;
    asyncio_state_ready = 1;
    return 0;
}

Value mod_asyncio_init(void) {
    if (asyncio_state_init() < 0) return VAL_NULL;
    Value m = module_new_c("_asyncio");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    dict_add_methods(d, mod_asyncio_functions, m);
    dict_set_c(d, "__doc__", str_from_c("Accelerator module for asyncio"));
    dict_set_c(type_asyncio_future.dict, "__doc__", str_from_c(FUTURE_DOC));
    dict_set_c(type_asyncio_task.dict, "__doc__", str_from_c("A coroutine wrapped in a Future."));
    dict_set_c(d, "Future", MK_OBJ(&type_asyncio_future));
    dict_set_c(d, "Task", MK_OBJ(&type_asyncio_task));
    dict_set_c(d, "_all_tasks", asyncio_state.all_tasks);
    dict_set_c(d, "_current_tasks", asyncio_state.current_tasks);
    return err_occurred() ? VAL_NULL : m;
}
