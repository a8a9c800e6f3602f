/* obj_type.c - `type` and `object`: type objects, class creation (C3 MRO,
 * layouts), the special-method slot cache, and object's default behaviour.
 *
 * Slot cache.  t->slots[SM_x] holds what looking "__x__" up along t's MRO
 * finds (VAL_NULL when nothing).  It is computed by type_update_slots when a
 * type is readied or created, and recomputed for a class and all its
 * subclasses when one of them gets or loses a dunder attribute (setattr on a
 * class).  Each change also gives the class and its subclasses a new
 * `version`, which the VM's inline caches compare.
 *
 * Layouts.  A class's instances extend the layout of its "solid base": the
 * nearest builtin ancestor with its own C struct (object, list, dict,
 * Exception, int...).  A class whose solid base has no __dict__ appends one
 * Value after the base struct (dictoffset).  Two bases with different solid
 * bases cannot be combined ("multiple bases have instance lay-out conflict").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "call.h"
#include "error.h"
#include "gc.h"
#include "obj_dict.h"
#include "obj_exc.h"
#include "obj_list.h"
#include "obj_misc.h"
#include "obj_str.h"
#include "obj_type.h"
#include "runtime.h"
#include "state.h"
#include "strbuf.h"

const char *const sm_names[SM__COUNT] = {
#define SM_NAME(id, name) name,
    SPECIAL_METHODS(SM_NAME)
#undef SM_NAME
};
Value sm_name_values[SM__COUNT];

static uint32_t type_next_version = 1;

/* ---- basics ------------------------------------------------------------------ */

const char *type_name(Type *t) {
    if (IS_STR(t->name)) return STR_DATA(t->name);
    return t->tp_name ? t->tp_name : "?";
}

int type_is_subtype(Type *a, Type *b) {
    if (a == b || b == &type_object) return 1;
    if (IS_TUPLE(a->mro)) {
        Tuple *m = AS_TUPLE(a->mro);
        for (int64_t i = 0; i < m->len; i++)
            if (AS_OBJ(m->items[i]) == &b->header) return 1;
        return 0;
    }
    for (Type *t = a->base; t; t = t->base) if (t == b) return 1;
    return 0;
}

int val_isinstance(Value v, Type *t) { return type_is_subtype(val_type(v), t); }

Value type_lookup(Type *t, Value name) {
    if (!IS_TUPLE(t->mro)) {
        for (; t; t = t->base) {
            if (!IS_DICT(t->dict)) continue;
            Value v = dict_get(t->dict, name);
            if (!IS_NULL(v)) return v;
        }
        return VAL_NULL;
    }
    Tuple *m = AS_TUPLE(t->mro);
    for (int64_t i = 0; i < m->len; i++) {
        Type *b = AS_TYPE(m->items[i]);
        if (!IS_DICT(b->dict)) continue;
        Value v = dict_get(b->dict, name);
        if (!IS_NULL(v)) return v;
    }
    return VAL_NULL;
}

Value type_lookup_c(Type *t, const char *name) {
    return type_lookup(t, str_intern_c(name));
}

Obj *obj_new_instance(Type *t) {
    Obj *o = gc_alloc(t, t->basicsize);
    if (!o) return NULL;
    if (t->dictoffset) *(Value *)((char *)o + t->dictoffset) = VAL_NULL;
    for (uint32_t off = t->values_start; off && off < t->basicsize; off += sizeof(Value))
        *(Value *)((char *)o + off) = VAL_NULL;
    return o;
}

static void type_modified(Type *t) {
    t->version = type_next_version++;
    if (IS_LIST(t->subclasses))
        for (int64_t i = 0; i < AS_LIST(t->subclasses)->len; i++)
            type_modified(AS_TYPE(AS_LIST(t->subclasses)->items[i]));
}

/* A class keeps the C entry points (call, get) of its nearest builtin base
 * while its dunder is that base's; overriding the dunder sends the protocol
 * through it. */
static void type_inherit_entry_points(Type *t) {
    if (!TYPE_HAS(t, TF_HEAPTYPE)) return;          /* builtins state their own */
    Type *b = t->base;
    while (b && TYPE_HAS(b, TF_HEAPTYPE)) b = b->base;
    t->call = (b && t->slots[SM_CALL] == b->slots[SM_CALL]) ? b->call : NULL;
    t->get = (b && t->slots[SM_GET] == b->slots[SM_GET]) ? b->get : NULL;
}

void type_update_slots(Type *t, Value name) {
    for (int i = 0; i < SM__COUNT; i++) {
        if (!IS_NULL(name) && !str_eq(name, sm_name_values[i])) continue;
        t->slots[i] = type_lookup(t, sm_name_values[i]);
    }
    type_inherit_entry_points(t);
    type_modified(t);
    if (IS_LIST(t->subclasses))
        for (int64_t i = 0; i < AS_LIST(t->subclasses)->len; i++)
            type_update_slots(AS_TYPE(AS_LIST(t->subclasses)->items[i]), name);
}

static void type_trace(Obj *o) {
    Type *t = (Type *)o;
    gc_mark_value(t->name);
    gc_mark_value(t->qualname);
    gc_mark_value(t->bases);
    gc_mark_value(t->mro);
    gc_mark_value(t->dict);
    gc_mark_value(t->subclasses);
    gc_mark_values(t->slots, SM__COUNT);
    if (t->base) gc_mark_obj(&t->base->header);
}

/* ---- readying static builtin types ------------------------------------------------ */

static int type_add_subclass(Type *base, Type *sub) {
    if (!IS_LIST(base->subclasses)) {
        Value l = list_new(4);               /* may ready `list` and recurse here */
        if (IS_NULL(l)) return -1;
        if (!IS_LIST(base->subclasses)) base->subclasses = l;
    }
    return list_append(base->subclasses, MK_OBJ(sub));
}

static void type_fill_dict(Type *t) {
    if (t->methods) dict_add_methods(t->dict, t->methods, MK_OBJ(t));
    for (const GetSetDef *g = t->getsets; g && g->name; g++)
        dict_set(t->dict, str_intern_c(g->name), getset_descr_new(t, g));
    if (IS_NULL(dict_get_c(t->dict, "__doc__"))) dict_set_c(t->dict, "__doc__", VAL_NONE);
}

