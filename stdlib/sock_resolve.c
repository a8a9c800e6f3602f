/* sock_resolve.c - the `_socket` functions about names and numbers:
 * getaddrinfo/getnameinfo, the gethostby*, getservby* and getprotobyname
 * lookups, gethostname, the inet_* conversions, byte order and interface
 * names.
 *
 * Every lookup that may wait for the network runs with the GIL released,
 * through the reentrant (_r) forms of the netdb calls, copying what it
 * needs into C memory before taking the GIL back.  Errors are CPython's:
 * gaierror(code, gai_strerror(code)) for getaddrinfo/getnameinfo,
 * herror(h_errno, hstrerror(h_errno)) for the gethostby* family.
 */
#define _GNU_SOURCE 1
#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <net/if.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sock.h"
#include "runtime/audit.h"
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gil.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_str.h"

Value sock_herror = VAL_NULL, sock_gaierror = VAL_NULL;

static Value res_raise(Value cls, int code, const char *msg)
{
    Value m = str_from_c(msg);
    if (IS_NULL(m)) return VAL_NULL;
    Value e = call2(cls, MK_SMALLINT(code), m);
    return IS_NULL(e) ? VAL_NULL : err_set_obj(e);
}

Value sock_gai_error(int code)
{
    if (code == EAI_SYSTEM) return err_from_errno(&exc_OSError, VAL_NULL);
    return res_raise(sock_gaierror, code, gai_strerror(code));
}

static Value res_herror(int code) { return res_raise(sock_herror, code, hstrerror(code)); }

/* ---- getaddrinfo / getnameinfo ------------------------------------------------------- */

/* The port argument: None, an int (as its decimal text), str or bytes. */
static int res_port(Value v, const char **out, Value *keep, char *buf, size_t bufsize)
{
    if (IS_NONE(v)) { *out = NULL; return 0; }
    if (IS_INT(v)) {
        int64_t n;
        if (int_to_i64(v, &n) < 0) return -1;
        snprintf(buf, bufsize, "%lld", (long long)n);
        *out = buf;
        return 0;
    }
    if (IS_STR(v)) {
        *keep = str_encode(v, "utf-8", "strict");
        if (IS_NULL(*keep)) return -1;
        *out = (const char *)AS_BYTES(*keep)->data;
        return 0;
    }
    if (IS_BYTES(v)) { *keep = v; *out = (const char *)AS_BYTES(v)->data; return 0; }
    err_format(&exc_OSError, "Int or String expected");
    return -1;
}

static int res_int_arg(Value v, int *out) { return IS_NULL(v) ? 0 : arg_to_int(v, out); }

static Value res_getaddrinfo(Value *args, int nargs, Value kwnames)
{
    const char *host = NULL, *port;
    Value hkeep = VAL_NONE, pkeep = VAL_NONE;
    char pbuf[32];
    struct addrinfo hints = {0}, *res = NULL;
    if (!IS_NONE(args[0])) {
        if (!IS_STR(args[0]) && !IS_BYTES(args[0]))
            return err_format(&exc_TypeError, "getaddrinfo() argument 1 must be string or None");
        if (sock_addr_host(args[0], &host, &hkeep) < 0) return VAL_NULL;
    }
    if (res_port(args[1], &port, &pkeep, pbuf, sizeof pbuf) < 0 || res_int_arg(args[2], &hints.ai_family) < 0 ||
        res_int_arg(args[3], &hints.ai_socktype) < 0 || res_int_arg(args[4], &hints.ai_protocol) < 0 ||
        res_int_arg(args[5], &hints.ai_flags) < 0)
        return VAL_NULL;
    int rc;
    GIL_BLOCKING_BEGIN(GIL_REASON_IO);
    rc = getaddrinfo(host, port, &hints, &res);
    GIL_BLOCKING_END();
    if (rc) return sock_gai_error(rc);
    Value out = list_new(0);
    for (struct addrinfo *a = res; a && !IS_NULL(out); a = a->ai_next) {
        Value addr = sock_addr_make(a->ai_addr, a->ai_addrlen);
        Value canon = str_from_c(a->ai_canonname ? a->ai_canonname : "");
        Value t = IS_NULL(addr) || IS_NULL(canon) ? VAL_NULL
                : tuple_pack(5, MK_SMALLINT(a->ai_family), MK_SMALLINT(a->ai_socktype),
                             MK_SMALLINT(a->ai_protocol), canon, addr);
        if (IS_NULL(t) || list_append(out, t) < 0) out = VAL_NULL;
    }
    freeaddrinfo(res);
    return out;
}

