/* ssl_ctxcfg.c - what an `_ssl._SSLContext` loads and the Python code it calls
 * back: certificate chains and keys (with a password given as str, bytes or
 * a callable), CA certificates from files, directories or memory, DH
 * parameters, the ECDH curve, ALPN, and the SNI, message and key-log
 * callbacks.
 *
 * Loading holds the GIL throughout, so the password callback (which OpenSSL
 * calls from inside the load) may run Python code directly.  The SNI and
 * message callbacks run during a handshake, when the GIL is released: they
 * take it with ssl_gil_enter().  An exception a message or key-log callback
 * raises is kept on the connection and raised when the SSL call returns; one
 * the SNI callback raises is reported as unraisable and fails the handshake,
 * as in CPython.
 */
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include "ssl.h"
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/finalize.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_memoryview.h"
#include "runtime/obj_str.h"

#define CTX(v) ((SslCtx *)AS_OBJ(v))
#define SELF CTX(args[0])

/* A path argument as a C string (kept alive by *keep), or NULL with TypeError
 * `bad` when it is no path. */
static const char *cfg_path(Value v, const char *bad, Value *keep)
{
    Value p = arg_to_path(v);
    if (IS_NULL(p)) {
        if (err_matches(&exc_TypeError)) { err_clear(); err_format(&exc_TypeError, "%s", bad); }
        return NULL;
    }
    *keep = p;
    if (IS_BYTES(p)) return (const char *)AS_BYTES(p)->data;
    return str_fsencode(p, keep);
}

/* ---- passwords ------------------------------------------------------------------------ */

typedef struct {
    Value callable;        /* or VAL_NULL */
    Value bytes;           /* the password as bytes, or VAL_NULL */
    int error;             /* the callback failed: an exception is set */
} CfgPassword;

static int cfg_password_set(CfgPassword *pw, Value v, const char *bad)
{
    Value b;
    if (IS_STR(v)) b = str_encode(v, "utf-8", "strict");
    else if (IS_BYTES(v) || val_isinstance(v, &type_bytearray)) b = obj_bytes(v);
    else { err_format(&exc_TypeError, "%s", bad); return -1; }
    if (IS_NULL(b)) return -1;
    if (AS_BYTES(b)->len > INT_MAX) {
        err_format(&exc_ValueError, "password cannot be longer than %d bytes", INT_MAX);
        return -1;
    }
    pw->bytes = b;
    return 0;
}

static int cfg_password_cb(char *buf, int size, int rwflag, void *userdata)
{
    CfgPassword *pw = userdata;
    if (pw->error) return -1;
    if (!IS_NULL(pw->callable)) {
        Value r = call0(pw->callable);
        if (IS_NULL(r) || cfg_password_set(pw, r, "password callback must return a string") < 0) {
            pw->error = 1;
            return -1;
        }
    }
    int64_t n = AS_BYTES(pw->bytes)->len;
    if (n > size) {
        err_format(&exc_ValueError, "password cannot be longer than %d bytes", size);
        pw->error = 1;
        return -1;
    }
    memcpy(buf, AS_BYTES(pw->bytes)->data, (size_t)n);
    return (int)n;
}

/* The error of a failed load: the callback's, errno's, or OpenSSL's. */
static Value cfg_load_error(CfgPassword *pw, int line)
{
    if (pw && pw->error) { ERR_clear_error(); return VAL_NULL; }
    if (errno != 0) {
        ERR_clear_error();
        return err_from_errno(&exc_OSError, VAL_NULL);
    }
    return ssl_err_lib(NULL, line);
}

static Value cfg_load_chain(SslCtx *c, const char *cert, const char *key, CfgPassword *pw)
{
    errno = 0;
    if (SSL_CTX_use_certificate_chain_file(c->ctx, cert) != 1) return cfg_load_error(pw, __LINE__);
    errno = 0;
    if (SSL_CTX_use_PrivateKey_file(c->ctx, key ? key : cert, SSL_FILETYPE_PEM) != 1)
        return cfg_load_error(pw, __LINE__);
    if (SSL_CTX_check_private_key(c->ctx) != 1) return ssl_err_lib(NULL, __LINE__);
    return VAL_NONE;
}

