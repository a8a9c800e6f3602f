/* ctypes_funcptr.c - CFuncPtr: calling C functions through libffi, and
 * Python callables as C function pointers (callbacks).
 *
 * A function pointer class (CFUNCTYPE(restype, *argtypes), or a CDLL's
 * _FuncPtr) carries `_argtypes_`, `_restype_` and `_flags_`; an instance may
 * override argtypes/restype/errcheck.  An instance is made from an address,
 * from (name, dll) (dlsym in dll._handle), or from a Python callable (a
 * callback: a libffi closure whose code address is the instance's value).
 *
 * A call converts each argument (argtypes[i].from_param, then carg_convert),
 * builds the libffi call interface and calls with the GIL released, as
 * CPython does (except FUNCFLAG_PYTHONAPI functions, which run with it, and
 * are the helpers of mod_ctypes.c that return Python objects).  With
 * use_errno the C errno is swapped with ctypes' private copy around the call.
 * The result becomes a Python value by restype: a simple type's value, an
 * instance of other ctypes types, a callable's result; then errcheck.
 *
 * A callback runs on the thread that made the foreign call: it takes the GIL
 * back (the thread-local depth `ffcall_released` says the call gave it up),
 * converts the C arguments by argtypes, calls the Python function, stores
 * its result by restype, and gives the GIL up again.  An exception in it is
 * reported as CPython reports it ("Exception ignored on calling ctypes
 * callback function") and the C result is zero.  Callbacks from threads
 * gilpy did not start are not supported: they print a message and return 0.
 */
#include <errno.h>
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/finalize.h"
#include "runtime/gc.h"
#include "runtime/gil.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "ctypes.h"

#define FP(v) ((FuncPtr *)AS_OBJ(v))
#define CTYPES_MAX_ARGS 1024

_Thread_local int ctypes_errno;
static _Thread_local int ffcall_released;     /* foreign calls running without the GIL */

struct Thunk {
    ffi_closure *closure;
    void *code;
    ffi_cif cif;
    ffi_type **atypes;
    ffi_type *rtype;
    FuncPtr *owner;
    int nargs;
};

/* ---- the metaclass ----------------------------------------------------------------------- */

static int funcptr_check_argtypes(Value argtypes, Value *out) {
    if (IS_NONE(argtypes) || IS_NULL(argtypes)) { *out = VAL_NULL; return 0; }
    if (!IS_TUPLE(argtypes) && !IS_LIST(argtypes)) {
        err_format(&exc_TypeError, "_argtypes_ must be a sequence of types");
        return -1;
    }
    Value t = seq_to_tuple(argtypes);
    if (IS_NULL(t)) return -1;
    for (int64_t i = 0; i < AS_TUPLE(t)->len; i++) {
        Value fp = obj_getattr_opt(AS_TUPLE(t)->items[i], str_intern_c("from_param"));
        if (IS_NULL(fp)) {
            if (err_occurred()) return -1;
            err_format(&exc_TypeError, "item %zd in _argtypes_ has no from_param method", (ssize_t)(i + 1));
            return -1;
        }
    }
    *out = t;
    return 0;
}

static int funcptr_check_restype(Value restype) {
    if (IS_NONE(restype) || ctype_info(restype) || call_is_callable(restype)) return 0;
    err_format(&exc_TypeError, "restype must be a type, a callable, or None");
    return -1;
}

