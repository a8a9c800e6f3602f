/* signals.h - OS signals delivered to Python code.
 *
 * The C handler only records the signal and sets EB_SIGNALS_PENDING in the
 * main thread's eval-breaker word; the Python-level handler (or, for SIGINT
 * by default, raising KeyboardInterrupt) runs in the main thread between
 * bytecodes, or when a blocking call in the main thread is interrupted and
 * calls sig_check.  Other threads block the handled signals, so the main
 * thread's blocking calls are the ones interrupted (EINTR).
 */
#ifndef GILPY_SIGNALS_H
#define GILPY_SIGNALS_H

#include "object.h"

void sig_init(void);
/* With the GIL: run the handlers of pending signals (main thread only).
 * 0, or -1 with the handler's exception (KeyboardInterrupt) set. */
int  sig_check(void);
/* Without the GIL: is a signal waiting to be handled by the main thread? */
int  sig_tripped(void);
/* Block the handled signals in the calling (non-main) thread. */
void sig_block_in_thread(void);
/* Undo that in a thread that becomes the main one (a fork child's only thread:
 * Pool.terminate's SIGTERM must reach a worker forked from a Pool's thread). */
void sig_unblock_in_main(void);
/* The Python-level handler of signum (a callable, or None/SIG_DFL/SIG_IGN ints);
 * set installs the C handler as needed.  Used by the signal module. */
Value sig_get_handler(int signum);
/* signal.set_wakeup_fd: the C handler also writes the signal number, one byte,
 * to fd (-1: none).  Returns the previous descriptor. */
int   sig_set_wakeup_fd(int fd);
int   sig_set_handler(int signum, Value handler);

#endif
