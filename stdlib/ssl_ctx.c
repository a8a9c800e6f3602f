/* ssl_ctx.c - `_ssl._SSLContext`: an SSL_CTX and the settings ssl.SSLContext
 * reads and writes (protocol, options, verify mode and flags, host name
 * checking, protocol version bounds, ciphers, statistics), and the two ways
 * of making connections from it, _wrap_socket and _wrap_bio.
 *
 * A new context gets CPython's defaults: OpenSSL's options plus no SSLv2/3,
 * no compression, server cipher preference; trusted-first chain building;
 * no partial wildcards; a client context (PROTOCOL_TLS_CLIENT) verifies
 * certificates and host names.  The cipher list is OpenSSL's own default
 * (as Debian's CPython, built to defer to OpenSSL, leaves it).
 *
 * Loading certificates and keys and the Python callbacks live in
 * ssl_ctxcfg.c.
 */
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>

#include "ssl.h"
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"

#define CTX(v) ((SslCtx *)AS_OBJ(v))
#define SELF CTX(args[0])

enum { PY_PROTO_TLS = 2, PY_PROTO_TLS1 = 3, PY_PROTO_TLS1_1 = 4, PY_PROTO_TLS1_2 = 5,
       PY_PROTO_TLS_CLIENT = 0x10, PY_PROTO_TLS_SERVER = 0x11 };
enum { PY_CERT_NONE, PY_CERT_OPTIONAL, PY_CERT_REQUIRED };
enum { PY_VERSION_MIN = -2, PY_VERSION_MAX = -1 };

static void ctx_trace(Obj *o)
{
    SslCtx *c = (SslCtx *)o;
    gc_mark_value(c->sni_cb);
    gc_mark_value(c->msg_cb);
    gc_mark_value(c->keylog_filename);
}

static void ctx_finalize(Obj *o)
{
    SslCtx *c = (SslCtx *)o;
    if (c->ctx) SSL_CTX_free(c->ctx);
    if (c->keylog_bio) BIO_free_all(c->keylog_bio);
    free(c->alpn);
    c->ctx = NULL;
    c->keylog_bio = NULL;
    c->alpn = NULL;
}

static const SSL_METHOD *ctx_method(int proto)
{
    const char *deprecated = NULL;
    const SSL_METHOD *m = NULL;
    switch (proto) {
    case PY_PROTO_TLS1: deprecated = "ssl.PROTOCOL_TLSv1 is deprecated"; m = TLSv1_method(); break;
    case PY_PROTO_TLS1_1: deprecated = "ssl.PROTOCOL_TLSv1_1 is deprecated"; m = TLSv1_1_method(); break;
    case PY_PROTO_TLS1_2: deprecated = "ssl.PROTOCOL_TLSv1_2 is deprecated"; m = TLSv1_2_method(); break;
    case PY_PROTO_TLS: deprecated = "ssl.PROTOCOL_TLS is deprecated"; m = TLS_method(); break;
    case PY_PROTO_TLS_CLIENT: return TLS_client_method();
    case PY_PROTO_TLS_SERVER: return TLS_server_method();
    default:
        err_format(&exc_ValueError, "invalid or unsupported protocol version %i", proto);
        return NULL;
    }
    if (err_warn(&exc_DeprecationWarning, "%s", deprecated) < 0) return NULL;
    return m;
}

static int ctx_set_verify(SslCtx *c, int mode)
{
    int m;
    switch (mode) {
    case PY_CERT_NONE: m = SSL_VERIFY_NONE; break;
    case PY_CERT_OPTIONAL: m = SSL_VERIFY_PEER; break;
    case PY_CERT_REQUIRED: m = SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT; break;
    default:
        err_format(&exc_ValueError, "invalid value for verify_mode");
        return -1;
    }
    SSL_CTX_set_verify(c->ctx, m, NULL);
    return 0;
}

