/* ctypes_carg.c - CArgObject and the conversion of call arguments.
 *
 * byref(x) and the from_param methods return a CArgObject: a converted C
 * value (or a pointer into an instance) with a tag letter as CPython has it
 * ("<cparam 'i' (5)>"), holding in `_obj` whatever keeps it valid.
 *
 * carg_convert is CPython's ConvParam: what a foreign call passes for each
 * argument once from_param (if any) has run.  The result is filled into a
 * CArg living on the caller's C stack, so what it keeps alive (a bytes object
 * whose data is passed, the wchar_t copy of a str) is seen by the
 * conservative stack scan for the whole call.
 */
#include <ctype.h>
#include <gmp.h>
#include <string.h>

#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_int.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "ctypes.h"

static void carg_trace(Obj *o) { gc_mark_value(((CArg *)o)->obj); }

Value carg_new(char tag, ffi_type *ffi, Value obj) {
    CArg *a = (CArg *)gc_alloc(&type_carg, sizeof(CArg));
    if (!a) return VAL_NULL;
    a->tag = tag;
    a->ffi = ffi;
    a->obj = obj;
    a->ptr = NULL;
    return MK_OBJ(a);
}

Value carg_byref(Value obj, int64_t offset) {
    Value a = carg_new('P', &ffi_type_pointer, obj);
    if (!IS_NULL(a)) ((CArg *)AS_OBJ(a))->value.p = CDATA(obj)->ptr + offset;
    return a;
}

static Value carg_pointer_repr(char tag, void *p) {
    if (!p) return str_format_c("<cparam '%c' (0x(nil))>", tag);
    return str_format_c("<cparam '%c' (%p)>", tag, p);
}

static Value carg_repr_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    CArg *a = (CArg *)AS_OBJ(args[0]);
    switch (a->tag) {
    case 'b': return str_format_c("<cparam '%c' (%d)>", a->tag, (int)(int8_t)a->value.b[0]);
    case 'B': return str_format_c("<cparam '%c' (%d)>", a->tag, (int)a->value.b[0]);
    case 'h': { int16_t x; memcpy(&x, a->value.b, 2); return str_format_c("<cparam '%c' (%d)>", a->tag, (int)x); }
    case 'H': { uint16_t x; memcpy(&x, a->value.b, 2); return str_format_c("<cparam '%c' (%d)>", a->tag, (int)x); }
    case 'i': { int32_t x; memcpy(&x, a->value.b, 4); return str_format_c("<cparam '%c' (%d)>", a->tag, (int)x); }
    case 'I': { uint32_t x; memcpy(&x, a->value.b, 4); return str_format_c("<cparam '%c' (%u)>", a->tag, (unsigned)x); }
    case 'l': case 'q': return str_format_c("<cparam '%c' (%lld)>", a->tag, (long long)a->value.q);
    case 'L': case 'Q': return str_format_c("<cparam '%c' (%llu)>", a->tag, (unsigned long long)a->value.q);
    case 'd': return str_format_c("<cparam '%c' (%R)>", a->tag, MK_FLOAT_SAFE(a->value.d));
    case 'f': return str_format_c("<cparam '%c' (%R)>", a->tag, MK_FLOAT_SAFE((double)a->value.f));
    case 'c': {
        unsigned char c = a->value.b[0];
        if (isprint(c)) return str_format_c("<cparam '%c' ('%c')>", a->tag, c);
        return str_format_c("<cparam '%c' ('\\x%02x')>", a->tag, (unsigned)c);
    }
    case 'z': case 'Z': case 'P': return carg_pointer_repr(a->tag, a->value.p);
    default: return str_format_c("<cparam '%c' at %p>", a->tag, (void *)a);
    }
}

static Value carg_obj_get(Value self) {
    Value o = ((CArg *)AS_OBJ(self))->obj;
    return IS_NULL(o) ? VAL_NONE : o;
}

