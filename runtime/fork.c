/* fork.c - fork() and what must happen around it.
 *
 * Before: flush every buffered file (Python-level buffers live in our file
 * objects, not in libc, so an unflushed print would otherwise appear twice)
 * and C stdio.  The caller holds the GIL, so no other thread is touching
 * objects.
 *
 * In the child only the forking thread exists.  The GIL's mutex and
 * condition variables may have been held by threads that are gone, so they
 * are re-created and the GIL is taken by the survivor; every other thread
 * state is unlinked (its memory is simply dropped: its VM stack mapping is
 * released, its objects are collected normally once unreachable); the
 * main-thread pointer now names the survivor, so signals go to it (and
 * it unblocks those that non-main threads block); the GIL
 * counters start afresh; then the registered child hooks run.
 */
#define _GNU_SOURCE
#include "fork.h"

#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "gil.h"
#include "gilstats.h"
#include "obj_file.h"
#include "signals.h"
#include "state.h"

#define FORK_MAX_HOOKS 8

static void (*fork_child_hooks[FORK_MAX_HOOKS])(void);
static int fork_nhooks;

void fork_add_child_hook(void (*hook)(void)) {
    if (fork_nhooks < FORK_MAX_HOOKS) fork_child_hooks[fork_nhooks++] = hook;
}

static void fork_drop_other_threads(ThreadState *me) {
    ThreadState *t = interp.threads;
    while (t) {
        ThreadState *next = t->next;
        if (t != me) {
            ts_unlink(t);
            ts_free(t);
        }
        t = next;
    }
}

static void fork_child(ThreadState *me) {
    gil_after_fork_child(me);
    fork_drop_other_threads(me);
    if (interp.main_thread != me) sig_unblock_in_main();
    interp.main_thread = me;
    me->native_id = (pid_t)syscall(SYS_gettid);
    me->eval_breaker = 0;
    gilstats_reset_all();
    for (int i = 0; i < fork_nhooks; i++) fork_child_hooks[i]();
}

pid_t fork_process(void) {
    file_flush_all();
    fflush(NULL);
    ThreadState *me = ts_get();
    pid_t pid = fork();
    if (pid == 0) fork_child(me);
    return pid;
}
