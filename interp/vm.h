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
    uint8_t   is_entry;         /* returning from it leaves vm_run */
    uint8_t   is_gen;           /* owned by a generator */
    uint8_t   yielded;          /* vm_run returned because of a yield */
    uint8_t   throw_on_entry;     /* vm_run starts by raising ts->exc here */
    Value     gen;              /* the owning Gen, or VAL_NULL */
    Value     frameobj;         /* its frame object once asked for (frameobj.c), or VAL_NULL */
    size_t    size;             /* bytes of the whole block */
} Frame;

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

typedef struct Gen {
    Obj    header;
    Value  name, qualname;
    Value  code;
    Value  exc_state;           /* handled_exc while the generator is suspended */
    int    running;
    int    started;
    int    finished;
    Frame *frame;               /* points into `mem` */
    size_t mem_size;
    char   mem[];               /* the frame */
} Gen;

extern Type type_function, type_generator;
#define AS_FUNC(v) ((Function *)AS_OBJ(v))
#define AS_GEN(v)  ((Gen *)AS_OBJ(v))

/* Run code in a namespace (exec / module bodies): globals and locals dicts. */
Value vm_exec_code(Code *code, Value globals, Value locals);
/* Call a Python function. */
Value vm_call_function(Value func, Value *args, int nargs, Value kwnames);
/* Resume a generator: send `value` (or throw `exc` when not VAL_NULL).
 * Returns 1 with *out the yielded value, 0 with *out the return value,
 * -1 on error. */
int   gen_resume(Value gen, Value value, Value exc, Value *out);
Value gen_new(Value func, Frame *frame_template);
Value vm_run(ThreadState *ts, Frame *f);
/* Eval-breaker work: signals, GIL drop requests, async exceptions. */
int   vm_handle_eval_breaker(ThreadState *ts);
/* Called from the native `callee` (gc.collect) that the innermost frame is
 * calling: clear the value-stack slots above the live part of that frame and
 * of its callers up to the first re-entry of the VM, so that temporaries
 * left there do not keep garbage alive in the coming collection. */
void  vm_forget_dead_slots(Value callee);

/* Run a class body function with `ns` as its namespace (__build_class__). */
Value vm_run_class_body(Value func, Value ns);
/* The code, current line and globals of the frame `depth` levels up
 * (sys._getframe, warnings); -1 when there is no such frame. */
int   vm_frame_info(int depth, Value *code, int *lineno, Value *globals);
/* sys._getframe(depth): a frame object for the frame `depth` levels up. */
Value vm_getframe(int depth);
/* sys._current_frames(): {thread ident: innermost frame object}. */
Value vm_current_frames(void);
/* The frame object of a frame (made at the first request), VAL_NULL on error. */
Value frame_object(Frame *f);
/* A frame with a frame object returns: the object keeps its line, locals and
 * caller (frameobj.c).  Called by frame_pop. */
void  frame_detach(Frame *f);
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
