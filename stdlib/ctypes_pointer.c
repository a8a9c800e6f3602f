/* ctypes_pointer.c - _Pointer and its metaclass PyCPointerType; POINTER()
 * and pointer().
 *
 * A pointer class names its target type in `_type_` (POINTER(c_int) is
 * "LP_c_int", cached in _pointer_type_cache); POINTER("name") makes an
 * incomplete one that ctypes.SetPointerType completes later (set_type).
 *
 * A pointer instance's memory is one C pointer.  Setting `contents` keeps the
 * target alive in the pointer's _objects (and what the target keeps), so
 * `p = pointer(c_int(5))` stays valid after the c_int's last name is gone.
 * `contents` and `p[i]` read through the pointer: a simple item as its
 * value, `contents` and other items as instances over the pointed-to memory
 * that keep the pointer alive.
 */
#include <string.h>

#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "ctypes.h"

Value pointer_type_cache = VAL_NULL;

static void *pointer_target(Value self) {
    void *p;
    memcpy(&p, CDATA(self)->ptr, sizeof p);
    return p;
}

/* ---- the metaclass ----------------------------------------------------------------------- */

static int pointer_set_proto(CType *t, Value proto) {
    if (!IS_TYPE(proto)) { err_format(&exc_TypeError, "_type_ must be a type"); return -1; }
    CType *item = ctype_info(proto);
    if (!item) { err_format(&exc_TypeError, "_type_ must have storage info"); return -1; }
    t->proto = proto;
    return 0;
}

static Value pointer_meta_new_m(Value *args, int nargs, Value kwnames) {
    if (nargs != 4) return err_format(&exc_TypeError, "type.__new__() takes exactly 3 arguments (%d given)", nargs - 1);
    Value kw = VAL_NULL;
    if (!IS_NULL(kwnames)) {
        Value vals = tuple_from_array(args + nargs, AS_TUPLE(kwnames)->len);
        if (IS_NULL(vals) || IS_NULL(kw = tuple_pack(2, kwnames, vals))) return VAL_NULL;
    }
    Value proto = IS_DICT(args[3]) ? dict_get_c(args[3], "_type_") : VAL_NULL;
    if (!IS_NULL(proto) && !IS_TYPE(proto)) return err_format(&exc_TypeError, "_type_ must be a type");
    if (!IS_NULL(proto) && !ctype_info(proto)) return err_format(&exc_TypeError, "_type_ must have storage info");
    Value cls = type_new_class(AS_TYPE(args[0]), args[1], args[2], args[3], kw);
    if (IS_NULL(cls)) return VAL_NULL;
    CType *t = (CType *)AS_OBJ(cls);
    t->kind = CK_POINTER;
    t->size = sizeof(void *);
    t->align = _Alignof(void *);
    t->length = 1;
    t->ffi = ffi_type_pointer;
    t->flags |= CTF_POINTER;
    t->proto = VAL_NULL;
    if (!IS_NULL(proto) && pointer_set_proto(t, proto) < 0) return VAL_NULL;
    return cls;
}

static Value pointer_set_type_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    CType *t = ctype_info(args[0]);
    if (!t) return err_format(&exc_TypeError, "abstract class");
    if (pointer_set_proto(t, args[1]) < 0) return VAL_NULL;
    if (obj_setattr(args[0], str_intern_c("_type_"), args[1]) < 0) return VAL_NULL;
    return VAL_NONE;
}

Value pointer_from_param(Value cls, Value v) {
    if (IS_NONE(v)) return VAL_NONE;
    CType *t = ctype_info(cls);
    if (t && IS_TYPE(t->proto)) {
        int isinst = obj_isinstance_class(v, AS_TYPE(t->proto));
        if (isinst < 0) return VAL_NULL;
        if (isinst) return carg_byref(v, 0);
        CType *vt = ctype_of(v);
        if (vt && (vt->kind == CK_POINTER || vt->kind == CK_ARRAY) && IS_TYPE(vt->proto) &&
            type_is_subtype(AS_TYPE(vt->proto), AS_TYPE(t->proto)))
            return v;
    }
    return ctype_generic_from_param(cls, v);
}

static Value pointer_from_param_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    return pointer_from_param(args[0], args[1]);
}

