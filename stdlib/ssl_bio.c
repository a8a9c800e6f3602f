/* ssl_bio.c - `_ssl.MemoryBIO` and `_ssl.SSLSession`.
 *
 * A MemoryBIO is an OpenSSL memory BIO that ssl.SSLObject reads from and
 * writes to instead of a socket (asyncio's TLS runs on two of them).  Empty,
 * it reports "retry" rather than EOF, so an SSL call over it says
 * SSL_ERROR_WANT_READ; write_eof() makes the next read an EOF.  An SSL that
 * uses a MemoryBIO holds its own reference to the BIO.
 *
 * An SSLSession wraps an SSL_SESSION (with a reference of its own) and the
 * context it came from, which ssl.py checks before reusing it.
 */
#include <limits.h>
#include <string.h>
#include <openssl/err.h>

#include "ssl.h"
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_memoryview.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"

#define BIO_SELF ((SslBio *)AS_OBJ(args[0]))

static void bio_finalize(Obj *o)
{
    SslBio *b = (SslBio *)o;
    if (b->bio) BIO_free(b->bio);
    b->bio = NULL;
}

static Value bio_new_m(Value *args, int nargs, Value kwnames)
{
    if (arg_no_kw("MemoryBIO", kwnames) < 0) return VAL_NULL;
    if (nargs > 1) return err_format(&exc_TypeError, "MemoryBIO() takes no arguments");
    SslBio *b = (SslBio *)obj_new_instance(AS_TYPE(args[0]));
    if (!b) return VAL_NULL;
    b->bio = BIO_new(BIO_s_mem());
    if (!b->bio) return err_format(&exc_MemoryError, "failed to allocate BIO");
    BIO_set_retry_read(b->bio);
    BIO_set_mem_eof_return(b->bio, -1);
    return MK_OBJ(b);
}

static Value bio_get_pending(Value self)
{
    return MK_SMALLINT((int64_t)BIO_ctrl_pending(((SslBio *)AS_OBJ(self))->bio));
}

static Value bio_get_eof(Value self)
{
    SslBio *b = (SslBio *)AS_OBJ(self);
    return MK_BOOL(BIO_ctrl_pending(b->bio) == 0 && b->eof_written);
}

/* read(size=-1): at most size bytes of what is buffered. */
static Value bio_read_m(Value *args, int nargs, Value kwnames)
{
    SslBio *b = BIO_SELF;
    int size = -1;
    if (!IS_NULL(args[1]) && arg_to_int(args[1], &size) < 0) return VAL_NULL;
    int avail = (int)(BIO_ctrl_pending(b->bio) > INT_MAX ? INT_MAX : BIO_ctrl_pending(b->bio));
    int len = size < 0 || size > avail ? avail : size;
    Bytes *out = bytes_alloc((size_t)len);
    if (!out) return VAL_NULL;
    if (len == 0) return MK_OBJ(out);
    int n = BIO_read(b->bio, out->data, len);
    if (n < 0) {
        if (BIO_should_retry(b->bio)) return bytes_new("", 0);
        return ssl_err_lib(NULL, __LINE__);
    }
    return n == len ? MK_OBJ(out) : bytes_new(out->data, (size_t)n);
}

static Value bio_write_m(Value *args, int nargs, Value kwnames)
{
    SslBio *b = BIO_SELF;
    Buffer buf;
    if (buffer_get(args[1], &buf, BUF_SIMPLE) < 0) return VAL_NULL;
    Value r = VAL_NULL;
    if (buf.len > INT_MAX) {
        err_format(&exc_OverflowError, "string longer than %d bytes", INT_MAX);
    } else if (b->eof_written) {
        err_set_value(ssl_exc_error, str_from_c("cannot write() after write_eof()"));
    } else {
        int n = BIO_write(b->bio, buf.buf, (int)buf.len);
        if (n < 0 && buf.len > 0) ssl_err_lib(NULL, __LINE__);
        else r = MK_SMALLINT(n < 0 ? 0 : n);
    }
    buffer_release(&buf);
    return r;
}

static Value bio_write_eof_m(Value *args, int nargs, Value kwnames)
{
    SslBio *b = BIO_SELF;
    b->eof_written = 1;
    BIO_clear_retry_flags(b->bio);
    BIO_set_mem_eof_return(b->bio, 0);
    return VAL_NONE;
}

