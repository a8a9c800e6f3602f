/* mod_socket.c - the `_socket` module: the socket object and the module
 * around it, what CPython's socket.py, selectors, asyncio, socketserver and
 * multiprocessing build on.
 *
 * A socket object is a descriptor plus the family, type and protocol it was
 * made with and a timeout: None (-1 here) is a blocking descriptor, 0 a
 * non-blocking one, and a positive timeout a non-blocking descriptor whose
 * calls first wait with poll() for at most what is left of the timeout,
 * raising TimeoutError("timed out") when it runs out, as CPython's
 * sock_call does.  Every system call that may wait runs with the GIL
 * released on C memory only (SockIO holds its arguments); EINTR runs the
 * Python signal handlers and retries (PEP 475).  Descriptors are created
 * close-on-exec.
 *
 * Addresses live in sock_addr.c, name lookups and conversions in
 * sock_resolve.c, the constants in sock_consts.c (sock.h lists them).
 */
#define _GNU_SOURCE 1
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/vm_sockets.h>
#include <math.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "sock.h"
#include "runtime/fdlimit.h"
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/gil.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_float.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_memoryview.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"
#include "runtime/finalize.h"
#include "runtime/signals.h"
#include "interp/modreg.h"

GILPY_MODULE("_socket", mod_socket_init);

#define SELF ((SockObj *)AS_OBJ(args[0]))

extern Type type_socket;

static double sock_default_timeout = -1;

static double sock_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static Value sock_timeout_error(void)
{
    Value m = str_from_c("timed out");
    return IS_NULL(m) ? VAL_NULL : err_set_value(&exc_TimeoutError, m);
}

static int sock_set_blocking_fd(int fd, int blocking)
{
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0) return -1;
    int nflags = blocking ? flags & ~O_NONBLOCK : flags | O_NONBLOCK;
    return nflags == flags ? 0 : fcntl(fd, F_SETFL, nflags);
}

/* Adopt fd with its timeout: SOCK_NONBLOCK in type means 0, else the default. */
static int sock_init_fields(SockObj *s, int fd, int family, int type, int proto)
{
    s->fd = fd;
    s->family = family;
    s->type = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
    s->proto = proto;
    s->timeout = (type & SOCK_NONBLOCK) ? 0 : sock_default_timeout;
    if (s->timeout >= 0 && sock_set_blocking_fd(fd, 0) < 0) {
        err_from_errno(&exc_OSError, VAL_NULL);
        return -1;
    }
    return 0;
}

static Value sock_wrap(int fd, int family, int type, int proto)
{
    SockObj *s = (SockObj *)obj_new_instance(&type_socket);
    if (!s) { close(fd); return VAL_NULL; }
    s->fd = -1;
    if (sock_init_fields(s, fd, family, type, proto) < 0) return VAL_NULL;
    return MK_OBJ(s);
}

/* ---- the call loop ---------------------------------------------------------------- */

/* Wait until fd is ready (1), the deadline passes (0), or an error (-1 raised). */
static int sock_wait(int fd, int writing, double deadline, int forever)
{
    for (;;) {
        int ms = -1;
        if (!forever) {
            double left = deadline - sock_now();
            if (left <= 0) return 0;
            ms = left * 1000 >= INT_MAX ? INT_MAX : (int)ceil(left * 1000);
        }
        struct pollfd p = {.fd = fd, .events = writing ? POLLOUT : POLLIN};
        int r, err;
        GIL_BLOCKING_BEGIN(GIL_REASON_IO);
        r = poll(&p, 1, ms);
        err = errno;
        GIL_BLOCKING_END();
        if (r > 0) return 1;
        if (r == 0) return 0;
        if (err != EINTR) { errno = err; err_from_errno(&exc_OSError, VAL_NULL); return -1; }
        if (sig_check() < 0) return -1;
    }
}

ssize_t sock_call(SockObj *s, int writing, SockIO *io, int *errnum)
{
    double timeout = s->timeout, deadline = timeout > 0 ? sock_now() + timeout : 0;
    for (;;) {
        if (timeout > 0) {
            int ready = sock_wait(s->fd, writing, deadline, 0);
            if (ready < 0) return -1;
            if (ready == 0) {
                if (errnum) { *errnum = EWOULDBLOCK; return -1; }
                sock_timeout_error();
                return -1;
            }
        }
        ssize_t r;
        int err, fd = s->fd;
        GIL_BLOCKING_BEGIN(GIL_REASON_IO);
        r = io->fn(fd, io);
        err = errno;
        GIL_BLOCKING_END();
        if (r >= 0) return r;
        if (err == EINTR) {
            if (sig_check() < 0) return -1;
            continue;
        }
        if (timeout > 0 && (err == EWOULDBLOCK || err == EAGAIN)) continue;
        errno = err;
        if (errnum) { *errnum = err; return -1; }
        err_from_errno(&exc_OSError, VAL_NULL);
        return -1;
    }
}

