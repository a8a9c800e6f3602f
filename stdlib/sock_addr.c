/* sock_addr.c - socket addresses between Python and C, for the `_socket` module.
 *
 * Python spells an address per family, as CPython's socketmodule does:
 *   AF_INET   (host, port)
 *   AF_INET6  (host, port[, flowinfo[, scope_id]])
 *   AF_UNIX   a path as str (file system encoding) or bytes; a leading NUL
 *             byte is Linux's abstract namespace, which comes back as bytes
 *   others    (family, raw bytes) on the way out only
 * Host names are resolved here too (sock_addr_resolve): the empty string is
 * any address, "<broadcast>" the broadcast one, numeric forms are parsed
 * without a lookup, anything else goes through getaddrinfo with the GIL
 * released.  Messages follow CPython's getsockaddrarg word for word.
 */
#define _GNU_SOURCE 1
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <stddef.h>
#include <string.h>

#include "sock.h"
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gil.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_memoryview.h"
#include "runtime/obj_str.h"

int sock_addr_host(Value v, const char **out, Value *keep)
{
    if (IS_STR(v)) {
        Str *s = AS_STR(v);
        int ascii = s->len == s->nchars;
        if (ascii) {
            *keep = v;
            *out = s->data;
        } else {
            Value b = str_encode(v, "idna", "strict");
            if (IS_NULL(b)) return -1;
            *keep = b;
            *out = (const char *)AS_BYTES(b)->data;
        }
        if (strlen(*out) != (size_t)(ascii ? s->len : (int64_t)AS_BYTES(*keep)->len)) {
            err_format(&exc_TypeError, "host name must not contain null character");
            return -1;
        }
        return 0;
    }
    if (IS_BYTES(v) || IS_BYTEARRAY(v)) {
        const uint8_t *d;
        int64_t n;
        if (bytes_view(v, &d, &n) < 0) return -1;
        if ((int64_t)strnlen((const char *)d, (size_t)n) != n) {
            err_format(&exc_TypeError, "host name must not contain null character");
            return -1;
        }
        Value b = bytes_new(d, (size_t)n);      /* bytes objects end in a NUL */
        if (IS_NULL(b)) return -1;
        *keep = b;
        *out = (const char *)AS_BYTES(b)->data;
        return 0;
    }
    err_format(&exc_TypeError, "str, bytes or bytearray expected, not %T", v);
    return -1;
}

static int addr_family_mismatch(void)
{
    err_format(&exc_OSError, "address family mismatched");
    return -1;
}

int sock_addr_resolve(const char *name, struct sockaddr *out, size_t outsize, int family)
{
    memset(out, 0, outsize);
    if (name[0] == '\0' || (!strcmp(name, "<broadcast>") || !strcmp(name, "255.255.255.255"))) {
        int broadcast = name[0] != '\0';
        if (broadcast || family == AF_INET) {
            if (family != AF_INET && family != AF_UNSPEC) return addr_family_mismatch();
            struct sockaddr_in *a = (struct sockaddr_in *)out;
            a->sin_family = AF_INET;
            a->sin_addr.s_addr = htonl(broadcast ? INADDR_BROADCAST : INADDR_ANY);
            return sizeof *a;
        }
        /* any address of another family: ask the resolver, as for a passive socket */
    }
    if (family == AF_INET || family == AF_UNSPEC) {
        struct sockaddr_in *a = (struct sockaddr_in *)out;
        if (inet_pton(AF_INET, name, &a->sin_addr) == 1) {
            a->sin_family = AF_INET;
            return sizeof *a;
        }
    }
    if ((family == AF_INET6 || family == AF_UNSPEC) && !strchr(name, '%')) {
        struct sockaddr_in6 *a = (struct sockaddr_in6 *)out;
        if (inet_pton(AF_INET6, name, &a->sin6_addr) == 1) {
            a->sin6_family = AF_INET6;
            return sizeof *a;
        }
    }
    struct addrinfo hints = {0}, *res = NULL;
    hints.ai_family = family;
    hints.ai_socktype = SOCK_DGRAM;     /* one entry per address */
    if (name[0] == '\0') hints.ai_flags = AI_PASSIVE;
    int rc;
    GIL_BLOCKING_BEGIN(GIL_REASON_IO);
    rc = getaddrinfo(name[0] ? name : NULL, "0", &hints, &res);
    GIL_BLOCKING_END();
    if (rc) { sock_gai_error(rc); return -1; }
    size_t n = res->ai_addrlen < outsize ? res->ai_addrlen : outsize;
    memcpy(out, res->ai_addr, n);
    freeaddrinfo(res);
    return (int)n;
}

