/* sock_msg.c - socket.sendmsg, recvmsg and recvmsg_into: scatter/gather I/O
 * with ancillary data (SCM_RIGHTS passes descriptors: multiprocessing's
 * reduction uses it).
 *
 * The Python side is gathered first into C memory: an iovec per buffer (the
 * buffers held through the buffer protocol until the call returns, so none
 * can move or shrink meanwhile) and one control buffer laid out with the
 * CMSG_* macros.  The system call then runs through sock_call like the
 * others, and received control messages are read back into a list of
 * (level, type, data) tuples, a truncated last one cut at the buffer's end.
 */
#define _GNU_SOURCE 1
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "sock.h"
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_memoryview.h"

#define SELF ((SockObj *)AS_OBJ(args[0]))

/* The buffers of one call. */
typedef struct {
    Buffer *views;
    struct iovec *iov;
    int n;
} MsgBufs;

static void msg_bufs_release(MsgBufs *m)
{
    for (int i = 0; i < m->n; i++) buffer_release(&m->views[i]);
    free(m->views);
    free(m->iov);
    m->views = NULL;
    m->iov = NULL;
    m->n = 0;
}

/* Each item of an iterable as a buffer (writable ones for recvmsg_into). */
static int msg_bufs_get(Value iterable, int writable, const char *fname, MsgBufs *m)
{
    m->views = NULL;
    m->iov = NULL;
    m->n = 0;
    Value t = seq_to_tuple(iterable);
    if (IS_NULL(t)) {
        if (err_matches(&exc_TypeError)) {
            err_clear();
            err_format(&exc_TypeError, "%s() argument 1 must be an iterable", fname);
        }
        return -1;
    }
    int64_t n = AS_TUPLE(t)->len;
    if (n > 1024) { err_format(&exc_OSError, "%s() argument 1 is too long", fname); return -1; }
    m->views = calloc((size_t)n + 1, sizeof(Buffer));
    m->iov = calloc((size_t)n + 1, sizeof(struct iovec));
    if (!m->views || !m->iov) { msg_bufs_release(m); err_no_memory(); return -1; }
    for (int64_t i = 0; i < n; i++) {
        Value item = AS_TUPLE(t)->items[i];
        if (buffer_get(item, &m->views[i], writable ? BUF_WRITABLE : BUF_SIMPLE) < 0) {
            if (writable) {
                err_clear();
                err_format(&exc_TypeError,
                           "%s() argument 1 must be an iterable of single-segment read-write buffers", fname);
            }
            msg_bufs_release(m);
            return -1;
        }
        m->n++;
        m->iov[i].iov_base = m->views[i].buf;
        m->iov[i].iov_len = (size_t)m->views[i].len;
    }
    return 0;
}

static ssize_t io_sendmsg(int fd, SockIO *io) { return sendmsg(fd, io->msg, io->flags | MSG_NOSIGNAL); }
static ssize_t io_recvmsg(int fd, SockIO *io) { return recvmsg(fd, io->msg, io->flags); }

/* ---- sendmsg ------------------------------------------------------------------------ */

