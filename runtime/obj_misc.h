/* obj_misc.h - the small builtin types: range, slice, module, cell,
 * property/staticmethod/classmethod, and the iterator types of the builtins
 * (enumerate, zip, map, filter, reversed, the sequence iterator). */
#ifndef GILPY_OBJ_MISC_H
#define GILPY_OBJ_MISC_H

#include "object.h"

typedef struct RangeObj {
    Obj   header;
    Value start, stop, step;   /* ints */
    Value length;              /* int */
} RangeObj;

typedef struct SliceObj {
    Obj   header;
    Value start, stop, step;   /* any values; None when omitted */
} SliceObj;

typedef struct ModuleObj {
    Obj   header;
    Value dict;
    int   builtin;             /* implemented in C: its repr says (built-in) */
} ModuleObj;

typedef struct Cell {
    Obj   header;
    Value ref;                 /* VAL_NULL when empty */
} Cell;

/* property, staticmethod, classmethod */
typedef struct PropertyObj {
    Obj   header;
    Value fget, fset, fdel, doc;   /* VAL_NONE when absent */
    Value name;
} PropertyObj;

typedef struct WrapperObj {    /* staticmethod / classmethod */
    Obj   header;
    Value func;
    Value dict;
} WrapperObj;

/* range */
Value range_new(Value start, Value stop, Value step);
/* slice */
Value slice_new(Value start, Value stop, Value step);
/* Resolve a slice against a sequence of length len (slice.indices). Returns
 * the number of items; -1 on error (bad types, zero step). */
int64_t slice_indices(Value slice, int64_t len, int64_t *start, int64_t *stop,
                      int64_t *step);
/* Its two halves, for mutable sequences: the bounds (running __index__, which
 * may resize the sequence), then the count for the length after that. */
int     slice_unpack_bounds(Value slice, int64_t *start, int64_t *stop, int64_t *step);
int64_t slice_adjust_bounds(int64_t len, int64_t *start, int64_t *stop, int64_t step);
/* module */
Value module_new(Value name);                 /* sets __name__ */
Value module_new_c(const char *name);
#define MODULE_DICT(m) (((ModuleObj *)AS_OBJ(m))->dict)
#define MODULE_SET_BUILTIN(m) (((ModuleObj *)AS_OBJ(m))->builtin = 1)
/* cell */
Value cell_new(Value v);
/* a generic iterator over anything with __getitem__ (the old protocol) */
Value seqiter_new(Value seq);
/* a callable_iterator: iter(callable, sentinel) */
Value calliter_new(Value callable, Value sentinel);
/* builtins.iter, which iterators' __reduce__ names as their maker */
Value iter_builtin(void);
/* __reduce__ of an iterator over a snapshot: (iter, (list(rest),)), where rest
 * is what a copy of the iterator would still produce (dict and set iterators). */
Value iter_reduce_items(Value items_list);

/* Types defined here beyond object.h's list (runtime/obj_iter.c,
 * obj_range.c): the builtins module exposes enumerate, zip, map, filter,
 * reversed under those names. */
extern Type type_enumerate, type_zip, type_map, type_filter, type_reversed,
    type_seqiter /* "iterator" */, type_callable_iterator,
    type_range_iterator, type_longrange_iterator;

#endif
