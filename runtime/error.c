/* error.c - the pending exception of a thread and the ways to raise one.
 *
 * A thread's pending exception is always an exception *instance*
 * (ThreadState.exc).  err_format builds the message with our own small
 * formatter (the C conversions plus %R/%S/%T/%U/%N for Values) and
 * instantiates the type through the ordinary call path, so subclasses'
 * __init__ and attributes such as KeyError.args behave as in Python.
 */
#include "error.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "call.h"
#include "gc.h"
#include "obj_exc.h"
#include "obj_list.h"
#include "obj_str.h"
#include "state.h"
#include "strbuf.h"

/* ---- the C-side formatter ------------------------------------------------- */

static int fmt_value(StrBuf *sb, char conv, Value v) {
    Value s;
    if (conv == 'T') return sb_puts(sb, val_type_name(v));
    if (conv == 'N') return sb_puts(sb, IS_NONE(v) ? "None" : val_type_name(v));
    if (conv == 'U') s = v;
    else s = conv == 'R' ? obj_repr(v) : obj_str(v);
    if (IS_NULL(s)) return -1;
    return sb_put_value_str(sb, s);
}

/* Copy one %-conversion of a C type into sb using vsnprintf. */
static int fmt_c_conv(StrBuf *sb, const char *spec, size_t speclen, va_list *ap) {
    char f[16], buf[64];
    if (speclen >= sizeof f) return -1;
    memcpy(f, spec, speclen);
    f[speclen] = 0;
    char conv = f[speclen - 1];
    int n;
    if (conv == 's') {
        const char *s = va_arg(*ap, const char *);
        if (!s) s = "(null)";
        if (strchr(f, '.')) {            /* %.Ns */
            int prec = atoi(strchr(f, '.') + 1);
            size_t l = strnlen(s, (size_t)prec);
            return sb_put(sb, s, l);
        }
        return sb_puts(sb, s);
    }
    if (conv == 'p') n = snprintf(buf, sizeof buf, "%p", va_arg(*ap, void *));
    else if (conv == 'c') n = snprintf(buf, sizeof buf, "%c", va_arg(*ap, int));
    else if (strstr(f, "ll")) n = snprintf(buf, sizeof buf, f, va_arg(*ap, long long));
    else if (strchr(f, 'l')) n = snprintf(buf, sizeof buf, f, va_arg(*ap, long));
    else if (strchr(f, 'z')) n = snprintf(buf, sizeof buf, f, va_arg(*ap, size_t));
    else n = snprintf(buf, sizeof buf, f, va_arg(*ap, int));
    return sb_put(sb, buf, (size_t)(n < 0 ? 0 : n));
}

Value str_vformat_c(const char *fmt, va_list ap0) {
    StrBuf sb;
    sb_init(&sb);
    va_list ap;
    va_copy(ap, ap0);
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') { sb_putc(&sb, *p); continue; }
        const char *start = p++;
        if (*p == '%') { sb_putc(&sb, '%'); continue; }
        while (*p && strchr("0123456789.-+ #lzh", *p)) p++;
        if (!*p) break;
        int rc;
        if (strchr("RSTUN", *p)) rc = fmt_value(&sb, *p, va_arg(ap, Value));
        else rc = fmt_c_conv(&sb, start, (size_t)(p - start + 1), &ap);
        if (rc < 0) { va_end(ap); sb_free(&sb); return VAL_NULL; }
    }
    va_end(ap);
    return sb_finish_str(&sb);
}

Value str_format_c(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    Value v = str_vformat_c(fmt, ap);
    va_end(ap);
    return v;
}

/* ---- raising ---------------------------------------------------------------- */

Value err_set_obj(Value exc) {
    ThreadState *t = ts_get();
    if (IS_TYPE(exc)) {
        Value inst = call0(exc);
        if (IS_NULL(inst)) return VAL_NULL;
        exc = inst;
    }
    t->exc = exc;
    return VAL_NULL;
}

Value err_set_value(Type *type, Value arg) {
    Value inst = call1(MK_OBJ(type), arg);
    if (IS_NULL(inst)) return VAL_NULL;
    ts_get()->exc = inst;
    return VAL_NULL;
}