static Value funcptr_meta_new_m(Value *args, int nargs, Value kwnames) {
    if (nargs != 4) return err_format(&exc_TypeError, "type.__new__() takes exactly 3 arguments (%d given)", nargs - 1);
    Value kw = VAL_NULL;
    if (!IS_NULL(kwnames)) {
        Value vals = tuple_from_array(args + nargs, AS_TUPLE(kwnames)->len);
        if (IS_NULL(vals) || IS_NULL(kw = tuple_pack(2, kwnames, vals))) return VAL_NULL;
    }
    Value cls = type_new_class(AS_TYPE(args[0]), args[1], args[2], args[3], kw);
    if (IS_NULL(cls)) return VAL_NULL;
    CType *t = (CType *)AS_OBJ(cls);
    t->kind = CK_FUNC;
    t->size = sizeof(void *);
    t->align = _Alignof(void *);
    t->length = 1;
    t->ffi = ffi_type_pointer;
    t->flags |= CTF_POINTER;
    t->argtypes = t->restype = t->checker = VAL_NULL;
    Value flags = obj_getattr_opt(cls, str_intern_c("_flags_"));
    if (IS_NULL(flags)) {
        if (err_occurred()) return VAL_NULL;
        /* a CFuncPtr subclass without _flags_ (CDLL's base class) */
        return cls;
    }
    int f;
    if (!IS_INT(flags) || arg_to_cint(flags, &f) < 0) {
        err_clear();
        return err_format(&exc_TypeError, "class must define _flags_ which must be an integer");
    }
    t->funcflags = f;
    Value at = obj_getattr_opt(cls, str_intern_c("_argtypes_"));
    if (IS_NULL(at) && err_occurred()) return VAL_NULL;
    if (funcptr_check_argtypes(at, &t->argtypes) < 0) return VAL_NULL;
    Value rt = obj_getattr_opt(cls, str_intern_c("_restype_"));
    if (IS_NULL(rt) && err_occurred()) return VAL_NULL;
    if (!IS_NULL(rt)) {
        if (funcptr_check_restype(rt) < 0) return VAL_NULL;
        t->restype = rt;
        Value ck = obj_getattr_opt(rt, str_intern_c("_check_retval_"));
        if (IS_NULL(ck) && err_occurred()) return VAL_NULL;
        t->checker = ck;
    }
    return cls;
}

static const MethodDef meta_funcptr_methods[] = {
    {"__new__", funcptr_meta_new_m, METH_STATIC, NULL},
    {"from_param", ctype_generic_from_param_m, ARGS_ONE, "Convert a Python object into a function call parameter."},
    {NULL, NULL, 0, NULL},
};

Type meta_funcptr = {
    .tp_name = "_ctypes.PyCFuncPtrType", .base = &type_type, .basicsize = sizeof(CType),
    .flags = TF_BASETYPE | TF_WEAKREFABLE, .trace = ctype_trace, .finalize = ctype_finalize, .methods = meta_funcptr_methods,
};

/* ---- the pieces of a call ------------------------------------------------------------------- */

static ffi_type *funcptr_ffi_of(Value restype) {
    if (IS_NONE(restype)) return &ffi_type_void;
    CType *t = ctype_info(restype);
    if (!t) return &ffi_type_sint;
    return &t->ffi;
}

/* "argument 3: TypeError: wrong type" as _ctypes.ArgumentError */
static void funcptr_argument_error(int index) {
    Value exc = err_fetch();
    Value msg = obj_str(exc);
    if (IS_NULL(msg)) return;
    Value s = str_format_c("argument %d: %s: %U", index, val_type_name(exc), msg);
    if (!IS_NULL(s)) err_set_value(AS_TYPE(ctypes_argument_error), s);
}

/* Convert args[0..nargs) for the call (from_param by argtypes where given). */
static int funcptr_convert_args(Value argtypes, Value *args, int nargs, CArg *cargs, Value keep) {
    int64_t ntypes = IS_TUPLE(argtypes) ? AS_TUPLE(argtypes)->len : 0;
    for (int i = 0; i < nargs; i++) {
        Value v = args[i];
        if (i < ntypes) {
            Value conv = obj_getattr_c(AS_TUPLE(argtypes)->items[i], "from_param");
            v = IS_NULL(conv) ? VAL_NULL : call1(conv, v);
            if (IS_NULL(v)) { funcptr_argument_error(i + 1); return -1; }
            AS_LIST(keep)->items[i] = v;
        }
        if (carg_convert(v, i + 1, &cargs[i]) < 0) { funcptr_argument_error(i + 1); return -1; }
    }
    return 0;
}

static void funcptr_swap_errno(void) {
    int e = errno;
    errno = ctypes_errno;
    ctypes_errno = e;
}

/* Run the prepared call; with the GIL released unless PYTHONAPI. */
static void funcptr_ffi_call(ffi_cif *cif, void *fn, void *ret, void **avalues, int flags) {
    if (flags & FUNCFLAG_PYTHONAPI) {
        ffi_call(cif, FFI_FN(fn), ret, avalues);
        return;
    }
    ffcall_released++;
    GIL_BLOCKING_BEGIN(GIL_REASON_IO);
    if (flags & FUNCFLAG_USE_ERRNO) funcptr_swap_errno();
    ffi_call(cif, FFI_FN(fn), ret, avalues);
    if (flags & FUNCFLAG_USE_ERRNO) funcptr_swap_errno();
    GIL_BLOCKING_END();
    ffcall_released--;
}

