/* builtins_exec.c - the builtins that run the compiler or the VM: exec,
 * eval, compile and __build_class__ (the rest of builtins is builtins.c). */
#include <stdlib.h>
#include <string.h>

#include "../runtime/audit.h"
#include "../runtime/call.h"
#include "../runtime/error.h"
#include "../runtime/gil.h"
#include "../runtime/giltrace.h"
#include "../runtime/obj_exc.h"
#include "../runtime/obj_bytes.h"
#include "../runtime/obj_dict.h"
#include "../runtime/obj_list.h"
#include "../runtime/obj_misc.h"
#include "../runtime/obj_str.h"
#include "../runtime/obj_type.h"
#include "astobj.h"
#include "builtins.h"
#include "import.h"
#include "source.h"
#include "vm.h"


/* Source text of a str/bytes argument, or a code object as is. */
static Value source_or_code(Value src, Value filename, ParseMode mode, const char *fname, int only_ast) {
    if (IS_EXACT(src, type_code)) return src;
    const uint8_t *data;
    int64_t len;
    if (IS_STR(src)) { data = (const uint8_t *)STR_DATA(src); len = STR_LEN(src); }
    else if (bytes_view(src, &data, &len) < 0) {
        err_clear();
        return err_format(&exc_TypeError, "%s() arg 1 must be a string, bytes or %s object", fname,
                          strcmp(fname, "compile") == 0 ? "AST" : "code");
    }
    char *owned = NULL;
    int flags = only_ast ? COMPILE_ONLY_AST : 0;
    if (!IS_STR(src)) {              /* bytes: the BOM or coding cookie they declare */
        size_t tlen;
        int declared;
        const char *text = source_decode((const char *)data, (size_t)len, SOURCE_STRING,
                                         filename, &tlen, &owned, &declared);
        if (!text) return VAL_NULL;
        if (!declared) flags |= COMPILE_BYTE_OFFSETS;
        data = (const uint8_t *)text;
        len = (int64_t)tlen;
    }
    if (memchr(data, 0, (size_t)len)) {   /* CPython's _Py_SourceAsString: no position */
        free(owned);
        return err_format(&exc_SyntaxError, "source code string cannot contain null bytes");
    }
    if (mode == PARSE_EVAL) {        /* eval() ignores leading blanks */
        while (len > 0 && (*data == ' ' || *data == '\t')) { data++; len--; }
    }
    if (audit_active()) {
        Value text = bytes_new(data, (size_t)len);
        if (IS_NULL(text) || audit("compile", "OO", text, filename) < 0) { free(owned); return VAL_NULL; }
    }
    Value code = compile_source_flags((const char *)data, (size_t)len, filename, mode, flags);
    free(owned);
    return code;
}

static int is_mapping(Value v) { return !IS_NULL(val_type(v)->slots[SM_GETITEM]); }   /* PyMapping_Check */

/* CPython's checks of exec's and eval's namespaces, in their order. */
static int exec_namespaces(Value *globals, Value *locals, const char *fname) {
    int given_l = !IS_NULL(*locals) && !IS_NONE(*locals);
    int is_eval = !strcmp(fname, "eval");
    if (is_eval && given_l && !is_mapping(*locals)) {
        err_format(&exc_TypeError, "locals must be a mapping");
        return -1;
    }
    if (IS_NULL(*globals) || IS_NONE(*globals)) {
        *globals = vm_globals();
        if (!given_l) *locals = vm_locals();
    } else if (!IS_DICT(*globals)) {
        if (is_eval)
            err_format(&exc_TypeError, is_mapping(*globals) ? "globals must be a real dict; try eval(expr, {}, mapping)"
                                                           : "globals must be a dict");
        else err_format(&exc_TypeError, "%s() globals must be a dict, not %T", fname, *globals);
        return -1;
    }
    if (!is_eval && given_l && !is_mapping(*locals)) {
        err_format(&exc_TypeError, "locals must be a mapping or None, not %T", *locals);
        return -1;
    }
    if (IS_NULL(*locals) || IS_NONE(*locals)) *locals = *globals;
    return 0;
}

/* args = [source, globals, locals] */
static Value run_source(const char *fname, Value *args, ParseMode mode) {
    Value globals = args[1], locals = args[2];
    if (exec_namespaces(&globals, &locals, fname) < 0) return VAL_NULL;
    Value code = source_or_code(args[0], str_intern_c("<string>"), mode, fname, 0);
    if (IS_NULL(code)) return VAL_NULL;
    if (AS_CODE(code)->nfree > 0 && mode == PARSE_EVAL)     /* nothing could supply the cells */
        return err_format(&exc_TypeError, "code object passed to eval() may not contain free variables");
    if (AS_CODE(code)->nfree > 0)
        return err_format(&exc_TypeError, "code object requires a closure of exactly length %d",
                          (int)AS_CODE(code)->nfree);
    if (audit_active() && audit("exec", "O", code) < 0) return VAL_NULL;
    Value r = vm_exec_code(AS_CODE(code), globals, locals);
    if (IS_NULL(r)) return VAL_NULL;
    return mode == PARSE_EVAL ? r : VAL_NONE;
}

