/* astnodes.h - the node classes of the `ast` module, as one list.
 *
 * Every class of CPython 3.11's `_ast` module is one line here, with its base
 * and its signature in ASDL notation, exactly as the class's __doc__ shows it
 * (`Name(identifier id, expr_context ctx)`).  interp/astobj.c builds the
 * classes from this list at start: the signature gives _fields (in order),
 * `?` marks an optional field (a class attribute None), `*` a list.  The
 * enumerators AST_<name> index the classes.
 *
 * AST_BASE(name, has_attributes): the abstract bases; with has_attributes
 * their nodes carry lineno, col_offset, end_lineno and end_col_offset.
 * AST_NODE(name, base, signature, has_attributes): the concrete classes;
 * base AST is the root class itself (the product types: arguments, keyword, ...), whose nodes carry the
 * positions when the last column says so.
 */
#ifndef GILPY_ASTNODES_H
#define GILPY_ASTNODES_H

#define AST_BASES(B) \
    B(mod, 0) B(stmt, 1) B(expr, 1) B(expr_context, 0) B(boolop, 0) B(operator, 0) \
    B(unaryop, 0) B(cmpop, 0) B(excepthandler, 1) B(pattern, 1) B(type_ignore, 0)

#define AST_NODES(N) \
    N(Module, mod, "stmt* body, type_ignore* type_ignores", 0) \
    N(Interactive, mod, "stmt* body", 0) \
    N(Expression, mod, "expr body", 0) \
    N(FunctionType, mod, "expr* argtypes, expr returns", 0) \
    N(FunctionDef, stmt, "identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment", 0) \
    N(AsyncFunctionDef, stmt, "identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment", 0) \
    N(ClassDef, stmt, "identifier name, expr* bases, keyword* keywords, stmt* body, expr* decorator_list", 0) \
    N(Return, stmt, "expr? value", 0) \
    N(Delete, stmt, "expr* targets", 0) \
    N(Assign, stmt, "expr* targets, expr value, string? type_comment", 0) \
    N(AugAssign, stmt, "expr target, operator op, expr value", 0) \
    N(AnnAssign, stmt, "expr target, expr annotation, expr? value, int simple", 0) \
    N(For, stmt, "expr target, expr iter, stmt* body, stmt* orelse, string? type_comment", 0) \
    N(AsyncFor, stmt, "expr target, expr iter, stmt* body, stmt* orelse, string? type_comment", 0) \
    N(While, stmt, "expr test, stmt* body, stmt* orelse", 0) \
    N(If, stmt, "expr test, stmt* body, stmt* orelse", 0) \
    N(With, stmt, "withitem* items, stmt* body, string? type_comment", 0) \
    N(AsyncWith, stmt, "withitem* items, stmt* body, string? type_comment", 0) \
    N(Match, stmt, "expr subject, match_case* cases", 0) \
    N(Raise, stmt, "expr? exc, expr? cause", 0) \
    N(Try, stmt, "stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody", 0) \
    N(TryStar, stmt, "stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody", 0) \
    N(Assert, stmt, "expr test, expr? msg", 0) \
    N(Import, stmt, "alias* names", 0) \
    N(ImportFrom, stmt, "identifier? module, alias* names, int? level", 0) \
    N(Global, stmt, "identifier* names", 0) \
    N(Nonlocal, stmt, "identifier* names", 0) \
    N(Expr, stmt, "expr value", 0) \
    N(Pass, stmt, "", 0) \
    N(Break, stmt, "", 0) \
    N(Continue, stmt, "", 0) \
    N(BoolOp, expr, "boolop op, expr* values", 0) \
    N(NamedExpr, expr, "expr target, expr value", 0) \
    N(BinOp, expr, "expr left, operator op, expr right", 0) \
    N(UnaryOp, expr, "unaryop op, expr operand", 0) \
    N(Lambda, expr, "arguments args, expr body", 0) \
    N(IfExp, expr, "expr test, expr body, expr orelse", 0) \
    N(Dict, expr, "expr* keys, expr* values", 0) \
    N(Set, expr, "expr* elts", 0) \
    N(ListComp, expr, "expr elt, comprehension* generators", 0) \
    N(SetComp, expr, "expr elt, comprehension* generators", 0) \
    N(DictComp, expr, "expr key, expr value, comprehension* generators", 0) \
    N(GeneratorExp, expr, "expr elt, comprehension* generators", 0) \
    N(Await, expr, "expr value", 0) \
    N(Yield, expr, "expr? value", 0) \
    N(YieldFrom, expr, "expr value", 0) \
    N(Compare, expr, "expr left, cmpop* ops, expr* comparators", 0) \
    N(Call, expr, "expr func, expr* args, keyword* keywords", 0) \
    N(FormattedValue, expr, "expr value, int conversion, expr? format_spec", 0) \
    N(JoinedStr, expr, "expr* values", 0) \
    N(Constant, expr, "constant value, string? kind", 0) \
    N(Attribute, expr, "expr value, identifier attr, expr_context ctx", 0) \
    N(Subscript, expr, "expr value, expr slice, expr_context ctx", 0) \
    N(Starred, expr, "expr value, expr_context ctx", 0) \
    N(Name, expr, "identifier id, expr_context ctx", 0) \
    N(List, expr, "expr* elts, expr_context ctx", 0) \
    N(Tuple, expr, "expr* elts, expr_context ctx", 0) \
    N(Slice, expr, "expr? lower, expr? upper, expr? step", 0) \
    N(Load, expr_context, "", 0) \
    N(Store, expr_context, "", 0) \
    N(Del, expr_context, "", 0) \
    N(And, boolop, "", 0) \
    N(Or, boolop, "", 0) \
    N(Add, operator, "", 0) \
    N(Sub, operator, "", 0) \
    N(Mult, operator, "", 0) \
    N(MatMult, operator, "", 0) \
    N(Div, operator, "", 0) \
    N(Mod, operator, "", 0) \
    N(Pow, operator, "", 0) \
    N(LShift, operator, "", 0) \
    N(RShift, operator, "", 0) \
    N(BitOr, operator, "", 0) \
    N(BitXor, operator, "", 0) \
    N(BitAnd, operator, "", 0) \
    N(FloorDiv, operator, "", 0) \
    N(Invert, unaryop, "", 0) \
    N(Not, unaryop, "", 0) \
    N(UAdd, unaryop, "", 0) \
    N(USub, unaryop, "", 0) \
    N(Eq, cmpop, "", 0) \
    N(NotEq, cmpop, "", 0) \
    N(Lt, cmpop, "", 0) \
    N(LtE, cmpop, "", 0) \
    N(Gt, cmpop, "", 0) \
    N(GtE, cmpop, "", 0) \
    N(Is, cmpop, "", 0) \
    N(IsNot, cmpop, "", 0) \
    N(In, cmpop, "", 0) \
    N(NotIn, cmpop, "", 0) \
    N(ExceptHandler, excepthandler, "expr? type, identifier? name, stmt* body", 0) \
    N(MatchValue, pattern, "expr value", 0) \
    N(MatchSingleton, pattern, "constant value", 0) \
    N(MatchSequence, pattern, "pattern* patterns", 0) \
    N(MatchMapping, pattern, "expr* keys, pattern* patterns, identifier? rest", 0) \
    N(MatchClass, pattern, "expr cls, pattern* patterns, identifier* kwd_attrs, pattern* kwd_patterns", 0) \
    N(MatchStar, pattern, "identifier? name", 0) \
    N(MatchAs, pattern, "pattern? pattern, identifier? name", 0) \
    N(MatchOr, pattern, "pattern* patterns", 0) \
    N(TypeIgnore, type_ignore, "int lineno, string tag", 0) \
    N(comprehension, AST, "expr target, expr iter, expr* ifs, int is_async", 0) \
    N(arguments, AST, "arg* posonlyargs, arg* args, arg? vararg, arg* kwonlyargs, expr* kw_defaults, arg? kwarg, expr* defaults", 0) \
    N(arg, AST, "identifier arg, expr? annotation, string? type_comment", 1) \
    N(keyword, AST, "identifier? arg, expr value", 1) \
    N(alias, AST, "identifier name, identifier? asname", 1) \
    N(withitem, AST, "expr context_expr, expr? optional_vars", 0) \
    N(match_case, AST, "pattern pattern, expr? guard, stmt* body", 0)

enum { AST_AST = -1 };   /* the base of the product types */

enum {
#define AST_ENUM_BASE(name, attrs) AST_##name,
#define AST_ENUM_NODE(name, base, sig, attrs) AST_##name,
    AST_BASES(AST_ENUM_BASE)
    AST_NODES(AST_ENUM_NODE)
#undef AST_ENUM_BASE
#undef AST_ENUM_NODE
    AST__COUNT
};

#endif
