/* obj_excgroup.c - BaseExceptionGroup and ExceptionGroup (PEP 654), and the
 * two operations `except*` is made of (excgroup_match, excgroup_prep_reraise).
 *
 * A group is an ExcObj followed by its message and its tuple of exceptions,
 * both fixed by __new__ (its constructor checks come in CPython's order).
 * BaseExceptionGroup(msg, excs) gives an ExceptionGroup when every member is
 * an Exception.  ExceptionGroup derives from both BaseExceptionGroup and
 * Exception: static types have one layout base, so the second base is added
 * once both are ready (excgroup_init), with the MRO C3 gives, as CPython's
 * PyErr_NewException makes it.
 *
 * split/subgroup walk the tree with one recursive function and a matcher (an
 * exception type or tuple, a predicate, or a set of leaf identities for
 * except*); every group they build comes from the original's derive() and
 * gets a copy of its __traceback__, __cause__, __context__ and __notes__, so
 * that the pieces print like the original.
 *
 * except*: each clause takes excgroup_match(exc, T) (the matching part, a
 * naked exception wrapped in ExceptionGroup("", [e])) and leaves the rest
 * for the next clause; at the end excgroup_prep_reraise gets what the clauses
 * raised or re-raised and the unhandled rest.  A re-raised piece still has
 * the original's traceback, cause and context (split copied them), so it is
 * told apart from a new exception by that metadata and put back into the
 * original's shape (a split by leaf identity); new exceptions join it in a
 * new ExceptionGroup("", [...]). */
#include "obj_excgroup.h"

#include "call.h"
#include "error.h"
#include "gc.h"
#include "obj_dict.h"
#include "obj_int.h"
#include "obj_list.h"
#include "obj_str.h"
#include "obj_type.h"

#define AS_EG(v) ((ExcGroupObj *)AS_OBJ(v))

static void eg_trace(Obj *o) {
    exc_trace(o);
    gc_mark_value(((ExcGroupObj *)o)->msg);
    gc_mark_value(((ExcGroupObj *)o)->excs);
}

int excgroup_check(Value v) { return IS_EXC(v) && val_isinstance(v, &exc_BaseExceptionGroup); }

Value excgroup_exceptions(Value eg) { return AS_EG(eg)->excs; }

/* CPython's PySequence_Check: __getitem__, and not a dict. */
static int eg_is_sequence(Value v) { return !IS_NULL(val_type(v)->slots[SM_GETITEM]) && !IS_DICT(v); }

static Value eg_new_m(Value *args, int nargs, Value kwnames) {
    Type *cls = AS_TYPE(args[0]);
    if (!IS_NULL(kwnames) && AS_TUPLE(kwnames)->len)
        return err_format(&exc_TypeError, "%s() takes no keyword arguments", type_name(cls));
    if (nargs != 3)
        return err_format(&exc_TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%d given)",
                          nargs - 1);
    Value msg = args[1], seq = args[2];
    if (!IS_STR(msg))
        return err_format(&exc_TypeError, "BaseExceptionGroup.__new__() argument 1 must be str, not %N", msg);
    if (!eg_is_sequence(seq))
        return err_format(&exc_TypeError, "second argument (exceptions) must be a sequence");
    Value excs = seq_to_tuple(seq);
    if (IS_NULL(excs)) return VAL_NULL;
    Tuple *t = AS_TUPLE(excs);
    if (t->len == 0)
        return err_format(&exc_ValueError, "second argument (exceptions) must be a non-empty sequence");
    int nested_base = 0;
    for (int64_t i = 0; i < t->len; i++) {
        if (!IS_EXC(t->items[i]))
            return err_format(&exc_ValueError, "Item %lld of second argument (exceptions) is not an exception",
                              (long long)i);
        if (!val_isinstance(t->items[i], &exc_Exception)) nested_base = 1;
    }
    if (cls == &exc_BaseExceptionGroup) {
        if (!nested_base) cls = &exc_ExceptionGroup;
    } else if (cls == &exc_ExceptionGroup) {
        if (nested_base) return err_format(&exc_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
    } else if (nested_base && type_is_subtype(cls, &exc_Exception)) {
        return err_format(&exc_TypeError, "Cannot nest BaseExceptions in '%s'", type_name(cls));
    }
    Value self = exc_new_instance(cls, args + 1, nargs - 1);
    if (IS_NULL(self)) return VAL_NULL;
    AS_EG(self)->msg = msg;
    AS_EG(self)->excs = excs;
    return self;
}