/* The ancillary items (level, type, data) into a malloc'd control buffer. */
static int msg_build_control(Value ancdata, void **out, size_t *outlen, Value *keep)
{
    *out = NULL;
    *outlen = 0;
    Value t = seq_to_tuple(ancdata);
    if (IS_NULL(t)) {
        if (err_matches(&exc_TypeError)) {
            err_clear();
            err_format(&exc_TypeError, "sendmsg() argument 2 must be an iterable");
        }
        return -1;
    }
    *keep = t;
    int64_t n = AS_TUPLE(t)->len;
    int *levels = calloc((size_t)n + 1, sizeof(int) * 2);
    Buffer *views = calloc((size_t)n + 1, sizeof *views);
    int64_t nviews = 0;
    size_t total = 0;
    int rc = -1;
    if (!levels || !views) { err_no_memory(); goto out; }
    for (int64_t i = 0; i < n; i++) {
        Value item = AS_TUPLE(t)->items[i];
        if (!IS_TUPLE(item) && !IS_LIST(item)) {
            err_format(&exc_TypeError,
                       "[sendmsg() ancillary data items]() argument must be 3-item sequence, not %T", item);
            goto out;
        }
        Value it = seq_to_tuple(item);
        if (IS_NULL(it)) goto out;
        if (AS_TUPLE(it)->len != 3) {
            err_format(&exc_TypeError,
                       "[sendmsg() ancillary data items]() argument must be sequence of length 3, not %lld",
                       (long long)AS_TUPLE(it)->len);
            goto out;
        }
        Value *f = AS_TUPLE(it)->items;
        if (arg_to_int(f[0], &levels[2 * i]) < 0 || arg_to_int(f[1], &levels[2 * i + 1]) < 0 ||
            buffer_get(f[2], &views[i], BUF_SIMPLE) < 0)
            goto out;
        nviews++;
        if (views[i].len > INT_MAX) { err_format(&exc_OSError, "ancillary data item too large"); goto out; }
        total += CMSG_SPACE((size_t)views[i].len);
    }
    if (total) {
        char *buf = calloc(1, total);
        if (!buf) { err_no_memory(); goto out; }
        struct msghdr mh = {.msg_control = buf, .msg_controllen = total};
        struct cmsghdr *c = CMSG_FIRSTHDR(&mh);
        for (int64_t i = 0; i < n && c; i++, c = CMSG_NXTHDR(&mh, c)) {
            c->cmsg_level = levels[2 * i];
            c->cmsg_type = levels[2 * i + 1];
            c->cmsg_len = CMSG_LEN((size_t)views[i].len);
            memcpy(CMSG_DATA(c), views[i].buf, (size_t)views[i].len);
        }
        *out = buf;
        *outlen = total;
    }
    rc = 0;
out:
    for (int64_t i = 0; i < nviews; i++) buffer_release(&views[i]);
    free(levels);
    free(views);
    return rc;
}

/* sendmsg(buffers[, ancdata[, flags[, address]]]) */
Value sock_msg_sendmsg(Value *args, int nargs, Value kwnames)
{
    SockObj *s = SELF;
    MsgBufs bufs;
    SockIO io = {.fn = io_sendmsg};
    struct msghdr mh = {0};
    void *control = NULL;
    size_t controllen = 0;
    Value keep = VAL_NONE, r = VAL_NULL;
    if (sock_flags_arg(args[3], &io.flags) < 0) return VAL_NULL;
    if (!IS_NULL(args[4]) && !IS_NONE(args[4])) {
        if (sock_addr_parse(s->family, args[4], &io.addr, &io.addrlen, "sendmsg") < 0) return VAL_NULL;
        mh.msg_name = &io.addr;
        mh.msg_namelen = io.addrlen;
    }
    if (msg_bufs_get(args[1], 0, "sendmsg", &bufs) < 0) return VAL_NULL;
    if (!IS_NULL(args[2]) && msg_build_control(args[2], &control, &controllen, &keep) < 0) goto out;
    mh.msg_iov = bufs.iov;
    mh.msg_iovlen = (size_t)bufs.n;
    mh.msg_control = control;
    mh.msg_controllen = controllen;
    io.msg = &mh;
    ssize_t n = sock_call(s, 1, &io, NULL);
    if (n >= 0) r = int_from_i64(n);
out:
    free(control);
    msg_bufs_release(&bufs);
    return r;
}

/* ---- recvmsg ------------------------------------------------------------------------ */

