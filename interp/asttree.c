/* asttree.c - `ast` node objects back into the parser's tree, so compile()
 * takes a tree a program built or changed (compile(tree, filename, mode)).
 *
 * The conversion reads each node as CPython's obj2ast functions do, with
 * their errors: positions first for the node kinds that carry them
 * ('required field "lineno" missing from stmt'), then the fields in _fields
 * order; a field of the wrong kind says 'expected some sort of expr, but got
 * ...'; a list field that is no list says 'Module field "body" must be a
 * list, not a Pass'.  It also validates what the parser guarantees and the
 * compiler relies on, with the messages of CPython's ast validator: contexts
 * (Store on assignment targets, Load elsewhere), equal lengths (Compare,
 * Dict, kw_defaults), non-empty bodies, Try's shape, constants of the types a
 * Constant may hold.  Nesting counts against the recursion limit, so a
 * cyclic or absurdly deep tree is a RecursionError, never a crash.
 *
 * Everything is allocated in one Arena freed after compiling; strings are
 * copied into it, so the objects may change afterwards.
 */
#include <math.h>
#include <string.h>

#include "../runtime/error.h"
#include "../runtime/obj_bytes.h"
#include "../runtime/obj_complex.h"
#include "../runtime/obj_float.h"
#include "../runtime/obj_int.h"
#include "../runtime/obj_list.h"
#include "../runtime/obj_str.h"
#include "../runtime/obj_type.h"
#include "ast.h"
#include "astnodes.h"
#include "astobj.h"
#include "code.h"

typedef struct { Arena *arena; } At;

static const char *const at_ctx_names[] = {"Load", "Store", "Del"};

/* ---- reading fields ------------------------------------------------------------------ */

/* Field `name` of node, or VAL_NONE when optional and missing or None. */
static Value at_field(Value node, const char *name, const char *owner, int optional) {
    Value v = obj_getattr_opt(node, str_intern_c(name));
    if (IS_NULL(v)) {
        if (err_occurred()) return VAL_NULL;
        if (optional) return VAL_NONE;
        return err_format(&exc_TypeError, "required field \"%s\" missing from %s", name, owner);
    }
    return v;
}

static Value at_list(Value node, const char *name, const char *owner) {
    Value v = at_field(node, name, owner, 0);
    if (IS_NULL(v)) return VAL_NULL;
    if (!IS_LIST(v)) return err_format(&exc_TypeError, "%s field \"%s\" must be a list, not a %T", owner, name, v);
    return seq_to_tuple(v);          /* a snapshot: conversion calls Python code (getattr) */
}

static int at_int_value(Value v, int *out) {
    int64_t i;
    if (!IS_INT(v) || int_to_i64(v, &i) < 0 || i < INT32_MIN || i > INT32_MAX) {
        err_clear();
        err_format(&exc_ValueError, "invalid integer value: %R", v);
        return -1;
    }
    *out = (int)i;
    return 0;
}

static int at_int(Value node, const char *name, const char *owner, int optional, int *out) {
    Value v = at_field(node, name, owner, optional);
    if (IS_NULL(v)) return -1;
    if (IS_NONE(v) && optional) { *out = 0; return 0; }
    return at_int_value(v, out);
}

static const char *at_str_copy(At *at, Value s) { return arena_strndup(at->arena, STR_DATA(s), (size_t)STR_LEN(s)); }

/* An identifier field: a str (None allowed when optional, giving NULL). */
static int at_ident(At *at, Value node, const char *name, const char *owner, int optional, const char **out) {
    Value v = at_field(node, name, owner, optional);
    if (IS_NULL(v)) return -1;
    if (IS_NONE(v) && optional) { *out = NULL; return 0; }
    if (IS_NONE(v)) { err_format(&exc_ValueError, "field '%s' is required for %s", name, owner); return -1; }
    if (!IS_STR(v)) { err_format(&exc_TypeError, "AST identifier must be of type str"); return -1; }
    *out = at_str_copy(at, v);
    return 0;
}

/* The positions of a node (end ones default to the start), checked as
 * CPython's validator checks them. */
static int at_span(Value node, const char *owner, Span *sp) {
    if (at_int(node, "lineno", owner, 0, &sp->lineno) < 0 || at_int(node, "col_offset", owner, 0, &sp->col) < 0)
        return -1;
    Value el = at_field(node, "end_lineno", owner, 1), ec = IS_NULL(el) ? VAL_NULL : at_field(node, "end_col_offset", owner, 1);
    if (IS_NULL(ec)) return -1;
    sp->end_lineno = sp->lineno, sp->end_col = sp->col;
    if ((!IS_NONE(el) && at_int_value(el, &sp->end_lineno) < 0) || (!IS_NONE(ec) && at_int_value(ec, &sp->end_col) < 0))
        return -1;
    return 0;
}

static int at_check_span(const Span *sp) {
    if (sp->lineno > sp->end_lineno)
        err_format(&exc_ValueError, "AST node line range (%d, %d) is not valid", sp->lineno, sp->end_lineno);
    else if ((sp->lineno < 0 && sp->end_lineno != sp->lineno) || (sp->col < 0 && sp->col != sp->end_col))
        err_format(&exc_ValueError, "AST node column range (%d, %d) for line range (%d, %d) is not valid",
                   sp->col, sp->end_col, sp->lineno, sp->end_lineno);
    else if (sp->lineno == sp->end_lineno && sp->col > sp->end_col)
        err_format(&exc_ValueError, "line %d, column %d-%d is not a valid range", sp->lineno, sp->col, sp->end_col);
    else
        return 0;
    return -1;
}

/* Which class of [first, last] node is an instance of; -1 (an error set) if none. */
static int at_kind(Value node, int first, int last, const char *what) {
    for (int k = first; k <= last; k++) {
        Value cls = astobj_class(k);
        if (IS_NULL(cls)) return -1;
        if (val_isinstance(node, AS_TYPE(cls))) return k;
    }
    err_format(&exc_TypeError, "expected some sort of %s, but got %R", what, node);
    return -1;
}

static int at_enter(const char *kind) {
    return obj_enter_recursion(kind[0] == 'e' ? " while traversing 'expr' node"
                               : kind[0] == 's' ? " while traversing 'stmt' node" : " while traversing 'pattern' node");
}

/* ---- expressions --------------------------------------------------------------------- */

static Expr *at_expr(At *at, Value v, ExprCtx ctx);

typedef void *(*AtConv)(At *at, Value v);
static void *at_stmt_v(At *at, Value v);
static void *at_pattern_any(At *at, Value v);