static const MethodDef meta_pointer_methods[] = {
    {"__new__", pointer_meta_new_m, METH_STATIC, NULL},
    {"from_param", pointer_from_param_m, ARGS_ONE, "Convert a Python object into a function call parameter."},
    {"set_type", pointer_set_type_m, ARGS_ONE, NULL},
    {NULL, NULL, 0, NULL},
};

Type meta_pointer = {
    .tp_name = "_ctypes.PyCPointerType", .base = &type_type, .basicsize = sizeof(CType),
    .flags = TF_BASETYPE | TF_WEAKREFABLE, .trace = ctype_trace, .finalize = ctype_finalize, .methods = meta_pointer_methods,
};

Value pointer_type_for(Value cls) {
    Value found = dict_get(pointer_type_cache, cls);
    if (!IS_NULL(found) || err_occurred()) return found;
    Value name, ns = dict_new(), key = cls;
    if (IS_NULL(ns)) return VAL_NULL;
    if (IS_EXACT(cls, type_str)) {
        name = str_format_c("LP_%U", cls);
    } else if (IS_TYPE(cls)) {
        name = str_format_c("LP_%s", type_name(AS_TYPE(cls)));
        if (dict_set_c(ns, "_type_", cls) < 0) return VAL_NULL;
    } else {
        return err_format(&exc_TypeError, "must be a ctypes type");
    }
    Value bases = IS_NULL(name) ? VAL_NULL : tuple_pack(1, MK_OBJ(&ctype_pointer_base.type));
    Value result = IS_NULL(bases) ? VAL_NULL : call3(MK_OBJ(&meta_pointer), name, bases, ns);
    if (IS_NULL(result)) return VAL_NULL;
    if (IS_EXACT(cls, type_str)) {
        Value idf = dict_get_c(interp.builtins, "id");
        key = IS_NULL(idf) ? VAL_NULL : call1(idf, result);
        if (IS_NULL(key)) return VAL_NULL;
    }
    return dict_set(pointer_type_cache, key, result) < 0 ? VAL_NULL : result;
}

Value pointer_new_to(Value target) {
    Value typ = pointer_type_for(MK_OBJ(val_type(target)));
    return IS_NULL(typ) ? VAL_NULL : call1(typ, target);
}

/* ---- instances ------------------------------------------------------------------------------- */

static CType *pointer_item_info(Value self, CType **item) {
    CType *t = ctype_of(self);
    *item = t ? ctype_info(t->proto) : NULL;
    if (!*item) err_format(&exc_TypeError, "Cannot create instance: has no _type_");
    return *item ? t : NULL;
}

static int pointer_set_contents(Value self, Value v) {
    if (IS_NULL(v)) { err_format(&exc_TypeError, "Pointer does not support item deletion"); return -1; }
    CType *item, *t = pointer_item_info(self, &item);
    if (!t) return -1;
    int isinst = obj_isinstance_class(v, AS_TYPE(t->proto));
    if (isinst < 0) return -1;
    if (!isinst || !cdata_check(v)) {
        err_format(&exc_TypeError, "expected %s instead of %s", type_name(AS_TYPE(t->proto)), val_type_name(v));
        return -1;
    }
    memcpy(CDATA(self)->ptr, &CDATA(v)->ptr, sizeof(void *));
    if (cdata_keepref(self, 1, v) < 0) return -1;
    Value keep = cdata_kept(v);
    return IS_NULL(keep) ? -1 : cdata_keepref(self, 0, keep);
}

static Value pointer_contents_get(Value self) {
    CType *item, *t = pointer_item_info(self, &item);
    if (!t) return VAL_NULL;
    void *p = pointer_target(self);
    if (!p) return err_format(&exc_ValueError, "NULL pointer access");
    return cdata_new_at(t->proto, self, 0, p);
}

static Value pointer_new_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    CType *t = ctype_info(args[0]);
    if (!t || !IS_TYPE(t->proto)) return err_format(&exc_TypeError, "Cannot create instance: has no _type_");
    return cdata_new_owned(args[0]);
}