static Value eg_init_m(Value *args, int nargs, Value kwnames) {
    return exc_init_args(args, nargs, kwnames, 1);
}

static Value eg_str_m(Value *args, int nargs, Value kwnames) {
    int64_t n = AS_TUPLE(AS_EG(args[0])->excs)->len;
    return str_format_c("%S (%lld sub-exception%s)", AS_EG(args[0])->msg, (long long)n, n > 1 ? "s" : "");
}

/* PyArg_ParseTuple(args, "O") without a function name, as CPython's derive. */
static Value eg_derive_m(Value *args, int nargs, Value kwnames) {
    if (!IS_NULL(kwnames) && AS_TUPLE(kwnames)->len)
        return err_format(&exc_TypeError, "derive() takes no keyword arguments");
    if (nargs != 2) return err_format(&exc_TypeError, "function takes exactly 1 argument (%d given)", nargs - 1);
    return call2(MK_OBJ(&exc_BaseExceptionGroup), AS_EG(args[0])->msg, args[1]);
}

/* ---- split ------------------------------------------------------------------------ */

typedef enum { EGM_TYPE, EGM_PREDICATE, EGM_IDS } EgMatcher;

static int eg_matcher_kind(Value m, EgMatcher *kind) {
    if (call_is_callable(m) && !IS_TYPE(m)) { *kind = EGM_PREDICATE; return 0; }
    int ok = IS_TYPE(m) && type_is_subtype(AS_TYPE(m), &exc_BaseException);
    if (IS_TUPLE(m)) {
        ok = 1;
        for (int64_t i = 0; i < AS_TUPLE(m)->len; i++) {
            Value t = AS_TUPLE(m)->items[i];
            if (!IS_TYPE(t) || !type_is_subtype(AS_TYPE(t), &exc_BaseException)) ok = 0;
        }
    }
    if (!ok) {
        err_format(&exc_TypeError, "expected a function, exception type or tuple of exception types");
        return -1;
    }
    *kind = EGM_TYPE;
    return 0;
}

static Value eg_id(Value e) { return int_from_i64((int64_t)(uintptr_t)AS_OBJ(e)); }

static int eg_matches(Value exc, EgMatcher kind, Value m) {
    switch (kind) {
    case EGM_TYPE: return err_given_matches(exc, m);
    case EGM_PREDICATE: {
        Value r = call1(m, exc);
        return IS_NULL(r) ? -1 : obj_truthy(r);
    }
    case EGM_IDS: {
        Value id = eg_id(exc);
        return IS_NULL(id) ? -1 : set_contains(m, id);
    }
    }
    return 0;
}

/* orig.derive(excs) with orig's metadata, in *out; None when excs is empty. */
static int eg_subset(Value orig, Value excs, Value *out) {
    *out = VAL_NONE;
    if (AS_LIST(excs)->len == 0) return 0;
    Value eg = obj_call_method(orig, "derive", &excs, 1);
    if (IS_NULL(eg)) return -1;
    if (!excgroup_check(eg)) {
        err_format(&exc_TypeError, "derive must return an instance of BaseExceptionGroup");
        return -1;
    }
    ExcObj *from = AS_EXC(orig), *to = AS_EXC(eg);
    if (!IS_NONE(from->traceback)) to->traceback = from->traceback;
    to->context = from->context;
    to->cause = from->cause;
    to->suppress_context = 1;           /* as PyException_SetCause does */
    Value notes = obj_getattr_opt(orig, str_intern_c("__notes__"));
    if (IS_NULL(notes) && err_occurred()) return -1;
    if (!IS_NULL(notes) && eg_is_sequence(notes)) {
        Value copy = seq_to_list(notes);
        if (IS_NULL(copy) || obj_setattr(eg, str_intern_c("__notes__"), copy) < 0) return -1;
    }
    *out = eg;
    return 0;
}

