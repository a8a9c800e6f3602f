/* ctypes.h - what the files of the `_ctypes` module share.
 *
 * `_ctypes` is CPython's C half of `ctypes`: CPython's own ctypes package
 * (/usr/lib/python3.11/ctypes) runs unchanged over it.  The files, one
 * concept each:
 *   ctypes_codec.c    reading and writing one C scalar at an address (the
 *                     per-letter codecs: 'i', 'd', 'z', bit fields, swapped bytes)
 *   ctypes_cdata.c    _CData: the instance memory, who keeps it alive
 *                     (_b_base_, _objects), the buffer protocol, pickling, and
 *                     the metaclass methods every C type has (from_address...)
 *   ctypes_simple.c   _SimpleCData and PyCSimpleType (c_int, c_char_p, ...)
 *   ctypes_struct.c   Structure, Union, their fields (CField) and layout
 *   ctypes_array.c    Array and PyCArrayType (c_int * 5)
 *   ctypes_pointer.c  _Pointer and PyCPointerType, POINTER(), pointer()
 *   ctypes_carg.c     CArgObject (byref(), from_param results) and the
 *                     conversion of any argument to what libffi passes
 *   ctypes_funcptr.c  CFuncPtr: foreign calls through libffi (the GIL is
 *                     released around them), callbacks (closures that take
 *                     the GIL back), argtypes/restype/errcheck, errno
 *   mod_ctypes.c      the module: sizeof, byref, dlopen, the helper C
 *                     functions ctypes calls through their addresses
 *
 * Type information.  CPython keeps a C type's size, alignment, libffi type
 * and item type in a dict subclass that replaces the class's __dict__.  gilpy
 * keeps them in the class object itself: every ctypes metaclass
 * (PyCSimpleType, PyCStructType, UnionType, PyCArrayType, PyCPointerType,
 * PyCFuncPtrType) lays its instances out as a CType, a Type with the
 * information after it (type_new_class allocates the metaclass's basicsize).
 * A class with `kind == CK_NONE` (Structure itself, _SimpleCData) has no
 * storage information: "this type has no size".
 *
 * Memory.  A CData instance points at its C memory: its own (inline when
 * small, else malloc'd and freed by its finalizer) or another object's (a
 * structure's field, an array's item, memory from from_buffer or a pointer's
 * target).  Such an instance keeps its owner alive through `base` (CPython's
 * _b_base_), and the objects a C value refers to (the bytes behind a
 * c_char_p, a py_object's referent, a pointer's target) are kept in the root
 * owner's `objects` (_objects), keyed as CPython keys them, so the collector
 * never frees memory a live pointer reaches.
 */
#ifndef GILPY_CTYPES_H
#define GILPY_CTYPES_H

#include <ffi.h>
#include <stdint.h>
#include <wchar.h>
#include <sys/types.h>
#include "runtime/object.h"
#include "runtime/obj_list.h"
#include "runtime/state.h"

typedef enum { CK_NONE, CK_SIMPLE, CK_STRUCT, CK_UNION, CK_ARRAY, CK_POINTER, CK_FUNC } CKind;

/* CType.flags (CPython's TYPEFLAG_* and DICTFLAG_FINAL) */
enum {
    CTF_POINTER = 1, CTF_HASPOINTER = 2, CTF_HASUNION = 4, CTF_HASBITFIELD = 8,
    CTF_FINAL = 16,     /* used as a field type or instantiated: _fields_ may not change */
    CTF_SWAPPED = 32,   /* a simple type of the other byte order (__ctype_be__) */
};
enum { FUNCFLAG_CDECL = 1, FUNCFLAG_PYTHONAPI = 4, FUNCFLAG_USE_ERRNO = 8, FUNCFLAG_USE_LASTERROR = 16 };

/* One C scalar at an address.  `size` is the byte size, or for a bit field
 * (bits << 16) | first bit (CPython's encoding); get returns the Python
 * value; set stores v and returns what must stay alive for the stored value
 * to remain valid (None when nothing), VAL_NULL on error. */