/* The C result as a Python value, by restype. */
static Value funcptr_result(Value restype, Value checker, void *ret) {
    if (IS_NONE(restype)) return VAL_NONE;
    CType *t = ctype_info(restype);
    if (!t) {
        int r;
        memcpy(&r, ret, sizeof r);
        return IS_NULL(restype) ? MK_SMALLINT(r) : call1(restype, MK_SMALLINT(r));
    }
    Value v;
    if (t->codec && simple_is_plain(restype)) v = t->codec->get(ret, t->size, (t->flags & CTF_SWAPPED) != 0);
    else v = cdata_new_copy(restype, ret);
    if (IS_NULL(v) || IS_NULL(checker) || IS_NONE(checker)) return v;
    return call1(checker, v);
}

static Value funcptr_get_restype_v(FuncPtr *f, CType *t) {
    if (!IS_NULL(f->restype)) return f->restype;
    return t && !IS_NULL(t->restype) ? t->restype : VAL_NULL;
}

static Value funcptr_call(Value callable, Value *args, int nargs, Value kwnames) {
    FuncPtr *f = FP(callable);
    CType *t = ctype_of(callable);
    if (!IS_NULL(kwnames) && AS_TUPLE(kwnames)->len)
        return err_format(&exc_TypeError, "call takes no keyword arguments");
    Value argtypes = !IS_NULL(f->converters) ? f->converters : t ? t->argtypes : VAL_NULL;
    Value restype = funcptr_get_restype_v(f, t);
    Value checker = !IS_NULL(f->restype) ? f->checker : t ? t->checker : VAL_NULL;
    int flags = t ? t->funcflags : FUNCFLAG_CDECL;
    int64_t required = IS_TUPLE(argtypes) ? AS_TUPLE(argtypes)->len : 0;
    if (required > nargs)
        return err_format(&exc_TypeError, "this function takes at least %d argument%s (%d given)", (int)required,
                          required == 1 ? "" : "s", nargs);
    if (nargs > CTYPES_MAX_ARGS) return err_format(AS_TYPE(ctypes_argument_error), "too many arguments");
    void *fn;
    memcpy(&fn, f->cd.ptr, sizeof fn);
    if (!fn) return err_format(&exc_ValueError, "NULL pointer access");
    Value keep = list_new(nargs);
    if (IS_NULL(keep)) return VAL_NULL;
    for (int i = 0; i < nargs; i++) list_append(keep, VAL_NONE);
    CArg *cargs = nargs ? gc_sys_calloc((size_t)nargs, sizeof(CArg)) : NULL;
    ffi_type **atypes = nargs ? gc_sys_calloc((size_t)nargs, sizeof(ffi_type *)) : NULL;
    void **avalues = nargs ? gc_sys_calloc((size_t)nargs, sizeof(void *)) : NULL;
    Value result = VAL_NULL;
    if (nargs && (!cargs || !atypes || !avalues)) { err_no_memory(); goto done; }
    if (funcptr_convert_args(argtypes, args, nargs, cargs, keep) < 0) goto done;
    for (int i = 0; i < nargs; i++) {
        atypes[i] = cargs[i].ffi;
        avalues[i] = cargs[i].ptr;
        if (list_append(keep, cargs[i].obj) < 0) goto done;
    }
    ffi_type *rtype = funcptr_ffi_of(restype);
    ffi_cif cif;
    if (ffi_prep_cif(&cif, FFI_DEFAULT_ABI, (unsigned)nargs, rtype, atypes) != FFI_OK) {
        err_format(&exc_RuntimeError, "ffi_prep_cif failed");
        goto done;
    }
    size_t rsize = rtype->size > sizeof(ffi_arg) ? rtype->size : sizeof(ffi_arg);
    void *ret = gc_sys_calloc(1, rsize + 16);
    if (!ret) { err_no_memory(); goto done; }
    funcptr_ffi_call(&cif, fn, ret, avalues, flags);
    if (!(flags & FUNCFLAG_PYTHONAPI) || !err_occurred()) result = funcptr_result(restype, checker, ret);
    free(ret);
    if (IS_NULL(result)) goto done;
    if (!IS_NULL(f->errcheck) && !IS_NONE(f->errcheck)) {
        Value targs = tuple_from_array(args, nargs);
        result = IS_NULL(targs) ? VAL_NULL : call3(f->errcheck, result, callable, targs);
    }
done:
    free(cargs);
    free(atypes);
    free(avalues);
    (void)keep;
    return result;
}

