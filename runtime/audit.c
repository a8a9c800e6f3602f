/* audit.c - PEP 578 audit hooks.
 *
 * One list of Python callables for the process (gilpy has one interpreter),
 * appended to by sys.addaudithook and never shrunk, as in CPython.  An event
 * calls each hook with (event name, argument tuple) in order; the first hook
 * that raises stops the event, and the action that raised it is abandoned
 * with that exception.  Events are raised by the code that performs the
 * action (open, compile, exec, import, the os functions, ...), always behind
 * audit_active() so that a program without hooks pays one load per action.
 * The names and arguments are CPython 3.11's (its "Audit events table").
 */
#include <stdarg.h>
#include <string.h>

#include "audit.h"
#include "call.h"
#include "error.h"
#include "gc.h"
#include "obj_bytes.h"
#include "obj_int.h"
#include "obj_list.h"
#include "obj_str.h"

int audit_nhooks = 0;
static Value audit_hooks = VAL_NULL;      /* list of callables, a GC root */

int audit_tuple(Value event, Value args) {
    if (!audit_nhooks) return 0;
    Value hooks = audit_hooks;
    for (int64_t i = 0; i < AS_LIST(hooks)->len; i++) {
        Value a[2] = { event, args };
        if (IS_NULL(call_value(AS_LIST(hooks)->items[i], a, 2, VAL_NULL))) return -1;
    }
    return 0;
}

static Value audit_arg(char f, va_list *ap) {
    switch (f) {
    case 'O': return va_arg(*ap, Value);
    case 's': return str_from_c(va_arg(*ap, const char *));
    case 'y': { const char *s = va_arg(*ap, const char *); return bytes_new(s, strlen(s)); }
    case 'i': return int_from_i64(va_arg(*ap, int));
    case 'n': return int_from_i64(va_arg(*ap, int64_t));
    default:  return VAL_NONE;      /* 'N' */
    }
}

int audit(const char *event, const char *fmt, ...) {
    if (!audit_nhooks) return 0;
    size_t n = strlen(fmt);
    Value args = tuple_new((int64_t)n);
    if (IS_NULL(args)) return -1;
    for (size_t i = 0; i < n; i++) AS_TUPLE(args)->items[i] = VAL_NONE;
    va_list ap;
    va_start(ap, fmt);
    for (size_t i = 0; i < n; i++) {
        Value v = audit_arg(fmt[i], &ap);
        if (IS_NULL(v)) { va_end(ap); return -1; }
        AS_TUPLE(args)->items[i] = v;
    }
    va_end(ap);
    Value ev = str_from_c(event);
    return IS_NULL(ev) ? -1 : audit_tuple(ev, args);
}

int audit_add_hook(Value hook) {
    if (audit("sys.addaudithook", "") < 0) {
        if (!err_matches(&exc_Exception)) return -1;
        err_clear();                /* a veto by an Exception is silent */
        return 0;
    }
    if (IS_NULL(audit_hooks)) {
        gc_add_root(&audit_hooks);
        audit_hooks = list_new(0);
        if (IS_NULL(audit_hooks)) return -1;
    }
    if (list_append(audit_hooks, hook) < 0) return -1;
    audit_nhooks++;
    return 0;
}
