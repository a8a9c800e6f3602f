/* obj_dict.h - dict: insertion-ordered hash table (an index table of slots
 * over a dense array of entries, as CPython 3.6+), and set/frozenset. */
#ifndef GILPY_OBJ_DICT_H
#define GILPY_OBJ_DICT_H

#include "object.h"

typedef struct DictEntry {
    int64_t hash;
    Value   key;            /* VAL_NULL: deleted entry */
    Value   value;
} DictEntry;

typedef struct Dict {
    Obj        header;
    int64_t    used;        /* live entries */
    int64_t    nentries;    /* entries used in `entries`, deleted included */
    int64_t    ecap;        /* capacity of entries */
    int64_t    isize;       /* slots in the index table (power of 2, or 0) */
    DictEntry *entries;     /* gc_malloc'd */
    void      *indices;     /* gc_malloc'd; -1 empty, -2 dummy, else entry index;
                               int8/16/32/64 by isize (dict_ix_width) */
    uint64_t   version;     /* bumped on every change (inline caches) */
} Dict;

#define AS_DICT(v) ((Dict *)AS_OBJ(v))

/* Bytes per index slot: the narrowest signed integer that holds every entry
 * number of a table of isize slots (entries are 2/3 of the slots), as in
 * CPython: a small dict's index table takes 8 bytes, not 64. */
static inline int dict_ix_width(int64_t isize) {
    return isize <= 128 ? 1 : isize <= 0x8000 ? 2 : isize <= ((int64_t)1 << 31) ? 4 : 8;
}
static inline int64_t dict_ix_get(const Dict *d, uint64_t i) {
    switch (dict_ix_width(d->isize)) {
    case 1: return ((const int8_t *)d->indices)[i];
    case 2: return ((const int16_t *)d->indices)[i];
    case 4: return ((const int32_t *)d->indices)[i];
    default: return ((const int64_t *)d->indices)[i];
    }
}
static inline void dict_ix_set(Dict *d, uint64_t i, int64_t ix) {
    switch (dict_ix_width(d->isize)) {
    case 1: ((int8_t *)d->indices)[i] = (int8_t)ix; break;
    case 2: ((int16_t *)d->indices)[i] = (int16_t)ix; break;
    case 4: ((int32_t *)d->indices)[i] = (int32_t)ix; break;
    default: ((int64_t *)d->indices)[i] = ix; break;
    }
}

Value dict_new(void);
Value dict_new_presized(int64_t n);
/* Lookup: VAL_NULL if absent; check err_occurred() when keys may raise. */
Value dict_get(Value d, Value key);
Value dict_get_c(Value d, const char *key);     /* key as C string */
int   dict_set(Value d, Value key, Value value);   /* 0 ok, -1 error */
int   dict_set_c(Value d, const char *key, Value value);
/* A C module's named integer constants (socket's AF_*, fcntl's F_*): a table
 * ended by {NULL, 0}, each set as d[name] = value.  0, or -1 on error. */
typedef struct IntConst { const char *name; int64_t value; } IntConst;
#define INT_CONST(n) {#n, (int64_t)(n)},   /* a table entry named as its C macro */
int   dict_add_int_constants(Value d, const IntConst *table);
/* 1 removed, 0 absent (no exception), -1 error. */
int   dict_del(Value d, Value key);
int64_t dict_len(Value d);
void  dict_clear(Value d);
Value dict_copy(Value d);
/* d.update(other): a mapping (keys()+[]) or an iterable of pairs. */
int   dict_update(Value d, Value other);
/* d |= other for a mapping other: a dict (or a subclass that keeps dict's
 * __iter__) directly, any other through other.keys() and other[key] (an
 * AttributeError when it has no keys()).  A key d already has is kept
 * (override 0), replaced (1), or an error (2: KeyError(key) is set and the
 * result is -2, as CPython's _PyDict_MergeEx does for f(**a, **b)). */
