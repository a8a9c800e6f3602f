/* ctypes_struct.c - Structure and Union: their metaclasses (PyCStructType,
 * UnionType), the field descriptors (CField) and the layout of _fields_.
 *
 * Assigning `_fields_` (in the class body or later, through the metaclass's
 * __setattr__) lays the class out once: each (name, type[, bits]) pair
 * becomes a CField descriptor on the class, at the offset C would give it
 * with the native alignment or `_pack_`, bit fields packed into units the
 * way GCC packs them (CPython's rules: a bit field continues the open unit
 * when it fits, may widen it to a larger type, else opens a new one).  A
 * subclass's fields follow its base's.  Once the class was instantiated or
 * used as a field type its layout is final ("_fields_ is final").
 * `_anonymous_` fields publish the fields of their type on the outer class,
 * with offsets added.  `_swappedbytes_` (BigEndianStructure) numbers bit
 * fields from the other end of the unit; the fields' types are already the
 * swapped simple types.
 *
 * A field reads a simple value as a Python value (c_int -> int) and anything
 * else as an instance sharing the structure's memory; an array of c_char or
 * c_wchar reads as bytes / str ('s' and 'U' codecs).
 */
#include <stdlib.h>
#include <string.h>

#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "ctypes.h"

typedef struct CField {
    Obj header;
    int64_t offset, size, index;   /* size: bytes, or (bits << 16) | first bit */
    Value proto;                   /* the field's type */
    const Codec *codec;            /* 's'/'U' for char arrays, else NULL (the type's own) */
    int anonymous;
} CField;
#define CFIELD(v) ((CField *)AS_OBJ(v))

/* ---- CField ---------------------------------------------------------------------------- */

static void field_trace(Obj *o) { gc_mark_value(((CField *)o)->proto); }

static Value field_new(Value proto) {
    CField *f = (CField *)gc_alloc(&type_cfield, sizeof(CField));
    if (!f) return VAL_NULL;
    f->proto = proto;
    return MK_OBJ(f);
}

static Value field_descr_get(Value descr, Value obj, Value type) {
    (void)type;
    if (IS_NULL(obj) || IS_NONE(obj)) return descr;
    if (!cdata_check(obj)) return err_format(&exc_TypeError, "not a ctype instance");
    CField *f = CFIELD(descr);
    return cdata_get(f->proto, f->codec, obj, f->index, f->size, CDATA(obj)->ptr + f->offset, 0);
}

static Value field_get_m(Value *args, int nargs, Value kwnames) {
    (void)kwnames;
    Value obj = args[1];
    Value type = nargs > 2 ? args[2] : VAL_NULL;
    if (IS_NONE(obj) && (IS_NULL(type) || IS_NONE(type)))
        return err_format(&exc_TypeError, "__get__(None, None) is invalid");
    return field_descr_get(args[0], IS_NONE(obj) ? VAL_NULL : obj, type);
}

static Value field_set_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    CField *f = CFIELD(args[0]);
    Value obj = args[1];
    if (!cdata_check(obj)) return err_format(&exc_TypeError, "not a ctype instance");
    if (cdata_set(obj, f->proto, f->codec, args[2], f->index, f->size, CDATA(obj)->ptr + f->offset, 0) < 0)
        return VAL_NULL;
    return VAL_NONE;
}

static Value field_delete_m(Value *args, int nargs, Value kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    return err_format(&exc_TypeError, "can't delete attribute");
}

static Value field_repr_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    CField *f = CFIELD(args[0]);
    const char *name = IS_TYPE(f->proto) ? type_name(AS_TYPE(f->proto)) : "?";
    if (BITS_NUM(f->size))
        return str_format_c("<Field type=%s, ofs=%zd:%zd, bits=%zd>", name, (ssize_t)f->offset,
                            (ssize_t)BITS_OFS(f->size), (ssize_t)BITS_NUM(f->size));
    return str_format_c("<Field type=%s, ofs=%zd, size=%zd>", name, (ssize_t)f->offset, (ssize_t)f->size);
}

