/* func.c - Python function objects and generators.
 *
 * A generator owns a copy of its frame inside the Gen object.  gen_resume
 * links that frame into the thread's frame chain, runs it as an entry frame
 * of vm_run, and unlinks it when it yields or finishes.  The Gen's trace
 * function scans the frame memory conservatively, like the VM stack.
 *
 * Coroutines and async generators are Gen objects too (GenKind; their
 * types are in interp/coro.c): the resume, send, throw and close below serve
 * all three, with each kind's words in the messages.
 */
#include <string.h>

#include "../runtime/audit.h"
#include "../runtime/call.h"
#include "../runtime/error.h"
#include "../runtime/finalize.h"
#include "../runtime/gc.h"
#include "../runtime/obj_dict.h"
#include "../runtime/obj_exc.h"
#include "../runtime/obj_list.h"
#include "../runtime/obj_misc.h"
#include "../runtime/obj_str.h"
#include "../runtime/obj_type.h"
#include "opcodes.h"
#include "vm.h"


/* ---- functions ----------------------------------------------------------------- */

static void func_trace(Obj *o) {
    Function *f = (Function *)o;
    gc_mark_value(f->code);
    gc_mark_value(f->globals);
    gc_mark_value(f->builtins);
    gc_mark_value(f->name);
    gc_mark_value(f->qualname);
    gc_mark_value(f->doc);
    gc_mark_value(f->module);
    gc_mark_value(f->defaults);
    gc_mark_value(f->kwdefaults);
    gc_mark_value(f->closure);
    gc_mark_value(f->annotations);
}

static Value func_descr_get(Value func, Value obj, Value type) {
    return IS_NULL(obj) ? func : method_new(func, obj);
}

static Value func_get_m(Value *args, int nargs, Value kwnames) {
    Value obj, type;
    if (descr_get_args(args, &obj, &type) < 0) return VAL_NULL;
    return func_descr_get(args[0], obj, type);
}

static Value func_repr_m(Value *args, int nargs, Value kwnames) {
    return str_format_c("<function %U at %p>", AS_FUNC(args[0])->qualname, (void *)AS_OBJ(args[0]));
}

/* The attributes follow CPython's funcobject.c: __closure__, __globals__ and
 * __builtins__ are read-only members; the others check the type of what is
 * stored, because the VM trusts it (defaults a tuple, kwdefaults a dict, the
 * code's free variables as many as the closure's cells). */
#define FUNC_FIELD_GETSET(field, check, what)                                           \
    static Value func_get_##field(Value self) {                                         \
        Value v = AS_FUNC(self)->field;                                                 \
        return IS_NULL(v) ? VAL_NONE : v;                                               \
    }                                                                                   \
    static int func_set_##field(Value self, Value v) {                                  \
        if (IS_NONE(v)) v = VAL_NULL;                                                   \
        if (!IS_NULL(v) && !check(v)) {                                                 \
            err_format(&exc_TypeError, "__" #field "__ must be set to a " what " object"); \
            return -1;                                                                  \
        }                                                                               \
        AS_FUNC(self)->field = v;                                                       \
        return 0;                                                                       \
    }
FUNC_FIELD_GETSET(defaults, IS_TUPLE, "tuple")
FUNC_FIELD_GETSET(kwdefaults, IS_DICT, "dict")

static Value func_get_closure(Value self) {
    Value v = AS_FUNC(self)->closure;
    return IS_NULL(v) ? VAL_NONE : v;
}

