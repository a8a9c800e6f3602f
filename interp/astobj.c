/* astobj.c - the `_ast` module: CPython's AST node classes, and the parser's
 * tree handed to Python as instances of them (`ast.parse`, `compile()` with
 * PyCF_ONLY_AST).
 *
 * The classes.  `_ast.AST` is a C type whose instances are only a __dict__;
 * its __init__ maps positional arguments onto _fields and keywords onto
 * attributes, as CPython's ast_type_init does.  Every other class is an
 * ordinary class made at start from the list in astnodes.h: the abstract
 * bases (stmt, expr, ...) derive from AST, the nodes from their base.  A
 * class's namespace holds _fields and __match_args__ (the field names of its
 * ASDL signature, which is also its __doc__), _attributes (the four position
 * names for statements, expressions, patterns, handlers, args, keywords and
 * aliases), and None for each optional field and for end_lineno and
 * end_col_offset, so a node built by hand reads None there as in CPython.
 * __module__ is 'ast', as CPython shows them.
 *
 * The conversion.  One function per kind of C node (statement, expression,
 * pattern, ...) builds the instance with ast_mk(class, span, fields...): the
 * values come in _fields order and ast_mk counts them from the table, so a
 * conversion cannot fall out of step with the class's fields.  Operator and
 * context nodes are one shared instance per class, as CPython's are.
 */
#include <stdarg.h>
#include <string.h>

#include "../runtime/call.h"
#include "../runtime/error.h"
#include "../runtime/gc.h"
#include "../runtime/obj_dict.h"
#include "../runtime/obj_list.h"
#include "../runtime/obj_misc.h"
#include "../runtime/obj_str.h"
#include "../runtime/obj_type.h"
#include "../runtime/strbuf.h"
#include "ast.h"
#include "astnodes.h"
#include "astobj.h"
#include "code.h"
#include "modreg.h"

/* ---- the class table ------------------------------------------------------------- */

typedef struct {
    const char *name;
    int base;                   /* AST_<base>, AST_AST for the root */
    const char *sig;            /* ASDL fields: "expr? value, string? kind"; NULL: abstract */
    int attrs;                  /* instances carry source positions */
} AstClassDef;

static const AstClassDef ast_defs[AST__COUNT] = {
#define AST_DEF_BASE(n, a) {#n, AST_AST, NULL, a},
#define AST_DEF_NODE(n, b, s, a) {#n, AST_##b, s, a},
    AST_BASES(AST_DEF_BASE)
    AST_NODES(AST_DEF_NODE)
#undef AST_DEF_BASE
#undef AST_DEF_NODE
};

static Value ast_classes[AST__COUNT];
static Value ast_singletons[AST__COUNT];     /* Load(), Add(), ... shared */
static uint8_t ast_nfields[AST__COUNT];
static int ast_ready;

/* ---- _ast.AST ----------------------------------------------------------------------- */

typedef struct {
    Obj   header;
    Value dict;
} AstObj;

static void ast_trace(Obj *o) { gc_mark_value(((AstObj *)o)->dict); }

static Value ast_alloc(Type *t) {
    AstObj *a = (AstObj *)obj_new_instance(t);
    if (!a) return VAL_NULL;
    a->dict = dict_new();
    return IS_NULL(a->dict) ? VAL_NULL : MK_OBJ(a);
}

static Value ast_new_m(Value *args, int nargs, Value kwnames) { return ast_alloc(AS_TYPE(args[0])); }

/* The _fields of self's class as a tuple (a list is accepted, as CPython does). */
static Value ast_fields_of(Value self) {
    Value f = type_lookup_c(val_type(self), "_fields");
    if (IS_NULL(f)) return tuple_new(0);
    if (IS_TUPLE(f)) return f;
    return call_value(MK_OBJ(&type_tuple), &f, 1, VAL_NULL);
}

