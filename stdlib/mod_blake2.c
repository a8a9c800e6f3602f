/* mod_blake2.c - the `_blake2` module: hashlib's blake2b and blake2s, with
 * every parameter of the BLAKE2 parameter block (key, salt, person, the tree
 * hashing fields), as CPython 3.11's _blake2 gives them.
 *
 * BLAKE2 (RFC 7693) is written here from the RFC, once, for both widths:
 * BLAKE2_DEFINE(b, uint64_t, ...) expands to the compression function and the
 * update/final steps of one variant.  The parameter block is built as bytes
 * (its layout differs between the two) and XORed into the IV.  Objects are
 * immutable apart from their state; copy() duplicates the state. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_int.h"
#include "runtime/obj_memoryview.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "interp/modreg.h"
#include "hashlib_args.h"

GILPY_MODULE("_blake2", mod_blake2_init);

/* ---- the hash functions ----------------------------------------------------------- */

static const uint8_t blake2_sigma[12][16] = {
    { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 },
    { 14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3 },
    { 11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4 },
    { 7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8 },
    { 9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13 },
    { 2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9 },
    { 12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11 },
    { 13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10 },
    { 6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5 },
    { 10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0 },
    { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 },
    { 14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3 },
};

static const uint64_t blake2b_iv[8] = {
    0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
    0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL,
};
static const uint32_t blake2s_iv[8] = {
    0x6a09e667U, 0xbb67ae85U, 0x3c6ef372U, 0xa54ff53aU, 0x510e527fU, 0x9b05688cU, 0x1f83d9abU, 0x5be0cd19U,
};

#define BLAKE2_MAX_BLOCK 128

/* One variant's state: chained value, byte counter, the pending block. */
typedef struct {
    uint64_t h[8];             /* words of the variant's width (blake2s uses the low half) */
    uint64_t t[2];             /* bytes hashed so far (128-bit for b, 64-bit for s) */
    uint8_t  buf[BLAKE2_MAX_BLOCK];
    size_t   buflen;
    int      last_node;
} Blake2State;

