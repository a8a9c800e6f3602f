/* main.c - the gilpy command line: python3's options, then a file, -c CODE,
 * -m MODULE, stdin as a program, or the REPL (interp/repl.c).
 *
 * Design.  cli_parse reads the options exactly as CPython's getopt does:
 * short flags combine (`-qu`), an option's argument may be attached (`-cCODE`,
 * `-Wignore`) or the next word, `-c`/`-m` end the option list, `--` ends it
 * too, and the first non-option word is the script.  Parsing only fills a
 * CliOptions of C strings: nothing of the runtime exists yet.  Then, in
 * order: the interp flags (read by sys.flags and the file objects), the
 * runtime, sys.argv / sys.path / sys.warnoptions / sys._xoptions, the
 * interpreter (which builds sys from them), the run itself and finalization
 * (interp/lifecycle.c).
 *
 * Version.  `-V` prints "Python 3.11.7" exactly as python3 (scripts parse
 * that line); `-VV` prints "Python " + sys.version, which names gilpy.
 *
 * Exit statuses follow python3: 0 on success, 1 for an uncaught exception
 * (after printing its traceback), the SystemExit code for sys.exit(), 2 for
 * a usage error or a script that cannot be opened.
 */
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
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
#include "../runtime/state.h"
#include "code.h"
#include "import.h"
#include "importlib.h"
#include "source.h"
#include "lifecycle.h"
#include "modreg.h"
#include "repl.h"
#include "vm.h"


#define CLI_PY_VERSION "3.11.7"

typedef struct CliOptions {
    const char *command;        /* -c */
    const char *module;         /* -m */
    const char *script;         /* FILE, or "-" for stdin */
    int argi;                   /* argv index of sys.argv[0]'s source (-c, -m, FILE) */
    int version;                /* how many -V */
    int safe_path;              /* -P (or -I): no sys.path[0] */
    const char **warnopts;      /* -W values, in order */
    const char **xopts;         /* -X values, in order */
    int nwarn, nx;
} CliOptions;

/* ---------------------------------------------------------------- usage */

static void cli_usage_line(FILE *out, const char *prog) {
    fprintf(out, "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n", prog);
}

/* A usage error: message, usage line, hint; the caller exits 2. */
static int cli_usage_error(const char *prog, const char *fmt, const char *what) {
    fprintf(stderr, fmt, what);
    fputc('\n', stderr);
    cli_usage_line(stderr, prog);
    fprintf(stderr, "Try `gilpy -h' for more information.\n");
    return -1;
}

