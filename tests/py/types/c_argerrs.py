objs = {'list': [1, 2], 'tuple': (1, 2), 'dict': {1: 2}, 'set': {1, 2}, 'frozenset': frozenset([1]), 'range': range(3)}
meths = {
 'list': ['append', 'extend', 'insert', 'remove', 'pop', 'clear', 'index', 'count', 'reverse', 'copy'],
 'tuple': ['count', 'index'],
 'dict': ['keys', 'values', 'items', 'get', 'setdefault', 'pop', 'popitem', 'clear', 'copy', 'update', 'fromkeys'],
 'set': ['add', 'remove', 'discard', 'pop', 'clear', 'copy', 'union', 'update', 'intersection', 'difference', 'symmetric_difference', 'symmetric_difference_update', 'issubset', 'issuperset', 'isdisjoint', 'intersection_update', 'difference_update'],
 'frozenset': ['copy', 'union', 'issubset'],
 'range': ['index', 'count'],
}
for tn, ms in meths.items():
    o = objs[tn]
    for m in ms:
        for args in [(), (1, 2, 3, 4)]:
            try:
                getattr(o.copy() if hasattr(o, 'copy') else o, m)(*args)
                print(tn, m, len(args), 'ok')
            except Exception as e:
                print(tn, m, len(args), type(e).__name__, e)
        try:
            getattr(o.copy() if hasattr(o, 'copy') else o, m)(x=1)
            print(tn, m, 'kw ok')
        except Exception as e:
            print(tn, m, 'kw', type(e).__name__, e)