/* ---- callbacks ------------------------------------------------------------------------------ */

/* The C arguments of a callback as Python values, by argtypes. */
static Value thunk_args(FuncPtr *f, Value argtypes, void **cargs, int n) {
    Value t = tuple_new(n);
    if (IS_NULL(t)) return VAL_NULL;
    for (int i = 0; i < n; i++) AS_TUPLE(t)->items[i] = VAL_NONE;
    for (int i = 0; i < n; i++) {
        Value at = AS_TUPLE(argtypes)->items[i];
        CType *ct = ctype_info(at);
        Value v;
        if (ct && ct->codec && simple_is_plain(at)) v = ct->codec->get(cargs[i], ct->size, (ct->flags & CTF_SWAPPED) != 0);
        else if (ct) v = cdata_new_copy(at, cargs[i]);
        else v = err_format(&exc_TypeError, "cannot build parameter");
        if (IS_NULL(v)) return VAL_NULL;
        AS_TUPLE(t)->items[i] = v;
    }
    (void)f;
    return t;
}

/* Run the Python callable of a callback, the GIL held. */
static void thunk_run(Thunk *th, void *ret, void **cargs) {
    FuncPtr *f = th->owner;
    CType *t = ctype_of(MK_OBJ(f));
    Value restype = t ? t->restype : VAL_NULL;
    memset(ret, 0, th->rtype->size > sizeof(ffi_arg) ? th->rtype->size : sizeof(ffi_arg));
    Value args = thunk_args(f, t ? t->argtypes : tuple_empty(), cargs, th->nargs);
    Value r = IS_NULL(args) ? VAL_NULL : call_tuple_dict(f->callable, args, VAL_NULL);
    if (IS_NULL(r)) {
        fin_write_unraisable_msg("Exception ignored on calling ctypes callback function", f->callable);
        return;
    }
    CType *rt = ctype_info(restype);
    if (!rt || !rt->codec || IS_NONE(restype)) return;
    Value keep = rt->codec->set(ret, r, rt->size, (rt->flags & CTF_SWAPPED) != 0);
    if (IS_NULL(keep)) {
        fin_write_unraisable_msg("Exception ignored on converting result of ctypes callback function", f->callable);
        return;
    }
    if (rt->codec->code == 'O' || (!IS_NONE(keep) && rt->codec->code != 'O'))
        if (!IS_NONE(keep)) list_append(f->keep, keep);    /* the returned pointer's owner */
}

static void thunk_handler(ffi_cif *cif, void *ret, void **cargs, void *user) {
    (void)cif;
    Thunk *th = user;
    ThreadState *ts = ts_get();
    if (!ts) {
        fprintf(stderr, "ctypes: a callback was called from a thread gilpy did not start; it returns 0\n");
        memset(ret, 0, th->rtype->size > sizeof(ffi_arg) ? th->rtype->size : sizeof(ffi_arg));
        return;
    }
    int released = ffcall_released > 0;
    if (released) {
        ffcall_released--;
        gil_blocking_end(ts);
    }
    thunk_run(th, ret, cargs);
    if (released) {
        gil_blocking_begin(GIL_REASON_IO);
        ffcall_released++;
    }
}

static void thunk_free(Thunk *th) {
    if (!th) return;
    if (th->closure) ffi_closure_free(th->closure);
    free(th->atypes);
    free(th);
}