/* Keep in step with gilpy.1 (tools/check_man.py compares them). */
static const char cli_help_text[] =
    "Options (and corresponding environment variables):\n"
    "-b     : issue warnings about str(bytes_instance), str(bytearray_instance)\n"
    "         and comparing bytes/bytearray with str. (-bb: issue errors)\n"
    "-B     : don't write .pyc files on import; also PYTHONDONTWRITEBYTECODE=x\n"
    "-c cmd : program passed in as string (terminates option list)\n"
    "-E     : ignore GILPY_* environment variables (such as GILPY_PATH)\n"
    "-h     : print this help message and exit (also -? or --help)\n"
    "-i     : inspect interactively after running script; forces a prompt even\n"
    "         if stdin does not appear to be a terminal\n"
    "-I     : isolate gilpy from the user's environment (implies -E, -P and -s)\n"
    "-m mod : run library module as a script (terminates option list)\n"
    "-P     : don't prepend a potentially unsafe path to sys.path\n"
    "-q     : don't print version and copyright messages on interactive startup\n"
    "-s     : don't add user site directory to sys.path (accepted: there is none)\n"
    "-S     : don't imply 'import site' on initialization (accepted: there is none)\n"
    "-u     : force the stdout and stderr streams to be unbuffered;\n"
    "         this option has no effect on stdin\n"
    "-V     : print the Python version number and exit (also --version)\n"
    "         when given twice, print more information about the build\n"
    "-W arg : warning control; arg is action:message:category:module:lineno\n"
    "-X opt : set implementation-specific option: gil=NAME (GIL policy),\n"
    "         gilstats (print GIL statistics at exit), giltrace=FILE (GIL event trace),\n"
    "         dev (development mode: more warnings shown), faulthandler\n"
    "--     : end of options\n"
    "Arguments:\n"
    "file   : program read from script file\n"
    "-      : program read from stdin (default; interactive mode if a tty)\n"
    "arg ...: arguments passed to program in sys.argv[1:]\n"
    "\n"
    "Environment variables:\n"
    "GILPY_PATH     : ':'-separated list of directories searched for modules after\n"
    "                 the script's directory and before CPython's standard library\n"
    "GILPY_GIL      : the GIL policy (interval, ticks, ioprio or fifo); -X gil wins\n"
    "GILPY_HISTFILE : the REPL's history file (default ~/.gilpy_history)\n"
    "PYTHONUNBUFFERED: if this is set to a non-empty string it is equivalent to\n"
    "                 specifying the -u option\n"
    "PYTHONIOENCODING: encoding[:errors] used for stdin/stdout/stderr\n"
    "PYTHONFAULTHANDLER: dump the Python traceback on fatal errors\n"
    "PYTHONWARNINGS: warning control, as -W (comma-separated)\n"
    "PYTHONDEVMODE: enable the development mode, as -X dev\n"
    "PYTHONDONTWRITEBYTECODE: if this is set to a non-empty string it is equivalent\n"
    "                 to specifying the -B option\n";

static void cli_help(const char *prog) {
    cli_usage_line(stdout, prog);
    fputs(cli_help_text, stdout);
}

static void cli_version(int level) {
    if (level < 2) { printf("Python %s\n", CLI_PY_VERSION); return; }
#if defined(__clang__)
    const char *cc = "Clang " __clang_version__;
#elif defined(__GNUC__)
    const char *cc = "GCC " __VERSION__;
#else
    const char *cc = "C";
#endif
    printf("Python %s (gilpy %s, %s %s) [%s]\n", CLI_PY_VERSION, GILPY_VERSION, __DATE__, __TIME__, cc);
}

/* ---------------------------------------------------------------- option parsing */

/* A flag without argument; 0 if handled, 1 for -h (print help, exit 0), -1 unknown. */
static int cli_flag(char f, CliOptions *o) {
    switch (f) {
    case 'b': interp.flag_bytes_warning++; return 0;
    case 'B': interp.flag_no_bytecode = 1; return 0;
    case 'E': interp.flag_ignore_env = 1; return 0;
    case 'h': case '?': return 1;
    case 'i': interp.flag_inspect = 1; return 0;
    case 'I':
        interp.flag_isolated = interp.flag_ignore_env = interp.flag_no_user_site = 1;
        o->safe_path = interp.flag_safe_path = 1;
        return 0;
    case 'P': o->safe_path = interp.flag_safe_path = 1; return 0;
    case 'q': interp.flag_quiet = 1; return 0;
    case 's': interp.flag_no_user_site = 1; return 0;
    case 'S': return 0;
    case 'u': interp.flag_unbuffered = 1; return 0;
    case 'V': o->version++; return 0;
    default: return -1;
    }
}

/* An option taking an argument (c, m, W, X): store it.  1 if it ends the list. */
static int cli_option_arg(char f, const char *val, int i, CliOptions *o) {
    switch (f) {
    case 'c': o->command = val; o->argi = i; return 1;
    case 'm': o->module = val; o->argi = i; return 1;
    case 'W': o->warnopts[o->nwarn++] = val; return 0;
    default: o->xopts[o->nx++] = val; return 0;
    }
}

