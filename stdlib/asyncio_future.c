/* asyncio_future.c - _asyncio.Future and _asyncio.FutureIter, what
 * asyncio.Future is when the C module is there.
 *
 * The behaviour is futures.py's Future (states, callbacks scheduled through
 * loop.call_soon with their contexts, the CancelledError made once from the
 * cancel message or the exception that cancelled it, logging of a never
 * retrieved exception by __del__) with the C implementation's details where
 * they differ: "invalid state", "Result is not set.", a Future whose
 * __init__ never ran raising RuntimeError("Future object is not
 * initialized.") instead of crashing.
 *
 * Callbacks: the first is kept in two fields (most futures have exactly one
 * waiter, the task awaiting them), the others in a list of (callback,
 * context) tuples.  Scheduling takes them all out before calling call_soon,
 * which may run Python code that adds more.
 *
 * `await fut` iterates a FutureIter: the first __next__ on a pending future
 * sets _asyncio_future_blocking and yields the future itself (the Task then
 * waits for it); once the future is done the next __next__ ends the
 * iteration with its result.  The VM's `yield from` resumes it through the
 * type's send slot (runtime/object.h), which returns the result as is: no
 * StopIteration object per awaited future.
 */
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/finalize.h"
#include "runtime/gc.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_genericalias.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "runtime/state.h"
#include "asyncio.h"

#define FSELF AS_FUT(args[0])

static Value fut_not_initialized(Type *t) { return err_format(t, "Future object is not initialized."); }

int fut_ensure_alive(FutureObj *f) {
    if (!IS_NULL(f->loop)) return 0;
    fut_not_initialized(&exc_RuntimeError);
    return -1;
}

static Value fut_invalid_state(const char *msg) {
    return err_set_value(AS_TYPE(asyncio_state.invalid_state_error), str_from_c(msg));
}

void fut_trace(Obj *o) {
    FutureObj *f = (FutureObj *)o;
    gc_mark_value(f->dict);
    gc_mark_value(f->loop);
    gc_mark_value(f->callback0);
    gc_mark_value(f->context0);
    gc_mark_value(f->callbacks);
    gc_mark_value(f->result);
    gc_mark_value(f->exception);
    gc_mark_value(f->exception_tb);
    gc_mark_value(f->source_tb);
    gc_mark_value(f->cancel_msg);
    gc_mark_value(f->cancelled_exc);
}

static void fut_clear(FutureObj *f) {
    f->loop = f->callback0 = f->context0 = f->callbacks = VAL_NULL;
    f->result = f->exception = f->exception_tb = f->source_tb = VAL_NULL;
    f->cancel_msg = f->cancelled_exc = VAL_NULL;
    f->state = FUT_PENDING;
    f->log_tb = f->blocking = 0;
}

static Value fut_new_m(Value *args, int nargs, Value kwnames) {
    FutureObj *f = (FutureObj *)obj_new_instance(AS_TYPE(args[0]));
    if (!f) return VAL_NULL;
    fut_clear(f);
    return MK_OBJ(f);
}

int fut_init(FutureObj *f, Value loop) {
    fut_clear(f);
    if (IS_NULL(loop) || IS_NONE(loop)) loop = asyncio_get_event_loop();
    if (IS_NULL(loop)) return -1;
    f->loop = loop;
    Value dbg = asyncio_call_method(loop, asyncio_state.s_get_debug, NULL, 0);
    int on = IS_NULL(dbg) ? -1 : obj_truthy(dbg);
    if (on < 0) return -1;
    if (on && IS_NULL(f->source_tb = call0(asyncio_state.extract_stack))) return -1;
    return 0;
}

