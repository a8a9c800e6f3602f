/* asyncio_task.c - _asyncio.Task, what asyncio.Task is when the C module is
 * there: a Future that drives a coroutine, one step per event-loop callback.
 *
 * The algorithm is tasks.py's Task.__step and __wakeup, with the C
 * implementation's shortcuts:
 *   - a step of a native coroutine resumes its frame directly (gen_resume,
 *     interp/func.c): no bound `send` method, no StopIteration object when
 *     it returns;
 *   - a yielded exact Future or Task is waited for through its C fields
 *     (_asyncio_future_blocking, its loop, add_done_callback); anything
 *     else goes through its Python attributes, so subclasses and
 *     duck-typed futures keep working;
 *   - the callbacks given to the loop are two small callable types, a step
 *     (with the exception to throw in, if any) and a wakeup, instead of
 *     bound methods.
 * Each step runs between _enter_task and _leave_task, so current_task()
 * sees it; an error of either is chained to the step's own.
 */
#include <inttypes.h>

#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "runtime/state.h"
#include "interp/vm.h"
#include "asyncio.h"

#define TSELF AS_TASK(args[0])

static uint64_t task_name_counter;

static void task_trace(Obj *o) {
    TaskObj *t = (TaskObj *)o;
    fut_trace(o);
    gc_mark_value(t->coro);
    gc_mark_value(t->context);
    gc_mark_value(t->name);
    gc_mark_value(t->fut_waiter);
}

/* ---- the loop's callbacks: a step and a wakeup ----------------------------------------- */

typedef struct TaskCallback {
    Obj   header;
    Value task;
    Value arg;              /* step: the exception to throw in, or VAL_NULL */
} TaskCallback;

extern Type type_task_step, type_task_wakeup;

static void tcb_trace(Obj *o) {
    gc_mark_value(((TaskCallback *)o)->task);
    gc_mark_value(((TaskCallback *)o)->arg);
}

static Value tcb_new(Type *t, Value task, Value arg) {
    TaskCallback *cb = (TaskCallback *)gc_alloc(t, sizeof(TaskCallback));
    if (!cb) return VAL_NULL;
    cb->task = task;
    cb->arg = arg;
    return MK_OBJ(cb);
}

static int task_call_step_soon(TaskObj *t, Value exc) {
    Value cb = tcb_new(&type_task_step, MK_OBJ(t), exc);
    return IS_NULL(cb) ? -1 : asyncio_call_soon(t->fut.loop, cb, VAL_NULL, t->context);
}

/* Schedule a step that throws RuntimeError(msg) into the coroutine. */
static Value task_step_error_soon(TaskObj *t, Value msg) {
    Value exc = IS_NULL(msg) ? VAL_NULL : call1(MK_OBJ(&exc_RuntimeError), msg);
    if (IS_NULL(exc)) return VAL_NULL;
    return task_call_step_soon(t, exc) < 0 ? VAL_NULL : VAL_NONE;
}

/* ---- one step ------------------------------------------------------------------------- */

/* Resume the coroutine: 1 it yielded *out, 0 it returned *out, -1 it raised. */
static int task_resume(TaskObj *t, Value exc, Value *out) {
    Value coro = t->coro;
    Value r;
    if (IS_NULL(exc) && IS_EXACT(coro, type_coroutine)) return gen_resume(coro, VAL_NONE, VAL_NULL, out);
    if (IS_NULL(exc)) {
        Value none = VAL_NONE;
        r = asyncio_call_method(coro, asyncio_state.s_send, &none, 1);
    } else if (IS_GEN_OR_CORO(coro)) {
        Value args[4] = {coro, exc, VAL_NULL, VAL_NULL};
        r = gen_throw(coro, args);
    } else {
        r = asyncio_call_method(coro, asyncio_state.s_throw, &exc, 1);
    }
    if (!IS_NULL(r)) { *out = r; return 1; }
    if (!err_occurred()) { *out = VAL_NONE; return 0; }
    if (!err_matches(&exc_StopIteration)) return -1;
    *out = exc_get_attr_c(err_fetch(), "value");
    return IS_NULL(*out) ? -1 : 0;
}

