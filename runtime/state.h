/* state.h - the two structs that hold all interpreter state.
 *
 * Interp: what all threads share (modules, builtins, the heap, configuration).
 * There is one, `interp`.  ThreadState: what each Python thread owns (its
 * frames, value stack, pending exception, recursion depth, eval-breaker word).
 * The split is also the list of what a fork child must reset: everything in
 * ThreadState of threads other than the forking one.
 *
 * Protection: fields of Interp and of every ThreadState are read and written
 * only by the thread holding the GIL, unless the field's comment says
 * otherwise.
 */
#ifndef GILPY_STATE_H
#define GILPY_STATE_H

#include <pthread.h>
#include <setjmp.h>
#include <stdint.h>
#include <sys/types.h>
#include "object.h"

struct Frame;

/* Bits of ThreadState.eval_breaker: why the eval loop must look up. */
enum {
    EB_GIL_DROP_REQUEST = 1u << 0,  /* another thread wants the GIL */
    EB_SIGNALS_PENDING  = 1u << 1,  /* a signal handler must run (main thread) */
    EB_ASYNC_EXC        = 1u << 2,  /* an exception was injected into this thread */
    EB_GC_REQUEST       = 1u << 3,
    EB_DEFERRED_WARNINGS = 1u << 4, /* the collector found something to warn about
                                       (interp/coro.c: never-awaited coroutines) */
    EB_TRACING          = 1u << 5,  /* a trace or profile function is set: kept set
                                       while one is (interp/trace.c) */
};

typedef struct ThreadState {
    struct ThreadState *prev, *next;  /* interp.threads list */
    /* -- execution -- */
    struct Frame *frame;              /* innermost running frame, NULL when idle */
    Value   *stack_base;              /* this thread's value stack (mmap'd) */
    Value   *stack_limit;
    Value   *stack_top;               /* first free slot above the innermost frame */
    Value    exc;                     /* pending exception instance or VAL_NULL */
    Value    handled_exc;             /* the exception the running frame handles */
    Value    caller_exc;              /* in a generator: what its resumer handled; sys.exc_info()
                                         is handled_exc, else this (ts_handled_exc) */
    int      recursion_depth;         /* Python frames + native re-entries */
    int      recursion_headroom;      /* >0 while handling RecursionError */
    /* -- the GIL -- */
    volatile uint32_t eval_breaker;   /* EB_* bits; written by other threads
                                         with atomics, read by the eval loop */
    int      ticks;                   /* countdown for the `ticks` GIL policy */
    /* -- the conservative stack scan (written before releasing the GIL) -- */
    char    *c_stack_hi;              /* highest address of the C stack */
    char    *c_stack_lo;              /* lowest safe address: recursion past it
                                         raises RecursionError */
    char    *c_stack_lo_saved;        /* sp when the GIL was released */
    char    *vm_c_top;                /* C stack just below the callee-saved registers
                                         of the innermost vm_run, or NULL (gc.collect) */
    Value   *native_site;             /* the VM stack call site of the native the innermost
                                         loop's CALL runs, while it runs; else NULL */
    char    *c_scan_from;             /* set by a wait that came straight from CALL
                                         (stdlib/mod_thread.c): the collector scans this
                                         thread's C stack from here (its vm_c_top) up */
    jmp_buf  saved_regs;              /* callee-saved registers at release */
    int      gil_released;            /* 1 while the thread runs without the GIL */
    /* -- identity -- */
    uint64_t ident;                   /* threading.get_ident() */
    pid_t    native_id;               /* gettid() */
    pthread_t pthread;
    Value    thread_obj;              /* the threading.Thread, if any */
    Value    async_exc;               /* exception to raise (EB_ASYNC_EXC) */
    Value    context;                 /* contextvars' current Context (stdlib/
                                         mod_contextvars.c), VAL_NULL until used */
    Value    asyncio_loop;            /* _asyncio's running event loop (stdlib/mod_asyncio.c),
                                         VAL_NULL when none */
    pid_t    asyncio_loop_pid;        /* the process that set it (a fork's child has none) */
    Value    sentinels;               /* list of _thread locks released when the
                                         thread ends (Thread.join waits on them) */
    void    *gil_stats;               /* runtime/gil.c's per-thread counters */
    Value    asyncgen_firstiter;      /* sys.set_asyncgen_hooks, VAL_NULL when unset */
    Value    asyncgen_finalizer;
    Value    temp_roots_owner;        /* unused slot kept for alignment of roots */
    /* -- sys.settrace / sys.setprofile (interp/trace.c) -- */
    Value    tracefunc;               /* VAL_NULL when unset */
    Value    profilefunc;             /* VAL_NULL when unset */
    int      tracing;                 /* >0 while a trace or profile function runs */
    int      tracing_what;            /* the event being delivered (TraceEvent) */
    /* -- containers being repr'd, for "[...]" (runtime/obj_list.c seq_repr_enter) -- */
    const void **repr_stack;
    int      repr_depth, repr_cap;
    /* -- where int arithmetic computes its results (runtime/obj_int.c) -- */
    void    *int_scratch;             /* an mpz_t, NULL until used */
} ThreadState;

