/* warn.c - the warnings machinery in C (`warn_`): what `_warnings` exports and
 * what the runtime calls when C code warns.
 *
 * Design.  As in CPython, the filter list, the "once" registry and the default
 * action are C objects created at start-up; CPython's own warnings.py, when
 * some program imports it, adopts those very objects (`from _warnings import
 * filters, _onceregistry, _defaultaction, ...`), so there is one filter list
 * whichever side changes it, and a warning raised by C code never imports
 * warnings.py.  When warnings.py is loaded its module attributes win
 * (`warnings.filters`, `onceregistry`, `defaultaction`, `_showwarnmsg`,
 * `WarningMessage`): a test may rebind any of them.
 *
 * A warning goes: warn_at() finds the caller's frame `stacklevel` levels up
 * (importlib's bootstrap frames skipped beyond the first level), which gives
 * filename, line number, module name and the module's __warningregistry__;
 * warn_explicit() then consults the registry (emptied whenever the filters
 * changed: _filters_mutated() bumps a version the registry records), the
 * first matching filter decides the action, and the warning is shown through
 * warnings._showwarnmsg when warnings.py is loaded, or printed here in the same
 * format ("file:line: Category: text" and the source line) when it is not.
 */
#include <stdio.h>
#include <string.h>

#include "../runtime/call.h"
#include "../runtime/error.h"
#include "../runtime/gc.h"
#include "../runtime/obj_dict.h"
#include "../runtime/obj_exc.h"
#include "../runtime/obj_file.h"
#include "../runtime/obj_int.h"
#include "../runtime/obj_list.h"
#include "../runtime/obj_misc.h"
#include "../runtime/obj_str.h"
#include "../runtime/state.h"
#include "../runtime/strbuf.h"
#include "builtins.h"
#include "code.h"
#include "import.h"
#include "vm.h"
#include "warn.h"

static Value warn_filters, warn_onceregistry, warn_defaultaction;
static long  warn_version;

/* The names looked up on every warning, interned once (their hashes kept). */
enum { N_WARNINGS, N_FILTERS, N_ONCEREGISTRY, N_DEFAULTACTION, N_SHOWWARNMSG, N_WARNINGMESSAGE,
       N_VERSION, N_REGISTRY, N_NAME, N__COUNT };
static const char *const warn_name_text[N__COUNT] = {
    "warnings", "filters", "onceregistry", "defaultaction", "_showwarnmsg", "WarningMessage",
    "version", "__warningregistry__", "__name__"};
static Value warn_names[N__COUNT];

/* (action, None, category, module, 0): the filters CPython 3.11 starts with. */
static int warn_add_filter(const char *action, Type *category, const char *module) {
    Value mod = module ? str_intern_c(module) : VAL_NONE;
    Value f = tuple_pack(5, str_intern_c(action), VAL_NONE, MK_OBJ(category), mod, MK_SMALLINT(0));
    return IS_NULL(f) ? -1 : list_append(warn_filters, f);
}

int warn_init(void) {
    gc_add_root(&warn_filters);
    gc_add_root(&warn_onceregistry);
    gc_add_root(&warn_defaultaction);
    for (int i = 0; i < N__COUNT; i++) {
        gc_add_root(&warn_names[i]);
        if (IS_NULL(warn_names[i] = str_intern_c(warn_name_text[i]))) return -1;
    }
    warn_filters = list_new(5);
    warn_onceregistry = dict_new();
    warn_defaultaction = str_intern_c("default");
    if (IS_NULL(warn_filters) || IS_NULL(warn_onceregistry) || IS_NULL(warn_defaultaction)) return -1;
    if (warn_add_filter("default", &exc_DeprecationWarning, "__main__") < 0 ||
        warn_add_filter("ignore", &exc_DeprecationWarning, NULL) < 0 ||
        warn_add_filter("ignore", &exc_PendingDeprecationWarning, NULL) < 0 ||
        warn_add_filter("ignore", &exc_ImportWarning, NULL) < 0 ||
        warn_add_filter("ignore", &exc_ResourceWarning, NULL) < 0)
        return -1;
    return 0;
}

Value warn_get_filters(void) { return warn_filters; }
Value warn_get_onceregistry(void) { return warn_onceregistry; }
Value warn_get_defaultaction(void) { return warn_defaultaction; }
void  warn_filters_mutated(void) { warn_version++; }

/* ---- the state, as warnings.py may have rebound it ------------------------------ */

/* warnings.NAME if warnings.py is loaded (imported first when try_import),
 * else VAL_NULL with no error; VAL_NULL with an error if it failed. */