static Value func_get_name(Value self) { return AS_FUNC(self)->name; }
static int func_set_name(Value self, Value v) {
    if (IS_NULL(v) || !IS_STR(v)) { err_format(&exc_TypeError, "__name__ must be set to a string object"); return -1; }
    AS_FUNC(self)->name = v;
    return 0;
}
static Value func_get_qualname(Value self) { return AS_FUNC(self)->qualname; }
static int func_set_qualname(Value self, Value v) {
    if (IS_NULL(v) || !IS_STR(v)) { err_format(&exc_TypeError, "__qualname__ must be set to a string object"); return -1; }
    AS_FUNC(self)->qualname = v;
    return 0;
}
static Value func_get_doc(Value self) { return AS_FUNC(self)->doc; }
static int func_set_doc(Value self, Value v) { AS_FUNC(self)->doc = IS_NULL(v) ? VAL_NONE : v; return 0; }
static Value func_get_module(Value self) { return AS_FUNC(self)->module; }
static int func_set_module(Value self, Value v) { AS_FUNC(self)->module = IS_NULL(v) ? VAL_NONE : v; return 0; }
static Value func_get_code(Value self) {
    if (audit_active() && audit("object.__getattr__", "Os", self, "__code__") < 0) return VAL_NULL;
    return AS_FUNC(self)->code;
}
/* f.__code__ = code.replace(...): any code with as many free variables as f's closure. */
static int func_set_code(Value self, Value v) {
    if (IS_NULL(v) || !IS_EXACT(v, type_code)) {
        err_format(&exc_TypeError, "__code__ must be set to a code object");
        return -1;
    }
    if (audit_active() && audit("object.__setattr__", "OsO", self, "__code__", v) < 0) return -1;
    Function *fn = AS_FUNC(self);
    int64_t nclosure = IS_TUPLE(fn->closure) ? AS_TUPLE(fn->closure)->len : 0;
    if (AS_CODE(v)->nfree != nclosure) {
        err_format(&exc_ValueError, "%U() requires a code object with %lld free vars, not %lld", fn->name,
                   (long long)nclosure, (long long)AS_CODE(v)->nfree);
        return -1;
    }
    fn->code = v;
    return 0;
}
static Value func_get_globals(Value self) { return AS_FUNC(self)->globals; }
static Value func_get_builtins(Value self) {
    Value b = AS_FUNC(self)->builtins;
    return IS_NULL(b) ? VAL_NONE : b;
}
static Value func_get_annotations(Value self) {
    Function *f = AS_FUNC(self);
    if (!IS_DICT(f->annotations)) f->annotations = dict_new();
    return f->annotations;
}
static int func_set_annotations(Value self, Value v) {
    if (IS_NONE(v)) v = VAL_NULL;
    if (!IS_NULL(v) && !IS_DICT(v)) {
        err_format(&exc_TypeError, "__annotations__ must be set to a dict object");
        return -1;
    }
    AS_FUNC(self)->annotations = v;
    return 0;
}
static Value func_get_dict(Value self) {
    Function *f = AS_FUNC(self);
    if (!IS_DICT(f->dict)) f->dict = dict_new();
    return f->dict;
}
static int func_set_dict(Value self, Value v) { return getset_set_dict(&AS_FUNC(self)->dict, v); }

/* function(code, globals, name=None, argdefs=None, closure=None): CPython's
 * func_new, with its checks; the closure must match the code's free variables. */
static Value func_new_m(Value *args, int nargs, Value kwnames) {
    Value a[5];
    static const char *const names[] = {"code", "globals", "name", "argdefs", "closure"};
    if (arg_parse("function", args + 1, nargs - 1, kwnames, names, 5, 0, 2, a) < 0) return VAL_NULL;
    if (!IS_EXACT(a[0], type_code))
        return err_format(&exc_TypeError, "function() argument 'code' must be code, not %T", a[0]);
    if (!IS_DICT(a[1]))
        return err_format(&exc_TypeError, "function() argument 'globals' must be dict, not %T", a[1]);
    Value name = IS_NULL(a[2]) ? VAL_NONE : a[2], defs = IS_NULL(a[3]) ? VAL_NONE : a[3];
    Value closure = IS_NULL(a[4]) ? VAL_NONE : a[4];
    if (!IS_NONE(name) && !IS_STR(name)) return err_format(&exc_TypeError, "arg 3 (name) must be None or string");
    if (!IS_NONE(defs) && !IS_TUPLE(defs)) return err_format(&exc_TypeError, "arg 4 (defaults) must be None or tuple");
    Code *co = AS_CODE(a[0]);
    if (!IS_TUPLE(closure)) {
        if (co->nfree && IS_NONE(closure)) return err_format(&exc_TypeError, "arg 5 (closure) must be tuple");
        if (!IS_NONE(closure)) return err_format(&exc_TypeError, "arg 5 (closure) must be None or tuple");
    }
    int64_t nclosure = IS_TUPLE(closure) ? AS_TUPLE(closure)->len : 0;
    if (co->nfree != nclosure)
        return err_format(&exc_ValueError, "%U requires closure of length %lld, not %lld", co->name,
                          (long long)co->nfree, (long long)nclosure);
    for (int64_t i = 0; i < nclosure; i++)
        if (!IS_EXACT(AS_TUPLE(closure)->items[i], type_cell))
            return err_format(&exc_TypeError, "arg 5 (closure) expected cell, found %T", AS_TUPLE(closure)->items[i]);
    Value f = func_new(a[0], a[1], VAL_NULL);
    if (IS_NULL(f)) return VAL_NULL;
    Function *fn = AS_FUNC(f);
    if (IS_STR(name)) fn->name = name;
    if (IS_TUPLE(defs)) fn->defaults = defs;
    if (nclosure) fn->closure = closure;
    return f;
}