static const MethodDef carg_methods[] = {
    {"__repr__", carg_repr_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef carg_getsets[] = {
    {"_obj", carg_obj_get, getset_readonly, NULL},
    {NULL, NULL, NULL, NULL},
};

Type type_carg = {
    .tp_name = "CArgObject", .base = &type_object, .basicsize = sizeof(CArg),
    .trace = carg_trace, .methods = carg_methods, .getsets = carg_getsets, .flags = TF_ABSTRACT,
};

/* ---- converting arguments ------------------------------------------------------------------ */

static void carg_pointer(CArg *out, void *p, Value keep) {
    out->ffi = &ffi_type_pointer;
    out->value.p = p;
    out->ptr = &out->value;
    out->obj = keep;
}

/* A ctypes instance as an argument: by value (simple types, structures) or
 * as the pointer it is (arrays: their first item). */
static int carg_from_cdata(Value v, CArg *out) {
    CType *t = ctype_of(v);
    CData *cd = CDATA(v);
    out->obj = v;
    if (!t) { err_format(&exc_TypeError, "abstract class"); return -1; }
    switch (t->kind) {
    case CK_SIMPLE:
        out->tag = t->codec->code;
        out->ffi = &t->ffi;
        memset(&out->value, 0, sizeof out->value);
        memcpy(&out->value, cd->ptr, (size_t)(t->size < 16 ? t->size : 16));
        out->ptr = &out->value;
        return 0;
    case CK_STRUCT:
    case CK_UNION:
        out->tag = 'V';
        out->ffi = &t->ffi;
        out->ptr = cd->ptr;
        return 0;
    case CK_ARRAY:
        out->tag = 'P';
        carg_pointer(out, cd->ptr, v);
        return 0;
    default: {
        void *p;
        memcpy(&p, cd->ptr, sizeof p);
        out->tag = 'P';
        carg_pointer(out, p, v);
        return 0;
    }
    }
}

int carg_convert(Value v, int index, CArg *out) {
    memset(out, 0, sizeof *out);
    out->obj = VAL_NONE;
    if (IS_EXACT(v, type_carg)) {
        CArg *a = (CArg *)AS_OBJ(v);
        out->tag = a->tag;
        out->value = a->value;
        out->ffi = a->ffi;
        out->obj = v;
        out->ptr = a->ptr ? a->ptr : &out->value;
        return 0;
    }
    if (cdata_check(v)) return carg_from_cdata(v, out);
    if (IS_NONE(v)) { out->tag = 'P'; carg_pointer(out, NULL, VAL_NONE); return 0; }
    if (IS_INT(v)) {
        int64_t x;
        if (int_to_i64(v, &x) < 0) {
            err_clear();
            uint64_t u;
            Value m = obj_index(v);
            if (IS_NULL(m)) return -1;
            mpz_t z;
            mpz_init(z);
            int_to_mpz(m, z);
            int fits = mpz_sizeinbase(z, 2) <= 64 && mpz_sgn(z) >= 0;
            u = fits ? (uint64_t)mpz_get_ui(z) : 0;
            mpz_clear(z);
            if (!fits) { err_format(&exc_OverflowError, "int too long to convert"); return -1; }
            x = (int64_t)u;
        }
        out->tag = 'i';
        out->ffi = &ffi_type_sint;
        out->value.q = x;
        out->ptr = &out->value;
        return 0;
    }
    if (IS_BYTES(v)) { out->tag = 'z'; carg_pointer(out, BYTES_DATA(v), v); return 0; }
    if (IS_STR(v)) {
        Value buf = codec_wchar_buffer(v);
        if (IS_NULL(buf)) return -1;
        out->tag = 'Z';
        carg_pointer(out, BYTES_DATA(buf), buf);
        return 0;
    }
    Value ap = obj_getattr_opt(v, str_intern_c("_as_parameter_"));
    if (!IS_NULL(ap)) {
        if (obj_enter_recursion(" while processing _as_parameter_") < 0) return -1;
        int r = carg_convert(ap, index, out);
        obj_leave_recursion();
        return r;
    }
    if (err_occurred()) return -1;
    err_format(&exc_TypeError, "Don't know how to convert parameter %d", index);
    return -1;
}