/* __init__(self, *args, **kwargs): positional arguments fill _fields in order. */
static Value ast_init_m(Value *args, int nargs, Value kwnames) {
    Value self = args[0];
    Value fields = ast_fields_of(self);
    if (IS_NULL(fields)) return VAL_NULL;
    int64_t nf = AS_TUPLE(fields)->len, npos = nargs - 1;
    if (npos > nf)
        return err_format(&exc_TypeError, "%s constructor takes at most %d positional argument%s",
                          val_type_name(self), (int)nf, nf == 1 ? "" : "s");
    for (int64_t i = 0; i < npos; i++)
        if (obj_setattr(self, AS_TUPLE(fields)->items[i], args[1 + i]) < 0) return VAL_NULL;
    int64_t nkw = IS_NULL(kwnames) ? 0 : AS_TUPLE(kwnames)->len;
    for (int64_t k = 0; k < nkw; k++) {
        Value key = AS_TUPLE(kwnames)->items[k];
        for (int64_t i = 0; i < npos; i++)
            if (str_eq(AS_TUPLE(fields)->items[i], key))
                return err_format(&exc_TypeError, "%s got multiple values for argument '%S'",
                                  val_type_name(self), key);
        if (obj_setattr(self, key, args[nargs + k]) < 0) return VAL_NULL;
    }
    return VAL_NONE;
}

/* __reduce__: (type(self), (), self.__dict__), which copy and pickle rebuild from. */
static Value ast_reduce_m(Value *args, int nargs, Value kwnames) {
    Value empty = tuple_new(0);
    if (IS_NULL(empty)) return VAL_NULL;
    return tuple_pack(3, MK_OBJ(val_type(args[0])), empty, ((AstObj *)AS_OBJ(args[0]))->dict);
}

static const MethodDef ast_methods[] = {
    {"__new__", ast_new_m, METH_STATIC | ARGS_ANY, NULL},
    {"__init__", ast_init_m, ARGS_ANY, NULL},
    {"__reduce__", ast_reduce_m, ARGS_NONE, "Helper for pickle."},
    {NULL, NULL, 0, NULL},
};

static Value ast_get_dict(Value self) { return ((AstObj *)AS_OBJ(self))->dict; }
static int ast_set_dict(Value self, Value v) { return getset_set_dict(&((AstObj *)AS_OBJ(self))->dict, v); }

static const GetSetDef ast_getsets[] = {
    {"__dict__", ast_get_dict, ast_set_dict, NULL},
    {NULL, NULL, NULL, NULL},
};

Type type_ast = {
    .tp_name = "ast.AST", .base = &type_object,
    .flags = TF_BASETYPE | TF_HAS_DICT | TF_WEAKREFABLE,
    .basicsize = sizeof(AstObj), .dictoffset = offsetof(AstObj, dict), .trace = ast_trace,
    .methods = ast_methods, .getsets = ast_getsets,
};
GILPY_TYPE(type_ast, NULL);

/* ---- building the classes -------------------------------------------------------------- */

/* "expr? value, string? kind" -> ('value', 'kind'); marks optional fields None in ns. */
static Value ast_parse_sig(const char *sig, Value ns) {
    Value names = list_new(4);
    if (IS_NULL(names)) return VAL_NULL;
    const char *p = sig;
    while (*p) {
        const char *type_end = strchr(p, ' ');
        const char *end = strchr(type_end, ',');
        if (!end) end = type_end + strlen(type_end);
        Value name = str_new(type_end + 1, (size_t)(end - type_end - 1));
        if (IS_NULL(name) || list_append(names, str_intern(name)) < 0) return VAL_NULL;
        if (type_end[-1] == '?' && dict_set(ns, str_intern(name), VAL_NONE) < 0) return VAL_NULL;
        p = *end ? end + 2 : end;
    }
    return seq_to_tuple(names);
}

/* The __doc__ of an abstract base: "stmt = FunctionDef(...)\n     | Return(...)", or
 * one line when no alternative has fields ("boolop = And | Or"). */
