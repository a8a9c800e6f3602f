# random: Mersenne Twister sequences identical to CPython's
import random
random.seed(42)
print([random.random() for _ in range(3)])
print([random.randint(1, 100) for _ in range(5)])
print(random.choice('abcdefg'), random.choice([10, 20, 30]))
l = list(range(10)); random.shuffle(l); print(l)
print(random.uniform(1, 2), random.sample(range(100), 5), random.randrange(10), random.randrange(0, 100, 5))
random.seed(12345)
print(random.random(), random.getrandbits(32), random.randint(0, 10 ** 12))
random.seed('string seed')
print(random.random())
random.seed(0)
a = [random.random() for _ in range(2)]
random.seed(0)
b = [random.random() for _ in range(2)]
print(a == b, a)
r = random.Random(7)
print(r.random(), r.randint(1, 6), r.choice('xyz'))
random.seed(99)
print(random.sample(['a', 'b', 'c', 'd'], 2), random.choices([1, 2, 3], k=4) if hasattr(random, 'choices') else '')
try:
    random.choice([])
except IndexError as e:
    print(type(e).__name__, e)
try:
    random.randint(5, 1)
except ValueError as e:
    print(type(e).__name__, e)
