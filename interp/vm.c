/* vm.c - the eval loop, frames and calls.
 *
 * vm_run executes frames until its entry frame returns.  A Python function
 * called from Python code gets a new frame on the thread's VM stack and the
 * loop continues in it: no C recursion.  C code that calls Python
 * (call_value from a native, a generator's __next__) enters vm_run again
 * with a new entry frame; ThreadState.recursion_depth counts both kinds and
 * the C stack is checked against its limit, so deep recursion raises
 * RecursionError instead of overflowing anything.
 *
 * Dispatch is computed goto (GILPY_COMPUTED_GOTO) or a switch, behind the
 * TARGET/NEXT macros.  Instruction words are `op | arg << 8` (opcodes.h).
 *
 * Errors: an instruction that fails jumps to `error`, which records a
 * traceback entry (unless the instruction was a re-raise), sets the implicit
 * __context__, and unwinds to the innermost block of the frame or, with no
 * block left, pops the frame and repeats in the caller.
 *
 * The eval breaker (ThreadState.eval_breaker) is polled at backward jumps,
 * at function entry, after every call to a non-Python callable returns and
 * on return to a Python caller: one load and one branch when nothing is
 * pending.  So a signal a call raised (os.kill of our own pid, a C function
 * interrupted by SIGINT) is handled before the next statement, as CPython's
 * CHECK_EVAL_BREAKER in CALL does.
 *
 * Tracing (sys.settrace, sys.setprofile; interp/trace.c) costs nothing while
 * it is off: the loop (vm_loop.h) is compiled twice, and the plain one only
 * looks for tracing at the eval-breaker polls it already had.  Setting a
 * trace or profile function sets EB_TRACING, which sends those polls to the
 * slow path, where the plain loop hands its frames to the traced one.
 */
#include "vm.h"

#include <stdio.h>
#include <string.h>

#include "config.h"
#include "../runtime/append.h"
#include "../runtime/call.h"
#include "../runtime/error.h"
#include "../runtime/gil.h"
#include "../runtime/signals.h"
#include "../runtime/finalize.h"
#include "../runtime/gc.h"
#include "../runtime/obj_dict.h"
#include "../runtime/obj_exc.h"
#include "../runtime/obj_excgroup.h"
#include "../runtime/obj_float.h"
#include "../runtime/obj_int.h"
#include "../runtime/obj_list.h"
#include "../runtime/obj_misc.h"
#include "../runtime/obj_str.h"
#include "../runtime/obj_type.h"
#include "../runtime/strbuf.h"
#include "import.h"
#include "match.h"
#include "opcodes.h"
#include "trace.h"


/* Helpers on the loop's hot paths: inlined into both copies of the loop
 * (vm_loop.h), as they were into the one before it had two. */
#define VM_HOT static inline __attribute__((always_inline))

/* ---- frames ------------------------------------------------------------------ */

static size_t frame_size(Code *co) {
    size_t nlp = (size_t)(co->nlocals + co->ncells + co->nfree);
    size_t sz = sizeof(Frame) + sizeof(Block) * (size_t)co->maxblocks +
                sizeof(Value) * (nlp + (size_t)co->stacksize + 1);
    return (sz + 15) & ~(size_t)15;
}

/* Lay a frame out in `mem` (size bytes) and clear its locals and stack. */
static inline Frame *frame_init(char *mem, size_t size, Code *co, Value func, Value globals,
                         Value builtins, Value locals) {
    Frame *f = (Frame *)mem;
    f->prev = NULL;
    f->code = co;
    f->func = func;
    f->globals = globals;
    f->builtins = builtins;
    f->locals_dict = locals;
    f->blocks = (Block *)(f + 1);
    f->localsplus = (Value *)(f->blocks + co->maxblocks);
    /* the value stack too: this memory held older frames, and what they left
     * there would be scanned (conservatively, as live) while below sp */
    int nlp = co->nlocals + co->ncells + co->nfree;
    for (int i = 0; i < nlp + co->stacksize + 1; i++) f->localsplus[i] = VAL_NULL;
    f->stack = f->localsplus + nlp;
    f->sp = f->stack;
    f->ip = co->code;
    f->nblocks = 0;
    f->exc_at = -1;
    f->is_entry = 0;
    f->is_gen = 0;
    f->yielded = 0;
    f->throw_on_entry = 0;
    f->drop_sent = 0;
    f->gen = VAL_NULL;
    f->frameobj = VAL_NULL;
    f->size = size;
    return f;
}

static Value recursion_error(void) {
    ThreadState *ts = ts_get();
    ts->recursion_headroom++;
    err_format(&exc_RecursionError, "maximum recursion depth exceeded");
    ts->recursion_headroom--;
    return VAL_NULL;
}

/* A new frame on the VM stack, linked as the innermost one. */
static inline Frame *frame_push(ThreadState *ts, Code *co, Value func, Value globals, Value builtins,
                         Value locals) {
    int limit = interp.recursion_limit + (ts->recursion_headroom ? 50 : 0);
    if (ts->recursion_depth >= limit) { recursion_error(); return NULL; }
    size_t size = frame_size(co);
    char *mem = (char *)ts->stack_top;
    if (mem + size > (char *)ts->stack_limit) { recursion_error(); return NULL; }
    ts->stack_top = (Value *)(mem + size);
    Frame *f = frame_init(mem, size, co, func, globals, builtins, locals);
    f->prev = ts->frame;
    ts->frame = f;
    ts->recursion_depth++;
    return f;
}

static void frame_pop(ThreadState *ts, Frame *f) {
    if (__builtin_expect(!IS_NULL(f->frameobj), 0)) frame_detach(f);
    ts->frame = f->prev;
    ts->recursion_depth--;
    if (!f->is_gen) ts->stack_top = (Value *)f;
}

/* Make the cells of a new frame: captured variables and the closure. */
static int frame_setup_cells(Frame *f, Function *fn) {
    Code *co = f->code;
    Value *cells = f->localsplus + co->nlocals;
    for (int i = 0; i < co->ncells; i++) {
        Value init = VAL_NULL;
        if (co->cell2arg && co->cell2arg[i] >= 0) {
            init = f->localsplus[co->cell2arg[i]];
            f->localsplus[co->cell2arg[i]] = VAL_NULL;
        }
        cells[i] = cell_new(init);
        if (IS_NULL(cells[i])) return -1;
    }
    if (co->nfree) {
        if (!fn || !IS_TUPLE(fn->closure)) {
            err_format(&exc_SystemError, "code object needs a closure");
            return -1;
        }
        for (int i = 0; i < co->nfree; i++) cells[co->ncells + i] = AS_TUPLE(fn->closure)->items[i];
    }
    return 0;
}

/* ---- argument binding ---------------------------------------------------------- */

static const char *func_qualname(Function *fn) {
    return IS_STR(fn->qualname) ? STR_DATA(fn->qualname) : "?";
}

/* "'a', 'b', and 'c'" */
static void names_list(StrBuf *sb, Value *names, int n) {
    for (int i = 0; i < n; i++) {
        if (i) sb_puts(sb, n == 2 ? " and " : i == n - 1 ? ", and " : ", ");
        sb_putc(sb, '\'');
        sb_put_value_str(sb, names[i]);
        sb_putc(sb, '\'');
    }
}

static int missing_args_error(Function *fn, Value *names, int n, const char *kind) {
    StrBuf sb;
    sb_init(&sb);
    sb_printf(&sb, "%s() missing %d required %s argument%s: ", func_qualname(fn), n, kind, n == 1 ? "" : "s");
    names_list(&sb, names, n);
    Value msg = sb_finish_str(&sb);
    if (!IS_NULL(msg)) err_set_value(&exc_TypeError, msg);
    return -1;
}

