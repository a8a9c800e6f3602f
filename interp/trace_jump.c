/* trace_jump.c - assigning frame.f_lineno from a trace function: a jump.
 *
 * A debugger (pdb's `jump`) moves a frame stopped at a 'line' event to the
 * start of another line, with CPython 3.11's rules and messages
 * (frame_setlineno):
 *
 *   - the target is the first line at or after the one asked for that has
 *     code ("line N comes after the current code block" when none);
 *   - a line that starts several times (a loop's condition, a `finally`
 *     compiled twice) may be entered at any of its starts whose stack fits;
 *   - the values on the stack where the frame stands must begin with those
 *     the target expects, kind by kind; the frame drops the others.
 *
 * The kinds of the stack's values, per instruction, come from a walk over
 * the bytecode (tj_flow) from the entry and from every handler a
 * SETUP_FINALLY makes reachable:
 *
 *   ITER  a `for` loop's iterator: jumping into a loop body is refused
 *   EXC   an exception a handler got; PREV  the exception that was handled
 *         before it (PUSH_EXC_INFO): jumping into an `except` block is
 *         refused, and leaving one puts PREV back as sys.exc_info()
 *   NULL  the empty callee slot of a call, OBJ  any other value
 *
 * A stack is kept as CPython keeps it, 3 bits a value in an int64 (up to
 * TJ_MAX values; deeper ones are "too deep to analyze").  Instructions no
 * path reaches have no line, as if the compiler had dropped them.
 *
 * The block stack (SETUP_FINALLY .. POP_BLOCK) is static too: each
 * instruction knows its innermost SETUP_FINALLY and each of those the one
 * around it, so after the jump the frame's blocks are rebuilt from the
 * target's.  Leaving a `with` or a `finally` this way runs neither the
 * exit nor the finally body, as in CPython.
 */
#include "trace.h"

#include <stdlib.h>

#include "../runtime/error.h"
#include "../runtime/obj_exc.h"
#include "opcodes.h"

enum { TJ_ITER = 1, TJ_EXC, TJ_OBJ, TJ_NULL, TJ_PREV };
enum { TJ_UNSET = -2, TJ_OVERFLOW = -1 };
#define TJ_BITS 3
#define TJ_MAX  20

static int64_t tj_push(int64_t s, int kind) {
    if (s < 0 || (s >> (TJ_BITS * (TJ_MAX - 1))) != 0) return TJ_OVERFLOW;
    return (s << TJ_BITS) | kind;
}
static int64_t tj_pop(int64_t s) { return s < 0 ? s : s >> TJ_BITS; }
static int     tj_top(int64_t s) { return (int)(s & ((1 << TJ_BITS) - 1)); }
/* The kind n values down (1: the top). */
static int     tj_nth(int64_t s, int n) { return tj_top(s >> (TJ_BITS * (n - 1))); }
static int tj_depth(int64_t s) {
    int n = 0;
    for (; s > 0; s >>= TJ_BITS) n++;
    return n;
}
static int64_t tj_cut(int64_t s, int depth) {
    while (s > 0 && tj_depth(s) > depth) s = tj_pop(s);
    return s;
}
static int64_t tj_swap(int64_t s, int n) {
    if (s < 0 || n < 2 || n > tj_depth(s)) return s;
    int a = tj_top(s), b = tj_nth(s, n), sh = TJ_BITS * (n - 1);
    s &= ~(((int64_t)7 << sh) | 7);
    return s | ((int64_t)a << sh) | b;
}

/* What tj_flow finds: per word index, the stack kinds before the
 * instruction (TJ_UNSET: not reached) and the innermost SETUP_FINALLY
 * active there (-1: none); per SETUP_FINALLY, the one around it. */
typedef struct {
    int64_t *stack;
    int32_t *block, *outer, *todo;
    int ntodo;
} TjFlow;

static void tj_reach(TjFlow *fl, int i, int64_t s, int block) {
    if (fl->stack[i] != TJ_UNSET) return;
    fl->stack[i] = s;
    fl->block[i] = block;
    fl->todo[fl->ntodo++] = i;
}