static Value field_offset_get(Value self) { return int_from_i64(CFIELD(self)->offset); }
static Value field_size_get(Value self) { return int_from_i64(CFIELD(self)->size); }

static const MethodDef field_methods[] = {
    {"__get__", field_get_m, ARGS_WRAPT(1, 2), NULL},
    {"__set__", field_set_m, ARGS_WRAP(2), NULL},
    {"__delete__", field_delete_m, ARGS_WRAP(1), NULL},
    {"__repr__", field_repr_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef field_getsets[] = {
    {"offset", field_offset_get, getset_readonly, "offset in bytes of this field"},
    {"size", field_size_get, getset_readonly, "size in bytes of this field"},
    {NULL, NULL, NULL, NULL},
};

Type type_cfield = {
    .tp_name = "_ctypes.CField", .base = &type_object, .basicsize = sizeof(CField),
    .trace = field_trace, .methods = field_methods, .getsets = field_getsets, .get = field_descr_get,
};

/* ---- laying out _fields_ ---------------------------------------------------------------- */

typedef struct Layout {
    int64_t size, offset, align, total_align, union_size;
    int64_t field_size, bitofs;     /* the open bit field unit: its bits, the next free bit */
    int64_t pack;
    int big_endian, is_struct;
} Layout;

enum { NO_BITFIELD, NEW_BITFIELD, CONT_BITFIELD, EXPAND_BITFIELD };

/* Where one field goes (CPython's PyCField_FromDesc, GCC rules). */
static void struct_place(Layout *L, CField *f, const CType *ft, int64_t bits) {
    int64_t unit = ft->size * 8, kind;
    if (bits && L->field_size && unit <= L->field_size && L->bitofs + bits <= L->field_size)
        kind = CONT_BITFIELD;
    else if (bits && L->field_size && unit >= L->field_size && L->bitofs + bits <= unit)
        kind = EXPAND_BITFIELD;
    else if (bits) {
        kind = NEW_BITFIELD;
        L->bitofs = 0;
        L->field_size = unit;
    } else {
        kind = NO_BITFIELD;
        L->bitofs = 0;
        L->field_size = 0;
    }
    int64_t bitpos = L->big_endian ? L->field_size - L->bitofs - bits : L->bitofs;
    switch (kind) {
    case NEW_BITFIELD:
    case NO_BITFIELD: {
        int64_t align = L->pack ? (L->pack < ft->align ? L->pack : ft->align) : ft->align;
        if (kind == NEW_BITFIELD) {
            f->size = (bits << 16) + (L->big_endian ? L->field_size - bits : 0);
            L->bitofs = bits;
        } else {
            f->size = ft->size;
        }
        if (align && L->offset % align) {
            int64_t delta = align - L->offset % align;
            L->size += delta;
            L->offset += delta;
        }
        L->size += ft->size;
        f->offset = L->offset;
        L->offset += ft->size;
        L->align = align;
        break;
    }
    case EXPAND_BITFIELD:
        L->offset += ft->size - L->field_size / 8;
        L->size += ft->size - L->field_size / 8;
        L->field_size = unit;
        bitpos = L->big_endian ? L->field_size - L->bitofs - bits : L->bitofs;
        f->size = (bits << 16) + bitpos;
        f->offset = L->offset - ft->size;
        L->bitofs += bits;
        break;
    case CONT_BITFIELD:
        f->size = (bits << 16) + bitpos;
        f->offset = L->offset - ft->size;
        L->bitofs += bits;
        break;
    }
}

static int struct_bits_allowed(const CType *ft) {
    return ft->kind == CK_SIMPLE && strchr("bBhHiIlLqQ?c", ft->codec->code) &&
           ft->ffi.type != FFI_TYPE_FLOAT && ft->ffi.type != FFI_TYPE_DOUBLE;
}

/* One (name, type[, bits]) pair: its CField, set on cls. */
static int struct_add_field(Value cls, CType *t, Layout *L, Value pair, int64_t i) {
    if (!IS_TUPLE(pair) || AS_TUPLE(pair)->len < 2 || AS_TUPLE(pair)->len > 3 || !IS_STR(AS_TUPLE(pair)->items[0])) {
        err_format(&exc_TypeError, "'_fields_' must be a sequence of (name, C type) pairs");
        return -1;
    }
    Value name = AS_TUPLE(pair)->items[0], desc = AS_TUPLE(pair)->items[1];
    int64_t bits = 0;
    if (AS_TUPLE(pair)->len == 3) {
        int b;
        if (arg_to_cint(AS_TUPLE(pair)->items[2], &b) < 0) return -1;
        bits = b;
    }
    if (desc == cls) {
        err_format(&exc_AttributeError, "Structure or union cannot contain itself");
        return -1;
    }
    CType *ft = ctype_info(desc);
    if (!ft) {
        err_format(&exc_TypeError, "second item in _fields_ tuple (index %zd) must be a C type", (ssize_t)i);
        return -1;
    }
    if (ft->flags & (CTF_POINTER | CTF_HASPOINTER)) t->flags |= CTF_HASPOINTER;
    t->flags |= ft->flags & (CTF_HASUNION | CTF_HASBITFIELD);
    ft->flags |= CTF_FINAL;
    if (AS_TUPLE(pair)->len == 3) {
        t->flags |= CTF_HASBITFIELD;
        if (!struct_bits_allowed(ft)) {
            err_format(&exc_TypeError, "bit fields not allowed for type %s", type_name(AS_TYPE(desc)));
            return -1;
        }
        if (bits <= 0 || bits > ft->size * 8) {
            err_format(&exc_ValueError, "number of bits invalid for bit field");
            return -1;
        }
    }
    Value fv = field_new(desc);
    if (IS_NULL(fv)) return -1;
    CField *f = CFIELD(fv);
    f->index = i;
    if (ft->kind == CK_ARRAY) {
        CType *item = ctype_info(ft->proto);
        if (item && item->codec && item->codec->code == 'c') f->codec = codec_find('s');
        if (item && item->codec && item->codec->code == 'u') f->codec = codec_find('U');
    }
    if (!L->is_struct) L->size = L->offset = 0, L->align = 0;
    struct_place(L, f, ft, bits);
    if (!L->is_struct && L->size > L->union_size) L->union_size = L->size;
    if (L->align > L->total_align) L->total_align = L->align;
    return type_setattr(cls, name, fv);
}

/* _pack_ and _swappedbytes_ of the class being laid out. */
static int struct_options(Value cls, Layout *L) {
    Value sw = obj_getattr_opt(cls, str_intern_c("_swappedbytes_"));
    if (IS_NULL(sw) && err_occurred()) return -1;
    L->big_endian = !IS_NULL(sw);
    Value pack = obj_getattr_opt(cls, str_intern_c("_pack_"));
    if (IS_NULL(pack) && err_occurred()) return -1;
    L->pack = 0;
    if (!IS_NULL(pack)) {
        int p;
        if (!IS_INT(pack) || arg_to_cint(pack, &p) < 0 || p < 0) {
            err_clear();
            err_format(&exc_ValueError, "_pack_ must be a non-negative integer");
            return -1;
        }
        L->pack = p;
    }
    return 0;
}

/* The fields of the anonymous field `descr` (of type proto), published on cls. */
static int struct_make_fields(Value cls, CField *descr, int64_t index, int64_t offset) {
    Value fields = obj_getattr_c(descr->proto, "_fields_");
    Value list = IS_NULL(fields) ? VAL_NULL : seq_to_list(fields);
    if (IS_NULL(list)) return -1;
    for (int64_t i = 0; i < AS_LIST(list)->len; i++) {
        Value pair = AS_LIST(list)->items[i];
        if (!IS_TUPLE(pair) || AS_TUPLE(pair)->len < 2) {
            err_format(&exc_TypeError, "'_fields_' must be a sequence of (name, C type) pairs");
            return -1;
        }
        Value fname = AS_TUPLE(pair)->items[0];
        Value fd = obj_getattr(descr->proto, fname);
        if (IS_NULL(fd)) return -1;
        if (!IS_EXACT(fd, type_cfield)) { err_format(&exc_TypeError, "unexpected type"); return -1; }
        CField *src = CFIELD(fd);
        if (src->anonymous) {
            if (struct_make_fields(cls, src, index + src->index, offset + src->offset) < 0) return -1;
            continue;
        }
        Value nv = field_new(src->proto);
        if (IS_NULL(nv)) return -1;
        CField *n = CFIELD(nv);
        n->size = src->size;
        n->offset = src->offset + offset;
        n->index = index + src->index;
        n->codec = src->codec;
        if (type_setattr(cls, fname, nv) < 0) return -1;
    }
    return 0;
}

static int struct_anonymous(Value cls) {
    Value anon = obj_getattr_opt(cls, str_intern_c("_anonymous_"));
    if (IS_NULL(anon)) return err_occurred() ? -1 : 0;
    Value names = seq_to_list(anon);
    if (IS_NULL(names)) {
        err_clear();
        err_format(&exc_TypeError, "_anonymous_ must be a sequence");
        return -1;
    }
    for (int64_t i = 0; i < AS_LIST(names)->len; i++) {
        Value fname = AS_LIST(names)->items[i];
        Value d = obj_getattr(cls, fname);
        if (IS_NULL(d)) return -1;
        if (!IS_EXACT(d, type_cfield)) {
            err_format(&exc_AttributeError, "'%U' is specified in _anonymous_ but not in _fields_", fname);
            return -1;
        }
        CFIELD(d)->anonymous = 1;
        if (struct_make_fields(cls, CFIELD(d), CFIELD(d)->index, CFIELD(d)->offset) < 0) return -1;
    }
    return 0;
}

static int struct_ffi_elements(CType *t, CType *base, Value list) {
    int64_t nbase = 0;
    if (base && base->elements)
        while (base->elements[nbase]) nbase++;
    int64_t n = AS_LIST(list)->len;
    ffi_type **el = calloc((size_t)(nbase + n + 1), sizeof(ffi_type *));
    if (!el) { err_no_memory(); return -1; }
    if (nbase) memcpy(el, base->elements, (size_t)nbase * sizeof(ffi_type *));
    for (int64_t i = 0; i < n; i++) el[nbase + i] = &ctype_info(AS_TUPLE(AS_LIST(list)->items[i])->items[1])->ffi;
    free(t->elements);
    t->elements = el;
    t->ffi.elements = el;
    t->ffi.type = FFI_TYPE_STRUCT;
    return 0;
}

int struct_set_fields(Value cls, Value fields) {
    CType *t = (CType *)AS_OBJ(cls);
    int is_struct = ctype_is_kind(cls, CK_STRUCT);
    Layout L = {.is_struct = is_struct, .total_align = 1};
    if (struct_options(cls, &L) < 0) return -1;
    Value list = seq_to_list(fields);
    if (IS_NULL(list)) {
        err_clear();
        err_format(&exc_TypeError, "'_fields_' must be a sequence of pairs");
        return -1;
    }
    if (t->kind != CK_NONE && (t->flags & CTF_FINAL)) {
        err_format(&exc_AttributeError, "_fields_ is final");
        return -1;
    }
    CType *base = ctype_info(MK_OBJ(t->type.base));
    t->kind = is_struct ? CK_STRUCT : CK_UNION;
    t->flags = base ? base->flags & (CTF_HASUNION | CTF_HASBITFIELD | CTF_HASPOINTER) : 0;
    if (!is_struct) t->flags |= CTF_HASUNION;
    if (base) {
        L.size = L.offset = base->size;
        L.align = base->align;
        L.total_align = base->align ? base->align : 1;
    }
    for (int64_t i = 0; i < AS_LIST(list)->len; i++)
        if (struct_add_field(cls, t, &L, AS_LIST(list)->items[i], i) < 0) return -1;
    if (!is_struct) L.size = L.union_size;
    L.size = (L.size + L.total_align - 1) / L.total_align * L.total_align;
    if (struct_ffi_elements(t, base, list) < 0) return -1;
    t->size = L.size;
    t->align = L.total_align;
    t->length = AS_LIST(list)->len;
    t->fields = list;
    t->ffi.size = (size_t)L.size;
    t->ffi.alignment = (unsigned short)L.total_align;
    t->flags |= CTF_FINAL;
    return struct_anonymous(cls);
}

/* ---- the metaclasses ---------------------------------------------------------------------- */

static Value struct_meta_new_m(Value *args, int nargs, Value kwnames) {
    if (nargs != 4) return err_format(&exc_TypeError, "type.__new__() takes exactly 3 arguments (%d given)", nargs - 1);
    Value kw = VAL_NULL;
    if (!IS_NULL(kwnames)) {
        Value vals = tuple_from_array(args + nargs, AS_TUPLE(kwnames)->len);
        if (IS_NULL(vals) || IS_NULL(kw = tuple_pack(2, kwnames, vals))) return VAL_NULL;
    }
    Value cls = type_new_class(AS_TYPE(args[0]), args[1], args[2], args[3], kw);
    if (IS_NULL(cls)) return VAL_NULL;
    if (!IS_NULL(dict_get_c(AS_TYPE(cls)->dict, "_abstract_"))) return cls;
    CType *t = (CType *)AS_OBJ(cls);
    int is_struct = ctype_is_kind(cls, CK_STRUCT);
    Value fields = dict_get_c(AS_TYPE(cls)->dict, "_fields_");
    /* through the metaclass's __setattr__, which BigEndianStructure's overrides */
    if (!IS_NULL(fields)) return obj_setattr(cls, str_intern_c("_fields_"), fields) < 0 ? VAL_NULL : cls;
    CType *base = ctype_info(MK_OBJ(t->type.base));
    if (base) {
        ctype_inherit(t, base);
        base->flags |= CTF_FINAL;
    } else {
        t->kind = is_struct ? CK_STRUCT : CK_UNION;
        t->ffi.type = FFI_TYPE_STRUCT;
        t->elements = calloc(1, sizeof(ffi_type *));
        t->ffi.elements = t->elements;
        t->align = 1;
        t->ffi.alignment = 1;
        if (!is_struct) t->flags |= CTF_HASUNION;
    }
    return cls;
}

static Value struct_meta_setattr_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    if (type_setattr(args[0], args[1], args[2]) < 0) return VAL_NULL;
    if (IS_STR(args[1]) && str_eq_c(args[1], "_fields_") && struct_set_fields(args[0], args[2]) < 0)
        return VAL_NULL;
    return VAL_NONE;
}

static Value struct_meta_delattr_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    return type_setattr(args[0], args[1], VAL_NULL) < 0 ? VAL_NULL : VAL_NONE;
}

