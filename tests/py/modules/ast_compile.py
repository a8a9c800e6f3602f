# compile() of ast trees: parsed, transformed, built by hand; the validator's errors.
import ast
src = open(__import__('os').path.join(__import__('os').path.dirname(__file__), 'ast_parse.py')).read().split("t = ast.parse(src)")[0]
ns = {}
exec(src, ns)
tree = ast.parse(ns['src'])
code = compile(tree, '<tree>', 'exec')
print(type(code).__name__)
t2 = ast.parse("def f(a, b=2, *c, d, e=5, **g):\n    return [a, b, c, d, e, g]\nprint(f(1, d=4, z=9))\nx = -5; y = -2.5; z = 1+2j; w = ~3\nprint(x, y, z, w)")
exec(compile(t2, 'f', 'exec'))
print(eval(compile(ast.parse("1 + 2 * 3", mode="eval"), "e", "eval")))
# a transformer then compile
class Double(ast.NodeTransformer):
    def visit_Constant(self, node):
        if isinstance(node.value, int) and not isinstance(node.value, bool):
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node
t3 = Double().visit(ast.parse("print(21, 'x', [1, 2])"))
exec(compile(t3, "t", "exec"))
# built by hand
m = ast.Module(body=[ast.Expr(ast.Call(ast.Name('print', ast.Load()), [ast.Constant('hand')], []))], type_ignores=[])
ast.fix_missing_locations(m)
exec(compile(m, "h", "exec"))
exec(compile(ast.parse("match [1, 2]:\n case [a, *b]: print(a, b)\n case _: pass"), "m", "exec"))
exec(compile(ast.parse("try:\n  1/0\nexcept* ZeroDivisionError as g: print('eg', repr(g))"), "m", "exec"))
exec(compile(ast.parse("async def f():\n  async with a: pass\nprint(f.__name__)\nprint(f'{3:>{4}}|', u'u')"), "m", "exec"))
tests = [
 ast.Module(body=[ast.Pass()], type_ignores=[]),
 ast.Module(body=[ast.Pass(lineno=1, col_offset=0)]),
 ast.Module(type_ignores=[]),
 ast.Module(body=ast.Pass(), type_ignores=[]),
 ast.Module(body=[ast.Expr(ast.Pass(), lineno=1, col_offset=0)], type_ignores=[]),
 ast.Module(body=[ast.Expr(ast.Name(1, ast.Load(), lineno=1, col_offset=0), lineno=1, col_offset=0)], type_ignores=[]),
 ast.Module(body=[ast.Assign([ast.Name('x', ast.Load(), lineno=1, col_offset=0)], ast.Constant(1, lineno=1, col_offset=0), lineno=1, col_offset=0)], type_ignores=[]),
 ast.Module(body=[ast.Expr(ast.Constant([1], lineno=1, col_offset=0), lineno=1, col_offset=0)], type_ignores=[]),
 ast.Module(body=[ast.FunctionDef('f', ast.arguments([], [], None, [], [], None, []), [], [], lineno=1, col_offset=0)], type_ignores=[]),
 ast.Expression(body=ast.Compare(ast.Constant(1, lineno=1, col_offset=0), [ast.Lt()], [], lineno=1, col_offset=0)),
 ast.Module(body=[ast.Expr(ast.Constant(1, lineno='x', col_offset=0), lineno=1, col_offset=0)], type_ignores=[]),
 ast.Interactive(body=[]),
 ast.Expression(body=ast.Dict([ast.Constant(1, lineno=1, col_offset=0)], [], lineno=1, col_offset=0)),
 ast.Module(body=[ast.Delete([], lineno=1, col_offset=0)], type_ignores=[]),
 ast.Module(body=[ast.Try([ast.Pass(lineno=1, col_offset=0)], [], [], [], lineno=1, col_offset=0)], type_ignores=[]),
 ast.Module(body=[ast.ImportFrom('x', [ast.alias('y', lineno=1, col_offset=0)], -1, lineno=1, col_offset=0)], type_ignores=[]),
 ast.Expression(body=ast.BinOp(ast.Constant(1, lineno=1, col_offset=0), ast.Load(), ast.Constant(1, lineno=1, col_offset=0), lineno=1, col_offset=0)),
 ast.Expression(body=ast.Name('None', ast.Load(), lineno=1, col_offset=0)),
 ast.Expression(body=ast.BoolOp(ast.And(), [ast.Constant(1, lineno=1, col_offset=0)], lineno=1, col_offset=0)),
]
for t in tests:
    try:
        compile(t, 'f', 'exec' if not isinstance(t, ast.Expression) else 'eval')
        print('ok')
    except Exception as e:
        print(type(e).__name__, str(e).split(' at 0x')[0])
deep = ast.Expression(body=ast.Constant(1, lineno=1, col_offset=0))
for i in range(10000):
    deep = ast.Expression(body=ast.UnaryOp(ast.USub(), deep.body, lineno=1, col_offset=0))
try:
    compile(deep, 'd', 'eval')
except RecursionError as e:
    print('RecursionError', e)
cyc = ast.List([], ast.Load(), lineno=1, col_offset=0)
cyc.elts.append(cyc)
try:
    compile(ast.Expression(body=cyc), 'c', 'eval')
except RecursionError as e:
    print('RecursionError', e)
