/* object.h - the object header, type objects, and the object protocols.
 *
 * Every heap object starts with an Obj header: its type and GC bits.  A type
 * is itself an object (a Type) holding its name, bases, MRO, a dict of
 * attributes and a cache of special methods.
 *
 * Special methods.  Every special method ("dunder") a type has, builtin or
 * user-defined, is an ordinary attribute in some dict along its MRO: `list`
 * has a native `__getitem__` in its dict, a user class may define its own in
 * Python.  `Type.slots[SM_x]` caches the result of looking `__x__` up along
 * the MRO (VAL_NULL when absent), recomputed when a class or one of its bases
 * changes.  The protocols below (obj_getitem, obj_repr, ...) call the cached
 * slot: a native one through its C pointer with no allocation, a Python one
 * through the VM.  Hot paths for builtin types (int + int, list[i]) are in
 * the VM before any of this.  One mechanism serves `len(x)`, `x.__len__()`,
 * `super().__init__()` and `object.__new__(cls)` alike.
 *
 * Calling convention for native code (NativeFn): positional arguments in
 * args[0..nargs), then the values of keyword arguments, whose names are in
 * kwnames (a tuple of str, or VAL_NULL when there are none).  A method gets
 * its receiver as args[0].  A failing function sets the thread's pending
 * exception (runtime/error.h) and returns VAL_NULL; a successful one never
 * returns VAL_NULL.
 *
 * Memory.  Objects come from gc_alloc (runtime/gc.h) zeroed.  C code may hold
 * Values in locals freely: the collector scans every thread's C stack
 * conservatively.  Values stored in malloc'd memory are invisible to it, so
 * keep them in objects (a list or tuple as scratch) or in gc roots.
 */
#ifndef GILPY_OBJECT_H
#define GILPY_OBJECT_H

#include <stddef.h>
#include <stdint.h>
#include "ops.h"
#include "value.h"

typedef struct Type Type;

/* ---- the header ---------------------------------------------------------- */
typedef struct Obj {
    Type *type;
    uint32_t gcflags;   /* GCF_* below; owned by the collector */
    uint32_t aux;       /* free for the type's own use (e.g. str hash flags) */
} Obj;

enum {
    GCF_MARK   = 1u << 0,   /* reached in the current collection */
    GCF_STATIC = 1u << 1,   /* not on the GC heap (static type objects) */
    GCF_FINAL  = 1u << 2,   /* type has a finalizer to run at sweep */
    GCF_OWNED  = 1u << 3,   /* a gc_malloc buffer still owned: never swept */
    GCF_WEAKREFD   = 1u << 4,   /* weak references to it exist (runtime/weakref.c) */
    GCF_FINALIZED  = 1u << 5,   /* its finalizer was queued once (runtime/finalize.c) */
    GCF_SEEN       = 1u << 6,   /* visited by finalize.c's cycle test (cleared after) */
    GCF_KEPT_OWNED = 1u << 7,   /* a buffer the last sweep kept only because it was owned */
};

/* ---- native functions ---------------------------------------------------- */
typedef Value (*NativeFn)(Value *args, int nargs, Value kwnames);

/* How a type's instances are called: CPython's vectorcall shape (positional
 * args[0..nargs), keyword values after them named by the kwnames tuple).
 * runtime/call.c dispatches every call through it. */
typedef Value (*CallFn)(Value callable, Value *args, int nargs, Value kwnames);