static int too_many_positional(Function *fn, Code *co, int given, Value *lp, int nkwonly_given) {
    int ndef = IS_TUPLE(fn->defaults) ? (int)AS_TUPLE(fn->defaults)->len : 0;
    int max = co->argcount, min = co->argcount - ndef;
    (void)lp;
    char takes[64];
    if (min != max) snprintf(takes, sizeof takes, "from %d to %d positional arguments", min, max);
    else snprintf(takes, sizeof takes, "%d positional argument%s", max, max == 1 ? "" : "s");
    if (nkwonly_given)
        err_format(&exc_TypeError, "%s() takes %s but %d positional argument%s (and %d keyword-only argument%s) were given",
                   func_qualname(fn), takes, given, given == 1 ? "" : "s", nkwonly_given, nkwonly_given == 1 ? "" : "s");
    else
        err_format(&exc_TypeError, "%s() takes %s but %d %s given", func_qualname(fn), takes, given,
                   given == 1 ? "was" : "were");
    return -1;
}

/* Find a keyword's parameter index among the named parameters, -1 if none. */
static int find_param(Code *co, Value name, int from, int to) {
    Value *vn = AS_TUPLE(co->varnames)->items;
    for (int i = from; i < to; i++) if (vn[i] == name) return i;
    for (int i = from; i < to; i++) if (str_eq(vn[i], name)) return i;
    return -1;
}

/* CPython names every positional-only parameter passed by keyword: 'a, b'. */
static void posonly_as_keyword_error(Function *fn, Code *co, Tuple *kn) {
    StrBuf sb;
    sb_init(&sb);
    sb_printf(&sb, "%s() got some positional-only arguments passed as keyword arguments: '", func_qualname(fn));
    int n = 0;
    for (int64_t k = 0; k < kn->len; k++) {
        if (find_param(co, kn->items[k], 0, co->posonlyargcount) < 0) continue;
        if (n++) sb_puts(&sb, ", ");
        sb_put_value_str(&sb, kn->items[k]);
    }
    sb_putc(&sb, '\'');
    Value msg = sb_finish_str(&sb);
    if (!IS_NULL(msg)) err_set_value(&exc_TypeError, msg);
}

static int bind_keywords(Function *fn, Code *co, Value *lp, Value *kwv, Value kwnames, Value kwdict) {
    Tuple *kn = AS_TUPLE(kwnames);
    int nnamed = co->argcount + co->kwonlyargcount;
    for (int64_t k = 0; k < kn->len; k++) {
        Value name = kn->items[k];
        int i = find_param(co, name, co->posonlyargcount, nnamed);
        if (i >= 0) {
            if (!IS_NULL(lp[i])) {
                err_format(&exc_TypeError, "%s() got multiple values for argument '%U'", func_qualname(fn), name);
                return -1;
            }
            lp[i] = kwv[k];
            continue;
        }
        if (!IS_NULL(kwdict)) {
            if (dict_set(kwdict, name, kwv[k]) < 0) return -1;
            continue;
        }
        if (find_param(co, name, 0, co->posonlyargcount) >= 0)
            posonly_as_keyword_error(fn, co, kn);
        else
            err_format(&exc_TypeError, "%s() got an unexpected keyword argument '%U'", func_qualname(fn), name);
        return -1;
    }
    return 0;
}

static int bind_defaults(Function *fn, Code *co, Value *lp) {
    int ndef = IS_TUPLE(fn->defaults) ? (int)AS_TUPLE(fn->defaults)->len : 0;
    int first_def = co->argcount - ndef;
    Value holder = tuple_new(co->argcount + co->kwonlyargcount + 1);
    if (IS_NULL(holder)) return -1;
    Value *missing = AS_TUPLE(holder)->items;
    int nmissing = 0;
    Value *vn = AS_TUPLE(co->varnames)->items;
    for (int i = 0; i < co->argcount; i++) {
        if (!IS_NULL(lp[i])) continue;
        if (i >= first_def) lp[i] = AS_TUPLE(fn->defaults)->items[i - first_def];
        else missing[nmissing++] = vn[i];
    }
    if (nmissing) return missing_args_error(fn, missing, nmissing, "positional");
    for (int i = co->argcount; i < co->argcount + co->kwonlyargcount; i++) {
        if (!IS_NULL(lp[i])) continue;
        Value d = IS_DICT(fn->kwdefaults) ? dict_get(fn->kwdefaults, vn[i]) : VAL_NULL;
        if (!IS_NULL(d)) lp[i] = d;
        else missing[nmissing++] = vn[i];
    }
    if (nmissing) return missing_args_error(fn, missing, nmissing, "keyword-only");
    return 0;
}

static int bind_args(Function *fn, Code *co, Value *lp, Value *args, int nargs, Value kwnames) {
    int nkw = IS_NULL(kwnames) ? 0 : (int)AS_TUPLE(kwnames)->len;
    int npos = co->argcount;
    int n = nargs < npos ? nargs : npos;
    for (int i = 0; i < n; i++) lp[i] = args[i];
    int slot = npos + co->kwonlyargcount;
    if (co->flags & CO_VARARGS) {
        Value rest = tuple_from_array(args + n, nargs - n);
        if (IS_NULL(rest)) return -1;
        lp[slot++] = rest;
    }
    Value kwdict = VAL_NULL;
    if (co->flags & CO_VARKEYWORDS) {
        kwdict = dict_new();
        if (IS_NULL(kwdict)) return -1;
        lp[slot] = kwdict;
    }
    /* CPython's order: keyword errors (unexpected, multiple values) before
     * too many positional arguments, which counts the keyword-only ones bound. */
    if (nkw && bind_keywords(fn, co, lp, args + nargs, kwnames, kwdict) < 0) return -1;
    if (nargs > npos && !(co->flags & CO_VARARGS)) {
        int kwonly_given = 0;
        for (int i = npos; i < npos + co->kwonlyargcount; i++) kwonly_given += !IS_NULL(lp[i]);
        return too_many_positional(fn, co, nargs, lp, kwonly_given);
    }
    if (n < npos || co->kwonlyargcount) return bind_defaults(fn, co, lp);
    return 0;
}

/* ---- calls ---------------------------------------------------------------------- */

Value vm_run(ThreadState *ts, Frame *f);

/* Set up a frame for fn(*args) without running it: pushed on the VM stack
 * (or, for generator functions, made into a generator object in *gen_out). */
static Frame *call_prepare(ThreadState *ts, Value func, Value *args, int nargs, Value kwnames, Value *gen_out) {
    Function *fn = AS_FUNC(func);
    Code *co = AS_CODE(fn->code);
    Frame *f = frame_push(ts, co, func, fn->globals, fn->builtins, VAL_NULL);
    if (!f) return NULL;
    Value *lp = f->localsplus;
    int simple = IS_NULL(kwnames) && nargs == co->argcount && !(co->flags & (CO_VARARGS | CO_VARKEYWORDS)) &&
                 co->kwonlyargcount == 0;
    if (simple) values_copy(lp, args, (size_t)(nargs));
    else if (bind_args(fn, co, lp, args, nargs, kwnames) < 0) { frame_pop(ts, f); return NULL; }
    if ((co->ncells || co->nfree) && frame_setup_cells(f, fn) < 0) { frame_pop(ts, f); return NULL; }
    if (co->flags & CO_GENERATOR) {
        *gen_out = gen_new(func, f);
        frame_pop(ts, f);
        return NULL;
    }
    return f;
}

/* call_prepare for the common call from the loop: a function without
 * *args, **kwargs, keyword-only parameters, cells or yield, given exactly
 * its positional parameters.  NULL with no error set when that is not the
 * case (use call_prepare), NULL with an error when the frame cannot be pushed. */