static void ctx_defaults(SslCtx *c)
{
    uint64_t opts = (SSL_OP_ALL & ~SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS) | SSL_OP_NO_SSLv2 | SSL_OP_NO_SSLv3 |
                    SSL_OP_NO_COMPRESSION | SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_SINGLE_DH_USE |
                    SSL_OP_SINGLE_ECDH_USE | SSL_OP_IGNORE_UNEXPECTED_EOF;
    SSL_CTX_set_options(c->ctx, opts);
    SSL_CTX_set_mode(c->ctx, SSL_MODE_RELEASE_BUFFERS);
    static const unsigned char sid[] = "Python";
    SSL_CTX_set_session_id_context(c->ctx, sid, sizeof sid);
    X509_VERIFY_PARAM *p = SSL_CTX_get0_param(c->ctx);
    X509_VERIFY_PARAM_set_flags(p, X509_V_FLAG_TRUSTED_FIRST);
    c->hostflags = X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS;
    X509_VERIFY_PARAM_set_hostflags(p, c->hostflags);
    SSL_CTX_set_post_handshake_auth(c->ctx, 0);
}

/* _SSLContext(protocol) */
static Value ctx_new_m(Value *args, int nargs, Value kwnames)
{
    static const char *const names[] = {"protocol"};
    Value a[1];
    int proto;
    if (arg_parse("_SSLContext", args + 1, nargs - 1, kwnames, names, 1, 0, 1, a) < 0) return VAL_NULL;
    if (arg_to_int(a[0], &proto) < 0) return VAL_NULL;
    const SSL_METHOD *m = ctx_method(proto);
    if (!m) return VAL_NULL;
    SslCtx *c = (SslCtx *)obj_new_instance(AS_TYPE(args[0]));
    if (!c) return VAL_NULL;
    c->sni_cb = c->msg_cb = c->keylog_filename = VAL_NONE;
    c->protocol = proto;
    c->ctx = SSL_CTX_new(m);
    if (!c->ctx) return ssl_err_lib(NULL, __LINE__);
    SSL_CTX_set_app_data(c->ctx, c);
    c->check_hostname = proto == PY_PROTO_TLS_CLIENT;
    if (ctx_set_verify(c, proto == PY_PROTO_TLS_CLIENT ? PY_CERT_REQUIRED : PY_CERT_NONE) < 0) return VAL_NULL;
    ctx_defaults(c);
    return MK_OBJ(c);
}

/* ---- simple settings --------------------------------------------------------------- */

static Value ctx_get_protocol(Value self) { return MK_SMALLINT(CTX(self)->protocol); }

static Value ctx_get_options(Value self) { return int_from_u64(SSL_CTX_get_options(CTX(self)->ctx)); }

static int ctx_set_options(Value self, Value v)
{
    int64_t n;
    if (ssl_no_delete(v) < 0 || arg_to_long(v, &n) < 0) return -1;
    uint64_t cur = SSL_CTX_get_options(CTX(self)->ctx), want = (uint64_t)n;
    uint64_t clear = cur & ~want, set = ~cur & want;
    uint64_t old = SSL_OP_NO_SSLv2 | SSL_OP_NO_SSLv3 | SSL_OP_NO_TLSv1 | SSL_OP_NO_TLSv1_1 | SSL_OP_NO_TLSv1_2 |
                   SSL_OP_NO_TLSv1_3;
    if ((set & old) &&
        err_warn(&exc_DeprecationWarning, "ssl.OP_NO_SSL*/ssl.OP_NO_TLS* options are deprecated") < 0)
        return -1;
    if (clear) SSL_CTX_clear_options(CTX(self)->ctx, clear);
    if (set) SSL_CTX_set_options(CTX(self)->ctx, set);
    return 0;
}

static Value ctx_get_verify_mode(Value self)
{
    switch (SSL_CTX_get_verify_mode(CTX(self)->ctx) & (SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT)) {
    case SSL_VERIFY_NONE: return MK_SMALLINT(PY_CERT_NONE);
    case SSL_VERIFY_PEER: return MK_SMALLINT(PY_CERT_OPTIONAL);
    case SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT: return MK_SMALLINT(PY_CERT_REQUIRED);
    }
    return err_format(ssl_exc_error, "invalid return value from SSL_CTX_get_verify_mode");
}

