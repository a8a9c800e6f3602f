/* frameobj.c - frame objects (sys._getframe, tracebacks' tb_frame,
 * generators' gi_frame, sys._current_frames).
 *
 * A Frame lives on the VM stack (or inside its generator) and has at most
 * one frame object, made on demand and remembered in Frame.frameobj, so
 * that asking twice gives the same object, as in CPython.  While the frame
 * runs (or its generator is suspended) the object reads it: the current
 * line, f_back (the caller; None for a suspended generator), the locals.
 * When the frame returns, frame_pop calls frame_detach, which keeps what
 * the object still needs as in CPython 3.11: the line, the fast locals and
 * cells (a tuple), and a frame object for the caller as f_back.  So code
 * that never asks for a frame pays one test per return.
 *
 * f_locals is CPython 3.11's snapshot: a dict kept by the frame object and
 * refreshed from the fast locals at each access (module and class frames
 * give their namespace itself).  f_trace, f_trace_lines and f_trace_opcodes
 * are what interp/trace.c reads to deliver a frame's events (and where it
 * keeps the instruction the frame ran last); around each event the snapshot
 * is refreshed and written back, so a debugger can change locals.  Setting
 * f_lineno from the frame's 'line' event jumps (interp/trace_jump.c).  A
 * finished frame's line is where it stood as it returned, or, when an
 * exception left it through a handler's cleanup, where that exception was
 * raised (Frame.exc_at, as CPython's RERAISE restores f_lasti).  clear()
 * drops the locals of a finished frame and closes a suspended generator. */
#include "../runtime/call.h"
#include "../runtime/error.h"
#include "../runtime/gc.h"
#include "../runtime/obj_dict.h"
#include "../runtime/obj_int.h"
#include "../runtime/obj_list.h"
#include "../runtime/obj_misc.h"
#include "../runtime/obj_str.h"
#include "../runtime/obj_type.h"
#include "opcodes.h"
#include "trace.h"
#include "vm.h"


static void frameobj_trace(Obj *o) {
    FrameObj *f = (FrameObj *)o;
    gc_mark_value(f->gen);
    gc_mark_value(f->code);
    gc_mark_value(f->globals);
    gc_mark_value(f->builtins);
    gc_mark_value(f->locals);
    gc_mark_value(f->saved);
    gc_mark_value(f->back);
    gc_mark_value(f->trace);
}

/* The frame while it is still there to read. */
static Frame *frameobj_live(FrameObj *o) {
    if (!o->frame || (!IS_NULL(o->gen) && AS_GEN(o->gen)->finished)) return NULL;
    return o->frame;
}

static int frame_instr(Frame *f) {
    int i = (int)(f->ip - f->code->code) - 1;
    return i < 0 ? 0 : i;
}

/* The line of o's frame at word index i.  An instruction without a line
 * (compile.c's comp_no_line) is on the line that ran last when the frame is
 * traced, else on that of the nearest instruction before it. */
static int frame_line_at(FrameObj *o, Code *co, int i) {
    if (code_line_at(co, i) == 0 && !IS_NULL(o->trace) && o->trace_prev >= 0) return code_line_at(co, o->trace_prev);
    while (i > 0 && i < co->ncode && co->positions[i].lineno == 0) i--;
    return code_line_at(co, i);
}

/* Where a returning frame stands: its last instruction, but an exception
 * leaving through a re-raise without a line (a handler's cleanup) leaves it
 * where that exception was raised, as CPython's RERAISE restores f_lasti. */
static int frame_left_at(Frame *f, int unwinding) {
    Code *co = f->code;
    int i = frame_instr(f);
    if (unwinding && i < co->ncode && INSTR_OP(co->code[i]) == OPC_RERAISE && co->positions[i].lineno == 0 &&
        f->exc_at >= 0 && f->exc_at < co->ncode)
        return f->exc_at;
    return i;
}