/* A long option; 0 handled, 1 help, -1 usage error. */
static int cli_long(const char *a, const char *prog, CliOptions *o) {
    if (strcmp(a, "--version") == 0) { o->version++; return 0; }
    if (strcmp(a, "--help") == 0) return 1;
    return cli_usage_error(prog, "unknown option %s", a);
}

/* One word of short options (argv[*i] without its '-'); may consume the
 * next word.  0 continue, 1 options end, 2 help, -1 usage error. */
static int cli_short(int argc, char **argv, int *i, CliOptions *o) {
    const char *prog = argv[0];
    for (const char *p = argv[*i] + 1; *p; p++) {
        if (strchr("cmWX", *p)) {
            const char *val = p[1] ? p + 1 : (*i + 1 < argc ? argv[++*i] : NULL);
            if (!val) {
                char msg[64];
                snprintf(msg, sizeof msg, "Argument expected for the -%c option", *p);
                return cli_usage_error(prog, "%s", msg);
            }
            return cli_option_arg(*p, val, *i, o);
        }
        int r = cli_flag(*p, o);
        if (r == 1) return 2;
        if (r < 0) {
            char opt[3] = {'-', *p, 0};
            return cli_usage_error(prog, "Unknown option: %s", opt);
        }
    }
    return 0;
}

/* 0: run; 1: exit 0 (help or version printed); -1: usage error (exit 2). */
static int cli_parse(int argc, char **argv, CliOptions *o) {
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || strcmp(a, "-") == 0) break;
        if (strcmp(a, "--") == 0) { i++; break; }
        int r = a[1] == '-' ? cli_long(a, argv[0], o) : cli_short(argc, argv, &i, o);
        if (r < 0) return -1;
        if (r == 2 || (r == 1 && a[1] == '-')) { cli_help(argv[0]); return 1; }
        if (r == 1) break;
    }
    if (o->version) { cli_version(o->version); return 1; }
    if (o->command || o->module) return 0;
    if (i < argc) { o->script = argv[i]; o->argi = i; }
    else o->argi = argc;
    return 0;
}

/* ---------------------------------------------------------------- sys setup */

static void cli_setup_argv(int argc, char **argv, const CliOptions *o) {
    Value l = list_new(4);
    int rest = o->argi + 1;
    if (o->command) list_append(l, str_from_c("-c"));
    else if (o->module) list_append(l, str_from_c("-m"));  /* the file once found */
    else if (o->script) list_append(l, str_fsdecode(argv[o->argi], strlen(argv[o->argi])));
    else { list_append(l, str_empty()); rest = argc; }
    /* arguments in the file system encoding, as CPython's: bytes that are not
     * UTF-8 come back as lone surrogates (os.fsencode(sys.argv[1]) is argv[1]) */
    for (int i = rest; i < argc; i++) list_append(l, str_fsdecode(argv[i], strlen(argv[i])));
    interp.argv = l;
}

/* sys.path[0] as python3 sets it: the script's real directory, the current
 * directory for -m, '' for -c, stdin and the REPL; none with -P / -I. */
static Value cli_path0(const CliOptions *o) {
    char buf[PATH_MAX], real[PATH_MAX];
    if (o->module) return str_from_c(getcwd(buf, sizeof buf) ? buf : ".");
    if (!o->script || strcmp(o->script, "-") == 0) return str_empty();
    const char *slash = strrchr(o->script, '/');
    if (slash) {
        size_t n = (size_t)(slash - o->script);
        snprintf(buf, sizeof buf, "%.*s", (int)(n ? n : 1), o->script);
    } else {
        snprintf(buf, sizeof buf, ".");
    }
    return str_from_c(realpath(buf, real) ? real : buf);
}

static void cli_setup_path(const CliOptions *o) {
    Value p = list_new(4);
    if (!o->safe_path) list_append(p, cli_path0(o));
    const char *env = getenv("GILPY_PATH");
    if (env && !interp.flag_ignore_env) {
        char *copy = strdup(env);
        for (char *tok = strtok(copy, ":"); tok; tok = strtok(NULL, ":"))
            if (*tok) list_append(p, str_from_c(tok));
        free(copy);
    }
    list_append(p, str_from_c(GILPY_CPYTHON_LIB));  /* CPython's library: also with -I and -E */
    interp.path = p;
}