static inline Frame *call_prepare_simple(ThreadState *ts, Value func, Value *args, int nargs) {
    Function *fn = AS_FUNC(func);
    Code *co = AS_CODE(fn->code);
    if (((co->flags & (CO_VARARGS | CO_VARKEYWORDS | CO_GENERATOR)) | (uint32_t)co->kwonlyargcount |
         (uint32_t)co->ncells | (uint32_t)co->nfree) != 0 || co->argcount != nargs)
        return NULL;
    Frame *f = frame_push(ts, co, func, fn->globals, fn->builtins, VAL_NULL);
    if (f) for (int i = 0; i < nargs; i++) f->localsplus[i] = args[i];
    return f;
}

Value vm_call_function(Value func, Value *args, int nargs, Value kwnames) {
    ThreadState *ts = ts_get();
    Value gen = VAL_NULL;
    if (obj_check_c_stack() < 0) return VAL_NULL;
    Frame *f = call_prepare(ts, func, args, nargs, kwnames, &gen);
    if (!f) return gen;
    f->is_entry = 1;
    return vm_run(ts, f);
}

/* A call from the loop to anything but a Python function.  A native called
 * with one argument (besides its receiver) counts one recursion level, as
 * CPython 3.11's one-argument builtin calls do; so does calling an object
 * through its __call__. */
static Value call_native_counted(Value callable, Value *args, int nargs) {
    /* str(x), int(x), float(x): type_call's result, without its argument
       tuple, the __new__ lookup and the __init__ call */
    if (nargs == 1 && IS_OBJ(callable)) {
        if (callable == MK_OBJ(&type_str)) return obj_str(args[0]);
        if (callable == MK_OBJ(&type_int)) return int_from_number(args[0]);
        if (callable == MK_OBJ(&type_float)) return float_from_object(args[0]);
    }
    Type *t = val_type(callable);
    int counted = (t == &type_builtin_function && nargs == 1 + !IS_NULL(((BuiltinFn *)AS_OBJ(callable))->self)) ||
                  ((t == &type_method_descriptor || t == &type_wrapper_descriptor) && nargs == 2);
    if (!counted) return call_value(callable, args, nargs, VAL_NULL);
    if (obj_enter_recursion(" while calling a Python object") < 0) return VAL_NULL;
    Value r = call_value(callable, args, nargs, VAL_NULL);
    obj_leave_recursion();
    return r;
}

/* ---- functions and code objects made by the loop ----------------------------------- */

Value func_new(Value code, Value globals, Value qualname) {
    Function *fn = (Function *)gc_alloc(&type_function, sizeof(Function));
    if (!fn) return VAL_NULL;
    Code *co = AS_CODE(code);
    fn->code = code;
    fn->globals = globals;
    Value b = dict_get_c(globals, "__builtins__");
    if (IS_EXACT(b, type_module)) b = MODULE_DICT(b);
    fn->builtins = IS_DICT(b) ? b : interp.builtins;
    fn->name = co->name;
    fn->qualname = IS_STR(qualname) ? qualname : co->qualname;
    fn->doc = IS_NULL(co->doc) ? VAL_NONE : co->doc;
    Value mod = dict_get_c(globals, "__name__");
    fn->module = IS_NULL(mod) ? VAL_NONE : mod;
    fn->defaults = fn->kwdefaults = fn->closure = fn->annotations = VAL_NULL;
    fn->dict = VAL_NULL;
    return MK_OBJ(fn);
}

/* ---- name lookups ------------------------------------------------------------------- */

static Value name_error(Frame *f, Value name) {
    Value msg = str_format_c("name '%U' is not defined", name);
    if (IS_NULL(msg)) return VAL_NULL;
    Value e = call1(MK_OBJ(&exc_NameError), msg);
    if (IS_NULL(e)) return VAL_NULL;
    Value *d = obj_dict_ptr(e);
    if (d && IS_DICT(*d)) dict_set_c(*d, "name", name);
    exc_set_name_scope(e, f->code->varnames, f->globals, f->builtins);
    ts_get()->exc = e;
    return VAL_NULL;
}

static Value lookup_global(Frame *f, Value name) {
    Value v = dict_get(f->globals, name);
    if (!IS_NULL(v) || err_occurred()) return v;
    v = dict_get(f->builtins, name);
    if (!IS_NULL(v) || err_occurred()) return v;
    return name_error(f, name);
}

/* The namespaces of LOAD_NAME and friends.  As in CPython, only an exact dict
 * is read and written directly: any other mapping (a dict subclass returned
 * by a metaclass's __prepare__, exec's locals) sees every access through its
 * __getitem__, __setitem__ and __delitem__, which is what enum relies on. */
#define NS_IS_DICT(ns) IS_EXACT(ns, type_dict)

static Value lookup_name(Frame *f, Value name) {
    Value ld = f->locals_dict;
    if (NS_IS_DICT(ld)) {
        Value v = dict_get(ld, name);
        if (!IS_NULL(v) || err_occurred()) return v;
    } else if (!IS_NULL(ld)) {
        Value v = obj_getitem(ld, name);
        if (!IS_NULL(v)) return v;
        if (!err_matches(&exc_KeyError)) return VAL_NULL;
        err_clear();
    }
    return lookup_global(f, name);
}

static int store_name(Frame *f, Value name, Value v) {
    Value ld = IS_NULL(f->locals_dict) ? f->globals : f->locals_dict;
    if (NS_IS_DICT(ld)) return dict_set(ld, name, v);
    return obj_setitem(ld, name, v);
}

static int delete_name(Frame *f, Value name) {
    Value ld = IS_NULL(f->locals_dict) ? f->globals : f->locals_dict;
    int r = NS_IS_DICT(ld) ? dict_del(ld, name) : (obj_delitem(ld, name) < 0 ? -1 : 1);
    if (r <= 0) {               /* any failure is a NameError, as in CPython 3.11 */
        err_clear();
        name_error(f, name);
        return -1;
    }
    return 0;
}

static Value cell_var_name(Code *co, int i) {
    if (i < co->ncells) return AS_TUPLE(co->cellvars)->items[i];
    return AS_TUPLE(co->freevars)->items[i - co->ncells];
}

static Value unbound_fast(Code *co, int i) {
    return err_format(&exc_UnboundLocalError, "cannot access local variable '%U' where it is not associated with a value",
                      AS_TUPLE(co->varnames)->items[i]);
}

static Value unbound_deref(Code *co, int i) {
    Value name = cell_var_name(co, i);
    if (i < co->ncells)
        return err_format(&exc_UnboundLocalError, "cannot access local variable '%U' where it is not associated with a value", name);
    return err_format(&exc_NameError, "cannot access free variable '%U' where it is not associated with a value in enclosing scope", name);
}

/* ---- inline caches ---------------------------------------------------------------------
 *
 * Code.caches (code.h: InlineCache) holds one entry per code word, allocated
 * the first time an instruction of the code object uses one.  An entry is
 * only a hint, re-validated at every use: a stale entry costs a miss, never
 * a wrong answer.
 *
 * Names in dicts (LOAD_NAME, LOAD_GLOBAL, instance attributes): `hint` is
 * the entry index where the name was last found (obj_dict.h, "entry hints"),
 * valid while that entry holds the same interned key.  LOAD_GLOBAL and
 * LOAD_NAME keep `hint` for globals (or the namespace) and `hint2` for
 * builtins; a builtin is still looked up, and missed, in globals each time.
 *
 * Attributes of instances (LOAD_ATTR, LOAD_METHOD, STORE_ATTR) of a type
 * that uses object's __getattribute__ (to store: object's __setattr__):
 * `version` is the type's Type.version when the entry was filled and `descr`
 * what looking the name up along its MRO gave then.  Versions are unique and
 * change whenever the type or a base gains, loses or replaces an attribute
 * or a dunder, so an equal version means the same MRO result and the same
 * getattr/setattr slots; `descr` is kept alive by the type's dict meanwhile
 * and is never read after the version changed.  `version2` lets a site see
 * two types (a method of a base class run on instances of two classes): it
 * is the previous version when a refill gave the same kind and descr.
 * Kinds (IC_*):
 *   IC_DICT     no descr: the attribute is in the instance dict or missing
 *   IC_METHOD   descr is a function or method descriptor: unless the
 *               instance dict shadows it, LOAD_METHOD pushes it unbound
 *   IC_PLAIN    any other non-data attribute: the instance dict first
 *   IC_DATA     descr is a data descriptor: its __get__ wins
 * Only descrs whose type is a builtin type are cached: a user-defined
 * descriptor class could gain __set__ without changing this type's version.
 */
