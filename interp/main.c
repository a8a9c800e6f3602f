/* main.c - the gilpy command line: run a file, -c CODE, or stdin.
 *
 * Exit statuses follow python3: 0 on success, 1 for an uncaught exception
 * (after printing its traceback), the SystemExit code for sys.exit(), 2 for
 * a usage error or a script that cannot be opened.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "../runtime/call.h"
#include "../runtime/error.h"
#include "../runtime/obj_dict.h"
#include "../runtime/obj_exc.h"
#include "../runtime/obj_file.h"
#include "../runtime/obj_int.h"
#include "../runtime/obj_list.h"
#include "../runtime/obj_misc.h"
#include "../runtime/obj_str.h"
#include "../runtime/runtime.h"
#include "../runtime/state.h"
#include "code.h"
#include "import.h"
#include "vm.h"

typedef struct Options {
    const char *command;        /* -c */
    const char *script;         /* FILE, or "-" for stdin */
    int argi;                   /* first argv index that belongs to sys.argv */
} Options;

static void usage(FILE *out, const char *prog) {
    fprintf(out, "usage: %s [option] ... [-c cmd | file | -] [arg] ...\n", prog);
}

static int parse_options(int argc, char **argv, Options *o) {
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || strcmp(a, "-") == 0) break;
        if (strcmp(a, "--") == 0) { i++; break; }
        if (strcmp(a, "-c") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "Argument expected for the -c option\n");
                usage(stderr, argv[0]);
                fprintf(stderr, "Try `python -h' for more information.\n");
                return -1;
            }
            o->command = argv[i + 1];
            o->argi = i + 1;
            return 0;
        }
        if (strcmp(a, "-u") == 0) { interp.flag_unbuffered = 1; continue; }
        if (strcmp(a, "-B") == 0 || strcmp(a, "-q") == 0) continue;
        if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
            printf("Python 3.11.7 (gilpy %s)\n", GILPY_VERSION);
            exit(0);
        }
        fprintf(stderr, "Unknown option: %s\n", a);
        usage(stderr, argv[0]);
        fprintf(stderr, "Try `python -h' for more information.\n");
        return -1;
    }
    if (i < argc) { o->script = argv[i]; o->argi = i; }
    else o->argi = argc;
    return 0;
}

static void setup_argv(int argc, char **argv, const Options *o) {
    Value l = list_new(4);
    if (o->command) {
        list_append(l, str_from_c("-c"));
        for (int i = o->argi + 1; i < argc; i++) list_append(l, str_from_c(argv[i]));
    } else if (o->script) {
        for (int i = o->argi; i < argc; i++) list_append(l, str_from_c(argv[i]));
    } else {
        list_append(l, str_empty());
    }
    interp.argv = l;
}

/* sys.path[0]: the script's directory ('' for -c and stdin), then GILPY_PATH. */
static void setup_path(const Options *o) {
    Value p = list_new(4);
    if (o->script && strcmp(o->script, "-") != 0) {
        char buf[PATH_MAX];
        const char *slash = strrchr(o->script, '/');
        if (slash) {
            size_t n = (size_t)(slash - o->script);
            if (n == 0) n = 1;
            snprintf(buf, sizeof buf, "%.*s", (int)n, o->script);
        } else {
            snprintf(buf, sizeof buf, ".");
        }
        char real[PATH_MAX];
        list_append(p, str_from_c(realpath(buf, real) ? real : buf));
    } else {
        list_append(p, str_empty());
    }
    const char *env = getenv("GILPY_PATH");
    if (env && !interp.flag_ignore_env) {
        char *copy = strdup(env);
        for (char *tok = strtok(copy, ":"); tok; tok = strtok(NULL, ":"))
            if (*tok) list_append(p, str_from_c(tok));
        free(copy);
    }
    interp.path = p;
}

/* os.path.abspath(path) into out (the main script's __file__ and code
 * filename are absolute in CPython 3.11). */
static void abspath(const char *path, char *out, size_t cap) {
    char buf[PATH_MAX * 2];
    if (path[0] == '/') snprintf(buf, sizeof buf, "%s", path);
    else {
        char cwd[PATH_MAX];
        if (!getcwd(cwd, sizeof cwd)) { snprintf(out, cap, "%s", path); return; }
        snprintf(buf, sizeof buf, "%s/%s", cwd, path);
    }
    /* normalise: drop empty and "." parts, let ".." remove the previous part */
    size_t n = 0;
    out[0] = 0;
    for (char *tok = strtok(buf, "/"); tok; tok = strtok(NULL, "/")) {
        if (strcmp(tok, ".") == 0) continue;
        if (strcmp(tok, "..") == 0) {
            while (n > 0 && out[n - 1] != '/') n--;
            if (n > 0) n--;
            out[n] = 0;
            continue;
        }
        int w = snprintf(out + n, cap - n, "/%s", tok);
        if (w < 0 || (size_t)w >= cap - n) break;
        n += (size_t)w;
    }
    if (n == 0) snprintf(out, cap, "/");
}