#define BLAKE2_DEFINE(V, W, BITS, ROUNDS, R1, R2, R3, R4, BLOCK)                            \
    static inline W blake2##V##_rotr(W x, int n) { return (W)((x >> n) | (x << (BITS - n))); } \
    static W blake2##V##_load(const uint8_t *p) {                                           \
        W w = 0;                                                                             \
        for (int i = BITS / 8 - 1; i >= 0; i--) w = (W)((w << 8) | p[i]);                    \
        return w;                                                                            \
    }                                                                                        \
    static void blake2##V##_compress(Blake2State *s, const uint8_t *block, int final) {      \
        W m[16], v[16];                                                                      \
        for (int i = 0; i < 16; i++) m[i] = blake2##V##_load(block + i * (BITS / 8));       \
        for (int i = 0; i < 8; i++) { v[i] = (W)s->h[i]; v[i + 8] = blake2##V##_iv[i]; }     \
        v[12] ^= (W)s->t[0];                                                                 \
        v[13] ^= (W)s->t[1];                                                                 \
        if (final) { v[14] = (W)~v[14]; if (s->last_node) v[15] = (W)~v[15]; }               \
        for (int r = 0; r < ROUNDS; r++) {                                                   \
            const uint8_t *sg = blake2_sigma[r];                                             \
            static const uint8_t lanes[8][4] = { { 0, 4, 8, 12 }, { 1, 5, 9, 13 },           \
                { 2, 6, 10, 14 }, { 3, 7, 11, 15 }, { 0, 5, 10, 15 }, { 1, 6, 11, 12 },      \
                { 2, 7, 8, 13 }, { 3, 4, 9, 14 } };                                          \
            for (int g = 0; g < 8; g++) {                                                    \
                int a = lanes[g][0], b = lanes[g][1], c = lanes[g][2], d = lanes[g][3];      \
                v[a] = (W)(v[a] + v[b] + m[sg[2 * g]]);                                      \
                v[d] = blake2##V##_rotr(v[d] ^ v[a], R1);                                    \
                v[c] = (W)(v[c] + v[d]);                                                     \
                v[b] = blake2##V##_rotr(v[b] ^ v[c], R2);                                    \
                v[a] = (W)(v[a] + v[b] + m[sg[2 * g + 1]]);                                  \
                v[d] = blake2##V##_rotr(v[d] ^ v[a], R3);                                    \
                v[c] = (W)(v[c] + v[d]);                                                     \
                v[b] = blake2##V##_rotr(v[b] ^ v[c], R4);                                    \
            }                                                                                \
        }                                                                                    \
        for (int i = 0; i < 8; i++) s->h[i] = (W)(s->h[i] ^ v[i] ^ v[i + 8]);               \
    }                                                                                        \
    static void blake2##V##_count(Blake2State *s, size_t n) {                                \
        W lo = (W)(s->t[0] + n);                                                             \
        if (lo < (W)s->t[0]) s->t[1] = (W)(s->t[1] + 1);                                     \
        s->t[0] = lo;                                                                        \
    }                                                                                        \
    /* A full pending block is compressed only once more data follows: the last   */      \
    /* block must go through final. */                                                       \
    static void blake2##V##_update(Blake2State *s, const uint8_t *p, size_t n) {             \
        while (n > 0) {                                                                      \
            if (s->buflen == BLOCK) {                                                        \
                blake2##V##_count(s, BLOCK);                                                 \
                blake2##V##_compress(s, s->buf, 0);                                          \
                s->buflen = 0;                                                               \
            }                                                                                \
            size_t k = BLOCK - s->buflen < n ? BLOCK - s->buflen : n;                        \
            memcpy(s->buf + s->buflen, p, k);                                                \
            s->buflen += k;                                                                  \
            p += k;                                                                          \
            n -= k;                                                                          \
        }                                                                                    \
    }                                                                                        \
    static void blake2##V##_final(Blake2State s, uint8_t *out, size_t outlen) {              \
        blake2##V##_count(&s, s.buflen);                                                     \
        memset(s.buf + s.buflen, 0, BLOCK - s.buflen);                                       \
        blake2##V##_compress(&s, s.buf, 1);                                                  \
        for (size_t i = 0; i < outlen; i++)                                                  \
            out[i] = (uint8_t)((W)s.h[i / (BITS / 8)] >> (8 * (i % (BITS / 8))));            \
    }                                                                                        \
    static void blake2##V##_init(Blake2State *s, const uint8_t *param) {                     \
        memset(s, 0, sizeof *s);                                                             \
        for (int i = 0; i < 8; i++) s->h[i] = blake2##V##_iv[i] ^ blake2##V##_load(param + i * (BITS / 8)); \
    }

BLAKE2_DEFINE(b, uint64_t, 64, 12, 32, 24, 16, 63, 128)
BLAKE2_DEFINE(s, uint32_t, 32, 10, 16, 12, 8, 7, 64)

/* ---- the Python objects -------------------------------------------------------------- */

/* What differs between blake2b and blake2s, for the shared constructor. */
typedef struct {
    const char *name;
    int block, max_digest, max_key, salt_size, person_size;
    int node_offset_bytes;     /* 8 for b, 6 for s */
    void (*init)(Blake2State *, const uint8_t *);
    void (*update)(Blake2State *, const uint8_t *, size_t);
    void (*final)(Blake2State, uint8_t *, size_t);
} Blake2Kind;

static const Blake2Kind blake2_kinds[2] = {
    { "blake2b", 128, 64, 64, 16, 16, 8, blake2b_init, blake2b_update, blake2b_final },
    { "blake2s", 64, 32, 32, 8, 8, 6, blake2s_init, blake2s_update, blake2s_final },
};

