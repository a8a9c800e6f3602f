/* mod_random.c - the _random module: CPython's Mersenne Twister core.
 *
 * Design: the state machine is MT19937 exactly as CPython's _randommodule.c
 * uses it (init_genrand, init_by_array, genrand_uint32), so that every
 * derived value matches bit for bit:
 *   seed(n)        int n: |n| split into 32-bit little-endian words is the
 *                  key of init_by_array ([0] for 0); other hashable objects
 *                  use hash(obj) as an unsigned 64-bit int; None seeds from
 *                  /dev/urandom (time and pid as fallback).
 *   random()       (a*67108864 + b) / 2**53, a = genrand>>5, b = genrand>>6.
 *   getrandbits(k) 32-bit words, the last shifted right by 32 - k%32,
 *                  assembled little-endian (via GMP).
 *   getstate()     a tuple of 624 words + the index; setstate() the reverse.
 * The Python layer (stdlib/lib/random.py) subclasses _random.Random and
 * implements everything else in CPython's algorithms.  Because version-2
 * seeding of str/bytes needs SHA-512 and there is no hashlib, this module
 * also offers _sha512(data) -> bytes (FIPS 180-4, written here).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <gmp.h>
#include "runtime/object.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_str.h"
#include "runtime/error.h"
#include "runtime/call.h"
#include "runtime/gc.h"
#include "interp/modreg.h"

GILPY_MODULE("_random", mod_random_init);

#define RND_N 624
#define RND_M 397

typedef struct RandomObj {
    Obj      header;
    int32_t  index;
    uint32_t mt[RND_N];
} RandomObj;

#define RND(v) ((RandomObj *)AS_OBJ(v))

extern Type type_random;

/* ---------------------------------------------------------------- MT19937 */

static uint32_t rnd_genrand(RandomObj *r) {
    static const uint32_t mag01[2] = {0x0u, 0x9908b0dfu};
    uint32_t *mt = r->mt, y;
    if (r->index >= RND_N) {
        int kk;
        for (kk = 0; kk < RND_N - RND_M; kk++) {
            y = (mt[kk] & 0x80000000u) | (mt[kk + 1] & 0x7fffffffu);
            mt[kk] = mt[kk + RND_M] ^ (y >> 1) ^ mag01[y & 1u];
        }
        for (; kk < RND_N - 1; kk++) {
            y = (mt[kk] & 0x80000000u) | (mt[kk + 1] & 0x7fffffffu);
            mt[kk] = mt[kk + (RND_M - RND_N)] ^ (y >> 1) ^ mag01[y & 1u];
        }
        y = (mt[RND_N - 1] & 0x80000000u) | (mt[0] & 0x7fffffffu);
        mt[RND_N - 1] = mt[RND_M - 1] ^ (y >> 1) ^ mag01[y & 1u];
        r->index = 0;
    }
    y = mt[r->index++];
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= (y >> 18);
    return y;
}

static void rnd_init_genrand(RandomObj *r, uint32_t s) {
    uint32_t *mt = r->mt;
    mt[0] = s;
    for (int i = 1; i < RND_N; i++)
        mt[i] = 1812433253u * (mt[i - 1] ^ (mt[i - 1] >> 30)) + (uint32_t)i;
    r->index = RND_N;
}

static void rnd_init_by_array(RandomObj *r, const uint32_t *key, size_t klen) {
    uint32_t *mt = r->mt;
    rnd_init_genrand(r, 19650218u);
    size_t i = 1, j = 0, k = RND_N > klen ? RND_N : klen;
    for (; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint32_t)j;
        i++, j++;
        if (i >= RND_N) { mt[0] = mt[RND_N - 1]; i = 1; }
        if (j >= klen) j = 0;
    }
    for (k = RND_N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - (uint32_t)i;
        i++;
        if (i >= RND_N) { mt[0] = mt[RND_N - 1]; i = 1; }
    }
    mt[0] = 0x80000000u;
}

/* ---------------------------------------------------------------- seeding */