/* A closure calling f->callable, with f's type's argtypes and restype. */
static int thunk_make(FuncPtr *f, CType *t) {
    int n = IS_TUPLE(t->argtypes) ? (int)AS_TUPLE(t->argtypes)->len : 0;
    Value restype = t->restype;
    CType *rt = ctype_info(restype);
    if (!IS_NULL(restype) && !IS_NONE(restype) && (!rt || !rt->codec)) {
        err_format(&exc_TypeError, "invalid result type for callback function");
        return -1;
    }
    for (int i = 0; i < n; i++)
        if (!ctype_info(AS_TUPLE(t->argtypes)->items[i])) {
            err_format(&exc_TypeError, "invalid argument type for callback function");
            return -1;
        }
    Thunk *th = calloc(1, sizeof *th);
    if (!th) { err_no_memory(); return -1; }
    th->owner = f;
    th->nargs = n;
    th->atypes = calloc((size_t)n + 1, sizeof(ffi_type *));
    th->closure = ffi_closure_alloc(sizeof(ffi_closure), &th->code);
    if (!th->atypes || !th->closure) { thunk_free(th); err_no_memory(); return -1; }
    for (int i = 0; i < n; i++) th->atypes[i] = &ctype_info(AS_TUPLE(t->argtypes)->items[i])->ffi;
    th->rtype = IS_NULL(restype) ? &ffi_type_sint : funcptr_ffi_of(restype);
    if (ffi_prep_cif(&th->cif, FFI_DEFAULT_ABI, (unsigned)n, th->rtype, th->atypes) != FFI_OK ||
        ffi_prep_closure_loc(th->closure, &th->cif, thunk_handler, th, th->code) != FFI_OK) {
        thunk_free(th);
        err_format(&exc_RuntimeError, "ffi_prep_closure failed");
        return -1;
    }
    f->thunk = th;
    memcpy(f->cd.ptr, &th->code, sizeof(void *));
    return 0;
}

/* ---- instances -------------------------------------------------------------------------------- */

static void funcptr_trace(Obj *o) {
    FuncPtr *f = (FuncPtr *)o;
    gc_mark_value(f->cd.base);
    gc_mark_value(f->cd.objects);
    gc_mark_value(f->argtypes);
    gc_mark_value(f->converters);
    gc_mark_value(f->restype);
    gc_mark_value(f->checker);
    gc_mark_value(f->errcheck);
    gc_mark_value(f->callable);
    gc_mark_value(f->keep);
}

static void funcptr_finalize(Obj *o) {
    FuncPtr *f = (FuncPtr *)o;
    thunk_free(f->thunk);
    f->thunk = NULL;
    type_cdata.finalize(o);
}

/* (name_or_ordinal, dll[, paramflags]): the address from dlsym. */
static Value funcptr_from_dll(Value cls, Value spec) {
    Value name = AS_TUPLE(spec)->items[0], dll = AS_TUPLE(spec)->items[1];
    Value h = obj_getattr_c(dll, "_handle");
    if (IS_NULL(h)) return VAL_NULL;
    int64_t handle;
    if (!IS_INT(h) || int_to_i64(h, &handle) < 0) {
        err_clear();
        return err_format(&exc_TypeError, "the _handle attribute of the second argument must be an integer");
    }
    if (!IS_STR(name)) return err_format(&exc_TypeError, "function name must be string, bytes object or integer");
    dlerror();
    void *addr = dlsym((void *)(intptr_t)handle, STR_DATA(name));
    if (!addr) {
        const char *e = dlerror();
        return err_format(&exc_AttributeError, "%s", e ? e : "symbol not found");
    }
    Value v = cdata_new_owned(cls);
    if (IS_NULL(v)) return VAL_NULL;
    memcpy(CDATA(v)->ptr, &addr, sizeof addr);
    if (cdata_keepref(v, 0, dll) < 0) return VAL_NULL;
    return v;
}

static FuncPtr *funcptr_alloc(Value cls) {
    Value v = cdata_new_owned(cls);
    if (IS_NULL(v)) return NULL;
    FuncPtr *f = FP(v);
    f->argtypes = f->converters = f->restype = f->checker = f->errcheck = f->callable = f->keep = VAL_NULL;
    f->keep = list_new(0);
    return IS_NULL(f->keep) ? NULL : f;
}

