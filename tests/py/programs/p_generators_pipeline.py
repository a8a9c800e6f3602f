LOG = """2024-01-05 10:00:01 INFO  server started port=8080
2024-01-05 10:00:05 DEBUG handshake client=10.0.0.2
2024-01-05 10:01:17 WARN  slow request path=/api/items ms=1530
2024-01-05 10:02:00 ERROR db timeout after=30s
2024-01-05 10:02:01 INFO  retrying db
2024-01-05 10:02:03 ERROR db timeout after=30s
2024-01-05 10:03:44 INFO  request path=/api/users ms=45
2024-01-05 10:04:10 WARN  slow request path=/api/orders ms=2200
2024-01-05 10:05:00 INFO  shutdown"""

def read_lines(text):
    for line in text.splitlines():
        yield line

def parse(lines):
    for line in lines:
        date, time, level, *rest = line.split()
        msg = " ".join(rest)
        fields = dict(part.split("=", 1) for part in rest if "=" in part)
        yield {"time": time, "level": level, "msg": msg, "fields": fields}

def only(levels, records):
    return (r for r in records if r["level"] in levels)

def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x

records = list(parse(read_lines(LOG)))
print(len(records))
for r in only({"ERROR", "WARN"}, records):
    print(f"{r['time']} [{r['level']:<5}] {r['msg']}")
slow = [int(r["fields"]["ms"]) for r in records if "ms" in r["fields"]]
print("ms:", slow, "avg", sum(slow) / len(slow))
print(list(take(2, (r["time"] for r in records))))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

print(list(take(15, fib())))
print(sum(x for x in take(30, fib()) if x % 2 == 0))

def chunks(seq, n):
    for i in range(0, len(seq), n):
        yield seq[i:i + n]
print(list(chunks("abcdefghij", 3)))

def running_avg():
    total = count = 0
    avg = None
    while True:
        x = yield avg
        if x is None:
            break
        total += x
        count += 1
        avg = total / count
    return count

g = running_avg()
next(g)
print([g.send(v) for v in (10, 20, 30, 5)])
try:
    g.send(None)
except StopIteration as e:
    print("finished, count =", e.value)

def flatten(x):
    for item in x:
        if isinstance(item, (list, tuple)):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, [4, (5, 6)]], 7], [[8]]])))

def counter():
    n = 0
    try:
        while True:
            n += 1
            yield n
    finally:
        print("counter closed at", n)
c = counter()
print(next(c), next(c), next(c))
c.close()
gen = (x * x for x in range(5))
print(next(gen), list(gen), list(gen))
print(type(gen).__name__, type(fib()).__name__)
def delegator():
    result = yield from running_avg()
    yield f"inner returned {result}"
d = delegator()
next(d)
d.send(4)
print(d.send(None))
