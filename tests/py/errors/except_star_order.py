# handler selection order and exception variables
class A(Exception): pass
class B(A): pass
class C(B): pass
for exc in (A, B, C):
    try:
        raise exc()
    except C:
        print('C handler', exc.__name__)
    except B:
        print('B handler', exc.__name__)
    except A:
        print('A handler', exc.__name__)
try:
    raise B('b')
except (C, A) as e:
    print('tuple matched', type(e).__name__)
errs = (KeyError, IndexError)
try:
    [][1]
except errs as e:
    print('dynamic tuple', type(e).__name__)
def f():
    try:
        return 1 / 0
    except Exception:
        return 'handled in function'
print(f())
try:
    try:
        raise A('x')
    except Exception as e:
        raise
except A as e2:
    print('bare raise kept type', type(e2).__name__)
try:
    raise ValueError('x')
except (ValueError):
    print('parenthesized')