static Value warn_module_attr(int name, int try_import) {
    Value mod = try_import ? import_module(warn_names[N_WARNINGS]) : dict_get(interp.modules, warn_names[N_WARNINGS]);
    if (IS_NULL(mod)) {
        if (try_import && err_matches(&exc_ImportError)) err_clear();
        return VAL_NULL;
    }
    if (IS_NONE(mod)) return VAL_NULL;
    Value v = obj_getattr(mod, warn_names[name]);
    if (IS_NULL(v) && err_matches(&exc_AttributeError)) err_clear();
    return v;
}

static Value warn_current_filters(void) {
    Value f = warn_module_attr(N_FILTERS, 0);
    if (IS_NULL(f) && err_occurred()) return VAL_NULL;
    if (!IS_NULL(f)) warn_filters = f;
    if (!IS_LIST(warn_filters)) return err_format(&exc_ValueError, "_warnings.filters must be a list");
    return warn_filters;
}

static Value warn_current_onceregistry(void) {
    Value r = warn_module_attr(N_ONCEREGISTRY, 0);
    if (IS_NULL(r) && err_occurred()) return VAL_NULL;
    if (!IS_NULL(r)) warn_onceregistry = r;
    if (!IS_DICT(warn_onceregistry))
        return err_format(&exc_TypeError, "_warnings.onceregistry must be a dict, not '%T'", warn_onceregistry);
    return warn_onceregistry;
}

static Value warn_current_defaultaction(void) {
    Value a = warn_module_attr(N_DEFAULTACTION, 0);
    if (IS_NULL(a) && err_occurred()) return VAL_NULL;
    if (!IS_NULL(a)) warn_defaultaction = a;
    if (!IS_STR(warn_defaultaction))
        return err_format(&exc_TypeError, "_warnings.defaultaction must be a string, not '%T'",
                          warn_defaultaction);
    return warn_defaultaction;
}

/* ---- filters and registries ----------------------------------------------------- */

/* A filter's message or module part against the text: None matches all, a
 * plain str (the built-in defaults) must be equal, anything else is a compiled
 * pattern whose match() decides.  1, 0, or -1 on error. */
static int warn_matches(Value pattern, Value text) {
    if (IS_NONE(pattern)) return 1;
    if (IS_EXACT(pattern, type_str)) return IS_STR(text) && str_eq(pattern, text);
    Value r = obj_call_method(pattern, "match", &text, 1);
    return IS_NULL(r) ? -1 : obj_truthy(r);
}

/* The action of the first filter that matches, and the filter (None for the
 * default action) in *item. */
static Value warn_find_filter(Value category, Value text, int lineno, Value module, Value *item) {
    Value filters = warn_current_filters();
    if (IS_NULL(filters)) return VAL_NULL;
    for (int64_t i = 0; i < AS_LIST(filters)->len; i++) {
        Value f = AS_LIST(filters)->items[i];
        if (!IS_TUPLE(f) || AS_TUPLE(f)->len != 5)
            return err_format(&exc_ValueError, "_warnings.filters item %lld isn't a 5-tuple", (long long)i);
        Value *p = AS_TUPLE(f)->items;
        if (!IS_STR(p[0])) return err_format(&exc_TypeError, "action must be a string, not '%T'", p[0]);
        int m = warn_matches(p[1], text);
        if (m > 0) m = warn_matches(p[3], module);
        if (m > 0) m = builtins_issubclass(category, p[2]);
        if (m < 0) return VAL_NULL;
        int64_t ln = 0;
        if (m && int_to_i64(p[4], &ln) < 0) return VAL_NULL;
        if (m && (ln == 0 || ln == lineno)) {
            *item = f;
            return p[0];
        }
    }
    *item = VAL_NONE;
    return warn_current_defaultaction();
}

/* Whether `key` was already warned about in `registry` (1), after emptying it
 * if the filters changed since it was filled; with `set`, records the key.  */
static int warn_already(Value registry, Value key, int set) {
    Value version = dict_get(registry, warn_names[N_VERSION]);
    if (IS_NULL(version) && err_occurred()) return -1;
    if (IS_NULL(version) || !IS_SMALLINT(version) || AS_SMALLINT(version) != warn_version) {
        dict_clear(registry);
        if (dict_set(registry, warn_names[N_VERSION], int_from_i64(warn_version)) < 0) return -1;
    } else {
        Value seen = dict_get(registry, key);
        if (IS_NULL(seen) && err_occurred()) return -1;
        if (!IS_NULL(seen)) {
            int t = obj_truthy(seen);
            if (t != 0) return t;
        }
    }
    return set ? dict_set(registry, key, VAL_TRUE) : 0;
}