static Value ast_base_doc(int base) {
    StrBuf sb;
    sb_init(&sb);
    int simple = 1;
    for (int i = 0; i < AST__COUNT; i++)
        if (ast_defs[i].base == base && ast_defs[i].sig && ast_defs[i].sig[0]) simple = 0;
    size_t indent = strlen(ast_defs[base].name) + 1;
    sb_puts(&sb, ast_defs[base].name);
    sb_puts(&sb, " = ");
    int first = 1;
    for (int i = 0; i < AST__COUNT; i++) {
        const AstClassDef *d = &ast_defs[i];
        if (d->base != base) continue;
        if (!first) {
            if (simple) sb_puts(&sb, " | ");
            else if (sb_putc(&sb, '\n') < 0 || sb_fill(&sb, " ", 1, (int64_t)indent) < 0 || sb_puts(&sb, "| ") < 0)
                { sb_free(&sb); return VAL_NULL; }
        }
        first = 0;
        sb_puts(&sb, d->name);
        if (d->sig[0]) { sb_puts(&sb, "("); sb_puts(&sb, d->sig); sb_puts(&sb, ")"); }
    }
    return sb_finish_str(&sb);
}

static Value ast_node_doc(const AstClassDef *d) {
    if (!d->sig[0]) return str_from_c(d->name);
    return str_format_c("%s(%s)", d->name, d->sig);
}

static int ast_make_class(int i) {
    const AstClassDef *d = &ast_defs[i];
    Value ns = dict_new();
    if (IS_NULL(ns) || dict_set_c(ns, "__module__", str_intern_c("ast")) < 0) return -1;
    Value fields = d->sig ? ast_parse_sig(d->sig, ns) : tuple_new(0);
    Value doc = d->sig ? ast_node_doc(d) : ast_base_doc(i);
    if (IS_NULL(fields) || IS_NULL(doc)) return -1;
    ast_nfields[i] = (uint8_t)AS_TUPLE(fields)->len;
    if (dict_set_c(ns, "_fields", fields) < 0 || dict_set_c(ns, "__doc__", doc) < 0) return -1;
    if (d->sig && dict_set_c(ns, "__match_args__", fields) < 0) return -1;
    if (d->attrs) {
        Value attrs = tuple_pack(4, str_intern_c("lineno"), str_intern_c("col_offset"),
                                 str_intern_c("end_lineno"), str_intern_c("end_col_offset"));
        if (IS_NULL(attrs) || dict_set_c(ns, "_attributes", attrs) < 0 ||
            dict_set_c(ns, "end_lineno", VAL_NONE) < 0 || dict_set_c(ns, "end_col_offset", VAL_NONE) < 0)
            return -1;
    } else if (d->base == AST_AST && dict_set_c(ns, "_attributes", tuple_new(0)) < 0) {
        return -1;
    }
    Value base = d->base == AST_AST ? MK_OBJ(&type_ast) : ast_classes[d->base];
    Value bases = tuple_pack(1, base);
    if (IS_NULL(bases)) return -1;
    Value cls = type_new_class(&type_type, str_intern_c(d->name), bases, ns, VAL_NULL);
    if (IS_NULL(cls)) return -1;
    ast_classes[i] = cls;
    return 0;
}

/* The classes, made once (the module's init or the first ast.parse). */
static int ast_init_classes(void) {
    if (ast_ready) return 0;
    for (int i = 0; i < AST__COUNT; i++) {
        gc_add_root(&ast_classes[i]);
        gc_add_root(&ast_singletons[i]);
        ast_singletons[i] = VAL_NULL;
    }
    Value none = tuple_new(0);
    if (IS_NULL(none) || dict_set_c(type_ast.dict, "_fields", none) < 0 ||
        dict_set_c(type_ast.dict, "_attributes", none) < 0)
        return -1;
    for (int i = 0; i < AST__COUNT; i++)
        if (ast_make_class(i) < 0) return -1;
    ast_ready = 1;
    return 0;
}

Value astobj_class(int index) {
    if (ast_init_classes() < 0) return VAL_NULL;
    return ast_classes[index];
}

/* ---- tree -> objects ---------------------------------------------------------------------- */

/* An instance of class `cls` with its fields (nfields Values, in _fields order) and,
 * when the class has them, the positions of span. */
