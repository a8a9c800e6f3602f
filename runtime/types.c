/* types.c - the table of builtin types, the None/NotImplemented/Ellipsis
 * singletons, and types_init, which readies them in dependency order.
 *
 * A static type is readied (its dict, MRO and slot cache built) either here
 * at start-up or, as a safety net, the first time an instance is allocated
 * (gc_alloc checks for a type that has not been readied).
 */
#include <stdio.h>
#include <stdlib.h>

#include "call.h"
#include "error.h"
#include "gc.h"
#include "obj_dict.h"
#include "obj_exc.h"
#include "obj_list.h"
#include "obj_misc.h"
#include "obj_str.h"
#include "runtime.h"
#include "signals.h"
#include "state.h"

/* ---- None, NotImplemented, Ellipsis -------------------------------------------- */

static Value singleton_repr(const char *s) { return str_intern_c(s); }

/* The __new__s stay ARGS_ANY: "NoneType takes no arguments" names the type
 * and also answers keywords. */
static Value singleton_new(Value *a, int n, Value k, const char *name, Value v) {
    if (n > 1 || (!IS_NULL(k) && AS_TUPLE(k)->len)) return err_format(&exc_TypeError, "%s takes no arguments", name);
    return v;
}

static Value none_repr_m(Value *a, int n, Value k) { return singleton_repr("None"); }
static Value none_bool_m(Value *a, int n, Value k) { return VAL_FALSE; }
static Value none_hash_m(Value *a, int n, Value k) { return MK_SMALLINT(0xFCA86420); }
static Value none_new_m(Value *a, int n, Value k) { return singleton_new(a, n, k, "NoneType", VAL_NONE); }
static const MethodDef none_methods[] = {
    {"__new__", none_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__repr__", none_repr_m, ARGS_WRAP(0), NULL},
    {"__bool__", none_bool_m, ARGS_WRAP(0), NULL},
    {"__hash__", none_hash_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};
Type type_none = { .tp_name = "NoneType", .base = &type_object, .basicsize = sizeof(Obj),
                   .methods = none_methods };
GILPY_TYPE(type_none, NULL);

/* repr and __reduce__ are the name (pickle stores the singleton by name) */
static Value ni_repr_m(Value *a, int n, Value k) { return singleton_repr("NotImplemented"); }
static Value ni_new_m(Value *a, int n, Value k) {
    return singleton_new(a, n, k, "NotImplementedType", VAL_NOTIMPLEMENTED);
}
static const MethodDef ni_methods[] = {
    {"__new__", ni_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__repr__", ni_repr_m, ARGS_WRAP(0), NULL},
    {"__reduce__", ni_repr_m, ARGS_NONE, NULL},
    {NULL, NULL, 0, NULL},
};
Type type_notimplemented = { .tp_name = "NotImplementedType", .base = &type_object,
                             .basicsize = sizeof(Obj), .methods = ni_methods };
GILPY_TYPE(type_notimplemented, NULL);

static Value ell_repr_m(Value *a, int n, Value k) { return singleton_repr("Ellipsis"); }
static Value ell_new_m(Value *a, int n, Value k) { return singleton_new(a, n, k, "EllipsisType", VAL_ELLIPSIS); }
static const MethodDef ell_methods[] = {
    {"__new__", ell_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__repr__", ell_repr_m, ARGS_WRAP(0), NULL},
    {"__reduce__", ell_repr_m, ARGS_NONE, NULL},
    {NULL, NULL, 0, NULL},
};
Type type_ellipsis = { .tp_name = "ellipsis", .base = &type_object, .basicsize = sizeof(Obj),
                       .methods = ell_methods };
GILPY_TYPE(type_ellipsis, NULL);

Obj notimplemented_obj = { .type = &type_notimplemented, .gcflags = GCF_STATIC };
Obj ellipsis_obj = { .type = &type_ellipsis, .gcflags = GCF_STATIC };

/* ---- the registered types --------------------------------------------------------- */

extern Type *const exc_all_types[];

extern const TypeReg *const __start_gilpy_types[], *const __stop_gilpy_types[];

const TypeReg *const *types_registered(size_t *n) {
    *n = (size_t)(__stop_gilpy_types - __start_gilpy_types);
    return __start_gilpy_types;
}

/* Static types readied so far (for the collector's roots). */
static Type **ready_types;
static size_t nready, ready_cap;

void types_register_static(Type *t) {
    if (nready == ready_cap) {
        ready_cap = ready_cap ? ready_cap * 2 : 256;
        ready_types = realloc(ready_types, ready_cap * sizeof *ready_types);
        if (!ready_types) { fputs("gilpy: out of memory\n", stderr); abort(); }
    }
    ready_types[nready++] = t;
}

void types_mark_static(void) {
    for (size_t i = 0; i < nready; i++) gc_mark_obj(&ready_types[i]->header);
    gc_mark_obj(&notimplemented_obj);
    gc_mark_obj(&ellipsis_obj);
}

void types_init(void) {
    /* The first allocations ready object, str, dict and tuple on the way
       (gc_alloc readies a type at its first instance); slot caches made
       before every base had its dict are recomputed at the end. */
    type_init_special_names();
    type_defer_slots(1);
    type_ready(&type_object);
    type_ready(&type_type);
    size_t n;
    const TypeReg *const *reg = types_registered(&n);
    for (size_t i = 0; i < n; i++) type_ready(reg[i]->type);
    for (int i = 0; exc_all_types[i]; i++) type_ready(exc_all_types[i]);
    for (const TypeDoc *d = builtin_type_docs; d->type; d++)   /* not over a __doc__ descriptor */
        if (IS_NONE(dict_get_c(d->type->dict, "__doc__")))
            dict_set_c(d->type->dict, "__doc__", str_from_c(d->doc));
    type_defer_slots(0);
    type_update_slots(&type_object, VAL_NULL);
}
