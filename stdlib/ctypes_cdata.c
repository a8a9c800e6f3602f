/* ctypes_cdata.c - _CData, the base of every ctypes instance, and what every
 * ctypes metaclass shares.
 *
 * An instance is a CData (ctypes.h): a pointer to its C memory and who owns
 * it.  Fresh instances own their memory, inline up to 16 bytes, else a
 * calloc'd block freed by the finalizer.  Instances made over other memory
 * (a field of a structure, an item of an array, from_buffer) own nothing and
 * keep the owner alive through `base`; from_address memory belongs to nobody.
 *
 * Keeping referents alive follows CPython's rules exactly, because tests and
 * programs read `_objects`: the root owner (follow `base` up) holds a dict
 * (or, for a simple type, the one object) under keys naming the position of
 * the stored value: "%x" of its index, then ":%x" of the index of each
 * enclosing object.  So a c_char_p field keeps its bytes, a pointer its
 * target, and from_buffer the memoryview that holds the exporter's memory.
 *
 * The metaclass side: CType trace/finalize and the class methods every ctypes
 * type has (from_address, from_buffer, from_buffer_copy, in_dll, `T * n`).
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_memoryview.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "ctypes.h"

/* ---- the metaclass side ----------------------------------------------------------- */

void ctype_trace(Obj *o) {
    type_type.trace(o);
    CType *t = (CType *)o;
    gc_mark_value(t->proto);
    gc_mark_value(t->fields);
    gc_mark_value(t->argtypes);
    gc_mark_value(t->restype);
    gc_mark_value(t->checker);
}

void ctype_finalize(Obj *o) {
    CType *t = (CType *)o;
    free(t->elements);
    free(t->format);
    free(t->shape);
    t->elements = NULL;
    t->format = NULL;
    t->shape = NULL;
    if (type_type.finalize) type_type.finalize(o);
}

CType *ctype_info(Value cls) {
    if (!IS_TYPE(cls) || val_type(cls)->trace != ctype_trace) return NULL;
    CType *t = (CType *)AS_OBJ(cls);
    return t->kind == CK_NONE ? NULL : t;
}

int ctype_is_kind(Value cls, CKind kind) {
    static Type *const metas[] = {NULL, &meta_simple, &meta_struct, &meta_union, &meta_array,
                                  &meta_pointer, &meta_funcptr};
    return IS_TYPE(cls) && type_is_subtype(val_type(cls), metas[kind]);
}

int cdata_check(Value v) { return IS_OBJ(v) && type_is_subtype(val_type(v), &type_cdata); }

CType *ctype_of(Value v) { return cdata_check(v) ? ctype_info(MK_OBJ(val_type(v))) : NULL; }

void ctype_inherit(CType *t, const CType *base) {
    t->kind = base->kind;
    t->flags = base->flags & ~CTF_FINAL;
    t->size = base->size;
    t->align = base->align;
    t->length = base->length;
    t->ffi = base->ffi;
    t->codec = base->codec;
    t->proto = base->proto;
    t->fields = base->fields;
    t->argtypes = base->argtypes;
    t->restype = base->restype;
    t->checker = base->checker;
    t->funcflags = base->funcflags;
    t->ndim = base->ndim;
    if (base->elements) {
        size_t n = 0;
        while (base->elements[n]) n++;
        t->elements = calloc(n + 1, sizeof(ffi_type *));
        if (t->elements) memcpy(t->elements, base->elements, n * sizeof(ffi_type *));
        t->ffi.elements = t->elements;
    }
    t->format = base->format ? strdup(base->format) : NULL;
    if (base->shape && base->ndim) {
        t->shape = malloc((size_t)base->ndim * sizeof(int64_t));
        if (t->shape) memcpy(t->shape, base->shape, (size_t)base->ndim * sizeof(int64_t));
    }
}

/* ---- instances ---------------------------------------------------------------------- */

static int cdata_alloc_memory(CData *cd, int64_t size) {
    cd->size = size;
    if (size <= (int64_t)sizeof cd->small) {
        cd->ptr = cd->small.b;
        return 0;
    }
    cd->ptr = gc_sys_calloc(1, (size_t)size);
    if (!cd->ptr) { err_no_memory(); return -1; }
    cd->owns = 1;
    return 0;
}

