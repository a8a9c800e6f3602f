/* ssl_err.c - `_ssl`'s exception classes, and turning OpenSSL's errors into them.
 *
 * SSLError is an OSError whose str() is its strerror; its subclasses tell the
 * SSL_get_error() outcomes apart (SSLWantReadError for SSL_ERROR_WANT_READ...)
 * and SSLCertVerificationError is also a ValueError.  An instance carries
 * errno (one of CPython's SSL_ERROR_* numbers, or an OpenSSL reason code),
 * strerror, `library` and `reason` (OpenSSL's mnemonics, from the generated
 * ssl_errnames.c) and, for a failed verification, `verify_code` and
 * `verify_message`.  The text is CPython's: "[LIB: REASON] text (_ssl.c:N)",
 * where N is the line of the gilpy source that raised it.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <openssl/err.h>

#include "ssl.h"
#include "sock.h"
#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/gc.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_list.h"
#include "runtime/obj_str.h"
#include "runtime/obj_type.h"

/* ---- the classes -------------------------------------------------------------------- */

/* str(): strerror when it is a str, else str(args), as CPython's SSLError_str. */
static Value ssl_exc_str_m(Value *args, int nargs, Value kwnames)
{
    Value se = obj_getattr_c(args[0], "strerror");
    if (IS_NULL(se)) return VAL_NULL;
    return IS_STR(se) ? se : obj_str(AS_EXC(args[0])->args);
}

static const MethodDef ssl_exc_methods[] = {
    {"__str__", ssl_exc_str_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL},
};

Type *ssl_exc_error, *ssl_exc_zero_return, *ssl_exc_want_read, *ssl_exc_want_write, *ssl_exc_syscall,
    *ssl_exc_eof, *ssl_exc_cert_verification;

/* The classes are made like CPython's (heap classes of module "ssl", so that
 * their repr and __name__ are plain; SSLError's attributes read-only), once,
 * and kept as roots. */
enum { SSL_EXC_COUNT = 7 };
static Value ssl_exc_classes[SSL_EXC_COUNT];

static const struct {
    const char *name, *doc;
    Type **slot;
    int base;          /* index of the base class here, or -1 for OSError */
} ssl_exc_table[SSL_EXC_COUNT] = {
    {"SSLError", "An error occurred in the SSL implementation.", &ssl_exc_error, -1},
    {"SSLZeroReturnError", "SSL/TLS session closed cleanly.", &ssl_exc_zero_return, 0},
    {"SSLWantReadError", "Non-blocking SSL socket needs to read more data\nbefore the requested operation "
                         "can be completed.", &ssl_exc_want_read, 0},
    {"SSLWantWriteError", "Non-blocking SSL socket needs to write more data\nbefore the requested operation "
                          "can be completed.", &ssl_exc_want_write, 0},
    {"SSLSyscallError", "System error when attempting SSL operation.", &ssl_exc_syscall, 0},
    {"SSLEOFError", "SSL/TLS connection terminated abruptly.", &ssl_exc_eof, 0},
    {"SSLCertVerificationError", "A certificate could not be verified.", &ssl_exc_cert_verification, 0},
};

static Value ssl_exc_make(int i)
{
    Value base = ssl_exc_table[i].base < 0 ? MK_OBJ(&exc_OSError) : ssl_exc_classes[ssl_exc_table[i].base];
    Value bases = i == 6 ? tuple_pack(2, base, MK_OBJ(&exc_ValueError)) : tuple_pack(1, base);
    Value ns = dict_new();
    if (IS_NULL(bases) || IS_NULL(ns) || dict_set_c(ns, "__module__", str_from_c("ssl")) < 0 ||
        dict_set_c(ns, "__doc__", str_from_c(ssl_exc_table[i].doc)) < 0)
        return VAL_NULL;
    Value cls = type_new_class(&type_type, str_from_c(ssl_exc_table[i].name), bases, ns, VAL_NULL);
    if (IS_NULL(cls) || i != 0) return cls;
    dict_add_methods(AS_TYPE(cls)->dict, ssl_exc_methods, cls);
    type_update_slots(AS_TYPE(cls), VAL_NULL);
    AS_TYPE(cls)->flags |= TF_IMMUTABLE;          /* as CPython's, made from a type spec */
    return err_occurred() ? VAL_NULL : cls;
}