enum { IC_EMPTY, IC_DICT, IC_METHOD, IC_PLAIN, IC_DATA };

/* The entry of the instruction at ip - 1, allocating the code's caches. */
static InlineCache *cache_alloc(Code *co, uint32_t *ip) {
    static InlineCache scratch;     /* no memory: an entry that never hits */
    co->caches = gc_calloc((size_t)co->ncode, sizeof(InlineCache));
    if (!co->caches) {
        err_clear();
        memset(&scratch, 0, sizeof scratch);
        return &scratch;
    }
    return &co->caches[ip - 1 - co->code];
}

#define CACHE() (co->caches ? &co->caches[ip - 1 - co->code] : cache_alloc(co, ip))

/* The value of name in dict d through a hint: 1 found (*out), 0 absent, -1 error. */
static inline int dict_get_cached(Value d, Value name, int64_t *hint, Value *out) {
    int64_t ix = dict_find_hinted(d, name, hint);
    if (ix >= 0) { *out = AS_DICT(d)->entries[ix].value; return 1; }
    return ix == -1 ? 0 : -1;
}

/* LOAD_GLOBAL: globals, then builtins. */
static inline Value load_global(Frame *f, Value name, InlineCache *c) {
    Value v;
    int r = dict_get_cached(f->globals, name, &c->hint, &v);
    if (r == 0) r = dict_get_cached(f->builtins, name, &c->hint2, &v);
    if (r > 0) return v;
    return r < 0 ? VAL_NULL : name_error(f, name);
}

/* LOAD_NAME: the namespace, then globals (unless it is the namespace), then builtins. */
static Value load_name(Frame *f, Value name, InlineCache *c) {
    Value ld = f->locals_dict, v;
    if (!NS_IS_DICT(ld)) return lookup_name(f, name);
    int r = dict_get_cached(ld, name, &c->hint, &v);
    if (r == 0 && ld != f->globals) {
        v = dict_get(f->globals, name);
        r = !IS_NULL(v) ? 1 : err_occurred() ? -1 : 0;
    }
    if (r == 0) r = dict_get_cached(f->builtins, name, &c->hint2, &v);
    if (r > 0) return v;
    return r < 0 ? VAL_NULL : name_error(f, name);
}

/* The instance dict of o (type t), or VAL_NULL. */
static inline Value inst_dict(Value o, Type *t) {
    if (!t->dictoffset) return VAL_NULL;
    Value d = *(Value *)((char *)AS_OBJ(o) + t->dictoffset);
    return IS_DICT(d) ? d : VAL_NULL;
}

static inline int descr_type_is_data(Type *dt) {
    return !IS_NULL(dt->slots[SM_SET]) || !IS_NULL(dt->slots[SM_DELETE]);
}

/* Fill c for looking name up on instances of t (which uses object's
 * __getattribute__ to load, or object's __setattr__ to store). */
static void attr_cache_fill(InlineCache *c, Type *t, Value name) {
    Value d = type_lookup(t, name);
    Type *dt = IS_NULL(d) ? NULL : val_type(d);
    uint32_t kind;
    if (!dt) kind = IC_DICT;
    else if (!TYPE_HAS(dt, TF_IMMUTABLE)) kind = IC_EMPTY;
    else if (TYPE_HAS(dt, TF_METHOD_DESCR)) kind = IC_METHOD;
    else if (!IS_NULL(dt->slots[SM_GET]) && descr_type_is_data(dt)) kind = IC_DATA;
    else kind = IC_PLAIN;
    c->version2 = c->version && kind == c->kind && d == c->descr ? c->version : 0;
    c->version = kind == IC_EMPTY ? 0 : t->version;
    c->kind = kind;
    c->descr = d;
}

/* Does c describe instances of t? */
static inline int cache_holds(InlineCache *c, Type *t) {
    return t->version == c->version || t->version == c->version2;
}

/* o.name through c, as obj_generic_getattr would find it: 1 found (*out),
 * 0 the entry does not apply or the attribute is missing (take the generic
 * path), -1 error. */
static int load_attr_cached(InlineCache *c, Value o, Value name, Value *out) {
    Type *t = val_type(o);
    if (!cache_holds(c, t)) return 0;
    if (c->kind == IC_DATA) {
        *out = descr_get(c->descr, o, MK_OBJ(t));
        return IS_NULL(*out) ? -1 : 1;
    }
    Value d = IS_OBJ(o) ? inst_dict(o, t) : VAL_NULL;
    if (!IS_NULL(d)) {
        int r = dict_get_cached(d, name, &c->hint, out);
        if (r != 0) return r;
    }
    if (c->kind == IC_DICT) return 0;
    Type *dt = val_type(c->descr);
    if (dt == &type_function) *out = method_new(c->descr, o);
    else if (!IS_NULL(dt->slots[SM_GET])) *out = descr_get(c->descr, o, MK_OBJ(t));
    else *out = c->descr;
    return IS_NULL(*out) ? -1 : 1;
}

/* LOAD_ATTR: the cache, refilled on a miss, then the generic protocol. */
static Value load_attr(InlineCache *c, Value o, Value name) {
    Value v;
    int r = load_attr_cached(c, o, name, &v);
    if (r == 0 && !cache_holds(c, val_type(o)) && obj_uses_generic_getattr(val_type(o))) {
        attr_cache_fill(c, val_type(o), name);
        r = load_attr_cached(c, o, name, &v);
    }
    if (r > 0) return v;
    if (r == 0) return obj_getattr(o, name);
    exc_attribute_error_context(err_peek(), o, name);      /* a property's, say */
    return VAL_NULL;
}

/* LOAD_METHOD's unbound case through c: 1 when o.name is c->descr, a plain
 * method the instance dict does not shadow; 0 otherwise; -1 error. */
VM_HOT int method_cached(InlineCache *c, Value o, Value name) {
    Type *t = val_type(o);
    if (!cache_holds(c, t)) {
        if (!obj_uses_generic_getattr(t)) return 0;
        attr_cache_fill(c, t, name);
    }
    if (c->kind != IC_METHOD || !cache_holds(c, t)) return 0;
    Value d = IS_OBJ(o) ? inst_dict(o, t) : VAL_NULL;
    if (IS_NULL(d) || dict_surely_lacks(d, AS_STR(name)->hash)) return 1;
    int64_t ix = dict_find_hinted(d, name, &c->hint);
    return ix == -1 ? 1 : ix == -2 ? -1 : 0;
}

/* `super().name(...)`: a CALL of super with no arguments whose result goes
 * straight to LOAD_METHOD.  Finds what super's __getattribute__ would find
 * (obj_super.c) without making the super object: 1 when it is a plain
 * function, to be called with *self prepended; 0 to take the ordinary path
 * (which also raises super()'s errors). */