static Value ast_mk(int cls, const Span *span, ...) {
    Value node = ast_alloc(AS_TYPE(ast_classes[cls]));
    if (IS_NULL(node)) return VAL_NULL;
    Value dict = ((AstObj *)AS_OBJ(node))->dict;
    Value fields = dict_get_c(AS_TYPE(ast_classes[cls])->dict, "_fields");
    va_list ap;
    va_start(ap, span);
    int bad = 0;
    for (int i = 0; i < ast_nfields[cls]; i++) {
        Value v = va_arg(ap, Value);
        if (IS_NULL(v) || dict_set(dict, AS_TUPLE(fields)->items[i], v) < 0) bad = 1;
    }
    va_end(ap);
    if (bad) return VAL_NULL;
    int attrs = ast_defs[cls].attrs || ast_defs[ast_defs[cls].base < 0 ? cls : ast_defs[cls].base].attrs;
    if (span && attrs &&
        (dict_set_c(dict, "lineno", MK_SMALLINT(span->lineno)) < 0 ||
         dict_set_c(dict, "col_offset", MK_SMALLINT(span->col)) < 0 ||
         dict_set_c(dict, "end_lineno", MK_SMALLINT(span->end_lineno)) < 0 ||
         dict_set_c(dict, "end_col_offset", MK_SMALLINT(span->end_col)) < 0))
        return VAL_NULL;
    return node;
}

static Value ast_singleton(int cls) {
    if (IS_NULL(ast_singletons[cls])) ast_singletons[cls] = ast_mk(cls, NULL);
    return ast_singletons[cls];
}

static Value ast_ident(const char *s) { return s ? str_intern_c(s) : VAL_NONE; }

static Value ast_expr(const Expr *e);
static Value ast_stmt(const Stmt *s);
static Value ast_pattern(const Pattern *p);

typedef Value (*AstConv)(const void *);

/* A list of the converted items of v; items that are NULL become None. */
static Value ast_list(const PtrVec *v, AstConv conv) {
    Value list = list_new(v->len);
    if (IS_NULL(list)) return VAL_NULL;
    for (int i = 0; i < v->len; i++) {
        Value item = v->items[i] ? conv(v->items[i]) : VAL_NONE;
        if (IS_NULL(item) || list_append(list, item) < 0) return VAL_NULL;
    }
    return list;
}

static Value ast_expr_v(const void *e) { return ast_expr(e); }
static Value ast_stmt_v(const void *s) { return ast_stmt(s); }
static Value ast_pattern_v(const void *p) { return ast_pattern(p); }
static Value ast_ident_v(const void *s) { return ast_ident(s); }
static Value ast_exprs(const PtrVec *v) { return ast_list(v, ast_expr_v); }
static Value ast_stmts(const PtrVec *v) { return ast_list(v, ast_stmt_v); }
static Value ast_opt(const Expr *e) { return e ? ast_expr(e) : VAL_NONE; }

static Value ast_ctx(ExprCtx ctx) {
    return ast_singleton(ctx == CTX_STORE ? AST_Store : ctx == CTX_DEL ? AST_Del : AST_Load);
}

static Value ast_binop(BinOpKind op) {
    static const int cls[OP__COUNT] = {
        [OP_ADD] = AST_Add, [OP_SUB] = AST_Sub, [OP_MUL] = AST_Mult, [OP_MATMUL] = AST_MatMult,
        [OP_TRUEDIV] = AST_Div, [OP_FLOORDIV] = AST_FloorDiv, [OP_MOD] = AST_Mod,
        [OP_POW] = AST_Pow, [OP_LSHIFT] = AST_LShift, [OP_RSHIFT] = AST_RShift,
        [OP_BITOR] = AST_BitOr, [OP_BITXOR] = AST_BitXor, [OP_BITAND] = AST_BitAnd,
    };
    return ast_singleton(cls[op]);
}

static Value ast_unaryop(UnaryOpKind op) {
    static const int cls[] = {[UOP_INVERT] = AST_Invert, [UOP_NOT] = AST_Not,
                              [UOP_POS] = AST_UAdd, [UOP_NEG] = AST_USub};
    return ast_singleton(cls[op]);
}