/* The exception being handled, as sys.exc_info() sees it: a generator that
 * handles none of its own sees its resumer's (CPython's chain of exc_info
 * entries, two deep: the running generator's own, then the resumer's). */
static inline Value ts_handled_exc(ThreadState *t) {
    return IS_NULL(t->handled_exc) ? t->caller_exc : t->handled_exc;
}

/* What the runtime asks of the code that runs Python frames.  interp/vm.c
 * fills these at start-up (vm_install_hooks): the one place where runtime/
 * reaches the VM, through pointers rather than by calling up a layer. */
struct StrBuf;
typedef struct VMHooks {
    Value (*current_globals)(void);            /* the innermost Python frame's globals,
                                                  VAL_NULL when no frame runs */
    int   (*super_args)(Value *type, Value *obj);  /* super()'s implicit arguments */
    Value (*frame_code)(Value v);              /* a frame object's code, VAL_NULL if v
                                                  is not a frame (TracebackType()) */
    Value (*import)(const char *name);         /* import a module by its dotted name */
    int   (*warn)(Type *category, Value message); /* warnings.warn(message, category):
                                                  0, or -1 raised (an "error" filter) */
    /* Line `lineno` of source file `path` as UTF-8, decoded as its coding
     * cookie says (tracebacks, warnings); 0 if there is none.  Unset: the
     * raw bytes (runtime/obj_exc.c). */
    int   (*source_line)(const char *path, int lineno, struct StrBuf *out);
    Value (*current_frame)(void);              /* the innermost Python frame as a frame
                                                  object (a signal handler's argument),
                                                  None when no frame runs */
} VMHooks;

typedef struct Interp {
    ThreadState *threads;             /* all live thread states */
    ThreadState *main_thread;
    Value    modules;                 /* dict: sys.modules */
    Value    builtins;                /* dict: the builtins module's namespace */
    Value    builtins_module;
    Value    sys_module;
    Value    main_module;
    Value    interned;                /* dict str -> str */
    Value    argv;                    /* list: sys.argv */
    Value    path;                    /* list: sys.path */
    Value    warnoptions;             /* list: -W options */
    Value    xoptions;                /* dict: -X options */
    int      recursion_limit;         /* sys.getrecursionlimit() */
    int      finalizing;              /* set once the main thread is shutting down */
    int      flag_unbuffered, flag_inspect, flag_quiet, flag_ignore_env,
             flag_isolated, flag_no_bytecode, flag_verbose, flag_no_user_site,
             flag_safe_path, flag_bytes_warning,
             flag_dev_mode,               /* sys.flags, from the command line */
             flag_no_debug_ranges;        /* -X no_debug_ranges: code keeps no columns */
    const char *progname;             /* argv[0] of the process */
    int      orig_argc;               /* the process's own arguments: sys.orig_argv */
    char   **orig_argv;
    VMHooks  vm;                      /* set once at start-up */
} Interp;

extern Interp interp;

/* The calling thread's state (thread-local). */
extern _Thread_local ThreadState *ts_current;
static inline ThreadState *ts_get(void) { return ts_current; }

/* The calling thread's C stack is nearly used up (below c_stack_lo): the
 * caller must raise RecursionError (obj_check_c_stack) rather than recurse.
 * Not while that RecursionError is being made (recursion_headroom): it takes
 * a few calls, which the reserve below c_stack_lo is for. */
static inline int ts_c_stack_low(void) {
    ThreadState *t = ts_current;
    return t && t->c_stack_lo && (char *)__builtin_frame_address(0) < t->c_stack_lo &&
           !t->recursion_headroom;
}

ThreadState *ts_new(void);            /* allocate, link into interp.threads */
/* The two halves of ts_new, for a thread gilpy did not start (a foreign
 * thread calling a ctypes callback): it allocates its state, takes the GIL
 * with it, and only then links it (interp.threads belongs to the GIL holder). */
ThreadState *ts_alloc(void);
void ts_link(ThreadState *ts);
void ts_unlink(ThreadState *ts);      /* leave interp.threads (with the GIL) */
void ts_free(ThreadState *ts);        /* free an unlinked state (without the GIL) */
void ts_bind(ThreadState *ts);        /* make it the calling thread's state */

#endif