static void rnd_seed_urandom(RandomObj *r) {
    uint32_t key[RND_N];
    size_t got = 0;
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        while (got < sizeof key) {
            ssize_t n = read(fd, (char *)key + got, sizeof key - got);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            got += (size_t)n;
        }
        close(fd);
    }
    if (got < sizeof key) {      /* fallback: time and pid */
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        key[0] = (uint32_t)ts.tv_sec; key[1] = (uint32_t)ts.tv_nsec;
        key[2] = (uint32_t)getpid(); key[3] = (uint32_t)((uint64_t)ts.tv_sec >> 32);
        rnd_init_by_array(r, key, 4);
        return;
    }
    rnd_init_by_array(r, key, RND_N);
}

/* Seed from a non-negative mpz: its 32-bit words, least significant first. */
static int rnd_seed_mpz(RandomObj *r, const mpz_t n) {
    size_t bits = mpz_sizeinbase(n, 2);
    size_t words = mpz_sgn(n) == 0 ? 1 : (bits - 1) / 32 + 1;
    uint32_t *key = gc_calloc(words, sizeof(uint32_t));
    if (!key) return -1;
    size_t count = 0;
    if (mpz_sgn(n) != 0) mpz_export(key, &count, -1, sizeof(uint32_t), 0, 0, n);
    rnd_init_by_array(r, key, words);
    gc_free(key, words * sizeof(uint32_t));
    return 0;
}

static int rnd_seed(RandomObj *r, Value arg) {
    if (IS_NULL(arg) || IS_NONE(arg)) { rnd_seed_urandom(r); return 0; }
    mpz_t n;
    mpz_init(n);
    if (IS_INT(arg)) {
        int_to_mpz(arg, n);
        mpz_abs(n, n);
    } else {
        int64_t h = obj_hash(arg);
        if (h == -1 && err_occurred()) { mpz_clear(n); return -1; }
        mpz_import(n, 1, 1, sizeof(uint64_t), 0, 0, &(uint64_t){(uint64_t)h});
    }
    int rc = rnd_seed_mpz(r, n);
    mpz_clear(n);
    return rc;
}

/* ---------------------------------------------------------------- methods */