static Value ast_cmpop(CmpOpKind op) {
    static const int cls[] = {
        [CMP_EQ] = AST_Eq, [CMP_NE] = AST_NotEq, [CMP_LT] = AST_Lt, [CMP_LE] = AST_LtE,
        [CMP_GT] = AST_Gt, [CMP_GE] = AST_GtE, [CMP_IS] = AST_Is, [CMP_IS_NOT] = AST_IsNot,
        [CMP_IN] = AST_In, [CMP_NOT_IN] = AST_NotIn,
    };
    return ast_singleton(cls[op]);
}

static Value ast_arg(const void *p) {
    const Arg *a = p;
    return ast_mk(AST_arg, &a->span, ast_ident(a->name), ast_opt(a->annotation), VAL_NONE);
}

static Value ast_arguments(const Arguments *a) {
    return ast_mk(AST_arguments, NULL, ast_list(&a->posonlyargs, ast_arg), ast_list(&a->args, ast_arg),
                  a->vararg ? ast_arg(a->vararg) : VAL_NONE, ast_list(&a->kwonlyargs, ast_arg),
                  ast_exprs(&a->kw_defaults), a->kwarg ? ast_arg(a->kwarg) : VAL_NONE,
                  ast_exprs(&a->defaults));
}

static Value ast_keyword(const void *p) {
    const Keyword *k = p;
    return ast_mk(AST_keyword, &k->span, ast_ident(k->name), ast_expr(k->value));
}

static Value ast_comprehension(const void *p) {
    const Comprehension *c = p;
    return ast_mk(AST_comprehension, NULL, ast_expr(c->target), ast_expr(c->iter), ast_exprs(&c->ifs),
                  MK_SMALLINT(c->is_async));
}

static Value ast_constant(const Expr *e) {
    Value v = compile_constant_value(e);
    if (IS_NULL(v)) return VAL_NULL;
    return ast_mk(AST_Constant, &e->span, v, e->u.constant.u_prefix ? str_intern_c("u") : VAL_NONE);
}

static Value ast_compare(const Expr *e) {
    int n = e->u.compare.n;
    Value ops = list_new(n), comps = list_new(n);
    if (IS_NULL(ops) || IS_NULL(comps)) return VAL_NULL;
    for (int i = 0; i < n; i++) {
        Value c = ast_expr(e->u.compare.comparators[i]);
        if (IS_NULL(c) || list_append(ops, ast_cmpop(e->u.compare.ops[i])) < 0 ||
            list_append(comps, c) < 0)
            return VAL_NULL;
    }
    return ast_mk(AST_Compare, &e->span, ast_expr(e->u.compare.left), ops, comps);
}