VM_HOT int super_method(Value name, Value *meth, Value *self) {
    Value type, obj;
    if (vm_super_args(&type, &obj) < 0) { err_clear(); return 0; }
    if (IS_TYPE(obj) || !val_isinstance(obj, AS_TYPE(type))) return 0;
    if (STR_LEN(name) == 9 && str_eq_c(name, "__class__")) return 0;
    Tuple *mro = AS_TUPLE(val_type(obj)->mro);
    int64_t i = 0;
    while (i < mro->len && mro->items[i] != type) i++;
    for (i++; i < mro->len; i++) {
        Value d = dict_get(AS_TYPE(mro->items[i])->dict, name);
        if (IS_NULL(d)) continue;
        if (val_type(d) != &type_function) return 0;
        *meth = d;
        *self = obj;
        return 1;
    }
    return 0;
}

/* STORE_ATTR: o.name = v, an instance-dict store cached while t has no
 * attribute `name` and uses object's __setattr__. */
static int store_attr(InlineCache *c, Value o, Value name, Value v) {
    Type *t = val_type(o);
    if (c->kind == IC_DICT && cache_holds(c, t)) {
        Value d = inst_dict(o, t);
        if (!IS_NULL(d)) return dict_set_hinted(d, name, v, &c->hint);
    }
    if (obj_setattr(o, name, v) < 0) return -1;
    t = val_type(o);
    if (!cache_holds(c, t) && t->dictoffset && obj_uses_generic_setattr(t)) {
        attr_cache_fill(c, t, name);
        if (c->kind != IC_DICT) c->version = c->version2 = 0;
    }
    return 0;
}

/* ---- helpers for the bigger instructions ---------------------------------------------- */

/* Unpack exactly n items of v into out[n-1] .. out[0] (the first item ends
 * on top of the stack). */
static int unpack_iterable(Value v, int n, Value *out) {
    if (IS_EXACT(v, type_tuple) || IS_EXACT(v, type_list)) {
        int64_t len = IS_EXACT(v, type_tuple) ? AS_TUPLE(v)->len : AS_LIST(v)->len;
        Value *items = IS_EXACT(v, type_tuple) ? AS_TUPLE(v)->items : AS_LIST(v)->items;
        if (len == n) {
            for (int i = 0; i < n; i++) out[n - 1 - i] = items[i];
            return 0;
        }
        if (len < n) err_format(&exc_ValueError, "not enough values to unpack (expected %d, got %lld)", n, (long long)len);
        else err_format(&exc_ValueError, "too many values to unpack (expected %d)", n);
        return -1;
    }
    Value it = obj_iter(v);
    if (IS_NULL(it)) {
        if (err_matches(&exc_TypeError) && IS_NULL(val_type(v)->slots[SM_ITER]) && IS_NULL(val_type(v)->slots[SM_GETITEM])) {
            err_clear();
            err_format(&exc_TypeError, "cannot unpack non-iterable %T object", v);
        }
        return -1;
    }
    for (int i = 0; i < n; i++) {
        out[n - 1 - i] = obj_next(it);
        if (IS_NULL(out[n - 1 - i])) {
            if (!err_occurred())
                err_format(&exc_ValueError, "not enough values to unpack (expected %d, got %d)", n, i);
            return -1;
        }
    }
    Value extra = obj_next(it);
    if (!IS_NULL(extra)) {
        err_format(&exc_ValueError, "too many values to unpack (expected %d)", n);
        return -1;
    }
    return err_occurred() ? -1 : 0;
}

/* UNPACK_EX: pushes onto sp; returns the new sp or NULL. */
/* a, *b, c = v as CPython's unpack_iterable: `before` items one by one from
 * iter(v), then list(the iterator) for the rest (so v's own __len__ is never
 * asked), then the `after` items off its end. */
static Value *unpack_ex(Value v, int before, int after, Value *sp) {
    Value it = obj_iter(v);
    if (IS_NULL(it)) {
        if (err_matches(&exc_TypeError) && IS_NULL(val_type(v)->slots[SM_ITER]) && IS_NULL(val_type(v)->slots[SM_GETITEM])) {
            err_clear();
            err_format(&exc_TypeError, "cannot unpack non-iterable %T object", v);
        }
        return NULL;
    }
    Value head = tuple_new(before);
    if (IS_NULL(head)) return NULL;
    for (int i = 0; i < before; i++) {
        Value x = obj_next(it);
        if (IS_NULL(x)) {
            if (!err_occurred())
                err_format(&exc_ValueError, "not enough values to unpack (expected at least %d, got %d)",
                           before + after, i);
            return NULL;
        }
        AS_TUPLE(head)->items[i] = x;
    }
    Value all = seq_to_list(it);
    if (IS_NULL(all)) return NULL;
    List *l = AS_LIST(all);
    if (l->len < after) {
        err_format(&exc_ValueError, "not enough values to unpack (expected at least %d, got %lld)",
                   before + after, (long long)(before + l->len));
        return NULL;
    }
    for (int i = 0; i < after; i++) *sp++ = l->items[l->len - 1 - i];
    Value star = list_from_array(l->items, l->len - after);
    if (IS_NULL(star)) return NULL;
    *sp++ = star;
    for (int i = before - 1; i >= 0; i--) *sp++ = AS_TUPLE(head)->items[i];
    return sp;
}

static Value build_string(Value *items, int n) {
    StrBuf sb;
    sb_init(&sb);
    for (int i = 0; i < n; i++) sb_put_value_str(&sb, items[i]);
    return sb_finish_str(&sb);
}

static Value format_value(Value v, int conv, Value spec) {
    if (conv == 1) v = obj_str(v);
    else if (conv == 2) v = obj_repr(v);
    else if (conv == 3) v = obj_ascii(v);
    if (IS_NULL(v)) return VAL_NULL;
    if (IS_NULL(spec)) {                      /* f'{x}': format(x, '') */
        if (IS_EXACT(v, type_str)) return v;
        if (IS_SMALLINT(v) || IS_EXACT(v, type_int)) return int_repr(v);
        if (IS_FLOAT(v)) return float_repr(AS_FLOAT(v));
    }
    return obj_format(v, IS_NULL(spec) ? str_empty() : spec);
}

static int exc_type_valid(Value t) {
    if (IS_TUPLE(t)) {
        for (int64_t i = 0; i < AS_TUPLE(t)->len; i++)
            if (!exc_type_valid(AS_TUPLE(t)->items[i])) return 0;
        return 1;
    }
    return IS_TYPE(t) && type_is_subtype(AS_TYPE(t), &exc_BaseException);
}

/* except* T: T as for except, and no exception group class in it. */
static int check_except_star_type(Value t) {
    if (!exc_type_valid(t)) {
        err_format(&exc_TypeError, "catching classes that do not inherit from BaseException is not allowed");
        return -1;
    }
    int n = IS_TUPLE(t) ? (int)AS_TUPLE(t)->len : 1;
    for (int i = 0; i < n; i++) {
        Value c = IS_TUPLE(t) ? AS_TUPLE(t)->items[i] : t;
        if (IS_TYPE(c) && type_is_subtype(AS_TYPE(c), &exc_BaseExceptionGroup)) {
            err_format(&exc_TypeError,
                       "catching ExceptionGroup with except* is not allowed. Use except instead.");
            return -1;
        }
    }
    return 0;
}

/* Turn the operand of `raise` into an instance; VAL_NULL with error if bad. */
static Value make_exception(Value e, const char *what) {
    if (IS_TYPE(e) && type_is_subtype(AS_TYPE(e), &exc_BaseException)) {
        Value inst = call0(e);
        if (IS_NULL(inst)) return VAL_NULL;
        if (!IS_EXC(inst))
            return err_format(&exc_TypeError, "calling %R should have returned an instance of BaseException, not %T", e, inst);
        return inst;
    }
    if (IS_EXC(e)) return e;
    return err_format(&exc_TypeError, "%s", what);
}