void type_ready(Type *t) {
    if (t->header.type) return;          /* done, or being done further up the stack */
    t->header.type = &type_type;
    t->header.gcflags |= GCF_STATIC;
    t->dict = VAL_NULL;
    types_register_static(t);
    if (t->base && !t->base->header.type) type_ready(t->base);
    const char *dot = strrchr(t->tp_name, '.');
    t->name = str_intern_c(dot ? dot + 1 : t->tp_name);
    t->qualname = t->name;
    t->dict = dict_new();
    if (dot) dict_set_c(t->dict, "__module__", str_new(t->tp_name, (size_t)(dot - t->tp_name)));
    int n = 0;
    Value chain[64];
    for (Type *b = t; b && n < 64; b = b->base) chain[n++] = MK_OBJ(b);
    t->mro = tuple_from_array(chain, n);
    t->bases = t->base ? tuple_pack(1, MK_OBJ(t->base)) : tuple_empty();
    if (t->base) {
        t->flags |= t->base->flags & (TF_INT_SUBCLASS | TF_FLOAT_SUBCLASS | TF_STR_SUBCLASS |
                    TF_BYTES_SUBCLASS | TF_TUPLE_SUBCLASS | TF_LIST_SUBCLASS | TF_DICT_SUBCLASS |
                    TF_SET_SUBCLASS | TF_TYPE_SUBCLASS | TF_EXC_SUBCLASS);
        if (!t->trace) t->trace = t->base->trace;
        if (!t->finalize) t->finalize = t->base->finalize;
        if (!t->basicsize) t->basicsize = t->base->basicsize;
        if (!t->dictoffset && (t->base->flags & TF_HAS_DICT)) {
            t->dictoffset = t->base->dictoffset;
            t->flags |= TF_HAS_DICT;
        }
        type_add_subclass(t->base, t);
    }
    t->flags |= TF_IMMUTABLE;
    type_fill_dict(t);
    t->version = type_next_version++;
    for (int i = 0; i < SM__COUNT; i++) t->slots[i] = VAL_NULL;
    type_update_slots(t, VAL_NULL);
}

/* ---- C3 linearisation ---------------------------------------------------------------- */

/* Is `t` in the tail (after the head) of any of the n sequences? */
static int mro_in_tail(Value t, Value *seqs, int64_t *pos, int n) {
    for (int i = 0; i < n; i++) {
        Tuple *s = AS_TUPLE(seqs[i]);
        for (int64_t j = pos[i] + 1; j < s->len; j++)
            if (s->items[j] == t) return 1;
    }
    return 0;
}

static Value mro_error(Value bases) {
    StrBuf sb;
    sb_init(&sb);
    sb_puts(&sb, "Cannot create a consistent method resolution\norder (MRO) for bases ");
    Tuple *b = AS_TUPLE(bases);
    for (int64_t i = 0; i < b->len; i++) {
        if (i) sb_puts(&sb, ", ");
        sb_puts(&sb, type_name(AS_TYPE(b->items[i])));
    }
    Value msg = sb_finish_str(&sb);
    if (IS_NULL(msg)) return VAL_NULL;
    return err_set_value(&exc_TypeError, msg);
}

static Value mro_merge(Type *t, Value bases, Value *seqs, int64_t *pos, int n);

/* C3: merge the MROs of the bases and the list of bases. */
static Value mro_compute(Type *t, Value bases) {
    Tuple *b = AS_TUPLE(bases);
    int n = (int)b->len + 1;
    Value seqs_holder = tuple_new(n);
    int64_t *pos = calloc((size_t)n, sizeof *pos);
    if (IS_NULL(seqs_holder) || !pos) { free(pos); return IS_NULL(seqs_holder) ? VAL_NULL : err_no_memory(); }
    Value *seqs = AS_TUPLE(seqs_holder)->items;
    Value r = mro_merge(t, bases, seqs, pos, n);
    free(pos);
    return r;
}

static Value mro_merge(Type *t, Value bases, Value *seqs, int64_t *pos, int n) {
    Tuple *b = AS_TUPLE(bases);
    for (int i = 0; i < n - 1; i++) { seqs[i] = AS_TYPE(b->items[i])->mro; pos[i] = 0; }
    seqs[n - 1] = bases;
    pos[n - 1] = 0;
    Value out = list_new(8);
    if (IS_NULL(out) || list_append(out, MK_OBJ(t)) < 0) return VAL_NULL;
    for (;;) {
        Value cand = VAL_NULL;
        int empty = 1;
        for (int i = 0; i < n; i++) {
            if (pos[i] >= AS_TUPLE(seqs[i])->len) continue;
            empty = 0;
            Value head = AS_TUPLE(seqs[i])->items[pos[i]];
            if (!mro_in_tail(head, seqs, pos, n)) { cand = head; break; }
        }
        if (empty) break;
        if (IS_NULL(cand)) return mro_error(bases);
        if (list_append(out, cand) < 0) return VAL_NULL;
        for (int i = 0; i < n; i++)
            if (pos[i] < AS_TUPLE(seqs[i])->len && AS_TUPLE(seqs[i])->items[pos[i]] == cand) pos[i]++;
    }
    return tuple_from_array(AS_LIST(out)->items, AS_LIST(out)->len);
}

/* ---- class creation ----------------------------------------------------------------- */

/* The builtin ancestor whose C layout instances of t extend. */
static Type *type_solid_base(Type *t) {
    while (t->base && (t->flags & TF_HEAPTYPE) && !(t->flags & TF_HAS_SLOTS)) t = t->base;
    if (t->flags & TF_HEAPTYPE) return t;
    while (t->base && t->basicsize == t->base->basicsize && t->dictoffset == t->base->dictoffset)
        t = t->base;
    return t;
}

