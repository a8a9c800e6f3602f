/* trace.c - sys.settrace and sys.setprofile with CPython 3.11's events.
 *
 * Each thread has its own trace and profile function (ThreadState.tracefunc,
 * .profilefunc).  While either is set the thread's eval_breaker keeps the
 * EB_TRACING bit, so the points where the VM already polls it (function
 * entry, backward jumps, returns from calls) take their slow path: there the
 * VM delivers 'call' and switches the running loop to its tracing dispatch
 * table, whose every entry calls trace_instr before the real instruction
 * (vm.c).  Code that runs while nothing is set never reaches this file.
 *
 * The events, as CPython 3.11's ceval.c delivers them:
 *   call       a frame starts, or a generator or coroutine resumes
 *   line       an instruction starts a new line, or a backward jump lands
 *              on the start of one (so a loop's line is reported on each turn)
 *   return     a frame returns or yields (arg: the value), or an exception
 *              leaves it (arg: None)
 *   exception  an instruction raised (arg: (type, value, traceback))
 *   opcode     before each instruction, when the frame's f_trace_opcodes is set
 *   c_call, c_return, c_exception   around calls of builtin functions and
 *              methods (profile only; arg: the builtin)
 * The trace function gets 'call' and its result becomes the frame's local
 * trace function (f_trace); the other events go to f_trace, and a frame
 * without one gets none.  A result other than None replaces f_trace.  The
 * profile function gets every event but 'line', 'opcode' and 'exception'.
 * Nothing is traced while a trace or profile function runs (ts->tracing), and
 * one that raises is unset, as sys.settrace(None) would, and its exception
 * propagates from where the event happened.
 *
 * Lines: a frame object remembers the instruction its frame ran last
 * (FrameObj.trace_prev), so that 'line' fires when the line changes or a
 * jump goes back; the line of the previous instruction is CPython's
 * `instr_prev`.  A trace function that sets f_lineno during 'line' (or as a
 * generator yields, during 'return') moves the frame (trace_jump.c); the
 * traced loop sees Frame.ip changed and continues there without another
 * event for the target.  Local variables a trace function changes through
 * f_locals are written back to the frame afterwards, as CPython's
 * call_trampoline does (that is how pdb's `!x = 1` works).
 */
#include "trace.h"

#include "../runtime/call.h"
#include "../runtime/error.h"
#include "../runtime/obj_exc.h"
#include "../runtime/obj_list.h"
#include "../runtime/obj_str.h"
#include "../runtime/obj_type.h"

static const char *const trace_event_names[] = {
    "call", "exception", "line", "return", "c_call", "c_exception", "c_return", "opcode",
};

static void trace_update_breaker(ThreadState *ts) {
    if (trace_any(ts)) __atomic_fetch_or(&ts->eval_breaker, (uint32_t)EB_TRACING, __ATOMIC_SEQ_CST);
    else __atomic_fetch_and(&ts->eval_breaker, ~(uint32_t)EB_TRACING, __ATOMIC_SEQ_CST);
}

void trace_set(ThreadState *ts, Value func) {
    ts->tracefunc = IS_NULL(func) || IS_NONE(func) ? VAL_NULL : func;
    trace_update_breaker(ts);
}

void trace_set_profile(ThreadState *ts, Value func) {
    ts->profilefunc = IS_NULL(func) || IS_NONE(func) ? VAL_NULL : func;
    trace_update_breaker(ts);
}

/* Call func(frame, event, arg) as CPython's call_trace does: nothing while
 * another one runs; the frame's locals refreshed before and written back
 * after.  The result (None when skipped), or VAL_NULL with the error. */