/* load_cert_chain(certfile, keyfile=None, password=None) */
Value ssl_cfg_load_cert_chain(Value *args, int nargs, Value kwnames)
{
    SslCtx *c = SELF;
    Value keep1 = VAL_NULL, keep2 = VAL_NULL;
    const char *cert = cfg_path(args[1], "certfile should be a valid filesystem path", &keep1), *key = NULL;
    if (!cert) return VAL_NULL;
    if (!IS_NULL(args[2]) && !IS_NONE(args[2]) &&
        !(key = cfg_path(args[2], "keyfile should be a valid filesystem path", &keep2)))
        return VAL_NULL;
    CfgPassword pw = {VAL_NULL, VAL_NULL, 0};
    pem_password_cb *old_cb = SSL_CTX_get_default_passwd_cb(c->ctx);
    void *old_data = SSL_CTX_get_default_passwd_cb_userdata(c->ctx);
    Value pwarg = IS_NULL(args[3]) ? VAL_NONE : args[3];
    if (!IS_NONE(pwarg)) {
        if (call_is_callable(pwarg)) pw.callable = pwarg;
        else if (cfg_password_set(&pw, pwarg, "password should be a string or callable") < 0) return VAL_NULL;
        SSL_CTX_set_default_passwd_cb(c->ctx, cfg_password_cb);
        SSL_CTX_set_default_passwd_cb_userdata(c->ctx, &pw);
    }
    Value r = cfg_load_chain(c, cert, key, &pw);
    SSL_CTX_set_default_passwd_cb(c->ctx, old_cb);
    SSL_CTX_set_default_passwd_cb_userdata(c->ctx, old_data);
    return r;
}

/* ---- CA certificates ---------------------------------------------------------------------- */

/* Whether the error after the last certificate of a cadata is just its end. */
static int cfg_ca_end(unsigned long err, int pem)
{
    if (pem) return ERR_GET_LIB(err) == ERR_LIB_PEM && ERR_GET_REASON(err) == PEM_R_NO_START_LINE;
    return ERR_GET_LIB(err) == ERR_LIB_ASN1 && ERR_GET_REASON(err) == ASN1_R_HEADER_TOO_LONG;
}

static int cfg_add_ca_certs(SslCtx *c, const void *data, int64_t len, int pem)
{
    if (len <= 0) { err_format(&exc_ValueError, "Empty certificate data"); return -1; }
    if (len > INT_MAX) { err_format(&exc_OverflowError, "Certificate data is too long."); return -1; }
    BIO *b = BIO_new_mem_buf(data, (int)len);
    if (!b) { ssl_err_lib("Can't allocate buffer", __LINE__); return -1; }
    X509_STORE *store = SSL_CTX_get_cert_store(c->ctx);
    int loaded = 0;
    for (;;) {
        X509 *cert = pem ? PEM_read_bio_X509(b, NULL, SSL_CTX_get_default_passwd_cb(c->ctx),
                                             SSL_CTX_get_default_passwd_cb_userdata(c->ctx))
                         : d2i_X509_bio(b, NULL);
        if (!cert) break;
        int ok = X509_STORE_add_cert(store, cert);
        X509_free(cert);
        if (!ok) {
            unsigned long e = ERR_peek_last_error();
            if (ERR_GET_LIB(e) != ERR_LIB_X509 || ERR_GET_REASON(e) != X509_R_CERT_ALREADY_IN_HASH_TABLE) break;
            ERR_clear_error();
        }
        loaded++;
    }
    BIO_free(b);
    unsigned long e = ERR_peek_last_error();
    if (loaded == 0) {
        ssl_err_lib(pem ? "no start line: cadata does not contain a certificate"
                        : "not enough data: cadata does not contain a certificate", __LINE__);
        return -1;
    }
    if (e != 0 && !cfg_ca_end(e, pem)) { ssl_err_lib(NULL, __LINE__); return -1; }
    ERR_clear_error();
    return 0;
}

