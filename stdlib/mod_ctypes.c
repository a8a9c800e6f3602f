/* mod_ctypes.c - the `_ctypes` module: CPython's C half of ctypes.
 *
 * ctypes.h describes the parts (one file per concept) and how type
 * information and memory ownership work.  This file readies the types (the
 * base classes are instances of their metaclasses, so their metaclass is set
 * after type_ready), and holds the module's functions: sizeof, alignment,
 * byref, addressof, resize, errno, POINTER/pointer, dlopen/dlsym/dlclose,
 * pickling's _unpickle, and the C helpers ctypes calls through their
 * addresses (_cast_addr, _string_at_addr, _wstring_at_addr: PYFUNCTYPE
 * functions, run with the GIL held, taking and returning Values as
 * py_object words; _memmove_addr and _memset_addr are libc's).
 */
#include <dlfcn.h>
#include <time.h>
#include <string.h>
#include <wchar.h>

#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_int.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "interp/modreg.h"
#include "ctypes.h"

GILPY_MODULE("_ctypes", mod_ctypes_init);

Value ctypes_argument_error = VAL_NULL;
Value ctypes_unpickle = VAL_NULL;

/* ---- the C helpers called through their addresses ---------------------------------------- */

static uint64_t ctypes_cast(void *ptr, uint64_t src_word, uint64_t ctype_word) {
    Value src = codec_pyobj_read(src_word), ctype = codec_pyobj_read(ctype_word);
    CType *t = ctype_info(ctype);
    int ok = t && (t->kind == CK_POINTER || t->kind == CK_FUNC ||
                   (t->kind == CK_SIMPLE && strchr("sPzUZXO", t->codec->code)));
    if (!ok) {
        err_format(&exc_TypeError, "cast() argument 2 must be a pointer type, not %s",
                   IS_TYPE(ctype) ? type_name(AS_TYPE(ctype)) : val_type_name(ctype));
        return 0;
    }
    Value result = call0(ctype);
    if (IS_NULL(result)) return 0;
    if (cdata_check(src)) {
        CData *c = cdata_container(src);
        if (!c) return 0;
        if (IS_NONE(CDATA(src)->objects) || IS_NULL(CDATA(src)->objects)) {
            Value d = dict_new();
            if (IS_NULL(d)) return 0;
            CDATA(src)->objects = d;
        }
        CDATA(result)->objects = CDATA(src)->objects;
        if (IS_EXACT(CDATA(result)->objects, type_dict)) {
            Value idf = dict_get_c(interp.builtins, "id");
            Value key = IS_NULL(idf) ? VAL_NULL : call1(idf, src);
            if (IS_NULL(key) || dict_set(CDATA(result)->objects, key, src) < 0) return 0;
        }
    }
    memcpy(CDATA(result)->ptr, &ptr, sizeof ptr);
    return codec_pyobj_word(result);
}

static uint64_t ctypes_string_at(const char *ptr, int size) {
    Value r = bytes_new(ptr, size == -1 ? strlen(ptr) : (size_t)size);
    return IS_NULL(r) ? 0 : codec_pyobj_word(r);
}

static uint64_t ctypes_wstring_at(const wchar_t *ptr, int size) {
    int64_t n = size == -1 ? (int64_t)wcslen(ptr) : size;
    Value r = codec_find('U')->get(ptr, n * (int64_t)sizeof(wchar_t), 0);
    return IS_NULL(r) ? 0 : codec_pyobj_word(r);
}

/* ---- module functions --------------------------------------------------------------------- */

static Value ctypes_sizeof_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    CType *t = ctype_info(args[0]);
    if (t) return int_from_i64(t->size);
    if (cdata_check(args[0])) return int_from_i64(CDATA(args[0])->size);
    return err_format(&exc_TypeError, "this type has no size");
}

static Value ctypes_alignment_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    CType *t = ctype_info(args[0]);
    if (!t) t = ctype_of(args[0]);
    if (t) return int_from_i64(t->align);
    return err_format(&exc_TypeError, "no alignment info");
}

