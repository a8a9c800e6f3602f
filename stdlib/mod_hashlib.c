/* mod_hashlib.c - the `_hashlib` module: hashlib's and hmac's digests over
 * OpenSSL's libcrypto (EVP), with CPython 3.11's names, types and errors.
 *
 * A HASH object owns an EVP_MD_CTX (freed by its finalizer); HASHXOF is the
 * subclass for the extendable-output SHAKE digests, whose digest() takes a
 * length.  HMAC objects own an EVP_MAC_CTX of OpenSSL 3's MAC API.  Python
 * names ("sha3_256", "blake2b") and OpenSSL's ("SHA3-256", "BLAKE2B-512")
 * meet in one table, hl_names; any other OpenSSL alias is accepted on the
 * way in and reported by its OpenSSL short name on the way out.  Updates
 * hold the GIL: a buffer borrowed from a bytearray cannot change under them. */
#include <string.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/core_names.h>
#include <openssl/objects.h>
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_int.h"
#include "runtime/obj_memoryview.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "interp/modreg.h"
#include "hashlib_args.h"

GILPY_MODULE("_hashlib", mod_hashlib_init);

/* ---- names ----------------------------------------------------------------------------- */

static const struct { const char *py, *ossl; } hl_names[] = {
    {"md5", "MD5"}, {"sha1", "SHA1"}, {"sha224", "SHA224"}, {"sha256", "SHA256"},
    {"sha384", "SHA384"}, {"sha512", "SHA512"}, {"sha512_224", "SHA512-224"},
    {"sha512_256", "SHA512-256"}, {"sha3_224", "SHA3-224"}, {"sha3_256", "SHA3-256"},
    {"sha3_384", "SHA3-384"}, {"sha3_512", "SHA3-512"}, {"shake_128", "SHAKE128"},
    {"shake_256", "SHAKE256"}, {"blake2b", "BLAKE2B-512"}, {"blake2s", "BLAKE2S-256"},
    {"md5-sha1", "MD5-SHA1"}, {"ripemd160", "RIPEMD160"}, {"sm3", "SM3"},
};
#define HL_NNAMES (sizeof hl_names / sizeof hl_names[0])

/* The digest a Python name or an OpenSSL alias names, or NULL. */
static EVP_MD *hl_fetch(const char *name) {
    for (size_t i = 0; i < HL_NNAMES; i++)
        if (strcmp(name, hl_names[i].py) == 0) { name = hl_names[i].ossl; break; }
    EVP_MD *md = EVP_MD_fetch(NULL, name, NULL);
    ERR_clear_error();
    return md;
}

/* The Python name of a digest: hl_names' name, else OpenSSL's, lower case. */
static Value hl_py_name(const EVP_MD *md) {
    for (size_t i = 0; i < HL_NNAMES; i++)
        if (EVP_MD_is_a(md, hl_names[i].ossl)) return str_from_c(hl_names[i].py);
    char buf[64];
    snprintf(buf, sizeof buf, "%s", EVP_MD_get0_name(md));
    for (char *p = buf; *p; p++) if (*p >= 'A' && *p <= 'Z') *p = (char)(*p - 'A' + 'a');
    return str_from_c(buf);
}

/* CPython's ValueError for a digest OpenSSL does not know. */
static Value hl_unsupported(void) {
    return err_format(&exc_ValueError, "[digital envelope routines] unsupported");
}

/* The digest a str argument names (ValueError when unknown); NULL raised. */
static EVP_MD *hl_md_arg(Value name) {
    if (!IS_STR(name)) {
        err_format(&exc_TypeError, "new() argument 'name' must be str, not %T", name);
        return NULL;
    }
    EVP_MD *md = hl_fetch(STR_DATA(name));
    if (!md) hl_unsupported();
    return md;
}

/* ---- HASH and HASHXOF ------------------------------------------------------------------ */

typedef struct {
    Obj header;
    EVP_MD_CTX *ctx;
} HashObj;