/* The coroutine returned or raised: the task is done. */
static Value task_finish(TaskObj *t, int st, Value value) {
    FutureObj *f = &t->fut;
    if (st == 0) {
        if (!t->must_cancel) return fut_set_result(f, value);
        t->must_cancel = 0;
        return IS_NULL(fut_cancel(f, IS_NULL(f->cancel_msg) ? VAL_NONE : f->cancel_msg)) ? VAL_NULL : VAL_NONE;
    }
    Value e = err_fetch();
    if (val_isinstance(e, AS_TYPE(asyncio_state.cancelled_error))) {
        f->cancelled_exc = e;
        return IS_NULL(fut_cancel(f, VAL_NONE)) ? VAL_NULL : VAL_NONE;
    }
    if (IS_NULL(fut_set_exception(f, e))) return VAL_NULL;
    if (val_isinstance(e, &exc_KeyboardInterrupt) || val_isinstance(e, &exc_SystemExit)) return err_set_obj(e);
    return VAL_NONE;
}

static Value task_cancel(TaskObj *t, Value msg);

/* fut.cancel(msg) through C for exact Futures and Tasks: 1 cancelled, 0 not, -1 error. */
static int task_cancel_other(Value fut, Value msg) {
    Value r = IS_EXACT(fut, type_asyncio_future) ? fut_cancel(AS_FUT(fut), msg)
            : IS_EXACT(fut, type_asyncio_task) ? task_cancel(AS_TASK(fut), msg)
            : asyncio_call_method(fut, asyncio_state.s_cancel, &msg, 1);
    return IS_NULL(r) ? -1 : obj_truthy(r);
}

static Value task_wakeup_new(TaskObj *t) { return tcb_new(&type_task_wakeup, MK_OBJ(t), VAL_NULL); }

/* Wait for an exact Future or Task the coroutine yielded. */
static Value task_wait_exact(TaskObj *t, FutureObj *w) {
    if (w->loop != t->fut.loop)
        return task_step_error_soon(t, str_format_c("Task %R got Future %R attached to a different loop",
                                                    MK_OBJ(t), MK_OBJ(w)));
    if (!w->blocking)
        return task_step_error_soon(t, str_format_c("yield was used instead of yield from in task %R with %R",
                                                    MK_OBJ(t), MK_OBJ(w)));
    w->blocking = 0;
    Value wake = task_wakeup_new(t);
    if (IS_NULL(wake) || fut_add_done_callback(w, wake, t->context) < 0) return VAL_NULL;
    t->fut_waiter = MK_OBJ(w);
    if (t->must_cancel) {
        int yes = task_cancel_other(MK_OBJ(w), IS_NULL(t->fut.cancel_msg) ? VAL_NONE : t->fut.cancel_msg);
        if (yes < 0) return VAL_NULL;
        if (yes) t->must_cancel = 0;
    }
    return VAL_NONE;
}

/* Wait for another object with _asyncio_future_blocking set. */
static Value task_wait_other(TaskObj *t, Value w) {
    Value oloop = fut_get_loop(w);
    if (IS_NULL(oloop)) return VAL_NULL;
    if (oloop != t->fut.loop)
        return task_step_error_soon(t, str_format_c("Task %R got Future %R attached to a different loop",
                                                    MK_OBJ(t), w));
    if (obj_setattr(w, asyncio_state.s_blocking, VAL_FALSE) < 0) return VAL_NULL;
    Value wake = task_wakeup_new(t);
    Value add = IS_NULL(wake) ? VAL_NULL : obj_getattr(w, asyncio_state.s_add_done_callback);
    if (IS_NULL(add)) return VAL_NULL;
    Value cargs[2] = {wake, t->context};
    if (IS_NULL(call_value(add, cargs, 1, asyncio_state.context_kwnames))) return VAL_NULL;
    t->fut_waiter = w;
    if (t->must_cancel) {
        int yes = task_cancel_other(w, IS_NULL(t->fut.cancel_msg) ? VAL_NONE : t->fut.cancel_msg);
        if (yes < 0) return VAL_NULL;
        if (yes) t->must_cancel = 0;
    }
    return VAL_NONE;
}