typedef Value (*CGetFn)(const void *ptr, int64_t size, int swapped);
typedef Value (*CSetFn)(void *ptr, Value v, int64_t size, int swapped);
typedef struct Codec {
    char code;
    CGetFn get;
    CSetFn set;
    ffi_type *ffi;
    int64_t size, align;
    const char *pep3118;    /* memoryview format, "<i"... ('<' replaced when swapped) */
} Codec;
const Codec *codec_find(char code);            /* NULL: not a type letter */
extern const char codec_letters[];             /* CPython's SIMPLE_TYPE_CHARS */
/* the bits a bit field covers, from its encoded size */
#define BITS_NUM(size) ((size) >> 16)
#define BITS_OFS(size) ((size) & 0xFFFF)
/* a str as NUL-terminated wchar_t in a bytes object; its code points into w */
Value codec_wchar_buffer(Value s);
int64_t codec_str_wchars(Value s, wchar_t *w);
/* py_object cells: a Value in C memory (0 is NULL there, so +0.0 is boxed) */
Value codec_pyobj_read(uint64_t raw);          /* VAL_NULL (no error) for NULL */
uint64_t codec_pyobj_word(Value v);

typedef struct CType {
    Type type;
    int kind, flags;
    int64_t size, align, length;   /* length: array items, structure fields */
    ffi_type ffi;                  /* how libffi passes the type by value */
    ffi_type **elements;           /* ffi.elements when malloc'd here */
    const Codec *codec;            /* simple types */
    Value proto;                   /* arrays, pointers: the item type; simple: _type_ */
    Value fields;                  /* structures: list of the (name, type[, bits]) tuples */
    Value argtypes, restype, checker;  /* function types (_argtypes_, _restype_, errcheck) */
    int funcflags;
    char *format;                  /* PEP 3118 format of the buffer, malloc'd, or NULL */
    int ndim;                      /* arrays: dimensions and their lengths */
    int64_t *shape;
} CType;

typedef struct CData {
    Obj header;
    uint8_t *ptr;          /* the C memory */
    int64_t size;
    int64_t length;        /* b_length: the type's */
    int64_t index;         /* where in base this object lives (a key of _objects) */
    Value base;            /* _b_base_: the object owning ptr, VAL_NULL if self/none */
    Value objects;         /* _objects: VAL_NULL until something must be kept */
    int owns;              /* ptr is malloc'd: free at finalization */
    union { long double ld; void *p; uint8_t b[16]; } small;   /* inline memory */
} CData;
#define CDATA(v) ((CData *)AS_OBJ(v))

/* CFuncPtr instances extend CData (the function address is their memory). */
typedef struct Thunk Thunk;
typedef struct FuncPtr {
    CData cd;
    Value argtypes, converters, restype, checker, errcheck, callable, keep;
    Thunk *thunk;          /* a callback's libffi closure, or NULL */
} FuncPtr;

extern Type type_cdata, type_cfield, type_carg;
/* the bases of the kinds (_SimpleCData, Structure, Union, Array, _Pointer,
 * CFuncPtr) are classes of the metaclasses below: CTypes without storage */
extern CType ctype_simple_base, ctype_struct_base, ctype_union_base, ctype_array_base,
    ctype_pointer_base, ctype_funcptr_base;
#define type_simple_cdata (ctype_simple_base.type)
extern Type meta_simple, meta_struct, meta_union, meta_array, meta_pointer, meta_funcptr;
extern Value ctypes_argument_error;            /* _ctypes.ArgumentError */
extern Value ctypes_unpickle;                   /* _ctypes._unpickle */
#define BYTES_DATA(v) (AS_BYTES(v)->data)
#define BYTES_LEN(v)  (AS_BYTES(v)->len)

/* ---- ctypes_cdata.c ---- */
/* The storage information of a class, or NULL (no error set) when it has none. */
CType *ctype_info(Value cls);
CType *ctype_of(Value v);                      /* of a CData instance's type, or NULL */
int   cdata_check(Value v);                    /* a _CData instance? */
/* A new instance of cls owning fresh zeroed memory / living at ptr inside base
 * (base VAL_NULL: foreign memory nobody owns, from_address). */
