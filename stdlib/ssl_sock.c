/* ssl_sock.c - `_ssl._SSLSocket`: one TLS connection, over a socket's
 * descriptor (ssl.SSLSocket) or over two MemoryBIOs (ssl.SSLObject).
 *
 * Each operation (handshake, read, write, shutdown) is CPython's loop: call
 * OpenSSL with the GIL released; when it wants to read or write, wait for
 * the socket with poll() for what is left of the socket's timeout (raising
 * TimeoutError "The read operation timed out"...), or, on a non-blocking
 * socket or MemoryBIOs, stop and raise SSLWantReadError/SSLWantWriteError; a
 * blocking socket blocks inside OpenSSL.  The socket's timeout is read at
 * every operation, since ssl.py may change it between them, and the BIO's
 * non-blocking mode follows it.  Signals are checked after every call (PEP
 * 475: an interrupted call is retried when the handlers do not raise).
 *
 * Python callbacks OpenSSL makes meanwhile (ssl_ctxcfg.c) may leave an
 * exception in cb_error: it is raised when the operation returns, chained
 * with the operation's own error if both failed.
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>

#include "ssl.h"
#include "sock.h"
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/gil.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_list.h"
#include "runtime/obj_memoryview.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "runtime/signals.h"

#define SSOCK(v) ((SslSock *)AS_OBJ(v))
#define SELF SSOCK(args[0])

static void ssock_trace(Obj *o)
{
    SslSock *s = (SslSock *)o;
    gc_mark_value(s->ctx);
    gc_mark_value(s->sock);
    gc_mark_value(s->owner);
    gc_mark_value(s->server_hostname);
    gc_mark_value(s->in_bio);
    gc_mark_value(s->out_bio);
    if (!IS_NULL(s->cb_error)) gc_mark_value(s->cb_error);
}

static void ssock_finalize(Obj *o)
{
    SslSock *s = (SslSock *)o;
    if (s->ssl) SSL_free(s->ssl);
    s->ssl = NULL;
}

SslSock *ssl_sock_of(const SSL *ssl) { return SSL_get_app_data(ssl); }

void ssl_sock_callback_error(SslSock *s)
{
    Value e = err_fetch();
    if (IS_NULL(s->cb_error)) s->cb_error = e;
}

/* Raise the callback's exception, if any, with the operation's as context.
 * Returns VAL_NULL when something is raised, else `ok`. */
static Value ssock_finish(SslSock *s, Value ok)
{
    if (IS_NULL(s->cb_error)) return ok;
    Value cb = s->cb_error, op = err_fetch();
    s->cb_error = VAL_NULL;
    if (!IS_NULL(op)) exc_set_context(cb, op);
    return err_set_obj(cb);
}

/* ---- the socket underneath ---------------------------------------------------------- */

enum { WAIT_OK, WAIT_NONBLOCKING, WAIT_BLOCKING, WAIT_TIMED_OUT, WAIT_CLOSED, WAIT_ERROR };

static SockObj *ssock_socket(SslSock *s) { return IS_NONE(s->sock) ? NULL : (SockObj *)AS_OBJ(s->sock); }

static double ssock_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Before an operation: the socket is still open; the BIO's blocking mode
 * follows its timeout.  *timeout gets the timeout (0 for MemoryBIOs). */
static int ssock_prepare(SslSock *s, double *timeout)
{
    SockObj *so = ssock_socket(s);
    *timeout = 0;
    if (!so) return 0;
    if (so->fd < 0) {
        ssl_err_lib("Underlying socket connection gone", __LINE__);
        return -1;
    }
    int nb = so->timeout >= 0;
    BIO_set_nbio(SSL_get_rbio(s->ssl), nb);
    BIO_set_nbio(SSL_get_wbio(s->ssl), nb);
    *timeout = so->timeout;
    return 0;
}