typedef struct {
    Obj header;
    const Blake2Kind *kind;
    int digest_size;
    Blake2State st;
} Blake2Obj;

extern Type type_blake2b, type_blake2s;

static const Blake2Kind *blake2_kind_of(Type *t) {
    return type_is_subtype(t, &type_blake2b) ? &blake2_kinds[0] : &blake2_kinds[1];
}

/* An int option in [lo, hi], or CPython's message; absent: dflt. */
static int blake2_int_opt(Value v, int64_t dflt, int64_t lo, int64_t hi, const char *msg, Type *exc,
                          int64_t *out) {
    if (IS_NULL(v)) { *out = dflt; return 0; }
    if (hashlib_index(v, out) < 0) return -1;
    if (*out < lo || *out > hi) { err_format(exc, "%s", msg); return -1; }
    return 0;
}

/* A bytes option no longer than max ("maximum salt length is 16 bytes"). */
static int blake2_bytes_opt(Value v, const char *what, int max, const uint8_t **p, int64_t *n) {
    if (IS_NULL(v)) { *p = NULL; *n = 0; return 0; }
    if (hashlib_data(v, p, n) < 0) return -1;
    if (*n > max) { err_format(&exc_ValueError, "maximum %s length is %d bytes", what, max); return -1; }
    return 0;
}

enum { B_CLS, B_DATA, B_DIGEST_SIZE, B_KEY, B_SALT, B_PERSON, B_FANOUT, B_DEPTH, B_LEAF_SIZE,
       B_NODE_OFFSET, B_NODE_DEPTH, B_INNER_SIZE, B_LAST_NODE, B_USEDFORSECURITY };

/* The parameter block from the options: 0, or -1 with CPython's error. */
static int blake2_params(const Blake2Kind *k, Value *a, uint8_t *param, int *digest_size,
                         const uint8_t **key, int64_t *keylen) {
    int64_t ds, fanout, depth, leaf, node_depth, inner;
    uint64_t node_offset = 0;
    char dmsg[64], imsg[64];
    snprintf(dmsg, sizeof dmsg, "digest_size must be between 1 and %d bytes", k->max_digest);
    snprintf(imsg, sizeof imsg, "inner_size must be between 0 and is %d", k->max_digest);
    const uint8_t *salt, *person;
    int64_t saltlen, personlen;
    if (blake2_int_opt(a[B_DIGEST_SIZE], k->max_digest, 1, k->max_digest, dmsg, &exc_ValueError, &ds) < 0
        || blake2_bytes_opt(a[B_KEY], "key", k->max_key, key, keylen) < 0
        || blake2_bytes_opt(a[B_SALT], "salt", k->salt_size, &salt, &saltlen) < 0
        || blake2_bytes_opt(a[B_PERSON], "person", k->person_size, &person, &personlen) < 0
        || blake2_int_opt(a[B_FANOUT], 1, 0, 255, "fanout must be between 0 and 255", &exc_ValueError, &fanout) < 0
        || blake2_int_opt(a[B_DEPTH], 1, 1, 255, "depth must be between 1 and 255", &exc_ValueError, &depth) < 0
        || blake2_int_opt(a[B_LEAF_SIZE], 0, 0, UINT32_MAX, "leaf_size is too large", &exc_OverflowError,
                          &leaf) < 0)
        return -1;
    if (!IS_NULL(a[B_NODE_OFFSET])) {
        if (hashlib_u64(a[B_NODE_OFFSET], &node_offset) < 0) return -1;
        if (k->node_offset_bytes == 6 && node_offset >> 48) {
            err_format(&exc_OverflowError, "node_offset is too large");
            return -1;
        }
    }
    if (blake2_int_opt(a[B_NODE_DEPTH], 0, 0, 255, "node_depth must be between 0 and 255", &exc_ValueError,
                       &node_depth) < 0
        || blake2_int_opt(a[B_INNER_SIZE], 0, 0, k->max_digest, imsg, &exc_ValueError, &inner) < 0)
        return -1;
    memset(param, 0, 64);
    param[0] = (uint8_t)ds;
    param[1] = (uint8_t)*keylen;
    param[2] = (uint8_t)fanout;
    param[3] = (uint8_t)depth;
    for (int i = 0; i < 4; i++) param[4 + i] = (uint8_t)((uint64_t)leaf >> (8 * i));
    for (int i = 0; i < k->node_offset_bytes; i++) param[8 + i] = (uint8_t)(node_offset >> (8 * i));
    int at = 8 + k->node_offset_bytes;
    param[at] = (uint8_t)node_depth;
    param[at + 1] = (uint8_t)inner;
    int salt_at = k->block == 128 ? 32 : 16;
    if (saltlen) memcpy(param + salt_at, salt, (size_t)saltlen);
    if (personlen) memcpy(param + salt_at + k->salt_size, person, (size_t)personlen);
    *digest_size = (int)ds;
    return 0;
}

