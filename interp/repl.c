/* repl.c - the interactive loop (see repl.h).
 *
 * Design.  One statement is read as lines joined in a ReplBuf: after each
 * line the buffer is parsed (PARSE_SINGLE) only to decide whether more is
 * needed: the parser's ParseError.incomplete asks for a `... ` line (open
 * bracket, triple quote, `def f():` with no body yet), and a complete
 * compound statement (def, if, for, ...) waits for an empty line, as in
 * CPython.  Then the text is compiled again by compile_source, which raises
 * the SyntaxError when there is one, and run in the module namespace; the
 * compiler's PRINT_EXPR calls sys.displayhook (repr, builtins._).
 *
 * Reading.  With GNU readline (GILPY_HAVE_READLINE) and a terminal, lines
 * come from readline's callback interface driven by select(), as CPython
 * does.  Ctrl-C: runtime/signals.c's SIGINT handler (no SA_RESTART) cuts
 * select() or read() short; the REPL then runs the signal's Python-level
 * handler (sig_check), and a KeyboardInterrupt drops the line.  While code
 * runs, the VM raises KeyboardInterrupt itself and the REPL prints it.  Without readline, or
 * without a terminal (`gilpy -i` on a pipe), lines are read with read(2)
 * and the prompt goes to stderr.  The GIL is released while waiting, so
 * threads started at the prompt keep running; the Tab completer takes it
 * back while it looks at Python objects.
 *
 * Completion: keywords, globals and builtins for a plain word; for
 * `a.b.c` the dotted prefix is looked up (names and getattr only, nothing
 * is called except properties) and dir() gives the attributes.
 */
#include "repl.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <unistd.h>

#include "config.h"
#include "../runtime/call.h"
#include "../runtime/error.h"
#include "../runtime/gil.h"
#include "../runtime/obj_dict.h"
#include "../runtime/obj_exc.h"
#include "../runtime/obj_file.h"
#include "../runtime/obj_list.h"
#include "../runtime/obj_str.h"
#include "../runtime/signals.h"
#include "../runtime/state.h"
#include "code.h"
#include "vm.h"

#if GILPY_HAVE_READLINE
#define _FUNCTION_DEF   /* readline's obsolete `Function` typedef clashes with vm.h's */
#include <readline/history.h>
#include <readline/readline.h>
#endif

#define REPL_PY_VERSION "3.11.7"

typedef enum { REPL_LINE, REPL_EOF, REPL_INTERRUPT } ReplRead;

typedef struct ReplBuf {
    char  *s;
    size_t n, cap;
} ReplBuf;

static Value repl_globals;              /* the namespace the completer looks at */
static ThreadState *repl_released_ts;  /* set while the GIL is let go for a read */
static int repl_use_readline;

/* ---------------------------------------------------------------- banner */

void repl_banner(FILE *out) {
#if defined(__GNUC__) && !defined(__clang__)
    const char *cc = "GCC " __VERSION__;
#elif defined(__clang__)
    const char *cc = "Clang " __clang_version__;
#else
    const char *cc = "C";
#endif
    fprintf(out, "gilpy %s (Python %s) [%s] on linux, gil=%s\n", GILPY_VERSION, REPL_PY_VERSION, cc,
            gil_policy_names[gil_policy()]);
    fflush(out);
}

/* ---------------------------------------------------------------- buffer */

static void repl_buf_add(ReplBuf *b, const char *s, size_t n) {
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->n + n + 1) cap *= 2;
        char *ns = realloc(b->s, cap);
        if (!ns) abort();
        b->s = ns;
        b->cap = cap;
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

/* ---------------------------------------------------------------- plain reading */

/* A line from fd 0 without its newline (malloc'd), prompt on stderr. */
static ReplRead repl_read_plain(const char *prompt, char **out) {
    fputs(prompt, stderr);
    fflush(stderr);
    ReplBuf b = {0};
    repl_buf_add(&b, "", 0);
    for (;;) {
        char c;
        ssize_t r = read(0, &c, 1);
        if (r < 0 && errno == EINTR) {
            if (!sig_tripped()) continue;
            free(b.s);
            return REPL_INTERRUPT;
        }
        if (r <= 0) {
            if (b.n) break;
            free(b.s);
            return REPL_EOF;
        }
        if (c == '\n') break;
        repl_buf_add(&b, &c, 1);
    }
    *out = b.s;
    return REPL_LINE;
}

/* ---------------------------------------------------------------- readline */
#if GILPY_HAVE_READLINE

static char *repl_rl_line;
static int repl_rl_done;

