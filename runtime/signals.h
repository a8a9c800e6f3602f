/* signals.h - OS signals delivered to Python code.
 *
 * The C handler only records the signal, sets EB_SIGNALS_PENDING in the
 * main thread's eval-breaker word and writes the signal number to the wakeup
 * descriptor, if any; the Python-level handler (or, for SIGINT by default,
 * raising KeyboardInterrupt) runs in the main thread between bytecodes, or
 * when a blocking call in the main thread is interrupted and calls sig_check.
 * Other threads block SIGINT and SIGTERM, so that the main thread's blocking
 * calls are the ones those interrupt (EINTR).
 *
 * The table of Python-level handlers is CPython's Handlers[].func: the object
 * given to signal.signal() (a callable, or SIG_DFL/SIG_IGN as given), or
 * VAL_NULL where Python never set one (the module then reports what the
 * system has: SIG_DFL, SIG_IGN, or None for a foreign C handler).
 */
#ifndef GILPY_SIGNALS_H
#define GILPY_SIGNALS_H

#include "object.h"

void sig_init(void);
/* With the GIL: run the handlers of pending signals (main thread only).
 * 0, or -1 with the handler's exception (KeyboardInterrupt) set; the
 * signals still pending then run at the next check. */
int  sig_check(void);
/* Without the GIL: is a signal waiting to be handled by the main thread? */
int  sig_tripped(void);
/* Block the handled signals in the calling (non-main) thread. */
void sig_block_in_thread(void);
/* Undo that in a thread that becomes the main one (a fork child's only thread:
 * Pool.terminate's SIGTERM must reach a worker forked from a Pool's thread). */
void sig_unblock_in_main(void);

/* The Python-level handler of signum, VAL_NULL if Python never set one. */
Value sig_get_handler(int signum);
/* How the system acts on a signal. */
enum { SIG_ACT_DEFAULT, SIG_ACT_IGNORE, SIG_ACT_PYTHON };
/* Install action for signum and record handler as its Python-level handler:
 * 0, or -1 with errno set (the old action stays).  SIGINT's default
 * (KeyboardInterrupt) needs no handler object: VAL_NULL with SIG_ACT_PYTHON. */
int   sig_set_handler(int signum, Value handler, int action);
/* Record handler without touching the system's action (the module's start:
 * SIGINT's default_int_handler). */
void  sig_set_handler_object(int signum, Value handler);
/* signal.set_wakeup_fd: the C handler also writes the signal number, one byte,
 * to fd (-1: none).  A failed write is reported at the next sig_check (as
 * "Exception ignored when trying to write to the signal wakeup fd"), except a
 * full buffer when warn_full is 0.  Returns the previous descriptor. */
int   sig_set_wakeup_fd(int fd, int warn_full);

#endif