/* __init__(self, *, loop=None), parsed here for the messages naming Future(). */
static Value fut_init_m(Value *args, int nargs, Value kwnames) {
    int nkw = IS_NULL(kwnames) ? 0 : (int)AS_TUPLE(kwnames)->len;
    if (nargs > 1) return err_format(&exc_TypeError, "Future() takes no positional arguments");
    if (nkw > 1) return err_format(&exc_TypeError, "Future() takes at most 1 keyword argument (%d given)", nkw);
    if (nkw && !str_eq_c(AS_TUPLE(kwnames)->items[0], "loop"))
        return err_format(&exc_TypeError, "Future() got an unexpected keyword argument '%U'",
                          AS_TUPLE(kwnames)->items[0]);
    return fut_init(FSELF, nkw ? args[1] : VAL_NULL) < 0 ? VAL_NULL : VAL_NONE;
}

/* ---- completing ----------------------------------------------------------------------- */

static int fut_schedule_callbacks(FutureObj *f) {
    Value cb0 = f->callback0, ctx0 = f->context0, rest = f->callbacks;
    f->callback0 = f->context0 = f->callbacks = VAL_NULL;
    Value self = MK_OBJ(f);
    if (!IS_NULL(cb0) && asyncio_call_soon(f->loop, cb0, self, ctx0) < 0) return -1;
    if (IS_NULL(rest)) return 0;
    for (int64_t i = 0; i < AS_LIST(rest)->len; i++) {
        Value pair = AS_LIST(rest)->items[i];
        if (asyncio_call_soon(f->loop, AS_TUPLE(pair)->items[0], self, AS_TUPLE(pair)->items[1]) < 0) return -1;
    }
    return 0;
}

Value fut_set_result(FutureObj *f, Value result) {
    if (fut_ensure_alive(f) < 0) return VAL_NULL;
    if (f->state != FUT_PENDING) return fut_invalid_state("invalid state");
    f->result = result;
    f->state = FUT_FINISHED;
    return fut_schedule_callbacks(f) < 0 ? VAL_NULL : VAL_NONE;
}

Value fut_set_exception(FutureObj *f, Value exc) {
    if (fut_ensure_alive(f) < 0) return VAL_NULL;
    if (f->state != FUT_PENDING) return fut_invalid_state("invalid state");
    if (IS_TYPE(exc) && type_is_subtype(AS_TYPE(exc), &exc_BaseException)) {
        exc = call0(exc);
        if (IS_NULL(exc)) return VAL_NULL;
        if (f->state != FUT_PENDING) return fut_invalid_state("invalid state");
    }
    if (!IS_EXC(exc)) return err_format(&exc_TypeError, "invalid exception object");
    if (IS_EXACT(exc, exc_StopIteration))
        return err_format(&exc_TypeError,
                          "StopIteration interacts badly with generators and cannot be raised into a Future");
    f->exception = exc;
    f->exception_tb = AS_EXC(exc)->traceback;
    f->state = FUT_FINISHED;
    if (fut_schedule_callbacks(f) < 0) return VAL_NULL;
    f->log_tb = 1;
    return VAL_NONE;
}

Value fut_cancel(FutureObj *f, Value msg) {
    if (fut_ensure_alive(f) < 0) return VAL_NULL;
    f->log_tb = 0;
    if (f->state != FUT_PENDING) return VAL_FALSE;
    f->state = FUT_CANCELLED;
    f->cancel_msg = IS_NONE(msg) ? VAL_NULL : msg;
    return fut_schedule_callbacks(f) < 0 ? VAL_NULL : VAL_TRUE;
}

Value fut_make_cancelled_error(FutureObj *f) {
    Value exc = f->cancelled_exc;
    if (!IS_NULL(exc)) {
        f->cancelled_exc = VAL_NULL;
        return exc;
    }
    Value cls = asyncio_state.cancelled_error;
    return IS_NULL(f->cancel_msg) ? call0(cls) : call1(cls, f->cancel_msg);
}

static Value fut_raise_cancelled(FutureObj *f) {
    Value exc = fut_make_cancelled_error(f);
    return IS_NULL(exc) ? VAL_NULL : err_set_obj(exc);
}