/* sys.warnoptions from the lowest precedence to the highest, as CPython
 * builds it (warnings.py applies them in order, each in front of the
 * last): -X dev's "default", PYTHONWARNINGS (comma-separated), -W, -b/-bb. */
static void cli_setup_warnoptions(const CliOptions *o) {
    Value l = interp.warnoptions = list_new(o->nwarn);
    if (interp.flag_dev_mode) list_append(l, str_from_c("default"));
    const char *env = interp.flag_ignore_env ? NULL : getenv("PYTHONWARNINGS");
    if (env && *env) {
        char *copy = strdup(env), *save = NULL;
        for (char *tok = copy ? strtok_r(copy, ",", &save) : NULL; tok; tok = strtok_r(NULL, ",", &save))
            list_append(l, str_fsdecode(tok, strlen(tok)));
        free(copy);
    }
    for (int i = 0; i < o->nwarn; i++) list_append(l, str_fsdecode(o->warnopts[i], strlen(o->warnopts[i])));
    if (interp.flag_bytes_warning)
        list_append(l, str_from_c(interp.flag_bytes_warning > 1 ? "error::BytesWarning" : "default::BytesWarning"));
}

/* sys.warnoptions and sys._xoptions ("a=b" -> {'a': 'b'}, "a" -> {'a': True}). */
static void cli_setup_options(const CliOptions *o) {
    /* PYTHONUNBUFFERED (non-empty, unless -E/-I) is -u: what is printed before
     * os._exit or a crash is written, as in CPython */
    const char *unbuf = interp.flag_ignore_env ? NULL : getenv("PYTHONUNBUFFERED");
    if (unbuf && *unbuf) interp.flag_unbuffered = 1;
    const char *nobc = interp.flag_ignore_env ? NULL : getenv("PYTHONDONTWRITEBYTECODE");
    if (nobc && *nobc) interp.flag_no_bytecode = 1;       /* -B */
    interp.xoptions = dict_new();
    for (int i = 0; i < o->nx; i++) {
        const char *eq = strchr(o->xopts[i], '=');
        Value key = eq ? str_new(o->xopts[i], (size_t)(eq - o->xopts[i])) : str_from_c(o->xopts[i]);
        dict_set(interp.xoptions, key, eq ? str_from_c(eq + 1) : VAL_TRUE);
    }
    const char *dev = interp.flag_ignore_env ? NULL : getenv("PYTHONDEVMODE");
    interp.flag_dev_mode = (dev && *dev) || !IS_NULL(dict_get_c(interp.xoptions, "dev"));
    const char *nodr = interp.flag_ignore_env ? NULL : getenv("PYTHONNODEBUGRANGES");
    interp.flag_no_debug_ranges = (nodr && *nodr) || !IS_NULL(dict_get_c(interp.xoptions, "no_debug_ranges"));
    cli_setup_warnoptions(o);
}

/* -X faulthandler, PYTHONFAULTHANDLER (non-empty, unless -E/-I) or the
 * development mode: faulthandler.enable() before the program runs. */
static void cli_enable_faulthandler(void) {
    const char *env = interp.flag_ignore_env ? NULL : getenv("PYTHONFAULTHANDLER");
    if (!(env && *env) && IS_NULL(dict_get_c(interp.xoptions, "faulthandler")) && !interp.flag_dev_mode)
        return;
    Value m = import_module_c("faulthandler");
    if (IS_NULL(m) || IS_NULL(obj_call_method(m, "enable", NULL, 0))) exc_print(err_fetch());
}

/* ---------------------------------------------------------------- running */

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

/* Print an uncaught exception the way sys.excepthook would; the exit status.
 * With -i even SystemExit is only printed (python3 then enters the REPL). */
