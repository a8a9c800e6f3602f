from collections import defaultdict, OrderedDict
d = defaultdict(list)
d['a'].append(1); d['b'].append(2); d['a'].append(3)
print(d, d['a'], dict(d), len(d), d.default_factory)
i = defaultdict(int); i['x'] += 1; print(i, i['y'], i)
n = defaultdict(); print(n, n.default_factory)
try:
    n['k']
except KeyError as e:
    print('KeyError', e)
print(d.get('zz'), 'zz' in d, defaultdict(lambda: 'v')['q'])
print(repr(defaultdict(set)), defaultdict(int, {'a': 1}), defaultdict(int, a=2))
c = d.copy(); print(type(c).__name__, c == d, c is d, c.default_factory)
print(defaultdict(int, a=1) == {'a': 1}, isinstance(d, dict))
try:
    defaultdict(5)
except TypeError as e:
    print(e)
class M(dict):
    def __missing__(self, k): return k * 2
print(M()['ab'])
tree = lambda: defaultdict(tree)
t = tree(); t['a']['b']['c'] = 1; print(t['a']['b']['c'], list(t['a']))
o = OrderedDict(); o['b'] = 1; o['a'] = 2; o['c'] = 3
print(o, list(o), o.popitem(), o.popitem(last=False), o)
o = OrderedDict.fromkeys('abcde'); o.move_to_end('b'); o.move_to_end('d', last=False); print(list(o), o)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1))
print(repr(OrderedDict()), OrderedDict([(1, 2)]), list(reversed(OrderedDict(x=1, y=2))))
o = OrderedDict(x=1); o.update(y=2); o.setdefault('z', 3); print(o, o.pop('x'), o)
try:
    OrderedDict().popitem()
except KeyError as e:
    print('KeyError', e)
try:
    o.move_to_end('nope')
except KeyError as e:
    print('KeyError', e)
print(o.keys(), o.values(), o.items())
print(OrderedDict(a=1) | {'b': 2}, type(OrderedDict(a=1) | {'b': 2}).__name__)
