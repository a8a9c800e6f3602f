/* ctypes_array.c - Array and its metaclass PyCArrayType: `c_int * 5`.
 *
 * An array class names its item type and length (`_type_`, `_length_`);
 * `T * n` makes one (named "T_Array_n") and caches it, so c_int * 5 is
 * always the same class.  Items are read like fields: a simple item as its
 * Python value, anything else as an instance over the array's memory.
 * Arrays of c_char and c_wchar are strings too: `value` (up to the first
 * NUL) and, for c_char, `raw`; their slices are bytes / str.
 *
 * As an argument an array is passed as a pointer to its first item; inside a
 * structure passed by value its libffi type is a structure of its items (as
 * many as classify a small aggregate; a larger one is passed in memory
 * anyway and gets one).
 */
#include <stdlib.h>
#include <string.h>

#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "ctypes.h"

static Value array_cache = VAL_NULL;    /* (itemtype, length) -> array class */

/* ---- the metaclass ---------------------------------------------------------------------- */

/* ---- char and wchar_t arrays as strings ----------------------------------------------- */

static Value array_char_value_get(Value self) {
    return codec_find('s')->get(CDATA(self)->ptr, CDATA(self)->size, 0);
}

static int array_char_value_set(Value self, Value v) {
    if (IS_NULL(v)) { err_format(&exc_TypeError, "can't delete attribute"); return -1; }
    if (!IS_BYTES(v)) { err_format(&exc_TypeError, "bytes expected instead of %s instance", val_type_name(v)); return -1; }
    int64_t n = BYTES_LEN(v);
    if (n > CDATA(self)->size) { err_format(&exc_ValueError, "byte string too long"); return -1; }
    memcpy(CDATA(self)->ptr, BYTES_DATA(v), (size_t)n);
    if (n < CDATA(self)->size) CDATA(self)->ptr[n] = 0;
    return 0;
}

static Value array_char_raw_get(Value self) { return bytes_new(CDATA(self)->ptr, (size_t)CDATA(self)->size); }

static int array_char_raw_set(Value self, Value v) {
    if (IS_NULL(v)) { err_format(&exc_TypeError, "can't delete attribute"); return -1; }
    const uint8_t *d;
    int64_t n;
    if (bytes_view(v, &d, &n) < 0) return -1;
    if (n > CDATA(self)->size) { err_format(&exc_ValueError, "byte string too long"); return -1; }
    memcpy(CDATA(self)->ptr, d, (size_t)n);
    return 0;
}

static Value array_wchar_value_get(Value self) {
    return codec_find('U')->get(CDATA(self)->ptr, CDATA(self)->size, 0);
}

static int array_wchar_value_set(Value self, Value v) {
    if (IS_NULL(v)) { err_format(&exc_TypeError, "can't delete attribute"); return -1; }
    if (!IS_STR(v)) { err_format(&exc_TypeError, "unicode string expected instead of %s instance", val_type_name(v)); return -1; }
    if (AS_STR(v)->nchars > CDATA(self)->length) { err_format(&exc_ValueError, "string too long"); return -1; }
    return IS_NULL(codec_find('U')->set(CDATA(self)->ptr, v, CDATA(self)->size, 0)) ? -1 : 0;
}

static const GetSetDef array_char_getsets[] = {
    {"raw", array_char_raw_get, array_char_raw_set, "value"},
    {"value", array_char_value_get, array_char_value_set, "string value"},
    {NULL, NULL, NULL, NULL},
};

static const GetSetDef array_wchar_getsets[] = {
    {"value", array_wchar_value_get, array_wchar_value_set, "string value"},
    {NULL, NULL, NULL, NULL},
};

static int array_add_getsets(Value cls, const GetSetDef *defs) {
    for (const GetSetDef *g = defs; g->name; g++) {
        Value d = getset_descr_new(AS_TYPE(cls), g);
        if (IS_NULL(d) || type_setattr(cls, str_intern_c(g->name), d) < 0) return -1;
    }
    return 0;
}

