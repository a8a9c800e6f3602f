/* asyncio.h - what the three files of the `_asyncio` module share:
 * mod_asyncio.c (the module, the running loop, the task registry),
 * asyncio_future.c (Future and its await iterator) and asyncio_task.c (Task).
 *
 * A Task is a Future with more fields after the Future's, so that the
 * Future's C functions work on both; Python subclasses of either extend
 * these layouts as usual. */
#ifndef GILPY_ASYNCIO_H
#define GILPY_ASYNCIO_H

#include "runtime/object.h"

enum { FUT_PENDING, FUT_CANCELLED, FUT_FINISHED };

typedef struct FutureObj {
    Obj   header;
    Value dict;             /* __dict__ */
    Value loop;             /* VAL_NULL: __init__ never ran */
    Value callback0;        /* the first done-callback and its context (VAL_NULL: none), */
    Value context0;         /* kept apart: most futures have exactly one */
    Value callbacks;        /* list of (callback, context) after the first, or VAL_NULL */
    Value result, exception, exception_tb;     /* VAL_NULL until set */
    Value source_tb;        /* traceback.extract_stack() in debug mode, or VAL_NULL */
    Value cancel_msg;       /* VAL_NULL: None */
    Value cancelled_exc;    /* the CancelledError that cancelled it, for _make_cancelled_error */
    int   state;            /* FUT_* */
    int   log_tb;           /* an exception was set and nobody retrieved it */
    int   blocking;         /* _asyncio_future_blocking */
} FutureObj;

typedef struct TaskObj {
    FutureObj fut;
    Value coro;
    Value context;          /* the contextvars.Context its steps run in */
    Value name;
    Value fut_waiter;       /* the future it waits for, or VAL_NULL */
    int   must_cancel;
    int   log_destroy_pending;
    int64_t num_cancels_requested;
} TaskObj;

extern Type type_asyncio_future, type_asyncio_task, type_asyncio_future_iter;
#define AS_FUT(v)  ((FutureObj *)AS_OBJ(v))
#define AS_TASK(v) ((TaskObj *)AS_OBJ(v))
/* Exactly a Future or a Task: their methods cannot have been overridden. */
#define IS_EXACT_FUT(v) (IS_OBJ(v) && (AS_OBJ(v)->type == &type_asyncio_future || \
                                       AS_OBJ(v)->type == &type_asyncio_task))
#define IS_FUT(v) (IS_OBJ(v) && type_is_subtype(AS_OBJ(v)->type, &type_asyncio_future))

/* What the module imports from asyncio's Python side at its first import
 * (mod_asyncio.c); all roots. */
typedef struct AsyncioState {
    Value invalid_state_error, cancelled_error;     /* asyncio.exceptions' classes */
    Value future_repr, task_repr;                   /* base_futures._future_repr, base_tasks._task_repr */
    Value task_get_stack, task_print_stack;         /* base_tasks._task_get_stack / _print_stack */
    Value get_event_loop_policy;                    /* events.get_event_loop_policy */
    Value iscoroutine;                              /* coroutines.iscoroutine */
    Value isgenerator;                              /* inspect.isgenerator */
    Value extract_stack;                            /* traceback.extract_stack */
    Value copy_context;                             /* contextvars.copy_context */
    Value all_tasks;                                /* weakref.WeakSet of the live tasks */
    Value current_tasks;                            /* dict: loop -> the task it runs */
    Value context_kwnames;                          /* ("context",) */
    Value str_pending, str_cancelled, str_finished; /* the _state strings */
    /* interned attribute names (str_intern_c would allocate at each call) */
    Value s_call_soon, s_get_debug, s_blocking, s_add_done_callback, s_get_loop, s_loop, s_add,
          s_discard, s_send, s_throw, s_cancel, s_result, s_get_event_loop, s_call_exception_handler;
} AsyncioState;
extern AsyncioState asyncio_state;

/* mod_asyncio.c */
Value asyncio_get_event_loop(void);                 /* the running loop, else the policy's */
int   asyncio_enter_task(Value loop, Value task);
int   asyncio_leave_task(Value loop, Value task);
int   asyncio_register_task(Value task);
/* o.name(*args) */
Value asyncio_call_method(Value o, Value name, Value *args, int nargs);
/* loop.call_soon(callback, arg, context=ctx) (arg VAL_NULL: none). */
int   asyncio_call_soon(Value loop, Value callback, Value arg, Value ctx);

/* asyncio_future.c */
int   fut_init(FutureObj *f, Value loop);
int   fut_ensure_alive(FutureObj *f);
Value fut_set_result(FutureObj *f, Value result);
Value fut_set_exception(FutureObj *f, Value exc);
Value fut_cancel(FutureObj *f, Value msg);
Value fut_make_cancelled_error(FutureObj *f);
/* The result: 0 a value (*out), 1 an exception to raise (*out), -1 an error. */
int   fut_get_result(FutureObj *f, Value *out);
int   fut_add_done_callback(FutureObj *f, Value cb, Value ctx);
Value fut_get_loop(Value fut);                      /* fut.get_loop(), else fut._loop */
void  fut_trace(Obj *o);
Value fut_del_m(Value *args, int nargs, Value kwnames);
/* The context dict for loop.call_exception_handler naming f as `key`, and the call. */
Value fut_log_context(FutureObj *f, const char *key, Value message);
void  fut_log(FutureObj *f, Value ctx);
Value fut_getset_state(Value self);

#endif