/* MethodDef.flags: how the function binds, and what arguments it accepts.
 *
 * Arity lives in the table, not in each function (the ARGS_* values below):
 * the call path (runtime/call.c) checks the count and the keywords once, with
 * the message CPython gives for a function of the same kind, and passes the
 * function exactly the arguments it declared.  A function whose optional
 * arguments were not given receives VAL_NULL in their places (so `nargs` is
 * always its maximum, plus the receiver), and a function with keyword
 * parameters (ARGS_KW) receives them by position, in the order of its
 * signature.  A function body starts with its work.
 *
 *   ARGS_NONE           no arguments (CPython's METH_NOARGS)
 *   ARGS_ONE            exactly one (METH_O)
 *   ARGS_POS(lo, hi)    lo..hi positional-only ("f expected at most 2 arguments, got 3")
 *   ARGS_TUPLE(lo, hi)  the same, worded as PyArg_ParseTuple ("f() takes at most 2
 *                       arguments (3 given)")
 *   ARGS_WRAP(n)        a slot wrapper (__add__, __len__): exactly n, "expected 1
 *                       argument, got 0"
 *   ARGS_WRAPT(lo, hi)  a slot wrapper with optional arguments (__pow__, __setattr__):
 *                       " expected at least 1 argument, got 0"
 *   ARGS_VAR            any number of positional arguments, no keywords (METH_VARARGS:
 *                       set.union); the function gets them as given
 *   ARGS_KW             positional and keyword parameters, given by MethodDef.sig in
 *                       CPython's __text_signature__ syntax: "($self, /, sep=None,
 *                       maxsplit=-1)"; `/`, `*`, `*args` and defaults are understood
 *                       (defaults are documentation: the function sees VAL_NULL)
 *   ARGS_ANY            (0) the function parses its own arguments (max, __init__)
 *
 * METH_VARARGS, with ARGS_POS or ARGS_TUPLE, marks a function CPython defines with
 * METH_VARARGS (time.strftime, _thread.start_new_thread): called as a function (not
 * through its method descriptor), its "takes no keyword arguments" names it bare,
 * "strftime()", where every other kind says "time.strftime()" (ARGS_VAR is always
 * worded so).
 *
 * Counts exclude the receiver of a method (args[0]). */
enum {
    METH_CLASS   = 1u << 0, /* classmethod: args[0] is the class */
    METH_STATIC  = 1u << 1, /* staticmethod: no receiver */
    METH_VARARGS = 1u << 2, /* CPython's METH_VARARGS wording (above) */
};
enum { ARGK_ANY, ARGK_NONE, ARGK_ONE, ARGK_POS, ARGK_TUPLE, ARGK_WRAP, ARGK_WRAPT, ARGK_VAR, ARGK_KW };
#define ARGS_MAKE_(kind, lo, hi) ((uint32_t)(kind) << 4 | (uint32_t)(lo) << 8 | (uint32_t)(hi) << 16)
#define ARGS_ANY            0u
#define ARGS_NONE           ARGS_MAKE_(ARGK_NONE, 0, 0)
#define ARGS_ONE            ARGS_MAKE_(ARGK_ONE, 1, 1)
#define ARGS_POS(lo, hi)    ARGS_MAKE_(ARGK_POS, lo, hi)
#define ARGS_TUPLE(lo, hi)  ARGS_MAKE_(ARGK_TUPLE, lo, hi)
#define ARGS_WRAP(n)        ARGS_MAKE_(ARGK_WRAP, n, n)
#define ARGS_WRAPT(lo, hi)  ARGS_MAKE_(ARGK_WRAPT, lo, hi)
#define ARGS_VAR            ARGS_MAKE_(ARGK_VAR, 0, 0xFF)
#define ARGS_KW             ARGS_MAKE_(ARGK_KW, 0, 0xFF)   /* counts: from .sig */
#define ARGS_KIND(flags)    (((flags) >> 4) & 0xFu)
#define ARGS_LO(flags)      ((int)(((flags) >> 8) & 0xFFu))
#define ARGS_HI(flags)      ((int)(((flags) >> 16) & 0xFFu))
#define ARGS_MAX_PARAMS     16   /* most parameters an ARGS_KW signature may name */