static Value res_getnameinfo(Value *args, int nargs, Value kwnames)
{
    Value sa = args[0];
    int flags;
    if (!IS_TUPLE(sa)) return err_format(&exc_TypeError, "getnameinfo() argument 1 must be a tuple");
    if (arg_to_int(args[1], &flags) < 0) return VAL_NULL;
    int64_t n = AS_TUPLE(sa)->len;
    if (n < 2 || n > 4 || !IS_STR(AS_TUPLE(sa)->items[0]) || !IS_INT(AS_TUPLE(sa)->items[1]))
        return err_format(&exc_TypeError, "getnameinfo(): illegal sockaddr argument");
    int64_t port, flowinfo = 0, scope_id = 0;
    Value *it = AS_TUPLE(sa)->items;
    if (int_to_i64(it[1], &port) < 0 || (n > 2 && arg_to_ssize(it[2], &flowinfo) < 0) ||
        (n > 3 && arg_to_ssize(it[3], &scope_id) < 0))
        return VAL_NULL;
    if (flowinfo < 0 || flowinfo > 0xfffff)
        return err_format(&exc_OverflowError, "getnameinfo(): flowinfo must be 0-1048575.");
    char pbuf[32];
    snprintf(pbuf, sizeof pbuf, "%lld", (long long)port);
    struct addrinfo hints = {0}, *res = NULL;
    hints.ai_socktype = SOCK_DGRAM;
    hints.ai_flags = AI_NUMERICHOST;
    int rc;
    const char *host = AS_STR(it[0])->data;
    GIL_BLOCKING_BEGIN(GIL_REASON_IO);
    rc = getaddrinfo(host, pbuf, &hints, &res);
    GIL_BLOCKING_END();
    if (rc) return sock_gai_error(rc);
    if (res->ai_next) {
        freeaddrinfo(res);
        return err_format(&exc_OSError, "sockaddr resolved to multiple addresses");
    }
    SockAddr addr;
    socklen_t alen = res->ai_addrlen;
    memcpy(&addr, res->ai_addr, alen);
    freeaddrinfo(res);
    if (addr.sa.sa_family == AF_INET && n != 2)
        return err_format(&exc_OSError, "IPv4 sockaddr must be 2 tuple");
    if (addr.sa.sa_family == AF_INET6) {
        addr.in6.sin6_flowinfo = htonl((uint32_t)flowinfo);
        addr.in6.sin6_scope_id = (uint32_t)scope_id;
    }
    char hbuf[NI_MAXHOST], sbuf[NI_MAXSERV];
    GIL_BLOCKING_BEGIN(GIL_REASON_IO);
    rc = getnameinfo(&addr.sa, alen, hbuf, sizeof hbuf, sbuf, sizeof sbuf, flags);
    GIL_BLOCKING_END();
    if (rc) return sock_gai_error(rc);
    Value h = str_from_c(hbuf), s = str_from_c(sbuf);
    return IS_NULL(h) || IS_NULL(s) ? VAL_NULL : tuple_pack(2, h, s);
}

/* ---- gethostby* ---------------------------------------------------------------------- */

/* (name, aliases, addresses) of a hostent, its addresses of family af. */
static Value res_hostent(struct hostent *h, int af)
{
    Value aliases = list_new(0), addrs = list_new(0);
    if (IS_NULL(aliases) || IS_NULL(addrs)) return VAL_NULL;
    for (char **p = h->h_aliases; p && *p; p++) {
        Value s = str_from_c(*p);
        if (IS_NULL(s) || list_append(aliases, s) < 0) return VAL_NULL;
    }
    for (char **p = h->h_addr_list; p && *p; p++) {
        char buf[INET6_ADDRSTRLEN];
        if (!inet_ntop(h->h_addrtype, *p, buf, sizeof buf)) continue;
        Value s = str_from_c(buf);
        if (IS_NULL(s) || list_append(addrs, s) < 0) return VAL_NULL;
    }
    (void)af;
    Value name = str_from_c(h->h_name ? h->h_name : "");
    return IS_NULL(name) ? VAL_NULL : tuple_pack(3, name, aliases, addrs);
}

