/* audit.h - PEP 578 audit hooks (sys.audit, sys.addaudithook), see audit.c.
 *
 * Code that performs an audited action raises its event first and gives up
 * the action when a hook raises:
 *
 *     if (audit_active() && audit("os.remove", "Oi", path, -1) < 0) return VAL_NULL;
 *
 * audit_active() is one load, so an action costs nothing while no hook is
 * installed (the arguments are only built when one is).
 */
#ifndef GILPY_AUDIT_H
#define GILPY_AUDIT_H

#include "object.h"

extern int audit_nhooks;                 /* hooks added so far (they are never removed) */
static inline int audit_active(void) { return audit_nhooks != 0; }

/* Call every hook with (event, args), args a tuple built from fmt, one
 * character per argument: O a Value, s a C string (str), y a C string
 * (bytes), i an int, n an int64_t, N None.  0, or -1 with the hook's
 * exception set. */
int audit(const char *event, const char *fmt, ...);
/* The same with the arguments as a tuple (sys.audit). */
int audit_tuple(Value event, Value args);
/* sys.addaudithook(hook): the existing hooks see "sys.addaudithook" first
 * and may veto it.  0 added or vetoed quietly (an Exception), -1 error. */
int audit_add_hook(Value hook);

#endif
