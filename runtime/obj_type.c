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

#include "audit.h"
#include "call.h"
#include "error.h"
#include "finalize.h"
#include "gc.h"
#include "obj_dict.h"
#include "obj_exc.h"
#include "obj_list.h"
#include "obj_misc.h"
#include "obj_str.h"
#include "obj_type.h"
#include "obj_union.h"
#include "runtime.h"
#include "state.h"
#include "strbuf.h"
#include "weakref.h"

const char *const sm_names[SM__COUNT] = {
#define SM_NAME(id, name) name,
    SPECIAL_METHODS(SM_NAME)
#undef SM_NAME
};
Value sm_name_values[SM__COUNT];

/* The special-method index of each interned name, by its address: an open-
 * addressing table twice as big as it must be. */
#define SM_INDEX_SIZE 256
_Static_assert(2 * SM__COUNT <= SM_INDEX_SIZE, "the index table has room");
static struct { Value name; int index; } sm_index[SM_INDEX_SIZE];
static int type_slots_deferred;     /* types_init: one pass at the end */

static size_t sm_index_hash(Value name) { return (size_t)(name >> 4) * 0x9E3779B1u % SM_INDEX_SIZE; }

void type_init_special_names(void) {
    for (int i = 0; i < SM__COUNT; i++) {
        sm_name_values[i] = str_intern_c(sm_names[i]);
        gc_add_root(&sm_name_values[i]);
        size_t h = sm_index_hash(sm_name_values[i]);
        while (sm_index[h].name) h = (h + 1) % SM_INDEX_SIZE;
        sm_index[h].name = sm_name_values[i];
        sm_index[h].index = i;
    }
}

/* Which special method a dict key names, or -1.  Keys are interned names
 * almost always; another str equal to one is found the slow way. */
static int sm_index_of(Value key) {
    if (!IS_STR(key)) return -1;
    for (size_t h = sm_index_hash(key); sm_index[h].name; h = (h + 1) % SM_INDEX_SIZE)
        if (sm_index[h].name == key) return sm_index[h].index;
    if ((AS_STR(key)->header.aux & STRF_INTERNED) || STR_LEN(key) < 5 || STR_DATA(key)[0] != '_') return -1;
    for (int i = 0; i < SM__COUNT; i++) if (str_eq(key, sm_name_values[i])) return i;
    return -1;
}

void type_defer_slots(int on) { type_slots_deferred = on; }

static uint32_t type_next_version = 1;

/* ---- basics ------------------------------------------------------------------ */

const char *type_name(Type *t) {
    if (t->tp_name && !(t->flags & TF_HEAPTYPE)) return t->tp_name;
    if (IS_STR(t->name)) return STR_DATA(t->name);
    return t->tp_name ? t->tp_name : "?";
}