/* exec(source, globals=None, locals=None, /, *, closure=None): gilpy runs no
 * code object with free variables, so a closure is never usable. */
static Value bi_exec(Value *args, int nargs, Value kwnames) {
    if (!IS_NULL(args[3]) && !IS_NONE(args[3]))
        return err_format(&exc_TypeError, IS_EXACT(args[0], type_code)
                              ? "cannot use a closure with this code object"
                              : "closure can only be used when source is a code object");
    return run_source("exec", args, PARSE_FILE);
}

static Value bi_eval(Value *args, int nargs, Value kwnames) {
    return run_source("eval", args, PARSE_EVAL);
}

/* compile()'s flags that CPython accepts: the __future__ features, the obsolete
 * nested-scopes bit, and the PyCF_* options. */
#define COMPILE_KNOWN_FLAGS (0x1ff0000 | 0x0010 | 0x0200 | 0x0800 | 0x4000 | \
    ASTOBJ_PYCF_ONLY_AST | ASTOBJ_PYCF_TYPE_COMMENTS | ASTOBJ_PYCF_ALLOW_TOP_LEVEL_AWAIT)

/* compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, *,
 * _feature_version=-1): flags may ask for the tree (PyCF_ONLY_AST) instead of
 * code; the other options are checked, not used. */
