def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
d = {'a': 1, 'b': 2}
d['c'] = 3; d['a'] = 10; print(d, len(d), list(d), 'a' in d, 1 in d)
print(d.get('a'), d.get('z'), d.get('z', 0), d.setdefault('e', 5), d.setdefault('a', 99), d)
print(d.pop('e'), d.pop('zz', None), d.popitem(), d)
t(lambda: d.pop('zz')); t(lambda: {}.popitem()); t(lambda: d['missing']); t(lambda: d[[1]])
t(lambda: {}[(1, 2)]); t(lambda: {}[None]); t(lambda: {}['']); t(lambda: {}[1.5])
d.update({'x': 1}, y=2); d.update([('z', 3)]); d.update(w=4); print(d)
t(lambda: d.update(1)); t(lambda: d.update([1])); t(lambda: d.update([(1, 2, 3)])); t(lambda: dict([(1,)]))
print(dict(a=1), dict([(1, 2)]), dict({1: 2}, b=3), dict.fromkeys('ab'), dict.fromkeys([1, 2], 0), dict(zip('ab', [1, 2])))
e = d.copy(); e.clear(); print(e, d == d.copy(), {1: 2} == {1: 2.0}, {1: 2} != {1: 3})
t(lambda: {1: 2} < {1: 2})
print({1: 'a', 2: 'b'} | {2: 'c', 3: 'd'}, {1: 1} | {})
f = {1: 1}; f |= {2: 2}; f |= [(3, 3)]; print(f)
t(lambda: {1: 1} | [(2, 2)])
del f[1]; print(f); t(lambda: f.__delitem__(99))
r = {}; r['self'] = r; print(r)
print(repr({'a': [1, {'b': (2,)}], 3.5: None, (1, 2): 'tuple', True: False}))
print({True: 'a', 1: 'b', 1.0: 'c'}, {0: 'x', False: 'y'})
g = {i: i * i for i in range(5)}; print(g, {k: v for k, v in g.items() if v > 4})
print(sorted(g.items(), key=lambda kv: -kv[1]), max(g, key=g.get), list(reversed(g)))
for k in g: pass
t(lambda: [g.__setitem__(99, 1) for k in g])
h = dict(a=1, b=2, c=3); del h['b']; h['b'] = 5; print(list(h), h)
t(lambda: hash({})); t(lambda: dict(1)); t(lambda: {}.get()); t(lambda: dict(1, 2))
class M(dict):
    def __missing__(self, k): return k * 2
m = M(a=1); print(m['a'], m['zz'], m, type(m).__name__, m.get('q'))
print({}.keys(), {1: 2}.values(), {1: 2}.items(), bool({}), bool({0: 0}))
import collections
print(dict(sorted({'b': 1, 'a': 2}.items())), {**{'a': 1}, 'b': 2, **{'a': 3}})
print(str({1: 2}), {(): ()}, {frozenset(): 1}, {'k': "v'\""})
t(lambda: {[]: 1}); t(lambda: {{}: 1}); t(lambda: {set(): 1})
n = {}; [n.setdefault(c, []).append(i) for i, c in enumerate('abcab')]; print(n)
print(dict.fromkeys(range(3), []), list(dict.fromkeys('abracadabra')))
big = {i: str(i) for i in range(1000)}
for i in range(0, 1000, 2): del big[i]
print(len(big), list(big)[:5], big[999], sum(big))