typedef struct MethodDef {
    const char *name;
    NativeFn fn;
    uint32_t flags;         /* METH_* | ARGS_* */
    const char *doc;
    const char *sig;        /* ARGS_KW: the parameters, "($self, /, key=None)"; any
                               kind: a leading name ("acquire($self, ...)") replaces
                               `name` in the messages, as CPython's format strings do */
} MethodDef;

/* A computed attribute of a builtin type (a "getset descriptor"). set is NULL
 * for read-only attributes; set receives VAL_NULL to delete. */
typedef struct GetSetDef {
    const char *name;
    Value (*get)(Value self);
    int (*set)(Value self, Value v);   /* 0 ok, -1 error */
    const char *doc;
} GetSetDef;

/* ---- special methods ------------------------------------------------------ */
/* One X-macro list; the binary operators follow ast.h's BinOpKind order. */
#define SPECIAL_METHODS(X)                                                   \
    X(REPR, "__repr__") X(STR, "__str__") X(HASH, "__hash__")                \
    X(BOOL, "__bool__") X(LEN, "__len__") X(ITER, "__iter__")                \
    X(NEXT, "__next__") X(CALL, "__call__")                                  \
    X(GETATTRIBUTE, "__getattribute__") X(GETATTR, "__getattr__")            \
    X(SETATTR, "__setattr__") X(DELATTR, "__delattr__")                      \
    X(GETITEM, "__getitem__") X(SETITEM, "__setitem__")                      \
    X(DELITEM, "__delitem__") X(CONTAINS, "__contains__")                    \
    X(MISSING, "__missing__") X(REVERSED, "__reversed__")                    \
    X(LT, "__lt__") X(LE, "__le__") X(EQ, "__eq__") X(NE, "__ne__")          \
    X(GT, "__gt__") X(GE, "__ge__")                                          \
    X(ADD, "__add__") X(SUB, "__sub__") X(MUL, "__mul__")                    \
    X(MATMUL, "__matmul__") X(TRUEDIV, "__truediv__")                        \
    X(FLOORDIV, "__floordiv__") X(MOD, "__mod__") X(POW, "__pow__")          \
    X(LSHIFT, "__lshift__") X(RSHIFT, "__rshift__") X(OR, "__or__")          \
    X(XOR, "__xor__") X(AND, "__and__")                                      \
    X(RADD, "__radd__") X(RSUB, "__rsub__") X(RMUL, "__rmul__")              \
    X(RMATMUL, "__rmatmul__") X(RTRUEDIV, "__rtruediv__")                    \
    X(RFLOORDIV, "__rfloordiv__") X(RMOD, "__rmod__") X(RPOW, "__rpow__")    \
    X(RLSHIFT, "__rlshift__") X(RRSHIFT, "__rrshift__") X(ROR, "__ror__")    \
    X(RXOR, "__rxor__") X(RAND, "__rand__")                                  \
    X(IADD, "__iadd__") X(ISUB, "__isub__") X(IMUL, "__imul__")              \
    X(IMATMUL, "__imatmul__") X(ITRUEDIV, "__itruediv__")                    \
    X(IFLOORDIV, "__ifloordiv__") X(IMOD, "__imod__") X(IPOW, "__ipow__")    \
    X(ILSHIFT, "__ilshift__") X(IRSHIFT, "__irshift__") X(IOR, "__ior__")    \
    X(IXOR, "__ixor__") X(IAND, "__iand__")                                  \
    X(DIVMOD, "__divmod__") X(RDIVMOD, "__rdivmod__")                        \
    X(NEG, "__neg__") X(POS, "__pos__") X(INVERT, "__invert__")              \
    X(ABS, "__abs__") X(INT, "__int__") X(FLOAT, "__float__")                \
    X(INDEX, "__index__") X(ROUND, "__round__") X(FORMAT, "__format__")      \
    X(ENTER, "__enter__") X(EXIT, "__exit__")                                \
    X(GET, "__get__") X(SET, "__set__") X(DELETE, "__delete__")              \
    X(INIT, "__init__") X(NEW, "__new__") X(DEL, "__del__")                  \
    X(INIT_SUBCLASS, "__init_subclass__") X(SET_NAME, "__set_name__")        \
    X(CLASS_GETITEM, "__class_getitem__") X(LENGTH_HINT, "__length_hint__")  \
    X(INSTANCECHECK, "__instancecheck__") X(SUBCLASSCHECK, "__subclasscheck__")