static int do_raise(ThreadState *ts, Value exc, Value cause) {
    Value inst = make_exception(exc, "exceptions must derive from BaseException");
    if (IS_NULL(inst)) return -1;
    if (!IS_NULL(cause)) {
        Value c = VAL_NONE;
        if (!IS_NONE(cause)) {
            c = make_exception(cause, "exception causes must derive from BaseException");
            if (IS_NULL(c)) return -1;
        }
        AS_EXC(inst)->cause = c;
        AS_EXC(inst)->suppress_context = 1;
    }
    /* Every raise while handling another chains it, even an exception raised before
     * (the error path only chains the fresh ones C code raises). */
    if (!IS_NULL(ts->handled_exc)) exc_set_context(inst, ts->handled_exc);
    ts->exc = inst;
    return 0;
}

static Value import_from(Value mod, Value name) {
    Value v = obj_getattr_opt(mod, name);
    if (!IS_NULL(v) || err_occurred()) return v;
    Value modname = obj_getattr_opt(mod, str_intern_c("__name__"));
    if (IS_STR(modname)) {
        Value full = str_format_c("%U.%U", modname, name);
        if (IS_NULL(full)) return VAL_NULL;
        v = dict_get(interp.modules, full);
        if (!IS_NULL(v)) return v;
        Value file = obj_getattr_opt(mod, str_intern_c("__file__"));
        err_clear();
        if (IS_STR(file))
            err_format(&exc_ImportError, "cannot import name '%U' from '%U' (%U)", name, modname, file);
        else
            err_format(&exc_ImportError, "cannot import name '%U' from '%U' (unknown location)", name, modname);
        Value *dp = obj_dict_ptr(err_peek());     /* ImportError(..., name=modname, path=file) */
        if (dp && IS_DICT(*dp) &&
            (dict_set_c(*dp, "name", modname) < 0 || dict_set_c(*dp, "path", IS_STR(file) ? file : VAL_NONE) < 0))
            return VAL_NULL;
        return VAL_NULL;
    }
    err_clear();        /* not a module (a replaced __import__ returned something else) */
    return err_format(&exc_ImportError, "cannot import name %R from '<unknown module name>' (unknown location)",
                      name);
}

static int import_star(Frame *f, Value mod) {
    Value all = obj_getattr_opt(mod, str_intern_c("__all__"));
    if (IS_NULL(all) && err_occurred()) return -1;
    Value names;
    if (!IS_NULL(all)) {
        names = seq_to_list(all);
    } else {
        Value d = obj_getattr(mod, str_intern_c("__dict__"));
        if (IS_NULL(d)) return -1;
        names = dict_keys_list(d);
    }
    if (IS_NULL(names)) return -1;
    List *l = AS_LIST(names);
    for (int64_t i = 0; i < l->len; i++) {
        Value n = l->items[i];
        if (IS_NULL(all) && IS_STR(n) && STR_DATA(n)[0] == '_') continue;
        Value v = obj_getattr(mod, n);
        if (IS_NULL(v) || store_name(f, n, v) < 0) return -1;
    }
    return 0;
}

/* How CPython names a callable in argument errors: "mod.f()", "f()", "X object". */
static Value callable_str(Value callable) {
    Value qn = obj_getattr_opt(callable, str_intern_c("__qualname__"));
    if (IS_NULL(qn) || !IS_STR(qn)) {
        err_clear();
        return str_format_c("%T object", callable);
    }
    Value mod = obj_getattr_opt(callable, str_intern_c("__module__"));
    err_clear();
    if (IS_STR(mod) && !str_eq_c(mod, "builtins")) return str_format_c("%U.%U()", mod, qn);
    return str_format_c("%U()", qn);
}

/* f(**m): m's items into the call's keyword dict through m.keys() and m[key]
 * (dict_merge), with CPython's format_kwargs_error messages. */
static int dict_merge_call(Value dict, Value m, Value callable) {
    int64_t before = AS_DICT(dict)->nentries;   /* a fresh dict: no holes */
    int r = dict_merge(dict, m, 2);
    if (r == -2) {
        Value e = err_fetch();
        Value key = AS_TUPLE(AS_EXC(e)->args)->items[0];
        err_format(&exc_TypeError, "%S got multiple values for keyword argument '%S'", callable_str(callable), key);
        return -1;
    }
    if (r < 0) {
        if (err_matches(&exc_AttributeError)) {
            err_clear();
            err_format(&exc_TypeError, "%S argument after ** must be a mapping, not %T", callable_str(callable), m);
        }
        return -1;
    }
    Value k, v;
    for (int64_t pos = before; dict_next(dict, &pos, &k, &v);)
        if (!IS_STR(k)) { err_format(&exc_TypeError, "keywords must be strings"); return -1; }
    return 0;
}

/* The callable and arguments of a CALL site [A, B, args...]. */
static inline Value call_site(Value *base, Value **args, int *nargs) {
    if (IS_NULL(base[0])) { *args = base + 2; return base[1]; }
    *args = base + 1;
    (*nargs)++;
    return base[0];
}

static Value call_ex(Value callable, Value argtuple, Value kwdict) {
    if (!IS_TUPLE(argtuple)) {
        Type *at = val_type(argtuple);
        if (IS_NULL(at->slots[SM_ITER]) && IS_NULL(at->slots[SM_GETITEM]))
            return err_format(&exc_TypeError, "%S argument after * must be an iterable, not %T",
                              callable_str(callable), argtuple);
        Value t = seq_to_tuple(argtuple);
        if (IS_NULL(t)) return VAL_NULL;
        argtuple = t;
    }
    return call_tuple_dict(callable, argtuple, kwdict);
}

static Value before_with(Value cm, Value *exit_out) {
    Type *t = val_type(cm);
    Value enter = t->slots[SM_ENTER], exit = t->slots[SM_EXIT];
    if (IS_NULL(enter))
        return err_format(&exc_TypeError, "'%T' object does not support the context manager protocol", cm);
    if (IS_NULL(exit))
        return err_format(&exc_TypeError, "'%T' object does not support the context manager protocol "
                          "(missed __exit__ method)", cm);
    Value bound_exit = descr_get(exit, cm, MK_OBJ(t));
    if (IS_NULL(bound_exit)) return VAL_NULL;
    *exit_out = bound_exit;
    Value args[1] = { cm };
    return obj_call_special(cm, SM_ENTER, args, 1);
}

/* `yield from` takes a coroutine only in a coroutine or a types.coroutine generator. */
static Value get_yield_from_iter(Value v, Code *co) {
    if (IS_EXACT(v, type_generator)) return v;
    if (IS_EXACT(v, type_coroutine)) {
        if (co->flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE)) return v;
        return err_format(&exc_TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
    }
    return obj_iter(v);
}

/* One step of `yield from`: 1 yielded *out, 0 returned *out, -1 error. */
static int yield_from_step(Value it, Value v, Value *out) {
    if (IS_GEN_OR_CORO(it)) return gen_resume(it, v, VAL_NULL, out);
    if (IS_EXACT(it, type_async_generator_asend)) return asyncgen_asend_resume(it, v, out);
    if (val_type(it)->send) return val_type(it)->send(it, v, out);
    Value r;
    if (IS_NONE(v)) {
        /* call __next__ itself: obj_next would swallow StopIteration's value */
        Value args[1] = { it };
        r = obj_call_special(it, SM_NEXT, args, 1);
        if (IS_NULL(r) && !err_occurred() && IS_NULL(val_type(it)->slots[SM_NEXT]))
            err_format(&exc_TypeError, "'%T' object is not an iterator", it);
    } else {
        r = obj_call_method(it, "send", &v, 1);
    }
    if (!IS_NULL(r)) { *out = r; return 1; }
    if (!err_occurred()) { *out = VAL_NONE; return 0; }
    if (err_matches(&exc_StopIteration)) {
        Value e = err_fetch();
        *out = exc_get_attr_c(e, "value");
        return 0;
    }
    return -1;
}