/* ---- showing --------------------------------------------------------------------- */

/* Without warnings.py: "filename:lineno: Category: text" and the source
 * line on sys.stderr, as warnings.formatwarning writes them.  Errors while
 * writing are dropped, as CPython drops them. */
static void warn_print(Value filename, int lineno, Value text, Value category, Value sourceline) {
    Value err = sys_stream("stderr");
    if (IS_NULL(err) || IS_NONE(err)) {
        fputs("lost sys.stderr\n", stderr);
        return;
    }
    Value name = obj_getattr_c(category, "__name__");
    Value head = IS_NULL(name) ? VAL_NULL : str_format_c("%S:%d: %S: %S\n", filename, lineno, name, text);
    if (IS_NULL(head) || file_write_str(err, head) < 0) { err_clear(); return; }
    StrBuf sb;
    sb_init(&sb);
    int found = 0;
    if (!IS_NULL(sourceline) && IS_STR(sourceline)) found = sb_put_value_str(&sb, sourceline) == 0;
    else if (IS_STR(filename)) found = exc_source_line(STR_DATA(filename), lineno, &sb);
    if (found) {
        size_t i = 0;
        while (i < sb.len && (sb.data[i] == ' ' || sb.data[i] == '\t' || sb.data[i] == '\f')) i++;
        Value line = sb_putc(&sb, '\n') < 0 ? VAL_NULL : str_format_c("  %s", sb.data + i);
        if (IS_NULL(line) || file_write_str(err, line) < 0) err_clear();
    }
    sb_free(&sb);
}

static int warn_show(Value message, Value category, Value text, Value filename, int lineno,
                     Value sourceline, Value source) {
    Value show = warn_module_attr(N_SHOWWARNMSG, !IS_NULL(source) && !IS_NONE(source));
    if (IS_NULL(show)) {
        if (err_occurred()) return -1;
        warn_print(filename, lineno, text, category, sourceline);
        return 0;
    }
    if (!call_is_callable(show)) {
        err_format(&exc_TypeError, "warnings._showwarnmsg() must be set to a callable");
        return -1;
    }
    Value cls = warn_module_attr(N_WARNINGMESSAGE, 0);
    if (IS_NULL(cls)) {
        if (!err_occurred()) err_format(&exc_RuntimeError, "unable to get warnings.WarningMessage");
        return -1;
    }
    Value args[7] = {message, category, filename, MK_SMALLINT(lineno), VAL_NONE, VAL_NONE,
                     IS_NULL(source) ? VAL_NONE : source};
    Value msg = call_value(cls, args, 7, VAL_NULL);
    return IS_NULL(msg) || IS_NULL(call1(show, msg)) ? -1 : 0;
}

/* ---- warn_explicit --------------------------------------------------------------- */

/* The module name a filename implies: "x/y/spam.py" -> "x/y/spam", "" -> "<unknown>". */
static Value warn_module_from_filename(Value filename) {
    if (!IS_STR(filename) || STR_LEN(filename) == 0) return str_from_c("<unknown>");
    size_t n = (size_t)STR_LEN(filename);
    if (n >= 3 && memcmp(STR_DATA(filename) + n - 3, ".py", 3) == 0) n -= 3;
    return str_new(STR_DATA(filename), n);
}

/* Record the warning in the registries its action names; 1 if it was already
 * shown there (then it is not shown again), 0 to show it, -1 on error. */
static int warn_record(Value action, Value item, Value registry, Value key, Value text, Value category) {
    if (str_eq_c(action, "always")) return 0;
    int have_reg = !IS_NULL(registry) && !IS_NONE(registry);
    if (have_reg && dict_set(registry, key, VAL_TRUE) < 0) return -1;
    if (str_eq_c(action, "once")) {
        Value once = warn_current_onceregistry();
        Value k = IS_NULL(once) ? VAL_NULL : tuple_pack(2, text, category);
        return IS_NULL(k) ? -1 : warn_already(once, k, 1);
    }
    if (str_eq_c(action, "module")) {
        if (!have_reg) return 0;
        Value k = tuple_pack(3, text, category, MK_SMALLINT(0));
        return IS_NULL(k) ? -1 : warn_already(registry, k, 1);
    }
    if (str_eq_c(action, "default")) return 0;
    err_format(&exc_RuntimeError, "Unrecognized action (%R) in warnings.filters:\n %R", action, item);
    return -1;
}