static Value trace_call(ThreadState *ts, Value func, Frame *f, TraceEvent what, Value arg) {
    if (ts->tracing) return VAL_NONE;
    Value fo = frame_object(f);
    if (IS_NULL(fo)) return VAL_NULL;
    if (frame_locals_refresh(fo) < 0) return VAL_NULL;
    Value ev = str_intern_c(trace_event_names[what]);
    int old_what = ts->tracing_what, old_event = AS_FRAMEOBJ(fo)->event;
    ts->tracing++;
    ts->tracing_what = what;
    AS_FRAMEOBJ(fo)->event = what + 1;
    Value r = call3(func, fo, ev, IS_NULL(arg) ? VAL_NONE : arg);
    AS_FRAMEOBJ(fo)->event = old_event;
    ts->tracing--;
    ts->tracing_what = old_what;
    if (!IS_NULL(r) && frame_locals_write_back(fo) < 0) return VAL_NULL;
    return r;
}

/* The trace function's event: 'call' to ts->tracefunc, the others to the
 * frame's f_trace, whose result replaces f_trace unless it is None (CPython's
 * trace_trampoline).  -1 after an error, which unsets the trace function. */
static int trace_deliver(ThreadState *ts, Frame *f, TraceEvent what, Value arg) {
    if (IS_NULL(ts->tracefunc) || ts->tracing) return 0;
    Value fo = f->frameobj;
    Value callback = what == TRACE_CALL ? ts->tracefunc : IS_NULL(fo) ? VAL_NULL : AS_FRAMEOBJ(fo)->trace;
    if (IS_NULL(callback)) return 0;
    Value r = trace_call(ts, callback, f, what, arg);
    fo = f->frameobj;
    if (IS_NULL(r)) {
        trace_set(ts, VAL_NULL);
        if (!IS_NULL(fo)) AS_FRAMEOBJ(fo)->trace = VAL_NULL;
        return -1;
    }
    if (!IS_NONE(r) && !IS_NULL(fo)) AS_FRAMEOBJ(fo)->trace = r;
    return 0;
}

/* The profile function's event; -1 after an error, which unsets it. */
static int profile_deliver(ThreadState *ts, Frame *f, TraceEvent what, Value arg) {
    if (IS_NULL(ts->profilefunc) || ts->tracing) return 0;
    if (!IS_NULL(trace_call(ts, ts->profilefunc, f, what, arg))) return 0;
    trace_set_profile(ts, VAL_NULL);
    return -1;
}

int trace_frame_entry(ThreadState *ts, Frame *f) {
    if (ts->tracing) return 0;
    if (!IS_NULL(ts->tracefunc)) {
        if (IS_NULL(frame_object(f))) return -1;
        FrameObj *o = AS_FRAMEOBJ(f->frameobj);
        if (f->ip == f->code->code) o->trace_prev = TRACE_PREV_START;
        if (trace_deliver(ts, f, TRACE_CALL, VAL_NONE) < 0) return -1;
    }
    return profile_deliver(ts, f, TRACE_CALL, VAL_NONE);
}

void trace_frame_throw_entry(ThreadState *ts, Frame *f) {
    Value pending = ts->exc;
    ts->exc = VAL_NULL;
    if (trace_frame_entry(ts, f) == 0) ts->exc = pending;
}

int trace_stop_iteration(ThreadState *ts, Frame *f, Value it, Value v, Value value) {
    /* a generator resumed with None returns through tp_iternext, which
     * raises nothing for a None result; send() always raises */
    if (IS_EXACT(it, type_generator) && IS_NONE(v) && IS_NONE(value)) return 0;
    Value exc = call1(MK_OBJ(&exc_StopIteration), value);
    if (IS_NULL(exc)) return -1;
    ts->exc = exc;
    trace_exception(ts, f);
    if (ts->exc == exc) { ts->exc = VAL_NULL; return 0; }
    return -1;
}

int trace_frame_exit(ThreadState *ts, Frame *f, Value retval) {
    if (trace_deliver(ts, f, TRACE_RETURN, retval) < 0) return -1;
    return profile_deliver(ts, f, TRACE_RETURN, retval);
}

/* CPython's call_trace_protected: the pending exception survives the event
 * unless the function raises another. */
