/* obj_exc.h - exception objects and tracebacks. */
#ifndef GILPY_OBJ_EXC_H
#define GILPY_OBJ_EXC_H

#include "object.h"

typedef struct ExcObj {
    Obj   header;
    Value dict;             /* __dict__: per-class attributes (errno, code, value...) */
    Value args;             /* tuple */
    Value traceback;        /* Traceback or None */
    Value cause;            /* __cause__: exception or None */
    Value context;          /* __context__: exception or None */
    Value scope;            /* NameError: (varnames, globals, builtins) of the
                               raising frame, for "Did you mean"; else VAL_NULL */
    int   suppress_context; /* __suppress_context__ */
} ExcObj;

/* One frame's entry in a traceback (a linked list, innermost last). */
typedef struct Traceback {
    Obj   header;
    Value next;             /* Traceback or None: the next frame inward */
    Value filename;         /* str */
    Value name;             /* str: the function's name, "<module>" */
    Value frame;            /* tb_frame: the frame object, or VAL_NULL */
    int32_t lasti;          /* tb_lasti */
    int32_t lineno, end_lineno;
    int32_t col, end_col;   /* 0-based byte columns; -1 when unknown */
    int32_t anchor, anchor_end; /* operator/subscript columns drawn with ^, or -1 */
} Traceback;

/* Where a frame was when the exception passed through it. */
typedef struct TbInfo {
    Value filename, name, frame;
    int lasti;
    int lineno, end_lineno, col, end_col, anchor, anchor_end;
} TbInfo;

#define AS_EXC(v) ((ExcObj *)AS_OBJ(v))
/* A new exception class "module.Name" deriving from base, as CPython's
 * PyErr_NewException (binascii.Error, struct.error, _csv.Error, ...). */
Value exc_new_class(const char *module, const char *name, Type *base);
/* A new instance of exception class cls with these args (BaseException.__new__). */
Value exc_new_instance(Type *cls, Value *args, int nargs);
/* BaseException.__init__: args[0].args = args[1:]; with refuse_kw, keywords are
 * refused ("X() takes no keyword arguments"). */
Value exc_init_args(Value *args, int nargs, Value kwnames, int refuse_kw);
/* Marks an ExcObj's fields (types extending ExcObj call it from their trace). */
void  exc_trace(Obj *o);
extern Type type_traceback;

Value exc_memory_error_instance(void);
/* Make the preallocated MemoryError (runtime_init). */
void  exc_init(void);
/* Add the entry of a frame the exception is leaving.  Entries are added as
 * the exception unwinds outward, so the new one becomes the head and its
 * tb_next points inward, as in CPython. */
void  exc_add_traceback(Value exc, const TbInfo *where);
/* Print `exc` with its chain and tracebacks as CPython's default
 * sys.excepthook does, to sys.stderr (or fd 2 when unusable). */
void  exc_print(Value exc);
/* Line `lineno` (1-based) of file `fn` into out, without its newline, as
 * UTF-8 (interp.vm.source_line decodes it); 0 if missing.  _raw: its bytes. */
struct StrBuf;
int   exc_source_line(const char *fn, int lineno, struct StrBuf *out);
int   exc_source_line_raw(const char *fn, int lineno, struct StrBuf *out);
/* The same text into a str (traceback.format_exception). */
Value exc_format(Value exc);
/* "TypeName: message" / "TypeName" last line, module-qualified like CPython. */
Value exc_format_only(Value exc);
/* Lazily set exc.__context__ = ctx unless that makes a cycle. */
void  exc_set_context(Value exc, Value ctx);
/* An AttributeError raised while getting obj.name without name and obj set (by
 * a __getattr__, say) gets them, so that its traceback can suggest a name, as
 * CPython's set_attribute_error_context. */
void  exc_attribute_error_context(Value exc, Value obj, Value name);
/* Remember where a NameError was raised (for the suggestion at print time). */
void  exc_set_name_scope(Value exc, Value varnames, Value globals, Value builtins);
/* StopIteration.value / SystemExit.code helpers. */
Value exc_get_attr_c(Value exc, const char *name);

#endif
