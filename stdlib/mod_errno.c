/* mod_errno.c - the `errno` module: the system's error numbers by their
 * symbolic names, and errorcode mapping each number back to a name, as
 * CPython's errnomodule.c on Linux.  Where two names share a number
 * (EAGAIN/EWOULDBLOCK, EDEADLOCK/EDEADLK, ENOTSUP/EOPNOTSUPP), errorcode
 * names it as CPython does: the names listed first are overwritten. */
#include <errno.h>

#include "runtime/error.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_int.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "interp/modreg.h"

GILPY_MODULE("errno", mod_errno_init);

typedef struct ErrnoName { const char *name; int value; } ErrnoName;

#define E(n) {#n, n},
static const ErrnoName errno_names[] = {
    E(EDEADLK) E(EOPNOTSUPP) E(EWOULDBLOCK) E(E2BIG) E(EACCES) E(EADDRINUSE)
    E(EADDRNOTAVAIL) E(EADV) E(EAFNOSUPPORT) E(EAGAIN) E(EALREADY) E(EBADE) E(EBADF)
    E(EBADFD) E(EBADMSG) E(EBADR) E(EBADRQC) E(EBADSLT) E(EBFONT) E(EBUSY) E(ECANCELED)
    E(ECHILD) E(ECHRNG) E(ECOMM) E(ECONNABORTED) E(ECONNREFUSED) E(ECONNRESET) E(EDEADLOCK)
    E(EDESTADDRREQ) E(EDOM) E(EDOTDOT) E(EDQUOT) E(EEXIST) E(EFAULT) E(EFBIG) E(EHOSTDOWN)
    E(EHOSTUNREACH) E(EIDRM) E(EILSEQ) E(EINPROGRESS) E(EINTR) E(EINVAL) E(EIO) E(EISCONN)
    E(EISDIR) E(EISNAM) E(EKEYEXPIRED) E(EKEYREJECTED) E(EKEYREVOKED) E(EL2HLT) E(EL2NSYNC)
    E(EL3HLT) E(EL3RST) E(ELIBACC) E(ELIBBAD) E(ELIBEXEC) E(ELIBMAX) E(ELIBSCN) E(ELNRNG)
    E(ELOOP) E(EMEDIUMTYPE) E(EMFILE) E(EMLINK) E(EMSGSIZE) E(EMULTIHOP) E(ENAMETOOLONG)
    E(ENAVAIL) E(ENETDOWN) E(ENETRESET) E(ENETUNREACH) E(ENFILE) E(ENOANO) E(ENOBUFS)
    E(ENOCSI) E(ENODATA) E(ENODEV) E(ENOENT) E(ENOEXEC) E(ENOKEY) E(ENOLCK) E(ENOLINK)
    E(ENOMEDIUM) E(ENOMEM) E(ENOMSG) E(ENONET) E(ENOPKG) E(ENOPROTOOPT) E(ENOSPC) E(ENOSR)
    E(ENOSTR) E(ENOSYS) E(ENOTBLK) E(ENOTCONN) E(ENOTDIR) E(ENOTEMPTY) E(ENOTNAM)
    E(ENOTRECOVERABLE) E(ENOTSOCK) E(ENOTSUP) E(ENOTTY) E(ENOTUNIQ) E(ENXIO) E(EOVERFLOW)
    E(EOWNERDEAD) E(EPERM) E(EPFNOSUPPORT) E(EPIPE) E(EPROTO) E(EPROTONOSUPPORT)
    E(EPROTOTYPE) E(ERANGE) E(EREMCHG) E(EREMOTE) E(EREMOTEIO) E(ERESTART) E(ERFKILL)
    E(EROFS) E(ESHUTDOWN) E(ESOCKTNOSUPPORT) E(ESPIPE) E(ESRCH) E(ESRMNT) E(ESTALE)
    E(ESTRPIPE) E(ETIME) E(ETIMEDOUT) E(ETOOMANYREFS) E(ETXTBSY) E(EUCLEAN) E(EUNATCH)
    E(EUSERS) E(EXDEV) E(EXFULL)
};
#undef E

Value mod_errno_init(void) {
    Value m = module_new_c("errno");
    Value errorcode = dict_new();
    if (IS_NULL(m) || IS_NULL(errorcode)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    if (dict_set_c(d, "__doc__", str_from_c("This module makes available standard errno system symbols.\n\n"
        "The value of each symbol is the corresponding integer value,\ne.g., on most systems, "
        "errno.ENOENT equals the integer 2.\n\nThe dictionary errno.errorcode maps numeric codes to "
        "symbol names,\ne.g., errno.errorcode[2] could be the string 'ENOENT'.\n\nSymbols that are "
        "not relevant to the underlying system are not defined.\n\nTo map error codes to error "
        "messages, use the function os.strerror(),\ne.g. os.strerror(2) could return 'No such file "
        "or directory'.")) < 0)
        return VAL_NULL;
    for (size_t i = 0; i < sizeof errno_names / sizeof errno_names[0]; i++) {
        Value name = str_from_c(errno_names[i].name);
        Value value = MK_SMALLINT(errno_names[i].value);
        if (IS_NULL(name) || dict_set(d, name, value) < 0 || dict_set(errorcode, value, name) < 0)
            return VAL_NULL;
    }
    return dict_set_c(d, "errorcode", errorcode) < 0 ? VAL_NULL : m;
}