/* Wait for the socket to be readable or writable, as CPython's PySSL_select. */
static int ssock_wait(SslSock *s, int writing, double timeout)
{
    SockObj *so = ssock_socket(s);
    if (!so || timeout == 0) return WAIT_NONBLOCKING;
    if (timeout < 0) return so->timeout > 0 ? WAIT_TIMED_OUT : WAIT_BLOCKING;
    if (so->fd < 0) return WAIT_CLOSED;
    int ms = timeout * 1000 >= INT_MAX ? INT_MAX : (int)ceil(timeout * 1000);
    struct pollfd p = {.fd = so->fd, .events = writing ? POLLOUT : POLLIN};
    int r, err;
    GIL_BLOCKING_BEGIN(GIL_REASON_IO);
    r = poll(&p, 1, ms);
    err = errno;
    GIL_BLOCKING_END();
    if (r < 0 && err == EINTR) return sig_check() < 0 ? WAIT_ERROR : WAIT_OK;
    if (r < 0) { errno = err; err_from_errno(&exc_OSError, VAL_NULL); return WAIT_ERROR; }
    return r == 0 ? WAIT_TIMED_OUT : WAIT_OK;
}

/* Raise for a wait that ended the operation: 1 when it did.  The handshake's
 * messages start with a source position, as CPython's do. */
static int ssock_wait_failed(int w, const char *timeout_msg, int handshake)
{
    char pos[32] = "";
    if (handshake) snprintf(pos, sizeof pos, "_ssl.c:%d: ", __LINE__);
    if (w == WAIT_TIMED_OUT) { err_format(&exc_TimeoutError, "%s%s", pos, timeout_msg); return 1; }
    if (w == WAIT_CLOSED) { err_format(ssl_exc_error, "%sUnderlying socket has been closed.", pos); return 1; }
    return w == WAIT_ERROR;
}

/* One OpenSSL call's outcome, read before the GIL is taken back. */
typedef struct {
    int ret, code, cerr;
    size_t count;
} SslRes;

typedef enum { OP_HANDSHAKE, OP_READ, OP_WRITE } SslOp;

static void ssock_call(SslSock *s, SslOp op, void *buf, size_t len, SslRes *r)
{
    ERR_clear_error();
    ssl_gil_release();
    errno = 0;
    int failed;
    switch (op) {
    case OP_HANDSHAKE:
        r->ret = SSL_do_handshake(s->ssl);
        failed = r->ret < 1;
        break;
    case OP_READ:
        r->ret = SSL_read_ex(s->ssl, buf, len, &r->count);
        failed = r->ret == 0;
        break;
    default:
        r->ret = SSL_write_ex(s->ssl, buf, len, &r->count);
        failed = r->ret == 0;
        break;
    }
    r->cerr = errno;
    r->code = failed ? SSL_get_error(s->ssl, r->ret) : SSL_ERROR_NONE;
    ssl_gil_restore();
}

static const char *const ssock_timeout_msgs[] = {"The handshake operation timed out",
                                                 "The read operation timed out",
                                                 "The write operation timed out"};

/* Run op until it succeeds or fails for good: 0, or -1 raised.  A read that
 * finds the peer's close_notify succeeds with no bytes (*eof set). */
static int ssock_run(SslSock *s, SslOp op, void *buf, size_t len, SslRes *r, int *eof)
{
    double timeout;
    if (ssock_prepare(s, &timeout) < 0) return -1;
    double deadline = timeout > 0 ? ssock_now() + timeout : 0;
    if (op == OP_WRITE && ssock_wait_failed(ssock_wait(s, 1, timeout), ssock_timeout_msgs[op], 0)) return -1;
    for (;;) {
        ssock_call(s, op, buf, len, r);
        if (sig_check() < 0) return -1;
        if (timeout > 0) timeout = fmax(deadline - ssock_now(), 0);
        int w = WAIT_OK;
        if (r->code == SSL_ERROR_WANT_READ) w = ssock_wait(s, 0, timeout);
        else if (r->code == SSL_ERROR_WANT_WRITE) w = ssock_wait(s, 1, timeout);
        else if (op == OP_READ && r->code == SSL_ERROR_ZERO_RETURN &&
                 SSL_get_shutdown(s->ssl) == SSL_RECEIVED_SHUTDOWN) {
            *eof = 1;
            return 0;
        } else if (r->code == SSL_ERROR_SYSCALL && r->cerr == EINTR && ERR_peek_error() == 0) {
            continue;                              /* PEP 475: the handlers did not raise */
        }
        if (ssock_wait_failed(w, ssock_timeout_msgs[op], op == OP_HANDSHAKE)) return -1;
        if (w == WAIT_NONBLOCKING) break;
        if (r->code != SSL_ERROR_WANT_READ && r->code != SSL_ERROR_WANT_WRITE) break;
    }
    if (r->code != SSL_ERROR_NONE) {
        ssl_err_io(s, r->ret, r->code, r->cerr, __LINE__);
        return -1;
    }
    return 0;
}