/* Each item of list field `name` through conv, into vec (NULL items allowed when nullable). */
static int at_vec(At *at, Value node, const char *name, const char *owner, AtConv conv, int nullable, PtrVec *vec) {
    Value items = at_list(node, name, owner);
    if (IS_NULL(items)) return -1;
    for (int64_t i = 0; i < AS_TUPLE(items)->len; i++) {
        Value it = AS_TUPLE(items)->items[i];
        void *p = NULL;
        if (IS_NONE(it) && !nullable) {
            err_format(&exc_ValueError, "None disallowed in %s list",
                       conv == at_stmt_v ? "statement" : conv == at_pattern_any ? "pattern" : "expression");
            return -1;
        }
        if (!IS_NONE(it) && !(p = conv(at, it))) return -1;
        ptrvec_push(at->arena, vec, p);
    }
    return 0;
}

static void *at_load_v(At *at, Value v) { return at_expr(at, v, CTX_LOAD); }

static int at_exprs(At *at, Value node, const char *name, const char *owner, PtrVec *vec) {
    return at_vec(at, node, name, owner, at_load_v, 0, vec);
}

/* An optional expression field (NULL for None). */
static int at_opt_expr(At *at, Value node, const char *name, const char *owner, Expr **out) {
    Value v = at_field(node, name, owner, 1);
    if (IS_NULL(v)) return -1;
    *out = IS_NONE(v) ? NULL : at_expr(at, v, CTX_LOAD);
    return IS_NONE(v) || *out ? 0 : -1;
}

static int at_req_expr(At *at, Value node, const char *name, const char *owner, ExprCtx ctx, Expr **out) {
    Value v = at_field(node, name, owner, 0);
    if (IS_NULL(v)) return -1;
    if (IS_NONE(v)) { err_format(&exc_ValueError, "field '%s' is required for %s", name, owner); return -1; }
    *out = at_expr(at, v, ctx);
    return *out ? 0 : -1;
}

static int at_ctx(Value node, const char *owner, ExprCtx *out) {
    Value v = at_field(node, "ctx", owner, 0);
    if (IS_NULL(v)) return -1;
    int k = at_kind(v, AST_Load, AST_Del, "expr_context");
    if (k < 0) return -1;
    *out = (ExprCtx)(k - AST_Load);
    return 0;
}

static int at_op(Value node, const char *name, const char *owner, int first, int last, const char *what) {
    Value v = at_field(node, name, owner, 0);
    if (IS_NULL(v)) return -1;
    int k = at_kind(v, first, last, what);
    return k < 0 ? -1 : k - first;
}

/* AST_Add.. order -> BinOpKind */
static const BinOpKind at_binops[] = {OP_ADD, OP_SUB, OP_MUL, OP_MATMUL, OP_TRUEDIV, OP_MOD, OP_POW,
                                      OP_LSHIFT, OP_RSHIFT, OP_BITOR, OP_BITXOR, OP_BITAND, OP_FLOORDIV};
static const UnaryOpKind at_unops[] = {UOP_INVERT, UOP_NOT, UOP_POS, UOP_NEG};
static const CmpOpKind at_cmpops[] = {CMP_EQ, CMP_NE, CMP_LT, CMP_LE, CMP_GT, CMP_GE,
                                      CMP_IS, CMP_IS_NOT, CMP_IN, CMP_NOT_IN};

static Expr *at_new_expr(At *at, ExprKind kind, const Span *sp) {
    Expr *e = arena_alloc(at->arena, sizeof(Expr));
    e->kind = kind;
    e->span = *sp;
    return e;
}

/* The items of a tuple or frozenset Constant must be constants themselves. */
static int at_check_constant(Value v) {
    if (IS_NONE(v) || IS_BOOL(v) || v == VAL_ELLIPSIS || IS_SMALLINT(v) || IS_FLOAT(v) ||
        IS_EXACT(v, type_int) || IS_EXACT(v, type_float) || IS_EXACT(v, type_complex) ||
        IS_EXACT(v, type_str) || IS_EXACT(v, type_bytes))
        return 0;
    if (!IS_EXACT(v, type_tuple) && !IS_EXACT(v, type_frozenset)) {
        err_format(&exc_TypeError, "got an invalid type in Constant: %T", v);
        return -1;
    }
    Value items = seq_to_tuple(v);
    if (IS_NULL(items) || obj_enter_recursion(" while validating a Constant") < 0) return -1;
    int r = 0;
    for (int64_t i = 0; r == 0 && i < AS_TUPLE(items)->len; i++) r = at_check_constant(AS_TUPLE(items)->items[i]);
    obj_leave_recursion();
    return r;
}

/* A Constant's value as the parser would have made it: negative numbers and
 * complex numbers with a real part become the operations that give them. */
static Expr *at_const_value(At *at, Value v, const Span *sp) {
    Expr *e = at_new_expr(at, E_CONSTANT, sp);
    if (IS_NONE(v)) e->u.constant.kind = CONST_NONE;
    else if (v == VAL_TRUE) e->u.constant.kind = CONST_TRUE;
    else if (v == VAL_FALSE) e->u.constant.kind = CONST_FALSE;
    else if (v == VAL_ELLIPSIS) e->u.constant.kind = CONST_ELLIPSIS;
    else if (IS_SMALLINT(v) || IS_EXACT(v, type_int)) {
        int neg = int_sign(v) < 0;
        Value text = int_repr(neg ? int_neg(v) : v);
        if (IS_NULL(text)) return NULL;
        e->u.constant.kind = CONST_INT;
        e->u.constant.s.data = at_str_copy(at, text);
        e->u.constant.s.len = (size_t)STR_LEN(text);
        e->u.constant.int_base = 10;
        if (neg) {
            Expr *u = at_new_expr(at, E_UNARYOP, sp);
            u->u.unaryop.op = UOP_NEG;
            u->u.unaryop.operand = e;
            return u;
        }
    } else if (IS_FLOAT(v) || IS_EXACT(v, type_float)) {
        double d = float_value(v);
        e->u.constant.kind = CONST_FLOAT;
        e->u.constant.f = d;
        if (signbit(d)) {
            e->u.constant.f = -d;
            Expr *u = at_new_expr(at, E_UNARYOP, sp);
            u->u.unaryop.op = UOP_NEG;
            u->u.unaryop.operand = e;
            return u;
        }
    } else if (IS_EXACT(v, type_complex)) {
        e->u.constant.kind = CONST_IMAG;
        e->u.constant.f = AS_COMPLEX(v)->im;
        double re = AS_COMPLEX(v)->re;
        if (re != 0.0 || signbit(re)) {
            Expr *b = at_new_expr(at, E_BINOP, sp);
            b->u.binop.left = at_const_value(at, MK_FLOAT(re), sp);
            b->u.binop.op = OP_ADD;
            b->u.binop.right = e;
            return b->u.binop.left ? b : NULL;
        }
    } else if (IS_EXACT(v, type_str) || IS_EXACT(v, type_bytes)) {
        e->u.constant.kind = IS_STR(v) ? CONST_STR : CONST_BYTES;
        const uint8_t *d = IS_STR(v) ? (const uint8_t *)STR_DATA(v) : AS_BYTES(v)->data;
        size_t n = IS_STR(v) ? (size_t)STR_LEN(v) : (size_t)AS_BYTES(v)->len;
        char *copy = arena_alloc(at->arena, n + 1);
        memcpy(copy, d, n);
        e->u.constant.s.data = copy;
        e->u.constant.s.len = n;
    } else if (IS_EXACT(v, type_tuple) || IS_EXACT(v, type_frozenset)) {
        if (at_check_constant(v) < 0) return NULL;
        e->u.constant.kind = CONST_OBJECT;
        e->u.constant.obj = v;
    } else {
        err_format(&exc_TypeError, "got an invalid type in Constant: %T", v);
        return NULL;
    }
    return e;
}