/* Set when the program ended by an uncaught KeyboardInterrupt: like python3,
 * gilpy then dies by SIGINT after finalizing, so a shell sees status 130. */
static int cli_died_of_sigint;

static int handle_uncaught(void) {
    Value exc = err_fetch();
    if (IS_EXC(exc) && type_is_subtype(val_type(exc), &exc_SystemExit) && !interp.flag_inspect)
        return system_exit_status(exc);
    if (IS_EXC(exc) && type_is_subtype(val_type(exc), &exc_KeyboardInterrupt)) cli_died_of_sigint = 1;
    repl_print_exception(exc);
    return 1;
}

static int run_source_text(const char *src, size_t len, const char *filename, int flags) {
    Value fn = str_from_c(filename);
    Value code = compile_source_flags(src, len, fn, PARSE_FILE, flags);
    if (IS_NULL(code)) return handle_uncaught();
    Value d = MODULE_DICT(interp.main_module);
    if (strcmp(filename, "<string>") != 0 && strcmp(filename, "<stdin>") != 0) {
        dict_set_c(d, "__file__", fn);
        dict_set_c(d, "__cached__", VAL_NONE);
    }
    Value r = vm_exec_code(AS_CODE(code), d, d);
    if (IS_NULL(r)) return handle_uncaught();
    return 0;
}

static int run_file(const char *path, const char *prog) {
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        int e = errno;
        char absolute[PATH_MAX];              /* python3 names the file by its absolute path */
        abspath(path, absolute, sizeof absolute);
        fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n", prog, absolute, e, strerror(e));
        return 2;
    }
    size_t len = 0;
    char *src = read_all(f, &len);
    if (f != stdin) fclose(f);
    if (!src) { fprintf(stderr, "%s: out of memory reading '%s'\n", prog, path); return 1; }
    char absolute[PATH_MAX];
    abspath(path, absolute, sizeof absolute);
    int is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "<stdin>" : absolute;
    char *owned;
    size_t tlen;
    int declared;
    /* stdin that is a pipe cannot switch encodings (CPython's fp_setreadl needs
     * to seek back); redirected from a file it can */
    SourceMode mode = is_stdin && lseek(0, 0, SEEK_CUR) < 0 ? SOURCE_STDIN : SOURCE_FILE;
    const char *text = source_decode(src, len, mode, VAL_NULL, &tlen, &owned, &declared);
    if (!text || (!declared && import_check_source(text, tlen, absolute) < 0)) {
        free(src);
        return handle_uncaught();
    }
    int rc = run_source_text(text, tlen, name, declared ? 0 : COMPILE_BYTE_OFFSETS);
    free(owned);
    free(src);
    return rc;
}

/* ---------------------------------------------------------------- -m MODULE */

/* Where -m finds a module's source: a file on sys.path (NAME.py, or a
 * package's __main__.py) or the embedded stdlib.  `path` gets the file name
 * (sys.argv[0], __file__); `src` is malloc'd. */
typedef struct CliModule {
    char path[PATH_MAX];
    char *src;
    size_t len;
    const char *package;        /* a package run through its __main__ (malloc'd), or NULL */
} CliModule;

static int cli_module_file(const char *dir, const char *rel, CliModule *m) {
    char p[PATH_MAX];
    snprintf(p, sizeof p, "%s/%s", *dir ? dir : ".", rel);
    FILE *f = fopen(p, "rb");
    if (!f) return 0;
    m->src = read_all(f, &m->len);
    fclose(f);
    abspath(p, m->path, sizeof m->path);
    return m->src != NULL;
}