static int array_ffi(CType *t, CType *item, int64_t length) {
    int64_t n = t->size <= 32 && length ? length : 1;
    ffi_type **el = calloc((size_t)n + 1, sizeof(ffi_type *));
    if (!el) { err_no_memory(); return -1; }
    for (int64_t i = 0; i < n; i++) el[i] = &item->ffi;
    t->elements = el;
    t->ffi.type = FFI_TYPE_STRUCT;
    t->ffi.elements = el;
    t->ffi.size = (size_t)t->size;
    t->ffi.alignment = (unsigned short)(item->align ? item->align : 1);
    return 0;
}

static int array_shape(CType *t, CType *item, int64_t length) {
    int nd = item->kind == CK_ARRAY ? item->ndim + 1 : 1;
    t->shape = malloc((size_t)nd * sizeof(int64_t));
    if (!t->shape) { err_no_memory(); return -1; }
    t->shape[0] = length;
    if (nd > 1) memcpy(t->shape + 1, item->shape, (size_t)(nd - 1) * sizeof(int64_t));
    t->ndim = nd;
    return 0;
}

static int array_setup(Value cls) {
    CType *t = (CType *)AS_OBJ(cls);
    Value len = obj_getattr_opt(cls, str_intern_c("_length_"));
    if (IS_NULL(len)) {
        if (!err_occurred()) err_format(&exc_AttributeError, "class must define a '_length_' attribute");
        return -1;
    }
    if (!IS_INT(len)) { err_format(&exc_TypeError, "The '_length_' attribute must be an integer"); return -1; }
    int64_t length;
    if (int_to_i64(len, &length) < 0) {
        err_clear();
        err_format(&exc_OverflowError, "The '_length_' attribute is too large");
        return -1;
    }
    Value proto = obj_getattr_opt(cls, str_intern_c("_type_"));
    if (IS_NULL(proto)) {
        if (!err_occurred()) err_format(&exc_AttributeError, "class must define a '_type_' attribute");
        return -1;
    }
    CType *item = ctype_info(proto);
    if (!item) { err_format(&exc_TypeError, "_type_ must have storage info"); return -1; }
    if (length < 0) { err_format(&exc_ValueError, "The '_length_' attribute must not be negative"); return -1; }
    if (item->size && length > INT64_MAX / item->size) { err_format(&exc_OverflowError, "array too large"); return -1; }
    t->kind = CK_ARRAY;
    t->size = item->size * length;
    t->align = item->align;
    t->length = length;
    t->proto = proto;
    if (item->flags & (CTF_POINTER | CTF_HASPOINTER)) t->flags |= CTF_HASPOINTER;
    if (array_ffi(t, item, length) < 0 || array_shape(t, item, length) < 0) return -1;
    if (item->format) t->format = strdup(item->format);
    char code = item->kind == CK_SIMPLE ? item->codec->code : 0;
    if (code == 'c') return array_add_getsets(cls, array_char_getsets);
    if (code == 'u') return array_add_getsets(cls, array_wchar_getsets);
    return 0;
}

static Value array_meta_new_m(Value *args, int nargs, Value kwnames) {
    if (nargs != 4) return err_format(&exc_TypeError, "type.__new__() takes exactly 3 arguments (%d given)", nargs - 1);
    Value kw = VAL_NULL;
    if (!IS_NULL(kwnames)) {
        Value vals = tuple_from_array(args + nargs, AS_TUPLE(kwnames)->len);
        if (IS_NULL(vals) || IS_NULL(kw = tuple_pack(2, kwnames, vals))) return VAL_NULL;
    }
    Value cls = type_new_class(AS_TYPE(args[0]), args[1], args[2], args[3], kw);
    if (IS_NULL(cls) || array_setup(cls) < 0) return VAL_NULL;
    return cls;
}

