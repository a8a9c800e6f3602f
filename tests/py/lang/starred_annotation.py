# PEP 646: `*args: *Ts` annotations (parsed, evaluated as [value] = [*Ts]); only on *args.
import ast
Ts = [int]
def f(*args: *Ts): pass
print(f.__annotations__)
def g(*args: *tuple[int, str]): pass
try:
    print(g.__annotations__)
except ValueError as e:
    print('ValueError', e)
for src in ['def f(*args: *Ts): pass', 'def f(*args: *tuple[int, ...]): pass', 'def f(a: *Ts): pass',
            'def f(**k: *Ts): pass', 'def f(*, a: *Ts): pass', 'lambda *a: *b']:
    try:
        print(ast.dump(ast.parse(src).body[0]))
    except SyntaxError as e:
        print('SyntaxError', e)
