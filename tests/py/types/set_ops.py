# set: methods and operators
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union(b, [9])), sorted(a.intersection(b)), sorted(a.difference(b, {1})), sorted(a.symmetric_difference(b)))
print(a <= a, {1} < a, a >= {1, 2}, a > a, a.issubset(range(10)), a.issuperset([1]), a.isdisjoint({9}), {1} == {1.0})
s = set()
s.add(1); s.add(1); s.update([2, 3], (4,)); print(sorted(s), len(s))
s.discard(99); s.remove(4); print(sorted(s))
try:
    s.remove(99)
except KeyError as e:
    print(type(e).__name__, e)
p = s.pop(); print(p in {1, 2, 3}, len(s))
c = a.copy(); c.clear(); print(c, a == {1, 2, 3, 4}, set(), repr({5}), set('aab') == {'a', 'b'})
a.intersection_update(b); print(sorted(a))
a.difference_update({3}); print(sorted(a))
a.symmetric_difference_update({4, 8}); print(sorted(a))
try:
    {[1]}
except TypeError as e:
    print(type(e).__name__, e)
try:
    set().pop()
except KeyError as e:
    print(type(e).__name__, e)
print(sorted({x for x in range(10)} - set(range(0, 10, 2))), 3 in {1, 2, 3}, len({1, 1, 2, True}))
print({1, 2, 3}, {(1, 2), (0, 1)} == {(0, 1), (1, 2)}, sorted({-1, -5, 3}))