/* Does the code after ip build the argument tuple of a CALL_EX? */
static int next_is_call_ex(uint32_t *ip, Code *co) {
    for (uint32_t *p = ip; p < co->code + co->ncode; p++) {
        int op = INSTR_OP(*p);
        if (op == OPC_LIST_TO_TUPLE) return 1;
        if (op == OPC_BUILD_LIST || op == OPC_BUILD_TUPLE || op == OPC_BUILD_SET ||
            op == OPC_CALL || op == OPC_RETURN_VALUE || op == OPC_STORE_FAST || op == OPC_STORE_NAME)
            return 0;
    }
    return 0;
}

/* ---- the eval breaker ------------------------------------------------------------------ */

/* The polling read: one plain load on x86-64 and arm64 (relaxed atomic, so
 * other threads' atomic writes of the word are not data races). */
#define EVAL_BREAKER(ts) __atomic_load_n(&(ts)->eval_breaker, __ATOMIC_RELAXED)

/* Something asked the running thread to look up from its bytecode: another
 * thread wants the GIL, a signal arrived, or an exception was injected. */
int vm_handle_eval_breaker(ThreadState *ts) {
    uint32_t eb = __atomic_load_n(&ts->eval_breaker, __ATOMIC_SEQ_CST);
    if (eb & EB_GIL_DROP_REQUEST) gil_yield(ts);
    if ((eb & EB_SIGNALS_PENDING) && sig_check() < 0) return -1;
    if (eb & EB_DEFERRED_WARNINGS) {
        __atomic_fetch_and(&ts->eval_breaker, ~(uint32_t)EB_DEFERRED_WARNINGS, __ATOMIC_SEQ_CST);
        if (coro_warn_unawaited() < 0) return -1;
    }
    if (eb & EB_ASYNC_EXC) {
        __atomic_fetch_and(&ts->eval_breaker, ~(uint32_t)EB_ASYNC_EXC, __ATOMIC_SEQ_CST);
        Value e = ts->async_exc;
        ts->async_exc = VAL_NULL;
        if (!IS_NULL(e)) { err_set_obj(e); return -1; }
    }
    if (eb & EB_GC_REQUEST) {                 /* a collection left finalizers to run */
        __atomic_fetch_and(&ts->eval_breaker, ~(uint32_t)EB_GC_REQUEST, __ATOMIC_SEQ_CST);
        fin_run_pending();
    }
    return 0;
}

/* A frame's saved sp is exact while it calls (CALL saves it, and a Python
 * callee started by CALL leaves it at the call site), but not while an
 * instruction that is not a call runs Python code through a dunder.  So the
 * innermost frame is trusted only when its saved call site holds `callee`,
 * and an outer frame only while the frame it called was entered by CALL
 * (not is_entry: no nested vm_run between them). */
int vm_forget_dead_slots(Value callee, int nargs) {
    ThreadState *ts = ts_get();
    Frame *f = ts ? ts->frame : NULL;
    if (!f || !IS_OBJ(callee)) return 0;
    /* A direct call's site is [NULL, callee, args...] up to sp: a native that got
     * `callee` as an argument and calls it has a different one. */
    Value *base = f->sp - nargs - 2;
    if (base < f->stack || !IS_NULL(base[0]) || base[1] != callee) return 0;
    for (;;) {
        Value *end = f->stack + f->code->stacksize;
        for (Value *p = f->sp; p < end; p++) *p = VAL_NULL;
        if (f->is_entry || !f->prev) return 1;
        f = f->prev;
    }
}

/* The VM stack is scanned conservatively, dead slots included: what an
 * exception unwound (the operands of the instruction that failed, a frame
 * that had no handler) is cleared, so it cannot keep objects alive.  That
 * matters most for MemoryError: the list that filled memory, still an
 * operand of its failed append, must be freed for the except clause to run. */
static void vm_clear_dead(Value *lo, Value *hi) {
    for (Value *p = lo; p < hi; p++) *p = VAL_NULL;
}

/* ---- the loop ---------------------------------------------------------------------------- */

static void add_traceback(Frame *f, uint32_t *ip) {
    Code *co = f->code;
    int i = (int)(ip - co->code) - 1;
    if (i < 0) i = 0;
    while (i > 0 && i < co->ncode && co->positions[i].lineno == 0) i--;
    ThreadState *ts = ts_get();
    Value pending = ts->exc;
    ts->exc = VAL_NULL;
    Value fo = frame_object(f);
    err_clear();
    ts->exc = pending;
    TbInfo w = { co->filename, co->name, fo, 2 * i, 0, 0, -1, -1, -1, -1 };
    if (ip == co->code) {
        w.lineno = w.end_lineno = co->firstlineno;  /* thrown into a generator not started: its def line */
    } else if (i < co->ncode) {
        CodePos *p = &co->positions[i];
        w.lineno = p->lineno;
        w.end_lineno = p->end_lineno;
        w.col = p->col;
        w.end_col = p->end_col;
        w.anchor = p->anchor;
        w.anchor_end = p->anchor_end;
    }
    exc_add_traceback(ts_get()->exc, &w);
}

#if GILPY_COMPUTED_GOTO
#  define TARGET(op) L_##op:
#else
#  define TARGET(op) case OPC_##op:
#endif

#define PUSH(v)   (*sp++ = (v))
#define POP()     (*--sp)
#define TOP()     (sp[-1])
#define PEEK(n)   (sp[-(n)])
#define ARG       ((int)INSTR_ARG(word))
#define SAVE()    (f->ip = ip, f->sp = sp)
/* Before an instruction's path that may run Python code (a dunder, a
 * property): the frame's line stays right for whoever looks at it meanwhile
 * (sys._getframe(1).f_lineno, warnings, logging), as CPython's prev_instr. */
#define SAVE_IP() (f->ip = ip)
/* After a call, forget the call-site slots it consumed (a Python callee has
 * copied its arguments): the collector scans value stacks conservatively, and
 * a dead temporary left there (a memoryview dropped at once,
 * bytes(memoryview(ba)[1:3])) would stay alive and keep its export on a
 * bytearray that must resize (obj_bytes.c). */
#define CLEAR_SPENT(from, n) do { for (int k_ = 0; k_ < (n); k_++) (from)[k_] = VAL_NULL; } while (0)
/* The same for the n slots of a call site at base once a Python callee has
 * copied its arguments; base[0] gets the result.  (This shape keeps the hot
 * path as fast as without it; a plain loop over all n measured 8% slower on
 * bench/binary_trees.py.) */
#define CLEAR_CALL_SITE(base, n) do {                                            \
        (base)[1] = VAL_NULL;                                                    \
        for (int k_ = 2; k_ < (n); k_++) (base)[k_] = VAL_NULL;                  \
    } while (0)
#define RELOAD()  do { co = f->code; ip = f->ip; sp = f->sp; lp = f->localsplus; \
                       consts = AS_TUPLE(co->consts)->items; names = AS_TUPLE(co->names)->items; } while (0)
#define ERROR()   goto error
#define CHECK(v)  do { if (IS_NULL(v)) goto error; } while (0)
static __attribute__((noinline, cold)) int vm_frame_entry(ThreadState *ts, Frame *f) {
    if (vm_handle_eval_breaker(ts) < 0) return -1;
    return trace_active(ts) ? trace_frame_entry(ts, f) : 0;
}

/* A call of a native (call_native_counted, call_value or call_ex: which)
 * with 'c_call' and 'c_return' around it, while a profile function is set. */
static __attribute__((noinline, cold)) Value vm_call_native_profiled(ThreadState *ts, int which, Value callable,
                                                                     Value *args, int nargs, Value kwnames,
                                                                     Value argt) {
    Value fn, r;
    if (trace_c_call(ts, callable, which == 2 ? NULL : args, which == 2 ? 0 : nargs, &fn) < 0) return VAL_NULL;
    r = which == 0 ? call_native_counted(callable, args, nargs)
      : which == 1 ? call_value(callable, args, nargs, kwnames) : call_ex(callable, argt, kwnames);
    return IS_NULL(fn) ? r : trace_c_return(ts, fn, r);
}

