/* coro.c - coroutines, async generators and the await protocol (PEP 492, 525).
 *
 * A coroutine and an async generator are Gen objects (interp/func.c): the
 * same frame, resumed by gen_resume; only the types and a few rules differ.
 *
 * Awaiting.  `await x` compiles to GET_AWAITABLE, LOAD_CONST None,
 * YIELD_FROM: coro_get_awaitable turns x into the iterator that YIELD_FROM
 * drives (a coroutine or a types.coroutine generator itself, otherwise what
 * x.__await__() returns), with CPython's checks.  The value that finally
 * arrives at the outermost task is whatever the innermost iterator yields.
 *
 * Async generators.  A `yield v` in an async generator first wraps v
 * (ASYNC_GEN_WRAP), so that the object driving the generator can tell a
 * value the generator produced from one an inner `await` passed up.  The
 * drivers are the awaitables asend()/__anext__() (type
 * async_generator_asend) and athrow()/aclose() (async_generator_athrow):
 * each resumes the generator; a wrapped value ends the await with
 * StopIteration(value), an unwrapped one is yielded further out, the
 * generator's return is StopAsyncIteration.  ag_running_async says that one
 * such awaitable is in progress, ag_closed that aclose() ran or the
 * generator finished.  The state machines are CPython's (genobject.c), so
 * their messages and corner cases are its own.
 *
 * Hooks.  sys.set_asyncgen_hooks stores a firstiter and a finalizer per
 * thread; the first asend/athrow/aclose/__anext__ of a generator calls
 * firstiter(gen) and remembers the finalizer (asyncio uses both).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../runtime/obj_genericalias.h"
#include "../runtime/call.h"
#include "../runtime/error.h"
#include "../runtime/finalize.h"
#include "../runtime/gc.h"
#include "../runtime/obj_exc.h"
#include "../runtime/obj_list.h"
#include "../runtime/obj_misc.h"
#include "../runtime/obj_str.h"
#include "../runtime/obj_type.h"
#include "../runtime/strbuf.h"
#include "import.h"
#include "vm.h"

/* ---- shared attributes ------------------------------------------------------------- */

static Value coro_get_name(Value self) { return AS_GEN(self)->name; }
static Value coro_get_qualname(Value self) { return AS_GEN(self)->qualname; }
static int coro_set_str(Value *slot, const char *what, Value v) {
    if (IS_NULL(v) || !IS_STR(v)) { err_format(&exc_TypeError, "%s must be set to a string object", what); return -1; }
    *slot = v;
    return 0;
}
static int coro_set_name(Value self, Value v) { return coro_set_str(&AS_GEN(self)->name, "__name__", v); }
static int coro_set_qualname(Value self, Value v) { return coro_set_str(&AS_GEN(self)->qualname, "__qualname__", v); }
static Value coro_get_running(Value self) { return MK_BOOL(AS_GEN(self)->running); }
static Value coro_get_code(Value self) { return AS_GEN(self)->code; }
static Value coro_get_frame(Value self) {
    return AS_GEN(self)->finished ? VAL_NONE : frame_object(AS_GEN(self)->frame);
}
static Value coro_get_await(Value self) {
    Value yf = gen_yf(AS_GEN(self));
    return IS_NULL(yf) ? VAL_NONE : yf;
}
static Value coro_get_suspended(Value self) {
    Gen *g = AS_GEN(self);
    return MK_BOOL(g->started && !g->running && !g->finished);
}
static Value coro_get_origin(Value self) {
    Value o = AS_GEN(self)->origin_or_finalizer;
    return IS_NULL(o) ? VAL_NONE : o;
}

static Value coro_repr(Value self, const char *what) {
    return str_format_c("<%s object %U at %p>", what, AS_GEN(self)->qualname, (void *)AS_OBJ(self));
}

/* ---- coroutine ------------------------------------------------------------------------- */

static Value coro_send_m(Value *args, int nargs, Value kwnames) { return gen_send(args[0], args[1]); }
static Value coro_throw_m(Value *args, int nargs, Value kwnames) { return gen_throw(args[0], args); }
static Value coro_close_m(Value *args, int nargs, Value kwnames) { return gen_close(args[0]); }
static Value coro_repr_m(Value *args, int nargs, Value kwnames) { return coro_repr(args[0], "coroutine"); }

typedef struct CoroWrapper {
    Obj   header;
    Value coro;
} CoroWrapper;
extern Type type_coroutine_wrapper;

static Value coro_await_m(Value *args, int nargs, Value kwnames) {
    CoroWrapper *w = (CoroWrapper *)gc_alloc(&type_coroutine_wrapper, sizeof(CoroWrapper));
    if (!w) return VAL_NULL;
    w->coro = args[0];
    return MK_OBJ(w);
}

