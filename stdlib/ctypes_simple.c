/* ctypes_simple.c - _SimpleCData and its metaclass PyCSimpleType: c_int,
 * c_double, c_char_p, c_void_p, py_object and the other one-value types.
 *
 * A class statement with `_type_ = "i"` makes a simple type: the metaclass
 * looks the letter up (ctypes_codec.c) and records its size, alignment and
 * libffi type.  A direct subclass of _SimpleCData (c_int itself) also gets a
 * twin of the other byte order as `__ctype_be__` (BigEndianStructure uses
 * it), and the pointer-like ones (c_char_p, c_wchar_p, c_void_p) get their
 * own from_param.  Instances of c_int and its siblings unwrap to plain
 * Python values as results, fields and items; subclasses of them
 * (class MyInt(c_int)) stay instances, as in CPython.
 *
 * from_param turns an argument into what a foreign call passes: the instance
 * itself, or a CArg holding the converted value (ctypes_carg.c).
 */
#include <string.h>

#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "ctypes.h"

int simple_is_plain(Value cls) { return IS_TYPE(cls) && AS_TYPE(cls)->base == &type_simple_cdata; }

static const char *simple_swapped_letters = "bBchHiIlLqQfd";

static void simple_fill(CType *t, Value proto, const Codec *c, int swapped) {
    t->kind = CK_SIMPLE;
    t->codec = c;
    t->proto = proto;
    t->size = c->size;
    t->align = c->align;
    t->length = 0;
    t->ffi = *c->ffi;
    if (swapped) t->flags |= CTF_SWAPPED;
    if (c->pep3118) {
        t->format = strdup(c->pep3118);
        if (t->format && swapped) t->format[t->format[0] == '&' ? 1 : 0] = '>';
    }
}

static int simple_check_proto(Value cls, Value *proto, const Codec **codec) {
    *proto = obj_getattr_opt(cls, str_intern_c("_type_"));
    if (IS_NULL(*proto)) {
        if (!err_occurred()) err_format(&exc_AttributeError, "class must define a '_type_' attribute");
        return -1;
    }
    if (!IS_STR(*proto)) {
        err_format(&exc_TypeError, "class must define a '_type_' string attribute");
        return -1;
    }
    if (AS_STR(*proto)->nchars != 1) {
        err_format(&exc_ValueError, "class must define a '_type_' attribute which must be a string of length 1");
        return -1;
    }
    char ch = STR_DATA(*proto)[0];
    *codec = strchr(codec_letters, ch) ? codec_find(ch) : NULL;
    if (!*codec) {
        err_format(&exc_AttributeError, "class must define a '_type_' attribute which must be\n"
                   "a single character string containing one of '%s'.", codec_letters);
        return -1;
    }
    return 0;
}

static const MethodDef simple_char_p_from_param_def[2], simple_wchar_p_from_param_def[2],
    simple_void_p_from_param_def[2];

static int simple_install_from_param(Value cls, char code) {
    const MethodDef *def = code == 'z' ? simple_char_p_from_param_def
                         : code == 'Z' ? simple_wchar_p_from_param_def
                         : code == 'P' ? simple_void_p_from_param_def : NULL;
    if (!def) return 0;
    Value d = dict_new();
    if (IS_NULL(d)) return -1;
    dict_add_methods(d, def, cls);
    Value m = dict_get_c(d, def->name);
    return IS_NULL(m) ? -1 : type_setattr(cls, str_intern_c(def->name), m);
}