static Value vm_run_plain(ThreadState *ts, Frame *f, int resume) __attribute__((noinline));
/* The traced loop is cold: optimized for size, it leaves the inlining
 * budget of this file to the plain loop. */
static Value vm_run_traced(ThreadState *ts, Frame *f, int resume) __attribute__((cold));

/* APPEND_FAST: `x = x + b` (inplace: `x += b`) into the slot; a was read from
 * it.  Two small ints (when the sum stays small) or two floats add here, as
 * BINARY_OP's fast path; the rest is runtime/append.c's. */
static inline int vm_append(Value *slot, Value a, Value b, int inplace) {
    if (BOTH_SMALLINT(a, b)) {
        int64_t z = AS_SMALLINT(a) + AS_SMALLINT(b);
        if (SMALLINT_FITS(z)) { *slot = MK_SMALLINT(z); return 0; }
    } else if (IS_FLOAT(a) && IS_FLOAT(b)) {
        *slot = MK_FLOAT(AS_FLOAT(a) + AS_FLOAT(b));
        return 0;
    }
    return append_fast(slot, a, b, inplace);
}

#define VM_TRACED 0
#define VM_LOOP vm_run_plain
#include "vm_loop.h"
#undef VM_TRACED
#undef VM_LOOP
#define VM_TRACED 1
#define VM_LOOP vm_run_traced
#include "vm_loop.h"
#undef VM_TRACED
#undef VM_LOOP

/* ts->vm_c_top marks where the innermost loop's C frame begins, for gc.collect
 * (mod_gc.c): everything below it is that loop and the natives it calls.
 * __builtin_unwind_init makes this frame save every callee-saved register of
 * the callers, and on x86-64 those saves lie above its locals, so above the
 * mark; elsewhere no mark is kept. */
__attribute__((noinline)) Value vm_run(ThreadState *ts, Frame *f) {
#if defined(__x86_64__) && defined(__GNUC__)
    __builtin_unwind_init();
    volatile char top = 0;
    char *outer = ts->vm_c_top;
    ts->vm_c_top = (char *)&top;
    Value r = vm_run_plain(ts, f, 0);
    ts->vm_c_top = outer;
    return r;
#else
    return vm_run_plain(ts, f, 0);
#endif
}

/* ---- running code in a namespace ---------------------------------------------------------- */

Value vm_exec_code(Code *co, Value globals, Value locals) {
    ThreadState *ts = ts_get();
    if (IS_NULL(dict_get_c(globals, "__builtins__")) &&
        dict_set_c(globals, "__builtins__", interp.builtins_module) < 0)
        return VAL_NULL;
    Value b = dict_get_c(globals, "__builtins__");
    if (IS_EXACT(b, type_module)) b = MODULE_DICT(b);
    if (!IS_DICT(b)) b = interp.builtins;
    if (obj_check_c_stack() < 0) return VAL_NULL;
    Frame *f = frame_push(ts, co, VAL_NULL, globals, b, locals);
    if (!f) return VAL_NULL;
    f->is_entry = 1;
    for (int i = 0; i < co->ncells; i++) {
        f->localsplus[co->nlocals + i] = cell_new(VAL_NULL);
        if (IS_NULL(f->localsplus[co->nlocals + i])) { frame_pop(ts, f); return VAL_NULL; }
    }
    return vm_run(ts, f);
}

/* Run a class body function with `ns` as its namespace. */
Value vm_run_class_body(Value func, Value ns) {
    ThreadState *ts = ts_get();
    Function *fn = AS_FUNC(func);
    Code *co = AS_CODE(fn->code);
    if (obj_check_c_stack() < 0) return VAL_NULL;
    Frame *f = frame_push(ts, co, func, fn->globals, fn->builtins, ns);
    if (!f) return VAL_NULL;
    f->is_entry = 1;
    if ((co->ncells || co->nfree) && frame_setup_cells(f, fn) < 0) {
        frame_pop(ts, f);
        return VAL_NULL;
    }
    return vm_run(ts, f);
}

/* ---- introspection for builtins ------------------------------------------------------------- */

Value vm_current_globals(void) {
    Frame *f = ts_get()->frame;
    return f ? f->globals : VAL_NULL;
}

Value vm_globals(void) {
    Frame *f = ts_get()->frame;
    return f ? f->globals : interp.main_module == 0 ? VAL_NULL : MODULE_DICT(interp.main_module);
}

static int locals_put(Value d, Value name, Value v) {
    if (!IS_NULL(v)) return dict_set(d, name, v);
    return dict_del(d, name) < 0 ? -1 : 0;
}

int vm_locals_into(Code *co, const Value *lp, Value d) {
    for (int i = 0; i < co->nlocals; i++) {
        append_escape(lp[i]);
        if (locals_put(d, AS_TUPLE(co->varnames)->items[i], lp[i]) < 0) return -1;
    }
    for (int i = 0; i < co->ncells + co->nfree; i++) {
        Value c = lp[co->nlocals + i];
        if (locals_put(d, cell_var_name(co, i), IS_OBJ(c) ? ((Cell *)AS_OBJ(c))->ref : VAL_NULL) < 0) return -1;
    }
    return 0;
}

Value vm_locals(void) {
    Frame *f = ts_get()->frame;
    if (!f) return vm_globals();
    if (!IS_NULL(f->locals_dict)) return f->locals_dict;
    Value d = dict_new();
    if (IS_NULL(d) || vm_locals_into(f->code, f->localsplus, d) < 0) return VAL_NULL;
    return d;
}

int vm_super_args(Value *type, Value *obj) {
    Frame *f = ts_get()->frame;
    if (!f) { err_format(&exc_RuntimeError, "super(): no current frame"); return -1; }
    Code *co = f->code;
    if (co->argcount == 0 && !(co->flags & CO_VARARGS)) {
        err_format(&exc_RuntimeError, "super(): no arguments");
        return -1;
    }
    Value first = f->localsplus[0];
    if (co->cell2arg)
        for (int i = 0; i < co->ncells; i++)
            if (co->cell2arg[i] == 0) first = ((Cell *)AS_OBJ(f->localsplus[co->nlocals + i]))->ref;
    if (IS_NULL(first)) { err_format(&exc_RuntimeError, "super(): arg[0] deleted"); return -1; }
    append_escape(first);
    for (int i = 0; i < co->nfree; i++) {
        Value name = AS_TUPLE(co->freevars)->items[i];
        if (!str_eq_c(name, "__class__")) continue;
        Value cls = ((Cell *)AS_OBJ(f->localsplus[co->nlocals + co->ncells + i]))->ref;
        if (IS_NULL(cls)) { err_format(&exc_RuntimeError, "super(): empty __class__ cell"); return -1; }
        if (!IS_TYPE(cls)) { err_format(&exc_RuntimeError, "super(): __class__ is not a type (%T)", cls); return -1; }
        *type = cls;
        *obj = first;
        return 0;
    }
    err_format(&exc_RuntimeError, "super(): __class__ cell not found");
    return -1;
}

/* The (filename, lineno, name, globals) of the frame `depth` levels up. */
int vm_frame_info(int depth, Value *code, int *lineno, Value *globals) {
    Frame *f = ts_get()->frame;
    while (f && depth-- > 0) f = f->prev;
    if (!f) return -1;
    *code = MK_OBJ(f->code);
    int i = (int)(f->ip - f->code->code) - 1;
    *lineno = code_line_at(f->code, i < 0 ? 0 : i);
    *globals = f->globals;
    return 0;
}