static Value bi_compile(Value *args, int nargs, Value kwnames) {
    Value *a = args;
    Value fn = arg_to_path(a[1]);
    if (IS_NULL(fn)) return VAL_NULL;
    if (IS_BYTES(fn))
        fn = str_decode_utf8_lossy((const char *)AS_BYTES(fn)->data, (size_t)AS_BYTES(fn)->len);
    if (IS_NULL(fn)) return VAL_NULL;
    if (!IS_STR(a[2]))
        return err_format(&exc_TypeError, "compile() argument 'mode' must be str, not %N",
                          a[2]);
    int flags = 0;
    if (!IS_NULL(a[3]) && arg_to_int(a[3], &flags) < 0) return VAL_NULL;
    for (int i = 4; i < 7; i++) {
        int ignored;
        if (!IS_NULL(a[i]) && arg_to_int(a[i], &ignored) < 0) return VAL_NULL;
    }
    if (flags & ~COMPILE_KNOWN_FLAGS) return err_format(&exc_ValueError, "compile(): unrecognised flags");
    int only_ast = (flags & ASTOBJ_PYCF_ONLY_AST) != 0;
    ParseMode mode;
    if (str_eq_c(a[2], "exec")) mode = PARSE_FILE;
    else if (str_eq_c(a[2], "eval")) mode = PARSE_EVAL;
    else if (str_eq_c(a[2], "single")) mode = PARSE_SINGLE;
    else if (str_eq_c(a[2], "func_type") && !only_ast)
        return err_format(&exc_ValueError, "compile() mode 'func_type' requires flag PyCF_ONLY_AST");
    else if (only_ast)
        return err_format(&exc_ValueError, "compile() mode must be 'exec', 'eval', 'single' or 'func_type'");
    else return err_format(&exc_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
    if (val_isinstance(a[0], &type_ast)) {
        if (only_ast) return a[0];
        return astobj_compile(a[0], fn, mode);
    }
    return source_or_code(a[0], fn, mode, "compile", only_ast);
}

/* PEP 560: a base that is not a class may stand for others through
 * __mro_entries__ (list[int] stands for list).  Returns the resolved bases
 * (the same tuple when nothing changed). */
static Value resolve_bases(Value bases) {
    Tuple *b = AS_TUPLE(bases);
    Value out = VAL_NULL;
    for (int64_t i = 0; i < b->len; i++) {
        Value base = b->items[i];
        Value meth = IS_TYPE(base) ? VAL_NULL : obj_getattr_opt(base, str_intern_c("__mro_entries__"));
        if (IS_NULL(meth) && err_occurred()) return VAL_NULL;
        if (IS_NULL(out) && IS_NULL(meth)) continue;
        if (IS_NULL(out)) {
            out = list_from_array(b->items, i);
            if (IS_NULL(out)) return VAL_NULL;
        }
        if (IS_NULL(meth)) { if (list_append(out, base) < 0) return VAL_NULL; continue; }
        Value r = call1(meth, bases);
        if (IS_NULL(r)) return VAL_NULL;
        if (!IS_TUPLE(r)) return err_format(&exc_TypeError, "__mro_entries__ must return a tuple");
        if (list_extend(out, r) < 0) return VAL_NULL;
    }
    return IS_NULL(out) ? bases : seq_to_tuple(out);
}

/* __build_class__(func, name, *bases, metaclass=..., **kw).  ARGS_ANY: it takes
 * **kwargs (the class keywords, passed on to the metaclass). */
static Value bi_build_class(Value *args, int nargs, Value kwnames) {
    if (nargs < 2) return err_format(&exc_TypeError, "__build_class__: not enough arguments");
    Value func = args[0], name = args[1];
    if (!IS_EXACT(func, type_function)) return err_format(&exc_TypeError, "__build_class__: func must be a function");
    if (!IS_STR(name)) return err_format(&exc_TypeError, "__build_class__: name is not a string");
    Value orig_bases = tuple_from_array(args + 2, nargs - 2);
    if (IS_NULL(orig_bases)) return VAL_NULL;
    Value bases = resolve_bases(orig_bases);
    if (IS_NULL(bases)) return VAL_NULL;
    /* split off metaclass= from the other keywords */
    int nkw = IS_NULL(kwnames) ? 0 : (int)AS_TUPLE(kwnames)->len;
    Value meta = VAL_NULL;
    Value knames = list_new(nkw), kvals = list_new(nkw);
    if (IS_NULL(knames) || IS_NULL(kvals)) return VAL_NULL;
    for (int i = 0; i < nkw; i++) {
        Value k = AS_TUPLE(kwnames)->items[i];
        if (str_eq_c(k, "metaclass")) { meta = args[nargs + i]; continue; }
        if (list_append(knames, k) < 0 || list_append(kvals, args[nargs + i]) < 0) return VAL_NULL;
    }
    int isclass = IS_NULL(meta) || IS_TYPE(meta);
    if (IS_NULL(meta)) meta = AS_TUPLE(bases)->len ? MK_OBJ(val_type(AS_TUPLE(bases)->items[0])) : MK_OBJ(&type_type);
    if (isclass) {
        Type *winner = type_calculate_metaclass(AS_TYPE(meta), bases);
        if (!winner) return VAL_NULL;
        meta = MK_OBJ(winner);
    }
    Value kwt = tuple_from_array(AS_LIST(knames)->items, AS_LIST(knames)->len);
    int nk = (int)AS_LIST(knames)->len;
    /* namespace from __prepare__ */
    Value ns;
    Value prep = obj_getattr_opt(meta, str_intern_c("__prepare__"));
    if (IS_NULL(prep) && err_occurred()) return VAL_NULL;
    Value callargs = tuple_new(2 + nk);
    if (IS_NULL(callargs)) return VAL_NULL;
    Value *ca = AS_TUPLE(callargs)->items;
    ca[0] = name; ca[1] = bases;
    values_copy(ca + 2, AS_LIST(kvals)->items, (size_t)(nk));
    if (!IS_NULL(prep)) ns = call_value(prep, ca, 2, nk ? kwt : VAL_NULL);
    else ns = dict_new();
    if (IS_NULL(ns)) return VAL_NULL;
    if (!IS_DICT(ns) && IS_NULL(val_type(ns)->slots[SM_GETITEM]))      /* CPython's PyMapping_Check */
        return err_format(&exc_TypeError, "%s.__prepare__() must return a mapping, not %T",
                          IS_TYPE(meta) ? type_name(AS_TYPE(meta)) : "<metaclass>", ns);
    if (IS_NULL(vm_run_class_body(func, ns))) return VAL_NULL;
    if (bases != orig_bases && obj_setitem(ns, str_intern_c("__orig_bases__"), orig_bases) < 0) return VAL_NULL;
    Value margs = tuple_new(3 + nk);
    if (IS_NULL(margs)) return VAL_NULL;
    Value *ma = AS_TUPLE(margs)->items;
    ma[0] = name; ma[1] = bases; ma[2] = ns;
    values_copy(ma + 3, AS_LIST(kvals)->items, (size_t)(nk));
    Value cls = call_value(meta, ma, 3, nk ? kwt : VAL_NULL);
    return cls;
}

/* Added to the builtins module by builtins_module_new. */
const MethodDef builtins_exec_functions[] = {
    {"exec", bi_exec, ARGS_KW, "Execute the given source in the context of globals and locals.",
     "($module, source, globals=None, locals=None, /, *, closure=None)"},
    {"eval", bi_eval, ARGS_POS(1, 3),
     "Evaluate the given source in the context of globals and locals."},
    {"compile", bi_compile, ARGS_KW, "Compile source into a code object.",
     "($module, /, source, filename, mode, flags=0, dont_inherit=False, optimize=-1, *, "
     "_feature_version=-1)"},
    {"__build_class__", bi_build_class, ARGS_ANY,
     "Internal helper function used by the class statement."},
    {NULL, NULL, 0, NULL},
};