/* The twin of the other byte order: same name + "_be", same namespace. */
static Value simple_swapped_type(Type *meta, Value cls, Value name, Value bases, Value ns, Value proto,
                                 const Codec *c) {
    Value sname = str_format_c("%U_be", name);
    Value sns = IS_NULL(sname) ? VAL_NULL : dict_copy(ns);
    if (IS_NULL(sns)) return VAL_NULL;
    if (IS_NULL(dict_get_c(sns, "__qualname__")) && dict_set_c(sns, "__qualname__", AS_TYPE(cls)->qualname) < 0)
        return VAL_NULL;
    Value sw = type_new_class(meta, sname, bases, sns, VAL_NULL);
    if (IS_NULL(sw)) return VAL_NULL;
    simple_fill((CType *)AS_OBJ(sw), proto, c, 1);
    if (type_setattr(cls, str_intern_c("__ctype_be__"), sw) < 0 ||
        type_setattr(cls, str_intern_c("__ctype_le__"), cls) < 0 ||
        type_setattr(sw, str_intern_c("__ctype_le__"), cls) < 0 ||
        type_setattr(sw, str_intern_c("__ctype_be__"), sw) < 0)
        return VAL_NULL;
    return sw;
}

static Value simple_meta_new_m(Value *args, int nargs, Value kwnames) {
    if (nargs != 4) return err_format(&exc_TypeError, "type.__new__() takes exactly 3 arguments (%d given)", nargs - 1);
    Type *meta = AS_TYPE(args[0]);
    Value kw = VAL_NULL;
    if (!IS_NULL(kwnames)) {
        Value vals = tuple_from_array(args + nargs, AS_TUPLE(kwnames)->len);
        if (IS_NULL(vals) || IS_NULL(kw = tuple_pack(2, kwnames, vals))) return VAL_NULL;
    }
    Value cls = type_new_class(meta, args[1], args[2], args[3], kw);
    if (IS_NULL(cls)) return VAL_NULL;
    Value proto;
    const Codec *c;
    if (simple_check_proto(cls, &proto, &c) < 0) return VAL_NULL;
    CType *t = (CType *)AS_OBJ(cls);
    simple_fill(t, proto, c, 0);
    if (simple_is_plain(cls)) {
        if (strchr("zZPsXO", c->code)) t->flags |= CTF_POINTER;
        if (simple_install_from_param(cls, c->code) < 0) return VAL_NULL;
    } else {
        CType *b = ctype_info(MK_OBJ(AS_TYPE(cls)->base));
        if (b && (b->flags & CTF_SWAPPED)) t->flags |= CTF_SWAPPED;
        if (b) t->flags |= b->flags & CTF_POINTER;
    }
    if (meta == &meta_simple && strchr(simple_swapped_letters, c->code) &&
        IS_NULL(simple_swapped_type(meta, cls, args[1], args[2], args[3], proto, c)))
        return VAL_NULL;
    return cls;
}

/* ---- from_param ---------------------------------------------------------------------- */

static int simple_recursion_enter(void) { return obj_enter_recursion(" while processing _as_parameter_"); }

/* v's _as_parameter_ through fn, or "wrong type". */
static Value simple_as_parameter(Value cls, Value v, Value (*fn)(Value, Value)) {
    Value ap = obj_getattr_opt(v, str_intern_c("_as_parameter_"));
    if (IS_NULL(ap)) {
        if (err_occurred()) return VAL_NULL;
        return err_format(&exc_TypeError, "wrong type");
    }
    if (simple_recursion_enter() < 0) return VAL_NULL;
    Value r = fn(cls, ap);
    obj_leave_recursion();
    return r;
}

static Value simple_carg_set(Value cls, char code, Value v) {
    (void)cls;
    const Codec *c = codec_find(code);
    Value a = carg_new(code, c->ffi, VAL_NONE);
    if (IS_NULL(a)) return VAL_NULL;
    CArg *ca = (CArg *)AS_OBJ(a);
    Value keep = c->set(&ca->value, v, 0, 0);
    if (IS_NULL(keep)) return VAL_NULL;
    ca->obj = keep;
    return a;
}

Value simple_from_param(Value cls, Value v) {
    int isinst = obj_isinstance_class(v, AS_TYPE(cls));
    if (isinst) return isinst < 0 ? VAL_NULL : v;
    CType *t = ctype_info(cls);
    if (!t) return err_format(&exc_TypeError, "abstract class");
    Value a = simple_carg_set(cls, t->codec->code, v);
    if (!IS_NULL(a)) return a;
    err_clear();
    return simple_as_parameter(cls, v, simple_from_param);
}