static int cli_find_embedded(const char *name, CliModule *m) {
    char main_name[256];
    snprintf(main_name, sizeof main_name, "%s.__main__", name);
    /* a plain module runs as it is; a package runs its __main__ */
    const struct gilpy_embedded_module *e = import_find_embedded(name);
    int is_main = !e || e->is_package;
    if (is_main) e = import_find_embedded(main_name);
    if (!e) return 0;
    snprintf(m->path, sizeof m->path, "<frozen %s>", e->name);
    m->src = malloc(e->len + 1);
    if (!m->src) return 0;
    memcpy(m->src, e->source, e->len + 1);
    m->len = e->len;
    if (is_main) m->package = name;
    return 1;
}

static int cli_find_in_path(const char *name, CliModule *m) {
    char rel[PATH_MAX / 2], pkg[PATH_MAX];
    snprintf(rel, sizeof rel, "%s", name);
    for (char *c = rel; *c; c++) if (*c == '.') *c = '/';
    snprintf(pkg, sizeof pkg, "%s/__main__.py", rel);
    strncat(rel, ".py", sizeof rel - strlen(rel) - 1);
    for (int64_t i = 0; i < AS_LIST(interp.path)->len; i++) {
        Value d = AS_LIST(interp.path)->items[i];
        if (!IS_STR(d)) continue;
        /* the embedded stdlib comes just before CPython's, as for import */
        if (strcmp(STR_DATA(d), GILPY_CPYTHON_LIB) == 0 && cli_find_embedded(name, m)) return 1;
        if (cli_module_file(STR_DATA(d), rel, m)) return 1;
        if (cli_module_file(STR_DATA(d), pkg, m)) { m->package = name; return 1; }
    }
    return 0;
}

static int cli_is_builtin_module(const char *name) {
    if (strcmp(name, "sys") == 0 || strcmp(name, "builtins") == 0) return 1;
    return import_is_builtin_name(name);
}

/* Import the packages above a dotted name, as python3 does before -m runs it. */
static int cli_import_parents(const char *name) {
    const char *dot = strrchr(name, '.');
    if (!dot) return 0;
    Value parent = str_new(name, (size_t)(dot - name));
    return IS_NULL(import_module(parent)) ? -1 : 0;
}

/* Find the module; 0, or an exit status after printing python3's message. */
static int cli_locate_module(const char *name, const char *prog, CliModule *m) {
    if (cli_import_parents(name) < 0) return handle_uncaught();
    if (cli_find_in_path(name, m) || cli_find_embedded(name, m)) {
        /* a package runs its __init__ first, then __main__ as the program */
        if (m->package && IS_NULL(import_module_c(name))) return handle_uncaught();
        return 0;
    }
    if (cli_is_builtin_module(name)) fprintf(stderr, "%s: No code object available for %s\n", prog, name);
    else fprintf(stderr, "%s: No module named %s\n", prog, name);
    return 1;
}

static int cli_exec_module(const CliModule *m) {
    Value d = MODULE_DICT(interp.main_module);
    Value fn = str_from_c(m->path);
    dict_set_c(d, "__file__", fn);
    dict_set_c(d, "__package__", m->package ? str_from_c(m->package) : str_empty());
    if (imlib_attach_main_spec(interp.main_module) < 0) return handle_uncaught();
    Value code = compile_source(m->src, m->len, fn, PARSE_FILE);
    if (IS_NULL(code)) return handle_uncaught();
    if (IS_NULL(vm_exec_code(AS_CODE(code), d, d))) return handle_uncaught();
    return 0;
}

/* ---------------------------------------------------------------- main */


/* The REPL (after the program with -i): 0 at end of input, else the
 * SystemExit status. */
static int cli_interact(void) {
    file_flush_all();
    interp.flag_inspect = 0;          /* from here SystemExit ends the process */
    if (repl_run(MODULE_DICT(interp.main_module)) == 0) return 0;
    return handle_uncaught();
}

