/* obj_set.c - set and frozenset: CPython 3.11's setobject.c algorithm.
 *
 * The table is an open-addressing array of {hash, key} (power of two, at
 * least 8 slots).  An empty slot has key VAL_NULL and hash 0, a dummy (left
 * by a deletion) key VAL_NULL and hash -1.  Probing is CPython's exactly:
 * up to 9 linear probes from i, then perturb >>= 5; i = (i*5 + 1 + perturb)
 * & mask.  Insertion reuses the first dummy seen, resizes when fill*5 >=
 * mask*3 to (used > 50000 ? used*2 : used*4), and the bulk operations
 * (merge, intersection, difference, symmetric difference) follow setobject.c
 * step by step, so iteration order matches CPython for every set built the
 * same way.  frozenset's hash is CPython's too.
 *
 * Key comparisons may run Python code: lookups re-check that the table and
 * the entry's key are unchanged after each obj_eq and restart otherwise
 * (the table may be gone, or freed: it is never read before that check).
 * clear() keeps a table of the minimum size, as CPython's set keeps its
 * smalltable: an __eq__ that empties and refills a small set then finds the
 * same table and the lookup goes on, as in CPython, instead of restarting.
 */
#include "runtime/obj_dict.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_int.h"
#include "runtime/gc.h"
#include "runtime/error.h"
#include "runtime/call.h"
#include "runtime/strbuf.h"

enum { RC_EQ, RC_NE, RC_LT, RC_LE, RC_GT, RC_GE };
#define SET_MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

#define E_EMPTY(e)  (IS_NULL((e)->key) && (e)->hash == 0)
#define E_ACTIVE(e) (!IS_NULL((e)->key))

static int64_t set_hash_key(Value key)
{
    if (IS_SMALLINT(key)) {
        int64_t i = AS_SMALLINT(key);
        return i == -1 ? -2 : i;
    }
    if (IS_OBJ(key) && AS_OBJ(key)->type == &type_str) return str_hash(key);
    return obj_hash(key);
}

static SetEntry *set_alloc_table(int64_t n)
{
    SetEntry *t = gc_malloc((size_t)n * sizeof(SetEntry));
    if (!t) return NULL;
    for (int64_t i = 0; i < n; i++) { t[i].hash = 0; t[i].key = VAL_NULL; }
    return t;
}

static int set_ensure_table(Set *so)
{
    if (so->table) return 0;
    so->table = set_alloc_table(SET_MINSIZE);
    if (!so->table) return -1;
    so->mask = SET_MINSIZE - 1;
    return 0;
}

static int set_keys_equal(Value a, Value b)
{
    if (IS_EXACT(a, type_str) && IS_EXACT(b, type_str)) return str_eq(a, b);
    if (BOTH_SMALLINT(a, b)) return 0;
    return obj_eq(a, b);
}

/* What set_lookkey finds in a set without a table (emptied by an __eq__). */
static SetEntry set_no_entry = { 0, VAL_NULL };

/* The entry holding key, or an empty entry; NULL on error. */
static SetEntry *set_lookkey(Set *so, Value key, int64_t hash)
{
restart:
    if (!so->table) return &set_no_entry;
    {
        uint64_t mask = (uint64_t)so->mask, perturb = (uint64_t)hash;
        uint64_t i = (uint64_t)hash & mask;
        for (;;) {
            SetEntry *entry = &so->table[i];
            int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
            do {
                if (E_EMPTY(entry)) return entry;
                if (entry->hash == hash) {
                    Value startkey = entry->key;
                    if (startkey == key) return entry;
                    SetEntry *table = so->table;
                    int cmp = set_keys_equal(startkey, key);
                    if (cmp < 0) return NULL;
                    if (table != so->table || entry->key != startkey) goto restart;
                    if (cmp > 0) return entry;
                    mask = (uint64_t)so->mask;
                }
                entry++;
            } while (probes--);
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + 1 + perturb) & mask;
        }
    }
}

static void set_insert_clean(SetEntry *table, uint64_t mask, Value key, int64_t hash)
{
    uint64_t perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    for (;;) {
        SetEntry *entry = &table[i];
        if (IS_NULL(entry->key)) goto found;
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (IS_NULL(entry->key)) goto found;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found:
        entry->key = key;
        entry->hash = hash;
        return;
    }
}

static int set_table_resize(Set *so, int64_t minused)
{
    int64_t newsize = SET_MINSIZE;
    while (newsize <= minused) newsize <<= 1;
    SetEntry *newtable = set_alloc_table(newsize);
    if (!newtable) return -1;
    SetEntry *old = so->table;
    int64_t oldmask = so->mask;
    so->table = newtable;
    so->mask = newsize - 1;
    so->fill = so->used;
    if (old) {
        for (int64_t i = 0; i <= oldmask; i++)
            if (E_ACTIVE(&old[i])) set_insert_clean(newtable, (uint64_t)so->mask, old[i].key, old[i].hash);
        gc_free(old, (size_t)(oldmask + 1) * sizeof(SetEntry));
    }
    return 0;
}

