import operator as op
from operator import itemgetter, attrgetter, methodcaller
print(op.add(1, 2), op.sub(5, 3), op.mul(3, 4), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 5), op.neg(3), op.pos(-3), op.abs(-2))
print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1), op.ne(1, 2), op.gt(1, 2), op.ge(3, 2), op.not_(0), op.truth([]), op.is_(None, None), op.is_not(1, None))
print(op.and_(6, 3), op.or_(6, 3), op.xor(6, 3), op.invert(5), op.inv(5), op.lshift(1, 4), op.rshift(16, 2), op.concat('a', 'b'), op.contains([1], 1), op.countOf([1, 1, 2], 1), op.indexOf('abc', 'c'))
l = [1, 2, 3]; op.setitem(l, 0, 9); op.delitem(l, 1); print(l, op.getitem(l, -1), op.getitem('abc', slice(1, None)))
print(op.index(5), op.length_hint([1, 2]), op.length_hint(iter([]), 7), op.matmul(1, 1) if False else '')
print(op.iadd([1], [2]), op.iadd(1, 2), op.imul('a', 3), op.isub(5, 1), op.ior({1}, {2}))
g = itemgetter(1); print(g([1, 2]), itemgetter(0, 2)('abc'), itemgetter('k')({'k': 'v'}), g)
print(repr(itemgetter(1, 'a')), repr(attrgetter('x.y')), repr(attrgetter('a', 'b')), repr(methodcaller('f', 1, k=2)))
class A: pass
a = A(); a.x = A(); a.x.y = 5; a.b = 2
print(attrgetter('x.y')(a), attrgetter('b', 'x.y')(a), methodcaller('upper')('abc'), methodcaller('split', ',', 1)('a,b,c'))
print(sorted([(1, 'b'), (0, 'c'), (1, 'a')], key=itemgetter(0, 1)), sorted(['bb', 'a', 'ccc'], key=len))
try:
    itemgetter(5)([1])
except IndexError as e:
    print('IndexError', e)
try:
    attrgetter('zz')(a)
except AttributeError as e:
    print('AttributeError', e)
try:
    op.index(1.5)
except TypeError as e:
    print('TypeError', e)
print(op.__name__, op.add.__name__, op.__add__(1, 1), op.itemgetter.__name__)
from functools import reduce
print(reduce(op.mul, range(1, 6)), list(map(op.add, [1, 2], [3, 4])))