typedef enum {
#define SM_ENUM(id, name) SM_##id,
    SPECIAL_METHODS(SM_ENUM)
#undef SM_ENUM
    SM__COUNT
} SpecialMethod;

/* The rich-comparison slots in CmpOpKind order (ast.h: EQ NE LT LE GT GE). */
#define SM_FOR_CMP(op) ((SpecialMethod)((const int[]){SM_EQ, SM_NE, SM_LT, SM_LE, SM_GT, SM_GE}[op]))

extern const char *const sm_names[SM__COUNT];   /* "__repr__", ... */
extern Value sm_name_values[SM__COUNT];         /* the same, interned str */

/* ---- the buffer protocol ---------------------------------------------------
 *
 * An object whose memory others may read (and write) in place exports a
 * Buffer through its type's `getbuffer`: bytes (read-only), bytearray,
 * memoryview (what it views), array and mmap.  The exporter fills
 * in where the bytes are and how to read them; the consumer calls
 * buffer_release (runtime/obj_memoryview.h) when done, which calls the
 * type's `releasebuffer` if it has one.  An exporter whose memory may move
 * (bytearray) counts its exports and refuses to resize while any is held
 * ("BufferError: Existing exports of data: object cannot be re-sized").
 *
 * A Buffer describes an ndim-dimensional array of itemsize-byte items in
 * struct-module `format`: item (i0, i1, ...) starts at buf + i0*strides[0] +
 * i1*strides[1] + ...  Exporters give one-dimensional contiguous memory, so
 * they may leave shape and strides NULL (= {len / itemsize} and {itemsize})
 * and format NULL (= "B"); memoryview makes the rest (slices, cast()).
 *
 * flags (CPython's PyBUF_*): BUF_WRITABLE asks for writable memory (an
 * exporter of read-only memory then fails with BufferError "Object is not
 * writable."); every other request is satisfied by one-dimensional
 * contiguous bytes. */
typedef struct Buffer {
    Value    obj;            /* the exporter (the consumer keeps it alive) */
    uint8_t *buf;            /* the first item */
    int64_t  len;            /* bytes: product(shape) * itemsize */
    int64_t  itemsize;
    int      readonly;
    int      ndim;
    const char *format;      /* NULL means "B" */
    int64_t *shape;          /* ndim entries, or NULL (see above) */
    int64_t *strides;        /* ndim entries, or NULL */
    void    *internal;       /* the exporter's own use */
} Buffer;

enum { BUF_SIMPLE = 0, BUF_WRITABLE = 1 };

typedef int  (*GetBufferFn)(Value obj, Buffer *view, int flags);   /* 0, or -1 and an error */
typedef void (*ReleaseBufferFn)(Value obj, Buffer *view);

