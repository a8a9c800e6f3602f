/* obj_list.h - list and tuple: arrays of Values. */
#ifndef GILPY_OBJ_LIST_H
#define GILPY_OBJ_LIST_H

#include "object.h"

typedef struct List {
    Obj     header;
    Value  *items;          /* gc_malloc'd, cap slots */
    int64_t len, cap;
} List;

typedef struct Tuple {
    Obj     header;
    int64_t len;
    int64_t hash;           /* unused cache slot (CPython does not cache) */
    Value   items[];
} Tuple;

#define AS_LIST(v)  ((List *)AS_OBJ(v))
#define AS_TUPLE(v) ((Tuple *)AS_OBJ(v))

/* list */
Value list_new(int64_t cap);                    /* empty list with room for cap */
Value list_from_array(const Value *items, int64_t n);
int   list_append(Value list, Value item);      /* 0 ok, -1 MemoryError */
int   list_extend(Value list, Value iterable);
int   list_insert(Value list, int64_t i, Value item);
Value list_pop(Value list, int64_t i);
int   list_sort(Value list, Value key, int reverse);   /* key VAL_NULL: none */
/* list.sort(**kw) with sort()'s own argument checks (for sorted()). */
Value list_sort_kw(Value list, const Value *kwvalues, Value kwnames);
void  list_reverse(Value list);
Value list_repr(Value list);
Value list_getslice(Value list, int64_t start, int64_t stop, int64_t step);
Value list_iter(Value list);

/* tuple */
Value tuple_new(int64_t n);                     /* items 0.0: fill them all */
Value tuple_from_array(const Value *items, int64_t n);
Value tuple_pack(int n, ...);                   /* tuple_pack(2, a, b) */
Value tuple_empty(void);
int64_t tuple_hash(Value t);                    /* CPython's xxHash-based hash */
Value tuple_repr(Value t);
Value tuple_iter(Value t);

/* Shared sequence helpers (list, tuple). */
/* Compare two arrays lexicographically as Python does; cmpop CmpOpKind. */
Value seq_richcompare(const Value *a, int64_t na, const Value *b, int64_t nb, int cmpop);
/* Repr "[a, b]" / "(a,)" with recursion guard (is_list: 1 list, 0 tuple). */
Value seq_repr_guarded(Value seq, int is_list);
/* Recursion guard for container reprs (per thread): 1 already being
 * repr'd (print "[...]"), 0 entered (call seq_repr_leave), -1 error. */
int   seq_repr_enter(Value v);
void  seq_repr_leave(Value v);
/* key as a sequence index: 1 ok (*out), 0 not an int/__index__, -1 error
 * (IndexError "cannot fit 'int' into an index-sized integer"). */
int   seq_index_value(Value key, int64_t *out);
/* Another name for arg_to_ssize_clamped (call.h), kept for obj_slice.c. */
int   seq_clamp_index(Value v, int64_t *out);
/* The optional start/stop of index() resolved against len, clamped to >= 0
 * ("slice indices must be integers or have an __index__ method"). */
int   seq_start_stop(Value vstart, Value vstop, int64_t len, int64_t *start, int64_t *stop);
/* The count of seq * n as CPython's slot wrapper takes it (PyNumber_AsSsize_t(n,
 * OverflowError)): an index, negative meaning 0.  0 ok, -1 error.  The operator
 * itself rejects a non-index first (abstract.c: "can't multiply sequence by non-int"). */
int   seq_repeat_arg(Value n, int64_t *out);
/* The index after j in a slice's walk: j + step, wrapping instead of
 * overflowing (after the last item it is computed but never used, and a step
 * near 2**63 would overflow there). */
static inline int64_t seq_next_index(int64_t j, int64_t step) { return (int64_t)((uint64_t)j + (uint64_t)step); }

/* Iterator types (obj_list.c / obj_tuple.c). */
extern Type type_list_iterator, type_list_reverseiterator, type_tuple_iterator;

/* Tuple subclasses (namedtuple...): the instance __dict__, when the class has
 * one, lives in the `hash` word of the Tuple header, so items stay inline at
 * items[] for every tuple.  The class machinery gives a class whose solid base
 * is tuple dictoffset = TUPLE_DICTOFFSET and basicsize = sizeof(Tuple). */
#define TUPLE_DICTOFFSET offsetof(Tuple, hash)

#endif