static int ctx_set_verify_mode(Value self, Value v)
{
    int n;
    if (ssl_no_delete(v) < 0 || arg_to_int(v, &n) < 0) return -1;
    if (n == PY_CERT_NONE && CTX(self)->check_hostname) {
        err_format(&exc_ValueError, "Cannot set verify_mode to CERT_NONE when check_hostname is enabled.");
        return -1;
    }
    return ctx_set_verify(CTX(self), n);
}

static Value ctx_get_verify_flags(Value self)
{
    return int_from_u64(X509_VERIFY_PARAM_get_flags(SSL_CTX_get0_param(CTX(self)->ctx)));
}

static int ctx_set_verify_flags(Value self, Value v)
{
    int64_t n;
    if (ssl_no_delete(v) < 0 || arg_to_long(v, &n) < 0) return -1;
    X509_VERIFY_PARAM *p = SSL_CTX_get0_param(CTX(self)->ctx);
    unsigned long cur = X509_VERIFY_PARAM_get_flags(p), want = (unsigned long)n;
    if (((cur & ~want) && !X509_VERIFY_PARAM_clear_flags(p, cur & ~want)) ||
        ((~cur & want) && !X509_VERIFY_PARAM_set_flags(p, ~cur & want))) {
        ssl_err_lib(NULL, __LINE__);
        return -1;
    }
    return 0;
}

static Value ctx_get_check_hostname(Value self) { return MK_BOOL(CTX(self)->check_hostname); }

static int ctx_set_check_hostname(Value self, Value v)
{
    if (ssl_no_delete(v) < 0) return -1;
    int on = obj_truthy(v);
    if (on < 0) return -1;
    SslCtx *c = CTX(self);
    if (on && SSL_CTX_get_verify_mode(c->ctx) == SSL_VERIFY_NONE && ctx_set_verify(c, PY_CERT_REQUIRED) < 0)
        return -1;
    c->check_hostname = on;
    return 0;
}

static Value ctx_get_host_flags(Value self) { return MK_SMALLINT(CTX(self)->hostflags); }

static int ctx_set_host_flags(Value self, Value v)
{
    int64_t n;
    if (ssl_no_delete(v) < 0 || arg_to_long(v, &n) < 0) return -1;
    CTX(self)->hostflags = (unsigned)n;
    X509_VERIFY_PARAM_set_hostflags(SSL_CTX_get0_param(CTX(self)->ctx), (unsigned)n);
    return 0;
}

static Value ctx_get_pha(Value self) { return MK_BOOL(CTX(self)->post_handshake_auth); }

static int ctx_set_pha(Value self, Value v)
{
    if (ssl_no_delete(v) < 0) return -1;
    int on = obj_truthy(v);
    if (on < 0) return -1;
    CTX(self)->post_handshake_auth = on;
    return 0;
}

static Value ctx_get_security_level(Value self) { return MK_SMALLINT(SSL_CTX_get_security_level(CTX(self)->ctx)); }

static Value ctx_get_num_tickets(Value self) { return MK_SMALLINT((int64_t)SSL_CTX_get_num_tickets(CTX(self)->ctx)); }

static int ctx_set_num_tickets(Value self, Value v)
{
    int64_t n;
    if (ssl_no_delete(v) < 0 || arg_to_long(v, &n) < 0) return -1;
    if (n < 0) { err_format(&exc_ValueError, "value must be non-negative"); return -1; }
    if (CTX(self)->protocol != PY_PROTO_TLS_SERVER) {
        err_format(&exc_ValueError, "SSLContext is not a server context.");
        return -1;
    }
    if (!SSL_CTX_set_num_tickets(CTX(self)->ctx, (size_t)n)) {
        err_format(&exc_ValueError, "failed to set num tickets.");
        return -1;
    }
    return 0;
}

/* ---- protocol version bounds -------------------------------------------------------- */

static Value ctx_get_version(Value self, int max)
{
    long v = max ? SSL_CTX_get_max_proto_version(CTX(self)->ctx) : SSL_CTX_get_min_proto_version(CTX(self)->ctx);
    if (v == 0) v = max ? PY_VERSION_MAX : PY_VERSION_MIN;
    return MK_SMALLINT(v);
}