/* ---- type objects -------------------------------------------------------- */
enum {
    TF_HEAPTYPE        = 1u << 0,   /* created by a class statement */
    TF_BASETYPE        = 1u << 1,   /* may be subclassed */
    TF_HAS_DICT        = 1u << 2,   /* instances have a __dict__ at dictoffset */
    TF_INT_SUBCLASS    = 1u << 3,
    TF_FLOAT_SUBCLASS  = 1u << 4,
    TF_STR_SUBCLASS    = 1u << 5,
    TF_BYTES_SUBCLASS  = 1u << 6,
    TF_TUPLE_SUBCLASS  = 1u << 7,
    TF_LIST_SUBCLASS   = 1u << 8,
    TF_DICT_SUBCLASS   = 1u << 9,
    TF_SET_SUBCLASS    = 1u << 10,
    TF_TYPE_SUBCLASS   = 1u << 11,
    TF_EXC_SUBCLASS    = 1u << 12,  /* BaseException and its subclasses */
    TF_ABSTRACT        = 1u << 13,  /* cannot be instantiated from Python */
    TF_IMMUTABLE       = 1u << 14,  /* builtin type: its attributes are read-only */
    TF_HAS_SLOTS       = 1u << 15,  /* the class itself declared non-empty __slots__ */
    TF_METHOD_DESCR    = 1u << 16,  /* instances found on a class bind to the instance
                                       as methods (functions, method descriptors):
                                       LOAD_METHOD may skip the bound-method object */
    TF_FUNCTION        = 1u << 17,  /* Python functions (interp/func.c), which the
                                       runtime knows only by this flag */
    TF_WEAKREFABLE     = 1u << 18,  /* instances may be referred to weakly (CPython's
                                       tp_weaklistoffset != 0) */
    TF_STRUCTSEQ       = 1u << 19,  /* a named tuple made in C (runtime/structseq.c) */
    TF_HAS_ABSTRACTS   = 1u << 20,  /* __abstractmethods__ is set and not empty: object.__new__
                                       refuses (CPython's Py_TPFLAGS_IS_ABSTRACT) */
    /* Pattern matching (CPython's Py_TPFLAGS_SEQUENCE / _MAPPING and
       _Py_TPFLAGS_MATCH_SELF).  High bits, away from the ones above. */
    TF_SEQUENCE        = 1u << 28,  /* a subject for sequence patterns: list, tuple,
                                       range, Sequence subclasses and registrants */
    TF_MAPPING         = 1u << 29,  /* a subject for mapping patterns: dict, Mapping ... */
    TF_MATCH_SELF      = 1u << 30,  /* `case int(x)`: one positional sub-pattern
                                       matches the subject itself */
};

struct Type {
    Obj      header;
    const char *tp_name;       /* builtins: "int", "builtin_function_or_method";
                                  heap types: NULL (use `name`) */
    Type    *base;             /* __base__: the base whose layout instances extend */
    uint32_t flags;            /* TF_* */
    uint32_t basicsize;        /* bytes of an instance */
    uint32_t dictoffset;       /* offset of the instance's Value __dict__, 0 if none */
    uint32_t version;          /* bumped whenever this type or a base changes;
                                  inline caches compare it */
    uint32_t values_start;     /* heap types: instances hold Values (the __dict__
                                  slot, __slots__ members) from this offset to
                                  basicsize; 0 when none */
    void   (*trace)(Obj *);    /* marks the instance's children; NULL if none */
    void   (*finalize)(Obj *); /* frees malloc'd parts at sweep; NULL if none */
    const MethodDef *methods;  /* builtins: put into dict by type_ready */
    const GetSetDef *getsets;
    Value    name;             /* str __name__ */
    Value    qualname;         /* str __qualname__ */
    Value    bases;            /* tuple __bases__ */
    Value    mro;              /* tuple __mro__ */
    Value    dict;             /* dict of attributes */
    Value    subclasses;       /* list of direct subclasses (for slot updates) */
    Value    slots[SM__COUNT]; /* cached special-method lookup; VAL_NULL absent */
    /* C entry points that stand for a dunder of a builtin type (the dunder
       itself stays in the dict for Python to see).  Heap types inherit them
       from their nearest builtin base while they do not override the dunder;
       NULL means "go through the dunder". */
    CallFn   call;             /* __call__: how instances are called (runtime/call.c) */
    Value  (*get)(Value descr, Value obj, Value type);  /* __get__ (CPython's tp_descr_get):
                                  obj VAL_NULL for an access through the class, None for
                                  the instance None (runtime/obj_type.h: descr_get) */
    GetBufferFn     getbuffer;     /* the buffer protocol (above); NULL: not an exporter.
                                      Classes inherit their builtin base's */
    ReleaseBufferFn releasebuffer; /* NULL: nothing to undo */
    /* CPython's am_send: resume the iterator with a value, for `yield from` and
       `await`: 1 it yielded *out, 0 it returned *out (no StopIteration object
       made), -1 error.  NULL: through __next__ and send().  Not inherited (a
       class may override either method). */
    int    (*send)(Value it, Value v, Value *out);
};