static Expr *at_constant(At *at, Value v, const Span *sp) {
    Value val = at_field(v, "value", "Constant", 0);
    Value kind = IS_NULL(val) ? VAL_NULL : at_field(v, "kind", "Constant", 1);
    if (IS_NULL(kind)) return NULL;
    Expr *e = at_const_value(at, val, sp);
    if (e && e->kind == E_CONSTANT && IS_STR(kind) && str_eq_c(kind, "u")) e->u.constant.u_prefix = 1;
    return e;
}

static void *at_keyword(At *at, Value v) {
    if (at_kind(v, AST_keyword, AST_keyword, "keyword") < 0) return NULL;
    Keyword *k = arena_alloc(at->arena, sizeof(Keyword));
    if (at_span(v, "keyword", &k->span) < 0 || at_ident(at, v, "arg", "keyword", 1, &k->name) < 0 ||
        at_req_expr(at, v, "value", "keyword", CTX_LOAD, &k->value) < 0)
        return NULL;
    return k;
}

static void *at_arg(At *at, Value v) {
    if (at_kind(v, AST_arg, AST_arg, "arg") < 0) return NULL;
    Arg *a = arena_alloc(at->arena, sizeof(Arg));
    if (at_span(v, "arg", &a->span) < 0 || at_ident(at, v, "arg", "arg", 0, &a->name) < 0 ||
        at_opt_expr(at, v, "annotation", "arg", &a->annotation) < 0)
        return NULL;
    return a;
}

static Arguments *at_arguments(At *at, Value v) {
    if (at_kind(v, AST_arguments, AST_arguments, "arguments") < 0) return NULL;
    Arguments *a = arena_alloc(at->arena, sizeof(Arguments));
    const char *o = "arguments";
    Value va = at_field(v, "vararg", o, 1), kwa = IS_NULL(va) ? VAL_NULL : at_field(v, "kwarg", o, 1);
    if (IS_NULL(kwa) || at_vec(at, v, "posonlyargs", o, at_arg, 0, &a->posonlyargs) < 0 ||
        at_vec(at, v, "args", o, at_arg, 0, &a->args) < 0 ||
        (!IS_NONE(va) && !(a->vararg = at_arg(at, va))) ||
        at_vec(at, v, "kwonlyargs", o, at_arg, 0, &a->kwonlyargs) < 0 ||
        at_vec(at, v, "kw_defaults", o, at_load_v, 1, &a->kw_defaults) < 0 ||
        (!IS_NONE(kwa) && !(a->kwarg = at_arg(at, kwa))) ||
        at_exprs(at, v, "defaults", o, &a->defaults) < 0)
        return NULL;
    if (a->defaults.len > a->posonlyargs.len + a->args.len) {
        err_format(&exc_ValueError, "more positional defaults than args on arguments");
        return NULL;
    }
    if (a->kw_defaults.len != a->kwonlyargs.len) {
        err_format(&exc_ValueError, "length of kwonlyargs is not the same as kw_defaults on arguments");
        return NULL;
    }
    return a;
}

static void *at_comprehension(At *at, Value v) {
    if (at_kind(v, AST_comprehension, AST_comprehension, "comprehension") < 0) return NULL;
    Comprehension *c = arena_alloc(at->arena, sizeof(Comprehension));
    const char *o = "comprehension";
    if (at_req_expr(at, v, "target", o, CTX_STORE, &c->target) < 0 ||
        at_req_expr(at, v, "iter", o, CTX_LOAD, &c->iter) < 0 || at_exprs(at, v, "ifs", o, &c->ifs) < 0 ||
        at_int(v, "is_async", o, 0, &c->is_async) < 0)
        return NULL;
    return c;
}

static int at_generators(At *at, Value v, const char *owner, PtrVec *gens) {
    if (at_vec(at, v, "generators", owner, at_comprehension, 0, gens) < 0) return -1;
    if (gens->len > 0) return 0;
    err_format(&exc_ValueError, "comprehension with no generators");
    return -1;
}

static int at_compare(At *at, Value v, Expr *e) {
    Value ops = at_list(v, "ops", "Compare");
    PtrVec comps = {0};
    if (IS_NULL(ops) || at_req_expr(at, v, "left", "Compare", CTX_LOAD, &e->u.compare.left) < 0 ||
        at_exprs(at, v, "comparators", "Compare", &comps) < 0)
        return -1;
    int n = (int)AS_TUPLE(ops)->len;
    if (comps.len == 0) { err_format(&exc_ValueError, "Compare with no comparators"); return -1; }
    if (n != comps.len) {
        err_format(&exc_ValueError, "Compare has a different number of comparators and operands");
        return -1;
    }
    e->u.compare.n = n;
    e->u.compare.ops = arena_alloc(at->arena, sizeof(CmpOpKind) * (size_t)n);
    e->u.compare.comparators = (Expr **)comps.items;
    for (int i = 0; i < n; i++) {
        int k = at_kind(AS_TUPLE(ops)->items[i], AST_Eq, AST_NotIn, "cmpop");
        if (k < 0) return -1;
        e->u.compare.ops[i] = at_cmpops[k - AST_Eq];
    }
    return 0;
}

