# random: CPython-identical sequences for many seeds and every function
import random
def run(random):
    out = []
    for s in [0, 1, 42, 12345, 2**40, -7, 'string seed', b'bytes', 3.5, 2**100+17]:
        random.seed(s)
        out.append([random.random() for _ in range(3)])
        out.append([random.randint(1, 100) for _ in range(5)])
        out.append((random.choice('abcdefg'), random.randrange(0, 100, 5), random.randrange(10**30), random.randrange(50, 3, -4)))
        l = list(range(20)); random.shuffle(l); out.append(l)
        out.append(random.sample(range(100), 5)); out.append(random.sample(range(1000000), 30)); out.append(random.sample('abcdefgh', 8))
        out.append(random.sample(['x','y','z'], 5, counts=[1,2,3]) if False else random.sample(['x','y','z'], 4, counts=[1,2,3]))
        out.append(random.choices([1,2,3], k=4)); out.append(random.choices('abc', [1, 5, 2], k=6)); out.append(random.choices('abc', cum_weights=[1, 5, 7], k=6))
        out.append((random.uniform(1, 2), random.gauss(), random.gauss(1, 2), random.normalvariate(), random.triangular(), random.triangular(0, 10, 3), random.expovariate(2)))
        out.append((random.betavariate(2, 3), random.gammavariate(0.5, 1), random.gammavariate(3, 2), random.vonmisesvariate(1, 2), random.paretovariate(2), random.weibullvariate(1, 2), random.lognormvariate(0, 1)))
        out.append((random.getrandbits(1), random.getrandbits(31), random.getrandbits(32), random.getrandbits(33), random.getrandbits(100), random.randbytes(5)))
        st = random.getstate(); a = random.random(); random.setstate(st); out.append(a == random.random())
    r = random.Random(7); out.append((r.random(), r.randint(1, 6), r.choice('xyz')))
    class R2(random.Random):
        def random(self): return 0.5
    out.append(R2(3).randrange(10))
    for bad in [lambda: random.choice([]), lambda: random.randint(5, 1), lambda: random.randrange(0), lambda: random.randrange(1, 10, 0), lambda: random.sample({1,2}, 1), lambda: random.seed([1])]:
        try: bad()
        except Exception as e: out.append((type(e).__name__, str(e)))
    return out
for line in run(random):
    print(line)
