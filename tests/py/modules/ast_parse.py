import ast
src = '''
import os, sys as s
from . import x
from ..a.b import (c as d, e)
@dec(1)
def f(a, /, b: int = 2, *args, c, d=3, **kw) -> "r":
    """doc"""
    global g
    x = y = a + b * -c ** 2
    x += 1; x: int = 5; z: list
    del x[0], y.a
    for i in range(10):
        if i % 2 == 0 and i or not i:
            continue
        elif i > 5: break
        else: pass
    else:
        pass
    while False: pass
    with open(a) as f1, g():
        pass
    try:
        raise ValueError("x") from None
    except (TypeError, ValueError) as e:
        pass
    except Exception:
        raise
    else: pass
    finally: pass
    assert a, "m"
    return [i for i in x if i], {k: v for k, v in y}, {1, 2}, (i async for i in z), lambda q, *r: q
async def g():
    async with a as b: await c
    async for i in d: yield i
class C(B, metaclass=M):
    x: int = 1
    def m(self): return super().m()
print(f"a{x!r:>{w}}b{y}", b'by', 1.5, 2j, ..., None, True, 0x1f, 1_000, 10**30)
match p:
    case 1 | 2: pass
    case [a, *rest]: pass
    case {"k": v, **kw}: pass
    case Point(x=0, y=yy) if yy > 0: pass
    case str() as s: pass
    case None: pass
    case _: pass
try:
    pass
except* ValueError:
    pass
x[1:2, ::3]
a if b else c
(n := 5)
x < y <= z is not w not in q
'''
t = ast.parse(src)
print(ast.dump(t, include_attributes=True, indent=1))
print(ast.dump(ast.parse('1+2', mode='eval')))
print(ast.dump(ast.parse('x=1', mode='single')))
print(ast.literal_eval("{'a': [1, 2.5, -3, (True, None)], 'b': b'x'}"))
print(ast.unparse(t))
print(type(t.body[0].names[0].ctx if hasattr(t.body[0].names[0],'ctx') else None))
print(ast.Name.__doc__, ast.stmt.__doc__[:40], ast.boolop.__doc__, ast.excepthandler.__doc__)
n = ast.Name('x', ast.Load(), lineno=1, col_offset=0)
print(n.id, n.end_lineno, ast.Constant(5).kind, n.__reduce__()[0])
for bad in [lambda: ast.Name(1,2,3), lambda: ast.Name('x', id='y'), lambda: ast.Pass(1)]:
    try: bad()
    except TypeError as e: print(e)
print(ast.parse('x').body[0].value.ctx is ast.parse('y').body[0].value.ctx)
import copy, pickle
print(ast.dump(copy.deepcopy(t.body[-1])))
print(ast.dump(pickle.loads(pickle.dumps(t.body[-2]))))
try: ast.parse('x = (')
except SyntaxError as e: print(e)
print(isinstance(t, ast.AST), ast.Module.__mro__, ast.Load.__mro__)
print(ast.Module._fields, ast.arg._attributes, ast.comprehension._attributes, ast.FunctionDef.__match_args__)