static Value simple_from_param_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    return simple_from_param(args[0], args[1]);
}

/* Is v an array or pointer of `code` items, or byref() of such an item? */
static int simple_is_char_seq(Value v, char code) {
    CType *t = ctype_of(v);
    if (t && (t->kind == CK_ARRAY || t->kind == CK_POINTER)) {
        CType *item = ctype_info(t->proto);
        return item && item->codec && item->codec->code == code;
    }
    if (IS_EXACT(v, type_carg)) {
        CType *o = ctype_of(((CArg *)AS_OBJ(v))->obj);
        return o && o->codec && o->codec->code == code;
    }
    return 0;
}

static Value simple_string_from_param(Value cls, Value v, char ptr_code, char item_code,
                                      Value (*self)(Value, Value)) {
    if (IS_NONE(v)) return VAL_NONE;
    if (ptr_code == 'z' ? IS_BYTES(v) : IS_STR(v)) return simple_carg_set(cls, ptr_code, v);
    int isinst = obj_isinstance_class(v, AS_TYPE(cls));
    if (isinst) return isinst < 0 ? VAL_NULL : v;
    if (simple_is_char_seq(v, item_code)) return v;
    return simple_as_parameter(cls, v, self);
}

static Value simple_char_p_from_param(Value cls, Value v) {
    return simple_string_from_param(cls, v, 'z', 'c', simple_char_p_from_param);
}

static Value simple_wchar_p_from_param(Value cls, Value v) {
    return simple_string_from_param(cls, v, 'Z', 'u', simple_wchar_p_from_param);
}

static Value simple_void_p_from_param(Value cls, Value v) {
    if (IS_NONE(v)) return VAL_NONE;
    if (IS_INT(v)) return simple_carg_set(cls, 'P', v);
    if (IS_BYTES(v)) return simple_carg_set(cls, 'z', v);
    if (IS_STR(v)) return simple_carg_set(cls, 'Z', v);
    int isinst = obj_isinstance_class(v, AS_TYPE(cls));
    if (isinst) return isinst < 0 ? VAL_NULL : v;
    CType *t = ctype_of(v);
    if (t && (t->kind == CK_ARRAY || t->kind == CK_POINTER)) return v;
    if (IS_EXACT(v, type_carg) && ((CArg *)AS_OBJ(v))->tag == 'P') return v;
    if (t && (t->kind == CK_FUNC || (t->kind == CK_SIMPLE && strchr("zZ", t->codec->code)))) {
        Value a = carg_new(t->kind == CK_FUNC ? 'P' : 'Z', &ffi_type_pointer, v);
        if (IS_NULL(a)) return VAL_NULL;
        memcpy(&((CArg *)AS_OBJ(a))->value.p, CDATA(v)->ptr, sizeof(void *));
        return a;
    }
    return simple_as_parameter(cls, v, simple_void_p_from_param);
}

#define SIMPLE_FROM_PARAM_M(NAME)                                         \
    static Value NAME##_m(Value *args, int nargs, Value kwnames) {        \
        (void)nargs; (void)kwnames;                                       \
        return NAME(args[0], args[1]);                                    \
    }
SIMPLE_FROM_PARAM_M(simple_char_p_from_param)
SIMPLE_FROM_PARAM_M(simple_wchar_p_from_param)
SIMPLE_FROM_PARAM_M(simple_void_p_from_param)

static const MethodDef simple_char_p_from_param_def[2] = {
    {"from_param", simple_char_p_from_param_m, METH_CLASS | ARGS_ONE, NULL}, {NULL, NULL, 0, NULL}};
static const MethodDef simple_wchar_p_from_param_def[2] = {
    {"from_param", simple_wchar_p_from_param_m, METH_CLASS | ARGS_ONE, NULL}, {NULL, NULL, 0, NULL}};
