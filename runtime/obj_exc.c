/* obj_exc.c - the builtin exception hierarchy, tracebacks, and printing
 * them the way CPython's default sys.excepthook does.
 *
 * Every exception instance is an ExcObj: args, traceback, cause, context and
 * a __dict__ that holds the attributes some classes add (OSError.errno,
 * SystemExit.code, StopIteration.value, SyntaxError.lineno, ...), set by
 * their __init__ as CPython does.  The hierarchy is one table (EXC_TYPES)
 * so adding a class is one line.
 */
#include "obj_exc.h"
#include "obj_excgroup.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "call.h"
#include "error.h"
#include "gc.h"
#include "obj_bytes.h"
#include "obj_dict.h"
#include "obj_int.h"
#include "obj_list.h"
#include "obj_misc.h"
#include "obj_str.h"
#include "obj_type.h"
#include "state.h"
#include "strbuf.h"

void exc_trace(Obj *o) {
    ExcObj *e = (ExcObj *)o;
    gc_mark_value(e->args);
    gc_mark_value(e->traceback);
    gc_mark_value(e->cause);
    gc_mark_value(e->context);
    gc_mark_value(e->scope);
}

/* ---- attributes helpers --------------------------------------------------- */

Value exc_get_attr_c(Value exc, const char *name) {
    ExcObj *e = AS_EXC(exc);
    if (!IS_DICT(e->dict)) return VAL_NONE;
    Value v = dict_get_c(e->dict, name);
    return IS_NULL(v) ? VAL_NONE : v;
}

/* Does a class statement between exc's type and the builtin class that owns
 * attribute `name` define it?  CPython keeps such attributes (OSError.errno)
 * in C fields behind member descriptors, which a subclass's class attribute
 * hides: `class Err(OSError): errno = EINVAL` reads EINVAL from Err(). */
static int exc_class_shadows(Value exc, const char *name) {
    Value mro = val_type(exc)->mro;
    if (!IS_TUPLE(mro)) return 0;
    Value key = str_intern_c(name);
    for (int64_t i = 0; i < AS_TUPLE(mro)->len; i++) {
        Type *b = AS_TYPE(AS_TUPLE(mro)->items[i]);
        if (!(b->flags & TF_HEAPTYPE)) return 0;
        if (IS_DICT(b->dict) && !IS_NULL(dict_get(b->dict, key))) return 1;
    }
    return 0;
}

/* Set an attribute an __init__ fills; a None default (not given) leaves a
 * subclass's class attribute visible, as in CPython. */
static int exc_set_attr_c(Value exc, const char *name, Value v) {
    ExcObj *e = AS_EXC(exc);
    if (IS_NONE(v) && exc_class_shadows(exc, name)) return 0;
    if (!IS_DICT(e->dict)) {
        e->dict = dict_new();
        if (IS_NULL(e->dict)) return -1;
    }
    return dict_set_c(e->dict, name, v);
}

static Value exc_arg(Value self, int64_t i) {
    Tuple *t = AS_TUPLE(AS_EXC(self)->args);
    return i < t->len ? t->items[i] : VAL_NONE;
}

static int64_t exc_nargs(Value self) {
    Value a = AS_EXC(self)->args;
    return IS_TUPLE(a) ? AS_TUPLE(a)->len : 0;
}

/* ---- BaseException ------------------------------------------------------------ */

/* __new__ and the __init__s stay ARGS_ANY: they take any arguments (and some
 * keywords), and their messages name the class ("ValueError() takes no
 * keyword arguments"). */
Value exc_new_class(const char *module, const char *name, Type *base) {
    Value ns = dict_new();
    if (IS_NULL(ns) || dict_set_c(ns, "__module__", str_from_c(module)) < 0) return VAL_NULL;
    Value bases = tuple_pack(1, MK_OBJ(base));
    return IS_NULL(bases) ? bases : type_new_class(&type_type, str_from_c(name), bases, ns, VAL_NULL);
}

Value exc_new_instance(Type *cls, Value *args, int nargs) {
    Obj *o = obj_new_instance(cls);
    if (!o) return VAL_NULL;
    ExcObj *e = (ExcObj *)o;
    e->traceback = e->cause = e->context = VAL_NONE;
    e->scope = VAL_NULL;
    e->args = tuple_from_array(args, nargs);
    if (IS_NULL(e->args)) return VAL_NULL;
    return MK_OBJ(o);
}

static Value exc_new_m(Value *args, int nargs, Value kwnames) {
    (void)kwnames;                      /* args[0] is a class: see type_new_call_ok */
    return exc_new_instance(AS_TYPE(args[0]), args + 1, nargs - 1);
}

Value exc_init_args(Value *args, int nargs, Value kwnames, int refuse_kw) {
    if (refuse_kw && !IS_NULL(kwnames) && AS_TUPLE(kwnames)->len)
        return err_format(&exc_TypeError, "%s() takes no keyword arguments", val_type_name(args[0]));
    Value t = tuple_from_array(args + 1, nargs - 1);
    if (IS_NULL(t)) return VAL_NULL;
    AS_EXC(args[0])->args = t;
    return VAL_NONE;
}

static Value exc_init_m(Value *args, int nargs, Value kwnames) {
    int own = val_type(args[0])->slots[SM_INIT] == type_lookup_c(&exc_BaseException, "__init__");
    return exc_init_args(args, nargs, kwnames, own);
}

static Value exc_str_m(Value *args, int nargs, Value kwnames) {
    int64_t n = exc_nargs(args[0]);
    if (n == 0) return str_empty();
    if (n == 1) return obj_str(exc_arg(args[0], 0));
    return obj_str(AS_EXC(args[0])->args);
}

static Value exc_repr_m(Value *args, int nargs, Value kwnames) {
    Value self = args[0];
    const char *name = val_type_name(self);
    int64_t n = exc_nargs(self);
    if (n == 1) return str_format_c("%s(%R)", name, exc_arg(self, 0));
    if (n == 0) return str_format_c("%s()", name);
    return str_format_c("%s%R", name, AS_EXC(self)->args);
}

static Value exc_with_traceback_m(Value *args, int nargs, Value kwnames) {
    AS_EXC(args[0])->traceback = args[1];
    return args[0];
}

/* add_note keeps the notes where CPython does: a __notes__ list in the
 * instance __dict__ (so __notes__ exists only once a note was added). */
static Value exc_add_note_m(Value *args, int nargs, Value kwnames) {
    if (!IS_STR(args[1])) return err_format(&exc_TypeError, "note must be a str, not '%T'", args[1]);
    Value notes = exc_get_attr_c(args[0], "__notes__");
    if (!IS_LIST(notes)) {
        if (!IS_NONE(notes)) return err_format(&exc_TypeError, "Cannot add note: __notes__ is not a list");
        notes = list_new(1);
        if (IS_NULL(notes) || exc_set_attr_c(args[0], "__notes__", notes) < 0) return VAL_NULL;
    }
    if (list_append(notes, args[1]) < 0) return VAL_NULL;
    return VAL_NONE;
}

static Value exc_setstate_m(Value *args, int nargs, Value kwnames) {
    if (IS_NONE(args[1])) return VAL_NONE;
    if (!IS_DICT(args[1])) return err_format(&exc_TypeError, "state is not a dictionary");
    int64_t pos = 0;
    Value k, v;
    while (dict_next(args[1], &pos, &k, &v))
        if (obj_setattr(args[0], k, v) < 0) return VAL_NULL;
    return VAL_NONE;
}

/* The attributes exception classes keep in the instance dict themselves
 * (exc_set_attr_c): CPython keeps them in C fields, so its __reduce__ leaves
 * them out of the state. */
static int exc_own_attr(Value name) {
    static const char *const own[] = {"errno", "strerror", "filename", "filename2", "winerror", "code",
        "value", "name", "path", "msg", "lineno", "offset", "text", "end_lineno", "end_offset",
        "print_file_and_line", "obj", "encoding", "object", "start", "end", "reason", NULL};
    for (int i = 0; own[i]; i++)
        if (str_eq_c(name, own[i])) return 1;
    return 0;
}

/* What was set on the instance itself (its __dict__ in CPython): a new dict. */
static Value exc_user_state(Value self) {
    Value state = dict_new(), d = AS_EXC(self)->dict;
    if (IS_NULL(state) || !IS_DICT(d)) return state;
    int64_t pos = 0;
    Value k, v;
    while (dict_next(d, &pos, &k, &v))
        if (!(IS_STR(k) && exc_own_attr(k)) && dict_set(state, k, v) < 0) return VAL_NULL;
    return state;
}

/* (type, args) or (type, args, state) as CPython's BaseException.__reduce__:
 * the state is what was set on the instance, when there is any. */
static Value exc_reduce_state(Value self, Value args, Value state) {
    if (IS_NULL(state)) return VAL_NULL;
    Value cls = MK_OBJ(val_type(self));
    return dict_len(state) ? tuple_pack(3, cls, args, state) : tuple_pack(2, cls, args);
}

static Value exc_reduce_with(Value self, Value args) {
    return exc_reduce_state(self, args, exc_user_state(self));
}

static Value exc_reduce_m(Value *args, int nargs, Value kwnames) {
    return exc_reduce_with(args[0], AS_EXC(args[0])->args);
}

