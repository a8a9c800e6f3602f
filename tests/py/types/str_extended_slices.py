# Extended slices of str (ASCII and not, every step sign), checked against indexing.
import random
rng = random.Random(5)
alphabet = 'abcé€😀xyz'
bad = 0
for t in range(3000):
    s = ''.join(rng.choice(alphabet) for _ in range(rng.randrange(0, 20)))
    if rng.random() < 0.3:
        s = ''.join(rng.choice('abcdef') for _ in range(rng.randrange(0, 20)))
    a, b = rng.randrange(-25, 25), rng.randrange(-25, 25)
    st = rng.choice([-3, -2, -1, 2, 3, 5])
    r = s[a:b:st]
    exp = ''.join(s[i] for i in range(*slice(a, b, st).indices(len(s))))
    if r != exp or len(r) != len(exp):
        bad += 1
        print(repr(s), a, b, st, repr(r), repr(exp))
print('bad', bad)
print('héllo wörld'[::-1], 'abcdef'[::-2], 'x😀y€z'[::2], 'a'[::-1], ''[::-1], 'ab'[1::-1])