int   dict_merge(Value d, Value other, int override);
/* Iterate: pos starts at 0; returns 0 at the end. */
int   dict_next(Value d, int64_t *pos, Value *key, Value *value);
Value dict_keys_list(Value d);
Value dict_repr(Value d);
/* Lookup with a precomputed hash (for str keys whose hash is cached). */
Value dict_get_hashed(Value d, Value key, int64_t hash);
int   dict_set_hashed(Value d, Value key, int64_t hash, Value value);
int   dict_del_hashed(Value d, Value key, int64_t hash);
/* The hash a dict gives key (obj_hash, cached for str): -1 on error. */
int64_t dict_hash_key(Value key);
/* ---- entry hints, for the VM's inline caches ----
 * A hint is the index in `entries` where a key was last found.  It is valid
 * exactly when that entry still holds the identical key object (keys are
 * unique in a dict, so it is then the key's entry whatever changed since);
 * a stale hint only costs a full lookup.  Meant for interned str keys. */
/* Entry index of key (>= 0), -1 if absent, -2 on error. */
int64_t dict_find_entry(Value d, Value key);
/* Entry index of key as dict_find_entry, trying *hint first and refreshing it. */
static inline int64_t dict_find_hinted(Value dv, Value key, int64_t *hint) {
    Dict *d = AS_DICT(dv);
    int64_t ix = *hint;
    if ((uint64_t)ix < (uint64_t)d->nentries && d->entries[ix].key == key) return ix;
    ix = dict_find_entry(dv, key);
    if (ix >= 0) *hint = ix;
    return ix;
}
/* 1 when the first probe for `hash` meets an empty slot: no key with that
 * hash is in d (a cheap "certainly absent"; 0 means "look it up"). */
static inline int dict_surely_lacks(Value dv, int64_t hash) {
    Dict *d = AS_DICT(dv);
    return d->isize == 0 || dict_ix_get(d, (uint64_t)hash & (uint64_t)(d->isize - 1)) == -1;
}
/* d[key] = value, trying *hint first; a new key's entry becomes the hint.
 * 0 ok, -1 error. */
static inline int dict_set_hinted(Value dv, Value key, Value value, int64_t *hint) {
    Dict *d = AS_DICT(dv);
    int64_t ix = *hint;
    if ((uint64_t)ix < (uint64_t)d->nentries && d->entries[ix].key == key) {
        d->entries[ix].value = value;
        d->version++;
        return 0;
    }
    if (dict_set(dv, key, value) < 0) return -1;
    if (d->nentries > 0 && d->entries[d->nentries - 1].key == key) *hint = d->nentries - 1;
    return 0;
}
/* iter(d): a dict_keyiterator. */
Value dict_iter(Value d);
/* View and iterator types (obj_dict.c). */
extern Type type_dict_keys, type_dict_values, type_dict_items,
    type_dict_keyiterator, type_dict_valueiterator, type_dict_itemiterator,
    type_dict_reversekeyiterator, type_dict_reversevalueiterator,
    type_dict_reverseitemiterator;

/* ---- set and frozenset (runtime/obj_set.c) ---- */
typedef struct SetEntry {
    int64_t hash;
    Value   key;            /* VAL_NULL: empty; dummy marked by hash == -1 */
} SetEntry;

typedef struct Set {
    Obj       header;
    int64_t   fill;         /* active + dummy */
    int64_t   used;         /* active */
    int64_t   mask;         /* table size - 1 */
    SetEntry *table;        /* gc_malloc'd */
    int64_t   hash;         /* frozenset: -1 until computed */
    int64_t   finger;       /* for pop() */
} Set;

#define AS_SET(v) ((Set *)AS_OBJ(v))
#define IS_ANYSET(v) (IS_OBJ(v) && (type_is_subtype(AS_OBJ(v)->type, &type_set) || \
                                    type_is_subtype(AS_OBJ(v)->type, &type_frozenset)))

Value set_new(Type *type);                      /* &type_set or &type_frozenset */
Value set_from_iterable(Type *type, Value iterable);
int   set_add(Value s, Value key);              /* 0 ok, -1 error */
int   set_update(Value s, Value iterable);      /* s |= iterable (set.update) */
int   set_contains(Value s, Value key);         /* 1, 0, -1 */
int   set_discard(Value s, Value key);          /* 1 removed, 0 absent, -1 error */
int   set_next(Value s, int64_t *pos, Value *key);
int64_t set_len(Value s);
int64_t frozenset_hash(Value s);                /* CPython's, cached in Set.hash */
extern Type type_set_iterator;

#endif