int warn_explicit(Value message, Value category, Value filename, int lineno, Value module,
                  Value registry, Value sourceline, Value source) {
    if (IS_NULL(module)) {
        module = warn_module_from_filename(filename);
        if (IS_NULL(module)) return -1;
    }
    Value text = message;
    if (val_isinstance(message, &exc_Warning)) {
        text = obj_str(message);
        category = MK_OBJ(val_type(message));
    } else {
        message = call1(category, message);
    }
    if (IS_NULL(text) || IS_NULL(message)) return -1;
    Value key = tuple_pack(3, text, category, MK_SMALLINT(lineno));
    if (IS_NULL(key)) return -1;
    if (!IS_NULL(registry) && !IS_NONE(registry)) {
        if (!IS_DICT(registry)) {
            err_format(&exc_TypeError, "'registry' must be a dict or None");
            return -1;
        }
        int seen = warn_already(registry, key, 0);
        if (seen) return seen < 0 ? -1 : 0;
    }
    Value item = VAL_NONE;
    Value action = warn_find_filter(category, text, lineno, module, &item);
    if (IS_NULL(action)) return -1;
    if (str_eq_c(action, "error")) {
        err_set_obj(message);
        return -1;
    }
    if (str_eq_c(action, "ignore")) return 0;
    int seen = warn_record(action, item, registry, key, text, category);
    if (seen) return seen < 0 ? -1 : 0;
    return warn_show(message, category, text, filename, lineno, sourceline, source);
}

/* ---- warn: the caller's context -------------------------------------------------- */

/* A frame of importlib's bootstrap, which stacklevel counting skips. */
static int warn_internal_frame(Frame *f) {
    Value fn = f ? f->code->filename : VAL_NULL;
    return !IS_NULL(fn) && IS_STR(fn) && strstr(STR_DATA(fn), "importlib") &&
           strstr(STR_DATA(fn), "_bootstrap");
}

static Frame *warn_next_external(Frame *f) {
    do f = f->prev; while (f && warn_internal_frame(f));
    return f;
}

/* filename, lineno, module and registry of the frame `stacklevel` up; sys's
 * namespace, "sys" and line 1 past the top of the stack (CPython's answer). */
static int warn_context(int stacklevel, Value *filename, int *lineno, Value *module, Value *registry) {
    Frame *f = ts_get()->frame;
    if (stacklevel <= 0 || warn_internal_frame(f)) {
        while (--stacklevel > 0 && f) f = f->prev;
    } else {
        while (--stacklevel > 0 && f) f = warn_next_external(f);
    }
    Value globals;
    if (f) {
        globals = f->globals;
        *filename = f->code->filename;
        int i = (int)(f->ip - f->code->code) - 1;
        *lineno = code_line_at(f->code, i < 0 ? 0 : i);
    } else {
        globals = MODULE_DICT(interp.sys_module);
        *filename = str_intern_c("sys");
        *lineno = 1;
    }
    *registry = dict_get(globals, warn_names[N_REGISTRY]);
    if (IS_NULL(*registry)) {
        if (err_occurred()) return -1;
        *registry = dict_new();
        if (IS_NULL(*registry) || dict_set(globals, warn_names[N_REGISTRY], *registry) < 0) return -1;
    }
    *module = dict_get(globals, warn_names[N_NAME]);
    if (IS_NULL(*module) && err_occurred()) return -1;
    if (IS_NULL(*module) || !IS_STR(*module)) *module = str_intern_c("<string>");
    return 0;
}

/* The category a warn() call means: the message's class for a Warning
 * instance, UserWarning for None, else it must be a Warning subclass. */
static Value warn_category(Value message, Value category) {
    if (val_isinstance(message, &exc_Warning)) return MK_OBJ(val_type(message));
    if (IS_NULL(category) || IS_NONE(category)) return MK_OBJ(&exc_UserWarning);
    int ok = IS_TYPE(category) ? builtins_issubclass(category, MK_OBJ(&exc_Warning)) : 0;
    if (ok < 0) return VAL_NULL;
    if (!ok) return err_format(&exc_TypeError, "category must be a Warning subclass, not '%T'", category);
    return category;
}

int warn_at(Value message, Value category, int stacklevel, Value source) {
    category = warn_category(message, category);
    if (IS_NULL(category)) return -1;
    Value filename, module, registry;
    int lineno;
    if (warn_context(stacklevel, &filename, &lineno, &module, &registry) < 0) return -1;
    return warn_explicit(message, category, filename, lineno, module, registry, VAL_NULL, source);
}

/* interp.vm.warn: the runtime's err_warn. */
int warn_c(Type *category, Value message) { return warn_at(message, MK_OBJ(category), 1, VAL_NULL); }