Value array_type_for(Value itemtype, int64_t length) {
    if (!IS_TYPE(itemtype)) return err_format(&exc_TypeError, "Expected a type object");
    if (IS_NULL(array_cache)) {
        array_cache = dict_new();
        if (IS_NULL(array_cache)) return VAL_NULL;
        gc_add_root(&array_cache);
    }
    Value key = tuple_pack(2, itemtype, int_from_i64(length));
    if (IS_NULL(key)) return VAL_NULL;
    Value found = dict_get(array_cache, key);
    if (!IS_NULL(found)) return found;
    if (err_occurred()) return VAL_NULL;
    Value name = str_format_c("%s_Array_%ld", type_name(AS_TYPE(itemtype)), (long)length);
    Value ns = IS_NULL(name) ? VAL_NULL : dict_new();
    if (IS_NULL(ns) || dict_set_c(ns, "_length_", int_from_i64(length)) < 0 || dict_set_c(ns, "_type_", itemtype) < 0)
        return VAL_NULL;
    Value bases = tuple_pack(1, MK_OBJ(&ctype_array_base.type));
    Value cls = IS_NULL(bases) ? VAL_NULL : call3(MK_OBJ(&meta_array), name, bases, ns);
    if (IS_NULL(cls) || dict_set(array_cache, key, cls) < 0) return VAL_NULL;
    return cls;
}

static const MethodDef meta_array_methods[] = {
    {"__new__", array_meta_new_m, METH_STATIC, NULL},
    {"from_param", ctype_generic_from_param_m, ARGS_ONE, "Convert a Python object into a function call parameter."},
    {NULL, NULL, 0, NULL},
};

Type meta_array = {
    .tp_name = "_ctypes.PyCArrayType", .base = &type_type, .basicsize = sizeof(CType),
    .flags = TF_BASETYPE | TF_WEAKREFABLE, .trace = ctype_trace, .finalize = ctype_finalize, .methods = meta_array_methods,
};

/* ---- items ---------------------------------------------------------------------------------- */

static CType *array_info(Value self) {
    CType *t = ctype_of(self);
    if (!t) err_format(&exc_TypeError, "abstract class");
    return t;
}

static int64_t array_itemsize(CType *t) { return t->length ? t->size / t->length : 0; }

static Value array_item(Value self, int64_t i) {
    CType *t = array_info(self);
    if (!t) return VAL_NULL;
    if (i < 0 || i >= CDATA(self)->length) return err_format(&exc_IndexError, "invalid index");
    int64_t sz = array_itemsize(t);
    return cdata_get(t->proto, NULL, self, i, sz, CDATA(self)->ptr + i * sz, 0);
}

static int array_set_item(Value self, int64_t i, Value v) {
    CType *t = array_info(self);
    if (!t) return -1;
    if (i < 0 || i >= CDATA(self)->length) { err_format(&exc_IndexError, "invalid index"); return -1; }
    int64_t sz = array_itemsize(t);
    return cdata_set(self, t->proto, NULL, v, i, sz, CDATA(self)->ptr + i * sz, 0);
}

/* Items start, start+step, ... (n of them) as bytes, str or a list. */
Value ctypes_items_slice(Value self, CType *itemtype_info, Value proto, uint8_t *base, int64_t start,
                         int64_t step, int64_t n) {
    char code = itemtype_info && itemtype_info->kind == CK_SIMPLE ? itemtype_info->codec->code : 0;
    if (code == 'c') {
        Bytes *b = bytes_alloc((size_t)n);
        if (!b) return VAL_NULL;
        for (int64_t k = 0; k < n; k++) b->data[k] = base[start + k * step];
        return MK_OBJ(b);
    }
    if (code == 'u') {
        wchar_t *w = gc_sys_malloc((size_t)(n ? n : 1) * sizeof(wchar_t));
        if (!w) return err_no_memory();
        for (int64_t k = 0; k < n; k++) memcpy(&w[k], base + (start + k * step) * (int64_t)sizeof(wchar_t), sizeof(wchar_t));
        Value r = codec_find('U')->get(w, n * (int64_t)sizeof(wchar_t), 0);
        free(w);
        return r;
    }
    Value list = list_new(n);
    if (IS_NULL(list)) return VAL_NULL;
    int64_t sz = itemtype_info ? itemtype_info->size : 0;
    for (int64_t k = 0; k < n; k++) {
        int64_t i = start + k * step;
        Value v = cdata_get(proto, NULL, self, i, sz, base + i * sz, 0);
        if (IS_NULL(v) || list_append(list, v) < 0) return VAL_NULL;
    }
    return list;
}