/* The parts of exc that match (and, with want_rest, those that do not):
 * None for an empty part. */
static int eg_split(Value exc, EgMatcher kind, Value m, int want_rest, Value *match, Value *rest) {
    *match = *rest = VAL_NONE;
    int is = eg_matches(exc, kind, m);
    if (is < 0) return -1;
    if (is) { *match = exc; return 0; }
    if (!excgroup_check(exc)) {
        if (want_rest) *rest = exc;
        return 0;
    }
    Value matches = list_new(0), rests = want_rest ? list_new(0) : VAL_NULL;
    if (IS_NULL(matches) || (want_rest && IS_NULL(rests))) return -1;
    Value excs = AS_EG(exc)->excs;
    for (int64_t i = 0; i < AS_TUPLE(excs)->len; i++) {
        Value sm, sr;
        if (obj_enter_recursion(" in exceptiongroup_split_recursive") < 0) return -1;
        int r = eg_split(AS_TUPLE(excs)->items[i], kind, m, want_rest, &sm, &sr);
        obj_leave_recursion();
        if (r < 0) return -1;
        if (!IS_NONE(sm) && list_append(matches, sm) < 0) return -1;
        if (want_rest && !IS_NONE(sr) && list_append(rests, sr) < 0) return -1;
    }
    if (eg_subset(exc, matches, match) < 0) return -1;
    return want_rest ? eg_subset(exc, rests, rest) : 0;
}

static Value eg_split_m(Value *args, int nargs, Value kwnames) {
    EgMatcher kind;
    Value match, rest;
    if (eg_matcher_kind(args[1], &kind) < 0 || eg_split(args[0], kind, args[1], 1, &match, &rest) < 0)
        return VAL_NULL;
    return tuple_pack(2, match, rest);
}

static Value eg_subgroup_m(Value *args, int nargs, Value kwnames) {
    EgMatcher kind;
    Value match, rest;
    if (eg_matcher_kind(args[1], &kind) < 0 || eg_split(args[0], kind, args[1], 0, &match, &rest) < 0)
        return VAL_NULL;
    return match;
}

/* ---- except* ------------------------------------------------------------------------- */

int excgroup_match(Value exc, Value type, Value *match, Value *rest) {
    *match = *rest = VAL_NONE;
    if (IS_NONE(exc)) return 0;
    if (err_given_matches(exc, type)) {
        if (excgroup_check(exc)) {
            *match = exc;
            return 0;
        }
        Value excs = tuple_pack(1, exc);
        Value eg = IS_NULL(excs) ? VAL_NULL : call2(MK_OBJ(&exc_BaseExceptionGroup), str_empty(), excs);
        if (IS_NULL(eg)) return -1;
        *match = eg;
        return 0;
    }
    if (!excgroup_check(exc)) return 0;
    Value pair = obj_call_method(exc, "split", &type, 1);
    if (IS_NULL(pair)) return -1;
    if (!IS_TUPLE(pair) || AS_TUPLE(pair)->len != 2) {
        err_format(&exc_TypeError, "%T.split must return a 2-tuple, got %T", exc, pair);
        return -1;
    }
    *match = AS_TUPLE(pair)->items[0];
    *rest = AS_TUPLE(pair)->items[1];
    return 0;
}

static int eg_collect_leaf_ids(Value exc, Value ids) {
    if (IS_NONE(exc)) return 0;
    if (!excgroup_check(exc)) {
        Value id = eg_id(exc);
        return IS_NULL(id) ? -1 : set_add(ids, id);
    }
    Value excs = AS_EG(exc)->excs;
    for (int64_t i = 0; i < AS_TUPLE(excs)->len; i++) {
        if (obj_enter_recursion(" in collect_exception_group_leaf_ids") < 0) return -1;
        int r = eg_collect_leaf_ids(AS_TUPLE(excs)->items[i], ids);
        obj_leave_recursion();
        if (r < 0) return -1;
    }
    return 0;
}