static int ctx_set_version(Value self, Value arg, int max)
{
    int v;
    if (ssl_no_delete(arg) < 0 || arg_to_cint(arg, &v) < 0) return -1;
    SslCtx *c = CTX(self);
    if (c->protocol != PY_PROTO_TLS && c->protocol != PY_PROTO_TLS_CLIENT && c->protocol != PY_PROTO_TLS_SERVER) {
        err_format(&exc_ValueError,
                   "The context's protocol doesn't support modification of highest and lowest version.");
        return -1;
    }
    static const char *const old[] = {"SSLv3", "TLSv1", "TLSv1_1"};
    switch (v) {
    case SSL3_VERSION: case TLS1_VERSION: case TLS1_1_VERSION:
        if (err_warn(&exc_DeprecationWarning, "ssl.TLSVersion.%s is deprecated", old[v - SSL3_VERSION]) < 0)
            return -1;
        break;
    case TLS1_2_VERSION: case TLS1_3_VERSION: case PY_VERSION_MIN: case PY_VERSION_MAX: break;
    default:
        err_format(&exc_ValueError, "Unsupported TLS/SSL version 0x%x", (unsigned)v);
        return -1;
    }
    if (v == PY_VERSION_MIN) v = max ? SSL3_VERSION : 0;
    else if (v == PY_VERSION_MAX) v = max ? 0 : TLS1_3_VERSION;
    int ok = max ? SSL_CTX_set_max_proto_version(c->ctx, v) : SSL_CTX_set_min_proto_version(c->ctx, v);
    if (!ok) {
        err_format(&exc_ValueError, "Unsupported protocol version 0x%x", (unsigned)v);
        return -1;
    }
    return 0;
}

static Value ctx_get_min(Value self) { return ctx_get_version(self, 0); }
static Value ctx_get_max(Value self) { return ctx_get_version(self, 1); }
static int ctx_set_min(Value self, Value v) { return ctx_set_version(self, v, 0); }
static int ctx_set_max(Value self, Value v) { return ctx_set_version(self, v, 1); }

/* ---- ciphers -------------------------------------------------------------------------- */

static Value ctx_set_ciphers_m(Value *args, int nargs, Value kwnames)
{
    if (!IS_STR(args[1]))
        return err_format(&exc_TypeError, "set_ciphers() argument must be str, not %T", args[1]);
    if ((int64_t)strlen(STR_DATA(args[1])) != (int64_t)STR_LEN(args[1]))
        return err_format(&exc_ValueError, "embedded null character");
    if (!SSL_CTX_set_cipher_list(SELF->ctx, STR_DATA(args[1]))) {
        ERR_clear_error();
        return err_set_value(ssl_exc_error, str_from_c("No cipher can be selected."));
    }
    return VAL_NONE;
}

static Value ctx_nid_name(int nid)
{
    const char *n = nid == NID_undef ? NULL : OBJ_nid2ln(nid);
    return n ? str_from_c(n) : VAL_NONE;
}