/* CPython's CDataType_from_param: the instance, byref() of one, or _as_parameter_. */
Value ctype_generic_from_param(Value cls, Value v) {
    int isinst = obj_isinstance_class(v, AS_TYPE(cls));
    if (isinst) return isinst < 0 ? VAL_NULL : v;
    if (IS_EXACT(v, type_carg)) {
        Value ob = ((CArg *)AS_OBJ(v))->obj;
        CType *t = ctype_info(cls);
        if (t && IS_TYPE(t->proto) && !IS_NULL(ob)) {
            isinst = obj_isinstance_class(ob, AS_TYPE(t->proto));
            if (isinst) return isinst < 0 ? VAL_NULL : v;
        }
        return err_format(&exc_TypeError, "expected %s instance instead of pointer to %s",
                          type_name(AS_TYPE(cls)), IS_NULL(ob) ? "???" : val_type_name(ob));
    }
    Value ap = obj_getattr_opt(v, str_intern_c("_as_parameter_"));
    if (!IS_NULL(ap)) {
        if (obj_enter_recursion(" while processing _as_parameter_") < 0) return VAL_NULL;
        Value r = ctype_generic_from_param(cls, ap);
        obj_leave_recursion();
        return r;
    }
    if (err_occurred()) return VAL_NULL;
    return err_format(&exc_TypeError, "expected %s instance instead of %s", type_name(AS_TYPE(cls)), val_type_name(v));
}