static CData *cdata_alloc(Value cls, CType **info) {
    *info = ctype_info(cls);
    if (!*info) { err_format(&exc_TypeError, "abstract class"); return NULL; }
    (*info)->flags |= CTF_FINAL;
    CData *cd = (CData *)obj_new_instance(AS_TYPE(cls));
    if (!cd) return NULL;
    cd->base = cd->objects = VAL_NULL;
    cd->length = (*info)->length;
    return cd;
}

Value cdata_new_owned(Value cls) {
    CType *info;
    CData *cd = cdata_alloc(cls, &info);
    if (!cd || cdata_alloc_memory(cd, info->size) < 0) return VAL_NULL;
    return MK_OBJ(cd);
}

Value cdata_new_at(Value cls, Value base, int64_t index, void *ptr) {
    CType *info;
    if (!IS_NULL(base) && !cdata_check(base)) return err_format(&exc_TypeError, "expected a ctypes type");
    CData *cd = cdata_alloc(cls, &info);
    if (!cd) return VAL_NULL;
    cd->ptr = ptr;
    cd->size = info->size;
    cd->base = base;
    cd->index = index;
    return MK_OBJ(cd);
}

Value cdata_new_copy(Value cls, const void *ptr) {
    Value v = cdata_new_owned(cls);
    if (!IS_NULL(v) && CDATA(v)->size) memcpy(CDATA(v)->ptr, ptr, (size_t)CDATA(v)->size);
    return v;
}

static void cdata_trace(Obj *o) {
    CData *cd = (CData *)o;
    gc_mark_value(cd->base);
    gc_mark_value(cd->objects);
}

static void cdata_finalize(Obj *o) {
    CData *cd = (CData *)o;
    if (cd->owns) free(cd->ptr);
    cd->owns = 0;
    cd->ptr = NULL;
}

int cdata_resize(Value v, int64_t size) {
    CData *cd = CDATA(v);
    if (cd->ptr == cd->small.b) {
        if (size <= (int64_t)sizeof cd->small) { cd->size = size; return 0; }
        uint8_t *p = gc_sys_calloc(1, (size_t)size);
        if (!p) { err_no_memory(); return -1; }
        memcpy(p, cd->small.b, (size_t)cd->size);
        cd->ptr = p;
        cd->owns = 1;
    } else {
        uint8_t *p = gc_sys_realloc(cd->ptr, (size_t)size);
        if (!p) { err_no_memory(); return -1; }
        if (size > cd->size) memset(p + cd->size, 0, (size_t)(size - cd->size));
        cd->ptr = p;
    }
    cd->size = size;
    return 0;
}

/* ---- keeping referents alive -------------------------------------------------------- */

CData *cdata_container(Value target) {
    CData *cd = CDATA(target);
    while (!IS_NULL(cd->base)) cd = CDATA(cd->base);
    if (IS_NULL(cd->objects)) {
        if (cd->length) {
            Value d = dict_new();
            if (IS_NULL(d)) return NULL;
            cd->objects = d;
        } else {
            cd->objects = VAL_NONE;
        }
    }
    return cd;
}

Value cdata_kept(Value target) {
    CData *c = cdata_container(target);
    return c ? c->objects : VAL_NULL;
}

static Value cdata_unique_key(Value target, int64_t index) {
    char buf[256];
    int n = snprintf(buf, sizeof buf, "%x", (unsigned)(int)index);
    for (CData *cd = CDATA(target); !IS_NULL(cd->base) && n < (int)sizeof buf - 20; cd = CDATA(cd->base))
        n += snprintf(buf + n, sizeof buf - (size_t)n, ":%x", (unsigned)(int)cd->index);
    return str_new(buf, (size_t)n);
}

int cdata_keepref(Value target, int64_t index, Value keep) {
    if (IS_NONE(keep)) return 0;
    CData *ob = cdata_container(target);
    if (!ob) return -1;
    if (!IS_EXACT(ob->objects, type_dict)) {
        ob->objects = keep;
        return 0;
    }
    Value key = cdata_unique_key(target, index);
    return IS_NULL(key) ? -1 : dict_set(ob->objects, key, keep);
}

