#define _GNU_SOURCE
/* state.c - creating and binding thread states.
 *
 * Each thread state owns a VM stack: one region reserved with mmap (pages are
 * committed by the kernel only when touched) that holds the frames and value
 * stacks of the thread's Python calls, so a call costs no malloc and frame
 * pointers never move.  The collector scans the used part of it
 * conservatively, like a C stack.
 */
#include "state.h"
#include "obj_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#define TS_VM_STACK_BYTES ((size_t)256 << 20)   /* reserved, not committed */

Interp interp;
_Thread_local ThreadState *ts_current;

static uint64_t ts_next_ident = 1;

ThreadState *ts_alloc(void) {
    ThreadState *t = calloc(1, sizeof *t);
    if (!t) return NULL;
    void *mem = mmap(NULL, TS_VM_STACK_BYTES, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (mem == MAP_FAILED) { free(t); return NULL; }
    t->stack_base = mem;
    t->stack_top = mem;
    t->stack_limit = (Value *)((char *)mem + TS_VM_STACK_BYTES);
    t->exc = VAL_NULL;
    t->handled_exc = VAL_NULL;
    t->caller_exc = VAL_NULL;
    t->thread_obj = VAL_NULL;
    t->async_exc = VAL_NULL;
    t->asyncgen_firstiter = VAL_NULL;
    t->asyncgen_finalizer = VAL_NULL;
    t->context = VAL_NULL;
    t->asyncio_loop = VAL_NULL;
    t->sentinels = VAL_NULL;
    t->tracefunc = VAL_NULL;
    t->profilefunc = VAL_NULL;
    t->ticks = 1;
    return t;
}

void ts_link(ThreadState *t) {
    t->ident = ts_next_ident++;
    t->next = interp.threads;
    if (interp.threads) interp.threads->prev = t;
    interp.threads = t;
}

ThreadState *ts_new(void) {
    ThreadState *t = ts_alloc();
    if (t) ts_link(t);
    return t;
}

void ts_unlink(ThreadState *t) {
    if (t->prev) t->prev->next = t->next; else interp.threads = t->next;
    if (t->next) t->next->prev = t->prev;
    t->prev = t->next = NULL;
}

void ts_free(ThreadState *t) {
    munmap(t->stack_base, TS_VM_STACK_BYTES);
    free(t->gil_stats);
    free((void *)t->repr_stack);
    int_scratch_free(t->int_scratch);
    free(t);
}

/* Record the C stack bounds of the calling thread for the collector. */
static void ts_find_c_stack(ThreadState *t) {
    pthread_attr_t attr;
    void *addr = NULL;
    size_t size = 0;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        pthread_attr_getstack(&attr, &addr, &size);
        pthread_attr_destroy(&attr);
    }
    if (addr) {
        t->c_stack_hi = (char *)addr + size;
        t->c_stack_lo = (char *)addr + (size > ((size_t)1 << 20) ? ((size_t)256 << 10) : size / 4);
    }
    else t->c_stack_hi = (char *)__builtin_frame_address(0) + 4096;
}

void ts_bind(ThreadState *t) {
    ts_current = t;
    t->pthread = pthread_self();
    t->native_id = (pid_t)syscall(SYS_gettid);
    ts_find_c_stack(t);
}