Value ctype_generic_from_param_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    return ctype_generic_from_param(args[0], args[1]);
}

static const MethodDef meta_struct_methods[] = {
    {"__new__", struct_meta_new_m, METH_STATIC, NULL},
    {"__setattr__", struct_meta_setattr_m, ARGS_WRAP(2), NULL},
    {"__delattr__", struct_meta_delattr_m, ARGS_WRAP(1), NULL},
    {"from_param", ctype_generic_from_param_m, ARGS_ONE, "Convert a Python object into a function call parameter."},
    {NULL, NULL, 0, NULL},
};

Type meta_struct = {
    .tp_name = "_ctypes.PyCStructType", .base = &type_type, .basicsize = sizeof(CType),
    .flags = TF_BASETYPE | TF_WEAKREFABLE, .trace = ctype_trace, .finalize = ctype_finalize, .methods = meta_struct_methods,
};

Type meta_union = {
    .tp_name = "_ctypes.UnionType", .base = &type_type, .basicsize = sizeof(CType),
    .flags = TF_BASETYPE | TF_WEAKREFABLE, .trace = ctype_trace, .finalize = ctype_finalize, .methods = meta_struct_methods,
};

/* ---- instances --------------------------------------------------------------------------- */

static Value struct_new_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    return cdata_new_owned(args[0]);
}