/* One cipher as get_ciphers() and SSLSocket.cipher's details show it. */
static Value ctx_cipher_dict(const SSL_CIPHER *ci)
{
    char buf[512];
    SSL_CIPHER_description(ci, buf, sizeof buf - 1);
    size_t len = strlen(buf);
    if (len > 0 && buf[len - 1] == '\n') buf[len - 1] = '\0';
    int alg_bits, bits = SSL_CIPHER_get_bits(ci, &alg_bits);
    Value d = dict_new();
    if (IS_NULL(d)) return VAL_NULL;
    const char *name = SSL_CIPHER_get_name(ci), *proto = SSL_CIPHER_get_version(ci);
    if (dict_set_c(d, "id", int_from_u64(SSL_CIPHER_get_id(ci))) < 0 ||
        dict_set_c(d, "name", name ? str_from_c(name) : VAL_NONE) < 0 ||
        dict_set_c(d, "protocol", proto ? str_from_c(proto) : VAL_NONE) < 0 ||
        dict_set_c(d, "description", str_from_c(buf)) < 0 ||
        dict_set_c(d, "strength_bits", MK_SMALLINT(bits)) < 0 ||
        dict_set_c(d, "alg_bits", MK_SMALLINT(alg_bits)) < 0 ||
        dict_set_c(d, "aead", MK_BOOL(SSL_CIPHER_is_aead(ci))) < 0 ||
        dict_set_c(d, "symmetric", ctx_nid_name(SSL_CIPHER_get_cipher_nid(ci))) < 0 ||
        dict_set_c(d, "digest", ctx_nid_name(SSL_CIPHER_get_digest_nid(ci))) < 0 ||
        dict_set_c(d, "kea", ctx_nid_name(SSL_CIPHER_get_kx_nid(ci))) < 0 ||
        dict_set_c(d, "auth", ctx_nid_name(SSL_CIPHER_get_auth_nid(ci))) < 0)
        return VAL_NULL;
    return d;
}

static Value ctx_get_ciphers_m(Value *args, int nargs, Value kwnames)
{
    SSL *ssl = SSL_new(SELF->ctx);
    if (!ssl) return ssl_err_lib(NULL, __LINE__);
    STACK_OF(SSL_CIPHER) *sk = SSL_get_ciphers(ssl);
    Value out = list_new(0);
    for (int i = 0; !IS_NULL(out) && i < sk_SSL_CIPHER_num(sk); i++) {
        Value d = ctx_cipher_dict(sk_SSL_CIPHER_value(sk, i));
        if (IS_NULL(d) || list_append(out, d) < 0) out = VAL_NULL;
    }
    SSL_free(ssl);
    return out;
}

/* ---- statistics ------------------------------------------------------------------------ */

static Value ctx_session_stats_m(Value *args, int nargs, Value kwnames)
{
    SSL_CTX *c = SELF->ctx;
    const struct { const char *k; long v; } st[] = {
        {"number", SSL_CTX_sess_number(c)}, {"connect", SSL_CTX_sess_connect(c)},
        {"connect_good", SSL_CTX_sess_connect_good(c)}, {"connect_renegotiate", SSL_CTX_sess_connect_renegotiate(c)},
        {"accept", SSL_CTX_sess_accept(c)}, {"accept_good", SSL_CTX_sess_accept_good(c)},
        {"accept_renegotiate", SSL_CTX_sess_accept_renegotiate(c)}, {"hits", SSL_CTX_sess_hits(c)},
        {"misses", SSL_CTX_sess_misses(c)}, {"timeouts", SSL_CTX_sess_timeouts(c)},
        {"cache_full", SSL_CTX_sess_cache_full(c)},
    };
    Value d = dict_new();
    for (size_t i = 0; !IS_NULL(d) && i < sizeof st / sizeof st[0]; i++)
        if (dict_set_c(d, st[i].k, MK_SMALLINT(st[i].v)) < 0) return VAL_NULL;
    return d;
}

static Value ctx_cert_store_stats_m(Value *args, int nargs, Value kwnames)
{
    X509_STORE *store = SSL_CTX_get_cert_store(SELF->ctx);
    int x509 = 0, crl = 0, ca = 0;
    STACK_OF(X509_OBJECT) *all = X509_STORE_get0_objects(store);
    for (int i = 0; i < sk_X509_OBJECT_num(all); i++) {
        X509_OBJECT *o = sk_X509_OBJECT_value(all, i);
        switch (X509_OBJECT_get_type(o)) {
        case X509_LU_X509:
            x509++;
            if (X509_check_ca(X509_OBJECT_get0_X509(o))) ca++;
            break;
        case X509_LU_CRL: crl++; break;
        default: break;
        }
    }
    Value d = dict_new();
    if (IS_NULL(d) || dict_set_c(d, "x509", MK_SMALLINT(x509)) < 0 || dict_set_c(d, "crl", MK_SMALLINT(crl)) < 0 ||
        dict_set_c(d, "x509_ca", MK_SMALLINT(ca)) < 0)
        return VAL_NULL;
    return d;
}