static Type *type_best_base(Value bases) {
    Tuple *b = AS_TUPLE(bases);
    Type *best = NULL, *best_solid = NULL;
    for (int64_t i = 0; i < b->len; i++) {
        Type *bt = AS_TYPE(b->items[i]);
        if (!(bt->flags & TF_BASETYPE)) {
            err_format(&exc_TypeError, "type '%s' is not an acceptable base type", type_name(bt));
            return NULL;
        }
        Type *solid = type_solid_base(bt);
        if (!best) { best = bt; best_solid = solid; continue; }
        if (solid != best_solid && type_is_subtype(solid, best_solid)) { best = bt; best_solid = solid; }
        else if (!type_is_subtype(best_solid, solid)) {
            err_format(&exc_TypeError, "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return best;
}

static int type_check_bases(Value bases) {
    Tuple *b = AS_TUPLE(bases);
    for (int64_t i = 0; i < b->len; i++) {
        if (!IS_TYPE(b->items[i])) {
            err_format(&exc_TypeError, "bases must be types");
            return -1;
        }
        for (int64_t j = 0; j < i; j++)
            if (b->items[i] == b->items[j]) {
                err_format(&exc_TypeError, "duplicate base class %s", type_name(AS_TYPE(b->items[i])));
                return -1;
            }
    }
    return 0;
}

/* Set layout fields of a new class from its best base. */
static void type_inherit_layout(Type *t, Type *base) {
    t->base = base;
    t->flags |= base->flags & (TF_INT_SUBCLASS | TF_FLOAT_SUBCLASS | TF_STR_SUBCLASS |
                TF_BYTES_SUBCLASS | TF_TUPLE_SUBCLASS | TF_LIST_SUBCLASS | TF_DICT_SUBCLASS |
                TF_SET_SUBCLASS | TF_TYPE_SUBCLASS | TF_EXC_SUBCLASS);
    t->trace = base->trace;
    t->finalize = base->finalize;
    t->basicsize = base->basicsize;
    t->dictoffset = base->dictoffset;
    t->values_start = base->values_start;
    if (base->flags & TF_HAS_DICT) {
        t->flags |= TF_HAS_DICT;
    } else if (base->flags & TF_TUPLE_SUBCLASS) {
        /* tuples keep their items inline after the struct: the dict lives in
           the unused Tuple.hash word (runtime/obj_tuple.c) */
        t->dictoffset = (uint32_t)TUPLE_DICTOFFSET;
        t->basicsize = (uint32_t)sizeof(Tuple);
        t->flags |= TF_HAS_DICT;
    } else if (!(base->flags & TF_TYPE_SUBCLASS)) {
        t->dictoffset = (uint32_t)((base->basicsize + 7) & ~7u);
        t->basicsize = t->dictoffset + (uint32_t)sizeof(Value);
        if (!t->values_start) t->values_start = t->dictoffset;
        t->flags |= TF_HAS_DICT;
    }
}

/* `_C__x` for a private name `__x` in class C (as the compiler mangles). */
static Value type_mangle(Value cls_name, Value name) {
    const char *s = STR_DATA(name), *c = STR_DATA(cls_name);
    size_t n = (size_t)STR_LEN(name);
    if (n < 3 || s[0] != '_' || s[1] != '_' || (s[n - 1] == '_' && s[n - 2] == '_')) return name;
    while (*c == '_') c++;
    if (!*c) return name;
    return str_format_c("_%s%U", c, name);
}

/* Lay out a class that declares __slots__: one member per name after the
 * base's layout, plus a __dict__ only when asked for. */
static int type_apply_slots(Type *t, Type *base, Value decl) {
    Value names = IS_STR(decl) ? list_from_array(&decl, 1) : seq_to_list(decl);
    if (IS_NULL(names)) return -1;
    int want_dict = 0, nmembers = 0;
    t->basicsize = (uint32_t)((base->basicsize + 7) & ~7u);
    t->dictoffset = base->dictoffset;
    t->flags &= ~(uint32_t)TF_HAS_DICT;
    t->flags |= base->flags & TF_HAS_DICT;
    if (!t->values_start && !(base->flags & TF_TUPLE_SUBCLASS)) t->values_start = t->basicsize;
    for (int64_t i = 0; i < AS_LIST(names)->len; i++) {
        Value n = AS_LIST(names)->items[i];
        if (!IS_STR(n)) { err_format(&exc_TypeError, "__slots__ items must be strings, not '%T'", n); return -1; }
        if (str_eq_c(n, "__dict__")) { want_dict = 1; continue; }
        if (str_eq_c(n, "__weakref__")) continue;
        if (base->flags & TF_TUPLE_SUBCLASS) {
            err_format(&exc_TypeError, "nonempty __slots__ not supported for subtype of '%s'", type_name(base));
            return -1;
        }
        Value m = str_intern(type_mangle(t->name, n));
        if (!IS_NULL(dict_get(t->dict, m))) {
            err_format(&exc_ValueError, "%R in __slots__ conflicts with class variable", n);
            return -1;
        }
        Value d = member_descr_new(t, m, t->basicsize);
        if (IS_NULL(d) || dict_set(t->dict, m, d) < 0) return -1;
        t->basicsize += sizeof(Value);
        nmembers++;
    }
    if (want_dict && !(t->flags & TF_HAS_DICT)) {
        t->dictoffset = t->basicsize;
        t->basicsize += sizeof(Value);
        t->flags |= TF_HAS_DICT;
    }
    if (nmembers) t->flags |= TF_HAS_SLOTS;
    if (t->values_start >= t->basicsize) t->values_start = 0;
    return 0;
}

/* Call __set_name__ on attributes and __init_subclass__ on the parent. */
static int type_post_create(Type *t, Value kwnames, Value *kwvalues) {
    int64_t pos = 0;
    Value k, v;
    Value items = list_new(8);
    if (IS_NULL(items)) return -1;
    while (dict_next(t->dict, &pos, &k, &v))
        if (list_append(items, tuple_pack(2, k, v)) < 0) return -1;
    for (int64_t i = 0; i < AS_LIST(items)->len; i++) {
        Tuple *kv = AS_TUPLE(AS_LIST(items)->items[i]);
        Value args[3] = { kv->items[1], MK_OBJ(t), kv->items[0] };
        Value r = obj_call_special(kv->items[1], SM_SET_NAME, args, 3);
        if (IS_NULL(r) && err_occurred()) {
            /* 3.11 wraps it: RuntimeError whose __cause__ is the original */
            Value cause = err_fetch();
            err_format(&exc_RuntimeError, "Error calling __set_name__ on '%T' instance %R in '%s'",
                       kv->items[1], kv->items[0], type_name(t));
            Value e = err_peek();
            if (IS_EXC(e)) {
                AS_EXC(e)->cause = cause;
                AS_EXC(e)->context = cause;
                AS_EXC(e)->suppress_context = 1;
            }
            return -1;
        }
    }
    /* super(t, t).__init_subclass__(**kwargs) */
    Value init = VAL_NULL;
    if (IS_TUPLE(t->mro) && AS_TUPLE(t->mro)->len > 1) {
        Tuple *m = AS_TUPLE(t->mro);
        for (int64_t i = 1; i < m->len && IS_NULL(init); i++)
            init = dict_get(AS_TYPE(m->items[i])->dict, sm_name_values[SM_INIT_SUBCLASS]);
    }
    if (IS_NULL(init)) return 0;
    int nkw = IS_NULL(kwnames) ? 0 : (int)AS_TUPLE(kwnames)->len;
    Value holder = tuple_new(nkw + 1);
    if (IS_NULL(holder)) return -1;
    Value *args = AS_TUPLE(holder)->items;
    args[0] = MK_OBJ(t);
    for (int i = 0; i < nkw; i++) args[i + 1] = kwvalues[i];
    Value f = init;
    int skip = 0;                       /* the receiver is bound in f already */
    if (IS_EXACT(init, type_classmethod)) f = ((WrapperObj *)AS_OBJ(init))->func;
    else if (IS_EXACT(init, type_classmethod_descriptor)) {
        f = descr_get(init, MK_OBJ(t), MK_OBJ(t));     /* messages name t */
        if (IS_NULL(f)) return -1;
        skip = 1;
    }
    Value r = call_value(f, args + skip, 1 - skip, nkw ? kwnames : VAL_NULL);
    return IS_NULL(r) ? -1 : 0;
}

Value type_new_class(Type *meta, Value name, Value bases, Value ns, Value kw) {
    if (!IS_STR(name)) return err_format(&exc_TypeError, "type.__new__() argument 1 must be str, not %N", name);
    if (!IS_TUPLE(bases)) return err_format(&exc_TypeError, "type.__new__() argument 2 must be tuple, not %N", bases);
    if (!IS_DICT(ns)) return err_format(&exc_TypeError, "type.__new__() argument 3 must be dict, not %N", ns);
    if (AS_TUPLE(bases)->len == 0) bases = tuple_pack(1, MK_OBJ(&type_object));
    if (IS_NULL(bases) || type_check_bases(bases) < 0) return VAL_NULL;
    Type *base = type_best_base(bases);
    if (!base) return VAL_NULL;
    Type *t = (Type *)gc_alloc(meta, meta->basicsize > sizeof(Type) ? meta->basicsize : sizeof(Type));
    if (!t) return VAL_NULL;
    for (int i = 0; i < SM__COUNT; i++) t->slots[i] = VAL_NULL;
    t->name = str_intern(name);
    t->subclasses = VAL_NULL;
    t->flags = TF_HEAPTYPE | TF_BASETYPE;
    type_inherit_layout(t, base);
    t->bases = bases;
    t->dict = dict_copy(ns);
    if (IS_NULL(t->dict)) return VAL_NULL;
    Value qn = dict_get_c(t->dict, "__qualname__");
    t->qualname = IS_STR(qn) ? qn : t->name;
    if (!IS_NULL(qn) && dict_del(t->dict, str_intern_c("__qualname__")) < 0) return VAL_NULL;
    t->mro = mro_compute(t, bases);
    if (IS_NULL(t->mro)) return VAL_NULL;
    Value slots_decl = dict_get_c(t->dict, "__slots__");
    if (!IS_NULL(slots_decl) && type_apply_slots(t, base, slots_decl) < 0) return VAL_NULL;
    if (IS_NULL(dict_get_c(t->dict, "__doc__")) && dict_set_c(t->dict, "__doc__", VAL_NONE) < 0) return VAL_NULL;
    if (IS_NULL(dict_get_c(t->dict, "__module__")) && IS_OBJ(interp.main_module)) {
        /* type('X', (), {}) called from Python: __module__ from the caller's globals */
        Value g = interp.vm.current_globals();
        Value mn = IS_DICT(g) ? dict_get_c(g, "__name__") : VAL_NULL;
        if (!IS_NULL(mn)) dict_set_c(t->dict, "__module__", mn);
    }
    if (!IS_NULL(dict_get_c(t->dict, "__eq__")) && IS_NULL(dict_get_c(t->dict, "__hash__")))
        if (dict_set_c(t->dict, "__hash__", VAL_NONE) < 0) return VAL_NULL;
    /* __new__, __init_subclass__ and __class_getitem__ are implicitly static/class methods */
    Value nw = dict_get_c(t->dict, "__new__");
    if (!IS_NULL(nw) && TYPE_HAS(val_type(nw), TF_FUNCTION)) dict_set_c(t->dict, "__new__", staticmethod_new(nw));
    static const char *const implicit_cm[] = {"__init_subclass__", "__class_getitem__"};
    for (int i = 0; i < 2; i++) {
        Value f = dict_get_c(t->dict, implicit_cm[i]);
        if (!IS_NULL(f) && TYPE_HAS(val_type(f), TF_FUNCTION)) dict_set_c(t->dict, implicit_cm[i], classmethod_new(f));
    }
    if ((t->flags & TF_HAS_DICT) && t->dictoffset && IS_NULL(type_lookup_c(base, "__dict__")) &&
        IS_NULL(dict_get_c(t->dict, "__dict__")))
        if (dict_set_c(t->dict, "__dict__", type_instance_dict_descr(t)) < 0) return VAL_NULL;
    if (IS_NULL(slots_decl) && IS_NULL(type_lookup_c(base, "__weakref__")))
        if (dict_set_c(t->dict, "__weakref__", type_weakref_descr(t)) < 0) return VAL_NULL;
    Tuple *b = AS_TUPLE(bases);
    for (int64_t i = 0; i < b->len; i++)
        if (type_add_subclass(AS_TYPE(b->items[i]), t) < 0) return VAL_NULL;
    type_update_slots(t, VAL_NULL);
    Value cell = dict_get_c(t->dict, "__classcell__");
    if (!IS_NULL(cell)) {
        if (IS_EXACT(cell, type_cell)) ((Cell *)AS_OBJ(cell))->ref = MK_OBJ(t);
        dict_del(t->dict, str_intern_c("__classcell__"));
    }
    Value kwnames = VAL_NULL, *kwvalues = NULL;
    if (IS_TUPLE(kw) && AS_TUPLE(kw)->len == 2) {
        kwnames = AS_TUPLE(kw)->items[0];
        kwvalues = AS_TUPLE(AS_TUPLE(kw)->items[1])->items;
    }
    if (type_post_create(t, kwnames, kwvalues) < 0) return VAL_NULL;
    return MK_OBJ(t);
}

/* ---- type's methods -------------------------------------------------------------- */

/* type(x) or type(name, bases, dict, **kw): ARGS_ANY (**kw, and messages that
 * name the type). */
static Value type_new_m(Value *args, int nargs, Value kwnames) {
    Type *meta = AS_TYPE(args[0]);
    int nkw = IS_NULL(kwnames) ? 0 : (int)AS_TUPLE(kwnames)->len;
    if (nargs == 2 && nkw == 0 && meta == &type_type) return MK_OBJ(val_type(args[1]));
    if (nargs != 4) return err_format(&exc_TypeError, "type() takes 1 or 3 arguments");
    Value kw = VAL_NULL;
    if (nkw) {
        Value vals = tuple_from_array(args + nargs, nkw);
        if (IS_NULL(vals)) return VAL_NULL;
        kw = tuple_pack(2, kwnames, vals);
    }
    return type_new_class(meta, args[1], args[2], args[3], kw);
}

/* ARGS_ANY, as type.__new__: "type.__init__() takes 1 or 3 arguments" fits no kind. */
static Value type_init_m(Value *args, int nargs, Value kwnames) {
    (void)args; (void)kwnames;
    if (nargs != 2 && nargs != 4) return err_format(&exc_TypeError, "type.__init__() takes 1 or 3 arguments");
    return VAL_NONE;
}

/* ARGS_ANY: type.__call__ passes *args and **kwargs on. */
static Value type_call_m(Value *args, int nargs, Value kwnames) {
    return type_call(args[0], args + 1, nargs - 1, kwnames);
}

Value type_call(Value cls, Value *args, int nargs, Value kwnames) {
    Type *t = AS_TYPE(cls);
    if (t == &type_type && nargs == 1 && IS_NULL(kwnames)) return MK_OBJ(val_type(args[0]));
    Value newf = t->slots[SM_NEW];
    if (IS_NULL(newf)) return err_format(&exc_TypeError, "cannot create '%s' instances", type_name(t));
    int nkw = IS_NULL(kwnames) ? 0 : (int)AS_TUPLE(kwnames)->len;
    Value holder = tuple_new(nargs + nkw + 1);      /* GC-visible argument array */
    if (IS_NULL(holder)) return VAL_NULL;
    Value *buf = AS_TUPLE(holder)->items;
    buf[0] = cls;
    values_copy(buf + 1, args, (size_t)(nargs + nkw));
    Value f = newf;
    if (IS_EXACT(f, type_staticmethod)) f = ((WrapperObj *)AS_OBJ(f))->func;
    Value obj = call_value(f, buf, nargs + 1, kwnames);
    if (IS_NULL(obj)) return VAL_NULL;
    Type *ot = val_type(obj);
    if (!type_is_subtype(ot, t)) return obj;
    Value init = ot->slots[SM_INIT];
    if (IS_NULL(init)) return obj;
    buf[0] = obj;
    Value r = obj_call_special_kw(obj, SM_INIT, buf, nargs + 1, kwnames);
    if (IS_NULL(r)) return VAL_NULL;
    if (!IS_NONE(r))
        return err_format(&exc_TypeError, "__init__() should return None, not '%T'", r);
    return obj;
}

static Value type_repr_m(Value *args, int nargs, Value kwnames) {
    Type *t = AS_TYPE(args[0]);
    Value mod = dict_get_c(t->dict, "__module__");
    if (IS_STR(mod) && !str_eq_c(mod, "builtins"))
        return str_format_c("<class '%U.%U'>", mod, t->qualname);
    return str_format_c("<class '%U'>", t->qualname);
}

static Value type_mro_m(Value *args, int nargs, Value kwnames) {
    Value m = AS_TYPE(args[0])->mro;
    return list_from_array(AS_TUPLE(m)->items, AS_TUPLE(m)->len);
}

static Value type_subclasses_m(Value *args, int nargs, Value kwnames) {
    Value s = AS_TYPE(args[0])->subclasses;
    if (!IS_LIST(s)) return list_new(0);
    return list_from_array(AS_LIST(s)->items, AS_LIST(s)->len);
}

static Value type_instancecheck_m(Value *args, int nargs, Value kwnames) {
    return MK_BOOL(val_isinstance(args[1], AS_TYPE(args[0])));
}

static Value type_subclasscheck_m(Value *args, int nargs, Value kwnames) {
    if (!IS_TYPE(args[1])) return err_format(&exc_TypeError, "issubclass() arg 1 must be a class");
    return MK_BOOL(type_is_subtype(AS_TYPE(args[1]), AS_TYPE(args[0])));
}

/* ARGS_ANY: type.__prepare__(name, bases, **kwds) takes anything. */
static Value type_prepare_m(Value *args, int nargs, Value kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    return dict_new();
}

static Value type_getattribute_m(Value *args, int nargs, Value kwnames) {
    if (!IS_STR(args[1])) return err_format(&exc_TypeError, "attribute name must be string, not '%T'", args[1]);
    return type_getattr(args[0], args[1], 0);
}

static Value type_setattr_m(Value *args, int nargs, Value kwnames) {
    return type_setattr(args[0], args[1], args[2]) < 0 ? VAL_NULL : VAL_NONE;
}

static Value type_delattr_m(Value *args, int nargs, Value kwnames) {
    return type_setattr(args[0], args[1], VAL_NULL) < 0 ? VAL_NULL : VAL_NONE;
}

static Value type_dir_m(Value *args, int nargs, Value kwnames) {
    Value d = dict_new();
    if (IS_NULL(d)) return VAL_NULL;
    Tuple *m = AS_TUPLE(AS_TYPE(args[0])->mro);
    for (int64_t i = m->len; i-- > 0;)
        if (dict_update(d, AS_TYPE(m->items[i])->dict) < 0) return VAL_NULL;
    return dict_keys_list(d);
}

static const MethodDef type_methods[] = {
    {"__new__", type_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__init__", type_init_m, ARGS_ANY, NULL},
    {"__call__", type_call_m, ARGS_ANY, NULL},
    {"__repr__", type_repr_m, ARGS_WRAP(0), NULL},
    {"__getattribute__", type_getattribute_m, ARGS_WRAP(1), NULL},
    {"__setattr__", type_setattr_m, ARGS_WRAPT(2, 2), NULL},
    {"__delattr__", type_delattr_m, ARGS_WRAP(1), NULL},
    {"__dir__", type_dir_m, ARGS_NONE, NULL},
    {"mro", type_mro_m, ARGS_NONE, NULL},
    {"__subclasses__", type_subclasses_m, ARGS_NONE, NULL},
    {"__instancecheck__", type_instancecheck_m, ARGS_ONE, NULL},
    {"__subclasscheck__", type_subclasscheck_m, ARGS_ONE, NULL},
    {"__prepare__", type_prepare_m, METH_STATIC | ARGS_ANY, NULL},
    {NULL, NULL, 0, NULL},
};

static Value type_get_name(Value self) { return AS_TYPE(self)->name; }
static int type_set_name(Value self, Value v) {
    if (!IS_STR(v)) { err_format(&exc_TypeError, "can only assign string to %s.__name__, not '%T'", type_name(AS_TYPE(self)), v); return -1; }
    AS_TYPE(self)->name = str_intern(v);
    return 0;
}
static Value type_get_qualname(Value self) { return AS_TYPE(self)->qualname; }
static int type_set_qualname(Value self, Value v) {
    if (!IS_STR(v)) { err_format(&exc_TypeError, "can only assign string to %s.__qualname__, not '%T'", type_name(AS_TYPE(self)), v); return -1; }
    AS_TYPE(self)->qualname = v;
    return 0;
}
static Value type_get_module(Value self) {
    Value m = dict_get_c(AS_TYPE(self)->dict, "__module__");
    return IS_NULL(m) ? str_intern_c("builtins") : m;
}
static int type_set_module(Value self, Value v) {
    Type *t = AS_TYPE(self);
    if (t->flags & TF_IMMUTABLE) {
        err_format(&exc_TypeError, "cannot set '__module__' attribute of immutable type '%s'", type_name(t));
        return -1;
    }
    if (IS_NULL(v)) { err_format(&exc_TypeError, "cannot delete '__module__' attribute"); return -1; }
    return dict_set_c(t->dict, "__module__", v);
}
static Value type_get_bases(Value self) { return AS_TYPE(self)->bases; }
static Value type_get_base(Value self) {
    Type *b = AS_TYPE(self)->base;
    return b ? MK_OBJ(b) : VAL_NONE;
}
static Value type_get_mro(Value self) { return AS_TYPE(self)->mro; }
static Value type_get_dict(Value self) { return mappingproxy_new(AS_TYPE(self)->dict); }
static Value type_get_doc(Value self) {
    Value d = dict_get_c(AS_TYPE(self)->dict, "__doc__");
    if (IS_NULL(d)) return VAL_NONE;
    if (val_type(d)->slots[SM_GET] != VAL_NULL && !IS_STR(d)) {
        Value a[3] = { d, VAL_NONE, self };
        return obj_call_special(d, SM_GET, a, 3);
    }
    return d;
}

static const GetSetDef type_getsets[] = {
    {"__name__", type_get_name, type_set_name, NULL},
    {"__qualname__", type_get_qualname, type_set_qualname, NULL},
    {"__module__", type_get_module, type_set_module, NULL},
    {"__bases__", type_get_bases, NULL, NULL},
    {"__base__", type_get_base, NULL, NULL},
    {"__mro__", type_get_mro, NULL, NULL},
    {"__dict__", type_get_dict, NULL, NULL},
    {"__doc__", type_get_doc, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

Type type_type = {
    .tp_name = "type", .base = &type_object,
    .flags = TF_BASETYPE | TF_TYPE_SUBCLASS,
    .basicsize = sizeof(Type), .trace = type_trace, .call = type_call,
    .methods = type_methods, .getsets = type_getsets,
};
GILPY_TYPE(type_type, "type");

/* ---- type attribute access ------------------------------------------------------------ */

static int descr_is_data(Value d) {
    Type *dt = val_type(d);
    return !IS_NULL(dt->slots[SM_SET]) || !IS_NULL(dt->slots[SM_DELETE]);
}

Value descr_get(Value descr, Value obj, Value type) {
    Type *dt = val_type(descr);
    if (dt->get && !IS_NONE(obj)) return dt->get(descr, obj, type);
    if (IS_NULL(dt->slots[SM_GET])) return descr;
    Value args[3] = { descr, obj, type };
    return obj_call_special(descr, SM_GET, args, 3);
}

int descr_get_args(Value *args, Value *obj, Value *type) {
    *obj = IS_NULL(args[1]) ? VAL_NONE : args[1];
    *type = IS_NULL(args[2]) || IS_NONE(args[2]) ? VAL_NULL : args[2];
    if (IS_NONE(*obj) && IS_NULL(*type)) {
        err_format(&exc_TypeError, "__get__(None, None) is invalid");
        return -1;
    }
    return 0;
}

Value type_getattr(Value cls, Value name, int suppress) {
    Type *t = AS_TYPE(cls);
    Type *meta = val_type(cls);
    Value meta_attr = type_lookup(meta, name);
    if (!IS_NULL(meta_attr) && descr_is_data(meta_attr))
        return descr_get(meta_attr, cls, MK_OBJ(meta));
    Value attr = type_lookup(t, name);
    if (!IS_NULL(attr)) return descr_get(attr, VAL_NONE, cls);
    if (!IS_NULL(meta_attr)) return descr_get(meta_attr, cls, MK_OBJ(meta));
    if (!IS_NULL(meta->slots[SM_GETATTR]) && meta != &type_type) {
        Value a[2] = { cls, name };
        return obj_call_special(cls, SM_GETATTR, a, 2);
    }
    if (suppress) return VAL_NULL;
    return err_set_attribute_error(cls, name, "type object '%s' has no attribute '%U'", type_name(t), name);
}

int type_setattr(Value cls, Value name, Value v) {
    Type *t = AS_TYPE(cls);
    if (!IS_STR(name)) { err_format(&exc_TypeError, "attribute name must be string, not '%T'", name); return -1; }
    Value meta_attr = type_lookup(val_type(cls), name);
    if (!IS_NULL(meta_attr) && descr_is_data(meta_attr)) {
        Value args[3] = { meta_attr, cls, v };
        SpecialMethod sm = IS_NULL(v) ? SM_DELETE : SM_SET;
        Value r = obj_call_special(meta_attr, sm, args, IS_NULL(v) ? 2 : 3);
        if (IS_NULL(r)) {
            if (!err_occurred()) err_format(&exc_AttributeError, "readonly attribute");
            return -1;
        }
        return 0;
    }
    if (t->flags & TF_IMMUTABLE) {
        err_format(&exc_TypeError, "cannot set '%U' attribute of immutable type '%s'", name, type_name(t));
        return -1;
    }
    name = str_intern(name);
    if (IS_NULL(v)) {
        int r = dict_del(t->dict, name);
        if (r == 0) err_format(&exc_AttributeError, "type object '%s' has no attribute '%U'", type_name(t), name);
        if (r <= 0) return -1;
    } else if (dict_set(t->dict, name, v) < 0) {
        return -1;
    }
    const char *s = STR_DATA(name);
    size_t n = (size_t)STR_LEN(name);
    if (n > 4 && s[0] == '_' && s[1] == '_' && s[n - 1] == '_' && s[n - 2] == '_')
        type_update_slots(t, name);
    else
        type_modified(t);
    return 0;
}

/* ---- object ----------------------------------------------------------------------------- */

static int object_excess_args(int nargs, Value kwnames) {
    return nargs > 0 || (!IS_NULL(kwnames) && AS_TUPLE(kwnames)->len > 0);
}

/* object.__new__ and object.__init__ stay ARGS_ANY: they accept extra
 * arguments exactly when the other one of the pair is overridden, and their
 * messages name the type ("A() takes no arguments"). */
static Value object_new_m(Value *args, int nargs, Value kwnames) {
    if (nargs < 1) return err_format(&exc_TypeError, "object.__new__(): not enough arguments");
    if (!IS_TYPE(args[0]))
        return err_format(&exc_TypeError, "object.__new__(X): X is not a type object (%T)", args[0]);
    Type *t = AS_TYPE(args[0]);
    if (object_excess_args(nargs - 1, kwnames)) {
        Value obj_new = type_object.slots[SM_NEW], obj_init = type_object.slots[SM_INIT];
        if (t->slots[SM_NEW] != obj_new)
            return err_format(&exc_TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
        if (t->slots[SM_INIT] == obj_init)
            return err_format(&exc_TypeError, "%s() takes no arguments", type_name(t));
    }
    if (t->flags & TF_ABSTRACT)
        return err_format(&exc_TypeError, "cannot create '%s' instances", type_name(t));
    if (t != &type_object && !(t->flags & TF_HEAPTYPE) && t->basicsize != type_object.basicsize)
        return err_format(&exc_TypeError, "object.__new__(%s) is not safe, use %s.__new__()", type_name(t), type_name(t));
    Obj *o = obj_new_instance(t);
    return o ? MK_OBJ(o) : VAL_NULL;
}

static Value object_init_m(Value *args, int nargs, Value kwnames) {
    Type *t = val_type(args[0]);
    if (object_excess_args(nargs - 1, kwnames)) {
        Value obj_new = type_object.slots[SM_NEW], obj_init = type_object.slots[SM_INIT];
        if (t->slots[SM_INIT] != obj_init)
            return err_format(&exc_TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
        if (t->slots[SM_NEW] == obj_new)
            return err_format(&exc_TypeError, "%s.__init__() takes exactly one argument (the instance to initialize)",
                              type_name(t));
    }
    return VAL_NONE;
}

static Value object_repr_m(Value *args, int nargs, Value kwnames) {
    Type *t = val_type(args[0]);
    Value mod = (t->flags & TF_HEAPTYPE) ? dict_get_c(t->dict, "__module__") : VAL_NULL;
    void *addr = IS_OBJ(args[0]) ? (void *)AS_OBJ(args[0]) : NULL;
    if (IS_STR(mod) && !str_eq_c(mod, "builtins"))
        return str_format_c("<%U.%U object at %p>", mod, t->qualname, addr);
    return str_format_c("<%s object at %p>", type_name(t), addr);
}

static Value object_str_m(Value *args, int nargs, Value kwnames) {
    return obj_repr(args[0]);
}

static Value object_hash_m(Value *args, int nargs, Value kwnames) {
    uint64_t a = IS_OBJ(args[0]) ? (uint64_t)(uintptr_t)AS_OBJ(args[0]) : args[0];
    return MK_SMALLINT((int64_t)((a >> 4) | (a << 60)) & SMALLINT_MAX);
}

static Value object_eq_m(Value *args, int nargs, Value kwnames) {
    return args[0] == args[1] ? VAL_TRUE : VAL_NOTIMPLEMENTED;
}

static Value object_ne_m(Value *args, int nargs, Value kwnames) {
    Value r = obj_call_special(args[0], SM_EQ, args, 2);
    if (IS_NULL(r)) return err_occurred() ? VAL_NULL : VAL_NOTIMPLEMENTED;
    if (r == VAL_NOTIMPLEMENTED) return r;
    int b = obj_truthy(r);
    return b < 0 ? VAL_NULL : MK_BOOL(!b);
}

static Value object_cmp_m(Value *args, int nargs, Value kwnames) {
    return VAL_NOTIMPLEMENTED;
}

static Value object_getattribute_m(Value *args, int nargs, Value kwnames) {
    if (!IS_STR(args[1])) return err_format(&exc_TypeError, "attribute name must be string, not '%T'", args[1]);
    return obj_generic_getattr(args[0], args[1], 0);
}

static Value object_setattr_m(Value *args, int nargs, Value kwnames) {
    if (!IS_STR(args[1])) return err_format(&exc_TypeError, "attribute name must be string, not '%T'", args[1]);
    return obj_generic_setattr(args[0], args[1], args[2]) < 0 ? VAL_NULL : VAL_NONE;
}

static Value object_delattr_m(Value *args, int nargs, Value kwnames) {
    if (!IS_STR(args[1])) return err_format(&exc_TypeError, "attribute name must be string, not '%T'", args[1]);
    return obj_generic_setattr(args[0], args[1], VAL_NULL) < 0 ? VAL_NULL : VAL_NONE;
}

static Value object_format_m(Value *args, int nargs, Value kwnames) {
    if (!IS_STR(args[1])) return err_format(&exc_TypeError, "__format__() argument must be str, not %N", args[1]);
    if (STR_LEN(args[1]) > 0)
        return err_format(&exc_TypeError, "unsupported format string passed to %s.__format__", val_type_name(args[0]));
    return obj_str(args[0]);
}

/* An ARGS_NONE classmethod: called bound to the class (type_post_create binds
 * it too), so the messages name it ("A.__init_subclass__() takes no keyword
 * arguments"). */
static Value object_init_subclass_m(Value *args, int nargs, Value kwnames) {
    return VAL_NONE;
}

static Value object_dir_m(Value *args, int nargs, Value kwnames) {
    Value d = dict_new();
    if (IS_NULL(d)) return VAL_NULL;
    Value *dp = obj_dict_ptr(args[0]);
    if (dp && IS_DICT(*dp) && dict_update(d, *dp) < 0) return VAL_NULL;
    Tuple *m = AS_TUPLE(val_type(args[0])->mro);
    for (int64_t i = 0; i < m->len; i++)
        if (dict_merge(d, AS_TYPE(m->items[i])->dict, 0) < 0) return VAL_NULL;
    return dict_keys_list(d);
}

static Value object_getstate_m(Value *args, int nargs, Value kwnames) {
    Value *d = obj_dict_ptr(args[0]);
    return d && IS_DICT(*d) && dict_len(*d) > 0 ? *d : VAL_NONE;
}

static Value object_sizeof_m(Value *args, int nargs, Value kwnames) {
    return MK_SMALLINT(IS_OBJ(args[0]) ? val_type(args[0])->basicsize : 8);
}

/* ARGS_ANY: CPython's object.__subclasshook__ takes any positional arguments
 * (METH_VARARGS) and says "__subclasshook__() takes no keyword arguments",
 * unqualified, which no kind produces. */
static Value object_subclasshook_m(Value *args, int nargs, Value kwnames) {
    (void)args; (void)nargs;
    if (arg_no_kw("__subclasshook__", kwnames)) return VAL_NULL;
    return VAL_NOTIMPLEMENTED;
}

static Value object_reduce_m(Value *args, int nargs, Value kwnames) {
    return err_format(&exc_TypeError, "cannot pickle '%T' object", args[0]);
}

static Value object_reduce_ex_m(Value *args, int nargs, Value kwnames) {
    int protocol;
    if (arg_to_cint(args[1], &protocol) < 0) return VAL_NULL;
    return object_reduce_m(args, 1, VAL_NULL);
}

static const MethodDef object_methods[] = {
    {"__new__", object_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__init__", object_init_m, ARGS_ANY, NULL},
    {"__repr__", object_repr_m, ARGS_WRAP(0), NULL},
    {"__str__", object_str_m, ARGS_WRAP(0), NULL},
    {"__hash__", object_hash_m, ARGS_WRAP(0), NULL},
    {"__eq__", object_eq_m, ARGS_WRAP(1), NULL},
    {"__ne__", object_ne_m, ARGS_WRAP(1), NULL},
    {"__lt__", object_cmp_m, ARGS_WRAP(1), NULL},
    {"__le__", object_cmp_m, ARGS_WRAP(1), NULL},
    {"__gt__", object_cmp_m, ARGS_WRAP(1), NULL},
    {"__ge__", object_cmp_m, ARGS_WRAP(1), NULL},
    {"__getattribute__", object_getattribute_m, ARGS_WRAP(1), NULL},
    {"__setattr__", object_setattr_m, ARGS_WRAPT(2, 2), NULL},
    {"__delattr__", object_delattr_m, ARGS_WRAP(1), NULL},
    {"__format__", object_format_m, ARGS_ONE, NULL},
    {"__init_subclass__", object_init_subclass_m, METH_CLASS | ARGS_NONE, NULL},
    {"__dir__", object_dir_m, ARGS_NONE, NULL},
    {"__reduce_ex__", object_reduce_ex_m, ARGS_ONE, NULL},
    {"__reduce__", object_reduce_m, ARGS_NONE, NULL},
    {"__getstate__", object_getstate_m, ARGS_NONE, NULL},
    {"__sizeof__", object_sizeof_m, ARGS_NONE, NULL},
    {"__subclasshook__", object_subclasshook_m, METH_CLASS | ARGS_ANY, NULL},
    {NULL, NULL, 0, NULL},
};

static Value object_get_class(Value self) { return MK_OBJ(val_type(self)); }
static int object_set_class(Value self, Value v) {
    if (!IS_TYPE(v)) { err_format(&exc_TypeError, "__class__ must be set to a class, not '%T' object", v); return -1; }
    Type *old = val_type(self), *nt = AS_TYPE(v);
    if (!IS_OBJ(self) || !(old->flags & TF_HEAPTYPE) || !(nt->flags & TF_HEAPTYPE) ||
        nt->basicsize != old->basicsize || nt->dictoffset != old->dictoffset) {
        err_format(&exc_TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses");
        return -1;
    }
    AS_OBJ(self)->type = nt;
    return 0;
}
static Value object_get_dict(Value self) {
    Value *d = obj_dict_ptr(self);
    if (!d) return err_format(&exc_AttributeError, "'%T' object has no attribute '__dict__'", self);
    if (!IS_DICT(*d)) {
        *d = dict_new();
        if (IS_NULL(*d)) return VAL_NULL;
    }
    return *d;
}
static int object_set_dict(Value self, Value v) {
    Value *d = obj_dict_ptr(self);
    if (!d) { err_format(&exc_AttributeError, "'%T' object has no attribute '__dict__'", self); return -1; }
    if (IS_NULL(v) || !IS_DICT(v)) { err_format(&exc_TypeError, "__dict__ must be set to a dictionary, not a '%T'", v); return -1; }
    *d = v;
    return 0;
}

static const GetSetDef object_getsets[] = {
    {"__class__", object_get_class, object_set_class, NULL},
    {NULL, NULL, NULL, NULL},
};

Type type_object = {
    .tp_name = "object", .base = NULL, .flags = TF_BASETYPE,
    .basicsize = sizeof(Obj), .methods = object_methods, .getsets = object_getsets,
};
GILPY_TYPE(type_object, "object");

/* The __dict__ descriptor every class with instance dicts gets. */
static const GetSetDef instance_dict_getset = {"__dict__", object_get_dict, object_set_dict, NULL};

Value type_instance_dict_descr(Type *t) { return getset_descr_new(t, &instance_dict_getset); }

/* __weakref__: gilpy has no weak references yet; the attribute reads None. */
static Value object_get_weakref(Value self) { (void)self; return VAL_NONE; }
static const GetSetDef instance_weakref_getset = {"__weakref__", object_get_weakref, NULL, NULL};

Value type_weakref_descr(Type *t) { return getset_descr_new(t, &instance_weakref_getset); }