/* The expression kinds that have a context: theirs must be the one wanted. */
static int at_check_ctx(ExprCtx have, ExprCtx want) {
    if (have == want) return 0;
    err_format(&exc_ValueError, "expression must have %s context but has %s instead",
               at_ctx_names[want], at_ctx_names[have]);
    return -1;
}

static int at_expr_body(At *at, Value v, int k, Expr *e, ExprCtx want) {
    const char *o = ast_kind_name(k);
    switch (k) {
    case AST_BoolOp: {
        int op = at_op(v, "op", o, AST_And, AST_Or, "boolop");
        if (op < 0 || at_exprs(at, v, "values", o, &e->u.boolop.values) < 0) return -1;
        e->u.boolop.op = op ? BOOL_OR : BOOL_AND;
        if (e->u.boolop.values.len < 2) { err_format(&exc_ValueError, "BoolOp with less than 2 values"); return -1; }
        return 0;
    }
    case AST_NamedExpr: {
        if (at_req_expr(at, v, "target", o, CTX_STORE, &e->u.namedexpr.target) < 0 ||
            at_req_expr(at, v, "value", o, CTX_LOAD, &e->u.namedexpr.value) < 0)
            return -1;
        if (e->u.namedexpr.target->kind != E_NAME) {
            err_format(&exc_TypeError, "NamedExpr target must be a Name");
            return -1;
        }
        return 0;
    }
    case AST_BinOp: {
        int op = at_op(v, "op", o, AST_Add, AST_FloorDiv, "operator");
        if (op < 0 || at_req_expr(at, v, "left", o, CTX_LOAD, &e->u.binop.left) < 0 ||
            at_req_expr(at, v, "right", o, CTX_LOAD, &e->u.binop.right) < 0)
            return -1;
        e->u.binop.op = at_binops[op];
        return 0;
    }
    case AST_UnaryOp: {
        int op = at_op(v, "op", o, AST_Invert, AST_USub, "unaryop");
        if (op < 0 || at_req_expr(at, v, "operand", o, CTX_LOAD, &e->u.unaryop.operand) < 0) return -1;
        e->u.unaryop.op = at_unops[op];
        return 0;
    }
    case AST_Lambda: {
        Value a = at_field(v, "args", o, 0);
        if (IS_NULL(a) || !(e->u.lambda.args = at_arguments(at, a))) return -1;
        return at_req_expr(at, v, "body", o, CTX_LOAD, &e->u.lambda.body);
    }
    case AST_IfExp:
        return at_req_expr(at, v, "test", o, CTX_LOAD, &e->u.ifexp.test) < 0 ||
               at_req_expr(at, v, "body", o, CTX_LOAD, &e->u.ifexp.body) < 0 ||
               at_req_expr(at, v, "orelse", o, CTX_LOAD, &e->u.ifexp.orelse) < 0 ? -1 : 0;
    case AST_Dict:
        if (at_vec(at, v, "keys", o, at_load_v, 1, &e->u.dict.keys) < 0 ||
            at_exprs(at, v, "values", o, &e->u.dict.values) < 0)
            return -1;
        if (e->u.dict.keys.len != e->u.dict.values.len) {
            err_format(&exc_ValueError, "Dict doesn't have the same number of keys as values");
            return -1;
        }
        return 0;
    case AST_Set: return at_exprs(at, v, "elts", o, &e->u.set.elts);
    case AST_ListComp: case AST_SetComp: case AST_GeneratorExp:
        return at_generators(at, v, o, &e->u.comp.generators) < 0 ? -1
             : at_req_expr(at, v, "elt", o, CTX_LOAD, &e->u.comp.elt);
    case AST_DictComp:
        return at_generators(at, v, o, &e->u.comp.generators) < 0 ||
               at_req_expr(at, v, "key", o, CTX_LOAD, &e->u.comp.elt) < 0 ? -1
             : at_req_expr(at, v, "value", o, CTX_LOAD, &e->u.comp.value);
    case AST_Await: return at_req_expr(at, v, "value", o, CTX_LOAD, &e->u.await_.value);
    case AST_Yield: return at_opt_expr(at, v, "value", o, &e->u.yield.value);
    case AST_YieldFrom: return at_req_expr(at, v, "value", o, CTX_LOAD, &e->u.yield.value);
    case AST_Compare: return at_compare(at, v, e);
    case AST_Call:
        return at_req_expr(at, v, "func", o, CTX_LOAD, &e->u.call.func) < 0 ||
               at_exprs(at, v, "args", o, &e->u.call.args) < 0 ||
               at_vec(at, v, "keywords", o, at_keyword, 0, &e->u.call.keywords) < 0 ? -1 : 0;
    case AST_FormattedValue: {
        int conv;
        if (at_req_expr(at, v, "value", o, CTX_LOAD, &e->u.formatted.value) < 0 ||
            at_int(v, "conversion", o, 0, &conv) < 0 ||
            at_opt_expr(at, v, "format_spec", o, &e->u.formatted.format_spec) < 0)
            return -1;
        e->u.formatted.conversion = conv == 's' || conv == 'r' || conv == 'a' ? conv : -1;
        return 0;
    }
    case AST_JoinedStr: return at_exprs(at, v, "values", o, &e->u.joinedstr.values);
    case AST_Attribute:
        if (at_req_expr(at, v, "value", o, CTX_LOAD, &e->u.attribute.value) < 0 ||
            at_ident(at, v, "attr", o, 0, &e->u.attribute.attr) < 0 || at_ctx(v, o, &e->u.attribute.ctx) < 0)
            return -1;
        return at_check_ctx(e->u.attribute.ctx, want);
    case AST_Subscript:
        if (at_req_expr(at, v, "value", o, CTX_LOAD, &e->u.subscript.value) < 0 ||
            at_req_expr(at, v, "slice", o, CTX_LOAD, &e->u.subscript.slice) < 0 ||
            at_ctx(v, o, &e->u.subscript.ctx) < 0)
            return -1;
        return at_check_ctx(e->u.subscript.ctx, want);
    case AST_Starred:
        if (at_ctx(v, o, &e->u.starred.ctx) < 0 || at_check_ctx(e->u.starred.ctx, want) < 0) return -1;
        return at_req_expr(at, v, "value", o, want, &e->u.starred.value);
    case AST_Name:
        if (at_ident(at, v, "id", o, 0, &e->u.name.id) < 0 || at_ctx(v, o, &e->u.name.ctx) < 0) return -1;
        if (!strcmp(e->u.name.id, "None") || !strcmp(e->u.name.id, "True") || !strcmp(e->u.name.id, "False")) {
            err_format(&exc_ValueError, "identifier field can't represent '%s' constant", e->u.name.id);
            return -1;
        }
        return at_check_ctx(e->u.name.ctx, want);
    case AST_List: case AST_Tuple: {
        if (at_ctx(v, o, &e->u.list.ctx) < 0 || at_check_ctx(e->u.list.ctx, want) < 0) return -1;
        Value items = at_list(v, "elts", o);
        if (IS_NULL(items)) return -1;
        for (int64_t i = 0; i < AS_TUPLE(items)->len; i++) {
            if (IS_NONE(AS_TUPLE(items)->items[i])) {
                err_format(&exc_ValueError, "None disallowed in expression list");
                return -1;
            }
            Expr *x = at_expr(at, AS_TUPLE(items)->items[i], want);
            if (!x) return -1;
            ptrvec_push(at->arena, &e->u.list.elts, x);
        }
        return 0;
    }
    case AST_Slice:
        return at_opt_expr(at, v, "lower", o, &e->u.slice.lower) < 0 ||
               at_opt_expr(at, v, "upper", o, &e->u.slice.upper) < 0 ||
               at_opt_expr(at, v, "step", o, &e->u.slice.step) < 0 ? -1 : 0;
    }
    err_format(&exc_SystemError, "unexpected expression node");
    return -1;
}