/* gethostbyname2_r / gethostbyaddr_r into a growing buffer, the GIL released. */
static Value res_hostlookup(const void *addr, socklen_t alen, int af, const char *name)
{
    struct hostent he, *h = NULL;
    size_t size = 16384;
    char *buf = NULL;
    int rc, herr = 0;
    for (;;) {
        char *nb = realloc(buf, size);
        if (!nb) { free(buf); return err_no_memory(); }
        buf = nb;
        GIL_BLOCKING_BEGIN(GIL_REASON_IO);
        rc = name ? gethostbyname2_r(name, af, &he, buf, size, &h, &herr)
                  : gethostbyaddr_r(addr, alen, af, &he, buf, size, &h, &herr);
        GIL_BLOCKING_END();
        if (rc != ERANGE || size > (1u << 24)) break;
        size *= 2;
    }
    Value r = h ? res_hostent(h, af) : res_herror(herr ? herr : HOST_NOT_FOUND);
    free(buf);
    return r;
}

/* A host argument resolved for family into *a; *name and *keep hold its text. */
static int res_host(Value v, int family, SockAddr *a, const char **name, Value *keep)
{
    if (sock_addr_host(v, name, keep) < 0) return -1;
    return sock_addr_resolve(*name, &a->sa, family == AF_INET ? sizeof a->in4 : sizeof *a, family) < 0 ? -1 : 0;
}

static Value res_gethostbyname(Value *args, int nargs, Value kwnames)
{
    const char *name;
    Value keep;
    SockAddr a;
    if (res_host(args[0], AF_INET, &a, &name, &keep) < 0) return VAL_NULL;
    char buf[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &a.in4.sin_addr, buf, sizeof buf);
    return str_from_c(buf);
}

static Value res_gethostbyname_ex(Value *args, int nargs, Value kwnames)
{
    const char *name;
    Value keep;
    SockAddr a;
    if (res_host(args[0], AF_INET, &a, &name, &keep) < 0) return VAL_NULL;
    return res_hostlookup(NULL, 0, AF_INET, name);
}

static Value res_gethostbyaddr(Value *args, int nargs, Value kwnames)
{
    const char *name;
    Value keep;
    SockAddr a;
    if (res_host(args[0], AF_UNSPEC, &a, &name, &keep) < 0) return VAL_NULL;
    if (a.sa.sa_family == AF_INET6) return res_hostlookup(&a.in6.sin6_addr, sizeof a.in6.sin6_addr, AF_INET6, NULL);
    return res_hostlookup(&a.in4.sin_addr, sizeof a.in4.sin_addr, AF_INET, NULL);
}

