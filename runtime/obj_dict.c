/* obj_dict.c - dict: CPython's compact, insertion-ordered hash table, its
 * views (dict_keys / dict_values / dict_items) and their iterators.
 *
 * Layout.  `entries` is a dense array (capacity ecap = 2/3 of the index
 * table) of {hash, key, value} in insertion order; `indices` (isize slots, a
 * power of two) maps a probe position to an entry number, -1 for an empty
 * slot and -2 for a dummy left by a deletion.  Deleting clears the entry's
 * key to VAL_NULL and leaves a dummy; the table is compacted when the
 * entries array is full (new size: the power of two >= used * 3, at least 8).
 * Probing is CPython's: i = (i * 5 + perturb + 1) & mask, perturb >>= 5.
 *
 * Keys.  Pointer equality first, then hash, then str_eq for two exact strs,
 * else obj_eq, which may run Python code that mutates the dict: after every
 * such call the lookup checks that the entries array and the entry's key are
 * unchanged, and restarts from scratch otherwise (never touching freed
 * memory: entries are re-read through the Dict after the call).  clear()
 * empties a table of the minimum size in place, as CPython, whose next
 * small table is the one just freed (its keys free list), in effect does: an
 * __eq__ that empties and refills a small dict lets the lookup go on, in
 * both.  update() from a dict whose entries an __eq__ changes raises "dict
 * mutated during update", as CPython's dict_merge.
 *
 * Iterators remember `used` at creation and raise "dictionary changed size
 * during iteration" (RuntimeError) when it differs.
 */
#include <stdio.h>
#include <string.h>
#include "runtime/obj_dict.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_list.h"
#include "runtime/obj_str.h"
#include "runtime/obj_int.h"
#include "runtime/gc.h"
#include "runtime/error.h"
#include "runtime/call.h"
#include "runtime/strbuf.h"

enum { RC_EQ, RC_NE, RC_LT, RC_LE, RC_GT, RC_GE };
enum { IX_EMPTY = -1, IX_DUMMY = -2 };
#define DICT_MINSIZE 8
#define USABLE(n) (((n) << 1) / 3)

/* ---- hashing and lookup --------------------------------------------------- */

int64_t dict_hash_key(Value key)
{
    if (IS_SMALLINT(key)) {
        int64_t i = AS_SMALLINT(key);
        return i == -1 ? -2 : i;
    }
    if (IS_OBJ(key) && AS_OBJ(key)->type == &type_str) return str_hash(key);
    return obj_hash(key);
}

static int dict_keys_equal(Value a, Value b)
{
    if (a == b) return 1;
    if (IS_EXACT(a, type_str) && IS_EXACT(b, type_str)) return str_eq(a, b);
    if (BOTH_SMALLINT(a, b)) return 0;
    return obj_eq(a, b);
}

/* Entry index of key (>= 0), -1 if absent, -2 on error.  *slot receives the
 * index-table position of the key when found. */