static int cfg_cadata(SslCtx *c, Value v)
{
    if (IS_STR(v)) {
        Value a = str_encode(v, "ascii", "strict");
        if (IS_NULL(a)) {
            if (!err_matches(&exc_UnicodeEncodeError)) return -1;
            err_clear();
            goto invalid;
        }
        return cfg_add_ca_certs(c, AS_BYTES(a)->data, AS_BYTES(a)->len, 1);
    }
    Buffer buf;
    if (buffer_get(v, &buf, BUF_SIMPLE) < 0) {
        if (!err_matches(&exc_TypeError)) return -1;
        err_clear();
        goto invalid;
    }
    int r = cfg_add_ca_certs(c, buf.buf, buf.len, 0);
    buffer_release(&buf);
    return r;
invalid:
    err_format(&exc_TypeError, "cadata should be an ASCII string or a bytes-like object");
    return -1;
}

/* load_verify_locations(cafile=None, capath=None, cadata=None) */
Value ssl_cfg_load_verify_locations(Value *args, int nargs, Value kwnames)
{
    SslCtx *c = SELF;
    Value cafile = args[1], capath = args[2], cadata = args[3], k1 = VAL_NULL, k2 = VAL_NULL;
    int has_file = !IS_NULL(cafile) && !IS_NONE(cafile), has_path = !IS_NULL(capath) && !IS_NONE(capath);
    int has_data = !IS_NULL(cadata) && !IS_NONE(cadata);
    if (!has_file && !has_path && !has_data)
        return err_format(&exc_TypeError, "cafile, capath and cadata cannot be all omitted");
    const char *file = NULL, *path = NULL;
    if (has_file && !(file = cfg_path(cafile, "cafile should be a valid filesystem path", &k1))) return VAL_NULL;
    if (has_path && !(path = cfg_path(capath, "capath should be a valid filesystem path", &k2))) return VAL_NULL;
    if (has_data && cfg_cadata(c, cadata) < 0) return VAL_NULL;
    if (file || path) {
        errno = 0;
        if (SSL_CTX_load_verify_locations(c->ctx, file, path) != 1) return cfg_load_error(NULL, __LINE__);
    }
    return VAL_NONE;
}

Value ssl_cfg_set_default_verify_paths(Value *args, int nargs, Value kwnames)
{
    if (!SSL_CTX_set_default_verify_paths(SELF->ctx)) return ssl_err_lib(NULL, __LINE__);
    return VAL_NONE;
}

Value ssl_cfg_load_dh_params(Value *args, int nargs, Value kwnames)
{
    Value keep = VAL_NULL;
    const char *path = cfg_path(args[1], "path should be a valid filesystem path", &keep);
    if (!path) return VAL_NULL;
    FILE *f = fopen(path, "rb");
    if (!f) return err_from_errno(&exc_OSError, args[1]);
    errno = 0;
    DH *dh = PEM_read_DHparams(f, NULL, NULL, NULL);
    fclose(f);
    if (!dh) {
        if (errno != 0) {
            ERR_clear_error();
            return err_from_errno(&exc_OSError, args[1]);
        }
        return ssl_err_lib(NULL, __LINE__);
    }
    int ok = SSL_CTX_set_tmp_dh(SELF->ctx, dh);
    DH_free(dh);
    if (!ok) return ssl_err_lib(NULL, __LINE__);
    return VAL_NONE;
}

Value ssl_cfg_set_ecdh_curve(Value *args, int nargs, Value kwnames)
{
    Value keep = VAL_NULL;
    const char *name = cfg_path(args[1], "expected str, bytes or os.PathLike object", &keep);
    if (!name) return VAL_NULL;
    int nid = OBJ_sn2nid(name);
    if (nid == 0) return err_format(&exc_ValueError, "unknown elliptic curve name %R", args[1]);
    if (!SSL_CTX_set1_groups(SELF->ctx, &nid, 1)) return ssl_err_lib(NULL, __LINE__);
    return VAL_NONE;
}

/* ---- ALPN ----------------------------------------------------------------------------- */

static int cfg_alpn_select(SSL *ssl, const unsigned char **out, unsigned char *outlen, const unsigned char *in,
                           unsigned int inlen, void *arg)
{
    SslCtx *c = arg;
    static const unsigned char none[1];
    const unsigned char *ours = c->alpn ? c->alpn : none;
    int r = SSL_select_next_proto((unsigned char **)out, outlen, ours, c->alpn ? c->alpn_len : 0, in, inlen);
    return r == OPENSSL_NPN_NEGOTIATED ? SSL_TLSEXT_ERR_OK : SSL_TLSEXT_ERR_NOACK;
}

