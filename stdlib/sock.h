/* sock.h - what the files of the `_socket` module share.
 *
 * mod_socket.c     the socket object and the module
 * sock_addr.c      Python address tuples <-> struct sockaddr (sock_addr_*)
 * sock_resolve.c   names and numbers: getaddrinfo, gethostbyname, inet_pton... (sock_res_*)
 * sock_msg.c       sendmsg, recvmsg and recvmsg_into with ancillary data (sock_msg_*)
 * sock_consts.c    the integer constants (sock_consts_add)
 */
#ifndef GILPY_SOCK_H
#define GILPY_SOCK_H

#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "runtime/object.h"

/* Any address the module handles. */
typedef union {
    struct sockaddr sa;
    struct sockaddr_in in4;
    struct sockaddr_in6 in6;
    struct sockaddr_un un;
    struct sockaddr_storage st;
} SockAddr;

/* A socket object (mod_socket.c explains the timeout). */
typedef struct {
    Obj    header;
    int    fd;              /* -1 once closed or detached */
    int    family, type, proto;
    double timeout;         /* seconds; -1 blocking, 0 non-blocking */
} SockObj;

/* One system call and its arguments, all C memory: fn runs without the GIL. */
typedef struct SockIO SockIO;
struct SockIO {
    ssize_t (*fn)(int fd, SockIO *io);
    void *buf;
    size_t len;
    int flags;
    SockAddr addr;
    socklen_t addrlen;
    struct msghdr *msg;
};

/* Run io->fn on s until it succeeds: its result, or -1 with the exception
 * set (TimeoutError when a positive timeout runs out).  With errnum given,
 * OS errors are returned there instead of raised. */
ssize_t sock_call(SockObj *s, int writing, SockIO *io, int *errnum);
/* An optional flags argument (VAL_NULL: 0). */
int   sock_flags_arg(Value v, int *flags);

/* The socket methods of sock_msg.c. */
Value sock_msg_sendmsg(Value *args, int nargs, Value kwnames);
Value sock_msg_recvmsg(Value *args, int nargs, Value kwnames);
Value sock_msg_recvmsg_into(Value *args, int nargs, Value kwnames);

/* The exceptions socket.herror and socket.gaierror (subclasses of OSError). */
extern Value sock_herror, sock_gaierror;

/* Raise gaierror(code, gai_strerror(code)), or OSError from errno for EAI_SYSTEM. */
Value sock_gai_error(int code);

/* A Python address for `family` into *addr / *len, as CPython's getsockaddrarg;
 * caller names the method in messages ("connect", "bind", "sendto"...). */
int   sock_addr_parse(int family, Value v, SockAddr *addr, socklen_t *len, const char *caller);
/* The Python form of an address the system returned (None for an empty one). */
Value sock_addr_make(const struct sockaddr *sa, socklen_t len);
/* Resolve a host name ("" any address, "<broadcast>", numeric, or through
 * getaddrinfo with the GIL released) for family AF_INET, AF_INET6 or AF_UNSPEC
 * (CPython's setipaddr): the address length, or -1. */
int   sock_addr_resolve(const char *name, struct sockaddr *out, size_t outsize, int family);
/* A host argument as CPython's idna_converter takes it: str (ASCII, or
 * through the idna codec), bytes or bytearray, into a NUL-terminated C
 * string kept alive by *keep. */
int   sock_addr_host(Value v, const char **out, Value *keep);

/* The module-level functions of sock_resolve.c. */
extern const MethodDef sock_res_functions[];
/* Add the constants to the module dict. */
int   sock_consts_add(Value dict);

#endif