/* ---- storing and loading typed values ------------------------------------------------ */

static Value cdata_set_value(Value cls, const Codec *codec, Value v, int64_t size, void *ptr, int swapped) {
    if (codec) return codec->set(ptr, v, size, swapped);
    CType *info = ctype_info(cls);
    if (!cdata_check(v)) {
        if (info && info->codec) return info->codec->set(ptr, v, size, (info->flags & CTF_SWAPPED) != 0);
        if (IS_TUPLE(v)) {
            Value ob = call_tuple_dict(cls, v, VAL_NULL);
            if (IS_NULL(ob)) {
                Value exc = err_fetch();
                Value msg = obj_str(exc);
                if (IS_NULL(msg)) return VAL_NULL;
                return err_format(&exc_RuntimeError, "(%s) %s: %U", type_name(AS_TYPE(cls)),
                                  val_type_name(exc), msg);
            }
            return cdata_set_value(cls, NULL, ob, size, ptr, swapped);
        }
        if (IS_NONE(v) && ctype_is_kind(cls, CK_POINTER)) {
            memset(ptr, 0, sizeof(void *));
            return VAL_NONE;
        }
        return err_format(&exc_TypeError, "expected %s instance, got %s", type_name(AS_TYPE(cls)), val_type_name(v));
    }
    int isinst = obj_isinstance_class(v, AS_TYPE(cls));
    if (isinst < 0) return VAL_NULL;
    if (isinst) {
        memmove(ptr, CDATA(v)->ptr, (size_t)size);
        return cdata_kept(v);
    }
    CType *vinfo = ctype_of(v);
    if (ctype_is_kind(cls, CK_POINTER) && vinfo && vinfo->kind == CK_ARRAY && info) {
        if (vinfo->proto != info->proto)
            return err_format(&exc_TypeError, "incompatible types, %s instance instead of %s instance",
                              val_type_name(v), type_name(AS_TYPE(cls)));
        void *p = CDATA(v)->ptr;
        memcpy(ptr, &p, sizeof p);
        Value keep = cdata_kept(v);
        return IS_NULL(keep) ? VAL_NULL : tuple_pack(2, keep, v);
    }
    return err_format(&exc_TypeError, "incompatible types, %s instance instead of %s instance",
                      val_type_name(v), type_name(AS_TYPE(cls)));
}

int cdata_set(Value dst, Value cls, const Codec *codec, Value v, int64_t index, int64_t size, void *ptr,
              int swapped) {
    Value keep = cdata_set_value(cls, codec, v, size, ptr, swapped);
    if (IS_NULL(keep)) return -1;
    return cdata_keepref(dst, index, keep);
}

Value cdata_get(Value cls, const Codec *codec, Value src, int64_t index, int64_t size, void *ptr, int swapped) {
    if (codec) return codec->get(ptr, size, swapped);
    CType *info = ctype_info(cls);
    if (info && info->codec && simple_is_plain(cls))
        return info->codec->get(ptr, size, (info->flags & CTF_SWAPPED) != 0);
    if (IS_NULL(src)) return cdata_new_copy(cls, ptr);
    return cdata_new_at(cls, src, index, ptr);
}

/* ---- _CData's attributes and methods -------------------------------------------------- */

static Value cdata_get_base(Value self) { return IS_NULL(CDATA(self)->base) ? VAL_NONE : CDATA(self)->base; }
static Value cdata_get_needsfree(Value self) { return MK_BOOL(CDATA(self)->owns || CDATA(self)->ptr == CDATA(self)->small.b); }
static Value cdata_get_objects(Value self) { return IS_NULL(CDATA(self)->objects) ? VAL_NONE : CDATA(self)->objects; }

static const GetSetDef cdata_getsets[] = {
    {"_b_base_", cdata_get_base, getset_readonly, "the base object"},
    {"_b_needsfree_", cdata_get_needsfree, getset_readonly, "whether the object owns the memory or not"},
    {"_objects", cdata_get_objects, getset_readonly, "internal objects tree (NEVER CHANGE THIS OBJECT!)"},
    {NULL, NULL, NULL, NULL},
};