static int set_add_entry(Set *so, Value key, int64_t hash)
{
restart:
    if (set_ensure_table(so) < 0) return -1;
    uint64_t mask = (uint64_t)so->mask, perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    SetEntry *freeslot = NULL, *entry;
    for (;;) {
        entry = &so->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (E_EMPTY(entry)) goto found_unused_or_dummy;
            if (entry->hash == hash) {
                Value startkey = entry->key;
                if (startkey == key) return 0;
                SetEntry *table = so->table;
                int cmp = set_keys_equal(startkey, key);
                if (cmp > 0) return 0;
                if (cmp < 0) return -1;
                if (table != so->table || entry->key != startkey) goto restart;
                mask = (uint64_t)so->mask;
            } else if (entry->hash == -1) {
                if (!freeslot) freeslot = entry;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    if (freeslot) {
        so->used++;
        freeslot->key = key;
        freeslot->hash = hash;
        return 0;
    }
    so->fill++;
    so->used++;
    entry->key = key;
    entry->hash = hash;
    if ((uint64_t)so->fill * 5 < mask * 3) return 0;
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

/* 1 found, 0 not, -1 error. */
static int set_contains_entry(Set *so, Value key, int64_t hash)
{
    if (!so->table) return 0;
    SetEntry *e = set_lookkey(so, key, hash);
    if (!e) return -1;
    return E_ACTIVE(e);
}

static int set_discard_entry(Set *so, Value key, int64_t hash)
{
    if (!so->table) return 0;
    SetEntry *e = set_lookkey(so, key, hash);
    if (!e) return -1;
    if (!E_ACTIVE(e)) return 0;
    e->key = VAL_NULL;
    e->hash = -1;
    so->used--;
    return 1;
}

/* ---- public C API ---------------------------------------------------------- */

Type type_set_iterator;

static Set *set_alloc(Type *t)
{
    Set *s = (Set *)((t == &type_set || t == &type_frozenset) ? gc_alloc(t, sizeof(Set))
                                                                : obj_new_instance(t));
    if (!s) return NULL;
    s->hash = -1;
    s->mask = SET_MINSIZE - 1;
    return s;
}

Value set_new(Type *type)
{
    Set *s = set_alloc(type);
    return s ? MK_OBJ(s) : VAL_NULL;
}

int set_add(Value s, Value key)
{
    int64_t h = set_hash_key(key);
    if (h == -1) return -1;
    return set_add_entry(AS_SET(s), key, h);
}

int set_contains(Value s, Value key)
{
    int64_t h = set_hash_key(key);
    if (h == -1) return -1;
    return set_contains_entry(AS_SET(s), key, h);
}

int set_discard(Value s, Value key)
{
    int64_t h = set_hash_key(key);
    if (h == -1) return -1;
    return set_discard_entry(AS_SET(s), key, h);
}

int set_next(Value s, int64_t *pos, Value *key)
{
    Set *so = AS_SET(s);
    int64_t i = *pos;
    if (!so->table) return 0;
    while (i <= so->mask && !E_ACTIVE(&so->table[i])) i++;
    *pos = i + 1;
    if (i > so->mask) return 0;
    *key = so->table[i].key;
    return 1;
}

static SetEntry *set_next_entry(Set *so, int64_t *pos)
{
    int64_t i = *pos;
    if (!so->table) return NULL;
    while (i <= so->mask && !E_ACTIVE(&so->table[i])) i++;
    *pos = i + 1;
    return i > so->mask ? NULL : &so->table[i];
}

int64_t set_len(Value s) { return AS_SET(s)->used; }

static int set_merge(Set *so, Set *other)
{
    if (other == so || other->used == 0) return 0;
    if (set_ensure_table(so) < 0) return -1;
    if ((so->fill + other->used) * 5 >= so->mask * 3)
        if (set_table_resize(so, (so->used + other->used) * 2) < 0) return -1;
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        for (int64_t i = 0; i <= other->mask; i++)
            if (E_ACTIVE(&other->table[i])) so->table[i] = other->table[i];
        so->fill = other->fill;
        so->used = other->used;
        return 0;
    }
    if (so->fill == 0) {
        so->fill = other->used;
        so->used = other->used;
        for (int64_t i = 0; i <= other->mask; i++)
            if (E_ACTIVE(&other->table[i]))
                set_insert_clean(so->table, (uint64_t)so->mask, other->table[i].key, other->table[i].hash);
        return 0;
    }
    for (int64_t i = 0; i <= other->mask; i++) {
        if (!other->table || i > other->mask) break;
        SetEntry e = other->table[i];
        if (E_ACTIVE(&e) && set_add_entry(so, e.key, e.hash) < 0) return -1;
    }
    return 0;
}

static int set_update_internal(Set *so, Value other);

int set_update(Value s, Value iterable) { return set_update_internal(AS_SET(s), iterable); }

static int set_update_internal(Set *so, Value other)
{
    if (IS_ANYSET(other)) return set_merge(so, AS_SET(other));
    if (IS_EXACT(other, type_dict)) {
        int64_t n = dict_len(other);
        if (set_ensure_table(so) < 0) return -1;
        if ((so->fill + n) * 5 >= so->mask * 3)
            if (set_table_resize(so, (so->used + n) * 2) < 0) return -1;
        Dict *d = AS_DICT(other);
        for (int64_t i = 0; i < d->nentries; i++) {
            DictEntry e = d->entries[i];
            if (!IS_NULL(e.key) && set_add_entry(so, e.key, e.hash) < 0) return -1;
        }
        return 0;
    }
    Value it = obj_iter(other);
    if (IS_NULL(it)) return -1;
    for (;;) {
        Value key = obj_next(it);
        if (IS_NULL(key)) return err_occurred() ? -1 : 0;
        if (set_add(MK_OBJ(so), key) < 0) return -1;
    }
}

Value set_from_iterable(Type *type, Value iterable)
{
    Set *s = set_alloc(type);
    if (!s) return VAL_NULL;
    if (!IS_NULL(iterable) && set_update_internal(s, iterable) < 0) return VAL_NULL;
    return MK_OBJ(s);
}

/* ---- the algorithms ---------------------------------------------------------- */

static Type *set_basetype(Value so)
{
    return type_is_subtype(val_type(so), &type_set) ? &type_set : &type_frozenset;
}

static Value set_copy_of(Value so)
{
    return set_from_iterable(set_basetype(so), so);
}

static Value set_intersection(Value sov, Value other)
{
    if (sov == other) return set_copy_of(sov);
    Value result = set_new(set_basetype(sov));
    if (IS_NULL(result)) return VAL_NULL;
    Set *so = AS_SET(sov);
    if (IS_ANYSET(other)) {
        Set *o = AS_SET(other);
        if (o->used > so->used) { Set *t = so; so = o; o = t; }
        int64_t pos = 0;
        SetEntry *e;
        while ((e = set_next_entry(o, &pos)) != NULL) {
            Value key = e->key;
            int64_t hash = e->hash;
            int rv = set_contains_entry(so, key, hash);
            if (rv < 0) return VAL_NULL;
            if (rv && set_add_entry(AS_SET(result), key, hash) < 0) return VAL_NULL;
        }
        return result;
    }
    Value it = obj_iter(other);
    if (IS_NULL(it)) return VAL_NULL;
    for (;;) {
        Value key = obj_next(it);
        if (IS_NULL(key)) return err_occurred() ? VAL_NULL : result;
        int64_t hash = set_hash_key(key);
        if (hash == -1) return VAL_NULL;
        int rv = set_contains_entry(so, key, hash);
        if (rv < 0) return VAL_NULL;
        if (rv && set_add_entry(AS_SET(result), key, hash) < 0) return VAL_NULL;
    }
}

/* Make `so` hold the contents of `tmp` (tmp is left with so's old table). */
static void set_swap_bodies(Set *a, Set *b)
{
    Set t = *a;
    a->fill = b->fill; a->used = b->used; a->mask = b->mask; a->table = b->table;
    a->finger = b->finger;
    b->fill = t.fill; b->used = t.used; b->mask = t.mask; b->table = t.table;
    b->finger = t.finger;
    a->hash = b->hash = -1;
}

static int set_intersection_update(Value so, Value other)
{
    Value tmp = set_intersection(so, other);
    if (IS_NULL(tmp)) return -1;
    set_swap_bodies(AS_SET(so), AS_SET(tmp));
    return 0;
}

/* A table of the minimum size stays (see the top comment). */
static void set_clear_internal(Set *so)
{
    if (so->table && so->mask == SET_MINSIZE - 1) {
        for (int64_t i = 0; i < SET_MINSIZE; i++) { so->table[i].hash = 0; so->table[i].key = VAL_NULL; }
    } else {
        if (so->table) gc_free(so->table, (size_t)(so->mask + 1) * sizeof(SetEntry));
        so->table = NULL;
        so->mask = SET_MINSIZE - 1;
    }
    so->fill = so->used = 0;
}

static int set_difference_update_internal(Set *so, Value other)
{
    if (MK_OBJ(so) == other) { set_clear_internal(so); return 0; }
    if (IS_ANYSET(other)) {
        if ((AS_SET(other)->used >> 3) > so->used) {
            other = set_intersection(MK_OBJ(so), other);
            if (IS_NULL(other)) return -1;
        }
        int64_t pos = 0;
        SetEntry *e;
        while ((e = set_next_entry(AS_SET(other), &pos)) != NULL)
            if (set_discard_entry(so, e->key, e->hash) < 0) return -1;
    } else {
        Value it = obj_iter(other);
        if (IS_NULL(it)) return -1;
        for (;;) {
            Value key = obj_next(it);
            if (IS_NULL(key)) { if (err_occurred()) return -1; break; }
            if (set_discard(MK_OBJ(so), key) < 0) return -1;
        }
    }
    if ((uint64_t)(so->fill - so->used) <= (uint64_t)so->mask / 4) return 0;
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
}

static Value set_copy_and_difference(Value so, Value other)
{
    Value r = set_copy_of(so);
    if (IS_NULL(r) || set_difference_update_internal(AS_SET(r), other) < 0) return VAL_NULL;
    return r;
}

static Value set_difference(Value sov, Value other)
{
    int64_t other_size;
    if (IS_ANYSET(other)) other_size = AS_SET(other)->used;
    else if (IS_EXACT(other, type_dict)) other_size = dict_len(other);
    else return set_copy_and_difference(sov, other);
    Set *so = AS_SET(sov);
    if ((so->used >> 2) > other_size) return set_copy_and_difference(sov, other);
    Value result = set_new(set_basetype(sov));
    if (IS_NULL(result)) return VAL_NULL;
    int64_t pos = 0;
    SetEntry *e;
    while ((e = set_next_entry(so, &pos)) != NULL) {
        Value key = e->key;
        int64_t hash = e->hash;
        int rv;
        if (IS_ANYSET(other)) {
            rv = set_contains_entry(AS_SET(other), key, hash);
        } else {
            Value v = dict_get_hashed(other, key, hash);
            rv = IS_NULL(v) ? (err_occurred() ? -1 : 0) : 1;
        }
        if (rv < 0) return VAL_NULL;
        if (!rv && set_add_entry(AS_SET(result), key, hash) < 0) return VAL_NULL;
    }
    return result;
}

static int set_symmetric_difference_update(Value sov, Value other)
{
    Set *so = AS_SET(sov);
    if (sov == other) { set_clear_internal(so); return 0; }
    if (IS_EXACT(other, type_dict)) {
        Dict *d = AS_DICT(other);
        for (int64_t i = 0; i < d->nentries; i++) {
            DictEntry e = d->entries[i];
            if (IS_NULL(e.key)) continue;
            int rv = set_discard_entry(so, e.key, e.hash);
            if (rv < 0) return -1;
            if (rv == 0 && set_add_entry(so, e.key, e.hash) < 0) return -1;
        }
        return 0;
    }
    Value otherset = IS_ANYSET(other) ? other : set_from_iterable(set_basetype(sov), other);
    if (IS_NULL(otherset)) return -1;
    int64_t pos = 0;
    SetEntry *e;
    while ((e = set_next_entry(AS_SET(otherset), &pos)) != NULL) {
        Value key = e->key;
        int64_t hash = e->hash;
        int rv = set_discard_entry(so, key, hash);
        if (rv < 0) return -1;
        if (rv == 0 && set_add_entry(so, key, hash) < 0) return -1;
    }
    return 0;
}

static Value set_symmetric_difference(Value so, Value other)
{
    Value r = set_from_iterable(set_basetype(so), other);
    if (IS_NULL(r) || set_symmetric_difference_update(r, so) < 0) return VAL_NULL;
    return r;
}

static int set_issubset(Value so, Value other)
{
    if (!IS_ANYSET(other)) {
        Value tmp = set_from_iterable(&type_set, other);
        if (IS_NULL(tmp)) return -1;
        other = tmp;
    }
    if (AS_SET(so)->used > AS_SET(other)->used) return 0;
    int64_t pos = 0;
    SetEntry *e;
    while ((e = set_next_entry(AS_SET(so), &pos)) != NULL) {
        int rv = set_contains_entry(AS_SET(other), e->key, e->hash);
        if (rv <= 0) return rv;
    }
    return 1;
}

static int set_issuperset(Value so, Value other)
{
    if (IS_ANYSET(other)) return set_issubset(other, so);
    Value it = obj_iter(other);
    if (IS_NULL(it)) return -1;
    for (;;) {
        Value key = obj_next(it);
        if (IS_NULL(key)) return err_occurred() ? -1 : 1;
        int rv = set_contains(so, key);
        if (rv <= 0) return rv;
    }
}

static int set_isdisjoint(Value so, Value other)
{
    if (so == other) return AS_SET(so)->used == 0;
    if (IS_ANYSET(other)) {
        Value a = so, b = other;
        if (AS_SET(b)->used > AS_SET(a)->used) { a = other; b = so; }
        int64_t pos = 0;
        SetEntry *e;
        while ((e = set_next_entry(AS_SET(b), &pos)) != NULL) {
            int rv = set_contains_entry(AS_SET(a), e->key, e->hash);
            if (rv != 0) return rv < 0 ? -1 : 0;
        }
        return 1;
    }
    Value it = obj_iter(other);
    if (IS_NULL(it)) return -1;
    for (;;) {
        Value key = obj_next(it);
        if (IS_NULL(key)) return err_occurred() ? -1 : 1;
        int rv = set_contains(so, key);
        if (rv != 0) return rv < 0 ? -1 : 0;
    }
}

static uint64_t shuffle_bits(uint64_t h)
{
    return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
}

int64_t frozenset_hash(Value sv)
{
    Set *so = AS_SET(sv);
    if (so->hash != -1) return so->hash;
    uint64_t hash = 0;
    int64_t pos = 0;
    SetEntry *e;
    while ((e = set_next_entry(so, &pos)) != NULL) hash ^= shuffle_bits((uint64_t)e->hash);
    hash ^= ((uint64_t)so->used + 1) * 1927868237UL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == (uint64_t)-1) hash = 590923713UL;
    so->hash = (int64_t)hash;
    return so->hash;
}

/* A set key that is itself an unhashable set is looked up as a frozenset. */
static Value set_key_retry(Value key)
{
    if (!IS_OBJ(key) || !type_is_subtype(val_type(key), &type_set) || !err_matches(&exc_TypeError))
        return VAL_NULL;
    err_clear();
    return set_from_iterable(&type_frozenset, key);
}

/* ---- iterator ------------------------------------------------------------- */

typedef struct SetIter {
    Obj     header;
    Value   set;            /* VAL_NULL once exhausted */
    int64_t pos, used, len;
} SetIter;

static void setiter_trace(Obj *o) { gc_mark_value(((SetIter *)o)->set); }

static Value set_iter(Value s)
{
    SetIter *it = (SetIter *)gc_alloc(&type_set_iterator, sizeof(SetIter));
    if (!it) return VAL_NULL;
    it->set = s;
    it->used = it->len = AS_SET(s)->used;
    return MK_OBJ(it);
}

static Value setiter_self(Value *args, int nargs, Value kwnames) { return args[0]; }

static Value setiter_next(Value *args, int nargs, Value kwnames)
{
    SetIter *it = (SetIter *)AS_OBJ(args[0]);
    if (IS_NULL(it->set)) return VAL_NULL;
    Set *so = AS_SET(it->set);
    if (it->used != so->used) {
        it->used = -1;
        return err_format(&exc_RuntimeError, "Set changed size during iteration");
    }
    SetEntry *e = set_next_entry(so, &it->pos);
    if (!e) { it->set = VAL_NULL; return VAL_NULL; }
    it->len--;
    return e->key;
}

static Value setiter_length_hint(Value *args, int nargs, Value kwnames)
{
    SetIter *it = (SetIter *)AS_OBJ(args[0]);
    if (IS_NULL(it->set) || it->used != AS_SET(it->set)->used) return MK_SMALLINT(0);
    return MK_SMALLINT(it->len);
}

/* __reduce__: (iter, (list of what is left,)), through a copy of the iterator. */
static Value setiter_reduce(Value *args, int nargs, Value kwnames)
{
    SetIter *c = (SetIter *)gc_alloc(&type_set_iterator, sizeof(SetIter));
    if (!c) return VAL_NULL;
    Obj header = c->header;
    *c = *(SetIter *)AS_OBJ(args[0]);
    c->header = header;
    Value copy = MK_OBJ(c);
    Value rest = list_new(0), x;
    if (IS_NULL(rest)) return VAL_NULL;
    while (!IS_NULL(x = obj_next(copy)))
        if (list_append(rest, x) < 0) return VAL_NULL;
    return err_occurred() ? VAL_NULL : iter_reduce_items(rest);
}

static const MethodDef setiter_methods[] = {
    {"__reduce__", setiter_reduce, ARGS_NONE, "Return state information for pickling."},
    {"__iter__", setiter_self, ARGS_WRAP(0), NULL},
    {"__next__", setiter_next, ARGS_WRAP(0), NULL},
    {"__length_hint__", setiter_length_hint, ARGS_NONE, NULL},
    {NULL, NULL, 0, NULL},
};

Type type_set_iterator = {
    .tp_name = "set_iterator", .base = &type_object,
    .basicsize = sizeof(SetIter), .trace = setiter_trace, .methods = setiter_methods,
};
GILPY_TYPE(type_set_iterator, NULL);

/* ---- Python methods ---------------------------------------------------------- */

#define SELF args[0]

static Value set_new_m(Value *args, int nargs, Value kwnames)
{
    Type *cls = AS_TYPE(args[0]);
    if (cls == &type_set) return set_new(cls);
    if (type_is_subtype(cls, &type_set)) return set_new(cls);
    /* frozenset: keywords are refused unless a subclass has its own __init__,
     * and the count message names the class ("F expected at most 1 argument"). */
    int own_init = cls != &type_frozenset &&
                   type_lookup_c(cls, "__init__") != type_lookup_c(&type_frozenset, "__init__");
    if (!own_init && arg_no_kw("frozenset", kwnames)) return VAL_NULL;
    if (arg_count(type_name(cls), nargs - 1, 0, 1)) return VAL_NULL;
    if (cls == &type_frozenset && nargs > 1 && IS_EXACT(args[1], type_frozenset)) return args[1];
    return set_from_iterable(cls, nargs > 1 ? args[1] : VAL_NULL);
}

static Value set_init_m(Value *args, int nargs, Value kwnames)
{
    /* CPython 3.11's set_init: no keywords, whatever the class; the count
     * message names the class ("S expected at most 1 argument, got 2"). */
    if (arg_no_kw("set", kwnames) || arg_count(val_type_name(SELF), nargs - 1, 0, 1)) return VAL_NULL;
    set_clear_internal(AS_SET(SELF));
    if (nargs > 1 && set_update_internal(AS_SET(SELF), args[1]) < 0) return VAL_NULL;
    return VAL_NONE;
}

static Value set_repr_m(Value *args, int nargs, Value kwnames)
{
    Value self = SELF;
    int exact_set = IS_EXACT(self, type_set);
    if (AS_SET(self)->used == 0) return str_format_c("%s()", val_type_name(self));
    int st = seq_repr_enter(self);
    if (st < 0) return VAL_NULL;
    if (st > 0) return str_format_c("%s(...)", val_type_name(self));
    Value l = seq_to_list(self);
    Value lr = IS_NULL(l) ? VAL_NULL : list_repr(l);
    seq_repr_leave(self);
    if (IS_NULL(lr)) return VAL_NULL;
    /* "[a, b]" -> "{a, b}" */
    Str *s = AS_STR(lr);
    Value inner = str_new(s->data + 1, (size_t)s->len - 2);
    if (IS_NULL(inner)) return VAL_NULL;
    if (exact_set) return str_format_c("{%U}", inner);
    return str_format_c("%s({%U})", val_type_name(self), inner);
}

static Value set_len_m(Value *args, int nargs, Value kwnames) { return MK_SMALLINT(AS_SET(SELF)->used); }
static Value set_iter_m(Value *args, int nargs, Value kwnames) { return set_iter(SELF); }

static Value set_contains_m(Value *args, int nargs, Value kwnames)
{
    int r = set_contains(SELF, args[1]);
    if (r < 0) {
        Value k = set_key_retry(args[1]);
        if (IS_NULL(k)) return VAL_NULL;
        r = set_contains(SELF, k);
        if (r < 0) return VAL_NULL;
    }
    return MK_BOOL(r);
}

static Value frozenset_hash_m(Value *args, int nargs, Value kwnames)
{
    int64_t h = frozenset_hash(SELF);
    return SMALLINT_FITS(h) ? MK_SMALLINT(h) : int_from_i64(h);
}

static Value set_add_m(Value *args, int nargs, Value kwnames)
{
    return set_add(SELF, args[1]) < 0 ? VAL_NULL : VAL_NONE;
}

/* discard with the set-as-frozenset retry: 1, 0, -1 */
static int set_discard_retry(Value s, Value key)
{
    int r = set_discard(s, key);
    if (r < 0) {
        Value k = set_key_retry(key);
        if (IS_NULL(k)) return -1;
        r = set_discard(s, k);
    }
    return r;
}

static Value set_remove_m(Value *args, int nargs, Value kwnames)
{
    int r = set_discard_retry(SELF, args[1]);
    if (r < 0) return VAL_NULL;
    if (r == 0) return err_set_value(&exc_KeyError, args[1]);
    return VAL_NONE;
}

static Value set_discard_m(Value *args, int nargs, Value kwnames)
{
    return set_discard_retry(SELF, args[1]) < 0 ? VAL_NULL : VAL_NONE;
}

static Value set_pop_m(Value *args, int nargs, Value kwnames)
{
    Set *so = AS_SET(SELF);
    if (so->used == 0) return err_format(&exc_KeyError, "pop from an empty set");
    SetEntry *entry = so->table + (so->finger & so->mask);
    SetEntry *limit = so->table + so->mask;
    while (!E_ACTIVE(entry)) {
        entry++;
        if (entry > limit) entry = so->table;
    }
    Value key = entry->key;
    entry->key = VAL_NULL;
    entry->hash = -1;
    so->used--;
    so->finger = entry - so->table + 1;
    return key;
}

static Value set_clear_m(Value *args, int nargs, Value kwnames)
{
    set_clear_internal(AS_SET(SELF));
    return VAL_NONE;
}

static Value set_copy_m(Value *args, int nargs, Value kwnames)
{
    if (IS_EXACT(SELF, type_frozenset)) return SELF;
    return set_copy_of(SELF);
}

/* The *others methods (union, update, ...) take no keywords.  Their message
 * names the bare method, as CPython's METH_VARARGS functions called through a
 * bound method do ("union() takes no keyword arguments"; through the
 * descriptor, s.union(x=1), CPython says "set.union()"; a native function here
 * cannot tell the two apart). */
static Value set_union_m(Value *args, int nargs, Value kwnames)
{
    Value r = set_copy_of(SELF);
    if (IS_NULL(r)) return VAL_NULL;
    for (int i = 1; i < nargs; i++) {
        if (args[i] == SELF) continue;
        if (set_update_internal(AS_SET(r), args[i]) < 0) return VAL_NULL;
    }
    return r;
}

static Value set_update_m(Value *args, int nargs, Value kwnames)
{
    for (int i = 1; i < nargs; i++)
        if (set_update_internal(AS_SET(SELF), args[i]) < 0) return VAL_NULL;
    return VAL_NONE;
}

static Value set_intersection_m(Value *args, int nargs, Value kwnames)
{
    if (nargs == 1) return set_copy_of(SELF);
    Value r = SELF;
    for (int i = 1; i < nargs; i++) {
        r = set_intersection(r, args[i]);
        if (IS_NULL(r)) return VAL_NULL;
    }
    return r;
}

static Value set_intersection_update_m(Value *args, int nargs, Value kwnames)
{
    if (nargs == 1) return VAL_NONE;
    Value r = SELF;
    for (int i = 1; i < nargs; i++) {
        r = set_intersection(r, args[i]);
        if (IS_NULL(r)) return VAL_NULL;
    }
    set_swap_bodies(AS_SET(SELF), AS_SET(r));
    return VAL_NONE;
}

static Value set_difference_m(Value *args, int nargs, Value kwnames)
{
    if (nargs == 1) return set_copy_of(SELF);
    Value r = set_difference(SELF, args[1]);
    if (IS_NULL(r)) return VAL_NULL;
    for (int i = 2; i < nargs; i++)
        if (set_difference_update_internal(AS_SET(r), args[i]) < 0) return VAL_NULL;
    return r;
}

static Value set_difference_update_m(Value *args, int nargs, Value kwnames)
{
    for (int i = 1; i < nargs; i++)
        if (set_difference_update_internal(AS_SET(SELF), args[i]) < 0) return VAL_NULL;
    return VAL_NONE;
}

static Value set_symdiff_m(Value *args, int nargs, Value kwnames)
{
    return set_symmetric_difference(SELF, args[1]);
}

static Value set_symdiff_update_m(Value *args, int nargs, Value kwnames)
{
    return set_symmetric_difference_update(SELF, args[1]) < 0 ? VAL_NULL : VAL_NONE;
}

static Value set_bool_result(int r) { return r < 0 ? VAL_NULL : MK_BOOL(r); }

static Value set_issubset_m(Value *args, int nargs, Value kwnames)
{
    return set_bool_result(set_issubset(SELF, args[1]));
}

static Value set_issuperset_m(Value *args, int nargs, Value kwnames)
{
    return set_bool_result(set_issuperset(SELF, args[1]));
}

static Value set_isdisjoint_m(Value *args, int nargs, Value kwnames)
{
    return set_bool_result(set_isdisjoint(SELF, args[1]));
}

/* Binary operators: both operands must be sets. */
#define BOTH_SETS(args) (IS_ANYSET(args[0]) && IS_ANYSET(args[1]))

static Value set_or_m(Value *args, int nargs, Value kwnames)
{
    if (!BOTH_SETS(args)) return VAL_NOTIMPLEMENTED;
    Value r = set_copy_of(args[0]);
    if (IS_NULL(r)) return VAL_NULL;
    if (args[0] == args[1]) return r;
    return set_update_internal(AS_SET(r), args[1]) < 0 ? VAL_NULL : r;
}

static Value set_and_m(Value *args, int nargs, Value kwnames)
{
    if (!BOTH_SETS(args)) return VAL_NOTIMPLEMENTED;
    return set_intersection(args[0], args[1]);
}

static Value set_sub_m(Value *args, int nargs, Value kwnames)
{
    if (!BOTH_SETS(args)) return VAL_NOTIMPLEMENTED;
    return set_difference(args[0], args[1]);
}

static Value set_xor_m(Value *args, int nargs, Value kwnames)
{
    if (!BOTH_SETS(args)) return VAL_NOTIMPLEMENTED;
    return set_symmetric_difference(args[0], args[1]);
}

/* Reflected forms: args[0] is the right operand. */
static Value set_swap_call(Value *args, NativeFn f)
{
    Value sw[2] = {args[1], args[0]};
    return f(sw, 2, VAL_NULL);
}
static Value set_ror_m(Value *a, int n, Value k) { return set_swap_call(a, set_or_m); }
static Value set_rand_m(Value *a, int n, Value k) { return set_swap_call(a, set_and_m); }
static Value set_rsub_m(Value *a, int n, Value k) { return set_swap_call(a, set_sub_m); }
static Value set_rxor_m(Value *a, int n, Value k) { return set_swap_call(a, set_xor_m); }

static Value set_ior_m(Value *args, int nargs, Value kwnames)
{
    if (!BOTH_SETS(args)) return VAL_NOTIMPLEMENTED;
    return set_update_internal(AS_SET(SELF), args[1]) < 0 ? VAL_NULL : SELF;
}

static Value set_iand_m(Value *args, int nargs, Value kwnames)
{
    if (!BOTH_SETS(args)) return VAL_NOTIMPLEMENTED;
    return set_intersection_update(SELF, args[1]) < 0 ? VAL_NULL : SELF;
}

static Value set_isub_m(Value *args, int nargs, Value kwnames)
{
    if (!BOTH_SETS(args)) return VAL_NOTIMPLEMENTED;
    return set_difference_update_internal(AS_SET(SELF), args[1]) < 0 ? VAL_NULL : SELF;
}

static Value set_ixor_m(Value *args, int nargs, Value kwnames)
{
    if (!BOTH_SETS(args)) return VAL_NOTIMPLEMENTED;
    return set_symmetric_difference_update(SELF, args[1]) < 0 ? VAL_NULL : SELF;
}

static Value set_richcompare(Value a, Value b, int op)
{
    if (!IS_ANYSET(b)) return VAL_NOTIMPLEMENTED;
    Set *sa = AS_SET(a), *sb = AS_SET(b);
    int r;
    switch (op) {
    case RC_EQ: case RC_NE:
        if (sa->used != sb->used) r = 0;
        else if (sa->hash != -1 && sb->hash != -1 && sa->hash != sb->hash &&
                 !type_is_subtype(val_type(a), &type_set) && !type_is_subtype(val_type(b), &type_set))
            r = 0;
        else r = set_issubset(a, b);
        if (r >= 0 && op == RC_NE) r = !r;
        break;
    case RC_LE: r = set_issubset(a, b); break;
    case RC_GE: r = set_issuperset(a, b); break;
    case RC_LT: r = sa->used < sb->used ? set_issubset(a, b) : 0; break;
    default:    r = sa->used > sb->used ? set_issuperset(a, b) : 0; break;
    }
    return set_bool_result(r);
}

static Value set_eq_m(Value *a, int n, Value k) { return set_richcompare(a[0], a[1], RC_EQ); }
static Value set_ne_m(Value *a, int n, Value k) { return set_richcompare(a[0], a[1], RC_NE); }
static Value set_lt_m(Value *a, int n, Value k) { return set_richcompare(a[0], a[1], RC_LT); }
static Value set_le_m(Value *a, int n, Value k) { return set_richcompare(a[0], a[1], RC_LE); }
static Value set_gt_m(Value *a, int n, Value k) { return set_richcompare(a[0], a[1], RC_GT); }
static Value set_ge_m(Value *a, int n, Value k) { return set_richcompare(a[0], a[1], RC_GE); }

static Value set_sizeof_m(Value *args, int nargs, Value kwnames)
{
    Set *so = AS_SET(SELF);
    int64_t n = so->mask + 1;
    return MK_SMALLINT(200 + (n > SET_MINSIZE ? n * 16 : 0));
}

/* __reduce__: (type(self), (list(self),), the instance __dict__ or None). */
static Value set_reduce_m(Value *args, int nargs, Value kwnames)
{
    Value items = seq_to_list(args[0]);
    if (IS_NULL(items)) return VAL_NULL;
    Value *dp = obj_dict_ptr(args[0]);
    Value state = dp && IS_DICT(*dp) ? *dp : VAL_NONE;
    return tuple_pack(3, MK_OBJ(val_type(args[0])), tuple_pack(1, items), state);
}

/* ARGS_ANY: __new__ and __init__ name the type in their messages ("set expected
 * at most 1 argument, got 2", "set() takes no keyword arguments"). */
#define COMMON_SET_METHODS                                                                          \
    {"__new__", set_new_m, METH_STATIC | ARGS_ANY, NULL},                                           \
    {"__repr__", set_repr_m, ARGS_WRAP(0), NULL},                                                   \
    {"__len__", set_len_m, ARGS_WRAP(0), NULL},                                                     \
    {"__iter__", set_iter_m, ARGS_WRAP(0), NULL},                                                   \
    {"__contains__", set_contains_m, ARGS_ONE, NULL},                                               \
    {"__or__", set_or_m, ARGS_WRAP(1), NULL}, {"__ror__", set_ror_m, ARGS_WRAP(1), NULL},           \
    {"__and__", set_and_m, ARGS_WRAP(1), NULL}, {"__rand__", set_rand_m, ARGS_WRAP(1), NULL},       \
    {"__sub__", set_sub_m, ARGS_WRAP(1), NULL}, {"__rsub__", set_rsub_m, ARGS_WRAP(1), NULL},       \
    {"__xor__", set_xor_m, ARGS_WRAP(1), NULL}, {"__rxor__", set_rxor_m, ARGS_WRAP(1), NULL},       \
    {"__eq__", set_eq_m, ARGS_WRAP(1), NULL}, {"__ne__", set_ne_m, ARGS_WRAP(1), NULL},             \
    {"__lt__", set_lt_m, ARGS_WRAP(1), NULL}, {"__le__", set_le_m, ARGS_WRAP(1), NULL},             \
    {"__gt__", set_gt_m, ARGS_WRAP(1), NULL}, {"__ge__", set_ge_m, ARGS_WRAP(1), NULL},             \
    {"__sizeof__", set_sizeof_m, ARGS_NONE, NULL},                                                  \
    {"__reduce__", set_reduce_m, ARGS_NONE, "Return state information for pickling."},              \
    {"copy", set_copy_m, ARGS_NONE, "Return a shallow copy of a set."},                             \
    {"union", set_union_m, ARGS_VAR, NULL},                                                         \
    {"intersection", set_intersection_m, ARGS_VAR, NULL},                                           \
    {"difference", set_difference_m, ARGS_VAR, NULL},                                               \
    {"symmetric_difference", set_symdiff_m, ARGS_ONE, NULL},                                        \
    {"issubset", set_issubset_m, ARGS_ONE, NULL},                                                   \
    {"issuperset", set_issuperset_m, ARGS_ONE, NULL},                                               \
    {"isdisjoint", set_isdisjoint_m, ARGS_ONE, NULL},

static const MethodDef set_methods[] = {
    COMMON_SET_METHODS
    {"__init__", set_init_m, ARGS_ANY, NULL},
    {"__hash__", NULL, 0, NULL},
    {"__ior__", set_ior_m, ARGS_WRAP(1), NULL},
    {"__iand__", set_iand_m, ARGS_WRAP(1), NULL},
    {"__isub__", set_isub_m, ARGS_WRAP(1), NULL},
    {"__ixor__", set_ixor_m, ARGS_WRAP(1), NULL},
    {"add", set_add_m, ARGS_ONE, "Add an element to a set."},
    {"remove", set_remove_m, ARGS_ONE, NULL},
    {"discard", set_discard_m, ARGS_ONE, NULL},
    {"pop", set_pop_m, ARGS_NONE, NULL},
    {"clear", set_clear_m, ARGS_NONE, NULL},
    {"update", set_update_m, ARGS_VAR, NULL},
    {"intersection_update", set_intersection_update_m, ARGS_VAR, NULL},
    {"difference_update", set_difference_update_m, ARGS_VAR, NULL},
    {"symmetric_difference_update", set_symdiff_update_m, ARGS_ONE, NULL},
    {NULL, NULL, 0, NULL},
};

static const MethodDef frozenset_methods[] = {
    COMMON_SET_METHODS
    {"__hash__", frozenset_hash_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};

static void set_trace(Obj *o)
{
    Set *so = (Set *)o;
    if (!so->table) return;
    for (int64_t i = 0; i <= so->mask; i++)
        if (E_ACTIVE(&so->table[i])) gc_mark_value(so->table[i].key);
}

static void set_finalize(Obj *o)
{
    Set *so = (Set *)o;
    if (so->table) gc_free(so->table, (size_t)(so->mask + 1) * sizeof(SetEntry));
    so->table = NULL;
    so->fill = so->used = 0;
}

Type type_set = {
    .tp_name = "set", .base = &type_object,
    .flags = TF_BASETYPE | TF_SET_SUBCLASS | TF_MATCH_SELF | TF_WEAKREFABLE,
    .basicsize = sizeof(Set), .trace = set_trace, .finalize = set_finalize,
    .methods = set_methods,
};
GILPY_TYPE(type_set, "set");

Type type_frozenset = {
    .tp_name = "frozenset", .base = &type_object,
    .flags = TF_BASETYPE | TF_MATCH_SELF | TF_WEAKREFABLE,
    .basicsize = sizeof(Set), .trace = set_trace, .finalize = set_finalize,
    .methods = frozenset_methods,
};
GILPY_TYPE(type_frozenset, "frozenset");
