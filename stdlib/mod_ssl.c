/* mod_ssl.c - the `_ssl` module: TLS over OpenSSL's libssl, with CPython
 * 3.11's names and behaviour, so that CPython's own ssl.py (and asyncio's
 * TLS, http.client's HTTPS...) runs on it unchanged.
 *
 * This file is the module itself: its constants (OpenSSL's numbers under
 * CPython's names), the RAND_* functions, txt2obj/nid2obj, the default
 * verify paths, _test_decode_cert, and the GIL bracket the other files use
 * around OpenSSL calls.  ssl.h lists the files of the module and what each
 * holds.
 */
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <limits.h>
#include <string.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

#include "ssl.h"
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gil.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_float.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_memoryview.h"
#include "runtime/obj_str.h"
#include "runtime/obj_misc.h"
#include "interp/modreg.h"

GILPY_MODULE("_ssl", mod_ssl_init);

/* ---- the GIL around OpenSSL calls ------------------------------------------------------ */

static __thread ThreadState *ssl_gil_ts;
static __thread int ssl_gil_released;

void ssl_gil_release(void)
{
    ssl_gil_ts = gil_blocking_begin(GIL_REASON_IO);
    ssl_gil_released = 1;
}

void ssl_gil_restore(void)
{
    ssl_gil_released = 0;
    gil_blocking_end(ssl_gil_ts);
}

int ssl_gil_enter(void)
{
    int was = ssl_gil_released;
    if (was) ssl_gil_restore();
    return was;
}

void ssl_gil_leave(int token)
{
    if (token) ssl_gil_release();
}

/* ---- RAND ---------------------------------------------------------------------------- */

static Value mod_rand_error(void)
{
    unsigned long e = ERR_get_error();
    const char *s = ERR_reason_error_string(e);
    Value t = tuple_pack(2, int_from_u64(e), s ? str_from_c(s) : VAL_NONE);
    ERR_clear_error();
    return IS_NULL(t) ? t : err_set_value(ssl_exc_error, t);
}

static Value mod_rand_bytes_n(Value n, int pseudo)
{
    int len;
    if (arg_to_int(n, &len) < 0) return VAL_NULL;
    if (len < 0) return err_format(&exc_ValueError, "num must be positive");
    Bytes *b = bytes_alloc((size_t)len);
    if (!b) return VAL_NULL;
    if (RAND_bytes(b->data, len) != 1) return mod_rand_error();
    return pseudo ? tuple_pack(2, MK_OBJ(b), VAL_TRUE) : MK_OBJ(b);
}

static Value mod_rand_bytes(Value *args, int nargs, Value kwnames) { return mod_rand_bytes_n(args[0], 0); }

static Value mod_rand_pseudo_bytes(Value *args, int nargs, Value kwnames)
{
    if (err_warn(&exc_DeprecationWarning, "ssl.RAND_pseudo_bytes() is deprecated") < 0) return VAL_NULL;
    return mod_rand_bytes_n(args[0], 1);
}

static Value mod_rand_status(Value *args, int nargs, Value kwnames) { return MK_BOOL(RAND_status() == 1); }

static Value mod_rand_add(Value *args, int nargs, Value kwnames)
{
    double entropy;
    Value data = args[0];
    if (IS_STR(data) && IS_NULL(data = str_encode(data, "utf-8", "strict"))) return VAL_NULL;
    Buffer b;
    if (buffer_get(data, &b, BUF_SIMPLE) < 0) return VAL_NULL;
    if (arg_to_double(args[1], &entropy) < 0) { buffer_release(&b); return VAL_NULL; }
    const unsigned char *p = b.buf;
    int64_t left = b.len;
    do {
        int chunk = left > INT_MAX ? INT_MAX : (int)left;
        RAND_add(p, chunk, entropy);
        p += chunk;
        left -= chunk;
    } while (left > 0);
    buffer_release(&b);
    return VAL_NONE;
}

/* ---- objects and certificates --------------------------------------------------------- */