static const GetSetDef bio_getsets[] = {
    {"pending", bio_get_pending, NULL, "The number of bytes pending in the memory BIO."},
    {"eof", bio_get_eof, NULL, "Whether the memory BIO is at EOF."},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef bio_methods[] = {
    {"__new__", bio_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"read", bio_read_m, ARGS_POS(0, 1), "Read up to size bytes from the memory BIO."},
    {"write", bio_write_m, ARGS_ONE, "Writes the bytes b into the memory BIO."},
    {"write_eof", bio_write_eof_m, ARGS_NONE, "Write an EOF marker to the memory BIO."},
    {NULL, NULL, 0, NULL},
};

Type type_ssl_bio = {
    .tp_name = "_ssl.MemoryBIO", .base = &type_object,
    .basicsize = sizeof(SslBio), .finalize = bio_finalize,
    .methods = bio_methods, .getsets = bio_getsets,
};
GILPY_TYPE(type_ssl_bio, NULL);

/* ---- SSLSession ------------------------------------------------------------------- */

#define SESS(v) ((SslSession *)AS_OBJ(v))

static void session_trace(Obj *o) { gc_mark_value(((SslSession *)o)->ctx); }

static void session_finalize(Obj *o)
{
    SslSession *s = (SslSession *)o;
    if (s->session) SSL_SESSION_free(s->session);
    s->session = NULL;
}

Value ssl_session_new(SSL_SESSION *sess, Value ctx)
{
    SslSession *s = (SslSession *)gc_alloc(&type_ssl_session, sizeof(SslSession));
    if (!s) { SSL_SESSION_free(sess); return VAL_NULL; }
    s->session = sess;
    s->ctx = ctx;
    return MK_OBJ(s);
}

static Value session_new_m(Value *args, int nargs, Value kwnames)
{
    return err_format(&exc_TypeError, "cannot create '_ssl.SSLSession' instances");
}

static Value session_eq_m(Value *args, int nargs, Value kwnames)
{
    if (!IS_OBJ(args[1]) || val_type(args[1]) != &type_ssl_session) return VAL_NOTIMPLEMENTED;
    unsigned la, lb;
    const unsigned char *a = SSL_SESSION_get_id(SESS(args[0])->session, &la);
    const unsigned char *b = SSL_SESSION_get_id(SESS(args[1])->session, &lb);
    return MK_BOOL(args[0] == args[1] || (la == lb && memcmp(a, b, la) == 0));
}

static Value session_ne_m(Value *args, int nargs, Value kwnames)
{
    Value r = session_eq_m(args, nargs, kwnames);
    return IS_BOOL(r) ? MK_BOOL(!AS_BOOL(r)) : r;
}

static Value session_get_id(Value self)
{
    unsigned n;
    const unsigned char *id = SSL_SESSION_get_id(SESS(self)->session, &n);
    return bytes_new(id, n);
}

static Value session_get_time(Value self) { return MK_SMALLINT((int64_t)SSL_SESSION_get_time(SESS(self)->session)); }
static Value session_get_timeout(Value self)
{
    return MK_SMALLINT((int64_t)SSL_SESSION_get_timeout(SESS(self)->session));
}
static Value session_get_hint(Value self)
{
    return MK_SMALLINT((int64_t)SSL_SESSION_get_ticket_lifetime_hint(SESS(self)->session));
}
static Value session_get_has_ticket(Value self) { return MK_BOOL(SSL_SESSION_has_ticket(SESS(self)->session)); }

static const GetSetDef session_getsets[] = {
    {"id", session_get_id, NULL, "Session id"},
    {"time", session_get_time, NULL, "Session creation time (seconds since epoch)."},
    {"timeout", session_get_timeout, NULL, "Session timeout (delta in seconds)."},
    {"ticket_lifetime_hint", session_get_hint, NULL, "Ticket life time hint."},
    {"has_ticket", session_get_has_ticket, NULL, "Does the session contain a ticket?"},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef session_methods[] = {
    {"__new__", session_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__eq__", session_eq_m, ARGS_WRAP(1), NULL},
    {"__ne__", session_ne_m, ARGS_WRAP(1), NULL},
    {"__hash__", NULL, 0, NULL},
    {NULL, NULL, 0, NULL},
};

Type type_ssl_session = {
    .tp_name = "_ssl.SSLSession", .base = &type_object,
    .basicsize = sizeof(SslSession), .trace = session_trace, .finalize = session_finalize,
    .methods = session_methods, .getsets = session_getsets,
};
GILPY_TYPE(type_ssl_session, NULL);
