def gen(n):
    for i in range(n):
        yield i * 2
def pipeline(n):
    evens = (x for x in gen(n) if x % 3)
    return sum(y // 2 for y in evens)
def chained(n):
    yield from gen(n)
    yield from gen(n)
print(pipeline(8000000), sum(chained(2000000)))
