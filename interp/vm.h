/* vm.h - frames, functions, generators and the eval loop.
 *
 * A Frame is the activation of a Code object.  Its memory is one block:
 *
 *   [Frame header][Block blocks[maxblocks]][localsplus: nlocals + ncells
 *    + nfree][value stack: stacksize]
 *
 * Ordinary frames are bump-allocated on the thread's VM stack
 * (ThreadState.stack_top), so a Python call allocates nothing on the heap.
 * A generator's frame lives inside its Gen object and is linked into the
 * thread's frame chain only while it runs.  The collector scans both
 * conservatively (see runtime/gc.h).
 */
#ifndef GILPY_VM_H
#define GILPY_VM_H

#include "../runtime/object.h"
#include "../runtime/state.h"
#include "code.h"

typedef struct Block {
    int32_t handler;            /* word index of the handler */
    int32_t depth;              /* value-stack depth to restore */
} Block;

typedef struct Frame {
    struct Frame *prev;         /* the caller (thread's frame chain) */
    Code     *code;
    Value     func;             /* the Function, or VAL_NULL (module/exec code) */
    Value     globals;          /* dict */
    Value     builtins;         /* dict */
    Value     locals_dict;      /* module/class/exec code: the namespace; else VAL_NULL */
    uint32_t *ip;               /* next instruction (saved while not running) */
    Value    *sp;               /* value stack top (saved while not running) */
    Value    *stack;            /* base of the value stack */
    Block    *blocks;
    Value    *localsplus;       /* fast locals, then cells, then frees */
    int32_t   nblocks;
    int32_t   exc_at;           /* the instruction with a line that raised the exception a
                                   handler of this frame got last (frameobj.c; set only then) */
    uint8_t   is_entry;         /* returning from it leaves vm_run */
    uint8_t   is_gen;           /* owned by a generator */
    uint8_t   yielded;          /* vm_run returned because of a yield */
    uint8_t   throw_on_entry;     /* vm_run starts by raising ts->exc here */
    uint8_t   drop_sent;        /* a generator that jumped as it yielded (trace_jump.c):
                                   the next resume does not push the sent value */
    Value     gen;              /* the owning Gen, or VAL_NULL */
    Value     frameobj;         /* its frame object once asked for (frameobj.c), or VAL_NULL */
    size_t    size;             /* bytes of the whole block */
} Frame;

/* A frame object (frameobj.c): Python's view of a Frame, and where tracing
 * keeps its per-frame state (interp/trace.c). */
typedef struct FrameObj {
    Obj    header;
    Frame *frame;           /* the running or suspended frame; NULL once it returned */
    Value  gen;             /* the generator owning *frame (keeps its memory), or VAL_NULL */
    Value  code, globals, builtins;
    Value  locals;          /* f_locals: the namespace (is_ns), or the snapshot dict */
    Value  saved;           /* tuple of the fast locals and cells when the frame returned */
    Value  back;            /* f_back once the frame returned, or VAL_NULL */
    Value  trace;           /* f_trace, VAL_NULL for None */
    int    lineno, lasti;   /* where the frame was when it returned */
    int    is_ns;
    int    trace_lines, trace_opcodes;
    int    trace_prev;      /* the instruction a traced frame ran last, or TRACE_PREV_* */
    int    event;           /* the TraceEvent + 1 a trace function is called with now, or 0 */
} FrameObj;
#define AS_FRAMEOBJ(v) ((FrameObj *)AS_OBJ(v))
extern Type type_frame;
/* FrameObj.trace_prev when no instruction is known: the frame has just
 * started (its first line is always reported), or tracing began while it was
 * suspended in a call (the instruction before the current one ran last). */
enum { TRACE_PREV_START = -1, TRACE_PREV_UNKNOWN = -2 };

typedef struct Function {
    Obj   header;
    Value code;                 /* Code */
    Value globals;              /* dict */
    Value builtins;             /* dict */
    Value name, qualname, doc, module;
    Value defaults;             /* tuple or VAL_NULL */
    Value kwdefaults;           /* dict or VAL_NULL */
    Value closure;              /* tuple of cells or VAL_NULL */
    Value annotations;          /* dict or VAL_NULL */
    Value dict;                 /* __dict__ */
} Function;

/* What a Gen object is: the three share the frame machinery (interp/coro.c
 * holds the coroutine and async generator types). */
typedef enum { GEN_GENERATOR, GEN_COROUTINE, GEN_ASYNC_GEN } GenKind;

typedef struct Gen {
    Obj    header;
    Value  name, qualname;
    Value  code;
    Value  exc_state;           /* handled_exc while the generator is suspended */
    int    running;
    int    started;
    int    finished;
    uint8_t kind;               /* GenKind */
    uint8_t ag_running_async;   /* async generator: an asend/athrow is in progress */
    uint8_t ag_closed;          /* async generator: aclose() ran or it finished */
    uint8_t ag_hooks_inited;    /* async generator: sys.set_asyncgen_hooks consulted */
    Value  origin_or_finalizer; /* coroutine: cr_origin (VAL_NULL: not tracked); async
                                   generator: the finalizer hook (VAL_NULL: none) */
    Frame *frame;               /* points into `mem` */
    size_t mem_size;
    char   mem[];               /* the frame */
} Gen;

extern Type type_function, type_generator, type_coroutine, type_async_generator;
#define AS_FUNC(v) ((Function *)AS_OBJ(v))
#define AS_GEN(v)  ((Gen *)AS_OBJ(v))
/* A generator or a coroutine: what `yield from` and `await` resume directly. */
#define IS_GEN_OR_CORO(v) (IS_EXACT(v, type_generator) || IS_EXACT(v, type_coroutine))

