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
 * A callback (a Thunk: its closure, callable and types) runs on the thread that made the foreign call: it takes the GIL
 * back when that thread let it go (ThreadState.gil_released),
 * converts the C arguments by argtypes, calls the Python function, stores
 * its result by restype, and gives the GIL up again.  An exception in it is
 * reported as CPython reports it ("Exception ignored on calling ctypes
 * callback function") and the C result is zero.  A thread gilpy did not
 * start gets a thread state for the length of the call and waits for the GIL
 * like any thread (making a callback enables the GIL, so that this works
 * even in a program that started no thread).
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

/* A callback's libffi closure, as a collected object (CPython's CThunkObject):
 * the function pointer instance keeps it in its _objects, so whatever the
 * pointer is copied into (a structure field, an array) keeps it alive too,
 * and the closure is freed with it. */
typedef struct Thunk {
    Obj header;
    ffi_closure *closure;
    void *code;
    ffi_cif cif;
    ffi_type **atypes;
    ffi_type *rtype;
    Value callable, argtypes, restype;
    Value last_keep;       /* what the last result points into */
    int nargs;
} Thunk;

/* ---- the metaclass ----------------------------------------------------------------------- */

static int funcptr_check_argtypes(Value argtypes, Value *out) {
    if (IS_NONE(argtypes) || IS_NULL(argtypes)) { *out = VAL_NULL; return 0; }
    if (!IS_TUPLE(argtypes) && !IS_LIST(argtypes)) {
        err_format(&exc_TypeError, "_argtypes_ must be a sequence of types");
        return -1;
    }
    Value t = seq_to_tuple(argtypes);
    if (IS_NULL(t)) return -1;
    if (AS_TUPLE(t)->len > CTYPES_MAX_ARGS) {
        err_format(AS_TYPE(ctypes_argument_error), "_argtypes_ has too many arguments (%zd), maximum is %d",
                   (ssize_t)AS_TUPLE(t)->len, CTYPES_MAX_ARGS);
        return -1;
    }
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

/* what: "restype" (the attribute) or "_restype_" (the class's) */
static int funcptr_check_restype(Value restype, const char *what) {
    if (IS_NONE(restype) || ctype_info(restype) || call_is_callable(restype)) return 0;
    err_format(&exc_TypeError, "%s must be a type, a callable, or None", what);
    return -1;
}

static Value funcptr_meta_new_m(Value *args, int nargs, Value kwnames) {
    Value cls = ctype_new_class(args, nargs, kwnames);
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
        if (funcptr_check_restype(rt, "_restype_") < 0) return VAL_NULL;
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

/* Convert args[0..nargs) for the call (from_param by argtypes where given).
 * What keeps each converted argument valid goes into `keep` at once: cargs
 * is malloc'd memory the collector does not see. */
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
        if (list_append(keep, cargs[i].obj) < 0) return -1;
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
    GIL_BLOCKING_BEGIN(GIL_REASON_IO);
    if (flags & FUNCFLAG_USE_ERRNO) funcptr_swap_errno();
    ffi_call(cif, FFI_FN(fn), ret, avalues);
    if (flags & FUNCFLAG_USE_ERRNO) funcptr_swap_errno();
    GIL_BLOCKING_END();
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

/* ---- paramflags: named, defaulted and output parameters ---------------------------------- */

enum { PARAMFLAG_FIN = 1, PARAMFLAG_FOUT = 2 };

static int funcptr_check_paramflags(Value pf, Value argtypes) {
    int64_t n = IS_TUPLE(argtypes) ? AS_TUPLE(argtypes)->len : 0;
    if (!IS_TUPLE(pf)) { err_format(&exc_TypeError, "paramflags must be a tuple or None"); return -1; }
    if (AS_TUPLE(pf)->len != n) {
        err_format(&exc_ValueError, "paramflags must have the same length as argtypes");
        return -1;
    }
    for (int64_t i = 0; i < n; i++) {
        Value it = AS_TUPLE(pf)->items[i];
        if (!IS_TUPLE(it) || AS_TUPLE(it)->len < 1 || AS_TUPLE(it)->len > 3 || !IS_INT(AS_TUPLE(it)->items[0]) ||
            (AS_TUPLE(it)->len > 1 && !IS_STR(AS_TUPLE(it)->items[1]) && !IS_NONE(AS_TUPLE(it)->items[1]))) {
            err_format(&exc_TypeError, "paramflags must be a sequence of (int [,string [,value]]) tuples");
            return -1;
        }
    }
    return 0;
}

/* The actual arguments for a call through paramflags; the output parameters'
 * objects are appended to *outs. */
static Value funcptr_param_args(Value pf, Value argtypes, Value *args, int nargs, Value kwnames, Value outs) {
    int64_t n = AS_TUPLE(pf)->len, used = 0;
    int nkw = IS_NULL(kwnames) ? 0 : (int)AS_TUPLE(kwnames)->len;
    Value list = list_new(n);
    if (IS_NULL(list)) return VAL_NULL;
    for (int64_t i = 0; i < n; i++) {
        Tuple *it = AS_TUPLE(AS_TUPLE(pf)->items[i]);
        int64_t flag = AS_SMALLINT(it->items[0]) & 3;
        Value name = it->len > 1 ? it->items[1] : VAL_NONE, v = VAL_NULL;
        if (flag == PARAMFLAG_FOUT) {
            CType *pt = ctype_info(AS_TUPLE(argtypes)->items[i]);
            Value ob = pt && IS_TYPE(pt->proto) ? call0(pt->proto) : err_format(&exc_TypeError, "output parameter is not a pointer type");
            if (IS_NULL(ob) || list_append(outs, ob) < 0) return VAL_NULL;
            v = carg_byref(ob, 0);
        } else if (used < nargs) {
            v = args[used++];
        } else {
            for (int k = 0; k < nkw && IS_STR(name); k++)
                if (str_eq(AS_TUPLE(kwnames)->items[k], name)) v = args[nargs + k];
            if (IS_NULL(v) && it->len > 2) v = it->items[2];
            if (IS_NULL(v)) {
                if (IS_STR(name)) return err_format(&exc_TypeError, "required argument '%U' missing", name);
                return err_format(&exc_TypeError, "not enough arguments");
            }
        }
        if (IS_NULL(v) || list_append(list, v) < 0) return VAL_NULL;
    }
    for (; used < nargs; used++)
        if (list_append(list, args[used]) < 0) return VAL_NULL;
    return list;
}

/* With output parameters the call returns their values, not the C result. */
static Value funcptr_outputs(Value result, Value outs) {
    int64_t n = AS_LIST(outs)->len;
    if (!n) return result;
    Value t = tuple_new(n);
    if (IS_NULL(t)) return VAL_NULL;
    for (int64_t i = 0; i < n; i++) AS_TUPLE(t)->items[i] = VAL_NONE;
    for (int64_t i = 0; i < n; i++) {
        Value v = obj_call_method(AS_LIST(outs)->items[i], "__ctypes_from_outparam__", NULL, 0);
        if (IS_NULL(v)) return VAL_NULL;
        AS_TUPLE(t)->items[i] = v;
    }
    return n == 1 ? AS_TUPLE(t)->items[0] : t;
}

static Value funcptr_get_restype_v(FuncPtr *f, CType *t) {
    if (!IS_NULL(f->restype)) return f->restype;
    return t && !IS_NULL(t->restype) ? t->restype : VAL_NULL;
}

static Value funcptr_call(Value callable, Value *args, int nargs, Value kwnames) {
    FuncPtr *f = FP(callable);
    CType *t = ctype_of(callable);
    Value argtypes = !IS_NULL(f->converters) ? f->converters : t ? t->argtypes : VAL_NULL;
    Value outs = VAL_NULL;
    if (IS_TUPLE(f->paramflags)) {
        outs = list_new(0);
        Value list = IS_NULL(outs) ? VAL_NULL : funcptr_param_args(f->paramflags, argtypes, args, nargs, kwnames, outs);
        if (IS_NULL(list)) return VAL_NULL;
        args = AS_LIST(list)->items;
        nargs = (int)AS_LIST(list)->len;
    } else if (!IS_NULL(kwnames) && AS_TUPLE(kwnames)->len) {
        return err_format(&exc_TypeError, "call takes no keyword arguments");
    }
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
    if (!IS_NULL(result) && IS_LIST(outs)) result = funcptr_outputs(result, outs);
done:
    free(cargs);
    free(atypes);
    free(avalues);
    __asm__ volatile("" : : "r"(keep) : "memory");   /* keep lives until the call is over */
    return result;
}

/* ---- callbacks ------------------------------------------------------------------------------ */

/* The C arguments of a callback as Python values, by argtypes. */
static Value thunk_args(Value argtypes, void **cargs, int n) {
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
    return t;
}

/* Run the Python callable of a callback, the GIL held. */
static void thunk_run(Thunk *th, void *ret, void **cargs) {
    memset(ret, 0, th->rtype->size > sizeof(ffi_arg) ? th->rtype->size : sizeof(ffi_arg));
    Value args = thunk_args(IS_TUPLE(th->argtypes) ? th->argtypes : tuple_empty(), cargs, th->nargs);
    Value r = IS_NULL(args) ? VAL_NULL : call_tuple_dict(th->callable, args, VAL_NULL);
    if (IS_NULL(r)) {
        fin_write_unraisable_msg("Exception ignored on calling ctypes callback function", th->callable);
        return;
    }
    CType *rt = ctype_info(th->restype);
    if (!rt || !rt->codec) return;
    Value keep = rt->codec->set(ret, r, rt->size, (rt->flags & CTF_SWAPPED) != 0);
    if (IS_NULL(keep)) {
        fin_write_unraisable_msg("Exception ignored on converting result of ctypes callback function", th->callable);
        return;
    }
    th->last_keep = keep;
}

/* A thread gilpy did not start calls a callback: it gets a thread state for
 * the call (CPython's PyGILState_Ensure/Release). */
static void thunk_foreign(Thunk *th, void *ret, void **cargs) {
    ThreadState *ts = ts_alloc();
    if (!ts) {
        memset(ret, 0, th->rtype->size > sizeof(ffi_arg) ? th->rtype->size : sizeof(ffi_arg));
        return;
    }
    ts_bind(ts);
    gil_acquire(ts);
    ts_link(ts);
    thunk_run(th, ret, cargs);
    ts_unlink(ts);
    gil_release(ts, GIL_REASON_EXIT);
    ts_current = NULL;
    ts_free(ts);
}

static void thunk_handler(ffi_cif *cif, void *ret, void **cargs, void *user) {
    (void)cif;
    Thunk *th = user;
    ThreadState *ts = ts_get();
    if (!ts) {
        thunk_foreign(th, ret, cargs);
        return;
    }
    int released = ts->gil_released;     /* called from a foreign call, which let it go */
    if (released) gil_blocking_end(ts);
    thunk_run(th, ret, cargs);
    if (released) gil_blocking_begin(GIL_REASON_IO);
}

static void thunk_trace(Obj *o) {
    Thunk *th = (Thunk *)o;
    gc_mark_value(th->callable);
    gc_mark_value(th->argtypes);
    gc_mark_value(th->restype);
    gc_mark_value(th->last_keep);
}

static void thunk_finalize(Obj *o) {
    Thunk *th = (Thunk *)o;
    if (th->closure) ffi_closure_free(th->closure);
    free(th->atypes);
    th->closure = NULL;
    th->atypes = NULL;
}

Type type_cthunk = {
    .tp_name = "_ctypes.CThunkObject", .base = &type_object, .basicsize = sizeof(Thunk),
    .trace = thunk_trace, .finalize = thunk_finalize, .flags = TF_ABSTRACT,
};

static int thunk_check_types(Value argtypes, int n, Value restype) {
    CType *rt = ctype_info(restype);
    if (!IS_NULL(restype) && !IS_NONE(restype) && (!rt || !rt->codec)) {
        err_format(&exc_TypeError, "invalid result type for callback function");
        return -1;
    }
    for (int i = 0; i < n; i++)
        if (!ctype_info(AS_TUPLE(argtypes)->items[i])) {
            err_format(&exc_TypeError, "invalid argument type for callback function");
            return -1;
        }
    return 0;
}

/* A closure calling f->callable, with the argtypes and restype of f's type;
 * f's memory becomes its code address. */
static int thunk_make(FuncPtr *f, CType *t) {
    int n = IS_TUPLE(t->argtypes) ? (int)AS_TUPLE(t->argtypes)->len : 0;
    if (thunk_check_types(t->argtypes, n, t->restype) < 0) return -1;
    Thunk *th = (Thunk *)gc_alloc(&type_cthunk, sizeof(Thunk));
    if (!th) return -1;
    th->callable = f->callable;
    th->argtypes = t->argtypes;
    th->restype = t->restype;
    th->last_keep = VAL_NONE;
    th->nargs = n;
    th->atypes = calloc((size_t)n + 1, sizeof(ffi_type *));
    th->closure = ffi_closure_alloc(sizeof(ffi_closure), &th->code);
    if (!th->atypes || !th->closure) { err_no_memory(); return -1; }
    for (int i = 0; i < n; i++) th->atypes[i] = &ctype_info(AS_TUPLE(t->argtypes)->items[i])->ffi;
    th->rtype = IS_NULL(t->restype) ? &ffi_type_sint : funcptr_ffi_of(t->restype);
    if (ffi_prep_cif(&th->cif, FFI_DEFAULT_ABI, (unsigned)n, th->rtype, th->atypes) != FFI_OK ||
        ffi_prep_closure_loc(th->closure, &th->cif, thunk_handler, th, th->code) != FFI_OK) {
        err_format(&exc_RuntimeError, "ffi_prep_closure failed");
        return -1;
    }
    /* a thread gilpy did not start may call it: from now on the GIL is a lock */
    gil_enable();
    memcpy(f->cd.ptr, &th->code, sizeof(void *));
    return cdata_keepref(MK_OBJ(f), 0, MK_OBJ(th));
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
    gc_mark_value(f->paramflags);
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

void funcptr_clear(FuncPtr *f) {
    f->argtypes = f->converters = f->restype = f->checker = f->errcheck = f->callable = f->keep = VAL_NULL;
    f->paramflags = VAL_NULL;
}

static FuncPtr *funcptr_alloc(Value cls) {
    Value v = cdata_new_owned(cls);
    if (IS_NULL(v)) return NULL;
    FuncPtr *f = FP(v);
    f->keep = list_new(0);
    return IS_NULL(f->keep) ? NULL : f;
}

static Value funcptr_new_m(Value *args, int nargs, Value kwnames) {
    (void)kwnames;
    Value cls = args[0];
    CType *t = ctype_info(cls);
    if (!t) return err_format(&exc_TypeError, "abstract class");
    if ((nargs == 2 || nargs == 3) && IS_TUPLE(args[1]) && AS_TUPLE(args[1])->len >= 2) {
        Value pf = nargs == 3 ? args[2] : VAL_NONE;
        if (!IS_NONE(pf) && funcptr_check_paramflags(pf, t->argtypes) < 0) return VAL_NULL;
        Value v = funcptr_from_dll(cls, args[1]);
        if (IS_NULL(v)) return VAL_NULL;
        FP(v)->keep = list_new(0);
        FP(v)->paramflags = IS_NONE(pf) ? VAL_NULL : pf;
        return IS_NULL(FP(v)->keep) ? VAL_NULL : v;
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
    if (funcptr_check_restype(v, "restype") < 0) return -1;
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
    .call = funcptr_call,
}};