static void repl_rl_handler(char *line) {
    repl_rl_line = line;
    repl_rl_done = 1;
    rl_callback_handler_remove();
}

static void repl_rl_cancel(void) {
    rl_free_line_state();
    rl_callback_sigcleanup();
    rl_cleanup_after_signal();
    rl_callback_handler_remove();
}

static ReplRead repl_read_rl(const char *prompt, char **out) {
    repl_rl_done = 0;
    repl_rl_line = NULL;
    rl_callback_handler_install(prompt, repl_rl_handler);
    while (!repl_rl_done) {
        fd_set fds;
        FD_ZERO(&fds);
        FD_SET(fileno(rl_instream), &fds);
        int r = select(fileno(rl_instream) + 1, &fds, NULL, NULL, NULL);
        if (r < 0 && errno == EINTR && sig_tripped()) {
            repl_rl_cancel();
            return REPL_INTERRUPT;
        }
        if (r > 0) rl_callback_read_char();
    }
    if (!repl_rl_line) return REPL_EOF;
    if (*repl_rl_line) add_history(repl_rl_line);
    *out = repl_rl_line;
    return REPL_LINE;
}

/* ---- completion ---- */

static const char *const repl_keywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
    "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
    "try", "while", "with", "yield", NULL,
};

typedef struct ReplMatches {
    char **items;
    size_t n, cap, next;
} ReplMatches;

static ReplMatches repl_matches;

static void repl_match_add(const char *prefix, const char *name, const char *suffix) {
    ReplMatches *m = &repl_matches;
    size_t len = strlen(prefix) + strlen(name) + strlen(suffix) + 1;
    char *s = malloc(len);
    if (!s) return;
    snprintf(s, len, "%s%s%s", prefix, name, suffix);
    for (size_t i = 0; i < m->n; i++)
        if (strcmp(m->items[i], s) == 0) { free(s); return; }
    if (m->n == m->cap) {
        m->cap = m->cap ? m->cap * 2 : 64;
        char **ni = realloc(m->items, m->cap * sizeof *ni);
        if (!ni) { free(s); return; }
        m->items = ni;
    }
    m->items[m->n++] = s;
}

static void repl_matches_clear(void) {
    for (size_t i = repl_matches.next; i < repl_matches.n; i++) free(repl_matches.items[i]);
    repl_matches.n = repl_matches.next = 0;
}

static int repl_is_callable(Value v) {
    return !IS_NULL(type_lookup_c(val_type(v), "__call__"));
}

/* Names of dict d starting with word (a callable gets "(" as in CPython). */
static void repl_complete_dict(Value d, const char *word) {
    int64_t pos = 0;
    Value k, v;
    size_t wl = strlen(word);
    while (IS_DICT(d) && dict_next(d, &pos, &k, &v)) {
        if (IS_STR(k) && strncmp(STR_DATA(k), word, wl) == 0)
            repl_match_add("", STR_DATA(k), repl_is_callable(v) ? "(" : "");
    }
}

static void repl_complete_word(const char *word) {
    size_t wl = strlen(word);
    for (const char *const *kw = repl_keywords; *kw; kw++)
        if (strncmp(*kw, word, wl) == 0) repl_match_add("", *kw, "");
    repl_complete_dict(repl_globals, word);
    repl_complete_dict(interp.builtins, word);
}