/* ---- creation ----------------------------------------------------------------------- */

static int ssock_hostname(SslSock *s, Value host)
{
    const char *name = STR_DATA(host);
    ASN1_OCTET_STRING *ip = a2i_IPADDRESS(name);
    if (!ip) ERR_clear_error();
    int ok = 1;
    if (!ip && !s->server_side) ok = SSL_set_tlsext_host_name(s->ssl, name);
    if (ok && ((SslCtx *)AS_OBJ(s->ctx))->check_hostname) {
        X509_VERIFY_PARAM *p = SSL_get0_param(s->ssl);
        ok = ip ? X509_VERIFY_PARAM_set1_ip(p, ASN1_STRING_get0_data(ip), (size_t)ASN1_STRING_length(ip))
                : X509_VERIFY_PARAM_set1_host(p, name, strlen(name));
    }
    if (ip) ASN1_OCTET_STRING_free(ip);
    if (!ok) { ssl_err_lib(NULL, __LINE__); return -1; }
    s->server_hostname = host;
    return 0;
}

static int ssock_set_session(SslSock *s, Value v);

static void ssock_post_handshake_auth(SslSock *s, SslCtx *c)
{
    if (!c->post_handshake_auth) return;
    if (s->server_side) {
        int mode = SSL_get_verify_mode(s->ssl);
        if (mode & SSL_VERIFY_PEER)
            SSL_set_verify(s->ssl, mode | SSL_VERIFY_POST_HANDSHAKE, SSL_get_verify_callback(s->ssl));
    } else {
        SSL_set_post_handshake_auth(s->ssl, 1);
    }
}

Value ssl_sock_new(SslCtx *c, Value sock, Value in_bio, Value out_bio, int server_side, Value hostname,
                   Value owner, Value session)
{
    if (server_side && c->protocol == 0x10)
        return ssl_err_lib("Cannot create a server socket with a PROTOCOL_TLS_CLIENT context", __LINE__);
    if (!server_side && c->protocol == 0x11)
        return ssl_err_lib("Cannot create a client socket with a PROTOCOL_TLS_SERVER context", __LINE__);
    SslSock *s = (SslSock *)gc_alloc(&type_ssl_sock, sizeof(SslSock));
    if (!s) return VAL_NULL;
    s->ctx = MK_OBJ(c);
    s->sock = sock;
    s->in_bio = in_bio;
    s->out_bio = out_bio;
    s->owner = owner;
    s->server_hostname = VAL_NONE;
    s->cb_error = VAL_NULL;
    s->server_side = server_side;
    ERR_clear_error();
    s->ssl = SSL_new(c->ctx);
    if (!s->ssl) return ssl_err_lib(NULL, __LINE__);
    SSL_set_app_data(s->ssl, s);
    if (!IS_NONE(sock)) {
        SSL_set_fd(s->ssl, ((SockObj *)AS_OBJ(sock))->fd);
    } else {
        BIO *in = ((SslBio *)AS_OBJ(in_bio))->bio, *out = ((SslBio *)AS_OBJ(out_bio))->bio;
        BIO_up_ref(in);
        BIO_up_ref(out);
        SSL_set_bio(s->ssl, in, out);
    }
    SSL_set_mode(s->ssl, SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_AUTO_RETRY);
    ssock_post_handshake_auth(s, c);
    if (!IS_NONE(hostname) && ssock_hostname(s, hostname) < 0) return VAL_NULL;
    if (!IS_NONE(sock) && ((SockObj *)AS_OBJ(sock))->timeout >= 0) {
        BIO_set_nbio(SSL_get_rbio(s->ssl), 1);
        BIO_set_nbio(SSL_get_wbio(s->ssl), 1);
    }
    if (server_side) SSL_set_accept_state(s->ssl);
    else SSL_set_connect_state(s->ssl);
    if (!IS_NONE(session) && ssock_set_session(s, session) < 0) return VAL_NULL;
    return MK_OBJ(s);
}