static Value cdata_from_outparam_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    return args[0];
}

static Value cdata_instance_dict(Value self) {
    Value *slot = obj_dict_ptr(self);
    if (!slot) return err_format(&exc_AttributeError, "'%T' object has no attribute '__dict__'", self);
    if (!IS_DICT(*slot)) {
        Value d = dict_new();
        if (IS_NULL(d)) return VAL_NULL;
        *slot = d;
    }
    return *slot;
}

static Value cdata_reduce_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    Value self = args[0];
    CType *info = ctype_of(self);
    if (info && (info->flags & (CTF_POINTER | CTF_HASPOINTER)))
        return err_format(&exc_ValueError, "ctypes objects containing pointers cannot be pickled");
    Value d = cdata_instance_dict(self);
    if (IS_NULL(d)) return VAL_NULL;
    Value data = bytes_new(CDATA(self)->ptr, (size_t)CDATA(self)->size);
    Value unpickle = IS_NULL(data) ? VAL_NULL : ctypes_unpickle;
    if (IS_NULL(unpickle)) return VAL_NULL;
    Value state = tuple_pack(2, d, data);
    Value targs = IS_NULL(state) ? VAL_NULL : tuple_pack(2, MK_OBJ(val_type(self)), state);
    return IS_NULL(targs) ? VAL_NULL : tuple_pack(2, unpickle, targs);
}

static Value cdata_setstate_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    Value self = args[0];
    if (!IS_DICT(args[1])) return err_format(&exc_TypeError, "__setstate__() argument 1 must be dict, not %T", args[1]);
    const uint8_t *data;
    int64_t len;
    if (!IS_BYTES(args[2])) return err_format(&exc_TypeError, "__setstate__() argument 2 must be read-only bytes-like object, not %T", args[2]);
    if (bytes_view(args[2], &data, &len) < 0) return VAL_NULL;
    if (len > CDATA(self)->size) len = CDATA(self)->size;
    memmove(CDATA(self)->ptr, data, (size_t)len);
    Value d = cdata_instance_dict(self);
    if (IS_NULL(d) || dict_update(d, args[1]) < 0) return VAL_NULL;
    return VAL_NONE;
}

static const MethodDef cdata_methods[] = {
    {"__ctypes_from_outparam__", cdata_from_outparam_m, ARGS_NONE, NULL},
    {"__reduce__", cdata_reduce_m, ARGS_NONE, NULL},
    {"__setstate__", cdata_setstate_m, ARGS_TUPLE(2, 2), NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- the buffer protocol ----------------------------------------------------------------- */

/* The instance's memory as bytes (format "B"), as every consumer here reads it. */
static int cdata_getbuffer(Value obj, Buffer *view, int flags) {
    (void)flags;
    buffer_fill(view, obj, CDATA(obj)->ptr, CDATA(obj)->size, 0);
    return 0;
}

Type type_cdata = {
    .tp_name = "_ctypes._CData", .base = &type_object, .basicsize = sizeof(CData),
    .flags = TF_BASETYPE | TF_WEAKREFABLE, .trace = cdata_trace, .finalize = cdata_finalize,
    .methods = cdata_methods, .getsets = cdata_getsets, .getbuffer = cdata_getbuffer,
};

/* ---- class methods shared by the metaclasses ------------------------------------------- */

static CType *cdata_info_or_abstract(Value cls) {
    CType *info = ctype_info(cls);
    if (!info) err_format(&exc_TypeError, "abstract class");
    return info;
}

static Value ctype_from_address_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    if (!IS_INT(args[1])) return err_format(&exc_TypeError, "integer expected");
    int64_t addr;
    if (int_to_i64(args[1], &addr) < 0) return VAL_NULL;
    if (!cdata_info_or_abstract(args[0])) return VAL_NULL;
    return cdata_new_at(args[0], VAL_NULL, 0, (void *)(intptr_t)addr);
}

static int cdata_offset_arg(Value v, int64_t *offset) {
    *offset = 0;
    if (IS_NULL(v)) return 0;
    if (arg_to_ssize(v, offset) < 0) return -1;
    if (*offset < 0) { err_format(&exc_ValueError, "offset cannot be negative"); return -1; }
    return 0;
}

static Value ctype_from_buffer_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    CType *info = cdata_info_or_abstract(args[0]);
    if (!info) return VAL_NULL;
    Buffer b;
    if (buffer_get(args[1], &b, BUF_SIMPLE) < 0) return VAL_NULL;
    int readonly = b.readonly;
    uint8_t *buf = b.buf;
    int64_t len = b.len;
    buffer_release(&b);
    if (readonly) return err_format(&exc_TypeError, "underlying buffer is not writable");
    int64_t offset;
    if (cdata_offset_arg(args[2], &offset) < 0) return VAL_NULL;
    if (info->size > len - offset)
        return err_format(&exc_ValueError, "Buffer size too small (%zd instead of at least %zd bytes)",
                          (ssize_t)len, (ssize_t)(info->size + offset));
    Value mv = call1(MK_OBJ(&type_memoryview), args[1]);
    if (IS_NULL(mv)) return VAL_NULL;
    Value r = cdata_new_at(args[0], VAL_NULL, 0, buf + offset);
    if (IS_NULL(r) || cdata_keepref(r, -1, mv) < 0) return VAL_NULL;
    return r;
}