/* An instance of a user class with no builtin base: header + __dict__. */
typedef struct Instance {
    Obj   header;
    Value dict;
} Instance;

/* The builtin types every file may name. Each lives in runtime/obj_<x>.c. */
extern Type type_object, type_type, type_none, type_notimplemented, type_ellipsis,
    type_bool, type_int, type_float, type_complex, type_str, type_bytes, type_bytearray,
    type_list, type_tuple, type_dict, type_set, type_frozenset, type_range,
    type_slice, type_function, type_builtin_function, type_method, type_code,
    type_cell, type_property, type_staticmethod, type_classmethod, type_super,
    type_generator, type_module, type_traceback, type_getset_descriptor,
    type_method_descriptor, type_classmethod_descriptor, type_wrapper_descriptor,
    type_method_wrapper,
    type_member_descriptor, type_mappingproxy;

/* ---- registration ------------------------------------------------------------
 * A static type registers itself in its own file, after its definition:
 *
 *     GILPY_TYPE(type_list, "list");             readied at start-up and named
 *                                                  builtins.list
 *     GILPY_TYPE(type_list_iterator, NULL);       readied at start-up only
 *
 * The macro puts a pointer to a {type, name} entry into the ELF section
 * `gilpy_types`, which runtime/types.c walks (interp/modreg.h explains the
 * mechanism, shared with the module registry).  So adding a type is its own
 * file plus its line in the build: no table elsewhere names it. */
typedef struct TypeReg {
    Type *type;
    const char *builtin_name;   /* its name in the builtins module, or NULL */
} TypeReg;
#define GILPY_TYPE(TYPE, BUILTIN_NAME)                                         \
    static const TypeReg gilpy_typereg_##TYPE = {&TYPE, BUILTIN_NAME};         \
    static const TypeReg *const gilpy_typeref_##TYPE                           \
        __attribute__((used, section("gilpy_types"))) = &gilpy_typereg_##TYPE
/* Every registered type (*n of them), in link order. */
const TypeReg *const *types_registered(size_t *n);

/* NotImplemented and Ellipsis are static objects. */
extern Obj notimplemented_obj, ellipsis_obj;
#define VAL_NOTIMPLEMENTED MK_OBJ(&notimplemented_obj)
#define VAL_ELLIPSIS       MK_OBJ(&ellipsis_obj)

/* The type of any value. */
static inline Type *val_type(Value v) {
    if (IS_OBJ(v)) return AS_OBJ(v)->type;
    if (IS_FLOAT(v)) return &type_float;
    if (IS_SMALLINT(v)) return &type_int;
    if (IS_BOOL(v)) return &type_bool;
    return &type_none;
}