static Value ctypes_byref_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    if (!cdata_check(args[0]))
        return err_format(&exc_TypeError, "byref() argument must be a ctypes instance, not '%s'", val_type_name(args[0]));
    int64_t off = 0;
    if (!IS_NULL(args[1]) && arg_to_ssize(args[1], &off) < 0) return VAL_NULL;
    return carg_byref(args[0], off);
}

static Value ctypes_addressof_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    if (!cdata_check(args[0])) return err_format(&exc_TypeError, "invalid type");
    return int_from_u64((uint64_t)(uintptr_t)CDATA(args[0])->ptr);
}

static Value ctypes_resize_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    if (!cdata_check(args[0])) return err_format(&exc_TypeError, "excepted ctypes instance");
    int64_t size;
    if (arg_to_ssize(args[1], &size) < 0) return VAL_NULL;
    CType *t = ctype_of(args[0]);
    if (t && size < t->size) return err_format(&exc_ValueError, "minimum size is %zd", (ssize_t)t->size);
    CData *cd = CDATA(args[0]);
    if (!cd->owns && cd->ptr != cd->small.b)
        return err_format(&exc_ValueError, "Memory cannot be resized because this object doesn't own it");
    return cdata_resize(args[0], size) < 0 ? VAL_NULL : VAL_NONE;
}

static Value ctypes_get_errno_m(Value *args, int nargs, Value kwnames) {
    (void)args; (void)nargs; (void)kwnames;
    return MK_SMALLINT(ctypes_errno);
}

static Value ctypes_set_errno_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    int v;
    if (arg_to_cint(args[0], &v) < 0) return VAL_NULL;
    int old = ctypes_errno;
    ctypes_errno = v;
    return MK_SMALLINT(old);
}

static Value ctypes_pointer_type_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    return pointer_type_for(args[0]);
}

static Value ctypes_pointer_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    return pointer_new_to(args[0]);
}

static Value ctypes_dlopen_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    const char *name = NULL;
    Value keep = VAL_NULL;
    if (!IS_NULL(args[0]) && !IS_NONE(args[0])) {
        Value p = arg_to_path(args[0]);
        if (IS_NULL(p)) return VAL_NULL;
        name = IS_BYTES(p) ? (const char *)BYTES_DATA(p) : str_fsencode(p, &keep);
        if (!name) return VAL_NULL;
    }
    int mode = RTLD_LOCAL;
    if (!IS_NULL(args[1]) && arg_to_cint(args[1], &mode) < 0) return VAL_NULL;
    void *h = dlopen(name, mode | RTLD_NOW);
    if (!h) {
        const char *e = dlerror();
        return err_format(&exc_OSError, "%s", e ? e : "dlopen() error");
    }
    return int_from_u64((uint64_t)(uintptr_t)h);
}

static Value ctypes_dlclose_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    int64_t h;
    if (arg_to_ssize(args[0], &h) < 0) return VAL_NULL;
    if (dlclose((void *)(intptr_t)h)) {
        const char *e = dlerror();
        return err_format(&exc_OSError, "%s", e ? e : "dlclose() error");
    }
    return VAL_NONE;
}

static Value ctypes_dlsym_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    int64_t h;
    if (arg_to_ssize(args[0], &h) < 0) return VAL_NULL;
    if (!IS_STR(args[1])) return err_format(&exc_TypeError, "dlsym() argument 2 must be str, not %T", args[1]);
    dlerror();
    void *p = dlsym((void *)(intptr_t)h, STR_DATA(args[1]));
    if (!p) {
        const char *e = dlerror();
        return err_format(&exc_OSError, "%s", e ? e : "symbol not found");
    }
    return int_from_u64((uint64_t)(uintptr_t)p);
}