static const MethodDef func_methods[] = {
    {"__new__", func_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__get__", func_get_m, ARGS_WRAPT(1, 2), NULL},
    {"__call__", call_dunder_m, ARGS_ANY, NULL},        /* *args, **kwargs */
    {"__repr__", func_repr_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};
static const GetSetDef func_getsets[] = {
    {"__name__", func_get_name, func_set_name, NULL},
    {"__qualname__", func_get_qualname, func_set_qualname, NULL},
    {"__doc__", func_get_doc, func_set_doc, NULL},
    {"__module__", func_get_module, func_set_module, NULL},
    {"__defaults__", func_get_defaults, func_set_defaults, NULL},
    {"__kwdefaults__", func_get_kwdefaults, func_set_kwdefaults, NULL},
    {"__closure__", func_get_closure, getset_readonly, NULL},
    {"__code__", func_get_code, func_set_code, NULL},
    {"__globals__", func_get_globals, getset_readonly, NULL},
    {"__builtins__", func_get_builtins, getset_readonly, NULL},
    {"__annotations__", func_get_annotations, func_set_annotations, NULL},
    {"__dict__", func_get_dict, func_set_dict, NULL},
    {NULL, NULL, NULL, NULL},
};
Type type_function = {
    .tp_name = "function", .base = &type_object, .flags = TF_HAS_DICT | TF_METHOD_DESCR | TF_FUNCTION | TF_WEAKREFABLE,
    .basicsize = sizeof(Function), .dictoffset = offsetof(Function, dict), .call = vm_call_function,
    .get = func_descr_get,
    .trace = func_trace, .methods = func_methods, .getsets = func_getsets,
};
GILPY_TYPE(type_function, NULL);

/* ---- generators -------------------------------------------------------------------- */

static void gen_trace(Obj *o) {
    Gen *g = (Gen *)o;
    gc_mark_value(g->name);
    gc_mark_value(g->qualname);
    gc_mark_value(g->code);
    gc_mark_value(g->exc_state);
    gc_mark_value(g->origin_or_finalizer);
    if (g->frame && !g->finished) gc_scan_conservative(g->mem, g->mem + g->mem_size);
}

Value gen_new(Value func, Frame *tmpl) {
    size_t size = tmpl->size;
    uint32_t flags = tmpl->code->flags;
    GenKind kind = flags & CO_COROUTINE ? GEN_COROUTINE : flags & CO_ASYNC_GENERATOR ? GEN_ASYNC_GEN : GEN_GENERATOR;
    static Type *const types[] = { &type_generator, &type_coroutine, &type_async_generator };
    Gen *g = (Gen *)gc_alloc(types[kind], sizeof(Gen) + size);
    if (!g) return VAL_NULL;
    memcpy(g->mem, tmpl, size);
    Frame *f = (Frame *)g->mem;
    ptrdiff_t delta = (char *)f - (char *)tmpl;
    f->blocks = (Block *)((char *)f->blocks + delta);
    f->localsplus = (Value *)((char *)f->localsplus + delta);
    f->stack = (Value *)((char *)f->stack + delta);
    f->sp = (Value *)((char *)f->sp + delta);
    f->is_gen = 1;
    f->is_entry = 1;
    f->gen = MK_OBJ(g);
    f->frameobj = VAL_NULL;
    g->frame = f;
    g->mem_size = size;
    g->code = MK_OBJ(f->code);
    g->name = AS_FUNC(func)->name;
    g->qualname = AS_FUNC(func)->qualname;
    g->exc_state = VAL_NULL;
    /* closing one without try blocks shows nothing, but an async generator's
     * finalizer hook (asyncio's) sees every one that dies suspended */
    if (f->code->maxblocks || kind == GEN_ASYNC_GEN) fin_register(&g->header);
    g->kind = (uint8_t)kind;
    g->origin_or_finalizer = VAL_NULL;
    if (kind == GEN_COROUTINE && (coro_track_unstarted(g) < 0 || (coro_origin_depth() && coro_set_origin(g) < 0)))
        return VAL_NULL;
    return MK_OBJ(g);
}

static const char *const gen_kind_names[] = { "generator", "coroutine", "async generator" };

/* An exhausted coroutine cannot run again; an exhausted generator returns None. */
static int gen_resume_finished(Gen *g, Value exc, Value *out) {
    if (g->kind == GEN_COROUTINE) {
        err_format(&exc_RuntimeError, "cannot reuse already awaited coroutine");
        return -1;
    }
    if (!IS_NULL(exc)) { ts_get()->exc = exc; return -1; }
    *out = VAL_NONE;
    return 0;
}

/* StopIteration (and, in an async generator, StopAsyncIteration) leaving the
 * frame becomes a RuntimeError whose cause is the original (PEP 479). */
static void gen_wrap_stop(Gen *g) {
    const char *stop = err_matches(&exc_StopIteration) ? "StopIteration"
                     : g->kind == GEN_ASYNC_GEN && err_matches(&exc_StopAsyncIteration) ? "StopAsyncIteration" : NULL;
    if (!stop) return;
    Value e = err_fetch();
    err_format(&exc_RuntimeError, "%s raised %s", gen_kind_names[g->kind], stop);
    AS_EXC(err_peek())->cause = e;
    AS_EXC(err_peek())->context = e;
    AS_EXC(err_peek())->suppress_context = 1;
}

/* 1 yielded, 0 returned (value in *out), -1 error. */
int gen_resume(Value gv, Value value, Value exc, Value *out) {
    Gen *g = AS_GEN(gv);
    ThreadState *ts = ts_get();
    if (g->running) { err_format(&exc_ValueError, "%s already executing", gen_kind_names[g->kind]); return -1; }
    if (g->finished) return gen_resume_finished(g, exc, out);
    if (!g->started && IS_NULL(exc) && !IS_NONE(value)) {
        err_format(&exc_TypeError, "can't send non-None value to a just-started %s", gen_kind_names[g->kind]);
        return -1;
    }
    Frame *f = g->frame;
    if (obj_check_c_stack() < 0) return -1;         /* resuming recurses in C (yield from) */
    if (ts->recursion_depth >= interp.recursion_limit) {
        ts->recursion_headroom++;
        err_format(&exc_RecursionError, "maximum recursion depth exceeded");
        ts->recursion_headroom--;
        return -1;
    }
    if (g->started && IS_NULL(exc) && !f->drop_sent) *f->sp++ = value;
    f->drop_sent = 0;
    if (!g->started) {
        g->started = 1;
        if (g->kind == GEN_COROUTINE) coro_note_started(g);
    }
    g->running = 1;
    f->prev = ts->frame;
    ts->frame = f;
    ts->recursion_depth++;
    /* The generator handles its own exception (g->exc_state) and sees its
     * resumer's while it handles none (runtime/state.h: ts_handled_exc). */
    Value saved_exc = ts->handled_exc, saved_caller = ts->caller_exc;
    ts->caller_exc = ts_handled_exc(ts);
    ts->handled_exc = IS_OBJ(g->exc_state) ? g->exc_state : VAL_NULL;
    if (!IS_NULL(exc)) {            /* raise exc at the suspension point */
        Value ctx = ts_handled_exc(ts);  /* CPython's _PyErr_ChainStackItem */
        if (IS_EXC(exc) && IS_EXC(ctx) && ctx != exc) exc_set_context(exc, ctx);
        ts->exc = exc;
        f->throw_on_entry = 1;
    }
    Value r = vm_run(ts, f);
    g->exc_state = IS_OBJ(ts->handled_exc) ? ts->handled_exc : VAL_NULL;
    ts->handled_exc = saved_exc;
    ts->caller_exc = saved_caller;
    g->running = 0;
    if (f->yielded && !IS_NULL(r)) { *out = r; return 1; }
    g->finished = 1;
    g->exc_state = VAL_NULL;
    if (IS_NULL(r)) {
        gen_wrap_stop(g);
        return -1;
    }
    *out = r;
    return 0;
}

/* Resume after a delegated throw finished the subiterator (nothing to send). */
static int gen_resume_after_delegate(Value gv, Value *out) {
    Gen *g = AS_GEN(gv);
    g->frame->sp--;                      /* gen_resume pushes the "sent" value back */
    Value top = g->frame->sp[0];
    return gen_resume(gv, top, VAL_NULL, out);
}

static Value gen_iter_m(Value *args, int nargs, Value kwnames) {
    return args[0];
}

static Value gen_stop(Value v) {
    if (IS_NONE(v)) return VAL_NULL;        /* exhausted: StopIteration without a value */
    err_set_value(&exc_StopIteration, v);
    return VAL_NULL;
}

static Value gen_next_m(Value *args, int nargs, Value kwnames) {
    Value out;
    int st = gen_resume(args[0], VAL_NONE, VAL_NULL, &out);
    if (st == 1) return out;
    if (st == 0) return gen_stop(out);
    return VAL_NULL;
}

Value gen_send(Value gen, Value v) {
    Value out;
    int st = gen_resume(gen, v, VAL_NULL, &out);
    if (st == 1) return out;
    if (st == 0) {
        err_set_value(&exc_StopIteration, out);
        if (IS_NONE(out)) { err_clear(); err_set_none(&exc_StopIteration); }
    }
    return VAL_NULL;
}

static Value gen_send_m(Value *args, int nargs, Value kwnames) { return gen_send(args[0], args[1]); }

/* Build the exception for throw(type[, value[, tb]]) (args: the generator, then
 * the three, VAL_NULL when not given). */
static Value gen_throw_exc(Value *args) {
    Value typ = args[1], val = IS_NULL(args[2]) ? VAL_NONE : args[2];
    Value exc;
    if (!IS_NULL(args[3]) && !IS_NONE(args[3]) && !IS_EXACT(args[3], type_traceback))
        return err_format(&exc_TypeError, "throw() third argument must be a traceback object");
    if (IS_TYPE(typ) && type_is_subtype(AS_TYPE(typ), &exc_BaseException)) {
        if (IS_EXC(val) && val_isinstance(val, AS_TYPE(typ))) exc = val;
        else if (IS_NONE(val)) exc = call0(typ);
        else if (IS_TUPLE(val)) exc = call_tuple_dict(typ, val, VAL_NULL);
        else exc = call1(typ, val);
        if (!IS_NULL(exc) && !IS_EXC(exc)) {
            err_format(&exc_TypeError, "calling %R should have returned an instance of BaseException, not %T",
                       typ, exc);
            exc = VAL_NULL;
        }
        if (IS_NULL(exc)) return err_fetch();   /* making it failed: that error goes into the generator */
    } else if (IS_EXC(typ)) {
        if (!IS_NONE(val)) return err_format(&exc_TypeError, "instance exception may not have a separate value");
        exc = typ;
    } else {
        return err_format(&exc_TypeError, "exceptions must be classes or instances deriving from BaseException, not %T", typ);
    }
    if (!IS_NULL(exc) && !IS_NULL(args[3]) && !IS_NONE(args[3])) AS_EXC(exc)->traceback = args[3];
    return exc;
}

/* Suspended in `yield from sub`: give the exception to sub first.  Returns 1
 * when sub yielded (*out), 0 when the outer frame must go on (*out is sub's
 * return value pushed in place of sub, or the exception is pending for the
 * outer frame), -1 on error before anything ran. */
static int gen_throw_into(Value gen, Value exc, Value *out);

static int gen_delegate_throw(Gen *g, Value exc, Value *out, int *raise_in_frame) {
    Frame *f = g->frame;
    *raise_in_frame = 1;
    if (INSTR_OP(*f->ip) != OPC_YIELD_FROM) return 0;
    Value sub = f->sp[-1];
    int st;
    if (IS_GEN_OR_CORO(sub)) {
        /* sub runs as if called from this frame (its f_back), which is executing
         * meanwhile; on through sub's own delegate (gen_throw_into) */
        ThreadState *ts = ts_get();
        Frame *saved_prev = f->prev;
        f->prev = ts->frame;
        ts->frame = f;
        g->running = 1;
        st = gen_throw_into(sub, exc, out);
        g->running = 0;
        ts->frame = f->prev;
        f->prev = saved_prev;
    } else {
        int closing = type_is_subtype(val_type(exc), &exc_GeneratorExit);
        Value m = obj_getattr_opt(sub, str_intern_c(closing ? "close" : "throw"));
        if (IS_NULL(m)) return err_occurred() ? -1 : 0;
        Value r = closing ? call0(m) : call1(m, exc);
        if (closing && !IS_NULL(r)) return 0;
        if (!IS_NULL(r)) { *out = r; return 1; }
        if (err_matches(&exc_StopIteration)) {
            Value e = err_fetch();
            *out = exc_get_attr_c(e, "value");
            st = 0;
        } else {
            st = -1;
        }
    }
    if (st == 1) return 1;
    if (st == 0) {                        /* sub finished: continue after YIELD_FROM */
        f->sp[-1] = *out;
        f->ip++;
        *raise_in_frame = 0;
        return 0;
    }
    f->sp--;                              /* sub raised: the frame sees that exception */
    f->ip++;
    return 0;
}

/* Throw exc into a started generator, through the subiterator it is suspended
 * on (recursively, as CPython's _gen_throw): 1 when it yielded (*out), 0 when it
 * returned (*out), -1 with the exception pending. */
static int gen_throw_into(Value gen, Value exc, Value *out) {
    int raise_here = 1;
    int d = AS_GEN(gen)->started ? gen_delegate_throw(AS_GEN(gen), exc, out, &raise_here) : 0;
    if (d != 0) return d;
    if (raise_here && err_occurred()) exc = err_fetch();
    return raise_here ? gen_resume(gen, VAL_NONE, exc, out) : gen_resume_after_delegate(gen, out);
}

Value gen_throw(Value gen, Value *args) {
    Value exc = gen_throw_exc(args);
    if (IS_NULL(exc)) return VAL_NULL;
    Value out;
    Gen *g = AS_GEN(gen);
    if (g->running) return err_format(&exc_ValueError, "%s already executing", gen_kind_names[g->kind]);
    if (g->finished && g->kind == GEN_COROUTINE)
        return err_format(&exc_RuntimeError, "cannot reuse already awaited coroutine");
    if (g->finished) { ts_get()->exc = exc; return VAL_NULL; }
    int st = gen_throw_into(gen, exc, &out);     /* not started: raised at its first line */
    if (st == 1) return out;
    if (st == 0) {
        if (IS_NONE(out)) err_set_none(&exc_StopIteration);
        else err_set_value(&exc_StopIteration, out);
    }
    return VAL_NULL;
}

static Value gen_throw_m(Value *args, int nargs, Value kwnames) { return gen_throw(args[0], args); }

Value gen_close(Value gen) {
    Gen *g = AS_GEN(gen);
    if (g->finished) return VAL_NONE;
    if (!g->started) { g->finished = 1; return VAL_NONE; }
    Value exc = call0(MK_OBJ(&exc_GeneratorExit));
    if (IS_NULL(exc)) return VAL_NULL;
    Value out;
    int st = gen_throw_into(gen, exc, &out);
    if (st == 1) return err_format(&exc_RuntimeError, "%s ignored GeneratorExit", gen_kind_names[g->kind]);
    if (st == 0) return VAL_NONE;
    if (err_matches(&exc_GeneratorExit) || err_matches(&exc_StopIteration)) { err_clear(); return VAL_NONE; }
    return VAL_NULL;
}

static Value gen_close_m(Value *args, int nargs, Value kwnames) { return gen_close(args[0]); }

/* The finalizer (runtime/finalize.c runs it once the generator is garbage):
 * close a suspended generator, so its finally blocks run; an error is
 * reported, not raised, as CPython's _PyGen_Finalize does. */
static Value gen_del_m(Value *args, int nargs, Value kwnames) {
    Gen *g = AS_GEN(args[0]);
    if (!g->started || g->finished || g->running) return VAL_NONE;
    if (IS_NULL(gen_close_m(args, 1, VAL_NULL))) fin_write_unraisable(args[0]);
    return VAL_NONE;
}

static Value gen_repr_m(Value *args, int nargs, Value kwnames) {
    return str_format_c("<generator object %U at %p>", AS_GEN(args[0])->qualname, (void *)AS_OBJ(args[0]));
}

static Value gen_get_name(Value self) { return AS_GEN(self)->name; }
static Value gen_get_qualname(Value self) { return AS_GEN(self)->qualname; }
static Value gen_get_running(Value self) { return MK_BOOL(AS_GEN(self)->running); }
static Value gen_get_code(Value self) { return AS_GEN(self)->code; }
static Value gen_get_frame(Value self) { return AS_GEN(self)->finished ? VAL_NONE : frame_object(AS_GEN(self)->frame); }

static const MethodDef gen_methods[] = {
    {"__iter__", gen_iter_m, ARGS_WRAP(0), NULL},
    {"__next__", gen_next_m, ARGS_WRAP(0), NULL},
    {"send", gen_send_m, ARGS_ONE, NULL},
    {"throw", gen_throw_m, ARGS_POS(1, 3), NULL},
    {"close", gen_close_m, ARGS_NONE, NULL},
    {"__del__", gen_del_m, ARGS_WRAP(0), NULL},
    {"__repr__", gen_repr_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};
static int gen_set_name(Value self, Value v) {
    if (IS_NULL(v) || !IS_STR(v)) { err_format(&exc_TypeError, "__name__ must be set to a string object"); return -1; }
    AS_GEN(self)->name = v;
    return 0;
}
static int gen_set_qualname(Value self, Value v) {
    if (IS_NULL(v) || !IS_STR(v)) { err_format(&exc_TypeError, "__qualname__ must be set to a string object"); return -1; }
    AS_GEN(self)->qualname = v;
    return 0;
}
static Value gen_get_suspended(Value self) {
    Gen *g = AS_GEN(self);
    return MK_BOOL(g->started && !g->running && !g->finished);
}
/* A frame suspended in `yield from` or `await` rests on its YIELD_FROM with
 * the delegate on top of its stack (CPython's _PyGen_yf). */
Value gen_yf(Gen *g) {
    if (!g->started || g->finished || g->running) return VAL_NULL;
    Frame *f = g->frame;
    return INSTR_OP(*f->ip) == OPC_YIELD_FROM ? f->sp[-1] : VAL_NULL;
}
static Value gen_get_yieldfrom(Value self) {
    Value yf = gen_yf(AS_GEN(self));
    return IS_NULL(yf) ? VAL_NONE : yf;
}

/* CPython's rules: __name__ and __qualname__ take a str, gi_code is a
 * read-only member, the rest are getsets without a setter. */
static const GetSetDef gen_getsets[] = {
    {"__name__", gen_get_name, gen_set_name, NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, NULL},
    {"gi_running", gen_get_running, NULL, NULL},
    {"gi_code", gen_get_code, getset_readonly, NULL},
    {"gi_frame", gen_get_frame, NULL, NULL},
    {"gi_suspended", gen_get_suspended, NULL, NULL},
    {"gi_yieldfrom", gen_get_yieldfrom, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};
Type type_generator = {
    .tp_name = "generator", .base = &type_object, .flags = TF_WEAKREFABLE, .basicsize = sizeof(Gen),
    .trace = gen_trace, .methods = gen_methods, .getsets = gen_getsets,
};
GILPY_TYPE(type_generator, NULL);