static const MethodDef simple_void_p_from_param_def[2] = {
    {"from_param", simple_void_p_from_param_m, METH_CLASS | ARGS_ONE, NULL}, {NULL, NULL, 0, NULL}};

static const MethodDef meta_simple_methods[] = {
    {"__new__", simple_meta_new_m, METH_STATIC, NULL},
    {"from_param", simple_from_param_m, ARGS_ONE, "Convert a Python object into a function call parameter."},
    {NULL, NULL, 0, NULL},
};

Type meta_simple = {
    .tp_name = "_ctypes.PyCSimpleType", .base = &type_type, .basicsize = sizeof(CType),
    .flags = TF_BASETYPE | TF_WEAKREFABLE, .trace = ctype_trace, .finalize = ctype_finalize, .methods = meta_simple_methods,
};

/* ---- instances ------------------------------------------------------------------------ */

static Value simple_value_get(Value self) {
    CType *t = ctype_of(self);
    if (!t) return err_format(&exc_TypeError, "abstract class");
    return t->codec->get(CDATA(self)->ptr, t->size, (t->flags & CTF_SWAPPED) != 0);
}

static int simple_value_set(Value self, Value v) {
    if (IS_NULL(v)) { err_format(&exc_TypeError, "can't delete attribute"); return -1; }
    CType *t = ctype_of(self);
    if (!t) { err_format(&exc_TypeError, "abstract class"); return -1; }
    Value keep = t->codec->set(CDATA(self)->ptr, v, t->size, (t->flags & CTF_SWAPPED) != 0);
    return IS_NULL(keep) ? -1 : cdata_keepref(self, 0, keep);
}

static Value simple_new_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    return cdata_new_owned(args[0]);
}

static Value simple_init_m(Value *args, int nargs, Value kwnames) {
    if (!IS_NULL(kwnames) && AS_TUPLE(kwnames)->len)
        return err_format(&exc_TypeError, "%s() takes no keyword arguments", val_type_name(args[0]));
    if (nargs > 2) return err_format(&exc_TypeError, "function takes at most 1 argument (%d given)", nargs - 1);
    if (nargs == 2 && simple_value_set(args[0], args[1]) < 0) return VAL_NULL;
    return VAL_NONE;
}

static Value simple_repr_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    Value self = args[0];
    if (!simple_is_plain(MK_OBJ(val_type(self))))
        return str_format_c("<%s object at %p>", val_type_name(self), (void *)AS_OBJ(self));
    Value v = simple_value_get(self);
    if (IS_NULL(v)) return VAL_NULL;
    return str_format_c("%s(%R)", val_type_name(self), v);
}

static Value simple_bool_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    CData *cd = CDATA(args[0]);
    for (int64_t i = 0; i < cd->size; i++)
        if (cd->ptr[i]) return VAL_TRUE;
    return VAL_FALSE;
}

static Value simple_from_outparam_m(Value *args, int nargs, Value kwnames) {
    (void)nargs; (void)kwnames;
    if (!simple_is_plain(MK_OBJ(val_type(args[0])))) return args[0];
    return simple_value_get(args[0]);
}

static const MethodDef simple_methods[] = {
    {"__new__", simple_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__repr__", simple_repr_m, ARGS_WRAP(0), NULL},
    {"__init__", simple_init_m, ARGS_ANY, NULL},
    {"__bool__", simple_bool_m, ARGS_WRAP(0), NULL},
    {"__ctypes_from_outparam__", simple_from_outparam_m, ARGS_NONE, NULL},
    {NULL, NULL, 0, NULL},
};

static const GetSetDef simple_getsets[] = {
    {"value", simple_value_get, simple_value_set, "current value"},
    {NULL, NULL, NULL, NULL},
};

CType ctype_simple_base = {.type = {
    .tp_name = "_ctypes._SimpleCData", .base = &type_cdata, .flags = TF_BASETYPE,
    .methods = simple_methods, .getsets = simple_getsets,
}};