static Value ctypes_unpickle_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    Value newf = obj_getattr_c(args[0], "__new__");
    Value obj = IS_NULL(newf) ? VAL_NULL : call1(newf, args[0]);
    if (IS_NULL(obj)) return VAL_NULL;
    if (!IS_TUPLE(args[1])) return err_format(&exc_TypeError, "_unpickle() argument 2 must be tuple, not %T", args[1]);
    Value setstate = obj_getattr_c(obj, "__setstate__");
    if (IS_NULL(setstate) || IS_NULL(call_tuple_dict(setstate, args[1], VAL_NULL))) return VAL_NULL;
    return obj;
}

static Value ctypes_identity_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    return args[0];
}

static Value ctypes_buffer_info_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    CType *t = ctype_info(args[0]);
    if (!t) t = ctype_of(args[0]);
    if (!t) return err_format(&exc_TypeError, "not a ctypes type or object");
    Value shape = tuple_new(t->kind == CK_ARRAY ? t->ndim : 0);
    if (IS_NULL(shape)) return VAL_NULL;
    for (int i = 0; t->kind == CK_ARRAY && i < t->ndim; i++) AS_TUPLE(shape)->items[i] = int_from_i64(t->shape[i]);
    Value fmt = t->format ? str_from_c(t->format) : VAL_NONE;
    return tuple_pack(3, fmt, MK_SMALLINT(t->kind == CK_ARRAY ? t->ndim : 0), shape);
}

