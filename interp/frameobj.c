/* frameobj.c - frame objects for introspection (sys._getframe, warnings,
 * tracebacks' tb_frame).  A frame object is a snapshot of a running
 * Frame: its code, globals and line at the time it was made.  f_back is
 * computed on demand, and only while the frame is still on the thread's
 * frame chain (frames live on the VM stack and vanish when they return).
 *
 * The attributes are CPython's, with its rules for writing them: f_trace,
 * f_trace_lines and f_trace_opcodes are stored (gilpy does not trace, so
 * nothing reads them); f_lineno refuses as CPython does outside a 'line'
 * trace event; the rest are read-only. */
#include "../runtime/call.h"
#include "../runtime/error.h"
#include "../runtime/gc.h"
#include "../runtime/obj_dict.h"
#include "../runtime/obj_str.h"
#include "../runtime/obj_type.h"
#include "vm.h"

typedef struct FrameObj {
    Obj    header;
    Frame *frame;           /* the live frame, valid while on the chain */
    Value  code, globals, locals;
    Value  trace;           /* f_trace, VAL_NULL for None */
    int    lineno, lasti;
    int    trace_lines, trace_opcodes;
} FrameObj;

#define AS_FRAMEOBJ(v) ((FrameObj *)AS_OBJ(v))
extern Type type_frame;

static void frameobj_trace(Obj *o) {
    FrameObj *f = (FrameObj *)o;
    gc_mark_value(f->code);
    gc_mark_value(f->globals);
    gc_mark_value(f->locals);
    gc_mark_value(f->trace);
}

static int frame_on_chain(Frame *f) {
    for (Frame *g = ts_get()->frame; g; g = g->prev) if (g == f) return 1;
    return 0;
}

static Value frameobj_new(Frame *f) {
    FrameObj *o = (FrameObj *)gc_alloc(&type_frame, sizeof(FrameObj));
    if (!o) return VAL_NULL;
    o->frame = f;
    o->code = MK_OBJ(f->code);
    o->globals = f->globals;
    o->locals = IS_NULL(f->locals_dict) ? VAL_NULL : f->locals_dict;
    int i = (int)(f->ip - f->code->code) - 1;
    o->lineno = i < 0 ? f->code->firstlineno : code_line_at(f->code, i);   /* not started: the def line */
    o->lasti = i < 0 ? 0 : 2 * i;
    o->trace = VAL_NULL;
    o->trace_lines = 1;
    return MK_OBJ(o);
}

/* gi_frame / cr_frame / ag_frame: a snapshot of a generator's own frame. */
Value vm_frame_object(Frame *f) { return frameobj_new(f); }

Value vm_getframe(int depth) {
    Frame *f = ts_get()->frame;
    while (f && depth-- > 0) f = f->prev;
    if (!f) return err_format(&exc_ValueError, "call stack is not deep enough");
    return frameobj_new(f);
}

static Value frame_get_back(Value self) {
    Frame *f = AS_FRAMEOBJ(self)->frame;
    if (!frame_on_chain(f) || !f->prev) return VAL_NONE;
    return frameobj_new(f->prev);
}
static Value frame_get_code(Value self) { return AS_FRAMEOBJ(self)->code; }
static Value frame_get_globals(Value self) { return AS_FRAMEOBJ(self)->globals; }
static Value frame_get_builtins(Value self) {
    Frame *f = AS_FRAMEOBJ(self)->frame;
    return frame_on_chain(f) ? f->builtins : interp.builtins;
}
static Value frame_get_lineno(Value self) { return MK_SMALLINT(AS_FRAMEOBJ(self)->lineno); }
/* CPython's frame_setlineno, when no trace function runs: its tracing_what
 * is then 0, PyTrace_CALL. */
static int frame_set_lineno(Value self, Value v) {
    if (IS_NULL(v)) { err_format(&exc_AttributeError, "cannot delete attribute"); return -1; }
    if (!IS_SMALLINT(v) && !IS_EXACT(v, type_int)) {
        err_format(&exc_ValueError, "lineno must be an integer");
        return -1;
    }
    err_format(&exc_ValueError, "can't jump from the 'call' trace event of a new frame");
    return -1;
}
static Value frame_get_lasti(Value self) { return MK_SMALLINT(AS_FRAMEOBJ(self)->lasti); }
static Value frame_get_trace(Value self) {
    Value t = AS_FRAMEOBJ(self)->trace;
    return IS_NULL(t) ? VAL_NONE : t;
}
static int frame_set_trace(Value self, Value v) {
    AS_FRAMEOBJ(self)->trace = IS_NONE(v) ? VAL_NULL : v;
    return 0;
}
static Value frame_get_trace_lines(Value self) { return MK_BOOL(AS_FRAMEOBJ(self)->trace_lines); }
static int frame_set_trace_lines(Value self, Value v) { return getset_set_bool(&AS_FRAMEOBJ(self)->trace_lines, v); }
static Value frame_get_trace_opcodes(Value self) { return MK_BOOL(AS_FRAMEOBJ(self)->trace_opcodes); }
static int frame_set_trace_opcodes(Value self, Value v) {
    return getset_set_bool(&AS_FRAMEOBJ(self)->trace_opcodes, v);
}
static Value frame_get_locals(Value self) {
    FrameObj *o = AS_FRAMEOBJ(self);
    if (!IS_NULL(o->locals)) return o->locals;
    return frame_on_chain(o->frame) && o->frame == ts_get()->frame ? vm_locals() : dict_new();
}

static Value frame_repr_m(Value *args, int nargs, Value kwnames) {
    FrameObj *o = AS_FRAMEOBJ(args[0]);
    Code *c = AS_CODE(o->code);
    return str_format_c("<frame at %p, file '%U', line %d, code %U>", (void *)o, c->filename, o->lineno, c->name);
}

static const MethodDef frame_methods[] = {
    {"__repr__", frame_repr_m, ARGS_WRAP(0), NULL},
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