/* txt2obj(txt, name=False) */
static Value mod_txt2obj(Value *args, int nargs, Value kwnames)
{
    if (!IS_STR(args[0])) return err_format(&exc_TypeError, "txt2obj() argument 'txt' must be str, not %T", args[0]);
    int name = 0;
    if (!IS_NULL(args[1]) && (name = obj_truthy(args[1])) < 0) return VAL_NULL;
    ASN1_OBJECT *o = OBJ_txt2obj(STR_DATA(args[0]), !name);
    if (!o) {
        ERR_clear_error();
        return err_format(&exc_ValueError, "unknown object '%.100s'", STR_DATA(args[0]));
    }
    Value r = ssl_cert_asn1obj(o);
    ASN1_OBJECT_free(o);
    return r;
}

static Value mod_nid2obj(Value *args, int nargs, Value kwnames)
{
    int nid;
    if (arg_to_int(args[0], &nid) < 0) return VAL_NULL;
    if (nid < NID_undef) return err_format(&exc_ValueError, "NID must be positive.");
    ASN1_OBJECT *o = OBJ_nid2obj(nid);
    if (!o) {
        ERR_clear_error();
        return err_format(&exc_ValueError, "unknown NID %i", nid);
    }
    Value r = ssl_cert_asn1obj(o);
    ASN1_OBJECT_free(o);
    return r;
}

static Value mod_test_decode_cert(Value *args, int nargs, Value kwnames)
{
    X509 *x = ssl_cert_load_file(args[0]);
    if (!x) return VAL_NULL;
    Value r = ssl_cert_decode(x);
    X509_free(x);
    return r;
}

static Value mod_fs_str(const char *s) { return s ? str_fsdecode(s, strlen(s)) : VAL_NONE; }

static Value mod_get_default_verify_paths(Value *args, int nargs, Value kwnames)
{
    return tuple_pack(4, mod_fs_str(X509_get_default_cert_file_env()), mod_fs_str(X509_get_default_cert_file()),
                      mod_fs_str(X509_get_default_cert_dir_env()), mod_fs_str(X509_get_default_cert_dir()));
}