static Value ast_expr(const Expr *e) {
    const Span *sp = &e->span;
    switch (e->kind) {
    case E_BOOLOP:
        return ast_mk(AST_BoolOp, sp, ast_singleton(e->u.boolop.op == BOOL_AND ? AST_And : AST_Or),
                      ast_exprs(&e->u.boolop.values));
    case E_NAMEDEXPR:
        return ast_mk(AST_NamedExpr, sp, ast_expr(e->u.namedexpr.target), ast_expr(e->u.namedexpr.value));
    case E_BINOP:
        return ast_mk(AST_BinOp, sp, ast_expr(e->u.binop.left), ast_binop(e->u.binop.op),
                      ast_expr(e->u.binop.right));
    case E_UNARYOP:
        return ast_mk(AST_UnaryOp, sp, ast_unaryop(e->u.unaryop.op), ast_expr(e->u.unaryop.operand));
    case E_LAMBDA:
        return ast_mk(AST_Lambda, sp, ast_arguments(e->u.lambda.args), ast_expr(e->u.lambda.body));
    case E_IFEXP:
        return ast_mk(AST_IfExp, sp, ast_expr(e->u.ifexp.test), ast_expr(e->u.ifexp.body),
                      ast_expr(e->u.ifexp.orelse));
    case E_DICT:
        return ast_mk(AST_Dict, sp, ast_exprs(&e->u.dict.keys), ast_exprs(&e->u.dict.values));
    case E_SET: return ast_mk(AST_Set, sp, ast_exprs(&e->u.set.elts));
    case E_LISTCOMP: case E_SETCOMP: case E_GENEXP: {
        int cls = e->kind == E_LISTCOMP ? AST_ListComp : e->kind == E_SETCOMP ? AST_SetComp : AST_GeneratorExp;
        return ast_mk(cls, sp, ast_expr(e->u.comp.elt), ast_list(&e->u.comp.generators, ast_comprehension));
    }
    case E_DICTCOMP:
        return ast_mk(AST_DictComp, sp, ast_expr(e->u.comp.elt), ast_expr(e->u.comp.value),
                      ast_list(&e->u.comp.generators, ast_comprehension));
    case E_AWAIT: return ast_mk(AST_Await, sp, ast_expr(e->u.await_.value));
    case E_YIELD: return ast_mk(AST_Yield, sp, ast_opt(e->u.yield.value));
    case E_YIELDFROM: return ast_mk(AST_YieldFrom, sp, ast_expr(e->u.yield.value));
    case E_COMPARE: return ast_compare(e);
    case E_CALL:
        return ast_mk(AST_Call, sp, ast_expr(e->u.call.func), ast_exprs(&e->u.call.args),
                      ast_list(&e->u.call.keywords, ast_keyword));
    case E_FORMATTEDVALUE:
        return ast_mk(AST_FormattedValue, sp, ast_expr(e->u.formatted.value),
                      MK_SMALLINT(e->u.formatted.conversion), ast_opt(e->u.formatted.format_spec));
    case E_JOINEDSTR: return ast_mk(AST_JoinedStr, sp, ast_exprs(&e->u.joinedstr.values));
    case E_CONSTANT: return ast_constant(e);
    case E_ATTRIBUTE:
        return ast_mk(AST_Attribute, sp, ast_expr(e->u.attribute.value), ast_ident(e->u.attribute.attr),
                      ast_ctx(e->u.attribute.ctx));
    case E_SUBSCRIPT:
        return ast_mk(AST_Subscript, sp, ast_expr(e->u.subscript.value), ast_expr(e->u.subscript.slice),
                      ast_ctx(e->u.subscript.ctx));
    case E_STARRED:
        return ast_mk(AST_Starred, sp, ast_expr(e->u.starred.value), ast_ctx(e->u.starred.ctx));
    case E_NAME: return ast_mk(AST_Name, sp, ast_ident(e->u.name.id), ast_ctx(e->u.name.ctx));
    case E_LIST: case E_TUPLE:
        return ast_mk(e->kind == E_LIST ? AST_List : AST_Tuple, sp, ast_exprs(&e->u.list.elts),
                      ast_ctx(e->u.list.ctx));
    case E_SLICE:
        return ast_mk(AST_Slice, sp, ast_opt(e->u.slice.lower), ast_opt(e->u.slice.upper),
                      ast_opt(e->u.slice.step));
    }
    return err_format(&exc_SystemError, "unknown expression kind %d", (int)e->kind);
}

static Value ast_pattern(const Pattern *p) {
    const Span *sp = &p->span;
    switch (p->kind) {
    case P_VALUE: return ast_mk(AST_MatchValue, sp, ast_expr(p->u.value.value));
    case P_SINGLETON:
        return ast_mk(AST_MatchSingleton, sp, p->u.singleton.value == CONST_TRUE ? VAL_TRUE
                      : p->u.singleton.value == CONST_FALSE ? VAL_FALSE : VAL_NONE);
    case P_SEQUENCE: return ast_mk(AST_MatchSequence, sp, ast_list(&p->u.seq.patterns, ast_pattern_v));
    case P_OR: return ast_mk(AST_MatchOr, sp, ast_list(&p->u.seq.patterns, ast_pattern_v));
    case P_MAPPING:
        return ast_mk(AST_MatchMapping, sp, ast_exprs(&p->u.mapping.keys),
                      ast_list(&p->u.mapping.patterns, ast_pattern_v), ast_ident(p->u.mapping.rest));
    case P_CLASS:
        return ast_mk(AST_MatchClass, sp, ast_expr(p->u.cls.cls), ast_list(&p->u.cls.patterns, ast_pattern_v),
                      ast_list(&p->u.cls.kwd_attrs, ast_ident_v),
                      ast_list(&p->u.cls.kwd_patterns, ast_pattern_v));
    case P_STAR: return ast_mk(AST_MatchStar, sp, ast_ident(p->u.star.name));
    case P_AS:
        return ast_mk(AST_MatchAs, sp, p->u.as.pattern ? ast_pattern(p->u.as.pattern) : VAL_NONE,
                      ast_ident(p->u.as.name));
    }
    return err_format(&exc_SystemError, "unknown pattern kind %d", (int)p->kind);
}