int fut_get_result(FutureObj *f, Value *out) {
    if (f->state == FUT_CANCELLED) {
        fut_raise_cancelled(f);
        return -1;
    }
    if (f->state != FUT_FINISHED) {
        IS_NULL(f->loop) ? fut_not_initialized(AS_TYPE(asyncio_state.invalid_state_error))
                         : fut_invalid_state("Result is not set.");
        return -1;
    }
    f->log_tb = 0;
    if (!IS_NULL(f->exception)) {
        AS_EXC(f->exception)->traceback = IS_NULL(f->exception_tb) ? VAL_NONE : f->exception_tb;
        *out = f->exception;
        return 1;
    }
    *out = f->result;
    return 0;
}

static Value fut_result(FutureObj *f) {
    Value r;
    int st = fut_get_result(f, &r);
    if (st < 0) return VAL_NULL;
    return st ? err_set_obj(r) : r;
}

/* ---- methods -------------------------------------------------------------------------- */

static Value fut_result_m(Value *args, int nargs, Value kwnames) { return fut_result(FSELF); }

static Value fut_exception_m(Value *args, int nargs, Value kwnames) {
    FutureObj *f = FSELF;
    if (f->state == FUT_CANCELLED) return fut_raise_cancelled(f);
    if (IS_NULL(f->loop)) return fut_not_initialized(AS_TYPE(asyncio_state.invalid_state_error));
    if (f->state != FUT_FINISHED) return fut_invalid_state("Exception is not set.");
    f->log_tb = 0;
    return IS_NULL(f->exception) ? VAL_NONE : f->exception;
}

static Value fut_set_result_m(Value *args, int nargs, Value kwnames) { return fut_set_result(FSELF, args[1]); }
static Value fut_set_exception_m(Value *args, int nargs, Value kwnames) {
    return fut_set_exception(FSELF, args[1]);
}

int fut_add_done_callback(FutureObj *f, Value cb, Value ctx) {
    if (f->state != FUT_PENDING) return asyncio_call_soon(f->loop, cb, MK_OBJ(f), ctx);
    if (IS_NULL(f->callback0) && IS_NULL(f->callbacks)) {
        f->callback0 = cb;
        f->context0 = ctx;
        return 0;
    }
    Value pair = tuple_pack(2, cb, ctx);
    if (IS_NULL(pair)) return -1;
    if (IS_NULL(f->callbacks) && IS_NULL(f->callbacks = list_new(0))) return -1;
    return list_append(f->callbacks, pair);
}

/* add_done_callback(self, fn, /, *, context=None) */
static Value fut_add_done_callback_m(Value *args, int nargs, Value kwnames) {
    FutureObj *f = FSELF;
    if (IS_NULL(f->loop)) return err_format(&exc_RuntimeError, "uninitialized Future object");
    Value ctx = args[2];
    if ((IS_NULL(ctx) || IS_NONE(ctx)) && IS_NULL(ctx = call0(asyncio_state.copy_context))) return VAL_NULL;
    return fut_add_done_callback(f, args[1], ctx) < 0 ? VAL_NULL : VAL_NONE;
}

/* remove_done_callback(self, fn, /): how many were removed. */
static Value fut_remove_done_callback_m(Value *args, int nargs, Value kwnames) {
    FutureObj *f = FSELF;
    Value fn = args[1];
    if (fut_ensure_alive(f) < 0) return VAL_NULL;
    int64_t removed = 0;
    if (!IS_NULL(f->callback0)) {
        int eq = obj_eq(f->callback0, fn);
        if (eq < 0) return VAL_NULL;
        if (eq) {
            f->callback0 = f->context0 = VAL_NULL;
            removed++;
        }
    }
    if (IS_NULL(f->callbacks)) return MK_SMALLINT(removed);
    Value old = f->callbacks, kept = list_new(0);
    if (IS_NULL(kept)) return VAL_NULL;
    for (int64_t i = 0; i < AS_LIST(old)->len; i++) {
        Value pair = AS_LIST(old)->items[i];
        int eq = obj_eq(AS_TUPLE(pair)->items[0], fn);
        if (eq < 0) return VAL_NULL;
        if (eq) removed++;
        else if (list_append(kept, pair) < 0) return VAL_NULL;
    }
    if (f->callbacks == old) f->callbacks = AS_LIST(kept)->len ? kept : VAL_NULL;
    return MK_SMALLINT(removed);
}