static char *read_all(FILE *f, size_t *len) {
    size_t cap = 8192, n = 0;
    char *buf = malloc(cap);
    size_t r;
    while (buf && (r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            cap *= 2;
            char *nb = realloc(buf, cap);
            if (!nb) { free(buf); return NULL; }
            buf = nb;
        }
    }
    *len = n;
    return buf;
}

/* The exit status for an uncaught SystemExit, printing its message. */
static int system_exit_status(Value exc) {
    Value code = exc_get_attr_c(exc, "code");
    if (IS_NONE(code)) return 0;
    if (IS_INT(code)) {
        int64_t c;
        if (int_to_i64(code, &c) < 0) { err_clear(); return -1; }
        return (int)(c & 0xff);
    }
    Value s = obj_str(code);
    if (IS_NULL(s)) { err_clear(); return 1; }
    file_flush_all();
    Value err = obj_getattr_c(interp.sys_module, "stderr");
    if (!IS_NULL(err) && !IS_NONE(err)) {
        Value line = str_format_c("%U\n", s);
        obj_call_method(err, "write", &line, 1);
    }
    err_clear();
    return 1;
}

/* Print an uncaught exception the way sys.excepthook would; the exit status. */
static int handle_uncaught(void) {
    Value exc = err_fetch();
    if (IS_EXC(exc) && type_is_subtype(val_type(exc), &exc_SystemExit)) return system_exit_status(exc);
    file_flush_all();
    Value hook = obj_getattr_c(interp.sys_module, "excepthook");
    if (IS_NULL(hook)) err_clear();
    if (IS_NULL(hook) || IS_NULL(call3(hook, MK_OBJ(val_type(exc)), exc, AS_EXC(exc)->traceback))) {
        err_clear();
        exc_print(exc);
    }
    return 1;
}

static int run_source_text(const char *src, size_t len, const char *filename) {
    Value fn = str_from_c(filename);
    Value code = compile_source(src, len, fn, PARSE_FILE);
    if (IS_NULL(code)) return handle_uncaught();
    Value d = MODULE_DICT(interp.main_module);
    if (strcmp(filename, "<string>") != 0 && strcmp(filename, "<stdin>") != 0) dict_set_c(d, "__file__", fn);
    Value r = vm_exec_code(AS_CODE(code), d, d);
    if (IS_NULL(r)) return handle_uncaught();
    return 0;
}

static int run_file(const char *path, const char *prog) {
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        int e = errno;
        fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", prog, path, e, strerror(e));
        return 2;
    }
    size_t len = 0;
    char *src = read_all(f, &len);
    if (f != stdin) fclose(f);
    if (!src) { fprintf(stderr, "%s: out of memory reading '%s'\n", prog, path); return 1; }
    char absolute[PATH_MAX];
    abspath(path, absolute, sizeof absolute);
    const char *name = strcmp(path, "-") == 0 ? "<stdin>" : absolute;
    if (import_check_source(src, len, absolute) < 0) {
        free(src);
        return handle_uncaught();
    }
    int rc = run_source_text(src, len, name);
    free(src);
    return rc;
}

/* Join non-daemon threads, flush files: what must happen before exit. */
void (*gilpy_at_exit_hook)(void);

int main(int argc, char **argv) {
    Options o = {0};
    if (parse_options(argc, argv, &o) < 0) return 2;
    interp.progname = argv[0];
    runtime_init();
    setup_argv(argc, argv, &o);
    setup_path(&o);
    vm_init();
    if (err_occurred()) { exc_print(err_fetch()); return 1; }
    int rc;
    if (o.command) rc = run_source_text(o.command, strlen(o.command), "<string>");
    else if (o.script) rc = run_file(o.script, argv[0]);
    else rc = run_file("-", argv[0]);
    if (gilpy_at_exit_hook) gilpy_at_exit_hook();
    interp.finalizing = 1;
    file_flush_all();
    fflush(stdout);
    return rc;
}
