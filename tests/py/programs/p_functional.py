from functools import reduce, partial, wraps
import operator
import itertools

nums = list(range(1, 21))
evens = list(filter(lambda n: n % 2 == 0, nums))
squares = list(map(lambda n: n * n, evens))
print(evens, squares)
print(reduce(operator.add, nums), reduce(operator.mul, range(1, 11)), reduce(lambda a, b: a if a > b else b, [3, 9, 2, 7]))
print(reduce(lambda acc, w: acc + len(w), ["ab", "cde", "f"], 0))
compose = lambda *fs: reduce(lambda f, g: lambda x: g(f(x)), fs)
inc_then_double = compose(lambda x: x + 1, lambda x: x * 2, str)
print(repr(inc_then_double(5)))
pow2 = partial(pow, 2)
print([pow2(i) for i in range(10)])
int_base2 = partial(int, base=2)
print(int_base2("101101"), int_base2.func, int_base2.args, int_base2.keywords)

def make_counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc

c1, c2 = make_counter(), make_counter(100)
print(c1(), c1(), c1(5), c2(), c1.__name__)

def adders():
    return [lambda x, i=i: x + i for i in range(4)]
print([f(10) for f in adders()])
late = [lambda x: x + i for i in range(4)]
print([f(10) for f in late])

def memo(fn):
    cache = {}
    @wraps(fn)
    def wrapper(*args):
        if args not in cache:
            cache[args] = fn(*args)
        return cache[args]
    wrapper.cache = cache
    return wrapper

@memo
def binom(n, k):
    """Binomial coefficient."""
    if k in (0, n):
        return 1
    return binom(n - 1, k - 1) + binom(n - 1, k)

print(binom(30, 15), len(binom.cache), binom.__name__, binom.__doc__)
print([binom(6, k) for k in range(7)])
data = [("apple", 3), ("pear", 1), ("fig", 3), ("kiwi", 2)]
print(sorted(data, key=operator.itemgetter(1, 0)))
print(list(map(operator.itemgetter(0), data)))
print(sorted(data, key=lambda t: t[1], reverse=True))
print(list(itertools.starmap(lambda name, n: name * n, data)))
print(list(zip(*data)))
print(dict(data), {k: v for k, v in data if v > 1})
print(any(n > 19 for n in nums), all(n > 0 for n in nums), sum(1 for n in nums if n % 3 == 0))
print(list(itertools.accumulate(nums[:8])), list(itertools.accumulate(nums[:6], operator.mul)))
print(list(itertools.takewhile(lambda n: n < 5, nums)), list(itertools.dropwhile(lambda n: n < 17, nums)))
print([(k, list(g)) for k, g in itertools.groupby(sorted("mississippi"))])
print(["".join(p) for p in itertools.permutations("abc", 2)])
print(list(itertools.combinations(range(5), 3))[:4], len(list(itertools.product("ab", repeat=4))))
print(list(itertools.islice(itertools.cycle("xyz"), 7)), list(itertools.repeat("r", 3)))
print(list(itertools.chain.from_iterable([[1, 2], [3], []])), list(itertools.zip_longest("ab", "wxyz", fillvalue="-")))
print(list(map(operator.add, [1, 2, 3], [10, 20, 30])), list(map(pow, [2, 3], [5, 2])))
print(max(data, key=operator.itemgetter(1)), min(map(len, ["aaa", "b", "cc"])))
getter = operator.attrgetter("real", "imag")
print(getter(3 + 4j), operator.methodcaller("upper")("hi"))