/* ---- creation ------------------------------------------------------------------------ */

static Value sock_new_m(Value *args, int nargs, Value kwnames)
{
    SockObj *s = (SockObj *)obj_new_instance(AS_TYPE(args[0]));
    if (!s) return VAL_NULL;
    s->fd = -1;
    s->timeout = -1;
    return MK_OBJ(s);
}

static int sock_opt_int(int fd, int opt, int *out)
{
    socklen_t len = sizeof *out;
    return getsockopt(fd, SOL_SOCKET, opt, out, &len);
}

/* __init__(family=-1, type=-1, proto=-1, fileno=None) */
static Value sock_init_m(Value *args, int nargs, Value kwnames)
{
    SockObj *s = SELF;
    int family = -1, type = -1, proto = -1, fd;
    if ((!IS_NULL(args[1]) && arg_to_int(args[1], &family) < 0) ||
        (!IS_NULL(args[2]) && arg_to_int(args[2], &type) < 0) ||
        (!IS_NULL(args[3]) && arg_to_int(args[3], &proto) < 0))
        return VAL_NULL;
    if (!IS_NULL(args[4]) && !IS_NONE(args[4])) {
        int64_t n;
        if (!IS_INT(args[4]) && IS_NULL(val_type(args[4])->slots[SM_INDEX]))
            return err_format(&exc_TypeError, "'%T' object cannot be interpreted as an integer", args[4]);
        if (arg_to_ssize(args[4], &n) < 0) return VAL_NULL;
        if (n < 0) return err_format(&exc_ValueError, "negative file descriptor");
        if (n > INT_MAX) return err_format(&exc_OverflowError, "Python int too large to convert to C int");
        fd = (int)n;
        if (family == -1) {
            SockAddr a;
            socklen_t len = sizeof a;
            memset(&a, 0, sizeof a);
            if (getsockname(fd, &a.sa, &len) < 0) return err_from_errno(&exc_OSError, VAL_NULL);
            family = a.sa.sa_family;
        }
        if (type == -1 && sock_opt_int(fd, SO_TYPE, &type) < 0) return err_from_errno(&exc_OSError, VAL_NULL);
        if (proto == -1 && sock_opt_int(fd, SO_PROTOCOL, &proto) < 0)
            return err_from_errno(&exc_OSError, VAL_NULL);
    } else {
        if (family == -1) family = AF_INET;
        if (type == -1) type = SOCK_STREAM;
        if (proto == -1) proto = 0;
        FDLIMIT_RETRY(fd, fd = socket(family, type | SOCK_CLOEXEC, proto));
        if (fd < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    }
    return sock_init_fields(s, fd, family, type, proto) < 0 ? VAL_NULL : VAL_NONE;
}

/* ---- descriptor, closing ---------------------------------------------------------------- */

static Value sock_fileno_m(Value *args, int nargs, Value kwnames) { return MK_SMALLINT(SELF->fd); }

static Value sock_detach_m(Value *args, int nargs, Value kwnames)
{
    int fd = SELF->fd;
    SELF->fd = -1;
    return MK_SMALLINT(fd);
}

static Value sock_close_m(Value *args, int nargs, Value kwnames)
{
    int fd = SELF->fd;
    if (fd < 0) return VAL_NONE;
    SELF->fd = -1;
    /* a reset connection was still closed: not an error, as CPython says */
    if (close(fd) < 0 && errno != ECONNRESET) return err_from_errno(&exc_OSError, VAL_NULL);
    return VAL_NONE;
}

static Value sock_dup_m(Value *args, int nargs, Value kwnames)
{
    int fd;
    FDLIMIT_RETRY(fd, fd = fcntl(SELF->fd, F_DUPFD_CLOEXEC, 0));
    if (fd < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    return sock_wrap(fd, SELF->family, SELF->type, SELF->proto);
}

/* The finalizer: an open socket is closed with a ResourceWarning. */
static Value sock_del_m(Value *args, int nargs, Value kwnames)
{
    SockObj *s = SELF;
    if (s->fd < 0) return VAL_NONE;
    if (err_warn(&exc_ResourceWarning, "unclosed %R", args[0]) < 0) fin_write_unraisable(args[0]);
    if (s->fd >= 0) close(s->fd);
    s->fd = -1;
    return VAL_NONE;
}

static void sock_finalize(Obj *o)
{
    SockObj *s = (SockObj *)o;
    if (s->fd >= 0) close(s->fd);
    s->fd = -1;
}

static Value sock_repr_m(Value *args, int nargs, Value kwnames)
{
    SockObj *s = SELF;
    return str_format_c("<socket object, fd=%d, family=%d, type=%d, proto=%d>", s->fd, s->family, s->type,
                        s->proto);
}

/* ---- timeouts ----------------------------------------------------------------------- */

static int sock_apply_timeout(SockObj *s, double timeout)
{
    s->timeout = timeout;
    if (s->fd >= 0 && sock_set_blocking_fd(s->fd, timeout < 0) < 0) {
        err_from_errno(&exc_OSError, VAL_NULL);
        return -1;
    }
    return 0;
}

/* A timeout argument: None is -1, else non-negative seconds. */
static int sock_timeout_arg(Value v, double *out)
{
    if (IS_NONE(v)) { *out = -1; return 0; }
    if (arg_to_seconds(v, out) < 0) {
        if (err_matches(&exc_OverflowError)) {
            err_clear();
            err_format(&exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
        }
        return -1;
    }
    if (*out < 0) { err_format(&exc_ValueError, "Timeout value out of range"); return -1; }
    return 0;
}

static Value sock_timeout_value(double t) { return t < 0 ? VAL_NONE : MK_FLOAT(t); }

static Value sock_settimeout_m(Value *args, int nargs, Value kwnames)
{
    double t;
    if (sock_timeout_arg(args[1], &t) < 0) return VAL_NULL;
    return sock_apply_timeout(SELF, t) < 0 ? VAL_NULL : VAL_NONE;
}

static Value sock_gettimeout_m(Value *args, int nargs, Value kwnames) { return sock_timeout_value(SELF->timeout); }

static Value sock_setblocking_m(Value *args, int nargs, Value kwnames)
{
    int block = obj_truthy(args[1]);
    if (block < 0) return VAL_NULL;
    return sock_apply_timeout(SELF, block ? -1 : 0) < 0 ? VAL_NULL : VAL_NONE;
}

static Value sock_getblocking_m(Value *args, int nargs, Value kwnames) { return MK_BOOL(SELF->timeout != 0); }

/* ---- connections ------------------------------------------------------------------- */

static Value sock_bind_m(Value *args, int nargs, Value kwnames)
{
    SockAddr a;
    socklen_t len;
    if (sock_addr_parse(SELF->family, args[1], &a, &len, "bind") < 0) return VAL_NULL;
    if (bind(SELF->fd, &a.sa, len) < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    return VAL_NONE;
}

static Value sock_listen_m(Value *args, int nargs, Value kwnames)
{
    int backlog = SOMAXCONN < 128 ? SOMAXCONN : 128;
    if (!IS_NULL(args[1]) && arg_to_int(args[1], &backlog) < 0) return VAL_NULL;
    if (backlog < 0) backlog = 0;
    if (listen(SELF->fd, backlog) < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    return VAL_NONE;
}

static ssize_t io_accept(int fd, SockIO *io)
{
    io->addrlen = sizeof io->addr;
    return accept4(fd, &io->addr.sa, &io->addrlen, SOCK_CLOEXEC);
}

static Value sock_accept_m(Value *args, int nargs, Value kwnames)
{
    SockIO io = {.fn = io_accept};
    ssize_t fd = sock_call(SELF, 0, &io, NULL);
    if (fd < 0) return VAL_NULL;
    Value addr = sock_addr_make(&io.addr.sa, io.addrlen);
    if (IS_NULL(addr)) { close((int)fd); return VAL_NULL; }
    return tuple_pack(2, MK_SMALLINT(fd), addr);
}

/* connect(): 0, an errno value (when errnum is wanted), or -1 raised.  A
 * connection in progress is waited for (with the timeout, or for ever after
 * a signal on a blocking socket) and its outcome read from SO_ERROR. */
static int sock_connect(SockObj *s, Value address, const char *caller, int want_errno)
{
    SockAddr a;
    socklen_t len;
    if (sock_addr_parse(s->family, address, &a, &len, caller) < 0) return -1;
    int r, err, fd = s->fd;
    GIL_BLOCKING_BEGIN(GIL_REASON_IO);
    r = connect(fd, &a.sa, len);
    err = errno;
    GIL_BLOCKING_END();
    if (r == 0) return 0;
    int waiting = (err == EINTR && s->timeout != 0) || (err == EINPROGRESS && s->timeout > 0);
    if (err == EINTR && sig_check() < 0) return -1;
    if (waiting) {
        double deadline = s->timeout > 0 ? sock_now() + s->timeout : 0;
        int ready = sock_wait(fd, 1, deadline, s->timeout < 0);
        if (ready < 0) return -1;
        if (ready == 0) {
            if (want_errno) return EWOULDBLOCK;
            sock_timeout_error();
            return -1;
        }
        socklen_t elen = sizeof err;
        if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &elen) < 0) err = errno;
        if (err == 0) return 0;
    }
    if (want_errno) return err;
    errno = err;
    err_from_errno(&exc_OSError, VAL_NULL);
    return -1;
}

static Value sock_connect_m(Value *args, int nargs, Value kwnames)
{
    int r = sock_connect(SELF, args[1], "connect", 0);
    return r ? VAL_NULL : VAL_NONE;
}

static Value sock_connect_ex_m(Value *args, int nargs, Value kwnames)
{
    int r = sock_connect(SELF, args[1], "connect_ex", 1);
    return r < 0 ? VAL_NULL : MK_SMALLINT(r);
}

static Value sock_shutdown_m(Value *args, int nargs, Value kwnames)
{
    int how;
    if (arg_to_int(args[1], &how) < 0) return VAL_NULL;
    if (shutdown(SELF->fd, how) < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    return VAL_NONE;
}

static Value sock_name(Value *args, int peer)
{
    SockAddr a;
    socklen_t len = sizeof a;
    memset(&a, 0, sizeof a);
    int r = peer ? getpeername(SELF->fd, &a.sa, &len) : getsockname(SELF->fd, &a.sa, &len);
    if (r < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    return sock_addr_make(&a.sa, len);
}

static Value sock_getsockname_m(Value *args, int nargs, Value kwnames) { return sock_name(args, 0); }
static Value sock_getpeername_m(Value *args, int nargs, Value kwnames) { return sock_name(args, 1); }

/* ---- options ------------------------------------------------------------------------ */

static Value sock_getsockopt_m(Value *args, int nargs, Value kwnames)
{
    int level, opt, buflen = 0;
    if (arg_to_int(args[1], &level) < 0 || arg_to_int(args[2], &opt) < 0 ||
        (!IS_NULL(args[3]) && arg_to_int(args[3], &buflen) < 0))
        return VAL_NULL;
    if (buflen == 0 && SELF->family == AF_VSOCK) {     /* VSOCK's options are 64-bit */
        uint64_t v = 0;
        socklen_t len = sizeof v;
        if (getsockopt(SELF->fd, level, opt, &v, &len) < 0) return err_from_errno(&exc_OSError, VAL_NULL);
        return int_from_u64(v);
    }
    if (buflen == 0) {
        int v = 0;
        socklen_t len = sizeof v;
        if (getsockopt(SELF->fd, level, opt, &v, &len) < 0) return err_from_errno(&exc_OSError, VAL_NULL);
        return MK_SMALLINT(v);
    }
    if (buflen < 0 || buflen > 1024) return err_format(&exc_OSError, "getsockopt buflen out of range");
    char buf[1024];
    socklen_t len = (socklen_t)buflen;
    memset(buf, 0, sizeof buf);
    if (getsockopt(SELF->fd, level, opt, buf, &len) < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    return bytes_new(buf, len);
}

/* setsockopt(level, opt, int | buffer) or setsockopt(level, opt, None, optlen) */
static Value sock_setsockopt_m(Value *args, int nargs, Value kwnames)
{
    int level, opt, r;
    if (arg_to_int(args[1], &level) < 0 || arg_to_int(args[2], &opt) < 0) return VAL_NULL;
    Value v = args[3];
    if (!IS_NULL(args[4])) {
        int64_t optlen;
        if (!IS_NONE(v))
            return err_format(&exc_TypeError, "setsockopt() argument 3 must be None, not %T", v);
        if (arg_to_ssize(args[4], &optlen) < 0) return VAL_NULL;
        if (optlen < 0 || optlen > UINT_MAX)
            return err_format(&exc_OverflowError, "Python int too large to convert to C unsigned int");
        r = setsockopt(SELF->fd, level, opt, NULL, (socklen_t)optlen);
    } else if (IS_INT(v) && SELF->family == AF_VSOCK) {
        int64_t flag;
        if (arg_to_long(v, &flag) < 0) return VAL_NULL;
        uint64_t wide = (uint64_t)flag;
        r = setsockopt(SELF->fd, level, opt, &wide, sizeof wide);
    } else if (IS_INT(v)) {
        int flag;
        if (arg_to_int(v, &flag) < 0) return VAL_NULL;
        r = setsockopt(SELF->fd, level, opt, &flag, sizeof flag);
    } else {
        Buffer b;
        if (buffer_get(v, &b, BUF_SIMPLE) < 0) return VAL_NULL;
        r = setsockopt(SELF->fd, level, opt, b.buf, (socklen_t)b.len);
        buffer_release(&b);
    }
    if (r < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    return VAL_NONE;
}

/* ---- receiving --------------------------------------------------------------------- */

static ssize_t io_recv(int fd, SockIO *io) { return recv(fd, io->buf, io->len, io->flags); }

static ssize_t io_recvfrom(int fd, SockIO *io)
{
    io->addrlen = sizeof io->addr;
    memset(&io->addr, 0, sizeof io->addr);
    return recvfrom(fd, io->buf, io->len, io->flags, &io->addr.sa, &io->addrlen);
}

int sock_flags_arg(Value v, int *flags)
{
    *flags = 0;
    return IS_NULL(v) ? 0 : arg_to_int(v, flags);
}

/* recv/recvfrom into a fresh bytes object; *addr gets the sender with `from`. */
static Value sock_recv_bytes(SockObj *s, Value size, Value flags, const char *fname, int from, Value *addr)
{
    int64_t n;
    SockIO io = {.fn = from ? io_recvfrom : io_recv};
    if (arg_to_ssize(size, &n) < 0 || sock_flags_arg(flags, &io.flags) < 0) return VAL_NULL;
    if (n < 0) return err_format(&exc_ValueError, "negative buffersize in %s", fname);
    io.buf = gc_sys_malloc(n ? (size_t)n : 1);
    if (!io.buf) return err_no_memory();
    io.len = (size_t)n;
    ssize_t got = sock_call(s, 0, &io, NULL);
    Value r = got < 0 ? VAL_NULL : bytes_new(io.buf, (size_t)got);
    free(io.buf);
    if (!IS_NULL(r) && from) {
        *addr = sock_addr_make(&io.addr.sa, io.addrlen);
        if (IS_NULL(*addr)) return VAL_NULL;
    }
    return r;
}

static Value sock_recv_m(Value *args, int nargs, Value kwnames)
{
    return sock_recv_bytes(SELF, args[1], args[2], "recv", 0, NULL);
}

static Value sock_recvfrom_m(Value *args, int nargs, Value kwnames)
{
    Value addr = VAL_NONE;
    Value data = sock_recv_bytes(SELF, args[1], args[2], "recvfrom", 1, &addr);
    return IS_NULL(data) ? VAL_NULL : tuple_pack(2, data, addr);
}

/* recv_into/recvfrom_into(buffer, nbytes=0, flags=0) */
static Value sock_recv_into(Value *args, int from, Value *addr)
{
    Buffer b;
    int64_t n = 0;
    SockIO io = {.fn = from ? io_recvfrom : io_recv};
    if (buffer_get(args[1], &b, BUF_WRITABLE) < 0) return VAL_NULL;
    Value r = VAL_NULL;
    if ((!IS_NULL(args[2]) && arg_to_ssize(args[2], &n) < 0) || sock_flags_arg(args[3], &io.flags) < 0) goto out;
    if (n < 0) { err_format(&exc_ValueError, "negative buffersize in %s", from ? "recvfrom_into" : "recv_into"); goto out; }
    if (n == 0) n = b.len;
    else if (n > b.len) {
        err_format(&exc_ValueError, from ? "nbytes is greater than the length of the buffer"
                                         : "buffer too small for requested bytes");
        goto out;
    }
    io.buf = b.buf;
    io.len = (size_t)n;
    ssize_t got = sock_call(SELF, 0, &io, NULL);
    if (got < 0) goto out;
    r = int_from_i64(got);
    if (from) {
        *addr = sock_addr_make(&io.addr.sa, io.addrlen);
        if (IS_NULL(*addr)) r = VAL_NULL;
    }
out:
    buffer_release(&b);
    return r;
}

static Value sock_recv_into_m(Value *args, int nargs, Value kwnames) { return sock_recv_into(args, 0, NULL); }

static Value sock_recvfrom_into_m(Value *args, int nargs, Value kwnames)
{
    Value addr = VAL_NONE;
    Value n = sock_recv_into(args, 1, &addr);
    return IS_NULL(n) ? VAL_NULL : tuple_pack(2, n, addr);
}

/* ---- sending ------------------------------------------------------------------------ */

static ssize_t io_send(int fd, SockIO *io) { return send(fd, io->buf, io->len, io->flags | MSG_NOSIGNAL); }

static ssize_t io_sendto(int fd, SockIO *io)
{
    return sendto(fd, io->buf, io->len, io->flags | MSG_NOSIGNAL, &io->addr.sa, io->addrlen);
}

/* send or sendto the bytes of data, with flags and, for sendto, an address:
 * the count sent, or VAL_NULL. */
static Value sock_send_data(SockObj *s, Value data, Value flags, Value addr, SockIO *io)
{
    Buffer b;
    if (buffer_get(data, &b, BUF_SIMPLE) < 0) return VAL_NULL;
    Value r = VAL_NULL;
    if (sock_flags_arg(flags, &io->flags) == 0 &&
        (IS_NULL(addr) || sock_addr_parse(s->family, addr, &io->addr, &io->addrlen, "sendto") == 0)) {
        io->buf = b.buf;
        io->len = (size_t)b.len;
        ssize_t n = sock_call(s, 1, io, NULL);
        if (n >= 0) r = int_from_i64(n);
    }
    buffer_release(&b);
    return r;
}

static Value sock_send_m(Value *args, int nargs, Value kwnames)
{
    SockIO io = {.fn = io_send};
    return sock_send_data(SELF, args[1], args[2], VAL_NULL, &io);
}

/* sendall: send until everything went, the timeout counting for the whole. */
static Value sock_sendall_m(Value *args, int nargs, Value kwnames)
{
    SockObj *s = SELF;
    Buffer b;
    SockIO io = {.fn = io_send};
    if (buffer_get(args[1], &b, BUF_SIMPLE) < 0) return VAL_NULL;
    Value r = VAL_NULL;
    double saved = s->timeout, deadline = saved > 0 ? sock_now() + saved : 0;
    if (sock_flags_arg(args[2], &io.flags) < 0) goto out;
    for (int64_t done = 0; done < b.len;) {
        if (saved > 0) {
            double left = deadline - sock_now();
            if (left <= 0) { sock_timeout_error(); goto out; }
            s->timeout = left;
        }
        io.buf = b.buf + done;
        io.len = (size_t)(b.len - done);
        ssize_t n = sock_call(s, 1, &io, NULL);
        s->timeout = saved;
        if (n < 0) goto out;
        done += n;
        if (sig_check() < 0) goto out;
    }
    r = VAL_NONE;
out:
    s->timeout = saved;
    buffer_release(&b);
    return r;
}

/* sendto(data[, flags], address): the middle argument is optional, so the
 * count is checked here, with CPython's message. */
static Value sock_sendto_m(Value *args, int nargs, Value kwnames)
{
    if (arg_no_kw("sendto", kwnames) < 0) return VAL_NULL;
    if (nargs < 3 || nargs > 4)
        return err_format(&exc_TypeError, "sendto() takes 2 or 3 arguments (%d given)", nargs - 1);
    SockIO io = {.fn = io_sendto};
    return sock_send_data(SELF, args[1], nargs == 4 ? args[2] : VAL_NULL, args[nargs - 1], &io);
}

/* ---- the type ----------------------------------------------------------------------- */

static Value sock_get_family(Value self) { return MK_SMALLINT(((SockObj *)AS_OBJ(self))->family); }
static Value sock_get_type(Value self) { return MK_SMALLINT(((SockObj *)AS_OBJ(self))->type); }
static Value sock_get_proto(Value self) { return MK_SMALLINT(((SockObj *)AS_OBJ(self))->proto); }
static Value sock_get_timeout(Value self) { return sock_timeout_value(((SockObj *)AS_OBJ(self))->timeout); }

static const GetSetDef sock_getsets[] = {
    {"family", sock_get_family, getset_readonly, "the socket family"},
    {"type", sock_get_type, getset_readonly, "the socket type"},
    {"proto", sock_get_proto, getset_readonly, "the socket protocol"},
    {"timeout", sock_get_timeout, NULL, "the socket timeout"},
    {NULL, NULL, NULL, NULL},
};

static const MethodDef sock_methods[] = {
    {"__new__", sock_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__init__", sock_init_m, ARGS_KW, NULL, "($self, /, family=-1, type=-1, proto=-1, fileno=None)"},
    {"__repr__", sock_repr_m, ARGS_WRAP(0), NULL},
    {"__del__", sock_del_m, ARGS_WRAP(0), NULL},
    {"_accept", sock_accept_m, ARGS_NONE, "_accept() -> (integer, address info)"},
    {"bind", sock_bind_m, ARGS_ONE, "bind(address)"},
    {"close", sock_close_m, ARGS_NONE, "close()"},
    {"connect", sock_connect_m, ARGS_ONE, "connect(address)"},
    {"connect_ex", sock_connect_ex_m, ARGS_ONE, "connect_ex(address) -> errno"},
    {"detach", sock_detach_m, ARGS_NONE, "detach()"},
    {"dup", sock_dup_m, ARGS_NONE, "dup() -> socket object"},
    {"fileno", sock_fileno_m, ARGS_NONE, "fileno() -> integer"},
    {"getpeername", sock_getpeername_m, ARGS_NONE, "getpeername() -> address info"},
    {"getsockname", sock_getsockname_m, ARGS_NONE, "getsockname() -> address info"},
    {"getsockopt", sock_getsockopt_m, ARGS_POS(2, 3), "getsockopt(level, option[, buffersize]) -> value"},
    {"setsockopt", sock_setsockopt_m, ARGS_POS(3, 4), "setsockopt(level, option, value: int)"},
    {"getblocking", sock_getblocking_m, ARGS_NONE, "getblocking()"},
    {"setblocking", sock_setblocking_m, ARGS_ONE, "setblocking(flag)"},
    {"gettimeout", sock_gettimeout_m, ARGS_NONE, "gettimeout() -> timeout"},
    {"settimeout", sock_settimeout_m, ARGS_ONE, "settimeout(timeout)"},
    {"listen", sock_listen_m, ARGS_POS(0, 1), "listen([backlog])"},
    {"recv", sock_recv_m, ARGS_POS(1, 2), "recv(buffersize[, flags]) -> data"},
    {"recv_into", sock_recv_into_m, ARGS_KW, "recv_into(buffer, [nbytes[, flags]]) -> nbytes_read",
     "($self, /, buffer, nbytes=0, flags=0)"},
    {"recvfrom", sock_recvfrom_m, ARGS_POS(1, 2), "recvfrom(buffersize[, flags]) -> (data, address info)"},
    {"recvfrom_into", sock_recvfrom_into_m, ARGS_KW, "recvfrom_into(buffer[, nbytes[, flags]]) -> (nbytes, address info)",
     "($self, /, buffer, nbytes=0, flags=0)"},
    {"recvmsg", sock_msg_recvmsg, ARGS_POS(1, 3), "recvmsg(bufsize[, ancbufsize[, flags]]) -> (data, ancdata, msg_flags, address)"},
    {"recvmsg_into", sock_msg_recvmsg_into, ARGS_POS(1, 3), "recvmsg_into(buffers[, ancbufsize[, flags]]) -> (nbytes, ancdata, msg_flags, address)"},
    {"send", sock_send_m, ARGS_POS(1, 2), "send(data[, flags]) -> count"},
    {"sendall", sock_sendall_m, ARGS_POS(1, 2), "sendall(data[, flags])"},
    {"sendto", sock_sendto_m, ARGS_ANY, "sendto(data[, flags], address) -> count"},
    {"sendmsg", sock_msg_sendmsg, ARGS_POS(1, 4), "sendmsg(buffers[, ancdata[, flags[, address]]]) -> count"},
    {"shutdown", sock_shutdown_m, ARGS_ONE, "shutdown(flag)"},
    {NULL, NULL, 0, NULL},
};

Type type_socket = {
    .tp_name = "_socket.socket", .base = &type_object, .flags = TF_BASETYPE,
    .basicsize = sizeof(SockObj), .finalize = sock_finalize,
    .methods = sock_methods, .getsets = sock_getsets,
};
GILPY_TYPE(type_socket, NULL);

/* ---- module functions --------------------------------------------------------------------- */

static Value mod_socketpair(Value *args, int nargs, Value kwnames)
{
    int family = AF_UNIX, type = SOCK_STREAM, proto = 0, fds[2];
    if ((!IS_NULL(args[0]) && arg_to_int(args[0], &family) < 0) ||
        (!IS_NULL(args[1]) && arg_to_int(args[1], &type) < 0) ||
        (!IS_NULL(args[2]) && arg_to_int(args[2], &proto) < 0))
        return VAL_NULL;
    int r;
    FDLIMIT_RETRY(r, r = socketpair(family, type | SOCK_CLOEXEC, proto, fds));
    if (r < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    Value a = sock_wrap(fds[0], family, type, proto);
    if (IS_NULL(a)) { close(fds[1]); return VAL_NULL; }
    Value b = sock_wrap(fds[1], family, type, proto);
    return IS_NULL(b) ? VAL_NULL : tuple_pack(2, a, b);
}

static Value mod_getdefaulttimeout(Value *args, int nargs, Value kwnames)
{
    return sock_timeout_value(sock_default_timeout);
}

static Value mod_setdefaulttimeout(Value *args, int nargs, Value kwnames)
{
    double t;
    if (sock_timeout_arg(args[0], &t) < 0) return VAL_NULL;
    sock_default_timeout = t;
    return VAL_NONE;
}

static int mod_fd_arg(Value v, int *fd)
{
    int64_t n;
    if (arg_to_ssize(v, &n) < 0) return -1;
    if (n < 0 || n > INT_MAX) {
        err_format(&exc_OSError, "[Errno 9] Bad file descriptor");
        return -1;
    }
    *fd = (int)n;
    return 0;
}

static Value mod_dup(Value *args, int nargs, Value kwnames)
{
    int fd;
    if (mod_fd_arg(args[0], &fd) < 0) return VAL_NULL;
    int r;
    FDLIMIT_RETRY(r, r = fcntl(fd, F_DUPFD_CLOEXEC, 0));
    return r < 0 ? err_from_errno(&exc_OSError, VAL_NULL) : MK_SMALLINT(r);
}

static Value mod_close(Value *args, int nargs, Value kwnames)
{
    int fd;
    if (mod_fd_arg(args[0], &fd) < 0) return VAL_NULL;
    if (close(fd) < 0 && errno != ECONNRESET) return err_from_errno(&exc_OSError, VAL_NULL);
    return VAL_NONE;
}

static const MethodDef mod_socket_functions[] = {
    {"socketpair", mod_socketpair, ARGS_POS(0, 3),
     "socketpair([family[, type [, proto]]]) -> (socket object, socket object)"},
    {"getdefaulttimeout", mod_getdefaulttimeout, ARGS_NONE, "getdefaulttimeout() -> timeout"},
    {"setdefaulttimeout", mod_setdefaulttimeout, ARGS_ONE, "setdefaulttimeout(timeout)"},
    {"dup", mod_dup, ARGS_ONE, "dup(integer) -> integer"},
    {"close", mod_close, ARGS_ONE, "close(integer) -> None"},
    {NULL, NULL, 0, NULL},
};

Value mod_socket_init(void)
{
    Value m = module_new_c("_socket");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    if (IS_NULL(sock_gaierror)) {
        gc_add_root(&sock_herror);
        gc_add_root(&sock_gaierror);
        sock_herror = exc_new_class("socket", "herror", &exc_OSError);
        if (IS_NULL(sock_herror)) return VAL_NULL;
        sock_gaierror = exc_new_class("socket", "gaierror", &exc_OSError);
        if (IS_NULL(sock_gaierror)) return VAL_NULL;
    }
    dict_add_methods(d, mod_socket_functions, m);
    dict_add_methods(d, sock_res_functions, m);
    if (sock_consts_add(d) < 0 || dict_set_c(d, "socket", MK_OBJ(&type_socket)) < 0 ||
        dict_set_c(d, "SocketType", MK_OBJ(&type_socket)) < 0 || dict_set_c(d, "error", MK_OBJ(&exc_OSError)) < 0 ||
        dict_set_c(d, "timeout", MK_OBJ(&exc_TimeoutError)) < 0 || dict_set_c(d, "herror", sock_herror) < 0 ||
        dict_set_c(d, "gaierror", sock_gaierror) < 0 || dict_set_c(d, "has_ipv6", VAL_TRUE) < 0 ||
        dict_set_c(d, "BDADDR_ANY", str_from_c("00:00:00:00:00:00")) < 0 ||
        dict_set_c(d, "BDADDR_LOCAL", str_from_c("00:00:00:FF:FF:FF")) < 0)
        return VAL_NULL;
    return err_occurred() ? VAL_NULL : m;
}