/* The coroutine yielded `r`: wait for the future it names, or say what is wrong. */
static Value task_handle_yield(TaskObj *t, Value r) {
    if (r == MK_OBJ(t))
        return task_step_error_soon(t, str_format_c("Task cannot await on itself: %R", MK_OBJ(t)));
    if (IS_EXACT_FUT(r)) return task_wait_exact(t, AS_FUT(r));
    if (IS_NONE(r)) return task_call_step_soon(t, VAL_NULL) < 0 ? VAL_NULL : VAL_NONE;
    Value o = obj_getattr_opt(r, asyncio_state.s_blocking);
    if (IS_NULL(o) && err_occurred()) return VAL_NULL;
    if (!IS_NULL(o) && !IS_NONE(o)) {
        int blocking = obj_truthy(o);
        if (blocking < 0) return VAL_NULL;
        if (blocking) return task_wait_other(t, r);
        return task_step_error_soon(t, str_format_c("yield was used instead of yield from in task %R with %R",
                                                    MK_OBJ(t), r));
    }
    Value isgen = call1(asyncio_state.isgenerator, r);
    int gen = IS_NULL(isgen) ? -1 : obj_truthy(isgen);
    if (gen < 0) return VAL_NULL;
    if (gen)
        return task_step_error_soon(t, str_format_c("yield was used instead of yield from for generator in task "
                                                    "%R with %R", MK_OBJ(t), r));
    return task_step_error_soon(t, str_format_c("Task got bad yield: %R", r));
}

static Value task_step_impl(TaskObj *t, Value exc) {
    if (t->fut.state != FUT_PENDING)
        return err_set_value(AS_TYPE(asyncio_state.invalid_state_error),
                             str_format_c("_step(): already done: %R, %R", MK_OBJ(t), IS_NULL(exc) ? VAL_NONE : exc));
    if (t->must_cancel) {
        if (IS_NULL(exc) || !val_isinstance(exc, AS_TYPE(asyncio_state.cancelled_error))) {
            exc = fut_make_cancelled_error(&t->fut);
            if (IS_NULL(exc)) return VAL_NULL;
        }
        t->must_cancel = 0;
    }
    t->fut_waiter = VAL_NULL;
    Value out;
    int st = task_resume(t, exc, &out);
    if (st == 1) return task_handle_yield(t, out);
    return task_finish(t, st, out);
}

/* A step between _enter_task and _leave_task. */
static Value task_step(TaskObj *t, Value exc) {
    Value loop = t->fut.loop;
    if (asyncio_enter_task(loop, MK_OBJ(t)) < 0) return VAL_NULL;
    Value r = task_step_impl(t, exc);
    Value e = IS_NULL(r) ? err_fetch() : VAL_NULL;
    if (asyncio_leave_task(loop, MK_OBJ(t)) < 0) {
        if (!IS_NULL(e)) exc_set_context(err_peek(), e);
        return VAL_NULL;
    }
    if (!IS_NULL(e)) ts_get()->exc = e;
    return r;
}

/* The future the task waited for is done: step with its result or exception. */
static Value task_wakeup(TaskObj *t, Value fut) {
    Value r;
    if (IS_EXACT_FUT(fut)) {
        int st = fut_get_result(AS_FUT(fut), &r);
        if (st >= 0) return task_step(t, st ? r : VAL_NULL);
    } else {
        r = asyncio_call_method(fut, asyncio_state.s_result, NULL, 0);
        if (!IS_NULL(r)) return task_step(t, VAL_NULL);
    }
    return task_step(t, err_fetch());
}

static Value tstep_call(Value self, Value *args, int nargs, Value kwnames) {
    if (nargs || (!IS_NULL(kwnames) && AS_TUPLE(kwnames)->len))
        return err_format(&exc_TypeError, "step function takes no arguments");
    TaskCallback *cb = (TaskCallback *)AS_OBJ(self);
    return task_step(AS_TASK(cb->task), cb->arg);
}

