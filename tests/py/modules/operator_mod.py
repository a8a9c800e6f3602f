# operator
import operator as op
print(op.add(1, 2), op.sub(5, 3), op.mul(3, 4), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 5), op.neg(3), op.pos(-3), op.abs(-2))
print(op.eq(1, 1), op.ne(1, 2), op.lt(1, 2), op.le(2, 2), op.gt(1, 2), op.ge(3, 2), op.not_(0), op.truth([1]), op.is_(None, None), op.is_not(1, None))
print(op.and_(6, 3), op.or_(6, 3), op.xor(6, 3), op.invert(5), op.lshift(1, 4), op.rshift(16, 2), op.concat('a', 'b'), op.contains([1], 1), op.index(5))
print(op.getitem([1, 2], 1), op.itemgetter(1)('abc'), op.itemgetter(0, 2)('abc'), op.attrgetter('real')(5), op.methodcaller('upper')('x'))
l = [1, 2, 3]; op.setitem(l, 0, 9); op.delitem(l, 1); print(l)
data = [('b', 2), ('a', 3), ('c', 1)]
print(sorted(data, key=op.itemgetter(1)), sorted(data, key=op.itemgetter(0)), list(map(op.mul, [1, 2], [3, 4])))
x = [1]; x = op.iadd(x, [2]); print(x, op.countOf([1, 1, 2], 1), op.indexOf('abc', 'c'), op.length_hint([1, 2]))
class O: pass
o = O(); o.a = O(); o.a.b = 'deep'
print(op.attrgetter('a.b')(o), op.attrgetter('a', 'a.b')(o)[1])
