/* mod_testinternalcapi.c - `_testinternalcapi`, the part of CPython's test
 * helper module that CPython's own regression tests ask of any interpreter
 * they run on: test.support asks get_config()['code_debug_ranges'] before it
 * runs the tests of tracebacks, dis, marshal and code objects (gilpy keeps
 * column positions unless -X no_debug_ranges); test_sys and test_exceptions measure
 * get_recursion_depth(); test_codecs runs the locale codec through
 * EncodeLocaleEx/DecodeLocaleEx.  The configuration is gilpy's, read from sys
 * when asked. */
#include <string.h>

#include "runtime/call.h"
#include "runtime/error.h"
#include "runtime/obj_bytes.h"
#include "runtime/obj_dict.h"
#include "runtime/obj_exc.h"
#include "runtime/obj_int.h"
#include "runtime/obj_list.h"
#include "runtime/obj_misc.h"
#include "runtime/obj_str.h"
#include "runtime/state.h"
#include "interp/modreg.h"

GILPY_MODULE("_testinternalcapi", mod_testinternalcapi_init);

/* sys.NAME, None when sys lacks it. */
static Value tic_sys(const char *name) {
    Value v = dict_get_c(MODULE_DICT(interp.sys_module), name);
    return IS_NULL(v) ? VAL_NONE : v;
}

static Value tic_flag(const char *name) {
    Value flags = tic_sys("flags");
    Value v = IS_NONE(flags) ? VAL_NULL : obj_getattr_c(flags, name);
    if (IS_NULL(v)) { err_clear(); return MK_SMALLINT(0); }
    return IS_BOOL(v) ? MK_SMALLINT(IS_TRUE(v)) : v;
}

/* sys._xoptions back into the -X words. */
static Value tic_xoptions(void) {
    Value l = list_new(0), d = tic_sys("_xoptions"), k, v;
    if (IS_NULL(l) || !IS_DICT(d)) return l;
    for (int64_t pos = 0; dict_next(d, &pos, &k, &v);) {
        Value w = IS_TRUE(v) ? k : str_format_c("%S=%S", k, v);
        if (IS_NULL(w) || list_append(l, w) < 0) return VAL_NULL;
    }
    return l;
}

static Value tic_get_config(Value *args, int nargs, Value kwnames) {
    Value d = dict_new();
    if (IS_NULL(d)) return VAL_NULL;
    static const char *const flags[][2] = {
        {"isolated", "isolated"}, {"dev_mode", "dev_mode"}, {"bytes_warning", "bytes_warning"},
        {"inspect", "inspect"}, {"interactive", "interactive"}, {"optimization_level", "optimize"},
        {"verbose", "verbose"}, {"quiet", "quiet"}, {"safe_path", "safe_path"},
        {"warn_default_encoding", "warn_default_encoding"}};
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++)
        dict_set_c(d, flags[i][0], tic_flag(flags[i][1]));
    Value no_env = tic_flag("ignore_environment"), no_bc = tic_flag("dont_write_bytecode");
    dict_set_c(d, "use_environment", MK_SMALLINT(!obj_truthy(no_env)));
    dict_set_c(d, "write_bytecode", MK_SMALLINT(!obj_truthy(no_bc)));
    dict_set_c(d, "user_site_directory", MK_SMALLINT(!obj_truthy(tic_flag("no_user_site"))));
    dict_set_c(d, "site_import", MK_SMALLINT(!obj_truthy(tic_flag("no_site"))));
    dict_set_c(d, "buffered_stdio", MK_SMALLINT(!interp.flag_unbuffered));
    dict_set_c(d, "code_debug_ranges", MK_SMALLINT(!interp.flag_no_debug_ranges));
    dict_set_c(d, "filesystem_encoding", str_from_c("utf-8"));
    dict_set_c(d, "filesystem_errors", str_from_c("surrogateescape"));
    dict_set_c(d, "stdio_encoding", str_from_c("utf-8"));
    dict_set_c(d, "stdio_errors", str_from_c("strict"));
    static const char *const from_sys[][2] = {
        {"argv", "argv"}, {"orig_argv", "orig_argv"}, {"warnoptions", "warnoptions"},
        {"executable", "executable"}, {"base_executable", "_base_executable"}, {"prefix", "prefix"},
        {"base_prefix", "base_prefix"}, {"exec_prefix", "exec_prefix"}, {"base_exec_prefix", "base_exec_prefix"},
        {"platlibdir", "platlibdir"}, {"pycache_prefix", "pycache_prefix"}, {"module_search_paths", "path"}};
    for (size_t i = 0; i < sizeof from_sys / sizeof from_sys[0]; i++)
        dict_set_c(d, from_sys[i][0], tic_sys(from_sys[i][1]));
    dict_set_c(d, "xoptions", tic_xoptions());
    dict_set_c(d, "int_max_str_digits", tic_flag("int_max_str_digits"));
    return err_occurred() ? VAL_NULL : d;
}