/* The successors of instruction i with their stacks and blocks. */
static void tj_step(TjFlow *fl, Code *co, int i) {
    uint32_t w = co->code[i];
    int op = INSTR_OP(w), arg = (int)INSTR_ARG(w), next = i + opcode_words[op], b = fl->block[i];
    int64_t s = fl->stack[i];
    switch (op) {
    case OPC_RETURN_VALUE: case OPC_RERAISE: case OPC_RAISE_VARARGS:
        return;
    case OPC_JUMP: case OPC_JUMP_BACKWARD:
        tj_reach(fl, arg, s, b);
        return;
    case OPC_POP_JUMP_IF_FALSE: case OPC_POP_JUMP_IF_TRUE:
        tj_reach(fl, arg, tj_pop(s), b);
        tj_reach(fl, next, tj_pop(s), b);
        return;
    case OPC_JUMP_IF_FALSE_OR_POP: case OPC_JUMP_IF_TRUE_OR_POP:
        tj_reach(fl, arg, s, b);
        tj_reach(fl, next, tj_pop(s), b);
        return;
    case OPC_FOR_ITER:
        tj_reach(fl, arg, tj_pop(s), b);
        tj_reach(fl, next, tj_push(s, TJ_OBJ), b);
        return;
    case OPC_SETUP_FINALLY:
        fl->outer[i] = b;
        tj_reach(fl, arg, tj_push(tj_cut(s, (int)co->code[i + 1]), TJ_EXC), b);
        tj_reach(fl, next, s, i);
        return;
    case OPC_POP_BLOCK:
        tj_reach(fl, next, s, b >= 0 ? fl->outer[b] : -1);
        return;
    case OPC_GET_ITER: case OPC_GET_AITER:
        s = tj_push(tj_pop(s), TJ_ITER);
        break;
    case OPC_PUSH_EXC_INFO:
        s = tj_push(tj_push(tj_pop(s), TJ_PREV), TJ_EXC);
        break;
    case OPC_PUSH_NULL:
        s = tj_push(s, TJ_NULL);
        break;
    case OPC_LOAD_METHOD:
        s = tj_push(tj_push(tj_pop(s), TJ_NULL), TJ_OBJ);
        break;
    case OPC_COPY:
        s = s < 0 ? s : tj_push(s, tj_nth(s, arg));
        break;
    case OPC_SWAP:
        s = tj_swap(s, arg);
        break;
    default: {
        /* values an instruction pushes over those it pops are new; one that
         * pushes as many as it pops or more keeps those (CHECK_EXC_MATCH's
         * exception, GET_ANEXT's async iterator) */
        int pops = opcode_pops(op, arg), pushes = opcode_pushes(op, arg);
        if (pushes >= pops) pushes -= pops, pops = 0;
        for (; pops > 0; pops--) s = tj_pop(s);
        for (; pushes > 0; pushes--) s = tj_push(s, TJ_OBJ);
        break;
    }
    }
    if (next < co->ncode) tj_reach(fl, next, s, b);
}

static int tj_flow(TjFlow *fl, Code *co) {
    int n = co->ncode;
    fl->stack = malloc(((size_t)n + 1) * sizeof(int64_t));
    fl->block = malloc(((size_t)n + 1) * sizeof(int32_t));
    fl->outer = malloc(((size_t)n + 1) * sizeof(int32_t));
    fl->todo = malloc(((size_t)n + 1) * sizeof(int32_t));
    fl->ntodo = 0;
    if (!fl->stack || !fl->block || !fl->outer || !fl->todo) { err_no_memory(); return -1; }
    for (int i = 0; i < n; i++) fl->stack[i] = TJ_UNSET, fl->block[i] = fl->outer[i] = -1;
    if (n > 0) tj_reach(fl, 0, 0, -1);
    while (fl->ntodo > 0) tj_step(fl, co, fl->todo[--fl->ntodo]);
    return 0;
}

static void tj_free(TjFlow *fl) {
    free(fl->stack);
    free(fl->block);
    free(fl->outer);
    free(fl->todo);
}

/* The line instruction i starts (0: none): the first reached instruction
 * of each run of one line, as CPython's line table has them. */
static int tj_line_start(Code *co, TjFlow *fl, int i, int *last) {
    int line = co->positions[i].lineno;
    if (fl->stack[i] == TJ_UNSET || line <= 0 || line == *last) return 0;
    *last = line;
    return line;
}

/* The smallest line >= line that starts somewhere, or -1. */
static int tj_first_line_not_before(Code *co, TjFlow *fl, int line) {
    int best = -1, last = -1;
    for (int i = 0; i < co->ncode; i += opcode_words[INSTR_OP(co->code[i])]) {
        int l = tj_line_start(co, fl, i, &last);
        if (l >= line && (best < 0 || l < best)) best = l;
    }
    return best;
}

