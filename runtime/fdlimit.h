/* fdlimit.h - running out of file descriptors.
 *
 * gilpy closes a file, socket or pipe a program dropped only when a
 * collection finds it dead (its finalizer, or a weakref callback such as
 * multiprocessing's util.Finalize, closes the descriptor); CPython closes it
 * when the last reference goes.  So a loop that starts many Processes, or
 * opens many files without closing them, can reach the descriptor limit
 * (EMFILE, or ENFILE for the system's) where CPython would not.  Every call
 * that makes descriptors goes through FDLIMIT_RETRY: when it fails so, a
 * full collection runs with its finalizers and the call is tried once more.
 */
#ifndef GILPY_FDLIMIT_H
#define GILPY_FDLIMIT_H

/* A descriptor-making call failed with errno `err` on its tries-th attempt
 * (0 first).  With the GIL: on the first EMFILE/ENFILE, collect (finalizers
 * and callbacks included) and return 1 (try again); else 0, errno kept. */
int fdlimit_reclaim(int err, int tries);

/* Run `stmt` (which sets `r`, negative on failure with errno set) until it
 * succeeds or fdlimit_reclaim says not to try again.  With the GIL: stmt may
 * itself release it around the system call (OS_RETRY). */
#define FDLIMIT_RETRY(r, ...)                                                   \
    for (int fdlimit_tries_ = 0;; fdlimit_tries_++) {                           \
        __VA_ARGS__;                                                            \
        if ((r) >= 0 || !fdlimit_reclaim(errno, fdlimit_tries_)) break;         \
    }

#endif