static Value exc_get_args(Value self) { return AS_EXC(self)->args; }
static int exc_set_args(Value self, Value v) {
    if (IS_NULL(v)) { err_format(&exc_TypeError, "args may not be deleted"); return -1; }
    Value t = seq_to_tuple(v);
    if (IS_NULL(t)) return -1;
    AS_EXC(self)->args = t;
    return 0;
}
static Value exc_get_tb(Value self) { return AS_EXC(self)->traceback; }
/* CPython's messages: deleting is refused before the type is checked. */
static int exc_set_tb(Value self, Value v) {
    if (IS_NULL(v)) { err_format(&exc_TypeError, "__traceback__ may not be deleted"); return -1; }
    if (!IS_NONE(v) && !IS_EXACT(v, type_traceback)) {
        err_format(&exc_TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    AS_EXC(self)->traceback = v;
    return 0;
}
static Value exc_get_cause(Value self) { return AS_EXC(self)->cause; }
static int exc_set_cause(Value self, Value v) {
    if (IS_NULL(v)) { err_format(&exc_TypeError, "__cause__ may not be deleted"); return -1; }
    if (!IS_NONE(v) && !IS_EXC(v)) {
        err_format(&exc_TypeError, "exception cause must be None or derive from BaseException");
        return -1;
    }
    AS_EXC(self)->cause = v;
    AS_EXC(self)->suppress_context = 1;
    return 0;
}
static Value exc_get_context(Value self) { return AS_EXC(self)->context; }
static int exc_set_context_gs(Value self, Value v) {
    if (IS_NULL(v)) { err_format(&exc_TypeError, "__context__ may not be deleted"); return -1; }
    if (!IS_NONE(v) && !IS_EXC(v)) {
        err_format(&exc_TypeError, "exception context must be None or derive from BaseException");
        return -1;
    }
    AS_EXC(self)->context = v;
    return 0;
}
static Value exc_get_suppress(Value self) { return MK_BOOL(AS_EXC(self)->suppress_context); }
static int exc_set_suppress(Value self, Value v) {      /* a T_BOOL member */
    int b;
    if (getset_set_bool(&b, v) < 0) return -1;
    AS_EXC(self)->suppress_context = b;
    return 0;
}
static Value exc_get_dict(Value self) {
    ExcObj *e = AS_EXC(self);
    if (!IS_DICT(e->dict)) e->dict = dict_new();
    return e->dict;
}
static int exc_set_dict(Value self, Value v) { return getset_set_dict(&AS_EXC(self)->dict, v); }

static const MethodDef base_methods[] = {
    {"__new__", exc_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__init__", exc_init_m, ARGS_ANY, NULL},
    {"__str__", exc_str_m, ARGS_WRAP(0), NULL},
    {"__repr__", exc_repr_m, ARGS_WRAP(0), NULL},
    {"with_traceback", exc_with_traceback_m, ARGS_ONE, NULL},
    {"add_note", exc_add_note_m, ARGS_ONE, NULL},
    {"__setstate__", exc_setstate_m, ARGS_ONE, NULL},
    {"__reduce__", exc_reduce_m, ARGS_NONE, NULL},
    {NULL, NULL, 0, NULL},
};
static const GetSetDef base_getsets[] = {
    {"args", exc_get_args, exc_set_args, NULL},
    {"__traceback__", exc_get_tb, exc_set_tb, NULL},
    {"__cause__", exc_get_cause, exc_set_cause, NULL},
    {"__context__", exc_get_context, exc_set_context_gs, NULL},
    {"__suppress_context__", exc_get_suppress, exc_set_suppress, NULL},
    {"__dict__", exc_get_dict, exc_set_dict, NULL},
    {NULL, NULL, NULL, NULL},
};

/* ---- classes with their own __init__/__str__ ---------------------------------- */

static Value stopiter_init_m(Value *args, int nargs, Value kwnames) {
    if (IS_NULL(exc_init_m(args, nargs, kwnames))) return VAL_NULL;
    if (exc_set_attr_c(args[0], "value", nargs > 1 ? args[1] : VAL_NONE) < 0) return VAL_NULL;
    return VAL_NONE;
}
static const MethodDef stopiter_methods[] = {{"__init__", stopiter_init_m, ARGS_ANY, NULL}, {NULL, NULL, 0, NULL}};

static Value sysexit_init_m(Value *args, int nargs, Value kwnames) {
    if (IS_NULL(exc_init_m(args, nargs, kwnames))) return VAL_NULL;
    Value code = nargs == 1 ? VAL_NONE : nargs == 2 ? args[1] : AS_EXC(args[0])->args;
    if (exc_set_attr_c(args[0], "code", code) < 0) return VAL_NULL;
    return VAL_NONE;
}
static const MethodDef sysexit_methods[] = {{"__init__", sysexit_init_m, ARGS_ANY, NULL}, {NULL, NULL, 0, NULL}};

static Value keyerror_str_m(Value *args, int nargs, Value kwnames) {
    if (exc_nargs(args[0]) == 1) return obj_repr(exc_arg(args[0], 0));
    return exc_str_m(args, nargs, kwnames);
}
static const MethodDef keyerror_methods[] = {{"__str__", keyerror_str_m, ARGS_WRAP(0), NULL}, {NULL, NULL, 0, NULL}};

/* Keyword-only attributes (name=, path=, obj=) that some classes accept; `who`
 * names the class in CPython's message for another keyword. */
static Value exc_init_with_kw(Value *args, int nargs, Value kwnames,
                              const char *const *kws, int nkw, const char *who) {
    int npos = nargs;
    for (int k = 0; k < nkw; k++)
        if (exc_set_attr_c(args[0], kws[k], VAL_NONE) < 0) return VAL_NULL;
    if (!IS_NULL(kwnames)) {
        Tuple *kn = AS_TUPLE(kwnames);
        for (int64_t i = 0; i < kn->len; i++) {
            int ok = 0;
            for (int k = 0; k < nkw; k++)
                if (str_eq_c(kn->items[i], kws[k])) ok = 1;
            if (!ok) return err_format(&exc_TypeError, "'%U' is an invalid keyword argument for %s",
                                       kn->items[i], who);
            if (exc_set_attr_c(args[0], STR_DATA(kn->items[i]), args[npos + i]) < 0) return VAL_NULL;
        }
    }
    return exc_init_m(args, npos, VAL_NULL);
}

static Value importerror_init_m(Value *args, int nargs, Value kwnames) {
    static const char *const kws[] = {"name", "path"};
    if (IS_NULL(exc_init_with_kw(args, nargs, kwnames, kws, 2, "ImportError()"))) return VAL_NULL;
    if (exc_set_attr_c(args[0], "msg", nargs == 2 ? args[1] : VAL_NONE) < 0) return VAL_NULL;
    return VAL_NONE;
}
static Value importerror_str_m(Value *args, int nargs, Value kwnames) {
    Value msg = exc_get_attr_c(args[0], "msg");
    if (!IS_NONE(msg)) return obj_str(msg);
    return exc_str_m(args, nargs, kwnames);
}
/* (type, args, state): state is the instance dict with name and path when not
 * None, as CPython's ImportError_reduce; msg comes back from args. */
static Value importerror_reduce_m(Value *args, int nargs, Value kwnames) {
    Value self = args[0], state = exc_user_state(self);
    static const char *const keep[] = {"name", "path"};
    for (int i = 0; i < 2 && !IS_NULL(state); i++) {
        Value v = exc_get_attr_c(self, keep[i]);
        if (!IS_NONE(v) && dict_set(state, str_intern_c(keep[i]), v) < 0) return VAL_NULL;
    }
    return exc_reduce_state(self, AS_EXC(self)->args, state);
}
static const MethodDef importerror_methods[] = {
    {"__init__", importerror_init_m, ARGS_ANY, NULL}, {"__str__", importerror_str_m, ARGS_WRAP(0), NULL},
    {"__reduce__", importerror_reduce_m, ARGS_NONE, NULL},
    {NULL, NULL, 0, NULL}};

void exc_attribute_error_context(Value exc, Value obj, Value name) {
    if (!IS_EXC(exc) || !type_is_subtype(val_type(exc), &exc_AttributeError)) return;
    if (!IS_NONE(exc_get_attr_c(exc, "name")) || !IS_NONE(exc_get_attr_c(exc, "obj"))) return;
    if (exc_set_attr_c(exc, "name", name) == 0) exc_set_attr_c(exc, "obj", obj);
}

static Value attributeerror_init_m(Value *args, int nargs, Value kwnames) {
    static const char *const kws[] = {"name", "obj"};
    return exc_init_with_kw(args, nargs, kwnames, kws, 2, "AttributeError()");
}
static const MethodDef attributeerror_methods[] = {{"__init__", attributeerror_init_m, ARGS_ANY, NULL}, {NULL, NULL, 0, NULL}};

static Value nameerror_init_m(Value *args, int nargs, Value kwnames) {
    static const char *const kws[] = {"name"};
    return exc_init_with_kw(args, nargs, kwnames, kws, 1, "NameError()");
}
static const MethodDef nameerror_methods[] = {{"__init__", nameerror_init_m, ARGS_ANY, NULL}, {NULL, NULL, 0, NULL}};

/* OSError(errno, strerror[, filename[, winerror[, filename2]]]) */
static Type *oserror_subclass_for(int64_t e);
static Value oserror_new_m(Value *args, int nargs, Value kwnames) {
    if (nargs >= 3 && AS_TYPE(args[0]) == &exc_OSError && IS_SMALLINT(args[1])) {
        Type *sub = oserror_subclass_for(AS_SMALLINT(args[1]));
        if (sub) args[0] = MK_OBJ(sub);
    }
    return exc_new_m(args, nargs, kwnames);
}
static Value oserror_init_m(Value *args, int nargs, Value kwnames) {
    if (IS_NULL(exc_init_m(args, nargs, kwnames))) return VAL_NULL;
    Value self = args[0];
    int n = nargs - 1;
    Value eno = VAL_NONE, strerr = VAL_NONE, fname = VAL_NONE, fname2 = VAL_NONE;
    if (n >= 2 && n <= 5) {
        eno = args[1]; strerr = args[2];
        if (n >= 3) fname = args[3];
        if (n >= 5) fname2 = args[5];
    }
    if (!IS_NONE(fname) && val_type(self) == &exc_BlockingIOError && (IS_INT(fname) || IS_FLOAT(fname))) {
        /* BlockingIOError(errno, strerror, characters_written): args keep all three */
        int64_t written;
        if (obj_index_i64(fname, &written) < 0) return VAL_NULL;
        if (exc_set_attr_c(self, "characters_written", int_from_i64(written)) < 0) return VAL_NULL;
        fname = fname2 = VAL_NONE;
    } else if (!IS_NONE(fname)) {       /* the file names leave args */
        Value t = tuple_pack(2, eno, strerr);
        if (IS_NULL(t)) return VAL_NULL;
        AS_EXC(self)->args = t;
    }
    if (exc_set_attr_c(self, "errno", eno) < 0 || exc_set_attr_c(self, "strerror", strerr) < 0 ||
        exc_set_attr_c(self, "filename", fname) < 0 || exc_set_attr_c(self, "filename2", fname2) < 0)
        return VAL_NULL;
    return VAL_NONE;
}
static Value oserror_str_m(Value *args, int nargs, Value kwnames) {
    Value self = args[0];
    Value eno = exc_get_attr_c(self, "errno"), se = exc_get_attr_c(self, "strerror");
    Value fn = exc_get_attr_c(self, "filename"), fn2 = exc_get_attr_c(self, "filename2");
    if (!IS_NONE(fn) && !IS_NONE(fn2))
        return str_format_c("[Errno %S] %S: %R -> %R", eno, se, fn, fn2);
    if (!IS_NONE(fn)) return str_format_c("[Errno %S] %S: %R", eno, se, fn);
    if (!IS_NONE(eno) && !IS_NONE(se)) return str_format_c("[Errno %S] %S", eno, se);
    return exc_str_m(args, nargs, kwnames);
}
/* OSError's args carry the file names back: (errno, strerror, filename
 * [, None, filename2]), as CPython's OSError.__reduce__. */
static Value oserror_reduce_m(Value *args, int nargs, Value kwnames) {
    Value self = args[0], a = AS_EXC(self)->args;
    Value fn = exc_get_attr_c(self, "filename"), fn2 = exc_get_attr_c(self, "filename2");
    if (IS_TUPLE(a) && AS_TUPLE(a)->len == 2 && !IS_NONE(fn)) {
        Value *it = AS_TUPLE(a)->items;
        a = IS_NONE(fn2) ? tuple_pack(3, it[0], it[1], fn) : tuple_pack(5, it[0], it[1], fn, VAL_NONE, fn2);
        if (IS_NULL(a)) return VAL_NULL;
    }
    return exc_reduce_with(self, a);
}

static const MethodDef oserror_methods[] = {
    {"__new__", oserror_new_m, METH_STATIC | ARGS_ANY, NULL}, {"__init__", oserror_init_m, ARGS_ANY, NULL},
    {"__reduce__", oserror_reduce_m, ARGS_NONE, NULL},
    {"__str__", oserror_str_m, ARGS_WRAP(0), NULL}, {NULL, NULL, 0, NULL}};

/* SyntaxError(msg, (filename, lineno, offset, text, end_lineno, end_offset)) */
static Value syntaxerror_init_m(Value *args, int nargs, Value kwnames) {
    if (IS_NULL(exc_init_m(args, nargs, kwnames))) return VAL_NULL;
    static const char *const names[] = {"filename", "lineno", "offset", "text", "end_lineno", "end_offset"};
    Value self = args[0];
    if (exc_set_attr_c(self, "msg", nargs > 1 ? args[1] : VAL_NONE) < 0) return VAL_NULL;
    /* SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset])),
     * the details any iterable, with the checks of CPython's "OOOO|OO" parse */
    Value info = nargs == 3 ? seq_to_tuple(args[2]) : VAL_NULL;
    if (nargs == 3) {
        if (IS_NULL(info)) return VAL_NULL;
        int64_t n = AS_TUPLE(info)->len;
        if (n < 4) return err_format(&exc_TypeError, "function takes at least 4 arguments (%lld given)", (long long)n);
        if (n > 6) return err_format(&exc_TypeError, "function takes at most 6 arguments (%lld given)", (long long)n);
        if (n == 5)
            return err_format(&exc_TypeError, "end_offset must be provided when end_lineno is provided");
    }
    for (int i = 0; i < 6; i++) {
        Value v = !IS_NULL(info) && i < AS_TUPLE(info)->len ? AS_TUPLE(info)->items[i] : VAL_NONE;
        if (exc_set_attr_c(self, names[i], v) < 0) return VAL_NULL;
    }
    if (exc_set_attr_c(self, "print_file_and_line", VAL_NONE) < 0) return VAL_NULL;
    return VAL_NONE;
}
static Value syntaxerror_str_m(Value *args, int nargs, Value kwnames) {
    Value self = args[0];
    Value msg = exc_get_attr_c(self, "msg"), fn = exc_get_attr_c(self, "filename");
    Value ln = exc_get_attr_c(self, "lineno");
    Value m = obj_str(msg);
    if (IS_NULL(m)) return VAL_NULL;
    if (IS_STR(fn)) {
        const char *s = STR_DATA(fn), *slash = strrchr(s, '/');
        const char *base = slash ? slash + 1 : s;
        if (IS_INT(ln)) return str_format_c("%U (%s, line %S)", m, base, ln);
        return str_format_c("%U (%s)", m, base);
    }
    if (IS_INT(ln)) return str_format_c("%U (line %S)", m, ln);
    return m;
}
static const MethodDef syntaxerror_methods[] = {
    {"__init__", syntaxerror_init_m, ARGS_ANY, NULL}, {"__str__", syntaxerror_str_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL}};

/* UnicodeEncodeError(encoding, object, start, end, reason), UnicodeDecodeError (the
 * same, object a bytes-like one kept as bytes) and UnicodeTranslateError(object,
 * start, end, reason). Their fields live in the instance dict; the getsets read a
 * missing one as None (start and end as 0), as CPython's members of a fresh
 * `X.__new__(X)` do, and __str__ converts whatever user code stored since. */
enum { UE_ENCODE, UE_DECODE, UE_TRANSLATE };

static Value unicodeerr_init(Value *args, int nargs, Value kwnames, int kind) {
    if (IS_NULL(exc_init_args(args, nargs, kwnames, 1))) return VAL_NULL;
    int want = kind == UE_TRANSLATE ? 4 : 5;
    if (nargs - 1 != want)
        return err_format(&exc_TypeError, "function takes exactly %d arguments (%d given)", want, nargs - 1);
    Value *a = args + 1, enc = VAL_NONE;
    if (kind != UE_TRANSLATE) {
        if (!IS_STR(a[0])) return err_format(&exc_TypeError, "argument 1 must be str, not %T", a[0]);
        enc = *a++;
    }
    Value obj = a[0];
    int64_t st, en;
    if (kind == UE_DECODE) {
        const uint8_t *p;
        int64_t n;
        if (bytes_view(obj, &p, &n) < 0) return VAL_NULL;
        if (!IS_BYTES(obj) && IS_NULL(obj = bytes_new(p, (size_t)n))) return VAL_NULL;
    } else if (!IS_STR(obj)) {
        return err_format(&exc_TypeError, "argument %d must be str, not %T", kind == UE_TRANSLATE ? 1 : 2, obj);
    }
    if (arg_to_ssize(a[1], &st) < 0 || arg_to_ssize(a[2], &en) < 0) return VAL_NULL;
    if (!IS_STR(a[3]))
        return err_format(&exc_TypeError, "argument %d must be str, not %T", want, a[3]);
    if (exc_set_attr_c(args[0], "encoding", enc) < 0 || exc_set_attr_c(args[0], "object", obj) < 0 ||
        exc_set_attr_c(args[0], "start", int_from_i64(st)) < 0 ||
        exc_set_attr_c(args[0], "end", int_from_i64(en)) < 0 ||
        exc_set_attr_c(args[0], "reason", a[3]) < 0)
        return VAL_NULL;
    return VAL_NONE;
}

/* "character '\xe9'", with the shortest of CPython's three escapes for cp. */
static const char *unicodeerr_char_fmt(uint32_t cp) {
    return cp < 0x100 ? "character '\\x%02x' in position %lld: %U"
         : cp < 0x10000 ? "character '\\u%04x' in position %lld: %U"
         : "character '\\U%08x' in position %lld: %U";
}

static Value unicodeerr_str(Value self, int kind) {
    Value obj = exc_get_attr_c(self, "object");
    if (IS_NONE(obj)) return str_empty();
    Value st = exc_get_attr_c(self, "start"), en = exc_get_attr_c(self, "end");
    int64_t s = IS_SMALLINT(st) ? AS_SMALLINT(st) : 0, e = IS_SMALLINT(en) ? AS_SMALLINT(en) : 0;
    Value reason = obj_str(exc_get_attr_c(self, "reason"));
    if (IS_NULL(reason)) return VAL_NULL;
    Value head, tail;
    if (kind == UE_TRANSLATE) {
        head = str_from_c("can't translate ");
    } else {
        Value enc = obj_str(exc_get_attr_c(self, "encoding"));
        if (IS_NULL(enc)) return VAL_NULL;
        head = str_format_c("'%U' codec can't %s ", enc, kind == UE_DECODE ? "decode" : "encode");
    }
    if (IS_NULL(head)) return VAL_NULL;
    const uint8_t *bd;
    int64_t bl;
    if (kind == UE_DECODE && IS_BYTES(obj) && bytes_view(obj, &bd, &bl) == 0 && s < bl && e == s + 1) {
        if (s < 0) return err_format(&exc_IndexError, "index out of range");
        tail = str_format_c("byte 0x%02x in position %lld: %U", (int)bd[s], (long long)s, reason);
    } else if (kind != UE_DECODE && IS_STR(obj) && s < AS_STR(obj)->nchars && e == s + 1) {
        if (s < 0) return err_format(&exc_IndexError, "string index out of range");
        uint32_t cp = str_char_at(obj, s);
        tail = str_format_c(unicodeerr_char_fmt(cp), (int)cp, (long long)s, reason);
    } else {
        tail = str_format_c("%s in position %lld-%lld: %U", kind == UE_DECODE ? "bytes" : "characters",
                            (long long)s, (long long)(e - 1), reason);
    }
    return IS_NULL(tail) ? VAL_NULL : str_concat(head, tail);
}

static Value unicodeencode_init_m(Value *args, int nargs, Value kwnames) {
    return unicodeerr_init(args, nargs, kwnames, UE_ENCODE);
}
static Value unicodedecode_init_m(Value *args, int nargs, Value kwnames) {
    return unicodeerr_init(args, nargs, kwnames, UE_DECODE);
}
static Value unicodetranslate_init_m(Value *args, int nargs, Value kwnames) {
    return unicodeerr_init(args, nargs, kwnames, UE_TRANSLATE);
}
static Value unicodeencode_str_m(Value *args, int nargs, Value kwnames) {
    return unicodeerr_str(args[0], UE_ENCODE);
}
static Value unicodedecode_str_m(Value *args, int nargs, Value kwnames) {
    return unicodeerr_str(args[0], UE_DECODE);
}
static Value unicodetranslate_str_m(Value *args, int nargs, Value kwnames) {
    return unicodeerr_str(args[0], UE_TRANSLATE);
}
static const MethodDef unicodedecode_methods[] = {
    {"__new__", exc_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__init__", unicodedecode_init_m, ARGS_ANY, NULL}, {"__str__", unicodedecode_str_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL}};
static const MethodDef unicodeencode_methods[] = {
    {"__new__", exc_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__init__", unicodeencode_init_m, ARGS_ANY, NULL}, {"__str__", unicodeencode_str_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL}};
static const MethodDef unicodetranslate_methods[] = {
    {"__new__", exc_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__init__", unicodetranslate_init_m, ARGS_ANY, NULL},
    {"__str__", unicodetranslate_str_m, ARGS_WRAP(0), NULL},
    {NULL, NULL, 0, NULL}};

/* start and end are T_PYSSIZET members in CPython: an int, never deleted; the
 * others are T_OBJECT members: anything, and None once deleted. */
static int unicodeerr_set_int(Value self, Value v, const char *name) {
    if (IS_NULL(v)) { err_format(&exc_TypeError, "can't delete numeric/char attribute"); return -1; }
    if (!IS_INT(v)) { err_format(&exc_TypeError, "an integer is required"); return -1; }
    return exc_set_attr_c(self, name, v);
}
static Value unicodeerr_get_int(Value self, const char *name) {
    Value v = exc_get_attr_c(self, name);
    return IS_NONE(v) ? MK_SMALLINT(0) : v;
}
static Value unicodeerr_get_start(Value self) { return unicodeerr_get_int(self, "start"); }
static Value unicodeerr_get_end(Value self) { return unicodeerr_get_int(self, "end"); }
static int unicodeerr_set_start(Value self, Value v) { return unicodeerr_set_int(self, v, "start"); }
static int unicodeerr_set_end(Value self, Value v) { return unicodeerr_set_int(self, v, "end"); }
#define UNICODEERR_MEMBER(field)                                                    \
    static Value unicodeerr_get_##field(Value self) { return exc_get_attr_c(self, #field); } \
    static int unicodeerr_set_##field(Value self, Value v) {                        \
        return exc_set_attr_c(self, #field, IS_NULL(v) ? VAL_NONE : v);             \
    }
UNICODEERR_MEMBER(encoding)
UNICODEERR_MEMBER(object)
UNICODEERR_MEMBER(reason)
static const GetSetDef unicodeerr_getsets[] = {
    {"encoding", unicodeerr_get_encoding, unicodeerr_set_encoding, NULL},
    {"object", unicodeerr_get_object, unicodeerr_set_object, NULL},
    {"start", unicodeerr_get_start, unicodeerr_set_start, NULL},
    {"end", unicodeerr_get_end, unicodeerr_set_end, NULL},
    {"reason", unicodeerr_get_reason, unicodeerr_set_reason, NULL},
    {NULL, NULL, NULL, NULL}};

/* OSError.characters_written: CPython's getset, an index-sized int that is
 * there only once set. */
static Value oserror_get_written(Value self) {
    Value *d = &AS_EXC(self)->dict;
    Value v = IS_DICT(*d) ? dict_get_c(*d, "characters_written") : VAL_NULL;
    if (IS_NULL(v) && !err_occurred()) err_format(&exc_AttributeError, "characters_written");
    return v;
}
static int oserror_set_written(Value self, Value v) {
    Value d = AS_EXC(self)->dict;
    if (IS_NULL(v)) {
        int r = IS_DICT(d) ? dict_del(d, str_intern_c("characters_written")) : 0;
        if (r == 0) err_format(&exc_AttributeError, "characters_written");
        return r > 0 ? 0 : -1;
    }
    int64_t n;
    if (obj_index_i64(v, &n) < 0) return -1;
    return exc_set_attr_c(self, "characters_written", int_from_i64(n));
}
static const GetSetDef oserror_getsets[] = {
    {"characters_written", oserror_get_written, oserror_set_written, NULL},
    {NULL, NULL, NULL, NULL}};

/* Most classes have a __new__ of their own in CPython (their static type sets
 * tp_new), so that X.__new__(int) names X in its error; those made with
 * ComplexExtendsException (KeyError, OSError's subclasses, ...) do not. */
static const MethodDef own_new_methods[] = {
    {"__new__", exc_new_m, METH_STATIC | ARGS_ANY, NULL},
    {NULL, NULL, 0, NULL}};

/* ---- the hierarchy ---------------------------------------------------------------- */

#define EXC_COMMON .flags = TF_BASETYPE | TF_EXC_SUBCLASS | TF_HAS_DICT, \
    .basicsize = sizeof(ExcObj), .dictoffset = offsetof(ExcObj, dict), .trace = exc_trace

Type exc_BaseException = { .tp_name = "BaseException", .base = &type_object, EXC_COMMON,
                           .methods = base_methods, .getsets = base_getsets };

#define EXC_TYPES(X)                                                        \
    X(Exception, BaseException, own_new_methods, NULL)                      \
    X(ArithmeticError, Exception, own_new_methods, NULL)                    \
    X(ZeroDivisionError, ArithmeticError, own_new_methods, NULL)            \
    X(OverflowError, ArithmeticError, own_new_methods, NULL)                \
    X(FloatingPointError, ArithmeticError, own_new_methods, NULL)           \
    X(LookupError, Exception, own_new_methods, NULL)                        \
    X(IndexError, LookupError, own_new_methods, NULL)                       \
    X(KeyError, LookupError, keyerror_methods, NULL)                        \
    X(ValueError, Exception, own_new_methods, NULL)                         \
    X(UnicodeError, ValueError, own_new_methods, NULL)                      \
    X(UnicodeDecodeError, UnicodeError, unicodedecode_methods, unicodeerr_getsets) \
    X(UnicodeEncodeError, UnicodeError, unicodeencode_methods, unicodeerr_getsets) \
    X(UnicodeTranslateError, UnicodeError, unicodetranslate_methods, unicodeerr_getsets) \
    X(TypeError, Exception, own_new_methods, NULL)                          \
    X(NameError, Exception, nameerror_methods, NULL)                        \
    X(UnboundLocalError, NameError, NULL, NULL)                             \
    X(AttributeError, Exception, attributeerror_methods, NULL)              \
    X(StopIteration, Exception, stopiter_methods, NULL)                     \
    X(StopAsyncIteration, Exception, own_new_methods, NULL)                 \
    X(RuntimeError, Exception, own_new_methods, NULL)                       \
    X(RecursionError, RuntimeError, own_new_methods, NULL)                  \
    X(NotImplementedError, RuntimeError, own_new_methods, NULL)             \
    X(AssertionError, Exception, own_new_methods, NULL)                     \
    X(ImportError, Exception, importerror_methods, NULL)                    \
    X(ModuleNotFoundError, ImportError, NULL, NULL)                         \
    X(OSError, Exception, oserror_methods, oserror_getsets)                 \
    X(FileNotFoundError, OSError, NULL, NULL)                               \
    X(FileExistsError, OSError, NULL, NULL)                                 \
    X(PermissionError, OSError, NULL, NULL)                                 \
    X(IsADirectoryError, OSError, NULL, NULL)                               \
    X(NotADirectoryError, OSError, NULL, NULL)                              \
    X(InterruptedError, OSError, NULL, NULL)                                \
    X(BlockingIOError, OSError, NULL, NULL)                                 \
    X(ChildProcessError, OSError, NULL, NULL)                               \
    X(ProcessLookupError, OSError, NULL, NULL)                              \
    X(TimeoutError, OSError, NULL, NULL)                                    \
    X(ConnectionError, OSError, NULL, NULL)                                 \
    X(BrokenPipeError, ConnectionError, NULL, NULL)                         \
    X(ConnectionAbortedError, ConnectionError, NULL, NULL)                  \
    X(ConnectionRefusedError, ConnectionError, NULL, NULL)                  \
    X(ConnectionResetError, ConnectionError, NULL, NULL)                    \
    X(KeyboardInterrupt, BaseException, own_new_methods, NULL)              \
    X(SystemExit, BaseException, sysexit_methods, NULL)                     \
    X(GeneratorExit, BaseException, own_new_methods, NULL)                  \
    X(MemoryError, Exception, own_new_methods, NULL)                        \
    X(EOFError, Exception, own_new_methods, NULL)                           \
    X(SyntaxError, Exception, syntaxerror_methods, NULL)                    \
    X(IndentationError, SyntaxError, NULL, NULL)                            \
    X(TabError, IndentationError, NULL, NULL)                               \
    X(SystemError, Exception, own_new_methods, NULL)                        \
    X(BufferError, Exception, own_new_methods, NULL)                        \
    X(ReferenceError, Exception, own_new_methods, NULL)                     \
    X(Warning, Exception, own_new_methods, NULL)                            \
    X(UserWarning, Warning, own_new_methods, NULL)                          \
    X(DeprecationWarning, Warning, own_new_methods, NULL)                   \
    X(PendingDeprecationWarning, Warning, own_new_methods, NULL)            \
    X(SyntaxWarning, Warning, own_new_methods, NULL)                        \
    X(RuntimeWarning, Warning, own_new_methods, NULL)                       \
    X(FutureWarning, Warning, own_new_methods, NULL)                        \
    X(ImportWarning, Warning, own_new_methods, NULL)                        \
    X(UnicodeWarning, Warning, own_new_methods, NULL)                       \
    X(BytesWarning, Warning, own_new_methods, NULL)                         \
    X(ResourceWarning, Warning, own_new_methods, NULL)                      \
    X(EncodingWarning, Warning, own_new_methods, NULL)

#define EXC_DEFINE(name, basename, meths, gets) \
    Type exc_##name = { .tp_name = #name, .base = &exc_##basename, EXC_COMMON, .methods = meths, \
                        .getsets = gets };
EXC_TYPES(EXC_DEFINE)

Type *const exc_all_types[] = {
    &exc_BaseException,
#define EXC_PTR(name, basename, meths, gets) &exc_##name,
    EXC_TYPES(EXC_PTR)
    NULL,
};

static Type *oserror_subclass_for(int64_t e) {
    static const struct { int err; Type *t; } map[] = {
        {2, &exc_FileNotFoundError}, {17, &exc_FileExistsError}, {13, &exc_PermissionError},
        {1, &exc_PermissionError}, {21, &exc_IsADirectoryError}, {20, &exc_NotADirectoryError},
        {4, &exc_InterruptedError}, {11, &exc_BlockingIOError}, {10, &exc_ChildProcessError},
        {3, &exc_ProcessLookupError}, {110, &exc_TimeoutError}, {32, &exc_BrokenPipeError},
        {103, &exc_ConnectionAbortedError}, {111, &exc_ConnectionRefusedError},
        {104, &exc_ConnectionResetError},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (map[i].err == e) return map[i].t;
    return NULL;
}

static Value exc_memory_error;

Value exc_memory_error_instance(void) {
    if (IS_NULL(exc_memory_error) || exc_memory_error == 0) {
        /* made at start-up by exc_init; fall back to the class */
        return MK_OBJ(&exc_MemoryError);
    }
    AS_EXC(exc_memory_error)->traceback = VAL_NONE;
    AS_EXC(exc_memory_error)->context = VAL_NONE;
    return exc_memory_error;
}

void exc_init(void) {
    exc_memory_error = VAL_NULL;
    gc_add_root(&exc_memory_error);
    exc_memory_error = call0(MK_OBJ(&exc_MemoryError));
    excgroup_init();
}

Value err_syntax(Type *kind, const char *msg, Value filename, int lineno, int offset,
                 Value text, int end_lineno, int end_offset) {
    Value info = tuple_pack(6, filename, MK_SMALLINT(lineno), MK_SMALLINT(offset), text,
                            MK_SMALLINT(end_lineno), MK_SMALLINT(end_offset));
    if (IS_NULL(info)) return VAL_NULL;
    Value m = str_from_c(msg);
    if (IS_NULL(m)) return VAL_NULL;
    Value e = call2(MK_OBJ(kind), m, info);
    if (IS_NULL(e)) return VAL_NULL;
    ts_get()->exc = e;
    return VAL_NULL;
}

/* ---- tracebacks ---------------------------------------------------------------- */

static void tb_trace(Obj *o) {
    Traceback *tb = (Traceback *)o;
    gc_mark_value(tb->next);
    gc_mark_value(tb->filename);
    gc_mark_value(tb->name);
    gc_mark_value(tb->frame);
}
static Value tb_get_next(Value self) {
    Value n = ((Traceback *)AS_OBJ(self))->next;
    return IS_NULL(n) ? VAL_NONE : n;
}
/* CPython's tb_next_set: None or a traceback that does not lead back here. */
static int tb_set_next(Value self, Value v) {
    if (IS_NULL(v)) { err_format(&exc_TypeError, "can't delete tb_next attribute"); return -1; }
    if (!IS_NONE(v) && !IS_EXACT(v, type_traceback)) {
        err_format(&exc_TypeError, "expected traceback object, got '%T'", v);
        return -1;
    }
    for (Value c = v; IS_EXACT(c, type_traceback); c = ((Traceback *)AS_OBJ(c))->next)
        if (c == self) { err_format(&exc_ValueError, "traceback loop detected"); return -1; }
    ((Traceback *)AS_OBJ(self))->next = v;
    return 0;
}
static Value tb_get_lineno(Value self) { return MK_SMALLINT(((Traceback *)AS_OBJ(self))->lineno); }
static Value tb_get_lasti(Value self) { return MK_SMALLINT(((Traceback *)AS_OBJ(self))->lasti); }
static Value tb_get_frame(Value self) {
    Value f = ((Traceback *)AS_OBJ(self))->frame;
    return IS_NULL(f) ? VAL_NONE : f;
}

static Traceback *tb_new(Value next, const TbInfo *w) {
    Traceback *tb = (Traceback *)gc_alloc(&type_traceback, sizeof(Traceback));
    if (!tb) return NULL;
    tb->next = next;
    tb->filename = w->filename;
    tb->name = w->name;
    tb->frame = w->frame;
    tb->lasti = w->lasti;
    tb->lineno = w->lineno;
    tb->end_lineno = w->end_lineno;
    tb->col = w->col;
    tb->end_col = w->end_col;
    tb->anchor = w->anchor;
    tb->anchor_end = w->anchor_end;
    return tb;
}

/* TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno), checked as CPython's tb_new
 * (its argument clinic's messages name "TracebackType()"). */
static int tb_new_args(Value *args, int nargs, Value kwnames, Value *v) {
    static const char *const names[4] = {"tb_next", "tb_frame", "tb_lasti", "tb_lineno"};
    int npos = nargs - 1, nkw = IS_NULL(kwnames) ? 0 : (int)AS_TUPLE(kwnames)->len;
    if (npos + nkw > 4) {
        err_format(&exc_TypeError, "TracebackType() takes at most 4 arguments (%d given)", npos + nkw);
        return -1;
    }
    int dup = -1;
    for (int i = 0; i < 4; i++) v[i] = i < npos ? args[1 + i] : VAL_NULL;
    for (int k = 0; k < nkw; k++) {
        Value key = AS_TUPLE(kwnames)->items[k];
        int i = 0;
        while (i < 4 && !str_eq_c(key, names[i])) i++;
        if (i == 4) {
            err_format(&exc_TypeError, "TracebackType() got an unexpected keyword argument '%U'", key);
            return -1;
        }
        if (i < npos) dup = i;
        else v[i] = args[nargs + k];
    }
    for (int i = 0; i < 4; i++)
        if (IS_NULL(v[i])) {
            err_format(&exc_TypeError, "TracebackType() missing required argument '%s' (pos %d)", names[i], i + 1);
            return -1;
        }
    if (dup >= 0) {
        err_format(&exc_TypeError, "argument for TracebackType() given by name ('%s') and position (%d)",
                   names[dup], dup + 1);
        return -1;
    }
    return 0;
}

/* An int argument of the clinic's "int" converter (_PyLong_AsInt's message). */
static int tb_int_arg(Value v, int *out) {
    int64_t n;
    if (obj_index_i64(v, &n) < 0) {
        if (err_matches(&exc_IndexError)) {
            err_clear();
            err_format(&exc_OverflowError, "Python int too large to convert to C int");
        }
        return -1;
    }
    if (n < INT32_MIN || n > INT32_MAX) {
        err_format(&exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)n;
    return 0;
}

static Value tb_new_m(Value *args, int nargs, Value kwnames) {
    Value v[4];
    if (tb_new_args(args, nargs, kwnames, v) < 0) return VAL_NULL;
    Value next = v[0], frame = v[1];
    Value code = interp.vm.frame_code ? interp.vm.frame_code(frame) : VAL_NULL;
    if (IS_NULL(code))
        return err_format(&exc_TypeError, "TracebackType() argument 'tb_frame' must be frame, not %T", frame);
    int lasti, lineno;
    if (tb_int_arg(v[2], &lasti) < 0 || tb_int_arg(v[3], &lineno) < 0) return VAL_NULL;
    if (!IS_NONE(next) && !IS_EXACT(next, type_traceback))
        return err_format(&exc_TypeError, "expected traceback object or None, got '%T'", next);
    Value fn = obj_getattr_c(code, "co_filename"), name = IS_NULL(fn) ? VAL_NULL : obj_getattr_c(code, "co_name");
    if (IS_NULL(name)) return VAL_NULL;
    TbInfo w = { fn, name, frame, lasti, lineno, lineno, -1, -1, -1, -1 };
    Traceback *tb = tb_new(next, &w);
    return tb ? MK_OBJ(tb) : VAL_NULL;
}

static const MethodDef tb_methods[] = {
    {"__new__", tb_new_m, METH_STATIC | ARGS_ANY, NULL},
    {NULL, NULL, 0, NULL},
};
static const GetSetDef tb_getsets[] = {
    {"tb_next", tb_get_next, tb_set_next, NULL},
    {"tb_frame", tb_get_frame, getset_readonly, NULL},
    {"tb_lasti", tb_get_lasti, getset_readonly, NULL},
    {"tb_lineno", tb_get_lineno, getset_readonly, NULL},
    {NULL, NULL, NULL, NULL},
};
Type type_traceback = { .tp_name = "traceback", .base = &type_object, .basicsize = sizeof(Traceback),
                        .trace = tb_trace, .methods = tb_methods, .getsets = tb_getsets };
GILPY_TYPE(type_traceback, NULL);

void exc_add_traceback(Value exc, const TbInfo *w) {
    if (!IS_EXC(exc)) return;
    Value saved = err_fetch();
    Traceback *tb = tb_new(AS_EXC(exc)->traceback, w);
    if (tb) AS_EXC(exc)->traceback = MK_OBJ(tb);
    err_clear();
    if (!IS_NULL(saved)) ts_get()->exc = saved;
}

void exc_set_context(Value exc, Value ctx) {
    if (!IS_EXC(exc) || IS_NULL(ctx) || IS_NONE(ctx) || exc == ctx) return;
    /* Break a cycle: if exc is already in ctx's context chain, cut it there. The
     * chain may itself hold a cycle that exc is not part of (user code can set
     * __context__ freely): a second pointer moving at half speed catches that, as
     * CPython's _PyErr_SetObject does, and the walk stops there. */
    Value slow = ctx;
    int toggle = 0;
    for (Value o = ctx; IS_EXC(o);) {
        Value next = AS_EXC(o)->context;
        if (next == exc) { AS_EXC(o)->context = VAL_NONE; break; }
        o = next;
        if (o == slow) break;
        if (toggle) slow = AS_EXC(slow)->context;
        toggle = !toggle;
    }
    AS_EXC(exc)->context = ctx;
}

/* ---- printing ---------------------------------------------------------------- */

int exc_source_line(const char *fn, int lineno, StrBuf *out) {
    if (interp.vm.source_line) return interp.vm.source_line(fn, lineno, out);
    return exc_source_line_raw(fn, lineno, out);
}

int exc_source_line_raw(const char *fn, int lineno, StrBuf *out) {
    FILE *f = fopen(fn, "rb");
    if (!f) return 0;
    int cur = 1, c, found = 0;
    while ((c = fgetc(f)) != EOF) {
        if (cur == lineno) {
            found = 1;
            if (c == '\n') break;
            if (c != '\r') sb_putc(out, (char)c);
        } else if (c == '\n' && ++cur > lineno) break;
    }
    fclose(f);
    return found;
}

/* Carets under the failing expression, as CPython 3.11 draws them: `^` under
 * the whole range when it is not the whole line, or `~` with `^` under the
 * operator of a binary operation or the brackets of a subscript. */
static void tb_format_carets(StrBuf *sb, Traceback *tb, const char *s, size_t n, size_t lead, size_t end) {
    if (tb->col < 0 || tb->end_col <= tb->col || (size_t)tb->end_col > n) return;
    size_t col = (size_t)tb->col, ecol = (size_t)tb->end_col;
    int anchored = tb->end_lineno == tb->lineno && tb->anchor >= tb->col && tb->anchor_end > tb->anchor &&
                   tb->anchor_end <= tb->end_col;
    if (tb->end_lineno != tb->lineno) ecol = end;
    if (!anchored && !(col > lead || ecol < end)) return;
    sb_puts(sb, "    ");
    for (size_t i = lead; i < col; i++)
        if ((s[i] & 0xC0) != 0x80) sb_putc(sb, ' ');
    for (size_t i = col; i < ecol; i++) {
        if ((s[i] & 0xC0) == 0x80) continue;
        int primary = !anchored || ((int)i >= tb->anchor && (int)i < tb->anchor_end);
        sb_putc(sb, primary ? '^' : '~');
    }
    sb_putc(sb, '\n');
}

static void tb_format_entry(StrBuf *sb, Traceback *tb) {
    sb_printf(sb, "  File \"%s\", line %d, in %s\n", IS_STR(tb->filename) ? STR_DATA(tb->filename) : "?",
              tb->lineno, IS_STR(tb->name) ? STR_DATA(tb->name) : "?");
    StrBuf line;
    sb_init(&line);
    if (tb->lineno > 0 && IS_STR(tb->filename) && exc_source_line(STR_DATA(tb->filename), tb->lineno, &line)) {
        const char *s = line.data ? line.data : "";
        size_t n = line.len, lead = 0;
        while (lead < n && (s[lead] == ' ' || s[lead] == '\t' || s[lead] == '\f')) lead++;
        size_t end = n;
        while (end > lead && (s[end - 1] == ' ' || s[end - 1] == '\t')) end--;
        if (end > lead) {
            sb_puts(sb, "    ");
            sb_put(sb, s + lead, end - lead);
            sb_putc(sb, '\n');
            tb_format_carets(sb, tb, s, n, lead, end);
        }
    }
    sb_free(&line);
}

/* Lines that CPython writes without the "| " margin inside an exception group's
 * box (the SyntaxError text and caret, "[Previous line repeated...]") start
 * with this marker, which pr_lines drops. */
#define PR_NO_MARGIN "\x01"

static void exc_format_syntax_detail(StrBuf *sb, Value exc) {
    Value fn = exc_get_attr_c(exc, "filename"), ln = exc_get_attr_c(exc, "lineno");
    Value text = exc_get_attr_c(exc, "text"), off = exc_get_attr_c(exc, "offset");
    Value endoff = exc_get_attr_c(exc, "end_offset"), endln = exc_get_attr_c(exc, "end_lineno");
    if (!IS_SMALLINT(ln)) return;
    sb_printf(sb, "  File \"%s\", line %lld\n", IS_STR(fn) ? STR_DATA(fn) : "<string>",
              IS_SMALLINT(ln) ? (long long)AS_SMALLINT(ln) : 0LL);
    if (!IS_STR(text)) return;
    const char *s = STR_DATA(text);
    int64_t n = STR_LEN(text), lead = 0;
    while (lead < n && (s[lead] == ' ' || s[lead] == '\t' || s[lead] == '\f')) lead++;
    int64_t end = n;
    while (end > lead && (s[end - 1] == '\n' || s[end - 1] == '\r' || s[end - 1] == ' ')) end--;
    sb_puts(sb, PR_NO_MARGIN "    ");
    sb_put(sb, s + lead, (size_t)(end - lead));
    sb_putc(sb, '\n');
    if (!IS_SMALLINT(off) || AS_SMALLINT(off) <= 0) return;
    /* As CPython's print_error_text: offsets are 1-based characters, clipped
       to the line's length in bytes; one caret per character up to end_offset,
       or to the line's end when the error spans lines. */
    int64_t offset = AS_SMALLINT(off), end_offset = IS_SMALLINT(endoff) ? AS_SMALLINT(endoff) : 0;
    if (IS_SMALLINT(endln) && AS_SMALLINT(endln) > AS_SMALLINT(ln)) end_offset = n;
    if (end_offset > n + 1) end_offset = n + 1;
    int64_t carets = end_offset > 0 && end_offset > offset ? end_offset - offset : 1;
    if (val_isinstance(exc, &exc_IndentationError)) carets = 1;
    int64_t spaces = offset - 1 - lead;
    if (spaces < 0) return;                     /* CPython: no caret left of the text */
    if (spaces > end - lead) spaces = end - lead;
    sb_puts(sb, PR_NO_MARGIN "    ");
    for (int64_t i = 0; i < spaces; i++) sb_putc(sb, ' ');
    for (int64_t i = 0; i < carets; i++) sb_putc(sb, '^');
    sb_putc(sb, '\n');
}

/* ---- "Did you mean" ---------------------------------------------------------------
 * The default excepthook of CPython 3.11 ends the last line of an uncaught
 * NameError or AttributeError with ". Did you mean: 'x'?" when a candidate
 * name is close enough: an edit distance where a case change costs 1 and
 * any other edit 2, at most a third of the characters involved, over the
 * object's dir() (AttributeError) or the raising frame's local names, then
 * globals, then builtins (NameError). */

enum { SUGGEST_MOVE = 2, SUGGEST_CASE = 1, SUGGEST_MAX_LEN = 40, SUGGEST_MAX_ITEMS = 750 };

static size_t suggest_sub_cost(char a, char b) {
    if (a == b) return 0;
    if (a >= 'A' && a <= 'Z') a = (char)(a - 'A' + 'a');
    if (b >= 'A' && b <= 'Z') b = (char)(b - 'A' + 'a');
    return a == b ? SUGGEST_CASE : SUGGEST_MOVE;
}

/* Edit distance of a and b, or max_cost + 1 when it exceeds max_cost. */
static size_t suggest_distance(const char *a, size_t na, const char *b, size_t nb, size_t max_cost) {
    while (na && nb && a[0] == b[0]) { a++; b++; na--; nb--; }
    while (na && nb && a[na - 1] == b[nb - 1]) { na--; nb--; }
    if (na == 0 || nb == 0) return (na + nb) * SUGGEST_MOVE;
    if (na > SUGGEST_MAX_LEN || nb > SUGGEST_MAX_LEN) return max_cost + 1;
    if (nb < na) { const char *t = a; a = b; b = t; size_t tn = na; na = nb; nb = tn; }
    if ((nb - na) * SUGGEST_MOVE > max_cost) return max_cost + 1;
    size_t row[SUGGEST_MAX_LEN];
    for (size_t i = 0; i < na; i++) row[i] = (i + 1) * SUGGEST_MOVE;
    size_t result = 0;
    for (size_t j = 0; j < nb; j++) {
        size_t diag = j * SUGGEST_MOVE, best = (size_t)-1;
        result = diag;
        for (size_t i = 0; i < na; i++) {
            size_t sub = diag + suggest_sub_cost(b[j], a[i]);
            diag = row[i];
            size_t ins_del = (result < diag ? result : diag) + SUGGEST_MOVE;
            result = ins_del < sub ? ins_del : sub;
            row[i] = result;
            if (result < best) best = result;
        }
        if (best > max_cost) return max_cost + 1;
    }
    return result;
}

/* The closest candidate in a list of names, or VAL_NULL. */
static Value suggest_from(Value names, Value wrong) {
    if (!IS_LIST(names) || AS_LIST(names)->len >= SUGGEST_MAX_ITEMS) return VAL_NULL;
    size_t wn = (size_t)STR_LEN(wrong), best_d = (size_t)-1;
    Value best = VAL_NULL;
    for (int64_t i = 0; i < AS_LIST(names)->len; i++) {
        Value c = AS_LIST(names)->items[i];
        if (!IS_STR(c) || str_eq(c, wrong)) continue;
        size_t cn = (size_t)STR_LEN(c);
        size_t max_d = (wn + cn + 3) * SUGGEST_MOVE / 6;
        if (best_d - 1 < max_d) max_d = best_d - 1;
        size_t d = suggest_distance(STR_DATA(wrong), wn, STR_DATA(c), cn, max_d);
        if (d > max_d) continue;
        if (IS_NULL(best) || d < best_d) { best = c; best_d = d; }
    }
    return best;
}

static Value suggest_keys(Value d) {
    if (IS_TUPLE(d)) return list_from_array(AS_TUPLE(d)->items, AS_TUPLE(d)->len);
    return IS_DICT(d) ? dict_keys_list(d) : VAL_NULL;
}

static Value exc_suggestion(Value exc) {
    Type *t = val_type(exc);
    int attr = type_is_subtype(t, &exc_AttributeError);
    if (!attr && !type_is_subtype(t, &exc_NameError)) return VAL_NULL;
    Value wrong = exc_get_attr_c(exc, "name");
    if (!IS_STR(wrong) || STR_LEN(wrong) > SUGGEST_MAX_LEN) return VAL_NULL;
    if (attr) {
        Value obj = exc_get_attr_c(exc, "obj");
        Value dirf = IS_DICT(interp.builtins) ? dict_get_c(interp.builtins, "dir") : VAL_NULL;
        if (IS_NULL(dirf)) return VAL_NULL;
        Value names = call1(dirf, obj);
        return IS_NULL(names) ? VAL_NULL : suggest_from(names, wrong);
    }
    Value scope = AS_EXC(exc)->scope;
    if (!IS_TUPLE(scope)) return VAL_NULL;
    for (int i = 0; i < 3; i++) {
        Value s = suggest_from(suggest_keys(AS_TUPLE(scope)->items[i]), wrong);
        if (!IS_NULL(s)) return s;
    }
    return VAL_NULL;
}

void exc_set_name_scope(Value exc, Value varnames, Value globals, Value builtins) {
    if (IS_EXC(exc)) AS_EXC(exc)->scope = tuple_pack(3, varnames, globals, builtins);
}

Value exc_format_only(Value exc) {
    Type *t = val_type(exc);
    StrBuf sb;
    sb_init(&sb);
    Value mod = type_lookup_c(t, "__module__");
    if (TYPE_HAS(t, TF_HEAPTYPE) && IS_STR(mod) && !str_eq_c(mod, "builtins") && !str_eq_c(mod, "__main__")) {
        sb_put_value_str(&sb, mod);
        sb_putc(&sb, '.');
    }
    Value qn = TYPE_HAS(t, TF_HEAPTYPE) ? t->qualname : VAL_NULL;
    if (IS_STR(qn)) sb_put_value_str(&sb, qn); else sb_puts(&sb, type_name(t));
    Value saved = err_fetch();
    Value s = type_is_subtype(t, &exc_SyntaxError) ? obj_str(exc_get_attr_c(exc, "msg")) : obj_str(exc);
    if (IS_NULL(s)) {
        err_clear();
        sb_puts(&sb, ": <exception str() failed>");
    } else if (STR_LEN(s) > 0) {
        sb_puts(&sb, ": ");
        sb_put_value_str(&sb, s);
    }
    Value hint = exc_suggestion(exc);
    err_clear();
    if (!IS_NULL(hint)) {
        sb_puts(&sb, ". Did you mean: '");
        sb_put_value_str(&sb, hint);
        sb_puts(&sb, "'?");
    }
    if (!IS_NULL(saved)) ts_get()->exc = saved;
    return sb_finish_str(&sb);
}

/* CPython shows a run of identical entries (same file, line and function: recursion)
 * three times, then one "[Previous line repeated N more times]" line. */
#define TB_RECURSIVE_CUTOFF 3

static int tb_same_entry(const Traceback *a, const Traceback *b) {
    return a && a->lineno == b->lineno && IS_STR(a->filename) && IS_STR(b->filename) &&
           str_eq(a->filename, b->filename) && IS_STR(a->name) && IS_STR(b->name) &&
           str_eq(a->name, b->name);
}

static void tb_format_repeated(StrBuf *sb, long cnt) {
    if (cnt > TB_RECURSIVE_CUTOFF)
        sb_printf(sb, PR_NO_MARGIN "  [Previous line repeated %ld more time%s]\n", cnt - TB_RECURSIVE_CUTOFF,
                  cnt - TB_RECURSIVE_CUTOFF > 1 ? "s" : "");
}

/* sys.tracebacklimit as PyTraceBack_Print reads it: an int (at most 0:
 * nothing, not even the header); anything else means no limit. */
static long tb_limit(void) {
    Value v = IS_OBJ(interp.sys_module) ? obj_getattr_opt(interp.sys_module, str_intern_c("tracebacklimit"))
                                        : VAL_NULL;
    err_clear();
    if (IS_NULL(v) || !IS_INT(v)) return LONG_MAX;
    if (int_sign(v) <= 0) return 0;
    int64_t n;
    if (int_to_i64(v, &n) < 0) { err_clear(); return LONG_MAX; }
    return (long)n;
}

/* The entries of tbv, the last `limit` of them. */
static void tb_format_all(StrBuf *sb, Value tbv, long limit) {
    Traceback *last = NULL;
    long cnt = 0, depth = 0;
    for (Value t = tbv; IS_OBJ(t); t = ((Traceback *)AS_OBJ(t))->next) depth++;
    for (; depth > limit && IS_OBJ(tbv); depth--) tbv = ((Traceback *)AS_OBJ(tbv))->next;
    for (Value t = tbv; IS_OBJ(t); t = ((Traceback *)AS_OBJ(t))->next) {
        Traceback *tb = (Traceback *)AS_OBJ(t);
        if (!tb_same_entry(last, tb)) {
            tb_format_repeated(sb, cnt);
            last = tb;
            cnt = 0;
        }
        if (++cnt <= TB_RECURSIVE_CUTOFF) tb_format_entry(sb, tb);
    }
    tb_format_repeated(sb, cnt);
}

/* ---- the whole report: chains and exception groups -----------------------------------
 * CPython's print_exception_recursive (pythonrun.c): the cause or context is
 * printed first (each exception once: `seen`), then the exception, and for a
 * group each member inside a box, indented two columns per level, every line
 * after a "| " margin.  Groups show at most 15 members and 10 levels. */

enum { EG_MAX_WIDTH = 15, EG_MAX_DEPTH = 10 };

typedef struct ExcPrint {
    StrBuf *sb;
    int depth;              /* exception group nesting: 0 outside any group */
    int need_close;         /* the last member's box still needs its bottom line */
    Value seen;             /* set of the ids of the exceptions printed */
    long limit;             /* sys.tracebacklimit, read once per report */
} ExcPrint;

static void pr_indent(ExcPrint *p) {
    for (int i = 0; i < 2 * p->depth; i++) sb_putc(p->sb, ' ');
}
static void pr_margin(ExcPrint *p) {
    pr_indent(p);
    if (p->depth) sb_puts(p->sb, "| ");
}
/* Text of whole lines, each after the margin. */
static void pr_lines(ExcPrint *p, const char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '\n') j++;
        if (s[i] == PR_NO_MARGIN[0]) i++;
        else pr_margin(p);
        sb_put(p->sb, s + i, j - i);
        sb_putc(p->sb, '\n');
        i = j + 1;
    }
}

/* CPython's print_exception_notes. */
static void pr_notes(ExcPrint *p, Value exc) {
    Value notes = obj_getattr_opt(exc, str_intern_c("__notes__"));
    if (IS_NULL(notes)) { err_clear(); return; }
    if (IS_NULL(val_type(notes)->slots[SM_GETITEM]) || IS_DICT(notes)) {
        pr_margin(p);
        Value r = obj_repr(notes);
        if (IS_NULL(r)) { err_clear(); sb_puts(p->sb, "<__notes__ repr() failed>"); }
        else sb_put_value_str(p->sb, r);
        return;
    }
    int64_t n = obj_len(notes);
    for (int64_t i = 0; i < n; i++) {
        Value note = obj_getitem(notes, int_from_i64(i));
        Value s = IS_NULL(note) ? VAL_NULL : IS_STR(note) ? note : obj_str(note);
        if (IS_NULL(s)) {
            err_clear();
            sb_puts(p->sb, "<note str() failed>");
        } else {
            const char *d = STR_DATA(s);
            size_t len = (size_t)STR_LEN(s), a = 0;
            while (a < len) {                   /* splitlines(keepends=True) */
                size_t b = a;
                while (b < len && d[b] != '\n') b++;
                pr_margin(p);
                sb_put(p->sb, d + a, b < len ? b + 1 - a : b - a);
                a = b + 1;
            }
        }
        sb_putc(p->sb, '\n');
    }
    err_clear();
}

/* CPython's print_exception: traceback, SyntaxError detail, "Type: message", notes. */
static void pr_one(ExcPrint *p, Value exc) {
    ExcObj *e = AS_EXC(exc);
    int group = excgroup_check(exc);
    StrBuf body;
    sb_init(&body);
    if (IS_OBJ(e->traceback) && p->limit > 0) {
        pr_indent(p);
        sb_puts(p->sb, group && p->depth == 1 ? "+ " : p->depth ? "| " : "");
        sb_puts(p->sb, group ? "Exception Group Traceback (most recent call last):\n"
                             : "Traceback (most recent call last):\n");
        tb_format_all(&body, e->traceback, p->limit);
    }
    if (type_is_subtype(val_type(exc), &exc_SyntaxError)) exc_format_syntax_detail(&body, exc);
    Value last = exc_format_only(exc);
    if (!IS_NULL(last)) sb_put_value_str(&body, last);
    sb_putc(&body, '\n');
    pr_lines(p, body.data ? body.data : "", body.len);
    sb_free(&body);
    pr_notes(p, exc);
}

static void pr_recursive(ExcPrint *p, Value exc);

static int pr_seen(ExcPrint *p, Value exc, int add) {
    Value id = int_from_i64((int64_t)(uintptr_t)AS_OBJ(exc));
    int r = IS_NULL(id) ? -1 : add ? set_add(p->seen, id) : set_contains(p->seen, id);
    if (r < 0) err_clear();
    return r > 0;
}

static void pr_chained(ExcPrint *p, Value exc, const char *message) {
    int need_close = p->need_close;
    if (obj_enter_recursion(" in print_chained") < 0) { err_clear(); return; }
    pr_recursive(p, exc);
    obj_leave_recursion();
    p->need_close = need_close;
    pr_margin(p);
    sb_putc(p->sb, '\n');
    pr_margin(p);
    sb_puts(p->sb, message);
    pr_margin(p);
    sb_putc(p->sb, '\n');
}

static void pr_cause_and_context(ExcPrint *p, Value exc) {
    ExcObj *e = AS_EXC(exc);
    pr_seen(p, exc, 1);
    if (!IS_NONE(e->cause)) {
        if (IS_EXC(e->cause) && !pr_seen(p, e->cause, 0))
            pr_chained(p, e->cause, "The above exception was the direct cause of the following exception:\n");
        return;
    }
    if (e->suppress_context || !IS_EXC(e->context) || pr_seen(p, e->context, 0)) return;
    pr_chained(p, e->context, "During handling of the above exception, another exception occurred:\n");
}

/* CPython's print_exception_group. */
static void pr_group(ExcPrint *p, Value eg) {
    if (p->depth > EG_MAX_DEPTH) {
        pr_margin(p);
        sb_printf(p->sb, "... (max_group_depth is %d)\n", EG_MAX_DEPTH);
        return;
    }
    if (p->depth == 0) p->depth = 1;
    pr_one(p, eg);
    Value excs = excgroup_exceptions(eg);
    int64_t nexcs = AS_TUPLE(excs)->len, n = nexcs <= EG_MAX_WIDTH ? nexcs : EG_MAX_WIDTH + 1;
    p->need_close = 0;
    for (int64_t i = 0; i < n; i++) {
        int last = i == n - 1, truncated = i >= EG_MAX_WIDTH;
        if (last) p->need_close = 1;
        pr_indent(p);
        if (truncated) sb_printf(p->sb, "%s+---------------- ... ----------------\n", i == 0 ? "+-" : "  ");
        else sb_printf(p->sb, "%s+---------------- %lld ----------------\n", i == 0 ? "+-" : "  ", (long long)i + 1);
        p->depth++;
        if (!truncated) {
            if (obj_enter_recursion(" in print_exception_group") < 0) { err_clear(); p->depth--; return; }
            pr_recursive(p, AS_TUPLE(excs)->items[i]);
            obj_leave_recursion();
        } else {
            int64_t more = nexcs - EG_MAX_WIDTH;
            pr_margin(p);
            sb_printf(p->sb, "and %lld more exception%s\n", (long long)more, more > 1 ? "s" : "");
        }
        if (last && p->need_close) {
            pr_indent(p);
            sb_puts(p->sb, "+------------------------------------\n");
            p->need_close = 0;
        }
        p->depth--;
    }
    if (p->depth == 1) p->depth = 0;
}

static void pr_recursive(ExcPrint *p, Value exc) {
    if (!IS_EXC(exc)) return;
    pr_cause_and_context(p, exc);
    if (excgroup_check(exc)) pr_group(p, exc);
    else pr_one(p, exc);
}

Value exc_format(Value exc) {
    StrBuf sb;
    sb_init(&sb);
    Value saved = err_fetch();
    ExcPrint p = { &sb, 0, 0, set_new(&type_set), tb_limit() };
    if (IS_EXC(exc) && !IS_NULL(p.seen)) pr_recursive(&p, exc);
    err_clear();
    if (!IS_NULL(saved)) ts_get()->exc = saved;
    return sb_finish_str(&sb);
}

void exc_print(Value exc) {
    Value saved = err_fetch();
    Value text = exc_format(exc);
    if (IS_NULL(text)) { err_clear(); return; }
    Value err = IS_OBJ(interp.sys_module) ? obj_getattr_c(interp.sys_module, "stderr") : VAL_NULL;
    if (!IS_NULL(err) && !IS_NONE(err)) {
        Value r = obj_call_method(err, "write", &text, 1);
        if (!IS_NULL(r)) {
            obj_call_method(err, "flush", NULL, 0);
            err_clear();
            if (!IS_NULL(saved)) ts_get()->exc = saved;
            return;
        }
    }
    err_clear();
    fflush(stdout);
    if (write(2, STR_DATA(text), (size_t)STR_LEN(text)) < 0) { /* nothing left to do */ }
    if (!IS_NULL(saved)) ts_get()->exc = saved;
}