/* ---- Python -> C ------------------------------------------------------------------ */

/* The port of an address tuple: an int in 0-65535, else CPython's errors. */
static int addr_port(Value v, const char *caller, uint16_t *out)
{
    int64_t port;
    if (!IS_INT(v) && IS_NULL(val_type(v)->slots[SM_INDEX])) {
        err_format(&exc_TypeError, "'%T' object cannot be interpreted as an integer", v);
        return -1;
    }
    if (arg_to_ssize(v, &port) < 0) {
        if (!err_matches(&exc_OverflowError)) return -1;
        err_clear();
        port = -1;
    }
    if (port < 0 || port > 0xffff) {
        err_format(&exc_OverflowError, "%s(): port must be 0-65535.", caller);
        return -1;
    }
    *out = (uint16_t)port;
    return 0;
}

static int addr_unix(Value v, SockAddr *addr, socklen_t *len)
{
    Value keep = v;
    if (IS_STR(v)) {
        keep = str_encode(v, "utf-8", "surrogateescape");
        if (IS_NULL(keep)) return -1;
    }
    Buffer view;
    if (buffer_get(keep, &view, BUF_SIMPLE) < 0) return -1;
    /* Linux: an empty address autobinds, a leading NUL is the abstract
     * namespace (its exact bytes); anything else is a NUL-terminated path */
    int abstract = view.len == 0 || view.buf[0] == 0, rc = 0;
    if ((size_t)view.len > sizeof addr->un.sun_path - !abstract) {
        err_format(&exc_OSError, "AF_UNIX path too long");
        rc = -1;
    } else {
        memset(&addr->un, 0, sizeof addr->un);
        addr->un.sun_family = AF_UNIX;
        memcpy(addr->un.sun_path, view.buf, (size_t)view.len);
        *len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + (size_t)view.len);
    }
    buffer_release(&view);
    return rc;
}

static int addr_inet(Value v, SockAddr *addr, socklen_t *len, const char *caller)
{
    if (!IS_TUPLE(v))
        return err_format(&exc_TypeError, "%s(): AF_INET address must be tuple, not %T", caller, v), -1;
    if (AS_TUPLE(v)->len != 2)
        return err_format(&exc_TypeError, "AF_INET address must be a pair (host, port)"), -1;
    const char *host;
    Value keep;
    uint16_t port;
    if (sock_addr_host(AS_TUPLE(v)->items[0], &host, &keep) < 0) return -1;
    if (addr_port(AS_TUPLE(v)->items[1], caller, &port) < 0) return -1;
    if (sock_addr_resolve(host, &addr->sa, sizeof addr->in4, AF_INET) < 0) return -1;
    addr->in4.sin_port = htons(port);
    *len = sizeof addr->in4;
    return 0;
}

static int addr_u32(Value v, uint32_t max, const char *caller, const char *what, uint32_t *out)
{
    int64_t n;
    if (arg_to_ssize(v, &n) < 0) {
        if (!err_matches(&exc_OverflowError)) return -1;
        err_clear();
        n = -1;
    }
    if (n < 0 || (uint64_t)n > max) {
        if (max == 0xfffff) err_format(&exc_OverflowError, "%s(): %s must be 0-1048575.", caller, what);
        else err_format(&exc_OverflowError, "Python int too large to convert to C unsigned int");
        return -1;
    }
    *out = (uint32_t)n;
    return 0;
}

