/* signal_mod.h - what the files of the `_signal` module share.
 *
 * mod_signal.c    handlers, wakeup fd, pause, alarm, interval timers, the module
 * signal_mask.c   signal masks and waits (pthread_sigmask, sigpending, sigwait,
 *                 sigwaitinfo, sigtimedwait), pthread_kill, pidfd_send_signal
 */
#ifndef GILPY_SIGNAL_MOD_H
#define GILPY_SIGNAL_MOD_H

#include "runtime/object.h"

/* A signal number in [1, NSIG) ("signal number out of range"). */
int   signal_number(Value v, int *out);
/* The module functions of signal_mask.c. */
extern const MethodDef signal_mask_functions[];
/* signal.struct_siginfo, what sigwaitinfo and sigtimedwait return. */
Type *signal_siginfo_type(void);

#endif