void trace_frame_unwind(ThreadState *ts, Frame *f) {
    Value pending = ts->exc;
    ts->exc = VAL_NULL;
    if (trace_frame_exit(ts, f, VAL_NONE) == 0) ts->exc = pending;
}

void trace_exception(ThreadState *ts, Frame *f) {
    if (IS_NULL(ts->tracefunc) || ts->tracing || IS_NULL(f->frameobj) || IS_NULL(AS_FRAMEOBJ(f->frameobj)->trace))
        return;
    Value exc = ts->exc;
    Value arg = tuple_new(3);
    if (IS_NULL(arg)) return;
    AS_TUPLE(arg)->items[0] = MK_OBJ(val_type(exc));
    AS_TUPLE(arg)->items[1] = exc;
    AS_TUPLE(arg)->items[2] = IS_EXC(exc) ? AS_EXC(exc)->traceback : VAL_NONE;
    ts->exc = VAL_NULL;
    if (trace_deliver(ts, f, TRACE_EXCEPTION, arg) == 0) ts->exc = exc;
}

/* The line CPython's maybe_call_line_trace compares with: that of the
 * instruction the frame ran before i. */
static int trace_last_line(Code *co, int prev, int i) {
    if (prev == TRACE_PREV_START) return -1;
    return code_line_at(co, prev == TRACE_PREV_UNKNOWN ? i - 1 : prev);
}

int trace_instr(ThreadState *ts, Frame *f, int i) {
    if (IS_NULL(ts->tracefunc) || ts->tracing || IS_NULL(f->frameobj)) return 0;
    FrameObj *o = AS_FRAMEOBJ(f->frameobj);
    if (IS_NULL(o->trace)) return 0;
    int line = code_line_at(f->code, i);
    int prev = o->trace_prev;
    if (line > 0) o->trace_prev = i;     /* an instruction without a line continues the last one */
    if (line > 0 && o->trace_lines &&
        (line != trace_last_line(f->code, prev, i) || (prev >= 0 && i < prev))) {
        if (trace_deliver(ts, f, TRACE_LINE, VAL_NONE) < 0) return -1;
        if (f->ip != f->code->code + i + 1) return 0;       /* f_lineno was set: the loop jumps */
    }
    if (!IS_NULL(f->frameobj) && AS_FRAMEOBJ(f->frameobj)->trace_opcodes)
        return trace_deliver(ts, f, TRACE_OPCODE, VAL_NONE);
    return 0;
}

/* What the profile function is shown for a call of callable: the builtin
 * function, a method descriptor bound to its receiver (CPython's
 * trace_call_function), or VAL_NULL when the call is not a C call. */
static Value trace_c_func(Value callable, Value *args, int nargs) {
    Type *t = val_type(callable);
    if (t == &type_builtin_function) return callable;
    if (t == &type_method_descriptor && nargs > 0) {
        Value b = descr_get(callable, args[0], MK_OBJ(val_type(args[0])));
        if (IS_NULL(b)) err_clear();
        return b;
    }
    return VAL_NULL;
}

int trace_c_call(ThreadState *ts, Value callable, Value *args, int nargs, Value *fn) {
    *fn = VAL_NULL;
    if (ts->tracing || !ts->frame) return 0;
    *fn = trace_c_func(callable, args, nargs);
    if (IS_NULL(*fn)) return 0;
    return profile_deliver(ts, ts->frame, TRACE_C_CALL, *fn);
}

Value trace_c_return(ThreadState *ts, Value fn, Value r) {
    if (IS_NULL(ts->profilefunc) || ts->tracing || !ts->frame) return r;
    if (!IS_NULL(r)) return profile_deliver(ts, ts->frame, TRACE_C_RETURN, fn) < 0 ? VAL_NULL : r;
    Value pending = ts->exc;
    ts->exc = VAL_NULL;
    if (profile_deliver(ts, ts->frame, TRACE_C_EXCEPTION, fn) == 0) ts->exc = pending;
    return VAL_NULL;
}