static const ExprKind at_expr_kinds[] = {
    [AST_BoolOp - AST_BoolOp] = E_BOOLOP, [AST_NamedExpr - AST_BoolOp] = E_NAMEDEXPR,
    [AST_BinOp - AST_BoolOp] = E_BINOP, [AST_UnaryOp - AST_BoolOp] = E_UNARYOP,
    [AST_Lambda - AST_BoolOp] = E_LAMBDA, [AST_IfExp - AST_BoolOp] = E_IFEXP,
    [AST_Dict - AST_BoolOp] = E_DICT, [AST_Set - AST_BoolOp] = E_SET,
    [AST_ListComp - AST_BoolOp] = E_LISTCOMP, [AST_SetComp - AST_BoolOp] = E_SETCOMP,
    [AST_DictComp - AST_BoolOp] = E_DICTCOMP, [AST_GeneratorExp - AST_BoolOp] = E_GENEXP,
    [AST_Await - AST_BoolOp] = E_AWAIT, [AST_Yield - AST_BoolOp] = E_YIELD,
    [AST_YieldFrom - AST_BoolOp] = E_YIELDFROM, [AST_Compare - AST_BoolOp] = E_COMPARE,
    [AST_Call - AST_BoolOp] = E_CALL, [AST_FormattedValue - AST_BoolOp] = E_FORMATTEDVALUE,
    [AST_JoinedStr - AST_BoolOp] = E_JOINEDSTR, [AST_Constant - AST_BoolOp] = E_CONSTANT,
    [AST_Attribute - AST_BoolOp] = E_ATTRIBUTE, [AST_Subscript - AST_BoolOp] = E_SUBSCRIPT,
    [AST_Starred - AST_BoolOp] = E_STARRED, [AST_Name - AST_BoolOp] = E_NAME,
    [AST_List - AST_BoolOp] = E_LIST, [AST_Tuple - AST_BoolOp] = E_TUPLE, [AST_Slice - AST_BoolOp] = E_SLICE,
};

static int at_has_ctx(int k) {
    return k == AST_Attribute || k == AST_Subscript || k == AST_Starred || k == AST_Name || k == AST_List ||
           k == AST_Tuple;
}

static Expr *at_expr(At *at, Value v, ExprCtx want) {
    Span sp;
    if (at_span(v, "expr", &sp) < 0) return NULL;
    int k = at_kind(v, AST_BoolOp, AST_Slice, "expr");
    if (k < 0 || at_check_span(&sp) < 0) return NULL;
    if (want != CTX_LOAD && !at_has_ctx(k)) {
        err_format(&exc_ValueError, "expression which can't be assigned to in %s context", at_ctx_names[want]);
        return NULL;
    }
    if (at_enter("expr") < 0) return NULL;
    Expr *e;
    if (k == AST_Constant) e = at_constant(at, v, &sp);
    else {
        e = at_new_expr(at, at_expr_kinds[k - AST_BoolOp], &sp);
        if (at_expr_body(at, v, k, e, want) < 0) e = NULL;
    }
    obj_leave_recursion();
    return e;
}

/* ---- patterns -------------------------------------------------------------------------- */

static Pattern *at_pattern(At *at, Value v, int star_ok);
static void *at_pattern_v(At *at, Value v) { return at_pattern(at, v, 0); }
static void *at_pattern_any(At *at, Value v) { return at_pattern(at, v, 1); }

static void *at_ident_v(At *at, Value v) {
    if (!IS_STR(v)) { err_format(&exc_TypeError, "AST identifier must be of type str"); return NULL; }
    return (void *)at_str_copy(at, v);
}

/* A name a pattern binds: not '_' (the wildcard is None), not True/False/None. */
static int at_capture(const char *name) {
    if (!name) return 0;
    if (!strcmp(name, "_")) { err_format(&exc_ValueError, "can't capture name '_' in patterns"); return -1; }
    if (!strcmp(name, "None") || !strcmp(name, "True") || !strcmp(name, "False")) {
        err_format(&exc_ValueError, "identifier field can't represent '%s' constant", name);
        return -1;
    }
    return 0;
}

static int at_is_number(const Expr *e, int imag) {
    if (e->kind != E_CONSTANT) return 0;
    ConstKind k = e->u.constant.kind;
    return imag ? k == CONST_IMAG : k == CONST_INT || k == CONST_FLOAT;
}

/* What a value pattern may hold: a literal (not None, a bool or Ellipsis), an
 * attribute lookup, a negated number, a complex literal, an f-string. */
static int at_match_value(const Expr *e) {
    switch (e->kind) {
    case E_CONSTANT:
        if (e->u.constant.kind >= CONST_INT && e->u.constant.kind <= CONST_BYTES) return 0;
        err_format(&exc_ValueError, "unexpected constant inside of a literal pattern");
        return -1;
    case E_ATTRIBUTE: case E_JOINEDSTR: return 0;
    case E_UNARYOP:
        if (e->u.unaryop.op == UOP_NEG && (at_is_number(e->u.unaryop.operand, 0) || at_is_number(e->u.unaryop.operand, 1)))
            return 0;
        break;
    case E_BINOP: {
        const Expr *l = e->u.binop.left;
        if (l->kind == E_UNARYOP && l->u.unaryop.op == UOP_NEG) l = l->u.unaryop.operand;
        if ((e->u.binop.op == OP_ADD || e->u.binop.op == OP_SUB) && at_is_number(l, 0) &&
            at_is_number(e->u.binop.right, 1))
            return 0;
        break;
    }
    default: break;
    }
    err_format(&exc_ValueError, "patterns may only match literals and attribute lookups");
    return -1;
}