static const MethodDef ctypes_functions[] = {
    {"sizeof", ctypes_sizeof_m, ARGS_ONE, "sizeof(C type) -> integer\nsizeof(C instance) -> integer\nReturn the size in bytes of a C instance"},
    {"alignment", ctypes_alignment_m, ARGS_ONE, "alignment(C type) -> integer\nalignment(C instance) -> integer\nReturn the alignment requirements of a C instance"},
    {"byref", ctypes_byref_m, ARGS_TUPLE(1, 2), "byref(C instance[, offset=0]) -> byref-object\nReturn a pointer lookalike to a C instance, only usable\nas function argument"},
    {"addressof", ctypes_addressof_m, ARGS_ONE, "addressof(C instance) -> integer\nReturn the address of the C instance internal buffer"},
    {"resize", ctypes_resize_m, ARGS_TUPLE(2, 2), "Resize the memory buffer of a ctypes instance"},
    {"get_errno", ctypes_get_errno_m, ARGS_NONE, NULL},
    {"set_errno", ctypes_set_errno_m, ARGS_TUPLE(1, 1), NULL},
    {"POINTER", ctypes_pointer_type_m, ARGS_ONE, NULL},
    {"pointer", ctypes_pointer_m, ARGS_ONE, NULL},
    {"dlopen", ctypes_dlopen_m, ARGS_TUPLE(0, 2), "dlopen(name, flag={RTLD_GLOBAL|RTLD_LOCAL}) open a shared library"},
    {"dlclose", ctypes_dlclose_m, ARGS_TUPLE(1, 1), "dlclose a library"},
    {"dlsym", ctypes_dlsym_m, ARGS_TUPLE(2, 2), "find symbol in shared library"},
    {"_unpickle", ctypes_unpickle_m, ARGS_TUPLE(2, 2), NULL},
    {"buffer_info", ctypes_buffer_info_m, ARGS_ONE, "Return buffer interface information"},
    {"Py_INCREF", ctypes_identity_m, ARGS_ONE, NULL},
    {"Py_DECREF", ctypes_identity_m, ARGS_ONE, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- readying the types ------------------------------------------------------------------------ */

static void ctypes_ready_meta(Type *meta) {
    type_ready(meta);
    Value scratch = dict_new();
    if (IS_NULL(scratch)) return;
    dict_add_methods(scratch, ctype_common_methods, MK_OBJ(meta));
    dict_merge(meta->dict, scratch, 0);
    type_update_slots(meta, VAL_NULL);
}

static void ctypes_ready_base(CType *base, Type *meta) {
    type_ready(&base->type);
    base->type.header.type = meta;
    base->type.getbuffer = type_cdata.getbuffer;    /* type_ready does not inherit it */
}

static int ctypes_ready(void) {
    static int done;
    if (done) return 0;
    done = 1;
    type_ready(&type_cdata);
    type_ready(&type_cfield);
    type_ready(&type_carg);
    Type *metas[] = {&meta_simple, &meta_struct, &meta_union, &meta_array, &meta_pointer, &meta_funcptr};
    CType *bases[] = {&ctype_simple_base, &ctype_struct_base, &ctype_union_base, &ctype_array_base,
                      &ctype_pointer_base, &ctype_funcptr_base};
    for (int i = 0; i < 6; i++) {
        ctypes_ready_meta(metas[i]);
        ctypes_ready_base(bases[i], metas[i]);
    }
    pointer_type_cache = dict_new();
    gc_add_root(&pointer_type_cache);
    gc_add_root(&ctypes_argument_error);
    gc_add_root(&ctypes_unpickle);
    Value ns = dict_new();
    if (IS_NULL(ns) || dict_set_c(ns, "__module__", str_from_c("ctypes")) < 0) return -1;
    Value bases_t = tuple_pack(1, MK_OBJ(&exc_Exception));
    ctypes_argument_error = IS_NULL(bases_t) ? VAL_NULL
        : type_new_class(&type_type, str_from_c("ArgumentError"), bases_t, ns, VAL_NULL);
    return IS_NULL(ctypes_argument_error) || IS_NULL(pointer_type_cache) ? -1 : 0;
}

static const IntConst ctypes_constants[] = {
    {"RTLD_LOCAL", RTLD_LOCAL}, {"RTLD_GLOBAL", RTLD_GLOBAL},
    {"FUNCFLAG_CDECL", FUNCFLAG_CDECL}, {"FUNCFLAG_PYTHONAPI", FUNCFLAG_PYTHONAPI},
    {"FUNCFLAG_USE_ERRNO", FUNCFLAG_USE_ERRNO}, {"FUNCFLAG_USE_LASTERROR", FUNCFLAG_USE_LASTERROR},
    {"CTYPES_MAX_ARGCOUNT", 1024}, {"SIZEOF_TIME_T", sizeof(time_t)},
    {NULL, 0},
};

static int ctypes_add_address(Value d, const char *name, void *p) {
    return dict_set_c(d, name, int_from_u64((uint64_t)(uintptr_t)p));
}

Value mod_ctypes_init(void) {
    if (ctypes_ready() < 0) return VAL_NULL;
    Value m = module_new_c("_ctypes");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    dict_add_methods(d, ctypes_functions, m);
    dict_add_int_constants(d, ctypes_constants);
    ctypes_unpickle = dict_get_c(d, "_unpickle");
    dict_set_c(d, "__version__", str_from_c("1.1.0"));
    dict_set_c(d, "_pointer_type_cache", pointer_type_cache);
    dict_set_c(d, "ArgumentError", ctypes_argument_error);
    dict_set_c(d, "_SimpleCData", MK_OBJ(&ctype_simple_base.type));
    dict_set_c(d, "Structure", MK_OBJ(&ctype_struct_base.type));
    dict_set_c(d, "Union", MK_OBJ(&ctype_union_base.type));
    dict_set_c(d, "Array", MK_OBJ(&ctype_array_base.type));
    dict_set_c(d, "_Pointer", MK_OBJ(&ctype_pointer_base.type));
    dict_set_c(d, "CFuncPtr", MK_OBJ(&ctype_funcptr_base.type));
    ctypes_add_address(d, "_memmove_addr", (void *)memmove);
    ctypes_add_address(d, "_memset_addr", (void *)memset);
    ctypes_add_address(d, "_cast_addr", (void *)ctypes_cast);
    ctypes_add_address(d, "_string_at_addr", (void *)ctypes_string_at);
    ctypes_add_address(d, "_wstring_at_addr", (void *)ctypes_wstring_at);
    return err_occurred() ? VAL_NULL : m;
}
