# The ast node classes themselves: fields, docs, constructors, errors, walking.
import ast

print(len([n for n in dir(ast) if isinstance(getattr(ast, n), type) and issubclass(getattr(ast, n), ast.AST)]))
for cls in (ast.mod, ast.stmt, ast.expr, ast.expr_context, ast.boolop, ast.operator,
            ast.unaryop, ast.cmpop, ast.excepthandler, ast.pattern, ast.type_ignore):
    print(cls.__name__, cls._fields, cls._attributes, repr(cls.__doc__))
for cls in (ast.arguments, ast.arg, ast.keyword, ast.alias, ast.withitem, ast.match_case,
            ast.comprehension, ast.TypeIgnore, ast.MatchAs, ast.Constant, ast.ImportFrom):
    print(cls.__name__, cls._fields, cls._attributes, cls.__doc__)
print(ast.AST._fields, ast.AST.__name__, ast.AST.__module__)
print(ast.ImportFrom.level, ast.ImportFrom.module, ast.alias.asname, ast.MatchAs.pattern)
try:
    ast.ImportFrom.names
except AttributeError as e:
    print("AttributeError", e)

# constructors
b = ast.BinOp(ast.Constant(1), ast.Add(), right=ast.Constant(2))
print(ast.dump(b), b.op.__class__.__name__)
print(ast.dump(ast.Pass()), ast.Pass().__dict__)
x = ast.AST(a=1, b=2)
print(x.a, x.b, x.__dict__)
for bad in (lambda: ast.Constant(1, 2, 3), lambda: ast.alias('a', 'b', 'c'),
            lambda: ast.BinOp(1, left=2), lambda: ast.Load(0)):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)

# subclasses keep working
class MyName(ast.Name):
    _fields = ('id', 'ctx', 'extra')
m = MyName('q', ast.Load(), 7)
print(m.extra, isinstance(m, ast.expr), ast.dump(m))

# a NodeTransformer over a parsed tree, then unparse
class Double(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node
tree = ast.parse("def f(x):\n    return x + 21 * 1\n")
tree = Double().visit(tree)
print(ast.unparse(tree))
print([type(n).__name__ for n in ast.walk(tree)])
print(ast.get_docstring(ast.parse('"""hello"""\nx = 1')))
print(ast.get_source_segment("a = [1,\n 2]", ast.parse("a = [1,\n 2]").body[0].value))
print(ast.dump(ast.parse("x: 'int' = 3; y = (yield)", mode="exec"), indent=2))
for src in ("f(*a, **k, x=1)", "a[b:c, d]", "not -~+x", "{**a, 'b': 1}", "(x for x in y for z in x if z)",
            "a and b or c", "lambda: (yield)", "f'{x=}'", "f'{x:{y}.{z}}'", "'a' 'b'", "b'a' b'b'",
            "u'x'", "1 if 2 else 3", "[*a, *b]", "a.b.c", "x @ y", "await z"):
    try:
        print(ast.dump(ast.parse(src, mode="eval"), include_attributes=True))
    except SyntaxError as e:
        print("SyntaxError", e)
print(ast.literal_eval("-1.5e3"), ast.literal_eval("(1, [2], {3: 4}, {5})"), ast.literal_eval("1+2j"))
try:
    ast.literal_eval("x + 1")
except ValueError as e:
    print("ValueError", str(e).split(":")[0])
import _ast
print(_ast.PyCF_ONLY_AST, _ast.PyCF_TYPE_COMMENTS, _ast.PyCF_ALLOW_TOP_LEVEL_AWAIT, _ast.AST is ast.AST)
t = compile("x = 1", "<f>", "exec", _ast.PyCF_ONLY_AST)
print(type(t).__name__, compile(t, "<f>", "exec", _ast.PyCF_ONLY_AST) is t)
for args in [("x", "f", "bad", 1024), ("x", "f", "bad"), ("x", "f", "exec", 1), ("x", "f", "func_type")]:
    try:
        compile(*args)
    except ValueError as e:
        print("ValueError", e)