static const MethodDef mod_ssl_functions[] = {
    {"RAND_bytes", mod_rand_bytes, ARGS_ONE, "Generate n cryptographically strong pseudo-random bytes."},
    {"RAND_pseudo_bytes", mod_rand_pseudo_bytes, ARGS_ONE, NULL},
    {"RAND_status", mod_rand_status, ARGS_NONE, NULL},
    {"RAND_add", mod_rand_add, ARGS_POS(2, 2), NULL},
    {"txt2obj", mod_txt2obj, ARGS_KW, NULL, "($module, /, txt, name=False)"},
    {"nid2obj", mod_nid2obj, ARGS_ONE, NULL},
    {"_test_decode_cert", mod_test_decode_cert, ARGS_ONE, NULL},
    {"get_default_verify_paths", mod_get_default_verify_paths, ARGS_NONE, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- constants -------------------------------------------------------------------------- */

static const IntConst mod_ssl_ints[] = {
    {"SSL_ERROR_ZERO_RETURN", SSL_PY_ZERO_RETURN}, {"SSL_ERROR_WANT_READ", SSL_PY_WANT_READ},
    {"SSL_ERROR_WANT_WRITE", SSL_PY_WANT_WRITE}, {"SSL_ERROR_WANT_X509_LOOKUP", SSL_PY_WANT_X509_LOOKUP},
    {"SSL_ERROR_SYSCALL", SSL_PY_SYSCALL}, {"SSL_ERROR_SSL", SSL_PY_SSL},
    {"SSL_ERROR_WANT_CONNECT", SSL_PY_WANT_CONNECT}, {"SSL_ERROR_EOF", SSL_PY_EOF},
    {"SSL_ERROR_INVALID_ERROR_CODE", SSL_PY_INVALID_ERROR_CODE},
    {"CERT_NONE", 0}, {"CERT_OPTIONAL", 1}, {"CERT_REQUIRED", 2},
    {"VERIFY_DEFAULT", 0}, {"VERIFY_CRL_CHECK_LEAF", X509_V_FLAG_CRL_CHECK},
    {"VERIFY_CRL_CHECK_CHAIN", X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL},
    {"VERIFY_X509_STRICT", X509_V_FLAG_X509_STRICT}, {"VERIFY_ALLOW_PROXY_CERTS", X509_V_FLAG_ALLOW_PROXY_CERTS},
    {"VERIFY_X509_TRUSTED_FIRST", X509_V_FLAG_TRUSTED_FIRST},
    {"VERIFY_X509_PARTIAL_CHAIN", X509_V_FLAG_PARTIAL_CHAIN},
    {"ALERT_DESCRIPTION_CLOSE_NOTIFY", SSL_AD_CLOSE_NOTIFY},
    {"ALERT_DESCRIPTION_UNEXPECTED_MESSAGE", SSL_AD_UNEXPECTED_MESSAGE},
    {"ALERT_DESCRIPTION_BAD_RECORD_MAC", SSL_AD_BAD_RECORD_MAC},
    {"ALERT_DESCRIPTION_RECORD_OVERFLOW", SSL_AD_RECORD_OVERFLOW},
    {"ALERT_DESCRIPTION_DECOMPRESSION_FAILURE", SSL_AD_DECOMPRESSION_FAILURE},
    {"ALERT_DESCRIPTION_HANDSHAKE_FAILURE", SSL_AD_HANDSHAKE_FAILURE},
    {"ALERT_DESCRIPTION_BAD_CERTIFICATE", SSL_AD_BAD_CERTIFICATE},
    {"ALERT_DESCRIPTION_UNSUPPORTED_CERTIFICATE", SSL_AD_UNSUPPORTED_CERTIFICATE},
    {"ALERT_DESCRIPTION_CERTIFICATE_REVOKED", SSL_AD_CERTIFICATE_REVOKED},
    {"ALERT_DESCRIPTION_CERTIFICATE_EXPIRED", SSL_AD_CERTIFICATE_EXPIRED},
    {"ALERT_DESCRIPTION_CERTIFICATE_UNKNOWN", SSL_AD_CERTIFICATE_UNKNOWN},
    {"ALERT_DESCRIPTION_ILLEGAL_PARAMETER", SSL_AD_ILLEGAL_PARAMETER},
    {"ALERT_DESCRIPTION_UNKNOWN_CA", SSL_AD_UNKNOWN_CA},
    {"ALERT_DESCRIPTION_ACCESS_DENIED", SSL_AD_ACCESS_DENIED},
    {"ALERT_DESCRIPTION_DECODE_ERROR", SSL_AD_DECODE_ERROR},
    {"ALERT_DESCRIPTION_DECRYPT_ERROR", SSL_AD_DECRYPT_ERROR},
    {"ALERT_DESCRIPTION_PROTOCOL_VERSION", SSL_AD_PROTOCOL_VERSION},
    {"ALERT_DESCRIPTION_INSUFFICIENT_SECURITY", SSL_AD_INSUFFICIENT_SECURITY},
    {"ALERT_DESCRIPTION_INTERNAL_ERROR", SSL_AD_INTERNAL_ERROR},
    {"ALERT_DESCRIPTION_USER_CANCELLED", SSL_AD_USER_CANCELLED},
    {"ALERT_DESCRIPTION_NO_RENEGOTIATION", SSL_AD_NO_RENEGOTIATION},
    {"ALERT_DESCRIPTION_UNSUPPORTED_EXTENSION", SSL_AD_UNSUPPORTED_EXTENSION},
    {"ALERT_DESCRIPTION_CERTIFICATE_UNOBTAINABLE", SSL_AD_CERTIFICATE_UNOBTAINABLE},
    {"ALERT_DESCRIPTION_UNRECOGNIZED_NAME", SSL_AD_UNRECOGNIZED_NAME},
    {"ALERT_DESCRIPTION_BAD_CERTIFICATE_STATUS_RESPONSE", SSL_AD_BAD_CERTIFICATE_STATUS_RESPONSE},
    {"ALERT_DESCRIPTION_BAD_CERTIFICATE_HASH_VALUE", SSL_AD_BAD_CERTIFICATE_HASH_VALUE},
    {"ALERT_DESCRIPTION_UNKNOWN_PSK_IDENTITY", SSL_AD_UNKNOWN_PSK_IDENTITY},
    {"PROTOCOL_SSLv23", 2}, {"PROTOCOL_TLS", 2}, {"PROTOCOL_TLS_CLIENT", 0x10}, {"PROTOCOL_TLS_SERVER", 0x11},
    {"PROTOCOL_TLSv1", 3}, {"PROTOCOL_TLSv1_1", 4}, {"PROTOCOL_TLSv1_2", 5},
    {"OP_ALL", SSL_OP_ALL & ~SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS},
    {"OP_NO_SSLv2", SSL_OP_NO_SSLv2}, {"OP_NO_SSLv3", SSL_OP_NO_SSLv3}, {"OP_NO_TLSv1", SSL_OP_NO_TLSv1},
    {"OP_NO_TLSv1_1", SSL_OP_NO_TLSv1_1}, {"OP_NO_TLSv1_2", SSL_OP_NO_TLSv1_2},
    {"OP_NO_TLSv1_3", SSL_OP_NO_TLSv1_3},
    {"OP_CIPHER_SERVER_PREFERENCE", SSL_OP_CIPHER_SERVER_PREFERENCE},
    {"OP_SINGLE_DH_USE", SSL_OP_SINGLE_DH_USE}, {"OP_NO_TICKET", SSL_OP_NO_TICKET},
    {"OP_SINGLE_ECDH_USE", SSL_OP_SINGLE_ECDH_USE}, {"OP_NO_COMPRESSION", SSL_OP_NO_COMPRESSION},
    {"OP_ENABLE_MIDDLEBOX_COMPAT", SSL_OP_ENABLE_MIDDLEBOX_COMPAT},
    {"OP_NO_RENEGOTIATION", SSL_OP_NO_RENEGOTIATION},
    {"OP_IGNORE_UNEXPECTED_EOF", SSL_OP_IGNORE_UNEXPECTED_EOF},
    {"HOSTFLAG_ALWAYS_CHECK_SUBJECT", X509_CHECK_FLAG_ALWAYS_CHECK_SUBJECT},
    {"HOSTFLAG_NEVER_CHECK_SUBJECT", X509_CHECK_FLAG_NEVER_CHECK_SUBJECT},
    {"HOSTFLAG_NO_WILDCARDS", X509_CHECK_FLAG_NO_WILDCARDS},
    {"HOSTFLAG_NO_PARTIAL_WILDCARDS", X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS},
    {"HOSTFLAG_MULTI_LABEL_WILDCARDS", X509_CHECK_FLAG_MULTI_LABEL_WILDCARDS},
    {"HOSTFLAG_SINGLE_LABEL_SUBDOMAINS", X509_CHECK_FLAG_SINGLE_LABEL_SUBDOMAINS},
    {"PROTO_MINIMUM_SUPPORTED", -2}, {"PROTO_MAXIMUM_SUPPORTED", -1}, {"PROTO_SSLv3", SSL3_VERSION},
    {"PROTO_TLSv1", TLS1_VERSION}, {"PROTO_TLSv1_1", TLS1_1_VERSION}, {"PROTO_TLSv1_2", TLS1_2_VERSION},
    {"PROTO_TLSv1_3", TLS1_3_VERSION},
    {"ENCODING_PEM", 1}, {"ENCODING_DER", 2},
    {NULL, 0},
};

static int mod_add_flags(Value d)
{
    static const struct { const char *name; int on; } flags[] = {
        {"HAS_SNI", 1}, {"HAS_TLS_UNIQUE", 1}, {"HAS_ECDH", 1}, {"HAS_NPN", 0}, {"HAS_ALPN", 1},
        {"HAS_SSLv2", 0},
#ifdef OPENSSL_NO_SSL3
        {"HAS_SSLv3", 0},
#else
        {"HAS_SSLv3", 1},
#endif
        {"HAS_TLSv1", 1}, {"HAS_TLSv1_1", 1}, {"HAS_TLSv1_2", 1}, {"HAS_TLSv1_3", 1},
    };
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++)
        if (dict_set_c(d, flags[i].name, MK_BOOL(flags[i].on)) < 0) return -1;
    return 0;
}

/* (major, minor, fix, patch, status) of an OpenSSL version number. */
static Value mod_version_info(unsigned long v)
{
    unsigned status = v & 0xF, patch = (v >> 4) & 0xFF, fix = (v >> 12) & 0xFF, minor = (v >> 20) & 0xFF,
             major = (v >> 28) & 0xFF;
    return tuple_pack(5, MK_SMALLINT(major), MK_SMALLINT(minor), MK_SMALLINT(fix), MK_SMALLINT(patch),
                      MK_SMALLINT(status));
}

static int mod_add_versions(Value d)
{
    unsigned long v = OpenSSL_version_num();
    return dict_set_c(d, "OPENSSL_VERSION_NUMBER", int_from_u64(v)) < 0 ||
           dict_set_c(d, "OPENSSL_VERSION_INFO", mod_version_info(v)) < 0 ||
           dict_set_c(d, "OPENSSL_VERSION", str_from_c(OpenSSL_version(OPENSSL_VERSION))) < 0 ||
           dict_set_c(d, "_OPENSSL_API_VERSION", mod_version_info(OPENSSL_VERSION_NUMBER)) < 0 ||
           dict_set_c(d, "_DEFAULT_CIPHERS", str_from_c(OSSL_default_cipher_list())) < 0
               ? -1 : 0;
}

/* lib_codes_to_names, err_codes_to_names, err_names_to_codes */
static int mod_add_error_tables(Value d)
{
    Value libs = dict_new(), codes = dict_new(), names = dict_new();
    if (IS_NULL(libs) || IS_NULL(codes) || IS_NULL(names)) return -1;
    for (const SslLibName *l = ssl_lib_names; l->name; l++)
        if (dict_set(libs, MK_SMALLINT(l->lib), str_from_c(l->name)) < 0) return -1;
    for (size_t i = 0; i < ssl_err_count; i++) {
        const SslErrName *e = &ssl_err_names[i];
        Value key = tuple_pack(2, MK_SMALLINT(e->lib), MK_SMALLINT(e->reason)), name = str_from_c(e->name);
        if (IS_NULL(key) || IS_NULL(name) || dict_set(codes, key, name) < 0 || dict_set(names, name, key) < 0)
            return -1;
    }
    return dict_set_c(d, "lib_codes_to_names", libs) < 0 || dict_set_c(d, "err_codes_to_names", codes) < 0 ||
           dict_set_c(d, "err_names_to_codes", names) < 0 ? -1 : 0;
}

Value mod_ssl_init(void)
{
    Value m = module_new_c("_ssl");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    dict_add_methods(d, mod_ssl_functions, m);
    static const struct { const char *name; Type *t; } types[] = {
        {"_SSLContext", &type_ssl_ctx}, {"_SSLSocket", &type_ssl_sock}, {"MemoryBIO", &type_ssl_bio},
        {"SSLSession", &type_ssl_session}, {"Certificate", &type_ssl_certificate},
    };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (dict_set_c(d, types[i].name, MK_OBJ(types[i].t)) < 0) return VAL_NULL;
    if (ssl_err_add(d) < 0 || dict_add_int_constants(d, mod_ssl_ints) < 0 || mod_add_flags(d) < 0 ||
        mod_add_versions(d) < 0 || mod_add_error_tables(d) < 0)
        return VAL_NULL;
    return err_occurred() ? VAL_NULL : m;
}