static Value ast_alias(const void *p) {
    const Alias *a = p;
    return ast_mk(AST_alias, &a->span, ast_ident(a->name), ast_ident(a->asname));
}

static Value ast_withitem(const void *p) {
    const WithItem *w = p;
    return ast_mk(AST_withitem, NULL, ast_expr(w->context_expr), ast_opt(w->optional_vars));
}

static Value ast_handler(const void *p) {
    const ExceptHandler *h = p;
    return ast_mk(AST_ExceptHandler, &h->span, ast_opt(h->type), ast_ident(h->name), ast_stmts(&h->body));
}

static Value ast_match_case(const void *p) {
    const MatchCase *c = p;
    return ast_mk(AST_match_case, NULL, ast_pattern(c->pattern), ast_opt(c->guard), ast_stmts(&c->body));
}

static Value ast_stmt(const Stmt *s) {
    const Span *sp = &s->span;
    switch (s->kind) {
    case S_FUNCTIONDEF: case S_ASYNCFUNCTIONDEF:
        return ast_mk(s->kind == S_FUNCTIONDEF ? AST_FunctionDef : AST_AsyncFunctionDef, sp,
                      ast_ident(s->u.funcdef.name), ast_arguments(s->u.funcdef.args),
                      ast_stmts(&s->u.funcdef.body), ast_exprs(&s->u.funcdef.decorators),
                      ast_opt(s->u.funcdef.returns), VAL_NONE);
    case S_CLASSDEF:
        return ast_mk(AST_ClassDef, sp, ast_ident(s->u.classdef.name), ast_exprs(&s->u.classdef.bases),
                      ast_list(&s->u.classdef.keywords, ast_keyword), ast_stmts(&s->u.classdef.body),
                      ast_exprs(&s->u.classdef.decorators));
    case S_RETURN: return ast_mk(AST_Return, sp, ast_opt(s->u.ret.value));
    case S_DELETE: return ast_mk(AST_Delete, sp, ast_exprs(&s->u.del.targets));
    case S_ASSIGN:
        return ast_mk(AST_Assign, sp, ast_exprs(&s->u.assign.targets), ast_expr(s->u.assign.value), VAL_NONE);
    case S_AUGASSIGN:
        return ast_mk(AST_AugAssign, sp, ast_expr(s->u.augassign.target), ast_binop(s->u.augassign.op),
                      ast_expr(s->u.augassign.value));
    case S_ANNASSIGN:
        return ast_mk(AST_AnnAssign, sp, ast_expr(s->u.annassign.target), ast_expr(s->u.annassign.annotation),
                      ast_opt(s->u.annassign.value), MK_SMALLINT(s->u.annassign.simple));
    case S_FOR: case S_ASYNCFOR:
        return ast_mk(s->kind == S_FOR ? AST_For : AST_AsyncFor, sp, ast_expr(s->u.for_.target),
                      ast_expr(s->u.for_.iter), ast_stmts(&s->u.for_.body), ast_stmts(&s->u.for_.orelse),
                      VAL_NONE);
    case S_WHILE:
        return ast_mk(AST_While, sp, ast_expr(s->u.while_.test), ast_stmts(&s->u.while_.body),
                      ast_stmts(&s->u.while_.orelse));
    case S_IF:
        return ast_mk(AST_If, sp, ast_expr(s->u.if_.test), ast_stmts(&s->u.if_.body),
                      ast_stmts(&s->u.if_.orelse));
    case S_WITH: case S_ASYNCWITH:
        return ast_mk(s->kind == S_WITH ? AST_With : AST_AsyncWith, sp, ast_list(&s->u.with.items, ast_withitem),
                      ast_stmts(&s->u.with.body), VAL_NONE);
    case S_MATCH:
        return ast_mk(AST_Match, sp, ast_expr(s->u.match.subject), ast_list(&s->u.match.cases, ast_match_case));
    case S_RAISE: return ast_mk(AST_Raise, sp, ast_opt(s->u.raise.exc), ast_opt(s->u.raise.cause));
    case S_TRY: case S_TRYSTAR:
        return ast_mk(s->kind == S_TRY ? AST_Try : AST_TryStar, sp, ast_stmts(&s->u.try_.body),
                      ast_list(&s->u.try_.handlers, ast_handler), ast_stmts(&s->u.try_.orelse),
                      ast_stmts(&s->u.try_.finalbody));
    case S_ASSERT: return ast_mk(AST_Assert, sp, ast_expr(s->u.assert_.test), ast_opt(s->u.assert_.msg));
    case S_IMPORT: return ast_mk(AST_Import, sp, ast_list(&s->u.import.names, ast_alias));
    case S_IMPORTFROM:
        return ast_mk(AST_ImportFrom, sp, ast_ident(s->u.importfrom.module),
                      ast_list(&s->u.importfrom.names, ast_alias), MK_SMALLINT(s->u.importfrom.level));
    case S_GLOBAL: case S_NONLOCAL:
        return ast_mk(s->kind == S_GLOBAL ? AST_Global : AST_Nonlocal, sp,
                      ast_list(&s->u.global.names, ast_ident_v));
    case S_EXPR: return ast_mk(AST_Expr, sp, ast_expr(s->u.expr.value));
    case S_PASS: return ast_mk(AST_Pass, sp);
    case S_BREAK: return ast_mk(AST_Break, sp);
    case S_CONTINUE: return ast_mk(AST_Continue, sp);
    }
    return err_format(&exc_SystemError, "unknown statement kind %d", (int)s->kind);
}

