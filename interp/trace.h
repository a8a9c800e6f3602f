/* trace.h - sys.settrace / sys.setprofile: the events the VM delivers.
 *
 * The VM asks these functions to deliver CPython 3.11's events; interp/trace.c
 * says when each one fires and how the trace and profile functions see them.
 */
#ifndef GILPY_TRACE_H
#define GILPY_TRACE_H

#include "vm.h"

/* CPython's PyTrace_* numbering (the events' names are in trace.c). */
typedef enum {
    TRACE_CALL, TRACE_EXCEPTION, TRACE_LINE, TRACE_RETURN,
    TRACE_C_CALL, TRACE_C_EXCEPTION, TRACE_C_RETURN, TRACE_OPCODE,
} TraceEvent;

/* Is any trace or profile function set for ts? */
static inline int trace_any(ThreadState *ts) {
    return !IS_NULL(ts->tracefunc) || !IS_NULL(ts->profilefunc);
}
/* Should frames of ts run through the tracing dispatch now (not while a
 * trace function itself runs)? */
static inline int trace_active(ThreadState *ts) { return trace_any(ts) && !ts->tracing; }

/* sys.settrace / sys.setprofile for the calling thread (None or VAL_NULL: unset). */
void  trace_set(ThreadState *ts, Value func);
void  trace_set_profile(ThreadState *ts, Value func);

/* 'call' as frame f starts or a generator resumes: -1 if a function raised. */
int   trace_frame_entry(ThreadState *ts, Frame *f);
/* 'call' as generator.throw() resumes f; ts->exc (what is thrown) stays
 * pending unless the function raised another. */
void  trace_frame_throw_entry(ThreadState *ts, Frame *f);
/* 'exception' with StopIteration(value) when `yield from`/`await` sent v to
 * `it` and it returned value, where CPython's SEND sees one: -1 if raised. */
int   trace_stop_iteration(ThreadState *ts, Frame *f, Value it, Value v, Value value);
/* 'return' with retval (VAL_NULL: None) as f returns or yields: -1 if raised. */
int   trace_frame_exit(ThreadState *ts, Frame *f, Value retval);
/* 'return' with None as an exception leaves f; ts->exc stays pending unless
 * the function raised another. */
void  trace_frame_unwind(ThreadState *ts, Frame *f);
/* 'exception' for the exception ts->exc just raised in f (ts->exc becomes
 * what the trace function raised, if it does). */
void  trace_exception(ThreadState *ts, Frame *f);
/* 'line' and 'opcode' before f runs its instruction at word index i:
 * -1 if the trace function raised. */
int   trace_instr(ThreadState *ts, Frame *f, int i);
/* frame.f_lineno = line from a trace function (interp/trace_jump.c): move
 * f, stopped before its instruction at word index `at`, to the first
 * instruction of line (or of the next line with code) when CPython 3.11
 * allows it; -1 with its ValueError if not.  at_yield: `at` is a
 * YIELD_VALUE whose 'return' event is being delivered; the value is still
 * yielded and the generator resumes at the new line. */
int   trace_jump(ThreadState *ts, Frame *f, int line, int at, int at_yield);
/* 'c_call' before the VM calls a native callable (args as the call gets
 * them): *fn becomes what the profile function is shown (VAL_NULL: not a C
 * call); -1 if the profile function raised.  trace_c_return then reports
 * 'c_return' or 'c_exception' (r: the call's result, VAL_NULL on error) and
 * returns r, or VAL_NULL if the profile function raised. */
int   trace_c_call(ThreadState *ts, Value callable, Value *args, int nargs, Value *fn);
Value trace_c_return(ThreadState *ts, Value fn, Value r);

#endif