#define AS_HASH(v) ((HashObj *)AS_OBJ(v))

extern Type type_hash, type_hashxof;

static void hash_finalize(Obj *o) {
    HashObj *h = (HashObj *)o;
    if (h->ctx) EVP_MD_CTX_free(h->ctx);
    h->ctx = NULL;
}

static Value hl_openssl_error(void) {
    unsigned long e = ERR_get_error();
    ERR_clear_error();
    if (e == 0) return err_no_memory();
    const char *lib = ERR_lib_error_string(e), *reason = ERR_reason_error_string(e);
    return err_format(&exc_ValueError, "[%s] %s", lib ? lib : "?", reason ? reason : "unknown error");
}

/* A new HASH (or HASHXOF) over md, fed data when given. */
static Value hash_make(EVP_MD *md, Value data) {
    const uint8_t *p = NULL;
    int64_t n = 0;
    if (!IS_NULL(data) && hashlib_data(data, &p, &n) < 0) { EVP_MD_free(md); return VAL_NULL; }
    int xof = (EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF) != 0;
    HashObj *h = (HashObj *)gc_alloc(xof ? &type_hashxof : &type_hash, sizeof(HashObj));
    if (!h) { EVP_MD_free(md); return VAL_NULL; }
    h->ctx = EVP_MD_CTX_new();
    int ok = h->ctx && EVP_DigestInit_ex(h->ctx, md, NULL);
    EVP_MD_free(md);                       /* the context keeps its own reference */
    if (!ok) return hl_openssl_error();
    if (n && !EVP_DigestUpdate(h->ctx, p, (size_t)n)) return hl_openssl_error();
    return MK_OBJ(h);
}

static Value hash_update_m(Value *args, int nargs, Value kwnames) {
    const uint8_t *p;
    int64_t n;
    if (hashlib_data(args[1], &p, &n) < 0) return VAL_NULL;
    if (n && !EVP_DigestUpdate(AS_HASH(args[0])->ctx, p, (size_t)n)) return hl_openssl_error();
    return VAL_NONE;
}

/* The digest so far (the object goes on): out gets len bytes. */
static int hash_final(Value self, uint8_t *out, size_t len) {
    EVP_MD_CTX *c = EVP_MD_CTX_new();
    int ok = c && EVP_MD_CTX_copy_ex(c, AS_HASH(self)->ctx);
    if (ok) {
        unsigned int got;
        ok = (EVP_MD_get_flags(EVP_MD_CTX_get0_md(c)) & EVP_MD_FLAG_XOF) ? EVP_DigestFinalXOF(c, out, len)
                                                                         : EVP_DigestFinal_ex(c, out, &got);
    }
    EVP_MD_CTX_free(c);
    if (!ok) { hl_openssl_error(); return -1; }
    return 0;
}

static Value hash_digest_m(Value *args, int nargs, Value kwnames) {
    uint8_t out[EVP_MAX_MD_SIZE];
    int n = EVP_MD_CTX_get_size(AS_HASH(args[0])->ctx);
    if (hash_final(args[0], out, (size_t)n) < 0) return VAL_NULL;
    return bytes_new(out, (size_t)n);
}

static Value hash_hexdigest_m(Value *args, int nargs, Value kwnames) {
    uint8_t out[EVP_MAX_MD_SIZE];
    int n = EVP_MD_CTX_get_size(AS_HASH(args[0])->ctx);
    if (hash_final(args[0], out, (size_t)n) < 0) return VAL_NULL;
    return bytes_hex(out, n, VAL_NULL, VAL_NULL, 0);
}