static int at_match_class(const Expr *cls) {
    while (cls->kind == E_ATTRIBUTE) cls = cls->u.attribute.value;
    if (cls->kind == E_NAME) return 0;
    err_format(&exc_ValueError, "MatchClass cls field can only contain Name or Attribute nodes.");
    return -1;
}

static int at_pattern_body(At *at, Value v, int k, Pattern *p) {
    const char *o = ast_kind_name(k);
    switch (k) {
    case AST_MatchValue:
        p->kind = P_VALUE;
        return at_req_expr(at, v, "value", o, CTX_LOAD, &p->u.value.value) < 0 ? -1 : at_match_value(p->u.value.value);
    case AST_MatchSingleton: {
        Value c = at_field(v, "value", o, 1);
        if (IS_NULL(c)) return -1;
        if (!IS_NONE(c) && c != VAL_TRUE && c != VAL_FALSE) {
            err_format(&exc_ValueError, "MatchSingleton can only contain True, False and None");
            return -1;
        }
        p->kind = P_SINGLETON;
        p->u.singleton.value = IS_NONE(c) ? CONST_NONE : c == VAL_TRUE ? CONST_TRUE : CONST_FALSE;
        return 0;
    }
    case AST_MatchSequence:
        p->kind = P_SEQUENCE;
        return at_vec(at, v, "patterns", o, at_pattern_any, 0, &p->u.seq.patterns);
    case AST_MatchOr:
        p->kind = P_OR;
        if (at_vec(at, v, "patterns", o, at_pattern_v, 0, &p->u.seq.patterns) < 0) return -1;
        if (p->u.seq.patterns.len < 2) {
            err_format(&exc_ValueError, "MatchOr requires at least 2 patterns");
            return -1;
        }
        return 0;
    case AST_MatchMapping:
        p->kind = P_MAPPING;
        if (at_exprs(at, v, "keys", o, &p->u.mapping.keys) < 0 ||
            at_vec(at, v, "patterns", o, at_pattern_v, 0, &p->u.mapping.patterns) < 0 ||
            at_ident(at, v, "rest", o, 1, &p->u.mapping.rest) < 0)
            return -1;
        if (p->u.mapping.keys.len != p->u.mapping.patterns.len) {
            err_format(&exc_ValueError, "MatchMapping doesn't have the same number of keys as patterns");
            return -1;
        }
        if (at_capture(p->u.mapping.rest) < 0) return -1;
        for (int i = 0; i < p->u.mapping.keys.len; i++) {
            const Expr *key = p->u.mapping.keys.items[i];
            if (key->kind == E_CONSTANT && key->u.constant.kind <= CONST_FALSE) continue;   /* None, True, False */
            if (at_match_value(key) < 0) return -1;
        }
        return 0;
    case AST_MatchClass:
        p->kind = P_CLASS;
        if (at_req_expr(at, v, "cls", o, CTX_LOAD, &p->u.cls.cls) < 0 || at_match_class(p->u.cls.cls) < 0 ||
            at_vec(at, v, "patterns", o, at_pattern_v, 0, &p->u.cls.patterns) < 0 ||
            at_vec(at, v, "kwd_attrs", o, at_ident_v, 0, &p->u.cls.kwd_attrs) < 0 ||
            at_vec(at, v, "kwd_patterns", o, at_pattern_v, 0, &p->u.cls.kwd_patterns) < 0)
            return -1;
        if (p->u.cls.kwd_attrs.len != p->u.cls.kwd_patterns.len) {
            err_format(&exc_ValueError, "MatchClass doesn't have the same number of keyword attributes as patterns");
            return -1;
        }
        for (int i = 0; i < p->u.cls.kwd_attrs.len; i++) {
            const char *a = p->u.cls.kwd_attrs.items[i];
            if (!strcmp(a, "None") || !strcmp(a, "True") || !strcmp(a, "False")) {
                err_format(&exc_ValueError, "identifier field can't represent '%s' constant", a);
                return -1;
            }
        }
        return 0;
    case AST_MatchStar:
        p->kind = P_STAR;
        return at_ident(at, v, "name", o, 1, &p->u.star.name) < 0 ? -1 : at_capture(p->u.star.name);
    case AST_MatchAs: {
        p->kind = P_AS;
        Value sub = at_field(v, "pattern", o, 1);
        if (IS_NULL(sub) || at_ident(at, v, "name", o, 1, &p->u.as.name) < 0 || at_capture(p->u.as.name) < 0)
            return -1;
        if (!IS_NONE(sub)) {
            if (!p->u.as.name) {
                err_format(&exc_ValueError, "MatchAs must specify a target name if a pattern is given");
                return -1;
            }
            if (!(p->u.as.pattern = at_pattern(at, sub, 0))) return -1;
        }
        return 0;
    }
    }
    err_format(&exc_SystemError, "unexpected pattern node");
    return -1;
}

static Pattern *at_pattern(At *at, Value v, int star_ok) {
    Pattern *p = arena_alloc(at->arena, sizeof(Pattern));
    if (at_span(v, "pattern", &p->span) < 0) return NULL;
    int k = at_kind(v, AST_MatchValue, AST_MatchOr, "pattern");
    if (k < 0) return NULL;
    if (k == AST_MatchStar && !star_ok) { err_format(&exc_ValueError, "can't use MatchStar here"); return NULL; }
    if (at_enter("pattern") < 0) return NULL;
    int r = at_pattern_body(at, v, k, p);
    obj_leave_recursion();
    return r < 0 ? NULL : p;
}

/* ---- statements ------------------------------------------------------------------------- */

static void *at_stmt(At *at, Value v);
static void *at_stmt_v(At *at, Value v) { return at_stmt(at, v); }

static int at_body(At *at, Value v, const char *name, const char *owner, PtrVec *body, int nonempty) {
    if (at_vec(at, v, name, owner, at_stmt_v, 0, body) < 0) return -1;
    if (!nonempty || body->len > 0) return 0;
    err_format(&exc_ValueError, "empty %s on %s", name, owner);
    return -1;
}

static void *at_store_v(At *at, Value v) { return at_expr(at, v, CTX_STORE); }
static void *at_del_v(At *at, Value v) { return at_expr(at, v, CTX_DEL); }