#define TYPE_HAS(t, f)        (((t)->flags & (f)) != 0)
#define VAL_HAS_TF(v, f)      (IS_OBJ(v) && TYPE_HAS(AS_OBJ(v)->type, f))
/* Fast "is an instance of (a subclass of) X" for the builtin families. */
#define IS_STR(v)   VAL_HAS_TF(v, TF_STR_SUBCLASS)
#define IS_TUPLE(v) VAL_HAS_TF(v, TF_TUPLE_SUBCLASS)
#define IS_LIST(v)  VAL_HAS_TF(v, TF_LIST_SUBCLASS)
#define IS_DICT(v)  VAL_HAS_TF(v, TF_DICT_SUBCLASS)
#define IS_TYPE(v)  VAL_HAS_TF(v, TF_TYPE_SUBCLASS)
#define IS_EXC(v)   VAL_HAS_TF(v, TF_EXC_SUBCLASS)
#define IS_BYTES(v) VAL_HAS_TF(v, TF_BYTES_SUBCLASS)
/* ints: small, or heap Int (big, or an instance of an int subclass), or bool */
#define IS_INT(v)   (IS_SMALLINT(v) || IS_BOOL(v) || VAL_HAS_TF(v, TF_INT_SUBCLASS))
#define IS_FLOATOBJ(v) (IS_FLOAT(v) || VAL_HAS_TF(v, TF_FLOAT_SUBCLASS))
/* Exactly the builtin type (no subclass). */
#define IS_EXACT(v, t) (IS_OBJ(v) && AS_OBJ(v)->type == &(t))
#define AS_TYPE(v)  ((Type *)AS_OBJ(v))

/* ---- type machinery (runtime/obj_type.c) ---------------------------------- */
void  type_ready(Type *t);                  /* finish a static builtin type */
/* Give a readied static type a second base after its layout base (ExceptionGroup's
 * Exception): __bases__, the C3 __mro__ and the slots follow. */
void  type_add_static_base(Type *t, Type *extra);
int   type_is_subtype(Type *a, Type *b);    /* a is b or derives from it */
int   val_isinstance(Value v, Type *t);     /* exact MRO test, no __instancecheck__ */
int   obj_isinstance_class(Value v, Type *t); /* that, or a __class__ claims t: -1 on error */
int64_t val_identity_hash(Value v);       /* object.__hash__ (obj_type.c) */
Value obj_lookup_special(Value self, const char *name); /* bound, from the type; NULL: none */
Type *obj_claimed_class(Value o);         /* a proxy's __class__, else NULL (obj_type.c) */
Value type_lookup(Type *t, Value name);     /* MRO search; VAL_NULL if absent (no error) */
Value type_lookup_c(Type *t, const char *name);
/* The name CPython's messages give a type (its tp_name): __name__ for a class,
 * the dotted name for a type written in C ('types.UnionType', '_thread.lock');
 * type_qualname is __qualname__ (outer.<locals>.K), for function names. */
const char *type_name(Type *t);
const char *type_qualname(Type *t);
#define val_type_name(v) type_name(val_type(v))
/* Recompute t->slots (and its subclasses') after a change of `name` (or all
 * slots when name is VAL_NULL). */
void  type_update_slots(Type *t, Value name);
/* types_init: intern the special-method names; readying types without their
 * slots (on) until one pass over every type computes them (off). */
void  type_init_special_names(void);
void  type_defer_slots(int on);
/* The pattern-matching flags a type gets from its bases (TF_MATCH_SELF from
 * its base, TF_SEQUENCE/TF_MAPPING from the first class of its MRO that has
 * one) and from a `__abc_tpflags__` entry in its own dict (CPython's
 * collections.abc sets 1 << 5 there for Sequence, 1 << 6 for Mapping; the
 * entry is removed). */
int   type_inherit_match_flags(Type *t);
/* `abc.register(sub)` for an ABC with a collection flag: give sub and its
 * subclasses that flag instead of the other one (builtin types keep theirs). */
void  type_set_collection_flag(Type *t, uint32_t flag);
/* Create a class: type(name, bases, dict). */
Value type_new_class(Type *meta, Value name, Value bases, Value dict, Value kwnames_kwargs);
/* A new heap object of type t whose size is t->basicsize, zeroed. */
Obj  *obj_new_instance(Type *t);
/* The same with size bytes (>= basicsize): variable-size data after the fixed part. */
Obj  *obj_new_instance_sized(Type *t, size_t size);

/* Native function objects for a module or a type's dict. */
Value builtin_fn_new(const MethodDef *def, Value self_or_module);
/* Add functions to a dict (module namespaces, type dicts). */
void  dict_add_methods(Value dict, const MethodDef *defs, Value self_or_module);