/* HASHXOF.digest(length) and hexdigest(length). */
static Value xof_output(Value *args, int hex) {
    int64_t len;
    if (hashlib_index(args[1], &len) < 0) return VAL_NULL;
    if (len < 0) return err_format(&exc_ValueError, "length must be non-negative");
    if (len == 0) return hex ? str_from_c("") : bytes_new("", 0);
    uint8_t *out = malloc((size_t)len);
    if (!out) return err_no_memory();
    Value r = hash_final(args[0], out, (size_t)len) < 0 ? VAL_NULL
              : hex ? bytes_hex(out, len, VAL_NULL, VAL_NULL, 0) : bytes_new(out, (size_t)len);
    free(out);
    return r;
}
static Value xof_digest_m(Value *args, int nargs, Value kwnames) { return xof_output(args, 0); }
static Value xof_hexdigest_m(Value *args, int nargs, Value kwnames) { return xof_output(args, 1); }

static Value hash_copy_m(Value *args, int nargs, Value kwnames) {
    HashObj *h = (HashObj *)gc_alloc(val_type(args[0]), sizeof(HashObj));
    if (!h) return VAL_NULL;
    h->ctx = EVP_MD_CTX_new();
    if (!h->ctx || !EVP_MD_CTX_copy_ex(h->ctx, AS_HASH(args[0])->ctx)) return hl_openssl_error();
    return MK_OBJ(h);
}

static Value hash_repr_m(Value *args, int nargs, Value kwnames) {
    Value self = args[0];
    Value name = hl_py_name(EVP_MD_CTX_get0_md(AS_HASH(self)->ctx));
    if (IS_NULL(name)) return VAL_NULL;
    return str_format_c("<%U %s object @ %p>", name, val_type(self)->tp_name, (void *)AS_OBJ(self));
}

static Value hash_get_name(Value self) { return hl_py_name(EVP_MD_CTX_get0_md(AS_HASH(self)->ctx)); }
static Value hash_get_digest_size(Value self) { return MK_SMALLINT(EVP_MD_CTX_get_size(AS_HASH(self)->ctx)); }
static Value hash_get_block_size(Value self) {
    return MK_SMALLINT(EVP_MD_CTX_get_block_size(AS_HASH(self)->ctx));
}
static Value xof_get_digest_size(Value self) { return MK_SMALLINT(0); }