static Value twake_call(Value self, Value *args, int nargs, Value kwnames) {
    if (nargs != 1 || (!IS_NULL(kwnames) && AS_TUPLE(kwnames)->len))
        return err_format(&exc_TypeError, "task_wakeup() takes exactly one argument (%d given)", nargs);
    return task_wakeup(AS_TASK(((TaskCallback *)AS_OBJ(self))->task), args[0]);
}

static Value tcb_get_self(Value self) { return ((TaskCallback *)AS_OBJ(self))->task; }

static const GetSetDef tcb_getsets[] = {
    {"__self__", tcb_get_self, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

Type type_task_step = {
    .tp_name = "TaskStepMethWrapper", .base = &type_object, .basicsize = sizeof(TaskCallback),
    .trace = tcb_trace, .call = tstep_call, .getsets = tcb_getsets,
};
GILPY_TYPE(type_task_step, NULL);

Type type_task_wakeup = {
    .tp_name = "TaskWakeupMethWrapper", .base = &type_object, .basicsize = sizeof(TaskCallback),
    .trace = tcb_trace, .call = twake_call, .getsets = tcb_getsets,
};
GILPY_TYPE(type_task_wakeup, NULL);

/* ---- creation ------------------------------------------------------------------------- */

static Value task_new_m(Value *args, int nargs, Value kwnames) {
    TaskObj *t = (TaskObj *)obj_new_instance(AS_TYPE(args[0]));
    if (!t) return VAL_NULL;
    t->fut.loop = t->fut.callback0 = t->fut.context0 = t->fut.callbacks = VAL_NULL;
    t->fut.result = t->fut.exception = t->fut.exception_tb = t->fut.source_tb = VAL_NULL;
    t->fut.cancel_msg = t->fut.cancelled_exc = VAL_NULL;
    t->coro = t->context = t->name = t->fut_waiter = VAL_NULL;
    return MK_OBJ(t);
}

static int task_is_coroutine(Value coro) {
    if (IS_EXACT(coro, type_coroutine)) return 1;
    Value r = call1(asyncio_state.iscoroutine, coro);
    return IS_NULL(r) ? -1 : obj_truthy(r);
}

static Value task_name_of(Value name) {
    if (IS_NONE(name)) return str_format_c("Task-%" PRIu64, ++task_name_counter);
    return IS_EXACT(name, type_str) ? name : obj_str(name);
}

/* __init__(self, coro, *, loop=None, name=None, context=None) */
static Value task_init_m(Value *args, int nargs, Value kwnames) {
    TaskObj *t = TSELF;
    Value coro = args[1];
    if (fut_init(&t->fut, args[2]) < 0) return VAL_NULL;
    int ok = task_is_coroutine(coro);
    if (ok < 0) return VAL_NULL;
    if (!ok) {
        t->log_destroy_pending = 0;
        return err_format(&exc_TypeError, "a coroutine was expected, got %R", coro);
    }
    Value ctx = IS_NULL(args[4]) ? VAL_NONE : args[4];
    if (IS_NONE(ctx) && IS_NULL(ctx = call0(asyncio_state.copy_context))) return VAL_NULL;
    t->context = ctx;
    t->fut_waiter = VAL_NULL;
    t->must_cancel = 0;
    t->log_destroy_pending = 1;
    t->num_cancels_requested = 0;
    t->coro = coro;
    t->name = task_name_of(IS_NULL(args[3]) ? VAL_NONE : args[3]);
    if (IS_NULL(t->name) || task_call_step_soon(t, VAL_NULL) < 0) return VAL_NULL;
    return asyncio_register_task(args[0]) < 0 ? VAL_NULL : VAL_NONE;
}

/* ---- methods -------------------------------------------------------------------------- */

static Value task_repr_m(Value *args, int nargs, Value kwnames) { return call1(asyncio_state.task_repr, args[0]); }

static Value task_del_m(Value *args, int nargs, Value kwnames) {
    TaskObj *t = TSELF;
    if (t->fut.state == FUT_PENDING && t->log_destroy_pending && !IS_NULL(t->fut.loop)) {
        t->log_destroy_pending = 0;
        Value saved = err_fetch();
        fut_log(&t->fut, fut_log_context(&t->fut, "task", str_from_c("Task was destroyed but it is pending!")));
        if (!IS_NULL(saved)) ts_get()->exc = saved;
    }
    return fut_del_m(args, nargs, kwnames);
}

static Value task_get_coro_m(Value *args, int nargs, Value kwnames) {
    return IS_NULL(TSELF->coro) ? VAL_NONE : TSELF->coro;
}
static Value task_get_name_m(Value *args, int nargs, Value kwnames) {
    return IS_NULL(TSELF->name) ? VAL_NONE : TSELF->name;
}
static Value task_set_name_m(Value *args, int nargs, Value kwnames) {
    Value name = IS_EXACT(args[1], type_str) ? args[1] : obj_str(args[1]);
    if (IS_NULL(name)) return VAL_NULL;
    TSELF->name = name;
    return VAL_NONE;
}

static Value task_set_result_m(Value *args, int nargs, Value kwnames) {
    return err_format(&exc_RuntimeError, "Task does not support set_result operation");
}
static Value task_set_exception_m(Value *args, int nargs, Value kwnames) {
    return err_format(&exc_RuntimeError, "Task does not support set_exception operation");
}

/* get_stack(self, /, *, limit=None) */
static Value task_get_stack_m(Value *args, int nargs, Value kwnames) {
    return call2(asyncio_state.task_get_stack, args[0], IS_NULL(args[1]) ? VAL_NONE : args[1]);
}

/* print_stack(self, /, *, limit=None, file=None) */
static Value task_print_stack_m(Value *args, int nargs, Value kwnames) {
    return call3(asyncio_state.task_print_stack, args[0], IS_NULL(args[1]) ? VAL_NONE : args[1],
                 IS_NULL(args[2]) ? VAL_NONE : args[2]);
}

static Value task_cancel(TaskObj *t, Value msg) {
    t->fut.log_tb = 0;
    if (t->fut.state != FUT_PENDING) return VAL_FALSE;
    t->num_cancels_requested++;
    if (!IS_NULL(t->fut_waiter)) {
        int yes = task_cancel_other(t->fut_waiter, msg);
        if (yes < 0) return VAL_NULL;
        if (yes) return VAL_TRUE;
    }
    t->must_cancel = 1;
    t->fut.cancel_msg = IS_NONE(msg) ? VAL_NULL : msg;
    return VAL_TRUE;
}

/* cancel(self, /, msg=None) */
static Value task_cancel_m(Value *args, int nargs, Value kwnames) {
    return task_cancel(TSELF, IS_NULL(args[1]) ? VAL_NONE : args[1]);
}

static Value task_cancelling_m(Value *args, int nargs, Value kwnames) {
    return MK_SMALLINT(TSELF->num_cancels_requested);
}
static Value task_uncancel_m(Value *args, int nargs, Value kwnames) {
    if (TSELF->num_cancels_requested > 0) TSELF->num_cancels_requested--;
    return MK_SMALLINT(TSELF->num_cancels_requested);
}

/* ---- attributes ----------------------------------------------------------------------- */

static Value task_get_log_destroy_pending(Value self) { return MK_BOOL(AS_TASK(self)->log_destroy_pending); }
static int task_set_log_destroy_pending(Value self, Value v) {
    if (IS_NULL(v)) {
        err_format(&exc_AttributeError, "can't delete attribute");
        return -1;
    }
    int b = obj_truthy(v);
    if (b < 0) return -1;
    AS_TASK(self)->log_destroy_pending = b;
    return 0;
}
static Value task_get_must_cancel(Value self) { return MK_BOOL(AS_TASK(self)->must_cancel); }
static Value task_get_coro(Value self) { return IS_NULL(AS_TASK(self)->coro) ? VAL_NONE : AS_TASK(self)->coro; }
static Value task_get_fut_waiter(Value self) {
    return IS_NULL(AS_TASK(self)->fut_waiter) ? VAL_NONE : AS_TASK(self)->fut_waiter;
}

static const GetSetDef task_getsets[] = {
    {"_log_destroy_pending", task_get_log_destroy_pending, task_set_log_destroy_pending, NULL},
    {"_must_cancel", task_get_must_cancel, getset_readonly, NULL},
    {"_coro", task_get_coro, getset_readonly, NULL},
    {"_fut_waiter", task_get_fut_waiter, getset_readonly, NULL},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef task_methods[] = {
    {"__new__", task_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__init__", task_init_m, ARGS_KW, NULL, "($self, /, coro, *, loop=None, name=None, context=None)"},
    {"__repr__", task_repr_m, ARGS_WRAP(0), NULL},
    {"__del__", task_del_m, ARGS_WRAP(0), NULL},
    {"get_coro", task_get_coro_m, ARGS_NONE, NULL},
    {"get_name", task_get_name_m, ARGS_NONE, NULL},
    {"set_name", task_set_name_m, ARGS_ONE, NULL},
    {"set_result", task_set_result_m, ARGS_ONE, NULL},
    {"set_exception", task_set_exception_m, ARGS_ONE, NULL},
    {"get_stack", task_get_stack_m, ARGS_KW,
     "Return the list of stack frames for this task's coroutine.\n\nIf the coroutine is not done, this returns "
     "the stack where it is\nsuspended.  If the coroutine has completed successfully or was\ncancelled, this "
     "returns an empty list.  If the coroutine was\nterminated by an exception, this returns the list of "
     "traceback\nframes.\n\nThe frames are always ordered from oldest to newest.\n\nThe optional limit gives the "
     "maximum number of frames to\nreturn; by default all available frames are returned.  Its\nmeaning differs "
     "depending on whether a stack or a traceback is\nreturned: the newest frames of a stack are returned, but "
     "the\noldest frames of a traceback are returned.  (This matches the\nbehavior of the traceback module.)\n\n"
     "For reasons beyond our control, only one stack frame is\nreturned for a suspended coroutine.",
     "($self, /, *, limit=None)"},
    {"print_stack", task_print_stack_m, ARGS_KW,
     "Print the stack or traceback for this task's coroutine.\n\nThis produces output similar to that of the "
     "traceback module,\nfor the frames retrieved by get_stack().  The limit argument\nis passed to get_stack().  "
     "The file argument is an I/O stream\nto which the output is written; by default output is written\nto "
     "sys.stderr.", "($self, /, *, limit=None, file=None)"},
    {"cancel", task_cancel_m, ARGS_KW,
     "Request that this task cancel itself.\n\nThis arranges for a CancelledError to be thrown into the\n"
     "wrapped coroutine on the next cycle through the event loop.\nThe coroutine then has a chance to clean up "
     "or even deny\nthe request using try/except/finally.\n\nUnlike Future.cancel, this does not guarantee that "
     "the\ntask will be cancelled: the exception might be caught and\nacted upon, delaying cancellation of the "
     "task or preventing\ncancellation completely.  The task may also return a value or\nraise a different "
     "exception.\n\nImmediately after this method is called, Task.cancelled() will\nnot return True (unless the "
     "task was already cancelled).  A\ntask will be marked as cancelled when the wrapped coroutine\nterminates "
     "with a CancelledError exception (even if cancel()\nwas not called).\n\nThis also increases the task's "
     "count of cancellation requests.", "($self, /, msg=None)"},
    {"cancelling", task_cancelling_m, ARGS_NONE,
     "Return the count of the task's cancellation requests.\n\nThis count is incremented when .cancel() is "
     "called\nand may be decremented using .uncancel()."},
    {"uncancel", task_uncancel_m, ARGS_NONE,
     "Decrement the task's count of cancellation requests.\n\nThis should be used by tasks that catch "
     "CancelledError\nand wish to continue indefinitely until they are cancelled again.\n\nReturns the remaining "
     "number of cancellation requests."},
    {NULL, NULL, 0, NULL},
};

Type type_asyncio_task = {
    .tp_name = "_asyncio.Task", .base = &type_asyncio_future,
    .flags = TF_BASETYPE | TF_HAS_DICT | TF_WEAKREFABLE, .dictoffset = offsetof(FutureObj, dict),
    .basicsize = sizeof(TaskObj), .trace = task_trace, .methods = task_methods, .getsets = task_getsets,
};
GILPY_TYPE(type_asyncio_task, NULL);