Value err_set_none(Type *type) {
    Value inst = call0(MK_OBJ(type));
    if (IS_NULL(inst)) return VAL_NULL;
    ts_get()->exc = inst;
    return VAL_NULL;
}

Value err_vformat(Type *type, const char *fmt, va_list ap) {
    Value msg = str_vformat_c(fmt, ap);
    if (IS_NULL(msg)) return VAL_NULL;
    return err_set_value(type, msg);
}

int err_warn(Type *category, const char *fmt, ...) {
    if (!interp.vm.warn) return 0;              /* before the interpreter runs */
    va_list ap;
    va_start(ap, fmt);
    Value msg = str_vformat_c(fmt, ap);
    va_end(ap);
    return IS_NULL(msg) ? -1 : interp.vm.warn(category, msg);
}

Value err_format(Type *type, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    err_vformat(type, fmt, ap);
    va_end(ap);
    return VAL_NULL;
}

Value err_no_memory(void) {
    ts_get()->exc = exc_memory_error_instance();
    return VAL_NULL;
}

static Type *err_oserror_subclass(int e) {
    switch (e) {
    case ENOENT: return &exc_FileNotFoundError;
    case EEXIST: return &exc_FileExistsError;
    case EACCES: case EPERM: return &exc_PermissionError;
    case EISDIR: return &exc_IsADirectoryError;
    case ENOTDIR: return &exc_NotADirectoryError;
    case EINTR: return &exc_InterruptedError;
    case EAGAIN: case EALREADY: case EINPROGRESS: return &exc_BlockingIOError;
    case ECHILD: return &exc_ChildProcessError;
    case ESRCH: return &exc_ProcessLookupError;
    case ETIMEDOUT: return &exc_TimeoutError;
    case EPIPE: case ESHUTDOWN: return &exc_BrokenPipeError;
    case ECONNABORTED: return &exc_ConnectionAbortedError;
    case ECONNREFUSED: return &exc_ConnectionRefusedError;
    case ECONNRESET: return &exc_ConnectionResetError;
    default: return NULL;
    }
}

Value err_from_errno(Type *type, Value filename) { return err_from_errno2(type, filename, VAL_NULL); }

Value err_from_errno2(Type *type, Value filename, Value filename2) {
    int e = errno;
    Type *sub = err_oserror_subclass(e);
    if (sub && type_is_subtype(sub, type)) type = sub;
    Value args[5] = { MK_SMALLINT(e), str_from_c(strerror(e)), filename, VAL_NONE, filename2 };
    int n = !IS_NULL(filename2) ? 5 : IS_NULL(filename) ? 2 : 3;
    Value tup = tuple_from_array(args, n);
    if (IS_NULL(tup)) return VAL_NULL;
    Value inst = call_tuple_dict(MK_OBJ(type), tup, VAL_NULL);
    if (IS_NULL(inst)) return VAL_NULL;
    ts_get()->exc = inst;
    return VAL_NULL;
}

/* ---- inspecting ----------------------------------------------------------------- */

int err_occurred(void) { return !IS_NULL(ts_get()->exc); }
Value err_peek(void) { return ts_get()->exc; }

Value err_fetch(void) {
    ThreadState *t = ts_get();
    Value e = t->exc;
    t->exc = VAL_NULL;
    return e;
}

void err_clear(void) { ts_get()->exc = VAL_NULL; }

int err_matches(Type *t) {
    Value e = ts_get()->exc;
    return !IS_NULL(e) && type_is_subtype(val_type(e), t);
}

int err_given_matches(Value exc, Value type_or_tuple) {
    if (IS_TUPLE(type_or_tuple)) {
        Tuple *tp = AS_TUPLE(type_or_tuple);
        for (int64_t i = 0; i < tp->len; i++)
            if (err_given_matches(exc, tp->items[i])) return 1;
        return 0;
    }
    if (!IS_TYPE(type_or_tuple)) return 0;
    return type_is_subtype(val_type(exc), AS_TYPE(type_or_tuple));
}
