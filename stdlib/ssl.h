/* ssl.h - what the files of the `_ssl` module share.
 *
 * mod_ssl.c      the module: constants, RAND_*, txt2obj/nid2obj, default paths
 * ssl_err.c      the exception classes and raising them from OpenSSL's errors (ssl_err_*)
 * ssl_errnames.c generated (tools/gen_ssl_errors.py): OpenSSL's error mnemonics
 * ssl_cert.c     certificates as CPython's dicts, DER and PEM (ssl_cert_*); _ssl.Certificate
 * ssl_ctx.c      _SSLContext, an SSL_CTX (ssl_ctx_*)
 * ssl_ctxcfg.c   _SSLContext's certificate and cipher loading, callbacks (ssl_cfg_*)
 * ssl_sock.c     _SSLSocket, an SSL over a socket or two MemoryBIOs (ssl_sock_*)
 * ssl_bio.c      MemoryBIO and SSLSession (ssl_bio_*, ssl_session_*)
 *
 * Values live only in traced objects; OpenSSL's structures point back at
 * them through their app data (an SSL at its SslSock, an SSL_CTX at its
 * SslCtx), never the other way round without a trace.  OpenSSL calls that
 * may wait or take long run with the GIL released; a callback that OpenSSL
 * makes meanwhile (SNI, keylog, the message callback) takes it back with
 * ssl_gil_enter() and gives it up again with ssl_gil_leave().
 */
#ifndef GILPY_SSL_H
#define GILPY_SSL_H

#include <stddef.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "runtime/object.h"

typedef struct { int lib; const char *name; } SslLibName;
typedef struct { int lib, reason; const char *name; } SslErrName;
extern const SslLibName ssl_lib_names[];      /* ends with {0, NULL} */
extern const SslErrName ssl_err_names[];      /* sorted by (lib, reason) */
extern const size_t ssl_err_count;

/* _SSLContext */
typedef struct {
    Obj      header;
    SSL_CTX *ctx;
    int      protocol;
    int      check_hostname;
    int      post_handshake_auth;
    unsigned hostflags;
    unsigned char *alpn;        /* wire form of the ALPN protocols, malloc'd */
    unsigned alpn_len;
    Value    sni_cb;            /* callable or None */
    Value    msg_cb;            /* callable or None */
    Value    keylog_filename;   /* str/bytes or None */
    BIO     *keylog_bio;
} SslCtx;

/* _SSLSocket (and, with in_bio set, the object behind ssl.SSLObject) */
typedef struct {
    Obj      header;
    SSL     *ssl;
    Value    ctx;               /* the SslCtx (changes through .context) */
    Value    sock;              /* the socket, or None for MemoryBIOs */
    Value    owner;             /* None or what ssl.py gives */
    Value    server_hostname;   /* str or None */
    Value    in_bio, out_bio;   /* MemoryBIOs, or None */
    Value    cb_error;          /* an exception a callback raised, or VAL_NULL */
    int      server_side;
    int      shutdown_zero;     /* the peer's close_notify was seen by shutdown() */
} SslSock;

typedef struct {
    Obj   header;
    BIO  *bio;
    int   eof_written;
} SslBio;

typedef struct {
    Obj          header;
    SSL_SESSION *session;
    Value        ctx;
} SslSession;

extern Type type_ssl_ctx, type_ssl_sock, type_ssl_bio, type_ssl_session, type_ssl_certificate;
/* The exception classes (made by ssl_err_add when the module is first imported). */
extern Type *ssl_exc_error, *ssl_exc_zero_return, *ssl_exc_want_read, *ssl_exc_want_write,
    *ssl_exc_syscall, *ssl_exc_eof, *ssl_exc_cert_verification;

/* The CPython error numbers (SSL_ERROR_*, ssl.SSLErrorNumber). */
enum { SSL_PY_SSL = 1, SSL_PY_WANT_READ, SSL_PY_WANT_WRITE, SSL_PY_WANT_X509_LOOKUP,
       SSL_PY_SYSCALL, SSL_PY_ZERO_RETURN, SSL_PY_WANT_CONNECT, SSL_PY_EOF,
       SSL_PY_INVALID_ERROR_CODE = 10 };