/* Assign positional args to the fields of type (its bases' first) from
 * index on: the next index, or -1. */
static int64_t struct_init_pos(Value self, Type *type, Value *args, int64_t nargs, Value kwnames,
                               int64_t index) {
    if (type->base && ctype_info(MK_OBJ(type->base))) {
        index = struct_init_pos(self, type->base, args, nargs, kwnames, index);
        if (index < 0) return -1;
    }
    Value fields = dict_get_c(type->dict, "_fields_");
    if (IS_NULL(fields)) return index;
    CType *t = ctype_info(MK_OBJ(type));
    Value list = seq_to_list(fields);
    if (IS_NULL(list)) return -1;
    int64_t n = t ? t->length : 0;
    for (int64_t i = 0; i < n && i < AS_LIST(list)->len && i + index < nargs; i++) {
        Value pair = AS_LIST(list)->items[i];
        Value name = AS_TUPLE(pair)->items[0];
        for (int64_t k = 0; !IS_NULL(kwnames) && k < AS_TUPLE(kwnames)->len; k++)
            if (str_eq(AS_TUPLE(kwnames)->items[k], name)) {
                err_format(&exc_TypeError, "duplicate values for field %R", name);
                return -1;
            }
        if (obj_setattr(self, name, args[i + index]) < 0) return -1;
    }
    return index + n;
}

static Value struct_init_m(Value *args, int nargs, Value kwnames) {
    Value self = args[0];
    int64_t npos = nargs - 1;
    if (npos) {
        int64_t used = struct_init_pos(self, val_type(self), args + 1, npos, kwnames, 0);
        if (used < 0) return VAL_NULL;
        if (used < npos) return err_format(&exc_TypeError, "too many initializers");
    }
    for (int64_t k = 0; !IS_NULL(kwnames) && k < AS_TUPLE(kwnames)->len; k++)
        if (obj_setattr(self, AS_TUPLE(kwnames)->items[k], args[nargs + k]) < 0) return VAL_NULL;
    return VAL_NONE;
}

static const MethodDef struct_methods[] = {
    {"__new__", struct_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__init__", struct_init_m, ARGS_ANY, NULL},
    {NULL, NULL, 0, NULL},
};

CType ctype_struct_base = {.type = {
    .tp_name = "_ctypes.Structure", .base = &type_cdata, .flags = TF_BASETYPE, .methods = struct_methods,
}};

CType ctype_union_base = {.type = {
    .tp_name = "_ctypes.Union", .base = &type_cdata, .flags = TF_BASETYPE, .methods = struct_methods,
}};