Value cdata_new_owned(Value cls);
Value cdata_new_at(Value cls, Value base, int64_t index, void *ptr);
/* A new instance of cls holding a copy of the size bytes at ptr. */
Value cdata_new_copy(Value cls, const void *ptr);
/* Keep `keep` alive for as long as target's memory (CPython's KeepRef). */
int   cdata_keepref(Value target, int64_t index, Value keep);
/* The root owner of target's memory, its _objects prepared (GetContainer). */
CData *cdata_container(Value target);
Value cdata_kept(Value target);                /* what target keeps: _objects or None */
/* Store v, converted to the C type `cls`, at ptr inside dst as item `index`:
 * CPython's PyCData_set (codec for simple field types, copies of instances,
 * tuples for structures, arrays for pointers). */
int   cdata_set(Value dst, Value cls, const Codec *codec, Value v, int64_t index, int64_t size,
                void *ptr, int swapped);
/* Read the C value of type cls at ptr inside src (index `index`): simple
 * types by their codec, others as instances sharing src's memory. */
Value cdata_get(Value cls, const Codec *codec, Value src, int64_t index, int64_t size, void *ptr,
                int swapped);
/* Methods and helpers every ctypes metaclass has. */
extern const MethodDef ctype_common_methods[];
void  ctype_trace(Obj *o);
void  ctype_finalize(Obj *o);
/* Become a class's storage information: copy base's (a subclass of c_int,
 * of a structure with _fields_...). */
void  ctype_inherit(CType *t, const CType *base);
/* The instance's C memory resized to `size` (resize()). */
int   cdata_resize(Value v, int64_t size);
/* Is cls a ctypes class of the given kind (its metaclass is kind's)? */
int   ctype_is_kind(Value cls, CKind kind);

/* ---- ctypes_simple.c ---- */
int   simple_is_plain(Value cls);              /* c_int itself, not a subclass of it */
Value simple_from_param(Value cls, Value v);

/* ---- ctypes_struct.c ---- */
int   struct_set_fields(Value cls, Value fields);   /* lays _fields_ out */
/* CPython's CDataType_from_param: an instance of cls, byref() of one, _as_parameter_ */
Value ctype_generic_from_param(Value cls, Value v);
Value ctype_generic_from_param_m(Value *args, int nargs, Value kwnames);

/* ---- ctypes_array.c / ctypes_pointer.c ---- */
Value array_type_for(Value itemtype, int64_t length);   /* itemtype * length, cached */
/* n items of type proto from base + start*size, step apart: bytes for c_char,
 * str for c_wchar, else a list (array and pointer slices) */
Value ctypes_items_slice(Value self, CType *item, Value proto, uint8_t *base, int64_t start,
                         int64_t step, int64_t n);
Value pointer_type_for(Value cls);                       /* POINTER(cls) */
Value pointer_new_to(Value target);                      /* pointer(obj) */
Value pointer_from_param(Value cls, Value v);
extern Value pointer_type_cache;                          /* _pointer_type_cache */

/* ---- ctypes_carg.c ---- */
/* A libffi argument: where its bytes are, its type, what keeps them alive. */
typedef struct CArg {
    Obj header;
    char tag;                      /* CPython's PyCArgObject tag: 'i', 'd', 'P', 'V'... */
    union { int64_t q; double d; float f; long double g; void *p; uint8_t b[16]; } value;
    ffi_type *ffi;
    void *ptr;                     /* the argument's bytes: &value or a structure's memory */
    Value obj;                     /* _obj: keeps ptr valid */
} CArg;
Value carg_new(char tag, ffi_type *ffi, Value obj);
Value carg_byref(Value obj, int64_t offset);
/* Convert an argument for a call without argtypes (or after from_param):
 * fills *out (a CArg on the C stack); -1 with a TypeError otherwise. */
int   carg_convert(Value v, int index, CArg *out);

/* ---- ctypes_funcptr.c ---- */
extern _Thread_local int ctypes_errno;          /* get_errno()/set_errno() */

#endif