/* ---- ssl_err.c ---- */
/* Raise SSLError: with `what`, that text alone (errno 0), else from OpenSSL's
 * error queue (its last error); the queue is cleared. */
Value ssl_err_lib(const char *what, int line);
/* Raise `type` with errno `pyerr` and text errstr for OpenSSL error code
 * `code`, as CPython's fill_and_set_sslerror (s: the SSL object or NULL). */
Value ssl_err_raise(SslSock *s, Type *type, int pyerr, const char *errstr, unsigned long code, int line);
/* The exception for a failed SSL_* call on s that returned ret, SSL_get_error()
 * `code` and errno `cerr` (both read right after the call). */
Value ssl_err_io(SslSock *s, int ret, int code, int cerr, int line);
/* Add the exception classes to the module dict. */
int   ssl_err_add(Value dict);
/* A setter's check: deleting the attribute is an AttributeError. */
int   ssl_no_delete(Value v);
/* The names of lib and reason codes (None when unknown). */
Value ssl_err_lib_name(int lib);
Value ssl_err_reason_name(int lib, int reason);

/* ---- ssl_cert.c ---- */
Value ssl_cert_decode(X509 *cert);             /* getpeercert()'s dict */
Value ssl_cert_der(X509 *cert);                /* DER bytes */
Value ssl_cert_asn1obj(const ASN1_OBJECT *obj);    /* (nid, sn, ln, oid) */
X509 *ssl_cert_load_file(Value path);          /* a PEM file (raised) */
Value ssl_certificate_new(X509 *cert);         /* an _ssl.Certificate (its own reference) */

/* ---- the GIL around OpenSSL calls ---- */
/* ssl_gil_release: give the GIL up for an OpenSSL call; ssl_gil_restore: take
 * it back.  A callback OpenSSL makes in between brackets its Python code with
 * `int t = ssl_gil_enter(); ... ssl_gil_leave(t);` (which take the GIL only
 * when this thread had released it, and nest). */
void  ssl_gil_release(void);
void  ssl_gil_restore(void);
int   ssl_gil_enter(void);
void  ssl_gil_leave(int token);

/* ---- ssl_ctxcfg.c: _SSLContext's methods and attributes (ssl_ctx.c's tables) ---- */
Value ssl_cfg_load_cert_chain(Value *args, int nargs, Value kwnames);
Value ssl_cfg_load_verify_locations(Value *args, int nargs, Value kwnames);
Value ssl_cfg_load_dh_params(Value *args, int nargs, Value kwnames);
Value ssl_cfg_set_default_verify_paths(Value *args, int nargs, Value kwnames);
Value ssl_cfg_set_ecdh_curve(Value *args, int nargs, Value kwnames);
Value ssl_cfg_set_alpn_protocols(Value *args, int nargs, Value kwnames);
Value ssl_cfg_get_sni(Value self);
int   ssl_cfg_set_sni(Value self, Value v);
Value ssl_cfg_get_msg_cb(Value self);
int   ssl_cfg_set_msg_cb(Value self, Value v);
Value ssl_cfg_get_keylog(Value self);
int   ssl_cfg_set_keylog(Value self, Value v);
/* The Python object a callback is given for a connection: its owner, its
 * socket, or the _SSLSocket itself. */
Value ssl_cfg_callback_target(SslSock *s);

/* ---- ssl_sock.c ---- */
/* A new _SSLSocket over sock (a _socket.socket) or over in/out MemoryBIOs. */
Value ssl_sock_new(SslCtx *c, Value sock, Value in_bio, Value out_bio, int server_side,
                   Value hostname, Value owner, Value session);
/* The SslSock behind an SSL (its app data). */
SslSock *ssl_sock_of(const SSL *ssl);
/* Record the exception a callback raised: raised again after the SSL call. */
void  ssl_sock_callback_error(SslSock *s);

/* ---- ssl_bio.c ---- */
Value ssl_session_new(SSL_SESSION *sess, Value ctx);

#endif