/* get_ca_certs(binary_form=False): the CA certificates of the store. */
static Value ctx_get_ca_certs_m(Value *args, int nargs, Value kwnames)
{
    int binary = 0;
    if (!IS_NULL(args[1]) && (binary = obj_truthy(args[1])) < 0) return VAL_NULL;
    STACK_OF(X509_OBJECT) *all = X509_STORE_get0_objects(SSL_CTX_get_cert_store(SELF->ctx));
    Value out = list_new(0);
    for (int i = 0; !IS_NULL(out) && i < sk_X509_OBJECT_num(all); i++) {
        X509_OBJECT *o = sk_X509_OBJECT_value(all, i);
        if (X509_OBJECT_get_type(o) != X509_LU_X509) continue;
        X509 *cert = X509_OBJECT_get0_X509(o);
        if (!X509_check_ca(cert)) continue;
        Value c = binary ? ssl_cert_der(cert) : ssl_cert_decode(cert);
        if (IS_NULL(c) || list_append(out, c) < 0) out = VAL_NULL;
    }
    return out;
}

/* ---- connections ------------------------------------------------------------------------ */

extern Type type_socket;

/* server_hostname: None, or a str (IDNA-encoded) or bytes, as CPython's "es"
 * conversion takes it; kept as an ASCII str. */
static int ctx_hostname_arg(Value v, Value *out)
{
    *out = VAL_NONE;
    if (IS_NULL(v) || IS_NONE(v)) return 0;
    Value enc = v;
    if (IS_STR(v)) enc = str_encode(v, "idna", "strict");
    else if (!IS_BYTES(v) && !val_isinstance(v, &type_bytearray)) {
        err_format(&exc_TypeError, "argument must be str, not %T", v);
        return -1;
    }
    const uint8_t *data;
    int64_t len;
    if (IS_NULL(enc) || bytes_view(enc, &data, &len) < 0) return -1;
    const char *p = (const char *)data;
    size_t n = (size_t)len;
    if (memchr(p, 0, n)) {
        err_format(&exc_TypeError, "argument must be encoded string without null bytes, not %T", v);
        return -1;
    }
    if (n == 0 || p[0] == '.') {
        err_format(&exc_ValueError, "server_hostname cannot be an empty string or start with a leading dot.");
        return -1;
    }
    *out = str_decode((const uint8_t *)p, n, "ascii", "strict");
    return IS_NULL(*out) ? -1 : 0;
}

static int ctx_server_side_arg(Value v, int *out)
{
    int n;
    if (arg_to_int(v, &n) < 0) return -1;
    *out = n != 0;
    return 0;
}

/* _wrap_socket(sock, server_side, server_hostname=None, *, owner=None, session=None) */
static Value ctx_wrap_socket_m(Value *args, int nargs, Value kwnames)
{
    if (!val_isinstance(args[1], &type_socket))
        return err_format(&exc_TypeError, "_wrap_socket() argument 'sock' must be _socket.socket, not %T", args[1]);
    int server_side;
    Value host;
    if (ctx_server_side_arg(args[2], &server_side) < 0 || ctx_hostname_arg(args[3], &host) < 0) return VAL_NULL;
    return ssl_sock_new(SELF, args[1], VAL_NONE, VAL_NONE, server_side, host,
                        IS_NULL(args[4]) ? VAL_NONE : args[4], IS_NULL(args[5]) ? VAL_NONE : args[5]);
}

/* _wrap_bio(incoming, outgoing, server_side, server_hostname=None, *, owner=None, session=None) */
static Value ctx_wrap_bio_m(Value *args, int nargs, Value kwnames)
{
    for (int i = 1; i <= 2; i++)
        if (!val_isinstance(args[i], &type_ssl_bio))
            return err_format(&exc_TypeError, "_wrap_bio() argument '%s' must be _ssl.MemoryBIO, not %T",
                              i == 1 ? "incoming" : "outgoing", args[i]);
    int server_side;
    Value host;
    if (ctx_server_side_arg(args[3], &server_side) < 0 || ctx_hostname_arg(args[4], &host) < 0) return VAL_NULL;
    return ssl_sock_new(SELF, VAL_NONE, args[1], args[2], server_side, host,
                        IS_NULL(args[5]) ? VAL_NONE : args[5], IS_NULL(args[6]) ? VAL_NONE : args[6]);
}