int ssl_err_add(Value d)
{
    for (int i = 0; i < SSL_EXC_COUNT; i++) {
        if (IS_NULL(ssl_exc_classes[i]) || ssl_exc_classes[i] == 0) {
            gc_add_root(&ssl_exc_classes[i]);
            ssl_exc_classes[i] = ssl_exc_make(i);
            if (IS_NULL(ssl_exc_classes[i])) return -1;
            *ssl_exc_table[i].slot = AS_TYPE(ssl_exc_classes[i]);
        }
        if (dict_set_c(d, ssl_exc_table[i].name, ssl_exc_classes[i]) < 0) return -1;
    }
    return 0;
}

/* ---- names ------------------------------------------------------------------------- */

Value ssl_err_lib_name(int lib)
{
    for (const SslLibName *l = ssl_lib_names; l->name; l++)
        if (l->lib == lib) return str_from_c(l->name);
    return VAL_NONE;
}

Value ssl_err_reason_name(int lib, int reason)
{
    size_t lo = 0, hi = ssl_err_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const SslErrName *e = &ssl_err_names[mid];
        if (e->lib == lib && e->reason == reason) return str_from_c(e->name);
        if (e->lib < lib || (e->lib == lib && e->reason < reason)) lo = mid + 1;
        else hi = mid;
    }
    return VAL_NONE;
}

/* ---- raising ---------------------------------------------------------------------- */

/* verify_message for a failed verification on s. */
static Value ssl_err_verify_message(SslSock *s, long code)
{
    if (code == X509_V_ERR_HOSTNAME_MISMATCH)
        return str_format_c("Hostname mismatch, certificate is not valid for '%S'.", s->server_hostname);
    if (code == X509_V_ERR_IP_ADDRESS_MISMATCH)
        return str_format_c("IP address mismatch, certificate is not valid for '%S'.", s->server_hostname);
    const char *m = X509_verify_cert_error_string(code);
    return m ? str_from_c(m) : VAL_NONE;
}

static Value ssl_err_message(Value lib, Value reason, const char *errstr, Value verify, int line)
{
    if (!IS_NULL(verify) && !IS_NONE(verify) && !IS_NONE(reason) && !IS_NONE(lib))
        return str_format_c("[%S: %S] %s: %S (_ssl.c:%d)", lib, reason, errstr, verify, line);
    if (!IS_NONE(reason) && !IS_NONE(lib)) return str_format_c("[%S: %S] %s (_ssl.c:%d)", lib, reason, errstr, line);
    if (!IS_NONE(lib)) return str_format_c("[%S] %s (_ssl.c:%d)", lib, errstr, line);
    return str_format_c("%s (_ssl.c:%d)", errstr, line);
}

Value ssl_err_raise(SslSock *s, Type *type, int pyerr, const char *errstr, unsigned long code, int line)
{
    Value lib = VAL_NONE, reason = VAL_NONE, verify = VAL_NULL, vcode = VAL_NULL;
    if (code) {
        lib = ssl_err_lib_name(ERR_GET_LIB(code));
        reason = ssl_err_reason_name(ERR_GET_LIB(code), ERR_GET_REASON(code));
        if (!errstr) errstr = ERR_reason_error_string(code);
    }
    if (!errstr) errstr = "unknown error";
    if (s && type == ssl_exc_cert_verification) {
        long vc = SSL_get_verify_result(s->ssl);
        vcode = MK_SMALLINT(vc);
        verify = ssl_err_verify_message(s, vc);
        if (IS_NULL(verify)) return VAL_NULL;
    }
    Value msg = ssl_err_message(lib, reason, errstr, verify, line);
    if (IS_NULL(msg) || IS_NULL(lib) || IS_NULL(reason)) return VAL_NULL;
    Value args[2] = {MK_SMALLINT(ERR_GET_REASON((unsigned long)pyerr)), msg};
    Value exc = call_value(MK_OBJ(type), args, 2, VAL_NULL);
    if (IS_NULL(exc)) return VAL_NULL;
    if (obj_setattr(exc, str_intern_c("reason"), reason) < 0 ||
        obj_setattr(exc, str_intern_c("library"), lib) < 0)
        return VAL_NULL;
    if (!IS_NULL(vcode) && (obj_setattr(exc, str_intern_c("verify_code"), vcode) < 0 ||
                            obj_setattr(exc, str_intern_c("verify_message"), verify) < 0))
        return VAL_NULL;
    return err_set_obj(exc);
}

