/* obj_type.h - internals shared by the type machinery, the descriptors and
 * the VM (beyond the public part in object.h). */
#ifndef GILPY_OBJ_TYPE_H
#define GILPY_OBJ_TYPE_H

#include "object.h"

/* The most derived of meta and the metaclasses of bases (a tuple), or NULL
 * and CPython's "metaclass conflict" TypeError. */
Type *type_calculate_metaclass(Type *meta, Value bases);
/* type.__call__: __new__ then __init__. */
Value type_call(Value cls, Value *args, int nargs, Value kwnames);
/* type.__getattribute__ / __setattr__ (v VAL_NULL deletes). */
Value type_getattr(Value cls, Value name, int suppress_missing);
int   type_setattr(Value cls, Value name, Value v);
/* Apply the descriptor protocol: descr.__get__(obj, type) if it has one.  As
 * CPython's tp_descr_get, obj is VAL_NULL for an access through the class
 * (C.attr) and None only for an access through the instance None (None.attr):
 * a type's C `get` entry sees the difference, a Python __get__ gets None for
 * both. */
Value descr_get(Value descr, Value obj, Value type);
/* The (obj, type) a __get__ slot wrapper (ARGS_WRAPT(1, 2)) was called with:
 * None means absent, as in CPython's wrap_descr_get; both are VAL_NULL when
 * absent, and both absent is a TypeError ("__get__(None, None) is invalid", -1). */
int   descr_get_args(Value *args, Value *obj, Value *type);
/* The __dict__ getset descriptor for instances of t. */
Value type_instance_dict_descr(Type *t);
/* Instances of t may be referred to weakly: TF_WEAKREFABLE and __weakref__. */
int   type_add_weakref(Type *t);

/* runtime/obj_member.c */
Value member_descr_new(Type *owner, Value name, uint32_t offset);
Value member_descr_from_getset(Type *owner, const GetSetDef *def);   /* a read-only member */
Value mappingproxy_new(Value mapping);

/* runtime/obj_func.c: native callables and descriptors */
typedef struct BuiltinFn {
    Obj   header;
    const MethodDef *def;
    Value self;             /* receiver prepended to the arguments, or VAL_NULL */
    Value module;           /* module functions: their module (__module__, __self__);
                               a type's static methods: the type (for __qualname__) */
    Value module_attr;      /* __module__ once assigned (None once deleted), else VAL_NULL */
} BuiltinFn;

typedef struct MethodDescr {   /* a native method in a type's dict */
    Obj   header;
    const MethodDef *def;
    Type *owner;
} MethodDescr;

typedef struct GetSetDescr {
    Obj   header;
    const GetSetDef *def;
    Type *owner;
} GetSetDescr;

typedef struct BoundMethod {   /* a Python function (or any callable) bound to self */
    Obj   header;
    Value func;
    Value self;
} BoundMethod;

Value getset_descr_new(Type *owner, const GetSetDef *def);
/* The setter of an attribute CPython declares as a read-only member (a
 * PyMemberDef with READONLY): "readonly attribute", where a getset without a
 * setter says "attribute 'x' of 'T' objects is not writable". */
int   getset_readonly(Value self, Value v);
/* A T_BOOL member: *slot = v, which must be a bool; deleting is refused. */
int   getset_set_bool(int *slot, Value v);
/* PyObject_GenericSetDict: *slot = v, a dict; deleting is refused. */
int   getset_set_dict(Value *slot, Value v);
Value method_new(Value func, Value self);          /* bound method */
Value staticmethod_new(Value func);
Value classmethod_new(Value func);
/* The call slots of the native callables and bound methods (runtime/call.c). */
Value native_call(Value callable, Value *args, int nargs, Value kwnames);
/* A type's native __new__ called as type(...) does: without the checks an
 * explicit T.__new__(U) gets (type_new_call_ok). */
Value native_new_call(Value newfn, Value *args, int nargs, Value kwnames);
/* T.__new__(U, ...) called explicitly: CPython's tp_new_wrapper checks (U a
 * type, a subtype of T, whose nearest builtin __new__ is T's).  0 or -1. */
int   type_new_call_ok(Type *owner, const MethodDef *def, Value *args, int nargs);
Value descr_call(Value callable, Value *args, int nargs, Value kwnames);
Value classmethod_descr_call(Value callable, Value *args, int nargs, Value kwnames);
Value method_call(Value callable, Value *args, int nargs, Value kwnames);
/* `__call__` of every type with a call slot: calls args[0] with the rest. */
Value call_dunder_m(Value *args, int nargs, Value kwnames);

/* Like obj_call_special, with keyword arguments. */
Value obj_call_special_kw(Value v, SpecialMethod sm, Value *args, int nargs, Value kwnames);
/* AttributeError with name= and obj= set, message formatted after them. */
Value err_set_attribute_error(Value obj, Value name, const char *fmt, ...);

/* Recursion accounting (runtime/abstract.c): enter/leave a C-level recursive
 * step that counts towards sys.getrecursionlimit() ("where" completes the
 * RecursionError message), or just check that the C stack has room. */
int   obj_enter_recursion(const char *where);
void  obj_leave_recursion(void);
int   obj_check_c_stack(void);
int   obj_uses_generic_getattr(Type *t);   /* object.__getattribute__, no __getattr__ */
int   obj_uses_generic_setattr(Type *t);   /* object.__setattr__ */
void  abstract_init(void);

#endif