Value astobj_from_module(const Module *mod, ParseMode mode) {
    if (ast_init_classes() < 0) return VAL_NULL;
    switch (mode) {
    case PARSE_EVAL: return ast_mk(AST_Expression, NULL, ast_expr(mod->expr));
    case PARSE_SINGLE: return ast_mk(AST_Interactive, NULL, ast_stmts(&mod->body));
    case PARSE_FILE: break;
    }
    return ast_mk(AST_Module, NULL, ast_stmts(&mod->body), list_new(0));
}

const char *ast_kind_name(int index) { return ast_defs[index].name; }

/* ---- the module ------------------------------------------------------------------------------ */

GILPY_MODULE("_ast", mod_ast_init);

Value mod_ast_init(void) {
    if (ast_init_classes() < 0) return VAL_NULL;
    Value m = module_new_c("_ast");
    if (IS_NULL(m)) return VAL_NULL;
    Value d = MODULE_DICT(m);
    if (dict_set_c(d, "AST", MK_OBJ(&type_ast)) < 0) return VAL_NULL;
    for (int i = 0; i < AST__COUNT; i++)
        if (dict_set_c(d, ast_defs[i].name, ast_classes[i]) < 0) return VAL_NULL;
    if (dict_set_c(d, "PyCF_ONLY_AST", MK_SMALLINT(ASTOBJ_PYCF_ONLY_AST)) < 0 ||
        dict_set_c(d, "PyCF_TYPE_COMMENTS", MK_SMALLINT(ASTOBJ_PYCF_TYPE_COMMENTS)) < 0 ||
        dict_set_c(d, "PyCF_ALLOW_TOP_LEVEL_AWAIT", MK_SMALLINT(ASTOBJ_PYCF_ALLOW_TOP_LEVEL_AWAIT)) < 0)
        return VAL_NULL;
    return m;
}
