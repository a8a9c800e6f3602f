# itertools as CPython's C module (found by tools/difffuzz.py): every iterator is a
# class of its own name (a groupby group is an _grouper), and bad calls get the
# Argument Clinic / _PyArg_CheckPositional messages in CPython's check order.
import itertools as it
calls = []
for f in ['accumulate', 'compress', 'dropwhile', 'takewhile', 'filterfalse', 'starmap', 'pairwise', 'cycle', 'groupby',
          'combinations', 'combinations_with_replacement', 'permutations', 'zip_longest', 'product', 'tee', 'islice',
          'count', 'repeat', 'chain']:
    for a in ['', '[1]', '[1], 2', '[1], 2, 3', '[1], 2, 3, 4, 5', 'x=1', '[1], x=1', '[1], key=1', '[1], r=1', 'iterable=[1]',
              '[1], iterable=[2]', 'None', '5', '[1], None', '[1], -1', '[1], 2**70', '[1], "a"', 'fillvalue=1', 'repeat=2', '[1], repeat=-1',
              '[1], initial=5', '[1], func=None', 'start=1, step=2', 'object=1', 'times=2', '1, -5', 'data=[1], selectors=[1]']:
        calls.append(f'it.{f}({a})')
for c in calls:
    try:
        r = eval(c)
        try:
            v = list(it.islice(r, 5)) if not isinstance(r, tuple) else [list(x) for x in r]
        except Exception as e:
            v = 'iter! %s %s' % (type(e).__name__, e)
        if 'groupby' in c and isinstance(v, list):
            v = [(k, type(g).__name__) for k, g in v]
        print(c, '->', type(r).__name__, v)
    except Exception as e:
        print(c, '!', type(e).__name__, e)
print(type(it.groupby('aab')).__name__, [type(g).__name__ for k, g in it.groupby('aab')])
print(repr(it.accumulate([1]))[:26], repr(it.groupby("a"))[:23], repr(it.tee([1])[0])[:18])