Value frame_object(Frame *f) {
    if (!IS_NULL(f->frameobj)) return f->frameobj;
    FrameObj *o = (FrameObj *)gc_alloc(&type_frame, sizeof(FrameObj));
    if (!o) return VAL_NULL;
    o->frame = f;
    o->gen = f->is_gen ? f->gen : VAL_NULL;
    o->code = MK_OBJ(f->code);
    o->globals = f->globals;
    o->builtins = f->builtins;
    o->is_ns = !IS_NULL(f->locals_dict);
    o->locals = o->is_ns ? f->locals_dict : VAL_NULL;
    o->saved = o->back = o->trace = VAL_NULL;
    o->trace_lines = 1;
    o->trace_prev = TRACE_PREV_UNKNOWN;
    f->frameobj = MK_OBJ(o);
    return f->frameobj;
}

void frame_detach(Frame *f) {
    if (f->is_gen && f->yielded) return;         /* suspended: the generator keeps it */
    FrameObj *o = AS_FRAMEOBJ(f->frameobj);
    f->frameobj = VAL_NULL;
    ThreadState *ts = ts_get();
    Value pending = ts->exc;                     /* the frame may be unwinding */
    ts->exc = VAL_NULL;
    Code *co = f->code;
    o->lineno = frame_line_at(o, co, frame_left_at(f, !IS_NULL(pending)));
    o->lasti = 2 * frame_instr(f);
    if (!o->is_ns) o->saved = tuple_from_array(f->localsplus, co->nlocals + co->ncells + co->nfree);
    o->back = f->prev ? frame_object(f->prev) : VAL_NULL;
    o->frame = NULL;
    ts->exc = pending;
}


Value vm_getframe(int depth) {
    Frame *f = ts_get()->frame;
    while (f && depth-- > 0) f = f->prev;
    if (!f) return err_format(&exc_ValueError, "call stack is not deep enough");
    return frame_object(f);
}

Value vm_current_frame(void) {
    Frame *f = ts_get()->frame;
    return f ? frame_object(f) : VAL_NONE;
}

Value vm_current_frames(void) {
    Value d = dict_new();
    if (IS_NULL(d)) return VAL_NULL;
    for (ThreadState *t = interp.threads; t; t = t->next) {
        if (!t->frame) continue;
        Value k = int_from_u64(t->ident), fo = frame_object(t->frame);
        if (IS_NULL(k) || IS_NULL(fo) || dict_set(d, k, fo) < 0) return VAL_NULL;
    }
    return d;
}

/* The code object of a frame object, VAL_NULL for anything else (VMHooks). */
Value frame_code_of(Value v) { return IS_EXACT(v, type_frame) ? AS_FRAMEOBJ(v)->code : VAL_NULL; }

static Value frame_get_back(Value self) {
    FrameObj *o = AS_FRAMEOBJ(self);
    Frame *f = frameobj_live(o);
    if (!f) return IS_NULL(o->back) ? VAL_NONE : o->back;
    if ((!IS_NULL(o->gen) && !AS_GEN(o->gen)->running) || !f->prev) return VAL_NONE;
    return frame_object(f->prev);
}
static Value frame_get_code(Value self) { return AS_FRAMEOBJ(self)->code; }
static Value frame_get_globals(Value self) { return AS_FRAMEOBJ(self)->globals; }
static Value frame_get_builtins(Value self) { return AS_FRAMEOBJ(self)->builtins; }

/* A frame that has not started (a new generator's) is on its def line, as
 * CPython's RESUME is; module code has no line there (0, its 'call' event). */
static Value frame_get_lineno(Value self) {
    Frame *f = frameobj_live(AS_FRAMEOBJ(self));
    if (!f) return AS_FRAMEOBJ(self)->lineno > 0 ? MK_SMALLINT(AS_FRAMEOBJ(self)->lineno) : VAL_NONE;
    FrameObj *o = AS_FRAMEOBJ(self);
    if (o->event && o->trace_prev >= 0)      /* in a trace event: the instruction traced (or jumped to) */
        return MK_SMALLINT(code_line_at(f->code, o->trace_prev));
    if (f->ip == f->code->code && (f->code->flags & CO_MODULE)) return MK_SMALLINT(0);  /* no line yet */
    if (f->ip == f->code->code && f->code->firstlineno > 0) return MK_SMALLINT(f->code->firstlineno);
    return MK_SMALLINT(frame_line_at(AS_FRAMEOBJ(self), f->code, frame_instr(f)));
}

/* CPython's frame_setlineno: its checks and messages, in its order; the
 * jump itself is trace_jump's (interp/trace_jump.c).  Only the frame whose
 * 'line' event is being delivered can jump. */