static Value ssock_new_m(Value *args, int nargs, Value kwnames)
{
    return err_format(&exc_TypeError, "cannot create '_ssl._SSLSocket' instances");
}

/* ---- operations -------------------------------------------------------------------- */

static Value ssock_do_handshake_m(Value *args, int nargs, Value kwnames)
{
    SslSock *s = SELF;
    SslRes r;
    int eof = 0;
    int rc = ssock_run(s, OP_HANDSHAKE, NULL, 0, &r, &eof);
    return ssock_finish(s, rc < 0 ? VAL_NULL : VAL_NONE);
}

/* read(size, [buffer]): bytes, or the count read into buffer. */
static Value ssock_read_m(Value *args, int nargs, Value kwnames)
{
    SslSock *s = SELF;
    if (nargs < 2 || nargs > 3 || arg_no_kw("read", kwnames) < 0) {
        if (!err_occurred()) err_format(&exc_TypeError, "read() takes 1 or 2 arguments (%d given)", nargs - 1);
        return VAL_NULL;
    }
    int64_t len;
    if (arg_to_ssize(args[1], &len) < 0) return VAL_NULL;
    Buffer buf;
    int into = nargs == 3;
    if (!into && len < 0) return err_format(&exc_ValueError, "size should not be negative");
    if (into) {
        if (buffer_get(args[2], &buf, BUF_WRITABLE) < 0) return VAL_NULL;
        if (len <= 0 || len > buf.len) len = buf.len;
    } else {
        if (len > INT_MAX) len = INT_MAX;
        buf.buf = gc_sys_malloc(len ? (size_t)len : 1);
        if (!buf.buf) return err_no_memory();
    }
    Value out = VAL_NULL;
    SslRes r = {0};
    int eof = 0, rc = len == 0 ? 0 : ssock_run(s, OP_READ, buf.buf, (size_t)len, &r, &eof);
    if (rc == 0) out = into ? MK_SMALLINT((int64_t)r.count) : bytes_new(buf.buf, eof ? 0 : r.count);
    if (eof && into) out = MK_SMALLINT(0);
    if (into) buffer_release(&buf);
    else free(buf.buf);
    return ssock_finish(s, out);
}

static Value ssock_write_m(Value *args, int nargs, Value kwnames)
{
    SslSock *s = SELF;
    Buffer buf;
    if (buffer_get(args[1], &buf, BUF_SIMPLE) < 0) return VAL_NULL;
    Value out = VAL_NULL;
    if (buf.len > INT_MAX) {
        err_format(&exc_OverflowError, "string longer than %d bytes", INT_MAX);
    } else {
        SslRes r = {0};
        int eof = 0;
        if (ssock_run(s, OP_WRITE, buf.buf, (size_t)buf.len, &r, &eof) == 0) out = MK_SMALLINT((int64_t)r.count);
    }
    buffer_release(&buf);
    return ssock_finish(s, out);
}

static Value ssock_pending_m(Value *args, int nargs, Value kwnames)
{
    int n = SSL_pending(SELF->ssl);
    if (n < 0) return ssl_err_lib(NULL, __LINE__);
    return MK_SMALLINT(n);
}

/* One SSL_shutdown() with the GIL released. */
static int ssock_shutdown_once(SslSock *s, SslRes *r)
{
    ERR_clear_error();
    ssl_gil_release();
    if (s->shutdown_zero) SSL_set_read_ahead(s->ssl, 0);
    errno = 0;
    r->ret = SSL_shutdown(s->ssl);
    r->cerr = errno;
    r->code = r->ret < 0 ? SSL_get_error(s->ssl, r->ret) : SSL_ERROR_NONE;
    ssl_gil_restore();
    return r->ret;
}

