/* ast_dump.c - print a gilpy AST exactly as CPython's ast.dump() does.
 *
 *   ast_dump [-a] [-m exec|eval|single] FILE
 *
 * -a adds the location attributes (ast.dump(..., include_attributes=True)).
 * On a syntax error it prints "Kind: msg (line L, offset O)" with O the
 * 1-based character offset, as tests/parser/check.py prints for CPython.
 * The tree is printed from a thread with a big stack so that deep (but
 * valid) trees do not overflow it.
 */
#include "../../interp/ast.h"

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { char *d; size_t len, cap; } Out;

static int g_attrs;

static void out_add(Out *o, const char *s, size_t n) {
    if (o->len + n + 1 > o->cap) {
        size_t nc = o->cap ? o->cap * 2 : 4096;
        while (nc < o->len + n + 1) nc *= 2;
        o->d = realloc(o->d, nc);
        if (!o->d) abort();
        o->cap = nc;
    }
    memcpy(o->d + o->len, s, n);
    o->len += n;
    o->d[o->len] = 0;
}
static void out_s(Out *o, const char *s) { out_add(o, s, strlen(s)); }
static void out_f(Out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#include <stdarg.h>
static void out_f(Out *o, const char *fmt, ...) {
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    out_s(o, buf);
}

/* ---- literal reprs ------------------------------------------------------ */

static int utf8_dec(const unsigned char *s, size_t n, uint32_t *cp) {
    unsigned c = s[0];
    int len, i;
    if (c < 0x80) { *cp = c; return 1; }
    len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (len == 1 || (size_t)len > n) { *cp = c; return 1; }
    *cp = c & (0x3F >> (len - 1));
    for (i = 1; i < len; i++) *cp = (*cp << 6) | (s[i] & 0x3F);
    return len;
}

static int printable(uint32_t c) {
    if (c < 0x20 || c == 0x7F) return 0;
    if (c < 0x7F) return 1;
    if (c <= 0xA0 || c == 0xAD) return 0;
    if (c >= 0xD800 && c <= 0xDFFF) return 0;
    if ((c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) ||
        (c >= 0x205F && c <= 0x2064) || c == 0x3000 || c == 0x1680 || c == 0xFEFF ||
        (c >= 0xE000 && c <= 0xF8FF) || (c >= 0xFFF9 && c <= 0xFFFB) || c > 0x10FFFF ||
        (c >= 0x2066 && c <= 0x206F) || c == 0x061C || c == 0x180E || c == 0xFFFE || c == 0xFFFF)
        return 0;
    return 1;
}

static void repr_str(Out *o, const char *s, size_t n, int bytes) {
    const unsigned char *u = (const unsigned char *)s;
    size_t i;
    int sq = 0, dq = 0;
    char q;
    for (i = 0; i < n; i++) { sq |= u[i] == '\''; dq |= u[i] == '"'; }
    q = (sq && !dq) ? '"' : '\'';
    if (bytes) out_s(o, "b");
    out_add(o, &q, 1);
    for (i = 0; i < n;) {
        uint32_t c;
        int len = bytes ? 1 : utf8_dec(u + i, n - i, &c);
        if (bytes) c = u[i];
        if (c == (uint32_t)q || c == '\\') { out_s(o, "\\"); out_add(o, (const char *)&u[i], 1); }
        else if (c == '\t') out_s(o, "\\t");
        else if (c == '\n') out_s(o, "\\n");
        else if (c == '\r') out_s(o, "\\r");
        else if (bytes ? (c < 0x20 || c >= 0x7F) : !printable(c)) {
            if (c <= 0xFF) out_f(o, "\\x%02x", c);
            else if (c <= 0xFFFF) out_f(o, "\\u%04x", c);
            else out_f(o, "\\U%08x", c);
        } else out_add(o, (const char *)u + i, (size_t)len);
        i += (size_t)len;
    }
    out_add(o, &q, 1);
}

static void repr_float(Out *o, double x, int add_dot0) {
    char buf[64], digits[32];
    int prec, e10, nd = 0, decpt, i;
    if (isinf(x)) { out_s(o, x > 0 ? "inf" : "-inf"); return; }
    if (isnan(x)) { out_s(o, "nan"); return; }
    for (prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*e", prec - 1, x);
        if (strtod(buf, NULL) == x) break;
    }
    {
        char *p = buf, *e = strchr(buf, 'e');
        if (*p == '-') { out_s(o, "-"); p++; }
        for (; p < e; p++) if (*p != '.') digits[nd++] = *p;
        e10 = atoi(e + 1);
    }
    while (nd > 1 && digits[nd - 1] == '0') nd--;
    digits[nd] = 0;
    decpt = e10 + 1;
    if (decpt > -4 && decpt <= 16) {
        if (decpt <= 0) {
            out_s(o, "0.");
            for (i = 0; i < -decpt; i++) out_s(o, "0");
            out_s(o, digits);
        } else if (decpt >= nd) {
            out_s(o, digits);
            for (i = nd; i < decpt; i++) out_s(o, "0");
            if (add_dot0) out_s(o, ".0");
        } else {
            out_add(o, digits, (size_t)decpt);
            out_s(o, ".");
            out_s(o, digits + decpt);
        }
    } else {
        out_add(o, digits, 1);
        if (nd > 1) { out_s(o, "."); out_s(o, digits + 1); }
        out_f(o, "e%c%02d", e10 < 0 ? '-' : '+', abs(e10));
    }
}

/* Digits in base b -> decimal, with base-1e9 limbs. */
static void repr_int(Out *o, const char *s, size_t n, int base) {
    uint32_t *limbs = calloc(n + 2, sizeof *limbs);
    size_t nl = 1, i, k;
    char *dec;
    for (i = 0; i < n; i++) {
        int c = s[i], d = c <= '9' ? c - '0' : (c | 32) - 'a' + 10;
        uint64_t carry = (uint64_t)d;
        for (k = 0; k < nl; k++) {
            uint64_t v = (uint64_t)limbs[k] * (uint64_t)base + carry;
            limbs[k] = (uint32_t)(v % 1000000000u);
            carry = v / 1000000000u;
        }
        if (carry) limbs[nl++] = (uint32_t)carry;
    }
    dec = malloc(nl * 9 + 2);
    k = (size_t)sprintf(dec, "%u", limbs[nl - 1]);
    for (i = nl - 1; i-- > 0;) k += (size_t)sprintf(dec + k, "%09u", limbs[i]);
    out_s(o, dec);
    free(dec);
    free(limbs);
}

/* ---- tree --------------------------------------------------------------- */

static void d_expr(Out *o, const Expr *e);
static void d_stmt(Out *o, const Stmt *s);

static void d_span(Out *o, Span sp) {
    if (g_attrs)
        out_f(o, ", lineno=%d, col_offset=%d, end_lineno=%d, end_col_offset=%d",
              sp.lineno, sp.col, sp.end_lineno, sp.end_col);
}

static void d_exprs(Out *o, const PtrVec *v) {
    int i;
    out_s(o, "[");
    for (i = 0; i < v->len; i++) {
        if (i) out_s(o, ", ");
        if (v->items[i]) d_expr(o, v->items[i]);
        else out_s(o, "None");
    }
    out_s(o, "]");
}

static void d_stmts(Out *o, const PtrVec *v) {
    int i;
    out_s(o, "[");
    for (i = 0; i < v->len; i++) {
        if (i) out_s(o, ", ");
        d_stmt(o, v->items[i]);
    }
    out_s(o, "]");
}

static void d_opt(Out *o, const char *field, const Expr *e) {
    if (!e) return;
    out_f(o, ", %s=", field);
    d_expr(o, e);
}

static const char *ctx_name(ExprCtx c) { return c == CTX_LOAD ? "Load()" : c == CTX_STORE ? "Store()" : "Del()"; }

static const char *binop_name(BinOpKind op) {
    static const char *const n[] = {"Add()", "Sub()", "Mult()", "MatMult()", "Div()", "FloorDiv()",
                                    "Mod()", "Pow()", "LShift()", "RShift()", "BitOr()", "BitXor()",
                                    "BitAnd()"};
    return n[op];
}

static const char *cmp_name(CmpOpKind op) {
    static const char *const n[] = {"Eq()", "NotEq()", "Lt()", "LtE()", "Gt()", "GtE()",
                                    "Is()", "IsNot()", "In()", "NotIn()"};
    return n[op];
}

static void d_arg(Out *o, const Arg *a) {
    out_f(o, "arg(arg='%s'", a->name);
    d_opt(o, "annotation", a->annotation);
    d_span(o, a->span);
    out_s(o, ")");
}

static void d_args_list(Out *o, const PtrVec *v) {
    int i;
    out_s(o, "[");
    for (i = 0; i < v->len; i++) {
        if (i) out_s(o, ", ");
        d_arg(o, v->items[i]);
    }
    out_s(o, "]");
}

static void d_arguments(Out *o, const Arguments *a) {
    out_s(o, "arguments(posonlyargs=");
    d_args_list(o, &a->posonlyargs);
    out_s(o, ", args=");
    d_args_list(o, &a->args);
    if (a->vararg) { out_s(o, ", vararg="); d_arg(o, a->vararg); }
    out_s(o, ", kwonlyargs=");
    d_args_list(o, &a->kwonlyargs);
    out_s(o, ", kw_defaults=");
    d_exprs(o, &a->kw_defaults);
    if (a->kwarg) { out_s(o, ", kwarg="); d_arg(o, a->kwarg); }
    out_s(o, ", defaults=");
    d_exprs(o, &a->defaults);
    out_s(o, ")");
}

static void d_keywords(Out *o, const PtrVec *v) {
    int i;
    out_s(o, "[");
    for (i = 0; i < v->len; i++) {
        const Keyword *k = v->items[i];
        if (i) out_s(o, ", ");
        out_s(o, "keyword(");
        if (k->name) out_f(o, "arg='%s', ", k->name);
        out_s(o, "value=");
        d_expr(o, k->value);
        d_span(o, k->span);
        out_s(o, ")");
    }
    out_s(o, "]");
}

static void d_generators(Out *o, const PtrVec *v) {
    int i;
    out_s(o, "[");
    for (i = 0; i < v->len; i++) {
        const Comprehension *c = v->items[i];
        if (i) out_s(o, ", ");
        out_s(o, "comprehension(target=");
        d_expr(o, c->target);
        out_s(o, ", iter=");
        d_expr(o, c->iter);
        out_s(o, ", ifs=");
        d_exprs(o, &c->ifs);
        out_f(o, ", is_async=%d)", c->is_async);
    }
    out_s(o, "]");
}

static void d_constant(Out *o, const Expr *e) {
    switch (e->u.constant.kind) {
    case CONST_NONE: out_s(o, "None"); break;
    case CONST_TRUE: out_s(o, "True"); break;
    case CONST_FALSE: out_s(o, "False"); break;
    case CONST_ELLIPSIS: out_s(o, "Ellipsis"); break;
    case CONST_INT: repr_int(o, e->u.constant.s.data, e->u.constant.s.len, e->u.constant.int_base); break;
    case CONST_FLOAT: repr_float(o, e->u.constant.f, 1); break;
    case CONST_IMAG: repr_float(o, e->u.constant.f, 0); out_s(o, "j"); break;
    case CONST_STR: repr_str(o, e->u.constant.s.data, e->u.constant.s.len, 0); break;
    case CONST_BYTES: repr_str(o, e->u.constant.s.data, e->u.constant.s.len, 1); break;
    }
}

static void d_comp(Out *o, const char *name, const Expr *e) {
    out_f(o, "%s(", name);
    if (e->kind == E_DICTCOMP) {
        out_s(o, "key=");
        d_expr(o, e->u.comp.elt);
        out_s(o, ", value=");
        d_expr(o, e->u.comp.value);
    } else {
        out_s(o, "elt=");
        d_expr(o, e->u.comp.elt);
    }
    out_s(o, ", generators=");
    d_generators(o, &e->u.comp.generators);
}

static void d_expr(Out *o, const Expr *e) {
    int i;
    switch (e->kind) {
    case E_BOOLOP:
        out_f(o, "BoolOp(op=%s, values=", e->u.boolop.op == BOOL_AND ? "And()" : "Or()");
        d_exprs(o, &e->u.boolop.values);
        break;
    case E_NAMEDEXPR:
        out_s(o, "NamedExpr(target=");
        d_expr(o, e->u.namedexpr.target);
        out_s(o, ", value=");
        d_expr(o, e->u.namedexpr.value);
        break;
    case E_BINOP:
        out_s(o, "BinOp(left=");
        d_expr(o, e->u.binop.left);
        out_f(o, ", op=%s, right=", binop_name(e->u.binop.op));
        d_expr(o, e->u.binop.right);
        break;
    case E_UNARYOP: {
        static const char *const n[] = {"Invert()", "Not()", "UAdd()", "USub()"};
        out_f(o, "UnaryOp(op=%s, operand=", n[e->u.unaryop.op]);
        d_expr(o, e->u.unaryop.operand);
        break;
    }
    case E_LAMBDA:
        out_s(o, "Lambda(args=");
        d_arguments(o, e->u.lambda.args);
        out_s(o, ", body=");
        d_expr(o, e->u.lambda.body);
        break;
    case E_IFEXP:
        out_s(o, "IfExp(test=");
        d_expr(o, e->u.ifexp.test);
        out_s(o, ", body=");
        d_expr(o, e->u.ifexp.body);
        out_s(o, ", orelse=");
        d_expr(o, e->u.ifexp.orelse);
        break;
    case E_DICT:
        out_s(o, "Dict(keys=");
        d_exprs(o, &e->u.dict.keys);
        out_s(o, ", values=");
        d_exprs(o, &e->u.dict.values);
        break;
    case E_SET:
        out_s(o, "Set(elts=");
        d_exprs(o, &e->u.set.elts);
        break;
    case E_LISTCOMP: d_comp(o, "ListComp", e); break;
    case E_SETCOMP: d_comp(o, "SetComp", e); break;
    case E_DICTCOMP: d_comp(o, "DictComp", e); break;
    case E_GENEXP: d_comp(o, "GeneratorExp", e); break;
    case E_AWAIT:
        out_s(o, "Await(value=");
        d_expr(o, e->u.await_.value);
        break;
    case E_YIELD:
        out_s(o, "Yield(");
        if (e->u.yield.value) { out_s(o, "value="); d_expr(o, e->u.yield.value); }
        if (g_attrs && !e->u.yield.value) {
            out_f(o, "lineno=%d, col_offset=%d, end_lineno=%d, end_col_offset=%d)",
                  e->span.lineno, e->span.col, e->span.end_lineno, e->span.end_col);
            return;
        }
        break;
    case E_YIELDFROM:
        out_s(o, "YieldFrom(value=");
        d_expr(o, e->u.yield.value);
        break;
    case E_COMPARE:
        out_s(o, "Compare(left=");
        d_expr(o, e->u.compare.left);
        out_s(o, ", ops=[");
        for (i = 0; i < e->u.compare.n; i++) out_f(o, "%s%s", i ? ", " : "", cmp_name(e->u.compare.ops[i]));
        out_s(o, "], comparators=[");
        for (i = 0; i < e->u.compare.n; i++) {
            if (i) out_s(o, ", ");
            d_expr(o, e->u.compare.comparators[i]);
        }
        out_s(o, "]");
        break;
    case E_CALL:
        out_s(o, "Call(func=");
        d_expr(o, e->u.call.func);
        out_s(o, ", args=");
        d_exprs(o, &e->u.call.args);
        out_s(o, ", keywords=");
        d_keywords(o, &e->u.call.keywords);
        break;
    case E_FORMATTEDVALUE:
        out_s(o, "FormattedValue(value=");
        d_expr(o, e->u.formatted.value);
        out_f(o, ", conversion=%d", e->u.formatted.conversion);
        d_opt(o, "format_spec", e->u.formatted.format_spec);
        break;
    case E_JOINEDSTR:
        out_s(o, "JoinedStr(values=");
        d_exprs(o, &e->u.joinedstr.values);
        break;
    case E_CONSTANT:
        out_s(o, "Constant(value=");
        d_constant(o, e);
        if (e->u.constant.u_prefix) out_s(o, ", kind='u'");
        break;
    case E_ATTRIBUTE:
        out_s(o, "Attribute(value=");
        d_expr(o, e->u.attribute.value);
        out_f(o, ", attr='%s', ctx=%s", e->u.attribute.attr, ctx_name(e->u.attribute.ctx));
        break;
    case E_SUBSCRIPT:
        out_s(o, "Subscript(value=");
        d_expr(o, e->u.subscript.value);
        out_s(o, ", slice=");
        d_expr(o, e->u.subscript.slice);
        out_f(o, ", ctx=%s", ctx_name(e->u.subscript.ctx));
        break;
    case E_STARRED:
        out_s(o, "Starred(value=");
        d_expr(o, e->u.starred.value);
        out_f(o, ", ctx=%s", ctx_name(e->u.starred.ctx));
        break;
    case E_NAME:
        out_f(o, "Name(id='%s', ctx=%s", e->u.name.id, ctx_name(e->u.name.ctx));
        break;
    case E_LIST: case E_TUPLE:
        out_s(o, e->kind == E_LIST ? "List(elts=" : "Tuple(elts=");
        d_exprs(o, &e->u.list.elts);
        out_f(o, ", ctx=%s", ctx_name(e->u.list.ctx));
        break;
    case E_SLICE: {
        int any = 0;
        out_s(o, "Slice(");
        if (e->u.slice.lower) { out_s(o, "lower="); d_expr(o, e->u.slice.lower); any = 1; }
        if (e->u.slice.upper) { out_s(o, any ? ", upper=" : "upper="); d_expr(o, e->u.slice.upper); any = 1; }
        if (e->u.slice.step) { out_s(o, any ? ", step=" : "step="); d_expr(o, e->u.slice.step); any = 1; }
        if (g_attrs) {
            out_f(o, "%slineno=%d, col_offset=%d, end_lineno=%d, end_col_offset=%d)", any ? ", " : "",
                  e->span.lineno, e->span.col, e->span.end_lineno, e->span.end_col);
            return;
        }
        break;
    }
    }
    d_span(o, e->span);
    out_s(o, ")");
}

static void d_names(Out *o, const PtrVec *v) {
    int i;
    out_s(o, "[");
    for (i = 0; i < v->len; i++) out_f(o, "%s'%s'", i ? ", " : "", (const char *)v->items[i]);
    out_s(o, "]");
}

static void d_aliases(Out *o, const PtrVec *v) {
    int i;
    out_s(o, "[");
    for (i = 0; i < v->len; i++) {
        const Alias *a = v->items[i];
        out_f(o, "%salias(name='%s'", i ? ", " : "", a->name);
        if (a->asname) out_f(o, ", asname='%s'", a->asname);
        d_span(o, a->span);
        out_s(o, ")");
    }
    out_s(o, "]");
}

static void d_handlers(Out *o, const PtrVec *v) {
    int i;
    out_s(o, "[");
    for (i = 0; i < v->len; i++) {
        const ExceptHandler *h = v->items[i];
        out_s(o, i ? ", ExceptHandler(" : "ExceptHandler(");
        if (h->type) { out_s(o, "type="); d_expr(o, h->type); out_s(o, ", "); }
        if (h->name) out_f(o, "name='%s', ", h->name);
        out_s(o, "body=");
        d_stmts(o, &h->body);
        d_span(o, h->span);
        out_s(o, ")");
    }
    out_s(o, "]");
}

static void d_stmt(Out *o, const Stmt *s) {
    int i, any;
    switch (s->kind) {
    case S_FUNCTIONDEF: case S_ASYNCFUNCTIONDEF:
        out_f(o, "%s(name='%s', args=", s->kind == S_FUNCTIONDEF ? "FunctionDef" : "AsyncFunctionDef",
              s->u.funcdef.name);
        d_arguments(o, s->u.funcdef.args);
        out_s(o, ", body=");
        d_stmts(o, &s->u.funcdef.body);
        out_s(o, ", decorator_list=");
        d_exprs(o, &s->u.funcdef.decorators);
        d_opt(o, "returns", s->u.funcdef.returns);
        break;
    case S_CLASSDEF:
        out_f(o, "ClassDef(name='%s', bases=", s->u.classdef.name);
        d_exprs(o, &s->u.classdef.bases);
        out_s(o, ", keywords=");
        d_keywords(o, &s->u.classdef.keywords);
        out_s(o, ", body=");
        d_stmts(o, &s->u.classdef.body);
        out_s(o, ", decorator_list=");
        d_exprs(o, &s->u.classdef.decorators);
        break;
    case S_RETURN:
        out_s(o, "Return(");
        if (s->u.ret.value) { out_s(o, "value="); d_expr(o, s->u.ret.value); }
        else if (g_attrs) {
            out_f(o, "lineno=%d, col_offset=%d, end_lineno=%d, end_col_offset=%d)",
                  s->span.lineno, s->span.col, s->span.end_lineno, s->span.end_col);
            return;
        }
        break;
    case S_DELETE:
        out_s(o, "Delete(targets=");
        d_exprs(o, &s->u.del.targets);
        break;
    case S_ASSIGN:
        out_s(o, "Assign(targets=");
        d_exprs(o, &s->u.assign.targets);
        d_opt(o, "value", s->u.assign.value);
        break;
    case S_AUGASSIGN:
        out_s(o, "AugAssign(target=");
        d_expr(o, s->u.augassign.target);
        out_f(o, ", op=%s, value=", binop_name(s->u.augassign.op));
        d_expr(o, s->u.augassign.value);
        break;
    case S_ANNASSIGN:
        out_s(o, "AnnAssign(target=");
        d_expr(o, s->u.annassign.target);
        d_opt(o, "annotation", s->u.annassign.annotation);
        d_opt(o, "value", s->u.annassign.value);
        out_f(o, ", simple=%d", s->u.annassign.simple);
        break;
    case S_FOR: case S_ASYNCFOR:
        out_s(o, s->kind == S_FOR ? "For(target=" : "AsyncFor(target=");
        d_expr(o, s->u.for_.target);
        out_s(o, ", iter=");
        d_expr(o, s->u.for_.iter);
        out_s(o, ", body=");
        d_stmts(o, &s->u.for_.body);
        out_s(o, ", orelse=");
        d_stmts(o, &s->u.for_.orelse);
        break;
    case S_WHILE: case S_IF:
        out_s(o, s->kind == S_WHILE ? "While(test=" : "If(test=");
        d_expr(o, s->u.if_.test);
        out_s(o, ", body=");
        d_stmts(o, &s->u.if_.body);
        out_s(o, ", orelse=");
        d_stmts(o, &s->u.if_.orelse);
        break;
    case S_WITH: case S_ASYNCWITH:
        out_s(o, s->kind == S_WITH ? "With(items=[" : "AsyncWith(items=[");
        for (i = 0; i < s->u.with.items.len; i++) {
            const WithItem *w = s->u.with.items.items[i];
            out_s(o, i ? ", withitem(context_expr=" : "withitem(context_expr=");
            d_expr(o, w->context_expr);
            d_opt(o, "optional_vars", w->optional_vars);
            out_s(o, ")");
        }
        out_s(o, "], body=");
        d_stmts(o, &s->u.with.body);
        break;
    case S_MATCH:
        out_s(o, "Match(");
        break;
    case S_RAISE:
        out_s(o, "Raise(");
        any = 0;
        if (s->u.raise.exc) { out_s(o, "exc="); d_expr(o, s->u.raise.exc); any = 1; }
        if (s->u.raise.cause) { out_s(o, any ? ", cause=" : "cause="); d_expr(o, s->u.raise.cause); any = 1; }
        if (g_attrs) {
            out_f(o, "%slineno=%d, col_offset=%d, end_lineno=%d, end_col_offset=%d)", any ? ", " : "",
                  s->span.lineno, s->span.col, s->span.end_lineno, s->span.end_col);
            return;
        }
        break;
    case S_TRY: case S_TRYSTAR:
        out_s(o, s->kind == S_TRY ? "Try(body=" : "TryStar(body=");
        d_stmts(o, &s->u.try_.body);
        out_s(o, ", handlers=");
        d_handlers(o, &s->u.try_.handlers);
        out_s(o, ", orelse=");
        d_stmts(o, &s->u.try_.orelse);
        out_s(o, ", finalbody=");
        d_stmts(o, &s->u.try_.finalbody);
        break;
    case S_ASSERT:
        out_s(o, "Assert(test=");
        d_expr(o, s->u.assert_.test);
        d_opt(o, "msg", s->u.assert_.msg);
        break;
    case S_IMPORT:
        out_s(o, "Import(names=");
        d_aliases(o, &s->u.import.names);
        break;
    case S_IMPORTFROM:
        out_s(o, "ImportFrom(");
        if (s->u.importfrom.module) out_f(o, "module='%s', ", s->u.importfrom.module);
        out_s(o, "names=");
        d_aliases(o, &s->u.importfrom.names);
        out_f(o, ", level=%d", s->u.importfrom.level);
        break;
    case S_GLOBAL: case S_NONLOCAL:
        out_s(o, s->kind == S_GLOBAL ? "Global(names=" : "Nonlocal(names=");
        d_names(o, &s->u.global.names);
        break;
    case S_EXPR:
        out_s(o, "Expr(value=");
        d_expr(o, s->u.expr.value);
        break;
    case S_PASS: case S_BREAK: case S_CONTINUE:
        out_s(o, s->kind == S_PASS ? "Pass(" : s->kind == S_BREAK ? "Break(" : "Continue(");
        if (g_attrs) {
            out_f(o, "lineno=%d, col_offset=%d, end_lineno=%d, end_col_offset=%d)",
                  s->span.lineno, s->span.col, s->span.end_lineno, s->span.end_col);
            return;
        }
        break;
    }
    d_span(o, s->span);
    out_s(o, ")");
}

/* ---- main --------------------------------------------------------------- */

typedef struct { Module *m; ParseMode mode; Out out; } Job;

static void *dump_job(void *arg) {
    Job *j = arg;
    if (j->mode == PARSE_EVAL) {
        out_s(&j->out, "Expression(body=");
        d_expr(&j->out, j->m->expr);
        out_s(&j->out, ")");
    } else {
        out_s(&j->out, j->mode == PARSE_FILE ? "Module(body=" : "Interactive(body=");
        d_stmts(&j->out, &j->m->body);
        out_s(&j->out, j->mode == PARSE_FILE ? ", type_ignores=[])" : ")");
    }
    return NULL;
}

/* 1-based character offset of byte column col on line `line`. */
static int char_offset(const char *src, size_t len, int line, int col) {
    size_t i = 0;
    int l = 1, n = 0, c;
    if (col < 0) return 0;
    while (i < len && l < line) if (src[i++] == '\n') l++;
    for (c = 0; c < col && i < len; c++, i++)
        if (((unsigned char)src[i] & 0xC0) != 0x80) n++;
    return n + 1 + (col - c);
}

int main(int argc, char **argv) {
    const char *path = NULL;
    ParseMode mode = PARSE_FILE;
    FILE *f;
    char *src;
    size_t len, cap = 1 << 16;
    int i;
    Arena arena;
    ParseError err;
    Job job;
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-a") == 0) g_attrs = 1;
        else if (strcmp(argv[i], "-m") == 0 && i + 1 < argc) {
            i++;
            mode = strcmp(argv[i], "eval") == 0 ? PARSE_EVAL : strcmp(argv[i], "single") == 0 ? PARSE_SINGLE : PARSE_FILE;
        } else path = argv[i];
    }
    if (!path) { fprintf(stderr, "usage: ast_dump [-a] [-m exec|eval|single] FILE\n"); return 2; }
    f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) { perror(path); return 2; }
    src = malloc(cap);
    len = 0;
    for (;;) {
        size_t n = fread(src + len, 1, cap - len, f);
        len += n;
        if (len < cap) break;
        cap *= 2;
        src = realloc(src, cap);
    }
    if (f != stdin) fclose(f);
    arena_init(&arena);
    job.m = parse_source(&arena, src, len, mode, &err);
    job.mode = mode;
    memset(&job.out, 0, sizeof job.out);
    if (!job.m) {
        printf("%s: %s (line %d, offset %d)%s\n", err.kind, err.msg, err.lineno,
               char_offset(src, len, err.lineno, err.col), err.incomplete ? " [incomplete]" : "");
    } else {
        pthread_t th;
        pthread_attr_t at;
        pthread_attr_init(&at);
        pthread_attr_setstacksize(&at, (size_t)1 << 30);
        if (pthread_create(&th, &at, dump_job, &job) != 0) dump_job(&job);
        else pthread_join(th, NULL);
        fwrite(job.out.d, 1, job.out.len, stdout);
        putchar('\n');
        free(job.out.d);
    }
    arena_free(&arena);
    free(src);
    return job.m ? 0 : 1;
}
