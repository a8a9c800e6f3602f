# dict views
d = {'one': 1, 'two': 2, 'three': 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i)
print(list(k), list(v), list(i), len(k), 'one' in k, 2 in v, ('two', 2) in i)
d['four'] = 4
print(list(k), len(v))
print(sorted(k & {'one', 'x'}), sorted(k | {'x'}), sorted(k - {'one'}), sorted(k ^ {'one', 'y'}))
print(sorted(i & {('one', 1)}), k == {'one', 'two', 'three', 'four'}, type(k).__name__, type(v).__name__, type(i).__name__)
for key, val in d.items():
    print(key, val)
print(list(reversed(d.keys())), list(reversed(d.values())))
del d['one']
print(list(i))