Value ssl_cfg_set_alpn_protocols(Value *args, int nargs, Value kwnames)
{
    SslCtx *c = SELF;
    Buffer buf;
    if (buffer_get(args[1], &buf, BUF_SIMPLE) < 0) return VAL_NULL;
    if ((uint64_t)buf.len > UINT_MAX) {
        buffer_release(&buf);
        return err_format(&exc_OverflowError, "protocols longer than %u bytes", UINT_MAX);
    }
    unsigned char *p = malloc(buf.len ? (size_t)buf.len : 1);
    if (!p) { buffer_release(&buf); return err_no_memory(); }
    memcpy(p, buf.buf, (size_t)buf.len);
    free(c->alpn);
    c->alpn = p;
    c->alpn_len = (unsigned)buf.len;
    buffer_release(&buf);
    if (SSL_CTX_set_alpn_protos(c->ctx, c->alpn, c->alpn_len))
        return err_format(ssl_exc_error, "failed to set ALPN protocols");
    SSL_CTX_set_alpn_select_cb(c->ctx, cfg_alpn_select, c);
    return VAL_NONE;
}

/* ---- callbacks ------------------------------------------------------------------------- */

Value ssl_cfg_callback_target(SslSock *s)
{
    if (!IS_NONE(s->owner)) return s->owner;
    if (!IS_NONE(s->sock)) return s->sock;
    return MK_OBJ(s);
}

static int cfg_callable_or_none(Value v)
{
    if (ssl_no_delete(v) < 0) return -1;
    if (!IS_NONE(v) && !call_is_callable(v)) { err_format(&exc_TypeError, "not a callable object"); return -1; }
    return 0;
}

/* The SNI callback's answer: None goes on, an int is the alert to fail with. */
static int cfg_sni_result(Value cb, Value r, int *al)
{
    if (IS_NULL(r)) {
        fin_write_unraisable(cb);
        *al = SSL_AD_HANDSHAKE_FAILURE;
        return SSL_TLSEXT_ERR_ALERT_FATAL;
    }
    if (IS_NONE(r)) return SSL_TLSEXT_ERR_OK;
    int64_t n;
    if (arg_to_long(r, &n) < 0) {
        fin_write_unraisable(r);
        n = SSL_AD_INTERNAL_ERROR;
    }
    *al = (int)n;
    return SSL_TLSEXT_ERR_ALERT_FATAL;
}

static int cfg_sni_cb(SSL *ssl, int *al, void *arg)
{
    SslCtx *c = arg;
    int gil = ssl_gil_enter();
    int ret = SSL_TLSEXT_ERR_OK;
    SslSock *s = ssl_sock_of(ssl);
    if (!IS_NONE(c->sni_cb) && s) {
        const char *name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
        Value hn = name ? str_decode((const uint8_t *)name, strlen(name), "ascii", "strict") : VAL_NONE;
        Value r = IS_NULL(hn) ? VAL_NULL : call3(c->sni_cb, ssl_cfg_callback_target(s), hn, MK_OBJ(c));
        ret = cfg_sni_result(c->sni_cb, r, al);
    }
    ssl_gil_leave(gil);
    return ret;
}

Value ssl_cfg_get_sni(Value self) { return CTX(self)->sni_cb; }

int ssl_cfg_set_sni(Value self, Value v)
{
    SslCtx *c = CTX(self);
    if (c->protocol == 0x10) {
        err_format(&exc_ValueError, "sni_callback cannot be set on TLS_CLIENT context");
        return -1;
    }
    if (cfg_callable_or_none(v) < 0) return -1;
    c->sni_cb = v;
    if (IS_NONE(v)) SSL_CTX_set_tlsext_servername_callback(c->ctx, NULL);
    else SSL_CTX_set_tlsext_servername_callback(c->ctx, cfg_sni_cb);
    SSL_CTX_set_tlsext_servername_arg(c->ctx, c);
    return 0;
}

/* The message type OpenSSL's record carries (CPython's reading of it). */
static int cfg_msg_type(int content_type, const unsigned char *b, size_t len, int *version)
{
    if (len == 0) return -1;
    switch (content_type) {
    case SSL3_RT_CHANGE_CIPHER_SPEC: return SSL3_MT_CHANGE_CIPHER_SPEC;
    case SSL3_RT_ALERT: return len > 1 ? b[1] : -1;
    case SSL3_RT_HANDSHAKE: return b[0];
    case SSL3_RT_HEADER:
        if (len > 2) *version = b[1] << 8 | b[2];
        return b[0];
    case SSL3_RT_INNER_CONTENT_TYPE: return b[0];
    default: return -1;
    }
}