/* shutdown(): the TLS close; returns the socket (None for MemoryBIOs). */
static Value ssock_shutdown_m(Value *args, int nargs, Value kwnames)
{
    SslSock *s = SELF;
    double timeout;
    if (ssock_prepare(s, &timeout) < 0) return VAL_NULL;
    double deadline = timeout > 0 ? ssock_now() + timeout : 0;
    SslRes r;
    int zeros = 0;
    for (;;) {
        int ret = ssock_shutdown_once(s, &r);
        if (ret > 0) break;
        if (ret == 0) {
            if (++zeros > 1) break;
            s->shutdown_zero = 1;
            continue;
        }
        if (timeout > 0) timeout = fmax(deadline - ssock_now(), 0);
        int w;
        if (r.code == SSL_ERROR_WANT_READ) w = ssock_wait(s, 0, timeout);
        else if (r.code == SSL_ERROR_WANT_WRITE) w = ssock_wait(s, 1, timeout);
        else break;
        const char *msg = ssock_timeout_msgs[r.code == SSL_ERROR_WANT_READ ? OP_READ : OP_WRITE];
        if (w != WAIT_CLOSED && ssock_wait_failed(w, msg, 0)) return ssock_finish(s, VAL_NULL);
        if (w != WAIT_OK && w != WAIT_BLOCKING) break;
    }
    if (r.ret < 0) {
        ssl_err_io(s, r.ret, r.code, r.cerr, __LINE__);
        return ssock_finish(s, VAL_NULL);
    }
    return ssock_finish(s, s->sock);
}

/* ---- what the connection is ---------------------------------------------------------- */

static Value ssock_getpeercert_m(Value *args, int nargs, Value kwnames)
{
    SslSock *s = SELF;
    int binary = 0;
    if (!IS_NULL(args[1]) && (binary = obj_truthy(args[1])) < 0) return VAL_NULL;
    if (!SSL_is_init_finished(s->ssl)) return err_format(&exc_ValueError, "handshake not done yet");
    X509 *cert = SSL_get1_peer_certificate(s->ssl);
    if (!cert) return VAL_NONE;
    Value r;
    if (binary) r = ssl_cert_der(cert);
    else if (!(SSL_CTX_get_verify_mode(SSL_get_SSL_CTX(s->ssl)) & SSL_VERIFY_PEER)) r = dict_new();
    else r = ssl_cert_decode(cert);
    X509_free(cert);
    return r;
}

static Value ssock_cipher_tuple(const SSL_CIPHER *c)
{
    const char *name = SSL_CIPHER_get_name(c), *ver = SSL_CIPHER_get_version(c);
    return tuple_pack(3, name ? str_from_c(name) : VAL_NONE, ver ? str_from_c(ver) : VAL_NONE,
                      MK_SMALLINT(SSL_CIPHER_get_bits(c, NULL)));
}

static Value ssock_cipher_m(Value *args, int nargs, Value kwnames)
{
    const SSL_CIPHER *c = SSL_get_current_cipher(SELF->ssl);
    return c ? ssock_cipher_tuple(c) : VAL_NONE;
}

/* The ciphers this side offers (CPython 3.11 lists them all, not the
 * intersection with the peer's). */
static Value ssock_shared_ciphers_m(Value *args, int nargs, Value kwnames)
{
    STACK_OF(SSL_CIPHER) *ciphers = SSL_get_ciphers(SELF->ssl);
    if (!ciphers) return VAL_NONE;
    Value out = list_new(0);
    for (int i = 0; !IS_NULL(out) && i < sk_SSL_CIPHER_num(ciphers); i++) {
        Value t = ssock_cipher_tuple(sk_SSL_CIPHER_value(ciphers, i));
        if (IS_NULL(t) || list_append(out, t) < 0) out = VAL_NULL;
    }
    return out;
}