static Value blake2_new_m(Value *args, int nargs, Value kwnames) {
    Type *t = AS_TYPE(args[0]);
    const Blake2Kind *k = blake2_kind_of(t);
    uint8_t param[64];
    const uint8_t *key, *data;
    int64_t keylen, datalen = 0;
    int digest_size, last = 0;
    if (!IS_NULL(args[B_DATA]) && hashlib_data(args[B_DATA], &data, &datalen) < 0) return VAL_NULL;
    if (blake2_params(k, args, param, &digest_size, &key, &keylen) < 0) return VAL_NULL;
    if (!IS_NULL(args[B_LAST_NODE]) && (last = obj_truthy(args[B_LAST_NODE])) < 0) return VAL_NULL;
    Blake2Obj *o = (Blake2Obj *)obj_new_instance(t);
    if (!o) return VAL_NULL;
    o->kind = k;
    o->digest_size = digest_size;
    k->init(&o->st, param);
    o->st.last_node = last;
    if (keylen) {                               /* the key is a first block of its own */
        uint8_t block[BLAKE2_MAX_BLOCK] = { 0 };
        memcpy(block, key, (size_t)keylen);
        k->update(&o->st, block, (size_t)k->block);
    }
    if (!IS_NULL(args[B_DATA])) {
        if (hashlib_data(args[B_DATA], &data, &datalen) < 0) return VAL_NULL;   /* borrowed again */
        k->update(&o->st, data, (size_t)datalen);
    }
    return MK_OBJ(o);
}

#define AS_BLAKE2(v) ((Blake2Obj *)AS_OBJ(v))

static Value blake2_update_m(Value *args, int nargs, Value kwnames) {
    const uint8_t *p;
    int64_t n;
    if (hashlib_data(args[1], &p, &n) < 0) return VAL_NULL;
    AS_BLAKE2(args[0])->kind->update(&AS_BLAKE2(args[0])->st, p, (size_t)n);
    return VAL_NONE;
}

static int blake2_finish(Value self, uint8_t *out) {
    Blake2Obj *o = AS_BLAKE2(self);
    o->kind->final(o->st, out, (size_t)o->digest_size);
    return o->digest_size;
}

static Value blake2_digest_m(Value *args, int nargs, Value kwnames) {
    uint8_t out[64];
    int n = blake2_finish(args[0], out);
    return bytes_new(out, (size_t)n);
}

static Value blake2_hexdigest_m(Value *args, int nargs, Value kwnames) {
    uint8_t out[64];
    int n = blake2_finish(args[0], out);
    return bytes_hex(out, n, VAL_NULL, VAL_NULL, 0);
}

static Value blake2_copy_m(Value *args, int nargs, Value kwnames) {
    Blake2Obj *o = AS_BLAKE2(args[0]);
    Blake2Obj *c = (Blake2Obj *)obj_new_instance(val_type(args[0]));   /* not subclassable: exact */
    if (!c) return VAL_NULL;
    c->kind = o->kind;
    c->digest_size = o->digest_size;
    c->st = o->st;
    return MK_OBJ(c);
}