/* cancel(self, /, msg=None) */
static Value fut_cancel_m(Value *args, int nargs, Value kwnames) {
    return fut_cancel(FSELF, IS_NULL(args[1]) ? VAL_NONE : args[1]);
}

static Value fut_cancelled_m(Value *args, int nargs, Value kwnames) {
    return MK_BOOL(FSELF->state == FUT_CANCELLED);
}
static Value fut_done_m(Value *args, int nargs, Value kwnames) {
    return MK_BOOL(FSELF->state != FUT_PENDING);
}

static Value fut_get_loop_m(Value *args, int nargs, Value kwnames) {
    return fut_ensure_alive(FSELF) < 0 ? VAL_NULL : FSELF->loop;
}

/* The loop of any future: get_loop() if it has one, else _loop. */
Value fut_get_loop(Value fut) {
    if (IS_EXACT_FUT(fut)) return fut_ensure_alive(AS_FUT(fut)) < 0 ? VAL_NULL : AS_FUT(fut)->loop;
    Value m = obj_getattr_opt(fut, asyncio_state.s_get_loop);
    if (!IS_NULL(m)) return call0(m);
    return err_occurred() ? VAL_NULL : obj_getattr(fut, asyncio_state.s_loop);
}

static Value fut_make_cancelled_error_m(Value *args, int nargs, Value kwnames) {
    return fut_make_cancelled_error(FSELF);
}

static Value fut_repr_m(Value *args, int nargs, Value kwnames) {
    return call1(asyncio_state.future_repr, args[0]);
}

static Value fut_iter_new(Value fut);

static Value fut_await_m(Value *args, int nargs, Value kwnames) {
    return fut_ensure_alive(FSELF) < 0 ? VAL_NULL : fut_iter_new(args[0]);
}

/* The context asyncio's exception handler gets for a lost exception or task. */
Value fut_log_context(FutureObj *f, const char *key, Value message) {
    Value ctx = dict_new();
    if (IS_NULL(ctx) || IS_NULL(message) || dict_set_c(ctx, "message", message) < 0 ||
        dict_set_c(ctx, key, MK_OBJ(f)) < 0)
        return VAL_NULL;
    if (!IS_NULL(f->source_tb) && dict_set_c(ctx, "source_traceback", f->source_tb) < 0) return VAL_NULL;
    return ctx;
}

void fut_log(FutureObj *f, Value ctx) {
    Value r = IS_NULL(ctx) ? VAL_NULL : asyncio_call_method(f->loop, asyncio_state.s_call_exception_handler, &ctx, 1);
    if (IS_NULL(r)) fin_write_unraisable(MK_OBJ(f));
}

/* __del__: an exception nobody retrieved goes to the loop's exception handler. */
Value fut_del_m(Value *args, int nargs, Value kwnames) {
    FutureObj *f = FSELF;
    if (!f->log_tb || IS_NULL(f->loop)) return VAL_NONE;
    f->log_tb = 0;
    Value saved = err_fetch();
    Value msg = str_format_c("%U exception was never retrieved", val_type(args[0])->name);
    Value ctx = fut_log_context(f, "future", msg);
    if (!IS_NULL(ctx) && dict_set_c(ctx, "exception", f->exception) < 0) ctx = VAL_NULL;
    fut_log(f, ctx);
    if (!IS_NULL(saved)) ts_get()->exc = saved;
    return VAL_NONE;
}

/* ---- attributes ----------------------------------------------------------------------- */

static Value or_none(Value v) { return IS_NULL(v) ? VAL_NONE : v; }

static int fut_alive_attr(Value self) { return fut_ensure_alive(AS_FUT(self)); }