static void *at_alias(At *at, Value v) {
    if (at_kind(v, AST_alias, AST_alias, "alias") < 0) return NULL;
    Alias *a = arena_alloc(at->arena, sizeof(Alias));
    if (at_span(v, "alias", &a->span) < 0 || at_ident(at, v, "name", "alias", 0, &a->name) < 0 ||
        at_ident(at, v, "asname", "alias", 1, &a->asname) < 0)
        return NULL;
    return a;
}

static void *at_withitem(At *at, Value v) {
    if (at_kind(v, AST_withitem, AST_withitem, "withitem") < 0) return NULL;
    WithItem *w = arena_alloc(at->arena, sizeof(WithItem));
    Value vars = at_field(v, "optional_vars", "withitem", 1);
    if (IS_NULL(vars) || at_req_expr(at, v, "context_expr", "withitem", CTX_LOAD, &w->context_expr) < 0) return NULL;
    if (!IS_NONE(vars) && !(w->optional_vars = at_expr(at, vars, CTX_STORE))) return NULL;
    return w;
}

static void *at_handler(At *at, Value v) {
    if (at_kind(v, AST_ExceptHandler, AST_ExceptHandler, "excepthandler") < 0) return NULL;
    ExceptHandler *h = arena_alloc(at->arena, sizeof(ExceptHandler));
    const char *o = "ExceptHandler";
    if (at_span(v, "excepthandler", &h->span) < 0 || at_opt_expr(at, v, "type", o, &h->type) < 0 ||
        at_ident(at, v, "name", o, 1, &h->name) < 0 || at_body(at, v, "body", o, &h->body, 1) < 0)
        return NULL;
    return h;
}

static void *at_match_case(At *at, Value v) {
    if (at_kind(v, AST_match_case, AST_match_case, "match_case") < 0) return NULL;
    MatchCase *c = arena_alloc(at->arena, sizeof(MatchCase));
    Value p = at_field(v, "pattern", "match_case", 0);
    if (IS_NULL(p) || !(c->pattern = at_pattern(at, p, 0)) ||
        at_opt_expr(at, v, "guard", "match_case", &c->guard) < 0 || at_body(at, v, "body", "match_case", &c->body, 1) < 0)
        return NULL;
    return c;
}

static int at_try(At *at, Value v, const char *o, Stmt *s) {
    if (at_body(at, v, "body", o, &s->u.try_.body, 1) < 0 ||
        at_vec(at, v, "handlers", o, at_handler, 0, &s->u.try_.handlers) < 0 ||
        at_body(at, v, "orelse", o, &s->u.try_.orelse, 0) < 0 ||
        at_body(at, v, "finalbody", o, &s->u.try_.finalbody, 0) < 0)
        return -1;
    if (!s->u.try_.handlers.len && !s->u.try_.finalbody.len) {
        err_format(&exc_ValueError, "%s has neither except handlers nor finalbody", o);
        return -1;
    }
    if (!s->u.try_.handlers.len && s->u.try_.orelse.len) {
        err_format(&exc_ValueError, "%s has orelse but no except handlers", o);
        return -1;
    }
    return 0;
}