static Value ssock_version_m(Value *args, int nargs, Value kwnames)
{
    if (!SSL_is_init_finished(SELF->ssl)) return VAL_NONE;
    const char *v = SSL_get_version(SELF->ssl);
    return !v || strcmp(v, "unknown") == 0 ? VAL_NONE : str_from_c(v);
}

static Value ssock_alpn_m(Value *args, int nargs, Value kwnames)
{
    const unsigned char *p;
    unsigned n;
    SSL_get0_alpn_selected(SELF->ssl, &p, &n);
    return p && n ? str_decode(p, n, "utf-8", "strict") : VAL_NONE;
}

static Value ssock_compression_m(Value *args, int nargs, Value kwnames) { return VAL_NONE; }

static Value ssock_channel_binding_m(Value *args, int nargs, Value kwnames)
{
    SslSock *s = SELF;
    const char *kind = "tls-unique";
    if (!IS_NULL(args[1])) {
        if (!IS_STR(args[1]))
            return err_format(&exc_TypeError, "get_channel_binding() argument 'cb_type' must be str, not %T",
                              args[1]);
        kind = STR_DATA(args[1]);
    }
    if (strcmp(kind, "tls-unique") != 0)
        return err_format(&exc_ValueError, "'%s' channel binding type not implemented", kind);
    unsigned char buf[128];
    size_t n = (SSL_session_reused(s->ssl) ^ !s->server_side) ? SSL_get_finished(s->ssl, buf, sizeof buf)
                                                                : SSL_get_peer_finished(s->ssl, buf, sizeof buf);
    return n == 0 ? VAL_NONE : bytes_new(buf, n);
}

static Value ssock_verify_pha_m(Value *args, int nargs, Value kwnames)
{
    if (!SSL_verify_client_post_handshake(SELF->ssl)) return ssl_err_lib(NULL, __LINE__);
    return VAL_NONE;
}

/* The certificates of a chain as a list of DER-backed dicts' source objects. */
static Value ssock_chain(STACK_OF(X509) *chain)
{
    Value out = list_new(0);
    if (!chain) return out;
    for (int i = 0; !IS_NULL(out) && i < sk_X509_num(chain); i++) {
        Value c = ssl_certificate_new(sk_X509_value(chain, i));
        if (IS_NULL(c) || list_append(out, c) < 0) out = VAL_NULL;
    }
    return out;
}

static Value ssock_verified_chain_m(Value *args, int nargs, Value kwnames)
{
    STACK_OF(X509) *chain = SSL_get0_verified_chain(SELF->ssl);
    return chain ? ssock_chain(chain) : VAL_NONE;
}

static Value ssock_unverified_chain_m(Value *args, int nargs, Value kwnames)
{
    STACK_OF(X509) *chain = SSL_get_peer_cert_chain(SELF->ssl);
    if (!chain) return VAL_NONE;
    Value out = ssock_chain(chain);
    if (IS_NULL(out) || !SELF->server_side) return out;
    /* a server's peer chain leaves out the client's own certificate */
    X509 *peer = SSL_get1_peer_certificate(SELF->ssl);
    if (!peer) return out;
    Value c = ssl_certificate_new(peer);
    X509_free(peer);
    return IS_NULL(c) || list_insert(out, 0, c) < 0 ? VAL_NULL : out;
}

/* ---- attributes ------------------------------------------------------------------------ */

static int ssock_set_session(SslSock *s, Value v)
{
    if (!val_isinstance(v, &type_ssl_session)) {
        err_format(&exc_TypeError, "Value is not a SSLSession.");
        return -1;
    }
    SslSession *sess = (SslSession *)AS_OBJ(v);
    if (((SslCtx *)AS_OBJ(s->ctx))->ctx != ((SslCtx *)AS_OBJ(sess->ctx))->ctx) {
        err_format(&exc_ValueError, "Session refers to a different SSLContext.");
        return -1;
    }
    if (s->server_side) {
        err_format(&exc_ValueError, "Cannot set session for server-side SSLSocket.");
        return -1;
    }
    if (SSL_is_init_finished(s->ssl)) {
        err_format(&exc_ValueError, "Cannot set session after handshake.");
        return -1;
    }
    if (!SSL_set_session(s->ssl, sess->session)) { ssl_err_lib(NULL, __LINE__); return -1; }
    return 0;
}