static int64_t dict_lookup(Dict *d, Value key, int64_t hash, int64_t *slot)
{
restart:
    if (d->isize == 0) return -1;
    uint64_t mask = (uint64_t)d->isize - 1, perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    for (;;) {
        int64_t ix = dict_ix_get(d, i);
        if (ix == IX_EMPTY) return -1;
        if (ix >= 0) {
            DictEntry *e = &d->entries[ix];
            if (e->key == key) { if (slot) *slot = (int64_t)i; return ix; }
            if (e->hash == hash && !IS_NULL(e->key)) {
                Value ekey = e->key;
                DictEntry *ents = d->entries;
                int r = dict_keys_equal(ekey, key);
                if (r < 0) return -2;
                if (d->entries != ents || d->isize == 0 || (uint64_t)d->isize - 1 != mask ||
                    d->entries[ix].key != ekey)
                    goto restart;
                if (r) { if (slot) *slot = (int64_t)i; return ix; }
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

static uint64_t dict_free_slot(Dict *d, int64_t hash)
{
    uint64_t mask = (uint64_t)d->isize - 1, perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    while (dict_ix_get(d, i) >= 0) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

/* The index table and the entries share one block: indices first. */
static size_t dict_tables_size(int64_t isize, int64_t ecap)
{
    return (size_t)isize * (size_t)dict_ix_width(isize) + (size_t)ecap * sizeof(DictEntry);
}

static void dict_free_tables(Dict *d)
{
    if (d->indices) gc_free(d->indices, dict_tables_size(d->isize, d->ecap));
    d->entries = NULL;
    d->indices = NULL;
    d->ecap = d->isize = d->nentries = d->used = 0;
}

static int dict_resize(Dict *d, int64_t minused)
{
    int64_t isize = DICT_MINSIZE;
    while (USABLE(isize) < minused || isize < minused) isize <<= 1;
    int64_t ecap = USABLE(isize);
    char *ind = gc_malloc(dict_tables_size(isize, ecap));
    if (!ind) return -1;
    DictEntry *ents = (DictEntry *)(ind + isize * dict_ix_width(isize));
    memset(ind, 0xff, (size_t)isize * (size_t)dict_ix_width(isize));
    int64_t n = 0;
    for (int64_t k = 0; k < d->nentries; k++) {
        if (IS_NULL(d->entries[k].key)) continue;
        ents[n++] = d->entries[k];
    }
    for (int64_t k = n; k < ecap; k++) { ents[k].key = VAL_NULL; ents[k].value = VAL_NULL; ents[k].hash = 0; }
    int64_t used = d->used;
    dict_free_tables(d);
    d->entries = ents; d->indices = ind; d->ecap = ecap; d->isize = isize; d->nentries = n;
    d->used = used;
    for (int64_t k = 0; k < n; k++) dict_ix_set(d, dict_free_slot(d, ents[k].hash), k);
    d->version++;
    return 0;
}

static int dict_insert(Dict *d, Value key, int64_t hash, Value value)
{
    int64_t ix = dict_lookup(d, key, hash, NULL);
    if (ix == -2) return -1;
    if (ix >= 0) {
        d->entries[ix].value = value;
        d->version++;
        return 0;
    }
    if (d->nentries >= d->ecap && dict_resize(d, d->used * 3) < 0) return -1;
    uint64_t slot = dict_free_slot(d, hash);
    DictEntry *e = &d->entries[d->nentries];
    e->hash = hash; e->key = key; e->value = value;
    dict_ix_set(d, slot, d->nentries++);
    d->used++;
    d->version++;
    return 0;
}

static void dict_del_at(Dict *d, int64_t slot, int64_t ix)
{
    dict_ix_set(d, (uint64_t)slot, IX_DUMMY);
    d->entries[ix].key = VAL_NULL;
    d->entries[ix].value = VAL_NULL;
    d->used--;
    d->version++;
}

/* ---- C API ---------------------------------------------------------------- */

Type type_dict_keys, type_dict_values, type_dict_items;
Type type_dict_keyiterator, type_dict_valueiterator, type_dict_itemiterator;
Type type_dict_reversekeyiterator, type_dict_reversevalueiterator, type_dict_reverseitemiterator;

static Dict *dict_alloc(Type *t)
{
    return (Dict *)(t == &type_dict ? gc_alloc(t, sizeof(Dict)) : obj_new_instance(t));
}

Value dict_new(void)
{
    Dict *d = dict_alloc(&type_dict);
    return d ? MK_OBJ(d) : VAL_NULL;
}

Value dict_new_presized(int64_t n)
{
    Dict *d = dict_alloc(&type_dict);
    if (!d) return VAL_NULL;
    if (n > 5 && dict_resize(d, n + (n >> 1) + 1) < 0) return VAL_NULL;
    return MK_OBJ(d);
}

Value dict_get_hashed(Value dv, Value key, int64_t hash)
{
    Dict *d = AS_DICT(dv);
    int64_t ix = dict_lookup(d, key, hash, NULL);
    if (ix < 0) return VAL_NULL;
    return d->entries[ix].value;
}

int64_t dict_find_entry(Value d, Value key)
{
    int64_t h = dict_hash_key(key);
    if (h == -1) return -2;
    return dict_lookup(AS_DICT(d), key, h, NULL);
}

Value dict_get(Value d, Value key)
{
    int64_t h = dict_hash_key(key);
    if (h == -1) return VAL_NULL;
    return dict_get_hashed(d, key, h);
}

/* Callers pass C literals (and a few static tables of names): the key is
 * interned, which str_intern_c's cache makes one probe with a known hash. */
Value dict_get_c(Value d, const char *key)
{
    Value k = str_intern_c(key);
    if (IS_NULL(k)) return VAL_NULL;
    return dict_get(d, k);
}

int dict_set(Value d, Value key, Value value)
{
    int64_t h = dict_hash_key(key);
    if (h == -1) return -1;
    return dict_insert(AS_DICT(d), key, h, value);
}

int dict_set_hashed(Value d, Value key, int64_t hash, Value value)
{
    return dict_insert(AS_DICT(d), key, hash, value);
}

int dict_set_c(Value d, const char *key, Value value)
{
    Value k = str_intern_c(key);
    if (IS_NULL(k)) return -1;
    return dict_set(d, k, value);
}

int dict_add_int_constants(Value d, const IntConst *table)
{
    for (const IntConst *c = table; c->name; c++)
        if (dict_set_c(d, c->name, int_from_i64(c->value)) < 0) return -1;
    return 0;
}

int dict_del(Value dv, Value key)
{
    int64_t h = dict_hash_key(key);
    return h == -1 ? -1 : dict_del_hashed(dv, key, h);
}

int dict_del_hashed(Value dv, Value key, int64_t h)
{
    Dict *d = AS_DICT(dv);
    int64_t slot;
    int64_t ix = dict_lookup(d, key, h, &slot);
    if (ix == -2) return -1;
    if (ix < 0) return 0;
    dict_del_at(d, slot, ix);
    return 1;
}

int64_t dict_len(Value d) { return AS_DICT(d)->used; }

/* A table of the minimum size is emptied in place (see the top comment). */
void dict_clear(Value dv)
{
    Dict *d = AS_DICT(dv);
    if (d->isize == DICT_MINSIZE) {
        memset(d->indices, 0xff, (size_t)d->isize * (size_t)dict_ix_width(d->isize));
        for (int64_t k = 0; k < d->ecap; k++) {
            d->entries[k].key = VAL_NULL; d->entries[k].value = VAL_NULL; d->entries[k].hash = 0;
        }
        d->nentries = d->used = 0;
    } else {
        dict_free_tables(d);
    }
    d->version++;
}

int dict_next(Value dv, int64_t *pos, Value *key, Value *value)
{
    Dict *d = AS_DICT(dv);
    int64_t i = *pos;
    while (i < d->nentries && IS_NULL(d->entries[i].key)) i++;
    if (i >= d->nentries) { *pos = i; return 0; }
    if (key) *key = d->entries[i].key;
    if (value) *value = d->entries[i].value;
    *pos = i + 1;
    return 1;
}

/* Make the empty d an exact copy of other's tables, as CPython's
 * clone_combined_dict_keys: no lookups, so no __eq__ runs.  A table of the
 * same size that d already has is reused (see dict_clear). */
static int dict_clone_into(Dict *d, Dict *other)
{
    size_t size = dict_tables_size(other->isize, other->ecap);
    char *ind = d->isize == other->isize && d->ecap == other->ecap ? d->indices : gc_malloc(size);
    if (!ind) return -1;
    memcpy(ind, other->indices, size);
    if (ind != d->indices) dict_free_tables(d);
    d->indices = ind;
    d->entries = (DictEntry *)(ind + other->isize * dict_ix_width(other->isize));
    d->isize = other->isize; d->ecap = other->ecap;
    d->nentries = other->nentries; d->used = other->used;
    d->version++;
    return 0;
}

/* CPython clones a dict with no deleted entries that is not oversized. */
static int dict_is_clean(Dict *d)
{
    return d->used == d->nentries && d->isize > 0 &&
           (d->isize == DICT_MINSIZE || USABLE(d->isize / 2) < d->used);
}

static int dict_merge_dict(Dict *d, Value other, int override);

Value dict_copy(Value dv)
{
    Dict *d = AS_DICT(dv);
    Dict *r = dict_alloc(&type_dict);
    if (!r) return VAL_NULL;
    if (d->used == 0) return MK_OBJ(r);
    if (d->used >= d->nentries * 2 / 3) return dict_clone_into(r, d) < 0 ? VAL_NULL : MK_OBJ(r);
    return dict_merge_dict(r, dv, 1) < 0 ? VAL_NULL : MK_OBJ(r);
}

Value dict_keys_list(Value dv)
{
    Value l = list_new(AS_DICT(dv)->used);
    if (IS_NULL(l)) return VAL_NULL;
    int64_t pos = 0;
    Value k;
    while (dict_next(dv, &pos, &k, NULL))
        if (list_append(l, k) < 0) return VAL_NULL;
    return l;
}

/* override 2 found key in both: KeyError(key), -2 (the caller names the call). */
static int merge_duplicate(Value key)
{
    err_set_value(&exc_KeyError, key);
    return -2;
}

/* Merge a real dict whose iteration is dict's own: CPython's dict_merge,
 * including its check that the lookups' __eq__ left `other` alone. */
static int dict_merge_dict(Dict *d, Value other, int override)
{
    Dict *o = AS_DICT(other);
    if (MK_OBJ(d) == other || o->used == 0) return 0;
    if (d->used == 0) {
        override = 1;
        if (dict_is_clean(o)) return dict_clone_into(d, o);
    }
    if (o->used > d->ecap - d->nentries &&
        dict_resize(d, (d->used + o->used) * 3 / 2 + 1) < 0)
        return -1;
    int64_t n = o->nentries;
    for (int64_t i = 0; i < n; i++) {
        DictEntry e = o->entries[i];
        if (IS_NULL(e.key)) continue;
        if (override != 1) {
            int64_t ix = dict_lookup(d, e.key, e.hash, NULL);
            if (ix == -2) return -1;
            if (ix >= 0 && override == 2) return merge_duplicate(e.key);
            if (ix >= 0) goto next;
        }
        if (dict_insert(d, e.key, e.hash, e.value) < 0) return -1;
    next:
        if (o->nentries != n) {
            err_format(&exc_RuntimeError, "dict mutated during update");
            return -1;
        }
    }
    return 0;
}

static int dict_iter_is_native(Value v)
{
    Value it = val_type(v)->slots[SM_ITER];
    Value base = type_dict.slots[SM_ITER];
    return IS_EXACT(v, type_dict) || (IS_DICT(v) && it == base);
}

int dict_merge(Value d, Value other, int override)
{
    if (dict_iter_is_native(other)) return dict_merge_dict(AS_DICT(d), other, override);
    Value keysfn = obj_getattr_c(other, "keys");
    if (IS_NULL(keysfn)) return -1;
    Value keys = call0(keysfn);
    if (IS_NULL(keys)) return -1;
    Value it = obj_iter(keys);
    if (IS_NULL(it)) return -1;
    for (;;) {
        Value k = obj_next(it);
        if (IS_NULL(k)) return err_occurred() ? -1 : 0;
        if (override != 1) {
            int64_t h = dict_hash_key(k);
            if (h == -1) return -1;
            int64_t ix = dict_lookup(AS_DICT(d), k, h, NULL);
            if (ix == -2) return -1;
            if (ix >= 0 && override == 2) return merge_duplicate(k);
            if (ix >= 0) continue;
        }
        Value v = obj_getitem(other, k);
        if (IS_NULL(v) || dict_set(d, k, v) < 0) return -1;
    }
}

static int dict_merge_pairs(Value d, Value seq)
{
    Value it = obj_iter(seq);
    if (IS_NULL(it)) return -1;
    for (int64_t n = 0;; n++) {
        Value item = obj_next(it);
        if (IS_NULL(item)) return err_occurred() ? -1 : 0;
        Value fast = (IS_LIST(item) || IS_TUPLE(item)) ? item : seq_to_list(item);
        if (IS_NULL(fast)) {
            if (err_matches(&exc_TypeError)) {
                err_clear();
                err_format(&exc_TypeError,
                           "cannot convert dictionary update sequence element #%lld to a sequence",
                           (long long)n);
            }
            return -1;
        }
        int64_t len = IS_TUPLE(fast) ? AS_TUPLE(fast)->len : AS_LIST(fast)->len;
        const Value *items = IS_TUPLE(fast) ? AS_TUPLE(fast)->items : AS_LIST(fast)->items;
        if (len != 2) {
            err_format(&exc_ValueError,
                       "dictionary update sequence element #%lld has length %lld; 2 is required",
                       (long long)n, (long long)len);
            return -1;
        }
        Value k = items[0], v = items[1];
        if (dict_set(d, k, v) < 0) return -1;
    }
}

int dict_update(Value d, Value other)
{
    if (dict_iter_is_native(other)) return dict_merge_dict(AS_DICT(d), other, 1);
    Value keysname = str_intern_c("keys");
    int has = obj_hasattr(other, keysname);
    if (has < 0) return -1;
    if (has) return dict_merge(d, other, 1);
    return dict_merge_pairs(d, other);
}

/* d[key] for a dict or subclass: __missing__, KeyError. */
static Value dict_subscript(Value d, Value key)
{
    int64_t h = dict_hash_key(key);
    if (h == -1) return VAL_NULL;
    int64_t ix = dict_lookup(AS_DICT(d), key, h, NULL);
    if (ix == -2) return VAL_NULL;
    if (ix >= 0) return AS_DICT(d)->entries[ix].value;
    if (!IS_EXACT(d, type_dict) && val_type(d)->slots[SM_MISSING] != VAL_NULL) {
        Value args[2] = {d, key};
        return obj_call_special(d, SM_MISSING, args, 2);
    }
    return err_set_value(&exc_KeyError, key);
}

Value dict_repr(Value dv)
{
    if (AS_DICT(dv)->used == 0) return str_from_c("{}");
    int st = seq_repr_enter(dv);
    if (st < 0) return VAL_NULL;
    if (st > 0) return str_from_c("{...}");
    StrBuf sb;
    sb_init(&sb);
    sb_putc(&sb, '{');
    int64_t pos = 0, n = 0;
    Value k, v;
    while (dict_next(dv, &pos, &k, &v)) {
        Value kr = obj_repr(k);
        if (IS_NULL(kr)) goto fail;
        Value vr = obj_repr(v);
        if (IS_NULL(vr)) goto fail;
        if (n++) sb_puts(&sb, ", ");
        sb_put_value_str(&sb, kr);
        sb_puts(&sb, ": ");
        sb_put_value_str(&sb, vr);
    }
    sb_putc(&sb, '}');
    seq_repr_leave(dv);
    return sb_finish_str(&sb);
fail:
    seq_repr_leave(dv);
    sb_free(&sb);
    return VAL_NULL;
}

/* 1 equal, 0 not, -1 error. */
static int dict_equal(Value a, Value b)
{
    if (AS_DICT(a)->used != AS_DICT(b)->used) return 0;
    for (int64_t i = 0; i < AS_DICT(a)->nentries; i++) {
        DictEntry *e = &AS_DICT(a)->entries[i];
        if (IS_NULL(e->key)) continue;
        Value k = e->key, av = e->value;
        int64_t ix = dict_lookup(AS_DICT(b), k, e->hash, NULL);
        if (ix == -2) return -1;
        if (ix < 0) return 0;
        Value bv = AS_DICT(b)->entries[ix].value;
        int r = obj_eq(av, bv);
        if (r <= 0) return r;
    }
    return 1;
}

/* ---- iterators ------------------------------------------------------------- */

typedef struct DictIter {
    Obj     header;
    Value   dict;           /* VAL_NULL once exhausted */
    int64_t pos;
    int64_t used;           /* size at creation (-1 after a size error) */
    int64_t remaining;
} DictIter;

static void dictiter_trace(Obj *o) { gc_mark_value(((DictIter *)o)->dict); }

static Value dictiter_new(Value d, Type *t, int reverse)
{
    DictIter *it = (DictIter *)gc_alloc(t, sizeof(DictIter));
    if (!it) return VAL_NULL;
    it->dict = d;
    it->used = AS_DICT(d)->used;
    it->remaining = it->used;
    it->pos = reverse ? AS_DICT(d)->nentries - 1 : 0;
    return MK_OBJ(it);
}

/* Next live entry or NULL (exhausted or error set). */
static DictEntry *dictiter_step(DictIter *it)
{
    if (IS_NULL(it->dict)) return NULL;
    Dict *d = AS_DICT(it->dict);
    if (d->used != it->used) {
        it->used = -1;
        err_format(&exc_RuntimeError, "dictionary changed size during iteration");
        return NULL;
    }
    int reverse = it->header.type == &type_dict_reversekeyiterator ||
                  it->header.type == &type_dict_reversevalueiterator ||
                  it->header.type == &type_dict_reverseitemiterator;
    if (reverse) {
        while (it->pos >= 0 && it->pos < d->nentries && IS_NULL(d->entries[it->pos].key)) it->pos--;
        if (it->pos >= 0 && it->pos < d->nentries) {
            it->remaining--;
            return &d->entries[it->pos--];
        }
    } else {
        while (it->pos < d->nentries && IS_NULL(d->entries[it->pos].key)) it->pos++;
        if (it->pos < d->nentries) {
            if (it->remaining <= 0) {
                it->remaining = -1;
                err_format(&exc_RuntimeError, "dictionary keys changed during iteration");
                return NULL;
            }
            it->remaining--;
            return &d->entries[it->pos++];
        }
    }
    it->dict = VAL_NULL;
    return NULL;
}

#define ITSELF ((DictIter *)AS_OBJ(args[0]))

static Value dictiter_self(Value *args, int nargs, Value kwnames) { return args[0]; }

static Value dictiter_next_key(Value *args, int nargs, Value kwnames)
{
    DictEntry *e = dictiter_step(ITSELF);
    return e ? e->key : VAL_NULL;
}

static Value dictiter_next_value(Value *args, int nargs, Value kwnames)
{
    DictEntry *e = dictiter_step(ITSELF);
    return e ? e->value : VAL_NULL;
}

static Value dictiter_next_item(Value *args, int nargs, Value kwnames)
{
    DictEntry *e = dictiter_step(ITSELF);
    return e ? tuple_pack(2, e->key, e->value) : VAL_NULL;
}

static Value dictiter_length_hint(Value *args, int nargs, Value kwnames)
{
    DictIter *it = ITSELF;
    if (IS_NULL(it->dict) || it->used != AS_DICT(it->dict)->used || it->remaining < 0)
        return MK_SMALLINT(0);
    return MK_SMALLINT(it->remaining);
}

/* __reduce__: (iter, (list of what is left,)), read through a copy of the
 * iterator so that this one does not move (CPython's dictiter_reduce). */
static Value dictiter_reduce(Value *args, int nargs, Value kwnames)
{
    DictIter *c = (DictIter *)gc_alloc(val_type(args[0]), sizeof(DictIter));
    if (!c) return VAL_NULL;
    Obj header = c->header;
    *c = *ITSELF;
    c->header = header;
    Value copy = MK_OBJ(c);
    Value rest = list_new(0), x;
    if (IS_NULL(rest)) return VAL_NULL;
    while (!IS_NULL(x = obj_next(copy)))
        if (list_append(rest, x) < 0) return VAL_NULL;
    return err_occurred() ? VAL_NULL : iter_reduce_items(rest);
}

#define DICTITER_METHODS(name, nextfn)                               \
    static const MethodDef name[] = {                                \
        {"__iter__", dictiter_self, ARGS_WRAP(0), NULL},             \
        {"__next__", nextfn, ARGS_WRAP(0), NULL},                    \
        {"__length_hint__", dictiter_length_hint, ARGS_NONE, NULL},  \
        {"__reduce__", dictiter_reduce, ARGS_NONE, "Return state information for pickling."}, \
        {NULL, NULL, 0, NULL},                                       \
    };
DICTITER_METHODS(dictkeyiter_methods, dictiter_next_key)
DICTITER_METHODS(dictvalueiter_methods, dictiter_next_value)
DICTITER_METHODS(dictitemiter_methods, dictiter_next_item)

#define DICTITER_TYPE(var, name, meths)                                              \
    Type var = {.tp_name = name, .base = &type_object, .basicsize = sizeof(DictIter), \
                .trace = dictiter_trace, .methods = meths};
DICTITER_TYPE(type_dict_keyiterator, "dict_keyiterator", dictkeyiter_methods)
GILPY_TYPE(type_dict_keyiterator, NULL);
DICTITER_TYPE(type_dict_valueiterator, "dict_valueiterator", dictvalueiter_methods)
GILPY_TYPE(type_dict_valueiterator, NULL);
DICTITER_TYPE(type_dict_itemiterator, "dict_itemiterator", dictitemiter_methods)
GILPY_TYPE(type_dict_itemiterator, NULL);
DICTITER_TYPE(type_dict_reversekeyiterator, "dict_reversekeyiterator", dictkeyiter_methods)
GILPY_TYPE(type_dict_reversekeyiterator, NULL);
DICTITER_TYPE(type_dict_reversevalueiterator, "dict_reversevalueiterator", dictvalueiter_methods)
GILPY_TYPE(type_dict_reversevalueiterator, NULL);
DICTITER_TYPE(type_dict_reverseitemiterator, "dict_reverseitemiterator", dictitemiter_methods)
GILPY_TYPE(type_dict_reverseitemiterator, NULL);

Value dict_iter(Value d) { return dictiter_new(d, &type_dict_keyiterator, 0); }

/* ---- views ----------------------------------------------------------------- */

typedef struct DictView {
    Obj   header;
    Value dict;
} DictView;

#define VIEW_DICT(v) (((DictView *)AS_OBJ(v))->dict)

static void dictview_trace(Obj *o) { gc_mark_value(((DictView *)o)->dict); }

static Value dictview_new(Value d, Type *t)
{
    DictView *v = (DictView *)gc_alloc(t, sizeof(DictView));
    if (!v) return VAL_NULL;
    v->dict = d;
    return MK_OBJ(v);
}

static Value dictview_len_m(Value *args, int nargs, Value kwnames)
{
    return MK_SMALLINT(AS_DICT(VIEW_DICT(args[0]))->used);
}

static Value dictview_repr_m(Value *args, int nargs, Value kwnames)
{
    Value self = args[0];
    int st = seq_repr_enter(self);
    if (st < 0) return VAL_NULL;
    if (st > 0) return str_from_c("...");
    Value l = seq_to_list(self);
    Value r = IS_NULL(l) ? VAL_NULL : list_repr(l);
    seq_repr_leave(self);
    if (IS_NULL(r)) return VAL_NULL;
    return str_format_c("%s(%U)", val_type_name(self), r);
}

static Value dictkeys_iter_m(Value *args, int nargs, Value kwnames)
{
    return dictiter_new(VIEW_DICT(args[0]), &type_dict_keyiterator, 0);
}
static Value dictvalues_iter_m(Value *args, int nargs, Value kwnames)
{
    return dictiter_new(VIEW_DICT(args[0]), &type_dict_valueiterator, 0);
}
static Value dictitems_iter_m(Value *args, int nargs, Value kwnames)
{
    return dictiter_new(VIEW_DICT(args[0]), &type_dict_itemiterator, 0);
}
static Value dictkeys_reversed_m(Value *args, int nargs, Value kwnames)
{
    return dictiter_new(VIEW_DICT(args[0]), &type_dict_reversekeyiterator, 1);
}
static Value dictvalues_reversed_m(Value *args, int nargs, Value kwnames)
{
    return dictiter_new(VIEW_DICT(args[0]), &type_dict_reversevalueiterator, 1);
}
static Value dictitems_reversed_m(Value *args, int nargs, Value kwnames)
{
    return dictiter_new(VIEW_DICT(args[0]), &type_dict_reverseitemiterator, 1);
}

static int dict_contains_key(Value d, Value key)
{
    int64_t h = dict_hash_key(key);
    if (h == -1) return -1;
    int64_t ix = dict_lookup(AS_DICT(d), key, h, NULL);
    return ix == -2 ? -1 : ix >= 0;
}

static Value dictkeys_contains_m(Value *args, int nargs, Value kwnames)
{
    int r = dict_contains_key(VIEW_DICT(args[0]), args[1]);
    return r < 0 ? VAL_NULL : MK_BOOL(r);
}

/* (key, value) in d.items(): 1, 0, -1. */
static int dictitems_has(Value d, Value item)
{
    if (!IS_TUPLE(item) || AS_TUPLE(item)->len != 2) return 0;
    Value key = AS_TUPLE(item)->items[0];
    int64_t h = dict_hash_key(key);
    if (h == -1) return -1;
    int64_t ix = dict_lookup(AS_DICT(d), key, h, NULL);
    if (ix == -2) return -1;
    if (ix < 0) return 0;
    return obj_eq(AS_DICT(d)->entries[ix].value, AS_TUPLE(item)->items[1]);
}

static Value dictitems_contains_m(Value *args, int nargs, Value kwnames)
{
    int r = dictitems_has(VIEW_DICT(args[0]), args[1]);
    return r < 0 ? VAL_NULL : MK_BOOL(r);
}

static int view_contains(Value view, Value x)
{
    if (IS_OBJ(view) && AS_OBJ(view)->type == &type_dict_items) return dictitems_has(VIEW_DICT(view), x);
    if (IS_OBJ(view) && AS_OBJ(view)->type == &type_dict_keys) return dict_contains_key(VIEW_DICT(view), x);
    return obj_contains(view, x);
}

static int is_setlike(Value v)
{
    return IS_ANYSET(v) || (IS_OBJ(v) && (AS_OBJ(v)->type == &type_dict_keys ||
                                          AS_OBJ(v)->type == &type_dict_items));
}

/* Every element of a is in b. */
static int all_contained_in(Value a, Value b)
{
    Value it = obj_iter(a);
    if (IS_NULL(it)) return -1;
    for (;;) {
        Value x = obj_next(it);
        if (IS_NULL(x)) return err_occurred() ? -1 : 1;
        int r = view_contains(b, x);
        if (r <= 0) return r;
    }
}

static Value dictview_richcompare(Value self, Value other, int op)
{
    if (!is_setlike(other)) return VAL_NOTIMPLEMENTED;
    int64_t la = obj_len(self), lb = obj_len(other);
    if (la < 0 || lb < 0) return VAL_NULL;
    int r = 0;
    switch (op) {
    case RC_EQ: case RC_NE:
        r = la == lb ? all_contained_in(self, other) : 0;
        if (r >= 0 && op == RC_NE) r = !r;
        break;
    case RC_LT: r = la < lb ? all_contained_in(self, other) : 0; break;
    case RC_LE: r = la <= lb ? all_contained_in(self, other) : 0; break;
    case RC_GT: r = la > lb ? all_contained_in(other, self) : 0; break;
    default:    r = la >= lb ? all_contained_in(other, self) : 0; break;
    }
    return r < 0 ? VAL_NULL : MK_BOOL(r);
}

static Value dv_eq(Value *a, int n, Value k) { return dictview_richcompare(a[0], a[1], RC_EQ); }
static Value dv_ne(Value *a, int n, Value k) { return dictview_richcompare(a[0], a[1], RC_NE); }
static Value dv_lt(Value *a, int n, Value k) { return dictview_richcompare(a[0], a[1], RC_LT); }
static Value dv_le(Value *a, int n, Value k) { return dictview_richcompare(a[0], a[1], RC_LE); }
static Value dv_gt(Value *a, int n, Value k) { return dictview_richcompare(a[0], a[1], RC_GT); }
static Value dv_ge(Value *a, int n, Value k) { return dictview_richcompare(a[0], a[1], RC_GE); }

/* set(left).<method>(right) */
static Value dictview_setop(Value left, Value right, const char *method)
{
    Value s = set_from_iterable(&type_set, left);
    if (IS_NULL(s)) return VAL_NULL;
    Value r = obj_call_method(s, method, &right, 1);
    if (IS_NULL(r)) return VAL_NULL;
    return s;
}

/* view & other, CPython's _PyDictView_Intersect step for step: which side is
 * iterated and which is searched decides what an __eq__ that mutates either
 * one sees ("dictionary changed size during iteration", or nothing). */
static Value dictview_intersect(Value view, Value other)
{
    int64_t len_self = AS_DICT(VIEW_DICT(view))->used;
    if (IS_EXACT(other, type_set)) {
        int64_t n = obj_len(other);
        if (n < 0) return VAL_NULL;
        if (len_self <= n) return obj_call_method(other, "intersection", &view, 1);
    }
    if (IS_EXACT(other, type_dict_keys) || IS_EXACT(other, type_dict_items)) {
        if (AS_DICT(VIEW_DICT(other))->used > len_self) { Value t = view; view = other; other = t; }
    }
    Value result = set_new(&type_set);
    if (IS_NULL(result)) return VAL_NULL;
    Value it = obj_iter(other);
    if (IS_NULL(it)) return VAL_NULL;
    for (;;) {
        Value x = obj_next(it);
        if (IS_NULL(x)) return err_occurred() ? VAL_NULL : result;
        int r = view_contains(view, x);
        if (r < 0 || (r && set_add(result, x) < 0)) return VAL_NULL;
    }
}

static Value dv_and(Value *a, int n, Value k) { return dictview_intersect(a[0], a[1]); }
static Value dv_rand(Value *a, int n, Value k) { return dictview_intersect(a[0], a[1]); }
static Value dv_or(Value *a, int n, Value k) { return dictview_setop(a[0], a[1], "update"); }
static Value dv_ror(Value *a, int n, Value k) { return dictview_setop(a[1], a[0], "update"); }
static Value dv_sub(Value *a, int n, Value k) { return dictview_setop(a[0], a[1], "difference_update"); }
static Value dv_rsub(Value *a, int n, Value k) { return dictview_setop(a[1], a[0], "difference_update"); }
static Value dv_xor(Value *a, int n, Value k) { return dictview_setop(a[0], a[1], "symmetric_difference_update"); }
static Value dv_rxor(Value *a, int n, Value k) { return dictview_setop(a[1], a[0], "symmetric_difference_update"); }

static Value dv_isdisjoint(Value *args, int nargs, Value kwnames)
{
    Value it = obj_iter(args[1]);
    if (IS_NULL(it)) return VAL_NULL;
    for (;;) {
        Value x = obj_next(it);
        if (IS_NULL(x)) return err_occurred() ? VAL_NULL : VAL_TRUE;
        int r = view_contains(args[0], x);
        if (r < 0) return VAL_NULL;
        if (r) return VAL_FALSE;
    }
}

#define SETLIKE_VIEW_METHODS                                                                \
    {"__len__", dictview_len_m, ARGS_WRAP(0), NULL},                                       \
    {"__repr__", dictview_repr_m, ARGS_WRAP(0), NULL},                                     \
    {"__eq__", dv_eq, ARGS_WRAP(1), NULL}, {"__ne__", dv_ne, ARGS_WRAP(1), NULL},          \
    {"__lt__", dv_lt, ARGS_WRAP(1), NULL}, {"__le__", dv_le, ARGS_WRAP(1), NULL},          \
    {"__gt__", dv_gt, ARGS_WRAP(1), NULL}, {"__ge__", dv_ge, ARGS_WRAP(1), NULL},          \
    {"__and__", dv_and, ARGS_WRAP(1), NULL}, {"__rand__", dv_rand, ARGS_WRAP(1), NULL},    \
    {"__or__", dv_or, ARGS_WRAP(1), NULL}, {"__ror__", dv_ror, ARGS_WRAP(1), NULL},        \
    {"__sub__", dv_sub, ARGS_WRAP(1), NULL}, {"__rsub__", dv_rsub, ARGS_WRAP(1), NULL},    \
    {"__xor__", dv_xor, ARGS_WRAP(1), NULL}, {"__rxor__", dv_rxor, ARGS_WRAP(1), NULL},    \
    {"__hash__", NULL, 0, NULL},                                                           \
    {"isdisjoint", dv_isdisjoint, ARGS_ONE, NULL},

static const MethodDef dictkeys_methods[] = {
    SETLIKE_VIEW_METHODS
    {"__iter__", dictkeys_iter_m, ARGS_WRAP(0), NULL},
    {"__reversed__", dictkeys_reversed_m, ARGS_NONE, NULL},
    {"__contains__", dictkeys_contains_m, ARGS_WRAP(1), NULL},
    {NULL, NULL, 0, NULL},
};

static const MethodDef dictitems_methods[] = {
    SETLIKE_VIEW_METHODS
    {"__iter__", dictitems_iter_m, ARGS_WRAP(0), NULL},
    {"__reversed__", dictitems_reversed_m, ARGS_NONE, NULL},
    {"__contains__", dictitems_contains_m, ARGS_WRAP(1), NULL},
    {NULL, NULL, 0, NULL},
};

static const MethodDef dictvalues_methods[] = {
    {"__len__", dictview_len_m, ARGS_WRAP(0), NULL},
    {"__repr__", dictview_repr_m, ARGS_WRAP(0), NULL},
    {"__iter__", dictvalues_iter_m, ARGS_WRAP(0), NULL},
    {"__reversed__", dictvalues_reversed_m, ARGS_NONE, NULL},
    {NULL, NULL, 0, NULL},
};

static Value dictview_mapping_get(Value self) { return VIEW_DICT(self); }

static const GetSetDef dictview_getsets[] = {
    {"mapping", dictview_mapping_get, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

#define DICTVIEW_TYPE(var, name, meths)                                               \
    Type var = {.tp_name = name, .base = &type_object, .basicsize = sizeof(DictView), \
                .trace = dictview_trace, .methods = meths, .getsets = dictview_getsets};
DICTVIEW_TYPE(type_dict_keys, "dict_keys", dictkeys_methods)
GILPY_TYPE(type_dict_keys, NULL);
DICTVIEW_TYPE(type_dict_values, "dict_values", dictvalues_methods)
GILPY_TYPE(type_dict_values, NULL);
DICTVIEW_TYPE(type_dict_items, "dict_items", dictitems_methods)
GILPY_TYPE(type_dict_items, NULL);

/* ---- dict methods ---------------------------------------------------------- */

#define SELF args[0]

static Value dict_new_m(Value *args, int nargs, Value kwnames)
{
    Dict *d = dict_alloc(AS_TYPE(args[0]));
    return d ? MK_OBJ(d) : VAL_NULL;
}

/* The shared body of dict(...) / d.update(...): one optional positional
 * argument and keyword arguments. */
static int dict_update_common(const char *fname, Value *args, int nargs, Value kwnames)
{
    if (nargs > 2) {
        err_format(&exc_TypeError, "%s expected at most 1 argument, got %d", fname, nargs - 1);
        return -1;
    }
    if (nargs == 2 && dict_update(SELF, args[1]) < 0) return -1;
    if (!IS_NULL(kwnames)) {
        Tuple *kw = AS_TUPLE(kwnames);
        for (int64_t i = 0; i < kw->len; i++)
            if (dict_set(SELF, kw->items[i], args[nargs + i]) < 0) return -1;
    }
    return 0;
}

static Value dict_init_m(Value *args, int nargs, Value kwnames)
{
    return dict_update_common("dict", args, nargs, kwnames) < 0 ? VAL_NULL : VAL_NONE;
}

static Value dict_update_m(Value *args, int nargs, Value kwnames)
{
    return dict_update_common("update", args, nargs, kwnames) < 0 ? VAL_NULL : VAL_NONE;
}

static Value dict_repr_m(Value *args, int nargs, Value kwnames) { return dict_repr(SELF); }
static Value dict_len_m(Value *args, int nargs, Value kwnames) { return MK_SMALLINT(AS_DICT(SELF)->used); }
static Value dict_getitem_m(Value *args, int nargs, Value kwnames) { return dict_subscript(SELF, args[1]); }

static Value dict_setitem_m(Value *args, int nargs, Value kwnames)
{
    return dict_set(SELF, args[1], args[2]) < 0 ? VAL_NULL : VAL_NONE;
}

static Value dict_delitem_m(Value *args, int nargs, Value kwnames)
{
    int r = dict_del(SELF, args[1]);
    if (r < 0) return VAL_NULL;
    if (r == 0) return err_set_value(&exc_KeyError, args[1]);
    return VAL_NONE;
}

static Value dict_contains_m(Value *args, int nargs, Value kwnames)
{
    int r = dict_contains_key(SELF, args[1]);
    return r < 0 ? VAL_NULL : MK_BOOL(r);
}

static Value dict_iter_m(Value *args, int nargs, Value kwnames) { return dict_iter(SELF); }

static Value dict_reversed_m(Value *args, int nargs, Value kwnames)
{
    return dictiter_new(SELF, &type_dict_reversekeyiterator, 1);
}

static Value dict_eq_m(Value *args, int nargs, Value kwnames)
{
    if (!IS_DICT(args[1])) return VAL_NOTIMPLEMENTED;
    int r = dict_equal(SELF, args[1]);
    return r < 0 ? VAL_NULL : MK_BOOL(r);
}

static Value dict_ne_m(Value *args, int nargs, Value kwnames)
{
    if (!IS_DICT(args[1])) return VAL_NOTIMPLEMENTED;
    int r = dict_equal(SELF, args[1]);
    return r < 0 ? VAL_NULL : MK_BOOL(!r);
}

/* dict has every rich comparison, as CPython's tp_richcompare gives it; the
 * orderings are NotImplemented. */
static Value dict_order_m(Value *args, int nargs, Value kwnames) { return VAL_NOTIMPLEMENTED; }

static Value dict_or_m(Value *args, int nargs, Value kwnames)
{
    if (!IS_DICT(args[1])) return VAL_NOTIMPLEMENTED;
    Value r = dict_copy(SELF);
    if (IS_NULL(r) || dict_update(r, args[1]) < 0) return VAL_NULL;
    return r;
}

static Value dict_ror_m(Value *args, int nargs, Value kwnames)
{
    if (!IS_DICT(args[1])) return VAL_NOTIMPLEMENTED;
    Value r = dict_copy(args[1]);
    if (IS_NULL(r) || dict_update(r, SELF) < 0) return VAL_NULL;
    return r;
}

static Value dict_ior_m(Value *args, int nargs, Value kwnames)
{
    if (dict_update(SELF, args[1]) < 0) return VAL_NULL;
    return SELF;
}

static Value dict_keys_m(Value *args, int nargs, Value kwnames)
{
    return dictview_new(SELF, &type_dict_keys);
}

static Value dict_values_m(Value *args, int nargs, Value kwnames)
{
    return dictview_new(SELF, &type_dict_values);
}

static Value dict_items_m(Value *args, int nargs, Value kwnames)
{
    return dictview_new(SELF, &type_dict_items);
}

static Value dict_get_m(Value *args, int nargs, Value kwnames)
{
    Value v = dict_get(SELF, args[1]);
    if (IS_NULL(v)) {
        if (err_occurred()) return VAL_NULL;
        return IS_NULL(args[2]) ? VAL_NONE : args[2];
    }
    return v;
}

static Value dict_setdefault_m(Value *args, int nargs, Value kwnames)
{
    Value dflt = IS_NULL(args[2]) ? VAL_NONE : args[2];
    int64_t h = dict_hash_key(args[1]);
    if (h == -1) return VAL_NULL;
    int64_t ix = dict_lookup(AS_DICT(SELF), args[1], h, NULL);
    if (ix == -2) return VAL_NULL;
    if (ix >= 0) return AS_DICT(SELF)->entries[ix].value;
    if (dict_insert(AS_DICT(SELF), args[1], h, dflt) < 0) return VAL_NULL;
    return dflt;
}

static Value dict_pop_m(Value *args, int nargs, Value kwnames)
{
    Dict *d = AS_DICT(SELF);
    if (d->used == 0) {                 /* CPython answers an empty dict before hashing */
        if (!IS_NULL(args[2])) return args[2];
        return err_set_value(&exc_KeyError, args[1]);
    }
    int64_t h = dict_hash_key(args[1]), slot;
    if (h == -1) return VAL_NULL;
    int64_t ix = dict_lookup(d, args[1], h, &slot);
    if (ix == -2) return VAL_NULL;
    if (ix < 0) {
        if (!IS_NULL(args[2])) return args[2];
        return err_set_value(&exc_KeyError, args[1]);
    }
    Value v = d->entries[ix].value;
    dict_del_at(d, slot, ix);
    return v;
}

static Value dict_popitem_m(Value *args, int nargs, Value kwnames)
{
    Dict *d = AS_DICT(SELF);
    if (d->used == 0) return err_format(&exc_KeyError, "popitem(): dictionary is empty");
    int64_t i = d->nentries - 1;
    while (IS_NULL(d->entries[i].key)) i--;
    Value k = d->entries[i].key, v = d->entries[i].value;
    Value t = tuple_pack(2, k, v);
    if (IS_NULL(t)) return VAL_NULL;
    int64_t slot;
    int64_t ix = dict_lookup(d, k, d->entries[i].hash, &slot);
    if (ix == i) dict_del_at(d, slot, ix);
    d->nentries = i;    /* CPython also reuses the freed tail entry */
    return t;
}

static Value dict_clear_m(Value *args, int nargs, Value kwnames)
{
    dict_clear(SELF);
    return VAL_NONE;
}

static Value dict_copy_m(Value *args, int nargs, Value kwnames)
{
    return dict_copy(SELF);
}

static Value dict_fromkeys_m(Value *args, int nargs, Value kwnames)
{
    Value value = IS_NULL(args[2]) ? VAL_NONE : args[2];
    Value d = call0(args[0]);
    if (IS_NULL(d)) return VAL_NULL;
    Value it = obj_iter(args[1]);
    if (IS_NULL(it)) return VAL_NULL;
    int exact = IS_EXACT(d, type_dict);
    for (;;) {
        Value k = obj_next(it);
        if (IS_NULL(k)) return err_occurred() ? VAL_NULL : d;
        if ((exact ? dict_set(d, k, value) : obj_setitem(d, k, value)) < 0) return VAL_NULL;
    }
}

static Value dict_sizeof_m(Value *args, int nargs, Value kwnames)
{
    Dict *d = AS_DICT(SELF);
    return MK_SMALLINT(48 + d->isize * 8 + d->ecap * 24);
}

static const MethodDef dict_methods[] = {
    /* ARGS_ANY: dict.__new__ accepts and ignores anything (CPython's dict_new);
     * __init__ and update take **kwargs. */
    {"__new__", dict_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__init__", dict_init_m, ARGS_ANY, NULL},
    {"__repr__", dict_repr_m, ARGS_WRAP(0), NULL},
    {"__len__", dict_len_m, ARGS_WRAP(0), NULL},
    {"__getitem__", dict_getitem_m, ARGS_ONE, NULL},
    {"__setitem__", dict_setitem_m, ARGS_WRAPT(2, 2), NULL},
    {"__delitem__", dict_delitem_m, ARGS_WRAP(1), NULL},
    {"__contains__", dict_contains_m, ARGS_ONE, NULL},
    {"__iter__", dict_iter_m, ARGS_WRAP(0), NULL},
    {"__reversed__", dict_reversed_m, ARGS_NONE, NULL},
    {"__eq__", dict_eq_m, ARGS_WRAP(1), NULL},
    {"__ne__", dict_ne_m, ARGS_WRAP(1), NULL},
    {"__lt__", dict_order_m, ARGS_WRAP(1), NULL},
    {"__le__", dict_order_m, ARGS_WRAP(1), NULL},
    {"__gt__", dict_order_m, ARGS_WRAP(1), NULL},
    {"__ge__", dict_order_m, ARGS_WRAP(1), NULL},
    {"__or__", dict_or_m, ARGS_WRAP(1), NULL},
    {"__ror__", dict_ror_m, ARGS_WRAP(1), NULL},
    {"__ior__", dict_ior_m, ARGS_WRAP(1), NULL},
    {"__hash__", NULL, 0, NULL},
    {"__sizeof__", dict_sizeof_m, ARGS_NONE, NULL},
    {"keys", dict_keys_m, ARGS_NONE, NULL},
    {"values", dict_values_m, ARGS_NONE, NULL},
    {"items", dict_items_m, ARGS_NONE, NULL},
    {"get", dict_get_m, ARGS_POS(1, 2), "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", dict_setdefault_m, ARGS_POS(1, 2), NULL},
    {"pop", dict_pop_m, ARGS_POS(1, 2), NULL},
    {"popitem", dict_popitem_m, ARGS_NONE, NULL},
    {"update", dict_update_m, ARGS_ANY, NULL},
    {"clear", dict_clear_m, ARGS_NONE, NULL},
    {"copy", dict_copy_m, ARGS_NONE, NULL},
    {"fromkeys", dict_fromkeys_m, METH_CLASS | ARGS_POS(1, 2), NULL},
    {NULL, NULL, 0, NULL},
};

static void dict_trace(Obj *o)
{
    Dict *d = (Dict *)o;
    if (!d->entries) return;
    for (int64_t i = 0; i < d->nentries; i++) {
        gc_mark_value(d->entries[i].key);
        gc_mark_value(d->entries[i].value);
    }
}

static void dict_finalize(Obj *o)
{
    dict_free_tables((Dict *)o);
}

Type type_dict = {
    .tp_name = "dict", .base = &type_object,
    .flags = TF_BASETYPE | TF_DICT_SUBCLASS | TF_MAPPING | TF_MATCH_SELF,
    .basicsize = sizeof(Dict), .trace = dict_trace, .finalize = dict_finalize,
    .methods = dict_methods,
};
GILPY_TYPE(type_dict, "dict");