/* The control messages received, as [(level, type, data), ...]. */
static Value msg_ancillary(struct msghdr *mh)
{
    Value out = list_new(0);
    if (IS_NULL(out) || !mh->msg_control) return out;
    char *end = (char *)mh->msg_control + mh->msg_controllen;
    for (struct cmsghdr *c = CMSG_FIRSTHDR(mh); c; c = CMSG_NXTHDR(mh, c)) {
        char *data = (char *)CMSG_DATA(c);
        if (data > end) break;
        size_t len = c->cmsg_len > CMSG_LEN(0) ? c->cmsg_len - CMSG_LEN(0) : 0;
        if (data + len > end) len = (size_t)(end - data);
        Value b = bytes_new(data, len);
        Value t = IS_NULL(b) ? VAL_NULL : tuple_pack(3, MK_SMALLINT(c->cmsg_level), MK_SMALLINT(c->cmsg_type), b);
        if (IS_NULL(t) || list_append(out, t) < 0) return VAL_NULL;
    }
    return out;
}

/* recvmsg into the iovecs; (nbytes, ancdata, msg_flags, address) with nbytes an int. */
static Value msg_recv(SockObj *s, struct iovec *iov, int niov, Value ancbufsize, Value flags)
{
    int64_t anc = 0;
    SockIO io = {.fn = io_recvmsg};
    if ((!IS_NULL(ancbufsize) && arg_to_ssize(ancbufsize, &anc) < 0) || sock_flags_arg(flags, &io.flags) < 0)
        return VAL_NULL;
    if (anc < 0 || anc > INT_MAX) return err_format(&exc_ValueError, "invalid ancillary data buffer length");
    struct msghdr mh = {0};
    void *control = anc ? calloc(1, (size_t)anc) : NULL;
    if (anc && !control) return err_no_memory();
    mh.msg_name = &io.addr;
    mh.msg_namelen = sizeof io.addr;
    mh.msg_iov = iov;
    mh.msg_iovlen = (size_t)niov;
    mh.msg_control = control;
    mh.msg_controllen = (size_t)anc;
    memset(&io.addr, 0, sizeof io.addr);
    io.msg = &mh;
    Value r = VAL_NULL;
    ssize_t n = sock_call(s, 0, &io, NULL);
    if (n >= 0) {
        Value ancdata = msg_ancillary(&mh);
        Value addr = IS_NULL(ancdata) ? VAL_NULL : sock_addr_make(&io.addr.sa, mh.msg_namelen);
        if (!IS_NULL(addr)) r = tuple_pack(4, int_from_i64(n), ancdata, MK_SMALLINT(mh.msg_flags), addr);
    }
    free(control);
    return r;
}

/* recvmsg(bufsize[, ancbufsize[, flags]]) */
Value sock_msg_recvmsg(Value *args, int nargs, Value kwnames)
{
    int64_t size;
    if (arg_to_ssize(args[1], &size) < 0) return VAL_NULL;
    if (size < 0) return err_format(&exc_ValueError, "negative buffer size in recvmsg()");
    char *buf = gc_sys_malloc(size ? (size_t)size : 1);
    if (!buf) return err_no_memory();
    struct iovec iov = {.iov_base = buf, .iov_len = (size_t)size};
    Value r = msg_recv(SELF, &iov, 1, args[2], args[3]);
    if (!IS_NULL(r)) {
        int64_t n;
        int_to_i64(AS_TUPLE(r)->items[0], &n);
        Value data = bytes_new(buf, (size_t)n);
        if (IS_NULL(data)) r = VAL_NULL;
        else AS_TUPLE(r)->items[0] = data;
    }
    free(buf);
    return r;
}

/* recvmsg_into(buffers[, ancbufsize[, flags]]) */
Value sock_msg_recvmsg_into(Value *args, int nargs, Value kwnames)
{
    MsgBufs bufs;
    if (msg_bufs_get(args[1], 1, "recvmsg_into", &bufs) < 0) return VAL_NULL;
    Value r = msg_recv(SELF, bufs.iov, bufs.n, args[2], args[3]);
    msg_bufs_release(&bufs);
    return r;
}
