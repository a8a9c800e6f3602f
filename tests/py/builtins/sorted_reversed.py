# sorted and reversed
print(sorted([3, 1, 2]), sorted('cba'), sorted((3, 1), reverse=True), sorted({'b': 1, 'a': 2}), sorted(range(5), key=lambda x: -x))
print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed(range(4))), list(reversed((1, 2))), list(reversed({'a': 1, 'b': 2})))
class R:
    def __reversed__(self): return iter('custom')
    def __len__(self): return 0
print(list(reversed(R())))
try:
    reversed({1, 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([1], key=5)
except TypeError as e:
    print(type(e).__name__, e)
