# slice objects
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None, 3), repr(slice(1, 2, None)))
print(s.indices(5), slice(None, None, -1).indices(4), slice(-3, None).indices(10))
print(list(range(20))[s], 'abcdefghijk'[s], s == slice(1, 10, 2))
class Rec:
    def __getitem__(self, key):
        return key
r = Rec()
print(r[1:2], r[::3], r[1:2, 3], r[..., 1], r[:, :], r[1])
try:
    hash(slice(1, 2))
    print('hashable')
except TypeError as e:
    print(type(e).__name__, e)