static Value funcptr_new_m(Value *args, int nargs, Value kwnames) {
    (void)kwnames;
    Value cls = args[0];
    CType *t = ctype_info(cls);
    if (!t) return err_format(&exc_TypeError, "abstract class");
    if (nargs == 2 && IS_TUPLE(args[1]) && AS_TUPLE(args[1])->len >= 2) {
        FuncPtr *f = funcptr_alloc(cls);
        if (!f) return VAL_NULL;
        Value v = funcptr_from_dll(cls, args[1]);
        if (IS_NULL(v)) return VAL_NULL;
        FuncPtr *g = FP(v);
        g->argtypes = g->converters = g->restype = g->checker = g->errcheck = g->callable = VAL_NULL;
        g->keep = f->keep;
        return v;
    }
    FuncPtr *f = funcptr_alloc(cls);
    if (!f) return VAL_NULL;
    if (nargs == 1) return MK_OBJ(f);
    if (nargs == 2 && IS_INT(args[1])) {
        uint64_t a;
        int64_t i;
        if (int_to_i64(args[1], &i) < 0) return VAL_NULL;
        a = (uint64_t)i;
        memcpy(f->cd.ptr, &a, sizeof(void *));
        return MK_OBJ(f);
    }
    if (nargs != 2 || !call_is_callable(args[1]))
        return err_format(&exc_TypeError, "argument must be callable or integer function address");
    f->callable = args[1];
    if (thunk_make(f, t) < 0) return VAL_NULL;
    return MK_OBJ(f);
}

static Value funcptr_repr_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    return str_format_c("<%s object at %p>", val_type_name(args[0]), (void *)AS_OBJ(args[0]));
}

static Value funcptr_bool_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    void *p;
    memcpy(&p, CDATA(args[0])->ptr, sizeof p);
    return MK_BOOL(p != NULL);
}

static Value funcptr_call_m(Value *args, int nargs, Value kwnames) {
    return funcptr_call(args[0], args + 1, nargs - 1, kwnames);
}

static Value funcptr_restype_get(Value self) {
    Value r = funcptr_get_restype_v(FP(self), ctype_of(self));
    return IS_NULL(r) ? VAL_NONE : r;
}

static int funcptr_restype_set(Value self, Value v) {
    FuncPtr *f = FP(self);
    if (IS_NULL(v)) { f->restype = f->checker = VAL_NULL; return 0; }
    if (funcptr_check_restype(v) < 0) return -1;
    Value ck = obj_getattr_opt(v, str_intern_c("_check_retval_"));
    if (IS_NULL(ck) && err_occurred()) return -1;
    f->restype = v;
    f->checker = ck;
    return 0;
}

static Value funcptr_argtypes_get(Value self) {
    FuncPtr *f = FP(self);
    CType *t = ctype_of(self);
    Value a = !IS_NULL(f->argtypes) ? f->argtypes : t ? t->argtypes : VAL_NULL;
    return IS_NULL(a) ? VAL_NONE : a;
}

/* argtypes reads back as given; calls use the tuple in `converters` */
static int funcptr_argtypes_set(Value self, Value v) {
    FuncPtr *f = FP(self);
    if (IS_NULL(v) || IS_NONE(v)) { f->argtypes = f->converters = VAL_NULL; return 0; }
    if (funcptr_check_argtypes(v, &f->converters) < 0) return -1;
    f->argtypes = v;
    return 0;
}

static Value funcptr_errcheck_get(Value self) {
    Value e = FP(self)->errcheck;
    return IS_NULL(e) ? VAL_NONE : e;
}

static int funcptr_errcheck_set(Value self, Value v) {
    if (!IS_NULL(v) && !IS_NONE(v) && !call_is_callable(v)) {
        err_format(&exc_TypeError, "the errcheck attribute must be callable");
        return -1;
    }
    FP(self)->errcheck = v;
    return 0;
}

static const MethodDef funcptr_methods[] = {
    {"__new__", funcptr_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__repr__", funcptr_repr_m, ARGS_WRAP(0), NULL},
    {"__call__", funcptr_call_m, ARGS_ANY, NULL},
    {"__bool__", funcptr_bool_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef funcptr_getsets[] = {
    {"errcheck", funcptr_errcheck_get, funcptr_errcheck_set, "a function to check for errors"},
    {"restype", funcptr_restype_get, funcptr_restype_set, "specify the result type"},
    {"argtypes", funcptr_argtypes_get, funcptr_argtypes_set, "specify the argument types"},
    {NULL, NULL, NULL, NULL},
};

CType ctype_funcptr_base = {.type = {
    .tp_name = "_ctypes.CFuncPtr", .base = &type_cdata, .flags = TF_BASETYPE, .basicsize = sizeof(FuncPtr),
    .methods = funcptr_methods, .getsets = funcptr_getsets, .trace = funcptr_trace,
    .finalize = funcptr_finalize, .call = funcptr_call,
}};