static const GetSetDef ctx_getsets[] = {
    {"protocol", ctx_get_protocol, NULL, NULL},
    {"options", ctx_get_options, ctx_set_options, "Control SSL/TLS options."},
    {"verify_mode", ctx_get_verify_mode, ctx_set_verify_mode, NULL},
    {"verify_flags", ctx_get_verify_flags, ctx_set_verify_flags, NULL},
    {"check_hostname", ctx_get_check_hostname, ctx_set_check_hostname, NULL},
    {"_host_flags", ctx_get_host_flags, ctx_set_host_flags, NULL},
    {"post_handshake_auth", ctx_get_pha, ctx_set_pha, NULL},
    {"security_level", ctx_get_security_level, NULL, "The current security level"},
    {"num_tickets", ctx_get_num_tickets, ctx_set_num_tickets, "Control the number of TLSv1.3 session tickets"},
    {"minimum_version", ctx_get_min, ctx_set_min, NULL},
    {"maximum_version", ctx_get_max, ctx_set_max, NULL},
    {"sni_callback", ssl_cfg_get_sni, ssl_cfg_set_sni, NULL},
    {"_msg_callback", ssl_cfg_get_msg_cb, ssl_cfg_set_msg_cb, NULL},
    {"keylog_filename", ssl_cfg_get_keylog, ssl_cfg_set_keylog, NULL},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef ctx_methods[] = {
    {"__new__", ctx_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"_wrap_socket", ctx_wrap_socket_m, ARGS_KW, NULL,
     "($self, /, sock, server_side, server_hostname=None, *, owner=None, session=None)"},
    {"_wrap_bio", ctx_wrap_bio_m, ARGS_KW, NULL,
     "($self, /, incoming, outgoing, server_side, server_hostname=None, *, owner=None, session=None)"},
    {"set_ciphers", ctx_set_ciphers_m, ARGS_ONE, NULL},
    {"get_ciphers", ctx_get_ciphers_m, ARGS_NONE, NULL},
    {"session_stats", ctx_session_stats_m, ARGS_NONE, NULL},
    {"cert_store_stats", ctx_cert_store_stats_m, ARGS_NONE,
     "Returns quantities of loaded X.509 certificates.\n\nX.509 certificates with a CA extension and certificate "
     "revocation lists inside\nthe context's cert store.\n\nNOTE: Certificates in a capath directory aren't loaded "
     "unless they have\nbeen used at least once."},
    {"get_ca_certs", ctx_get_ca_certs_m, ARGS_KW, NULL, "($self, /, binary_form=False)"},
    {"load_cert_chain", ssl_cfg_load_cert_chain, ARGS_KW, NULL, "($self, /, certfile, keyfile=None, password=None)"},
    {"load_verify_locations", ssl_cfg_load_verify_locations, ARGS_KW, NULL,
     "($self, /, cafile=None, capath=None, cadata=None)"},
    {"load_dh_params", ssl_cfg_load_dh_params, ARGS_ONE, NULL},
    {"set_default_verify_paths", ssl_cfg_set_default_verify_paths, ARGS_NONE, NULL},
    {"set_ecdh_curve", ssl_cfg_set_ecdh_curve, ARGS_ONE, NULL},
    {"_set_alpn_protocols", ssl_cfg_set_alpn_protocols, ARGS_ONE, NULL},
    {NULL, NULL, 0, NULL},
};

Type type_ssl_ctx = {
    .tp_name = "_ssl._SSLContext", .base = &type_object, .flags = TF_BASETYPE,
    .basicsize = sizeof(SslCtx), .trace = ctx_trace, .finalize = ctx_finalize,
    .methods = ctx_methods, .getsets = ctx_getsets,
};
GILPY_TYPE(type_ssl_ctx, NULL);
