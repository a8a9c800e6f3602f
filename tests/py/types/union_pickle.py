# types.UnionType pickles and copies through copyreg's pickle_union; type(None) and friends pickle; type.__new__'s argument count message for metaclasses.
import pickle, copy, types
u = int | str | None
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    v = pickle.loads(pickle.dumps(u, proto)); print(v, v == u, type(v) is types.UnionType)
print(copy.copy(u), copy.deepcopy(u), [pickle.loads(pickle.dumps(t)) for t in (type(None), type(NotImplemented), type(...))])
class M(type): pass
for a in [(5,), ('a', ())]:
    try: M(*a)
    except TypeError as e: print(e)
for a in [('a', (), {}, 1), ('a', ())]:
    try: type(*a)
    except TypeError as e: print(e)