static Value ssock_get_session(Value self)
{
    SSL_SESSION *sess = SSL_get1_session(SSOCK(self)->ssl);
    return sess ? ssl_session_new(sess, SSOCK(self)->ctx) : VAL_NONE;
}

static int ssock_set_session_attr(Value self, Value v)
{
    return ssl_no_delete(v) < 0 ? -1 : ssock_set_session(SSOCK(self), v);
}

static Value ssock_get_session_reused(Value self) { return MK_BOOL(SSL_session_reused(SSOCK(self)->ssl)); }

static Value ssock_get_context(Value self) { return SSOCK(self)->ctx; }

static int ssock_set_context(Value self, Value v)
{
    if (IS_NULL(v) || !val_isinstance(v, &type_ssl_ctx)) {
        err_format(&exc_TypeError, "The value must be a SSLContext");
        return -1;
    }
    SslSock *s = SSOCK(self);
    SslCtx *c = (SslCtx *)AS_OBJ(v);
    SSL_set_SSL_CTX(s->ssl, c->ctx);
    s->ctx = v;
    return 0;
}

static Value ssock_get_server_side(Value self) { return MK_BOOL(SSOCK(self)->server_side); }
static Value ssock_get_server_hostname(Value self) { return SSOCK(self)->server_hostname; }
static Value ssock_get_owner(Value self) { return SSOCK(self)->owner; }

static int ssock_set_owner(Value self, Value v)
{
    if (ssl_no_delete(v) < 0) return -1;
    SSOCK(self)->owner = v;
    return 0;
}

static const GetSetDef ssock_getsets[] = {
    {"context", ssock_get_context, ssock_set_context, "The SSLContext this connection uses."},
    {"server_side", ssock_get_server_side, NULL, "Whether this is a server-side socket."},
    {"server_hostname", ssock_get_server_hostname, NULL, "The currently set server hostname (for SNI)."},
    {"owner", ssock_get_owner, ssock_set_owner, "The Python-level owner of this object."},
    {"session", ssock_get_session, ssock_set_session_attr, "The underlying SSLSession object."},
    {"session_reused", ssock_get_session_reused, NULL, "Was the client session reused during handshake?"},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef ssock_methods[] = {
    {"__new__", ssock_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"do_handshake", ssock_do_handshake_m, ARGS_NONE, NULL},
    {"read", ssock_read_m, ARGS_ANY, "read(size, [buffer])\nRead up to size bytes from the SSL socket."},
    {"write", ssock_write_m, ARGS_ONE, NULL},
    {"pending", ssock_pending_m, ARGS_NONE, NULL},
    {"shutdown", ssock_shutdown_m, ARGS_NONE, NULL},
    {"getpeercert", ssock_getpeercert_m, ARGS_POS(0, 1), NULL},
    {"cipher", ssock_cipher_m, ARGS_NONE, NULL},
    {"shared_ciphers", ssock_shared_ciphers_m, ARGS_NONE, NULL},
    {"version", ssock_version_m, ARGS_NONE, NULL},
    {"selected_alpn_protocol", ssock_alpn_m, ARGS_NONE, NULL},
    {"compression", ssock_compression_m, ARGS_NONE, NULL},
    {"get_channel_binding", ssock_channel_binding_m, ARGS_KW, NULL, "($self, /, cb_type='tls-unique')"},
    {"verify_client_post_handshake", ssock_verify_pha_m, ARGS_NONE, NULL},
    {"get_verified_chain", ssock_verified_chain_m, ARGS_NONE, NULL},
    {"get_unverified_chain", ssock_unverified_chain_m, ARGS_NONE, NULL},
    {NULL, NULL, 0, NULL},
};

Type type_ssl_sock = {
    .tp_name = "_ssl._SSLSocket", .base = &type_object,
    .basicsize = sizeof(SslSock), .trace = ssock_trace, .finalize = ssock_finalize,
    .methods = ssock_methods, .getsets = ssock_getsets,
};
GILPY_TYPE(type_ssl_sock, NULL);