const char *type_qualname(Type *t) {
    return IS_STR(t->qualname) ? STR_DATA(t->qualname) : type_name(t);
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

/* The class a proxy claims through a __class__ attribute of its own, when it
 * is a type other than type(o); NULL when there is none (an error other than
 * AttributeError stays set).  isinstance() and super() believe it, as
 * CPython's object_isinstance and supercheck do.  Instances of builtin types,
 * and of classes that neither override __class__ nor attribute access, claim
 * nothing: no lookup for them. */
Type *obj_claimed_class(Value o) {
    Type *t = val_type(o);
    if (!(t->flags & TF_HEAPTYPE)) return NULL;
    Value name = str_intern_c("__class__");
    if (obj_uses_generic_getattr(t) && type_lookup(t, name) == dict_get(type_object.dict, name)) return NULL;
    Value c = obj_getattr_opt(o, name);
    return IS_NULL(c) || !IS_TYPE(c) || AS_TYPE(c) == t ? NULL : AS_TYPE(c);
}

int obj_isinstance_class(Value v, Type *t) {
    if (val_isinstance(v, t)) return 1;
    Type *c = obj_claimed_class(v);
    if (c) return type_is_subtype(c, t);
    return err_occurred() ? -1 : 0;
}

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

Obj *obj_new_instance(Type *t) { return obj_new_instance_sized(t, t->basicsize); }

Obj *obj_new_instance_sized(Type *t, size_t size) {
    Obj *o = gc_alloc(t, size);
    if (!o) return NULL;
    if (!IS_NULL(t->slots[SM_DEL])) {       /* a class statement's: the program's own __del__ */
        if (t->flags & TF_HEAPTYPE) fin_register_del(o);
        else fin_register(o);
    }
    if (t->dictoffset) *(Value *)((char *)o + t->dictoffset) = VAL_NULL;
    for (uint32_t off = t->values_start; off && off < t->basicsize; off += sizeof(Value))
        *(Value *)((char *)o + off) = VAL_NULL;
    return o;
}

/* The next live class derived directly from t, from index *i on, or NULL.
 * A base holds its heap subclasses through weak references, as CPython's
 * tp_subclasses does, so that a class nobody uses any more is collected;
 * static subclasses it holds directly. */
static Type *type_next_subclass(const Type *t, int64_t *i) {
    if (!IS_LIST(t->subclasses)) return NULL;
    const List *l = AS_LIST(t->subclasses);
    while (*i < l->len) {
        Value v = l->items[(*i)++];
        if (IS_TYPE(v)) return AS_TYPE(v);
        Value r = weak_get(v);
        if (IS_TYPE(r)) return AS_TYPE(r);
    }
    return NULL;
}

static void type_modified(Type *t) {
    t->version = type_next_version++;
    Type *sub;
    for (int64_t i = 0; (sub = type_next_subclass(t, &i)) != NULL;) type_modified(sub);
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

/* Whether t's MRO is t followed by its base's MRO (single inheritance, every
 * static type): then a slot is t's own dunder or else its base's slot. */
static int type_mro_extends_base(const Type *t) {
    if (!t->base || !IS_TUPLE(t->mro) || !IS_TUPLE(t->base->mro) || !IS_DICT(t->dict)) return 0;
    const Tuple *m = AS_TUPLE(t->mro), *bm = AS_TUPLE(t->base->mro);
    return m->len == bm->len + 1 &&
           memcmp(m->items + 1, bm->items, (size_t)bm->len * sizeof(Value)) == 0;
}

/* Recompute t's slots (only name's when name is not NULL) and then its
 * subclasses', top-down, so that a base's slots are current when a subclass
 * copies them. */
void type_update_slots(Type *t, Value name) {
    if (IS_NULL(name) && type_mro_extends_base(t)) {
        memcpy(t->slots, t->base->slots, sizeof t->slots);
        int64_t pos = 0;
        Value k, v;
        while (dict_next(t->dict, &pos, &k, &v)) {
            int i = sm_index_of(k);
            if (i >= 0) t->slots[i] = v;
        }
    } else {
        int only = IS_NULL(name) ? -1 : sm_index_of(name);
        if (only >= 0) t->slots[only] = type_lookup(t, name);
        else if (IS_NULL(name))
            for (int i = 0; i < SM__COUNT; i++) t->slots[i] = type_lookup(t, sm_name_values[i]);
    }
    type_inherit_entry_points(t);
    type_modified(t);
    Type *sub;
    for (int64_t i = 0; (sub = type_next_subclass(t, &i)) != NULL;) type_update_slots(sub, name);
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

/* Drop the entries of classes that died (when the list doubles: amortized). */
static void type_prune_subclasses(List *l) {
    int64_t n = 0;
    for (int64_t i = 0; i < l->len; i++) {
        Value v = l->items[i];
        if (IS_TYPE(v) || !IS_NONE(weak_get(v))) l->items[n++] = v;
    }
    l->len = n;
}

static int type_add_subclass(Type *base, Type *sub) {
    if (!IS_LIST(base->subclasses)) {
        Value l = list_new(4);               /* may ready `list` and recurse here */
        if (IS_NULL(l)) return -1;
        if (!IS_LIST(base->subclasses)) base->subclasses = l;
    }
    Value entry = MK_OBJ(sub);
    if (TYPE_HAS(sub, TF_HEAPTYPE) && IS_NULL(entry = weak_new_ref(&type_weakref, entry, VAL_NULL)))
        return -1;
    List *l = AS_LIST(base->subclasses);
    if (l->len >= 8 && (l->len & (l->len - 1)) == 0) type_prune_subclasses(l);
    return list_append(base->subclasses, entry);
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
    type_inherit_match_flags(t);
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
    if (!type_slots_deferred) type_update_slots(t, VAL_NULL);
}

static Value mro_compute(Type *t, Value bases);

void type_add_static_base(Type *t, Type *extra) {
    Value bases = tuple_pack(2, MK_OBJ(t->base), MK_OBJ(extra));
    Value mro = IS_NULL(bases) ? VAL_NULL : mro_compute(t, bases);
    if (IS_NULL(mro)) { err_clear(); return; }
    t->bases = bases;
    t->mro = mro;
    type_add_subclass(extra, t);
    t->version = type_next_version++;
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
    for (int i = 0; i < n - 1; i++) {
        seqs[i] = AS_TYPE(b->items[i])->mro;
        pos[i] = 0;
        if (!IS_TUPLE(seqs[i]))     /* a base whose own mro() is running */
            return err_format(&exc_TypeError, "Cannot extend an incomplete type '%s'", type_name(AS_TYPE(b->items[i])));
    }
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

/* t's MRO: C3, or what its metaclass's own mro() returns, checked as
 * CPython's mro_invoke and mro_check do (classes only, whose layouts t's
 * instances have). */
static Value type_mro_invoke(Type *t) {
    Type *meta = val_type(MK_OBJ(t));
    Value m = meta == &type_type ? VAL_NULL : type_lookup_c(meta, "mro");
    if (IS_NULL(m) || m == dict_get_c(type_type.dict, "mro")) return mro_compute(t, t->bases);
    Value bound = descr_get(m, MK_OBJ(t), MK_OBJ(meta));
    Value r = IS_NULL(bound) ? VAL_NULL : call0(bound);
    Value mro = IS_NULL(r) ? VAL_NULL : seq_to_tuple(r);
    if (IS_NULL(mro)) return VAL_NULL;
    Type *solid = type_solid_base(t);
    for (int64_t i = 0; i < AS_TUPLE(mro)->len; i++) {
        Value c = AS_TUPLE(mro)->items[i];
        if (!IS_TYPE(c)) return err_format(&exc_TypeError, "mro() returned a non-class ('%s')", val_type_name(c));
        if (!type_is_subtype(solid, type_solid_base(AS_TYPE(c))))
            return err_format(&exc_TypeError, "mro() returned base with unsuitable layout ('%s')", type_name(AS_TYPE(c)));
    }
    return mro;
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
                TF_SET_SUBCLASS | TF_TYPE_SUBCLASS | TF_EXC_SUBCLASS | TF_WEAKREFABLE);
    t->trace = base->trace;
    t->finalize = base->finalize;
    t->getbuffer = base->getbuffer;             /* a bytes subclass is bytes-like */
    t->releasebuffer = base->releasebuffer;
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

/* The names of a __slots__ declaration that become members, checked as
 * CPython's type_new_visit_slots and type_new_copy_slots check them: mangled,
 * sorted, without __dict__ and __weakref__ (*want_dict and *want_weak tell
 * whether they were named).  A name may repeat (each copy gets its member,
 * the last one wins the name).  Once t is `created` its members are in its
 * dict: no conflict then. */
static Value type_slot_members(Type *t, Type *base, Value decl, int *want_dict, int *want_weak,
                               int created) {
    Value names = IS_STR(decl) ? list_from_array(&decl, 1) : seq_to_list(decl);
    if (IS_NULL(names)) return VAL_NULL;
    /* CPython's tp_itemsize != 0: int, bytes, tuple and type keep items inline */
    int var_sized = TYPE_HAS(base, TF_INT_SUBCLASS | TF_BYTES_SUBCLASS | TF_TUPLE_SUBCLASS | TF_TYPE_SUBCLASS);
    if (AS_LIST(names)->len && var_sized) {
        err_format(&exc_TypeError, "nonempty __slots__ not supported for subtype of '%s'", type_name(base));
        return VAL_NULL;
    }
    int may_weak = IS_NULL(type_lookup_c(base, "__weakref__")) && !var_sized;
    Value members = list_new(0);
    if (IS_NULL(members)) return VAL_NULL;
    *want_dict = *want_weak = 0;
    for (int64_t i = 0; i < AS_LIST(names)->len; i++) {
        Value n = AS_LIST(names)->items[i];
        if (!IS_STR(n)) { err_format(&exc_TypeError, "__slots__ items must be strings, not '%T'", n); return VAL_NULL; }
        Value ok = obj_call_method(n, "isidentifier", NULL, 0);
        if (IS_NULL(ok)) return VAL_NULL;
        if (ok != VAL_TRUE) { err_format(&exc_TypeError, "__slots__ must be identifiers"); return VAL_NULL; }
        if (str_eq_c(n, "__dict__")) {
            if (base->dictoffset || (*want_dict)++) {
                err_format(&exc_TypeError, "__dict__ slot disallowed: we already got one");
                return VAL_NULL;
            }
            continue;
        }
        if (str_eq_c(n, "__weakref__")) {
            if (!may_weak || (*want_weak)++) {
                err_format(&exc_TypeError, "__weakref__ slot disallowed: either we already got one, "
                           "or __itemsize__ != 0");
                return VAL_NULL;
            }
            continue;
        }
        Value m = str_intern(type_mangle(t->name, n));
        if (IS_NULL(m) || list_append(members, m) < 0) return VAL_NULL;
        if (!created && !IS_NULL(dict_get(t->dict, m)) && !str_eq_c(m, "__classcell__")) {
            err_format(&exc_ValueError, "%R in __slots__ conflicts with class variable", m);
            return VAL_NULL;
        }
    }
    return list_sort(members, VAL_NULL, 0) < 0 ? VAL_NULL : members;
}

/* Lay out a class that declares __slots__: one member per name after the
 * base's layout, plus a __dict__ only when asked for. */
static int type_apply_slots(Type *t, Type *base, Value decl) {
    int want_dict = 0, want_weak = 0, nmembers = 0;
    Value names = type_slot_members(t, base, decl, &want_dict, &want_weak, 0);
    if (IS_NULL(names)) return -1;
    /* secondary bases may bring a __dict__ or __weakref__ (CPython's type_new_slots_bases) */
    Tuple *bases = AS_TUPLE(t->bases);
    for (int64_t i = 0; bases->len > 1 && i < bases->len; i++) {
        Type *other = AS_TYPE(bases->items[i]);
        if (other == base) continue;
        if (!base->dictoffset && other->dictoffset) want_dict = 1;
        if (!IS_NULL(type_lookup_c(other, "__weakref__")) && IS_NULL(type_lookup_c(base, "__weakref__")))
            want_weak = 1;
    }
    if (want_weak && type_add_weakref(t) < 0) return -1;
    t->basicsize = (uint32_t)((base->basicsize + 7) & ~7u);
    t->dictoffset = base->dictoffset;
    t->flags &= ~(uint32_t)TF_HAS_DICT;
    t->flags |= base->flags & TF_HAS_DICT;
    if (!t->values_start && !(base->flags & TF_TUPLE_SUBCLASS)) t->values_start = t->basicsize;
    for (int64_t i = 0; i < AS_LIST(names)->len; i++) {
        Value m = AS_LIST(names)->items[i];
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
    /* super(t, t).__init_subclass__(**kwargs); super() refuses a class whose
       custom mro() left it out of its own MRO */
    Value init = VAL_NULL;
    int in_own_mro = 0;
    for (int64_t i = 0; IS_TUPLE(t->mro) && i < AS_TUPLE(t->mro)->len && !in_own_mro; i++)
        in_own_mro = AS_TUPLE(t->mro)->items[i] == MK_OBJ(t);
    if (!in_own_mro) {
        err_format(&exc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
        return -1;
    }
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

/* ---- pattern-matching flags ---------------------------------------------------------- */

#define TF_COLLECTION (TF_SEQUENCE | TF_MAPPING)
#define ABC_TPFLAGS_SEQUENCE (1 << 5)       /* CPython's values, as collections.abc writes them */
#define ABC_TPFLAGS_MAPPING  (1 << 6)

int type_inherit_match_flags(Type *t) {
    if (t->base) t->flags |= t->base->flags & TF_MATCH_SELF;
    for (int64_t i = 1; !(t->flags & TF_COLLECTION) && IS_TUPLE(t->mro) && i < AS_TUPLE(t->mro)->len; i++) {
        Value b = AS_TUPLE(t->mro)->items[i];
        if (IS_TYPE(b)) t->flags |= AS_TYPE(b)->flags & TF_COLLECTION;
    }
    if (!(t->flags & TF_HEAPTYPE)) return 0;
    Value key = str_intern_c("__abc_tpflags__");
    Value v = dict_get(t->dict, key);
    if (IS_NULL(v)) return err_occurred() ? -1 : 0;
    if (IS_SMALLINT(v)) {
        int64_t f = AS_SMALLINT(v);
        if ((f & ABC_TPFLAGS_SEQUENCE) && (f & ABC_TPFLAGS_MAPPING)) {
            err_format(&exc_TypeError, "__abc_tpflags__ cannot be both Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING");
            return -1;
        }
        if (f & ABC_TPFLAGS_SEQUENCE) t->flags |= TF_SEQUENCE;
        if (f & ABC_TPFLAGS_MAPPING) t->flags |= TF_MAPPING;
    }
    return dict_del(t->dict, key);
}

void type_set_collection_flag(Type *t, uint32_t flag) {
    if ((t->flags & TF_IMMUTABLE) || (t->flags & TF_COLLECTION) == flag) return;
    t->flags = (t->flags & ~(uint32_t)TF_COLLECTION) | flag;
    Type *sub;
    for (int64_t i = 0; (sub = type_next_subclass(t, &i)) != NULL;) type_set_collection_flag(sub, flag);
}

Type *type_calculate_metaclass(Type *meta, Value bases) {
    Type *winner = meta;
    for (int64_t i = 0; i < AS_TUPLE(bases)->len; i++) {
        Type *bt = val_type(AS_TUPLE(bases)->items[i]);
        if (type_is_subtype(winner, bt)) continue;
        if (type_is_subtype(bt, winner)) { winner = bt; continue; }
        err_format(&exc_TypeError, "metaclass conflict: the metaclass of a derived class must be a "
                   "(non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

/* type.__new__ found a more derived metaclass with its own __new__: hand it
 * the whole call, as CPython's type_new does. */
static Value type_new_by_winner(Type *winner, Value name, Value bases, Value ns, Value kw) {
    int nkw = IS_TUPLE(kw) ? (int)AS_TUPLE(AS_TUPLE(kw)->items[0])->len : 0;
    Value holder = tuple_new(4 + nkw);
    if (IS_NULL(holder)) return VAL_NULL;
    Value *a = AS_TUPLE(holder)->items;
    a[0] = MK_OBJ(winner); a[1] = name; a[2] = bases; a[3] = ns;
    if (nkw) values_copy(a + 4, AS_TUPLE(AS_TUPLE(kw)->items[1])->items, (size_t)nkw);
    Value newf = obj_getattr(MK_OBJ(winner), sm_name_values[SM_NEW]);
    if (IS_NULL(newf)) return VAL_NULL;
    return call_value(newf, a, 4, nkw ? AS_TUPLE(kw)->items[0] : VAL_NULL);
}

Value type_new_class(Type *meta, Value name, Value bases, Value ns, Value kw) {
    if (!IS_STR(name)) return err_format(&exc_TypeError, "type.__new__() argument 1 must be str, not %N", name);
    if (!IS_TUPLE(bases)) return err_format(&exc_TypeError, "type.__new__() argument 2 must be tuple, not %N", bases);
    if (!IS_DICT(ns)) return err_format(&exc_TypeError, "type.__new__() argument 3 must be dict, not %N", ns);
    for (int64_t i = 0; i < AS_TUPLE(bases)->len; i++) {
        Value b = AS_TUPLE(bases)->items[i];
        if (IS_TYPE(b)) continue;
        Value me = obj_getattr_opt(b, str_intern_c("__mro_entries__"));
        if (IS_NULL(me) && err_occurred()) return VAL_NULL;
        if (!IS_NULL(me))
            return err_format(&exc_TypeError, "type() doesn't support MRO entry resolution; use types.new_class()");
    }
    Type *winner = type_calculate_metaclass(meta, bases);
    if (!winner) return VAL_NULL;
    if (winner != meta) {
        if (winner->slots[SM_NEW] != type_type.slots[SM_NEW])
            return type_new_by_winner(winner, name, bases, ns, kw);
        meta = winner;
    }
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
    /* __qualname__ and __classcell__ leave the dict before __slots__ may name them */
    Value qn = dict_get_c(t->dict, "__qualname__");
    if (!IS_NULL(qn) && !IS_STR(qn))
        return err_format(&exc_TypeError, "type __qualname__ must be a str, not %s", val_type_name(qn));
    t->qualname = IS_STR(qn) ? qn : t->name;
    if (!IS_NULL(qn) && dict_del(t->dict, str_intern_c("__qualname__")) < 0) return VAL_NULL;
    Value cell = dict_get_c(t->dict, "__classcell__");
    if (!IS_NULL(cell)) {
        if (!IS_EXACT(cell, type_cell))
            return err_format(&exc_TypeError, "__classcell__ must be a nonlocal cell, not %R", MK_OBJ(val_type(cell)));
        if (dict_del(t->dict, str_intern_c("__classcell__")) < 0) return VAL_NULL;
    }
    t->mro = type_mro_invoke(t);
    if (IS_NULL(t->mro)) return VAL_NULL;
    if (type_inherit_match_flags(t) < 0) return VAL_NULL;
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
    /* CPython's add_weak: not for int, bytes and tuple, whose items are inline */
    if (IS_NULL(slots_decl) && IS_NULL(type_lookup_c(base, "__weakref__")) &&
        !TYPE_HAS(base, TF_INT_SUBCLASS | TF_BYTES_SUBCLASS | TF_TUPLE_SUBCLASS))
        if (type_add_weakref(t) < 0) return VAL_NULL;
    Tuple *b = AS_TUPLE(bases);
    for (int64_t i = 0; i < b->len; i++)
        if (type_add_subclass(AS_TYPE(b->items[i]), t) < 0) return VAL_NULL;
    type_update_slots(t, VAL_NULL);
    if (!IS_NULL(cell)) ((Cell *)AS_OBJ(cell))->ref = MK_OBJ(t);
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
    if (nargs != 4) {        /* type(...) is checked by CPython's type_call, a metaclass by type_new */
        if (meta == &type_type) return err_format(&exc_TypeError, "type() takes 1 or 3 arguments");
        return err_format(&exc_TypeError, "type.__new__() takes exactly 3 arguments (%d given)", nargs - 1);
    }
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

static NativeFn type_native_new(Type *t, int *python);

Value type_call(Value cls, Value *args, int nargs, Value kwnames) {
    Type *t = AS_TYPE(cls);
    if (t == &type_type && nargs == 1 && IS_NULL(kwnames)) return MK_OBJ(val_type(args[0]));
    Value newf = t->slots[SM_NEW];
    int python;
    if (IS_NULL(newf) || (!(t->flags & TF_HEAPTYPE) && !type_native_new(t, &python)))
        return err_format(&exc_TypeError, "cannot create '%s' instances", type_name(t));
    int nkw = IS_NULL(kwnames) ? 0 : (int)AS_TUPLE(kwnames)->len;
    Value holder = tuple_new(nargs + nkw + 1);      /* GC-visible argument array */
    if (IS_NULL(holder)) return VAL_NULL;
    Value *buf = AS_TUPLE(holder)->items;
    buf[0] = cls;
    values_copy(buf + 1, args, (size_t)(nargs + nkw));
    Value f = newf;
    if (IS_EXACT(f, type_staticmethod)) f = ((WrapperObj *)AS_OBJ(f))->func;
    else if (!IS_EXACT(f, type_builtin_function) && !TYPE_HAS(val_type(f), TF_FUNCTION)) {
        f = descr_get(f, VAL_NULL, cls);      /* a classmethod __new__: bound to cls, as C.__new__ is */
        if (IS_NULL(f)) return VAL_NULL;
    }
    Value obj = IS_EXACT(f, type_builtin_function) ? native_new_call(f, buf, nargs + 1, kwnames)
                                                   : call_value(f, buf, nargs + 1, kwnames);
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
    Value m = mro_compute(AS_TYPE(args[0]), AS_TYPE(args[0])->bases);    /* C3, afresh */
    return IS_NULL(m) ? VAL_NULL : list_from_array(AS_TUPLE(m)->items, AS_TUPLE(m)->len);
}

/* The live classes derived directly from t, in a new list. */
static Value type_subclass_list(const Type *t) {
    Value out = list_new(0);
    Type *sub;
    for (int64_t i = 0; !IS_NULL(out) && (sub = type_next_subclass(t, &i)) != NULL;)
        if (list_append(out, MK_OBJ(sub)) < 0) return VAL_NULL;
    return out;
}

static Value type_subclasses_m(Value *args, int nargs, Value kwnames) {
    return type_subclass_list(AS_TYPE(args[0]));
}

static Value type_instancecheck_m(Value *args, int nargs, Value kwnames) {
    int r = obj_isinstance_class(args[1], AS_TYPE(args[0]));
    return r < 0 ? VAL_NULL : MK_BOOL(r);
}

static Value type_subclasscheck_m(Value *args, int nargs, Value kwnames) {
    if (!IS_TYPE(args[1])) return err_format(&exc_TypeError, "issubclass() arg 1 must be a class");
    return MK_BOOL(type_is_subtype(AS_TYPE(args[1]), AS_TYPE(args[0])));
}

/* PEP 604: int | str is a types.UnionType (runtime/obj_union.c). */
static Value type_or_m(Value *args, int nargs, Value kwnames) { return union_type_or(args[0], args[1]); }
static Value type_ror_m(Value *args, int nargs, Value kwnames) { return union_type_or(args[1], args[0]); }

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
    {"__or__", type_or_m, ARGS_WRAP(1), NULL},
    {"__ror__", type_ror_m, ARGS_WRAP(1), NULL},
    {NULL, NULL, 0, NULL},
};

/* CPython's check_set_special_type_attr, for __name__, __qualname__,
 * __module__ and __doc__: not on a builtin type, never deleted (worded "of
 * immutable type" even for a class), and the "object.__setattr__" audit event. */
static int type_check_special_set(Type *t, Value v, const char *name) {
    if ((t->flags & TF_IMMUTABLE) || IS_NULL(v)) {
        err_format(&exc_TypeError, "cannot %s '%s' attribute of immutable type '%s'",
                   (t->flags & TF_IMMUTABLE) ? "set" : "delete", name, type_name(t));
        return -1;
    }
    return audit_active() ? audit("object.__setattr__", "OsO", MK_OBJ(t), name, v) : 0;
}

static Value type_get_name(Value self) { return AS_TYPE(self)->name; }
static int type_set_name(Value self, Value v) {
    Type *t = AS_TYPE(self);
    if (type_check_special_set(t, v, "__name__") < 0) return -1;
    if (!IS_STR(v)) { err_format(&exc_TypeError, "can only assign string to %s.__name__, not '%T'", type_name(t), v); return -1; }
    if (memchr(STR_DATA(v), 0, (size_t)STR_LEN(v))) {
        err_format(&exc_ValueError, "type name must not contain null characters");
        return -1;
    }
    t->name = str_intern(v);
    return 0;
}
/* A builtin type's __qualname__ is a new str each time, as CPython's type_qualname
 * makes it, while __module__ is interned: pickle's memo, keyed by identity, then
 * meets `datetime`.`datetime` as python3's does (module remembered, name written). */
static Value type_get_qualname(Value self) {
    Type *t = AS_TYPE(self);
    if (TYPE_HAS(t, TF_HEAPTYPE) || !IS_STR(t->qualname)) return t->qualname;
    return str_new(STR_DATA(t->qualname), (size_t)STR_LEN(t->qualname));
}
static int type_set_qualname(Value self, Value v) {
    Type *t = AS_TYPE(self);
    if (type_check_special_set(t, v, "__qualname__") < 0) return -1;
    if (!IS_STR(v)) { err_format(&exc_TypeError, "can only assign string to %s.__qualname__, not '%T'", type_name(t), v); return -1; }
    t->qualname = v;
    return 0;
}
static Value type_get_module(Value self) {
    Type *t = AS_TYPE(self);
    if (!TYPE_HAS(t, TF_HEAPTYPE)) {        /* from the C name, interned as CPython's type_module
                                               (pickle's memo then meets one string per module) */
        const char *dot = strrchr(t->tp_name, '.');
        if (!dot) return str_intern_c("builtins");
        Value m = str_new(t->tp_name, (size_t)(dot - t->tp_name));
        return IS_NULL(m) ? VAL_NULL : str_intern(m);
    }
    Value m = dict_get_c(t->dict, "__module__");
    return IS_NULL(m) ? str_intern_c("builtins") : m;
}
static int type_set_module(Value self, Value v) {
    Type *t = AS_TYPE(self);
    if (type_check_special_set(t, v, "__module__") < 0) return -1;
    if (dict_set_c(t->dict, "__module__", v) < 0) return -1;
    type_modified(t);
    return 0;
}

/* ---- layout compatibility (__class__ and __bases__ assignment) ---- */

/* Whether CPython frees t's instances with the GC's allocator (tp_free):
 * every class, and the builtin containers; not the atomic builtins. */
static int type_gc_freed(Type *t) {
    static Type *const atomic[] = {&type_object, &type_int, &type_bool, &type_float, &type_complex,
                                   &type_str, &type_bytes, &type_bytearray, &type_range, &type_none};
    if (t->flags & TF_HEAPTYPE) return 1;
    for (size_t i = 0; i < sizeof atomic / sizeof atomic[0]; i++)
        if (t == atomic[i]) return 0;
    return 1;
}

/* CPython's compatible_with_tp_base: c adds nothing to its base's layout. */
static int type_same_layout_as_base(Type *c) {
    Type *b = c->base;
    return b && c->basicsize == b->basicsize && c->dictoffset == b->dictoffset &&
           (c->flags & TF_WEAKREFABLE) == (b->flags & TF_WEAKREFABLE) && type_gc_freed(c) == type_gc_freed(b);
}

/* CPython's same_slots_added: two classes on the same base add the same slots. */
static int type_same_slots_added(Type *a, Type *b) {
    if (!(a->flags & TF_HEAPTYPE) || !(b->flags & TF_HEAPTYPE)) return 0;
    if (a->basicsize != b->basicsize || a->dictoffset != b->dictoffset) return 0;
    if ((a->flags & TF_WEAKREFABLE) != (b->flags & TF_WEAKREFABLE)) return 0;
    if (!(a->flags & TF_HAS_SLOTS) && !(b->flags & TF_HAS_SLOTS)) return 1;
    Value sa = dict_get_c(a->dict, "__slots__"), sb = dict_get_c(b->dict, "__slots__");
    if (IS_NULL(sa) || IS_NULL(sb)) return 0;
    int dict, weak;                     /* the members, sorted and mangled */
    sa = type_slot_members(a, a->base, sa, &dict, &weak, 1);
    if (!IS_NULL(sa)) sb = type_slot_members(b, b->base, sb, &dict, &weak, 1);
    if (IS_NULL(sa) || IS_NULL(sb)) { err_clear(); return 0; }
    int r = obj_eq(sa, sb);
    if (r < 0) err_clear();
    return r > 0;
}

/* CPython's compatible_for_assignment: may instances of oldto become newto's
 * (__class__), or may a class on oldto move to newto (__bases__)? */
static int type_compatible_for_assignment(Type *oldto, Type *newto, const char *attr) {
    if (type_gc_freed(newto) != type_gc_freed(oldto)) {
        err_format(&exc_TypeError, "%s assignment: '%s' deallocator differs from '%s'", attr, type_name(newto),
                   type_name(oldto));
        return 0;
    }
    Type *nb = newto, *ob = oldto;
    while (type_same_layout_as_base(nb)) nb = nb->base;
    while (type_same_layout_as_base(ob)) ob = ob->base;
    if (nb != ob && (nb->base != ob->base || !type_same_slots_added(nb, ob))) {
        err_format(&exc_TypeError, "%s assignment: '%s' object layout differs from '%s'", attr, type_name(newto),
                   type_name(oldto));
        return 0;
    }
    return 1;
}

static void type_remove_subclass(Type *base, Type *sub) {
    if (!IS_LIST(base->subclasses)) return;
    List *l = AS_LIST(base->subclasses);
    for (int64_t i = 0; i < l->len; i++)
        if (l->items[i] == MK_OBJ(sub) || (!IS_TYPE(l->items[i]) && weak_get(l->items[i]) == MK_OBJ(sub))) {
            memmove(l->items + i, l->items + i + 1, (size_t)(l->len - i - 1) * sizeof(Value));
            l->len--;
            return;
        }
}

/* The MROs of t and of every class below it, from their (new) bases; each
 * class and its old MRO go to `undo` first (CPython's mro_hierarchy).  The
 * subclasses are walked in a copy: an mro() may change them. */
static int type_recompute_mros(Type *t, Value undo) {
    Value old_mro = t->mro;
    Value mro = type_mro_invoke(t);
    if (IS_NULL(mro)) return -1;
    if (t->mro != old_mro) return 0;        /* its mro() assigned __bases__ again: that one won */
    Value old = tuple_pack(2, MK_OBJ(t), IS_NULL(old_mro) ? VAL_NONE : old_mro);
    if (IS_NULL(old) || list_append(undo, old) < 0) return -1;
    t->mro = mro;
    Value subs = type_subclass_list(t);
    if (IS_NULL(subs)) return -1;
    for (int64_t i = 0; i < AS_LIST(subs)->len; i++)
        if (type_recompute_mros(AS_TYPE(AS_LIST(subs)->items[i]), undo) < 0) return -1;
    return 0;
}

static void type_restore_mros(Value undo) {
    for (int64_t i = AS_LIST(undo)->len - 1; i >= 0; i--) {
        Tuple *p = AS_TUPLE(AS_LIST(undo)->items[i]);
        AS_TYPE(p->items[0])->mro = IS_NONE(p->items[1]) ? VAL_NULL : p->items[1];
    }
}

/* Is t on b's chain of bases?  (An mro() running meanwhile may have left
 * b's MRO behind its bases.) */
static int type_base_chain_has(Type *b, Type *t) {
    for (; b; b = b->base) if (b == t) return 1;
    return 0;
}

/* C.__bases__ = (...): CPython's type_set_bases.  The new bases must keep the
 * instances' layout (the same solid base); MROs below C are recomputed and
 * the slot caches refilled.  A failure leaves everything as it was. */
static int type_set_bases(Value self, Value v) {
    Type *t = AS_TYPE(self);
    const char *tn = type_name(t);
    if (type_check_special_set(t, v, "__bases__") < 0) return -1;
    if (!IS_TUPLE(v)) {
        err_format(&exc_TypeError, "can only assign tuple to %s.__bases__, not %s", tn, val_type_name(v));
        return -1;
    }
    Tuple *nb = AS_TUPLE(v);
    if (nb->len == 0) {
        err_format(&exc_TypeError, "can only assign non-empty tuple to %s.__bases__, not ()", tn);
        return -1;
    }
    for (int64_t i = 0; i < nb->len; i++) {
        if (!IS_TYPE(nb->items[i])) {
            err_format(&exc_TypeError, "%s.__bases__ must be tuple of classes, not '%T'", tn, nb->items[i]);
            return -1;
        }
        if (type_is_subtype(AS_TYPE(nb->items[i]), t) || type_base_chain_has(AS_TYPE(nb->items[i]), t)) {
            err_format(&exc_TypeError, "a __bases__ item causes an inheritance cycle");
            return -1;
        }
    }
    if (type_check_bases(v) < 0) return -1;
    Type *new_base = type_best_base(v);
    if (!new_base) return -1;
    if (!type_compatible_for_assignment(t->base, new_base, "__bases__")) return -1;
    Value old_bases = t->bases;
    Type *old_base = t->base;
    t->bases = v;
    t->base = new_base;
    Value undo = list_new(0);
    if (IS_NULL(undo)) return -1;
    if (type_recompute_mros(t, undo) < 0) {
        type_restore_mros(undo);
        if (t->bases == v) {                    /* unless an mro() set them again meanwhile */
            t->bases = old_bases;
            t->base = old_base;
        }
        return -1;
    }
    if (t->bases != v) return 0;                /* an mro() set them again: that one did the rest */
    for (int64_t i = 0; i < AS_TUPLE(old_bases)->len; i++)
        type_remove_subclass(AS_TYPE(AS_TUPLE(old_bases)->items[i]), t);
    for (int64_t i = 0; i < nb->len; i++)
        if (type_add_subclass(AS_TYPE(nb->items[i]), t) < 0) return -1;
    type_update_slots(t, VAL_NULL);
    return 0;
}
static Value type_get_bases(Value self) { return AS_TYPE(self)->bases; }
static Value type_get_base(Value self) {
    Type *b = AS_TYPE(self)->base;
    return b ? MK_OBJ(b) : VAL_NONE;
}
static Value type_get_mro(Value self) { return IS_TUPLE(AS_TYPE(self)->mro) ? AS_TYPE(self)->mro : VAL_NONE; }
static Value type_get_dict(Value self) { return mappingproxy_new(AS_TYPE(self)->dict); }
static Value type_get_doc(Value self) {
    Type *t = AS_TYPE(self);
    Value d = dict_get_c(t->dict, "__doc__");
    if (IS_NULL(d)) return VAL_NONE;
    if (!TYPE_HAS(t, TF_HEAPTYPE) && !IS_STR(d)) {  /* type's own __doc__ is its getset */
        for (const TypeDoc *td = builtin_type_docs; td->type; td++)
            if (td->type == t) return str_from_c(td->doc);
    }
    return IS_STR(d) ? d : descr_get(d, VAL_NULL, self);
}
static int type_set_doc(Value self, Value v) {
    Type *t = AS_TYPE(self);
    if (type_check_special_set(t, v, "__doc__") < 0) return -1;
    if (dict_set_c(t->dict, "__doc__", v) < 0) return -1;
    type_modified(t);
    return 0;
}

/* A builtin type's signature, for inspect.signature(list); a class's is None. */
static Value type_get_text_signature(Value self) {
    Type *t = AS_TYPE(self);
    if (TYPE_HAS(t, TF_HEAPTYPE)) return VAL_NONE;
    for (const TypeDoc *td = builtin_type_docs; td->type; td++)
        if (td->type == t) return td->sig ? str_from_c(td->sig) : VAL_NONE;
    return VAL_NONE;
}

/* __abstractmethods__ lives in the class's dict; type itself has none (its
 * dict's entry is this descriptor).  Errors are CPython's bare AttributeError. */
static Value type_get_abstractmethods(Value self) {
    Type *t = AS_TYPE(self);
    Value v = t == &type_type ? VAL_NULL : dict_get_c(t->dict, "__abstractmethods__");
    if (IS_NULL(v) && !err_occurred()) err_set_value(&exc_AttributeError, str_intern_c("__abstractmethods__"));
    return v;
}
static int type_set_abstractmethods(Value self, Value v) {
    Type *t = AS_TYPE(self);
    Value name = str_intern_c("__abstractmethods__");
    if (IS_NULL(v)) {
        int r = dict_del(t->dict, name);
        if (r == 0) err_set_value(&exc_AttributeError, name);
        if (r <= 0) return -1;
    }
    int abstract = IS_NULL(v) ? 0 : obj_truthy(v);
    if (abstract < 0 || (!IS_NULL(v) && dict_set(t->dict, name, v) < 0)) return -1;
    type_modified(t);
    t->flags = abstract ? t->flags | TF_HAS_ABSTRACTS : t->flags & ~(uint32_t)TF_HAS_ABSTRACTS;
    return 0;
}

/* object.__new__'s refusal: "Can't instantiate abstract class C with abstract
 * methods a, b" (sorted). */
static Value type_abstract_error(Type *t) {
    Value abstracts = type_get_abstractmethods(MK_OBJ(t));
    Value names = IS_NULL(abstracts) ? VAL_NULL : list_new(0);
    if (IS_NULL(names) || list_extend(names, abstracts) < 0 || list_sort(names, VAL_NULL, 0) < 0)
        return VAL_NULL;
    Value joined = str_join(str_intern_c(", "), names);
    if (IS_NULL(joined)) return VAL_NULL;
    return err_format(&exc_TypeError, "Can't instantiate abstract class %s with abstract method%s %U",
                      type_name(t), AS_LIST(names)->len > 1 ? "s" : "", joined);
}

/* __annotations__ of a class is its own: found in its dict, or a new empty dict
 * stored there on first use (so a subclass does not show its base's), as
 * CPython 3.10+; builtin types have none. */
static Value type_get_annotations(Value self) {
    Type *t = AS_TYPE(self);
    Value name = str_intern_c("__annotations__");
    if (!TYPE_HAS(t, TF_HEAPTYPE))
        return err_format(&exc_AttributeError, "type object '%s' has no attribute '__annotations__'", t->tp_name);
    Value v = dict_get(t->dict, name);
    if (!IS_NULL(v)) {
        Type *vt = val_type(v);
        return vt->get ? vt->get(v, VAL_NONE, self) : v;
    }
    v = dict_new();
    if (IS_NULL(v) || dict_set(t->dict, name, v) < 0) return VAL_NULL;
    type_modified(t);
    return v;
}
static int type_set_annotations(Value self, Value v) {
    Type *t = AS_TYPE(self);
    Value name = str_intern_c("__annotations__");
    if (type_check_special_set(t, IS_NULL(v) ? VAL_NONE : v, "__annotations__") < 0) return -1;
    if (IS_NULL(v)) {
        int r = dict_del(t->dict, name);
        if (r == 0) err_set_value(&exc_AttributeError, name);
        if (r <= 0) return -1;
    } else if (dict_set(t->dict, name, v) < 0) {
        return -1;
    }
    type_modified(t);
    return 0;
}

/* The read-only layout members CPython shows (gilpy's own sizes), and
 * __flags__ with the bits of CPython's Py_TPFLAGS_* that gilpy's flags say. */
static Value type_get_basicsize(Value self) { return MK_SMALLINT(AS_TYPE(self)->basicsize); }
static Value type_get_itemsize(Value self) {
    Type *t = AS_TYPE(self);
    return MK_SMALLINT(TYPE_HAS(t, TF_TUPLE_SUBCLASS | TF_BYTES_SUBCLASS | TF_INT_SUBCLASS) ? 8 : 0);
}
static Value type_get_dictoffset(Value self) { return MK_SMALLINT(AS_TYPE(self)->dictoffset); }
static Value type_get_weakrefoffset(Value self) { (void)self; return MK_SMALLINT(0); }
static Value type_get_flags(Value self) {
    static const struct { uint32_t tf; int bit; } map[] = {
        {TF_SEQUENCE, 5}, {TF_MAPPING, 6}, {TF_IMMUTABLE, 8}, {TF_HEAPTYPE, 9}, {TF_BASETYPE, 10},
        {TF_HAS_ABSTRACTS, 20},
        {TF_INT_SUBCLASS, 24}, {TF_LIST_SUBCLASS, 25}, {TF_TUPLE_SUBCLASS, 26}, {TF_BYTES_SUBCLASS, 27},
        {TF_STR_SUBCLASS, 28}, {TF_DICT_SUBCLASS, 29}, {TF_EXC_SUBCLASS, 30}, {TF_TYPE_SUBCLASS, 31},
    };
    Type *t = AS_TYPE(self);
    int64_t f = (1 << 12) | (1 << 14);          /* READY, HAVE_GC */
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (t->flags & map[i].tf) f |= (int64_t)1 << map[i].bit;
    return MK_SMALLINT(f);
}

static const GetSetDef type_getsets[] = {
    {"__name__", type_get_name, type_set_name, NULL},
    {"__qualname__", type_get_qualname, type_set_qualname, NULL},
    {"__module__", type_get_module, type_set_module, NULL},
    {"__bases__", type_get_bases, type_set_bases, NULL},
    {"__base__", type_get_base, getset_readonly, NULL},
    {"__mro__", type_get_mro, getset_readonly, NULL},
    {"__dict__", type_get_dict, NULL, NULL},
    {"__doc__", type_get_doc, type_set_doc, NULL},
    {"__text_signature__", type_get_text_signature, NULL, NULL},
    {"__abstractmethods__", type_get_abstractmethods, type_set_abstractmethods, NULL},
    {"__annotations__", type_get_annotations, type_set_annotations, NULL},
    {"__basicsize__", type_get_basicsize, getset_readonly, NULL},
    {"__itemsize__", type_get_itemsize, getset_readonly, NULL},
    {"__dictoffset__", type_get_dictoffset, getset_readonly, NULL},
    {"__weakrefoffset__", type_get_weakrefoffset, getset_readonly, NULL},
    {"__flags__", type_get_flags, getset_readonly, NULL},
    {NULL, NULL, NULL, NULL},
};

Type type_type = {
    .tp_name = "type", .base = &type_object,
    .flags = TF_BASETYPE | TF_TYPE_SUBCLASS | TF_WEAKREFABLE,
    .basicsize = sizeof(Type), .trace = type_trace, .call = type_call,
    .methods = type_methods, .getsets = type_getsets,
};
GILPY_TYPE(type_type, "type");

/* ---- type attribute access ------------------------------------------------------------ */

static int descr_is_data(Value d) {
    Type *dt = val_type(d);
    return !IS_NULL(dt->slots[SM_SET]) || !IS_NULL(dt->slots[SM_DELETE]);
}

/* obj is the instance (None is an instance too: None.__class__), or VAL_NULL
 * for an access through the class, which __get__ receives as None. */
Value descr_get(Value descr, Value obj, Value type) {
    Type *dt = val_type(descr);
    if (dt->get) return dt->get(descr, obj, type);
    if (IS_NULL(dt->slots[SM_GET])) return descr;
    Value args[3] = { descr, IS_NULL(obj) ? VAL_NONE : obj, IS_NULL(type) ? VAL_NONE : type };
    return obj_call_special(descr, SM_GET, args, 3);
}

int descr_get_args(Value *args, Value *obj, Value *type) {
    *obj = IS_NULL(args[1]) || IS_NONE(args[1]) ? VAL_NULL : args[1];
    *type = IS_NULL(args[2]) || IS_NONE(args[2]) ? VAL_NULL : args[2];
    if (IS_NULL(*obj) && IS_NULL(*type)) {
        err_format(&exc_TypeError, "__get__(None, None) is invalid");
        return -1;
    }
    return 0;
}

static int descr_has_get(Value d) {
    Type *dt = val_type(d);
    return dt->get != NULL || !IS_NULL(dt->slots[SM_GET]);
}

Value type_getattr(Value cls, Value name, int suppress) {
    Type *t = AS_TYPE(cls);
    Type *meta = val_type(cls);
    Value meta_attr = type_lookup(meta, name);
    if (!IS_NULL(meta_attr) && descr_is_data(meta_attr) && descr_has_get(meta_attr))   /* no __get__: the class's own wins */
        return descr_get(meta_attr, cls, MK_OBJ(meta));
    Value attr = type_lookup(t, name);
    if (!IS_NULL(attr)) return descr_get(attr, VAL_NULL, cls);
    if (!IS_NULL(meta_attr)) return descr_get(meta_attr, cls, MK_OBJ(meta));
    if (!IS_NULL(meta->slots[SM_GETATTR]) && meta != &type_type) {
        Value a[2] = { cls, name };
        return obj_call_special(cls, SM_GETATTR, a, 2);
    }
    if (suppress) return VAL_NULL;
    return err_set_attribute_error(cls, name, "type object '%s' has no attribute '%U'", type_name(t), name);
}

/* CPython's type_setattro: nothing of a builtin (immutable) type may be set,
 * not even through type's own descriptors (__name__, __doc__, ...). */
int type_setattr(Value cls, Value name, Value v) {
    Type *t = AS_TYPE(cls);
    if (!IS_STR(name)) { err_format(&exc_TypeError, "attribute name must be string, not '%T'", name); return -1; }
    if (t->flags & TF_IMMUTABLE) {
        err_format(&exc_TypeError, "cannot set '%U' attribute of immutable type '%s'", name, type_name(t));
        return -1;
    }
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

/* ---- T.__new__(U) ------------------------------------------------------------------------ */

/* The C function that makes t's instances, CPython's tp_new: for a class with
 * a __new__ written in Python, none (*python set); for a builtin type, its own
 * __new__, else its base's, except that a builtin type directly under object
 * that defines none cannot be instantiated (Py_TPFLAGS_DISALLOW_INSTANTIATION:
 * NULL). */
static NativeFn type_native_new(Type *t, int *python)
{
    *python = 0;
    if (t->flags & TF_HEAPTYPE) {
        Value f = t->slots[SM_NEW];
        if (IS_EXACT(f, type_builtin_function)) return ((BuiltinFn *)AS_OBJ(f))->def->fn;
        *python = !IS_NULL(f);
        return NULL;
    }
    for (; t; t = t->base) {
        Value own = IS_DICT(t->dict) ? dict_get_c(t->dict, "__new__") : VAL_NULL;
        if (IS_EXACT(own, type_builtin_function)) return ((BuiltinFn *)AS_OBJ(own))->def->fn;
        if (t->base == &type_object) return NULL;
    }
    return NULL;
}

int type_new_call_ok(Type *owner, const MethodDef *def, Value *args, int nargs)
{
    const char *tn = type_name(owner);
    if (nargs < 1) {
        err_format(&exc_TypeError, "%s.__new__(): not enough arguments", tn);
        return -1;
    }
    if (!IS_TYPE(args[0])) {
        err_format(&exc_TypeError, "%s.__new__(X): X is not a type object (%T)", tn, args[0]);
        return -1;
    }
    Type *sub = AS_TYPE(args[0]);
    if (sub == owner) return 0;
    if (!type_is_subtype(sub, owner)) {
        err_format(&exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s", tn, type_name(sub),
                   type_name(sub), tn);
        return -1;
    }
    Type *base = sub;
    int python;
    NativeFn fn = type_native_new(base, &python);
    while (python && base->base) fn = type_native_new(base = base->base, &python);
    if (fn != def->fn) {
        err_format(&exc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()", tn, type_name(sub),
                   type_name(base));
        return -1;
    }
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
    Type *t = AS_TYPE(args[0]);         /* a type: see type_new_call_ok */
    if (object_excess_args(nargs - 1, kwnames)) {
        Value obj_new = type_object.slots[SM_NEW], obj_init = type_object.slots[SM_INIT];
        if (t->slots[SM_NEW] != obj_new)
            return err_format(&exc_TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
        if (t->slots[SM_INIT] == obj_init)
            return err_format(&exc_TypeError, "%s() takes no arguments", type_name(t));
    }
    if (t->flags & TF_ABSTRACT)
        return err_format(&exc_TypeError, "cannot create '%s' instances", type_name(t));
    if (t->flags & TF_HAS_ABSTRACTS) return type_abstract_error(t);
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
    return obj_repr_uncounted(args[0]);
}

/* object.__hash__: from the identity (CPython's _Py_HashPointer). */
int64_t val_identity_hash(Value v) {
    uint64_t a = IS_OBJ(v) ? (uint64_t)(uintptr_t)AS_OBJ(v) : v;
    return (int64_t)((a >> 4) | (a << 60)) & SMALLINT_MAX;
}

static Value object_hash_m(Value *args, int nargs, Value kwnames) {
    return MK_SMALLINT(val_identity_hash(args[0]));
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

/* CPython's hackcheck (the "Carlo Verre hack"): object.__setattr__(x, ...)
 * may not skip the `what` method of the builtin type x's class is built
 * on, so object.__setattr__(str, "x", 1) cannot change a builtin type. */
static int object_hackcheck(Value self, const char *what) {
    Type *t = val_type(self);
    while (t && (t->flags & TF_HEAPTYPE)) t = t->base;
    if (!t || type_lookup_c(t, what) == type_lookup_c(&type_object, what)) return 0;
    err_format(&exc_TypeError, "can't apply this %s to %s object", what, val_type_name(self));
    return -1;
}

static Value object_setattr_m(Value *args, int nargs, Value kwnames) {
    if (!IS_STR(args[1])) return err_format(&exc_TypeError, "attribute name must be string, not '%T'", args[1]);
    if (object_hackcheck(args[0], "__setattr__") < 0) return VAL_NULL;
    return obj_generic_setattr(args[0], args[1], args[2]) < 0 ? VAL_NULL : VAL_NONE;
}

static Value object_delattr_m(Value *args, int nargs, Value kwnames) {
    if (!IS_STR(args[1])) return err_format(&exc_TypeError, "attribute name must be string, not '%T'", args[1]);
    if (object_hackcheck(args[0], "__delattr__") < 0) return VAL_NULL;
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

static Value object_copyreg(const char *name);

/* The names of the slots whose values an instance's state carries: the
 * class's __slotnames__, else copyreg._slotnames(cls) (which caches it),
 * as CPython's _PyType_GetSlotNames; None for a class without slots. */
static Value object_slot_names(Type *t) {
    Value names = dict_get_c(t->dict, "__slotnames__");
    if (IS_NULL(names) && !t->values_start) return VAL_NONE;
    if (IS_NULL(names)) {
        Value f = object_copyreg("_slotnames");
        names = IS_NULL(f) ? VAL_NULL : call1(f, MK_OBJ(t));
        if (IS_NULL(names)) return VAL_NULL;
    }
    if (!IS_NONE(names) && !IS_LIST(names))
        return err_format(&exc_TypeError, "%s.__slotnames__ should be a list or None, not %s", type_name(t),
                          val_type_name(names));
    return names;
}

/* object.__getstate__ (3.11's object_getstate_default): the instance dict,
 * None when empty; with __slots__ set, (dict or None, {slot: value}). */
static Value object_getstate_m(Value *args, int nargs, Value kwnames) {
    Value *d = obj_dict_ptr(args[0]);
    Value state = d && IS_DICT(*d) && dict_len(*d) > 0 ? *d : VAL_NONE;
    Type *t = val_type(args[0]);
    Value names = object_slot_names(t);
    if (IS_NULL(names)) return VAL_NULL;
    if (IS_NONE(names) || AS_LIST(names)->len == 0) return state;
    Value slots = dict_new();
    if (IS_NULL(slots)) return VAL_NULL;
    names = list_from_array(AS_LIST(names)->items, AS_LIST(names)->len);   /* a __getattr__ may change it */
    if (IS_NULL(names)) return VAL_NULL;
    for (int64_t i = 0; i < AS_LIST(names)->len; i++) {
        Value name = AS_LIST(names)->items[i];
        Value v = obj_getattr(args[0], name);
        if (IS_NULL(v)) {
            if (!err_matches(&exc_AttributeError)) return VAL_NULL;
            err_clear();
            continue;
        }
        if (dict_set(slots, name, v) < 0) return VAL_NULL;
    }
    return dict_len(slots) > 0 ? tuple_pack(2, state, slots) : state;
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

/* ---- object.__reduce__ / __reduce_ex__ (CPython's typeobject.c reduce protocol) ---- */

/* copyreg.NAME */
static Value object_copyreg(const char *name) {
    Value m = interp.vm.import("copyreg");
    return IS_NULL(m) ? VAL_NULL : obj_getattr_c(m, name);
}

/* (args, kwargs) from __getnewargs_ex__, __getnewargs__ (kwargs NULL) or
 * neither ((), NULL); -1 with the error. */
/* self's special method `name` bound, looked up on its type only (CPython's
 * _PyObject_LookupSpecial): VAL_NULL with no error when there is none. */
Value obj_lookup_special(Value self, const char *name) {
    Value d = type_lookup_c(val_type(self), name);
    return IS_NULL(d) ? VAL_NULL : descr_get(d, self, MK_OBJ(val_type(self)));
}

static int object_newargs(Value self, Value *args, Value *kwargs) {
    *args = VAL_NULL;
    *kwargs = VAL_NULL;
    Value f = obj_lookup_special(self, "__getnewargs_ex__");
    if (!IS_NULL(f)) {
        Value r = call0(f);
        if (IS_NULL(r)) return -1;
        if (!IS_TUPLE(r))
            return err_format(&exc_TypeError, "__getnewargs_ex__ should return a tuple, not '%T'", r), -1;
        if (AS_TUPLE(r)->len != 2)
            return err_format(&exc_ValueError, "__getnewargs_ex__ should return a tuple of length 2, not %lld",
                              (long long)AS_TUPLE(r)->len), -1;
        *args = AS_TUPLE(r)->items[0];
        *kwargs = AS_TUPLE(r)->items[1];
        if (!IS_TUPLE(*args))
            return err_format(&exc_TypeError, "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '%T'", *args), -1;
        if (!IS_DICT(*kwargs))
            return err_format(&exc_TypeError, "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '%T'", *kwargs), -1;
        return 0;
    }
    if (err_occurred()) return -1;
    f = obj_lookup_special(self, "__getnewargs__");
    if (!IS_NULL(f)) {
        *args = call0(f);
        if (IS_NULL(*args)) return -1;
        if (!IS_TUPLE(*args))
            return err_format(&exc_TypeError, "__getnewargs__ should return a tuple, not '%T'", *args), -1;
        return 0;
    }
    if (err_occurred()) return -1;
    *args = tuple_new(0);
    return IS_NULL(*args) ? -1 : 0;
}

/* CPython's reduce_newobj (protocol 2 and up): (copyreg.__newobj__, (cls,
 * *args), state, listitems, dictitems), or __newobj_ex__ with keywords.  A
 * builtin type that keeps C state no __getstate__ describes cannot be pickled. */
static Value object_reduce_newobj(Value self) {
    Type *t = val_type(self);
    Value args, kwargs;
    if (object_newargs(self, &args, &kwargs) < 0) return VAL_NULL;
    int hasargs = AS_TUPLE(args)->len > 0 || (!IS_NULL(kwargs) && dict_len(kwargs) > 0);
    int plain = TYPE_HAS(t, TF_HEAPTYPE) || t->basicsize <= type_object.basicsize;
    if (!hasargs && !plain && !IS_LIST(self) && !IS_DICT(self) &&
        type_lookup_c(t, "__getstate__") == type_lookup_c(&type_object, "__getstate__"))
        return err_format(&exc_TypeError, "cannot pickle '%T' object", self);
    Value newobj, newargs;
    if (IS_NULL(kwargs) || dict_len(kwargs) == 0) {
        newobj = object_copyreg("__newobj__");
        newargs = tuple_new(AS_TUPLE(args)->len + 1);
        if (IS_NULL(newobj) || IS_NULL(newargs)) return VAL_NULL;
        AS_TUPLE(newargs)->items[0] = MK_OBJ(t);
        for (int64_t i = 0; i < AS_TUPLE(args)->len; i++) AS_TUPLE(newargs)->items[i + 1] = AS_TUPLE(args)->items[i];
    } else {
        newobj = object_copyreg("__newobj_ex__");
        newargs = tuple_pack(3, MK_OBJ(t), args, kwargs);
        if (IS_NULL(newobj) || IS_NULL(newargs)) return VAL_NULL;
    }
    Value state = obj_call_method(self, "__getstate__", NULL, 0);
    if (IS_NULL(state)) return VAL_NULL;
    Value listitems = VAL_NONE, dictitems = VAL_NONE;
    if (IS_LIST(self) && IS_NULL(listitems = obj_iter(self))) return VAL_NULL;
    if (IS_DICT(self)) {
        Value items = obj_call_method(self, "items", NULL, 0);
        if (IS_NULL(items) || IS_NULL(dictitems = obj_iter(items))) return VAL_NULL;
    }
    return tuple_pack(5, newobj, newargs, state, listitems, dictitems);
}

/* CPython's _common_reduce: copyreg._reduce_ex below protocol 2. */
static Value object_common_reduce(Value self, int protocol) {
    if (protocol >= 2) return object_reduce_newobj(self);
    Value f = object_copyreg("_reduce_ex");
    return IS_NULL(f) ? VAL_NULL : call2(f, self, MK_SMALLINT(protocol));
}

static Value object_reduce_m(Value *args, int nargs, Value kwnames) {
    return object_common_reduce(args[0], 0);
}

/* A class's own __reduce__ wins (copy and pickle call __reduce_ex__). */
static Value object_reduce_ex_m(Value *args, int nargs, Value kwnames) {
    int protocol;
    if (arg_to_int(args[1], &protocol) < 0) return VAL_NULL;
    Value mine = type_lookup_c(val_type(args[0]), "__reduce__");
    if (!IS_NULL(mine) && mine != type_lookup_c(&type_object, "__reduce__"))
        return obj_call_method(args[0], "__reduce__", NULL, 0);
    if (err_occurred()) return VAL_NULL;
    return object_common_reduce(args[0], protocol);
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
    if (IS_NULL(v)) { err_format(&exc_TypeError, "can't delete __class__ attribute"); return -1; }
    if (!IS_TYPE(v)) { err_format(&exc_TypeError, "__class__ must be set to a class, not '%T' object", v); return -1; }
    Type *old = val_type(self), *nt = AS_TYPE(v);
    int modules = type_is_subtype(old, &type_module) && type_is_subtype(nt, &type_module);
    if (!IS_OBJ(self) || (!modules && (!(old->flags & TF_HEAPTYPE) || !(nt->flags & TF_HEAPTYPE)))) {
        err_format(&exc_TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses");
        return -1;
    }
    if (!type_compatible_for_assignment(old, nt, "__class__")) return -1;
    AS_OBJ(self)->type = nt;
    return 0;
}
/* The __dict__ descriptor of the builtin type self's class is built on, when
 * it has its own (a metaclass's instances are classes: type's __dict__ serves
 * them), as CPython's subtype_dict defers to get_builtin_base_with_dict. */
static Value object_builtin_dict_descr(Value self) {
    Type *b = val_type(self);
    while (b && (b->flags & TF_HEAPTYPE)) b = b->base;
    return b && b != &type_object ? type_lookup_c(b, "__dict__") : VAL_NULL;
}

static Value object_get_dict(Value self) {
    Value bd = object_builtin_dict_descr(self);
    if (!IS_NULL(bd)) return descr_get(bd, self, MK_OBJ(val_type(self)));
    Value *d = obj_dict_ptr(self);
    if (!d) return err_format(&exc_AttributeError, "'%T' object has no attribute '__dict__'", self);
    if (!IS_DICT(*d)) {
        *d = dict_new();
        if (IS_NULL(*d)) return VAL_NULL;
    }
    return *d;
}
static int object_set_dict(Value self, Value v) {
    Value bd = object_builtin_dict_descr(self);
    if (!IS_NULL(bd)) {
        SpecialMethod sm = IS_NULL(v) ? SM_DELETE : SM_SET;
        if (IS_NULL(val_type(bd)->slots[sm])) {
            err_format(&exc_AttributeError, "'%T' object attribute '__dict__' is read-only", self);
            return -1;
        }
        Value a[3] = {bd, self, v};
        return IS_NULL(obj_call_special(bd, sm, a, IS_NULL(v) ? 2 : 3)) ? -1 : 0;
    }
    Value *d = obj_dict_ptr(self);
    if (!d) { err_format(&exc_AttributeError, "'%T' object has no attribute '__dict__'", self); return -1; }
    if (!IS_NULL(v) && !IS_DICT(v)) { err_format(&exc_TypeError, "__dict__ must be set to a dictionary, not a '%T'", v); return -1; }
    *d = v;                             /* deleting leaves none: a new one on the next access */
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

/* __weakref__: the first weak reference to the instance, or None. */
static Value object_get_weakref(Value self) { return weak_first(self); }
static const GetSetDef instance_weakref_getset = {"__weakref__", object_get_weakref, NULL, NULL};

/* Instances of t may be referred to weakly: the flag and the __weakref__
 * descriptor. */
int type_add_weakref(Type *t) {
    t->flags |= TF_WEAKREFABLE;
    return dict_set_c(t->dict, "__weakref__", getset_descr_new(t, &instance_weakref_getset));
}