static int addr_inet6(Value v, SockAddr *addr, socklen_t *len, const char *caller)
{
    if (!IS_TUPLE(v))
        return err_format(&exc_TypeError, "%s(): AF_INET6 address must be tuple, not %T", caller, v), -1;
    int64_t n = AS_TUPLE(v)->len;
    if (n < 2 || n > 4)
        return err_format(&exc_TypeError,
                          "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])"), -1;
    Value *it = AS_TUPLE(v)->items;
    const char *host;
    Value keep;
    uint16_t port;
    uint32_t flowinfo = 0, scope_id = 0;
    if (sock_addr_host(it[0], &host, &keep) < 0 || addr_port(it[1], caller, &port) < 0) return -1;
    if (n > 2 && addr_u32(it[2], 0xffffffffu, caller, "flowinfo", &flowinfo) < 0) return -1;
    if (n > 3 && addr_u32(it[3], 0xffffffffu, caller, "scope_id", &scope_id) < 0) return -1;
    if (flowinfo > 0xfffff)
        return err_format(&exc_OverflowError, "%s(): flowinfo must be 0-1048575.", caller), -1;
    if (sock_addr_resolve(host, &addr->sa, sizeof addr->in6, AF_INET6) < 0) return -1;
    addr->in6.sin6_port = htons(port);
    addr->in6.sin6_flowinfo = htonl(flowinfo);
    if (n > 3) addr->in6.sin6_scope_id = scope_id;
    *len = sizeof addr->in6;
    return 0;
}

int sock_addr_parse(int family, Value v, SockAddr *addr, socklen_t *len, const char *caller)
{
    memset(addr, 0, sizeof *addr);
    switch (family) {
    case AF_UNIX: return addr_unix(v, addr, len);
    case AF_INET: return addr_inet(v, addr, len, caller);
    case AF_INET6: return addr_inet6(v, addr, len, caller);
    default:
        err_format(&exc_OSError, "%s(): bad family", caller);
        return -1;
    }
}

/* ---- C -> Python ------------------------------------------------------------------ */

static Value addr_ntop(int family, const void *raw)
{
    char buf[INET6_ADDRSTRLEN];
    if (!inet_ntop(family, raw, buf, sizeof buf)) return err_from_errno(&exc_OSError, VAL_NULL);
    return str_from_c(buf);
}

Value sock_addr_make(const struct sockaddr *sa, socklen_t len)
{
    if (len == 0) return VAL_NONE;
    switch (sa->sa_family) {
    case AF_INET: {
        const struct sockaddr_in *a = (const struct sockaddr_in *)sa;
        Value host = addr_ntop(AF_INET, &a->sin_addr);
        return IS_NULL(host) ? VAL_NULL : tuple_pack(2, host, MK_SMALLINT(ntohs(a->sin_port)));
    }
    case AF_INET6: {
        const struct sockaddr_in6 *a = (const struct sockaddr_in6 *)sa;
        Value host = addr_ntop(AF_INET6, &a->sin6_addr);
        if (IS_NULL(host)) return VAL_NULL;
        return tuple_pack(4, host, MK_SMALLINT(ntohs(a->sin6_port)),
                          int_from_u64(ntohl(a->sin6_flowinfo)), int_from_u64(a->sin6_scope_id));
    }
    case AF_UNIX: {
        const struct sockaddr_un *a = (const struct sockaddr_un *)sa;
        size_t n = len > offsetof(struct sockaddr_un, sun_path) ? len - offsetof(struct sockaddr_un, sun_path) : 0;
        if (n > sizeof a->sun_path) n = sizeof a->sun_path;
        if (n > 0 && a->sun_path[0] == 0) return bytes_new(a->sun_path, n);
        return str_fsdecode(a->sun_path, strnlen(a->sun_path, n));
    }
    default: {
        Value raw = bytes_new(sa->sa_data, sizeof sa->sa_data);
        return IS_NULL(raw) ? VAL_NULL : tuple_pack(2, MK_SMALLINT(sa->sa_family), raw);
    }
    }
}