static Value pointer_init_m(Value *args, int nargs, Value kwnames) {
    if (!IS_NULL(kwnames) && AS_TUPLE(kwnames)->len)
        return err_format(&exc_TypeError, "%s() takes no keyword arguments", val_type_name(args[0]));
    if (nargs > 2) return err_format(&exc_TypeError, "POINTER expected at most 1 argument, got %d", nargs - 1);
    if (nargs == 2 && pointer_set_contents(args[0], args[1]) < 0) return VAL_NULL;
    return VAL_NONE;
}

static Value pointer_bool_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    return MK_BOOL(pointer_target(args[0]) != NULL);
}

static Value pointer_slice(Value self, Value key, CType *t, CType *item) {
    SliceObj *s = (SliceObj *)AS_OBJ(key);
    int64_t start = 0, stop, step = 1;
    if (!IS_NONE(s->step)) {
        if (obj_index_i64(s->step, &step) < 0) return VAL_NULL;
        if (step == 0) return err_format(&exc_ValueError, "slice step cannot be zero");
    }
    if (IS_NONE(s->start)) {
        if (step < 0) return err_format(&exc_ValueError, "slice start is required for step < 0");
    } else if (obj_index_i64(s->start, &start) < 0) {
        return VAL_NULL;
    }
    if (IS_NONE(s->stop)) return err_format(&exc_ValueError, "slice stop is required");
    if (obj_index_i64(s->stop, &stop) < 0) return VAL_NULL;
    int64_t n;
    if ((step > 0 && start > stop) || (step < 0 && start < stop)) n = 0;
    else if (step > 0) n = (stop - start - 1) / step + 1;
    else n = (stop - start + 1) / step + 1;
    return ctypes_items_slice(self, item, t->proto, pointer_target(self), start, step, n);
}

static Value pointer_getitem_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    Value self = args[0], key = args[1];
    CType *item, *t = pointer_item_info(self, &item);
    if (!t) return VAL_NULL;
    if (IS_EXACT(key, type_slice)) return pointer_slice(self, key, t, item);
    if (!IS_INT(key) && IS_NULL(obj_lookup_special(key, "__index__"))) {
        if (err_occurred()) return VAL_NULL;
        return err_format(&exc_TypeError, "Pointer indices must be integer");
    }
    int64_t i;
    if (obj_index_i64(key, &i) < 0) return VAL_NULL;
    uint8_t *p = pointer_target(self);
    if (!p) return err_format(&exc_ValueError, "NULL pointer access");
    return cdata_get(t->proto, NULL, self, i, item->size, p + i * item->size, 0);
}

static Value pointer_setitem_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    Value self = args[0];
    if (IS_NULL(args[2])) return err_format(&exc_TypeError, "Pointer does not support item deletion");
    CType *item, *t = pointer_item_info(self, &item);
    if (!t) return VAL_NULL;
    int64_t i;
    if (obj_index_i64(args[1], &i) < 0) return VAL_NULL;
    uint8_t *p = pointer_target(self);
    if (!p) return err_format(&exc_ValueError, "NULL pointer access");
    if (cdata_set(self, t->proto, NULL, args[2], i, item->size, p + i * item->size, 0) < 0) return VAL_NULL;
    return VAL_NONE;
}

static Value pointer_delitem_m(Value *args, int nargs, Value kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    return err_format(&exc_TypeError, "Pointer does not support item deletion");
}

static const MethodDef pointer_methods[] = {
    {"__new__", pointer_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__init__", pointer_init_m, ARGS_ANY, NULL},
    {"__bool__", pointer_bool_m, ARGS_WRAP(0), NULL},
    {"__getitem__", pointer_getitem_m, ARGS_WRAP(1), NULL},
    {"__setitem__", pointer_setitem_m, ARGS_WRAP(2), NULL},
    {"__delitem__", pointer_delitem_m, ARGS_WRAP(1), NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef pointer_getsets[] = {
    {"contents", pointer_contents_get, pointer_set_contents, "the object this pointer points to (read-write)"},
    {NULL, NULL, NULL, NULL},
};

CType ctype_pointer_base = {.type = {
    .tp_name = "_ctypes._Pointer", .base = &type_cdata, .flags = TF_BASETYPE, .methods = pointer_methods,
    .getsets = pointer_getsets,
}};