static void cfg_msg_cb(int write_p, int version, int content_type, const void *buf, size_t len, SSL *ssl,
                       void *arg)
{
    int gil = ssl_gil_enter();
    SslSock *s = ssl_sock_of(ssl);
    SslCtx *c = s ? (SslCtx *)AS_OBJ(s->ctx) : NULL;
    if (c && !IS_NONE(c->msg_cb)) {
        int mt = cfg_msg_type(content_type, buf, len, &version);
        Value a[6] = {ssl_cfg_callback_target(s), str_from_c(write_p ? "write" : "read"), MK_SMALLINT(version),
                      MK_SMALLINT(content_type), MK_SMALLINT(mt), bytes_new(buf, len)};
        Value r = IS_NULL(a[1]) || IS_NULL(a[5]) ? VAL_NULL : call_value(c->msg_cb, a, 6, VAL_NULL);
        if (IS_NULL(r)) ssl_sock_callback_error(s);
    }
    ssl_gil_leave(gil);
}

Value ssl_cfg_get_msg_cb(Value self) { return CTX(self)->msg_cb; }

int ssl_cfg_set_msg_cb(Value self, Value v)
{
    if (cfg_callable_or_none(v) < 0) return -1;
    SslCtx *c = CTX(self);
    c->msg_cb = v;
    SSL_CTX_set_msg_callback(c->ctx, IS_NONE(v) ? NULL : cfg_msg_cb);
    return 0;
}

static pthread_mutex_t cfg_keylog_lock = PTHREAD_MUTEX_INITIALIZER;

/* Runs without the GIL: only C is touched unless the write fails. */
static void cfg_keylog_cb(const SSL *ssl, const char *line)
{
    SslCtx *c = SSL_CTX_get_app_data(SSL_get_SSL_CTX(ssl));
    if (!c || !c->keylog_bio) return;
    pthread_mutex_lock(&cfg_keylog_lock);
    int r = BIO_printf(c->keylog_bio, "%s\n", line), e = errno;
    (void)BIO_flush(c->keylog_bio);
    pthread_mutex_unlock(&cfg_keylog_lock);
    if (r >= 0) return;
    int gil = ssl_gil_enter();
    SslSock *s = ssl_sock_of(ssl);
    errno = e;
    err_from_errno(&exc_OSError, c->keylog_filename);
    if (s) ssl_sock_callback_error(s);
    else err_clear();
    ssl_gil_leave(gil);
}

Value ssl_cfg_get_keylog(Value self) { return CTX(self)->keylog_filename; }

int ssl_cfg_set_keylog(Value self, Value v)
{
    SslCtx *c = CTX(self);
    if (ssl_no_delete(v) < 0) return -1;
    SSL_CTX_set_keylog_callback(c->ctx, NULL);
    c->keylog_filename = VAL_NONE;
    if (c->keylog_bio) BIO_free_all(c->keylog_bio);
    c->keylog_bio = NULL;
    if (IS_NONE(v)) return 0;
    Value keep = VAL_NULL;
    const char *path = cfg_path(v, "expected str, bytes or os.PathLike object", &keep);
    if (!path) return -1;
    FILE *f = fopen(path, "a");
    if (!f) { err_from_errno(&exc_OSError, v); return -1; }
    c->keylog_bio = BIO_new_fp(f, BIO_CLOSE | BIO_FP_TEXT);
    if (!c->keylog_bio) {
        fclose(f);
        err_set_value(ssl_exc_error, str_from_c("Can't malloc memory for keylog file"));
        return -1;
    }
    c->keylog_filename = v;
    if (BIO_tell(c->keylog_bio) == 0) {
        BIO_puts(c->keylog_bio, "# TLS secrets log file, generated by OpenSSL / Python\n");
        (void)BIO_flush(c->keylog_bio);
    }
    SSL_CTX_set_keylog_callback(c->ctx, cfg_keylog_cb);
    return 0;
}
