# dict: all methods
d = {'a': 1, 'b': 2}
d['c'] = 3
print(d, len(d), d['a'], d.get('z'), d.get('z', 0), 'a' in d, 'z' not in d)
print(d.pop('a'), d.pop('zz', 'dflt'), d)
print(d.setdefault('b', 99), d.setdefault('n', []), d)
d.update({'x': 1}, y=2); d.update([('z', 3)]); print(d)
print(d.popitem(), d)
c = d.copy(); c['new'] = 1; print(d, c)
print(dict.fromkeys('ab'), dict.fromkeys([1, 2], 0), dict(a=1), dict([('k', 'v')]), dict({'m': 1}, n=2), dict(zip('xy', (1, 2))))
d.clear(); print(d, d.get('a'))
try:
    {}['missing']
except KeyError as e:
    print(type(e).__name__, e)
try:
    {}.pop('m')
except KeyError as e:
    print(type(e).__name__, e)
try:
    {}.popitem()
except KeyError as e:
    print(type(e).__name__, e)
try:
    {[1]: 2}
except TypeError as e:
    print(type(e).__name__, e)
print({1: 'a'} == {1: 'a'}, {1: 1, 2: 2} == {2: 2, 1: 1}, {1: 1.0}[1.0], {True: 'x'}.get(1))
print({'a': 1} | {'b': 2}, repr({'k': [1, {'n': None}]}), str({}), {(1, 2): 'tuple key'}[(1, 2)])
e = {'a': 1}; e |= {'a': 2, 'b': 3}; print(e)
nested = {'x': {'y': {'z': 1}}}
print(nested['x']['y']['z'], list(reversed({'a': 1, 'b': 2})))
d2 = {}
d2[1] = 'int'; d2[1.0] = 'float'; d2[True] = 'bool'
print(d2)
try:
    for k in (dd := {'a': 1}):
        dd['b'] = 2
except RuntimeError as e:
    print(type(e).__name__, e)