/* The call path has checked that args[0] is a Random (runtime/call.c). */
static Value rnd_random_m(Value *args, int nargs, Value kwnames) {
    RandomObj *r = RND(args[0]);
    uint32_t a = rnd_genrand(r) >> 5, b = rnd_genrand(r) >> 6;
    return MK_FLOAT((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

static Value rnd_seed_m(Value *args, int nargs, Value kwnames) {
    if (rnd_seed(RND(args[0]), args[1]) < 0) return VAL_NULL;
    return VAL_NONE;
}

static Value rnd_getrandbits_m(Value *args, int nargs, Value kwnames) {
    int k;
    if (arg_to_int(args[1], &k) < 0) return VAL_NULL;
    if (k < 0) return err_format(&exc_ValueError, "number of bits must be non-negative");
    RandomObj *r = RND(args[0]);
    if (k == 0) return MK_SMALLINT(0);
    if (k <= 32) return MK_SMALLINT(rnd_genrand(r) >> (32 - k));
    size_t words = (size_t)((k - 1) / 32 + 1);
    uint32_t *w = gc_malloc(words * sizeof(uint32_t));
    if (!w) return VAL_NULL;
    for (size_t i = 0; i < words; i++, k -= 32) {
        uint32_t x = rnd_genrand(r);
        if (k < 32) x >>= (32 - k);
        w[i] = x;
    }
    mpz_t z;
    mpz_init(z);
    mpz_import(z, words, -1, sizeof(uint32_t), 0, 0, w);
    gc_free(w, words * sizeof(uint32_t));
    Value res = int_from_mpz(z);
    mpz_clear(z);
    return res;
}

static Value rnd_getstate_m(Value *args, int nargs, Value kwnames) {
    RandomObj *r = RND(args[0]);
    Value t = tuple_new(RND_N + 1);
    if (IS_NULL(t)) return VAL_NULL;
    for (int i = 0; i < RND_N; i++) AS_TUPLE(t)->items[i] = MK_SMALLINT(r->mt[i]);
    AS_TUPLE(t)->items[RND_N] = MK_SMALLINT(r->index);
    return t;
}

static Value rnd_setstate_m(Value *args, int nargs, Value kwnames) {
    Value st = args[1];
    if (!IS_TUPLE(st)) return err_format(&exc_TypeError, "state vector must be a tuple");
    if (AS_TUPLE(st)->len != RND_N + 1)
        return err_format(&exc_ValueError, "state vector is the wrong size");
    uint32_t mt[RND_N];
    /* each word as CPython's PyLong_AsUnsignedLong, kept modulo 2**32 */
    for (int i = 0; i < RND_N; i++) {
        Value v = AS_TUPLE(st)->items[i];
        mpz_t z;
        if (!IS_INT(v)) return err_format(&exc_TypeError, "an integer is required");
        mpz_init(z);
        int_to_mpz(v, z);
        int sign = mpz_sgn(z), fits = mpz_sizeinbase(z, 2) <= 64;
        mt[i] = (uint32_t)mpz_get_ui(z);
        mpz_clear(z);
        if (sign < 0)
            return err_format(&exc_OverflowError, "can't convert negative value to unsigned int");
        if (!fits)
            return err_format(&exc_OverflowError, "Python int too large to convert to C unsigned long");
    }
    int64_t idx;
    if (arg_to_ssize(AS_TUPLE(st)->items[RND_N], &idx) < 0) return VAL_NULL;
    if (idx < 0 || idx > RND_N) return err_format(&exc_ValueError, "invalid state");
    RandomObj *r = RND(args[0]);
    memcpy(r->mt, mt, sizeof mt);
    r->index = (int32_t)idx;
    return VAL_NONE;
}

/* ARGS_ANY: a static __new__ gets its class as args[0], which the ARGS_* counts
 * would include, and CPython's Random() words its own errors (and takes
 * keywords in subclasses). */
static Value rnd_new_m(Value *args, int nargs, Value kwnames) {
    Type *cls = AS_TYPE(args[0]);
    if (cls == &type_random && arg_no_kw("Random", kwnames)) return VAL_NULL;
    if (nargs > 2) return err_format(&exc_TypeError, "Random() requires 0 or 1 argument");
    Obj *o = obj_new_instance(cls);
    if (!o) return VAL_NULL;
    Value self = MK_OBJ(o);
    Value seed = nargs > 1 && IS_INT(args[1]) ? args[1] : VAL_NULL;
    if (rnd_seed(RND(self), seed) < 0) return VAL_NULL;
    return self;
}

static const MethodDef rnd_methods[] = {
    {"__new__", rnd_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"random", rnd_random_m, ARGS_NONE, "random() -> x in the interval [0, 1)."},
    {"seed", rnd_seed_m, ARGS_POS(0, 1), "seed([n]) -> None."},
    {"getrandbits", rnd_getrandbits_m, ARGS_ONE,
     "getrandbits(k) -> x.  Generates an int with k random bits."},
    {"getstate", rnd_getstate_m, ARGS_NONE, "getstate() -> tuple containing the current state."},
    {"setstate", rnd_setstate_m, ARGS_ONE, "setstate(state) -> None.  Restores generator state."},
    {NULL, NULL, 0, NULL},
};

Type type_random = {
    .tp_name = "_random.Random", .base = &type_object,
    .flags = TF_BASETYPE,
    .basicsize = sizeof(RandomObj),
    .methods = rnd_methods,
};

/* ---------------------------------------------------------------- SHA-512 */

static const uint64_t rnd_sha_k[80] = {
    0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL,
    0xe9b5dba58189dbbcULL, 0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL,
    0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL, 0xd807aa98a3030242ULL,
    0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
    0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL,
    0xc19bf174cf692694ULL, 0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL,
    0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL, 0x2de92c6f592b0275ULL,
    0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
    0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL,
    0xbf597fc7beef0ee4ULL, 0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL,
    0x06ca6351e003826fULL, 0x142929670a0e6e70ULL, 0x27b70a8546d22ffcULL,
    0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
    0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL,
    0x92722c851482353bULL, 0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL,
    0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL, 0xd192e819d6ef5218ULL,
    0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
    0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL,
    0x34b0bcb5e19b48a8ULL, 0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL,
    0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL, 0x748f82ee5defb2fcULL,
    0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
    0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL,
    0xc67178f2e372532bULL, 0xca273eceea26619cULL, 0xd186b8c721c0c207ULL,
    0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL, 0x06f067aa72176fbaULL,
    0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
    0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL,
    0x431d67c49c100d4cULL, 0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL,
    0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL,
};
static const uint64_t rnd_sha_h0[8] = {
    0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL,
    0xa54ff53a5f1d36f1ULL, 0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
    0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL,
};


typedef struct RndSha {
    uint64_t h[8];
    uint8_t  buf[128];
    size_t   fill;
    uint64_t total;      /* bytes hashed (messages < 2**61 bytes) */
} RndSha;

#define RND_ROTR(x, n) (((x) >> (n)) | ((x) << (64 - (n))))

static void rnd_sha_block(RndSha *s, const uint8_t *p) {
    uint64_t w[80], a[8];
    for (int i = 0; i < 16; i++) {
        uint64_t x = 0;
        for (int j = 0; j < 8; j++) x = (x << 8) | p[i * 8 + j];
        w[i] = x;
    }
    for (int i = 16; i < 80; i++) {
        uint64_t s0 = RND_ROTR(w[i - 15], 1) ^ RND_ROTR(w[i - 15], 8) ^ (w[i - 15] >> 7);
        uint64_t s1 = RND_ROTR(w[i - 2], 19) ^ RND_ROTR(w[i - 2], 61) ^ (w[i - 2] >> 6);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    memcpy(a, s->h, sizeof a);
    for (int i = 0; i < 80; i++) {
        uint64_t S1 = RND_ROTR(a[4], 14) ^ RND_ROTR(a[4], 18) ^ RND_ROTR(a[4], 41);
        uint64_t ch = (a[4] & a[5]) ^ (~a[4] & a[6]);
        uint64_t t1 = a[7] + S1 + ch + rnd_sha_k[i] + w[i];
        uint64_t S0 = RND_ROTR(a[0], 28) ^ RND_ROTR(a[0], 34) ^ RND_ROTR(a[0], 39);
        uint64_t mj = (a[0] & a[1]) ^ (a[0] & a[2]) ^ (a[1] & a[2]);
        memmove(a + 1, a, 7 * sizeof(uint64_t));
        a[4] += t1;
        a[0] = t1 + S0 + mj;
    }
    for (int i = 0; i < 8; i++) s->h[i] += a[i];
}

static void rnd_sha_update(RndSha *s, const uint8_t *p, size_t n) {
    s->total += n;
    while (n > 0) {
        size_t take = 128 - s->fill < n ? 128 - s->fill : n;
        memcpy(s->buf + s->fill, p, take);
        s->fill += take, p += take, n -= take;
        if (s->fill == 128) { rnd_sha_block(s, s->buf); s->fill = 0; }
    }
}

static void rnd_sha512(const uint8_t *data, size_t len, uint8_t out[64]) {
    RndSha s;
    memcpy(s.h, rnd_sha_h0, sizeof s.h);
    s.fill = 0, s.total = 0;
    rnd_sha_update(&s, data, len);
    uint64_t bits = s.total * 8;
    uint8_t pad[128 + 16] = {0x80};
    size_t padlen = (s.fill < 112 ? 112 - s.fill : 240 - s.fill);
    uint8_t lenbuf[16] = {0};
    for (int i = 0; i < 8; i++) lenbuf[15 - i] = (uint8_t)(bits >> (8 * i));
    rnd_sha_update(&s, pad, padlen);
    rnd_sha_update(&s, lenbuf, 16);
    for (int i = 0; i < 8; i++)
        for (int j = 0; j < 8; j++) out[i * 8 + j] = (uint8_t)(s.h[i] >> (56 - 8 * j));
}

static Value rnd_sha512_m(Value *args, int nargs, Value kwnames) {
    const uint8_t *data;
    int64_t len;
    if (bytes_view(args[0], &data, &len) < 0) return VAL_NULL;
    uint8_t out[64];
    rnd_sha512(data, (size_t)len, out);
    return bytes_new(out, 64);
}

/* ---------------------------------------------------------------- module */

static const MethodDef rnd_module_methods[] = {
    {"_sha512", rnd_sha512_m, ARGS_ONE, "_sha512(data) -> the 64-byte SHA-512 digest of data."},
    {NULL, NULL, 0, NULL},
};

Value mod_random_init(void) {
    type_ready(&type_random);
    Value m = module_new_c("_random");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    dict_add_methods(d, rnd_module_methods, m);
    if (dict_set_c(d, "Random", MK_OBJ(&type_random)) < 0) return VAL_NULL;
    return m;
}