/* The part of eg whose leaves are leaves of the exceptions in keep. */
static Value eg_projection(Value eg, Value keep) {
    Value ids = set_new(&type_set);
    if (IS_NULL(ids)) return VAL_NULL;
    for (int64_t i = 0; i < AS_LIST(keep)->len; i++)
        if (eg_collect_leaf_ids(AS_LIST(keep)->items[i], ids) < 0) return VAL_NULL;
    Value match, rest;
    if (eg_split(eg, EGM_IDS, ids, 0, &match, &rest) < 0) return VAL_NULL;
    return match;
}

static int eg_same_metadata(Value a, Value b) {
    ExcObj *x = AS_EXC(a), *y = AS_EXC(b);
    return x->traceback == y->traceback && x->cause == y->cause && x->context == y->context;
}

Value excgroup_prep_reraise(Value orig, Value excs) {
    List *l = AS_LIST(excs);
    if (l->len == 0) return VAL_NONE;
    if (!excgroup_check(orig)) return l->items[0];   /* a naked exception: one clause ran */
    Value raised = list_new(0), reraised = list_new(0);
    if (IS_NULL(raised) || IS_NULL(reraised)) return VAL_NULL;
    for (int64_t i = 0; i < l->len; i++) {
        Value e = l->items[i];
        if (IS_NONE(e)) continue;
        if (list_append(IS_EXC(e) && eg_same_metadata(e, orig) ? reraised : raised, e) < 0) return VAL_NULL;
    }
    Value kept = eg_projection(orig, reraised);
    if (IS_NULL(kept)) return VAL_NULL;
    if (AS_LIST(raised)->len == 0) return kept;
    if (!IS_NONE(kept) && list_append(raised, kept) < 0) return VAL_NULL;
    return call2(MK_OBJ(&exc_BaseExceptionGroup), str_empty(), raised);
}

/* ---- the types ------------------------------------------------------------------------ */

static Value eg_get_message(Value self) { return AS_EG(self)->msg; }
static Value eg_get_exceptions(Value self) { return AS_EG(self)->excs; }

static const MethodDef eg_methods[] = {
    {"__new__", eg_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__init__", eg_init_m, ARGS_ANY, NULL},
    {"__str__", eg_str_m, ARGS_WRAP(0), NULL},
    {"derive", eg_derive_m, ARGS_ANY, NULL},
    {"split", eg_split_m, ARGS_POS(1, 1), NULL},
    {"subgroup", eg_subgroup_m, ARGS_POS(1, 1), NULL},
    {NULL, NULL, 0, NULL},
};
static const GetSetDef eg_getsets[] = {
    {"message", eg_get_message, getset_readonly, "exception message"},
    {"exceptions", eg_get_exceptions, getset_readonly, "nested exceptions"},
    {NULL, NULL, NULL, NULL},
};

#define EG_COMMON .flags = TF_BASETYPE | TF_EXC_SUBCLASS | TF_HAS_DICT, .basicsize = sizeof(ExcGroupObj), \
    .dictoffset = offsetof(ExcObj, dict), .trace = eg_trace

Type exc_BaseExceptionGroup = { .tp_name = "BaseExceptionGroup", .base = &exc_BaseException, EG_COMMON,
                                .methods = eg_methods, .getsets = eg_getsets };
GILPY_TYPE(exc_BaseExceptionGroup, "BaseExceptionGroup");
Type exc_ExceptionGroup = { .tp_name = "ExceptionGroup", .base = &exc_BaseExceptionGroup, EG_COMMON };
GILPY_TYPE(exc_ExceptionGroup, "ExceptionGroup");

void excgroup_init(void) {
    type_ready(&exc_ExceptionGroup);
    type_ready(&exc_Exception);
    type_add_static_base(&exc_ExceptionGroup, &exc_Exception);
}