Value fut_getset_state(Value self) {
    if (fut_alive_attr(self) < 0) return VAL_NULL;
    int s = AS_FUT(self)->state;
    return s == FUT_PENDING ? asyncio_state.str_pending
         : s == FUT_CANCELLED ? asyncio_state.str_cancelled : asyncio_state.str_finished;
}

static Value fut_get_blocking(Value self) { return MK_BOOL(AS_FUT(self)->blocking); }

static int fut_no_delete(Value v) {
    if (!IS_NULL(v)) return 0;
    err_format(&exc_AttributeError, "cannot delete attribute");
    return -1;
}

static int fut_set_blocking(Value self, Value v) {
    if (fut_no_delete(v) < 0) return -1;
    int b = obj_truthy(v);
    if (b < 0) return -1;
    AS_FUT(self)->blocking = b;
    return 0;
}

static Value fut_get_log_tb(Value self) {
    return fut_alive_attr(self) < 0 ? VAL_NULL : MK_BOOL(AS_FUT(self)->log_tb);
}

static int fut_set_log_tb(Value self, Value v) {
    if (fut_no_delete(v) < 0) return -1;
    int b = obj_truthy(v);
    if (b < 0) return -1;
    if (b) {
        err_format(&exc_ValueError, "_log_traceback can only be set to False");
        return -1;
    }
    AS_FUT(self)->log_tb = 0;
    return 0;
}

static Value fut_get_loop_attr(Value self) { return or_none(AS_FUT(self)->loop); }

static Value fut_get_callbacks(Value self) {
    FutureObj *f = AS_FUT(self);
    if (fut_alive_attr(self) < 0) return VAL_NULL;
    if (IS_NULL(f->callback0) && IS_NULL(f->callbacks)) return VAL_NONE;
    Value l = list_new(0);
    if (IS_NULL(l)) return VAL_NULL;
    Value pair = IS_NULL(f->callback0) ? VAL_NONE : tuple_pack(2, f->callback0, f->context0);
    if (IS_NULL(pair) || (!IS_NONE(pair) && list_append(l, pair) < 0)) return VAL_NULL;
    for (int64_t i = 0; !IS_NULL(f->callbacks) && i < AS_LIST(f->callbacks)->len; i++)
        if (list_append(l, AS_LIST(f->callbacks)->items[i]) < 0) return VAL_NULL;
    return l;
}

static Value fut_get_result_attr(Value self) {
    return fut_alive_attr(self) < 0 ? VAL_NULL : or_none(AS_FUT(self)->result);
}
static Value fut_get_exception_attr(Value self) {
    return fut_alive_attr(self) < 0 ? VAL_NULL : or_none(AS_FUT(self)->exception);
}
static Value fut_get_source_tb(Value self) { return or_none(AS_FUT(self)->source_tb); }
static Value fut_get_cancel_msg(Value self) { return or_none(AS_FUT(self)->cancel_msg); }
static int fut_set_cancel_msg(Value self, Value v) {
    if (fut_no_delete(v) < 0) return -1;
    AS_FUT(self)->cancel_msg = IS_NONE(v) ? VAL_NULL : v;
    return 0;
}