/* Run code in a namespace (exec / module bodies): globals and locals dicts. */
Value vm_exec_code(Code *code, Value globals, Value locals);
/* Call a Python function. */
Value vm_call_function(Value func, Value *args, int nargs, Value kwnames);
/* Resume a generator: send `value` (or throw `exc` when not VAL_NULL).
 * Returns 1 with *out the yielded value, 0 with *out the return value,
 * -1 on error. */
int   gen_resume(Value gen, Value value, Value exc, Value *out);
Value gen_new(Value func, Frame *frame_template);
/* The methods of all three kinds: send(v) (a yielded value, or NULL with
 * StopIteration set when it returned), throw(args[1..3], VAL_NULL for absent),
 * close(). */
Value gen_send(Value gen, Value v);
Value gen_throw(Value gen, Value *args);
Value gen_close(Value gen);
/* What a suspended `yield from`/`await` delegates to, or VAL_NULL. */
Value gen_yf(Gen *g);

/* interp/coro.c: the await protocol the VM's instructions use.  where: 0 for
 * `await`, 1 for __aenter__'s result, 2 for __aexit__'s (their messages). */
Value coro_get_awaitable(Value o, int where);
Value coro_get_aiter(Value o);
Value coro_get_anext(Value aiter);
Value coro_before_async_with(Value mgr, Value *exit_out);
Value asyncgen_wrap(Value v);
/* `await gen.__anext__()` resumed without the StopIteration protocol: as gen_resume. */
extern Type type_async_generator_asend;
int   asyncgen_asend_resume(Value aw, Value v, Value *out);
/* The builtins aiter(o) and anext(it[, default]) (dflt VAL_NULL when absent). */
Value coro_aiter(Value o);
Value coro_anext(Value it, Value dflt);
/* "coroutine ... was never awaited": gen_new registers each new coroutine; the
 * collector notes those that die unstarted and the eval breaker
 * (EB_DEFERRED_WARNINGS) issues the RuntimeWarnings; at exit, those still
 * alive unstarted are reported too. */
int   coro_track_unstarted(Gen *g);
void  coro_note_started(Gen *g);
/* A coroutine finalized by hand before it started (frame.clear()): warn now, as
 * CPython's _PyGen_Finalize does; a warning turned into an error is unraisable. */
void  coro_warn_if_unstarted(Value gen);
/* A new coroutine's cr_origin, when sys.set_coroutine_origin_tracking_depth asks. */
int   coro_origin_depth(void);
int   coro_set_origin(Gen *g);
/* sys.set_coroutine_origin_tracking_depth / get_coroutine_origin_tracking_depth */
Value coro_set_origin_tracking_depth(Value depth);
Value coro_get_origin_tracking_depth(void);
int   coro_warn_unawaited(void);
void  coro_warn_unawaited_at_exit(void);
/* sys.set_asyncgen_hooks / get_asyncgen_hooks (interp/sys.c calls these). */
Value asyncgen_get_hooks(void);
Value asyncgen_set_hooks(Value firstiter, Value finalizer);
Value vm_run(ThreadState *ts, Frame *f);
/* Eval-breaker work: signals, GIL drop requests, async exceptions. */
int   vm_handle_eval_breaker(ThreadState *ts);
/* Called from the native `callee` (gc.collect) with the arguments it got: when
 * the innermost frame calls it directly, clear the value-stack slots above the
 * live part of that frame and of its callers up to the first re-entry of the
 * VM, so that temporaries left there do not keep garbage alive in the coming
 * collection, and return 1; else 0 and nothing is changed. */
int   vm_forget_dead_slots(Value callee, int nargs);

/* Run a class body function with `ns` as its namespace (__build_class__). */
Value vm_run_class_body(Value func, Value ns);
/* The code, current line and globals of the frame `depth` levels up
 * (sys._getframe, warnings); -1 when there is no such frame. */
int   vm_frame_info(int depth, Value *code, int *lineno, Value *globals);
/* sys._getframe(depth): a frame object for the frame `depth` levels up. */
Value vm_getframe(int depth);
/* The calling thread's innermost frame object, None when no frame runs
 * (interp.vm.current_frame: a signal handler's second argument). */
Value vm_current_frame(void);
/* sys._current_frames(): {thread ident: innermost frame object}. */
Value vm_current_frames(void);
/* The frame object of a frame (made at the first request), VAL_NULL on error. */
Value frame_object(Frame *f);
/* A frame with a frame object returns: the object keeps its line, locals and
 * caller (frameobj.c).  Called by frame_pop. */
void  frame_detach(Frame *f);
/* Around a trace function's call (trace.c): refresh the f_locals snapshot
 * if one was taken, and store what the function changed in it back into the
 * frame's fast locals and cells, as CPython's call_trampoline does. */
int   frame_locals_refresh(Value fo);
int   frame_locals_write_back(Value fo);
/* The code object of a frame object; VAL_NULL if v is not one. */
Value frame_code_of(Value v);
/* Store a frame's locals (fast locals, then cells and free variables, as in
 * localsplus) into dict d, removing the names that are unbound. */
int   vm_locals_into(Code *co, const Value *localsplus, Value d);
Value vm_globals(void);
/* The globals dict of the innermost Python frame (VAL_NULL if none). */
Value vm_current_globals(void);
/* super()'s implicit arguments from the calling frame. */
int   vm_super_args(Value *type, Value *obj);
Value vm_locals(void);
Value func_new(Value code, Value globals, Value qualname);

#endif