static Value res_gethostname(Value *args, int nargs, Value kwnames)
{
    char buf[1024];
    int rc;
    GIL_BLOCKING_BEGIN(GIL_REASON_IO);
    rc = gethostname(buf, sizeof buf - 1);
    GIL_BLOCKING_END();
    if (rc < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    buf[sizeof buf - 1] = 0;
    return str_fsdecode(buf, strlen(buf));
}

/* sethostname(name): bytes as they are, else a path-like's file-system encoding. */
static Value res_sethostname(Value *args, int nargs, Value kwnames)
{
    Value name = args[0], keep = VAL_NULL;
    const char *p;
    size_t len;
    if (IS_BYTES(name)) {
        p = (const char *)AS_BYTES(name)->data;
        len = (size_t)AS_BYTES(name)->len;
    } else {
        Value path = arg_to_path(name);
        if (IS_NULL(path)) return VAL_NULL;
        if (IS_STR(path) ? memchr(STR_DATA(path), 0, (size_t)AS_STR(path)->len) != NULL
                         : memchr(AS_BYTES(path)->data, 0, (size_t)AS_BYTES(path)->len) != NULL)
            return err_format(&exc_ValueError, "embedded null byte");
        p = IS_STR(path) ? str_fsencode(path, &keep) : (const char *)AS_BYTES(path)->data;
        if (!p) return VAL_NULL;
        len = IS_STR(path) ? strlen(p) : (size_t)AS_BYTES(path)->len;
    }
    if (audit_active()) {                       /* the hook sees the bytes set */
        Value hn = IS_BYTES(name) ? name : bytes_new(p, len);
        if (IS_NULL(hn) || audit("socket.sethostname", "O", hn) < 0) return VAL_NULL;
    }
    if (sethostname(p, len) < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    return VAL_NONE;
}

/* ---- services and protocols ----------------------------------------------------------- */

/* A str argument as CPython's "s" format: no embedded NUL. */
static int res_cstr(Value v, const char *fname, int argno, const char **out)
{
    if (!IS_STR(v))
        return err_format(&exc_TypeError, "%s() argument %d must be str, not %N", fname, argno, v), -1;
    if ((int64_t)strlen(AS_STR(v)->data) != AS_STR(v)->len)
        return err_format(&exc_ValueError, "embedded null character"), -1;
    *out = AS_STR(v)->data;
    return 0;
}

static Value res_getservbyname(Value *args, int nargs, Value kwnames)
{
    const char *name, *proto = NULL;
    if (res_cstr(args[0], "getservbyname", 1, &name) < 0) return VAL_NULL;
    if (!IS_NULL(args[1]) && res_cstr(args[1], "getservbyname", 2, &proto) < 0) return VAL_NULL;
    struct servent se, *sp = NULL;
    char buf[4096];
    GIL_BLOCKING_BEGIN(GIL_REASON_IO);
    getservbyname_r(name, proto, &se, buf, sizeof buf, &sp);
    GIL_BLOCKING_END();
    if (!sp) return err_format(&exc_OSError, "service/proto not found");
    return MK_SMALLINT(ntohs((uint16_t)sp->s_port));
}

static Value res_getservbyport(Value *args, int nargs, Value kwnames)
{
    int port;
    const char *proto = NULL;
    if (arg_to_int(args[0], &port) < 0) return VAL_NULL;
    if (port < 0 || port > 0xffff)
        return err_format(&exc_OverflowError, "getservbyport: port must be 0-65535.");
    if (!IS_NULL(args[1]) && res_cstr(args[1], "getservbyport", 2, &proto) < 0) return VAL_NULL;
    struct servent se, *sp = NULL;
    char buf[4096];
    GIL_BLOCKING_BEGIN(GIL_REASON_IO);
    getservbyport_r(htons((uint16_t)port), proto, &se, buf, sizeof buf, &sp);
    GIL_BLOCKING_END();
    if (!sp) return err_format(&exc_OSError, "port/proto not found");
    return str_from_c(sp->s_name);
}

static Value res_getprotobyname(Value *args, int nargs, Value kwnames)
{
    const char *name;
    if (res_cstr(args[0], "getprotobyname", 1, &name) < 0) return VAL_NULL;
    struct protoent pe, *pp = NULL;
    char buf[4096];
    getprotobyname_r(name, &pe, buf, sizeof buf, &pp);
    if (!pp) return err_format(&exc_OSError, "protocol not found");
    return MK_SMALLINT(pp->p_proto);
}

/* ---- inet_* ------------------------------------------------------------------------- */

static Value res_inet_aton(Value *args, int nargs, Value kwnames)
{
    const char *s;
    struct in_addr a;
    if (res_cstr(args[0], "inet_aton", 1, &s) < 0) return VAL_NULL;
    if (!inet_aton(s, &a)) return err_format(&exc_OSError, "illegal IP address string passed to inet_aton");
    return bytes_new(&a, sizeof a);
}

static Value res_inet_ntoa(Value *args, int nargs, Value kwnames)
{
    const uint8_t *d;
    int64_t n;
    if (bytes_view(args[0], &d, &n) < 0) return VAL_NULL;
    if (n != 4) return err_format(&exc_OSError, "packed IP wrong length for inet_ntoa");
    char buf[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, d, buf, sizeof buf);
    return str_from_c(buf);
}

static Value res_inet_pton(Value *args, int nargs, Value kwnames)
{
    int af;
    const char *s;
    unsigned char buf[sizeof(struct in6_addr)];
    if (arg_to_int(args[0], &af) < 0 || res_cstr(args[1], "inet_pton", 2, &s) < 0) return VAL_NULL;
    int rc = inet_pton(af, s, buf);
    if (rc < 0) return err_from_errno(&exc_OSError, VAL_NULL);
    if (rc == 0) return err_format(&exc_OSError, "illegal IP address string passed to inet_pton");
    return bytes_new(buf, af == AF_INET ? 4 : 16);
}

static Value res_inet_ntop(Value *args, int nargs, Value kwnames)
{
    int af;
    const uint8_t *d;
    int64_t n;
    if (arg_to_int(args[0], &af) < 0 || bytes_view(args[1], &d, &n) < 0) return VAL_NULL;
    if (af != AF_INET && af != AF_INET6) return err_format(&exc_ValueError, "unknown address family %d", af);
    if (n != (af == AF_INET ? 4 : 16)) return err_format(&exc_ValueError, "invalid length of packed IP address string");
    char buf[INET6_ADDRSTRLEN];
    if (!inet_ntop(af, d, buf, sizeof buf)) return err_from_errno(&exc_OSError, VAL_NULL);
    return str_from_c(buf);
}

/* ---- byte order ----------------------------------------------------------------------- */

static Value res_swap16(Value v, const char *fname)
{
    int64_t x;
    if (arg_to_ssize(v, &x) < 0) {
        if (!err_matches(&exc_OverflowError)) return VAL_NULL;
        err_clear();
        x = int_sign(v) < 0 ? -1 : 0x10000;
    }
    if (x < 0)
        return err_format(&exc_OverflowError, "%s: can't convert negative Python int to C 16-bit unsigned integer", fname);
    if (x > 0xffff)
        return err_format(&exc_OverflowError, "%s: Python int too large to convert to C 16-bit unsigned integer", fname);
    return MK_SMALLINT(htons((uint16_t)x));
}

static Value res_swap32(Value v)
{
    if (!IS_INT(v)) return err_format(&exc_TypeError, "expected int, %T found", v);
    if (int_sign(v) < 0) return err_format(&exc_OverflowError, "can't convert negative value to unsigned int");
    int64_t x;
    if (int_to_i64(v, &x) < 0 || x > 0xffffffffLL) {
        err_clear();
        return err_format(&exc_OverflowError, "int larger than 32 bits");
    }
    return int_from_u64(htonl((uint32_t)x));
}

static Value res_htons(Value *args, int nargs, Value kwnames) { return res_swap16(args[0], "htons"); }
static Value res_ntohs(Value *args, int nargs, Value kwnames) { return res_swap16(args[0], "ntohs"); }
static Value res_htonl(Value *args, int nargs, Value kwnames) { return res_swap32(args[0]); }

/* ---- interfaces --------------------------------------------------------------------- */

static Value res_if_nameindex(Value *args, int nargs, Value kwnames)
{
    struct if_nameindex *ni = if_nameindex();
    if (!ni) return err_from_errno(&exc_OSError, VAL_NULL);
    Value out = list_new(0);
    for (struct if_nameindex *p = ni; p->if_index && !IS_NULL(out); p++) {
        Value name = str_fsdecode(p->if_name, strlen(p->if_name));
        Value t = IS_NULL(name) ? VAL_NULL : tuple_pack(2, int_from_u64(p->if_index), name);
        if (IS_NULL(t) || list_append(out, t) < 0) out = VAL_NULL;
    }
    if_freenameindex(ni);
    return out;
}

static Value res_if_nametoindex(Value *args, int nargs, Value kwnames)
{
    Value v = args[0], keep = VAL_NULL;
    const char *name;
    if (IS_STR(v)) name = str_fsencode(v, &keep);
    else if (IS_BYTES(v)) name = (const char *)AS_BYTES(v)->data;
    else return err_format(&exc_TypeError, "expected str, bytes or os.PathLike object, not %T", v);
    if (!name) return VAL_NULL;
    unsigned idx = if_nametoindex(name);
    if (!idx) return err_format(&exc_OSError, "no interface with this name");
    return int_from_u64(idx);
}

static Value res_if_indextoname(Value *args, int nargs, Value kwnames)
{
    if (!IS_INT(args[0])) return err_format(&exc_TypeError, "an integer is required");
    if (int_sign(args[0]) < 0) return err_format(&exc_OverflowError, "can't convert negative value to unsigned int");
    int64_t i;
    if (int_to_i64(args[0], &i) < 0 || i > 0xffffffffLL) {
        err_clear();
        return err_format(&exc_OverflowError, "Python int too large to convert to C unsigned long");
    }
    char buf[IF_NAMESIZE + 1];
    if (!if_indextoname((unsigned)i, buf)) return err_from_errno(&exc_OSError, VAL_NULL);
    return str_fsdecode(buf, strlen(buf));
}

/* ---- CMSG_LEN / CMSG_SPACE ------------------------------------------------------------- */

static Value res_cmsg(Value v, int space, const char *fname)
{
    int64_t n;
    if (arg_to_ssize(v, &n) < 0) return VAL_NULL;
    if (n < 0 || n > (int64_t)INT_MAX - (int64_t)(space ? CMSG_SPACE(1) : CMSG_LEN(0)))
        return err_format(&exc_OverflowError, "%s() argument out of range", fname);
    return int_from_i64(space ? (int64_t)CMSG_SPACE((size_t)n) : (int64_t)CMSG_LEN((size_t)n));
}

static Value res_cmsg_len(Value *args, int nargs, Value kwnames) { return res_cmsg(args[0], 0, "CMSG_LEN"); }
static Value res_cmsg_space(Value *args, int nargs, Value kwnames) { return res_cmsg(args[0], 1, "CMSG_SPACE"); }

const MethodDef sock_res_functions[] = {
    {"getaddrinfo", res_getaddrinfo, ARGS_KW, "getaddrinfo(host, port [, family, type, proto, flags])",
     "($module, /, host, port, family=0, type=0, proto=0, flags=0)"},
    {"getnameinfo", res_getnameinfo, ARGS_POS(2, 2), "getnameinfo(sockaddr, flags) --> (host, port)"},
    {"gethostbyname", res_gethostbyname, ARGS_ONE, "gethostbyname(host) -> address"},
    {"gethostbyname_ex", res_gethostbyname_ex, ARGS_ONE, "gethostbyname_ex(host) -> (name, aliaslist, addresslist)"},
    {"gethostbyaddr", res_gethostbyaddr, ARGS_ONE, "gethostbyaddr(host) -> (name, aliaslist, addresslist)"},
    {"gethostname", res_gethostname, ARGS_NONE, "gethostname() -> string"},
    {"sethostname", res_sethostname, ARGS_ONE, "sethostname(name)\n\nSets the hostname to name."},
    {"getservbyname", res_getservbyname, ARGS_POS(1, 2), "getservbyname(servicename[, protocolname]) -> integer"},
    {"getservbyport", res_getservbyport, ARGS_POS(1, 2), "getservbyport(port[, protocolname]) -> string"},
    {"getprotobyname", res_getprotobyname, ARGS_ONE, "getprotobyname(name) -> integer"},
    {"inet_aton", res_inet_aton, ARGS_ONE, "inet_aton(string) -> bytes giving packed 32-bit IP representation"},
    {"inet_ntoa", res_inet_ntoa, ARGS_ONE, "inet_ntoa(packed_ip) -> ip_address_string"},
    {"inet_pton", res_inet_pton, ARGS_POS(2, 2), "inet_pton(af, ip) -> packed IP address string"},
    {"inet_ntop", res_inet_ntop, ARGS_POS(2, 2), "inet_ntop(af, packed_ip) -> string formatted IP address"},
    {"htons", res_htons, ARGS_ONE, "htons(integer) -> integer"},
    {"ntohs", res_ntohs, ARGS_ONE, "ntohs(integer) -> integer"},
    {"htonl", res_htonl, ARGS_ONE, "htonl(integer) -> integer"},
    {"ntohl", res_htonl, ARGS_ONE, "ntohl(integer) -> integer"},
    {"if_nameindex", res_if_nameindex, ARGS_NONE, "if_nameindex()"},
    {"if_nametoindex", res_if_nametoindex, ARGS_ONE, "if_nametoindex(if_name)"},
    {"if_indextoname", res_if_indextoname, ARGS_ONE, "if_indextoname(if_index)"},
    {"CMSG_LEN", res_cmsg_len, ARGS_ONE, "CMSG_LEN(length) -> control message length"},
    {"CMSG_SPACE", res_cmsg_space, ARGS_ONE, "CMSG_SPACE(length) -> buffer size"},
    {NULL, NULL, 0, NULL},
};