Value ssl_err_lib(const char *what, int line)
{
    unsigned long code = what ? 0 : ERR_peek_last_error();
    Value r = ssl_err_raise(NULL, ssl_exc_error, (int)code, what, code, line);
    ERR_clear_error();
    return r;
}

static Value ssl_err_errno(int e)
{
    ERR_clear_error();
    errno = e;
    return err_from_errno(&exc_OSError, VAL_NULL);
}

/* SSL_ERROR_SYSCALL: an EOF against the protocol, or the socket's own error. */
static Value ssl_err_syscall(SslSock *s, int ret, int cerr, unsigned long e, int line)
{
    if (e != 0) {
        if (ERR_GET_LIB(e) == ERR_LIB_SYS) return ssl_err_errno(ERR_GET_REASON(e));
        Value r = ssl_err_raise(s, ssl_exc_error, SSL_PY_SYSCALL, NULL, e, line);
        ERR_clear_error();
        return r;
    }
    if (ret == 0 || IS_NONE(s->sock) || (ret == -1 && cerr == 0)) {
        ERR_clear_error();
        return ssl_err_raise(s, ssl_exc_eof, SSL_PY_EOF, "EOF occurred in violation of protocol", 0, line);
    }
    if (ret == -1) return ssl_err_errno(cerr);
    return ssl_err_raise(s, ssl_exc_syscall, SSL_PY_SYSCALL, "Some I/O error occurred", 0, line);
}

Value ssl_err_io(SslSock *s, int ret, int code, int cerr, int line)
{
    unsigned long e = ERR_peek_last_error();
    Type *type = ssl_exc_error;
    const char *what = NULL;
    int p;
    switch (code) {
    case SSL_ERROR_ZERO_RETURN:
        type = ssl_exc_zero_return, p = SSL_PY_ZERO_RETURN, what = "TLS/SSL connection has been closed (EOF)";
        break;
    case SSL_ERROR_WANT_READ:
        type = ssl_exc_want_read, p = SSL_PY_WANT_READ, what = "The operation did not complete (read)";
        break;
    case SSL_ERROR_WANT_WRITE:
        type = ssl_exc_want_write, p = SSL_PY_WANT_WRITE, what = "The operation did not complete (write)";
        break;
    case SSL_ERROR_WANT_X509_LOOKUP:
        p = SSL_PY_WANT_X509_LOOKUP, what = "The operation did not complete (X509 lookup)";
        break;
    case SSL_ERROR_WANT_CONNECT:
        p = SSL_PY_WANT_CONNECT, what = "The operation did not complete (connect)";
        break;
    case SSL_ERROR_SYSCALL:
        return ssl_err_syscall(s, ret, cerr, e, line);
    case SSL_ERROR_SSL:
        p = SSL_PY_SSL;
        if (e == 0) what = "A failure in the SSL library occurred";
        if (ERR_GET_LIB(e) == ERR_LIB_SYS) return ssl_err_errno(ERR_GET_REASON(e));
        if (ERR_GET_LIB(e) == ERR_LIB_SSL && ERR_GET_REASON(e) == SSL_R_CERTIFICATE_VERIFY_FAILED)
            type = ssl_exc_cert_verification;
        break;
    default:
        p = SSL_PY_INVALID_ERROR_CODE, what = "Invalid error code";
    }
    Value r = ssl_err_raise(s, type, p, what, e, line);
    ERR_clear_error();
    return r;
}

int ssl_no_delete(Value v)
{
    if (!IS_NULL(v)) return 0;
    err_format(&exc_AttributeError, "cannot delete attribute");
    return -1;
}