static int frame_set_lineno(Value self, Value v) {
    if (IS_NULL(v)) { err_format(&exc_AttributeError, "cannot delete attribute"); return -1; }
    if (!IS_SMALLINT(v) && !IS_EXACT(v, type_int)) {
        err_format(&exc_ValueError, "lineno must be an integer");
        return -1;
    }
    FrameObj *o = AS_FRAMEOBJ(self);
    Frame *f = frameobj_live(o);
    ThreadState *ts = ts_get();
    int what = ts->tracing ? ts->tracing_what : TRACE_CALL;
    /* a generator's 'return' event as it yields: it resumes where it jumps */
    int suspended = f && f->is_gen && !f->yielded && o->event == TRACE_RETURN + 1 &&
                    INSTR_OP(f->code->code[frame_instr(f)]) == OPC_YIELD_VALUE;
    if (what == TRACE_CALL) {
        err_format(&exc_ValueError, "can't jump from the 'call' trace event of a new frame");
        return -1;
    }
    if (what != TRACE_LINE && !(what == TRACE_RETURN && suspended)) {
        err_format(&exc_ValueError, "can only jump from a 'line' trace event");
        return -1;
    }
    if (IS_NULL(o->trace)) {
        err_format(&exc_ValueError, "f_lineno can only be set by a trace function");
        return -1;
    }
    if (!IS_SMALLINT(v) || AS_SMALLINT(v) > INT32_MAX || AS_SMALLINT(v) < INT32_MIN) {
        err_format(&exc_ValueError, "lineno out of range");
        return -1;
    }
    int line = (int)AS_SMALLINT(v);
    Code *co = AS_CODE(o->code);
    if (line < co->firstlineno) {
        err_format(&exc_ValueError, "line %d comes before the current code block", line);
        return -1;
    }
    if (!f || (o->event != TRACE_LINE + 1 && !suspended)) {
        err_format(&exc_ValueError, "can only jump from a 'line' trace event");
        return -1;
    }
    /* in a 'line' event the frame stands at trace_prev, also after a first jump */
    int at = suspended || o->trace_prev < 0 ? frame_instr(f) : o->trace_prev;
    if (trace_jump(ts, f, line, at, suspended) < 0) return -1;
    o->trace_prev = (int)(f->ip - co->code);
    return 0;
}
static Value frame_get_lasti(Value self) {
    Frame *f = frameobj_live(AS_FRAMEOBJ(self));
    return MK_SMALLINT(f ? 2 * frame_instr(f) : AS_FRAMEOBJ(self)->lasti);
}
static Value frame_get_trace(Value self) {
    Value t = AS_FRAMEOBJ(self)->trace;
    return IS_NULL(t) ? VAL_NONE : t;
}
static int frame_set_trace(Value self, Value v) {
    AS_FRAMEOBJ(self)->trace = IS_NULL(v) || IS_NONE(v) ? VAL_NULL : v;
    AS_FRAMEOBJ(self)->trace_prev = TRACE_PREV_UNKNOWN;
    return 0;
}
static Value frame_get_trace_lines(Value self) { return MK_BOOL(AS_FRAMEOBJ(self)->trace_lines); }
static int frame_set_trace_lines(Value self, Value v) { return getset_set_bool(&AS_FRAMEOBJ(self)->trace_lines, v); }
static Value frame_get_trace_opcodes(Value self) { return MK_BOOL(AS_FRAMEOBJ(self)->trace_opcodes); }
static int frame_set_trace_opcodes(Value self, Value v) {
    return getset_set_bool(&AS_FRAMEOBJ(self)->trace_opcodes, v);
}

/* The fast locals and cells f_locals shows: the running frame's, or those
 * kept when it returned (NULL once cleared). */
static const Value *frameobj_localsplus(FrameObj *o) {
    Frame *f = frameobj_live(o);
    return f ? f->localsplus : IS_TUPLE(o->saved) ? AS_TUPLE(o->saved)->items : NULL;
}