/* The program itself: a command, a module, a file, stdin, or the REPL. */
static int cli_run(const CliOptions *o, CliModule *mod, const char *prog) {
    int tty = isatty(0);
    if (o->command) return run_source_text(o->command, strlen(o->command), "<string>", 0);
    if (o->module) return cli_exec_module(mod);
    if (o->script) return run_file(o->script, prog);
    if (!tty && !interp.flag_inspect) return run_file("-", prog);
    if (!interp.flag_quiet) repl_banner(stderr);
    return cli_interact();
}

#if GILPY_BUILD_SANITIZED
/* Python code asks for absurd sizes on purpose ('x' * 10**12, '%*d' % (2**40,
 * 1)): a sanitized gilpy must get NULL from malloc and raise MemoryError as
 * the plain build does, not have the sanitizer report the request and exit.
 * ASAN_OPTIONS/TSAN_OPTIONS given in the environment still win. */
const char *__asan_default_options(void);
const char *__asan_default_options(void) { return "allocator_may_return_null=1"; }
const char *__tsan_default_options(void);
const char *__tsan_default_options(void) { return "allocator_may_return_null=1"; }
#endif

/* LC_CTYPE from the environment, as CPython sets it at start-up (the C
 * library's multibyte functions, readline's input); the plain "C" locale is
 * coerced to C.UTF-8 and LC_CTYPE exported for child processes, unless LC_ALL
 * is set or PYTHONCOERCECLOCALE=0 (PEP 538).  LC_NUMERIC stays "C" whatever
 * the program asks (stdlib/mod_locale.c). */
static void cli_setup_locale(void) {
    const char *cur = setlocale(LC_CTYPE, "");
    if (!cur || (strcmp(cur, "C") != 0 && strcmp(cur, "POSIX") != 0)) return;
    const char *all = getenv("LC_ALL"), *coerce = getenv("PYTHONCOERCECLOCALE");
    if ((all && *all) || (coerce && strcmp(coerce, "0") == 0)) return;
    static const char *const targets[] = {"C.UTF-8", "C.utf8", "UTF-8"};
    for (size_t i = 0; i < sizeof targets / sizeof targets[0]; i++) {
        if (setlocale(LC_CTYPE, targets[i])) {
            setenv("LC_CTYPE", targets[i], 1);
            return;
        }
    }
}

int main(int argc, char **argv) {
    CliOptions o = {0};
    cli_setup_locale();
    o.warnopts = calloc((size_t)argc, sizeof *o.warnopts);
    o.xopts = calloc((size_t)argc, sizeof *o.xopts);
    int pr = cli_parse(argc, argv, &o);
    if (pr != 0) {
        free(o.warnopts);
        free(o.xopts);
        return pr < 0 ? 2 : 0;
    }
    interp.progname = argv[0];
    interp.orig_argc = argc;
    interp.orig_argv = argv;
    lifecycle_start_runtime();
    cli_setup_options(&o);
    free(o.warnopts);               /* copied into sys.warnoptions and sys._xoptions */
    free(o.xopts);
    o.warnopts = o.xopts = NULL;
    cli_setup_path(&o);
    cli_setup_argv(argc, argv, &o);
    if (lifecycle_start_interpreter() < 0) { exc_print(err_fetch()); return 1; }
    CliModule mod = {0};
    int rc = o.module ? cli_locate_module(o.module, argv[0], &mod) : 0;
    if (rc) return rc;
    if (o.module) AS_LIST(interp.argv)->items[0] = str_from_c(mod.path);
    if (AS_LIST(interp.warnoptions)->len && IS_NULL(import_module_c("warnings"))) exc_print(err_fetch());
    cli_enable_faulthandler();
    int inspect = interp.flag_inspect;
    rc = cli_run(&o, &mod, argv[0]);
    if (inspect && (o.command || o.module || o.script)) rc = cli_interact();
    free(mod.src);
    if (lifecycle_finalize() < 0) rc = 120;     /* output lost: CPython's status */
    if (cli_died_of_sigint && !inspect) {
        signal(SIGINT, SIG_DFL);
        kill(getpid(), SIGINT);
    }
    return rc;
}