static Value array_getitem_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    Value self = args[0], key = args[1];
    CType *t = array_info(self);
    if (!t) return VAL_NULL;
    if (IS_EXACT(key, type_slice)) {
        int64_t start, stop, step;
        int64_t n = slice_indices(key, CDATA(self)->length, &start, &stop, &step);
        if (n < 0) return VAL_NULL;
        return ctypes_items_slice(self, ctype_info(t->proto), t->proto, CDATA(self)->ptr, start, step, n);
    }
    int64_t i;
    if (!IS_INT(key) && IS_NULL(obj_lookup_special(key, "__index__"))) {
        if (err_occurred()) return VAL_NULL;
        return err_format(&exc_TypeError, "indices must be integers");
    }
    if (obj_index_i64(key, &i) < 0) return VAL_NULL;
    if (i < 0) i += CDATA(self)->length;
    return array_item(self, i);
}

static Value array_setitem_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    Value self = args[0], key = args[1], v = args[2];
    CType *t = array_info(self);
    if (!t) return VAL_NULL;
    if (IS_EXACT(key, type_slice)) {
        int64_t start, stop, step;
        int64_t n = slice_indices(key, CDATA(self)->length, &start, &stop, &step);
        if (n < 0) return VAL_NULL;
        int64_t other = obj_len(v);
        if (other < 0) return VAL_NULL;
        if (other != n) return err_format(&exc_ValueError, "Can only assign sequence of same size");
        for (int64_t k = 0; k < n; k++) {
            Value item = obj_getitem(v, int_from_i64(k));
            if (IS_NULL(item) || array_set_item(self, start + k * step, item) < 0) return VAL_NULL;
        }
        return VAL_NONE;
    }
    if (!IS_INT(key) && IS_NULL(obj_lookup_special(key, "__index__"))) {
        if (err_occurred()) return VAL_NULL;
        return err_format(&exc_TypeError, "indices must be integer");
    }
    int64_t i;
    if (obj_index_i64(key, &i) < 0) return VAL_NULL;
    if (i < 0) i += CDATA(self)->length;
    return array_set_item(self, i, v) < 0 ? VAL_NULL : VAL_NONE;
}

static Value array_delitem_m(Value *args, int nargs, Value kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    return err_format(&exc_TypeError, "Array does not support item deletion");
}

static Value array_len_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    return int_from_i64(CDATA(args[0])->length);
}

static Value array_new_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    return cdata_new_owned(args[0]);
}

static Value array_init_m(Value *args, int nargs, Value kwnames) {
    if (!IS_NULL(kwnames) && AS_TUPLE(kwnames)->len) {
        for (int64_t k = 0; k < AS_TUPLE(kwnames)->len; k++)
            if (obj_setattr(args[0], AS_TUPLE(kwnames)->items[k], args[nargs + k]) < 0) return VAL_NULL;
    }
    for (int i = 1; i < nargs; i++)
        if (array_set_item(args[0], i - 1, args[i]) < 0) return VAL_NULL;
    return VAL_NONE;
}

static Value array_class_getitem_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    Value ga = obj_getattr_c(interp.vm.import("types"), "GenericAlias");
    return IS_NULL(ga) ? VAL_NULL : call2(ga, args[0], args[1]);
}

static const MethodDef array_methods[] = {
    {"__new__", array_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__init__", array_init_m, ARGS_ANY, NULL},
    {"__len__", array_len_m, ARGS_WRAP(0), NULL},
    {"__getitem__", array_getitem_m, ARGS_WRAP(1), NULL},
    {"__setitem__", array_setitem_m, ARGS_WRAP(2), NULL},
    {"__delitem__", array_delitem_m, ARGS_WRAP(1), NULL},
    {"__class_getitem__", array_class_getitem_m, METH_CLASS | ARGS_ONE, NULL},
    {NULL, NULL, 0, NULL},
};

CType ctype_array_base = {.type = {
    .tp_name = "_ctypes.Array", .base = &type_cdata, .flags = TF_BASETYPE, .methods = array_methods,
}};