/* ---- the object protocols (runtime/abstract.c) ---------------------------- */
/* All return VAL_NULL / -1 with an exception set on failure. */
Value   obj_repr(Value v);
Value   obj_repr_uncounted(Value v);   /* object.__str__: no recursion level */
Value   obj_str(Value v);
Value   obj_ascii(Value v);
int64_t obj_hash(Value v);                  /* -1 on error (never a real hash) */
int     obj_truthy(Value v);                /* 1, 0, -1 */
int64_t obj_len(Value v);                   /* -1 on error */
int64_t obj_length_hint(Value v, int64_t dflt);   /* PyObject_LengthHint: -1 on error */
Value   obj_richcompare(Value a, Value b, int cmpop);  /* CmpOpKind EQ..GE */
int     obj_eq(Value a, Value b);           /* identity, then ==; 1, 0, -1 */
int     obj_richcompare_bool(Value a, Value b, int cmpop); /* 1, 0, -1 */
Value   obj_getattr(Value o, Value name);   /* name: str */
Value   obj_getattr_c(Value o, const char *name);
/* Like obj_getattr but VAL_NULL with no exception when the attribute is missing. */
Value   obj_getattr_opt(Value o, Value name);
int     obj_setattr(Value o, Value name, Value v);   /* v VAL_NULL deletes */
int     obj_hasattr(Value o, Value name);   /* 1, 0, -1 */
/* object's default attribute protocol (object.__getattribute__/__setattr__) */
Value   obj_generic_getattr(Value o, Value name, int suppress_missing);
int     obj_generic_setattr(Value o, Value name, Value v);
Value  *obj_dict_ptr(Value o);              /* the instance __dict__ slot or NULL */
Value   obj_getitem(Value o, Value key);
int     obj_setitem(Value o, Value key, Value v);
int     obj_delitem(Value o, Value key);
int     obj_contains(Value container, Value item);   /* 1, 0, -1 */
Value   obj_iter(Value o);
/* Next item; VAL_NULL with no exception set when the iterator is exhausted. */
Value   obj_next(Value it);
/* The same for an iterator that forwards another's end (enumerate, map, zip,
 * filter): an end signalled by StopIteration(value) leaves it pending, so the
 * value reaches `yield from` and next() as in CPython, where such a
 * tp_iternext returns NULL without clearing it.  A __next__ may end either way. */
Value   obj_next_forward(Value it);
Value   obj_binop(Value a, Value b, int op);         /* BinOpKind */
Value   obj_inplace_binop(Value a, Value b, int op); /* a op= b */
Value   obj_unaryop(Value a, int op);                /* UnaryOpKind (not NOT) */
Value   obj_format(Value v, Value spec);             /* format(v, spec) */
/* __index__ of v as an int64; on overflow raises "cannot fit 'int' into an
 * index-sized integer" (CPython's PyNumber_AsSsize_t): as an IndexError for a
 * subscript (obj_index_i64: x[2**70]), as an OverflowError for a count or a
 * size (obj_index_size: b'a' * 2**70, bytes(2**70), f.read(2**70)). */
int     obj_index_i64(Value v, int64_t *out);
int     obj_index_size(Value v, int64_t *out);
Value   obj_index(Value v);                          /* an int, via __index__ */
/* CPython's PyNumber_Check: an int, float or complex, or a type with __index__,
 * __int__ or __float__. */
int     obj_is_number(Value v);
/* Call the special method `sm` of v's type with args (receiver first);
 * VAL_NULL with no exception set if the type lacks it. */
Value   obj_call_special(Value v, SpecialMethod sm, Value *args, int nargs);
/* Call o.name(*args). */
Value   obj_call_method(Value o, const char *name, Value *args, int nargs);
/* Collect an iterable into a new list / tuple. */
Value   seq_to_list(Value iterable);
Value   seq_to_tuple(Value iterable);

#endif