/* The Python frames below this call, as CPython counts them (1 at module level). */
static Value tic_get_recursion_depth(Value *args, int nargs, Value kwnames) {
    return MK_SMALLINT(ts_get()->recursion_depth);
}

/* The errors the locale codec accepts: 0 strict, 1 surrogateescape, 2 surrogatepass. */
static const char *tic_locale_errors(Value errors) {
    static const char *const ok[] = {"strict", "surrogateescape", "surrogatepass"};
    if (!IS_STR(errors)) {
        err_format(&exc_TypeError, "argument 3 must be str, not %T", errors);
        return NULL;
    }
    for (size_t i = 0; i < 3; i++)
        if (str_eq_c(errors, ok[i])) return ok[i];
    err_format(&exc_ValueError, "unsupported error handler");
    return NULL;
}

/* A UnicodeError of the locale codec becomes CPython's RuntimeError. */
static Value tic_locale_error(const char *what) {
    if (!err_matches(&exc_UnicodeError)) return VAL_NULL;
    Value exc = err_fetch();
    Value start = exc_get_attr_c(exc, "start");
    if (IS_NULL(start)) { err_clear(); start = MK_SMALLINT(0); }
    return err_format(&exc_RuntimeError, "%s error: pos=%S, reason=%s error", what, start,
                      what[0] == 'e' ? "encoding" : "decoding");
}

static Value tic_encode_locale(Value *args, int nargs, Value kwnames) {
    if (!IS_STR(args[0])) return err_format(&exc_TypeError, "argument 1 must be str, not %T", args[0]);
    const char *errors = tic_locale_errors(args[2]);
    if (!errors) return VAL_NULL;
    Value r = str_encode(args[0], "utf-8", errors);
    return IS_NULL(r) ? tic_locale_error("encode") : r;
}

static Value tic_decode_locale(Value *args, int nargs, Value kwnames) {
    if (!IS_BYTES(args[0])) return err_format(&exc_TypeError, "argument 1 must be bytes, not %T", args[0]);
    const char *errors = tic_locale_errors(args[2]);
    if (!errors) return VAL_NULL;
    Value r = str_decode(AS_BYTES(args[0])->data, (size_t)AS_BYTES(args[0])->len, "utf-8", errors);
    return IS_NULL(r) ? tic_locale_error("decode") : r;
}

static const MethodDef tic_functions[] = {
    {"get_config", tic_get_config, ARGS_NONE, "Get the interpreter configuration as a dict.", NULL},
    {"get_recursion_depth", tic_get_recursion_depth, ARGS_NONE, "Get the current recursion depth.", NULL},
    {"EncodeLocaleEx", tic_encode_locale, ARGS_POS(3, 3), "Encode with the locale encoding.", NULL},
    {"DecodeLocaleEx", tic_decode_locale, ARGS_POS(3, 3), "Decode with the locale encoding.", NULL},
    {NULL, NULL, 0, NULL},
};

Value mod_testinternalcapi_init(void) {
    Value m = module_new_c("_testinternalcapi");
    if (IS_NULL(m)) return VAL_NULL;
    dict_add_methods(MODULE_DICT(m), tic_functions, m);
    dict_set_c(MODULE_DICT(m), "SIZEOF_PYGC_HEAD", MK_SMALLINT(16));
    return err_occurred() ? VAL_NULL : m;
}