static Value ctype_from_buffer_copy_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    CType *info = cdata_info_or_abstract(args[0]);
    if (!info) return VAL_NULL;
    int64_t offset;
    if (cdata_offset_arg(args[2], &offset) < 0) return VAL_NULL;
    Buffer b;
    if (buffer_get(args[1], &b, BUF_SIMPLE) < 0) return VAL_NULL;
    if (info->size > b.len - offset) {
        int64_t len = b.len;
        buffer_release(&b);
        return err_format(&exc_ValueError, "Buffer size too small (%zd instead of at least %zd bytes)",
                          (ssize_t)len, (ssize_t)(info->size + offset));
    }
    Value r = cdata_new_copy(args[0], b.buf + offset);
    buffer_release(&b);
    return r;
}

static Value ctype_in_dll_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    if (!IS_STR(args[2])) return err_format(&exc_TypeError, "in_dll() argument 2 must be str, not %T", args[2]);
    Value h = obj_getattr_c(args[1], "_handle");
    if (IS_NULL(h)) return VAL_NULL;
    if (!IS_INT(h)) return err_format(&exc_TypeError, "the _handle attribute of the second argument must be an integer");
    int64_t handle;
    if (int_to_i64(h, &handle) < 0) return VAL_NULL;
    void *addr = dlsym((void *)(intptr_t)handle, STR_DATA(args[2]));
    if (!addr) return err_format(&exc_ValueError, "symbol '%s' not found", STR_DATA(args[2]));
    if (!cdata_info_or_abstract(args[0])) return VAL_NULL;
    return cdata_new_at(args[0], VAL_NULL, 0, addr);
}

static Value ctype_mul_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    if (!IS_INT(args[1])) return VAL_NOTIMPLEMENTED;
    int64_t n;
    if (obj_index_size(args[1], &n) < 0) return VAL_NULL;
    if (n < 0) return err_format(&exc_ValueError, "Array length must be >= 0, not %zd", (ssize_t)n);
    return array_type_for(args[0], n);
}

const MethodDef ctype_common_methods[] = {
    {"__mul__", ctype_mul_m, ARGS_WRAP(1), NULL},
    {"__rmul__", ctype_mul_m, ARGS_WRAP(1), NULL},
    {"from_address", ctype_from_address_m, ARGS_ONE, "C.from_address(integer) -> C instance\naccess a C instance at the specified address"},
    {"from_buffer", ctype_from_buffer_m, ARGS_TUPLE(1, 2), "C.from_buffer(object, offset=0) -> C instance\ncreate a C instance from a writeable buffer"},
    {"from_buffer_copy", ctype_from_buffer_copy_m, ARGS_TUPLE(1, 2), "C.from_buffer_copy(object, offset=0) -> C instance\ncreate a C instance from a readable buffer"},
    {"in_dll", ctype_in_dll_m, ARGS_TUPLE(2, 2), "C.in_dll(dll, name) -> C instance\naccess a C instance in a dll"},
    {NULL, NULL, 0, NULL},
};