static const GetSetDef hash_getsets[] = {
    {"name", hash_get_name, NULL, NULL},
    {"digest_size", hash_get_digest_size, NULL, NULL},
    {"block_size", hash_get_block_size, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static const GetSetDef xof_getsets[] = {
    {"digest_size", xof_get_digest_size, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef hash_methods[] = {
    {"update", hash_update_m, ARGS_ONE, "Update this hash object's state with the provided string.",
     "($self, obj, /)"},
    {"digest", hash_digest_m, ARGS_NONE, "Return the digest value as a bytes object."},
    {"hexdigest", hash_hexdigest_m, ARGS_NONE, "Return the digest value as a string of hexadecimal digits."},
    {"copy", hash_copy_m, ARGS_NONE, "Return a copy of the hash object."},
    {"__repr__", hash_repr_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};

static const MethodDef xof_methods[] = {
    {"digest", xof_digest_m, ARGS_KW, "Return the digest value as a bytes object.", "($self, /, length)"},
    {"hexdigest", xof_hexdigest_m, ARGS_KW, "Return the digest value as a string of hexadecimal digits.",
     "($self, /, length)"},
    {NULL, NULL, 0, NULL},
};

Type type_hash = {
    .tp_name = "_hashlib.HASH", .base = &type_object, .basicsize = sizeof(HashObj),
    .flags = TF_ABSTRACT | TF_BASETYPE, .finalize = hash_finalize,
    .methods = hash_methods, .getsets = hash_getsets,
};
GILPY_TYPE(type_hash, NULL);

Type type_hashxof = {
    .tp_name = "_hashlib.HASHXOF", .base = &type_hash, .basicsize = sizeof(HashObj),
    .flags = TF_ABSTRACT, .finalize = hash_finalize,
    .methods = xof_methods, .getsets = xof_getsets,
};
GILPY_TYPE(type_hashxof, NULL);

/* ---- constructors ---------------------------------------------------------------------- */

/* new(name, string=b'', *, usedforsecurity=True) */
static Value hl_new(Value *args, int nargs, Value kwnames) {
    EVP_MD *md = hl_md_arg(args[0]);
    return md ? hash_make(md, args[1]) : VAL_NULL;
}

#define HL_CONSTRUCTOR(PY, OSSL)                                                        \
    static Value hl_openssl_##PY(Value *args, int nargs, Value kwnames) {              \
        EVP_MD *md = hl_fetch(OSSL);                                                    \
        return md ? hash_make(md, args[0]) : hl_unsupported();                          \
    }
HL_CONSTRUCTOR(md5, "MD5")
HL_CONSTRUCTOR(sha1, "SHA1")
HL_CONSTRUCTOR(sha224, "SHA224")
HL_CONSTRUCTOR(sha256, "SHA256")
HL_CONSTRUCTOR(sha384, "SHA384")
HL_CONSTRUCTOR(sha512, "SHA512")
HL_CONSTRUCTOR(sha3_224, "SHA3-224")
HL_CONSTRUCTOR(sha3_256, "SHA3-256")
HL_CONSTRUCTOR(sha3_384, "SHA3-384")
HL_CONSTRUCTOR(sha3_512, "SHA3-512")
HL_CONSTRUCTOR(shake_128, "SHAKE128")
HL_CONSTRUCTOR(shake_256, "SHAKE256")

/* ---- HMAC ------------------------------------------------------------------------------ */

typedef struct {
    Obj header;
    EVP_MAC_CTX *ctx;
    Value digest_name;     /* the Python name: "sha256" */
    int block_size;
} HmacObj;

#define AS_HMAC(v) ((HmacObj *)AS_OBJ(v))

extern Type type_hmac;
static Value hl_constructors = VAL_NULL;     /* {openssl_sha256: 'sha256', ...} */

static void hmac_trace(Obj *o) { gc_mark_value(((HmacObj *)o)->digest_name); }
static void hmac_finalize(Obj *o) {
    HmacObj *h = (HmacObj *)o;
    if (h->ctx) EVP_MAC_CTX_free(h->ctx);
    h->ctx = NULL;
}

/* The digest a digestmod names: a str or one of the openssl_* constructors. */
static EVP_MD *hl_digestmod(Value digestmod) {
    if (IS_NULL(digestmod) || IS_NONE(digestmod)) {
        err_format(&exc_TypeError, "Missing required parameter 'digestmod'.");
        return NULL;
    }
    Value name = digestmod;
    if (!IS_STR(name)) {
        name = dict_get(hl_constructors, digestmod);
        if (IS_NULL(name)) { if (!err_occurred()) hl_unsupported(); return NULL; }
    }
    EVP_MD *md = hl_fetch(STR_DATA(name));
    if (!md) hl_unsupported();
    return md;
}

/* A MAC context keyed for md, or NULL raised. */
static EVP_MAC_CTX *hl_mac_ctx(EVP_MD *md, const uint8_t *key, int64_t keylen) {
    EVP_MAC *mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
    EVP_MAC_CTX *c = mac ? EVP_MAC_CTX_new(mac) : NULL;
    EVP_MAC_free(mac);
    OSSL_PARAM params[2] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, (char *)EVP_MD_get0_name(md), 0),
        OSSL_PARAM_construct_end(),
    };
    static const uint8_t empty[1];
    if (!c || !EVP_MAC_init(c, keylen ? key : empty, (size_t)keylen, params)) {
        EVP_MAC_CTX_free(c);
        hl_openssl_error();
        return NULL;
    }
    return c;
}

/* hmac_new(key, msg=b'', digestmod=None) */
static Value hl_hmac_new(Value *args, int nargs, Value kwnames) {
    const uint8_t *key, *msg = NULL;
    int64_t keylen, msglen = 0;
    if (bytes_view(args[0], &key, &keylen) < 0) return VAL_NULL;
    if (!IS_NULL(args[1]) && !IS_NONE(args[1]) && hashlib_data(args[1], &msg, &msglen) < 0) return VAL_NULL;
    EVP_MD *md = hl_digestmod(args[2]);
    if (!md) return VAL_NULL;
    HmacObj *h = (HmacObj *)gc_alloc(&type_hmac, sizeof(HmacObj));
    if (!h) { EVP_MD_free(md); return VAL_NULL; }
    h->digest_name = hl_py_name(md);
    h->block_size = EVP_MD_get_block_size(md);
    h->ctx = IS_NULL(h->digest_name) ? NULL : hl_mac_ctx(md, key, keylen);
    EVP_MD_free(md);
    if (!h->ctx) return VAL_NULL;
    if (msglen && !EVP_MAC_update(h->ctx, msg, (size_t)msglen)) return hl_openssl_error();
    return MK_OBJ(h);
}

static Value hmac_update_m(Value *args, int nargs, Value kwnames) {
    const uint8_t *p;
    int64_t n;
    if (hashlib_data(args[1], &p, &n) < 0) return VAL_NULL;
    if (n && !EVP_MAC_update(AS_HMAC(args[0])->ctx, p, (size_t)n)) return hl_openssl_error();
    return VAL_NONE;
}

static int hmac_final(Value self, uint8_t *out, size_t *len) {
    EVP_MAC_CTX *c = EVP_MAC_CTX_dup(AS_HMAC(self)->ctx);
    int ok = c && EVP_MAC_final(c, out, len, EVP_MAX_MD_SIZE);
    EVP_MAC_CTX_free(c);
    if (!ok) { hl_openssl_error(); return -1; }
    return 0;
}

static Value hmac_digest_m(Value *args, int nargs, Value kwnames) {
    uint8_t out[EVP_MAX_MD_SIZE];
    size_t n;
    return hmac_final(args[0], out, &n) < 0 ? VAL_NULL : bytes_new(out, n);
}

static Value hmac_hexdigest_m(Value *args, int nargs, Value kwnames) {
    uint8_t out[EVP_MAX_MD_SIZE];
    size_t n;
    return hmac_final(args[0], out, &n) < 0 ? VAL_NULL : bytes_hex(out, (int64_t)n, VAL_NULL, VAL_NULL, 0);
}

static Value hmac_copy_m(Value *args, int nargs, Value kwnames) {
    HmacObj *o = AS_HMAC(args[0]);
    HmacObj *h = (HmacObj *)gc_alloc(&type_hmac, sizeof(HmacObj));
    if (!h) return VAL_NULL;
    h->digest_name = o->digest_name;
    h->block_size = o->block_size;
    h->ctx = EVP_MAC_CTX_dup(o->ctx);
    return h->ctx ? MK_OBJ(h) : hl_openssl_error();
}

static Value hmac_repr_m(Value *args, int nargs, Value kwnames) {
    Value self = args[0];
    return str_format_c("<%U HMAC object @ %p>", AS_HMAC(self)->digest_name, (void *)AS_OBJ(self));
}

static Value hmac_get_name(Value self) { return str_format_c("hmac-%U", AS_HMAC(self)->digest_name); }
static Value hmac_get_digest_size(Value self) {
    return MK_SMALLINT((int64_t)EVP_MAC_CTX_get_mac_size(AS_HMAC(self)->ctx));
}
static Value hmac_get_block_size(Value self) { return MK_SMALLINT(AS_HMAC(self)->block_size); }

static const GetSetDef hmac_getsets[] = {
    {"name", hmac_get_name, NULL, NULL},
    {"digest_size", hmac_get_digest_size, NULL, NULL},
    {"block_size", hmac_get_block_size, NULL, NULL},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef hmac_methods[] = {
    {"update", hmac_update_m, ARGS_KW, "Update the HMAC object with msg.", "($self, /, msg)"},
    {"digest", hmac_digest_m, ARGS_NONE, "Return the digest of the bytes passed to the update() method so far."},
    {"hexdigest", hmac_hexdigest_m, ARGS_NONE, "Return hexadecimal digest of the bytes passed to the update() method so far."},
    {"copy", hmac_copy_m, ARGS_NONE, "Return a copy (\"clone\") of the HMAC object."},
    {"__repr__", hmac_repr_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};

Type type_hmac = {
    .tp_name = "_hashlib.HMAC", .base = &type_object, .basicsize = sizeof(HmacObj),
    .flags = TF_ABSTRACT, .trace = hmac_trace, .finalize = hmac_finalize,
    .methods = hmac_methods, .getsets = hmac_getsets,
};
GILPY_TYPE(type_hmac, NULL);

/* hmac_digest(key, msg, digest): the one-shot HMAC. */
static Value hl_hmac_digest(Value *args, int nargs, Value kwnames) {
    const uint8_t *key, *msg;
    int64_t keylen, msglen;
    if (bytes_view(args[0], &key, &keylen) < 0 || bytes_view(args[1], &msg, &msglen) < 0) return VAL_NULL;
    EVP_MD *md = hl_digestmod(args[2]);
    if (!md) return VAL_NULL;
    EVP_MAC_CTX *c = hl_mac_ctx(md, key, keylen);
    EVP_MD_free(md);
    if (!c) return VAL_NULL;
    uint8_t out[EVP_MAX_MD_SIZE];
    size_t n;
    int ok = EVP_MAC_update(c, msg, (size_t)msglen) && EVP_MAC_final(c, out, &n, sizeof out);
    EVP_MAC_CTX_free(c);
    return ok ? bytes_new(out, n) : hl_openssl_error();
}

/* ---- key derivation -------------------------------------------------------------------- */

/* pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None) */
static Value hl_pbkdf2_hmac(Value *args, int nargs, Value kwnames) {
    const uint8_t *pw, *salt;
    int64_t pwlen, saltlen, iters, dklen;
    if (!IS_STR(args[0]))
        return err_format(&exc_TypeError, "pbkdf2_hmac() argument 'hash_name' must be str, not %T", args[0]);
    if (bytes_view(args[1], &pw, &pwlen) < 0 || bytes_view(args[2], &salt, &saltlen) < 0
        || hashlib_index(args[3], &iters) < 0)
        return VAL_NULL;
    if (iters < 1) return err_format(&exc_ValueError, "iteration value must be greater than 0.");
    if (iters > INT32_MAX) return err_format(&exc_OverflowError, "iteration value is too great.");
    EVP_MD *md = hl_fetch(STR_DATA(args[0]));
    if (!md) return hl_unsupported();
    dklen = EVP_MD_get_size(md);
    if (!IS_NULL(args[4]) && !IS_NONE(args[4]) && hashlib_index(args[4], &dklen) < 0) { EVP_MD_free(md); return VAL_NULL; }
    if (dklen < 1) { EVP_MD_free(md); return err_format(&exc_ValueError, "key length must be greater than 0."); }
    if (dklen > INT32_MAX) { EVP_MD_free(md); return err_format(&exc_OverflowError, "key length is too great."); }
    uint8_t *out = malloc((size_t)dklen);
    int ok = out && PKCS5_PBKDF2_HMAC((const char *)pw, (int)pwlen, salt, (int)saltlen, (int)iters, md,
                                      (int)dklen, out);
    EVP_MD_free(md);
    Value r = !out ? err_no_memory() : ok ? bytes_new(out, (size_t)dklen) : hl_openssl_error();
    free(out);
    return r;
}

/* scrypt(password, *, salt=None, n=None, r=None, p=None, maxmem=0, dklen=64) */
static Value hl_scrypt(Value *args, int nargs, Value kwnames) {
    const uint8_t *pw, *salt;
    int64_t pwlen, saltlen, maxmem = 0, dklen = 64;
    uint64_t n, r, p;
    if (bytes_view(args[0], &pw, &pwlen) < 0) return VAL_NULL;
    if (IS_NULL(args[1]) || IS_NONE(args[1])) return err_format(&exc_TypeError, "salt is required");
    if (bytes_view(args[1], &salt, &saltlen) < 0) return VAL_NULL;
    static const char *what[3] = { "n", "r", "p" };
    uint64_t *dst[3] = { &n, &r, &p };
    for (int i = 0; i < 3; i++) {
        if (IS_NULL(args[2 + i]) || IS_NONE(args[2 + i]))
            return err_format(&exc_TypeError, "%s is required and must be an unsigned int", what[i]);
        if (!IS_INT(args[2 + i]))
            return err_format(&exc_TypeError, "%s is required and must be an unsigned int", what[i]);
        if (hashlib_u64(args[2 + i], dst[i]) < 0) return VAL_NULL;
    }
    if (n < 2 || (n & (n - 1))) return err_format(&exc_ValueError, "n must be a power of 2.");
    if (!IS_NULL(args[5]) && hashlib_index(args[5], &maxmem) < 0) return VAL_NULL;
    if (maxmem < 0 || maxmem > INT32_MAX)
        return err_format(&exc_ValueError, "maxmem must be positive and smaller than %d", INT32_MAX);
    if (!IS_NULL(args[6]) && hashlib_index(args[6], &dklen) < 0) return VAL_NULL;
    if (dklen < 1 || dklen > INT32_MAX)
        return err_format(&exc_ValueError, "dklen must be greater than 0 and smaller than %d", INT32_MAX);
    if (!EVP_PBE_scrypt(NULL, 0, NULL, 0, n, r, p, (uint64_t)maxmem, NULL, 0)) {
        ERR_clear_error();
        return err_format(&exc_ValueError, "Invalid parameter combination for n, r, p, maxmem.");
    }
    uint8_t *out = malloc((size_t)dklen);
    if (!out) return err_no_memory();
    int ok = EVP_PBE_scrypt((const char *)pw, (size_t)pwlen, salt, (size_t)saltlen, n, r, p, (uint64_t)maxmem,
                            out, (size_t)dklen);
    Value res = ok ? bytes_new(out, (size_t)dklen) : hl_openssl_error();
    free(out);
    return res;
}

/* ---- compare_digest -------------------------------------------------------------------- */

static Value hl_compare_digest(Value *args, int nargs, Value kwnames) {
    return hashlib_compare_digest(args[0], args[1]);
}

static Value hl_get_fips_mode(Value *args, int nargs, Value kwnames) {
    return MK_SMALLINT(EVP_default_properties_is_fips_enabled(NULL) ? 1 : 0);
}

/* ---- the module ------------------------------------------------------------------------ */

#define HL_CONS_DEF(PY) {"openssl_" #PY, hl_openssl_##PY, ARGS_KW, "Returns a " #PY " hash object; " \
    "optionally initialized with a string", "($module, /, string=b'', *, usedforsecurity=True)"}

static const MethodDef mod_hashlib_functions[] = {
    {"new", hl_new, ARGS_KW, "Return a new hash object using the named algorithm.\n\nAn optional string "
     "argument may be provided and will be\nautomatically hashed.\n\nThe MD5 and SHA1 algorithms are always "
     "supported.", "($module, /, name, string=b'', *, usedforsecurity=True)"},
    HL_CONS_DEF(md5), HL_CONS_DEF(sha1), HL_CONS_DEF(sha224), HL_CONS_DEF(sha256), HL_CONS_DEF(sha384),
    HL_CONS_DEF(sha512), HL_CONS_DEF(sha3_224), HL_CONS_DEF(sha3_256), HL_CONS_DEF(sha3_384),
    HL_CONS_DEF(sha3_512), HL_CONS_DEF(shake_128), HL_CONS_DEF(shake_256),
    {"hmac_new", hl_hmac_new, ARGS_KW, "Return a new hmac object.", "($module, /, key, msg=b'', digestmod=None)"},
    {"hmac_digest", hl_hmac_digest, ARGS_KW, "Single-shot HMAC.", "($module, /, key, msg, digest)"},
    {"pbkdf2_hmac", hl_pbkdf2_hmac, ARGS_KW, "Password based key derivation function 2 (PKCS #5 v2.0) with "
     "HMAC as pseudorandom function.", "($module, /, hash_name, password, salt, iterations, dklen=None)"},
    {"scrypt", hl_scrypt, ARGS_KW, "scrypt password-based key derivation function.",
     "($module, /, password, *, salt=None, n=None, r=None, p=None, maxmem=0, dklen=64)"},
    {"compare_digest", hl_compare_digest, ARGS_POS(2, 2), "Return 'a == b'.\n\nThis function uses an approach "
     "designed to prevent\ntiming analysis, making it appropriate for cryptography.\n\na and b must both be of "
     "the same type: either str (ASCII only),\nor any bytes-like object.\n\nNote: If a and b are of different "
     "lengths, or if an error occurs,\na timing attack could theoretically reveal information about the\ntypes "
     "and lengths of a and b--but not their values.", "($module, a, b, /)"},
    {"get_fips_mode", hl_get_fips_mode, ARGS_NONE, "Determine the OpenSSL FIPS mode of operation."},
    {NULL, NULL, 0, NULL},
};

/* openssl_md_meth_names: the Python names of the digests OpenSSL provides. */
static Value hl_method_names(void) {
    Value s = set_new(&type_frozenset);
    if (IS_NULL(s)) return VAL_NULL;
    for (size_t i = 0; i < HL_NNAMES; i++) {
        EVP_MD *md = EVP_MD_fetch(NULL, hl_names[i].ossl, NULL);
        ERR_clear_error();
        if (!md) continue;
        EVP_MD_free(md);
        if (set_add(s, str_from_c(hl_names[i].py)) < 0) return VAL_NULL;
    }
    return s;
}

Value mod_hashlib_init(void) {
    Value m = module_new_c("_hashlib");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    dict_add_methods(d, mod_hashlib_functions, m);
    if (IS_NULL(hl_constructors)) gc_add_root(&hl_constructors);
    hl_constructors = dict_new();
    Value names = hl_method_names();
    Value unsupported = exc_new_class("_hashlib", "UnsupportedDigestmodError", &exc_ValueError);
    if (IS_NULL(hl_constructors) || IS_NULL(names) || IS_NULL(unsupported)) return VAL_NULL;
    static const char *cons[] = { "md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_224",
                                  "sha3_256", "sha3_384", "sha3_512", "shake_128", "shake_256" };
    for (size_t i = 0; i < sizeof cons / sizeof cons[0]; i++) {
        char fname[32];
        snprintf(fname, sizeof fname, "openssl_%s", cons[i]);
        Value f = dict_get_c(d, fname);
        if (IS_NULL(f) || dict_set(hl_constructors, f, str_from_c(cons[i])) < 0) return VAL_NULL;
    }
    Value proxy = mappingproxy_new(hl_constructors);
    if (IS_NULL(proxy) || dict_set_c(d, "_constructors", proxy) < 0 || dict_set_c(d, "openssl_md_meth_names", names) < 0
        || dict_set_c(d, "UnsupportedDigestmodError", unsupported) < 0 || dict_set_c(d, "HASH", MK_OBJ(&type_hash)) < 0
        || dict_set_c(d, "HASHXOF", MK_OBJ(&type_hashxof)) < 0 || dict_set_c(d, "HMAC", MK_OBJ(&type_hmac)) < 0)
        return VAL_NULL;
    return err_occurred() ? VAL_NULL : m;
}
