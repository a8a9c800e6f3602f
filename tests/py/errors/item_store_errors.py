# o[k] = v / del o[k] on types that cannot (found by tools/difffuzz.py): CPython has
# one C slot for __setitem__ and __delitem__, so a class with only one of them
# raises AttributeError naming the other; a sequence-like type converts an index
# key first and "doesn't support item deletion", the rest "does not".
class OnlySet:
    def __setitem__(self, k, v): print('set', k, v)
class OnlyDel:
    def __delitem__(self, k): print('del', k)
class Plain: pass
class GA:
    def __getattr__(self, n): raise AttributeError(n)
class I:
    def __repr__(self): return "I()"
    def __index__(self): return 1
class BadI:
    def __repr__(self): return "BadI()"
    def __index__(self): raise KeyError('bad')
class Sub(int): pass
import collections
objs = [OnlySet(), OnlyDel(), Plain(), GA(), Sub(3), (1, 2), 'ab', b'ab', range(3), {1: 2}.keys(), {1: 2}.values(), {1: 2}.items(),
        frozenset({1}), {1}, 5, 1.5, None, True, len, int, iter([1]), collections.deque([1])]
for o in objs:
    for k in [0, 2**70, 'a', 1.5, I(), BadI(), True]:
        for op in ['set', 'del']:
            try:
                if op == 'set': o[k] = 1
                else: del o[k]
                print(type(o).__name__, op, 'ok')
            except Exception as e:
                print(type(o).__name__, repr(k) if not isinstance(k, (I, BadI)) else type(k).__name__, op, type(e).__name__, e)