/* The object named by a dotted expression (names and attributes only). */
static Value repl_eval_dotted(const char *expr, size_t len) {
    char *copy = strndup(expr, len);
    if (!copy) return VAL_NULL;
    Value v = VAL_NULL;
    for (char *save = NULL, *part = strtok_r(copy, ".", &save); part; part = strtok_r(NULL, ".", &save)) {
        for (char *c = part; *c; c++)
            if (!(*c == '_' || (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9')))
                goto fail;
        if (IS_NULL(v)) {
            v = dict_get_c(repl_globals, part);
            if (IS_NULL(v)) v = dict_get_c(interp.builtins, part);
        } else {
            v = obj_getattr_opt(v, str_from_c(part));
        }
        if (IS_NULL(v)) goto fail;
    }
    free(copy);
    return v;
fail:
    free(copy);
    err_clear();
    return VAL_NULL;
}

/* `expr.attr`: expr's dir() entries starting with attr (rlcompleter's rules
 * for private names). */
static void repl_complete_attr(const char *text, const char *dot) {
    Value obj = repl_eval_dotted(text, (size_t)(dot - text));
    Value dirf = dict_get_c(interp.builtins, "dir");
    if (IS_NULL(obj) || IS_NULL(dirf)) return;
    Value names = call1(dirf, obj);
    if (IS_NULL(names) || !IS_LIST(names)) { err_clear(); return; }
    const char *attr = dot + 1;
    size_t al = strlen(attr);
    char *prefix = strndup(text, (size_t)(dot - text) + 1);
    for (int64_t i = 0; prefix && i < AS_LIST(names)->len; i++) {
        Value n = AS_LIST(names)->items[i];
        if (!IS_STR(n) || strncmp(STR_DATA(n), attr, al) != 0) continue;
        if ((al == 0 && STR_DATA(n)[0] == '_') || (al == 1 && attr[0] == '_' && STR_DATA(n)[1] == '_')) continue;
        Value v = obj_getattr_opt(obj, n);
        if (IS_NULL(v)) err_clear();
        repl_match_add(prefix, STR_DATA(n), !IS_NULL(v) && repl_is_callable(v) ? "(" : "");
    }
    free(prefix);
}

static char *repl_completion_generator(const char *text, int state) {
    if (state == 0) {
        repl_matches_clear();
        gil_blocking_end(repl_released_ts);
        const char *dot = strrchr(text, '.');
        if (dot) repl_complete_attr(text, dot);
        else repl_complete_word(text);
        err_clear();
        repl_released_ts = gil_blocking_begin(GIL_REASON_IO);
    }
    if (repl_matches.next >= repl_matches.n) return NULL;
    return repl_matches.items[repl_matches.next++];   /* readline frees it */
}

static char **repl_attempt_completion(const char *text, int start, int end) {
    rl_attempted_completion_over = 1;
    rl_completion_append_character = '\0';
    int blank = 1;
    for (int i = 0; i < start; i++) if (rl_line_buffer[i] != ' ' && rl_line_buffer[i] != '\t') blank = 0;
    if (!*text && blank) {
        rl_insert_text("\t");     /* a Tab at the start of a line indents */
        return NULL;
    }
    return rl_completion_matches(text, repl_completion_generator);
}

static char repl_histfile[4096];

static void repl_rl_init(void) {
    rl_readline_name = "gilpy";
    rl_catch_signals = 0;
    rl_attempted_completion_function = repl_attempt_completion;
    rl_completer_word_break_characters = " \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?";
    const char *h = interp.flag_ignore_env ? NULL : getenv("GILPY_HISTFILE");
    const char *home = getenv("HOME");
    if (h && *h) snprintf(repl_histfile, sizeof repl_histfile, "%s", h);
    else if (home) snprintf(repl_histfile, sizeof repl_histfile, "%s/.gilpy_history", home);
    if (*repl_histfile) read_history(repl_histfile);
}

static void repl_rl_done_session(void) {
    if (!*repl_histfile) return;
    stifle_history(1000);
    write_history(repl_histfile);
}

#endif /* GILPY_HAVE_READLINE */

/* ---------------------------------------------------------------- reading */

/* A signal cut the read: run its handler (runtime/signals.c).  1 when the
 * line must be dropped (KeyboardInterrupt, or another exception, printed). */
static int repl_signal_drops_line(void) {
    if (sig_check() == 0) return 0;
    Value exc = err_fetch();
    if (!IS_EXC(exc) || !type_is_subtype(val_type(exc), &exc_KeyboardInterrupt)) repl_print_exception(exc);
    return 1;
}

/* One line, the GIL released while waiting; Ctrl-C gives REPL_INTERRUPT. */
static ReplRead repl_read_line(const char *prompt, char **out) {
    for (;;) {
        file_flush_all();
        repl_released_ts = gil_blocking_begin(GIL_REASON_IO);
        ReplRead r = sig_tripped() ? REPL_INTERRUPT : REPL_EOF;
#if GILPY_HAVE_READLINE
        if (r != REPL_INTERRUPT && repl_use_readline) r = repl_read_rl(prompt, out);
#endif
        if (r != REPL_INTERRUPT && !repl_use_readline) r = repl_read_plain(prompt, out);
        gil_blocking_end(repl_released_ts);
        if (r != REPL_INTERRUPT || repl_signal_drops_line()) return r;
    }
}

/* sys.ps1 / sys.ps2 as text, set to the defaults when missing. */
static char *repl_prompt(const char *name, const char *dflt) {
    Value p = obj_getattr_opt(interp.sys_module, str_from_c(name));
    if (IS_NULL(p)) {
        err_clear();
        p = str_from_c(dflt);
        obj_setattr(interp.sys_module, str_from_c(name), p);
    }
    Value s = obj_str(p);
    if (IS_NULL(s)) { err_clear(); return strdup(dflt); }
    return strdup(STR_DATA(s));
}

/* ---------------------------------------------------------------- statements */

static int repl_is_compound(const Stmt *s) {
    switch (s->kind) {
    case S_FUNCTIONDEF: case S_ASYNCFUNCTIONDEF: case S_CLASSDEF: case S_FOR: case S_ASYNCFOR:
    case S_WHILE: case S_IF: case S_WITH: case S_ASYNCWITH: case S_MATCH: case S_TRY: case S_TRYSTAR:
        return 1;
    default:
        return 0;
    }
}

/* Does the buffer need another line?  last_blank: the last line was empty. */
static int repl_needs_more(const ReplBuf *b, int last_blank) {
    Arena a;
    ParseError err;
    FeGuard guard;
    volatile int more = 0;          /* out of memory: run it, and let the compiler say so */
    arena_init(&a);
    fe_guard_push(&guard);
    if (setjmp(guard.jb) == 0) {
        Module *m = parse_source(&a, b->s, b->n, PARSE_SINGLE, &err);
        if (m) more = !last_blank && m->body.len > 0 && repl_is_compound(m->body.items[0]);
        else if (!err.incomplete) more = 0;
        else more = !(last_blank && strncmp(err.msg, "expected an indented block", 26) == 0);
    }
    fe_guard_pop(&guard);
    arena_free(&a);
    return more;
}

static void repl_interrupted(void) {
    file_flush_all();
    fputs("\nKeyboardInterrupt\n", stderr);
    fflush(stderr);
}

/* Read a whole statement into b; REPL_LINE (possibly blank), EOF or interrupt. */
static ReplRead repl_read_statement(ReplBuf *b) {
    char *ps1 = repl_prompt("ps1", ">>> "), *ps2 = repl_prompt("ps2", "... ");
    ReplRead r;
    int first = 1;
    for (;;) {
        char *line = NULL;
        r = repl_read_line(first ? ps1 : ps2, &line);
        if (r == REPL_EOF && !first) r = REPL_LINE;   /* run what was typed */
        if (r != REPL_LINE || !line) break;
        int blank = line[strspn(line, " \t\f")] == '\0';
        repl_buf_add(b, line, strlen(line));
        repl_buf_add(b, "\n", 1);
        free(line);
        if ((first && blank) || !repl_needs_more(b, blank && !first)) break;
        first = 0;
    }
    free(ps1);
    free(ps2);
    return r;
}

void repl_print_exception(Value exc) {
    Value sys = interp.sys_module;
    file_flush_all();
    if (IS_OBJ(sys) && IS_EXC(exc)) {
        obj_setattr(sys, str_from_c("last_type"), MK_OBJ(val_type(exc)));
        obj_setattr(sys, str_from_c("last_value"), exc);
        obj_setattr(sys, str_from_c("last_traceback"), AS_EXC(exc)->traceback);
        err_clear();
    }
    Value hook = IS_OBJ(sys) ? obj_getattr_c(sys, "excepthook") : VAL_NULL;
    if (IS_NULL(hook)) err_clear();
    if (IS_NULL(hook) || IS_NULL(call3(hook, MK_OBJ(val_type(exc)), exc, AS_EXC(exc)->traceback))) {
        err_clear();
        exc_print(exc);
    }
    file_flush_all();
}

/* Compile and run one statement; -1 when SystemExit is pending. */
static int repl_exec(const ReplBuf *b, Value globals) {
    Value code = compile_source(b->s, b->n, str_from_c("<stdin>"), PARSE_SINGLE);
    if (!IS_NULL(code) && !IS_NULL(vm_exec_code(AS_CODE(code), globals, globals))) {
        file_flush_all();
        return 0;
    }
    Value exc = err_peek();
    if (IS_EXC(exc) && type_is_subtype(val_type(exc), &exc_SystemExit)) return -1;
    repl_print_exception(err_fetch());
    return 0;
}

int repl_run(Value globals) {
    repl_globals = globals;
    repl_use_readline = 0;
#if GILPY_HAVE_READLINE
    repl_use_readline = isatty(0) && isatty(1);
    if (repl_use_readline) repl_rl_init();
#endif
    int rc = 0;
    for (;;) {
        ReplBuf b = {0};
        ReplRead r = repl_read_statement(&b);
        if (r == REPL_INTERRUPT) repl_interrupted();
        else if (b.n && repl_exec(&b, globals) < 0) rc = -1;
        free(b.s);
        if (rc < 0) break;
        if (r == REPL_EOF) {
            if (isatty(0)) fputc('\n', stderr);
            break;
        }
    }
#if GILPY_HAVE_READLINE
    if (repl_use_readline) repl_rl_done_session();
#endif
    return rc;
}