static int at_stmt_body(At *at, Value v, int k, Stmt *s) {
    const char *o = ast_kind_name(k);
    switch (k) {
    case AST_FunctionDef: case AST_AsyncFunctionDef: {
        s->kind = k == AST_FunctionDef ? S_FUNCTIONDEF : S_ASYNCFUNCTIONDEF;
        Value a = at_field(v, "args", o, 0);
        if (at_ident(at, v, "name", o, 0, &s->u.funcdef.name) < 0 || IS_NULL(a) ||
            !(s->u.funcdef.args = at_arguments(at, a)) || at_body(at, v, "body", o, &s->u.funcdef.body, 1) < 0 ||
            at_exprs(at, v, "decorator_list", o, &s->u.funcdef.decorators) < 0 ||
            at_opt_expr(at, v, "returns", o, &s->u.funcdef.returns) < 0)
            return -1;
        return 0;
    }
    case AST_ClassDef:
        s->kind = S_CLASSDEF;
        return at_ident(at, v, "name", o, 0, &s->u.classdef.name) < 0 ||
               at_exprs(at, v, "bases", o, &s->u.classdef.bases) < 0 ||
               at_vec(at, v, "keywords", o, at_keyword, 0, &s->u.classdef.keywords) < 0 ||
               at_body(at, v, "body", o, &s->u.classdef.body, 1) < 0 ||
               at_exprs(at, v, "decorator_list", o, &s->u.classdef.decorators) < 0 ? -1 : 0;
    case AST_Return: s->kind = S_RETURN; return at_opt_expr(at, v, "value", o, &s->u.ret.value);
    case AST_Delete:
        s->kind = S_DELETE;
        if (at_vec(at, v, "targets", o, at_del_v, 0, &s->u.del.targets) < 0) return -1;
        if (!s->u.del.targets.len) { err_format(&exc_ValueError, "empty targets on Delete"); return -1; }
        return 0;
    case AST_Assign:
        s->kind = S_ASSIGN;
        if (at_vec(at, v, "targets", o, at_store_v, 0, &s->u.assign.targets) < 0 ||
            at_req_expr(at, v, "value", o, CTX_LOAD, &s->u.assign.value) < 0)
            return -1;
        if (!s->u.assign.targets.len) { err_format(&exc_ValueError, "empty targets on Assign"); return -1; }
        return 0;
    case AST_AugAssign: {
        s->kind = S_AUGASSIGN;
        int op = at_op(v, "op", o, AST_Add, AST_FloorDiv, "operator");
        if (op < 0 || at_req_expr(at, v, "target", o, CTX_STORE, &s->u.augassign.target) < 0 ||
            at_req_expr(at, v, "value", o, CTX_LOAD, &s->u.augassign.value) < 0)
            return -1;
        s->u.augassign.op = at_binops[op];
        return 0;
    }
    case AST_AnnAssign:
        s->kind = S_ANNASSIGN;
        return at_req_expr(at, v, "target", o, CTX_STORE, &s->u.annassign.target) < 0 ||
               at_req_expr(at, v, "annotation", o, CTX_LOAD, &s->u.annassign.annotation) < 0 ||
               at_opt_expr(at, v, "value", o, &s->u.annassign.value) < 0 ||
               at_int(v, "simple", o, 0, &s->u.annassign.simple) < 0 ? -1 : 0;
    case AST_For: case AST_AsyncFor:
        s->kind = k == AST_For ? S_FOR : S_ASYNCFOR;
        return at_req_expr(at, v, "target", o, CTX_STORE, &s->u.for_.target) < 0 ||
               at_req_expr(at, v, "iter", o, CTX_LOAD, &s->u.for_.iter) < 0 ||
               at_body(at, v, "body", o, &s->u.for_.body, 1) < 0 ||
               at_body(at, v, "orelse", o, &s->u.for_.orelse, 0) < 0 ? -1 : 0;
    case AST_While: case AST_If:
        s->kind = k == AST_While ? S_WHILE : S_IF;
        return at_req_expr(at, v, "test", o, CTX_LOAD, &s->u.if_.test) < 0 ||
               at_body(at, v, "body", o, &s->u.if_.body, 1) < 0 ||
               at_body(at, v, "orelse", o, &s->u.if_.orelse, 0) < 0 ? -1 : 0;
    case AST_With: case AST_AsyncWith:
        s->kind = k == AST_With ? S_WITH : S_ASYNCWITH;
        if (at_vec(at, v, "items", o, at_withitem, 0, &s->u.with.items) < 0 ||
            at_body(at, v, "body", o, &s->u.with.body, 1) < 0)
            return -1;
        if (!s->u.with.items.len) { err_format(&exc_ValueError, "empty items on %s", o); return -1; }
        return 0;
    case AST_Match:
        s->kind = S_MATCH;
        if (at_req_expr(at, v, "subject", o, CTX_LOAD, &s->u.match.subject) < 0 ||
            at_vec(at, v, "cases", o, at_match_case, 0, &s->u.match.cases) < 0)
            return -1;
        if (!s->u.match.cases.len) { err_format(&exc_ValueError, "empty cases on Match"); return -1; }
        return 0;
    case AST_Raise:
        s->kind = S_RAISE;
        if (at_opt_expr(at, v, "exc", o, &s->u.raise.exc) < 0 || at_opt_expr(at, v, "cause", o, &s->u.raise.cause) < 0)
            return -1;
        if (s->u.raise.cause && !s->u.raise.exc) {
            err_format(&exc_ValueError, "Raise with cause but no exception");
            return -1;
        }
        return 0;
    case AST_Try: case AST_TryStar:
        s->kind = k == AST_Try ? S_TRY : S_TRYSTAR;
        return at_try(at, v, o, s);
    case AST_Assert:
        s->kind = S_ASSERT;
        return at_req_expr(at, v, "test", o, CTX_LOAD, &s->u.assert_.test) < 0 ? -1
             : at_opt_expr(at, v, "msg", o, &s->u.assert_.msg);
    case AST_Import:
        s->kind = S_IMPORT;
        if (at_vec(at, v, "names", o, at_alias, 0, &s->u.import.names) < 0) return -1;
        if (!s->u.import.names.len) { err_format(&exc_ValueError, "empty names on Import"); return -1; }
        return 0;
    case AST_ImportFrom:
        s->kind = S_IMPORTFROM;
        if (at_ident(at, v, "module", o, 1, &s->u.importfrom.module) < 0 ||
            at_vec(at, v, "names", o, at_alias, 0, &s->u.importfrom.names) < 0 ||
            at_int(v, "level", o, 1, &s->u.importfrom.level) < 0)
            return -1;
        if (s->u.importfrom.level < 0) { err_format(&exc_ValueError, "Negative ImportFrom level"); return -1; }
        if (!s->u.importfrom.names.len) { err_format(&exc_ValueError, "empty names on ImportFrom"); return -1; }
        return 0;
    case AST_Global: case AST_Nonlocal:
        s->kind = k == AST_Global ? S_GLOBAL : S_NONLOCAL;
        if (at_vec(at, v, "names", o, at_ident_v, 0, &s->u.global.names) < 0) return -1;
        if (!s->u.global.names.len) { err_format(&exc_ValueError, "empty names on %s", o); return -1; }
        return 0;
    case AST_Expr: s->kind = S_EXPR; return at_req_expr(at, v, "value", o, CTX_LOAD, &s->u.expr.value);
    case AST_Pass: s->kind = S_PASS; return 0;
    case AST_Break: s->kind = S_BREAK; return 0;
    case AST_Continue: s->kind = S_CONTINUE; return 0;
    }
    err_format(&exc_SystemError, "unexpected statement node");
    return -1;
}

static void *at_stmt(At *at, Value v) {
    Stmt *s = arena_alloc(at->arena, sizeof(Stmt));
    if (at_span(v, "stmt", &s->span) < 0) return NULL;
    int k = at_kind(v, AST_FunctionDef, AST_Continue, "stmt");
    if (k < 0 || at_check_span(&s->span) < 0 || at_enter("stmt") < 0) return NULL;
    int r = at_stmt_body(at, v, k, s);
    obj_leave_recursion();
    return r < 0 ? NULL : s;
}

/* ---- the top ----------------------------------------------------------------------------- */

static Module *at_module(At *at, Value tree, ParseMode mode) {
    static const int want[] = {[PARSE_FILE] = AST_Module, [PARSE_EVAL] = AST_Expression,
                               [PARSE_SINGLE] = AST_Interactive};
    Value cls = astobj_class(want[mode]);
    if (IS_NULL(cls)) return NULL;
    if (!val_isinstance(tree, AS_TYPE(cls))) {
        err_format(&exc_TypeError, "expected %s node, got %T", ast_kind_name(want[mode]), tree);
        return NULL;
    }
    Module *m = arena_alloc(at->arena, sizeof(Module));
    if (mode == PARSE_EVAL)
        return at_req_expr(at, tree, "body", "Expression", CTX_LOAD, &m->expr) < 0 ? NULL : m;
    if (at_body(at, tree, "body", mode == PARSE_FILE ? "Module" : "Interactive", &m->body, 0) < 0) return NULL;
    if (mode == PARSE_FILE && IS_NULL(at_list(tree, "type_ignores", "Module"))) return NULL;
    return m;
}

static Value at_convert_and_compile(Arena *arena, Value tree, Value filename, ParseMode mode) {
    At at = {arena};
    Module *m = at_module(&at, tree, mode);
    return m ? compile_module(m, filename, mode) : VAL_NULL;
}

Value astobj_compile(Value tree, Value filename, ParseMode mode) {
    Arena arena;
    FeGuard guard;
    Value result;
    arena_init(&arena);
    fe_guard_push(&guard);
    if (setjmp(guard.jb) == 0) result = at_convert_and_compile(&arena, tree, filename, mode);
    else result = err_no_memory();
    fe_guard_pop(&guard);
    arena_free(&arena);
    return result;
}
