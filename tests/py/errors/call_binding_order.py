# Which error a bad call raises when several apply (found by tools/difffuzz.py):
# CPython binds keywords first (unexpected / multiple values), then complains
# about too many positional arguments, counting the keyword-only ones given.
def f(a, b): pass
def g(a, b=2, *, k=3): pass
def h(a, b, /, c): pass
def v(a, *args, **kw): pass
def kw_only(*, k): pass
def none(): pass
calls = [
    'f(1, 2, 3, b=1)', 'f(1, 2, 3, z=1)', 'f(1, 2, 3)', 'f(1, 2, 3, a=1, b=2)', 'f(1, b=2, a=3)',
    'g(1, 2, 3, k=4)', 'g(1, 2, 3, 4, k=4)', 'g(1, 2, 3, z=4)', 'g(1, 2, 3, b=4)', 'g()', 'g(k=1)',
    'h(1, 2, 3, 4)', 'h(1, 2, 3, a=1)', 'h(a=1, b=2, c=3)', 'h(1, b=2, c=3)', 'h(1, 2, a=1, b=2, c=3)',
    'v(1, a=2)', 'v(b=1)', 'kw_only(1)', 'kw_only(1, k=2)', 'kw_only(1, z=2)', 'kw_only()',
    'none(1)', 'none(x=1)', 'none(1, x=1)', 'f(*[1, 2, 3], **{"b": 1})', 'f(**{"a": 1, "c": 2})',
]
for c in calls:
    try:
        eval(c)
        print(c, 'ok')
    except TypeError as e:
        print(c, '->', e)
class C:
    def m(self, a): pass
for c in ['C().m(1, 2, a=3)', 'C().m(1, 2, z=3)', 'C().m(1, 2)', 'C.m(C(), 1, self=2)']:
    try:
        eval(c)
    except TypeError as e:
        print(c, '->', e)