static const MethodDef coro_methods[] = {
    {"send", coro_send_m, ARGS_ONE, "send(arg) -> send 'arg' into coroutine,\nreturn next iterated value or raise StopIteration."},
    {"throw", coro_throw_m, ARGS_POS(1, 3), "throw(value)\nthrow(type[,value[,traceback]])\n\nRaise exception in coroutine, return next iterated value or raise\nStopIteration."},
    {"close", coro_close_m, ARGS_NONE, "close() -> raise GeneratorExit inside coroutine."},
    {"__await__", coro_await_m, ARGS_WRAP(0), NULL},
    {"__repr__", coro_repr_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};
static const GetSetDef coro_getsets[] = {
    {"__name__", coro_get_name, coro_set_name, "name of the coroutine"},
    {"__qualname__", coro_get_qualname, coro_set_qualname, "qualified name of the coroutine"},
    {"cr_await", coro_get_await, NULL, "object being awaited on, or None"},
    {"cr_running", coro_get_running, getset_readonly, NULL},
    {"cr_frame", coro_get_frame, NULL, NULL},
    {"cr_code", coro_get_code, getset_readonly, NULL},
    {"cr_origin", coro_get_origin, getset_readonly, NULL},
    {"cr_suspended", coro_get_suspended, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};
static void coro_trace(Obj *o) { type_generator.trace(o); }
Type type_coroutine = {
    .tp_name = "coroutine", .base = &type_object, .flags = TF_WEAKREFABLE, .basicsize = sizeof(Gen),
    .trace = coro_trace, .methods = coro_methods, .getsets = coro_getsets,
};
GILPY_TYPE(type_coroutine, NULL);

/* coro.__await__(): an iterator over the coroutine, for awaitables written
 * in Python that delegate to one (`return coro.__await__()`). */
static void corowrap_trace(Obj *o) { gc_mark_value(((CoroWrapper *)o)->coro); }
static Value corowrap_iter_m(Value *args, int nargs, Value kwnames) { return args[0]; }
static Value corowrap_next_m(Value *args, int nargs, Value kwnames) {
    Value r = gen_send(((CoroWrapper *)AS_OBJ(args[0]))->coro, VAL_NONE);
    if (IS_NULL(r) && err_matches(&exc_StopIteration) && IS_NONE(exc_get_attr_c(err_peek(), "value")))
        err_clear();          /* plain exhaustion: __next__'s NULL without an exception */
    return r;
}
static Value corowrap_send_m(Value *args, int nargs, Value kwnames) {
    return gen_send(((CoroWrapper *)AS_OBJ(args[0]))->coro, args[1]);
}
static Value corowrap_throw_m(Value *args, int nargs, Value kwnames) {
    return gen_throw(((CoroWrapper *)AS_OBJ(args[0]))->coro, args);
}
static Value corowrap_close_m(Value *args, int nargs, Value kwnames) {
    return gen_close(((CoroWrapper *)AS_OBJ(args[0]))->coro);
}
static const MethodDef corowrap_methods[] = {
    {"__iter__", corowrap_iter_m, ARGS_WRAP(0), NULL},
    {"__next__", corowrap_next_m, ARGS_WRAP(0), NULL},
    {"send", corowrap_send_m, ARGS_ONE, NULL},
    {"throw", corowrap_throw_m, ARGS_POS(1, 3), NULL},
    {"close", corowrap_close_m, ARGS_NONE, NULL},
    {NULL, NULL, 0, NULL},
};
Type type_coroutine_wrapper = {
    .tp_name = "coroutine_wrapper", .base = &type_object, .basicsize = sizeof(CoroWrapper),
    .trace = corowrap_trace, .methods = corowrap_methods,
};
GILPY_TYPE(type_coroutine_wrapper, NULL);

/* ---- the await protocol ------------------------------------------------------------------ */

static int coro_is_coroutine(Value o) {
    if (IS_EXACT(o, type_coroutine)) return 1;
    return IS_EXACT(o, type_generator) && (AS_CODE(AS_GEN(o)->code)->flags & CO_ITERABLE_COROUTINE);
}

/* The protocol's method names, interned once. */
enum { CN_AWAIT, CN_AITER, CN_ANEXT, CN_AENTER, CN_AEXIT, CN__COUNT };
static Value coro_name(int which) {
    static const char *const names[CN__COUNT] = { "__await__", "__aiter__", "__anext__", "__aenter__", "__aexit__" };
    static Value interned[CN__COUNT];
    static int ready;
    if (!ready) {
        for (int i = 0; i < CN__COUNT; i++) {
            interned[i] = str_intern_c(names[i]);
            gc_add_root(&interned[i]);
        }
        ready = 1;
    }
    return interned[which];
}

/* type(o).__<name>__ bound to o, VAL_NULL (no error) when the type has none. */
static Value coro_special(Value o, int which) {
    Value m = type_lookup(val_type(o), coro_name(which));
    if (IS_NULL(m)) return VAL_NULL;
    return descr_get(m, o, MK_OBJ(val_type(o)));
}

static int coro_is_iterator(Value o) { return !IS_NULL(val_type(o)->slots[SM_NEXT]); }

extern Type type_async_generator_athrow, type_anext_awaitable;

Value coro_get_awaitable(Value o, int where) {
    Type *t = val_type(o);
    if (t == &type_async_generator_asend || t == &type_async_generator_athrow || t == &type_anext_awaitable)
        return o;                         /* their __await__ returns themselves */
    if (coro_is_coroutine(o)) {
        if (IS_EXACT(o, type_coroutine) && !IS_NULL(gen_yf(AS_GEN(o))))
            return err_format(&exc_RuntimeError, "coroutine is being awaited already");
        return o;
    }
    Value m = coro_special(o, CN_AWAIT);
    if (IS_NULL(m)) {
        if (err_occurred()) return VAL_NULL;
        if (where)
            return err_format(&exc_TypeError, "'async with' received an object from %s that does not implement "
                              "__await__: %T", where == 1 ? "__aenter__" : "__aexit__", o);
        return err_format(&exc_TypeError, "object %T can't be used in 'await' expression", o);
    }
    Value r = call0(m);
    if (IS_NULL(r)) return r;
    if (coro_is_coroutine(r)) return err_format(&exc_TypeError, "__await__() returned a coroutine");
    if (!coro_is_iterator(r))
        return err_format(&exc_TypeError, "__await__() returned non-iterator of type '%T'", r);
    return r;
}

static int coro_has_anext(Value o) { return !IS_NULL(type_lookup(val_type(o), coro_name(CN_ANEXT))); }

Value coro_get_aiter(Value o) {
    Value m = coro_special(o, CN_AITER);
    if (IS_NULL(m)) {
        if (err_occurred()) return VAL_NULL;
        return err_format(&exc_TypeError, "'async for' requires an object with __aiter__ method, got %T",
                          o);
    }
    Value it = call0(m);
    if (IS_NULL(it)) return it;
    if (!coro_has_anext(it))
        return err_format(&exc_TypeError, "'async for' received an object from __aiter__ that does not "
                          "implement __anext__: %T", it);
    return it;
}

static Value asyncgen_anext(Value gen);

Value coro_get_anext(Value aiter) {
    if (IS_EXACT(aiter, type_async_generator)) return asyncgen_anext(aiter);
    Value m = coro_special(aiter, CN_ANEXT);
    if (IS_NULL(m)) {
        if (err_occurred()) return VAL_NULL;
        return err_format(&exc_TypeError, "'async for' requires an iterator with __anext__ method, got %T",
                          aiter);
    }
    Value next = call0(m);
    if (IS_NULL(next)) return next;
    Value aw = coro_get_awaitable(next, 0);
    if (IS_NULL(aw)) {
        Value cause = err_fetch();
        err_format(&exc_TypeError, "'async for' received an invalid object from __anext__: %T",
                   next);
        AS_EXC(err_peek())->cause = cause;
        AS_EXC(err_peek())->context = cause;
        AS_EXC(err_peek())->suppress_context = 1;
    }
    return aw;
}

Value coro_before_async_with(Value mgr, Value *exit_out) {
    Value enter = coro_special(mgr, CN_AENTER);
    if (IS_NULL(enter)) {
        if (err_occurred()) return VAL_NULL;
        return err_format(&exc_TypeError, "'%T' object does not support the asynchronous context manager protocol",
                          mgr);
    }
    Value exit = coro_special(mgr, CN_AEXIT);
    if (IS_NULL(exit)) {
        if (err_occurred()) return VAL_NULL;
        return err_format(&exc_TypeError, "'%T' object does not support the asynchronous context manager protocol "
                          "(missed __aexit__ method)", mgr);
    }
    *exit_out = exit;
    return call0(enter);
}

/* ---- async generators: the wrapped value ------------------------------------------------- */

typedef struct AsyncGenWrapped {
    Obj   header;
    Value value;
} AsyncGenWrapped;
extern Type type_async_generator_wrapped_value;

static void agw_trace(Obj *o) { gc_mark_value(((AsyncGenWrapped *)o)->value); }
Type type_async_generator_wrapped_value = {
    .tp_name = "async_generator_wrapped_value", .base = &type_object, .basicsize = sizeof(AsyncGenWrapped),
    .trace = agw_trace,
};
GILPY_TYPE(type_async_generator_wrapped_value, NULL);

Value asyncgen_wrap(Value v) {
    AsyncGenWrapped *w = (AsyncGenWrapped *)gc_alloc(&type_async_generator_wrapped_value, sizeof(AsyncGenWrapped));
    if (!w) return VAL_NULL;
    w->value = v;
    return MK_OBJ(w);
}

#define IS_AG_WRAPPED(v) IS_EXACT(v, type_async_generator_wrapped_value)

/* What one step of the generator means to its asend/athrow awaitable
 * (CPython's async_gen_unwrap_value). */
static Value asyncgen_unwrap(Gen *g, Value r) {
    if (IS_NULL(r)) {
        if (!err_occurred()) err_set_none(&exc_StopAsyncIteration);
        if (err_matches(&exc_StopAsyncIteration) || err_matches(&exc_GeneratorExit)) g->ag_closed = 1;
        g->ag_running_async = 0;
        return VAL_NULL;
    }
    if (IS_AG_WRAPPED(r)) {               /* the generator yielded: the await is over */
        Value v = ((AsyncGenWrapped *)AS_OBJ(r))->value;
        if (IS_NONE(v)) err_set_none(&exc_StopIteration);
        else err_set_value(&exc_StopIteration, v);
        g->ag_running_async = 0;
        return VAL_NULL;
    }
    return r;                             /* an inner await's value, on its way out */
}

/* Resume the generator for an awaitable: its return is StopAsyncIteration. */
static Value asyncgen_send(Value gen, Value v) {
    Value out;
    int st = gen_resume(gen, v, VAL_NULL, &out);
    if (st == 1) return out;
    if (st == 0) err_set_none(&exc_StopAsyncIteration);
    return VAL_NULL;
}

/* throw into the generator; GeneratorExit reaches the frame itself (an
 * inner await sees it as a throw, not a close), as CPython's _gen_throw
 * with close_on_genexit = 0. */
static Value asyncgen_throw(Value gen, Value *args) {
    Value r = gen_throw(gen, args);
    if (IS_NULL(r) && err_matches(&exc_StopIteration) && AS_GEN(gen)->finished) {
        err_clear();
        err_set_none(&exc_StopAsyncIteration);
    }
    return r;
}

/* The first asend/athrow/aclose: consult sys.set_asyncgen_hooks. */
static int asyncgen_init_hooks(Value gen) {
    Gen *g = AS_GEN(gen);
    if (g->ag_hooks_inited) return 0;
    g->ag_hooks_inited = 1;
    ThreadState *ts = ts_get();
    g->origin_or_finalizer = ts->asyncgen_finalizer;
    if (IS_NULL(ts->asyncgen_firstiter)) return 0;
    return IS_NULL(call1(ts->asyncgen_firstiter, gen)) ? -1 : 0;
}

/* ---- async generators: asend / __anext__ -------------------------------------------------- */

enum { AW_INIT, AW_ITER, AW_CLOSED };

typedef struct AsyncGenASend {
    Obj   header;
    Value gen;
    Value sendval;
    int   state;
} AsyncGenASend;
extern Type type_async_generator_asend;

static void agsend_trace(Obj *o) {
    gc_mark_value(((AsyncGenASend *)o)->gen);
    gc_mark_value(((AsyncGenASend *)o)->sendval);
}

static Value asyncgen_asend_new(Value gen, Value v) {
    AsyncGenASend *a = (AsyncGenASend *)gc_alloc(&type_async_generator_asend, sizeof(AsyncGenASend));
    if (!a) return VAL_NULL;
    a->gen = gen;
    a->sendval = v;
    a->state = AW_INIT;
    return MK_OBJ(a);
}

/* One step of asend()/__anext__() as a resume status, which YIELD_FROM uses
 * directly (no StopIteration object per item): 1 an inner await passed *out
 * up, 0 the await is over with the value *out, -1 error. */
int asyncgen_asend_resume(Value aw, Value v, Value *out) {
    AsyncGenASend *a = (AsyncGenASend *)AS_OBJ(aw);
    Gen *g = AS_GEN(a->gen);
    if (a->state == AW_CLOSED) {
        err_format(&exc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
        return -1;
    }
    if (a->state == AW_INIT) {
        if (g->ag_running_async) {
            err_format(&exc_RuntimeError, "anext(): asynchronous generator is already running");
            return -1;
        }
        if (IS_NULL(v) || IS_NONE(v)) v = a->sendval;
        a->state = AW_ITER;
    }
    g->ag_running_async = 1;
    int st = gen_resume(a->gen, v, VAL_NULL, out);
    if (st == 1 && !IS_AG_WRAPPED(*out)) return 1;
    a->state = AW_CLOSED;
    if (st == 1) {                        /* the generator yielded: the await is over */
        *out = ((AsyncGenWrapped *)AS_OBJ(*out))->value;
        g->ag_running_async = 0;
        return 0;
    }
    if (st == 0) err_set_none(&exc_StopAsyncIteration);
    asyncgen_unwrap(g, VAL_NULL);
    return -1;
}

static Value agsend_send(AsyncGenASend *a, Value v) {
    Value out;
    int st = asyncgen_asend_resume(MK_OBJ(a), v, &out);
    if (st == 1) return out;
    if (st == 0) {
        if (IS_NONE(out)) err_set_none(&exc_StopIteration);
        else err_set_value(&exc_StopIteration, out);
    }
    return VAL_NULL;
}

static Value agsend_next_m(Value *args, int nargs, Value kwnames) {
    return agsend_send((AsyncGenASend *)AS_OBJ(args[0]), VAL_NONE);
}
static Value agsend_send_m(Value *args, int nargs, Value kwnames) {
    return agsend_send((AsyncGenASend *)AS_OBJ(args[0]), args[1]);
}
static Value agsend_throw_m(Value *args, int nargs, Value kwnames) {
    AsyncGenASend *a = (AsyncGenASend *)AS_OBJ(args[0]);
    if (a->state == AW_CLOSED)
        return err_format(&exc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
    Value r = asyncgen_unwrap(AS_GEN(a->gen), asyncgen_throw(a->gen, args));
    if (IS_NULL(r)) a->state = AW_CLOSED;
    return r;
}
static Value agsend_close_m(Value *args, int nargs, Value kwnames) {
    ((AsyncGenASend *)AS_OBJ(args[0]))->state = AW_CLOSED;
    return VAL_NONE;
}
static Value aw_self_m(Value *args, int nargs, Value kwnames) { return args[0]; }

static const MethodDef agsend_methods[] = {
    {"__await__", aw_self_m, ARGS_WRAP(0), NULL},
    {"__iter__", aw_self_m, ARGS_WRAP(0), NULL},
    {"__next__", agsend_next_m, ARGS_WRAP(0), NULL},
    {"send", agsend_send_m, ARGS_ONE, NULL},
    {"throw", agsend_throw_m, ARGS_POS(1, 3), NULL},
    {"close", agsend_close_m, ARGS_NONE, NULL},
    {NULL, NULL, 0, NULL},
};
Type type_async_generator_asend = {
    .tp_name = "async_generator_asend", .base = &type_object, .basicsize = sizeof(AsyncGenASend),
    .trace = agsend_trace, .methods = agsend_methods,
};
GILPY_TYPE(type_async_generator_asend, NULL);

/* ---- async generators: athrow / aclose ----------------------------------------------------- */

typedef struct AsyncGenAThrow {
    Obj   header;
    Value gen;
    Value args;                 /* tuple (type, value, tb) for athrow; VAL_NULL: aclose */
    int   state;
} AsyncGenAThrow;
extern Type type_async_generator_athrow;

static void agthrow_trace(Obj *o) {
    gc_mark_value(((AsyncGenAThrow *)o)->gen);
    gc_mark_value(((AsyncGenAThrow *)o)->args);
}

static Value asyncgen_athrow_new(Value gen, Value args) {
    AsyncGenAThrow *a = (AsyncGenAThrow *)gc_alloc(&type_async_generator_athrow, sizeof(AsyncGenAThrow));
    if (!a) return VAL_NULL;
    a->gen = gen;
    a->args = args;
    a->state = AW_INIT;
    return MK_OBJ(a);
}

/* The generator yielded a value while being closed. */
static Value agthrow_ignored_exit(AsyncGenAThrow *a) {
    AS_GEN(a->gen)->ag_running_async = 0;
    a->state = AW_CLOSED;
    return err_format(&exc_RuntimeError, "async generator ignored GeneratorExit");
}

/* The throw or close finished with an exception: aclose() is done when the
 * generator stopped or let GeneratorExit out. */
static Value agthrow_check_error(AsyncGenAThrow *a) {
    AS_GEN(a->gen)->ag_running_async = 0;
    a->state = AW_CLOSED;
    if (IS_NULL(a->args) && (err_matches(&exc_StopAsyncIteration) || err_matches(&exc_GeneratorExit))) {
        err_clear();
        err_set_none(&exc_StopIteration);
    }
    return VAL_NULL;
}

/* aclose()'s view of a step: a value the generator yields is an error. */
static Value agthrow_close_step(AsyncGenAThrow *a, Value r) {
    if (IS_NULL(r)) return agthrow_check_error(a);
    if (IS_AG_WRAPPED(r)) return agthrow_ignored_exit(a);
    return r;
}

static Value agthrow_start(AsyncGenAThrow *a) {
    Gen *g = AS_GEN(a->gen);
    a->state = AW_ITER;
    g->ag_running_async = 1;
    Value targs[4] = { a->gen, VAL_NULL, VAL_NULL, VAL_NULL };
    if (IS_NULL(a->args)) {
        g->ag_closed = 1;
        targs[1] = MK_OBJ(&exc_GeneratorExit);
        return agthrow_close_step(a, asyncgen_throw(a->gen, targs));
    }
    for (int64_t i = 0; i < AS_TUPLE(a->args)->len; i++) targs[1 + i] = AS_TUPLE(a->args)->items[i];
    Value r = asyncgen_unwrap(g, asyncgen_throw(a->gen, targs));
    return IS_NULL(r) ? agthrow_check_error(a) : r;
}

static Value agthrow_send(AsyncGenAThrow *a, Value v) {
    Gen *g = AS_GEN(a->gen);
    if (a->state == AW_CLOSED)
        return err_format(&exc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
    if (g->finished) {
        a->state = AW_CLOSED;
        return err_set_none(&exc_StopIteration);
    }
    if (a->state == AW_INIT) {
        if (g->ag_running_async) {
            a->state = AW_CLOSED;
            return err_format(&exc_RuntimeError, "%s(): asynchronous generator is already running",
                              IS_NULL(a->args) ? "aclose" : "athrow");
        }
        if (g->ag_closed) {
            a->state = AW_CLOSED;
            return err_set_none(&exc_StopAsyncIteration);
        }
        if (!IS_NONE(v))
            return err_format(&exc_RuntimeError, "can't send non-None value to a just-started coroutine");
        return agthrow_start(a);
    }
    Value r = asyncgen_send(a->gen, v);
    if (!IS_NULL(a->args)) return asyncgen_unwrap(g, r);
    return agthrow_close_step(a, r);
}

static Value agthrow_next_m(Value *args, int nargs, Value kwnames) {
    return agthrow_send((AsyncGenAThrow *)AS_OBJ(args[0]), VAL_NONE);
}
static Value agthrow_send_m(Value *args, int nargs, Value kwnames) {
    return agthrow_send((AsyncGenAThrow *)AS_OBJ(args[0]), args[1]);
}
static Value agthrow_throw_m(Value *args, int nargs, Value kwnames) {
    AsyncGenAThrow *a = (AsyncGenAThrow *)AS_OBJ(args[0]);
    if (a->state == AW_CLOSED)
        return err_format(&exc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
    Value targs[4] = { a->gen, args[1], args[2], args[3] };
    Value r = gen_throw(a->gen, targs);
    if (!IS_NULL(a->args)) return asyncgen_unwrap(AS_GEN(a->gen), r);
    if (!IS_NULL(r) && IS_AG_WRAPPED(r)) return agthrow_ignored_exit(a);
    if (IS_NULL(r) && (err_matches(&exc_StopAsyncIteration) || err_matches(&exc_GeneratorExit))) {
        err_clear();
        err_set_none(&exc_StopIteration);
    }
    return r;
}
static Value agthrow_close_m(Value *args, int nargs, Value kwnames) {
    ((AsyncGenAThrow *)AS_OBJ(args[0]))->state = AW_CLOSED;
    return VAL_NONE;
}

static const MethodDef agthrow_methods[] = {
    {"__await__", aw_self_m, ARGS_WRAP(0), NULL},
    {"__iter__", aw_self_m, ARGS_WRAP(0), NULL},
    {"__next__", agthrow_next_m, ARGS_WRAP(0), NULL},
    {"send", agthrow_send_m, ARGS_ONE, NULL},
    {"throw", agthrow_throw_m, ARGS_POS(1, 3), NULL},
    {"close", agthrow_close_m, ARGS_NONE, NULL},
    {NULL, NULL, 0, NULL},
};
Type type_async_generator_athrow = {
    .tp_name = "async_generator_athrow", .base = &type_object, .basicsize = sizeof(AsyncGenAThrow),
    .trace = agthrow_trace, .methods = agthrow_methods,
};
GILPY_TYPE(type_async_generator_athrow, NULL);

/* ---- async generators: the type ------------------------------------------------------------ */

static Value asyncgen_anext(Value gen) {
    if (asyncgen_init_hooks(gen) < 0) return VAL_NULL;
    return asyncgen_asend_new(gen, VAL_NONE);
}

static Value ag_anext_m(Value *args, int nargs, Value kwnames) { return asyncgen_anext(args[0]); }
static Value ag_asend_m(Value *args, int nargs, Value kwnames) {
    if (asyncgen_init_hooks(args[0]) < 0) return VAL_NULL;
    return asyncgen_asend_new(args[0], args[1]);
}
static Value ag_athrow_m(Value *args, int nargs, Value kwnames) {
    if (asyncgen_init_hooks(args[0]) < 0) return VAL_NULL;
    Value t = IS_NULL(args[2]) ? tuple_pack(1, args[1])
            : IS_NULL(args[3]) ? tuple_pack(2, args[1], args[2]) : tuple_pack(3, args[1], args[2], args[3]);
    return IS_NULL(t) ? t : asyncgen_athrow_new(args[0], t);
}
static Value ag_aclose_m(Value *args, int nargs, Value kwnames) {
    if (asyncgen_init_hooks(args[0]) < 0) return VAL_NULL;
    return asyncgen_athrow_new(args[0], VAL_NULL);
}
static Value ag_repr_m(Value *args, int nargs, Value kwnames) { return coro_repr(args[0], "async_generator"); }

/* The finalizer (runtime/finalize.c runs it once the generator is garbage):
 * one that died suspended goes to the finalizer hook sys.set_asyncgen_hooks
 * gave it (asyncio schedules its aclose()), else it is closed in place, as
 * CPython's _PyGen_Finalize does; errors are reported, not raised. */
static Value ag_del_m(Value *args, int nargs, Value kwnames) {
    Gen *g = AS_GEN(args[0]);
    if (!g->started || g->finished || g->running) return VAL_NONE;
    Value fin = g->origin_or_finalizer;
    Value r = !IS_NULL(fin) && !g->ag_closed ? call1(fin, args[0]) : gen_close(args[0]);
    if (IS_NULL(r)) fin_write_unraisable(args[0]);
    return VAL_NONE;
}
static Value ag_get_running(Value self) { return MK_BOOL(AS_GEN(self)->ag_running_async); }

static const MethodDef ag_methods[] = {
    {"__aiter__", aw_self_m, ARGS_WRAP(0), NULL},
    {"__anext__", ag_anext_m, ARGS_WRAP(0), NULL},
    {"asend", ag_asend_m, ARGS_ONE, "asend(v) -> send 'v' in generator."},
    {"athrow", ag_athrow_m, ARGS_POS(1, 3), "athrow(typ[,val[,tb]]) -> raise exception in generator."},
    {"aclose", ag_aclose_m, ARGS_NONE, "aclose() -> raise GeneratorExit inside generator."},
    {"__repr__", ag_repr_m, ARGS_WRAP(0), NULL},
    {"__del__", ag_del_m, ARGS_WRAP(0), NULL},
    {"__class_getitem__", generic_alias_class_getitem_m, METH_CLASS | ARGS_ONE, "See PEP 585"},
    {NULL, NULL, 0, NULL},
};
static const GetSetDef ag_getsets[] = {
    {"__name__", coro_get_name, coro_set_name, "name of the async generator"},
    {"__qualname__", coro_get_qualname, coro_set_qualname, "qualified name of the async generator"},
    {"ag_await", coro_get_await, NULL, "object being awaited on, or None"},
    {"ag_running", ag_get_running, getset_readonly, NULL},
    {"ag_frame", coro_get_frame, NULL, NULL},
    {"ag_code", coro_get_code, getset_readonly, NULL},
    {NULL, NULL, NULL, NULL},
};
Type type_async_generator = {
    .tp_name = "async_generator", .base = &type_object, .flags = TF_WEAKREFABLE, .basicsize = sizeof(Gen),
    .trace = coro_trace, .methods = ag_methods, .getsets = ag_getsets,
};
GILPY_TYPE(type_async_generator, NULL);

/* ---- sys.set_asyncgen_hooks / get_asyncgen_hooks -------------------------------------------- */

/* get_asyncgen_hooks() returns a named 2-tuple, as CPython's structseq. */
extern Type type_asyncgen_hooks;
static void agh_trace(Obj *o) { gc_mark_values(((Tuple *)o)->items, 2); }
static Value agh_get_firstiter(Value self) { return AS_TUPLE(self)->items[0]; }
static Value agh_get_finalizer(Value self) { return AS_TUPLE(self)->items[1]; }
static Value agh_repr_m(Value *args, int nargs, Value kwnames) {
    return str_format_c("asyncgen_hooks(firstiter=%R, finalizer=%R)", AS_TUPLE(args[0])->items[0],
                        AS_TUPLE(args[0])->items[1]);
}
static const MethodDef agh_methods[] = {
    {"__repr__", agh_repr_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};
static const GetSetDef agh_getsets[] = {
    {"firstiter", agh_get_firstiter, getset_readonly, NULL},
    {"finalizer", agh_get_finalizer, getset_readonly, NULL},
    {NULL, NULL, NULL, NULL},
};
Type type_asyncgen_hooks = {
    .tp_name = "asyncgen_hooks", .base = &type_tuple, .flags = TF_TUPLE_SUBCLASS,
    .basicsize = sizeof(Tuple), .trace = agh_trace, .methods = agh_methods, .getsets = agh_getsets,
};
GILPY_TYPE(type_asyncgen_hooks, NULL);

Value asyncgen_get_hooks(void) {
    ThreadState *ts = ts_get();
    Tuple *t = (Tuple *)gc_alloc(&type_asyncgen_hooks, sizeof(Tuple) + 2 * sizeof(Value));
    if (!t) return VAL_NULL;
    t->len = 2;
    t->items[0] = IS_NULL(ts->asyncgen_firstiter) ? VAL_NONE : ts->asyncgen_firstiter;
    t->items[1] = IS_NULL(ts->asyncgen_finalizer) ? VAL_NONE : ts->asyncgen_finalizer;
    return MK_OBJ(t);
}

/* Arguments VAL_NULL when not given; None clears a hook. */
Value asyncgen_set_hooks(Value firstiter, Value finalizer) {
    if (!IS_NULL(finalizer) && !IS_NONE(finalizer) && !call_is_callable(finalizer))
        return err_format(&exc_TypeError, "callable finalizer expected, got %T", finalizer);
    if (!IS_NULL(firstiter) && !IS_NONE(firstiter) && !call_is_callable(firstiter))
        return err_format(&exc_TypeError, "callable firstiter expected, got %T", firstiter);
    ThreadState *ts = ts_get();
    if (!IS_NULL(finalizer)) ts->asyncgen_finalizer = IS_NONE(finalizer) ? VAL_NULL : finalizer;
    if (!IS_NULL(firstiter)) ts->asyncgen_firstiter = IS_NONE(firstiter) ? VAL_NULL : firstiter;
    return VAL_NONE;
}

/* ---- "coroutine ... was never awaited" ---------------------------------------------------- */

/* Coroutines not known to have started (raw pointers: the registry keeps
 * nothing alive), and the messages for those the collector found dead
 * before they ran, waiting for the eval breaker. */
static Gen **coro_registry;
static int64_t coro_nregistry, coro_registry_cap;
static char **coro_pending;
static int64_t coro_npending, coro_pending_cap;

static int coro_grow(void ***arr, int64_t *cap, int64_t n) {
    if (n < *cap) return 0;
    int64_t ncap = *cap ? *cap * 2 : 64;
    void **r = realloc(*arr, (size_t)ncap * sizeof(void *));
    if (!r) return -1;
    *arr = r;
    *cap = ncap;
    return 0;
}

/* Queue the warning for an unstarted coroutine (no Python allocation: this
 * runs inside the collector). */
static void coro_note_unawaited(Gen *g) {
    if (!IS_STR(g->qualname) || coro_grow((void ***)&coro_pending, &coro_pending_cap, coro_npending) < 0) return;
    const char *q = STR_DATA(g->qualname);
    char *msg = malloc(strlen(q) + 40);
    if (!msg) return;
    sprintf(msg, "coroutine '%s' was never awaited", q);
    coro_pending[coro_npending++] = msg;
}

/* After the collector's marking, before its sweep: the dead coroutines'
 * names are still readable. */
static void coro_after_mark(void) {
    int64_t before = coro_npending;
    for (int64_t i = 0; i < coro_nregistry;) {
        Gen *g = coro_registry[i];
        int dead = !gc_is_marked(&g->header);
        if (!dead && !g->started && !g->finished) { i++; continue; }
        if (dead && !g->started && !g->finished) coro_note_unawaited(g);
        coro_registry[i] = coro_registry[--coro_nregistry];
    }
    ThreadState *ts = ts_get();
    if (coro_npending > before && ts)
        __atomic_fetch_or(&ts->eval_breaker, (uint32_t)EB_DEFERRED_WARNINGS, __ATOMIC_SEQ_CST);
}

int coro_track_unstarted(Gen *g) {
    if (coro_grow((void ***)&coro_registry, &coro_registry_cap, coro_nregistry) < 0) {
        err_no_memory();
        return -1;
    }
    static int hooked;
    if (!hooked) gc_add_after_mark_hook(coro_after_mark);
    hooked = 1;
    coro_registry[coro_nregistry++] = g;
    return 0;
}

/* A coroutine is usually started right after it is made (`await f()`): then
 * it is the newest entry, dropped at once instead of by the next collection. */
void coro_note_started(Gen *g) {
    if (coro_nregistry > 0 && coro_registry[coro_nregistry - 1] == g) coro_nregistry--;
}

/* warnings.warn(msg, RuntimeWarning); a failure is reported, not raised, as
 * for any warning issued while an object is destroyed. */
static void coro_warn(const char *msg) {
    if (err_warn(&exc_RuntimeWarning, "%s", msg) == 0) return;
    Value e = err_fetch();
    if (!IS_NULL(e)) exc_print(e);
}

/* The queued warnings, oldest first.  More may be queued meanwhile (warn
 * runs Python, so the collector may run, and the eval breaker may call
 * here again: that inner call leaves them to this loop). */
void coro_warn_if_unstarted(Value gen) {
    Gen *g = AS_GEN(gen);
    if (g->kind != GEN_COROUTINE || g->started || g->finished || !IS_STR(g->qualname)) return;
    Value saved = err_fetch();
    if (err_warn(&exc_RuntimeWarning, "coroutine '%U' was never awaited", g->qualname) < 0)
        fin_write_unraisable(gen);
    if (!IS_NULL(saved)) ts_get()->exc = saved;
}

int coro_warn_unawaited(void) {
    static int busy;
    if (busy) return 0;
    busy = 1;
    for (int64_t i = 0; i < coro_npending; i++) {
        char *msg = coro_pending[i];
        coro_pending[i] = NULL;
        coro_warn(msg);
        free(msg);
    }
    coro_npending = 0;
    busy = 0;
    return 0;
}

void coro_warn_unawaited_at_exit(void) {
    for (int64_t i = 0; i < coro_nregistry; i++) {
        Gen *g = coro_registry[i];
        if (!g->started && !g->finished) coro_note_unawaited(g);
    }
    coro_nregistry = 0;
    coro_warn_unawaited();
}

/* ---- aiter() and anext() --------------------------------------------------------------------- */

Value coro_aiter(Value o) {
    Value m = coro_special(o, CN_AITER);
    if (IS_NULL(m)) return err_occurred() ? VAL_NULL : err_format(&exc_TypeError, "'%T' object is not an async iterable", o);
    Value it = call0(m);
    if (IS_NULL(it)) return it;
    if (!coro_has_anext(it))
        return err_format(&exc_TypeError, "aiter() returned not an async iterator of type '%T'", it);
    return it;
}

/* anext(it, default): the awaitable of it.__anext__() whose StopAsyncIteration
 * becomes StopIteration(default), i.e. the await gives default. */
typedef struct AnextAwaitable {
    Obj   header;
    Value wrapped;
    Value dflt;
} AnextAwaitable;
extern Type type_anext_awaitable;

static void anextaw_trace(Obj *o) {
    gc_mark_value(((AnextAwaitable *)o)->wrapped);
    gc_mark_value(((AnextAwaitable *)o)->dflt);
}

Value coro_anext(Value it, Value dflt) {
    Value m = coro_special(it, CN_ANEXT);
    if (IS_NULL(m)) return err_occurred() ? VAL_NULL : err_format(&exc_TypeError, "'%T' object is not an async iterator", it);
    Value aw = call0(m);
    if (IS_NULL(aw) || IS_NULL(dflt)) return aw;
    AnextAwaitable *a = (AnextAwaitable *)gc_alloc(&type_anext_awaitable, sizeof(AnextAwaitable));
    if (!a) return VAL_NULL;
    a->wrapped = aw;
    a->dflt = dflt;
    return MK_OBJ(a);
}

/* One step of the wrapped awaitable: method `name` of its await iterator. */
static Value anextaw_step(Value self, const char *name, Value *args, int nargs) {
    AnextAwaitable *a = (AnextAwaitable *)AS_OBJ(self);
    Value it = coro_get_awaitable(a->wrapped, 0);
    if (IS_NULL(it)) return it;
    if (IS_EXACT(it, type_coroutine) && IS_NULL(it = coro_await_m(&it, 1, VAL_NULL))) return it;
    Value r = obj_call_method(it, name, args, nargs);
    if (IS_NULL(r) && err_matches(&exc_StopAsyncIteration)) {
        err_clear();
        err_set_value(&exc_StopIteration, a->dflt);
    }
    return r;
}
static Value anextaw_next_m(Value *args, int nargs, Value kwnames) { return anextaw_step(args[0], "__next__", NULL, 0); }
static Value anextaw_send_m(Value *args, int nargs, Value kwnames) { return anextaw_step(args[0], "send", args + 1, 1); }
static Value anextaw_throw_m(Value *args, int nargs, Value kwnames) {
    int n = IS_NULL(args[2]) ? 1 : IS_NULL(args[3]) ? 2 : 3;
    return anextaw_step(args[0], "throw", args + 1, n);
}
static Value anextaw_close_m(Value *args, int nargs, Value kwnames) { return anextaw_step(args[0], "close", NULL, 0); }

static const MethodDef anextaw_methods[] = {
    {"__await__", aw_self_m, ARGS_WRAP(0), NULL},
    {"__iter__", aw_self_m, ARGS_WRAP(0), NULL},
    {"__next__", anextaw_next_m, ARGS_WRAP(0), NULL},
    {"send", anextaw_send_m, ARGS_ONE, NULL},
    {"throw", anextaw_throw_m, ARGS_POS(1, 3), NULL},
    {"close", anextaw_close_m, ARGS_NONE, NULL},
    {NULL, NULL, 0, NULL},
};
Type type_anext_awaitable = {
    .tp_name = "anext_awaitable", .base = &type_object, .basicsize = sizeof(AnextAwaitable),
    .trace = anextaw_trace, .methods = anextaw_methods,
};
GILPY_TYPE(type_anext_awaitable, NULL);

/* ---- cr_origin -------------------------------------------------------------------------------- */

/* sys.set_coroutine_origin_tracking_depth: one setting for the process. */
static int coro_origin_tracking_depth;

int coro_origin_depth(void) { return coro_origin_tracking_depth; }

/* ((filename, lineno, funcname), ...) of the frames that created g, innermost
 * first; frame 0 is g's own frame, still linked while gen_new runs. */
int coro_set_origin(Gen *g) {
    int n = 0;
    Value code, globals;
    int lineno;
    while (n < coro_origin_tracking_depth && vm_frame_info(n + 1, &code, &lineno, &globals) == 0) n++;
    Value t = tuple_new(n);
    if (IS_NULL(t)) return -1;
    for (int i = 0; i < n; i++) {
        vm_frame_info(i + 1, &code, &lineno, &globals);
        Value item = tuple_pack(3, AS_CODE(code)->filename, MK_SMALLINT(lineno), AS_CODE(code)->name);
        if (IS_NULL(item)) return -1;
        AS_TUPLE(t)->items[i] = item;
    }
    g->origin_or_finalizer = t;
    return 0;
}

Value coro_set_origin_tracking_depth(Value depth) {
    int64_t d;
    if (arg_to_ssize(depth, &d) < 0) return VAL_NULL;
    if (d < 0) return err_format(&exc_ValueError, "depth must be >= 0");
    coro_origin_tracking_depth = d > INT32_MAX ? INT32_MAX : (int)d;
    return VAL_NONE;
}

Value coro_get_origin_tracking_depth(void) { return MK_SMALLINT(coro_origin_tracking_depth); }
