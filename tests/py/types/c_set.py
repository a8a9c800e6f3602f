def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
print({3, 1, 2}, set(), set('hello') == set('helo'), set([10, 5, 100, 1, 33, 64, 7]), set(range(20, 0, -3)))
print(set([-1, -5, 3, 1000000, 2**40, 17]), set([1.5, 2.5, 0.5]), set([True, 2, 0]), set([8, 16, 32, 64, 1, 9]))
print(set(range(50, 0, -7)), set([100, 200, 300, 3, 35, 68]), {i * 37 % 101 for i in range(15)})
s = {1, 2, 3}
s.add(4); s.discard(9); s.remove(1); print(s); t(lambda: s.remove(9)); t(lambda: set().pop())
print(s.pop(), s, {1, 2} | {3}, {1, 2} & {2, 3}, {1, 2} - {2}, {1, 2} ^ {2, 3})
a, b = {1, 2, 3}, {3, 4}
print(a.union(b, [9]), a.intersection(b, {3}), a.difference([1], [2]), a.symmetric_difference([3, 5]))
print(a.issubset({1, 2, 3, 4}), a.issuperset([1]), a.isdisjoint(b), a <= a, a < a, {1} < a, a > {1}, a >= b)
c = set(a); c |= {7}; c &= {1, 7, 2}; c -= {1}; c ^= {9, 2}; print(c)
c.update([1], (5,)); c.intersection_update(range(6)); print(c)
c.difference_update([1]); c.symmetric_difference_update([3, 4]); print(c)
t(lambda: {1} | [2]); t(lambda: {1} < [2]); t(lambda: {[]}); t(lambda: set(1)); t(lambda: {1}.add([]))
s1 = {1}; t(lambda: hash(s1)); t(lambda: s1[0]); t(lambda: {1} + {2})
f = frozenset([3, 1]); print(f, frozenset(), hash(f) == hash(frozenset([1, 3])), f | {5}, {5} | f, type({5} | f).__name__, type(f | {5}).__name__)
print(f == {1, 3}, {frozenset([1])}, {1: f}, frozenset('ab') & set('bc'), f.copy() is f)
print(repr(set([frozenset()])), frozenset([frozenset([1])]), hash(frozenset()), hash(frozenset([1, 2, 3])))
print(len(s), 2 in s, sorted({'b', 'a', 'c'}), set('aaa'), set({1: 2}))
class S(set): pass
x = S([1, 2]); print(x, type(x | {3}).__name__, x == {1, 2})
class F(frozenset): pass
print(F([1]), repr(F()), set.__name__)
u = {1, 2, 3}
t(lambda: [u.add(i) for i in u])
print({1, 2} == frozenset([1, 2]), {1} != {1.0}, set([1, 1.0, True]), {0, False, 0.0})
print({'a', 'b'} - {'a'}, {i: 1 for i in range(12)}.keys() - {3}, {9, 17, 25} | {1}, {(1, 2), (3, 4)} & {(1, 2)}, set(x * 2 for x in range(4)))
print(set(range(100)) - set(range(3, 100)), {2**64, 2**65}, {-1, -2})
print(set([31, 30, 29, 1, 2, 33, 65, 97]), set(range(7, 70, 9)))
t(lambda: {1}.issubset(1)); t(lambda: set().update(1))
e = set(); e.add(5); e.clear(); print(e, bool(e), bool({0}))
print(min({3, 1}), max(frozenset('xz')), sum({1, 2}), {1, 2}.copy())