static Value blake2_get_name(Value self) { return str_from_c(AS_BLAKE2(self)->kind->name); }
static Value blake2_get_digest_size(Value self) { return MK_SMALLINT(AS_BLAKE2(self)->digest_size); }
static Value blake2_get_block_size(Value self) { return MK_SMALLINT(AS_BLAKE2(self)->kind->block); }

static const GetSetDef blake2_getsets[] = {
    {"name", blake2_get_name, NULL, NULL},
    {"digest_size", blake2_get_digest_size, NULL, NULL},
    {"block_size", blake2_get_block_size, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

#define BLAKE2_SIG(DS) "(type, data=b'', /, *, digest_size=" DS ", key=b'', salt=b'', person=b'', " \
    "fanout=1, depth=1, leaf_size=0, node_offset=0, node_depth=0, inner_size=0, last_node=False, " \
    "usedforsecurity=True)"

#define BLAKE2_METHODS(V, DS, DOC)                                                                     \
    static const MethodDef blake2##V##_methods[] = {                                                   \
        {"__new__", blake2_new_m, METH_STATIC | ARGS_KW, DOC, BLAKE2_SIG(DS)},                        \
        {"update", blake2_update_m, ARGS_ONE, "Update this hash object's state with the provided bytes-like object."}, \
        {"digest", blake2_digest_m, ARGS_NONE, "Return the digest value as a bytes object."},           \
        {"hexdigest", blake2_hexdigest_m, ARGS_NONE, "Return the digest value as a string of hexadecimal digits."}, \
        {"copy", blake2_copy_m, ARGS_NONE, "Return a copy of the hash object."},                        \
        {NULL, NULL, 0, NULL},                                                                         \
    };

BLAKE2_METHODS(b, "64", "Return a new BLAKE2b hash object.")
BLAKE2_METHODS(s, "32", "Return a new BLAKE2s hash object.")

Type type_blake2b = {
    .tp_name = "_blake2.blake2b", .base = &type_object, .basicsize = sizeof(Blake2Obj),
    .methods = blake2b_methods, .getsets = blake2_getsets,
};
GILPY_TYPE(type_blake2b, NULL);

Type type_blake2s = {
    .tp_name = "_blake2.blake2s", .base = &type_object, .basicsize = sizeof(Blake2Obj),
    .methods = blake2s_methods, .getsets = blake2_getsets,
};
GILPY_TYPE(type_blake2s, NULL);

/* ---- the module ---------------------------------------------------------------------- */

static int blake2_constants(Value d, Type *t, const char *prefix, const Blake2Kind *k) {
    static const char *names[4] = { "SALT_SIZE", "PERSON_SIZE", "MAX_KEY_SIZE", "MAX_DIGEST_SIZE" };
    int values[4] = { k->salt_size, k->person_size, k->max_key, k->max_digest };
    for (int i = 0; i < 4; i++) {
        char full[48];
        snprintf(full, sizeof full, "%s_%s", prefix, names[i]);
        if (dict_set_c(d, full, MK_SMALLINT(values[i])) < 0
            || dict_set_c(t->dict, names[i], MK_SMALLINT(values[i])) < 0)
            return -1;
    }
    return 0;
}

Value mod_blake2_init(void) {
    Value m = module_new_c("_blake2");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    if (dict_set_c(d, "blake2b", MK_OBJ(&type_blake2b)) < 0 || dict_set_c(d, "blake2s", MK_OBJ(&type_blake2s)) < 0
        || blake2_constants(d, &type_blake2b, "BLAKE2B", &blake2_kinds[0]) < 0
        || blake2_constants(d, &type_blake2s, "BLAKE2S", &blake2_kinds[1]) < 0)
        return VAL_NULL;
    return m;
}