static const GetSetDef fut_getsets[] = {
    {"_state", fut_getset_state, NULL, NULL},
    {"_asyncio_future_blocking", fut_get_blocking, fut_set_blocking, NULL},
    {"_log_traceback", fut_get_log_tb, fut_set_log_tb, NULL},
    {"_loop", fut_get_loop_attr, NULL, NULL},
    {"_callbacks", fut_get_callbacks, NULL, NULL},
    {"_result", fut_get_result_attr, NULL, NULL},
    {"_exception", fut_get_exception_attr, NULL, NULL},
    {"_source_traceback", fut_get_source_tb, NULL, NULL},
    {"_cancel_message", fut_get_cancel_msg, fut_set_cancel_msg, NULL},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef fut_methods[] = {
    {"__new__", fut_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__init__", fut_init_m, ARGS_ANY, NULL, "($self, /, *, loop=None)"},
    {"__repr__", fut_repr_m, ARGS_WRAP(0), NULL},
    {"__del__", fut_del_m, ARGS_WRAP(0), NULL},
    {"__await__", fut_await_m, ARGS_WRAP(0), NULL},
    {"__iter__", fut_await_m, ARGS_WRAP(0), NULL},
    {"result", fut_result_m, ARGS_NONE,
     "Return the result this future represents.\n\nIf the future has been cancelled, raises CancelledError.  "
     "If the\nfuture's result isn't yet available, raises InvalidStateError.  If\nthe future is done and has an "
     "exception set, this exception is raised."},
    {"exception", fut_exception_m, ARGS_NONE,
     "Return the exception that was set on this future.\n\nThe exception (or None if no exception was set) is "
     "returned only if\nthe future is done.  If the future has been cancelled, raises\nCancelledError.  If the "
     "future isn't done yet, raises\nInvalidStateError."},
    {"set_result", fut_set_result_m, ARGS_ONE,
     "Mark the future done and set its result.\n\nIf the future is already done when this method is called, "
     "raises\nInvalidStateError."},
    {"set_exception", fut_set_exception_m, ARGS_ONE,
     "Mark the future done and set an exception.\n\nIf the future is already done when this method is called, "
     "raises\nInvalidStateError."},
    {"add_done_callback", fut_add_done_callback_m, ARGS_KW,
     "Add a callback to be run when the future becomes done.\n\nThe callback is called with a single argument "
     "- the future object. If\nthe future is already done when this is called, the callback is\nscheduled with "
     "call_soon.", "($self, fn, /, *, context=<unrepresentable>)"},
    {"remove_done_callback", fut_remove_done_callback_m, ARGS_ONE,
     "Remove all instances of a callback from the \"call when done\" list.\n\nReturns the number of callbacks "
     "removed."},
    {"cancel", fut_cancel_m, ARGS_KW,
     "Cancel the future and schedule callbacks.\n\nIf the future is already done or cancelled, return False.  "
     "Otherwise,\nchange the future's state to cancelled, schedule the callbacks and\nreturn True.",
     "($self, /, msg=None)"},
    {"cancelled", fut_cancelled_m, ARGS_NONE, "Return True if the future was cancelled."},
    {"done", fut_done_m, ARGS_NONE,
     "Return True if the future is done.\n\nDone means either that a result / exception are available, or that "
     "the\nfuture was cancelled."},
    {"get_loop", fut_get_loop_m, ARGS_NONE, "Return the event loop the Future is bound to."},
    {"_make_cancelled_error", fut_make_cancelled_error_m, ARGS_NONE,
     "Create the CancelledError to raise if the Future is cancelled.\n\nThis should only be called once when "
     "handling a cancellation since\nit erases the context exception value."},
    {"__class_getitem__", generic_alias_class_getitem_m, METH_CLASS | ARGS_ONE, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

Type type_asyncio_future = {
    .tp_name = "_asyncio.Future", .base = &type_object,
    .flags = TF_BASETYPE | TF_HAS_DICT | TF_WEAKREFABLE, .dictoffset = offsetof(FutureObj, dict),
    .basicsize = sizeof(FutureObj), .trace = fut_trace, .methods = fut_methods, .getsets = fut_getsets,
};
GILPY_TYPE(type_asyncio_future, NULL);

/* ---- FutureIter ----------------------------------------------------------------------- */

typedef struct FutureIter {
    Obj   header;
    Value future;           /* VAL_NULL once the iteration ended */
} FutureIter;

#define AS_FITER(v) ((FutureIter *)AS_OBJ(v))

static void fiter_trace(Obj *o) { gc_mark_value(((FutureIter *)o)->future); }

static Value fut_iter_new(Value fut) {
    FutureIter *it = (FutureIter *)gc_alloc(&type_asyncio_future_iter, sizeof(FutureIter));
    if (!it) return VAL_NULL;
    it->future = fut;
    return MK_OBJ(it);
}

/* The future itself while it is pending (the first time), then its result:
 * the type's send slot, which `await` uses without a StopIteration object. */
static int fiter_send(Value self, Value v, Value *out) {
    FutureIter *it = AS_FITER(self);
    if (IS_NULL(it->future)) { *out = VAL_NONE; return 0; }
    FutureObj *f = AS_FUT(it->future);
    if (f->state == FUT_PENDING) {
        if (f->blocking) { err_format(&exc_RuntimeError, "await wasn't used with future"); return -1; }
        f->blocking = 1;
        *out = it->future;
        return 1;
    }
    it->future = VAL_NULL;
    int st = fut_get_result(f, out);
    if (st < 0) return -1;
    if (st) { err_set_obj(*out); return -1; }
    return 0;
}

static Value fiter_next(Value self) {
    Value r;
    int st = fiter_send(self, VAL_NONE, &r);
    if (st == 1) return r;
    if (st < 0 || IS_NONE(r)) return VAL_NULL;
    return err_set_value(&exc_StopIteration, r);
}

static Value fiter_next_m(Value *args, int nargs, Value kwnames) { return fiter_next(args[0]); }
static Value fiter_send_m(Value *args, int nargs, Value kwnames) { return fiter_next(args[0]); }
static Value fiter_iter_m(Value *args, int nargs, Value kwnames) { return args[0]; }
static Value fiter_close_m(Value *args, int nargs, Value kwnames) {
    AS_FITER(args[0])->future = VAL_NULL;
    return VAL_NONE;
}

/* The exception throw(type[, value[, tb]]) raises. */
static Value fiter_throw_exc(Value typ, Value val, Value tb) {
    if (!IS_NULL(tb) && !IS_NONE(tb) && !IS_EXACT(tb, type_traceback))
        return err_format(&exc_TypeError, "throw() third argument must be a traceback");
    Value exc;
    if (IS_TYPE(typ) && type_is_subtype(AS_TYPE(typ), &exc_BaseException)) {
        if (IS_NULL(val) || IS_NONE(val)) exc = call0(typ);
        else if (IS_EXC(val) && val_isinstance(val, AS_TYPE(typ))) exc = val;
        else if (IS_TUPLE(val)) exc = call_tuple_dict(typ, val, VAL_NULL);
        else exc = call1(typ, val);
        if (IS_NULL(exc)) return VAL_NULL;
        if (!IS_EXC(exc))
            return err_format(&exc_TypeError, "calling %R should have returned an instance of BaseException, "
                              "not %T", typ, exc);
    } else if (IS_EXC(typ)) {
        if (!IS_NULL(val) && !IS_NONE(val))
            return err_format(&exc_TypeError, "instance exception may not have a separate value");
        exc = typ;
    } else {
        return err_format(&exc_TypeError,
                          "exceptions must be classes deriving BaseException or instances of such a class");
    }
    if (!IS_NULL(tb) && !IS_NONE(tb)) AS_EXC(exc)->traceback = tb;
    return exc;
}

/* throw(type, value=None, traceback=None) */
static Value fiter_throw_m(Value *args, int nargs, Value kwnames) {
    Value exc = fiter_throw_exc(args[1], args[2], args[3]);
    if (IS_NULL(exc)) return VAL_NULL;
    AS_FITER(args[0])->future = VAL_NULL;
    return err_set_obj(exc);
}

static const MethodDef fiter_methods[] = {
    {"__next__", fiter_next_m, ARGS_WRAP(0), NULL},
    {"__iter__", fiter_iter_m, ARGS_WRAP(0), NULL},
    {"send", fiter_send_m, ARGS_ONE, NULL},
    {"throw", fiter_throw_m, ARGS_POS(1, 3), NULL},
    {"close", fiter_close_m, ARGS_NONE, NULL},
    {NULL, NULL, 0, NULL},
};

Type type_asyncio_future_iter = {
    .tp_name = "_asyncio.FutureIter", .base = &type_object,
    .basicsize = sizeof(FutureIter), .trace = fiter_trace, .methods = fiter_methods, .send = fiter_send,
};
GILPY_TYPE(type_asyncio_future_iter, NULL);