static Value frame_get_locals(Value self) {
    FrameObj *o = AS_FRAMEOBJ(self);
    if (o->is_ns) return o->locals;
    if (IS_NULL(o->locals)) {
        o->locals = dict_new();
        if (IS_NULL(o->locals)) return VAL_NULL;
    }
    const Value *lp = frameobj_localsplus(o);
    if (lp && vm_locals_into(AS_CODE(o->code), lp, o->locals) < 0) return VAL_NULL;
    return o->locals;
}

int frame_locals_refresh(Value fo) {
    FrameObj *o = AS_FRAMEOBJ(fo);
    if (o->is_ns || IS_NULL(o->locals)) return 0;
    return IS_NULL(frame_get_locals(fo)) ? -1 : 0;
}

static int frame_is_cell_arg(Code *co, int i) {
    if (co->cell2arg) for (int k = 0; k < co->ncells; k++) if (co->cell2arg[k] == i) return 1;
    return 0;
}

int frame_locals_write_back(Value fo) {
    FrameObj *o = AS_FRAMEOBJ(fo);
    Frame *f = frameobj_live(o);
    if (o->is_ns || IS_NULL(o->locals) || !f) return 0;
    Code *co = f->code;
    for (int i = 0; i < co->nlocals + co->ncells + co->nfree; i++) {
        Value name = i < co->nlocals ? AS_TUPLE(co->varnames)->items[i]
                   : i < co->nlocals + co->ncells ? AS_TUPLE(co->cellvars)->items[i - co->nlocals]
                   : AS_TUPLE(co->freevars)->items[i - co->nlocals - co->ncells];
        Value v = dict_get(o->locals, name);
        if (IS_NULL(v) && err_occurred()) return -1;
        if (i < co->nlocals && frame_is_cell_arg(co, i)) continue;     /* the cell has it */
        if (i < co->nlocals) f->localsplus[i] = v;
        else if (IS_OBJ(f->localsplus[i])) ((Cell *)AS_OBJ(f->localsplus[i]))->ref = v;
    }
    return 0;
}

static Value frame_clear_m(Value *args, int nargs, Value kwnames) {
    FrameObj *o = AS_FRAMEOBJ(args[0]);
    if (frameobj_live(o)) {
        if (IS_NULL(o->gen) || AS_GEN(o->gen)->running)
            return err_format(&exc_RuntimeError, "cannot clear an executing frame");
        coro_warn_if_unstarted(o->gen);
        if (IS_NULL(obj_call_method(o->gen, "close", NULL, 0))) return VAL_NULL;
    }
    o->saved = VAL_NULL;
    if (!o->is_ns) o->locals = VAL_NULL;
    return VAL_NONE;
}

static Value frame_repr_m(Value *args, int nargs, Value kwnames) {
    Code *c = AS_CODE(AS_FRAMEOBJ(args[0])->code);
    return str_format_c("<frame at %p, file '%U', line %R, code %U>", (void *)AS_OBJ(args[0]), c->filename,
                        frame_get_lineno(args[0]), c->name);
}

static const MethodDef frame_methods[] = {
    {"__repr__", frame_repr_m, ARGS_WRAP(0), NULL},
    {"clear", frame_clear_m, ARGS_NONE, "F.clear(): clear most references held by the frame"},
    {NULL, NULL, 0, NULL},
};
static const GetSetDef frame_getsets[] = {
    {"f_back", frame_get_back, NULL, NULL},
    {"f_code", frame_get_code, NULL, NULL},
    {"f_globals", frame_get_globals, NULL, NULL},
    {"f_builtins", frame_get_builtins, NULL, NULL},
    {"f_lineno", frame_get_lineno, frame_set_lineno, NULL},
    {"f_lasti", frame_get_lasti, NULL, NULL},
    {"f_locals", frame_get_locals, NULL, NULL},
    {"f_trace", frame_get_trace, frame_set_trace, NULL},
    {"f_trace_lines", frame_get_trace_lines, frame_set_trace_lines, NULL},
    {"f_trace_opcodes", frame_get_trace_opcodes, frame_set_trace_opcodes, NULL},
    {NULL, NULL, NULL, NULL},
};
Type type_frame = {
    .tp_name = "frame", .base = &type_object, .basicsize = sizeof(FrameObj),
    .trace = frameobj_trace, .methods = frame_methods, .getsets = frame_getsets,
};
GILPY_TYPE(type_frame, NULL);