static int tj_kind_fits(int from, int to) {
    if (to == TJ_OBJ) return from != TJ_NULL;
    if (to == TJ_NULL) return 1;
    return from == to;
}

/* Whether a frame whose stack is `from` may continue where `to` is expected:
 * `to` is the bottom of `from`, kind by kind. */
static int tj_fits(int64_t from, int64_t to) {
    if (from < 0 || to < 0 || tj_depth(to) > tj_depth(from)) return 0;
    from = tj_cut(from, tj_depth(to));
    for (; from > 0; from = tj_pop(from), to = tj_pop(to))
        if (!tj_kind_fits(tj_top(from), tj_top(to))) return 0;
    return to == 0;
}

static const char *tj_explain(int64_t to) {
    if (to == TJ_OVERFLOW) return "stack is too deep to analyze";
    if (to == TJ_UNSET) return "can't jump into an exception handler, or code may be unreachable";
    switch (tj_top(to)) {
    case TJ_EXC: case TJ_PREV: return "can't jump into an 'except' block as there's no exception";
    case TJ_ITER: return "can't jump into the body of a for loop";
    default: return "incompatible stacks";
    }
}

/* The instruction of `line` to continue at from stack `from` (the start
 * with the deepest stack that fits), or -1 with *msg saying why none fits. */
static int tj_pick(Code *co, TjFlow *fl, int line, int64_t from, const char **msg) {
    int best = -1, last = -1, err = -1;
    *msg = "cannot find bytecode for specified line";
    for (int i = 0; i < co->ncode; i += opcode_words[INSTR_OP(co->code[i])]) {
        if (tj_line_start(co, fl, i, &last) != line) continue;
        int64_t to = fl->stack[i];
        if (tj_fits(from, to)) {
            err = 0;
            if (best < 0 || tj_depth(to) > tj_depth(fl->stack[best])) best = i;
        } else if (err < 0) {
            if (from == TJ_OVERFLOW) *msg = "stack is too deep to analyze";
            else if (from == TJ_UNSET) *msg = "can't jump from unreachable code";
            else { *msg = tj_explain(to); err = 1; }
        }
    }
    return err == 0 ? best : -1;
}

/* Move f to instruction `to`: drop the values the target does not have (an
 * exception handled before, PREV, becomes sys.exc_info() again) and rebuild
 * the block stack the target runs in. */
static int tj_move(ThreadState *ts, Frame *f, TjFlow *fl, int64_t from, int to) {
    Code *co = f->code;
    int depth = tj_depth(fl->stack[to]);
    int nblocks = 0;
    for (int b = fl->block[to]; b >= 0; b = fl->outer[b]) nblocks++;
    if ((int)(f->sp - f->stack) != tj_depth(from) || nblocks > co->maxblocks) {
        err_format(&exc_ValueError, "incompatible stacks");
        return -1;
    }
    for (; tj_depth(from) > depth; from = tj_pop(from)) {
        Value v = *--f->sp;
        *f->sp = VAL_NULL;
        if (tj_top(from) == TJ_PREV) ts->handled_exc = IS_NONE(v) ? VAL_NULL : v;
    }
    f->nblocks = nblocks;
    for (int b = fl->block[to]; b >= 0; b = fl->outer[b]) {
        Block *blk = &f->blocks[--nblocks];
        blk->handler = (int32_t)INSTR_ARG(co->code[b]);
        blk->depth = (int32_t)co->code[b + 1];
    }
    f->ip = co->code + to;
    return 0;
}

int trace_jump(ThreadState *ts, Frame *f, int line, int at, int at_yield) {
    Code *co = f->code;
    TjFlow fl = { NULL, NULL, NULL, NULL, 0 };
    int r = -1;
    if (tj_flow(&fl, co) < 0) goto done;
    int target = tj_first_line_not_before(co, &fl, line);
    if (target < 0) {
        err_format(&exc_ValueError, "line %d comes after the current code block", line);
        goto done;
    }
    const char *msg;
    int64_t from = at_yield ? tj_pop(fl.stack[at]) : fl.stack[at];
    int to = tj_pick(co, &fl, target, from, &msg);
    if (to < 0) {
        err_format(&exc_ValueError, "%s", msg);
        goto done;
    }
    Value yielded = at_yield ? *--f->sp : VAL_NULL;   /* above what the target keeps */
    r = tj_move(ts, f, &fl, from, to);
    if (at_yield) {
        *f->sp++ = yielded;
        f->drop_sent = r == 0;
    }
done:
    tj_free(&fl);
    return r;
}
