# _operator in C under CPython's operator.py: every function, itemgetter/attrgetter/methodcaller, reprs, pickling, errors.
import _operator as o, operator, pickle, copy, functools
print(o.add(1, 2), o.sub(5, 3), o.mul('a', 3), o.truediv(1, 4), o.floordiv(7, 2), o.mod(7, 3), o.pow(2, 10))
print(o.lshift(1, 5), o.rshift(64, 2), o.or_(5, 2), o.xor(7, 2), o.and_(6, 3), o.neg(3), o.pos(-2), o.invert(5), o.inv(5), o.abs(-4))
print(o.lt(1, 2), o.le(2, 2), o.eq(1, 1.0), o.ne(1, 2), o.gt(1, 2), o.ge(3, 3), o.not_([]), o.truth([1]), o.is_(None, None), o.is_not(1, None))
l = [1]; print(o.iadd(l, [2]) is l, l, o.iconcat(l, (3,)), o.concat([1], [2]), o.concat('a', 'b'))
for f, a in [(o.concat, (1, 2)), (o.iconcat, ({}, {})), (o.indexOf, ([1, 2], 3)), (o.add, (1, 'a')), (o.abs, ('x',)), (o.index, (1.5,)), (o.length_hint, ([], 'x')), (o.neg, ('s',))]:
    try: print(f(*a))
    except Exception as e: print(f.__name__, type(e).__name__, e)
print(o.contains([1, 2], 2), o.countOf([1, 2, 1, 1.0], 1), o.indexOf('abc', 'c'), o.index(True), o.length_hint(iter(range(5))), o.length_hint(object(), 7))
d = {}; o.setitem(d, 'k', 1); print(o.getitem(d, 'k')); o.delitem(d, 'k'); print(d)
print(o.call(max, 1, 5, key=lambda x: -x), o.ipow(2, 3), o.imatmul.__name__, o.__doc__[:18])
g = o.itemgetter(1); print(g([5, 6]), o.itemgetter(0, 2)('abc'), repr(o.itemgetter(1, 'a')), g)
a = o.attrgetter('real', 'imag'); print(a(3+4j), o.attrgetter('__class__.__name__')(1), repr(o.attrgetter('a.b', 'c')))
m = o.methodcaller('split', ',', maxsplit=1); print(m('a,b,c'), repr(m), repr(o.methodcaller('upper')), o.methodcaller('upper')('x'))
for x in [o.itemgetter(1, 2), o.attrgetter('a.b', 'c'), o.methodcaller('f', 1, k=2), o.methodcaller('g')]:
    y = pickle.loads(pickle.dumps(x)); print(repr(y), repr(copy.copy(x)), x.__reduce__()[0] is type(x) or type(x.__reduce__()[0]).__name__)
for f, a, k in [(o.itemgetter, (), {}), (o.attrgetter, (), {}), (o.attrgetter, (1,), {}), (o.methodcaller, (), {}), (o.methodcaller, (1,), {}), (o.itemgetter, (1,), {'x': 1})]:
    try: f(*a, **k)
    except Exception as e: print(f.__name__, type(e).__name__, e)
try: o.itemgetter(1)()
except Exception as e: print(type(e).__name__, e)
try: o.itemgetter(1)([1], [2])
except Exception as e: print(type(e).__name__, e)
try: o.attrgetter('zz')(1)
except Exception as e: print(type(e).__name__, e)
try:
    class X(o.itemgetter): pass
except TypeError as e: print(e)
print(sorted([(1, 'b'), (0, 'z'), (2, 'a')], key=o.itemgetter(1)), functools.reduce(o.mul, range(1, 8)))
print(operator.add is o.add, operator.__add__ is o.add, operator.itemgetter is o.itemgetter, o._compare_digest(b'a', b'a'))
print(sorted(n for n in dir(o) if not n.startswith('__')))
